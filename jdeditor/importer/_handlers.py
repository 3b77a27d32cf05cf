"""One reader per kind of section: what its paragraphs and bullets become.

Each handler takes a section (its heading and blocks) and adds to the ``Reading``; facts stated
in passing go through ``Facts`` so that the first, most direct statement of each wins.
"""

from __future__ import annotations

import re
from functools import cache

import jdeditor.importer._printed as printed
from jdeditor.checks._labels import FieldName, coded
from jdeditor.checks._message import Listing, Message, term
from jdeditor.i18n import N_
from jdeditor.importer._blocks import Block, Guess
from jdeditor.importer._facts import (
    EMAIL,
    URL,
    date_in,
    education_of,
    fields_of_study,
    in_place_of_education,
    mail_address,
    years_of,
)
from jdeditor.importer._lines import Facts, years_text
from jdeditor.importer._pay import PAY_WORDS, Pay, find_pay
from jdeditor.importer._reading import Reading, Section
from jdeditor.importer._sections import LABELS, LIST_SECTIONS, section_of
from jdeditor.model import ADDRESS_MAX, EducationLevel


# --- sections -----------------------------------------------------------------------------------
def _preamble(section: Section, reading: Reading) -> None:
    """Before the first heading (and under 'Job details'): facts, then prose for the summary."""
    bullets = []
    for block in section.blocks:
        if block.kind == "bullet":
            if not reading.facts.take_line(block.text, preamble=True):
                bullets.append(block.text)
        elif not reading.facts.take_line(block.text, preamble=True) and not _apply_text(
            block, reading
        ):
            if section.key == "details" and section_of(block.text) is not None:
                continue
            reading.summary.append(block.text)
            if section.key == "preamble":
                said = term(N_("Text before the first heading read as Summary"))
                _note_once(reading, ("summary",), said)
    if bullets:
        top = term(N_("the top of the posting"))
        reading.spare_bullets.append((section.heading or top, bullets))


def _summary(section: Section, reading: Reading) -> None:
    paragraphs = [b for b in section.blocks if b.kind != "bullet"]
    bullets = [b.text for b in section.blocks if b.kind == "bullet"]
    if bullets and not paragraphs:
        reading.spare_bullets.insert(0, (section.heading, bullets))
        return
    _guess_section(reading, section, "summary")
    for block in section.blocks:
        if block.kind == "bullet":
            reading.summary.append(f"• {block.text}")
        elif not reading.facts.take_line(block.text, preamble=False) and not _apply_text(
            block, reading
        ):
            reading.summary.append(block.text)


def _list(section: Section, reading: Reading) -> None:
    """Bullets are the items; without bullets each paragraph is one (lead-ins aside)."""
    key = section.key
    _guess_section(reading, section, key)
    has_bullets = any(block.kind == "bullet" for block in section.blocks)
    for block in section.blocks:
        text = block.text
        if block.kind == "bullet":
            reading.lists[key].append(text)
            _facts_in_item(key, text, reading)
        elif reading.facts.take_line(text, preamble=False) or _apply_text(block, reading):
            continue
        elif has_bullets or text.endswith((":", "：")):
            reading.unplaced.append(text)
        else:
            reading.lists[key].append(text)
            _facts_in_item(key, text, reading)


def _facts_in_item(key: str, text: str, reading: Reading) -> None:
    """Education and years a qualification names; pay a benefit names."""
    facts = reading.facts
    if key in ("required_qualifications", "preferred_qualifications"):
        found = education_of(text)
        if found:
            preferred = found[1] or key == "preferred_qualifications"
            path = "education.preferred_level" if preferred else "education.minimum_level"
            message = Message(
                N_("Education: '{words}' in a qualification read as preferred {level}")
                if preferred
                else N_("Education: '{words}' in a qualification read as minimum {level}"),
                words=found[2],
                level=coded(EducationLevel, found[0]),
            )
            facts.suggest(path, found[0], message)
            if fields := fields_of_study(text):
                facts.suggest("education.fields_of_study", fields, _fields_said(fields))
        if found and in_place_of_education(text):
            message = Message(N_("Experience in place of education: '{text}'"), text=text[:80])
            facts.suggest("education.experience_in_place_of_education", True, message)
        if key == "required_qualifications" and (years := years_of(text, need_context=True)):
            message = Message(
                N_("Experience: '{words}' read as at least {years}"),
                words=years[1],
                years=years_text(years[0]),
            )
            facts.suggest("experience.minimum_years", years[0], message)
    pay_words = bool(PAY_WORDS.search(text))
    if (pay_words or key == "benefits") and isinstance(find_pay(text), Pay):
        facts.pay_texts.append((text, pay_words))


def _education(section: Section, reading: Reading) -> None:
    """'Education and experience': degree lines, years, and the experience described."""
    _guess_section(reading, section, section.key)
    for block in section.blocks:
        text = block.text
        found = _education_facts(text, section.key, reading.facts)
        if block.kind == "bullet" and found:
            continue
        if reading.facts.take_line(text, preamble=False):
            continue
        if found and section.key == "education":
            continue
        reading.experience.append(f"• {text}" if block.kind == "bullet" else text)


_AS_EXPORTED = re.compile(
    r"(?i)^(?:required|preferred|fields? of study)\s*:|^at least [\d.]+ years? of"
)


def _education_facts(text: str, key: str, facts: Facts) -> bool:
    """Read education and years from one line; True when the line says nothing else."""
    if _printed_education(text, facts):
        return True
    used = False
    if found := education_of(text):
        level, preferred, words = found
        if re.match(r"(?i)\s*preferred\s*:", text):
            preferred = True
        elif re.match(r"(?i)\s*required\s*:", text):
            preferred = False
        path = "education.preferred_level" if preferred else "education.minimum_level"
        message = Message(
            N_("Education: {line} read as {level} (preferred)")
            if preferred
            else N_("Education: {line} read as {level}"),
            line=Message(N_("'{line}'"), line=words),
            level=coded(EducationLevel, level),
        )
        facts.set(path, level, message)
        if fields := fields_of_study(text):
            facts.set("education.fields_of_study", fields, _fields_said(fields))
        used = True
    elif match := re.match(r"(?i)\s*fields? of study\s*:\s*(.+)$", text):
        fields = fields_of_study(f"degree in {match.group(1)}")
        used = facts.set("education.fields_of_study", fields, _fields_said(fields))
    if in_place_of_education(text) or re.search(r"(?i)place of formal education", text):
        facts.set(
            "education.experience_in_place_of_education",
            True,
            Message(N_("Experience in place of education: '{text}'"), text=text[:80]),
        )
        used = True
    if years := years_of(text, need_context=key == "education"):
        facts.set(
            "experience.minimum_years",
            years[0],
            Message(
                N_("Experience: '{words}' read as at least {years}"),
                words=years[1],
                years=years_text(years[0]),
            ),
        )
        used = used or len(text) < 40 or bool(_AS_EXPORTED.match(text))
    return used


def _printed_education(text: str, facts: Facts) -> bool:
    """A line as jdeditor's exports print it, in any posting language: '要求：高中或同等学历',
    '优先：管理学、传播学或相关专业本科学历', '3 年以上相关工作经验'; its facts, each a guess."""
    found = printed.education_line(text)
    if found is None:
        return False
    line = Message(N_("'{line}'"), line=text)
    for path, value in found.items():
        message: str
        if path == "education.preferred_level":
            message = Message(
                N_("Education: {line} read as {level} (preferred)"),
                line=line,
                level=coded(EducationLevel, value),
            )
        elif path == "education.minimum_level":
            message = Message(
                N_("Education: {line} read as {level}"),
                line=line,
                level=coded(EducationLevel, value),
            )
        elif path == "education.fields_of_study":
            message = _fields_said(value)
        elif path == "experience.minimum_years":
            message = Message(
                N_("Experience: '{words}' read as at least {years}"),
                words=text,
                years=years_text(value),
            )
        else:
            message = Message(N_("Experience in place of education: '{text}'"), text=text[:80])
        facts.set(path, value, message)
    return True


def _company(section: Section, reading: Reading) -> None:
    _guess_section(reading, section, "company")
    for block in section.blocks:
        text = block.text
        # Plain text runs the website's line into the paragraph before when both fit.
        tail = re.match(r"^(.*[.!?。])\s+((?:https?://|www\.)\S+)$", text, re.DOTALL)
        if tail and not reading.facts.has("company.website"):
            reading.about.append(tail.group(1))
            text = tail.group(2)
        address = URL.fullmatch(text) or re.fullmatch(r"[\w-]+(?:\.[\w-]+)+(?:/\S*)?", text)
        bare = text.strip()
        targets = [target for shown, target in block.links if shown.strip() == bare]
        if (address or targets) and not reading.facts.has("company.website"):
            website = targets[0] if targets else text
            said = Message(N_("Company website: '{address}'"), address=text)
            reading.facts.set("company.website", website, said)
        elif not reading.facts.take_line(text, preamble=False):
            reading.about.append(f"• {text}" if block.kind == "bullet" else text)


_MAX_APPLY_LABELS = 8
_WEB_ADDRESS = re.compile(r"(?i)https?://|www\.|[\w-]+\.\w")
"""'Email: … Apply online: …' labels taken off the end of one text; the rest stays as written."""


def _labels_pattern(written: str, msgids: tuple[str, ...], value: str) -> re.Pattern[str]:
    """'Label: value' at the end of a text: the labels people write (after a space or at the
    start) and those jdeditor's exports print in every posting language; a Chinese label needs
    no space before it ('…客户。电子邮箱：jobs@acme.cn')."""
    spaced: list[str] = [written]
    joined: list[str] = []
    for msgid in msgids:
        for prefix in printed.label_prefixes(msgid):
            (spaced if prefix[:1].isascii() else joined).append(prefix)
    labels = rf"(?:^|(?<=\s))(?:{'|'.join(spaced)})" + "".join(f"|{label}" for label in joined)
    return re.compile(rf"(?i)(?:{labels})\s*{value}\s*$")


@cache
def _apply_labels() -> re.Pattern[str]:
    written = r"(?:e-?mail|apply online|apply here|邮箱)\s*[:：]"
    return _labels_pattern(written, (printed.EMAIL, printed.APPLY_ONLINE), r"(\S+)")


@cache
def _apply_by() -> re.Pattern[str]:
    return _labels_pattern(r"apply by\s", (printed.APPLY_BY,), r"(.{6,30}?)\s*[.。]?")


def _how_to_apply(section: Section, reading: Reading) -> None:
    _guess_section(reading, section, "how_to_apply")
    facts = reading.facts
    for block in section.blocks:
        text = block.text
        for shown, target in block.links:
            address = mail_address(target)
            if address is not None:
                if not facts.has("how_to_apply.email"):
                    said = Message(N_("Application email: link '{link}'"), link=shown)
                    facts.set("how_to_apply.email", address, said)
            elif not facts.has("how_to_apply.url") and _WEB_ADDRESS.match(target[:ADDRESS_MAX]):
                said = Message(N_("Application link: '{link}'"), link=shown)
                facts.set("how_to_apply.url", target, said)
        text = _strip_apply_facts(text, block.links, facts)
        if text:
            reading.instructions.append(f"• {text}" if block.kind == "bullet" else text)


def _strip_apply_facts(text: str, links: list[tuple[str, str]], facts: Facts) -> str:
    """Take 'Email: x', 'Apply online: y' and 'Apply by d' out of how-to-apply text, keeping
    any other sentence whole ('Send your CV to jobs@acme.com' stays as written)."""
    for _ in range(_MAX_APPLY_LABELS):  # each search reads the whole text: a few, not 2,000
        deadline = _apply_by().search(text)
        if deadline and (found := date_in(deadline.group(1))):
            facts.set(
                "valid_through",
                found[0],
                Message(
                    N_("Apply by: '{words}' read as {date}"),
                    words=deadline.group().strip(),
                    date=found[0].isoformat(),
                ),
            )
            text = text[: deadline.start()].rstrip()
            continue
        match = _apply_labels().search(text)
        if match is None:
            break
        value = match.group(1)
        target = next((t for shown, t in links if shown == value), value)
        line = Message(N_("'{line}'"), line=match.group().strip())
        if EMAIL.fullmatch(value):
            facts.set(
                "how_to_apply.email", value, Message(N_("Application email: {line}"), line=line)
            )
        else:
            facts.set(
                "how_to_apply.url",
                target,
                Message(N_("{field}: {line}"), field=FieldName(("how_to_apply", "url")), line=line),
            )
        text = text[: match.start()].rstrip()
    by = re.search(
        r"(?i)(?:\bby|\bbefore|\buntil|no later than|deadline|截止(?:日期)?)\s*[:：]?\s*(.{6,30})",
        text,
    )
    if by and (found := date_in(by.group(1))):
        facts.set(
            "valid_through",
            found[0],
            Message(
                N_("Apply by: '{words}' read as {date}"),
                words=by.group().strip(),
                date=found[0].isoformat(),
            ),
        )
    if email := EMAIL.search(text):
        facts.set(
            "how_to_apply.email",
            email.group(),
            Message(
                N_("Application email: '{address}' in {section}"),
                address=email.group(),
                section=FieldName(("how_to_apply",)),
            ),
        )
    if address := URL.search(text):
        facts.set(
            "how_to_apply.url",
            address.group(),
            Message(
                N_("Application link: '{address}' in {section}"),
                address=address.group(),
                section=FieldName(("how_to_apply",)),
            ),
        )
    return text


_APPLY_SENTENCE = re.compile(
    r"(?i)^\s*(?:to apply|apply (?:now|online|today|at|here|via|by|through)|send (?:us )?your "
    r"(?:resume|cv|résumé)|please send|interested (?:candidates|applicants)|请将简历|简历请发送"
    r"|有意者|欢迎投递)"
)


def _apply_text(block: Block, reading: Reading) -> bool:
    """A paragraph outside 'How to apply' that says how to apply: it goes there."""
    if block.kind == "bullet":
        return False
    mailto = any(mail_address(target) is not None for _, target in block.links)
    addressed = mailto or bool(EMAIL.search(block.text) or block.links or URL.search(block.text))
    asks = re.search(
        r"(?i)\bapply\b|\be-?mail\b|\bresume\b|\bcv\b|résumé|简历|申请|应聘", block.text
    )
    if not _APPLY_SENTENCE.match(block.text) and not (addressed and asks and len(block.text) < 300):
        return False
    _how_to_apply(Section("how_to_apply", "", 0, [block]), reading)
    said = Message(
        N_("{field}: '{text}'"), field=FieldName(("how_to_apply",)), text=block.text[:60]
    )
    reading.guesses.append(Guess(("how_to_apply", "instructions"), said))
    return True


def _equal_opportunity(section: Section, reading: Reading) -> None:
    _guess_section(reading, section, "equal_opportunity")
    reading.equal_opportunity += [b.text for b in section.blocks]


def _pay(section: Section, reading: Reading) -> None:
    for block in section.blocks:
        if isinstance(find_pay(block.text), Pay) and not reading.facts.pay_texts:
            reading.facts.pay_texts.append((block.text, True))
        elif not reading.facts.take_line(block.text, preamble=True):
            reading.unplaced.append(block.text)


def _location(section: Section, reading: Reading) -> None:
    for block in section.blocks:
        if not reading.facts.take_line(f"Location: {block.text}", preamble=True):
            reading.unplaced.append(block.text)


def unknown(section: Section, reading: Reading) -> None:
    bullets = []
    texts = []
    for block in section.blocks:
        if reading.facts.take_line(block.text, preamble=section.key == "unknown"):
            continue
        if _apply_text(block, reading):
            continue
        if block.kind == "bullet":
            bullets.append(block.text)
        texts.append(f"• {block.text}" if block.kind == "bullet" else block.text)
    if bullets and len(bullets) == len(texts):
        reading.spare_bullets.append((section.heading, bullets))
    elif texts:
        reading.unplaced += [section.heading, *texts] if section.heading else texts


_PATHS = {"education_experience": "education", "pay": "salary"}


def _fields_said(fields: list[str]) -> str:
    return Message(N_("Fields of study: {fields}"), fields=Listing(fields))


def _guess_section(reading: Reading, section: Section, key: str) -> None:
    if section.heading and section.heading.strip().casefold() != LABELS[key].casefold():
        path = (_PATHS.get(key, key),)
        message = Message(
            N_("Section '{heading}' read as {section}"),
            heading=section.heading,
            section=term(LABELS[key]),
        )
        reading.guesses.append(Guess(path, message))


def _note_once(reading: Reading, path: tuple[str, ...], message: str) -> None:
    if message not in reading.noted:  # a set: 10,000 paragraphs once searched every guess
        reading.noted.add(message)
        reading.guesses.append(Guess(path, message))


HANDLERS = {
    "preamble": _preamble,
    "details": _preamble,
    "summary": _summary,
    "education": _education,
    "experience": _education,
    "education_experience": _education,
    "company": _company,
    "how_to_apply": _how_to_apply,
    "equal_opportunity": _equal_opportunity,
    "pay": _pay,
    "location": _location,
} | dict.fromkeys(LIST_SECTIONS, _list)
