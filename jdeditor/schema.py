"""A posting's JSON without pydantic: the schema version and its migrations, and the choices a
field may hold, each with its label.

The model (``model.py``) validates with these and re-exports them; they live here so that the
window can read a file and fill its form before pydantic and the model have loaded (building
the model is the costliest step of a start). Nothing here imports more than the standard
library and ``jdeditor.i18n``.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from jdeditor.i18n import N_

SCHEMA_VERSION = 2
"""Version of the JSON document format written by this jdeditor (2: dates posted and valid)."""


# --- Enumerations -----------------------------------------------------------------------------
class LabelledEnum(StrEnum):
    """A string enum whose members carry an English label for forms and documents; the label
    is marked for the posting catalogue, and ``jdeditor.i18n.label`` gives it in a language."""

    label: str

    def __new__(cls, value: str, label: str) -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Level(LabelledEnum):
    ENTRY = "entry", N_("Entry level")
    MID = "mid", N_("Mid level")
    SENIOR = "senior", N_("Senior level")
    DIRECTOR = "director", N_("Director")
    EXECUTIVE = "executive", N_("Executive")


class EmploymentType(LabelledEnum):
    FULL_TIME = "full-time", N_("Full-time")
    PART_TIME = "part-time", N_("Part-time")
    CONTRACT = "contract", N_("Contract")
    TEMPORARY = "temporary", N_("Temporary")
    INTERNSHIP = "internship", N_("Internship")


class WorkArrangement(LabelledEnum):
    ON_SITE = "on-site", N_("On-site")
    HYBRID = "hybrid", N_("Hybrid")
    REMOTE = "remote", N_("Remote")


class PayPeriod(LabelledEnum):
    YEAR = "year", N_("per year")
    MONTH = "month", N_("per month")
    HOUR = "hour", N_("per hour")


class EducationLevel(LabelledEnum):
    """Ordered from least to most: the order is used to compare minimum and preferred levels."""

    NONE = "none", N_("No formal education required")
    HIGH_SCHOOL = "high-school", N_("High school diploma or equivalent")
    ASSOCIATE = "associate", N_("Associate degree")
    BACHELOR = "bachelor", N_("Bachelor's degree")
    MASTER = "master", N_("Master's degree")
    DOCTORATE = "doctorate", N_("Doctorate")

    @property
    def rank(self) -> int:
        return list(EducationLevel).index(self)


# --- Schema versions --------------------------------------------------------------------------
Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _add_dates(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 added ``date_posted`` and ``valid_through``, both optional: a version-1
    document is a version-2 document without them."""
    return data


MIGRATIONS: dict[int, Migration] = {1: _add_dates}
"""``MIGRATIONS[n]`` turns a version-``n`` document into a version-``n + 1`` one."""


class SchemaTooNewError(ValueError):
    """A document written by a newer jdeditor; ``context`` holds both versions (``found``,
    ``supported``), as the model's ``schema_too_new`` error does."""

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(f"format version {found}; this jdeditor reads up to {supported}")
        self.context = {"found": found, "supported": supported}


def upgrade(
    data: dict[str, Any],
    current: int = SCHEMA_VERSION,
    migrations: dict[int, Migration] = MIGRATIONS,
) -> dict[str, Any]:
    """Bring a parsed document to version ``current``; ``SchemaTooNewError`` for a newer one.

    A malformed version is left for the model's validation to report in its usual words.
    Returns a new dict when anything changed; ``data`` itself is never modified.
    """
    version = data.get("schema_version", current)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return data
    if version > current:
        raise SchemaTooNewError(version, current)
    migrated = dict(data)
    while version < current:
        migrated = migrations[version](migrated)
        version += 1
        migrated["schema_version"] = version
    return migrated
