"""Team folders in the window: their groups in the preset panel, publishing, conflict copies,
a file that vanishes, folders that change under the window, and adding or removing a folder."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from jdeditor import preset_sources
from jdeditor.library import PresetKind, PresetLibrary
from jdeditor.model import JobDescription
from jdeditor.preset_sources import TEAM_MARKER, read_team_folders
from jdeditor.ui import dialogs
from jdeditor.ui.app import Editor
from jdeditor.ui.main_window import MainWindow
from jdeditor.ui.preset_watcher import FULL_EVERY, PresetWatcher
from tests.conftest import REPO
from tests.ui.conftest import ScriptedDialogs

AGENT = (REPO / "presets" / "Agent.jd.json").read_bytes()
COPY = "Agent (conflicted copy 2024-05-01)"


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    """A writable team folder with a preset and its conflict copy, a read-only one, a missing
    one; given to the window as ``--presets-dir`` would."""
    support, approved = tmp_path / "Support", tmp_path / "Approved"
    for folder in (support, approved):
        folder.mkdir()
    (support / "Agent.jd.json").write_bytes(AGENT)
    (support / f"{COPY}.jd.json").write_text(
        json.dumps({**json.loads(AGENT), "title": "Their Agent"}), encoding="utf-8"
    )
    (approved / TEAM_MARKER).write_text('{"read_only": true}')
    (approved / "Approved Agent.jd.json").write_bytes(AGENT)
    preset_sources.set_run_folders([support, approved, tmp_path / "Unmounted"])
    return {"support": support, "approved": approved}


@pytest.fixture
def teams(editor: Editor, folders: dict[str, Path]) -> Editor:
    editor.preset_actions.refresh()
    return editor


def test_each_team_folder_is_a_group_with_its_presets_and_conflicts(
    window: MainWindow, teams: Editor, folders: dict[str, Path]
) -> None:
    panel = teams.presets
    assert panel.team_groups() == {
        "Support": ["Agent", f"Conflicting copy of “Agent”: {COPY}"],
        "Approved": ["Approved Agent"],
        "Unmounted": [
            "Not available: the folder does not exist, or its drive or share is not connected"
        ],
    }
    assert panel.names()[-3:] == [
        "team:Support/Agent",
        f"team:Support/{COPY}",
        "team:Approved/Approved Agent",
    ]
    assert panel.publish_targets() == ["Support"]
    copy = next(
        item
        for item in panel._items()
        if item.data(0, Qt.ItemDataRole.UserRole) == f"team:Support/{COPY}"
    )
    assert not copy.icon(0).isNull()
    assert "changed in two places at once" in copy.toolTip(0)
    assert str(folders["support"]) in copy.toolTip(0)
    assert "Skipped 1 unreadable preset file(s)" in window.statusBar().currentMessage()


def test_a_team_preset_starts_a_posting_like_a_built_in(teams: Editor) -> None:
    teams.presets.presetActivated.emit(f"team:Support/{COPY}")
    assert teams.session.draft["title"] == "Their Agent"


def context_texts(editor: Editor, name: str, **kinds: Any) -> list[str]:
    menu = editor.presets.context_menu(name, **kinds)
    texts = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            texts += [f"{action.text()} ▸ {a.text()}" for a in submenu.actions()]
        elif action.text():
            texts.append(action.text())
    return texts


def test_the_context_menu_offers_publish_and_conflict_actions(
    teams: Editor,
) -> None:
    assert context_texts(teams, "Agent", read_only=True) == [
        "&New from this preset",
        "D&uplicate…",
        "&Publish to “Support”…",
    ]
    assert context_texts(
        teams, f"team:Support/{COPY}", read_only=False, kind=PresetKind.TEAM, conflict_of="Agent"
    ) == [
        "&New from this preset",
        "&Keep This Copy in Place of “Agent”…",
        "Delete This &Copy…",
        "D&uplicate…",
        "Show in &folder",
    ]
    assert context_texts(
        teams, "team:Approved/Approved Agent", read_only=True, kind=PresetKind.TEAM
    ) == ["&New from this preset", "D&uplicate…", "Show in &folder", "&Publish to “Support”…"]


def test_publish_new_then_replace_after_asking(
    window: MainWindow,
    teams: Editor,
    scripted: ScriptedDialogs,
    library: PresetLibrary,
    posting: JobDescription,
) -> None:
    library.save_user_preset("Night shift", posting)
    teams.presets.publishRequested.emit("Night shift", "Support")
    assert library.get("team:Support/Night shift").path.name == "Night shift.jd.json"
    assert window.statusBar().currentMessage() == "Published “Night shift” to “Support”"
    assert teams.presets.selected_name() == "team:Support/Night shift"
    scripted.answer("ask_yes_no", False)
    teams.presets.publishRequested.emit("Night shift", "Support")  # exists: asked, refused
    ((title, text),) = scripted.called("ask_yes_no")
    assert title == "Replace Team Preset?"
    assert text == (
        "“Support” already has a preset named “Night shift”. Replace it with yours for everyone "
        "who uses the folder?"
    )
    library.save_user_preset(
        "Night shift", posting.model_copy(update={"title": "V2"}), overwrite=True
    )
    scripted.answer("ask_yes_no", True)
    teams.presets.publishRequested.emit("Night shift", "Support")
    assert library.get("team:Support/Night shift").document.title == "V2"
    assert not scripted.called("show_message")


def test_someone_publishing_while_we_ask_keeps_both(
    teams: Editor,
    scripted: ScriptedDialogs,
    library: PresetLibrary,
    folders: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = folders["support"] / "Agent.jd.json"
    theirs = json.dumps({**json.loads(AGENT), "title": "Published meanwhile"})

    def answer_after_someone_published(*_args: object) -> bool:
        target.write_text(theirs, encoding="utf-8")
        return True

    monkeypatch.setattr(dialogs, "ask_yes_no", answer_after_someone_published)
    teams.presets.publishRequested.emit("Agent", "Support")
    ((title, text),) = scripted.called("show_message")
    assert title == "Published as a Copy"
    assert text.startswith("Someone else published “Agent” to “Support” at the same time.")
    assert target.read_text(encoding="utf-8") == theirs
    copies = [name for name in teams.presets.names() if "(conflicted copy " in name]
    assert len(copies) == 2  # the one from the sync service, and ours
    assert teams.presets.selected_name() in copies


def test_a_read_only_team_folder_refuses_with_a_message(
    teams: Editor, scripted: ScriptedDialogs, folders: dict[str, Path]
) -> None:
    teams.presets.publishRequested.emit("Agent", "Approved")
    ((title, text),) = scripted.called("show_error")
    assert title == "Cannot publish preset"
    assert "“Approved” is read-only" in text
    assert sorted(p.name for p in folders["approved"].iterdir()) == [
        TEAM_MARKER,
        "Approved Agent.jd.json",
    ]


def test_keep_or_delete_a_conflicting_copy_after_asking(
    teams: Editor, scripted: ScriptedDialogs, library: PresetLibrary, folders: dict[str, Path]
) -> None:
    scripted.answer("ask_yes_no", False, True)
    teams.presets.keepConflictRequested.emit(f"team:Support/{COPY}")  # asked, refused
    assert (folders["support"] / f"{COPY}.jd.json").exists()
    teams.presets.keepConflictRequested.emit(f"team:Support/{COPY}")
    assert library.get("team:Support/Agent").document.title == "Their Agent"
    # The version it replaced stays beside it as a conflicting copy, never deleted outright.
    (replaced,) = [
        name for name in teams.presets.names() if name.startswith("team:Support/Agent (")
    ]
    assert "(conflicted copy, replaced " in replaced
    assert scripted.called("ask_yes_no")[0][0] == "Keep This Copy?"

    scripted.answer("ask_yes_no", True)
    teams.presets.deleteConflictRequested.emit(replaced)
    assert sorted(p.name for p in folders["support"].iterdir()) == ["Agent.jd.json"]
    assert teams.presets.team_groups()["Support"] == ["Agent"]
    assert scripted.called("ask_yes_no")[-1][0] == "Delete This Copy?"


def test_deleting_the_only_version_is_refused_and_keeping_it_offered(
    teams: Editor, scripted: ScriptedDialogs, library: PresetLibrary, folders: dict[str, Path]
) -> None:
    (folders["support"] / "Agent.jd.json").unlink()
    teams.preset_actions.refresh()
    scripted.answer("ask_yes_no", False, True)
    teams.presets.deleteConflictRequested.emit(f"team:Support/{COPY}")  # offered Keep: no
    assert (folders["support"] / f"{COPY}.jd.json").exists()
    title, text = scripted.called("ask_yes_no")[0]
    assert title == "Keep This Copy Instead?"
    assert text.startswith("“Agent” is missing or cannot be read, so “Agent (conflicted copy")
    teams.presets.deleteConflictRequested.emit(f"team:Support/{COPY}")  # offered Keep: yes
    assert sorted(p.name for p in folders["support"].iterdir()) == ["Agent.jd.json"]
    assert library.get("team:Support/Agent").document.title == "Their Agent"
    assert [t for t, _ in scripted.called("ask_yes_no")] == ["Keep This Copy Instead?"] * 2


def test_a_change_made_while_asking_stops_keep_and_delete(
    teams: Editor,
    scripted: ScriptedDialogs,
    folders: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = folders["support"] / "Agent.jd.json"
    theirs = json.dumps({**json.loads(AGENT), "title": "Changed meanwhile"})

    def answer_after_a_colleague_changed_it(*_args: object) -> bool:
        original.write_text(theirs, encoding="utf-8")
        return True

    monkeypatch.setattr(dialogs, "ask_yes_no", answer_after_a_colleague_changed_it)
    teams.presets.keepConflictRequested.emit(f"team:Support/{COPY}")
    teams.presets.deleteConflictRequested.emit(f"team:Support/{COPY}")
    errors = scripted.called("show_error")
    assert [title for title, _ in errors] == ["Cannot keep this copy", "Cannot delete this copy"]
    assert all("changed in the team folder" in text for _, text in errors)
    assert original.read_text(encoding="utf-8") == theirs
    assert sorted(p.name for p in folders["support"].iterdir()) == sorted(
        ["Agent.jd.json", f"{COPY}.jd.json"]
    )


def test_a_preset_that_vanished_is_said_and_the_list_refreshed(
    teams: Editor, scripted: ScriptedDialogs, folders: dict[str, Path]
) -> None:
    (folders["support"] / f"{COPY}.jd.json").unlink()
    teams.presets.presetActivated.emit(f"team:Support/{COPY}")
    ((title, text),) = scripted.called("show_error")
    assert title == "Cannot start from preset"
    assert text == (
        f"The preset “{COPY}” is no longer in {folders['support']}: it was moved, renamed or "
        "deleted."
    )
    assert teams.presets.team_groups()["Support"] == ["Agent"]


def test_the_panel_follows_a_folder_that_changes_keeping_the_selection(
    qtbot: QtBot, teams: Editor, folders: dict[str, Path]
) -> None:
    panel = teams.presets
    panel.select("team:Support/Agent")
    (folders["support"] / "Night.jd.json").write_bytes(AGENT)  # the system tells the watcher
    qtbot.waitUntil(lambda: "Night" in panel.team_groups()["Support"], timeout=5000)
    assert panel.selected_name() == "team:Support/Agent"
    (folders["support"] / "Night.jd.json").unlink()  # a share that tells nothing: the poll sees
    teams.preset_actions.watcher.poll_timer.timeout.emit()
    assert "Night" not in panel.team_groups()["Support"]
    assert panel.selected_name() == "team:Support/Agent"
    assert str(folders["support"]) in teams.preset_actions.watcher.folders()


def test_add_and_remove_a_team_folder_from_the_menu(
    teams: Editor,
    scripted: ScriptedDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shared = tmp_path / "Sales share"
    shared.mkdir()
    (shared / "Sales Agent.jd.json").write_bytes(AGENT)
    monkeypatch.setattr(dialogs, "ask_folder", lambda *_args: shared)
    scripted.answer("ask_text", "Sales")
    teams.preset_actions.teams.add_team_folder()
    assert [(f.path, f.name) for f in read_team_folders()] == [(shared, "Sales")]
    assert teams.presets.team_groups()["Sales"] == ["Sales Agent"]
    scripted.answer("ask_yes_no", True)
    teams.preset_actions.teams.remove_team_folder("Sales")
    assert read_team_folders() == []
    assert "Sales" not in teams.presets.team_groups()
    assert (shared / "Sales Agent.jd.json").exists()


def test_a_bad_settings_file_is_left_as_it_is(
    teams: Editor, scripted: ScriptedDialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = preset_sources.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"team_folders": "oops"}')
    monkeypatch.setattr(dialogs, "ask_folder", lambda *_args: tmp_path)
    scripted.answer("ask_text", "Mine")
    teams.preset_actions.teams.add_team_folder()
    ((title, text, details),) = scripted.called("show_error")
    assert title == "Cannot add team folder"
    assert text.startswith("The settings file cannot be used, so it was left as it is.")
    assert details.startswith(f"{path}: team_folders: ")
    assert path.read_text() == '{"team_folders": "oops"}'


def test_the_presets_menu_publishes_the_selected_preset(
    window: MainWindow, teams: Editor, folders: dict[str, Path]
) -> None:
    texts = [a.text() for a in window.preset_menu.actions()]
    assert texts.index("Pu&blish Selected Preset to Team") < texts.index("&New from Preset")
    publish = window.preset_menu.actions()[texts.index("Pu&blish Selected Preset to Team")]
    assert not publish.isEnabled()  # nothing selected
    teams.presets.select("Manager")
    assert publish.isEnabled()
    menu = publish.menu()
    assert isinstance(menu, QMenu)
    menu.aboutToShow.emit()
    (action,) = menu.actions()
    assert action.text() == "Support"
    action.trigger()
    assert (folders["support"] / "Manager.jd.json").exists()
    teams_menu = window.preset_menu.actions()[texts.index("&Team Folders")].menu()
    assert isinstance(teams_menu, QMenu)
    teams_menu.aboutToShow.emit()
    # Folders named on the command line are not the menu's to remove.
    assert [a.text() for a in teams_menu.actions()] == ["&Add Team Folder…"]


def test_the_poll_looks_at_folder_times_and_lists_in_full_now_and_then(
    qtbot: QtBot, tmp_path: Path
) -> None:
    watcher = PresetWatcher()
    watcher.watch([tmp_path, tmp_path / "unmounted"])
    with qtbot.assertNotEmitted(watcher.changed):
        watcher.poll()  # nothing changed: nothing listed
    before = tmp_path.stat().st_mtime_ns
    (tmp_path / "New.jd.json").write_bytes(AGENT)
    # A coarse clock may give the folder the time it had a few ms ago: make it a later one.
    os.utime(tmp_path, ns=(before + 10**7, before + 10**7))
    with qtbot.waitSignal(watcher.changed, timeout=1000):
        watcher.poll()
    watcher.watch([tmp_path, tmp_path / "unmounted"])  # listed again
    with qtbot.assertNotEmitted(watcher.changed):
        for _ in range(FULL_EVERY - 1):
            watcher.poll()
    with qtbot.waitSignal(watcher.changed, timeout=1000):
        watcher.poll()  # a file edited in place changes no folder time: a full look is due
    (tmp_path / "unmounted").mkdir()  # the share is back
    with qtbot.waitSignal(watcher.changed, timeout=1000):
        watcher.poll()
