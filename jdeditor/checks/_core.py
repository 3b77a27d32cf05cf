"""What every check shares: a finding as data, the context a review runs in, and the posting's
prose walked as (field path, text) pairs.

A check family is a module with one pure function ``check(document, context) -> list[Finding]``;
it never raises on a valid posting (a hypothesis property in tests/checks holds them to that).
Work that depends on one field's text alone is cached by that text, so a review after one edit
recomputes that field only (the incremental check the window runs while the user types).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Any

from jdeditor.checks._message import compose
from jdeditor.model import JobDescription, LabelledEnum

FieldPath = tuple[str | int, ...]
Span = tuple[int, int]


class Severity(StrEnum):
    ERROR = "error"  # the posting is not valid: save as preset and export are blocked
    WARNING = "warning"  # valid, but not ready to publish: export asks first
    ADVICE = "advice"  # a suggestion to weigh; never asks, never blocks


class Family(LabelledEnum):
    """Where a finding comes from; the first part of its code ('wording.masculine-coded')."""

    VALIDATION = "validation", "Validation"
    PLACEHOLDERS = "placeholders", "Placeholders"
    WORDING = "wording", "Gender-coded wording"
    INCLUSION = "inclusion", "Inclusive language"
    READABILITY = "readability", "Readability and length"
    PAY = "pay", "Pay transparency"
    JOB_BOARDS = "job-boards", "Job-board readiness"
    SPELLING = "spelling", "Spelling"
    IMPORT = "import", "Imported: check these"
    """Not a check: what an import recognised or could not place, shown until the next load."""


_FAMILIES = {str(family): family for family in Family}


class Params(Mapping[str, str]):
    """A finding's values, read-only and hashable, so findings compare and hash with them."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, str] | None = None) -> None:
        self._values = dict(values or {})

    def __getitem__(self, name: str) -> str:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __hash__(self) -> int:
        return hash(frozenset(self._values.items()))

    def __repr__(self) -> str:
        return repr(self._values)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a review found: the window, the CLI's JSON and the tests all read this.

    It holds its sentence as an English template and the values for it; ``message`` composes
    the sentence when read, in the user's language (``jdeditor.checks._message``). A sentence
    composed elsewhere (the window's own, pydantic's) is a template without values: it is
    shown as it is.
    """

    code: str
    """Stable identifier, '<family>.<rule>', e.g. 'inclusion.age-coded'."""
    severity: Severity
    path: FieldPath
    """Where it is, e.g. ``("salary", "maximum")`` or ``("skills", 2)`` (0-based)."""
    template: str
    """The sentence in English as marked for the catalogue: ``N_("{field} is blank")``."""
    span: Span | None = None
    """The characters ``[start, end)`` of the text at ``path`` the finding is about."""
    suggestion: str | None = None
    """A replacement for ``span`` the user can apply as one edit; None when there is none."""
    reference: str = ""
    """Where the rule comes from (a paper, a statute, a style guide), in English: ``source``
    gives it in the user's language."""
    found: tuple[str, ...] = ()
    """The words or placeholders found, e.g. ``("[Company name]",)``."""
    params: Mapping[str, str] = field(default_factory=Params)
    """The values of the template's ``{names}``; a ``Localized`` value is shown in the user's
    language, any other (the user's text) as it is."""

    def __post_init__(self) -> None:
        if not isinstance(self.params, Params):
            object.__setattr__(self, "params", Params(self.params))

    @property
    def message(self) -> str:
        """A sentence naming the field and the reason in plain words, in the user's language."""
        return compose(self.template, self.params)

    @property
    def source(self) -> str:
        """Where the rule comes from, in the user's language."""
        return compose(self.reference, self.params)

    @property
    def family(self) -> Family:
        return _FAMILIES[self.code.split(".", 1)[0]]

    @property
    def dotted_path(self) -> str:
        return ".".join(str(part) or '""' for part in self.path) or "(document)"

    def to_json(self) -> dict[str, Any]:
        """The finding for ``jdeditor check --json``: the message in the user's language, and
        the code and params it was composed from (the params in English)."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "field": self.dotted_path,
            "path": list(self.path),
            "span": list(self.span) if self.span else None,
            "message": self.message,
            "suggestion": self.suggestion,
            "source": self.source,
            "found": list(self.found),
            "params": {name: str(value) for name, value in self.params.items()},
        }


def apply_suggestion(text: str, finding: Finding) -> str:
    """``text`` (the value at ``finding.path``) with the finding's suggestion put in its span."""
    if finding.span is None or finding.suggestion is None:
        raise ValueError(f"{finding.code} has no suggestion to apply")
    start, end = finding.span
    return text[:start] + finding.suggestion + text[end:]


@dataclass(frozen=True, slots=True)
class Context:
    """What a review needs besides the posting."""

    today: date = field(default_factory=date.today)
    """Laws take effect on a date: the pay-transparency check is keyed on it."""
    words: frozenset[str] = frozenset()
    """Words the user added to their dictionary (compared case-insensitively)."""


# --- The posting's prose -------------------------------------------------------------------
# Fields holding codes, addresses or numbers: no wording, spelling or readability advice there.
_NOT_PROSE = frozenset({"language", "country", "currency", "email", "url", "website", "period"})


def prose(document: JobDescription) -> list[tuple[FieldPath, str]]:
    """Every non-empty text a reader of the posting reads, with its field path, in form order."""
    found: list[tuple[FieldPath, str]] = []
    _walk(document.model_dump(mode="python", exclude={"schema_version"}), (), found)
    return found


def _walk(value: Any, path: FieldPath, found: list[tuple[FieldPath, str]]) -> None:
    if isinstance(value, str):
        if value and not isinstance(value, StrEnum) and path[-1] not in _NOT_PROSE:
            found.append((path, value))
    elif isinstance(value, dict):
        for key, item in value.items():
            _walk(item, (*path, key), found)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _walk(item, (*path, index), found)


def is_english(document: JobDescription) -> bool:
    return document.language.split("-")[0].lower() == "en"


WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
"""A word: letters, with inner apostrophes ('don't'); digits and underscores split words."""


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[tuple[str, int, int], ...]:
    """The words of ``text`` with their spans: ``(("Answer", 0, 6), ...)``."""
    return tuple((m.group(), m.start(), m.end()) for m in WORD.finditer(text))
