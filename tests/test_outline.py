"""The outline: section order, no empty sections, pay written the way people read it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings

from jdeditor._text import typeset
from jdeditor.checks.placeholders import check as find_placeholders
from jdeditor.export.text import render_text
from jdeditor.library import PresetLibrary
from jdeditor.model import JobDescription, PayPeriod, SalaryRange
from jdeditor.outline import Bullets, Link, Paragraph, babel_locale, build_outline, format_pay
from tests.strategies import job_descriptions

ORDER = [
    "summary",
    "responsibilities",
    "required_qualifications",
    "preferred_qualifications",
    "skills",
    "education_experience",
    "certifications",
    "kpis",
    "benefits",
    "company",
    "how_to_apply",
    "equal_opportunity",
]


def pay(language: str = "en-US", **fields: Any) -> str:
    return format_pay(SalaryRange.model_validate(fields), babel_locale(language))


def test_minimal_posting_has_only_its_sections() -> None:
    outline = build_outline(JobDescription(title="Agent", responsibilities=("Answer calls",)))
    assert [s.key for s in outline.sections] == ["responsibilities"]
    assert outline.meta == () and outline.pay == ""


def test_sections_follow_the_fixed_order(library: PresetLibrary) -> None:
    for preset in library.list_presets().presets:
        keys = [section.key for section in build_outline(preset.document).sections]
        assert keys == [key for key in ORDER if key in keys]
        assert all(section.blocks for section in build_outline(preset.document).sections)


def test_operations_outline_is_complete(library: PresetLibrary) -> None:
    outline = build_outline(library.get("Operations").document)
    assert [s.key for s in outline.sections] == ORDER  # every section, benefits but no pay
    assert outline.pay == ""
    assert outline.title == "Call Center Operations Manager"
    assert outline.meta == (
        "[Company name]",
        "Call Center Operations",
        "[City], [State]",
        "Full-time",
        "On-site",
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"minimum": 32000, "maximum": 35000}, "$32,000 – $35,000 per year"),
        ({"minimum": 63000, "maximum": 100000, "open_ended": True}, "$63,000 – $100,000+ per year"),
        ({"minimum": 63000, "open_ended": True}, "$63,000+ per year"),
        ({"minimum": "17.5", "maximum": 20, "period": "hour"}, "$17.50 – $20.00 per hour"),
        ({"minimum": 40000, "maximum": 40000}, "$40,000 per year"),
        ({"minimum": 3000, "currency": "EUR", "period": "month"}, "€3,000 per month"),
    ],
)
def test_pay_line(fields: dict[str, Any], expected: str) -> None:
    assert pay(**fields) == expected


def test_pay_uses_the_posting_locale() -> None:
    assert (
        pay("de-DE", minimum=3000, maximum=4000, currency="EUR")
        == "3.000\xa0€ – 4.000\xa0€ per year"
    )
    assert pay("zh-CN", minimum=8000, currency="CNY", period="month") == "月薪 ¥8,000"
    assert pay("en-IN", minimum=1200000, currency="INR") == "₹12,00,000 per year"


def test_education_and_experience_section(library: PresetLibrary) -> None:
    section = build_outline(library.get("Team Lead").document).section("education_experience")
    assert section is not None
    bullets = section.blocks[0]
    assert isinstance(bullets, Bullets)
    assert bullets.items == (
        "Required: High school diploma or equivalent",
        "Preferred: Bachelor's degree in management, communication, or a related field",
        "At least 1 year of relevant experience",
    )


def test_links_for_website_email_and_application_url() -> None:
    document = JobDescription(
        title="Agent",
        responsibilities=("Answer calls",),
        company={"name": "Acme", "website": "acme.example.com"},
        how_to_apply={"email": "jobs@acme.example.com", "url": "https://acme.example.com/apply"},
    )
    outline = build_outline(document)
    company, apply = outline.section("company"), outline.section("how_to_apply")
    assert company is not None and apply is not None
    assert company.heading == "About Acme"
    assert company.blocks == (Paragraph((Link("acme.example.com", "https://acme.example.com"),)),)
    assert apply.blocks == (
        Paragraph(("Email: ", Link("jobs@acme.example.com", "mailto:jobs@acme.example.com"))),
        Paragraph(
            ("Apply online: ", Link("acme.example.com/apply", "https://acme.example.com/apply"))
        ),
    )


def test_location_names_a_foreign_country_only() -> None:
    base = {"title": "Agent", "responsibilities": ["Answer calls"]}
    home = JobDescription.model_validate(
        {
            **base,
            "language": "en-US",
            "location": {"locality": "Denver", "region": "CO", "country": "US"},
        }
    )
    abroad = JobDescription.model_validate(
        {**base, "language": "en-US", "location": {"locality": "Manila", "country": "PH"}}
    )
    assert build_outline(home).meta == ("Denver, CO",)
    assert build_outline(abroad).meta == ("Manila, Philippines",)


def test_paragraphs_split_on_blank_lines() -> None:
    document = JobDescription(
        title="Agent", responsibilities=("Answer calls",), summary="One\ntwo.\n\nThree."
    )
    section = build_outline(document).section("summary")
    assert section is not None
    assert [block.text for block in section.blocks if isinstance(block, Paragraph)] == [
        "One two.",
        "Three.",
    ]


def test_text_rendering_of_a_preset(library: PresetLibrary) -> None:
    text = render_text(build_outline(library.get("Agent").document), width=80)
    lines = text.splitlines()
    assert lines[:3] == [
        "Call Center Agent",
        "[Company name] · Customer Service · [City], [State] · Full-time · On-site",
        "$32,000 – $35,000 per year",
    ]
    assert "RESPONSIBILITIES" in lines
    assert all(len(line) <= 80 for line in lines)


@settings(max_examples=60, deadline=None)
@given(job_descriptions())
def test_outline_holds_every_list_item(document: JobDescription) -> None:
    outline = build_outline(document)
    bullets = [
        item
        for s in outline.sections
        for b in s.blocks
        if isinstance(b, Bullets)
        for item in b.items
    ]
    for item in document.responsibilities + document.skills + document.kpis + document.benefits:
        assert typeset(item, document.language) in bullets
    assert (outline.pay != "") == (document.salary is not None)


def test_whole_amounts_have_no_cents() -> None:
    salary = SalaryRange(minimum=Decimal(1), period=PayPeriod.HOUR)
    assert format_pay(salary, babel_locale("en")) == "$1 per hour"


@settings(max_examples=40, deadline=None)
@given(job_descriptions())
def test_text_rendering_holds_every_bullet(document: JobDescription) -> None:
    text = " ".join(render_text(build_outline(document), width=60).split())
    assert " ".join(typeset(document.title, document.language).split()) in text
    for item in document.responsibilities + document.kpis:
        assert " ".join(typeset(item, document.language).split()) in text


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en-US", "\"Don't\" call it 'easy'", "“Don’t” call it ‘easy’"),
        ("en-US", "the agents' queues in the '90s", "the agents’ queues in the ’90s"),
        ("de-DE", 'Er sagte "ja"', "Er sagte „ja“"),
        ("zh-CN", '他说"好"', "他说“好”"),
        ("ja", '"はい"', "「はい」"),
        (
            "en-US",
            'see https://example.com/it\'s or "jobs@example.com"',
            "see https://example.com/it's or “jobs@example.com”",
        ),
        ("zh-CN", '底薪"¥8000"起', "底薪“¥8000”起"),
        ("zh-CN", '要求"（必须）"，"《员工手册》"', "要求“（必须）”，“《员工手册》”"),
        ("ja", '給与は"¥300,000"です', "給与は「¥300,000」です"),
        (
            "zh-CN",
            '访问"https://acme.cn/jobs"或"hr@acme.cn"',
            "访问“https://acme.cn/jobs”或“hr@acme.cn”",
        ),
        ("en-US", "Icon \ue000 then jobs@acme.com", "Icon \ue000 then jobs@acme.com"),
        ("en-US", "write to o'neil@acme.com", "write to o'neil@acme.com"),
        ("en-US", "'https://acme.com'", "‘https://acme.com’"),
        ("en-US", "In the '90s we said 'yes'", "In the ’90s we said ‘yes’"),
        ("de-DE", "Er sagte \"ja\" und 'nein'", "Er sagte „ja“ und ‚nein‘"),
    ],
)
def test_quotes_are_typographic_in_the_posting_language(
    language: str, text: str, expected: str
) -> None:
    document = JobDescription(title="Agent", responsibilities=(text,), language=language)
    (bullets,) = build_outline(document).section("responsibilities").blocks  # type: ignore[union-attr]
    assert bullets == Bullets((expected,))


def test_links_keep_their_addresses_exactly() -> None:
    document = JobDescription(
        title="Agent",
        responsibilities=("Calls",),
        company={"name": "O'Brien's", "website": "https://example.com/o'brien"},
    )
    outline = build_outline(document)
    (about,) = outline.section("company").blocks  # type: ignore[union-attr]
    assert about == Paragraph((Link("example.com/o'brien", "https://example.com/o'brien"),))
    assert outline.company == "O’Brien’s"
    assert outline.section("company").heading == "About O’Brien’s"  # type: ignore[union-attr]


def test_the_pay_is_stated_once_at_the_top(library: PresetLibrary) -> None:
    outline = build_outline(library.get("Manager").document)
    assert outline.pay == "$63,000 – $100,000+ per year, depending on experience and qualifications"
    text = render_text(outline)
    assert text.count("$63,000") == 1
    assert outline.section("benefits").heading == "Benefits"  # type: ignore[union-attr]


def _with_company(name: str) -> JobDescription:
    return JobDescription(
        title="[Company name] Support Agent",
        department="[Company name] Care",
        responsibilities=("Speak for [Company name] on every call",),
        summary="Join [Company name] today.",
        company={"name": name, "about": "[Company name] builds things."},
        equal_opportunity="[Company name] is an equal opportunity employer.",
    )


def test_the_company_placeholder_shows_the_company_name() -> None:
    outline = build_outline(_with_company("Acme Inc."))
    assert outline.title == "Acme Inc. Support Agent"
    assert outline.meta == ("Acme Inc.", "Acme Inc. Care")
    assert outline.properties.title == "Acme Inc. Support Agent"
    assert outline.properties.subject == "Job description: Acme Inc. Care"
    texts = render_text(outline)
    assert "[Company name]" not in texts
    assert outline.section("responsibilities").blocks == (  # type: ignore[union-attr]
        Bullets(("Speak for Acme Inc. on every call",)),
    )
    assert outline.section("summary").blocks == (Paragraph(("Join Acme Inc. today.",)),)  # type: ignore[union-attr]
    company = outline.section("company")
    assert company is not None and company.heading == "About Acme Inc."
    assert company.blocks == (Paragraph(("Acme Inc. builds things.",)),)
    statement = outline.section("equal_opportunity")
    assert statement is not None
    assert statement.blocks == (Paragraph(("Acme Inc. is an equal opportunity employer.",)),)


@pytest.mark.parametrize("name", ["", "   ", "[Company name]", "[Your company]"])
def test_the_company_placeholder_stays_without_a_real_name(name: str) -> None:
    outline = build_outline(_with_company(name))
    assert outline.title == "[Company name] Support Agent"
    statement = outline.section("equal_opportunity")
    assert statement is not None
    assert statement.blocks == (Paragraph(("[Company name] is an equal opportunity employer.",)),)


def test_the_company_placeholder_takes_the_posting_quotes() -> None:
    outline = build_outline(_with_company("O'Brien's"))
    assert outline.title == "O’Brien’s Support Agent"


def test_a_company_name_ends_the_company_placeholder_warnings() -> None:
    named = {problem.path for problem in find_placeholders(_with_company("Acme Inc."))}
    assert named == set()
    unnamed = {problem.path for problem in find_placeholders(_with_company("[Company name]"))}
    assert ("company", "name") in unnamed  # the Company field reports its own placeholder
    assert ("equal_opportunity",) in unnamed and ("title",) in unnamed
    other = _with_company("Acme Inc.").model_copy(update={"summary": "Join [Team name]."})
    (left,) = find_placeholders(other)
    assert left.path == ("summary",) and left.found == ("[Team name]",)


def test_the_last_day_to_apply_is_printed_under_how_to_apply() -> None:
    from jdeditor.export.text import render_text

    document = JobDescription(
        title="Agent", responsibilities=("Answer calls",), valid_through="2027-01-05"
    )
    assert "Apply by 5 January 2027" in render_text(build_outline(document))
