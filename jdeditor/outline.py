"""Model → outline: the one place that decides what a posting contains and in which order.

Every renderer (text, Word, the window's HTML preview, later Markdown and PDF) walks the same
``Outline``, so they all show the same content in the same order. The outline is plain data:
strings, tuples and small frozen dataclasses, nothing that knows a file format.
Empty sections are left out, never rendered as an empty heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from babel.numbers import format_currency

from jdeditor._text import join_cjk, typeset
from jdeditor.checks import company_for_placeholder, fill_company
from jdeditor.i18n import N_, label, long_date, posting_gettext
from jdeditor.model import EducationLevel, JobDescription, PayPeriod, SalaryRange


@dataclass(frozen=True, slots=True)
class Link:
    """A clickable piece of text: a web address or a ``mailto:`` address."""

    text: str
    target: str


Run = str | Link


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(run if isinstance(run, str) else run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]


Block = Paragraph | Bullets


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    """Stable identifier (``"responsibilities"``), for styling and tests; not shown."""
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Properties:
    """What a file says about itself (Word's document properties, HTML's meta tags)."""

    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Outline:
    title: str
    meta: tuple[str, ...]
    """The one-line subtitle parts: company · department · location · type · arrangement."""
    pay: str
    """The pay line as people read it, '$32,000 – $35,000 per year', or '' when no pay is set."""
    sections: tuple[Section, ...]
    language: str
    """BCP 47 tag of the posting's text."""
    territory: str
    """ISO country of the posting's locale ('US'), or '' if neither language nor location say."""
    company: str
    properties: Properties

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)


_last_outline: tuple[JobDescription, Outline] | None = None


def build_outline(document: JobDescription) -> Outline:
    """The ordered content of a posting, ready for any renderer.

    Straight quotes and apostrophes in the user's text come out typographic, in the marks of
    the posting's language (links and addresses as typed), so every format prints them alike;
    "[Company name]" comes out as the Company field's name once there is one.

    Remembers its last answer by identity (postings are immutable): exporting one posting to
    six formats builds its outline once.
    """
    global _last_outline  # noqa: PLW0603 - a one-entry cache
    if _last_outline is not None and _last_outline[0] is document:
        return _last_outline[1]
    outline = _build_outline(document)
    _last_outline = (document, outline)
    return outline


def _build_outline(original: JobDescription) -> Outline:
    document = _prose_document(original)
    locale = babel_locale(document.language)
    t = posting_gettext(document.language)
    company = document.company.name
    candidates = [
        _section("summary", t(N_("About the role")), _paragraphs(document.summary)),
        _bullet_section("responsibilities", t(N_("Responsibilities")), document.responsibilities),
        _bullet_section(
            "required_qualifications",
            t(N_("Required qualifications")),
            document.required_qualifications,
        ),
        _bullet_section(
            "preferred_qualifications",
            t(N_("Preferred qualifications")),
            document.preferred_qualifications,
        ),
        _bullet_section("skills", t(N_("Skills")), document.skills),
        _section(
            "education_experience",
            t(N_("Education and experience")),
            _background(document, locale),
        ),
        _bullet_section("certifications", t(N_("Certifications")), document.certifications),
        _bullet_section("kpis", t(N_("How success is measured")), document.kpis),
        _bullet_section("benefits", t(N_("Benefits")), document.benefits),
        _section(
            "company",
            t(N_("About {company}")).format(company=company)
            if company
            else t(N_("About the company")),
            _about_company(document),
        ),
        _section("how_to_apply", t(N_("How to apply")), _how_to_apply(document, locale)),
        _section(
            "equal_opportunity",
            t(N_("Equal-opportunity statement")),
            _paragraphs(document.equal_opportunity),
        ),
    ]
    return Outline(
        title=document.title,
        meta=_meta(document, locale),
        pay=_pay_line(document, locale),
        sections=tuple(section for section in candidates if section is not None),
        language=document.language,
        territory=locale.territory or document.location.country,
        company=company,
        properties=_properties(document),
    )


def _properties(document: JobDescription) -> Properties:
    language = document.language
    labels = [
        label(choice, language)
        for choice in (document.level, document.employment_type, document.work_arrangement)
        if choice is not None
    ]
    keywords = [document.department, *labels, *document.skills]
    t = posting_gettext(language)
    return Properties(
        title=document.title,
        subject=t(N_("Job description: {department}")).format(department=document.department)
        if document.department
        else t(N_("Job description")),
        author=document.company.name,
        keywords=tuple(dict.fromkeys(word for word in keywords if word)),
    )


def _section(key: str, heading: str, blocks: list[Block]) -> Section | None:
    return Section(key, heading, tuple(blocks)) if blocks else None


def _bullet_section(key: str, heading: str, items: tuple[str, ...]) -> Section | None:
    return _section(key, heading, [Bullets(items)] if items else [])


def _paragraphs(text: str) -> list[Block]:
    """Blank lines separate paragraphs; single line breaks inside one are kept as spaces."""
    return [
        Paragraph((" ".join(chunk.split("\n")),))
        for chunk in re.split(r"\n\s*\n", text)
        if chunk.strip()
    ]


def _meta(document: JobDescription, locale: Locale) -> tuple[str, ...]:
    parts = [
        document.company.name,
        document.department,
        location_text(document, locale),
        label(document.employment_type, document.language) if document.employment_type else "",
        label(document.work_arrangement, document.language) if document.work_arrangement else "",
    ]
    return tuple(part for part in parts if part)


def location_text(document: JobDescription, locale: Locale) -> str:
    """'Denver, CO'; the country is named only when it is not the posting's own locale's.

    Chinese names a place from the largest part down, without separators between Chinese
    names ('美国加州丹佛') and with a space beside a Latin one ('美国 CO Denver').
    """
    where = document.location
    country = ""
    if where.country and where.country != locale.territory:
        country = locale.territories.get(where.country, where.country)
    if locale.language == "zh":
        return join_cjk([part for part in (country, where.region, where.locality) if part])
    return ", ".join(part for part in (where.locality, where.region, country) if part)


def _background(document: JobDescription, locale: Locale) -> list[Block]:
    education, experience = document.education, document.experience
    language = document.language
    t = posting_gettext(language)
    fields = format_list(list(education.fields_of_study), style="or", locale=locale)
    fields = fields.lower() if fields.isascii() else fields
    # Fields of study qualify the highest degree named, where readers expect them; without
    # a degree to attach to they get a line of their own.
    top = education.preferred_level or education.minimum_level
    attach = bool(fields) and top is not None and top.rank >= EducationLevel.ASSOCIATE.rank
    lines = []
    if education.minimum_level is not None:
        in_fields = attach and education.preferred_level is None
        degree = _degree(education.minimum_level, fields if in_fields else "", language)
        lines.append(t(N_("Required: {education}")).format(education=degree))
    if education.preferred_level is not None:
        degree = _degree(education.preferred_level, fields if attach else "", language)
        lines.append(t(N_("Preferred: {education}")).format(education=degree))
    if fields and not attach:
        lines.append(t(N_("Fields of study: {fields}")).format(fields=fields))
    if education.experience_in_place_of_education:
        lines.append(
            t(N_("Substantial relevant experience can take the place of formal education"))
        )
    if experience.minimum_years:
        years = experience.minimum_years
        template = (
            N_("At least {years} year of relevant experience")
            if years == 1
            else N_("At least {years} years of relevant experience")
        )
        lines.append(t(template).format(years=f"{years:g}"))
    blocks: list[Block] = [Bullets(tuple(lines))] if lines else []
    return blocks + _paragraphs(experience.description)


def _degree(level: EducationLevel, fields: str, language: str) -> str:
    name = label(level, language)
    if not fields:
        return name
    return posting_gettext(language)(N_("{degree} in {fields}")).format(degree=name, fields=fields)


def _pay_line(document: JobDescription, locale: Locale) -> str:
    """The pay, once, at the top where candidates look first; its note follows it."""
    if document.salary is None:
        return ""
    pay = format_pay(document.salary, locale)
    if not document.salary.note:
        return pay
    template = posting_gettext(document.language)(N_("{pay}, {note}"))
    return template.format(pay=pay, note=document.salary.note)


def _prose_document(document: JobDescription) -> JobDescription:
    """The posting as printed: typographic quotes in its prose and the company's name for its
    placeholder (``checks.company_for_placeholder``); addresses and codes untouched."""
    language = document.language
    company = company_for_placeholder(document)

    def printed(text: str) -> str:
        return typeset(fill_company(text, company), language)

    def prose(value: object) -> object:
        if isinstance(value, str):
            return printed(value)
        if isinstance(value, tuple):
            return tuple(printed(item) for item in value)
        return value

    def fix(model: Any, fields: tuple[str, ...]) -> Any:
        return model.model_copy(update={name: prose(getattr(model, name)) for name in fields})

    updates: dict[str, Any] = {
        name: prose(getattr(document, name))
        for name in (
            "title",
            "department",
            "summary",
            "responsibilities",
            "required_qualifications",
            "preferred_qualifications",
            "skills",
            "certifications",
            "kpis",
            "benefits",
            "equal_opportunity",
        )
    }
    updates["location"] = fix(document.location, ("locality", "region"))
    updates["education"] = fix(document.education, ("fields_of_study",))
    updates["experience"] = fix(document.experience, ("description",))
    updates["company"] = fix(document.company, ("name", "about"))
    updates["how_to_apply"] = fix(document.how_to_apply, ("instructions",))
    if document.salary is not None:
        updates["salary"] = fix(document.salary, ("note",))
    # model_copy skips validation: the values are the validated ones with other quote marks.
    return document.model_copy(update=updates)


def _about_company(document: JobDescription) -> list[Block]:
    company = document.company
    blocks = _paragraphs(company.about)
    if company.website:
        blocks.append(Paragraph((Link(_display_address(company.website), company.website),)))
    return blocks


def _how_to_apply(document: JobDescription, locale: Locale) -> list[Block]:
    apply = document.how_to_apply
    t = posting_gettext(document.language)
    blocks = _paragraphs(apply.instructions)
    if apply.email:
        link = Link(apply.email, f"mailto:{apply.email}")
        blocks.append(Paragraph(_with_link(t(N_("Email: {address}")), link)))
    if apply.url:
        link = Link(_display_address(apply.url), apply.url)
        blocks.append(Paragraph(_with_link(t(N_("Apply online: {address}")), link)))
    if document.valid_through is not None:
        day = long_date(document.valid_through, document.language)
        blocks.append(Paragraph((t(N_("Apply by {date}")).format(date=day),)))
    return blocks


def _with_link(template: str, link: Link) -> tuple[Run, ...]:
    """A sentence whose ``{address}`` is a link: 'Email: ' + link, '电子邮箱：' + link."""
    before, _, after = template.partition("{address}")
    return tuple(run for run in (before, link, after) if run)


def _display_address(address: str) -> str:
    return re.sub(r"(?i)^https?://", "", address).rstrip("/")


# --- Pay ----------------------------------------------------------------------------------------
_PAY_LINES = {
    PayPeriod.YEAR: N_("{amounts} per year"),
    PayPeriod.MONTH: N_("{amounts} per month"),
    PayPeriod.HOUR: N_("{amounts} per hour"),
}


def format_pay(salary: SalaryRange, locale: Locale) -> str:
    """'$32,000 – $35,000 per year', '$63,000 – $100,000+ per year', '$17.50 per hour';
    in Chinese '月薪 ¥6,000 – ¥8,000', '年薪 US$63,000 起'.

    Amounts use the currency's symbol and the locale's grouping (CLDR via babel); cents are
    shown only when some amount has them. The wording around them is the posting catalogue's,
    in the locale's language.
    """
    t = posting_gettext(str(locale))
    amounts = [salary.minimum] + ([salary.maximum] if salary.maximum is not None else [])
    whole = all(amount == amount.to_integral_value() for amount in amounts)
    texts = [_money(amount, salary.currency, locale, whole=whole) for amount in amounts]
    if len(texts) == 2 and amounts[0] == amounts[1]:
        texts = texts[:1]
    if salary.open_ended:
        texts[-1] = t(N_("{amount}+")).format(amount=texts[-1])
    return t(_PAY_LINES[salary.period]).format(amounts=" – ".join(texts))


def _money(amount: Decimal, currency: str, locale: Locale, *, whole: bool) -> str:
    if whole:
        pattern = re.sub(r"\.0+", "", _currency_pattern(locale))
        return format_currency(
            amount, currency, locale=locale, format=pattern, currency_digits=False
        )
    return format_currency(amount, currency, locale=locale)


def _currency_pattern(locale: Locale) -> str:
    standard = locale.currency_formats["standard"]
    return str(standard.pattern)


@cache
def babel_locale(language: str) -> Locale:
    """The CLDR locale of a BCP 47 tag; English when CLDR does not know it."""
    try:
        return Locale.parse(language, sep="-")
    except (ValueError, UnknownLocaleError):
        return Locale("en")
