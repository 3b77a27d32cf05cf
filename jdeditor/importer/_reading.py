"""What the interpreter has read so far: the sections of a posting, and what they gave."""

from __future__ import annotations

from dataclasses import dataclass, field

from jdeditor.importer._blocks import Block, Guess
from jdeditor.importer._lines import Facts
from jdeditor.importer._sections import LIST_SECTIONS


@dataclass
class Section:
    key: str
    heading: str
    level: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Reading:
    """What the interpreter found, before it is fitted to the model's limits."""

    title: str = ""
    title_from: str = ""
    facts: Facts = field(default_factory=Facts)
    lists: dict[str, list[str]] = field(default_factory=lambda: {key: [] for key in LIST_SECTIONS})
    summary: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    instructions: list[str] = field(default_factory=list)
    equal_opportunity: list[str] = field(default_factory=list)
    experience: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    spare_bullets: list[tuple[str, list[str]]] = field(default_factory=list)
    links: list[tuple[str, str, str]] = field(default_factory=list)
    """(section key, visible text, target) of every link."""
    texts: list[str] = field(default_factory=list)
    noted: set[str] = field(default_factory=set)
    """Guesses made once for the whole posting ('Text before the first heading read as …')."""

    @property
    def guesses(self) -> list[Guess]:
        return self.facts.guesses
