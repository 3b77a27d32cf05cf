"""What every field editor shares: the small interface the form talks to, and the controls
that ignore the mouse wheel until focused.

An editor shows a value (``set_value``), reports the user's changes (``edited(value,
merge_key)``; a non-empty merge key lets the undo stack merge a run of typing into one step),
shows problems on itself (``set_problems``) and takes focus on request (``focus_path``).
Editors never validate: the model does, and the form hands them the problems.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from jdeditor.ui.marks import level as _level
from jdeditor.ui.marks import mark as _mark
from jdeditor.ui.marks import show_message as _show_message

if TYPE_CHECKING:  # the form shows a posting before the model and the checks load
    from jdeditor.checks import FieldPath, Finding
    from jdeditor.ui.highlights import Mark

Choices = list[tuple[Any, str]]


class _WheelOnlyWhenFocused:
    """A control the mouse wheel does not change unless the user has focused it.

    Scrolling a long form must never edit it: a wheel turn over an unfocused control is
    ignored, and Qt hands an ignored wheel event on to the parent, so the form scrolls; once
    clicked or tabbed into, the control takes the wheel as usual.
    """

    def _guard_wheel(self: QWidget) -> None:  # type: ignore[misc]
        # A wheel turn must not focus it. (By name: see form._NO_QT.)
        self.setProperty("focusPolicy", "StrongFocus")

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()


class ComboBox(_WheelOnlyWhenFocused, QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guard_wheel()


class SpinBox(_WheelOnlyWhenFocused, QDoubleSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guard_wheel()


class FieldEditor(QWidget):
    """Base: an editor bound to one field path, with a problem message under it."""

    edited = Signal(object, str)

    def __init__(self, path: FieldPath, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.label = label
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._message = QLabel(self)
        self._message.setObjectName("problemMessage")
        self._message.setWordWrap(True)
        self._message.hide()

    def _finish(self, editor: QWidget, tooltip: str = "") -> None:
        editor.setAccessibleName(self.label)
        if tooltip:
            editor.setToolTip(tooltip)
        self._editor = editor
        self._layout.addWidget(editor)
        self._layout.addWidget(self._message)
        self.setFocusProxy(editor)

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_problems(self, problems: list[Finding]) -> None:
        """Problems whose path starts with this editor's path; empty clears the mark."""
        _show_message(self._message, problems)
        _mark(self._editor, _level(problems))

    def set_marks(self, marks: dict[FieldPath, list[Mark]]) -> None:
        """Wavy lines under words (spelling, advice), keyed by the full path of the text they
        are in; editors of text show them, the others have none to show."""

    def select_text(self, path: FieldPath, start: int, end: int) -> None:
        """Focus the text at ``path`` with its characters ``[start, end)`` selected."""
        self.focus_path(path)

    def buddy(self) -> QWidget:
        """The widget a label's mnemonic focuses: one that takes focus itself, as QLabel
        focuses its buddy only then (this container only forwards focus to it)."""
        return self._editor

    def focus_path(self, path: FieldPath) -> None:
        self._editor.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)


def show_line_text(line: QLineEdit, text: str) -> None:
    """Show ``text`` from the posting in ``line``, from its start unless the user is typing.

    ``setText`` leaves the cursor, and so the view, at the end: a long title loaded or
    recovered would show only its last words. A text that fits shows whole either way and
    keeps the cursor at the end, where typing into the field without clicking (a script, a
    test) adds to it.
    """
    if line.text() == text:
        return
    line.setText(text)
    metrics = line.fontMetrics()
    # Somewhat less than the inner width: the line edit keeps a margin on either side.
    room = line.contentsRect().width() - 2 * metrics.averageCharWidth()
    if not line.hasFocus() and metrics.horizontalAdvance(text) > room:
        line.setCursorPosition(0)
