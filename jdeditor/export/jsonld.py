"""Posting → schema.org ``JobPosting`` JSON-LD, as Google for Jobs reads it.

Follows Google Search Central's job-posting structured-data guide: the required properties
(``title``, ``description``, ``datePosted``, ``hiringOrganization``, ``jobLocation`` or, for a
fully remote job, ``jobLocationType`` TELECOMMUTE with ``applicantLocationRequirements``) and
the recommended ones (``baseSalary``, ``employmentType``, ``validThrough``), then the schema.org
properties the model holds as well (skills, qualifications, responsibilities, benefits, …).

Decisions:

* Text is printed as every other format prints it (typographic quotes, "[Company name]" as the
  company's name: ``outline.build_outline``).
* ``description`` is the posting's body as HTML in the tags Google lists for it (``p``, ``ul``,
  ``li``, ``h2``, ``strong``): the meta line (company · department · location · type ·
  arrangement, so a hybrid job says "Hybrid" where Google has no property for it), the pay line,
  then every section in the outline's order. Addresses are written out: no ``a`` tags.
* A value that is nothing but a placeholder ("[City]", "[Company name]" with no company, a
  "[Benefit, e.g. …]" bullet) is left out of the structured properties: a job board must not
  list "[City]" as the city. The description keeps it, as the page shows it, and the
  placeholder check warns about it before anything is published.
* Empty properties are left out, never written as "" or [].
* ``validThrough`` is the end of the apply-by day (23:59:59, no time zone: the posting's own).
* ``industry`` is "Call center": every posting this editor writes is a contact-center job,
  whatever the employer's own industry; ``occupationalCategory`` is left out (an O*NET code
  cannot be told reliably from a title).
* ``directApply`` is false: the posting sends applicants to an address or a link elsewhere.
* The text is safe to paste inside ``<script type="application/ld+json">``: ``</`` is written
  ``<\\/`` and ``<!--`` as ``\\u003c!--`` (both the same JSON string to any JSON reader).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Any

from jdeditor._text import typeset
from jdeditor.checks import PLACEHOLDER, company_for_placeholder, fill_company
from jdeditor.i18n import N_, posting_gettext
from jdeditor.model import EducationLevel, EmploymentType, JobDescription, WorkArrangement
from jdeditor.outline import Bullets, Link, Outline, Paragraph, build_outline

if TYPE_CHECKING:
    from jdeditor.export.formats import ExportOptions

Printer = Callable[[str], str]

INDUSTRY = N_("Call center")

EMPLOYMENT_TYPES = {
    EmploymentType.FULL_TIME: "FULL_TIME",
    EmploymentType.PART_TIME: "PART_TIME",
    EmploymentType.CONTRACT: "CONTRACTOR",
    EmploymentType.TEMPORARY: "TEMPORARY",
    EmploymentType.INTERNSHIP: "INTERN",
}

# Google's credentialCategory values; "no requirements" is Google's word for none.
CREDENTIALS = {
    EducationLevel.HIGH_SCHOOL: "high school",
    EducationLevel.ASSOCIATE: "associate degree",
    EducationLevel.BACHELOR: "bachelor degree",
    EducationLevel.MASTER: "postgraduate degree",
    EducationLevel.DOCTORATE: "postgraduate degree",
}
NO_REQUIREMENTS = "no requirements"


def render(document: JobDescription, options: ExportOptions) -> bytes:
    """The export registry's entry: UTF-8 JSON, indented, ending in a newline."""
    return dumps(job_posting(document, options.today)).encode("utf-8")


def dumps(data: dict[str, Any]) -> str:
    """JSON text that can also stand inside an HTML ``<script>`` element as it is."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--") + "\n"


def job_posting(document: JobDescription, today: date) -> dict[str, Any]:
    """The posting as a schema.org ``JobPosting`` (a JSON-ready dict, empty values left out)."""
    outline = build_outline(document)
    printed = _printer(document)
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": outline.title,
        "description": description_html(outline),
        "datePosted": (document.date_posted or today).isoformat(),
    }
    if document.valid_through is not None:
        data["validThrough"] = f"{document.valid_through.isoformat()}T23:59:59"
    if document.employment_type is not None:
        data["employmentType"] = EMPLOYMENT_TYPES[document.employment_type]
    data["hiringOrganization"] = _organization(document, printed)
    data |= _location(document, printed)
    data["baseSalary"] = _salary(document)
    data["educationRequirements"] = _education(document)
    data["experienceRequirements"] = _experience(document, printed)
    if document.education.experience_in_place_of_education:
        data["experienceInPlaceOfEducation"] = True
    data["qualifications"] = _values(document.required_qualifications, printed)
    data["responsibilities"] = _values(document.responsibilities, printed)
    data["skills"] = _values(document.skills, printed)
    data["jobBenefits"] = _values(document.benefits, printed)
    data["employerOverview"] = _value(document.company.about, printed)
    data["industry"] = posting_gettext(document.language)(INDUSTRY)
    data["directApply"] = False
    data["applicationContact"] = _contact(document)
    return {key: value for key, value in data.items() if value not in ("", [], {}, None)}


def description_html(outline: Outline) -> str:
    """The posting's body as the HTML Google wants in ``description``."""
    parts = []
    if outline.meta:
        parts.append(f"<p>{escape(' · '.join(outline.meta))}</p>")
    if outline.pay:
        parts.append(f"<p><strong>{escape(outline.pay)}</strong></p>")
    for section in outline.sections:
        parts.append(f"<h2>{escape(section.heading)}</h2>")
        for block in section.blocks:
            if isinstance(block, Bullets):
                items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
                parts.append(f"<ul>{items}</ul>")
            else:
                parts.append(f"<p>{escape(_plain(block))}</p>")
    return "".join(parts)


def _plain(paragraph: Paragraph) -> str:
    """A paragraph's text with web addresses written out in full (nothing to click)."""
    return "".join(_address(run) if isinstance(run, Link) else run for run in paragraph.runs)


def _address(link: Link) -> str:
    return link.text if link.target.startswith("mailto:") else link.target


# --- values -------------------------------------------------------------------------------------
def _printer(document: JobDescription) -> Printer:
    """Text as every renderer prints it (``outline._prose_document``): the company's name for
    its placeholder, typographic quotes in the posting's language."""
    company = company_for_placeholder(document)

    def printed(text: str) -> str:
        return typeset(fill_company(text, company), document.language)

    return printed


def is_placeholder(text: str) -> bool:
    """True for text that is nothing but a ``[placeholder]``."""
    return PLACEHOLDER.fullmatch(text.strip()) is not None


def _value(text: str, printed: Printer) -> str:
    value = printed(text)
    return "" if not value.strip() or is_placeholder(value) else value


def _values(items: tuple[str, ...], printed: Printer) -> list[str]:
    return [value for value in (_value(item, printed) for item in items) if value]


def _organization(document: JobDescription, printed: Printer) -> dict[str, Any]:
    organization = {
        "@type": "Organization",
        "name": _value(document.company.name, printed),
        "sameAs": document.company.website,
    }
    return _filled(organization)


def _location(document: JobDescription, printed: Printer) -> dict[str, Any]:
    where = document.location
    if document.work_arrangement == WorkArrangement.REMOTE:
        remote: dict[str, Any] = {"jobLocationType": "TELECOMMUTE"}
        if where.country:
            remote["applicantLocationRequirements"] = {"@type": "Country", "name": where.country}
        return remote
    address = _filled(
        {
            "@type": "PostalAddress",
            "addressLocality": _value(where.locality, printed),
            "addressRegion": _value(where.region, printed),
            "addressCountry": where.country,
        }
    )
    return {"jobLocation": {"@type": "Place", "address": address}} if address else {}


def _salary(document: JobDescription) -> dict[str, Any]:
    salary = document.salary
    if salary is None:
        return {}
    value: dict[str, Any] = {"@type": "QuantitativeValue"}
    single = salary.maximum is None or salary.maximum == salary.minimum
    if salary.open_ended or not single:
        value["minValue"] = _number(salary.minimum)
        if not salary.open_ended and salary.maximum is not None:
            value["maxValue"] = _number(salary.maximum)
    else:
        value["value"] = _number(salary.minimum)
    value["unitText"] = salary.period.name
    return {"@type": "MonetaryAmount", "currency": salary.currency, "value": value}


def _number(amount: Decimal) -> int | float:
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _education(document: JobDescription) -> dict[str, Any] | str:
    level = document.education.minimum_level
    if level is None:
        return ""
    if level == EducationLevel.NONE:
        return NO_REQUIREMENTS
    return {"@type": "EducationalOccupationalCredential", "credentialCategory": CREDENTIALS[level]}


def _experience(document: JobDescription, printed: Printer) -> dict[str, Any] | str:
    years = document.experience.minimum_years
    described = _value(" ".join(document.experience.description.split()), printed)
    if years is None:
        return described
    if years == 0 and not described:
        return NO_REQUIREMENTS
    requirement: dict[str, Any] = {"@type": "OccupationalExperienceRequirements"}
    requirement["monthsOfExperience"] = round(years * 12)
    if described:
        requirement["description"] = described
    return requirement


def _contact(document: JobDescription) -> dict[str, Any]:
    apply = document.how_to_apply
    return _filled({"@type": "ContactPoint", "email": apply.email, "url": apply.url})


def _filled(thing: dict[str, Any]) -> dict[str, Any]:
    """``thing`` without its empty values, or {} when only its ``@type`` is left."""
    values = {key: value for key, value in thing.items() if value}
    return values if set(values) - {"@type"} else {}
