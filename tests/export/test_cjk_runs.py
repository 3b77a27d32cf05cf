"""Runs tagged by script in the Word export: CJK runs say so, Latin runs in a CJK posting say
English (so LibreOffice and Word break them as words), and the footer follows the catalogue."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from jdeditor import i18n
from jdeditor.export._wordml import split_by_script
from jdeditor.export.docx import PageField, footer_parts, render_docx
from jdeditor.library import PresetLibrary
from jdeditor.model import JobDescription
from jdeditor.outline import Outline, build_outline
from tests.export.helpers import hyperlink_targets, reopen, strict_validation_errors

MIXED = "欢迎加入company团队，使用CRM系统"
HAN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
LATIN = re.compile(r"[A-Za-z]")


def posting(**changes: Any) -> JobDescription:
    base: dict[str, Any] = {"title": "Agent", "responsibilities": ["Answer calls"]}
    return JobDescription.model_validate({**base, **changes})


def chinese(**changes: Any) -> Outline:
    """A zh-CN posting's outline; its headings stay English, so no catalogue is needed."""
    return dataclasses.replace(build_outline(posting(**changes)), language="zh-CN")


def catalogue(template: str) -> Callable[[str], Callable[[str], str]]:
    """A stand-in for ``posting_gettext`` that translates only the footer."""
    return lambda language: (
        lambda message: template if message == "Page {page} of {pages}" else message
    )


def text_runs(element: Any) -> Iterator[Any]:
    """Every ``<w:r>`` under ``element`` that holds text."""
    return (r for r in element.iter(qn("w:r")) if r.find(qn("w:t")) is not None)


def described(r: Any) -> tuple[str, str | None, dict[str, str]]:
    """(text, rFonts hint, w:lang attributes) of a run."""
    fonts = r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    lang = r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
    attributes = {} if lang is None else {etree.QName(k).localname: v for k, v in lang.items()}
    hint = None if fonts is None else fonts.get(qn("w:hint"))
    return "".join(t.text or "" for t in r.iter(qn("w:t"))), hint, attributes


def parts(word: Any) -> list[Any]:
    section = word.sections[0]
    return [word.element.body, section.header._element, section.footer._element]


EAST_ASIAN = ("eastAsia", {"eastAsia": "zh-CN"})
ENGLISH: tuple[None, dict[str, str]] = (None, {"val": "en-US"})


def test_mixed_text_gives_one_tagged_run_per_script() -> None:
    word = reopen(render_docx(chinese(summary=MIXED)))
    (paragraph,) = [p for p in word.paragraphs if p.text == MIXED]
    assert [described(r) for r in text_runs(paragraph._p)] == [
        ("欢迎加入", *EAST_ASIAN),
        ("company", *ENGLISH),
        ("团队，使用", *EAST_ASIAN),
        ("CRM", *ENGLISH),
        ("系统", *EAST_ASIAN),
    ]


def test_every_part_of_a_chinese_posting_is_tagged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "posting_gettext", catalogue("第 {page} 页，共 {pages} 页"))
    outline = chinese(
        title="呼叫中心CRM专员",
        company={"name": "上海Acme公司", "about": "我们重视customer experience。"},
        responsibilities=["每月达成KPI目标", "在CRM系统中记录每一次通话"],
        salary={"minimum": 8000, "maximum": 12000, "currency": "CNY", "period": "month"},
    )
    word = reopen(render_docx(outline))
    seen = set()
    for part in parts(word):
        for r in text_runs(part):
            text, hint, lang = described(r)
            assert not (HAN.search(text) and LATIN.search(text)), text
            if HAN.search(text):
                assert (hint, lang) == EAST_ASIAN, text
                seen.add("cjk")
            elif LATIN.search(text):
                assert (hint, lang) == ENGLISH, text
                seen.add("latin")
    assert seen == {"cjk", "latin"}
    for part in parts(word):
        for paragraph in part.iter(qn("w:p")):
            assert all(a != b for a, b in neighbours(paragraph))
    assert word.paragraphs[0].text == "呼叫中心CRM专员"
    assert [p.text for p in word.sections[0].header.paragraphs] == ["上海Acme公司"]


def neighbours(paragraph: Any) -> Iterator[tuple[bytes, bytes]]:
    """The properties of every two text runs side by side, outside fields."""
    previous, in_field = None, False
    for child in paragraph:
        kind = child.find(qn("w:fldChar"))
        if kind is not None:
            in_field = kind.get(qn("w:fldCharType")) != "end"
            previous = None
        elif child.tag == qn("w:r") and child.find(qn("w:t")) is not None and not in_field:
            properties = child.find(qn("w:rPr"))
            current = b"" if properties is None else etree.tostring(properties)
            if previous is not None:
                yield previous, current
            previous = current
        else:
            previous = None


@pytest.mark.parametrize("name", ["Agent", "Manager", "Operations"])
def test_an_english_posting_is_not_split(library: PresetLibrary, name: str) -> None:
    word = reopen(render_docx(build_outline(library.get(name).document)))
    for part in parts(word):
        assert next(part.iter(qn("w:rFonts")), None) is None
        assert next(part.iter(qn("w:lang")), None) is None
        for paragraph in part.iter(qn("w:p")):
            # Two neighbours alike would be a pointless split.
            assert all(a != b for a, b in neighbours(paragraph))


def test_chinese_in_an_english_posting_gets_the_hint_and_the_default_language() -> None:
    word = reopen(render_docx(build_outline(posting(summary="Join our 呼叫中心 team."))))
    (paragraph,) = [p for p in word.paragraphs if "呼叫中心" in p.text]
    assert [described(r) for r in text_runs(paragraph._p)] == [
        ("Join our ", None, {}),
        ("呼叫中心 ", "eastAsia", {}),
        ("team.", None, {}),
    ]


def test_placeholders_keep_their_mark_and_get_the_script_tags() -> None:
    word = reopen(render_docx(chinese(summary="欢迎加入[公司名称]的team")))
    runs = [r for r in text_runs(word.element.body) if "公司名称" in described(r)[0]]
    (placeholder,) = runs
    properties = placeholder.find(qn("w:rPr"))
    assert [child.tag for child in properties] == [
        qn("w:rStyle"),
        qn("w:rFonts"),
        qn("w:highlight"),
        qn("w:lang"),
    ]
    assert described(placeholder) == ("[公司名称]", *EAST_ASIAN)


def test_hyperlinks_keep_working() -> None:
    outline = chinese(
        company={"website": "https://例子.中国/jobs"},
        how_to_apply={"instructions": "请发送简历", "email": "jobs@example.com"},
    )
    word = reopen(render_docx(outline))
    assert hyperlink_targets(word) == {
        "例子.中国/jobs": "https://例子.中国/jobs",
        "jobs@example.com": "mailto:jobs@example.com",
    }
    links = list(word.element.body.iter(qn("w:hyperlink")))
    described_links = [[described(r) for r in text_runs(link)] for link in links]
    assert described_links == [
        [("例子.中国/", *EAST_ASIAN), ("jobs", *ENGLISH)],
        [("jobs@example.com", *ENGLISH)],
    ]
    for link in links:
        styles = [r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}") for r in text_runs(link)]
        assert [style.get(qn("w:val")) for style in styles] == ["Hyperlink"] * len(styles)


def test_the_english_footer_is_as_before() -> None:
    footer = reopen(render_docx(build_outline(posting()))).sections[0].footer
    (paragraph,) = footer.paragraphs
    assert paragraph.text == "Page 1 of 1"
    assert [described(r) for r in text_runs(paragraph._p)] == [
        ("Page ", None, {}),
        ("1", None, {}),
        (" of ", None, {}),
        ("1", None, {}),
    ]


@pytest.mark.parametrize(
    ("template", "text", "fields"),
    [
        ("第 {page} 页，共 {pages} 页", "第 1 页，共 1 页", ["PAGE", "NUMPAGES"]),
        ("共 {pages} 页，第 {page} 页", "共 1 页，第 1 页", ["NUMPAGES", "PAGE"]),
    ],
)
def test_the_footer_follows_the_catalogue(
    monkeypatch: pytest.MonkeyPatch, template: str, text: str, fields: list[str]
) -> None:
    monkeypatch.setattr(i18n, "posting_gettext", catalogue(template))
    (paragraph,) = reopen(render_docx(chinese())).sections[0].footer.paragraphs
    assert paragraph.text == text
    assert [t.text.strip() for t in paragraph._p.iter(qn("w:instrText"))] == fields
    kinds = [c.get(qn("w:fldCharType")) for c in paragraph._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    words = [described(r) for r in text_runs(paragraph._p) if described(r)[0] != "1"]
    assert all(hint == "eastAsia" for _, hint, _ in words)


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (
            "Page {page} of {pages}",
            ["Page ", PageField("PAGE"), " of ", PageField("NUMPAGES")],
        ),
        (
            "第 {page} 页，共 {pages} 页",
            ["第 ", PageField("PAGE"), " 页，共 ", PageField("NUMPAGES"), " 页"],
        ),
        (
            "共 {pages} 页，第 {page} 页",
            ["共 ", PageField("NUMPAGES"), " 页，第 ", PageField("PAGE"), " 页"],
        ),
        ("{page}/{pages}", [PageField("PAGE"), "/", PageField("NUMPAGES")]),
        ("{{{page}}}", ["{", PageField("PAGE"), "}"]),
        ("Page", ["Page"]),
    ],
)
def test_footer_parts(template: str, expected: list[str | PageField]) -> None:
    assert footer_parts(template) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("Hello, world", [("Hello, world", False)]),
        ("使用 CRM 系统", [("使用 ", True), ("CRM ", False), ("系统", True)]),
        ("团队 (CRM) 系统", [("团队 ", True), ("(CRM) ", False), ("系统", True)]),
        ("月薪 ¥8,000 – ¥12,000", [("月薪 ", True), ("¥8,000 – ¥12,000", False)]),
        ("客户满意度（CSAT）", [("客户满意度（", True), ("CSAT", False), ("）", True)]),
        ("[公司名称]", [("[公司名称]", True)]),
        ("2024年", [("2024", False), ("年", True)]),
        ("使用“CRM”系统", [("使用", True), ("“CRM”", False), ("系统", True)]),
        ("かな、カナ、한국어", [("かな、カナ、한국어", True)]),
    ],
)
def test_split_by_script(text: str, expected: list[tuple[str, bool]]) -> None:
    assert split_by_script(text) == expected


_MIXED_CHARACTERS = st.one_of(
    st.characters(),
    st.sampled_from("欢迎加入团队，。（）「」　、ｃｏ한글かなカナㄅ"),
    st.sampled_from("company CRM 2024 ()[]“”'\",.-¥$ \n"),
)


@given(st.text(_MIXED_CHARACTERS))
def test_split_by_script_gives_back_the_text(text: str) -> None:
    pieces = split_by_script(text)
    assert "".join(piece for piece, _ in pieces) == text
    assert all(piece for piece, _ in pieces)
    assert all(a[1] != b[1] for a, b in itertools.pairwise(pieces))
    if not any(east_asian for _, east_asian in pieces):
        assert len(pieces) <= 1


def test_tagged_runs_pass_strict_validation(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "posting_gettext", catalogue("第 {page} 页，共 {pages} 页"))
    outline = chinese(
        summary=MIXED, company={"name": "[公司名称]", "website": "https://例子.中国/jobs"}
    )
    path = tmp_path / "chinese.docx"
    path.write_bytes(render_docx(outline))
    assert strict_validation_errors(path) == []
