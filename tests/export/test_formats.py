"""Markdown, the web page, JSON-LD and PDF, each read back by a reader that is not ours:
markdown-it-py (CommonMark), lxml's HTML parser, ``json`` and poppler (pdftotext, pdffonts,
pdfinfo); and every format in the registry carrying every field of any valid posting."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import docx
import lxml.html
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from jdeditor._text import typeset
from jdeditor.checks import PLACEHOLDER, company_for_placeholder, fill_company
from jdeditor.export import jsonld, markdown
from jdeditor.export.formats import FORMATS, ExportOptions
from jdeditor.i18n import label, posting_gettext
from jdeditor.library import PresetKind, PresetLibrary
from jdeditor.model import EducationLevel, EmploymentType, JobDescription
from jdeditor.outline import Bullets, Link, Outline, Paragraph, build_outline
from tests.strategies import job_descriptions

TODAY = date(2026, 3, 9)
OPTIONS = ExportOptions(today=TODAY)
REPO = Path(__file__).resolve().parents[2]

FULL: dict[str, Any] = {
    "language": "en-US",
    "title": "Senior Customer Support Agent",
    "level": "senior",
    "department": "Customer Care",
    "location": {"locality": "Denver", "region": "CO", "country": "US"},
    "employment_type": "full-time",
    "work_arrangement": "on-site",
    "summary": "Help our customers by phone, chat and e-mail.\n\nYou join a team of 40 agents.",
    "responsibilities": [
        "Answer inbound calls within 20 seconds",
        "Log every call in the CRM so that the next agent can pick up where you left off, "
        "however long the customer's history is",
        'Coach new agents on the "first-call resolution" checklist',
    ],
    "required_qualifications": ["Two years in a contact center"],
    "preferred_qualifications": ["Spanish"],
    "skills": ["Patience", "Typing at 50 words a minute"],
    "education": {
        "minimum_level": "high-school",
        "preferred_level": "bachelor",
        "fields_of_study": ["Communications"],
        "experience_in_place_of_education": True,
    },
    "experience": {"minimum_years": 2.5, "description": "Time on a phone queue."},
    "certifications": ["CCSP"],
    "kpis": ["Customer satisfaction above 90%"],
    "salary": {
        "minimum": 42000,
        "maximum": 52000,
        "currency": "USD",
        "period": "year",
        "note": "depending on experience",
    },
    "benefits": ["Health insurance", "401(k) match"],
    "company": {
        "name": "Acme Support Co.",
        "about": "We answer two million calls a year.",
        "website": "https://acme-support.com",
    },
    "how_to_apply": {
        "instructions": "Send your résumé.",
        "email": "jobs@acme-support.com",
        "url": "https://acme-support.com/apply",
    },
    "equal_opportunity": "[Company name] is an equal opportunity employer.",
    "date_posted": "2026-03-02",
    "valid_through": "2026-04-30",
}

CHINESE: dict[str, Any] = {
    "language": "zh-CN",
    "title": "客服代表（呼叫中心）",
    "department": "客户服务部门",
    "location": {"locality": "上海", "region": "上海市", "country": "CN"},
    "employment_type": "full-time",
    "work_arrangement": "hybrid",
    # 一 人 门 见 长 工 日 月 大 言: characters whose glyph Noto Sans CJK shares with a Kangxi
    # or CJK radical (U+2F00 …), which Qt's PDF writer names instead.
    "summary": "作为客服代表，你是客户听到的第一个声音。一人一门见长：工作日月大言。",
    "responsibilities": ["接听客户来电并及时解决问题", "记录每一次通话，保持客户资料准确完整"],
    "skills": ["普通话流利", "耐心"],
    "salary": {"minimum": 6000, "maximum": 8000, "currency": "CNY", "period": "month"},
    "benefits": ["五险一金"],
    "company": {"name": "星辰科技有限公司", "about": "我们为电商客户提供全天候客户服务。"},
    "how_to_apply": {"instructions": "请发送简历。", "email": "hr@xingchen.cn"},
}

# Text that is Markdown, HTML or a JSON-LD script's end if a renderer forgets to escape it.
HOSTILE: dict[str, Any] = {
    "title": "*Top* _agent_ #1 </script><!--",
    "department": "R&D &amp; <b>QA</b>",
    "summary": "1. Not a list\n\n# Not a heading\n\n> not a quote\n\n[link](https://evil.com) and "
    "<https://auto.link> and ![image](x.png) and `code` and ~~struck~~ and a | b\n\n"
    "- not a bullet\n\n+ nor this\n\n***\n\n---\n\n===\n\n2) two\n\n\\ back \\* slash",
    "responsibilities": [
        "1. Greet callers",
        "# Hash at the start",
        "*stars* and **bold** and _under_ and __dunder__",
        "<script>alert(1)</script> & &copy; &#169;",
        "[x]: https://reference.definition",
        "- dash",
        "C# and F# ###",
        "trailing backslash \\",
        "**$5** bonus",
    ],
    "skills": ["> quoted", "`tick`", "~tilde~", "| pipe |"],
    "salary": {"minimum": 20, "currency": "USD", "period": "hour", "note": "*plus* tips_"},
    "company": {"name": "A*B [Inc]_", "website": "https://ab.com/(jobs)"},
    "how_to_apply": {"url": "https://ab.com/apply?x=(1)&y=_2_"},
}


def posting(data: dict[str, Any], **changes: Any) -> JobDescription:
    return JobDescription.model_validate({**data, **changes})


def presets() -> list[JobDescription]:
    """The built-in presets, read before any test's fixtures: never from the user's folder."""
    library = PresetLibrary(user_dir=Path(tempfile.gettempdir()) / "jdeditor-no-user-presets")
    listing = library.list_presets().presets
    return [preset.document for preset in listing if preset.kind == PresetKind.BUILT_IN]


def sample_postings() -> list[tuple[str, JobDescription]]:
    built_in = [(f"preset {number}", document) for number, document in enumerate(presets())]
    return [
        *built_in,
        ("full", posting(FULL)),
        ("chinese", posting(CHINESE)),
        ("hostile", posting(HOSTILE, responsibilities=HOSTILE["responsibilities"])),
    ]


SAMPLES = sample_postings()
SAMPLE_IDS = [name for name, _ in SAMPLES]


def spaced(text: str) -> str:
    return " ".join(text.split())


def unspaced(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def expected_blocks(outline: Outline) -> list[tuple[str, str]]:
    """What a reader should find, block by block: (kind, text)."""
    blocks = [("h1", outline.title)]
    if outline.meta:
        blocks.append(("p", " · ".join(outline.meta)))
    if outline.pay:
        blocks.append(("p", outline.pay))
    for section in outline.sections:
        blocks.append(("h2", section.heading))
        for block in section.blocks:
            if isinstance(block, Bullets):
                blocks += [("li", item) for item in block.items]
            else:
                blocks.append(("p", block.text))
    return [(kind, spaced(text)) for kind, text in blocks]


def links(outline: Outline) -> set[str]:
    return {
        run.target
        for section in outline.sections
        for block in section.blocks
        if isinstance(block, Paragraph)
        for run in block.runs
        if isinstance(run, Link)
    }


# --- Markdown -----------------------------------------------------------------------------------
COMMONMARK = MarkdownIt("commonmark").enable(["table", "strikethrough"])  # GitHub's extras too
PLAIN_INLINE = {"text", "softbreak", "link_open", "link_close", "strong_open", "strong_close"}


def markdown_blocks(source: str) -> tuple[list[tuple[str, str]], set[str], set[str]]:
    """(kind, text) of every block, the link targets and every inline token type found."""
    blocks: list[tuple[str, str]] = []
    targets: set[str] = set()
    kinds: set[str] = set()
    tokens = COMMONMARK.parse(source)
    for number, token in enumerate(tokens):
        if token.type != "inline":
            continue
        opener = tokens[number - 1]
        kind = opener.tag
        if opener.type == "paragraph_open" and tokens[number - 2].type == "list_item_open":
            kind = "li"
        text = []
        for child in token.children or []:
            kinds.add(child.type)
            if child.type == "softbreak":
                text.append(" ")
            elif child.type == "link_open":
                targets.add(str(child.attrs["href"]))
            else:
                text.append(child.content)
        blocks.append((kind, spaced("".join(text))))
    return blocks, targets, kinds


@pytest.mark.parametrize(("name", "document"), SAMPLES, ids=SAMPLE_IDS)
def test_markdown_reads_back_as_the_outline(name: str, document: JobDescription) -> None:
    data = FORMATS["md"].render(document, OPTIONS)
    source = data.decode("utf-8")
    assert source.endswith("\n") and not source.endswith("\n\n")
    outline = build_outline(document)
    blocks, targets, kinds = markdown_blocks(source)
    assert blocks == expected_blocks(outline)
    assert kinds <= PLAIN_INLINE, kinds - PLAIN_INLINE
    assert targets == links(outline)


def test_markdown_marks_up_title_sections_bullets_pay_and_links() -> None:
    document = posting(FULL)
    source = FORMATS["md"].render(document, OPTIONS).decode("utf-8")
    tokens = COMMONMARK.parse(source)
    assert [t.tag for t in tokens if t.type == "heading_open"][:2] == ["h1", "h2"]
    outline = build_outline(document)
    assert sum(t.type == "heading_open" and t.tag == "h2" for t in tokens) == len(outline.sections)
    bullets = sum(
        len(b.items) for s in outline.sections for b in s.blocks if isinstance(b, Bullets)
    )
    assert sum(t.type == "list_item_open" for t in tokens) == bullets
    assert f"**{outline.pay}**" in source
    assert "[jobs@acme-support.com](mailto:jobs@acme-support.com)" in source
    html = COMMONMARK.render(source)
    assert '<a href="https://acme-support.com/apply">acme-support.com/apply</a>' in html


def test_markdown_escapes_only_what_needs_it() -> None:
    assert markdown.escape_line("1. Greet") == "1\\. Greet"
    assert markdown.escape_line("# x") == "\\# x"
    assert markdown.escape_line("Q&A at 5 o’clock.") == "Q&A at 5 o’clock."
    assert markdown.escape_inline("&copy;") == "\\&copy;"


# --- HTML page ----------------------------------------------------------------------------------
def parse_page(data: bytes) -> Any:
    assert data.startswith(b"<!DOCTYPE html>\n")
    return lxml.html.document_fromstring(data)


def block_texts(root: Any) -> list[tuple[str, str]]:
    return [
        (element.tag, spaced(element.text_content()))
        for element in root.iter("h1", "h2", "p", "li")
    ]


@pytest.mark.parametrize(("name", "document"), SAMPLES, ids=SAMPLE_IDS)
def test_web_page_is_semantic_and_carries_its_json_ld(name: str, document: JobDescription) -> None:
    data = FORMATS["html"].render(document, OPTIONS)
    root = parse_page(data)
    outline = build_outline(document)
    assert root.get("lang") == outline.language
    assert root.find(".//meta[@charset]").get("charset") == "utf-8"
    assert "width=device-width" in root.find(".//meta[@name='viewport']").get("content")
    assert root.findtext(".//title").startswith(outline.title)
    article = root.find("./body/main/article")
    assert article is not None
    headings = article.findall("./header/h1")
    assert [spaced(h.text_content()) for h in headings] == [spaced(outline.title)]
    assert len(root.findall(".//h1")) == 1
    sections = article.findall("./section")
    assert len(sections) == len(outline.sections)
    for element, section in zip(sections, outline.sections, strict=True):
        heading = element.find("./h2")
        assert element.get("aria-labelledby") == heading.get("id")
        assert spaced(heading.text_content()) == spaced(section.heading)
        items = [spaced(li.text_content()) for li in element.findall("./ul/li")]
        expected = [spaced(i) for b in section.blocks if isinstance(b, Bullets) for i in b.items]
        assert items == expected
    assert block_texts(article) == expected_blocks(outline)
    assert {a.get("href") for a in article.iter("a")} == links(outline)
    for mark in root.iter("mark"):
        assert mark.get("class") == "placeholder"
        assert PLACEHOLDER.fullmatch(mark.text_content())
    scripts = root.findall(".//script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    expected_json = json.loads(FORMATS["jsonld"].render(document, OPTIONS))
    assert json.loads(scripts[0].text) == expected_json


def test_web_page_prints_on_the_countrys_paper() -> None:
    american = FORMATS["html"].render(posting(FULL), OPTIONS).decode("utf-8")
    chinese = FORMATS["html"].render(posting(CHINESE), OPTIONS).decode("utf-8")
    for css in (american, chinese):
        print_css = css[css.index("@media print") :]
        assert "margin: 2cm" in print_css
        assert "break-inside: avoid" in print_css
        assert "break-after: avoid" in print_css
        assert "a { color: inherit;" in print_css
    assert "size: letter" in american
    assert "size: A4" in chinese
    # The Chinese page lists its CJK fonts first, an English page its Latin ones.
    assert chinese.index("Noto Sans CJK SC") < chinese.index("Carlito")
    assert american.index("Carlito") < american.index("Noto Sans CJK SC")


def test_user_text_cannot_end_the_json_ld_script() -> None:
    document = posting(HOSTILE, responsibilities=["</SCRIPT><script>alert(1)</script>", "<!--"])
    data = FORMATS["html"].render(document, OPTIONS)
    text = data.decode("utf-8")
    start = text.index('<script type="application/ld+json">')
    end = text.index("</script>", start)
    assert "</" not in text[start:end] and "<!--" not in text[start:end]
    root = parse_page(data)
    assert len(root.findall(".//script")) == 1
    assert "<script>" not in text[end:]
    structured = json.loads(root.find(".//script").text)
    assert "</SCRIPT><script>alert(1)</script>" in structured["responsibilities"]


# --- JSON-LD ------------------------------------------------------------------------------------
GOOGLE_DESCRIPTION_TAGS = {"p", "ul", "li", "h2", "strong"}
REQUIRED = {"@context", "@type", "title", "description", "datePosted", "hiringOrganization"}


def structured(document: JobDescription, options: ExportOptions = OPTIONS) -> dict[str, Any]:
    data = FORMATS["jsonld"].render(document, options)
    assert data.endswith(b"}\n")
    result: dict[str, Any] = json.loads(data)
    return result


def description_root(data: dict[str, Any]) -> Any:
    return lxml.html.fragment_fromstring(data["description"], create_parent="div")


def test_full_posting_has_googles_required_and_recommended_properties() -> None:
    data = structured(posting(FULL))
    assert REQUIRED | {"jobLocation", "baseSalary", "employmentType", "validThrough"} <= set(data)
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Senior Customer Support Agent"
    assert data["datePosted"] == "2026-03-02"
    assert data["validThrough"] == "2026-04-30T23:59:59"
    assert data["employmentType"] == "FULL_TIME"
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Acme Support Co.",
        "sameAs": "https://acme-support.com",
    }
    assert data["jobLocation"] == {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Denver",
            "addressRegion": "CO",
            "addressCountry": "US",
        },
    }
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 42000,
            "maxValue": 52000,
            "unitText": "YEAR",
        },
    }
    assert data["educationRequirements"] == {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "high school",
    }
    assert data["experienceRequirements"] == {
        "@type": "OccupationalExperienceRequirements",
        "monthsOfExperience": 30,
        "description": "Time on a phone queue.",
    }
    assert data["experienceInPlaceOfEducation"] is True
    assert (
        data["responsibilities"][2] == "Coach new agents on the “first-call resolution” checklist"
    )
    assert data["qualifications"] == ["Two years in a contact center"]
    assert data["skills"] == ["Patience", "Typing at 50 words a minute"]
    assert data["jobBenefits"] == ["Health insurance", "401(k) match"]
    assert data["employerOverview"] == "We answer two million calls a year."
    assert data["industry"] == "Call center"
    assert data["directApply"] is False
    assert data["applicationContact"] == {
        "@type": "ContactPoint",
        "email": "jobs@acme-support.com",
        "url": "https://acme-support.com/apply",
    }
    root = description_root(data)
    assert {element.tag for element in root.iter()} - {"div"} <= GOOGLE_DESCRIPTION_TAGS
    assert [spaced(h.text_content()) for h in root.iter("h2")] == [
        section.heading for section in build_outline(posting(FULL)).sections
    ]
    # "[Company name]" is the company's name in every property, as in every other format.
    assert "Acme Support Co. is an equal opportunity employer." in root.text_content()


def test_date_posted_defaults_to_the_day_of_export() -> None:
    data = structured(posting(FULL, date_posted=None, valid_through=None))
    assert data["datePosted"] == TODAY.isoformat()
    assert "validThrough" not in data


def test_fully_remote_job_names_the_country_applicants_work_from() -> None:
    data = structured(posting(FULL, work_arrangement="remote"))
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "US"}
    assert "jobLocation" not in data


def test_hybrid_job_has_a_place_and_says_hybrid_in_the_description() -> None:
    data = structured(posting(FULL, work_arrangement="hybrid"))
    assert data["jobLocation"]["address"]["addressLocality"] == "Denver"
    assert "jobLocationType" not in data
    assert "Hybrid" in description_root(data).text_content()


@pytest.mark.parametrize(
    ("salary", "value"),
    [
        (
            {"minimum": 63000, "maximum": 100000, "open_ended": True},
            {"minValue": 63000},
        ),
        ({"minimum": 17.5, "period": "hour"}, {"value": 17.5}),
        ({"minimum": 3000, "maximum": 3000, "period": "month"}, {"value": 3000}),
        (
            {"minimum": 17.25, "maximum": 19.5, "period": "hour"},
            {"minValue": 17.25, "maxValue": 19.5},
        ),
    ],
)
def test_pay_is_a_monetary_amount(salary: dict[str, Any], value: dict[str, Any]) -> None:
    data = structured(posting(FULL, salary=salary))
    unit = {"year": "YEAR", "month": "MONTH", "hour": "HOUR"}[salary.get("period", "year")]
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {"@type": "QuantitativeValue", **value, "unitText": unit},
    }


@pytest.mark.parametrize("kind", list(EmploymentType))
def test_employment_types_are_googles(kind: EmploymentType) -> None:
    expected = {
        "full-time": "FULL_TIME",
        "part-time": "PART_TIME",
        "contract": "CONTRACTOR",
        "temporary": "TEMPORARY",
        "internship": "INTERN",
    }
    assert structured(posting(FULL, employment_type=kind))["employmentType"] == expected[kind]


@pytest.mark.parametrize("level", list(EducationLevel))
def test_education_uses_googles_credential_categories(level: EducationLevel) -> None:
    education = {"minimum_level": level}
    requirement = structured(posting(FULL, education=education))["educationRequirements"]
    if level == EducationLevel.NONE:
        assert requirement == "no requirements"
    else:
        assert requirement["@type"] == "EducationalOccupationalCredential"
        assert requirement["credentialCategory"] in {
            "high school",
            "associate degree",
            "bachelor degree",
            "postgraduate degree",
        }


def test_no_experience_needed_is_googles_no_requirements() -> None:
    data = structured(posting(FULL, experience={"minimum_years": 0}))
    assert data["experienceRequirements"] == "no requirements"


def test_empty_properties_are_left_out() -> None:
    data = structured(posting({"title": "Agent", "responsibilities": ["Answer calls"]}))
    assert set(data) == {
        "@context",
        "@type",
        "title",
        "description",
        "datePosted",
        "responsibilities",
        "industry",
        "directApply",
    }


def test_json_ld_is_readable_utf8_with_two_space_indent() -> None:
    data = FORMATS["jsonld"].render(posting(CHINESE), OPTIONS)
    text = data.decode("utf-8")
    assert "客服代表" in text
    assert text.startswith('{\n  "@context": "https://schema.org/",\n')


def placeholder_values(value: Any, key: str = "") -> Iterator[str]:
    """Every structured string value that is nothing but a placeholder (description aside)."""
    if isinstance(value, dict):
        for name, item in value.items():
            if name != "description" or key == "experienceRequirements":
                yield from placeholder_values(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from placeholder_values(item, key)
    elif isinstance(value, str) and jsonld.is_placeholder(value):
        yield value


@pytest.mark.parametrize("number", range(len(presets())))
def test_every_preset_is_a_valid_job_posting(number: int) -> None:
    document = presets()[number]
    data = structured(document)
    assert {"@context", "@type", "title", "description", "datePosted"} <= set(data)
    assert data["@type"] == "JobPosting"
    assert "jobLocation" in data or data.get("jobLocationType") == "TELECOMMUTE"
    assert list(placeholder_values(data)) == []
    root = description_root(data)
    assert {element.tag for element in root.iter()} - {"div"} <= GOOGLE_DESCRIPTION_TAGS
    outline = build_outline(document)
    assert [spaced(h.text_content()) for h in root.iter("h2")] == [
        spaced(s.heading) for s in outline.sections
    ]
    # The placeholders the structured properties leave out are still in the description.
    for value in PLACEHOLDER.findall(document.how_to_apply.instructions):
        assert value in root.text_content()
    if document.salary is not None:
        assert data["baseSalary"]["@type"] == "MonetaryAmount"
        assert data["baseSalary"]["value"]["@type"] == "QuantitativeValue"


# --- PDF ----------------------------------------------------------------------------------------
needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo")),
    reason="poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed: apt install "
    "poppler-utils",
)
MARGIN_PT = 50  # the body starts 2 cm (56.7 pt) in; the running header and footer lie outside


def poppler(tool: str, data: bytes, *arguments: str) -> str:
    """``tool``'s output for the PDF ``data``; any error or warning it prints fails the test."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "posting.pdf"
        path.write_bytes(data)
        output = ["-"] if tool == "pdftotext" else []
        result = subprocess.run(
            [tool, *arguments, str(path), *output], capture_output=True, check=True
        )
    assert not result.stderr, result.stderr
    return result.stdout.decode("utf-8")


def pdf_info(data: bytes) -> dict[str, str]:
    lines = poppler("pdfinfo", data, "-enc", "UTF-8").splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page, the running header and footer cropped off."""
    info = pdf_info(data)
    width, height = (float(n) for n in re.findall(r"[\d.]+", info["Page size"])[:2])
    box = (0, MARGIN_PT, width, height - 2 * MARGIN_PT)
    crop = [part for o, v in zip("xyWH", box, strict=True) for part in (f"-{o}", f"{v:g}")]
    pages = []
    for number in range(1, int(info["Pages"]) + 1):
        page_range = ("-f", str(number), "-l", str(number))
        pages.append(poppler("pdftotext", data, "-raw", "-enc", "UTF-8", *page_range, *crop))
    return pages


RenderPdf = Callable[[JobDescription], bytes]


@pytest.fixture
def pdf(qapp: Any) -> RenderPdf:
    """Renders PDFs; runs with pytest-qt's application, as in the window."""

    def render(document: JobDescription) -> bytes:
        return FORMATS["pdf"].render(document, OPTIONS)

    return render


@needs_poppler
@pytest.mark.parametrize(("name", "document"), SAMPLES, ids=SAMPLE_IDS)
def test_pdf_text_reads_back(name: str, document: JobDescription, pdf: RenderPdf) -> None:
    data = pdf(document)
    assert data.startswith(b"%PDF-")
    pages = pdf_pages(data)
    body = unspaced("".join(pages))
    outline = build_outline(document)
    for kind, text in expected_blocks(outline):
        # A web address is printed as its short form ("acme.com/jobs"), as in Word.
        assert unspaced(text) in body, (kind, text)
    # Nothing but the outline is in the body, in the outline's order.
    assert body == unspaced("".join(text for _, text in expected_blocks(outline)))
    everything = poppler("pdftotext", data, "-raw", "-enc", "UTF-8")
    pages_total = len(pages)
    footer = posting_gettext(document.language)("Page {page} of {pages}")
    for number in range(1, pages_total + 1):
        assert footer.format(page=number, pages=pages_total) in everything
    fonts = poppler("pdffonts", data).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts


@needs_poppler
def test_pdf_pages_leave_no_line_alone_and_draw_each_line_once(
    library: PresetLibrary, pdf: RenderPdf
) -> None:
    """The Chinese Operations preset's last paragraph once split 2 + 1 lines over two pages,
    and the page after drew the line before it too (clipped, yet in the copied text)."""
    document = library.get("呼叫中心运营经理").document
    pages = pdf_pages(pdf(document))
    statement = unspaced(document.equal_opportunity)
    last = unspaced(pages[-1])
    assert last.startswith(unspaced("平等就业声明")), pages[-1][:80]
    assert statement in last
    assert sum(unspaced(page).count(statement[-20:]) for page in pages) == 1


@needs_poppler
def test_pdf_of_a_chinese_posting_reads_back_in_chinese(pdf: RenderPdf) -> None:
    document = posting(CHINESE)
    data = pdf(document)
    text = poppler("pdftotext", data, "-raw", "-enc", "UTF-8")
    assert "一人一门见长：工作日月大言。" in text
    assert "月薪 ¥6,000 – ¥8,000" in text
    assert "客户服务部门" in text
    assert "第 1 页，共 1 页" in text and "Page" not in text
    fonts = poppler("pdffonts", data)
    assert "NotoSansCJKsc" in fonts or "SourceHanSans" in fonts, fonts
    info = pdf_info(data)
    assert info["Page size"].endswith("(A4)")
    assert info["Title"] == "客服代表（呼叫中心）"
    assert info["Author"] == "星辰科技有限公司"
    assert b"/Lang (zh-CN)" in data
    metadata = poppler("pdfinfo", data, "-meta")
    assert "<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>" in metadata


@needs_poppler
def test_pdf_metadata_paper_and_links(pdf: RenderPdf) -> None:
    data = pdf(posting(FULL))
    info = pdf_info(data)
    assert info["Title"] == "Senior Customer Support Agent"
    assert info["Author"] == "Acme Support Co."
    assert info["Creator"] == "jdeditor"
    assert info["Subject"] == "Job description: Customer Care"
    assert "Patience" in info["Keywords"]
    assert info["Page size"].endswith("(letter)")
    assert info["Tagged"] == "no"  # Qt writes no structure tree (see jdeditor/export/pdf.py)
    assert b"/Lang (en-US)" in data
    for target in (b"https://acme-support.com/apply", b"mailto:jobs@acme-support.com"):
        assert b"/URI (" + target + b")" in data


@needs_poppler
def test_pdf_keeps_headings_with_their_text_and_bullets_whole(pdf: RenderPdf) -> None:
    """Across many lengths of the first list, no page ends on a heading and no bullet is
    split across two pages."""
    long_item = "Log every call in the CRM " + "so that nothing is lost " * 8
    for count in range(18, 40, 2):
        items = [f"{long_item}(number {n})" for n in range(count)]
        document = posting(FULL, responsibilities=items, skills=items[:6], kpis=items[6:12])
        outline = build_outline(document)
        headings = {unspaced(section.heading) for section in outline.sections}
        pages = pdf_pages(pdf(document))
        for text in pages[:-1]:
            lines = [line for line in text.splitlines() if line.strip()]
            assert unspaced(lines[-1]) not in headings, (count, lines[-1])
        page_texts = [unspaced(text) for text in pages]
        for item in items:
            assert any(unspaced(item) in text for text in page_texts), (count, item)


@needs_poppler
def test_pdf_is_the_same_for_the_same_posting_but_for_its_date(pdf: RenderPdf) -> None:
    document = posting(FULL)
    first, second = pdf(document), pdf(document)
    undated = re.compile(rb"/(CreationDate|ModDate) \(D:[^)]*\)")
    assert undated.sub(b"", first) == undated.sub(b"", second)


@pytest.mark.slow
def test_pdf_exports_without_a_display_or_an_application(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    script = (
        "import sys\n"
        "from jdeditor.export.formats import FORMATS\n"
        "from jdeditor.model import JobDescription\n"
        "document = JobDescription(title='Agent', responsibilities=('Answer calls',))\n"
        "sys.stdout.buffer.write(FORMATS['pdf'].render(document))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, check=False, cwd=REPO
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.startswith(b"%PDF-")


@needs_poppler
def test_paint_draws_on_a_printer_with_its_paper_and_at_least_2_cm_margins(
    qapp: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from jdeditor.export.pdf import paint

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A5),
            QPageLayout.Orientation.Landscape,
            QMarginsF(5, 5, 5, 5),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = posting(FULL)
    paint(document, printer)
    data = (tmp_path / "printed.pdf").read_bytes()
    info = pdf_info(data)
    assert info["Page size"] == "595 x 420 pts (A5)"  # landscape: 210 × 148 mm
    body = unspaced("".join(pdf_pages(data)))
    assert body == unspaced("".join(text for _, text in expected_blocks(build_outline(document))))
    assert f"Page 1 of {info['Pages']}" in poppler("pdftotext", data, "-raw")


def test_pdf_uses_the_windows_application(qapp: Any) -> None:
    FORMATS["pdf"].render(posting(FULL), OPTIONS)
    from PySide6.QtWidgets import QApplication

    assert QApplication.instance() is qapp


# --- every format, any posting ------------------------------------------------------------------
def format_text(name: str, data: bytes) -> tuple[str, set[str]]:
    """The text of an export as a reader shows it, and the addresses its links go to."""
    if name == "docx":
        word = docx.Document(io.BytesIO(data))
        paragraphs = [p.text for p in word.sections[0].header.paragraphs]
        paragraphs += [p.text for p in word.paragraphs]
        targets = {rel.target_ref for rel in word.part.rels.values() if rel.is_external}
        return "\n".join(paragraphs), targets
    if name == "md":
        blocks, targets, _ = markdown_blocks(data.decode("utf-8"))
        return "\n".join(text for _, text in blocks), targets
    if name == "html":
        article = parse_page(data).find("./body/main/article")
        targets = {a.get("href") for a in article.iter("a")}
        return "\n".join(text for _, text in block_texts(article)), targets
    if name == "jsonld":
        structured_data = json.loads(data)
        root = description_root(structured_data)
        texts = [structured_data["title"]] + [text for _, text in block_texts(root)]
        organization = structured_data.get("hiringOrganization", {})
        contact = structured_data.get("applicationContact", {})
        targets = {organization.get("sameAs"), contact.get("url")} - {None}
        return "\n".join(texts), targets
    if name == "pdf":
        return "\n".join(pdf_pages(data)), set()
    return data.decode("utf-8"), set()


def assert_every_field(document: JobDescription, name: str, data: bytes) -> None:
    text, targets = format_text(name, data)
    loose = name in ("txt", "pdf")  # wrapped at any character, and PDF text is NFKC
    squeeze = unspaced if loose else spaced
    haystack = squeeze(text)
    named = company_for_placeholder(document)

    def present(value: str) -> bool:
        if named:
            value = fill_company(value, named)
        return squeeze(typeset(value, document.language)) in haystack

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
        assert present(value), (name, value)
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
            assert present(paragraph) or present(paragraph.lower()), (name, paragraph)
    for choice in (document.employment_type, document.work_arrangement):
        if choice is not None:
            assert present(label(choice, document.language)), (name, choice)
    for address in (document.company.website, document.how_to_apply.url):
        if address and name != "pdf":
            assert address in targets or squeeze(address) in haystack, (name, address)
    if document.salary is not None:
        assert present(build_outline(document).pay), name


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(job_descriptions())
def test_every_format_carries_every_field(document: JobDescription) -> None:
    for name, export_format in FORMATS.items():
        if name != "pdf":
            assert_every_field(document, name, export_format.render(document, OPTIONS))
    # Markdown reads back as exactly the outline: escaping neither loses nor adds a character.
    source = FORMATS["md"].render(document, OPTIONS).decode("utf-8")
    blocks, _, kinds = markdown_blocks(source)
    assert blocks == expected_blocks(build_outline(document))
    assert kinds <= PLAIN_INLINE


# Characters the PDF's fonts (Carlito, Noto Sans CJK) draw and Qt names back: others come out
# as missing glyphs, which no PDF text extraction can return.
_PDF_SAFE = re.compile(
    r"[^\x20-\x7e\u00a0-\u017f\u0391-\u03c9\u0400-\u045f\u2013\u2014\u2018-\u201e\u2026"
    r"\u3000-\u303f\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fa5\uac00-\ud7a3\uff01-\uff5e]"
)


def _pdf_safe(value: Any) -> Any:
    if isinstance(value, str):
        return _PDF_SAFE.sub("x", value)
    if isinstance(value, dict):
        return {key: _pdf_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_pdf_safe(item) for item in value]
    return value


@st.composite
def pdf_postings(draw: st.DrawFn) -> JobDescription:
    document = draw(job_descriptions())
    data = _pdf_safe(document.model_dump(mode="json"))
    try:
        return JobDescription.model_validate(data)
    except ValueError:
        assume(False)
        raise


@needs_poppler
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=pdf_postings())
def test_every_field_reads_back_from_the_pdf(document: JobDescription, pdf: RenderPdf) -> None:
    assert_every_field(document, "pdf", pdf(document))


def test_pdf_bullets_are_drawn_on_the_page_of_their_text(
    library: PresetLibrary, pdf: RenderPdf, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt puts a line it pushes to the next page a hair above that page's top; the bullet
    once stayed behind on the page before (呼叫中心组长's '来电解决率')."""
    from PySide6.QtGui import QPainter, QTextLine

    from jdeditor.export import pdf as pdf_module

    page = [0]
    bullets: list[tuple[int, float]] = []
    lines: list[tuple[int, float, float]] = []
    draw_body, draw_ellipse, draw_line = (
        pdf_module._draw_body,
        QPainter.drawEllipse,
        QTextLine.draw,
    )

    def body(painter: Any, document: Any, layout_page: Any, number: int) -> None:
        page[0] = number
        draw_body(painter, document, layout_page, number)

    def ellipse(painter: QPainter, centre: Any, *args: Any) -> None:
        bullets.append((page[0], painter.transform().map(centre).y()))
        draw_ellipse(painter, centre, *args)

    def text_line(line: QTextLine, painter: QPainter, position: Any) -> None:
        top = painter.transform().map(position).y() + line.y() * painter.transform().m22()
        lines.append((page[0], top, top + line.height() * painter.transform().m22()))
        draw_line(line, painter, position)

    monkeypatch.setattr(pdf_module, "_draw_body", body)
    monkeypatch.setattr(QPainter, "drawEllipse", ellipse)
    monkeypatch.setattr(QTextLine, "draw", text_line)
    for name in ("呼叫中心组长", "呼叫中心经理", "Agent"):
        bullets.clear()
        lines.clear()
        pdf(library.get(name).document)
        assert bullets
        for number, y in bullets:
            assert any(n == number and top <= y <= bottom for n, top, bottom in lines), (
                name,
                number,
                y,
            )
