"""The tests whose result is typed or chosen: a number (the sit-and-reach in
cm, the leg raise in degrees or a band), the Thomas test's pass or fail with
what was seen, and the 24-hour pain, which is the morning check-in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from practice.app.messages import SafetyCheck
from practice.app.assess.base import Outcome, TestScreen
from practice.assess.protocol import FAIL, PASS, SIDES, SLR_BANDS, THIGH_UP, KNEE_STRAIGHTER, THOMAS_NOTES, Kind, Stop
from practice.assess.protocol import side_words
from practice.errors import BacktuiError

PAIN_NEXT_SECONDS = 8
"""The 24-hour pain screen moves on by itself after this (hands-free)."""


class SidesScreen(TestScreen):
    """A test taken a side at a time (or once, without sides)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.sides: tuple[str | None, ...] = SIDES if self.test.sides else (None,)
        self.index = 0

    def current_side(self) -> str | None:
        return self.sides[self.index] if self.index < len(self.sides) else None

    def next_side(self) -> None:
        self.index += 1
        if self.index >= len(self.sides):
            self.dismiss(Outcome())
        else:
            self.show_side()
            self.refresh_bindings()

    def show_side(self) -> None:
        """Draw the prompt for the side under way."""


class NumberTestScreen(SidesScreen):
    """Do the test, then enter (or r) and type the result."""

    BINDINGS = [Binding("enter,r", "type", "Type the result")]

    def body(self) -> ComposeResult:
        yield Static(id="entry-prompt", classes="assess-step", markup=False)
        yield Input(id="entry", max_length=12, disabled=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.show_side()

    def show_side(self) -> None:
        side = self.current_side()
        unit = "cm (short of your toes: a minus, -8)" if self.test.kind is Kind.CM else (
            f"degrees, or a band: {', '.join(SLR_BANDS)}")
        where = f"{side_words(self.test, side).capitalize()}: d" if side else "D"
        self.query_one("#entry-prompt", Static).update(f"{where}o the test, then press enter and type the {unit}.")
        field = self.query_one(Input)
        field.value, field.disabled = "", True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = any(not field.disabled for field in self.query(Input))
        return not typing or action == "leave"

    def action_type(self) -> None:
        field = self.query_one(Input)
        field.disabled = False
        self.set_focus(field)
        self.refresh_bindings()

    def action_leave(self) -> None:
        field = self.query_one(Input)
        if not field.disabled:  # escape while typing puts the field away
            field.disabled = True
            self.refresh_bindings()
            return
        super().action_leave()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from practice import validate

        try:
            value = validate.assessment_value_from_text(self.test, event.value, self.test.id)
        except BacktuiError as exc:
            self.say(str(exc))
            return
        if self.save(value, self.current_side()):
            self.say(f"{event.value.strip()}: recorded.")
            self.next_side()


class ThomasScreen(SidesScreen):
    BINDINGS = [
        Binding("p", "mark('pass')", "Pass"),
        Binding("t", f"mark('{THIGH_UP}')", "Thigh up"),
        Binding("k", f"mark('{KNEE_STRAIGHTER}')", "Knee straighter"),
        Binding("enter", "keep", "Keep this side"),
        Binding("d", "dizzy", "Dizzy"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.marks: set[str] = set()

    def body(self) -> ComposeResult:
        yield Static(id="thomas-side", classes="assess-step", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.show_side()

    def show_side(self) -> None:
        side = self.current_side()
        seen = ("pass" if self.marks == {PASS} else
                "fail: " + " and ".join(THOMAS_NOTES[m] for m in sorted(self.marks)) if self.marks else "nothing yet")
        self.query_one("#thomas-side", Static).update(
            f"{side_words(self.test, side).capitalize()}. p pass (thigh down, knee bent) · t thigh up · "
            f"k knee straighter (both if both) · enter keeps it.\nMarked: {seen}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "keep":
            return bool(self.marks)
        return True

    def action_mark(self, mark: str) -> None:
        if mark == PASS:
            self.marks = {PASS}
        else:
            self.marks = (self.marks - {PASS}) ^ {mark}
        self.show_side()
        self.refresh_bindings()

    def action_keep(self) -> None:
        value = PASS if self.marks == {PASS} else FAIL
        notes = tuple(sorted(self.marks - {PASS}))
        if self.save(value, self.current_side(), notes):
            self.marks = set()
            self.next_side()

    def action_dizzy(self) -> None:
        self.stop(Stop.DIZZY)


class PainTestScreen(TestScreen):
    """The 24-hour pain is this morning's check-in: shown, or asked now."""

    BINDINGS = [Binding("enter,n", "next", "Next test")]

    def body(self) -> ComposeResult:
        yield Static(id="pain-24h", classes="assess-step", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        if self.host.session.view.record.pain_24h is None:
            from practice.app.dialogs import MorningDialog

            self.app.push_screen(MorningDialog(), self._checked_in)
        else:
            self._show()

    def _checked_in(self, answer: tuple | None) -> None:
        if answer is not None:
            result = self.host.save(lambda: self.host.session.morning(*answer))
            if result is not None:
                self.say(result.words())
                if result.ask_again or self.assessor.blocked():
                    self.dismiss(Outcome(left=True))  # the run says why
                    if result.ask_again:
                        self.app.post_message(SafetyCheck())
                    return
        self._show()

    def _show(self) -> None:
        pain = self.host.session.view.record.pain_24h
        words = (f"This morning's check-in: {pain}/10 over the last 24 hours." if pain is not None
                 else "No morning check-in today: the 24-hour pain waits for tomorrow's.")
        self.query_one("#pain-24h", Static).update(f"{words} Moving on in a few seconds (enter: now).")
        self.set_timer(PAIN_NEXT_SECONDS, self.action_next)

    def action_next(self) -> None:
        if self.is_current:
            self.dismiss(Outcome())
