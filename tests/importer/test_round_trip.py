"""Every preset, exported to every format the importer reads and imported back, comes back
field by field (what a format cannot carry is listed in ``helpers``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jdeditor.export import docx, jsonld, markdown, page, text
from jdeditor.export.formats import FORMATS, ExportOptions
from jdeditor.importer import import_posting
from jdeditor.library import PresetLibrary
from jdeditor.model import JobDescription
from tests.importer.helpers import IMPORTABLE, TODAY, differences, expected_after

RENDERERS = {"docx": docx, "txt": text, "md": markdown, "html": page, "jsonld": jsonld}
"""Each format's renderer, imported plainly: a renderer that does not import fails the run."""


def presets() -> list[JobDescription]:
    """The built-in presets. Read while tests are collected, before the fixture that points the
    user folder into tmp runs: the user folder named here does not exist, so no one's own
    presets are read."""
    library = PresetLibrary(user_dir=Path(__file__).parent / "no-user-presets")
    return [preset.document for preset in library.list_presets().presets]


def complete_posting() -> JobDescription:
    """A preset with every field filled: a real company, links, dates, pay with cents and a
    note, a country other than the language's, and every list."""
    agent = presets()[0].model_dump()
    return JobDescription.model_validate(
        agent
        | {
            "department": "Customer Care",
            "location": {"locality": "Toronto", "region": "ON", "country": "CA"},
            "employment_type": "part-time",
            "work_arrangement": "hybrid",
            "summary": "You are the first voice our customers hear.\n\nThis is an entry-level "
            "role with paid training from day one.",
            "preferred_qualifications": ("Bilingual in English and French",),
            "certifications": ("CPR certification, or willingness to earn it",),
            "education": {
                "minimum_level": "associate",
                "preferred_level": "bachelor",
                "fields_of_study": ("Business", "Communications"),
                "experience_in_place_of_education": True,
            },
            "experience": {
                "minimum_years": 2.5,
                "description": "Time in a contact center or a similar customer-facing role.",
            },
            "salary": {
                "minimum": "18.50",
                "maximum": "22.75",
                "currency": "CAD",
                "period": "hour",
                "note": "plus monthly commission",
            },
            "benefits": ("Health and dental from day one", "Paid training"),
            "company": {
                "name": "Acme Contact Co.",
                "about": "Acme Contact Co. answers calls for forty utilities across Canada.",
                "website": "https://acme-contact.com",
            },
            "how_to_apply": {
                "instructions": "Send your résumé and a short note on a customer you helped.",
                "email": "jobs@acme-contact.com",
                "url": "https://acme-contact.com/jobs/agent",
            },
            "date_posted": date(2026, 1, 15),
            "valid_through": date(2026, 3, 5),
        }
    )


def _postings() -> list[tuple[str, JobDescription]]:
    return [(p.title, p) for p in presets()] + [("complete", complete_posting())]


@pytest.mark.parametrize("format_name", IMPORTABLE)
@pytest.mark.parametrize(("name", "document"), _postings(), ids=[n for n, _ in _postings()])
def test_round_trip(format_name: str, name: str, document: JobDescription, tmp_path: Path) -> None:
    export = FORMATS[format_name]
    assert export.renderer.split(":")[0] == RENDERERS[format_name].__name__
    path = tmp_path / f"posting{export.suffix}"
    path.write_bytes(export.render(document, ExportOptions(today=TODAY)))
    result = import_posting(path)
    imported = result.document
    assert imported is not None, result.messages()
    expected = expected_after(document, format_name)
    assert differences(expected, imported.model_dump(mode="json"), format_name) == {}
    assert result.unplaced == []


def test_pdf_is_not_imported(tmp_path: Path) -> None:
    """PDF is an export format only: its text order is layout, not structure. Refused by name."""
    from jdeditor.files import DocumentError

    path = tmp_path / "posting.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    with pytest.raises(DocumentError, match="is a PDF"):
        import_posting(path)
