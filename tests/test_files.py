"""Reading documents with clear errors; atomic writes that never leave half a file."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jdeditor import files
from jdeditor.files import DocumentError, atomic_write, read_document, write_document
from jdeditor.model import JobDescription


def test_write_then_read_round_trips(tmp_path: Path, posting: JobDescription) -> None:
    path = tmp_path / "posting.jd.json"
    write_document(path, posting)
    assert read_document(path) == posting
    assert path.read_text(encoding="utf-8").startswith('{\n  "schema_version": 1,')


def test_utf8_bom_is_tolerated(tmp_path: Path, posting: JobDescription) -> None:
    path = tmp_path / "notepad.jd.json"
    path.write_bytes(b"\xef\xbb\xbf" + posting.to_json().encode())
    assert read_document(path) == posting


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"  \n", "is empty"),
        (b"{not json", "is not valid JSON: Expecting property name enclosed in double quotes"),
        (b"[1, 2]", "does not hold a job description (expected a JSON object)"),
        (b"\xff\xfe\x00", "is not UTF-8 text (bad byte at offset 0)"),
    ],
)
def test_bad_file_is_reported_and_left_alone(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.jd.json"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert len(caught.value.lines()) == 1
    assert caught.value.lines()[0].startswith(f"{path}: {reason}")
    assert path.read_bytes() == content


def test_invalid_fields_give_one_line_each(tmp_path: Path) -> None:
    path = tmp_path / "fields.jd.json"
    path.write_text('{"title": "", "responsibilities": ["x"], "salary": {"minimum": 0}}')
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.lines() == [
        f"{path}: title: Job title is required",
        f"{path}: salary.minimum: Minimum pay must be more than 0",
    ]


def test_missing_file_and_folder_are_reported(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="does not exist"):
        read_document(tmp_path / "nothing.jd.json")
    with pytest.raises(DocumentError, match="it is a folder, not a file"):
        read_document(tmp_path)


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.jd.json"
    path.write_bytes(b" " * (files.MAX_DOCUMENT_BYTES + 1))
    with pytest.raises(DocumentError, match="too large for a job description"):
        read_document(path)


# --- atomic writes ----------------------------------------------------------------------------
def test_failed_write_leaves_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write dies after the new bytes went out but before they were committed."""
    path = tmp_path / "posting.jd.json"
    path.write_bytes(b"old content")

    def failing_fsync(handle: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(DocumentError, match="cannot be written: No space left on device"):
        atomic_write(path, b"new content that never lands")
    assert path.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "posting.jd.json"
    ]  # no temporary file left behind


def test_interrupted_write_leaves_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a KeyboardInterrupt half-way through cleans up and keeps the old file."""
    path = tmp_path / "posting.jd.json"
    path.write_bytes(b"old content")

    def interrupted_replace(source: object, target: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted_replace)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, b"new")
    assert path.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["posting.jd.json"]


def test_write_into_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="does not exist"):
        atomic_write(tmp_path / "no such folder" / "x.jd.json", b"{}")


def test_write_keeps_permissions_of_the_replaced_file(tmp_path: Path) -> None:
    path = tmp_path / "shared.jd.json"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_bytes() == b"new"


def test_new_file_respects_the_umask(tmp_path: Path) -> None:
    old_mask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "fresh.jd.json", b"{}")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((tmp_path / "fresh.jd.json").stat().st_mode) == 0o644


def test_permission_denied_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads every file, so the refusal a normal user would get is simulated."""
    path = tmp_path / "locked.jd.json"
    path.write_bytes(b"{}")

    real_open = os.open

    def denied(name: object, flags: int, *args: int) -> int:
        if Path(str(name)) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(name, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.lines() == [
        f"{path}: cannot be read: permission denied (is the file or folder read-only, or open "
        "in another program?)"
    ]


# --- what a save may replace ------------------------------------------------------------------
def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "posting.jd.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.jd.json"
    link.symlink_to(real)
    atomic_write(link, b"new")
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes() == b"new"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["posting.jd.json"]


def test_a_fifo_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "out.docx"
    os.mkfifo(fifo)
    with pytest.raises(DocumentError, match="cannot be written: it is a pipe"):
        atomic_write(fifo, b"data")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_node_is_never_replaced(tmp_path: Path) -> None:
    """A node for the null device made inside tmp_path, standing in for ``-o /dev/full``."""
    node = tmp_path / "device.docx"
    os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    with pytest.raises(DocumentError, match="cannot be written: it is a device"):
        atomic_write(node, b"data")
    assert stat.S_ISCHR(node.lstat().st_mode)


def test_a_folder_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "out.docx").mkdir()
    with pytest.raises(DocumentError, match="it is a folder"):
        atomic_write(tmp_path / "out.docx", b"data")
    assert (tmp_path / "out.docx").is_dir()


def test_a_symlink_loop_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.jd.json").symlink_to(tmp_path / "b.jd.json")
    (tmp_path / "b.jd.json").symlink_to(tmp_path / "a.jd.json")
    with pytest.raises(DocumentError, match="cannot be written"):
        atomic_write(tmp_path / "a.jd.json", b"x")


# --- temporary files left by a crash ----------------------------------------------------------
def _dead_pid() -> int:
    """The id of a process that has finished (and been reaped)."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(child.stdout)


def test_stale_temporaries_of_ours_are_removed_on_the_next_write(tmp_path: Path) -> None:
    host = files._HOST
    dead = tmp_path / f".jdeditor-{host}-{_dead_pid()}-abc123.tmp"
    old_foreign = tmp_path / ".jdeditor-0badc0de-1-abc123.tmp"
    old_unnamed = tmp_path / ".jdeditor-0123456789abcdef.tmp"  # the format before pids
    live = tmp_path / f".jdeditor-{host}-{os.getpid()}-abc123.tmp"  # a save under way
    young_foreign = tmp_path / ".jdeditor-0badc0de-1-def456.tmp"  # another machine, now
    not_ours = tmp_path / ".jdeditor-notes.tmp.txt"
    for path in (dead, old_foreign, old_unnamed, live, young_foreign, not_ours):
        path.write_bytes(b"partial")
    hour_ago = time.time() - files.STALE_TEMPORARY_SECONDS - 5
    for path in (old_foreign, old_unnamed):
        os.utime(path, (hour_ago, hour_ago))
    atomic_write(tmp_path / "posting.jd.json", b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["posting.jd.json", live.name, young_foreign.name, not_ours.name]
    )


def test_set_aside_never_replaces_an_earlier_copy(tmp_path: Path) -> None:
    path = tmp_path / "autosave.json"
    kept = tmp_path / "autosave.unreadable-1.json"
    kept.write_bytes(b"first")
    path.write_bytes(b"second")
    assert files.set_aside(path, "unreadable") == tmp_path / "autosave.unreadable-2.json"
    assert kept.read_bytes() == b"first"
    assert (tmp_path / "autosave.unreadable-2.json").read_bytes() == b"second"
    assert not path.exists()


def test_a_batch_cleans_and_syncs_each_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jdeditor import files

    stale = tmp_path / f".jdeditor-{files._HOST}-999999999-abcdef.tmp"
    stale.write_bytes(b"left by a killed writer")
    synced: list[Path] = []
    monkeypatch.setattr(files, "sync_folder", synced.append)
    with files.WriteBatch() as batch:
        for number in range(3):
            files.atomic_write(tmp_path / f"{number}.txt", b"x", batch=batch)
        assert synced == []  # not at every file
        assert not stale.exists()  # cleaned at the first write
    assert synced == [tmp_path]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.txt", "1.txt", "2.txt"]


def test_a_batch_that_fails_lands_nothing(tmp_path: Path) -> None:
    from jdeditor import files

    (tmp_path / "0.txt").write_bytes(b"old")
    with pytest.raises(RuntimeError), files.WriteBatch() as batch:
        files.atomic_write(tmp_path / "0.txt", b"new", batch=batch)
        files.atomic_write(tmp_path / "1.txt", b"new", batch=batch)
        raise RuntimeError("a render failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.txt"]  # no temporary files left
    assert (tmp_path / "0.txt").read_bytes() == b"old"


def test_a_batch_interrupted_while_landing_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jdeditor import files

    real = os.replace
    calls: list[object] = []

    def interrupted(source: object, target: object) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt), files.WriteBatch() as batch:
        for number in range(3):
            files.atomic_write(tmp_path / f"{number}.txt", b"new", batch=batch)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.txt"]  # landed before Ctrl+C
