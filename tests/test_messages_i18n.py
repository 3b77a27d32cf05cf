"""The messages catalogue: every problem, piece of advice, file error and import guess in the
user's language, composed from its English template and values when it is read."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from pydantic import BaseModel

from jdeditor import cli, i18n
from jdeditor._paths import resources_dir
from jdeditor.checks import (
    Context,
    FieldName,
    Finding,
    Localized,
    Message,
    Severity,
    compose,
    field_label,
    review,
)
from jdeditor.checks._labels import TITLES, _nested_model
from jdeditor.checks.pay_transparency import table
from jdeditor.files import DocumentError, read_document
from jdeditor.importer import import_posting
from jdeditor.library import PresetLibrary, PresetNotFoundError
from jdeditor.model import Company, JobDescription, Location, WorkArrangement

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "jdeditor"
# Not the messages domain's: the posting's words (the ``posting`` catalogue) and the window's,
# which are Qt's (``.ts``/``.qm``).
NOT_MESSAGES = [
    PACKAGE / "outline.py",
    PACKAGE / "model.py",
    PACKAGE / "schema.py",
    PACKAGE / "export",
    PACKAGE / "ui",
]
SOURCE_FILES = sorted(
    path
    for path in PACKAGE.rglob("*.py")
    if not any(path == other or other in path.parents for other in NOT_MESSAGES)
)
KEYWORDS: dict[str, Any] = {"N_": None, "_": None}
PLACEHOLDER = re.compile(r"\{(\w*)\}")
CJK = r"\u3400-\u9fff\uf900-\ufaff"
TODAY = date(2026, 11, 26)


def marked() -> set[str]:
    """Every msgid the messages domain's sources mark, as ``pybabel extract -k N_ -k _`` finds."""
    found: set[str] = set()
    for path in SOURCE_FILES:
        for _line, message, _comments, _context in extract_from_file(
            "python", str(path), keywords=KEYWORDS
        ):
            assert isinstance(message, str), message  # no plural forms
            found.add(message)
    return found


def catalogue() -> Any:
    path = resources_dir() / "locale" / "zh_CN" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as file:
        return read_po(file, locale="zh_CN")


@pytest.fixture
def chinese() -> Iterator[None]:
    """The user's language is Simplified Chinese for the test, English again after it."""
    i18n.set_ui_language("zh_CN")
    try:
        yield
    finally:
        i18n.set_ui_language("en")


# --- (a) the catalogue holds every marked sentence, translated ------------------------------
def test_every_marked_message_is_in_the_catalogue_and_translated() -> None:
    found = marked()
    assert len(found) > 300  # checks, file errors, presets, import guesses, check's CLI
    po = catalogue()
    translated = {message.id: message.string for message in po if message.id}
    missing = sorted(found - translated.keys())
    assert not missing, f"messages.po lacks: {missing}"
    assert not [msgid for msgid, text in translated.items() if not text], "untranslated"
    assert not [message.id for message in po if message.id and message.fuzzy], "fuzzy"
    stale = sorted(translated.keys() - found)
    assert not stale, f"messages.po holds sentences no code uses: {stale}"


def test_the_catalogue_header_is_simplified_chinese_in_utf8() -> None:
    po = catalogue()
    assert str(po.locale) in ("zh_CN", "zh_Hans_CN")
    header = dict(po.mime_headers)
    assert header["Language"] == "zh_CN"
    assert header["Plural-Forms"] == "nplurals=1; plural=0;"
    assert "charset=utf-8" in header["Content-Type"].lower()


def test_translations_keep_their_placeholders_and_chinese_punctuation() -> None:
    for message in catalogue():
        if not message.id:
            continue
        text = message.string
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(message.id)), message.id
        assert not re.search(rf"[{CJK}] +[{CJK}]", text), text  # no space between CJK
        assert not re.search(rf"[{CJK}][,;:?!()]", text), text  # full-width after CJK
        assert not re.search(rf"[,;:?!(] *[{CJK}]", text), text


def test_every_field_title_of_the_model_is_in_the_table() -> None:
    titles: set[str] = set()

    def walk(model: type[BaseModel]) -> None:
        for info in model.model_fields.values():
            assert info.title, info
            titles.add(info.title)
            nested = _nested_model(info.annotation)
            if nested is not None:
                walk(nested)

    walk(JobDescription)
    assert titles <= set(TITLES), sorted(titles - set(TITLES))


# --- (b) in Chinese, no English sentence is left --------------------------------------------
def _english_left(finding: Finding) -> list[str]:
    """Runs of two or more English words in the message, outside quotes, the user's text
    (values that are not ours) and the pay-transparency table's own words (English data)."""
    text = finding.message
    theirs = [value for value in finding.params.values() if not isinstance(value, Localized)]
    for value in sorted([*theirs, *finding.found], key=len, reverse=True):
        if value:
            text = text.replace(str(value), " ")
    for words in _table_words():
        text = text.replace(words, " ")
    text = re.sub(r"“[^”]*”|‘[^’]*’|《[^》]*》|\"[^\"]*\"", " ", text)
    return re.findall(r"[A-Za-z]+(?:[ \-][A-Za-z]+)+", text)


def _table_words() -> list[str]:
    found = []
    for rule in table().rules:
        found += [rule.name, rule.law, rule.pay_what, rule.benefits_what]
        for phrase in (*rule.statement, *rule.banned):
            found += [phrase.description, phrase.condition]
    return sorted((words for words in found if words), key=len, reverse=True)


def _english_posting() -> JobDescription:
    """A posting every family has something to say about, in Denver (Colorado's law)."""
    return JobDescription(
        title="Call Center Agent",
        responsibilities=("Answer calls", "Log every call"),
        summary=(
            "We want a young, energetic rockstar salesman to recieve calls and hit the ground "
            "running; he/she handles every escalation. " * 2
        ),
        required_qualifications=tuple(f"Skill number {n}" for n in range(9)),
        skills=("[Skill]",),
        company=Company(name=""),
        location=Location(locality="Denver", region="CO", country="US"),
        work_arrangement=WorkArrangement.ON_SITE,
    )


def test_review_of_an_english_posting_speaks_chinese(chinese: None) -> None:
    findings = review(_english_posting(), Context(today=TODAY))
    families = {finding.family for finding in findings}
    assert len(families) >= 6, families
    for finding in findings:
        assert re.search(f"[{CJK}]", finding.message), finding.message
        assert not _english_left(finding), (finding.code, finding.message)
        if finding.code == "pay.missing" or not finding.code.startswith("pay."):
            # A law's own citation (the table's) is English; every other source is ours.
            assert re.search(f"[{CJK}]", finding.source), finding.source


def test_review_of_a_chinese_posting_speaks_chinese(chinese: None) -> None:
    library = PresetLibrary()
    chinese_presets = [
        preset for preset in library.list_presets().presets if preset.document.language == "zh-CN"
    ]
    document = (
        chinese_presets[0].document
        if chinese_presets
        else JobDescription(
            language="zh-CN",
            title="呼叫中心客服专员",
            responsibilities=("接听客户来电",),
            benefits=("[福利]",),
        )
    )
    findings = review(document, Context(today=TODAY))
    assert findings
    for finding in findings:
        assert re.search(f"[{CJK}]", finding.message), finding.message
        assert not _english_left(finding), (finding.code, finding.message)


def test_field_labels_are_chinese(chinese: None) -> None:
    assert field_label(("salary", "maximum")) == "最高薪资"
    assert field_label(("skills", 2)) == "技能要求第 3 项"
    assert field_label(()) == "招聘启事"
    assert field_label(("skills", 2), "en") == "Skills, item 3"
    findings = review(_english_posting(), Context(today=TODAY))
    named = [finding for finding in findings if isinstance(finding.params.get("field"), FieldName)]
    assert named
    for finding in named:
        label = field_label(finding.path)
        assert re.search(f"[{CJK}]", label) and label in finding.message, finding.message


def test_a_finding_made_in_english_is_read_in_the_language_of_the_moment() -> None:
    """Findings are cached by text: one made in English must read in Chinese later."""
    (finding,) = [f for f in review(_english_posting()) if f.code == "placeholders.left"]
    english = finding.message
    i18n.set_ui_language("zh_CN")
    try:
        assert finding.message == "技能要求第 1 项仍有待替换的占位符：[Skill]"
    finally:
        i18n.set_ui_language("en")
    assert (
        finding.message == english == "Skills, item 1 still has a placeholder to replace: [Skill]"
    )


def test_validation_file_and_library_errors_speak_chinese(chinese: None, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jd.json"
    empty.write_bytes(b"")
    with pytest.raises(DocumentError) as raised:
        read_document(empty)
    assert raised.value.lines() == [f"{empty}: 是空的"]
    bad = tmp_path / "bad.jd.json"
    bad.write_text(json.dumps({"title": "", "responsibilities": ["a", "a"], "level": "x"}))
    with pytest.raises(DocumentError) as raised:
        read_document(bad)
    messages = [problem.message for problem in raised.value.problems]
    assert "职位名称为必填项" in messages
    assert "岗位职责有重复项：第 2 项与第 1 项重复" in messages
    assert any(m.startswith("职级必须是以下之一：'entry'、") for m in messages), messages
    with pytest.raises(PresetNotFoundError, match="没有名为“Nobody”的预设。"):
        PresetLibrary().get("Nobody")


def test_import_guesses_speak_chinese(chinese: None) -> None:
    result = import_posting(
        ROOT / "tests" / "importer" / "postings" / "indeed_customer_service.txt"
    )
    lines = [line.split(": ", 1)[1] for line in result.messages()]
    assert len(lines) > 5 and all(re.search(f"[{CJK}]", line) for line in lines), lines
    assert "薪资：“$16 - $19 an hour”读作每小时 16–19 USD" in lines
    assert "用工类型：“$16 - $19 an hour - Full-time”中的“Full-time”读作全职" in lines
    guesses = [guess.message for guess in result.guesses]
    assert "Pay: '$16 - $19 an hour' read as 16–19 USD per hour" in guesses  # the English
    i18n.set_ui_language("en")
    assert "Pay: '$16 - $19 an hour' read as 16–19 USD per hour" in [
        line.split(": ", 1)[1] for line in result.messages()
    ]


def test_jdeditor_check_speaks_the_language_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        cli.main(["--lang", "zh-CN", "check", "--today", "2026-11-26", "Agent"])
    finally:
        i18n.set_ui_language("en")
    out = capsys.readouterr().out
    assert "Agent: company.name: 警告: 公司名称仍有待替换的占位符：[Company name]" in out
    assert re.search(r"Agent: \d+ 个错误，\d+ 个警告，\d+ 条建议", out), out


# --- (c) composing: English unchanged, the user's text never a template ----------------------
def test_a_user_value_is_never_read_as_a_template() -> None:
    finding = Finding(
        "spelling.unknown-word",
        Severity.ADVICE,
        ("summary",),
        "{field}: “{word}” is not in the dictionary",
        params={"field": FieldName(("summary",)), "word": "{field}{0}{"},
    )
    assert finding.message == "Summary: “{field}{0}{” is not in the dictionary"


def test_a_sentence_without_values_passes_through_unchanged() -> None:
    said = "Input should be a valid {thing}"  # pydantic's words, braces and all
    assert Finding("validation.x", Severity.ERROR, (), said).message == said
    i18n.set_ui_language("zh_CN")
    try:
        assert Finding("validation.x", Severity.ERROR, (), said).message == said
    finally:
        i18n.set_ui_language("en")


def test_findings_compare_and_hash_with_their_values() -> None:
    def finding(word: str) -> Finding:
        return Finding(
            "spelling.unknown-word",
            Severity.ADVICE,
            ("summary",),
            "{field}: “{word}” is not in the dictionary",
            params={"field": FieldName(("summary",)), "word": word},
        )

    assert finding("recieve") == finding("recieve")
    assert hash(finding("recieve")) == hash(finding("recieve"))
    assert finding("recieve") != finding("acheive")
    assert len({finding("recieve"), finding("recieve"), finding("acheive")}) == 2


def test_json_keeps_code_and_params_in_english_and_the_message_in_the_users_language() -> None:
    (finding,) = [f for f in review(_english_posting()) if f.code == "placeholders.left"]
    english = finding.to_json()
    assert english["code"] == "placeholders.left"
    assert english["params"] == {"field": "Skills, item 1", "placeholders": "[Skill]"}
    i18n.set_ui_language("zh_CN")
    try:
        chinese = finding.to_json()
    finally:
        i18n.set_ui_language("en")
    assert chinese["params"] == english["params"]
    assert chinese["message"] == "技能要求第 1 项仍有待替换的占位符：[Skill]"
    json.dumps(chinese, ensure_ascii=False)


def test_a_message_is_its_english_and_says_itself_in_chinese(chinese: None) -> None:
    said = Message("{field} is required", field=FieldName(("title",)))
    assert said == "Job title is required"  # a str: compares, hashes and logs as English
    assert compose(said) == "职位名称为必填项"
