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

from typing import Any

from babel import Locale
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

from jdeditor.checks import Family, FieldPath, Finding
from jdeditor.draft import Draft, value_at
from jdeditor.model import (
    EducationLevel,
    EmploymentType,
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


def _tr(text: str) -> str:
    return QCoreApplication.translate("Form", text)


def _choices(enum: Any, *, optional: bool = True) -> Choices:
    empty: Choices = [(None, _tr("Not stated"))] if optional else []
    return empty + [(member.value, member.label) for member in enum]


def _countries() -> Choices:
    names = Locale("en").territories
    codes = sorted(
        (code for code in names if isinstance(code, str) and len(code) == 2),
        key=lambda code: names[code],
    )
    return [("", _tr("Not stated"))] + [(code, f"{names[code]} ({code})") for code in codes]


class Form(QScrollArea):
    fieldEdited = Signal(tuple, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        # As needed, not off: a pane made narrower than the form's narrowest layout (a wide
        # presets pane on a small screen) must scroll, not cut the fields off.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setAccessibleName(_tr("Posting form"))
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
        basics = self._group(_tr("Basics"))
        self._row(
            basics,
            _tr("&Title"),
            LineField(
                ("title",),
                _tr("Job title"),
                placeholder=_tr("e.g. Call Center Agent"),
                tooltip=_tr("Required. Job boards show about 60–100 characters of a title."),
            ),
        )
        self._row(basics, _tr("&Level"), ChoiceField(("level",), _tr("Level"), _choices(Level)))
        self._row(basics, _tr("&Department"), LineField(("department",), _tr("Department")))
        self._row(
            basics,
            _tr("Employment t&ype"),
            ChoiceField(("employment_type",), _tr("Employment type"), _choices(EmploymentType)),
        )
        self._row(
            basics,
            _tr("&Work arrangement"),
            ChoiceField(("work_arrangement",), _tr("Work arrangement"), _choices(WorkArrangement)),
        )
        self._row(basics, _tr("C&ity"), LineField(("location", "locality"), _tr("City")))
        self._row(
            basics,
            _tr("State or region"),
            LineField(("location", "region"), _tr("State or region")),
        )
        self._row(
            basics,
            _tr("Cou&ntry"),
            ChoiceField(("location", "country"), _tr("Country"), _countries()),
        )
        self._row(
            basics,
            _tr("Lan&guage"),
            ChoiceField(
                ("language",),
                _tr("Posting language"),
                [(tag, tag) for tag in _COMMON_LANGUAGES],
                editable=True,
                tooltip=_tr(
                    "A BCP 47 tag such as en-US or zh-CN: sets the "
                    "document's language, page size and pay format."
                ),
            ),
        )

        summary = self._group(_tr("Summary"))
        self._row(
            summary,
            _tr("About the &role"),
            TextField(
                ("summary",),
                _tr("Summary"),
                tooltip=_tr("A short paragraph; a blank line starts a new one."),
            ),
        )

        duties = self._group(_tr("Re&sponsibilities"))
        self._row(
            duties,
            "",
            ListField(
                ("responsibilities",),
                _tr("Responsibilities"),
                tooltip=_tr("At least one. Enter on the last item adds the next."),
            ),
        )

        qualifications = self._group(_tr("Qualifications and skills"))
        self._row(
            qualifications,
            _tr("Re&quired"),
            ListField(("required_qualifications",), _tr("Required qualifications")),
        )
        self._row(
            qualifications,
            _tr("Preferred"),
            ListField(("preferred_qualifications",), _tr("Preferred qualifications")),
        )
        self._row(qualifications, _tr("S&kills"), ListField(("skills",), _tr("Skills")))

        background = self._group(_tr("Education and experience"))
        self._row(
            background,
            _tr("&Minimum education"),
            ChoiceField(
                ("education", "minimum_level"), _tr("Minimum education"), _choices(EducationLevel)
            ),
        )
        self._row(
            background,
            _tr("Preferred education"),
            ChoiceField(
                ("education", "preferred_level"),
                _tr("Preferred education"),
                _choices(EducationLevel),
            ),
        )
        self._row(
            background,
            _tr("Fields of study"),
            ListField(("education", "fields_of_study"), _tr("Fields of study")),
        )
        self._row(
            background,
            "",
            CheckField(
                ("education", "experience_in_place_of_education"),
                _tr("Experience can replace formal education"),
            ),
        )
        self._row(
            background,
            _tr("Minimum e&xperience"),
            YearsField(("experience", "minimum_years"), _tr("Minimum years of experience")),
        )
        self._row(
            background,
            _tr("Experience"),
            TextField(("experience", "description"), _tr("Experience")),
        )

        certifications = self._group(_tr("Certifications"))
        self._row(certifications, "", ListField(("certifications",), _tr("Certifications")))

        kpis = self._group(_tr("How success is measured"))
        self._row(kpis, "", ListField(("kpis",), _tr("How success is measured")))

        pay = self._group(_tr("Pay and benefits"))
        currencies = _COMMON_CURRENCIES + sorted(set(list_currencies()) - set(_COMMON_CURRENCIES))
        self._row(
            pay,
            _tr("P&ay"),
            PayField(("salary",), _tr("Pay"), currencies, _choices(PayPeriod, optional=False)),
        )
        self._row(pay, _tr("&Benefits"), ListField(("benefits",), _tr("Benefits")))

        company = self._group(_tr("Company and how to apply"))
        self._row(company, _tr("&Company"), LineField(("company", "name"), _tr("Company name")))
        self._row(
            company,
            _tr("Abo&ut the company"),
            TextField(("company", "about"), _tr("About the company")),
        )
        self._row(
            company,
            _tr("Website"),
            LineField(
                ("company", "website"), _tr("Company website"), placeholder="https://example.com"
            ),
        )
        self._row(
            company,
            _tr("H&ow to apply"),
            TextField(("how_to_apply", "instructions"), _tr("How to apply")),
        )
        self._row(
            company,
            _tr("Application email"),
            LineField(
                ("how_to_apply", "email"), _tr("Application email"), placeholder="jobs@example.com"
            ),
        )
        self._row(
            company,
            _tr("Application link"),
            LineField(
                ("how_to_apply", "url"),
                _tr("Application link"),
                placeholder="https://example.com/apply",
            ),
        )
        self._row(
            company,
            _tr("Date posted"),
            LineField(
                ("date_posted",),
                _tr("Date posted"),
                placeholder=_tr("YYYY-MM-DD; the export fills in its own date if empty"),
            ),
        )
        self._row(
            company,
            _tr("Apply by"),
            LineField(("valid_through",), _tr("Apply by"), placeholder=_tr("YYYY-MM-DD")),
        )

        equal = self._group(_tr("Equal opportunity"))
        self._row(equal, "", TextField(("equal_opportunity",), _tr("Equal-opportunity statement")))

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
