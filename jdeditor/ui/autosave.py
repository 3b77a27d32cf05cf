"""Never lose work: the open document is written to the state folder a few seconds after each
change, and the next start offers it back if the program did not close cleanly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QObject, QTimer, Signal

from jdeditor.draft import Draft
from jdeditor.files import DocumentError, atomic_write

DELAY_MS = 3000
"""Seconds after the last change: often enough to lose little, rarely enough to cost nothing."""


def default_autosave_path() -> Path:
    return platformdirs.user_state_path("jdeditor", appauthor=False) / "autosave.json"


@dataclass(frozen=True, slots=True)
class Recovered:
    draft: Draft
    file_path: Path | None
    origin: str
    saved_at: float


class Autosave(QObject):
    failed = Signal(str)

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path or default_autosave_path()
        self._pending: dict[str, Any] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.write_now)

    def schedule(self, draft: Draft, file_path: Path | None, origin: str) -> None:
        """Write ``draft`` after a pause; a later call before then replaces it."""
        self._pending = {
            "autosave_version": 1,
            "file": str(file_path) if file_path else None,
            "origin": origin,
            "draft": draft,
        }
        self._timer.start()

    def write_now(self) -> None:
        self._timer.stop()
        if self._pending is None:
            return
        data = json.dumps(self._pending, ensure_ascii=False, indent=1).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, data)
        except (OSError, DocumentError) as error:
            self.failed.emit(str(error))
            return
        self._pending = None

    def clear(self) -> None:
        """The document is saved or deliberately discarded: nothing to recover."""
        self._timer.stop()
        self._pending = None
        self.path.unlink(missing_ok=True)

    def recover(self) -> Recovered | None:
        """What the last session left behind, or None (also for an unreadable leftover)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            draft = data["draft"]
            if not isinstance(draft, dict):
                return None
            file = data.get("file")
            return Recovered(
                draft,
                Path(file) if file else None,
                str(data.get("origin") or ""),
                self.path.stat().st_mtime,
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
