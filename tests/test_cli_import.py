"""`jdeditor import`: postings written elsewhere become *.jd.json files, every guess printed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jdeditor import cli_import
from jdeditor.files import read_document, read_draft
from jdeditor.importer import ImportResult
from jdeditor.library import PresetLibrary
from tests.test_cli import run

MARKDOWN = """# Chat Support Agent

**Pay:** $18 – $22 per hour · Remote (US) · Full-time

## What you'll do

- Answer customer chats
- Log every conversation in the CRM

## Requirements

- One year of customer service experience

## How to apply

Email jobs@example.com
"""


def test_a_markdown_posting_becomes_a_valid_posting_and_the_guesses_are_printed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "chat.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    target = tmp_path / "chat.jd.json"
    code, out, _ = run(capsys, "import", str(source), "-o", str(target))
    assert code == 0
    assert f"{source}: Section 'What you'll do' read as Responsibilities" in out
    assert out.rstrip().endswith(f"wrote {target}")
    document = read_document(target)
    assert document.title == "Chat Support Agent"
    assert document.responsibilities == (
        "Answer customer chats",
        "Log every conversation in the CRM",
    )
    assert document.salary is not None and document.salary.period == "hour"
    assert document.how_to_apply.email == "jobs@example.com"


def test_many_files_go_to_a_folder_and_a_preset_round_trips(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, library: PresetLibrary
) -> None:
    exported = tmp_path / "exported"
    assert (
        run(capsys, "export", "Agent", "Manager", "-d", str(exported), "--format", "docx")[0] == 0
    )
    out_dir = tmp_path / "imported"
    code, _, _ = run(capsys, "import", *map(str, sorted(exported.iterdir())), "-d", str(out_dir))
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["Agent.jd.json", "Manager.jd.json"]
    agent = read_document(out_dir / "Agent.jd.json")
    # The export prints typographic apostrophes; they come back as printed.
    expected = library.get("Agent").document.responsibilities
    assert [duty.replace("’", "'") for duty in agent.responsibilities] == list(expected)


def test_a_posting_without_duties_is_kept_as_a_draft_and_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "short.txt"
    source.write_text("Agent\n\nWe are hiring.\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", str(source), "-d", str(tmp_path / "out"))
    assert code == 1
    assert "a draft with errors" in out
    draft = read_draft(tmp_path / "out" / "short.jd.json")
    assert draft["title"] == "Agent"


def test_unreadable_files_are_named_and_the_others_still_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    good = tmp_path / "chat.md"
    good.write_text(MARKDOWN, encoding="utf-8")
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = run(capsys, "import", str(fifo), str(old), str(good), "-d", str(tmp_path / "o"))
    assert code == 1
    assert str(fifo) in err and "save it as .docx" in err
    assert (tmp_path / "o" / "chat.jd.json").is_file()


def test_an_output_that_is_an_input_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "chat.jd.json"
    source.write_text('{"title": "A", "responsibilities": ["b"]}', encoding="utf-8")
    before = source.read_bytes()
    code, _, err = run(capsys, "import", str(source), "-o", str(source))
    assert code == 1 and "is one of the files to import" in err
    assert source.read_bytes() == before


def _posting(folder: Path, name: str, title: str = "Chat Agent") -> Path:
    path = folder / name
    path.write_text(f"# {title}\n\n## Duties\n\n- Answer chats\n", encoding="utf-8")
    return path


def test_an_existing_posting_is_replaced_only_with_force_and_nothing_is_written_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Every target is checked before any file is written: a.jd.json is not written when
    b.jd.json (a week of edits) stops the run."""
    first, second = _posting(tmp_path, "a.md"), _posting(tmp_path, "b.md", "Night Agent")
    kept = tmp_path / "b.jd.json"
    kept.write_text("a week of edits", encoding="utf-8")
    code, out, err = run(capsys, "import", str(first), str(second), "-d", str(tmp_path))
    assert code == 1
    assert f"{kept}: exists already; --force replaces it" in err
    assert kept.read_text(encoding="utf-8") == "a week of edits"
    assert not (tmp_path / "a.jd.json").exists() and "wrote" not in out
    code, out, _ = run(capsys, "import", str(first), str(second), "-d", str(tmp_path), "--force")
    assert code == 0 and f"wrote {kept}" in out
    assert read_document(kept).title == "Night Agent"
    assert read_document(tmp_path / "a.jd.json").title == "Chat Agent"


def test_a_jd_json_keeps_its_name_and_is_never_written_over_itself(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'x.jd.json' imports as 'x.jd.json' (not 'x.jd.jd.json'): into another folder, never
    over itself, --force or not."""
    source = tmp_path / "x.jd.json"
    source.write_text('{"title": "Agent", "responsibilities": ["Answer calls"]}', "utf-8")
    before = source.read_bytes()
    code, _, _ = run(capsys, "import", str(source), "-d", str(tmp_path / "out"))
    assert code == 0
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["x.jd.json"]
    monkeypatch.chdir(tmp_path)
    for force in ([], ["--force"]):
        code, _, err = run(capsys, "import", "x.jd.json", *force)
        assert code == 1
        assert "x.jd.json: is one of the files to import" in err
        assert "another folder with -d DIR" in err and "another file with -o" in err
        assert source.read_bytes() == before


def test_two_imports_that_would_write_one_file_are_refused_with_what_to_do(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    markdown, page = _posting(tmp_path, "chat.md"), tmp_path / "chat.html"
    page.write_text("<h1>Chat Agent</h1><h2>Duties</h2><ul><li>Answer chats</li></ul>", "utf-8")
    code, _, err = run(capsys, "import", str(markdown), str(page), "-d", str(tmp_path / "o"))
    assert code == 1
    assert f"would be written for two imports ({markdown} and {page})" in err
    assert "different folders with -d DIR, or one at a time with -o" in err
    assert "use -d with -o" not in err
    assert not (tmp_path / "o").exists()


def test_a_folder_that_cannot_be_made_is_named_for_each_file_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder", encoding="utf-8")
    sources = [_posting(tmp_path, "a.md"), _posting(tmp_path, "b.md")]
    code, _, err = run(capsys, "import", *map(str, sources), "-d", str(blocker))
    assert code == 1
    assert err.count(f"{blocker}: cannot be created: it is a file, not a folder") == 2
    assert "Traceback" not in err


def test_a_file_that_cannot_be_written_does_not_stop_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a.jd.json").mkdir()  # --force replaces files, not folders
    sources = [_posting(tmp_path, "a.md"), _posting(tmp_path, "b.md")]
    code, out, err = run(capsys, "import", *map(str, sources), "-d", str(tmp_path), "--force")
    assert code == 1
    assert f"{tmp_path / 'a.jd.json'}: cannot be written" in err
    assert f"wrote {tmp_path / 'b.jd.json'}" in out
    assert read_document(tmp_path / "b.jd.json").title == "Chat Agent"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"title": "\\ud800x", "responsibilities": ["a"]}',
            "title: Job title contains a character that is not text (U+D800)",
        ),
        (
            '{"schema_version": 99, "title": "A", "responsibilities": ["a"]}',
            "schema_version: This file was written by a newer jdeditor (format version 99)",
        ),
        (
            '{"title": "A", "responsibilities": ["a"], "x": ' + "[" * 40 + "]" * 40 + "}",
            "is nested too deeply",
        ),
    ],
)
def test_a_posting_file_open_would_refuse_is_refused_the_same_way(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, message: str
) -> None:
    source = tmp_path / "posting.json"
    source.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "import", str(source), "-d", str(tmp_path / "o"))
    assert code == 1
    assert f"jdeditor: {source}: {message}" in err
    assert "Traceback" not in err and "wrote" not in out
    assert not (tmp_path / "o").exists()


def test_a_draft_holding_a_character_no_file_can_hold_is_an_error_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Readers clean lone surrogates out; should one reach the writer, it says so."""

    def lone_surrogate(path: Path) -> ImportResult:
        draft = {"title": "Agent\ud800", "responsibilities": ["Answer calls"]}
        return ImportResult(draft, [], [], "jsonld", path)

    monkeypatch.setattr(cli_import, "import_posting", lone_surrogate)
    source = _posting(tmp_path, "a.md")
    code, _, err = run(capsys, "import", str(source), "-d", str(tmp_path / "o"))
    assert code == 1
    assert "cannot be written: the posting holds a character that is not text (U+D800)" in err
    assert not (tmp_path / "o" / "a.jd.json").exists()


def test_two_thousand_files_are_checked_at_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Each target was compared with every input, resolving both each time: 2,000 files took
    close to three minutes before anything was imported. The last target exists, so the
    check is all that runs."""
    sources = [_posting(tmp_path, f"posting-{number}.md") for number in range(2_000)]
    out = tmp_path / "out"
    out.mkdir()
    (out / "posting-1999.jd.json").write_text("kept", encoding="utf-8")
    code, _, err = run(capsys, "import", *map(str, sources), "-d", str(out))
    assert code == 1 and "posting-1999.jd.json: exists already" in err
    assert [path.name for path in out.iterdir()] == ["posting-1999.jd.json"]
