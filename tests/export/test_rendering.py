"""Each built-in preset's .docx through LibreOffice: it converts, holds its text, fits 1-2 pages."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from jdeditor._text import typeset
from jdeditor.library import PresetLibrary
from jdeditor.model import JobDescription
from tests.export.helpers import export

BUILT_IN = ["Agent", "Team Lead", "Manager", "Operations"]


def _tools() -> tuple[str, str, str]:
    found = [shutil.which(tool) for tool in ("soffice", "pdftotext", "pdfinfo")]
    if None in found:
        if os.environ.get("CI"):
            pytest.fail("CI must install libreoffice-writer-nogui and poppler-utils (.ci/run)")
        pytest.skip("LibreOffice or poppler-utils is not installed")
    return found[0], found[1], found[2]  # type: ignore[return-value]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every built-in preset exported and converted to PDF in one LibreOffice run."""
    soffice, _, _ = _tools()
    folder = tmp_path_factory.mktemp("rendering")
    library = PresetLibrary(user_dir=folder / "no-user-presets")
    for name in BUILT_IN:
        (folder / f"{name}.docx").write_bytes(export(library.get(name).document))
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{name}.docx") for name in BUILT_IN),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {name: folder / f"{name}.pdf" for name in BUILT_IN}


def _text(pdf: Path) -> str:
    _, pdftotext, _ = _tools()
    output = subprocess.run([pdftotext, str(pdf), "-"], check=True, capture_output=True, text=True)
    return " ".join(output.stdout.split())


def _pages(pdf: Path) -> int:
    _, _, pdfinfo = _tools()
    info = subprocess.run([pdfinfo, str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.slow
@pytest.mark.parametrize("name", BUILT_IN)
def test_preset_renders_with_its_text_on_one_or_two_pages(pdfs: dict[str, Path], name: str) -> None:
    document: JobDescription = PresetLibrary(user_dir=Path("/nonexistent")).get(name).document
    text = _text(pdfs[name])
    assert document.title in text
    for responsibility in document.responsibilities:
        assert typeset(responsibility, document.language) in text, responsibility
    assert f"Page 1 of {_pages(pdfs[name])}" in text
    assert 1 <= _pages(pdfs[name]) <= 2
