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
from docx.exceptions import PythonDocxError
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from jdeditor.checks._message import Message, term
from jdeditor.export._package import TemplateError, clean_template
from jdeditor.files import DocumentError
from jdeditor.i18n import N_
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
            path,
            term(N_("is an old Word 97-2003 document (.doc); save it as .docx and import that")),
        )
    try:
        clean = clean_template(data, path)
    except TemplateError as error:
        raise DocumentError(path, _as_document(error)) from None
    source.notes += [Message(N_("{note} (in the Word file)"), note=note) for note in clean.notes]
    try:
        document = docx.Document(io.BytesIO(clean.data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
        raise DocumentError(
            path, term(N_("is damaged and cannot be opened as a Word document"))
        ) from None
    try:
        source.language = _language(document)
        keywords = document.core_properties.keywords or ""
        source.keywords = [word.strip() for word in re.split(r"[;,]", keywords) if word.strip()]
        styles, rels = _Styles(document), document.part.rels
        for paragraph in _paragraphs(document.element.body, 0):
            _add_paragraph(source, paragraph, styles, rels)
            if source.truncated:  # a block more than a posting has: the rest is left out
                break
    except _DAMAGED:
        source.notes.append(term(N_("part of the Word file could not be read")))
    return source


_DAMAGED = (
    PythonDocxError,
    KeyError,
    ValueError,
    AttributeError,
    IndexError,
    RecursionError,
    etree.LxmlError,
)
"""What python-docx raises for XML it does not expect (a bad on/off value, a span that is not a
number): the paragraphs read before it are kept."""


def _as_document(error: TemplateError) -> str:
    """The package check's reason, worded for a posting rather than a template."""
    message = "; ".join(problem.message for problem in error.problems)
    return (
        message.replace("a Word template", "a Word document")
        .replace("Save the template", "Save the document")
        .replace("the template", "the document")
    )


def _paragraphs(container: Any, depth: int) -> Iterator[Any]:
    """The ``w:p`` elements of the body (or a cell) in reading order, a table's cells row by
    row, a merged cell once.

    Read from the XML as it stands, each element once: python-docx builds and evaluates an
    XPath at every paragraph, run and cell (30 µs each: seconds for a file of 100,000 empty
    paragraphs), and its ``row.cells`` looked up a vertically merged cell's first row again
    for every row below it (quadratic, a RecursionError past 1,000 rows, and a ValueError when
    the first row continued a merge). A cell that continues a vertical merge (``w:vMerge``
    without 'restart') belongs to the cell above, which is read.
    """
    for child in container.iterchildren(_P, _TBL):
        if child.tag == _P:
            yield child
        elif depth < MAX_TABLE_DEPTH:
            for number, row in enumerate(child.iterchildren(qn("w:tr"))):
                for cell in row.iterchildren(qn("w:tc")):
                    if number == 0 or not _continues_merge(cell):  # the first row has no above
                        yield from _paragraphs(cell, depth + 1)


_P, _TBL, _R, _HYPERLINK = qn("w:p"), qn("w:tbl"), qn("w:r"), qn("w:hyperlink")
_RUN_TEXT = [qn(f"w:{name}") for name in ("br", "cr", "noBreakHyphen", "ptab", "t", "tab")]
_BOLD = f"{qn('w:rPr')}/{qn('w:b')}"


def _continues_merge(cell: Any) -> bool:
    merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(qn("w:val"), "continue") == "continue"


def _run_text(run: Any) -> str:
    """A ``w:r``'s text as python-docx's ``Run.text`` reads it (a tab as '\t', a line break
    as '\n')."""
    return "".join(str(part) for part in run.iterchildren(*_RUN_TEXT))


def _text(paragraph: Any) -> str:
    """A ``w:p``'s text as python-docx's ``Paragraph.text`` reads it: its runs and links."""
    parts = []
    for child in paragraph.iterchildren(_R, _HYPERLINK):
        runs = [child] if child.tag == _R else child.iterchildren(_R)
        parts += [_run_text(run) for run in runs]
    return "".join(parts)


def _on(element: Any) -> bool | None:
    """An on/off property (``w:b``): None when absent; on unless its value says off."""
    if element is None:
        return None
    return str(element.get(qn("w:val"), "1")).lower() not in ("0", "false", "off", "none")


class _Styles:
    """The document's styles by id, read once.

    python-docx's ``paragraph.style`` went through every style for the default one at each call
    (2 ms a paragraph with Word's 160 styles: 40 seconds for 10,000 paragraphs, hours for a file
    with 100,000 styles) and put the style's id into an XPath (a quote in it raised an error).
    Looked up as python-docx does: the first style with the id, the last default one.
    """

    def __init__(self, document: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default: Any = None
        self._numbered: dict[Any, bool] = {}
        for style in document.styles.element.iterchildren(qn("w:style")):
            self.by_id.setdefault(style.get(qn("w:styleId"), ""), style)
            default = str(style.get(qn("w:default"), "0")).lower() in ("1", "true", "on")
            if default and style.get(qn("w:type")) == "paragraph":
                self.default = style

    def of(self, paragraph: Any) -> Any:
        """The paragraph's style element (its own, else the default), or None."""
        named = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        style = self.by_id.get(named.get(qn("w:val"), "")) if named is not None else None
        if style is None or style.get(qn("w:type")) != "paragraph":
            return self.default
        return style

    def based_on(self, style: Any) -> Any:
        based = style.find(qn("w:basedOn"))
        return self.by_id.get(based.get(qn("w:val"), "")) if based is not None else None

    def numbered(self, style: Any) -> bool:
        """A style numbers its paragraphs, or one it is based on does (eight deep), worked out
        once for each style rather than for each of its paragraphs."""
        if style is None:
            return False
        if style not in self._numbered:
            current, found = style, False
            for _ in range(8):
                if current is None or found:
                    break
                numbering = current.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
                found = numbering is not None or bool(_LIST_STYLE.match(_name(current)))
                current = self.based_on(current)
            self._numbered[style] = found
        return self._numbered[style]


def _name(style: Any) -> str:
    name = style.find(qn("w:name")) if style is not None else None
    return str(name.get(qn("w:val"), "")) if name is not None else ""


def _add_paragraph(source: Source, paragraph: Any, styles: _Styles, rels: Any) -> None:
    text = _text(paragraph)
    if not text.strip():
        return
    links = _links(paragraph, rels)
    style_element = styles.of(paragraph)
    style = _name(style_element)
    level = _heading_level(paragraph, style)
    if style.lower() == "title":
        source.add("title", text, links=links)
    elif level:
        source.add("heading", text, level=level, links=links)
    elif _is_list(paragraph, style, style_element, styles):
        source.add("bullet", bullet_text(text) or text, links=links)
    elif (item := bullet_text(text)) is not None:
        source.add("bullet", item, links=links)
    elif "\n" in text:
        for line in text.split("\n"):  # lines broken with Shift+Enter: bullets typed by hand
            item = bullet_text(line)
            source.add("bullet" if item else "para", item or line, links=links)
    elif len(text.strip()) <= 80 and _all_bold(paragraph, style_element):
        source.add("heading", text, level=3, links=links, weak=True)
    else:
        source.add("para", text, links=links)


def _heading_level(paragraph: Any, style: str) -> int:
    match = _HEADING_STYLE.match(style.strip())
    if match:
        return int(match.group(1))
    outline = paragraph.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    if outline is not None:
        value = outline.get(qn("w:val"), "")
        if value.isdigit() and int(value) < 6:
            return int(value) + 1
    return 0


def _is_list(paragraph: Any, style: str, element: Any, styles: _Styles) -> bool:
    numbering = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if numbering is not None:
        number = numbering.find(qn("w:numId"))
        return number is None or number.get(qn("w:val")) != "0"
    return bool(_LIST_STYLE.match(style)) or styles.numbered(element)


def _all_bold(paragraph: Any, style: Any) -> bool:
    """Every run with text is bold (itself, or by the paragraph's style)."""
    runs = [run for run in paragraph.iterchildren(_R) if _run_text(run).strip()]
    if not runs:
        return False
    style_bold = style is not None and bool(_on(style.find(_BOLD)))
    bold = [_on(run.find(_BOLD)) for run in runs]
    return all(each or (each is None and style_bold) for each in bold)


def _links(paragraph: Any, rels: Any) -> list[tuple[str, str]]:
    """(text, address) of each hyperlink to an address (not to a bookmark in the file)."""
    links = []
    for link in paragraph.iterchildren(_HYPERLINK):
        relation = rels.get(link.get(qn("r:id"), ""))
        address = str(relation.target_ref) if relation is not None else ""
        if address:
            links.append(("".join(_run_text(run) for run in link.iterchildren(_R)), address))
    return links


def _language(document: Any) -> str:
    """The language the file says its text is in (jdeditor's export sets it). Word's default
    run language (w:lang) is left aside: every Word file has one, whatever its text."""
    return str(document.core_properties.language or "").strip()
