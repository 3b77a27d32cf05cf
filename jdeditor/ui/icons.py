"""SVG icons drawn in the palette's text colour, so they stay visible in light and dark themes.

Each is drawn at the size and in the mode asked for, when first asked (``_TintedSvg``): the
toolbar's first paint draws seven icons at one size, not every size and mode of each.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from jdeditor import _paths


def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` in the current text colour (disabled: the muted one)."""
    palette = QGuiApplication.palette()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    return _icon(name, normal, disabled)


@cache
def _icon(name: str, colour: str, disabled_colour: str) -> QIcon:
    source = (_paths.resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")
    return QIcon(_TintedSvg(source, colour, disabled_colour))


class _TintedSvg(QIconEngine):
    """An SVG whose ``currentColor`` is the text colour, or the muted one when disabled."""

    def __init__(self, source: str, colour: str, disabled_colour: str) -> None:
        super().__init__()
        self._source, self._colour, self._disabled_colour = source, colour, disabled_colour
        self._drawn: dict[tuple[int, int, float, bool], QPixmap] = {}

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        # Drawn at the screen's pixel ratio, so high-DPI screens get crisp lines.
        scale = max(scale, 1.0)
        disabled = mode == QIcon.Mode.Disabled
        key = (size.width(), size.height(), scale, disabled)
        if key not in self._drawn:
            tint = self._disabled_colour if disabled else self._colour
            renderer = QSvgRenderer(QByteArray(self._source.replace("currentColor", tint).encode()))
            width, height = size.width() * scale, size.height() * scale
            pixmap = QPixmap(round(width), round(height))
            pixmap.fill(QColor(0, 0, 0, 0))  # transparent (by value: see main_window on Qt)
            painter = QPainter(pixmap)
            renderer.render(painter, QRectF(0, 0, width, height))
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            self._drawn[key] = pixmap
        return self._drawn[key]

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def clone(self) -> QIconEngine:
        return _TintedSvg(self._source, self._colour, self._disabled_colour)
