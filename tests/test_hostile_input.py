"""Hostile and unlucky input files: every reader answers with a ``DocumentError`` that names the
file (and the field where there is one), never a traceback, a hang or a memory blow-up; and the
file itself is never changed."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdeditor import files
from jdeditor._text import printable
from jdeditor.cli import main
from jdeditor.draft import check
from jdeditor.files import DocumentError, read_document, read_draft
from tests.conftest import REPO

AGENT = json.loads((REPO / "presets" / "Agent.jd.json").read_text(encoding="utf-8"))


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def reason_for(path: Path, content: bytes) -> list[str]:
    path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert path.read_bytes() == content  # never touched
    lines = caught.value.lines()
    assert all(line.startswith(f"{printable(str(path))}: ") for line in lines)
    return lines


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"title": ' + b"9" * 5000 + b"}", "has a number with more than 40 digits"),
        (b'{"title": -' + b"9" * 41 + b"}", "has a number with more than 40 digits"),
        (b'{"title": 1.' + b"5" * 60 + b"}", "has a number with more than 40 digits"),
        (b'{"a": ' + nested(1000).encode() + b"}", "is nested too deeply"),
        (b'{"a": ' + nested(300).encode() + b"}", "is nested too deeply"),
        (b'{"a": ' + nested(100_000).encode() + b"}", "is nested too deeply"),
        (b'{"title": NaN}', "is not valid JSON: NaN is not a number JSON allows"),
        (b'{"title": -Infinity}', "is not valid JSON: -Infinity is not a number JSON allows"),
    ],
)
def test_bounded_json_is_refused_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    (line,) = reason_for(tmp_path / "hostile.jd.json", content)
    assert reason in line


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"salary": {**AGENT["salary"], "currency": "\ud83d"}}, "salary.currency: Currency"),
        ({"title": "Agent \udfff"}, "title: Job title"),
        ({"skills": ["ok", "\ud800"]}, "skills.1: Skills, item 2"),
        ({"\udc80": 1}, ": "),
    ],
)
def test_lone_surrogates_name_the_field(tmp_path: Path, patch: dict[str, Any], field: str) -> None:
    content = json.dumps({**AGENT, **patch}).encode()
    (line,) = reason_for(tmp_path / "surrogate.jd.json", content)
    assert field in line
    assert "contains a character that is not text (U+" in line


def test_odd_keys_are_problems_on_their_field(tmp_path: Path) -> None:
    path = tmp_path / "keys.jd.json"
    lines = reason_for(path, json.dumps({**AGENT, "": 1, "__": 2}).encode())
    assert lines == [
        f'{path}: "": “” is not a field jdeditor knows; check the spelling',
        f"{path}: __: “__” is not a field jdeditor knows; check the spelling",
    ]


def test_terminal_escapes_from_a_file_are_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b[2J\u202e.jd.json"
    content = json.dumps({**AGENT, "salary": {**AGENT["salary"], "currency": "\x1b]0;pwn\x07"}})
    lines = reason_for(path, content.encode())
    text = "\n".join(lines)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "evil\\x1b[2J\\u202e.jd.json" in text
    assert "'\\x1b]0;pwn\\x07' is not an ISO 4217 currency code" in text


# --- special files ----------------------------------------------------------------------------
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jd.json"
    os.mkfifo(fifo)
    with pytest.raises(DocumentError, match=r"pipe\.jd\.json: cannot be read: it is a pipe"):
        read_document(fifo)


def test_a_link_to_an_endless_device_is_refused_without_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.jd.json"
    link.symlink_to("/dev/zero")  # the reader sees a device through the link and stops
    with pytest.raises(DocumentError, match="cannot be read: it is a device, not a file"):
        read_document(link)


def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    real = tmp_path / "real.jd.json"
    real.write_bytes((REPO / "presets" / "Agent.jd.json").read_bytes())
    link = tmp_path / "link.jd.json"
    link.symlink_to(real)
    assert read_document(link).title == AGENT["title"]


def test_a_file_growing_past_the_limit_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``stat`` said small, the read found more: the bound is on what is read, not declared."""
    path = tmp_path / "growing.jd.json"
    path.write_bytes(b"{" + b" " * 200 + b"}")
    real_fstat = os.fstat

    def small_fstat(handle: int) -> os.stat_result:
        status = real_fstat(handle)
        return os.stat_result((status.st_mode, *status[1:6], 10, *status[7:]))

    monkeypatch.setattr(os, "fstat", small_fstat)
    monkeypatch.setattr(files, "MAX_DOCUMENT_BYTES", 100)
    with pytest.raises(DocumentError, match="too large for a job description"):
        read_document(path)


# --- properties: any JSON at all --------------------------------------------------------------
_TEXT = st.text(st.characters(codec=None, categories=None), max_size=12)  # surrogates included
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats(allow_nan=False)
    | _TEXT
)
_KEYS = st.sampled_from(sorted(AGENT)) | st.sampled_from(["", "_", "salary", "minimum"]) | _TEXT
_JSON = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=5),
    max_leaves=30,
)


@st.composite
def hostile_documents(draw: st.DrawFn) -> bytes:
    """A preset with some fields replaced by anything, or any JSON, sometimes deeply nested."""
    kind = draw(st.integers(0, 2))
    if kind == 0:
        document = dict(AGENT)
        for key in draw(st.lists(_KEYS, max_size=4)):
            document[key] = draw(_JSON)
        value: Any = document
    elif kind == 1:
        value = draw(_JSON)
    else:
        depth = draw(st.integers(1, 3000))
        return b'{"title": ' + nested(depth).encode() + b"}"
    return json.dumps(value, ensure_ascii=True).encode()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_documents())
def test_any_json_gives_a_document_error_or_a_posting(tmp_path_factory: Any, data: bytes) -> None:
    path = tmp_path_factory.mktemp("any") / "any.jd.json"
    path.write_bytes(data)
    try:
        read_document(path)
    except DocumentError as error:
        assert error.lines()
        assert all(line.startswith(str(path)) for line in error.lines())
    try:
        draft = read_draft(path)
    except DocumentError:
        return
    check(draft)  # the window's check of what it opens never raises either
    assert path.read_bytes() == data


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=hostile_documents())
def test_validate_never_prints_a_traceback(
    tmp_path_factory: Any, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    path = tmp_path_factory.mktemp("cli") / "any.jd.json"
    path.write_bytes(data)
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 1)
    assert "Traceback" not in out + err
    assert out.startswith(str(path))


def test_read_only_mode_bits_are_respected_even_for_root(tmp_path: Path) -> None:
    path = tmp_path / "locked.jd.json"
    path.write_bytes(b"old")
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    with pytest.raises(DocumentError, match="the file is read-only"):
        files.atomic_write(path, b"new")
    assert path.read_bytes() == b"old"
