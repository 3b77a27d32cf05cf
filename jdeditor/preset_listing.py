"""What a preset listing holds, and the steps every source's folder shares.

A listing is every preset found (``Preset``), every file that could not be used with its reason
(``SkippedFile``) and every source looked at. ``load_entries`` reads a folder's files into
presets through the parsed-file cache; a bad file is skipped with its reason and left exactly
as it was.

Names across sources: a user preset may not take a built-in's name (it is skipped), but a team
preset may take any name: it is listed in its folder's group. A name finds the first preset of
that name, built-ins first, then the user's, then each team folder in order; a qualified name
finds one source's: ``built-in/Agent``, ``user/Night shift``, ``team:Support team/Agent``
(``Preset.ref``, what the window passes around and what ``jdeditor presets list`` shows as
SOURCE and NAME). A name that is a preset's own name wins over its reading as a qualified one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jdeditor._text import printable
from jdeditor.checks import say
from jdeditor.files import DocumentError, describe_os_error
from jdeditor.i18n import N_
from jdeditor.model import JobDescription
from jdeditor.preset_errors import LibraryError
from jdeditor.preset_files import FolderEntry, ParsedCache
from jdeditor.preset_names import name_from_stem, name_key
from jdeditor.preset_sources import PresetKind, PresetSource


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


def load_entries(
    cache: ParsedCache[JobDescription], source: PresetSource, entries: list[FolderEntry]
) -> tuple[list[Preset], list[SkippedFile]]:
    """The presets of ``source`` that ``entries`` hold, read through ``cache``, and the files
    skipped with their reasons; the cache forgets the folder's files that are gone."""
    presets, skipped = [], []
    team = source.kind is PresetKind.TEAM
    for entry in entries:
        name = name_from_stem(entry.stem, any_length=team)
        if name is None:
            reason = say(N_("its file name is not a valid preset name"))
            skipped.append(SkippedFile(entry.path, reason))
            continue
        try:
            document = cache.load(entry.path, entry.version)
        except DocumentError as error:
            skipped.append(SkippedFile(entry.path, "; ".join(file_reasons(error))))
            continue
        presets.append(Preset(name, source.kind, entry.path, document, source if team else None))
    cache.keep_only((entry.path for entry in entries), source.folder)
    return presets, skipped


def file_reasons(error: DocumentError) -> list[str]:
    """A ``DocumentError``'s problems without the file's path (the listing names the file)."""
    prefix = f"{printable(str(error.path))}: "
    return [line.removeprefix(prefix) for line in error.lines()]


def name_taken(preset: Preset) -> SkippedFile:
    """Why ``preset`` is skipped when a preset listed before it has its name."""
    return SkippedFile(
        preset.path,
        say(
            N_("its name “{name}” is already taken by another preset; rename the file to use it"),
            name=preset.name,
        ),
    )


def _label(preset: Preset) -> str:
    return preset.source.label if preset.source is not None else str(preset.kind)


def remove_preset_file(path: Path) -> None:
    """Delete a preset's file; one already gone is fine. Raises ``LibraryError`` saying why."""
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
