"""Field editors: one widget kind per kind of value, all with the same small interface.

An editor shows a value (``set_value``), reports the user's changes (``edited(value,
merge_key)``; a non-empty merge key lets the undo stack merge a run of typing into one step),
shows problems on itself (``set_problems``) and takes focus on request (``focus_path``).
Editors never validate: the model does, and the form hands them the problems.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jdeditor.checks import FieldPath, Problem
from jdeditor.ui.list_editor import ListEditor
from jdeditor.ui.marks import level as _level
from jdeditor.ui.marks import mark as _mark
from jdeditor.ui.marks import show_message as _show_message

Choices = list[tuple[Any, str]]


class _WheelOnlyWhenFocused:
    """A control the mouse wheel does not change unless the user has focused it.

    Scrolling a long form must never edit it: a wheel turn over an unfocused control is
    ignored, and Qt hands an ignored wheel event on to the parent, so the form scrolls; once
    clicked or tabbed into, the control takes the wheel as usual.
    """

    def _guard_wheel(self: QWidget) -> None:  # type: ignore[misc]
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn must not focus it

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

    def set_problems(self, problems: list[Problem]) -> None:
        """Problems whose path starts with this editor's path; empty clears the mark."""
        _show_message(self._message, problems)
        _mark(self._editor, _level(problems))

    def focus_path(self, path: FieldPath) -> None:
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)


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
        self.line.textEdited.connect(lambda text: self.edited.emit(text, "type"))
        self._finish(self.line, tooltip)

    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.line.text() != text:
            self.line.setText(text)


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
        self._finish(self.text, tooltip)

    @Slot()
    def _changed(self) -> None:
        if not self._setting:
            self.edited.emit(self.text.toPlainText(), "type")

    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.text.toPlainText() != text:
            self._setting = True
            self.text.setPlainText(text)
            self._setting = False


class ChoiceField(FieldEditor):
    """A choice from a list; ``None`` is offered as 'Not stated' where allowed.

    ``editable`` also accepts typed values (the posting language: any BCP 47 tag).
    """

    def __init__(
        self,
        path: FieldPath,
        label: str,
        choices: Choices,
        *,
        editable: bool = False,
        tooltip: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(path, label, parent)
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
            line.textEdited.connect(lambda text: self.edited.emit(text, "type"))
        self._finish(self.combo, tooltip)

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
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
        self.editor = ListEditor(label, self)
        self.editor.itemsEdited.connect(lambda items, key: self.edited.emit(list(items), key))
        self._finish(self.editor, tooltip)

    def set_value(self, value: Any) -> None:
        self.editor.set_items([str(v) for v in value] if isinstance(value, list) else [])

    def set_problems(self, problems: list[Problem]) -> None:
        by_row: dict[int | None, list[Problem]] = {}
        for problem in problems:
            rest = problem.path[len(self.path) :]
            key = rest[0] if rest and isinstance(rest[0], int) else None
            by_row.setdefault(key, []).append(problem)
        self.editor.set_problems(by_row)

    def focus_path(self, path: FieldPath) -> None:
        rest = path[len(self.path) :]
        self.editor.focus_row(rest[0] if rest and isinstance(rest[0], int) else None)


class PayField(FieldEditor):
    """The pay range as one editor: stated or not, minimum, maximum, 'or more', currency, period.

    Its value is the whole ``salary`` object (or None), so one change is one undo step.
    """

    def __init__(
        self,
        path: FieldPath,
        label: str,
        currencies: list[str],
        periods: Choices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(path, label, parent)
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.stated = QCheckBox(self.tr("State the pay in the posting"), box)
        self.minimum = self._amount(box, self.tr("Minimum pay"))
        self.maximum = self._amount(box, self.tr("Maximum pay"))
        self.maximum.setSpecialValueText(self.tr("No maximum"))
        self.open_ended = QCheckBox(self.tr("or more"), box)
        self.open_ended.setToolTip(self.tr("Write the top of the range as “$100,000+”"))
        self.open_ended.setAccessibleName(self.tr("Or more"))
        self.stated.setAccessibleName(self.tr("State the pay"))
        self.currency = ComboBox(box)
        self.currency.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.currency.setMinimumContentsLength(5)
        self.currency.setEditable(True)
        self.currency.addItems(currencies)
        self.currency.setAccessibleName(self.tr("Currency"))
        self.period = ComboBox(box)
        for value, text in periods:
            self.period.addItem(text, value)
        self.period.setAccessibleName(self.tr("Pay period"))
        self.note = QLineEdit(box)
        self.note.setPlaceholderText(self.tr("e.g. depending on experience and qualifications"))
        self.note.setAccessibleName(self.tr("Pay note"))
        grid.addWidget(self.stated, 0, 0, 1, 4)
        grid.addWidget(self.minimum, 1, 0)
        grid.addWidget(QLabel("–", box), 1, 1)
        grid.addWidget(self.maximum, 1, 2)
        grid.addWidget(self.open_ended, 1, 3)
        grid.addWidget(self.currency, 2, 0)
        grid.addWidget(self.period, 2, 2, 1, 2)
        grid.addWidget(self.note, 3, 0, 1, 4)
        self._parts: dict[str, QWidget] = {
            "minimum": self.minimum,
            "maximum": self.maximum,
            "open_ended": self.open_ended,
            "currency": self.currency,
            "period": self.period,
            "note": self.note,
        }
        self._setting = False
        # toggled, not clicked: a screen reader's Toggle action and the keyboard count too.
        self.stated.toggled.connect(self._changed)
        self.minimum.valueChanged.connect(self._changed)
        self.maximum.valueChanged.connect(self._changed)
        self.open_ended.toggled.connect(self._changed)
        self.currency.currentTextChanged.connect(self._changed)
        self.period.activated.connect(self._changed)
        self.note.textEdited.connect(self._changed)
        self._finish(box)
        self.setFocusProxy(self.stated)
        self._enable(False)

    def _amount(self, parent: QWidget, name: str) -> SpinBox:
        spin = SpinBox(parent)
        spin.setRange(0, 100_000_000)
        spin.setDecimals(2)
        spin.setSingleStep(1000)
        spin.setGroupSeparatorShown(True)
        spin.setAccessibleName(name)
        spin.setToolTip(name)
        return spin

    def _enable(self, on: bool) -> None:
        for part in self._parts.values():
            part.setEnabled(on)

    def value(self) -> dict[str, Any] | None:
        if not self.stated.isChecked():
            return None
        maximum = self.maximum.value()
        return {
            "minimum": _number(self.minimum.value()),
            "maximum": _number(maximum) if maximum > 0 else None,
            "open_ended": self.open_ended.isChecked(),
            "currency": self.currency.currentText().strip().upper(),
            "period": self.period.currentData(),
            "note": self.note.text(),
        }

    @Slot()
    def _changed(self) -> None:
        if self._setting:
            return
        self._enable(self.stated.isChecked())
        self.edited.emit(self.value(), "pay")

    def set_value(self, value: Any) -> None:
        """Show ``value`` in every part; no pay resets every part, so nothing of the previous
        posting's pay can come back when the box is ticked again."""
        self._setting = True
        try:
            salary = value if isinstance(value, dict) else {}
            self.stated.setChecked(isinstance(value, dict))
            self._enable(isinstance(value, dict))
            self.minimum.setValue(_amount_or_zero(salary.get("minimum")))
            self.maximum.setValue(_amount_or_zero(salary.get("maximum")))
            self.open_ended.setChecked(salary.get("open_ended") is True)
            currency = salary.get("currency")
            currency = currency if isinstance(currency, str) else "USD"
            if self.currency.currentText() != currency:
                self.currency.setCurrentText(currency)
            self.period.setCurrentIndex(max(self.period.findData(salary.get("period", "year")), 0))
            note = salary.get("note")
            note = note if isinstance(note, str) else ""
            if self.note.text() != note:
                self.note.setText(note)
        finally:
            self._setting = False

    def set_problems(self, problems: list[Problem]) -> None:
        _show_message(self._message, problems)
        for name, part in self._parts.items():
            _mark(part, _level([p for p in problems if p.path[len(self.path) :][:1] == (name,)]))
        _mark(self.stated, _level([p for p in problems if p.path == self.path]))

    def focus_path(self, path: FieldPath) -> None:
        rest = path[len(self.path) :]
        part = self._parts.get(str(rest[0])) if rest else None
        (part or self.stated).setFocus(Qt.FocusReason.OtherFocusReason)


def _amount_or_zero(value: Any) -> float:
    """A stored amount as the box shows it; 0 (empty) for anything that is not a number, such
    as "45,000" typed into a file by hand, whose problem the form shows on the field."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0
    return float(value) if 0 <= value <= 100_000_000 else 0.0


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)
