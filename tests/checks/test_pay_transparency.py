"""Pay transparency: the dated rule table, location matching, and what each law expects."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from babel import Locale
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdeditor import _paths, i18n
from jdeditor.checks import Context, Finding, Localized, Severity, apply_suggestion
from jdeditor.checks.pay_transparency import (
    HOURS_PER_YEAR,
    Rule,
    RuleTableError,
    check,
    load,
    rules_for,
    rules_table,
    table,
)
from jdeditor.files import read_document
from jdeditor.model import JobDescription
from tests.strategies import job_descriptions

AGENT = read_document(_paths.presets_dir() / "Agent.jd.json")
LATER = date(2026, 11, 26)
EU_MEMBERS = frozenset(
    {
        *("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU"),
        *("IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"),
    }
)


def posting(
    country: str = "",
    region: str = "",
    locality: str = "",
    *,
    arrangement: str = "on-site",
    salary: dict[str, Any] | None = None,
    **changes: Any,
) -> JobDescription:
    """The Agent preset, moved to a place, with its pay replaced (none by default)."""
    data = AGENT.model_dump(mode="json")
    data |= {"location": {"country": country, "region": region, "locality": locality}}
    data |= {"work_arrangement": arrangement, "salary": salary, **changes}
    return JobDescription.model_validate(data)


def codes(findings: list[Finding]) -> list[str]:
    return [finding.code for finding in findings]


def only(findings: list[Finding], code: str) -> Finding:
    found = [finding for finding in findings if finding.code == code]
    assert len(found) == 1, codes(findings)
    return found[0]


def rule(rule_id: str) -> Rule:
    return next(rule for rule in table().rules if rule.id == rule_id)


def cad(minimum: float, maximum: float | None, period: str = "year", **more: Any) -> dict[str, Any]:
    return {"minimum": minimum, "maximum": maximum, "currency": "CAD", "period": period, **more}


def ontario(**changes: Any) -> JobDescription:
    return posting("CA", "Ontario", **changes)


ONTARIO_DAY = date(2026, 1, 1)


# --- The table -------------------------------------------------------------------------------
def test_the_table_loads_and_every_rule_has_a_source_and_a_valid_date() -> None:
    rules = table()
    assert rules.reviewed == date(2026, 11, 26)
    assert "not legal advice" in rules.disclaimer
    countries = {code for code in Locale("en").territories if isinstance(code, str)}
    assert len({rule.id for rule in rules.rules}) == len(rules.rules)
    for rule in rules.rules:
        assert rule.source.strip() and rule.url.startswith("https://"), rule.id
        assert isinstance(rule.effective, date) and not isinstance(rule.effective, datetime)
        assert date(2011, 1, 1) <= rule.effective <= date(2030, 12, 31), rule.id
        assert rule.ends is None or rule.ends > rule.effective, rule.id
        assert rule.employers >= 1 and set(rule.country) <= countries, rule.id
        if rule.region:
            code = rule.region[0]
            assert re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", code), rule.id
            assert code[:2] in rule.country, rule.id


def test_the_table_covers_the_jurisdictions_asked_for() -> None:
    ids = {rule.id for rule in table().rules}
    wanted = "us-co us-ca us-wa us-ny us-ny-nyc us-nj-jersey-city us-ny-westchester us-il us-md"
    wanted += " us-mn us-hi us-dc us-vt us-ma us-nj us-oh-cleveland ca-bc ca-pe ca-on eu at"
    assert set(wanted.split()) <= ids
    assert set(rule("eu").country) == EU_MEMBERS
    assert rule("us-co").effective == date(2021, 1, 1) and rule("us-co").remote
    assert (rule("us-mn").effective, rule("us-mn").employers) == (date(2025, 1, 1), 30)
    assert rule("ca-on").max_spread == Decimal(50_000)
    assert rule("ca-on").exempt_above == Decimal(200_000)


def test_the_table_is_shown_as_text_with_its_date_and_every_rule() -> None:
    text = rules_table()
    assert table().reviewed.isoformat() in text.splitlines()[0]
    assert "not legal advice" in text
    for rule in table().rules:
        assert rule.name in text and rule.source in text and rule.url in text


@pytest.mark.parametrize(
    ("content", "names"),
    [
        ("reviewed = 2026-11-26\n", ["the table", "'rule'", "missing"]),
        ("[[rule]]\nid = 'x-1'\nname = 'X'\n", ["rule 'x-1'", "'country'"]),
        ("[[rule]]\nid = 'x-2'\nname = 'X'\ncountry = 'US'\n", ["rule 'x-2'", "'country'"]),
        ("[[rule]]\nid = 'x-3'\ncolour = 1\n", ["rule 'x-3'", "'colour'", "not a known"]),
        ("this is = not toml", ["cannot read"]),
    ],
)
def test_a_malformed_table_fails_naming_the_file_rule_and_field(
    tmp_path: Path, content: str, names: list[str]
) -> None:
    path = tmp_path / "rules.toml"
    header = "reviewed = 2026-11-26\ndisclaimer = 'Guidance'\n" if "[[rule]]" in content else ""
    path.write_text(header + content, encoding="utf-8")
    with pytest.raises(RuleTableError) as caught:
        load(path)
    for name in [str(path), *names]:
        assert name in str(caught.value)


def test_a_malformed_rule_field_is_named(tmp_path: Path) -> None:
    shipped = (_paths.resources_dir() / "pay_transparency.toml").read_text(encoding="utf-8")
    for old, new, rule_id, field in [
        ("employers = 15\n", "employers = 'fifteen'\n", "us-ca", "'employers'"),
        ("effective = 2023-01-01\n", "effective = '2023-01-01'\n", "us-ca", "'effective'"),
        ('pay = "posting"\n', 'pay = "sometimes"\n', "us-co", "'pay'"),
        ("'\\bclosing date\\b',", "'(unclosed',", "us-co", "'patterns'"),
        ('answered_by = ["valid_through"]', 'answered_by = ["apply_by"]', "us-co", "'answered_by'"),
        ("replace = 'relevant \\1'\n", "", "ca-on", "'replace'"),
        ('url = "https://leg.', 'url = "http://leg.', "us-co", "'url'"),
    ]:
        path = tmp_path / "rules.toml"
        changed = shipped.replace(old, new, 1)
        assert changed != shipped, old
        path.write_text(changed, encoding="utf-8")
        with pytest.raises(RuleTableError, match=re.escape(field)) as caught:
            load(path)
        assert str(path) in str(caught.value) and f"rule {rule_id!r}" in str(caught.value)


# --- Location and date -----------------------------------------------------------------------
def _places(rule: Rule) -> list[tuple[str, str, str]]:
    """Every way the table lets a posting name the rule's place: code, names, abbreviations."""
    if not rule.region:
        return [(country, "", "") for country in rule.country]
    locality = rule.locality[0] if rule.locality else ""
    places = [(rule.country[0], region, locality) for region in rule.region]
    return [*places, (rule.country[0], rule.region[1].upper(), locality.lower())]


@pytest.mark.parametrize("rule", table().rules, ids=lambda rule: rule.id)
def test_each_rule_covers_its_place_from_its_effective_date(rule: Rule) -> None:
    for country, region, locality in _places(rule):
        document = posting(country, region, locality)
        day_before = rule.effective - timedelta(days=1)
        assert rule not in rules_for(document, day_before), (region, locality)
        before = check(document, Context(today=day_before))
        assert rule.id not in " ".join(f.params.get("rules", "") for f in before)
        assert rule in rules_for(document, rule.effective), (region, locality)
        found = only(check(document, Context(today=rule.effective)), "pay.range-required")
        if rule.id == "eu" and country == "AT":
            # Austria's own law wants the pay in the posting: that warning stands for both.
            assert found.params["rules"] == "at"
            continue
        assert rule.id in found.params["rules"].split(", ")
        assert rule.source in found.source
        severity = Severity.WARNING if rule.pay == "posting" else Severity.ADVICE
        assert found.severity == severity and found.path == ("salary",)


def test_a_superseded_rule_stops_on_its_end_date() -> None:
    westchester = rule("us-ny-westchester")
    assert westchester.ends is not None
    document = posting("US", "NY", "White Plains")
    assert westchester in rules_for(document, westchester.ends - timedelta(days=1))
    assert westchester not in rules_for(document, westchester.ends)
    assert rule("us-ny") in rules_for(document, westchester.ends)


def test_new_york_city_is_matched_by_its_boroughs_and_one_finding_names_every_law() -> None:
    for borough in ["Brooklyn", "the bronx", "Staten Island", "NYC", "New York"]:
        document = posting("US", "New York", borough)
        assert [r.id for r in rules_for(document, date(2022, 11, 1))] == ["us-ny-nyc"]
    found = check(posting("US", "N.Y.", "Queens"), Context(today=LATER))
    required = only(found, "pay.range-required")
    assert required.params["rules"] == "us-ny, us-ny-nyc"
    assert "New York State (since 17 September 2023" in required.message
    assert "New York City (since 1 November 2022" in required.message
    assert "employers with 4 or more employees" in required.message
    assert [r.id for r in rules_for(posting("US", "NY", "Albany"), LATER)] == ["us-ny"]


def test_a_remote_us_posting_is_covered_by_laws_that_reach_remote_jobs() -> None:
    document = posting("US", arrangement="remote")
    ids = {r.id for r in rules_for(document, LATER)}
    assert {"us-co", "us-ca", "us-wa", "us-ny", "us-il", "us-ny-nyc"} <= ids
    assert not ids & {"us-md", "us-mn", "us-vt", "us-oh-cleveland"}
    found = only(check(document, Context(today=LATER)), "pay.range-required")
    assert "a remote job open to Colorado" in found.message
    assert rule("us-co") in rules_for(posting("US", "Texas", arrangement="remote"), LATER)
    assert rules_for(posting("US", "Texas", arrangement="hybrid"), LATER) == []
    assert rules_for(posting("US", arrangement="remote"), date(2020, 12, 31)) == []


@pytest.mark.parametrize(
    ("country", "region", "locality"),
    [
        ("US", "[State]", "[City]"),  # the presets' placeholders
        ("US", "", ""),
        ("", "Colorado", "Denver"),  # no country: no guessing
        ("US", "Texas", "Austin"),
        ("CN", "Shanghai", ""),
        ("US", "New Jersey", "[City]"),  # Jersey City unknown; New Jersey not yet in force
    ],
)
def test_an_unknown_or_uncovered_place_without_pay_gets_advice_only(
    country: str, region: str, locality: str
) -> None:
    document = posting(country, region, locality)
    found = check(document, Context(today=date(2025, 1, 1)))
    assert codes(found) == ["pay.missing"]
    assert found[0].severity == Severity.ADVICE and found[0].path == ("salary",)
    assert "attract more applicants" in found[0].message


def test_a_preset_with_pay_and_a_placeholder_place_gets_nothing() -> None:
    assert AGENT.salary is not None
    assert check(AGENT, Context(today=LATER)) == []


# --- What the laws expect --------------------------------------------------------------------
def test_an_open_top_is_warned_where_a_range_needs_both_ends() -> None:
    top_open = {"minimum": 60000, "maximum": None, "open_ended": True}
    found = only(
        check(posting("US", "CO", salary=top_open), Context(today=LATER)), "pay.range-open"
    )
    assert found.severity == Severity.WARNING and found.path == ("salary", "maximum")
    assert "Colorado" in found.message and found.params["rules"] == "us-co"
    with_maximum = {"minimum": 60000, "maximum": 80000, "open_ended": True}
    found = only(
        check(posting("US", "CO", salary=with_maximum), Context(today=LATER)), "pay.range-open"
    )
    assert found.path == ("salary", "open_ended")
    for fine in [{"minimum": 60000}, {"minimum": 60000, "maximum": 80000}]:
        assert "pay.range-open" not in codes(
            check(posting("US", "CO", salary=fine), Context(today=LATER))
        )


@pytest.mark.parametrize(
    ("salary", "too_wide"),
    [
        (cad(50_000, 99_999), False),  # a spread of 49,999
        (cad(50_000, 100_000), False),  # exactly 50,000
        (cad(50_000, 100_001), True),  # 50,001
        (cad(190_000, 250_000), False),  # the top is above 200,000: no cap
        (cad(150_000, 200_001), False),
        (cad(149_999, 200_000), True),
        (cad(20, 45, "hour"), True),  # 25 × 2,080 = 52,000
        (cad(20, 44, "hour"), False),  # 24 × 2,080 = 49,920
        (cad(4_000, 8_200, "month"), True),  # 4,200 × 12 = 50,400
        ({"minimum": 50_000, "maximum": 150_000, "currency": "USD"}, False),  # not CAD: unknown
    ],
)
def test_ontario_caps_the_spread_of_a_range(salary: dict[str, Any], too_wide: bool) -> None:
    found = check(ontario(salary=salary), Context(today=ONTARIO_DAY))
    assert ("pay.range-too-wide" in codes(found)) is too_wide
    if too_wide:
        finding = only(found, "pay.range-too-wide")
        assert finding.path == ("salary", "maximum") and finding.severity == Severity.WARNING
        assert "CAD 50,000" in finding.message and finding.params["cap"] == "50000"
        if salary["period"] == "hour":
            assert f"{HOURS_PER_YEAR:,} hours" in finding.message


def test_ontario_needs_no_range_above_its_ceiling_and_not_before_2026() -> None:
    high_open = cad(210_000, None, open_ended=True)
    assert "pay.range-open" not in codes(
        check(ontario(salary=high_open), Context(today=ONTARIO_DAY))
    )
    low_open = cad(60_000, None, open_ended=True)
    assert "pay.range-open" in codes(check(ontario(salary=low_open), Context(today=ONTARIO_DAY)))
    wide = ontario(salary=cad(50_000, 150_000))
    assert check(wide, Context(today=ONTARIO_DAY - timedelta(days=1))) == []


def test_ontario_bans_canadian_experience_with_its_span_and_a_rewrite() -> None:
    text = "Two years of Canadian experience in a contact centre"
    document = ontario(salary=cad(45_000, 55_000), required_qualifications=[text])
    found = only(check(document, Context(today=ONTARIO_DAY)), "pay.banned-requirement")
    assert found.path == ("required_qualifications", 0)
    assert found.span == (13, 32) and text[13:32] == "Canadian experience"
    assert found.severity == Severity.WARNING and found.found == ("Canadian experience",)
    assert apply_suggestion(text, found) == "Two years of relevant experience in a contact centre"
    first = ontario(salary=cad(45_000, 55_000), skills=["Canadian work experience"])
    found = only(check(first, Context(today=ONTARIO_DAY)), "pay.banned-requirement")
    assert found.suggestion == "Relevant work experience" and found.path == ("skills", 0)
    elsewhere = posting("CA", "BC", salary=cad(45_000, 55_000), skills=["Canadian experience"])
    assert check(elsewhere, Context(today=ONTARIO_DAY)) == []


def test_ontario_asks_whether_ai_screens_applicants_and_whether_the_job_exists() -> None:
    silent = ontario(salary=cad(45_000, 55_000))
    found = [
        f for f in check(silent, Context(today=ONTARIO_DAY)) if f.code == "pay.statement-required"
    ]
    assert {f.params["statement"] for f in found} == {"ai", "existing-vacancy"}
    assert all(f.path == ("how_to_apply", "instructions") for f in found)
    assert any("artificial intelligence" in f.message for f in found)
    # Required only if the employer uses AI (ESA s. 8.4): a reminder; the vacancy: a warning.
    severity = {f.params["statement"]: f.severity for f in found}
    assert severity == {"ai": Severity.ADVICE, "existing-vacancy": Severity.WARNING}
    ai = next(f for f in found if f.params["statement"] == "ai")
    assert "If the employer uses it" in ai.message
    said = (
        "We do not use AI to screen, assess or select applicants. "
        "This posting is for an existing vacancy."
    )
    stated = ontario(salary=cad(45_000, 55_000), how_to_apply={"instructions": said})
    assert check(stated, Context(today=ONTARIO_DAY)) == []
    lowercase_ai = ontario(salary=cad(45_000, 55_000), how_to_apply={"instructions": "Said: ai"})
    assert "ai" in {
        f.params.get("statement") for f in check(lowercase_ai, Context(today=ONTARIO_DAY))
    }


@pytest.mark.parametrize(
    ("said", "made"),
    [
        ("We do not use AI to screen, assess or select applicants.", True),
        ("Applications are screened using AI.", True),
        ("We use AI-assisted screening.", True),
        ("No AI is used in hiring.", True),
        ("We use artificial intelligence tools.", True),
        ("Nous n’utilisons pas l’IA pour la présélection des candidatures.", True),
        ("Contact the IA team with questions.", False),
        ("Our AI team builds chatbots.", False),
        ("Questions? Email the AI group.", False),
    ],
)
def test_the_ai_statement_needs_ai_named_with_screening(said: str, made: bool) -> None:
    document = ontario(salary=cad(45_000, 55_000), how_to_apply={"instructions": said})
    statements = {f.params.get("statement") for f in check(document, Context(today=ONTARIO_DAY))}
    assert ("ai" not in statements) is made


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("No Canadian experience required", True),
        ("Canadian experience is not required", True),
        ("Canadian experience isn’t required; any contact-centre experience counts", True),
        ("You don't need Canadian experience", True),
        ("Experience anywhere, without Canadian experience", True),
        ("Aucune expérience canadienne requise", True),
        ("Canadian experience required", False),
        ("Two years of Canadian experience. Not required: a degree", False),
        ("Must have Canadian experience, not just any experience", False),
    ],
)
def test_a_negated_banned_phrase_is_not_flagged(text: str, negated: bool) -> None:
    document = ontario(salary=cad(45_000, 55_000), required_qualifications=[text])
    found = [
        f
        for f in check(document, Context(today=ONTARIO_DAY))
        if f.code.endswith("banned-requirement")
    ]
    assert (found == []) is negated


def test_colorado_wants_benefits_and_from_2024_the_application_deadline() -> None:
    salary = {"minimum": 40_000, "maximum": 45_000}
    bare = posting("US", "Colorado", "Denver", salary=salary, benefits=[])
    found = check(bare, Context(today=date(2023, 12, 31)))
    assert codes(found) == ["pay.benefits-required"]
    assert found[0].path == ("benefits",) and found[0].severity == Severity.WARNING
    assert "benefits and other compensation" in found[0].message
    found = check(bare, Context(today=date(2024, 1, 1)))
    assert codes(found) == ["pay.benefits-required", "pay.statement-required"]
    assert found[1].params["statement"] == "application-deadline"
    complete = posting(
        "US",
        "CO",
        salary=salary,
        benefits=["Health insurance"],
        how_to_apply={"instructions": "Apply by 31 January 2027."},
    )
    assert check(complete, Context(today=LATER)) == []


@pytest.mark.parametrize(
    ("said", "made"),
    [
        ("Apply by 31 January 2027.", True),
        ("Apply online by Jan. 31.", True),
        ("Please apply by Friday.", True),
        ("This posting will remain open until March 3, 2027.", True),
        ("We are accepting applications until 2027-01-31.", True),
        ("We accept applications through the end of the month.", True),
        ("Applications close on 31 January.", True),
        ("Closing date: 31 January 2027.", True),
        ("Application deadline: 31 January 2027.", True),
        ("Apply before 31 January.", True),
        ("Apply by email to jobs@example.com.", False),
        ("You will meet every deadline.", False),
        ("Contract end date: June 2027.", False),
        ("The position will remain open until filled.", False),
    ],
)
def test_colorado_application_window_wording(said: str, made: bool) -> None:
    document = posting(
        "US",
        "CO",
        salary={"minimum": 40_000, "maximum": 45_000},
        benefits=["Health insurance"],
        how_to_apply={"instructions": said},
    )
    assert (check(document, Context(today=LATER)) == []) is made


def test_colorado_application_window_is_the_apply_by_date_when_set() -> None:
    document = posting(
        "US",
        "CO",
        salary={"minimum": 40_000, "maximum": 45_000},
        benefits=["Health insurance"],
        valid_through="2027-01-05",
    )
    assert check(document, Context(today=LATER)) == []


def test_new_york_city_without_a_region_is_new_york() -> None:
    for city in ["New York City", "NYC", "new york city"]:
        ids = [r.id for r in rules_for(posting("US", "", city), LATER)]
        assert ids == ["us-ny", "us-ny-nyc"], city
    assert rules_for(posting("CA", "", "New York City"), LATER) == []
    assert rules_for(posting("US", "", "Columbus"), date(2027, 6, 1)) == []  # Ohio or Georgia?


def test_austria_wants_the_minimum_pay_in_every_posting_since_2011() -> None:
    document = posting("AT")
    assert codes(check(document, Context(today=date(2011, 2, 28)))) == ["pay.missing"]
    found = only(check(document, Context(today=LATER)), "pay.range-required")
    assert found.severity == Severity.WARNING and found.params["rules"] == "at"
    assert "minimum pay for the job under its collective agreement" in found.message
    assert "GlBG" in found.source
    minimum = {"minimum": 2_400, "currency": "EUR", "period": "month"}
    reminder = only(
        check(posting("AT", salary=minimum), Context(today=LATER)), "pay.statement-required"
    )
    assert reminder.severity == Severity.ADVICE and reminder.params["statement"] == "overpayment"
    assert reminder.path == ("salary", "note")
    for said in [
        {**minimum, "maximum": 2_900},
        {**minimum, "note": "Überzahlung je nach Erfahrung"},
    ]:
        assert check(posting("AT", salary=said), Context(today=LATER)) == []


def test_the_district_of_columbia_wants_healthcare_benefits_told_before_the_interview() -> None:
    found = check(
        posting("US", "D.C.", salary={"minimum": 50_000, "maximum": 60_000}, benefits=[]),
        Context(today=LATER),
    )
    benefits = only(found, "pay.benefits-required")
    assert benefits.severity == Severity.ADVICE and "healthcare" in benefits.message


@pytest.mark.parametrize("country", sorted(EU_MEMBERS - {"AT"}))  # Austria: its own law too
def test_an_eu_posting_is_guided_from_the_transposition_deadline(country: str) -> None:
    document = posting(country)
    assert codes(check(document, Context(today=date(2026, 6, 6)))) == ["pay.missing"]
    found = only(check(document, Context(today=date(2026, 6, 7))), "pay.range-required")
    name = Locale("en").territories[country]
    assert f"the EU Pay Transparency Directive's transposition in {name}" in found.message
    assert found.severity == Severity.ADVICE and found.params["jurisdictions"] == name
    assert (
        check(posting(country, salary={"minimum": 30_000, "currency": "EUR"}), Context(today=LATER))
        == []
    )


def test_findings_carry_their_source_and_string_params() -> None:
    document = ontario(skills=["Canadian experience"], benefits=[])
    for finding in check(document, Context(today=LATER)):
        assert finding.code.startswith("pay.") and finding.source, finding.code
        assert finding.params and all(isinstance(v, str) for v in finding.params.values())


def test_the_tables_words_in_params_are_english_and_follow_the_users_language() -> None:
    """The table's words are ``Localized``: English as a str (JSON, equality), translated in the
    rules catalogue when the message is read (``tests/test_rules_i18n.py`` checks them all)."""
    document = ontario(skills=["Canadian experience"])
    banned = only(check(document, Context(today=LATER)), "pay.banned-requirement")
    description = banned.params["description"]
    assert isinstance(description, Localized)
    assert description == "Canadian experience as a requirement"
    assert "Ontario's job-posting law" in banned.message
    i18n.set_ui_language("zh_CN")
    try:
        assert "安大略省关于招聘启事的法律" in banned.message
        assert "不得列出加拿大工作经验要求" in banned.message
        assert banned.to_json()["params"]["description"] == "Canadian experience as a requirement"
    finally:
        i18n.set_ui_language("en")


# --- Never raises ----------------------------------------------------------------------------
_REGIONS = [*sorted({name for rule in table().rules for name in rule.region}), "", "[State]"]
_LOCALITIES = [*sorted({name for rule in table().rules for name in rule.locality}), "", "[City]"]
_COUNTRIES = [*sorted({code for rule in table().rules for code in rule.country}), "", "CN"]
_PLACES = st.fixed_dictionaries(
    {
        "country": st.sampled_from(_COUNTRIES),
        "region": st.sampled_from(_REGIONS),
        "locality": st.sampled_from(_LOCALITIES),
    }
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    job_descriptions(),
    _PLACES,
    st.sampled_from(["on-site", "hybrid", "remote", None]),
    st.sampled_from(["CAD", "USD", "EUR"]),
    st.dates(date(2019, 1, 1), date(2031, 12, 31)),
)
def test_check_never_raises_on_any_place_pay_or_date(
    document: JobDescription,
    place: dict[str, str],
    arrangement: str | None,
    currency: str,
    today: date,
) -> None:
    data = document.model_dump(mode="json")
    data["location"] = place
    data["work_arrangement"] = arrangement
    if data["salary"] is not None:
        data["salary"]["currency"] = currency
    moved = JobDescription.model_validate(data)
    for finding in check(moved, Context(today=today)):
        assert finding.code.startswith("pay.") and finding.source
        if finding.span is not None:
            value: Any = moved.model_dump()
            for part in finding.path:
                value = value[part]
            assert finding.span[1] <= len(value)
            if finding.suggestion is not None:
                apply_suggestion(value, finding)
