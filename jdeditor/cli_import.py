"""``jdeditor import``: postings written elsewhere (.docx, .md, .html, .txt, .jsonld) as
*.jd.json drafts to check and finish in the window.

Every guess is printed, so what was recognised can be checked; text no rule placed is kept at
the end of the summary. Exit 0 when every import is a valid posting, 1 when one could not be
read or written or still has errors (its draft is written all the same: nothing read is lost).
One file that fails does not stop the others.

Each FILE becomes FILE's name with its suffix replaced by ``.jd.json`` (``chat.md`` →
``chat.jd.json``; ``chat.jd.json`` keeps its name), here or in ``-d DIR``. Every target is
checked before anything is written: one that exists already is refused unless ``--force``
replaces it, and one that is an input (importing ``chat.jd.json`` into its own folder) or that
two inputs share (``chat.md`` and ``chat.html``) is always refused.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path

from jdeditor._text import printable
from jdeditor.checks import Message, say
from jdeditor.files import DocumentError, atomic_write, make_folder
from jdeditor.i18n import N_
from jdeditor.importer import ImportResult, import_posting


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "import",
        help=say(N_("turn postings in .docx, .md, .html, .txt or .jsonld into *.jd.json files")),
        description=say(
            N_(
                "Import existing postings. Each guess is printed for you to check; text that "
                "could not be placed is kept at the end of the summary. FILE.md (or .docx, "
                ".html, …) is written as FILE.jd.json, here or in -d DIR; a FILE.jd.json keeps "
                "its name, so import it into another folder. A *.jd.json that exists already "
                "is replaced only with --force."
            )
        ),
    )
    command.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help=say(N_("a posting to import"))
    )
    command.add_argument(
        "-o", "--output", type=Path, help=say(N_("the *.jd.json to write (one FILE)"))
    )
    command.add_argument(
        "-d",
        "--directory",
        type=Path,
        help=say(N_("folder for the *.jd.json files (default: here)")),
    )
    command.add_argument(
        "--force", action="store_true", help=say(N_("replace *.jd.json files that exist already"))
    )


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.output is not None and (len(args.files) > 1 or args.directory is not None):
        parser.error(say(N_("-o names one file: use -d DIR to import several")))
    if args.output is not None and not args.output.name.endswith(".jd.json"):
        parser.error(say(N_("-o must name a *.jd.json file")))
    targets = (
        [args.output]
        if args.output is not None
        else [(args.directory or Path()) / _target_name(path) for path in args.files]
    )
    _refuse_clashes(args.files, targets, force=args.force)
    failed = False
    for source, target in zip(args.files, targets, strict=True):
        try:
            result = import_posting(source)
            for line in result.messages():
                print(printable(line))
            failed = failed or result.document is None
            _write(result, target)
        except DocumentError as error:  # this file; the others are still imported
            failed = True
            for line in error.lines():
                print(f"jdeditor: {line}", file=sys.stderr)
    return 1 if failed else 0


def _target_name(path: Path) -> str:
    """'chat.md' → 'chat.jd.json'; 'chat.jd.json' and 'chat.json' → 'chat.jd.json'."""
    name = path.name
    for suffix in (".jd.json", path.suffix):
        if suffix and name.lower().endswith(suffix.lower()) and len(name) > len(suffix):
            return name[: -len(suffix)] + ".jd.json"
    return name + ".jd.json"


def _refuse_clashes(sources: list[Path], targets: list[Path], *, force: bool) -> None:
    """Every target checked before any file is imported or written."""
    inputs = _Inputs(sources)
    seen: dict[str, Path] = {}
    for source, target in zip(sources, targets, strict=True):
        if inputs.include(target):
            raise DocumentError(
                target,
                N_(
                    "is one of the files to import, and writing the import there would replace "
                    "it: write into another folder with -d DIR, or name another file with -o"
                ),
            )
        key = str(target).casefold()  # one file on case-insensitive disks too
        if key in seen:
            raise DocumentError(
                target,
                Message(
                    N_(
                        "would be written for two imports ({first} and {second}); import them "
                        "into different folders with -d DIR, or one at a time with -o"
                    ),
                    first=str(seen[key]),
                    second=str(source),
                ),
            )
        seen[key] = source
        if not force and os.path.lexists(target):
            raise DocumentError(target, N_("exists already; --force replaces it"))


class _Inputs:
    """The files to import, looked at once: what ``files.same_file`` says of a target and each
    of them (the same path, a link to one, another name of one), without comparing every
    target with every input (a million looks for 1,000 files)."""

    def __init__(self, paths: list[Path]) -> None:
        self._resolved: set[Path] = set()
        self._identities: set[tuple[int, int]] = set()
        for path in paths:
            with contextlib.suppress(OSError, RuntimeError, ValueError):
                self._resolved.add(path.resolve())
                status = path.stat()
                self._identities.add((status.st_dev, status.st_ino))

    def include(self, target: Path) -> bool:
        try:
            if target.resolve() in self._resolved:
                return True
            status = target.stat()
        except (OSError, RuntimeError, ValueError):
            return False
        return (status.st_dev, status.st_ino) in self._identities


def _write(result: ImportResult, target: Path) -> None:
    document = result.document
    text = (
        document.to_json()
        if document is not None
        else json.dumps(result.draft, ensure_ascii=False, indent=2) + "\n"
    )
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate: no file can hold it
        raise DocumentError(
            target,
            Message(
                N_("cannot be written: the posting holds a character that is not text (U+{code})"),
                code=f"{ord(error.object[error.start]):04X}",
            ),
        ) from None
    make_folder(target.parent)
    atomic_write(target, data)
    wrote = (
        N_("wrote {path}")
        if document is not None
        else N_("wrote {path} (a draft with errors: open it in jdeditor to finish)")
    )
    print(printable(say(wrote, path=str(target))))
