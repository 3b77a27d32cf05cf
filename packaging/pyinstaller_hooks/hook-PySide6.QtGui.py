"""PySide6.QtGui as PyInstaller's own hook collects it, less the Qt plugins jdeditor leaves out.

The list is the spec's (``packaging/jdeditor.spec``: ``QT_PLUGINS_LEFT_OUT``, handed over as
``hooksconfig["jdeditor"]["qt_plugins_left_out"]``). The plugins are dropped here, in the hook,
rather than from the finished Analysis: PyInstaller looks for the libraries a plugin links only
after the hooks ran, so whatever only a dropped plugin needs (GTK 3 for the gtk3 theme, Qt Quick
for the virtual keyboard, Qt Pdf for the pdf image format) never enters the bundle either.
Hooks in the spec's ``hookspath`` take precedence over PyInstaller's own hook of the same name.
"""

from fnmatch import fnmatch
from pathlib import Path

from PyInstaller.depend.imphookapi import PostGraphAPI
from PyInstaller.utils.hooks import get_hook_config, logger
from PyInstaller.utils.hooks.qt import add_qt6_dependencies


def plugin_name(source: str, destination: str) -> str:
    """'platformthemes/qgtk3' for .../platformthemes/libqgtk3.so (qgtk3.dll, libqgtk3.dylib)."""
    stem = Path(source).name.split(".")[0]
    return f"{Path(destination).name}/{stem.removeprefix('lib')}"


def hook(hook_api: PostGraphAPI) -> None:
    # add_qt6_dependencies reads the Qt module from the hook's file name: PySide6.QtGui.
    hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
    patterns = get_hook_config(hook_api, "jdeditor", "qt_plugins_left_out") or []
    kept = []
    for source, destination in binaries:
        name = plugin_name(source, destination)
        if any(fnmatch(name, pattern) for pattern in patterns):
            logger.info("jdeditor: leaving out Qt plugin %s", name)
        else:
            kept.append((source, destination))
    hook_api.add_imports(*hiddenimports)
    hook_api.add_binaries(kept)
    hook_api.add_datas(datas)
