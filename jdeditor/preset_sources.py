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
- **Cache.** Parsed files are cached on (path, size, modification time in ns, inode): a listing
  stats every file and re-reads only those that changed. The inode catches a file replaced by
  a rename (an atomic save, a sync client's download) within one tick of a coarse clock, where
  size and time alone may match. A file edited in place within one tick to the same size is
  the case no stat can see.
- **Conflict copies** that sync services make (see ``conflict_base``) are kept and listed as
  conflicts of the preset they copy; nothing here ever picks one.
- **Publishing never loses a version**: a new file is created exclusively (a hard link from a
  written temporary file, or ``O_EXCL``), and an existing one is replaced only while it is still
  the version the user saw (``replace_if_unchanged``).

This module and ``library.py`` are the only ones besides ``files.py`` that touch preset files.
It holds no sentences: ``library.py`` words every problem (the messages catalogue is extracted
from there), and a settings file's problems are ``files.py``'s and the validation family's.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import re
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from jdeditor._text import printable
from jdeditor.checks import problems_from_validation_error
from jdeditor.files import (
    DOCUMENT_SUFFIX,
    DocumentError,
    atomic_write,
    make_folder,
    read_json_file,
)

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

    Raises ``DocumentError`` naming the file (and the field) when it cannot be used.
    """
    path = path or settings_path()
    return _team_folders(path, _read_settings(path))


def _read_settings(path: Path) -> dict[str, Any]:
    if not path.exists() and not path.is_symlink():
        return {}
    data = read_json_file(path, MAX_SETTINGS_BYTES, "a settings file")
    try:
        _Settings.model_validate(data)
    except ValidationError as error:
        raise DocumentError(path, problems_from_validation_error(error)) from None
    return data


def _team_folders(path: Path, data: Mapping[str, Any]) -> list[TeamFolder]:
    settings = _Settings.model_validate(data)
    return [
        TeamFolder(
            folder := path.parent / Path(entry.path).expanduser(),
            printable(entry.name.strip()) or _folder_name(folder),
        )
        for entry in settings.team_folders
    ]


def write_team_folders(folders: Sequence[TeamFolder], path: Path | None = None) -> None:
    """Make ``folders`` the settings file's team folders, atomically, keeping its other keys.

    A settings file that cannot be read is left exactly as it is: its ``DocumentError`` is
    raised, so the user fixes or removes it rather than losing what it held.
    """
    path = path or settings_path()
    data = _read_settings(path)
    data["team_folders"] = [
        {"path": str(folder.path), "name": folder.name}
        for folder in folders
        if folder.origin is TeamOrigin.SETTINGS
    ]
    make_folder(path.parent)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    atomic_write(path, text.encode("utf-8"))


def add_team_folder(folder: Path, name: str, path: Path | None = None) -> TeamFolder:
    """Add a team folder to the settings file (once: a folder already there is renamed)."""
    added = TeamFolder(Path(os.path.abspath(folder)), name)  # noqa: PTH100 - keeps links
    kept = [f for f in read_team_folders(path) if not _same_folder(f.path, added.path)]
    write_team_folders([*kept, added], path)
    return added


def remove_team_folder(folder: Path, path: Path | None = None) -> None:
    """Stop using a team folder; its files are left as they are."""
    kept = [f for f in read_team_folders(path) if not _same_folder(f.path, folder)]
    write_team_folders(kept, path)


def environment_team_folders(environ: Mapping[str, str] | None = None) -> list[TeamFolder]:
    """The folders ``JDEDITOR_PRESETS_DIRS`` names (``os.pathsep``-separated), for scripts."""
    value = (os.environ if environ is None else environ).get(ENVIRONMENT_VARIABLE, "")
    return [
        TeamFolder(Path(part).expanduser(), _folder_name(Path(part)), TeamOrigin.ENVIRONMENT)
        for part in value.split(os.pathsep)
        if part.strip()
    ]


_run_folders: list[TeamFolder] = []


def set_run_folders(folders: Iterable[Path]) -> None:
    """The team folders ``--presets-dir`` names for this run (the window's and the CLI's)."""
    _run_folders[:] = [
        TeamFolder(folder.expanduser(), _folder_name(folder), TeamOrigin.COMMAND_LINE)
        for folder in folders
    ]


def configured_team_folders() -> tuple[list[TeamFolder], DocumentError | None]:
    """Every team folder of this run: the settings file's, ``JDEDITOR_PRESETS_DIRS``'s and
    ``--presets-dir``'s, each once; and the settings file's problem, if it has one (the other
    folders are still used)."""
    problem = None
    try:
        folders = read_team_folders()
    except DocumentError as error:
        folders, problem = [], error
    return unique_team_folders([*folders, *environment_team_folders(), *_run_folders]), problem


def unique_team_folders(folders: Iterable[TeamFolder]) -> list[TeamFolder]:
    """Each folder once (the first naming wins) and each name once ("Support (2)")."""
    kept: list[TeamFolder] = []
    for folder in folders:
        if any(_same_folder(folder.path, other.path) for other in kept):
            continue
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


def _same_folder(first: Path, second: Path) -> bool:
    return os.path.normcase(os.path.abspath(first)) == os.path.normcase(os.path.abspath(second))  # noqa: PTH100


# --- Conflict copies --------------------------------------------------------------------------
# Dropbox "X (conflicted copy 2024-05-01)", "X (Ann's conflicted copy 2024-05-01)"; Nextcloud
# and ownCloud "X (conflicted copy 2024-05-01 123456)"; ours "X (conflicted copy ann 2024-05-01
# 123456)".
_EXPLICIT = re.compile(r" \((?:[^()]*['’]s )?conflicted copy\b(?:[^()]|\(\d+\))*\)$", re.I)
# Syncthing: "X.sync-conflict-20240501-123456-ABCDEF7" (the device's short id last).
_SYNCTHING = re.compile(r"\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?$")
# Google Drive, browsers and file managers: "X (1)" — a copy only when X is in the folder too.
_NUMBERED = re.compile(r" \(\d{1,3}\)$")
# OneDrive: "X-DESKTOP-4F2K9Q" — a copy only when X is in the folder too and the suffix looks
# like a Windows machine name (upper case, as Windows keeps them); "Team-Lead" stays a name.
_MACHINE = re.compile(r"[A-Z0-9][A-Z0-9-]{0,62}")


def conflict_base(name: str, exists: Callable[[str], bool]) -> str | None:
    """The preset name that ``name`` is a sync service's conflict copy of, or None.

    ``exists(base)`` says whether the folder holds a preset called ``base``; the numbered and
    the OneDrive forms need it, the explicit forms do not (their original may be gone).
    """
    base = name
    while True:  # a copy of a copy is a copy of the original
        found = _EXPLICIT.search(base) or _SYNCTHING.search(base)
        if found is None or found.start() == 0:
            break
        base = base[: found.start()]
    if base != name:
        return base
    numbered = _NUMBERED.search(name)
    if numbered is not None and numbered.start() > 0 and exists(name[: numbered.start()]):
        return name[: numbered.start()]
    for index in range(len(name) - 1, 0, -1):  # the longest original first
        if name[index] == "-" and _MACHINE.fullmatch(name[index + 1 :]) and exists(name[:index]):
            return name[:index]
    return None


def _is_marker(text: str) -> bool:
    """Whether ``text`` is a conflict marker as a sync service appends it to a file name."""
    return bool(
        _EXPLICIT.fullmatch(text)
        or _SYNCTHING.fullmatch(text)
        or _NUMBERED.fullmatch(text)
        or (text.startswith("-") and _MACHINE.fullmatch(text[1:]))
    )


def document_stem(file_name: str) -> str | None:
    """The encoded preset name in a file name, a conflict marker included; None when the file
    is not a preset.

    ``Agent.jd.json`` is ``Agent``. Sync services put their marker before the last suffix, so
    ``Agent.jd (conflicted copy 2024-05-01).json`` and ``Agent.jd.sync-conflict-…-ABCDEF7.json``
    are ``Agent (conflicted copy 2024-05-01)`` and ``Agent.sync-conflict-…-ABCDEF7``.
    """
    if file_name.startswith(".jdeditor-"):
        return None  # our own temporary and marker files
    if file_name.endswith(DOCUMENT_SUFFIX):
        return file_name.removesuffix(DOCUMENT_SUFFIX)
    body = file_name.removesuffix(".json")
    where = body.rfind(".jd")
    if body == file_name or where <= 0 or not _is_marker(body[where + 3 :]):
        return None
    return body[:where] + body[where + 3 :]


def conflict_copy_name(name: str, when: datetime, number: int = 1) -> str:
    """The name jdeditor gives its own version when someone else's took ``name`` meanwhile:
    ``"Agent (conflicted copy ann 2024-05-01 123456)"``, a form ``conflict_base`` knows."""
    extra = f" {number}" if number > 1 else ""
    return f"{name} (conflicted copy {_user()} {when:%Y-%m-%d %H%M%S}{extra})"


def _user() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in a container or a service account
        user = ""
    return re.sub(r"[^\w.-]+", "-", user).strip("-")[:32] or "someone"


# --- Reading folders, with a cache ------------------------------------------------------------
class FileVersion(NamedTuple):
    """What says a file is the one seen before: size, modification time (ns) and inode."""

    size: int
    mtime_ns: int
    inode: int


def version_of(status: os.stat_result) -> FileVersion:
    return FileVersion(status.st_size, status.st_mtime_ns, status.st_ino)


@dataclass(frozen=True, slots=True)
class FolderEntry:
    """A preset file found in a folder: its path, encoded name (``document_stem``) and version."""

    path: Path
    stem: str
    version: FileVersion


def scan(folder: Path) -> list[FolderEntry]:
    """The preset files in ``folder``, by file name; one directory read and one stat each.

    A file that vanishes while it is being listed is left out. Raises ``OSError`` when the
    folder cannot be read (missing, not a folder, no permission) and ``ValueError`` for a
    folder name no system accepts (a NUL byte).
    """
    found = []
    for path in folder.iterdir():
        stem = document_stem(path.name)
        if stem is None:
            continue
        try:
            version = version_of(path.stat())
        except OSError:
            if not path.is_symlink() and not path.exists():
                continue  # gone since the folder was read
            version = _UNKNOWN  # a link to nothing, or no permission: reading it will say why
        found.append(FolderEntry(path, stem, version))
    return sorted(found, key=lambda entry: entry.path.name)


_UNKNOWN = FileVersion(-1, -1, -1)


T = TypeVar("T")


class ParsedCache(Generic[T]):
    """Parsed files, each kept while it is the version it was parsed from.

    A ``DocumentError`` is kept too: a broken file on a slow share is not re-read on every
    refresh, only once it changes. ``parses`` counts the files actually read.
    """

    def __init__(self, parse: Callable[[Path], T]) -> None:
        self._parse = parse
        self._entries: dict[Path, tuple[FileVersion, T | DocumentError]] = {}
        self.parses = 0

    def load(self, path: Path, version: FileVersion) -> T:
        """The parsed file; read again only when ``version`` differs from the cached one.

        Raises the file's ``DocumentError``. The version is taken before reading, so a file
        that changes while it is read is read again next time.
        """
        cached = self._entries.get(path)
        if cached is None or cached[0] != version:
            self.parses += 1
            try:
                result: T | DocumentError = self._parse(path)
            except DocumentError as error:
                result = error
            cached = (version, result)
            self._entries[path] = cached
        if isinstance(cached[1], DocumentError):
            raise cached[1]
        return cached[1]

    def keep_only(self, paths: Iterable[Path], folder: Path) -> None:
        """Forget the files of ``folder`` that are not in ``paths`` (deleted or renamed)."""
        kept = set(paths)
        for path in [p for p in self._entries if p.parent == folder and p not in kept]:
            del self._entries[path]


# --- Writing without losing a version ---------------------------------------------------------
def create_exclusively(target: Path, data: bytes) -> None:
    """Create ``target`` holding ``data``; never replace a file: ``FileExistsError`` if taken.

    The data is written and synced to a temporary file first, then hard-linked to its name,
    which fails when the name exists, so readers never see half a file. A folder that cannot
    hold hard links (some network and FAT file systems) gets the file created with
    ``O_EXCL`` and written in place.
    """
    temporary = target.with_name(f".jdeditor-{secrets.token_hex(6)}.tmp")
    _write_new(temporary, data)
    try:
        try:
            os.link(temporary, target)
        except FileExistsError:
            raise
        except OSError:  # no hard links here
            _write_new(target, data)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    _sync_folder(target.parent)


def replace_if_unchanged(target: Path, data: bytes, seen: FileVersion, aside: Path) -> bool:
    """Replace ``target`` with ``data`` only while it is still the version ``seen``.

    Two people replacing one file at the same moment never lose a version: the file is first
    renamed to ``aside`` (a rename is atomic: one of them wins it), then compared with what
    was seen. Someone else's newer version is put back (or, when the name was taken again
    meanwhile, stays as ``aside``: name it as a conflict copy so that it is seen); ours is
    created exclusively. False when ours was not written (the caller keeps it elsewhere).
    """
    try:
        target.rename(aside)
    except FileNotFoundError:
        return False  # someone is replacing or removing it right now
    try:
        unchanged = version_of(aside.stat()) == seen
    except OSError:
        unchanged = False
    if not unchanged:
        _put_back(aside, target)
        return False
    try:
        create_exclusively(target, data)
    except FileExistsError:
        # Someone published this name in the instant it was free: theirs stays. The version
        # set aside is the one the user agreed to replace.
        aside.unlink(missing_ok=True)
        return False
    except BaseException:
        _put_back(aside, target)
        raise
    aside.unlink(missing_ok=True)
    return True


def _put_back(aside: Path, target: Path) -> None:
    try:
        os.link(aside, target)
    except FileExistsError:
        return  # the name is someone else's now; the version stays as ``aside``
    except OSError:
        if target.exists():
            return
        aside.rename(target)
        return
    aside.unlink(missing_ok=True)


def _write_new(path: Path, data: bytes) -> None:
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # network mounts may refuse fsync on a folder; the data itself is synced
    finally:
        os.close(handle)
