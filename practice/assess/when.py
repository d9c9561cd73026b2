"""When a self-assessment may be taken, and when one is due.

* **Not** on a flare day, nor while flare mode lasts, nor within 48 hours of
  a flare day or a step down (progression-facts section 12); read in whole
  practice days, the more cautious way: after a flare or a step down on day
  D, the first day a test may be taken is D + 3. Not in see-a-GP or
  emergency mode either (a clinician first), and not with pain right now
  above 5 (the stop rule would end the first test).
* **Due**: a baseline is offered (never forced) in the first week with no
  results, and once more in the second week and in the fourth (a quiet
  line, for those who let the first week pass), never after; after a
  first result, a re-test every 14 days by default (7 to 14, a setting).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

from practice.assess.records import Result
from practice.programme.log import LevelChange

GAP_DAYS = 2
"""48 hours, in whole days after the day of a flare or a step down."""
MAX_PAIN_NOW = 5
"""Pain right now above this stops a test (section 12's first stop rule)."""
WEEK = 7
BASELINE_WEEKS = (1, 2, 4)
"""The weeks (the first is the week of the first day recorded) in which a
baseline is offered while there is no result yet."""


def blocked(today: date, flare_today: bool, flare_days: Iterable[date], changes: Iterable[LevelChange],
            paused: bool) -> str | None:
    """Why no test may be taken today; None if one may."""
    if paused:
        return "Not while your safety answers say to see a clinician first."
    if flare_today:
        return "Not on a flare day: the tests wait until your back has settled."
    since = today - timedelta(days=GAP_DAYS)
    flare = max((d for d in flare_days if since <= d < today), default=None)
    if flare is not None:
        return f"Not within 48 hours of a flare day ({flare:%a %-d %b}): from {_free(flare)} on."
    down = max((c.day for c in changes if c.after < c.before and since <= c.day <= today), default=None)
    if down is not None:
        return f"Not within 48 hours of a step down ({down:%a %-d %b}): from {_free(down)} on."
    return None


def _free(day: date) -> str:
    return f"{day + timedelta(days=GAP_DAYS + 1):%a %-d %b}"


def too_painful(pain_now: int) -> str | None:
    if pain_now > MAX_PAIN_NOW:
        return (f"Pain {pain_now}/10 right now is above {MAX_PAIN_NOW}: no tests today. Rest, and try again on "
                "a calmer day.")
    return None


class State(Enum):
    BASELINE = "baseline"
    """No results yet, in a week of :data:`BASELINE_WEEKS`: a baseline is offered."""
    NONE_YET = "none yet"
    DUE = "due"
    NOT_DUE = "not due"


class Due(NamedTuple):
    state: State
    last: date | None = None
    next: date | None = None

    def words(self) -> str:
        if self.state is State.BASELINE:
            return "No self-assessment yet: a baseline now makes later changes visible (optional, about 10 min)."
        if self.state is State.NONE_YET:
            return "No self-assessment yet; take one whenever you like (about 10 min)."
        assert self.last is not None and self.next is not None
        then = (f"a re-test is due (since {self.next:%a %-d %b})." if self.state is State.DUE
                else f"the next is due {self.next:%a %-d %b}.")
        return f"Last self-assessment {self.last:%a %-d %b}; {then}"


def due(results: Iterable[Result], today: date, every: int, first_day: date | None) -> Due:
    """Whether a baseline is offered, a re-test due, or neither."""
    days = [r.day for r in results if r.day <= today]
    if not days:
        week = 1 if first_day is None else (today - first_day).days // WEEK + 1
        return Due(State.BASELINE if week in BASELINE_WEEKS else State.NONE_YET)
    last = max(days)
    following = last + timedelta(days=every)
    return Due(State.DUE if today >= following else State.NOT_DUE, last, following)
