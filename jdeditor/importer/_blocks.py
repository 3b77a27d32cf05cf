"""What every reader hands the interpreter: a posting as a flat list of blocks.

A block is a title, a heading, a paragraph or a bullet, with its text cleaned (NFC, no control
characters, no lone surrogates) and the links found in it. Readers know file formats; the
interpreter (``_interpret``) knows postings and never looks at a file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["title", "heading", "para", "bullet"]

MAX_BLOCKS = 20_000
"""A long posting has a few hundred blocks; past this a file is not a posting."""
MAX_BLOCK_CHARS = 20_000
"""Ten times the longest field (2,000 characters); text past this in one block is cut."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]")
_SPACES = re.compile(r"[^\S\n]+")
"""Every space but a line break (U+1680 OGHAM SPACE MARK too): a run of 20,000 of one that was
not folded made each ``\\s*`` in the readers' patterns backtrack over it (half a minute a
line)."""
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def clean_text(text: str, *, keep_lines: bool = False) -> str:
    """Text fit for a field: NFC, invisible characters gone, runs of spaces folded.

    ``keep_lines`` keeps line breaks (each line stripped); otherwise they become spaces.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub(" ", text.replace("\t", " ")) if not keep_lines else text
    if keep_lines:
        lines = [_CONTROL.sub(" ", line) for line in text.split("\n")]
        return "\n".join(_SPACES.sub(" ", line).strip() for line in lines).strip()
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


@dataclass(slots=True)
class Block:
    kind: Kind
    text: str
    level: int = 0
    """Heading level (1-6); 0 for the rest."""
    links: list[tuple[str, str]] = field(default_factory=list)
    """(visible text, target) of each link in the block, in order."""
    weak: bool = False
    """A heading only guessed from its looks (a short bold line): it may be a paragraph."""


@dataclass(slots=True)
class Source:
    """A file as read: its blocks, and what the file says about itself."""

    format: str
    blocks: list[Block] = field(default_factory=list)
    language: str = ""
    """A language tag the file declares (Word's w:lang, HTML's lang), '' when none."""
    keywords: list[str] = field(default_factory=list)
    """Word's keywords property: jdeditor writes the level and type labels there."""
    structured: dict[str, Any] | None = None
    """An embedded schema.org JobPosting (JSON-LD), the best source of the facts it has."""
    notes: list[str] = field(default_factory=list)
    """What the reader did to make the file safe, or could not read, in plain words."""
    title_hint: str = ""
    """A title from outside the body (HTML's <title>), used when the body has none."""
    truncated: bool = False

    def add(self, kind: Kind, text: str, **extra: Any) -> Block | None:
        """Append a block of cleaned text (nothing when it is empty)."""
        if len(self.blocks) >= MAX_BLOCKS:
            self.truncated = True
            return None
        text = clean_text(text[:MAX_BLOCK_CHARS], keep_lines=kind == "para")
        if not text:
            return None
        block = Block(kind, text, **extra)
        self.blocks.append(block)
        return block


BULLET_MARK = re.compile(
    r"^\s*(?:[•·▪▫●○◦■□◆◇►▶➢➤✓✔✗☐\-*–—+>]|\d{1,2}[.)、．]|[(（]\d{1,2}[)）]"
    r"|[①-⑳]|[a-z][.)](?=\s))\s*"
)
"""A line that starts a bullet: a mark, or a number ('1.', '1)', '1、', '(1)', '①')."""


def bullet_text(line: str) -> str | None:
    """The text of a bullet line without its mark, or None when the line is no bullet.

    '1.5 years' and '-3°C' are not bullets: a number needs a space or CJK text after it, a
    dash or star a space after it.
    """
    match = BULLET_MARK.match(line)
    if match is None:
        return None
    mark = match.group().strip()
    rest = line[match.end() :]
    if not rest.strip():
        return None
    spaced = match.group()[-1:].isspace()
    if mark[:1] in "-*+>" and not spaced:
        return None
    if mark[:1].isdigit() and not spaced and not _CJK.match(rest) and mark[-1] in ".)":
        return None
    return rest.strip()


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NOT_CJK = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff]+")


def is_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def cjk_share(text: str) -> float:
    """The share of CJK ideographs among the letters of ``text`` (0 when it has none).

    Counted in C (``map``, ``re.sub``), not a character at a time in Python: a 2 MB posting
    took seconds."""
    letters = sum(map(str.isalpha, text))
    if not letters:
        return 0.0
    return sum(map(str.isalpha, _NOT_CJK.sub("", text))) / letters


@dataclass(frozen=True, slots=True)
class Guess:
    """One thing the import recognised or decided, for the user to check in the window."""

    path: tuple[str | int, ...]
    """The field it concerns, as ``checks.Finding.path`` (``("salary",)``); () for the file."""
    message: str
    """Plain words: "Pay: '$45,000 – $55,000 a year' read as 45000–55000 USD per year", as a
    ``str`` in English; a composed one (``checks.Message``) is shown in the user's language by
    ``checks.localized`` (a ``Finding`` made of it does that itself)."""
