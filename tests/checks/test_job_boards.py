"""Job-board readiness: what Google for Jobs needs to list the posting."""

from __future__ import annotations

from jdeditor.checks import Context
from jdeditor.checks.job_boards import check
from jdeditor.model import JobDescription


def _codes(**changes: object) -> set[str]:
    ready = JobDescription.model_validate(
        {
            "title": "Agent",
            "responsibilities": ["Answer calls"],
            "summary": "Answer customers' calls.",
            "employment_type": "full-time",
            "location": {"locality": "Denver", "region": "CO", "country": "US"},
            "company": {"name": "Acme"},
            "how_to_apply": {"email": "jobs@example.com"},
        }
    )
    return {f.code for f in check(ready.model_copy(update=changes), Context())}


def test_a_complete_posting_is_ready() -> None:
    assert _codes() == set()


def test_each_missing_property_is_named() -> None:
    assert _codes(company=JobDescription.model_fields["company"].default) == {
        "job-boards.no-company"
    }
    assert _codes(employment_type=None) == {"job-boards.no-employment-type"}
    assert _codes(summary="") == {"job-boards.no-summary"}
    assert _codes(how_to_apply=JobDescription.model_fields["how_to_apply"].default) == {
        "job-boards.no-way-to-apply"
    }


def test_a_location_needs_a_place_and_a_country_unless_remote() -> None:
    from jdeditor.model import Location, WorkArrangement

    assert _codes(location=Location(country="US")) == {"job-boards.no-location"}
    assert _codes(location=Location(locality="Denver")) == {"job-boards.no-location"}
    remote = WorkArrangement.REMOTE
    assert _codes(location=Location(country="US"), work_arrangement=remote) == set()
    assert _codes(location=Location(), work_arrangement=remote) == {
        "job-boards.no-applicant-location"
    }


def test_a_placeholder_is_left_to_the_placeholder_warning() -> None:
    from jdeditor.model import Company

    assert _codes(company=Company(name="[Company name]")) == set()


def test_a_past_apply_by_date_is_advised() -> None:
    from datetime import date

    from jdeditor.checks import Context

    posting = JobDescription(
        title="Agent", responsibilities=("Answer calls",), valid_through=date(2026, 1, 31)
    )
    codes = {f.code for f in check(posting, Context(today=date(2026, 2, 1)))}
    assert "job-boards.expired" in codes
    assert "job-boards.expired" not in {
        f.code for f in check(posting, Context(today=date(2026, 1, 31)))
    }
