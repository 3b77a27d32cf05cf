"""Defects a review found in the importer: each input here hung or lost work before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdeditor.files import DocumentError
from jdeditor.importer import import_posting, import_text
from tests.test_cli import run


def test_import_never_replaces_an_existing_posting_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "chat.md"
    source.write_text("# Chat Agent\n\n## Duties\n\n- Answer chats\n", encoding="utf-8")
    target = tmp_path / "chat.jd.json"
    target.write_text("a week of edits", encoding="utf-8")
    code, _, err = run(capsys, "import", str(source), "-d", str(tmp_path))
    assert code == 1 and str(target) in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "a week of edits"
    assert run(capsys, "import", str(source), "-d", str(tmp_path), "--force")[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "Chat Agent"


def test_a_folder_that_cannot_be_made_is_a_message_and_the_others_still_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder", encoding="utf-8")
    source = tmp_path / "chat.md"
    source.write_text("# Chat Agent\n\n- Answer chats\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(source), "-d", str(blocker))
    assert code == 1 and "Traceback" not in err and str(blocker) in err


def test_huge_pay_in_json_ld_is_refused_quickly() -> None:
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Agent",
        "description": "<ul><li>Answer calls</li></ul>",
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "USD",
            "value": {"@type": "QuantitativeValue", "minValue": "1e999999", "unitText": "YEAR"},
        },
    }
    result = import_text(json.dumps(posting), "jsonld")
    assert result.draft.get("salary") in (None, {})


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("txt", "ab\n" * 60_000),
        ("txt", "a-\n" * 60_000),
        ("md", "[a](b) " * 40_000),
        ("html", "<a href=x>x</a>" * 40_000),
        ("html", "<svg>" + "<g>" * 40_000 + "</z>" * 40_000),
    ],
)
def test_inputs_that_were_quadratic_are_read(kind: str, text: str) -> None:
    """The old code took minutes on each of these (an hour near the size limit)."""
    result = import_text(text, kind)
    assert result.source_format == kind


def test_a_posting_file_with_a_lone_surrogate_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "sur.json"
    path.write_text('{"title": "\\ud800x", "responsibilities": ["a"]}', encoding="utf-8")
    with pytest.raises(DocumentError) as raised:
        import_posting(path)
    assert str(path) in str(raised.value)
