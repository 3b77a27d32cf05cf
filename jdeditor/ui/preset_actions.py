"""Preset operations for the window: save as preset, rename, duplicate, delete, reveal,
import and export of preset files. Each asks through ``dialogs`` and acts through the library.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from jdeditor.checks import FieldPath
from jdeditor.draft import draft_of
from jdeditor.files import DocumentError, atomic_write, read_document
from jdeditor.library import (
    BuiltInNameError,
    LibraryError,
    PresetExistsError,
    PresetLibrary,
    preset_file_name,
)
from jdeditor.model import JobDescription
from jdeditor.ui import dialogs
from jdeditor.ui.documents import DocumentActions, Status
from jdeditor.ui.preset_panel import PresetPanel
from jdeditor.ui.session import EditSession


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
        panel.presetActivated.connect(self.start_from_preset)
        panel.renameRequested.connect(self.rename)
        panel.duplicateRequested.connect(self.duplicate)
        panel.deleteRequested.connect(self.delete)
        panel.revealRequested.connect(self.reveal)

    @Slot(str)
    def start_from_preset(self, name: str) -> None:
        try:
            preset = self._library.get(name)
        except LibraryError as error:
            self._error(self.tr("Cannot start from preset"), error)
            return
        if self._documents.start_from(draft_of(preset.document), preset.name):
            self._status(
                self.tr("New posting from the “{name}” preset").format(name=preset.name), 5000
            )

    def refresh(self, select: str | None = None) -> None:
        listing = self._library.list_presets()
        self._panel.show_presets(listing)
        if select:
            self._panel.select(select)
        if listing.skipped:
            self._status(
                self.tr("Skipped {count} unreadable preset file(s): {files}").format(
                    count=len(listing.skipped), files="; ".join(str(s) for s in listing.skipped)
                ),
                0,
            )

    def _error(self, title: str, error: Exception) -> None:
        dialogs.show_error(self._parent, title, str(error))

    def _save(self, name: str, document: JobDescription) -> bool:
        """Save a user preset; a clash asks before overwriting, a built-in's name is refused."""
        return self._asking_before_replacing(
            name,
            lambda overwrite: self._library.save_user_preset(name, document, overwrite=overwrite),
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
        default = self._session.origin or check.document.title
        name = dialogs.ask_text(
            self._parent, self.tr("Save as Preset"), self.tr("Preset name:"), default
        )
        if name and self._save(name, check.document):
            self._status(self.tr("Saved preset “{name}”").format(name=name.strip()), 5000)

    @Slot(str)
    def rename(self, name: str) -> None:
        new = dialogs.ask_text(self._parent, self.tr("Rename Preset"), self.tr("New name:"), name)
        if not new or new.strip() == name:
            return
        self._asking_before_replacing(
            new,
            lambda overwrite: self._library.rename(name, new, overwrite=overwrite),
            self.tr("Cannot rename preset"),
        )

    @Slot(str)
    def duplicate(self, name: str) -> None:
        new = dialogs.ask_text(
            self._parent,
            self.tr("Duplicate Preset"),
            self.tr("Name of the copy:"),
            self.tr("{name} copy").format(name=name),
        )
        if new:
            try:
                document = self._library.get(name).document
            except LibraryError as error:
                self._error(self.tr("Cannot duplicate preset"), error)
                return
            self._save(new, document)

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
            dialogs.open_with_system(self._library.get(name).path.parent)
        except LibraryError as error:
            self._error(self.tr("Cannot show preset"), error)

    @Slot()
    def import_file(self) -> None:
        path = dialogs.ask_open_path(
            self._parent, self.tr("Import Preset File"), Path.home(), dialogs.POSTING_FILTER
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
        default = path.name.removesuffix(".json").removesuffix(".jd")
        name = dialogs.ask_text(
            self._parent, self.tr("Import Preset"), self.tr("Preset name:"), default
        )
        if name:
            self._save(name, document)

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
            self._parent, self.tr("Export Preset File"), suggested, dialogs.POSTING_FILTER
        )
        if path is None:
            return
        try:
            atomic_write(path, preset.document.to_json().encode("utf-8"))
        except DocumentError as error:
            self._error(self.tr("Cannot export preset"), error)
            return
        self._status(self.tr("Exported preset to {file}").format(file=path.name), 5000)
