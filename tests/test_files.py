"""Reading documents with clear errors; atomic writes that never leave half a file."""

from __future__ import annotations

import os
import stat
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

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.lines() == [
        f"{path}: cannot be read: permission denied (is the file or folder read-only, or open "
        "in another program?)"
    ]
