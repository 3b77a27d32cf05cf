"""Inclusive language: age- and ability-coded wording, jargon, and a bloated required list."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdeditor.checks import Context, Finding, Severity, apply_suggestion, inclusion, prose
from jdeditor.checks.inclusion import REQUIRED_MAX, check, hits
from jdeditor.checks.wording import word_set
from jdeditor.model import Company, Experience, HowToApply, JobDescription, Location
from tests.strategies import job_descriptions


def _posting(**changes: object) -> JobDescription:
    base = JobDescription(title="Agent", responsibilities=("Answer calls",), language="en-US")
    return base.model_copy(update=changes)


def _found(text: str, code: str) -> list[Finding]:
    """The findings with ``code`` for ``text`` as the only required qualification."""
    document = _posting(required_qualifications=(text,))
    findings = [f for f in check(document, Context()) if f.code == code]
    for finding in findings:
        assert finding.severity is Severity.ADVICE
        assert finding.path == ("required_qualifications", 0)
        assert finding.source
        assert finding.span is not None
        assert text[finding.span[0] : finding.span[1]] == finding.found[0]
        assert finding.found[0] in finding.message
    return findings


def _phrase(finding: Finding, text: str) -> str:
    assert finding.span is not None
    return text[finding.span[0] : finding.span[1]]


# --- Age ---------------------------------------------------------------------------------------
AGE = "inclusion.age-coded"


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("Join our young, dynamic team", "Join our dynamic team"),
        ("Join an energetic young team", "Join an energetic team"),
        ("A young team player", "A team player"),
        ("Young and energetic team wanted", "Energetic team wanted"),
        ("Ideal for a recent graduate", "Ideal for an early-career candidate"),
        ("Recent graduates welcome", "Early-career candidates welcome"),
        ("Fresh grads welcome", "Early-career candidates welcome"),
        ("You are a digital native", "You are someone comfortable with digital tools"),
        ("Digital natives thrive here", "People comfortable with digital tools thrive here"),
        ("We need new blood", "We need fresh perspectives"),
    ],
)
def test_age_coded_wording_with_a_plain_rewrite(text: str, after: str) -> None:
    (finding,) = _found(text, AGE)
    assert apply_suggestion(text, finding) == after
    assert "29 CFR § 1625.4" in finding.source


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("We hire young people", "young"),
        ("Youthful outlook", "Youthful"),
        ("Younger candidates preferred", "Younger"),
        ("No more than 5 years of experience", "No more than 5 years of experience"),
        ("Three years of experience maximum", "Three years of experience maximum"),
        ("At most 4 yrs of relevant experience", "At most 4 yrs of relevant experience"),
        ("Applicants aged 25-35", "aged 25-35"),
        ("Between the ages of 18 and 30", "Between the ages of 18 and 30"),
        ("Overqualified candidates need not apply", "Overqualified"),
        ("Class of 2024 preferred", "Class of 2024"),
        ("Millennials love it here", "Millennials"),
        ("Open to college students", "college students"),
    ],
)
def test_age_coded_wording_without_a_plain_rewrite(text: str, phrase: str) -> None:
    (finding,) = _found(text, AGE)
    assert _phrase(finding, text) == phrase
    assert finding.suggestion is None


@pytest.mark.parametrize(
    "text",
    [
        "Based in Youngstown",
        "At least 5 years of experience",
        "5 years of experience",
        "We recently graduated to a new system",
        "Young@example.com answers questions",
        "Over 18, as the law requires",
        "Our office on Young Street",  # a capitalised word inside a sentence is a name
        "Experience selling Young Living products",
    ],
)
def test_not_age_coded(text: str) -> None:
    assert _found(text, AGE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Help college students with financial aid",
        "Serve Gen Z and millennial customers",
        "Support customers aged 65 to 80",
        "Assist new graduates applying to our university",
    ],
)
def test_age_words_about_the_work_and_its_customers_are_not_flagged(text: str) -> None:
    duties = _posting(responsibilities=(text,), kpis=(text,))
    assert [f for f in check(duties) if f.code == AGE] == []
    about_the_candidate = _posting(summary=text)
    assert [f.path for f in check(about_the_candidate) if f.code == AGE] == [("summary",)]


def test_age_words_are_looked_for_where_the_posting_describes_the_candidate_or_team() -> None:
    text = "Young team"
    document = _posting(
        title="Young Agent",  # every word of a title is capitalised: not read as a name
        summary=text,
        required_qualifications=(text,),
        preferred_qualifications=(text,),
        skills=(text,),
        benefits=(text,),
        experience=Experience(description=text),
        company=Company(about=text),
        how_to_apply=HowToApply(instructions=text),
        equal_opportunity=text,
        kpis=(text,),
    )
    paths = {f.path for f in check(document) if f.code == AGE}
    assert paths == {
        ("title",),
        ("summary",),
        ("required_qualifications", 0),
        ("preferred_qualifications", 0),
        ("skills", 0),
        ("benefits", 0),
        ("experience", "description"),
        ("company", "about"),
        ("how_to_apply", "instructions"),
    }


def test_the_company_name_and_city_are_names_wherever_they_appear() -> None:
    document = _posting(
        company=Company(name="Young & Co", about="Young & Co has served Leeds since 1990."),
        summary="Young & Co hires in Rockstar, a town in Texas.",
        location=Location(locality="Rockstar", region="Texas", country="US"),
    )
    assert check(document) == []


# --- Ability -----------------------------------------------------------------------------------
ABILITY = "inclusion.ability-coded"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Must be able to lift boxes", "Must be able to lift"),
        ("Must be able to stand for long periods", "Must be able to stand"),
        ("Ability to sit at a desk all day", "Ability to sit"),
        ("Must be able to hear callers", "Must be able to hear"),
        ("Perfect vision required", "Perfect vision"),
        ("Must have a valid driver's license", "Must have a valid driver's license"),
        ("Must have a valid driver’s license", "Must have a valid driver’s license"),
        ("Driving licence required", "Driving licence"),
        ("Able-bodied applicants only, because the work is physical", "Able-bodied"),
        # The reason is in another sentence: it does not explain this one.
        ("Must be able to lift boxes. We value teamwork because it works.", "Must be able to lift"),
        ("Must be able to see. Up to 25 lb", "Must be able to see"),
    ],
)
def test_an_ability_stated_without_its_duty_is_flagged(text: str, phrase: str) -> None:
    (finding,) = _found(text, ABILITY)
    assert _phrase(finding, text) == phrase
    assert finding.suggestion is None
    assert "12111(8)" in finding.source


@pytest.mark.parametrize(
    "text",
    [
        "Must be able to lift 25 lb boxes",
        "Must be able to lift boxes to restock shelves",
        "Must be able to stand for 8-hour shifts",
        "Must be able to hear callers through a headset to resolve their questions",
        "Must have a valid driver's license to visit client sites",
        "Driver's license required for travel between sites",
        "Able to standardize reports",
        "Must be able to see the big picture in order to plan",
        "Reach 95% customer satisfaction",
    ],
)
def test_an_ability_with_its_reason_or_measure_is_not_flagged(text: str) -> None:
    assert _found(text, ABILITY) == []


# --- Jargon ------------------------------------------------------------------------------------
JARGON = "inclusion.jargon"


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("We want a rockstar agent", "We want an expert agent"),
        ("Rock stars wanted", "Experts wanted"),
        ("Be our sales ninja", "Be our sales expert"),
        ("An Excel guru", "An Excel expert"),
        ("We're a family", "We're a close-knit team"),
        ("We’re like a family here", "We’re like a close-knit team here"),
        ("You are a self-starter", "You are someone who takes initiative"),
        ("You will crush it", "You will excel"),
        ("She hits the ground running", "She gets up to speed quickly"),
        ("Wearing many hats is normal", "Taking on varied tasks is normal"),
        ("Create synergy across teams", "Create collaboration across teams"),
    ],
)
def test_jargon_with_a_plain_rewrite(text: str, after: str) -> None:
    (finding,) = _found(text, JARGON)
    assert apply_suggestion(text, finding) == after


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("We work hard, play hard", "work hard, play hard"),
        ("Bring your hustle", "hustle"),
        ("Looking for a unicorn", "unicorn"),
        ("Self-starter with CRM skills", "Self-starter"),
        ("Find synergies", "synergies"),
    ],
)
def test_jargon_without_a_plain_rewrite(text: str, phrase: str) -> None:
    (finding,) = _found(text, JARGON)
    assert _phrase(finding, text) == phrase
    assert finding.suggestion is None


@pytest.mark.parametrize(
    "text",
    [
        "We are a family-owned business",
        "Support a family of products",
        "Deliver 5-star service",
        "Use the setup assistant",
        "Configure the setup wizards",  # software, not hype
        "Wizard of the week award",
        "Work hard on hard calls",
        "Fast-paced environment",  # left out on purpose (see the module's docstring)
    ],
)
def test_not_jargon(text: str) -> None:
    assert _found(text, JARGON) == []


# --- Required list -----------------------------------------------------------------------------
def _required(count: int) -> tuple[str, ...]:
    return tuple(f"Requirement number {n}" for n in range(count))


def test_more_than_six_required_qualifications_draws_one_finding() -> None:
    document = _posting(required_qualifications=_required(REQUIRED_MAX + 1))
    (finding,) = [f for f in check(document) if f.code == "inclusion.requirements-bloat"]
    assert finding.path == ("required_qualifications",)
    assert finding.severity is Severity.ADVICE
    assert str(REQUIRED_MAX + 1) in finding.message
    assert "Preferred qualifications" in finding.message
    assert all(part in finding.source for part in ("Hewlett-Packard", "100%", "60%", "2014"))
    assert check(_posting(required_qualifications=_required(REQUIRED_MAX))) == []


def test_the_required_list_is_counted_in_any_language() -> None:
    document = _posting(language="de-DE", required_qualifications=_required(9))
    assert [f.code for f in check(document)] == ["inclusion.requirements-bloat"]


# --- Language, names, caching ------------------------------------------------------------------
def test_a_posting_not_in_english_gets_no_phrase_advice() -> None:
    text = "Young rockstar; must be able to lift boxes"
    assert check(_posting(language="zh-CN", skills=(text,))) == []
    assert len(check(_posting(language="en-GB", skills=(text,)))) == 3


def test_names_are_not_checked() -> None:
    document = _posting(company=_posting().company.model_copy(update={"name": "Young & Co"}))
    assert check(document) == []


def test_an_edit_recomputes_only_the_edited_text() -> None:
    hits.cache_clear()
    document = _posting(responsibilities=tuple(f"Young rockstar number {n}" for n in range(50)))
    check(document)
    before = hits.cache_info()
    edited = (*document.responsibilities[:10], "Young ninja", *document.responsibilities[11:])
    check(document.model_copy(update={"responsibilities": edited}))
    after = hits.cache_info()
    assert after.misses - before.misses == 1


# --- Properties --------------------------------------------------------------------------------
_PHRASES = [
    "young",
    "youngsters",
    "Youthful",
    "energetic young team",
    "young and fun team",
    "digital native",
    "digitalnatives",
    "a recent college graduate",
    "new grads",
    "class of 1999",
    "no more than 5 years",
    "not more than ten yrs of relevant experience",
    "a maximum of 3 years",
    "5+ years of experience max",
    "aged 25 to 35",
    "ages 18–30",
    "between the ages of 18 and 30",
    "under the age of 30",
    "over-qualified",
    "new blood",
    "Gen Z",
    "generation zers",
    "genz",
    "millennial",
    "college student",
    "must be able to lift",
    "should be physically able to climb",
    "ability to push",
    "capable of kneeling",
    "prolonged standing",
    "physically fit",
    "physical fitness",
    "excellent physical health",
    "able to see",
    "capable of hearing",
    "20/20 vision",
    "normal eyesight",
    "must hold a clean driver's license",
    "drivers’ licences",
    "driving license",
    "ability to drive",
    "own a car",
    "own transportation",
    "able bodied",
    "ablebodied",
    "rock-star",
    "rock stars",
    "superstar",
    "super star",
    "ninjas",
    "Gurus",
    "unicorns",
    "work hard and play harder",
    "we are like one big happy family",
    "feels like a family",
    "it's a family",
    "hustlers",
    "an self starter",
    "go-getters",
    "gogetter",
    "crushes it",
    "crushing it",
    "hitting the ground running",
    "wears a lot of hats",
    "synergy",
    "synergistic",
]
_PIECES = st.sampled_from(
    [*_PHRASES, "the", "to", "a", "5", "years", "of", "experience", "maximum", "family", "hard"]
)
_SEPARATORS = st.sampled_from([" ", "", "-", ", ", ". ", "\n", " to "])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_PIECES, max_size=6),
    _SEPARATORS,
    st.sampled_from([str, str.upper, str.title, lambda s: s.replace("'", "’")]),
)
def test_a_family_skipped_by_its_words_would_have_found_nothing(
    pieces: list[str], separator: str, case: Callable[[str], str]
) -> None:
    text = case(separator.join(pieces))
    words = word_set(text)
    for family in inclusion._FAMILIES:
        if family.words.isdisjoint(words):
            assert family.regex.search(text) is None, family.code


def test_every_example_phrase_is_found() -> None:
    for phrase in _PHRASES:
        assert hits(phrase), phrase


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(job_descriptions(), st.text(), st.text(min_size=1), st.integers(0, 12))
def test_inclusion_never_raises(
    document: JobDescription, text: str, item: str, required: int
) -> None:
    document = document.model_copy(
        update={
            "language": "en-US",
            "summary": text,
            "responsibilities": (item, text, f"a {text} rockstar"),
            "required_qualifications": (text,) * required,
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
