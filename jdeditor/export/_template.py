"""The base a posting is written into: our reference document or a company's Word template.

A company template (.docx or .dotx) keeps its styles, page setup, headers and footers; any style
the export needs that the template lacks is copied in from the reference, bullets included.
Before python-docx sees a template, ``_package`` refuses what cannot be made safe (macros,
ActiveX, zip bombs, damaged files) with ``TemplateError`` and strips what can be (outside
links, unsafe fields); ``template_notes`` says what it stripped.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import cast

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.parts.numbering import NumberingPart
from lxml import etree

from jdeditor.export import reference
from jdeditor.export._package import MACRO_REASON, CleanTemplate, TemplateError, clean_template
from jdeditor.export._theme import theme_colours
from jdeditor.files import DocumentError, describe_os_error, read_user_file

__all__ = [
    "MAX_TEMPLATE_BYTES",
    "StyleIds",
    "TemplateError",
    "open_reference",
    "open_template",
    "resolve_styles",
    "template_notes",
]

MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
"""Templates carry logos; 50 MB is far above any real one and stops a wrong file early."""


@dataclass(frozen=True, slots=True)
class StyleIds:
    """The style ids of the base document for each role the export uses."""

    title: str
    subtitle: str
    pay: str
    heading: str
    bullet: str
    header: str
    footer: str
    hyperlink: str
    placeholder: str
    bullet_numbering: str | None = None
    """The numId the bullet style lists with; each bullet paragraph names it too, as Word
    writes list items, so readers that only look at the paragraph (docx2python) see the list."""


# role → (style name as Word stores it, our style id). Names are language-independent for
# built-in styles, ids are not (a German Word writes "berschrift1" for "heading 1").
_ROLES = {
    "title": ("Title", "Title"),
    "subtitle": ("Subtitle", "Subtitle"),
    "pay": ("Pay Line", "PayLine"),
    "heading": ("heading 1", "Heading1"),
    "bullet": ("List Bullet", "ListBullet"),
    "header": ("header", "Header"),
    "footer": ("footer", "Footer"),
    "hyperlink": ("Hyperlink", "Hyperlink"),
    "placeholder": ("Placeholder", "Placeholder"),
}


@cache
def _reference_bytes() -> bytes:
    return reference.reference_path().read_bytes()


def open_reference() -> Document:
    """A fresh copy of our base document, parsed from bytes read once per process."""
    return docx.Document(io.BytesIO(_reference_bytes()))


def open_template(path: Path) -> Document:
    """A company template as the base document, with our styles added where it lacks them."""
    document = _parse(path, _checked(path).data)
    _complete(document)
    return document


_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _complete(document: Document) -> None:
    """What Word expects of the package the posting is written into.

    Word 2010's copy of the styles goes: the export adds styles and changes the defaults, and a
    stale copy makes Word offer to repair the file (Word 2013 and later never read it). A
    template without a theme (LibreOffice writes none) gets ours, which Word's schema wants.
    """
    part = document.part
    for relationship_id, relationship in list(part.rels.items()):
        if relationship.reltype == _STYLES_WITH_EFFECTS:
            part.drop_rel(relationship_id)
    try:
        part.part_related_by(RT.THEME)
    except KeyError:
        # A free name: a theme part can exist unlinked from the document (a header's).
        name = part.package.next_partname("/word/theme/theme%d.xml")
        theme = Part(name, CT.OFC_THEME, _reference_theme(), part.package)
        part.relate_to(theme, RT.THEME)


@cache
def _reference_theme() -> bytes:
    return open_reference().part.part_related_by(RT.THEME).blob


def template_notes(path: Path) -> list[str]:
    """What was removed from the template to make it safe, in plain words, for a warning.

    Empty for a clean template. Raises ``TemplateError`` as ``open_template`` does; the check
    is cached per file version, so asking before or after exporting costs nothing.
    """
    return list(_checked(path).notes)


def resolve_styles(document: Document) -> StyleIds:
    """Find each role's style in the base, copying ours in where it is missing.

    A copy into a company template follows the template's theme (its accent for headings,
    bullets and links, its heading font, its text colour), so the posting looks like the
    company's document rather than ours pasted in. Whatever the template says, a section
    heading is kept with the paragraph after it.
    """
    styles = document.styles.element
    by_name = {
        _name(style): style.get(qn("w:styleId")) for style in styles.iterchildren(qn("w:style"))
    }
    by_id = {style.get(qn("w:styleId")): style for style in styles.iterchildren(qn("w:style"))}
    ours = _reference_styles()
    colours = _template_colours(document) if document.part.package is not None else {}
    ids: dict[str, str] = {}
    for role, (name, our_id) in _ROLES.items():
        found = by_name.get(name.lower())
        if found is None:
            copied = copy.deepcopy(ours[our_id])
            if colours:
                follow_theme(copied, colours, heading=role in ("title", "heading"))
            if role == "bullet":
                _give_bullets_numbering(document, copied, colours.get("accent1"))
            styles.append(copied)
            by_id[our_id] = copied
            found = our_id
        ids[role] = found
    heading = by_id.get(ids["heading"])
    if heading is not None:
        heading.get_or_add_pPr().keepNext_val = True
    return StyleIds(**ids, bullet_numbering=_numbering_of(by_id, ids["bullet"]))


def _numbering_of(by_id: dict[str | None, etree._Element], style_id: str) -> str | None:
    """The numId a paragraph style lists with, through its basedOn chain; None if none."""
    seen: set[str] = set()
    current: str | None = style_id
    while current and current not in seen:
        seen.add(current)
        style = by_id.get(current)
        if style is None:
            return None
        num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id is not None:
            value = num_id.get(qn("w:val"))
            return value if value and value != "0" else None
        based_on = style.find(qn("w:basedOn"))
        current = based_on.get(qn("w:val")) if based_on is not None else None
    return None


def _template_colours(document: Document) -> dict[str, str]:
    try:
        theme = document.part.part_related_by(RT.THEME)
    except KeyError:
        return {}
    return theme_colours(theme.blob)


def follow_theme(style: etree._Element, colours: dict[str, str], *, heading: bool) -> None:
    """Make one of our styles speak the template's theme instead of our type spec."""
    properties = style.find(qn("w:rPr"))
    if properties is None:
        return
    for colour in properties.iterchildren(qn("w:color")):
        value = colour.get(qn("w:val"))
        if value == reference.ACCENT and "accent1" in colours:
            colour.set(qn("w:val"), colours["accent1"])
            colour.set(qn("w:themeColor"), "accent1")
        elif value == reference.INK:
            properties.remove(colour)  # the template's own text colour, from its Normal style
    if heading:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        for attribute in ("w:asciiTheme", "w:hAnsiTheme"):
            fonts.set(qn(attribute), "majorHAnsi")
        properties.insert(0, fonts)  # rFonts comes first in a style's run properties


def _name(style: etree._Element) -> str:
    name = style.find(qn("w:name"))
    return (name.get(qn("w:val")) or "").lower() if name is not None else ""


@cache
def _reference_styles() -> dict[str, etree._Element]:
    styles = open_reference().styles.element
    return {style.get(qn("w:styleId")): style for style in styles.iterchildren(qn("w:style"))}


def _give_bullets_numbering(
    document: Document, bullet_style: etree._Element, accent: str | None
) -> None:
    """Add our bullet definition to the template's numbering and point the style at it."""
    part = document.part
    try:
        numbering = cast(XmlPart, part.part_related_by(RT.NUMBERING)).element
    except KeyError:
        # No numbering at all: ours goes in whole, and its ids need no change.
        element = _bullet_colour(parse_xml(reference.numbering_xml().encode()), accent)
        new_part = NumberingPart(
            PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package
        )
        part.relate_to(new_part, RT.NUMBERING)
        return
    ours = _bullet_colour(parse_xml(reference.numbering_xml().encode()), accent)
    abstracts = numbering.iter(qn("w:abstractNum"))
    abstract_ids = _integers(n.get(qn("w:abstractNumId")) for n in abstracts)
    num_ids = _integers(n.get(qn("w:numId")) for n in numbering.iter(qn("w:num")))
    abstract_id, num_id = max(abstract_ids, default=-1) + 1, max(num_ids, default=0) + 1
    abstract = ours.find(qn("w:abstractNum"))
    num = ours.find(qn("w:num"))
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    num.set(qn("w:numId"), str(num_id))
    num.find(qn("w:abstractNumId")).set(qn("w:val"), str(abstract_id))
    # The schema wants every abstractNum before the first num.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    bullet_style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").set(
        qn("w:val"), str(num_id)
    )


def _bullet_colour(numbering: etree._Element, accent: str | None) -> etree._Element:
    if accent is not None:
        for colour in numbering.iter(qn("w:color")):
            colour.set(qn("w:val"), accent)
            colour.set(qn("w:themeColor"), "accent1")
    return numbering


def _integers(values: Iterable[str | None]) -> list[int]:
    """The values that are integers: a template may hold any text there, and only integer
    ids can clash with the ones we add."""
    found = []
    for value in values:
        try:
            found.append(int(value or ""))
        except ValueError:
            continue
    return found


def _checked(path: Path) -> CleanTemplate:
    """The template checked and cleaned, with a .dotx made openable; cached per file version."""
    if path.suffix.lower() in (".docm", ".dotm"):
        raise TemplateError(path, MACRO_REASON)
    try:
        status = path.stat()
    except OSError as error:
        raise TemplateError(path, f"cannot be read: {describe_os_error(error)}") from None
    return _checked_version(path, status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=2)  # the template in use (and the version before): each holds a package
def _checked_version(path: Path, mtime_ns: int, size: int) -> CleanTemplate:
    try:
        data = read_user_file(path, MAX_TEMPLATE_BYTES, "a Word template")
    except DocumentError as error:
        raise TemplateError(error.path, error.problems) from None
    return clean_template(data, path)


def _parse(path: Path, data: bytes) -> Document:
    try:
        return docx.Document(io.BytesIO(data))
    except (
        PackageNotFoundError,
        KeyError,
        ValueError,
        zipfile.BadZipFile,
        etree.XMLSyntaxError,
    ) as error:
        raise TemplateError(path, f"is damaged and cannot be opened ({error})") from None
