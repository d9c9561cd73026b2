"""Building the app for tests, as the ``backtui`` command builds it."""

from __future__ import annotations

from practice.app.main import BackApp, make_app
from practice.app.rows import ExerciseRow
from practice.app.timer import HoldTimer
from practice.journal import Journal


def app_for(journal: Journal, accepted: bool = True) -> BackApp:
    """The app over ``journal``; ``accepted`` skips the first-run notice."""
    if accepted:
        journal.acknowledge_safety()
    return make_app(journal)


def row(app: BackApp, exercise_id: str) -> ExerciseRow:
    return app.screen.query_one(f"#row-{exercise_id}", ExerciseRow)


def focused_id(app: BackApp) -> str | None:
    focused = app.focused
    return focused.exercise_id if isinstance(focused, ExerciseRow) else None


async def catch_up(pilot) -> None:
    """Let the timer read the (fake) clock now, as its next wake-up would."""
    pilot.app.screen.query_one(HoldTimer).tick()
    await pilot.pause()


async def elapse(pilot, clock, seconds: float) -> None:
    """Move the fake clock on and let the timer see it."""
    clock.advance(seconds=seconds)
    await catch_up(pilot)
