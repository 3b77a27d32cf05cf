"""Preset names and the file names that hold them.

A preset's name is its file name, encoded reversibly so that any Unicode name works but none can
leave the folder or trip over a reserved name (``con``, ``../x``, ``a/b``). Names are compared
ignoring case (``name_key``), because the folder may live on a file system that ignores case
(Windows, macOS).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

from jdeditor.checks import say
from jdeditor.files import DOCUMENT_SUFFIX
from jdeditor.i18n import N_
from jdeditor.preset_errors import PresetNameError
from jdeditor.preset_files import marker_start

PRESET_NAME_MAX = 80
"""A preset name is a label in a list; 80 characters fit the panel and any file system."""
FILE_NAME_MAX_BYTES = 255  # the common limit of ext4, APFS, NTFS (in their own units)
# Characters Windows forbids in file names, plus '%' which our encoding uses as escape.
_ESCAPED = frozenset('<>:"/\\|?*%')
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in "0123456789¹²³"}
    | {f"LPT{n}" for n in "0123456789¹²³"}
)


def clean_preset_name(name: str, *, limit: int = PRESET_NAME_MAX) -> str:
    """Normalise a preset name (NFC, spaces folded) or raise ``PresetNameError`` saying why.

    Every kind of space (no-break, ideographic, …) becomes a plain one and runs of them one,
    so "Team\u00a0Lead" is "Team Lead"; invisible characters that make one name look like
    another (bidi overrides, zero-width spaces) are refused.
    """
    cleaned = _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip()
    if not cleaned:
        raise PresetNameError(say(N_("A preset name cannot be empty.")))
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in cleaned):
        raise PresetNameError(
            say(N_("A preset name cannot contain line breaks or control characters."))
        )
    if any(unicodedata.category(char) == "Cf" and char not in _JOINERS for char in cleaned):
        raise PresetNameError(
            say(
                N_(
                    "A preset name cannot contain invisible formatting characters (such as a "
                    "right-to-left override or a zero-width space)."
                )
            )
        )
    if len(cleaned) > limit:
        raise PresetNameError(
            say(
                N_("A preset name can have at most {limit} characters (this one has {count})."),
                limit=limit,
                count=len(cleaned),
            )
        )
    return cleaned


# Spaces of every kind (Unicode Zs); line breaks and tabs are control characters, refused.
_SPACES = re.compile(r"[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Zero-width (non-)joiners shape Persian, Indic scripts and emoji: text, not tricks.
_JOINERS = frozenset("\u200c\u200d")


def name_key(name: str) -> str:
    """What two names must share to be the same preset: case, Unicode form and the kind of
    space ignored, and compatibility forms folded (full-width "Ａｇｅｎｔ" is "Agent")."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", name)).strip().casefold()


def preset_file_name(name: str, suffix: str = DOCUMENT_SUFFIX) -> str:
    """The file name for a preset: readable, reversible, and safe on every desktop OS.

    ``suffix`` lets exports share the rule: ``preset_file_name("Team Lead", ".docx")``.

    '%', '/', '\\' and the other characters Windows forbids become ``%XX``; so do a leading dot
    (hidden files, '..'), a trailing dot or space (Windows drops them) and the first letter of a
    reserved device name (``con`` → ``%63on``).
    """
    file_name = _encoded(clean_preset_name(name)) + suffix
    if len(file_name.encode("utf-8")) > FILE_NAME_MAX_BYTES:
        raise PresetNameError(
            say(N_("This preset name is too long to be a file name; please shorten it."))
        )
    return file_name


def _encoded(cleaned: str) -> str:
    stem = "".join(f"%{ord(c):02X}" if c in _ESCAPED else c for c in cleaned)
    if stem.startswith("."):
        stem = "%2E" + stem[1:]
    if stem.endswith((".", " ")):
        stem = f"{stem[:-1]}%{ord(stem[-1]):02X}"
    if stem.split(".", 1)[0].rstrip(" ").upper() in _WINDOWS_RESERVED:
        stem = f"%{ord(stem[0]):02X}{stem[1:]}"
    return stem


def conflict_file_name(name: str) -> str:
    """A conflict copy's file name: its name may pass the 80 characters of a preset's (the
    original's name and the marker), so the original's part is shortened only to fit the
    file system (a name of 80 "客" has 240 bytes of the 255 a file name may have)."""
    split = marker_start(name)
    base, marker = name[:split], name[split:]
    for end in range(len(base), 0, -1):
        file_name = _encoded(base[:end].rstrip() + marker) + DOCUMENT_SUFFIX
        if len(file_name.encode("utf-8")) <= FILE_NAME_MAX_BYTES:
            return file_name
    raise PresetNameError(
        say(N_("This preset name is too long to be a file name; please shorten it."))
    )


def preset_name_from_file(path: Path) -> str | None:
    """The preset name a file stands for (inverse of ``preset_file_name``); None when the
    file name is not one that jdeditor writes (bad ``%XX`` escapes, control characters)."""
    return name_from_stem(path.name.removesuffix(DOCUMENT_SUFFIX))


def name_from_stem(stem: str, *, any_length: bool = False) -> str | None:
    """The name an encoded stem stands for; ``any_length`` for a team folder's files, whose
    conflict copies are longer than a name we would write."""
    try:
        limit = FILE_NAME_MAX_BYTES if any_length else PRESET_NAME_MAX
        return clean_preset_name(unquote(stem, errors="strict"), limit=limit)
    except (UnicodeDecodeError, PresetNameError):
        return None
