"""A schema.org JobPosting (JSON-LD, as Google for Jobs reads it) as the facts it states.

Only plain values are taken: strings, numbers, and the nested objects the vocabulary defines.
``description`` (HTML) is read as the posting's body by the HTML reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from jdeditor.checks._message import Message, term
from jdeditor.i18n import N_
from jdeditor.importer._blocks import clean_text
from jdeditor.model import AMOUNT_MAX

_EMPLOYMENT = {
    "FULL_TIME": "full-time", "PART_TIME": "part-time", "CONTRACTOR": "contract",
    "TEMPORARY": "temporary", "INTERN": "internship", "PER_DIEM": "temporary",
}  # fmt: skip
_PERIODS = {"YEAR": "year", "MONTH": "month", "HOUR": "hour", "WEEK": "week", "DAY": "day"}
_CREDENTIALS = [
    ("doctorate", r"doctor|ph\.?d"),
    ("master", r"postgraduate|master"),
    ("bachelor", r"bachelor"),
    ("associate", r"associate"),
    ("high-school", r"high ?school|secondary"),
]
_NUMBER_CHARS = 40
"""A pay amount or a count of months is a few characters; a longer "number" is not one."""
LISTS = {
    "responsibilities": "responsibilities",
    "qualifications": "required_qualifications",
    "skills": "skills",
    "jobBenefits": "benefits",
}


@dataclass
class Posting:
    title: str = ""
    description: str = ""
    language: str = ""
    date_posted: date | None = None
    valid_through: date | None = None
    employment_type: str = ""
    work_arrangement: str = ""
    location: dict[str, str] = field(default_factory=dict)
    company: dict[str, str] = field(default_factory=dict)
    salary: dict[str, Any] = field(default_factory=dict)
    education: str = ""
    years: float | None = None
    in_place_of_education: bool | None = None
    lists: dict[str, str | list[str]] = field(default_factory=dict)
    apply_url: str = ""
    apply_email: str = ""


def read_posting(data: dict[str, Any]) -> Posting:
    """The facts of a JobPosting object; anything of the wrong shape is left out."""
    posting = Posting()
    posting.title = _text(data.get("title"))
    posting.description = _text(data.get("description"), html=True)
    posting.language = _text(data.get("inLanguage"))
    posting.date_posted = _date(data.get("datePosted"))
    posting.valid_through = _date(data.get("validThrough"))
    kinds = [str(kind).upper() for kind in _as_list(data.get("employmentType"))]
    posting.employment_type = next((_EMPLOYMENT[k] for k in kinds if k in _EMPLOYMENT), "")
    if str(data.get("jobLocationType", "")).upper() == "TELECOMMUTE":
        posting.work_arrangement = "remote"
    posting.location = _location(data)
    posting.company = _organisation(data)
    posting.salary = _salary(data.get("baseSalary"))
    posting.education = _education(data.get("educationRequirements"))
    posting.years = _months(data.get("experienceRequirements"))
    if isinstance(data.get("experienceInPlaceOfEducation"), bool):
        posting.in_place_of_education = data["experienceInPlaceOfEducation"]
    for name, key in LISTS.items():
        value = data.get(name)
        if isinstance(value, str) and value.strip():
            posting.lists[key] = value
        elif isinstance(value, list):
            posting.lists[key] = [_text(item) for item in value if _text(item)]
    if isinstance(data.get("url"), str) and data.get("directApply") is True:
        posting.apply_url = _text(data["url"])
    contact = data.get("applicationContact")
    if isinstance(contact, dict):
        posting.apply_url = posting.apply_url or _text(contact.get("url"))
        posting.apply_email = _text(contact.get("email"))
    return posting


def _location(data: dict[str, Any]) -> dict[str, str]:
    place: dict[str, str] = {}
    for where in _as_list(data.get("jobLocation"))[:1]:
        address = where.get("address") if isinstance(where, dict) else None
        if isinstance(address, dict):
            place = _address(address)
    for requirement in _as_list(data.get("applicantLocationRequirements"))[:1]:
        if isinstance(requirement, dict) and requirement.get("name"):
            place.setdefault("country_name", _text(requirement.get("name")))
    return place


def _organisation(data: dict[str, Any]) -> dict[str, str]:
    organisation = data.get("hiringOrganization")
    company: dict[str, str] = {}
    if isinstance(organisation, dict):
        company = {
            "name": _text(organisation.get("name")),
            "website": _text(organisation.get("sameAs") or organisation.get("url")),
            "about": _text(organisation.get("description"), html=True),
        }
    elif isinstance(organisation, str):
        company = {"name": clean_text(organisation)}
    if about := _text(data.get("employerOverview"), html=True):
        company["about"] = about
    return company


def _as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else [value] if value is not None else []


def _text(value: object, *, html: bool = False) -> str:
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return ""
    text = str(value)[:100_000]
    return text.strip() if html else clean_text(text)


def _date(value: object) -> date | None:
    text = _text(value)
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _address(address: dict[str, Any]) -> dict[str, str]:
    place = {
        "locality": _text(address.get("addressLocality")),
        "region": _text(address.get("addressRegion")),
    }
    country = address.get("addressCountry")
    place["country_name"] = _text(country)
    return {key: value for key, value in place.items() if value}


def _number(value: object) -> Decimal | None:
    """A JSON number, or a string holding one ('45,000'); None for anything else.

    The number may be huge ('1e999999' is a finite Decimal): compare it, never make it an int
    (a million digits take minutes) before ``_salary`` has refused it."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    text = str(value).replace(",", "").strip()
    if len(text) > _NUMBER_CHARS:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _salary(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        return {}
    amount = value.get("value")
    currency = _text(value.get("currency")).upper()
    if isinstance(amount, dict):
        low = _number(amount.get("minValue", amount.get("value")))
        high = _number(amount.get("maxValue"))
        period = _PERIODS.get(_text(amount.get("unitText")).upper(), "")
    else:
        low, high, period = _number(amount), None, ""
    if any(amount is not None and abs(amount) > AMOUNT_MAX for amount in (low, high)):
        problem = Message(
            N_("states an amount over {limit}, more than pay can be; left out"),
            limit=f"{AMOUNT_MAX:,}",
        )
        return {"problem": problem}
    if low is None and high is not None:
        return {"problem": term(N_("names only a top amount (maxValue)")), "maximum": high}
    if low is None:
        return {}
    return {"minimum": low, "maximum": high, "currency": currency, "period": period}


def _education(value: object) -> str:
    for item in _as_list(value):
        text = _text(item.get("credentialCategory") if isinstance(item, dict) else item).lower()
        for level, pattern in _CREDENTIALS:
            if re.search(pattern, text):
                return level
    return ""


def _months(value: object) -> float | None:
    for item in _as_list(value):
        if isinstance(item, dict):
            months = _number(item.get("monthsOfExperience"))
            if months is not None and 0 < months <= 600:
                return round(float(months) / 12 * 2) / 2
    return None
