"""Outline → Word .docx: the posting a recruiter sends on as is.

A thin facade: it decides which outline part becomes which styled paragraph, and leaves the
XML to ``_wordml`` and the base document (our reference or a company template) to
``_template``. Everything visual lives in styles, never in direct formatting, so a company
template restyles the whole posting and Word's own tools (bullet button, style pane) just work.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Twips

from jdeditor import i18n
from jdeditor.checks import PLACEHOLDER
from jdeditor.export import _template, _wordml
from jdeditor.export._template import StyleIds, TemplateError, template_notes
from jdeditor.export._wordml import Element, Languages
from jdeditor.export.reference import A4, LETTER
from jdeditor.i18n import N_
from jdeditor.outline import Bullets, Link, Outline, Paragraph, build_outline

if TYPE_CHECKING:
    from jdeditor.export.formats import ExportOptions
    from jdeditor.model import JobDescription

__all__ = ["DocxOptions", "TemplateError", "render_docx", "template_notes", "write_docx"]

# CLDR's territories that print on US Letter (supplementalData, measurementData/paperSize).
_LETTER_TERRITORIES = frozenset(
    ["BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"]
)


@dataclass(frozen=True, slots=True)
class DocxOptions:
    template: Path | None = None
    """A company .docx/.dotx whose styles, page setup, header and footer are kept."""
    timestamp: dt.datetime | None = None
    """Created/modified time; default: ``SOURCE_DATE_EPOCH`` if set, else now."""


def write_docx(outline: Outline, stream: BinaryIO, options: DocxOptions | None = None) -> None:
    """Write the posting as a .docx to a binary stream."""
    stream.write(render_docx(outline, options))


def render_document(document: JobDescription, options: ExportOptions) -> bytes:
    """The export registry's entry (``formats.FORMATS["docx"]``)."""
    return render_docx(build_outline(document), DocxOptions(template=options.template))


def render_docx(outline: Outline, options: DocxOptions | None = None) -> bytes:
    """The posting as .docx bytes; raises ``TemplateError`` for an unusable template."""
    options = options or DocxOptions()
    if options.template is not None:
        document = _template.open_template(options.template)
    else:
        document = _template.open_reference()
    styles = _template.resolve_styles(document)
    languages = _run_languages(outline.language)
    _write_body(document, outline, styles, languages)
    _write_header_and_footer(
        document, outline, styles, languages, keep_existing=options.template is not None
    )
    if options.template is None:
        _set_page_size(document, outline.territory)
    _set_language(document, outline.language)
    timestamp = options.timestamp or _default_timestamp()
    _set_properties(document, outline, timestamp)
    buffer = io.BytesIO()
    document.save(buffer)
    return _with_fixed_zip_times(buffer.getvalue(), timestamp)


# --- body -------------------------------------------------------------------------------------
def _write_body(
    document: Document, outline: Outline, styles: StyleIds, languages: Languages
) -> None:
    body = document.element.body
    letterhead = _anchored_drawings(body)
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section_properties = body.find(qn("w:sectPr"))

    def add(element: _wordml.Element) -> None:
        if section_properties is not None:
            section_properties.addprevious(element)
        else:
            body.append(element)

    def text(style_id: str | None, value: str, numbering: str | None = None) -> Element:
        runs = _wordml.marked_runs(value, styles.placeholder, languages)
        paragraph = _wordml.paragraph(style_id, runs, numbering=numbering)
        add(paragraph)
        return paragraph

    title = text(styles.title, outline.title)
    # A letterhead drawn in the template's body (a logo band, an address block anchored to
    # the page) stays: anchored drawings take no room in the text, so they ride on the title.
    for drawing in reversed(letterhead):
        title.insert(1 if title.find(qn("w:pPr")) is not None else 0, drawing)
    if outline.meta:
        text(styles.subtitle, " · ".join(outline.meta))
    if outline.pay:
        text(styles.pay, outline.pay)
    for section in outline.sections:
        text(styles.heading, section.heading)
        for block in section.blocks:
            if isinstance(block, Bullets):
                for item in block.items:
                    text(styles.bullet, item, styles.bullet_numbering)
            else:
                add(_wordml.paragraph(None, _paragraph_runs(document, block, styles, languages)))


_ANCHOR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"


def _anchored_drawings(body: Element) -> list[Element]:
    """Runs of the template's body that hold drawings anchored to the page (not in line)."""
    found = []
    for run in body.iter(qn("w:r")):
        anchored = next(run.iter(_ANCHOR), None) is not None or run.find(qn("w:pict")) is not None
        if anchored and not any(run.iter(qn("w:t"))):
            found.append(run)
    return found


def _paragraph_runs(
    document: Document, paragraph: Paragraph, styles: StyleIds, languages: Languages
) -> list[_wordml.Element]:
    runs: list[_wordml.Element] = []
    for part in paragraph.runs:
        if isinstance(part, Link):
            relationship = document.part.relate_to(part.target, RT.HYPERLINK, is_external=True)
            runs.append(_wordml.hyperlink(relationship, part.text, styles.hyperlink, languages))
        else:
            runs.extend(_wordml.marked_runs(part, styles.placeholder, languages))
    return runs


# --- page furniture ---------------------------------------------------------------------------
def _write_header_and_footer(
    document: Document,
    outline: Outline,
    styles: StyleIds,
    languages: Languages,
    *,
    keep_existing: bool,
) -> None:
    """Company name in the header, 'Page X of Y' in the footer; a template's own are kept."""
    section = document.sections[0]
    if not (keep_existing and not section.header.is_linked_to_previous):
        header = section.header
        header.is_linked_to_previous = False
        _replace_paragraphs(
            header._element,  # python-docx has no public accessor
            _wordml.paragraph(
                styles.header, _wordml.marked_runs(outline.company, styles.placeholder, languages)
            ),
        )
    if not (keep_existing and not section.footer.is_linked_to_previous):
        footer = section.footer
        footer.is_linked_to_previous = False
        words = i18n.posting_gettext(outline.language)(N_("Page {page} of {pages}"))
        runs: list[_wordml.Element] = []
        for part in footer_parts(words):
            if isinstance(part, PageField):
                runs.extend(_wordml.field(part.instruction, "1"))
            else:
                runs.extend(_wordml.script_runs(part, languages))
        _replace_paragraphs(footer._element, _wordml.paragraph(styles.footer, runs))


class PageField(NamedTuple):
    instruction: str
    """``PAGE`` or ``NUMPAGES``."""


_PAGE_FIELDS = {"{page}": PageField("PAGE"), "{pages}": PageField("NUMPAGES")}
_FOOTER_PARTS = re.compile(r"(\{page\}|\{pages\}|\{\{|\}\})")


def footer_parts(template: str) -> list[str | PageField]:
    """The footer's wording cut into its text and its page fields, in the translation's order.

    ``"第 {page} 页，共 {pages} 页"`` gives ``["第 ", PageField("PAGE"), " 页，共 ",
    PageField("NUMPAGES"), " 页"]``; ``{{`` and ``}}`` are braces, as in ``str.format``.
    """
    parts: list[str | PageField] = []
    for piece in _FOOTER_PARTS.split(template):
        if piece in _PAGE_FIELDS:
            parts.append(_PAGE_FIELDS[piece])
        elif piece:
            text = piece if piece not in ("{{", "}}") else piece[0]
            if parts and isinstance(parts[-1], str):
                parts[-1] += text
            else:
                parts.append(text)
    return parts


def _replace_paragraphs(container: _wordml.Element, paragraph: _wordml.Element) -> None:
    for child in list(container):
        container.remove(child)
    container.append(paragraph)


def _set_page_size(document: Document, territory: str) -> None:
    width, height = LETTER if territory in _LETTER_TERRITORIES else A4
    section = document.sections[0]
    section.page_width, section.page_height = Twips(width), Twips(height)


# --- language and properties ------------------------------------------------------------------
def _east_asian(language: str) -> tuple[str, str]:
    """(font, language tag) for CJK text: fonts every Windows and Mac Office has, which
    LibreOffice maps to Noto CJK through fontconfig."""
    tag = language.lower()
    if tag.startswith("ja"):
        return "Yu Gothic", "ja-JP"
    if tag.startswith("ko"):
        return "Malgun Gothic", "ko-KR"
    if tag.startswith("zh") and any(part in tag for part in ("hant", "-tw", "-hk", "-mo")):
        return "Microsoft JhengHei", "zh-TW"
    return "Microsoft YaHei", "zh-CN"


def _is_east_asian(language: str) -> bool:
    return language.lower().startswith(("zh", "ja", "ko"))


def _run_languages(language: str) -> Languages:
    """What a run's language says beyond the defaults that ``_set_language`` writes.

    In a CJK posting the default language of all text is the posting's, and LibreOffice and
    Word then break Latin words between any two letters ("co|mpany"): its Latin runs say
    English, and its CJK runs the posting's language. Otherwise the defaults are right.
    """
    if _is_east_asian(language):
        return Languages(east_asian=language, other="en-US")
    return Languages()


def _set_language(document: Document, language: str) -> None:
    """Tag all text with the posting's language and give CJK text a CJK font."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = document.styles.element.makeelement(qn("w:docDefaults"), {})
        document.styles.element.insert(0, defaults)
    run_properties = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    font, east_asian_tag = _east_asian(language)
    fonts = _child(run_properties, "w:rFonts")
    fonts.set(qn("w:eastAsia"), font)
    fonts.attrib.pop(qn("w:eastAsiaTheme"), None)  # a theme font would win over ours
    tag = _child(run_properties, "w:lang")
    tag.set(qn("w:val"), language)
    tag.set(
        qn("w:eastAsia"),
        language if _is_east_asian(language) else east_asian_tag,
    )


def _child(parent: _wordml.Element, tag: str) -> _wordml.Element:
    """``parent``'s first ``tag`` child, created if missing."""
    found: _wordml.Element | None = parent.find(qn(tag))
    if found is None:
        found = parent.makeelement(qn(tag), {})
        parent.append(found)
    return found


def _default_timestamp() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def _set_properties(document: Document, outline: Outline, timestamp: dt.datetime) -> None:
    """Document properties, with no ``[placeholder]`` in any of them: they are read by file
    managers and search, where nobody would see the yellow mark."""
    properties = document.core_properties
    meta = outline.properties
    properties.title = _without_placeholders(meta.title)
    properties.subject = _without_placeholders(meta.subject)
    properties.author = _without_placeholders(meta.author)
    keywords = [word for word in meta.keywords if word == _without_placeholders(word)]
    properties.keywords = _fit(keywords, 255)  # Word's limit for a core property
    properties.language = outline.language
    properties.category = i18n.posting_gettext(outline.language)(N_("Job description"))
    properties.comments = ""
    properties.last_modified_by = "jdeditor"
    properties.revision = 1
    properties.created = timestamp.replace(tzinfo=None)
    properties.modified = timestamp.replace(tzinfo=None)


def _without_placeholders(text: str) -> str:
    return " ".join(PLACEHOLDER.sub(" ", text).split()).strip(" ·:,")


def _fit(words: list[str], limit: int) -> str:
    """As many whole keywords as fit in ``limit`` characters, separated by "; ".

    The semicolon is Office's own tag separator, and unlike a comma it is not part of skills
    such as "Patience, empathy"; a keyword holding one is left out rather than split.
    """
    text = ""
    for word in (word for word in words if ";" not in word):
        candidate = f"{text}; {word}" if text else word
        if len(candidate) > limit:
            break
        text = candidate
    return text


def _with_fixed_zip_times(data: bytes, timestamp: dt.datetime) -> bytes:
    """Re-pack with every entry dated ``timestamp``, so the same input gives the same bytes."""
    when = timestamp.astimezone(dt.UTC)
    date_time = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as output:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time)
            output.writestr(entry, source.read(info), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
