"""The team folders of a preset library: listing them, publishing to them, and settling the
conflict copies that sync services leave in them (``preset_sources`` says where team folders are
configured; ``preset_files`` how their files are cached and written without losing a version).

A team folder that is missing, unmounted or unreadable is reported once, as skipped with its
reason; every other source keeps working. A folder is read-only when its ``TEAM_MARKER`` file
says so or the user may not write it; nothing is published to it then.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any

from jdeditor.checks import say, term
from jdeditor.files import (
    DOCUMENT_SUFFIX,
    IS_A_FILE,
    DocumentError,
    describe_os_error,
    read_json_file,
)
from jdeditor.i18n import N_
from jdeditor.model import JobDescription
from jdeditor.preset_errors import LibraryError, ReadOnlyPresetError, TeamPresetExistsError
from jdeditor.preset_files import (
    FileVersion,
    FolderEntry,
    ParsedCache,
    ReadOnlyFileError,
    Replacement,
    conflict_base,
    conflict_copy_name,
    create_exclusively,
    marker_start,
    replace_keeping,
    scan,
    version_of,
)
from jdeditor.preset_listing import (
    Preset,
    PresetListing,
    SkippedFile,
    file_reasons,
    load_entries,
    name_taken,
    remove_preset_file,
)
from jdeditor.preset_names import (
    FILE_NAME_MAX_BYTES,
    clean_preset_name,
    conflict_file_name,
    name_from_stem,
    name_key,
    preset_file_name,
)
from jdeditor.preset_sources import (
    TEAM_MARKER,
    PresetKind,
    PresetSource,
    TeamFolder,
    configured_team_folders,
    same_folder,
    unique_team_folders,
)


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
    kept: Path | None = None
    """The version that was replaced, kept as a conflict copy (``keep_replaced``)."""
    leftover: Path | None = None
    """The version that was replaced, which could not be removed (publishing succeeded)."""


@dataclass(frozen=True, slots=True)
class ConflictSeen:
    """The versions of a conflict copy and of its original when the user was asked what to do
    with the copy: Keep and Delete act only while both are still these versions."""

    copy: FileVersion
    original: FileVersion | None
    """None: no file holds the original."""
    original_readable: bool
    """Whether the original was listed as a preset (not missing, not skipped as unreadable):
    without it, the copy may be the only version, and is not deleted."""


class OnlyVersionError(LibraryError):
    """Deleting a conflict copy whose original is missing or unreadable would delete the only
    version; keep the copy in its place instead."""


class TeamPresets:
    """The team folders of one ``PresetLibrary``; every failure a ``LibraryError``.

    ``documents`` is the library's cache of parsed presets (a team preset a listing read is not
    read again by ``get``); ``team_folders``: exactly these team folders, or None for the ones
    configured for this run (``preset_sources.configured_team_folders``: the settings file,
    read again on every listing, ``JDEDITOR_PRESETS_DIRS`` and ``--presets-dir``).
    """

    def __init__(
        self,
        documents: ParsedCache[JobDescription],
        team_folders: list[TeamFolder] | None,
        own_folders: dict[Path, str] | None = None,
    ) -> None:
        self._cache = documents
        self._team_folders = team_folders
        self._own_folders = own_folders or {}
        """The built-in and the user's presets folders, each with why it cannot be a team's
        (a message, said when it is shown)."""
        self._markers: ParsedCache[dict[str, Any]] = ParsedCache(_read_marker)

    def configured(self) -> tuple[list[TeamFolder], DocumentError | None]:
        """The team folders, each once, and the settings file's problem if it has one."""
        if self._team_folders is not None:
            return unique_team_folders(self._team_folders), None
        return configured_team_folders()

    def list_into(self, listing: PresetListing) -> None:
        """Add each team folder's source, presets (by name, a conflict copy right after the
        preset it copies) and skipped files to ``listing``, and the settings file's problem."""
        teams, problem = self.configured()
        if problem is not None:
            listing.skipped.append(_skipped_file(problem))
        for team in teams:
            self._list_team(team, listing)

    def probe(self, name: str) -> Preset | None:
        """A team preset by its qualified name, from its own file only, without listing a
        folder of a thousand presets on a slow share; None when anything is unusual (no such
        file under that exact name, a broken file), and the full listing decides."""
        folders, _problem = self.configured()
        for folder in sorted(folders, key=lambda f: -len(f.name)):
            prefix = f"team:{folder.name}/"
            if name[: len(prefix)].casefold() != prefix.casefold():
                continue
            try:
                preset_name = clean_preset_name(name[len(prefix) :], limit=FILE_NAME_MAX_BYTES)
                path = folder.path / conflict_file_name(preset_name)
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

    def publish(
        self,
        preset: Preset,
        team: str,
        *,
        replace: FileVersion | None = None,
        keep_replaced: bool = False,
    ) -> Publication:
        """Copy ``preset`` (from any source) to the writable team folder ``team``, never losing
        a version (see ``PresetLibrary.publish``)."""
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
            else:
                result = replace_keeping(
                    existing.path,
                    data,
                    replace,
                    _aside(existing.path, preset.name),
                    keep_displaced=keep_replaced,
                )
                if result.replaced:
                    return _publication(Published.REPLACED, preset, source, existing.path, result)
                copy = _publish_copy(preset, source, data)
                return dataclasses.replace(copy, kept=result.kept, leftover=result.leftover)
            return _publish_copy(preset, source, data)
        except ReadOnlyFileError:
            raise _read_only_file(preset.name, source.name) from None
        except OSError as error:
            raise LibraryError(
                say(
                    N_("Could not publish “{name}” to “{team}”: {reason}."),
                    name=preset.name,
                    team=source.name,
                    reason=describe_os_error(error),
                )
            ) from None

    def _own_folder(self, folder: Path) -> str | None:
        """Why ``folder`` cannot be a team folder: it is the built-in or the user's presets
        folder (listing it twice would show every preset twice; publishing into the install
        would change the built-ins)."""
        for own, reason in self._own_folders.items():
            with contextlib.suppress(OSError):
                if same_folder(folder, own):
                    return say(reason)
        return None

    def _list_team(self, team: TeamFolder, listing: PresetListing) -> None:
        source = PresetSource(PresetKind.TEAM, team.path, team.name, origin=team.origin)
        own = self._own_folder(team.path)
        if own is not None:
            _unavailable(listing, source, own)
            return
        try:
            entries = scan(team.path)
        except (OSError, ValueError) as error:
            _unavailable(listing, source, _folder_problem(error))
            return
        note = self._read_only_reason(team.path)
        source = dataclasses.replace(source, writable=note is None, note=note or "")
        listing.sources.append(source)
        presets, skipped = load_entries(self._cache, source, entries)
        names = {name_key(p.name) for p in presets} | {
            name_key(name)
            for s in skipped
            if (name := name_from_stem(s.path.name.removesuffix(DOCUMENT_SUFFIX))) is not None
        }
        marked = []
        for preset in presets:
            base = conflict_base(preset.name, lambda b: name_key(b) in names)
            if base is not None and name_key(base) not in names:
                base = _shortened_from(preset, base, presets) or base
            marked.append(dataclasses.replace(preset, conflict_of=base) if base else preset)
        marked.sort(key=_team_order)
        seen: set[str] = set()
        for preset in marked:
            if name_key(preset.name) in seen:
                skipped.append(name_taken(preset))
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
                return _marker_unreadable("; ".join(file_reasons(error)))
        if not os.access(folder, os.W_OK):
            return say(N_("you do not have permission to change it"))
        return None

    def _writable_team(self, team: str) -> PresetSource:
        folders, _problem = self.configured()
        folder = next((f for f in folders if f.name.casefold() == team.casefold()), None)
        if folder is None:
            raise LibraryError(say(N_("There is no team folder named “{team}”."), team=team))
        note = self._own_folder(folder.path) or self._read_only_reason(folder.path)
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


# --- Conflict copies ----------------------------------------------------------------------------
def look_at_conflict(copy: Preset, original: Preset | None) -> ConflictSeen:
    """The versions of the conflict copy ``copy`` and of its original now (``original``: the
    original as listed with it, None when it was not listed), to ask the user about."""
    copy = writable_conflict_copy(copy)
    assert copy.source is not None and copy.conflict_of is not None
    try:
        copy_version = version_of(copy.path.stat())
        existing = _entry_named(copy.source.folder, copy.conflict_of)
    except OSError as error:
        raise LibraryError(
            say(
                N_("Could not read the team folder “{team}”: {reason}."),
                team=copy.source.name,
                reason=describe_os_error(error),
            )
        ) from None
    readable = existing is not None and original is not None and original.path == existing.path
    return ConflictSeen(copy_version, existing.version if existing else None, readable)


def keep_conflict_copy(preset: Preset, seen: ConflictSeen) -> Preset:
    """Make a team folder's conflict copy the preset it copies, only while the copy and the
    original are still the versions ``seen``: the copy's content replaces the original (or
    becomes it, if there was none), and the copy is removed. The original it replaces is never
    lost: unless it holds the same, it stays as a conflict copy ("replaced …")."""
    copy = writable_conflict_copy(preset)
    assert copy.source is not None and copy.conflict_of is not None
    try:
        data = _read_version(copy.path, seen.copy)
        existing = _entry_named(copy.source.folder, copy.conflict_of)
        if seen.original is None:
            if existing is not None:
                raise FileExistsError
            target = copy.source.folder / conflict_file_name(copy.conflict_of)
            create_exclusively(target, data)
        else:
            if existing is None or existing.version != seen.original:
                raise FileExistsError
            target = existing.path
            result = replace_keeping(
                target,
                data,
                seen.original,
                _aside(target, copy.conflict_of),
                keep_displaced=True,
            )
            if not result.replaced:
                raise FileExistsError
        if _version(copy.path) == seen.copy:
            copy.path.unlink(missing_ok=True)
    except FileExistsError:
        raise _changed_meanwhile(copy.conflict_of) from None
    except ReadOnlyFileError:
        raise _read_only_file(copy.conflict_of, copy.source.name) from None
    except OSError as error:
        raise LibraryError(
            say(
                N_("Could not save “{name}”: {reason}."),
                name=copy.conflict_of,
                reason=describe_os_error(error),
            )
        ) from None
    return Preset(copy.conflict_of, PresetKind.TEAM, target, copy.document, copy.source)


def delete_conflict_copy(preset: Preset, seen: ConflictSeen) -> None:
    """Delete a team folder's conflict copy, only while it and the original are still the
    versions ``seen``, and never when the original is missing or unreadable (the copy may be
    the only version: ``OnlyVersionError``)."""
    copy = writable_conflict_copy(preset)
    assert copy.source is not None and copy.conflict_of is not None
    if seen.original is None or not seen.original_readable:
        raise OnlyVersionError(
            say(
                N_(
                    "“{original}” is missing or cannot be read, so “{name}” may be its only "
                    "version; it was not deleted. Keep it in place of “{original}” instead."
                ),
                original=copy.conflict_of,
                name=copy.name,
            )
        )
    try:
        existing = _entry_named(copy.source.folder, copy.conflict_of)
        unchanged = (
            existing is not None
            and existing.version == seen.original
            and _version(copy.path) == seen.copy
        )
    except OSError:
        unchanged = False
    if not unchanged:
        raise _changed_meanwhile(copy.conflict_of, deleting=True)
    remove_preset_file(copy.path)


def writable_conflict_copy(preset: Preset) -> Preset:
    """``preset``, once it is known to be a conflict copy in a folder that may be changed;
    else a ``LibraryError`` saying which it is not."""
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


# --- Helpers ------------------------------------------------------------------------------------
def _publish_copy(preset: Preset, source: PresetSource, data: bytes) -> Publication:
    now = datetime.now()
    for number in range(1, 100):
        copy = conflict_copy_name(preset.name, now, number)
        target = source.folder / conflict_file_name(copy)
        try:
            create_exclusively(target, data)
        except FileExistsError:
            continue
        published = Preset(copy, PresetKind.TEAM, target, preset.document, source, preset.name)
        return Publication(Published.CONFLICT_COPY, published)
    raise FileExistsError(target)


def _entry_named(folder: Path, name: str) -> FolderEntry | None:
    """The file of a team folder that holds the preset ``name`` (any case), or None."""
    key = name_key(name)
    return next(
        (
            e
            for e in scan(folder, files_only=True)
            if name_key(name_from_stem(e.stem, any_length=True) or "") == key
        ),
        None,
    )


def _has_preset(folder: Path, name: str) -> bool:
    try:
        return (folder / conflict_file_name(name)).exists()
    except LibraryError:
        return False


def _aside(path: Path, name: str) -> Path:
    """Where a file is set aside while it is replaced: a visible conflict copy of ``name`` with
    a random part, so that a crash midway leaves a copy the user sees, never a lost version."""
    stamp = f"{datetime.now():%Y-%m-%d %H%M%S} {os.urandom(3).hex()}"
    return path.with_name(conflict_file_name(f"{name} (conflicted copy, replaced {stamp})"))


def _publication(
    outcome: Published,
    preset: Preset,
    source: PresetSource,
    path: Path,
    result: Replacement | None = None,
) -> Publication:
    published = Preset(preset.name, PresetKind.TEAM, path, preset.document, source)
    if result is None:
        return Publication(outcome, published)
    return Publication(outcome, published, result.kept, result.leftover)


def _version(path: Path) -> FileVersion | None:
    try:
        return version_of(path.stat())
    except FileNotFoundError:
        return None


def _read_version(path: Path, seen: FileVersion) -> bytes:
    """The file's bytes while it is the version ``seen``; else ``FileExistsError`` (changed)."""
    if _version(path) != seen:
        raise FileExistsError
    data = path.read_bytes()
    if _version(path) != seen:
        raise FileExistsError
    return data


def _changed_meanwhile(name: str, *, deleting: bool = False) -> LibraryError:
    if deleting:
        return LibraryError(
            say(
                N_(
                    "“{name}” or its conflicting copy changed in the team folder meanwhile; "
                    "nothing was deleted. Look at both again."
                ),
                name=name,
            )
        )
    return LibraryError(
        say(
            N_(
                "“{name}” changed in the team folder while this was being done; nothing "
                "was replaced. Look at both again."
            ),
            name=name,
        )
    )


def _read_only_file(name: str, team: str) -> ReadOnlyPresetError:
    return ReadOnlyPresetError(
        say(
            N_("“{name}” is marked read-only in the team folder “{team}”; it was not replaced."),
            name=name,
            team=team,
        )
    )


def _shortened_from(copy: Preset, base: str, presets: list[Preset]) -> str | None:
    """The one preset whose name ``base`` is the start of, when ``copy``'s file name is as long
    as a file name may be: a conflict copy of a long name has its original's part shortened to
    fit (``conflict_file_name``)."""
    if len(copy.path.name.encode("utf-8")) <= FILE_NAME_MAX_BYTES - 8:
        return None
    key = name_key(base)
    matches = {
        p.name
        for p in presets
        if marker_start(p.name) == len(p.name)
        and name_key(p.name) != key
        and name_key(p.name).startswith(key)
    }
    return matches.pop() if len(matches) == 1 else None


def _read_marker(path: Path) -> dict[str, Any]:
    return read_json_file(path, 64 * 1024, "a team folder's settings file", settings=True)


def _marker_unreadable(reason: str) -> str:
    return say(
        N_("its {file} file cannot be read, so it is treated as read-only ({reason})"),
        file=TEAM_MARKER,
        reason=reason,
    )


def _unavailable(listing: PresetListing, source: PresetSource, reason: str) -> None:
    """A team folder that cannot be listed: its source marked unavailable, and skipped once."""
    listing.sources.append(dataclasses.replace(source, available=False, note=reason))
    said = say(
        N_("the team folder “{team}” is not available: {reason}"), team=source.name, reason=reason
    )
    listing.skipped.append(SkippedFile(source.folder, said))


def _folder_problem(error: OSError | ValueError) -> str:
    if isinstance(error, FileNotFoundError):
        return say(N_("the folder does not exist, or its drive or share is not connected"))
    if isinstance(error, NotADirectoryError):
        return IS_A_FILE
    if isinstance(error, OSError):
        return describe_os_error(error)
    return term(N_("the file name is not valid"))


def _skipped_file(error: DocumentError) -> SkippedFile:
    return SkippedFile(error.path, "; ".join(file_reasons(error)))


def _team_order(preset: Preset) -> tuple[str, bool, str]:
    """By name, each conflict copy right after the preset it copies."""
    return (
        name_key(preset.conflict_of or preset.name),
        preset.conflict_of is not None,
        name_key(preset.name),
    )
