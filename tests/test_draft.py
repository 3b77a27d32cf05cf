"""Drafts: edits that may be invalid, validation in plain words, the best-effort preview."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from jdeditor.draft import best_effort, blank_draft, check, draft_of, value_at, with_value
from jdeditor.model import JobDescription
from tests.strategies import job_descriptions


def test_blank_draft_needs_a_title_and_a_duty() -> None:
    result = check(blank_draft())
    assert result.document is None
    assert [p.dotted_path for p in result.errors] == ["title", "responsibilities"]


def test_with_value_copies_only_the_changed_path() -> None:
    draft = blank_draft()
    changed = with_value(draft, ("company", "name"), "Acme")
    assert changed["company"]["name"] == "Acme" and draft["company"]["name"] == ""
    assert changed["location"] is draft["location"]  # untouched parts are shared
    assert with_value(draft, ("salary", "minimum"), 5)["salary"] == {"minimum": 5}


def test_value_at_missing_path_is_none() -> None:
    assert value_at(blank_draft(), ("salary", "minimum")) is None
    assert value_at({"skills": ["a"]}, ("skills", 3)) is None


def test_check_reports_errors_and_placeholders() -> None:
    draft: dict[str, Any] = {
        **blank_draft(),
        "title": "Agent",
        "responsibilities": ["Answer calls"],
        "company": {"name": "[Company name]", "about": "", "website": ""},
        "salary": {"minimum": 40000, "maximum": 30000},
    }
    result = check(draft)
    assert [(p.severity, p.dotted_path) for p in result.problems] == [
        ("error", "salary.maximum"),
        ("warning", "company.name"),
    ]


def test_best_effort_keeps_everything_valid() -> None:
    draft = {
        **blank_draft(),
        "title": "",
        "responsibilities": ["Answer calls", "", "answer calls"],
        "skills": ["CRM", "crm", "  ", "Typing"],
        "salary": {"minimum": 40000, "maximum": 30000, "currency": "USD", "period": "year"},
        "company": {"name": "Acme", "about": "", "website": "not a url"},
    }
    document = best_effort(draft)
    assert document.title == ""
    assert document.responsibilities == ("Answer calls",)
    assert document.skills == ("CRM", "Typing")
    assert document.salary is not None and document.salary.maximum is None
    assert document.company.name == "Acme" and document.company.website == ""


def test_best_effort_drops_a_pay_range_without_a_valid_minimum() -> None:
    draft = {**blank_draft(), "title": "A", "salary": {"minimum": -5}}
    assert best_effort(draft).salary is None


@settings(max_examples=40, deadline=None)
@given(job_descriptions())
def test_a_valid_draft_is_its_own_best_effort(document: JobDescription) -> None:
    draft = draft_of(document)
    assert check(draft).document == document
    assert best_effort(draft) == document
