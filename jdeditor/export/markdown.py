"""Outline → Markdown (CommonMark), for job boards, wikis and README-style pages.

The posting's text is escaped so that every CommonMark reader (and GitHub's, with its
strikethrough and tables) shows exactly the text typed: a bullet reading ``1. Greet callers``
stays a bullet, ``*urgent*`` keeps its stars, ``<b>`` stays visible text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from jdeditor.outline import Bullets, Link, Outline, Paragraph, build_outline

if TYPE_CHECKING:
    from jdeditor.export.formats import ExportOptions
    from jdeditor.model import JobDescription

# Characters that start or end inline syntax anywhere in a line: emphasis, code, links and
# images, raw HTML and autolinks, GitHub's strikethrough. The backslash itself comes first.
_INLINE = re.compile(r"([\\`*_\[\]<>~|])")
# "&copy;" or "&#169;" would come out as a character: escape the ampersand of what looks like one.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What makes a block of a line's start: heading, quote, list item, thematic break, setext
# underline, numbered list item ('1.' or '1)').
_LINE_START = re.compile(r"^([#>+=-])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def render(document: JobDescription, options: ExportOptions) -> bytes:
    """The export registry's entry: UTF-8 Markdown ending in one newline."""
    return render_markdown(build_outline(document)).encode("utf-8")


def render_markdown(outline: Outline) -> str:
    """The posting as CommonMark: ``#`` title, meta and **pay**, ``##`` sections, ``-`` lists."""
    blocks = [f"# {escape_line(outline.title, heading=True)}"]
    if outline.meta:
        blocks.append(escape_line(" · ".join(outline.meta)))
    if outline.pay:
        blocks.append(f"**{escape_inline(outline.pay)}**")
    for section in outline.sections:
        blocks.append(f"## {escape_line(section.heading, heading=True)}")
        for block in section.blocks:
            if isinstance(block, Bullets):
                blocks.append("\n".join(f"- {escape_line(item)}" for item in block.items))
            else:
                blocks.append(_paragraph(block))
    return "\n\n".join(blocks) + "\n"


def _paragraph(paragraph: Paragraph) -> str:
    parts = []
    for number, run in enumerate(paragraph.runs):
        if isinstance(run, Link):
            parts.append(f"[{escape_inline(run.text)}]({_destination(run.target)})")
        else:
            parts.append(escape_line(run) if number == 0 else escape_inline(run))
    return "".join(parts)


def escape_inline(text: str) -> str:
    """``text`` with every character that could start inline Markdown backslash-escaped."""
    return _ENTITY.sub("\\&", _INLINE.sub(r"\\\1", text))


def escape_line(text: str, *, heading: bool = False) -> str:
    """``text`` as the start of a line (paragraph, list item, heading): inline syntax escaped,
    and so is whatever would turn the line into a heading, quote, list or rule.

    In a heading every ``#`` is escaped: a closing ``#`` sequence would be dropped.
    """
    # Leading spaces would indent the line into a code block; they show in no format.
    text = escape_inline(text.lstrip(" "))
    if heading:
        return text.replace("#", "\\#")
    text = _LINE_START.sub(r"\\\1", text)
    return _ORDERED.sub(r"\1\\\2", text)


def _destination(target: str) -> str:
    """A link target as CommonMark reads it: parentheses and backslashes escaped (web and
    e-mail addresses hold no spaces: the model refuses them)."""
    return re.sub(r"([\\()])", r"\\\1", target)
