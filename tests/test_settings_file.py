"""The settings file, JDEDITOR_PRESETS_DIRS and --presets-dir when they name something odd: a
``~user`` with no such user, a config folder that cannot be searched, another entry written by
hand (kept as it was), a folder named twice through a link, an empty ``--presets-dir=``."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from jdeditor import preset_sources
from jdeditor.cli import main
from jdeditor.files import DocumentError
from jdeditor.preset_sources import (
    TeamFolder,
    TeamOrigin,
    add_team_folder,
    configured_team_folders,
    read_team_folders,
    remove_team_folder,
    settings_path,
    unique_team_folders,
)

NOBODY = "~jdeditor-no-such-user-x9"


def _settings(text: str) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_settings_entry_naming_no_users_home_is_reported_with_file_and_field() -> None:
    original = json.dumps({"team_folders": [{"path": "/srv/a"}, {"path": f"{NOBODY}/share"}]})
    path = _settings(original)
    with pytest.raises(DocumentError) as caught:
        read_team_folders()
    assert caught.value.lines() == [
        f"{path}: team_folders.1.path: “{NOBODY}/share” names the home folder of "
        f"“{NOBODY[1:]}”, but there is no such user"
    ]
    folders, problem = configured_team_folders()
    assert folders == [] and problem is not None
    with pytest.raises(DocumentError):
        add_team_folder(path.parent / "x", "X")
    assert path.read_text(encoding="utf-8") == original


def test_the_environment_naming_no_users_home_is_reported_and_the_rest_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        preset_sources.ENVIRONMENT_VARIABLE, os.pathsep.join([f"{NOBODY}/x", str(tmp_path)])
    )
    folders, problem = configured_team_folders()
    assert [f.path for f in folders] == [tmp_path]
    assert problem is not None
    assert problem.lines()[0].startswith(f"{preset_sources.ENVIRONMENT_VARIABLE}: “{NOBODY}/x”")


def test_the_cli_lists_presets_with_such_a_settings_file_or_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _settings(json.dumps({"team_folders": [{"path": NOBODY}]}))
    monkeypatch.setenv(preset_sources.ENVIRONMENT_VARIABLE, f"{NOBODY}/y")
    assert main(["presets", "list"]) == 0
    captured = capsys.readouterr()
    assert "Agent" in captured.out
    assert "Traceback" not in captured.err and "team_folders.0.path" in captured.err


@pytest.mark.parametrize(
    "argv",
    [["--presets-dir", f"{NOBODY}/z"], [f"--presets-dir={NOBODY}"], ["--presets-dir="]],
)
def test_a_bad_presets_dir_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main([*argv, "presets", "list"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("jdeditor: --presets-dir: ") and "Traceback" not in err
    assert preset_sources._run_folders == []


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root searches all")
def test_a_config_folder_that_cannot_be_searched_is_reported() -> None:
    path = _settings("{}")
    path.parent.chmod(0o600)
    try:
        folders, problem = configured_team_folders()
        assert folders == [] and problem is not None and problem.path == path
    finally:
        path.parent.chmod(0o700)


def test_an_unsearchable_config_folder_is_a_document_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path, **_: object) -> bool:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "exists", refuse)
    with pytest.raises(DocumentError) as caught:
        read_team_folders()
    assert caught.value.path == settings_path()


def test_adding_and_removing_keeps_every_other_entry_as_written(tmp_path: Path) -> None:
    original = (
        '{"theme": "dark", "team_folders": ['
        '{"path": "~/share", "comment": "the NAS", "read_only": true}, '
        '{"path": "relative/team"}, '
        '{"path": "/srv/rel", "name": "Rel\\u0007"}]}'
    )
    path = _settings(original)
    before = json.loads(original)
    added = add_team_folder(tmp_path / "new", "New")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["theme"] == "dark"
    assert data["team_folders"] == [
        *before["team_folders"],
        {"path": str(added.path), "name": "New"},
    ]
    assert data["team_folders"][2]["name"] == "Rel\x07"  # the character, not "Rel\\x07"
    remove_team_folder(tmp_path / "new")
    assert json.loads(path.read_text(encoding="utf-8")) == before
    remove_team_folder(path.parent / "relative" / "team")
    assert json.loads(path.read_text(encoding="utf-8"))["team_folders"] == [
        before["team_folders"][0],
        before["team_folders"][2],
    ]


def test_renaming_a_folder_keeps_the_entrys_own_keys(tmp_path: Path) -> None:
    (tmp_path / "team").mkdir()
    path = _settings(json.dumps({"team_folders": [{"path": "~/x", "comment": "c"}]}))
    home = Path.home()
    (home / "x").mkdir(parents=True, exist_ok=True)
    add_team_folder(home / "x", "Renamed")
    assert json.loads(path.read_text(encoding="utf-8"))["team_folders"] == [
        {"path": "~/x", "comment": "c", "name": "Renamed"}
    ]


def test_a_folder_named_twice_through_a_link_is_used_once(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    try:
        link.symlink_to(real, target_is_directory=True)
    except OSError:
        pytest.skip("no symbolic links here")
    folders = unique_team_folders(
        [TeamFolder(real, "Real"), TeamFolder(link, "Link", TeamOrigin.COMMAND_LINE)]
    )
    assert [f.name for f in folders] == ["Real"]
    (tmp_path / "sub").mkdir()
    dotted = tmp_path / "sub" / ".." / "link"
    assert preset_sources.same_folder(dotted, real)


def test_a_settings_file_that_is_not_an_object_says_settings_not_posting() -> None:
    path = _settings("[1, 2]")
    with pytest.raises(DocumentError) as caught:
        read_team_folders()
    assert caught.value.lines() == [f"{path}: does not hold settings (expected a JSON object)"]
    _settings('{"a": ' + "[" * 70 + "]" * 70 + "}")
    with pytest.raises(DocumentError, match="too deeply to be a settings file"):
        read_team_folders()
