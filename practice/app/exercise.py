"""One exercise at its level: how to set up, step by step, and what its
level changes; its caution; the figure of the movement beside its timer;
then one key for how it went."""

from __future__ import annotations

from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Label, Static

from practice import safety
from practice.app.figure import FigureView
from practice.app.floor import SPACE_KEYS, FloorScreen
from practice.app.footer import KeyFooter
from practice.app.messages import GuideChange, GuideChanged
from practice.app.ratings import RATING_HINT, RATING_KEYS
from practice.app.rows import equipment_text
from practice.app.text import markup, plain
from practice.app.timer import HoldTimer
from practice.catalog import RepsDose
from practice.clock import Clock
from practice.daylog import Rating
from practice.day.plan import PlanItem
from practice.figures import figure_of
from practice.programme.log import Load
from practice.session.board import set_up, working_side
from practice.session.timing import ADJUST_SECONDS, EASED_AFTER, StepKind, steps_for


class ExerciseResult(NamedTuple):
    held: int | None = None
    """Seconds held, for hold doses."""
    stopped: bool = False
    """The person stopped the session for sharp or spreading pain."""
    rating: Rating | None = None
    pain_stopped: bool = False
    """Pain during it reached 6 or more: the exercise stopped (already saved
    as skipped for pain)."""


class ExerciseScreen(FloorScreen["ExerciseResult | None"]):
    DEFAULT_CSS = """
    ExerciseScreen #exercise { height: 1fr; }
    ExerciseScreen #about { width: 1fr; padding: 0 1; }
    ExerciseScreen #timer-pane { width: 1fr; height: auto; padding: 1 1 0 1; }
    ExerciseScreen #timer-row { height: auto; }
    ExerciseScreen #figure { display: none; }
    ExerciseScreen.-figure #figure { display: block; height: 12; }
    ExerciseScreen.-wide #timer-row { layout: vertical; }
    ExerciseScreen.-narrow.-figure #timer-row { height: 1fr; }
    ExerciseScreen.-narrow.-figure #figure { width: 1fr; height: 1fr; }
    ExerciseScreen.-narrow.-figure HoldTimer { width: 1fr; }
    ExerciseScreen.-narrow #exercise { layout: vertical; }
    ExerciseScreen.-narrow #about { height: auto; max-height: 55%; }
    ExerciseScreen.-narrow #timer-pane { width: 100%; height: 1fr; padding: 0 1; }
    ExerciseScreen.-narrow HoldTimer { height: 1fr; }
    ExerciseScreen.-narrow HoldTimer > BigNumber { height: 1fr; }
    ExerciseScreen #name { margin-top: 1; width: 100%; }  /* a long name wraps */
    ExerciseScreen #target { color: $text-muted; margin-bottom: 1; }
    ExerciseScreen #setup { margin-bottom: 1; }
    ExerciseScreen #caution { color: $warning; }
    ExerciseScreen #stop-rule { color: $text-muted; text-align: center; width: 100%; margin-top: 1; }
    ExerciseScreen.-narrow #stop-rule { margin-top: 0; }
    ExerciseScreen #rating { display: none; width: 100%; text-align: center; padding: 1 0; }
    ExerciseScreen.-rating #rating { display: block; }
    ExerciseScreen.-rating HoldTimer { display: none; }
    """
    SCOPED_CSS = False  # each rule names the screen: its state classes (-narrow, -paged...) are on it

    BINDINGS = [
        *SPACE_KEYS,
        Binding("f", "finish", "Finish"),
        Binding("x", "pain", "Pain"),
        Binding("escape,q", "back", "Back", priority=True),
        Binding("n", "skip_step", "Skip"),
        Binding("n", "eased", "Stretch eased"),
        Binding("plus,equals_sign", "adjust(1)", f"+{ADJUST_SECONDS}s", key_display="+"),
        Binding("minus", "adjust(-1)", f"-{ADJUST_SECONDS}s", key_display="-"),
        Binding("v", "level", "Level"),
        Binding("w", "load", "Load"),
        Binding("down", "read(1)", "Read on", key_display="↓", priority=True),
        Binding("up", "read(-1)", "Read back", key_display="↑", show=False, priority=True),
        Binding("p", "figures", "Figure"),
        *RATING_KEYS,
        Binding("enter", "no_rating", "No rating"),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    """Only this screen changes its layout with the width (and restyling a
    screen on resize costs start-up time on Today, which would not use it)."""
    TIMER_ACTIONS = frozenset({"pause", "resume", "rep", "finish", "pain", "skip_step", "eased", "adjust", "level",
                               "load", "figures"})
    RATING_ACTIONS = frozenset({"rate", "no_rating"})

    def __init__(self, item: PlanItem, clock: Clock, get_ready: int = 0) -> None:
        super().__init__()
        self.get_ready = get_ready
        """Seconds to get into position before the timer starts."""
        self.item = item
        self.exercise = item.exercise
        self.clock = clock
        self.held: int | None = None
        self.rating_now = False
        """The timer is done: the keys rate it."""

    def compose(self) -> ComposeResult:
        item, exercise, shown = self.item, self.exercise, self.item.shown
        kit = equipment_text(shown.kit)
        yield Header()
        with Horizontal(id="exercise"):
            with VerticalScroll(id="about"):
                yield Label(markup("[b]$name[/b], $level", name=shown.name, level=shown.level_text), id="name")
                yield Static(plain(f"{exercise.target} · {item.dose.describe()} · {kit}"), id="target")
                yield Static(plain(set_up(item)), id="setup")
                yield Static(plain(f"Caution: {exercise.caution}"), id="caution")
                if item.level.loaded:
                    yield Static(plain(self._load_words()), id="load-now")
            with Vertical(id="timer-pane"):
                with Horizontal(id="timer-row"):
                    yield FigureView(id="figure")
                    yield HoldTimer(steps_for(item.dose, ready=self.get_ready, extras=item.extras), self.clock,
                                    id="timer")
                yield Static(RATING_HINT + "\n[b]enter[/b] skips the rating", id="rating", markup=True)
                yield Label(safety.STOP_RULE, id="stop-rule", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.item.shown.name
        self._show_figure(self.host.session.journal.db.settings().figures)
        self.call_after_refresh(self.refresh_bindings)  # whether the set-up scrolls is known once laid out

    def _show_figure(self, shown: bool) -> None:
        """The figure of the step under way (None: hidden with p, or the
        exercise has no figure)."""
        figure = figure_of(self.item) if shown else None
        self.set_class(figure is not None, "-figure")
        run = self.timer.run
        if figure is not None and run.step is not None:
            side = working_side(run.steps, run.index)
            self.query_one(FigureView).show_step(figure, run.step, side)

    def action_figures(self) -> None:
        """Show or hide the figure beside the timer, from now on (saved)."""
        self.app.post_message(GuideChange({"figures": not self.has_class("-figure")}))

    @on(GuideChanged)
    def _figures_changed(self, message: GuideChanged) -> None:
        self._show_figure(message.settings.figures)

    def on_resize(self) -> None:
        self.refresh_bindings()  # the set-up may fit now, or no longer

    def action_read(self, lines: int) -> None:
        """Scroll the set-up and caution (beside or above the timer)."""
        self.query_one("#about", VerticalScroll).scroll_relative(y=lines * 3, animate=False)
        self.refresh_bindings()

    def _load_words(self) -> str:
        from practice.journal.step_apply import current_load

        load = current_load(self.host.session.journal, self.exercise.id)
        return ("Load: not recorded yet (w records it)" if load is None
                else f"Load: {load.describe()} (w changes it)")

    @property
    def timer(self) -> HoldTimer:
        return self.query_one(HoldTimer)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.RATING_ACTIONS:
            return self.rating_now
        if action in self.TIMER_ACTIONS and self.rating_now:
            return False
        if not self.is_mounted or not self.query(HoldTimer):
            return action not in ("resume", "eased")
        run = self.timer.run
        step = run.step
        if step is None:
            return action == "back"
        if action == "rep":
            return step.kind is StepKind.SET
        if action in ("pause", "resume"):
            return step.kind is not StepKind.SET and run.paused is (action == "resume")
        if action == "skip_step":
            return step.kind.pause
        if action == "eased":
            return step.kind is StepKind.HOLD and getattr(self.item.dose, "may_end_early", False)
        if action == "adjust":
            return step.kind.timed
        if action == "load":
            return self.item.level.loaded
        if action == "read":
            about = self.query_one("#about", VerticalScroll)
            return about.scroll_y < about.max_scroll_y if parameters[0] == 1 else about.scroll_y > 0
        return True

    def action_pause(self) -> None:
        self.timer.toggle_pause()
        self.refresh_bindings()

    def action_resume(self) -> None:
        self.action_pause()

    def action_eased(self) -> None:
        """The stretch has eased: this side's hold ends now, its seconds kept
        (once it has run EASED_AFTER seconds)."""
        if not self.timer.run.may_end(self.clock.monotonic()):
            self.notify(f"Give the stretch at least {EASED_AFTER} s before ending it.", timeout=3)
            return
        self.timer.skip_step(hold_too=True)

    def action_rep(self) -> None:
        self.timer.count_rep()

    def action_skip_step(self) -> None:
        self.timer.skip_step()

    def action_adjust(self, sign: int) -> None:
        self.timer.adjust(sign * ADJUST_SECONDS)

    def action_finish(self) -> None:
        """End now. What was held is kept; part of the dose (a set not
        finished, one side of two) asks whether it counts as done."""
        from practice.app.dialogs import ConfirmScreen

        run = self.timer.run
        if not run.work_left or not run.started:
            self.timer.finish_early()
            return
        self.timer.hold()

        def answered(yes: bool | None) -> None:
            if yes:
                self.timer.finish_early()
            else:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen(f"Only part of {self.item.shown.name} was done. Count it as done today? "
                                           "(n leaves it to do)"), answered)

    def action_back(self) -> None:
        """Back to Today without ticking; a timer under way asks first."""
        from practice.app.dialogs import ConfirmScreen

        if self.rating_now:
            self.action_no_rating()
            return
        if not self.timer.run.started:
            self.dismiss(None)
            return
        self.timer.hold()

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)
            else:
                self.timer.carry_on()

        ticked = self.exercise.id in self.host.session.view.record.ticks
        self.app.push_screen(ConfirmScreen("Stop this exercise and go back? " + (
            "It stays ticked from before; this time is not saved." if ticked else "It is not ticked.")), answered)

    def action_pain(self) -> None:
        """Pain during the exercise: a score and what it means (9b), or a stop
        for sharp or spreading pain."""
        from practice.app.dialogs import PainDuringDialog

        self.timer.hold()

        def answered(answer: int | str | None) -> None:
            if answer == "sharp":
                self.dismiss(ExerciseResult(stopped=True))
                return
            if isinstance(answer, int):
                session = self.host.session
                report = self.host.save(lambda: session.pain_during(self.exercise.id, answer))
                if report is not None:
                    self.notify(report.words, title="Pain during", timeout=12)
                    if report.band.value == "red":
                        self.dismiss(ExerciseResult(pain_stopped=True))
                        return
            self.timer.carry_on()

        self.app.push_screen(PainDuringDialog(self.item.shown.name), answered)

    def action_level(self) -> None:
        """Choose another level now (stepping down is always allowed)."""
        from practice.app.dialogs import LevelDialog
        from practice.day.kit import ruled_out

        self.timer.hold()

        def chosen(number: int | None) -> None:
            if number is None or number == self.item.level.number:
                self.timer.carry_on()
                return
            coach = self.host.session.coach
            if self.host.save(lambda: coach.set_level(self.exercise.id, number)) is None:
                self.timer.carry_on()
                return
            self.item = self.host.session.journal.item(self.exercise.id)
            self.run_worker(self.recompose())

        routine = self.host.session.journal.db.settings().routine
        self.app.push_screen(LevelDialog(self.exercise, self.item.level.number, ruled_out(self.exercise, routine)),
                             chosen)

    def action_load(self) -> None:
        """Record the load used now (a level that uses a weight)."""
        from practice.app.load_entry import LoadDialog
        from practice.journal.step_apply import current_load

        self.timer.hold()
        journal = self.host.session.journal

        def typed(load: Load | None) -> None:
            coach = self.host.session.coach
            if load is not None and self.host.save(
                    lambda: coach.set_load(self.exercise.id, load.number, load.unit)) is not None:
                self.query_one("#load-now", Static).update(self._load_words())
                self.notify(f"Load saved: {load.describe()}.", timeout=4)
            self.timer.carry_on()

        title = f"Load for {self.item.shown.name}, {self.item.level_text}"
        self.app.push_screen(LoadDialog(title, current_load(journal, self.exercise.id)), typed)

    def action_rate(self, rating: str) -> None:
        self.dismiss(ExerciseResult(held=self.held, rating=Rating(rating)))

    def action_no_rating(self) -> None:
        self.dismiss(ExerciseResult(held=self.held))

    @on(HoldTimer.StepChanged)
    def step_changed(self) -> None:
        self.refresh_bindings()  # space counts reps in a set, pauses otherwise
        self._show_figure(self.has_class("-figure"))

    @on(HoldTimer.Finished)
    def finished(self, event: HoldTimer.Finished) -> None:
        """The dose is done: ask how it went (one key; enter skips)."""
        self.held = None if isinstance(self.item.dose, RepsDose) else round(event.held)
        self.rating_now = True
        self.add_class("-rating")
        self.refresh_bindings()
