"""The Word reader: a .docx (Word, LibreOffice, Google Docs) as blocks.

The file is hostile until checked: ``export._package.clean_template`` bounds the zip (entry
count, unpacked size checked against the bytes really inflated), refuses macros, ActiveX,
embedded programs, DTDs and parts that load content from elsewhere, and strips outside links
other than hyperlinks, all before python-docx sees a byte. A hyperlink's address is read as
text and never followed.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from lxml import etree

from jdeditor.export._package import TemplateError, clean_template
from jdeditor.files import DocumentError
from jdeditor.importer._blocks import Source, bullet_text

MAX_TABLE_DEPTH = 4
"""Tables inside tables: real postings nest one or two deep."""

_HEADING_STYLE = re.compile(r"(?i)^(?:heading|überschrift|titre|título|标题)\s*([1-6])$")
_LIST_STYLE = re.compile(r"(?i)^list (?:bullet|number|continue)|^bullet|^numbered")


def read_docx(data: bytes, path: Path) -> Source:
    """The document's paragraphs (and table cells) in order; raises ``DocumentError`` for a
    file that is not a Word document or is not safe to open."""
    source = Source("docx")
    if data[:8] == bytes.fromhex("D0CF11E0A1B11AE1"):
        raise DocumentError(
            path, "is an old Word 97-2003 document (.doc); save it as .docx and import that"
        )
    try:
        clean = clean_template(data, path)
    except TemplateError as error:
        raise DocumentError(path, _as_document(error)) from None
    source.notes += [f"{note} (in the Word file)" for note in clean.notes]
    try:
        document = docx.Document(io.BytesIO(clean.data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
        raise DocumentError(path, "is damaged and cannot be opened as a Word document") from None
    source.language = _language(document)
    keywords = document.core_properties.keywords or ""
    source.keywords = [word.strip() for word in re.split(r"[;,]", keywords) if word.strip()]
    for paragraph in _paragraphs(document.iter_inner_content(), 0):
        _add_paragraph(source, paragraph)
    return source


def _as_document(error: TemplateError) -> str:
    """The package check's reason, worded for a posting rather than a template."""
    message = "; ".join(problem.message for problem in error.problems)
    return (
        message.replace("a Word template", "a Word document")
        .replace("Save the template", "Save the document")
        .replace("the template", "the document")
    )


def _paragraphs(content: Iterator[Any], depth: int) -> Iterator[Paragraph]:
    """Body paragraphs in reading order, a table's cells row by row (merged cells once)."""
    for item in content:
        if isinstance(item, Paragraph):
            yield item
        elif isinstance(item, Table) and depth < MAX_TABLE_DEPTH:
            seen: set[int] = set()
            for row in item.rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    yield from _paragraphs(cell.iter_inner_content(), depth + 1)


def _add_paragraph(source: Source, paragraph: Paragraph) -> None:
    text = paragraph.text
    if not text.strip():
        return
    links = _links(paragraph)
    style = _style_name(paragraph)
    level = _heading_level(paragraph, style)
    if style.lower() == "title":
        source.add("title", text, links=links)
    elif level:
        source.add("heading", text, level=level, links=links)
    elif _is_list(paragraph, style):
        source.add("bullet", bullet_text(text) or text, links=links)
    elif (item := bullet_text(text)) is not None:
        source.add("bullet", item, links=links)
    elif "\n" in text:
        for line in text.split("\n"):  # lines broken with Shift+Enter: bullets typed by hand
            item = bullet_text(line)
            source.add("bullet" if item else "para", item or line, links=links)
    elif _all_bold(paragraph) and len(text.strip()) <= 80:
        source.add("heading", text, level=3, links=links, weak=True)
    else:
        source.add("para", text, links=links)


def _style_name(paragraph: Paragraph) -> str:
    try:
        style = paragraph.style
    except (KeyError, ValueError):
        return ""
    return str(style.name or "") if style is not None else ""


def _heading_level(paragraph: Paragraph, style: str) -> int:
    match = _HEADING_STYLE.match(style.strip())
    if match:
        return int(match.group(1))
    properties = paragraph._p.pPr
    outline = properties.find(qn("w:outlineLvl")) if properties is not None else None
    if outline is not None:
        value = outline.get(qn("w:val"), "")
        if value.isdigit() and int(value) < 6:
            return int(value) + 1
    return 0


def _is_list(paragraph: Paragraph, style: str) -> bool:
    properties = paragraph._p.pPr
    if properties is not None and properties.find(qn("w:numPr")) is not None:
        number = properties.find(f"{qn('w:numPr')}/{qn('w:numId')}")
        return number is None or number.get(qn("w:val")) != "0"
    if _LIST_STYLE.match(style):
        return True
    try:
        current = paragraph.style
        for _ in range(8):  # a style numbers its paragraphs, or one it is based on does
            if current is None:
                break
            numbered = current.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
            if numbered or _LIST_STYLE.match(str(current.name or "")):
                return True
            current = current.base_style
    except (KeyError, ValueError, AttributeError):
        pass
    return False


def _all_bold(paragraph: Paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return False
    style_bold = False
    try:
        if paragraph.style is not None and paragraph.style.font.bold:
            style_bold = True
    except (KeyError, ValueError):
        pass
    return all(run.bold or (run.bold is None and style_bold) for run in runs)


def _links(paragraph: Paragraph) -> list[tuple[str, str]]:
    links = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            try:
                address = item.address
            except (KeyError, ValueError):
                continue
            if address:
                links.append((item.text, address))
    return links


def _language(document: Any) -> str:
    """The language the file says its text is in (jdeditor's export sets it). Word's default
    run language (w:lang) is left aside: every Word file has one, whatever its text."""
    return str(document.core_properties.language or "").strip()
