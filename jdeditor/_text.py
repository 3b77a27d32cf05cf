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
