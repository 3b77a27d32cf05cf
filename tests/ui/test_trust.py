"""The window never loses or silently changes a posting: each test drives the real window into
a case that did, before the fix (see the trust issue's numbered list)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from jdeditor.files import DocumentError, read_draft
from jdeditor.library import PresetLibrary
from jdeditor.ui import dialogs
from jdeditor.ui.app import Editor, open_editor
from jdeditor.ui.autosave import Autosave
from jdeditor.ui.dialogs import SaveChoice, WarningChoice
from jdeditor.ui.fields import ChoiceField, PayField, YearsField
from jdeditor.ui.main_window import MainWindow
from tests.conftest import REPO
from tests.test_hostile_input import hostile_documents
from tests.ui.conftest import ScriptedDialogs, close_quietly
from tests.ui.test_main_window import choose, pay_field, title_field

READY = {"title": "Night", "responsibilities": ["Calls"], "salary": {"minimum": 30000}}
"""A posting with nothing left to do: no placeholder, pay stated."""
AGENT = json.loads((REPO / "presets" / "Agent.jd.json").read_text(encoding="utf-8"))


def write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# --- 1. an open is all or nothing -------------------------------------------------------------
def test_a_refused_open_keeps_the_open_document_and_its_path(
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    editor: Editor,
) -> None:
    a = write(tmp_path / "a.jd.json", {**AGENT, "title": "Posting A"})
    b = write(
        tmp_path / "b.jd.json", {**AGENT, "salary": {**AGENT["salary"], "currency": "\ud83d"}}
    )
    b_before = b.read_bytes()
    assert editor.documents.open_path(a)
    assert not editor.documents.open_path(b)
    ((title, text, details),) = scripted.called("show_error")
    assert title == "Cannot open file" and "b.jd.json" in text
    assert "salary.currency: Currency contains a character that is not text (U+D83D)" in details
    assert editor.session.file_path == a
    assert title_field(editor).line.text() == "Posting A"
    window.save_action.trigger()  # Ctrl+S: writes A to A, and B is never touched
    assert json.loads(a.read_text(encoding="utf-8"))["title"] == "Posting A"
    assert b.read_bytes() == b_before


def test_an_odd_key_opens_completely_with_its_problem_shown(
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    editor: Editor,
) -> None:
    b = write(tmp_path / "b.jd.json", {**AGENT, "": "kept"})
    assert editor.documents.open_path(b)
    assert editor.session.file_path == b
    messages = [p.message for p in editor.session.last_check.errors]
    assert messages == ["“” is not a field jdeditor knows; check the spelling"]
    window.save_action.trigger()
    assert json.loads(b.read_text(encoding="utf-8"))[""] == "kept"  # nothing dropped silently


def test_pay_typed_as_text_in_a_file_opens_with_its_problem(
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    editor: Editor,
) -> None:
    path = write(tmp_path / "text pay.jd.json", {**AGENT, "salary": {"minimum": "45,000"}})
    assert editor.documents.open_path(path)
    assert pay_field(editor).minimum.value() == 0
    assert any(p.path == ("salary", "minimum") for p in editor.session.last_check.errors)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=hostile_documents())
def test_opening_any_json_loads_it_whole_or_keeps_the_open_posting(
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path_factory: Any,
    data: bytes,
    editor: Editor,
) -> None:
    path = tmp_path_factory.mktemp("open") / "any.jd.json"
    path.write_bytes(data)
    before = editor.session.file_path
    try:
        read_draft(path)
        readable = True
    except DocumentError:
        readable = False
    opened = editor.documents.open_path(path)  # raises nothing, whatever the file holds
    assert opened == readable
    assert editor.session.file_path == (path if opened else before)
    assert path.read_bytes() == data


# --- 2. crash recovery is offered whatever else is wrong --------------------------------------
def test_recovery_is_offered_beside_a_broken_preset_and_kept_until_answered(
    qtbot: QtBot,
    settings: QSettings,
    library: PresetLibrary,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    library.user_dir.mkdir(parents=True)
    (library.user_dir / "broken.jd.json").write_bytes(b'{"title": ' + b"9" * 5000 + b"}")
    autosave = Autosave()
    autosave.schedule({**AGENT, "title": "Unsaved work"}, None, "Agent")
    autosave.write_now()
    exists_when_asked: list[bool] = []

    def crash_while_asking(*args: Any) -> bool:
        exists_when_asked.append(autosave.path.exists())
        raise KeyboardInterrupt  # the program dies with the question on screen

    monkeypatch.setattr(dialogs, "ask_yes_no", crash_while_asking)
    first = MainWindow(settings)
    first.show()
    with pytest.raises(KeyboardInterrupt):
        open_editor(first, settings, library)
    first.close()  # whatever the window does on its way out, the autosave stays
    first.deleteLater()
    assert exists_when_asked == [True]
    assert json.loads(autosave.path.read_text(encoding="utf-8"))["draft"]["title"] == "Unsaved work"

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)
    second = MainWindow(settings)
    second.show()
    second_editor = open_editor(second, settings, library)
    assert title_field(second_editor).line.text() == "Unsaved work"
    assert second.isWindowModified()
    assert autosave.path.exists()  # kept until the recovered work is saved
    assert "broken.jd.json" in second.statusBar().currentMessage() or any(
        "broken" in str(s) for s in library.list_presets().skipped
    )
    close_quietly(second, second_editor)


def test_an_unreadable_autosave_is_kept_aside_and_the_window_starts(
    qtbot: QtBot, scripted: ScriptedDialogs, settings: QSettings, library: PresetLibrary
) -> None:
    autosave = Autosave()
    autosave.path.parent.mkdir(parents=True)
    deep = b'{"draft": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    autosave.path.write_bytes(deep)
    window = MainWindow(settings)
    window.show()
    # No question: there is nothing that could be recovered.
    editor = open_editor(window, settings, library)
    kept = autosave.path.with_name("autosave.unreadable-1.json")
    assert kept.read_bytes() == deep
    assert not autosave.path.exists()
    assert "could not be read" in window.statusBar().currentMessage()
    assert str(kept) in window.statusBar().currentMessage()
    close_quietly(window, editor)


# --- 4. the wheel scrolls the form, it does not edit it ---------------------------------------
def wheel(widget: QWidget, steps: int = -3) -> bool:
    """A real wheel event on ``widget``, where the pointer is; True when the widget took it.

    Qt hands a wheel event that a widget ignores on to its parents (the form's scroll area)
    only for events from the window system, so the test checks what the widget does with it:
    ignored and unchanged. ``tests/ui/test_wheel_on_x.py`` scrolls with a real X server.
    """
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_wheel_over_unfocused_controls_leaves_them_alone(
    window: MainWindow, editor: Editor
) -> None:
    choose(editor, "Manager")
    form = editor.form
    editor.presets.tree.setFocus()
    before = json.dumps(editor.session.draft, sort_keys=True)
    education = form.editor(("education", "minimum_level"))
    years = form.editor(("experience", "minimum_years"))
    language = form.editor(("language",))
    assert isinstance(education, ChoiceField) and isinstance(years, YearsField)
    assert isinstance(language, ChoiceField)
    pay = pay_field(editor)
    controls = (education.combo, years.spin, language.combo, pay.minimum, pay.currency, pay.period)
    for control in controls:
        form.ensureWidgetVisible(control)
        assert not wheel(control), control.accessibleName()  # passed on, to scroll the form
        assert control.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a wheel does not focus
    assert json.dumps(editor.session.draft, sort_keys=True) == before
    assert education.combo.currentText() == "Bachelor's degree"
    assert editor.session.undo_stack.count() == 0


def test_wheel_over_a_focused_control_changes_it(window: MainWindow, editor: Editor) -> None:
    choose(editor, "Manager")
    years = editor.form.editor(("experience", "minimum_years"))
    assert isinstance(years, YearsField)
    window.activateWindow()
    years.spin.setFocus()
    assert years.spin.hasFocus()
    value = years.spin.value()
    wheel(years.spin, steps=1)
    assert years.spin.value() == value + 0.5


# --- 5. loading a posting resets every field --------------------------------------------------
def test_pay_does_not_leak_from_one_preset_into_the_next(
    window: MainWindow, editor: Editor
) -> None:
    choose(editor, "Agent")
    choose(editor, "Operations")  # no pay in this preset
    pay = pay_field(editor)
    assert not pay.stated.isChecked()
    assert (pay.minimum.value(), pay.maximum.value()) == (0, 0)
    pay.stated.click()  # "State the pay": an empty range to fill in, not Agent's
    salary = editor.session.draft["salary"]
    assert salary["minimum"] == 0 and salary["maximum"] is None
    assert salary["currency"] == "USD" and salary["note"] == ""


def test_a_value_that_is_not_a_choice_shows_blank(
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    editor: Editor,
) -> None:
    choose(editor, "Manager")  # "Senior level" in the Level box
    path = write(tmp_path / "odd.jd.json", {**AGENT, "level": "galactic"})
    assert editor.documents.open_path(path)
    level = editor.form.editor(("level",))
    assert isinstance(level, ChoiceField)
    assert level.combo.currentIndex() == -1 and level.combo.currentText() == ""


def test_ticking_the_pay_box_through_toggle_changes_the_posting(
    window: MainWindow, editor: Editor
) -> None:
    """A screen reader's Toggle action sets the state without a click."""
    choose(editor, "Operations")
    pay = pay_field(editor)
    pay.stated.toggle()
    assert editor.session.draft["salary"] is not None
    pay.stated.toggle()
    assert editor.session.draft["salary"] is None


# --- 8. export asks before publishing placeholders --------------------------------------------
@pytest.mark.parametrize("choice", [WarningChoice.SHOW, WarningChoice.CANCEL])
def test_export_with_placeholders_asks_and_can_go_to_the_first(
    window: MainWindow,
    scripted: ScriptedDialogs,
    choice: WarningChoice,
    editor: Editor,
) -> None:
    choose(editor, "Agent")
    scripted.answer("ask_export_with_warnings", choice)
    window.export_action.trigger()
    ((found,),) = scripted.called("ask_export_with_warnings")
    # The same review as the CLI and the status bar: every placeholder field, in form order.
    assert found[:2] == [
        "City still has a placeholder to replace: [City]",
        "State or region still has a placeholder to replace: [State]",
    ]
    assert len(found) == len(editor.session.last_check.problems)
    assert scripted.called("ask_save_path") == []  # nothing written
    city = editor.form.editor(("location", "locality"))
    assert city.line.hasFocus() == (choice == WarningChoice.SHOW)  # type: ignore[attr-defined]


def test_export_asks_every_time(
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    editor: Editor,
) -> None:
    choose(editor, "Agent")
    for number in range(2):
        scripted.answer("ask_export_with_warnings", WarningChoice.EXPORT)
        scripted.answer("ask_save_path", tmp_path / f"agent{number}.docx")
        window.export_action.trigger()
    assert len(scripted.called("ask_export_with_warnings")) == 2
    assert (tmp_path / "agent1.docx").exists()


def test_export_without_placeholders_does_not_ask(
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    editor: Editor,
) -> None:
    path = tmp_path / "clean.jd.json"
    ready = {"title": "Night Agent", "responsibilities": ["Answer calls"], "language": "en-US"}
    write(path, {**ready, "salary": {"minimum": 30000, "currency": "USD"}})
    assert editor.documents.open_path(path)
    scripted.answer("ask_save_path", tmp_path / "clean.docx")
    window.export_action.trigger()
    assert scripted.called("ask_export_with_warnings") == []
    assert (tmp_path / "clean.docx").exists()


def test_pay_field_value_survives_reset(window: MainWindow, editor: Editor) -> None:
    """The reset on load does not emit edits: loading is not an undoable change."""
    choose(editor, "Agent")
    choose(editor, "Operations")
    choose(editor, "Agent")
    assert editor.session.undo_stack.count() == 0
    assert isinstance(pay_field(editor), PayField)
    assert pay_field(editor).minimum.value() == 32000


# --- 3. one bad preset file breaks nothing ----------------------------------------------------
def test_the_window_starts_beside_bad_preset_files(
    qtbot: QtBot,
    scripted: ScriptedDialogs,
    settings: QSettings,
    hostile_folder: PresetLibrary,
    editor: Editor,
) -> None:
    window = MainWindow(settings)
    window.show()
    editor = open_editor(window, settings, hostile_folder)
    panel = editor.presets
    panel.select("Night shift")
    assert panel.selected_name() == "Night shift"
    assert "Skipped 9 unreadable preset file(s)" in window.statusBar().currentMessage()
    choose(editor, "Agent")
    assert title_field(editor).line.text() == "Call Center Agent"
    close_quietly(window, editor)


def test_export_never_writes_over_the_company_template(
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    settings: QSettings,
    editor: Editor,
) -> None:
    template = tmp_path / "company.docx"
    path = write(tmp_path / "clean.jd.json", READY)
    assert editor.documents.open_path(path)
    scripted.answer("ask_save_path", template)
    window.export_action.trigger()  # first export: makes the file we then use as template
    settings.setValue("export/template", str(template))
    before = template.read_bytes()
    scripted.answer("ask_save_path", template)
    window.export_action.trigger()
    ((title, text),) = scripted.called("show_error")
    assert title == "Export failed" and "company template" in text
    assert template.read_bytes() == before


def test_export_says_what_it_removed_from_the_template(
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    settings: QSettings,
    editor: Editor,
) -> None:
    from tests.export.test_hostile_templates import remote_template_injection
    from tests.export.test_hostile_templates import write as write_template

    data = remote_template_injection()
    settings.setValue("export/template", str(write_template(tmp_path, data)))
    path = write(tmp_path / "clean.jd.json", READY)
    assert editor.documents.open_path(path)
    scripted.answer("ask_save_path", tmp_path / "night.docx")
    window.export_action.trigger()
    message = window.statusBar().currentMessage()
    assert "Exported night.docx" in message
    assert "made safe: removed a link to an outside template, in the settings" in message


@pytest.mark.parametrize("choice", [SaveChoice.CANCEL, SaveChoice.DISCARD])
def test_recovered_work_is_not_dropped_for_the_file_asked_for(  # noqa: PLR0917 - fixtures
    qtbot: QtBot,
    scripted: ScriptedDialogs,
    settings: QSettings,
    library: PresetLibrary,
    tmp_path: Path,
    choice: SaveChoice,
    editor: Editor,
) -> None:
    """`jdeditor other.jd.json` after a crash: recovering, then opening the file, asks first."""
    autosave = Autosave()
    autosave.schedule({**AGENT, "title": "Unsaved work"}, None, "Agent")
    autosave.write_now()
    other = write(tmp_path / "other.jd.json", {**AGENT, "title": "Other posting"})
    scripted.answer("ask_yes_no", True)
    scripted.answer("ask_save_changes", choice)
    window = MainWindow(settings)
    window.show()
    editor = open_editor(window, settings, library, path=other)
    expected = "Unsaved work" if choice == SaveChoice.CANCEL else "Other posting"
    assert title_field(editor).line.text() == expected
    assert autosave.path.exists() == (choice == SaveChoice.CANCEL)
    close_quietly(window, editor)


def test_a_valid_file_with_amounts_as_text_keeps_its_pay_on_the_next_edit(
    window: MainWindow,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    editor: Editor,
) -> None:
    salary = {"minimum": "45000", "maximum": "50000", "open_ended": "true", "currency": "USD"}
    path = write(tmp_path / "text amounts.jd.json", {**AGENT, "salary": salary})
    assert editor.documents.open_path(path)
    pay = pay_field(editor)
    assert (pay.minimum.value(), pay.maximum.value()) == (45000, 50000)
    assert pay.open_ended.isChecked()
    pay.note.setText("depending on experience")
    pay.note.textEdited.emit("depending on experience")
    salary_now = editor.session.draft["salary"]
    assert (salary_now["minimum"], salary_now["maximum"], salary_now["open_ended"]) == (
        45000,
        50000,
        True,
    )
