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
from jdeditor.files import DocumentError, atomic_write, describe_os_error, read_json_file

MAX_AUTOSAVE_BYTES = 4 * 1024 * 1024
"""A draft is a posting plus a few keys; the posting reader's own bound with room to spare."""

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
        self._held = False
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
        try:
            data = json.dumps(self._pending, ensure_ascii=False, indent=1).encode("utf-8")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, data)
        except UnicodeEncodeError:
            self.failed.emit(self.tr("the posting contains a character that is not text"))
            return
        except (OSError, DocumentError) as error:
            self.failed.emit(str(error))
            return
        self._pending = None

    def hold(self) -> None:
        """Keep the file on disk whatever happens until ``release``: the user has not yet
        answered whether to recover it, and a crash before they do must not lose it."""
        self._held = True

    def release(self) -> None:
        self._held = False

    def clear(self) -> None:
        """The document is saved or deliberately discarded: nothing to recover."""
        self._timer.stop()
        self._pending = None
        if not self._held:
            self.path.unlink(missing_ok=True)

    def recover(self) -> Recovered | None:
        """What the last session left behind, or None when it left nothing.

        Raises ``DocumentError`` for a leftover that cannot be read; it is left in place.
        """
        if not self.path.exists() and not self.path.is_symlink():
            return None
        data = read_json_file(self.path, MAX_AUTOSAVE_BYTES, "an autosave")
        draft, file, origin = data.get("draft"), data.get("file"), data.get("origin")
        if not isinstance(draft, dict):
            raise DocumentError(self.path, self.tr("holds no posting to recover"))
        try:
            saved_at = self.path.stat().st_mtime
        except OSError as error:
            raise DocumentError(
                self.path,
                self.tr("cannot be read: {reason}").format(reason=describe_os_error(error)),
            ) from None
        return Recovered(
            draft,
            Path(file) if isinstance(file, str) and file else None,
            origin if isinstance(origin, str) else "",
            saved_at,
        )
