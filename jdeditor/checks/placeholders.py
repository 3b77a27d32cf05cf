"""Placeholders left to replace: '[Company name]', '[City]'. A posting with one is not ready."""

from __future__ import annotations

import re

from jdeditor.checks._core import Context, Finding, Severity, prose
from jdeditor.checks._labels import FieldName
from jdeditor.checks._message import Listing
from jdeditor.i18n import N_
from jdeditor.model import JobDescription

PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,200}\]")
"""A placeholder a hiring manager must replace: short text in square brackets, '[Company name]'.

Built-in presets use this form for everything the source documents leave out, so a posting
still carrying one is not ready to publish.
"""

COMPANY_PLACEHOLDER = "[Company name]"
"""The one placeholder that is a variable: every posting shows it as the Company field's value
once that is filled in, so the name is typed once (the built-in presets use it in statements)."""
COMPANY_PLACEHOLDERS = (COMPANY_PLACEHOLDER, "[公司名称]")
"""The company placeholder in each language jdeditor writes presets in."""


def fill_company(text: str, company: str) -> str:
    """``text`` with every form of the company placeholder replaced by ``company`` (when set)."""
    if company and "[" in text:
        for placeholder in COMPANY_PLACEHOLDERS:
            text = text.replace(placeholder, company)
    return text


def company_for_placeholder(document: JobDescription) -> str:
    """What ``COMPANY_PLACEHOLDER`` stands for in ``document``: the company name, or '' while
    the name is empty or is itself a placeholder (then the placeholder is left to replace)."""
    name = document.company.name.strip()
    return "" if not name or PLACEHOLDER.search(name) else name


def check(document: JobDescription, context: Context | None = None) -> list[Finding]:
    """One warning per text field that still holds a ``[placeholder]``, spanning the first.

    ``COMPANY_PLACEHOLDERS`` count only while there is no company name to stand for it: every
    renderer shows the name there (``outline.build_outline``).
    """
    findings = []
    resolved = bool(company_for_placeholder(document))
    for path, text in prose(document):
        if "[" not in text:
            continue
        found = [
            match
            for match in PLACEHOLDER.finditer(text)
            if not (resolved and match.group() in COMPANY_PLACEHOLDERS)
        ]
        if found:
            names = Listing(match.group() for match in found)
            findings.append(
                Finding(
                    "placeholders.left",
                    Severity.WARNING,
                    path,
                    N_("{field} still has a placeholder to replace: {placeholders}"),
                    span=found[0].span(),
                    reference=N_(
                        "Built-in presets mark what a posting must fill in with [brackets]"
                    ),
                    found=tuple(match.group() for match in found),
                    params={"field": FieldName(path), "placeholders": names},
                )
            )
    return findings
