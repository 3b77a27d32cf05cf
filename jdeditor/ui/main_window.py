"""The main window, shaped after Qt's application example.

``__init__`` builds only the shell (actions shared by menu and toolbar, menus, toolbar, status
bar, saved geometry), which needs nothing but Qt, so the window paints at once. ``start()``
then loads the model, the presets and the form. The work itself lives elsewhere: documents in
``EditSession``, files and presets in ``library``/``files``, Word in ``export.docx``; the
window only connects them and asks the user through ``dialogs``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QPushButton, QSplitter, QWidget

from jdeditor import _paths
from jdeditor.ui import dialogs
from jdeditor.ui.icons import icon
from jdeditor.ui.marks import STYLE_SHEET

if TYPE_CHECKING:
    from jdeditor.library import PresetLibrary
    from jdeditor.ui.controller import Controller


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: QSettings,
        library: PresetLibrary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._library_override = library
        self.ready = False
        self.controller: Controller
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
        preset_menu = bar.addMenu(self.tr("&Presets"))
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

    # -- start: everything that needs the model -------------------------------------------------
    def start(self, path: Path | None = None) -> None:
        """Load model, presets and form; then open ``path`` or offer to recover lost work."""
        # Imported here, after the window has painted: pydantic and babel take longer to load
        # than Qt takes to show the window.
        from jdeditor.ui.controller import Controller  # noqa: PLC0415

        self._loading.hide()
        self._loading.setParent(None)  # out of the splitter before the real panes go in
        self.controller = Controller(self, self._settings, self._library_override)
        splitter_state = self._settings.value("window/splitter")
        if splitter_state is not None:
            self._splitter.restoreState(splitter_state)
        self.ready = True
        self.controller.begin(path)

    def add_panes(self, panes: list[QWidget], sizes: list[int]) -> None:
        for pane in panes:
            self._splitter.addWidget(pane)
        self._splitter.setSizes(sizes)
        for index in range(len(panes)):
            self._splitter.setStretchFactor(index, 0 if index == 0 else 1)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ready and not self.controller.maybe_save():
            event.ignore()
            return
        self.write_settings()
        if self.ready:
            self.controller.closed()
        event.accept()
