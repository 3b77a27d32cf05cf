"""Where presets come from, as data: built-in, mine, and any number of team folders.

A team keeps its approved postings in one folder that it already shares: a folder on a file
server or one that the organisation's file service syncs (SMB, OneDrive/SharePoint, Dropbox,
Nextcloud). jdeditor uses the folder as it is; there is no server of ours.

Decisions (see the README's Presets section):

- **Settings.** Team folders are listed in one JSON file that the window and the command line
  both read, ``<user config dir>/jdeditor/settings.json``:
  ``{"team_folders": [{"path": "...", "name": "Support team"}]}`` (a relative path is relative to
  that file's folder; ``name`` defaults to the folder's name). It is read through ``files.py``'s
  bounded reader, so a hostile file gives a ``DocumentError`` naming the file and the field, and
  it is written atomically, keeping every other key; a file that cannot be read is never written
  over. ``jdeditor --presets-dir DIR`` (repeatable) adds team folders for one run, and
  ``JDEDITOR_PRESETS_DIRS`` (folders separated by ``os.pathsep``) does so for scripts.
- **Read-only.** A team folder the user cannot write is read-only (``os.access``); so is one whose
  admin put a ``.jdeditor-team.json`` holding ``{"read_only": true}`` in it (root may write
  anywhere: the marker is what tests and admins use).
- **Files.** Which files of a folder are presets, their versions and cache, conflict copies and
  writes that never lose a version are ``preset_files``'s (its names are re-exported here).

This module, ``library.py`` and the preset modules under it (``preset_listing.py``,
``team_presets.py``, ``preset_files.py``) are the only ones besides ``files.py`` that touch
preset files. It holds few sentences: the preset modules word most problems, and a settings
file's are ``files.py``'s and the validation family's; the one it words itself is a folder
naming the home folder of a user there is none of (``~nobody/share``).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from jdeditor._text import printable
from jdeditor.checks import Finding, Severity, problems_from_validation_error, say
from jdeditor.files import DocumentError, atomic_write, make_folder, read_json_file
from jdeditor.i18n import N_
from jdeditor.preset_files import (
    FileVersion,
    FolderEntry,
    ParsedCache,
    conflict_base,
    conflict_copy_name,
    create_exclusively,
    document_stem,
    replace_if_unchanged,
    scan,
    version_of,
)

__all__ = [
    "ENVIRONMENT_VARIABLE",
    "MAX_SETTINGS_BYTES",
    "MAX_TEAM_FOLDERS",
    "TEAM_MARKER",
    "TEAM_NAME_MAX",
    "FileVersion",
    "FolderEntry",
    "ParsedCache",
    "PresetKind",
    "PresetSource",
    "TeamFolder",
    "TeamOrigin",
    "add_team_folder",
    "configured_team_folders",
    "conflict_base",
    "conflict_copy_name",
    "create_exclusively",
    "document_stem",
    "environment_team_folders",
    "expand_folder",
    "read_team_folders",
    "remove_team_folder",
    "replace_if_unchanged",
    "same_folder",
    "scan",
    "set_run_folders",
    "settings_path",
    "unique_team_folders",
    "version_of",
    "write_team_folders",
]

ENVIRONMENT_VARIABLE = "JDEDITOR_PRESETS_DIRS"
TEAM_MARKER = ".jdeditor-team.json"
"""A file an admin puts in a team folder: ``{"read_only": true}`` makes it read-only for all."""
MAX_SETTINGS_BYTES = 256 * 1024
MAX_TEAM_FOLDERS = 100
TEAM_NAME_MAX = 80


class PresetKind(StrEnum):
    BUILT_IN = "built-in"
    USER = "user"
    TEAM = "team"


class TeamOrigin(StrEnum):
    """Where a team folder was named: only the settings file's can be removed in the window."""

    SETTINGS = "settings"
    ENVIRONMENT = "environment"
    COMMAND_LINE = "command line"


@dataclass(frozen=True, slots=True)
class TeamFolder:
    """A team folder as configured: where it is, what to call it, who named it."""

    path: Path
    name: str
    origin: TeamOrigin = TeamOrigin.SETTINGS


@dataclass(frozen=True, slots=True)
class PresetSource:
    """One place presets come from, as a listing found it.

    ``note`` says why a source is read-only or unavailable, in the user's language.
    """

    kind: PresetKind
    folder: Path
    name: str = ""
    writable: bool = False
    available: bool = True
    note: str = ""
    origin: TeamOrigin | None = None

    @property
    def label(self) -> str:
        """How the command line names it: 'built-in', 'user' or 'team:Support team'."""
        return f"team:{self.name}" if self.kind is PresetKind.TEAM else str(self.kind)

    def ref(self, name: str) -> str:
        """A name that finds this source's preset ``name`` even when another source has one
        of the same name: a team preset's is qualified, ``team:Support team/Agent``."""
        return f"{self.label}/{name}" if self.kind is PresetKind.TEAM else name


# --- The settings file ------------------------------------------------------------------------
def settings_path() -> Path:
    """``<user config dir>/jdeditor/settings.json``, beside the window's own ``jdeditor.ini``."""
    return platformdirs.user_config_path("jdeditor", appauthor=False) / "settings.json"


class _TeamFolderSetting(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")
    # No NUL: no system names a folder with one, and Python refuses it in a path.
    path: str = Field(min_length=1, max_length=4096, pattern=r"^[^\x00]*$")
    name: str = Field(default="", max_length=TEAM_NAME_MAX)


class _Settings(BaseModel):
    # Other keys are kept as they are: a newer jdeditor may have written them.
    model_config = ConfigDict(strict=True, extra="allow")
    team_folders: list[_TeamFolderSetting] = Field(
        default_factory=list, max_length=MAX_TEAM_FOLDERS
    )


def read_team_folders(path: Path | None = None) -> list[TeamFolder]:
    """The team folders the settings file lists; none when there is no settings file.

    Raises ``DocumentError`` naming the file (and the field) when it cannot be used: when it
    cannot be read, is not a settings file, or names the home folder of no user.
    """
    path = path or settings_path()
    return _team_folders(path, _read_settings(path))


def _read_settings(path: Path) -> dict[str, Any]:
    try:
        if not path.exists() and not path.is_symlink():
            return {}
    except OSError as error:  # a config folder that cannot be searched, say
        from jdeditor.files import describe_os_error  # noqa: PLC0415 - only when it fails

        raise DocumentError(path, describe_os_error(error)) from None
    data = read_json_file(path, MAX_SETTINGS_BYTES, "a settings file", settings=True)
    try:
        _Settings.model_validate(data)
    except ValidationError as error:
        raise DocumentError(path, problems_from_validation_error(error)) from None
    return data


def _team_folders(path: Path, data: Mapping[str, Any]) -> list[TeamFolder]:
    settings = _Settings.model_validate(data)
    folders, problems = [], []
    for number, entry in enumerate(settings.team_folders):
        try:
            folder = path.parent / expand_folder(entry.path)
        except ValueError as error:
            where = ("team_folders", number, "path")
            problems.append(Finding("validation.home-folder", Severity.ERROR, where, str(error)))
            continue
        folders.append(TeamFolder(folder, printable(entry.name.strip()) or _folder_name(folder)))
    if problems:
        raise DocumentError(path, problems)
    return folders


def expand_folder(text: str) -> Path:
    """``text`` as a path, a leading ``~`` or ``~user`` expanded to that home folder.

    Raises ``ValueError`` saying so (in the user's language) when there is no such user or
    the home folder cannot be found: ``Path.expanduser`` raises ``RuntimeError`` then.
    """
    try:
        return Path(text).expanduser()
    except RuntimeError:
        head = re.split(r"[\\/]", text, maxsplit=1)[0]
        if head == "~":
            message = say(
                N_("“{folder}” starts with “~”, but the home folder cannot be found"),
                folder=printable(text),
            )
        else:
            message = say(
                N_("“{folder}” names the home folder of “{user}”, but there is no such user"),
                folder=printable(text),
                user=printable(head[1:]),
            )
        raise ValueError(message) from None


def write_team_folders(folders: Sequence[TeamFolder], path: Path | None = None) -> None:
    """Make ``folders`` the settings file's team folders, atomically, keeping its other keys.

    An entry already there for one of ``folders`` (same folder, same name) is kept exactly as
    it was written (``~/share``, a relative path, keys of its own); the others are written
    with their full path. A settings file that cannot be read is left exactly as it is: its
    ``DocumentError`` is raised, so the user fixes or removes it rather than losing what it held.
    """
    path = path or settings_path()
    data = _read_settings(path)
    listed = list(zip(_raw_entries(data), _team_folders(path, data), strict=True))
    entries = []
    for folder in folders:
        if folder.origin is not TeamOrigin.SETTINGS:
            continue
        raw = next(
            (raw for raw, had in listed if had == TeamFolder(folder.path, folder.name)), None
        )
        entries.append(raw if raw is not None else {"path": str(folder.path), "name": folder.name})
    data["team_folders"] = entries
    _write_settings(path, data)


def _raw_entries(data: Mapping[str, Any]) -> list[Any]:
    entries = data.get("team_folders", [])
    return list(entries) if isinstance(entries, list) else []


def _write_settings(path: Path, data: Mapping[str, Any]) -> None:
    make_folder(path.parent)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    atomic_write(path, text.encode("utf-8"))


def add_team_folder(folder: Path, name: str, path: Path | None = None) -> TeamFolder:
    """Add a team folder to the settings file (once: a folder already there is renamed).

    Every other entry, and every other key, is kept exactly as it was written.
    """
    path = path or settings_path()
    added = TeamFolder(Path(os.path.abspath(folder)), name)  # noqa: PTH100 - keeps links
    data = _read_settings(path)
    entries, key = [], _folder_key(added.path)
    renamed = False
    for raw, had in zip(_raw_entries(data), _team_folders(path, data), strict=True):
        if _folder_key(had.path) == key:
            if not renamed:
                entries.append({**raw, "name": name})
                renamed = True
            continue
        entries.append(raw)
    if not renamed:
        entries.append({"path": str(added.path), "name": name})
    data["team_folders"] = entries
    _write_settings(path, data)
    return added


def remove_team_folder(folder: Path, path: Path | None = None) -> None:
    """Stop using a team folder; its files are left as they are, and every other entry of the
    settings file as it was written."""
    path = path or settings_path()
    data = _read_settings(path)
    key = _folder_key(folder)
    data["team_folders"] = [
        raw
        for raw, had in zip(_raw_entries(data), _team_folders(path, data), strict=True)
        if _folder_key(had.path) != key
    ]
    _write_settings(path, data)


def environment_team_folders(environ: Mapping[str, str] | None = None) -> list[TeamFolder]:
    """The folders ``JDEDITOR_PRESETS_DIRS`` names (``os.pathsep``-separated), for scripts;
    one naming the home folder of no user is left out (``configured_team_folders`` reports it)."""
    return _environment_folders(environ)[0]


def _environment_folders(
    environ: Mapping[str, str] | None = None,
) -> tuple[list[TeamFolder], DocumentError | None]:
    value = (os.environ if environ is None else environ).get(ENVIRONMENT_VARIABLE, "")
    folders, reasons = [], []
    for part in value.split(os.pathsep):
        if not part.strip():
            continue
        try:
            folder = expand_folder(part)
        except ValueError as error:
            reasons.append(str(error))
            continue
        folders.append(TeamFolder(folder, _folder_name(Path(part)), TeamOrigin.ENVIRONMENT))
    problem = DocumentError(Path(ENVIRONMENT_VARIABLE), "; ".join(reasons)) if reasons else None
    return folders, problem


_run_folders: list[TeamFolder] = []


def set_run_folders(folders: Iterable[Path]) -> None:
    """The team folders ``--presets-dir`` names for this run (the window's and the CLI's).

    Raises ``ValueError`` (``expand_folder``'s) for one naming the home folder of no user."""
    _run_folders[:] = [
        TeamFolder(expand_folder(str(folder)), _folder_name(folder), TeamOrigin.COMMAND_LINE)
        for folder in folders
    ]


def configured_team_folders() -> tuple[list[TeamFolder], DocumentError | None]:
    """Every team folder of this run: the settings file's, ``JDEDITOR_PRESETS_DIRS``'s and
    ``--presets-dir``'s, each once; and the settings file's problem, if it has one, else
    ``JDEDITOR_PRESETS_DIRS``'s (the other folders are still used)."""
    problem = None
    try:
        folders = read_team_folders()
    except DocumentError as error:
        folders, problem = [], error
    environment, environment_problem = _environment_folders()
    problem = problem or environment_problem
    return unique_team_folders([*folders, *environment, *_run_folders]), problem


def unique_team_folders(folders: Iterable[TeamFolder]) -> list[TeamFolder]:
    """Each folder once (the first naming wins) and each name once ("Support (2)")."""
    kept: list[TeamFolder] = []
    keys: set[object] = set()
    for folder in folders:
        key = _folder_key(folder.path)
        if key in keys:
            continue
        keys.add(key)
        name, number = folder.name, 1
        while any(other.name.casefold() == name.casefold() for other in kept):
            number += 1
            name = f"{folder.name} ({number})"
        kept.append(TeamFolder(folder.path, name, folder.origin))
    return kept


def _folder_name(folder: Path) -> str:
    """A team folder's name when none is given: the folder's own (control and direction
    characters shown escaped, as every name from outside is)."""
    return printable(folder.name or str(folder))[:TEAM_NAME_MAX]


def _folder_key(folder: Path) -> object:
    """What makes two paths the same folder: the file itself (device and inode, as
    ``os.path.samefile`` compares), so a link to a folder or a second spelling of it is that
    folder; for a folder that cannot be reached, its resolved path."""
    try:
        status = folder.stat()
        if status.st_ino or status.st_dev:
            return (status.st_dev, status.st_ino)
    except (OSError, ValueError):
        pass
    try:
        return os.path.normcase(os.path.realpath(folder))
    except (OSError, ValueError):
        return os.path.normcase(os.path.abspath(folder))  # noqa: PTH100


def same_folder(first: Path, second: Path) -> bool:
    """Whether two paths are one folder (through a link, or spelled differently)."""
    return _folder_key(first) == _folder_key(second)
