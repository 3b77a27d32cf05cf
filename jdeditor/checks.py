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

from jdeditor.model import JobDescription

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

    @property
    def dotted_path(self) -> str:
        return ".".join(str(part) for part in self.path) or "(document)"


PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,200}\]")
"""A placeholder a hiring manager must replace: short text in square brackets, '[Company name]'.

Built-in presets use this form for everything the source documents leave out, so a posting
still carrying one is not ready to publish.
"""


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
    """One warning per text field that still holds a ``[placeholder]``."""
    problems = []
    for path, text in _text_fields(document.model_dump(mode="json")):
        found = PLACEHOLDER.findall(text)
        if found:
            label = field_label(path)
            problems.append(
                Problem(
                    Severity.WARNING,
                    path,
                    f"{label} still has a placeholder to replace: {', '.join(found)}",
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
    problems = []
    for detail in error.errors(include_url=False):
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
            words.append(part.replace("_", " "))
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


def _plain_message(detail: Any) -> str:
    kind = detail["type"]
    context = detail.get("ctx", {})
    given = detail.get("input")
    is_item = bool(detail["loc"]) and isinstance(detail["loc"][-1], int)
    match kind:
        case "missing":
            return "is required"
        case "string_too_short":
            return "is blank: remove it or fill it in" if is_item else "is required"
        case "string_too_long":
            return (
                f"is too long ({len(given)} characters; at most {context['max_length']} "
                "are allowed)"
            )
        case "too_short":
            return "needs at least one item"
        case "too_long":
            return f"has too many items ({len(given)}; at most {context['max_length']})"
        case "greater_than":
            return f"must be more than {_number(context['gt'])}"
        case "greater_than_equal":
            return f"must be at least {_number(context['ge'])}"
        case "less_than_equal":
            return f"must be at most {_number(context['le'])}"
        case "multiple_of":
            return f"must be a multiple of {_number(context['multiple_of'])}"
        case "decimal_max_places":
            return f"can have at most {context['decimal_places']} decimal places"
        case "enum":
            return f"must be one of: {context['expected']}"
        case "extra_forbidden":
            return "is not a field jdeditor knows; check the spelling"
        case _:
            return _sentence(detail["msg"], lower=True)


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
