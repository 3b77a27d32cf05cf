"""Text shown to people: user input echoed in a message must not be able to do anything."""

from __future__ import annotations

import re

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
# Web and e-mail addresses keep their characters exactly as typed.
_ADDRESS = re.compile(r"(?i)(?:https?://|www\.)[^\s\"<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_AFTER_OPENING = r"(^|[\s(\[{\u2014\u2013/-])"


def quote_marks(language: str) -> tuple[str, str, str, str]:
    """The quotation marks a posting in ``language`` (BCP 47) is printed with."""
    tag = language.replace("_", "-")
    primary = tag.split("-")[0].lower()
    if primary == "zh" and any(p in tag.lower() for p in ("hant", "-tw", "-hk", "-mo")):
        return _QUOTES["zh-Hant"]
    return _QUOTES.get(primary, _ENGLISH_QUOTES)


def typeset(text: str, language: str) -> str:
    """Typographic quotes and apostrophes for straight ones, outside web and e-mail addresses.

    ``"Don't" call it 'easy'`` becomes ``“Don’t” call it ‘easy’`` in English; the marks follow
    the language (``„…“`` in German). The apostrophe is always U+2019, as CLDR has it.
    """
    if "'" not in text and '"' not in text:
        return text
    marks = quote_marks(language)
    # Addresses stand aside as private-use characters while the quotes are decided around them.
    addresses = _ADDRESS.findall(text)
    if addresses:
        text = _ADDRESS.sub(lambda m: "\ue000", text)
    text = _typeset_plain(text, marks)
    for address in addresses:
        text = text.replace("\ue000", address, 1)
    return text


def _typeset_plain(text: str, marks: tuple[str, str, str, str]) -> str:
    open_double, close_double, open_single, close_single = marks
    text = "\n".join(_pair_double(line, open_double, close_double) for line in text.split("\n"))
    # A single quote that opens, paired with the next one that closes; what is left of the
    # straight single quotes are apostrophes (don't, agents', the '90s).
    text = re.sub(
        _AFTER_OPENING + r"'(?=\w)(.*?\S)'(?![\w])",
        lambda m: f"{m.group(1)}{open_single}{m.group(2)}{close_single}",
        text,
    )
    return text.replace("'", "’")


def _pair_double(line: str, opening: str, closing: str) -> str:
    """Straight double quotes as pairs: one after a space (or at the start) opens, one before a
    space (or at the end) closes, and one between two letters (Chinese '他说"好"') does
    whichever the pair needs."""
    out, is_open = [], False
    for index, char in enumerate(line):
        if char != '"':
            out.append(char)
            continue
        before = line[index - 1] if index else " "
        after = line[index + 1] if index + 1 < len(line) else " "
        if re.match(_OPENING_CONTEXT, before) and not after.isspace():
            opens = True
        elif after.isspace() or not (after.isalnum() or after in "([{\"'"):
            opens = False
        else:
            opens = not is_open
        out.append(opening if opens else closing)
        is_open = opens
    return "".join(out)


_OPENING_CONTEXT = r"[\s(\[{\u2014\u2013/-]"
