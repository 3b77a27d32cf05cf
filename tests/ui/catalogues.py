"""The catalogues a test of the window in Chinese runs with, compiled fresh from their sources.

The build compiles them beside their sources (``packaging/hatch_build.py``); a test compiles its
own into a temporary folder instead, so a stale or missing build can neither hide a missing
translation nor fail a test for a reason that is not in the sources.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from jdeditor import i18n
from tests.conftest import REPO

TRANSLATIONS = REPO / "resources" / "translations"
TS = TRANSLATIONS / "jdeditor_zh_CN.ts"
LOCALE = REPO / "resources" / "locale"
TOOLS = Path(sys.executable).parent


def has_catalogue(domain: i18n.Domain, language: str = "zh_CN") -> bool:
    """Whether the core's ``domain`` has a source catalogue for ``language`` yet."""
    return (LOCALE / language / "LC_MESSAGES" / f"{domain}.po").is_file()


def compile_window_catalogue(folder: Path, ts: Path = TS) -> Path:
    """``jdeditor_zh_CN.qm`` in ``folder``, made by pyside6-lrelease from ``ts``."""
    folder.mkdir(parents=True, exist_ok=True)
    qm = folder / ts.with_suffix(".qm").name
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    return qm


def compile_core_catalogues(folder: Path, language: str = "zh_CN") -> Path:
    """The core's catalogues of ``language`` compiled into ``folder`` (a ``locale`` folder).

    A domain without a source yet gets an empty catalogue: its sentences stay English.
    """
    for domain in i18n.Domain:
        target = folder / language / "LC_MESSAGES" / f"{domain}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        source = LOCALE / language / "LC_MESSAGES" / f"{domain}.po"
        if source.is_file():
            with source.open("rb") as po:
                catalogue = read_po(po, locale=language)
        else:
            catalogue = Catalog(locale=language)
        with target.open("wb") as mo:
            write_mo(mo, catalogue, use_fuzzy=False)
    return folder


def compile_all(folder: Path) -> tuple[Path, Path]:
    """Both kinds compiled under ``folder``: (the window's translations, the core's locale)."""
    translations = folder / "translations"
    compile_window_catalogue(translations)
    return translations, compile_core_catalogues(folder / "locale")
