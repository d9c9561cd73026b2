"""Helpers shared by the tests."""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest


def needs(program: str) -> pytest.MarkDecorator:
    """Skipped without ``program``, except under CI, where .ci/run installs it
    (and a test that needs it must run)."""
    return pytest.mark.skipif(shutil.which(program) is None and not os.environ.get("CI"),
                              reason=f"needs {program} (.ci/run installs it)")


class FakeClock:
    """A clock the test moves by hand: wall time in a chosen zone, plus monotonic."""

    def __init__(self, when: str | datetime, zone: str = "Europe/Berlin") -> None:
        self.zone = ZoneInfo(zone)
        moment = datetime.fromisoformat(when) if isinstance(when, str) else when
        self._utc = (moment if moment.tzinfo else moment.replace(tzinfo=self.zone)).astimezone(
            timezone.utc
        )
        self._monotonic = 1000.0

    def now(self) -> datetime:
        return self._utc.astimezone(self.zone)

    def monotonic(self) -> float:
        return self._monotonic

    def advance(self, **delta: float) -> None:
        step = timedelta(**delta)
        self._utc += step
        self._monotonic += step.total_seconds()

    def move_to(self, zone: str) -> None:
        """Travel: same instant, another wall clock."""
        self.zone = ZoneInfo(zone)

    def set_wall(self, when: str) -> None:
        """Set the wall clock (e.g. a clock set back years); monotonic is untouched."""
        self._utc = datetime.fromisoformat(when).replace(tzinfo=self.zone).astimezone(timezone.utc)


def answer_set(journal, yes=(), questions=None):
    """Answer a whole set of safety questions at once (the full set by
    default), ``yes`` to those named and no to the rest; the mode they leave."""
    from practice.programme.log import Answers, QuestionSet
    from practice.programme.screening import SETS, screening_mode

    questions = QuestionSet.FULL if questions is None else questions
    with journal.db.transaction():
        journal.db.add(Answers(journal.moment(), journal.today(), questions, SETS[questions], frozenset(yes)))
    log = journal.db.programme()
    return screening_mode(log.answers, log.clearances)


def unowed(err: str) -> str:
    """Standard error without the line saying safety questions are owed (the
    exercise commands print it until they are answered)."""
    return "".join(line for line in err.splitlines(keepends=True) if "safety question" not in line)
