"""Single facts a posting states in passing: where, what kind of job, level, education, years,
dates, addresses. Each reader returns the value and the words it was read from, or None."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from babel import Locale

import jdeditor.importer._printed as printed
from jdeditor.checks._message import Message
from jdeditor.i18n import N_
from jdeditor.importer._blocks import is_cjk
from jdeditor.model import ADDRESS_MAX, EducationLevel

# --- employment type, arrangement, level --------------------------------------------------------
EMPLOYMENT = [
    ("full-time", r"full[\s-]?time|fulltime|permanent|全职|正式"),
    ("part-time", r"part[\s-]?time|兼职"),
    ("internship", r"internship|\bintern\b|实习"),
    ("contract", r"\bcontract(?:or)?\b|\bfreelance\b|合同工|外包"),
    ("temporary", r"\btemporary\b|\btemp\b|\bseasonal\b|临时"),
]
ARRANGEMENT = [
    ("hybrid", r"\bhybrid\b|混合办公"),
    ("remote", r"\bremote\b|work from home|\bwfh\b|telecommut\w*|远程|居家办公"),
    ("on-site", r"\bon[\s-]?site\b|\bin[\s-]?(?:office|person)\b|现场办公|坐班"),
]
LEVEL_IN_TITLE = [
    ("executive", r"\b(?:vp|vice president|chief|cxo|ceo|coo|cfo|cto)\b|总裁|首席"),
    ("director", r"\bdirector\b|\bhead of\b|总监"),
    ("senior", r"\bsenior\b|\bsr\.?(?=\s)|\bprincipal\b|\bmanager\b|资深|高级|经理"),
    ("mid", r"\bteam lead(?:er)?\b|\bsupervisor\b|\bmid[\s-]level\b|主管|组长|中级"),
    ("entry", r"\bjunior\b|\bjr\.?(?=\s)|\bentry[\s-]level\b|\btrainee\b|\bintern\b|初级|实习"),
]
LEVEL_IN_TEXT = [
    ("entry", r"\bentry[\s-]level\b|入门级"),
    ("mid", r"\bmid[\s-]level\b"),
    ("senior", r"\bsenior[\s-]level\b"),
]


def first_choice(text: str, table: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """The first choice whose words ``text`` holds, and every choice it holds."""
    found = [(match.start(), value) for value, words in table if (match := _search(words, text))]
    found.sort()
    values = list(dict.fromkeys(value for _, value in found))
    return (values[0] if values else ""), values


def _search(words: str, text: str) -> re.Match[str] | None:
    return re.search(words, text, re.IGNORECASE)


def level_of(title: str, text: str) -> tuple[str, str]:
    """(level, why): from the title's words first, then 'entry-level' and the like in the text."""
    for value, words in LEVEL_IN_TITLE:
        if match := _search(words, title):
            return value, Message(N_("'{words}' in the title"), words=match.group())
    found = {value for value, words in LEVEL_IN_TEXT if _search(words, text)}
    if len(found) == 1:
        value = found.pop()
        return value, Message(N_("'{level}-level' in the text"), level=value)
    return "", ""


# --- location -------------------------------------------------------------------------------------
US_STATES = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "DC",
        "PR",
    ]
)
CA_PROVINCES = frozenset(
    ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
)
AU_STATES = frozenset(["NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"])


@cache
def _country_names() -> dict[str, str]:
    """Country name (English and Chinese, case-folded) → ISO code, plus common short forms."""
    names: dict[str, str] = {}
    for language in ("en", "zh"):
        for code, name in Locale(language).territories.items():
            if isinstance(code, str) and len(code) == 2 and code.isalpha():
                names[name.casefold()] = code
    names |= {"usa": "US", "us": "US", "u.s.": "US", "uk": "GB", "u.k.": "GB"}
    names |= {"america": "US", "england": "GB", "中国大陆": "CN", "美国": "US"}
    return names


def country_code(name: str) -> str:
    """'Canada' → 'CA', 'US' → 'US', '中国' → 'CN'; '' when ``name`` is no country."""
    cleaned = name.strip().strip(".").casefold()
    if len(cleaned) == 2 and cleaned.isalpha() and cleaned.upper() in _valid_codes():
        return cleaned.upper() if cleaned.upper() not in US_STATES - {"US"} else ""
    return _country_names().get(cleaned, "")


@cache
def _valid_codes() -> frozenset[str]:
    return frozenset(_country_names().values())


def country_of_region(region: str) -> str:
    code = region.strip().upper()
    if code in US_STATES:
        return "US"
    if code in CA_PROVINCES:
        return "CA"
    if code in AU_STATES:
        return "AU"
    return ""


_ARRANGEMENT_WORDS = re.compile(
    r"(?i)^\s*(?:100%\s*|fully\s+)?(remote|hybrid|on[\s-]?site|in[\s-]office|in[\s-]person|远程|混合办公)"
    r"(?:\s*(?:$|[-–—:,|/]|\bin\b|\bfrom\b|\bwithin\b|\bbased\b)|(?=\s*[(（]))\s*"
)
_TRAILING_ARRANGEMENT = re.compile(
    r"(?i)\s*[(（]?\s*(remote|hybrid|on[\s-]?site|in[\s-]office)\s*[)）]?\s*$"
)
_POSTCODE = re.compile(r"\s+(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{4})$")


def parse_location(text: str) -> tuple[dict[str, str], str] | None:
    """'Denver, CO' → locality and region; 'Remote (US)' → country and 'remote';
    '上海' → locality and CN. Returns (location fields, arrangement) or None."""
    text, arrangement = _without_arrangement(text.strip().strip("."))
    text = re.sub(r"^[(（](.*)[)）]$", r"\1", _POSTCODE.sub("", text).strip()).strip()
    if not text:
        return ({}, arrangement) if arrangement else None
    if len(text) > 120 or re.search(r"[:：\d]|[.!?。！？]\s|[|$€£¥·•]|\s[-–—]\s", text):
        return None
    if is_cjk(text):
        return _chinese_location(text), arrangement
    parts = [part.strip() for part in re.split(r",|，", text) if part.strip()]
    return (_place(parts), arrangement) if 0 < len(parts) <= 3 else None


def _without_arrangement(text: str) -> tuple[str, str]:
    """'Remote (US)' → ('(US)', 'remote'); 'Denver, CO (On-site)' → ('Denver, CO', 'on-site');
    an arrangement's label alone ('现场办公', as exported) → ('', its value)."""
    labelled = printed.choice_labels().get(printed.plain(text).casefold())
    if labelled is not None and labelled[0] == "work_arrangement":
        return "", labelled[1]
    arrangement = ""
    if match := _ARRANGEMENT_WORDS.match(text):
        arrangement = _ARRANGEMENT_OF.get(match.group(1).lower()[:3], "on-site")
        text = text[match.end() :].strip()
    if trailing := _TRAILING_ARRANGEMENT.search(text):
        arrangement = arrangement or _ARRANGEMENT_OF.get(trailing.group(1).lower()[:3], "on-site")
        text = text[: trailing.start()].strip(" ,-–")
    return text, arrangement


_ARRANGEMENT_OF = {"rem": "remote", "远程": "remote", "hyb": "hybrid", "混合办": "hybrid"}


def _place(parts: list[str]) -> dict[str, str]:
    place: dict[str, str] = {}
    country = country_code(parts[-1])
    if country and (len(parts) > 1 or country_code(parts[0]) == country):
        place["country"] = country
        parts = parts[:-1]
    if parts:
        place["locality"] = parts[0]
    if len(parts) > 1:
        place["region"] = parts[1]
        if "country" not in place and (found := country_of_region(parts[1])):
            place["country"] = found
    return place


_PROVINCE = re.compile(r"^(.{2,8}?(?:省|自治区|特别行政区))(.*)$")
_STATE = re.compile(r"^(.{1,10}?州)(.+)$")
"""'加州丹佛': a state before its city, outside China (where '广州' and '杭州' are cities)."""
_BRACKETED = re.compile(r"^([\[【［][^\]】］]{1,30}[\]】］])\s*([\[【［][^\]】］]{1,30}[\]】］])$")
_REGION_CODES = {"US": US_STATES, "CA": CA_PROVINCES, "AU": AU_STATES}


def _chinese_location(text: str) -> dict[str, str]:
    """A place named largest part first, as Chinese names one and jdeditor prints it:
    '广东省深圳市', '上海'; a country first by its CLDR Chinese name: '美国[州][城市]',
    '美国加州丹佛', '美国CO丹佛'. Without a country named, the place is in China."""
    country, rest = printed.country_prefix(text)
    country = country or "CN"
    rest = rest.strip(" ，,")
    region = ""
    if pair := _BRACKETED.match(rest):
        region, rest = pair.groups()
    elif province := _PROVINCE.match(rest):
        region, rest = province.groups()
    elif country != "CN" and (state := _STATE.match(rest)):
        region, rest = state.groups()
    else:
        region, rest = _region_code(rest, country)
    place = {"region": region, "locality": rest.strip(" ，,"), "country": country}
    return {key: value for key, value in place.items() if value}


def _region_code(text: str, country: str) -> tuple[str, str]:
    """('CO', '丹佛') for 'CO丹佛', ('CO', 'Denver') for 'CODenver' in the US; ('', text) else."""
    codes = _REGION_CODES.get(country, frozenset())
    for size in (2, 3):
        code, rest = text[:size], text[size:].strip()
        upper_next = rest[:1].isascii() and rest[:1].isupper() and not rest[1:2].islower()
        if code in codes and rest and not upper_next:
            return code, rest
    return "", text


# --- education and experience ---------------------------------------------------------------------
EDUCATION = [
    ("doctorate", r"\bph\.?\s?d\b|\bdoctora(?:te|l)\b|博士"),
    ("master", r"\bmaster'?s?\b|\bmba\b|\bm\.?sc?\b(?= degree)|硕士|研究生"),
    (
        "bachelor",
        r"\bbachelor'?s?\b|\bb\.?[as]\.?\b(?= degree)|\bundergraduate degree\b"
        r"|\bcollege degree\b|\b4-year degree\b|\bfour-year degree\b|本科|学士",
    ),
    ("associate", r"\bassociate'?s? degree\b|\btwo-year degree\b|大专|专科"),
    ("high-school", r"\bhigh[\s-]school\b|\bged\b|\bsecondary school\b|高中|中专|中技"),
    ("none", r"\bno (?:formal )?(?:degree|education|diploma) (?:is )?required\b|学历不限"),
]
_LABELS = {level.label.casefold(): level.value for level in EducationLevel}
_PREFERRED = re.compile(r"(?i)\bpreferred\b|\ba plus\b|\bnice to have\b|\bdesirable\b|优先")
_IN_PLACE = re.compile(
    r"(?i)equivalent (?:work |practical |professional |relevant )?experience|experience (?:can "
    r"|may )?(?:take the place|in (?:lieu|place)) of|in lieu of (?:a )?degree|or equivalent "
    r"combination|经验丰富者可放宽"
)


def education_of(text: str) -> tuple[str, bool, str] | None:
    """(level, preferred?, words) for the first level ``text`` names, or None."""
    cleaned = text.replace("’", "'")
    for label, value in _LABELS.items():
        if label in cleaned.casefold():
            return value, bool(_PREFERRED.search(cleaned)), label
    for value, words in EDUCATION:
        if match := _search(words, cleaned):
            preferred = bool(_PREFERRED.search(cleaned)) and "及以上" not in cleaned
            return value, preferred, match.group()
    return None


def in_place_of_education(text: str) -> bool:
    return bool(_IN_PLACE.search(text))


_ARTICLES = ("a ", "an ", "any ", "the ", "other ", "another ", "similar ", "related ")


def fields_of_study(text: str) -> list[str]:
    """'Bachelor's degree in management, business, or a related field' → the fields."""
    cleaned = text.replace("’", "'")
    match = re.search(
        r"(?i)(?:degree|diploma|bachelor'?s?|master'?s?|associate'?s?|doctorate|ph\.?d\.?)"
        r"\s+(?:in|of)\s+(.+?)(?:\s*[.;(]|,?\s+(?:or equivalent|preferred|required)\b|$)",
        cleaned,
    )
    if match is None:
        chinese = re.search(r"([\u4e00-\u9fff、/]{2,40}?)(?:等)?相关专业", text)
        return [part for part in re.split(r"[、/]", chinese.group(1)) if part] if chinese else []
    parts = re.split(r",\s*(?:or |and )?|\s+(?:or|and)\s+", match.group(1))
    return [_capitalised(part.strip()) for part in parts if part.strip()][:20]


def _capitalised(field: str) -> str:
    if field.lower().startswith(_ARTICLES) or not field[:1].islower():
        return field
    return field[:1].upper() + field[1:]


_NUMBER_WORDS: dict[str, float] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
}
_NUMBER_WORDS |= {"eight": 8, "nine": 9, "ten": 10, "一": 1, "两": 2, "二": 2, "三": 3}
_NUMBER_WORDS |= {"四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "半": 0.5}
_COUNT = (
    r"(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|[一两二三四五六七八九十半])"
)
_YEARS = [
    re.compile(
        rf"(?i)(?:at least|minimum(?: of)?|min\.?|over|more than)?\s*{_COUNT}\s*\+?\s*"
        rf"(?:[-–~to]+\s*\d{{1,2}}\s*)?\+?\s*(years?|yrs?|months?)\b"
    ),
    re.compile(rf"{_COUNT}\s*(?:[-–~]\s*\d{{1,2}}\s*)?(年|个月)(?:以上|及以上)?"),
]


def years_of(text: str, *, need_context: bool) -> tuple[float, str] | None:
    """Minimum years of experience: '3+ years', 'at least 2 years', '1-3 years' (1), '3年以上'.

    ``need_context``: only in a sentence about experience (经验, experience, in a role)."""
    if need_context and not re.search(r"(?i)experience|经验|工作", text):
        return None
    for pattern in _YEARS:
        match = pattern.search(text)
        if match is None:
            continue
        raw = match.group(1).lower()
        count = float(_NUMBER_WORDS.get(raw, 0)) if raw in _NUMBER_WORDS else float(raw)
        if match.group(2).lower().startswith(("month", "个月")):
            count /= 12
        count = round(count * 2) / 2
        if 0 < count <= 50:
            return count, match.group().strip()
    return None


# --- dates and addresses --------------------------------------------------------------------------
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))


def date_in(text: str) -> tuple[date, str] | None:
    """The first date: ISO, '5 March 2026', 'March 5, 2026', '2026年3月5日'."""
    patterns = [
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", ("y", "m", "d")),
        (r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", ("y", "m", "d")),
        (rf"(?i)\b(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})", ("d", "M", "y")),
        (rf"(?i)\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", ("M", "d", "y")),
        (r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", ("m", "d", "y")),
    ]
    for pattern, order in patterns:
        match = re.search(pattern, text)
        if match is None:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = _MONTHS[parts["M"].lower()] if "M" in parts else int(parts["m"])
        try:
            return date(int(parts["y"]), month, int(parts["d"])), match.group()
        except ValueError:
            continue
    return None


def mail_address(target: str) -> str | None:
    """The address a 'mailto:' link writes to ('mailto:jobs@acme.com?subject=…'), None for any
    other link. Only the start of the link is read: a Word file can give 100,000 links one
    target of a megabyte, and lower-casing or copying it for each link took minutes."""
    if target[:7].lower() != "mailto:":
        return None
    return target[7 : 7 + ADDRESS_MAX].partition("?")[0]


EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
URL = re.compile(r"(?i)\bhttps?://[^\s<>\"'（）]+[^\s<>\"'.,;:!?)\]（）。，]|\bwww\.[^\s<>\"']+\w")
