"""Every modal question the window asks, behind one small function each.

Tests replace these functions (monkeypatch) so that no dialog ever opens during a test run;
the window calls them through this module (``dialogs.ask_save_path(...)``) for that reason.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from jdeditor import __version__


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


POSTING_FILTER = "Job descriptions (*.jd.json);;All files (*)"
WORD_FILTER = "Word documents (*.docx)"
TEMPLATE_FILTER = "Word templates (*.dotx *.docx)"


class SaveChoice(StrEnum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_open_path(parent: QWidget, title: str, directory: Path, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(directory), file_filter)
    return Path(name) if name else None


def ask_save_path(parent: QWidget, title: str, suggested: Path, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(name) if name else None


def ask_save_changes(parent: QWidget, document_name: str) -> SaveChoice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Unsaved changes"))
    box.setText(_tr("Save the changes to “{name}”?").format(name=document_name))
    box.setInformativeText(_tr("Your changes are lost if you don't save them."))
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


class PlaceholderChoice(StrEnum):
    EXPORT = "export"
    SHOW = "show"
    CANCEL = "cancel"


def ask_export_with_placeholders(parent: QWidget, placeholders: list[str]) -> PlaceholderChoice:
    """Placeholders are still in the posting: export anyway, go to the first one, or cancel."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Placeholders left"))
    box.setText(
        _tr("This posting still has {count} placeholder(s) to replace.").format(
            count=len(placeholders)
        )
    )
    box.setInformativeText(
        _tr("They would be published as they are: {list}").format(list=", ".join(placeholders))
    )
    export = box.addButton(_tr("&Export Anyway"), QMessageBox.ButtonRole.AcceptRole)
    show = box.addButton(_tr("&Show the First Placeholder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(show)
    box.exec()
    clicked = box.clickedButton()
    if clicked is export:
        return PlaceholderChoice.EXPORT
    if clicked is show:
        return PlaceholderChoice.SHOW
    return PlaceholderChoice.CANCEL


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    value, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if accepted else None


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        _tr("About jdeditor"),
        _tr(
            "<h3>jdeditor {version}</h3><p>Edit job descriptions from call-center presets, "
            "check them as you type and export polished Word postings. Works offline.</p>"
        ).format(version=__version__),
    )


def open_with_system(path: Path) -> None:
    """Open a file (or folder) in its usual application."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
