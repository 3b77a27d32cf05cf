"""What the import tests share: postings to round-trip and a field-by-field comparison that
knows what an export prints differently (typographic quotes, the company's name for its
placeholder) and what a format does not carry at all."""

from __future__ import annotations

from datetime import date
from typing import Any

from jdeditor.checks import COMPANY_PLACEHOLDERS, company_for_placeholder
from jdeditor.model import JobDescription

TODAY = date(2026, 2, 2)
"""The export day: JSON-LD states a date posted, the day of export when the posting has none."""

IMPORTABLE = ("docx", "txt", "md", "html", "jsonld")
"""Formats the importer reads; PDF is not one (no text extraction offline in the standard
library, and a PDF's text order is layout, not structure)."""

LANGUAGE_REGION_LOST = frozenset({"txt", "md", "jsonld"})
"""Formats that print no language tag: the language comes back as detected ('en'), and the
country the export leaves out because it is the language's own comes back only when something
else names it (a state code, the pay's currency)."""

DATE_POSTED_PRINTED = frozenset({"html", "jsonld"})
"""Formats that state the date posted (their JSON-LD); the others never print it."""


def straight(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    if isinstance(value, list):
        return [straight(item) for item in value]
    if isinstance(value, dict):
        return {key: straight(item) for key, item in value.items()}
    return value


def expected_after(document: JobDescription, format_name: str) -> dict[str, Any]:
    """The posting as an import of its export should read it, in JSON shape."""
    data = document.model_dump(mode="json")
    company = company_for_placeholder(document)
    if company:
        for placeholder in COMPANY_PLACEHOLDERS:  # '[Company name]', '[公司名称]'
            data = _replace(data, placeholder, company)
        data["company"]["name"] = company
    if format_name not in DATE_POSTED_PRINTED:
        data["date_posted"] = None
    elif data["date_posted"] is None:
        data["date_posted"] = TODAY.isoformat()
    return straight(data)  # type: ignore[no-any-return]


def _replace(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, list):
        return [_replace(item, old, new) for item in value]
    if isinstance(value, dict):
        return {key: _replace(item, old, new) for key, item in value.items()}
    return value


def differences(
    expected: dict[str, Any], got: dict[str, Any], format_name: str
) -> dict[str, tuple[Any, Any]]:
    """Field → (expected, imported) for every field that did not come back, the known losses
    of ``format_name`` aside."""
    got = straight(got)
    found: dict[str, tuple[Any, Any]] = {}
    language = expected["language"]
    for key, wanted in expected.items():
        value, other = wanted, got.get(key)
        if key == "language" and format_name in LANGUAGE_REGION_LOST:
            value, other = value.split("-")[0], str(other).split("-")[0]
        if key == "location" and format_name in LANGUAGE_REGION_LOST and isinstance(other, dict):
            region = language.split("-")[-1] if "-" in language else ""
            if value["country"] == region and other["country"] == "":
                other = {**other, "country": region}
        if value != other:
            found[key] = (value, other)
    return found
