"""Command line: the same library, model and renderers as the window, without one.

Exit codes: 0 success, 1 the input has problems (each printed on its own line), 2 bad usage.
Nothing here imports Qt, so every sub-command works on a machine without a display.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from jdeditor import __version__
from jdeditor.checks import review
from jdeditor.export.text import render_text
from jdeditor.files import DocumentError, read_document
from jdeditor.library import LibraryError, PresetLibrary, PresetListing
from jdeditor.outline import build_outline

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jdeditor",
        description="Edit job descriptions from call-center presets and export them.",
        epilog="User presets live in: " + str(PresetLibrary().user_dir),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    presets = commands.add_parser("presets", help="list or show presets")
    preset_commands = presets.add_subparsers(dest="preset_command", metavar="ACTION", required=True)
    listing = preset_commands.add_parser("list", help="list built-in and user presets")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    show = preset_commands.add_parser("show", help="print a preset as a readable outline")
    show.add_argument("name", help="preset name, e.g. 'Team Lead' (case is ignored)")

    validate = commands.add_parser(
        "validate", help="check job-description files; one line per problem"
    )
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a *.jd.json file")
    validate.add_argument(
        "--strict", action="store_true", help="also fail on warnings such as leftover placeholders"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:
        # `jdeditor presets list | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "presets" and args.preset_command == "list":
            return _list_presets(PresetLibrary(), as_json=args.json)
        if args.command == "presets" and args.preset_command == "show":
            return _show_preset(PresetLibrary(), args.name)
        if args.command == "validate":
            return _validate(args.files, strict=args.strict)
    except LibraryError as error:
        print(f"jdeditor: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    # No sub-command: the window will open here once it exists; until then, explain usage.
    parser.print_help()
    return EXIT_OK


def _list_presets(library: PresetLibrary, *, as_json: bool) -> int:
    listing = library.list_presets()
    if as_json:
        json.dump(_listing_json(listing), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        width = max((len(preset.name) for preset in listing.presets), default=4)
        print(f"{'NAME':<{width}}  {'KIND':<8}  TITLE")
        for preset in listing.presets:
            print(f"{preset.name:<{width}}  {preset.kind:<8}  {preset.document.title}")
    for skipped in listing.skipped:
        print(f"jdeditor: warning: skipped {skipped}", file=sys.stderr)
    return EXIT_OK


def _listing_json(listing: PresetListing) -> dict[str, object]:
    return {
        "presets": [
            {
                "name": preset.name,
                "kind": str(preset.kind),
                "read_only": preset.read_only,
                "title": preset.document.title,
                "path": str(preset.path),
            }
            for preset in listing.presets
        ],
        "skipped": [
            {"path": str(skipped.path), "reason": skipped.reason} for skipped in listing.skipped
        ],
    }


def _show_preset(library: PresetLibrary, name: str) -> int:
    listing = library.list_presets()
    preset = listing.find(name)
    if preset is None:
        names = ", ".join(preset.name for preset in listing.presets)
        print(f"jdeditor: there is no preset named “{name}”; presets: {names}", file=sys.stderr)
        return EXIT_PROBLEMS
    sys.stdout.write(render_text(build_outline(preset.document)))
    return EXIT_OK


def _validate(files: Sequence[Path], *, strict: bool) -> int:
    failed = False
    for path in files:
        try:
            document = read_document(path)
        except DocumentError as error:
            failed = True
            for line in error.lines():
                print(line)
            continue
        warnings = review(document)
        failed = failed or (strict and bool(warnings))
        for warning in warnings:
            print(f"{path}: {warning.dotted_path}: {warning.severity}: {warning.message}")
        if not warnings:
            print(f"{path}: valid")
    return EXIT_PROBLEMS if failed else EXIT_OK
