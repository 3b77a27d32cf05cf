"""Pay transparency: what the laws where a job is expect its posting to say about pay.

The laws are data, not code: ``resources/pay_transparency.toml`` lists each jurisdiction with
the date its rule applies from, the employer size it covers, what it expects (the pay or a
range, both ends of it, a benefits description, statements, phrases it bans) and its source.
A rule applies from its effective date (``Context.today``) to postings whose location matches:
the country, then the region (ISO 3166-2 code, name or abbreviation) and the city where the
rule has them. A remote posting is matched by every rule of its country whose law reaches
remote jobs that could be done there. An unknown location ('[State]', no country) matches
nothing: no guessing, except that a few city names say their region too ('New York City').
The posting cannot know the employer's size, so messages name it.

A statement a law asks for only in some cases (Ontario's, on AI screening; Austria's, on paying
above the minimum) is advice, a reminder; one it always asks for is a warning. A banned phrase
is not flagged where its clause negates it ("No Canadian experience required").
The table is read by ``_rules_table``, whose words a reader sees are translated in the ``rules``
catalogue (``RuleText``).

All of it is guidance, not legal advice; the table says when it was last reviewed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from babel import Locale

from jdeditor.checks._core import Context, FieldPath, Finding, Severity, prose
from jdeditor.checks._labels import FieldName
from jdeditor.checks._message import Listing, Localized, Message, term
from jdeditor.checks._names import CLAUSE_END
from jdeditor.checks._rules_table import (
    TABLE_FILE,
    WHEN,
    Day,
    Phrase,
    Rule,
    RuleTableError,
    RuleText,
    Table,
    employers_text,
    load,
    rules_table,
    table,
    what_text,
)
from jdeditor.checks.placeholders import PLACEHOLDER
from jdeditor.i18n import N_
from jdeditor.model import JobDescription, PayPeriod, SalaryRange, WorkArrangement

__all__ = [
    "HOURS_PER_YEAR",
    "TABLE_FILE",
    "Phrase",
    "Rule",
    "RuleTableError",
    "Table",
    "check",
    "load",
    "rules_for",
    "rules_table",
    "table",
]

HOURS_PER_YEAR = 2080
"""40 hours × 52 weeks: the assumption that annualises an hourly rate for a yearly cap."""
_PER_YEAR = {PayPeriod.YEAR: 1, PayPeriod.MONTH: 12, PayPeriod.HOUR: HOURS_PER_YEAR}


# --- Matching --------------------------------------------------------------------------------
@lru_cache(maxsize=1024)
def _key(text: str) -> str:
    """Free text as compared: placeholders dropped; case, dots and commas ignored."""
    return " ".join(re.sub(r"[.,]", "", PLACEHOLDER.sub(" ", text)).casefold().split())


@dataclass(frozen=True, slots=True)
class _Cover:
    rule: Rule
    country: str
    remote: bool
    """Matched only as a remote job that could be done there."""


def _covers(document: JobDescription, today: date) -> list[_Cover]:
    country = document.location.country
    if not country:
        return []
    region, locality = _key(document.location.region), _key(document.location.locality)
    if not region and locality:
        region = _region_of(country, locality)
    remote = document.work_arrangement == WorkArrangement.REMOTE
    found = []
    for rule in table().rules:
        if country not in rule.country or not rule.in_force(today):
            continue
        here = not rule.region or (
            region in map(_key, rule.region)
            and (not rule.locality or locality in map(_key, rule.locality))
        )
        if here or (remote and rule.remote):
            found.append(_Cover(rule, country, not here))
    return found


@lru_cache(maxsize=256)
def _region_of(country: str, locality: str) -> str:
    """The region a city name says on its own ('New York City': New York), or ''."""
    for rule in table().rules:
        if country in rule.country and locality in map(_key, rule.locality_alone):
            return _key(rule.region[0])
    return ""


def rules_for(document: JobDescription, today: date) -> list[Rule]:
    """The rules in force on ``today`` that cover the posting's location."""
    return [cover.rule for cover in _covers(document, today)]


# --- Findings --------------------------------------------------------------------------------
def check(document: JobDescription, context: Context) -> list[Finding]:
    covers = _covers(document, context.today)
    salary = document.salary
    if not covers:
        return [] if salary is not None else [_missing()]
    findings = _required(covers, "pay") if salary is None else _pay_shape(covers, salary)
    if not document.benefits:
        findings += _required(covers, "benefits")
    if any(cover.rule.statement or cover.rule.banned for cover in covers):
        texts = prose(document)
        findings += _statements(covers, document, texts, context.today)
        findings += _banned(covers, texts)
    return findings


def _missing() -> Finding:
    return Finding(
        "pay.missing",
        Severity.ADVICE,
        ("salary",),
        N_(
            "Pay is not stated: postings with a pay range attract more applicants, and many US "
            "states, Canadian provinces and the EU require one"
        ),
        reference=N_("Pay-transparency laws (jdeditor check --rules lists them)"),
    )


def _laws(covers: list[_Cover]) -> str:
    """'Colorado's pay-transparency law (since 1 January 2021; employers of any size)'."""
    terms = []
    for cover in covers:
        rule = cover.rule
        day = Day(rule.effective)
        when = (
            Message(N_("transposition due {day}"), day=day)
            if rule.deadline
            else Message(N_("since {day}"), day=day)
        )
        employers = employers_text(rule.employers)
        remote = Message(N_("; as a remote job open to {place}"), place=RuleText(rule.name))
        terms.append(
            Message(
                N_("({when}; {employers}{remote})"),
                when=when,
                employers=employers,
                remote=remote if cover.remote else "",
            )
        )
    if len(covers) > 1 and not any(cover.rule.law for cover in covers):
        named = [
            Message(N_("{law} {terms}"), law=RuleText(c.rule.name), terms=t)
            for c, t in zip(covers, terms, strict=True)
        ]
        return Message(
            N_("the pay-transparency laws of {places}"),
            places=Listing(named, conjunction="and"),
        )
    return Listing(
        [
            Message(N_("{law} {terms}"), law=_law(cover), terms=t)
            for cover, t in zip(covers, terms, strict=True)
        ],
        conjunction="and",
    )


def _place(cover: _Cover) -> str:
    return _country_name(cover.country) if len(cover.rule.country) > 1 else cover.rule.name


def _law(cover: _Cover) -> str:
    """The law's name in the table's words ('{country}' filled in), in the user's language."""
    law = cover.rule.law
    if not law:
        return Message(N_("{place}'s pay-transparency law"), place=RuleText(cover.rule.name))
    if "{country}" not in law:
        return RuleText(law)
    return RuleText(law, country=Country(cover.country))


def _finding(
    code: str, covers: list[_Cover], path: FieldPath, templates: tuple[str, str], **kw: Any
) -> Finding:
    """One finding naming every covering law (``{laws}``): the first template when one law
    covers the posting ('expects'), the second when several do ('expect')."""
    severity = Severity.WARNING if kw.pop("in_posting", True) else Severity.ADVICE
    params = {
        "rules": ", ".join(cover.rule.id for cover in covers),
        "jurisdictions": ", ".join(_place(cover) for cover in covers),
        "effective": ", ".join(cover.rule.effective.isoformat() for cover in covers),
        "laws": _laws(covers),
        **kw.pop("params", {}),
    }
    # The table's citations are data, not templates: looked up, never formatted.
    sources = term("; ".join(dict.fromkeys(cover.rule.source for cover in covers)))
    template = templates[0] if len(covers) == 1 else templates[1]
    return Finding(code, severity, path, template, reference=sources, params=params, **kw)


_REQUIRED = {
    ("pay", "posting"): (
        N_("Pay is not stated: {laws} expects postings to state {what}; add the pay"),
        N_("Pay is not stated: {laws} expect postings to state {what}; add the pay"),
    ),
    ("benefits", "posting"): (
        N_(
            "Benefits are not listed: {laws} expects postings to state {what}; list them "
            "under {benefits}"
        ),
        N_(
            "Benefits are not listed: {laws} expect postings to state {what}; list them "
            "under {benefits}"
        ),
    ),
    ("pay", "before-interview"): (
        N_(
            "Pay is not stated: {laws} expects applicants to be told {what} before the first "
            "interview; the posting is the simplest place to say it"
        ),
        N_(
            "Pay is not stated: {laws} expect applicants to be told {what} before the first "
            "interview; the posting is the simplest place to say it"
        ),
    ),
    ("benefits", "before-interview"): (
        N_(
            "Benefits are not listed: {laws} expects applicants to be told {what} before the "
            "first interview; the posting is the simplest place to say it"
        ),
        N_(
            "Benefits are not listed: {laws} expect applicants to be told {what} before the "
            "first interview; the posting is the simplest place to say it"
        ),
    ),
}


def _required(covers: list[_Cover], what: str) -> list[Finding]:
    """pay.range-required / pay.benefits-required: one finding naming every law that wants it."""
    for when in WHEN:
        chosen = [cover for cover in covers if getattr(cover.rule, what) == when]
        if not chosen:
            continue
        if what == "pay":
            code, path = "pay.range-required", ("salary",)
            things = dict.fromkeys(cover.rule.pay_what for cover in chosen)
        else:
            code, path = "pay.benefits-required", ("benefits",)
            things = dict.fromkeys(cover.rule.benefits_what for cover in chosen)
        # The table's defaults are in the messages catalogue; a rule's own words in the rules one.
        thing = Listing([what_text(thing) for thing in things], conjunction="and")
        params = {"what": thing, "benefits": FieldName(("benefits",))}
        templates = _REQUIRED[what, when]
        return [
            _finding(code, chosen, path, templates, params=params, in_posting=when == "posting")
        ]
    return []


def _annual(amount: Decimal, salary: SalaryRange) -> Decimal:
    return amount * _PER_YEAR[salary.period]


def _exempt(rule: Rule, salary: SalaryRange) -> bool:
    """Pay above the rule's ceiling (Ontario: over $200,000 a year) needs no range; the range's
    top is what is compared (the table's note on Ontario says why)."""
    top = salary.maximum if salary.maximum is not None else salary.minimum
    return (
        rule.exempt_above is not None
        and salary.currency == rule.currency
        and _annual(top, salary) > rule.exempt_above
    )


def _pay_shape(covers: list[_Cover], salary: SalaryRange) -> list[Finding]:
    """pay.range-open (an open top where both ends are needed), pay.range-too-wide (a cap)."""
    findings = []
    open_top = [
        cover
        for cover in covers
        if salary.open_ended and cover.rule.both_ends and cover.rule.pay == "posting"
        if not _exempt(cover.rule, salary)
    ]
    if open_top:
        path: FieldPath = ("salary", "maximum" if salary.maximum is None else "open_ended")
        templates = (
            N_(
                "Pay has an open top (“or more”): {laws} expects a pay range with both a minimum "
                "and a maximum; give the maximum pay and clear “{open}”"
            ),
            N_(
                "Pay has an open top (“or more”): {laws} expect a pay range with both a minimum "
                "and a maximum; give the maximum pay and clear “{open}”"
            ),
        )
        clear = {"open": FieldName(("salary", "open_ended"))}
        findings.append(_finding("pay.range-open", open_top, path, templates, params=clear))
    for cover in covers:
        rule, cap = cover.rule, cover.rule.max_spread
        if cap is None or salary.maximum is None or salary.currency != rule.currency:
            continue
        low, high = _annual(salary.minimum, salary), _annual(salary.maximum, salary)
        if high - low <= cap or _exempt(rule, salary):
            continue
        money = f"{rule.currency} {{:,.0f}}".format
        hourly = Message(
            N_(" (hourly pay annualised at {hours} hours)"), hours=f"{HOURS_PER_YEAR:,}"
        )
        unless = (
            Message(N_(" unless the pay is above {amount}"), amount=money(rule.exempt_above))
            if rule.exempt_above
            else ""
        )
        template = N_(
            "Pay range is too wide: {low} – {high} a year{hourly} spans {width}; {laws} allows "
            "a range of at most {widest} a year{unless}; narrow the range"
        )
        params: dict[str, str] = {"minimum": str(low), "maximum": str(high)}
        params |= {
            "spread": str(high - low),
            "cap": str(cap),
            "currency": rule.currency,
            "period": str(salary.period),
        }
        params |= {"low": money(low), "high": money(high), "width": money(high - low)}
        params |= {"widest": money(cap), "unless": unless}
        params["hourly"] = hourly if salary.period == PayPeriod.HOUR else ""
        range_path: FieldPath = ("salary", "maximum")
        findings.append(
            _finding("pay.range-too-wide", [cover], range_path, (template, template), params=params)
        )
    return findings


def _statements(
    covers: list[_Cover], document: JobDescription, texts: list[tuple[FieldPath, str]], today: date
) -> list[Finding]:
    """pay.statement-required per statement the posting does not make: a warning, or advice
    where the law asks for it only in some cases (the statement's ``condition``)."""
    findings = []
    for cover in covers:
        for statement in cover.rule.statement:
            if statement.effective is not None and today < statement.effective:
                continue
            if any(_value(document, name) for name in statement.answered_by):
                continue
            if any(p.search(text) for _, text in texts for p in statement.patterns):
                continue
            if statement.condition:
                template = N_(
                    "The posting does not say {description}. {condition}, {laws} expects "
                    "postings to say so; add a sentence to {where}"
                )
            else:
                template = N_(
                    "The posting does not say {description}: {laws} expects postings to say it; "
                    "add a sentence to {where}"
                )
            condition = RuleText(statement.condition) if statement.condition else ""
            params = {"statement": statement.id, "description": RuleText(statement.description)}
            params |= {"condition": condition, "where": FieldName(statement.field)}
            findings.append(
                _finding(
                    "pay.statement-required",
                    [cover],
                    statement.field,
                    (template, template),
                    params=params,
                    in_posting=not statement.condition,
                )
            )
    return findings


def _value(document: JobDescription, dotted: str) -> object:
    value: object = document
    for part in dotted.split("."):
        value = getattr(value, part, None)
    return value


def _banned(covers: list[_Cover], texts: list[tuple[FieldPath, str]]) -> list[Finding]:
    """pay.banned-requirement per use of a banned phrase as a requirement, spanning it."""
    findings = []
    for cover in covers:
        for banned in cover.rule.banned:
            uses = [
                (path, text, m)
                for path, text in texts
                for p in banned.patterns
                for m in p.finditer(text)
                if not _negated(text, m.start(), m.end())
            ]
            for path, text, match in uses:
                rewrite = match.expand(banned.replace)
                if match.start() == 0 or re.search(r"[.!?:]\s*$", text[: match.start()]):
                    rewrite = rewrite[:1].upper() + rewrite[1:]
                phrase = match.group()
                template = N_(
                    "{field} asks for “{phrase}”: under {laws}, a posting must not list "
                    "{description}; ask for “{suggestion}” instead"
                )
                params = {"phrase": phrase, "banned": banned.id, "field": FieldName(path)}
                params |= {"description": RuleText(banned.description), "suggestion": rewrite}
                findings.append(
                    _finding(
                        "pay.banned-requirement",
                        [cover],
                        path,
                        (template, template),
                        params=params,
                        span=match.span(),
                        suggestion=rewrite,
                        found=(phrase,),
                    )
                )
    return findings


_NOT = r"(?:no|not|without|never|nor|\w+n['’]t|aucune?|sans|pas|non|ni)"
_NEGATED_BEFORE = re.compile(rf"(?i)(?<!\w){_NOT}\s+(?:\S+\s+){{0,3}}$")
_NEGATED_AFTER = re.compile(
    rf"(?i)^\W*(?:\w+\W+){{0,3}}?{_NOT}\s+(?:\w+\s+){{0,2}}?(?:required|needed|necessary"
    r"|mandatory|essential|a (?:requirement|must)|requise?s?|exigée?s?|nécessaires?|obligatoires?)"
    r"(?!\w)"
)


def _negated(text: str, start: int, end: int) -> bool:
    """Whether the phrase at ``[start, end)`` is negated in its clause: 'No Canadian experience
    required', 'Canadian experience is not required', 'sans expérience canadienne'."""
    low, high = 0, len(text)
    for match in CLAUSE_END.finditer(text):
        if match.end() <= start:
            low = match.end()
        elif match.start() >= end:
            high = match.start()
            break
    return bool(_NEGATED_BEFORE.search(text[low:start]) or _NEGATED_AFTER.search(text[end:high]))


# --- Text ------------------------------------------------------------------------------------
@cache
def _country_name(code: str, language: str = "en") -> str:
    name = Locale.parse(language).territories.get(code)
    return name if isinstance(name, str) else code


class Country(Localized):
    """A country (ISO 3166-1 code) as the language names it: 'Austria', '奥地利' (CLDR's names)."""

    code: str

    def __new__(cls, code: str) -> Country:
        name = super().__new__(cls, _country_name(code))
        name.code = code
        return name

    def in_language(self, language: str) -> str:
        return _country_name(self.code, language)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Country, (self.code,))
