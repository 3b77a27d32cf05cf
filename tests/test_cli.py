"""The command line: exit codes and output, in-process and as a real process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jdeditor import __version__
from jdeditor._text import columns
from jdeditor.cli import main
from jdeditor.library import PresetLibrary
from jdeditor.model import JobDescription, Location
from tests.conftest import REPO

BUILT_IN = [
    "Agent",
    "Team Lead",
    "Manager",
    "Operations",
    "呼叫中心客服专员",
    "呼叫中心组长",
    "呼叫中心经理",
    "呼叫中心运营经理",
]
"""The built-in presets: each role in English and in Simplified Chinese."""


def built_in_names(library: PresetLibrary) -> list[str]:
    """The built-in presets in the order the library lists them (its own tests pin the order)."""
    names = [preset.name for preset in library.list_presets().presets if preset.read_only]
    assert sorted(names) == sorted(BUILT_IN)
    return names


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"jdeditor {__version__}\n"


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: jdeditor")
    assert "presets" in out and "validate" in out and "export" in out


def test_no_arguments_without_a_display_explains_instead_of_aborting(tmp_path: Path) -> None:
    env = {k: v for k, v in _env().items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    for argv in ([], ["posting.jd.json"]):
        result = subprocess.run(
            [sys.executable, "-m", "jdeditor", *argv],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            check=False,
        )
        assert result.returncode == 2
        assert result.stderr.startswith("jdeditor: no display to show the window on")
        assert "Traceback" not in result.stderr


def test_presets_list(
    capsys: pytest.CaptureFixture[str], library: PresetLibrary, posting: JobDescription
) -> None:
    library.save_user_preset("夜班", posting)
    code, out, err = run(capsys, "presets", "list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "KIND", "TITLE"]
    built_in = built_in_names(library)
    assert [line.split("  ")[0].strip() for line in lines[1:]] == [*built_in, "夜班"]
    assert "built-in" in lines[1] and "Call Center Agent" in lines[1]
    chinese = lines[1 + built_in.index("呼叫中心组长")]
    assert "built-in" in chinese and chinese.rstrip().endswith("呼叫中心组长")
    assert "user" in lines[-1] and "Night Shift Agent" in lines[-1]


def test_presets_list_json(
    capsys: pytest.CaptureFixture[str], library: PresetLibrary, posting: JobDescription
) -> None:
    library.save_user_preset("Night shift", posting)
    library.user_dir.joinpath("Broken.jd.json").write_text("{")
    code, out, err = run(capsys, "presets", "list", "--json")
    assert code == 0
    data = json.loads(out)
    built_in = built_in_names(library)
    assert [p["name"] for p in data["presets"]] == [*built_in, "Night shift"]
    assert data["presets"][0] == {
        "name": "Agent",
        "kind": "built-in",
        "read_only": True,
        "title": "Call Center Agent",
        "path": str(library.get("Agent").path),
    }
    assert data["presets"][built_in.index("呼叫中心客服专员")] == {
        "name": "呼叫中心客服专员",
        "kind": "built-in",
        "read_only": True,
        "title": "呼叫中心客服专员",
        "path": str(library.get("呼叫中心客服专员").path),
    }
    user = data["presets"][len(built_in)]
    assert user["kind"] == "user" and not user["read_only"]
    assert data["skipped"] == [
        {
            "path": str(library.user_dir / "Broken.jd.json"),
            "reason": data["skipped"][0]["reason"],
        }
    ]
    assert data["skipped"][0]["reason"].startswith("is not valid JSON")
    assert err.startswith(f"jdeditor: warning: skipped {library.user_dir / 'Broken.jd.json'}")


def test_presets_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "presets", "show", "team lead")
    assert code == 0
    assert out.startswith("Call Center Team Lead\n")
    assert "$38,000 – $44,000 per year" in out
    assert "RESPONSIBILITIES" in out
    assert "  • Design and run ongoing training and development programs for agents" in out


def test_presets_show_a_chinese_preset(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "presets", "show", "呼叫中心组长")
    assert code == 0
    assert out.startswith("呼叫中心组长\n")
    assert "38,000" in out and "44,000" in out
    assert "  • 设计并持续开展面向客服专员的培训与发展计划" in out


def test_presets_show_unknown(capsys: pytest.CaptureFixture[str], library: PresetLibrary) -> None:
    code, out, err = run(capsys, "presets", "show", "Astronaut")
    assert code == 1 and out == ""
    assert err == (
        "jdeditor: there is no preset named “Astronaut”; presets: "
        + ", ".join(built_in_names(library))
        + "\n"
    )


def test_validate_valid_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, posting: JobDescription
) -> None:
    path = tmp_path / "ok.jd.json"
    denver = Location(locality="Denver", region="CO", country="US")
    path.write_text(posting.model_copy(update={"salary": None, "location": denver}).to_json())
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    assert out.startswith(f"{path}: salary: warning: ")
    assert "Colorado" in out  # a law there asks for the pay: a warning
    code, _, _ = run(capsys, "validate", "--strict", str(path))
    assert code == 1
    # Nowhere in particular, no pay is advice: `validate` leaves advice to `check`.
    path.write_text(posting.model_copy(update={"salary": None}).to_json())
    assert run(capsys, "validate", "--strict", str(path))[:2] == (0, f"{path}: valid\n")


def test_validate_reports_each_problem_on_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jd.json"
    content = (
        '{"title": " ", "responsibilities": ["a", "A"], "salary": {"minimum": 9, "maximum": 1}}'
    )
    bad.write_text(content)
    missing = tmp_path / "missing.jd.json"
    code, out, _ = run(capsys, "validate", str(bad), str(missing))
    assert code == 1
    assert out.splitlines() == [
        f"{bad}: title: Job title is required",
        f"{bad}: responsibilities: Responsibilities has a duplicate: item 2 repeats item 1",
        f"{bad}: salary.maximum: Maximum pay must not be less than the minimum pay (9)",
        f"{missing}: cannot be read: the file or its folder does not exist",
    ]
    assert bad.read_text() == content


def test_validate_built_in_presets_warns_about_placeholders(
    capsys: pytest.CaptureFixture[str], library: PresetLibrary
) -> None:
    path = library.get("Agent").path
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    assert (
        f"{path}: company.name: warning: Company name still has a placeholder to replace: "
        "[Company name]" in out.splitlines()
    )


def test_validate_every_built_in_preset(
    capsys: pytest.CaptureFixture[str], library: PresetLibrary
) -> None:
    """All eight are valid; what validate reports is only the placeholders left to fill in."""
    paths = [str(library.get(name).path) for name in BUILT_IN]
    code, out, _ = run(capsys, "validate", *paths)
    assert code == 0
    lines = out.splitlines()
    assert lines and all(": warning: " in line and "placeholder" in line for line in lines)
    chinese = str(library.get("呼叫中心客服专员").path)
    assert (
        f"{chinese}: company.name: warning: Company name still has a placeholder to replace: "
        "[公司名称]" in lines
    )


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["frobnicate"], ["validate"], ["presets"]):
        with pytest.raises(SystemExit) as exited:
            main(argv)
        assert exited.value.code == 2
    capsys.readouterr()


# --- as real processes ------------------------------------------------------------------------
def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def test_python_dash_m_is_the_same_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jdeditor", "presets", "list", "--json"],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p["name"] for p in json.loads(result.stdout)["presets"]) == sorted(BUILT_IN)


def test_console_script(tmp_path: Path) -> None:
    script = shutil.which("jdeditor", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("jdeditor is not installed in this environment (pip install -e .)")
    result = subprocess.run(
        [script, "--version"], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert (result.returncode, result.stdout) == (0, f"jdeditor {__version__}\n")


def test_cli_runs_without_qt_or_a_display(tmp_path: Path) -> None:
    env = {k: v for k, v in _env().items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    code = (
        "import sys; from jdeditor.cli import main; code = main(['presets', 'list']); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')]; sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr


def test_broken_pipe_is_not_an_error() -> None:
    """`jdeditor presets show … | head -1`: the reader is gone; no traceback, exit 0."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: the first write fails with EPIPE
    try:
        writer = subprocess.run(
            [sys.executable, "-m", "jdeditor", "presets", "show", "Operations"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
            check=False,
        )
    finally:
        os.close(write_end)
    assert writer.returncode == 0
    assert writer.stderr == ""


def test_presets_list_json_survives_a_file_name_that_is_not_utf8(
    library: PresetLibrary, capsys: pytest.CaptureFixture[str]
) -> None:
    library.user_dir.mkdir(parents=True)
    handle = os.open(os.fsencode(library.user_dir) + b"/\xff\xfe.jd.json", os.O_CREAT | os.O_WRONLY)
    os.close(handle)
    code, out, err = run(capsys, "presets", "list", "--json")
    assert code == 0
    listing = json.loads(out)
    assert [p["name"] for p in listing["presets"]] == built_in_names(library)
    (skipped,) = listing["skipped"]
    assert skipped["path"].endswith("/\\udcff\\udcfe.jd.json")
    assert skipped["reason"] == "its file name is not a valid preset name"
    assert "\\udcff" in err


def test_validate_escapes_control_characters_from_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "evil.jd.json"
    path.write_text(
        json.dumps({"title": "x", "responsibilities": ["a"], "language": "\x1b[2J\x9b1m"}),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert "\x1b" not in out and "\x9b" not in out
    assert "'\\x1b[2J\\x9b1m' is not a BCP 47 language tag" in out


def test_bad_preset_files_never_break_a_command(
    hostile_folder: PresetLibrary, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "presets", "list")
    assert code == 0
    assert [line.split("  ")[0] for line in out.splitlines()[1:]] == [
        *built_in_names(hostile_folder),
        "Night shift",
    ]
    assert err.count("jdeditor: warning: skipped") == 9
    assert "\x1b" not in err and "\u202e" not in err
    assert run(capsys, "presets", "show", "Agent")[0] == 0
    code, out, _ = run(capsys, "export", "Agent", "-o", str(tmp_path / "agent.docx"))
    assert code == 0 and (tmp_path / "agent.docx").read_bytes()[:2] == b"PK"
    code, out, _ = run(capsys, "presets", "list", "--json")
    assert code == 0 and len(json.loads(out)["skipped"]) == 9


def test_presets_list_lines_up_chinese_names(capsys: pytest.CaptureFixture[str]) -> None:
    """A Chinese character takes two terminal columns: the KIND column still lines up."""
    code, out, _ = run(capsys, "presets", "list")
    assert code == 0
    rows = out.splitlines()
    assert any("呼叫中心" in row for row in rows)
    starts = {
        columns(row[: row.index("built-in" if "built-in" in row else "KIND")]) for row in rows
    }
    assert len(starts) == 1, rows
