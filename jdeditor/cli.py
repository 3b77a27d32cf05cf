"""Command line: the same library, model and renderers as the window, without one.

Exit codes: 0 success, 1 the input has problems (each printed on its own line), 2 bad usage.
Nothing here imports Qt, so every sub-command works on a machine without a display.

Every word it prints is in the user's language: ``--lang``, else the system's
(``i18n.system_language``), chosen afresh by each ``main`` call before the parser is built.
Machine-readable output (``--json``) keeps its keys and codes in English.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, cast

from jdeditor import (
    __version__,
    cli_check,
    cli_export,
    cli_import,
    cli_presets,
    i18n,
    preset_sources,
)
from jdeditor._text import printable, wrap
from jdeditor.checks import problems, say
from jdeditor.files import (
    DocumentError,
    read_document,
)
from jdeditor.i18n import N_, Domain
from jdeditor.library import (
    LibraryError,
    PresetLibrary,
)
from jdeditor.model import JobDescription

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("can't open '%(filename)s': %(error)s"),
)
"""argparse's own words a user can meet (usage, headings, errors), marked here so the
messages catalogue holds them; ``_argparse_speaks`` hands argparse the catalogue."""


def _team_help() -> str:
    # The example's keys are the settings file's own, in every language; the name is an example.
    example = json.dumps(
        {"team_folders": [{"path": "...", "name": say(N_("Support team"))}]}, ensure_ascii=False
    )
    return say(
        N_(
            "Team folders are listed in {settings} ({example}), in {variable} (folders "
            "separated by '{separator}') and with --presets-dir."
        ),
        settings=str(preset_sources.settings_path()),
        example=example,
        variable=preset_sources.ENVIRONMENT_VARIABLE,
        separator=os.pathsep,
    )


_HEADING_COLON = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff]):$", re.MULTILINE)


_WHITESPACE = re.compile(r"\s+", re.ASCII)  # argparse's own: a no-break space stays


class _HelpFormatter(argparse.HelpFormatter):
    """Help wrapped by terminal columns: a Chinese character takes two, and a line may break
    between two of them (argparse's textwrap breaks only at spaces, so a Chinese paragraph
    would be one line). English is wrapped as argparse wraps it."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(_WHITESPACE.sub(" ", text).strip(), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(wrap(_WHITESPACE.sub(" ", text).strip(), width, indent, indent))


class _Parser(argparse.ArgumentParser):
    """argparse ends each heading of the help with ':' ('options:'); a Chinese heading takes
    the full-width '：' ('选项：'). Sub-commands' parsers are of the same class (argparse
    makes them so), and wrap their help the same way."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def format_help(self) -> str:
        return _HEADING_COLON.sub("：", super().format_help())


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the user's language: build it after ``set_ui_language`` (and,
    for argparse's own words, inside ``_argparse_speaks``)."""
    parser = _Parser(
        prog="jdeditor",
        description=say(
            N_(
                "Edit job descriptions from call-center presets and export them. Without a "
                "command (or with just a *.jd.json file) jdeditor opens its window."
            )
        ),
        epilog=say(
            N_("User presets live in: {folder}. {teams}"),
            folder=str(PresetLibrary().user_dir),
            teams=_team_help(),
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=say(N_("show the version number and exit")),
    )
    parser.add_argument(
        "--lang",
        type=_language,
        metavar="LANGUAGE",
        help=say(
            N_(
                "the language of the window and of messages: {languages} (default: the "
                "system's; the window's View > Language menu keeps a choice)"
            ),
            languages=", ".join(i18n.LANGUAGES),
        ),
    )
    parser.add_argument(
        "--presets-dir",
        action="append",
        type=Path,
        metavar="DIR",
        help=say(N_("also use the presets in this team folder (repeatable; for this run only)")),
    )
    # The commands' own modules take any parser's sub-commands (their parsers are _Parser).
    commands = cast(
        "argparse._SubParsersAction[argparse.ArgumentParser]",
        parser.add_subparsers(dest="command", metavar="COMMAND"),
    )

    presets = commands.add_parser("presets", help=say(N_("list, show or publish presets")))
    preset_commands = presets.add_subparsers(dest="preset_command", metavar="ACTION", required=True)
    listing = preset_commands.add_parser(
        "list", help=say(N_("list built-in, user and team presets")), epilog=_team_help()
    )
    machine_readable = say(N_("machine-readable output"))
    listing.add_argument("--json", action="store_true", help=machine_readable)
    show = preset_commands.add_parser("show", help=say(N_("print a preset as a readable outline")))
    example, team = say(N_("Team Lead")), say(N_("Support team"))
    show.add_argument(
        "name",
        help=say(
            N_(
                "preset name, e.g. '{name}' (case is ignored); a team's preset of the same "
                "name as another: '{ref}' ({columns} as 'presets list' shows them)"
            ),
            name=example,
            ref=f"team:{team}/{example}",  # a team source's label is 'team:NAME' in every language
            columns=say(N_("SOURCE")) + "/" + say(N_("NAME")),
        ),
    )
    publish = preset_commands.add_parser(
        "publish",
        help=say(N_("copy a preset to a team folder")),
        description=say(
            N_(
                "Copy a preset to a writable team folder. A version is never lost: if someone "
                "publishes the same name at the same time, ours is kept as a conflict copy."
            )
        ),
    )
    publish.add_argument("name", help=say(N_("the preset to publish (any source)")))
    publish.add_argument(
        "--to",
        dest="team",
        metavar="TEAM",
        help=say(N_("the team folder (default: the only writable one)")),
    )
    publish.add_argument(
        "--replace",
        action="store_true",
        help=say(
            N_("replace a preset of that name in the team folder (unless it changes meanwhile)")
        ),
    )
    sources = preset_commands.add_parser(
        "sources", help=say(N_("list where presets come from: built-in, user, team folders"))
    )
    sources.add_argument("--json", action="store_true", help=machine_readable)

    validate = commands.add_parser(
        "validate", help=say(N_("check job-description files; one line per problem"))
    )
    validate.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help=say(N_("a *.jd.json file"))
    )
    validate.add_argument(
        "--strict",
        action="store_true",
        help=say(N_("also fail on warnings such as leftover placeholders")),
    )
    cli_check.add_parser(commands)
    cli_export.add_parser(commands)
    cli_import.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # Each call chooses afresh (tests call main many times in one process): the system's
    # language until --lang is read, so even a wrong --lang is answered in it.
    i18n.set_ui_language(i18n.system_language())
    try:
        return _main(arguments)
    except FileNotFoundError as error:
        # An unbuilt checkout has no compiled catalogue (i18n.translations names it): one
        # line saying so, in English, since the words for anything else are what is missing.
        if not str(error).startswith(str(i18n.locale_dir())):
            raise
        print(f"jdeditor: {printable(str(error))}", file=sys.stderr)
        return EXIT_USAGE


def _main(arguments: list[str]) -> int:
    try:
        language, rest = _take_language(arguments)
    except argparse.ArgumentTypeError as error:
        print(printable(f"jdeditor: --lang: {error}"), file=sys.stderr)
        return EXIT_USAGE
    try:
        folders, rest = _take_presets_dirs(rest)
    except argparse.ArgumentTypeError as error:
        print(printable(f"jdeditor: --presets-dir: {error}"), file=sys.stderr)
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
        with _argparse_speaks(i18n.ui_language()):
            return _run(rest)
    except BrokenPipeError:
        # `jdeditor presets list | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


@contextlib.contextmanager
def _argparse_speaks(language: str) -> Iterator[None]:
    """argparse in ``language`` while the parser is built and used; as it was afterwards.

    argparse looks its own words up ("usage: ", "options", "%(prog)s: error: …") through its
    module globals ``_`` and ``ngettext`` (``from gettext import gettext as _, ngettext``),
    i.e. in gettext's global default domain, which holds none of ours and follows the
    system's locale, not ``--lang``. No parameter replaces them, so they are swapped for our
    catalogue's lookups (``ARGPARSE_WORDS`` marks the words) and put back, so the next call in
    this process, in another language, starts from argparse's own.
    """
    catalogue = i18n.translations(Domain.MESSAGES, language)  # a missing build fails here

    def ngettext(singular: str, plural: str, count: int) -> str:
        # Each form is a msgid of its own: Chinese has one form, English keeps both.
        return catalogue.gettext(singular if count == 1 else plural)

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = catalogue.gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _language(value: str) -> str:
    """``--lang``'s value as a catalogue language: 'zh_CN' for zh-CN, zh_Hans or zh; 'en'."""
    language = i18n.catalogue_language(value)
    if language == i18n.SOURCE_LANGUAGE and value.replace("-", "_").split("_")[0].lower() != "en":
        raise argparse.ArgumentTypeError(
            say(
                N_("there is no '{value}' translation; choose from {languages}"),
                value=value,
                languages=", ".join(i18n.LANGUAGES),
            )
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
                raise argparse.ArgumentTypeError(say(N_("expected a language")))
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
            folders.append(_presets_dir(next(words, None)))
        elif word.startswith("--presets-dir="):
            folders.append(_presets_dir(word.removeprefix("--presets-dir=")))
        else:
            rest.append(word)
    return folders, rest


def _presets_dir(value: str | None) -> Path:
    """One ``--presets-dir`` value: a folder (not empty, which would be this one), ``~user``
    expanded."""
    if not value:
        raise argparse.ArgumentTypeError(say(N_("expected a folder")))
    try:
        return preset_sources.expand_folder(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


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
    if args.command == "presets" and getattr(args, "preset_command", None):
        return cli_presets.run(PresetLibrary(), args)
    if args.command in commands:
        return commands[args.command]()
    parser.print_help()
    return EXIT_USAGE


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
            severity = cli_check.severity_word(warning.severity)
            print(printable(f"{path}: {warning.dotted_path}: {severity}: {warning.message}"))
        if not warnings:
            valid = say(N_("valid"))
            print(f"{printable(str(path))}: {valid}")
    return EXIT_PROBLEMS if failed else EXIT_OK


def _preset_or_file(library: PresetLibrary, source: str) -> tuple[JobDescription, str]:
    document, stem, _path = cli_export.resolve_source(library, source)
    return document, stem
