"""Export actions: the Word export, the company template it is based on, and opening the result.

Handed only what they use: the edit session, a way to take the user to a field, a parent for
dialogs, the settings and a status line. python-docx loads on the first export, not at start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal, Slot
from PySide6.QtWidgets import QWidget

from jdeditor.checks import FieldPath, Severity
from jdeditor.files import DocumentError, atomic_write, same_file
from jdeditor.outline import build_outline
from jdeditor.ui import dialogs
from jdeditor.ui.documents import Status, file_stem, remember_folder, remembered_folder
from jdeditor.ui.session import EditSession

TEMPLATE_KEY = "export/template"


class ExportActions(QObject):
    exported = Signal(object)
    """A posting was written (its Path): the window offers to open it or show its folder."""

    def __init__(
        self,
        session: EditSession,
        focus_field: Callable[[FieldPath], None],
        parent: QWidget,
        settings: QSettings,
        status: Status,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._focus_field = focus_field
        self._parent = parent
        self._settings = settings
        self._status = status
        self.last_export: Path | None = None

    def template(self) -> Path | None:
        value = self._settings.value(TEMPLATE_KEY, "")
        return Path(str(value)) if value else None

    @Slot()
    def export_word(self) -> None:
        check = self._session.last_check
        document = check.document
        if document is None:
            if dialogs.ask_fix_first(
                self._parent,
                self.tr("Cannot export yet"),
                self.tr("Fix these problems first; each is also marked on its field:"),
                [problem.message for problem in check.errors],
            ):
                self._focus_field(check.errors[0].path)
            return
        warnings = [f for f in check.problems if f.severity == Severity.WARNING]
        if warnings:
            choice = dialogs.ask_export_with_warnings(
                self._parent, [warning.message for warning in warnings]
            )
            if choice == dialogs.WarningChoice.SHOW:
                self._focus_field(warnings[0].path)
                return
            if choice != dialogs.WarningChoice.EXPORT:
                return
        suggested = remembered_folder(self._settings) / file_stem(self._session, ".docx")
        path = dialogs.ask_save_path(
            self._parent, self.tr("Export to Word"), suggested, dialogs.WORD_FILTER
        )
        if path is None:
            return
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        template = self.template()
        if template is not None and same_file(path, template):
            dialogs.show_error(
                self._parent,
                self.tr("Export failed"),
                self.tr(
                    "{file} is the company template that exports are based on; choose another name."
                ).format(file=path.name),
            )
            return
        from jdeditor.export.docx import DocxOptions, render_docx, template_notes  # noqa: PLC0415

        try:
            # Notes first: once the file is written, nothing may report the export as failed.
            cleaned = template_notes(template) if template is not None else []
            data = render_docx(build_outline(document), DocxOptions(template=template))
            atomic_write(path, data)
        except DocumentError as error:
            dialogs.show_error(self._parent, self.tr("Export failed"), "\n".join(error.lines()))
            return
        remember_folder(self._settings, path)
        self.last_export = path
        message = self.tr("Exported {file}").format(file=path.name)
        if warnings:
            message += self.tr(" — {count} warning(s) left").format(count=len(warnings))
        if cleaned:
            message += self.tr(" — made safe: {what}").format(what="; ".join(cleaned))
        self._status(message, 0)
        self.exported.emit(path)

    def open_last_export(self, *, folder: bool) -> None:
        """Open the last export, or its folder; say where it is when nothing can open it."""
        path = self.last_export
        if path is None:
            return
        target = path.parent if folder else path
        if not dialogs.open_with_system(target):
            dialogs.show_error(
                self._parent,
                self.tr("Cannot open"),
                self.tr("No application is set up to open {what}. The file is at:\n{path}").format(
                    what=self.tr("folders") if folder else path.suffix, path=path
                ),
            )

    @Slot()
    def choose_template(self) -> None:
        current = self.template()
        path = dialogs.ask_open_path(
            self._parent,
            self.tr("Choose a Company Word Template"),
            current.parent if current else remembered_folder(self._settings),
            dialogs.TEMPLATE_FILTER,
        )
        if path is not None:
            self._settings.setValue(TEMPLATE_KEY, str(path))
            self._status(self.tr("Exports now use {file}").format(file=path.name), 5000)

    @Slot()
    def clear_template(self) -> None:
        self._settings.remove(TEMPLATE_KEY)
        self._status(self.tr("Exports use jdeditor's own look"), 5000)
