"""A company template's zip package, checked and cleaned before python-docx opens it.

Pure (bytes in, bytes out, no file I/O). ``clean_template`` refuses with ``TemplateError`` what
cannot be made safe: zip bombs, damaged, encrypted or oddly compressed zips, XML with a DTD,
macros, ActiveX, embedded OLE files, outside OLE objects and sub-documents. It strips what can
be: outside links other than hyperlinks, links to missing parts, mail merge, web framesets and
every field not on a short list of harmless ones, and says in plain words what it removed.
"""

from __future__ import annotations

import copy
import io
import posixpath
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

from jdeditor.export import reference
from jdeditor.export._fields import neutralise_unsafe_fields, remove_element
from jdeditor.files import DocumentError

MAX_INFLATED_BYTES = 128 * 1024 * 1024
"""128 MiB for all parts together, unpacked: real templates unpack to a few MB (XML and a
logo). Checked against the sizes the zip declares, then against the bytes really inflated."""
MAX_ENTRIES = 5_000
"""Real templates hold a few dozen parts; each entry costs memory before any is read."""
MAX_XML_ELEMENTS = 500_000
"""Across all XML parts; python-docx's own default template has about 20,000. A parsed element
costs about 130 bytes, so the trees stay under ~65 MB here, and again in python-docx."""

_CHUNK = 64 * 1024
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
DOCUMENT_TYPE = f"{_MAIN}.document.main+xml"
_TEMPLATE_TYPE = f"{_MAIN}.template.main+xml"
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # compound file: VBA projects, ActiveX, OLE objects
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# Every attribute that names a relationship id (transitional and strict namespaces); XPath
# finds them without visiting each element from Python.
_RELATIONSHIP_ATTRIBUTES = etree.XPath(
    "//@r:* | //@s:*",
    namespaces={
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "s": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    },
)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

MACRO_REASON = (
    "is a macro-enabled Word file; jdeditor does not use files that carry macros. "
    "Save the template as .dotx or .docx and try again"
)
NOT_WORD = "is not a Word document or template (.docx or .dotx)"
_ACTIVE = (
    "carries ActiveX controls or an embedded program ({what}); jdeditor does not use files "
    "with active content. Save the template without them and try again"
)
_DAMAGED = "is damaged and cannot be opened ({why})"
_DTD = (
    "declares a DTD or entities in {name}, which Word never does; jdeditor does not use such files"
)

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CORE_RT = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
# Relationship type → content type, root element and default name of an XML part python-docx
# finds by that exact type. Another content type, or a second one, makes it fail long after
# opening; a missing one it adds under the default name, which no other part may then hold.
_TYPED = {
    f"{_RT}officeDocument": (DOCUMENT_TYPE, f"{_W}document", ""),
    f"{_RT}styles": (f"{_MAIN}.styles+xml", f"{_W}styles", "word/styles.xml"),
    f"{_RT}numbering": (f"{_MAIN}.numbering+xml", f"{_W}numbering", "word/numbering.xml"),
    f"{_RT}settings": (f"{_MAIN}.settings+xml", f"{_W}settings", "word/settings.xml"),
    f"{_RT}comments": (f"{_MAIN}.comments+xml", f"{_W}comments", "word/comments.xml"),
    f"{_RT}header": (f"{_MAIN}.header+xml", f"{_W}hdr", ""),
    f"{_RT}footer": (f"{_MAIN}.footer+xml", f"{_W}ftr", ""),
    _CORE_RT: (_CORE, f"{_CP}coreProperties", "docProps/core.xml"),
}
_ROOTS = {kind: root for kind, root, _ in _TYPED.values()} | {_TEMPLATE_TYPE: f"{_W}document"}
_REFERENCES = {f"{_W}headerReference": f"{_RT}header", f"{_W}footerReference": f"{_RT}footer"}
_OUTSIDE = {
    "attachedtemplate": "a link to an outside template",
    "image": "a picture loaded from outside the file",
    "frame": "a web frame loaded from outside the file",
    "mailmergesource": "a mail-merge data source",
    "mailmergeheadersource": "a mail-merge data source",
    "recipientdata": "a mail-merge data source",
}
_PLAIN_NAME = re.compile(r"[A-Z]{1,24}")
_PART_NAMES = {"websettings": "the web settings", "glossary": "the building blocks"} | {
    stem: f"the {stem}"
    for stem in ("document", "header", "footer", "footnotes", "endnotes", "comments", "settings")
}


class TemplateError(DocumentError):
    """A Word template that cannot be used; names the file and says why."""


@dataclass(frozen=True, slots=True)
class CleanTemplate:
    """Package bytes python-docx can open, and what was removed to make them safe."""

    data: bytes
    notes: tuple[str, ...]
    """Plain words for a warning: "removed a link to an outside template, in the settings"."""


def clean_template(data: bytes, path: Path) -> CleanTemplate:
    """Check and clean a template's bytes; ``path`` only names the file in ``TemplateError``."""
    return _Cleaner(path, MAX_XML_ELEMENTS).clean(data)


@dataclass
class _Cleaner:
    path: Path
    elements_left: int
    notes: list[str] = field(default_factory=list)
    changed: set[str] = field(default_factory=set)
    overrides: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, set[str]] = field(default_factory=dict)  # source → typed kinds it links
    targets: set[str] = field(default_factory=set)  # every part still linked

    def refuse(self, reason: str) -> TemplateError:
        return TemplateError(self.path, reason)

    def clean(self, data: bytes) -> CleanTemplate:
        parts = self.inflate(data)
        for name, content in parts.items():
            if content.startswith(_OLE_MAGIC):
                raise self.refuse(_ACTIVE.format(what=f"{_safe(name)} is an OLE file"))
        if "[Content_Types].xml" not in parts or "_rels/.rels" not in parts:
            raise self.refuse(NOT_WORD)
        types = self.parse("[Content_Types].xml", parts["[Content_Types].xml"])
        self.read_content_types(types)
        trees = {"[Content_Types].xml": types}
        for name, content in parts.items():
            kind = self.content_type(name) or ""
            # Pictures (an SVG logo with the W3C DOCTYPE) are blobs to python-docx and Word.
            if (
                name not in trees
                and not kind.startswith("image/")
                and (name.lower().endswith((".xml", ".rels", ".vml")) or kind.endswith("xml"))
            ):
                trees[name] = self.parse(name, content)
                self.check_root(name, trees[name])
        main = self.main_part(trees["_rels/.rels"], parts)
        kept: dict[str, dict[str, str]] = {}
        for name, root in trees.items():
            source = _source_of(name)
            if source is not None:
                kept[source] = self.clean_relationships(name, source, root, parts)
        for name, root in trees.items():
            if name != "[Content_Types].xml" and _source_of(name) is None:
                self.clean_references(name, root, kept.get(name, {}))
                self.clean_content(name, root)
        self.check_body(main, trees[main])
        if self.content_type(main) == _TEMPLATE_TYPE:
            self.open_as_document(types, main)
        for name in self.changed:
            parts[name] = etree.tostring(
                trees[name], xml_declaration=True, encoding="UTF-8", standalone=True
            )
        return CleanTemplate(_zip(parts), _counted(self.notes))

    # --- the zip and its XML ------------------------------------------------------------------
    def inflate(self, data: bytes) -> dict[str, bytes]:
        """Every entry's bytes, within the bounds; never trusts the sizes the zip declares."""
        # zipfile builds an object per central-directory record before we can count them; each
        # record starts with this signature, so counting it first bounds that memory.
        if data.count(b"PK\x01\x02") > MAX_ENTRIES:
            raise self.refuse(f"has too many parts for a Word template (over {MAX_ENTRIES:,})")
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            entries = [info for info in archive.infolist() if not info.is_dir()]
        except (zipfile.BadZipFile, EOFError, OSError, ValueError):
            raise self.refuse(NOT_WORD) from None
        declared = sum(info.file_size for info in entries)
        if declared > MAX_INFLATED_BYTES:
            raise self.refuse(_too_big(f"says it unpacks to {declared:,} bytes,"))
        parts: dict[str, bytes] = {}
        total = 0
        for info in entries:
            name = _safe(info.filename)
            if info.flag_bits & 0x1:
                raise self.refuse(f"is encrypted ({name}); save it without a password")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self.refuse(_unsupported(name))
            if info.filename in parts:
                raise self.refuse(_DAMAGED.format(why=f"{name} is in it twice"))
            chunks = []
            try:
                with archive.open(info) as stream:
                    while chunk := stream.read(_CHUNK):
                        total += len(chunk)
                        if total > MAX_INFLATED_BYTES:
                            raise self.refuse(_too_big("unpacks to"))
                        chunks.append(chunk)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
                raise self.refuse(_DAMAGED.format(why=f"{name}: {error}")) from None
            except NotImplementedError:
                raise self.refuse(_unsupported(name)) from None
            except RuntimeError:  # zipfile's "password required"
                raise self.refuse(f"is encrypted ({name}); save it without a password") from None
            parts[info.filename] = b"".join(chunks)
        return parts

    def parse(self, name: str, data: bytes) -> etree._Element:
        """One part as XML: no DTD, no network, no entities, a bounded number of elements."""
        parser = etree.XMLPullParser(
            events=("start",), resolve_entities=False, no_network=True, load_dtd=False
        )  # huge_tree stays off: libxml2 then bounds depth and text sizes
        try:
            for offset in range(0, len(data), _CHUNK):
                parser.feed(data[offset : offset + _CHUNK])
                self.elements_left -= sum(1 for _ in parser.read_events())
                if self.elements_left < 0:
                    raise self.refuse(f"has too much XML (over {MAX_XML_ELEMENTS:,} elements)")
            root: etree._Element = parser.close()
        except etree.XMLSyntaxError as error:
            if b"<!DOCTYPE" in data:  # entity tricks often fail to parse at all: say why
                raise self.refuse(_DTD.format(name=_safe(name))) from None
            why = f"{_safe(name)} is not well-formed XML: {error}"
            raise self.refuse(_DAMAGED.format(why=why)) from None
        info = root.getroottree().docinfo
        if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
            # Word never writes a DTD; a kept "&entity;" would make the export unreadable.
            raise self.refuse(_DTD.format(name=_safe(name)))
        return root

    def check_root(self, name: str, root: etree._Element) -> None:
        """A part python-docx will read as a typed XML part must be that part."""
        if _source_of(name) is not None:
            expected: str | None = _RELATIONSHIP.replace("}Relationship", "}Relationships")
        else:
            expected = _ROOTS.get(self.content_type(name) or "")
        if expected is not None and root.tag != expected:
            why = f"{_safe(name)} does not hold what its type says"
            raise self.refuse(_DAMAGED.format(why=why))

    def read_content_types(self, types: etree._Element) -> None:
        if types.tag != f"{_CT}Types":
            raise self.refuse(NOT_WORD)
        for item in list(types):
            key, kind = item.get("Extension") or item.get("PartName"), item.get("ContentType")
            if item.tag not in (f"{_CT}Default", f"{_CT}Override") or not key or not kind:
                types.remove(item)  # python-docx would read it as a part without a type
                self.changed.add("[Content_Types].xml")
            elif item.tag == f"{_CT}Default":
                self.defaults[key.lower()] = kind
            else:
                self.overrides[key.lstrip("/").lower()] = kind
        for kind in [*self.defaults.values(), *self.overrides.values()]:
            lowered = kind.lower()
            if "macroenabled" in lowered or "vba" in lowered:
                raise self.refuse(MACRO_REASON)
            if "activex" in lowered:
                raise self.refuse(_ACTIVE.format(what=_safe(kind)))

    def open_as_document(self, types: etree._Element, main: str) -> None:
        """python-docx opens only the document content type; a template differs in nothing else."""
        for item in list(types.iter(f"{_CT}Override")):
            if (item.get("PartName") or "").lstrip("/").lower() == main.lower():
                types.remove(item)
        override = types.makeelement(f"{_CT}Override", PartName=f"/{main}")
        override.set("ContentType", DOCUMENT_TYPE)
        types.append(override)
        self.changed.add("[Content_Types].xml")

    def content_type(self, name: str) -> str | None:
        """As python-docx looks it up: the override, else the default for the extension."""
        if name.lower() in self.overrides:
            return self.overrides[name.lower()]
        return self.defaults.get(posixpath.splitext(name)[1][1:].lower())

    # --- relationships and what points at them ------------------------------------------------
    def main_part(self, root_rels: etree._Element, parts: dict[str, bytes]) -> str:
        for relationship in root_rels.iter(_RELATIONSHIP):
            if relationship.get("Type") == f"{_RT}officeDocument":
                target = _resolve("", relationship.get("Target") or "")
                if target not in parts:
                    raise self.refuse(_DAMAGED.format(why="its main document part is missing"))
                if self.content_type(target) in (DOCUMENT_TYPE, _TEMPLATE_TYPE):
                    return target
                raise self.refuse(NOT_WORD)
        raise self.refuse(NOT_WORD)

    def clean_relationships(
        self, name: str, source: str, root: etree._Element, parts: dict[str, bytes]
    ) -> dict[str, str]:
        """Drop outside links (hyperlinks stay) and links to missing or mistyped parts.

        Returns the ids kept, each with its target's content type ("" for a hyperlink).
        """
        kept: dict[str, str] = {}
        seen = self.kinds.setdefault(source, set())
        for relationship in list(root.iter(_RELATIONSHIP)):
            target = _resolve(source, relationship.get("Target") or "")
            # LibreOffice names it ".../officedocument/2006/relationships/metadata/...":
            # python-docx would not know it and write a second docProps/core.xml.
            core = source == "" and _kind(relationship) == "core-properties"
            if core and relationship.get("Type") != _CORE_RT:
                relationship.set("Type", _CORE_RT)
                self.changed.add(name)
            mode = relationship.get("TargetMode")
            why = self.relationship_problem(relationship, target, parts, seen)
            if relationship.get("TargetMode") != mode:
                self.changed.add(name)
            if why is None:
                kept[relationship.get("Id") or ""] = self.content_type(target) or ""
                self.targets.add(target)
            else:
                root.remove(relationship)
                self.changed.add(name)
                self.notes.append(f"removed {why}, in {_where(source)}")
        return kept

    def relationship_problem(
        self,
        relationship: etree._Element,
        target: str,
        parts: dict[str, bytes],
        seen: set[str],
    ) -> str | None:
        """Why a relationship must go (None: it stays); raises for those that cannot go."""
        kind = _kind(relationship)
        if "vba" in kind:
            raise self.refuse(MACRO_REASON)
        if "activex" in kind or kind == "control":
            raise self.refuse(_ACTIVE.format(what="an ActiveX control"))
        if not all(relationship.get(name) for name in ("Id", "Type", "Target")):
            return "a broken link"
        if kind == "afchunk":  # Word imports it on opening, and HTML fetches its pictures
            return "a piece of HTML or RTF to import"
        if (relationship.get("TargetMode") or "").lower() == "external":
            return self.outside_problem(relationship, kind)
        content_type = self.content_type(target)
        if target not in parts or content_type is None:
            return "a link to a part that is missing"
        typed = relationship.get("Type") or ""
        if typed in _TYPED:
            wanted = (_TYPED[typed][0], _TEMPLATE_TYPE if kind == "officedocument" else "")
            if content_type not in wanted or (typed in seen and typed not in _REFERENCES.values()):
                return f"a second or mistyped {kind} part"
            seen.add(typed)
        return None

    def outside_problem(self, relationship: etree._Element, kind: str) -> str | None:
        if kind in ("oleobject", "subdocument"):
            what = "an outside OLE object" if kind == "oleobject" else "an outside document"
            raise self.refuse(
                f"pulls in {what} when opened; jdeditor does not use files that load "
                "content from elsewhere"
            )
        if kind != "hyperlink":
            return _OUTSIDE.get(kind, "a link to an outside file")
        relationship.set("TargetMode", "External")  # python-docx compares it exactly
        return None

    def clean_references(self, name: str, root: etree._Element, kept: dict[str, str]) -> None:
        """Remove what points at a relationship that is gone (or never was)."""
        doomed: list[etree._Element] = []
        for value in _RELATIONSHIP_ATTRIBUTES(root):
            element = value.getparent()
            typed = _REFERENCES.get(element.tag)
            if value in kept and (typed is None or kept[value] == _TYPED[typed][0]):
                continue
            self.changed.add(name)
            if value.attrname.endswith("}link"):
                del element.attrib[value.attrname]  # a linked copy beside the embedded picture
            else:
                doomed.append(element)
        for element in doomed:
            remove_element(element)

    def clean_content(self, name: str, root: etree._Element) -> None:
        """Mail merge, web framesets and fields that reach outside the document."""
        for element in list(root.iter(f"{_W}mailMerge", f"{_W}frameset")):
            remove_element(element)
            self.changed.add(name)
            self.notes.append(
                "removed mail-merge settings (Word would query a data source on opening)"
                if element.tag == f"{_W}mailMerge"
                else "removed a web frameset"
            )
        for field_name in neutralise_unsafe_fields(root):
            self.changed.add(name)
            if _PLAIN_NAME.fullmatch(field_name):
                article = "an" if field_name[0] in "AEIOU" else "a"
                self.notes.append(f"removed {article} {field_name} field from {_where(name)}")
            else:
                self.notes.append(f"removed a field from {_where(name)}")

    def check_body(self, main: str, root: etree._Element) -> None:
        body = root.find(f"{_W}body")
        if root.tag != f"{_W}document" or body is None:
            raise self.refuse(_DAMAGED.format(why="its main document has no body"))
        if body.find(f"{_W}sectPr") is None:
            # python-docx and Word both need the body's page settings; ours are neutral.
            body.append(copy.deepcopy(_reference_section()))
            self.changed.add(main)
        for typed, (_, _, default) in _TYPED.items():
            # python-docx (and our bullets) add a missing one under this name; another part
            # linked under it would then be written twice.
            source = "" if typed == _CORE_RT else main
            if default in self.targets and typed not in self.kinds.get(source, set()):
                why = f"{default} is not linked as the part it is named for"
                raise self.refuse(_DAMAGED.format(why=why))


# --- small helpers ------------------------------------------------------------------------
def _kind(relationship: etree._Element) -> str:
    """The relationship type's last segment, the same for transitional and strict OOXML."""
    return (relationship.get("Type") or "").rstrip("/").rsplit("/", 1)[-1].lower()


def _source_of(name: str) -> str | None:
    """The part a relationships part belongs to ("" for the package); None for other parts."""
    folder, _, file = name.rpartition("/")
    if not file.endswith(".rels") or posixpath.basename(folder) != "_rels":
        return None
    return posixpath.join(posixpath.dirname(folder), file.removesuffix(".rels"))


def _resolve(source: str, target: str) -> str:
    """A relationship's target as a zip entry name, resolved as python-docx does."""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target)).lstrip("/")


def _where(name: str) -> str:
    """The part as a reader knows it: "the header", "the settings"."""
    if name.startswith("word/glossary/"):
        return _PART_NAMES["glossary"]
    stem = re.sub(r"\d+$", "", posixpath.splitext(posixpath.basename(name))[0]).lower()
    return _PART_NAMES.get(stem, _safe(name) if name else "the package")


def _safe(name: str) -> str:
    """A part name fit for a message: the zip may hold any text in it."""
    return name if re.fullmatch(r"[\w./\-\[\] ]{1,120}", name) else "a part"


def _too_big(what: str) -> str:
    limit = MAX_INFLATED_BYTES
    return f"{what} more than a Word template may ({limit:,} bytes); it may be a zip bomb"


def _unsupported(name: str) -> str:
    return _DAMAGED.format(why=f"{name} uses a kind of compression Word does not write")


def _counted(notes: list[str]) -> tuple[str, ...]:
    return tuple(
        note if count == 1 else f"{note} ({count} times)" for note, count in Counter(notes).items()
    )


@cache
def _reference_section() -> etree._Element:
    section = etree.fromstring(reference.document_xml().encode()).find(f"{_W}body/{_W}sectPr")
    assert section is not None  # our own reference always has one
    return section


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    # Stored, not compressed: python-docx reads this copy once and it is never saved as is.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, content in parts.items():
            archive.writestr(zipfile.ZipInfo(name), content)
    return buffer.getvalue()
