"""Team folders in the window: publish a preset to one, resolve a sync service's conflict copy,
add or remove a folder. Each asks through ``dialogs`` first and acts through the library (or,
for the folders themselves, the settings file that the command line reads too).

Publishing never loses a version: a name already in the folder is replaced only when the user
says so and only while it is still the version that was there when asked; otherwise ours is
kept as a conflict copy and the user is told.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMenu, QWidget

from jdeditor.files import DocumentError
from jdeditor.library import (
    ConflictSeen,
    LibraryError,
    Preset,
    PresetLibrary,
    PresetNameError,
    Published,
    TeamPresetExistsError,
    clean_preset_name,
)
from jdeditor.preset_sources import TeamOrigin, add_team_folder, remove_team_folder
from jdeditor.ui import dialogs
from jdeditor.ui.documents import Status
from jdeditor.ui.preset_panel import PresetPanel


class TeamActions(QObject):
    """Handed only what it uses: the library, the preset panel (its selection and the folders
    it can publish to), a way to list the presets again (selecting one), a parent for dialogs
    and a status line."""

    def __init__(
        self,
        *,
        library: PresetLibrary,
        panel: PresetPanel,
        refresh: Callable[[str | None], None],
        parent: QWidget,
        status: Status,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._panel = panel
        self._refresh = refresh
        self._parent = parent
        self._status = status
        self._publish_menu: QMenu | None = None
        panel.publishRequested.connect(self.publish)
        panel.keepConflictRequested.connect(self.keep_conflict_copy)
        panel.deleteConflictRequested.connect(self.delete_conflict_copy)

    def _error(self, title: str, error: Exception) -> None:
        dialogs.show_error(self._parent, title, str(error))

    # -- the Presets menu ------------------------------------------------------------------------
    def fill_menu(self, menu: QMenu) -> None:
        """Add "Publish Selected Preset to Team" (a team folder each) and "Team Folders"."""
        self._publish_menu = menu.addMenu(self.tr("Pu&blish Selected Preset to Team"))
        self._publish_menu.aboutToShow.connect(self._fill_publish_menu)
        teams = menu.addMenu(self.tr("&Team Folders"))
        teams.aboutToShow.connect(partial(self._fill_team_menu, teams))
        self._fill_team_menu(teams, listed=False)  # the folders are listed when it opens
        self.update_actions()

    def update_actions(self) -> None:
        if self._publish_menu is not None:
            self._publish_menu.setEnabled(
                bool(self._panel.selected_name() and self._panel.publish_targets())
            )

    @Slot()
    def _fill_publish_menu(self) -> None:
        assert self._publish_menu is not None
        self._publish_menu.clear()
        for team in self._panel.publish_targets():
            self._publish_menu.addAction(team, partial(self._publish_selected, team))

    def _publish_selected(self, team: str) -> None:
        name = self._panel.selected_name()
        if name:
            self.publish(name, team)

    def _fill_team_menu(self, menu: QMenu, *, listed: bool = True) -> None:
        """Add Team Folder…, and Stop Using for each folder of the settings file (a folder named
        by ``--presets-dir`` or the environment is not the menu's to remove)."""
        menu.clear()
        add = menu.addAction(self.tr("&Add Team Folder…"), self.add_team_folder)
        add.setStatusTip(self.tr("Use a shared folder of presets, such as a team's network share"))
        teams = self._library.list_presets().teams() if listed else []
        removable = [source for source in teams if source.origin is TeamOrigin.SETTINGS]
        if removable:
            menu.addSeparator()
        for source in removable:
            menu.addAction(
                self.tr("Stop Using “{team}”…").format(team=source.name),
                partial(self.remove_team_folder, source.name),
            )

    # -- team folders ----------------------------------------------------------------------------
    @Slot(str, str)
    def publish(self, name: str, team: str) -> None:
        """Copy a preset to a team folder; replacing one there is asked first, and a version
        someone else published meanwhile is never lost (ours becomes a conflict copy)."""
        failure = self.tr("Cannot publish preset")
        try:
            try:
                publication = self._library.publish(name, team)
            except TeamPresetExistsError as exists:
                if not dialogs.ask_yes_no(
                    self._parent,
                    self.tr("Replace Team Preset?"),
                    self.tr(
                        "“{team}” already has a preset named “{name}”. Replace it with yours for "
                        "everyone who uses the folder?"
                    ).format(team=team, name=self._library.get(name).name),
                ):
                    return
                publication = self._library.publish(name, team, replace=exists.version)
        except LibraryError as error:
            self._error(failure, error)
            return
        preset = publication.preset
        self._refresh(preset.ref)
        if publication.outcome is Published.CONFLICT_COPY:
            dialogs.show_message(
                self._parent,
                self.tr("Published as a Copy"),
                self.tr(
                    "Someone else published “{name}” to “{team}” at the same time. Theirs is "
                    "kept; yours is saved beside it as “{copy}”, listed as a conflicting copy "
                    "to keep or delete."
                ).format(name=preset.conflict_of, team=team, copy=preset.name),
            )
            return
        self._status(
            self.tr("Published “{name}” to “{team}”").format(name=preset.name, team=team), 5000
        )

    @Slot(str)
    def keep_conflict_copy(self, name: str) -> None:
        """Keep a conflict copy in place of its original, asked first; only while both are
        still the versions the user was asked about (the original stays as a copy)."""
        looked = self._look_at(name, self.tr("Cannot keep this copy"))
        if looked is None:
            return
        copy, seen = looked
        if not dialogs.ask_yes_no(
            self._parent,
            self.tr("Keep This Copy?"),
            self.tr(
                "Replace “{original}” with this conflicting copy, “{name}”, for everyone who uses "
                "the folder? The version it replaces is kept beside it as a conflicting copy, to "
                "delete once you are sure."
            ).format(original=copy.conflict_of or name, name=copy.name),
        ):
            return
        self._keep(name, seen)

    def _look_at(self, name: str, failure: str) -> tuple[Preset, ConflictSeen] | None:
        """The conflict copy ``name`` and the versions of it and its original the question is
        about; None, said and refreshed, when it cannot be looked at."""
        try:
            return self._library.get(name), self._library.look_at_conflict(name)
        except LibraryError as error:
            self._error(failure, error)
            self._refresh(None)
            return None

    def _keep(self, name: str, seen: ConflictSeen) -> None:
        try:
            kept = self._library.keep_conflict_copy(name, seen)
        except LibraryError as error:
            self._error(self.tr("Cannot keep this copy"), error)
            self._refresh(None)
            return
        self._refresh(kept.ref)
        self._status(self.tr("“{name}” is now the kept version").format(name=kept.name), 5000)

    @Slot(str)
    def delete_conflict_copy(self, name: str) -> None:
        """Delete a conflict copy, asked first; only while it and its original are still the
        versions the user was asked about, and never when the original is missing or
        unreadable (then keeping the copy in its place is offered)."""
        failure = self.tr("Cannot delete this copy")
        looked = self._look_at(name, failure)
        if looked is None:
            return
        copy, seen = looked
        original = copy.conflict_of or ""
        if seen.original is None or not seen.original_readable:
            if dialogs.ask_yes_no(
                self._parent,
                self.tr("Keep This Copy Instead?"),
                self.tr(
                    "“{original}” is missing or cannot be read, so “{name}” may be its only "
                    "version and is not deleted. Keep it as “{original}” instead?"
                ).format(name=copy.name, original=original),
            ):
                self._keep(name, seen)
            return
        if not dialogs.ask_yes_no(
            self._parent,
            self.tr("Delete This Copy?"),
            self.tr(
                "Delete the conflicting copy “{name}” for everyone who uses the folder? "
                "“{original}” stays as it is. This cannot be undone."
            ).format(name=copy.name, original=original),
        ):
            return
        try:
            self._library.delete_conflict_copy(name, seen)
        except LibraryError as error:
            self._error(failure, error)
        self._refresh(None)

    @Slot()
    def add_team_folder(self) -> None:
        """Ask for a shared folder and a name for it, and add it to the settings file that the
        command line reads too."""
        folder = dialogs.ask_folder(self._parent, self.tr("Add Team Folder"), Path.home())
        if folder is None:
            return
        if not folder.is_dir():
            dialogs.show_error(
                self._parent,
                self.tr("Cannot add team folder"),
                self.tr("{folder} is not a folder.").format(folder=folder),
            )
            return
        name = dialogs.ask_text(
            self._parent,
            self.tr("Add Team Folder"),
            self.tr("Name of the team folder in the preset list:"),
            folder.name,
        )
        if name is None:
            return
        try:
            added = add_team_folder(folder, clean_preset_name(name))
        except PresetNameError as error:
            self._error(self.tr("Cannot add team folder"), error)
            return
        except DocumentError as error:
            self._settings_error(self.tr("Cannot add team folder"), error)
            return
        self._refresh(None)
        self._status(self.tr("Added the team folder “{team}”").format(team=added.name), 5000)

    @Slot(str)
    def remove_team_folder(self, team: str) -> None:
        source = next((s for s in self._library.list_presets().teams() if s.name == team), None)
        if source is None or not dialogs.ask_yes_no(
            self._parent,
            self.tr("Stop Using Team Folder?"),
            self.tr(
                "Stop listing the presets of “{team}”? The folder and its files are left as "
                "they are.\n{folder}"
            ).format(team=team, folder=source.folder),
        ):
            return
        try:
            remove_team_folder(source.folder)
        except DocumentError as error:
            self._settings_error(self.tr("Cannot remove team folder"), error)
            return
        self._refresh(None)

    def _settings_error(self, title: str, error: DocumentError) -> None:
        dialogs.show_error(
            self._parent,
            title,
            self.tr(
                "The settings file cannot be used, so it was left as it is. Fix or remove it, "
                "then try again."
            ),
            "\n".join(error.lines()),
        )
