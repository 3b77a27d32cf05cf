"""`jdeditor check`: the window's review on the command line, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdeditor.library import PresetLibrary
from jdeditor.model import JobDescription
from jdeditor.user_dictionary import add_word
from tests.test_cli import run


def _write(tmp_path: Path, name: str, **fields: object) -> Path:
    data = {"title": "Call Center Agent", "responsibilities": ["Answer calls"], **fields}
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_advice_alone_exits_0_and_lists_code_and_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "a.jd.json", summary="We need a rockstar salesman.")
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0
    assert f"{path}: summary: advice: " in out
    assert "[inclusion.jargon]" in out and "[wording.gendered-term]" in out
    assert "→ “salesperson”" in out


def test_errors_exit_1_and_warnings_only_with_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warned = _write(tmp_path, "w.jd.json", company={"name": "[Company name]"})
    assert run(capsys, "check", str(warned))[0] == 0
    assert run(capsys, "check", "--strict", str(warned))[0] == 1
    broken = _write(tmp_path, "b.jd.json", title="")
    code, out, _ = run(capsys, "check", str(broken), str(warned))
    assert code == 1
    assert f"{broken}: title: error: Job title is required" in out
    assert f"{warned}: company.name: warning:" in out  # the next file is still checked


def test_json_lists_every_finding_with_its_parts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "a.jd.json", summary="Young and energetic rockstar wanted.")
    code, out, _ = run(capsys, "check", "--json", str(path), "Agent")
    assert code == 0
    data = json.loads(out)
    assert [p["source"] for p in data["postings"]] == [str(path), "Agent"]
    findings = data["postings"][0]["findings"]
    assert findings
    for finding in findings:
        assert set(finding) >= {
            "code",
            "severity",
            "field",
            "span",
            "message",
            "suggestion",
            "source",
        }
    age = next(f for f in findings if f["code"] == "inclusion.age-coded")
    text = "Young and energetic rockstar wanted."
    assert text[slice(*age["span"])].lower() == "young"


def test_the_users_dictionary_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "a.jd.json", summary="Learn our flexirota system.")
    assert "flexirota" in run(capsys, "check", str(path))[1]
    add_word("flexirota")
    assert "flexirota" not in run(capsys, "check", str(path))[1]


def test_rules_print_the_table_with_its_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--rules")
    assert code == 0
    assert "2026" in out and "Colorado" in out and "Ontario" in out
    assert "not legal advice" in out.lower()


def test_today_picks_the_laws_in_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(
        tmp_path, "a.jd.json", location={"locality": "Denver", "region": "CO", "country": "US"}
    )
    before = run(capsys, "check", "--json", "--today", "2020-06-01", str(path))[1]
    after = run(capsys, "check", "--json", "--today", "2021-06-01", str(path))[1]
    codes = [
        {f["code"] for f in json.loads(out)["postings"][0]["findings"]} for out in (before, after)
    ]
    assert "pay.range-required" not in codes[0] and "pay.missing" in codes[0]
    assert "pay.range-required" in codes[1]


def test_no_source_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run(capsys, "check")
    assert exited.value.code == 2


def test_presets_are_checked_by_name(
    capsys: pytest.CaptureFixture[str], library: PresetLibrary
) -> None:
    code, out, _ = run(capsys, "check", "Team Lead", "no such preset")
    assert code == 1
    assert "Team Lead: company.name: warning:" in out
    assert "no such preset" in out


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=20,
    )
)
def test_hostile_json_never_raises(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: object
) -> None:
    path = tmp_path / "hostile.jd.json"
    path.write_text(json.dumps(value), encoding="utf-8", errors="surrogatepass")
    code, out, _ = run(capsys, "check", "--json", str(path))
    assert code in (0, 1)
    json.loads(out)


def test_a_valid_posting_from_the_model_round_trips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = JobDescription(title="Agent", responsibilities=("Answer calls",))
    path = tmp_path / "ok.jd.json"
    path.write_text(document.to_json(), encoding="utf-8")
    assert run(capsys, "check", str(path))[0] == 0


def test_rules_with_json_keep_standard_output_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "a.jd.json")
    code, out, _ = run(capsys, "check", "--rules", "--json", str(path))
    assert code == 0
    data = json.loads(out)
    assert "Colorado" in data["rules"] and data["postings"][0]["source"] == str(path)
    assert "Ontario" in json.loads(run(capsys, "check", "--rules", "--json")[1])["rules"]


def test_a_console_that_cannot_show_the_arrow_gets_an_escape(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = _write(tmp_path, "a.jd.json", summary="Our top salesman answers calls.")
    result = subprocess.run(
        [sys.executable, "-m", "jdeditor", "check", str(path)],
        capture_output=True,
        env={"PYTHONIOENCODING": "cp1252", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"\\u2192" in result.stdout or b"salesperson" in result.stdout
