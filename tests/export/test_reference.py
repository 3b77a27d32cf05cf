"""The committed reference.docx is exactly what its build script makes."""

from __future__ import annotations

import docx

from jdeditor.export.reference import build_reference, reference_path


def test_committed_reference_matches_its_script() -> None:
    assert reference_path().read_bytes() == build_reference(), (
        "resources/reference.docx is stale: run python -m jdeditor.export.reference"
    )


def test_reference_opens_and_defines_every_style_the_export_uses() -> None:
    names = {style.name for style in docx.Document(str(reference_path())).styles}
    assert {
        "Normal",
        "Title",
        "Subtitle",
        "Pay Line",
        "Heading 1",
        "List Bullet",
        "Header",
        "Footer",
        "Hyperlink",
        "Placeholder",
    } <= names
