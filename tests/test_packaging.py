"""The wheel carries the presets and resources: built, installed outside the tree, and run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_wheel_ships_presets_and_resources(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    (wheel,) = dist.glob("*.whl")  # built from the sdist, so the sdist is complete too

    names = zipfile.ZipFile(wheel).namelist()
    for preset in ["Agent", "Team Lead", "Manager", "Operations"]:
        assert f"jdeditor/presets/{preset}.jd.json" in names
    assert "jdeditor/resources/icons/jdeditor.svg" in names
    assert not [name for name in names if name.startswith(("tests/", "presets/", "resources/"))]

    # A throw-away venv outside the source tree. The wheel goes in without its dependencies,
    # which are borrowed from this interpreter's site-packages through a .pth line (a plain
    # path entry: .pth files there, such as an editable install of jdeditor, are not run).
    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    listing = subprocess.run(
        [str(target / "bin" / "jdeditor"), "presets", "list", "--json"],
        capture_output=True,
        text=True,
        cwd=run_dir,
        env=env,
        check=False,
    )
    assert listing.returncode == 0, listing.stderr
    presets = json.loads(listing.stdout)["presets"]
    assert [p["name"] for p in presets] == ["Agent", "Team Lead", "Manager", "Operations"]
    for preset in presets:
        assert Path(preset["path"]).is_relative_to(site), preset["path"]
