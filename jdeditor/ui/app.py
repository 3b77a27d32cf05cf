"""Start the window: check for a display and its libraries, create the application, show, load.

Only Qt is imported before the window is shown; the model, presets and form load right after
the first paint (``MainWindow.start``), and python-docx on the first export.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import platformdirs

from jdeditor import __version__
from jdeditor.ui._platform import xcb_libraries_problem

try:
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from jdeditor.ui.main_window import MainWindow
except ImportError:
    # Qt's own libraries link to system ones (libEGL, libfontconfig, libglib, …): on a minimal
    # system they fail to load right here, before run() can check. Name what to install
    # rather than show a traceback; an import error with every library present is re-raised.
    _problem = xcb_libraries_problem()
    if _problem is None:
        raise
    print(_problem, file=sys.stderr)
    raise SystemExit(2) from None

NO_DISPLAY = (
    "jdeditor: no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
    "The command line works without one: see 'jdeditor --help'."
)


def has_display() -> bool:
    """False on a Linux/BSD machine without X11 or Wayland, where Qt would abort."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True  # the user chose a platform (offscreen, vnc, …): trust it
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True  # Windows and macOS always have their native platform


def settings_path() -> Path:
    return platformdirs.user_config_path("jdeditor", appauthor=False) / "jdeditor.ini"


class FirstPaint(QObject):
    """Calls back once, right after the watched widget's first paint."""

    def __init__(self, callback: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._callback: Callable[[], object] | None = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)  # after this paint has finished
        return False


def run(path: Path | None = None, *, exit_after: str = "") -> int:
    """Open the window (with ``path`` if given) and run until it closes.

    For start-up benchmarks, ``exit_after="paint"`` quits as soon as the window has painted,
    ``"ready"`` once presets and form are loaded too.
    """
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    # Before QApplication: a missing X11 library makes Qt abort the process with a message
    # that names the wrong package; this names every missing one and exits like NO_DISPLAY.
    problem = xcb_libraries_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("jdeditor")
    app.setApplicationDisplayName("jdeditor")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("jdeditor")
    settings = QSettings(str(settings_path()), QSettings.Format.IniFormat)
    window = MainWindow(settings)

    def after_paint() -> None:
        if exit_after == "paint":
            app.quit()
            return
        window.start(path)
        if exit_after == "ready":
            app.quit()

    window.installEventFilter(FirstPaint(after_paint, window))
    window.show()
    return app.exec()
