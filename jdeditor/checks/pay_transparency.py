"""Pay transparency: what the laws where a job is expect its posting to say about pay.

The laws are data, not code: ``resources/pay_transparency.toml`` lists each jurisdiction with
the date its rule applies from, the employer size it covers, what it expects (the pay or a
range, both ends of it, a benefits description, statements, phrases it bans) and its source.
A rule applies from its effective date (``Context.today``) to postings whose location matches:
the country, then the region (ISO 3166-2 code, name or abbreviation) and the city where the
rule has them. A remote posting is matched by every rule of its country whose law reaches
remote jobs that could be done there. An unknown location ('[State]', no country) matches
nothing: no guessing. The posting cannot know the employer's size, so messages name it.

All of it is guidance, not legal advice; the table says when it was last reviewed.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import MISSING, dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from babel import Locale

from jdeditor._paths import resources_dir
from jdeditor.checks._core import Context, FieldPath, Finding, Severity, prose
from jdeditor.checks._labels import field_label
from jdeditor.checks.placeholders import PLACEHOLDER
from jdeditor.model import JobDescription, PayPeriod, SalaryRange, WorkArrangement

TABLE_FILE = "pay_transparency.toml"
HOURS_PER_YEAR = 2080
"""40 hours × 52 weeks: the assumption that annualises an hourly rate for a yearly cap."""
_PER_YEAR = {PayPeriod.YEAR: 1, PayPeriod.MONTH: 12, PayPeriod.HOUR: HOURS_PER_YEAR}
_WHEN = ("posting", "before-interview")
"""Where a law wants the information: in the posting (a warning), or told to applicants before
the first interview (advice: the posting is the simplest place, not the only one)."""
_REQUIRED: Any = object()


class RuleTableError(ValueError):
    """The rule table is malformed; the message names the file, the rule and the field."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Phrase:
    """A statement the posting must make, or (with ``replace``) a phrase it must not use."""

    id: str
    description: str
    patterns: tuple[re.Pattern[str], ...]
    field: tuple[str, ...] = ()
    """Where a missing statement would go."""
    effective: date | None = None
    """When later than the rule's own date (Colorado's application deadline, 2024)."""
    replace: str = ""
    """A neutral rewrite of a banned phrase (``\\1`` is the pattern's first group)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One ``[[rule]]`` of the table; the fields are documented at the top of the TOML file."""

    id: str
    name: str
    law: str = ""
    """Message wording, '{country}' filled in; '' means "<name>'s pay-transparency law"."""
    country: tuple[str, ...]
    region: tuple[str, ...] = ()
    locality: tuple[str, ...] = ()
    effective: date
    ends: date | None = None
    deadline: bool = False
    employers: int
    pay: str
    good_faith: bool
    both_ends: bool
    benefits: str = ""
    benefits_what: str = "a description of the benefits"
    remote: bool
    max_spread: Decimal | None = None
    exempt_above: Decimal | None = None
    currency: str = ""
    statement: tuple[Phrase, ...] = ()
    banned: tuple[Phrase, ...] = ()
    source: str
    url: str
    note: str = ""

    def in_force(self, today: date) -> bool:
        return self.effective <= today and (self.ends is None or today < self.ends)


@dataclass(frozen=True, slots=True)
class Table:
    reviewed: date
    disclaimer: str
    rules: tuple[Rule, ...]


# --- Loading ---------------------------------------------------------------------------------
@cache
def table() -> Table:
    """The shipped table, read once."""
    return load(resources_dir() / TABLE_FILE)


def load(path: Path) -> Table:
    """Read a rule table; ``RuleTableError`` names the file, the rule id and the field."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise RuleTableError(f"{path}: cannot read the pay-transparency table: {error}") from None
    top = _Fields(path, "the table", raw, {"reviewed", "disclaimer", "rule"})
    rules = tuple(_rule(path, item) for item in top.get("rule", list))
    if not rules or len({rule.id for rule in rules}) != len(rules):
        raise top.error("rule", "must hold [[rule]] tables with distinct ids")
    return Table(top.get("reviewed", date), top.get("disclaimer", str), rules)


_KINDS: dict[str, type | tuple[type, ...]] = {"str": str, "bool": bool, "int": int}
_KINDS |= {"date": date, "date | None": date, "Decimal | None": (int, float)}


class _Fields:
    """One TOML table, read field by field; every error names the file, the table and the key."""

    def __init__(self, path: Path, where: str, raw: Any, known: set[str]) -> None:
        self.path, self.where = path, where
        if not isinstance(raw, dict):
            raise self.error("", "must be a table")
        self.raw: dict[str, Any] = raw
        if unknown := sorted(set(raw) - known):
            raise self.error(unknown[0], "is not a known field")

    def error(self, key: str, problem: str) -> RuleTableError:
        return RuleTableError(f"{self.path}: {self.where}: field {key!r} {problem}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = _REQUIRED) -> Any:
        value = self.raw.get(key, default)
        if value is _REQUIRED:
            raise self.error(key, "is missing")
        wrong = not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool)
        if value is not default and (wrong or (kind is date and isinstance(value, datetime))):
            raise self.error(key, f"has the wrong type: {value!r}")
        return value

    def read(self, spec: Any) -> Any:
        """The value of the dataclass field ``spec``, checked against its annotation."""
        key, kind = spec.name, spec.type
        default = _REQUIRED if spec.default is MISSING else spec.default
        if kind == "tuple[Phrase, ...]":
            items = self.get(key, list, [])
            return tuple(_phrase(self.path, f"{self.where}, {key}", item) for item in items)
        if not kind.startswith("tuple"):
            value = self.get(key, _KINDS[kind], default)
            if kind == "Decimal | None" and value is not None:
                return Decimal(str(value))
            return value
        value = self.get(key, list, default)
        if not all(isinstance(item, str) and item.strip() for item in value):
            raise self.error(key, "must be a list of non-empty strings")
        if kind == "tuple[str, ...]":
            return tuple(value)
        try:
            return tuple(re.compile(pattern, re.IGNORECASE) for pattern in value)
        except re.error as error:
            raise self.error(key, f"has a bad pattern: {error}") from None


def _build(cls: Any, path: Path, where: str, raw: Any) -> Any:
    specs = fields(cls)
    found = _Fields(path, where, raw, {spec.name for spec in specs})
    return found, cls(**{spec.name: found.read(spec) for spec in specs})


def _rule(path: Path, raw: Any) -> Rule:
    where = f"rule {raw.get('id', '?') if isinstance(raw, dict) else '?'!r}"
    found, rule = _build(Rule, path, where, raw)
    caps = [cap for cap in (rule.max_spread, rule.exempt_above) if cap is not None]
    problems = [
        ("country", not rule.country, "must name at least one country"),
        ("employers", rule.employers < 1, "must be 1 or more"),
        ("pay", rule.pay not in _WHEN, f"must be one of {_WHEN}"),
        ("benefits", rule.benefits not in ("", *_WHEN), f"must be '' or one of {_WHEN}"),
        ("source", not rule.source.strip(), "must not be empty"),
        ("url", not rule.url.startswith("https://"), "must be an https:// address"),
        ("locality", rule.locality and not rule.region, "needs a region"),
        ("max_spread", any(cap <= 0 for cap in caps), "and exempt_above must be positive"),
    ]
    for key, wrong, problem in problems:
        if wrong:
            raise found.error(key, problem)
    return rule  # type: ignore[no-any-return]


def _phrase(path: Path, where: str, raw: Any) -> Phrase:
    found, phrase = _build(Phrase, path, where, raw)
    banned = where.endswith("banned")
    for key, wrong in [
        ("replace", banned and not phrase.replace),
        ("field", not banned and not phrase.field),
    ]:
        if wrong or not phrase.patterns:
            raise found.error(key if wrong else "patterns", "must not be empty")
    return phrase  # type: ignore[no-any-return]


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
        findings += _phrases(covers, prose(document), context.today)
    return findings


def _missing() -> Finding:
    return Finding(
        "pay.missing",
        Severity.ADVICE,
        ("salary",),
        "Pay is not stated: postings with a pay range attract more applicants, and many US "
        "states, Canadian provinces and the EU require one",
        source="Pay-transparency laws (jdeditor check --rules lists them)",
    )


def _laws(covers: list[_Cover]) -> str:
    """'Colorado's pay-transparency law (since 1 January 2021; employers of any size)'."""
    terms = []
    for cover in covers:
        rule = cover.rule
        when = f"{'transposition due' if rule.deadline else 'since'} {_day(rule.effective)}"
        remote = f"; as a remote job open to {rule.name}" if cover.remote else ""
        terms.append(f"({when}; {_size(rule.employers)}{remote})")
    if len(covers) > 1 and not any(cover.rule.law for cover in covers):
        named = [f"{c.rule.name} {t}" for c, t in zip(covers, terms, strict=True)]
        return f"the pay-transparency laws of {_and(named)}"
    return _and([f"{_law(cover)} {t}" for cover, t in zip(covers, terms, strict=True)])


def _place(cover: _Cover) -> str:
    return _country_name(cover.country) if len(cover.rule.country) > 1 else cover.rule.name


def _law(cover: _Cover) -> str:
    law = cover.rule.law or f"{cover.rule.name}'s pay-transparency law"
    return law.replace("{country}", _country_name(cover.country))


def _finding(code: str, covers: list[_Cover], path: FieldPath, text: str, **kw: Any) -> Finding:
    """One finding naming every covering law: '{laws}' and the verb ending '{s}' filled in."""
    severity = Severity.WARNING if kw.pop("in_posting", True) else Severity.ADVICE
    message = text.replace("{s}", "s" if len(covers) == 1 else "")
    params = {
        "rules": ", ".join(cover.rule.id for cover in covers),
        "jurisdictions": ", ".join(_place(cover) for cover in covers),
        "effective": ", ".join(cover.rule.effective.isoformat() for cover in covers),
        **kw.pop("params", {}),
    }
    sources = "; ".join(dict.fromkeys(cover.rule.source for cover in covers))
    message = message.replace("{laws}", _laws(covers))
    return Finding(code, severity, path, message, source=sources, params=params, **kw)


def _required(covers: list[_Cover], what: str) -> list[Finding]:
    """pay.range-required / pay.benefits-required: one finding naming every law that wants it."""
    for when in _WHEN:
        chosen = [cover for cover in covers if getattr(cover.rule, what) == when]
        if not chosen:
            continue
        if what == "pay":
            head, code, path = "Pay is not stated", "pay.range-required", ("salary",)
            thing, fix = "the pay or a pay range", "add the pay"
        else:
            head, code, path = "Benefits are not listed", "pay.benefits-required", ("benefits",)
            thing = _and(list(dict.fromkeys(cover.rule.benefits_what for cover in chosen)))
            fix = "list them under Benefits"
        text = f"{head}: {{laws}} expect{{s}} postings to state {thing}; {fix}"
        if when != "posting":
            text = (
                f"{head}: {{laws}} expect{{s}} applicants to be told {thing} before the first "
                "interview; the posting is the simplest place to say it"
            )
        return [_finding(code, chosen, path, text, in_posting=when == "posting")]
    return []


def _annual(amount: Decimal, salary: SalaryRange) -> Decimal:
    return amount * _PER_YEAR[salary.period]


def _exempt(rule: Rule, salary: SalaryRange) -> bool:
    """Pay above the rule's ceiling (Ontario: over $200,000 a year) needs no range."""
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
        text = (
            "Pay has an open top (“or more”): {laws} expect{s} a pay range with both a minimum "
            "and a maximum; give the maximum pay and clear “Or more”"
        )
        findings.append(_finding("pay.range-open", open_top, path, text))
    for cover in covers:
        rule, cap = cover.rule, cover.rule.max_spread
        if cap is None or salary.maximum is None or salary.currency != rule.currency:
            continue
        low, high = _annual(salary.minimum, salary), _annual(salary.maximum, salary)
        if high - low <= cap or _exempt(rule, salary):
            continue
        money = f"{rule.currency} {{:,.0f}}".format
        hourly = salary.period == PayPeriod.HOUR
        text = (
            f"Pay range is too wide: {money(low)} – {money(high)} a year"
            f"{f' (hourly pay annualised at {HOURS_PER_YEAR:,} hours)' if hourly else ''} spans "
            f"{money(high - low)}; {{laws}} allow{{s}} a range of at most {money(cap)} a year"
            f"{f' unless the pay is above {money(rule.exempt_above)}' if rule.exempt_above else ''}"
            "; narrow the range"
        )
        params = {"minimum": str(low), "maximum": str(high), "spread": str(high - low)}
        params |= {"cap": str(cap), "currency": rule.currency, "period": str(salary.period)}
        range_path: FieldPath = ("salary", "maximum")
        findings.append(_finding("pay.range-too-wide", [cover], range_path, text, params=params))
    return findings


def _phrases(
    covers: list[_Cover], texts: list[tuple[FieldPath, str]], today: date
) -> list[Finding]:
    """pay.statement-required per statement the posting does not make; pay.banned-requirement
    per use of a banned phrase, spanning it in its field."""
    findings = []
    for cover in covers:
        for statement in cover.rule.statement:
            if statement.effective is not None and today < statement.effective:
                continue
            if any(p.search(text) for _, text in texts for p in statement.patterns):
                continue
            text = (
                f"The posting does not say {statement.description}: {{laws}} expect{{s}} "
                f"postings to say it; add a sentence to {field_label(statement.field)}"
            )
            params = {"statement": statement.id, "description": statement.description}
            findings.append(
                _finding("pay.statement-required", [cover], statement.field, text, params=params)
            )
        for banned in cover.rule.banned:
            uses = [
                (path, text, m)
                for path, text in texts
                for p in banned.patterns
                for m in p.finditer(text)
            ]
            for path, text, match in uses:
                rewrite = match.expand(banned.replace)
                if match.start() == 0 or re.search(r"[.!?:]\s*$", text[: match.start()]):
                    rewrite = rewrite[:1].upper() + rewrite[1:]
                label, phrase = field_label(path), match.group()
                message = (
                    f"{label} asks for “{phrase}”: under {{laws}}, a posting must not list "
                    f"{banned.description}; ask for “{rewrite}” instead"
                )
                params = {"phrase": phrase, "banned": banned.id, "field": label}
                findings.append(
                    _finding(
                        "pay.banned-requirement",
                        [cover],
                        path,
                        message,
                        params=params,
                        span=match.span(),
                        suggestion=rewrite,
                        found=(phrase,),
                    )
                )
    return findings


# --- Text ------------------------------------------------------------------------------------
def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _size(n: int) -> str:
    return f"employers with {n} or more employees" if n > 1 else "employers of any size"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


@cache
def _country_name(code: str) -> str:
    name = Locale("en").territories.get(code)
    return name if isinstance(name, str) else code


def rules_table() -> str:
    """The table as plain text, for ``jdeditor check --rules``."""
    rules = table()
    lines = [
        f"Pay-transparency rules (table reviewed {rules.reviewed.isoformat()})",
        rules.disclaimer,
        "A posting does not say how many people the employer has: each rule names its size.",
    ]
    for rule in rules.rules:
        place = rule.region[0] if rule.region else ", ".join(rule.country)
        place = f"{rule.locality[0]}, {place}" if rule.locality else place
        needs = [f"the pay or a {'good-faith ' if rule.good_faith else ''}pay range"]
        if rule.pay != "posting":
            needs[0] += " (told to applicants before the interview)"
        if rule.both_ends:
            needs.append("both ends of a range (no “or more”)")
        if rule.max_spread is not None:
            needs.append(f"a range at most {rule.currency} {rule.max_spread:,} a year wide")
        if rule.exempt_above is not None:
            needs.append(f"no pay needed above {rule.currency} {rule.exempt_above:,} a year")
        if rule.benefits:
            later = " (before the first interview)" if rule.benefits != "posting" else ""
            needs.append(f"{rule.benefits_what}{later}")
        needs += [f"a statement of {statement.description}" for statement in rule.statement]
        needs += [f"not {banned.description}" for banned in rule.banned]
        when = "transposition due" if rule.deadline else "from"
        until = f" until {_day(rule.ends)}" if rule.ends else ""
        remote = "; covers remote jobs that could be done there" if rule.remote else ""
        lines += [
            "",
            f"{rule.name} ({place})",
            f"  {when} {_day(rule.effective)}{until}; {_size(rule.employers)}{remote}",
            f"  Requires: {'; '.join(needs)}",
            f"  Source: {rule.source} <{rule.url}>",
            *([f"  Note: {rule.note}"] if rule.note else []),
        ]
    return "\n".join(lines) + "\n"
