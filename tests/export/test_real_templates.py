"""Templates as companies really have them: saved by LibreOffice, made with python-docx with a
logo in the header, pandoc's own reference.docx, and a letterhead drawn in the body. Each is
exported into and read back; ``docs/render_templates.py`` renders them to look at."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor
from lxml import etree

from jdeditor.export.docx import DocxOptions
from jdeditor.library import PresetLibrary
from tests.export.helpers import (
    edit_package,
    export,
    reopen,
    strict_validation_errors,
    styled_paragraphs,
)

_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A one-colour PNG, made here so the tests need no image files."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def soffice(source: Path, target_format: str) -> Path:
    folder = str(source.parent)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", target_format, "--outdir", folder, str(source)],
        capture_output=True,
        check=True,
        timeout=180,
    )
    suffix = "." + target_format.split(":", maxsplit=1)[0]
    return source.with_suffix(suffix)


def make_libreoffice(folder: Path) -> list[Path]:
    """An .odt written by LibreOffice, converted by it to .docx and .dotx."""
    page = folder / "lo-letter.html"
    page.write_text(
        "<html><body><h1>ACME Letter</h1><p>Sample body text.</p></body></html>", "utf-8"
    )
    odt = soffice(page, "odt")
    docx_file = soffice(odt, "docx")
    dotx = soffice(odt, "dotx:MS Word 2007 XML Template")
    return [docx_file, dotx]


def make_logo_header(folder: Path) -> Path:
    template = docx.Document()
    header = template.sections[0].header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(png(40, 20, (0x1F, 0x5F, 0x99))), width=Cm(2))
    header.add_run(" ACME Corp")
    path = folder / "logo-header.docx"
    template.save(str(path))
    return path


def make_pandoc_reference(folder: Path) -> Path:
    path = folder / "pandoc-reference.docx"
    result = subprocess.run(
        ["pandoc", "--print-default-data-file", "reference.docx"], capture_output=True, check=True
    )
    path.write_bytes(result.stdout)
    return path


def make_letterhead(folder: Path) -> Path:
    """A dark band across the top of the page, anchored in the body, a white Title over it,
    sample text to be replaced, and a Heading 1 that forgot keep-with-next."""
    template = docx.Document()
    title = template.styles["Title"]
    title.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    heading = template.styles["Heading 1"]
    heading.paragraph_format.keep_with_next = False
    band = template.add_paragraph().add_run()
    band.add_picture(io.BytesIO(png(216, 50, (0x12, 0x2B, 0x4A))), width=Cm(21.6))
    _anchor_to_page_top(band._r)
    template.add_paragraph("Dear applicant, this sample letter text must go.")
    path = folder / "letterhead.docx"
    template.save(str(path))
    return path


def _anchor_to_page_top(run: etree._Element) -> None:
    inline = run.find(f".//{{{_WP}}}inline")
    assert inline is not None
    anchor = parse_xml(
        f'<wp:anchor xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="1" behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        "</wp:anchor>"
    )
    children = {etree.QName(child).localname: child for child in inline}
    anchor.append(children["extent"])
    anchor.append(parse_xml(f'<wp:effectExtent xmlns:wp="{_WP}" l="0" t="0" r="0" b="0"/>'))
    anchor.append(parse_xml(f'<wp:wrapNone xmlns:wp="{_WP}"/>'))
    for name in ("docPr", "cNvGraphicFramePr", "graphic"):
        anchor.append(children[name])
    inline.getparent().replace(inline, anchor)


def make_bare_themed(folder: Path) -> Path:
    """A template whose theme accent is dark red and which defines none of the styles the
    posting needs (Word stores only the styles in use)."""
    template = docx.Document()
    for style in list(template.styles):
        if style.name in ("Title", "Subtitle", "Heading 1", "List Bullet", "Hyperlink"):
            style.element.getparent().remove(style.element)
    buffer = io.BytesIO()
    template.save(buffer)

    def edit(name: str, data: bytes) -> bytes:
        if name != "word/theme/theme1.xml":
            return data
        root = etree.fromstring(data)
        colour = root.find(f".//{{{_A}}}accent1/{{{_A}}}srgbClr")
        assert colour is not None
        colour.set("val", "8B1A1A")
        edited: bytes = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        return edited

    path = folder / "bare-themed.docx"
    path.write_bytes(edit_package(buffer.getvalue(), edit))
    return path


MAKERS: dict[str, tuple[Callable[[Path], Path | list[Path]], str]] = {
    "libreoffice": (make_libreoffice, "soffice"),
    "logo-header": (make_logo_header, ""),
    "pandoc": (make_pandoc_reference, "pandoc"),
    "letterhead": (make_letterhead, ""),
    "bare-themed": (make_bare_themed, ""),
}


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("templates")
    made: dict[str, Path] = {}
    for kind, (make, needs) in MAKERS.items():
        if needs and shutil.which(needs) is None:
            continue
        result = make(folder)
        for number, path in enumerate(result if isinstance(result, list) else [result]):
            made[kind if number == 0 else f"{kind}-{path.suffix[1:]}"] = path
    return made


def exported(templates: dict[str, Path], kind: str) -> bytes:
    if kind not in templates:
        pytest.skip(f"the tool that makes the {kind} template is not installed")
    library = PresetLibrary(templates[kind].parent / "no user presets")
    return export(library.get("Manager").document, DocxOptions(template=templates[kind]))


KINDS = ["libreoffice", "libreoffice-dotx", "logo-header", "pandoc", "letterhead", "bare-themed"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_template_gives_a_whole_well_formed_package(
    templates: dict[str, Path], kind: str
) -> None:
    data = exported(templates, kind)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = [info.filename for info in package.infolist()]
        assert [name for name, count in Counter(names).items() if count > 1] == []
        for name in names:
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))  # raises if not well-formed
    paragraphs = styled_paragraphs(reopen(data))
    assert paragraphs[0][1] == "Call Center Manager"
    assert not any("sample" in text.lower() for _, text in paragraphs)


def test_libreoffice_core_properties_are_not_written_twice(templates: dict[str, Path]) -> None:
    word = reopen(exported(templates, "libreoffice"))
    assert word.core_properties.title == "Call Center Manager"


def test_logo_in_the_header_is_kept(templates: dict[str, Path]) -> None:
    word = reopen(exported(templates, "logo-header"))
    header = word.sections[0].header
    assert "ACME Corp" in header.paragraphs[0].text
    (blip,) = header._element.iter(f"{{{_A}}}blip")
    image = header.part.related_parts[blip.get(qn("r:embed"))]
    assert image.blob.startswith(b"\x89PNG")


def test_pandoc_reference_styles_are_used(templates: dict[str, Path]) -> None:
    word = reopen(exported(templates, "pandoc"))
    styles = {style for style, _ in styled_paragraphs(word)}
    assert {"Title", "Heading 1"} <= styles


def test_letterhead_band_stays_and_headings_keep_with_next(templates: dict[str, Path]) -> None:
    word = reopen(exported(templates, "letterhead"))
    title = word.paragraphs[0]
    assert title.text == "Call Center Manager"
    assert next(title._p.iter(f"{{{_WP}}}anchor"), None) is not None  # the band rides on it
    assert word.styles["Title"].font.color.rgb == RGBColor(0xFF, 0xFF, 0xFF)
    assert word.styles["Heading 1"].paragraph_format.keep_with_next is True


def test_missing_styles_follow_the_template_theme(templates: dict[str, Path]) -> None:
    word = reopen(exported(templates, "bare-themed"))
    heading = word.styles["Heading 1"].element
    colour = heading.find(f"{qn('w:rPr')}/{qn('w:color')}")
    assert (colour.get(qn("w:val")), colour.get(qn("w:themeColor"))) == ("8B1A1A", "accent1")
    fonts = heading.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:asciiTheme")) == "majorHAnsi"
    title = word.styles["Title"].element
    assert title.find(f"{qn('w:rPr')}/{qn('w:color')}") is None  # the template's text colour
    numbering = word.part.numbering_part.element
    bullet_colours = {c.get(qn("w:val")) for c in numbering.iter(qn("w:color"))}
    assert "8B1A1A" in bullet_colours
    link = word.styles["Hyperlink"].element.find(f"{qn('w:rPr')}/{qn('w:color')}")
    assert link.get(qn("w:val")) == "8B1A1A"


@pytest.mark.parametrize("kind", KINDS)
def test_the_export_adds_no_schema_error_to_the_template(
    templates: dict[str, Path], kind: str, tmp_path: Path
) -> None:
    """Strict validation finds nothing in what jdeditor writes; what it finds is the
    template's own (LibreOffice's font character sets, pandoc's style order)."""
    output = tmp_path / "posting.docx"
    output.write_bytes(exported(templates, kind))
    added = set(strict_validation_errors(output)) - set(strict_validation_errors(templates[kind]))
    assert added == set()
    if kind in ("logo-header", "letterhead", "bare-themed", "libreoffice-dotx"):
        assert strict_validation_errors(output) == []
