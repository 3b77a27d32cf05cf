"""Preset operations for the window: save as preset, rename, duplicate, delete, reveal,
import and export of preset files. Each asks through ``dialogs`` and acts through the library.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from jdeditor.files import DocumentError, atomic_write, read_document
from jdeditor.library import (
    BuiltInNameError,
    LibraryError,
    PresetExistsError,
    preset_file_name,
)
from jdeditor.model import JobDescription
from jdeditor.ui import dialogs

if TYPE_CHECKING:
    from jdeditor.ui.controller import Controller


class PresetActions(QObject):
    def __init__(self, controller: Controller) -> None:
        super().__init__(controller)
        self.c = controller
        window, panel = controller.window, controller.presets
        panel.presetActivated.connect(controller.new_from_preset)
        panel.renameRequested.connect(self.rename)
        panel.duplicateRequested.connect(self.duplicate)
        panel.deleteRequested.connect(self.delete)
        panel.revealRequested.connect(self.reveal)
        for action, slot in (
            (window.save_preset_action, self.save_as_preset),
            (window.import_preset_action, self.import_file),
            (window.export_preset_action, self.export_file),
        ):
            action.triggered.connect(slot)
            action.setEnabled(True)

    def refresh(self, select: str | None = None) -> None:
        listing = self.c.library.list_presets()
        self.c.presets.show_presets(listing)
        if select:
            self.c.presets.select(select)
        if listing.skipped:
            self.c.window.statusBar().showMessage(
                self.tr("Skipped {count} unreadable preset file(s): {files}").format(
                    count=len(listing.skipped), files="; ".join(str(s) for s in listing.skipped)
                )
            )

    def _error(self, title: str, error: Exception) -> None:
        dialogs.show_error(self.c.window, title, str(error))

    def _save(self, name: str, document: JobDescription) -> bool:
        """Save a user preset; a clash asks before overwriting, a built-in's name is refused."""
        return self._asking_before_replacing(
            name,
            lambda overwrite: self.c.library.save_user_preset(name, document, overwrite=overwrite),
            self.tr("Cannot save preset"),
        )

    def _asking_before_replacing(
        self, name: str, action: Callable[[bool], object], failure_title: str
    ) -> bool:
        """Run ``action(overwrite=False)``; on a name clash ask, then ``action(True)``.

        A built-in's name is never replaced (the library refuses it even with overwrite); any
        failure is shown under ``failure_title``. True when the action was done.
        """
        try:
            try:
                action(False)
            except BuiltInNameError:
                raise  # not a question for the user: shown as the error it is
            except PresetExistsError:
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
            self.c.window,
            self.tr("Replace preset?"),
            self.tr("A preset named “{name}” already exists. Replace it?").format(name=name),
        )

    @Slot()
    def save_as_preset(self) -> None:
        check = self.c.session.last_check
        if check.document is None:
            dialogs.show_error(
                self.c.window,
                self.tr("Cannot save as a preset yet"),
                self.tr("Fix these problems first; each is also marked on its field:"),
                "\n".join(p.message for p in check.errors),
            )
            return
        default = self.c.session.origin or check.document.title
        name = dialogs.ask_text(
            self.c.window, self.tr("Save as Preset"), self.tr("Preset name:"), default
        )
        if name and self._save(name, check.document):
            self.c.window.statusBar().showMessage(
                self.tr("Saved preset “{name}”").format(name=name.strip()), 5000
            )

    @Slot(str)
    def rename(self, name: str) -> None:
        new = dialogs.ask_text(self.c.window, self.tr("Rename Preset"), self.tr("New name:"), name)
        if not new or new.strip() == name:
            return
        self._asking_before_replacing(
            new,
            lambda overwrite: self.c.library.rename(name, new, overwrite=overwrite),
            self.tr("Cannot rename preset"),
        )

    @Slot(str)
    def duplicate(self, name: str) -> None:
        new = dialogs.ask_text(
            self.c.window,
            self.tr("Duplicate Preset"),
            self.tr("Name of the copy:"),
            self.tr("{name} copy").format(name=name),
        )
        if new:
            try:
                document = self.c.library.get(name).document
            except LibraryError as error:
                self._error(self.tr("Cannot duplicate preset"), error)
                return
            self._save(new, document)

    @Slot(str)
    def delete(self, name: str) -> None:
        if not dialogs.ask_yes_no(
            self.c.window,
            self.tr("Delete Preset"),
            self.tr("Delete the preset “{name}”? This cannot be undone.").format(name=name),
        ):
            return
        try:
            self.c.library.delete(name)
        except LibraryError as error:
            self._error(self.tr("Cannot delete preset"), error)
            return
        self.refresh()

    @Slot(str)
    def reveal(self, name: str) -> None:
        try:
            dialogs.open_with_system(self.c.library.get(name).path.parent)
        except LibraryError as error:
            self._error(self.tr("Cannot show preset"), error)

    @Slot()
    def import_file(self) -> None:
        path = dialogs.ask_open_path(
            self.c.window, self.tr("Import Preset File"), Path.home(), dialogs.POSTING_FILTER
        )
        if path is None:
            return
        try:
            document = read_document(path)
        except DocumentError as error:
            dialogs.show_error(
                self.c.window,
                self.tr("Cannot import preset"),
                self.tr("{file} is not a usable preset.").format(file=path.name),
                "\n".join(error.lines()),
            )
            return
        default = path.name.removesuffix(".json").removesuffix(".jd")
        name = dialogs.ask_text(
            self.c.window, self.tr("Import Preset"), self.tr("Preset name:"), default
        )
        if name:
            self._save(name, document)

    @Slot()
    def export_file(self) -> None:
        name = self.c.presets.selected_name()
        if not name:
            self.c.window.statusBar().showMessage(self.tr("Select a preset to export first"), 5000)
            return
        try:
            preset = self.c.library.get(name)
            suggested = Path.home() / preset_file_name(preset.name)
        except LibraryError as error:
            self._error(self.tr("Cannot export preset"), error)
            return
        path = dialogs.ask_save_path(
            self.c.window, self.tr("Export Preset File"), suggested, dialogs.POSTING_FILTER
        )
        if path is None:
            return
        try:
            atomic_write(path, preset.document.to_json().encode("utf-8"))
        except DocumentError as error:
            self._error(self.tr("Cannot export preset"), error)
            return
        self.c.window.statusBar().showMessage(
            self.tr("Exported preset to {file}").format(file=path.name), 5000
        )
