"""Presets in the window: the name dialog, the preset list, the Presets menu and the start page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from jdeditor.library import PresetLibrary
from jdeditor.model import JobDescription, Level, SalaryRange
from jdeditor.ui import dialogs
from jdeditor.ui.app import Editor, open_editor
from jdeditor.ui.main_window import MainWindow
from jdeditor.ui.preset_name_dialog import NAME_FIELD_MIN_WIDTH, NameCheck, PresetNameDialog
from jdeditor.ui.start_page import (
    StartChoice,
    StartKind,
    StartPage,
    StartPreset,
    describe,
    start_presets,
)
from tests.ui.conftest import ScriptedDialogs, close_quietly

ENGLISH = ["Agent", "Team Lead", "Manager", "Operations"]
CHINESE = ["呼叫中心客服专员", "呼叫中心组长", "呼叫中心经理", "呼叫中心运营经理"]
BUILT_IN = ENGLISH + CHINESE  # the user's language first: English in the tests
LONG = "夜班 Agent (Night shift, Australia) copy"


def add_preset(editor: Editor, library: PresetLibrary, name: str, origin: str = "Agent") -> None:
    library.save_user_preset(name, library.get(origin).document)
    editor.preset_actions.refresh()


def group_items(tree: QTreeWidget, group: int) -> list[QTreeWidgetItem]:
    parent = tree.topLevelItem(group)
    assert parent is not None
    return [c for c in (parent.child(i) for i in range(parent.childCount())) if c is not None]


def name_question(scripted: ScriptedDialogs) -> tuple[str, str, str, Callable[[str], NameCheck]]:
    """The last preset-name question: title, label, proposed name and its checker."""
    title, label, proposed, check = scripted.called("ask_preset_name")[-1]
    return title, label, proposed, check


def menu_action(window: MainWindow, text: str) -> QAction:
    return next(a for a in window.preset_menu.actions() if a.text() == text)


# --- the name dialog, on its own --------------------------------------------------------------
def fake_check(name: str) -> NameCheck:
    if not name.strip():
        return NameCheck("A preset name cannot be empty.", allowed=False)
    if name.casefold() == "agent":
        return NameCheck("“Agent” is a built-in preset", allowed=False)
    if name == "Mine":
        return NameCheck("A preset named “Mine” exists; it will be replaced.", True, True)
    return NameCheck("", allowed=True)


@pytest.fixture
def name_dialog(qtbot: QtBot) -> PresetNameDialog:
    dialog = PresetNameDialog(None, "Save as Preset", "Preset name:", "Agent (my copy)", fake_check)
    qtbot.addWidget(dialog)
    return dialog


def test_name_dialog_proposes_a_selected_name_in_a_wide_field(
    name_dialog: PresetNameDialog,
) -> None:
    assert name_dialog.name() == "Agent (my copy)"
    assert name_dialog.line.selectedText() == "Agent (my copy)"  # typing replaces it
    assert name_dialog.line.minimumWidth() >= NAME_FIELD_MIN_WIDTH >= 420
    assert name_dialog.ok_button().isEnabled()
    assert name_dialog.message.text() == ""


@pytest.mark.parametrize(
    ("typed", "enabled", "button", "message"),
    [
        ("agent", False, "OK", "“Agent” is a built-in preset"),
        ("Mine", True, "Replace", "A preset named “Mine” exists; it will be replaced."),
        ("Night shift", True, "OK", ""),
    ],
)
def test_name_dialog_says_what_a_typed_name_would_do(  # noqa: PLR0917 - fixture and parameters
    name_dialog: PresetNameDialog,
    qtbot: QtBot,
    typed: str,
    enabled: bool,
    button: str,
    message: str,
) -> None:
    qtbot.keyClicks(name_dialog.line, typed)
    assert name_dialog.name() == typed
    assert name_dialog.ok_button().isEnabled() is enabled
    assert name_dialog.ok_button().text().replace("&", "") == button
    assert name_dialog.message.text() == message
    assert name_dialog.message.property("problem") == ("" if enabled else "error")


def test_name_dialog_stays_open_on_a_refused_name(
    name_dialog: PresetNameDialog, qtbot: QtBot
) -> None:
    name_dialog.show()
    name_dialog.line.clear()
    assert not name_dialog.ok_button().isEnabled()
    assert name_dialog.message.text() == "A preset name cannot be empty."
    qtbot.keyClick(name_dialog.line, Qt.Key.Key_Return)
    name_dialog.accept()  # even if something presses OK anyway
    assert name_dialog.isVisible()
    qtbot.keyClicks(name_dialog.line, "Night shift")
    qtbot.keyClick(name_dialog.line, Qt.Key.Key_Return)
    assert name_dialog.result() == QDialog.DialogCode.Accepted
    assert not name_dialog.isVisible()


def test_name_dialog_grows_for_a_message_on_more_lines(qtbot: QtBot) -> None:
    def wordy(name: str) -> NameCheck:
        return NameCheck(" ".join([f"“{name}” cannot be used here;"] * 6), allowed=False)

    dialog = PresetNameDialog(None, "Save as Preset", "Preset name:", "", wordy)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.line, "A rather long name for a preset")
    message = dialog.message
    assert message.height() >= message.heightForWidth(message.width())


# The wrappers' own exec() is replaced: a real modal loop here would also run the deferred
# deletion of every window earlier tests closed, and report their teardown as this test's.
def test_ask_preset_name_returns_what_was_typed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[PresetNameDialog] = []

    def type_and_press(dialog: PresetNameDialog, button: QDialog.DialogCode) -> int:
        shown.append(dialog)
        dialog.line.setText("Night shift")
        return button.value

    monkeypatch.setattr(
        PresetNameDialog, "exec", lambda d: type_and_press(d, QDialog.DialogCode.Accepted)
    )
    assert dialogs.ask_preset_name(parent, "T", "Name:", "x", fake_check) == "Night shift"
    assert shown[0].parent() is parent and shown[0].windowTitle() == "T"
    monkeypatch.setattr(
        PresetNameDialog, "exec", lambda d: type_and_press(d, QDialog.DialogCode.Rejected)
    )
    assert dialogs.ask_preset_name(parent, "T", "Name:", "x", fake_check) is None


def test_ask_start_returns_the_choice(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(StartPage, "exec", lambda page: page.open_button.click() or 1)
    assert dialogs.ask_start(parent, STARTS, []) == StartChoice(StartKind.OPEN)
    monkeypatch.setattr(StartPage, "exec", lambda page: 0)  # closed
    assert dialogs.ask_start(parent, STARTS, []) == StartChoice(StartKind.BLANK)


# --- proposing and checking names -------------------------------------------------------------
def start_from(editor: Editor, name: str) -> None:
    editor.preset_actions.start_from_preset(name)


def test_save_as_preset_proposes_a_free_name(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, library: PresetLibrary
) -> None:
    start_from(editor, "Agent")
    scripted.answer("ask_preset_name", None)  # Cancel
    window.save_preset_action.trigger()
    assert name_question(scripted)[:3] == ("Save as Preset", "Preset name:", "Agent (my copy)")

    add_preset(editor, library, "agent (MY COPY)")  # taken, in any case
    scripted.answer("ask_preset_name", None)
    window.save_preset_action.trigger()
    assert name_question(scripted)[2] == "Agent (my copy 2)"
    assert not library.get("agent (MY COPY)").read_only


def test_a_posting_from_a_file_proposes_its_title(
    window: MainWindow,
    editor: Editor,
    scripted: ScriptedDialogs,
    posting: JobDescription,
    tmp_path: Path,
) -> None:
    path = tmp_path / "night.jd.json"
    path.write_text(posting.to_json(), encoding="utf-8")
    assert editor.documents.open_path(path)
    scripted.answer("ask_preset_name", None)
    window.save_preset_action.trigger()
    assert name_question(scripted)[2] == "Night Shift Agent"


def test_the_checker_follows_the_library_rules(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, library: PresetLibrary
) -> None:
    add_preset(editor, library, "Night shift")
    check = editor.preset_actions.name_checker()
    built_in = check("team lead")
    assert not built_in.allowed and not built_in.replaces
    assert built_in.message == (
        "“Team Lead” is a built-in preset, which cannot be replaced; choose another name."
    )
    existing = check("NIGHT  shift")
    assert existing.allowed and existing.replaces
    assert existing.message == "A preset named “Night shift” exists; it will be replaced."
    assert check("  ") == NameCheck("A preset name cannot be empty.", allowed=False)
    assert not check("x" * 81).allowed and "at most 80" in check("x" * 81).message
    assert not check("Night\u202eshift").allowed
    assert check("Day shift") == NameCheck("", allowed=True)


def test_the_real_dialog_over_the_real_checker(
    window: MainWindow, editor: Editor, library: PresetLibrary, qtbot: QtBot
) -> None:
    add_preset(editor, library, "Night shift")
    dialog = PresetNameDialog(
        window, "Save as Preset", "Preset name:", "", editor.preset_actions.name_checker()
    )
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.line, "Agent")
    assert not dialog.ok_button().isEnabled()
    assert "built-in preset" in dialog.message.text()
    dialog.line.clear()
    qtbot.keyClicks(dialog.line, "night shift")
    assert dialog.ok_button().isEnabled()
    assert dialog.ok_button().text() == "&Replace"


def test_replacing_through_the_dialog_asks_only_once(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, library: PresetLibrary
) -> None:
    add_preset(editor, library, "Night shift")
    start_from(editor, "Manager")
    scripted.answer("ask_preset_name", "night shift")
    window.save_preset_action.trigger()
    assert not scripted.called("ask_yes_no")
    assert library.get("Night shift").document == library.get("Manager").document
    assert [p.name for p in library.user_dir.iterdir()] == ["night shift.jd.json"]


def test_rename_through_the_name_dialog(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, library: PresetLibrary
) -> None:
    add_preset(editor, library, "Night")
    add_preset(editor, library, "Day", origin="Manager")
    scripted.answer("ask_preset_name", "Night shift")
    editor.presets.renameRequested.emit("Night")
    title, label, proposed, check = name_question(scripted)
    assert (title, label, proposed) == ("Rename Preset", "New name:", "Night")
    assert check("NIGHT") == NameCheck("", allowed=True)  # its own name, in another case
    assert check("day").replaces
    assert editor.presets.names() == [*BUILT_IN, "Day", "Night shift"]

    scripted.answer("ask_preset_name", "day")  # onto another: the dialog said Replace
    editor.presets.renameRequested.emit("Night shift")
    assert not scripted.called("ask_yes_no")
    assert editor.presets.names() == [*BUILT_IN, "day"]
    assert library.get("day").document == library.get("Agent").document


def test_duplicate_through_the_name_dialog(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, library: PresetLibrary
) -> None:
    scripted.answer("ask_preset_name", "Agent (copy)")
    editor.presets.duplicateRequested.emit("Agent")
    assert name_question(scripted)[:3] == ("Duplicate Preset", "Name of the copy:", "Agent (copy)")
    assert library.get("Agent (copy)").document == library.get("Agent").document

    scripted.answer("ask_preset_name", None)
    editor.presets.duplicateRequested.emit("Agent")
    assert name_question(scripted)[2] == "Agent (copy 2)"


def test_a_long_name_is_shortened_to_propose_a_copy(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, library: PresetLibrary
) -> None:
    long_name = "N" * 80
    add_preset(editor, library, long_name)
    scripted.answer("ask_preset_name", None)
    editor.presets.duplicateRequested.emit(long_name)
    proposed = name_question(scripted)[2]
    assert len(proposed) == 80 and proposed.endswith("N (copy)")


# --- the preset list --------------------------------------------------------------------------
def test_long_names_are_elided_in_the_middle_with_the_full_name_as_tip(
    window: MainWindow, editor: Editor, library: PresetLibrary
) -> None:
    add_preset(editor, library, LONG)
    add_preset(editor, library, f"{LONG} copy")
    tree = editor.presets.tree
    assert tree.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert tree.header().sectionSize(0) <= tree.viewport().width()  # elided, never scrolled
    items = {item.text(0): item for item in group_items(tree, 1)}
    tip = items[LONG].toolTip(0)
    assert tip.splitlines()[0] == LONG
    assert str(library.user_dir) in tip and "Call Center Agent" in tip
    width = 150  # a narrow pane: both names are shortened, and they still differ
    metrics = QFontMetrics(tree.font())
    shown = {metrics.elidedText(n, Qt.TextElideMode.ElideMiddle, width) for n in items}
    assert len(shown) == 2 and all("…" in text for text in shown)
    assert group_items(tree, 0)[0].toolTip(0).splitlines() == [
        "Agent",
        "Call Center Agent: built-in, read-only",
    ]


def test_empty_my_presets_shows_a_hint(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, library: PresetLibrary
) -> None:
    panel = editor.presets
    hint = panel.hint()
    assert hint is not None
    assert hint.text(0) == "Use Presets ▸ Save as Preset to keep a posting as your own preset"
    assert hint.flags() == Qt.ItemFlag.NoItemFlags  # greyed, not selectable
    assert panel.names() == BUILT_IN
    panel.tree.setCurrentItem(hint)
    assert panel.selected_name() is None

    add_preset(editor, library, "Night shift")
    assert panel.hint() is None
    scripted.answer("ask_yes_no", True)
    panel.deleteRequested.emit("Night shift")
    assert panel.hint() is not None


def test_the_hint_is_shortened_at_its_end_names_in_the_middle(
    window: MainWindow, editor: Editor, library: PresetLibrary
) -> None:
    tree = editor.presets.tree
    delegate = tree.itemDelegate()
    assert isinstance(delegate, QStyledItemDelegate)

    def elide_mode(item: QTreeWidgetItem) -> Qt.TextElideMode:
        option = QStyleOptionViewItem()
        option.textElideMode = tree.textElideMode()
        delegate.initStyleOption(option, tree.indexFromItem(item))
        return option.textElideMode

    hint = editor.presets.hint()
    assert hint is not None
    assert elide_mode(hint) == Qt.TextElideMode.ElideRight  # "Use Presets ▸ Save as…"
    assert hint.toolTip(0) == hint.text(0)
    add_preset(editor, library, LONG)
    assert elide_mode(group_items(tree, 1)[0]) == Qt.TextElideMode.ElideMiddle


def test_down_in_the_filter_goes_to_the_first_match(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    panel = editor.presets
    qtbot.keyClicks(panel.filter, "er")  # Manager, Operations
    qtbot.keyClick(panel.filter, Qt.Key.Key_Down)
    assert panel.selected_name() == "Manager"
    assert window.focusWidget() is panel.tree or panel.tree.hasFocus()


def test_enter_in_the_filter_starts_from_the_first_match(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    panel = editor.presets
    qtbot.keyClick(panel.filter, Qt.Key.Key_Return)  # nothing typed: nothing chosen
    assert editor.session.origin == ""
    qtbot.keyClicks(panel.filter, "lead")
    qtbot.keyClick(panel.filter, Qt.Key.Key_Return)
    assert editor.session.origin == "Team Lead"
    assert editor.session.draft["title"] == "Call Center Team Lead"


def test_show_in_folder_names_the_folder_when_nothing_opens_it(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, library: PresetLibrary
) -> None:
    add_preset(editor, library, "Night shift")
    scripted.answer("open_with_system", False)
    editor.presets.revealRequested.emit("Night shift")
    ((title, text),) = scripted.called("show_error")
    assert title == "Cannot open the folder"
    assert str(library.user_dir) in text


# --- the Presets menu -------------------------------------------------------------------------
SELECTION_ACTIONS = ["&New from Preset", "&Rename…", "D&uplicate…", "&Delete…", "Show in &Folder"]


def enabled(window: MainWindow) -> list[str]:
    return [t for t in SELECTION_ACTIONS if menu_action(window, t).isEnabled()]


def test_presets_menu_holds_the_list_actions(window: MainWindow, editor: Editor) -> None:
    texts = [a.text() for a in window.preset_menu.actions() if not a.isSeparator()]
    assert texts[-5:] == SELECTION_ACTIONS
    assert "Save as &Preset…" in texts
    assert enabled(window) == []  # nothing selected


def test_presets_menu_follows_the_selection(
    window: MainWindow, editor: Editor, library: PresetLibrary
) -> None:
    add_preset(editor, library, "Night shift")
    editor.presets.select("Agent")
    assert enabled(window) == ["&New from Preset", "D&uplicate…"]
    editor.presets.select("Night shift")
    assert enabled(window) == SELECTION_ACTIONS
    editor.presets.tree.setCurrentIndex(QModelIndex())
    assert enabled(window) == []


def test_presets_menu_acts_on_the_selected_preset(
    window: MainWindow, editor: Editor, scripted: ScriptedDialogs, library: PresetLibrary
) -> None:
    add_preset(editor, library, "Night shift", origin="Manager")
    editor.presets.select("Night shift")
    menu_action(window, "&New from Preset").trigger()
    assert editor.session.origin == "Night shift"

    menu_action(window, "Show in &Folder").trigger()
    assert scripted.called("open_with_system") == [(library.user_dir,)]

    scripted.answer("ask_preset_name", None)
    menu_action(window, "D&uplicate…").trigger()
    assert name_question(scripted)[2] == "Night shift (copy)"

    scripted.answer("ask_preset_name", "Nights")
    menu_action(window, "&Rename…").trigger()
    assert name_question(scripted)[2] == "Night shift"
    assert editor.presets.selected_name() == "Nights"

    scripted.answer("ask_yes_no", True)
    menu_action(window, "&Delete…").trigger()
    ((title, _text),) = scripted.called("ask_yes_no")
    assert title == "Delete Preset"
    assert editor.presets.names() == BUILT_IN


# --- the start page ---------------------------------------------------------------------------
@pytest.fixture
def start(
    qtbot: QtBot, scripted: ScriptedDialogs, settings: QSettings, library: PresetLibrary
) -> Iterator[Callable[..., Editor]]:
    """Start a window as the application does, with the start page; closed at the end."""
    opened: list[tuple[MainWindow, Editor]] = []

    def start_window(path: Path | None = None) -> Editor:
        window = MainWindow(settings)
        window.show()
        editor = open_editor(window, settings, library, path=path, start_page=True)
        opened.append((window, editor))
        return editor

    yield start_window
    for window, editor in opened:
        close_quietly(window, editor)


def test_start_page_offers_presets_and_recent_files(
    start: Callable[..., Editor],
    scripted: ScriptedDialogs,
    settings: QSettings,
    library: PresetLibrary,
    tmp_path: Path,
) -> None:
    library.save_user_preset("Night shift", library.get("Agent").document)
    settings.setValue("recent/files", [str(tmp_path / "a.jd.json"), str(tmp_path / "b.jd.json")])
    scripted.answer("ask_start", StartChoice(StartKind.BLANK))
    editor = start()
    ((presets, recent),) = scripted.called("ask_start")
    assert [(p.name, p.built_in) for p in presets] == [
        *((name, True) for name in BUILT_IN),
        ("Night shift", False),
    ]
    assert presets[0].description == "Entry-level: answers and resolves customer calls"
    assert presets[-1].description.startswith("Call Center Agent · Entry level · $")
    assert recent == [tmp_path / "a.jd.json", tmp_path / "b.jd.json"]
    assert editor.session.origin == "" and editor.session.file_path is None
    assert editor.session.undo_stack.isClean()


def test_start_page_starts_from_a_preset(
    start: Callable[..., Editor], scripted: ScriptedDialogs
) -> None:
    scripted.answer("ask_start", StartChoice(StartKind.PRESET, preset="Manager"))
    editor = start()
    assert editor.session.origin == "Manager"
    assert editor.session.draft["title"] == "Call Center Manager"


def test_start_page_opens_the_open_dialog(
    start: Callable[..., Editor],
    scripted: ScriptedDialogs,
    posting: JobDescription,
    tmp_path: Path,
) -> None:
    path = tmp_path / "night.jd.json"
    path.write_text(posting.to_json(), encoding="utf-8")
    scripted.answer("ask_start", StartChoice(StartKind.OPEN))
    scripted.answer("ask_open_path", path)
    editor = start()
    assert editor.session.file_path == path


def test_start_page_opens_a_recent_file(
    start: Callable[..., Editor],
    scripted: ScriptedDialogs,
    posting: JobDescription,
    tmp_path: Path,
) -> None:
    path = tmp_path / "night.jd.json"
    path.write_text(posting.to_json(), encoding="utf-8")
    scripted.answer("ask_start", StartChoice(StartKind.RECENT, path=path))
    editor = start()
    assert editor.session.file_path == path
    assert editor.session.draft["title"] == "Night Shift Agent"


def test_no_start_page_for_a_file_argument(
    start: Callable[..., Editor],
    scripted: ScriptedDialogs,
    posting: JobDescription,
    tmp_path: Path,
) -> None:
    path = tmp_path / "night.jd.json"
    path.write_text(posting.to_json(), encoding="utf-8")
    editor = start(path)
    assert not scripted.called("ask_start")
    assert editor.session.file_path == path


def test_no_start_page_after_recovering_work(
    start: Callable[..., Editor], scripted: ScriptedDialogs
) -> None:
    from jdeditor.ui.autosave import Autosave

    autosave = Autosave()
    autosave.schedule({"title": "Unsaved work", "responsibilities": ["Answer"]}, None, "")
    autosave.write_now()
    scripted.answer("ask_yes_no", True)
    editor = start()
    assert not scripted.called("ask_start")
    assert editor.session.draft["title"] == "Unsaved work"


# --- the start page, on its own ---------------------------------------------------------------
STARTS = [
    StartPreset("Agent", "Entry-level: answers and resolves customer calls", built_in=True),
    StartPreset("Manager", "Runs the call center: people, budget, strategy", built_in=True),
    StartPreset("Night shift", "Night Agent · Entry level · pay not stated", built_in=False),
]


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path) -> StartPage:
    page = StartPage(None, STARTS, [tmp_path / "recent.jd.json"])
    qtbot.addWidget(page)
    page.show()
    return page


def test_start_page_lists_presets_with_their_line(page: StartPage) -> None:
    rows = page.rows(page.presets)
    assert [(r.text(0), r.text(1)) for r in rows] == [
        ("Agent", "Entry-level: answers and resolves customer calls"),
        ("Manager", "Runs the call center: people, budget, strategy"),
        ("My presets", ""),
        ("Night shift", "Night Agent · Entry level · pay not stated"),
    ]
    assert not rows[2].flags() & Qt.ItemFlag.ItemIsSelectable  # a heading
    assert [c.preset for c in page.choices(page.presets)] == ["Agent", "Manager", "Night shift"]
    assert page.presets.currentItem() is rows[0]
    assert [(r.text(0), r.toolTip(0)) for r in page.rows(page.recent)] == [
        ("recent.jd.json", str(page.choices(page.recent)[0].path))
    ]


def click(view: QTreeWidget, item: QTreeWidgetItem, qtbot: QtBot) -> None:
    rect = view.visualItemRect(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_start_page_one_click_chooses_a_preset(page: StartPage, qtbot: QtBot) -> None:
    click(page.presets, page.rows(page.presets)[3], qtbot)
    assert page.choice == StartChoice(StartKind.PRESET, preset="Night shift")
    assert page.result() == QDialog.DialogCode.Accepted


def test_start_page_a_heading_chooses_nothing(page: StartPage, qtbot: QtBot) -> None:
    click(page.presets, page.rows(page.presets)[2], qtbot)
    assert page.isVisible() and page.choice == StartChoice(StartKind.BLANK)


def test_start_page_enter_chooses_the_current_preset(page: StartPage, qtbot: QtBot) -> None:
    page.presets.setCurrentItem(page.rows(page.presets)[1])
    qtbot.keyClick(page.presets, Qt.Key.Key_Return)
    assert page.choice == StartChoice(StartKind.PRESET, preset="Manager")
    assert not page.isVisible()


def test_start_page_recent_file(page: StartPage, qtbot: QtBot, tmp_path: Path) -> None:
    click(page.recent, page.rows(page.recent)[0], qtbot)
    assert page.choice == StartChoice(StartKind.RECENT, path=tmp_path / "recent.jd.json")


def test_start_page_open(page: StartPage) -> None:
    page.open_button.click()
    assert page.choice == StartChoice(StartKind.OPEN)
    assert not page.isVisible()


@pytest.mark.parametrize("close", [StartPage.reject, lambda page: page.blank_button.click()])
def test_start_page_blank_or_closed_is_a_blank_posting(
    page: StartPage, close: Callable[[StartPage], object]
) -> None:
    close(page)
    assert page.choice == StartChoice(StartKind.BLANK)
    assert not page.isVisible()


def test_start_page_without_recent_files_hides_the_list(qtbot: QtBot) -> None:
    page = StartPage(None, STARTS, [])
    qtbot.addWidget(page)
    page.show()
    assert not page.recent.isVisibleTo(page)


def test_descriptions_of_presets(library: PresetLibrary) -> None:
    listing = library.list_presets()
    lines = {p.name: p.description for p in start_presets(listing)}
    roles = {
        "Agent": "Entry-level: answers and resolves customer calls",
        "Team Lead": "Coaches a team of agents to its targets",
        "Manager": "Runs the call center: people, budget, strategy",
        "Operations": "Senior lead for routing, metrics, staffing and vendors",
    }
    chinese = {  # the same four roles, described in the user's language
        "呼叫中心客服专员": roles["Agent"],
        "呼叫中心组长": roles["Team Lead"],
        "呼叫中心经理": roles["Manager"],
        "呼叫中心运营经理": roles["Operations"],
    }
    assert lines == roles | chinese
    document = library.get("Agent").document
    library.save_user_preset("Paid", document.model_copy(update={"level": Level.MID}))
    library.save_user_preset(
        "Unpaid", document.model_copy(update={"salary": None, "level": None, "title": "Nights"})
    )
    assert describe(library.get("Paid")).startswith("Call Center Agent · Mid level · $")
    assert describe(library.get("Unpaid")) == "Nights · pay not stated"
    salary = SalaryRange(minimum=17.5, currency="USD", period="hour")
    hourly = library.save_user_preset("Hourly", document.model_copy(update={"salary": salary}))
    assert describe(hourly) == "Call Center Agent · Entry level · $17.50 per hour"
