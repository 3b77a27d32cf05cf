"""The command line's language: --lang, else the system's locale; every word of ours and of
argparse in it, JSON keys and codes in English whatever it is."""

from __future__ import annotations

import argparse
import json
import locale
import re
import sys
from pathlib import Path

import pytest

from jdeditor import i18n
from jdeditor._text import columns
from jdeditor.cli import main
from jdeditor.library import PresetLibrary
from jdeditor.model import JobDescription
from tests.test_cli import run

CJK = re.compile(r"[\u3400-\u9fff]")
TODAY = "2026-11-26"


@pytest.fixture
def chinese_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """A desktop in Simplified Chinese: LANG says so, nothing else is set."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")


# --- Which language ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_TW.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "C.UTF-8"}, "zh_CN"),  # LANGUAGE first
        ({"LANGUAGE": ":zh_CN"}, "zh_CN"),  # its first entry that says something
        ({"LANGUAGE": "en_US", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL before LANG
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ({"LANGUAGE": "", "LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh_CN"),  # empty is unset
        ({}, "en"),
    ],
)
def test_the_system_language_follows_gettexts_order(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: str
) -> None:
    monkeypatch.delenv("LANG")
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setattr(sys, "platform", "linux")
    assert i18n.system_language() == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Chinese (Simplified)_China", "zh_CN"),
        ("Chinese (Simplified)_Hong Kong SAR", "zh_CN"),
        ("Chinese_China", "zh_CN"),
        ("Chinese (Traditional)_Taiwan", "en"),
        ("Chinese_Taiwan", "en"),
        ("English_United States", "en"),
        ("zh_CN", "zh_CN"),  # macOS names it as POSIX does
        (None, "en"),
    ],
)
def test_windows_and_macos_fall_back_to_the_locale_python_started_with(
    monkeypatch: pytest.MonkeyPatch, name: str | None, expected: str
) -> None:
    monkeypatch.delenv("LANG")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(locale, "getlocale", lambda *_: (name, "UTF-8"))
    assert i18n.system_language() == expected


def test_lang_wins_over_the_system(
    chinese_system: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--lang", "en", "presets", "list")
    assert code == 0 and out.split()[:3] == ["NAME", "KIND", "TITLE"]
    code, out, _ = run(capsys, "presets", "list", "--lang=en")
    assert code == 0 and out.split()[:3] == ["NAME", "KIND", "TITLE"]


def test_each_run_chooses_afresh(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--lang", "zh_CN", "presets", "list")[1].startswith("名称")
    assert run(capsys, "presets", "list")[1].startswith("NAME")  # LANG=C.UTF-8 again
    assert i18n.ui_language() == "en"


def test_argparse_gets_its_own_words_back(chinese_system: None) -> None:
    with pytest.raises(SystemExit):
        main(["presets", "--help"])
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"


# --- Chinese output ----------------------------------------------------------------------------
def test_check_speaks_chinese(chinese_system: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--today", TODAY, "呼叫中心组长")
    assert code == 0 and err == ""
    assert "呼叫中心组长: company.name: 警告: 公司名称仍有待替换的占位符：[公司名称]" in out
    assert re.search(r"^呼叫中心组长: \d+ 个错误，\d+ 个警告，\d+ 条建议$", out, re.M), out
    assert not re.search(r": (error|warning|advice): ", out)


def test_check_json_keeps_keys_and_codes_in_english(
    chinese_system: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", "--json", "--today", TODAY, "Agent")
    assert code == 0
    finding = next(
        f for f in json.loads(out)["postings"][0]["findings"] if f["code"] == "placeholders.left"
    )
    assert finding["severity"] == "warning"
    assert CJK.search(finding["message"])


def test_validate_speaks_chinese(
    chinese_system: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "good.jd.json"
    good.write_text(JobDescription(title="客服", responsibilities=("接听来电",)).to_json())
    empty = tmp_path / "empty.jd.json"
    empty.write_bytes(b"")
    code, out, _ = run(capsys, "validate", str(good), str(empty))
    assert code == 1
    assert f"{good}: 有效" in out.splitlines()
    assert f"{empty}: 是空的" in out.splitlines()


def test_presets_list_speaks_chinese_in_aligned_columns(
    chinese_system: None,
    capsys: pytest.CaptureFixture[str],
    library: PresetLibrary,
    posting: JobDescription,
) -> None:
    library.save_user_preset("Night shift", posting)
    library.user_dir.joinpath("Broken.jd.json").write_text("{")
    code, out, err = run(capsys, "presets", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["名称", "类型", "职位名称"]
    kinds = {line.split()[-2] if "Night" not in line else "" for line in lines[1:]}
    assert "内置" in kinds
    assert re.search(r"^Night shift +用户 +Night Shift Agent$", out, re.M), out
    # The title column starts at the same terminal column on every line, Chinese names too.
    starts = set()
    for line in lines:
        title = line.rstrip().rsplit("  ", 1)[1].strip()
        starts.add(columns(line[: line.rindex(title)]))
    assert len(starts) == 1, out
    assert err.startswith("jdeditor：警告：已跳过 ")
    assert "Broken.jd.json" in err


def test_presets_show_and_publish_speak_chinese(
    chinese_system: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "presets", "show", "Nobody")
    assert code == 1
    assert err.startswith("jdeditor：没有名为“Nobody”的预设；现有预设：")
    assert "、" in err
    code, _, err = run(capsys, "presets", "publish", "Agent")
    assert code == 2
    assert err == "jdeditor: presets publish：请用 --to 指定团队文件夹（尚未配置）\n"
    folder = tmp_path / "Support"
    folder.mkdir()
    arguments = ["--presets-dir", str(folder), "presets", "publish", "Agent"]
    code, out, _ = run(capsys, *arguments)
    assert (code, out) == (0, f"已创建：{folder / 'Agent.jd.json'}\n")
    code, _, err = run(capsys, *arguments)
    assert code == 1 and err.endswith("如要替换，请使用 --replace。\n") and CJK.search(err[:-20])
    code, out, _ = run(capsys, *arguments, "--replace")
    assert (code, out) == (0, f"已替换：{folder / 'Agent.jd.json'}\n")
    code, out, _ = run(capsys, "--presets-dir", str(folder), "presets", "sources")
    assert code == 0
    assert out.splitlines()[0].split() == ["来源", "权限", "文件夹"]
    assert re.search(r"^team:Support +可写 +", out, re.M), out


def test_export_speaks_chinese(
    chinese_system: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "export", "Agent", "-d", str(tmp_path), "--format", "md,jsonld")
    assert code == 0
    assert out.splitlines() == [
        f"已写入 {tmp_path / 'Agent.md'}",
        f"已写入 {tmp_path / 'Agent.jsonld'}",
    ]
    lines = err.splitlines()
    assert lines and all(
        line.startswith(("jdeditor：警告：", "jdeditor：提示：")) for line in lines
    )
    assert f"jdeditor：警告：{tmp_path / 'Agent.md'}: company.name: 公司名称" in err
    code, _, err = run(capsys, "export", "Agent", "-d", str(tmp_path), "--format", "md")
    assert code == 1
    assert err == (
        f"jdeditor: {tmp_path / 'Agent.md'}: 已存在；export 只在明确要求时才替换文件："
        "请加上 --force，或用 -o 指定输出文件\n"
    )
    code, _, err = run(capsys, "export", "Agent", "-o", str(tmp_path / "a.md"), "--format", "txt")
    assert code == 1 and "不是 纯文本 文件的名称" in err


def test_import_speaks_chinese(
    chinese_system: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "chat.md"
    source.write_text("# 客服专员\n\n## 岗位职责\n\n- 接听来电\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", str(source), "-d", str(tmp_path / "out"))
    assert code == 0
    assert f"已写入 {tmp_path / 'out' / 'chat.jd.json'}" in out.splitlines()
    code, _, err = run(capsys, "import", str(source), "-d", str(tmp_path / "out"))
    assert code == 1
    assert err == f"jdeditor: {tmp_path / 'out' / 'chat.jd.json'}: 已存在；使用 --force 可替换它\n"


# --- argparse ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["presets", "bogus"], "jdeditor presets：错误：参数 ACTION：无效的选择：'bogus'"),
        (["validate"], "jdeditor validate：错误：缺少以下必需参数：FILE"),
        (["check", "Agent", "--bogus"], "jdeditor：错误：无法识别的参数：--bogus"),
        (["export", "Agent", "-o"], "jdeditor export：错误：参数 -o/--output：需要一个参数值"),
        (
            ["check", "--today", "soon"],
            "jdeditor check：错误：参数 --today：无效的 fromisoformat 值",
        ),
        (["export"], "jdeditor：错误：export 需要预设名称或文件"),
        (["import", "a.md", "b.md", "-o", "x.jd.json"], "jdeditor：错误：-o 只能指定"),
        (["export", "Agent", "--format", "rtf"], "jdeditor：错误：“rtf”不是可导出的格式"),
    ],
)
def test_usage_errors_speak_chinese(
    chinese_system: None, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：jdeditor "), err
    assert expected in err, err


# fmt: off
ALLOWED = {
    # The program, its commands and actions, as typed.
    "jdeditor", "presets", "list", "show", "publish", "sources", "validate", "check", "export",
    "import",
    # Option names and metavars.
    "help", "version", "lang", "dir", "json", "strict", "rules", "today", "output", "directory",
    "format", "all", "template", "force", "replace",
    "LANGUAGE", "DIR", "COMMAND", "ACTION", "FILE", "TEAM", "FILE_OR_PRESET", "YYYY", "FORMATS",
    "OUTPUT", "DIRECTORY", "SOURCE",
    # Names: file formats and suffixes, the settings file's keys, the environment variable.
    "JSON", "PDF", "HTML", "Word", "Markdown", "docx", "dotx", "jsonld", "txt", "html", "pdf",
    "team_folders", "path", "name", "JDEDITOR_PRESETS_DIRS", "zh_CN",
}
# fmt: on


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["presets", "--help"],
        ["presets", "list", "--help"],
        ["presets", "show", "--help"],
        ["presets", "publish", "--help"],
        ["presets", "sources", "--help"],
        ["validate", "--help"],
        ["check", "--help"],
        ["export", "--help"],
        ["import", "--help"],
    ],
)
def test_help_in_chinese_has_no_english_words(
    chinese_system: None, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：jdeditor")
    assert "选项：" in out
    text = re.sub(r"\S*/\S*", " ", out)  # folders and files (the user's and the settings')
    english = sorted(set(re.findall(r"[A-Za-z][A-Za-z_]{2,}", text)) - ALLOWED)
    assert not english, (english, out)


# --- No catalogue, a wrong --lang --------------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "zh_CN", "presets", "list"],
        ["check", "Agent"],  # Chinese from LANG
        ["--lang", "zh_CN", "--help"],
    ],
)
def test_a_missing_catalogue_is_one_line_and_exit_2(
    chinese_system: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    argv: list[str],
) -> None:
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    i18n.translations.cache_clear()
    try:
        code, out, err = run(capsys, *argv)
    finally:
        i18n.translations.cache_clear()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"jdeditor: {tmp_path / 'zh_CN' / 'LC_MESSAGES' / 'messages.mo'}: ")
    assert "pip install -e ." in err


def test_a_wrong_lang_is_said_printably_in_the_systems_language(
    chinese_system: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--lang", "xx\x1b[2J", "presets", "list")
    assert code == 2
    assert err == "jdeditor: --lang: 没有“xx\\x1b[2J”的翻译；可选：en, zh_CN\n"
    code, _, err = run(capsys, "presets", "list", "--lang")
    assert (code, err) == (2, "jdeditor: --lang: 缺少语言\n")


def test_a_wrong_lang_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--lang", "\x9bde", "presets", "list")
    assert code == 2
    assert err == "jdeditor: --lang: there is no '\\x9bde' translation; choose from en, zh_CN\n"
