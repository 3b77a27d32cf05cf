"""Fields named in plain words, the way the form titles them: 'Pay: maximum pay' → 'Maximum pay'."""

from __future__ import annotations

from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from jdeditor._text import printable
from jdeditor.checks._core import FieldPath
from jdeditor.model import JobDescription


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
