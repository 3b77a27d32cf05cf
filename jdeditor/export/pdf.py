"""Outline → PDF through Qt's own PDF writer (``QPdfWriter`` + ``QTextDocument``), nothing else.

The posting is laid out as HTML in the subset Qt's rich-text engine reads, styled like the Word
export (Calibri/Carlito 10.5 pt, accent headings, bold pay line, placeholders highlighted), on
the paper of the posting's country (A4, US Letter where CLDR says so) with 2 cm margins, the
company at the top of each page and "Page X of Y" at the bottom, as in Word. Headings stay with
what follows them and no bullet is split across two pages (``_paginate``).
Fonts are embedded (Qt embeds a subset of each); CJK text gets a CJK font through the font list
(``page.cjk_fonts``), the posting's writing system's first.

``paint`` draws the same pages on any paged device, a ``QPrinter`` for File ▸ Print… and its
preview included (keeping the printer's paper; what the printer writes is not amended as below).

Qt is imported here only. Without a running application (the CLI) one is created, offscreen,
so a PDF is written without a display; it is a ``QApplication`` so that a window opened later in
the same process still works. The window's own application is used as it is.

What Qt's PDF writer does and does not do, and what this module adds (checked with Qt 6.11):

* Title, author and creator go in the document information (``setTitle``, ``setAuthor``,
  ``setCreator``); there is no call for subject or keywords.
* ``setDocumentXmpMetadata`` replaces Qt's XMP packet: ours carries dc:title, dc:creator,
  dc:description, dc:subject, **dc:language** (the posting's BCP 47 tag), pdf:Keywords,
  xmp:CreatorTool and the document ID. ``setDocumentId`` makes that ID (and the trailer's /ID)
  a hash of the content rather than a random UUID.
* Qt writes an untagged PDF: no structure tree, no /MarkInfo, no /Lang; there is no API for
  any of them, so PDF/UA (accessible, tagged PDF) is out of reach with Qt alone. Its PDF/A-1b
  mode (``setPdfVersion``) is not used: it wants the XMP dates to equal the information
  dictionary's, which Qt stamps with the current time after we hand over the XMP.
* Qt writes, for each embedded font, a /ToUnicode map (glyph → text, what copy, search and
  applicant-tracking systems read) that picks for each glyph the lowest code point the font
  maps to it. CJK fonts share a glyph between common ideographs and the Kangxi and CJK radical
  characters, so 一, 人, 门 and 见 read back as ⼀, ⼈, ⻔ and ⻅ (U+2F00 …), and the en dash of
  a pay range as a figure dash. A glyph that shaping substituted has no code point at all, so
  it reads back as nothing: ligatures ("fi" in Carlito) and the digits Noto Sans CJK's 'locl'
  feature swaps in ('¥6,000' read back as '¥,'). Those features are therefore switched off,
  and the wrongly named characters are renamed after the fact (``_text_fixes``).
* Characters outside the Basic Multilingual Plane (emoji, rare CJK extensions) get no /ToUnicode
  entry from Qt at all: what prints of them does not copy. Text of complex scripts (Arabic shaping)
  copies as presentation forms.
* After Qt has written the file, one incremental update (an appended revision, as any PDF
  editor writes) adds /Lang to the document catalog, subject and keywords to the document
  information, and corrected /ToUnicode maps. The original bytes are kept as Qt wrote them.
* Qt's writer stamps the creation date with the current time; everything else is the same for
  the same posting.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from jdeditor.checks import PLACEHOLDER
from jdeditor.export._pdf_revision import CREATOR, amend, xmp
from jdeditor.export.page import (
    PLACEHOLDER_BACKGROUND,
    PLACEHOLDER_INK,
    font_stack,
    marked,
    paper,
    paragraph_html,
)
from jdeditor.export.reference import ACCENT, INK, MUTED
from jdeditor.i18n import N_, posting_gettext
from jdeditor.outline import Bullets, Outline, build_outline

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice, QPainter, QRawFont, QTextDocument

    from jdeditor.export.formats import ExportOptions
    from jdeditor.model import JobDescription

MARGIN_MM = 20.0
BULLET_INDENT_PX = 24  # 0.635 cm at CSS's 96 px an inch: the Word export's 0.63 cm hanging indent
HEADER_OFFSET_MM = 11.0  # the header's top, from the page's top edge
FOOTER_OFFSET_MM = 12.0  # the footer's bottom, from the page's bottom edge
_NAMESPACE = uuid.UUID("0b4f3c55-6a0e-4a53-9d5c-2f0d7c1c8a11")  # document IDs of jdeditor PDFs
_APPLICATION: Any = None  # the application this module created, kept alive


def render(document: JobDescription, options: ExportOptions) -> bytes:
    """The export registry's entry: the posting as PDF bytes."""
    return render_pdf(build_outline(document))


def qt_html(outline: Outline) -> str:
    """The posting in the HTML and CSS subset ``QTextDocument`` reads, styled for paper."""
    parts = [f"<h1>{marked(outline.title, 'span')}</h1>"]
    if outline.meta:
        parts.append(f'<p class="meta">{marked(" · ".join(outline.meta), "span")}</p>')
    if outline.pay:
        parts.append(f'<p class="pay">{marked(outline.pay, "span")}</p>')
    for section in outline.sections:
        parts.append(f"<h2>{marked(section.heading, 'span')}</h2>")
        for block in section.blocks:
            if isinstance(block, Bullets):
                items = "".join(f"<li>{marked(item, 'span')}</li>" for item in block.items)
                parts.append(f"<ul>{items}</ul>")
            else:
                parts.append(f"<p>{paragraph_html(block, 'span')}</p>")
    style = f"""
body {{ font-family: {font_stack(outline.language)}, sans-serif; font-size: 10.5pt;
        color: #{INK}; }}
h1 {{ font-size: 24pt; font-weight: normal; margin: 0 0 14px 0; }}
h2 {{ color: #{ACCENT}; font-size: 13pt; font-weight: bold; margin: 16px 0 1px 0; }}
p {{ margin: 4px 0 5px 0; line-height: 115%; }}
p.meta {{ color: #{MUTED}; margin: 0 0 2px 0; }}
p.pay {{ font-weight: bold; font-size: 11.5pt; margin: 0 0 8px 0; }}
ul {{ margin: 0 0 4px 0; list-style-type: none; -qt-list-indent: 1; }}
li {{ margin: 0 0 2px 0; line-height: 115%; }}
a {{ color: #{ACCENT}; text-decoration: underline; }}
span.placeholder {{ background-color: #{PLACEHOLDER_BACKGROUND}; color: #{PLACEHOLDER_INK}; }}
"""
    return f"<html><head><style>{style}</style></head><body>{''.join(parts)}</body></html>"


@dataclass(frozen=True, slots=True)
class _Page:
    width: float
    height: float
    margin: float
    header_top: float
    footer_bottom: float

    @property
    def body_width(self) -> float:
        return self.width - 2 * self.margin

    @property
    def body_height(self) -> float:
        return self.height - 2 * self.margin


def render_pdf(outline: Outline) -> bytes:
    """The posting as PDF bytes: laid out by Qt, then amended (see the module's notes)."""
    _ensure_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QUuid  # noqa: PLC0415
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter  # noqa: PLC0415

    html = qt_html(outline)
    document_id = uuid.uuid5(_NAMESPACE, f"{outline.language}\n{outline.company}\n{html}")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    letter = paper(outline.territory) == "letter"
    size = QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(size), QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter
        )
    )
    writer.setTitle(outline.title)
    writer.setCreator(CREATOR)
    author = _author(outline)
    if author:
        writer.setAuthor(author)
    writer.setDocumentId(QUuid(str(document_id)))
    writer.setDocumentXmpMetadata(xmp(outline, author, document_id).encode("utf-8"))
    drawn = _paint(outline, writer)
    buffer.close()
    return amend(bytes(data.data()), outline, _text_fixes(drawn))


def paint(document: JobDescription, device: QPagedPaintDevice) -> None:
    """Draw the posting on any paged device as the PDF shows it: a ``QPrinter`` (File ▸ Print…
    and its preview) or a ``QPdfWriter``. The device's paper is kept; margins narrower than
    2 cm are widened to 2 cm, which the running header and footer need."""
    _paint(build_outline(document), device)


def _paint(outline: Outline, device: QPagedPaintDevice) -> list[QTextDocument]:
    """Lay out and draw every page; the text documents drawn (for ``_text_fixes``)."""
    _ensure_application()
    from PySide6.QtGui import QPageLayout, QPainter  # noqa: PLC0415

    layout = device.pageLayout()
    dots = device.logicalDpiY()
    dots_per_mm = dots / 25.4
    full, printable = layout.fullRectPixels(dots), layout.paintRectPixels(dots)
    margins = layout.margins(QPageLayout.Unit.Millimeter)
    widest = max(margins.left(), margins.top(), margins.right(), margins.bottom())
    page = _Page(
        width=full.width(),
        height=full.height(),
        margin=max(MARGIN_MM, widest) * dots_per_mm,
        header_top=HEADER_OFFSET_MM * dots_per_mm,
        footer_bottom=FOOTER_OFFSET_MM * dots_per_mm,
    )
    body = _text_document(qt_html(outline), outline.language, device, page.body_width)
    _paginate(body, page.body_height)
    pages = body.pageCount()
    painter = QPainter(device)
    # The painter starts at the printable area's corner; the page is drawn from the paper's.
    painter.translate(full.left() - printable.left(), full.top() - printable.top())
    drawn = [body]
    for number in range(1, pages + 1):
        if number > 1:
            device.newPage()
        _draw_body(painter, body, page, number)
        drawn += _draw_margins(painter, device, outline, page, number=number, pages=pages)
    painter.end()
    return drawn


def _author(outline: Outline) -> str:
    return "" if PLACEHOLDER.search(outline.company) else outline.company


def _ensure_application() -> None:
    """A Qt application for fonts and painting: the running one, or an offscreen one."""
    global _APPLICATION  # noqa: PLW0603 - created once per process, kept alive
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    existing = QGuiApplication.instance()
    if existing is None:
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        _APPLICATION = QApplication(["jdeditor", "-platform", "offscreen"])
    elif not isinstance(existing, QGuiApplication):
        raise RuntimeError("PDF export needs a Qt GUI application, not a QCoreApplication")


def _base_font(language: str, point_size: float) -> Any:
    from PySide6.QtGui import QFont  # noqa: PLC0415

    font = QFont()
    font.setFamilies([family.strip("'") for family in font_stack(language).split(", ")])
    font.setPointSizeF(point_size)
    # Qt's /ToUnicode names a glyph by a code point the font's cmap maps to it: a glyph that
    # shaping substituted has none, or the wrong one. A ligature reads back as U+FB01 'ﬁ' or as
    # nothing, and Noto Sans CJK's 'locl' swaps the digits of Latin text for glyphs without a
    # code point ('¥6,000' read back as '¥,'). Without these features text reads back as typed.
    if hasattr(font, "setFeature"):  # Qt 6.7 and later; Qt 6.6 shapes with the font's defaults
        for feature in ("liga", "clig", "locl"):
            font.setFeature(QFont.Tag(feature), 0)
    return font


def _text_document(
    html: str, language: str, device: QPagedPaintDevice, width: float
) -> QTextDocument:
    from PySide6.QtCore import QSizeF  # noqa: PLC0415
    from PySide6.QtGui import QTextDocument, QTextOption  # noqa: PLC0415

    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    document.setDefaultFont(_base_font(language, 10.5))
    option = QTextOption()
    # A long word or address wraps inside the margins instead of running off the page.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setIndentWidth(BULLET_INDENT_PX)
    document.setHtml(html)
    _exact_heading_sizes(document)
    document.setPageSize(QSizeF(width, -1))
    return document


def _exact_heading_sizes(document: QTextDocument) -> None:
    """Headings in the sizes the style sheet gives them: Qt scales ``<h1>``-``<h6>`` by its
    own factors (a size adjustment that wins over CSS ``font-size``); drop that factor."""
    from PySide6.QtGui import QTextCursor, QTextFormat  # noqa: PLC0415

    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                style = fragment.charFormat()
                style.clearProperty(QTextFormat.Property.FontSizeAdjustment)
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.setCharFormat(style)
                fragments += 1
        block = block.next()


def _paginate(document: QTextDocument, page_height: float) -> None:
    """Cut the document into pages as the Word export's styles do: a heading stays with what
    follows it, a bullet is never split across two pages, a paragraph leaves no line alone
    (Qt's layout knows none of these)."""
    from PySide6.QtCore import QSizeF  # noqa: PLC0415
    from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextFormat  # noqa: PLC0415

    document.setPageSize(QSizeF(document.pageSize().width(), page_height))
    layout = document.documentLayout()
    always_before = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore

    def pages(block: Any) -> tuple[int, int]:
        """The pages of a block's first and last line."""
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        first, last = lines.lineAt(0), lines.lineAt(lines.lineCount() - 1)
        return (
            int((top + first.y() + first.height() / 2) // page_height),
            int((top + last.y() + last.height() / 2) // page_height),
        )

    def misplaced(block: Any) -> bool:
        if block.blockFormat().pageBreakPolicy() & always_before or block.layout().lineCount() == 0:
            return False
        first, last = pages(block)
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid():
            return bool(following.layout().lineCount()) and pages(following)[0] > last
        height = layout.blockBoundingRect(block).height()
        if last == first or height >= page_height / 3:
            return False
        if block.textList():
            return True
        # Widows and orphans, as Word's paragraph style avoids them: a paragraph never leaves
        # one line alone at the foot or the top of a page.
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        on_pages = [
            int((top + line.y() + line.height() / 2) // page_height)
            for line in (lines.lineAt(index) for index in range(lines.lineCount()))
        ]
        return on_pages.count(first) == 1 or on_pages.count(last) == 1

    for _ in range(document.blockCount()):
        document.pageCount()  # lays the document out
        block = document.begin()
        while block.isValid() and not misplaced(block):
            block = block.next()
        if not block.isValid():
            return
        page_break = QTextBlockFormat()
        page_break.setPageBreakPolicy(always_before)
        QTextCursor(block).mergeBlockFormat(page_break)
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid():
            # The heading now takes what follows it along: a break made there earlier goes.
            unbroken = following.blockFormat()
            unbroken.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
            QTextCursor(following).setBlockFormat(unbroken)


def _draw_body(painter: QPainter, document: QTextDocument, page: _Page, number: int) -> None:
    """One page of the body, with what Qt's rich text cannot draw as the Word export does:
    the accent rule under the title and accent bullets hanging at 0.63 cm."""
    from PySide6.QtCore import QLineF, QPointF  # noqa: PLC0415
    from PySide6.QtGui import QColor, QFontMetricsF, QPen, QTextCursor  # noqa: PLC0415

    offset = (number - 1) * page.body_height
    painter.save()
    painter.translate(page.margin, page.margin - offset)

    # Each line is drawn on its own page only. Qt's drawContents() also draws the line just
    # above the area (clipped out of sight, but in the text a reader copies or a screen
    # reader reads, twice). A line's top decides its page, less a rounding error (Qt puts a
    # line it pushes to the next page a hair above that page's top); a bullet and a title's
    # rule go with their line, by the same rule.
    def on_this_page(y: float) -> bool:
        return int((y + 1) // page.body_height) == number - 1

    layout = document.documentLayout()
    accent = QColor(f"#{ACCENT}")
    points = painter.device().logicalDpiY() / 72
    block = document.begin()
    while block.isValid():
        box = layout.blockBoundingRect(block)
        lines = block.layout()
        if lines.lineCount() and box.bottom() >= offset and box.top() < offset + page.body_height:
            for index in range(lines.lineCount()):
                line = lines.lineAt(index)
                if on_this_page(box.top() + line.y()):
                    line.draw(painter, box.topLeft())
            first, last = lines.lineAt(0), lines.lineAt(lines.lineCount() - 1)
            if block.blockFormat().headingLevel() == 1 and on_this_page(box.top() + last.y()):
                y = box.top() + last.y() + last.height() + 4 * points
                painter.setPen(QPen(accent, 1.5 * points))
                painter.drawLine(QLineF(0, y, page.body_width, y))
            elif block.textList() is not None and on_this_page(box.top() + first.y()):
                metrics = QFontMetricsF(QTextCursor(block).charFormat().font(), painter.device())
                radius = metrics.xHeight() * 0.34
                centre = QPointF(
                    box.left() + radius + 0.5 * points,
                    box.top() + first.y() + first.ascent() - metrics.xHeight() / 2,
                )
                painter.setPen(QPen(accent, 0))
                painter.setBrush(accent)
                painter.drawEllipse(centre, radius, radius)
        block = block.next()
    painter.restore()


def _draw_margins(
    painter: QPainter,
    device: QPagedPaintDevice,
    outline: Outline,
    page: _Page,
    *,
    number: int,
    pages: int,
) -> list[QTextDocument]:
    """The running header (the company, on the right) and footer ('Page X of Y'), as in Word."""
    drawn = []
    style = f"color: #{MUTED};"
    if outline.company:
        header = _margin_document(
            f'<p align="right" style="{style} font-size: 8.5pt;">'
            f"{marked(outline.company, 'span')}</p>",
            outline.language,
            device,
            page.body_width,
        )
        _draw_at(painter, header, page.margin, page.header_top)
        drawn.append(header)
    words = posting_gettext(outline.language)(N_("Page {page} of {pages}"))
    footer = _margin_document(
        f'<p align="center" style="{style} font-size: 8pt;">'
        f"{escape(words.format(page=number, pages=pages))}</p>",
        outline.language,
        device,
        page.body_width,
    )
    height = footer.documentLayout().documentSize().height()
    _draw_at(painter, footer, page.margin, page.height - page.footer_bottom - height)
    drawn.append(footer)
    return drawn


def _margin_document(html: str, language: str, device: QPagedPaintDevice, width: float) -> Any:
    from PySide6.QtGui import QTextDocument  # noqa: PLC0415

    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    document.setDefaultFont(_base_font(language, 8.5))
    document.setDefaultStyleSheet(
        f"span.placeholder {{ background-color: #{PLACEHOLDER_BACKGROUND};"
        f" color: #{PLACEHOLDER_INK}; }}"
    )
    document.setHtml(html)
    document.setTextWidth(width)
    return document


def _draw_at(painter: QPainter, document: QTextDocument, x: float, y: float) -> None:
    painter.save()
    painter.translate(x, y)
    document.drawContents(painter)
    painter.restore()


# --- text extraction: what Qt's /ToUnicode gets wrong -------------------------------------------
def _text_fixes(documents: list[QTextDocument]) -> dict[str, str]:
    """Characters Qt's /ToUnicode maps will name wrongly → the characters that were drawn.

    For each font used, Qt names a glyph by the lowest code point the font maps to it
    (``QFontSubset::getReverseMap``). Where that is not a character of the posting but the
    glyph stands for one (一 drawn, ⼀ named), the posting's character is the right name.
    """
    global _GLYPH_INDEXES  # noqa: PLW0603 - a Qt enum, imported with Qt
    from PySide6.QtGui import QTextLayout  # noqa: PLC0415

    _GLYPH_INDEXES = QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
    text = set().union(*(set(document.toPlainText()) for document in documents))
    fonts: dict[tuple[str, str, int], QRawFont] = {}
    for document in documents:
        block = document.begin()
        while block.isValid():
            runs = block.layout().glyphRuns(0, block.length(), _GLYPH_INDEXES)
            for run in runs:
                raw = run.rawFont()
                fonts.setdefault((raw.familyName(), raw.styleName(), raw.weight()), raw)
            block = block.next()
    candidates = sorted(character for character in text if ord(character) < 0x10000)
    fixes: dict[str, str] = {}
    for raw in fonts.values():
        named = _glyph_names(raw)
        for character, glyph in zip(
            candidates, raw.glyphIndexesForString("".join(candidates)), strict=True
        ):
            name = named.get(glyph)
            if glyph and name is not None and name != character and name not in text:
                fixes.setdefault(name, character)
    return fixes


_GLYPH_INDEXES: Any = None  # QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes, set on use
_BMP = "".join(chr(code) for code in range(1, 0x10000) if not 0xD800 <= code < 0xE000)


_NAMES: dict[tuple[str, str, int], dict[int, str]] = {}


def _glyph_names(raw: QRawFont) -> dict[int, str]:
    """Glyph → the lowest BMP code point mapped to it: the name Qt's /ToUnicode gives it."""
    key = (raw.familyName(), raw.styleName(), raw.weight())
    if key not in _NAMES:
        # Built from the top down, so the lowest code point of a glyph is the one that stays.
        glyphs = raw.glyphIndexesForString(_BMP)
        _NAMES[key] = dict(zip(reversed(glyphs), reversed(_BMP), strict=True))
    return _NAMES[key]
