"""`jdeditor export`: presets and files to .docx, atomic writes, clear failures."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from jdeditor.cli import main
from jdeditor.export import docx as docx_export
from jdeditor.library import PresetLibrary
from jdeditor.model import JobDescription, SalaryRange
from tests.conftest import REPO
from tests.export.helpers import reopen, styled_paragraphs


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_a_preset(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "team-lead.docx"
    code, out, err = run(capsys, "export", "Team Lead", "-o", str(target))
    assert code == 0
    assert out == f"wrote {target}\n"
    assert styled_paragraphs(reopen(target.read_bytes()))[0] == ("Title", "Call Center Team Lead")
    # The same review as `validate`: one line per field that still has a placeholder.
    lines = err.splitlines()
    assert lines[0] == (
        f"jdeditor: warning: {target}: location.locality: City still has a placeholder to "
        "replace: [City]"
    )
    assert len(lines) == 8
    assert "[Company name]" in err


def test_export_a_file_to_the_default_name(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    posting: JobDescription,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "night.jd.json"
    finished = posting.model_copy(update={"salary": SalaryRange(minimum=Decimal(30000))})
    source.write_text(finished.to_json())
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "export", str(source))
    assert (code, out, err) == (0, "wrote night.docx\n", "")  # a finished posting: no warning
    assert reopen((tmp_path / "night.docx").read_bytes()).paragraphs[0].text == posting.title


def test_export_all_presets(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "out" / "postings"
    code, out, _ = run(capsys, "export", "--all-presets", "-d", str(folder))
    assert code == 0
    names = ["Agent", "Team Lead", "Manager", "Operations"]
    names += ["呼叫中心客服专员", "呼叫中心组长", "呼叫中心经理", "呼叫中心运营经理"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.docx" for n in names)
    assert out.splitlines() == [f"wrote {folder / f'{n}.docx'}" for n in names]


def test_export_with_template(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, library: PresetLibrary
) -> None:
    import docx

    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "ACME"
    template.save(str(tmp_path / "acme.docx"))
    target = tmp_path / "agent.docx"
    code, _, _ = run(
        capsys, "export", "agent", "-o", str(target), "--template", str(tmp_path / "acme.docx")
    )
    assert code == 0
    assert reopen(target.read_bytes()).sections[0].header.paragraphs[0].text == "ACME"


def test_export_to_stdout() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jdeditor", "export", "Manager", "-o", "-"],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout[:2] == b"PK"  # a zip package, nothing else on stdout
    assert reopen(result.stdout).paragraphs[0].text == "Call Center Manager"
    assert b"jdeditor: warning: standard output: company.name: Company name still has" in (
        result.stderr
    )


def test_missing_folder_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "x.docx"
    code, out, err = run(capsys, "export", "Agent", "-o", str(target))
    assert code == 1 and out == ""
    assert err == f"jdeditor: {target}: cannot be written: the file or its folder does not exist\n"
    assert not target.parent.exists()


def test_locked_or_read_only_target_keeps_the_old_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Word holds the file open (or the folder is read-only): root cannot feel either, so the
    refusal the OS would give is simulated at the final replace."""
    target = tmp_path / "agent.docx"
    target.write_bytes(b"the old export")

    def refuse(source: object, destination: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    code, _, err = run(capsys, "export", "Agent", "-o", str(target))
    assert code == 1
    assert (
        "cannot be written: permission denied (is the file or folder read-only, or open in "
        "another program?)" in err
    )
    assert target.read_bytes() == b"the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agent.docx"]


def test_failed_render_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "agent.docx"
    target.write_bytes(b"the old export")

    def broken(*args: object) -> bytes:
        raise docx_export.TemplateError(tmp_path / "t.dotx", "is damaged and cannot be opened")

    monkeypatch.setattr(docx_export, "render_docx", broken)
    code, _, err = run(capsys, "export", "Agent", "-o", str(target))
    assert code == 1
    assert err == f"jdeditor: {tmp_path / 't.dotx'}: is damaged and cannot be opened\n"
    assert target.read_bytes() == b"the old export"


def test_bad_template_names_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    template = tmp_path / "macros.dotm"
    template.write_bytes(b"PK")
    code, _, err = run(
        capsys, "export", "Agent", "-o", str(tmp_path / "a.docx"), "--template", str(template)
    )
    assert code == 1
    assert err.startswith(f"jdeditor: {template}: is a macro-enabled Word file")
    assert not (tmp_path / "a.docx").exists()


def test_invalid_source_file_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "bad.jd.json"
    source.write_text('{"title": ""}')
    code, _, err = run(capsys, "export", str(source), "-o", str(tmp_path / "bad.docx"))
    assert code == 1
    assert err.splitlines() == [
        f"jdeditor: {source}: title: Job title is required",
        f"jdeditor: {source}: responsibilities: Responsibilities is required",
    ]


def test_unknown_preset(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "Astronaut", "-o", "x.docx")
    assert code == 1
    assert err == "jdeditor: There is no preset named “Astronaut”.\n"


def test_source_and_all_presets_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["export"], ["export", "Agent", "--all-presets"]):
        with pytest.raises(SystemExit) as exited:
            main(argv)
        assert exited.value.code == 2
    assert "export needs preset names or files, or --all-presets" in capsys.readouterr().err


# --- the command never replaces its own input, nor writes a format under another's name -------
def test_output_that_is_the_input_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, posting: JobDescription
) -> None:
    source = tmp_path / "night.jd.json"
    source.write_text(posting.to_json(), encoding="utf-8")
    before = source.read_bytes()
    (tmp_path / "link.docx").symlink_to(source)
    for output in (source, tmp_path / "link.docx"):
        code, out, err = run(capsys, "export", str(source), "-o", str(output))
        assert code == 1 and out == ""
        assert str(output) in err
    assert source.read_bytes() == before


def test_output_named_for_another_format_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name in ("agent.jd.json", "agent", "agent.doc"):
        code, out, err = run(capsys, "export", "Agent", "-o", str(tmp_path / name))
        assert code == 1 and out == ""
        assert "has no suffix jdeditor exports to: name it .docx, .pdf" in err
    code, out, err = run(
        capsys, "export", "Agent", "-o", str(tmp_path / "agent.md"), "--format", "docx"
    )
    assert code == 1 and out == ""
    assert "is not a name for a Word document file: name the output 'agent.docx'" in err
    assert list(tmp_path.iterdir()) == []


def test_the_suffix_picks_the_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "export", "Agent", "-o", str(tmp_path / "agent.txt"))
    assert code == 0 and out == f"wrote {tmp_path / 'agent.txt'}\n"
    text = (tmp_path / "agent.txt").read_text(encoding="utf-8")
    assert text.startswith("Call Center Agent\n")
    assert max(len(line) for line in text.splitlines()) <= 80


def test_many_postings_in_many_formats_in_one_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    code, out, _ = run(
        capsys, "export", "Agent", "Team Lead", "-d", str(folder), "--format", "docx,txt"
    )
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "Agent.docx",
        "Agent.txt",
        "Team Lead.docx",
        "Team Lead.txt",
    ]
    assert out.count("wrote ") == 4


def test_two_postings_that_would_write_one_file_write_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, posting: JobDescription
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "night.jd.json").write_text(posting.to_json())
    out_dir = tmp_path / "out"
    code, _, err = run(
        capsys,
        "export",
        str(tmp_path / "a" / "night.jd.json"),
        str(tmp_path / "b" / "night.jd.json"),
        "-d",
        str(out_dir),
    )
    assert code == 1 and "would be written for two postings" in err
    assert not out_dir.exists()


def test_unknown_format_and_o_with_many_are_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for argv in (
        ["export", "Agent", "--format", "rtf"],
        ["export", "Agent", "Manager", "-o", str(tmp_path / "x.docx")],
        ["export", "Agent", "--format", "docx,txt", "-o", str(tmp_path / "x.docx")],
    ):
        with pytest.raises(SystemExit) as exited:
            main(argv)
        assert exited.value.code == 2
    assert "'rtf' is not a format" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_output_that_is_the_template_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    template = tmp_path / "company.docx"
    run(capsys, "export", "Agent", "-o", str(template))
    before = template.read_bytes()
    code, _, err = run(
        capsys, "export", "Manager", "-o", str(template), "--template", str(template)
    )
    assert code == 1 and "is also an input of this command" in err
    assert template.read_bytes() == before


def test_stdout_closed_or_full_is_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class FullBuffer:
        def write(self, data: bytes) -> int:
            raise OSError(28, "No space left on device")

    class FullStdout:
        buffer = FullBuffer()

        def flush(self) -> None:
            raise AssertionError("never reached")

    monkeypatch.setattr(sys, "stdout", FullStdout())
    code = main(["export", "Agent", "-o", "-"])
    assert code == 1
    assert "-: cannot be written to standard output: No space left on device" in (
        capsys.readouterr().err
    )
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["export", "Agent", "-o", "-"]) == 1
    assert "standard output is closed; name a file with -o" in capsys.readouterr().err


def test_stdout_closed_in_a_real_process() -> None:
    result = subprocess.run(
        ["sh", "-c", f'"{sys.executable}" -m jdeditor export Agent -o - >&-'],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"standard output is closed" in result.stderr


def test_all_presets_never_write_over_the_template(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "export", "Agent", "-o", str(tmp_path / "Agent.docx"))
    before = (tmp_path / "Agent.docx").read_bytes()
    code, _, err = run(
        capsys,
        "export",
        "--all-presets",
        "-d",
        str(tmp_path),
        "--template",
        str(tmp_path / "Agent.docx"),
    )
    assert code == 1 and "is also an input of this command" in err
    assert (tmp_path / "Agent.docx").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Agent.docx"]  # nothing half-done


def test_export_says_what_it_removed_from_a_template(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.export.test_hostile_templates import remote_template_injection, write

    data = remote_template_injection()
    template = write(tmp_path, data)
    target = tmp_path / "out.docx"
    code, _, err = run(capsys, "export", "Agent", "-o", str(target), "--template", str(template))
    assert code == 0 and target.exists()
    assert (
        f"jdeditor: warning: {template}: removed a link to an outside template, in the settings"
        in err.splitlines()
    )
    with zipfile.ZipFile(target) as output:
        assert not any(b"evil.example" in output.read(name) for name in output.namelist())


def test_a_made_up_name_never_replaces_a_file_that_is_there(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After `jdeditor import posting.docx`, `jdeditor export posting.jd.json` would otherwise
    write posting.docx over the Word original."""
    monkeypatch.chdir(tmp_path)
    original = tmp_path / "Agent.docx"
    original.write_bytes(b"the team's own Word file")
    code, _, err = run(capsys, "export", "Agent")
    assert code == 1 and "Agent.docx: exists already" in err and "--force" in err
    code, _, err = run(capsys, "export", "Agent", "-d", str(tmp_path), "--format", "docx,md")
    assert code == 1
    assert original.read_bytes() == b"the team's own Word file"
    assert not (tmp_path / "Agent.md").exists()  # nothing of the batch was written
    assert run(capsys, "export", "Agent", "--force")[0] == 0
    assert original.read_bytes().startswith(b"PK")
    assert run(capsys, "export", "Agent", "-o", str(original))[0] == 0  # named: replaced


def test_two_outputs_that_are_one_file_through_a_symlink_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "Agent.md").symlink_to(out / "Manager.md")
    code, _, err = run(
        capsys, "export", "Agent", "Manager", "-d", str(out), "--format", "md", "--force"
    )
    assert code == 1 and "would be written for two postings" in err
    assert sorted(p.name for p in out.iterdir()) == ["Agent.md"]


def test_json_ld_notes_what_google_for_jobs_needs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "remote.jd.json"
    source.write_text(
        '{"title": "Agent", "responsibilities": ["Answer calls"], "work_arrangement": "remote",'
        ' "valid_through": "2020-01-01"}',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "export", str(source), "-o", str(tmp_path / "remote.jsonld"))
    assert code == 0
    assert "note:" in err and "[job-boards" not in err
    assert "hiring company's name" in err
    assert "country applicants may work from" in err
    assert "has passed" in err
