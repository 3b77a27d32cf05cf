"""Readers for plain text and Markdown (CommonMark); HTML is ``_html``.

Each turns the file's text into a ``Source`` of blocks and never raises on any text: hostile
input gives fewer or odder blocks, not an exception. Nothing here fetches, runs or evaluates
anything.
"""

from __future__ import annotations

import itertools
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from jdeditor._text import columns
from jdeditor.checks._message import term
from jdeditor.i18n import N_
from jdeditor.importer._blocks import (
    MAX_BLOCK_CHARS,
    MAX_BLOCKS,
    Source,
    bullet_text,
    clean_text,
    is_cjk,
)
from jdeditor.importer._html import read_html, short

# --- plain text -------------------------------------------------------------------------------
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|_{3,}|~{3,})\s*$")
_WRAPPED_WIDTH_MAX = 100
"""Lines this long or shorter may be hard-wrapped prose; longer ones are one paragraph each."""


def read_text(text: str) -> Source:
    """Plain text: paragraphs of lines, bullets by their marks, headings by their looks.

    Hard-wrapped paragraphs (``textwrap``, an e-mail) are joined again: a line ends a paragraph
    when the next line's first word would have fitted on it. A bullet's wrapped lines are the
    lines indented to its text.
    """
    source = Source("txt")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    longest = max((columns(line.rstrip()) for line in lines), default=0)
    width = longest if longest <= _WRAPPED_WIDTH_MAX else 0
    current: list[str] = []
    kind = "para"
    column = 0  # where the current block's text starts (its wrapped lines align there)
    indent = 0
    first_line = True

    def flush() -> None:
        nonlocal current
        if current:
            joined = _join_wrapped(current)
            source.add("bullet" if kind == "bullet" else "para", joined)
        current = []

    for raw in lines:
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if _UNDERLINE.match(line):
            level = 1 if stripped.startswith("=") else 2
            if len(current) == 1 and kind == "para":
                source.add("heading", current[0], level=level)
                current = []
            elif not current and source.blocks and source.blocks[-1].kind == "para":
                source.blocks[-1].kind, source.blocks[-1].level = "heading", level
            continue
        here = len(line) - len(line.lstrip())
        item = bullet_text(line)
        if first_line:  # the title line is never part of a paragraph
            first_line = False
            if item is None:
                source.add("para", stripped)
                continue
        if current and kind == "bullet" and here >= column and (item is None or here > indent):
            current.append(stripped)
            continue
        if item is not None:
            flush()
            kind, indent, current = "bullet", here, [item]
            column = here + len(stripped) - len(item)
            continue
        if current and kind == "para" and _continues(current[-1], stripped, here, indent, width):
            current.append(stripped)
            continue
        flush()
        kind, indent, column, current = "para", here, here, [stripped]
    flush()
    return source


def _continues(previous: str, line: str, here: int, indent: int, width: int) -> bool:
    """Whether ``line`` is a wrapped continuation of the paragraph that ended with ``previous``."""
    if not width or here != indent or previous.endswith((":", "：")):
        return False
    if " · " in previous or " | " in previous or (previous.isupper() and not is_cjk(previous)):
        return False  # a subtitle or a heading in capitals; Chinese has no case ('熟悉CRM平台')
    # Columns, not characters: a Chinese character takes two, and a wrap may break beside any
    # of them (jdeditor._text.wrap), so the next line's first character would not have fitted.
    word = line.split(" ", 1)[0]
    first = word[:1] if _CJK_START.match(word) else word
    return here + columns(previous) + 1 + columns(first) > width


_HYPHENATED = re.compile(r"\w-$")
_CJK_END = re.compile(r"[\u3400-\u9fff，。；：、]$")
_CJK_START = re.compile(r"[\u3400-\u9fff，。；：、！？）」』】》]")
"""A Chinese character, or the full-width punctuation a wrap may put first on a line."""


def _join_wrapped(lines: list[str]) -> str:
    """Lines of one paragraph as one line; a word broken after its hyphen is made whole.

    Each line is looked at beside the one before it only, and the text joined once: a
    paragraph of 100,000 short lines is read in linear time.
    """
    parts = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        if _HYPHENATED.search(previous) and line[:1].isalpha():
            parts.append(line)
        elif _CJK_END.search(previous) or _CJK_START.match(line):
            # Chinese has no spaces between words, and a wrap breaks beside a Chinese
            # character without one ('使用Salesforce' wrapped after '使用').
            parts.append(line)
        else:
            parts += (" ", line)
    return "".join(parts)


# --- Markdown ---------------------------------------------------------------------------------
def read_markdown(text: str) -> Source:
    """CommonMark (and tables) through markdown-it-py's tokens; emphasis is dropped, links kept."""
    source = Source("md")
    parser = MarkdownIt("commonmark").enable("table")
    try:
        tokens = parser.parse(text)
    except (RecursionError, ValueError, IndexError):  # pragma: no cover - defensive
        source.notes.append(term(N_("the Markdown could not be read in full")))
        return source
    depth = 0  # list nesting
    heading_level = 0
    in_item = False  # a list item's first paragraph is read: later ones join its bullet
    more = _Continued(source)
    for token in tokens:
        if source.truncated:  # a block more than a posting has was refused: the rest is left out
            break
        if token.type in ("bullet_list_open", "ordered_list_open", "list_item_open"):
            depth += token.type != "list_item_open"
            in_item = False
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
        elif token.type == "inline":
            _add_inline(source, token, heading_level, depth, in_item=in_item, more=more)
            heading_level, in_item = 0, bool(depth)
        elif token.type in ("fence", "code_block"):
            more.finish()
            source.add("para", token.content)
        elif token.type == "html_block":
            more.finish()
            inner = read_html(token.content, "md")
            room = max(0, MAX_BLOCKS - len(source.blocks))
            source.blocks += inner.blocks[:room]
            source.truncated = source.truncated or len(inner.blocks) > room
    more.finish()
    return source


class _Continued:
    """The later paragraphs of a list item, kept and joined to its bullet once, when the next
    block starts: joining each to the bullet as it came took quadratic time."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.texts: list[str] = []

    def add(self, text: str, links: list[tuple[str, str]]) -> None:
        self.texts.append(text)
        self.source.blocks[-1].links += links

    def finish(self) -> None:
        if self.texts:
            last = self.source.blocks[-1]
            last.text = clean_text(" ".join([last.text, *self.texts]))[:MAX_BLOCK_CHARS]
            self.texts = []


def _add_inline(
    source: Source, token: Token, heading_level: int, depth: int, *, in_item: bool, more: _Continued
) -> None:
    text, links, bold = _inline(token.children or [])
    last = source.blocks[-1] if source.blocks else None
    if not heading_level and depth and in_item and last is not None and last.kind == "bullet":
        more.add(text, links)
        return
    more.finish()
    if heading_level:
        source.add("heading", text, level=heading_level, links=links)
    elif depth:
        source.add("bullet", text, links=links)
    elif bold and short(text):
        source.add("heading", text, level=3, links=links, weak=True)
    else:
        source.add("para", text, links=links)


def _inline(children: list[Token]) -> tuple[str, list[tuple[str, str]], bool]:
    """Inline tokens as text, their links, and whether every letter of it is bold."""
    parts: list[str] = []
    links: list[tuple[str, str]] = []
    strong = 0
    bold_chars = plain_chars = 0
    link_start: list[tuple[int, str]] = []  # (index in parts, address) of each open link
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
            if child.content.strip():
                if strong:
                    bold_chars += len(child.content.strip())
                else:
                    plain_chars += len(child.content.strip())
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong = max(0, strong - 1)
        elif kind == "link_open":
            link_start.append((len(parts), str(child.attrs.get("href", ""))))
        elif kind == "link_close" and link_start:
            start, href = link_start.pop()
            links.append((clean_text("".join(parts[start:])), href))
        elif kind == "image":
            parts.append(child.content)
    return "".join(parts), links, bold_chars > 0 and plain_chars == 0
