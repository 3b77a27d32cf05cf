"""WordprocessingML elements: paragraphs, runs (one per script), hyperlinks and fields.

This layer knows the XML, not postings: ``docx.py`` decides what goes where and calls these.
Elements are built directly with python-docx's ``OxmlElement`` and style *ids*, which is much
faster than the proxy API's look-up of styles by name on every paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from jdeditor.checks import PLACEHOLDER

Element = BaseOxmlElement
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML at all
# What Word and LibreOffice treat as East Asian text: Hangul Jamo, CJK radicals, CJK symbols
# and punctuation (U+3000–U+303F), kana, bopomofo, Hangul compatibility jamo, kanbun, CJK
# strokes, enclosed CJK, CJK compatibility, Han (extension A, unified, compatibility, and the
# supplementary planes), Hangul syllables, vertical and CJK compatibility forms, half- and
# full-width forms (U+FF00–U+FFEF), kana supplements and enclosed ideographs.
_EAST_ASIAN = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fff\u3000-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff"
    "\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe6f\uff00-\uffef\U0001b000-\U0001b16f"
    "\U0001f200-\U0001f2ff\U00020000-\U0003ffff]"
)
# Neutral characters that belong with what follows them: opening brackets and quotes, and
# currency signs, which stand before their amount ("月薪 ¥8,000" keeps "¥" with "8,000").
_LEADING = frozenset({"Ps", "Pi", "Sc"})


@dataclass(frozen=True, slots=True)
class Languages:
    """The language tags a run of each script carries beyond the document's defaults.

    Empty means the run says nothing and the document default applies.
    """

    east_asian: str = ""
    """``w:lang/@w:eastAsia`` of an East Asian run (the posting's, in a CJK posting)."""
    other: str = ""
    """``w:lang/@w:val`` of any other run (a Latin language, in a CJK posting)."""


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


def run(
    text: str,
    char_style: str | None = None,
    *,
    highlight: str = "",
    east_asian: bool = False,
    language: str = "",
) -> Element:
    """``<w:r>`` holding ``text``; line breaks become ``<w:br/>``.

    ``highlight`` (e.g. "yellow") marks the run itself: Word allows no highlight in a style.
    ``east_asian`` says the text is CJK: Word then sets its ambiguous characters (quotes, the
    middle dot) in the East Asian font. ``language`` tags the run: as ``w:eastAsia`` for CJK
    text, else as ``w:val``, which is what LibreOffice and Word break a word's lines by.
    """
    r = _styled("w:r", "w:rPr", "w:rStyle", char_style)
    # The schema's order: rStyle, rFonts, …, highlight, …, lang.
    if east_asian:
        _set(_run_properties(r), "w:rFonts", "w:hint", "eastAsia")
    if highlight:
        _set(_run_properties(r), "w:highlight", "w:val", highlight)
    if language:
        _set(_run_properties(r), "w:lang", "w:eastAsia" if east_asian else "w:val", language)
    for index, line in enumerate(_CONTROL.sub("", text).split("\n")):
        if index:
            r.append(OxmlElement("w:br"))
        t = OxmlElement("w:t")
        t.text = line
        if line != line.strip() or "  " in line:
            t.set(qn("xml:space"), "preserve")
        r.append(t)
    return r


def _run_properties(r: Element) -> Element:
    properties: Element | None = r.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        r.insert(0, properties)
    return properties


def _set(parent: Element, tag: str, attribute: str, value: str) -> None:
    """Append ``<tag attribute="value"/>`` to ``parent``."""
    child = OxmlElement(tag)
    child.set(qn(attribute), value)
    parent.append(child)


def split_by_script(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is East Asian) wherever it changes between CJK and other text.

    The pieces put together are ``text``; text without CJK is one piece (none, if empty).
    CJK is what ``_EAST_ASIAN`` holds, full-width punctuation (，。（）) included; the other
    side is the letters and decimal digits of every other script. Spaces, other punctuation,
    symbols and marks are neutral, and the rule for them is:

    - between two pieces of one script they stay with it ("customer interaction" stays whole);
    - at the start they go with what follows, at the end with what precedes;
    - between two scripts they go with the preceding piece, so a comma, a closing bracket or
      a space stays with the word it follows, except from the first opening bracket, opening
      quote or currency sign on, which goes with the piece it opens: "团队 (CRM) 系统" gives
      "团队 ", "(CRM) ", "系统", and "月薪 ¥8,000" gives "月薪 ", "¥8,000".
    """
    if not _EAST_ASIAN.search(text):
        return [(text, False)] if text else []
    # Each character: True (CJK), False (another script's letter or digit), None (neutral).
    kinds: list[bool | None] = [_kind(character) for character in text]
    start = 0
    while start < len(text):
        if kinds[start] is not None:
            start += 1
            continue
        end = start
        while end < len(text) and kinds[end] is None:
            end += 1
        before = kinds[start - 1] if start else None
        after = kinds[end] if end < len(text) else None
        if before is None or before == after:
            before = after
        split = end
        if after is not None and before != after:
            split = next(
                (i for i in range(start, end) if unicodedata.category(text[i]) in _LEADING), end
            )
        kinds[start:split] = [before] * (split - start)
        kinds[split:end] = [after] * (end - split)
        start = end
    pieces: list[tuple[str, bool]] = []
    start = 0
    for end in range(1, len(text) + 1):
        if end == len(text) or kinds[end] != kinds[start]:
            pieces.append((text[start:end], bool(kinds[start])))
            start = end
    return pieces


def _kind(character: str) -> bool | None:
    if _EAST_ASIAN.match(character):
        return True
    category = unicodedata.category(character)
    if category[0] == "L" or category == "Nd":
        return False
    return None  # other numbers (①, ², Ⅻ) too: they side with the text around them


def script_runs(
    text: str,
    languages: Languages,
    char_style: str | None = None,
    *,
    highlight: str = "",
) -> Iterator[Element]:
    """Runs for ``text``, one per script (see ``split_by_script``), each tagged as such.

    Text without CJK in a posting that is not East Asian gives the one plain run it always did.
    """
    for piece, east_asian in split_by_script(text) or [(text, False)]:
        language = languages.east_asian if east_asian else languages.other
        yield run(piece, char_style, highlight=highlight, east_asian=east_asian, language=language)


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


def marked_runs(text: str, placeholder_style: str, languages: Languages) -> Iterator[Element]:
    """Runs for ``text``, one per script, in which every ``[placeholder]`` carries
    ``placeholder_style``."""
    position = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > position:
            yield from script_runs(text[position : match.start()], languages)
        yield from script_runs(match.group(), languages, placeholder_style, highlight="yellow")
        position = match.end()
    if position < len(text) or not text:
        yield from script_runs(text[position:], languages)


def hyperlink(relationship_id: str, text: str, char_style: str, languages: Languages) -> Element:
    """``<w:hyperlink>`` to an external target already related under ``relationship_id``."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship_id)
    link.set(qn("w:history"), "1")
    link.extend(script_runs(text, languages, char_style))
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
