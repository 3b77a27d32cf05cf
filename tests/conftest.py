"""Shared fixtures. Every test runs with its own data dirs under ``tmp_path``: never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never try to reach a display in tests (set before anything imports Qt).
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from jdeditor import i18n, preset_sources
from jdeditor.library import PresetLibrary
from jdeditor.model import JobDescription

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def english_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in a plain C locale, whatever the developer's desktop speaks (the
    command line follows LANGUAGE, LC_ALL, LC_MESSAGES and LANG), and ends with the user's
    language English again, whatever it set."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    yield
    i18n.set_ui_language("en")


@pytest.fixture(autouse=True)
def no_team_folders_from_outside(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Neither the environment (JDEDITOR_PRESETS_DIRS) nor an earlier test's --presets-dir
    adds a team folder."""
    monkeypatch.delenv(preset_sources.ENVIRONMENT_VARIABLE, raising=False)
    preset_sources.set_run_folders([])
    yield
    preset_sources.set_run_folders([])


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point platformdirs (XDG on Linux) and HOME at a fresh temporary folder for every test.

    It is not inside ``tmp_path``, so a test owns its ``tmp_path`` alone.
    """
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for variable, folder in [
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ]:
        monkeypatch.setenv(variable, str(home / folder))
    yield home


@pytest.fixture
def library(isolated_dirs: Path) -> PresetLibrary:
    """The real library with its default (platformdirs) user folder, inside the test's home."""
    return PresetLibrary()


@pytest.fixture
def posting() -> JobDescription:
    return JobDescription(
        title="Night Shift Agent",
        responsibilities=("Answer calls overnight", "Log every call"),
        skills=("Patience",),
    )


# Preset files that once broke every command; one of each, beside a good preset.
HOSTILE_PRESETS = {
    "empty key.jd.json": b'{"": 1, "title": "x", "responsibilities": ["a"]}',
    "huge number.jd.json": b'{"title": ' + b"9" * 5000 + b"}",
    "deep.jd.json": b'{"title": ' + b"[" * 1000 + b"]" * 1000 + b"}",
    "surrogate.jd.json": b'{"title": "\\ud83d", "responsibilities": ["a"]}',
    "%FF.jd.json": b'{"title": "x", "responsibilities": ["a"]}',
    "%1B[2J.jd.json": b'{"title": "x", "responsibilities": ["a"]}',
    "%E2%80%AEevil.jd.json": b'{"title": "x", "responsibilities": ["a"]}',
}


@pytest.fixture
def hostile_folder(library: PresetLibrary, posting: JobDescription) -> PresetLibrary:
    library.save_user_preset("Night shift", posting)
    for name, content in HOSTILE_PRESETS.items():
        (library.user_dir / name).write_bytes(content)
    os.mkfifo(library.user_dir / "pipe.jd.json")
    (library.user_dir / "zero.jd.json").symlink_to("/dev/zero")
    return library
