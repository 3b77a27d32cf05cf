"""SVG icons drawn in the palette's text colour, so they stay visible in light and dark themes."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from jdeditor import _paths

_SIZES = (16, 24, 32, 48)


def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` in the current text colour (disabled: the muted one)."""
    palette = QGuiApplication.palette()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    return _icon(name, normal, disabled)


@cache
def _icon(name: str, colour: str, disabled_colour: str) -> QIcon:
    source = (_paths.resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")
    result = QIcon()
    for mode, tint in ((QIcon.Mode.Normal, colour), (QIcon.Mode.Disabled, disabled_colour)):
        renderer = QSvgRenderer(QByteArray(source.replace("currentColor", tint).encode()))
        for size in _SIZES:
            # Rendered at the screen's pixel ratio so high-DPI screens get crisp lines.
            ratio = max(QGuiApplication.primaryScreen().devicePixelRatio(), 1.0)
            pixmap = QPixmap(int(size * ratio), int(size * ratio))
            pixmap.fill(QColor(Qt.GlobalColor.transparent))
            painter = QPainter(pixmap)
            renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
            painter.end()
            pixmap.setDevicePixelRatio(ratio)
            result.addPixmap(pixmap, mode)
    return result
