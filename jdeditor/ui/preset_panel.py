"""The preset panel: built-in presets (read-only), the user's own and each team folder's, with
a filter.

Double-click or Enter starts a new document from a preset; so does Enter in the filter box,
from the first match (Down goes to it). The context menu offers rename, duplicate, delete and
reveal for a user preset, duplicate for a built-in, duplicate and reveal for a team preset, and
publishing to each writable team folder. A sync service's conflict copy in a team folder is
marked (an icon and "conflicting copy of X") and offers to keep it in place of X or delete it.
Long names are shortened in the middle, where two copies of one preset differ least. The panel
only reports what the user asked for (signals carrying the preset's ``ref``: its name, or a
qualified ``team:Support team/Agent`` for a team's); the window acts.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdeditor.library import Preset, PresetKind, PresetListing
from jdeditor.preset_sources import PresetSource
from jdeditor.ui.icons import icon

_NAME = Qt.ItemDataRole.UserRole
"""The preset's ``ref``: its name, or ``team:Support team/Agent`` for a team's."""
_READ_ONLY = Qt.ItemDataRole.UserRole + 1
_KIND = Qt.ItemDataRole.UserRole + 2
_CONFLICT_OF = Qt.ItemDataRole.UserRole + 3
_SOURCE = Qt.ItemDataRole.UserRole + 4
"""On a group: the team folder's name."""


class _HintElidesAtTheEnd(QStyledItemDelegate):
    """Names are shortened in the middle; a hint or a conflict copy's line, a sentence, keeps
    its start readable ("Conflicting copy of “Agent”: …")."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.parent().isValid() and (not index.data(_NAME) or index.data(_CONFLICT_OF)):
            option.textElideMode = Qt.TextElideMode.ElideRight


class _FilterBox(QLineEdit):
    downPressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        super().keyPressEvent(event)


class _PresetTree(QTreeWidget):
    activatedByKey = Signal(QTreeWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.activatedByKey.emit(self.currentItem())
            return
        super().keyPressEvent(event)


class PresetPanel(QWidget):
    presetActivated = Signal(str)
    renameRequested = Signal(str)
    duplicateRequested = Signal(str)
    deleteRequested = Signal(str)
    revealRequested = Signal(str)
    publishRequested = Signal(str, str)
    """The preset, and the team folder to publish it to."""
    keepConflictRequested = Signal(str)
    """A conflict copy to keep in place of the preset it copies."""
    deleteConflictRequested = Signal(str)
    currentPresetChanged = Signal(str)
    """The selected preset's ref, or '' when none is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = _FilterBox(self)
        self.filter.setPlaceholderText(self.tr("Filter presets…"))
        self.filter.setAccessibleName(self.tr("Filter presets"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.downPressed.connect(self._go_to_first_match)
        self.filter.returnPressed.connect(self._start_first_match)
        self.tree = _PresetTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Presets"))
        self.tree.setRootIsDecorated(False)
        # The column is as wide as the pane, so a long name is elided rather than scrolled.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(_HintElidesAtTheEnd(self.tree))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemActivated.connect(self._activated)
        self.tree.activatedByKey.connect(self._activated)
        self.tree.currentItemChanged.connect(
            lambda _current, _previous: self.currentPresetChanged.emit(self.selected_name() or "")
        )
        self.tree.setToolTip(self.tr("Double-click or press Enter to start from a preset"))
        self._built_in = self._group(self.tr("BUILT-IN"))
        self._mine = self._group(self.tr("MY PRESETS"))
        self._teams: list[QTreeWidgetItem] = []
        self._publish_targets: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.setFocusProxy(self.tree)

    def _group(self, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem([title])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        self.tree.addTopLevelItem(group)
        return group

    def show_presets(self, listing: PresetListing) -> None:
        selected = self.selected_name()
        for group in (self._built_in, self._mine):
            group.takeChildren()
        for team in self._teams:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(team))
        self._teams = [self._team_group(source) for source in listing.teams()]
        self._publish_targets = [s.name for s in listing.teams() if s.writable and s.available]
        groups = {team.data(0, _SOURCE): team for team in self._teams}
        for preset in listing.presets:
            if preset.kind is PresetKind.TEAM and preset.source is not None:
                groups[preset.source.name].addChild(self._team_item(preset))
            else:
                self._add(preset)
        if not self._mine.childCount():
            self._add_hint()
        for team, source in zip(self._teams, listing.teams(), strict=True):
            if not team.childCount():
                self._add_note(team, self._empty_team_note(source))
        self._mine.setHidden(False)
        self.tree.expandAll()
        self._apply_filter(self.filter.text())
        if selected:
            self.select(selected)

    def publish_targets(self) -> list[str]:
        """The team folders a preset can be published to now (writable and available)."""
        return list(self._publish_targets)

    def _add(self, preset: Preset) -> None:
        item = self._item(preset)
        title = preset.document.title
        # The full name first: the list may show it shortened.
        if preset.read_only:
            item.setIcon(0, icon("lock"))
            tip = self.tr("{name}\n{title}: built-in, read-only")
        else:
            item.setIcon(0, icon("preset"))
            tip = self.tr("{name}\n{title}: {path}")
        item.setToolTip(0, tip.format(name=preset.name, title=title, path=preset.path))
        (self._built_in if preset.read_only else self._mine).addChild(item)

    def _item(self, preset: Preset, text: str = "") -> QTreeWidgetItem:
        item = QTreeWidgetItem([text or preset.name])
        item.setData(0, _NAME, preset.ref)
        item.setData(0, _READ_ONLY, preset.read_only)
        item.setData(0, _KIND, str(preset.kind))
        item.setData(0, _CONFLICT_OF, preset.conflict_of or "")
        return item

    def _team_group(self, source: PresetSource) -> QTreeWidgetItem:
        group = self._group(source.name)
        group.setData(0, _SOURCE, source.name)
        if not source.available:
            group.setIcon(0, icon("warning"))
            state = self.tr("not available: {reason}")
        elif source.writable:
            state = self.tr("team folder, you can publish to it")
        else:
            group.setIcon(0, icon("lock"))
            state = self.tr("team folder, read-only: {reason}")
        tip = self.tr("{name}\n{folder}\n{state}").format(
            name=source.name, folder=source.folder, state=state.format(reason=source.note)
        )
        group.setToolTip(0, tip)
        return group

    def _team_item(self, preset: Preset) -> QTreeWidgetItem:
        title = preset.document.title
        if preset.conflict_of is not None:
            # Both versions stay listed until the user decides; neither is picked silently.
            text = self.tr("Conflicting copy of “{original}”: {name}").format(
                name=preset.name, original=preset.conflict_of
            )
            item = self._item(preset, text)
            item.setIcon(0, icon("warning"))
            tip = self.tr(
                "{name}\n{title}: {path}\nA sync service kept this copy because “{original}” "
                "was changed in two places at once. Keep this one in its place, or delete it."
            )
        else:
            item = self._item(preset)
            item.setIcon(0, icon("lock" if preset.read_only else "preset"))
            tip = self.tr("{name}\n{title}: {path}")
        item.setToolTip(
            0,
            tip.format(
                name=preset.name, title=title, path=preset.path, original=preset.conflict_of
            ),
        )
        return item

    def _empty_team_note(self, source: PresetSource) -> str:
        if not source.available:
            return self.tr("Not available: {reason}").format(reason=source.note)
        if source.writable:
            return self.tr(
                "No presets yet: publish one with Presets ▸ Publish Selected Preset to Team"
            )
        return self.tr("No presets yet")

    def _add_hint(self) -> None:
        """How to make a preset of one's own, where they would be listed; not a preset."""
        text = self.tr("Use Presets ▸ Save as Preset to keep a posting as your own preset")
        self._add_note(self._mine, text)

    @staticmethod
    def _add_note(group: QTreeWidgetItem, text: str) -> None:
        hint = QTreeWidgetItem([text])
        hint.setFlags(Qt.ItemFlag.NoItemFlags)  # greyed, and neither selectable nor activated
        hint.setToolTip(0, text)
        font = hint.font(0)
        font.setItalic(True)
        hint.setFont(0, font)
        group.addChild(hint)

    def _items(self) -> list[QTreeWidgetItem]:
        """The preset items of every group, in order (hints and notes left out)."""
        return [
            child
            for group in (self._built_in, self._mine, *self._teams)
            for child in (group.child(i) for i in range(group.childCount()))
            if child is not None and child.data(0, _NAME)
        ]

    def team_groups(self) -> dict[str, list[str]]:
        """Each team folder's group, by name: the texts of its lines, as shown."""
        return {
            team.text(0): [
                c.text(0) for c in (team.child(i) for i in range(team.childCount())) if c
            ]
            for team in self._teams
        }

    def hint(self) -> QTreeWidgetItem | None:
        """The line on how to make a preset, shown while "My presets" is empty."""
        children = (self._mine.child(i) for i in range(self._mine.childCount()))
        return next((c for c in children if c is not None and not c.data(0, _NAME)), None)

    def names(self, *, visible_only: bool = False) -> list[str]:
        return [
            item.data(0, _NAME) for item in self._items() if not (visible_only and item.isHidden())
        ]

    def selected_name(self) -> str | None:
        item = self.tree.currentItem()
        name = item.data(0, _NAME) if item is not None else None
        return name or None

    def selected_is_built_in(self) -> bool:
        item = self.tree.currentItem()
        return item is not None and item.data(0, _KIND) == str(PresetKind.BUILT_IN)

    def selected_kind(self) -> PresetKind | None:
        item = self.tree.currentItem()
        kind = item.data(0, _KIND) if item is not None else None
        return PresetKind(kind) if kind else None

    def select(self, name: str) -> None:
        for item in self._items():
            if item.data(0, _NAME) == name:
                self.tree.setCurrentItem(item)

    @Slot(str)
    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.text(0).casefold())

    def _first_match(self) -> QTreeWidgetItem | None:
        return next((item for item in self._items() if not item.isHidden()), None)

    @Slot()
    def _go_to_first_match(self) -> None:
        item = self._first_match()
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _start_first_match(self) -> None:
        # Only after typing: Enter in an empty box is not a request for the first preset.
        item = self._first_match() if self.filter.text().strip() else None
        if item is not None:
            self.tree.setCurrentItem(item)
            self._activated(item)

    @Slot(QTreeWidgetItem)
    def _activated(self, item: QTreeWidgetItem) -> None:
        name = item.data(0, _NAME)
        if name:
            self.presetActivated.emit(name)

    @Slot(QPoint)
    def _context_menu(self, position: QPoint) -> None:
        item = self.tree.itemAt(position)
        name = item.data(0, _NAME) if item is not None else None
        if item is None or not name:
            return
        menu = self.context_menu(
            name,
            read_only=bool(item.data(0, _READ_ONLY)),
            kind=PresetKind(item.data(0, _KIND)),
            conflict_of=item.data(0, _CONFLICT_OF) or "",
        )
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def context_menu(
        self,
        name: str,
        *,
        read_only: bool,
        kind: PresetKind | None = None,
        conflict_of: str = "",
    ) -> QMenu:
        """The actions for one preset (separate from showing it, so tests can trigger them)."""
        kind = kind or (PresetKind.BUILT_IN if read_only else PresetKind.USER)
        menu = QMenu(self)
        menu.addAction(self.tr("&New from this preset"), lambda: self.presetActivated.emit(name))
        if conflict_of and not read_only:
            menu.addAction(
                self.tr("&Keep This Copy in Place of “{name}”…").format(name=conflict_of),
                lambda: self.keepConflictRequested.emit(name),
            )
            menu.addAction(
                self.tr("Delete This &Copy…"), lambda: self.deleteConflictRequested.emit(name)
            )
        menu.addAction(self.tr("D&uplicate…"), lambda: self.duplicateRequested.emit(name))
        if kind is PresetKind.USER:
            menu.addAction(self.tr("&Rename…"), lambda: self.renameRequested.emit(name))
            menu.addAction(self.tr("&Delete…"), lambda: self.deleteRequested.emit(name))
        if kind is not PresetKind.BUILT_IN:
            menu.addSeparator()
            menu.addAction(self.tr("Show in &folder"), lambda: self.revealRequested.emit(name))
        if not conflict_of:
            self._add_publish(menu, name)
        return menu

    def _add_publish(self, menu: QMenu, name: str) -> None:
        targets = [team for team in self._publish_targets if not name.startswith(f"team:{team}/")]
        if not targets:
            return
        menu.addSeparator()
        if len(targets) == 1:
            menu.addAction(
                self.tr("&Publish to “{team}”…").format(team=targets[0]),
                lambda: self.publishRequested.emit(name, targets[0]),
            )
            return
        submenu = menu.addMenu(self.tr("&Publish to Team"))
        for team in targets:
            submenu.addAction(team, partial(self.publishRequested.emit, name, team))
