"""The window's action objects, each built from only what it uses: no MainWindow here."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from jdeditor.checks import FieldPath, problems
from jdeditor.draft import draft_of
from jdeditor.library import PresetLibrary
from jdeditor.ui.autosave import Autosave
from jdeditor.ui.dialogs import SaveChoice, WarningChoice
from jdeditor.ui.documents import FOLDER_KEY, DocumentActions
from jdeditor.ui.export_actions import ExportActions
from jdeditor.ui.recovery import Recovery
from jdeditor.ui.session import EditSession
from tests.conftest import REPO
from tests.ui.conftest import ScriptedDialogs


class Status:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, message: str, timeout: int = 0) -> None:
        self.messages.append(message)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def session(parent: QWidget) -> EditSession:
    return EditSession(parent)


@pytest.fixture
def documents(
    session: EditSession, parent: QWidget, settings: QSettings, scripted: ScriptedDialogs
) -> DocumentActions:
    return DocumentActions(session, parent, settings, Status(), QMenu(parent))


def test_open_save_and_recent_files(
    documents: DocumentActions, session: EditSession, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    source = tmp_path / "a.jd.json"
    source.write_text(json.dumps({"title": "A", "responsibilities": ["Calls"]}), "utf-8")
    assert documents.open_path(source)
    assert session.file_path == source and session.draft["title"] == "A"
    session.set_value(("title",), "A2", "type")
    assert documents.save()
    assert json.loads(source.read_text("utf-8"))["title"] == "A2"
    assert documents.recent() == [str(source)]


def test_every_file_dialog_starts_in_the_last_folder(
    documents: DocumentActions,
    session: EditSession,
    scripted: ScriptedDialogs,
    settings: QSettings,
    tmp_path: Path,
) -> None:
    """Exported to one folder, the first Save As opens there, not in the home folder."""
    (tmp_path / "exports").mkdir()
    settings.setValue(FOLDER_KEY, str(tmp_path / "exports"))
    session.set_value(("title",), "Night", "type")
    scripted.answer("ask_save_path", None)
    documents.save_as()
    ((_title, suggested, _filter),) = scripted.called("ask_save_path")
    assert suggested == tmp_path / "exports" / "Night.jd.json"


def test_unsaved_work_is_asked_about_before_it_is_replaced(
    documents: DocumentActions, session: EditSession, scripted: ScriptedDialogs
) -> None:
    session.set_value(("title",), "Unsaved", "type")
    scripted.answer("ask_save_changes", SaveChoice.CANCEL)
    assert not documents.start_from({"title": "Other", "responsibilities": ["x"]}, "Other")
    assert session.draft["title"] == "Unsaved"


def test_export_asks_about_the_reviews_warnings_and_can_show_the_first(
    session: EditSession,
    parent: QWidget,
    settings: QSettings,
    scripted: ScriptedDialogs,
    library: PresetLibrary,
) -> None:
    shown: list[FieldPath] = []
    exports = ExportActions(session, shown.append, parent, settings, Status())
    session.load(draft_of(library.get("Operations").document), None, "Operations")
    scripted.answer("ask_export_with_warnings", WarningChoice.SHOW)
    exports.export_word()
    ((warnings,),) = scripted.called("ask_export_with_warnings")
    # The same list as `jdeditor validate`: warnings only, never the advice.
    assert warnings == [w.message for w in problems(library.get("Operations").document)]
    assert any("placeholder" in warning for warning in warnings)
    assert shown == [session.last_check.problems[0].path]
    assert scripted.called("ask_save_path") == []


def test_show_in_folder_without_a_file_manager_says_where_the_file_is(
    session: EditSession,
    parent: QWidget,
    settings: QSettings,
    scripted: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    exports = ExportActions(session, lambda path: None, parent, settings, Status())
    exports.last_export = tmp_path / "agent.docx"
    scripted.answer("open_with_system", False)
    exports.open_last_export(folder=True)
    ((title, text),) = scripted.called("show_error")
    assert title == "Cannot open" and str(tmp_path / "agent.docx") in text


def test_recovery_without_a_window(
    session: EditSession, parent: QWidget, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    autosave = Autosave(tmp_path / "autosave.json")
    autosave.schedule({"title": "Lost", "responsibilities": ["x"]}, None, "")
    autosave.write_now()
    recovery = Recovery(session, autosave, parent, Status())
    scripted.answer("ask_yes_no", True)
    assert recovery.offer()
    assert session.draft["title"] == "Lost" and not session.undo_stack.isClean()
    session.undo_stack.setClean()
    assert not autosave.path.exists()  # saved work leaves nothing to recover


def _module_imports(path: Path) -> set[str]:
    """The jdeditor modules a module imports when it loads (not inside functions or
    TYPE_CHECKING blocks)."""
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("jdeditor"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("jdeditor"))
    return found


def test_no_import_cycle() -> None:
    root = REPO / "jdeditor"
    modules = {
        ".".join(("jdeditor", *path.relative_to(root).with_suffix("").parts)).removesuffix(
            ".__init__"
        ): path
        for path in root.rglob("*.py")
    }
    graph = {
        name: {dep for dep in _module_imports(path) if dep in modules and dep != name}
        for name, path in modules.items()
    }
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for dep in graph[name]:
            if state.get(dep) == 1:
                pytest.fail("import cycle: " + " → ".join([*trail, name, dep]))
            if dep not in state:
                visit(dep, [*trail, name])
        state[name] = 2

    for name in graph:
        if name not in state:
            visit(name, [])
