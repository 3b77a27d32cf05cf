"""Document actions: new, open, save, save as, revert, recent files, and the question before
unsaved work is replaced. Handed only what they use: the edit session, a parent for dialogs,
the settings, a status line and the Open Recent menu; no window, no other pane.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal, Slot
from PySide6.QtWidgets import QMenu, QWidget

from jdeditor.draft import Draft, blank_draft
from jdeditor.files import DOCUMENT_SUFFIX, DocumentError, atomic_write, read_draft
from jdeditor.library import LibraryError, preset_file_name
from jdeditor.ui import dialogs
from jdeditor.ui.session import EditSession

MAX_RECENT = 8
FOLDER_KEY = "files/folder"
"""One remembered folder for every file dialog: where the user last opened, saved or exported."""

Status = Callable[[str, int], None]
"""Shows a message in the status line for some milliseconds (0: until replaced)."""


def remembered_folder(settings: QSettings) -> Path:
    """The folder of the user's last file operation, or home."""
    value = settings.value(FOLDER_KEY, "")
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_dir() else Path.home()


def remember_folder(settings: QSettings, path: Path) -> None:
    settings.setValue(FOLDER_KEY, str(path.parent))


def file_stem(session: EditSession, suffix: str) -> str:
    """A file name for the posting from its title, safe on every desktop OS."""
    title = str(session.draft.get("title") or "").strip() or QCoreApplication.translate(
        "DocumentActions", "posting"
    )
    try:
        return preset_file_name(title[:80], suffix)
    except LibraryError:
        return f"posting{suffix}"


class DocumentActions(QObject):
    opened = Signal(object)
    imported = Signal(object)
    """A posting was imported (its ``ImportResult``): its guesses are shown to be checked."""
    """A file was opened or saved (its Path): recent files and the window title follow."""

    def __init__(
        self,
        session: EditSession,
        parent: QWidget,
        settings: QSettings,
        status: Status,
        recent_menu: QMenu,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self._settings = settings
        self._status = status
        self._recent_menu = recent_menu
        self.update_recent_menu()

    # -- questions -------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when the open posting may be replaced or the window closed."""
        if self._session.undo_stack.isClean():
            return True
        choice = dialogs.ask_save_changes(self._parent, self._session.display_name())
        if choice == dialogs.SaveChoice.SAVE:
            return self.save()
        return choice == dialogs.SaveChoice.DISCARD

    # -- new and open ------------------------------------------------------------------------------
    @Slot()
    def new_blank(self) -> None:
        if self.maybe_save():
            self._session.load(blank_draft(), None)

    def start_from(self, draft: Draft, origin: str) -> bool:
        """A new, unsaved posting from ``draft`` (a preset's), after asking about unsaved work."""
        if not self.maybe_save():
            return False
        self._session.load(draft, None, origin=origin)
        return True

    @Slot()
    def import_file(self) -> None:
        """File ▸ Import…: a posting written elsewhere, as a new unsaved posting to check."""
        if not self.maybe_save():
            return
        path = dialogs.ask_open_path(
            self._parent,
            self.tr("Import a Posting"),
            remembered_folder(self._settings),
            dialogs.import_filter(),
        )
        if path is None:
            return
        from jdeditor.importer import import_posting  # noqa: PLC0415 - loads on first import

        try:
            result = import_posting(path)
        except DocumentError as error:
            dialogs.show_error(self._parent, self.tr("Cannot import"), "\n".join(error.lines()))
            return
        remember_folder(self._settings, path)
        self._session.load(
            result.draft, None, origin=self.tr("{name} (imported)").format(name=path.name)
        )
        self.imported.emit(result)
        self._status(
            self.tr("Imported {file}: check the {count} guess(es) under Posting advice").format(
                file=path.name, count=len(result.guesses) + len(result.unplaced)
            ),
            0,
        )

    @Slot()
    def open_file(self) -> None:
        if not self.maybe_save():
            return
        path = dialogs.ask_open_path(
            self._parent,
            self.tr("Open Job Description"),
            remembered_folder(self._settings),
            dialogs.posting_filter(),
        )
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open ``path`` whole, or say why not and leave the open posting as it was."""
        try:
            draft = read_draft(path)
        except DocumentError as error:
            dialogs.show_error(
                self._parent,
                self.tr("Cannot open file"),
                self.tr("{file} cannot be opened.").format(file=path.name),
                "\n".join(error.lines()),
            )
            return False
        self._session.load(draft, path)
        self.adopt(path)
        return True

    def adopt(self, path: Path) -> None:
        """``path`` is open in the session already (the window's start reads it before these
        actions exist): remember it as opened here, and say if it has problems to fix."""
        self._remember(path)
        if self._session.last_check.errors:
            self._status(
                self.tr("Opened {file}: it has problems to fix (see the list)").format(
                    file=path.name
                ),
                0,
            )

    def open_recent(self, path: Path) -> None:
        if self.maybe_save():
            self.open_path(path)

    @Slot()
    def revert(self) -> None:
        path = self._session.file_path
        if path is None or self._session.undo_stack.isClean():
            return
        if dialogs.ask_yes_no(
            self._parent,
            self.tr("Revert"),
            self.tr("Discard your changes and reload {file}?").format(file=path.name),
        ):
            self.open_path(path)

    # -- save --------------------------------------------------------------------------------------
    @Slot()
    def save(self) -> bool:
        if self._session.file_path is None:
            return self.save_as()
        return self._write(self._session.file_path)

    @Slot()
    def save_as(self) -> bool:
        suggested = remembered_folder(self._settings) / file_stem(self._session, DOCUMENT_SUFFIX)
        path = dialogs.ask_save_path(
            self._parent, self.tr("Save Job Description"), suggested, dialogs.posting_filter()
        )
        if path is None:
            return False
        if not path.name.endswith(DOCUMENT_SUFFIX):
            path = path.with_name(path.name.removesuffix(".json") + DOCUMENT_SUFFIX)
            if not dialogs.confirm_replace(self._parent, path):
                return False
        return self._write(path)

    def _write(self, path: Path) -> bool:
        """Save the draft; an invalid draft is saved as typed, so no work is ever refused."""
        document = self._session.last_check.document
        text = (
            document.to_json()
            if document is not None
            else (json.dumps(self._session.draft, ensure_ascii=False, indent=2) + "\n")
        )
        try:
            atomic_write(path, text.encode("utf-8"))
        except UnicodeEncodeError:
            dialogs.show_error(
                self._parent,
                self.tr("Cannot save"),
                self.tr(
                    "The posting contains a character that is not text; retype the last "
                    "change and save again."
                ),
            )
            return False
        except DocumentError as error:
            dialogs.show_error(self._parent, self.tr("Cannot save"), "\n".join(error.lines()))
            return False
        self._session.mark_saved(path)
        self._remember(path)
        self._status(self.tr("Saved {file}").format(file=path.name), 5000)
        return True

    # -- recent files ------------------------------------------------------------------------------
    def _remember(self, path: Path) -> None:
        remember_folder(self._settings, path)
        recent = [str(path)] + [p for p in self.recent() if p != str(path)]
        self._settings.setValue("recent/files", recent[:MAX_RECENT])
        self.update_recent_menu()
        self.opened.emit(path)

    def recent(self) -> list[str]:
        value = self._settings.value("recent/files", [])
        # QSettings (INI) gives a lone string back for a one-item list.
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def update_recent_menu(self) -> None:
        menu = self._recent_menu
        menu.clear()
        for number, name in enumerate(self.recent(), start=1):
            menu.addAction(f"&{number} {Path(name).name}", partial(self.open_recent, Path(name)))
        menu.setEnabled(bool(self.recent()))
