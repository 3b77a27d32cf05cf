"""Words in the reader's language: one translation function shared by the core and the window.

Two gettext catalogues, compiled from ``resources/locale/<language>/LC_MESSAGES/<domain>.po``
by the build (``packaging/hatch_build.py``):

- ``posting``: everything a posting prints besides the user's text (section headings, labels,
  enum values, the pay line, the page footer), looked up in the *posting's* language;
- ``messages``: problems, advice and the core's other sentences, looked up in the *user's*
  language (``ui_language()``), composed at the edge from a finding's code and parameters.

Strings are marked for ``pybabel extract`` with ``N_`` (no translation where they are written)
and translated where they are shown. English is the source language: its catalogue is the
identity. No Qt here; the window's own strings are Qt's ``.ts``/``.qm`` (``jdeditor/ui``).
"""

from __future__ import annotations

import gettext
import locale
import os
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path

from jdeditor._paths import resources_dir

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "zh_CN")
"""The languages jdeditor speaks, as catalogue names; English first."""
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}
"""Each language named in itself, the way a language menu lists them."""

_ui_language = SOURCE_LANGUAGE


class Domain(StrEnum):
    POSTING = "posting"
    MESSAGES = "messages"
    RULES = "rules"  # the pay-transparency table's words (jdeditor/checks/_rules_table.py)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention pybabel extracts
    """Marks a string for the catalogue where it is written; it is translated where shown."""
    return message


def catalogue_language(tag: str) -> str:
    """The catalogue for a BCP 47 tag or a POSIX locale name: 'zh-CN', 'zh_Hans', 'zh' → 'zh_CN'.

    Simplified Chinese is the Chinese jdeditor speaks, so Chinese in the simplified script
    (zh-Hans-HK too), or of any region that does not write the traditional one, gets it;
    Traditional (zh-TW, zh-HK, zh-Hant) and every other language get English, the source.
    """
    parts = tag.replace("-", "_").split(".")[0].split("@")[0].split("_")
    language = parts[0].lower()
    rest = {part.lower() for part in parts[1:]}
    if language == "zh" and ("hans" in rest or not rest & {"hant", "tw", "hk", "mo"}):
        return "zh_CN"
    return SOURCE_LANGUAGE


def system_language() -> str:
    """The catalogue language of the system's locale, for a run without ``--lang``.

    The variables in gettext's order (``LANGUAGE``'s first entry, ``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``), the first one set deciding; where none is set, on Windows and macOS (whose
    desktops rarely set them), the locale Python started with. The window asks Qt instead
    (``jdeditor.ui.translation``).
    """
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if variable == "LANGUAGE":  # a list by preference: 'zh_CN:en'
            value = next((entry for entry in value.split(":") if entry), "")
        if value:
            return catalogue_language(value)
    if sys.platform in ("win32", "darwin"):
        name = locale.getlocale()[0] or ""
        return catalogue_language(_windows_locale_tag(name))
    return SOURCE_LANGUAGE


def _windows_locale_tag(name: str) -> str:
    """Windows' name of a Chinese locale as a tag ('Chinese (Simplified)_China' → 'zh-Hans',
    'Chinese_Taiwan' → 'zh-TW'); any other name as it is ('en_US', 'zh_CN')."""
    if not name.lower().startswith("chinese"):
        return name
    lowered = name.lower()
    if "simplified" in lowered or lowered.endswith(("_china", "_singapore")):
        return "zh-Hans"
    return "zh-Hant"


def locale_dir() -> Path:
    return resources_dir() / "locale"


@cache
def translations(domain: Domain, language: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``domain`` for the catalogue language ``language``.

    English is the identity. A missing compiled catalogue is a broken build, not a reason to
    show English silently: it raises ``FileNotFoundError`` naming the file and how to build it.
    """
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    path = locale_dir() / language / "LC_MESSAGES" / f"{domain}.mo"
    try:
        with path.open("rb") as compiled:
            return gettext.GNUTranslations(compiled)
    except FileNotFoundError:
        raise FileNotFoundError(
            f"{path}: the {language} catalogue is not built; reinstall jdeditor "
            "(pip install -e .) so the build compiles it"
        ) from None


def posting_gettext(language_tag: str) -> Callable[[str], str]:
    """``gettext`` of the posting catalogue in a posting's language (its BCP 47 tag)."""
    return translations(Domain.POSTING, catalogue_language(language_tag)).gettext


def set_ui_language(tag: str) -> str:
    """Makes ``tag`` the language of messages; returns the catalogue language chosen."""
    global _ui_language  # noqa: PLW0603 - one process, one user, one language
    _ui_language = catalogue_language(tag)
    return _ui_language


def ui_language() -> str:
    """The catalogue language of the user: 'en' or 'zh_CN'."""
    return _ui_language


def _(message: str) -> str:
    """A core message in the user's language."""
    return translations(Domain.MESSAGES, _ui_language).gettext(message)


def label(member: StrEnum, language_tag: str | None = None) -> str:
    """A choice's label (``Level.ENTRY`` → 'Entry level' / '初级') in a posting's language, or in
    the user's language when no tag is given."""
    english: str = getattr(member, "label", str(member))
    language = catalogue_language(language_tag) if language_tag else _ui_language
    return translations(Domain.POSTING, language).gettext(english)


def long_date(day: date, language_tag: str) -> str:
    """A date as a sentence says it: '31 December 2026' in English (read alike in the US and
    the UK), CLDR's long date in other languages ('2026年12月31日')."""
    if language_tag.replace("_", "-").split("-")[0].lower() in ("en", ""):
        return f"{day.day} {day:%B %Y}"
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 - CLDR data, off the start path
    from babel.dates import format_date  # noqa: PLC0415

    try:
        locale = Locale.parse(language_tag.replace("_", "-"), sep="-")
    except (ValueError, UnknownLocaleError):
        return f"{day.day} {day:%B %Y}"
    return format_date(day, format="long", locale=locale)
