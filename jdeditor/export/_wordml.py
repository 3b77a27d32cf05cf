"""WordprocessingML elements: paragraphs, runs, hyperlinks and fields, and nothing else.

This layer knows the XML, not postings: ``docx.py`` decides what goes where and calls these.
Elements are built directly with python-docx's ``OxmlElement`` and style *ids*, which is much
faster than the proxy API's look-up of styles by name on every paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from jdeditor.checks import PLACEHOLDER

Element = BaseOxmlElement
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML at all


def paragraph(
    style_id: str | None, runs: Iterable[Element], *, numbering: str | None = None
) -> Element:
    """``<w:p>`` with an optional paragraph style and the given runs or hyperlinks.

    ``numbering`` (a numId) makes it a list item at level 0 the way Word writes one: the
    style names the list, and so does the paragraph itself.
    """
    p = _styled("w:p", "w:pPr", "w:pStyle", style_id)
    if numbering is not None:
        properties = p.find(qn("w:pPr"))
        if properties is None:
            properties = OxmlElement("w:pPr")
            p.append(properties)
        numbered = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", "0"), ("w:numId", numbering)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            numbered.append(child)
        properties.append(numbered)  # after pStyle, as the schema orders them
    for run in runs:
        p.append(run)
    return p


def run(text: str, char_style: str | None = None, *, highlight: str = "") -> Element:
    """``<w:r>`` holding ``text``; line breaks become ``<w:br/>``.

    ``highlight`` (e.g. "yellow") marks the run itself: Word allows no highlight in a style.
    """
    r = _styled("w:r", "w:rPr", "w:rStyle", char_style)
    if highlight:
        properties = r.find(qn("w:rPr"))
        if properties is None:
            properties = OxmlElement("w:rPr")
            r.append(properties)
        mark = OxmlElement("w:highlight")
        mark.set(qn("w:val"), highlight)
        properties.append(mark)
    for index, line in enumerate(_CONTROL.sub("", text).split("\n")):
        if index:
            r.append(OxmlElement("w:br"))
        t = OxmlElement("w:t")
        t.text = line
        if line != line.strip() or "  " in line:
            t.set(qn("xml:space"), "preserve")
        r.append(t)
    return r


def _styled(tag: str, properties_tag: str, style_tag: str, style_id: str | None) -> Element:
    """``<tag>`` whose properties hold only a style reference (or nothing, without a style)."""
    element = OxmlElement(tag)
    if style_id:
        properties = OxmlElement(properties_tag)
        style = OxmlElement(style_tag)
        style.set(qn("w:val"), style_id)
        properties.append(style)
        element.append(properties)
    return element


def marked_runs(text: str, placeholder_style: str) -> Iterator[Element]:
    """Runs for ``text`` in which every ``[placeholder]`` carries ``placeholder_style``."""
    position = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > position:
            yield run(text[position : match.start()])
        yield run(match.group(), placeholder_style, highlight="yellow")
        position = match.end()
    if position < len(text) or not text:
        yield run(text[position:])


def hyperlink(relationship_id: str, text: str, char_style: str) -> Element:
    """``<w:hyperlink>`` to an external target already related under ``relationship_id``."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship_id)
    link.set(qn("w:history"), "1")
    link.append(run(text, char_style))
    return link


def field(instruction: str, shown: str) -> list[Element]:
    """A complex field (``PAGE``, ``NUMPAGES``): begin, instruction, separate, result, end.

    ``shown`` is the cached result a reader displays until it updates the field.
    """
    begin, separate, end = (_field_char(kind) for kind in ("begin", "separate", "end"))
    code = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code.append(text)
    return [begin, code, separate, run(shown), end]


def _field_char(kind: str) -> Element:
    r = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    r.append(char)
    return r
