"""Problems and posting advice, as data: one ``review`` that the window, the CLI and the
export's question all read.

One module per family, each a pure function ``check(document, context) -> list[Finding]``:

========================  ==========================================================  ========
module                    what it finds                                               severity
========================  ==========================================================  ========
``validation``            the model's errors in plain words (``draft.check``)         error
``placeholders``          '[Company name]' and the like, left to replace              warning
``pay_transparency``      a pay range (and more) a law requires where the job is      warning
``wording``               gender-coded words (Gaucher, Friesen & Kay 2011)             advice
``inclusion``             age-, ability-coded words, jargon, a bloated required list  advice
``readability``           length, list length, long sentences, Flesch reading ease    advice
``job_boards``            what schema.org JobPosting and Google for Jobs need         advice
``spelling``              words not in the posting language's dictionary              advice
========================  ==========================================================  ========

Warnings make the export ask first; advice never asks and never blocks.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from jdeditor.checks._core import (
    Context,
    Family,
    FieldPath,
    Finding,
    Severity,
    Span,
    apply_suggestion,
    prose,
)
from jdeditor.checks._labels import FieldName, field_label
from jdeditor.checks._message import (
    Localized,
    Message,
    compose,
    localized,
    say,
    sentence_case,
    term,
)
from jdeditor.checks.placeholders import (
    COMPANY_PLACEHOLDER,
    COMPANY_PLACEHOLDERS,
    PLACEHOLDER,
    company_for_placeholder,
    fill_company,
)
from jdeditor.checks.validation import problems_from_validation_error
from jdeditor.model import JobDescription

__all__ = [
    "COMPANY_PLACEHOLDER",
    "COMPANY_PLACEHOLDERS",
    "FAMILIES",
    "PLACEHOLDER",
    "WARNING_FAMILIES",
    "Context",
    "Family",
    "FieldName",
    "FieldPath",
    "Finding",
    "Localized",
    "Message",
    "Severity",
    "Span",
    "advice",
    "apply_suggestion",
    "company_for_placeholder",
    "compose",
    "family_check",
    "field_label",
    "fill_company",
    "localized",
    "problems",
    "problems_from_validation_error",
    "prose",
    "review",
    "say",
    "sentence_case",
    "term",
]

Check = Callable[[JobDescription, Context], list[Finding]]

FAMILIES: dict[Family, str] = {
    Family.PLACEHOLDERS: "placeholders",
    Family.PAY: "pay_transparency",
    Family.WORDING: "wording",
    Family.INCLUSION: "inclusion",
    Family.READABILITY: "readability",
    Family.JOB_BOARDS: "job_boards",
    Family.SPELLING: "spelling",
}
"""Every family a review runs (its module here), in the order its findings are listed.

Imported when first run: the advice families compile their word lists on import, which the
CLI's other commands and the window's first check (warnings only) need not wait for."""


def family_check(family: Family) -> Check:
    module = importlib.import_module(f"jdeditor.checks.{FAMILIES[family]}")
    check: Check = module.check
    return check


WARNING_FAMILIES = (Family.PLACEHOLDERS, Family.PAY)
"""The families that can warn: cheap, so the window runs them on every edit (``draft.check``);
the rest only advise, and run after a typing pause on a worker thread."""

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.ADVICE: 2}


def review(
    document: JobDescription,
    context: Context | None = None,
    *,
    families: Iterable[Family] | None = None,
) -> list[Finding]:
    """Warnings and advice on a valid posting: warnings first, each family in its order."""
    context = context or Context()
    chosen = list(FAMILIES) if families is None else list(families)
    findings = [finding for family in chosen for finding in family_check(family)(document, context)]
    return sorted(_one_per_word(findings), key=lambda finding: _ORDER[finding.severity])


def _one_per_word(findings: list[Finding]) -> list[Finding]:
    """Leave out a spelling finding on words another family already advises about: 'rockstar'
    is jargon with a rewrite, and a second finding calling it misspelt is only noise."""
    spans = {
        (finding.path, finding.span)
        for finding in findings
        if finding.span is not None and finding.family != Family.SPELLING
    }

    def covered(finding: Finding) -> bool:
        if finding.family != Family.SPELLING or finding.span is None:
            return False
        start, end = finding.span
        return any(
            path == finding.path and other is not None and other[0] < end and start < other[1]
            for path, other in spans
        )

    return [finding for finding in findings if not covered(finding)]


def problems(document: JobDescription, context: Context | None = None) -> list[Finding]:
    """Only the warnings (placeholders, pay a law requires): what an export asks about."""
    found = review(document, context, families=WARNING_FAMILIES)
    return [finding for finding in found if finding.severity != Severity.ADVICE]


def advice(findings: Iterable[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity == Severity.ADVICE]
