"""How a widget shows that its field has a problem: a coloured border and a message under it.

The colours come from the window's style sheet, keyed on the ``problem`` property:
``"error"`` (red: blocks export) or ``"warning"`` (amber: e.g. a placeholder left to replace).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:  # the window shell imports this module; the model loads after first paint
    from jdeditor.checks import Finding

STYLE_SHEET = """
*[problem="error"] { border: 1px solid #d32f2f; border-radius: 2px; }
*[problem="warning"] { border: 1px solid #e0a100; border-radius: 2px; }
QLabel#problemMessage[problem="error"] { color: #d32f2f; border: none; }
QLabel#problemMessage[problem="warning"] { color: #9a6b00; border: none; }
"""


def level(problems: list[Finding]) -> str:
    """'error' if any problem is an error, 'warning' if only warnings, '' if none."""
    if any(p.severity == "error" for p in problems):
        return "error"
    return "warning" if problems else ""


def mark(widget: QWidget, value: str) -> None:
    """Set the ``problem`` property and re-apply the style sheet if it changed."""
    if widget.property("problem") != value:
        widget.setProperty("problem", value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def show_message(label: QLabel, problems: list[Finding]) -> None:
    text = "\n".join(p.message for p in problems)
    label.setText(text)
    label.setVisible(bool(text))
    mark(label, level(problems))
