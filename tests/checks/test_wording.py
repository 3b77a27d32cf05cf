"""Gender-coded wording (Gaucher, Friesen & Kay 2011, as Gender Decoder reads it) and gendered
terms. The first block ports every test case of Gender Decoder's tests.py
(github.com/lovedaybrooke/gender-decoder): same input texts, same expected results."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdeditor.checks import Context, Severity, apply_suggestion, prose, wording
from jdeditor.checks.wording import FEMININE, MASCULINE, Balance, balance, check, tokens
from jdeditor.model import Company, JobDescription, Location, SalaryRange
from tests.strategies import job_descriptions


def _posting(**changes: object) -> JobDescription:
    base = JobDescription(title="Agent", responsibilities=("Answer calls",), language="en-US")
    return base.model_copy(update=changes)


def _ad(text: str) -> Balance:
    """Gender Decoder's JobAd(text): the text as the posting's summary, scored."""
    return balance(_posting(summary=text))


def _listed(words: tuple[str, ...]) -> list[str]:
    """Gender Decoder's JobAd.list_words / handle_duplicates formatting."""
    return [f"{w} ({n} times)" if n > 1 else w for w, n in Counter(words).items()]


# --- Gender Decoder's test cases ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [  # test_clean_up_word_list
        ("Sharing is as important as ambition", "sharing is as important as ambition"),
        ("Qualities: sharing\tambition", "qualities sharing ambition"),
        ("Sharing;ambitious", "sharing ambitious"),
        ("Sharing/ambitious", "sharing ambitious"),
        ("Sharing, co-operative, 'servant-leader'", "sharing co-operative servant leader"),
        ("Sharing—ambitious", "sharing ambitious"),
        ("Sharing(ambitious) and (leader)", "sharing ambitious and leader"),
        ("Sharing[ambitious] and [leader]", "sharing ambitious and leader"),
        ("Sharing<ambitious> and <leader>", "sharing ambitious and leader"),
        ("Sharing ambitious ", "sharing ambitious"),
        ("Sharing&ambitious, empathy&kindness,", "sharing ambitious empathy kindness"),
        ("Sharing&ambitious*, empathy*kindness,", "sharing ambitious empathy kindness"),
        ('Lead "Developer" Who is Connect@HBS? We ', "lead developer who is connect hbs we"),
        ("Lead Developer v good!", "lead developer v good"),
        # Gender Decoder's own test builds this one but asserts the previous one again.
        ("“Lead” ‘Developer’ v good!", "lead developer v good"),
    ],
)
def test_words_are_read_as_gender_decoder_reads_them(text: str, words: str) -> None:
    assert [word for word, _start, _end in tokens(text)] == words.split()


@pytest.mark.parametrize(
    ("text", "masculine", "feminine"),
    [  # test_extract_coded_words
        ("Ambition:competition–decisiveness, empathy&kindness", "ambition,competition,"
         "decisiveness", "empathy,kindness"),
        ("empathy&kindness", "", "empathy,kindness"),
        ("empathy irrelevant words kindness", "", "empathy,kindness"),
    ],
)  # fmt: skip
def test_extract_coded_words(text: str, masculine: str, feminine: str) -> None:
    result = _ad(text)
    assert ",".join(result.masculine_words) == masculine
    assert ",".join(result.feminine_words) == feminine
    assert (result.masculine, result.feminine) == (
        len(masculine.split(",")) if masculine else 0,
        len(feminine.split(",")),
    )


def test_list_words() -> None:
    result = _ad("leader leader leader, ambition, ambition, competition")
    assert _listed(result.masculine_words) == [
        "leader (3 times)",
        "ambition (2 times)",
        "competition",
    ]


@pytest.mark.parametrize(
    ("text", "masculine", "feminine", "label"),
    [
        # test_assess_coding_neutral_and_empty
        ("irrelevant words", 0, 0, "empty"),
        ("sharing versus aggression", 1, 1, "neutral"),
        # test_assess_coding_masculine
        ("Ambition:competition–decisiveness, empathy&kindness", 3, 2, "masculine-coded"),
        ("Ambition:competition–decisiveness, other words", 3, 0, "masculine-coded"),
        ("Ambition:competition–decisiveness&leadership, other words", 4, 0,
         "strongly masculine-coded"),
        ("Ambition:competition–decisiveness&leadership, decisiveness, stubborness, sharing and "
         "empathy", 6, 2, "strongly masculine-coded"),
        # test_assess_coding_feminine
        ("Ambition:competition, empathy&kindness, co-operation", 2, 3, "feminine-coded"),
        ("empathy&kindness, co-operation and some other words", 0, 3, "feminine-coded"),
        ("empathy&kindness, co-operation, trust and other words", 0, 4,
         "strongly feminine-coded"),
        ("Ambition:competition, empathy&kindness and responsibility, co-operation, honesty, "
         "trust and other words", 2, 6, "strongly feminine-coded"),
    ],
)  # fmt: skip
def test_assess_coding(text: str, masculine: int, feminine: int, label: str) -> None:
    result = _ad(text)
    assert (result.masculine, result.feminine, result.label) == (masculine, feminine, label)


def test_analyse() -> None:
    result = _ad(
        "Ambition:competition–decisiveness&leadership, decisiveness, stubborness, sharing and "
        "empathy"
    )
    assert result.label == "strongly masculine-coded"
    assert result.masculine_words == (
        "ambition", "competition", "decisiveness", "leadership", "decisiveness", "stubborness"
    )  # fmt: skip
    assert result.feminine_words == ("sharing", "empathy")


def test_increment_or_create() -> None:
    result = _ad("sharing leader sharing")
    assert Counter(result.feminine_words) == {"sharing": 2}
    assert Counter(result.masculine_words) == {"leader": 1}


def test_process_ad() -> None:
    result = _ad(
        "Sharing: ambition\tkindness&empathy(never more than frou) Who is Connect@HBS? "
        "leader-supporter-follower aggresive/responsible;understand? connect"
    )
    counts = Counter(result.masculine_words) + Counter(result.feminine_words)
    assert len(counts) == 9
    assert sum(counts.values()) == 10
    assert sorted(set(result.masculine_words)) == ["ambition", "leader"]
    assert sorted(set(result.feminine_words)) == [
        "connect", "empathy", "kindness", "responsible", "sharing", "supporter", "understand"
    ]  # fmt: skip


# --- The word lists ----------------------------------------------------------------------------
def test_the_stems_are_gender_decoders_lists() -> None:
    masculine = set(wording.stems(MASCULINE))
    feminine = set(wording.stems(FEMININE))
    assert (len(masculine), len(feminine)) == (52, 50)
    assert {"lead", "ambitio", "compet", "self-relian", "selfrelian", "unreasonab"} <= masculine
    assert {"commit", "support", "respon", "co-operat", "sharin", "kind"} <= feminine
    assert not masculine & feminine


@pytest.mark.parametrize(
    ("text", "word", "coding"),
    [
        ("Be a leader on the floor", "leader", MASCULINE),
        ("We are committed to you", "committed", FEMININE),
        ("Self-reliant and calm", "Self-reliant", MASCULINE),
        ("Inter-personal skills", "Inter-personal", FEMININE),
        ("A head-strong closer", "head-strong", MASCULINE),
        ("LEADERSHIP", "LEADERSHIP", MASCULINE),
        ("Our team’s leader", "leader", MASCULINE),
    ],
)
def test_a_stem_finds_its_word_with_its_span(text: str, word: str, coding: str) -> None:
    findings = check(_posting(summary=text))
    coded = [f for f in findings if f.code.endswith("-coded")]
    assert len(coded) == 1
    (finding,) = coded
    assert finding.code == f"wording.{coding}-coded"
    assert finding.span is not None
    assert text[finding.span[0] : finding.span[1]] == word
    assert finding.found == (word,)
    assert finding.severity is Severity.ADVICE
    assert "Gaucher et al. 2011" in finding.message
    assert "keep it if it is what you mean" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Use SharePoint daily",  # an exception
        "aggresive callers",  # a misspelling the stem 'aggress' does not cover
        "Misleading claims",  # 'lead' is a stem, not a substring
        "Apply at jobs@leadership.example.com",  # inside an address
        "Answer calls",
    ],
)
def test_no_coded_word(text: str) -> None:
    assert wording.coded_words(text) == ()


def test_an_interpersonal_word_counts_once() -> None:
    # Gender Decoder counts it twice ('interpersonal' and 'interpersona' both match).
    assert _ad("interpersonal").feminine == 1


def test_names_are_not_wording_choices() -> None:
    document = _posting(
        company=Company(name="Leadwell Trust"), location=Location(locality="Leadville")
    )
    assert balance(document).label == "empty"
    assert check(document) == []


def test_the_company_name_where_the_posting_mentions_it_is_not_counted() -> None:
    about = "Acme Support Ltd. answers calls for banks. Acme Support is a calm place to work."
    document = _posting(
        company=Company(name="Acme Support Ltd.", about=about),
        equal_opportunity="ACME SUPPORT is an equal-opportunity employer.",
        summary="Join Manpower Partners in Leadville: we support callers.",
        location=Location(locality="Leadville", region="Colorado", country="US"),
    )
    renamed = document.model_copy(
        update={"company": Company(name="Manpower Partners", about=about)}
    )
    assert balance(document).feminine_words == ("support",)  # the summary's own 'support'
    coded = [f.found for f in check(document) if f.code.endswith("-coded")]
    assert coded == [("support",)]
    assert not [f for f in check(renamed) if f.code == "wording.gendered-term"]


def test_the_title_and_the_pay_note_are_not_counted() -> None:
    document = _posting(
        title="Team Lead",
        salary=SalaryRange(minimum=Decimal(50_000), note="depending on experience"),
        summary="Plan the rota.",
    )
    assert balance(document).label == "empty"
    assert check(document) == []
    # Gender Decoder's reading of the same words as plain text counts them.
    assert wording.balance_of_texts(["Team Lead", "depending on experience"]).label == "neutral"


def test_one_balance_finding_for_the_document_only_when_a_word_is_coded() -> None:
    document = _posting(summary="A competitive, ambitious leader.", skills=("Empathy",))
    findings = check(document, Context())
    balances = [f for f in findings if f.code == "wording.balance"]
    assert len(balances) == 1
    assert balances[0].path == ()
    assert balances[0].params["coding"] == "masculine-coded"
    assert "3 masculine-coded and 1 feminine-coded words" in balances[0].message
    assert check(_posting(summary="Answer calls and log them.")) == []


# --- Gendered terms ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("Our salesman answers calls", "Our salesperson answers calls"),
        ("Salesmen wanted", "Salespeople wanted"),
        ("Report to the chairman", "Report to the chair"),
        ("Foreman wanted", "Supervisor wanted"),  # a capital at the start says nothing
        (
            "Hire for shifts. Manpower plans are weekly",
            "Hire for shifts. Workforce plans are weekly",
        ),
        ("The foreman sets shifts", "The supervisor sets shifts"),
        ("Plan MANPOWER needs", "Plan WORKFORCE needs"),
        ("Log man-hours weekly", "Log work hours weekly"),
        ("Log man hours weekly", "Log work hours weekly"),
        ("Brief the spokeswoman", "Brief the spokesperson"),
        ("The phones are manned all night", "The phones are staffed all night"),
        ("Hi guys, welcome", "Hi everyone, welcome"),
        ("Guys, we are hiring", "Everyone, we are hiring"),
        ("Join the guys in support", "Join the team in support"),
        ("You guys rock", "You all rock"),
        ("He or she will answer calls", "They will answer calls"),
        ("s/he handled calls", "they handled calls"),
        ("(S)he can log calls", "They can log calls"),
        ("He/she is responsible", "They are responsible"),
        ("he or she has a headset", "they have a headset"),
        ("She/he doesn’t need a degree", "They don’t need a degree"),
        ("Update his/her records", "Update their records"),
        ("Update his or her records", "Update their records"),
        ("Call him or her back", "Call them back"),
        ("The agent himself/herself decides", "The agent themselves decides"),
        ("The headset is his/hers", "The headset is theirs"),
    ],
)
def test_a_gendered_term_has_a_replacement_that_reads_right(text: str, after: str) -> None:
    (finding,) = [f for f in check(_posting(summary=text)) if f.code == "wording.gendered-term"]
    assert finding.severity is Severity.ADVICE
    assert finding.span is not None
    assert finding.found == (text[finding.span[0] : finding.span[1]],)
    assert apply_suggestion(text, finding) == after
    assert "APA" in finding.source


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("He/she handles calls", "He/she"),  # 'they handles' would not read right
        ("Great guys work here", "guys"),
        ("He or she's on call", "He or she"),
        ("Report to the Chairman", "Chairman"),  # a title with a capital, or a name
    ],
)
def test_a_gendered_term_without_a_plain_rewrite_has_no_suggestion(text: str, term: str) -> None:
    (finding,) = [f for f in check(_posting(summary=text)) if f.code == "wording.gendered-term"]
    assert finding.suggestion is None
    assert finding.span is not None
    assert text[finding.span[0] : finding.span[1]] == term
    assert any(word in finding.message for word in ("they", "everyone", "“Chair”"))


@pytest.mark.parametrize(
    "text", ["Chairmanship of the board", "She leads the team", "He answers calls", "Human touch",
             "German speakers", "Mankind", "A woman-owned firm",
             # Capitalised inside a sentence: names, not wording.
             "Report to Sarah Manning", "Ask Mike Foreman about shifts",
             "Temps come from Manpower and Adecco", "Lunch at Five Guys"],
)  # fmt: skip
def test_no_gendered_term(text: str) -> None:
    assert not [f for f in check(_posting(summary=text)) if f.code == "wording.gendered-term"]


def test_a_gendered_term_in_the_title_keeps_its_rewrite() -> None:
    (finding,) = [
        f
        for f in check(_posting(title="Construction Foreman"))
        if f.code == "wording.gendered-term"
    ]
    assert finding.path == ("title",)
    assert apply_suggestion("Construction Foreman", finding) == "Construction Supervisor"


# --- Language ----------------------------------------------------------------------------------
def test_a_posting_not_in_english_gets_no_wording_advice() -> None:
    german = _posting(language="de-DE", summary="Ambitious leader; the salesman competes.")
    assert check(german) == []
    assert balance(german).applies is False
    assert balance(german).label == "empty"
    english = german.model_copy(update={"language": "en-GB"})
    assert {f.code for f in check(english)} >= {"wording.balance", "wording.gendered-term"}


# --- Properties --------------------------------------------------------------------------------
_VOCABULARY = st.sampled_from(
    ["lead", "Leader", "co-operative", "servant-leader", "self-reliant", "head-strong", "İ",
     "SharePoint", "he/she", "his or her", "guys", "Salesman", "man-hours", "x@lead.example.com",
     "ǅ", "ß", "-", "—", "'", "’", "_", "2", " ", "\n", "kind", "ﬁ", "committed"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text() | st.lists(_VOCABULARY).map("".join))
def test_the_fast_path_agrees_with_the_plain_definition(text: str) -> None:
    assert wording.coded_words(text) == wording.reference_coded_words(text)
    if any(True for _ in wording._terms_regex().finditer(text)):
        assert not wording._term_words().isdisjoint(wording.word_set(text))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(job_descriptions(), st.text(), st.text(min_size=1))
def test_wording_never_raises(document: JobDescription, text: str, item: str) -> None:
    document = document.model_copy(
        update={
            "language": "en",
            "title": text,
            "summary": text,
            "responsibilities": (item, text),
            "company": document.company.model_copy(update={"about": item}),
        }
    )
    texts = dict(prose(document))
    for finding in check(document, Context()):
        assert finding.severity is Severity.ADVICE
        if finding.span is not None:
            start, end = finding.span
            assert texts[finding.path][start:end] == finding.found[0]
        if finding.suggestion is not None:
            apply_suggestion(texts[finding.path], finding)
    assert balance(document).applies


def test_every_listed_term_is_found_and_replaced() -> None:
    for term, replacement in wording._lists().terms.items():
        text = f"Ask the {term} today"
        (finding,) = [f for f in check(_posting(summary=text)) if f.code == "wording.gendered-term"]
        assert apply_suggestion(text, finding) == f"Ask the {replacement} today"
