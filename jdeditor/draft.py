"""A posting being edited: plain JSON data that may be invalid while the user types.

The window edits a *draft* (the ``JobDescription`` JSON shape, as nested dicts and lists) so
that a half-typed value never has to be refused. Every change is a new draft (copy on write
along the changed path), which keeps undo simple. ``check`` validates a draft with the one
model and returns the problems to show; ``best_effort`` gives the valid posting closest to it,
so the preview shows everything except the parts that are wrong.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

    from jdeditor.checks import FieldPath, Finding
    from jdeditor.model import JobDescription

# A draft is plain data: reading and changing one (``value_at``, ``with_value``) needs no
# pydantic, so the window fills its form and takes typing before the model has loaded. Checking
# one loads the model and the checks, inside the functions that do.

Draft = dict[str, Any]


def blank_draft() -> Draft:
    """A new, empty posting: every field at its default, title and duties still to write."""
    from jdeditor.model import JobDescription  # noqa: PLC0415 - see the note above

    return JobDescription.model_construct(title="", responsibilities=()).model_dump(mode="json")


def draft_of(document: JobDescription) -> Draft:
    return document.model_dump(mode="json")


def value_at(draft: Mapping[str, Any], path: FieldPath) -> Any:
    """The value at ``path``, or None where the path does not exist (e.g. no salary yet)."""
    value: Any = draft
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def with_value(draft: Any, path: FieldPath, value: Any) -> Any:
    """A new draft with ``value`` at ``path``; parts not on the path are shared, not copied."""
    if not path:
        raise ValueError("a draft change needs a field path")
    head, *rest = path
    updated: Any = copy.copy(draft)
    if rest:
        child = value_at(draft, (head,))
        updated[head] = with_value(child if child is not None else {}, tuple(rest), value)
    else:
        updated[head] = value
    return updated


@dataclass(frozen=True, slots=True)
class Check:
    document: JobDescription | None
    """The validated posting, or None while the draft has errors."""
    problems: list[Finding]
    """Errors (block save-as-preset and export) and warnings (placeholders), errors first."""

    @property
    def errors(self) -> list[Finding]:
        return [p for p in self.problems if p.severity == "error"]


def check(draft: Draft) -> Check:
    """Validate the draft, then look for the warnings the CLI and the export give
    (``checks.problems``); the advice runs apart, after a pause (``ui/advice.py``).

    A draft with errors is reviewed on its valid parts; a pay range that is only wrong is not
    reported as missing too.
    """
    from pydantic import ValidationError  # noqa: PLC0415 - see the note at the top

    from jdeditor.checks import problems, problems_from_validation_error  # noqa: PLC0415
    from jdeditor.model import JobDescription  # noqa: PLC0415

    try:
        document = JobDescription.model_validate(draft)
    except ValidationError as error:
        errors = problems_from_validation_error(error)
        has_pay = draft.get("salary") is not None
        warnings = [
            warning
            for warning in problems(best_effort(draft))
            if not (has_pay and warning.path == ("salary",))
        ]
        return Check(None, errors + warnings)
    return Check(document, problems(document))


_REQUIRED_AT_TOP = {"title": "", "responsibilities": ()}


_last_best_effort: tuple[Draft, JobDescription] | None = None


def best_effort(draft: Draft) -> JobDescription:
    """The valid posting closest to ``draft``: invalid values fall back to their defaults.

    Remembers its last answer: the check and the preview of one edit ask about the same draft,
    and drafts are never changed in place (``with_value`` makes a new one), so identity is
    enough to know it is the same.
    """
    global _last_best_effort  # noqa: PLW0603 - a one-entry cache
    if _last_best_effort is not None and _last_best_effort[0] is draft:
        return _last_best_effort[1]
    result = _best_effort(draft)
    _last_best_effort = (draft, result)
    return result


def _best_effort(draft: Draft) -> JobDescription:
    """See ``best_effort``; this is the uncached work.

    A bad list item is dropped, a bad field reset, a section whose required part is bad (a pay
    range without a valid minimum) left out. The two fields every posting needs are kept as
    typed (even empty) so the preview can show a posting that has no title yet.
    """
    from pydantic import ValidationError  # noqa: PLC0415 - see the note at the top

    from jdeditor.model import LIST_PATHS, JobDescription  # noqa: PLC0415

    data = copy.deepcopy(draft)
    required = {key: data.pop(key, default) for key, default in _REQUIRED_AT_TOP.items()}
    title = required["title"] if isinstance(required["title"], str) else ""
    items = required["responsibilities"]
    duties = [item for item in items if isinstance(item, str)] if isinstance(items, list) else []
    data.update(title="Untitled", responsibilities=["-"])
    for path in LIST_PATHS:
        items = value_at(data, path)
        if isinstance(items, list) and path != ("responsibilities",):
            parent: Any = value_at(data, path[:-1]) if len(path) > 1 else data
            parent[path[-1]] = list(_clean_items([i for i in items if isinstance(i, str)]))
    for _ in range(20):  # each round removes at least one bad value; postings have fewer fields
        try:
            valid = JobDescription.model_validate(data)
            break
        except ValidationError as error:
            _drop_invalid(data, error)
    else:  # pragma: no cover - a draft this broken only comes from a hand-edited file
        valid = JobDescription(title="Untitled", responsibilities=("-",))
    return valid.model_copy(
        update={"title": title.strip(), "responsibilities": _clean_items(duties)}
    )


@cache
def _item_adapter() -> TypeAdapter[str]:
    from pydantic import TypeAdapter  # noqa: PLC0415 - see the note at the top

    from jdeditor.model import Item  # noqa: PLC0415

    return TypeAdapter(Item)


def _clean_items(items: list[str]) -> tuple[str, ...]:
    """The items the model would accept, cleaned as it cleans them, repeats left out."""
    from pydantic import ValidationError  # noqa: PLC0415 - see the note at the top

    adapter = _item_adapter()
    seen: set[str] = set()
    kept = []
    for raw in items:
        try:
            item = adapter.validate_python(raw)
        except ValidationError:
            continue
        if item.casefold() not in seen:
            seen.add(item.casefold())
            kept.append(item)
    return tuple(kept)


def _drop_invalid(data: Draft, error: ValidationError) -> None:
    # Deepest paths first, and list indices from the end, so removals do not shift each other.
    locations = {tuple(detail["loc"]) for detail in error.errors()}
    for loc in sorted(locations, key=_removal_order):
        if loc and not _remove(data, loc):
            _remove(data, loc[:-1])


def _removal_order(loc: tuple[Any, ...]) -> tuple[int, tuple[Any, ...]]:
    return (-len(loc), tuple(-part if isinstance(part, int) else 0 for part in loc))


def _remove(data: Draft, loc: tuple[Any, ...]) -> bool:
    """Remove the value at ``loc``; False when it is not there (a missing required field)."""
    if not loc:
        return False
    parent: Any = value_at(data, loc[:-1]) if len(loc) > 1 else data
    key: Any = loc[-1]
    if isinstance(parent, list) and isinstance(key, int) and key < len(parent):
        del parent[key]
        return True
    if isinstance(parent, dict) and key in parent:
        del parent[key]
        return True
    return False
