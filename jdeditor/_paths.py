"""Where the shipped data lives: inside the installed package, or beside it in a source tree.

The wheel places the top-level ``presets/`` and ``resources/`` folders inside the ``jdeditor``
package (see ``pyproject.toml``); a source checkout or an editable install keeps them at the
top of the repository. Paths are found from this file, never from the working directory.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped_folder(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"jdeditor is installed without its {name!r} folder ({_PACKAGE})")


def presets_dir() -> Path:
    return _shipped_folder("presets")


def resources_dir() -> Path:
    return _shipped_folder("resources")
