"""One bullet-list editor for every list of a posting: add, remove, reorder, edit in place.

Keys: Enter on the last item adds the next one, Delete removes the selected item, Alt+Up and
Alt+Down move it; drag and drop reorders. The widget holds no data of its own beyond what it
shows: every change is reported with ``itemsEdited(items, merge_key)`` and the owner decides.
Typing in one item reports ``merge_key="edit:<row>"`` so that an undo stack can merge it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jdeditor.ui.icons import icon
from jdeditor.ui.marks import level, mark, show_message

if TYPE_CHECKING:  # the form shows a posting before the model, the checks and the advice load
    from jdeditor.checks import Finding
    from jdeditor.ui.highlights import Mark

_SEVERITY = Qt.ItemDataRole.UserRole
_MARKS = Qt.ItemDataRole.UserRole + 1
_MAX_LINES = 22
"""Past about twenty lines the list scrolls inside itself rather than stretching the form."""


class _ItemDelegate(QStyledItemDelegate):
    """Edits an item in a line edit that reports every keystroke, not only the final text.

    Rows are at least as tall as that line edit: the editor takes its row's rectangle, and in a
    row sized for text alone (an empty new item) it would show clipped or hardly at all.
    """

    enterOnLastRow = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        # Measured on a stand-in with no parent, so that no unnamed editor lingers in the list.
        probe = QLineEdit()
        probe.setFont(parent.font())
        probe.setFrame(False)
        self._editor_height = probe.sizeHint().height()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        marks = index.data(_MARKS)
        if not marks:
            return
        from jdeditor.ui.highlights import paint_item_marks  # noqa: PLC0415 - with the advice

        # Where Qt's item views draw the text: the text sub-rectangle less the style's margin.
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        widget = view_option.widget
        style = widget.style() if widget is not None else QApplication.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, view_option, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        paint_item_marks(
            painter,
            QRectF(rect.adjusted(margin, 0, -margin, 0)),
            view_option.text,
            marks,
            view_option.font,
        )

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return size.expandedTo(QSize(0, self._editor_height))

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.textEdited.connect(lambda _text: self.commitData.emit(editor))
        editor.setProperty("last", index.row() == index.model().rowCount() - 1)
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and watched.property("last")
            and watched.text().strip()
        ):
            self.enterOnLastRow.emit()
        return super().eventFilter(watched, event)


class ListEditor(QWidget):
    """Edits a list of single-line items."""

    itemsEdited = Signal(list, str)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self._reported: list[str] = []
        self._list = QListWidget(self)
        self._list.setAccessibleName(label)
        self._list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self._list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self._list.setWordWrap(True)
        self._list.setResizeMode(QListView.ResizeMode.Adjust)
        self._list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._list.setAlternatingRowColors(True)
        self._delegate = _ItemDelegate(self._list)
        self._list.setItemDelegate(self._delegate)
        self._add_next = False
        self._delegate.enterOnLastRow.connect(self._add_after_current_edit)
        self._delegate.closeEditor.connect(self._editor_closed)
        self._list.itemChanged.connect(self._item_changed)
        self._list.model().rowsMoved.connect(self._rows_moved)
        self._list.installEventFilter(self)
        self._list.currentRowChanged.connect(self._update_buttons)

        self._add = self._button(
            "add",
            self.tr("Add an item (Enter on the last item)"),
            self.tr("Add an item: {list}"),
            self.add_item,
        )
        self._remove = self._button(
            "remove",
            self.tr("Remove the item (Delete)"),
            self.tr("Remove the item: {list}"),
            self.remove_item,
        )
        self._up = self._button(
            "up",
            self.tr("Move up (Alt+Up)"),
            self.tr("Move up: {list}"),
            lambda: self.move_item(-1),
        )
        self._down = self._button(
            "down",
            self.tr("Move down (Alt+Down)"),
            self.tr("Move down: {list}"),
            lambda: self.move_item(1),
        )
        self._message = QLabel(self)
        self._message.setObjectName("problemMessage")
        self._message.setWordWrap(True)
        self._message.hide()

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        for button in (self._add, self._remove, self._up, self._down):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(buttons)
        layout.addWidget(self._list)
        layout.addWidget(self._message)
        self.setFocusProxy(self._list)
        self._fit_height()
        self._update_buttons()

    # -- public API --
    def items(self) -> list[str]:
        return [self._item(row).text() for row in range(self._list.count())]

    def set_items(self, items: list[str]) -> None:
        """Show ``items`` without reporting an edit; keeps the current row where it can."""
        self._reported = list(items)
        if items == self.items():
            return
        row = self._list.currentRow()
        self._list.blockSignals(True)
        self._list.model().blockSignals(True)
        self._list.clear()
        for text in items:
            self._list.addItem(self._new_item(text))
        self._list.model().blockSignals(False)
        self._list.blockSignals(False)
        self._list.reset()
        if items:
            self._list.setCurrentRow(min(max(row, 0), len(items) - 1))
        self._fit_height()
        self._update_buttons()

    def set_problems(self, by_row: dict[int | None, list[Finding]]) -> None:
        """Mark items with problems (by row); list-wide problems (key None) show below."""
        # Marks are not edits: without blocking, each icon change would report itemChanged.
        self._list.blockSignals(True)
        icons_changed = False
        try:
            for row in range(self._list.count()):
                problems = by_row.get(row, [])
                item = self._item(row)
                severity = level(problems)
                if item.data(_SEVERITY) != severity:
                    item.setData(_SEVERITY, severity)
                    item.setToolTip("\n".join(p.message for p in problems))
                    item.setIcon(icon(severity) if severity else QIcon())
                    icons_changed = True
        finally:
            self._list.blockSignals(False)
        if icons_changed:  # a row with an icon is taller, and its text wraps sooner
            self._fit_height()
        everything = [p for problems in by_row.values() for p in problems]
        show_message(self._message, everything)
        mark(self._list, level(everything))

    def set_marks(self, by_row: dict[int, list[Mark]]) -> None:
        """Wavy lines under words of items (spelling, advice); rows not named have none."""
        self._list.blockSignals(True)
        try:
            for row in range(self._list.count()):
                marks = by_row.get(row) or None
                item = self._item(row)
                if item.data(_MARKS) != marks:
                    item.setData(_MARKS, marks)
        finally:
            self._list.blockSignals(False)

    def select_text(self, row: int, start: int, end: int) -> None:
        """Edit item ``row`` with its characters ``[start, end)`` selected."""
        if not 0 <= row < self._list.count():
            return
        item = self._item(row)
        self._list.setCurrentRow(row)
        self._list.setFocus(Qt.FocusReason.OtherFocusReason)
        self._list.editItem(item)
        editor = self._list.indexWidget(self._list.indexFromItem(item))
        if isinstance(editor, QLineEdit):
            from jdeditor.ui.highlights import utf16  # noqa: PLC0415 - with the advice

            text = editor.text()
            editor.setSelection(utf16(text, start), utf16(text, end) - utf16(text, start))

    def focus_row(self, row: int | None) -> None:
        self._list.setFocus(Qt.FocusReason.OtherFocusReason)
        if row is not None and 0 <= row < self._list.count():
            self._list.setCurrentRow(row)

    def list_widget(self) -> QListWidget:
        return self._list

    # -- actions --
    @Slot()
    def add_item(self) -> None:
        """Insert an empty item after the current one and edit it (dropped if left empty)."""
        current = self._list.currentRow()
        row = current + 1 if current >= 0 else self._list.count()
        item = self._new_item("")
        self._list.blockSignals(True)
        self._list.insertItem(row, item)
        self._list.blockSignals(False)
        self._list.setCurrentRow(row)
        self._fit_height()
        self._list.scrollToItem(item)  # a list past its height limit scrolls to the new row
        self._list.editItem(item)

    @Slot()
    def remove_item(self) -> None:
        row = self._list.currentRow()
        if row < 0:
            return
        self._list.takeItem(row)
        self._fit_height()
        self._report("")

    def move_item(self, step: int) -> None:
        row = self._list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self._list.count():
            return
        self._list.blockSignals(True)
        item = self._list.takeItem(row)
        self._list.insertItem(target, item)
        self._list.blockSignals(False)
        self._list.setCurrentRow(target)
        self._report("")

    # -- internals --
    def _item(self, row: int) -> QListWidgetItem:
        item = self._list.item(row)
        assert item is not None  # rows come from range(count)
        return item

    def _button(
        self, name: str, tip: str, accessible_name: str, slot: Callable[[], object]
    ) -> QToolButton:
        """A tool button; ``accessible_name`` says which list it acts on (``{list}``): a screen
        reader lists every list's Add button together."""
        button = QToolButton(self)
        button.setIcon(icon(name))
        button.setToolTip(tip)
        button.setAccessibleName(accessible_name.format(list=self._label))
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _new_item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )
        return item

    def _report(self, merge_key: str) -> None:
        self._update_buttons()
        self._reported = self.items()
        self.itemsEdited.emit(self._reported, merge_key)

    @Slot(QListWidgetItem)
    def _item_changed(self, item: QListWidgetItem) -> None:
        self._report(f"edit:{self._list.row(item)}")

    @Slot()
    def _editor_closed(self) -> None:
        """An item left empty when its editor closes is not an item: drop it."""
        for row in reversed(range(self._list.count())):
            if not self._item(row).text().strip():
                self._list.blockSignals(True)
                self._list.takeItem(row)
                self._list.blockSignals(False)
        self._fit_height()
        if self.items() != self._reported:
            self._report("")
        if self._add_next:  # Enter on the last item: the next one, once this editor is closed
            self._add_next = False
            self._list.setCurrentRow(self._list.count() - 1)
            self.add_item()

    @Slot()
    def _rows_moved(self) -> None:
        QTimer.singleShot(0, lambda: self._report(""))  # after the view settles the drop

    @Slot()
    def _add_after_current_edit(self) -> None:
        # The delegate closes the editor later (queued); _editor_closed adds the item then.
        self._add_next = True

    @Slot()
    def _update_buttons(self) -> None:
        row, count = self._list.currentRow(), self._list.count()
        self._remove.setEnabled(row >= 0)
        self._up.setEnabled(row > 0)
        self._down.setEnabled(0 <= row < count - 1)

    def _fit_height(self) -> None:
        """Grow with the items, wrapped lines included, instead of scrolling inside the form.

        Measured on the rows as the view lays them out (wrapped at its width, with the
        problem icons and the room an editor needs), not estimated from the text: an estimate
        that left out the icons made a short list with placeholders a row too short, so it
        showed about two rows and a scroll bar.
        """
        line = self.fontMetrics().height()
        view = self._list
        view.doItemsLayout()  # now, not at the next paint: the rows at the current width
        content = sum(view.visualItemRect(self._item(row)).height() for row in range(view.count()))
        height = max(content, int(line * 3.2)) + 2 * view.frameWidth()
        view.setFixedHeight(min(height, line * _MAX_LINES))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()  # wrapped items take more or fewer lines at the new width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._list
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and self._list.state() != QAbstractItemView.State.EditingState
            and self._handle_key(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Delete) or (
            key == Qt.Key.Key_Backspace and not alt
        ):
            self.remove_item()
        elif alt and key == Qt.Key.Key_Up:
            self.move_item(-1)
        elif alt and key == Qt.Key.Key_Down:
            self.move_item(1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self._list.currentItem()
            if current is None:
                self.add_item()
            else:
                self._list.editItem(current)
        else:
            return False
        return True
