"""The shared bullet-list editor, driven by keys and mouse through qtbot."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from jdeditor.checks import Finding, Severity
from jdeditor.ui.list_editor import ListEditor


@pytest.fixture
def editor(qtbot: QtBot) -> ListEditor:
    widget = ListEditor("Skills")
    qtbot.addWidget(widget)
    widget.resize(420, 300)
    widget.show()
    # In-place editors close when their window loses focus: make this one the active window.
    widget.activateWindow()
    qtbot.waitActive(widget)
    widget.set_items(["Typing", "CRM", "Patience"])
    return widget


def reports(editor: ListEditor) -> list[tuple[list[str], str]]:
    seen: list[tuple[list[str], str]] = []
    editor.itemsEdited.connect(lambda items, key: seen.append((list(items), key)))
    return seen


def open_editor(editor: ListEditor) -> QLineEdit:
    """The line edit the list opened for in-place editing (a child of its viewport)."""
    viewport = editor.list_widget().viewport()
    assert viewport is not None
    lines = [line for line in viewport.findChildren(QLineEdit) if line.isVisible()]
    assert len(lines) == 1, lines
    return lines[0]


def test_set_items_reports_nothing(editor: ListEditor) -> None:
    seen = reports(editor)
    editor.set_items(["A", "B"])
    assert editor.items() == ["A", "B"] and seen == []


def test_delete_key_removes_the_current_item(editor: ListEditor, qtbot: QtBot) -> None:
    seen = reports(editor)
    view = editor.list_widget()
    view.setCurrentRow(1)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert editor.items() == ["Typing", "Patience"]
    assert seen == [(["Typing", "Patience"], "")]


def test_alt_arrows_reorder(editor: ListEditor, qtbot: QtBot) -> None:
    seen = reports(editor)
    view = editor.list_widget()
    view.setCurrentRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert editor.items() == ["CRM", "Typing", "Patience"]
    assert view.currentRow() == 1
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.items() == ["CRM", "Typing", "Patience"]
    assert [items for items, _ in seen] == [
        ["CRM", "Typing", "Patience"],
        ["CRM", "Patience", "Typing"],
        ["CRM", "Typing", "Patience"],
    ]


def test_moving_past_the_ends_does_nothing(editor: ListEditor, qtbot: QtBot) -> None:
    seen = reports(editor)
    view = editor.list_widget()
    view.setCurrentRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.items() == ["Typing", "CRM", "Patience"] and seen == []


def test_typing_in_an_item_reports_each_keystroke_with_a_merge_key(
    editor: ListEditor, qtbot: QtBot
) -> None:
    seen = reports(editor)
    view = editor.list_widget()
    view.setCurrentRow(1)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # edit the current item
    line = open_editor(editor)
    line.selectAll()
    qtbot.keyClicks(line, "Salesforce")
    assert seen[-1] == (["Typing", "Salesforce", "Patience"], "edit:1")
    assert {key for _, key in seen} == {"edit:1"}


def test_enter_on_the_last_item_adds_the_next(editor: ListEditor, qtbot: QtBot) -> None:
    seen = reports(editor)
    view = editor.list_widget()
    view.setCurrentRow(2)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(open_editor(editor), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.count() == 4)
    qtbot.keyClicks(open_editor(editor), "Empathy")
    qtbot.keyClick(open_editor(editor), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Empathy" in editor.items())
    assert editor.items()[:4] == ["Typing", "CRM", "Patience", "Empathy"]
    assert seen[-1][0][:4] == ["Typing", "CRM", "Patience", "Empathy"]


def test_an_item_left_empty_is_dropped(editor: ListEditor, qtbot: QtBot) -> None:
    seen = reports(editor)
    editor.add_item()
    assert editor.list_widget().count() == 4
    qtbot.keyClick(open_editor(editor), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: editor.list_widget().count() == 3)
    assert editor.items() == ["Typing", "CRM", "Patience"]
    assert seen == []  # nothing changed, nothing reported


def test_buttons_follow_the_selection(editor: ListEditor) -> None:
    view = editor.list_widget()
    view.setCurrentRow(0)
    assert not editor._up.isEnabled() and editor._down.isEnabled()
    view.setCurrentRow(2)
    assert editor._up.isEnabled() and not editor._down.isEnabled()


def test_drag_and_drop_reorder_is_reported(editor: ListEditor, qtbot: QtBot) -> None:
    """A drop moves rows in the model; the editor reports the new order."""
    seen = reports(editor)
    model = editor.list_widget().model()
    assert model.moveRow(model.index(0, 0).parent(), 0, model.index(0, 0).parent(), 3)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[-1] == (["CRM", "Patience", "Typing"], "")


def test_rows_with_problem_icons_all_show_without_a_scroll_bar(
    editor: ListEditor, qtbot: QtBot
) -> None:
    """Icons make a row taller: the list grows with them instead of scrolling inside."""
    editor.set_items(["[Benefit, e.g. health insurance]", "[Benefit, e.g. time off]", "Training"])
    warning = Finding(
        "placeholders.left", Severity.WARNING, ("benefits", 0), "Benefits, item 1 has a placeholder"
    )
    editor.set_problems({0: [warning], 1: [replace(warning, path=("benefits", 1))]})
    view = editor.list_widget()
    viewport = view.viewport()
    assert viewport is not None
    last = view.item(2)
    qtbot.waitUntil(lambda: view.visualItemRect(last).bottom() < viewport.height())
    assert not view.verticalScrollBar().isVisible()


def test_a_new_row_is_tall_enough_for_its_editor(editor: ListEditor) -> None:
    editor.add_item()
    line = open_editor(editor)
    assert line.text() == "" and line.hasFocus()
    assert line.height() >= line.sizeHint().height()


def test_a_new_row_past_the_height_limit_scrolls_into_view(
    editor: ListEditor, qtbot: QtBot
) -> None:
    editor.set_items([f"Duty {n}" for n in range(40)])
    view = editor.list_widget()
    view.setCurrentRow(39)
    editor.add_item()
    line = open_editor(editor)
    viewport = view.viewport()
    assert viewport is not None
    qtbot.waitUntil(lambda: viewport.rect().contains(line.geometry()))
