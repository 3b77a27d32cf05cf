"""The preset library: read-only built-in presets shipped in the package, the user's own, and
the team folders the user has added (see ``preset_sources`` for where they are configured).

User presets are ``*.jd.json`` files in ``<user data dir>/jdeditor/presets``. This module is the
facade the window and the command line use; the work is split by responsibility:

- ``preset_names``: a preset's name and its file name, reversibly encoded, compared ignoring
  case (``clean_preset_name``, ``name_key``, ``preset_file_name``);
- ``preset_listing``: a listing's data (``Preset``, ``SkippedFile``, ``PresetListing`` and how a
  name, plain or qualified, finds a preset) and a folder's files read into presets;
- ``team_presets``: the team folders: listing, publishing, settling conflict copies;
- ``preset_errors``: every ``LibraryError``;
- ``preset_sources`` and ``preset_files``: where presets come from, and a folder's files.

Listing never fails because of one bad file: the file is reported (name and reason), skipped,
and left exactly as it was. Parsed files are cached on their size and modification time
(``preset_files.ParsedCache``): listing again stats each file and reads only those that
changed, and ``get`` re-reads its file only if it changed since it was listed.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import platformdirs

from jdeditor import _paths
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
from jdeditor.preset_errors import (
    BuiltInNameError,
    LibraryError,
    PresetExistsError,
    PresetNameError,
    PresetNotFoundError,
    ReadOnlyPresetError,
    TeamPresetExistsError,
)
from jdeditor.preset_files import FileVersion, FolderEntry, ParsedCache, scan, version_of
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
    PRESET_NAME_MAX,
    clean_preset_name,
    name_key,
    preset_file_name,
    preset_name_from_file,
)
from jdeditor.preset_sources import PresetKind, PresetSource, TeamFolder
from jdeditor.team_presets import (
    ConflictSeen,
    OnlyVersionError,
    Publication,
    Published,
    TeamPresets,
    delete_conflict_copy,
    keep_conflict_copy,
    look_at_conflict,
)

__all__ = [
    "PRESET_NAME_MAX",
    "BuiltInNameError",
    "ConflictSeen",
    "LibraryError",
    "OnlyVersionError",
    "Preset",
    "PresetExistsError",
    "PresetKind",
    "PresetLibrary",
    "PresetListing",
    "PresetNameError",
    "PresetNotFoundError",
    "Publication",
    "Published",
    "ReadOnlyPresetError",
    "SkippedFile",
    "TeamPresetExistsError",
    "clean_preset_name",
    "default_user_presets_dir",
    "name_key",
    "preset_file_name",
    "preset_name_from_file",
]

_EXISTS = N_("A preset named “{name}” already exists.")


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
        self._cache: ParsedCache[JobDescription] = ParsedCache(read_document)
        own = {
            self.built_in_dir: N_("it is the built-in presets folder"),
            self.user_dir: N_("it is your own presets folder (My presets)"),
        }
        self._teams = TeamPresets(self._cache, team_folders, own)
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
                skipped.append(name_taken(preset))
            else:
                taken.add(name_key(preset.name))
                kept.append(preset)
        listing = PresetListing(built_in + kept, broken + skipped, [built_in_source, user_source])
        self._teams.list_into(listing)
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
            probed = self._teams.probe(name)
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
            raise _unreadable(preset, "; ".join(file_reasons(error))) from None
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
        remove_preset_file(self._user_preset(name).path)

    # -- team folders (``team_presets`` does the work) --
    def publish(
        self,
        name: str,
        team: str,
        *,
        replace: FileVersion | None = None,
        keep_replaced: bool = False,
    ) -> Publication:
        """Copy the preset ``name`` (from any source) to the writable team folder ``team``.

        Never loses a version. A new name is created exclusively. An existing one raises
        ``TeamPresetExistsError`` unless ``replace`` is the version the user agreed to replace,
        and is replaced only while it is still that version. When someone else published the
        name meanwhile, theirs stays and ours is saved as a conflict copy (``Published``).
        ``keep_replaced``: the file replaced stays as a conflict copy unless it holds the same
        (``Publication.kept``), for a caller that never saw it (``presets publish --replace``).
        """
        return self._teams.publish(
            self.get(name), team, replace=replace, keep_replaced=keep_replaced
        )

    def look_at_conflict(self, name: str) -> ConflictSeen:
        """The versions of a team folder's conflict copy and of its original now: take them
        when asking the user, and hand them to ``keep_conflict_copy``/``delete_conflict_copy``,
        which act only while both are still those versions."""
        return self._conflict(name, None)[1]

    def keep_conflict_copy(self, name: str, seen: ConflictSeen | None = None) -> Preset:
        """Make a team folder's conflict copy the preset it copies, while it and the original
        are still the versions ``seen`` (default: as they are now): the copy's content replaces
        the original (or becomes it, if there is none), the copy is removed, and the original
        it replaces stays as a conflict copy unless it holds the same."""
        return keep_conflict_copy(*self._conflict(name, seen))

    def delete_conflict_copy(self, name: str, seen: ConflictSeen | None = None) -> None:
        """Delete a team folder's conflict copy while it and the original are still the
        versions ``seen``; ``OnlyVersionError`` when the original is missing or unreadable."""
        delete_conflict_copy(*self._conflict(name, seen))

    # -- helpers --
    def _conflict(self, name: str, seen: ConflictSeen | None) -> tuple[Preset, ConflictSeen]:
        listing = self.list_presets()
        copy = listing.find(name)
        if copy is None:
            raise PresetNotFoundError(say(N_("There is no preset named “{name}”."), name=name))
        if seen is None:
            original = None
            if copy.source is not None and copy.conflict_of is not None:
                original = listing.find(copy.source.ref(copy.conflict_of))
            seen = look_at_conflict(copy, original)
        return copy, seen

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
        return load_entries(self._cache, source, entries)


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


def _unreadable(preset: Preset, reason: str) -> LibraryError:
    return LibraryError(
        say(
            N_("The preset “{name}” cannot be read now: {reason}."), name=preset.name, reason=reason
        )
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


_LEVEL_ORDER = {level: rank for rank, level in enumerate(Level)}


def _built_in_order(preset: Preset) -> tuple[bool, int, str]:
    """The user's language first (a Chinese-speaking user sees 呼叫中心客服专员 before Agent),
    then entry level to senior, then by name."""
    other_language = catalogue_language(preset.document.language) != ui_language()
    level = preset.document.level
    rank = _LEVEL_ORDER[level] if level is not None else len(_LEVEL_ORDER)
    return (other_language, rank, name_key(preset.name))
