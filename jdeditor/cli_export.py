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
from jdeditor.checks import Family, Finding, problems, review
from jdeditor.export.formats import FORMATS, ExportOptions, Format, for_path, parse_formats
from jdeditor.files import (
    DocumentError,
    WriteBatch,
    atomic_write,
    describe_os_error,
    make_folder,
    read_document,
)
from jdeditor.library import PresetLibrary, preset_file_name
from jdeditor.model import JobDescription

_STRUCTURED = frozenset({"jsonld", "html"})
"""Formats whose JSON-LD Google for Jobs reads: what it requires is worth a note."""
_SUFFIX_LIST = ", ".join(f.suffix for f in FORMATS.values())


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help="export presets or *.jd.json files to Word, PDF, HTML, Markdown, text or JSON-LD",
        description="Export postings. Placeholders left in a posting are marked in the output "
        "and listed as warnings. The format comes from --format or from the output's suffix "
        f"({_SUFFIX_LIST}); Word (.docx) when neither says.",
    )
    export.add_argument("sources", nargs="*", metavar="SOURCE", help="preset names or files")
    export.add_argument(
        "-o", "--output", help="the file to write, '-' for standard output (one posting)"
    )
    export.add_argument(
        "-d", "--directory", type=Path, help="folder for several postings or formats"
    )
    export.add_argument(
        "--format",
        metavar="FORMATS",
        help=f"one or more of {', '.join(FORMATS)}, separated by commas (e.g. md,html,pdf)",
    )
    export.add_argument(
        "--all-presets", action="store_true", help="export every preset, one file each"
    )
    export.add_argument(
        "--template", type=Path, metavar="FILE", help="a company Word template (.dotx or .docx)"
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="replace files that exist (without it, only a file named with -o is replaced)",
    )


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.all_presets == bool(args.sources):
        parser.error("export needs preset names or files, or --all-presets (not both)")
    try:
        formats = parse_formats(args.format) if args.format else []
    except ValueError as error:
        parser.error(str(error))
    library = PresetLibrary()
    options = ExportOptions(template=args.template)
    if args.template is not None:
        from jdeditor.export.docx import template_notes  # noqa: PLC0415

        for note in template_notes(args.template):
            print(printable(f"jdeditor: warning: {args.template}: {note}"), file=sys.stderr)
    postings = _postings(library, args)
    single = len(postings) == 1 and len(formats) <= 1 and args.directory is None
    if args.output is not None and not single:
        parser.error("-o names one file: use -d DIR for several postings or formats")
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
                    "exists already; export replaces a file only when told to: add --force, "
                    "or name the output with -o",
                )
    with WriteBatch() as batch:  # every file lands when all are rendered, or none does
        for document, target, chosen, _source in jobs:
            _write(document, target, chosen, options, batch)
    _report(jobs)
    return 0


def _report(jobs: list[Job]) -> None:
    """What was written, and each posting's warnings, once every file has landed; for the
    formats Google for Jobs reads, also what it needs and the posting lacks."""
    warned: dict[int, list[Finding]] = {}
    for document, target, chosen, _source in jobs:
        if str(target) != "-":
            print(f"wrote {printable(str(target))}")
        # The same review as `validate` and the window's question: a line per warning.
        if id(document) not in warned:
            warned[id(document)] = problems(document)
        where = "standard output" if str(target) == "-" else str(target)
        for warning in warned[id(document)]:
            print(
                printable(f"jdeditor: warning: {where}: {warning.dotted_path}: {warning.message}"),
                file=sys.stderr,
            )
        if chosen.name in _STRUCTURED:
            for note in review(document, families=[Family.JOB_BOARDS]):
                print(
                    printable(f"jdeditor: note: {where}: {note.dotted_path}: {note.message}"),
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
            print(f"jdeditor: warning: skipped {skipped}", file=sys.stderr)
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
                f"is not a name for a {chosen.label} file: name the output "
                f"'{target.with_suffix(chosen.suffix).name}'",
            )
    elif output == "-":
        chosen = FORMATS["docx"]
    elif named is None:
        raise DocumentError(
            target,
            f"has no suffix jdeditor exports to: name it {_SUFFIX_LIST}, or give --format",
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
            raise DocumentError(
                target,
                "would be written for two postings; export them to different folders "
                f"({seen[key] or 'a preset'} and {source or 'a preset'})",
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
            f"is not a name for a {chosen.label} file: export writes {chosen.suffix} files "
            f"here; name the output '{output.with_suffix(chosen.suffix).name}'",
        )
    if inputs.includes(output):
        raise DocumentError(
            output, "is also an input of this command; writing it would replace that input"
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
        raise DocumentError(Path("-"), "standard output is closed; name a file with -o")
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise DocumentError(
            Path("-"), f"cannot be written to standard output: {describe_os_error(error)}"
        ) from None
