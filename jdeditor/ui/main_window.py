"""The main window, shaped after Qt's application example: a shell and nothing more.

``__init__`` builds the actions shared by menu and toolbar, the menus, the toolbar, the status
bar and the saved geometry, which need nothing but Qt, so the window paints at once.
``app.assemble`` then adds the panes and connects the actions to the objects that do the work;
the shell knows none of them, only how to show what they report (status, title, summary).
The keyboard (shortcuts.py) is the shell's too: its action keys win over a field's defaults,
Edit acts on the focused field, F6 moves between the panes and Find opens the find bar.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QObject, QSettings, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QWidget,
)

from jdeditor import _paths
from jdeditor.ui import dialogs
from jdeditor.ui.icons import icon
from jdeditor.ui.marks import STYLE_SHEET
from jdeditor.ui.translation import LanguageMenu, plain

if TYPE_CHECKING:
    from jdeditor.checks import FieldPath
    from jdeditor.ui.find_bar import FindBar
    from jdeditor.ui.shortcuts import EditOperation

Shortcut = QKeySequence | QKeySequence.StandardKey | str | Sequence[QKeySequence]

# Nothing here reads the ``Qt`` namespace before the first paint: PySide makes Python enums of
# all of its ninety-odd enumerations the first time it is read, which costs about a fifth of a
# bare window's start. Before the paint, Qt's own names of enum values set a property instead;
# after it, ``QtCore.Qt`` is read where needed (the form needs it anyway).

REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")
"""Redo on both, whatever the platform's own: people arrive from Word (Ctrl+Y) and from
editors on Linux and macOS (Ctrl+Shift+Z)."""


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.ready = False
        self._may_close: Callable[[], bool] = lambda: True
        self._closed: Callable[[], None] = lambda: None
        self.setWindowTitle("jdeditor")
        self.setWindowIcon(QIcon(str(_paths.resources_dir() / "icons" / "jdeditor.svg")))
        self.setStyleSheet(STYLE_SHEET)
        self._panes: list[QWidget] = []
        self._keys: list[tuple[QAction, list[QKeySequence]]] = []
        self._splitter = QSplitter(parent=self)  # horizontal; see the note on Qt above
        self._splitter.setChildrenCollapsible(False)
        self._loading = QLabel(self.tr("Loading presets…"), self._splitter)
        self._loading.setProperty("alignment", "AlignCenter")
        self.setCentralWidget(self._splitter)
        self.create_actions()
        self.create_menus()
        self.create_tool_bars()
        self.create_status_bar()
        self.read_settings()
        self.find_bar: FindBar | None = None  # built with the keyboard, after the first paint

    # -- shell ---------------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        shortcut: Shortcut | None = None,
        icon_name: str = "",
        tip: str = "",
    ) -> QAction:
        """One action, shared by menu and toolbar; the controller connects it in ``start``.

        A standard key brings every binding the platform has for it (as Qt's own
        ``setShortcut(StandardKey)`` does); menus and tooltips show the first. The keys are
        bound by ``bind_keys``.
        """
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        keys: list[QKeySequence] = []
        if isinstance(shortcut, QKeySequence.StandardKey):
            keys = QKeySequence.keyBindings(shortcut)
        elif isinstance(shortcut, str):
            keys = [QKeySequence.fromString(shortcut)]
        elif isinstance(shortcut, QKeySequence):
            keys = [shortcut]
        elif shortcut is not None:
            keys = list(shortcut)
        if keys:
            self._keys.append((action, keys))  # bound by bind_keys(), after the first paint
        action.setStatusTip(tip)
        # Set, not derived: Qt would keep the bracket of a Chinese accelerator ('新建(N)').
        action.setIconText(plain(text))
        action.setToolTip(
            self.tr("{action} ({keys})").format(
                action=plain(text).rstrip("…"), keys=keys[0].toString() if keys else ""
            )
            if shortcut is not None
            else plain(text)
        )
        action.setEnabled(False)  # enabled by start(), once there is something to act on
        return action

    def bind_keys(self) -> None:
        """Give the actions their keys; once the window has painted (see the note on Qt
        above: binding a key makes PySide read the namespace), before anything takes keys."""
        keys, self._keys = self._keys, []
        for action, sequences in keys:
            action.setShortcuts(sequences)

    def create_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(
            self.tr("&New"), keys.New, "new", self.tr("Start a blank posting")
        )
        self.open_action = self._action(
            self.tr("&Open…"), keys.Open, "open", self.tr("Open a job description file")
        )
        self.save_action = self._action(
            self.tr("&Save"), keys.Save, "save", self.tr("Save the posting")
        )
        self.save_as_action = self._action(
            self.tr("Save &As…"), keys.SaveAs, tip=self.tr("Save the posting under a new name")
        )
        self.revert_action = self._action(
            self.tr("Re&vert"), tip=self.tr("Go back to the saved file")
        )
        self.export_action = self._action(
            self.tr("&Export to Word…"),
            "Ctrl+E",
            "export",
            self.tr("Write the posting as a Word .docx"),
        )
        self.import_action = self._action(
            self.tr("&Import…"),
            "Ctrl+I",
            tip=self.tr("Start from a posting in Word, Markdown, HTML, plain text or JSON-LD"),
        )
        self.export_as_action = self._action(
            self.tr("Export &As…"),
            "Ctrl+Shift+E",
            tip=self.tr("Write the posting as PDF, a web page, Markdown, plain text or JSON-LD"),
        )
        self.print_action = self._action(
            self.tr("&Print…"), keys.Print, tip=self.tr("Print the posting, with a preview first")
        )
        self.template_action = self._action(
            self.tr("Word &Template…"), tip=self.tr("Use a company .dotx or .docx as the base")
        )
        self.clear_template_action = self._action(
            self.tr("Use the &Default Look"), tip=self.tr("Export with jdeditor's own look")
        )
        self.quit_action = self._action(self.tr("&Quit"), keys.Quit)
        self.undo_action = self._action(self.tr("&Undo"), keys.Undo, "undo")
        self.redo_action = self._action(self.tr("&Redo"), _redo_keys(), "redo")
        self.cut_action = self._action(
            self.tr("Cu&t"), keys.Cut, tip=self.tr("Cut the selected text")
        )
        self.copy_action = self._action(
            self.tr("&Copy"), keys.Copy, tip=self.tr("Copy the selected text")
        )
        self.paste_action = self._action(
            self.tr("&Paste"), keys.Paste, tip=self.tr("Paste into the field")
        )
        self.select_all_action = self._action(
            self.tr("Select &All"), keys.SelectAll, tip=self.tr("Select all the text of the field")
        )
        self.find_action = self._action(
            self.tr("&Find…"),
            keys.Find,
            tip=self.tr("Find text in the posting and go to its field"),
        )
        self.next_pane_action = self._action(
            self.tr("&Next Pane"), "F6", tip=self.tr("Presets, form, problems, advice, preview")
        )
        self.previous_pane_action = self._action(self.tr("P&revious Pane"), "Shift+F6")
        self.shortcuts_action = self._action(self.tr("&Keyboard Shortcuts"))
        self.save_preset_action = self._action(
            self.tr("Save as &Preset…"),
            "Ctrl+Shift+P",
            "preset",
            self.tr("Keep this posting as one of your presets"),
        )
        self.import_preset_action = self._action(
            self.tr("&Import Preset File…"), tip=self.tr("Add a colleague's preset file")
        )
        self.export_preset_action = self._action(
            self.tr("E&xport Selected Preset…"), tip=self.tr("Save the selected preset to share it")
        )
        self.about_action = self._action(self.tr("&About jdeditor"))
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(lambda: dialogs.show_about(self))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        operations: tuple[tuple[QAction, EditOperation], ...] = (
            (self.cut_action, "cut"),
            (self.copy_action, "copy"),
            (self.paste_action, "paste"),
            (self.select_all_action, "select_all"),
        )
        for action, operation in operations:
            # focusWidget, not the application's: it stays the field while a menu is open.
            action.triggered.connect(lambda _checked=False, op=operation: self._edit_focused(op))
        self.next_pane_action.triggered.connect(lambda: self.focus_pane(1))
        self.previous_pane_action.triggered.connect(lambda: self.focus_pane(-1))
        for always in (
            self.quit_action,
            self.about_action,
            self.shortcuts_action,
            *(action for action, _ in operations),
        ):
            always.setEnabled(True)

    def create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action, self.import_action])
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action, self.revert_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_action, self.export_as_action, self.print_action])
        file_menu.addSeparator()
        file_menu.addActions([self.template_action, self.clear_template_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions(
            [self.cut_action, self.copy_action, self.paste_action, self.select_all_action]
        )
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.next_pane_action, self.previous_pane_action])
        view_menu.addSeparator()
        self.language_menu = LanguageMenu(self._settings, self)
        view_menu.addMenu(self.language_menu)
        self.preset_menu = preset_menu = bar.addMenu(self.tr("&Presets"))
        preset_menu.addActions(
            [self.save_preset_action, self.import_preset_action, self.export_preset_action]
        )
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts_action, self.about_action])

    def create_tool_bars(self) -> None:
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolBar")
        toolbar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.export_action, self.save_preset_action])

    def create_status_bar(self) -> None:
        self.problem_summary = QLabel(self)
        self._summary = {"problems": "", "advice": ""}
        self.statusBar().addPermanentWidget(self.problem_summary)
        self.open_export_button = QPushButton(self.tr("Open"), self)
        self.show_export_button = QPushButton(self.tr("Show in Folder"), self)
        for button in (self.open_export_button, self.show_export_button):
            button.setFlat(True)
            button.hide()
            self.statusBar().addPermanentWidget(button)
        self.statusBar().showMessage(self.tr("Ready"))

    def read_settings(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self._settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def write_settings(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        if self.ready:
            self._settings.setValue("window/splitter", self._splitter.saveState())
        self._settings.sync()

    # -- what the assembled parts report ------------------------------------------------------
    @property
    def loading(self) -> QWidget:
        """What the window shows before its panes: a stand-in for the presets pane too."""
        return self._loading

    def add_panes(
        self, presets: QWidget, form: QWidget, problems: QWidget, advice: QWidget, preview: QWidget
    ) -> None:
        """The three panes in place of "Loading…": presets, the form (with the problems and the
        posting advice side by side under it) and the preview.

        A pane may be a stand-in (``loading`` for the presets) that ``replace_pane`` replaces
        once the pane itself is built: the window's start shows the form first.
        """
        if presets is not self._loading:
            self._loading.hide()
            self._loading.setParent(None)
        under = QSplitter()  # horizontal
        under.setObjectName("problemsAndAdvice")
        under.addWidget(problems)
        under.addWidget(advice)
        under.setSizes([300, 300])
        centre = QSplitter()
        centre.setProperty("orientation", "Vertical")  # see the note on Qt above
        centre.addWidget(form)
        centre.addWidget(under)
        centre.setSizes([580, 240])
        self._panes = [presets, form, problems, advice, preview]
        for action in (self.next_pane_action, self.previous_pane_action):
            action.setEnabled(True)
        for pane in (presets, centre, preview):
            self._splitter.addWidget(pane)
        self._splitter.setSizes([220, 560, 500])
        for index in range(3):
            self._splitter.setStretchFactor(index, 0 if index == 0 else 1)
        splitter_state = self._settings.value("window/splitter")
        if splitter_state is not None:
            self._splitter.restoreState(splitter_state)
        self.ready = True

    def replace_pane(self, stand_in: QWidget, pane: QWidget) -> None:
        """Put ``pane`` where ``stand_in`` is, at its size (see ``add_panes``)."""
        splitter = stand_in.parentWidget()
        assert isinstance(splitter, QSplitter)  # add_panes put every pane in one
        splitter.replaceWidget(splitter.indexOf(stand_in), pane)
        self._panes = [pane if shown is stand_in else shown for shown in self._panes]
        stand_in.hide()
        stand_in.deleteLater()

    def connect_undo_stack(self, stack: QUndoStack) -> None:
        """Undo and Redo follow the stack; the step's name shows in the menu and the tooltip,
        while the toolbar keeps a fixed label so its buttons never move."""
        for action, slot, changed, text_changed, name, step_name in (
            (
                self.undo_action,
                stack.undo,
                stack.canUndoChanged,
                stack.undoTextChanged,
                self.tr("&Undo"),
                self.tr("&Undo {step}"),
            ),
            (
                self.redo_action,
                stack.redo,
                stack.canRedoChanged,
                stack.redoTextChanged,
                self.tr("&Redo"),
                self.tr("&Redo {step}"),
            ),
        ):
            action.triggered.connect(slot)
            changed.connect(action.setEnabled)
            text_changed.connect(_StepName(action, name, step_name).show)
            action.setIconText(plain(name))
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())

    def connect_find(
        self, draft: Callable[[], Mapping[str, Any]], focus_field: Callable[[FieldPath], None]
    ) -> None:
        """Find searches ``draft()`` and takes the user to a match with ``focus_field``.

        Also where the window's keys start to win over a field's: both load after the first
        paint (creating Qt's key enums for them costs more than the paint itself).
        """
        from jdeditor.ui.find_bar import FindBar  # noqa: PLC0415
        from jdeditor.ui.shortcuts import WindowKeysFirst  # noqa: PLC0415

        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.addToolBar(QtCore.Qt.ToolBarArea.BottomToolBarArea, self.find_bar)
        self.find_action.triggered.connect(self.find_bar.open)
        self.find_bar.set_source(draft, focus_field)
        self.find_action.setEnabled(True)
        self._keys_first = WindowKeysFirst(self, self.shortcut_actions)
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a window needs its application
        # On the focused field, where Qt asks whether a key is a shortcut: a filter on the
        # application would run Python for every event of every widget.
        app.focusChanged.connect(self._follow_focus)
        self._follow_focus(None, QApplication.focusWidget())

    @Slot(QWidget, QWidget)
    def _follow_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None:
            old.removeEventFilter(self._keys_first)
        if new is not None and new.window() is self:
            new.installEventFilter(self._keys_first)

    @Slot(tuple)
    def refresh_find(self, _changed: tuple[str | int, ...] = ()) -> None:
        """The posting changed: the find bar's count follows it."""
        if self.find_bar is not None:
            self.find_bar.refresh()

    def _edit_focused(self, operation: EditOperation) -> None:
        from jdeditor.ui.shortcuts import edit_focused  # noqa: PLC0415

        edit_focused(self.focusWidget(), operation)

    def focus_pane(self, step: int) -> None:
        """F6 (1) and Shift+F6 (-1): the next or previous pane, in a cycle."""
        from jdeditor.ui.shortcuts import focus_pane  # noqa: PLC0415

        focus_pane(self._panes, self.focusWidget(), step)

    def shortcut_actions(self) -> list[QAction]:
        """Every action of the window with a key, in menu order, then any outside the menus."""
        found: list[QAction] = []

        def collect(actions: list[QAction]) -> None:
            for action in actions:
                submenu = action.menu()
                if isinstance(submenu, QMenu):
                    collect(submenu.actions())
                elif action not in found and not action.shortcut().isEmpty():
                    found.append(action)

        collect(self.menuBar().actions())
        collect(self.actions())
        return found

    @Slot()
    def show_shortcuts(self) -> None:
        from jdeditor.ui.shortcuts import shortcut_rows  # noqa: PLC0415

        dialogs.show_shortcuts(self, shortcut_rows(self.shortcut_actions()))

    @Slot(str, int)
    def show_status(self, message: str, timeout: int = 0) -> None:
        self.statusBar().showMessage(message, timeout)

    def show_summary(self, text: str, part: str = "problems") -> None:
        """One part of the status bar's summary: 'problems' (errors and warnings) or 'advice'."""
        self._summary[part] = text
        self.problem_summary.setText(" · ".join(t for t in self._summary.values() if t))

    def show_document(self, name: str, *, modified: bool) -> None:
        self.setWindowTitle(f"{name}[*] — jdeditor")
        self.setWindowModified(modified)

    def show_export_buttons(self) -> None:
        self.open_export_button.show()
        self.show_export_button.show()

    def set_close_guard(self, may_close: Callable[[], bool], closed: Callable[[], None]) -> None:
        """``may_close`` asks about unsaved work; ``closed`` runs once the window has closed."""
        self._may_close, self._closed = may_close, closed

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close():
            event.ignore()
            return
        self.write_settings()
        self._closed()
        event.accept()


class _StepName(QObject):
    """Names the step an action would undo or redo ("Undo Edit Job title").

    A child of its action, so the stack's signal stops reaching it with the action: the
    stack clears itself (and signals) when it is destroyed, after the window's actions.
    ``template`` places the step (``"&Undo {step}"``): a language puts the verb, the step
    and the accelerator where its menus have them.
    """

    def __init__(self, action: QAction, verb: str, template: str) -> None:
        super().__init__(action)
        self._action, self._verb, self._template = action, verb, template

    @Slot(str)
    def show(self, step: str) -> None:
        text = self._template.format(step=step) if step.strip() else self._verb
        self._action.setText(text)
        self._action.setToolTip(
            self.tr("{action} ({keys})").format(
                action=plain(text), keys=self._action.shortcut().toString()
            )
        )


def _redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys first (the one the menu shows), then Ctrl+Y and Ctrl+Shift+Z."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    keys += [QKeySequence(extra) for extra in REDO_KEYS if QKeySequence(extra) not in keys]
    return keys
