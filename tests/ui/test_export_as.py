"""File ▸ Export As… (every format of the registry) and File ▸ Print… in the real window."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from jdeditor.draft import draft_of
from jdeditor.export.formats import FORMATS
from jdeditor.model import JobDescription
from jdeditor.ui.app import Editor
from jdeditor.ui.dialogs import WarningChoice
from jdeditor.ui.main_window import MainWindow
from tests.ui.conftest import ScriptedDialogs

FINISHED = {
    "title": "Night Shift Agent",
    "responsibilities": ["Answer calls"],
    "company": {"name": "Acme"},
    "summary": "Answer our customers' calls at night.",
}


def _load(editor: Editor, data: Mapping[str, object] = FINISHED) -> None:
    editor.session.load(draft_of(JobDescription.model_validate(data)), None, "Night")


def test_export_as_offers_every_format_and_the_suffix_picks_it(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    _load(editor)
    target = tmp_path / "night.txt"
    scripted.answer("ask_export_path", (target, FORMATS["docx"].file_filter))
    window.export_as_action.trigger()
    ((_title, suggested, filters, selected),) = scripted.called("ask_export_path")
    assert filters == [f.file_filter for f in FORMATS.values()]
    assert selected == FORMATS["docx"].file_filter  # Word until another is used
    assert Path(suggested).suffix == ".docx"
    assert target.read_text(encoding="utf-8").startswith("Night Shift Agent\n")
    assert "Exported night.txt" in window.statusBar().currentMessage()


def test_a_name_without_a_suffix_gets_the_chosen_filters_and_is_remembered(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    _load(editor)
    scripted.answer("ask_export_path", (tmp_path / "night", FORMATS["txt"].file_filter))
    window.export_as_action.trigger()
    assert (tmp_path / "night.txt").is_file()
    scripted.answer("ask_export_path", None)
    window.export_as_action.trigger()
    (_, (_title, suggested, _filters, selected)) = scripted.called("ask_export_path")
    assert selected == FORMATS["txt"].file_filter
    assert Path(suggested).name == "Night Shift Agent.txt"


def test_export_as_asks_about_warnings_like_the_word_export(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs
) -> None:
    _load(editor, {**FINISHED, "company": {"name": "[Company name]"}})
    scripted.answer("ask_export_with_warnings", WarningChoice.CANCEL)
    window.export_as_action.trigger()
    assert scripted.called("ask_export_with_warnings")
    assert scripted.called("ask_export_path") == []


def test_a_failed_export_writes_nothing_and_says_why(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    _load(editor)
    target = tmp_path / "missing folder" / "night.txt"
    scripted.answer("ask_export_path", (target, FORMATS["txt"].file_filter))
    window.export_as_action.trigger()
    ((_title, message),) = scripted.called("show_error")
    assert str(target) in message
    assert not target.parent.exists()


def test_a_renderer_that_fails_is_a_message_not_a_traceback(
    window: MainWindow,
    editor: Editor,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from jdeditor.export import text

    def broken(*_args: object) -> bytes:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(text, "render_document", broken)
    _load(editor)
    target = tmp_path / "night.txt"
    scripted.answer("ask_export_path", (target, FORMATS["txt"].file_filter))
    window.export_as_action.trigger()
    ((_title, message),) = scripted.called("show_error")
    assert "RuntimeError" in message and "nothing was written" in message
    assert not target.exists()


def test_print_shows_a_preview_that_draws_the_posting(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    _load(editor)
    scripted.answer("print_preview", None)
    window.print_action.trigger()
    ((title, paint),) = scripted.called("print_preview")
    assert "Night" in title
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    paint(printer)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000


def test_print_and_export_as_are_in_the_file_menu_with_their_keys(window: MainWindow) -> None:
    assert window.print_action.shortcut().toString() == "Ctrl+P"
    assert window.export_as_action.shortcut().toString() == "Ctrl+Shift+E"
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    menu_texts = [action.text() for action in file_menu.actions()]
    assert "Export &As…" in menu_texts and "&Print…" in menu_texts


def test_export_as_json_ld_is_valid_json(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    _load(editor)
    target = tmp_path / "night.jsonld"
    scripted.answer("ask_export_path", (target, FORMATS["jsonld"].file_filter))
    window.export_as_action.trigger()
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "Night Shift Agent"


def test_import_opens_an_unsaved_posting_with_its_guesses_under_advice(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    source = tmp_path / "chat.md"
    source.write_text(
        "# Chat Agent\n\n$18 – $22 per hour\n\n## What you'll do\n\n- Answer chats\n",
        encoding="utf-8",
    )
    scripted.answer("ask_open_path", source)
    with qtbot.waitSignal(editor.advice_runner.reviewed, timeout=10_000):
        window.import_action.trigger()
    assert editor.session.draft["title"] == "Chat Agent"
    assert editor.session.file_path is None  # Save asks where: the .md is never written over
    assert "chat.md (imported)" in window.windowTitle()
    guesses = [f for f in editor.advice.findings if f.code == "import.guess"]
    assert any("What you'll do" in f.message for f in guesses)
    assert any(f.path == ("salary",) for f in guesses)
    # Another posting: the import's guesses go.
    editor.preset_actions.start_from_preset("Agent")
    assert not [f for f in editor.advice.findings if f.code.startswith("import.")]


def test_a_file_that_cannot_be_imported_leaves_the_open_posting(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    _load(editor)
    source = tmp_path / "old.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0")
    scripted.answer("ask_open_path", source)
    window.import_action.trigger()
    ((_title, message),) = scripted.called("show_error")
    assert "old.doc" in message and ".docx" in message
    assert editor.session.draft["title"] == "Night Shift Agent"


def test_a_suffix_added_after_the_dialog_asks_before_replacing(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    """The file dialog asked about "night"; the export writes "night.txt", which exists."""
    _load(editor)
    existing = tmp_path / "night.txt"
    existing.write_text("someone's notes", encoding="utf-8")
    scripted.answer("ask_export_path", (tmp_path / "night", FORMATS["txt"].file_filter))
    scripted.answer("ask_yes_no", False)
    window.export_as_action.trigger()
    ((_title, text),) = scripted.called("ask_yes_no")
    assert "night.txt" in text
    assert existing.read_text(encoding="utf-8") == "someone's notes"
    scripted.answer("ask_save_path", tmp_path / "night")
    scripted.answer("ask_yes_no", False)
    (tmp_path / "night.jd.json").write_text("{}", encoding="utf-8")
    assert not editor.documents.save_as()
    assert (tmp_path / "night.jd.json").read_text(encoding="utf-8") == "{}"
