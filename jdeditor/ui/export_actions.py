"""Export actions: Export to Word, Export As… any format, the company template the Word export
is based on, printing, and opening the result.

Handed only what they use: the edit session, a way to take the user to a field, a parent for
dialogs, the settings and a status line. python-docx loads on the first export, not at start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal, Slot
from PySide6.QtWidgets import QWidget

from jdeditor.checks import FieldPath, Finding, Severity
from jdeditor.export.formats import FORMATS, ExportOptions, Format, for_path
from jdeditor.files import DocumentError, atomic_write, same_file
from jdeditor.model import JobDescription
from jdeditor.ui import dialogs
from jdeditor.ui.documents import Status, file_stem, remember_folder, remembered_folder
from jdeditor.ui.session import EditSession
from jdeditor.ui.translation import QT_TRANSLATE_NOOP

TEMPLATE_KEY = "export/template"
FORMAT_KEY = "export/format"
FORMAT_LABELS = (
    QT_TRANSLATE_NOOP("ExportFormats", "Word document"),
    QT_TRANSLATE_NOOP("ExportFormats", "PDF"),
    QT_TRANSLATE_NOOP("ExportFormats", "Web page"),
    QT_TRANSLATE_NOOP("ExportFormats", "Markdown"),
    QT_TRANSLATE_NOOP("ExportFormats", "Plain text"),
    QT_TRANSLATE_NOOP("ExportFormats", "Google for Jobs JSON-LD"),
)
"""The registry's labels (``export/formats.py``, which knows no Qt) for the translators: a
format's label is looked up in the window's language by its English text."""


def format_label(chosen: Format) -> str:
    """'Word document' in the user's language."""
    return QCoreApplication.translate("ExportFormats", chosen.label)


def file_filter(chosen: Format) -> str:
    """A file dialog's filter for a format, named in the user's language."""
    return f"{format_label(chosen)} (*{chosen.suffix})"


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
        """File ▸ Export to Word (Ctrl+E): the .docx, asked for by name."""
        document = self._ready_document()
        if document is None:
            return
        docx = FORMATS["docx"]
        suggested = remembered_folder(self._settings) / file_stem(self._session, docx.suffix)
        path = dialogs.ask_save_path(
            self._parent, self.tr("Export to Word"), suggested, dialogs.word_filter()
        )
        if path is None:
            return
        if path.suffix.lower() != docx.suffix:
            path = path.with_name(path.name + docx.suffix)
            if not dialogs.confirm_replace(self._parent, path):
                return
        self._write(document, path, docx)

    @Slot()
    def export_as(self) -> None:
        """File ▸ Export As…: any format of the registry; the one used last is offered first."""
        document = self._ready_document()
        if document is None:
            return
        last = FORMATS.get(str(self._settings.value(FORMAT_KEY, "docx")), FORMATS["docx"])
        suggested = remembered_folder(self._settings) / file_stem(self._session, last.suffix)
        filters = [file_filter(f) for f in FORMATS.values()]
        answer = dialogs.ask_export_path(
            self._parent, self.tr("Export As"), suggested, filters, file_filter(last)
        )
        if answer is None:
            return
        path, chosen_filter = answer
        # What the user typed wins over the filter left selected: "posting.md" is Markdown.
        chosen = for_path(path) or next(
            (f for f in FORMATS.values() if file_filter(f) == chosen_filter), last
        )
        if for_path(path) is None:
            path = path.with_name(path.name + chosen.suffix)
            if not dialogs.confirm_replace(self._parent, path):
                return
        if self._write(document, path, chosen):
            self._settings.setValue(FORMAT_KEY, chosen.name)

    @Slot()
    def print_posting(self) -> None:
        """File ▸ Print… (Ctrl+P): Qt's print preview, from which the user prints."""
        document = self._ready_document()
        if document is None:
            return
        from jdeditor.export.pdf import paint  # noqa: PLC0415 - the PDF and print renderer

        dialogs.print_preview(
            self._parent,
            self.tr("Print {name}").format(name=self._session.display_name()),
            lambda printer: paint(document, printer),
        )

    def _ready_document(self) -> JobDescription | None:
        """The posting, once its errors are fixed and the user has seen its warnings."""
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
            return None
        warnings = self._warnings()
        if warnings:
            choice = dialogs.ask_export_with_warnings(
                self._parent, [warning.message for warning in warnings]
            )
            if choice == dialogs.WarningChoice.SHOW:
                self._focus_field(warnings[0].path)
                return None
            if choice != dialogs.WarningChoice.EXPORT:
                return None
        return document

    def _warnings(self) -> list[Finding]:
        return [f for f in self._session.last_check.problems if f.severity == Severity.WARNING]

    def _write(self, document: JobDescription, path: Path, chosen: Format) -> bool:
        template = self.template() if chosen.name == "docx" else None
        if template is not None and same_file(path, template):
            dialogs.show_error(
                self._parent,
                self.tr("Export failed"),
                self.tr(
                    "{file} is the company template that exports are based on; choose another name."
                ).format(file=path.name),
            )
            return False
        try:
            # Notes first: once the file is written, nothing may report the export as failed.
            cleaned: list[str] = []
            if template is not None:
                from jdeditor.export.docx import template_notes  # noqa: PLC0415

                cleaned = template_notes(template)
            data = chosen.render(document, ExportOptions(template=template))
            atomic_write(path, data)
        except DocumentError as error:
            dialogs.show_error(self._parent, self.tr("Export failed"), "\n".join(error.lines()))
            return False
        except Exception as error:
            dialogs.show_error(
                self._parent,
                self.tr("Export failed"),
                self.tr(
                    "{format} export hit a bug ({kind}: {detail}); nothing was written and the "
                    "posting is unchanged. Please report this."
                ).format(format=format_label(chosen), kind=type(error).__name__, detail=error),
            )
            return False
        remember_folder(self._settings, path)
        self.last_export = path
        message = self.tr("Exported {file}").format(file=path.name)
        warnings = self._warnings()
        if warnings:
            message += self.tr(" — {count} warning(s) left").format(count=len(warnings))
        if cleaned:
            message += self.tr(" — made safe: {what}").format(what="; ".join(cleaned))
        self._status(message, 0)
        self.exported.emit(path)
        return True

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
            dialogs.template_filter(),
        )
        if path is not None:
            self._settings.setValue(TEMPLATE_KEY, str(path))
            self._status(self.tr("Exports now use {file}").format(file=path.name), 5000)

    @Slot()
    def clear_template(self) -> None:
        self._settings.remove(TEMPLATE_KEY)
        self._status(self.tr("Exports use jdeditor's own look"), 5000)
