"""jdeditor's run-time hook, in place of PyInstaller's own for PySide6 (pyi_rth_pyside6).

``rthooks.dat`` beside the hooks names this file for PySide6; hooks found in the spec's
``hookspath`` come first, so PyInstaller skips its own (and says so in the build log).

PyInstaller's hook imports PySide6.QtCore at every start, to register a qt.conf that PySide6
registers itself (its Prefix is the folder of ``PySide6/__init__``, which the bundle keeps):
loading Qt and ICU added about 80 ms to every command-line run, which never needs Qt. It also
sets QT_PLUGIN_PATH and QML2_IMPORT_PATH, which Qt finds without, and which every program
jdeditor starts would inherit: a Qt file manager or PDF viewer would load the bundle's
plugins.

On Linux the bundle's loader starts the app with LD_LIBRARY_PATH naming the bundle's own
libraries (the user's value kept in LD_LIBRARY_PATH_ORIG). This process keeps them: the
dynamic loader read the variable once, at start. Programs jdeditor starts (xdg-open to show an
export, the file manager, LibreOffice) get the user's value back, not the bundle's GLib or X11.
"""

# Run as a script before the app's: a function, deleted after its call, leaves the names
# it uses out of the app's namespace.
import os
import sys


def _pyi_rthook() -> None:
    if sys.platform.startswith("linux"):
        original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
        if original is None:
            os.environ.pop("LD_LIBRARY_PATH", None)
        else:
            os.environ["LD_LIBRARY_PATH"] = original


_pyi_rthook()
del _pyi_rthook
