"""The preset-name dialog: a name field that says, as the user types, whether the name can be
used, and keeps the dialog open until it can.

The dialog knows no library: it is handed ``check(name) -> NameCheck`` and shows what that
says, so the rules stay in one place (the library and the preset actions that ask it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jdeditor.ui.marks import mark

NAME_FIELD_MIN_WIDTH = 420
"""Wide enough for most of an 80-character name, so the end of a long one stays in view."""


@dataclass(frozen=True, slots=True)
class NameCheck:
    """What a name would do: ``message`` for the user, whether OK may be pressed, and whether
    pressing it replaces an existing preset (the OK button then says so)."""

    message: str
    allowed: bool
    replaces: bool = False


NameChecker = Callable[[str], NameCheck]


class PresetNameDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        proposed: str,
        check: NameChecker,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._check = check
        prompt = QLabel(label, self)
        self.line = QLineEdit(proposed, self)
        self.line.setMinimumWidth(NAME_FIELD_MIN_WIDTH)
        self.line.setAccessibleName(label.rstrip(":："))  # the prompt, without its colon
        prompt.setBuddy(self.line)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("problemMessage")  # coloured by the window's style sheet
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._ok_text = self.ok_button().text()
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.line)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.line.textChanged.connect(self._update)
        self.line.selectAll()
        self._update(proposed)

    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None  # created in __init__
        return button

    def name(self) -> str:
        return self.line.text()

    @Slot(str)
    def _update(self, name: str) -> None:
        result = self._check(name)
        self.message.setText(result.message)
        # The message under a refused name is the reason OK is greyed: make it read as one.
        mark(self.message, "" if result.allowed else "error")
        ok = self.ok_button()
        ok.setEnabled(result.allowed)
        ok.setText(self.tr("&Replace") if result.replaces else self._ok_text)
        self._fit_message()

    def _fit_message(self) -> None:
        """Grow to show a message that wraps onto more lines: a window does not by itself."""
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            wanted = layout.totalHeightForWidth(self.width())
            if wanted > self.height():
                self.resize(self.width(), wanted)

    def accept(self) -> None:
        # Enter with a refused name: stay open with the reason shown, rather than close and
        # make the user start over.
        if self._check(self.name()).allowed:
            super().accept()
