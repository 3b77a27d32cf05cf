"""``jdeditor check``: the posting advice of the window, on the command line.

Exit 1 only when a posting cannot be read or is not valid (an error), or, with ``--strict``,
when one has warnings; advice never fails a run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date

from jdeditor._text import printable
from jdeditor.checks import Context, Finding, Severity, review, say
from jdeditor.files import DocumentError
from jdeditor.i18n import N_
from jdeditor.library import LibraryError, PresetLibrary
from jdeditor.model import JobDescription
from jdeditor.user_dictionary import dictionary_path, read_words

Resolve = Callable[[PresetLibrary, str], tuple[JobDescription, str]]

_SEVERITIES = {
    Severity.ERROR: N_("error"),
    Severity.WARNING: N_("warning"),
    Severity.ADVICE: N_("advice"),
}


def severity_word(severity: Severity) -> str:
    """'error', 'warning' or 'advice' in the user's language, for a ``file: field: severity:
    message`` line (JSON keeps the English code)."""
    return say(_SEVERITIES[severity])


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check",
        help=say(
            N_(
                "posting advice: wording, inclusion, readability, pay transparency, job "
                "boards, spelling"
            )
        ),
        description=say(
            N_(
                "Review postings offline. Exit 1 on errors (or on warnings with --strict); "
                "advice never fails. Pay-transparency findings are guidance, not legal advice."
            )
        ),
    )
    check.add_argument("sources", nargs="*", metavar="FILE_OR_PRESET")
    check.add_argument("--json", action="store_true", help=say(N_("every finding as JSON")))
    check.add_argument("--strict", action="store_true", help=say(N_("also exit 1 on warnings")))
    check.add_argument(
        "--rules",
        action="store_true",
        help=say(N_("print the pay-transparency rule table and its date")),
    )
    check.add_argument(
        "--today",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help=say(N_("apply the pay-transparency laws in force on this date (default: today)")),
    )


def run(parser: argparse.ArgumentParser, args: argparse.Namespace, resolve: Resolve) -> int:
    rules = ""
    if args.rules:
        from jdeditor.checks.pay_transparency import rules_table  # noqa: PLC0415

        # With --json, standard output is JSON alone: the table goes into it.
        rules = rules_table()
        if not args.json:
            sys.stdout.write(rules)
        elif not args.sources:
            json.dump({"rules": rules}, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        if not args.sources:
            return 0
    elif not args.sources:
        parser.error(say(N_("check needs a preset name or a *.jd.json file (or --rules)")))
    context = Context(today=args.today or date.today(), words=_user_words())
    library = PresetLibrary()
    failed = False
    reports = []
    for source in args.sources:
        try:
            document, _ = resolve(library, source)
        except DocumentError as error:
            findings = error.problems
            where = str(error.path)
        except LibraryError as error:
            findings = [Finding("validation.file", Severity.ERROR, (), str(error))]
            where = source
        else:
            findings = review(document, context)
            where = source
        failed = failed or any(
            f.severity == Severity.ERROR or (args.strict and f.severity == Severity.WARNING)
            for f in findings
        )
        reports.append((where, findings))
    if args.json:
        json.dump(
            {
                "today": context.today.isoformat(),
                **({"rules": rules} if rules else {}),
                "postings": [
                    {"source": where, "findings": [f.to_json() for f in findings]}
                    for where, findings in reports
                ],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        for where, findings in reports:
            _print_report(where, findings)
    return 1 if failed else 0


def _print_report(where: str, findings: list[Finding]) -> None:
    if not findings:
        nothing = say(N_("no problems, no advice"))
        print(printable(f"{where}: {nothing}"))
        return
    for finding in findings:
        severity = severity_word(finding.severity)
        line = f"{where}: {finding.dotted_path}: {severity}: {finding.message}"
        if finding.suggestion is not None:
            line += f" → “{finding.suggestion}”"
        print(printable(f"{line} [{finding.code}]"))
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    summary = say(
        N_("{error} error, {warning} warning, {advice} advice"),
        **{str(severity): count for severity, count in counts.items()},
    )
    print(printable(f"{where}: {summary}"))


def _user_words() -> frozenset[str]:
    try:
        return read_words()
    except DocumentError as error:
        without = say(N_("(checking without your dictionary)"))
        for line in error.lines():
            warning = say(N_("jdeditor: warning: {message}"), message=f"{line} {without}")
            print(printable(warning), file=sys.stderr)
        return frozenset()


__all__ = ["add_parser", "dictionary_path", "run", "severity_word"]
