"""The pay-transparency rule table: ``resources/pay_transparency.toml`` read into dataclasses.

The fields are documented at the top of the TOML file. Every error names the file, the rule id
and the field (``RuleTableError``), so a mistake in the data is found where it was made.

The table's words are English data. Those a reader sees (names of places and laws, what a law
wants, statements, banned phrases, notes, the disclaimer) are translated in a catalogue of their
own, ``rules`` (``resources/locale/<language>/LC_MESSAGES/rules.po``), whose msgids are the
strings exactly as the TOML file has them; citations and addresses stay as they are. A finding
or ``check --rules`` holds them as ``RuleText``, said in the user's language when read. The few
words that lay the table out as text (``"{name} ({place})"``) are in that catalogue too, marked
``R_`` rather than ``N_``, so that ``pybabel extract -k R_`` finds them for ``rules.po`` and
``-k N_`` leaves them out of ``messages.po``. ``tests/test_rules_i18n.py`` checks that every
such string is translated and none is stale.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import MISSING, dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel

from jdeditor._paths import resources_dir
from jdeditor.checks._message import Listing, Localized, Message, compose, localized, say, term
from jdeditor.i18n import N_, SOURCE_LANGUAGE, Domain, long_date, translations
from jdeditor.model import JobDescription

TABLE_FILE = "pay_transparency.toml"
WHEN = ("posting", "before-interview")
"""Where a law wants the information: in the posting (a warning), or told to applicants before
the first interview (advice: the posting is the simplest place, not the only one)."""
_REQUIRED: Any = object()
PAY_WHAT = N_("the pay or a pay range")
"""What a law wants the posting to say about pay, unless its rule says (``pay_what``)."""
BENEFITS_WHAT = N_("a description of the benefits")
"""What a law wants the posting to say about benefits, unless its rule says (``benefits_what``)."""

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = (
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)\b"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}\b"
    rf"|\d{{1,4}}[/.-]\d{{1,2}}(?:[/.-]\d{{1,4}})?|(?:the\s+)?end\s+of\s+(?:the\s+)?"
    rf"(?:day|week|month|{_MONTH})|midnight|noon|close\s+of\s+business"
    rf"|\d{{1,2}}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.))"
)
"""What ``{date}`` stands for in a pattern: '5 January 2027', 'Jan. 5', '1/31', 'Friday'."""


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
    condition: str = ""
    """A statement the law asks for only in some cases ('If the employer uses it'): advice."""
    answered_by: tuple[str, ...] = ()
    """Posting fields (dotted) that make the statement when set: every export prints them."""
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
    locality_alone: tuple[str, ...] = ()
    """City names that say the region too ('New York City'): matched with no region given."""
    effective: date
    ends: date | None = None
    deadline: bool = False
    employers: int
    pay: str
    pay_what: str = PAY_WHAT
    good_faith: bool
    both_ends: bool
    benefits: str = ""
    benefits_what: str = BENEFITS_WHAT
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
            return tuple(
                re.compile(pattern.replace("{date}", DATE), re.IGNORECASE) for pattern in value
            )
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
        ("pay", rule.pay not in WHEN, f"must be one of {WHEN}"),
        ("benefits", rule.benefits not in ("", *WHEN), f"must be '' or one of {WHEN}"),
        ("source", not rule.source.strip(), "must not be empty"),
        ("url", not rule.url.startswith("https://"), "must be an https:// address"),
        ("locality", rule.locality and not rule.region, "needs a region"),
        ("locality_alone", rule.locality_alone and not rule.locality, "needs a locality"),
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
    if unknown := [name for name in phrase.answered_by if not _is_field(name)]:
        raise found.error("answered_by", f"names no posting field: {unknown[0]!r}")
    return phrase  # type: ignore[no-any-return]


def _is_field(dotted: str) -> bool:
    """Whether ``dotted`` ('salary.maximum') names a field of a posting."""
    model: Any = JobDescription
    for part in dotted.split("."):
        info = getattr(model, "model_fields", {}).get(part)
        if info is None:
            return False
        kinds = (info.annotation, *get_args(info.annotation))
        model = next((k for k in kinds if isinstance(k, type) and issubclass(k, BaseModel)), None)
    return True


# --- The table's words in the user's language ------------------------------------------
def R_(message: str) -> str:  # noqa: N802 - a gettext-style marker, extracted as ``-k R_``
    """Marks words that lay the table out (a template) for the ``rules`` catalogue, not the
    ``messages`` one; they are translated where shown, like ``N_``'s."""
    return message


class RuleText(Localized):
    """The table's own words, or an ``R_`` template with values, said through the ``rules``
    catalogue: ``RuleText("Colorado")``, ``RuleText(rule.law, country=...)``. As a ``str``, the
    English; a value is put in as it is, or said in the same language when it is ``Localized``."""

    template: str
    params: dict[str, str]

    def __new__(cls, template: str, /, **params: str) -> RuleText:
        text = super().__new__(cls, _rule_text(template, params, SOURCE_LANGUAGE))
        text.template = template
        text.params = params
        return text

    def in_language(self, language: str) -> str:
        return _rule_text(self.template, self.params, language)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rule_text_of, (self.template, self.params))


def _rule_text_of(template: str, params: dict[str, str]) -> RuleText:
    return RuleText(template, **params)


def _rule_text(template: str, params: dict[str, str], language: str) -> str:
    text = template
    if template and language != SOURCE_LANGUAGE:  # gettext("") is the catalogue's header
        text = translations(Domain.RULES, language).gettext(template)
    if not params:
        return text
    return text.format_map({name: localized(value, language) for name, value in params.items()})


def what_text(words: str) -> str:
    """A rule's ``pay_what`` or ``benefits_what``: the defaults are the messages catalogue's
    (``PAY_WHAT``, ``BENEFITS_WHAT``), a rule's own words the table's."""
    return term(words) if words in (PAY_WHAT, BENEFITS_WHAT) else RuleText(words)


# --- The table as text ------------------------------------------------------------------
def join_and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def employers_text(n: int) -> str:
    """'employers with 15 or more employees', in the language it is shown in."""
    if n > 1:
        return Message(N_("employers with {count} or more employees"), count=str(n))
    return term(N_("employers of any size"))


class Day(Localized):
    """A date as a sentence says it: '1 January 2021', '2021年1月1日'."""

    day: date

    def __new__(cls, day: date) -> Day:
        said = super().__new__(cls, long_date(day, SOURCE_LANGUAGE))
        said.day = day
        return said

    def in_language(self, language: str) -> str:
        return long_date(self.day, language)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Day, (self.day,))


def rules_table() -> str:
    """The table as plain text, for ``jdeditor check --rules``, in the user's language (its
    citations and addresses as they are)."""
    rules = table()
    lines = [
        say(N_("Pay-transparency rules (table reviewed {date})"), date=rules.reviewed.isoformat()),
        localized(RuleText(rules.disclaimer)),
        say(
            N_("A posting does not say how many people the employer has: each rule names its size.")
        ),
    ]
    for rule in rules.rules:
        place: str = rule.region[0] if rule.region else Listing(rule.country)
        if rule.locality:
            place = RuleText(R_("{city}, {region}"), city=RuleText(rule.locality[0]), region=place)
        pay = N_("the pay or a good-faith pay range") if rule.good_faith else PAY_WHAT
        needs = [say(pay) if rule.pay_what == PAY_WHAT else localized(RuleText(rule.pay_what))]
        if rule.pay != "posting":
            needs[0] = say(N_("{what} (told to applicants before the interview)"), what=needs[0])
        if rule.both_ends:
            needs.append(say(N_("both ends of a range (no “or more”)")))
        if rule.max_spread is not None:
            amount = f"{rule.currency} {rule.max_spread:,}"
            needs.append(say(N_("a range at most {amount} a year wide"), amount=amount))
        if rule.exempt_above is not None:
            amount = f"{rule.currency} {rule.exempt_above:,}"
            needs.append(say(N_("no pay needed above {amount} a year"), amount=amount))
        if rule.benefits:
            what = what_text(rule.benefits_what)
            if rule.benefits != "posting":
                what = Message(N_("{what} (before the first interview)"), what=what)
            needs.append(localized(what))
        for statement in rule.statement:
            description = RuleText(statement.description)
            needs.append(
                say(
                    N_("a statement of {description} ({condition})"),
                    description=description,
                    condition=localized(RuleText(statement.condition)).lower(),
                )
                if statement.condition
                else say(N_("a statement of {description}"), description=description)
            )
        needs += [
            say(N_("not {description}"), description=RuleText(b.description)) for b in rule.banned
        ]
        day = Day(rule.effective)
        when = (
            Message(N_("transposition due {day}"), day=day)
            if rule.deadline
            else Message(N_("from {day}"), day=day)
        )
        until = Message(N_(" until {day}"), day=Day(rule.ends)) if rule.ends else ""
        remote = term(N_("; covers remote jobs that could be done there")) if rule.remote else ""
        employers = employers_text(rule.employers)
        terms = RuleText(
            R_("{when}{until}; {employers}{remote}"),
            when=when,
            until=until,
            employers=employers,
            remote=remote,
        )
        lines += [
            "",
            localized(RuleText(R_("{name} ({place})"), name=RuleText(rule.name), place=place)),
            "  " + localized(terms),
            "  " + say(N_("Requires: {needs}"), needs=compose(N_("; ")).join(needs)),
            "  " + say(N_("Source: {source} <{url}>"), source=rule.source, url=rule.url),
            *(["  " + say(N_("Note: {note}"), note=RuleText(rule.note))] if rule.note else []),
        ]
    return "\n".join(lines) + "\n"
