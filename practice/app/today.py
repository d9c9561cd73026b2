"""Today: the four phases and their exercises, ticked from the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Header, Label

from practice.app import messages
from practice.app.base import BackScreen
from practice.app.messages import SafetyCheck
from practice.app.footer import KeyFooter
from practice.app.ratings import RATING_HINT, RATING_KEYS
from practice.app.routine_list import RoutineList
from practice.app.rows import Row, RowState, put
from practice.app.day_line import DayLine
from practice.app.text import markup
from practice.catalog import Phase
from practice.catalog.model import MAT_PHASES
from practice.daylog import DayKind, Rating, Volume
from practice.errors import BacktuiError
from practice.programme import education
from practice.day.plan import Limit
from practice.session.today import Advice, Session

ADVICE_AFTER = 0.3
"""Seconds of quiet after a change before the advice is worked out again
(some 10 ms on a long history: never between a key and its repaint)."""
FLARE_OFFER = 7
"""A check-in at or above this offers a flare day."""
CHECK_IN_INVITATION = "Press c to check in (your back over the last 24 hours), or just begin."


class TodayScreen(BackScreen[None]):
    BINDINGS = [
        Binding("space", "tick", "Tick"),
        Binding("enter", "open", "Open"),
        Binding("g", "guide", "Guide"),
        Binding("s", "skip", "Skip"),
        Binding("u", "undo", "Undo"),
        Binding("tab", "phase(1)", "Next phase", show=False),
        Binding("shift+tab", "phase(-1)", "Previous phase", show=False),
        *(Binding(str(p.value), f"jump({p.value})", f"Phase {p.value}", show=False) for p in Phase),
        Binding("c", "check_in", "Check in"),
        *(Binding(b.key, b.action, b.description, show=False) for b in RATING_KEYS),
        Binding("l", "levels", "Levels", show=False),
        Binding("p", "progress", "Progress"),
        Binding("t", "assess", "Self-tests", show=False),
        Binding("y", "routine", "Your routine", show=False),
        Binding("f", "kind('flare')", "Flare day", show=False),
        Binding("r", "kind('rest')", "Rest day", show=False),
        Binding("n", "note", "Note", show=False),
        Binding("a", "about", "About your back", show=False),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]
    AUTO_FOCUS = "#phases"
    _told = False
    """The first week's point was shown in this run."""
    _reviewed = False
    """The day's review was shown in this run (leaving asks no more)."""
    _advice = Advice(Limit.NONE)
    """What the programme advises today: worked out after the first frame."""
    _advice_timer: Timer | None = None
    ROLLOVER_CHECK_SECONDS = 1.0
    """How often the screen looks for a new day, or for changes made elsewhere
    (by a command, or another backtui): a look at the file's identity, then a
    read only if it changed."""

    @property
    def session(self) -> Session:
        return self.host.session

    def compose(self) -> ComposeResult:
        yield Header()
        yield DayLine(id="summary")
        yield Label(id="banner")
        yield RoutineList(self._make_rows(), id="phases")
        yield Label(id="saved")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.set_interval(self.ROLLOVER_CHECK_SECONDS, self.check_day)
        self._start()

    def _start(self) -> None:
        self._find_widgets()
        self._show_plan()
        if self.app.screen is self:
            self.set_focus(self._list)
        record = self.session.view.record
        if record.pain_24h is None and not record.ticks and self._advice.limit is not Limit.STOPPED:
            # in the status line, which the first change takes over: no
            # line comes or goes under the cursor
            put(self._saved, CHECK_IN_INVITATION)

    def _take_advice(self) -> None:
        if self._advice_timer is not None:
            self._advice_timer.stop()
            self._advice_timer = None
        try:
            self._advice = self.session.advice()
        except BacktuiError as exc:
            self.notify(str(exc), severity="error")
            return
        self.show_view()
        self._tell_first_week()

    def _tell_first_week(self) -> None:
        """The first week's advice, once, when Today itself is on screen (not
        over the safety notice or the questions) and the safety answers allow
        carrying on as usual."""
        advice = self._advice
        if advice.first_week and advice.limit is Limit.NONE and not self._told and self.app.screen is self:
            self._told = True
            self.notify(education.point(education.FIRST_WEEK) + " (a: more about your back)",
                        title="Your first week", timeout=15)

    def on_screen_resume(self) -> None:
        if self._advice_timer is not None:
            # changes were saved over Today: back on screen, it shows the
            # advice they lead to at once, not a moment later
            self._take_advice()
        else:
            self._tell_first_week()

    # News of changes saved anywhere ------------------------------------------

    @on(messages.DayChanged)
    def _day_changed(self) -> None:
        """Something was saved: a change made over Today (a rating on the
        review, a check-in in the self-tests) shows in its rows; the advice
        is worked out again once changes pause (a check-in can make a step
        up due, a painful rating a step down)."""
        if self.app.screen is not self:
            self.run_worker(self.check_day())
        if self._advice_timer is not None:
            self._advice_timer.stop()
        self._advice_timer = self.set_timer(ADVICE_AFTER, self._take_advice)

    @on(messages.PlanChanged)
    def _plan_changed(self) -> None:
        self.run_worker(self.check_day(recompose=True))

    @on(messages.StartGuide)
    def _start_guide(self) -> None:
        self.call_after_refresh(self.action_guide)

    def _find_widgets(self) -> None:
        """Look the screen's parts up once: show_view runs on every key."""
        self._list = self.query_one(RoutineList)
        self._summary = self.query_one(DayLine)
        self._banner_label, self._saved = (self.query_one(f"#{name}", Label) for name in ("banner", "saved"))

    # Showing the day --------------------------------------------------------

    def show_view(self) -> None:
        """Bring every part of the screen up to date with the session's view.
        Only what changed is redrawn, and fixed-size labels skip the layout
        pass: a tick repaints in a few milliseconds."""
        view = self.session.view
        plan = view.plan
        self._list.show(view)
        self._summary.show(view)
        if (view.record.stop is not None or self._advice.limit is Limit.STOPPED) and \
                self._saved.content == CHECK_IN_INVITATION:
            put(self._saved, "")  # nothing to begin today
        banner = self._banner()
        if put(self._banner_label, banner):
            self._banner_label.set_class(bool(banner), "-shown")
            self._banner_label.set_class(self._advice.quiet and banner == self._advice.line, "-quiet")
        limit = self._advice.limit
        self.refresh_bindings()
        self.sub_title = ("no exercises today" if limit is Limit.STOPPED else "see-a-GP mode" if limit is Limit.GENTLE
                          else "flare day" if plan.kind is DayKind.FLARE else "today")

    def _banner(self) -> str:
        record, plan = self.session.view.record, self.session.view.plan
        if record.stop is not None:
            return "Stopped for pain today: rest now. (u takes back a stop pressed by mistake)"
        if self._advice.limit is Limit.STOPPED:
            return "No exercises today: your safety answers need emergency care first."
        if self._advice.limit is Limit.GENTLE:
            return "See-a-GP mode: flare-safe levels, half the sets, if you wish; no steps up."
        if plan.kind is DayKind.FLARE:
            return "Flare day: flare-safe levels, about half the sets, short walks (f ends it)."
        if plan.kind is DayKind.REST:
            return "Rest day: the streak waits for you (r ends it)."
        if plan.volume is Volume.REDUCED and not self._advice.start:
            return "A lighter day: about two thirds of the sets, to let your back settle."
        return self._advice.line

    async def check_day(self, recompose: bool = False) -> None:
        """Roll over to a new day's plan, or show changes made elsewhere (a
        command, another backtui): their rows if the plan changed (a kind, a
        level, an exercise switched on), else just the marks."""
        if not self.is_mounted:
            return
        before = self.session.seen
        try:
            rolled = self.session.refresh()
        except BacktuiError as exc:
            self.notify(str(exc), severity="error")
            return
        if not (rolled or recompose) and self.session.seen == before:
            return  # the same file and the same day: nothing to show
        if rolled or recompose or self._rows_changed():
            self._new_rows()
            if rolled:
                put(self._saved, CHECK_IN_INVITATION)
        else:
            self._advice = self._advice._replace(limit=self.session.journal.limit())
            self.show_view()
        if self.session.view.record.pain_24h is not None and self._saved.content == CHECK_IN_INVITATION:
            put(self._saved, "")  # checked in elsewhere (a self-assessment, a command)

    def _rows_changed(self) -> bool:
        return [row.item for row in self._list.rows] != list(self._plan_items())

    def _plan_items(self):
        """The plan's items by phase, with what was done though not planned."""
        view = self.session.view
        return (item for phase in Phase for item in view.plan.shown_items(phase))

    def _make_rows(self) -> list[Row]:
        view = self.session.view
        alternatives = {
            item.exercise.id: self.session.journal.exercise(item.gate.alternative).name
            for item in view.plan.items if item.gate is not None and item.gate.alternative
        }
        extra = view.plan.unplanned
        return [Row(item, alternatives.get(item.exercise.id), item in extra) for item in self._plan_items()]

    def _new_rows(self) -> None:
        """A new plan (a new day, a kind, a level): new rows, in place; the
        rest of the screen (the footer too) stays as it is."""
        self._list.set_rows(self._make_rows())
        self._show_plan()

    def _show_plan(self) -> None:
        """The plan's rows as they are, the limit at once and the advice
        once the frame is out, the cursor on the first exercise to do."""
        self._advice = Advice(self.session.journal.limit())
        self.host.after_first_frame(self._take_advice)
        self.show_view()
        self.focus_next_todo(None)

    # Moving -----------------------------------------------------------------

    def action_jump(self, phase: int) -> None:
        rows = self._list.rows
        index = next((n for n, row in enumerate(rows) if row.phase == phase), None)
        if index is not None:
            self._list.select(index)

    def action_phase(self, delta: int) -> None:
        current = self._list.current
        if current is None:
            return
        phases = sorted({row.phase for row in self._list.rows})
        self.action_jump(phases[(phases.index(current.phase) + delta) % len(phases)])

    def focus_next_todo(self, after: str | None) -> None:
        """Put the cursor on the next exercise to do (after ``after``, wrapping)."""
        rows = self._list.rows
        if not rows:
            return
        start = next((n + 1 for n, row in enumerate(rows) if row.exercise_id == after), 0) % len(rows)
        order = [*range(start, len(rows)), *range(start)]
        self._list.select(next((n for n in order if rows[n].state is RowState.TODO), start))

    # Changing ---------------------------------------------------------------

    def _change(self, change: Callable[[], str], ending: bool = True) -> bool:
        """Save a change; the screen shows it only once it is on disk.
        ``ending``: if it leaves nothing to do, show the day's review."""
        was_over = self._over()
        message = self.host.save(change)
        if message is None:
            return False
        if self._rows_changed():  # an extra one unticked leaves the list
            self._list.set_rows(self._make_rows())
        self.show_view()
        self._say_saved(message)
        if ending and not was_over:
            self.show_the_end()
        return True

    def _over(self) -> bool:
        """Nothing left to do today: all done, or the rest skipped."""
        view = self.session.view
        return bool(view.plan.due) and not view.todo

    def show_the_end(self) -> None:
        """When nothing is left to do: the day's review (a day with a skip
        for another reason than pain says it stays incomplete)."""
        if self._over():
            view = self.session.view
            self.review("All done for today" if view.complete else "Nothing left for today")

    def review(self, title: str, closed: Callable[[], None] | None = None) -> None:
        """The day's review: what was done, the ratings not given yet, the
        streak and what comes next; then pain after the session."""
        from practice.app.review_screen import ReviewScreen
        from practice.session.review import lines, summary, uncounted

        self._reviewed = True
        view = self.session.view

        def rate(exercise_id: str, rating: Rating) -> bool:
            return self._change(lambda: self.session.rate(exercise_id, rating), ending=False)

        def answered(pain: int | None) -> None:
            if pain is not None:
                self._change(lambda: self.session.check_in(pain, after=True), ending=False)
            if closed is not None:
                closed()

        more = [*self.session.suggestion_lines(), *self.session.later_lines(),
                *summary(self.session.journal, view)]
        self.app.push_screen(ReviewScreen(title, lines(view), self.session.journal.stats(), more, rate,
                                          uncounted(view)), answered)

    def action_quit(self) -> None:
        """Leave backtui; when something done today has no rating yet, the
        review first (q there, or escape, leaves)."""
        from practice.session.review import unrated

        if self._reviewed or not unrated(self.session.view):
            self.app.exit()
            return
        self.review("Before you go: how did they go?", self.app.exit)

    def _say_left(self) -> None:
        """Back from a guided session left half-way: where the day stands."""
        view = self.session.view
        mat = [item for item in view.todo if item.exercise.phase in MAT_PHASES]
        if view.record.stop is None and mat:
            put(self._saved, f"Guided session left: {len(view.done)} of {len(view.plan.due)} done, all saved. "
                             f"g goes on with {mat[0].shown.name}.")

    def _say_saved(self, message: str) -> None:
        at = self.session.journal.clock.now()
        put(self._saved, f"{message} Saved at {at:%H:%M:%S}.")

    def _usable_row(self) -> Row | None:
        row = self._list.current
        if row is None:
            return None
        if self.session.view.record.stop is not None:
            self.notify("Today's session was stopped for pain; no more exercises today.")
            return None
        return row

    def action_tick(self) -> None:
        row = self._usable_row()
        if row is None:
            return
        if row.state is RowState.GATED:
            self._not_today(row)
            return
        if self._change(partial(self.session.toggle, row.exercise_id)) and row.exercise_id in self.session.view.record.ticks:
            put(self._saved, markup(f"$said {RATING_HINT}", said=str(self._saved.content)))

    def _not_today(self, row: Row) -> None:
        self.notify(row.note or "No exercises today: your safety answers need emergency care first.",
                    title="Not today")

    def action_rate(self, rating: str) -> None:
        """Rate the exercise ticked last (one key; never required)."""
        exercise_id = self.session.last_ticked
        if exercise_id is None or exercise_id not in self.session.view.record.ticks:
            self.notify("Tick an exercise first; these keys rate the last one you ticked.")
            return
        self._change(lambda: self.session.rate(exercise_id, Rating(rating)))

    def action_skip(self) -> None:
        row = self._usable_row()
        if row is None or row.state is RowState.GATED:
            return
        if row.state is RowState.SKIPPED:
            self._change(lambda: self.session.unskip(row.exercise_id))
            return

        from practice.app.dialogs import SkipDialog

        def skipped(answer: tuple[bool, str] | None) -> None:
            if answer is None:
                return
            pain, reason = answer
            if self._change(lambda: self.session.skip(row.exercise_id, reason, pain)):
                self.focus_next_todo(row.exercise_id)

        self.app.push_screen(SkipDialog(row.item.shown.name, row.item.level.number), skipped)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer shows only keys that act: u when there is something to
        undo; no ticking, opening, skipping or guiding once the session was
        stopped for pain or the safety answers call for emergency care; g
        while something is left on the mat."""
        if action == "undo":
            return self.session.can_undo
        view = self.session.view
        over = view.record.stop is not None or self._advice.limit is Limit.STOPPED
        if action in ("tick", "open", "skip"):
            return not over
        if action == "guide":
            return not over and any(item.exercise.phase in MAT_PHASES for item in view.todo)
        return True

    def action_undo(self) -> None:
        if not self.session.undoes_a_stop:
            self._change(lambda: self.session.undo() or "")
            return
        from practice.app.dialogs import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(lambda: self.session.undo() or "")

        self.app.push_screen(ConfirmScreen("Take back today's stop for pain? Only if it was pressed by mistake: "
                                           "after sharp or spreading pain, rest for today."), answered)

    def action_open(self) -> None:
        from practice.app.dialogs import StoppedScreen
        from practice.app.exercise import ExerciseResult, ExerciseScreen

        row = self._usable_row()
        if row is None:
            return
        exercise_id = row.exercise_id
        gate = row.item.gate
        if gate is not None:
            if gate.alternative is None:
                self._not_today(row)
                return
            exercise_id = gate.alternative
        item = self.session.journal.item(exercise_id)

        def done(result: ExerciseResult | None) -> None:
            if result is None:
                self.show_view()  # a level chosen there, or pain noted
                return
            if result.stopped:
                if self._change(lambda: self.session.stop(exercise_id)):
                    self.app.push_screen(StoppedScreen())
            elif result.pain_stopped:
                self.session.refresh()
                self.show_view()
                self.focus_next_todo(row.exercise_id)
                self.app.post_message(SafetyCheck())
            elif self._change(lambda: self.session.finish(exercise_id, result.held, result.rating)):
                self.focus_next_todo(row.exercise_id)

        get_ready = self.session.journal.db.settings().get_ready
        self.app.push_screen(ExerciseScreen(item, self.session.journal.clock, get_ready), done)

    def action_guide(self) -> None:
        """Play everything still to do today, hands-free."""
        from practice.app.guide import GuideScreen, cues_for

        view = self.session.view
        if self._advice.limit is Limit.STOPPED:
            self.notify("No exercises today: your safety answers need emergency care first.")
            return
        mat = [item for item in view.todo if item.exercise.phase in MAT_PHASES]
        if view.record.stop is not None or not mat:
            self.notify("Today's session was stopped for pain; no more exercises today." if view.record.stop else
                        "Nothing left to play on the mat today." + (" Your walk is any time: space ticks it, enter "
                                                                    "times it." if view.todo else ""))
            return
        settings = self.session.journal.db.settings()
        screen = GuideScreen(self.session, mat, cues_for(self.app, settings))

        def ended(finished: bool | None) -> None:
            self.session.refresh()
            self.show_view()
            self.focus_next_todo(None)
            if finished:
                self.review("Session done")
            else:
                self._say_left()  # left half-way: where the day stands

        self.app.push_screen(screen, ended)

    def action_levels(self) -> None:
        """The suggestions to change levels, and gated exercises now offered."""
        from practice.app.suggestions import LevelsScreen

        self.app.push_screen(LevelsScreen())  # what it saves comes back as news

    def action_routine(self) -> None:
        """Every exercise on or off, its level, dose and days; own exercises; the kit."""
        self.host.open_routine()

    # Check-ins and the day -------------------------------------------------

    def action_check_in(self) -> None:
        """The morning check-in first (pain over the last 24 hours, and the
        legs); after it, pain right now, before or after the session."""
        from practice.app.dialogs import MorningDialog, PainDialog

        if self.session.view.record.pain_24h is None:
            self.app.push_screen(MorningDialog(), self._morning)
            return
        view = self.session.view
        after = bool(view.record.ticks)
        question = ("How is your back now, after the session?" if self._over() else
                    "How is your back right now, part-way through?" if after else
                    "How is your back right now, before you start?")

        def answered(pain: int | None) -> None:
            if pain is None or not self._change(lambda: self.session.check_in(pain, after)):
                return
            if pain >= FLARE_OFFER:
                if not after and self.session.view.plan.kind is DayKind.NORMAL:
                    self._offer_flare(pain)
                else:
                    self.app.post_message(SafetyCheck())

        self.app.push_screen(PainDialog(question), answered)

    def _morning(self, answer: tuple | None) -> None:
        if answer is None:
            return
        result = self.host.save(lambda: self.session.morning(*answer))
        if result is None:
            return

        if result.flare_started or result.flare_ended or result.reduced or self._rows_changed():
            self._new_rows()  # a new kind or volume, or leg symptoms easing what loads the nerves
        else:
            self.show_view()
        self._say_saved(result.words())
        if result.point:
            self.notify(result.point, title="About your back", timeout=20)
        if result.ask_again:
            self.app.post_message(SafetyCheck())

    def _offer_flare(self, pain: int) -> None:
        from practice.app.dialogs import ConfirmScreen

        question = (f"Pain {pain}/10 is high. Make today a flare day? Only the gentlest levels, about half "
                    "the sets; finishing them keeps your streak.")

        def answered(yes: bool | None) -> None:
            if yes:
                self._set_kind(DayKind.FLARE)
            self.app.post_message(SafetyCheck())

        self.app.push_screen(ConfirmScreen(question), answered)

    def action_kind(self, kind: str) -> None:
        """Make today a flare or rest day, or a normal day again, after a
        yes: the key that changes the day asks first, so a key meant for a
        timer a moment ago changes nothing by itself."""
        from practice.app.dialogs import ConfirmScreen

        wanted = DayKind(kind)
        target = DayKind.NORMAL if self.session.view.plan.kind is wanted else wanted
        question = {
            DayKind.FLARE: "Make today a flare day? The gentlest levels, about half the sets.",
            DayKind.REST: "Make today a rest day? Nothing planned; the streak waits for you."
                          + (" What you have done stays, as extra." if self.session.view.record.ticks else ""),
            DayKind.NORMAL: f"End the {wanted.value} day and go back to today's usual plan?",
        }[target]

        def answered(yes: bool | None) -> None:
            if yes:
                self._set_kind(target)

        self.app.push_screen(ConfirmScreen(question), answered)

    def _set_kind(self, kind: DayKind) -> None:
        message = self.host.save(lambda: self.session.set_kind(kind))
        if message is None:
            return
        self._new_rows()
        self._say_saved(message)

    def action_note(self) -> None:
        from practice.app.dialogs import TextDialog

        day = self.session.view.plan.day
        dialog = TextDialog(f"A note for {day:%A %-d %B}", "e.g. slept badly, long drive",
                            self.session.view.record.note)
        def answered(note: str | None) -> None:
            if note is not None:
                self._change(lambda: self.session.set_note(note))

        self.app.push_screen(dialog, answered)

    def action_progress(self) -> None:
        self.host.open_progress()

    def action_assess(self) -> None:
        self.host.open_assessments()

    def action_help(self) -> None:
        from practice.app.help import COMMANDS, HelpScreen, keys_table
        from practice.app.exercise import ExerciseScreen
        from practice.app.guide import GuideScreen

        keys = keys_table({"Today": [*RoutineList.BINDINGS, *self.BINDINGS], "Exercise": ExerciseScreen.BINDINGS,
                           "Guided session": GuideScreen.BINDINGS,
                           "Everywhere": [*self.app.BINDINGS, COMMANDS]})
        self.app.push_screen(HelpScreen(keys))

    def action_about(self) -> None:
        from practice.app.dialogs import AboutScreen

        self.app.push_screen(AboutScreen())
