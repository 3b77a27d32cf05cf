"""The keyboard: the window's shortcuts before a field's defaults, Edit on the focused field,
F6 between panes, and the list of every key for Help ▸ Keyboard Shortcuts.

Qt first asks the focused widget whether it wants a key (``ShortcutOverride``) and only then
looks for a shortcut. A line edit says yes to Ctrl+Z (its own undo, which knows nothing of the
document) and, on X11, to Ctrl+E (end of line), so Export and Undo did nothing in a field.
``WindowKeysFirst`` answers for the fields: a key that one of the window's actions uses goes to
the action, except the keys a field has a better use for (clipboard, select all, moving the
cursor, deleting, Enter, Tab, Esc).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Literal

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from jdeditor.ui.translation import plain

OWN_UNDO = "jdeditorOwnUndo"
"""A widget with this property true keeps its own Undo/Redo keys: text that is not the posting
(the find box), where the document's undo would change something the user is not looking at."""

_STANDARD = QKeySequence.StandardKey
_FIELD_STANDARD_KEYS = (_STANDARD.Cut, _STANDARD.Copy, _STANDARD.Paste, _STANDARD.SelectAll)
_FIELD_KEYS = frozenset(
    {
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
        Qt.Key.Key_Escape,
    }
)
"""With any modifier: Shift+End selects, Ctrl+Left moves by word, Alt+Up moves a list item."""

_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_WINDOW_CONTEXTS = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def _is_undo_or_redo(event: QKeyEvent) -> bool:
    return event.matches(_STANDARD.Undo) or event.matches(_STANDARD.Redo)


def field_keeps(event: QKeyEvent) -> bool:
    """Keys a text field has a better use for than any window action."""
    if _is_undo_or_redo(event):
        return False  # Alt+Backspace is Undo on Windows: the document's, not the field's
    return Qt.Key(event.key()) in _FIELD_KEYS or any(
        event.matches(key) for key in _FIELD_STANDARD_KEYS
    )


def _is_function_key(event: QKeyEvent) -> bool:
    return Qt.Key.Key_F1 <= event.key() <= Qt.Key.Key_F35


def _combination(event: QKeyEvent) -> QKeyCombination:
    # A shortcut never names the keypad; Ctrl+keypad-Enter is Ctrl+Enter to the user.
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return QKeyCombination(modifiers, Qt.Key(event.key()))


class WindowKeysFirst(QObject):
    """Installed on the focused field: the window's action shortcuts win over its fields.

    For such a key the focused field never sees ``ShortcutOverride`` (so it cannot claim it),
    and, when the action is disabled and Qt hands the key on as a plain key press, never sees
    that either: Ctrl+Z with nothing to undo must not undo inside the field behind the
    document's back.
    """

    def __init__(self, window: QWidget, actions: Callable[[], Iterable[QAction]]) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            return self.claims(watched, event)
        return False

    def claims(self, widget: QWidget, event: QKeyEvent) -> bool:
        """True when ``event`` is one of the window's action keys and the field must let go."""
        if not (
            event.modifiers() & _COMMAND_MODIFIERS
            or _is_function_key(event)
            or _is_undo_or_redo(event)  # the Undo key of some keyboards, without a modifier
        ):
            return False  # typing: the common case, decided without looking at any action
        if field_keeps(event) or (widget.property(OWN_UNDO) and _is_undo_or_redo(event)):
            return False
        pressed = QKeySequence(_combination(event))
        return any(
            pressed in action.shortcuts()
            for action in self._actions()
            if action.shortcutContext() in _WINDOW_CONTEXTS
        )


# -- Edit menu --------------------------------------------------------------------------------
EditOperation = Literal["cut", "copy", "paste", "select_all"]


def text_editor_of(widget: QWidget | None) -> QLineEdit | QPlainTextEdit | QTextEdit | None:
    """The text a focused widget edits: a spin box's or an editable combo box's line edit."""
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget
    if isinstance(widget, QComboBox):
        return widget.lineEdit() if widget.isEditable() else None
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    return None


def edit_focused(widget: QWidget | None, operation: EditOperation) -> None:
    """Cut, copy, paste or select all in the focused field, as its own keys would."""
    editor = text_editor_of(widget)
    if editor is not None:
        {
            "cut": editor.cut,
            "copy": editor.copy,
            "paste": editor.paste,
            "select_all": editor.selectAll,
        }[operation]()
    elif isinstance(widget, QAbstractItemView):
        # A list has no text cursor; copy and select all act on its items, as its keys do.
        if operation == "select_all":
            widget.selectAll()
        elif operation == "copy" and widget.currentIndex().isValid():
            QGuiApplication.clipboard().setText(str(widget.currentIndex().data() or ""))


# -- F6: panes --------------------------------------------------------------------------------
def pane_index(panes: Sequence[QWidget], widget: QWidget | None) -> int | None:
    """Which pane holds ``widget`` (None: a toolbar, the find bar, nothing)."""
    for index, pane in enumerate(panes):
        if widget is not None and (pane is widget or pane.isAncestorOf(widget)):
            return index
    return None


def focus_pane(panes: Sequence[QWidget], current: QWidget | None, step: int) -> None:
    """Focus the pane ``step`` away from the one holding ``current``, skipping hidden ones.

    A pane gets back the field it last had focused, so F6 there and back resumes the edit.
    """
    shown = [pane for pane in panes if pane.isVisible()]
    if not shown:
        return
    here = pane_index(shown, current)
    if here is None:
        here = -1 if step > 0 else 0
    pane = shown[(here + step) % len(shown)]
    target = pane.focusWidget()
    if target is None or not target.isVisible() or not target.isEnabled():
        target = _first_focusable(pane)
    target.setFocus(Qt.FocusReason.OtherFocusReason)


def _first_focusable(pane: QWidget) -> QWidget:
    """The pane's focus proxy (the preset list, not its filter), else its first field."""
    if pane.focusProxy() is not None:
        return pane
    widget = pane.nextInFocusChain()
    while widget is not None and widget is not pane:
        if (
            pane.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisible()
            and widget.isEnabled()
        ):
            return widget
        widget = widget.nextInFocusChain()
    return pane  # a list or the preview: the pane itself takes the keys


# -- Help ▸ Keyboard Shortcuts ---------------------------------------------------------------
def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def fixed_keys() -> list[tuple[str, str]]:
    """Keys that no action carries: the list editor's (see list_editor.py) and the find bar's."""
    return [
        (
            QCoreApplication.translate("Keyboard", "List: add the next item (on the last item)"),
            _native("Return"),
        ),
        (QCoreApplication.translate("Keyboard", "List: remove the selected item"), _native("Del")),
        (QCoreApplication.translate("Keyboard", "List: move the item up"), _native("Alt+Up")),
        (QCoreApplication.translate("Keyboard", "List: move the item down"), _native("Alt+Down")),
        (QCoreApplication.translate("Keyboard", "Find bar: next match"), _native("Return")),
        (
            QCoreApplication.translate("Keyboard", "Find bar: previous match"),
            _native("Shift+Return"),
        ),
        (QCoreApplication.translate("Keyboard", "Find bar: close"), _native("Esc")),
    ]


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """One row per action with a shortcut (its name, every key for it), then the fixed keys."""
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = [
            sequence.toString(QKeySequence.SequenceFormat.NativeText)
            for sequence in action.shortcuts()
            if not sequence.isEmpty()
        ]
        if keys:
            rows.append((_action_name(action), ", ".join(keys)))
    return rows + fixed_keys()


def _action_name(action: QAction) -> str:
    # iconText: "Undo", not the step it would undo now ("Undo Edit Job title").
    return plain(action.iconText()).rstrip("…")


class ShortcutsDialog(QDialog):
    """A two-column table of commands and their keys, read by screen readers cell by cell."""

    def __init__(self, parent: QWidget | None, rows: Sequence[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Keyboard", "Keyboard Shortcuts"))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setAccessibleName(QCoreApplication.translate("Keyboard", "Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Keyboard", "Command"),
                QCoreApplication.translate("Keyboard", "Keys"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 560)
