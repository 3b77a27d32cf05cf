"""The build step that compiles translations: gettext ``.po`` → ``.mo`` (babel) for the core's
catalogues and Qt ``.ts`` → ``.qm`` (``pyside6-lrelease``) for the window.

Compiled files are build output: they are written beside their sources in ``resources/`` (so an
editable install finds them too), ignored by git, and shipped in the wheel with ``resources/``.
A source that does not compile fails the build rather than shipping a window in English.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # run as a script (python packaging/hatch_build.py) to compile in place
    BuildHookInterface = object

_PLACEHOLDER = re.compile(r"\{(\w*)\}")
_LRELEASE = (
    "import sys; from PySide6.scripts.pyside_tool import lrelease; "
    "sys.argv = ['lrelease', *sys.argv[1:]]; lrelease()"
)


_STRING_LINE = re.compile(r'(?:msg\w+(?:\[\d+\])?\s+)?"(?:[^"\\]|\\.)*"')


def _check_strings(po: Path) -> None:
    """Every string line of ``po`` is closed: babel reads an unclosed one as the string less
    its last character, without a word."""
    for number, raw in enumerate(po.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith(("msg", '"')) and not _STRING_LINE.fullmatch(line):
            raise RuntimeError(f"{po}, line {number}: not a closed string: {line[:60]}")


def compile_catalogues(resources: Path) -> list[Path]:
    """Compiles every catalogue under ``resources``; returns the files written."""
    written = []
    for po in sorted((resources / "locale").glob("*/LC_MESSAGES/*.po")):
        _check_strings(po)
        with po.open("rb") as source:
            # A syntax error fails the build (babel would otherwise drop the line and go on).
            catalogue = read_po(source, locale=po.parent.parent.name, abort_invalid=True)
        for message in catalogue:
            wanted = set(_PLACEHOLDER.findall(str(message.id)))
            if (
                message.id
                and message.string
                and set(_PLACEHOLDER.findall(str(message.string))) != wanted
            ):
                raise RuntimeError(
                    f"{po}: the translation of {message.id!r} must keep the placeholders "
                    f"{sorted(wanted)}"
                )
        mo = po.with_suffix(".mo")
        with mo.open("wb") as target:
            write_mo(target, catalogue, use_fuzzy=False)
        written.append(mo)
    for ts in sorted((resources / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        command = [sys.executable, "-c", _LRELEASE, "-silent", str(ts), "-qm", str(qm)]
        subprocess.run(command, check=True)
        if not qm.is_file():
            raise RuntimeError(f"{ts}: pyside6-lrelease wrote no {qm.name}")
        written.append(qm)
    return written


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        compile_catalogues(Path(self.root) / "resources")


if __name__ == "__main__":
    for path in compile_catalogues(Path(__file__).resolve().parent.parent / "resources"):
        print(path)
