"""Never lose work: autosave while the posting has unsaved changes, and offer it back after a
crash, before anything else loads, holding it on disk until the user has answered.

Handed only what it uses: the session, the autosave file, a parent for the question and a
status line.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from jdeditor.files import DocumentError, set_aside
from jdeditor.ui import dialogs
from jdeditor.ui.autosave import Autosave, Recovered
from jdeditor.ui.documents import Status
from jdeditor.ui.session import EditSession


class Recovery(QObject):
    def __init__(
        self, session: EditSession, autosave: Autosave, parent: QWidget, status: Status
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.autosave = autosave
        self._parent = parent
        self._status = status
        autosave.failed.connect(
            lambda why: status(self.tr("Autosave failed: {why}").format(why=why), 0)
        )
        session.stepped.connect(self._schedule)
        session.cleanChanged.connect(self._clean_changed)
        session.fileChanged.connect(self._clean_changed)

    def offer(self) -> bool:
        """Offer what a crashed session left; True when the user took it back."""
        recovered = self._read()
        if recovered is None:
            return False
        self.autosave.hold()  # on disk until the user has answered, whatever happens
        when = dt.datetime.fromtimestamp(recovered.saved_at).strftime("%Y-%m-%d %H:%M")
        accepted = dialogs.ask_yes_no(
            self._parent,
            self.tr("Recover unsaved work?"),
            self.tr(
                "jdeditor did not close normally. Recover the posting you were editing "
                "(last autosaved {when})?"
            ).format(when=when),
        )
        if not accepted:
            self.autosave.release()
            self.autosave.clear()
            return False
        # Still held while loading: the load passes through a clean state, which clears.
        self._session.load(recovered.draft, recovered.file_path, recovered.origin)
        self._session.undo_stack.resetClean()  # recovered work is not saved work
        self.autosave.release()
        self.autosave.schedule(recovered.draft, recovered.file_path, recovered.origin)
        self._status(self.tr("Recovered unsaved work"), 0)
        return True

    def _read(self) -> Recovered | None:
        try:
            return self.autosave.recover()
        except DocumentError as error:
            # Unreadable work is still the user's work: keep it, out of the next write's way.
            try:
                kept = set_aside(self.autosave.path, "unreadable")
                where = self.tr("it was kept as {file}").format(file=kept)
            except DocumentError:
                where = self.tr("it was left as it was")
            self._status(
                self.tr(
                    "Unsaved work from the last session could not be read ({why}); {where}"
                ).format(why="; ".join(error.lines()), where=where),
                0,
            )
            return None

    @Slot()
    def _schedule(self) -> None:
        """After every step (edit, undo, redo) that leaves unsaved changes."""
        session = self._session
        if not session.undo_stack.isClean():
            self.autosave.schedule(session.draft, session.file_path, session.origin)

    @Slot()
    def _clean_changed(self) -> None:
        if self._session.undo_stack.isClean():
            self.autosave.clear()

    def closed(self) -> None:
        """The window closed after the user saved or discarded: nothing is left to recover."""
        self.autosave.clear()
