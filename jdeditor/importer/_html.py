"""The HTML reader: the standard library's tokenizer, no network, no scripts run.

Headings, list items, paragraphs, links, the page's language and title; navigation, footers,
scripts, styles and frames are skipped. A JSON-LD JobPosting embedded in the page is parsed as
data (bounded) and handed on as the best source of the facts it states.
"""

from __future__ import annotations

import json
import re
from collections import Counter, deque
from html.parser import HTMLParser
from typing import Any

from jdeditor.checks._message import term
from jdeditor.i18n import N_
from jdeditor.importer._blocks import Source, clean_text

MAX_JSON_LD_CHARS = 512 * 1024
"""A JobPosting's JSON-LD is a few kilobytes; a larger script is not one."""


def short(text: str) -> bool:
    """Short enough to be a heading: one line of at most 80 characters."""
    return 0 < len(text) <= 80 and "\n" not in text


# --- HTML -------------------------------------------------------------------------------------
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BREAKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "table",
        "tr",
        "td",
        "th",
        "dt",
        "dd",
        "dl",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "address",
        "figcaption",
        "caption",
        "form",
        "hr",
        "body",
        "html",
        "fieldset",
        "legend",
    ]
)
_SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "select",
        "nav",
        "footer",
        "button",
    ]
)
_VOID = frozenset(
    [
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "area",
        "base",
        "col",
        "embed",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


class _HtmlReader(HTMLParser):
    def __init__(self, source: Source) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.text: list[str] = []
        self.kind = "para"
        self.level = 0
        self.links: list[tuple[str, str]] = []
        self.link: tuple[int, str] | None = None
        """(index in ``text`` where the open link's text starts, its address)."""
        self.skipping: list[str] = []
        """The open elements of a skipped part (a <script>, <nav>, <svg>…), innermost last."""
        self.skipped: Counter[str] = Counter()
        """How many of each tag ``skipping`` holds: an end tag is looked up, not searched for."""
        self.json_ld: list[str] | None = None
        self.json_ld_chars = 0
        self.json_texts: list[str] = []
        self.in_title = False
        self.title: list[str] = []
        self.bold = 0
        self.bold_chars = 0
        self.plain_chars = 0
        self.pre = 0

    def close(self) -> None:
        """The end of the file. A tag, comment or declaration still open here runs to the end,
        as a browser reads it, and is left out: Python before 3.13.5 read it as text up to the
        next '<' or '>' and went on, scanning the rest of the file again at each '<' after it,
        which took hours for a file of a few megabytes."""
        if self.rawdata.startswith("<") and len(self.rawdata) > 1 and not self.cdata_elem:
            self.source.notes.append(
                term(
                    N_("the HTML ends inside an unfinished tag or comment; that part was left out")
                )
            )
            self.rawdata = ""
        super().close()

    def flush(self) -> None:
        text = "".join(self.text)
        if text.strip():
            kind = self.kind
            weak = False
            if kind == "para" and self.bold_chars and not self.plain_chars and short(text.strip()):
                kind, weak = "heading", True
            self.source.add(
                kind,  # type: ignore[arg-type]
                text,
                level=self.level or (3 if weak else 0),
                links=self.links,
                weak=weak,
            )
        self.text, self.links, self.kind, self.level = [], [], "para", 0
        self.bold_chars = self.plain_chars = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if self.skipping:
            if tag not in _VOID:
                self.skip(tag)
            return
        if tag == "script" and "ld+json" in values.get("type", "").lower():
            self.json_ld = []
        if tag == "html" and values.get("lang"):
            self.source.language = self.source.language or values["lang"].strip()
        if tag in _SKIPPED:
            self.skip(tag)
        elif tag in _HEADINGS or tag == "li" or tag in _BREAKS:
            self.flush()
            self.kind = "heading" if tag in _HEADINGS else "bullet" if tag == "li" else "para"
            self.level = _HEADINGS.get(tag, 0)
        elif tag == "a":
            self.link = (len(self.text), values.get("href", ""))
        else:
            self.inline_start(tag, values)

    def skip(self, tag: str) -> None:
        self.skipping.append(tag)
        self.skipped[tag] += 1

    def inline_start(self, tag: str, values: dict[str, str]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag == "br":
            self.text.append("\n")
        elif tag in ("b", "strong"):
            self.bold += 1
        elif tag == "pre":
            self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if self.skipped[tag]:  # what it closes is open: close it and what it holds
                while (closed := self.skipping.pop()) != tag:
                    self.skipped[closed] -= 1
                self.skipped[tag] -= 1
                if not self.skipping and self.json_ld is not None:
                    self.json_texts.append("".join(self.json_ld))
                    self.json_ld, self.json_ld_chars = None, 0
            return
        if tag == "title":
            self.in_title = False
        elif tag in _HEADINGS or tag == "li" or tag in _BREAKS:
            self.flush()
        elif tag == "a" and self.link is not None:
            start, href = self.link
            self.links.append((clean_text("".join(self.text[start:])), href))
            self.link = None
        elif tag in ("b", "strong"):
            self.bold = max(0, self.bold - 1)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            if self.json_ld is not None and self.json_ld_chars < MAX_JSON_LD_CHARS:
                self.json_ld.append(data)
                self.json_ld_chars += len(data)
            return
        if self.in_title:
            self.title.append(data)
            return
        if not self.pre:
            data = re.sub(r"\s+", " ", data)
        self.text.append(data)
        size = len(data.strip())
        if self.bold:
            self.bold_chars += size
        else:
            self.plain_chars += size


def read_html(text: str, format_name: str = "html") -> Source:
    """HTML through the standard library's tokenizer: headings, list items, paragraphs, links,
    the page's language and title, and an embedded JSON-LD JobPosting."""
    source = Source(format_name)
    reader = _HtmlReader(source)
    try:
        reader.feed(text)
        reader.close()
    except (AssertionError, ValueError, IndexError, RecursionError):
        source.notes.append(term(N_("part of the HTML could not be read")))
    reader.flush()
    source.title_hint = clean_text("".join(reader.title))
    for script in reader.json_texts:
        posting = job_posting(script)
        if posting is not None:
            source.structured = posting
            break
    return source


def job_posting(text: str) -> dict[str, Any] | None:
    """The first schema.org JobPosting in a JSON-LD text (a @graph or a list included)."""
    if len(text) > MAX_JSON_LD_CHARS:
        return None
    try:
        data = json.loads(text, parse_constant=lambda _: None)
    except (ValueError, RecursionError):
        return None
    pending: deque[Any] = deque([data])
    seen = 0
    while pending and seen < 10_000:
        seen += 1
        item = pending.popleft()
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if "JobPosting" in kinds:
                return item
            if isinstance(item.get("@graph"), list):
                pending.extend(item["@graph"])
    return None
