"""Sentences in the user's language: an English template and its values, composed when read.

A check, the importer or a file error writes its sentence once, in English, as a template
marked for the catalogue (``N_("{field} has {count} items")``), and hands over the values. The
sentence is composed where it is shown (``compose``), in ``ui_language()``: the template is
looked up in the messages catalogue, and a value that is itself our words (a field's name, a
choice, a phrase such as "the page title") is given in that language too: it is ``Localized``.
A value the user typed is put in as it is, never read as a template.

``Localized`` words are a ``str`` holding their English, so they compare, hash, sort and
serialise as the English sentence did; ``localized`` gives them in a language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from jdeditor.i18n import N_, SOURCE_LANGUAGE, Domain, translations, ui_language

__all__ = [
    "Listing",
    "Localized",
    "Message",
    "compose",
    "localized",
    "say",
    "sentence_case",
    "term",
]


class Localized(str):
    """Words that can be said in every catalogue language; as a ``str``, their English."""

    __slots__ = ()

    def in_language(self, language: str) -> str:
        """The words in ``language`` ('en', 'zh_CN')."""
        raise NotImplementedError


class Message(Localized):
    """A template and its values: ``Message(N_("{field} is blank"), field=FieldName(path))``."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, /, **params: object) -> Message:
        message = super().__new__(cls, compose(template, params, SOURCE_LANGUAGE))
        message.template = template
        message.params = params
        return message

    def in_language(self, language: str) -> str:
        return compose(self.template, self.params, language)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_message, (self.template, self.params))


def _message(template: str, params: dict[str, object]) -> Message:
    return Message(template, **params)


def term(english: str) -> Message:
    """A phrase of ours with no values ('the page title'), looked up when shown."""
    return Message(english)


class Listing(Localized):
    """Items joined as a list reads in each language: 'A, B and C', 'A、B和C'; with no
    ``conjunction`` ('and', 'or'), 'A, B, C'. ``separator`` is a marked one: ``N_("; ")``."""

    items: tuple[str, ...]
    conjunction: str
    separator: str

    def __new__(
        cls, items: Iterable[str], *, conjunction: str = "", separator: str = N_(", ")
    ) -> Listing:
        items = tuple(items)
        listing = super().__new__(cls, _join(items, conjunction, separator, SOURCE_LANGUAGE))
        listing.items = items
        listing.conjunction = conjunction
        listing.separator = separator
        return listing

    def in_language(self, language: str) -> str:
        return _join(self.items, self.conjunction, self.separator, language)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_listing, (self.items, self.conjunction, self.separator))


def _listing(items: tuple[str, ...], conjunction: str, separator: str) -> Listing:
    return Listing(items, conjunction=conjunction, separator=separator)


_CONJUNCTIONS = {"and": N_("{items} and {last}"), "or": N_("{items} or {last}")}


def _join(items: tuple[str, ...], conjunction: str, separator: str, language: str) -> str:
    parts = [localized(item, language) for item in items]
    separator = _lookup(separator, language)
    if not conjunction or len(parts) < 2:
        return separator.join(parts)
    values = {"items": separator.join(parts[:-1]), "last": parts[-1]}
    return compose(_CONJUNCTIONS[conjunction], values, language)


class _FirstCapital(Localized):
    """Words whose first letter is a capital in every language (a note that starts a line)."""

    words: str

    def __new__(cls, words: str) -> _FirstCapital:
        capital = super().__new__(cls, _capital(str(words)))
        capital.words = words
        return capital

    def in_language(self, language: str) -> str:
        return _capital(localized(self.words, language))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_FirstCapital, (self.words,))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence_case(words: str) -> str:
    """``words`` with a capital first letter, in whichever language they are shown."""
    return _FirstCapital(words) if isinstance(words, Localized) else _capital(words)


def _lookup(template: str, language: str) -> str:
    if not template or language == SOURCE_LANGUAGE:  # gettext("") is the catalogue's header
        return template
    return translations(Domain.MESSAGES, language).gettext(template)


def localized(words: str, language: str | None = None) -> str:
    """``words`` in ``language`` (default: the user's) when they are ours; the user's text as is."""
    if not isinstance(words, Localized):
        return words
    language = language or ui_language()
    return str(words) if language == SOURCE_LANGUAGE else words.in_language(language)


def compose(
    template: str, params: Mapping[str, object] | None = None, language: str | None = None
) -> str:
    """The sentence ``template`` says with ``params``, in ``language`` (default: the user's).

    A template with no values is only looked up (a sentence from elsewhere, pydantic's own,
    passes through unchanged); values are put in by name and never read as templates
    themselves, so a user's '{' or '}' is only text.
    """
    language = language or ui_language()
    english = language == SOURCE_LANGUAGE  # Localized words are their English already
    if isinstance(template, Localized):
        return str(template) if english else template.in_language(language)
    text = _lookup(template, language)
    if not params:
        return text
    return text.format_map(
        {
            name: value.in_language(language)
            if isinstance(value, Localized) and not english
            else value
            for name, value in params.items()
        }
    )


def say(template: str, /, **params: object) -> str:
    """The sentence composed now, in the user's language: for an exception's message, which is
    a plain ``str`` wherever it is shown."""
    return compose(template, params)
