"""The guided session on screen: everything still to do today, played
hands-free, readable from the floor, with sound cues. The flow itself is
:class:`practice.session.flow.Flow`; this screen draws it, saves what it reports
and turns keys into its questions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, ProgressBar, Static

from practice.app.bignum import BigNumber
from practice.app.figure import FigureView
from practice.app.floor import SPACE_KEYS, FloorScreen
from practice.app.footer import KeyFooter
from practice.app.messages import GuideChange, GuideChanged, SafetyCheck
from practice.app.ratings import RATING_HINT, RATING_KEYS
from practice.app.rows import put
from practice.app.text import markup
from practice.day.plan import PlanItem
from practice.day.settings import Settings
from practice.daylog import Rating
from practice.figures import figure_of
from practice.session.board import PACED, Board, board
from practice.session.flow import Cue, Done, Flow, Stage
from practice.session.flow import Settings as FlowSettings
from practice.session.sound import Cues, voice_of
from practice.session.timing import ADJUST_SECONDS, Step, StepKind
from practice.session.today import Session

FRAME_SECONDS = 0.1
LEAD_SECONDS = 0.012
"""A change is drawn this far ahead of its moment: what Textual takes to
paint it (up to one 60 Hz frame, and the drawing), so it shows on time."""
MIN_SIZE = (40, 16)
"""Below this the timer cannot be drawn big enough: the screen says so."""


RATE_LINE = markup(RATING_HINT + "   [b]enter[/b] no rating")


class GuideScreen(FloorScreen["bool | None"]):
    """Returns True when the flow played to its end, None when left."""

    DEFAULT_CSS = """
    GuideScreen #guide { height: 1fr; padding: 0 1; }
    GuideScreen #guide-title { text-style: bold; width: 100%; text-align: center; }
    GuideScreen #guide-where { text-style: bold; width: 100%; text-align: center; }
    GuideScreen #guide-step { text-style: bold; color: $accent; width: 100%; text-align: center; margin: 1 0 0 0; }
    GuideScreen #guide-body { height: 1fr; min-height: 5; }
    GuideScreen #guide-count { color: $text; width: 1fr; }
    GuideScreen #guide-figure { display: none; }
    GuideScreen.-figure #guide-figure { display: block; width: 1fr; }
    GuideScreen.-figure #guide-count { width: auto; }
    GuideScreen #guide-bar { width: 100%; }
    GuideScreen #guide-bar Bar { width: 1fr; }
    GuideScreen #guide-next { text-style: bold; width: 100%; text-align: center; }
    GuideScreen #guide-how { color: $text-muted; width: 100%; text-align: center; height: auto; max-height: 2; }
    GuideScreen.-setting-up #guide-how { color: $text; text-align: left; max-height: 10; }
    GuideScreen.-setting-up #guide-step { margin: 0; }
    GuideScreen.-setting-up #guide-bar, GuideScreen.-setting-up #guide-next { display: none; }
    GuideScreen #guide-said { color: $warning; width: 100%; text-align: center; height: auto; }
    GuideScreen.-paused #guide-step { color: $warning; }
    GuideScreen.-paused #guide-count { color: $text-disabled; }
    GuideScreen #guide-small { color: $warning; width: 100%; text-align: center; display: none; }
    GuideScreen.-small #guide-small { display: block; }
    GuideScreen.-small #guide-body, GuideScreen.-small #guide-bar, GuideScreen.-small #guide-how { display: none; }
    """
    SCOPED_CSS = False  # each rule names the screen: its state classes (-narrow, -paged...) are on it

    BINDINGS = [
        *SPACE_KEYS,
        Binding("enter,n", "go_on", "Next"),
        Binding("s", "skip", "Skip"),
        Binding("b", "back", "Back"),
        Binding("x", "pain", "Pain"),
        *RATING_KEYS,
        Binding("f", "finish", "Finish"),
        Binding("m", "pace(False)", "By hand"),
        Binding("m", "pace(True)", "Paced"),
        Binding("p", "figures", "Figure"),
        Binding("plus,equals_sign", "adjust(1)", f"{ADJUST_SECONDS} s more", key_display="+", show=False),
        Binding("minus", "adjust(-1)", f"{ADJUST_SECONDS} s less", key_display="-", show=False),
        Binding("escape,q", "leave", "Leave", priority=True),
    ]

    def __init__(self, session: Session, items: list[PlanItem], cues: Cues) -> None:
        super().__init__()
        self.session = session
        self.clock = session.journal.clock
        settings = session.journal.db.settings()
        self.flow = Flow(items, FlowSettings(settings.get_ready, settings.paced), self.clock.monotonic())
        self.figures = settings.figures
        """Draw the figure beside the digits (p, remembered)."""
        self.cues = cues
        self._wake: Timer | None = None
        self._held = False
        """Paused because something covers the screen (not by the person)."""
        self._said: tuple[int, str] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="guide"):
            yield Static(id="guide-title", markup=False)
            yield Static(id="guide-where", markup=False)
            yield Static(id="guide-step", markup=False)
            with Horizontal(id="guide-body"):
                yield FigureView(id="guide-figure")
                yield BigNumber(id="guide-count")
            yield ProgressBar(id="guide-bar", show_eta=False, show_percentage=False)
            yield Static(id="guide-next", markup=False)
            yield Static(id="guide-said", markup=False)
            yield Static(id="guide-how", markup=False)
            yield Static(id="guide-small", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "guided session"
        self.tick()

    def _say(self, words: str) -> None:
        """A line for this exercise (what a pain score means), in the screen
        rather than a notification over it; cleared when the next begins."""
        self._said = (self.flow.index, words)

    def on_screen_suspend(self) -> None:
        """Anything over the session (a question, a dialog, the palette)
        holds it: nothing counts down unseen."""
        if not self.flow.paused and self.flow.stage is not Stage.DONE:
            self.flow.pause(self._now())
            self._held = True

    def on_screen_resume(self) -> None:
        if self._held:
            self._held = False
            self.flow.resume(self._now())
            self.tick()

    # Driving ------------------------------------------------------------------------

    def tick(self, due: float | None = None) -> None:
        """Bring the screen up to ``due`` (a moment on the monotonic clock
        at most LEAD_SECONDS ahead: the next change, drawn a frame early so
        that it is painted on time), or to now; then wake for the next change
        on screen: a new step, or the countdown's next second."""
        now = self.clock.monotonic()
        at = now if due is None else max(now, due)
        self._handle(self.flow.advance(at))
        if self.flow.stage is Stage.DONE:
            self._end(finished=True)
            return
        self._draw(at)
        if self._wake is not None:
            self._wake.stop()
        change = self._next_change(at)
        # The wake posts the tick to this screen's own queue rather than
        # running it in the timer's task, so that the screen handles it like
        # a key, and goes idle (and repaints) after it as after any message.
        if change is None or at + change - LEAD_SECONDS - now > FRAME_SECONDS:
            self._wake = self.set_timer(FRAME_SECONDS, partial(self.call_later, self.tick))
        else:
            self._wake = self.set_timer(max(0.0, at + change - LEAD_SECONDS - now),
                                        partial(self.call_later, self.tick, at + change))

    def _next_change(self, at: float) -> float | None:
        """Seconds from ``at`` until what the screen shows changes by itself;
        None while paused or waiting for a key."""
        deadline = self.flow.next_deadline(at)
        if deadline is None:
            return None
        left = self._counting(at)
        digit = (left % 1 or 1.0) if left is not None else deadline
        return min(deadline, digit)

    def _counting(self, at: float) -> float | None:
        """The seconds the big number counts down from, if it counts time."""
        flow = self.flow
        if flow.stage is not Stage.EXERCISE:
            return flow.stage_left(at)
        run = flow.run
        if run is None or run.step is None or run.step.kind is StepKind.SET or run.step.kind in PACED:
            return None  # the big number counts repetitions
        return run.remaining(at)

    def _handle(self, events: Sequence[Cue | Done | Step]) -> None:
        session = self.session
        for event in events:
            if isinstance(event, Cue):
                self.cues.play(event)
            elif isinstance(event, Done):
                self.host.save(partial(session.finish, event.item.exercise.id, event.held))
            elif isinstance(event, Step):
                if event.kind is StepKind.READY or (event.side and event.kind is StepKind.HOLD and event.number == 1):
                    self._speak_step(event)
                elif event.kind is StepKind.SWITCH:
                    self.cues.say("switch sides")
        self.refresh_bindings()

    def _speak_step(self, step: Step) -> None:
        item = self.flow.item
        if step.kind is StepKind.READY and item is not None:
            self.cues.say(item.shown.name)
        elif step.side:
            self.cues.say(f"{step.side} side")

    def _end(self, finished: bool = False) -> None:
        """Back to Today; ``finished``: the flow played to its end."""
        if self._wake is not None:
            self._wake.stop()
        self.dismiss(True if finished else None)

    # Drawing --------------------------------------------------------------------------

    def _draw(self, now: float) -> None:
        size = self.size
        small = size.width < MIN_SIZE[0] or size.height < MIN_SIZE[1]
        self.set_class(small, "-small")
        self._put("small", f"Make the window larger (at least {MIN_SIZE[0]} x {MIN_SIZE[1]}) to see the timer; "
                           "the session goes on." if small else "")
        if self.flow.item is None:
            return
        shown = board(self.flow, now)
        self.set_class(self.flow.paused, "-paused")
        self.set_class(shown.setting_up, "-setting-up")
        for name, text in zip(("title", "where", "step", "how"), (shown.title, shown.where, shown.step, shown.how)):
            self._put(name, text)
        self._put("next", shown.next or RATE_LINE)
        said = self._said[1] if self._said is not None and self._said[0] == self.flow.index else ""
        self._put("said", said)
        self.query_one("#guide-said").display = bool(said)
        self.query_one(BigNumber).show(shown.number)
        self.query_one(ProgressBar).update(total=max(shown.total, 1e-9), progress=shown.progress)
        self._show_figure(shown)

    def _show_figure(self, shown: Board) -> None:
        """The figure of the exercise on screen, in the frame of its step, or
        nothing (hidden with p, or an exercise without a figure)."""
        figure = figure_of(shown.shown) if shown.shown is not None and self.figures else None
        self.set_class(figure is not None, "-figure")
        view = self.query_one(FigureView)
        if figure is None:
            view.set_pose(None)
        else:
            view.show_step(figure, shown.pose, shown.side)

    def _put(self, name: str, text: str | Content) -> None:
        put(self.query_one(f"#guide-{name}", Static), text, layout=True)

    # Keys -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        flow = self.flow
        run = flow.run if flow.stage is Stage.EXERCISE else None
        step = run.step if run is not None else None
        counting = step is not None and step.kind is StepKind.SET
        if action == "rate":
            return flow.stage is Stage.RATE
        if action == "pain":
            return flow.stage is not Stage.RATE
        if action == "rep":
            return counting
        if action in ("pause", "resume"):
            return not counting and flow.paused is (action == "resume")
        if action == "skip":
            return flow.stage is Stage.EXERCISE
        if action in ("finish", "adjust"):
            return step is not None and (action == "finish" or (step.kind.timed and step.kind not in PACED))
        if action == "pace":
            reps = run is not None and any(s.kind in (StepKind.SET, StepKind.UP) for s in run.steps)
            return reps and parameters[0] is not flow.settings.paced
        if action == "go_on":
            return flow.can_go_on(self._now())
        return True

    def _now(self) -> float:
        return self.clock.monotonic()

    def action_pause(self) -> None:
        self.flow.pause(self._now())
        self.refresh_bindings()
        self.tick()

    def action_resume(self) -> None:
        self.flow.resume(self._now())
        self.refresh_bindings()
        self.tick()

    def action_rep(self) -> None:
        run = self.flow.run
        if run is not None:
            self._handle(run.count_rep(self._now()))
        self.tick()

    def action_go_on(self) -> None:
        self._handle(self.flow.go_on(self._now()))
        self.tick()

    def action_skip(self) -> None:
        self._handle(self.flow.skip(self._now()))
        self.tick()

    def action_back(self) -> None:
        self._handle(self.flow.back(self._now()))
        self.tick()

    def action_adjust(self, sign: int) -> None:
        if self.flow.run is not None:
            self.flow.run.adjust(sign * ADJUST_SECONDS, self._now())
        self.tick()

    def action_rate(self, rating: str) -> None:
        item = self.flow.item
        if item is not None:
            session = self.session
            self.host.save(lambda: session.rate(item.exercise.id, Rating(rating)))
        self._handle(self.flow.rated(self._now()))
        self.tick()

    def action_pace(self, paced: bool) -> None:
        """Repetitions at a set pace, or counted by hand, from now on (saved,
        like the palette's switch); the exercise starts again the new way."""
        self.app.post_message(GuideChange({"paced": paced}))
        self.notify("Repetitions at a set pace." if paced else "Count your repetitions: space after each.")

    def action_figures(self) -> None:
        """Show or hide the figure beside the digits, from now on (saved)."""
        self.app.post_message(GuideChange({"figures": not self.figures}))

    @on(GuideChanged)
    def _settings_changed(self, message: GuideChanged) -> None:
        """Settings changed mid-session: cues and the figure at once, the
        countdown from the next exercise, the pace on this one."""
        settings = message.settings
        self.cues.voice = voice_of(settings)
        self.figures = settings.figures
        flow = self.flow
        flow.settings = flow.settings._replace(get_ready=settings.get_ready)
        flow.set_pace(settings.paced, self._now())
        self.tick()

    def action_finish(self) -> None:
        """End the exercise now. What was done is kept; part of a set, or one
        side of two, asks whether it counts as done."""
        from practice.app.dialogs import ConfirmScreen

        flow, now = self.flow, self._now()
        run = flow.run
        if run is None:
            return
        if not run.work_left or not run.started:
            self._handle([*(e for e in [flow.finish_early(now)] if e), *flow.advance(now)])
            self.tick()
            return
        name = flow.item.shown.name if flow.item else "it"

        def answered(yes: bool | None) -> None:
            if yes:
                done = flow.finish_early(self._now())
                self._handle([done] if done else [])
            else:
                self._handle(flow.skip(self._now()))
            self.tick()

        self._ask(ConfirmScreen(f"Only part of {name} was done. Count it as done today?"), answered)

    def action_pain(self) -> None:
        from practice.app.dialogs import PainDuringDialog, StoppedScreen

        flow, item = self.flow, self.flow.item
        if item is None:
            return
        session = self.session

        def answered(answer: int | str | None) -> None:
            if answer == "sharp":
                if self.host.save(lambda: session.stop(item.exercise.id)):
                    self.dismiss(None)
                    self.app.push_screen(StoppedScreen())
                return
            if isinstance(answer, int):
                report = self.host.save(lambda: session.pain_during(item.exercise.id, answer))
                if report is not None:
                    self._say(report.words)
                    if report.band.value == "red":
                        self._handle(flow.skip(self._now()))
                        self.app.post_message(SafetyCheck())
            self.tick()

        self._ask(PainDuringDialog(item.shown.name), answered)

    def _ask(self, question: Screen, answered: Callable[[Any], None]) -> None:
        """Put a question over the session, holding it from this moment; once
        answered it goes on as it was: a session the person had paused stays
        paused."""
        flow = self.flow
        was_paused = flow.paused
        flow.pause(self._now())

        def then(answer: Any) -> None:
            if not was_paused:
                flow.resume(self._now())
            answered(answer)

        self.app.push_screen(question, then)

    def action_leave(self) -> None:
        """Back to Today; a running exercise asks first. Everything ticked is saved."""
        from practice.app.dialogs import ConfirmScreen

        running = self.flow.stage is Stage.EXERCISE and self.flow.run is not None and self.flow.run.started
        if not running:
            self._end()
            return
        def answered(yes: bool | None) -> None:
            if yes:
                self._end()
            else:
                self.tick()

        self._ask(ConfirmScreen("Leave the guided session? This exercise is not ticked; everything "
                                           "before it is saved."), answered)


def cues_for(app, settings: Settings) -> Cues:
    return Cues(voice_of(settings), app.bell)
