"""Tells the window when the preset folders may have changed: shared folders change under it.

A ``QFileSystemWatcher`` on each folder reports a change at once where the system delivers
notifications; network shares (SMB, NFS) and some sync clients often do not, so every
``POLL_MS`` each folder's own modification time is looked at (one stat per folder: a file added,
removed or replaced by a rename changes it), and every ``FULL_EVERY`` polls the folders are
listed again whatever it says (a file edited in place leaves the folder's time alone). A
notification's ``changed`` waits for a short pause, once for a burst (a sync client writes many
files at once). Listing again is cheap: the library reads only the files that changed (on a
share at 1 ms a stat, a warm list of 1,000 presets still takes about a second, which is why the
poll looks at the folders first), and the panel keeps its selection.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

POLL_MS = 30_000
"""How often the folders' own times are looked at, whatever the system reports (30 s)."""
FULL_EVERY = 10
"""Polls between two listings made whatever the folders' times say (5 minutes)."""
SETTLE_MS = 300
"""How long a burst of changes must pause before the list is refreshed."""


class PresetWatcher(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._schedule)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.changed)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self._folders: list[Path] = []
        self._stamps: list[int | None] = []
        self._polls = 0

    def watch(self, folders: Iterable[Path]) -> None:
        """Watch exactly ``folders``, as they are now (just listed); a missing one is seen by
        the poll when it appears."""
        self._folders = list(folders)
        self._stamps = self._stamp()
        wanted = {str(folder) for folder in self._folders if folder.is_dir()}
        watched = set(self._watcher.directories())
        if watched - wanted:
            self._watcher.removePaths(sorted(watched - wanted))
        if wanted - watched:
            self._watcher.addPaths(sorted(wanted - watched))
        if not self.poll_timer.isActive():
            self.poll_timer.start()

    def folders(self) -> list[str]:
        return self._watcher.directories()

    @Slot()
    def poll(self) -> None:
        """``changed`` when a folder's time says so, or when a full look is due."""
        self._polls += 1
        if self._polls >= FULL_EVERY or self._stamp() != self._stamps:
            self._polls = 0
            self.changed.emit()

    def _stamp(self) -> list[int | None]:
        stamps: list[int | None] = []
        for folder in self._folders:
            try:
                stamps.append(folder.stat().st_mtime_ns)
            except OSError:
                stamps.append(None)  # missing or unmounted: its return is a change
        return stamps

    @Slot(str)
    def _schedule(self, _folder: str) -> None:
        self._settle.start()
