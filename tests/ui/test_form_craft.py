"""The form as a hiring manager meets it: keys that reach the fields, errors that wait until the
user has had a chance, lists that show their rows, a pane that scrolls, and the preview telling
the truth about the pay. Real window, real key events."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QSplitter,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from jdeditor.ui import dialogs
from jdeditor.ui.app import Editor
from jdeditor.ui.fields import ChoiceField, FieldEditor, LineField, ListField, PayField
from jdeditor.ui.main_window import MainWindow
from tests.ui.conftest import ScriptedDialogs

ALT = Qt.KeyboardModifier.AltModifier
STATEMENT_WARNING = "Equal-opportunity statement still has a placeholder to replace"


# -- helpers ---------------------------------------------------------------------------------
def activate(window: MainWindow, qtbot: QtBot) -> None:
    """Mnemonics are window shortcuts: they work in the active window only."""
    window.activateWindow()
    qtbot.waitActive(window)


def press(
    window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key pressed where the user is: into the focused widget."""
    QTest.keyClick(QApplication.focusWidget() or window, key, modifier)


def line(editor: Editor, *path: str) -> QLineEdit:
    field = editor.form.editor(path)
    assert isinstance(field, LineField)
    return field.line


def list_view(editor: Editor, name: str) -> QListWidget:
    field = editor.form.editor((name,))
    assert isinstance(field, ListField)
    return field.editor.list_widget()


def marked(widget: QWidget) -> str:
    return str(widget.property("problem") or "")


def listed(editor: Editor) -> list[str]:
    problems = editor.problems
    return [problems.item(row).text() for row in range(problems.count())]


def open_row_editor(view: QListWidget) -> QLineEdit | None:
    """The line edit a list opened on a row, if one is open."""
    viewport = view.viewport()
    assert viewport is not None
    lines = [edit for edit in viewport.findChildren(QLineEdit) if edit.isVisible()]
    return lines[0] if len(lines) == 1 else None


def in_form_view(editor: Editor, widget: QWidget) -> bool:
    """Whether ``widget`` lies wholly inside the part of the form the user sees."""
    viewport = editor.form.viewport()
    assert viewport is not None
    area = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return viewport.rect().contains(area)


def mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


# -- 1. label mnemonics ---------------------------------------------------------------------------
def test_alt_letters_focus_title_level_department_and_duties(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    activate(window, qtbot)
    level = editor.form.editor(("level",))
    assert isinstance(level, ChoiceField)
    for key, target in (
        (Qt.Key.Key_T, line(editor, "title")),
        (Qt.Key.Key_L, level.combo),
        (Qt.Key.Key_D, line(editor, "department")),
        (Qt.Key.Key_S, list_view(editor, "responsibilities")),  # the group's own letter
    ):
        press(window, key, ALT)
        assert target.hasFocus(), (key, QApplication.focusWidget())


def test_no_two_labels_and_no_label_and_menu_share_a_letter(window: MainWindow) -> None:
    texts = [label.text() for label in window.findChildren(QLabel)]
    texts += [box.title() for box in window.findChildren(QGroupBox)]
    texts += [button.text() for button in window.findChildren(QAbstractButton)]
    texts += [action.text() for action in window.menuBar().actions()]
    letters = Counter(mnemonic(text) for text in texts if mnemonic(text))
    assert [letter for letter, count in letters.items() if count > 1] == []
    menus = {mnemonic(action.text()) for action in window.menuBar().actions()}
    assert {"Alt+F", "Alt+E", "Alt+P", "Alt+H"} <= menus


def test_every_label_with_a_letter_leads_to_a_field_that_takes_focus(editor: Editor) -> None:
    labels = [label for label in editor.form.findChildren(QLabel) if mnemonic(label.text())]
    assert len(labels) >= 17
    for label in labels:
        buddy = label.buddy()
        assert buddy is not None and buddy.focusPolicy() != Qt.FocusPolicy.NoFocus, label.text()


def test_a_letter_brings_a_field_below_into_view(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    activate(window, qtbot)
    editor.preset_actions.start_from_preset("Operations")  # every list filled
    benefits = list_view(editor, "benefits")
    assert not in_form_view(editor, benefits)
    press(window, Qt.Key.Key_B, ALT)  # at once: the form's layout has not settled yet
    assert benefits.hasFocus()
    qtbot.waitUntil(lambda: in_form_view(editor, benefits))
    qtbot.wait(100)  # and it stays there once the form has laid the new posting out
    assert in_form_view(editor, benefits)


def test_the_pay_letter_focuses_the_pay_without_ticking_it(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    activate(window, qtbot)
    pay = editor.form.editor(("salary",))
    assert isinstance(pay, PayField)
    press(window, Qt.Key.Key_A, ALT)
    assert pay.stated.hasFocus() and not pay.stated.isChecked()


# -- 2. errors wait for the user ----------------------------------------------------------------
def test_a_blank_posting_opens_without_errors_but_counts_them(
    window: MainWindow, editor: Editor
) -> None:
    assert marked(line(editor, "title")) == ""
    assert marked(list_view(editor, "responsibilities")) == ""
    assert "Job title is required" not in listed(editor)
    assert "Responsibilities needs at least one item" not in listed(editor)
    assert listed(editor) == []  # no pay stated is advice, in the advice panel
    assert window.problem_summary.text().startswith("2 problem(s) · 0 warning(s)")


def test_a_field_shows_its_errors_once_edited(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    activate(window, qtbot)
    press(window, Qt.Key.Key_T, ALT)
    title = line(editor, "title")
    qtbot.keyClicks(title, "A")
    press(window, Qt.Key.Key_Backspace)
    assert marked(title) == "error"
    assert "Job title is required" in listed(editor)
    assert "Responsibilities needs at least one item" not in listed(editor)


@pytest.mark.parametrize(
    ("action", "dialog", "answer"),
    [
        ("save_action", "ask_save_path", None),
        ("save_as_action", "ask_save_path", None),
        ("export_action", "ask_fix_first", False),
        ("save_preset_action", "ask_fix_first", False),
    ],
)
def test_trying_to_save_or_export_shows_every_error(  # noqa: PLR0917 - fixtures
    window: MainWindow,
    editor: Editor,
    scripted: ScriptedDialogs,
    action: str,
    dialog: str,
    answer: object,
) -> None:
    scripted.answer(dialog, answer)
    getattr(window, action).trigger()
    assert scripted.called(dialog)
    assert marked(line(editor, "title")) == "error"
    assert marked(list_view(editor, "responsibilities")) == "error"
    assert {"Job title is required", "Responsibilities needs at least one item"} <= set(
        listed(editor)
    )


def test_the_fields_are_marked_before_export_asks_to_fix_them(
    window: MainWindow, editor: Editor, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, bool]] = []

    def ask_fix_first(*_args: object) -> bool:
        seen.append((marked(line(editor, "title")), "Job title is required" in listed(editor)))
        return False

    monkeypatch.setattr(dialogs, "ask_fix_first", ask_fix_first)
    window.export_action.trigger()
    assert seen == [("error", True)]


def test_an_opened_file_shows_its_errors_at_once(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    path = tmp_path / "draft.jd.json"
    path.write_text(json.dumps({"title": "", "responsibilities": ["Answer calls"]}))
    scripted.answer("ask_open_path", path)
    window.open_action.trigger()
    assert marked(line(editor, "title")) == "error"
    assert "Job title is required" in listed(editor)


def test_a_preset_shows_errors_at_once_and_a_new_blank_hides_them_again(
    window: MainWindow, editor: Editor
) -> None:
    editor.preset_actions.start_from_preset("Agent")
    editor.session.set_value(("title",), "", "type")  # not typed in the form
    assert marked(line(editor, "title")) == "error"
    editor.session.undo_stack.setClean()
    window.new_action.trigger()
    assert marked(line(editor, "title")) == ""
    assert "Job title is required" not in listed(editor)


# -- 3. lists show their rows; a new row is there to type in ------------------------------------
@pytest.mark.parametrize("name", ["responsibilities", "skills", "kpis", "benefits"])
def test_short_lists_show_every_row_without_scrolling(
    window: MainWindow, editor: Editor, qtbot: QtBot, name: str
) -> None:
    editor.preset_actions.start_from_preset("Agent")
    view = list_view(editor, name)
    viewport = view.viewport()
    assert viewport is not None and view.count() >= 3
    last = view.item(view.count() - 1)
    qtbot.waitUntil(lambda: view.visualItemRect(last).bottom() < viewport.height())
    assert view.visualItemRect(view.item(0)).top() >= 0
    assert not view.verticalScrollBar().isVisible()


def test_enter_on_the_last_benefit_opens_a_new_row_to_type_in(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    editor.preset_actions.start_from_preset("Agent")
    activate(window, qtbot)
    view = list_view(editor, "benefits")
    press(window, Qt.Key.Key_B, ALT)
    press(window, Qt.Key.Key_End)
    press(window, Qt.Key.Key_Return)  # edit the last item
    press(window, Qt.Key.Key_Return)  # and add the next
    qtbot.waitUntil(lambda: view.count() == 4 and open_row_editor(view) is not None)
    row = open_row_editor(view)
    assert row is not None and row.hasFocus() and row.text() == ""
    assert row.height() >= row.sizeHint().height()
    qtbot.waitUntil(lambda: in_form_view(editor, row))
    qtbot.keyClicks(row, "Gym membership")
    press(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.session.draft["benefits"][-1] == "Gym membership")


def test_the_add_button_opens_a_new_row_to_type_in(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    editor.preset_actions.start_from_preset("Agent")
    activate(window, qtbot)
    view = list_view(editor, "kpis")
    field = editor.form.editor(("kpis",))
    add = next(
        button
        for button in field.findChildren(QToolButton)
        if button.accessibleName().startswith("Add an item")
    )
    editor.form.ensureWidgetVisible(add)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: open_row_editor(view) is not None)
    row = open_row_editor(view)
    assert row is not None and row.hasFocus()
    assert row.height() >= row.sizeHint().height()
    qtbot.waitUntil(lambda: in_form_view(editor, row))
    qtbot.keyClicks(row, "First-call resolution above 80%")
    press(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "First-call resolution above 80%" in editor.session.draft["kpis"])


# -- 4. and 5. a loaded posting shows from the top, its title from the start ------------------
def test_loading_another_preset_shows_the_form_from_the_top(editor: Editor) -> None:
    editor.preset_actions.start_from_preset("Agent")
    bar = editor.form.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    editor.preset_actions.start_from_preset("Manager")
    assert bar.value() == 0


def test_a_long_title_shows_its_start_when_opened(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    title = (
        "Senior Bilingual Customer Experience Specialist for Enterprise Accounts, "
        "Escalations and Night Shift"
    )
    path = tmp_path / "long.jd.json"
    path.write_text(json.dumps({"title": title, "responsibilities": ["Answer calls"]}))
    scripted.answer("ask_open_path", path)
    window.open_action.trigger()
    box = line(editor, "title")
    assert box.text() == title and not box.hasFocus()
    assert box.fontMetrics().horizontalAdvance(title) > box.width()  # it cannot show whole
    assert box.cursorPosition() == 0


# -- 6. the preview does not hide a wrong pay range ---------------------------------------------
def test_the_preview_says_when_the_maximum_pay_is_below_the_minimum(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    editor.preset_actions.start_from_preset("Agent")  # $32,000 – $35,000 per year
    activate(window, qtbot)
    pay = editor.form.editor(("salary",))
    assert isinstance(pay, PayField)
    press(window, Qt.Key.Key_A, ALT)  # "State the pay"
    press(window, Qt.Key.Key_Tab)  # the minimum, all selected
    assert pay.minimum.hasFocus()
    qtbot.keyClicks(pay.minimum, "50000")
    editor.preview.render_now()
    text = editor.preview.toPlainText()
    assert "Pay: the maximum is below the minimum — fix the range" in text
    assert "$50,000" not in text

    pay.minimum.selectAll()
    qtbot.keyClicks(pay.minimum, "30000")
    editor.preview.render_now()
    text = editor.preview.toPlainText()
    assert "$30,000 – $35,000 per year" in text
    assert "fix the range" not in text


# -- 7. a narrow form pane scrolls instead of cutting fields off ------------------------------
def test_a_narrow_form_pane_scrolls_sideways(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    window.resize(1024, 700)
    splitter = window.centralWidget()
    assert isinstance(splitter, QSplitter)
    total = sum(splitter.sizes())
    splitter.setSizes([560, 200, total - 760])  # the presets pane widened
    form = editor.form
    viewport = form.viewport()
    content = form.widget()
    assert viewport is not None and content is not None
    qtbot.waitUntil(lambda: viewport.width() < content.minimumSizeHint().width())
    bar = form.horizontalScrollBar()
    qtbot.waitUntil(bar.isVisible)
    assert bar.maximum() >= content.width() - viewport.width()
    for field in form.findChildren(FieldEditor):
        right = field.mapTo(content, QPoint(field.width(), 0)).x()
        assert right <= viewport.width() + bar.maximum(), field.label


# -- 8. the company name is typed once ----------------------------------------------------------
def test_the_company_name_fills_the_statement(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    editor.preset_actions.start_from_preset("Agent")
    assert any(item.startswith(STATEMENT_WARNING) for item in listed(editor))
    activate(window, qtbot)
    press(window, Qt.Key.Key_C, ALT)  # the Company field, its placeholder selected
    qtbot.keyClicks(line(editor, "company", "name"), "Acme Inc.")
    assert editor.session.draft["company"]["name"] == "Acme Inc."
    editor.preview.render_now()
    text = editor.preview.toPlainText()
    assert "Acme Inc. is an equal opportunity employer" in text
    assert "About Acme Inc." in text and "[Company name]" not in text
    assert not any(item.startswith(STATEMENT_WARNING) for item in listed(editor))
