"""Fixtures for the window tests: a real MainWindow, offscreen, with every dialog scripted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from jdeditor.library import PresetLibrary
from jdeditor.ui import dialogs
from jdeditor.ui.app import Editor, open_editor
from jdeditor.ui.main_window import MainWindow


class ScriptedDialogs:
    """Stands in for ``jdeditor.ui.dialogs``: answers from a script, records every question.

    A question nobody scripted fails the test instead of opening a window.
    """

    NAMES = (
        "ask_open_path",
        "ask_save_path",
        "ask_export_path",
        "print_preview",
        "ask_save_changes",
        "ask_text",
        "ask_yes_no",
        "ask_export_with_warnings",
        "ask_fix_first",
        "show_error",
        "show_message",
        "show_about",
        "open_with_system",
        "ask_preset_name",
        "ask_start",
        "show_shortcuts",
    )

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: dict[str, list[Any]] = {name: [] for name in self.NAMES}
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        for name in self.NAMES:
            monkeypatch.setattr(dialogs, name, self._fake(name))

    def answer(self, name: str, *values: Any) -> None:
        self.answers[name].extend(values)

    def called(self, name: str) -> list[tuple[Any, ...]]:
        return [args for called, args in self.calls if called == name]

    def _fake(self, name: str) -> Any:
        def fake(*args: Any) -> Any:
            # Every dialog takes its parent widget first, except open_with_system.
            self.calls.append((name, args if name == "open_with_system" else args[1:]))
            if name in ("show_error", "show_message", "show_about"):
                return None
            if name == "open_with_system":
                return not self.answers[name] or self.answers[name].pop(0)
            if not self.answers[name]:
                raise AssertionError(f"unexpected dialog {name}{args[1:]}")
            return self.answers[name].pop(0)

        return fake


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> ScriptedDialogs:
    return ScriptedDialogs(monkeypatch)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def opened(
    qtbot: QtBot, scripted: ScriptedDialogs, settings: QSettings, library: PresetLibrary
) -> Iterator[tuple[MainWindow, Editor]]:
    """The real main window, shown offscreen and assembled; closed without questions at the end.

    Not handed to ``qtbot.addWidget``: pytest-qt would close it before this fixture could
    first mark the document clean, and the close would ask about unsaved changes.
    """
    main = MainWindow(settings)
    main.show()
    editor = open_editor(main, settings, library)
    yield main, editor
    close_quietly(main, editor)


@pytest.fixture
def window(opened: tuple[MainWindow, Editor]) -> MainWindow:
    return opened[0]


@pytest.fixture
def editor(opened: tuple[MainWindow, Editor]) -> Editor:
    """The window's assembled parts: session, panes and action objects."""
    return opened[1]


def close_quietly(main: MainWindow, editor: Editor | None = None) -> None:
    """Close a window whose test left unsaved changes, without a save question."""
    if editor is not None:
        editor.session.undo_stack.setClean()
    main.close()
    main.deleteLater()
