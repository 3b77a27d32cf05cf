"""Posting advice in the window: the review run after a typing pause on a worker thread, and
the panel that lists its advice by family, beside the problems.

The review reads an immutable posting (frozen models), so handing it to another thread is safe;
a result that arrives after a newer edit was scheduled is dropped (each run has a number).
Typing never waits for it: the keystroke's own check (errors and warnings) is ``draft.check``,
which runs the cheap families only.
"""

from __future__ import annotations

import contextlib
import logging
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdeditor.checks import (
    Context,
    Family,
    Finding,
    Severity,
    advice,
    apply_suggestion,
    review,
)
from jdeditor.draft import best_effort, value_at
from jdeditor.model import JobDescription
from jdeditor.ui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from jdeditor.importer import ImportResult
    from jdeditor.ui.session import EditSession

PAUSE_MS = 300
"""Advice waits for this pause in typing: long enough to skip a burst of keys, short enough to
feel immediate (about the gap between two words)."""

_FINDING = Qt.ItemDataRole.UserRole
_FAMILY = Qt.ItemDataRole.UserRole + 1


class AdviceRunner(QObject):
    """Reviews the latest posting after a pause, off the GUI thread; emits ``reviewed``."""

    reviewed = Signal(list)
    """The advice (``Finding``s of severity advice) for the newest posting scheduled."""
    _finished = Signal(int, list)

    def __init__(self, words: frozenset[str] = frozenset(), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words = words
        self._pending: JobDescription | None = None
        self._number = 0
        self._running: Future[list[Finding]] | None = None
        self._alive = True
        self.reviewed_document: JobDescription | None = None
        """The posting the last ``reviewed`` findings are about (their spans index its text)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._start)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jdeditor-advice")
        # Queued: the worker's signal is delivered on the GUI thread, in its event loop.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(self._stop)
        app = QCoreApplication.instance()
        if app is not None:  # a review under way must not hold the process open at exit
            app.aboutToQuit.connect(self._stop)

    def _stop(self) -> None:
        self._alive = False
        self._pool.shutdown(wait=False, cancel_futures=True)

    def schedule(self, document: JobDescription | None, *, now: bool = False) -> None:
        """Review ``document`` once typing pauses (``now``: at the next turn of the loop)."""
        self._pending = document
        self._number += 1
        self._timer.start(0 if now else PAUSE_MS)

    def set_words(self, words: frozenset[str]) -> None:
        """The user's dictionary changed: review again with it."""
        self._words = words
        if self._pending is not None:
            self.schedule(self._pending, now=True)

    def start_now(self) -> None:
        """For tests and benchmarks: start the scheduled review now, without the pause."""
        if self._timer.isActive():
            self._timer.stop()
            self._start()

    @Slot()
    def _start(self) -> None:
        document, number = self._pending, self._number
        if document is None:
            self.reviewed.emit([])
            return
        if not self._alive:
            return
        if self._running is not None:
            self._running.cancel()  # still queued behind the one running: no longer wanted
        context = Context(today=date.today(), words=self._words)
        future = self._pool.submit(review, document, context)
        self._running = future
        future.add_done_callback(lambda done: self._done(number, document, done))

    def _done(self, number: int, document: JobDescription, future: Future[list[Finding]]) -> None:
        # On the worker thread: only a signal may cross back, and only to a runner still alive
        # (the window may have closed while the review ran).
        if future.cancelled() or not self._alive:
            return
        error = future.exception()
        if error is not None:
            logging.getLogger(__name__).error(
                "posting advice failed", exc_info=(type(error), error, error.__traceback__)
            )
        found = future.result() if error is None else [_failed(error)]
        # The runner may be deleted between the check above and the emit.
        with contextlib.suppress(RuntimeError):
            self._finished.emit(number, [document, found])

    @Slot(int, list)
    def _deliver(self, number: int, payload: list[Any]) -> None:
        document, found = payload
        if number == self._number:  # else a newer edit is on its way
            self.reviewed_document = document
            self.reviewed.emit(advice(found))


def apply_finding(session: EditSession, finding: Finding) -> bool:
    """Put the finding's suggestion in the posting as one undoable step.

    Only while the finding still holds: advice trails typing by a pause, so the text may have
    changed since. The finding's family is asked again about the posting as it is now; False
    when the finding is no longer among its answers (nothing is changed then).
    """
    text = value_at(session.draft, finding.path)
    if not isinstance(text, str) or finding.suggestion is None or finding.span is None:
        return False
    document = session.last_check.document or best_effort(session.draft)
    # The review reads the cleaned posting (text trimmed and normalised, blank or repeated
    # bullets left out): its positions fit the text being edited only where the two agree.
    if text != text_at(document, finding.path):
        return False
    start, end = finding.span
    if finding.found and text[start:end].casefold() != finding.found[0].casefold():
        return False
    if finding not in review(document, families=[finding.family]):
        return False
    name = QCoreApplication.translate("Advice", "Apply “{suggestion}”").format(
        suggestion=finding.suggestion
    )
    session.set_value(finding.path, apply_suggestion(text, finding), name=name)
    return True


def text_at(document: JobDescription, path: tuple[str | int, ...]) -> str | None:
    """The text at ``path`` of a posting (a model, not a draft), or None."""
    value: Any = document
    for part in path:
        if isinstance(part, int):
            if not isinstance(value, tuple) or not 0 <= part < len(value):
                return None
            value = value[part]
        else:
            value = getattr(value, part, None)
    return value if isinstance(value, str) else None


def markable(findings: list[Finding], draft: Any, document: JobDescription | None) -> list[Finding]:
    """The findings whose spans fit the text being edited: where the draft's text is the text
    the review read (a bullet after a blank one, or text with leading spaces, differs)."""
    if document is None:
        return []
    return [
        finding
        for finding in findings
        if finding.span is not None
        and value_at(draft, finding.path) == text_at(document, finding.path)
    ]


def import_findings(result: ImportResult) -> list[Finding]:
    """What an import recognised and what it could not place, as findings to check."""
    found = [
        Finding("import.guess", Severity.ADVICE, tuple(guess.path), guess.message)
        for guess in result.guesses
    ]
    found += [
        Finding(
            "import.unplaced",
            Severity.ADVICE,
            ("summary",),
            QCoreApplication.translate(
                "Advice", "Not placed; kept at the end of the summary: {text}"
            ).format(text=text[:160]),
        )
        for text in result.unplaced
    ]
    return found


def _failed(error: BaseException) -> Finding:
    """A bug in a check must not take the window down: say so where the advice would be."""
    return Finding(
        "validation.advice-failed",
        Severity.ADVICE,
        (),
        QCoreApplication.translate(
            "Advice",
            "The posting advice could not be computed ({kind}); "
            "your posting is unaffected. Please report this.",
        ).format(kind=type(error).__name__),
    )


_FAMILY_NAMES = {
    Family.VALIDATION: QT_TRANSLATE_NOOP("AdvicePanel", "Validation"),
    Family.PLACEHOLDERS: QT_TRANSLATE_NOOP("AdvicePanel", "Placeholders"),
    Family.WORDING: QT_TRANSLATE_NOOP("AdvicePanel", "Gender-coded wording"),
    Family.INCLUSION: QT_TRANSLATE_NOOP("AdvicePanel", "Inclusive language"),
    Family.READABILITY: QT_TRANSLATE_NOOP("AdvicePanel", "Readability and length"),
    Family.PAY: QT_TRANSLATE_NOOP("AdvicePanel", "Pay transparency"),
    Family.JOB_BOARDS: QT_TRANSLATE_NOOP("AdvicePanel", "Job-board readiness"),
    Family.SPELLING: QT_TRANSLATE_NOOP("AdvicePanel", "Spelling"),
    Family.IMPORT: QT_TRANSLATE_NOOP("AdvicePanel", "Imported: check these"),
}
"""The advice panel's group headings. The families are the core's (``checks/_core.py``,
which knows no Qt); a family added there without a line here shows its English label."""


def family_name(family: Family) -> str:
    """A family of advice as the panel heads its group, in the user's language."""
    return QCoreApplication.translate("AdvicePanel", _FAMILY_NAMES.get(family, family.label))


class _WrappingTree(QTreeWidget):
    """A tree whose long items wrap to its width, also after the pane is resized (a tree lays
    its rows out once; without a new layout they keep the height of the old width)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Give each item the height its text takes wrapped at the tree's width."""
        viewport = self.viewport()
        if viewport is None:
            return
        metrics = self.fontMetrics()
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        for group_index in range(self.topLevelItemCount()):
            group = self.topLevelItem(group_index)
            if group is None:
                continue
            width = max(viewport.width() - 2 * self.indentation() - margin, 40)
            for index in range(group.childCount()):
                child = group.child(index)
                if child is None:
                    continue
                bounds = metrics.boundingRect(
                    QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, child.text(0)
                )
                child.setSizeHint(0, QSize(width, bounds.height() + 4))
        self.scheduleDelayedItemsLayout()


class AdvicePanel(QWidget):
    """Advice grouped by family with counts; choosing an item goes to its field and words."""

    findingChosen = Signal(object)
    applyRequested = Signal(object)
    addWordRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advicePanel")
        self._title = QLabel(self.tr("Posting advice"), self)
        self._title.setObjectName("adviceTitle")
        self.tree = _WrappingTree(self)
        self.tree.setAccessibleName(self.tr("Posting advice"))
        self.tree.setToolTip(self.tr("Advice to weigh: it never blocks saving or export"))
        self.apply_button = QPushButton(self.tr("Apply Suggestion"), self)
        self.apply_button.setToolTip(self.tr("Replace the words with the suggestion (undoable)"))
        self.add_word_button = QPushButton(self.tr("Add to Dictionary"), self)
        self.add_word_button.setToolTip(self.tr("Accept this spelling from now on"))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.add_word_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._title)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.tree)
        # The form above sets the column's width: a narrow column clips the buttons rather
        # than the form (whose fields then scroll sideways).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._findings: list[Finding] = []
        self._pinned: list[Finding] = []
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.apply_button.clicked.connect(self._apply)
        self.add_word_button.clicked.connect(self._add_word)
        self._update_buttons()

    @property
    def findings(self) -> list[Finding]:
        return list(self._findings)

    def pin(self, findings: list[Finding]) -> None:
        """Findings listed with every review's until ``pin([])``: an import's guesses."""
        reviewed = [f for f in self._findings if f not in self._pinned]
        self._pinned = list(findings)
        self.show_advice(reviewed)

    def show_advice(self, findings: list[Finding]) -> str:
        """List ``findings`` by family; returns the count for the status bar ('5 advice')."""
        findings = self._pinned + list(findings)
        current = self.selected()
        collapsed = {  # a group the user closed stays closed
            group.data(0, _FAMILY) for group in self._groups() if not group.isExpanded()
        }
        self._findings = list(findings)
        self.tree.clear()
        by_family: dict[Family, list[Finding]] = {}
        for finding in findings:
            by_family.setdefault(finding.family, []).append(finding)
        for family in Family:
            items = by_family.get(family)
            if not items:
                continue
            heading = self.tr("{family} ({count})").format(
                family=family_name(family), count=len(items)
            )
            group = QTreeWidgetItem([heading])
            group.setData(0, _FAMILY, str(family))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for finding in items:
                child = QTreeWidgetItem([_line(finding)])
                child.setData(0, _FINDING, finding)
                tip = finding.message + (f"\n\n{finding.source}" if finding.source else "")
                child.setToolTip(0, tip)
                group.addChild(child)
                if finding == current:
                    self.tree.setCurrentItem(child)
            self.tree.addTopLevelItem(group)
            group.setExpanded(str(family) not in collapsed)
        self.tree.fit_rows()
        self._title.setText(
            self.tr("Posting advice ({count})").format(count=len(findings))
            if findings
            else self.tr("Posting advice: nothing to suggest")
        )
        self._update_buttons()
        return self.tr("{count} advice").format(count=len(findings))

    def selected(self) -> Finding | None:
        item = self.tree.currentItem()
        data = item.data(0, _FINDING) if item is not None else None
        return data if isinstance(data, Finding) else None

    def select(self, finding: Finding) -> None:
        for group in self._groups():
            for index in range(group.childCount()):
                child = group.child(index)
                if child is not None and child.data(0, _FINDING) == finding:
                    self.tree.setCurrentItem(child)
                    return

    def _groups(self) -> list[QTreeWidgetItem]:
        found = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [group for group in found if group is not None]

    @Slot(QTreeWidgetItem)
    def _activated(self, item: QTreeWidgetItem) -> None:
        finding = item.data(0, _FINDING)
        if isinstance(finding, Finding):
            self.findingChosen.emit(finding)

    @Slot()
    def _update_buttons(self) -> None:
        finding = self.selected()
        self.apply_button.setEnabled(finding is not None and finding.suggestion is not None)
        self.add_word_button.setEnabled(
            finding is not None and finding.family == Family.SPELLING and bool(finding.found)
        )

    @Slot()
    def _apply(self) -> None:
        finding = self.selected()
        if finding is not None and finding.suggestion is not None:
            self.applyRequested.emit(finding)

    @Slot()
    def _add_word(self) -> None:
        finding = self.selected()
        if finding is not None and finding.found:
            self.addWordRequested.emit(finding.found[0])


def _line(finding: Finding) -> str:
    if finding.suggestion is None or f"“{finding.suggestion}”" in finding.message:
        return finding.message
    return f"{finding.message}  → “{finding.suggestion}”"
