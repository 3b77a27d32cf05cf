"""The window's language: which one (the command line, View ▸ Language, the system's), Qt's
catalogues for it installed before the first widget exists, and labels without their
accelerators.

Our strings are Qt's ``.ts`` → ``.qm`` (``resources/translations/jdeditor_<language>.qm``, made
by the build); Qt's own (the buttons of its message boxes and file dialogs) come from the
``qtbase_<language>.qm`` PySide6 ships. The core's messages follow through
``jdeditor.i18n.set_ui_language``. A change made in the menu takes effect at the next start:
retranslating every live widget would touch every pane for a choice made once.

After changing a string of the window, bring the catalogue up to date and translate what it
marks unfinished (``tests/ui/test_translations.py`` fails until nothing is)::

    pyside6-lupdate jdeditor/ui/*.py -ts resources/translations/jdeditor_zh_CN.ts \
        -no-obsolete -locations none
    pyside6-lrelease resources/translations/jdeditor_zh_CN.ts   # to try it before a build
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from jdeditor import _paths, i18n
from jdeditor.ui import dialogs

LANGUAGE_KEY = "ui/language"
"""The language chosen in View ▸ Language: a catalogue language, or absent for the system's."""
_TRANSLATOR = "jdeditorTranslator"
"""The object name of the translators installed here, to find them again when replacing."""
_ACCELERATOR = re.compile(r"\s*\(&[^&)]\)|&(?=[^&])")
"""'&File' and the Chinese '文件(&F)': the ampersand, or the whole bracketed suffix."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's name: the one lupdate reads
    """Marks ``text`` for the catalogue under ``context``, to be translated where it is shown
    (``QCoreApplication.translate(context, text)``); typed, unlike PySide6's own."""
    return text


def plain(text: str) -> str:
    """A menu label as a tooltip or a toolbar shows it: 'Save &As…' → 'Save As…',
    '另存为(&A)…' → '另存为…'; '&&' stays a literal '&'."""
    return _ACCELERATOR.sub("", text).replace("&&", "&")


def system_language() -> str:
    """The catalogue language of the system's locale: Simplified Chinese or English."""
    return i18n.catalogue_language(QLocale.system().name())


def chosen_language(settings: QSettings, override: str | None = None) -> str:
    """The language of this run: ``override`` (``--lang``) wins over the menu's choice,
    which wins over the system's."""
    if override:
        return i18n.catalogue_language(override)
    stored = str(settings.value(LANGUAGE_KEY, "") or "")
    return stored if stored in i18n.LANGUAGES else system_language()


def translations_dir() -> Path:
    return _paths.resources_dir() / "translations"


QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
"""Labels of Qt 6's own file dialog that the qtbase catalogue PySide6 ships (written for Qt
5's "Look in:") lacks: they are in our catalogue, under Qt's context, where the dialog looks
them up, since our translator is installed after Qt's."""


def install_translators(
    app: QCoreApplication, language: str, folder: Path | None = None
) -> list[QTranslator]:
    """Speak ``language`` from now on: our catalogue and Qt's, and the core's messages.

    Call before the first widget is made: widgets translate their text once, when built.
    Replaces translators an earlier call installed. English, the source, needs no catalogue.
    A missing catalogue of ours is a broken build: ``FileNotFoundError`` names it (nothing
    is installed then, and the core stays in English). Qt's own missing leaves its dialogs'
    buttons in English, which is all it would change.
    """
    for old in app.findChildren(QTranslator, _TRANSLATOR):
        app.removeTranslator(old)
        old.deleteLater()
    language = i18n.catalogue_language(language)
    if language == i18n.SOURCE_LANGUAGE:
        i18n.set_ui_language(language)
        return []
    ours = QTranslator(app)
    path = (folder or translations_dir()) / f"jdeditor_{language}.qm"
    if not ours.load(str(path)):
        ours.deleteLater()
        i18n.set_ui_language(i18n.SOURCE_LANGUAGE)
        raise FileNotFoundError(
            f"{path}: the {language} window catalogue is not built; reinstall jdeditor "
            "(pip install -e .) so the build compiles it"
        )
    installed = [ours]
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt)
    else:
        qt.deleteLater()
    for translator in installed:
        translator.setObjectName(_TRANSLATOR)
        app.installTranslator(translator)
    i18n.set_ui_language(language)
    return installed


class LanguageMenu(QMenu):
    """View ▸ Language: the system's language or one of ours, remembered in the settings and
    used from the next start. Each language is named in itself, so it can be found by
    someone who cannot read the language the window is in."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Language"), parent)
        self._settings = settings
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        stored = str(settings.value(LANGUAGE_KEY, "") or "")
        choices = [("", self.tr("System Default")), *i18n.LANGUAGE_NAMES.items()]
        for value, name in choices:
            action = self.addAction(name)
            action.setCheckable(True)
            action.setData(value)
            action.setChecked(value == (stored if stored in i18n.LANGUAGES else ""))
            self._group.addAction(action)
            if not value:
                self.addSeparator()
        self._group.triggered.connect(self._chosen)

    def language_actions(self) -> list[QAction]:
        """The choices in menu order: system default, then each language."""
        return self._group.actions()

    @Slot(QAction)
    def _chosen(self, action: QAction) -> None:
        value = str(action.data() or "")
        if value == str(self._settings.value(LANGUAGE_KEY, "") or ""):
            return
        if value:
            self._settings.setValue(LANGUAGE_KEY, value)
        else:
            self._settings.remove(LANGUAGE_KEY)
        self._settings.sync()
        parent = self.parentWidget()
        dialogs.show_message(
            parent if parent is not None else self,
            self.tr("Language"),
            self.tr("The language changes when jdeditor next starts."),
        )
