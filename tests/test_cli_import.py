"""`jdeditor import`: postings written elsewhere become *.jd.json files, every guess printed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jdeditor.files import read_document, read_draft
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
