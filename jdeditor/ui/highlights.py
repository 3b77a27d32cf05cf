"""Marks under words in the form's text: misspellings and words the posting advice is about.

A mark is ``(start, end, kind)`` in Python characters of the field's text; Qt counts UTF-16
units, so positions are converted here (an emoji before a word would shift the mark otherwise).
Spelling is a red wavy line, other advice a blue one: the panel says which is which, and the
tooltip of the advice panel item carries the reason, so colour is never the only signal.

- ``QPlainTextEdit``: a ``QSyntaxHighlighter`` (the standard way).
- ``QLineEdit``: it has no highlighter; formats are handed to it in an input-method event with
  no text, which draws them without touching the text, the cursor or the undo history.
- List items: the delegate draws the lines under the item's text (``paint_item_marks``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QInputMethodEvent,
    QPainter,
    QPen,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QLineEdit

Mark = tuple[int, int, str]
"""(start, end, kind): kind is 'spelling' or 'advice'."""

COLOURS = {"spelling": QColor("#d32f2f"), "advice": QColor("#1565c0")}


def utf16(text: str, index: int) -> int:
    """The UTF-16 position Qt uses for Python's ``text[index]``."""
    prefix = text[:index]
    return len(prefix) + sum(1 for char in prefix if ord(char) > 0xFFFF)


def char_format(kind: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(COLOURS.get(kind, COLOURS["advice"]))
    return fmt


class TextMarks(QSyntaxHighlighter):
    """Marks in a plain-text editor; ``set_marks`` replaces them all."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._marks: list[Mark] = []

    @property
    def marks(self) -> list[Mark]:
        return list(self._marks)

    def set_marks(self, marks: Iterable[Mark]) -> None:
        marks = sorted(marks)
        if marks != self._marks:
            self._marks = marks
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if not self._marks:
            return
        block = self.currentBlock()
        whole = self.document().toPlainText()
        # Marks are in characters of the whole text; the block starts at its UTF-16 position.
        block_start = block.position()
        for start, end, kind in self._marks:
            begin, finish = utf16(whole, start) - block_start, utf16(whole, end) - block_start
            if finish <= 0 or begin >= len(text.encode("utf-16-le")) // 2:
                continue
            self.setFormat(max(begin, 0), finish - max(begin, 0), char_format(kind))


def set_line_marks(line: QLineEdit, marks: Iterable[Mark]) -> None:
    """Draw ``marks`` under ``line``'s text (an empty list clears them)."""
    text = line.text()
    cursor = line.cursorPosition()
    attributes = [
        QInputMethodEvent.Attribute(
            QInputMethodEvent.AttributeType.TextFormat,
            utf16(text, start) - cursor,
            utf16(text, end) - utf16(text, start),
            char_format(kind),
        )
        for start, end, kind in marks
        if 0 <= start < end <= len(text)
    ]
    QCoreApplication.sendEvent(line, QInputMethodEvent("", attributes))


def paint_item_marks(
    painter: QPainter, rect: QRectF, text: str, marks: Iterable[Mark], font: QFont
) -> None:
    """Wavy lines under ``marks`` of a list item's ``text``, drawn wrapped and centred
    vertically in ``rect`` as Qt's item views draw it."""
    marks = list(marks)
    if not marks:
        return
    layout = QTextLayout(text, font)
    wrap = QTextOption()
    wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(wrap)
    layout.beginLayout()
    height = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width())
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    origin = QPointF(rect.left(), rect.top() + max(0.0, (rect.height() - height) / 2))
    painter.save()
    for start, end, kind in marks:
        begin, finish = utf16(text, start), utf16(text, end)
        pen = QPen(COLOURS.get(kind, COLOURS["advice"]))
        pen.setWidthF(1.2)
        painter.setPen(pen)
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            line_start, line_end = line.textStart(), line.textStart() + line.textLength()
            left, right = max(begin, line_start), min(finish, line_end)
            if left >= right:
                continue
            x1, _ = cast(tuple[float, int], line.cursorToX(left))  # PySide6 returns a pair
            x2, _ = cast(tuple[float, int], line.cursorToX(right))
            baseline = line.y() + line.ascent() + 2
            _wave(painter, origin.x() + x1, origin.x() + x2, origin.y() + baseline)
    painter.restore()


def _wave(painter: QPainter, left: float, right: float, y: float) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    step = 2.0
    x, up = left, True
    while x < right:
        painter.drawLine(
            QPointF(x, y + (0 if up else step)),
            QPointF(min(x + step, right), y + (step if up else 0)),
        )
        x += step
        up = not up


__all__ = ["Mark", "TextMarks", "paint_item_marks", "set_line_marks", "utf16"]
