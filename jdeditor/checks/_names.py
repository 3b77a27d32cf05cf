"""Names and sentences, shared by the advice families: which words are names (the company's,
the city's, a capitalised word inside a sentence) and where sentences and clauses end."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from jdeditor._text import ADDRESS
from jdeditor.checks._core import FieldPath, Span
from jdeditor.checks.placeholders import PLACEHOLDER
from jdeditor.model import JobDescription

__all__ = [
    "CLAUSE_END",
    "NAME_FIELDS",
    "SENTENCE_BREAK",
    "address_spans",
    "capitalised_inside_sentence",
    "inside",
    "name_spans",
    "proper_names",
    "starts_sentence",
]

NAME_FIELDS: frozenset[FieldPath] = frozenset(
    {("company", "name"), ("location", "locality"), ("location", "region")}
)
"""Names, not wording choices: 'Leadville' or 'Young & Co.' is not advice to give. Every advice
family skips these fields, and the names they hold where other fields mention them
(``name_spans``)."""

SENTENCE_BREAK = re.compile(r"[.!?:;•\-–—(\"“\n。！？]")
"""Between two words, one of these makes the second the first of a sentence, clause or bullet,
where a capital says nothing about whether it is a name."""

CLAUSE_END = re.compile(r"[.!?;](?=\s|$)|[。！？；]|\n")
"""Where a clause ends: what a phrase's reason ('because …') or negation ('not required') must
be inside of to count for it."""


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens ``text`` or follows a ``SENTENCE_BREAK``."""
    index = start
    while index and not text[index - 1].isalnum():
        index -= 1
    return not index or SENTENCE_BREAK.search(text, index, start) is not None


def capitalised_inside_sentence(text: str, start: int) -> bool:
    """The word at ``start`` has a capital first letter (not all capitals: 'MANPOWER' is
    emphasis) and does not open a sentence: most likely a name ('Sarah Manning')."""
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    letters = [c for c in text[start:end] if c.isalpha()]
    if len(letters) < 2 or not letters[0].isupper() or all(c.isupper() for c in letters):
        return False
    return not starts_sentence(text, start)


_LEGAL_FORM = re.compile(
    r"(?i)[\s,]+(?:inc|incorporated|ltd|limited|llc|llp|plc|corp|corporation|co|company|gmbh"
    r"|ag|s\.?a|b\.?v|n\.?v|pty|pte|srl|sas|oy|ab|as)\.?$"
)


def proper_names(document: JobDescription) -> tuple[str, ...]:
    """The company's name, city and region as the posting gives them (placeholders left out)."""
    values = (document.company.name, document.location.locality, document.location.region)
    return tuple(value for value in values if value.strip() and not PLACEHOLDER.search(value))


@lru_cache(maxsize=256)
def _names_regex(names: tuple[str, ...]) -> re.Pattern[str] | None:
    alternatives = set()
    for name in names:
        for variant in (name.strip(), _LEGAL_FORM.sub("", name.strip())):
            if sum(c.isalnum() for c in variant) < 3:  # 'CO', 'ON': an abbreviation, not a name
                continue
            pattern = r"\s+".join(map(re.escape, variant.split()))
            # One word is matched as written (or in capitals): 'Support' the company is not
            # 'support' the word. Two or more words are a name in any case.
            if len(variant.split()) == 1:
                pattern = f"(?-i:{pattern}|{re.escape(variant.upper())})"
            alternatives.add(pattern)
    if not alternatives:
        return None
    ordered = sorted(alternatives, key=len, reverse=True)
    return re.compile(rf"(?i)(?<!\w)(?:{'|'.join(ordered)})(?!\w)")


@lru_cache(maxsize=8192)
def name_spans(text: str, names: tuple[str, ...]) -> tuple[Span, ...]:
    """Where ``text`` mentions one of ``names`` (``proper_names``): not wording to advise on."""
    regex = _names_regex(names) if names else None
    return () if regex is None else tuple(match.span() for match in regex.finditer(text))


def inside(spans: Iterable[Span], start: int) -> bool:
    return any(a <= start < b for a, b in spans)


def address_spans(text: str) -> list[Span]:
    """Where ``text`` holds a web or e-mail address: its characters are not words."""
    if "@" not in text and "www." not in text and "://" not in text:
        return []
    return [match.span() for match in ADDRESS.finditer(text)]
