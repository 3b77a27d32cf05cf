"""The interpreter's pieces on the phrasings the brief and real postings use: section headings,
pay, places, years and degrees."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jdeditor.importer import import_text
from jdeditor.importer._facts import education_of, parse_location, years_of
from jdeditor.importer._pay import NotPay, Pay, find_pay
from jdeditor.importer._sections import section_of

HEADINGS = {
    "responsibilities": [
        "Responsibilities", "What you'll do", "What You’ll Do:", "Duties", "Key responsibilities",
        "The role", "Your day to day", "岗位职责", "工作职责", "职责", "【岗位职责】", "1. Duties",
    ],
    "required_qualifications": [
        "Requirements", "Qualifications", "Required qualifications", "What you'll need",
        "Must have", "Who you are", "任职要求", "任职资格", "岗位要求", "二、任职要求：",
    ],
    "preferred_qualifications": [
        "Nice to have", "Nice-to-haves", "Preferred qualifications", "Bonus points",
        "Desirable", "加分项", "优先条件",
    ],
    "skills": ["Skills", "技能"],
    "education": ["Education", "学历要求", "教育背景"],
    "experience": ["Experience", "工作经验"],
    "certifications": ["Certifications", "证书"],
    "kpis": ["How success is measured", "KPIs", "考核指标"],
    "benefits": [
        "Benefits", "Perks", "What we offer", "Compensation and benefits", "福利待遇",
    ],
    "company": ["About us", "About the company", "Who we are", "公司简介", "关于我们"],
    "how_to_apply": [
        "How to apply", "To apply", "Application process", "如何申请", "申请方式", "应聘方式",
    ],
    "equal_opportunity": ["Equal opportunity", "EEO statement", "平等就业"],
    "summary": [
        "About the role", "Overview", "Job summary", "The opportunity", "职位描述", "岗位概述",
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("key", "heading"), [(key, heading) for key, names in HEADINGS.items() for heading in names]
)
def test_section_headings(key: str, heading: str) -> None:
    assert section_of(heading) == (key, "")


def test_about_a_name_is_the_company() -> None:
    assert section_of("About Acme Contact Co.") == ("company", "Acme Contact Co.")
    assert section_of("About the role") == ("summary", "")
    assert section_of("Not a heading at all") is None


PAY: list[tuple[str, str, str | None, str, str, bool]] = [
    ("$45,000 - $55,000 per year", "45000", "55000", "USD", "year", False),
    ("$18–$22/hour", "18", "22", "USD", "hour", False),
    ("USD 60k–75k annually", "60000", "75000", "USD", "year", False),
    ("£30,000 to £35,000 a year", "30000", "35000", "GBP", "year", False),
    ("€2.500 – €3.000 pro Monat", "2500", "3000", "EUR", "month", False),
    ("月薪 ¥6,000 – ¥8,000", "6000", "8000", "CNY", "month", False),
    ("6000-8000元/月", "6000", "8000", "CNY", "month", False),
    ("年薪 15-20万", "150000", "200000", "CNY", "year", False),
    ("$63,000+ per year", "63000", None, "USD", "year", True),
    ("$17.50 an hour", "17.5", None, "USD", "hour", False),
    ("Salary: $40,000 or more", "40000", None, "USD", "year", True),
    ("8千-1万/月", "8000", "10000", "CNY", "month", False),
]


@pytest.mark.parametrize("case", PAY, ids=[case[0] for case in PAY])
def test_pay(case: tuple[str, str, str | None, str, str, bool]) -> None:
    text, low, high, currency, period, open_ended = case
    found = find_pay(text, chinese=any("\u4e00" <= char <= "\u9fff" for char in text))
    assert isinstance(found, Pay), found
    assert found.minimum == Decimal(low)
    assert found.maximum == (Decimal(high) if high else None)
    assert (found.currency, found.period, found.open_ended) == (currency, period, open_ended)


def test_pay_currency_follows_the_country() -> None:
    for country, currency in [("US", "USD"), ("CA", "CAD"), ("AU", "AUD"), ("", "USD")]:
        found = find_pay("$20 - $25 per hour", country=country)
        assert isinstance(found, Pay) and found.currency == currency
    for country, chinese, currency in [
        ("JP", False, "JPY"),
        ("CN", False, "CNY"),
        ("", True, "CNY"),
    ]:
        found = find_pay("¥3,000 - ¥4,000 per month", country=country, chinese=chinese)
        assert isinstance(found, Pay) and found.currency == currency


def test_pay_note_and_what_is_not_pay() -> None:
    found = find_pay("$45,000 – $55,000 a year, depending on experience")
    assert isinstance(found, Pay) and found.note == "depending on experience"
    assert "read as 45000–55000 USD per year" in found.describe()
    for text in ("3-5 years of experience", "Founded in 2010", "a $500 sign-on bonus",
                 "we have $5 million in revenue", "Answer 50 calls per hour"):  # fmt: skip
        assert find_pay(text) is None, text
    assert isinstance(find_pay("Up to $55,000 a year"), NotPay)
    assert isinstance(find_pay("$900 per week"), NotPay)


@pytest.mark.parametrize(
    ("text", "place", "arrangement"),
    [
        ("Denver, CO", {"locality": "Denver", "region": "CO", "country": "US"}, ""),
        ("Remote (US)", {"country": "US"}, "remote"),
        ("Hybrid – Austin, TX", {"locality": "Austin", "region": "TX", "country": "US"}, "hybrid"),
        ("上海", {"locality": "上海", "country": "CN"}, ""),
        ("Toronto, ON, Canada", {"locality": "Toronto", "region": "ON", "country": "CA"}, ""),
        ("Tampa, FL 33607", {"locality": "Tampa", "region": "FL", "country": "US"}, ""),
        ("In person", {}, "on-site"),
    ],
)
def test_locations(text: str, place: dict[str, str], arrangement: str) -> None:
    assert parse_location(text) == (place, arrangement)


def test_years_and_degrees() -> None:
    assert years_of("3+ years of customer service", need_context=False) == (3, "3+ years")
    assert years_of("at least 2 years", need_context=False) == (2, "at least 2 years")
    assert years_of("3年以上客服经验", need_context=True) == (3, "3年以上")
    assert years_of("a company with 20 years of history", need_context=True) is None
    for text, level in [
        ("High school diploma", "high-school"),
        ("Bachelor's degree", "bachelor"),
        ("本科", "bachelor"),
        ("大专", "associate"),
        ("硕士", "master"),
    ]:
        found = education_of(text)
        assert found is not None and found[0] == level


def test_a_sentence_longer_than_a_bullet_is_cut_with_a_guess() -> None:
    item = "Answer " + "very " * 80 + "many calls"
    result = import_text(f"Agent\n\nResponsibilities\n- {item}\n- Log calls\n")
    job = result.document
    assert job is not None
    assert job.responsibilities[0].endswith("…") and len(job.responsibilities[0]) <= 300
    assert any("split" in guess.message or "cut" in guess.message for guess in result.guesses)


def test_unplaced_text_is_kept_in_the_summary_and_listed() -> None:
    result = import_text("Agent\n\nResponsibilities\n- Answer calls\n\nFun facts\nWe have a dog.\n")
    assert result.unplaced == ["Fun facts", "We have a dog."]
    assert result.draft["summary"].endswith("Fun facts\nWe have a dog.")
    assert result.document is not None
