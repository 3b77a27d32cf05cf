"""``python -m jdeditor``: the same entry point as the ``jdeditor`` command."""

from jdeditor.cli import main

raise SystemExit(main())
