"""A preset folder's files: which are presets (a sync service's conflict copies included),
the version each is at, a cache of their parsed contents, and writes to a shared folder that
never lose a version. ``preset_sources`` says which folders there are; this module knows their
files.

Decisions (see the README's Presets section):

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

It holds no sentences: the preset modules above it word every problem.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

from jdeditor.files import DOCUMENT_SUFFIX, DocumentError, sync_folder

# --- Conflict copies --------------------------------------------------------------------------
# Recognition is conservative: a preset wrongly taken for a copy is offered to "Keep" in place
# of another or to "Delete", so only unmistakable markers count.
# Dropbox "X (conflicted copy 2024-05-01)", "X (Ann's conflicted copy 2024-05-01)"; Nextcloud
# and ownCloud "X (conflicted copy 2024-05-01 123456)"; ours "X (conflicted copy ann 2024-05-01
# 123456)".
_EXPLICIT = re.compile(r" \((?:[^()]*['’]s )?conflicted copy\b(?:[^()]|\(\d+\))*\)$", re.I)
# Syncthing: "X.sync-conflict-20240501-123456-ABCDEF7" (the device's short id last).
_SYNCTHING = re.compile(r"\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?$")
# Browsers and file managers: "X.jd (1).json". Only a file name's marker ("Agent (1)" is a name
# a user may choose): such a file is listed under its name, never as a copy.
_NUMBERED = re.compile(r" \(\d{1,3}\)$")
# OneDrive: "X-DESKTOP-4F2K9Q7" — a copy only when X is in the folder too and the suffix looks
# like a Windows machine name: a default one (DESKTOP-/LAPTOP- and letters and digits) or one
# with "PC" as its first or last part ("JOHNS-PC", "PC-0042"). "Agent-EMEA", "Agent-L2",
# "Team-Lead" stay names.
_MACHINE = re.compile(
    r"(?:DESKTOP|LAPTOP)-[A-Z0-9]{4,7}|PC(?:-[A-Z0-9]+)+|(?:[A-Z0-9]+-)+PC", re.ASCII
)
_MACHINE_NAME_MAX = 15  # NetBIOS


def _is_machine(text: str) -> bool:
    return len(text) <= _MACHINE_NAME_MAX and _MACHINE.fullmatch(text) is not None


def marker_start(name: str) -> int:
    """Where the explicit conflict markers (a sync service's or ours) at the end of ``name``
    start; ``len(name)`` when it has none."""
    base = name
    while True:  # a copy of a copy is a copy of the original
        found = _EXPLICIT.search(base) or _SYNCTHING.search(base)
        if found is None or found.start() == 0:
            return len(base)
        base = base[: found.start()]


def conflict_base(name: str, exists: Callable[[str], bool]) -> str | None:
    """The preset name that ``name`` is a sync service's conflict copy of, or None.

    ``exists(base)`` says whether the folder holds a preset called ``base``; the OneDrive form
    needs it, the explicit forms do not (their original may be gone).
    """
    end = marker_start(name)
    if end != len(name):
        return name[:end]
    for index in range(len(name) - 1, 0, -1):  # the longest original first
        if name[index] == "-" and _is_machine(name[index + 1 :]) and exists(name[:index]):
            return name[:index]
    return None


def _is_marker(text: str) -> bool:
    """Whether ``text`` is a conflict marker as a sync service appends it to a file name."""
    return bool(
        _EXPLICIT.fullmatch(text)
        or _SYNCTHING.fullmatch(text)
        or _NUMBERED.fullmatch(text)
        or (text.startswith("-") and _is_machine(text[1:]))
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


def scan(folder: Path, *, files_only: bool = False) -> list[FolderEntry]:
    """The preset files in ``folder``, by file name; one directory read and one stat each.

    A file that vanishes while it is being listed is left out. ``files_only`` leaves out
    anything but a regular file too (a folder or a pipe named like a preset), and what cannot
    be looked at: for finding the file to replace; a listing reports them as skipped. Raises
    ``OSError`` when the folder cannot be read (missing, not a folder, no permission) and
    ``ValueError`` for a folder name no system accepts (a NUL byte).
    """
    found = []
    for path in folder.iterdir():
        stem = document_stem(path.name)
        if stem is None:
            continue
        try:
            status = path.stat()
        except OSError:
            if not path.is_symlink() and not path.exists():
                continue  # gone since the folder was read
            if files_only:
                continue
            version = _UNKNOWN  # a link to nothing, or no permission: reading it will say why
        else:
            if files_only and not stat.S_ISREG(status.st_mode):
                continue  # a folder (or a device) with a preset's name is no preset file
            version = version_of(status)
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
class ReadOnlyFileError(PermissionError):
    """The file to replace is marked read-only (no write permission for anyone)."""


class Replacement(NamedTuple):
    """What ``replace_keeping`` did: whether ours was written, and where the displaced file
    still is, when it was not removed: ``kept`` as asked (a visible conflict copy), or a
    ``leftover`` that could not be removed (the replacement itself succeeded)."""

    replaced: bool
    kept: Path | None = None
    leftover: Path | None = None


def create_exclusively(target: Path, data: bytes, mode: int | None = None) -> None:
    """Create ``target`` holding ``data``; never replace a file: ``FileExistsError`` if taken.

    The data is written and synced to a temporary file first, then hard-linked to its name,
    which fails when the name exists, so readers never see half a file. A folder that cannot
    hold hard links (some network and FAT file systems) gets the file created with
    ``O_EXCL`` and written in place. ``mode``: the permission bits to give it (those of the
    file it replaces); by default the user's usual ones.
    """
    temporary = target.with_name(f".jdeditor-{secrets.token_hex(6)}.tmp")
    _write_new(temporary, data, mode)
    try:
        try:
            os.link(temporary, target)
        except FileExistsError:
            raise
        except OSError:  # no hard links here
            _write_new(target, data, mode)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    sync_folder(target.parent)


def is_read_only(status: os.stat_result) -> bool:
    """Whether a file is marked read-only: nobody has write permission (the mode bits, not
    ``os.access``, which says yes to root)."""
    return not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def replace_if_unchanged(target: Path, data: bytes, seen: FileVersion, aside: Path) -> bool:
    """Replace ``target`` with ``data`` only while it is still the version ``seen`` (see
    ``replace_keeping``); the version replaced is removed. False when ours was not written."""
    return replace_keeping(target, data, seen, aside, keep_displaced=False).replaced


def replace_keeping(
    target: Path, data: bytes, seen: FileVersion, aside: Path, *, keep_displaced: bool
) -> Replacement:
    """Replace ``target`` with ``data`` only while it is still the version ``seen``.

    Two people replacing one file at the same moment never lose a version: the file is first
    renamed to ``aside`` (a rename is atomic: one of them wins it), then compared with what
    was seen. Someone else's newer version is put back (or, when the name was taken again
    meanwhile, stays as ``aside``: name it as a conflict copy so that it is seen); ours is
    created exclusively, with the replaced file's permission bits. Not replaced (ours is kept
    elsewhere by the caller) when ours was not written.

    ``keep_displaced``: the replaced version stays as ``aside`` (a visible conflict copy)
    unless it holds exactly ``data``; otherwise it is removed, and when it cannot be, it is
    reported as a ``leftover``. Raises ``ReadOnlyFileError`` for a file marked read-only.
    """
    try:
        if is_read_only(target.stat()):
            raise ReadOnlyFileError(errno.EACCES, "the file is read-only", str(target))
        target.rename(aside)
    except FileNotFoundError:
        return Replacement(False)  # someone is replacing or removing it right now
    try:
        status = aside.stat()
        unchanged = version_of(status) == seen
    except OSError:
        unchanged = False
    if not unchanged:
        _put_back(aside, target)
        return Replacement(False)
    if is_read_only(status):  # made read-only meanwhile (a change of mode keeps the version)
        _put_back(aside, target)
        raise ReadOnlyFileError(errno.EACCES, "the file is read-only", str(target))
    try:
        create_exclusively(target, data, stat.S_IMODE(status.st_mode) & 0o777)
    except FileExistsError:
        # Someone published this name in the instant it was free: theirs stays. The version
        # set aside is the one the user agreed to replace.
        return _drop_displaced(aside, data, keep_displaced, replaced=False)
    except BaseException:
        _put_back(aside, target)
        raise
    return _drop_displaced(aside, data, keep_displaced, replaced=True)


def _drop_displaced(aside: Path, data: bytes, keep: bool, *, replaced: bool) -> Replacement:
    if keep:
        try:
            same = aside.read_bytes() == data
        except OSError:
            same = False
        if not same:
            return Replacement(replaced, kept=aside)
    try:
        aside.unlink(missing_ok=True)
    except OSError:
        return Replacement(replaced, leftover=aside)
    return Replacement(replaced)


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


def _write_new(path: Path, data: bytes, mode: int | None = None) -> None:
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        if mode is not None:
            with contextlib.suppress(OSError):  # a share that keeps no modes
                if os.name == "posix":
                    os.fchmod(handle, mode)
                else:
                    path.chmod(mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise
