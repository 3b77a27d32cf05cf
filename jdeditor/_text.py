"""Text shown to people: user input echoed in a message must not be able to do anything."""

from __future__ import annotations

import re
import textwrap
import unicodedata

# C0/C1 controls (a terminal's escape sequences), bidi overrides and isolates, zero-width
# characters, the BOM, and lone surrogates (what Python makes of undecodable file names).
_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff"
    r"\ud800-\udfff]"
)


def printable(text: str) -> str:
    """``text`` with every invisible or terminal-driving character written as an escape.

    ``"a\\x1b[31mb"`` becomes ``a\\x1b[31mb`` with a literal backslash; plain text, Chinese
    included, is returned unchanged.
    """
    return _UNSAFE.sub(_escape, text)


def columns(text: str) -> int:
    """The terminal columns ``text`` takes: two for a wide character (Chinese), none for a
    combining mark, one for the rest."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns."""
    return text + " " * max(0, width - columns(text))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# --- Typography -------------------------------------------------------------------------------
# Quotation marks by language (CLDR's delimiters): (open, close, inner open, inner close).
_QUOTES = {
    "de": ("„", "“", "‚", "‘"),
    "fr": ("«\u202f", "\u202f»", "“", "”"),
    "ja": ("「", "」", "『", "』"),
    "zh-Hant": ("「", "」", "『", "』"),
}
_ENGLISH_QUOTES = ("“", "”", "‘", "’")
# What Chinese text is written in: Han, CJK symbols and punctuation, kana, bopomofo,
# compatibility ideographs and full-width forms. Not Hangul: Korean spaces its words.
_CJK = "\u2e80-\u2fff\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# Web and e-mail addresses keep their characters exactly as typed. A URL ends before a closing
# quote or sentence punctuation; an e-mail's local part may hold an apostrophe (o'neil@…).
ADDRESS = re.compile(
    r"(?i)(?:https?://|www\.)[^\s\"<>" + _CJK + r"]*[^\s\"'<>.,;:!?)\]" + _CJK + r"]"
    r"|[\w.+-]+(?:'[\w.+-]+)*@[\w-]+(?:\.[\w-]+)+"
)
# A quote after one of these opens; Chinese characters too ("使用'单引号'").
_AFTER_OPENING = r"(^|[\s(\[{\u2014\u2013/" + _CJK + r"-])"
# An apostrophe between two letters of a spaced script (don't), or before a decade ('90s).
_APOSTROPHE = re.compile(r"(?<=[^\W" + _CJK + r"])'(?=[^\W" + _CJK + r"])|'(?=\d\ds\b)")
# After this, a straight double quote closes (unless a space comes before it).
_CLOSING_PUNCTUATION = frozenset(".,;:!?)]}…、。，；：！？）」』》")


def quote_marks(language: str) -> tuple[str, str, str, str]:
    """The quotation marks a posting in ``language`` (BCP 47) is printed with."""
    tag = language.replace("_", "-")
    primary = tag.split("-")[0].lower()
    lowered = tag.lower()
    if (
        primary == "zh"
        and "-hans" not in lowered
        and any(p in lowered for p in ("hant", "-tw", "-hk", "-mo"))
    ):
        return _QUOTES["zh-Hant"]
    return _QUOTES.get(primary, _ENGLISH_QUOTES)


def typeset(text: str, language: str) -> str:
    """Typographic quotes and apostrophes for straight ones, outside web and e-mail addresses.

    ``"Don't" call it 'easy'`` becomes ``“Don’t” call it ‘easy’`` in English; the marks follow
    the language (``„…“`` in German). The apostrophe is always U+2019, as CLDR has it.
    """
    chinese = language.replace("_", "-").split("-")[0].lower() == "zh"
    if "'" not in text and '"' not in text and not (chinese and _CJK_ADJACENT.search(text)):
        return text
    marks = quote_marks(language)
    # Addresses stand aside as a private-use character that the text does not hold, while the
    # quotes are decided around them; they count as letters there.
    stand_in = next(chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)
    addresses = ADDRESS.findall(text)
    if addresses:
        text = ADDRESS.sub(stand_in, text)
    text = _typeset_plain(text, marks, stand_in)
    if chinese:
        text = chinese_punctuation(text)
    for address in addresses:
        text = text.replace(stand_in, address, 1)
    return text


_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。"}
_IS_CJK = re.compile(f"[{_CJK}]")
_CJK_ADJACENT = re.compile(f"[{_CJK}\u2019\u201d][,;:!?.]")
# Sentence punctuation typed in ASCII right after a Chinese character or a closing quote
# (a run of them, "?!", at once); a full stop only where a sentence ends, so "..." and "v2.0"
# stay as typed.
_HALF_WIDTH_AFTER_CJK = re.compile(
    f"(?<=[{_CJK}\u2019\u201d])(?:[,;:!?]+ *|\\.(?= |$|[{_CJK}]) *)", re.M
)


def join_cjk(parts: list[str]) -> str:
    """Parts of a Chinese name run together ('美国' + '加州' → '美国加州'), with a space where
    either neighbour is not Chinese ('美国' + 'CO' + 'Denver' → '美国 CO Denver')."""
    joined = ""
    for part in parts:
        if joined and not (_IS_CJK.match(joined[-1]) and _IS_CJK.match(part[0])):
            joined += " "
        joined += part
    return joined


def chinese_punctuation(text: str) -> str:
    """Chinese text as Chinese typesetting wants it: sentence punctuation typed in ASCII after
    a Chinese character prints full-width ("我们,你们." → "我们，你们。", "什么?!" → "什么？！").

    Spaces are the user's: "北京 上海 深圳" lists three cities, so none is dropped; the words
    jdeditor adds itself (headings, labels, the pay line) carry no space between Chinese
    characters.
    """

    def full_width(match: re.Match[str]) -> str:
        return "".join(_FULL_WIDTH[char] for char in match.group().rstrip(" "))

    return _HALF_WIDTH_AFTER_CJK.sub(full_width, text)


def _typeset_plain(text: str, marks: tuple[str, str, str, str], stand_in: str) -> str:
    open_double, close_double, open_single, close_single = marks
    lines = text.split("\n")
    text = "\n".join(_pair_double(line, open_double, close_double) for line in lines)
    # Apostrophes first (don't, the '90s), then a single quote that opens, paired with the
    # next one that closes; what is left of the straight single quotes are apostrophes too.
    text = re.sub(_APOSTROPHE, "’", text)
    text = re.sub(
        _AFTER_OPENING + r"'(?=[\w" + stand_in + r"])(.*?\S)'(?!\w)",
        lambda m: f"{m.group(1)}{open_single}{m.group(2)}{close_single}",
        text,
    )
    return text.replace("'", "’")


def _pair_double(line: str, opening: str, closing: str) -> str:
    """Straight double quotes as pairs: one after a space (or at the start) opens, one before a
    space, the end or closing punctuation closes, and one between two other characters
    (Chinese '底薪"¥8000"起') does whichever the pair needs."""
    out, is_open = [], False
    for index, char in enumerate(line):
        if char != '"':
            out.append(char)
            continue
        before = line[index - 1] if index else " "
        after = line[index + 1] if index + 1 < len(line) else " "
        spaced_before = bool(re.match(_OPENING_CONTEXT, before))
        if spaced_before and not after.isspace():
            opens = True
        elif not spaced_before and (after.isspace() or after in _CLOSING_PUNCTUATION):
            opens = False
        else:
            opens = not is_open
        out.append(opening if opens else closing)
        is_open = opens
    return "".join(out)


_OPENING_CONTEXT = r"[\s(\[{\u2014\u2013/-]"


# Where a line of mixed Chinese and Latin text may break: at a space, or beside a Chinese
# character; a Latin word stays whole. Closing punctuation stays with what it closes and opening
# punctuation with what it opens (the line-breaking rules of Chinese, 避头尾).
_NO_LINE_START = "，。、；：？！）」』》〉】〕”’…—·%)]},.;:!?"
_NO_LINE_END = "（「『《〈【〔“‘([{"
_CHUNK = re.compile(
    rf"\s+|[{re.escape(_NO_LINE_END)}]*(?:[{_CJK}]|[^\s{_CJK}]+)[{re.escape(_NO_LINE_START)}]*"
)


_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)
"""Characters most terminals draw two columns wide: where ``wrap`` cannot leave the work to
``textwrap``."""


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """``text`` cut into lines of at most ``width`` terminal columns, as ``textwrap.wrap`` does
    for text of one column a character (whose result this is, for that text); Chinese counts
    two columns a character and may break between any two characters, a Latin word never
    breaks unless it alone is wider than a line."""
    if not _WIDE.search(text):
        return textwrap.wrap(
            text, width, initial_indent=initial_indent, subsequent_indent=subsequent_indent
        )
    lines: list[str] = []
    line, used = initial_indent, columns(initial_indent)
    fresh = True  # nothing but the indent on the line yet
    for found in _CHUNK.findall(" ".join(text.split())):
        chunk = found
        if chunk.isspace():
            if not fresh:
                line, used = line + " ", used + 1
            continue
        size = columns(chunk)
        if not fresh and used + size > width:
            lines.append(line.rstrip())
            line, used, fresh = subsequent_indent, columns(subsequent_indent), True
        while used + size > width and fresh and len(chunk) > 1:
            # A word wider than a line: cut it at the line's end.
            cut = 1
            while used + columns(chunk[: cut + 1]) <= width:
                cut += 1
            lines.append(line + chunk[:cut])
            chunk = chunk[cut:]
            size = columns(chunk)
            line, used = subsequent_indent, columns(subsequent_indent)
        line, used, fresh = line + chunk, used + size, False
    if not fresh:
        lines.append(line.rstrip())
    return lines
