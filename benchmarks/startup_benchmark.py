"""Window start-up, whole process, against a bare PySide6 window in the same run.

Each case is a new process, timed from its start until it exits, with its peak memory (RSS):

- *bare PySide6 window*: a ``QMainWindow`` that quits after its first paint;
- *jdeditor, first paint*: the window's shell has painted (``run(exit_after="paint")``);
- *jdeditor, form ready*: jdeditor started on a posting (the built-in Manager preset, as
  ``jdeditor Manager.jd.json`` would) has painted its form with the posting's values, and the
  event loop is free to take a keystroke: a click in any field shown and typing edits the
  posting, undoably (``run(exit_after="ready")``, ``Startup.ready``). The model, the check, the
  other panes, the preview and the advice are not loaded yet: they load after it, in steps;
- *jdeditor, all loaded*: all of that has loaded too, the first check is shown and the first
  posting advice has arrived (``run(exit_after="settled")``). Its line below says how long the
  window was busy after it was ready: the time on the GUI thread, its longest step, and the
  longest the event loop waited for a turn (a keystroke waits at most that long).

Goals: first paint ≤ 1.5×, form ready ≤ 2× the bare window, peak memory at form ready ≤ 1.6×.
Run: ``python benchmarks/startup_benchmark.py [--runs N]``. Uses Qt's offscreen platform unless
QT_QPA_PLATFORM is set (e.g. xcb under xvfb-run). Python keeps the bytecode it compiles in a
folder of the run's own, warmed by one start of each case, as an installed jdeditor (pip,
PyInstaller) has its bytecode; ``--compile-each-start`` compiles every start (what
PYTHONDONTWRITEBYTECODE does, and what this benchmark measured before).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

from jdeditor._paths import presets_dir

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

JDEDITOR = (
    "from pathlib import Path; from jdeditor.ui.app import run; "
    "raise SystemExit(run({path}, exit_after={exit_after!r}))"
)
POSTING = presets_dir() / "Manager.jd.json"
_REPORT = re.compile(
    r"GUI thread busy (\d+) ms in \d+ steps, longest (\d+) ms .*?; "
    r"longest wait for a turn of the event loop (\d+) ms"
)


def measure(code: str, env: dict[str, str]) -> tuple[float, float, str]:
    """(seconds, peak RSS in MiB, what it printed) of one ``python -c code`` process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"benchmark process failed ({status}): {code}")
    return elapsed, usage.ru_maxrss / 1024, output  # Linux reports KiB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--compile-each-start",
        action="store_true",
        help="compile jdeditor's bytecode at every start instead of keeping it",
    )
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
        if args.compile_each_start:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = f"{home}/bytecode"
        posting = f"Path({str(POSTING)!r})"
        cases = {
            "bare PySide6 window": BARE_WINDOW,
            "jdeditor, first paint": JDEDITOR.format(path="None", exit_after="paint"),
            "jdeditor, form ready": JDEDITOR.format(path=posting, exit_after="ready"),
            "jdeditor, all loaded": JDEDITOR.format(path=posting, exit_after="settled"),
        }
        for code in cases.values():
            measure(code, env)  # warm the file cache once, as a second start would find it
        results: dict[str, list[tuple[float, float, str]]] = {name: [] for name in cases}
        for _ in range(args.runs):  # interleaved, so load on the machine hits all alike
            for name, code in cases.items():
                results[name].append(measure(code, env))
    base_time = statistics.median(t for t, _, _ in results["bare PySide6 window"])
    base_rss = statistics.median(r for _, r, _ in results["bare PySide6 window"])
    print(f"median of {args.runs} runs, platform {env['QT_QPA_PLATFORM']}")
    print(f"{'':24} {'time':>8} {'ratio':>7} {'peak RSS':>10} {'ratio':>7}")
    ratios = {}
    for name, samples in results.items():
        seconds = statistics.median(t for t, _, _ in samples)
        rss = statistics.median(r for _, r, _ in samples)
        ratios[name] = (seconds / base_time, rss / base_rss)
        print(
            f"{name:24} {seconds * 1000:6.0f}ms {seconds / base_time:6.2f}× "
            f"{rss:8.1f}MiB {rss / base_rss:6.2f}×"
        )
    reports = [_REPORT.search(output) for _, _, output in results["jdeditor, all loaded"]]
    found = [[int(value) for value in match.groups()] for match in reports if match]
    if found:
        busy, longest, wait = (statistics.median(column) for column in zip(*found, strict=True))
        print(
            f"after form ready: GUI thread busy {busy:.0f} ms, longest step {longest:.0f} ms, "
            f"longest wait for the event loop {wait:.0f} ms (medians)"
        )
    for name, goal, (ratio, _) in (
        ("first paint", 1.5, ratios["jdeditor, first paint"]),
        ("form ready", 2.0, ratios["jdeditor, form ready"]),
        ("peak memory at form ready", 1.6, ratios["jdeditor, form ready"][::-1]),
    ):
        verdict = "meets" if ratio <= goal else "MISSES"
        print(f"{name} {ratio:.2f}× the bare window: {verdict} the goal of ≤ {goal}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
