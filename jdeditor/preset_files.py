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
import getpass
import os
import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

from jdeditor.files import DOCUMENT_SUFFIX, DocumentError

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
