"""The problem list under the form: every error and warning of the one review, each taking the
user to its field when clicked or activated with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from jdeditor.checks import Severity
from jdeditor.draft import Check
from jdeditor.ui.icons import icon

_PATH_ROLE = Qt.ItemDataRole.UserRole


class ProblemList(QListWidget):
    problemChosen = Signal(tuple)
    """The field path of the problem the user picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Problems"))
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setToolTip(self.tr("Click a problem to go to its field"))
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)

    def show_check(self, result: Check) -> str:
        """List the check's problems; returns the one-line summary for the status bar."""
        self.clear()
        for problem in result.problems:
            item = QListWidgetItem(problem.message)
            item.setIcon(icon("error" if problem.severity == Severity.ERROR else "warning"))
            item.setData(_PATH_ROLE, problem.path)
            self.addItem(item)
        errors = len(result.errors)
        warnings = len(result.problems) - errors
        if not result.problems:
            return self.tr("No problems")
        return self.tr("{errors} problem(s) · {warnings} warning(s)").format(
            errors=errors, warnings=warnings
        )

    @Slot(QListWidgetItem)
    def _chosen(self, item: QListWidgetItem) -> None:
        self.problemChosen.emit(tuple(item.data(_PATH_ROLE)))
