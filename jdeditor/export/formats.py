"""Every format a posting is exported to, in one registry the CLI, the window's Export As… and
the tests all read: adding a format is one module and one entry here.

A format's renderer is ``render(document, options) -> bytes`` in its own module, imported on
first use: python-docx, Qt's PDF writer and the JSON-LD mapping load only for the format asked
for (the PDF renderer is the only one that needs Qt; it creates a ``QGuiApplication`` when
there is none, offscreen (a QApplication, not a QGuiApplication: widgets may follow in the
same process), so the CLI exports PDF without a display).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jdeditor.model import JobDescription


@dataclass(frozen=True, slots=True)
class ExportOptions:
    template: Path | None = None
    """A company Word template (.docx/.dotx): the Word format only."""
    today: date = field(default_factory=date.today)
    """The date posted when the posting has none (JSON-LD ``datePosted``, HTML's JSON-LD)."""
    width: int = 80
    """Plain text is wrapped at this many columns (plain-text application forms)."""


Render = Callable[[JobDescription, ExportOptions], bytes]


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    """What ``--format`` takes: 'docx', 'md', …"""
    label: str
    """For people: 'Word document'."""
    suffix: str
    renderer: str
    """'module:function', imported on first use."""

    @property
    def file_filter(self) -> str:
        """A file dialog's filter: 'Word document (*.docx)'."""
        return f"{self.label} (*{self.suffix})"

    def render(self, document: JobDescription, options: ExportOptions | None = None) -> bytes:
        module, function = self.renderer.split(":")
        renderer: Render = getattr(importlib.import_module(module), function)
        return renderer(document, options or ExportOptions())


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("docx", "Word document", ".docx", "jdeditor.export.docx:render_document"),
        Format("pdf", "PDF", ".pdf", "jdeditor.export.pdf:render"),
        Format("html", "Web page", ".html", "jdeditor.export.page:render"),
        Format("md", "Markdown", ".md", "jdeditor.export.markdown:render"),
        Format("txt", "Plain text", ".txt", "jdeditor.export.text:render_document"),
        Format("jsonld", "Google for Jobs JSON-LD", ".jsonld", "jdeditor.export.jsonld:render"),
    )
}
"""In the order the Export As… dialog offers them."""

# Not ".json": that is a posting's own suffix (*.jd.json), never an export's.
_SUFFIXES = {f.suffix: f for f in FORMATS.values()} | {
    ".htm": FORMATS["html"],
    ".markdown": FORMATS["md"],
}


def for_path(path: Path | str) -> Format | None:
    """The format a file name asks for by its suffix ('posting.md' → Markdown), or None."""
    return _SUFFIXES.get(Path(path).suffix.lower())


def parse_formats(value: str) -> list[Format]:
    """``--format md,html,pdf`` → the formats; ValueError naming an unknown one."""
    chosen = []
    for name in (part.strip().lower() for part in value.split(",")):
        if name not in FORMATS:
            raise ValueError(f"'{name}' is not a format; choose from {', '.join(FORMATS)}")
        if FORMATS[name] not in chosen:
            chosen.append(FORMATS[name])
    return chosen
