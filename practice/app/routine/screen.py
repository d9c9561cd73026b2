"""Your routine: every exercise by phase, on or off, its level, dose and days,
changed from the keyboard with a preview of the day's length. Changes apply
from today on; past days keep the plans they kept."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from practice.app.list_page import ListPage
from practice.app.messages import PlanChanged
from practice.app.routine.forms import Attempt, Problems, Unfit, Values, attributed
from practice.app.rows import put
from practice.app.text import plain
from practice.catalog import Phase
from practice.journal import overview
from practice.journal.editor import RoutineEditor
from practice.errors import BacktuiError
from practice.validate.routine import OWN_FIELDS as OWN_FORM_FIELDS

EMPTY: Mapping[str, str] = {}


class RoutineScreen(ListPage):
    PAGE_ID, ABOVE_ID, LIST_ID, DETAIL_ID = "routine-page", "routine-preview", "routine-list", "routine-detail"
    BINDINGS = [
        Binding("space", "switch", "On/off"),
        Binding("d", "dose", "Dose"),
        Binding("w", "days", "Days"),
        Binding("v", "level", "Level"),
        Binding("left_square_bracket", "move(-1)", "Up", key_display="["),
        Binding("right_square_bracket", "move(1)", "Down", key_display="]"),
        Binding("r", "reset", "Reset", show=False),
        Binding("a", "add", "Add own"),
        Binding("e", "edit", "Edit own", show=False),
        Binding("x", "delete", "Delete own", show=False),
        Binding("i", "kit", "Kit"),
        Binding("t", "start", "Your start", show=False),
        Binding("escape", "close", "Today"),
    ]

    def on_mount(self) -> None:
        self.sub_title = "your routine"
        self.editor = RoutineEditor(self.session.journal)
        self.refresh_list()
        self.set_focus(self.query_one(OptionList))

    def refresh_list(self, select: str | None = None) -> None:
        """Read the routine again and show it, the cursor on ``select`` (or where it was)."""
        listing = self.query_one(OptionList)
        select = select or self._selected()
        self.lines = {line.exercise.id: line for line in overview.lines(self.session.journal)}
        rows: list[tuple[str | None, str]] = []
        for phase in Phase:
            rows.append((None, f"{phase.value}. {phase.title}"))
            rows += [(i, line.text) for i, line in self.lines.items() if line.exercise.phase == phase]
        shown = getattr(self, "_rows", [])
        if [i for i, _ in rows] == [i for i, _ in shown]:  # the same exercises in order: only what changed
            for n, (row, before) in enumerate(zip(rows, shown)):
                if row != before:
                    listing.replace_option_prompt_at_index(n, plain(row[1]))
        else:
            listing.clear_options()
            listing.add_options([Option(plain(text), id=i) if i else
                                 Option(Content.styled(text, "bold"), disabled=True) for i, text in rows])
        self._rows = rows
        ids = [i for i, _ in rows]
        wanted = ids.index(select) if select is not None and select in ids else 1  # (headers' ids are None)
        if listing.highlighted != wanted:
            listing.highlighted = wanted
        put(self.query_one("#routine-preview", Static), overview.preview(self.session.journal), layout=True)
        self.show_detail()

    def show_detail(self) -> None:
        line = self.lines.get(self._selected() or "")
        put(self.query_one("#routine-detail", Static), line.detail if line else "", layout=True)

    def _if_yes(self, change: Callable[[], object], said: str) -> Callable[[bool | None], None]:
        """What a yes to a question does: the change, saved and said."""

        def answered(yes: bool | None) -> None:
            if yes:
                self._save(change, said)

        return answered

    def _save(self, change: Callable[[], object], said: str) -> None:
        """Save a change and show the routine as it is now."""
        if self.host.saved(lambda: change()):
            self.notify(said, timeout=4)
        self.refresh_list()

    def _attempt(self, change: Callable[[Values], object], said: str, fields: Mapping[str, str] = EMPTY) -> Attempt:
        """A form's save: the change, or what is wrong (by field, where the
        refusal names one of ``fields``: the layer's name -> the form's)."""
        def attempt(values: Values) -> Problems:
            try:
                change(values)
            except Unfit as unfit:
                return unfit.problems
            except BacktuiError as exc:
                field, reason = attributed(str(exc), fields)
                return {field: reason}
            self.host.news.publish(PlanChanged())  # (saved here, to say what the form got wrong)
            self.notify(said, timeout=4)
            self.refresh_list()
            return {}

        return attempt

    def _line(self) -> overview.Line | None:
        return self.lines.get(self._selected() or "")

    # Changes ------------------------------------------------------------------

    def action_switch(self) -> None:
        line = self._line()
        if line is not None:
            on = not line.on
            said = f"{line.exercise.name} is {'in' if on else 'out of'} your routine from today on."
            if on and line.left_out:
                said += f" It needs {line.left_out}, which your kit does not have (k)."
            self._save(lambda: self.editor.switch(line.exercise.id, on), said)

    def action_dose(self) -> None:
        from practice.app.routine.forms import dose_changes, dose_form

        line = self._line()
        if line is None:
            return
        e, level = line.exercise, line.level
        attempt = self._attempt(lambda values: self.editor.set_dose(e.id, **dose_changes(values, e, level, line.dose)),
                                f"Your dose of {e.name} is saved, from today on.")
        self.app.push_screen(dose_form(e.name, line.dose, level.dose, level.bounds, e.own, attempt))

    def action_days(self) -> None:
        from practice.app.routine.forms import Field, Form

        line = self._line()
        if line is None:
            return
        e = line.exercise
        planned = (line.level.schedule or e.schedule).describe()
        field = Field("days", "Days", line.days.text, "Days: daily, 3x/week, or weekdays such as mon,wed,fri.")
        form = Form(f"Days for {e.name}", [field],
                    self._attempt(lambda v: self.editor.set_days(e.id, str(v["days"])),
                                  f"{e.name}: your days are saved, from today on.", {"days": "days"}),
                    note=f"Planned: {planned}. A level change keeps your days.")
        self.app.push_screen(form)

    def action_level(self) -> None:
        from practice.app.dialogs import ConfirmScreen, LevelDialog
        from practice.journal.coach import DoseChoice
        from practice.day.kit import ruled_out

        line = self._line()
        if line is None or line.exercise.own:
            return
        e, coach = line.exercise, self.editor.coach

        def chosen(number: int | None) -> None:
            if number is None:
                return
            try:
                coach.set_level(e.id, number)
            except DoseChoice as choice:
                question = (f"Your own dose of {e.name} ({choice.dose.describe()}) does not fit level {number}. "
                            f"Use level {number}'s dose ({e.level(number).dose.describe()}) instead?")
                self.app.push_screen(ConfirmScreen(question), self._if_yes(
                    lambda: coach.set_level(e.id, number, reset_dose=True), f"{e.name}: level {number}, its own dose."))
                return
            except BacktuiError as exc:
                self.notify(str(exc), title="Not saved", severity="error")
                return
            self.host.news.publish(PlanChanged())
            self.notify(f"{e.name}: level {number} from today on.", timeout=4)
            self.refresh_list()

        self.app.push_screen(LevelDialog(e, line.level.number, ruled_out(e, self.editor.journal.db.settings().routine)),
                             chosen)

    def action_move(self, delta: int) -> None:
        """One place up or down among the phase's exercises that are on (an
        exercise that is off: among them all), or why it cannot."""
        line = self._line()
        if line is None:
            return
        moved = self.host.save(lambda: self.editor.move(line.exercise.id, delta))
        if moved is not None:
            self.notify(moved.why_not or f"Moved {line.exercise.name} {'up' if delta < 0 else 'down'}.", timeout=4)
        self.refresh_list()

    def action_reset(self) -> None:
        line = self._line()
        if line is not None and not line.exercise.own:
            self._save(lambda: self.editor.reset(line.exercise.id),
                       f"{line.exercise.name}: back to its level's dose and days.")

    def action_add(self) -> None:
        from practice.app.routine.own_form import new_values, own_form

        line = self._line()
        phase = line.exercise.phase.name.lower() if line and line.exercise.phase != Phase.WALK else "glutes"
        self.app.push_screen(own_form("An exercise of your own", new_values(phase), self._attempt_own(None)))

    def action_edit(self) -> None:
        from practice.app.routine.own_form import own_form, own_values
        from practice.journal.own_catalog import OwnExercise

        line = self._line()
        if line is None or not line.exercise.own:
            self.notify("Only your own exercises can be edited (d and w set any exercise's dose and days).")
            return
        values = own_values(OwnExercise.of(line.exercise))
        self.app.push_screen(own_form(f"Edit {line.exercise.name}", values, self._attempt_own(line.exercise.id)))

    def _attempt_own(self, exercise_id: str | None) -> Attempt:
        from practice.app.routine.own_form import own_changes

        def change(values: Values) -> None:
            if exercise_id is None:
                self.editor.add_own(**own_changes(values))
            else:
                self.editor.edit_own(exercise_id, **own_changes(values))

        return self._attempt(change, "Saved your own exercise, from today on.",
                             {**{name: name for name in OWN_FORM_FIELDS}, "dose": "amount"})

    def action_delete(self) -> None:
        from practice.app.dialogs import ConfirmScreen

        line = self._line()
        if line is None or not line.exercise.own:
            self.notify("Only your own exercises can be deleted; space takes any exercise out.")
            return
        e = line.exercise
        question = f"Delete {e.name}, your own exercise? The days you did it keep it."
        self.app.push_screen(ConfirmScreen(question), self._if_yes(
            lambda: self.editor.delete_own(e.id), f"Deleted {e.name}; its days keep it."))

    def action_kit(self) -> None:
        self.host.ask_kit(lambda _: self.refresh_list(), more="")

    def action_start(self) -> None:
        """The answers that fitted the start (the first two weeks, walking)."""
        self.host.fit_start(lambda _: self.refresh_list())


def kit_words(change) -> str:
    """What the kit leaves out and allows, in a line or two."""
    said = "Your kit is saved."
    if change.left_out:
        said += " Left out of your plan: " + ", ".join(f"{e.name} (needs {what})" for e, what in change.left_out) + "."
    if change.possible:
        said += " It also allows, if you switch them on: " + ", ".join(e.name for e in change.possible) + "."
    return said
