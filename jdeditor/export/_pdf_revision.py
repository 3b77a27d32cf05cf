"""The appended revision a jdeditor PDF gets after Qt has written it (see ``pdf.py``): /Lang in
the catalog, subject and keywords in the document information, /ToUnicode maps that name the
characters drawn, and the XMP packet. Bytes in, bytes out: no Qt here.

A file this code does not expect (another Qt's output) is returned as Qt wrote it.
"""

from __future__ import annotations

import re
import uuid
import zlib
from html import escape

from jdeditor.outline import Outline

CREATOR = "jdeditor"


# --- the incremental update ---------------------------------------------------------------------
class _UnexpectedPdfError(ValueError):
    """Qt's output is not laid out as this Qt writes it; the PDF is then left as Qt wrote it."""


def amend(pdf: bytes, outline: Outline, fixes: dict[str, str]) -> bytes:
    try:
        return _append_revision(pdf, outline, fixes)
    except (_UnexpectedPdfError, ValueError, IndexError, zlib.error):
        return pdf


def _append_revision(pdf: bytes, outline: Outline, fixes: dict[str, str]) -> bytes:
    start = pdf.rindex(b"startxref")
    previous = int(pdf[start + len(b"startxref") :].split()[0])
    trailer = pdf[pdf.rindex(b"trailer", 0, start) : start]
    offsets = _xref_offsets(pdf, previous)

    def reference(key: bytes) -> int:
        found = re.search(rb"/" + key + rb" (\d+) 0 R", trailer)
        if found is None:
            raise _UnexpectedPdfError(key.decode())
        return int(found.group(1))

    root, info = reference(b"Root"), reference(b"Info")
    changed: dict[int, bytes] = {}
    catalog = _dictionary(_object(pdf, offsets, root))
    changed[root] = catalog[:-2] + b"/Lang " + _pdf_text(outline.language) + b"\n>>"
    information = _dictionary(_object(pdf, offsets, info))
    subject = outline.properties.subject
    keywords = ", ".join(outline.properties.keywords)
    extra = b"/Subject " + _pdf_text(subject) + b"\n"
    if keywords:
        extra += b"/Keywords " + _pdf_text(keywords) + b"\n"
    changed[info] = information[:-2] + extra + b">>"
    if fixes:
        numbers = {int(n) for n in re.findall(rb"/ToUnicode (\d+) 0 R", pdf)}
        for number in sorted(numbers):
            cmap = _stream(_object(pdf, offsets, number))
            fixed = _fix_cmap(cmap, fixes)
            if fixed != cmap:
                changed[number] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(fixed), fixed)
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    positions = {}
    for number, body in sorted(changed.items()):
        positions[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n"
    for number, position in positions.items():
        out += b"%d 1\n%010d 00000 n \n" % (number, position)
    size = re.search(rb"/Size (\d+)", trailer)
    identifier = re.search(rb"/ID \[[^\]]*\]", trailer)
    if size is None:
        raise _UnexpectedPdfError("Size")
    out += b"trailer\n<<\n/Size %s\n/Root %d 0 R\n/Info %d 0 R\n" % (size.group(1), root, info)
    if identifier is not None:
        out += identifier.group() + b"\n"
    out += b"/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n" % (previous, xref)
    return bytes(out)


def _xref_offsets(pdf: bytes, position: int) -> dict[int, int]:
    """Object number → byte offset, from the classic cross-reference table Qt writes."""
    if not pdf.startswith(b"xref", position):
        raise _UnexpectedPdfError("xref stream")
    lines = iter(pdf[position:].split(b"\n")[1:])
    offsets: dict[int, int] = {}
    for line in lines:
        header = line.split()
        if len(header) != 2:
            break
        first, count = int(header[0]), int(header[1])
        for number in range(first, first + count):
            entry = next(lines).split()
            if entry[2] == b"n":
                offsets[number] = int(entry[0])
    return offsets


def _object(pdf: bytes, offsets: dict[int, int], number: int) -> bytes:
    position = offsets[number]
    head = b"%d 0 obj" % number
    if not pdf.startswith(head, position):
        raise _UnexpectedPdfError(f"object {number}")
    body_start = position + len(head)
    stream = pdf.find(b"stream", body_start)
    end = pdf.find(b"endobj", body_start)
    if 0 <= stream < end:
        length = re.search(rb"/Length (\d+)(?!\d)(?!\s+\d+\s+R)", pdf[body_start:stream])
        if length is None:
            raise _UnexpectedPdfError("stream length")
        data_start = stream + len(b"stream")
        data_start += 2 if pdf.startswith(b"\r\n", data_start) else 1
        end = pdf.find(b"endobj", data_start + int(length.group(1)))
    return pdf[body_start:end].strip()


def _dictionary(body: bytes) -> bytes:
    if not (body.startswith(b"<<") and body.endswith(b">>")):
        raise _UnexpectedPdfError("dictionary")
    return body


def _stream(body: bytes) -> bytes:
    start = body.index(b"stream") + len(b"stream")
    start += 2 if body.startswith(b"\r\n", start) else 1
    header = body[: body.index(b"stream")]
    length = int(re.search(rb"/Length (\d+)", header).group(1))  # type: ignore[union-attr]
    data = body[start : start + length]
    if b"/FlateDecode" in header:
        data = zlib.decompress(data)
    elif b"/Filter" in header:
        raise _UnexpectedPdfError("filter")
    return data


_CMAP_VALUE = re.compile(rb"<([0-9A-Fa-f]{4})>")


def _fix_cmap(cmap: bytes, fixes: dict[str, str]) -> bytes:
    """The /ToUnicode map with each wrongly named character renamed; only the Unicode side
    (the third value of a bfrange line, or its array) is touched, never a glyph code."""
    codes = {f"{ord(wrong):04X}".encode(): _utf16_hex(right) for wrong, right in fixes.items()}

    def rename(match: re.Match[bytes]) -> bytes:
        return b"<" + codes.get(match.group(1).upper(), match.group(1)) + b">"

    def line(match: re.Match[bytes]) -> bytes:
        return match.group(1) + _CMAP_VALUE.sub(rename, match.group(2))

    def section(match: re.Match[bytes]) -> bytes:
        # bfrange: '<lo> <hi> <value>' or '<lo> <hi> [<value> …]'; bfchar: '<code> <value>'.
        ranges = match.group(1) == b"range"
        pattern = rb"(?m)^([ \t]*<[0-9A-Fa-f]+>[ \t]*<[0-9A-Fa-f]+>[ \t]*)(.*)$"
        if not ranges:
            pattern = rb"(?m)^([ \t]*<[0-9A-Fa-f]+>[ \t]*)(.*)$"
        return re.sub(pattern, line, match.group(0))

    return re.sub(rb"(?s)beginbf(range|char).*?endbf(?:range|char)", section, cmap)


def _utf16_hex(text: str) -> bytes:
    return text.encode("utf-16-be").hex().upper().encode()


def _pdf_text(text: str) -> bytes:
    """A PDF text string: ASCII as a literal, anything else as UTF-16BE hex with a BOM."""
    if text.isascii() and text.isprintable():
        return b"(" + re.sub(r"([\\()])", r"\\\1", text).encode("ascii") + b")"
    return b"<FEFF" + _utf16_hex(text) + b">"


def xmp(outline: Outline, author: str, document_id: uuid.UUID) -> str:
    from PySide6.QtCore import qVersion  # noqa: PLC0415

    def text(value: str) -> str:
        return escape(value, quote=False)

    keywords = outline.properties.keywords
    subject_items = "".join(f"<rdf:li>{text(word)}</rdf:li>" for word in keywords)
    creator = f"<dc:creator><rdf:Seq><rdf:li>{text(author)}</rdf:li></rdf:Seq></dc:creator>"
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">\n'
        "<dc:format>application/pdf</dc:format>\n"
        "<dc:title><rdf:Alt>"
        f'<rdf:li xml:lang="x-default">{text(outline.title)}</rdf:li>'
        "</rdf:Alt></dc:title>\n" + (f"{creator}\n" if author else "") + "<dc:description><rdf:Alt>"
        f'<rdf:li xml:lang="x-default">{text(outline.properties.subject)}</rdf:li>'
        "</rdf:Alt></dc:description>\n"
        + (f"<dc:subject><rdf:Bag>{subject_items}</rdf:Bag></dc:subject>\n" if keywords else "")
        + f"<dc:language><rdf:Bag><rdf:li>{text(outline.language)}</rdf:li></rdf:Bag>"
        "</dc:language>\n"
        + (f"<pdf:Keywords>{text(', '.join(keywords))}</pdf:Keywords>\n" if keywords else "")
        + f"<pdf:Producer>Qt {text(qVersion())}</pdf:Producer>\n"
        f"<xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>\n"
        f"<xmpMM:DocumentID>uuid:{document_id}</xmpMM:DocumentID>\n"
        "</rdf:Description>\n"
        "</rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
