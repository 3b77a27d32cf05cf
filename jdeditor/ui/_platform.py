"""The system libraries Qt's X11 (xcb) platform needs, and a check that they load.

The PySide6 wheel ships Qt but not the X11, OpenGL and font libraries Qt links against. When
one is missing, Qt aborts the process and its message names only ``libxcb-cursor0``, however
many are missing; asking the dynamic loader first lets jdeditor name them all, with the
packages to install, and exit with code 2. Qt-free (ctypes only): it runs before Qt starts.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple


class SystemLibrary(NamedTuple):
    soname: str
    debian_package: str


# Every library that `readelf -d` lists as NEEDED by plugins/platforms/libqxcb.so and by the
# wheel's Qt libraries it pulls in (libQt6XcbQpa, libQt6Gui, libQt6Core, libQt6DBus, ICU),
# minus those found in the wheel itself; packages from `dpkg -S` on Debian 12 (PySide6 6.11).
# Left out because every Debian and Ubuntu system has them (apt itself needs them): libc6
# (libc, libm, libdl, libpthread, ld-linux), libstdc++6, libgcc-s1, zlib1g, libzstd1.
# Their own dependencies (libXau, libxcb-glx, Mesa drivers, a font, …) come with these
# packages, and a library whose dependency is missing fails to load too, so it is reported.
XCB_LIBRARIES: tuple[SystemLibrary, ...] = (
    SystemLibrary("libxcb.so.1", "libxcb1"),
    SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0"),
    SystemLibrary("libxcb-icccm.so.4", "libxcb-icccm4"),
    SystemLibrary("libxcb-image.so.0", "libxcb-image0"),
    SystemLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    SystemLibrary("libxcb-randr.so.0", "libxcb-randr0"),
    SystemLibrary("libxcb-render.so.0", "libxcb-render0"),
    SystemLibrary("libxcb-render-util.so.0", "libxcb-render-util0"),
    SystemLibrary("libxcb-shape.so.0", "libxcb-shape0"),
    SystemLibrary("libxcb-shm.so.0", "libxcb-shm0"),
    SystemLibrary("libxcb-sync.so.1", "libxcb-sync1"),
    SystemLibrary("libxcb-util.so.1", "libxcb-util1"),
    SystemLibrary("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    SystemLibrary("libxcb-xkb.so.1", "libxcb-xkb1"),
    SystemLibrary("libxkbcommon.so.0", "libxkbcommon0"),
    SystemLibrary("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    SystemLibrary("libX11.so.6", "libx11-6"),
    SystemLibrary("libX11-xcb.so.1", "libx11-xcb1"),
    SystemLibrary("libGL.so.1", "libgl1"),
    SystemLibrary("libEGL.so.1", "libegl1"),
    SystemLibrary("libfontconfig.so.1", "libfontconfig1"),
    SystemLibrary("libfreetype.so.6", "libfreetype6"),
    SystemLibrary("libglib-2.0.so.0", "libglib2.0-0"),
    SystemLibrary("libgthread-2.0.so.0", "libglib2.0-0"),
    SystemLibrary("libdbus-1.so.3", "libdbus-1-3"),
)


def loads_library(soname: str) -> bool:
    """True if the dynamic loader finds ``soname`` and everything it needs.

    The same search Qt's loader will do (LD_LIBRARY_PATH, ld.so.cache), about 0.1 ms a
    library; ``ctypes.util.find_library`` would run ``ldconfig`` in a subprocess instead.
    """
    # Imported here: only a start on X11 needs it, and every start pays for its imports.
    import ctypes  # noqa: PLC0415

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str], platform: str) -> bool:
    """True if Qt will start its X11 (xcb) platform plugin in this environment.

    As Qt decides: ``QT_QPA_PLATFORM`` wins (its first choice, without options); else X11
    when ``DISPLAY`` is set, unless a Wayland session is running, which Qt 6 prefers.
    """
    if not platform.startswith("linux"):
        # The sonames above are Linux ones (a BSD numbers them differently), and Windows and
        # macOS have their own platforms: never refuse to start on a guess.
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0].strip() == "xcb"
    on_wayland = (
        bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"
    )
    return bool(environ.get("DISPLAY")) and not on_wayland


def missing_libraries(
    libraries: Iterable[SystemLibrary] = XCB_LIBRARIES,
    can_load: Callable[[str], bool] | None = None,
) -> list[SystemLibrary]:
    """The ``libraries`` that ``can_load`` (default: :func:`loads_library`) cannot load."""
    # Looked up at call time, so a test can swap the module's loader with monkeypatch.
    load = can_load or loads_library
    return [library for library in libraries if not load(library.soname)]


def missing_libraries_message(missing: Iterable[SystemLibrary]) -> str:
    """What to tell the user: the files that are missing and one command that installs them."""
    missing = list(missing)
    packages = list(dict.fromkeys(library.debian_package for library in missing))
    return (
        "jdeditor: the window cannot open: Qt's X11 platform needs system libraries that "
        "are not installed:\n"
        f"{_indented(', '.join(library.soname for library in missing))}\n"
        "On Debian or Ubuntu install them with:\n"
        # One line however long, so that it can be copied and pasted as it is.
        f"  sudo apt install {' '.join(packages)}\n"
        "(on other systems, install the packages that provide these files).\n"
        "The command line works without them: see 'jdeditor --help'."
    )


def _indented(text: str) -> str:
    # Imported here: needed only when something is missing.
    import textwrap  # noqa: PLC0415

    return textwrap.fill(
        text, width=92, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
    )


def xcb_libraries_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    can_load: Callable[[str], bool] | None = None,
) -> str | None:
    """The message to print if Qt is about to use X11 and a library it needs is missing.

    None when nothing is missing or when Qt will not use X11 (offscreen, Wayland, Windows,
    macOS), in which case nothing is loaded. Defaults: this process's environment and system.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not uses_xcb(environ, platform):
        return None
    missing = missing_libraries(XCB_LIBRARIES, can_load)
    return missing_libraries_message(missing) if missing else None
