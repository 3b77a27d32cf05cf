"""Field editors: one widget kind per kind of value, all with the same small interface
(``field_editor.FieldEditor``); the pay range has its own module (``pay_field``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from jdeditor.ui.field_editor import Choices, ComboBox, FieldEditor, SpinBox, show_line_text

if TYPE_CHECKING:
    from jdeditor.checks import FieldPath, Finding
    from jdeditor.ui.highlights import Mark, TextMarks
    from jdeditor.ui.list_editor import ListEditor
    from jdeditor.ui.pay_field import PayField

# The form shows its first fields before the lists and the pay are built (list_editor.py and
# pay_field.py load with them) and before any advice (the wavy lines of highlights.py).

__all__ = [
    "CheckField",
    "ChoiceField",
    "Choices",
    "FieldEditor",
    "LineField",
    "ListField",
    "PayField",
    "TextField",
    "YearsField",
]


class LineField(FieldEditor):
    def __init__(
        self,
        path: FieldPath,
        label: str,
        *,
        placeholder: str = "",
        tooltip: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(path, label, parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(placeholder)
        self.line.textEdited.connect(self._typed)
        self._marks: list[Mark] = []
        self._marks_pending = False
        self.line.installEventFilter(self)
        self._finish(self.line, tooltip)

    def _typed(self, text: str) -> None:
        self.edited.emit(text, "type")

    def set_value(self, value: Any) -> None:
        show_line_text(self.line, value if isinstance(value, str) else "")

    def set_marks(self, marks: dict[FieldPath, list[Mark]]) -> None:
        found = marks.get(self.path, [])
        if found == self._marks:
            return
        self._marks = found
        if self.line.hasFocus():
            # Marks travel in an input-method event, which would end a composition in
            # progress (Chinese or Japanese input, dead keys): they wait until focus leaves.
            self._marks_pending = True
        else:
            _set_line_marks(self.line, found)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.FocusOut and self._marks_pending:
            self._marks_pending = False
            _set_line_marks(self.line, self._marks)
        return super().eventFilter(watched, event)

    def select_text(self, path: FieldPath, start: int, end: int) -> None:
        from jdeditor.ui.highlights import utf16  # noqa: PLC0415 - see the note at the top

        self.line.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        text = self.line.text()
        self.line.setSelection(utf16(text, start), utf16(text, end) - utf16(text, start))


class TextField(FieldEditor):
    """Multi-line text: summaries, statements, instructions."""

    def __init__(
        self, path: FieldPath, label: str, *, tooltip: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(path, label, parent)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.text.setMinimumHeight(self.fontMetrics().height() * 5)
        self.text.setMaximumHeight(self.fontMetrics().height() * 9)
        self._setting = False
        self.text.textChanged.connect(self._changed)
        self._marks: TextMarks | None = None
        """Made with the first marks to show (see the note at the top)."""
        self._finish(self.text, tooltip)

    def set_marks(self, marks: dict[FieldPath, list[Mark]]) -> None:
        found = marks.get(self.path, [])
        if self._marks is None:
            if not found:
                return
            from jdeditor.ui.highlights import TextMarks  # noqa: PLC0415 - see the note at the top

            self._marks = TextMarks(self.text.document())
        # Re-highlighting signals a text change: not an edit of the posting.
        self._setting = True
        try:
            self._marks.set_marks(found)
        finally:
            self._setting = False

    def select_text(self, path: FieldPath, start: int, end: int) -> None:
        from jdeditor.ui.highlights import utf16  # noqa: PLC0415 - see the note at the top

        self.text.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        text = self.text.toPlainText()
        cursor = self.text.textCursor()
        cursor.setPosition(utf16(text, start))
        cursor.setPosition(utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    @Slot()
    def _changed(self) -> None:
        if not self._setting:
            text = self.text.toPlainText()
            # Marks would slide onto other letters until the next advice.
            if self._marks is not None and self._marks.marks:
                self.set_marks({})
            self.edited.emit(text, "type")

    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.text.toPlainText() != text:
            self._setting = True
            self.text.setPlainText(text)
            self._setting = False


class ChoiceField(FieldEditor):
    """A choice from a list; ``None`` is offered as 'Not stated' where allowed.

    ``editable`` also accepts typed values (the posting language: any BCP 47 tag).
    ``provisional``: the choices are not all there yet (``set_choices`` brings them), so a
    value that is not among them shows as itself meanwhile, not as blank.
    """

    def __init__(
        self,
        path: FieldPath,
        label: str,
        choices: Choices,
        *,
        editable: bool = False,
        provisional: bool = False,
        tooltip: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(path, label, parent)
        self._provisional = provisional
        self.combo = ComboBox(self)
        # Long entries ("United States Minor Outlying Islands") must not widen the form.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(14)
        for value, text in choices:
            self.combo.addItem(text, value)
        self.combo.activated.connect(lambda index: self.edited.emit(self.combo.itemData(index), ""))
        if editable:
            self.combo.setEditable(True)
            self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            line = self.combo.lineEdit()
            assert line is not None  # an editable combo always has one
            line.setAccessibleName(label)  # screen readers reach the text box inside too
            line.textEdited.connect(lambda text: self.edited.emit(text, "type"))
        self._finish(self.combo, tooltip)

    def set_choices(self, choices: Choices) -> None:
        """Offer ``choices`` instead, showing the same value (see ``provisional``)."""
        value = self.combo.currentData()
        self._provisional = False
        self.combo.clear()
        for choice, text in choices:
            self.combo.addItem(text, choice)
        self.set_value(value)

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0 and self._provisional and isinstance(value, str) and value:
            self.combo.addItem(value, value)
            index = self.combo.count() - 1
        if self.combo.isEditable():
            if self.combo.currentText() != (value or ""):
                self.combo.setCurrentText(str(value or ""))
        elif index != self.combo.currentIndex():
            # A value that is not a choice (a hand-edited file) shows blank, with its problem
            # on the field: never the previous posting's choice.
            self.combo.setCurrentIndex(index)


class CheckField(FieldEditor):
    def __init__(
        self, path: FieldPath, label: str, *, tooltip: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(path, label, parent)
        self.check = QCheckBox(label, self)
        self._setting = False
        # toggled, not clicked: a screen reader's Toggle action changes the posting too.
        self.check.toggled.connect(self._toggled)
        self._finish(self.check, tooltip)

    @Slot(bool)
    def _toggled(self, checked: bool) -> None:
        if not self._setting:
            self.edited.emit(bool(checked), "")

    def set_value(self, value: Any) -> None:
        if self.check.isChecked() != (value is True):
            self._setting = True
            self.check.setChecked(value is True)
            self._setting = False


class YearsField(FieldEditor):
    """Years in half-year steps; the lowest position means 'not stated' (None)."""

    def __init__(
        self, path: FieldPath, label: str, *, tooltip: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(path, label, parent)
        self.spin = SpinBox(self)
        self.spin.setRange(-0.5, 50)
        self.spin.setSingleStep(0.5)
        self.spin.setDecimals(1)
        self.spin.setSpecialValueText(self.tr("Not stated"))
        self.spin.setSuffix(self.tr(" years"))
        self.spin.setValue(-0.5)
        self.spin.valueChanged.connect(self._changed)
        self._setting = False
        self._finish(self.spin, tooltip)

    @Slot(float)
    def _changed(self, value: float) -> None:
        if not self._setting:
            self.edited.emit(None if value < 0 else value, "spin")

    def set_value(self, value: Any) -> None:
        target = float(value) if isinstance(value, int | float) else -0.5
        if self.spin.value() != target:
            self._setting = True
            self.spin.setValue(target)
            self._setting = False


class ListField(FieldEditor):
    """A bullet list, edited with the shared ``ListEditor``."""

    def __init__(
        self, path: FieldPath, label: str, *, tooltip: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(path, label, parent)
        from jdeditor.ui.list_editor import ListEditor  # noqa: PLC0415 - see the note at the top

        self.editor: ListEditor = ListEditor(label, self)
        self.editor.itemsEdited.connect(lambda items, key: self.edited.emit(list(items), key))
        self._finish(self.editor, tooltip)

    def set_value(self, value: Any) -> None:
        self.editor.set_items([str(v) for v in value] if isinstance(value, list) else [])

    def buddy(self) -> QWidget:
        return self.editor.list_widget()

    def set_problems(self, problems: list[Finding]) -> None:
        by_row: dict[int | None, list[Finding]] = {}
        for problem in problems:
            rest = problem.path[len(self.path) :]
            key = rest[0] if rest and isinstance(rest[0], int) else None
            by_row.setdefault(key, []).append(problem)
        self.editor.set_problems(by_row)

    def focus_path(self, path: FieldPath) -> None:
        rest = path[len(self.path) :]
        self.editor.focus_row(rest[0] if rest and isinstance(rest[0], int) else None)

    def set_marks(self, marks: dict[FieldPath, list[Mark]]) -> None:
        by_row = {}
        for path, found in marks.items():
            rest = path[len(self.path) :]
            if path[: len(self.path)] == self.path and len(rest) == 1 and isinstance(rest[0], int):
                by_row[rest[0]] = found
        self.editor.set_marks(by_row)

    def select_text(self, path: FieldPath, start: int, end: int) -> None:
        rest = path[len(self.path) :]
        if rest and isinstance(rest[0], int):
            self.editor.select_text(rest[0], start, end)
        else:
            self.focus_path(path)


def _set_line_marks(line: QLineEdit, marks: list[Mark]) -> None:
    from jdeditor.ui.highlights import set_line_marks  # noqa: PLC0415 - see the note at the top

    set_line_marks(line, marks)


def __getattr__(name: str) -> object:
    # PayField lives in pay_field.py, loaded with the pay (see the note at the top).
    if name == "PayField":
        from jdeditor.ui.pay_field import PayField  # noqa: PLC0415

        return PayField
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
