"""Fields named in plain words, the way the form titles them: 'Maximum pay', 'Skills, item 3',
in English or in the user's language."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from jdeditor._text import printable
from jdeditor.checks._core import FieldPath
from jdeditor.checks._message import Localized, compose
from jdeditor.i18n import N_, SOURCE_LANGUAGE, label, ui_language
from jdeditor.model import JobDescription

TITLES = (
    N_("Schema version"),
    N_("Posting language"),
    N_("Job title"),
    N_("Level"),
    N_("Department"),
    N_("Location"),
    N_("City"),
    N_("State or region"),
    N_("Country"),
    N_("Employment type"),
    N_("Work arrangement"),
    N_("Summary"),
    N_("Responsibilities"),
    N_("Required qualifications"),
    N_("Preferred qualifications"),
    N_("Skills"),
    N_("Education"),
    N_("Minimum education"),
    N_("Preferred education"),
    N_("Fields of study"),
    N_("Experience accepted in place of education"),
    N_("Experience"),
    N_("Minimum years of experience"),
    N_("Certifications"),
    N_("How success is measured"),
    N_("Pay"),
    N_("Minimum pay"),
    N_("Maximum pay"),
    N_("Or more"),
    N_("Currency"),
    N_("Pay period"),
    N_("Pay note"),
    N_("Benefits"),
    N_("Company"),
    N_("Company name"),
    N_("About the company"),
    N_("Company website"),
    N_("How to apply"),
    N_("Application email"),
    N_("Application link"),
    N_("Equal-opportunity statement"),
    N_("Date posted"),
    N_("Apply by"),
)
"""Every field title of the model (``Field(title=...)``), marked for the messages catalogue:
the model's titles are English, and a test holds this table to them."""


def field_label(
    path: FieldPath, language: str | None = None, model: type[BaseModel] = JobDescription
) -> str:
    """The plain-word name of the field at ``path`` in ``language`` (default: the user's):
    'Maximum pay', 'Skills, item 3'; '技能要求第 3 项' in Chinese."""
    return _field_label(path, language or ui_language(), model)


@lru_cache(maxsize=4096)  # a review names every field of a long posting, every time
def _field_label(path: FieldPath, language: str, model: type[BaseModel]) -> str:
    words: list[str | int] = []
    current: type[BaseModel] | None = model
    for part in path:
        if isinstance(part, int):
            words.append(part)
            continue
        info = current.model_fields.get(part) if current is not None else None
        if info is None:
            # A key from a file, shown escaped: it may hold control characters or surrogates.
            words.append(
                f"“{printable(part)}”"
                if part.strip("_ ") == ""
                else printable(part.replace("_", " "))
            )
            current = None
            continue
        words.append(compose(info.title, language=language) if info.title else part)
        current = _nested_model(info.annotation)
    if not words:
        return compose(N_("The document"), language=language)

    def word(entry: str | int) -> str:
        if isinstance(entry, int):
            return compose(N_("item {number}"), {"number": str(entry + 1)}, language)
        return entry

    # The outer title only adds noise when the inner one already says it ("Pay: Minimum pay").
    last = words[-1]
    if isinstance(last, int) and len(words) > 1:
        values = {"list": word(words[-2]), "number": str(last + 1)}
        name = compose(N_("{list}, item {number}"), values, language)
    else:
        name = word(last)
    return name[0].upper() + name[1:]


class FieldName(Localized):
    """A field's name as a message's value: shown in the language the message is shown in."""

    path: FieldPath

    def __new__(cls, path: FieldPath) -> FieldName:
        name = super().__new__(cls, field_label(path, SOURCE_LANGUAGE))
        name.path = path
        return name

    def in_language(self, language: str) -> str:
        return field_label(self.path, language)

    def __reduce__(self) -> tuple[Any, ...]:
        return (FieldName, (self.path,))


class Choice(Localized):
    """A choice's label as a message's value ('Remote', '远程办公'), from the posting catalogue
    where the choices are translated; ``english`` says it otherwise in English (the code an
    import read: 'entry')."""

    member: StrEnum
    english: str

    def __new__(cls, member: StrEnum, english: str | None = None) -> Choice:
        english = label(member, SOURCE_LANGUAGE) if english is None else english
        choice = super().__new__(cls, english)
        choice.member = member
        choice.english = english
        return choice

    def in_language(self, language: str) -> str:
        return self.english if language == SOURCE_LANGUAGE else label(self.member, language)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Choice, (self.member, self.english))


def coded(choices: type[StrEnum], value: str) -> str:
    """A choice's code as a message's value: 'entry' in English, its label in another language;
    anything that is not one of ``choices`` as it is."""
    if value in {str(member) for member in choices}:
        return Choice(choices(value), english=value)
    return value


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, UnionType):
        for argument in get_args(annotation):
            found = _nested_model(argument)
            if found is not None:
                return found
    return None
