"""The main window, shaped after Qt's application example: a shell and nothing more.

``__init__`` builds the actions shared by menu and toolbar, the menus, the toolbar, the status
bar and the saved geometry, which need nothing but Qt, so the window paints at once.
``app.assemble`` then adds the panes and connects the actions to the objects that do the work;
the shell knows none of them, only how to show what they report (status, title, summary).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QPushButton, QSplitter, QWidget

from jdeditor import _paths
from jdeditor.ui import dialogs
from jdeditor.ui.icons import icon
from jdeditor.ui.marks import STYLE_SHEET


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
        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setChildrenCollapsible(False)
        self._loading = QLabel(self.tr("Loading presets…"), self._splitter)
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self._splitter)
        self.create_actions()
        self.create_menus()
        self.create_tool_bars()
        self.create_status_bar()
        self.read_settings()

    # -- shell ---------------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str = "",
        tip: str = "",
    ) -> QAction:
        """One action, shared by menu and toolbar; the controller connects it in ``start``."""
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(
            f"{text.replace('&', '').rstrip('…')} ({action.shortcut().toString()})"
            if shortcut is not None
            else text.replace("&", "")
        )
        action.setEnabled(False)  # enabled by start(), once there is something to act on
        return action

    def create_actions(self) -> None:
        keys = QKeySequence.StandardKey
        tr = self.tr
        self.new_action = self._action(tr("&New"), keys.New, "new", tr("Start a blank posting"))
        self.open_action = self._action(
            tr("&Open…"), keys.Open, "open", tr("Open a job description file")
        )
        self.save_action = self._action(tr("&Save"), keys.Save, "save", tr("Save the posting"))
        self.save_as_action = self._action(
            tr("Save &As…"), keys.SaveAs, tip=tr("Save the posting under a new name")
        )
        self.revert_action = self._action(tr("Re&vert"), tip=tr("Go back to the saved file"))
        self.export_action = self._action(
            tr("&Export to Word…"), "Ctrl+E", "export", tr("Write the posting as a Word .docx")
        )
        self.template_action = self._action(
            tr("Word &Template…"), tip=tr("Use a company .dotx or .docx as the base")
        )
        self.clear_template_action = self._action(
            tr("Use the &Default Look"), tip=tr("Export with jdeditor's own look")
        )
        self.quit_action = self._action(tr("&Quit"), keys.Quit)
        self.undo_action = self._action(tr("&Undo"), keys.Undo, "undo")
        self.redo_action = self._action(tr("&Redo"), keys.Redo, "redo")
        self.save_preset_action = self._action(
            tr("Save as &Preset…"),
            "Ctrl+Shift+P",
            "preset",
            tr("Keep this posting as one of your presets"),
        )
        self.import_preset_action = self._action(
            tr("&Import Preset File…"), tip=tr("Add a colleague's preset file")
        )
        self.export_preset_action = self._action(
            tr("E&xport Selected Preset…"), tip=tr("Save the selected preset to share it")
        )
        self.about_action = self._action(tr("&About jdeditor"))
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(lambda: dialogs.show_about(self))
        for always in (self.quit_action, self.about_action):
            always.setEnabled(True)

    def create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action, self.revert_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_action, self.template_action, self.clear_template_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        self.preset_menu = preset_menu = bar.addMenu(self.tr("&Presets"))
        preset_menu.addActions(
            [self.save_preset_action, self.import_preset_action, self.export_preset_action]
        )
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def create_tool_bars(self) -> None:
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolBar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.export_action, self.save_preset_action])

    def create_status_bar(self) -> None:
        self.problem_summary = QLabel(self)
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
    def add_panes(
        self, presets: QWidget, form: QWidget, problems: QWidget, preview: QWidget
    ) -> None:
        """The three panes (the form with its problem list under it) in place of "Loading…"."""
        self._loading.hide()
        self._loading.setParent(None)
        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(form)
        centre.addWidget(problems)
        centre.setSizes([700, 120])
        for pane in (presets, centre, preview):
            self._splitter.addWidget(pane)
        self._splitter.setSizes([220, 560, 500])
        for index in range(3):
            self._splitter.setStretchFactor(index, 0 if index == 0 else 1)
        splitter_state = self._settings.value("window/splitter")
        if splitter_state is not None:
            self._splitter.restoreState(splitter_state)
        self.ready = True

    def connect_undo_stack(self, stack: QUndoStack) -> None:
        """Undo and Redo follow the stack; the step's name shows in the menu and the tooltip,
        while the toolbar keeps a fixed label so its buttons never move."""
        for action, slot, changed, name in (
            (self.undo_action, stack.undo, stack.canUndoChanged, self.tr("&Undo")),
            (self.redo_action, stack.redo, stack.canRedoChanged, self.tr("&Redo")),
        ):
            action.triggered.connect(slot)
            changed.connect(action.setEnabled)
            action.setIconText(name.replace("&", ""))
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        stack.undoTextChanged.connect(
            lambda text: self._step(self.undo_action, self.tr("&Undo"), text)
        )
        stack.redoTextChanged.connect(
            lambda text: self._step(self.redo_action, self.tr("&Redo"), text)
        )

    def _step(self, action: QAction, verb: str, step: str) -> None:
        text = f"{verb} {step}".strip()
        action.setText(text)
        action.setToolTip(f"{text.replace('&', '')} ({action.shortcut().toString()})")

    @Slot(str, int)
    def show_status(self, message: str, timeout: int = 0) -> None:
        self.statusBar().showMessage(message, timeout)

    def show_summary(self, text: str) -> None:
        self.problem_summary.setText(text)

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
