"""Facts settled once everything is read: the page's JSON-LD over the text, the language,
the country (which decides what '$' means), pay, level and the application addresses."""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from typing import Any

from babel import Locale, UnknownLocaleError

import jdeditor.importer._printed as printed
from jdeditor.checks._labels import Choice, FieldName, coded
from jdeditor.checks._message import Message, term
from jdeditor.i18n import N_
from jdeditor.importer._blocks import Guess, Source, cjk_share
from jdeditor.importer._facts import (
    ARRANGEMENT,
    EMAIL,
    EMPLOYMENT,
    country_code,
    first_choice,
    level_of,
    mail_address,
)
from jdeditor.importer._html import read_html
from jdeditor.importer._jsonld import read_posting
from jdeditor.importer._pay import NotPay, Pay, find_pay, period_word
from jdeditor.importer._reading import Reading
from jdeditor.model import AMOUNT_MAX, EducationLevel, EmploymentType, Level, WorkArrangement

_CURRENCY_COUNTRY = {"USD": "US", "CAD": "CA", "AUD": "AU", "NZD": "NZ", "GBP": "GB"}
_CURRENCY_COUNTRY |= {"CNY": "CN", "JPY": "JP", "INR": "IN", "PHP": "PH", "SGD": "SG"}
_CURRENCY_COUNTRY |= {"HKD": "HK", "MXN": "MX", "KRW": "KR", "CHF": "CH", "ZAR": "ZA"}


def settle(source: Source, reading: Reading, title: str) -> str:
    """Decide the facts that depend on others; returns the posting's language tag."""
    facts, guesses = reading.facts, reading.guesses
    text = "\n".join(reading.texts)
    language = language_of(source, facts.values.get("language", ""), text, guesses)
    keywords(source, facts)
    values = facts.values
    country = country_of(values, language, guesses)
    pay(reading, values, country, cjk_share(text) > 0.3, guesses)
    if "level" not in values:
        level, why = level_of(title, "\n".join(reading.summary))
        if level:
            said = Message(N_("Level: {level}, from {why}"), level=coded(Level, level), why=why)
            facts.set("level", level, said)
    for path, table in (("employment_type", EMPLOYMENT), ("work_arrangement", ARRANGEMENT)):
        if path not in values and (choice := first_choice(title, table)[0]):
            kind = EmploymentType if path == "employment_type" else WorkArrangement
            said = Message(
                N_("{field}: {value}, from the title"),
                field=FieldName((path,)),
                value=coded(kind, choice),
            )
            facts.set(path, choice, said)
    contacts(reading, values)
    # Chinese 'about us' text names the company first: '上海明远科技有限公司成立于2012年…'
    company = re.match(_CHINESE_COMPANY, reading.about[0]) if reading.about else None
    if company and "company.name" not in values:
        name = company.group(1)
        said = Message(
            N_("Company: '{name}', from {about}"), name=name, about=FieldName(("company", "about"))
        )
        facts.set("company.name", name, said)
    return language


_CHINESE_COMPANY = r"^([\u3400-\u9fff（）()]{2,30}?(?:有限公司|集团|公司))"


# --- facts --------------------------------------------------------------------------------------
def structured(data: dict[str, Any], reading: Reading) -> None:
    """A JSON-LD JobPosting's facts win over what the text says (it is the page's own data)."""
    posting = read_posting(data)
    facts = reading.facts
    choices: dict[str, type[Any]] = {"employment_type": EmploymentType}
    choices |= {"work_arrangement": WorkArrangement, "education.minimum_level": EducationLevel}

    def put(path: str, value: Any) -> None:
        if value not in (None, "", {}, []):
            facts.values[path] = value
            where = tuple(path.split("."))
            shown = (
                coded(choices[path], value) if isinstance(value, str) and path in choices else value
            )
            said = Message(
                N_("{field}: {value} from the page's JSON-LD"), field=FieldName(where), value=shown
            )
            facts.guesses.append(Guess(where, said))

    if posting.title:
        reading.title, reading.title_from = posting.title, term(N_("the page's JSON-LD"))
    put("language", posting.language)
    put("date_posted", posting.date_posted)
    put("valid_through", posting.valid_through)
    put("employment_type", posting.employment_type)
    put("work_arrangement", posting.work_arrangement)
    place = dict(posting.location)
    if name := place.pop("country_name", ""):
        place["country"] = country_code(name) or (name.upper() if len(name) == 2 else "")
    for key, value in place.items():
        put(f"location.{key}", value)
    for key in ("name", "website", "about"):
        value = posting.company.get(key, "")
        if key == "about" and value:
            reading.about = [block.text for block in read_html(value).blocks] or reading.about
        elif value:
            put(f"company.{key}", value)
    if problem := posting.salary.get("problem"):
        said = Message(N_("Pay from the page's JSON-LD {problem}"), problem=problem)
        facts.guesses.append(Guess(("salary",), said))
    elif posting.salary:
        facts.values["structured_salary"] = posting.salary
    put("education.minimum_level", posting.education)
    put("experience.minimum_years", posting.years)
    if posting.in_place_of_education is not None:
        facts.values["education.experience_in_place_of_education"] = posting.in_place_of_education
    put("how_to_apply.url", posting.apply_url)
    put("how_to_apply.email", posting.apply_email)
    for key, items in posting.lists.items():
        if not reading.lists[key]:
            reading.lists[key] = _items(items)


def _items(value: str | list[str]) -> list[str]:
    """A JSON-LD list property: a list of strings, or one string of HTML or lines."""
    if isinstance(value, list):
        return list(value)
    return [block.text for block in read_html(value).blocks]


def language_of(source: Source, stated: str, text: str, guesses: list[Guess]) -> str:
    tag = _valid_tag(stated or source.language)
    chinese = cjk_share(text) > 0.3
    if chinese and not tag.lower().startswith("zh"):
        said = term(N_("Language: zh-CN, as most of the text is Chinese"))
        guesses.append(Guess(("language",), said))
        return "zh-CN"
    if not chinese and (not tag or tag.lower().startswith(("zh", "ja", "ko"))):
        return "en"
    return tag or "en"


def _valid_tag(tag: str) -> str:
    tag = tag.strip().replace("_", "-")
    if not tag or len(tag) > 35:
        return ""
    try:
        Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError, TypeError):
        return ""
    return tag


def keywords(source: Source, facts: Any) -> None:
    """jdeditor writes the level and type labels into Word's keywords, in the posting's
    language ('Entry level', '初级'); read them back, the first of each field winning."""
    choices: dict[str, type[StrEnum]] = {"level": Level, "employment_type": EmploymentType}
    choices["work_arrangement"] = WorkArrangement
    for word in source.keywords:
        found = printed.choice_labels().get(printed.plain(word).casefold())
        if found is not None:
            path, value = found
            said = Message(
                N_("{field}: {value}, from the Word file's keywords"),
                field=FieldName((path,)),
                value=Choice(choices[path](value)),
            )
            facts.set(path, value, said)


def country_of(values: dict[str, Any], language: str, guesses: list[Guess]) -> str:
    country = str(values.get("location.country", ""))
    located = any(values.get(f"location.{key}") for key in ("locality", "region"))
    if not country and located:
        territory = language.rsplit("-", maxsplit=1)[-1].upper() if "-" in language else ""
        if len(territory) == 2 and territory.isalpha():
            country = values["location.country"] = territory
            guesses.append(
                Guess(
                    ("location", "country"),
                    Message(
                        N_("Country: {country}, from the language tag {language}"),
                        country=territory,
                        language=language,
                    ),
                )
            )
    return country


def pay(
    reading: Reading, values: dict[str, Any], country: str, chinese: bool, guesses: list[Guess]
) -> None:
    structured = values.pop("structured_salary", None)
    salary: dict[str, Any] | None = None
    for text, _ in reading.facts.pay_texts:
        found = find_pay(text, country=country, chinese=chinese)
        if isinstance(found, Pay):
            salary = {
                "minimum": found.minimum,
                "maximum": found.maximum,
                "open_ended": found.open_ended,
                "currency": found.currency,
                "period": found.period,
                "note": found.note,
            }
            guesses.append(Guess(("salary",), Message(N_("Pay: {pay}"), pay=found.describe())))
            break
        if isinstance(found, NotPay):
            said = Message(N_("Pay: '{words}' {reason}"), words=found.matched, reason=found.reason)
            guesses.append(Guess(("salary",), said))
    if salary is None and structured and structured["period"] not in ("week", "day"):
        # The text's pay line says more (a note, an open top); JSON-LD is the fallback.
        salary = {
            "minimum": structured["minimum"],
            "maximum": structured["maximum"],
            "open_ended": False,
            "currency": structured["currency"] or "USD",
            "period": structured["period"] or "year",
            "note": "",
        }
        guesses.append(Guess(("salary",), term(N_("Pay: from the page's JSON-LD"))))
    elif salary is None and structured:
        said = Message(
            N_("Pay per {period} cannot be stated; left out"),
            period=period_word(structured["period"]),
        )
        guesses.append(Guess(("salary",), said))
    if salary is None:
        return
    for key in ("minimum", "maximum"):
        if isinstance(salary[key], Decimal):
            amount = salary[key]
            if abs(amount) > AMOUNT_MAX:  # '1e999999': int() of it would take minutes
                said = Message(N_("Pay: an amount over {limit}; left out"), limit=f"{AMOUNT_MAX:,}")
                guesses.append(Guess(("salary",), said))
                return
            salary[key] = int(amount) if amount == amount.to_integral_value() else float(amount)
    values["salary"] = salary
    located = any(values.get(f"location.{key}") for key in ("locality", "region"))
    found_country = _CURRENCY_COUNTRY.get(salary["currency"], "")
    if located and not values.get("location.country") and found_country:
        values["location.country"] = found_country
        message = Message(
            N_("Country: {country}, from the pay's currency {currency}"),
            country=found_country,
            currency=salary["currency"],
        )
        guesses.append(Guess(("location", "country"), message))


def contacts(reading: Reading, values: dict[str, Any]) -> None:
    facts = reading.facts
    if "how_to_apply.email" not in values:
        for key, shown, target in reading.links:
            address = mail_address(target)
            if address is not None and key != "equal_opportunity":
                said = Message(N_("Application email: link '{link}'"), link=shown)
                facts.set("how_to_apply.email", address, said)
                break
    if "how_to_apply.email" not in values:
        for text in reading.summary + reading.unplaced + reading.instructions:
            if found := EMAIL.search(text):
                facts.set(
                    "how_to_apply.email",
                    found.group(),
                    Message(
                        N_("Application email: '{address}' in the text"), address=found.group()
                    ),
                )
                break
    if "how_to_apply.url" not in values:
        for _, shown, target in reading.links:
            if re.search(r"(?i)\bapply\b|申请|应聘", shown) and re.match(r"(?i)https?://", target):
                said = Message(N_("Application link: '{link}'"), link=shown)
                facts.set("how_to_apply.url", target, said)
                break
