"""Validation errors in plain words: the model's own errors are said in its words, in English,
from templates the catalogue translates."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from jdeditor import model
from jdeditor.checks import field_label, problems_from_validation_error
from jdeditor.checks.validation import _MESSAGES
from jdeditor.model import JobDescription

BASE: dict[str, Any] = {"title": "Agent", "responsibilities": ["Answer calls"]}
# One draft per error the model raises itself (model.py's PydanticCustomError types).
MODEL_ERRORS: dict[str, dict[str, Any]] = {
    "single_line": {"title": "Agent\nLead"},
    "invalid_character": {"summary": "a\ufffeb"},
    "bidi_control": {"summary": "a\u202eb"},
    "control_character": {"summary": "a\x07b"},
    "duplicate_item": {"skills": ["CRM", "crm"]},
    "currency": {"salary": {"minimum": 1, "currency": "XYZ"}},
    "country": {"location": {"country": "XY"}},
    "language": {"language": "not a tag"},
    "email": {"how_to_apply": {"email": "nobody"}},
    "url": {"how_to_apply": {"url": "not a web address"}},
    "pay_order": {"salary": {"minimum": 50000, "maximum": 40000}},
    "education_order": {
        "education": {"minimum_level": "bachelor", "preferred_level": "high-school"}
    },
    "date_order": {"date_posted": "2026-02-01", "valid_through": "2026-01-01"},
}


@pytest.mark.parametrize("kind", sorted(MODEL_ERRORS))
def test_a_model_error_reads_as_the_model_words_it(kind: str) -> None:
    assert kind in _MESSAGES
    with pytest.raises(ValidationError) as raised:
        JobDescription.model_validate(BASE | MODEL_ERRORS[kind])
    (detail,) = [d for d in raised.value.errors(include_url=False) if d["type"] == kind]
    (problem,) = [
        p for p in problems_from_validation_error(raised.value) if p.path == tuple(detail["loc"])
    ]
    assert problem.code == "validation." + kind.replace("_", "-")
    assert problem.message == f"{field_label(tuple(detail['loc']))} {detail['msg']}"


def test_every_model_error_type_has_a_template() -> None:
    """The table above names every error type model.py raises: a new one needs a template."""
    text = Path(model.__file__).read_text(encoding="utf-8")
    raised = set(re.findall(r'PydanticCustomError\(\s*"(\w+)"', text)) - {"schema_too_new"}
    assert raised == set(MODEL_ERRORS), raised ^ set(MODEL_ERRORS)


def test_a_newer_files_version_is_said_with_the_versions() -> None:
    with pytest.raises(ValidationError) as raised:
        JobDescription.model_validate(BASE | {"schema_version": 99})
    (problem,) = problems_from_validation_error(raised.value)
    assert problem.path == ("schema_version",)
    assert problem.message == (
        "This file was written by a newer jdeditor (format version 99); this jdeditor reads up "
        f"to version {model.SCHEMA_VERSION}: update jdeditor to open it"
    )
