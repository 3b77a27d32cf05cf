"""A reading fitted to the model: limits kept, lists split or cut, the unplaced text kept in the
summary, and every value the model refuses left out with a guess saying why.

The draft it returns validates (``draft.check``) whenever the file gave a title and one duty.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import ValidationError

from jdeditor.checks._labels import FieldName
from jdeditor.checks._message import Message, sentence_case, term
from jdeditor.draft import Draft, blank_draft
from jdeditor.i18n import N_
from jdeditor.importer._blocks import Guess, Source
from jdeditor.importer._reading import Reading
from jdeditor.importer._sections import LABELS, LIST_SECTIONS
from jdeditor.importer._settle import settle, structured
from jdeditor.model import (
    FIELDS_OF_STUDY_MAX,
    ITEM_MAX,
    LIST_MAX,
    NAME_MAX,
    NOTE_MAX,
    PARAGRAPH_MAX,
    TITLE_MAX,
    JobDescription,
)

UNPLACED_MARK = "[Imported text not placed in any field: move it or delete it]"
"""Starts the unplaced text in the summary; a placeholder, so the checks flag it until the
user has dealt with it."""


def assemble(source: Source, reading: Reading) -> tuple[Draft, list[Guess], list[str]]:
    facts = reading.facts
    if source.structured is not None:
        structured(source.structured, reading)
    draft = blank_draft()
    guesses = facts.guesses
    guesses += [Guess((), sentence_case(note)) for note in source.notes]
    if source.truncated:
        said = term(N_("The file holds more blocks than a posting; the rest was left out"))
        guesses.append(Guess((), said))
    draft["title"] = _title(reading, source, guesses)
    draft["language"] = settle(source, reading, draft["title"])
    values = facts.values
    for path, value in values.items():
        _put(draft, path, value)
    _lists(reading, draft, guesses)
    _texts(reading, draft, guesses)
    return _valid(draft, guesses), guesses, list(reading.unplaced)


def _title(reading: Reading, source: Source, guesses: list[Guess]) -> str:
    title = reading.title
    label = reading.facts.title_label
    if label and (not title or reading.title_from == "the first line"):
        if title:
            reading.unplaced.insert(0, title)
        title, reading.title_from = label, term(N_("the 'Job title:' line"))
    if not title and source.title_hint:
        title, reading.title_from = source.title_hint, term(N_("the page title"))
    title = re.sub(r"^\s*(?:job title|职位名称|职位)\s*[:：]\s*", "", title, flags=re.IGNORECASE)
    if title:
        said = Message(
            N_("Title: '{title}', from {source}"), title=title, source=reading.title_from
        )
        guesses.insert(0, Guess(("title",), said))
    return _fit_text(title, TITLE_MAX, ("title",), guesses)


def _put(draft: Draft, path: str, value: Any) -> None:
    if path in ("language", "structured_salary"):
        return
    if isinstance(value, date):
        value = value.isoformat()
    target: Any = draft
    *parents, last = path.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


# --- lists and text -------------------------------------------------------------------------------
def _lists(reading: Reading, draft: Draft, guesses: list[Guess]) -> None:
    if not reading.lists["responsibilities"] and reading.spare_bullets:
        heading, items = reading.spare_bullets.pop(0)
        reading.lists["responsibilities"] = items
        said = Message(
            N_("Bullets under '{heading}' read as {field}"),
            heading=heading,
            field=FieldName(("responsibilities",)),
        )
        guesses.append(Guess(("responsibilities",), said))
    for heading, items in reading.spare_bullets:
        reading.unplaced += [heading, *(f"• {item}" for item in items)]
    for key in LIST_SECTIONS:
        draft[key] = _fit_list(reading.lists[key], (key,), LIST_MAX, reading, guesses)
    fields = draft["education"].get("fields_of_study") or []
    draft["education"]["fields_of_study"] = _fit_list(
        fields, ("education", "fields_of_study"), FIELDS_OF_STUDY_MAX, reading, guesses
    )


def _fit_list(
    items: list[str], path: tuple[str, ...], limit: int, reading: Reading, guesses: list[Guess]
) -> list[str]:
    fitted: list[str] = []
    seen: set[str] = set()
    label = term(LABELS[path[-1]]) if path[-1] in LABELS else FieldName(path)
    for raw in items:
        item = re.sub(r"[;；,，、]+$", "", raw.strip()).strip()
        if not item:
            continue
        pieces = _split_long(item, ITEM_MAX)
        if len(item) > ITEM_MAX:
            said = (
                Message(
                    N_(
                        "{field}: an item of {length} characters split in {count} (the limit "
                        "is {limit})"
                    ),
                    count=str(len(pieces)),
                    field=label,
                    length=str(len(item)),
                    limit=str(ITEM_MAX),
                )
                if len(pieces) > 1
                else Message(
                    N_("{field}: an item of {length} characters cut (the limit is {limit})"),
                    field=label,
                    length=str(len(item)),
                    limit=str(ITEM_MAX),
                )
            )
            guesses.append(Guess(path, said))
        for piece in pieces:
            if piece.casefold() in seen:
                said = Message(
                    N_("{field}: a repeated item left out ('{item}')"), field=label, item=piece[:60]
                )
                guesses.append(Guess(path, said))
                continue
            seen.add(piece.casefold())
            fitted.append(piece)
    if len(fitted) > limit:
        said = Message(
            N_(
                "{field}: {count} items, more than the {limit} a list holds; the rest is listed "
                "as not placed"
            ),
            field=label,
            count=str(len(fitted)),
            limit=str(limit),
        )
        guesses.append(Guess(path, said))
        reading.unplaced += fitted[limit:]
        fitted = fitted[:limit]
    return fitted


def _split_long(text: str, limit: int) -> list[str]:
    """A long item as sentences that each fit; a sentence too long is cut at a word."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        bare = sentence.strip()
        if not bare:
            continue
        if pieces and len(pieces[-1]) + 1 + len(sentence) <= limit:
            pieces[-1] += bare if _CJK_START.match(sentence) else " " + bare
        else:
            pieces.append(_cut(bare, limit))
    return pieces


_SENTENCE_END = re.compile(r"(?<=[.!?。！？；;])\s*")
_CJK_START = re.compile(r"[\u3400-\u9fff]")


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


def _join(parts: list[str]) -> str:
    """Paragraphs apart by a blank line, bullet lines ('• …') one under the other.

    Joined once, each part looked at beside the one before: splitting the text so far at each
    part took quadratic time."""
    pieces: list[str] = []
    last_line = ""
    for part in parts:
        if not pieces:
            if not part:
                continue
        elif part.startswith("• ") and last_line.startswith("• "):
            pieces.append("\n")
        else:
            pieces.append("\n\n")
        pieces.append(part)
        last_line = part.rsplit("\n", 1)[-1]
    return "".join(pieces)


def _texts(reading: Reading, draft: Draft, guesses: list[Guess]) -> None:
    summary = _join(reading.summary)
    if reading.unplaced:
        kept = UNPLACED_MARK
        for number, part in enumerate(reading.unplaced):
            if len(summary) + len(kept) + len(part) + 4 > PARAGRAPH_MAX:
                said = Message(
                    N_(
                        "Summary: {count} pieces of text not placed did not fit (limit {limit} "
                        "characters); see the import report"
                    ),
                    count=str(len(reading.unplaced) - number),
                    limit=f"{PARAGRAPH_MAX:,}",
                )
                guesses.append(Guess(("summary",), said))
                break
            kept += "\n" + part
        summary = f"{summary}\n\n{kept}" if summary else kept
        said = Message(
            N_(
                "Summary: {count} pieces of text no rule placed were added at its end, after "
                "'{mark}'"
            ),
            count=str(len(reading.unplaced)),
            mark=UNPLACED_MARK,
        )
        guesses.append(Guess(("summary",), said))
    draft["summary"] = _fit_text(summary, PARAGRAPH_MAX, ("summary",), guesses)
    draft["company"]["about"] = _fit_text(
        _join(reading.about), PARAGRAPH_MAX, ("company", "about"), guesses
    )
    draft["how_to_apply"]["instructions"] = _fit_text(
        _join(reading.instructions), NOTE_MAX, ("how_to_apply", "instructions"), guesses
    )
    draft["equal_opportunity"] = _fit_text(
        _join(reading.equal_opportunity), PARAGRAPH_MAX, ("equal_opportunity",), guesses
    )
    draft["experience"]["description"] = _fit_text(
        _join(reading.experience), NOTE_MAX, ("experience", "description"), guesses
    )
    for path in (
        ("department",),
        ("company", "name"),
        ("location", "locality"),
        ("location", "region"),
    ):
        parent: Any = draft
        for part in path[:-1]:
            parent = parent[part]
        if isinstance(parent.get(path[-1]), str):
            parent[path[-1]] = _fit_text(parent[path[-1]], NAME_MAX, path, guesses)


def _fit_text(text: str, limit: int, path: tuple[str, ...], guesses: list[Guess]) -> str:
    if len(text) <= limit:
        return text
    said = Message(
        N_("{path}: {length} characters cut to the limit of {limit}"),
        path=".".join(path),
        length=f"{len(text):,}",
        limit=f"{limit:,}",
    )
    guesses.append(Guess(path, said))
    return _cut(text, limit)


# --- the model's word ---------------------------------------------------------------------------


def _valid(draft: Draft, guesses: list[Guess]) -> Draft:
    """Leave out each value the model refuses (an e-mail address it cannot accept, an apply-by
    date before the posting date), saying so; the title and duties stay as read."""
    for _ in range(30):
        try:
            JobDescription.model_validate(draft)
            return draft
        except ValidationError as error:
            locations = [tuple(detail["loc"]) for detail in error.errors()]
        removable = [
            loc
            for loc in locations
            if loc[:1] not in {("title",)} and loc[:1] != ("responsibilities",)
        ]
        if not removable:
            return draft
        for loc in sorted(
            removable, key=lambda loc: (-len(loc), [-p if isinstance(p, int) else 0 for p in loc])
        ):
            if _drop(draft, loc):
                said = Message(
                    N_("{path}: the value read was not valid and was left out"),
                    path=".".join(str(part) for part in loc),
                )
                guesses.append(Guess(tuple(loc), said))
    return draft


def _drop(draft: Draft, loc: tuple[Any, ...]) -> bool:
    blank = blank_draft()
    parent: Any = draft
    default: Any = blank
    for part in loc[:-1]:
        if isinstance(parent, dict | list) and (
            part in parent if isinstance(parent, dict) else part < len(parent)
        ):
            parent = parent[part]
            default = default.get(part) if isinstance(default, dict) else None
        else:
            return False
    last = loc[-1]
    if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        del parent[last]
        return True
    if isinstance(parent, dict) and last in parent:
        if isinstance(default, dict) and last in default:
            parent[last] = default[last]
        elif last in ("salary",) or parent is draft:
            parent[last] = None
        else:
            # A part of pay that is wrong: pay without it would be a different pay, so drop it all.
            draft["salary"] = None
        return True
    return False
