"""Reading exported .docx bytes back with python-docx, for the export tests."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn

from jdeditor.export.docx import DocxOptions, render_docx
from jdeditor.model import JobDescription
from jdeditor.outline import build_outline


def export(document: JobDescription, options: DocxOptions | None = None) -> bytes:
    return render_docx(build_outline(document), options)


def reopen(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def styled_paragraphs(word: Document) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, in order."""
    return [(p.style.name if p.style is not None else "", p.text) for p in word.paragraphs]


def all_text(word: Document) -> str:
    header = word.sections[0].header
    return "\n".join([p.text for p in header.paragraphs] + [p.text for p in word.paragraphs])


def hyperlink_targets(word: Document) -> dict[str, str]:
    """Visible text → target URL of every hyperlink in the body."""
    rels = word.part.rels
    return {
        "".join(t.text or "" for t in link.iter(qn("w:t"))): rels[link.get(qn("r:id"))].target_ref
        for link in word.element.body.iter(qn("w:hyperlink"))
    }


def edit_package(data: bytes, edit: Callable[[str, bytes], bytes | None]) -> bytes:
    """A copy of a zip package with each entry passed through ``edit`` (None drops it)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as output:
        for info in source.infolist():
            content = edit(info.filename, source.read(info))
            if content is not None:
                output.writestr(info, content)
    return buffer.getvalue()


def strict_validation_errors(path: Path) -> list[str]:
    """What openxml-audit (the Open XML SDK's validator, in Python) finds in strict mode."""
    audit = str(Path(sys.executable).with_name("openxml-audit"))
    result = subprocess.run(
        [audit, "--policy", "strict", "-o", "json", "-m", "0", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    (report,) = json.loads(result.stdout)
    return [str(error.get("description", error)) for error in report["errors"]]
