"""The HTML renderer behind the live preview: same outline, same marks as the .docx."""

from __future__ import annotations

from hypothesis import given, settings

from jdeditor.export.html import render_html
from jdeditor.library import PresetLibrary
from jdeditor.model import JobDescription
from jdeditor.outline import build_outline
from tests.strategies import job_descriptions


def test_preset_renders_in_outline_order(library: PresetLibrary) -> None:
    outline = build_outline(library.get("Team Lead").document)
    html = render_html(outline)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en-US">')
    positions = [
        html.index(f"<h2>{s.heading}</h2>") for s in outline.sections if "[" not in s.heading
    ]
    assert positions == sorted(positions)
    assert "<li>Design and run ongoing training and development programs for agents</li>" in html
    assert '<span class="placeholder">[Company name]</span>' in html


def test_text_is_escaped_and_links_are_links() -> None:
    document = JobDescription(
        title="Agent <b>&</b>",
        responsibilities=("Use <script> tags",),
        how_to_apply={"email": "jobs@example.com"},
    )
    html = render_html(build_outline(document), standalone=False)
    assert "Agent &lt;b&gt;&amp;&lt;/b&gt;" in html
    assert "<script>" not in html
    assert '<a href="mailto:jobs@example.com">jobs@example.com</a>' in html


@settings(max_examples=40, deadline=None)
@given(job_descriptions())
def test_every_bullet_is_in_the_html(document: JobDescription) -> None:
    from html import escape

    html = render_html(build_outline(document))
    for item in document.responsibilities + document.skills:
        assert escape(item) in html or "placeholder" in html
