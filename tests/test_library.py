"""The preset library on real files: CRUD, bad files, safe names, concurrent writers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from jdeditor import i18n
from jdeditor.library import (
    PRESET_NAME_MAX,
    PresetExistsError,
    PresetKind,
    PresetLibrary,
    PresetNameError,
    PresetNotFoundError,
    ReadOnlyPresetError,
    default_user_presets_dir,
    preset_file_name,
    preset_name_from_file,
)
from jdeditor.model import JobDescription
from tests.conftest import HOSTILE_PRESETS, REPO

ENGLISH = ["Agent", "Team Lead", "Manager", "Operations"]
CHINESE = ["呼叫中心客服专员", "呼叫中心组长", "呼叫中心经理", "呼叫中心运营经理"]
BUILT_IN = ENGLISH + CHINESE  # the user's language first: English in the tests


def names(library: PresetLibrary) -> list[str]:
    return [preset.name for preset in library.list_presets().presets]


def test_user_presets_live_in_the_platformdirs_data_dir(
    library: PresetLibrary, isolated_dirs: Path
) -> None:
    assert library.user_dir == isolated_dirs / "data" / "jdeditor" / "presets"
    assert default_user_presets_dir() == library.user_dir


def test_built_ins_come_first_in_level_order(library: PresetLibrary) -> None:
    listing = library.list_presets()
    assert names(library) == BUILT_IN
    assert all(p.kind is PresetKind.BUILT_IN and p.read_only for p in listing.presets)
    assert listing.skipped == []
    assert not library.user_dir.exists()  # listing creates nothing


def test_built_ins_in_the_user_language_come_first(library: PresetLibrary) -> None:
    try:
        i18n.set_ui_language("zh_CN")
        assert names(library) == CHINESE + ENGLISH
        i18n.set_ui_language("zh-TW")  # Traditional Chinese: jdeditor speaks English to them
        assert names(library) == ENGLISH + CHINESE
    finally:
        i18n.set_ui_language("en")


def test_built_ins_come_from_the_package_not_the_working_directory(
    library: PresetLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "presets").mkdir()
    (tmp_path / "presets" / "Impostor.jd.json").write_text("{}")
    monkeypatch.chdir(tmp_path)
    assert names(library) == BUILT_IN


def test_save_list_and_load_a_user_preset(library: PresetLibrary, posting: JobDescription) -> None:
    saved = library.save_user_preset("Night shift", posting)
    assert saved.path == library.user_dir / "Night shift.jd.json"
    assert names(library) == [*BUILT_IN, "Night shift"]
    loaded = library.get("night SHIFT")
    assert loaded.kind is PresetKind.USER and not loaded.read_only
    assert loaded.document == posting


def test_user_presets_are_sorted_by_name_ignoring_case(
    library: PresetLibrary, posting: JobDescription
) -> None:
    for name in ["zeta", "Alpha", "beta"]:
        library.save_user_preset(name, posting)
    assert names(library)[len(BUILT_IN) :] == ["Alpha", "beta", "zeta"]


def test_name_clash_is_an_error_unless_overwrite(
    library: PresetLibrary, posting: JobDescription
) -> None:
    library.save_user_preset("Night shift", posting)
    changed = posting.model_copy(update={"title": "Changed"})
    with pytest.raises(PresetExistsError, match="already exists"):
        library.save_user_preset("NIGHT SHIFT", changed)
    assert library.get("Night shift").document == posting

    library.save_user_preset("NIGHT SHIFT", changed, overwrite=True)
    assert names(library)[-1] == "NIGHT SHIFT"  # one preset, under the new spelling
    assert library.get("night shift").document.title == "Changed"
    assert len(list(library.user_dir.iterdir())) == 1


def test_built_in_names_are_never_taken(library: PresetLibrary, posting: JobDescription) -> None:
    for name in ["Agent", "team lead"]:
        with pytest.raises(PresetExistsError, match="built-in preset"):
            library.save_user_preset(name, posting, overwrite=True)
    assert not library.user_dir.exists()


def test_duplicate_a_built_in(library: PresetLibrary) -> None:
    copy = library.duplicate("Manager", "Manager (Denver)")
    assert copy.kind is PresetKind.USER
    assert copy.document == library.get("Manager").document
    with pytest.raises(PresetExistsError):
        library.duplicate("Agent", "Manager (Denver)")


def test_rename(library: PresetLibrary, posting: JobDescription) -> None:
    library.save_user_preset("Night shift", posting)
    renamed = library.rename("Night shift", "Nights")
    assert renamed.path.read_bytes() == posting.to_json().encode()
    assert names(library)[len(BUILT_IN) :] == ["Nights"]
    library.rename("Nights", "NIGHTS")  # a change of case only is allowed
    assert names(library)[len(BUILT_IN) :] == ["NIGHTS"]


def test_rename_onto_another_preset_needs_overwrite(
    library: PresetLibrary, posting: JobDescription
) -> None:
    library.save_user_preset("A", posting)
    other = posting.model_copy(update={"title": "B"})
    library.save_user_preset("B", other)
    with pytest.raises(PresetExistsError):
        library.rename("A", "b")
    assert names(library)[len(BUILT_IN) :] == ["A", "B"]
    library.rename("A", "b", overwrite=True)
    assert names(library)[len(BUILT_IN) :] == ["b"]
    assert library.get("b").document == posting


def test_delete(library: PresetLibrary, posting: JobDescription) -> None:
    library.save_user_preset("Temp", posting)
    library.delete("temp")
    assert names(library) == BUILT_IN
    with pytest.raises(PresetNotFoundError, match="no preset named “Temp”"):
        library.delete("Temp")


@pytest.mark.parametrize("action", ["rename", "delete"])
def test_built_ins_are_read_only(library: PresetLibrary, action: str) -> None:
    before = library.get("Agent").path.read_bytes()
    with pytest.raises(ReadOnlyPresetError, match="built-in preset and cannot be changed"):
        if action == "rename":
            library.rename("Agent", "Other")
        else:
            library.delete("Agent")
    assert library.get("Agent").path.read_bytes() == before


# --- bad files in the user folder -------------------------------------------------------------
BAD_FILES = {
    "Empty.jd.json": b"",
    "Not json.jd.json": b"this is not JSON",
    "Wrong schema.jd.json": b'{"title": "X", "responsibilities": [], "colour": "red"}',
    "Newer.jd.json": b'{"schema_version": 99, "title": "X", "responsibilities": ["y"]}',
    "Binary.jd.json": b"\x00\xff\xfe garbage",
    "List.jd.json": b"[]",
}


def test_bad_files_are_reported_skipped_and_untouched(
    library: PresetLibrary, posting: JobDescription
) -> None:
    library.save_user_preset("Good", posting)
    for name, content in BAD_FILES.items():
        (library.user_dir / name).write_bytes(content)
    (library.user_dir / "Folder.jd.json").mkdir()  # unreadable as a file
    (library.user_dir / "Dangling.jd.json").symlink_to(library.user_dir / "gone")
    (library.user_dir / "notes.txt").write_text("not a preset, ignored")

    listing = library.list_presets()

    assert [p.name for p in listing.presets] == [*BUILT_IN, "Good"]
    reasons = {skipped.path.name: skipped.reason for skipped in listing.skipped}
    assert set(reasons) == {*BAD_FILES, "Folder.jd.json", "Dangling.jd.json"}
    assert reasons["Empty.jd.json"] == "is empty"
    assert reasons["Not json.jd.json"].startswith("is not valid JSON")
    assert "colour: Colour is not a field jdeditor knows" in reasons["Wrong schema.jd.json"]
    assert (
        "responsibilities: Responsibilities needs at least one item"
        in reasons["Wrong schema.jd.json"]
    )
    assert "newer jdeditor" in reasons["Newer.jd.json"]
    assert reasons["Folder.jd.json"] == "cannot be read: it is a folder, not a file"
    assert reasons["Dangling.jd.json"].startswith("cannot be read")
    for name, content in BAD_FILES.items():
        assert (library.user_dir / name).read_bytes() == content
    assert str(listing.skipped[0]).startswith(str(library.user_dir))


def test_saving_over_a_broken_file_needs_overwrite(
    library: PresetLibrary, posting: JobDescription
) -> None:
    library.user_dir.mkdir(parents=True)
    broken = library.user_dir / "Broken.jd.json"
    broken.write_bytes(b"{oops")
    with pytest.raises(PresetExistsError):
        library.save_user_preset("broken", posting)
    assert broken.read_bytes() == b"{oops"


def test_user_file_named_like_a_built_in_is_skipped(library: PresetLibrary) -> None:
    library.user_dir.mkdir(parents=True)
    clash = library.user_dir / "agent.jd.json"
    clash.write_bytes(library.get("Agent").path.read_bytes())
    listing = library.list_presets()
    assert names(library) == BUILT_IN
    assert [s.path for s in listing.skipped] == [clash]
    assert "already taken" in listing.skipped[0].reason


# --- names ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "file_name"),
    [
        ("Night shift", "Night shift.jd.json"),
        ("夜班客服", "夜班客服.jd.json"),
        ("../x", "%2E.%2Fx.jd.json"),
        ("/etc/x", "%2Fetc%2Fx.jd.json"),
        ("..", "%2E%2E.jd.json"),
        (".hidden", "%2Ehidden.jd.json"),
        ("con", "%63on.jd.json"),
        ("LPT1.backup", "%4CPT1.backup.jd.json"),
        ("a:b*c?", "a%3Ab%2Ac%3F.jd.json"),
        ("100% remote", "100%25 remote.jd.json"),
        ("Ends with dot.", "Ends with dot%2E.jd.json"),
        ("C:\\Windows", "C%3A%5CWindows.jd.json"),
    ],
)
def test_file_names_are_safe_and_reversible(name: str, file_name: str) -> None:
    assert preset_file_name(name) == file_name
    assert preset_name_from_file(Path(file_name)) == name


@pytest.mark.parametrize(
    "name", ["../x", "/etc/x", "con", "..", "夜班客服", "a" * PRESET_NAME_MAX, "🙂" * 60]
)
def test_saved_presets_stay_inside_the_folder(
    library: PresetLibrary, posting: JobDescription, name: str
) -> None:
    saved = library.save_user_preset(name, posting)
    assert saved.path.parent == library.user_dir
    assert [p.name for p in library.user_dir.iterdir()] == [saved.path.name]
    assert library.get(name).document == posting
    assert names(library)[-1] == name


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "cannot be empty"),
        ("   ", "cannot be empty"),
        ("a\nb", "cannot contain line breaks"),
        ("x" * 300, "at most 80 characters (this one has 300)"),
        ("🙂" * 80, "too long to be a file name"),
    ],
)
def test_unusable_names_are_refused(
    library: PresetLibrary, posting: JobDescription, name: str, message: str
) -> None:
    with pytest.raises(PresetNameError, match=re.escape(message)):
        library.save_user_preset(name, posting)
    assert not library.user_dir.exists()


def test_names_differing_only_in_case_or_unicode_form_clash(
    library: PresetLibrary, posting: JobDescription
) -> None:
    library.save_user_preset("Café", posting)
    with pytest.raises(PresetExistsError):
        library.save_user_preset("CAFE\u0301", posting)  # decomposed é, upper case


# --- concurrency ------------------------------------------------------------------------------
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from jdeditor.library import PresetLibrary
    from jdeditor.model import JobDescription

    library = PresetLibrary(user_dir=Path(sys.argv[1]))
    name = sys.argv[2]
    for round in range(40):
        duties = [f"{name} duty {n} of round {round}" for n in range(1 + round % 7)]
        document = JobDescription(title=name, responsibilities=duties)
        library.save_user_preset(name, document, overwrite=True)
    """
)


@pytest.mark.slow
def test_two_processes_save_at_once_and_readers_never_see_half_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "presets"
    folder.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(folder), name], env=env)
        for name in ("First writer", "Second writer")
    ]
    library = PresetLibrary(user_dir=folder)
    reads = 0
    while any(writer.poll() is None for writer in writers):
        listing = library.list_presets()
        assert listing.skipped == [], listing.skipped  # never a torn or empty file
        reads += 1
        time.sleep(0.001)
    assert [writer.returncode for writer in writers] == [0, 0]
    final = library.list_presets()
    assert [p.name for p in final.presets][len(BUILT_IN) :] == ["First writer", "Second writer"]
    assert all(
        len(p.document.responsibilities) == 1 + 39 % 7 for p in final.presets[len(BUILT_IN) :]
    )
    assert sorted(p.name for p in folder.iterdir()) == [
        "First writer.jd.json",
        "Second writer.jd.json",
    ]
    assert reads > 0


# --- one bad file never breaks the rest -------------------------------------------------------
def test_bad_preset_files_are_skipped_and_everything_else_works(
    hostile_folder: PresetLibrary, posting: JobDescription
) -> None:
    library = hostile_folder
    listing = library.list_presets()
    assert [p.name for p in listing.presets] == [*BUILT_IN, "Night shift"]
    skipped = {s.path.name: s.reason for s in listing.skipped}
    assert set(skipped) == {*HOSTILE_PRESETS, "pipe.jd.json", "zero.jd.json"}
    assert "more than 40 digits" in skipped["huge number.jd.json"]
    assert "nested too deeply" in skipped["deep.jd.json"]
    assert "not text (U+D83D)" in skipped["surrogate.jd.json"]
    assert "is not a field jdeditor knows" in skipped["empty key.jd.json"]
    assert skipped["%FF.jd.json"] == "its file name is not a valid preset name"
    assert skipped["%1B[2J.jd.json"] == "its file name is not a valid preset name"
    assert skipped["%E2%80%AEevil.jd.json"] == "its file name is not a valid preset name"
    assert "it is a pipe" in skipped["pipe.jd.json"]
    assert "it is a device" in skipped["zero.jd.json"]
    # Every operation still works beside them, and none of them is touched.
    assert library.get("Agent").document.title == "Call Center Agent"
    library.save_user_preset("Day shift", posting)
    library.duplicate("Agent", "Agent copy")
    library.rename("Day shift", "Morning shift")
    library.delete("Agent copy")
    assert [p.name for p in library.list_presets().presets][len(BUILT_IN) :] == [
        "Morning shift",
        "Night shift",
    ]
    for name, content in HOSTILE_PRESETS.items():
        assert (library.user_dir / name).read_bytes() == content


def test_presets_folder_that_is_a_file_is_reported(isolated_dirs: Path) -> None:
    folder = isolated_dirs / "presets-file"
    folder.write_text("not a folder")
    library = PresetLibrary(folder)
    listing = library.list_presets()
    assert [p.name for p in listing.presets] == BUILT_IN
    assert [(s.path, s.reason) for s in listing.skipped] == [
        (folder, "The presets folder cannot be read: it is a file, not a folder.")
    ]
    assert library.get("Manager").name == "Manager"
    assert folder.read_text() == "not a folder"


def test_unreadable_presets_folder_is_reported(
    library: PresetLibrary, posting: JobDescription, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads any folder, so the refusal a normal user gets is simulated."""
    library.save_user_preset("Night shift", posting)
    real_iterdir = Path.iterdir

    def denied(self: Path) -> object:
        if self == library.user_dir:
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", denied)
    listing = library.list_presets()
    assert [p.name for p in listing.presets] == BUILT_IN
    assert "permission denied" in listing.skipped[0].reason


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Team\u00a0Lead", "is the name of a built-in preset"),
        ("Team\u3000Lead", "is the name of a built-in preset"),
        ("Ａｇｅｎｔ", "is the name of a built-in preset"),
        ("\u202eAgent", "invisible formatting characters"),
        ("Age\u200bnt", "invisible formatting characters"),
    ],
)
def test_look_alike_names_are_refused(
    library: PresetLibrary, posting: JobDescription, name: str, message: str
) -> None:
    with pytest.raises(PresetExistsError if "built-in" in message else PresetNameError) as caught:
        library.save_user_preset(name, posting)
    assert message in str(caught.value)


def test_a_look_alike_file_beside_a_built_in_is_skipped(library: PresetLibrary) -> None:
    library.user_dir.mkdir(parents=True)
    (library.user_dir / "Team\u00a0Lead.jd.json").write_bytes(
        library.get("Agent").path.read_bytes()
    )
    listing = library.list_presets()
    assert [p.name for p in listing.presets] == BUILT_IN
    assert "already taken" in listing.skipped[0].reason


def files_after_each_replace(
    library: PresetLibrary, monkeypatch: pytest.MonkeyPatch
) -> list[list[str]]:
    """The preset files in the folder after every ``os.replace``, filled in as they happen."""
    seen: list[list[str]] = []
    real_replace = os.replace

    def watching_replace(source: object, target: object) -> None:
        real_replace(source, target)  # type: ignore[arg-type]
        seen.append(sorted(p.name for p in library.user_dir.glob("*.jd.json")))

    monkeypatch.setattr(os, "replace", watching_replace)
    return seen


def test_changing_only_the_case_is_one_rename(
    library: PresetLibrary, posting: JobDescription, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At no moment are there two files for the preset: new content goes into the old file,
    then one rename gives it the new spelling."""
    library.save_user_preset("night shift", posting)
    seen = files_after_each_replace(library, monkeypatch)
    changed = posting.model_copy(update={"title": "Night Shift Agent II"})
    library.save_user_preset("Night Shift", changed, overwrite=True)
    assert all(len(names) == 1 for names in seen), seen
    assert names(library)[len(BUILT_IN) :] == ["Night Shift"]
    assert library.get("Night Shift").document.title == "Night Shift Agent II"


def test_rename_onto_another_preset_never_has_two_files_for_one(
    library: PresetLibrary, posting: JobDescription, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.save_user_preset("day", posting)
    library.save_user_preset("Night", posting.model_copy(update={"title": "Old night"}))
    seen = files_after_each_replace(library, monkeypatch)
    library.rename("day", "NIGHT", overwrite=True)
    assert seen[0] == ["Night.jd.json"]  # the replaced preset's file now holds "day"
    assert names(library)[len(BUILT_IN) :] == ["NIGHT"]
    assert library.get("night").document.title == posting.title
