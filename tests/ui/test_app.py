"""Starting the window: the display and library checks, and the first paint before the rest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from jdeditor.ui import _platform, app
from jdeditor.ui.main_window import MainWindow


@pytest.mark.parametrize(
    ("environment", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({}, "win32", True),
        ({}, "darwin", True),
    ],
)
def test_has_display(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], platform: str, expected: bool
) -> None:
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setattr("sys.platform", platform)
    assert app.has_display() is expected


def test_window_starts_after_its_first_paint(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    calls: list[str] = []
    window.installEventFilter(app.FirstPaint(lambda: calls.append("started"), window))
    assert not window.ready and calls == []
    window.show()
    qtbot.waitUntil(lambda: calls == ["started"], timeout=3000)
    window.update()
    qtbot.wait(50)
    assert calls == ["started"]  # once only


class QtStartError(Exception):
    """Raised where ``run`` would create the QApplication: the checks before it are done."""


class StopWhereQtStarts:
    """Stands in for QApplication, so that ``run`` ends where Qt would start."""

    @staticmethod
    def instance() -> None:
        raise QtStartError


def test_run_exits_2_naming_the_missing_x11_libraries(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for variable in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr("sys.platform", "linux")
    missing = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    monkeypatch.setattr(_platform, "loads_library", lambda soname: soname not in missing)
    monkeypatch.setattr(app, "QApplication", StopWhereQtStarts)
    assert app.run() == 2  # before Qt: StopWhereQtStarts would raise
    error = capsys.readouterr().err
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in error
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4\n" in error


def test_run_starts_qt_without_a_check_offscreen(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(soname: str) -> bool:
        raise AssertionError(f"offscreen run checked {soname}")

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(_platform, "loads_library", refuse)
    monkeypatch.setattr(app, "QApplication", StopWhereQtStarts)
    with pytest.raises(QtStartError):
        app.run()


# Starts `import jdeditor.ui.app` as on a minimal system where Qt's own libraries are missing:
# PySide6.QtCore fails to import, and the (fake) loader lacks libEGL unless told otherwise.
QT_IMPORT_FAILS = """
import sys
from jdeditor.ui import _platform
_platform.loads_library = lambda soname: soname != sys.argv[1]
class QtLibrariesMissing:
    def find_spec(self, name, path, target=None):
        if name == "PySide6.QtCore":
            raise ImportError("libEGL.so.1: cannot open shared object file")
sys.meta_path.insert(0, QtLibrariesMissing())
import jdeditor.ui.app
"""


@pytest.mark.parametrize(
    ("missing", "code", "expected"),
    [
        ("libEGL.so.1", 2, "sudo apt install libegl1\n"),
        ("", 1, "ImportError: libEGL.so.1"),  # nothing we know is missing: the real error
    ],
)
def test_qt_that_cannot_load_is_explained_at_import(missing: str, code: int, expected: str) -> None:
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")
    }
    environment |= {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}
    result = subprocess.run(
        [sys.executable, "-c", QT_IMPORT_FAILS, missing],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert result.returncode == code, result.stderr
    assert expected in result.stderr
