"""The routine screen's forms: a row per field (a label, then typed text, a
choice or a tick), a line of help for the field the cursor is in, and the
keys. Enter hands the values to ``attempt``, which saves them or says what
is wrong; each problem shows in words under its field, the first such field
takes the cursor and is scrolled into view, and a line that always shows
says how many there are. The form stays open until a save goes through, or
escape.

A form is one row per field so that it fits 80x24; a smaller window
scrolls the fields, never the help, the problems' line or the keys.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import DescendantFocus
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from practice.app.checklist import Tick
from practice.app.text import plain
from practice.catalog import Dose, Exercise, Level
from practice.catalog.bounds import FIELDS, UNITS, WORDS, Bounds, span
from practice.catalog.dose import kind_of
from practice.errors import Invalid
from practice.numbers import ladder, whole_number
from practice.words import count

Values = Mapping[str, "str | bool"]
"""What a form holds, by field name: text (typed or chosen) or a tick."""
Problems = Mapping[str, str]
"""What is wrong, by field name ("" for the form as a whole); empty: nothing."""
Attempt = Callable[[Values], Problems]
"""Save a form's values; what is wrong, or nothing once it is saved."""


class Field(NamedTuple):
    name: str
    label: str
    """A few words, beside the field."""
    value: str | bool
    """Text to edit, the value chosen, or (a bool) a tick."""
    help: str = ""
    """A line said while the cursor is in the field."""
    choices: Sequence[tuple[str, str]] = ()
    """(words, value) to choose from: a choice, not text."""
    tick: str = ""
    """For a tick: the words beside it."""
    example: str = ""
    """For text: what shows while it is empty."""


class Unfit(Exception):
    """A form's values that cannot be saved, with what is wrong by field."""

    def __init__(self, problems: Problems) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


class Form(ModalScreen[bool]):
    """A field a row; enter saves (through ``attempt``), escape leaves."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("enter", "save", "Save", priority=True)]

    def __init__(self, title: str, fields: Sequence[Field], attempt: Attempt, note: str = "") -> None:
        super().__init__()
        self.title_text, self.fields, self.attempt, self.note = title, list(fields), attempt, note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Label(plain(self.title_text), classes="dialog-title")
            if self.note:
                yield Static(plain(self.note), classes="form-note")
            with VerticalScroll(id="form-fields"):
                for field in self.fields:
                    with Horizontal(classes="form-row", id=f"row-{field.name}"):
                        yield Label(field.label, classes="form-label", id=f"label-{field.name}", markup=False)
                        yield _control(field)
                    yield Label(classes="form-problem", id=f"problem-{field.name}", markup=False)
            yield Label(id="form-help", markup=False)
            yield Label(id="form-problems", markup=False)
            choose = "   [b]space[/b] choose or tick" if any(f.choices or isinstance(f.value, bool)
                                                          for f in self.fields) else ""
            yield Label(f"[b]tab[/b] next{choose}   [b]enter[/b] save   [b]escape[/b] cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(f"#field-{self.fields[0].name}").focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self, problem: str | None = None) -> None:
        """The fields scroll in the rows the window leaves them, so the
        help, the problems' line and the keys always show; then the field
        with ``problem`` and the words under it are scrolled into view."""
        dialog, fields = self.query_one(".dialog"), self.query_one("#form-fields", VerticalScroll)
        rows = dialog.styles.gutter.height + sum(w.outer_size.height + w.styles.margin.height
                                                  for w in dialog.children if w is not fields)
        most = max(3, self.size.height - rows)
        if fields.styles.max_height is None or fields.styles.max_height.value != most:
            fields.styles.max_height = most
        if problem is not None:
            self.call_after_refresh(self._bring_into_view, problem)

    def _bring_into_view(self, name: str) -> None:
        fields = self.query_one("#form-fields", VerticalScroll)
        row, said = self.query_one(f"#row-{name}"), self.query_one(f"#problem-{name}")
        top = row.virtual_region.y
        bottom = said.virtual_region.bottom
        if top < fields.scroll_y or bottom > fields.scroll_y + fields.scrollable_content_region.height:
            fields.scroll_to(y=max(top, bottom - fields.scrollable_content_region.height), animate=False)

    @on(DescendantFocus)
    def _follow_the_cursor(self, event: DescendantFocus) -> None:
        """The field with the cursor: its label marked (in reverse, which
        shows without colour too) and its help said."""
        name = (event.widget.id or "").removeprefix("field-")
        field = next((f for f in self.fields if f.name == name), None)
        if field is not None:
            for row in self.query(".form-row"):
                row.set_class(row.id == f"row-{name}", "-current")
            self.query_one("#form-help", Label).update(plain(field.help))
            shown = self.query_one(f"#problem-{name}").has_class("-shown")
            self.call_after_refresh(self._fit, name if shown else None)  # (help of another length)

    def relabel(self, name: str, label: str, help: str = "") -> None:
        """Change what a field says (when another field's choice changes its meaning)."""
        at = next(n for n, f in enumerate(self.fields) if f.name == name)
        self.fields[at] = self.fields[at]._replace(label=label, help=help or self.fields[at].help)
        self.query_one(f"#label-{name}", Label).update(plain(label))

    def values(self) -> dict[str, str | bool]:
        found: dict[str, str | bool] = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, Input):
                found[field.name] = widget.value.strip()
            elif isinstance(widget, Tick):
                found[field.name] = widget.value
            elif isinstance(widget, Select):
                found[field.name] = str(widget.value)
        return found

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save" and any(s.expanded for s in self.query(Select)):
            return False  # enter picks from the open list
        return True

    def action_save(self) -> None:
        problems = self.attempt(self.values())
        if not problems:
            self.dismiss(True)
            return
        self.show(problems)

    def show(self, problems: Problems) -> None:
        """Each problem under its field (one no field owns in the line
        below the fields), the cursor in the first field with one."""
        names = [f.name for f in self.fields]
        for name in names:
            problem = self.query_one(f"#problem-{name}", Label)
            problem.update(plain(f"↑ {problems[name]}" if name in problems else ""))
            problem.set_class(name in problems, "-shown")
        placed = [self._label_of(n) for n in names if n in problems]
        lines = [_sentence(said) for name, said in problems.items() if name not in names and said]
        if placed:
            lines.append(f"{count(len(placed), 'field')} to put right: {', '.join(placed)}.")
        summary = self.query_one("#form-problems", Label)
        summary.update(plain(" ".join(lines)))
        summary.set_class(True, "-shown")
        first = next((n for n in names if n in problems), None)
        if first is not None:
            self.query_one(f"#field-{first}").focus(scroll_visible=False)
        self.call_after_refresh(self._fit, first)

    def _label_of(self, name: str) -> str:
        return next(f.label for f in self.fields if f.name == name)

    def action_cancel(self) -> None:
        self.dismiss(False)


def attributed(message: str, fields: Mapping[str, str]) -> tuple[str, str]:
    """A refusal from the validation layer (``own exercise caution: ...``)
    as (the form's field it is about, or "", and what is wrong); ``fields``
    maps the names the layer gives to the form's."""
    said = message.removeprefix("own exercise ")
    for name, field in fields.items():
        if said.startswith(f"{name}: "):
            return field, said.removeprefix(f"{name}: ")
    return "", said


def _sentence(words: str) -> str:
    return words[:1].upper() + words[1:] + ("" if words.endswith((".", "!", "?")) else ".")


def _control(field: Field) -> Widget:
    widget_id = f"field-{field.name}"
    if isinstance(field.value, bool):
        return Tick(field.tick, field.value, id=widget_id)
    if field.choices:
        return Select(field.choices, value=field.value, allow_blank=False, compact=True, id=widget_id)
    return Input(field.value, placeholder=field.example, id=widget_id, max_length=500, compact=True)


# The dose of any exercise ---------------------------------------------------------

DOSE_LABELS = {"hold": {"seconds": "Seconds a hold", "reps": "Holds"},
               "reps": {"reps": "Repetitions", "sets": "Sets"},
               "pyramid": {"seconds": "Seconds a hold", "ladder": "Pyramid steps"}}
REST_LABEL = "Rest between (s)"


def _value(dose: Dose, field: str) -> str:
    value = getattr(dose, field)
    return "-".join(map(str, value)) if field == "ladder" else str(value)


def dose_form(name: str, dose: Dose, base: Dose, bounds: Bounds, own: bool, attempt: Attempt) -> Form:
    """The fields of ``dose`` a person may set, each with its range."""
    fields = []
    kind = kind_of(dose)
    for field in FIELDS[kind]:
        low, high = span(base, bounds, field, own)
        unit = UNITS.get(field, "")
        allowed = f"stays at {low}{unit}" if low == high else f"{low} to {high}{unit}"
        label = DOSE_LABELS[kind].get(field, REST_LABEL)
        each, example = ("each step ", ", such as 5-3-1") if field == "ladder" else ("", "")
        fields.append(Field(field, label, _value(dose, field), f"{label}: {each}{allowed}{example}."))
    total = bounds.total
    within = "" if total is None else (f" In all, {total[0]} s on each side." if total[0] == total[1] else
                                       f" In all, {total[0]} to {total[1]} s on each side (hold x reps).")
    note = (f"From today on; past days keep theirs. The level's own dose: {base.describe()}.{within}"
            if not own else "From today on; past days keep theirs.")
    return Form(f"Your dose of {name}", fields, attempt, note)


def dose_changes(values: Values, exercise: Exercise, level: Level, dose: Dose) -> dict[str, int | tuple[int, ...]]:
    """The numbers a dose form holds, for
    :meth:`~practice.journal.editor.RoutineEditor.set_dose`, checked against
    ``level``'s bounds as changes to ``dose``; :class:`Unfit` says what is
    wrong under each field (and which level takes the dose, if one does)."""
    from practice.catalog.fit import dose_field_problems, nearest_level
    from practice.journal.editor import changed_dose

    problems: dict[str, str] = {}
    changes: dict[str, int | tuple[int, ...]] = {}
    for field, text in values.items():
        try:
            changes[field] = ladder(str(text)) if field == "ladder" else whole_number(str(text))
        except Invalid as exc:
            problems[field] = str(exc)
    if problems:
        raise Unfit(problems)
    changed = changed_dose(dose, changes)
    found: dict[str, str] = {}
    for field, problem in dose_field_problems(exercise, level, changed):
        found.setdefault(field, problem)
    if found:
        other = nearest_level(exercise, level, changed)
        if other is not None:
            found[""] = f"Level {other.number} ({other.name}) takes that dose: v changes the level."
        raise Unfit(found)
    return changes
