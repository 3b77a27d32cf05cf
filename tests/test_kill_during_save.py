"""Kill -9 at random moments of a save: the file is always one whole version, a preset is
always one file, and the temporary files the killed writers left are gone after the next save."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from jdeditor.files import atomic_write
from jdeditor.library import PresetLibrary, name_key
from tests.conftest import REPO

ROUNDS = 40
"""About 40 ms a round (a Python start and a random wait); the property needs no more."""

_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from jdeditor.files import atomic_write
    from jdeditor.library import PresetLibrary
    from jdeditor.model import JobDescription

    folder = Path(sys.argv[1])
    library = PresetLibrary(folder / "presets")
    posting = JobDescription(title="Night", responsibilities=("Answer calls",))
    print("ready", flush=True)
    for number in range(10**9):
        # Large enough that a kill often lands inside the write, not between writes.
        atomic_write(folder / "posting.bin", bytes([number % 251]) * 3_000_000)
        name = "night shift" if number % 2 else "Night Shift"
        library.save_user_preset(name, posting, overwrite=True)
    """
)


@pytest.mark.slow
def test_kill_during_save_loses_nothing(tmp_path: Path) -> None:
    target = tmp_path / "posting.bin"
    atomic_write(target, bytes([250]) * 3_000_000)
    library = PresetLibrary(tmp_path / "presets")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    chance = random.Random(8)
    for _ in range(ROUNDS):
        writer = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(tmp_path)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline() == b"ready\n"
        time.sleep(chance.uniform(0, 0.03))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        data = target.read_bytes()
        assert len(data) == 3_000_000 and data == bytes([data[0]]) * 3_000_000
        listing = library.list_presets()
        assert listing.skipped == []
        nights = [p for p in listing.presets if name_key(p.name) == "night shift"]
        assert len(nights) <= 1  # never two files for one preset
    leftovers = list(tmp_path.rglob(".jdeditor-*.tmp"))
    # The next save in each folder cleans up after the dead writers.
    atomic_write(target, b"final")
    library.save_user_preset("Night Shift", library.get("night shift").document, overwrite=True)
    assert not list(tmp_path.rglob(".jdeditor-*.tmp")), f"{len(leftovers)} were left before"
    print(f"{len(leftovers)} temporary files left by {ROUNDS} kills, none after the next saves")
