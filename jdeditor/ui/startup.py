"""The window's start after its first paint, paced so that the posting shows first.

``show_posting`` reads the file (if any) as plain JSON, builds the top of the form and the edit
session, which need neither pydantic nor the model (nor PySide's ``Qt`` namespace, see form.py),
and shows the posting: ``ready`` follows the form's first paint, and from then on the form takes
typing, every edit kept and undoable. The rest loads after it, one step per turn of the event
loop, so that a keystroke never waits for more than a step:

1. the window's keys, the rest of the form (a group a step);
2. the model, the checks, CLDR's data and the renderers, imported on a worker thread, which
   also checks the draft once: a hundred milliseconds and more of Python that cannot be cut
   into steps. The GUI thread only takes events meanwhile: a step of its own would wait for
   the interpreter's lock at every call into Qt;
3. the check shown (the draft taken in its model form unless the user has typed already), the
   CLDR choices (countries, currencies), the modules of the other panes, the panes, the action
   objects (``app.complete``), and the first posting as ``Editor.begin`` has it (work left by
   a crash, presets, the file, the start page, the preview), a step each;
4. the first posting advice, which runs on its own worker (``AdviceRunner``): last, since a
   worker busy with Python slows every step of the GUI thread (see 2).

``settled`` follows. Closing the window before then with typing to keep assembles it at once
(``finish_now``) to ask about it as ever. Work a crash left is offered back before the file
asked for, as ever: the file is then not read first, and not offered work stays on disk.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from jdeditor.files import DocumentError, read_draft
from jdeditor.ui.app import Editor, Panes, StandIns, complete, join, make_panes, review_first
from jdeditor.ui.autosave import default_autosave_path
from jdeditor.ui.form import Form
from jdeditor.ui.session import EditSession

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from jdeditor.draft import Check, Draft
    from jdeditor.library import PresetLibrary
    from jdeditor.ui.main_window import MainWindow

FALLBACK_MS = 250
"""Load the rest this long after the posting was put in the form, if the form has not painted
by then (a window that starts minimised never paints)."""
HEARTBEAT_MS = 5
"""How often ``report``'s probe asks the event loop for a turn while the rest loads."""
_PANE_MODULES = (
    ("jdeditor.ui.problems", "jdeditor.ui.preview", "jdeditor.ui.autosave"),
    ("jdeditor.ui.advice",),
    ("jdeditor.ui.documents", "jdeditor.ui.recovery", "jdeditor.ui.export_actions"),
    ("jdeditor.ui.preset_panel", "jdeditor.ui.start_page", "jdeditor.ui.preset_actions"),
    ("jdeditor.ui.find_bar", "jdeditor.ui.shortcuts"),
)
"""The other panes' modules, imported on the GUI thread a few at a time (they define Qt
classes); the model they import is loaded by then."""


def load_core(draft: Draft, language: str) -> Check:
    """On a worker thread: import what the rest of the window needs and check ``draft``.

    Pure Python, no Qt: the model and the checks, the library, CLDR's data for ``language``
    (the user's: country names), the outline and the preview's HTML renderer, each used once
    so that its first use on the GUI thread finds it warm. The GUI thread uses none of them
    until this has returned.
    """
    from babel import Locale  # noqa: PLC0415
    from babel.numbers import list_currencies  # noqa: PLC0415

    from jdeditor.draft import best_effort, check  # noqa: PLC0415
    from jdeditor.export.html import render_html  # noqa: PLC0415
    from jdeditor.outline import build_outline  # noqa: PLC0415

    for name in ("jdeditor.library", "jdeditor.user_dictionary"):  # for the GUI thread
        importlib.import_module(name)
    Locale.parse(language).territories  # noqa: B018 - loads the locale's data
    list_currencies()
    result = check(draft)
    render_html(build_outline(best_effort(draft)))
    return result


def _autosave_left() -> bool:
    """Whether a session that did not close left work to offer back (checked, not read)."""
    path = default_autosave_path()
    return path.exists() or path.is_symlink()


class _PaintWatch(QObject):
    """Calls back once, after the watched widget's first paint has finished."""

    def __init__(self, watched: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(watched)
        self._callback: Callable[[], object] | None = callback
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, callback)
        return False


class Startup(QObject):
    """Shows the first posting in the form, then loads the rest of the window in steps."""

    ready = Signal()
    """The form has painted with the posting and takes typing; the rest is still to load."""
    settled = Signal()
    """Everything has loaded: the panes, the actions, the check, the preview, the advice."""
    _coreLoaded = Signal()

    def __init__(
        self,
        window: MainWindow,
        settings: QSettings,
        path: Path | None = None,
        *,
        start_page: bool = False,
        library: PresetLibrary | None = None,
    ) -> None:
        super().__init__(window)
        self._window, self._settings, self._path = window, settings, path
        self._start_page, self._library = start_page, library
        self.editor: Editor | None = None
        """The assembled window, once the steps have got that far."""
        self._file_shown = False
        """The file asked for is in the session already (read before the model)."""
        self._steps: list[tuple[str, Callable[[], bool]]] = []
        self._started = False
        self._stopped = False
        self._running = False
        self._pool: ThreadPoolExecutor | None = None
        self._core: Future[Check] | None = None
        self._advised = False
        self._leftover = False
        """Work a crash left that has not been offered back yet."""
        self._panes: Panes | None = None
        self._core_draft: Draft = {}
        """The draft the worker checks."""
        self._load_after_ready = True
        self._coreLoaded.connect(self._run_next)
        # What report() tells: each step's time on the GUI thread, the longest wait for a turn.
        self._times: list[tuple[str, float]] = []
        self._ready_at = 0.0
        self._settled_at = 0.0
        self._core_time = 0.0
        self._worst_wait = 0.0
        self._beat: QTimer | None = None
        self._probe = False
        self._beat_at = 0.0

    # -- the posting first -------------------------------------------------------------------------
    def show_posting(self, *, load_rest: bool = True) -> None:
        """Put the first posting in a form and show it; then (``load_rest``) load the rest.

        Without ``load_rest`` (a benchmark of the first steps) the window stays as shown.
        """
        window = self._window
        draft: Draft | None = None
        self._leftover = _autosave_left()
        if self._path is not None and not self._leftover:
            try:
                draft = read_draft(self._path)
            except DocumentError:
                draft = None  # Editor.begin opens it again, and says why it cannot
        self.form = form = Form(deferred=True)
        self.session = session = EditSession(window, checking=False)
        self._stand_ins = StandIns(window.loading, QWidget(), QWidget(), QWidget())
        stand_ins = self._stand_ins
        window.add_panes(
            stand_ins.presets, form, stand_ins.problems, stand_ins.advice, stand_ins.preview
        )
        join(window, form, session)
        if draft is not None and self._path is not None:
            session.load(draft, self._path)
            self._file_shown = True
        window.set_close_guard(self._may_close, self._closed)
        content = form.widget()
        assert content is not None  # the form's fields
        _PaintWatch(content, self._painted)
        if load_rest:
            QTimer.singleShot(FALLBACK_MS, self._load_rest)
        self._load_after_ready = load_rest

    @Slot()
    def _painted(self) -> None:
        self._ready_at = time.perf_counter()
        self.ready.emit()
        if self._load_after_ready:
            self._load_rest()

    # -- the rest, in steps ------------------------------------------------------------------------
    def _load_rest(self) -> None:
        if self._started or self._stopped:
            return
        self._started = True
        if not self._ready_at:
            self._ready_at = time.perf_counter()
        groups = [("form group", self._build_group)] * self.form.groups_left
        imports = [("import " + ", ".join(names), _importer(names)) for names in _PANE_MODULES]
        self._steps = [
            # PySide's Qt namespace (see form.py), then what the lists are made of: the costly
            # firsts, a step each, before the form's groups.
            ("Qt namespace", _done(lambda: QtCore.Qt)),
            ("keys", _done(self._window.bind_keys)),
            ("import jdeditor.ui.list_editor", _importer(("jdeditor.ui.list_editor",))),
            *groups,
            ("core (worker)", self._await_core),  # after the groups: see the note at the top
            ("check", self._check),
            ("CLDR choices", self._complete_choices),
            *imports,
            ("panes", self._make_panes),
            ("actions", self._complete),  # and the steps of Editor.begin after it
            ("advice (worker)", self._await_advice),
        ]
        if self._probe:  # a benchmark is listening: time the turns of the event loop too
            self._beat = QTimer(self)
            self._beat.setInterval(HEARTBEAT_MS)
            self._beat.timeout.connect(self._heartbeat)
            self._beat_at = time.perf_counter()
            self._beat.start()
        QTimer.singleShot(0, self._run_next)

    @Slot()
    def _run_next(self) -> None:
        """Run the next step; a step that waits (False) is run again when called back."""
        if self._running or self._stopped:
            return
        while self._steps:
            name, step = self._steps[0]
            self._running = True
            started = time.perf_counter()
            try:
                done = step()
            finally:
                self._running = False
            self._times.append((name, time.perf_counter() - started))
            if not done:
                return  # waits for a worker, which calls back
            self._steps.pop(0)
            if self._steps:
                QTimer.singleShot(0, self._run_next)  # a turn of the event loop between steps
                return
        self._finished()

    @property
    def finished(self) -> bool:
        """Everything has loaded: ``settled`` has been emitted."""
        return bool(self._settled_at)

    def finish_now(self, *, assembled: bool = False) -> Editor:
        """Run the steps left now, waiting for the model's worker (not the advice's); the
        assembled window. ``assembled``: stop once it is assembled, before ``Editor.begin``'s
        steps (their questions, the start page, would be out of place when closing)."""
        if not self._started:
            self._load_rest()
        while self._steps and not (assembled and self.editor is not None):
            name, step = self._steps[0]
            if name == "core (worker)":
                if self._core is None:
                    self._load_core()
                assert self._core is not None
                self._core.exception()  # waits; an error shows where the model is used
            if name != "advice (worker)":
                step()  # may add steps after itself
            self._steps.pop(0)
        if not self._steps:
            self._finished()
        assert self.editor is not None  # the steps assembled it
        return self.editor

    def _finished(self) -> None:
        if self._settled_at:
            return
        self._settled_at = time.perf_counter()
        if self._beat is not None:
            self._beat.stop()
        self.settled.emit()

    # -- the steps ---------------------------------------------------------------------------------
    def _build_group(self) -> bool:
        self.form.build_step()
        return True

    def _await_core(self) -> bool:
        if self._core is None:
            self._load_core()
        assert self._core is not None
        return self._core.done()

    def _load_core(self) -> None:
        from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

        from jdeditor import i18n  # noqa: PLC0415

        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jdeditor-start")
        started = time.perf_counter()
        self._core_draft = self.session.draft
        self._core = self._pool.submit(load_core, self._core_draft, i18n.ui_language())

        def loaded(_future: Future[Check]) -> None:  # on the worker thread
            self._core_time = time.perf_counter() - started
            if not self._stopped:
                # Queued to the GUI thread; the window may be gone since the check above.
                with contextlib.suppress(RuntimeError):
                    self._coreLoaded.emit()

        self._core.add_done_callback(loaded)
        self._pool.shutdown(wait=False)  # the thread ends with its one job

    def _check(self) -> bool:
        assert self._core is not None
        error = self._core.exception()
        if error is not None:  # the GUI thread loads the model itself, and raises there
            logging.getLogger(__name__).error(
                "loading the model failed", exc_info=(type(error), error, error.__traceback__)
            )
            self.session.start_checking()
        else:
            self.session.start_checking((self._core_draft, self._core.result()))
        return True

    def _complete_choices(self) -> bool:
        self.form.complete_choices()
        return True

    def _make_panes(self) -> bool:
        self._panes = make_panes(self._window, self.form, self._stand_ins)
        return True

    def _complete(self) -> bool:
        self.editor = editor = complete(
            self._window,
            self._settings,
            self.form,
            self.session,
            library=self._library,
            panes=self._panes,
            review_now=False,  # its worker would slow every step left: it is the last one
        )
        editor.advice_runner.reviewed.connect(self._advice_reviewed)
        # Until work left by a crash has been offered back, closing must not clear it.
        self._window.set_close_guard(self._may_close, self._closed)
        session = self.session
        if not session.undo_stack.isClean() and not self._leftover:
            # Typed before the autosave existed: it is kept from now on like any edit.
            editor.recovery.autosave.schedule(session.draft, session.file_path, session.origin)
        offer, *rest = editor.begin_steps(
            self._path, start_page=self._start_page, loaded=self._file_shown
        )

        def offered() -> None:
            offer()
            self._leftover = False
            self._window.set_close_guard(editor.documents.maybe_save, editor.recovery.closed)

        names = ("recovered work", "presets", "first posting", "preview", "advice")
        steps = [offered, *rest, lambda: review_first(editor)]
        self._steps[1:1] = [(name, _done(step)) for name, step in zip(names, steps, strict=True)]
        return True

    def _advice_reviewed(self) -> None:
        if not self._advised:
            self._advised = True
            self._run_next()

    def _await_advice(self) -> bool:
        return self._advised

    # -- before the window is whole ----------------------------------------------------------------
    def _may_close(self) -> bool:
        """Closing before the rest has loaded: typing already done is asked about as ever."""
        if self.editor is None:
            if self.session.undo_stack.isClean():
                return True
            self.finish_now(assembled=True)
        assert self.editor is not None  # assembled above, or before
        return self.editor.documents.maybe_save()

    def _closed(self) -> None:
        """The window closed before the rest had loaded: nothing more loads. What the user
        saved or discarded is not autosaved any more; work a crash left, not yet offered
        back, stays for the next start."""
        self._stopped = True
        self._steps = []
        if self.editor is not None and not self._leftover:
            self.editor.recovery.closed()

    # -- what the start cost -----------------------------------------------------------------------
    @Slot()
    def _heartbeat(self) -> None:
        now = time.perf_counter()
        self._worst_wait = max(self._worst_wait, now - self._beat_at - HEARTBEAT_MS / 1000)
        self._beat_at = now

    def probe(self) -> None:
        """Time the turns of the event loop too while the rest loads, for ``report``."""
        self._probe = True

    def report(self) -> str:
        """How the window spent the time from ``ready`` to ``settled``, for benchmarks."""
        busy = sum(seconds for _, seconds in self._times)
        name, longest = max(self._times, key=lambda item: item[1], default=("", 0.0))
        return (
            f"settled {1000 * (self._settled_at - self._ready_at):.0f} ms after ready; "
            f"GUI thread busy {1000 * busy:.0f} ms in {len(self._times)} steps, longest "
            f"{1000 * longest:.0f} ms ({name}); longest wait for a turn of the event loop "
            f"{1000 * self._worst_wait:.0f} ms; core loaded on a worker in "
            f"{1000 * self._core_time:.0f} ms"
        )


def _importer(names: tuple[str, ...]) -> Callable[[], bool]:
    def load() -> bool:
        for name in names:
            importlib.import_module(name)
        return True

    return load


def _done(step: Callable[[], object]) -> Callable[[], bool]:
    def run() -> bool:
        step()
        return True

    return run
