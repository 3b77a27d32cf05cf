"""The posting advice in the window: after a pause, off the GUI thread, grouped by family;
an item goes to its words, Apply is one undoable edit, and a word can join the dictionary."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot

from jdeditor.checks import Family, Finding
from jdeditor.draft import draft_of
from jdeditor.model import JobDescription
from jdeditor.ui import advice as advice_module
from jdeditor.ui.app import Editor
from jdeditor.ui.fields import LineField, ListField, TextField
from jdeditor.ui.main_window import MainWindow
from jdeditor.user_dictionary import dictionary_path, read_words
from tests.ui.conftest import ScriptedDialogs

POSTING = {
    "title": "Rockstar Call Center Agent",
    "responsibilities": ["Answer calls for our salesman team", "Recieve complaints kindly"],
    "summary": "Join our young team. You will recieve calls.",
    "company": {"name": "Acme"},
}


def _load(editor: Editor, qtbot: QtBot, data: Mapping[str, object] = POSTING) -> list[Finding]:
    document = JobDescription.model_validate(data)
    with qtbot.waitSignal(editor.advice_runner.reviewed, timeout=10_000) as blocker:
        editor.session.load(draft_of(document), None, "Test")
    found = blocker.args[0] if blocker.args else []
    assert isinstance(found, list)
    return found


def _advice(editor: Editor, code: str, path: tuple[str | int, ...]) -> Finding:
    return next(f for f in editor.advice.findings if f.code == code and f.path == path)


def test_advice_is_listed_by_family_with_counts(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    found = _load(editor, qtbot)
    families = {finding.family for finding in found}
    assert {Family.INCLUSION, Family.WORDING, Family.SPELLING} <= families
    tree = editor.advice.tree
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    titles = [group.text(0) for group in groups if group is not None]
    spelling = [f for f in found if f.family == Family.SPELLING]
    assert f"Spelling ({len(spelling)})" in titles
    assert "advice" in window.problem_summary.text()
    assert all(finding.severity == "advice" for finding in found)


def test_the_review_runs_off_the_gui_thread(
    editor: Editor, qtbot: QtBot, monkeypatch: object
) -> None:
    threads: list[threading.Thread] = []
    real = advice_module.review  # type: ignore[attr-defined]

    def spy(*args: object, **kwargs: object) -> list[Finding]:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(advice_module, "review", spy)  # type: ignore[attr-defined]
    _load(editor, qtbot)
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_typing_waits_for_a_pause_and_only_the_newest_result_shows(
    editor: Editor, qtbot: QtBot
) -> None:
    _load(editor, qtbot)
    field = editor.form.editor(("title",))
    assert isinstance(field, LineField)
    seen: list[list[Finding]] = []
    editor.advice_runner.reviewed.connect(seen.append)
    for letter in " ninja":
        qtbot.keyClicks(field.line, letter)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    qtbot.wait(advice_module.PAUSE_MS + 200)
    assert len(seen) == 1  # one review after the burst of keys, not one per key
    assert any(f.found == ("ninja",) for f in seen[0])


def test_choosing_advice_selects_its_words_in_a_line_a_text_and_a_list(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    window.show()
    qtbot.waitExposed(window)
    _load(editor, qtbot)
    jargon = _advice(editor, "inclusion.jargon", ("title",))
    editor.advice.findingChosen.emit(jargon)
    title = editor.form.editor(("title",))
    assert isinstance(title, LineField)
    assert title.line.hasFocus() and title.line.selectedText() == "Rockstar"

    age = _advice(editor, "inclusion.age-coded", ("summary",))
    editor.advice.findingChosen.emit(age)
    summary = editor.form.editor(("summary",))
    assert isinstance(summary, TextField)
    assert summary.text.textCursor().selectedText() == "young team"

    term = _advice(editor, "wording.gendered-term", ("responsibilities", 0))
    editor.advice.findingChosen.emit(term)
    duties = editor.form.editor(("responsibilities",))
    assert isinstance(duties, ListField)
    view = duties.editor.list_widget()
    assert view.currentRow() == 0
    row_editor = view.indexWidget(view.currentIndex())
    assert row_editor is not None and row_editor.selectedText() == "salesman"  # type: ignore[attr-defined]


def test_apply_is_one_undoable_step(editor: Editor, qtbot: QtBot) -> None:
    _load(editor, qtbot)
    spelling = _advice(editor, "spelling.unknown-word", ("summary",))
    editor.advice.select(spelling)
    assert editor.advice.apply_button.isEnabled()
    with qtbot.waitSignal(editor.advice_runner.reviewed, timeout=10_000):
        editor.advice.apply_button.click()
    assert editor.session.draft["summary"] == "Join our young team. You will receive calls."
    assert editor.session.undo_stack.undoText() == "Apply “receive”"
    editor.session.undo_stack.undo()
    assert editor.session.draft["summary"] == POSTING["summary"]


def test_apply_on_advice_the_text_has_outgrown_changes_nothing(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    _load(editor, qtbot)
    stale = _advice(editor, "spelling.unknown-word", ("summary",))
    editor.session.set_value(("summary",), "You will take calls.")
    editor.advice.applyRequested.emit(stale)
    assert editor.session.draft["summary"] == "You will take calls."
    assert "no longer matches" in window.statusBar().currentMessage()


def test_add_to_dictionary_writes_the_users_file_and_the_advice_goes(
    editor: Editor, qtbot: QtBot, isolated_dirs: Path
) -> None:
    _load(editor, qtbot, {**POSTING, "summary": "Learn our flexirota system."})
    word = _advice(editor, "spelling.unknown-word", ("summary",))
    editor.advice.select(word)
    assert editor.advice.add_word_button.isEnabled()
    with qtbot.waitSignal(editor.advice_runner.reviewed, timeout=10_000):
        editor.advice.add_word_button.click()
    assert dictionary_path().is_relative_to(isolated_dirs)
    assert read_words() == {"flexirota"}
    assert not [f for f in editor.advice.findings if f.found == ("flexirota",)]


def test_the_advised_words_are_marked_in_their_fields(editor: Editor, qtbot: QtBot) -> None:
    _load(editor, qtbot)
    summary = editor.form.editor(("summary",))
    assert isinstance(summary, TextField)
    block = summary.text.document().firstBlock()
    layout = block.layout()
    assert layout is not None
    wavy = QTextCharFormat.UnderlineStyle.WaveUnderline
    marked = {
        block.text()[r.start : r.start + r.length]
        for r in layout.formats()
        if r.format.underlineStyle() == wavy
    }
    assert {"young team", "recieve"} <= marked
    duties = editor.form.editor(("responsibilities",))
    assert isinstance(duties, ListField)
    assert duties.editor.list_widget().item(1).data(Qt.ItemDataRole.UserRole + 1)


def test_advice_never_makes_the_export_ask(
    editor: Editor, qtbot: QtBot, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    _load(editor, qtbot)
    assert editor.advice.findings
    scripted.answer("ask_save_path", None)
    editor.exports.export_word()
    assert scripted.called("ask_export_with_warnings") == []
    assert scripted.called("ask_save_path")


def _finding_on(editor: Editor, code: str, path: tuple[str | int, ...]) -> Finding:
    return next(f for f in editor.advice.findings if f.code == code and f.path == path)


def test_apply_never_writes_where_the_draft_and_the_reviewed_text_differ(
    editor: Editor, qtbot: QtBot
) -> None:
    """The review reads the cleaned posting: a blank bullet before the advised one, or spaces
    around a text, shift its positions against the draft being edited."""
    _load(editor, qtbot, {**POSTING, "skills": ["Typing", "Be a rockstar"]})
    with qtbot.waitSignal(editor.advice_runner.reviewed, timeout=10_000):
        editor.session.set_value(("skills",), ["", "Typing", "Be a rockstar"])
    draft_before = editor.session.draft["skills"]
    rockstar = next(
        f
        for f in editor.advice.findings
        if f.found and "rockstar" in f.found[0].lower() and f.path[0] == "skills"
    )
    assert rockstar.path == ("skills", 1)  # index 1 of the cleaned list: "Be a rockstar"
    editor.advice.applyRequested.emit(rockstar)
    assert editor.session.draft["skills"] == draft_before  # "Typing" untouched
    skills = editor.form.editor(("skills",))
    assert isinstance(skills, ListField)
    # No marks on the wrong row either.
    assert skills.editor.list_widget().item(1).data(Qt.ItemDataRole.UserRole + 1) is None

    with qtbot.waitSignal(editor.advice_runner.reviewed, timeout=10_000):
        editor.session.set_value(("summary",), "   We want a rockstar to join.")
    jargon = _finding_on(editor, "inclusion.jargon", ("summary",))
    editor.advice.applyRequested.emit(jargon)
    assert editor.session.draft["summary"] == "   We want a rockstar to join."


def test_marks_leave_the_posting_unchanged_and_clean(editor: Editor, qtbot: QtBot) -> None:
    """Underlining re-highlights the text box; that must not count as an edit (it once turned
    a no-break space into a space and marked the posting modified)."""
    _load(editor, qtbot, {**POSTING, "summary": "Lift 25\u00a0lb boxes. We want a rockstar."})
    assert editor.session.undo_stack.isClean()
    assert editor.session.undo_stack.count() == 0
    assert editor.session.draft["summary"] == "Lift 25\u00a0lb boxes. We want a rockstar."


def test_a_line_being_typed_in_gets_its_marks_when_focus_leaves(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    window.show()
    qtbot.waitExposed(window)
    title = editor.form.editor(("title",))
    assert isinstance(title, LineField)
    title.line.setFocus()
    qtbot.waitUntil(title.line.hasFocus)
    _load(editor, qtbot)
    assert title._marks and title._marks_pending  # held: an input method may be composing
    editor.form.editor(("summary",)).setFocus()
    qtbot.waitUntil(lambda: not title._marks_pending)
    assert title.line.text() == POSTING["title"] and editor.session.undo_stack.count() == 0


def test_closing_the_window_during_a_review_is_quiet(
    window: MainWindow, editor: Editor, qtbot: QtBot, caplog: object
) -> None:
    editor.session.load(draft_of(JobDescription.model_validate(POSTING)), None, "Test")
    editor.advice_runner.start_now()
    runner = editor.advice_runner
    runner.deleteLater()
    qtbot.wait(300)
    assert "Signal source has been deleted" not in str(caplog)
