"""The job-description model: the single source of truth every other module reads.

Aligned with schema.org ``JobPosting`` so that a JSON-LD export is a mapping, not a rewrite.
Values are immutable (frozen models, tuples for lists): an edit makes a new model, which is
what an undo stack and a background preview want.

Text is normalised on the way in (NFC, stripped, tabs and odd line breaks folded) and refused
when it holds control characters. Optional text is ``""`` rather than ``None`` so that forms and
renderers never have to tell the two apart; optional numbers and choices are ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from typing import Annotated, Any

from babel import Locale, UnknownLocaleError
from babel.numbers import list_currencies
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    PlainSerializer,
    TypeAdapter,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from jdeditor._text import printable
from jdeditor.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    EducationLevel,
    EmploymentType,
    LabelledEnum,
    Level,
    Migration,
    PayPeriod,
    SchemaTooNewError,
    WorkArrangement,
    upgrade,
)

__all__ = [  # the choices and versions are schema.py's; the model is where callers find them
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "EducationLevel",
    "EmploymentType",
    "LabelledEnum",
    "Level",
    "Migration",
    "PayPeriod",
    "WorkArrangement",
]

# --- Limits, each with its reason -------------------------------------------------------------
TITLE_MAX = 120
"""Job boards show 60-100 characters of a title; 120 leaves room for a qualifier, not a sentence."""
NAME_MAX = 120
"""Department, company, city, region: names, not descriptions."""
ITEM_MAX = 300
"""A bullet is at most about three printed lines; longer is a paragraph that should be split."""
PARAGRAPH_MAX = 2000
"""About 300 words: half a printed page, the most a posting's summary or 'about us' should take."""
NOTE_MAX = 1000
"""Short free text (experience detail, how to apply): a few sentences."""
LIST_MAX = 100
"""Two printed pages hold about 40 bullets; 100 leaves room for drafts and stops a runaway paste."""
FIELDS_OF_STUDY_MAX = 20
"""A posting lists a handful of fields of study; more is noise."""
YEARS_MAX = 50
"""A working life is under 50 years; more is a typo."""
AMOUNT_MAX = Decimal(100_000_000)
"""No posted pay needs nine digits in any period; a larger number is a typo or a pasted ID."""
ADDRESS_MAX = 2000
"""Browsers and job boards handle URLs up to about 2,000 characters."""


# --- Text cleaning ----------------------------------------------------------------------------
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # Unicode Cc, line feed aside
_NOT_TEXT = re.compile(r"[\ud800-\udfff\ufffe\uffff]")  # lone surrogates, non-characters
_BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
"""Embeddings, overrides and isolates: invisible, and they make 'evil' print as 'live' in every
export. (The marks U+200E/U+200F that right-to-left text needs are not among them.)"""
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x85\v\f]")


def _clean(value: object, *, multiline: bool) -> object:
    """Normalise text; leave non-strings for pydantic to reject with its own message."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value).replace("\t", " ")
    text = _LINE_BREAKS.sub("\n", text)
    if multiline:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
        # More than one blank line in a row is layout, not content.
        text = re.sub(r"\n{3,}", "\n\n", text)
    elif "\n" in text.strip():
        raise PydanticCustomError("single_line", "must be a single line")
    text = text.strip()
    # Regular expressions, not a loop over characters: this runs on every keystroke.
    if found := _NOT_TEXT.search(text):
        raise PydanticCustomError(
            "invalid_character",
            "contains a character that is not text (U+{code}); retype or remove it",
            {"code": f"{ord(found.group()):04X}"},
        )
    if found := _BIDI_CONTROL.search(text):
        raise PydanticCustomError(
            "bidi_control",
            "contains an invisible direction control (U+{code}) that can make text print "
            "backwards; retype or remove it",
            {"code": f"{ord(found.group()):04X}"},
        )
    if found := _CONTROL.search(text):
        raise PydanticCustomError(
            "control_character",
            "contains an invisible control character (U+{code}); retype or remove it",
            {"code": f"{ord(found.group()):04X}"},
        )
    return text


def _line(value: object) -> object:
    return _clean(value, multiline=False)


def _paragraph(value: object) -> object:
    return _clean(value, multiline=True)


# Reusable constrained text types; a field narrows them further where it must (e.g. required).
Name = Annotated[str, Field(max_length=NAME_MAX), BeforeValidator(_line)]
Title = Annotated[str, Field(min_length=1, max_length=TITLE_MAX), BeforeValidator(_line)]
Note = Annotated[str, Field(max_length=NOTE_MAX), BeforeValidator(_paragraph)]
LongText = Annotated[str, Field(max_length=PARAGRAPH_MAX), BeforeValidator(_paragraph)]


def _unique_items(items: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        key = item.casefold()
        if key in seen:
            raise PydanticCustomError(
                "duplicate_item",
                "has a duplicate: item {number} repeats item {first}",
                {"number": number, "first": seen[key]},
            )
        seen[key] = number
    return items


Item = Annotated[str, Field(min_length=1, max_length=ITEM_MAX), BeforeValidator(_line)]
ItemList = Annotated[tuple[Item, ...], Field(max_length=LIST_MAX), AfterValidator(_unique_items)]
"""A bullet list: no blank items, no duplicates (ignoring case), at most ``LIST_MAX`` items."""


# --- Codes and addresses ----------------------------------------------------------------------
@cache
def _currency_codes() -> frozenset[str]:
    return frozenset(list_currencies())


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(
        code for code in Locale("en").territories if isinstance(code, str) and len(code) == 2
    )


def _currency(value: object) -> object:
    if not isinstance(value, str):
        return value
    code = value.strip().upper()
    if code not in _currency_codes():
        raise PydanticCustomError(
            "currency",
            "'{code}' is not an ISO 4217 currency code such as USD",
            {"code": printable(value)},
        )
    return code


def _country(value: object) -> object:
    if not isinstance(value, str):
        return value
    code = value.strip().upper()
    if code and code not in _country_codes():
        raise PydanticCustomError(
            "country",
            "'{code}' is not a two-letter ISO 3166 country code such as US or CN",
            {"code": printable(value)},
        )
    return code


@lru_cache(maxsize=512)
def _known_language(tag: str) -> bool:
    """Whether CLDR knows ``tag``; cached, since parsing a locale is a third of reading a
    posting and a folder of presets names a handful of languages."""
    try:
        Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        return False
    return True


def _language(value: object) -> object:
    """A BCP 47 tag CLDR knows, in its usual casing ('zh-hans-cn' → 'zh-Hans-CN').

    The user's subtags are kept as given: 'zh-CN' stays 'zh-CN', not CLDR's 'zh-Hans-CN'.
    """
    if not isinstance(value, str):
        return value
    subtags = value.strip().replace("_", "-").split("-")
    if not _known_language("-".join(subtags)):
        raise PydanticCustomError(
            "language",
            "'{tag}' is not a BCP 47 language tag such as en or zh-CN",
            {"tag": printable(value)},
        )
    return "-".join(
        [subtags[0].lower()]
        + [
            part.title() if len(part) == 4 else part.upper() if len(part) in (2, 3) else part
            for part in subtags[1:]
        ]
    )


def _email(value: object) -> object:
    if not isinstance(value, str) or not value:
        return value
    # Imported on first use: compiling its RFC grammar costs ~20 ms at every start otherwise.
    from email_validator import EmailNotValidError, validate_email  # noqa: PLC0415

    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise PydanticCustomError(
            "email", "is not a valid email address: {reason}", {"reason": printable(str(error))}
        ) from None


_HTTP_URL = TypeAdapter(HttpUrl)


def _web_address(value: object) -> object:
    """Accept 'acme.com/jobs' as https; keep the user's spelling (no punycode, no added '/')."""
    if not isinstance(value, str) or not value:
        return value
    address = value if re.match(r"(?i)https?://", value) else f"https://{value}"
    if " " in address or "." not in address.split("//", 1)[1].split("/", 1)[0]:
        raise PydanticCustomError("url", "is not a web address such as https://example.com/jobs")
    try:
        _HTTP_URL.validate_python(address)
    except ValueError:
        raise PydanticCustomError(
            "url", "is not a web address such as https://example.com/jobs"
        ) from None
    return address


Email = Annotated[str, Field(max_length=254), BeforeValidator(_line), AfterValidator(_email)]
WebAddress = Annotated[
    str, Field(max_length=ADDRESS_MAX), BeforeValidator(_line), AfterValidator(_web_address)
]


def _amount_to_json(amount: Decimal) -> int | float:
    """Write amounts as JSON numbers (not strings), whole amounts without a fraction."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


Amount = Annotated[
    Decimal,
    Field(gt=0, le=AMOUNT_MAX, decimal_places=2),
    PlainSerializer(_amount_to_json, when_used="json"),
]


# --- Models -----------------------------------------------------------------------------------
class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_enum_values=False, validate_default=False
    )


class Location(_Model):
    """Where the work happens (schema.org PostalAddress)."""

    locality: Name = Field("", title="City")
    region: Name = Field("", title="State or region")
    country: Annotated[str, BeforeValidator(_country)] = Field("", title="Country")


class SalaryRange(_Model):
    """Pay. ``open_ended`` states an open top faithfully: '$63,000 to over $100,000'."""

    minimum: Amount = Field(title="Minimum pay")
    maximum: Amount | None = Field(None, title="Maximum pay")
    open_ended: bool = Field(False, title="Or more")
    currency: Annotated[str, BeforeValidator(_currency)] = Field("USD", title="Currency")
    period: PayPeriod = Field(PayPeriod.YEAR, title="Pay period")
    note: Name = Field("", title="Pay note")
    """What the pay depends on, e.g. 'depending on experience and qualifications'."""

    @field_validator("maximum")
    @classmethod
    def _maximum_not_below_minimum(
        cls, maximum: Decimal | None, info: ValidationInfo
    ) -> Decimal | None:
        # A field validator (not a model validator) so the error sits on the maximum field,
        # which is where the form shows it.
        minimum = info.data.get("minimum")
        if maximum is not None and minimum is not None and maximum < minimum:
            raise PydanticCustomError(
                "pay_order",
                "must not be less than the minimum pay ({minimum})",
                {"minimum": f"{minimum:,}"},
            )
        return maximum


class Education(_Model):
    minimum_level: EducationLevel | None = Field(None, title="Minimum education")
    preferred_level: EducationLevel | None = Field(None, title="Preferred education")
    fields_of_study: ItemList = Field((), max_length=FIELDS_OF_STUDY_MAX, title="Fields of study")
    experience_in_place_of_education: bool = Field(
        False, title="Experience accepted in place of education"
    )

    @field_validator("preferred_level")
    @classmethod
    def _preferred_not_below_minimum(
        cls, preferred: EducationLevel | None, info: ValidationInfo
    ) -> EducationLevel | None:
        minimum = info.data.get("minimum_level")
        if preferred is not None and minimum is not None and preferred.rank < minimum.rank:
            raise PydanticCustomError(
                "education_order",
                "is below the minimum education ({minimum})",
                {"minimum": minimum.label},
            )
        return preferred


class Experience(_Model):
    minimum_years: Annotated[float, Field(ge=0, le=YEARS_MAX, multiple_of=0.5)] | None = Field(
        None, title="Minimum years of experience"
    )
    description: Note = Field("", title="Experience")


class Company(_Model):
    name: Name = Field("", title="Company name")
    about: LongText = Field("", title="About the company")
    website: WebAddress = Field("", title="Company website")


class HowToApply(_Model):
    instructions: Note = Field("", title="How to apply")
    email: Email = Field("", title="Application email")
    url: WebAddress = Field("", title="Application link")


class JobDescription(_Model):
    """A job posting: ``title`` and one responsibility are required, all else is optional."""

    # No upper bound here: migrate() refuses newer versions with a clearer message.
    schema_version: int = Field(SCHEMA_VERSION, ge=1, title="Schema version")
    language: Annotated[str, BeforeValidator(_language)] = Field("en", title="Posting language")
    title: Title = Field(title="Job title")
    level: Level | None = Field(None, title="Level")
    department: Name = Field("", title="Department")
    location: Location = Field(Location(), title="Location")
    employment_type: EmploymentType | None = Field(None, title="Employment type")
    work_arrangement: WorkArrangement | None = Field(None, title="Work arrangement")
    summary: LongText = Field("", title="Summary")
    responsibilities: ItemList = Field(min_length=1, title="Responsibilities")
    required_qualifications: ItemList = Field((), title="Required qualifications")
    preferred_qualifications: ItemList = Field((), title="Preferred qualifications")
    skills: ItemList = Field((), title="Skills")
    education: Education = Field(Education(), title="Education")
    experience: Experience = Field(Experience(), title="Experience")
    certifications: ItemList = Field((), title="Certifications")
    kpis: ItemList = Field((), title="How success is measured")
    salary: SalaryRange | None = Field(None, title="Pay")
    benefits: ItemList = Field((), title="Benefits")
    company: Company = Field(Company(), title="Company")
    how_to_apply: HowToApply = Field(HowToApply(), title="How to apply")
    equal_opportunity: LongText = Field("", title="Equal-opportunity statement")
    date_posted: date | None = Field(None, title="Date posted")
    """schema.org ``datePosted``: Google for Jobs requires it; exports fill in the day of export
    when it is not set."""
    valid_through: date | None = Field(None, title="Apply by")
    """schema.org ``validThrough``: the last day to apply (Colorado asks postings to say it)."""

    @field_validator("valid_through")
    @classmethod
    def _valid_through_not_before_posted(
        cls, valid_through: date | None, info: ValidationInfo
    ) -> date | None:
        posted = info.data.get("date_posted")
        if valid_through is not None and posted is not None and valid_through < posted:
            raise PydanticCustomError(
                "date_order",
                "must not be before the date posted ({posted})",
                {"posted": posted.isoformat()},
            )
        return valid_through

    @model_validator(mode="before")
    @classmethod
    def _migrate_older_versions(cls, data: Any) -> Any:
        return migrate(data) if isinstance(data, dict) else data

    def to_json(self) -> str:
        """The document as stored on disk: indented UTF-8 JSON, defaults included.

        A posting that uses nothing a later version added is written in the oldest version
        that holds it (no dates: version 1), so colleagues on an older jdeditor still open it.
        """
        if self.date_posted is None and self.valid_through is None:
            oldest = self.model_copy(update={"schema_version": 1})
            return oldest.model_dump_json(indent=2, exclude=_ADDED_IN_2) + "\n"
        return self.model_dump_json(indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes) -> JobDescription:
        """Parse a stored document; raises ``pydantic.ValidationError`` naming each bad field."""
        return cls.model_validate_json(text)


LIST_PATHS: tuple[tuple[str, ...], ...] = (
    ("responsibilities",),
    ("required_qualifications",),
    ("preferred_qualifications",),
    ("skills",),
    ("education", "fields_of_study"),
    ("certifications",),
    ("kpis",),
    ("benefits",),
)
"""Every bullet list of a posting."""


_ADDED_IN_2 = {"date_posted", "valid_through"}


# --- Schema versions --------------------------------------------------------------------------
def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a parsed document to ``SCHEMA_VERSION``; refuse one written by a newer jdeditor."""
    try:
        return upgrade(data, SCHEMA_VERSION, MIGRATIONS)
    except SchemaTooNewError as error:
        raise PydanticCustomError(
            "schema_too_new",
            "This file was written by a newer jdeditor (format version {found}); this jdeditor "
            "reads up to version {supported}: update jdeditor to open it",
            error.context,
        ) from None
