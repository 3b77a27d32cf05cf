"""Readability and length: words, lists, sentences, Flesch reading ease (syllables as textstat
counts them: the CMU dictionary, then hyphenation)."""

from __future__ import annotations

import pytest

from jdeditor.checks import Context
from jdeditor.checks.readability import (
    check,
    flesch_reading_ease,
    reading_ease,
    syllable_count,
    text_stats,
)
from jdeditor.model import JobDescription


def _posting(**changes: object) -> JobDescription:
    base = JobDescription(title="Agent", responsibilities=("Answer calls",))
    return base.model_copy(update=changes)


def _codes(document: JobDescription) -> list[str]:
    return [finding.code for finding in check(document, Context())]


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("customer", 3), ("the", 1), ("communication", 5), ("satisfaction", 4), ("escalate", 3)],
)
def test_syllables_come_from_the_pronouncing_dictionary(word: str, syllables: int) -> None:
    assert syllable_count(word) == syllables


def test_a_word_the_dictionary_lacks_is_counted_by_its_hyphenation() -> None:
    assert syllable_count("omnichannel") >= 3


def test_flesch_reading_ease_is_fleschs_formula() -> None:
    # "The cat sat on the mat.": 6 words, 1 sentence, 6 syllables.
    stats = text_stats("The cat sat on the mat.")
    assert (stats.words, stats.sentences, stats.syllables) == (6, 1, 6)
    assert flesch_reading_ease(6, 1, 6) == pytest.approx(206.835 - 1.015 * 6 - 84.6)


def test_plain_words_read_easier_than_long_ones() -> None:
    plain = _posting(summary="You answer calls. You help people. You fix their problems fast.")
    dense = _posting(
        summary="Responsibilities encompass comprehensive organizational communication "
        "optimization, interdepartmental collaboration facilitation and "
        "administrative documentation standardization."
    )
    assert reading_ease(plain) > 60
    assert reading_ease(dense) < 0
    assert "readability.hard-to-read" in _codes(dense)
    assert "readability.hard-to-read" not in _codes(plain)


def test_length_advice_below_300_and_above_700_words() -> None:
    short = _posting(summary="Answer calls.")
    assert "readability.too-short" in _codes(short)
    sentence = "You answer calls from customers and help them kindly. "
    right = _posting(summary=sentence * 34)  # 9 words x 34 + title and duty: about 310
    assert not {"readability.too-short", "readability.too-long"} & set(_codes(right))
    long = _posting(summary=sentence * 30, benefits=tuple(f"{sentence} {n}" for n in range(60)))
    assert "readability.too-long" in _codes(long)


def test_a_list_past_eight_items_gets_advice_on_that_list() -> None:
    eight = _posting(skills=tuple(f"Skill {chr(65 + n)}" for n in range(8)))
    nine = _posting(skills=tuple(f"Skill {chr(65 + n)}" for n in range(9)))
    assert "readability.long-list" not in _codes(eight)
    (finding,) = [f for f in check(nine, Context()) if f.code == "readability.long-list"]
    assert finding.path == ("skills",)


def test_a_sentence_over_thirty_words_is_spanned() -> None:
    long_sentence = " ".join(["word"] * 31) + "."
    text = f"Short one. {long_sentence} Another short one."
    (finding,) = [
        f for f in check(_posting(summary=text), Context()) if f.code == "readability.long-sentence"
    ]
    assert finding.span is not None
    assert text[slice(*finding.span)] == long_sentence
    thirty = " ".join(["word"] * 30) + "."
    assert "readability.long-sentence" not in _codes(_posting(summary=thirty))


def test_placeholders_do_not_count_as_words() -> None:
    assert text_stats("[Two or three sentences about the company]").words == 0


def test_flesch_is_for_english_only() -> None:
    dense = "Comprehensive organizational communication optimization standardization."
    assert "readability.hard-to-read" in _codes(_posting(summary=dense))
    assert "readability.hard-to-read" not in _codes(_posting(summary=dense, language="de"))


CHINESE = (
    "我们正在寻找一名客户服务代表，负责接听客户来电并解决账单问题。"
    "你将记录每一次通话，并在需要时将复杂问题转交给主管处理。"
    "我们提供带薪培训、灵活的排班和友好的团队氛围！欢迎有耐心、善于沟通的人加入我们？"
) * 3


@pytest.mark.parametrize("language", ["zh-CN", "ja", "ko", "th"])
def test_languages_without_spaces_get_no_word_counts(language: str) -> None:
    document = _posting(language=language, title="客户服务代表", summary=CHINESE)
    codes = _codes(document)
    assert not {"readability.too-short", "readability.too-long"} & set(codes)
    assert "readability.long-sentence" not in codes
    nine = document.model_copy(update={"skills": tuple(f"技能{n}" for n in "一二三四五六七八九")})
    assert "readability.long-list" in _codes(nine)  # items, not words: any language


def test_a_full_width_stop_ends_a_sentence_without_a_space() -> None:
    assert text_stats("第一句。第二句！第三句？").sentences == 3
    assert text_stats("One. Two.\nThree").sentences == 3
    assert text_stats("Version 2.0 is out").sentences == 1
