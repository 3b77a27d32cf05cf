"""The command line and team folders: --presets-dir, JDEDITOR_PRESETS_DIRS, the settings file,
the SOURCE column, qualified names, publishing and the list of sources."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jdeditor import preset_sources
from jdeditor.cli import main
from jdeditor.model import JobDescription
from jdeditor.preset_sources import TEAM_MARKER, TeamFolder, settings_path, write_team_folders
from tests.conftest import REPO

AGENT = (REPO / "presets" / "Agent.jd.json").read_bytes()


@pytest.fixture
def team(tmp_path: Path, posting: JobDescription) -> Path:
    folder = tmp_path / "Support"
    folder.mkdir()
    (folder / "Agent.jd.json").write_text(posting.to_json(), encoding="utf-8")
    (folder / "Agent.jd (conflicted copy 2024-05-01).json").write_bytes(AGENT)
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rows(out: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.split("  ") if cell.strip()] for line in out.splitlines()
    ]


def test_presets_dir_adds_a_team_folder_with_a_source_column(
    capsys: pytest.CaptureFixture[str], team: Path
) -> None:
    code, out, err = run(capsys, "presets", "list", "--presets-dir", str(team))
    assert code == 0 and err == ""
    table = rows(out)
    assert table[0] == ["NAME", "SOURCE", "TITLE"]
    assert table[1] == ["Agent", "built-in", "Call Center Agent"]
    assert table[-2:] == [
        ["Agent", "team:Support", "Night Shift Agent"],
        [
            "Agent (conflicted copy 2024-05-01)",
            "team:Support",
            "Call Center Agent",
            "(conflicting copy of “Agent”)",
        ],
    ]
    # Without a team folder the columns are as they always were.
    assert rows(run(capsys, "presets", "list")[1])[0] == ["NAME", "KIND", "TITLE"]


def test_a_qualified_name_shows_the_team_preset(
    capsys: pytest.CaptureFixture[str], team: Path
) -> None:
    code, out, _ = run(capsys, f"--presets-dir={team}", "presets", "show", "team:Support/Agent")
    assert code == 0 and out.startswith("Night Shift Agent")
    code, out, _ = run(capsys, "presets", "show", "Agent", "--presets-dir", str(team))
    assert code == 0 and out.startswith("Call Center Agent")  # the built-in comes first


def test_the_environment_variable_adds_team_folders(
    capsys: pytest.CaptureFixture[str], team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(preset_sources.ENVIRONMENT_VARIABLE, os.pathsep.join([str(team), ""]))
    code, out, _ = run(capsys, "presets", "list", "--json")
    assert code == 0
    data = json.loads(out)
    team_presets = [p for p in data["presets"] if p["kind"] == "team"]
    assert [(p["name"], p["source"], p["conflict_of"]) for p in team_presets] == [
        ("Agent", "team:Support", None),
        ("Agent (conflicted copy 2024-05-01)", "team:Support", "Agent"),
    ]
    assert data["presets"][0].keys() == {"name", "kind", "read_only", "title", "path"}
    assert data["sources"][-1] == {
        "source": "team:Support",
        "folder": str(team),
        "writable": True,
        "available": True,
        "note": "",
    }


def test_the_settings_file_is_read_and_a_bad_one_is_a_warning(
    capsys: pytest.CaptureFixture[str], team: Path, tmp_path: Path
) -> None:
    write_team_folders([TeamFolder(team, "Support team"), TeamFolder(tmp_path / "gone", "Gone")])
    code, out, err = run(capsys, "presets", "sources")
    assert code == 0
    assert rows(out)[-2:] == [
        ["team:Support team", "writable", str(team)],
        [
            "team:Gone",
            "unavailable",
            f"{tmp_path / 'gone'} (the folder does not exist, or its drive or share is not "
            "connected)",
        ],
    ]
    assert err == ""
    code, _, err = run(capsys, "presets", "list")
    assert code == 0
    assert err == (
        f"jdeditor: warning: skipped {tmp_path / 'gone'}: the team folder “Gone” is not "
        "available: the folder does not exist, or its drive or share is not connected\n"
    )
    settings_path().write_text('{"team_folders": {"path": "x"}}')
    code, out, err = run(capsys, "presets", "list")
    assert code == 0 and "Agent" in out
    assert err.startswith(f"jdeditor: warning: skipped {settings_path()}: team_folders: ")


def test_publish_new_then_replace_only_when_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, posting: JobDescription
) -> None:
    folder = tmp_path / "Support"
    folder.mkdir()
    arguments = ["--presets-dir", str(folder), "presets", "publish"]
    code, out, _ = run(capsys, *arguments, "Team Lead")
    assert (code, out) == (0, f"created: {folder / 'Team Lead.jd.json'}\n")
    code, _, err = run(capsys, *arguments, "Team Lead", "--to", "support")
    assert code == 1
    assert err == (
        "jdeditor: “Team Lead” is already in the team folder “Support”. Use --replace to "
        "replace it.\n"
    )
    code, out, _ = run(capsys, *arguments, "Team Lead", "--replace")
    assert (code, out) == (0, f"replaced: {folder / 'Team Lead.jd.json'}\n")
    assert sorted(p.name for p in folder.iterdir()) == ["Team Lead.jd.json"]


def test_publish_to_a_read_only_or_unnamed_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    approved, other = tmp_path / "Approved", tmp_path / "Other"
    for folder in (approved, other):
        folder.mkdir()
    (approved / TEAM_MARKER).write_text('{"read_only": true}')
    code, _, err = run(capsys, "--presets-dir", str(approved), "presets", "publish", "Agent")
    assert code == 2 and "name the team folder with --to (none is configured)" in err
    code, _, err = run(
        capsys, "--presets-dir", str(approved), "presets", "publish", "Agent", "--to", "Approved"
    )
    assert code == 1
    assert err == (
        "jdeditor: The team folder “Approved” is read-only (its .jdeditor-team.json file makes it "
        "read-only); nothing can be published to it.\n"
    )
    both = ["--presets-dir", str(approved), "--presets-dir", str(other)]
    code, out, _ = run(capsys, *both, "presets", "publish", "Agent")
    assert code == 0 and out == f"created: {other / 'Agent.jd.json'}\n"  # the only writable one
    assert sorted(p.name for p in approved.iterdir()) == [TEAM_MARKER]


def test_presets_dir_needs_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "presets", "list", "--presets-dir")
    assert code == 2 and err == "jdeditor: --presets-dir: expected a folder\n"


def _titles(folder: Path) -> list[str]:
    return sorted(
        json.loads(path.read_text(encoding="utf-8"))["title"]
        for path in folder.iterdir()
        if path.name.endswith(".json")
    )


def test_two_replace_publishes_at_once_never_lose_a_version(
    tmp_path: Path, posting: JobDescription
) -> None:
    # Ann and Bo each publish their own "Shift" (from folders A and B) with --replace, in two
    # processes at once: whichever file each displaces, every version is in the folder after.
    environment = {
        key: value
        for key, value in os.environ.items()
        if key != preset_sources.ENVIRONMENT_VARIABLE
    }
    environment |= {"XDG_CONFIG_HOME": str(tmp_path / "config"), "LANGUAGE": "en", "LANG": "C"}
    for round_ in range(5):
        root = tmp_path / str(round_)
        for who, title in (("A", "Ann"), ("B", "Bo"), ("T", "Old")):
            (root / who).mkdir(parents=True)
            (root / who / "Shift.jd.json").write_text(
                posting.model_copy(update={"title": title}).to_json(), encoding="utf-8"
            )
        dirs = [arg for who in "ABT" for arg in ("--presets-dir", str(root / who))]
        people = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "jdeditor",
                    *dirs,
                    "presets",
                    "publish",
                    f"team:{who}/Shift",
                    "--to",
                    "T",
                    "--replace",
                ],
                env=environment,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for who in "AB"
        ]
        results = [person.communicate(timeout=60) for person in people]
        assert [person.returncode for person in people] == [0, 0], results
        titles = _titles(root / "T")
        assert "Ann" in titles and "Bo" in titles, (round_, titles, results)
        assert "Old" in titles  # displaced unseen: kept as a conflict copy too


def test_replace_keeps_a_different_displaced_version_beside_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, posting: JobDescription
) -> None:
    folder = tmp_path / "Support"
    folder.mkdir()
    (folder / "Team Lead.jd.json").write_text(posting.to_json(), encoding="utf-8")
    (folder / "Team Lead.jd.json").chmod(0o640)
    arguments = ["--presets-dir", str(folder), "presets", "publish", "Team Lead", "--replace"]
    code, out, err = run(capsys, *arguments)
    assert (code, out) == (0, f"replaced: {folder / 'Team Lead.jd.json'}\n")
    (kept,) = [p for p in folder.iterdir() if p.name != "Team Lead.jd.json"]
    assert kept.name.startswith("Team Lead (conflicted copy, replaced ")
    assert err == (
        f"jdeditor: warning: the version it replaced is kept beside it as {kept}; delete it once "
        "unneeded\n"
    )
    assert json.loads(kept.read_text(encoding="utf-8"))["title"] == posting.title
    assert (folder / "Team Lead.jd.json").stat().st_mode & 0o777 == 0o640  # its mode stays


def test_replace_refuses_a_file_marked_read_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, posting: JobDescription
) -> None:
    folder = tmp_path / "Support"
    folder.mkdir()
    target = folder / "Team Lead.jd.json"
    target.write_text(posting.to_json(), encoding="utf-8")
    target.chmod(0o444)
    arguments = ["--presets-dir", str(folder), "presets", "publish", "Team Lead", "--replace"]
    code, out, err = run(capsys, *arguments)
    assert (code, out) == (1, "")
    assert err == (
        "jdeditor: “Team Lead” is marked read-only in the team folder “Support”; it was not "
        "replaced.\n"
    )
    assert [p.name for p in folder.iterdir()] == ["Team Lead.jd.json"]
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == posting.title
