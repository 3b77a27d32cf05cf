"""The live preview: the posting as the Word document will show it, from the same outline."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QTextBrowser, QWidget

from jdeditor.draft import Draft, best_effort
from jdeditor.export.html import render_html
from jdeditor.outline import build_outline

DELAY_MS = 120
"""Typing restarts the timer: the preview renders in a pause, never between two keystrokes."""


class Preview(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)  # a click on a link in the preview must not navigate away
        self.setAccessibleName(self.tr("Preview"))
        self.setToolTip(self.tr("How the posting will look; updated as you type"))
        self._draft: Draft | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.render_now)

    def show_draft(self, draft: Draft) -> None:
        """Render ``draft`` after a short pause (restarted by every call)."""
        self._draft = draft
        self._timer.start()

    @Slot()
    def render_now(self) -> None:
        """Render the pending draft at once (tests, benchmarks and the first show)."""
        self._timer.stop()
        if self._draft is None:
            return
        html = render_html(build_outline(best_effort(self._draft)))
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(html)
        bar.setValue(position)  # typing near the end must not jump the preview to the top
