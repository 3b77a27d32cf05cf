"""The window as a screen reader sees it: AT-SPI on a real X server (Xvfb, a window manager,
a D-Bus session), read with pyatspi from the system Python. Every focusable control has a name,
and the pay check box works through its accessibility action, not only through clicks."""

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

SYSTEM_PYTHON = Path("/usr/bin/python3")
_UNDER_XVFB_WITH_DBUS = ("dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1400x900x24")


def _has_pyatspi() -> bool:
    if not SYSTEM_PYTHON.exists():
        return False
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False
    )
    return probe.returncode == 0


needs_atspi = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("dbus-run-session", "xvfb-run", "openbox"))
    or not _has_pyatspi(),
    reason="needs dbus-run-session, xvfb-run, openbox and python3-pyatspi",
)


@pytest.mark.slow
@needs_atspi
def test_screen_reader_finds_names_and_working_actions(tmp_path: Path) -> None:
    posting = tmp_path / "operations.jd.json"
    posting.write_bytes((REPO / "presets" / "Operations.jd.json").read_bytes())
    script = textwrap.dedent(
        f"""
        openbox >/dev/null 2>&1 &
        "{sys.executable}" -m jdeditor "{posting}" 2>"{tmp_path}/app.log" &
        app=$!
        "{SYSTEM_PYTHON}" "{REPO}/tests/ui/a11y_probe.py"
        status=$?
        kill $app 2>/dev/null
        exit $status
        """
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env |= {
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        "PYTHONPATH": str(REPO),
        "QT_ACCESSIBILITY": "1",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
    }
    (tmp_path / "runtime").mkdir(mode=0o700)
    result = subprocess.run(
        [*_UNDER_XVFB_WITH_DBUS, "bash", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["controls"] > 200
    assert report["unnamed"] == []
    assert report["pay_enabled_before"] is False
    assert report["pay_checked_after"] is True
    assert report["pay_enabled_after"] is True  # the posting changed, not just the box
