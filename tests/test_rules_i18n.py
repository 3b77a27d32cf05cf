"""The rules catalogue: the pay-transparency table's words in the user's language.

``resources/pay_transparency.toml`` is English data; what of it a reader sees (places, laws,
what a law wants, statements, banned phrases, notes, the disclaimer) is translated in
``rules.po``, whose msgids are the table's strings exactly, with the few words marked ``R_`` in
the code that lays the table out. Citations, addresses and statute numbers stay as they are.
"""

from __future__ import annotations

import pickle
import re
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from jdeditor import _paths, cli, i18n
from jdeditor._paths import resources_dir
from jdeditor.checks import Context, Finding, Localized, review
from jdeditor.checks._rules_table import TABLE_FILE, RuleText
from jdeditor.checks.pay_transparency import rules_table, table
from jdeditor.files import read_document
from jdeditor.model import JobDescription

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "jdeditor" / "checks" / name for name in ("_rules_table.py", "pay_transparency.py")
]
PLACEHOLDER = re.compile(r"\{(\w*)\}")
CJK = r"\u3400-\u9fff\uf900-\ufaff"
TODAY = date(2026, 11, 26)

SHOWN = {"disclaimer", "name", "law", "pay_what", "benefits_what", "note", "description"}
SHOWN |= {"condition"}
"""Keys of the table whose text a reader sees: in a finding's message or in ``check --rules``."""
DATA = {"id", "pay", "benefits", "currency", "source", "url", "replace"}
"""Keys whose text is not translated: identifiers, choices, citations, addresses, and the
rewrite of a banned phrase (it goes into the posting, in the posting's language)."""
LISTS = {"country", "region", "locality_alone", "patterns", "field", "answered_by"}
"""Lists matched or used as data; of ``locality`` only the first is shown (``check --rules``)."""


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    """Each test may speak Chinese; the next one starts in English."""
    try:
        yield
    finally:
        i18n.set_ui_language("en")


def _raw_table() -> dict[str, Any]:
    with (resources_dir() / TABLE_FILE).open("rb") as file:
        return tomllib.load(file)


def shown_in_table() -> set[str]:
    """Every string of the TOML file a reader sees, as written there (the parsed table walked);
    a key that is neither shown nor known as data fails, so a new field is decided on."""
    raw = _raw_table()
    found = {raw["disclaimer"]}

    def walk(item: dict[str, Any], where: str) -> None:
        for key, value in item.items():
            if isinstance(value, str):
                assert key in SHOWN | DATA, f"{where}: decide whether {key!r} is shown"
                if key in SHOWN and value:
                    found.add(value)
            elif key == "locality":
                found.add(value[0])
            elif key in ("statement", "banned"):
                for phrase in value:
                    walk(phrase, f"{where}, {key} {phrase['id']!r}")
            elif isinstance(value, list):
                assert key in LISTS, f"{where}: decide whether {key!r} is shown"

    for rule in raw["rule"]:
        walk(rule, f"rule {rule['id']!r}")
    return found


def marked() -> set[str]:
    """The words the code marks ``R_`` for this catalogue (``pybabel extract -k R_``)."""
    found = set()
    for path in SOURCES:
        for _line, message, _comments, _context in extract_from_file(
            "python", str(path), keywords={"R_": None}
        ):
            assert isinstance(message, str), message
            found.add(message)
    return found


def catalogue() -> Any:
    with (resources_dir() / "locale" / "zh_CN" / "LC_MESSAGES" / "rules.po").open("rb") as file:
        return read_po(file, locale="zh_CN")


# --- (a) the catalogue holds every string a reader sees, translated -------------------------
def test_every_shown_string_of_the_table_is_in_the_catalogue_and_translated() -> None:
    wanted = shown_in_table() | marked()
    assert len(marked()) >= 3 and len(wanted) > 60
    po = catalogue()
    translated = {message.id: message.string for message in po if message.id}
    missing = sorted(wanted - translated.keys())
    assert not missing, f"rules.po lacks: {missing}"
    assert not [msgid for msgid, text in translated.items() if not text], "untranslated"
    assert not [message.id for message in po if message.id and message.fuzzy], "fuzzy"
    assert not po.fuzzy, "the header is fuzzy: gettext would ignore its charset"
    stale = sorted(translated.keys() - wanted)
    assert not stale, f"rules.po holds strings neither the table nor the code has: {stale}"


def test_translations_keep_placeholders_and_use_chinese_punctuation() -> None:
    po = catalogue()
    assert dict(po.mime_headers)["Language"] == "zh_CN"
    for message in po:
        if not message.id:
            continue
        text = message.string
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(message.id)), message.id
        if re.search("[A-Za-z]", PLACEHOLDER.sub("", message.id)):  # words, not a template
            assert re.search(f"[{CJK}]", text), message.id
        assert text != message.id, message.id
        assert not re.search(rf"[{CJK}] +[{CJK}]", text), text
        assert not re.search(rf"[{CJK}][,;:?!()]", text), text
        assert not re.search(rf"[,;:?!(] *[{CJK}]", text), text


def test_the_table_text_is_english_and_says_itself_in_chinese() -> None:
    name = RuleText("Colorado")
    assert name == "Colorado" and isinstance(name, Localized)
    law = RuleText("the EU Pay Transparency Directive's transposition in {country}", country="X")
    assert law == "the EU Pay Transparency Directive's transposition in X"
    i18n.set_ui_language("zh_CN")
    assert i18n.translations(i18n.Domain.RULES, "zh_CN").gettext("Ontario") == "安大略省"
    assert str(name.in_language("zh_CN")) == "科罗拉多州"
    assert pickle.loads(pickle.dumps(law)).in_language("zh_CN") == "欧盟薪酬透明度指令在X的转化立法"


# --- (b) findings in Chinese leave no English clause of the table -----------------------------
AGENT = read_document(_paths.presets_dir() / "呼叫中心客服专员.jd.json")


def _posting(location: dict[str, str], **changes: Any) -> JobDescription:
    data = AGENT.model_dump(mode="json")
    data |= {"location": location, "salary": None, "benefits": [], **changes}
    return JobDescription.model_validate(data)


POSTINGS = {
    "us-co": _posting({"locality": "Denver", "region": "CO", "country": "US"}),
    "us-co-remote": _posting(
        {"locality": "", "region": "", "country": "US"}, work_arrangement="remote"
    ),
    "us-nyc": _posting({"locality": "New York City", "region": "", "country": "US"}),
    "us-dc": _posting({"locality": "Washington", "region": "DC", "country": "US"}),
    "ca-on": _posting(
        {"locality": "Toronto", "region": "ON", "country": "CA"},
        skills=["Canadian experience", "expérience canadienne"],
    ),
    "ca-on-wide": _posting(
        {"locality": "Toronto", "region": "ON", "country": "CA"},
        salary={"minimum": 40_000, "maximum": 120_000, "currency": "CAD", "period": "year"},
    ),
    "at": _posting({"locality": "Wien", "region": "", "country": "AT"}),
    "de": _posting({"locality": "Berlin", "region": "", "country": "DE"}),
}
ENGLISH_RUN = re.compile(r"[A-Za-z]+(?:[ '’\-][A-Za-z]+){2,}")
"""Three or more English words in a row."""


def _english_left(finding: Finding) -> list[str]:
    """Runs of 3+ English words in the message, outside quotes and the user's own text."""
    text = finding.message
    theirs = [value for value in finding.params.values() if not isinstance(value, Localized)]
    for value in sorted([*theirs, *finding.found], key=len, reverse=True):
        if value:
            text = text.replace(str(value), " ")
    text = re.sub(r"“[^”]*”|‘[^’]*’|«[^»]*»|\"[^\"]*\"", " ", text)
    return ENGLISH_RUN.findall(text)


@pytest.mark.parametrize("place", sorted(POSTINGS))
def test_pay_findings_speak_chinese(place: str) -> None:
    english = [f for f in review(POSTINGS[place], Context(today=TODAY)) if f.family == "pay"]
    assert english, place
    messages = [finding.message for finding in english]
    i18n.set_ui_language("zh_CN")
    findings = [f for f in review(POSTINGS[place], Context(today=TODAY)) if f.family == "pay"]
    assert len(findings) == len(english)
    for finding in [*findings, *english]:  # those made in English read in Chinese now too
        assert re.search(f"[{CJK}]", finding.message), finding.message
        assert not _english_left(finding), (finding.code, finding.message)
    for finding in english:
        assert finding.message not in messages
    i18n.set_ui_language("en")
    assert [finding.message for finding in english] == messages


def test_the_repro_of_the_review_reads_as_chinese() -> None:
    i18n.set_ui_language("zh_CN")
    colorado = [f.message for f in review(POSTINGS["us-co"], Context(today=TODAY))]
    assert any("要求招聘启事写明福利待遇及其他报酬的概括说明" in m for m in colorado), colorado
    assert any(m.startswith("未写明薪资：科罗拉多州的薪资透明法（") for m in colorado), colorado
    ontario = [f.message for f in review(POSTINGS["ca-on"], Context(today=TODAY))]
    assert any(
        "没有说明是否使用人工智能筛选、评估或挑选求职者。如果雇主使用人工智能，安大略省" in m
        for m in ontario
    ), ontario
    germany = [f.message for f in review(POSTINGS["de"], Context(today=TODAY))]
    assert any("欧盟薪酬透明度指令在德国的转化立法" in m for m in germany), germany


def test_json_params_stay_english() -> None:
    (finding,) = [
        f for f in review(POSTINGS["at"], Context(today=TODAY)) if f.code == "pay.range-required"
    ]
    english = finding.to_json()
    i18n.set_ui_language("zh_CN")
    chinese = finding.to_json()
    assert chinese["params"] == english["params"]
    assert "Austria's Equal Treatment Act" in english["params"]["laws"]
    assert "奥地利《平等待遇法》" in chinese["message"]


# --- (c) check --rules in Chinese: English only in citations and statute numbers --------------
STATUTE_IDS = re.compile(r"O\. Reg\. \d+/\d+|§ \d+ Abs\. \d+|GlBG")
"""Statute numbers the notes keep as they are written ('O. Reg. 476/24', '§ 9 Abs. 2')."""
WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")
"""A word with a small letter: English, not a code or an abbreviation ('US-CO', 'SB', 'CAD')."""


def _english_words(text: str) -> list[str]:
    for rule in table().rules:
        text = text.replace(rule.source, " ").replace(rule.url, " ")
    text = STATUTE_IDS.sub(" ", re.sub(r"«[^»]*»", " ", text))
    return [word for word in WORD.findall(text) if len(word) > 1]


def test_check_rules_in_chinese_has_no_english_words() -> None:
    english = rules_table()
    i18n.set_ui_language("zh_CN")
    text = rules_table()
    assert not _english_words(text), _english_words(text)
    assert "仅供参考，不构成法律意见" in text
    for heading in ("科罗拉多州（US-CO）", "纽约市（纽约，US-NY）", "安大略省（CA-ON）"):
        assert f"\n{heading}\n" in text, heading
    assert "\n奥地利（AT）\n" in text and "\n欧盟（薪酬透明度指令）（AT、BE、" in text
    assert "  自2021年1月1日起；任何规模的雇主；适用于可在当地完成的远程职位\n" in text
    for rule in table().rules:
        assert rule.source in text and rule.url in text  # citations as they are
    i18n.set_ui_language("en")
    assert rules_table() == english
    assert "\nNew York City (New York, US-NY)\n" in english
    assert "  from 1 January 2021; employers of any size; covers remote" in english


def test_jdeditor_check_rules_speaks_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--lang", "zh-CN", "check", "--rules"]) == 0
    out = capsys.readouterr().out
    assert "不列颠哥伦比亚省（CA-BC）" in out and "爱德华王子岛省（CA-PE）" in out
    assert not _english_words(out), _english_words(out)
