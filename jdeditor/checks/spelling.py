"""Spelling: words the posting language's dictionary does not know, with a suggestion.

The checker is pyspellchecker: pure Python, maintained, and its word-frequency dictionaries
(English, Spanish, French, German, Portuguese, Italian, Dutch, Russian, …) ship inside the wheel,
so it works offline and in the standalone app with nothing to install on the system. Hunspell
through pyenchant has richer dictionaries but needs the Enchant C library and a dictionary
package on every machine (the README says why this one).

Not checked: acronyms (CRM, KPI), words with inner capitals (HubSpot), capitalised words inside
a sentence (names), placeholders, web and e-mail addresses, words of one letter, the
call-center vocabulary in ``resources/spelling/`` and the user's own dictionary
(``Context.words``). The company's name, city and region are names: their fields are not
checked, and their words are accepted anywhere in the posting ("Northwind", "Makati").
Chinese has no spelling in this sense: a zh posting gets no findings.

A suggestion is a known word one edit away (a letter deleted, inserted, replaced, or two
neighbours swapped: "recieve" → "receive"), about a millisecond a word; two edits away is left
out: it took about 0.4 s an unknown word (a short Spanish posting marked English took 15 s),
and a word that far off is rarely a typo of the word it finds. When more than ``FOREIGN_SHARE`` of
a posting's checked words are unknown (``FOREIGN_MIN_WORDS`` or more of them), the posting is
most likely in another language than its language field says: one ``spelling.wrong-language``
finding replaces a finding per word.
"""

from __future__ import annotations

import re
import threading
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from jdeditor._paths import resources_dir
from jdeditor._text import ADDRESS
from jdeditor.checks._core import WORD, Context, Finding, Severity, prose
from jdeditor.checks._labels import FieldName
from jdeditor.checks._names import NAME_FIELDS, SENTENCE_BREAK, proper_names
from jdeditor.checks.placeholders import PLACEHOLDER
from jdeditor.i18n import N_
from jdeditor.model import JobDescription

if TYPE_CHECKING:
    from spellchecker import SpellChecker

LANGUAGES = frozenset({"en"})
"""Posting languages checked. pyspellchecker also ships Spanish, French, German and others, but
those lists lack common inflected forms (Spanish 'clientes', 'llamadas'): advice that flags
every plural would teach users to ignore it, so only English is checked for now."""

# British and Commonwealth spellings of words the (American) word list has: a variant, not a
# mistake, in any English posting. Each pair turns a British ending into the American one.
_BRITISH_ENDINGS = (
    ("our", "or"),  # colour, behaviour
    ("ours", "ors"),
    ("ise", "ize"),  # organise, prioritise
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("isation", "ization"),
    ("isations", "izations"),
    ("yse", "yze"),  # analyse
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("tre", "ter"),  # centre
    ("tres", "ters"),
    ("ogue", "og"),  # catalogue
    ("ence", "ense"),  # licence, defence
    ("lled", "led"),  # travelled
    ("lling", "ling"),
    ("ller", "ler"),
)

FOREIGN_SHARE = 0.3
FOREIGN_MIN_WORDS = 20
"""More than 30% of at least 20 checked words unknown: the posting is not in its language.
The presets have 0% unknown; short Spanish, French and German postings marked English have
70-90%. jdeditor's choice, not a published figure."""

_SOURCE = N_(
    "pyspellchecker word-frequency dictionary ({language}) and jdeditor's call-center list"
)
_MASK = re.compile(f"{PLACEHOLDER.pattern}|{ADDRESS.pattern.removeprefix('(?i)')}", re.IGNORECASE)
_lock = threading.Lock()


@cache
def _checker(language: str) -> SpellChecker:
    from spellchecker import SpellChecker  # noqa: PLC0415 - about 150 ms: on first check

    return SpellChecker(language=language, distance=1)


@cache
def vocabulary(language: str) -> frozenset[str]:
    """Words of the trade that are right though the dictionary lacks them ('omnichannel')."""
    words_: set[str] = set()
    for path in (resources_dir() / "spelling").glob(f"{language}-*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.split("#", 1)[0].strip().casefold()
            if word:
                words_.add(word)
    return frozenset(words_)


def _lookup_form(word: str) -> str:
    word = word.replace("’", "'").casefold()
    return word[:-2] if word.endswith("'s") else word


class Scan(NamedTuple):
    checked: int
    """How many words were looked up (names, acronyms and one-letter words are not)."""
    unknown: tuple[tuple[str, int, int], ...]
    """The words the dictionary and the call-center list do not know, with their spans."""


@lru_cache(maxsize=8192)
def scan(language: str, text: str) -> Scan:
    """The words of ``text`` looked up, and the unknown ones among them."""
    masked = (
        _MASK.sub(lambda match: " " * len(match.group()), text)
        if "[" in text or ("@" in text or "http" in text or "www." in text)
        else text
    )
    found = []
    checked = 0
    previous_end = 0
    for match in WORD.finditer(masked):
        word, start = match.group(), match.start()
        # A capitalised word is a name unless it starts the text or a sentence.
        at_start = not previous_end or bool(SENTENCE_BREAK.search(masked, previous_end, start))
        previous_end = match.end()
        if len(word) < 2 or _is_name_or_acronym(word, at_start):
            continue
        checked += 1
        if not known(language, word):
            found.append((word, start, previous_end))
    return Scan(checked, tuple(found))


def unknown_words(language: str, text: str) -> tuple[tuple[str, int, int], ...]:
    """The words of ``text`` the dictionary and the call-center list do not know, with spans."""
    return scan(language, text).unknown


@lru_cache(maxsize=65536)
def known(language: str, word: str) -> bool:
    """A word as written is right: in the dictionary, the trade's list or a British variant."""
    word = _lookup_form(word)
    if word in vocabulary(language):
        return True
    with _lock:
        checker = _checker(language)
        return word in checker or _variant_known(checker, word)


def _variant_known(checker: SpellChecker, word: str) -> bool:
    """A British spelling of a word the list knows in its American spelling."""
    american = [
        word[: -len(british)] + us for british, us in _BRITISH_ENDINGS if word.endswith(british)
    ]
    return bool(american) and bool(checker.known(american))


def _is_name_or_acronym(word: str, sentence_start: bool) -> bool:
    if not word[1:].islower():
        return True  # CRM, HubSpot, iPhone
    return word[0].isupper() and not sentence_start


@lru_cache(maxsize=4096)
def suggestion(language: str, word: str) -> str | None:
    """The likeliest correction one edit away, with the word's capitalisation; None when there
    is none (the module doc says why not two)."""
    lowered = _lookup_form(word)
    with _lock:
        checker = _checker(language)
        found = checker.known(checker.edit_distance_1(lowered))
        best = max(sorted(found), key=checker.word_usage_frequency, default=None)
    if best is None or best == lowered:
        return None
    return best.capitalize() if word[0].isupper() else best


def _accepted(document: JobDescription, context: Context) -> frozenset[str]:
    """The user's words and the words of the company's name, city and region, case-folded."""
    names = {word.casefold() for name in proper_names(document) for word in WORD.findall(name)}
    return frozenset({word.casefold() for word in context.words} | names)


def check(document: JobDescription, context: Context) -> list[Finding]:
    language = document.language.split("-")[0].lower()
    if language not in LANGUAGES:
        return []
    accepted = _accepted(document, context)
    checked = 0
    unknown = []
    for path, text in prose(document):
        if path in NAME_FIELDS:
            continue
        found = scan(language, text)
        checked += found.checked
        for word, start, end in found.unknown:
            if _lookup_form(word) in accepted or word.casefold() in accepted:
                checked -= 1  # a known word after all: not counted against the language
                continue
            unknown.append((path, word, start, end))
    if checked >= FOREIGN_MIN_WORDS and len(unknown) > FOREIGN_SHARE * checked:
        return [_wrong_language(language, len(unknown), checked)]
    findings = []
    for path, word, start, end in unknown:
        better = suggestion(language, word)
        findings.append(
            Finding(
                "spelling.unknown-word",
                Severity.ADVICE,
                path,
                N_("{field}: “{word}” is not in the dictionary: did you mean “{suggestion}”?")
                if better
                else N_("{field}: “{word}” is not in the dictionary"),
                span=(start, end),
                suggestion=better,
                reference=_SOURCE,
                found=(word,),
                params={
                    "field": FieldName(path),
                    "word": word,
                    "suggestion": better or "",
                    "language": language,
                },
            )
        )
    return findings


def _wrong_language(language: str, unknown: int, checked: int) -> Finding:
    return Finding(
        "spelling.wrong-language",
        Severity.ADVICE,
        ("language",),
        N_("Most words are not English: is the posting's language set right?"),
        reference=N_(
            "pyspellchecker word-frequency dictionary ({language}) and jdeditor's call-center "
            "list: {unknown} of {words} words unknown (more than {share} of at least {least} is "
            "jdeditor's sign of another language)"
        ),
        params={
            "language": language,
            "unknown": str(unknown),
            "words": str(checked),
            "share": f"{FOREIGN_SHARE:.0%}",
            "least": str(FOREIGN_MIN_WORDS),
        },
    )
