"""The form for an exercise of one's own: its name, phase, dose, days, kit,
how to do it, the person's caution and the figure it shows. Kinds, phases,
kit and poses are chosen, never typed; numbers are read by
:mod:`practice.numbers`, as on the command line; every field is checked by
:mod:`practice.validate.routine` before anything is saved, so that every
problem shows under its own field at once."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from textual import on
from textual.widgets import Select

from practice.app.routine.forms import Attempt, Field, Form, Unfit, Values
from practice.app.routine.kit import KIT_CHOICES
from practice.catalog import Dose, HoldDose, PyramidDose, RepsDose
from practice.catalog.bounds import OWN_BOUNDS, span
from practice.catalog.fit import own_dose_field_problems
from practice.catalog.dose import kind_of
from practice.catalog.model import MAT_PHASES, NO_POSE
from practice.errors import Invalid
from practice.journal.own_catalog import OwnExercise
from practice.numbers import ladder, whole_number
from practice.validate import routine as check

T = TypeVar("T")
KINDS = (("a hold (seconds, times)", "hold"), ("repetitions, in sets", "reps"),
         ("a pyramid of short holds", "pyramid"))
AMOUNT = {"hold": ("Seconds a hold", "seconds"), "reps": ("Repetitions", "reps"),
          "pyramid": ("Seconds a hold", "seconds")}
SECOND = {"hold": ("Holds", "reps"), "reps": ("Sets", "sets"), "pyramid": ("Pyramid steps", "ladder")}
"""The two numbers of each kind of dose: the form's words and the dose's field."""
WORKS = (("nothing marked", NO_POSE), ("one leg (the side at work)", "leg"), ("one arm (the side at work)", "arm"))
NOTE = "Done like any other exercise from today on (timer, ticks, streaks, report), marked as your own."


def _phases() -> list[tuple[str, str]]:
    return [(f"{phase.value}. {phase.title}", phase.name.lower()) for phase in MAT_PHASES]


def _limits(kind: str, field: str) -> str:
    """"5 to 3600" for a number of an own dose of ``kind``."""
    bounds = OWN_BOUNDS[kind]
    low, high = span(HoldDose(5) if kind == "hold" else RepsDose(1) if kind == "reps" else PyramidDose(5, (1,)),
                     bounds, field, own=True)
    return f"{low} to {high}"


def _number_fields(kind: str, values: Mapping[str, Any]) -> list[Field]:
    (amount, amount_field), (second, second_field) = AMOUNT[kind], SECOND[kind]
    unit = " s" if amount_field == "seconds" else ""
    steps = "each step " if second_field == "ladder" else ""
    return [
        Field("amount", amount, values["amount"], f"{amount}: {_limits(kind, amount_field)}{unit}."),
        Field("reps", second, values["reps"],
              f"{second}: {steps}{_limits(kind, second_field)}" + (", such as 5-3-1." if steps else ".")),
    ]


def own_fields(values: Mapping[str, Any]) -> list[Field]:
    from practice.figures import base_poses  # (the figures load when the form first opens)

    kind = str(values["kind"])
    poses = [("none (no figure)", NO_POSE), *((words, key) for key, words in base_poses().items() if key != NO_POSE)]
    return [
        Field("name", "Name", values["name"], "What to call it.", example="such as Wall sit"),
        Field("phase", "Phase", values["phase"], "Where it comes in the session: the four phases keep their order.",
              _phases()),
        Field("kind", "Kind of dose", kind, "A hold for seconds, a number of times; repetitions in sets; or a "
              "pyramid of short holds, such as 8 s holds 5, 3 and 1 times.", KINDS),
        *_number_fields(kind, values),
        Field("per_side", "Sides", values["per_side"], "Done on one side, then the other (space ticks).",
              tick="each side in turn"),
        Field("days", "Days", values["days"], "Days: daily, 3x/week, or weekdays such as mon,wed,fri."),
        Field("kit", "Kit it needs", values["kit"], "The one piece of kit it needs, if any.",
              [("no kit", "none"), *((words, key) for key, words in KIT_CHOICES.items())]),
        Field("pose", "Figure: pose", values["pose"], "The position its figure shows on the exercise screens.",
              poses),
        Field("works", "Figure: works", values["works"],
              "What the figure marks as working; with each side in turn, the side at work.", WORKS),
        Field("cues", "How to do it", values["cues"], "In your own words; put ; between lines.",
              example="such as Back to the wall; slide down slowly"),
        Field("caution", "Your caution", values["caution"],
              "When to stop or leave it out (your physiotherapist's words, say).",
              example="such as Stop if a knee hurts"),
        Field("flare_safe", "Flare days", values["flare_safe"], "Whether it may be done on a flare day.",
              tick="fine on a flare day"),
    ]


def new_values(phase: str) -> dict[str, str | bool]:
    return {"name": "", "phase": phase, "kind": "hold", "amount": "30", "reps": "1", "per_side": False,
            "days": "daily", "kit": "none", "pose": NO_POSE, "works": NO_POSE, "cues": "", "caution": "",
            "flare_safe": False}


def own_values(own: OwnExercise) -> dict[str, str | bool]:
    """An own exercise's values as the form shows them."""
    dose = own.dose
    kind = kind_of(dose)
    amount = dose.reps if isinstance(dose, RepsDose) else dose.seconds
    second = (dose.reps if isinstance(dose, HoldDose) else dose.sets if isinstance(dose, RepsDose)
              else "-".join(map(str, dose.ladder)))
    return {"name": own.name, "phase": own.phase.name.lower(), "kind": kind, "amount": str(amount),
            "reps": str(second), "per_side": dose.per_side, "days": own.days.text, "kit": own.kit,
            "pose": own.pose, "works": own.works, "cues": "; ".join(own.cues), "caution": own.caution,
            "flare_safe": own.flare_safe}


class OwnForm(Form):
    """The form, its two numbers named after the kind of dose chosen."""

    @on(Select.Changed, "#field-kind")
    def _kind_chosen(self, event: Select.Changed) -> None:
        for field in _number_fields(str(event.value), {"amount": "", "reps": ""}):
            self.relabel(field.name, field.label, field.help)


def own_form(title: str, values: Mapping[str, Any], attempt: Attempt) -> OwnForm:
    return OwnForm(title, own_fields(values), attempt, NOTE)


def own_changes(values: Values) -> dict[str, Any]:
    """What the form says, checked field by field, as the editor takes it
    (:meth:`~practice.journal.editor.RoutineEditor.add_own`); :class:`Unfit`
    with every problem, each under its field."""
    problems: dict[str, str] = {}

    def checked(name: str, read: Callable[[], T]) -> T | None:
        try:
            return read()
        except Invalid as exc:
            problems[name] = str(exc).removeprefix(f"{name}: ")
            return None

    text = {k: v for k, v in values.items() if isinstance(v, str)}
    cues = [c.strip() for c in text["cues"].split(";") if c.strip()]
    found = {
        "name": checked("name", lambda: check.name(text["name"])),
        "phase": text["phase"],
        "days": checked("days", lambda: check.days(text["days"])),
        "kit": text["kit"],
        "cues": checked("cues", lambda: check.cues(cues) if cues else _none_given()),
        "caution": checked("caution", lambda: check.caution(text["caution"])),
        "flare_safe": values["flare_safe"] is True,
        "pose": text["pose"],
        "works": checked("works", lambda: check.works(text["works"], text["pose"])),
        "dose": _dose(values, checked, problems),
    }
    if problems:
        raise Unfit(problems)
    return found


def _none_given() -> tuple[str, ...]:
    raise Invalid("say how it is done (put ; between lines)")


def _dose(values: Values, checked: Callable[[str, Callable[[], Any]], Any], problems: dict[str, str]) -> Dose | None:
    kind, per_side = str(values["kind"]), values["per_side"] is True
    amount = checked("amount", lambda: whole_number(str(values["amount"])))
    second = checked("reps", lambda: ladder(str(values["reps"])) if kind == "pyramid"
                     else whole_number(str(values["reps"])))
    if amount is None or second is None:
        return None
    dose: Dose = (HoldDose(amount, reps=second, per_side=per_side) if kind == "hold" else
                  RepsDose(amount, sets=second, per_side=per_side) if kind == "reps" else
                  PyramidDose(amount, second, per_side=per_side))
    fields = {AMOUNT[kind][1]: "amount", SECOND[kind][1]: "reps", "total": "amount", "kind": "kind"}
    for field, problem in own_dose_field_problems(dose):
        problems.setdefault(fields.get(field, "amount"), problem)
    return dose
