"""Make docs/agent-posting.png: the Agent preset exported to Word, as LibreOffice prints it.

Needs LibreOffice (soffice), poppler-utils (pdftoppm) and ImageMagick (convert) on PATH.
Run from the repository: ``python docs/render_posting.py [PRESET ...]``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from jdeditor.export.docx import DocxOptions, render_docx
from jdeditor.library import PresetLibrary, preset_file_name
from jdeditor.outline import build_outline

DOCS = Path(__file__).resolve().parent


def render(name: str, folder: Path) -> Path:
    library = PresetLibrary(user_dir=folder / "no-user-presets")
    source = folder / preset_file_name(name, ".docx")
    # A fixed timestamp keeps the document (and so the image) the same from run to run.
    options = DocxOptions(timestamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    source.write_bytes(render_docx(build_outline(library.get(name).document), options))
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    pages = folder / "page"
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", str(source.with_suffix(".pdf")), str(pages)], check=True
    )
    target = DOCS / f"{name.lower().replace(' ', '-')}-posting.png"
    # Pages side by side on a light grey desk, with a thin border, like a print preview.
    page_files = sorted(str(p) for p in folder.glob("page-*.png"))
    subprocess.run(
        [
            "convert",
            *page_files,
            "-bordercolor",
            "#c8c8c8",
            "-border",
            "1",
            "-bordercolor",
            "#eeeeee",
            "-border",
            "12",
            "+append",
            "-strip",
            str(target),
        ],
        check=True,
    )
    return target


def main(names: list[str]) -> int:
    missing = [tool for tool in ("soffice", "pdftoppm", "convert") if shutil.which(tool) is None]
    if missing:
        print(f"missing tools: {', '.join(missing)}", file=sys.stderr)
        return 1
    for name in names or ["Agent"]:
        with tempfile.TemporaryDirectory() as scratch:
            print(f"wrote {render(name, Path(scratch))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
