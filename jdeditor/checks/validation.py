"""Validation errors in plain words: pydantic's error vocabulary never reaches the user."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from jdeditor.checks._core import FieldPath, Finding, Severity
from jdeditor.checks._labels import Choice, FieldName
from jdeditor.checks._message import Listing
from jdeditor.i18n import N_
from jdeditor.model import EducationLevel


def problems_from_validation_error(error: ValidationError) -> list[Finding]:
    """Turn pydantic's errors on a ``JobDescription`` into plain-word problems."""
    try:
        details = error.errors(include_url=False)
    except UnicodeEncodeError:
        # Pydantic renders every message at once; one that echoes a lone surrogate fails them
        # all. Files are checked for those on reading, so only a typed value gets here.
        return [
            Finding(
                "validation.not-text",
                Severity.ERROR,
                (),
                N_(
                    "The posting contains a character that is not text (a lone surrogate); "
                    "retype the last change"
                ),
            )
        ]
    problems = []
    for detail in details:
        if detail["type"] == "schema_too_new":
            problems.append(schema_too_new(detail.get("ctx")))
            continue
        path: FieldPath = tuple(detail["loc"])
        code = "validation." + detail["type"].replace("_", "-")
        template, params = _plain_message(detail)
        problems.append(Finding(code, Severity.ERROR, path, template, params=params))
    return problems


def schema_too_new(context: Mapping[str, Any] | None) -> Finding:
    """The problem of a file a newer jdeditor wrote (``model.migrate``'s error, its context)."""
    values = {key: str(value) for key, value in (context or {}).items()}
    return Finding(
        "validation.schema-too-new",
        Severity.ERROR,
        ("schema_version",),
        N_(
            "This file was written by a newer jdeditor (format version {found}); this jdeditor "
            "reads up to version {supported}: update jdeditor to open it"
        ),
        params=values,
    )


_DATE = N_("{field} is not a date such as 2026-12-31")
# Pydantic's error types and the model's own (model.py, in its words) → plain words, formatted
# with the error's context values.
_MESSAGES = {
    "missing": N_("{field} is required"),
    "too_short": N_("{field} needs at least one item"),
    "too_long": N_("{field} has too many items ({actual_length}; at most {max_length})"),
    "string_too_long": N_(
        "{field} is too long ({length} characters; at most {max_length} are allowed)"
    ),
    "greater_than": N_("{field} must be more than {gt}"),
    "greater_than_equal": N_("{field} must be at least {ge}"),
    "less_than_equal": N_("{field} must be at most {le}"),
    "multiple_of": N_("{field} must be a multiple of {multiple_of}"),
    "decimal_max_places": N_("{field} can have at most {decimal_places} decimal places"),
    "enum": N_("{field} must be one of: {expected}"),
    "extra_forbidden": N_("{field} is not a field jdeditor knows; check the spelling"),
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "date_type": _DATE,
    "single_line": N_("{field} must be a single line"),
    "invalid_character": N_(
        "{field} contains a character that is not text (U+{code}); retype or remove it"
    ),
    "bidi_control": N_(
        "{field} contains an invisible direction control (U+{code}) that can make text print "
        "backwards; retype or remove it"
    ),
    "control_character": N_(
        "{field} contains an invisible control character (U+{code}); retype or remove it"
    ),
    "duplicate_item": N_("{field} has a duplicate: item {number} repeats item {first}"),
    "currency": N_("{field} '{code}' is not an ISO 4217 currency code such as USD"),
    "country": N_("{field} '{code}' is not a two-letter ISO 3166 country code such as US or CN"),
    "language": N_("{field} '{tag}' is not a BCP 47 language tag such as en or zh-CN"),
    "email": N_("{field} is not a valid email address: {reason}"),
    "url": N_("{field} is not a web address such as https://example.com/jobs"),
    "pay_order": N_("{field} must not be less than the minimum pay ({minimum})"),
    "education_order": N_("{field} is below the minimum education ({minimum})"),
    "date_order": N_("{field} must not be before the date posted ({posted})"),
}
_EDUCATION = {level.label: level for level in EducationLevel}


def _plain_message(detail: Any) -> tuple[str, dict[str, str]]:
    """The template for one of pydantic's errors and its values."""
    kind = detail["type"]
    params: dict[str, str] = {"field": FieldName(tuple(detail["loc"]))}
    if kind == "string_too_short":
        is_item = bool(detail["loc"]) and isinstance(detail["loc"][-1], int)
        return (
            N_("{field} is blank: remove it or fill it in") if is_item else _MESSAGES["missing"]
        ), params
    template = _MESSAGES.get(kind)
    if template is None:
        # Pydantic's own words, as they are: the one sentence not in the user's language.
        return N_("{field} {problem}"), params | {"problem": _sentence(detail["msg"], lower=True)}
    params |= {key: _number(value) for key, value in detail.get("ctx", {}).items()}
    given = detail.get("input")
    if isinstance(given, str):
        params["length"] = _number(len(given))
    if kind == "enum":
        params["expected"] = _choices(params["expected"])
    if kind == "education_order" and params["minimum"] in _EDUCATION:
        params["minimum"] = Choice(_EDUCATION[params["minimum"]])
    return template, params


def _choices(expected: str) -> str:
    """Pydantic's "'entry', 'mid' or 'senior'" as a list said in the user's language."""
    values = re.findall(r"'[^']*'", expected)
    listing = Listing(values, conjunction="or") if values else expected
    return listing if listing == expected else expected


def _number(value: Any) -> str:
    """50.0 → '50', 100000000 → '100,000,000', 0.5 → '0.5'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | Decimal) else str(value)


def _sentence(message: str, *, lower: bool = False) -> str:
    message = message.removeprefix("Value error, ").rstrip(".")
    if lower and message[:2] != message[:2].upper():
        message = message[0].lower() + message[1:]
    return message
