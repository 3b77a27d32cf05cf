"""Preset operations for the window: save as preset, rename, duplicate, delete, reveal,
import and export of preset files, the start page, and team folders (publish, resolve a sync
conflict copy, add or remove a folder). Each asks through ``dialogs`` and acts through the
library. The list follows the folders as they change (``PresetWatcher``).

A name is asked for with a free one proposed and checked as the user types, by the library's
own rules, so a clash is seen in the dialog instead of after it has closed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import chain, count
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from jdeditor.checks import FieldPath
from jdeditor.draft import draft_of
from jdeditor.files import DocumentError, atomic_write, read_document
from jdeditor.library import (
    PRESET_NAME_MAX,
    BuiltInNameError,
    LibraryError,
    PresetExistsError,
    PresetKind,
    PresetLibrary,
    PresetListing,
    PresetNameError,
    PresetNotFoundError,
    name_key,
    preset_file_name,
    preset_name_from_file,
)
from jdeditor.model import JobDescription
from jdeditor.ui import dialogs
from jdeditor.ui.documents import DocumentActions, Status
from jdeditor.ui.preset_name_dialog import NameCheck, NameChecker
from jdeditor.ui.preset_panel import PresetPanel
from jdeditor.ui.preset_watcher import PresetWatcher
from jdeditor.ui.session import EditSession
from jdeditor.ui.start_page import StartKind, start_presets
from jdeditor.ui.team_actions import TeamActions


class PresetActions(QObject):
    """Handed only what it uses: the library, the preset panel, the document actions (to start a
    posting from a preset), the session (to save it as one) and a way to show its fields, a
    parent for dialogs and a status line."""

    def __init__(
        self,
        *,
        library: PresetLibrary,
        panel: PresetPanel,
        documents: DocumentActions,
        session: EditSession,
        focus_field: Callable[[FieldPath], None],
        parent: QWidget,
        status: Status,
    ) -> None:
        super().__init__(parent)
        self._focus_field = focus_field
        self._library = library
        self._panel = panel
        self._documents = documents
        self._session = session
        self._parent = parent
        self._status = status
        self._selection_actions: list[tuple[QAction, frozenset[PresetKind]]] = []
        """The Presets menu's actions on the selected preset, and the kinds each applies to."""
        self._shown: tuple[object, ...] = ()
        """What the panel shows now: a refresh that finds the same leaves it alone."""
        self.watcher = PresetWatcher(self)
        self.watcher.changed.connect(self._folders_changed)
        panel.currentPresetChanged.connect(self._update_selection_actions)
        panel.presetActivated.connect(self.start_from_preset)
        panel.renameRequested.connect(self.rename)
        panel.duplicateRequested.connect(self.duplicate)
        panel.deleteRequested.connect(self.delete)
        panel.revealRequested.connect(self.reveal)
        self.teams = TeamActions(
            library=library,
            panel=panel,
            refresh=self.refresh,
            parent=parent,
            status=status,
        )

    @Slot(str)
    def start_from_preset(self, name: str) -> None:
        try:
            preset = self._library.get(name)
        except LibraryError as error:
            self._error(self.tr("Cannot start from preset"), error)
            if isinstance(error, PresetNotFoundError):
                self.refresh()  # it vanished from a shared folder: show the folder as it is
            return
        if self._documents.start_from(draft_of(preset.document), preset.name):
            self._status(
                self.tr("New posting from the “{name}” preset").format(name=preset.name), 5000
            )

    def refresh(self, select: str | None = None) -> None:
        """List the presets again and show them, keeping the selection (or selecting
        ``select``); skipped files and unavailable team folders are said in the status bar."""
        self._show(self._library.list_presets(), select, quiet=False)

    @Slot()
    def _folders_changed(self) -> None:
        """A folder changed, or it is time to look again: the panel is redrawn only if what it
        shows changed, and a skipped file is said again only if the skipped ones changed."""
        self._show(self._library.list_presets(), None, quiet=True)

    def _show(self, listing: PresetListing, select: str | None, *, quiet: bool) -> None:
        shown = (
            tuple(
                (p.ref, str(p.path), p.document.title, p.read_only, p.conflict_of)
                for p in listing.presets
            ),
            tuple(listing.sources),
            tuple(str(skipped) for skipped in listing.skipped),
        )
        changed, self._shown = shown != self._shown, shown
        if changed or not quiet:
            self._panel.show_presets(listing)
        if select:
            self._panel.select(select)
        self._update_selection_actions()
        self.watcher.watch(s.folder for s in listing.sources if s.kind is PresetKind.TEAM)
        if listing.skipped and (changed or not quiet):
            self._status(
                self.tr("Skipped {count} unreadable preset file(s): {files}").format(
                    count=len(listing.skipped), files="; ".join(str(s) for s in listing.skipped)
                ),
                0,
            )

    def _error(self, title: str, error: Exception) -> None:
        dialogs.show_error(self._parent, title, str(error))

    # -- names ---------------------------------------------------------------------------------
    def _names(self) -> tuple[dict[str, str], dict[str, str]]:
        """The names taken now, by key: built-ins', and user presets' (unreadable files too,
        since saving under their name replaces them)."""
        listing = self._library.list_presets()
        built_in = {
            name_key(p.name): p.name for p in listing.presets if p.kind is PresetKind.BUILT_IN
        }
        mine = {name_key(p.name): p.name for p in listing.presets if p.kind is PresetKind.USER}
        for skipped in listing.skipped:
            name = preset_name_from_file(skipped.path)
            if name is not None and skipped.path.parent == self._library.user_dir:
                mine.setdefault(name_key(name), name)
        return built_in, mine

    def name_checker(self, keep: str = "") -> NameChecker:
        """What a name typed in the name dialog would do, by the library's rules as it is now.

        ``keep`` is the preset being renamed: its own name (in any case) is no clash.
        """
        built_in, mine = self._names()

        def check(name: str) -> NameCheck:
            try:
                preset_file_name(name)  # cleans the name: empty, too long, hidden characters
            except PresetNameError as error:
                return NameCheck(str(error), allowed=False)
            key = name_key(name)
            if key in built_in:
                return NameCheck(
                    self.tr(
                        "“{name}” is a built-in preset, which cannot be replaced; "
                        "choose another name."
                    ).format(name=built_in[key]),
                    allowed=False,
                )
            if key in mine and key != name_key(keep):
                return NameCheck(
                    self.tr("A preset named “{name}” exists; it will be replaced.").format(
                        name=mine[key]
                    ),
                    allowed=True,
                    replaces=True,
                )
            return NameCheck("", allowed=True)

        return check

    def free_name(self, base: str, word: str, *, bare: bool = False) -> str:
        """The first of "base (word)", "base (word 2)", … that names no preset yet ("base"
        itself first when ``bare``); the base is shortened to keep the name within bounds."""
        built_in, mine = self._names()
        taken = built_in.keys() | mine.keys()
        # The suffix's brackets are the language's: " (copy)", "（副本）".
        first = self.tr(" ({word})").format(word=word)
        numbered = (self.tr(" ({word} {number})").format(word=word, number=n) for n in count(2))
        for suffix in chain([""] if bare else [], [first], numbered):
            name = base[: PRESET_NAME_MAX - len(suffix)].rstrip() + suffix
            if name_key(name) not in taken:
                return name
        raise AssertionError("unreachable: the suffixes never run out")

    def _ask_name(
        self, title: str, label: str, proposed: str, keep: str = ""
    ) -> tuple[str, bool] | None:
        """The name the user chose, and whether they were told it replaces a preset."""
        check = self.name_checker(keep)
        name = dialogs.ask_preset_name(self._parent, title, label, proposed, check)
        return None if name is None else (name, check(name).replaces)

    # -- saving ----------------------------------------------------------------------------------
    def _save(self, name: str, document: JobDescription, *, replace: bool = False) -> bool:
        """Save a user preset; a clash asks before overwriting, a built-in's name is refused."""
        return self._asking_before_replacing(
            name,
            lambda overwrite: self._library.save_user_preset(name, document, overwrite=overwrite),
            self.tr("Cannot save preset"),
            replace=replace,
        )

    def _asking_before_replacing(
        self,
        name: str,
        action: Callable[[bool], object],
        failure_title: str,
        *,
        replace: bool = False,
    ) -> bool:
        """Run ``action(overwrite=replace)``; on a name clash ask, then ``action(True)``.

        ``replace``: the name dialog already said the preset will be replaced, and the user
        pressed Replace; asking again would be asking twice. A built-in's name is never
        replaced (the library refuses it even with overwrite); any failure is shown under
        ``failure_title``. True when the action was done.
        """
        try:
            try:
                action(replace)
            except BuiltInNameError:
                raise  # not a question for the user: shown as the error it is
            except PresetExistsError:
                # Appeared after the dialog had checked (another window, a file copied in).
                if not self._confirm_replace(name):
                    return False
                action(True)
        except (LibraryError, DocumentError) as error:
            self._error(failure_title, error)
            return False
        self.refresh(select=name.strip())
        return True

    def _confirm_replace(self, name: str) -> bool:
        return dialogs.ask_yes_no(
            self._parent,
            self.tr("Replace preset?"),
            self.tr("A preset named “{name}” already exists. Replace it?").format(name=name),
        )

    @Slot()
    def save_as_preset(self) -> None:
        check = self._session.last_check
        if check.document is None:
            if dialogs.ask_fix_first(
                self._parent,
                self.tr("Cannot save as a preset yet"),
                self.tr("Fix these problems first; each is also marked on its field:"),
                [problem.message for problem in check.errors],
            ):
                self._focus_field(check.errors[0].path)
            return
        # From a preset: a copy of it, never its own name (a built-in's is refused, a user
        # preset is replaced only when asked). From a file or a blank: the title will do.
        origin = self._session.origin
        base = origin or check.document.title
        proposed = self.free_name(base, self.tr("my copy"), bare=not origin)
        answer = self._ask_name(self.tr("Save as Preset"), self.tr("Preset name:"), proposed)
        if answer is None:
            return
        name, replace = answer
        if self._save(name, check.document, replace=replace):
            self._status(self.tr("Saved preset “{name}”").format(name=name.strip()), 5000)

    @Slot(str)
    def rename(self, name: str) -> None:
        answer = self._ask_name(self.tr("Rename Preset"), self.tr("New name:"), name, keep=name)
        if answer is None or answer[0].strip() == name:
            return
        new, replace = answer
        self._asking_before_replacing(
            new,
            lambda overwrite: self._library.rename(name, new, overwrite=overwrite),
            self.tr("Cannot rename preset"),
            replace=replace,
        )

    @Slot(str)
    def duplicate(self, name: str) -> None:
        try:
            preset = self._library.get(name)
        except LibraryError as error:
            self._error(self.tr("Cannot duplicate preset"), error)
            return
        answer = self._ask_name(
            self.tr("Duplicate Preset"),
            self.tr("Name of the copy:"),
            self.free_name(preset.name, self.tr("copy")),
        )
        if answer is None:
            return
        self._save(answer[0], preset.document, replace=answer[1])

    @Slot(str)
    def delete(self, name: str) -> None:
        if not dialogs.ask_yes_no(
            self._parent,
            self.tr("Delete Preset"),
            self.tr("Delete the preset “{name}”? This cannot be undone.").format(name=name),
        ):
            return
        try:
            self._library.delete(name)
        except LibraryError as error:
            self._error(self.tr("Cannot delete preset"), error)
            return
        self.refresh()

    @Slot(str)
    def reveal(self, name: str) -> None:
        try:
            folder = self._library.get(name).path.parent
        except LibraryError as error:
            self._error(self.tr("Cannot show preset"), error)
            return
        if not dialogs.open_with_system(folder):
            # No file manager is set up (a minimal desktop): the place is what the user wanted.
            dialogs.show_error(
                self._parent,
                self.tr("Cannot open the folder"),
                self.tr("No file manager could open the presets folder. It is:\n{folder}").format(
                    folder=folder
                ),
            )

    @Slot()
    def import_file(self) -> None:
        path = dialogs.ask_open_path(
            self._parent, self.tr("Import Preset File"), Path.home(), dialogs.posting_filter()
        )
        if path is None:
            return
        try:
            document = read_document(path)
        except DocumentError as error:
            dialogs.show_error(
                self._parent,
                self.tr("Cannot import preset"),
                self.tr("{file} is not a usable preset.").format(file=path.name),
                "\n".join(error.lines()),
            )
            return
        stem = path.name.removesuffix(".json").removesuffix(".jd")
        answer = self._ask_name(
            self.tr("Import Preset"),
            self.tr("Preset name:"),
            self.free_name(stem, self.tr("copy"), bare=True),
        )
        if answer is not None:
            self._save(answer[0], document, replace=answer[1])

    @Slot()
    def export_file(self) -> None:
        name = self._panel.selected_name()
        if not name:
            self._status(self.tr("Select a preset to export first"), 5000)
            return
        try:
            preset = self._library.get(name)
            suggested = Path.home() / preset_file_name(preset.name)
        except LibraryError as error:
            self._error(self.tr("Cannot export preset"), error)
            return
        path = dialogs.ask_save_path(
            self._parent, self.tr("Export Preset File"), suggested, dialogs.posting_filter()
        )
        if path is None:
            return
        try:
            atomic_write(path, preset.document.to_json().encode("utf-8"))
        except DocumentError as error:
            self._error(self.tr("Cannot export preset"), error)
            return
        self._status(self.tr("Exported preset to {file}").format(file=path.name), 5000)

    # -- the Presets menu and the start page -------------------------------------------------
    def fill_menu(self, menu: QMenu) -> None:
        """Add publishing and the team folders, then the actions on the preset selected in the
        panel; each is enabled only while it applies (rename and delete only to the user's own
        presets, reveal to the user's and the teams')."""
        menu.addSeparator()
        self.teams.fill_menu(menu)
        menu.addSeparator()
        every, mine = frozenset(PresetKind), frozenset({PresetKind.USER})
        for text, act, kinds in (
            (self.tr("&New from Preset"), self.start_from_preset, every),
            (self.tr("&Rename…"), self.rename, mine),
            (self.tr("D&uplicate…"), self.duplicate, every),
            (self.tr("&Delete…"), self.delete, mine),
            (self.tr("Show in &Folder"), self.reveal, every - {PresetKind.BUILT_IN}),
        ):
            action = menu.addAction(text)
            action.setStatusTip(self.tr("Acts on the preset selected in the preset list"))
            action.triggered.connect(partial(self._on_selected, act))
            self._selection_actions.append((action, kinds))
        self._update_selection_actions()

    def _on_selected(self, act: Callable[[str], None]) -> None:
        name = self._panel.selected_name()
        if name:
            act(name)

    @Slot()
    def _update_selection_actions(self) -> None:
        kind = self._panel.selected_kind() if self._panel.selected_name() else None
        for action, kinds in self._selection_actions:
            action.setEnabled(kind in kinds)
        self.teams.update_actions()

    def offer_start(self) -> None:
        """The start page; the choice starts a posting from a preset, opens a file or stays
        on the blank posting the window opened with."""
        listing = self._library.list_presets()
        # A team's preset may share a built-in's name; the panel shows the teams' in their groups.
        own = [p for p in listing.presets if p.kind is not PresetKind.TEAM]
        choice = dialogs.ask_start(
            self._parent,
            start_presets(PresetListing(own, listing.skipped, listing.sources)),
            [Path(name) for name in self._documents.recent()],
        )
        if choice.kind is StartKind.PRESET:
            self.start_from_preset(choice.preset)
        elif choice.kind is StartKind.OPEN:
            self._documents.open_file()
        elif choice.kind is StartKind.RECENT and choice.path is not None:
            self._documents.open_recent(choice.path)
