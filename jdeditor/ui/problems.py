"""The problem list under the form: every error and warning of the one review, each taking the
user to its field when clicked or activated with the keyboard.

``ErrorDisclosure`` decides which errors the user is shown yet: the list and the form's marks
both follow one, so a field is red in both or in neither.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from jdeditor.checks import FieldPath, Finding, Severity
from jdeditor.draft import Check
from jdeditor.ui.icons import icon

_PATH_ROLE = Qt.ItemDataRole.UserRole


class ErrorDisclosure:
    """Errors on the fields the user has touched, or all of them once asked for.

    A blank posting is wrong everywhere until it is written (no title, no duties): shouting
    that before the user has typed anything only hides what matters. So on a blank posting
    errors show field by field as the user edits, and all at once when the user tries to save
    or export (``reveal_all``). Warnings always show, and so does everything of a posting
    opened from a file or a preset: its problems are not typing in progress.
    """

    def __init__(self) -> None:
        self._touched: set[FieldPath] = set()
        self._everything = True

    def restart(self, *, hide_untouched: bool) -> None:
        """A posting was loaded: nothing touched yet; ``hide_untouched`` for a blank one."""
        self._touched.clear()
        self._everything = not hide_untouched

    def touch(self, path: FieldPath) -> None:
        """The user edited the field at ``path``: its errors show from now on."""
        if not self._everything:
            self._touched.add(path)

    def reveal_all(self) -> bool:
        """Show every error from now on; False when they were shown already."""
        if self._everything:
            return False
        self._everything = True
        return True

    def shows(self, problem: Finding) -> bool:
        if self._everything or problem.severity != Severity.ERROR or not problem.path:
            return True
        path = problem.path
        # Touching a field shows errors inside it (the pay box: its maximum) and on what holds
        # it (a list that needs an item), whichever path is the longer.
        return any(path[: len(t)] == t or t[: len(path)] == path for t in self._touched)

    def shown(self, problems: list[Finding]) -> list[Finding]:
        return [problem for problem in problems if self.shows(problem)]


class ProblemList(QListWidget):
    problemChosen = Signal(tuple)
    """The field path of the problem the user picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Problems"))
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setToolTip(self.tr("Click a problem to go to its field"))
        self._disclosure = ErrorDisclosure()
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)

    def set_disclosure(self, disclosure: ErrorDisclosure) -> None:
        """List only the errors ``disclosure`` shows (the form's marks follow the same one)."""
        self._disclosure = disclosure

    def show_check(self, result: Check) -> str:
        """List the check's problems; returns the one-line summary for the status bar.

        The summary counts every problem, also errors the list does not show yet.
        """
        self.clear()
        for problem in self._disclosure.shown(result.problems):
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
