"""Inclusive language: age- and ability-coded wording, jargon, and a bloated required list.

Each rule is a phrase pattern with the reason it is advice, a plain replacement where one reads
right, and its source. A family's patterns are compiled once into one regular expression,
matched as whole words and phrases, case-insensitively, with straight and curly apostrophes
alike; spans are character offsets into the field's text. A replacement takes the capitals of
what it replaces, and "a" before it becomes "an" where it must ("a rockstar" → "an expert").

Ability-coded wording is not wrong in itself: the ADA lets an employer set a job's essential
functions, and a written description is evidence of them. What shuts people out is an ability
stated as a blanket condition, so one is flagged only when its sentence says neither why nor
how much. Physical effort ("must be able to lift", "stand") passes with a reason ("because",
"in order to", "so that", "while", "when", "for restocking", "to restock shelves") or a measure
("25 lb", "8-hour", "30%"); senses ("able to hear", "perfect vision") with a reason only;
driving ("driver's license", "own vehicle") with a reason or a word naming the driving
("travel", "visit", "deliver", "vehicle", "sites"); "able-bodied" never. No replacement is
offered: the honest rewrite names the duty, which only the writer knows.

Age-coded wording is looked for only where the posting describes the candidate or the team
(``AGE_FIELDS``: the title, summary, qualifications, skills, experience, about the company,
benefits and how to apply), not in the duties or the measures of success, which describe the
work and its customers ("help college students with financial aid", "Gen Z and millennial
customers"). A capitalised word inside a sentence is a name ("Young Street", "Young Living") and
is not flagged, except in the job title, where every word has a capital. The company's name,
city and region are names wherever the posting mentions them ("Young & Co").

"Wizard" is not hype on its own ("setup wizards" are software), so it is not on the list.

"Fast-paced environment" is left out on purpose: in a contact center it is usually a fair
description of the work, and flagging it would bury the advice that matters.

English only for now (``document.language`` primary subtag "en"): the phrases and replacements
are English. The required-list length check counts items, so it runs in any language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from jdeditor.checks._core import Context, FieldPath, Finding, Severity, is_english, prose
from jdeditor.checks._labels import FieldName
from jdeditor.checks._message import term
from jdeditor.checks._names import (
    CLAUSE_END,
    NAME_FIELDS,
    address_spans,
    capitalised_inside_sentence,
    name_spans,
    proper_names,
)
from jdeditor.checks.wording import match_case, word_set
from jdeditor.i18n import N_
from jdeditor.model import JobDescription

REQUIRED_MAX = 6
"""More required qualifications than this draws the advice to move some to Preferred."""

AGE_FIELDS: frozenset[FieldPath] = frozenset(
    {("title",), ("summary",), ("required_qualifications",), ("preferred_qualifications",),
     ("skills",), ("benefits",), ("experience", "description"), ("company", "about"),
     ("how_to_apply", "instructions")}
)  # fmt: skip
"""Where age-coded wording is looked for: the fields that describe the candidate or the team (a
list item's path starts with its list's)."""

AGE_SOURCE = N_(
    "Age Discrimination in Employment Act, 29 U.S.C. § 623(e); EEOC, 29 CFR § 1625.4(a): "
    "help-wanted notices may not use terms such as “young”, “college student” or “recent "
    "college graduate”, or others of a similar nature"
)
ABILITY_SOURCE = N_(
    "Americans with Disabilities Act: a written job description is evidence of the job's "
    "essential functions (42 U.S.C. § 12111(8); EEOC, 29 CFR § 1630.2(n)), and a requirement "
    "that screens out people with disabilities must be job-related (42 U.S.C. § 12112(b)(6))"
)
HYPE_SOURCE = N_(
    "Textio, “Still looking for that ‘rock star’ candidate?” (posts asking for a ‘rock star’ or "
    "a ‘genius’ fill more slowly); LinkedIn Talent Blog (2016), “17 Words That Are Turning Women "
    "Away From Your Jobs” (lists ‘ninja’ and ‘rock star’)"
)
CULTURE_SOURCE = N_(
    "Phrases job seekers read as signs of long hours: The Wall Street Journal (R. A. Smith, "
    "September 2022) on job-posting red flags such as “we're like a family”; Dice Insights "
    "(2022), “8 Red Flags in Tech Job Postings” (“work hard, play hard”)"
)
PLAIN_SOURCE = N_("Federal Plain Language Guidelines (PLAIN, 2011): avoid jargon")
OWN_ADVICE = N_("jdeditor's own advice (no study): say what the pace and hours are")
BLOAT_SOURCE = N_(
    "Tara Sophia Mohr, “Why Women Don't Apply for Jobs Unless They're 100% Qualified”, Harvard "
    "Business Review, 25 August 2014, citing a Hewlett-Packard internal report: women apply "
    "when they meet 100% of the listed qualifications, men when they meet about 60%. The limit "
    "of {limit} items is jdeditor's choice, not the report's"
)

Suggest = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: str
    """A regular expression where a space means 'one or more spaces', '~' means 'a hyphen, a
    space or nothing' and "'" means a straight or curly apostrophe. No capturing groups."""
    words: str
    """Words (lower case, space-separated) of which every match holds at least one whole:
    a text without any of them skips the regular expression (the cheap test comes first)."""
    reason: str
    suggest: str | Suggest | None = None
    source: str = ""
    kind: str = ""
    """For ability rules: 'effort', 'sense', 'driving', or '' (always flagged)."""


@dataclass(frozen=True, slots=True)
class _Family:
    code: str
    rules: tuple[Rule, ...]
    regex: re.Pattern[str]
    words: frozenset[str]


def _family(code: str, rules: list[Rule]) -> _Family:
    def compiled(pattern: str) -> str:
        return pattern.replace("'", "['’]").replace("~", r"[-\s]?").replace(" ", r"\s+")

    alternatives = "|".join(f"(?P<r{i}>{compiled(rule.pattern)})" for i, rule in enumerate(rules))
    regex = re.compile(rf"(?i)(?<!\w)(?:{alternatives})(?!\w)")
    return _Family(code, tuple(rules), regex, frozenset(" ".join(r.words for r in rules).split()))


# --- Suggestions ------------------------------------------------------------------------------
def _plural(singular: str, plural: str) -> Suggest:
    return lambda found: plural if found.lower().endswith("s") else singular


def _person(bare: str | None, after_article: str, plural: str) -> Suggest:
    """For a pattern that takes its article: 'a digital native' → 'someone comfortable...'."""

    def suggest(found: str) -> str | None:
        if found.lower().endswith("s"):
            return plural
        return after_article if re.match(r"(?i)an?\s", found) else bare

    return suggest


def _inflect(template: str, forms: str) -> Suggest:
    """The replacement in the verb form of the phrase's first word: 'hits' → 'gets ...'."""
    base, third, past, gerund = forms.split()

    def suggest(found: str) -> str:
        verb = found.split(maxsplit=1)[0].lower()
        if verb.endswith("ing"):
            return template.format(gerund)
        if verb.endswith("ed"):
            return template.format(past)
        return template.format(third if verb.endswith("s") else base)

    return suggest


def _drop_young(found: str) -> str:
    return re.sub(r"(?i),?\s*\byoung\b,?\s*(?:and\s+)?", " ", found).strip()


def _close_team(found: str) -> str:
    return re.sub(r"(?i)(?:a|one\s+big)(?:\s+happy)?\s+family$", "a close-knit team", found)


# --- Rules ------------------------------------------------------------------------------------
_N = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)"
_YEARS = r"(?:years?|yrs?)(?: of(?: [a-z]+)? experience)?"
_ABLE = r"(?:(?:must|should) (?:be )?)?(?:physically )?(?:able|ability) to"
_EFFORT = "stand sit walk lift carry climb kneel bend stoop crouch crawl reach push pull"
_EFFORT_ING = (
    "standing sitting walking lifting carrying climbing kneeling bending stooping crouching "
    "crawling reaching pushing pulling"
)
_AGE_GROUP = N_("asks for an age group in effect; say the level instead")
_JARGON_REASON = N_("is jargon; say what you mean")


def _any(words: str) -> str:
    return "(?:" + "|".join(words.split()) + ")"


# Rule(pattern, words, reason, suggestion, source, kind): see Rule.
# fmt: off
_AGE = _family("inclusion.age-coded", [
    Rule(r"(?:energetic|dynamic|vibrant),? young team"
         r"|young(?:,? (?:and )?(?:energetic|dynamic|vibrant|fun))?,? team", "young",
         N_("describes the team's age, which tells older applicants it is not for them"),
         _drop_young),
    Rule(r"young(?:er|est)?|youthful|youngsters?",
         "young younger youngest youthful youngster youngsters",
         N_("signals an age preference, which deters older applicants; describe the work or the "
         "level instead")),
    Rule(r"(?:an? )?digital~natives?", "native natives digitalnative digitalnatives",
         N_("implies a generation rather than a skill; name the tools the job uses"),
         _person("comfortable with digital tools", "someone comfortable with digital tools",
                 "people comfortable with digital tools")),
    Rule(r"(?:an? )?(?:recent|fresh|new) (?:college |university )?grad(?:uate)?s?",
         "grad grads graduate graduates", _AGE_GROUP,
         _person("early-career candidate", "an early-career candidate",
                 "early-career candidates")),
    Rule(r"class of (?:19|20)\d\d", "class", _AGE_GROUP),
    Rule(rf"(?:no|not) more than {_N}\+? {_YEARS}"
         rf"|(?:at most|a maximum of|maximum of|max(?:imum)?\.?) {_N} {_YEARS}"
         rf"|{_N}\+? {_YEARS} max(?:imum)?", "year years yr yrs",
         N_("caps experience, which screens out older applicants; state the experience the job "
         "needs as a minimum")),
    Rule(r"(?:between the ages of|ages?|aged) (?:between )?\d\d\s*(?:to|-|–|and)\s*\d\d"
         r"|under the age of \d\d", "age ages aged",
         N_("states an age range; leave age out unless a law sets it")),
    Rule(r"over~qualified", "overqualified qualified",
         N_("is often read as “too old”; say what the role offers and let applicants decide")),
    Rule(r"new blood", "blood",
         N_("implies the current staff are the problem; say what new hires should bring"),
         "fresh perspectives"),
    Rule(r"millennials?|gen(?:eration)? z(?:ers?)?|genz(?:ers?)?|college students?",
         "millennial millennials gen generation genz genzer genzers student students",
         N_("names an age group; describe the skills, level or schedule instead")),
])

_ABILITY = _family("inclusion.ability-coded", [
    Rule(rf"{_ABLE} {_any(_EFFORT)}|capable of {_any(_EFFORT_ING)}"
         rf"|(?:prolonged|extended|frequent|constant|repeated|heavy) {_any(_EFFORT_ING)}"
         r"|physically fit|physical fitness|(?:good|excellent) physical (?:condition|health)",
         f"{_EFFORT} {_EFFORT_ING} physically physical",
         N_("states a physical ability without the duty it serves or how much; describe the task "
         "(what, how heavy, how long) and say reasonable accommodation is available, or leave "
         "it out if the job does not need it"), kind="effort"),
    Rule(rf"{_ABLE} (?:see|hear)|capable of (?:seeing|hearing)"
         r"|(?:perfect|good|excellent|normal|20/20) (?:vision|eyesight|hearing)",
         "see hear seeing hearing vision eyesight",
         N_("names a sense rather than the duty; describe what must be done (“answer calls "
         "through a headset”, “read account screens”) so people who do it another way can "
         "apply"), kind="sense"),
    Rule(r"(?:(?:must|should) (?:have|hold|possess) )?(?:an? )?"
         r"(?:(?:valid|current|clean|full) )*driv(?:er's|ers'|ers|er|ing) licen[cs]es?"
         rf"|{_ABLE} drive|own (?:a )?(?:car|vehicle)|own transportation",
         "license licenses licence licences drive car vehicle transportation",
         N_("asks for driving without saying the job involves it; if driving is an essential "
         "duty say so (“drive to client sites”), otherwise leave it out: it screens out people "
         "who cannot drive because of a disability"), kind="driving"),
    Rule(r"able~bodied", "bodied ablebodied",
         N_("describes people, not the work; describe the physical duties and say reasonable "
         "accommodation is available")),
])

_JARGON = _family("inclusion.jargon", [
    Rule(r"rock~stars?|super~stars?|ninjas?|gurus?",
         "rockstar rockstars star stars superstar superstars ninja ninjas guru gurus",
         N_("is hype that tells applicants little and puts off people who would not call "
         "themselves that; name the skill"), _plural("expert", "experts"), HYPE_SOURCE),
    Rule(r"unicorns?", "unicorn unicorns",
         N_("asks for a rare mix of everything; list the few skills the job needs"),
         source=HYPE_SOURCE),
    Rule(r"work hard,? (?:and )?play hard(?:er)?", "play",
         N_("suggests long hours and after-work socialising; describe the hours and the culture "
         "plainly"), source=CULTURE_SOURCE),
    Rule(r"(?:we're|we are|feels?|it's|it is)(?: like)? (?:a|one big)(?: happy)? family"
         r"(?!-|\s+(?:business|company|firm|owned|run|friendly|leave|members?|benefits?))",
         "family",
         N_("can suggest unpaid extra hours and blurred boundaries; describe how the team works "
         "together"), _close_team, CULTURE_SOURCE),
    Rule(r"hustl(?:e|es|ed|ing|ers?)", "hustle hustles hustled hustling hustler hustlers",
         N_("is vague and suggests long hours; describe the pace and hours honestly"),
         source=OWN_ADVICE),
    Rule(r"(?:an? )?(?:self~starters?|go~getters?)",
         "starter starters selfstarter selfstarters getter getters gogetter gogetters",
         _JARGON_REASON,
         _person(None, "someone who takes initiative", "people who take initiative")),
    Rule(r"crush(?:es|ed|ing)? it", "crush crushes crushed crushing", _JARGON_REASON,
         _inflect("{}", "excel excels excelled excelling")),
    Rule(r"hit(?:s|ting)? the ground running", "running", _JARGON_REASON,
         _inflect("{} up to speed quickly", "get gets got getting")),
    Rule(r"wear(?:s|ing)? (?:many|multiple|lots of|a lot of) hats", "hats", _JARGON_REASON,
         _inflect("{} on varied tasks", "take takes took taking")),
    Rule(r"synergy", "synergy", _JARGON_REASON, "collaboration"),
    Rule(r"synerg(?:ies|istic)", "synergies synergistic", _JARGON_REASON),
])
# fmt: on

_FAMILIES = (_AGE, _ABILITY, _JARGON)
_SOURCES = {_AGE.code: AGE_SOURCE, _ABILITY.code: ABILITY_SOURCE, _JARGON.code: PLAIN_SOURCE}


# --- Ability: is the duty stated? -------------------------------------------------------------
_REASON = re.compile(
    r"(?i)\b(?:because|since|so that|so you can|so as to|in order to|as part of|while|when"
    r"|during|(?:required|needed|necessary) (?:for|to|by)|for [a-z]+ing"
    r"|to (?!(?:the|a|an|and|or|our|your|their|his|her|its|this|that|these|those|be|do)\b)"
    r"[a-z]+)\b"
)
_DRIVING = re.compile(
    r"(?i)\b(?:travel\w*|visit\w*|deliver\w*|vehicles?|sites?|routes?|on the road|field)\b"
)
_MEASURE = re.compile(
    r"(?i)(?:\d+(?:[.,]\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve"
    r"|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred))\s*-?\s*"
    r"(?:lbs?|pounds?|kgs?|kilos?|kilograms?|hours?|hrs?|minutes?|mins?|feet|foot|ft|metres?"
    r"|meters?|m|miles?|km|kilometres?|kilometers?|stairs|steps|flights)\b|\d+\s*%"
)


def _stated(text: str, start: int, end: int, kind: str) -> bool:
    """Whether the sentence around ``[start, end)`` says why or how much (see module doc)."""
    if not kind:
        return False
    low, high = 0, len(text)
    for match in CLAUSE_END.finditer(text):
        if match.end() <= start:
            low = match.end()
        elif match.start() >= end:
            high = match.start()
            break
    rest = f"{text[low:start]} … {text[end:high]}"
    if _REASON.search(rest) or (kind == "driving" and _DRIVING.search(rest)):
        return True
    return kind == "effort" and _MEASURE.search(rest) is not None


# --- Matching ---------------------------------------------------------------------------------
_ARTICLE = re.compile(r"(?i)(?<!\w)(an?)(\s+)$")

Hit = tuple[str, int, int, str | None, str, str, bool]
"""(code, start, end, suggestion, reason, source, capitalised) of one phrase found in a text;
``capitalised``: it starts with a capitalised word inside a sentence (maybe a name)."""


def _suggestion(rule: Rule, text: str, start: int, end: int) -> tuple[int, str | None]:
    """Where the replacement starts (an article before it may join the span) and what it is."""
    found = text[start:end]
    suggestion = rule.suggest(found) if callable(rule.suggest) else rule.suggest
    if suggestion is None:
        return start, None
    suggestion = match_case(found, suggestion)
    article = _ARTICLE.search(text, max(0, start - 8), start)
    if article is not None:
        wanted = "an" if suggestion[:1].lower() in "aeiou" else "a"
        if article.group(1).lower() != wanted:
            return article.start(), match_case(article.group(1), wanted) + " " + suggestion
    return start, suggestion


@lru_cache(maxsize=8192)
def hits(text: str) -> tuple[Hit, ...]:
    """Every age-coded, ability-coded and jargon phrase in ``text``, in order."""
    words = word_set(text)
    addresses = address_spans(text)
    found: list[Hit] = []
    for family in _FAMILIES:
        if family.words.isdisjoint(words):
            continue
        for match in family.regex.finditer(text):
            start, end = match.span()
            if any(a <= start < b for a, b in addresses):
                continue
            rule = family.rules[int(str(match.lastgroup)[1:])]
            if family is _ABILITY and _stated(text, start, end, rule.kind):
                continue
            capitalised = capitalised_inside_sentence(text, start)
            start, suggestion = _suggestion(rule, text, start, end)
            source = rule.source or _SOURCES[family.code]
            found.append((family.code, start, end, suggestion, rule.reason, source, capitalised))
    found.sort(key=lambda hit: hit[1])
    return tuple(found)


def _age_field(path: FieldPath) -> bool:
    return path[:1] in AGE_FIELDS or path[:2] in AGE_FIELDS


@lru_cache(maxsize=8192)
def _field_findings(path: FieldPath, text: str, names: tuple[str, ...]) -> tuple[Finding, ...]:
    label = FieldName(path)
    findings = []
    found = hits(text)
    spans = name_spans(text, names) if found and names else ()
    for code, start, end, suggestion, reason, source, capitalised in found:
        if code == _AGE.code and (not _age_field(path) or (capitalised and path != ("title",))):
            continue
        if any(a <= start < b or start <= a < end for a, b in spans):
            continue  # the company's name, city or region
        phrase = text[start:end]
        template = (
            N_("{field}: “{phrase}” {reason}; for example “{suggestion}”")
            if suggestion
            else N_("{field}: “{phrase}” {reason}")
        )
        params = {"field": label, "phrase": phrase, "suggestion": suggestion or ""}
        findings.append(
            Finding(
                code,
                Severity.ADVICE,
                path,
                template,
                span=(start, end),
                suggestion=suggestion,
                reference=source,
                found=(phrase,),
                params=params | {"reason": term(reason)},
            )
        )
    return tuple(findings)


def _bloat(count: int) -> Finding:
    path: FieldPath = ("required_qualifications",)
    return Finding(
        "inclusion.requirements-bloat",
        Severity.ADVICE,
        path,
        N_(
            "{field} lists {count} items: people who meet most but not all of them may not "
            "apply. Keep what the job cannot do without and move the rest to {preferred}."
        ),
        reference=BLOAT_SOURCE,
        params={
            "field": FieldName(path),
            "count": str(count),
            "limit": str(REQUIRED_MAX),
            "preferred": FieldName(("preferred_qualifications",)),
        },
    )


def check(document: JobDescription, context: Context | None = None) -> list[Finding]:
    """A long required list (any language), then each English phrase found, field by field."""
    findings = []
    if len(document.required_qualifications) > REQUIRED_MAX:
        findings.append(_bloat(len(document.required_qualifications)))
    if is_english(document):
        names = proper_names(document)
        for path, text in prose(document):
            if path not in NAME_FIELDS:
                findings.extend(_field_findings(path, text, names))
    return findings
