"""The start page: what the window offers on a first start instead of an empty posting.

The four built-in presets with a line on what each is for, the user's own presets, Open…, the
recent files and a blank posting. One click (or Enter) on any of them is the choice; closing the
page is a blank posting. The page only reports the choice (``StartChoice``); the window acts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdeditor import i18n
from jdeditor.library import Preset, PresetListing
from jdeditor.outline import babel_locale, format_pay


class StartKind(StrEnum):
    PRESET = "preset"
    OPEN = "open"
    RECENT = "recent"
    BLANK = "blank"


@dataclass(frozen=True, slots=True)
class StartChoice:
    kind: StartKind
    preset: str = ""
    """The preset's name, for ``PRESET``."""
    path: Path | None = None
    """The file, for ``RECENT``."""


@dataclass(frozen=True, slots=True)
class StartPreset:
    """One preset as the start page lists it."""

    name: str
    description: str
    built_in: bool


def _built_in_descriptions() -> dict[str, str]:
    # What a title, a level and a pay line cannot say: what each role is for. The Chinese
    # built-ins are the same four roles; each is described in the user's language.
    agent = QCoreApplication.translate(
        "StartPage", "Entry-level: answers and resolves customer calls"
    )
    lead = QCoreApplication.translate("StartPage", "Coaches a team of agents to its targets")
    manager = QCoreApplication.translate(
        "StartPage", "Runs the call center: people, budget, strategy"
    )
    operations = QCoreApplication.translate(
        "StartPage", "Senior lead for routing, metrics, staffing and vendors"
    )
    return {
        "Agent": agent,
        "Team Lead": lead,
        "Manager": manager,
        "Operations": operations,
        "呼叫中心客服专员": agent,
        "呼叫中心组长": lead,
        "呼叫中心经理": manager,
        "呼叫中心运营经理": operations,
    }


def describe(preset: Preset) -> str:
    """One line on a preset: a built-in's purpose, or title · level · pay for the user's own."""
    if preset.read_only and preset.name in _built_in_descriptions():
        return _built_in_descriptions()[preset.name]
    document = preset.document
    parts = [document.title]
    if document.level is not None:
        parts.append(i18n.label(document.level))
    if document.salary is not None:
        parts.append(format_pay(document.salary, babel_locale(document.language)))
    else:
        parts.append(QCoreApplication.translate("StartPage", "pay not stated"))
    return " · ".join(parts)


def start_presets(listing: PresetListing) -> list[StartPreset]:
    return [StartPreset(p.name, describe(p), p.read_only) for p in listing.presets]


_CHOICE = Qt.ItemDataRole.UserRole
_NAME_COLUMN_MAX = 260
"""Wide enough for most preset names; a longer one is elided, its description stays in view."""


class StartPage(QDialog):
    """Modal; ``choice`` holds what was picked once it closes (blank if it was just closed)."""

    def __init__(
        self, parent: QWidget | None, presets: Sequence[StartPreset], recent: Sequence[Path]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a Posting"))
        self.resize(680, 500)
        self.choice = StartChoice(StartKind.BLANK)
        heading = QLabel(self.tr("<b>Start from a preset</b>"), self)
        self.presets = self._list(self.tr("Presets"))
        self._fill_presets(presets)
        heading.setBuddy(self.presets)
        recent_heading = QLabel(self.tr("<b>Recent files</b>"), self)
        self.recent = self._list(self.tr("Recent files"))
        for path in recent:
            item = QTreeWidgetItem(self.recent, [path.name, str(path.parent)])
            item.setToolTip(0, str(path))
            item.setToolTip(1, str(path))
            item.setData(0, _CHOICE, StartChoice(StartKind.RECENT, path=path))
        recent_heading.setBuddy(self.recent)
        recent_heading.setVisible(bool(recent))
        self.recent.setVisible(bool(recent))
        if recent:  # as tall as its rows: the presets get the room
            rows = self.recent.sizeHintForRow(0) * len(recent)
            self.recent.setMaximumHeight(rows + 2 * self.recent.frameWidth() + 2)
        self.open_button = QPushButton(self.tr("&Open…"), self)
        self.blank_button = QPushButton(self.tr("&Blank Posting"), self)
        self.open_button.clicked.connect(lambda: self._choose(StartChoice(StartKind.OPEN)))
        self.blank_button.clicked.connect(lambda: self._choose(StartChoice(StartKind.BLANK)))
        buttons = QHBoxLayout()
        for button in (self.open_button, self.blank_button):
            # Enter in a list chooses its item; a default button would act on the same key.
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.presets, 3)
        layout.addWidget(recent_heading)
        layout.addWidget(self.recent)
        layout.addLayout(buttons)
        self.presets.setFocus()

    def _list(self, name: str) -> QTreeWidget:
        """Two columns, name and what it is; one click or Enter on a row is the choice."""
        view = QTreeWidget(self)
        view.setAccessibleName(name)
        view.setColumnCount(2)
        view.setHeaderHidden(True)
        view.setRootIsDecorated(False)
        view.setAllColumnsShowFocus(True)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        view.header().setMaximumSectionSize(_NAME_COLUMN_MAX)
        view.header().setStretchLastSection(True)
        view.itemClicked.connect(self._chosen)
        view.itemActivated.connect(self._chosen)
        return view

    def _fill_presets(self, presets: Sequence[StartPreset]) -> None:
        for preset in presets:
            if preset.built_in:
                self._add_preset(preset)
        mine = [preset for preset in presets if not preset.built_in]
        if mine:
            header = QTreeWidgetItem(self.presets, [self.tr("My presets")])
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: read, never chosen
            header.setFirstColumnSpanned(True)
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
        for preset in mine:
            self._add_preset(preset)
        first = self.presets.topLevelItem(0)
        if first is not None:
            self.presets.setCurrentItem(first)

    def _add_preset(self, preset: StartPreset) -> None:
        item = QTreeWidgetItem(self.presets, [preset.name, preset.description])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setToolTip(0, preset.name)
        item.setToolTip(1, preset.description)
        item.setData(0, _CHOICE, StartChoice(StartKind.PRESET, preset=preset.name))

    @staticmethod
    def rows(view: QTreeWidget) -> list[QTreeWidgetItem]:
        items = (view.topLevelItem(row) for row in range(view.topLevelItemCount()))
        return [item for item in items if item is not None]

    def choices(self, view: QTreeWidget) -> list[StartChoice]:
        """What each row of ``view`` would choose (headers left out), in order."""
        return [c for c in (item.data(0, _CHOICE) for item in self.rows(view)) if c is not None]

    @Slot(QTreeWidgetItem, int)
    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        choice = item.data(0, _CHOICE)
        if isinstance(choice, StartChoice):
            self._choose(choice)

    def _choose(self, choice: StartChoice) -> None:
        self.choice = choice
        self.accept()
