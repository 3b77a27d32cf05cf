"""The open document: its draft, where it came from, and the undo stack that changes it.

Every change goes through ``set_value``, which pushes a ``SetValue`` command; undo and redo
replay commands, so form edits, list operations and pay changes all undo the same way.
Consecutive edits of one field with the same merge key (a run of typing) merge into one step.

A session made with ``checking=False`` takes a draft and edits to it before the model has
loaded (the window's start): nothing is checked until ``start_checking()``, which the start
calls once the model is there; from then on every change is checked as it happens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from jdeditor.draft import Draft, value_at, with_value

if TYPE_CHECKING:
    from jdeditor.checks import FieldPath
    from jdeditor.draft import Check

_SET_VALUE_ID = 1


def _field_label(path: FieldPath) -> str:
    from jdeditor.checks import field_label  # noqa: PLC0415 - loads the model

    return field_label(path)


class SetValue(QUndoCommand):
    def __init__(
        self,
        session: EditSession,
        path: FieldPath,
        old: Any,
        new: Any,
        merge_key: str,
        *,
        name: str,
    ) -> None:
        super().__init__(name)
        self._session, self.path, self.old, self.new, self.merge_key = (
            session,
            path,
            old,
            new,
            merge_key,
        )

    def id(self) -> int:
        return _SET_VALUE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, SetValue)
            and other.path == self.path
            and self.merge_key
            and other.merge_key == self.merge_key
        ):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self._session.apply(self.path, self.new)

    def undo(self) -> None:
        self._session.apply(self.path, self.old)


class EditSession(QObject):
    """Draft + file + undo stack; emits ``draftChanged(path)`` and ``checked(Check)``."""

    draftChanged = Signal(tuple)
    checked = Signal(object)
    fileChanged = Signal()
    cleanChanged = Signal(bool)
    """The posting became saved (True) or unsaved (False): the undo stack's, passed on."""
    stepped = Signal()
    """An edit, undo or redo happened."""

    def __init__(self, parent: QObject | None = None, *, checking: bool = True) -> None:
        """``checking=False``: start on an empty draft and check nothing until
        ``start_checking()`` (see the module's note); otherwise on the blank posting, checked."""
        super().__init__(parent)
        # A child of the session: destroyed after the session's own connections are cut, so
        # the "clean changed" it signals while being cleared reaches nobody half-destroyed.
        self.undo_stack = QUndoStack(self)
        # Others listen to the session, not to the stack: the session's connections are cut
        # before the stack is destroyed, and the stack signals while it is being cleared.
        self.undo_stack.cleanChanged.connect(self.cleanChanged)
        self.undo_stack.indexChanged.connect(self.stepped)
        self._checking = checking
        self._loaded = checking
        """A posting was loaded (or the blank one made): an empty draft is not one yet."""
        self._draft: Draft = {}
        self._check: Check | None = None
        if checking:
            from jdeditor.draft import blank_draft, check  # noqa: PLC0415 - loads the model

            self._draft = blank_draft()
            self._check = check(self._draft)
        self.file_path: Path | None = None
        self.origin = ""
        """Where an unsaved document came from, e.g. the preset name; shown in the title."""
        self.field_name: Callable[[FieldPath], str] = _field_label
        """Names a field in an undo step; the window hands it the form's labels, which are in
        the user's language (the core's are English)."""

    @property
    def draft(self) -> Draft:
        return self._draft

    @property
    def last_check(self) -> Check:
        """The check of the draft as it is; asked before ``start_checking()``, it starts now."""
        if self._check is None:
            self.start_checking()
        assert self._check is not None  # start_checking() checked the draft
        return self._check

    @property
    def checking(self) -> bool:
        """Whether changes are checked as they happen (see ``start_checking``)."""
        return self._checking

    def start_checking(self, checked: tuple[Draft, Check] | None = None) -> None:
        """Check the draft now and every change from now on; emits ``checked``.

        The draft taken before (``load`` while not checking) becomes its model form, as
        ``load`` makes it, unless the user has edited it since: the fields they are typing
        in must not change under them. Nothing loaded yet means the blank posting, with any
        edit made on the empty draft kept. ``checked``: a draft and its check made elsewhere
        (the start checks on a worker thread), used if that draft is still the one here.
        """
        if self._checking:
            return
        from jdeditor.draft import blank_draft, check, draft_of  # noqa: PLC0415 - the model

        self._checking = True
        draft = self._draft
        if not self._loaded:
            draft = _with_defaults(blank_draft(), draft)
        result = checked[1] if checked is not None and checked[0] is draft else check(draft)
        if result.document is not None and self.undo_stack.count() == 0:
            draft = draft_of(result.document)
        changed = [
            key
            for key in draft.keys() | self._draft.keys()
            if draft.get(key) != self._draft.get(key)
        ]
        self._draft = draft
        self._check = result
        for key in sorted(changed):  # the same values in another form: no scrolling back
            self.draftChanged.emit((key,))
        self.checked.emit(result)

    def display_name(self) -> str:
        if self.file_path is not None:
            return self.file_path.name
        return self.origin or self.tr("Untitled")

    def load(self, draft: Draft, file_path: Path | None, origin: str = "") -> None:
        """Start editing ``draft``: a new undo history, clean unless told otherwise.

        All or nothing: the draft is checked before anything changes, so a draft the check
        cannot take leaves the open document, its file and its history as they were. Before
        ``start_checking()``, the draft is taken as it is and checked then.
        """
        result: Check | None = None
        if self._checking:
            from jdeditor.draft import check, draft_of  # noqa: PLC0415 - loaded by now

            result = check(draft)
            if result.document is not None:
                # A valid posting is edited in its model form: "45000" typed as text in a file
                # is the number 45000 in the pay box, so a later edit keeps it.
                draft = draft_of(result.document)
        self.undo_stack.clear()
        self._draft = draft
        self._check = result
        self._loaded = True
        self.file_path = file_path
        self.origin = origin
        self.undo_stack.setClean()
        self.draftChanged.emit(())
        if result is not None:
            self.checked.emit(result)
        self.fileChanged.emit()

    def set_value(self, path: FieldPath, value: Any, merge_key: str = "", name: str = "") -> None:
        """The user changed a field: one undoable step (merged into the last when typing);
        ``name`` names the step in the Undo menu when it is not a plain edit."""
        old = value_at(self._draft, path)
        if old == value:
            return
        if not name:
            field = self.field_name(path) if path else self.tr("the posting")
            name = self.tr("Edit {field}").format(field=field)
        self.undo_stack.push(SetValue(self, path, old, value, merge_key, name=name))

    def apply(self, path: FieldPath, value: Any) -> None:
        """Set a value without recording it; for undo commands only."""
        self._draft = with_value(self._draft, path, value)
        self._changed(path)

    def mark_saved(self, file_path: Path) -> None:
        self.file_path = file_path
        self.undo_stack.setClean()
        self.fileChanged.emit()

    def _changed(self, path: FieldPath) -> None:
        if not self._checking:  # checked once the model is there (start_checking)
            self.draftChanged.emit(path)
            return
        from jdeditor.draft import check  # noqa: PLC0415 - loaded by now

        self._check = check(self._draft)
        self.draftChanged.emit(path)
        self.checked.emit(self._check)


def _with_defaults(defaults: Draft, draft: Draft) -> Draft:
    """``draft`` with every key it lacks taken from ``defaults``, in nested objects too."""
    merged = dict(defaults)
    for key, value in draft.items():
        default = defaults.get(key)
        if isinstance(value, dict) and isinstance(default, dict):
            merged[key] = _with_defaults(default, value)
        else:
            merged[key] = value
    return merged
