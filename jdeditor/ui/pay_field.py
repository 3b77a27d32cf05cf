"""The pay range editor: stated or not, minimum, maximum, 'or more', currency, period, note."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from jdeditor.ui.field_editor import Choices, ComboBox, FieldEditor, SpinBox, show_line_text
from jdeditor.ui.marks import level as _level
from jdeditor.ui.marks import mark as _mark
from jdeditor.ui.marks import show_message as _show_message

if TYPE_CHECKING:  # the form shows a posting before the model and the checks load
    from jdeditor.checks import FieldPath, Finding


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
        currency_text = self.currency.lineEdit()
        assert currency_text is not None  # an editable combo always has one
        currency_text.setAccessibleName(self.tr("Currency"))  # screen readers reach it too
        self.period = ComboBox(box)
        for value, text in periods:
            self.period.addItem(text, value)
        self.period.setAccessibleName(self.tr("Pay period"))
        self.note = QLineEdit(box)
        self.note.setPlaceholderText(self.tr("e.g. depending on experience and qualifications"))
        self.note.setAccessibleName(self.tr("Pay note"))
        # Three columns, "or more" under the maximum it qualifies: beside it, the two amount
        # boxes (wide enough for 100,000,000.00) made this the form's widest row, and a form
        # pane on a 1024-pixel screen then scrolled sideways.
        grid.addWidget(self.stated, 0, 0, 1, 3)
        grid.addWidget(self.minimum, 1, 0)
        grid.addWidget(QLabel("–", box), 1, 1)
        grid.addWidget(self.maximum, 1, 2)
        grid.addWidget(self.open_ended, 2, 2)
        grid.addWidget(self.currency, 3, 0)
        grid.addWidget(self.period, 3, 2)
        grid.addWidget(self.note, 4, 0, 1, 3)
        for column in (0, 2):  # the dash keeps its own width, the boxes share the rest
            grid.setColumnStretch(column, 1)
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
        # The label's buddy is this box, not "State the pay": a label clicks a check box that
        # is its buddy, so Alt+A would tick or untick the pay. A label focuses only a buddy
        # that takes focus, and Tab skips a widget with a focus proxy (order unchanged).
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._enable(False)

    def add_currencies(self, currencies: list[str]) -> None:
        """Offer these codes too (the full list comes once CLDR's data is loaded)."""
        have = {self.currency.itemText(index) for index in range(self.currency.count())}
        self._setting = True  # the code shown stays as it is: not an edit
        try:
            self.currency.addItems([code for code in currencies if code not in have])
        finally:
            self._setting = False

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
            show_line_text(self.note, note if isinstance(note, str) else "")
        finally:
            self._setting = False

    def set_problems(self, problems: list[Finding]) -> None:
        _show_message(self._message, problems)
        for name, part in self._parts.items():
            _mark(part, _level([p for p in problems if p.path[len(self.path) :][:1] == (name,)]))
        _mark(self.stated, _level([p for p in problems if p.path == self.path]))

    def buddy(self) -> QWidget:
        return self

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
