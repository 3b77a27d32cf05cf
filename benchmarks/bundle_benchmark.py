"""The standalone app (the PyInstaller bundle) against the installed wheel, in the same run.

Whole-process start-up, for the bundle's ``jdeditor`` and for the ``jdeditor`` script of the
wheel installed beside this Python: command-line runs (``--version``; ``presets list``, which
loads and validates every preset; one Word export to standard output) and the window, from
process start until X11 maps it on the screen. And the size of each on disk: the bundle
folder against the installed distributions the wheel needs (Python itself not counted).
Ratios are bundle ÷ wheel, below 1× the bundle is faster or smaller. No goal: this compares.

Run with the Python of a venv that has jdeditor installed from its wheel (``pip install .``,
not editable; ``.ci/bundle.sh`` does this)::

    python benchmarks/bundle_benchmark.py --bundle dist/jdeditor [--runs N] [--archive]

The window is measured on X11 (Qt's xcb platform): without ``DISPLAY`` the script runs itself
again under ``xvfb-run``. The offscreen platform of ``startup_benchmark.py`` cannot be used:
its ``exit_after="paint"`` hook needs ``python -c``, which a bundle has no way to run.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib.metadata
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from packaging.requirements import Requirement

MAP_NOTIFY = 19  # X11 event types and masks (X.h)
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
WINDOW_TIMEOUT = 30.0


class XMapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("map", XMapEvent), ("pad", ctypes.c_long * 24)]


class XClassHint(ctypes.Structure):
    # Pointers, not c_char_p: Xlib allocated the strings, and XFree needs them back.
    _fields_ = [("res_name", ctypes.c_void_p), ("res_class", ctypes.c_void_p)]


class WindowWatch:
    """Tells when a top-level window of class ``jdeditor`` is mapped on this X display: the
    X server's MapNotify event, read as it arrives (polling with xdotool, as the smoke test
    does, would add up to its interval to every sample)."""

    def __init__(self) -> None:
        self._x11 = ctypes.CDLL("libX11.so.6")
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self._x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self._x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        self._x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
        self._x11.XPending.argtypes = [ctypes.c_void_p]
        self._x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
        self._x11.XFlush.argtypes = [ctypes.c_void_p]
        self._x11.XGetClassHint.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(XClassHint),
        ]
        self._x11.XFree.argtypes = [ctypes.c_void_p]
        self._display = self._x11.XOpenDisplay(None)
        if not self._display:
            raise SystemExit(f"cannot open X display {os.environ.get('DISPLAY')!r}")
        root = self._x11.XDefaultRootWindow(self._display)
        self._x11.XSelectInput(self._display, root, SUBSTRUCTURE_NOTIFY_MASK)
        self._x11.XFlush(self._display)
        self._fd = self._x11.XConnectionNumber(self._display)

    def _events(self) -> Iterator[XEvent]:
        while self._x11.XPending(self._display):
            event = XEvent()
            self._x11.XNextEvent(self._display, ctypes.byref(event))
            yield event

    def _class(self, window: int) -> str:
        hint = XClassHint()
        if not self._x11.XGetClassHint(self._display, window, ctypes.byref(hint)):
            return ""
        name = ctypes.string_at(hint.res_class).decode(errors="replace") if hint.res_class else ""
        for pointer in (hint.res_name, hint.res_class):
            if pointer:
                self._x11.XFree(pointer)
        return name

    def discard(self) -> None:
        """Forgets the events so far (the previous sample's windows)."""
        for _ in self._events():
            pass

    def wait_mapped(self, name: str, process: subprocess.Popen[bytes], deadline: float) -> None:
        """Returns once a jdeditor window is mapped; fails if ``process`` ends or time is up."""
        while time.perf_counter() < deadline:
            for event in self._events():
                mapped = event.map
                if (
                    event.type == MAP_NOTIFY
                    and not mapped.override_redirect
                    and self._class(mapped.window) == "jdeditor"
                ):
                    return
            if process.poll() is not None:
                raise SystemExit(f"{name}: exited with {process.returncode} before a window")
            select.select([self._fd], [], [], 0.05)
        raise SystemExit(f"{name}: no window after {WINDOW_TIMEOUT:.0f} s")


def time_command(command: list[str], env: dict[str, str]) -> float:
    """Seconds from start to exit of ``command`` (which must succeed)."""
    start = time.perf_counter()
    done = subprocess.run(
        command, check=False, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(
            f"{command}: exit {done.returncode}\n{done.stderr.decode(errors='replace')}"
        )
    return elapsed


def time_window(executable: str, env: dict[str, str], watch: WindowWatch) -> float:
    """Seconds from process start until its window is mapped; the process is then ended."""
    watch.discard()
    start = time.perf_counter()
    process = subprocess.Popen(
        [executable],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        watch.wait_mapped(executable, process, start + WINDOW_TIMEOUT)
        return time.perf_counter() - start
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)


def folder_size(folder: Path) -> int:
    """Bytes on disk (allocated blocks, as ``du``) of every file under ``folder``."""
    return sum(path.lstat().st_blocks * 512 for path in folder.rglob("*") if not path.is_dir())


def wheel_size(name: str = "jdeditor") -> tuple[int, int]:
    """(bytes on disk, distributions) of ``name`` as installed and of every distribution it
    requires, with the extras it asks for (pydantic[email] → email-validator)."""
    sizes: dict[str, int] = {}
    visited: set[tuple[str, frozenset[str]]] = set()
    pending = [(name, frozenset[str]())]
    while pending:
        requirement, extras = pending.pop()
        distribution = importlib.metadata.distribution(requirement)
        key = distribution.metadata["Name"].lower().replace("_", "-")
        if (key, extras) in visited:
            continue
        visited.add((key, extras))
        if key not in sizes:
            paths = (Path(str(distribution.locate_file(file))) for file in distribution.files or [])
            sizes[key] = sum(path.lstat().st_blocks * 512 for path in paths if path.is_file())
        environments = [{"extra": extra} for extra in sorted(extras)] or [{"extra": ""}]
        for line in distribution.requires or []:
            needed = Requirement(line)
            if needed.marker is None or any(needed.marker.evaluate(e) for e in environments):
                pending.append((needed.name, frozenset(needed.extras)))
    return sum(sizes.values()), len(sizes)


def archive_size(folder: Path) -> int:
    """Bytes of the folder as a .tar.gz, what a download would be."""
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch, "bundle.tar.gz")
        with tarfile.open(target, "w:gz") as archive:
            archive.add(folder, arcname=folder.name)
        return target.stat().st_size


def under_xvfb() -> None:
    """Runs this script again under xvfb-run when there is no X display to measure on."""
    if os.environ.get("DISPLAY") or os.environ.get("JDEDITOR_BENCHMARK_NO_XVFB"):
        return
    if shutil.which("xvfb-run") is None:
        raise SystemExit("no DISPLAY, and xvfb-run is not installed (Debian: xvfb)")
    os.environ["JDEDITOR_BENCHMARK_NO_XVFB"] = "1"  # no second round if Xvfb sets no DISPLAY
    command = ["xvfb-run", "-a", "--server-args=-screen 0 1280x900x24 -nolisten tcp"]
    os.execvp(command[0], [*command, sys.executable, *sys.argv])


def interleaved(cases: dict[str, Callable[[], float]], runs: int) -> dict[str, list[float]]:
    """Each case once to warm the file cache, then ``runs`` rounds of every case in turn, so
    load on the machine hits all alike."""
    for measure in cases.values():
        measure()
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, measure in cases.items():
            samples[name].append(measure())
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the bundle folder")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--archive", action="store_true", help="also the .tar.gz size (~10 s)")
    args = parser.parse_args()
    bundle = args.bundle.resolve() / "jdeditor"
    wheel = Path(sys.executable).with_name("jdeditor")
    for executable in (bundle, wheel):
        if not os.access(executable, os.X_OK):
            raise SystemExit(f"{executable} is missing: build the bundle / pip install . first")
    under_xvfb()

    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "HOME": home,
            "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_DATA_HOME": f"{home}/data",
            "XDG_STATE_HOME": f"{home}/state",
            "XDG_CACHE_HOME": f"{home}/cache",
            "QT_QPA_PLATFORM": "xcb",
            "LANG": "C.UTF-8",
        }
        for name in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "LC_ALL", "LANGUAGE"):
            env.pop(name, None)
        watch = WindowWatch()
        commands = {
            "--version": ["--version"],
            "presets list": ["presets", "list"],
            "export Agent → .docx": ["export", "Agent", "-o", "-"],
        }
        cases: dict[str, Callable[[], float]] = {}
        for label, arguments in commands.items():
            for kind, executable in (("wheel", wheel), ("bundle", bundle)):
                command = [str(executable), *arguments]
                cases[f"{label}|{kind}"] = partial(time_command, command, env)
        for kind, executable in (("wheel", wheel), ("bundle", bundle)):
            cases[f"window on screen|{kind}"] = partial(time_window, str(executable), env, watch)
        samples = interleaved(cases, args.runs)

    print(f"median of {args.runs} runs; bundle {args.bundle}, wheel {wheel.parent.parent}")
    print(f"{'start-up, whole process':26} {'wheel':>8} {'bundle':>8} {'ratio':>7}")
    for label in [*commands, "window on screen"]:
        wheel_time = statistics.median(samples[f"{label}|wheel"])
        bundle_time = statistics.median(samples[f"{label}|bundle"])
        print(
            f"{label:26} {wheel_time * 1000:6.0f}ms {bundle_time * 1000:6.0f}ms "
            f"{bundle_time / wheel_time:6.2f}×"
        )
    bundle_bytes = folder_size(args.bundle)
    wheel_bytes, distributions = wheel_size()
    mib = 1024 * 1024
    print(f"{'size on disk':26} {'wheel':>8} {'bundle':>8} {'ratio':>7}")
    print(
        f"{'installed':26} {wheel_bytes / mib:5.0f}MiB {bundle_bytes / mib:5.0f}MiB "
        f"{bundle_bytes / wheel_bytes:6.2f}×  (wheel: {distributions} distributions, "
        "without Python)"
    )
    if args.archive:
        print(f"{'bundle as .tar.gz':26} {'':8} {archive_size(args.bundle) / mib:5.0f}MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
