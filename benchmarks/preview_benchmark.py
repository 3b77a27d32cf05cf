"""Live preview: time from an edit to the rendered preview, at 50 and at 1,000 bullets.

In-process, in the real window (offscreen): one edit through the undo stack (validation,
form update) plus the preview render that follows it, against a baseline of Qt alone setting
the same HTML into a bare QTextBrowser in the same run. Goal: ≤ 16 ms (one frame) at 50
bullets, growing linearly. Run: ``python benchmarks/preview_benchmark.py``.

1,000 bullets is ten times the model's limit per list: the draft is invalid there, which is
exactly when the preview must keep up (it shows the closest valid posting).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTextBrowser

from jdeditor.draft import best_effort, blank_draft
from jdeditor.export.html import render_html
from jdeditor.outline import build_outline
from jdeditor.ui.app import open_editor
from jdeditor.ui.main_window import MainWindow

RUNS = 40
GOAL_MS = 16.0


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as home:
        # platformdirs reads these at each call: presets and autosave stay in the scratch dir.
        for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            os.environ[variable] = str(Path(home) / variable)
        settings = QSettings(str(Path(home) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.resize(1280, 800)
        window.show()
        editor = open_editor(window, settings)
        app.processEvents()
        session, preview = editor.session, editor.preview
        bare = QTextBrowser()
        bare.resize(preview.size())
        print(f"median of {RUNS} edits (ms)")
        print(f"{'bullets':>8} {'edit→preview':>13} {'Qt setHtml':>11} {'ratio':>7}")
        per_bullet = {}
        for count in (50, 1000):
            draft = {
                **blank_draft(),
                "title": "Agent",
                "responsibilities": [f"Duty number {n} of the role" for n in range(count)],
            }
            session.load(draft, None)
            preview.render_now()
            html = render_html(build_outline(best_effort(draft)))
            ours, baseline = [], []
            for run in range(RUNS):
                start = time.perf_counter()
                session.set_value(("title",), f"Agent {run}", "type")
                preview.render_now()
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                bare.setHtml(html)
                baseline.append(time.perf_counter() - start)
            edit, qt = statistics.median(ours) * 1000, statistics.median(baseline) * 1000
            per_bullet[count] = edit / count
            print(f"{count:>8} {edit:>11.1f}ms {qt:>9.1f}ms {edit / qt:>6.2f}×")
        growth = per_bullet[1000] / per_bullet[50]
        print(f"cost per bullet at 1,000 is {growth:.2f}× the cost at 50 (1.0 = linear)")
        at_50 = per_bullet[50] * 50
        verdict = "meets" if at_50 <= GOAL_MS else "MISSES"
        print(f"{at_50:.1f} ms at 50 bullets: {verdict} the goal of ≤ {GOAL_MS:.0f} ms")
        session.undo_stack.setClean()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
