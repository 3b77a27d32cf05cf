"""Readers for plain text and Markdown (CommonMark); HTML is ``_html``.

Each turns the file's text into a ``Source`` of blocks and never raises on any text: hostile
input gives fewer or odder blocks, not an exception. Nothing here fetches, runs or evaluates
anything.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from jdeditor.importer._blocks import (
    MAX_BLOCK_CHARS,
    MAX_BLOCKS,
    Source,
    bullet_text,
    clean_text,
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
    longest = max((len(line.rstrip()) for line in lines), default=0)
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
    if " · " in previous or " | " in previous or previous.isupper():
        return False
    word = line.split(" ", 1)[0]
    return here + len(previous) + 1 + len(word) > width


def _join_wrapped(lines: list[str]) -> str:
    """Lines of one paragraph as one line; a word broken after its hyphen is made whole."""
    text = lines[0]
    for line in lines[1:]:
        if re.search(r"\w-$", text) and line[:1].isalpha():
            text += line
        elif re.search(r"[\u3400-\u9fff，。；：、]$", text) and re.match(r"[\u3400-\u9fff]", line):
            text += line  # Chinese has no spaces between words
        else:
            text += " " + line
    return text


# --- Markdown ---------------------------------------------------------------------------------
def read_markdown(text: str) -> Source:
    """CommonMark (and tables) through markdown-it-py's tokens; emphasis is dropped, links kept."""
    source = Source("md")
    parser = MarkdownIt("commonmark").enable("table")
    try:
        tokens = parser.parse(text)
    except (RecursionError, ValueError, IndexError):  # pragma: no cover - defensive
        source.notes.append("the Markdown could not be read in full")
        return source
    depth = 0  # list nesting
    heading_level = 0
    in_item = False  # a list item's first paragraph is read: later ones join its bullet
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open", "list_item_open"):
            depth += token.type != "list_item_open"
            in_item = False
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
        elif token.type == "inline":
            _add_inline(source, token, heading_level, depth, in_item)
            heading_level, in_item = 0, bool(depth)
        elif token.type in ("fence", "code_block"):
            source.add("para", token.content)
        elif token.type == "html_block":
            inner = read_html(token.content, "md")
            source.blocks += inner.blocks[: max(0, MAX_BLOCKS - len(source.blocks))]
    return source


def _add_inline(
    source: Source, token: Token, heading_level: int, depth: int, in_item: bool
) -> None:
    text, links, bold = _inline(token.children or [])
    if heading_level:
        source.add("heading", text, level=heading_level, links=links)
    elif depth and in_item and source.blocks and source.blocks[-1].kind == "bullet":
        last = source.blocks[-1]
        last.text = clean_text(f"{last.text} {text}")[:MAX_BLOCK_CHARS]
        last.links += links
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
    link_start: list[tuple[int, str]] = []
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
            link_start.append((len("".join(parts)), str(child.attrs.get("href", ""))))
        elif kind == "link_close" and link_start:
            start, href = link_start.pop()
            links.append((clean_text("".join(parts)[start:]), href))
        elif kind == "image":
            parts.append(child.content)
    return "".join(parts), links, bold_chars > 0 and plain_chars == 0
