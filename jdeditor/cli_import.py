"""``jdeditor import``: postings written elsewhere (.docx, .md, .html, .txt, .jsonld) as
*.jd.json drafts to check and finish in the window.

Every guess is printed, so what was recognised can be checked; text no rule placed is kept at
the end of the summary. Exit 0 when every import is a valid posting, 1 when one could not be
read or still has errors (its draft is written all the same: nothing read is lost).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from jdeditor._text import printable
from jdeditor.files import DocumentError, atomic_write, same_file
from jdeditor.importer import ImportResult, import_posting


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "import",
        help="turn postings in .docx, .md, .html, .txt or .jsonld into *.jd.json files",
        description="Import existing postings. Each guess is printed for you to check; text "
        "that could not be placed is kept at the end of the summary.",
    )
    command.add_argument("files", nargs="+", type=Path, metavar="FILE")
    command.add_argument("-o", "--output", type=Path, help="the *.jd.json to write (one FILE)")
    command.add_argument(
        "-d", "--directory", type=Path, help="folder for the *.jd.json files (default: here)"
    )


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.output is not None and (len(args.files) > 1 or args.directory is not None):
        parser.error("-o names one file: use -d DIR to import several")
    if args.output is not None and not args.output.name.endswith(".jd.json"):
        parser.error("-o must name a *.jd.json file")
    targets = (
        [args.output]
        if args.output is not None
        else [(args.directory or Path()) / _target_name(path) for path in args.files]
    )
    _refuse_clashes(args.files, targets)
    failed = False
    for source, target in zip(args.files, targets, strict=True):
        try:
            result = import_posting(source)
        except DocumentError as error:
            failed = True
            for line in error.lines():
                print(f"jdeditor: {line}", file=sys.stderr)
            continue
        for line in result.messages():
            print(printable(line))
        failed = failed or result.document is None
        _write(result, target)
    return 1 if failed else 0


def _target_name(path: Path) -> str:
    return f"{path.stem}.jd.json"


def _refuse_clashes(sources: list[Path], targets: list[Path]) -> None:
    seen: set[str] = set()
    for target in targets:
        if any(same_file(target, source) for source in sources):
            raise DocumentError(target, "is one of the files to import; it would be replaced")
        key = str(target).casefold()
        if key in seen:
            raise DocumentError(target, "would be written for two imports; use -d with -o")
        seen.add(key)


def _write(result: ImportResult, target: Path) -> None:
    document = result.document
    data = (
        document.to_json()
        if document is not None
        else json.dumps(result.draft, ensure_ascii=False, indent=2) + "\n"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data.encode("utf-8"))
    state = "" if document is not None else " (a draft with errors: open it in jdeditor to finish)"
    print(printable(f"wrote {target}{state}"))
