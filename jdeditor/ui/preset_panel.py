"""The preset panel: built-in presets (read-only) and the user's own, with a filter.

Double-click or Enter starts a new document from a preset; so does Enter in the filter box,
from the first match (Down goes to it). The context menu offers rename, duplicate, delete and
reveal for a user preset, duplicate for a built-in. Long names are shortened in the middle,
where two copies of one preset differ least. The panel only reports what the user asked for
(signals carrying the preset name); the window acts.
"""

from __future__ import annotations

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

from jdeditor.library import Preset, PresetListing
from jdeditor.ui.icons import icon

_NAME = Qt.ItemDataRole.UserRole
_READ_ONLY = Qt.ItemDataRole.UserRole + 1


class _HintElidesAtTheEnd(QStyledItemDelegate):
    """Names are shortened in the middle; the hint, a sentence, keeps its start readable."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.parent().isValid() and not index.data(_NAME):
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
    currentPresetChanged = Signal(str)
    """The selected preset's name, or '' when none is selected."""

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
        if not self._mine.childCount():
            self._add_hint()
        self._mine.setHidden(False)
        self.tree.expandAll()
        self._apply_filter(self.filter.text())
        if selected:
            self.select(selected)

    def _add(self, preset: Preset) -> None:
        item = QTreeWidgetItem([preset.name])
        item.setData(0, _NAME, preset.name)
        item.setData(0, _READ_ONLY, preset.read_only)
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

    def _add_hint(self) -> None:
        """How to make a preset of one's own, where they would be listed; not a preset."""
        text = self.tr("Use Presets ▸ Save as Preset to keep a posting as your own preset")
        hint = QTreeWidgetItem([text])
        hint.setFlags(Qt.ItemFlag.NoItemFlags)  # greyed, and neither selectable nor activated
        hint.setToolTip(0, text)
        font = hint.font(0)
        font.setItalic(True)
        hint.setFont(0, font)
        self._mine.addChild(hint)

    def _items(self) -> list[QTreeWidgetItem]:
        """The preset items of both groups, in order (the hint left out)."""
        return [
            child
            for group in (self._built_in, self._mine)
            for child in (group.child(i) for i in range(group.childCount()))
            if child is not None and child.data(0, _NAME)
        ]

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
        return item is not None and bool(item.data(0, _READ_ONLY))

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
        menu = self.context_menu(name, read_only=bool(item.data(0, _READ_ONLY)))
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
