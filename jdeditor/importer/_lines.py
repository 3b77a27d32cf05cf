"""Lines that state a fact: 'Location: Denver, CO', 'Job type: Full-time', '薪资：6000-8000元/月',
the subtitle line 'Acme · Customer Service · Denver, CO · Full-time · On-site', and lines that are
only a fact ('Remote (US)', 'Full-time', a pay range).

``Facts`` collects what was read (first value wins) with a guess for each; the interpreter asks
``take_line`` whether a line was used up, so that only the rest goes into the summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from jdeditor.importer._blocks import Guess, clean_text
from jdeditor.importer._facts import (
    ARRANGEMENT,
    EMAIL,
    EMPLOYMENT,
    URL,
    date_in,
    education_of,
    fields_of_study,
    first_choice,
    parse_location,
    years_of,
)
from jdeditor.importer._pay import NotPay, Pay, find_pay
from jdeditor.model import Level

_LABELS: dict[str, str] = {
    "location": r"(?:job |work |office )?location|based in|city"
    r"|工作地点|工作地址|地点|城市|办公地点",
    "employment": r"job types?|employment(?: type)?|type of employment|position type|contract type"
    r"|schedule type|type|hours|working hours|工作性质|工作类型|职位类型|用工形式|招聘类型",
    "arrangement": r"work arrangement|workplace(?: type)?|work (?:model|setting|mode)|remote"
    r"|办公方式|工作方式|办公形式",
    "pay": r"salary(?: range)?|pay(?: range| rate)?|compensation|wages?|hourly rate|base salary"
    r"|vergütung|gehalt|lohn|salaire|rémunération|薪资(?:范围|待遇)?|薪酬|月薪|年薪|工资|待遇",
    "department": r"department|team|division|部门|所属部门",
    "company": r"company(?: name)?|employer|organi[sz]ation|hiring company|公司(?:名称)?|招聘单位",
    "level": r"(?:seniority |career |experience |job )?level|seniority|职级|级别",
    "title": r"job title|position title|position|title|role|职位(?:名称)?|岗位(?:名称)?|招聘职位",
    "posted": r"posted(?: on)?|date posted|posting date|发布日期|发布时间",
    "deadline": r"apply by|closing date|(?:application )?deadline|valid through"
    r"|applications close|expires|截止日期|申请截止|截止时间|报名截止",
    "education": r"education(?: level)?|学历(?:要求)?",
    "experience": r"(?:years of )?experience|工作经验|经验(?:要求)?",
    "email": r"e-?mail|contact e-?mail|send (?:your )?(?:cv|resume|résumé) to|邮箱|电子邮件"
    r"|简历投递|投递邮箱",
    "website": r"(?:company )?website|web|官网|公司网站|网址",
    "apply_url": r"apply(?: online| here| at)?|application link|apply link|申请链接",
}
_LABELLED = re.compile(r"^\s*([^:：\n]{1,40}?)\s*[:：]\s*(.+)$", re.DOTALL)
_META_SPLIT = re.compile(r"\s+[·|•]\s+|\s+[—–-]\s+|\s*｜\s*")
_LINKEDIN_LEVELS = {"internship": "entry", "entry level": "entry", "associate": "entry"}
_LINKEDIN_LEVELS |= {"mid-senior level": "senior", "mid level": "mid", "senior level": "senior"}
_LINKEDIN_LEVELS |= {level.label.casefold(): level.value for level in Level}


@dataclass
class Facts:
    """Scalar facts by dotted field path, the first value found winning."""

    values: dict[str, Any] = field(default_factory=dict)
    guesses: list[Guess] = field(default_factory=list)
    pay_texts: list[tuple[str, bool]] = field(default_factory=list)
    """Texts that hold pay, with whether a pay label stood beside it; read once the country
    is known ('$' is CAD in Canada)."""
    title_label: str = ""
    company_hint: str = ""
    weak: dict[str, tuple[Any, str]] = field(default_factory=dict)
    """Facts read in passing (a degree named in a qualification): used only where nothing
    more direct (an education section) gives the field."""

    def suggest(self, path: str, value: Any, message: str) -> None:
        if value not in (None, "", [], {}) and path not in self.weak:
            self.weak[path] = (value, message)

    def settle(self) -> None:
        """Apply the facts read in passing where nothing more direct was found."""
        for path, (value, message) in self.weak.items():
            if path not in self.values:
                self.set(path, value, message)

    def set(self, path: str, value: Any, message: str) -> bool:
        if value in (None, "", [], {}):
            return False
        if path in self.values:
            return bool(self.values[path] == value)
        self.values[path] = value
        self.guesses.append(Guess(tuple(path.split(".")), message))
        return True

    def has(self, path: str) -> bool:
        return path in self.values

    # --- one line ------------------------------------------------------------------------------
    def take_line(self, line: str, *, preamble: bool) -> bool:
        """Read a line stating facts; True when nothing of it is left to place."""
        line = line.strip()
        if not line or len(line) > 300:
            return False
        labelled = _LABELLED.match(line)
        if labelled and (kind := _label_kind(labelled.group(1))):
            return self.take_labelled(kind, labelled.group(1), labelled.group(2).strip(), line)
        if not preamble:
            return self.take_pay_line(line)
        return self.take_bare(line)

    def take_labelled(self, kind: str, label: str, value: str, line: str) -> bool:
        """'Label: value' lines, one method per kind of label."""
        del label  # the kind says all the label did
        taker = getattr(self, f"_take_{kind}")
        return bool(taker(kind, value, f"'{line}'"))

    def _take_pay(self, kind: str, value: str, said: str) -> bool:
        line = said[1:-1]
        found = find_pay(value if re.search(r"薪|salary|pay", value, re.I) else line)
        if isinstance(found, NotPay):
            self.guesses.append(Guess(("salary",), f"Pay: '{found.matched}' {found.reason}"))
        if not isinstance(found, Pay):
            return False
        self.pay_texts.append((line, True))
        return True

    def _take_location(self, kind: str, value: str, said: str) -> bool:
        place = parse_location(value)
        if place is not None:
            self.set_location(place[0], place[1], said)
        return place is not None

    def _take_employment(self, kind: str, value: str, said: str) -> bool:
        table = EMPLOYMENT if kind == "employment" else ARRANGEMENT
        choice, every = first_choice(value, table)
        if not choice and kind == "arrangement" and (place := parse_location(value)):
            self.set_location(place[0], place[1], said)
            return True
        if not choice:
            return False
        path = "employment_type" if kind == "employment" else "work_arrangement"
        also = f" (also named: {', '.join(every[1:])})" if len(every) > 1 else ""
        self.set(path, choice, f"{_TITLES[path]}: {said} read as {choice}{also}")
        return True

    _take_arrangement = _take_employment

    def _take_level(self, kind: str, value: str, said: str) -> bool:
        level = _LINKEDIN_LEVELS.get(value.strip().casefold())
        level = level or first_choice(value, [(v, re.escape(v)) for v in ("entry", "mid")])[0]
        return bool(level) and self.set("level", level, f"Level: {said} read as {level}")

    def _take_title(self, kind: str, value: str, said: str) -> bool:
        self.title_label = value[:300]
        return True

    def _take_posted(self, kind: str, value: str, said: str) -> bool:
        found = date_in(value)
        if found is None:
            return False
        path = "date_posted" if kind == "posted" else "valid_through"
        self.set(path, found[0], f"{_TITLES[path]}: {said} read as {found[0].isoformat()}")
        return True

    _take_deadline = _take_posted

    def _take_experience(self, kind: str, value: str, said: str) -> bool:
        years = years_of(value, need_context=False)
        if years is not None:
            message = f"Experience: {said} read as at least {years_text(years[0])}"
            self.set("experience.minimum_years", years[0], message)
        return years is not None

    def _take_email(self, kind: str, value: str, said: str) -> bool:
        found = EMAIL.search(value)
        if found is None:
            return False
        return self.set("how_to_apply.email", found.group(), f"Application email: {said}")

    def _take_website(self, kind: str, value: str, said: str) -> bool:
        address = URL.search(value) or re.fullmatch(r"[\w-]+(?:\.[\w-]+)+(?:/\S*)?", value)
        if address is None:
            return False
        path = "company.website" if kind == "website" else "how_to_apply.url"
        return self.set(path, address.group(), f"{_TITLES[path]}: {said}")

    _take_apply_url = _take_website

    def _take_company(self, kind: str, value: str, said: str) -> bool:
        if len(value) > 120 or re.search(r"[.!?。]\s", value):
            return False
        path = "department" if kind == "department" else "company.name"
        return self.set(path, value, f"{_TITLES[path]}: {said}")

    _take_department = _take_company

    def _take_education(self, kind: str, value: str, said: str) -> bool:
        return self.take_education(value, said)

    def take_education(self, value: str, said: str) -> bool:
        found = education_of(value)
        if found is None:
            return False
        level, preferred, _ = found
        path = "education.preferred_level" if preferred else "education.minimum_level"
        self.set(
            path, level, f"Education: {said} read as {level}{' (preferred)' if preferred else ''}"
        )
        self.set("education.fields_of_study", fields_of_study(value), f"Fields of study: {said}")
        return True

    def set_location(self, place: dict[str, str], arrangement: str, said: str) -> None:
        if place and not any(
            self.has(f"location.{key}") for key in ("locality", "region", "country")
        ):
            words = ", ".join(f"{key} {value}" for key, value in place.items())
            self.guesses.append(Guess(("location",), f"Location: {said} read as {words}"))
            for key, value in place.items():
                self.values[f"location.{key}"] = value
        if arrangement:
            self.set(
                "work_arrangement", arrangement, f"Work arrangement: {said} read as {arrangement}"
            )

    # --- lines without a label -------------------------------------------------------------------
    def take_bare(self, line: str) -> bool:
        """A line that is only a fact, or the subtitle line of facts between separators."""
        if self.take_pay_line(line):
            return True
        if _META_SPLIT.search(line) and self.take_meta(line):
            return True
        if found := _only(line, EMPLOYMENT):
            self.set("employment_type", found, f"Employment type: '{line}' read as {found}")
            return True
        place = parse_location(line)
        placed = place is not None and (place[1] or "region" in place[0] or "country" in place[0])
        if place is not None and placed and not _SENTENCE.search(line) and len(line) <= 60:
            self.set_location(place[0], place[1], f"'{line}'")
            return True
        if (found_date := date_in(line)) and re.match(
            r"(?i)\s*(?:apply by|deadline|posted|截止)", line
        ):
            path = "date_posted" if "posted" in line.lower() else "valid_through"
            self.set(path, found_date[0], f"{_TITLES[path]}: '{line}' read as {found_date[0]}")
            return True
        return False

    def take_pay_line(self, line: str) -> bool:
        found = find_pay(line)
        if isinstance(found, Pay):
            rest = (line[: found.span[0]] + line[found.span[1] :]).strip(" ,;:·|-–—()")
            if not rest or re.fullmatch(
                r"(?i)(?:salary|pay|compensation|wage|薪资|月薪|年薪|薪酬)\W*", rest
            ):
                self.pay_texts.append((line, False))
                return True
        return False

    def take_meta(self, line: str) -> bool:
        """'Acme · Denver, CO · Full-time', 'Remote (US) | Part-time | $18–$22/hour'."""
        pay = find_pay(line)
        rest = line
        if isinstance(pay, Pay):
            rest = line[: pay.span[0]] + " · " + line[pay.span[1] :]
        parts = [p.strip(" ,;·|•-–—") for p in _META_SPLIT.split(rest) if p.strip(" ,;·|•-–—")]
        pieces = len(parts) + (1 if isinstance(pay, Pay) else 0)
        if pieces < 2 or len(parts) > 7 or any(len(part) > 80 for part in parts):
            return False
        others: list[str] = []
        places: list[tuple[dict[str, str], str, str]] = []
        kinds: list[tuple[str, str, str]] = []
        for part in parts:
            place = parse_location(part)
            if place and place[0] and ("," in part or place[1] or "country" in place[0]):
                places.append((place[0], place[1], part))
            elif choice := _only(part, EMPLOYMENT):
                kinds.append(("employment_type", choice, part))
            elif choice := _only(part, ARRANGEMENT):
                kinds.append(("work_arrangement", choice, part))
            else:
                others.append(part)
        known = len(kinds) + len(places) + (1 if isinstance(pay, Pay) else 0)
        if not known and " · " not in line:
            return False
        if len(others) > 2 and " · " not in line:
            return False
        for path, choice, part in kinds:
            self.set(path, choice, f"{_TITLES[path]}: '{part}' in '{line}' read as {choice}")
        for found, arrangement, part in places[:1]:
            self.set_location(found, arrangement, f"'{part}' in '{line}'")
        if isinstance(pay, Pay):
            self.pay_texts.append((line, False))
        self.take_names(others, line)
        return True

    def take_names(self, names: list[str], line: str) -> None:
        """Company and department among a subtitle's parts: the company first, as jdeditor and
        most job boards print them; a name the 'About …' heading gives is the company."""
        hint = self.company_hint.casefold()
        company = next((name for name in names if hint and name.casefold() == hint), None)
        if company is None and names and not (hint and len(names) == 1):
            company = names[0]
        rest = [name for name in names if name is not company]
        if company:
            self.set("company.name", company, f"Company: '{company}' in '{line}'")
        if rest:
            self.set("department", rest[0], f"Department: '{rest[0]}' in '{line}'")


_SENTENCE = re.compile(r"[.!?。！？]\s|\b(?:we|you|our|the|is|are|will)\b", re.IGNORECASE)
_TITLES = {
    "employment_type": "Employment type",
    "work_arrangement": "Work arrangement",
    "date_posted": "Date posted",
    "valid_through": "Apply by",
    "company.website": "Company website",
    "how_to_apply.url": "Application link",
    "department": "Department",
    "company.name": "Company",
}


def _label_kind(label: str) -> str:
    cleaned = clean_text(label).casefold().strip(" *-_#")
    for kind, pattern in _LABELS.items():
        if re.fullmatch(pattern, cleaned, re.IGNORECASE):
            return kind
    return ""


def _only(text: str, table: list[tuple[str, str]]) -> str:
    """The choice ``text`` names when it names nothing else ('Full-time', 'Full time')')."""
    choice, _ = first_choice(text, table)
    if not choice:
        return ""
    rest = text
    for _, words in table:
        rest = re.sub(words, "", rest, flags=re.IGNORECASE)
    return (
        choice
        if not re.search(r"\w{3,}", re.sub(r"(?i)\b(?:job|position|role|work|and|or)\b", "", rest))
        else ""
    )


def years_text(years: float) -> str:
    """'1 year', '2.5 years'."""
    return f"{years:g} year" if years == 1 else f"{years:g} years"
