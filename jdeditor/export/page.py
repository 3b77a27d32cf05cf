"""Posting → a standalone web page: semantic, accessible HTML with its own screen and print CSS
and the posting's JSON-LD, ready to upload to a careers site as it is.

Unlike ``html.py`` (the window's preview, limited to what Qt's rich-text engine draws) this is
for browsers: ``<main>``/``<article>``, a ``<header>`` with the title, meta and pay lines, one
``<section aria-labelledby>`` per outline section, real lists and links. Placeholders are
marked as in the preview and the Word export, in ``<mark class="placeholder">``: loud on screen
and on paper, so none reaches a job board unnoticed. The page prints on the paper of the
posting's country (A4, or US Letter where CLDR says so) with 2 cm margins, link colours off,
headings kept with what follows them and no list item split across pages.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from jdeditor.checks import PLACEHOLDER
from jdeditor.export import jsonld
from jdeditor.export.reference import ACCENT, INK, MUTED
from jdeditor.outline import Bullets, Link, Outline, Paragraph, Section, build_outline

if TYPE_CHECKING:
    from jdeditor.export.formats import ExportOptions
    from jdeditor.model import JobDescription

# CLDR's territories that print on US Letter (supplementalData, measurementData/paperSize), as
# the Word export has them (docx._LETTER_TERRITORIES); the rest of the world prints on A4.
LETTER_TERRITORIES = frozenset(
    ["BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"]
)
PLACEHOLDER_BACKGROUND = "FFE58A"  # as the Word export's Placeholder style and the preview
PLACEHOLDER_INK = "7A3E00"
LATIN_FONTS = ("Calibri", "Carlito")
"""The Word export's font, then its metric twin (Linux); the CSS adds the system's own UI fonts."""
_CJK_FONTS = {
    # The Windows, macOS and Noto/Source Han (Linux, Android) font of each CJK writing system.
    "sc": ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC"),
    "tc": ("Microsoft JhengHei", "PingFang TC", "Noto Sans CJK TC", "Source Han Sans TC"),
    "ja": ("Yu Gothic", "Hiragino Sans", "Noto Sans CJK JP", "Source Han Sans JP"),
    "ko": ("Malgun Gothic", "Apple SD Gothic Neo", "Noto Sans CJK KR", "Source Han Sans KR"),
}
_META_DESCRIPTION_MAX = 160  # what search results show of a page's description


def paper(territory: str) -> str:
    """The CSS page size of a posting's country: 'letter' or 'A4'."""
    return "letter" if territory in LETTER_TERRITORIES else "A4"


def cjk_fonts(language: str) -> tuple[str, ...]:
    """CJK fonts for a posting in ``language`` (BCP 47): its own writing system's first, then
    Simplified Chinese ones, so a Chinese name in an English posting still has glyphs."""
    tag = language.lower()
    if tag.startswith("ja"):
        system = "ja"
    elif tag.startswith("ko"):
        system = "ko"
    elif tag.startswith("zh") and any(part in tag for part in ("hant", "-tw", "-hk", "-mo")):
        system = "tc"
    else:
        system = "sc"
    return tuple(dict.fromkeys(_CJK_FONTS[system] + _CJK_FONTS["sc"]))


def is_cjk(language: str) -> bool:
    return language.lower().split("-")[0] in ("zh", "ja", "ko")


def font_stack(language: str, *, extra_latin: tuple[str, ...] = ()) -> str:
    """A CSS ``font-family`` value: in a CJK posting the CJK fonts come first, so that its
    punctuation and quotation marks are the CJK font's full-width ones."""
    latin = LATIN_FONTS + extra_latin
    families = cjk_fonts(language) + latin if is_cjk(language) else latin + cjk_fonts(language)
    return ", ".join(f"'{family}'" if " " in family else family for family in families)


def marked(text: str, tag: str = "mark") -> str:
    """Escaped text with every ``[placeholder]`` in ``<tag class="placeholder">``."""
    out = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        out.append(escape(text[position : match.start()]))
        out.append(f'<{tag} class="placeholder">{escape(match.group())}</{tag}>')
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def render(document: JobDescription, options: ExportOptions) -> bytes:
    """The export registry's entry: a UTF-8 HTML5 page with the posting's JSON-LD."""
    outline = build_outline(document)
    structured = jsonld.dumps(jsonld.job_posting(document, options.today))
    return render_page(outline, structured).encode("utf-8")


def render_page(outline: Outline, structured_data: str = "") -> str:
    """The page; ``structured_data`` is JSON-LD text already safe inside ``<script>``
    (``jsonld.dumps``), embedded as it is."""
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(_page_title(outline))}</title>",
    ]
    summary = _meta_description(outline)
    if summary:
        head.append(f'<meta name="description" content="{escape(summary)}">')
    if outline.company and not PLACEHOLDER.search(outline.company):
        head.append(f'<meta name="author" content="{escape(outline.company)}">')
    head.append('<meta name="generator" content="jdeditor">')
    head.append(f"<style>{_css(outline)}</style>")
    if structured_data:
        head.append(f'<script type="application/ld+json">\n{structured_data.rstrip()}\n</script>')
    header = [f"<h1>{marked(outline.title)}</h1>"]
    if outline.meta:
        header.append(f'<p class="meta">{marked(" · ".join(outline.meta))}</p>')
    if outline.pay:
        header.append(f'<p class="pay">{marked(outline.pay)}</p>')
    article = [
        "<header>",
        *(f"  {line}" for line in header),
        "</header>",
        *(_section(section) for section in outline.sections),
    ]
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(outline.language)}">',
        "<head>",
        *head,
        "</head>",
        "<body>",
        "<main>",
        '<article class="posting">',
        *article,
        "</article>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"


def _page_title(outline: Outline) -> str:
    if outline.company and not PLACEHOLDER.search(outline.company):
        return f"{outline.title} – {outline.company}"
    return outline.title


def _meta_description(outline: Outline) -> str:
    """The summary's first paragraph, cut at a word to what search results show."""
    summary = outline.section("summary")
    if summary is None or not isinstance(summary.blocks[0], Paragraph):
        return ""
    text = summary.blocks[0].text
    if len(text) <= _META_DESCRIPTION_MAX:
        return text
    cut = text[: _META_DESCRIPTION_MAX - 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return cut.rstrip(" ,;:") + "…"


def section_id(section: Section) -> str:
    return re.sub(r"[^a-z0-9]+", "-", section.key.lower()).strip("-")


def _section(section: Section) -> str:
    heading_id = section_id(section)
    lines = [
        f'<section aria-labelledby="{heading_id}">',
        f'  <h2 id="{heading_id}">{marked(section.heading)}</h2>',
    ]
    for block in section.blocks:
        if isinstance(block, Bullets):
            lines.append("  <ul>")
            lines.extend(f"    <li>{marked(item)}</li>" for item in block.items)
            lines.append("  </ul>")
        else:
            lines.append(f"  <p>{paragraph_html(block)}</p>")
    lines.append("</section>")
    return "\n".join(lines)


def paragraph_html(paragraph: Paragraph, placeholder_tag: str = "mark") -> str:
    return "".join(
        f'<a href="{escape(run.target)}">{escape(run.text)}</a>'
        if isinstance(run, Link)
        else marked(run, placeholder_tag)
        for run in paragraph.runs
    )


def _css(outline: Outline) -> str:
    fonts = font_stack(outline.language, extra_latin=("Segoe UI", "Helvetica Neue", "Arial"))
    return f"""
:root {{ color-scheme: light; }}
html {{
  font-family: {fonts}, sans-serif;
  font-size: 100%; line-height: 1.55; color: #{INK}; background: #FFFFFF;
  -webkit-text-size-adjust: 100%; text-size-adjust: 100%;
}}
body {{ margin: 0; }}
main {{ max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }}
header {{ margin-bottom: 1.75rem; }}
h1 {{
  font-size: 2rem; font-weight: normal; line-height: 1.2; margin: 0;
  padding-bottom: 0.6rem; border-bottom: 2px solid #{ACCENT};
  overflow-wrap: anywhere;
}}
p {{ margin: 0 0 0.75rem; overflow-wrap: anywhere; }}
.meta {{ color: #{MUTED}; margin: 0.75rem 0 0.25rem; }}
.pay {{ font-weight: bold; font-size: 1.125rem; margin: 0; }}
h2 {{ color: #{ACCENT}; font-size: 1.25rem; line-height: 1.3; margin: 2rem 0 0.5rem; }}
ul {{ margin: 0 0 0.75rem; padding-left: 1.5rem; }}
li {{ margin: 0.3rem 0; padding-left: 0.2rem; overflow-wrap: anywhere; }}
li::marker {{ color: #{ACCENT}; }}
a {{ color: #{ACCENT}; text-underline-offset: 0.15em; }}
a:hover {{ text-decoration-thickness: 2px; }}
a:focus-visible {{ outline: 2px solid #{ACCENT}; outline-offset: 2px; border-radius: 2px; }}
mark.placeholder {{
  background: #{PLACEHOLDER_BACKGROUND}; color: #{PLACEHOLDER_INK};
  padding: 0 0.15em; border-radius: 2px;
}}
@media print {{
  @page {{ size: {paper(outline.territory)}; margin: 2cm; }}
  html {{ font-size: 10.5pt; line-height: 1.35; background: none; }}
  main {{ max-width: none; margin: 0; padding: 0; }}
  h1 {{ font-size: 22pt; }}
  h2 {{ font-size: 13pt; margin: 1.1rem 0 0.3rem; }}
  .pay {{ font-size: 11.5pt; }}
  a {{ color: inherit; text-decoration: none; }}
  header, h1, h2 {{ break-after: avoid-page; page-break-after: avoid; }}
  h2 + * {{ break-before: avoid-page; page-break-before: avoid; }}
  li {{ break-inside: avoid; page-break-inside: avoid; }}
  p {{ orphans: 3; widows: 3; }}
  mark.placeholder {{ print-color-adjust: exact; -webkit-print-color-adjust: exact; }}
}}
"""
