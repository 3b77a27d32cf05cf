"""The preset library: read-only built-in presets shipped in the package, the user's own, and
the team folders the user has added (see ``preset_sources`` for where they are configured).

User presets are ``*.jd.json`` files in ``<user data dir>/jdeditor/presets``. A preset's name is
its file name, encoded reversibly so that any Unicode name works but none can leave the folder or
trip over a reserved name (``con``, ``../x``, ``a/b``). Names are compared ignoring case, because
the folder may live on a file system that ignores case (Windows, macOS).

Listing never fails because of one bad file: the file is reported (name and reason), skipped,
and left exactly as it was. A team folder that is missing, unmounted or unreadable is reported
once, as skipped with its reason; every other source keeps working.

Names across sources: a user preset may not take a built-in's name (it is skipped), but a team
preset may take any name: it is listed in its folder's group. A name finds the first preset of
that name, built-ins first, then the user's, then each team folder in order; a qualified name
finds one source's: ``built-in/Agent``, ``user/Night shift``, ``team:Support team/Agent``
(``Preset.ref``, what the window passes around and what ``jdeditor presets list`` shows as
SOURCE and NAME). A name that is a preset's own name wins over its reading as a qualified one.

Parsed files are cached on their size and modification time (``preset_sources.ParsedCache``):
listing again stats each file and reads only those that changed, and ``get`` re-reads its file
only if it changed since it was listed.
"""

from __future__ import annotations

import dataclasses
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import platformdirs

from jdeditor import _paths
from jdeditor._text import printable
from jdeditor.checks import say, term
from jdeditor.files import (
    DOCUMENT_SUFFIX,
    IS_A_FILE,
    DocumentError,
    atomic_write,
    describe_os_error,
    read_document,
    read_json_file,
)
from jdeditor.i18n import N_, catalogue_language, ui_language
from jdeditor.model import JobDescription, Level
from jdeditor.preset_sources import (
    TEAM_MARKER,
    FileVersion,
    FolderEntry,
    ParsedCache,
    PresetSource,
    TeamFolder,
    configured_team_folders,
    conflict_base,
    conflict_copy_name,
    create_exclusively,
    replace_if_unchanged,
    scan,
    unique_team_folders,
    version_of,
)
from jdeditor.preset_sources import PresetKind as PresetKind  # noqa: PLC0414 - re-exported

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


class TeamPresetExistsError(PresetExistsError):
    """Publishing would replace a team preset: ask, then publish again with ``replace`` set to
    ``version``, the version the user agreed to replace."""

    def __init__(self, message: str, path: Path, version: FileVersion) -> None:
        super().__init__(message)
        self.path = path
        self.version = version


_EXISTS = N_("A preset named “{name}” already exists.")


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    kind: PresetKind
    path: Path
    document: JobDescription
    source: PresetSource | None = None
    conflict_of: str | None = None
    """For a sync service's conflict copy in a team folder: the name of the preset it copies."""

    @property
    def read_only(self) -> bool:
        if self.kind is PresetKind.TEAM:
            return self.source is None or not self.source.writable
        return self.kind is PresetKind.BUILT_IN

    @property
    def ref(self) -> str:
        """The name that finds this preset whatever other sources hold (see the module doc)."""
        return self.source.ref(self.name) if self.source is not None else self.name


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file in a presets folder (or a team folder) that could not be used, and why."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return printable(f"{self.path}: {self.reason}")


@dataclass(frozen=True, slots=True)
class PresetListing:
    presets: list[Preset] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    sources: list[PresetSource] = field(default_factory=list)
    """Built-in, user, then each team folder (an unavailable one too, with ``available`` off)."""

    _index: dict[tuple[str, str], Preset] = field(default_factory=dict, repr=False, compare=False)
    """(source label or '', name key) → preset; made on the first ``find``."""

    def find(self, name: str) -> Preset | None:
        """The preset ``name`` (case ignored) finds: its own name first, built-ins before the
        user's before each team's; else a qualified name (``team:Support team/Agent``)."""
        if not self._index:
            for preset in reversed(self.presets):  # the first of a name wins
                self._index["", name_key(preset.name)] = preset
                self._index[_label(preset).casefold(), name_key(preset.name)] = preset
        found = self._index.get(("", name_key(name)))
        if found is not None:
            return found
        for source in sorted(self.sources, key=lambda s: -len(s.label)):
            prefix = f"{source.label}/"
            if name[: len(prefix)].casefold() == prefix.casefold():
                return self._index.get((source.label.casefold(), name_key(name[len(prefix) :])))
        return None

    def teams(self) -> list[PresetSource]:
        return [source for source in self.sources if source.kind is PresetKind.TEAM]


class Published(StrEnum):
    CREATED = "created"
    REPLACED = "replaced"
    CONFLICT_COPY = "conflict copy"
    """Someone published the name meanwhile: theirs is kept, ours saved as a conflict copy."""


@dataclass(frozen=True, slots=True)
class Publication:
    """What publishing did: the outcome, and the preset as it now is in the team folder."""

    outcome: Published
    preset: Preset


# --- Names <-> file names ---------------------------------------------------------------------
def clean_preset_name(name: str, *, limit: int = PRESET_NAME_MAX) -> str:
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
    if len(cleaned) > limit:
        raise PresetNameError(
            say(
                N_("A preset name can have at most {limit} characters (this one has {count})."),
                limit=limit,
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
    file_name = _encoded(clean_preset_name(name)) + suffix
    if len(file_name.encode("utf-8")) > _FILE_NAME_MAX_BYTES:
        raise PresetNameError(
            say(N_("This preset name is too long to be a file name; please shorten it."))
        )
    return file_name


def _encoded(cleaned: str) -> str:
    stem = "".join(f"%{ord(c):02X}" if c in _ESCAPED else c for c in cleaned)
    if stem.startswith("."):
        stem = "%2E" + stem[1:]
    if stem.endswith((".", " ")):
        stem = f"{stem[:-1]}%{ord(stem[-1]):02X}"
    if stem.split(".", 1)[0].rstrip(" ").upper() in _WINDOWS_RESERVED:
        stem = f"%{ord(stem[0]):02X}{stem[1:]}"
    return stem


def _conflict_file_name(name: str) -> str:
    """A conflict copy's file name: its name may pass the 80 characters of a preset's (the
    original's name and the marker), so the original's part is shortened only to fit the
    file system."""
    for end in range(len(name), 0, -1):
        base, marker = (name[:end], name[end:]) if end < len(name) else (name, "")
        file_name = _encoded(base.rstrip() + marker) + DOCUMENT_SUFFIX
        if len(file_name.encode("utf-8")) <= _FILE_NAME_MAX_BYTES:
            return file_name
    raise PresetNameError(
        say(N_("This preset name is too long to be a file name; please shorten it."))
    )


def preset_name_from_file(path: Path) -> str | None:
    """The preset name a file stands for (inverse of ``preset_file_name``); None when the
    file name is not one that jdeditor writes (bad ``%XX`` escapes, control characters)."""
    return _decoded(path.name.removesuffix(DOCUMENT_SUFFIX))


def _decoded(stem: str, *, any_length: bool = False) -> str | None:
    """The name an encoded stem stands for; ``any_length`` for a team folder's files, whose
    conflict copies are longer than a name we would write."""
    try:
        limit = _FILE_NAME_MAX_BYTES if any_length else PRESET_NAME_MAX
        return clean_preset_name(unquote(stem, errors="strict"), limit=limit)
    except (UnicodeDecodeError, PresetNameError):
        return None


# --- The library ------------------------------------------------------------------------------
def default_user_presets_dir() -> Path:
    """``<user data dir>/jdeditor/presets`` as platformdirs defines it for this OS."""
    return platformdirs.user_data_path("jdeditor", appauthor=False) / "presets"


class PresetLibrary:
    """Built-in, user and team presets; every write is atomic, every failure a ``LibraryError``.

    ``team_folders``: exactly these team folders; by default (None) the ones configured for
    this run (``preset_sources.configured_team_folders``: the settings file, read again on
    every listing, ``JDEDITOR_PRESETS_DIRS`` and ``--presets-dir``).
    """

    def __init__(
        self,
        user_dir: Path | None = None,
        built_in_dir: Path | None = None,
        team_folders: list[TeamFolder] | None = None,
    ) -> None:
        self.user_dir = user_dir if user_dir is not None else default_user_presets_dir()
        self.built_in_dir = built_in_dir if built_in_dir is not None else _paths.presets_dir()
        self._team_folders = team_folders
        self._cache: ParsedCache[JobDescription] = ParsedCache(read_document)
        self._markers: ParsedCache[dict[str, Any]] = ParsedCache(_read_marker)
        self._last: PresetListing | None = None

    @property
    def parses(self) -> int:
        """How many preset files this library has read and validated (the cache's misses)."""
        return self._cache.parses

    def list_presets(self) -> PresetListing:
        """All presets: built-ins first (those in the user's language, then the others; each
        entry level to senior), then the user's by name, then each team folder's by name (a
        conflict copy right after the preset it copies)."""
        built_in_source = PresetSource(PresetKind.BUILT_IN, self.built_in_dir)
        user_source = PresetSource(PresetKind.USER, self.user_dir, writable=True)
        built_in, broken = self._load_folder(built_in_source)
        built_in.sort(key=_built_in_order)
        user, skipped = self._load_folder(user_source)
        taken = {name_key(preset.name) for preset in built_in}
        kept = []
        for preset in sorted(user, key=lambda p: name_key(p.name)):
            if name_key(preset.name) in taken:
                skipped.append(_taken(preset))
            else:
                taken.add(name_key(preset.name))
                kept.append(preset)
        listing = PresetListing(built_in + kept, broken + skipped, [built_in_source, user_source])
        teams, problem = self._configured_team_folders()
        if problem is not None:
            listing.skipped.append(_skipped_file(problem))
        for team in teams:
            self._list_team(team, listing)
        self._last = listing
        return listing

    def get(self, name: str) -> Preset:
        """The preset ``name`` finds (case ignored; see ``PresetListing.find``), read again if
        its file changed since it was listed, or ``PresetNotFoundError``.

        A preset whose file vanished since it was listed is looked for again (it may have been
        renamed); if it is gone, the error says so.
        """
        listing = self._last
        if listing is None:  # nothing listed yet: a team preset's file is looked at alone
            probed = self._probe_team(name)
            if probed is not None:
                return probed
        preset = listing.find(name) if listing is not None else None
        if preset is None:
            preset = self.list_presets().find(name)
        if preset is None:
            raise PresetNotFoundError(say(N_("There is no preset named “{name}”."), name=name))
        try:
            version = version_of(preset.path.stat())
        except FileNotFoundError:
            again = self.list_presets().find(preset.ref)
            if again is None:
                raise PresetNotFoundError(
                    say(
                        N_(
                            "The preset “{name}” is no longer in {folder}: it was moved, renamed "
                            "or deleted."
                        ),
                        name=preset.name,
                        folder=preset.path.parent,
                    )
                ) from None
            return again
        except OSError as error:
            raise _unreadable(preset, describe_os_error(error)) from None
        try:
            document = self._cache.load(preset.path, version)
        except DocumentError as error:
            raise _unreadable(preset, "; ".join(_reasons(error))) from None
        return (
            preset
            if document is preset.document
            else dataclasses.replace(preset, document=document)
        )

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
        """Copy any preset (built-in, user or team) to a new user preset."""
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
        """Delete a user preset; built-in and team presets cannot be deleted here."""
        _remove(self._user_preset(name).path)

    # -- team folders --
    def publish(self, name: str, team: str, *, replace: FileVersion | None = None) -> Publication:
        """Copy the preset ``name`` (from any source) to the writable team folder ``team``.

        Never loses a version. A new name is created exclusively. An existing one raises
        ``TeamPresetExistsError`` unless ``replace`` is the version the user agreed to replace,
        and is replaced only while it is still that version. When someone else published the
        name meanwhile, theirs stays and ours is saved as a conflict copy (``Published``).
        """
        preset = self.get(name)
        source = self._writable_team(team)
        data = preset.document.to_json().encode("utf-8")
        try:
            existing = _entry_named(source.folder, preset.name)
            if existing is None:
                target = source.folder / preset_file_name(preset.name)
                try:
                    create_exclusively(target, data)
                    return _publication(Published.CREATED, preset, source, target)
                except FileExistsError:
                    pass  # published by someone else in the meantime
            elif replace is None:
                raise TeamPresetExistsError(
                    say(
                        N_("“{name}” is already in the team folder “{team}”."),
                        name=preset.name,
                        team=source.name,
                    ),
                    existing.path,
                    existing.version,
                )
            elif replace_if_unchanged(
                existing.path, data, replace, _aside(existing.path, preset.name)
            ):
                return _publication(Published.REPLACED, preset, source, existing.path)
            return self._publish_copy(preset, source, data)
        except OSError as error:
            raise LibraryError(
                say(
                    N_("Could not publish “{name}” to “{team}”: {reason}."),
                    name=preset.name,
                    team=source.name,
                    reason=describe_os_error(error),
                )
            ) from None

    def keep_conflict_copy(self, name: str) -> Preset:
        """Make a team folder's conflict copy the preset it copies: the copy's content replaces
        the original (or becomes it, if it is gone), and the copy is removed."""
        copy = self._conflict_copy(name)
        assert copy.source is not None and copy.conflict_of is not None
        data = copy.document.to_json().encode("utf-8")
        try:
            existing = _entry_named(copy.source.folder, copy.conflict_of)
            if existing is None:
                target = copy.source.folder / _conflict_file_name(copy.conflict_of)
                create_exclusively(target, data)
            elif replace_if_unchanged(
                target := existing.path,
                data,
                existing.version,
                _aside(existing.path, copy.conflict_of),
            ):
                pass
            else:
                raise FileExistsError
            copy.path.unlink(missing_ok=True)
        except FileExistsError:
            raise LibraryError(
                say(
                    N_(
                        "“{name}” changed in the team folder while this was being done; nothing "
                        "was replaced. Look at both again."
                    ),
                    name=copy.conflict_of,
                )
            ) from None
        except OSError as error:
            raise LibraryError(
                say(
                    N_("Could not save “{name}”: {reason}."),
                    name=copy.conflict_of,
                    reason=describe_os_error(error),
                )
            ) from None
        return Preset(copy.conflict_of, PresetKind.TEAM, target, copy.document, copy.source)

    def delete_conflict_copy(self, name: str) -> None:
        """Delete a team folder's conflict copy (the preset it copies stays)."""
        _remove(self._conflict_copy(name).path)

    # -- helpers --
    def _probe_team(self, name: str) -> Preset | None:
        """A team preset by its qualified name, from its own file only, without listing a
        folder of a thousand presets on a slow share; None when anything is unusual (no such
        file under that exact name, a broken file), and the full listing decides."""
        folders, _problem = self._configured_team_folders()
        for folder in sorted(folders, key=lambda f: -len(f.name)):
            prefix = f"team:{folder.name}/"
            if name[: len(prefix)].casefold() != prefix.casefold():
                continue
            try:
                preset_name = clean_preset_name(name[len(prefix) :], limit=_FILE_NAME_MAX_BYTES)
                path = folder.path / _conflict_file_name(preset_name)
                document = self._cache.load(path, version_of(path.stat()))
            except (LibraryError, DocumentError, OSError, ValueError):
                return None
            note = self._read_only_reason(folder.path)
            source = PresetSource(
                PresetKind.TEAM,
                folder.path,
                folder.name,
                writable=note is None,
                note=note or "",
                origin=folder.origin,
            )
            base = conflict_base(preset_name, partial(_has_preset, folder.path))
            return Preset(preset_name, PresetKind.TEAM, path, document, source, base)
        return None

    def _configured_team_folders(self) -> tuple[list[TeamFolder], DocumentError | None]:
        if self._team_folders is not None:
            return unique_team_folders(self._team_folders), None
        return configured_team_folders()

    def _list_team(self, team: TeamFolder, listing: PresetListing) -> None:
        source = PresetSource(PresetKind.TEAM, team.path, team.name, origin=team.origin)
        try:
            entries = scan(team.path)
        except (OSError, ValueError) as error:
            reason = _folder_problem(error)
            listing.sources.append(dataclasses.replace(source, available=False, note=reason))
            said = say(
                N_("the team folder “{team}” is not available: {reason}"),
                team=team.name,
                reason=reason,
            )
            listing.skipped.append(SkippedFile(team.path, said))
            return
        note = self._read_only_reason(team.path)
        source = dataclasses.replace(source, writable=note is None, note=note or "")
        listing.sources.append(source)
        presets, skipped = self._load_entries(source, entries)
        names = {name_key(p.name) for p in presets} | {
            name_key(name)
            for s in skipped
            if (name := _decoded(s.path.name.removesuffix(DOCUMENT_SUFFIX))) is not None
        }
        marked = []
        for preset in presets:
            base = conflict_base(preset.name, lambda b: name_key(b) in names)
            marked.append(dataclasses.replace(preset, conflict_of=base) if base else preset)
        marked.sort(key=_team_order)
        seen: set[str] = set()
        for preset in marked:
            if name_key(preset.name) in seen:
                skipped.append(_taken(preset))
            else:
                seen.add(name_key(preset.name))
                listing.presets.append(preset)
        listing.skipped.extend(skipped)

    def _read_only_reason(self, folder: Path) -> str | None:
        """Why a team folder is read-only for this user, or None when it is writable."""
        marker = folder / TEAM_MARKER
        try:
            version = version_of(marker.stat())
        except FileNotFoundError:
            version = None
        except OSError as error:
            return _marker_unreadable(describe_os_error(error))
        if version is not None:
            try:
                if self._markers.load(marker, version).get("read_only") is True:
                    return say(N_("its {file} file makes it read-only"), file=TEAM_MARKER)
            except DocumentError as error:
                return _marker_unreadable("; ".join(_reasons(error)))
        if not os.access(folder, os.W_OK):
            return say(N_("you do not have permission to change it"))
        return None

    def _writable_team(self, team: str) -> PresetSource:
        folders, _problem = self._configured_team_folders()
        folder = next((f for f in folders if f.name.casefold() == team.casefold()), None)
        if folder is None:
            raise LibraryError(say(N_("There is no team folder named “{team}”."), team=team))
        note = self._read_only_reason(folder.path)
        if note is not None:
            raise ReadOnlyPresetError(
                say(
                    N_(
                        "The team folder “{team}” is read-only ({reason}); nothing can be "
                        "published to it."
                    ),
                    team=folder.name,
                    reason=note,
                )
            )
        return PresetSource(
            PresetKind.TEAM, folder.path, folder.name, writable=True, origin=folder.origin
        )

    def _publish_copy(self, preset: Preset, source: PresetSource, data: bytes) -> Publication:
        now = datetime.now()
        for number in range(1, 100):
            copy = conflict_copy_name(preset.name, now, number)
            target = source.folder / _conflict_file_name(copy)
            try:
                create_exclusively(target, data)
            except FileExistsError:
                continue
            published = Preset(copy, PresetKind.TEAM, target, preset.document, source, preset.name)
            return Publication(Published.CONFLICT_COPY, published)
        raise FileExistsError(target)

    def _conflict_copy(self, name: str) -> Preset:
        preset = self.list_presets().find(name)
        if preset is None:
            raise PresetNotFoundError(say(N_("There is no preset named “{name}”."), name=name))
        if preset.conflict_of is None:
            raise LibraryError(
                say(N_("“{name}” is not a conflicting copy of another preset."), name=preset.name)
            )
        if preset.read_only:
            assert preset.source is not None
            raise ReadOnlyPresetError(
                say(
                    N_(
                        "The team folder “{team}” is read-only ({reason}); nothing can be "
                        "changed in it."
                    ),
                    team=preset.source.name,
                    reason=preset.source.note,
                )
            )
        return preset

    def _user_preset(self, name: str) -> Preset:
        preset = self.get(name)
        if preset.kind is PresetKind.BUILT_IN:
            raise ReadOnlyPresetError(
                say(
                    N_("“{name}” is a built-in preset and cannot be changed; duplicate it first."),
                    name=preset.name,
                )
            )
        if preset.kind is PresetKind.TEAM:
            raise ReadOnlyPresetError(
                say(
                    N_(
                        "“{name}” is a team preset and is changed in its team folder; duplicate "
                        "it to change a copy of your own."
                    ),
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

    def _load_folder(self, source: PresetSource) -> tuple[list[Preset], list[SkippedFile]]:
        try:
            entries = _document_entries(source.folder)
        except LibraryError as error:
            return [], [SkippedFile(source.folder, str(error))]
        return self._load_entries(source, entries)

    def _load_entries(
        self, source: PresetSource, entries: list[FolderEntry]
    ) -> tuple[list[Preset], list[SkippedFile]]:
        presets, skipped = [], []
        team = source.kind is PresetKind.TEAM
        for entry in entries:
            name = _decoded(entry.stem, any_length=team)
            if name is None:
                reason = say(N_("its file name is not a valid preset name"))
                skipped.append(SkippedFile(entry.path, reason))
                continue
            try:
                document = self._cache.load(entry.path, entry.version)
            except DocumentError as error:
                skipped.append(SkippedFile(entry.path, "; ".join(_reasons(error))))
                continue
            presets.append(
                Preset(name, source.kind, entry.path, document, source if team else None)
            )
        self._cache.keep_only((entry.path for entry in entries), source.folder)
        return presets, skipped


def _document_entries(folder: Path) -> list[FolderEntry]:
    """The ``*.jd.json`` files of a built-in or user folder (none if it does not exist yet).

    Raises ``LibraryError`` when the folder is a file or cannot be read.
    """
    try:
        return [e for e in scan(folder) if e.path.name.endswith(DOCUMENT_SUFFIX)]
    except FileNotFoundError:
        return []
    except OSError as error:
        reason = IS_A_FILE if isinstance(error, NotADirectoryError) else describe_os_error(error)
        raise LibraryError(
            say(N_("The presets folder cannot be read: {reason}."), reason=reason)
        ) from None


def _document_files(folder: Path) -> list[Path]:
    return [entry.path for entry in _document_entries(folder)]


def _entry_named(folder: Path, name: str) -> FolderEntry | None:
    """The file of a team folder that holds the preset ``name`` (any case), or None."""
    key = name_key(name)
    return next(
        (e for e in scan(folder) if name_key(_decoded(e.stem, any_length=True) or "") == key),
        None,
    )


def _has_preset(folder: Path, name: str) -> bool:
    try:
        return (folder / _conflict_file_name(name)).exists()
    except LibraryError:
        return False


def _aside(path: Path, name: str) -> Path:
    """Where a file is set aside while it is replaced: a visible conflict copy of ``name`` with
    a random part, so that a crash midway leaves a copy the user sees, never a lost version."""
    stamp = f"{datetime.now():%Y-%m-%d %H%M%S} {os.urandom(3).hex()}"
    return path.with_name(_conflict_file_name(f"{name} (conflicted copy, replaced {stamp})"))


def _publication(
    outcome: Published, preset: Preset, source: PresetSource, path: Path
) -> Publication:
    return Publication(outcome, Preset(preset.name, PresetKind.TEAM, path, preset.document, source))


def _read_marker(path: Path) -> dict[str, Any]:
    return read_json_file(path, 64 * 1024, "a team folder's settings file")


def _marker_unreadable(reason: str) -> str:
    return say(
        N_("its {file} file cannot be read, so it is treated as read-only ({reason})"),
        file=TEAM_MARKER,
        reason=reason,
    )


def _folder_problem(error: OSError | ValueError) -> str:
    if isinstance(error, FileNotFoundError):
        return say(N_("the folder does not exist, or its drive or share is not connected"))
    if isinstance(error, NotADirectoryError):
        return IS_A_FILE
    if isinstance(error, OSError):
        return describe_os_error(error)
    return term(N_("the file name is not valid"))


def _reasons(error: DocumentError) -> list[str]:
    prefix = f"{printable(str(error.path))}: "
    return [line.removeprefix(prefix) for line in error.lines()]


def _skipped_file(error: DocumentError) -> SkippedFile:
    return SkippedFile(error.path, "; ".join(_reasons(error)))


def _unreadable(preset: Preset, reason: str) -> LibraryError:
    return LibraryError(
        say(
            N_("The preset “{name}” cannot be read now: {reason}."), name=preset.name, reason=reason
        )
    )


def _taken(preset: Preset) -> SkippedFile:
    return SkippedFile(
        preset.path,
        say(
            N_("its name “{name}” is already taken by another preset; rename the file to use it"),
            name=preset.name,
        ),
    )


def _label(preset: Preset) -> str:
    return preset.source.label if preset.source is not None else str(preset.kind)


def _team_order(preset: Preset) -> tuple[str, bool, str]:
    """By name, each conflict copy right after the preset it copies."""
    return (
        name_key(preset.conflict_of or preset.name),
        preset.conflict_of is not None,
        name_key(preset.name),
    )


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
