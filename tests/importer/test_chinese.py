"""Chinese postings as jdeditor prints them, read back: the subtitle, the pay line, the education
and application lines and the place, recognised from the posting catalogue's own wording."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from jdeditor._paths import resources_dir
from jdeditor.export.formats import FORMATS, ExportOptions
from jdeditor.importer import _printed, import_posting, import_text
from jdeditor.importer._facts import parse_location
from jdeditor.importer._lines import Facts
from jdeditor.importer._pay import Pay, find_pay
from jdeditor.model import JobDescription
from tests.importer.helpers import IMPORTABLE, TODAY, differences, expected_after
from tests.importer.test_round_trip import presets


def test_the_printed_wording_is_the_posting_catalogue_s() -> None:
    """The importer's msgids are the ones ``outline.py`` marks: each is still in posting.po."""
    path = resources_dir() / "locale" / "zh_CN" / "LC_MESSAGES" / "posting.po"
    with path.open("rb") as file:
        catalogue = {message.id: message.string for message in read_po(file) if message.id}
    for msgid in _printed.MSGIDS:
        assert catalogue.get(msgid), msgid
    assert ("zh-CN", "申请截止日期：{date}") in _printed.translations(_printed.APPLY_BY)


def complete_chinese(**changes: Any) -> JobDescription:
    """The Chinese agent preset with every field filled, as ``complete_posting`` in English."""
    agent = next(preset for preset in presets() if preset.title == "呼叫中心客服专员")
    data = agent.model_dump() | {
        "department": "客户关怀部",
        "location": {"locality": "丹佛", "region": "科罗拉多州", "country": "US"},
        "employment_type": "part-time",
        "work_arrangement": "hybrid",
        "preferred_qualifications": ("会说英语和西班牙语者优先",),
        "certifications": ("持有急救证书，或愿意考取",),
        "education": {
            "minimum_level": "associate",
            "preferred_level": "bachelor",
            "fields_of_study": ("工商管理", "传播学", "相关"),
            "experience_in_place_of_education": True,
        },
        "experience": {"minimum_years": 2.5, "description": "在呼叫中心或类似岗位工作过。"},
        "salary": {
            "minimum": "18.50",
            "maximum": "22.75",
            "open_ended": True,
            "currency": "USD",
            "period": "hour",
            "note": "另有月度提成",
        },
        "benefits": ("入职即享医疗和牙科保险", "带薪培训"),
        "company": {
            "name": "明远联络有限公司",
            "about": "明远联络有限公司为四十家公用事业公司接听客户来电。",
            "website": "https://mingyuan.example.com",
        },
        "how_to_apply": {
            "instructions": "请发送简历，并简单介绍一位你帮助过的客户。",
            "email": "jobs@mingyuan.example.com",
            "url": "https://mingyuan.example.com/jobs/agent",
        },
        "date_posted": date(2026, 1, 15),
        "valid_through": date(2026, 12, 31),
    }
    return JobDescription.model_validate(data | changes)


VARIANTS: dict[str, dict[str, Any]] = {
    "complete": {},
    "in China": {
        "location": {"locality": "深圳市", "region": "广东省", "country": "CN"},
        "salary": {"minimum": 6000, "maximum": 8000, "currency": "CNY", "period": "month"},
        "employment_type": "full-time",
        "work_arrangement": "on-site",
    },
    "a city only": {
        "department": "",
        "location": {"locality": "上海", "region": "", "country": "CN"},
        "salary": {"minimum": 150000, "currency": "CNY", "period": "year", "open_ended": True},
        "employment_type": "internship",
        "work_arrangement": "remote",
    },
    "a state code": {
        "location": {"locality": "丹佛", "region": "CO", "country": "US"},
        "education": {"minimum_level": "none", "fields_of_study": ("计算机科学",)},
        "experience": {"minimum_years": 1},
    },
}


@pytest.mark.parametrize("format_name", IMPORTABLE)
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_full_chinese_posting_round_trips(variant: str, format_name: str, tmp_path: Path) -> None:
    document = complete_chinese(**VARIANTS[variant])
    export = FORMATS[format_name]
    path = tmp_path / f"posting{export.suffix}"
    path.write_bytes(export.render(document, ExportOptions(today=TODAY)))
    result = import_posting(path)
    assert result.document is not None, result.messages()
    got = result.document.model_dump(mode="json")
    assert differences(expected_after(document, format_name), got, format_name) == {}
    assert result.unplaced == []


# --- pieces -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "年薪 US$63,000 – US$100,000 起，视经验和资历而定",
            ("63000", "100000", True, "USD", "year", "视经验和资历而定"),
        ),
        ("月薪 ¥6,000 – ¥8,000", ("6000", "8000", False, "CNY", "month", "")),
        ("时薪 US$17.50", ("17.50", None, False, "USD", "hour", "")),
        ("年薪 US$63,000 起", ("63000", None, True, "USD", "year", "")),
    ],
)
def test_chinese_pay_lines(line: str, expected: tuple[Any, ...]) -> None:
    facts = Facts()
    assert facts.take_line(line, preamble=True)  # the whole line is pay
    found = find_pay(line, chinese=True)
    assert isinstance(found, Pay)
    minimum, maximum, open_ended, currency, period, note = expected
    assert found.minimum == Decimal(minimum)
    assert found.maximum == (Decimal(maximum) if maximum else None)
    assert (found.open_ended, found.currency, found.period, found.note) == (
        open_ended,
        currency,
        period,
        note,
    )


def test_chinese_subtitle_line() -> None:
    facts = Facts()
    line = "[公司名称] · 客户服务部 · 美国[州][城市] · 全职 · 现场办公"
    assert facts.take_line(line, preamble=True)
    assert facts.values == {
        "employment_type": "full-time",
        "work_arrangement": "on-site",
        "location.region": "[州]",
        "location.locality": "[城市]",
        "location.country": "US",
        "company.name": "[公司名称]",
        "department": "客户服务部",
    }
    assert any("'全职'" in guess.message for guess in facts.guesses)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "明远科技 · 客服部 · 上海 · 兼职 · 远程办公",
            {"company.name": "明远科技", "department": "客服部", "location.locality": "上海"},
        ),
        ("上海 · 全职 · 6000-8000元/月", {"location.locality": "上海"}),
        ("明远联络有限公司 · 全职", {"company.name": "明远联络有限公司"}),
    ],
)
def test_chinese_subtitle_names_and_places(line: str, expected: dict[str, str]) -> None:
    facts = Facts()
    assert facts.take_line(line, preamble=True)
    assert {key: facts.values.get(key) for key in expected} == expected
    assert ("location.locality" in facts.values) == ("location.locality" in expected)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("美国[州][城市]", {"region": "[州]", "locality": "[城市]", "country": "US"}),
        ("美国加州丹佛", {"region": "加州", "locality": "丹佛", "country": "US"}),
        ("美国CO丹佛", {"region": "CO", "locality": "丹佛", "country": "US"}),
        ("英国伦敦", {"locality": "伦敦", "country": "GB"}),
        ("广东省深圳市", {"region": "广东省", "locality": "深圳市", "country": "CN"}),
        ("广州", {"locality": "广州", "country": "CN"}),
        ("黑山县", {"locality": "黑山县", "country": "CN"}),
    ],
)
def test_chinese_places_largest_part_first(text: str, place: dict[str, str]) -> None:
    assert parse_location(text) == (place, "")


def test_chinese_application_lines_and_date() -> None:
    text = (
        "客服专员\n\n岗位职责\n\n- 接听客户来电\n\n申请方式\n\n"
        "请发送简历。\n\n电子邮箱：jobs@mingyuan.example.com\n\n"
        "在线申请：https://mingyuan.example.com/jobs\n\n申请截止日期：2026年12月31日\n"
    )
    result = import_text(text, "md")
    assert result.document is not None, result.messages()
    job = result.document
    assert job.language == "zh-CN"
    assert job.valid_through == date(2026, 12, 31)
    assert job.how_to_apply.email == "jobs@mingyuan.example.com"
    assert job.how_to_apply.url == "https://mingyuan.example.com/jobs"
    assert job.how_to_apply.instructions == "请发送简历。"
    said = "<md>: Apply by: '申请截止日期：2026年12月31日' read as 2026-12-31"
    assert said in result.messages()
    assert result.unplaced == []


@pytest.mark.parametrize(
    ("line", "facts"),
    [
        ("要求：高中或同等学历", {"education.minimum_level": "high-school"}),
        (
            "优先：管理学、传播学或相关专业本科学历",
            {
                "education.preferred_level": "bachelor",
                "education.fields_of_study": ["管理学", "传播学", "相关"],
            },
        ),
        ("专业：心理学或社会学", {"education.fields_of_study": ["心理学", "社会学"]}),
        ("3 年以上相关工作经验", {"experience.minimum_years": 3.0}),
        (
            "具备丰富相关经验者，学历要求可放宽",
            {"education.experience_in_place_of_education": True},
        ),
        (
            "Preferred: Bachelor’s degree in management, business, or a related field",
            {
                "education.preferred_level": "bachelor",
                "education.fields_of_study": ["Management", "Business", "a related field"],
            },
        ),
    ],
)
def test_education_lines_as_exported(line: str, facts: dict[str, Any]) -> None:
    assert _printed.education_line(line) == facts


def test_chinese_text_with_an_acronym_is_no_heading_and_is_never_lost() -> None:
    """'熟悉CRM平台' has only capitals among its cased letters: it is not a shouted heading, and
    the wrapped line after it is prose, not a place (which, a place being known, was dropped)."""
    summary = "字" * 10 + "熟悉CRM平台和呼叫中心技术" + "文" * 100
    document = complete_chinese(summary=summary)
    data = FORMATS["txt"].render(document, ExportOptions(today=TODAY))
    result = import_text(data.decode("utf-8"), "txt")
    assert result.document is not None, result.messages()
    assert result.document.summary == summary
    assert result.unplaced == []
    facts = Facts()
    assert not facts.take_line("文" * 40, preamble=True)  # Chinese prose alone is no place
    assert facts.take_line("广东省深圳市", preamble=True)


@pytest.mark.parametrize(
    "place",
    [
        {"locality": "Denver", "region": "CO", "country": "US"},
        {"locality": "New York", "region": "NY", "country": "US"},
        {"locality": "丹佛", "region": "科罗拉多州", "country": "US"},
    ],
)
@pytest.mark.parametrize("kind", ["txt", "docx", "md"])
def test_latin_place_names_in_a_chinese_posting_stay_apart(
    place: dict[str, str], kind: str
) -> None:
    """A Chinese posting names a place largest part first; a Latin name gets a space beside it
    ('美国 CO Denver', once printed '美国CODenver') and comes back whole."""
    from jdeditor.export.formats import FORMATS
    from jdeditor.importer import import_bytes
    from tests.test_i18n import chinese_posting

    document = chinese_posting(location=place)
    printed = FORMATS["txt"].render(document).decode()
    if place["locality"] == "Denver":
        assert "美国 CO Denver" in printed
    result = import_bytes(FORMATS[kind].render(document), kind)
    assert result.draft["location"] == place
