"""Files of a hostile shape, near each reader's size limit, are read in time that grows with
their size alone.

Each input here took the code before its fix several minutes or hours (the figures are in each
test), or raised: a test that runs for ``HANG_SECONDS`` has hung, and the run stops with every
thread's traceback instead of waiting for it. Nothing here asserts a duration: on any machine
the fixed code reads each file in a few seconds at most, the old code did not finish.
"""

from __future__ import annotations

import faulthandler
import io
import json
import os
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from markdown_it.token import Token

from jdeditor.files import DocumentError
from jdeditor.importer import MAX_IMPORT_BYTES, ImportResult, import_posting, import_text
from jdeditor.importer._html import MAX_JSON_LD_CHARS
from jdeditor.importer._readers import _inline

HANG_SECONDS = 60


@pytest.fixture(autouse=True)
def hang_guard(capsys: pytest.CaptureFixture[str]) -> Iterator[None]:
    """A minute on one of these files is a hang: stop the run with every thread's traceback.

    ``faulthandler`` watches from its own thread, so this works while the reader is stuck in C
    (a regular expression, a conversion to int), where no Python-level timeout could interrupt.
    It writes to the terminal's stderr, taken while pytest's capture is off: what is captured
    is lost when the run ends this way.
    """
    with capsys.disabled():
        terminal = os.dup(sys.stderr.fileno())
    try:
        faulthandler.dump_traceback_later(HANG_SECONDS, exit=True, file=terminal)
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        os.close(terminal)


def _file(folder: Path, name: str, text: str, kind: str) -> Path:
    """``text`` as a UTF-8 file, checked to be within ``kind``'s size limit and near it."""
    data = text.encode("utf-8")
    assert 0.8 * MAX_IMPORT_BYTES[kind] < len(data) <= MAX_IMPORT_BYTES[kind]
    path = folder / name
    path.write_bytes(data)
    return path


def _fill(kind: str, share: float, unit: str) -> str:
    """``unit`` repeated to fill ``share`` of ``kind``'s size limit."""
    return unit * int(MAX_IMPORT_BYTES[kind] * share / len(unit.encode("utf-8")))


def _messages(result: ImportResult) -> str:
    return "\n".join(guess.message for guess in result.guesses)


# --- plain text ---------------------------------------------------------------------------------
def test_a_paragraph_of_short_wrapped_lines(tmp_path: Path) -> None:
    """One paragraph of 300,000 short lines, hyphenated and Chinese ones among them: joining
    each line to the paragraph so far and searching all of it again took 2 minutes for 240 KB
    and hours for 2 MB."""
    lines = "Answer all\ncall-\nbacks now\n接听客户\n来电记录\n"
    path = _file(tmp_path, "wrapped.txt", "Agent\n\n" + _fill("txt", 0.85, lines), "txt")
    result = import_posting(path)
    assert result.draft["title"] == "Agent"
    assert (
        # No space beside a Chinese character: a wrap breaks there without one.
        "Answer all call-backs now接听客户来电记录Answer all" in result.draft["summary"]
    )


def test_long_paragraphs_of_numbers_and_labels_and_many_about_headings(tmp_path: Path) -> None:
    """Benefits of 9,000 numbers each (every number was read as possible pay, copying the text
    before it: 8 s), paragraphs of 1,200 'Apply online:' labels (each taken off the end by
    searching the whole paragraph again: 25 s) and 9,500 'About ACME' headings (each spelled
    out by reading every text of the posting: 4 minutes)."""
    benefits = ("- " + "1 " * 9_000 + "\n") * 36
    apply = ("Apply online: x " * 1_200 + "\n\n") * 48
    about = "About ACME\n\nWe answer calls.\n\n" * 9_500
    text = f"Agent\n\nBenefits\n\n{benefits}\n{apply}{about}"
    result = import_posting(_file(tmp_path, "blocks.txt", text, "txt"))
    assert result.draft["title"] == "Agent"
    assert result.draft["company"]["name"] == "ACME"
    assert result.draft["salary"] is None


def test_requirements_spaced_with_a_space_no_reader_folded(tmp_path: Path) -> None:
    """Requirements of 19,000 OGHAM SPACE MARKs (U+1680) each, the one space that was not
    folded into one: the years-of-experience pattern backtracked over the whole run at every
    character of it (30 s a bullet, a quarter of an hour for the file)."""
    bullet = "- Experience in a call center" + "\u1680" * 19_000 + "and a friendly voice\n"
    requirements = bullet * (int(MAX_IMPORT_BYTES["txt"] * 0.95) // len(bullet.encode()))
    text = f"Agent\n\nResponsibilities\n\n- Answer calls\n\nRequirements\n\n{requirements}"
    result = import_posting(_file(tmp_path, "spaced.txt", text, "txt"))
    assert result.draft["required_qualifications"] == [
        "Experience in a call center and a friendly voice"
    ]


# --- Markdown -----------------------------------------------------------------------------------
def test_a_list_item_of_many_paragraphs_and_more_items_than_a_posting_has(tmp_path: Path) -> None:
    """8,000 paragraphs in one list item (each joined to the bullet by cleaning all its text
    again), then 21,000 items of two paragraphs: past the block limit, each item's second
    paragraph was joined to the last bullet kept, which grew to 20,000 characters of them."""
    first = "- Answer calls\n\n" + "  b\n\n" * 8_000
    items = "- a\n\n  b\n\n" * 21_000
    text = f"# Agent\n\n## Responsibilities\n\n{first}{items}"
    result = import_posting(_file(tmp_path, "long.md", text, "md"))
    duties = result.draft["responsibilities"]
    assert duties[0].startswith("Answer calls b b b") and duties[1:] == ["a b"]
    assert "more blocks than a posting" in _messages(result)


def test_the_text_of_many_links_in_one_paragraph() -> None:
    """300,000 links in one paragraph: each link's start was the length of the whole text so
    far, joined again (hours). Read at the level of markdown-it's tokens, which within the
    Markdown size limit hold far fewer links than that: markdown-it alone would take a
    minute to make them."""
    opened = Token("link_open", "a", 1, attrs={"href": "https://example.com/apply"})
    word = Token("text", "", 0, content="apply")
    closed = Token("link_close", "a", -1)
    space = Token("text", "", 0, content=" ")
    text, links, bold = _inline([opened, word, closed, space] * 300_000)
    assert len(links) == 300_000
    assert links[-1] == ("apply", "https://example.com/apply")
    assert text.startswith("apply apply") and not bold


# --- HTML ---------------------------------------------------------------------------------------
def test_many_links_deep_skipped_markup_and_an_unfinished_tag_at_the_end(tmp_path: Path) -> None:
    """130,000 links in a paragraph (each link's start measured by joining the text so far: 2
    minutes), 100,000 elements open inside an <svg> with as many end tags that close nothing
    (each end tag searched for among them: 2.5 minutes) and 1.4 million unfinished tags at the
    end (Python before 3.13.5 scanned the rest of the file again at each: hours)."""
    head = "<html lang=en><title>Agent</title><h1>Agent</h1><h2>Responsibilities</h2>"
    duties = "<ul><li>Answer calls</li></ul><p>"
    links = _fill("html", 0.2, "<a>x</a>") + "</p>"
    svg = "<svg>" + "<g>" * 100_000 + "</z>" * 100_000
    tail = _fill("html", 0.55, "<a")
    path = _file(tmp_path, "page.html", head + duties + links + svg + tail, "html")
    result = import_posting(path)
    assert result.draft["title"] == "Agent"
    assert result.draft["responsibilities"] == ["Answer calls"]
    assert "unfinished tag" in _messages(result)


@pytest.mark.parametrize("tail", ["<!--" * 250_000, "</" * 750_000])
def test_unfinished_comments_and_end_tags_at_the_end(tail: str) -> None:
    """An unclosed '<!--' or '</' repeated to the end: 12 and 4 minutes before."""
    text = "<p>Agent</p>" + tail
    result = import_text(text, "html")
    assert result.draft["title"] == "Agent"


# --- JSON-LD ------------------------------------------------------------------------------------
def test_pay_past_any_real_amount_is_left_out_at_once() -> None:
    """'1e999999' is a finite Decimal: making it an int built a million digits (a minute); a
    JSON number of 1e300 is refused the same way."""
    for amount in ("1e999999", 1e300, "-1e999999"):
        posting = {
            "@type": "JobPosting",
            "title": "Agent",
            "responsibilities": ["Answer calls"],
            "baseSalary": {
                "currency": "USD",
                "value": {"minValue": amount, "maxValue": amount, "unitText": "YEAR"},
            },
        }
        result = import_text(json.dumps(posting), "jsonld")
        assert result.draft["salary"] is None
        assert "over 100,000,000" in _messages(result)


def test_json_ld_near_its_limits(tmp_path: Path) -> None:
    """A JobPosting as large as a page's JSON-LD may be (its description of 60,000 links took
    20 s), and a jdeditor posting near the file limit: larger than Open reads, so refused."""
    description = "<ul><li>Answer calls</li></ul><p>" + "<a>x</a>" * 60_000
    posting = {"@type": "JobPosting", "title": "Agent", "description": description}
    assert len(json.dumps(posting)) <= MAX_JSON_LD_CHARS
    result = import_text(json.dumps(posting), "jsonld")
    assert result.draft["responsibilities"] == ["Answer calls"]
    duties = _fill("jsonld", 0.9, '"Answer calls", ')
    text = '{"title": "Agent", "responsibilities": [' + duties + '"Answer calls"]}'
    with pytest.raises(DocumentError, match="too large for a job description"):
        import_posting(_file(tmp_path, "big.jd.json", text, "jsonld"))


# --- Word ---------------------------------------------------------------------------------------
def test_many_paragraphs_and_styles_merged_cells_and_odd_values(tmp_path: Path) -> None:
    """10,000 paragraphs in 4,000 styles: python-docx's ``paragraph.style`` went through every
    style at each call (half an hour). A table of 3,000 vertically merged rows: ``row.cells``
    looked for each row's first cell up the column again (a RecursionError), a merge that
    continues from no row above (a ValueError), a style id with a quote (an XPath error) and
    bold 'maybe' (an InvalidXmlError): each a traceback before."""
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="S{number % 4_000}"/></w:pPr>'
        f"<w:r><w:t>Answer call {number}</w:t></w:r></w:p>"
        for number in range(10_000)
    )
    merged = '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Log calls</w:t>'
    merged += "</w:r></w:p></w:tc>"
    below = "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
    rows = f"<w:tr>{merged}</w:tr>" + f"<w:tr>{below}</w:tr>" * 3_000
    first = f"<w:tbl><w:tr>{below.replace('<w:p/>', _paragraph('Train agents'))}</w:tr></w:tbl>"
    odd = "<w:p><w:pPr><w:pStyle w:val='a\"b'/></w:pPr>" + _run("Coach agents") + "</w:p>"
    odd += '<w:p><w:r><w:rPr><w:b w:val="maybe"/></w:rPr><w:t>Plan shifts</w:t></w:r></w:p>'
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="S{number}"><w:name w:val="Style {number}"/>'
        f'<w:basedOn w:val="S{max(0, number - 1)}"/></w:style>'
        for number in range(4_000)
    )
    body = f"<w:tbl>{rows}</w:tbl>{first}{odd}{paragraphs}"
    path = tmp_path / "long.docx"
    path.write_bytes(_word_file(body, styles=styles, padding=int(MAX_IMPORT_BYTES["docx"] * 0.85)))
    assert 0.8 * MAX_IMPORT_BYTES["docx"] < path.stat().st_size <= MAX_IMPORT_BYTES["docx"]
    result = import_posting(path)
    duties = result.draft["responsibilities"]
    assert duties[:5] == [
        "Log calls",
        "Train agents",
        "Coach agents",
        "Plan shifts",
        "Answer call 0",
    ]


def _run(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


def _paragraph(text: str) -> str:
    return f"<w:p>{_run(text)}</w:p>"


def test_many_links_to_one_long_address_in_a_word_file(tmp_path: Path) -> None:
    """40,000 links sharing one relationship whose target is 3 MB: each link's target was
    lower-cased and copied again (over 3 minutes for a 40 KB file)."""
    link = '<w:hyperlink r:id="rIdLong"><w:r><w:t>Write to us</w:t></w:r></w:hyperlink>'
    target = "mailto:" + "a" * 3_000_000 + "@example.com"
    relation = (
        '<Relationship Id="rIdLong" TargetMode="External" Target="' + target + '" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"/>'
    )
    path = tmp_path / "links.docx"
    body = _paragraph("Answer calls") + "<w:p>" + link * 40_000 + "</w:p>"
    path.write_bytes(_word_file(body, relations=relation, heading="How to apply"))
    result = import_posting(path)
    assert result.draft["how_to_apply"]["email"] == ""  # no address is 3 MB long
    assert "how_to_apply.email: the value read was not valid" in _messages(result)


def _word_file(
    body: str,
    *,
    heading: str = "Responsibilities",
    styles: str = "",
    relations: str = "",
    padding: int = 0,
) -> bytes:
    """A Word file from python-docx's template, titled 'Agent' with a ``heading``, ``body``
    after them, ``styles`` and ``relations`` added, and ``padding`` bytes of a picture that
    nothing reads."""
    document = docx.Document()
    document.add_heading("Agent", 1)
    document.add_heading(heading, 2)
    stream = io.BytesIO()
    document.save(stream)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(stream) as template,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as word,
    ):
        for item in template.infolist():
            data = template.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", body.encode() + b"<w:sectPr", 1)
            elif item.filename == "word/styles.xml":
                data = data.replace(b"</w:styles>", styles.encode() + b"</w:styles>", 1)
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", relations.encode() + b"</Relationships>")
            word.writestr(item, data)
        if padding:
            word.writestr(zipfile.ZipInfo("word/media/padding.bin"), os.urandom(padding))
    return out.getvalue()
