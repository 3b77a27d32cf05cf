"""Problems with a posting, as data: validation errors in plain words and leftover placeholders.

The CLI prints these, the window lists them and marks the fields they name; neither has to know
pydantic's error vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from jdeditor._text import printable
from jdeditor.model import JobDescription

__all__ = [
    "COMPANY_PLACEHOLDER",
    "PLACEHOLDER",
    "FieldPath",
    "Problem",
    "Severity",
    "company_for_placeholder",
    "field_label",
    "find_placeholders",
    "printable",
    "problems_from_validation_error",
    "review",
]

FieldPath = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"  # the posting is not valid: save as preset and export are blocked
    WARNING = "warning"  # valid, but not ready to publish (e.g. a placeholder is left)


@dataclass(frozen=True, slots=True)
class Problem:
    severity: Severity
    path: FieldPath
    """Where the problem is, e.g. ``("salary", "maximum")`` or ``("skills", 2)`` (0-based)."""
    message: str
    """A sentence naming the field in plain words, e.g. 'Maximum pay must not be less than …'."""
    found: tuple[str, ...] = ()
    """For a placeholder warning: the placeholders themselves, e.g. ``("[Company name]",)``."""

    @property
    def dotted_path(self) -> str:
        return ".".join(str(part) or '""' for part in self.path) or "(document)"


PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,200}\]")
"""A placeholder a hiring manager must replace: short text in square brackets, '[Company name]'.

Built-in presets use this form for everything the source documents leave out, so a posting
still carrying one is not ready to publish.
"""


COMPANY_PLACEHOLDER = "[Company name]"
"""The one placeholder that is a variable: every posting shows it as the Company field's value
once that is filled in, so the name is typed once (the built-in presets use it in statements)."""


def company_for_placeholder(document: JobDescription) -> str:
    """What ``COMPANY_PLACEHOLDER`` stands for in ``document``: the company name, or '' while
    the name is empty or is itself a placeholder (then the placeholder is left to replace)."""
    name = document.company.name.strip()
    return "" if not name or PLACEHOLDER.search(name) else name


def review(document: JobDescription) -> list[Problem]:
    """Warnings on a valid posting that is not ready to publish yet."""
    problems = find_placeholders(document)
    if document.salary is None:
        problems.append(
            Problem(
                Severity.WARNING,
                ("salary",),
                "Pay is not stated: postings with a pay range attract more applicants, and many "
                "US states and EU countries require one",
            )
        )
    return problems


def find_placeholders(document: JobDescription) -> list[Problem]:
    """One warning per text field that still holds a ``[placeholder]``.

    ``COMPANY_PLACEHOLDER`` counts only while there is no company name to stand for it: every
    renderer shows the name there (``outline.build_outline``).
    """
    problems = []
    resolved = bool(company_for_placeholder(document))
    for path, text in _text_fields(document.model_dump(mode="json")):
        found = [
            placeholder
            for placeholder in PLACEHOLDER.findall(text)
            if not (resolved and placeholder == COMPANY_PLACEHOLDER)
        ]
        if found:
            label = field_label(path)
            problems.append(
                Problem(
                    Severity.WARNING,
                    path,
                    f"{label} still has a placeholder to replace: {', '.join(found)}",
                    tuple(found),
                )
            )
    return problems


def _text_fields(value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _text_fields(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _text_fields(item, (*path, index))


def problems_from_validation_error(error: ValidationError) -> list[Problem]:
    """Turn pydantic's errors on a ``JobDescription`` into plain-word problems."""
    try:
        details = error.errors(include_url=False)
    except UnicodeEncodeError:
        # Pydantic renders every message at once; one that echoes a lone surrogate fails them
        # all. Files are checked for those on reading, so only a typed value gets here.
        return [
            Problem(
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
        problems.append(Problem(Severity.ERROR, path, text))
    return problems


def field_label(path: FieldPath, model: type[BaseModel] = JobDescription) -> str:
    """The plain-word name of the field at ``path``: 'Pay: maximum pay', 'Skills, item 3'."""
    words: list[str] = []
    current: type[BaseModel] | None = model
    for part in path:
        if isinstance(part, int):
            words.append(f"item {part + 1}")
            continue
        info = current.model_fields.get(part) if current is not None else None
        if info is None:
            words.append(
                f"“{printable(part)}”" if part.strip("_ ") == "" else part.replace("_", " ")
            )
            current = None
            continue
        words.append(info.title or part.replace("_", " "))
        current = _nested_model(info.annotation)
    if not words:
        return "The document"
    # The outer title only adds noise when the inner one already says it ("Pay: Minimum pay").
    label = words[-1]
    if len(words) > 1 and isinstance(path[-1], int):
        label = f"{words[-2]}, {words[-1]}"
    return label[0].upper() + label[1:]


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, UnionType):
        for argument in get_args(annotation):
            found = _nested_model(argument)
            if found is not None:
                return found
    return None


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
