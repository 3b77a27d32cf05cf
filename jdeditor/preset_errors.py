"""The preset library's errors: each says what cannot be done, in plain words in the user's
language (composed when raised); the window and the command line show the message."""

from __future__ import annotations

from pathlib import Path

from jdeditor.preset_files import FileVersion


class LibraryError(Exception):
    """A preset operation that cannot be done; the message says why in plain words, in the
    user's language (composed when raised)."""


class PresetNameError(LibraryError):
    pass


class PresetExistsError(LibraryError):
    pass


class BuiltInNameError(PresetExistsError):
    """The name is a built-in preset's: never available to a user preset, even to overwrite."""


class PresetNotFoundError(LibraryError):
    pass


class ReadOnlyPresetError(LibraryError):
    pass


class TeamPresetExistsError(PresetExistsError):
    """Publishing would replace a team preset: ask, then publish again with ``replace`` set to
    ``version``, the version the user agreed to replace."""

    def __init__(self, message: str, path: Path, version: FileVersion) -> None:
        super().__init__(message)
        self.path = path
        self.version = version
