"""Every modal question the window asks, behind one small function each.

Tests replace these functions (monkeypatch) so that no dialog ever opens during a test run;
the window calls them through this module (``dialogs.ask_save_path(...)``) for that reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from jdeditor import __version__

if TYPE_CHECKING:
    from jdeditor.ui.preset_name_dialog import NameChecker

if TYPE_CHECKING:  # the start page loads the model; the window shell imports this module
    from PySide6.QtPrintSupport import QPrinter

    from jdeditor.ui.start_page import StartChoice, StartPreset


def posting_filter() -> str:
    return QCoreApplication.translate("Dialogs", "Job descriptions (*.jd.json);;All files (*)")


def word_filter() -> str:
    return QCoreApplication.translate("Dialogs", "Word documents (*.docx)")


def import_filter() -> str:
    return QCoreApplication.translate(
        "Dialogs",
        "Postings (*.docx *.md *.markdown *.html *.htm *.txt *.jsonld *.json);;"
        "Word documents (*.docx);;Markdown (*.md *.markdown);;Web pages (*.html *.htm);;"
        "Plain text (*.txt);;JSON-LD (*.jsonld *.json);;All files (*)",
    )


def template_filter() -> str:
    return QCoreApplication.translate("Dialogs", "Word templates (*.dotx *.docx)")


class SaveChoice(StrEnum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_open_path(parent: QWidget, title: str, directory: Path, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(directory), file_filter)
    return Path(name) if name else None


def ask_folder(parent: QWidget, title: str, directory: Path) -> Path | None:
    """A folder (a team's shared presets folder); None when cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(directory))
    return Path(name) if name else None


def ask_save_path(parent: QWidget, title: str, suggested: Path, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(name) if name else None


def ask_export_path(
    parent: QWidget, title: str, suggested: Path, filters: list[str], selected: str
) -> tuple[Path, str] | None:
    """A file to export to, and the filter (format) left selected; None when cancelled."""
    name, chosen = QFileDialog.getSaveFileName(
        parent, title, str(suggested), ";;".join(filters), selected
    )
    return (Path(name), chosen) if name else None


def print_preview(parent: QWidget, title: str, paint: Callable[[QPrinter], None]) -> None:
    """Qt's print preview: pages drawn by ``paint``, with its Print button and page setup."""
    # Qt's print support loads here, not with the window: most sessions never print.
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog  # noqa: PLC0415

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle(title)
    preview.paintRequested.connect(paint)
    preview.exec()


def ask_save_changes(parent: QWidget, document_name: str) -> SaveChoice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Unsaved changes"))
    box.setText(
        QCoreApplication.translate("Dialogs", "Save the changes to “{name}”?").format(
            name=document_name
        )
    )
    box.setInformativeText(
        QCoreApplication.translate("Dialogs", "Your changes are lost if you don't save them.")
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SaveChoice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL


class WarningChoice(StrEnum):
    EXPORT = "export"
    SHOW = "show"
    CANCEL = "cancel"


def ask_export_with_warnings(parent: QWidget, warnings: list[str]) -> WarningChoice:
    """The posting is valid but not ready (placeholders left, no pay): export anyway, go to
    the first warning, or cancel. Asked every time; nothing is remembered."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Not ready to publish"))
    box.setText(
        QCoreApplication.translate(
            "Dialogs", "This posting has {count} warning(s); it would be published as it is:"
        ).format(count=len(warnings))
    )
    box.setInformativeText(_bullets(warnings))
    export = box.addButton(
        QCoreApplication.translate("Dialogs", "&Export Anyway"), QMessageBox.ButtonRole.AcceptRole
    )
    show = box.addButton(
        QCoreApplication.translate("Dialogs", "&Show the First One"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(show)
    box.exec()
    clicked = box.clickedButton()
    if clicked is export:
        return WarningChoice.EXPORT
    if clicked is show:
        return WarningChoice.SHOW
    return WarningChoice.CANCEL


def ask_fix_first(parent: QWidget, title: str, text: str, reasons: list[str]) -> bool:
    """Say what blocks an action, reasons in the dialog itself; True: go to the first one."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(_bullets(reasons))
    go = box.addButton(
        QCoreApplication.translate("Dialogs", "&Go to the First Finding"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(go)
    box.exec()
    return box.clickedButton() is go


_SHOWN = 12
"""Reasons listed in a dialog's body; the rest are counted, and all are marked in the form."""


def _bullets(lines: list[str]) -> str:
    shown = "\n".join(f"• {line}" for line in lines[:_SHOWN])
    if len(lines) > _SHOWN:
        shown += "\n" + QCoreApplication.translate("Dialogs", "…and {count} more").format(
            count=len(lines) - _SHOWN
        )
    return shown


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    value, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if accepted else None


def confirm_replace(parent: QWidget, path: Path) -> bool:
    """The file dialog asked about the name as typed; jdeditor then added the suffix. When that
    name is taken, ask as the dialog would have: never replace a file without asking."""
    if not path.exists():
        return True
    return ask_yes_no(
        parent,
        QCoreApplication.translate("Dialogs", "Replace File?"),
        QCoreApplication.translate(
            "Dialogs", "{file} already exists in {folder}. Replace it?"
        ).format(file=path.name, folder=path.parent),
    )


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget, title: str, text: str, details: str = "") -> None:
    """A message with its reasons in the body, not behind Show Details: they are the point."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setInformativeText(details)
    box.exec()


def show_message(parent: QWidget, title: str, text: str) -> None:
    """A piece of information the user acknowledges (not a problem: no warning sign)."""
    QMessageBox.information(parent, title, text)


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("Dialogs", "About jdeditor"),
        QCoreApplication.translate(
            "Dialogs",
            "<h3>jdeditor {version}</h3><p>Edit job descriptions from call-center presets, "
            "check them as you type and export polished Word postings. Works offline.</p>",
        ).format(version=__version__),
    )


def open_with_system(path: Path) -> bool:
    """Open a file (or folder) in its usual application; False when none is set up."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_preset_name(
    parent: QWidget, title: str, label: str, proposed: str, check: NameChecker
) -> str | None:
    """A preset name, checked by ``check`` as the user types; OK only for a usable one."""
    from jdeditor.ui.preset_name_dialog import PresetNameDialog  # noqa: PLC0415

    dialog = PresetNameDialog(parent, title, label, proposed, check)
    return dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_start(
    parent: QWidget, presets: Sequence[StartPreset], recent: Sequence[Path]
) -> StartChoice:
    """The start page; closing it is a blank posting."""
    # Loaded when asked: it describes presets with the model, which the shell must not wait for.
    from jdeditor.ui.start_page import StartPage  # noqa: PLC0415

    page = StartPage(parent, presets, recent)
    page.exec()
    return page.choice


def show_shortcuts(parent: QWidget, rows: list[tuple[str, str]]) -> None:
    """Help ▸ Keyboard Shortcuts: one row per command, (name, keys), as the window lists them."""
    # The table lives with the keyboard code it describes (shortcuts.py, Qt alone).
    from jdeditor.ui.shortcuts import ShortcutsDialog  # noqa: PLC0415

    ShortcutsDialog(parent, rows).exec()
