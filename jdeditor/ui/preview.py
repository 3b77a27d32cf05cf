"""The live preview: the posting as the Word document will show it, from the same outline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QTextBrowser, QWidget

from jdeditor.draft import Draft, value_at

if TYPE_CHECKING:  # the model, the outline and the HTML renderer load with the first render
    from jdeditor.checks import Finding

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
        self._pay_errors: list[Finding] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.render_now)

    def show_draft(self, draft: Draft) -> None:
        """Render ``draft`` after a short pause (restarted by every call)."""
        self._draft = draft
        self._timer.start()

    def show_problems(self, problems: list[Finding]) -> None:
        """The shown draft's check: a wrong pay range is said in place of the pay line."""
        from jdeditor.checks import Severity  # noqa: PLC0415 - loaded with the findings

        pay_errors = [
            problem
            for problem in problems
            if problem.severity == Severity.ERROR and problem.path[:1] == ("salary",)
        ]
        if pay_errors != self._pay_errors:
            self._pay_errors = pay_errors
            if self._draft is not None:
                self._timer.start()

    @Slot()
    def render_now(self) -> None:
        """Render the pending draft at once (tests, benchmarks and the first show)."""
        self._timer.stop()
        if self._draft is None:
            return
        from jdeditor.draft import best_effort  # noqa: PLC0415 - see the note at the top
        from jdeditor.export.html import render_html  # noqa: PLC0415
        from jdeditor.outline import build_outline  # noqa: PLC0415

        html = render_html(
            build_outline(best_effort(self._draft)), pay_problem=self._pay_problem(self._draft)
        )
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(html)
        bar.setValue(position)  # typing near the end must not jump the preview to the top

    def _pay_problem(self, draft: Draft) -> str:
        """What to show instead of a pay line that would leave out the wrong part, or ''."""
        if not self._pay_errors:
            return ""
        minimum = value_at(draft, ("salary", "minimum"))
        maximum = value_at(draft, ("salary", "maximum"))
        if (
            isinstance(minimum, int | float)
            and isinstance(maximum, int | float)
            and 0 < maximum < minimum
        ):
            return self.tr("Pay: the maximum is below the minimum — fix the range")
        return self.tr("Pay: {problem} — fix it in the form").format(
            problem=self._pay_errors[0].message
        )
