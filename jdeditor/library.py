"""The preset library: read-only built-in presets shipped in the package, and the user's own.

User presets are ``*.jd.json`` files in ``<user data dir>/jdeditor/presets``. A preset's name is
its file name, encoded reversibly so that any Unicode name works but none can leave the folder or
trip over a reserved name (``con``, ``../x``, ``a/b``). Names are compared ignoring case, because
the folder may live on a file system that ignores case (Windows, macOS).

Listing never fails because of one bad file: the file is reported (name and reason), skipped,
and left exactly as it was.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from urllib.parse import unquote

import platformdirs

from jdeditor import _paths
from jdeditor._text import printable
from jdeditor.checks import say
from jdeditor.files import (
    DOCUMENT_SUFFIX,
    IS_A_FILE,
    DocumentError,
    atomic_write,
    describe_os_error,
    read_document,
)
from jdeditor.i18n import N_, catalogue_language, ui_language
from jdeditor.model import JobDescription, Level

PRESET_NAME_MAX = 80
"""A preset name is a label in a list; 80 characters fit the panel and any file system."""
_FILE_NAME_MAX_BYTES = 255  # the common limit of ext4, APFS, NTFS (in their own units)
# Characters Windows forbids in file names, plus '%' which our encoding uses as escape.
_ESCAPED = frozenset('<>:"/\\|?*%')
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in "0123456789¹²³"}
    | {f"LPT{n}" for n in "0123456789¹²³"}
)


class PresetKind(StrEnum):
    BUILT_IN = "built-in"
    USER = "user"


class LibraryError(Exception):
    """A preset operation that cannot be done; the message says why in plain words, in the
    user's language (composed when raised)."""


class PresetNameError(LibraryError):
    pass


class PresetExistsError(LibraryError):
    pass


class BuiltInNameError(PresetExistsError):
    """The name is a built-in preset's: never available to a user preset, even to overwrite."""


class PresetNotFoundError(LibraryError):
    pass


class ReadOnlyPresetError(LibraryError):
    pass


_EXISTS = N_("A preset named “{name}” already exists.")


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    kind: PresetKind
    path: Path
    document: JobDescription

    @property
    def read_only(self) -> bool:
        return self.kind is PresetKind.BUILT_IN


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file in a presets folder that could not be used, and why."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return printable(f"{self.path}: {self.reason}")


@dataclass(frozen=True, slots=True)
class PresetListing:
    presets: list[Preset] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)

    def find(self, name: str) -> Preset | None:
        key = name_key(name)
        return next((p for p in self.presets if name_key(p.name) == key), None)


# --- Names <-> file names ---------------------------------------------------------------------
def clean_preset_name(name: str) -> str:
    """Normalise a preset name (NFC, spaces folded) or raise ``PresetNameError`` saying why.

    Every kind of space (no-break, ideographic, …) becomes a plain one and runs of them one,
    so "Team\u00a0Lead" is "Team Lead"; invisible characters that make one name look like
    another (bidi overrides, zero-width spaces) are refused.
    """
    cleaned = _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip()
    if not cleaned:
        raise PresetNameError(say(N_("A preset name cannot be empty.")))
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in cleaned):
        raise PresetNameError(
            say(N_("A preset name cannot contain line breaks or control characters."))
        )
    if any(unicodedata.category(char) == "Cf" and char not in _JOINERS for char in cleaned):
        raise PresetNameError(
            say(
                N_(
                    "A preset name cannot contain invisible formatting characters (such as a "
                    "right-to-left override or a zero-width space)."
                )
            )
        )
    if len(cleaned) > PRESET_NAME_MAX:
        raise PresetNameError(
            say(
                N_("A preset name can have at most {limit} characters (this one has {count})."),
                limit=PRESET_NAME_MAX,
                count=len(cleaned),
            )
        )
    return cleaned


# Spaces of every kind (Unicode Zs); line breaks and tabs are control characters, refused.
_SPACES = re.compile(r"[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Zero-width (non-)joiners shape Persian, Indic scripts and emoji: text, not tricks.
_JOINERS = frozenset("\u200c\u200d")


def name_key(name: str) -> str:
    """What two names must share to be the same preset: case, Unicode form and the kind of
    space ignored, and compatibility forms folded (full-width "Ａｇｅｎｔ" is "Agent")."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", name)).strip().casefold()


def preset_file_name(name: str, suffix: str = DOCUMENT_SUFFIX) -> str:
    """The file name for a preset: readable, reversible, and safe on every desktop OS.

    ``suffix`` lets exports share the rule: ``preset_file_name("Team Lead", ".docx")``.

    '%', '/', '\\' and the other characters Windows forbids become ``%XX``; so do a leading dot
    (hidden files, '..'), a trailing dot or space (Windows drops them) and the first letter of a
    reserved device name (``con`` → ``%63on``).
    """
    cleaned = clean_preset_name(name)
    stem = "".join(f"%{ord(c):02X}" if c in _ESCAPED else c for c in cleaned)
    if stem.startswith("."):
        stem = "%2E" + stem[1:]
    if stem.endswith((".", " ")):
        stem = f"{stem[:-1]}%{ord(stem[-1]):02X}"
    if stem.split(".", 1)[0].rstrip(" ").upper() in _WINDOWS_RESERVED:
        stem = f"%{ord(stem[0]):02X}{stem[1:]}"
    file_name = stem + suffix
    if len(file_name.encode("utf-8")) > _FILE_NAME_MAX_BYTES:
        raise PresetNameError(
            say(N_("This preset name is too long to be a file name; please shorten it."))
        )
    return file_name


def preset_name_from_file(path: Path) -> str | None:
    """The preset name a file stands for (inverse of ``preset_file_name``); None when the
    file name is not one that jdeditor writes (bad ``%XX`` escapes, control characters)."""
    stem = path.name.removesuffix(DOCUMENT_SUFFIX)
    try:
        return clean_preset_name(unquote(stem, errors="strict"))
    except (UnicodeDecodeError, PresetNameError):
        return None


# --- The library ------------------------------------------------------------------------------
def default_user_presets_dir() -> Path:
    """``<user data dir>/jdeditor/presets`` as platformdirs defines it for this OS."""
    return platformdirs.user_data_path("jdeditor", appauthor=False) / "presets"


class PresetLibrary:
    """Built-in and user presets; every write is atomic, every failure a ``LibraryError``."""

    def __init__(self, user_dir: Path | None = None, built_in_dir: Path | None = None) -> None:
        self.user_dir = user_dir if user_dir is not None else default_user_presets_dir()
        self.built_in_dir = built_in_dir if built_in_dir is not None else _paths.presets_dir()

    def list_presets(self) -> PresetListing:
        """All presets: built-ins first (those in the user's language, then the others; each
        entry level to senior), then the user's by name."""
        built_in, broken = self._load_folder(self.built_in_dir, PresetKind.BUILT_IN)
        built_in.sort(key=_built_in_order)
        user, skipped = self._load_folder(self.user_dir, PresetKind.USER)
        taken = {name_key(preset.name) for preset in built_in}
        kept = []
        for preset in sorted(user, key=lambda p: name_key(p.name)):
            if name_key(preset.name) in taken:
                skipped.append(
                    SkippedFile(
                        preset.path,
                        say(
                            N_(
                                "its name “{name}” is already taken by another preset; rename "
                                "the file to use it"
                            ),
                            name=preset.name,
                        ),
                    )
                )
            else:
                taken.add(name_key(preset.name))
                kept.append(preset)
        return PresetListing(built_in + kept, broken + skipped)

    def get(self, name: str) -> Preset:
        """The preset called ``name`` (case ignored), or ``PresetNotFoundError``."""
        preset = self.list_presets().find(name)
        if preset is None:
            raise PresetNotFoundError(say(N_("There is no preset named “{name}”."), name=name))
        return preset

    def save_user_preset(
        self, name: str, document: JobDescription, *, overwrite: bool = False
    ) -> Preset:
        """Save ``document`` as a user preset; a name clash is an error unless ``overwrite``.

        A built-in's name is never available: built-ins are read-only.
        """
        name = clean_preset_name(name)
        target = self.user_dir / preset_file_name(name)
        existing = self._existing_user_file(name)
        if existing is not None and not overwrite:
            raise PresetExistsError(say(_EXISTS, name=name))
        self._make_user_dir()
        data = document.to_json().encode("utf-8")
        if existing is None or existing == target:
            atomic_write(target, data)
        else:
            # Overwriting 'night shift' with 'Night Shift': new content into the old file, then
            # one rename, so a crash at any point leaves exactly one file for the preset.
            atomic_write(existing, data)
            _rename(existing, target, name)
        return Preset(name, PresetKind.USER, target, document)

    def duplicate(self, name: str, new_name: str) -> Preset:
        """Copy any preset (built-in or user) to a new user preset."""
        return self.save_user_preset(new_name, self.get(name).document)

    def rename(self, name: str, new_name: str, *, overwrite: bool = False) -> Preset:
        """Rename a user preset; a clash with another preset is an error unless ``overwrite``."""
        preset = self._user_preset(name)
        new_name = clean_preset_name(new_name)
        target = self.user_dir / preset_file_name(new_name)
        clash = self._existing_user_file(new_name)
        if clash is not None and clash != preset.path and not overwrite:
            raise PresetExistsError(say(_EXISTS, name=new_name))
        if clash is None or clash == preset.path:
            _rename(preset.path, target, name)
        else:
            # Onto the preset being replaced first, then to the new spelling: every step leaves
            # one file per preset, never two names for one preset nor a lost one.
            _rename(preset.path, clash, name)
            if clash != target:
                _rename(clash, target, name)
        return Preset(new_name, PresetKind.USER, target, preset.document)

    def delete(self, name: str) -> None:
        """Delete a user preset; built-ins cannot be deleted."""
        _remove(self._user_preset(name).path)

    # -- helpers --
    def _user_preset(self, name: str) -> Preset:
        preset = self.get(name)
        if preset.read_only:
            raise ReadOnlyPresetError(
                say(
                    N_("“{name}” is a built-in preset and cannot be changed; duplicate it first."),
                    name=preset.name,
                )
            )
        return preset

    def _existing_user_file(self, name: str) -> Path | None:
        """The file already holding ``name`` (any case), even if it is broken; or None.

        Raises ``PresetExistsError`` for a built-in's name, which no user preset may take.
        """
        key = name_key(name)
        for path in _document_files(self.built_in_dir):
            if name_key(preset_name_from_file(path) or "") == key:
                raise BuiltInNameError(
                    say(
                        N_("“{name}” is the name of a built-in preset; choose another name."),
                        name=name,
                    )
                )
        for path in _document_files(self.user_dir):
            if name_key(preset_name_from_file(path) or "") == key:
                return path
        return None

    def _make_user_dir(self) -> None:
        try:
            self.user_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(
                say(
                    N_("Cannot create the presets folder {folder}: {reason}."),
                    folder=self.user_dir,
                    reason=describe_os_error(error),
                )
            ) from None

    @staticmethod
    def _load_folder(folder: Path, kind: PresetKind) -> tuple[list[Preset], list[SkippedFile]]:
        try:
            paths = _document_files(folder)
        except LibraryError as error:
            return [], [SkippedFile(folder, str(error))]
        presets, skipped = [], []
        for path in paths:
            name = preset_name_from_file(path)
            if name is None:
                reason = say(N_("its file name is not a valid preset name"))
                skipped.append(SkippedFile(path, reason))
                continue
            try:
                presets.append(Preset(name, kind, path, read_document(path)))
            except DocumentError as error:
                prefix = f"{printable(str(path))}: "
                skipped.append(
                    SkippedFile(path, "; ".join(x.removeprefix(prefix) for x in error.lines()))
                )
        return presets, skipped


def _document_files(folder: Path) -> list[Path]:
    """The ``*.jd.json`` entries of a folder (none if it does not exist yet).

    Raises ``LibraryError`` when the folder is a file or cannot be read.
    """
    try:
        return sorted(
            entry
            for entry in folder.iterdir()
            if entry.name.endswith(DOCUMENT_SUFFIX) and not entry.name.startswith(".jdeditor-")
        )
    except FileNotFoundError:
        return []
    except OSError as error:
        reason = IS_A_FILE if isinstance(error, NotADirectoryError) else describe_os_error(error)
        raise LibraryError(
            say(N_("The presets folder cannot be read: {reason}."), reason=reason)
        ) from None


def _rename(source: Path, target: Path, name: str) -> None:
    try:
        source.replace(target)
    except OSError as error:
        raise LibraryError(
            say(
                N_("Could not save “{name}”: {reason}."), name=name, reason=describe_os_error(error)
            )
        ) from None


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass  # already gone: the caller's goal is met
    except OSError as error:
        raise LibraryError(
            say(
                N_("Could not delete {path}: {reason}."), path=path, reason=describe_os_error(error)
            )
        ) from None


_LEVEL_ORDER = {level: rank for rank, level in enumerate(Level)}


def _built_in_order(preset: Preset) -> tuple[bool, int, str]:
    """The user's language first (a Chinese-speaking user sees 呼叫中心客服专员 before Agent),
    then entry level to senior, then by name."""
    other_language = catalogue_language(preset.document.language) != ui_language()
    level = preset.document.level
    rank = _LEVEL_ORDER[level] if level is not None else len(_LEVEL_ORDER)
    return (other_language, rank, name_key(preset.name))
