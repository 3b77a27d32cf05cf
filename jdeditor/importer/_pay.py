"""Pay as recruiters write it: '$45,000 – $55,000 a year', '$18–$22/hour', 'USD 60k–75k
annually', '£30,000 to £35,000 a year', '€2.500 – €3.000 pro Monat', '月薪 ¥6,000 – ¥8,000',
'6000-8000元/月', '年薪 15-20万', '$63,000+ per year, depending on experience'.

``find_pay`` returns the first pay expression in a text as the model's salary fields, with the
words that explain how it was read. Amounts need a currency, a period or a pay word beside
them, so '3-5 years' or 'founded in 2010' is never pay.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel.numbers import get_territory_currencies

import jdeditor.importer._printed as printed
from jdeditor.checks._message import Listing, Message, term
from jdeditor.i18n import N_
from jdeditor.model import AMOUNT_MAX, NAME_MAX

_CODES = [
    "USD",
    "CAD",
    "AUD",
    "NZD",
    "GBP",
    "EUR",
    "CNY",
    "RMB",
    "JPY",
    "INR",
    "PHP",
    "KRW",
    "CHF",
    "SGD",
    "HKD",
    "MXN",
    "BRL",
    "ZAR",
    "SEK",
    "NOK",
    "DKK",
    "PLN",
    "CZK",
    "HUF",
    "TWD",
    "MYR",
    "THB",
    "IDR",
    "VND",
    "AED",
    "SAR",
    "ILS",
    "TRY",
    "EGP",
    "NGN",
    "KES",
    "COP",
    "ARS",
    "CLP",
    "PEN",
]
_SYMBOLS = {
    "US$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "R$": "BRL", "MX$": "MXN", "£": "GBP", "€": "EUR", "₹": "INR",
    "₱": "PHP", "₩": "KRW", "元": "CNY", "块": "CNY", "人民币": "CNY", "RMB": "CNY", "円": "JPY",
}  # fmt: skip
_DOLLAR = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD", "MX": "MXN"}
_DOLLAR |= {"BR": "BRL", "TW": "TWD", "LR": "LRD", "JM": "JMD", "BS": "BSD"}
_CURRENCY = (
    r"(?:US\$|CA\$|AU\$|NZ\$|HK\$|MX\$|[CARS]\$|\$|£|€|¥|￥|₹|₱|₩|人民币|" + "|".join(_CODES) + r")"
)
_NUMBER = r"\d{1,3}(?:[,.  ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_MULTIPLIER = r"(?:[kK](?![a-zA-Z])|万|千|[wW](?![a-zA-Z]))"
_AMOUNT = (
    rf"(?:{_CURRENCY}\s?)?(?:{_NUMBER})\s?{_MULTIPLIER}?"
    rf"(?:\s?(?:{_CURRENCY}|元|块|円)(?![a-zA-Z]))?"
)
_UNITS = {
    "year": "year", "yr": "year", "annum": "year", "年": "year", "jahr": "year", "an": "year",
    "month": "month", "mo": "month", "mth": "month", "月": "month", "monat": "month",
    "mois": "month", "hour": "hour", "hr": "hour", "h": "hour", "小时": "hour", "时": "hour",
    "stunde": "hour", "heure": "hour", "week": "week", "wk": "week", "周": "week",
    "day": "day", "天": "day", "日": "day", "tag": "day",
}  # fmt: skip
_PERIOD = (
    r"(?:\s?(?:per|a|an|/|each|every|每|pro|im|par)\s?"
    r"(?P<unit>year|yr|annum|month|mth|mo|hour|hr|h|week|wk|day|年|月|小时|时|周|天|日"
    r"|jahr|monat|stunde|tag|an|mois|heure)(?![a-zA-Z])"
    r"|\s?(?P<adverb>annually|yearly|annual|monthly|hourly|weekly|daily|p\.\s?a\.|jährlich"
    r"|monatlich)(?![a-zA-Z]))"
)
_PAY = re.compile(
    rf"(?P<low>{_AMOUNT})(?:\s?(?:-|–|—|~|～|to|至|到|and)\s?(?P<high>{_AMOUNT}))?"
    rf"(?P<plus>\s?\+|\s?(?:or more|and up|and above|及以上|以上|起))?{_PERIOD}?",
    re.IGNORECASE,
)
_PERIOD_BEFORE = {
    "year": r"年薪|annual (?:salary|pay|base)|yearly salary|salary per year|jahresgehalt",
    "month": r"月薪|monthly (?:salary|pay)|monatsgehalt",
    "hour": r"时薪|hourly (?:rate|pay|wage)|stundenlohn",
    "day": r"日薪|daily rate",
}
_ADVERBS = {"annually": "year", "yearly": "year", "annual": "year", "monthly": "month"}
_ADVERBS |= {"hourly": "hour", "weekly": "week", "daily": "day", "jährlich": "year"}
_ADVERBS |= {"monatlich": "month"}
PAY_WORDS = re.compile(
    r"(?i)salary|\bpay\b|wages?\b|compensation|\brate\b|earn|\bbase\b|\bOTE\b|薪|工资|待遇|"
    r"gehalt|vergütung|rémunération|salaire"
)
_UP_TO = re.compile(r"(?i)(?:up to|as much as|max(?:imum)?(?: of)?|最高|最多)\s*$")
_NOT_PAY_AFTER = re.compile(
    r"(?i)\s?(?:million|billion|mn|bn|m|b|亿|百万|(?:sign[- ]on |referral |joining )?bonus"
    r"|gift|credit|off|stipend|allowance|reimbursement|voucher|奖金|补贴|补助)(?![a-zA-Z])"
)
_NOTE_END = re.compile(r"(?:\.\s|。|\s[-–—|·•]\s|\||;|；|\n)")


@dataclass(frozen=True, slots=True)
class Pay:
    minimum: Decimal
    maximum: Decimal | None
    open_ended: bool
    currency: str
    period: str
    note: str
    matched: str
    """The words read, as they stand in the text."""
    how: list[str]
    """How the currency or period was decided where the text does not say it outright."""
    span: tuple[int, int]
    """Where ``matched`` and its note stand in the text."""

    def describe(self) -> str:
        amount = _plain(self.minimum)
        if self.maximum is not None and self.maximum != self.minimum:
            amount += f"–{_plain(self.maximum)}"
        line = Message(
            N_("'{words}' read as {amount} {currency} per {period}"),
            words=self.matched,
            amount=Message(N_("{amount} or more"), amount=amount) if self.open_ended else amount,
            currency=self.currency,
            period=period_word(self.period),
        )
        if self.note:
            line = Message(N_("{pay}, note '{note}'"), pay=line, note=self.note)
        if self.how:
            line = Message(N_("{pay} ({how})"), pay=line, how=Listing(self.how, separator=N_("; ")))
        return line


@dataclass(frozen=True, slots=True)
class NotPay:
    """A pay expression jdeditor's pay fields cannot hold (a weekly rate, 'up to' alone)."""

    matched: str
    reason: str


MAX_AMOUNTS_TRIED = 64
"""Numbers looked at in one text before it is taken to state no pay. A pay line has a few; a
paragraph of 10,000 numbers took a second each time it was read."""
_BEFORE_CHARS = 80
"""How far before an amount 'up to' or 'annual salary' is looked for."""


def find_pay(text: str, *, country: str = "", chinese: bool = False) -> Pay | NotPay | None:
    """The first pay expression in ``text``; None when there is none (or none among its first
    ``MAX_AMOUNTS_TRIED`` numbers)."""
    labelled = bool(PAY_WORDS.search(text))
    for match in itertools.islice(_PAY.finditer(text), MAX_AMOUNTS_TRIED):
        result = _read(match, text, country=country, chinese=chinese, labelled=labelled)
        if result is not None:
            return result
    return None


def _read(
    match: re.Match[str], text: str, *, country: str, chinese: bool, labelled: bool
) -> Pay | NotPay | None:
    low, high = match.group("low"), match.group("high")
    before = text[max(0, match.start() - _BEFORE_CHARS) : match.start()]
    period = _period(match, before)
    symbol = _symbol(low) or (_symbol(high) if high else "")
    amounts = _amounts(low, high, text, match.end())
    scaled = _multiplier(low) > 1 or _multiplier(high or "") > 1  # '8千-1万/月', '60k'
    stated = _stated_as_pay(symbol, period, labelled, high, amounts[0]) if amounts else False
    if amounts is None or not (stated or (scaled and period)):
        return None
    minimum, maximum = amounts
    matched = match.group().strip()
    how: list[str] = []
    currency = _currency(symbol, country=country, chinese=chinese, how=how)
    if not period:
        period = _likely_period(maximum or minimum, currency)
        how.append(
            Message(
                N_("no period given; {period} guessed from the amount"), period=period_word(period)
            )
        )
    problem = _problem(before, period, minimum, maximum)
    if problem:
        return NotPay(matched, problem)
    if not (Decimal(0) < minimum <= AMOUNT_MAX) or (maximum is not None and maximum > AMOUNT_MAX):
        return None
    note, end = _note(text, match.end())
    return Pay(
        minimum.quantize(Decimal("0.01")),
        maximum.quantize(Decimal("0.01")) if maximum not in (None, minimum) else None,
        bool(match.group("plus")),
        currency,
        period,
        note,
        matched,
        how,
        (match.start(), end),
    )


def _amounts(
    low: str, high: str | None, text: str, end: int
) -> tuple[Decimal, Decimal | None] | None:
    """The amounts read, unless the words after them (from ``end``) say they are not pay."""
    minimum = _amount(low)
    maximum = _amount(high) if high else None
    if minimum is None or (high and maximum is None) or _NOT_PAY_AFTER.match(text, end):
        return None
    # '$60-75k', '15-20万': a multiplier written once, on the top amount, counts for both.
    low_multiplier, high_multiplier = _multiplier(low), _multiplier(high or "")
    if maximum is not None and high_multiplier > 1 and low_multiplier == 1 and minimum < maximum:
        minimum *= high_multiplier
    return minimum, maximum


def _stated_as_pay(
    symbol: str, period: str, labelled: bool, high: str | None, minimum: Decimal
) -> bool:
    """'$5 off', 'a $20 gift card', '50 calls per hour', 'every 2 years' are not pay."""
    if symbol:
        return bool(period or high or labelled)
    return labelled and bool(period or minimum >= 100)


def _problem(before: str, period: str, minimum: Decimal, maximum: Decimal | None) -> str:
    """Why pay the text states cannot be jdeditor's pay ('' when it can)."""
    if _UP_TO.search(before):
        return term(N_("names only a top amount ('up to'); jdeditor's pay needs a minimum"))
    if period in ("week", "day"):
        return Message(
            N_("is pay per {period}; jdeditor's pay is per year, month or hour"),
            period=period_word(period),
        )
    if maximum is not None and maximum < minimum:
        return term(N_("has a top amount below its bottom amount"))
    return ""


def _period(match: re.Match[str], before: str) -> str:
    unit = (match.group("unit") or "").lower()
    if unit:
        return _UNITS.get(unit, "")
    adverb = re.sub(r"[\s.]", "", (match.group("adverb") or "").lower())
    if adverb:
        return "year" if adverb == "pa" else _ADVERBS.get(adverb, "")
    nearby = before[-40:]
    for period, words in _PERIOD_BEFORE.items():
        if re.search(rf"(?i)(?:{words})", nearby):
            return period
    lead = nearby.rstrip().casefold()  # the pay line as exported, in any posting language
    return next((p for word, p in printed.pay_lead_words().items() if lead.endswith(word)), "")


def _symbol(amount: str) -> str:
    found = re.search(_CURRENCY + r"|元|块|円", amount, re.IGNORECASE)
    return found.group().upper() if found else ""


def _currency(symbol: str, *, country: str, chinese: bool, how: list[str]) -> str:
    if symbol in _SYMBOLS or symbol in _CODES:
        return _SYMBOLS.get(symbol, symbol)
    if symbol == "$":
        return _dollar(country, how)
    if symbol in ("¥", "￥"):
        if country == "JP":
            return "JPY"
        if country != "CN" and not chinese:
            how.append(term(N_("'¥' read as CNY, not JPY")))
        return "CNY"
    if chinese or country == "CN":
        return "CNY"
    found = get_territory_currencies(country) if country else []
    how.append(
        Message(
            N_("no currency given; {currency} for a job in {country}"),
            currency=found[0],
            country=country,
        )
        if found
        else term(N_("no currency; USD"))
    )
    return found[0] if found else "USD"


def _dollar(country: str, how: list[str]) -> str:
    """'$' is the dollar of the job's country: CAD in Canada, AUD in Australia, else USD."""
    if country in _DOLLAR:
        how.append(
            Message(
                N_("'$' read as {currency} for a job in {country}"),
                currency=_DOLLAR[country],
                country=country,
            )
        )
        return _DOLLAR[country]
    if country != "US":
        how.append(
            Message(N_("'$' read as USD (the job is in {country})"), country=country)
            if country
            else term(N_("'$' read as USD"))
        )
    return "USD"


def _amount(text: str | None) -> Decimal | None:
    if not text:
        return None
    number = re.search(_NUMBER, text)
    if number is None:
        return None
    value = _number(number.group())
    return value * _multiplier(text) if value is not None else None


def _multiplier(text: str) -> int:
    unit = re.search(r"\d\s?(" + _MULTIPLIER + ")", text)
    if unit is None:
        return 1
    return {"k": 1000, "千": 1000, "万": 10_000, "w": 10_000}[unit.group(1).lower()]


def _number(text: str) -> Decimal | None:
    """'45,000' '2.500' '1.234,56' '17.50' '6 000' as numbers; the last separator followed by
    one or two digits is the decimal mark, any other groups thousands."""
    text = text.replace(" ", "").replace(" ", " ").replace(" ", "")
    decimal = re.search(r"[.,](\d{1,2})$", text)
    if decimal:
        whole = re.sub(r"[.,]", "", text[: decimal.start()])
        text = f"{whole}.{decimal.group(1)}"
    else:
        text = re.sub(r"[.,]", "", text)
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _likely_period(amount: Decimal, currency: str) -> str:
    scale = {"JPY": 100, "KRW": 1000, "INR": 50, "PHP": 30, "CNY": 5, "IDR": 10_000}
    factor = Decimal(scale.get(currency, 1))
    if amount < 200 * factor:
        return "hour"
    if currency == "CNY" and amount < 100_000:
        return "month"  # Chinese postings state monthly pay unless they say 年薪
    return "month" if amount < 10_000 * factor else "year"


def _note(text: str, start: int) -> tuple[str, int]:
    """What follows the pay in its sentence: 'depending on experience', '13薪', and after
    Chinese's full-width comma ('年薪 US$63,000 起，视经验而定')."""
    rest = text[start:]
    stop = _NOTE_END.search(rest)
    piece = rest[: stop.start()] if stop else rest
    note = piece.strip().strip("()（）[]").strip(" ,;:，；：、·•-–—+").strip("()（）").strip()
    note = note.rstrip(".。")
    if not re.search(r"\w", note) or len(note) > NAME_MAX:
        return "", start
    return note, start + len(piece)


def _plain(amount: Decimal) -> str:
    text = f"{amount:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


_PERIODS = {
    "year": N_("year"),
    "month": N_("month"),
    "hour": N_("hour"),
    "week": N_("week"),
    "day": N_("day"),
}


def period_word(period: str) -> str:
    """'year', 'week': a pay period as a message names it, in the user's language."""
    return term(_PERIODS[period]) if period in _PERIODS else period
