"""The X11 library check: which libraries, when it runs, what it says. No Qt needed."""

from __future__ import annotations

import struct
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from jdeditor import cli
from jdeditor.ui import _platform
from jdeditor.ui._platform import XCB_LIBRARIES, SystemLibrary
from tests.conftest import REPO

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 on Linux")


def loader_without(*sonames: str) -> Callable[[str], bool]:
    """A fake dynamic loader that loads everything except ``sonames``."""
    return lambda soname: soname not in sonames


def refusing_loader(soname: str) -> bool:
    raise AssertionError(f"the check ran and tried to load {soname}")


X11 = {"DISPLAY": ":0"}


def test_missing_libraries_are_named_with_the_command_that_installs_them() -> None:
    message = _platform.xcb_libraries_problem(
        X11, "linux", loader_without("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    )
    assert message is not None
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1\n" in message
    assert "libxcb-cursor" not in message  # only what is missing, unlike Qt's own message


def test_a_package_with_two_missing_libraries_is_named_once() -> None:
    message = _platform.xcb_libraries_problem(
        X11, "linux", loader_without("libglib-2.0.so.0", "libgthread-2.0.so.0")
    )
    assert message is not None
    assert "sudo apt install libglib2.0-0\n" in message


def test_nothing_missing_means_no_message() -> None:
    assert _platform.xcb_libraries_problem(X11, "linux", loader_without()) is None


@pytest.mark.parametrize(
    ("environment", "platform"),
    [
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux"),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"}, "linux"),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, "linux"),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux"),  # Qt 6 prefers Wayland
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}, "linux"),
        ({}, "linux"),  # no display at all: run() says so before this check
        ({"DISPLAY": ":0"}, "win32"),
        ({"DISPLAY": ":0"}, "darwin"),
        ({"DISPLAY": ":0"}, "freebsd14"),  # sonames differ there: no guessing
    ],
)
def test_not_checked_when_qt_will_not_use_x11(environment: dict[str, str], platform: str) -> None:
    assert _platform.xcb_libraries_problem(environment, platform, refusing_loader) is None


@pytest.mark.parametrize(
    "environment",
    [
        {"DISPLAY": ":0"},
        {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"},
        {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"},
        {"QT_QPA_PLATFORM": "xcb:nograb;offscreen"},  # options after ':', fallbacks after ';'
    ],
)
def test_checked_when_qt_will_use_x11(environment: dict[str, str]) -> None:
    assert _platform.uses_xcb(environment, "linux")
    message = _platform.xcb_libraries_problem(environment, "linux", loader_without("libxcb.so.1"))
    assert message is not None and "libxcb1" in message


def test_command_line_never_checks(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Sub-commands work on a machine without the X11 libraries: they never load Qt."""
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(_platform, "loads_library", refusing_loader)
    assert cli.main(["presets", "list"]) == 0
    assert "Agent" in capsys.readouterr().out


@linux_only
def test_real_loader() -> None:
    assert _platform.loads_library("libc.so.6")
    assert not _platform.loads_library("libjdeditor-no-such-library.so.0")


@linux_only
def test_every_library_loads_on_this_machine() -> None:
    """Fails where the packages are not installed: `.ci/run` installs them on Debian."""
    missing = _platform.missing_libraries()
    assert missing == [], _platform.missing_libraries_message(missing)


def test_ci_installs_every_package() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").split()
    assert [lib.debian_package for lib in XCB_LIBRARIES if lib.debian_package not in ci] == []


# Every Debian and Ubuntu system has these (apt needs them): not worth a check or a README line.
BASE_SYSTEM = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1"}
BASE_SYSTEM |= {"libstdc++.so.6", "libgcc_s.so.1", "libz.so.1", "libzstd.so.1"}


@linux_only
def test_list_matches_what_the_installed_qt_needs() -> None:
    """A PySide6 upgrade that links a new system library fails here until the list has it."""
    pyside = pytest.importorskip("PySide6")
    qt = Path(pyside.__file__).parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file() or _elf_needed(plugin) is None:
        pytest.skip("no 64-bit little-endian xcb plugin in this PySide6")
    system = _system_libraries_needed(plugin, qt / "lib")
    system = {so for so in system if so not in BASE_SYSTEM and not so.startswith("ld-linux")}
    assert system == {library.soname for library in XCB_LIBRARIES}


def test_each_library_is_listed_once() -> None:
    sonames = [library.soname for library in XCB_LIBRARIES]
    assert len(sonames) == len(set(sonames))
    assert all(isinstance(library, SystemLibrary) for library in XCB_LIBRARIES)


def _system_libraries_needed(start: Path, wheel_lib: Path) -> set[str]:
    """NEEDED sonames of ``start`` and of the wheel libraries it pulls in, not in the wheel."""
    seen: set[str] = set()
    system: set[str] = set()
    pending = [start]
    while pending:
        for soname in _elf_needed(pending.pop()) or []:
            if (wheel_lib / soname).is_file():
                if soname not in seen:
                    seen.add(soname)
                    pending.append(wheel_lib / soname)
            else:
                system.add(soname)
    return system


def _elf_needed(path: Path) -> list[str] | None:
    """DT_NEEDED entries of a 64-bit little-endian ELF file (what `readelf -d` lists), else None.

    Read here rather than with readelf, which minimal systems lack (binutils).
    """
    data = path.read_bytes()
    if data[:6] != b"\x7fELF\x02\x01":
        return None
    (section_offset,) = struct.unpack_from("<Q", data, 0x28)
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, section_offset + i * entry_size)
        for i in range(count)
    ]
    dynamic_type = 6
    for _name, kind, _flags, _addr, offset, size, link, *_ in sections:
        if kind != dynamic_type:
            continue
        strings = sections[link][4]
        needed = []
        for entry in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, entry)
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strings + value)
                needed.append(data[strings + value : end].decode())
        return needed
    return []
