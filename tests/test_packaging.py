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

ENGLISH = ["Agent", "Team Lead", "Manager", "Operations"]
CHINESE = ["呼叫中心客服专员", "呼叫中心组长", "呼叫中心经理", "呼叫中心运营经理"]


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
    for preset in [*ENGLISH, *CHINESE]:
        assert f"jdeditor/presets/{preset}.jd.json" in names
    assert "jdeditor/resources/icons/jdeditor.svg" in names
    # The translations, compiled by the build from sources the sdist carries (it leaves out
    # the compiled files of this tree, which git ignores).
    for compiled in (
        "jdeditor/resources/locale/zh_CN/LC_MESSAGES/posting.mo",
        "jdeditor/resources/locale/zh_CN/LC_MESSAGES/messages.mo",
        "jdeditor/resources/locale/zh_CN/LC_MESSAGES/rules.mo",
        "jdeditor/resources/translations/jdeditor_zh_CN.qm",
    ):
        assert compiled in names
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
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LC_ALL", "LANGUAGE")}
    env["LANG"] = "C.UTF-8"  # an English-speaking user: English presets first
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
    assert [p["name"] for p in presets] == [*ENGLISH, *CHINESE]
    for preset in presets:
        assert Path(preset["path"]).is_relative_to(site), preset["path"]
    shown = subprocess.run(
        [str(target / "bin" / "jdeditor"), "presets", "show", CHINESE[0]],
        capture_output=True,
        text=True,
        cwd=run_dir,
        env=env,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    assert "岗位职责" in shown.stdout and "Responsibilities" not in shown.stdout
