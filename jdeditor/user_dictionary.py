"""The user's own dictionary: words the spelling check must accept (names, the team's terms).

One word per line in ``<user data dir>/jdeditor/dictionary.txt``, UTF-8; the window and the CLI
both read it. A file that cannot be read as text is never written over: adding a word then fails
with a message naming the file, and the check runs without the user's words.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from jdeditor.checks import Message, term
from jdeditor.files import DocumentError, atomic_write, make_folder, read_user_file
from jdeditor.i18n import N_

MAX_BYTES = 1024 * 1024
"""About 100,000 words: far more than anyone adds by hand."""
WORD_MAX = 100


def dictionary_path() -> Path:
    return platformdirs.user_data_path("jdeditor", appauthor=False) / "dictionary.txt"


def read_words(path: Path | None = None) -> frozenset[str]:
    """The words in the dictionary file; none when it does not exist yet.

    Raises ``DocumentError`` (naming the file) when it exists but is not a readable text file.
    """
    return _read(path or dictionary_path())[1]


def _read(path: Path) -> tuple[bytes, frozenset[str]]:
    if not path.exists() and not path.is_symlink():
        return b"", frozenset()
    data = read_user_file(path, MAX_BYTES, term(N_("a dictionary")))
    try:
        text = data.decode("utf-8-sig")  # a BOM from Notepad is not part of the first word
    except UnicodeDecodeError as error:
        raise DocumentError(
            path,
            Message(N_("is not UTF-8 text (byte {offset}); fix or remove it"), offset=error.start),
        ) from None
    return data, frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def add_word(word: str, path: Path | None = None) -> frozenset[str]:
    """Add ``word`` to the dictionary (once) and return every word now in it."""
    path = path or dictionary_path()
    word = word.strip()
    if not word or len(word) > WORD_MAX or any(char.isspace() for char in word):
        said = Message(N_("cannot take “{word}”: a word is one word"), word=word[:WORD_MAX])
        raise DocumentError(path, said)
    existing, words = _read(path)
    if word.casefold() in {known.casefold() for known in words}:
        return words
    if existing and not existing.endswith(b"\n"):
        existing += b"\n"
    make_folder(path.parent)
    # Read, add, replace: two windows adding a word in the same instant can lose one of the
    # two words (never the file); the user adds it again.
    atomic_write(path, existing + word.encode("utf-8") + b"\n")
    return words | {word}
