"""Every constraint of the model, each with a failing and a passing case, plus round trips."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from jdeditor import model
from jdeditor.checks import problems_from_validation_error
from jdeditor.model import (
    AMOUNT_MAX,
    ITEM_MAX,
    LIST_MAX,
    PARAGRAPH_MAX,
    TITLE_MAX,
    EducationLevel,
    JobDescription,
    SalaryRange,
)
from tests.strategies import job_descriptions

BASE: dict[str, Any] = {"title": "Call Center Agent", "responsibilities": ["Answer calls"]}


def make(**changes: Any) -> JobDescription:
    return JobDescription.model_validate({**BASE, **changes})


def messages(**changes: Any) -> dict[str, str]:
    """The plain-word problems of an invalid document, keyed by dotted field path."""
    with pytest.raises(ValidationError) as caught:
        make(**changes)
    return {p.dotted_path: p.message for p in problems_from_validation_error(caught.value)}


# --- title and text cleaning ------------------------------------------------------------------
def test_title_is_required() -> None:
    with pytest.raises(ValidationError) as caught:
        JobDescription.model_validate({"responsibilities": ["Answer calls"]})
    problems = problems_from_validation_error(caught.value)
    assert [(p.dotted_path, p.message) for p in problems] == [("title", "Job title is required")]


def test_blank_title_is_required_not_accepted() -> None:
    assert messages(title="   \n ") == {"title": "Job title is required"}


def test_text_is_stripped_and_normalised() -> None:
    document = make(
        title="  Cafe\u0301 Agent\t", summary="Line one\r\nLine two  \r\n\r\n\r\n\r\nEnd"
    )
    assert document.title == "Café Agent"  # NFC: one code point for é
    assert document.summary == "Line one\nLine two\n\nEnd"


def test_title_must_be_one_line() -> None:
    assert messages(title="Agent\nNight shift") == {"title": "Job title must be a single line"}


def test_title_length_limit() -> None:
    assert make(title="A" * TITLE_MAX).title == "A" * TITLE_MAX
    assert messages(title="A" * (TITLE_MAX + 1)) == {
        "title": f"Job title is too long ({TITLE_MAX + 1} characters; at most {TITLE_MAX} "
        "are allowed)"
    }


@pytest.mark.parametrize("field", ["title", "department", "summary"])
def test_control_characters_are_refused(field: str) -> None:
    problems = messages(**{field: "Agent\x07 bell"})
    assert list(problems) == [field]
    assert "control character (U+0007)" in problems[field]


def test_broken_unicode_is_refused() -> None:
    """A lone surrogate (from a bad copy-paste or decoder) cannot be written to XML or JSON."""
    problems = messages(title="Agent \ud800")
    assert problems == {
        "title": "Job title contains a character that is not text (U+D800); retype or remove it"
    }


def test_control_character_in_a_list_item_names_the_item() -> None:
    problems = messages(skills=["Typing", "Bad\x00byte"])
    assert list(problems) == ["skills.1"]
    assert problems["skills.1"].startswith("Skills, item 2 contains an invisible control character")


def test_summary_keeps_paragraphs_and_has_a_limit() -> None:
    assert make(summary="First.\n\nSecond.").summary == "First.\n\nSecond."
    assert make(summary="x" * PARAGRAPH_MAX).summary == "x" * PARAGRAPH_MAX
    assert "summary" in messages(summary="x" * (PARAGRAPH_MAX + 1))


# --- lists ------------------------------------------------------------------------------------
def test_at_least_one_responsibility() -> None:
    assert messages(responsibilities=[]) == {
        "responsibilities": "Responsibilities needs at least one item"
    }
    assert make(responsibilities=["One"]).responsibilities == ("One",)


def test_blank_items_are_refused() -> None:
    assert messages(skills=["Typing", "  "]) == {
        "skills.1": "Skills, item 2 is blank: remove it or fill it in"
    }


def test_duplicate_items_are_refused_ignoring_case() -> None:
    assert messages(skills=["Typing", "CRM", " typing "]) == {
        "skills": "Skills has a duplicate: item 3 repeats item 1"
    }
    assert make(skills=["Typing", "Typing fast"]).skills == ("Typing", "Typing fast")


def test_item_length_limit() -> None:
    assert make(skills=["x" * ITEM_MAX]).skills == ("x" * ITEM_MAX,)
    assert "skills.0" in messages(skills=["x" * (ITEM_MAX + 1)])


def test_list_length_limit() -> None:
    items = [f"Duty {n}" for n in range(LIST_MAX)]
    assert len(make(responsibilities=items).responsibilities) == LIST_MAX
    assert messages(responsibilities=[*items, "One more"]) == {
        "responsibilities": f"Responsibilities has too many items ({LIST_MAX + 1}; at most "
        f"{LIST_MAX})"
    }


# --- pay --------------------------------------------------------------------------------------
def test_minimum_pay_may_not_exceed_maximum() -> None:
    problems = messages(salary={"minimum": 40000, "maximum": 35000})
    assert problems == {
        "salary.maximum": "Maximum pay must not be less than the minimum pay (40,000)"
    }
    assert make(salary={"minimum": 35000, "maximum": 35000}).salary is not None


@pytest.mark.parametrize("amount", [0, -1])
def test_pay_must_be_positive(amount: int) -> None:
    assert messages(salary={"minimum": amount}) == {
        "salary.minimum": "Minimum pay must be more than 0"
    }


def test_pay_has_an_upper_bound_and_at_most_cents() -> None:
    assert "salary.minimum" in messages(salary={"minimum": AMOUNT_MAX + 1})
    assert messages(salary={"minimum": "17.505"}) == {
        "salary.minimum": "Minimum pay can have at most 2 decimal places"
    }
    salary = make(salary={"minimum": "17.50", "period": "hour"}).salary
    assert salary is not None and salary.minimum == Decimal("17.50")


def test_open_top_is_kept() -> None:
    salary = SalaryRange(minimum=Decimal(63000), maximum=Decimal(100000), open_ended=True)
    assert salary.open_ended and salary.maximum == 100000


def test_currency_is_an_iso_4217_code() -> None:
    salary = make(salary={"minimum": 1, "currency": " eur "}).salary
    assert salary is not None and salary.currency == "EUR"
    assert messages(salary={"minimum": 1, "currency": "XYZ"}) == {
        "salary.currency": "Currency 'XYZ' is not an ISO 4217 currency code such as USD"
    }


def test_pay_amounts_are_json_numbers() -> None:
    text = make(salary={"minimum": 32000, "maximum": "35000.50"}).to_json()
    assert '"minimum": 32000,' in text and '"maximum": 35000.5,' in text


# --- addresses --------------------------------------------------------------------------------
def test_email_is_validated_and_normalised() -> None:
    assert make(how_to_apply={"email": "Jobs@Example.COM"}).how_to_apply.email == "Jobs@example.com"
    problems = messages(how_to_apply={"email": "jobs.example.com"})
    assert problems["how_to_apply.email"].startswith("Application email is not a valid email")


def test_web_address_gets_a_scheme_and_keeps_its_spelling() -> None:
    document = make(company={"website": "example.com/jobs"}, how_to_apply={"url": ""})
    assert document.company.website == "https://example.com/jobs"
    assert make(company={"website": "http://例子.中国"}).company.website == "http://例子.中国"


@pytest.mark.parametrize("address", ["not a web address", "ftp://example.com", "localhost"])
def test_bad_web_addresses_are_refused(address: str) -> None:
    assert messages(company={"website": address}) == {
        "company.website": "Company website is not a web address such as https://example.com/jobs"
    }


# --- experience and education -----------------------------------------------------------------
@pytest.mark.parametrize("years", [0, 2.5, 50])
def test_plausible_years_of_experience(years: float) -> None:
    assert make(experience={"minimum_years": years}).experience.minimum_years == years


@pytest.mark.parametrize(
    ("years", "message"),
    [
        (-1, "must be at least 0"),
        (51, "must be at most 50"),
        (0.3, "must be a multiple of 0.5"),
    ],
)
def test_implausible_years_of_experience(years: float, message: str) -> None:
    assert messages(experience={"minimum_years": years}) == {
        "experience.minimum_years": f"Minimum years of experience {message}"
    }


def test_preferred_education_is_not_below_minimum() -> None:
    problems = messages(education={"minimum_level": "bachelor", "preferred_level": "high-school"})
    assert problems == {
        "education.preferred_level": "Preferred education is below the minimum education "
        "(Bachelor's degree)"
    }
    education = make(education={"minimum_level": "high-school", "preferred_level": "bachelor"})
    assert education.education.preferred_level is EducationLevel.BACHELOR


# --- codes, choices, structure ----------------------------------------------------------------
def test_language_is_a_bcp47_tag() -> None:
    assert make(language="en-us").language == "en-US"
    assert make(language="zh_Hans_CN").language == "zh-Hans-CN"
    assert "language" in messages(language="klingon")


def test_country_is_an_iso_code() -> None:
    assert make(location={"country": "us"}).location.country == "US"
    assert "location.country" in messages(location={"country": "XX"})


def test_choices_must_be_known() -> None:
    assert messages(level="boss") == {
        "level": "Level must be one of: 'entry', 'mid', 'senior', 'director' or 'executive'"
    }
    assert make(employment_type="part-time", work_arrangement="remote").work_arrangement == "remote"


def test_unknown_fields_are_refused() -> None:
    assert messages(titel="Agent") == {
        "titel": "Titel is not a field jdeditor knows; check the spelling"
    }


def test_models_are_immutable(posting: JobDescription) -> None:
    with pytest.raises(ValidationError):
        posting.title = "Other"  # type: ignore[misc]


# --- schema versions --------------------------------------------------------------------------
def test_newer_schema_version_is_refused_clearly() -> None:
    problems = messages(schema_version=model.SCHEMA_VERSION + 1)
    assert problems == {
        "schema_version": (
            f"This file was written by a newer jdeditor (format version "
            f"{model.SCHEMA_VERSION + 1}); this jdeditor reads up to version "
            f"{model.SCHEMA_VERSION}: update jdeditor to open it"
        )
    }


def test_older_schema_version_is_migrated(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pretend next version renamed 'duties' to 'responsibilities': older files still open,
    through every migration in turn (version 1 → 2 adds the dates)."""

    def rename_duties(data: dict[str, Any]) -> dict[str, Any]:
        migrated = dict(data)
        migrated["responsibilities"] = migrated.pop("duties")
        return migrated

    next_version = model.SCHEMA_VERSION + 1
    monkeypatch.setattr(model, "SCHEMA_VERSION", next_version)
    monkeypatch.setitem(model.MIGRATIONS, next_version - 1, rename_duties)
    old = {"schema_version": 1, "title": "Agent", "duties": ["Answer calls"]}
    document = JobDescription.model_validate(old)
    assert document.schema_version == next_version
    assert document.responsibilities == ("Answer calls",)
    assert old["duties"] == ["Answer calls"]  # the caller's data is not modified


def test_missing_schema_version_means_the_first() -> None:
    assert make().schema_version == model.SCHEMA_VERSION
    assert "schema_version" in messages(schema_version=0)


# --- properties -------------------------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(job_descriptions())
def test_json_round_trip(document: JobDescription) -> None:
    assert JobDescription.from_json(document.to_json()) == document


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_title_is_cleaned_or_refused_in_words(title: str) -> None:
    try:
        document = make(title=title)
    except ValidationError as error:
        problems = problems_from_validation_error(error)
        assert [p.dotted_path for p in problems] == ["title"]
        assert problems[0].message.startswith("Job title ")
    else:
        assert document.title == document.title.strip() != ""
        assert "\n" not in document.title
        assert make(title=document.title).title == document.title  # cleaning is idempotent


def test_dates_posted_and_valid_through_are_iso_dates_in_order() -> None:
    document = make(date_posted="2026-11-26", valid_through="2026-12-31")
    assert str(document.valid_through) == "2026-12-31"
    assert '"date_posted": "2026-11-26"' in document.to_json()
    assert messages(valid_through="31/12/2026") == {
        "valid_through": "Apply by is not a date such as 2026-12-31"
    }
    assert messages(date_posted="2026-11-26", valid_through="2026-11-25") == {
        "valid_through": "Apply by must not be before the date posted (2026-11-26)"
    }


def test_a_version_1_file_opens_as_version_2_without_dates() -> None:
    document = JobDescription.model_validate({"schema_version": 1, **BASE})
    assert document.schema_version == model.SCHEMA_VERSION == 2
    assert document.date_posted is None and document.valid_through is None


def test_a_posting_without_dates_is_written_as_version_1_for_older_jdeditors() -> None:
    plain = make()
    assert plain.to_json().startswith('{\n  "schema_version": 1,')
    assert "date_posted" not in plain.to_json()
    assert JobDescription.from_json(plain.to_json()) == plain
    dated = make(valid_through="2027-01-05")
    assert dated.to_json().startswith('{\n  "schema_version": 2,')
    assert JobDescription.from_json(dated.to_json()) == dated


def test_a_direction_override_is_refused_with_its_code() -> None:
    assert messages(title="Agent \u202eevil") == {
        "title": "Job title contains an invisible direction control (U+202E) that can make "
        "text print backwards; retype or remove it"
    }
    assert make(summary="Hebrew \u200fמוקד\u200f marks stay").summary.endswith("marks stay")
