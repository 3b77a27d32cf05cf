"""The Word export read back with python-docx: styles, bullets, fields, properties, links."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

import pytest
from docx.oxml.ns import qn
from docx.shared import Twips
from hypothesis import HealthCheck, given, settings

from jdeditor._text import typeset
from jdeditor.checks import COMPANY_PLACEHOLDER, company_for_placeholder, fill_company
from jdeditor.export.docx import DocxOptions
from jdeditor.export.reference import A4, LETTER
from jdeditor.i18n import label
from jdeditor.library import PresetLibrary
from jdeditor.model import JobDescription
from jdeditor.outline import build_outline
from tests.export.helpers import all_text, export, hyperlink_targets, reopen, styled_paragraphs
from tests.strategies import job_descriptions

BUILT_IN = [
    "Agent",
    "Team Lead",
    "Manager",
    "Operations",
    "呼叫中心客服专员",
    "呼叫中心组长",
    "呼叫中心经理",
    "呼叫中心运营经理",
]
PARAGRAPH_STYLES = {"Title", "Subtitle", "Pay Line", "Heading 1", "List Bullet", "Normal"}


def posting(**changes: Any) -> JobDescription:
    base: dict[str, Any] = {"title": "Agent", "responsibilities": ["Answer calls"]}
    return JobDescription.model_validate({**base, **changes})


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_paragraph_has_a_real_style(library: PresetLibrary, name: str) -> None:
    document = library.get(name).document
    word = reopen(export(document))
    paragraphs = styled_paragraphs(word)
    outline = build_outline(document)

    assert paragraphs[0] == ("Title", outline.title)
    assert paragraphs[1] == ("Subtitle", " · ".join(outline.meta))
    assert {style for style, _ in paragraphs} <= PARAGRAPH_STYLES
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == [section.heading for section in outline.sections]
    bullets = [text for style, text in paragraphs if style == "List Bullet"]
    for item in document.responsibilities + document.skills + document.kpis:
        assert typeset(item, document.language) in bullets


def test_title_block_of_the_manager(library: PresetLibrary) -> None:
    paragraphs = styled_paragraphs(reopen(export(library.get("Manager").document)))
    assert paragraphs[:4] == [
        ("Title", "Call Center Manager"),
        ("Subtitle", "[Company name] · Customer Service · [City], [State] · Full-time · On-site"),
        ("Pay Line", "$63,000 – $100,000+ per year, depending on experience and qualifications"),
        ("Heading 1", "About the role"),
    ]


@pytest.mark.parametrize("name", BUILT_IN)
def test_no_empty_section(library: PresetLibrary, name: str) -> None:
    paragraphs = styled_paragraphs(reopen(export(library.get(name).document)))
    for (style, heading), (next_style, text) in itertools.pairwise(paragraphs):
        if style == "Heading 1":
            assert next_style != "Heading 1" and text.strip(), f"empty section {heading!r}"
    assert paragraphs[-1][0] != "Heading 1"


def test_formatting_lives_in_styles_not_in_the_text(library: PresetLibrary) -> None:
    """Paragraphs carry a style (and list items the list, as Word writes them); runs carry a
    character style, and a placeholder its highlight, which Word allows in no style."""
    word = reopen(export(library.get("Operations").document))
    body = word.element.body
    bullet = [qn("w:pStyle"), qn("w:numPr")]
    for properties in body.iter(qn("w:pPr")):
        assert [child.tag for child in properties] in ([qn("w:pStyle")], bullet)
    for properties in body.iter(qn("w:rPr")):
        assert [child.tag for child in properties] in (
            [qn("w:rStyle")],
            [qn("w:rStyle"), qn("w:highlight")],
        )


def test_bullets_use_a_real_numbering_definition(library: PresetLibrary) -> None:
    word = reopen(export(library.get("Agent").document))
    bullet_style = word.styles["List Bullet"].element
    num_id = bullet_style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
    numbering = word.part.numbering_part.element
    (num,) = [n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == num_id]
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    (abstract,) = [
        a
        for a in numbering.iter(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    ]
    level = abstract.find(qn("w:lvl"))
    assert level.find(qn("w:numFmt")).get(qn("w:val")) == "bullet"
    assert level.find(qn("w:lvlText")).get(qn("w:val")) == "•"


def test_headings_keep_with_next_and_lines_keep_together(library: PresetLibrary) -> None:
    word = reopen(export(library.get("Agent").document))
    for name in ("Heading 1", "Title", "Subtitle"):
        assert word.styles[name].paragraph_format.keep_with_next
    assert word.styles["Heading 1"].paragraph_format.keep_together
    defaults = word.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:widowControl')}") is not None


def test_type_scale(library: PresetLibrary) -> None:
    word = reopen(export(library.get("Agent").document))
    sizes = {name: word.styles[name].font.size.pt for name in ("Title", "Heading 1", "Pay Line")}
    assert sizes == {"Title": 24.0, "Heading 1": 13.0, "Pay Line": 11.5}
    assert word.styles["Heading 1"].font.bold


def test_header_has_the_company_and_footer_page_x_of_y() -> None:
    word = reopen(export(posting(company={"name": "Acme Support Co."})))
    section = word.sections[0]
    assert [p.text for p in section.header.paragraphs] == ["Acme Support Co."]
    assert section.header.paragraphs[0].style.name == "Header"
    footer = section.footer.paragraphs[0]
    assert footer.style.name == "Footer"
    instructions = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [c.get(qn("w:fldCharType")) for c in footer._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    assert footer.text == "Page 1 of 1"


def test_document_properties(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    document = posting(
        title="Night Agent",
        department="Support",
        level="entry",
        employment_type="part-time",
        skills=["Patience", "CRM"],
        company={"name": "Acme"},
        language="en-GB",
    )
    properties = reopen(export(document)).core_properties
    assert properties.title == "Night Agent"
    assert properties.subject == "Job description: Support"
    assert properties.author == "Acme"
    assert properties.keywords == "Support; Entry level; Part-time; Patience; CRM"
    assert properties.language == "en-GB"
    expected = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert properties.created == expected.replace(tzinfo=None) or properties.created == expected
    assert properties.modified in (expected, expected.replace(tzinfo=None))


def test_same_input_same_bytes_with_source_date_epoch(
    library: PresetLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    document = library.get("Operations").document
    assert export(document) == export(document)


def test_explicit_timestamp_wins() -> None:
    when = dt.datetime(2025, 6, 1, 12, 30, tzinfo=dt.UTC)
    properties = reopen(export(posting(), DocxOptions(timestamp=when))).core_properties
    assert properties.created in (when, when.replace(tzinfo=None))


def test_urls_and_emails_are_real_hyperlinks() -> None:
    document = posting(
        company={"name": "Acme", "website": "acme.example.com"},
        how_to_apply={"email": "jobs@acme.example.com", "url": "https://acme.example.com/apply"},
    )
    word = reopen(export(document))
    assert hyperlink_targets(word) == {
        "acme.example.com": "https://acme.example.com",
        "jobs@acme.example.com": "mailto:jobs@acme.example.com",
        "acme.example.com/apply": "https://acme.example.com/apply",
    }
    for link in word.element.body.iter(qn("w:hyperlink")):
        style = link.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:rStyle')}")
        assert style.get(qn("w:val")) == "Hyperlink"
        assert word.part.rels[link.get(qn("r:id"))].is_external


def _default_language(word: Any) -> tuple[dict[str, str], dict[str, str]]:
    defaults = word.styles.element.find(qn("w:docDefaults"))
    run = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    lang = {k.split("}")[1]: v for k, v in run.find(qn("w:lang")).attrib.items()}
    fonts = {k.split("}")[1]: v for k, v in run.find(qn("w:rFonts")).attrib.items()}
    return lang, fonts


def test_language_and_east_asian_font_for_english() -> None:
    lang, fonts = _default_language(reopen(export(posting(language="en-US"))))
    assert lang["val"] == "en-US" and lang["eastAsia"] == "zh-CN"
    assert fonts["ascii"] == fonts["hAnsi"] == "Calibri"
    assert fonts["eastAsia"] == "Microsoft YaHei"


@pytest.mark.parametrize(
    ("language", "font"),
    [("zh-CN", "Microsoft YaHei"), ("zh-Hant-TW", "Microsoft JhengHei"), ("ja", "Yu Gothic")],
)
def test_language_and_east_asian_font_for_cjk(language: str, font: str) -> None:
    document = posting(language=language, title="呼叫中心客服专员", responsibilities=["处理来电"])
    word = reopen(export(document))
    lang, fonts = _default_language(word)
    assert lang["val"] == language and lang["eastAsia"] == language
    assert fonts["eastAsia"] == font
    assert word.paragraphs[0].text == "呼叫中心客服专员"


@pytest.mark.parametrize(
    ("language", "country", "size"),
    [
        ("en-US", "", LETTER),
        ("en", "US", LETTER),
        ("en-CA", "", LETTER),
        ("en-GB", "", A4),
        ("de-DE", "US", A4),
        ("en", "", A4),
    ],
)
def test_page_size_follows_the_locale(language: str, country: str, size: tuple[int, int]) -> None:
    section = reopen(export(posting(language=language, location={"country": country}))).sections[0]
    assert (section.page_width, section.page_height) == (Twips(size[0]), Twips(size[1]))


def test_placeholders_are_marked(library: PresetLibrary) -> None:
    word = reopen(export(library.get("Agent").document))
    marked = [
        "".join(t.text for t in run.iter(qn("w:t")))
        for run in word.element.body.iter(qn("w:r"))
        if (style := run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")) is not None
        and style.get(qn("w:val")) == "Placeholder"
    ]
    assert "[Company name]" in marked and "[City]" in marked
    assert all(re.fullmatch(r"\[[^\]]+\]", text) for text in marked)
    highlights = [
        run.find(f"{qn('w:rPr')}/{qn('w:highlight')}").get(qn("w:val"))
        for run in word.element.body.iter(qn("w:r"))
        if (style := run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")) is not None
        and style.get(qn("w:val")) == "Placeholder"
    ]
    assert highlights == ["yellow"] * len(marked)
    header_runs = word.sections[0].header.paragraphs[0].runs
    assert [run.style.name for run in header_runs] == ["Placeholder"]


def test_a_chinese_preset_is_marked_as_chinese_with_its_placeholders(
    library: PresetLibrary,
) -> None:
    word = reopen(export(library.get("呼叫中心客服专员").document))
    lang, fonts = _default_language(word)
    assert lang["val"] == "zh-CN" and fonts["eastAsia"] == "Microsoft YaHei"
    assert word.paragraphs[0].text == "呼叫中心客服专员"
    marked = {
        "".join(t.text for t in run.iter(qn("w:t")))
        for run in word.element.body.iter(qn("w:r"))
        if (style := run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")) is not None
        and style.get(qn("w:val")) == "Placeholder"
    }
    assert {"[公司名称]", "[城市]"} <= marked and COMPANY_PLACEHOLDER not in marked


def test_a_finished_posting_has_no_marks() -> None:
    word = reopen(export(posting(company={"name": "Acme"}, summary="Join us (no brackets).")))
    styles = {style.get(qn("w:val")) for style in word.element.body.iter(qn("w:rStyle"))}
    assert "Placeholder" not in styles


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(job_descriptions())
def test_any_valid_posting_exports_with_every_field(document: JobDescription) -> None:
    word = reopen(export(document))
    text = " ".join(all_text(word).split())
    targets = set(hyperlink_targets(word).values())

    def present(value: str) -> bool:
        # "[Company name]" in any text prints as the company's name once there is one.
        named = company_for_placeholder(document)
        if named:
            value = fill_company(value, named)
        return " ".join(typeset(value, document.language).split()) in text

    lists = [
        document.responsibilities,
        document.required_qualifications,
        document.preferred_qualifications,
        document.skills,
        document.certifications,
        document.kpis,
        document.benefits,
    ]
    for value in [item for items in lists for item in items]:
        assert present(value), value
    for value in [
        document.title,
        document.department,
        document.location.locality,
        document.location.region,
        document.summary,
        document.experience.description,
        document.company.name,
        document.company.about,
        document.how_to_apply.instructions,
        document.how_to_apply.email,
        document.equal_opportunity,
        *document.education.fields_of_study,
    ]:
        for paragraph in value.split("\n\n"):
            assert present(paragraph) or present(paragraph.lower()), paragraph
    for choice in (document.employment_type, document.work_arrangement):
        if choice is not None:
            assert present(label(choice, document.language))
    for address in (document.company.website, document.how_to_apply.url):
        if address:
            assert address in targets
    if document.salary is not None:
        assert present(build_outline(document).pay)
