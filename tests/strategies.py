"""Hypothesis strategies for valid job descriptions, shared by the model and renderer tests."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from jdeditor.model import (
    AMOUNT_MAX,
    EducationLevel,
    EmploymentType,
    JobDescription,
    Level,
    PayPeriod,
    WorkArrangement,
)

# Letters (Latin, CJK, …), digits, punctuation, symbols and plain spaces: what people type.
_CHARACTERS = st.characters(
    categories=["L", "N", "P", "S", "Zs"], exclude_characters="\x85\u2028\u2029"
)


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip()).casefold()


def line(max_size: int = 40, *, min_size: int = 0) -> st.SearchStrategy[str]:
    text = st.text(_CHARACTERS, max_size=max_size)
    return text.filter(lambda s: len(s.strip()) >= min_size)


def paragraph(max_size: int = 200) -> st.SearchStrategy[str]:
    return st.lists(line(60), max_size=4).map("\n\n".join).filter(lambda s: len(s) <= max_size)


def items(max_size: int = 6, *, min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(line(60, min_size=1), min_size=min_size, max_size=max_size, unique_by=_key)


def _choice(enum: Any) -> st.SearchStrategy[Any]:
    return st.none() | st.sampled_from(list(enum))


_LABEL = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)
_DOMAIN = st.builds("{}.{}".format, _LABEL, st.sampled_from(["com", "org", "cn", "de"]))


@st.composite
def _salary(draw: st.DrawFn) -> dict[str, Any]:
    amounts = st.decimals(min_value=Decimal("0.01"), max_value=AMOUNT_MAX, places=2)
    low, high = sorted([draw(amounts), draw(amounts)])
    return {
        "minimum": low,
        "maximum": draw(st.none() | st.just(high)),
        "open_ended": draw(st.booleans()),
        "currency": draw(st.sampled_from(["USD", "EUR", "CNY", "JPY", "GBP", "INR"])),
        "period": draw(st.sampled_from(list(PayPeriod))),
        "note": draw(line(40)),
    }


@st.composite
def _education(draw: st.DrawFn) -> dict[str, Any]:
    levels = list(EducationLevel)
    minimum = draw(st.none() | st.sampled_from(levels))
    allowed = levels if minimum is None else levels[minimum.rank :]
    return {
        "minimum_level": minimum,
        "preferred_level": draw(st.none() | st.sampled_from(allowed)),
        "fields_of_study": draw(items(3)),
        "experience_in_place_of_education": draw(st.booleans()),
    }


@st.composite
def job_descriptions(draw: st.DrawFn) -> JobDescription:
    """Any valid posting: every field drawn, optional ones sometimes left empty."""
    data = {
        "language": draw(st.sampled_from(["en", "en-US", "en-GB", "zh-CN", "de-DE", "ja"])),
        "title": draw(line(60, min_size=1)),
        "level": draw(_choice(Level)),
        "department": draw(line()),
        "location": {
            "locality": draw(line()),
            "region": draw(line()),
            "country": draw(st.sampled_from(["", "US", "CN", "DE", "GB"])),
        },
        "employment_type": draw(_choice(EmploymentType)),
        "work_arrangement": draw(_choice(WorkArrangement)),
        "summary": draw(paragraph()),
        "responsibilities": draw(items(min_size=1)),
        "required_qualifications": draw(items()),
        "preferred_qualifications": draw(items()),
        "skills": draw(items()),
        "education": draw(_education()),
        "experience": {
            "minimum_years": draw(st.none() | st.integers(0, 100).map(lambda n: n / 2)),
            "description": draw(paragraph()),
        },
        "certifications": draw(items()),
        "kpis": draw(items()),
        "salary": draw(st.none() | _salary()),
        "benefits": draw(items()),
        "company": {
            "name": draw(line()),
            "about": draw(paragraph()),
            "website": draw(st.just("") | _DOMAIN.map("https://{}/jobs".format)),
        },
        "how_to_apply": {
            "instructions": draw(paragraph()),
            "email": draw(st.just("") | st.builds("{}@{}".format, _LABEL, _DOMAIN)),
            "url": draw(st.just("") | _DOMAIN.map("https://{}/apply".format)),
        },
        "equal_opportunity": draw(paragraph()),
    }
    posted = draw(st.none() | st.dates(date(2020, 1, 1), date(2035, 12, 31)))
    data["date_posted"] = posted
    low = posted or date(2020, 1, 1)
    data["valid_through"] = draw(st.none() | st.dates(low, date(2036, 12, 31)))
    return JobDescription.model_validate(data)
