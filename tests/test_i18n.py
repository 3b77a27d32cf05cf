"""The posting catalogue: every word a posting prints besides the user's, in English and in
Simplified Chinese, with Chinese typesetting; the build compiles what the sources say."""

from __future__ import annotations

import gettext
import importlib.util
import re
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from jdeditor import i18n
from jdeditor._paths import resources_dir
from jdeditor._text import chinese_punctuation, columns, typeset, wrap
from jdeditor.export.formats import FORMATS
from jdeditor.export.text import render_text
from jdeditor.i18n import Domain, catalogue_language, label, posting_gettext
from jdeditor.importer import import_bytes
from jdeditor.model import (
    EducationLevel,
    EmploymentType,
    JobDescription,
    Level,
    PayPeriod,
    SalaryRange,
)
from jdeditor.outline import babel_locale, build_outline, format_pay

ROOT = Path(__file__).resolve().parents[1]
POSTING_SOURCES = [
    ROOT / "jdeditor" / "outline.py",
    ROOT / "jdeditor" / "model.py",
    ROOT / "jdeditor" / "schema.py",
    *sorted((ROOT / "jdeditor" / "export").glob("*.py")),
]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def catalogue_po(domain: str, language: str = "zh_CN") -> Any:
    with (resources_dir() / "locale" / language / "LC_MESSAGES" / f"{domain}.po").open("rb") as f:
        return read_po(f, locale=language)


def extracted(paths: list[Path]) -> set[str]:
    found = set()
    for path in paths:
        for _line, message, _comments, _context in extract_from_file(
            "python", str(path), keywords={"N_": None}
        ):
            assert isinstance(message, str), message  # no plural forms in this catalogue
            found.add(message)
    return found


def test_every_marked_posting_word_is_translated() -> None:
    catalogue = catalogue_po("posting")
    marked = extracted(POSTING_SOURCES)
    assert len(marked) >= 50  # headings, labels, enum values, pay, footer
    translated = {m.id: m.string for m in catalogue if m.id}
    missing = sorted(marked - translated.keys())
    assert not missing, f"posting.po lacks: {missing}"
    untranslated = sorted(msgid for msgid, text in translated.items() if not text)
    assert not untranslated
    assert not [m.id for m in catalogue if m.id and m.fuzzy]
    stale = sorted(translated.keys() - marked)
    assert not stale, f"posting.po holds words no code uses: {stale}"


def test_translations_keep_their_placeholders() -> None:
    for message in catalogue_po("posting"):
        if message.id:
            source = set(PLACEHOLDER.findall(message.id))
            assert set(PLACEHOLDER.findall(message.string)) == source, message.id


def test_the_built_catalogue_is_the_source_compiled(tmp_path: Path) -> None:
    """The .mo the build made says what the .po says (a stale build fails here)."""
    for po in (resources_dir() / "locale").glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        assert mo.is_file(), f"{mo} is not built: run pip install -e . again"
        with po.open("rb") as f:
            source = {m.id: m.string for m in read_po(f) if m.id}
        with mo.open("rb") as f:
            built = {m.id: m.string for m in read_mo(f) if m.id}
        assert built == source, f"{mo} is stale: run pip install -e . again"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("zh-CN", "zh_CN"),
        ("zh", "zh_CN"),
        ("zh-Hans-SG", "zh_CN"),
        ("zh_CN.UTF-8", "zh_CN"),
        ("zh-TW", "en"),
        ("zh-Hant", "en"),
        ("zh_HK", "en"),
        ("zh-Hans-HK", "zh_CN"),
        ("en-US", "en"),
        ("de-DE", "en"),
        ("C", "en"),
        ("", "en"),
    ],
)
def test_catalogue_language(tag: str, expected: str) -> None:
    assert catalogue_language(tag) == expected


def test_a_missing_build_names_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    i18n.translations.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match=r"posting\.mo.*pip install"):
            i18n.translations(Domain.POSTING, "zh_CN")
    finally:
        i18n.translations.cache_clear()


def test_labels_in_the_posting_language() -> None:
    assert label(Level.ENTRY, "en-US") == "Entry level"
    assert label(Level.ENTRY, "zh-CN") == "初级"
    assert label(EmploymentType.FULL_TIME, "zh-CN") == "全职"
    assert label(EducationLevel.BACHELOR, "zh-CN") == "本科学历"
    assert label(EducationLevel.BACHELOR, "zh-TW") == "Bachelor's degree"


def test_labels_follow_the_user_language_without_a_tag() -> None:
    try:
        i18n.set_ui_language("zh_CN")
        assert label(PayPeriod.MONTH) == "按月"
    finally:
        i18n.set_ui_language("en")
    assert label(PayPeriod.MONTH) == "per month"


def chinese_posting(**changes: Any) -> JobDescription:
    data: dict[str, Any] = {
        "schema_version": 2,
        "language": "zh-CN",
        "title": "呼叫中心客服专员",
        "level": "entry",
        "department": "客户服务部",
        "location": {"locality": "上海", "country": "CN"},
        "employment_type": "full-time",
        "work_arrangement": "on-site",
        "summary": "负责接听客户来电, 解答问题.",
        "responsibilities": ["接听来电", "记录客户信息"],
        "skills": ["沟通能力"],
        "education": {"minimum_level": "high-school"},
        "experience": {"minimum_years": 1},
        "salary": {"minimum": 6000, "maximum": 8000, "currency": "CNY", "period": "month"},
        "company": {"name": "上海星辰客服有限公司", "about": "我们是一家客服公司。"},
        "how_to_apply": {"email": "hr@example.cn"},
        "valid_through": "2026-12-31",
    }
    data |= changes
    return JobDescription.model_validate(data)


def test_a_chinese_posting_prints_chinese_wording() -> None:
    text = render_text(build_outline(chinese_posting()))
    for words in (
        "上海星辰客服有限公司 · 客户服务部 · 上海 · 全职 · 现场办公",
        "月薪 ¥6,000 – ¥8,000",
        "职位概述",
        "岗位职责",
        "技能要求",
        "学历与经验",
        "要求：高中或同等学历",
        "1 年以上相关工作经验",
        "关于上海星辰客服有限公司",
        "申请方式",
        "电子邮箱：hr@example.cn",
        "申请截止日期：2026年12月31日",
        "负责接听客户来电，解答问题。",
    ):
        assert words in text
    for english in ("About", "Responsibilities", "Required", "Email", "per month", "Apply"):
        assert english not in text


def test_the_same_posting_in_english_keeps_english_wording() -> None:
    text = render_text(build_outline(chinese_posting(language="en-US")))
    assert "ABOUT THE ROLE" in text and "CN¥6,000 – CN¥8,000 per month" in text
    assert "Apply by 31 December 2026" in text and "Email: hr@example.cn" in text


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"minimum": 6000, "maximum": 8000, "currency": "CNY", "period": "month"},
            "月薪 ¥6,000 – ¥8,000",
        ),
        ({"minimum": 200000, "currency": "CNY", "open_ended": True}, "年薪 ¥200,000 及以上"),
        ({"minimum": 32000, "maximum": 35000, "currency": "USD"}, "年薪 US$32,000 – US$35,000"),
        ({"minimum": "25.5", "currency": "CNY", "period": "hour"}, "时薪 ¥25.50"),
    ],
)
def test_chinese_pay_lines(fields: dict[str, Any], expected: str) -> None:
    assert format_pay(SalaryRange.model_validate(fields), babel_locale("zh-CN")) == expected


def test_pay_note_joins_with_a_chinese_comma() -> None:
    salary = {"minimum": 6000, "currency": "CNY", "period": "month", "note": "另有绩效奖金"}
    assert build_outline(chinese_posting(salary=salary)).pay == "月薪 ¥6,000，另有绩效奖金"


def test_page_footer_words() -> None:
    assert posting_gettext("zh-CN")("Page {page} of {pages}") == "第 {page} 页，共 {pages} 页"
    assert posting_gettext("en-GB")("Page {page} of {pages}") == "Page {page} of {pages}"


def test_document_properties_in_chinese() -> None:
    properties = build_outline(chinese_posting()).properties
    assert properties.subject == "职位描述：客户服务部"
    assert "初级" in properties.keywords and "Entry level" not in properties.keywords


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("我们是一家公司, 主要做客服.", "我们是一家公司，主要做客服。"),
        ("欢迎 加入 我们!", "欢迎 加入 我们！"),  # spaces are the user's: "北京 上海 深圳"
        ("工作地点: 北京 上海 深圳", "工作地点：北京 上海 深圳"),
        ("请访问https://example.com了解详情,谢谢.", "请访问https://example.com了解详情，谢谢。"),
        ("使用'单引号'", "使用‘单引号’"),
        ("请看“说明”.", "请看“说明”。"),
        ("什么?!", "什么？！"),
        ("等等...", "等等..."),
        ("工作时间:9:00-18:00", "工作时间：9:00-18:00"),
        ("使用 CRM 系统", "使用 CRM 系统"),
        ("熟悉 Excel; 会打字?", "熟悉 Excel; 会打字？"),
        ("v2.0 版本", "v2.0 版本"),
        ("网址: https://example.cn/a.b", "网址：https://example.cn/a.b"),
    ],
)
def test_chinese_typesetting(typed: str, printed: str) -> None:
    assert typeset(typed, "zh-CN") == printed


def test_chinese_typesetting_leaves_other_languages_alone() -> None:
    assert typeset("Hi, 我们, ok.", "en-US") == "Hi, 我们, ok."
    assert typeset("我们, 你们.", "ja-JP") == "我们, 你们."
    assert chinese_punctuation("Plain English, here.") == "Plain English, here."


def test_the_build_hook_compiles_every_catalogue(tmp_path: Path) -> None:
    """packaging/hatch_build.py writes a .mo that gettext reads for each .po (and a .qm per .ts)."""
    spec = importlib.util.spec_from_file_location(
        "hatch_build", ROOT / "packaging" / "hatch_build.py"
    )
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    copy = tmp_path / "resources"
    shutil.copytree(
        resources_dir() / "locale", copy / "locale", ignore=shutil.ignore_patterns("*.mo")
    )
    written = hook.compile_catalogues(copy)
    mo = copy / "locale" / "zh_CN" / "LC_MESSAGES" / "posting.mo"
    assert mo in written
    with mo.open("rb") as f:
        assert gettext.GNUTranslations(f).gettext("Skills") == "技能要求"


def test_the_chinese_company_placeholder_takes_the_company_name() -> None:
    from jdeditor.checks.placeholders import check as placeholders

    document = chinese_posting(equal_opportunity="[公司名称]是一家提供平等就业机会的雇主。")
    statement = build_outline(document).section("equal_opportunity")
    assert statement is not None
    assert statement.blocks[0].text == "上海星辰客服有限公司是一家提供平等就业机会的雇主。"  # type: ignore[union-attr]
    assert not [f for f in placeholders(document) if f.path == ("equal_opportunity",)]
    unnamed = chinese_posting(
        equal_opportunity="[公司名称]是一家雇主。", company={"name": "[公司名称]"}
    )
    assert [f.found for f in placeholders(unnamed) if f.path == ("equal_opportunity",)] == [
        ("[公司名称]",)
    ]


def load_hook() -> Any:
    spec = importlib.util.spec_from_file_location(
        "hatch_build", ROOT / "packaging" / "hatch_build.py"
    )
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


@pytest.mark.parametrize(
    ("damage", "error"),
    [
        (lambda po: po.replace('msgstr "技能要求"', 'msgstr "技能要求'), Exception),
        (lambda po: po + "\nthis is not a po line\n", Exception),
        (
            lambda po: po.replace("第 {page} 页，共 {pages} 页", "第 {page} 页，共 {pagez} 页"),
            RuntimeError,
        ),
    ],
    ids=["unterminated", "garbage", "placeholder"],
)
def test_a_broken_catalogue_fails_the_build(
    tmp_path: Path, damage: Any, error: type[Exception]
) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(
        resources_dir() / "locale", copy / "locale", ignore=shutil.ignore_patterns("*.mo")
    )
    po = copy / "locale" / "zh_CN" / "LC_MESSAGES" / "posting.po"
    po.write_text(damage(po.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(error):
        load_hook().compile_catalogues(copy)
    assert not po.with_suffix(".mo").exists()


MIXED = (
    "呼叫中心组长是一线客服专员与公司高层管理者之间的桥梁。你将带领一支呼叫中心客服团队，确保团队"
    "目标顺利达成。使用Salesforce和Zendesk等工具维护客户账户资料（CRM），确保account data准确完整。"
)


@pytest.mark.parametrize("width", [20, 33, 40, 80])
def test_wrap_counts_columns_and_keeps_latin_words_whole(width: int) -> None:
    lines = wrap(MIXED, width, "  ", "  ")
    assert all(columns(line) <= width for line in lines), lines
    assert "".join(line.strip() for line in lines).replace(" ", "") == MIXED.replace(" ", "")
    words = {"Salesforce", "Zendesk", "account", "data", "CRM"}
    for line in lines:
        for word in re.findall(r"[A-Za-z]+", line):
            assert word in words, (word, lines)  # never 'Sa' + 'lesforce'
        assert not line.strip().startswith(tuple("，。、；：？！）")), lines


def test_wrap_of_one_column_text_is_textwraps() -> None:
    text = "Answer a high volume of inbound calls and make outbound calls to customers " * 3
    assert wrap(text, 30, "  • ", "    ") == textwrap.wrap(
        text, 30, initial_indent="  • ", subsequent_indent="    "
    )


@given(st.text(alphabet=st.sampled_from(list("ab 呼叫中心，。Salesforce（）")), max_size=200))
def test_wrap_loses_no_character(text: str) -> None:
    lines = wrap(text, 12)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(columns(line) <= 12 for line in lines)


def test_a_wrapped_chinese_text_export_reads_back_whole() -> None:
    document = chinese_posting(summary=MIXED)
    text = FORMATS["txt"].render(document).decode()
    assert "Sa\n" not in text and all(columns(line) <= 80 for line in text.splitlines())
    assert import_bytes(text.encode(), "txt").draft["summary"] == MIXED
