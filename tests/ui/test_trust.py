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
from jdeditor.ui.autosave import Autosave
from jdeditor.ui.dialogs import PlaceholderChoice, SaveChoice
from jdeditor.ui.fields import ChoiceField, PayField, YearsField
from jdeditor.ui.main_window import MainWindow
from tests.conftest import REPO
from tests.test_hostile_input import hostile_documents
from tests.ui.conftest import ScriptedDialogs, close_quietly
from tests.ui.test_main_window import choose, pay_field, title_field

AGENT = json.loads((REPO / "presets" / "Agent.jd.json").read_text(encoding="utf-8"))


def write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# --- 1. an open is all or nothing -------------------------------------------------------------
def test_a_refused_open_keeps_the_open_document_and_its_path(
    window: MainWindow, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    a = write(tmp_path / "a.jd.json", {**AGENT, "title": "Posting A"})
    b = write(
        tmp_path / "b.jd.json", {**AGENT, "salary": {**AGENT["salary"], "currency": "\ud83d"}}
    )
    b_before = b.read_bytes()
    assert window.controller.open_path(a)
    assert not window.controller.open_path(b)
    ((title, text, details),) = scripted.called("show_error")
    assert title == "Cannot open file" and "b.jd.json" in text
    assert "salary.currency: Currency contains a character that is not text (U+D83D)" in details
    assert window.controller.session.file_path == a
    assert title_field(window).line.text() == "Posting A"
    window.save_action.trigger()  # Ctrl+S: writes A to A, and B is never touched
    assert json.loads(a.read_text(encoding="utf-8"))["title"] == "Posting A"
    assert b.read_bytes() == b_before


def test_an_odd_key_opens_completely_with_its_problem_shown(
    window: MainWindow, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    b = write(tmp_path / "b.jd.json", {**AGENT, "": "kept"})
    assert window.controller.open_path(b)
    assert window.controller.session.file_path == b
    messages = [p.message for p in window.controller.session.last_check.errors]
    assert messages == ["“” is not a field jdeditor knows; check the spelling"]
    window.save_action.trigger()
    assert json.loads(b.read_text(encoding="utf-8"))[""] == "kept"  # nothing dropped silently


def test_pay_typed_as_text_in_a_file_opens_with_its_problem(
    window: MainWindow, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    path = write(tmp_path / "text pay.jd.json", {**AGENT, "salary": {"minimum": "45,000"}})
    assert window.controller.open_path(path)
    assert pay_field(window).minimum.value() == 0
    assert any(p.path == ("salary", "minimum") for p in window.controller.session.last_check.errors)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=hostile_documents())
def test_opening_any_json_loads_it_whole_or_keeps_the_open_posting(
    window: MainWindow, scripted: ScriptedDialogs, tmp_path_factory: Any, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("open") / "any.jd.json"
    path.write_bytes(data)
    before = window.controller.session.file_path
    try:
        read_draft(path)
        readable = True
    except DocumentError:
        readable = False
    opened = window.controller.open_path(path)  # raises nothing, whatever the file holds
    assert opened == readable
    assert window.controller.session.file_path == (path if opened else before)
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
    first = MainWindow(settings, library)
    first.show()
    with pytest.raises(KeyboardInterrupt):
        first.start()
    first.close()  # whatever the window does on its way out, the autosave stays
    first.deleteLater()
    assert exists_when_asked == [True]
    assert json.loads(autosave.path.read_text(encoding="utf-8"))["draft"]["title"] == "Unsaved work"

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)
    second = MainWindow(settings, library)
    second.show()
    second.start()
    assert title_field(second).line.text() == "Unsaved work"
    assert second.isWindowModified()
    assert autosave.path.exists()  # kept until the recovered work is saved
    assert "broken.jd.json" in second.statusBar().currentMessage() or any(
        "broken" in str(s) for s in library.list_presets().skipped
    )
    close_quietly(second)


def test_an_unreadable_autosave_is_kept_aside_and_the_window_starts(
    qtbot: QtBot, scripted: ScriptedDialogs, settings: QSettings, library: PresetLibrary
) -> None:
    autosave = Autosave()
    autosave.path.parent.mkdir(parents=True)
    deep = b'{"draft": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    autosave.path.write_bytes(deep)
    window = MainWindow(settings, library)
    window.show()
    window.start()  # no question: there is nothing that could be recovered
    kept = autosave.path.with_name("autosave.unreadable-1.json")
    assert kept.read_bytes() == deep
    assert not autosave.path.exists()
    assert "could not be read" in window.statusBar().currentMessage()
    assert str(kept) in window.statusBar().currentMessage()
    close_quietly(window)


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


def test_wheel_over_unfocused_controls_leaves_them_alone(window: MainWindow) -> None:
    choose(window, "Manager")
    form = window.controller.form
    window.controller.presets.tree.setFocus()
    before = json.dumps(window.controller.session.draft, sort_keys=True)
    education = form.editor(("education", "minimum_level"))
    years = form.editor(("experience", "minimum_years"))
    language = form.editor(("language",))
    assert isinstance(education, ChoiceField) and isinstance(years, YearsField)
    assert isinstance(language, ChoiceField)
    pay = pay_field(window)
    controls = (education.combo, years.spin, language.combo, pay.minimum, pay.currency, pay.period)
    for control in controls:
        form.ensureWidgetVisible(control)
        assert not wheel(control), control.accessibleName()  # passed on, to scroll the form
        assert control.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a wheel does not focus
    assert json.dumps(window.controller.session.draft, sort_keys=True) == before
    assert education.combo.currentText() == "Bachelor's degree"
    assert window.controller.session.undo_stack.count() == 0


def test_wheel_over_a_focused_control_changes_it(window: MainWindow) -> None:
    choose(window, "Manager")
    years = window.controller.form.editor(("experience", "minimum_years"))
    assert isinstance(years, YearsField)
    window.activateWindow()
    years.spin.setFocus()
    assert years.spin.hasFocus()
    value = years.spin.value()
    wheel(years.spin, steps=1)
    assert years.spin.value() == value + 0.5


# --- 5. loading a posting resets every field --------------------------------------------------
def test_pay_does_not_leak_from_one_preset_into_the_next(window: MainWindow) -> None:
    choose(window, "Agent")
    choose(window, "Operations")  # no pay in this preset
    pay = pay_field(window)
    assert not pay.stated.isChecked()
    assert (pay.minimum.value(), pay.maximum.value()) == (0, 0)
    pay.stated.click()  # "State the pay": an empty range to fill in, not Agent's
    salary = window.controller.session.draft["salary"]
    assert salary["minimum"] == 0 and salary["maximum"] is None
    assert salary["currency"] == "USD" and salary["note"] == ""


def test_a_value_that_is_not_a_choice_shows_blank(
    window: MainWindow, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    choose(window, "Manager")  # "Senior level" in the Level box
    path = write(tmp_path / "odd.jd.json", {**AGENT, "level": "galactic"})
    assert window.controller.open_path(path)
    level = window.controller.form.editor(("level",))
    assert isinstance(level, ChoiceField)
    assert level.combo.currentIndex() == -1 and level.combo.currentText() == ""


def test_ticking_the_pay_box_through_toggle_changes_the_posting(window: MainWindow) -> None:
    """A screen reader's Toggle action sets the state without a click."""
    choose(window, "Operations")
    pay = pay_field(window)
    pay.stated.toggle()
    assert window.controller.session.draft["salary"] is not None
    pay.stated.toggle()
    assert window.controller.session.draft["salary"] is None


# --- 8. export asks before publishing placeholders --------------------------------------------
@pytest.mark.parametrize("choice", [PlaceholderChoice.SHOW, PlaceholderChoice.CANCEL])
def test_export_with_placeholders_asks_and_can_go_to_the_first(
    window: MainWindow, scripted: ScriptedDialogs, choice: PlaceholderChoice
) -> None:
    choose(window, "Agent")
    scripted.answer("ask_export_with_placeholders", choice)
    window.export_action.trigger()
    ((found,),) = scripted.called("ask_export_with_placeholders")
    assert found[:2] == ["[City]", "[State]"]
    assert scripted.called("ask_save_path") == []  # nothing written
    city = window.controller.form.editor(("location", "locality"))
    assert city.line.hasFocus() == (choice == PlaceholderChoice.SHOW)  # type: ignore[attr-defined]


def test_export_asks_every_time(
    window: MainWindow, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    choose(window, "Agent")
    for number in range(2):
        scripted.answer("ask_export_with_placeholders", PlaceholderChoice.EXPORT)
        scripted.answer("ask_save_path", tmp_path / f"agent{number}.docx")
        window.export_action.trigger()
    assert len(scripted.called("ask_export_with_placeholders")) == 2
    assert (tmp_path / "agent1.docx").exists()


def test_export_without_placeholders_does_not_ask(
    window: MainWindow, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    path = tmp_path / "clean.jd.json"
    write(path, {"title": "Night Agent", "responsibilities": ["Answer calls"], "language": "en-US"})
    assert window.controller.open_path(path)
    scripted.answer("ask_save_path", tmp_path / "clean.docx")
    window.export_action.trigger()
    assert scripted.called("ask_export_with_placeholders") == []
    assert (tmp_path / "clean.docx").exists()


def test_pay_field_value_survives_reset(window: MainWindow) -> None:
    """The reset on load does not emit edits: loading is not an undoable change."""
    choose(window, "Agent")
    choose(window, "Operations")
    choose(window, "Agent")
    assert window.controller.session.undo_stack.count() == 0
    assert isinstance(pay_field(window), PayField)
    assert pay_field(window).minimum.value() == 32000


# --- 3. one bad preset file breaks nothing ----------------------------------------------------
def test_the_window_starts_beside_bad_preset_files(
    qtbot: QtBot, scripted: ScriptedDialogs, settings: QSettings, hostile_folder: PresetLibrary
) -> None:
    window = MainWindow(settings, hostile_folder)
    window.show()
    window.start()
    panel = window.controller.presets
    panel.select("Night shift")
    assert panel.selected_name() == "Night shift"
    assert "Skipped 9 unreadable preset file(s)" in window.statusBar().currentMessage()
    choose(window, "Agent")
    assert title_field(window).line.text() == "Call Center Agent"
    close_quietly(window)


def test_export_never_writes_over_the_company_template(
    window: MainWindow, scripted: ScriptedDialogs, tmp_path: Path, settings: QSettings
) -> None:
    template = tmp_path / "company.docx"
    path = write(tmp_path / "clean.jd.json", {"title": "Night", "responsibilities": ["Calls"]})
    assert window.controller.open_path(path)
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
    window: MainWindow, scripted: ScriptedDialogs, tmp_path: Path, settings: QSettings
) -> None:
    from tests.export.test_hostile_templates import R, edited, with_relationship
    from tests.export.test_hostile_templates import write as write_template

    data = edited(
        "word/settings.xml",
        b"<w:defaultTabStop",
        b'<w:attachedTemplate r:id="rIdT"/><w:defaultTabStop',
    )
    data = with_relationship(
        data, "word/settings.xml", "rIdT", f"{R}/attachedTemplate", "https://evil.example/t.dotm"
    )
    settings.setValue("export/template", str(write_template(tmp_path, data)))
    path = write(tmp_path / "clean.jd.json", {"title": "Night", "responsibilities": ["Calls"]})
    assert window.controller.open_path(path)
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
) -> None:
    """`jdeditor other.jd.json` after a crash: recovering, then opening the file, asks first."""
    autosave = Autosave()
    autosave.schedule({**AGENT, "title": "Unsaved work"}, None, "Agent")
    autosave.write_now()
    other = write(tmp_path / "other.jd.json", {**AGENT, "title": "Other posting"})
    scripted.answer("ask_yes_no", True)
    scripted.answer("ask_save_changes", choice)
    window = MainWindow(settings, library)
    window.show()
    window.start(other)
    expected = "Unsaved work" if choice == SaveChoice.CANCEL else "Other posting"
    assert title_field(window).line.text() == expected
    assert autosave.path.exists() == (choice == SaveChoice.CANCEL)
    close_quietly(window)


def test_a_valid_file_with_amounts_as_text_keeps_its_pay_on_the_next_edit(
    window: MainWindow, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    salary = {"minimum": "45000", "maximum": "50000", "open_ended": "true", "currency": "USD"}
    path = write(tmp_path / "text amounts.jd.json", {**AGENT, "salary": salary})
    assert window.controller.open_path(path)
    pay = pay_field(window)
    assert (pay.minimum.value(), pay.maximum.value()) == (45000, 50000)
    assert pay.open_ended.isChecked()
    pay.note.setText("depending on experience")
    pay.note.textEdited.emit("depending on experience")
    salary_now = window.controller.session.draft["salary"]
    assert (salary_now["minimum"], salary_now["maximum"], salary_now["open_ended"]) == (
        45000,
        50000,
        True,
    )
