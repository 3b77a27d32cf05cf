"""Documents on disk: read a ``*.jd.json`` file with clear errors, write any file atomically.

The only module (with ``library.py``, which builds on it) that touches the disk.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import stat
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jdeditor.i18n import N_
from jdeditor.schema import SchemaTooNewError, upgrade

if TYPE_CHECKING:
    from jdeditor.checks import Finding
    from jdeditor.model import JobDescription

# Reading a file that is fine needs neither pydantic, the model nor the checks: the window's
# start fills its form from the JSON before they load. Only a problem to report, or a document
# to validate, loads them (below, where they are used).


def _message(template: str, /, **params: object) -> str:
    """A sentence of ours with values, said in the user's language where it is shown."""
    from jdeditor.checks import Message  # noqa: PLC0415 - see the note above

    return Message(template, **params)


def _term(english: str) -> str:
    """A phrase of ours without values (``checks.term``)."""
    from jdeditor.checks import term  # noqa: PLC0415 - see the note above

    return term(english)


DOCUMENT_SUFFIX = ".jd.json"
MAX_DOCUMENT_BYTES = 1024 * 1024
"""A posting is a few kilobytes; refusing larger files stops a wrong file before parsing it."""


class DocumentError(Exception):
    """A file could not be read or written as a job description; says which file and why."""

    def __init__(self, path: Path, problems: Sequence[Finding] | str) -> None:
        """``problems`` is the findings, or one reason about the whole file: a sentence marked
        for the catalogue (a ``checks.Message``, shown in the user's language) or as it is."""
        if isinstance(problems, str):
            from jdeditor.checks import Finding, Severity  # noqa: PLC0415 - see the note above

            problems = [Finding("validation.file", Severity.ERROR, (), problems)]
        self.path = path
        self.problems = list(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One line per problem: ``file: field.path: message`` (no field path when whole-file).

        Control characters, bidi overrides and undecodable bytes from the file name or its
        content are shown escaped, so a line can never drive a terminal.
        """
        from jdeditor._text import printable  # noqa: PLC0415 - see the note above

        where = printable(str(self.path))
        return [
            f"{where}: {printable(problem.dotted_path)}: {printable(problem.message)}"
            if problem.path
            else f"{where}: {printable(problem.message)}"
            for problem in self.problems
        ]


def read_document(path: Path) -> JobDescription:
    """Read and validate a job-description file; never modifies it.

    Raises ``DocumentError`` for a missing, unreadable, special, empty, oversized, non-UTF-8,
    non-JSON, too deeply nested or invalid file, with one problem per invalid field.
    """
    from pydantic import ValidationError  # noqa: PLC0415 - see the note above

    from jdeditor.checks import problems_from_validation_error  # noqa: PLC0415
    from jdeditor.model import JobDescription  # noqa: PLC0415

    draft = read_draft(path)
    try:
        return JobDescription.model_validate(draft)
    except ValidationError as error:
        raise DocumentError(path, problems_from_validation_error(error)) from None


def read_draft(path: Path) -> dict[str, Any]:
    """The file's JSON object, brought to the current schema version but not validated.

    For the editor, which opens a posting with invalid fields and shows what to fix. Raises
    ``DocumentError`` for a file that is not a bounded JSON object of text, numbers and
    choices (see ``parse_json_object``), or that a newer jdeditor wrote.
    """
    data = _read_bytes(path, MAX_DOCUMENT_BYTES, lambda: _term(N_("a job description")))
    parsed = parse_json_object(path, data)
    try:
        return upgrade(parsed)
    except SchemaTooNewError as error:
        from jdeditor.checks.validation import schema_too_new  # noqa: PLC0415

        raise DocumentError(path, [schema_too_new(error.context)]) from None


# --- Bounded reading --------------------------------------------------------------------------
MAX_JSON_DEPTH = 16
"""A posting nests four levels deep (document → education → fields of study → text) and an
autosave adds one; 16 is far above both and far below Python's recursion limit."""
MAX_NUMBER_DIGITS = 40
"""Pay is at most nine digits with two decimals; 40 leaves room for any honest number and stops
Python's 4,300-digit integer limit (and the time a huge number takes) long before it bites."""

_NUMBER_TOO_LONG = N_("has a number with more than {digits} digits")


class _NumberTooLongError(ValueError):
    pass


def read_user_file(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; never blocks, never follows
    a FIFO or a device, never reads more than ``limit + 1`` bytes.

    ``what`` names the kind of file in the too-large message (``term(N_("a job
    description"))``, in the user's language when shown). Raises ``DocumentError`` naming the
    file and the reason.
    """
    return _read_bytes(path, limit, lambda: what)


def _read_bytes(path: Path, limit: int, what: Callable[[], str]) -> bytes:
    """``read_user_file``, with the kind of file named only if it is too large."""
    flags = os.O_RDONLY | _O_BINARY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        raise DocumentError(path, _cannot_read(describe_os_error(error))) from None
    except ValueError:  # a NUL byte in the name: no file can be called that
        raise DocumentError(path, _cannot_read(_not_a_name())) from None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise DocumentError(path, _cannot_read(_special_file(status.st_mode)))
        if status.st_size > limit:
            raise DocumentError(path, _too_large(what(), status.st_size, limit))
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(handle, min(1024 * 1024, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # the file grew while we read it
            raise DocumentError(path, _too_large(what(), total, limit))
        return b"".join(chunks)
    except OSError as error:
        raise DocumentError(path, _cannot_read(describe_os_error(error))) from None
    finally:
        os.close(handle)


def _not_a_name() -> str:
    return _term(N_("the file name is not valid"))


def _a_folder() -> str:
    return _term(N_("it is a folder, not a file"))


def _cannot_read(reason: str) -> str:
    return _message(N_("cannot be read: {reason}"), reason=reason)


def _cannot_write(reason: str) -> str:
    return _message(N_("cannot be written: {reason}"), reason=reason)


def _too_large(what: str, size: int, limit: int) -> str:
    return _message(
        N_("is too large for {what} ({size} bytes; the limit is {limit})"),
        what=what,
        size=f"{size:,}",
        limit=f"{limit:,}",
    )


def _special_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _a_folder()
    if stat.S_ISFIFO(mode):
        return _term(N_("it is a pipe (FIFO), not a file"))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _term(N_("it is a device, not a file"))
    if stat.S_ISSOCK(mode):
        return _term(N_("it is a socket, not a file"))
    return _term(N_("it is not a regular file"))


def parse_json_object(path: Path, data: bytes, *, settings: bool = False) -> dict[str, Any]:
    """Parse ``data`` (read from ``path``) as a JSON object within the bounds above.

    ``settings``: the file is a settings file (jdeditor's ``settings.json``, a team folder's
    ``.jdeditor-team.json``), not a job description, and its problems say so.

    Refuses, with ``DocumentError`` naming the field where there is one: text that is not
    UTF-8, invalid JSON (``NaN`` and ``Infinity`` included), nesting deeper than
    ``MAX_JSON_DEPTH``, numbers longer than ``MAX_NUMBER_DIGITS`` digits, and keys or text holding
    lone surrogates, which no file can store and no field can show.
    """
    try:
        text = data.decode("utf-8-sig")  # tolerate the BOM that Windows editors add
    except UnicodeDecodeError as error:
        raise DocumentError(
            path,
            _message(N_("is not UTF-8 text (bad byte at offset {offset})"), offset=error.start),
        ) from None
    if not text.strip():
        raise DocumentError(path, _term(N_("is empty")))
    try:
        parsed = json.loads(
            text,
            parse_int=_bounded_int,
            parse_float=_bounded_float,
            parse_constant=_refuse_constant,
        )
    except json.JSONDecodeError as error:
        # The JSON parser's own words ('Expecting value') stay as Python says them.
        said = _message(
            N_("is not valid JSON: {problem} at line {line}, column {column}"),
            problem=error.msg,
            line=error.lineno,
            column=error.colno,
        )
        raise DocumentError(path, said) from None
    except _NumberTooLongError:
        raise DocumentError(path, _message(_NUMBER_TOO_LONG, digits=MAX_NUMBER_DIGITS)) from None
    except RecursionError:
        raise DocumentError(path, _too_deep(settings=settings)) from None
    if not isinstance(parsed, dict):
        raise DocumentError(
            path,
            _term(N_("does not hold settings (expected a JSON object)"))
            if settings
            else _term(N_("does not hold a job description (expected a JSON object)")),
        )
    _check_tree(path, parsed, settings=settings)
    return parsed


def _bounded_int(literal: str) -> int:
    if len(literal.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _NumberTooLongError(literal[:20])
    return int(literal)


def _bounded_float(literal: str) -> float:
    if len(literal) > MAX_NUMBER_DIGITS + 10:  # digits plus sign, point and exponent
        raise _NumberTooLongError(literal[:20])
    return float(literal)


def _refuse_constant(name: str) -> object:
    # json.loads raises JSONDecodeError only from inside the scanner; this is the same message.
    raise json.JSONDecodeError(f"{name} is not a number JSON allows", name, 0)


def _too_deep(*, settings: bool = False) -> str:
    return _message(
        N_("is nested too deeply to be a settings file (more than {levels} levels)")
        if settings
        else N_("is nested too deeply to be a job description (more than {levels} levels)"),
        levels=MAX_JSON_DEPTH,
    )


def _check_tree(path: Path, root: dict[str, Any], *, settings: bool = False) -> None:
    """Depth and text checks over the parsed tree, without recursion."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        value, where = stack.pop()
        if len(where) > MAX_JSON_DEPTH:
            raise DocumentError(path, _too_deep(settings=settings))
        if isinstance(value, dict):
            for key, item in value.items():
                _check_text(path, where, key)
                stack.append((item, (*where, key)))
        elif isinstance(value, list):
            stack.extend((item, (*where, index)) for index, item in enumerate(value))
        elif isinstance(value, str):
            _check_text(path, where, value)


def _check_text(path: Path, where: tuple[str | int, ...], text: str) -> None:
    found = _LONE_SURROGATE.search(text)
    if found is not None:
        from jdeditor.checks import FieldName, Finding, Severity  # noqa: PLC0415

        raise DocumentError(
            path,
            [
                Finding(
                    "validation.not-text",
                    Severity.ERROR,
                    where,
                    N_(
                        "{field} contains a character that is not text (U+{code}); retype or "
                        "remove it"
                    ),
                    params={"field": FieldName(where), "code": f"{ord(found.group()):04X}"},
                )
            ],
        )


_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def read_json_file(path: Path, limit: int, what: str, *, settings: bool = False) -> dict[str, Any]:
    """A bounded JSON object from a file (see ``read_user_file`` and ``parse_json_object``)."""
    return parse_json_object(path, read_user_file(path, limit, what), settings=settings)


def same_file(first: Path, second: Path) -> bool:
    """True when writing ``first`` would replace ``second`` (the same path, a link to it, or
    another name of the same file); False when either cannot be looked at."""
    try:
        return first.resolve() == second.resolve() or (
            first.exists() and second.exists() and first.samefile(second)
        )
    except (OSError, RuntimeError, ValueError):
        return False


def set_aside(path: Path, tag: str) -> Path:
    """Move ``path`` to a free ``<stem>.<tag>-<n><suffix>`` beside it, keeping it whole.

    For a file of ours that cannot be used (an unreadable autosave): it is kept for the user,
    never deleted, and out of the way of the next write. Never replaces an earlier copy: a
    hard link claims the new name (it fails if the name is taken), then the old name goes.
    """
    for number in range(1, 1000):
        aside = path.with_name(f"{path.stem}.{tag}-{number}{path.suffix}")
        try:
            os.link(path, aside)
        except FileExistsError:
            continue
        except OSError as error:
            raise DocumentError(path, _cannot_move(describe_os_error(error))) from None
        try:
            path.unlink()
        except OSError as error:
            raise DocumentError(path, _cannot_move(describe_os_error(error))) from None
        return aside
    raise DocumentError(path, _cannot_move(_term(N_("every spare name is taken"))))


def _cannot_move(reason: str) -> str:
    return _message(N_("cannot be moved aside: {reason}"), reason=reason)


# --- Atomic writing ---------------------------------------------------------------------------
def write_document(path: Path, document: JobDescription) -> None:
    """Save a document as UTF-8 JSON, atomically (see ``atomic_write``)."""
    atomic_write(path, document.to_json().encode("utf-8"))


STALE_TEMPORARY_SECONDS = 3600
"""A temporary file of ours older than this is left from a crash, whoever wrote it."""
_TEMPORARY = re.compile(r"\.jdeditor-(?:([0-9a-f]{8})-(\d+)-)?[0-9a-f]+\.tmp")


def atomic_write(path: Path, data: bytes, *, batch: WriteBatch | None = None) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new one, never half.

    Writes a temporary file in the same folder, flushes and fsyncs it, then ``os.replace``s it
    over the target. A symlink is written through: its target is replaced, in the target's
    folder, and the link stays. A target that is not a regular file (a folder, FIFO or device)
    or that is read-only is refused. On any failure the temporary file is removed, the old file
    is untouched and ``DocumentError`` says why. An existing file keeps its permissions.
    Temporary files that a killed jdeditor left in the folder are removed first.

    In a ``batch`` (many files, e.g. an export of 100 postings in six formats) the temporary
    file is written now and replaces ``path`` when the batch ends (see ``WriteBatch``).
    """
    target = _write_target(path)
    if batch is None or batch.first_in(target.parent):
        _remove_stale_temporaries(target.parent)
    import secrets  # noqa: PLC0415 - see _host()

    temporary = target.parent / f".jdeditor-{_host()}-{os.getpid()}-{secrets.token_hex(6)}.tmp"
    try:
        # O_EXCL: never clobber; mode 0o666 lets the umask decide, as for any new file.
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                if batch is None:
                    os.fsync(stream.fileno())
            if target.exists():
                shutil.copymode(target, temporary)
            if batch is not None:
                batch.pending.append((temporary, target, path))
                return
            os.replace(temporary, target)  # noqa: PTH105 - tests patch os.replace
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
    except OSError as error:
        raise DocumentError(path, _cannot_write(describe_os_error(error))) from None
    if batch is None:
        sync_folder(target.parent)


class WriteBatch:
    """Many ``atomic_write``s that land together: ``with WriteBatch() as batch:`` and
    ``atomic_write(path, data, batch=batch)`` inside.

    Each file is written to its temporary file at once; when the block ends, their data is
    made durable (past 20 files in one ``os.sync()``: one flush instead of one per file, 600
    exported files took 2 s of fsyncs alone), then each replaces its target and each folder is
    synced once. Stale temporary files are cleaned once per folder. When the block ends with an
    error, no file is replaced and the temporary files are removed. When replacing fails
    midway (an error, or Ctrl+C), the files already replaced stay, ``DocumentError`` names the
    one that failed, and no temporary file is left.
    """

    def __init__(self) -> None:
        self._folders: list[Path] = []
        self.pending: list[tuple[Path, Path, Path]] = []
        """(temporary file, target, the path asked for) of every write not yet landed."""

    def first_in(self, folder: Path) -> bool:
        if folder in self._folders:
            return False
        self._folders.append(folder)
        return True

    def __enter__(self) -> WriteBatch:
        return self

    def __exit__(self, error_type: type[BaseException] | None, *_rest: object) -> None:
        pending, self.pending = self.pending, []
        if error_type is not None:
            _discard(pending)
            return
        landed = 0
        try:
            _flush([temporary for temporary, _, _ in pending])
            for temporary, target, path in pending:
                try:
                    os.replace(temporary, target)  # noqa: PTH105 - tests patch os.replace
                except OSError as error:
                    raise DocumentError(path, _cannot_write(describe_os_error(error))) from None
                landed += 1
        except BaseException:  # Ctrl+C too: no temporary file is left behind
            _discard(pending[landed:])
            raise
        finally:
            for folder in self._folders:
                sync_folder(folder)


_FLUSH_ONE_BY_ONE = 20
"""Up to this many files are synced one by one: ``os.sync()`` flushes every file system on the
machine and can wait behind a busy USB disk or a stalled network mount."""


def _flush(files: list[Path]) -> None:
    if not files:
        return
    if hasattr(os, "sync") and len(files) > _FLUSH_ONE_BY_ONE:
        os.sync()
        return
    for path in files:
        with path.open("rb+") as stream:
            os.fsync(stream.fileno())


def _discard(pending: list[tuple[Path, Path, Path]]) -> None:
    for temporary, _, _ in pending:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _write_target(path: Path) -> Path:
    """The regular file a write to ``path`` must replace: a symlink's target, resolved."""
    try:
        target = Path(os.path.realpath(path, strict=False))
        status = target.stat()
    except FileNotFoundError:
        return target  # a new file (or a link to one still to be made)
    except (OSError, RuntimeError, ValueError) as error:  # loops raise OSError or RuntimeError
        reason = (
            describe_os_error(error)
            if isinstance(error, OSError)
            else _term(N_("a symlink loop"))
            if isinstance(error, RuntimeError)
            else _not_a_name()
        )
        raise DocumentError(path, _cannot_write(reason)) from None
    if not stat.S_ISREG(status.st_mode):
        said = _message(
            N_("cannot be written: {reason}; choose another name"),
            reason=_special_file(status.st_mode),
        )
        raise DocumentError(path, said)
    # Root may write anything, so the file's own write bits decide what "read-only" means.
    if not status.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise DocumentError(
            path, _term(N_("cannot be written: the file is read-only; save under another name"))
        )
    return target


def _remove_stale_temporaries(folder: Path) -> None:
    """Remove ``.jdeditor-*.tmp`` files left by a jdeditor that died mid-write.

    Ours when this machine's writer process is gone; anyone's after an hour (a folder shared
    between machines, or a process id that was reused). Best effort: a failure is no error.
    """
    try:
        entries = [entry for entry in os.scandir(folder) if _TEMPORARY.fullmatch(entry.name)]
    except OSError:
        return
    now = time.time()
    for entry in entries:
        match = _TEMPORARY.fullmatch(entry.name)
        assert match is not None
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
            host, pid = match.group(1), match.group(2)
            orphan = host == _host() and pid is not None and not _process_alive(int(pid))
            if orphan or age > STALE_TEMPORARY_SECONDS:
                os.unlink(entry.path)  # noqa: PTH108 - a DirEntry path
        except OSError:
            continue  # gone already, or not ours to remove


def _process_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # os.kill(pid, 0) is not a probe on Windows; the age rule applies there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, but is someone else's
    return True


@functools.cache
def _host() -> str:
    """This machine, in the names of our temporary files: a hash of its name.

    Made on the first write, with the modules it needs: reading a file needs none of them.
    """
    import hashlib  # noqa: PLC0415
    import socket  # noqa: PLC0415

    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


_O_BINARY = getattr(os, "O_BINARY", 0)


def sync_folder(folder: Path) -> None:
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


def make_folder(folder: Path) -> None:
    """Create ``folder`` and its parents, or say in a ``DocumentError`` why it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = _is_a_file() if folder.is_file() else describe_os_error(error)
        raise DocumentError(
            folder, _message(N_("cannot be created: {reason}"), reason=reason)
        ) from None


IS_A_FILE: str
"""'it is a file, not a folder': a reason for ``DocumentError`` and ``LibraryError``."""


def _is_a_file() -> str:
    return _term(N_("it is a file, not a folder"))


def __getattr__(name: str) -> str:
    # IS_A_FILE is made when first read: composing it loads the checks (see the note above).
    if name == "IS_A_FILE":
        return _is_a_file()
    if name == "_HOST":
        return _host()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def describe_os_error(error: OSError) -> str:
    """A short reason a user can act on, without a Python traceback: in English, and in the
    user's language where it is shown (a ``checks.Message``; the system's own words as they
    are)."""
    if isinstance(error, FileNotFoundError):
        return _term(N_("the file or its folder does not exist"))
    if isinstance(error, IsADirectoryError):
        return _a_folder()
    if isinstance(error, PermissionError):
        return _term(
            N_("permission denied (is the file or folder read-only, or open in another program?)")
        )
    return error.strerror or str(error)
