"""Make docs/window.png and docs/window-small.png (the real window, Manager preset loaded),
docs/window-advice.png (a draft with posting advice to give), docs/start-page.png (what a
first start shows), and docs/window-zh.png and docs/start-page-zh.png (the same in 简体中文,
the Chinese Manager preset loaded).

Runs the window on a virtual X screen and photographs the screen, as a user would see it.
Needs xvfb-run (Debian: xvfb), ImageMagick's ``import`` and Qt's xcb libraries
(libxcb-cursor0). Run from the repository: ``python docs/render_window.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
SIZES = {
    "window.png": (1400, 860),
    "window-small.png": (1024, 700),
    "start-page.png": (1024, 700),
    "window-advice.png": (1400, 860),
    "window-zh.png": (1400, 860),
    "start-page-zh.png": (1024, 700),
}

ADVICE_DRAFT = {
    "title": "Rockstar Customer Service Agent",
    "summary": "Join our young, energetic team! Our top salesman will coach you to recieve "
    "and resolve calls from day one.",
    "responsibilities": [
        "Answer inbound calls and recieve complaints with patience",
        "Must be able to lift 50 pounds",
        "Work hard, play hard with the guys on the floor",
    ],
    "location": {"locality": "Denver", "region": "CO", "country": "US"},
    "employment_type": "full-time",
    "company": {"name": "Acme Support"},
}


def photograph(target: Path, width: int, height: int) -> None:
    """Inside the virtual screen: show the window, load the preset, take the picture."""
    from PySide6.QtCore import QSettings, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from jdeditor.ui.app import open_editor  # noqa: PLC0415
    from jdeditor.ui.main_window import MainWindow  # noqa: PLC0415

    app = QApplication(sys.argv[:1])
    if target.stem.endswith("-zh"):  # as `jdeditor --lang zh_CN` starts
        from jdeditor.ui.translation import install_translators  # noqa: PLC0415

        install_translators(app, "zh_CN")
    settings = QSettings(os.environ["JDEDITOR_SHOT_SETTINGS"], QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.setGeometry(0, 0, width, height)
    window.show()

    taken: list[bool] = []

    def shoot() -> None:
        if taken:  # the advice can arrive more than once
            return
        taken.append(True)
        subprocess.run(
            ["import", "-window", "root", "-crop", f"{width}x{height}+0+0", str(target)], check=True
        )
        modal = QApplication.activeModalWidget()
        if modal is not None:  # the start page: close it, the window quits below
            modal.close()
        app.quit()

    # Let the screen settle and paint first; the start page is modal, so the shot is timed
    # from before it opens.
    if target.name != "window-advice.png":  # that one waits for the advice, below
        QTimer.singleShot(1500, shoot)
    if target.name.startswith("start"):
        open_editor(window, settings, start_page=True)
        return
    editor = open_editor(window, settings)
    if target.name == "window-advice.png":
        editor.advice_runner.reviewed.connect(lambda _found: QTimer.singleShot(800, shoot))
        editor.session.load(ADVICE_DRAFT, None, "Advice example")
        editor.form.focus_field(("title",))
    else:
        preset = "呼叫中心经理" if target.stem.endswith("-zh") else "Manager"
        editor.preset_actions.start_from_preset(preset)
        editor.presets.select(preset)
    editor.preview.render_now()
    app.exec()
    editor.session.undo_stack.setClean()


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--inside":
        photograph(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
        return 0
    missing = [tool for tool in ("xvfb-run", "import") if shutil.which(tool) is None]
    if missing:
        print(f"missing tools: {', '.join(missing)}", file=sys.stderr)
        return 1
    for name, (width, height) in SIZES.items():
        with tempfile.TemporaryDirectory() as home:
            env = {
                **os.environ,
                "HOME": home,
                "XDG_CONFIG_HOME": f"{home}/config",
                "XDG_DATA_HOME": f"{home}/data",
                "XDG_STATE_HOME": f"{home}/state",
                "QT_QPA_PLATFORM": "xcb",
                "JDEDITOR_SHOT_SETTINGS": f"{home}/s.ini",
            }
            subprocess.run(
                [
                    "xvfb-run",
                    "-a",
                    "-s",
                    f"-screen 0 {width}x{height}x24",
                    sys.executable,
                    __file__,
                    "--inside",
                    str(DOCS / name),
                    str(width),
                    str(height),
                ],
                env=env,
                check=True,
            )
        print(f"wrote {DOCS / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
