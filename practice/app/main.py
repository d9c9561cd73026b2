"""The app: its modes, the first-run safety notice, and the remembered theme."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from functools import partial
from typing import TypeVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.notifications import Notify, SeverityLevel
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer

from practice.app import messages
from practice.app.floor import FloorScreen
from practice.app.internals import KeysInOrder, OneLineCrash
from practice.app.notices import NoticeBoard
from practice.app.palette import guide_words
from practice.app.settle import KeyQueue
from practice.app.today import TodayScreen
from practice.errors import BacktuiError, DayChanged
from practice.journal.journal import Journal
from practice.status.keeper import Keeper
from practice.printable import visible
from practice.programme.screening import Mode
from practice.day.plan import Limit
from practice.session.today import Session
from practice.store import copies

T = TypeVar("T")

SUMMARY_AFTER = 1.0
"""Seconds of quiet after a change before the status summary is written
(see :mod:`practice.status.keeper`): never between a key and its repaint."""


class BackApp(KeysInOrder, OneLineCrash):
    TITLE = "backtui"
    CSS_PATH = "backtui.tcss"
    BINDINGS = [Binding("q", "quit", "Quit")]
    SCREENS = {"progress": lambda: _progress_screen(), "assessments": lambda: _assessments_screen(),
               "routine": lambda: _routine_screen()}

    def __init__(self, session: Session, keeper: Keeper, screen: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.keeper = keeper
        """Keeps the status cache current: written a moment after each change."""
        self.first_screen = screen
        self.keys = KeyQueue(self, self.handle_key, self.fail)
        self.news: Signal[Message] = Signal(self, "news")
        """Each change saved, as a message for the screens that hear it (practice.app.base)."""
        self._summary_timer: Timer | None = None
        self._ask_kit = False
        """Ask what kit the person has once the first run's safety questions are done."""
        self._ask_start = False
        """Then fit the start (how long, legs, flares, walking)."""
        self._on_screen = False
        self._after_first_frame: list[Callable[[], object]] = []
        self.notices = NoticeBoard(self)
        """Keeps notices off what must be read (practice.app.notices)."""

    def take_key(self, key: events.Key) -> None:
        """Keys wait their turn: each is handled once what the last one
        started is done (practice.app.settle)."""
        self.keys.put(key)

    def get_default_screen(self) -> Screen:
        """Today is the default screen rather than a mode: a mode's screen
        is first drawn inside the app's start-up batch, where the frame is
        thrown away, and the next one waits for the refresh timer."""
        return TodayScreen()

    def on_mount(self) -> None:
        self.keys.start()
        self.notices.start()
        journal = self.session.journal
        journal.db.storage.prune_on_save = False  # done once changes pause (_write_summary)
        for notice in journal.notices:  # a merged sync copy, a restored backup (printed again on exit)
            self.notify(notice, title="backtui", timeout=15)
        settings = journal.db.settings()
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.first_screen == "progress":
            self.open_progress()
        if settings.safety_ack is None:
            from practice.app.dialogs import SafetyScreen

            self.push_screen(SafetyScreen(first_run=True), self._accepted)
        else:
            self.after_first_frame(self.check_safety)
        waiting = copies.find(journal.db.storage.path)
        if waiting:  # merged once the first frame is up, in a worker (practice.app.merging)
            self.after_first_frame(lambda: self._merge_copies(len(waiting)))

    def _merge_copies(self, waiting: int) -> None:
        from practice.app.merging import MergeScreen

        journal = self.session.journal

        def merged(lines: list[str] | None) -> None:
            for line in lines or ():
                self.notify(line, title="backtui", timeout=15, markup=False)
            journal.notices.extend(lines or ())  # printed again on exit

        self.push_screen(MergeScreen(journal.db.storage.data_dir, journal.clock, waiting), merged)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """A notice is a line of text, never markup, whoever sends it (a
        screen's ``notify`` asks for markup by default): it so often names an
        exercise, a file or an error about one (practice.app.text)."""
        super().notify(visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False)

    @on(Notify)
    def _notice_arrived(self, event: Notify) -> None:
        self.notices.arrived(event)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's title and subtitle (an exercise's name) as text."""
        return super().format_title(visible(title), visible(sub_title))

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the first frame is on the screen (after the
        next refresh, if it already is): work the first frame does not show,
        such as the level suggestions and the safety check, waits for it
        rather than holding the screen blank."""
        if self._on_screen:
            self.call_after_refresh(callback)
        else:
            self._after_first_frame.append(callback)

    def push_screen(self, screen, *args, **kwargs):
        """A screen read from the floor (a timer, a test) opens clear of
        notices. Textual delivers a notice through the app's queue, so the
        clearing waits its turn there: a notice still on its way (the first
        week's advice, sent as the key came) goes too."""
        if isinstance(screen, FloorScreen):
            self.call_later(self.clear_notifications)
        return super().push_screen(screen, *args, **kwargs)

    def on_ready(self) -> None:
        """Textual's word that the first frame is displayed: drawn from the
        recent part of the log the status cache keeps, if it held; the whole
        log is read now."""
        self._on_screen = True
        try:
            self.session.journal.db.load()
        except BacktuiError as exc:
            self.notify(str(exc), title="backtui", severity="error", timeout=15)
        # What is loaded by now (the parsed log, Textual's modules) lives as
        # long as the app. Python's full garbage collection walks every such
        # object, about 20 ms with a ten-year log, and would stall whichever
        # key press triggered it; frozen objects are left out of it.
        gc.freeze()
        waiting, self._after_first_frame = self._after_first_frame, []
        for callback in waiting:
            callback()

    def check_safety(self, changed: bool = False) -> None:
        """The safety questions when any are due (at each start, and after
        anything that may call for them: a check-in, a stop for pain), then
        what an open answer means (a stop screen, or see-a-GP advice).
        ``changed``: the safety answers changed just now, so Today's plan may
        have too."""
        from practice.app.questions import ScreeningScreen

        try:
            due = self.session.coach.screening_due()
        except BacktuiError as exc:
            self.notify(str(exc), severity="error")
            return
        if due is None:
            self._show_mode(answered=changed)
            return

        def answer(question: str, yes: bool) -> Mode | None:
            return self.save(lambda: self.session.coach.answer(due, question, yes))

        self.push_screen(ScreeningScreen(due, answer), lambda ended: self._show_mode(answered=True))

    def _clear(self, mode: Mode, how: str) -> bool:
        return self.save(lambda: self.session.coach.clear(mode, how)) is not None

    def _show_mode(self, answered: bool = False) -> None:
        """Show what an open safety answer means; ``answered``: questions were
        just answered, so Today's plan may have changed. A "mistake" cleared
        there may leave questions to ask again."""
        from practice.app.questions import EmergencyScreen, SeeGPScreen

        coach = self.session.coach
        limit = self.session.journal.limit()

        def back(_: object = None) -> None:
            if self.session.journal.limit() is not limit:
                self.check_safety(changed=True)  # cleared: the questions that waited
                return
            if self._ask_kit and limit is not Limit.STOPPED:
                self._ask_kit = False
                self.ask_kit(back, first_run=True)
                return
            if self._ask_start and limit is not Limit.STOPPED:
                self._ask_start = False
                self.fit_start(back)
                return
            self.news.publish(messages.PlanChanged())  # the answers may change the plan
            if self.first_screen == "go" and limit is not Limit.STOPPED:
                self.first_screen = None
                self.news.publish(messages.StartGuide())

        if limit is Limit.STOPPED:
            emergency = coach.emergency()
            if emergency is not None:
                self.push_screen(EmergencyScreen(emergency, self._clear), back)
        elif limit is Limit.GENTLE:
            self.push_screen(SeeGPScreen(self._clear, ask=coach.ask_if_seen()), back)
        elif answered or self.first_screen == "go":
            back()

    def on_unmount(self) -> None:
        self.keys.stop()
        self._write_summary()
        gc.unfreeze()

    def _summary_due(self) -> None:
        """A change was saved: write the summary once changes pause."""
        if self._summary_timer is not None:
            self._summary_timer.stop()
        self._summary_timer = self.set_timer(SUMMARY_AFTER, self._write_summary)

    def _write_summary(self) -> None:
        """Once changes pause: the status cache, and the oldest backups taken away."""
        self._summary_timer = None
        self.keeper.flush()
        self.session.journal.db.storage.prune()

    def open_progress(self, closed: Callable[[None], None] | None = None) -> None:
        """Show the progress screen, first reading the log again if it was
        shown before."""
        self._open_kept("progress", closed, lambda screen: screen.refresh_data(select_today=True))

    def open_assessments(self, closed: Callable[[None], None] | None = None) -> None:
        """Show the self-assessments, first reading them again if they were
        shown before."""
        self._open_kept("assessments", closed, lambda screen: screen.refresh_data())

    def _open_kept(self, name: str, closed: Callable[[None], None] | None, refresh: Callable) -> None:
        """A screen kept between visits (composed once: opening it again
        costs only its data), brought up to date before it is shown."""
        screen = self.get_screen(name)
        if screen.is_mounted:
            refresh(screen)
        self.push_screen(screen, closed)

    def _accepted(self, accepted: bool | None) -> None:
        if not accepted:
            self.exit()
            return
        self.save(self.session.journal.acknowledge_safety)
        settings = self.session.journal.db.settings()
        self._ask_kit = settings.routine.kit is None
        self._ask_start = settings.triage is None
        self.check_safety()

    def ask_kit(self, closed: Callable[[object], None] | None = None, first_run: bool = False,
                more: str = " (y on Today: your routine)") -> None:
        """What kit the person has; the routine keeps what it allows, and
        says what the new kit left out (``more``: where to see it all)."""
        from practice.app.routine.kit import KitScreen
        from practice.app.routine.screen import kit_words
        from practice.journal.editor import RoutineEditor

        editor = RoutineEditor(self.session.journal)

        def chosen(kit: frozenset[str] | None) -> None:
            change = None if kit is None else self.save(lambda: editor.set_kit(kit))
            if change is not None:
                self.notify(kit_words(change) + more, title="Your kit", timeout=12)
            if closed is not None:
                closed(None)

        self.push_screen(KitScreen(self.session.journal.db.settings().routine.kit, first_run), chosen)

    def fit_start(self, closed: Callable[[object], None] | None = None) -> None:
        """The questions that fit the start; what they set is said on Today."""
        from practice.app.start_questions import Answers, TriageScreen

        def answered(answers: Answers | None) -> None:
            if answers is not None:
                self.save(lambda: self.session.coach.fit_start(*answers))
            if closed is not None:
                closed(None)

        self.push_screen(TriageScreen(self.session.journal.db.settings().triage), answered)

    def open_routine(self, closed: Callable[[None], None] | None = None) -> None:
        """Show the routine screen, first reading the routine again if it was shown before."""
        self._open_kept("routine", closed, lambda screen: screen.refresh_list())

    def _remember_theme(self, theme: object) -> None:
        self.save(lambda: self.session.journal.update_settings(theme=self.theme))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers the screen's keys too, each with its key."""
        from practice.app.palette import guide_commands

        yield from super().get_system_commands(screen)
        yield from guide_commands(self, self.session.journal.db.settings())
        yield SystemCommand("Your kit", "What you have to hand; the routine keeps what it allows", self.ask_kit)
        seen = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if active.enabled and binding.description and active.node is screen and binding not in seen:
                seen.add(binding)
                yield SystemCommand(
                    binding.description,
                    f"Key: {binding.key_display or key}",
                    partial(screen.run_action, binding.action),
                )

    def save(self, write: Callable[[], T]) -> T | None:
        """Run a write and return what it returns; on failure say so in one
        line and return None. A change meant for a day that has ended (the
        clock jumped while the app was open) is not saved: Today moves to the
        new day first and says so."""
        try:
            done = write()
        except DayChanged as exc:
            self.notify(
                f"It is now {exc.today:%A %-d %B}, so Today moved to it. That change was not saved: "
                "do it again if it is meant for today.",
                title="A new day", severity="warning", timeout=10,
            )
            self.news.publish(messages.PlanChanged())
            return None
        except BacktuiError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10)
            return None
        self.news.publish(messages.DayChanged())
        self._summary_due()
        return done

    def saved(self, write: Callable[[], object]) -> bool:
        """Run a write (whatever it returns, None included); False if it
        failed (said in one line, as :meth:`save` says it)."""
        return self.save(lambda: (write(), True)[1]) is not None

    @on(messages.SafetyCheck)
    def _safety_asked(self, message: messages.SafetyCheck) -> None:
        self.check_safety(changed=message.changed)

    @on(messages.GuideChange)
    def _guide_change_asked(self, message: messages.GuideChange) -> None:
        self.change_guide(**message.changes)

    def change_guide(self, **changes: object) -> None:
        """Save a change to the guided session's settings (the palette, m in
        a session); a running session hears of it at once."""
        settings = self.save(lambda: self.session.journal.set_guide(**changes))  # type: ignore[arg-type]  # set_guide checks each
        if settings is None:
            return
        self.news.publish(messages.GuideChanged(settings))
        if not isinstance(self.screen, FloorScreen):  # read from the mat: the session says it itself
            self.notify("Saved. " + guide_words(settings), title="Guided session")


def _progress_screen() -> Screen:
    from practice.app.progress import ProgressScreen  # only when first opened

    return ProgressScreen()


def _assessments_screen() -> Screen:
    from practice.app.assess.results import AssessmentsScreen

    return AssessmentsScreen()


def _routine_screen() -> Screen:
    from practice.app.routine.screen import RoutineScreen  # only when first opened

    return RoutineScreen()


def make_app(journal: Journal, screen: str | None = None, keeper: Keeper | None = None) -> BackApp:
    """The app as the ``backtui`` command and the tests build it; ``screen``
    "progress" opens it on the progress screen. ``keeper``: the status
    cache's keeper the command made with the journal (else one is made)."""
    keeper = keeper or Keeper(journal)
    keeper.start()  # Today's first frame from the recent part of the log, when it is kept
    return BackApp(Session(journal), keeper, screen)
