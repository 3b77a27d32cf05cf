"""Team folders on real files: sources, the settings file, the cache, conflict copies, and
publishing that never loses a version."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdeditor import preset_sources, team_presets
from jdeditor.files import DocumentError
from jdeditor.library import (
    LibraryError,
    OnlyVersionError,
    PresetKind,
    PresetLibrary,
    PresetNotFoundError,
    Published,
    ReadOnlyPresetError,
    TeamPresetExistsError,
)
from jdeditor.model import JobDescription
from jdeditor.preset_names import preset_file_name
from jdeditor.preset_sources import (
    TEAM_MARKER,
    TeamFolder,
    TeamOrigin,
    add_team_folder,
    configured_team_folders,
    conflict_base,
    document_stem,
    read_team_folders,
    remove_team_folder,
    settings_path,
    write_team_folders,
)
from tests.conftest import REPO

AGENT = (REPO / "presets" / "Agent.jd.json").read_bytes()


@pytest.fixture
def team(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    return folder


def team_library(*folders: tuple[Path, str]) -> PresetLibrary:
    return PresetLibrary(team_folders=[TeamFolder(path, name) for path, name in folders])


def team_refs(library: PresetLibrary) -> list[str]:
    return [p.ref for p in library.list_presets().presets if p.kind is PresetKind.TEAM]


# --- conflict copies --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "base"),
    [
        ("Agent (conflicted copy 2024-05-01)", "Agent"),  # Dropbox
        ("Agent (Ann Lee's conflicted copy 2024-05-01)", "Agent"),
        ("Agent (Ann’s conflicted copy 2024-05-01 (1))", "Agent"),
        ("Agent (conflicted copy 2024-05-01 123456)", "Agent"),  # Nextcloud, ownCloud
        ("Agent (conflicted copy ann 2024-05-01 123456)", "Agent"),  # ours
        ("Agent (conflicted copy 2024-05-01) (conflicted copy 2024-05-02)", "Agent"),
        ("Agent.sync-conflict-20240501-123456-ABCDEF7", "Agent"),  # Syncthing
        ("Team Lead-DESKTOP-4F2K9Q", "Team Lead"),  # OneDrive, when "Team Lead" is there
        ("Agent-DESKTOP-4F2K9Q7", "Agent"),
        ("Team-Lead-LAPTOP-AB12CD3", "Team-Lead"),
        ("Agent-JOHNS-PC", "Agent"),
        ("Agent-PC-0042", "Agent"),
        ("Night shift (conflicted copy 2024-05-01)", "Night shift"),  # original gone: still one
    ],
)
def test_sync_conflict_copies_are_recognised(name: str, base: str) -> None:
    present = {"Agent", "Team Lead", "Team-Lead", "Team"}
    assert conflict_base(name, present.__contains__) == base


@pytest.mark.parametrize(
    "name",
    [
        "Team-Lead",  # a name with a hyphen, not OneDrive's copy of "Team"
        "Team-lead",
        "Agent-nights",  # lower case: not a Windows machine name
        "Agent-DESKTOP 4F2",  # a space: not a machine name
        "Manager-DESKTOP-4F2K9Q",  # OneDrive form, but no "Manager" in the folder
        "Manager (1)",  # numbered, but no "Manager" in the folder
        # Ordinary names, though "Agent" is there: never offered to keep or delete as copies.
        "Agent-EMEA",
        "Agent-US",
        "Agent-L2",
        "Agent-2024",
        "Agent (1)",
        "Agent-PC",
        "Agent-LAPTOP7",
        "Agent-DESKTOP",
        "Agent-SUPPORT-DESK",
        "Agent (copy)",
        "Agent (conflicted)",
        "(conflicted copy 2024-05-01)",
        "Agent.sync-conflict-2024-123456",
    ],
)
def test_names_that_only_look_like_copies_are_names(name: str) -> None:
    present = {"Agent", "Team"}
    assert conflict_base(name, present.__contains__) is None


@pytest.mark.parametrize(
    ("file_name", "stem"),
    [
        ("Agent.jd.json", "Agent"),
        ("Agent (conflicted copy 2024-05-01).jd.json", "Agent (conflicted copy 2024-05-01)"),
        ("Agent.jd (conflicted copy 2024-05-01).json", "Agent (conflicted copy 2024-05-01)"),
        (
            "Agent.jd.sync-conflict-20240501-123456-ABCDEF7.json",
            "Agent.sync-conflict-20240501-123456-ABCDEF7",
        ),
        ("Agent.jd (1).json", "Agent (1)"),
        ("Agent.jd-DESKTOP-4F2K9Q.json", "Agent-DESKTOP-4F2K9Q"),
        ("notes.json", None),
        ("Agent.jdx.json", None),
        ("Agent.jd.json.bak", None),
        (".jdeditor-0a1b2c.tmp", None),
        (TEAM_MARKER, None),
    ],
)
def test_file_names_of_presets_and_their_copies(file_name: str, stem: str | None) -> None:
    assert document_stem(file_name) == stem


def test_a_team_folder_lists_conflict_copies_beside_their_original(team: Path) -> None:
    for name in [
        "Agent.jd.json",
        "Agent.jd (Ann's conflicted copy 2024-05-01).json",
        "Agent.jd.sync-conflict-20240501-123456-ABCDEF7.json",
        "Team-Lead.jd.json",
        "Zeta.jd.json",
    ]:
        (team / name).write_bytes(AGENT)
    listing = team_library((team, "Support")).list_presets()
    shown = [(p.name, p.conflict_of) for p in listing.presets if p.kind is PresetKind.TEAM]
    assert shown == [
        ("Agent", None),
        ("Agent (Ann's conflicted copy 2024-05-01)", "Agent"),
        ("Agent.sync-conflict-20240501-123456-ABCDEF7", "Agent"),
        ("Team-Lead", None),
        ("Zeta", None),
    ]
    assert listing.skipped == []


# --- sources and names ------------------------------------------------------------------------
def test_team_presets_are_listed_in_their_own_group_even_under_a_taken_name(
    team: Path, tmp_path: Path, posting: JobDescription
) -> None:
    (team / "Agent.jd.json").write_text(posting.to_json(), encoding="utf-8")
    (team / "Night shift.jd.json").write_text(posting.to_json(), encoding="utf-8")
    library = team_library((team, "Support team"))
    library.save_user_preset("Night shift", posting.model_copy(update={"title": "Mine"}))
    listing = library.list_presets()
    assert [(s.kind, s.label) for s in listing.sources] == [
        (PresetKind.BUILT_IN, "built-in"),
        (PresetKind.USER, "user"),
        (PresetKind.TEAM, "team:Support team"),
    ]
    assert team_refs(library) == ["team:Support team/Agent", "team:Support team/Night shift"]
    assert listing.skipped == []
    # A plain name finds the built-in, then the user's; a qualified one finds the team's.
    assert library.get("agent").kind is PresetKind.BUILT_IN
    assert library.get("Night shift").document.title == "Mine"
    assert library.get("team:support team/AGENT").document.title == posting.title
    assert library.get("team:Support team/Night shift").path == team / "Night shift.jd.json"
    assert library.get("built-in/Agent").kind is PresetKind.BUILT_IN
    assert library.get("user/Night shift").kind is PresetKind.USER
    with pytest.raises(PresetNotFoundError):
        library.get("team:Nobody/Agent")


def test_team_presets_are_not_renamed_or_deleted_as_ones_own(
    team: Path, posting: JobDescription
) -> None:
    (team / "Shared.jd.json").write_text(posting.to_json(), encoding="utf-8")
    library = team_library((team, "Support"))
    for act in (lambda: library.delete("Shared"), lambda: library.rename("Shared", "Other")):
        with pytest.raises(ReadOnlyPresetError, match="is a team preset"):
            act()
    assert (team / "Shared.jd.json").exists()
    assert library.duplicate("team:Support/Shared", "Shared copy").kind is PresetKind.USER


def test_a_missing_unmounted_or_unreadable_team_folder_is_skipped_once(
    team: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (team / "Agent.jd.json").write_bytes(AGENT)
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    denied = tmp_path / "denied"
    denied.mkdir()
    real_iterdir = Path.iterdir

    def iterdir(self: Path) -> Iterator[Path]:
        if self == denied:  # root reads every folder: a normal user's refusal is simulated
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    library = team_library(
        (tmp_path / "unmounted", "Gone"), (a_file, "File"), (denied, "Denied"), (team, "Support")
    )
    listing = library.list_presets()
    assert team_refs(library) == ["team:Support/Agent"]
    reasons = {s.path: s.reason for s in listing.skipped}
    assert reasons == {
        tmp_path / "unmounted": "the team folder “Gone” is not available: the folder does not "
        "exist, or its drive or share is not connected",
        a_file: "the team folder “File” is not available: it is a file, not a folder",
        denied: "the team folder “Denied” is not available: permission denied (is the file or "
        "folder read-only, or open in another program?)",
    }
    assert [s.available for s in listing.teams()] == [False, False, False, True]
    assert library.get("Manager").kind is PresetKind.BUILT_IN
    assert a_file.read_text() == "not a folder"


# --- the cache --------------------------------------------------------------------------------
def test_listing_again_reads_only_the_files_that_changed(
    team: Path, posting: JobDescription
) -> None:
    for number in range(5):
        (team / f"Preset {number}.jd.json").write_bytes(AGENT)
    library = team_library((team, "Support"))
    library.list_presets()
    assert library.parses == 8 + 5  # the built-ins and the team's, once each
    library.list_presets()
    library.get("team:Support/Preset 3")
    assert library.parses == 13  # nothing changed: nothing read again
    changed = posting.model_copy(update={"title": "Changed"})
    (team / "Preset 3.jd.json").write_text(changed.to_json(), encoding="utf-8")
    assert library.get("team:Support/Preset 3").document.title == "Changed"  # re-validated
    assert library.parses == 14
    library.list_presets()
    assert library.parses == 14
    (team / "Preset 4.jd.json").unlink()
    assert len(team_refs(library)) == 4
    cold = team_library((team, "Support"))  # a command's one look: that file alone is read
    assert cold.get("team:support/Preset 3").document.title == "Changed"
    assert cold.parses == 1


def test_a_file_that_vanishes_between_list_and_open_says_so(team: Path) -> None:
    (team / "Agent.jd.json").write_bytes(AGENT)
    (team / "Lead.jd.json").write_bytes(AGENT)
    library = team_library((team, "Support"))
    library.list_presets()
    (team / "Agent.jd.json").unlink()
    with pytest.raises(PresetNotFoundError) as caught:
        library.get("team:Support/Agent")
    assert str(caught.value) == (
        f"The preset “Agent” is no longer in {team}: it was moved, renamed or deleted."
    )
    (team / "Lead.jd.json").rename(team / "LEAD.jd.json")  # renamed meanwhile: found again
    assert library.get("team:Support/Lead").path == team / "LEAD.jd.json"


def test_a_file_broken_since_it_was_listed_cannot_be_opened(team: Path) -> None:
    (team / "Agent.jd.json").write_bytes(AGENT)
    library = team_library((team, "Support"))
    library.list_presets()
    (team / "Agent.jd.json").write_text("{")
    with pytest.raises(LibraryError, match="“Agent” cannot be read now: is not valid JSON"):
        library.get("team:Support/Agent")


# --- publishing -------------------------------------------------------------------------------
def test_publish_a_new_preset_then_replace_it_while_unchanged(
    team: Path, posting: JobDescription
) -> None:
    library = team_library((team, "Support"))
    library.save_user_preset("Night shift", posting)
    first = library.publish("Night shift", "support")
    assert first.outcome is Published.CREATED
    assert first.preset.path == team / "Night shift.jd.json"
    assert first.preset.ref == "team:Support/Night shift"
    library.save_user_preset(
        "Night shift", posting.model_copy(update={"title": "V2"}), overwrite=True
    )
    with pytest.raises(TeamPresetExistsError, match="already in the team folder “Support”") as seen:
        library.publish("user/Night shift", "Support")
    again = library.publish("user/Night shift", "Support", replace=seen.value.version)
    assert again.outcome is Published.REPLACED
    assert library.get("team:Support/Night shift").document.title == "V2"
    assert sorted(p.name for p in team.iterdir()) == ["Night shift.jd.json"]


def test_replacing_a_version_someone_changed_meanwhile_keeps_both(
    team: Path, posting: JobDescription
) -> None:
    library = team_library((team, "Support"))
    library.publish("Agent", "Support")
    with pytest.raises(TeamPresetExistsError) as seen:
        library.publish("Agent", "Support")
    theirs = posting.model_copy(update={"title": "Theirs"}).to_json()
    (team / "Agent.jd.json").write_text(theirs, encoding="utf-8")  # published meanwhile
    result = library.publish("Agent", "Support", replace=seen.value.version)
    assert result.outcome is Published.CONFLICT_COPY
    assert result.preset.conflict_of == "Agent"
    assert (team / "Agent.jd.json").read_text(encoding="utf-8") == theirs
    listing = library.list_presets()
    copies = [p for p in listing.presets if p.conflict_of == "Agent"]
    assert [p.name for p in copies] == [result.preset.name]
    assert copies[0].document.title == "Call Center Agent"


def test_a_read_only_team_folder_is_refused(team: Path) -> None:
    (team / TEAM_MARKER).write_text('{"read_only": true}')
    library = team_library((team, "Approved"))
    (source,) = library.list_presets().teams()
    assert not source.writable
    assert source.note == f"its {TEAM_MARKER} file makes it read-only"
    with pytest.raises(ReadOnlyPresetError, match="“Approved” is read-only"):
        library.publish("Agent", "Approved")
    assert sorted(p.name for p in team.iterdir()) == [TEAM_MARKER]
    (team / TEAM_MARKER).write_text('{"read_only": tru')  # a broken marker: read-only still
    (source,) = library.list_presets().teams()
    assert not source.writable and "cannot be read" in source.note
    with pytest.raises(LibraryError, match="There is no team folder named “Nobody”"):
        library.publish("Agent", "Nobody")


def _at_once(work: list[Callable[[], Any]]) -> list[Any]:
    """Run each callable on its own thread, all released together; their results."""
    barrier = threading.Barrier(len(work))
    results: list[Any] = [None] * len(work)

    def run(index: int) -> None:
        barrier.wait()
        results[index] = work[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _titles(folder: Path) -> list[str]:
    return sorted(
        json.loads(path.read_text(encoding="utf-8"))["title"]
        for path in folder.iterdir()
        if path.name.endswith(".json")
    )


def _two_people(
    tmp_path: Path, attempt: int, posting: JobDescription
) -> tuple[Path, list[PresetLibrary]]:
    """A team folder, and two people each with their own "Shift" preset to publish to it."""
    folder = tmp_path / f"team {attempt}"
    folder.mkdir()
    people = []
    for who in ("Ann", "Bo"):
        library = PresetLibrary(
            user_dir=tmp_path / who / str(attempt), team_folders=[TeamFolder(folder, "T")]
        )
        library.save_user_preset("Shift", posting.model_copy(update={"title": who}))
        people.append(library)
    return folder, people


def test_two_people_publishing_one_name_at_once_both_keep_their_version(
    tmp_path: Path, posting: JobDescription, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both look before either writes (the race): neither sees the other's file.
    monkeypatch.setattr(team_presets, "_entry_named", lambda _folder, _name: None)
    for attempt in range(10):
        folder, people = _two_people(tmp_path, attempt, posting)
        results = _at_once([partial(person.publish, "Shift", "T") for person in people])
        assert sorted(r.outcome for r in results) == [Published.CONFLICT_COPY, Published.CREATED]
        assert _titles(folder) == ["Ann", "Bo"]
        (copy,) = [r.preset for r in results if r.outcome is Published.CONFLICT_COPY]
        assert team_refs(people[0]) == ["team:T/Shift", copy.ref]


def test_two_people_replacing_one_version_at_once_both_keep_theirs(
    tmp_path: Path, posting: JobDescription
) -> None:
    for attempt in range(10):
        folder, people = _two_people(tmp_path, attempt, posting)
        (folder / "Shift.jd.json").write_text(
            posting.model_copy(update={"title": "Old"}).to_json(), encoding="utf-8"
        )
        seen = []
        for library in people:
            with pytest.raises(TeamPresetExistsError) as exists:
                library.publish("Shift", "T")
            seen.append(exists.value.version)
        results = _at_once(
            [
                partial(person.publish, "Shift", "T", replace=version)
                for person, version in zip(people, seen, strict=True)
            ]
        )
        outcomes = sorted(r.outcome for r in results)
        # One replaced "Old" (or wrote "Shift" while the other had set "Old" aside); the other
        # found it changed and kept theirs as a copy. "Old" is gone, as both agreed.
        assert outcomes in (
            [Published.CONFLICT_COPY, Published.REPLACED],
            [Published.CONFLICT_COPY, Published.CREATED],
        ), results
        assert _titles(folder) == ["Ann", "Bo"]


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_keep_or_delete_a_conflict_copy(team: Path, posting: JobDescription) -> None:
    (team / "Agent.jd.json").write_bytes(AGENT)
    copy = "Agent (conflicted copy 2024-05-01).jd.json"
    (team / copy).write_text(posting.to_json(), encoding="utf-8")
    (team / "Lead.jd.json").write_bytes(AGENT)
    (team / "Lead-DESKTOP-4F2K9Q7.jd.json").write_bytes(AGENT)
    (team / "Lead (1).jd.json").write_bytes(AGENT)  # a name, not a copy
    library = team_library((team, "Support"))
    with pytest.raises(LibraryError, match="is not a conflicting copy"):
        library.keep_conflict_copy("team:Support/Agent")
    with pytest.raises(LibraryError, match="is not a conflicting copy"):
        library.delete_conflict_copy("team:Support/Lead (1)")
    kept = library.keep_conflict_copy("team:Support/Agent (conflicted copy 2024-05-01)")
    assert kept.ref == "team:Support/Agent"
    assert library.get("team:Support/Agent").document.title == posting.title
    # The version it replaced is never deleted outright: it stays, visible, as a copy.
    (replaced,) = [p for p in library.list_presets().presets if p.conflict_of == "Agent"]
    assert replaced.name.startswith("Agent (conflicted copy, replaced ")
    assert replaced.document.title == "Call Center Agent"
    library.delete_conflict_copy(replaced.ref)
    library.delete_conflict_copy("team:Support/Lead-DESKTOP-4F2K9Q7")
    assert _files(team) == ["Agent.jd.json", "Lead (1).jd.json", "Lead.jd.json"]


def test_keeping_a_copy_identical_to_the_original_leaves_one_file(team: Path) -> None:
    (team / "Agent.jd.json").write_bytes(AGENT)
    (team / "Agent (conflicted copy 2024-05-01).jd.json").write_bytes(AGENT)
    library = team_library((team, "Support"))
    library.keep_conflict_copy("team:Support/Agent (conflicted copy 2024-05-01)")
    assert _files(team) == ["Agent.jd.json"]


@pytest.mark.parametrize("original", ["missing", "broken"])
def test_the_only_version_is_never_deleted(
    team: Path, posting: JobDescription, original: str
) -> None:
    copy = "Agent (conflicted copy 2024-05-01)"
    (team / f"{copy}.jd.json").write_text(posting.to_json(), encoding="utf-8")
    if original == "broken":
        (team / "Agent.jd.json").write_text("{not json", encoding="utf-8")
    library = team_library((team, "Support"))
    before = _files(team)
    seen = library.look_at_conflict(f"team:Support/{copy}")
    assert not seen.original_readable
    with pytest.raises(OnlyVersionError, match="may be its only version; it was not deleted"):
        library.delete_conflict_copy(f"team:Support/{copy}", seen)
    with pytest.raises(OnlyVersionError):
        library.delete_conflict_copy(f"team:Support/{copy}")
    assert _files(team) == before
    # Keeping it instead makes it the original (a broken one is kept beside it).
    library.keep_conflict_copy(f"team:Support/{copy}", seen)
    assert library.get("team:Support/Agent").document.title == posting.title
    assert (team / f"{copy}.jd.json").exists() is False
    assert len(_files(team)) == (1 if original == "missing" else 2)


def test_keep_and_delete_act_only_on_the_versions_the_user_saw(
    team: Path, posting: JobDescription
) -> None:
    copy = "team:Support/Agent (conflicted copy 2024-05-01)"
    copy_file = team / "Agent (conflicted copy 2024-05-01).jd.json"
    original = team / "Agent.jd.json"
    original.write_bytes(AGENT)
    copy_file.write_text(posting.to_json(), encoding="utf-8")
    library = team_library((team, "Support"))
    colleague = posting.model_copy(update={"title": "A colleague's change"}).to_json()

    # A colleague changes the original while the question is open: nothing happens.
    seen = library.look_at_conflict(copy)
    original.write_text(colleague, encoding="utf-8")
    for act in (library.delete_conflict_copy, library.keep_conflict_copy):
        with pytest.raises(LibraryError, match="changed in the team folder"):
            act(copy, seen)
    assert original.read_text(encoding="utf-8") == colleague
    assert copy_file.exists()

    # A colleague changes the copy while the question is open: nothing happens either.
    seen = library.look_at_conflict(copy)
    copy_file.write_text(colleague + " ", encoding="utf-8")
    for act in (library.delete_conflict_copy, library.keep_conflict_copy):
        with pytest.raises(LibraryError, match="changed in the team folder"):
            act(copy, seen)
    assert copy_file.read_text(encoding="utf-8") == colleague + " "
    assert original.read_text(encoding="utf-8") == colleague


def test_two_people_keeping_different_copies_at_once_lose_nothing(
    team: Path, posting: JobDescription
) -> None:
    (team / "Agent.jd.json").write_bytes(AGENT)
    names = ["Agent (conflicted copy 2024-05-01)", "Agent (conflicted copy 2024-05-02)"]
    for name, title in zip(names, ("Ann", "Bo"), strict=True):
        (team / f"{name}.jd.json").write_text(
            posting.model_copy(update={"title": title}).to_json(), encoding="utf-8"
        )
    ann, bo = team_library((team, "Support")), team_library((team, "Support"))
    seen = [ann.look_at_conflict(f"team:Support/{names[0]}")]
    seen.append(bo.look_at_conflict(f"team:Support/{names[1]}"))
    ann.keep_conflict_copy(f"team:Support/{names[0]}", seen[0])
    with pytest.raises(LibraryError, match="changed in the team folder"):
        bo.keep_conflict_copy(f"team:Support/{names[1]}", seen[1])
    assert _titles(team) == ["Ann", "Bo", "Call Center Agent"]
    assert ann.get("team:Support/Agent").document.title == "Ann"


def test_a_long_non_latin_name_gets_its_conflict_copy(team: Path, posting: JobDescription) -> None:
    name = "客" * 80  # 240 bytes of a file name's 255: a marker does not fit beside it whole
    library = team_library((team, "Support"))
    library.save_user_preset(name, posting)
    library.publish(name, "Support")
    with pytest.raises(TeamPresetExistsError) as seen:
        library.publish(name, "Support")
    library.save_user_preset(name, posting.model_copy(update={"title": "V2"}), overwrite=True)
    library.publish(f"user/{name}", "Support", replace=seen.value.version)
    assert _titles(team) == ["V2"]
    (team / preset_file_name(name)).write_text(
        posting.model_copy(update={"title": "Theirs"}).to_json(), encoding="utf-8"
    )
    result = library.publish(f"user/{name}", "Support", replace=seen.value.version)
    assert result.outcome is Published.CONFLICT_COPY
    assert len(result.preset.path.name.encode("utf-8")) <= 255
    assert _titles(team) == ["Theirs", "V2"]
    # Listed as a copy of the long name, though its file holds only the start of it.
    copies = [p for p in library.list_presets().presets if p.conflict_of is not None]
    assert [p.conflict_of for p in copies] == [name]


def test_a_displaced_file_that_cannot_be_removed_is_a_leftover_not_a_failure(
    team: Path, posting: JobDescription, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = team_library((team, "Support"))
    library.publish("Agent", "Support")
    with pytest.raises(TeamPresetExistsError) as seen:
        library.publish("Agent", "Support")
    unlink = Path.unlink

    def refuse_asides(path: Path, missing_ok: bool = False) -> None:
        if "replaced" in path.name:
            raise PermissionError(13, "Permission denied", str(path))
        unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse_asides)
    result = library.publish("Agent", "Support", replace=seen.value.version)
    assert result.outcome is Published.REPLACED
    assert result.leftover is not None and result.leftover.exists()


def test_a_folder_named_like_a_preset_is_never_replaced(team: Path) -> None:
    (team / "Agent.jd.json").mkdir()
    library = team_library((team, "Support"))
    result = library.publish("Agent", "Support")
    assert result.outcome is Published.CONFLICT_COPY
    assert (team / "Agent.jd.json").is_dir()


def test_a_file_marked_read_only_is_not_replaced_and_modes_are_kept(
    team: Path, posting: JobDescription
) -> None:
    original = team / "Agent.jd.json"
    original.write_bytes(AGENT)
    copy = "Agent (conflicted copy 2024-05-01)"
    (team / f"{copy}.jd.json").write_text(posting.to_json(), encoding="utf-8")
    library = team_library((team, "Support"))
    original.chmod(0o444)
    with pytest.raises(ReadOnlyPresetError, match="marked read-only in the team folder"):
        library.keep_conflict_copy(f"team:Support/{copy}")
    with pytest.raises(TeamPresetExistsError) as seen:
        library.publish("Agent", "Support")
    with pytest.raises(ReadOnlyPresetError, match="“Agent” is marked read-only"):
        library.publish("Agent", "Support", replace=seen.value.version)
    assert original.read_bytes() == AGENT and len(_files(team)) == 2
    original.chmod(0o640)
    library.keep_conflict_copy(f"team:Support/{copy}")
    assert original.stat().st_mode & 0o777 == 0o640
    assert library.get("team:Support/Agent").document.title == posting.title


# --- the settings file ------------------------------------------------------------------------
def test_settings_file_round_trip_keeps_other_keys(tmp_path: Path) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"future": {"x": 1}, "team_folders": [{"path": "shared"}]}')
    assert read_team_folders() == [TeamFolder(path.parent / "shared", "shared")]
    added = add_team_folder(tmp_path / "support", "Support team")
    add_team_folder(tmp_path / "support", "Support")  # the same folder: renamed, not doubled
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["future"] == {"x": 1}
    assert data["team_folders"] == [
        {"path": "shared"},  # as it was written: another entry is never rewritten
        {"path": str(added.path), "name": "Support"},
    ]
    remove_team_folder(tmp_path / "support")
    assert [f.name for f in read_team_folders()] == ["shared"]


def test_environment_and_command_line_folders_join_the_settings_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_team_folders([TeamFolder(tmp_path / "a", "Team")])
    monkeypatch.setenv(
        preset_sources.ENVIRONMENT_VARIABLE,
        os.pathsep.join([str(tmp_path / "b"), "", str(tmp_path / "a")]),
    )
    preset_sources.set_run_folders([tmp_path / "c" / "Team"])
    folders, problem = configured_team_folders()
    assert problem is None
    assert [(f.path, f.name, f.origin) for f in folders] == [
        (tmp_path / "a", "Team", TeamOrigin.SETTINGS),
        (tmp_path / "b", "b", TeamOrigin.ENVIRONMENT),
        (tmp_path / "c" / "Team", "Team (2)", TeamOrigin.COMMAND_LINE),
    ]


_TEXT = st.text(st.characters(codec=None, categories=None), max_size=12)  # surrogates included
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["team_folders", "path", "name"]) | _TEXT, children, max_size=4
        )
    ),
    max_leaves=20,
)


@st.composite
def hostile_settings(draw: st.DrawFn) -> bytes:
    """Any JSON, or a settings file whose team folders hold anything; sometimes raw bytes."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.binary(max_size=40))
    if kind == 1:
        value: Any = draw(_JSON)
    else:
        value = {
            "team_folders": draw(
                st.lists(_JSON | st.fixed_dictionaries({"path": _JSON}), max_size=3)
            )
        }
    return json.dumps(value, ensure_ascii=True).encode()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_settings())
def test_a_hostile_settings_file_names_itself_and_is_never_overwritten(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("settings") / "settings.json"
    path.write_bytes(data)
    try:
        folders = read_team_folders(path)
    except DocumentError as error:
        assert error.lines() and all(line.startswith(str(path)) for line in error.lines())
        with pytest.raises(DocumentError):
            add_team_folder(path.parent, "Team", path)
        assert path.read_bytes() == data
        return
    assert all(isinstance(folder.path, Path) for folder in folders)


def test_a_bad_settings_file_is_reported_and_everything_else_works(team: Path) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"team_folders": [{"path": 5}]}')
    preset_sources.set_run_folders([team])
    (team / "Agent.jd.json").write_bytes(AGENT)
    listing = PresetLibrary().list_presets()
    assert [str(s) for s in listing.skipped] == [
        f"{path}: team_folders.0.path: Path input should be a valid string"
    ]
    assert [p.ref for p in listing.presets if p.kind is PresetKind.TEAM] == ["team:team/Agent"]
    assert path.read_text() == '{"team_folders": [{"path": 5}]}'


def test_the_built_in_or_own_presets_folder_is_never_a_team_folder(tmp_path: Path) -> None:
    """Listed as a team's, either would show every preset twice; publishing into the built-in
    folder would change the install. Reached through a link, too."""
    link = tmp_path / "link-to-mine"
    mine = PresetLibrary().user_dir
    mine.mkdir(parents=True, exist_ok=True)
    link.symlink_to(mine, target_is_directory=True)
    built_in = PresetLibrary().built_in_dir
    library = team_library((built_in, "Install"), (link, "Mine"))
    listing = library.list_presets()
    notes = {source.name: (source.available, source.note) for source in listing.teams()}
    assert notes == {
        "Install": (False, "it is the built-in presets folder"),
        "Mine": (False, "it is your own presets folder (My presets)"),
    }
    assert [p.name for p in listing.presets].count("Agent") == 1
    before = sorted(path.name for path in built_in.iterdir())
    for team in ("Install", "Mine"):
        with pytest.raises(ReadOnlyPresetError):
            library.publish("Agent", team)
    assert sorted(path.name for path in built_in.iterdir()) == before
    assert not list(mine.iterdir())
