"""lxml as pyinstaller-hooks-contrib's hook collects it (every submodule, since lxml.etree
imports some from C), less the submodules the spec leaves out (``packaging/jdeditor.spec``:
``hooksconfig["jdeditor"]["modules_left_out"]``; python-docx needs lxml.etree alone).

Filtered here rather than only excluded in the spec, so the build does not warn about each
left-out submodule that the contrib hook names as a hidden import.
"""

from PyInstaller.depend.imphookapi import PostGraphAPI
from PyInstaller.utils.hooks import collect_submodules, get_hook_config


def hook(hook_api: PostGraphAPI) -> None:
    left_out = tuple(get_hook_config(hook_api, "jdeditor", "modules_left_out") or ())

    def wanted(name: str) -> bool:
        return not any(name == module or name.startswith(f"{module}.") for module in left_out)

    hook_api.add_imports(*collect_submodules("lxml", filter=wanted))
