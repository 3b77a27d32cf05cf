"""Outline → plain text, for the terminal (``jdeditor presets show``) and plain-text job boards."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from jdeditor._text import wrap
from jdeditor.outline import Bullets, Link, Outline, Paragraph, build_outline

if TYPE_CHECKING:
    from jdeditor.export.formats import ExportOptions
    from jdeditor.model import JobDescription

_MAX_WIDTH = 88


def render_document(document: JobDescription, options: ExportOptions) -> bytes:
    """The export registry's entry: UTF-8, wrapped at ``options.width`` (80) columns."""
    return render_text(build_outline(document), options.width).encode("utf-8")


def render_text(outline: Outline, width: int | None = None) -> str:
    """The posting as wrapped text: title block, then each section under an upper-case heading.
    Lines are at most ``width`` terminal columns (a Chinese character takes two)."""
    if width is None:
        width = min(shutil.get_terminal_size((_MAX_WIDTH, 24)).columns, _MAX_WIDTH)
    lines = [outline.title]
    if outline.meta:
        lines.append(" · ".join(outline.meta))
    if outline.pay:
        lines.append(outline.pay)
    for section in outline.sections:
        lines += ["", section.heading.upper()]
        previous = None
        for block in section.blocks:
            if isinstance(block, Paragraph) and isinstance(previous, Paragraph):
                lines.append("")  # paragraphs apart, so no reader takes two for one
            previous = block
            if isinstance(block, Bullets):
                for item in block.items:
                    lines += wrap(item, width, initial_indent="  • ", subsequent_indent="    ")
            else:
                lines += wrap(_plain(block), width, initial_indent="  ", subsequent_indent="  ")
    return "\n".join(lines) + "\n"


def _plain(paragraph: Paragraph) -> str:
    # A web address is printed in full: in plain text nobody can click the shortened one.
    return "".join(
        run.target
        if isinstance(run, Link) and not run.target.startswith("mailto:")
        else str(run)
        if not isinstance(run, Link)
        else run.text
        for run in paragraph.runs
    )
