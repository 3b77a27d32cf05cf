"""Job-board readiness: what schema.org ``JobPosting`` and Google for Jobs need to list a posting.

Google's structured-data guidelines for job postings (developers.google.com/search/docs/
appearance/structured-data/job-posting) require ``title``, ``description``, ``datePosted``,
``hiringOrganization`` and ``jobLocation`` (or, for a fully remote job,
``applicantLocationRequirements`` with ``jobLocationType`` TELECOMMUTE), and recommend
``baseSalary``, ``employmentType``, ``validThrough`` and ``identifier``.

Title and description cannot be missing from a valid posting; pay is the pay-transparency
family's; placeholders left are the placeholders family's (a warning); ``datePosted`` and
``validThrough`` are not in the model yet (the formats issue adds them with the JSON-LD export).
"""

from __future__ import annotations

from jdeditor.checks._core import Context, Finding, Severity
from jdeditor.checks._labels import Choice
from jdeditor.i18n import N_
from jdeditor.model import JobDescription, WorkArrangement

_SOURCE = N_("Google Search Central, Job posting structured data (JobPosting), required properties")
_SOURCE_RECOMMENDED = N_(
    "Google Search Central, Job posting structured data (JobPosting), recommended properties"
)


def _blank(text: str) -> bool:
    """Empty: a field holding a placeholder is the placeholder check's warning, not ours."""
    return not text.strip()


def check(document: JobDescription, context: Context) -> list[Finding]:
    findings = []
    if _blank(document.company.name):
        findings.append(
            Finding(
                "job-boards.no-company",
                Severity.ADVICE,
                ("company", "name"),
                N_(
                    "Job boards need the hiring company's name (hiringOrganization): fill in "
                    "the company name"
                ),
                reference=_SOURCE,
            )
        )
    place = document.location
    remote = document.work_arrangement == WorkArrangement.REMOTE
    if remote and not place.country:
        findings.append(
            Finding(
                "job-boards.no-applicant-location",
                Severity.ADVICE,
                ("location", "country"),
                N_(
                    "A remote job needs the country applicants may work from "
                    "(applicantLocationRequirements) for Google for Jobs to list it: choose a "
                    "country"
                ),
                reference=_SOURCE,
            )
        )
    elif not remote and (not place.country or (_blank(place.locality) and _blank(place.region))):
        missing = ("location", "country") if not place.country else ("location", "locality")
        findings.append(
            Finding(
                "job-boards.no-location",
                Severity.ADVICE,
                missing,
                N_(
                    "Job boards need where the job is (jobLocation: at least the city or region "
                    "and the country), or the work arrangement set to {remote}"
                ),
                reference=_SOURCE,
                params={"remote": Choice(WorkArrangement.REMOTE)},
            )
        )
    if document.employment_type is None:
        findings.append(
            Finding(
                "job-boards.no-employment-type",
                Severity.ADVICE,
                ("employment_type",),
                N_(
                    "Job boards filter by employment type (employmentType): choose full-time, "
                    "part-time, contract, …"
                ),
                reference=_SOURCE_RECOMMENDED,
            )
        )
    if _blank(document.summary):
        findings.append(
            Finding(
                "job-boards.no-summary",
                Severity.ADVICE,
                ("summary",),
                N_(
                    "Job boards show the opening of the description in search results: write a "
                    "short summary of the role"
                ),
                reference=_SOURCE,
            )
        )
    if (
        _blank(document.how_to_apply.email)
        and _blank(document.how_to_apply.url)
        and _blank(document.how_to_apply.instructions)
    ):
        findings.append(
            Finding(
                "job-boards.no-way-to-apply",
                Severity.ADVICE,
                ("how_to_apply", "instructions"),
                N_("The posting does not say how to apply: add an email, a link or instructions"),
                reference=N_(
                    "Job boards (Indeed, LinkedIn) need an application address, link or "
                    "instructions"
                ),
            )
        )
    if document.valid_through is not None and document.valid_through < context.today:
        findings.append(
            Finding(
                "job-boards.expired",
                Severity.ADVICE,
                ("valid_through",),
                N_(
                    "The last day to apply ({date}) has passed: job boards drop an expired "
                    "posting; move the date or clear it"
                ),
                reference=_SOURCE_RECOMMENDED,
                params={"date": document.valid_through.isoformat()},
            )
        )
    return findings
