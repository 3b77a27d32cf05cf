"""Outline → HTML: the window's live preview (QTextBrowser) and a plain .html posting.

Uses only the HTML and CSS subset Qt's rich text engine understands, so the preview looks like
the Word document: same order, same headings, placeholders marked the same way.
"""

from __future__ import annotations

from html import escape

from jdeditor.export.page import marked, paragraph_html
from jdeditor.export.reference import ACCENT, INK, MUTED
from jdeditor.outline import Bullets, Outline, Paragraph

_STYLE = f"""
body {{ color: #{INK}; font-family: Calibri, Carlito, 'Segoe UI', sans-serif; font-size: 10.5pt; }}
h1 {{ font-size: 17pt; font-weight: normal; margin: 0 0 2px 0; }}
h2 {{ color: #{ACCENT}; font-size: 11.5pt; margin: 14px 0 3px 0; }}
p {{ margin: 0 0 5px 0; }}
p.meta {{ color: #{MUTED}; margin: 4px 0 1px 0; }}
p.pay {{ font-weight: bold; font-size: 11.5pt; margin: 0 0 6px 0; }}
ul {{ margin: 0 0 4px 0; }}
li {{ margin: 0 0 2px 0; }}
a {{ color: #{ACCENT}; }}
span.placeholder {{ background-color: #FFE58A; color: #7A3E00; }}
p.payproblem {{ color: #B3261E; font-weight: bold; margin: 0 0 6px 0; }}
"""


def render_html(outline: Outline, *, standalone: bool = True, pay_problem: str = "") -> str:
    """The posting as HTML; ``standalone`` adds ``<html>``, language and title around it.

    ``pay_problem`` (the preview of a posting whose pay is wrong) takes the pay line's place:
    the outline of such a posting leaves the wrong part out, and a pay line that silently
    lost its maximum reads as a correct one.
    """
    parts = [f"<h1>{_marked(outline.title)}</h1>"]
    parts.append(f'<hr style="color: #{ACCENT}; height: 1px;"/>')
    if outline.meta:
        parts.append(f'<p class="meta">{_marked(" · ".join(outline.meta))}</p>')
    if pay_problem:
        parts.append(f'<p class="payproblem">{escape(pay_problem)}</p>')
    elif outline.pay:
        parts.append(f'<p class="pay">{escape(outline.pay)}</p>')
    for section in outline.sections:
        parts.append(f"<h2>{_marked(section.heading)}</h2>")
        for block in section.blocks:
            if isinstance(block, Bullets):
                items = "".join(f"<li>{_marked(item)}</li>" for item in block.items)
                parts.append(f"<ul>{items}</ul>")
            else:
                parts.append(f"<p>{_paragraph(block)}</p>")
    body = "\n".join(parts)
    if not standalone:
        return f"<style>{_STYLE}</style>{body}"
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(outline.language)}"><head><meta charset="utf-8">'
        f"<title>{escape(outline.title)}</title><style>{_STYLE}</style></head>"
        f"<body>\n{body}\n</body></html>\n"
    )


def _paragraph(paragraph: Paragraph) -> str:
    return paragraph_html(paragraph, "span")


def _marked(text: str) -> str:
    """Escaped text with every ``[placeholder]`` highlighted as in the Word export."""
    return marked(text, "span")
