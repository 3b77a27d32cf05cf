"""The paced start (``startup.Startup``): the posting in the form first, the rest after it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from jdeditor.draft import draft_of
from jdeditor.library import PresetLibrary
from jdeditor.ui.app import Editor
from jdeditor.ui.autosave import Autosave
from jdeditor.ui.dialogs import SaveChoice
from jdeditor.ui.fields import ChoiceField, LineField, ListField, PayField
from jdeditor.ui.form import Form
from jdeditor.ui.main_window import MainWindow
from jdeditor.ui.session import EditSession
from jdeditor.ui.start_page import StartChoice, StartKind
from jdeditor.ui.startup import Startup
from tests.ui.conftest import ScriptedDialogs, close_quietly

Start = Callable[..., Startup]


@pytest.fixture
def start(
    qtbot: QtBot, scripted: ScriptedDialogs, settings: QSettings, library: PresetLibrary
) -> Iterator[Start]:
    """Start a window as ``run`` does; returns once the form is ready, the rest still loading.

    At the end, lets the rest load (a start left half-way would finish in a later test's
    event loop) and closes the window without questions.
    """
    started: list[tuple[MainWindow, Startup]] = []

    def start_window(path: Path | None = None, *, start_page: bool = False) -> Startup:
        window = MainWindow(settings)
        window.show()
        startup = Startup(window, settings, path, start_page=start_page, library=library)
        started.append((window, startup))
        with qtbot.waitSignal(startup.ready, timeout=5000):
            startup.show_posting()
        return startup

    yield start_window
    for window, startup in started:
        if window.isVisible() and not startup.finished:
            startup.finish_now()
        close_quietly(window, startup.editor)


def settle(qtbot: QtBot, startup: Startup) -> None:
    if not startup.finished:
        with qtbot.waitSignal(startup.settled, timeout=20000):
            pass


def title(startup: Startup) -> LineField:
    field = startup.form.editor(("title",))
    assert isinstance(field, LineField)
    return field


@pytest.fixture
def manager(library: PresetLibrary) -> Path:
    return library.built_in_dir / "Manager.jd.json"


def test_the_posting_shows_before_the_model_loads(
    qtbot: QtBot, start: Start, manager: Path, library: PresetLibrary
) -> None:
    startup = start(manager)
    window = startup.parent()
    assert isinstance(window, MainWindow)
    assert title(startup).line.text() == "Call Center Manager"
    assert not startup.session.checking  # nothing checked yet: the model loads after this
    assert startup.editor is None
    assert not window.save_action.isEnabled()
    settle(qtbot, startup)
    editor = startup.editor
    assert editor is not None
    assert startup.session.checking
    assert editor.session.last_check.document is not None
    assert editor.session.draft == draft_of(library.get("Manager").document)  # model form
    assert window.save_action.isEnabled()
    assert editor.presets.isVisibleTo(window)  # in the place of its stand-in
    assert not window.isWindowModified()
    assert editor.documents.recent() == [str(manager)]  # opened, as from the command line
    assert "settled" in startup.report()


def test_typing_right_after_the_start_is_kept_checked_and_undoable(
    qtbot: QtBot, start: Start, manager: Path
) -> None:
    startup = start(manager)
    line = title(startup).line
    qtbot.keyClicks(line, " II")
    assert startup.session.draft["title"] == "Call Center Manager II"
    settle(qtbot, startup)
    editor = startup.editor
    assert editor is not None
    document = editor.session.last_check.document
    assert document is not None and document.title == "Call Center Manager II"
    assert line.text() == "Call Center Manager II"  # not put back in the model's form
    window = startup.parent()
    assert isinstance(window, MainWindow) and window.isWindowModified()
    window.undo_action.trigger()
    assert line.text() == "Call Center Manager"
    assert editor.session.last_check.document is not None


def test_a_posting_filled_before_its_check_shows_its_problems_once_checked(
    qtbot: QtBot, start: Start, manager: Path, tmp_path: Path
) -> None:
    data = json.loads(manager.read_text(encoding="utf-8"))
    data["salary"]["maximum"] = 1000  # below the minimum
    broken = tmp_path / "broken.jd.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    startup = start(broken)
    pay = startup.form.editor(("salary",))
    assert isinstance(pay, PayField)
    assert pay.maximum.value() == 1000
    assert not pay.maximum.property("problem")  # not checked yet
    settle(qtbot, startup)
    editor = startup.editor
    assert editor is not None
    assert editor.session.last_check.errors
    assert pay.maximum.property("problem") == "error"
    listed = [editor.problems.item(row).text() for row in range(editor.problems.count())]
    assert any("maximum" in text.lower() for text in listed), listed


def test_closing_with_typing_before_the_rest_loads_asks_first(
    qtbot: QtBot, start: Start, manager: Path, scripted: ScriptedDialogs
) -> None:
    startup = start(manager)
    qtbot.keyClicks(title(startup).line, "!")
    window = startup.parent()
    assert isinstance(window, MainWindow)
    scripted.answer("ask_save_changes", SaveChoice.CANCEL)
    window.close()
    assert window.isVisible()
    assert len(scripted.called("ask_save_changes")) == 1
    assert startup.session.draft["title"] == "Call Center Manager!"


def test_work_left_by_a_crash_is_offered_before_the_file_opens(
    qtbot: QtBot, start: Start, manager: Path, scripted: ScriptedDialogs
) -> None:
    autosave = Autosave()
    autosave.schedule({"title": "Unsaved work", "responsibilities": ["Answer"]}, None, "")
    autosave.write_now()
    scripted.answer("ask_yes_no", False)
    startup = start(manager)
    assert title(startup).line.text() == ""  # the file waits for the question
    settle(qtbot, startup)
    ((question, _text),) = scripted.called("ask_yes_no")
    assert question == "Recover unsaved work?"
    assert title(startup).line.text() == "Call Center Manager"


def test_closing_before_work_left_by_a_crash_is_offered_keeps_it(
    start: Start, manager: Path, scripted: ScriptedDialogs
) -> None:
    autosave = Autosave()
    autosave.schedule({"title": "Unsaved work", "responsibilities": ["Answer"]}, None, "")
    autosave.write_now()
    startup = start(manager)
    window = startup.parent()
    assert isinstance(window, MainWindow)
    window.close()
    assert not window.isVisible()
    assert autosave.path.exists()  # offered at the next start
    assert not scripted.calls


def test_a_file_that_cannot_be_read_is_said_once_loaded(
    qtbot: QtBot, start: Start, tmp_path: Path, scripted: ScriptedDialogs
) -> None:
    broken = tmp_path / "broken.jd.json"
    broken.write_text("{not json", encoding="utf-8")
    startup = start(broken)
    assert title(startup).line.text() == ""
    settle(qtbot, startup)
    ((heading, _text, _details),) = scripted.called("show_error")
    assert heading == "Cannot open file"


def test_the_start_page_comes_once_the_presets_are_there(
    qtbot: QtBot, start: Start, scripted: ScriptedDialogs, library: PresetLibrary
) -> None:
    scripted.answer("ask_start", StartChoice(StartKind.PRESET, preset="Agent"))
    startup = start(start_page=True)
    settle(qtbot, startup)
    ((presets, _recent),) = scripted.called("ask_start")
    assert [p.name for p in presets] == [p.name for p in library.list_presets().presets]
    assert title(startup).line.text() == library.get("Agent").document.title


def test_typing_in_the_blank_form_before_the_model_is_kept(qtbot: QtBot, start: Start) -> None:
    startup = start()
    qtbot.keyClicks(title(startup).line, "Night agent")
    settle(qtbot, startup)
    session = startup.session
    assert session.draft["title"] == "Night agent"
    assert session.draft["language"] == "en"  # the blank posting's defaults, filled in
    assert [p.path for p in session.last_check.errors] == [("responsibilities",)]


def _panes_in_tab_order(panes: dict[str, QWidget]) -> list[str]:
    """The panes as Tab visits them, once round, starting from the form."""
    order: list[str] = []
    widget = panes["form"]
    for _ in range(5000):
        following = widget.nextInFocusChain()
        assert following is not None  # the chain is a ring
        widget = following
        name = next((n for n, pane in panes.items() if pane.isAncestorOf(widget)), "")
        if name and (not order or order[-1] != name):
            if name == "form" and order:
                break
            order.append(name)
    return order


def test_tab_goes_from_pane_to_pane_as_when_assembled_at_once(
    qtbot: QtBot, start: Start, manager: Path, editor: Editor
) -> None:
    startup = start(manager)
    settle(qtbot, startup)
    paced, whole = startup.editor, editor
    assert paced is not None
    orders = []
    for assembled in (paced, whole):
        panes = {
            "presets": assembled.presets,
            "form": assembled.form,
            "problems": assembled.problems,
            "advice": assembled.advice,
            "preview": assembled.preview,
        }
        orders.append(_panes_in_tab_order(panes))
    assert orders[0] == orders[1] == ["form", "problems", "advice", "preview", "presets"]


# -- the parts it paces ------------------------------------------------------------------------
def test_a_deferred_form_builds_the_rest_when_a_field_is_needed(
    qtbot: QtBot, library: PresetLibrary
) -> None:
    form = Form(deferred=True)
    qtbot.addWidget(form)
    draft = draft_of(library.get("Manager").document)
    form.show_draft(draft)
    assert not form.complete
    country = form.editor(("location", "country"))
    assert isinstance(country, ChoiceField)
    assert country.combo.currentText() == draft["location"]["country"]  # the code, for now
    assert form.editor(("salary",)).isVisibleTo(form)  # built on demand, with its value
    pay = form.editor(("salary",))
    assert isinstance(pay, PayField) and pay.minimum.value() == draft["salary"]["minimum"]
    assert form.complete
    assert country.combo.currentText() == "United States (US)"
    assert country.combo.count() > 200


def test_a_deferred_form_shows_problems_on_fields_built_later(qtbot: QtBot) -> None:
    from jdeditor.draft import check

    form = Form(deferred=True)
    qtbot.addWidget(form)
    draft: dict[str, object] = {"title": "Agent", "responsibilities": [], "salary": None}
    form.show_draft(draft)
    form.show_problems(check(draft).problems)
    while form.build_step():
        pass
    duties = form.editor(("responsibilities",))
    assert isinstance(duties, ListField)
    assert duties.editor.list_widget().property("problem") == "error"


def test_a_session_not_yet_checking_takes_edits_and_checks_them_later(
    qtbot: QtBot, library: PresetLibrary
) -> None:
    session = EditSession(checking=False)
    stored = json.loads(
        (library.built_in_dir / "Agent.jd.json").read_text(encoding="utf-8")
    )  # version 1, as saved
    session.load(stored, None, origin="Agent")
    changed: list[tuple[str | int, ...]] = []
    session.draftChanged.connect(changed.append)
    with qtbot.waitSignal(session.checked):
        session.start_checking()
    assert session.draft["schema_version"] == 2  # untouched: taken in its model form
    assert changed and () not in changed  # field by field: the form is not scrolled back

    edited = EditSession(checking=False)
    edited.load(stored, None)
    edited.set_value(("title",), "Agent ")
    edited.start_checking()
    assert edited.draft["title"] == "Agent "  # typed: left as it is
    assert edited.undo_stack.count() == 1


READY_CHECK = """
import sys
from pathlib import Path

import PySide6.QtCore
from jdeditor.ui import startup

HEAVY = ("pydantic", "babel", "lxml", "jdeditor.model", "jdeditor.checks", "jdeditor.library")


class Watched(startup.Startup):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ready.connect(self.tell)

    def tell(self):
        loaded = sorted(name for name in HEAVY if name in sys.modules)
        made = PySide6.QtCore.__dict__.get("Qt") is not None
        print(loaded, made, self.form.editor(("title",)).line.text())


startup.Startup = Watched
from jdeditor.ui.app import run
raise SystemExit(run(Path(sys.argv[1]), exit_after="ready"))
"""


def test_the_form_is_ready_before_the_model_and_the_qt_namespace_load(
    manager: Path, isolated_dirs: Path
) -> None:
    """What makes the start fast: the posting shows before pydantic, babel and the model
    load, and before PySide makes its ``Qt`` namespace (see form.py and main_window.py)."""
    shown = subprocess.run(
        [sys.executable, "-c", READY_CHECK, str(manager)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert shown.stdout.strip() == "[] False Call Center Manager", shown.stderr
