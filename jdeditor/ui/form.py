"""The form: every field of a posting, grouped as a hiring manager thinks of them.

It only lays out editors and routes: a user's edit goes out as ``fieldEdited(path, value,
merge_key)``; values come in with ``show(draft)``; problems with ``show_problems``, of which
it marks the ones its ``ErrorDisclosure`` shows (the problem list follows the same one).

Mnemonics: Alt and a letter focuses a field. A letter works only where it is unique in the
window, and the menus own F, E, V, P and H, which leaves fewer usable letters than the form
has labels: the fields people jump to have one, the others are a Tab or two from a neighbour
that has one (State or region after City, Application email and link after How to apply).
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from babel.numbers import list_currencies
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
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
from jdeditor.checks import Family, FieldPath, Finding, field_label
from jdeditor.draft import Draft, value_at
from jdeditor.model import (
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
    PayField,
    TextField,
    YearsField,
)
from jdeditor.ui.highlights import Mark
from jdeditor.ui.problems import ErrorDisclosure

_LAYOUT_LEVELS = 8
"""More than the levels between a field's innermost widget and the form's scroll area."""
_COMMON_CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "CNY", "JPY", "INR", "PHP", "MXN"]
_COMMON_LANGUAGES = ["en-US", "en-GB", "en", "zh-CN", "zh-TW", "es", "fr", "de", "ja", "pt-BR"]


def _choices(enum: type[LabelledEnum], *, optional: bool = True) -> Choices:
    """An enum's members named in the user's language, after "Not stated" where allowed."""
    empty: Choices = [(None, QCoreApplication.translate("Form", "Not stated"))] if optional else []
    return empty + [(member.value, i18n.label(member)) for member in enum]


def _ui_locale() -> Locale:
    return Locale.parse(i18n.ui_language())


def _countries() -> Choices:
    """Every country, named by CLDR in the user's language and sorted by that name.

    Sorted by code point: right for English, and for Chinese an order by character rather
    than by pinyin (CLDR's Chinese collation needs ICU, which jdeditor does not ship). The
    code follows each name, so typing it in the closed box finds the country too.
    """
    names = _ui_locale().territories
    codes = sorted(
        (code for code in names if isinstance(code, str) and len(code) == 2),
        key=lambda code: names[code],
    )
    template = QCoreApplication.translate("Form", "{country} ({code})")
    return [("", QCoreApplication.translate("Form", "Not stated"))] + [
        (code, template.format(country=names[code], code=code)) for code in codes
    ]


def _language_name(tag: str) -> str:
    """A posting language's name in the user's language ('zh-CN' → 'Chinese (China)')."""
    try:
        name = Locale.parse(tag, sep="-").get_display_name(_ui_locale())
    except (ValueError, UnknownLocaleError):
        return tag
    return name or tag


class Form(QScrollArea):
    fieldEdited = Signal(tuple, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        # As needed, not off: a pane made narrower than the form's narrowest layout (a wide
        # presets pane on a small screen) must scroll, not cut the fields off.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setAccessibleName(self.tr("Posting form"))
        self._editors: dict[FieldPath, FieldEditor] = {}
        self._disclosure = ErrorDisclosure()
        self._focus_left: QWidget | None = None
        """Where focus was when it left the application, to tell its return from a move."""
        self._content = content = QWidget(self)
        self._column = QVBoxLayout(content)
        self._column.setSpacing(10)
        self._build()
        self._column.addStretch(1)
        self.setWidget(content)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
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
        self._row(
            basics,
            self.tr("Cou&ntry"),
            ChoiceField(("location", "country"), self.tr("Country"), _countries()),
        )
        language = ChoiceField(
            ("language",),
            self.tr("Posting language"),
            [(tag, tag) for tag in _COMMON_LANGUAGES],
            editable=True,
            tooltip=self.tr(
                "A BCP 47 tag such as en-US or zh-CN: sets the "
                "document's language, page size and pay format."
            ),
        )
        for index, tag in enumerate(_COMMON_LANGUAGES):  # the tag is the value; the name helps
            language.combo.setItemData(index, _language_name(tag), Qt.ItemDataRole.ToolTipRole)
        self._row(basics, self.tr("Lan&guage"), language)

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

        certifications = self._group(self.tr("Certifications"))
        self._row(certifications, "", ListField(("certifications",), self.tr("Certifications")))

        kpis = self._group(self.tr("How success is measured"))
        self._row(kpis, "", ListField(("kpis",), self.tr("How success is measured")))

        pay = self._group(self.tr("Pay and benefits"))
        currencies = _COMMON_CURRENCIES + sorted(set(list_currencies()) - set(_COMMON_CURRENCIES))
        self._row(
            pay,
            self.tr("P&ay"),
            PayField(("salary",), self.tr("Pay"), currencies, _choices(PayPeriod, optional=False)),
        )
        self._row(pay, self.tr("&Benefits"), ListField(("benefits",), self.tr("Benefits")))

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

        equal = self._group(self.tr("Equal opportunity"))
        self._row(
            equal, "", TextField(("equal_opportunity",), self.tr("Equal-opportunity statement"))
        )

    def _group(self, title: str) -> QFormLayout:
        # A mnemonic in a group's title focuses the group's first field (its list).
        box = QGroupBox(title, self._content)
        box.setAccessibleName(title.replace("&", ""))
        layout = QFormLayout(box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._column.addWidget(box)
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
        self._disclosure.touch(path)
        self.fieldEdited.emit(path, value, merge_key)

    # -- data in -----------------------------------------------------------------------------
    def show_draft(self, draft: Draft, changed: FieldPath = ()) -> None:
        """Show the draft's values; only editors under ``changed`` when it is given.

        A whole new posting (no ``changed``) shows from its top: the previous one's scroll
        position means nothing in it.
        """
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
        by_editor: dict[FieldPath, list[Finding]] = {path: [] for path in self._editors}
        for problem in self._disclosure.shown(problems):
            owner = self.editor_path_for(problem.path)
            if owner is not None:
                by_editor[owner].append(problem)
        for path, owned in by_editor.items():
            self._editors[path].set_problems(owned)

    def show_advice(self, findings: list[Finding]) -> None:
        """Wavy lines under the words the advice is about: red for spelling, blue otherwise."""
        marks: dict[FieldPath, list[Mark]] = {}
        for finding in findings:
            if finding.span is not None and finding.path:
                kind = "spelling" if finding.family == Family.SPELLING else "advice"
                marks.setdefault(finding.path, []).append((*finding.span, kind))
        for editor in self._editors.values():
            editor.set_marks(marks)

    def select_text(self, path: FieldPath, span: tuple[int, int] | None) -> None:
        """Go to the field at ``path``; with ``span``, select those characters of its text."""
        owner = self.editor_path_for(path)
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

    def field_name(self, path: FieldPath) -> str:
        """The field at ``path`` as the form names it ("Skills, item 3"), for undo steps."""
        owner = self.editor_path_for(path)
        if owner is None:
            return field_label(path)
        name = self._editors[owner].label
        rest = path[len(owner) :]
        if rest and isinstance(rest[0], int):
            return self.tr("{field}, item {number}").format(field=name, number=rest[0] + 1)
        return name

    def focus_field(self, path: FieldPath) -> None:
        owner = self.editor_path_for(path)
        if owner is None:
            return
        editor = self._editors[owner]
        self.ensureWidgetVisible(editor, 40, 80)
        editor.focus_path(path)

    def editor(self, path: FieldPath) -> FieldEditor:
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
