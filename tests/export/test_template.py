"""Company Word templates: their look is kept, what they lack comes from ours, bad ones refused."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor

from jdeditor.export._template import TemplateError
from jdeditor.export.docx import DocxOptions
from jdeditor.export.reference import build_reference
from jdeditor.library import PresetLibrary
from tests.export.helpers import edit_package, export, reopen, styled_paragraphs

_DOCUMENT = b"wordprocessingml.document.main+xml"
_TEMPLATE = b"wordprocessingml.template.main+xml"


@pytest.fixture
def company_docx(tmp_path: Path) -> Path:
    """A company template: red headings, A4 landscape-ish margins, a confidential header."""
    template = docx.Document()
    template.styles["Heading 1"].font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    section = template.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = Cm(3)
    section.header.paragraphs[0].text = "ACME CORP — CONFIDENTIAL"
    template.add_paragraph("This sample body must not survive the export.")
    path = tmp_path / "company.docx"
    template.save(str(path))
    return path


@pytest.fixture
def company_dotx(company_docx: Path) -> Path:
    path = company_docx.with_suffix(".dotx")
    path.write_bytes(with_main_type(company_docx.read_bytes(), _TEMPLATE))
    return path


def with_main_type(package: bytes, content_type: bytes) -> bytes:
    """The package with its main document part declared as ``content_type``."""

    def edit(name: str, data: bytes) -> bytes:
        return data.replace(_DOCUMENT, content_type) if name == "[Content_Types].xml" else data

    return edit_package(package, edit)


@pytest.mark.parametrize("fixture", ["company_docx", "company_dotx"])
def test_template_look_is_kept_and_body_replaced(
    library: PresetLibrary, request: pytest.FixtureRequest, fixture: str
) -> None:
    template: Path = request.getfixturevalue(fixture)
    before = template.read_bytes()
    word = reopen(export(library.get("Manager").document, DocxOptions(template=template)))

    section = word.sections[0]
    assert [p.text for p in section.header.paragraphs] == ["ACME CORP — CONFIDENTIAL"]
    assert section.page_width is not None and section.left_margin is not None
    assert round(section.page_width.cm, 2) == 21.0  # the template's A4, not our Letter
    assert round(section.left_margin.cm, 2) == 3.0
    assert word.styles["Heading 1"].font.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    texts = [text for _, text in styled_paragraphs(word)]
    assert texts[0] == "Call Center Manager"
    assert "This sample body must not survive the export." not in texts
    # What the template lacks comes from our reference: pay line, placeholder mark, footer.
    assert (
        "Pay Line",
        "$63,000 – $100,000+ per year, depending on experience and qualifications",
    ) in styled_paragraphs(word)
    assert word.styles["Placeholder"] is not None
    assert section.footer.paragraphs[0].text == "Page 1 of 1"
    assert template.read_bytes() == before  # the template itself is never touched


def test_template_without_bullets_or_numbering_gets_ours(
    library: PresetLibrary, tmp_path: Path
) -> None:
    """A bare template: no List Bullet style and no numbering part at all."""

    def strip(name: str, data: bytes) -> bytes | None:
        if name == "word/numbering.xml":
            return None
        if name == "word/_rels/document.xml.rels":
            return re.sub(rb'<Relationship Id="rId2"[^>]*/>', b"", data)
        if name == "[Content_Types].xml":
            return re.sub(rb'<Override PartName="/word/numbering.xml"[^>]*/>', b"", data)
        if name == "word/styles.xml":
            return re.sub(
                rb'<w:style w:type="paragraph" w:styleId="ListBullet">.*?</w:style>', b"", data
            )
        return data

    path = tmp_path / "bare.docx"
    path.write_bytes(edit_package(build_reference(), strip))
    assert "List Bullet" not in [s.name for s in docx.Document(str(path)).styles]

    word = reopen(export(library.get("Agent").document, DocxOptions(template=path)))
    bullets = [text for style, text in styled_paragraphs(word) if style == "List Bullet"]
    assert (
        "Recognize when an issue needs a higher tier and escalate it through the right channel"
        in bullets
    )
    num_id = (
        word.styles["List Bullet"]
        .element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        .get(qn("w:val"))
    )
    numbering = word.part.numbering_part.element
    assert num_id in [n.get(qn("w:numId")) for n in numbering.iter(qn("w:num"))]


def test_template_with_numbering_gets_a_fresh_bullet_definition(
    library: PresetLibrary, tmp_path: Path
) -> None:
    """Our bullet definition is added beside the template's own, under new ids."""

    def drop_bullet_style(name: str, data: bytes) -> bytes:
        if name == "word/styles.xml":
            return re.sub(
                rb'<w:style w:type="paragraph" w:styleId="ListBullet">.*?</w:style>', b"", data
            )
        return data

    path = tmp_path / "numbered.docx"
    path.write_bytes(edit_package(build_reference(), drop_bullet_style))
    word = reopen(export(library.get("Agent").document, DocxOptions(template=path)))
    numbering = word.part.numbering_part.element
    assert [n.get(qn("w:numId")) for n in numbering.iter(qn("w:num"))] == ["1", "2"]
    style = word.styles["List Bullet"].element
    assert style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val")) == "2"
    children = [child.tag for child in numbering]
    assert children == [qn("w:abstractNum")] * 2 + [qn("w:num")] * 2  # schema order


def test_macro_enabled_files_are_refused(company_docx: Path, tmp_path: Path) -> None:
    for suffix in (".docm", ".dotm"):
        path = tmp_path / f"macros{suffix}"
        path.write_bytes(company_docx.read_bytes())
        with pytest.raises(TemplateError, match="macro-enabled") as caught:
            export_with(path)
        assert str(path) in str(caught.value)
    disguised = tmp_path / "disguised.docx"
    disguised.write_bytes(
        with_main_type(
            company_docx.read_bytes(), b"application/vnd.ms-word.document.macroEnabled.main+xml"
        )
    )
    with pytest.raises(TemplateError, match="macro-enabled"):
        export_with(disguised)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"%PDF-1.7 not a word file", "is not a Word document or template"),
        (b"", "is not a Word document or template"),
    ],
)
def test_non_word_files_are_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "template.docx"
    path.write_bytes(content)
    with pytest.raises(TemplateError) as caught:
        export_with(path)
    assert caught.value.lines() == [f"{path}: {reason} (.docx or .dotx)"]


def test_other_zip_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "slides.docx"
    path.write_bytes(with_main_type(build_reference(), b"presentationml.presentation.main+xml"))
    with pytest.raises(TemplateError, match="is not a Word document or template"):
        export_with(path)


def test_corrupt_template_is_refused(company_docx: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(company_docx.read_bytes()[:2000])
    with pytest.raises(TemplateError, match="not a Word document"):
        export_with(truncated)
    broken_xml = tmp_path / "broken.docx"
    broken_xml.write_bytes(
        edit_package(
            company_docx.read_bytes(),
            lambda name, data: b"<w:document" if name == "word/document.xml" else data,
        )
    )
    with pytest.raises(TemplateError, match="is damaged and cannot be opened"):
        export_with(broken_xml)


def test_missing_template_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="cannot be read: the file or its folder does not"):
        export_with(tmp_path / "nowhere.dotx")


def test_changed_template_is_read_again(company_docx: Path) -> None:
    """Templates are cached per file version, so an edited template is picked up."""
    export_with(company_docx)
    template = docx.Document(str(company_docx))
    template.sections[0].header.paragraphs[0].text = "NEW HEADER"
    template.save(str(company_docx))
    word = reopen(export_with(company_docx))
    assert word.sections[0].header.paragraphs[0].text == "NEW HEADER"


def export_with(template: Path) -> bytes:
    from jdeditor.model import JobDescription

    document = JobDescription(title="Agent", responsibilities=("Answer calls",))
    return export(document, DocxOptions(template=template))
