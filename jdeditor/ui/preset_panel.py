"""The preset panel: built-in presets (read-only) and the user's own, with a filter.

Double-click or Enter starts a new document from a preset. The context menu offers rename,
duplicate, delete and reveal for a user preset, duplicate for a built-in. The panel only
reports what the user asked for (signals carrying the preset name); the window acts.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdeditor.library import Preset, PresetListing
from jdeditor.ui.icons import icon

_NAME = Qt.ItemDataRole.UserRole


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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter presets…"))
        self.filter.setAccessibleName(self.tr("Filter presets"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree = _PresetTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Presets"))
        self.tree.setRootIsDecorated(False)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemActivated.connect(self._activated)
        self.tree.activatedByKey.connect(self._activated)
        self.tree.setToolTip(self.tr("Double-click or press Enter to start from a preset"))
        self._built_in = QTreeWidgetItem([self.tr("BUILT-IN")])
        self._mine = QTreeWidgetItem([self.tr("MY PRESETS")])
        for group in (self._built_in, self._mine):
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.setFocusProxy(self.tree)

    def show_presets(self, listing: PresetListing) -> None:
        selected = self.selected_name()
        for group in (self._built_in, self._mine):
            group.takeChildren()
        for preset in listing.presets:
            self._add(preset)
        self._mine.setHidden(False)
        self.tree.expandAll()
        self._apply_filter(self.filter.text())
        if selected:
            self.select(selected)

    def _add(self, preset: Preset) -> None:
        item = QTreeWidgetItem([preset.name])
        item.setData(0, _NAME, preset.name)
        item.setData(0, Qt.ItemDataRole.UserRole + 1, preset.read_only)
        title = preset.document.title
        if preset.read_only:
            item.setIcon(0, icon("lock"))
            item.setToolTip(0, self.tr("{title}: built-in, read-only").format(title=title))
        else:
            item.setIcon(0, icon("preset"))
            item.setToolTip(0, self.tr("{title}: {path}").format(title=title, path=preset.path))
        (self._built_in if preset.read_only else self._mine).addChild(item)

    def _items(self) -> list[QTreeWidgetItem]:
        """The preset items of both groups, in order."""
        return [
            child
            for group in (self._built_in, self._mine)
            for child in (group.child(i) for i in range(group.childCount()))
            if child is not None
        ]

    def names(self, *, visible_only: bool = False) -> list[str]:
        return [
            item.data(0, _NAME) for item in self._items() if not (visible_only and item.isHidden())
        ]

    def selected_name(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, _NAME) if item is not None else None

    def select(self, name: str) -> None:
        for item in self._items():
            if item.data(0, _NAME) == name:
                self.tree.setCurrentItem(item)

    @Slot(str)
    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.text(0).casefold())

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
        menu = self.context_menu(name, read_only=bool(item.data(0, Qt.ItemDataRole.UserRole + 1)))
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def context_menu(self, name: str, *, read_only: bool) -> QMenu:
        """The actions for one preset (separate from showing it, so tests can trigger them)."""
        menu = QMenu(self)
        menu.addAction(self.tr("&New from this preset"), lambda: self.presetActivated.emit(name))
        menu.addAction(self.tr("D&uplicate…"), lambda: self.duplicateRequested.emit(name))
        if not read_only:
            menu.addAction(self.tr("&Rename…"), lambda: self.renameRequested.emit(name))
            menu.addAction(self.tr("&Delete…"), lambda: self.deleteRequested.emit(name))
            menu.addSeparator()
            menu.addAction(self.tr("Show in &folder"), lambda: self.revealRequested.emit(name))
        return menu
