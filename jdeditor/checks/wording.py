"""Gender-coded wording (Gaucher, Friesen & Kay 2011) and gendered terms, as advice.

Coded words are the stems of the paper's Appendix A as Kat Matfield's Gender Decoder uses them
(``resources/wording.toml``), matched and scored as Gender Decoder does (its test cases are
ported in tests/checks/test_wording.py):

* a word is a run of letters, digits or underscores; anything else (spaces, punctuation,
  dashes, quotes, apostrophes) separates words. A hyphenated word stays whole only when it
  starts with a hyphenated stem ("co-operative"); otherwise each part is a word
  ("servant-leader" is "servant" and "leader").
* a word is coded when it starts with a stem, case-insensitively ("lead" counts "leadership"),
  unless it is a listed exception ("sharepoint").
* balance: feminine minus masculine count; 0 is neutral (empty with no coded words at all),
  above 3 strongly feminine-coded, 1 to 3 feminine-coded, and the same below 0 for masculine.

Where this differs from Gender Decoder: a word counts once even when two stems of one list
match it (Gender Decoder counts "interpersonal" twice, for "interpersonal" and "interpersona");
"head-strong" is kept whole like the other hyphenated stems (Gender Decoder splits it, so never
finds it); a stray hyphen before or after a word is not part of it; words inside a web or e-mail
address, and the company name, city and region, are not counted (names are not wording).

Gendered terms (``wording.gendered-term``) are nouns from the data file ("salesman" →
"salesperson") and paired pronouns, replaced with singular "they" only where the plain
replacement reads right: "his/her" → "their", "him or her" → "them", "he/she will" → "they
will", "he or she is" → "they are"; "he/she handles" gets the advice without a replacement.
"guys" becomes "everyone" after a greeting, "the team" after "the"/"our", "you all" after
"you", and gets no replacement elsewhere. A lone "he" or "she" may be a real person: not flagged.
A capitalised noun inside a sentence is a name ("Sarah Manning", "Mike Foreman", the agency
"Manpower"), so it is not flagged; after "the", "our" and the like it is a title written with a
capital ("the Chairman"): flagged, but without a one-click replacement (it might still be a name).
In the job title every word is capitalised, so capitals say nothing there.

What is counted for the balance, at the posting level (``balance``, ``check``): not the job
title (a role's name: "Team Lead"), not the pay note ("depending on experience"), and not the
company's name, city or region where the other fields mention them ("Acme Support was founded
…"). ``balance_of_texts`` counts plain text as Gender Decoder does, without these exclusions.

Only English postings are checked (``document.language`` with primary subtag "en"): the word
lists and the neutral alternatives are English, and no study validates a translation of them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress

from jdeditor._paths import resources_dir
from jdeditor.checks._core import Context, FieldPath, Finding, Severity, Span, is_english, prose
from jdeditor.checks._labels import FieldName
from jdeditor.checks._message import Message, term
from jdeditor.checks._names import (
    NAME_FIELDS,
    address_spans,
    capitalised_inside_sentence,
    inside,
    name_spans,
    proper_names,
)
from jdeditor.i18n import N_
from jdeditor.model import JobDescription

SOURCE = N_(
    "Gaucher, Friesen & Kay (2011), “Evidence That Gendered Wording in Job Advertisements "
    "Exists and Sustains Gender Inequality”, Journal of Personality and Social Psychology "
    "101(1):109–128, Appendix A; stems and scoring as in Kat Matfield's Gender Decoder"
)
TERMS_SOURCE = N_("APA Style (7th ed.): gender, section 5.5; singular “they”, section 4.18")

MASCULINE = "masculine"
FEMININE = "feminine"
CODINGS = (N_("strongly feminine-coded"), N_("feminine-coded"), N_("neutral"),
           N_("masculine-coded"), N_("strongly masculine-coded"))  # fmt: skip
EMPTY = "empty"
"""The balance of a text without a single coded word (Gender Decoder's name for it)."""

NOT_CODED: frozenset[FieldPath] = frozenset({("title",), ("salary", "note")})
"""Fields whose coded words are not counted: a job title names a role ('Team Lead'), and the pay
note says what pay depends on ('depending on experience'); neither is a wording choice."""


# --- The word lists ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Lists:
    masculine: tuple[str, ...]
    feminine: tuple[str, ...]
    hyphenated: tuple[str, ...]
    exceptions: frozenset[str]
    terms: Mapping[str, str]


@cache
def _lists() -> _Lists:
    with (resources_dir() / "wording.toml").open("rb") as file:
        data = tomllib.load(file)
    masculine = tuple(data["masculine"]["paper"] + data["masculine"]["gender_decoder"])
    feminine = tuple(data["feminine"]["paper"] + data["feminine"]["gender_decoder"])
    return _Lists(
        masculine=masculine,
        feminine=feminine,
        hyphenated=tuple(stem for stem in masculine + feminine if "-" in stem),
        exceptions=frozenset(data["coded"]["exceptions"]),
        terms=dict(data["gendered_terms"]),
    )


def stems(coding: str) -> tuple[str, ...]:
    """The stems coded ``coding`` (MASCULINE or FEMININE)."""
    return _lists().masculine if coding == MASCULINE else _lists().feminine


# --- Coded words ------------------------------------------------------------------------------
_TOKEN = re.compile(r"\w+(?:-\w+)*")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` as Gender Decoder reads them, lower-cased, with their spans."""
    hyphenated = _lists().hyphenated
    found = []
    for match in _TOKEN.finditer(text):
        word, start = match.group(), match.start()
        if "-" in word and not word.lower().startswith(hyphenated):
            for part in word.split("-"):
                found.append((part.lower(), start, start + len(part)))
                start += len(part) + 1
        else:
            found.append((word.lower(), start, match.end()))
    return found


@lru_cache(maxsize=8192)
def _codings(word: str) -> tuple[str, ...]:
    lists = _lists()
    if word in lists.exceptions:
        return ()
    return tuple(
        coding
        for coding, stems in ((MASCULINE, lists.masculine), (FEMININE, lists.feminine))
        if word.startswith(stems)
    )


CodedWord = tuple[str, str, int, int]
"""``(coding, word, start, end)``: 'masculine' or 'feminine', the word in lower case, its span."""


def reference_coded_words(text: str) -> tuple[CodedWord, ...]:
    """``coded_words`` written plainly: what the fast version must agree with."""
    addresses = address_spans(text)
    return tuple(
        (coding, word, start, end)
        for word, start, end in tokens(text)
        for coding in _codings(word)
        if not any(a <= start < b for a, b in addresses)
    )


@lru_cache(maxsize=8192)
def _token_hits(token: str) -> tuple[CodedWord, ...]:
    if "-" not in token:
        return tuple((coding, token, 0, len(token)) for coding in _codings(token))
    return tuple((coding, word, s, e) for word, s, e in tokens(token) for coding in _codings(word))


@lru_cache(maxsize=8192)
def _lowered_tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text.lower()))


@lru_cache(maxsize=8192)
def word_set(text: str) -> frozenset[str]:
    """The lower-case words of ``text`` (hyphenated ones whole and in parts): a quick test of
    whether a phrase list can match at all before its regular expression runs."""
    found = set(tokens := _lowered_tokens(text))
    if "-" in text:
        for token in tokens:
            if "-" in token:
                found.update(token.split("-"))
    return frozenset(found)


@lru_cache(maxsize=8192)
def coded_words(text: str) -> tuple[CodedWord, ...]:
    """Each coded word of ``text``, in order (the per-word work is cached by word)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: offsets differ
        return reference_coded_words(text)
    per_token = list(map(_token_hits, _lowered_tokens(text)))
    if not any(per_token):
        return ()
    # Spans only for the tokens that hold a coded word; compress() and map() run in C.
    spans = compress(map(re.Match.span, _TOKEN.finditer(lowered)), per_token)
    addresses = address_spans(text)
    return tuple(
        (coding, word, start + s, start + e)
        for (start, _end), hits in zip(spans, filter(None, per_token), strict=True)
        for coding, word, s, e in hits
        if not any(a <= start + s < b for a, b in addresses)
    )


@dataclass(frozen=True, slots=True)
class Balance:
    """How a posting's wording leans: the coded words found (lower case, in order) and a label."""

    masculine_words: tuple[str, ...] = ()
    feminine_words: tuple[str, ...] = ()
    applies: bool = True
    """False for a posting not in English: nothing was counted."""

    @property
    def masculine(self) -> int:
        return len(self.masculine_words)

    @property
    def feminine(self) -> int:
        return len(self.feminine_words)

    @property
    def label(self) -> str:
        """One of ``CODINGS``, or ``EMPTY`` when no word is coded."""
        return coding(self.masculine, self.feminine)


def coding(masculine: int, feminine: int) -> str:
    """Gender Decoder's label for the counts."""
    score = feminine - masculine
    if score == 0:
        return CODINGS[2] if feminine else EMPTY
    if score > 3:
        return CODINGS[0]
    if score > 0:
        return CODINGS[1]
    return CODINGS[4] if score < -3 else CODINGS[3]


def balance_of_texts(texts: Iterable[str]) -> Balance:
    """The balance of plain texts, every coded word counted (Gender Decoder's reading)."""
    return _balance(map(coded_words, texts))


def balance(document: JobDescription) -> Balance:
    """The posting's overall balance; empty and ``applies=False`` for a non-English posting.
    The title, the pay note and the names the posting mentions are not counted (module doc)."""
    if not is_english(document):
        return Balance(applies=False)
    names = proper_names(document)
    return _balance(_counted(path, text, names) for path, text in _texts(document))


def _balance(per_field: Iterable[tuple[CodedWord, ...]]) -> Balance:
    masculine: list[str] = []
    feminine: list[str] = []
    for coded in per_field:
        for kind, word, _start, _end in coded:
            (masculine if kind == MASCULINE else feminine).append(word)
    return Balance(tuple(masculine), tuple(feminine))


def _texts(document: JobDescription) -> list[tuple[FieldPath, str]]:
    return [(path, text) for path, text in prose(document) if path not in NAME_FIELDS]


@lru_cache(maxsize=8192)
def _counted(path: FieldPath, text: str, names: tuple[str, ...]) -> tuple[CodedWord, ...]:
    """The coded words of one field that count at the posting level."""
    if path in NOT_CODED:
        return ()
    coded = coded_words(text)
    if not coded or not names:
        return coded
    spans = name_spans(text, names)
    return tuple(word for word in coded if not inside(spans, word[2])) if spans else coded


# --- Gendered terms ---------------------------------------------------------------------------
_MODALS = frozenset(
    ["will", "would", "can", "could", "shall", "should", "may", "might", "must", "had", "did"]
)
_AGREEMENT = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't",
              "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't"}  # fmt: skip
_PAIRS = {
    "poss": (r"his\s*/\s*her|her\s*/\s*his|his\s+or\s+her|her\s+or\s+his", "their"),
    "obj": (r"him\s*/\s*her|her\s*/\s*him|him\s+or\s+her|her\s+or\s+him", "them"),
    "refl": (
        r"himself\s*/\s*herself|herself\s*/\s*himself|himself\s+or\s+herself"
        r"|herself\s+or\s+himself",
        "themselves",
    ),
    "pron": (r"his\s*/\s*hers|his\s+or\s+hers|hers\s+or\s+his", "theirs"),
}
_SUBJECT = r"he\s*/\s*she|she\s*/\s*he|he\s+or\s+she|she\s+or\s+he|s/he|\(s\)he"
_GREETING = re.compile(r"(?i)(?<!\w)(?:hi|hey|hello|thanks|morning|afternoon|evening)[,!]?\s*$")
_PRONOUNS = frozenset(["he", "she", "his", "her", "him", "hers", "himself", "herself", "guys"])


@cache
def _term_words() -> frozenset[str]:
    """A word one of the terms must hold: no gendered term in a text without one of these."""
    return _PRONOUNS | {re.split(r"[\s-]", term)[0] for term in _lists().terms}


@cache
def _terms_regex() -> re.Pattern[str]:
    nouns = sorted(_lists().terms, key=len, reverse=True)
    noun = "|".join(re.escape(term).replace(r"\ ", r"\s+") for term in nouns)
    pairs = "|".join(f"(?P<{name}>{pattern})" for name, (pattern, _) in _PAIRS.items())
    return re.compile(
        rf"(?i)(?<!\w)(?:(?P<noun>{noun})|{pairs}"
        rf"|(?P<subject>{_SUBJECT})(?:(?P<gap>\s+)(?P<verb>[^\W\d_]+(?:['’][^\W\d_]+)?))?"
        rf"|(?P<det>(?:the|our|my|you)\s+)?(?P<guys>guys))(?!\w)"
    )


def match_case(original: str, replacement: str) -> str:
    """``replacement`` with the capitals of ``original``: 'SALESMAN' → 'SALESPERSON'."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and original.lstrip("(")[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _term(text: str, match: re.Match[str]) -> tuple[Span, str | None]:
    """The span to replace and its replacement (None where no plain one reads right)."""
    found = match.group()
    if match.group("noun"):
        key = re.sub(r"\s+", " ", found.lower())
        return match.span(), match_case(found, _lists().terms[key])
    for name, (_pattern, pronoun) in _PAIRS.items():
        if match.group(name):
            return match.span(), match_case(found, pronoun)
    if match.group("subject"):
        return _subject(match)
    return match.span(), _guys(text, match)


def _subject(match: re.Match[str]) -> tuple[Span, str | None]:
    """'he or she is' → 'they are', 'he/she will' → 'they will'; 'he/she handles' → None."""
    start, subject_end = match.span("subject")
    verb = match.group("verb")
    if verb is None:  # "he/she's", or the end of the text: no plain rewrite
        return (start, subject_end), None
    key = verb.lower().replace("’", "'")
    if key in _AGREEMENT:
        agreed = _AGREEMENT[key].replace("'", "’" if "’" in verb else "'")
        return match.span(), match_case(match.group(), f"they{match.group('gap')}{agreed}")
    if key in _MODALS or (key.endswith("ed") and "'" not in key):
        return (start, subject_end), match_case(match.group("subject"), "they")
    return (start, subject_end), None


def _guys(text: str, match: re.Match[str]) -> str | None:
    """'the guys' → 'the team', 'you guys' → 'you all', 'Hi guys' → 'Hi everyone'."""
    determiner = match.group("det")
    if determiner:
        word = "all" if determiner.strip().lower() == "you" else "team"
        return determiner + match_case(match.group("guys"), word)
    start = match.start()
    if not text[:start].strip() or _GREETING.search(text, max(0, start - 12), start):
        return match_case(match.group(), "everyone")
    return None


# --- Findings ---------------------------------------------------------------------------------
_CODED = {
    MASCULINE: N_(
        "{field}: “{word}” reads as masculine-coded (Gaucher et al. 2011); keep it if it is "
        "what you mean"
    ),
    FEMININE: N_(
        "{field}: “{word}” reads as feminine-coded (Gaucher et al. 2011); keep it if it is "
        "what you mean"
    ),
}
_LEANS = {
    MASCULINE: N_(
        "The posting reads as {coding} overall: {counts}. Masculine-coded wording can make a "
        "job look less open to women; keep the words that say what you mean."
    ),
    FEMININE: N_(
        "The posting reads as {coding} overall: {counts}. The study found feminine-coded "
        "wording makes a job only slightly less appealing to men; keep the words that say "
        "what you mean."
    ),
}


_DETERMINER = re.compile(
    r"(?i)(?<!\w)(?:the|a|an|our|your|their|its|this|that|each|every|any|no)\s+$"
)


def _name_like(path: FieldPath, text: str, match: re.Match[str], suggestion: str | None) -> bool:
    """A gendered noun (or 'Guys' without a rewrite) capitalised inside a sentence: a name."""
    if path == ("title",) or not (match.group("noun") or (match.group("guys") and not suggestion)):
        return False
    return capitalised_inside_sentence(text, match.start())


@lru_cache(maxsize=8192)
def _field_findings(path: FieldPath, text: str, names: tuple[str, ...]) -> tuple[Finding, ...]:
    coded = _counted(path, text, names)
    terms = [] if _term_words().isdisjoint(word_set(text)) else [*_terms_regex().finditer(text)]
    if terms and names and (spans := name_spans(text, names)):
        terms = [match for match in terms if not inside(spans, match.start())]
    if not coded and not terms:
        return ()
    label = FieldName(path)

    def advice(
        span: Span, code: str, template: str, source: str, suggestion: str | None, **more: str
    ) -> Finding:
        word = text[span[0] : span[1]]
        params = {"field": label, "word": word, "suggestion": suggestion or "", **more}
        return Finding(code, Severity.ADVICE, path, template, span=span, suggestion=suggestion,
                       reference=source, found=(word,), params=params)  # fmt: skip

    findings = [
        advice((start, end), f"wording.{kind}-coded", _CODED[kind], SOURCE, None)
        for kind, _word, start, end in coded
    ]
    for match in terms:
        span, suggestion = _term(text, match)
        if suggestion is not None:
            instead = Message(N_("“{suggestion}” says the same"), suggestion=suggestion)
        elif match.group("guys"):
            instead = term(N_("“everyone” or “the team” says the same"))
        else:
            instead = term(N_("“they” (with its verb: “they handle”) or “you” says the same"))
        if _name_like(path, text, match, suggestion):
            if not _DETERMINER.search(text, max(0, match.start() - 8), match.start()):
                continue  # 'Sarah Manning', 'Mike Foreman', 'Manpower' the agency
            # 'the Chairman': a title with a capital, or a name ('the Manning report'): the
            # advice stands, the one-click rewrite does not.
            instead = Message(N_("{instead} unless it is a name"), instead=instead)
            suggestion = None
        template = N_("{field}: “{word}” is gendered; {instead} for readers of any gender")
        findings.append(
            advice(
                span, "wording.gendered-term", template, TERMS_SOURCE, suggestion, instead=instead
            )
        )
    findings.sort(key=lambda finding: (finding.span or (0, 0))[0])
    return tuple(findings)


def _balance_finding(result: Balance) -> Finding:
    total = result.masculine + result.feminine
    counts = Message(
        N_("{masculine} masculine-coded and {feminine} feminine-coded word (Gaucher et al. 2011)")
        if total == 1
        else N_(
            "{masculine} masculine-coded and {feminine} feminine-coded words (Gaucher et al. 2011)"
        ),
        masculine=str(result.masculine),
        feminine=str(result.feminine),
    )
    if result.label == CODINGS[2]:
        template = N_(
            "The posting's coded wording is balanced: {counts}. It probably won't put off men "
            "or women."
        )
    else:
        template = _LEANS[MASCULINE if result.label in CODINGS[3:] else FEMININE]
    params = {"coding": term(result.label), "masculine": str(result.masculine),
              "feminine": str(result.feminine), "counts": counts}  # fmt: skip
    return Finding(
        "wording.balance", Severity.ADVICE, (), template, reference=SOURCE, params=params
    )


def check(document: JobDescription, context: Context | None = None) -> list[Finding]:
    """Coded words, gendered terms, and the overall balance when anything is coded."""
    if not is_english(document):
        return []
    texts = _texts(document)
    names = proper_names(document)
    result = _balance(_counted(path, text, names) for path, text in texts)
    findings = [_balance_finding(result)] if result.masculine or result.feminine else []
    for path, text in texts:
        findings.extend(_field_findings(path, text, names))
    return findings
