"""Start the window: check for a display and its libraries, create the application, show, load.

The one place that assembles the window: the shell paints with Qt alone; then the form and the
edit session are joined (``join``), which needs no model, and the panes and the action objects
are built and connected to them (``complete``), each handed only what it uses. ``assemble``
does both at once (tests, scripts); ``run`` paces them (``startup.Startup``): the posting shows
in the form first, the model and the rest load after it. python-docx loads on the first export.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import platformdirs

from jdeditor import __version__
from jdeditor.ui._platform import xcb_libraries_problem

if TYPE_CHECKING:  # loaded after the first paint, in assemble()
    from jdeditor.checks import Finding
    from jdeditor.draft import Check
    from jdeditor.library import PresetLibrary
    from jdeditor.ui.advice import AdvicePanel, AdviceRunner
    from jdeditor.ui.documents import DocumentActions
    from jdeditor.ui.export_actions import ExportActions
    from jdeditor.ui.form import Form
    from jdeditor.ui.preset_actions import PresetActions
    from jdeditor.ui.preset_panel import PresetPanel
    from jdeditor.ui.preview import Preview
    from jdeditor.ui.problems import ProblemList
    from jdeditor.ui.recovery import Recovery
    from jdeditor.ui.session import EditSession

try:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from jdeditor.ui.main_window import MainWindow
    from jdeditor.ui.translation import chosen_language, install_translators
except ImportError:
    # Qt's own libraries link to system ones (libEGL, libfontconfig, libglib, …): on a minimal
    # system they fail to load right here, before run() can check. Name what to install
    # rather than show a traceback; an import error with every library present is re-raised.
    _problem = xcb_libraries_problem()
    if _problem is None:
        raise
    print(_problem, file=sys.stderr)
    raise SystemExit(2) from None

NO_DISPLAY = (
    "jdeditor: no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
    "The command line works without one: see 'jdeditor --help'."
)


def has_display() -> bool:
    """False on a Linux/BSD machine without X11 or Wayland, where Qt would abort."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True  # the user chose a platform (offscreen, vnc, …): trust it
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True  # Windows and macOS always have their native platform


def settings_path() -> Path:
    return platformdirs.user_config_path("jdeditor", appauthor=False) / "jdeditor.ini"


class FirstPaint(QObject):
    """Calls back once, right after the watched widget's first paint."""

    def __init__(self, callback: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._callback: Callable[[], object] | None = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)  # after this paint has finished
        return False


@dataclass(frozen=True, slots=True)
class Editor:
    """The parts of an assembled window, for whoever needs to reach one (tests, benchmarks,
    the screenshot script). No part holds this: each was handed only what it uses."""

    session: EditSession
    form: Form
    preview: Preview
    presets: PresetPanel
    problems: ProblemList
    advice: AdvicePanel
    advice_runner: AdviceRunner
    documents: DocumentActions
    exports: ExportActions
    preset_actions: PresetActions
    recovery: Recovery

    def begin(
        self, path: Path | None = None, *, start_page: bool = False, loaded: bool = False
    ) -> None:
        """The first posting: recovered work if the user wants it, then ``path`` if given.

        With ``start_page`` (the application's own start), nothing recovered and no ``path``,
        the start page offers presets, recent files and a blank posting; tests, benchmarks and
        scripts leave it out and start on the blank posting. ``loaded``: ``path`` is in the
        session already (the start read it before the model loaded, and there was nothing to
        recover): it counts as opened, and is not read again.
        """
        for step in self.begin_steps(path, start_page=start_page, loaded=loaded):
            step()

    def begin_steps(
        self, path: Path | None = None, *, start_page: bool = False, loaded: bool = False
    ) -> list[Callable[[], object]]:
        """``begin`` as steps to run in turn (the start runs one per turn of the event loop)."""
        recovered = False

        def offer_recovered() -> None:
            nonlocal recovered
            recovered = self.recovery.offer()

        def first_posting() -> None:
            # Recovered work is unsaved work: the file asked for replaces it only after the
            # user saves or discards it.
            if path is not None and loaded and not recovered:
                self.documents.adopt(path)
            elif path is not None and self.documents.maybe_save():
                self.documents.open_path(path)
            elif path is None and start_page and not recovered:
                self.preset_actions.offer_start()

        return [
            offer_recovered,
            self.preset_actions.refresh,
            first_posting,
            self.preview.render_now,
        ]


def assemble(
    window: MainWindow, settings: QSettings, library: PresetLibrary | None = None
) -> Editor:
    """Build the form, the panes and the action objects and connect them to the window's shell.

    Called once the window has painted: everything imported here (pydantic, babel, the form's
    forty editors) would otherwise delay the first paint.
    """
    from jdeditor.ui.form import Form  # noqa: PLC0415
    from jdeditor.ui.session import EditSession  # noqa: PLC0415

    window.bind_keys()
    form = Form()
    session = EditSession(window)
    join(window, form, session)
    return complete(window, settings, form, session, library=library)


def join(window: MainWindow, form: Form, session: EditSession) -> None:
    """The form edits the session and shows its draft; Undo, Redo and the title follow it.

    Needs neither the model nor the other panes: the start calls it before they load.
    """

    def title() -> None:
        window.show_document(session.display_name(), modified=not session.undo_stack.isClean())

    session.field_name = form.field_name
    form.fieldEdited.connect(session.set_value)
    session.draftChanged.connect(lambda path: form.show_draft(session.draft, path))
    session.fileChanged.connect(title)
    session.cleanChanged.connect(title)
    window.connect_undo_stack(session.undo_stack)
    form.show_draft(session.draft)
    title()


class StandIns(NamedTuple):  # not a dataclass: made before the first paint, at a cost
    """What the window shows in place of the other panes until ``make_panes`` builds them."""

    presets: QWidget
    problems: QWidget
    advice: QWidget
    preview: QWidget


class Panes(NamedTuple):
    """The panes besides the form."""

    presets: PresetPanel
    problems: ProblemList
    advice: AdvicePanel
    preview: Preview


def make_panes(window: MainWindow, form: Form, stand_ins: StandIns | None = None) -> Panes:
    """The panes besides the form, in the window: each in its stand-in's place if given."""
    from jdeditor.ui.advice import AdvicePanel  # noqa: PLC0415
    from jdeditor.ui.preset_panel import PresetPanel  # noqa: PLC0415
    from jdeditor.ui.preview import Preview  # noqa: PLC0415
    from jdeditor.ui.problems import ProblemList  # noqa: PLC0415

    panes = Panes(PresetPanel(), ProblemList(), AdvicePanel(), Preview())
    if stand_ins is None:
        window.add_panes(panes.presets, form, panes.problems, panes.advice, panes.preview)
        return panes
    # The presets last: Tab goes from the form to the problems, as when added at once.
    for stand_in, pane in (
        (stand_ins.problems, panes.problems),
        (stand_ins.advice, panes.advice),
        (stand_ins.preview, panes.preview),
        (stand_ins.presets, panes.presets),
    ):
        window.replace_pane(stand_in, pane)
    return panes


def complete(
    window: MainWindow,
    settings: QSettings,
    form: Form,
    session: EditSession,
    *,
    library: PresetLibrary | None = None,
    panes: Panes | None = None,
    review_now: bool = True,
) -> Editor:
    """The action objects (and the panes, unless given) around a joined form and session,
    all connected; the first posting advice starts at once unless not ``review_now`` (then
    ``review_first`` starts it)."""
    from jdeditor.library import PresetLibrary  # noqa: PLC0415
    from jdeditor.ui.advice import AdviceRunner  # noqa: PLC0415
    from jdeditor.ui.autosave import Autosave  # noqa: PLC0415
    from jdeditor.ui.documents import DocumentActions  # noqa: PLC0415
    from jdeditor.ui.export_actions import ExportActions  # noqa: PLC0415
    from jdeditor.ui.preset_actions import PresetActions  # noqa: PLC0415
    from jdeditor.ui.recovery import Recovery  # noqa: PLC0415

    panes = panes or make_panes(window, form)
    library = library or PresetLibrary()
    status = window.show_status
    runner = AdviceRunner(_user_words(status), parent=window)
    documents = DocumentActions(session, window, settings, status, window.recent_menu)
    exports = ExportActions(session, form.focus_field, window, settings, status)
    presets = PresetActions(
        library=library,
        panel=panes.presets,
        documents=documents,
        session=session,
        focus_field=form.focus_field,
        parent=window,
        status=status,
    )
    recovery = Recovery(session, Autosave(parent=window), window, status)
    editor = Editor(
        session,
        form,
        panes.preview,
        panes.presets,
        panes.problems,
        panes.advice,
        runner,
        documents,
        exports,
        presets,
        recovery,
    )
    _connect(window, editor)
    if review_now:
        review_first(editor)
    return editor


def review_first(editor: Editor) -> None:
    """Start the first posting advice now, on the advice's worker thread."""
    from jdeditor.draft import best_effort  # noqa: PLC0415

    session = editor.session
    editor.advice_runner.schedule(
        session.last_check.document or best_effort(session.draft), now=True
    )


def _connect(window: MainWindow, editor: Editor) -> None:
    """The window's shared actions to what they do, and the session to what shows it."""
    session, documents, exports, presets = (
        editor.session,
        editor.documents,
        editor.exports,
        editor.preset_actions,
    )
    for action, slot in (
        (window.new_action, documents.new_blank),
        (window.open_action, documents.open_file),
        (window.import_action, documents.import_file),
        (window.save_action, documents.save),
        (window.save_as_action, documents.save_as),
        (window.revert_action, documents.revert),
        (window.export_action, exports.export_word),
        (window.export_as_action, exports.export_as),
        (window.print_action, exports.print_posting),
        (window.template_action, exports.choose_template),
        (window.clear_template_action, exports.clear_template),
        (window.save_preset_action, presets.save_as_preset),
        (window.import_preset_action, presets.import_file),
        (window.export_preset_action, presets.export_file),
    ):
        action.triggered.connect(slot)
        action.setEnabled(True)
    editor.problems.problemChosen.connect(editor.form.focus_field)

    def checked(result: Check) -> None:
        editor.form.show_problems(result.problems)
        window.show_summary(editor.problems.show_check(result))

    # After the form's (join): the form shows an edit before the preview starts its pause.
    session.draftChanged.connect(lambda _path: editor.preview.show_draft(session.draft))
    session.checked.connect(checked)
    exports.exported.connect(lambda _path: window.show_export_buttons())
    window.open_export_button.clicked.connect(lambda: exports.open_last_export(folder=False))
    window.show_export_button.clicked.connect(lambda: exports.open_last_export(folder=True))
    window.set_close_guard(documents.maybe_save, editor.recovery.closed)
    checked(session.last_check)
    editor.preview.show_draft(session.draft)
    _connect_presets(window, editor)
    _connect_keyboard(window, editor)
    _connect_form(window, editor)
    _connect_advice(window, editor)


def open_editor(
    window: MainWindow,
    settings: QSettings,
    library: PresetLibrary | None = None,
    path: Path | None = None,
    *,
    start_page: bool = False,
) -> Editor:
    """Assemble the shown window and load its first posting (what ``run`` does after paint)."""
    editor = assemble(window, settings, library)
    editor.begin(path, start_page=start_page)
    return editor


def run(path: Path | None = None, *, exit_after: str = "", language: str | None = None) -> int:
    """Open the window (with ``path`` if given) and run until it closes.

    ``language`` ('en', 'zh_CN'; ``--lang``) wins over the one chosen in View ▸ Language,
    which wins over the system's. For start-up benchmarks, ``exit_after="paint"`` quits as
    soon as the window has painted; ``"ready"`` once the form shows the posting and takes
    typing (``Startup.ready``), before the rest loads; ``"settled"`` once everything has
    loaded, printing how long the window was busy after it was ready (``Startup.report``).
    """
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    # Before QApplication: a missing X11 library makes Qt abort the process with a message
    # that names the wrong package; this names every missing one and exits like NO_DISPLAY.
    problem = xcb_libraries_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("jdeditor")
    app.setApplicationDisplayName("jdeditor")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("jdeditor")
    settings = QSettings(str(settings_path()), QSettings.Format.IniFormat)
    # Before the first widget: a widget translates its text once, when it is made.
    speak(app, chosen_language(settings, language))
    window = MainWindow(settings)

    def after_paint() -> None:
        if exit_after == "paint":
            app.quit()
            return
        from jdeditor.ui.startup import Startup  # noqa: PLC0415 - after the first paint

        # A benchmark that quits when ready must not wait on the start page's question.
        startup = Startup(window, settings, path, start_page=not exit_after)
        if exit_after == "ready":
            startup.ready.connect(app.quit)
        elif exit_after == "settled":

            def report() -> None:
                print(startup.report(), flush=True)
                app.quit()

            startup.settled.connect(report)
            startup.probe()
        startup.show_posting(load_rest=exit_after != "ready")

    window.installEventFilter(FirstPaint(after_paint, window))
    window.show()
    return app.exec()


def speak(app: QApplication, language: str) -> None:
    """Install the catalogues of ``language``; without them (a build that did not compile
    them), say so and stay in English rather than not start."""
    try:
        install_translators(app, language)
    except FileNotFoundError as error:
        print(f"jdeditor: {error}", file=sys.stderr)
        install_translators(app, "en")


def _user_words(status: Callable[[str, int], None]) -> frozenset[str]:
    from jdeditor.files import DocumentError  # noqa: PLC0415
    from jdeditor.user_dictionary import read_words  # noqa: PLC0415

    try:
        return read_words()
    except DocumentError as error:  # the check runs without them; the file is left alone
        status("\n".join(error.lines()), 0)
        return frozenset()


def _connect_advice(window: MainWindow, editor: Editor) -> None:
    """Advice follows every check after a pause; choosing one goes to its words; Apply edits."""
    from jdeditor.draft import best_effort  # noqa: PLC0415
    from jdeditor.files import DocumentError  # noqa: PLC0415
    from jdeditor.ui.advice import apply_finding, import_findings, markable  # noqa: PLC0415
    from jdeditor.user_dictionary import add_word  # noqa: PLC0415

    session, panel, runner, form = editor.session, editor.advice, editor.advice_runner, editor.form

    def schedule(result: Check) -> None:
        runner.schedule(result.document or best_effort(session.draft))

    def reviewed(findings: list[Finding]) -> None:
        window.show_summary(panel.show_advice(findings), "advice")
        form.show_advice(markable(findings, session.draft, runner.reviewed_document))

    def chosen(finding: Finding) -> None:
        fits = markable([finding], session.draft, runner.reviewed_document)
        form.select_text(finding.path, finding.span if fits else None)

    def apply(finding: Finding) -> None:
        if not apply_finding(session, finding):
            window.show_status(
                QCoreApplication.translate(
                    "Advice", "That advice no longer matches the text; it is being refreshed"
                ),
                5000,
            )
            schedule(session.last_check)

    def add(word: str) -> None:
        try:
            runner.set_words(add_word(word))
        except DocumentError as error:
            window.show_status("\n".join(error.lines()), 0)
        else:
            window.show_status(
                QCoreApplication.translate("Advice", "Added “{word}” to your dictionary").format(
                    word=word
                ),
                5000,
            )

    def loaded(path: tuple[str | int, ...]) -> None:
        if not path:  # another posting: the last import's guesses are not about it
            panel.pin([])

    session.draftChanged.connect(loaded)
    editor.documents.imported.connect(lambda result: panel.pin(import_findings(result)))
    session.checked.connect(schedule)
    runner.reviewed.connect(reviewed)
    panel.findingChosen.connect(chosen)
    panel.applyRequested.connect(apply)
    panel.addWordRequested.connect(add)


def _connect_presets(window: MainWindow, editor: Editor) -> None:
    """The Presets menu gets the preset list's actions, acting on the panel's selection."""
    editor.preset_actions.fill_menu(window.preset_menu)


def _connect_keyboard(window: MainWindow, editor: Editor) -> None:
    """Find searches the open draft and goes to the form's field; its count follows edits."""
    window.connect_find(lambda: editor.session.draft, editor.form.focus_field)
    editor.session.draftChanged.connect(window.refresh_find)


def _connect_form(window: MainWindow, editor: Editor) -> None:
    """Which errors the form and the problem list show, and the preview's word on bad pay.

    A blank posting shows errors field by field as the user edits, and all of them once the
    user tries to save or export; a posting opened or started from a preset shows all at once.
    """
    from jdeditor.ui.problems import ErrorDisclosure  # noqa: PLC0415

    session, form, problems = editor.session, editor.form, editor.problems
    disclosure = ErrorDisclosure()
    form.set_disclosure(disclosure)
    problems.set_disclosure(disclosure)

    def show_problems() -> None:
        form.show_problems(session.last_check.problems)
        problems.show_check(session.last_check)

    def loaded(path: tuple[str | int, ...]) -> None:
        # A whole posting, not an edit. No need to show anything here: the session's
        # ``checked`` follows every load, and _connect() shows it through the disclosure.
        if not path:
            disclosure.restart(hide_untouched=session.file_path is None and not session.origin)

    def reveal_all() -> None:
        if disclosure.reveal_all():
            show_problems()

    # Before the handlers _connect() gave these actions (Qt calls slots in the order they were
    # connected): a handler's "fix these first, each is marked on its field" must find the
    # fields marked. A handler connected elsewhere still gets the errors shown, after it.
    for action, handler in (
        (window.save_action, editor.documents.save),
        (window.save_as_action, editor.documents.save_as),
        (window.export_action, editor.exports.export_word),
        (window.export_as_action, editor.exports.export_as),
        (window.print_action, editor.exports.print_posting),
        (window.save_preset_action, editor.preset_actions.save_as_preset),
    ):
        was_connected = action.triggered.disconnect(handler)
        action.triggered.connect(reveal_all)
        if was_connected:
            action.triggered.connect(handler)
    session.draftChanged.connect(loaded)
    session.checked.connect(lambda result: editor.preview.show_problems(result.problems))
    editor.preview.show_problems(session.last_check.problems)
    loaded(())
    show_problems()  # the posting already loaded, through the disclosure just set
