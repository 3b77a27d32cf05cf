"""A team folder of 1,000 presets: listing it and opening one, cold and warm, on a fast disk
and on a simulated slow one, against a baseline measured in the same run.

The folder is made from the built-ins under varied names (with a Chinese one in every eight),
each posting's title changed so no two files are alike. The baseline is what any reader
pays at least: open each file, read its bytes and ``json.loads`` them (no validation).

- *cold*: a new library (nothing cached): every file is stat'ed, read, parsed and validated.
- *warm*: the same library again, nothing changed: every file is stat'ed, none is read.
- *open one*: ``get()`` of one team preset, cold (a new library: it lists first) and warm
  (a stat of that one file).
- *slow disk*: every ``os.stat``, ``os.open`` and listing in the team folder sleeps ``SLOW_MS``
  first, as a file server would (the baseline pays it per open too).

Run: ``python benchmarks/presets_benchmark.py [COUNT] [SLOW_MS]`` (defaults: 1000 and 1).
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jdeditor.library import PresetLibrary, preset_file_name
from jdeditor.preset_sources import TeamFolder

RUNS_COLD, RUNS_WARM = 5, 15
TEAM = "Bench"


def _make_folder(folder: Path, count: int) -> list[str]:
    built_ins = [p.document for p in PresetLibrary(team_folders=[]).list_presets().presets]
    names = []
    for number in range(count):
        base = built_ins[number % len(built_ins)]
        name = f"{base.title} {number + 1:04}"
        document = base.model_copy(update={"title": f"{base.title} (team {number + 1})"})
        (folder / preset_file_name(name)).write_text(document.to_json(), encoding="utf-8")
        names.append(name)
    return names


def _baseline(folder: Path) -> None:
    for path in folder.iterdir():
        handle = os.open(path, os.O_RDONLY)
        try:
            data = os.read(handle, 1 << 20)
        finally:
            os.close(handle)
        json.loads(data)


def _library(folder: Path) -> PresetLibrary:
    return PresetLibrary(user_dir=folder.parent / "mine", team_folders=[TeamFolder(folder, TEAM)])


def _median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()  # the last run's thousand postings are not this run's to free
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


@contextmanager
def _slow_disk(folder: Path, milliseconds: float) -> Iterator[None]:
    """Every stat, open and listing of ``folder`` or a file in it waits ``milliseconds`` first
    (the rest of the disk, Python's and babel's files, stays as fast as it is)."""
    delay, slow = milliseconds / 1000, os.fsencode(folder)
    originals: dict[str, Any] = {
        name: getattr(os, name) for name in ("stat", "open", "listdir", "scandir")
    }

    def slowed(function: Callable[..., Any]) -> Callable[..., Any]:
        def call(path: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(path, str | bytes | os.PathLike) and os.fsencode(path).startswith(slow):
                time.sleep(delay)
            return function(path, *args, **kwargs)

        return call

    for name, function in originals.items():
        setattr(os, name, slowed(function))
    try:
        yield
    finally:
        for name, function in originals.items():
            setattr(os, name, function)


def _measure(folder: Path, one: str) -> dict[str, float]:
    runs_cold = RUNS_COLD
    baseline = _median_ms(lambda: _baseline(folder), runs_cold)
    cold = _median_ms(lambda: _library(folder).list_presets(), runs_cold)
    warm_library = _library(folder)
    warm_library.list_presets()
    warm = _median_ms(warm_library.list_presets, RUNS_WARM)
    open_cold = _median_ms(lambda: _library(folder).get(one), runs_cold)
    open_warm = _median_ms(lambda: warm_library.get(one), RUNS_WARM)
    return {
        "read + json.loads each file (baseline)": baseline,
        "list, cold (new library)": cold,
        "list, warm (nothing changed)": warm,
        "open one, cold (new library)": open_cold,
        "open one, warm": open_warm,
    }


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    slow_ms = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    with tempfile.TemporaryDirectory() as home:
        folder = Path(home) / "team"
        folder.mkdir()
        names = _make_folder(folder, count)
        one = f"team:{TEAM}/{names[count // 2]}"
        parses = _library(folder)
        parses.list_presets()
        parses.list_presets()
        parses.get(one)
        print(f"{count} presets in one team folder; files read and validated by a list, a second")
        print(f"list and an open: {parses.parses} (the built-ins' included)")
        fast = _measure(folder, one)
        with _slow_disk(folder, slow_ms):
            slow = _measure(folder, one)
    print(f"\nmedian of {RUNS_COLD} cold / {RUNS_WARM} warm runs (ms); × is against the baseline")
    print(
        f"{'':<40} {'fast disk':>10} {'×':>7}   {f'slow disk ({slow_ms:g} ms/call)':>22} {'×':>7}"
    )
    fast_base = fast["read + json.loads each file (baseline)"]
    slow_base = slow["read + json.loads each file (baseline)"]
    for what in fast:
        print(
            f"{what:<40} {fast[what]:>10.1f} {fast[what] / fast_base:>6.2f}×   "
            f"{slow[what]:>22.1f} {slow[what] / slow_base:>6.2f}×"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
