"""Word fields in a company template: keep the harmless ones, neutralise the rest.

A field that shows the document's own data (page numbers, dates, properties, references) is
kept; one that reaches outside the document (INCLUDEPICTURE, INCLUDETEXT, DDE, LINK,
DATABASE, …) loses its code and keeps the text it last showed. XML elements only: ``_package``
decides which parts to clean and reports what was removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Fields that show the document's own data; INCLUDE*, DDE*, LINK, DATABASE... reach outside it.
_SAFE_FIELDS = frozenset(
    {"PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "DATE", "TIME", "CREATEDATE", "SAVEDATE"}
    | {"PRINTDATE", "AUTHOR", "TITLE", "SUBJECT", "KEYWORDS", "COMMENTS", "DOCPROPERTY"}
    | {"FILENAME", "STYLEREF", "REF", "PAGEREF", "NOTEREF", "SEQ", "HYPERLINK", "TOC", "SYMBOL"}
    | {"QUOTE", "IF", "="}
)
_INSTRUCTIONS = (f"{_W}instrText", f"{_W}delInstrText")
_FIELD_NAME = re.compile(r'\s*([^\s\\"]*)')  # Word's field name: up to a space, switch or quote


def neutralise_unsafe_fields(root: etree._Element) -> list[str]:
    """Neutralise every unsafe field under ``root``, simple and complex; their names."""
    return [*_unwrap_simple_fields(root), *_neutralise_complex_fields(root)]


def _field_name(instruction: str) -> str:
    token = (match.group(1) if (match := _FIELD_NAME.match(instruction)) else "").upper()
    return "=" if token.startswith("=") else token


def _unwrap_simple_fields(root: etree._Element) -> list[str]:
    """Replace each unsafe ``w:fldSimple`` by the runs it shows; returns their names."""
    removed = []
    for simple in list(root.iter(f"{_W}fldSimple")):
        name = _field_name(simple.get(f"{_W}instr") or "")
        if name not in _SAFE_FIELDS:
            removed.append(name)
            for child in list(simple):
                if child.tag != f"{_W}fldData":
                    simple.addprevious(child)
            remove_element(simple)
    return removed


@dataclass
class _Field:
    start: int
    instruction: list[str] = field(default_factory=list)
    separate: int | None = None


def _neutralise_complex_fields(root: etree._Element) -> list[str]:
    """Strip the markers and code of each unsafe complex field, keeping the result it shows.

    A field runs begin → code (instrText, possibly split and holding nested fields) →
    separate → result → end, across runs and even paragraphs. Items are numbered in document
    order and whole ranges marked, so deep nesting costs no more than flat fields.
    """
    items: list[etree._Element] = []
    marks: list[int] = []
    ends: set[int] = set()
    removed: list[str] = []
    stack: list[_Field] = []

    def finish(unsafe: _Field, last: int) -> bool:
        name = _field_name("".join(unsafe.instruction))
        if name in _SAFE_FIELDS:
            return False
        removed.append(name)
        # Inside another field's code its result is only code too: all of it goes.
        whole = unsafe.separate is None or (bool(stack) and stack[-1].separate is None)
        marks.extend((unsafe.start, last if whole else cast(int, unsafe.separate)))
        return True

    for run in list(root.iter(f"{_W}r")):
        for child in run:
            if child.tag == f"{_W}rPr":
                continue
            items.append(child)
            index = len(items) - 1
            if child.tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType")
                if kind == "begin":
                    stack.append(_Field(index))
                elif kind == "separate" and stack and stack[-1].separate is None:
                    stack[-1].separate = index
                elif kind == "end" and stack and finish(stack.pop(), index):
                    ends.add(index)
            elif child.tag in _INSTRUCTIONS and stack and stack[-1].separate is None:
                stack[-1].instruction.append(child.text or "")
    while stack:  # never ended: Word treats the rest as its code
        finish(stack.pop(), len(items) - 1)
    _remove_marked(items, marks, ends)
    return removed


def _remove_marked(items: list[etree._Element], marks: list[int], ends: set[int]) -> None:
    """Remove the items inside any (start, stop) range of ``marks`` and those in ``ends``."""
    delta = [0] * (len(items) + 1)
    for start, stop in zip(marks[::2], marks[1::2], strict=True):
        delta[start] += 1
        delta[stop + 1] -= 1
    depth = 0
    for index, item in enumerate(items):
        depth += delta[index]
        if depth > 0 or index in ends:
            run = item.getparent()
            remove_element(item)
            if run is not None and all(child.tag == f"{_W}rPr" for child in run):
                remove_element(run)


def remove_element(element: etree._Element) -> None:
    """Take ``element`` out of its tree (nothing for a root)."""
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)
