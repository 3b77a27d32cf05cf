"""What the window's actions do: documents, files, Word export, autosave and recovery.

Built by ``MainWindow.start`` once the window has painted. It owns the edit session and the
panes, connects the shared actions, and asks the user only through ``dialogs``.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter

from jdeditor.checks import FieldPath, Severity, find_placeholders
from jdeditor.draft import Check, blank_draft, draft_of
from jdeditor.files import (
    DOCUMENT_SUFFIX,
    DocumentError,
    atomic_write,
    read_draft,
    same_file,
    set_aside,
)
from jdeditor.library import LibraryError, PresetLibrary, preset_file_name
from jdeditor.outline import build_outline
from jdeditor.ui import dialogs
from jdeditor.ui.autosave import Autosave, Recovered
from jdeditor.ui.form import Form
from jdeditor.ui.icons import icon
from jdeditor.ui.main_window import MainWindow
from jdeditor.ui.preset_actions import PresetActions
from jdeditor.ui.preset_panel import PresetPanel
from jdeditor.ui.preview import Preview
from jdeditor.ui.session import EditSession

MAX_RECENT = 8
_PATH_ROLE = Qt.ItemDataRole.UserRole


class Controller(QObject):
    def __init__(
        self, window: MainWindow, settings: QSettings, library: PresetLibrary | None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.library = library or PresetLibrary()
        self.session = EditSession(self)
        self.autosave = Autosave(parent=self)
        self.form = Form()
        self.preview = Preview()
        self.presets = PresetPanel()
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems.setWordWrap(True)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setToolTip(self.tr("Click a problem to go to its field"))
        self.problems.itemActivated.connect(self._problem_clicked)
        self.problems.itemClicked.connect(self._problem_clicked)
        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(self.form)
        centre.addWidget(self.problems)
        centre.setSizes([700, 120])
        window.add_panes([self.presets, centre, self.preview], [220, 560, 500])
        self.preset_actions = PresetActions(self)
        self.last_export: Path | None = None
        self._connect()

    def _connect(self) -> None:
        w, s = self.window, self.session
        for action, slot in (
            (w.new_action, self.new_blank),
            (w.open_action, self.open_file),
            (w.save_action, self.save),
            (w.save_as_action, self.save_as),
            (w.revert_action, self.revert),
            (w.export_action, self.export_word),
            (w.template_action, self.choose_template),
            (w.clear_template_action, self.clear_template),
            (w.undo_action, s.undo_stack.undo),
            (w.redo_action, s.undo_stack.redo),
        ):
            action.triggered.connect(slot)
            action.setEnabled(True)
        s.undo_stack.canUndoChanged.connect(w.undo_action.setEnabled)
        s.undo_stack.canRedoChanged.connect(w.redo_action.setEnabled)
        s.undo_stack.undoTextChanged.connect(self._undo_text)
        s.undo_stack.redoTextChanged.connect(self._redo_text)
        w.undo_action.setEnabled(False)
        w.redo_action.setEnabled(False)
        s.undo_stack.cleanChanged.connect(self._update_title)
        s.undo_stack.indexChanged.connect(self._schedule_autosave)
        s.fileChanged.connect(self._update_title)
        s.draftChanged.connect(self._draft_changed)
        s.checked.connect(self._show_check)
        self.form.fieldEdited.connect(s.set_value)
        w.open_export_button.clicked.connect(lambda: self._open_last_export(folder=False))
        w.show_export_button.clicked.connect(lambda: self._open_last_export(folder=True))
        self.autosave.failed.connect(
            lambda why: w.statusBar().showMessage(self.tr("Autosave failed: {why}").format(why=why))
        )

    def begin(self, path: Path | None) -> None:
        """The first document: the file asked for, else recovered work, else a blank posting.

        Recovery comes first and holds the autosave on disk until the user has answered, so
        neither a broken preset folder nor a crash while the question shows can lose it.
        """
        recovered = self._read_autosave()
        self.session.load(blank_draft(), None)
        if recovered is not None:
            self._offer_recovery(recovered)
        self.preset_actions.refresh()
        self._update_recent_menu()
        # Recovered work is unsaved work: the file asked for replaces it only if the user
        # saves or discards it first.
        if path is not None and self.maybe_save():
            self.open_path(path)
        self.preview.render_now()

    def _read_autosave(self) -> Recovered | None:
        try:
            recovered = self.autosave.recover()
        except DocumentError as error:
            # Unreadable work is still the user's work: keep it, out of the next write's way.
            try:
                kept = set_aside(self.autosave.path, "unreadable")
                where = self.tr("it was kept as {file}").format(file=kept)
            except DocumentError:
                where = self.tr("it was left as it was")
            self.window.statusBar().showMessage(
                self.tr(
                    "Unsaved work from the last session could not be read ({why}); {where}"
                ).format(why="; ".join(error.lines()), where=where)
            )
            return None
        if recovered is not None:
            self.autosave.hold()
        return recovered

    def _offer_recovery(self, recovered: Recovered) -> None:
        when = dt.datetime.fromtimestamp(recovered.saved_at).strftime("%Y-%m-%d %H:%M")
        accepted = dialogs.ask_yes_no(
            self.window,
            self.tr("Recover unsaved work?"),
            self.tr(
                "jdeditor did not close normally. Recover the posting you were editing "
                "(last autosaved {when})?"
            ).format(when=when),
        )
        if not accepted:
            self.autosave.release()
            self.autosave.clear()
            return
        # Still held while loading: the load passes through a clean state, which clears.
        self.session.load(recovered.draft, recovered.file_path, recovered.origin)
        self.session.undo_stack.resetClean()  # recovered work is not saved work
        self.autosave.release()
        self.autosave.schedule(recovered.draft, recovered.file_path, recovered.origin)
        self.window.statusBar().showMessage(self.tr("Recovered unsaved work"))

    # -- reacting to the document ---------------------------------------------------------------
    @Slot(tuple)
    def _draft_changed(self, path: FieldPath) -> None:
        self.form.show_draft(self.session.draft, path)
        self.preview.show_draft(self.session.draft)

    @Slot()
    def _schedule_autosave(self) -> None:
        """After every step (edit, undo, redo) that leaves unsaved changes."""
        if not self.session.undo_stack.isClean():
            self.autosave.schedule(self.session.draft, self.session.file_path, self.session.origin)

    @Slot(str)
    def _undo_text(self, text: str) -> None:
        self.window.undo_action.setText(self.tr("&Undo {what}").format(what=text).strip())

    @Slot(str)
    def _redo_text(self, text: str) -> None:
        self.window.redo_action.setText(self.tr("&Redo {what}").format(what=text).strip())

    @Slot(object)
    def _show_check(self, result: Check) -> None:
        self.form.show_problems(result.problems)
        self.problems.clear()
        for problem in result.problems:
            item = QListWidgetItem(problem.message)
            item.setIcon(icon("error" if problem.severity == Severity.ERROR else "warning"))
            item.setData(_PATH_ROLE, problem.path)
            self.problems.addItem(item)
        errors = len(result.errors)
        warnings = len(result.problems) - errors
        self.window.problem_summary.setText(
            self.tr("{errors} problem(s) · {warnings} placeholder(s)").format(
                errors=errors, warnings=warnings
            )
            if result.problems
            else self.tr("No problems")
        )

    @Slot(QListWidgetItem)
    def _problem_clicked(self, item: QListWidgetItem) -> None:
        self.form.focus_field(tuple(item.data(_PATH_ROLE)))

    @Slot()
    def _update_title(self) -> None:
        self.window.setWindowTitle(f"{self.session.display_name()}[*] — jdeditor")
        self.window.setWindowModified(not self.session.undo_stack.isClean())
        if self.session.undo_stack.isClean():
            self.autosave.clear()

    # -- documents ---------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when the current document may be replaced or the window closed."""
        if self.session.undo_stack.isClean():
            return True
        choice = dialogs.ask_save_changes(self.window, self.session.display_name())
        if choice == dialogs.SaveChoice.SAVE:
            return self.save()
        return choice == dialogs.SaveChoice.DISCARD

    @Slot()
    def new_blank(self) -> None:
        if self.maybe_save():
            self.session.load(blank_draft(), None)

    def new_from_preset(self, name: str) -> None:
        if not self.maybe_save():
            return
        preset = self.library.get(name)
        self.session.load(draft_of(preset.document), None, origin=preset.name)
        self.window.statusBar().showMessage(
            self.tr("New posting from the “{name}” preset").format(name=preset.name), 5000
        )

    @Slot()
    def open_file(self) -> None:
        if not self.maybe_save():
            return
        path = dialogs.ask_open_path(
            self.window,
            self.tr("Open Job Description"),
            self._folder("open/folder"),
            dialogs.POSTING_FILTER,
        )
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        try:
            draft = read_draft(path)
        except DocumentError as error:
            dialogs.show_error(
                self.window,
                self.tr("Cannot open file"),
                self.tr("{file} cannot be opened.").format(file=path.name),
                "\n".join(error.lines()),
            )
            return False
        self.session.load(draft, path)
        self.settings.setValue("open/folder", str(path.parent))
        self._add_recent(path)
        if self.session.last_check.errors:
            self.window.statusBar().showMessage(
                self.tr("Opened {file}: it has problems to fix (see the list)").format(
                    file=path.name
                )
            )
        return True

    @Slot()
    def save(self) -> bool:
        if self.session.file_path is None:
            return self.save_as()
        return self._write(self.session.file_path)

    @Slot()
    def save_as(self) -> bool:
        suggested = self._folder("open/folder") / self._file_stem(DOCUMENT_SUFFIX)
        path = dialogs.ask_save_path(
            self.window, self.tr("Save Job Description"), suggested, dialogs.POSTING_FILTER
        )
        if path is None:
            return False
        if not path.name.endswith(DOCUMENT_SUFFIX):
            path = path.with_name(path.name.removesuffix(".json") + DOCUMENT_SUFFIX)
        return self._write(path)

    def _write(self, path: Path) -> bool:
        """Save the draft; an invalid draft is saved as typed, so no work is ever refused."""
        document = self.session.last_check.document
        text = (
            document.to_json()
            if document is not None
            else (json.dumps(self.session.draft, ensure_ascii=False, indent=2) + "\n")
        )
        try:
            atomic_write(path, text.encode("utf-8"))
        except UnicodeEncodeError:
            dialogs.show_error(
                self.window,
                self.tr("Cannot save"),
                self.tr(
                    "The posting contains a character that is not text; retype the last "
                    "change and save again."
                ),
            )
            return False
        except DocumentError as error:
            dialogs.show_error(self.window, self.tr("Cannot save"), "\n".join(error.lines()))
            return False
        self.session.mark_saved(path)
        self.settings.setValue("open/folder", str(path.parent))
        self._add_recent(path)
        self.window.statusBar().showMessage(self.tr("Saved {file}").format(file=path.name), 5000)
        return True

    @Slot()
    def revert(self) -> None:
        path = self.session.file_path
        if path is None or self.session.undo_stack.isClean():
            return
        if dialogs.ask_yes_no(
            self.window,
            self.tr("Revert"),
            self.tr("Discard your changes and reload {file}?").format(file=path.name),
        ):
            self.open_path(path)

    # -- Word export ---------------------------------------------------------------------------
    @Slot()
    def export_word(self) -> None:
        document = self.session.last_check.document
        if document is None:
            dialogs.show_error(
                self.window,
                self.tr("Cannot export yet"),
                self.tr("Fix these problems first; each is also marked on its field:"),
                "\n".join(p.message for p in self.session.last_check.errors),
            )
            return
        placeholders = find_placeholders(document)
        if placeholders:
            found = list(dict.fromkeys(text for p in placeholders for text in p.found))
            choice = dialogs.ask_export_with_placeholders(self.window, found)
            if choice == dialogs.PlaceholderChoice.SHOW:
                self.form.focus_field(placeholders[0].path)
                return
            if choice != dialogs.PlaceholderChoice.EXPORT:
                return
        suggested = self._folder("export/folder") / self._file_stem(".docx")
        path = dialogs.ask_save_path(
            self.window, self.tr("Export to Word"), suggested, dialogs.WORD_FILTER
        )
        if path is None:
            return
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        template = self.template()
        if template is not None and same_file(path, template):
            dialogs.show_error(
                self.window,
                self.tr("Export failed"),
                self.tr(
                    "{file} is the company template that exports are based on; choose another name."
                ).format(file=path.name),
            )
            return
        # python-docx loads on the first export, not at start-up.
        from jdeditor.export.docx import DocxOptions, render_docx, template_notes  # noqa: PLC0415

        try:
            # Notes first: once the file is written, nothing may report the export as failed.
            cleaned = template_notes(template) if template is not None else []
            data = render_docx(build_outline(document), DocxOptions(template=template))
            atomic_write(path, data)
        except DocumentError as error:
            dialogs.show_error(self.window, self.tr("Export failed"), "\n".join(error.lines()))
            return
        self.settings.setValue("export/folder", str(path.parent))
        self.last_export = path
        message = self.tr("Exported {file}").format(file=path.name)
        if placeholders:
            message += self.tr(" — {count} placeholder(s) still to replace").format(
                count=len(placeholders)
            )
        if cleaned:
            message += self.tr(" — made safe: {what}").format(what="; ".join(cleaned))
        self.window.statusBar().showMessage(message)
        self.window.open_export_button.show()
        self.window.show_export_button.show()

    def _open_last_export(self, *, folder: bool) -> None:
        path = self.last_export
        if path is not None:
            dialogs.open_with_system(path.parent if folder else path)

    def template(self) -> Path | None:
        value = self.settings.value("export/template", "")
        return Path(str(value)) if value else None

    @Slot()
    def choose_template(self) -> None:
        current = self.template()
        path = dialogs.ask_open_path(
            self.window,
            self.tr("Choose a Company Word Template"),
            current.parent if current else Path.home(),
            dialogs.TEMPLATE_FILTER,
        )
        if path is not None:
            self.settings.setValue("export/template", str(path))
            self.window.statusBar().showMessage(
                self.tr("Exports now use {file}").format(file=path.name), 5000
            )

    @Slot()
    def clear_template(self) -> None:
        self.settings.remove("export/template")
        self.window.statusBar().showMessage(self.tr("Exports use jdeditor's own look"), 5000)

    # -- helpers -------------------------------------------------------------------------------
    def _file_stem(self, suffix: str) -> str:
        title = str(self.session.draft.get("title") or "").strip() or self.tr("posting")
        try:
            return preset_file_name(title[:80], suffix)
        except LibraryError:
            return f"posting{suffix}"

    def _folder(self, key: str) -> Path:
        value = self.settings.value(key, "")
        return Path(str(value)) if value and Path(str(value)).is_dir() else Path.home()

    def _add_recent(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self._recent() if p != str(path)]
        self.settings.setValue("recent/files", recent[:MAX_RECENT])
        self._update_recent_menu()

    def _recent(self) -> list[str]:
        value = self.settings.value("recent/files", [])
        # QSettings (INI) gives a lone string back for a one-item list.
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _update_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for number, name in enumerate(self._recent(), start=1):
            menu.addAction(f"&{number} {Path(name).name}", partial(self.open_recent, Path(name)))
        menu.setEnabled(bool(self._recent()))

    def open_recent(self, path: Path) -> None:
        if self.maybe_save():
            self.open_path(path)

    def closed(self) -> None:
        """The window closed after the user saved or discarded: nothing is left to recover."""
        self.autosave.clear()
