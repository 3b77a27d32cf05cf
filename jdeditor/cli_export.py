"""``jdeditor export``: postings to any format of the registry, one or many in one run.

- ``export SOURCE -o OUT``: the format from ``--format`` or from OUT's suffix; a wrong pair
  (``-o a.md --format docx``) is refused; ``-o -`` writes to standard output.
- ``export SOURCE… -d DIR [--format md,html,pdf]`` and ``export --all-presets -d DIR``: one file
  per posting and format, named after the posting, in DIR.

Everything is checked before anything is written: an output that is an input (or the
template), two postings that would write the same file, a suffix no format has.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path

from jdeditor._text import printable
from jdeditor.checks import Family, Finding, Message, problems, review, say, term
from jdeditor.export.formats import FORMATS, ExportOptions, Format, for_path, parse_formats
from jdeditor.files import (
    DocumentError,
    WriteBatch,
    atomic_write,
    describe_os_error,
    make_folder,
    read_document,
)
from jdeditor.i18n import N_
from jdeditor.library import PresetLibrary, preset_file_name
from jdeditor.model import JobDescription

_STRUCTURED = frozenset({"jsonld", "html"})
"""Formats whose JSON-LD Google for Jobs reads: what it requires is worth a note."""
_SUFFIX_LIST = ", ".join(f.suffix for f in FORMATS.values())
_FORMAT_LABELS = (N_("Word document"), N_("Web page"), N_("Plain text"))
"""The registry's labels that are words (``Format.label``), for the catalogue; 'PDF',
'Markdown' and 'Google for Jobs JSON-LD' are names, the same in every language."""


def _label(chosen: Format) -> str:
    return say(chosen.label) if chosen.label in _FORMAT_LABELS else chosen.label


def warn(message: str) -> None:
    """``jdeditor: warning: …`` on standard error, in the user's language."""
    print(printable(say(N_("jdeditor: warning: {message}"), message=message)), file=sys.stderr)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help=say(
            N_("export presets or *.jd.json files to Word, PDF, HTML, Markdown, text or JSON-LD")
        ),
        description=say(
            N_(
                "Export postings. Placeholders left in a posting are marked in the output and "
                "listed as warnings. The format comes from --format or from the output's "
                "suffix ({suffixes}); Word (.docx) when neither says."
            ),
            suffixes=_SUFFIX_LIST,
        ),
    )
    export.add_argument(
        "sources", nargs="*", metavar="SOURCE", help=say(N_("preset names or files"))
    )
    export.add_argument(
        "-o",
        "--output",
        help=say(N_("the file to write, '-' for standard output (one posting)")),
    )
    export.add_argument(
        "-d", "--directory", type=Path, help=say(N_("folder for several postings or formats"))
    )
    export.add_argument(
        "--format",
        metavar="FORMATS",
        help=say(
            N_("one or more of {formats}, separated by commas (e.g. md,html,pdf)"),
            formats=", ".join(FORMATS),
        ),
    )
    export.add_argument(
        "--all-presets", action="store_true", help=say(N_("export every preset, one file each"))
    )
    export.add_argument(
        "--template",
        type=Path,
        metavar="FILE",
        help=say(N_("a company Word template (.dotx or .docx)")),
    )
    export.add_argument(
        "--force",
        action="store_true",
        help=say(
            N_("replace files that exist (without it, only a file named with -o is replaced)")
        ),
    )


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.all_presets == bool(args.sources):
        parser.error(say(N_("export needs preset names or files, or --all-presets (not both)")))
    formats = _formats(parser, args.format) if args.format else []
    library = PresetLibrary()
    options = ExportOptions(template=args.template)
    if args.template is not None:
        from jdeditor.export.docx import template_notes  # noqa: PLC0415

        for note in template_notes(args.template):
            warn(f"{args.template}: {note}")
    postings = _postings(library, args)
    single = len(postings) == 1 and len(formats) <= 1 and args.directory is None
    if args.output is not None and not single:
        parser.error(say(N_("-o names one file: use -d DIR for several postings or formats")))
    if single and args.output is not None:
        jobs = [_single_job(postings[0], args.output, formats)]
    elif single:
        document, stem, source = postings[0]
        chosen = formats[0] if formats else FORMATS["docx"]
        jobs = [(document, Path(stem + chosen.suffix), chosen, source)]
    else:
        folder = args.directory or Path()
        jobs = [
            (document, folder / (stem + chosen.suffix), chosen, source)
            for document, stem, source in postings
            for chosen in formats or [FORMATS["docx"]]
        ]
        _refuse_clashes(jobs)
        make_folder(folder)
    inputs = _Inputs([args.template, *(source for *_, source in jobs)])
    for _document, target, chosen, _source in jobs:
        if str(target) != "-":
            _check_output(target, chosen, inputs)
            # A name jdeditor made up (NAME.docx, DIR/NAME.md) must not replace a file that is
            # there already: after `jdeditor import posting.docx`, the export's default name is
            # the Word original. A file named with -o is the user's explicit choice.
            if target.exists() and args.output is None and not args.force:
                raise DocumentError(
                    target,
                    N_(
                        "exists already; export replaces a file only when told to: add --force, "
                        "or name the output with -o"
                    ),
                )
    with WriteBatch() as batch:  # every file lands when all are rendered, or none does
        for document, target, chosen, _source in jobs:
            _write(document, target, chosen, options, batch)
    _report(jobs)
    return 0


def _formats(parser: argparse.ArgumentParser, value: str) -> list[Format]:
    """``--format``'s formats; an unknown one is a usage error in the user's language
    (``parse_formats`` names it in English)."""
    for name in (part.strip().lower() for part in value.split(",")):
        if name not in FORMATS:
            parser.error(
                say(
                    N_("'{name}' is not a format; choose from {formats}"),
                    name=name,
                    formats=", ".join(FORMATS),
                )
            )
    return parse_formats(value)


def _report(jobs: list[Job]) -> None:
    """What was written, and each posting's warnings, once every file has landed; for the
    formats Google for Jobs reads, also what it needs and the posting lacks."""
    warned: dict[int, list[Finding]] = {}
    for document, target, chosen, _source in jobs:
        if str(target) != "-":
            print(printable(say(N_("wrote {path}"), path=str(target))))
        # The same review as `validate` and the window's question: a line per warning.
        if id(document) not in warned:
            warned[id(document)] = problems(document)
        where = say(N_("standard output")) if str(target) == "-" else str(target)
        for warning in warned[id(document)]:
            warn(f"{where}: {warning.dotted_path}: {warning.message}")
        if chosen.name in _STRUCTURED:
            for note in review(document, families=[Family.JOB_BOARDS]):
                message = f"{where}: {note.dotted_path}: {note.message}"
                print(
                    printable(say(N_("jdeditor: note: {message}"), message=message)),
                    file=sys.stderr,
                )


Job = tuple[JobDescription, Path, Format, Path | None]


def _postings(
    library: PresetLibrary, args: argparse.Namespace
) -> list[tuple[JobDescription, str, Path | None]]:
    """(posting, file stem, its file if it is one) for every source asked for."""
    if args.all_presets:
        listing = library.list_presets()
        for skipped in listing.skipped:
            warn(say(N_("skipped {file}"), file=str(skipped)))
        return [(p.document, preset_file_name(p.name, ""), p.path) for p in listing.presets]
    found = []
    for source in args.sources:
        document, stem, path = resolve_source(library, source)
        found.append((document, stem, path))
    return found


def resolve_source(library: PresetLibrary, source: str) -> tuple[JobDescription, str, Path | None]:
    """A *.jd.json path if it looks like one or exists, else a preset name."""
    path = Path(source)
    if source.endswith(".json") or path.is_file():
        return read_document(path), path.name.removesuffix(".json").removesuffix(".jd"), path
    preset = library.get(source)
    return preset.document, preset_file_name(preset.name, ""), None


def _single_job(
    posting: tuple[JobDescription, str, Path | None], output: str, formats: list[Format]
) -> Job:
    document, _stem, source = posting
    target = Path(output)
    named = for_path(target) if output != "-" else None
    if formats:
        chosen = formats[0]
        if output != "-" and named is not chosen:
            raise DocumentError(
                target,
                Message(
                    N_("is not a name for a {format} file: name the output '{name}'"),
                    format=_label(chosen),
                    name=target.with_suffix(chosen.suffix).name,
                ),
            )
    elif output == "-":
        chosen = FORMATS["docx"]
    elif named is None:
        raise DocumentError(
            target,
            Message(
                N_("has no suffix jdeditor exports to: name it {suffixes}, or give --format"),
                suffixes=_SUFFIX_LIST,
            ),
        )
    else:
        chosen = named
    return document, target, chosen, source


def _refuse_clashes(jobs: list[Job]) -> None:
    seen: dict[str, Path | None] = {}
    for _document, target, _format, source in jobs:
        # One file on case-insensitive disks too, and through a symlink among the outputs.
        try:
            key = str(target.resolve()).casefold()
        except (OSError, RuntimeError):
            key = str(target).casefold()
        if key in seen:
            a_preset = term(N_("a preset"))
            raise DocumentError(
                target,
                Message(
                    N_(
                        "would be written for two postings; export them to different folders "
                        "({first} and {second})"
                    ),
                    first=str(seen[key]) if seen[key] else a_preset,
                    second=str(source) if source else a_preset,
                ),
            )
        seen[key] = source


class _Inputs:
    """The command's input files, looked at once: checking 600 outputs against 600 inputs
    one pair at a time took longer than writing them."""

    def __init__(self, paths: Sequence[Path | None]) -> None:
        self._resolved: set[Path] = set()
        self._identities: set[tuple[int, int]] = set()
        for path in paths:
            if path is None:
                continue
            with contextlib.suppress(OSError, RuntimeError, ValueError):
                self._resolved.add(path.resolve())
                status = path.stat()
                self._identities.add((status.st_dev, status.st_ino))

    def includes(self, output: Path) -> bool:
        """What ``files.same_file`` says for any of the inputs: the same path, a link to one,
        or another name (hard link) of one."""
        try:
            if output.resolve() in self._resolved:
                return True
            status = output.stat()
        except (OSError, RuntimeError, ValueError):
            return False
        return (status.st_dev, status.st_ino) in self._identities


def _check_output(output: Path, chosen: Format, inputs: _Inputs) -> None:
    if for_path(output) is not chosen:
        raise DocumentError(
            output,
            Message(
                N_(
                    "is not a name for a {format} file: export writes {suffix} files here; "
                    "name the output '{name}'"
                ),
                format=_label(chosen),
                suffix=chosen.suffix,
                name=output.with_suffix(chosen.suffix).name,
            ),
        )
    if inputs.includes(output):
        raise DocumentError(
            output,
            N_("is also an input of this command; writing it would replace that input"),
        )


def _write(
    document: JobDescription,
    target: Path,
    chosen: Format,
    options: ExportOptions,
    batch: WriteBatch,
) -> None:
    data = chosen.render(document, options)
    if str(target) == "-":
        _write_stdout(data)
    else:
        atomic_write(target, data, batch=batch)


def _write_stdout(data: bytes) -> None:
    if sys.stdout is None:  # started with standard output closed
        raise DocumentError(Path("-"), N_("standard output is closed; name a file with -o"))
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise DocumentError(
            Path("-"),
            Message(
                N_("cannot be written to standard output: {reason}"),
                reason=describe_os_error(error),
            ),
        ) from None
