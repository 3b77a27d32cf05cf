"""Bring the gettext catalogues up to date with the code: ``python packaging/update_catalogues.py``.

Extracts the marked strings of each domain from its sources (the same sets the tests check:
tests/test_i18n.py, tests/test_messages_i18n.py, tests/test_rules_i18n.py), adds new msgids to
``resources/locale/<language>/LC_MESSAGES/<domain>.po`` untranslated and drops the ones no code
uses any more; then translate what is new (the tests fail until nothing is untranslated) and
compile (``python packaging/hatch_build.py``, or reinstall). The window's Qt catalogue has its
own tool: ``pyside6-lupdate jdeditor/ui/*.py -ts resources/translations/jdeditor_zh_CN.ts
-no-obsolete -locations none``.

The rules domain also holds the pay-transparency table's own text, which no extractor sees:
its entries are kept as they are, and tests/test_rules_i18n.py walks the table for any left out.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "jdeditor"
LOCALE = ROOT / "resources" / "locale"

POSTING = [PACKAGE / "outline.py", PACKAGE / "model.py", PACKAGE / "schema.py", PACKAGE / "export"]
"""What a posting prints: looked up in the posting's language."""
NOT_MESSAGES = [*POSTING, PACKAGE / "ui"]
"""Everything else in the package but the window (Qt's catalogue) is the messages domain's."""
RULES = [PACKAGE / "checks" / "_rules_table.py", PACKAGE / "checks" / "pay_transparency.py"]


def _files(roots: list[Path]) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        found += sorted(root.rglob("*.py")) if root.is_dir() else [root] if root.exists() else []
    return found


def sources() -> dict[str, tuple[list[Path], tuple[str, ...]]]:
    """Each domain's source files and the marker functions extracted from them."""
    messages = [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if not any(path == other or other in path.parents for other in NOT_MESSAGES)
    ]
    return {
        "posting": (_files(POSTING), ("N_",)),
        "messages": (messages, ("N_", "_")),
        "rules": (_files(RULES), ("R_",)),
    }


def extract(files: list[Path], keywords: tuple[str, ...]) -> list[str]:
    found: dict[str, None] = {}
    for path in files:
        marks = dict.fromkeys(keywords)
        for _line, message, _comments, _context in extract_from_file("python", str(path), marks):
            if isinstance(message, str):
                found[message] = None
    return list(found)


def update(domain: str, msgids: list[str], *, keep_unmarked: bool) -> tuple[int, int]:
    """Adds new msgids to every language's catalogue of ``domain``; returns (added, dropped)."""
    added = dropped = 0
    for po in sorted(LOCALE.glob(f"*/LC_MESSAGES/{domain}.po")):
        with po.open("rb") as source:
            old = read_po(source, locale=po.parent.parent.name)
        wanted = set(msgids)
        for message in list(old):
            if message.id and message.id not in wanted and not keep_unmarked:
                del old[message.id]
                dropped += 1
        for msgid in msgids:
            if msgid not in old:
                old.add(msgid, "")
                added += 1
        with po.open("wb") as target:
            write_po(target, old, omit_header=False, no_location=True, width=100)
    return added, dropped


def main() -> None:
    for domain, (files, keywords) in sources().items():
        added, dropped = update(domain, extract(files, keywords), keep_unmarked=domain == "rules")
        print(f"{domain}: {added} new (translate them), {dropped} no longer used")


if __name__ == "__main__":
    main()
