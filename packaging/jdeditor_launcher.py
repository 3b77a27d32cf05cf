"""The standalone app's entry point (packaging/jdeditor.spec): the ``jdeditor`` command.

A file of its own rather than the package's ``__main__.py``: PyInstaller puts the script's
folder on its search path, and ``jdeditor/`` there would make ``model``, ``export``, …
importable as top-level modules during the analysis.
"""

from jdeditor.cli import main

raise SystemExit(main())
