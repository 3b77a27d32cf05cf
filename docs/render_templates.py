"""Render the Manager preset exported into each test template, to look at before a release.

Builds the same templates as ``tests/export/test_real_templates.py`` (LibreOffice-made, a logo
in the header, pandoc's reference.docx, a letterhead in the body, a bare template with its own
theme), exports the Manager preset into each, and writes one PNG per template, first page
only, into the folder given (default: a new temporary folder). Needs soffice, pdftoppm, pandoc.
Run from the repository: ``python docs/render_templates.py [FOLDER]``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from jdeditor.export.docx import DocxOptions, render_docx, template_notes
from jdeditor.library import PresetLibrary
from jdeditor.outline import build_outline
from tests.export.test_real_templates import MAKERS


def main(arguments: list[str]) -> int:
    out = Path(arguments[0]) if arguments else Path(tempfile.mkdtemp(prefix="jdeditor-"))
    out.mkdir(parents=True, exist_ok=True)
    library = PresetLibrary(out / "no user presets")
    outline = build_outline(library.get("Manager").document)
    for kind, (make, _needs) in MAKERS.items():
        made = make(out)
        for template in made if isinstance(made, list) else [made]:
            name = f"{kind}-{template.suffix[1:]}"
            target = out / f"{name}.docx"
            target.write_bytes(render_docx(outline, DocxOptions(template=template)))
            convert = ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out)]
            subprocess.run(
                [*convert, str(target)],
                check=True,
                capture_output=True,
            )
            first_page = ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1"]
            subprocess.run(
                [*first_page, str(target.with_suffix(".pdf")), str(out / name)],
                check=True,
            )
            notes = "; ".join(template_notes(template)) or "nothing removed"
            print(f"{name}: {out / name}-1.png ({notes})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
