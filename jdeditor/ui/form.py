"""The form: every field of a posting, grouped as a hiring manager thinks of them.

It only lays out editors and routes: a user's edit goes out as ``fieldEdited(path, value,
merge_key)``; values come in with ``show(draft)``; problems with ``show_problems``, of which
it marks the ones its ``ErrorDisclosure`` shows (the problem list follows the same one).

Mnemonics: Alt and a letter focuses a field. A letter works only where it is unique in the
window, and the menus own F, E, V, P and H, which leaves fewer usable letters than the form
has labels: the fields people jump to have one, the others are a Tab or two from a neighbour
that has one (State or region after City, Application email and link after How to apply).

A form made with ``deferred=True`` (the window's start) builds only the groups at its top, with
the choices that need no CLDR data, so that a posting shows and takes typing soon after the
window paints; ``build_step()`` adds the rest a group at a time (the start calls it between
other work), and anything that needs a field not built yet builds the rest at once. It needs
neither pydantic nor the model: a draft is plain data, and problems come in as findings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCollator, QCoreApplication, QEvent, QLocale, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jdeditor import i18n
from jdeditor.draft import Draft, value_at
from jdeditor.schema import (
    EducationLevel,
    EmploymentType,
    LabelledEnum,
    Level,
    PayPeriod,
    WorkArrangement,
)
from jdeditor.ui.fields import (
    CheckField,
    ChoiceField,
    Choices,
    FieldEditor,
    LineField,
    ListField,
    TextField,
    YearsField,
)

if TYPE_CHECKING:
    from babel import Locale

    from jdeditor.checks import FieldPath, Finding
    from jdeditor.ui.highlights import Mark
    from jdeditor.ui.problems import ErrorDisclosure

_LAYOUT_LEVELS = 8
"""More than the levels between a field's innermost widget and the form's scroll area."""
_COMMON_CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "CNY", "JPY", "INR", "PHP", "MXN"]
_COMMON_LANGUAGES = ["en-US", "en-GB", "en", "zh-CN", "zh-TW", "es", "fr", "de", "ja", "pt-BR"]
_FIRST_GROUPS = 2
"""Groups a deferred form builds at once: Basics and Summary fill a window's form pane."""
# _NO_QT: what builds those groups does not read PySide's ``Qt`` namespace (``QtCore.Qt`` is
# read in methods that run later): the first read makes Python enums of all its ninety-odd
# enumerations, a fifth of a bare window's start. A property set by the value's name does
# what the enum would (see main_window.py); tests/ui/test_startup.py checks that it waits.


def _choices(enum: type[LabelledEnum], *, optional: bool = True) -> Choices:
    """An enum's members named in the user's language, after "Not stated" where allowed."""
    empty: Choices = [(None, QCoreApplication.translate("Form", "Not stated"))] if optional else []
    return empty + [(member.value, i18n.label(member)) for member in enum]


def _ui_locale() -> Locale:
    from babel import Locale  # noqa: PLC0415 - CLDR data: after the form shows

    return Locale.parse(i18n.ui_language())


def _countries() -> Choices:
    """Every country, named by CLDR in the user's language and sorted by that name as the
    language sorts (Qt's collation: Chinese by pinyin, 阿根廷 before 中国). The code follows
    each name, so typing it in the closed box finds the country too."""
    names = _ui_locale().territories
    collator = QCollator(QLocale(i18n.ui_language()))
    codes = sorted(
        (code for code in names if isinstance(code, str) and len(code) == 2),
        key=lambda code: collator.sortKey(names[code]),
    )
    template = QCoreApplication.translate("Form", "{country} ({code})")
    return [("", QCoreApplication.translate("Form", "Not stated"))] + [
        (code, template.format(country=names[code], code=code)) for code in codes
    ]


def _currencies() -> list[str]:
    """Every ISO 4217 code CLDR knows, the common ones first."""
    from babel.numbers import list_currencies  # noqa: PLC0415 - CLDR data: after the form shows

    return _COMMON_CURRENCIES + sorted(set(list_currencies()) - set(_COMMON_CURRENCIES))


def _language_name(tag: str) -> str:
    """A posting language's name in the user's language ('zh-CN' → 'Chinese (China)')."""
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 - CLDR data

    try:
        name = Locale.parse(tag, sep="-").get_display_name(_ui_locale())
    except (ValueError, UnknownLocaleError):
        return tag
    return name or tag


class Form(QScrollArea):
    fieldEdited = Signal(tuple, object, str)

    def __init__(self, parent: QWidget | None = None, *, deferred: bool = False) -> None:
        """``deferred``: build the first groups only, the rest with ``build_step()`` (above)."""
        super().__init__(parent)
        self.setWidgetResizable(True)
        # As needed, not off: a pane made narrower than the form's narrowest layout (a wide
        # presets pane on a small screen) must scroll, not cut the fields off.
        self.setProperty("horizontalScrollBarPolicy", "ScrollBarAsNeeded")  # see _NO_QT
        self.setAccessibleName(self.tr("Posting form"))
        self._editors: dict[FieldPath, FieldEditor] = {}
        self._disclosure: ErrorDisclosure | None = None
        self._draft: Draft = {}
        self._problems: list[Finding] = []
        self._marks: dict[FieldPath, list[Mark]] = {}
        self._focus_left: QWidget | None = None
        """Where focus was when it left the application, to tell its return from a move."""
        self._content = content = QWidget(self)
        self._column = QVBoxLayout(content)
        self._column.setSpacing(10)
        self._groups = 0
        self._to_build: list[Callable[[], None]] = [
            self._build_basics,
            self._build_summary,
            self._build_duties,
            self._build_qualifications,
            self._build_background,
            self._build_certifications,
            self._build_kpis,
            self._build_pay,
            self._build_company,
            self._build_equal_opportunity,
        ]
        self._choices_complete = False
        for _ in range(_FIRST_GROUPS if deferred else len(self._to_build)):
            self.build_step()
        if not deferred:
            self.complete_choices()
        self._column.addStretch(1)
        self.setWidget(content)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    # -- layout ------------------------------------------------------------------------------
    @property
    def complete(self) -> bool:
        """Every field is built and every choice is there (always, unless made ``deferred``)."""
        return not self._to_build and self._choices_complete

    @property
    def groups_left(self) -> int:
        """The groups of fields ``build_step`` has still to build."""
        return len(self._to_build)

    def build_step(self) -> bool:
        """Build the next group of fields; False once there is none left to build.

        The new fields show the draft, problems and marks the form was last given.
        """
        if not self._to_build:
            return False
        built = set(self._editors)
        self._to_build.pop(0)()
        new = [path for path in self._editors if path not in built]
        for path in new:
            self._editors[path].set_value(value_at(self._draft, path))
        if new and (self._problems or self._marks):
            self.show_problems(self._problems)
            self.show_advice_marks(self._marks)
        return bool(self._to_build)

    def build_rest(self) -> None:
        """Build every group still to build and complete the choices, now: something needs
        a field of one."""
        while self.build_step():
            pass
        self.complete_choices()

    def _build_basics(self) -> None:
        basics = self._group(self.tr("Basics"))
        self._row(
            basics,
            self.tr("&Title"),
            LineField(
                ("title",),
                self.tr("Job title"),
                placeholder=self.tr("e.g. Call Center Agent"),
                tooltip=self.tr("Required. Job boards show about 60–100 characters of a title."),
            ),
        )
        self._row(
            basics, self.tr("&Level"), ChoiceField(("level",), self.tr("Level"), _choices(Level))
        )
        self._row(basics, self.tr("&Department"), LineField(("department",), self.tr("Department")))
        self._row(
            basics,
            self.tr("Employment t&ype"),
            ChoiceField(("employment_type",), self.tr("Employment type"), _choices(EmploymentType)),
        )
        self._row(
            basics,
            self.tr("&Work arrangement"),
            ChoiceField(
                ("work_arrangement",), self.tr("Work arrangement"), _choices(WorkArrangement)
            ),
        )
        self._row(basics, self.tr("C&ity"), LineField(("location", "locality"), self.tr("City")))
        self._row(
            basics,
            self.tr("State or region"),
            LineField(("location", "region"), self.tr("State or region")),
        )
        # Every country once CLDR's names are loaded (_complete_choices); until then a value
        # shows as its code.
        self._country = ChoiceField(
            ("location", "country"),
            self.tr("Country"),
            [("", QCoreApplication.translate("Form", "Not stated"))],
            provisional=True,
        )
        self._row(basics, self.tr("Cou&ntry"), self._country)
        self._language = ChoiceField(
            ("language",),
            self.tr("Posting language"),
            [(tag, tag) for tag in _COMMON_LANGUAGES],
            editable=True,
            tooltip=self.tr(
                "A BCP 47 tag such as en-US or zh-CN: sets the "
                "document's language, page size and pay format."
            ),
        )
        self._row(basics, self.tr("Lan&guage"), self._language)

    def _build_summary(self) -> None:
        summary = self._group(self.tr("Summary"))
        self._row(
            summary,
            self.tr("About the &role"),
            TextField(
                ("summary",),
                self.tr("Summary"),
                tooltip=self.tr("A short paragraph; a blank line starts a new one."),
            ),
        )

    def _build_duties(self) -> None:
        duties = self._group(self.tr("Re&sponsibilities"))
        self._row(
            duties,
            "",
            ListField(
                ("responsibilities",),
                self.tr("Responsibilities"),
                tooltip=self.tr("At least one. Enter on the last item adds the next."),
            ),
        )

    def _build_qualifications(self) -> None:
        qualifications = self._group(self.tr("Qualifications and skills"))
        self._row(
            qualifications,
            self.tr("Re&quired"),
            ListField(("required_qualifications",), self.tr("Required qualifications")),
        )
        self._row(
            qualifications,
            self.tr("Preferred"),
            ListField(("preferred_qualifications",), self.tr("Preferred qualifications")),
        )
        self._row(qualifications, self.tr("S&kills"), ListField(("skills",), self.tr("Skills")))

    def _build_background(self) -> None:
        background = self._group(self.tr("Education and experience"))
        self._row(
            background,
            self.tr("&Minimum education"),
            ChoiceField(
                ("education", "minimum_level"),
                self.tr("Minimum education"),
                _choices(EducationLevel),
            ),
        )
        self._row(
            background,
            self.tr("Preferred education"),
            ChoiceField(
                ("education", "preferred_level"),
                self.tr("Preferred education"),
                _choices(EducationLevel),
            ),
        )
        self._row(
            background,
            self.tr("Fields of study"),
            ListField(("education", "fields_of_study"), self.tr("Fields of study")),
        )
        self._row(
            background,
            "",
            CheckField(
                ("education", "experience_in_place_of_education"),
                self.tr("Experience can replace formal education"),
            ),
        )
        self._row(
            background,
            self.tr("Minimum e&xperience"),
            YearsField(("experience", "minimum_years"), self.tr("Minimum years of experience")),
        )
        self._row(
            background,
            self.tr("Experience"),
            TextField(("experience", "description"), self.tr("Experience")),
        )

    def _build_certifications(self) -> None:
        certifications = self._group(self.tr("Certifications"))
        self._row(certifications, "", ListField(("certifications",), self.tr("Certifications")))

    def _build_kpis(self) -> None:
        kpis = self._group(self.tr("How success is measured"))
        self._row(kpis, "", ListField(("kpis",), self.tr("How success is measured")))

    def _build_pay(self) -> None:
        pay = self._group(self.tr("Pay and benefits"))
        from jdeditor.ui.pay_field import PayField  # noqa: PLC0415 - see fields.py

        self._pay = PayField(
            ("salary",), self.tr("Pay"), _COMMON_CURRENCIES, _choices(PayPeriod, optional=False)
        )
        self._row(pay, self.tr("P&ay"), self._pay)
        self._row(pay, self.tr("&Benefits"), ListField(("benefits",), self.tr("Benefits")))

    def _build_company(self) -> None:
        company = self._group(self.tr("Company and how to apply"))
        self._row(
            company, self.tr("&Company"), LineField(("company", "name"), self.tr("Company name"))
        )
        self._row(
            company,
            self.tr("Abo&ut the company"),
            TextField(("company", "about"), self.tr("About the company")),
        )
        self._row(
            company,
            self.tr("Website"),
            LineField(
                ("company", "website"),
                self.tr("Company website"),
                placeholder="https://example.com",
            ),
        )
        self._row(
            company,
            self.tr("H&ow to apply"),
            TextField(("how_to_apply", "instructions"), self.tr("How to apply")),
        )
        self._row(
            company,
            self.tr("Application email"),
            LineField(
                ("how_to_apply", "email"),
                self.tr("Application email"),
                placeholder="jobs@example.com",
            ),
        )
        self._row(
            company,
            self.tr("Application link"),
            LineField(
                ("how_to_apply", "url"),
                self.tr("Application link"),
                placeholder="https://example.com/apply",
            ),
        )
        self._row(
            company,
            self.tr("Date posted"),
            LineField(
                ("date_posted",),
                self.tr("Date posted"),
                placeholder=self.tr("YYYY-MM-DD; the export fills in its own date if empty"),
            ),
        )
        self._row(
            company,
            self.tr("Apply by"),
            LineField(("valid_through",), self.tr("Apply by"), placeholder=self.tr("YYYY-MM-DD")),
        )

    def _build_equal_opportunity(self) -> None:
        equal = self._group(self.tr("Equal opportunity"))
        self._row(
            equal, "", TextField(("equal_opportunity",), self.tr("Equal-opportunity statement"))
        )

    def complete_choices(self) -> None:
        """What needs CLDR's data: every country and currency, and the languages' names.

        Builds the fields they are in first, if they are not built yet.
        """
        if self._choices_complete:
            return
        while self._to_build:  # the pay is in the last groups
            self.build_step()
        self._choices_complete = True
        self._country.set_choices(_countries())
        self._pay.add_currencies(_currencies())
        combo = self._language.combo
        for index, tag in enumerate(_COMMON_LANGUAGES):  # the tag is the value; the name helps
            combo.setItemData(index, _language_name(tag), QtCore.Qt.ItemDataRole.ToolTipRole)

    def _group(self, title: str) -> QFormLayout:
        # A mnemonic in a group's title focuses the group's first field (its list).
        box = QGroupBox(title, self._content)
        box.setAccessibleName(title.replace("&", ""))
        layout = QFormLayout(box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.setProperty("labelAlignment", "AlignRight|AlignTop")  # see _NO_QT
        # Above the stretch that ends the column, once there is one (a group built later).
        self._column.insertWidget(self._groups, box)
        self._groups += 1
        if box.isHidden() and self._content.isVisible():
            box.show()  # a child added to a shown widget stays hidden until shown
        return layout

    def _row(self, layout: QFormLayout, label: str, editor: FieldEditor) -> None:
        editor.edited.connect(lambda value, key, path=editor.path: self._edited(path, value, key))
        self._editors[editor.path] = editor
        if label:
            caption = QLabel(label)
            caption.setBuddy(editor.buddy())
            layout.addRow(caption, editor)
        else:
            layout.addRow(editor)

    def _edited(self, path: FieldPath, value: object, merge_key: str) -> None:
        # Touched first: the check this edit causes already shows the field's errors.
        if self._disclosure is not None:
            self._disclosure.touch(path)
        self.fieldEdited.emit(path, value, merge_key)

    # -- data in -----------------------------------------------------------------------------
    def show_draft(self, draft: Draft, changed: FieldPath = ()) -> None:
        """Show the draft's values; only editors under ``changed`` when it is given.

        A whole new posting (no ``changed``) shows from its top: the previous one's scroll
        position means nothing in it.
        """
        self._draft = draft
        for path, editor in self._editors.items():
            if not changed or path[: len(changed)] == changed or changed[: len(path)] == path:
                editor.set_value(value_at(draft, path))
        if not changed:
            self.verticalScrollBar().setValue(0)
            self.horizontalScrollBar().setValue(0)

    def set_disclosure(self, disclosure: ErrorDisclosure) -> None:
        """Mark only the errors ``disclosure`` shows, and tell it which fields the user edits."""
        self._disclosure = disclosure

    def show_problems(self, problems: list[Finding]) -> None:
        """Mark each field with its problems; clear the marks of fields that have none."""
        if self._disclosure is None:
            from jdeditor.ui.problems import ErrorDisclosure  # noqa: PLC0415 - loads the model

            self._disclosure = ErrorDisclosure()
        self._problems = problems
        by_editor: dict[FieldPath, list[Finding]] = {path: [] for path in self._editors}
        for problem in self._disclosure.shown(problems):
            owner = self.editor_path_for(problem.path)
            if owner is not None:
                by_editor[owner].append(problem)
        for path, owned in by_editor.items():
            self._editors[path].set_problems(owned)

    def show_advice(self, findings: list[Finding]) -> None:
        """Wavy lines under the words the advice is about: red for spelling, blue otherwise."""
        from jdeditor.checks import Family  # noqa: PLC0415 - loaded with the findings

        marks: dict[FieldPath, list[Mark]] = {}
        for finding in findings:
            if finding.span is not None and finding.path:
                kind = "spelling" if finding.family == Family.SPELLING else "advice"
                marks.setdefault(finding.path, []).append((*finding.span, kind))
        self.show_advice_marks(marks)

    def show_advice_marks(self, marks: dict[FieldPath, list[Mark]]) -> None:
        """The wavy lines of ``show_advice``, by the full path of the text they are in."""
        self._marks = marks
        for editor in self._editors.values():
            editor.set_marks(marks)

    def select_text(self, path: FieldPath, span: tuple[int, int] | None) -> None:
        """Go to the field at ``path``; with ``span``, select those characters of its text."""
        owner = self._built_editor_path_for(path)
        if owner is None:
            return
        self.focus_field(path)
        if span is not None:
            self._editors[owner].select_text(path, *span)

    def editor_path_for(self, path: FieldPath) -> FieldPath | None:
        """The editor that shows ``path``: the one whose path is its longest prefix."""
        for length in range(len(path), 0, -1):
            if path[:length] in self._editors:
                return path[:length]
        return None

    def _built_editor_path_for(self, path: FieldPath) -> FieldPath | None:
        """``editor_path_for``, building the rest of the form first if it is not built yet."""
        owner = self.editor_path_for(path)
        if owner is None and not self.complete:
            self.build_rest()
            owner = self.editor_path_for(path)
        return owner

    def field_name(self, path: FieldPath) -> str:
        """The field at ``path`` as the form names it ("Skills, item 3"), for undo steps."""
        owner = self.editor_path_for(path)
        if owner is None:
            from jdeditor.checks import field_label  # noqa: PLC0415 - loads the model

            return field_label(path)
        name = self._editors[owner].label
        rest = path[len(owner) :]
        if rest and isinstance(rest[0], int):
            return self.tr("{field}, item {number}").format(field=name, number=rest[0] + 1)
        return name

    def focus_field(self, path: FieldPath) -> None:
        owner = self._built_editor_path_for(path)
        if owner is None:
            return
        editor = self._editors[owner]
        self.ensureWidgetVisible(editor, 40, 80)
        editor.focus_path(path)

    def editor(self, path: FieldPath) -> FieldEditor:
        if path not in self._editors:
            self.build_rest()
        return self._editors[path]

    # -- focus -------------------------------------------------------------------------------
    @Slot(QWidget, QWidget)
    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """Keep the field the keyboard went to in view: a label's mnemonic jumps to fields
        scrolled away, and a list's new row opens below where the list ended. Not when focus
        only comes back to where it left the window: the form stays where it was scrolled.
        """
        returning = old is None and new is self._focus_left
        self._focus_left = old if new is None else None
        if new is None or returning or not self._content.isAncestorOf(new):
            return
        # Later, once the layouts have settled: a list that grew by a row moves what is below.
        QTimer.singleShot(0, self._show_focus)

    @Slot()
    def _show_focus(self) -> None:
        focus = QApplication.focusWidget()
        if focus is None or not self._content.isAncestorOf(focus):
            return
        # A change of size travels up one widget per posted layout request (the list, its
        # editor, its field, its group, the form, the scroll area): deliver those still on
        # their way, so the field is measured where it ends up, not where it was.
        for _ in range(_LAYOUT_LEVELS):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        # The whole field where it fits (a list with its buttons and message), then the spot
        # being typed in (the current row of a list taller than the view).
        field = focus.parentWidget()
        while field is not None and not isinstance(field, FieldEditor):
            field = field.parentWidget()
        if field is not None:
            self.ensureWidgetVisible(field, 0, 0)
        self.ensureWidgetVisible(focus, 20, 40)
