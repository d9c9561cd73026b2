"""Forms of the routine screen: a dose, and an exercise of one's own. Each
hands what was typed to ``attempt``, which saves it or says why not; the
form stays open, with the reason, until a save goes through or escape."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from practice.app.text import plain
from practice.catalog import Dose, PyramidDose
from practice.catalog.bounds import FIELDS, UNITS, WORDS, Bounds, span
from practice.catalog.dose import kind_of

Attempt = Callable[[dict[str, str]], "str | None"]
"""Save the form's values (text, by field); the reason it could not, or None."""


class Form(ModalScreen[bool]):
    """Labelled inputs; enter saves (through ``attempt``), escape leaves."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("enter", "save", "Save", priority=True)]

    def __init__(self, title: str, fields: list[tuple[str, str, str]], attempt: Attempt, note: str = "") -> None:
        """``fields``: (name, label, value) for each input."""
        super().__init__()
        self.title_text, self.fields, self.attempt, self.note = title, fields, attempt, note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Label(plain(self.title_text), classes="dialog-title")
            if self.note:
                yield Static(plain(self.note), classes="form-note")
            with VerticalScroll():
                for name, label, value in self.fields:
                    yield Label(label, markup=False)
                    yield Input(value, id=f"field-{name}", max_length=500, compact=True)
            yield Label(id="form-error", markup=False)
            yield Label("[b]tab[/b] next   [b]enter[/b] save   [b]escape[/b] cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def values(self) -> dict[str, str]:
        return {name: self.query_one(f"#field-{name}", Input).value.strip() for name, _, _ in self.fields}

    def action_save(self) -> None:
        problem = self.attempt(self.values())
        if problem is None:
            self.dismiss(True)
        else:
            self.query_one("#form-error", Label).update(plain(problem))

    def action_cancel(self) -> None:
        self.dismiss(False)


def _value(dose: Dose, field: str) -> str:
    value = getattr(dose, field)
    return "-".join(map(str, value)) if field == "ladder" else str(value)


def dose_form(name: str, dose: Dose, base: Dose, bounds: Bounds, own: bool, attempt: Attempt) -> Form:
    """The fields of ``dose`` a person may set, each with its range."""
    fields = []
    for field in FIELDS[kind_of(dose)]:
        low, high = span(base, bounds, field, own)
        unit = UNITS.get(field, "")
        allowed = f"stays at {low}{unit}" if low == high else f"{low} to {high}{unit}"
        what = "each step of the pyramid, e.g. 5-3-1" if field == "ladder" else WORDS[field]
        fields.append((field, f"{what.capitalize()} ({allowed})", _value(dose, field)))
    total = bounds.total
    within = "" if total is None else (f" In all, {total[0]} s on each side." if total[0] == total[1] else
                                       f" In all, {total[0]} to {total[1]} s on each side (hold x reps).")
    note = (f"From today on; past days keep theirs. The level's own dose: {base.describe()}.{within}"
            if not own else "From today on; past days keep theirs.")
    return Form(f"Your dose of {name}", fields, attempt, note)


OWN_FIELDS = [
    ("name", "Name"),
    ("phase", "Phase: release, stretch, glutes or back (the four keep their order)"),
    ("kind", "Kind of dose: hold, reps or pyramid (short holds, such as 8 s x 5-3-1)"),
    ("amount", "Seconds per hold (hold, pyramid) or repetitions (reps)"),
    ("reps", "Holds (hold), sets (reps) or the pyramid's steps, such as 5-3-1"),
    ("per_side", "Each side? yes or no"),
    ("days", "Days: daily, 3x/week, or weekdays such as mon,wed,fri"),
    ("kit", "Kit it needs: none, foam-roller, ball, step, kettlebell or gym"),
    ("cues", "How to do it (separate lines with ;)"),
    ("caution", "Your caution: when to stop or leave it out"),
    ("flare_safe", "Fine on a flare day? yes or no"),
]


def own_values(own) -> dict[str, str]:
    """An own exercise's values as the form shows them."""
    dose = own.dose
    amount = dose.reps if kind_of(dose) == "reps" else dose.seconds
    second = {"hold": lambda: dose.reps, "reps": lambda: dose.sets,
              "pyramid": lambda: "-".join(map(str, dose.ladder))}[kind_of(dose)]()
    yes = {True: "yes", False: "no"}
    return {"name": own.name, "phase": own.phase.name.lower(), "kind": kind_of(dose), "amount": str(amount),
            "reps": str(second), "per_side": yes[dose.per_side], "days": own.days.text, "kit": own.kit,
            "cues": "; ".join(own.cues), "caution": own.caution, "flare_safe": yes[own.flare_safe]}


def own_form(title: str, values: dict[str, str], attempt: Attempt) -> Form:
    note = ("It is done like any other exercise (timer, ticks, streaks, report), marked as your own. "
            "Limits: holds of 5 s to 2 min (pyramid holds up to 10 s), up to 20 reps in up to 3 sets.")
    return Form(title, [(name, label, values.get(name, "")) for name, label in OWN_FIELDS], attempt, note)


def dose_of(values: dict[str, str]) -> Dose:
    """The dose an own exercise's form describes; ValueError says what is wrong."""
    from practice.catalog import HoldDose, RepsDose

    kind = values["kind"].lower()
    per_side = values["per_side"].lower() in ("yes", "y")
    try:
        amount = int(values["amount"])
        if kind == "pyramid":
            return PyramidDose(amount, tuple(int(n) for n in values["reps"].split("-")), per_side=per_side)
        second = int(values["reps"] or "1")
    except ValueError:
        raise ValueError("the dose needs whole numbers (and a pyramid steps such as 5-3-1)") from None
    if kind == "hold":
        return HoldDose(amount, reps=second, per_side=per_side)
    if kind == "reps":
        return RepsDose(amount, sets=second, per_side=per_side)
    raise ValueError("the kind of dose is hold, reps or pyramid")
