"""What the app and its screens tell each other (braindrop's app/messages).

Screens ask the app for what only it does by posting a request to it
(:class:`SafetyCheck`, :class:`GuideChange`); the app tells every screen
that asked to hear of them when something was saved (:class:`DayChanged`,
:class:`PlanChanged`, :class:`GuideChanged`), through the signal of
:mod:`practice.app.base`. Nobody reaches into another's screens.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from practice.day.settings import Settings


class DayChanged(Message):
    """Something of the day was saved: a tick, a skip, a rating, a
    check-in, or a change made elsewhere (a command, another backtui)."""


class PlanChanged(Message):
    """The day's plan may have changed: its kind, a level, the routine, the
    safety answers, a new day."""


class StartGuide(Message):
    """Start the guided session (``backtui go``, once the start's questions
    are done)."""


@dataclass
class GuideChanged(Message):
    """The guided session's settings were saved (cues, speech, pace, the
    get-ready countdown)."""

    settings: Settings


@dataclass
class SafetyCheck(Message):
    """Ask the app for the safety questions, if any are due now (after a
    check-in, a stop for pain); ``changed``: answers changed just now."""

    changed: bool = False


@dataclass
class GuideChange(Message):
    """Ask the app to save a change to the guided session's settings."""

    changes: dict[str, object]
