"""Lines that state a fact: 'Location: Denver, CO', 'Job type: Full-time', '薪资：6000-8000元/月',
the subtitle line 'Acme · Customer Service · Denver, CO · Full-time · On-site', and lines that are
only a fact ('Remote (US)', 'Full-time', a pay range).

``Facts`` collects what was read (first value wins) with a guess for each; the interpreter asks
``take_line`` whether a line was used up, so that only the rest goes into the summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jdeditor.importer._printed as printed
from jdeditor.checks._labels import FieldName, coded
from jdeditor.checks._message import Listing, Message, term
from jdeditor.i18n import N_
from jdeditor.importer._blocks import Guess, clean_text, is_cjk
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
from jdeditor.model import EducationLevel, EmploymentType, Level, WorkArrangement

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
        return bool(taker(kind, value, Message(N_("'{line}'"), line=line)))

    def _take_pay(self, kind: str, value: str, said: str) -> bool:
        line = said[1:-1]
        found = find_pay(value if re.search(r"薪|salary|pay", value, re.I) else line)
        if isinstance(found, NotPay):
            message = Message(
                N_("Pay: '{words}' {reason}"), words=found.matched, reason=found.reason
            )
            self.guesses.append(Guess(("salary",), message))
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
        choices = EmploymentType if kind == "employment" else WorkArrangement
        also = (
            Message(
                N_(" (also named: {choices})"),
                choices=Listing(coded(choices, other) for other in every[1:]),
            )
            if len(every) > 1
            else ""
        )
        message = Message(
            N_("{field}: {line} read as {value}{also}"),
            field=_title(path),
            line=said,
            value=coded(choices, choice),
            also=also,
        )
        self.set(path, choice, message)
        return True

    _take_arrangement = _take_employment

    def _take_level(self, kind: str, value: str, said: str) -> bool:
        level = _LINKEDIN_LEVELS.get(value.strip().casefold())
        level = level or first_choice(value, [(v, re.escape(v)) for v in ("entry", "mid")])[0]
        message = Message(N_("Level: {line} read as {level}"), line=said, level=coded(Level, level))
        return bool(level) and self.set("level", level, message)

    def _take_title(self, kind: str, value: str, said: str) -> bool:
        self.title_label = value[:300]
        return True

    def _take_posted(self, kind: str, value: str, said: str) -> bool:
        found = date_in(value)
        if found is None:
            return False
        path = "date_posted" if kind == "posted" else "valid_through"
        message = Message(
            N_("{field}: {line} read as {value}"),
            field=_title(path),
            line=said,
            value=found[0].isoformat(),
        )
        self.set(path, found[0], message)
        return True

    _take_deadline = _take_posted

    def _take_experience(self, kind: str, value: str, said: str) -> bool:
        years = years_of(value, need_context=False)
        if years is not None:
            message = Message(
                N_("Experience: {line} read as at least {years}"),
                line=said,
                years=years_text(years[0]),
            )
            self.set("experience.minimum_years", years[0], message)
        return years is not None

    def _take_email(self, kind: str, value: str, said: str) -> bool:
        found = EMAIL.search(value)
        if found is None:
            return False
        message = Message(N_("Application email: {line}"), line=said)
        return self.set("how_to_apply.email", found.group(), message)

    def _take_website(self, kind: str, value: str, said: str) -> bool:
        address = URL.search(value) or re.fullmatch(r"[\w-]+(?:\.[\w-]+)+(?:/\S*)?", value)
        if address is None:
            return False
        path = "company.website" if kind == "website" else "how_to_apply.url"
        message = Message(N_("{field}: {line}"), field=_title(path), line=said)
        return self.set(path, address.group(), message)

    _take_apply_url = _take_website

    def _take_company(self, kind: str, value: str, said: str) -> bool:
        if len(value) > 120 or re.search(r"[.!?。]\s", value):
            return False
        path = "department" if kind == "department" else "company.name"
        message = Message(N_("{field}: {line}"), field=_title(path), line=said)
        return self.set(path, value, message)

    _take_department = _take_company

    def _take_education(self, kind: str, value: str, said: str) -> bool:
        return self.take_education(value, said)

    def take_education(self, value: str, said: str) -> bool:
        found = education_of(value)
        if found is None:
            return False
        level, preferred, _ = found
        path = "education.preferred_level" if preferred else "education.minimum_level"
        message = Message(
            N_("Education: {line} read as {level} (preferred)")
            if preferred
            else N_("Education: {line} read as {level}"),
            line=said,
            level=coded(EducationLevel, level),
        )
        self.set(path, level, message)
        message = Message(N_("Fields of study: {line}"), line=said)
        self.set("education.fields_of_study", fields_of_study(value), message)
        return True

    def set_location(self, place: dict[str, str], arrangement: str, said: str) -> None:
        if place and not any(
            self.has(f"location.{key}") for key in ("locality", "region", "country")
        ):
            words = Listing(
                Message(N_("{part} {value}"), part=_place_part(key), value=value)
                for key, value in place.items()
            )
            message = Message(N_("Location: {line} read as {place}"), line=said, place=words)
            self.guesses.append(Guess(("location",), message))
            for key, value in place.items():
                self.values[f"location.{key}"] = value
        if arrangement:
            message = Message(
                N_("Work arrangement: {line} read as {value}"),
                line=said,
                value=coded(WorkArrangement, arrangement),
            )
            self.set("work_arrangement", arrangement, message)

    # --- lines without a label -------------------------------------------------------------------
    def take_bare(self, line: str) -> bool:
        """A line that is only a fact, or the subtitle line of facts between separators."""
        if self.take_pay_line(line):
            return True
        if _META_SPLIT.search(line) and self.take_meta(line):
            return True
        said = Message(N_("'{line}'"), line=line)
        choice = _choice_label(line, _META_CHOICES)  # a label alone: '现场办公' is no place
        if choice is None and (found := _only(line, EMPLOYMENT)):
            choice = ("employment_type", found)
        if choice is not None:
            path, value = choice
            choices = EmploymentType if path == "employment_type" else WorkArrangement
            message = Message(
                N_("{field}: {line} read as {value}"),
                field=_title(path),
                line=said,
                value=coded(choices, value),
            )
            self.set(path, value, message)
            return True
        place = parse_location(line)
        placed = place is not None and (place[1] or "region" in place[0] or "country" in place[0])
        # Any Chinese text reads as a place in China: a line alone must name one on its face.
        placed = placed and (not is_cjk(line) or bool(place and place[1]) or _chinese_place(line))
        if place is not None and placed and not _SENTENCE.search(line) and len(line) <= 60:
            self.set_location(place[0], place[1], said)
            return True
        if (found_date := date_in(line)) and re.match(
            r"(?i)\s*(?:apply by|deadline|posted|截止)", line
        ):
            path = "date_posted" if "posted" in line.lower() else "valid_through"
            message = Message(
                N_("{field}: {line} read as {value}"),
                field=_title(path),
                line=said,
                value=str(found_date[0]),
            )
            self.set(path, found_date[0], message)
            return True
        return False

    def take_pay_line(self, line: str) -> bool:
        found = find_pay(line)
        if isinstance(found, Pay):
            rest = (line[: found.span[0]] + line[found.span[1] :]).strip(" ,;:·|-–—()")
            if (
                not rest
                or re.fullmatch(
                    r"(?i)(?:salary|pay|compensation|wage|薪资|月薪|年薪|薪酬)\W*", rest
                )
                or rest.casefold() in printed.pay_words()  # '时薪 US$17.50', as exported
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
        others, places, kinds = _meta_parts(parts, line)
        known = len(kinds) + len(places) + (1 if isinstance(pay, Pay) else 0)
        if not known and " · " not in line:
            return False
        if len(others) > 2 and " · " not in line:
            return False
        for path, choice, part in kinds:
            choices = EmploymentType if path == "employment_type" else WorkArrangement
            message = Message(
                N_("{field}: {line} read as {value}"),
                field=_title(path),
                line=Message(N_("'{part}' in '{line}'"), part=part, line=line),
                value=coded(choices, choice),
            )
            self.set(path, choice, message)
        for found, arrangement, part in places[:1]:
            self.set_location(
                found, arrangement, Message(N_("'{part}' in '{line}'"), part=part, line=line)
            )
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
            message = Message(N_("Company: '{part}' in '{line}'"), part=company, line=line)
            self.set("company.name", company, message)
        if rest:
            message = Message(N_("Department: '{part}' in '{line}'"), part=rest[0], line=line)
            self.set("department", rest[0], message)


_SENTENCE = re.compile(r"[.!?。！？]\s|\b(?:we|you|our|the|is|are|will)\b", re.IGNORECASE)
_PLACE_PARTS = {"locality": N_("locality"), "region": N_("region"), "country": N_("country")}
"""The parts of a place as an import reports them ('locality Denver, region CO')."""


def _place_part(key: str) -> str:
    return term(_PLACE_PARTS[key]) if key in _PLACE_PARTS else key


def _title(path: str) -> str:
    """How a guess names a field: as the form does ('Apply by'), the company name 'Company'."""
    if path == "company.name":
        return term(N_("Company"))
    return FieldName(tuple(path.split(".")))


def _label_kind(label: str) -> str:
    cleaned = clean_text(label).casefold().strip(" *-_#")
    for kind, pattern in _LABELS.items():
        if re.fullmatch(pattern, cleaned, re.IGNORECASE):
            return kind
    return _printed_labels().get(cleaned, "")


@cache
def _printed_labels() -> dict[str, str]:
    """The labels of the lines an export prints, in every posting language: '电子邮箱' → email."""
    kinds = {printed.EMAIL: "email", printed.APPLY_ONLINE: "apply_url"}
    kinds[printed.APPLY_BY] = "deadline"
    return {
        word.casefold(): kind
        for msgid, kind in kinds.items()
        for word in printed.label_words(msgid)
    }


_META_CHOICES = ("employment_type", "work_arrangement")


def _meta_parts(
    parts: list[str], line: str
) -> tuple[list[str], list[tuple[dict[str, str], str, str]], list[tuple[str, str, str]]]:
    """A subtitle's parts as (names, places, choices): a choice's label first ('全职'), then a
    place named on its face, then words naming a choice; a Chinese place named plainly ('上海')
    where jdeditor prints it, after the company and department."""
    others: list[str] = []
    places: list[tuple[dict[str, str], str, str]] = []
    kinds: list[tuple[str, str, str]] = []
    for part in parts:
        place = parse_location(part)
        if labelled := _choice_label(part, _META_CHOICES):
            kinds.append((*labelled, part))
        elif place and place[0] and _names_place(part, place):
            places.append((place[0], place[1], part))
        elif choice := _only(part, EMPLOYMENT):
            kinds.append(("employment_type", choice, part))
        elif choice := _only(part, ARRANGEMENT):
            kinds.append(("work_arrangement", choice, part))
        else:
            others.append(part)
    if not places and is_cjk(line) and _plain_place(others):
        place = parse_location(others[-1])
        if place and place[0]:
            places.append((place[0], place[1], others.pop()))
    return others, places, kinds


_CHINESE_PLACE_END = re.compile(r"(?:省|市|县|自治区|特别行政区)$")
_ORGANISATION_END = re.compile(
    r"(?:公司|集团|部|中心|团队|组|处|科|室|科技|事务所|银行|医院|学院|大学|\])$"
)
"""How a Chinese company or department name ends ('[公司名称]' is a company's placeholder)."""


def _plain_place(names: list[str]) -> bool:
    """Whether the last of a Chinese subtitle's names is a place named plainly ('上海'): the
    third, as jdeditor prints company · department · place; or, of one or two, a last that
    names no organisation ('明远有限公司 · 上海 · 全职'; '上海 · 全职 · 6000-8000元/月', as job
    boards print it)."""
    if len(names) == 3:
        return True
    last = names[-1] if names else ""
    return len(names) <= 2 and is_cjk(last) and not _ORGANISATION_END.search(last)


def _choice_label(text: str, paths: tuple[str, ...]) -> tuple[str, str] | None:
    """(field path, value) when ``text`` is a choice's label in a posting language: the words
    an export prints ('Full-time', '全职', '现场办公'), from the posting catalogue."""
    found = printed.choice_labels().get(printed.plain(text).casefold())
    return found if found is not None and found[0] in paths else None


def _names_place(part: str, place: tuple[dict[str, str], str]) -> bool:
    """Whether a subtitle part read as a place names one on its face: 'Denver, CO', 'Remote
    (US)'; in Chinese (where any text reads as a place) a country first ('美国[州][城市]') or a
    province or city word last ('广东省深圳市')."""
    if "," in part or place[1]:
        return True
    if "country" not in place[0]:
        return False
    return not is_cjk(part) or _chinese_place(part)


def _chinese_place(text: str) -> bool:
    """A Chinese place named on its face: a country first ('美国[州][城市]', by CLDR's names)
    or a province or city word last ('广东省深圳市')."""
    return bool(printed.country_prefix(text)[0] or _CHINESE_PLACE_END.search(text))


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
    if years == 1:
        return Message(N_("{years} year"), years=f"{years:g}")
    return Message(N_("{years} years"), years=f"{years:g}")
