"""Find in the posting: a bar at the foot of the window that searches the draft and goes to
the field.

``find_matches`` is plain data work (no widgets): every occurrence, case-insensitive, in every
string of the draft, list items included, in the draft's order. ``FindBar`` shows the count
and takes the user to a match through the form's ``focus_field``, then selects the matched
text where the field is a line edit or a multi-line text. While the user types or steps
through matches the keyboard stays in the bar, so the next keystroke never lands in the
posting; closing the bar (Esc) leaves the focus on the match, ready to edit it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QToolBar,
    QWidget,
)

from jdeditor.ui.icons import icon
from jdeditor.ui.shortcuts import OWN_UNDO

if TYPE_CHECKING:  # jdeditor.checks loads pydantic; the window shell must paint without it
    from jdeditor.checks import FieldPath


@dataclass(frozen=True, slots=True)
class Match:
    path: FieldPath
    start: int
    length: int
    text: str
    """The whole value the match is in, to recognise the widget that shows it."""


def find_matches(draft: Mapping[str, Any], needle: str) -> list[Match]:
    """Every occurrence of ``needle`` in the draft's strings, ignoring case, in draft order."""
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    return [
        Match(path, found.start(), found.end() - found.start(), text)
        for path, text in _strings(draft, ())
        for found in pattern.finditer(text)
    ]


def _strings(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, child in value.items():
            yield from _strings(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*path, index))


class _QueryBox(QLineEdit):
    """Enter: next match; Shift+Enter: previous; Esc: close the bar."""

    nextRequested = Signal()
    previousRequested = Signal()
    closeRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previousRequested.emit()
            else:
                self.nextRequested.emit()
        elif key == Qt.Key.Key_Escape:
            self.closeRequested.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QToolBar):
    """Hidden until ``open``; searches what ``set_source`` hands it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find"))
        self.setObjectName("findBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # opened with Find, not the toolbar menu
        self.query = _QueryBox(self)
        self.query.setPlaceholderText(self.tr("Find in the posting"))
        self.query.setAccessibleName(self.tr("Find in the posting"))
        self.query.setClearButtonEnabled(True)
        self.query.setMaximumWidth(360)
        self.query.setProperty(OWN_UNDO, True)
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Matches"))
        widest = self.tr("{index} of {total}").format(index="000", total="000")
        self.count.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest) + 12)
        self.addWidget(self.query)
        self.previous_action = self.addAction(icon("up"), self.tr("Previous"))
        self.previous_action.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next_action = self.addAction(icon("down"), self.tr("Next"))
        self.next_action.setToolTip(self.tr("Next match (Enter)"))
        self.addWidget(self.count)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.close_action = self.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton), self.tr("Close")
        )
        self.close_action.setToolTip(self.tr("Close the find bar (Esc)"))
        self.query.textEdited.connect(self._query_edited)
        self.query.nextRequested.connect(self.find_next)
        self.query.previousRequested.connect(self.find_previous)
        self.query.closeRequested.connect(self.dismiss)
        self.next_action.triggered.connect(self.find_next)
        self.previous_action.triggered.connect(self.find_previous)
        self.close_action.triggered.connect(self.dismiss)
        self._draft: Callable[[], Mapping[str, Any]] = dict
        self._focus_field: Callable[[FieldPath], None] = lambda _path: None
        self._current: Match | None = None
        self._return_to: QWidget | None = None
        self.hide()

    def set_source(
        self, draft: Callable[[], Mapping[str, Any]], focus_field: Callable[[FieldPath], None]
    ) -> None:
        """What to search (read at every step: the draft changes as the user edits) and how
        to take the user to a field."""
        self._draft, self._focus_field = draft, focus_field

    # -- what the window and its keys ask ----------------------------------------------------
    @Slot()
    def open(self) -> None:
        """Show the bar with the keyboard in it; the previous search is kept, selected."""
        if not self.isVisible():
            window = self.window()
            self._return_to = window.focusWidget() if window is not None else None
        self.show()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()
        self.refresh()

    @Slot()
    def dismiss(self) -> None:
        """Hide the bar; the focus goes to the current match, else back where it was."""
        self.hide()
        if self._current is not None:
            self._reveal(self._current, keep_focus=False)
        elif self._return_to is not None and self._return_to.isVisible():
            self._return_to.setFocus(Qt.FocusReason.OtherFocusReason)
        self._return_to = None

    @Slot()
    def find_next(self) -> None:
        self._step(1)

    @Slot()
    def find_previous(self) -> None:
        self._step(-1)

    @Slot()
    def refresh(self) -> None:
        """Recount after an edit, without moving: the count must not lie about the posting."""
        if not self.isVisible():
            return
        matches = find_matches(self._draft(), self.query.text())
        if self._current not in matches:
            self._current = None
        self._show_count(matches)

    # -- internals ---------------------------------------------------------------------------
    @Slot(str)
    def _query_edited(self, _text: str) -> None:
        self._current = None
        self._step(1)

    def _step(self, step: int) -> None:
        matches = find_matches(self._draft(), self.query.text())
        if not matches:
            self._current = None
            self._show_count(matches)
            return
        if self._current in matches:
            index = (matches.index(self._current) + step) % len(matches)
        else:
            index = 0 if step > 0 else len(matches) - 1
        self._current = matches[index]
        self._show_count(matches)
        self._reveal(self._current, keep_focus=self.query.hasFocus())

    def _show_count(self, matches: list[Match]) -> None:
        if not self.query.text():
            self.count.setText("")
        elif not matches:
            self.count.setText(self.tr("No match"))
        elif self._current is None:
            self.count.setText(self.tr("{total} matches").format(total=len(matches)))
        else:
            self.count.setText(
                self.tr("{index} of {total}").format(
                    index=matches.index(self._current) + 1, total=len(matches)
                )
            )

    def _reveal(self, match: Match, *, keep_focus: bool) -> None:
        """Scroll to the match's field and select the match in it.

        The form focuses the field; with ``keep_focus`` the keyboard then comes back to the
        query, and only then is the text selected, because a line edit drops its selection
        when it loses the focus.
        """
        self._focus_field(match.path)
        window = self.window()
        field = window.focusWidget() if window is not None else None
        if keep_focus:
            self.query.setFocus(Qt.FocusReason.OtherFocusReason)
        _select(field, match)


def _select(widget: QWidget | None, match: Match) -> None:
    if isinstance(widget, QComboBox):
        widget = widget.lineEdit()  # an editable combo (the language); None otherwise
    start = _utf16_length(match.text[: match.start])
    end = start + _utf16_length(match.text[match.start : match.start + match.length])
    if isinstance(widget, QLineEdit) and widget.text() == match.text:
        widget.setSelection(start, end - start)
    elif isinstance(widget, QPlainTextEdit) and widget.toPlainText() == match.text:
        cursor = widget.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()


def _utf16_length(text: str) -> int:
    """Qt counts positions in UTF-16 units: an emoji before the match is two of them."""
    return len(text.encode("utf-16-le")) // 2
