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
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.parts.numbering import NumberingPart
from lxml import etree

from jdeditor.export import reference
from jdeditor.export._package import MACRO_REASON, CleanTemplate, TemplateError, clean_template
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
    return _parse(path, _checked(path).data)


def template_notes(path: Path) -> list[str]:
    """What was removed from the template to make it safe, in plain words, for a warning.

    Empty for a clean template. Raises ``TemplateError`` as ``open_template`` does; the check
    is cached per file version, so asking before or after exporting costs nothing.
    """
    return list(_checked(path).notes)


def resolve_styles(document: Document) -> StyleIds:
    """Find each role's style in the base, copying ours in where it is missing."""
    styles = document.styles.element
    by_name = {
        _name(style): style.get(qn("w:styleId")) for style in styles.iterchildren(qn("w:style"))
    }
    ours = _reference_styles()
    ids = {}
    for role, (name, our_id) in _ROLES.items():
        found = by_name.get(name.lower())
        if found is None:
            copied = copy.deepcopy(ours[our_id])
            if role == "bullet":
                _give_bullets_numbering(document, copied)
            styles.append(copied)
            found = our_id
        ids[role] = found
    return StyleIds(**ids)


def _name(style: etree._Element) -> str:
    name = style.find(qn("w:name"))
    return (name.get(qn("w:val")) or "").lower() if name is not None else ""


@cache
def _reference_styles() -> dict[str, etree._Element]:
    styles = open_reference().styles.element
    return {style.get(qn("w:styleId")): style for style in styles.iterchildren(qn("w:style"))}


def _give_bullets_numbering(document: Document, bullet_style: etree._Element) -> None:
    """Add our bullet definition to the template's numbering and point the style at it."""
    part = document.part
    try:
        numbering = cast(XmlPart, part.part_related_by(RT.NUMBERING)).element
    except KeyError:
        # No numbering at all: ours goes in whole, and its ids need no change.
        element = parse_xml(reference.numbering_xml().encode())
        new_part = NumberingPart(
            PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package
        )
        part.relate_to(new_part, RT.NUMBERING)
        return
    ours = parse_xml(reference.numbering_xml().encode())
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
