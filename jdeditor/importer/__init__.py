"""Import a job posting written elsewhere: Word, Markdown, HTML (with its JSON-LD), plain
text or a JobPosting JSON-LD file, as a draft the window opens for the user to check.

Every reader turns its format into the same blocks (``_blocks``); one interpreter reads the
posting from them (``_interpret``, with ``_lines``, ``_facts``, ``_pay`` and ``_sections``), and
``_assemble`` fits it to the model. Nothing is guessed silently: each decision is a ``Guess``
the window shows beside the field, and text no rule placed is kept at the end of the summary
and listed in ``unplaced``.

Files are read through ``files.read_user_file`` (bounded, regular files only); a Word file is
checked by the template checker before python-docx opens it. The only exception raised is
``DocumentError``, for a file that cannot be read or is not safe to open.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from jdeditor.checks import Message, localized, say, term
from jdeditor.checks.validation import schema_too_new
from jdeditor.draft import Check, Draft, check
from jdeditor.files import MAX_DOCUMENT_BYTES, DocumentError, parse_json_object, read_user_file
from jdeditor.i18n import N_
from jdeditor.importer._assemble import UNPLACED_MARK, assemble
from jdeditor.importer._blocks import Guess, Source
from jdeditor.importer._html import job_posting, read_html
from jdeditor.importer._interpret import interpret
from jdeditor.importer._readers import read_markdown, read_text
from jdeditor.model import JobDescription, migrate

__all__ = [
    "FORMATS",
    "MAX_IMPORT_BYTES",
    "UNPLACED_MARK",
    "DocumentError",
    "Guess",
    "ImportResult",
    "format_of",
    "import_bytes",
    "import_posting",
    "import_text",
]

FORMATS = {
    ".docx": "docx",
    ".dotx": "docx",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "txt",
    ".text": "txt",
    ".jsonld": "jsonld",
    ".json": "jsonld",
}
"""File suffix → format read."""
MAX_IMPORT_BYTES = {"docx": 20 * 1024 * 1024, "md": 256 * 1024}
MAX_IMPORT_BYTES |= {"html": 5 * 1024 * 1024, "txt": 2 * 1024 * 1024, "jsonld": 2 * 1024 * 1024}
"""Per format: a Word posting with a logo is well under 1 MB, a careers page under 1 MB of HTML.

Markdown is a posting's text alone (a long one is 20 KB); markdown-it-py reads 60 to 150 KB a
second, so its limit keeps the window's import of any Markdown file to a few seconds. Each
reader takes time in proportion to its file's size (``tests/importer/test_sizes.py``)."""
_REFUSED = {
    ".doc": N_("is an old Word 97-2003 document (.doc); save it as .docx and import that"),
    ".docm": N_(
        "is a macro-enabled Word file; jdeditor does not open files that carry macros. "
        "Save it as .docx and import that"
    ),
    ".pdf": N_(
        "is a PDF; jdeditor imports Word, Markdown, HTML, plain text and JSON-LD. "
        "Copy the text into a .txt file, or save the posting as .docx"
    ),
    ".rtf": N_("is an RTF file; save it as .docx and import that"),
    ".odt": N_("is an OpenDocument file; save it as .docx and import that"),
}


@dataclass(frozen=True)
class ImportResult:
    """An imported posting: the draft, what was recognised and how, and what was not placed."""

    draft: Draft
    guesses: list[Guess]
    """Each thing recognised or decided, in the order it was read, for the user to check."""
    unplaced: list[str]
    """Text no rule placed; it is also at the end of the summary, after ``UNPLACED_MARK``."""
    source_format: str
    """'docx', 'md', 'html', 'txt' or 'jsonld'."""
    path: Path | None = None
    _check: list[Check] = field(default_factory=list, repr=False, compare=False)

    def check(self) -> Check:
        """``draft.check`` of the draft, done once."""
        if not self._check:
            self._check.append(check(self.draft))
        return self._check[0]

    @property
    def document(self) -> JobDescription | None:
        """The validated posting, or None when the draft has errors (no title, no duty)."""
        return self.check().document

    def messages(self) -> list[str]:
        """One line per guess, unplaced text and error, each starting with the file's name:
        what ``jdeditor import`` prints."""
        where = str(self.path) if self.path is not None else f"<{self.source_format}>"
        lines = [f"{where}: {localized(guess.message)}" for guess in self.guesses]
        not_placed = N_("not placed: {text}")
        lines += [f"{where}: {say(not_placed, text=text[:200])}" for text in self.unplaced]
        lines += [
            f"{where}: {problem.dotted_path}: {problem.message}" for problem in self.check().errors
        ]
        return lines


def format_of(path: Path) -> str | None:
    """The format a file's suffix names, or None when it is not one jdeditor imports."""
    return FORMATS.get(path.suffix.lower())


def import_posting(path: Path) -> ImportResult:
    """Read a posting file; raises ``DocumentError`` (naming the file) when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix in _REFUSED:
        raise DocumentError(path, term(_REFUSED[suffix]))
    kind = FORMATS.get(suffix)
    if kind is None:
        raise DocumentError(
            path,
            term(N_("is not a format jdeditor imports; use .docx, .md, .html, .txt or .jsonld")),
        )
    what = Message(N_("a posting to import ({format})"), format=kind)
    data = read_user_file(path, MAX_IMPORT_BYTES[kind], what)
    return import_bytes(data, kind, path=path)


def import_bytes(data: bytes, kind: str, *, path: Path | None = None) -> ImportResult:
    """Read a posting from bytes in format ``kind`` ('docx', 'md', 'html', 'txt', 'jsonld')."""
    name = path if path is not None else Path(f"<{kind}>")
    if kind == "docx":
        from jdeditor.importer._docx import read_docx  # noqa: PLC0415 - python-docx on demand

        return _result(read_docx(data, name), path)
    return import_text(_decode(data), kind, path=path)


def import_text(text: str, kind: str = "txt", *, path: Path | None = None) -> ImportResult:
    """Read a posting from text in format ``kind`` ('md', 'html', 'txt', 'jsonld').

    Never raises on a posting written elsewhere. A jdeditor posting (the *.jd.json shape) is
    checked as Open checks it, and ``DocumentError`` (naming ``path``) says why when Open would
    refuse it: too deep, a number too long, a character that is not text, a newer jdeditor's.
    """
    if kind == "md":
        source = read_markdown(text)
    elif kind == "html":
        source = read_html(text)
    elif kind == "jsonld":
        found = _json_source(text, path if path is not None else Path(f"<{kind}>"))
        if isinstance(found, dict):
            said = term(N_("Read as a jdeditor posting"))
            return ImportResult(found, [Guess((), said)], [], kind, path)
        source = found
    else:
        source = read_text(text)
    return _result(source, path)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM, else Windows-1252 as browsers do."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in ("gb18030", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")  # pragma: no cover - cp1252 takes most


def _json_source(text: str, name: Path) -> Source | Draft:
    """A JSON-LD file: its JobPosting's description is the body, its fields the facts. A
    jdeditor posting (.jd.json shape) is returned as a draft, once Open's checks pass."""
    posting = job_posting(text)
    if posting is None:
        draft = _jdeditor_posting(text, name)
        if draft is not None:
            return draft
        source = Source("jsonld")
        source.notes.append(term(N_("the file holds no schema.org JobPosting")))
        return source
    description = posting.get("description")
    source = read_html(description if isinstance(description, str) else "", "jsonld")
    source.structured = posting
    return source


def _jdeditor_posting(text: str, name: Path) -> Draft | None:
    """A jdeditor posting, read as Open reads one: a bounded JSON object
    (``files.parse_json_object``) no larger than ``files.MAX_DOCUMENT_BYTES``, brought to this
    jdeditor's schema (``model.migrate``). None when the text is not in the posting's shape;
    ``DocumentError`` naming the file when it is, but Open would refuse it."""
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate fails as a bad byte
    try:
        parsed = parse_json_object(name, data)
    except DocumentError:
        if _is_posting(_plain_json(text)):
            raise
        return None
    if not _is_posting(parsed):
        return None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            name,
            Message(
                N_("is too large for {what} ({size} bytes; the limit is {limit})"),
                what=term(N_("a job description")),
                size=f"{len(data):,}",
                limit=f"{MAX_DOCUMENT_BYTES:,}",
            ),
        )
    try:
        return migrate(parsed)
    except PydanticCustomError as error:  # written by a newer jdeditor
        raise DocumentError(name, [schema_too_new(error.context)]) from None


def _is_posting(data: Any) -> bool:
    return isinstance(data, dict) and "title" in data and "responsibilities" in data


def _plain_json(text: str) -> Any:
    try:
        return json.loads(text[:2_000_000])
    except (ValueError, RecursionError):
        return None


def _result(source: Source, path: Path | None) -> ImportResult:
    reading = interpret(source)
    draft, guesses, unplaced = assemble(source, reading)
    return ImportResult(draft, guesses, unplaced, source.format, path)
