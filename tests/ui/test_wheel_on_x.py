"""The mouse wheel on a real X server (Xvfb, Qt's xcb platform, xdotool's wheel clicks): over an
unfocused combo box it scrolls the form and leaves the value alone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO

_SCRIPT = textwrap.dedent(
    """
    import json, subprocess, sys
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from jdeditor.library import PresetLibrary
    from jdeditor.ui.app import open_editor
    from jdeditor.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1000, 600)
    window.show()
    editor = open_editor(window, settings, PresetLibrary())
    editor.preset_actions.start_from_preset("Manager")
    form = editor.form
    combo = form.editor(("education", "minimum_level")).combo
    result = {}

    def scroll():
        form.ensureWidgetVisible(combo, 0, 200)
        app.processEvents()
        centre = combo.mapToGlobal(combo.rect().center())
        result["before"] = [form.verticalScrollBar().value(), combo.currentText()]
        subprocess.run(["xdotool", "mousemove", str(centre.x()), str(centre.y())], check=True)
        subprocess.run(["xdotool", "click", "--repeat", "3", "--delay", "50", "5"], check=True)
        QTimer.singleShot(700, finish)

    def finish():
        result["after"] = [form.verticalScrollBar().value(), combo.currentText()]
        result["focused"] = combo.hasFocus()
        print(json.dumps(result), flush=True)
        editor.session.undo_stack.setClean()
        app.quit()

    QTimer.singleShot(800, scroll)
    app.exec()
    """
)


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("xvfb-run") and shutil.which("xdotool")), reason="needs xvfb and xdotool"
)
def test_wheel_scrolls_the_form_past_a_combo_box(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env |= {
        "PYTHONPATH": str(REPO),
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    settings = str(tmp_path / "settings.ini")
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-c", _SCRIPT, settings],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    (scroll_before, value_before), (scroll_after, value_after) = seen["before"], seen["after"]
    assert value_after == value_before == "Bachelor's degree"
    assert scroll_after > scroll_before  # the wheel went to the form
    assert not seen["focused"]
