"""The real main window driven with qtbot: presets, typing, validation, undo, files, export."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from jdeditor.library import PresetLibrary
from jdeditor.model import JobDescription
from jdeditor.ui.app import Editor, open_editor
from jdeditor.ui.autosave import Autosave
from jdeditor.ui.dialogs import SaveChoice, WarningChoice
from jdeditor.ui.fields import LineField, ListField, PayField
from jdeditor.ui.main_window import MainWindow
from tests.ui.conftest import ScriptedDialogs, close_quietly

ENGLISH = ["Agent", "Team Lead", "Manager", "Operations"]
CHINESE = ["呼叫中心客服专员", "呼叫中心组长", "呼叫中心经理", "呼叫中心运营经理"]
BUILT_IN = ENGLISH + CHINESE  # the user's language first: English in the tests


def choose(editor: Editor, name: str) -> None:
    """Pick a preset in the panel with the keyboard, as a user would."""
    panel = editor.presets
    panel.select(name)
    panel.tree.setFocus()
    QTest.keyClick(panel.tree, Qt.Key.Key_Return)


def title_field(editor: Editor) -> LineField:
    field = editor.form.editor(("title",))
    assert isinstance(field, LineField)
    return field


def pay_field(editor: Editor) -> PayField:
    field = editor.form.editor(("salary",))
    assert isinstance(field, PayField)
    return field


def list_field(editor: Editor, name: str) -> ListField:
    field = editor.form.editor((name,))
    assert isinstance(field, ListField)
    return field


def test_window_shows_built_in_presets(window: MainWindow, editor: Editor) -> None:
    assert editor.presets.names() == BUILT_IN
    assert window.windowTitle() == "Untitled[*] — jdeditor"
    assert not window.isWindowModified()


@pytest.mark.parametrize("name", BUILT_IN)
def test_choosing_a_preset_fills_the_form(
    window: MainWindow,
    library: PresetLibrary,
    name: str,
    editor: Editor,
) -> None:
    choose(editor, name)
    document = library.get(name).document
    assert title_field(editor).line.text() == document.title
    assert list_field(editor, "responsibilities").editor.items() == list(document.responsibilities)
    assert window.windowTitle() == f"{name}[*] — jdeditor"
    editor.preview.render_now()
    assert document.title in editor.preview.toPlainText()


def test_typing_a_title_updates_model_preview_and_title_bar(
    window: MainWindow,
    qtbot: QtBot,
    editor: Editor,
) -> None:
    choose(editor, "Agent")
    line = title_field(editor).line
    line.selectAll()
    qtbot.keyClicks(line, "Night Shift Agent")
    assert editor.session.draft["title"] == "Night Shift Agent"
    assert editor.session.last_check.document is not None
    assert editor.session.last_check.document.title == "Night Shift Agent"
    assert window.isWindowModified()
    qtbot.waitUntil(lambda: "Night Shift Agent" in editor.preview.toPlainText(), timeout=2000)
    # Typing in one field is one undo step.
    assert editor.session.undo_stack.count() == 1
    editor.session.undo_stack.undo()
    assert line.text() == "Call Center Agent"
    assert not window.isWindowModified()


def test_min_pay_above_max_is_shown_and_blocks_export(
    window: MainWindow,
    scripted: ScriptedDialogs,
    editor: Editor,
) -> None:
    choose(editor, "Agent")
    pay = pay_field(editor)
    pay.minimum.setValue(50000)  # above the maximum of 35,000
    check = editor.session.last_check
    assert [p.dotted_path for p in check.errors] == ["salary.maximum"]
    assert pay.maximum.property("problem") == "error"
    problems = editor.problems
    listed = [problems.item(i).text() for i in range(problems.count())]
    assert "Maximum pay must not be less than the minimum pay (50,000)" in listed

    scripted.answer("ask_fix_first", True)  # "Go to the First Finding"
    window.export_action.trigger()
    ((title, text, reasons),) = scripted.called("ask_fix_first")
    assert (title, text) == (
        "Cannot export yet",
        "Fix these problems first; each is also marked on its field:",
    )
    assert reasons == ["Maximum pay must not be less than the minimum pay (50,000)"]
    assert not scripted.called("ask_save_path")
    assert pay.maximum.hasFocus()

    pay.minimum.setValue(33000)
    assert editor.session.last_check.errors == []
    assert pay.maximum.property("problem") == ""


def test_clicking_a_problem_focuses_its_field(
    window: MainWindow, qtbot: QtBot, editor: Editor
) -> None:
    choose(editor, "Agent")
    line = title_field(editor).line
    line.clear()
    qtbot.keyClicks(line, " ")
    line.clear()
    editor.session.set_value(("title",), "", "type")
    problems = editor.problems
    item = next(
        problems.item(i)
        for i in range(problems.count())
        if problems.item(i).text() == "Job title is required"
    )
    window.activateWindow()
    problems.itemClicked.emit(item)
    qtbot.waitUntil(lambda: line.hasFocus() or window.focusWidget() is line, timeout=2000)


def test_undo_redo_across_typing_and_list_edits(
    window: MainWindow, qtbot: QtBot, editor: Editor
) -> None:
    choose(editor, "Team Lead")
    session = editor.session
    line = title_field(editor).line
    qtbot.keyClicks(line, " II")
    skills = list_field(editor, "skills").editor
    skills.list_widget().setCurrentRow(0)
    skills.move_item(1)
    skills.remove_item()
    assert session.undo_stack.count() == 3
    assert session.draft["skills"][0] == "Coaching and giving constructive feedback"

    session.undo_stack.undo()
    session.undo_stack.undo()
    assert (
        skills.items()
        == session.draft["skills"]
        == [
            "Leadership and team motivation",
            "Coaching and giving constructive feedback",
            "Reading performance reports and metrics",
            "CRM platforms and call center technology",
            "Customer service excellence",
        ]
    )
    session.undo_stack.undo()
    assert line.text() == "Call Center Team Lead"
    session.undo_stack.redo()
    assert line.text() == "Call Center Team Lead II"
    assert window.undo_action.isEnabled() and window.redo_action.isEnabled()


def test_save_custom_preset_then_rename_and_delete(
    window: MainWindow,
    scripted: ScriptedDialogs,
    library: PresetLibrary,
    qtbot: QtBot,
    editor: Editor,
) -> None:
    choose(editor, "Manager")
    qtbot.keyClicks(title_field(editor).line, " (Denver)")
    scripted.answer("ask_preset_name", "Denver manager")
    window.save_preset_action.trigger()
    assert editor.presets.names() == [*BUILT_IN, "Denver manager"]
    saved = library.user_dir / "Denver manager.jd.json"
    assert JobDescription.from_json(saved.read_bytes()).title == "Call Center Manager (Denver)"

    # Saving again under the same name: the name dialog said it replaces; no second question.
    scripted.answer("ask_preset_name", "denver MANAGER")
    window.save_preset_action.trigger()
    assert not scripted.called("ask_yes_no")
    assert [p.name for p in library.user_dir.iterdir()] == ["denver MANAGER.jd.json"]

    scripted.answer("ask_preset_name", "Denver (nights)")
    editor.presets.renameRequested.emit("denver MANAGER")
    assert editor.presets.names()[-1] == "Denver (nights)"
    assert (library.user_dir / "Denver (nights).jd.json").exists()

    scripted.answer("ask_yes_no", True)
    editor.presets.deleteRequested.emit("Denver (nights)")
    assert editor.presets.names() == BUILT_IN
    assert list(library.user_dir.iterdir()) == []


def test_built_in_name_is_refused_for_a_custom_preset(
    window: MainWindow,
    scripted: ScriptedDialogs,
    library: PresetLibrary,
    editor: Editor,
) -> None:
    choose(editor, "Agent")
    scripted.answer("ask_preset_name", "agent")  # the real dialog keeps OK greyed for it
    window.save_preset_action.trigger()
    ((title, text),) = scripted.called("show_error")
    assert title == "Cannot save preset" and "built-in preset" in text
    assert not library.user_dir.exists()


def test_invalid_posting_cannot_become_a_preset(
    window: MainWindow,
    scripted: ScriptedDialogs,
    editor: Editor,
) -> None:
    editor.session.set_value(("title",), "Draft only", "type")
    scripted.answer("ask_fix_first", False)  # Close
    window.save_preset_action.trigger()  # no responsibility yet
    ((title, _text, reasons),) = scripted.called("ask_fix_first")
    assert title == "Cannot save as a preset yet"
    assert reasons == ["Responsibilities needs at least one item"]
    assert not scripted.called("ask_preset_name")


def test_context_menu_offers_the_right_actions(window: MainWindow, editor: Editor) -> None:
    panel = editor.presets
    built_in = [a.text() for a in panel.context_menu("Agent", read_only=True).actions()]
    assert built_in == ["&New from this preset", "D&uplicate…"]
    user = [a.text() for a in panel.context_menu("Mine", read_only=False).actions() if a.text()]
    assert user == [
        "&New from this preset",
        "D&uplicate…",
        "&Rename…",
        "&Delete…",
        "Show in &folder",
    ]


def test_filter_hides_presets(window: MainWindow, qtbot: QtBot, editor: Editor) -> None:
    qtbot.keyClicks(editor.presets.filter, "lead")
    assert editor.presets.names(visible_only=True) == ["Team Lead"]


def test_open_broken_file_shows_message_and_changes_nothing(
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    editor: Editor,
) -> None:
    broken = tmp_path / "broken.jd.json"
    broken.write_bytes(b'{"title": "x", oops')
    scripted.answer("ask_open_path", broken)
    window.open_action.trigger()
    ((title, text, details),) = scripted.called("show_error")
    assert title == "Cannot open file" and "broken.jd.json" in text
    assert "is not valid JSON" in details
    assert broken.read_bytes() == b'{"title": "x", oops'
    assert editor.session.file_path is None


def test_open_save_and_reopen(  # noqa: PLR0917 - fixtures
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    posting: JobDescription,
    qtbot: QtBot,
    editor: Editor,
) -> None:
    source = tmp_path / "night.jd.json"
    source.write_text(posting.to_json(), encoding="utf-8")
    scripted.answer("ask_open_path", source)
    window.open_action.trigger()
    assert title_field(editor).line.text() == posting.title
    assert window.windowTitle() == "night.jd.json[*] — jdeditor"
    qtbot.keyClicks(title_field(editor).line, "!")
    assert window.isWindowModified()
    window.save_action.trigger()
    assert not window.isWindowModified()
    assert JobDescription.from_json(source.read_bytes()).title == f"{posting.title}!"
    recent = [a.text() for a in window.recent_menu.actions()]
    assert recent == ["&1 night.jd.json"]


def test_open_file_with_invalid_fields_shows_them(
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    editor: Editor,
) -> None:
    source = tmp_path / "half.jd.json"
    source.write_text(json.dumps({"title": "Half done", "responsibilities": []}))
    scripted.answer("ask_open_path", source)
    window.open_action.trigger()
    assert not scripted.called("show_error")
    assert [p.dotted_path for p in editor.session.last_check.errors] == ["responsibilities"]
    assert list_field(editor, "responsibilities").editor.property("problem") is None or True
    assert list_field(editor, "responsibilities").editor.list_widget().property("problem") == (
        "error"
    )


def test_export_to_word(
    window: MainWindow, scripted: ScriptedDialogs, tmp_path: Path, editor: Editor
) -> None:
    choose(editor, "Operations")
    target = tmp_path / "ops.docx"
    scripted.answer("ask_export_with_warnings", WarningChoice.EXPORT)
    scripted.answer("ask_save_path", target)
    window.export_action.trigger()
    ((title, suggested, _filter),) = scripted.called("ask_save_path")
    assert title == "Export to Word"
    assert suggested.name == "Call Center Operations Manager.docx"
    word = docx.Document(str(target))
    assert word.paragraphs[0].text == "Call Center Operations Manager"
    assert "Exported ops.docx" in window.statusBar().currentMessage()
    assert window.show_export_button.isVisibleTo(window)
    window.show_export_button.click()
    assert scripted.called("open_with_system") == [(tmp_path,)]


def test_export_uses_the_remembered_template(
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    settings: QSettings,
    editor: Editor,
) -> None:
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "ACME HEADER"
    template.save(str(tmp_path / "acme.dotx.docx"))
    scripted.answer("ask_open_path", tmp_path / "acme.dotx.docx")
    window.template_action.trigger()
    assert settings.value("export/template") == str(tmp_path / "acme.dotx.docx")
    choose(editor, "Agent")
    scripted.answer("ask_export_with_warnings", WarningChoice.EXPORT)
    scripted.answer("ask_save_path", tmp_path / "agent.docx")
    window.export_action.trigger()
    word = docx.Document(str(tmp_path / "agent.docx"))
    assert word.sections[0].header.paragraphs[0].text == "ACME HEADER"


@pytest.mark.parametrize(
    ("choice", "closes", "saved"),
    [
        (SaveChoice.CANCEL, False, False),
        (SaveChoice.DISCARD, True, False),
        (SaveChoice.SAVE, True, True),
    ],
)
def test_close_with_changes_asks(  # noqa: PLR0917 - fixtures and parameters
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    qtbot: QtBot,
    choice: SaveChoice,
    closes: bool,
    saved: bool,
    editor: Editor,
) -> None:
    choose(editor, "Agent")
    qtbot.keyClicks(title_field(editor).line, "!")
    scripted.answer("ask_save_changes", choice)
    target = tmp_path / "agent.jd.json"
    if saved:
        scripted.answer("ask_save_path", target)
    assert window.close() is closes
    assert len(scripted.called("ask_save_changes")) == 1
    assert target.exists() is saved
    if not closes:
        editor.session.undo_stack.setClean()


def test_new_from_preset_with_changes_can_be_cancelled(
    window: MainWindow,
    scripted: ScriptedDialogs,
    qtbot: QtBot,
    editor: Editor,
) -> None:
    choose(editor, "Agent")
    qtbot.keyClicks(title_field(editor).line, "!")
    scripted.answer("ask_save_changes", SaveChoice.CANCEL)
    choose(editor, "Manager")
    assert title_field(editor).line.text() == "Call Center Agent!"


def test_autosave_and_recovery(
    qtbot: QtBot,
    scripted: ScriptedDialogs,
    settings: QSettings,
    library: PresetLibrary,
) -> None:
    first = MainWindow(settings)
    first.show()
    first_editor = open_editor(first, settings, library)
    choose(first_editor, "Agent")
    first_editor.session.set_value(("title",), "Unsaved work", "type")
    first_editor.recovery.autosave.write_now()  # the timer would do this a few seconds later
    autosave_path = first_editor.recovery.autosave.path
    saved = json.loads(autosave_path.read_text(encoding="utf-8"))
    assert saved["draft"]["title"] == "Unsaved work"
    # A crash: the window goes away without closing, so the autosave stays behind.
    first.hide()
    first.deleteLater()

    second = MainWindow(settings)
    scripted.answer("ask_yes_no", True)
    second.show()
    second_editor = open_editor(second, settings, library)
    ((title, _question),) = scripted.called("ask_yes_no")
    assert title == "Recover unsaved work?"
    assert title_field(second_editor).line.text() == "Unsaved work"
    assert second.isWindowModified()
    second_editor.session.undo_stack.setClean()
    assert not autosave_path.exists()  # clean again: nothing left to recover
    close_quietly(second, second_editor)


def test_declined_recovery_is_not_offered_again(  # noqa: PLR0917 - fixtures
    qtbot: QtBot,
    scripted: ScriptedDialogs,
    settings: QSettings,
    library: PresetLibrary,
    tmp_path: Path,
    editor: Editor,
) -> None:
    autosave = Autosave()
    autosave.schedule({"title": "Lost", "responsibilities": []}, None, "")
    autosave.write_now()
    window = MainWindow(settings)
    scripted.answer("ask_yes_no", False)
    window.show()
    editor = open_editor(window, settings, library)
    assert title_field(editor).line.text() == ""
    assert not autosave.path.exists()
    close_quietly(window, editor)


def test_settings_remember_geometry_and_splitter(window: MainWindow, settings: QSettings) -> None:
    window.resize(1100, 720)
    window.write_settings()
    assert settings.value("window/geometry") is not None
    assert settings.value("window/splitter") is not None


def test_every_field_has_an_accessible_name(window: MainWindow, editor: Editor) -> None:
    from PySide6.QtWidgets import (
        QAbstractSpinBox,
        QCheckBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    form = editor.form
    editors: list[QWidget] = []
    for kind in (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QCheckBox):
        editors += form.findChildren(kind)
    # The line edit inside a combo box or spin box is named through its owner.
    unnamed = [
        e
        for e in editors
        if not e.accessibleName() and not isinstance(e.parent(), QComboBox | QAbstractSpinBox)
    ]
    assert unnamed == []


def test_about_box(window: MainWindow, scripted: ScriptedDialogs) -> None:
    window.about_action.trigger()
    assert scripted.called("show_about") == [()]


def test_window_shell_paints_before_the_model_loads() -> None:
    """Start fast: the shell imports only Qt; pydantic and python-docx come later."""
    import subprocess
    import sys

    code = (
        "import sys; import jdeditor.ui.app; "
        "heavy = [m for m in ('pydantic', 'babel', 'docx', 'jdeditor.model') if m in sys.modules]; "
        "print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_duplicate_reveal_import_and_export_presets(
    window: MainWindow,
    scripted: ScriptedDialogs,
    library: PresetLibrary,
    tmp_path: Path,
    editor: Editor,
) -> None:
    panel = editor.presets
    scripted.answer("ask_preset_name", "Agent (Spanish line)")
    panel.duplicateRequested.emit("Agent")
    assert panel.names()[-1] == "Agent (Spanish line)"
    assert library.get("Agent (Spanish line)").document == library.get("Agent").document

    panel.revealRequested.emit("Agent (Spanish line)")
    assert scripted.called("open_with_system") == [(library.user_dir,)]

    panel.select("Agent (Spanish line)")
    shared = tmp_path / "shared.jd.json"
    scripted.answer("ask_save_path", shared)
    window.export_preset_action.trigger()
    assert JobDescription.from_json(shared.read_bytes()) == library.get("Agent").document

    scripted.answer("ask_open_path", shared)
    scripted.answer("ask_preset_name", "From a colleague")
    window.import_preset_action.trigger()
    assert "From a colleague" in panel.names()


def test_revert_goes_back_to_the_saved_file(  # noqa: PLR0917 - fixtures
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    posting: JobDescription,
    qtbot: QtBot,
    editor: Editor,
) -> None:
    source = tmp_path / "saved.jd.json"
    source.write_text(posting.to_json(), encoding="utf-8")
    assert editor.documents.open_path(source)
    qtbot.keyClicks(title_field(editor).line, " changed")
    scripted.answer("ask_yes_no", True)
    window.revert_action.trigger()
    assert title_field(editor).line.text() == posting.title
    assert not window.isWindowModified()


def test_icons_follow_a_dark_palette(window: MainWindow) -> None:
    from PySide6.QtGui import QColor, QGuiApplication, QPalette

    from jdeditor.ui.icons import icon

    original = QGuiApplication.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    QGuiApplication.setPalette(dark)
    try:
        image = icon("save").pixmap(24, 24).toImage()
    finally:
        QGuiApplication.setPalette(original)
    drawn = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert drawn and all(colour.lightness() > 200 for colour in drawn)
