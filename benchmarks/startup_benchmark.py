"""Window start-up, whole process, against a bare PySide6 window in the same run.

Measures the time from process start until the main window has painted (and, for jdeditor,
also until presets and form are loaded), and each process's peak memory (RSS). Goal: first
paint ≤ 1.5× the bare window. Run: ``python benchmarks/startup_benchmark.py [--runs N]``.
Uses Qt's offscreen platform unless QT_QPA_PLATFORM is set (e.g. xcb under xvfb-run).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.installEventFilter(FirstPaint(window))
window.show()
app.exec()
"""

JDEDITOR = "from jdeditor.ui.app import run; raise SystemExit(run(exit_after={!r}))"


def measure(code: str, env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one ``python -c code`` process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"benchmark process failed ({status}): {code}")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports KiB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "HOME": home,
            "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_DATA_HOME": f"{home}/data",
            "XDG_STATE_HOME": f"{home}/state",
        }
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        cases = {
            "bare PySide6 window": BARE_WINDOW,
            "jdeditor, first paint": JDEDITOR.format("paint"),
            "jdeditor, form ready": JDEDITOR.format("ready"),
        }
        for code in cases.values():
            measure(code, env)  # warm the file cache once, as a second start would find it
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(args.runs):  # interleaved, so load on the machine hits all alike
            for name, code in cases.items():
                results[name].append(measure(code, env))
    base_time = statistics.median(t for t, _ in results["bare PySide6 window"])
    base_rss = statistics.median(r for _, r in results["bare PySide6 window"])
    print(f"median of {args.runs} runs, platform {env['QT_QPA_PLATFORM']}")
    print(f"{'':24} {'time':>8} {'ratio':>7} {'peak RSS':>10} {'ratio':>7}")
    for name, samples in results.items():
        seconds = statistics.median(t for t, _ in samples)
        rss = statistics.median(r for _, r in samples)
        print(
            f"{name:24} {seconds * 1000:6.0f}ms {seconds / base_time:6.2f}× "
            f"{rss:8.1f}MiB {rss / base_rss:6.2f}×"
        )
    paint = statistics.median(t for t, _ in results["jdeditor, first paint"]) / base_time
    print(
        f"first paint {paint:.2f}× the bare window: "
        f"{'meets' if paint <= 1.5 else 'MISSES'} the goal of ≤ 1.5×"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
