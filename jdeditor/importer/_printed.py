"""What jdeditor's own exports print around the user's text, in every language it prints
postings in, read from the posting catalogue: one source of truth serves export and import.

The msgids below are the ones ``outline.py`` marks for the *posting* catalogue, written here as
plain strings on purpose: ``N_`` in the importer marks sentences of the *messages* catalogue.
``tests/importer/test_chinese.py`` checks that each is still a msgid of the posting catalogue.

Everything is built on first use (``functools.cache``), so importing the importer never reads a
catalogue; each line is matched in time proportional to its length (bounded by ``MAX_LINE``).
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.lists import format_list

from jdeditor.i18n import LANGUAGES, label, posting_gettext
from jdeditor.model import EducationLevel, EmploymentType, Level, WorkArrangement

TAGS = tuple(language.replace("_", "-") for language in LANGUAGES)
"""The BCP 47 tags of the languages postings print in: 'en', 'zh-CN'."""
MAX_LINE = 300
"""Longer text is no line an export prints around a value."""

# --- the posting catalogue's msgids (outline.py) -------------------------------------------------
REQUIRED = "Required: {education}"
PREFERRED = "Preferred: {education}"
FIELDS = "Fields of study: {fields}"
DEGREE_IN = "{degree} in {fields}"
IN_PLACE = "Substantial relevant experience can take the place of formal education"
YEARS = (
    "At least {years} year of relevant experience",
    "At least {years} years of relevant experience",
)
EMAIL = "Email: {address}"
APPLY_ONLINE = "Apply online: {address}"
APPLY_BY = "Apply by {date}"
PAY_LINES = {
    "year": "{amounts} per year",
    "month": "{amounts} per month",
    "hour": "{amounts} per hour",
}
HEADINGS = {
    "summary": "About the role",
    "responsibilities": "Responsibilities",
    "required_qualifications": "Required qualifications",
    "preferred_qualifications": "Preferred qualifications",
    "skills": "Skills",
    "education_experience": "Education and experience",
    "certifications": "Certifications",
    "kpis": "How success is measured",
    "benefits": "Benefits",
    "company": "About the company",
    "how_to_apply": "How to apply",
    "equal_opportunity": "Equal-opportunity statement",
}
"""The outline's section keys and headings; 'About {company}' is read by ``_sections``."""
MSGIDS = (
    REQUIRED,
    PREFERRED,
    FIELDS,
    DEGREE_IN,
    IN_PLACE,
    *YEARS,
    EMAIL,
    APPLY_ONLINE,
    APPLY_BY,
    *PAY_LINES.values(),
    *HEADINGS.values(),
)

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "ZZ", "XA", "XB", "QO"})


@cache
def translations(msgid: str) -> tuple[tuple[str, str], ...]:
    """(tag, wording) of ``msgid`` in each language, each wording once: English first."""
    found: dict[str, str] = {}
    for tag in TAGS:
        found.setdefault(posting_gettext(tag)(msgid), tag)
    return tuple((tag, wording) for wording, tag in found.items())


def _literal(text: str) -> str:
    """A template's fixed words as a pattern: any spacing, either form of ':' and ','."""
    parts: list[str] = []
    for char in text:
        if char.isspace():
            if parts[-1:] != [r"\s*"]:
                parts.append(r"\s*")
        elif char in ":：":
            parts.append("[:：]")
        elif char in ",，":
            parts.append("[,，]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


@cache
def _pattern(template: str, groups: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    given = dict(groups)
    parts: list[str] = []
    position = 0
    for found in _PLACEHOLDER.finditer(template):
        parts.append(_literal(template[position : found.start()]))
        name = found.group(1)
        parts.append(f"(?P<{name}>{given.get(name, '.+')})")
        position = found.end()
    parts.append(_literal(template[position:]))
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def plain(text: str) -> str:
    """Text as the patterns read it: straight apostrophes, no spaces around it."""
    return text.replace("’", "'").strip()


def match(msgid: str, text: str, **groups: str) -> tuple[str, dict[str, str]] | None:
    """(tag, values) when ``text`` is the line ``msgid`` prints in some language, else None.

    ``groups`` give a placeholder a pattern of its own (its choices); the rest take any text.
    """
    if len(text) > MAX_LINE:
        return None
    text = plain(text)
    key = tuple(sorted(groups.items()))
    for tag, wording in translations(msgid):
        found = _pattern(plain(wording), key).fullmatch(text)
        if found:
            return tag, {name: value.strip() for name, value in found.groupdict().items()}
    return None


def label_prefixes(msgid: str) -> tuple[str, ...]:
    """The words before a line's only value, as patterns: 'Email[:：]\\s*', '电子邮箱[:：]'."""
    return tuple(
        _literal(wording.partition("{")[0].strip())
        for _, wording in translations(msgid)
        if wording.partition("{")[0].strip()
    )


def label_words(msgid: str) -> tuple[str, ...]:
    """The label of a 'Label: {value}' line without its colon: 'Email', '电子邮箱'."""
    return tuple(
        wording.partition("{")[0].strip().rstrip(":：").strip()
        for _, wording in translations(msgid)
        if wording.partition("{")[0].strip()
    )


# --- choices --------------------------------------------------------------------------------------
def _labels(choices: type[StrEnum]) -> dict[str, str]:
    return {
        plain(label(member, tag)).casefold(): member.value for tag in TAGS for member in choices
    }


@cache
def choice_labels() -> dict[str, tuple[str, str]]:
    """A choice's label in any language ('Full-time', '全职', '初级') → (field path, value)."""
    found: dict[str, tuple[str, str]] = {}
    for path, choices in (
        ("level", Level),
        ("employment_type", EmploymentType),
        ("work_arrangement", WorkArrangement),
    ):
        found |= {text: (path, value) for text, value in _labels(choices).items()}
    return found


@cache
def education_labels() -> dict[str, str]:
    """An education level's label in any language ('本科学历') → its value."""
    return _labels(EducationLevel)


@cache
def _degree_choices() -> str:
    names = sorted(education_labels(), key=len, reverse=True)
    return "|".join(re.escape(name) for name in names)


# --- lists ----------------------------------------------------------------------------------------
@cache
def _separators(tag: str) -> re.Pattern[str]:
    """Where CLDR's 'or' list of the language parts items: ', ', ', or ', ' or '; '、', '或'."""
    try:
        locale = Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        locale = Locale("en")
    found: set[str] = set()
    for count in (2, 3, 4):
        marks = [f"\x00{index}\x00" for index in range(count)]
        text = format_list(marks, style="or", locale=locale)
        found |= {part for part in re.split(r"\x00\d\x00", text) if part}
    ordered = sorted(found, key=len, reverse=True)
    return re.compile("|".join(re.escape(part) for part in ordered), re.IGNORECASE)


def split_list(text: str, tag: str) -> list[str]:
    """'management, business, or a related field' / '管理学、传播学或相关' → the items."""
    return [part.strip() for part in _separators(tag).split(text) if part.strip()]


# --- places ---------------------------------------------------------------------------------------
@cache
def _countries_first() -> dict[str, str]:
    """Country names in the languages that name a place largest part first (CLDR's Chinese)."""
    names: dict[str, str] = {}
    for tag in TAGS:
        locale = Locale.parse(tag, sep="-")
        if locale.language != "zh":
            continue
        for code, name in locale.territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                names.setdefault(name, code)
    return names


_PLACE_WORD = "省市县区州旗镇乡"


def country_prefix(text: str) -> tuple[str, str]:
    """('US', '加州丹佛') for '美国加州丹佛': a country named before the rest of a place, as
    Chinese names one; ('', text) when no country name starts it ('黑山县' is no country)."""
    names = _countries_first()
    longest = max(map(len, names), default=0)
    for size in range(min(longest, len(text)), 1, -1):
        code = names.get(text[:size])
        rest = text[size:].lstrip(" ，,")
        if code and not rest.startswith(tuple(_PLACE_WORD)):
            return code, rest
    return "", text


# --- pay ------------------------------------------------------------------------------------------
@cache
def pay_words() -> dict[str, str]:
    """The words of a pay line besides its amounts, case-folded: '年薪' → 'year', 'per hour'."""
    found: dict[str, str] = {}
    for period, msgid in PAY_LINES.items():
        for _, wording in translations(msgid):
            for part in _PLACEHOLDER.split(wording)[::2]:
                if part.strip():
                    found[part.strip().casefold()] = period
    return found


@cache
def pay_lead_words() -> dict[str, str]:
    """The words a pay line prints before its amounts, case-folded: '年薪' → 'year'."""
    found: dict[str, str] = {}
    for period, msgid in PAY_LINES.items():
        for _, wording in translations(msgid):
            lead = wording.partition("{")[0].strip()
            if lead:
                found[lead.casefold()] = period
    return found


# --- education and experience lines -----------------------------------------------------------
def education_line(text: str) -> dict[str, Any] | None:
    """The facts of an education or experience line an export prints, by field path, or None.

    'Required: High school diploma or equivalent', '优先：管理学、传播学或相关专业本科学历',
    '专业：管理学或传播学', '3 年以上相关工作经验', '具备丰富相关经验者，学历要求可放宽'.
    """
    if len(text) > MAX_LINE:
        return None
    if match(IN_PLACE, text):
        return {"education.experience_in_place_of_education": True}
    for msgid in YEARS:
        if found := match(msgid, text, years=r"\d{1,2}(?:\.\d+)?"):
            return {"experience.minimum_years": float(found[1]["years"])}
    if found := match(FIELDS, text):
        tag, values = found
        return {"education.fields_of_study": _fields(values["fields"], tag)}
    for msgid, path in ((REQUIRED, "minimum_level"), (PREFERRED, "preferred_level")):
        if found := match(msgid, text):
            return _degree(found[1]["education"], f"education.{path}")
    return None


def _degree(text: str, path: str) -> dict[str, Any] | None:
    level = education_labels().get(text.casefold())
    if level is not None:
        return {path: level}
    found = match(DEGREE_IN, text, degree=_degree_choices())
    if found is None:
        return None
    tag, values = found
    return {
        path: education_labels()[values["degree"].casefold()],
        "education.fields_of_study": _fields(values["fields"], tag),
    }


_ARTICLES = ("a ", "an ", "any ", "the ", "other ", "another ", "similar ", "related ")


def _fields(text: str, tag: str) -> list[str]:
    """The fields of study a line lists; English ones capitalised again (the export lower-cases
    them inside its sentence), 'a related field' as written."""
    fields = split_list(text, tag)
    return [
        field if field.lower().startswith(_ARTICLES) else field[:1].upper() + field[1:]
        for field in fields
    ][:20]
