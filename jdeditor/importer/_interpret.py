"""From blocks to a posting: the title, the sections under their headings, the facts.

One interpreter for every format: readers only say what is a title, a heading, a paragraph or
a bullet. What no rule places is kept, in order, for ``_assemble`` to put in the summary.
"""

from __future__ import annotations

import re

from jdeditor.checks._message import Message, term
from jdeditor.i18n import N_
from jdeditor.importer._blocks import Block, Source, bullet_text, is_cjk
from jdeditor.importer._handlers import HANDLERS, unknown
from jdeditor.importer._lines import Facts
from jdeditor.importer._pay import Pay, find_pay
from jdeditor.importer._reading import Reading, Section
from jdeditor.importer._sections import section_of, split_heading_line


def interpret(source: Source) -> Reading:
    reading = Reading()
    blocks = _prepared(source.blocks)
    reading.texts = [block.text for block in blocks]
    if not (source.structured and isinstance(source.structured.get("title"), str)):
        blocks = _take_title(blocks, reading)
    sections = _sections(blocks)
    for section in reversed(sections):  # the last 'About …' heading names the company
        found = section_of(section.heading) if section.key == "company" else None
        if found and found[1]:
            # Once: spelling out each of 10,000 'About X' headings read every text each time.
            reading.facts.company_hint = _proper_case(found[1], reading.texts)
            break
    for section in sections:
        for block in section.blocks:
            reading.links += [(section.key, text, target) for text, target in block.links]
        HANDLERS.get(section.key, unknown)(section, reading)
    reading.facts.settle()
    if reading.facts.company_hint:
        reading.facts.set(
            "company.name",
            reading.facts.company_hint,
            Message(
                N_("Company: '{name}' from the heading 'About …'"), name=reading.facts.company_hint
            ),
        )
    return reading


# --- blocks as the interpreter wants them ---------------------------------------------------------
def _prepared(blocks: list[Block]) -> list[Block]:
    """Multi-line paragraphs split or joined, headings with text after a colon split, and
    headings that look like text (a bold pay line) made paragraphs again."""
    out: list[Block] = []
    for original in blocks:
        block = original
        if block.kind == "para" and "\n" in block.text:
            lines = [line for line in block.text.split("\n") if line.strip()]
            if any(bullet_text(line) for line in lines) or all(len(line) < 70 for line in lines):
                for line in lines:
                    item = bullet_text(line)
                    out.append(Block("bullet" if item else "para", item or line, 0, block.links))
                continue
            block = Block("para", " ".join(lines), 0, block.links)
        if block.kind in ("para", "heading") and (split := split_heading_line(block.text)):
            _, heading, rest = split
            out.append(Block("heading", heading, block.level or 2, []))
            if rest:
                out += _inline_items(rest, block.links)
            continue
        out.append(_promoted(block))
    return out


def _inline_items(text: str, links: list[tuple[str, str]]) -> list[Block]:
    """'1.负责…；2.处理…' as bullets; other text as one paragraph."""
    parts = re.split(r"(?:^|(?<=[；;。\s]))\s*\d{1,2}\s*[.、．)]\s*", text)
    parts = [part.strip() for part in parts if part.strip()]
    if len(parts) >= 2:
        return [Block("bullet", part.rstrip("；;"), 0, links) for part in parts]
    return [Block("para", text, 0, links)]


def _promoted(block: Block) -> Block:
    text = block.text.strip()
    if block.kind == "heading" and block.weak:
        # A bold pay line ('**年薪 US$32,000 – US$35,000**') is pay, though '薪' names a section.
        if (section_of(text.rstrip(":：")) is None and _is_fact(text)) or Facts().take_pay_line(
            text
        ):
            return Block("para", text, 0, block.links)
        return block
    if block.kind != "para" or len(text) > 80 or "\n" in text:
        return block
    bare = text.rstrip(":：").strip()
    if section_of(bare, keywords=False) is not None:
        return Block("heading", bare, 2, block.links, weak=True)
    letters = sum(1 for char in bare if char.isalpha())
    # Chinese has no case: '熟悉CRM平台' is Chinese holding an acronym, not a shouted heading.
    shouted = letters >= 3 and bare.upper() == bare and bare.lower() != bare and not is_cjk(bare)
    if shouted and not re.search(r"[.!?]$", bare) and not _is_fact(bare):
        return Block("heading", bare, 1, block.links, weak=True)
    named = text.endswith((":", "：")) and len(bare) <= 50 and section_of(bare) is not None
    return Block("heading", bare, 2, block.links, weak=True) if named else block


def _is_fact(text: str) -> bool:
    probe = Facts()
    return probe.take_line(text, preamble=True) or bool(re.search(r"[:：]\s*\S", text))


def _states_facts(text: str) -> bool:
    """A line that is labelled facts, a subtitle of facts or pay: never the title."""
    if re.search(r"[:：]\s*\S", text) or re.search(r"\s[·|•]\s", text):
        return True
    found = find_pay(text)
    return isinstance(found, Pay) and found.span[1] - found.span[0] > len(text) // 2


def _proper_case(name: str, texts: list[str]) -> str:
    """A name from an upper-cased heading ('ABOUT ACME') as the text spells it elsewhere."""
    if name.upper() != name:
        return name
    for text in texts:
        for match in re.finditer(re.escape(name), text, re.IGNORECASE):
            if match.group() != name:
                return match.group()
    return name


def _take_title(blocks: list[Block], reading: Reading) -> list[Block]:
    for index, block in enumerate(blocks):
        if block.kind == "title":
            reading.title, reading.title_from = block.text, term(N_("the title style"))
            return blocks[:index] + blocks[index + 1 :]
    for index, block in enumerate(blocks[:40]):
        top = block.kind == "heading" and block.level == 1 and not block.weak
        if top and section_of(block.text) is None:
            reading.title, reading.title_from = block.text, term(N_("the first top-level heading"))
            return blocks[:index] + blocks[index + 1 :]
    for index, block in enumerate(blocks[:5]):
        if block.kind == "heading" and section_of(block.text) is not None:
            break  # the posting's sections have begun: no title line before them
        line = block.kind in ("heading", "para") and len(block.text) <= 150
        if line and not _states_facts(block.text):
            reading.title, reading.title_from = block.text, term(N_("the first line"))
            return blocks[:index] + blocks[index + 1 :]
    return blocks


def _sections(blocks: list[Block]) -> list[Section]:
    sections = [Section("preamble", "", 0)]
    for block in blocks:
        current = sections[-1]
        if block.kind in ("heading", "title"):
            found = section_of(block.text.rstrip(":："))
            level = block.level or 1
            known = current.key not in ("preamble", "unknown")
            if found is None and known and level > current.level:
                current.blocks.append(Block("para", block.text, 0, block.links))
                continue
            sections.append(Section(found[0] if found else "unknown", block.text, level))
        else:
            current.blocks.append(block)
    return sections
