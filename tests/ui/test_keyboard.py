"""The keyboard in the real window: action keys win in fields, Edit, Find, F6, the shortcut list.

Keys are sent with QTest into the focused widget, which goes through Qt's own path: the field
is asked first (ShortcutOverride), then the window's shortcuts, then the key press.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from jdeditor.ui.app import Editor
from jdeditor.ui.dialogs import WarningChoice
from jdeditor.ui.find_bar import FindBar, find_matches
from jdeditor.ui.main_window import MainWindow
from jdeditor.ui.shortcuts import field_keeps
from tests.ui.conftest import ScriptedDialogs

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def find_bar(window: MainWindow) -> FindBar:
    """The window's find bar, built once the window was assembled."""
    assert window.find_bar is not None
    return window.find_bar


@pytest.fixture
def agent(window: MainWindow, editor: Editor, qtbot: QtBot) -> Iterator[Editor]:
    """The Agent preset in an active window: Qt gives window shortcuts only to that one."""
    editor.preset_actions.start_from_preset("Agent")
    window.activateWindow()
    qtbot.waitActive(window)
    yield editor
    # An undo stack clears itself, and signals, when the window is deleted; that happens in a
    # later test's event loop, where the autosave's slot would find its session half gone.
    editor.session.undo_stack.clear()


def field(editor: Editor, *path: str) -> Any:
    return editor.form.editor(tuple(path))


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    widget.setFocus()
    assert QApplication.focusWidget() is widget
    QTest.keyClick(widget, key, modifiers)


# -- action keys win over the field's defaults ------------------------------------------------
def test_ctrl_e_in_a_line_edit_exports(agent: Editor, scripted: ScriptedDialogs) -> None:
    scripted.answer("ask_export_with_warnings", WarningChoice.CANCEL)  # Agent has placeholders
    press(field(agent, "title").line, Qt.Key.Key_E)
    assert len(scripted.called("ask_export_with_warnings")) == 1


class _GreedyField(QLineEdit):
    """A field that claims every key, as Qt's line edit claims Ctrl+E on X11."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)


def test_a_field_that_claims_ctrl_e_still_exports(
    window: MainWindow, agent: Editor, scripted: ScriptedDialogs
) -> None:
    greedy = _GreedyField(find_bar(window))
    find_bar(window).addWidget(greedy)
    find_bar(window).show()
    scripted.answer("ask_export_with_warnings", WarningChoice.CANCEL)
    press(greedy, Qt.Key.Key_E)
    assert len(scripted.called("ask_export_with_warnings")) == 1


def test_field_keys_stay_with_the_field(window: MainWindow, agent: Editor) -> None:
    line = field(agent, "title").line
    for key, modifiers in (
        (Qt.Key.Key_C, CTRL),
        (Qt.Key.Key_V, CTRL),
        (Qt.Key.Key_X, CTRL),
        (Qt.Key.Key_A, CTRL),
        (Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_End, SHIFT),
        (Qt.Key.Key_Left, CTRL),
        (Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
    ):
        event = QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers)
        assert field_keeps(event), (key, modifiers)
    undo = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_Z, CTRL)
    assert not field_keeps(undo)
    # Typing and Home still work in the title.
    press(line, Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier)
    QTest.keyClicks(line, "Senior ")
    assert agent.session.draft["title"] == "Senior Call Center Agent"


def test_ctrl_z_in_a_pay_box_undoes_the_document(agent: Editor) -> None:
    minimum = field(agent, "salary").minimum
    minimum.setValue(33000)
    assert agent.session.draft["salary"]["minimum"] == 33000
    press(minimum, Qt.Key.Key_Z)
    assert agent.session.draft["salary"]["minimum"] == 32000
    assert minimum.value() == 32000
    press(minimum, Qt.Key.Key_Y)
    assert agent.session.draft["salary"]["minimum"] == 33000
    press(minimum, Qt.Key.Key_Z)
    press(minimum, Qt.Key.Key_Z, CTRL | SHIFT)
    assert agent.session.draft["salary"]["minimum"] == 33000


def test_undo_and_redo_keys_in_a_line_edit_and_a_text(agent: Editor) -> None:
    session = agent.session
    line = field(agent, "title").line
    line.setFocus()
    QTest.keyClick(line, Qt.Key.Key_End)
    QTest.keyClicks(line, " II")
    press(line, Qt.Key.Key_Z)
    assert session.draft["title"] == line.text() == "Call Center Agent"
    assert session.undo_stack.index() == 0  # the document's step, not a new edit
    press(line, Qt.Key.Key_Y)
    assert session.draft["title"] == line.text() == "Call Center Agent II"

    text: QPlainTextEdit = field(agent, "summary").text
    text.setFocus()
    QTest.keyClicks(text, "Hello. ")
    assert session.draft["summary"].startswith("Hello. ")
    press(text, Qt.Key.Key_Z)
    assert not session.draft["summary"].startswith("Hello. ")
    assert session.undo_stack.index() == 1
    assert text.toPlainText() == session.draft["summary"]
    press(text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert session.draft["summary"].startswith("Hello. ")


def test_undo_in_a_combo_box_line_edit(agent: Editor) -> None:
    combo = field(agent, "language").combo
    combo.setFocus()
    combo.lineEdit().selectAll()
    QTest.keyClicks(combo, "en-GB")
    assert agent.session.draft["language"] == "en-GB"
    press(combo, Qt.Key.Key_Z)
    assert agent.session.draft["language"] == "en-US"
    assert combo.currentText() == "en-US"


def test_undo_in_a_list_item_editor(qtbot: QtBot, agent: Editor) -> None:
    skills = field(agent, "skills").editor
    view = skills.list_widget()
    view.setCurrentRow(0)
    view.editItem(view.currentItem())
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    item_editor = focused()
    QTest.keyClick(item_editor, Qt.Key.Key_End)
    QTest.keyClicks(item_editor, "!")
    assert agent.session.draft["skills"][0].endswith("!")
    QTest.keyClick(item_editor, Qt.Key.Key_Z, CTRL)
    assert not agent.session.draft["skills"][0].endswith("!")
    qtbot.waitUntil(lambda: skills.items() == agent.session.draft["skills"])


def test_nothing_to_undo_leaves_the_field_alone(agent: Editor) -> None:
    line = field(agent, "title").line
    line.setFocus()
    QTest.keyClick(line, Qt.Key.Key_End)
    QTest.keyClicks(line, "!")
    agent.session.undo_stack.clear()  # the line edit still remembers the "!" it could undo
    press(line, Qt.Key.Key_Z)
    assert line.text() == agent.session.draft["title"] == "Call Center Agent!"


def test_redo_has_both_keys_and_the_menu_shows_the_first(window: MainWindow) -> None:
    keys = [k.toString() for k in window.redo_action.shortcuts()]
    assert "Ctrl+Y" in keys and "Ctrl+Shift+Z" in keys
    assert window.redo_action.shortcut().toString() == keys[0]
    assert f"({keys[0]})" in window.redo_action.toolTip()


def test_undo_names_the_step_and_the_toolbar_keeps_its_label(
    window: MainWindow, agent: Editor
) -> None:
    QTest.keyClicks(field(agent, "title").line, "x")
    assert window.undo_action.text().replace("&", "").startswith("Undo ")
    assert window.undo_action.text() != "&Undo"
    assert window.undo_action.iconText() == "Undo"
    assert window.redo_action.iconText() == "Redo"


# -- Edit menu -------------------------------------------------------------------------------
def test_edit_menu_lists_undo_redo_clipboard_and_find(window: MainWindow) -> None:
    edit = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Edit")
    assert isinstance(edit, QMenu)
    names = [a.text().replace("&", "") for a in edit.actions() if not a.isSeparator()]
    assert names[:2] == ["Undo", "Redo"]
    assert names[2:] == ["Cut", "Copy", "Paste", "Select All", "Find…"]


def test_edit_copy_and_paste_act_on_the_focused_field(window: MainWindow, agent: Editor) -> None:
    title = field(agent, "title").line
    title.setFocus()
    window.select_all_action.trigger()
    assert title.selectedText() == "Call Center Agent"
    window.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "Call Center Agent"

    department = field(agent, "department").line
    department.setFocus()
    department.selectAll()
    window.paste_action.trigger()
    assert agent.session.draft["department"] == "Call Center Agent"

    department.selectAll()
    window.cut_action.trigger()
    assert agent.session.draft["department"] == ""
    assert QGuiApplication.clipboard().text() == "Call Center Agent"


def test_edit_paste_into_a_pay_box(window: MainWindow, agent: Editor) -> None:
    QGuiApplication.clipboard().setText("40000")
    minimum = field(agent, "salary").minimum
    minimum.setFocus()
    minimum.selectAll()
    window.paste_action.trigger()
    assert agent.session.draft["salary"]["minimum"] == 40000


def test_edit_copy_in_the_preview(window: MainWindow, agent: Editor) -> None:
    agent.preview.render_now()
    agent.preview.setFocus()
    window.select_all_action.trigger()
    window.copy_action.trigger()
    assert "Call Center Agent" in QGuiApplication.clipboard().text()


# -- Find --------------------------------------------------------------------------------------
def test_find_matches_every_string_ignoring_case() -> None:
    draft = {"title": "Agent", "skills": ["Calm", "agent work"], "salary": {"note": "AGENT"}}
    found = [(m.path, m.start) for m in find_matches(draft, "agent")]
    assert found == [(("title",), 0), (("skills", 1), 0), (("salary", "note"), 0)]
    assert find_matches(draft, "") == []
    assert find_matches({"title": "a.b"}, ".")[0].start == 1  # a plain text, not a pattern


def test_ctrl_f_opens_the_bar_and_typing_goes_to_the_match(
    qtbot: QtBot, window: MainWindow, agent: Editor
) -> None:
    bar = find_bar(window)
    assert not bar.isVisible()
    press(field(agent, "title").line, Qt.Key.Key_F)
    assert bar.isVisible()
    assert bar.query.hasFocus()

    QTest.keyClicks(bar.query, "upsell")
    view = field(agent, "responsibilities").editor.list_widget()
    assert view.currentRow() == 4  # "Spot opportunities to upsell products …"
    assert bar.count.text() == "1 of 1"
    assert bar.query.hasFocus()  # the next keystroke stays in the bar

    QTest.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert QApplication.focusWidget() is view  # closing leaves the user on the match


def test_find_selects_the_text_and_steps_through_matches(window: MainWindow, agent: Editor) -> None:
    bar = find_bar(window)
    window.find_action.trigger()
    QTest.keyClicks(bar.query, "customer")
    total = len(find_matches(agent.session.draft, "customer"))
    assert total > 2
    assert bar.count.text() == f"1 of {total}"
    # In the posting's order: the department ("Customer Service"), then the summary.
    assert field(agent, "department").line.selectedText() == "Customer"

    QTest.keyClick(bar.query, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {total}"
    summary: QPlainTextEdit = field(agent, "summary").text
    assert summary.textCursor().selectedText() == "customer"
    QTest.keyClick(bar.query, Qt.Key.Key_Return, SHIFT)
    assert bar.count.text() == f"1 of {total}"
    QTest.keyClick(bar.query, Qt.Key.Key_Return, SHIFT)
    assert bar.count.text() == f"{total} of {total}"  # round from the first to the last

    bar.query.clear()
    QTest.keyClicks(bar.query, "Center Ag")
    title = field(agent, "title").line
    QTest.keyClick(bar.query, Qt.Key.Key_Escape)
    assert title.hasFocus()
    assert title.selectedText() == "Center Ag"


def test_find_says_no_match(window: MainWindow, agent: Editor) -> None:
    window.find_action.trigger()
    QTest.keyClicks(find_bar(window).query, "zebra")
    assert find_bar(window).count.text() == "No match"


def test_ctrl_z_in_the_find_box_is_the_find_box_own(window: MainWindow, agent: Editor) -> None:
    QTest.keyClicks(field(agent, "title").line, "x")
    window.find_action.trigger()
    QTest.keyClicks(find_bar(window).query, "ab")
    press(find_bar(window).query, Qt.Key.Key_Z)
    assert agent.session.draft["title"] == "Call Center Agentx"
    assert find_bar(window).query.text() == ""


# -- F6 ----------------------------------------------------------------------------------------
def test_f6_cycles_the_panes_and_shift_f6_goes_back(window: MainWindow, agent: Editor) -> None:
    panes = [agent.presets, agent.form, agent.problems, agent.advice, agent.preview]
    title = field(agent, "title").line
    title.setFocus()

    def pane() -> QWidget:
        focus = focused()
        return next(p for p in panes if p is focus or p.isAncestorOf(focus))

    seen = []
    for _ in range(5):
        QTest.keyClick(focused(), Qt.Key.Key_F6)
        seen.append(pane())
    assert seen == [agent.problems, agent.advice, agent.preview, agent.presets, agent.form]
    assert title.hasFocus()  # back in the form: the field it left
    QTest.keyClick(title, Qt.Key.Key_F6, SHIFT)
    assert pane() is agent.presets


# -- Help ▸ Keyboard Shortcuts -----------------------------------------------------------------
def test_shortcuts_help_lists_every_action_key(
    window: MainWindow, agent: Editor, scripted: ScriptedDialogs
) -> None:
    scripted.answer("show_shortcuts", None)
    window.shortcuts_action.trigger()
    ((rows,),) = scripted.called("show_shortcuts")
    native = QKeySequence.SequenceFormat.NativeText
    assert ("Export to Word", QKeySequence("Ctrl+E").toString(native)) in rows
    names = [name for name, _keys in rows]
    for expected in ("Undo", "Redo", "Find", "Next Pane", "Previous Pane", "Save"):
        assert expected in names
    assert any(name.startswith("List: add the next item") for name in names)
    assert any(name == "Find bar: close" for name in names)
    redo_keys = dict(rows)["Redo"]
    assert "Ctrl+Y" in redo_keys and "Ctrl+Shift+Z" in redo_keys


def test_a_new_action_adds_a_row(window: MainWindow, scripted: ScriptedDialogs) -> None:
    extra = window.addAction("Frobnicate")
    extra.setShortcut(QKeySequence("Ctrl+Alt+J"))
    scripted.answer("show_shortcuts", None)
    window.shortcuts_action.trigger()
    ((rows,),) = scripted.called("show_shortcuts")
    assert ("Frobnicate", "Ctrl+Alt+J") in rows
