"""The base of backtui's screens: the app as they may use it, typed, and the
app's news of a change delivered to them as a message.

A screen asks the app for what it does through :attr:`BackScreen.host`
(save a change and say what failed, the session) or by posting a request
(:mod:`practice.app.messages`); it hears of a change saved anywhere by
handling :class:`~practice.app.messages.DayChanged`,
:class:`~practice.app.messages.PlanChanged` or
:class:`~practice.app.messages.GuideChanged` with ``@on``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from textual import events, on
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.signal import Signal

if TYPE_CHECKING:
    from practice.session.today import Session

R = TypeVar("R")
T = TypeVar("T")


class Host(Protocol):
    """What the app offers its screens."""

    session: Session
    news: Signal[Message]
    """Published after each change saved: a DayChanged, PlanChanged or GuideChanged."""

    def save(self, write: Callable[[], T]) -> T | None:
        """Run a write; on failure say so in one line and return None."""
        ...

    def saved(self, write: Callable[[], object]) -> bool:
        """Run a write (whatever it returns); False, said in one line, if it failed."""
        ...

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the first frame is on the screen."""
        ...

    def open_progress(self, closed: Callable[[None], None] | None = None) -> None: ...

    def open_assessments(self, closed: Callable[[None], None] | None = None) -> None: ...

    def open_routine(self, closed: Callable[[None], None] | None = None) -> None: ...

    def ask_kit(self, closed: Callable[[object], None] | None = None, first_run: bool = False,
                more: str = "") -> None: ...

    def fit_start(self, closed: Callable[[object], None] | None = None) -> None: ...


class BackScreen(Screen[R]):
    """A whole screen of backtui's."""

    @property
    def host(self) -> Host:
        return cast(Host, self.app)

    @on(events.Mount)
    def _hear_news(self) -> None:
        self.host.news.subscribe(self, self.post_message)


class BackModal(ModalScreen[R]):
    """A dialog of backtui's, over another screen."""

    @property
    def host(self) -> Host:
        return cast(Host, self.app)


class ReadScreen(BackScreen[R]):
    """A whole screen that asks or tells what must be read before anything
    else (the safety notice, the safety questions, what an answer means):
    like a dialog, nothing covers it (practice.app.notices)."""


def must_be_read(screen: Screen[object]) -> bool:
    """``screen`` is a question, a form, a dialog or a notice: no notice
    covers it (practice.app.notices)."""
    return isinstance(screen, (ModalScreen, ReadScreen))
