"""Command line: the same library, model and renderers as the window, without one.

Exit codes: 0 success, 1 the input has problems (each printed on its own line), 2 bad usage.
Nothing here imports Qt, so every sub-command works on a machine without a display.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jdeditor import __version__, cli_check, cli_export, cli_import, i18n, preset_sources
from jdeditor._text import columns, pad, printable
from jdeditor.checks import problems
from jdeditor.export.text import render_text
from jdeditor.files import (
    DocumentError,
    read_document,
)
from jdeditor.library import (
    LibraryError,
    Preset,
    PresetLibrary,
    PresetListing,
    Published,
    TeamPresetExistsError,
)
from jdeditor.model import JobDescription
from jdeditor.outline import build_outline

if TYPE_CHECKING:
    pass

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _team_help() -> str:
    return (
        f"Team folders are listed in {preset_sources.settings_path()} "
        '({"team_folders": [{"path": "...", "name": "Support team"}]}), in '
        f"{preset_sources.ENVIRONMENT_VARIABLE} (folders separated by '{os.pathsep}') and "
        "with --presets-dir."
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jdeditor",
        description="Edit job descriptions from call-center presets and export them. "
        "Without a command (or with just a *.jd.json file) jdeditor opens its window.",
        epilog="User presets live in: " + str(PresetLibrary().user_dir) + ". " + _team_help(),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--lang",
        type=_language,
        metavar="LANGUAGE",
        help="the language of the window and of messages: "
        + ", ".join(i18n.LANGUAGES)
        + " (default: the system's; the window's View > Language menu keeps a choice)",
    )
    parser.add_argument(
        "--presets-dir",
        action="append",
        type=Path,
        metavar="DIR",
        help="also use the presets in this team folder (repeatable; for this run only)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    presets = commands.add_parser("presets", help="list, show or publish presets")
    preset_commands = presets.add_subparsers(dest="preset_command", metavar="ACTION", required=True)
    listing = preset_commands.add_parser(
        "list", help="list built-in, user and team presets", epilog=_team_help()
    )
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    show = preset_commands.add_parser("show", help="print a preset as a readable outline")
    show.add_argument(
        "name",
        help="preset name, e.g. 'Team Lead' (case is ignored); a team's preset of the same name "
        "as another: 'team:Support team/Team Lead' (SOURCE/NAME as 'presets list' shows them)",
    )
    publish = preset_commands.add_parser(
        "publish",
        help="copy a preset to a team folder",
        description="Copy a preset to a writable team folder. A version is never lost: if "
        "someone publishes the same name at the same time, ours is kept as a conflict copy.",
    )
    publish.add_argument("name", help="the preset to publish (any source)")
    publish.add_argument(
        "--to", dest="team", metavar="TEAM", help="the team folder (default: the only writable one)"
    )
    publish.add_argument(
        "--replace",
        action="store_true",
        help="replace a preset of that name in the team folder (unless it changes meanwhile)",
    )
    sources = preset_commands.add_parser(
        "sources", help="list where presets come from: built-in, user, team folders"
    )
    sources.add_argument("--json", action="store_true", help="machine-readable output")

    validate = commands.add_parser(
        "validate", help="check job-description files; one line per problem"
    )
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a *.jd.json file")
    validate.add_argument(
        "--strict", action="store_true", help="also fail on warnings such as leftover placeholders"
    )
    cli_check.add_parser(commands)
    cli_export.add_parser(commands)
    cli_import.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        language, rest = _take_language(arguments)
    except argparse.ArgumentTypeError as error:
        print(f"jdeditor: --lang: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        folders, rest = _take_presets_dirs(rest)
    except argparse.ArgumentTypeError as error:
        print(f"jdeditor: --presets-dir: {error}", file=sys.stderr)
        return EXIT_USAGE
    # The window and every command read the team folders through the library, this run's too.
    preset_sources.set_run_folders(folders)
    if not rest or (len(rest) == 1 and _is_document(rest[0])):
        # `jdeditor` or `jdeditor posting.jd.json` (with --lang or not): the window. Qt loads
        # only on this path.
        from jdeditor.ui.app import run  # noqa: PLC0415

        return run(Path(rest[0]) if rest else None, language=language)
    for stream in (sys.stdout, sys.stderr):
        # A console that cannot show a character (Windows' cp1252 and "→") gets an escape
        # for it, not a traceback.
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    if language:
        i18n.set_ui_language(language)
    try:
        # --lang is taken out wherever it was (before or after the command); the parser
        # names it only for --help.
        return _run(rest)
    except BrokenPipeError:
        # `jdeditor presets list | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _language(value: str) -> str:
    """``--lang``'s value as a catalogue language: 'zh_CN' for zh-CN, zh_Hans or zh; 'en'."""
    language = i18n.catalogue_language(value)
    if language == i18n.SOURCE_LANGUAGE and value.replace("-", "_").split("_")[0].lower() != "en":
        raise argparse.ArgumentTypeError(
            f"there is no '{value}' translation; choose from {', '.join(i18n.LANGUAGES)}"
        )
    return language


def _take_language(arguments: list[str]) -> tuple[str | None, list[str]]:
    """``--lang X`` or ``--lang=X`` taken out of ``arguments``: (the language, the rest)."""
    language, rest = None, []
    words = iter(arguments)
    for word in words:
        if word == "--lang":
            value = next(words, None)
            if value is None:
                raise argparse.ArgumentTypeError("expected a language")
            language = _language(value)
        elif word.startswith("--lang="):
            language = _language(word.removeprefix("--lang="))
        else:
            rest.append(word)
    return language, rest


def _take_presets_dirs(arguments: list[str]) -> tuple[list[Path], list[str]]:
    """Every ``--presets-dir DIR`` (or ``=DIR``) taken out of ``arguments``, wherever it is."""
    folders, rest = [], []
    words = iter(arguments)
    for word in words:
        if word == "--":
            rest += [word, *words]
        elif word == "--presets-dir":
            value = next(words, None)
            if not value:
                raise argparse.ArgumentTypeError("expected a folder")
            folders.append(Path(value))
        elif word.startswith("--presets-dir="):
            folders.append(Path(word.removeprefix("--presets-dir=")))
        else:
            rest.append(word)
    return folders, rest


def _is_document(argument: str) -> bool:
    """A lone argument that names a posting file (not a mistyped command)."""
    return argument.endswith(".json") or Path(argument).is_file()


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(parser, args)
    except LibraryError as error:
        print(f"jdeditor: {printable(str(error))}", file=sys.stderr)
        return EXIT_PROBLEMS
    except DocumentError as error:
        for line in error.lines():
            print(f"jdeditor: {line}", file=sys.stderr)
        return EXIT_PROBLEMS


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    commands: dict[str | None, Callable[[], int]] = {
        "export": lambda: cli_export.run(parser, args),
        "import": lambda: cli_import.run(parser, args),
        "check": lambda: cli_check.run(parser, args, _preset_or_file),
        "validate": lambda: _validate(args.files, strict=args.strict),
    }
    match args.command, getattr(args, "preset_command", None):
        case "presets", "list":
            return _list_presets(PresetLibrary(), as_json=args.json)
        case "presets", "show":
            return _show_preset(PresetLibrary(), args.name)
        case "presets", "publish":
            return _publish(PresetLibrary(), args.name, args.team, replace=args.replace)
        case "presets", "sources":
            return _list_sources(PresetLibrary(), as_json=args.json)
        case command, _ if command in commands:
            return commands[command]()
    parser.print_help()
    return EXIT_USAGE


def _list_presets(library: PresetLibrary, *, as_json: bool) -> int:
    """NAME, KIND and TITLE; with team folders, SOURCE instead of KIND ('built-in', 'user',
    'team:Support team': SOURCE/NAME finds a preset whatever other sources hold)."""
    listing = library.list_presets()
    if as_json:
        json.dump(_listing_json(listing), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        width = max((columns(printable(p.name)) for p in listing.presets), default=4)
        if listing.teams():
            labels = [_source_label(p) for p in listing.presets]
            column = max(columns(label) for label in [*labels, "SOURCE"])
            print(f"{pad('NAME', width)}  {pad('SOURCE', column)}  TITLE")
        else:
            labels, column = [str(p.kind) for p in listing.presets], 8
            print(f"{pad('NAME', width)}  {'KIND':<8}  TITLE")
        for preset, label in zip(listing.presets, labels, strict=True):
            title = printable(preset.document.title)
            if preset.conflict_of is not None:
                title += printable(f"  (conflicting copy of “{preset.conflict_of}”)")
            print(f"{pad(printable(preset.name), width)}  {pad(label, column)}  {title}")
    for skipped in listing.skipped:
        print(f"jdeditor: warning: skipped {skipped}", file=sys.stderr)
    return EXIT_OK


def _source_label(preset: Preset) -> str:
    return printable(preset.source.label if preset.source is not None else str(preset.kind))


def _listing_json(listing: PresetListing) -> dict[str, object]:
    """Team presets carry their ``source`` and ``conflict_of``; built-in and user presets are
    as they always were (their ``kind`` is their source)."""
    presets: list[dict[str, object]] = []
    for preset in listing.presets:
        entry: dict[str, object] = {
            "name": preset.name,
            "kind": str(preset.kind),
            "read_only": preset.read_only,
            "title": preset.document.title,
            "path": printable(str(preset.path)),
        }
        if preset.source is not None:
            entry |= {"source": preset.source.label, "conflict_of": preset.conflict_of}
        presets.append(entry)
    return {
        "presets": presets,
        "skipped": [
            {"path": printable(str(skipped.path)), "reason": printable(skipped.reason)}
            for skipped in listing.skipped
        ],
        "sources": [
            {
                "source": source.label,
                "folder": printable(str(source.folder)),
                "writable": source.writable,
                "available": source.available,
                "note": printable(source.note),
            }
            for source in listing.sources
        ],
    }


def _list_sources(library: PresetLibrary, *, as_json: bool) -> int:
    listing = library.list_presets()
    if as_json:
        json.dump(_listing_json(listing)["sources"], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    width = max(columns(printable(source.label)) for source in listing.sources)
    print(f"{pad('SOURCE', width)}  {'ACCESS':<11}  FOLDER")
    for source in listing.sources:
        access = (
            "unavailable"
            if not source.available
            else "writable"
            if source.writable
            else "read-only"
        )
        note = f" ({source.note})" if source.note else ""
        print(printable(f"{pad(source.label, width)}  {access:<11}  {source.folder}{note}"))
    return EXIT_OK


def _publish(library: PresetLibrary, name: str, team: str | None, *, replace: bool) -> int:
    if team is None:
        writable = [s.name for s in library.list_presets().teams() if s.writable]
        if len(writable) != 1:
            choices = ", ".join(writable) or "none is configured"
            print(
                printable(f"jdeditor: presets publish: name the team folder with --to ({choices})"),
                file=sys.stderr,
            )
            return EXIT_USAGE
        team = writable[0]
    try:
        publication = library.publish(name, team)
    except TeamPresetExistsError as error:
        if not replace:
            print(
                printable(f"jdeditor: {error} Use --replace to replace it."),
                file=sys.stderr,
            )
            return EXIT_PROBLEMS
        publication = library.publish(name, team, replace=error.version)
    preset = publication.preset
    where = printable(str(preset.path))
    if publication.outcome is Published.CONFLICT_COPY:
        print(
            printable(
                f"jdeditor: warning: someone else published “{preset.conflict_of}” in “{team}” "
                f"at the same time; theirs is kept, and yours is saved as “{preset.name}”"
            ),
            file=sys.stderr,
        )
    print(f"{publication.outcome}: {where}")
    return EXIT_OK


def _show_preset(library: PresetLibrary, name: str) -> int:
    listing = library.list_presets()
    preset = listing.find(name)
    if preset is None:
        names = ", ".join(preset.name for preset in listing.presets)
        print(
            printable(f"jdeditor: there is no preset named “{name}”; presets: {names}"),
            file=sys.stderr,
        )
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
        warnings = problems(document)
        failed = failed or (strict and bool(warnings))
        for warning in warnings:
            print(
                printable(f"{path}: {warning.dotted_path}: {warning.severity}: {warning.message}")
            )
        if not warnings:
            print(f"{printable(str(path))}: valid")
    return EXIT_PROBLEMS if failed else EXIT_OK


def _preset_or_file(library: PresetLibrary, source: str) -> tuple[JobDescription, str]:
    document, stem, _path = cli_export.resolve_source(library, source)
    return document, stem
