"""Merging imported days and lists into what is stored: nothing stored is
lost, the import fills gaps, and merging the same thing twice changes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from practice.assess.records import AssessLog, Choice, Result
from practice.daylog import DayKind, DayRecord
from practice.programme.log import Answers, Clearance, Decline, LevelChange, ProgrammeLog

Entry = LevelChange | Decline | Answers | Clearance | Result | Choice
"""One entry of the programme's or the self-assessments' lists."""


def merge(stored: DayRecord | None, incoming: DayRecord) -> DayRecord:
    """Union of ticks; what is already stored wins, the import only fills
    gaps. Merging the same day twice changes nothing the second time."""
    if stored is None:
        return incoming
    ticks = dict(stored.ticks)
    for exercise_id, at in incoming.ticks.items():
        if ticks.get(exercise_id) is None:
            ticks[exercise_id] = at
    skips = {i: why for i, why in {**incoming.skips, **stored.skips}.items() if i not in ticks}
    return stored._replace(
        ticks=ticks,
        plan=stored.plan if stored.plan is not None else incoming.plan,
        levels=stored.levels if stored.plan is not None else incoming.levels,
        volume=stored.volume if stored.plan is not None else incoming.volume,
        doses=stored.doses if stored.plan is not None else incoming.doses,
        kind=stored.kind if stored.kind is not DayKind.NORMAL else incoming.kind,
        pain_before=_first(stored.pain_before, incoming.pain_before),
        pain_after=_first(stored.pain_after, incoming.pain_after),
        pain_24h=_first(stored.pain_24h, incoming.pain_24h),
        leg=stored.leg if stored.leg is not None else incoming.leg,
        fall=stored.fall or incoming.fall,
        note=stored.note or incoming.note,
        skips=skips,
        pain_skips=frozenset(i for i in stored.pain_skips | incoming.pain_skips if i in skips),
        held={**incoming.held, **stored.held},
        ratings={**incoming.ratings, **stored.ratings},
        pain_during={**incoming.pain_during, **stored.pain_during},
        stop=stored.stop or incoming.stop,
    )


def _first(*values: int | None) -> int | None:
    return next((v for v in values if v is not None), None)


def new_entries(stored: ProgrammeLog | AssessLog, incoming: ProgrammeLog | AssessLog) -> list[Entry]:
    """The entries of ``incoming`` (level changes, declines, answers and
    clearances; or self-test results and answers) that ``stored`` does not
    hold yet, in the order they came."""
    found: list[Entry] = []
    # Each field of both kinds of log is a tuple of entries; mypy sees only a tuple of their fields' types.
    lists = cast("Iterable[tuple[tuple[Entry, ...], tuple[Entry, ...]]]", zip(stored, incoming))
    for have, got in lists:
        known = set(have)
        for entry in got:
            if entry not in known:
                found.append(entry)
                known.add(entry)
    return found
