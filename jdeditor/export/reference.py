"""The base look of every exported posting, as code: builds ``resources/reference.docx``.

Run ``python -m jdeditor.export.reference`` to rebuild the file after changing the type spec
below; ``tests/export/test_reference.py`` fails while the committed file and this code disagree.
The file holds only what the export needs: styles, one bullet numbering definition, settings,
fonts, a theme and empty document properties. The exporter fills in the rest per posting.

Type spec (sizes in half-points, spacing in twentieths of a point, as WordprocessingML wants):
body 10.5 pt Calibri (Carlito is its metric twin on Linux), line spacing 1.15, 4 pt after;
margins 2 cm (2.2 cm pushed the longest preset, Operations, onto a third page);
Title 24 pt with an accent rule; a grey meta subtitle; the pay line bold right under it;
Heading 1 13 pt bold accent, 12 pt before and 1 pt after, kept with the next paragraph;
body paragraphs 3 pt before and 4 pt after;
bullets hanging at 0.63 cm, 1.5 pt apart; header small caps right, footer 8 pt grey centred.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from jdeditor import _paths
from jdeditor.export._theme import theme_xml
from jdeditor.files import atomic_write

ACCENT = "1F5F99"  # the one accent colour: title rule, headings, links
INK = "1B1B1B"  # near-black text, softer than pure black on screen and paper
MUTED = "5F6368"  # meta line, header and footer
LATIN_FONT = "Calibri"
EAST_ASIAN_FONT = "Microsoft YaHei"  # replaced per posting language by the exporter
BULLET_INDENT = 357  # 0.63 cm in twips
MARGIN = 1134  # 2.0 cm in twips
LETTER = (12240, 15840)  # 8.5 × 11 in, in twips
A4 = (11906, 16838)  # 210 × 297 mm, in twips
BULLET_NUM_ID = 1

REFERENCE_NAME = "reference.docx"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries get a fixed date: same code, same bytes

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _style(
    kind: str,
    style_id: str,
    name: str,
    *,
    based_on: str = "",
    next_style: str = "",
    ppr: str = "",
    rpr: str = "",
    extra: str = "",
    default: bool = False,
) -> str:
    flag = ' w:default="1"' if default else ""
    parts = [f'<w:style w:type="{kind}"{flag} w:styleId="{style_id}"><w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    parts.append(f"{extra}<w:qFormat/>")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append("</w:style>")
    return "".join(parts)


def _colour(value: str) -> str:
    return f'<w:color w:val="{value}"/>'


def _size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _spacing(before: int, after: int) -> str:
    return f'<w:spacing w:before="{before}" w:after="{after}"/>'


STYLES = [
    _style("paragraph", "Normal", "Normal", extra='<w:uiPriority w:val="0"/>', default=True),
    _style(
        "paragraph",
        "Title",
        "Title",
        based_on="Normal",
        next_style="Subtitle",
        ppr="<w:keepNext/><w:keepLines/>"
        f'<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="6" w:color="{ACCENT}"/></w:pBdr>'
        + _spacing(0, 120)
        # No outline level: the title is not a section heading (pandoc and LibreOffice would
        # number it, or stop reading it as the title, after a round trip).
        + "<w:contextualSpacing/>",
        rpr=_colour(INK) + '<w:kern w:val="28"/>' + _size(48),
    ),
    _style(
        "paragraph",
        "Subtitle",
        "Subtitle",
        based_on="Normal",
        next_style="Normal",
        ppr="<w:keepNext/>" + _spacing(0, 40),
        rpr=_colour(MUTED) + _size(21),
    ),
    _style(
        "paragraph",
        "PayLine",
        "Pay Line",
        based_on="Normal",
        next_style="Normal",
        ppr=_spacing(0, 160),
        rpr="<w:b/><w:bCs/>" + _colour(INK) + _size(23),
    ),
    _style(
        "paragraph",
        "Heading1",
        "heading 1",
        based_on="Normal",
        next_style="Normal",
        ppr="<w:keepNext/><w:keepLines/>" + _spacing(240, 20) + '<w:outlineLvl w:val="0"/>',
        rpr="<w:b/><w:bCs/>" + _colour(ACCENT) + _size(26),
    ),
    _style(
        "paragraph",
        "Heading2",
        "heading 2",
        based_on="Normal",
        next_style="Normal",
        ppr="<w:keepNext/><w:keepLines/>" + _spacing(160, 40) + '<w:outlineLvl w:val="1"/>',
        rpr="<w:b/><w:bCs/>" + _colour(INK) + _size(22),
    ),
    _style(
        "paragraph",
        "ListBullet",
        "List Bullet",
        based_on="Normal",
        ppr=f'<w:numPr><w:numId w:val="{BULLET_NUM_ID}"/></w:numPr>'
        + _spacing(0, 30)
        + f'<w:ind w:left="{BULLET_INDENT}" w:hanging="{BULLET_INDENT}"/>',
    ),
    _style(
        "paragraph",
        "Header",
        "header",
        based_on="Normal",
        ppr=_spacing(0, 0) + '<w:jc w:val="right"/>',
        rpr="<w:smallCaps/>" + _colour(MUTED) + '<w:spacing w:val="10"/>' + _size(17),
    ),
    _style(
        "paragraph",
        "Footer",
        "footer",
        based_on="Normal",
        ppr=_spacing(0, 0) + '<w:jc w:val="center"/>',
        rpr=_colour(MUTED) + _size(16),
    ),
    _style(
        "character",
        "Hyperlink",
        "Hyperlink",
        rpr=_colour(ACCENT) + '<w:u w:val="single"/>',
        extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>',
    ),
    _style(
        "character",
        "Placeholder",
        "Placeholder",
        # Loud on purpose: a placeholder must never reach a job board unnoticed. Word's schema
        # allows no highlight in a style: the exporter puts one on each placeholder run too.
        rpr='<w:color w:val="7A3E00"/><w:shd w:val="clear" w:color="auto" w:fill="FFE58A"/>',
    ),
]


def styles_xml() -> str:
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" '
        f'w:eastAsia="{EAST_ASIAN_FONT}" w:cs="{LATIN_FONT}"/>'
        f"{_colour(INK)}{_size(21)}"
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault>"
        # 3 pt before a body paragraph as well as 4 pt after: a paragraph that follows a list
        # (whose items sit 1.5 pt apart) gets air above it.
        "<w:pPrDefault><w:pPr><w:widowControl/>"
        '<w:spacing w:before="60" w:after="80" w:line="264" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    return f'{_XML}<w:styles xmlns:w="{_W}">{defaults}{"".join(STYLES)}</w:styles>'


def numbering_xml() -> str:
    level = (
        # pStyle links the level back to the style, as Word writes it; readers such as
        # mammoth find list items through it.
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:pStyle w:val="ListBullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{BULLET_INDENT}" w:hanging="{BULLET_INDENT}"/></w:pPr>'
        f"<w:rPr>{_colour(ACCENT)}</w:rPr></w:lvl>"
    )
    return (
        f'{_XML}<w:numbering xmlns:w="{_W}">'
        '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
        f"{level}</w:abstractNum>"
        f'<w:num w:numId="{BULLET_NUM_ID}"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def document_xml() -> str:
    width, height = LETTER
    return (
        f'{_XML}<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>'
        f'<w:sectPr><w:pgSz w:w="{width}" w:h="{height}"/>'
        f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" '
        'w:header="624" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>'
    )


SETTINGS_XML = (
    f'{_XML}<w:settings xmlns:w="{_W}"><w:defaultTabStop w:val="720"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>'
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
    ' w:val="15"/></w:compat></w:settings>'
)

FONT_TABLE_XML = (
    f'{_XML}<w:fonts xmlns:w="{_W}">'
    f'<w:font w:name="{LATIN_FONT}"><w:altName w:val="Carlito"/><w:charset w:val="00"/>'
    '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
    f'<w:font w:name="{EAST_ASIAN_FONT}"><w:altName w:val="Noto Sans CJK SC"/>'
    '<w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
    "</w:fonts>"
)

CORE_XML = (
    f"{_XML}<cp:coreProperties "
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)

APP_XML = (
    f"{_XML}<Properties "
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>jdeditor</Application><Company></Company></Properties>"
)

_CT = "application/vnd.openxmlformats-officedocument"
CONTENT_TYPES_XML = (
    f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    f'ContentType="{_CT}.wordprocessingml.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_CT}.wordprocessingml.styles+xml"/>'
    f'<Override PartName="/word/numbering.xml" ContentType="{_CT}.wordprocessingml.numbering+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{_CT}.wordprocessingml.settings+xml"/>'
    f'<Override PartName="/word/fontTable.xml" ContentType="{_CT}.wordprocessingml.fontTable+xml"/>'
    f'<Override PartName="/word/theme/theme1.xml" ContentType="{_CT}.theme+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    f'<Override PartName="/docProps/app.xml" ContentType="{_CT}.extended-properties+xml"/>'
    "</Types>"
)

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ROOT_RELS_XML = (
    f'{_XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)

DOCUMENT_RELS_XML = (
    f'{_XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rId4" Type="{_REL}/fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="rId5" Type="{_REL}/theme" Target="theme/theme1.xml"/>'
    "</Relationships>"
)


def build_reference() -> bytes:
    """The reference .docx as bytes; the same code always gives the same bytes."""
    parts = {
        "[Content_Types].xml": CONTENT_TYPES_XML,
        "_rels/.rels": ROOT_RELS_XML,
        "docProps/core.xml": CORE_XML,
        "docProps/app.xml": APP_XML,
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": DOCUMENT_RELS_XML,
        "word/styles.xml": styles_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": SETTINGS_XML,
        "word/fontTable.xml": FONT_TABLE_XML,
        "word/theme/theme1.xml": theme_xml(
            accent=ACCENT,
            ink=INK,
            muted=MUTED,
            latin_font=LATIN_FONT,
            east_asian_font=EAST_ASIAN_FONT,
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, _FIXED_TIME)
            archive.writestr(info, text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def reference_path() -> Path:
    return _paths.resources_dir() / REFERENCE_NAME


def main() -> int:
    """Rebuild ``resources/reference.docx`` in the source tree."""
    target = Path(__file__).resolve().parents[2] / "resources" / REFERENCE_NAME
    atomic_write(target, build_reference())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
