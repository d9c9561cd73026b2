"""Section 12's mappings from the latest results to the routine, as
suggestions, and the extra sets and holds the accepted ones add.

Every mapping is an app default resting on very weak evidence: no home test
has been shown to choose the right exercises for back pain. So each is
offered as extra emphasis with that warning, never as a diagnosis; nothing
changes until the person says yes, and no suggestion raises a level:

* **Bridge hold** (one leg): a side under 20 s, or 10 s or more weaker than
  the other: one extra set of the glute bridge on the weaker side, at the
  facts' level 4 or the person's own level if lower, and only at a one-sided
  level (3 or 4). Even sides give no one-sided extra. A cramp: the form cue
  (feet closer, squeeze the glutes first) before bridges.
* **Sit-and-reach**: no change (under 3 cm) over 4 weeks or more: keep the
  hamstring stretch daily (switched back on if it is off). Its level 3 comes
  by the programme's own level rules, never from a test.
* **Straight-leg raise**: a side under 80 degrees (or a band below it), or 10
  degrees or more below the other side: one extra 30 s hamstring stretch hold
  on that side.
* **Thomas test**: the thigh up on one side only: one extra psoas stretch
  hold on that side.
* **Side bridge**: a side 10 s or more shorter: side-plank work on the weaker
  side (one more hold; the side plank switched on if it is off). Both sides
  under 30 s: the side plank stays at level 1 or 2 (the programme offers no
  step up past 2).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import NamedTuple

from practice.assess.calls import Point, Series, failed_with, series
from practice.assess.protocol import (
    BRIDGE,
    LEFT,
    RIGHT,
    SIDE_BRIDGE,
    SIT_AND_REACH,
    SLR_BELOW_NORMAL,
    SLR_NORMAL,
    STRAIGHT_LEG_RAISE,
    THIGH_UP,
    THOMAS,
    NOISE_CM,
    Stop,
)
from practice.assess.records import CUE, END, HOLD, NO, ON, SET, YES, Choice, Result

GLUTE_BRIDGE, HAMSTRING, PSOAS, SIDE_PLANK = ("glute-bridge", "hamstring-lying-static-stretch",
                                              "psoas-kneeling-stretch", "side-plank")
WEAK = ("The evidence is very weak: no home test has been shown to pick the right exercises for back "
        "pain. Take it as extra emphasis, not a diagnosis.")
THOMAS_WEAK = (" The Thomas test is unreliable at home, and the link from a tight hip flexor to lazy "
               "glutes is only partly supported.")
WEAKER_BY = 10
"""Seconds (or degrees) that make a side the weaker one."""
BRIDGE_UNDER = 20
SIDE_BRIDGE_UNDER = 30
BRIDGE_LEVEL = 4
"""The level the facts name for the extra bridge set."""
ONE_SIDED_FROM = 3
"""The glute bridge's first level worked one side at a time."""
SIDE_PLANK_CAP = 2
NO_CHANGE_DAYS = 28


class Suggestion(NamedTuple):
    test: str
    exercise: str
    side: str | None
    kind: str
    basis: date
    reason: str
    """What the result showed."""
    offer: str
    """What a yes does, as a question."""
    warning: str = WEAK

    @property
    def extra(self) -> tuple[str, str | None, str]:
        return self.exercise, self.side, self.kind


class Findings(NamedTuple):
    suggestions: list[Suggestion]
    notes: list[str]
    """What the results mean for the routine without a change to offer."""


def _latest(lines: Iterable[Series], version: str | None = None) -> tuple[date | None, dict[str | None, Point]]:
    """The last day with a measured result, and each side's result that day."""
    lines = [line for line in lines if version is None or line.version == version]
    day = max((p.day for line in lines for p in line.points), default=None)
    return day, {line.side: line.points[-1] for line in lines if line.points and line.points[-1].day == day}


def findings(results: Iterable[Result], levels: Mapping[str, int], on: frozenset[str]) -> Findings:
    """Every mapping that applies to the latest results."""
    results = list(results)
    found: list[Suggestion] = []
    notes: list[str] = []
    _bridge(results, levels, found, notes)
    _sit_and_reach(results, on, found, notes)
    _leg_raise(results, found)
    _thomas(results, found)
    _side_bridge(results, on, found, notes)
    return Findings(found, notes)


def _weaker(sides: Mapping[str | None, Point]) -> tuple[str, int, int] | None:
    """The weaker side, its value and the other's; None without both sides
    or when they are even."""
    left, right = sides.get(LEFT), sides.get(RIGHT)
    if left is None or right is None or not isinstance(left.value, int) or not isinstance(right.value, int):
        return None
    if left.value == right.value:
        return None
    return (LEFT, left.value, right.value) if left.value < right.value else (RIGHT, right.value, left.value)


def _bridge(results: list[Result], levels: Mapping[str, int], found: list[Suggestion], notes: list[str]) -> None:
    lines = series(results, BRIDGE)
    day, sides = _latest(lines, "single")
    weaker = _weaker(sides)
    if day is not None and weaker is not None:
        side, value, other = weaker
        if value < BRIDGE_UNDER or other - value >= WEAKER_BY:
            why = (f"under {BRIDGE_UNDER} s" if value < BRIDGE_UNDER else f"{other - value} s shorter than the other")
            reason = f"Your one-leg bridge on the {side}: {value} s, {why}."
            level = min(levels.get(GLUTE_BRIDGE, 1), BRIDGE_LEVEL)
            if level >= ONE_SIDED_FROM:
                found.append(Suggestion(BRIDGE.id, GLUTE_BRIDGE, side, SET, day, reason,
                                        f"Add one glute bridge set (level {level}) on the {side}?"))
            else:
                notes.append(f"{reason} An extra one-sided bridge set waits until your glute bridge reaches "
                             f"level {ONE_SIDED_FROM}, the first worked one side at a time.")
    cramps = [r for r in results if r.test == BRIDGE.id and r.stopped == Stop.CRAMP.value]
    if cramps:
        last = max(cramps, key=lambda r: r.at)
        found.append(Suggestion(BRIDGE.id, GLUTE_BRIDGE, None, CUE, last.day,
                                "Your hamstrings cramped in the bridge test.",
                                "Show a reminder on Today: feet closer, squeeze the glutes before you lift?"))


def _sit_and_reach(results: list[Result], on: frozenset[str], found: list[Suggestion], notes: list[str]) -> None:
    lines = series(results, SIT_AND_REACH)
    points = lines[0].points if lines else ()
    if not points:
        return
    latest = points[-1]
    earlier = [p for p in points if p.day <= latest.day - timedelta(days=NO_CHANGE_DAYS)]
    if not earlier:
        return
    before, now = earlier[-1].value, latest.value
    if not isinstance(before, int) or not isinstance(now, int) or abs(now - before) >= NOISE_CM:  # a reach is in whole cm
        return
    reason = f"Your sit-and-reach has not changed by {NOISE_CM} cm or more in {NO_CHANGE_DAYS // 7} weeks or more."
    if HAMSTRING not in on:
        found.append(Suggestion(SIT_AND_REACH.id, HAMSTRING, None, ON, latest.day, reason,
                                "Switch the lying hamstring stretch back on, every day?"))
    else:
        notes.append(f"{reason} Keep the hamstring stretch daily; its level 3 comes through your usual "
                     "level suggestions, never from a test.")


def _leg_raise(results: list[Result], found: list[Suggestion]) -> None:
    day, sides = _latest(series(results, STRAIGHT_LEG_RAISE))
    if day is None:
        return
    for side, other in ((LEFT, RIGHT), (RIGHT, LEFT)):
        point, against = sides.get(side), sides.get(other)
        if point is None:
            continue
        value = point.value
        low = value < SLR_NORMAL if isinstance(value, int) else value in SLR_BELOW_NORMAL
        behind = (against.value - value if isinstance(value, int) and against is not None
                  and isinstance(against.value, int) else 0)
        if low or behind >= WEAKER_BY:
            why = "under 80 degrees" if low else f"{behind} degrees below the {other}"
            found.append(Suggestion(STRAIGHT_LEG_RAISE.id, HAMSTRING, side, HOLD, day,
                                    f"Your straight-leg raise on the {side}: {why}.",
                                    f"Add one 30 s hamstring stretch hold on the {side}?"))


def _thomas(results: list[Result], found: list[Suggestion]) -> None:
    day, sides = _latest(series(results, THOMAS))
    if day is None or LEFT not in sides or RIGHT not in sides:
        return
    up = [side for side in (LEFT, RIGHT) if failed_with(sides[side], THIGH_UP)]
    if len(up) == 1:
        side = up[0]
        found.append(Suggestion(THOMAS.id, PSOAS, side, HOLD, day,
                                f"Your {side} Thomas test: the thigh stayed up (the other side's did not).",
                                f"Add one psoas stretch hold on the {side}?", WEAK + THOMAS_WEAK))


def _side_bridge(results: list[Result], on: frozenset[str], found: list[Suggestion], notes: list[str]) -> None:
    day, sides = _latest(series(results, SIDE_BRIDGE))
    weaker = _weaker(sides)
    if day is None or len(sides) < 2:
        return
    if weaker is not None and weaker[2] - weaker[1] >= WEAKER_BY:
        side, value, other = weaker
        start = "" if SIDE_PLANK in on else " (this switches the side plank on)"
        found.append(Suggestion(SIDE_BRIDGE.id, SIDE_PLANK, side, HOLD, day,
                                f"Your side bridge on the {side}: {value} s, {other - value} s shorter than the other.",
                                f"Add one side-plank hold on the {side}{start}?"))
    if all(isinstance(p.value, int) and p.value < SIDE_BRIDGE_UNDER for p in sides.values()):
        notes.append(f"Both side bridges under {SIDE_BRIDGE_UNDER} s: the side plank stays at level 1 or 2 "
                     "for now (no step up past 2 is suggested).")


def caps(results: Iterable[Result]) -> dict[str, int]:
    """The highest level a step-up suggestion may reach, by exercise."""
    _, sides = _latest(series(list(results), SIDE_BRIDGE))
    if len(sides) == 2 and all(isinstance(p.value, int) and p.value < SIDE_BRIDGE_UNDER for p in sides.values()):
        return {SIDE_PLANK: SIDE_PLANK_CAP}
    return {}


def active(choices: Iterable[Choice]) -> dict[tuple[str, str | None, str], Choice]:
    """The extras in force: each one whose last answer was yes."""
    last: dict[tuple[str, str | None, str], Choice] = {}
    for choice in sorted(choices, key=lambda c: c.at):
        if choice.answer in (YES, END):
            last[choice.extra] = choice
    return {extra: choice for extra, choice in last.items() if choice.answer == YES}


def open_suggestions(found: Iterable[Suggestion], choices: Iterable[Choice]) -> list[Suggestion]:
    """Those not yet in force and not declined for the same results."""
    choices = list(choices)
    running = active(choices)
    declined = {(c.test, *c.extra, c.basis) for c in choices if c.answer == NO}
    return [s for s in found if (s.kind == ON or s.extra not in running)
            and (s.test, *s.extra, s.basis) not in declined]
