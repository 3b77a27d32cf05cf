"""Other readers see the posting as Word does: mammoth (docx → HTML, what many applicant
tracking systems import with), docx2python, pandoc, and the Open XML validator in strict mode."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx2python
import mammoth
import pytest
from lxml import etree

from jdeditor.checks import PLACEHOLDER
from jdeditor.export.docx import DocxOptions, render_docx
from jdeditor.library import PresetLibrary
from jdeditor.outline import Bullets, build_outline
from tests.export.helpers import reopen, strict_validation_errors

BUILT_IN = ["Agent", "Team Lead", "Manager", "Operations"]


def bullet_count(library: PresetLibrary, name: str) -> int:
    outline = build_outline(library.get(name).document)
    return sum(
        len(block.items)
        for section in outline.sections
        for block in section.blocks
        if isinstance(block, Bullets)
    )


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("readers")
    library = PresetLibrary(folder / "no user presets")
    paths = {}
    for name in BUILT_IN:
        paths[name] = folder / f"{name}.docx"
        paths[name].write_bytes(render_docx(build_outline(library.get(name).document)))
    return paths


@pytest.mark.parametrize("name", BUILT_IN)
def test_mammoth_finds_every_bullet(exports: dict[str, Path], name: str) -> None:
    library = PresetLibrary(exports[name].parent / "none")
    html = mammoth.convert_to_html(str(exports[name])).value
    assert html.count("<li>") == bullet_count(library, name)
    assert html.count("<ul>") == sum(
        isinstance(block, Bullets)
        for section in build_outline(library.get(name).document).sections
        for block in section.blocks
    )


@pytest.mark.parametrize("name", BUILT_IN)
def test_docx2python_shows_a_bullet_marker_on_every_item(
    exports: dict[str, Path], name: str
) -> None:
    library = PresetLibrary(exports[name].parent / "none")
    with docx2python.docx2python(str(exports[name])) as read:
        paragraphs = [p for p in read.text.split("\n") if p.strip()]
    assert sum(p.startswith("--\t") for p in paragraphs) == bullet_count(library, name)


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="needs pandoc")
@pytest.mark.parametrize("name", BUILT_IN)
def test_pandoc_reads_title_headings_and_lists(exports: dict[str, Path], name: str) -> None:
    library = PresetLibrary(exports[name].parent / "none")
    outline = build_outline(library.get(name).document)
    result = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "json", str(exports[name])],
        capture_output=True,
        check=True,
        text=True,
    )
    tree = json.loads(result.stdout)
    title = tree["meta"]["title"]["c"]
    assert "".join(part.get("c", " ") if part["t"] == "Str" else " " for part in title) == (
        outline.title
    )
    blocks = tree["blocks"]
    headers = [block for block in blocks if block["t"] == "Header"]
    assert len(headers) == len(outline.sections)
    lists = [block for block in blocks if block["t"] == "BulletList"]
    assert sum(len(block["c"]) for block in lists) == bullet_count(library, name)


@pytest.mark.parametrize("name", BUILT_IN)
def test_strict_open_xml_validation_finds_nothing(exports: dict[str, Path], name: str) -> None:
    assert strict_validation_errors(exports[name]) == []


@pytest.mark.parametrize("name", BUILT_IN)
def test_no_placeholder_in_any_document_property(exports: dict[str, Path], name: str) -> None:
    with zipfile.ZipFile(exports[name]) as package:
        for part in ("docProps/core.xml", "docProps/app.xml"):
            text = "".join(etree.fromstring(package.read(part)).itertext())
            assert not PLACEHOLDER.search(text), (part, text)


def test_keywords_keep_skills_that_hold_commas() -> None:
    from tests.export.test_docx import posting

    document = posting(skills=["Patience, empathy and tact", "CRM"], department="Support")
    word = reopen(render_docx(build_outline(document), DocxOptions()))
    keywords = word.core_properties.keywords.split("; ")
    assert keywords == ["Support", "Patience, empathy and tact", "CRM"]


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pandoc") is None,
    reason="needs LibreOffice and pandoc",
)
def test_title_survives_a_libreoffice_round_trip(exports: dict[str, Path], tmp_path: Path) -> None:
    """Opened in LibreOffice, saved as .odt and back as .docx, the title is still the title
    (an outline level on it made LibreOffice turn it into a heading, and pandoc lose it)."""

    def convert(source: Path, suffix: str) -> Path:
        command = ["soffice", "--headless", "--convert-to", suffix, "--outdir", str(tmp_path)]
        subprocess.run([*command, str(source)], capture_output=True, check=True, timeout=180)
        return tmp_path / f"{source.stem}.{suffix}"

    again = convert(convert(exports["Agent"], "odt"), "docx")
    read = ["pandoc", "-f", "docx", "-t", "json", str(again)]
    tree = json.loads(subprocess.run(read, capture_output=True, check=True, text=True).stdout)
    title = tree["meta"]["title"]["c"]
    assert [part["c"] for part in title if part["t"] == "Str"] == ["Call", "Center", "Agent"]
    headers = [block for block in tree["blocks"] if block["t"] == "Header"]
    assert len(headers) == len(
        build_outline(PresetLibrary(tmp_path).get("Agent").document).sections
    )
