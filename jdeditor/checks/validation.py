"""Validation errors in plain words: pydantic's error vocabulary never reaches the user."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from jdeditor.checks._core import FieldPath, Finding, Severity
from jdeditor.checks._labels import field_label


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
                "The posting contains a character that is not text (a lone surrogate); "
                "retype the last change",
            )
        ]
    problems = []
    for detail in details:
        path: FieldPath = tuple(detail["loc"])
        if detail["type"] == "schema_too_new":
            path = ("schema_version",)
            text = _sentence(detail["msg"])
        else:
            text = f"{field_label(path)} {_plain_message(detail)}"
        code = "validation." + detail["type"].replace("_", "-")
        problems.append(Finding(code, Severity.ERROR, path, text))
    return problems


# Pydantic error types → plain words, formatted with the error's context values.
_MESSAGES = {
    "missing": "is required",
    "too_short": "needs at least one item",
    "too_long": "has too many items ({actual_length}; at most {max_length})",
    "string_too_long": "is too long ({length} characters; at most {max_length} are allowed)",
    "greater_than": "must be more than {gt}",
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
    "multiple_of": "must be a multiple of {multiple_of}",
    "decimal_max_places": "can have at most {decimal_places} decimal places",
    "enum": "must be one of: {expected}",
    "extra_forbidden": "is not a field jdeditor knows; check the spelling",
    "date_parsing": "is not a date such as 2026-12-31",
    "date_from_datetime_parsing": "is not a date such as 2026-12-31",
    "date_from_datetime_inexact": "is not a date such as 2026-12-31",
    "date_type": "is not a date such as 2026-12-31",
}


def _plain_message(detail: Any) -> str:
    kind = detail["type"]
    if kind == "string_too_short":
        is_item = bool(detail["loc"]) and isinstance(detail["loc"][-1], int)
        return "is blank: remove it or fill it in" if is_item else "is required"
    template = _MESSAGES.get(kind)
    if template is None:
        return _sentence(detail["msg"], lower=True)
    context = {key: _number(value) for key, value in detail.get("ctx", {}).items()}
    given = detail.get("input")
    if isinstance(given, str):
        context["length"] = _number(len(given))
    return template.format(**context)


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
