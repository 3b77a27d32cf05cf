"""Documents on disk: read a ``*.jd.json`` file with clear errors, write any file atomically.

The only module (with ``library.py``, which builds on it) that touches the disk.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from jdeditor.checks import Problem, Severity, problems_from_validation_error
from jdeditor.model import JobDescription, migrate

DOCUMENT_SUFFIX = ".jd.json"
MAX_DOCUMENT_BYTES = 1024 * 1024
"""A posting is a few kilobytes; refusing larger files stops a wrong file before parsing it."""


class DocumentError(Exception):
    """A file could not be read or written as a job description; says which file and why."""

    def __init__(self, path: Path, problems: Sequence[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(Severity.ERROR, (), problems)]
        self.path = path
        self.problems = list(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One line per problem: ``file: field.path: message`` (no field path when whole-file)."""
        return [
            f"{self.path}: {problem.dotted_path}: {problem.message}"
            if problem.path
            else f"{self.path}: {problem.message}"
            for problem in self.problems
        ]


def read_document(path: Path) -> JobDescription:
    """Read and validate a job-description file; never modifies it.

    Raises ``DocumentError`` for a missing, unreadable, empty, oversized, non-UTF-8, non-JSON or
    invalid file, with one problem per invalid field.
    """
    try:
        return JobDescription.model_validate(read_draft(path))
    except ValidationError as error:
        raise DocumentError(path, problems_from_validation_error(error)) from None


def read_draft(path: Path) -> dict[str, Any]:
    """The file's JSON object, brought to the current schema version but not validated.

    For the editor, which opens a posting with invalid fields and shows what to fix. Raises
    ``DocumentError`` for a file that is not a JSON object, or that a newer jdeditor wrote.
    """
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")  # tolerate the BOM that Windows editors add
    except UnicodeDecodeError as error:
        raise DocumentError(path, f"is not UTF-8 text (bad byte at offset {error.start})") from None
    if not text.strip():
        raise DocumentError(path, "is empty")
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as error:
        raise DocumentError(
            path, f"is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    if not isinstance(parsed, dict):
        raise DocumentError(path, "does not hold a job description (expected a JSON object)")
    try:
        return migrate(parsed)
    except PydanticCustomError as error:
        raise DocumentError(
            path, [Problem(Severity.ERROR, ("schema_version",), error.message())]
        ) from None


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentError(
                path,
                f"is too large for a job description ({size:,} bytes; the limit is "
                f"{MAX_DOCUMENT_BYTES:,})",
            )
        return path.read_bytes()
    except OSError as error:
        raise DocumentError(path, f"cannot be read: {describe_os_error(error)}") from None


def write_document(path: Path, document: JobDescription) -> None:
    """Save a document as UTF-8 JSON, atomically (see ``atomic_write``)."""
    atomic_write(path, document.to_json().encode("utf-8"))


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new one, never half.

    Writes a temporary file in the same folder, flushes and fsyncs it, then ``os.replace``s it
    over the target. On any failure the temporary file is removed, the old file is untouched and
    ``DocumentError`` says why. An existing file keeps its permissions.
    """
    temporary = path.parent / f".jdeditor-{secrets.token_hex(8)}.tmp"
    try:
        # O_EXCL: never clobber; mode 0o666 lets the umask decide, as for any new file.
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            if path.exists():
                shutil.copymode(path, temporary)
            os.replace(temporary, path)  # noqa: PTH105 - tests patch os.replace
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
    except OSError as error:
        raise DocumentError(path, f"cannot be written: {describe_os_error(error)}") from None
    _sync_folder(path.parent)


_O_BINARY = getattr(os, "O_BINARY", 0)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); folders cannot be opened this way on Windows."""
    if os.name != "posix":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # durability is best effort here; the data itself is already written
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems (e.g. network mounts) refuse fsync on a folder
    finally:
        os.close(handle)


def describe_os_error(error: OSError) -> str:
    """A short reason a user can act on, without a Python traceback."""
    if isinstance(error, FileNotFoundError):
        return "the file or its folder does not exist"
    if isinstance(error, IsADirectoryError):
        return "it is a folder, not a file"
    if isinstance(error, PermissionError):
        return "permission denied (is the file or folder read-only, or open in another program?)"
    return error.strerror or str(error)
