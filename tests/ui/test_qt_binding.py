"""Guards against a Qt binding that corrupts Python's reference counts (PySide6 6.12.0).

Every bool passed through a signal lost a reference to True/False; after enough clicks Python
3.11 aborts with "bool_dealloc: deallocating True or False". pyproject.toml excludes 6.12.0.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    flag = Signal(bool)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True and False are immortal from 3.12")
def test_bool_signals_keep_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    seen: list[bool] = []
    emitter.flag.connect(seen.append)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.flag.emit(True)
    seen.clear()
    # A reference or two may be held by caches; the bug lost one per emission (-200).
    assert sys.getrefcount(True) - before > -10
