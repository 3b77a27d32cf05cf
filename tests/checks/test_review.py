"""The one review: findings as data, every family run, none raising on any valid posting."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdeditor.checks import (
    FAMILIES,
    Context,
    Family,
    Finding,
    Severity,
    apply_suggestion,
    problems,
    prose,
    review,
)
from jdeditor.library import PresetLibrary
from jdeditor.model import Company, HowToApply, JobDescription, Location
from tests.strategies import job_descriptions


def _posting(**changes: object) -> JobDescription:
    base = JobDescription(title="Call Center Agent", responsibilities=("Answer calls",))
    return base.model_copy(update=changes)


def test_every_family_has_a_check_and_codes_name_their_family(library: PresetLibrary) -> None:
    assert set(FAMILIES) == set(Family) - {Family.VALIDATION, Family.IMPORT}
    document = _posting(
        summary="We want a young rockstar salesman to recieve calls. " * 2,
        required_qualifications=tuple(f"Skill number {n}" for n in range(9)),
    )
    found = review(document, Context(today=date(2026, 11, 26)))
    families = {finding.family for finding in found}
    for family in (Family.WORDING, Family.INCLUSION, Family.READABILITY, Family.SPELLING):
        assert family in families, family
    for finding in found:
        assert finding.code.split(".", 1)[0] == str(finding.family)
        assert finding.message and finding.source, finding.code


def test_warnings_come_before_advice_and_problems_leave_advice_out() -> None:
    document = _posting(company=Company(name="[Company name]"), summary="A young team.")
    found = review(document)
    severities = [finding.severity for finding in found]
    assert severities == sorted(severities, key=[Severity.WARNING, Severity.ADVICE].index)
    assert Severity.ADVICE in severities
    assert all(p.severity == Severity.WARNING for p in problems(document))
    assert [p for p in found if p.severity == Severity.WARNING] == problems(document)


def test_a_span_points_at_the_words_and_a_suggestion_applies_there() -> None:
    text = "Our top salesman will coach the team."
    document = _posting(summary=text)
    (finding,) = [f for f in review(document) if f.code == "wording.gendered-term"]
    assert finding.path == ("summary",)
    assert finding.span is not None
    start, end = finding.span
    assert text[start:end].lower() == "salesman"
    assert apply_suggestion(text, finding) == "Our top salesperson will coach the team."


def test_a_finding_without_a_suggestion_cannot_be_applied() -> None:
    finding = Finding("readability.too-short", Severity.ADVICE, (), "Short")
    with pytest.raises(ValueError, match="no suggestion"):
        apply_suggestion("text", finding)


def test_findings_are_json_with_code_field_span_message_suggestion_and_source() -> None:
    document = _posting(summary="Must be a rockstar.")
    data = json.loads(json.dumps([f.to_json() for f in review(document)]))
    jargon = next(item for item in data if item["code"] == "inclusion.jargon")
    assert set(jargon) >= {"code", "severity", "field", "span", "message", "suggestion", "source"}
    assert jargon["field"] == "summary"
    assert "Must be a rockstar."[slice(*jargon["span"])].lower().endswith("rockstar")


def test_prose_leaves_out_codes_and_addresses() -> None:
    document = _posting(
        language="en-GB",
        location=Location(country="GB", locality="Leeds"),
        how_to_apply=HowToApply(email="jobs@example.com", url="https://example.com/jobs"),
    )
    paths = {path for path, _ in prose(document)}
    assert ("location", "locality") in paths and ("title",) in paths
    assert not paths & {
        ("language",),
        ("location", "country"),
        ("how_to_apply", "email"),
        ("how_to_apply", "url"),
    }


def test_the_built_in_presets_get_no_advice_but_their_placeholders(library: PresetLibrary) -> None:
    """The presets are the examples a team starts from: they follow their own advice, except
    what only the team can fill in (the placeholders) and what the seeds decide."""
    for preset in library.list_presets().presets:
        codes = {finding.code for finding in review(preset.document)}
        allowed = {
            "placeholders.left",
            "pay.missing",  # Operations: the source documents give no pay for it
            "readability.long-list",  # Operations: every duty of the source is kept
            "readability.hard-to-read",  # Operations: a manager's posting, long words
            "job-boards.no-way-to-apply",
            # Coded words are shown for a manager to judge, not to remove.
            "wording.masculine-coded",
            "wording.feminine-coded",
            "wording.balance",
        }
        assert codes <= allowed, (preset.name, codes - allowed)
        spelling = [f.found for f in review(preset.document) if f.family == Family.SPELLING]
        assert spelling == [], preset.name


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(job_descriptions(), st.dates(date(2020, 1, 1), date(2030, 12, 31)))
def test_no_check_raises_on_any_valid_posting(document: JobDescription, today: date) -> None:
    for finding in review(document, Context(today=today, words=frozenset({"Acme"}))):
        assert isinstance(finding, Finding)
        if finding.span is not None:
            text = _text_at(document, finding.path)
            start, end = finding.span
            assert 0 <= start < end <= len(text), finding
            if finding.found:
                # Every family takes what it found from the text itself, so the span holds it
                # exactly, in the text's own case (families that match case-insensitively too).
                assert text[start:end] == finding.found[0], finding
        if finding.suggestion is not None and finding.span is not None:
            apply_suggestion(_text_at(document, finding.path), finding)


def _text_at(document: JobDescription, path: tuple[str | int, ...]) -> str:
    value: object = document.model_dump()
    for part in path:
        value = value[part]  # type: ignore[index]
    assert isinstance(value, str)
    return value


_VOCABULARY = st.sampled_from(
    ["Young", "young team", "rockstar", "a rockstar", "Salesman", "Sarah Manning", "recieve",
     "Recieve", "[Company name]", "Canadian experience", "no", "he/she will", "Hi guys",
     "a recent graduate", "Acme Support", "support", "lead", "Leadville", "wizard", "calls",
     "must be able to lift", "AI", "İ", "ß", "ﬁ", "’", "-", "x@lead.example.com", "。"]
)  # fmt: skip
_TEXT = st.lists(_VOCABULARY, max_size=8).map(" ".join) | st.lists(_VOCABULARY).map(". ".join)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, _TEXT, st.sampled_from(["", "Acme Support", "Leadville", "Young & Co"]))
def test_a_span_holds_what_its_finding_found(summary: str, item: str, company: str) -> None:
    document = _posting(
        summary=summary,
        required_qualifications=(item or "Answer calls",),
        company=Company(name=company, about=item),
        location=Location(country="CA", region="Ontario", locality="Leadville"),
    )
    for finding in review(document, Context(today=date(2026, 11, 26))):
        if finding.span is not None and finding.found:
            start, end = finding.span
            assert _text_at(document, finding.path)[start:end] == finding.found[0], finding
