"""Levels: the suggestions to move an exercise up or down, or a step within
its level (each with its reason, applied only on a yes), gated exercises now
offered and left-out ones that may come back, the steps that wait for kit or
a load, and every exercise's level, any of which can be chosen by hand."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from practice.app.list_page import ListPage
from practice.app.text import plain
from practice.programme.gates import Offer
from practice.programme.rules import Suggestion, Wait, declined_words
from practice.journal.step_apply import in_its_place

NOTHING = "Nothing to suggest today: suggestions come after sessions you rate, and the mornings after them."


class LevelsScreen(ListPage):
    PAGE_ID, ABOVE_ID, LIST_ID, DETAIL_ID = "levels-page", "advice", "level-list", "why"
    BINDINGS = [
        Binding("y", "yes", "Yes"),
        Binding("n", "no", "No"),
        Binding("v", "choose", "Choose a level"),
        Binding("escape", "close", "Today"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.suggested: dict[str, Suggestion] = {}
        self.offered: dict[str, Offer] = {}
        self.waiting: dict[str, Wait] = {}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """y and n only where there is something to say yes or no to."""
        if action in ("yes", "no"):
            selected = self._selected()
            return selected in self.suggested or selected in self.offered
        return True

    def on_mount(self) -> None:
        self.sub_title = "levels"
        self.refresh_list()

    def refresh_list(self) -> None:
        coach, journal = self.session.coach, self.session.journal
        inputs = coach.inputs()
        advice = coach.advice(inputs)
        self.suggested = {s.exercise: s for s in advice.suggestions}
        self.waiting = {w.exercise: w for w in advice.waits}
        self.offered = {o.exercise: o for o in coach.offers(inputs)}
        levels = journal.levels()
        on = {i.exercise.id for i in journal.view().plan.items} | set(self.suggested)
        options: list[Option] = []
        first: list[Option] = []
        for exercise in journal.catalog.exercises:
            change = self.suggested.get(exercise.id)
            offer = self.offered.get(exercise.id)
            if exercise.id not in on and offer is None:
                continue
            level = exercise.level(levels[exercise.id])
            mark = "  "
            text = f"{exercise.name}: level {level.number} of {exercise.top}, {level.name}"
            if change is not None:
                mark = "▲ " if change.rises else "▼ "
                text += f"  →  {change.target(exercise)}"
            elif offer is not None:
                mark, text = "+ ", f"{exercise.name}: can join your routine now"
            elif exercise.id in self.waiting:
                text += f"  (waits for {'kit' if self.waiting[exercise.id].to > level.number else 'a load'}: see below)"
            (first if mark.strip() else options).append(Option(plain(mark + text), id=exercise.id))
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options([*first, *options])
        listing.highlighted = 0 if first or options else None
        self.set_focus(listing)
        count = len(self.suggested) + len(self.offered)
        self.query_one("#advice", Static).update(plain(
            (f"{count} suggestion{'s' if count != 1 else ''} (▲ up, ▼ down, + new): y says yes, n says no; "
             "nothing changes without your yes. " if count else NOTHING + " ")
            + "v chooses any level by hand; stepping down is always fine. The evidence for these steps comes "
              "from practice, not trials: trust how your back feels."))
        self.show_detail()

    def show_detail(self) -> None:
        selected = self._selected()
        found: Suggestion | Offer | Wait | None = (self.suggested.get(selected or "") or self.offered.get(selected or "")
                                                   or self.waiting.get(selected or ""))
        item = self.session.journal.catalog.get(selected or "")
        how = f"{item.level(self.session.journal.levels()[item.id]).how}" if item else ""
        self.query_one("#why", Static).update(plain((found.why + "\n\n" if found else "") + how))

    def action_yes(self) -> None:
        selected = self._selected()
        coach = self.session.coach
        if selected in self.suggested:
            suggestion = self.suggested[selected]
            if self.host.saved(lambda: coach.accept(suggestion)):
                journal = self.session.journal
                instead = in_its_place(journal, selected) if suggestion.to == 0 else ""
                self.notify(f"Saved: {suggestion.target(journal.exercise(selected))}.{instead}")
        elif selected in self.offered:
            if self.host.save(lambda: coach.switch(selected, on=True)):
                self.notify("Added to your routine at level 1.")
        else:
            return  # a row with nothing to say yes to
        self.refresh_list()

    def action_no(self) -> None:
        exercise_id = self._selected()
        if exercise_id is None:
            return
        selected = exercise_id
        coach = self.session.coach
        suggestion = self.suggested.get(selected or "")
        if suggestion is not None:
            to, words = suggestion.to, declined_words(suggestion)
        elif selected in self.offered:
            to, words = 1, f"Not added. To add it later: backtui enable {selected}"
        else:
            return  # a row with nothing to say no to
        if self.host.saved(lambda: coach.decline(exercise_id, to, suggestion)):
            self.notify(words)
        self.refresh_list()

    def action_choose(self) -> None:
        from practice.app.dialogs import LevelDialog
        from practice.day.kit import ruled_out

        selected = self._selected()
        if selected is None:
            return
        exercise = self.session.journal.exercise(selected)

        def chosen(number: int | None) -> None:
            if number is not None and self.host.saved(lambda: self.session.coach.set_level(selected, number)):
                self.refresh_list()

        journal = self.session.journal
        self.app.push_screen(LevelDialog(exercise, journal.levels()[selected],
                                         ruled_out(exercise, journal.db.settings().routine)), chosen)
