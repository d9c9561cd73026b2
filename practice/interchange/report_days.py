"""The report's days: the period it covers, a line a day (pain, legs, what
was done, today's so far), and what a physiotherapist asks about first:
each stop, skip, partial hold and pain during an exercise, with its reason."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from practice.daylog import DayKind, DayRecord, Leg, Volume
from practice.day.plan import Plan, frozen_plan
from practice.day.said import STOP_WHY, in_part, skip_words
from practice.interchange.report_doc import Block, Item, Para, bullets, section, table
from practice.interchange.report_programme import name_of
from practice.journal.journal import Journal
from practice.words import count, report_day

LEG_WORDS = {Leg.NONE: "none", Leg.ONE: "one leg", Leg.BOTH: "both legs"}


class Period(NamedTuple):
    first: date
    """The report's first day."""
    today: date
    since: date | None
    """The first day ever recorded (None: nothing is yet)."""
    days: tuple[date, ...]
    """The days it shows: from its first day, or the first day ever
    recorded if that is later, to today."""
    records: dict[date, DayRecord]
    """Each recorded day's record (today's with its live plan)."""
    plans: dict[date, Plan]
    """The plan of each recorded day that timed a hold, as the day kept it
    (it says the seconds planned), and today's."""


def period(journal: Journal, weeks: int) -> Period:
    today = journal.today()
    first = today - timedelta(weeks=weeks) + timedelta(days=1)
    since = journal.first_day()
    start = max(first, since) if since is not None else today
    days = tuple(start + timedelta(days=n) for n in range((today - start).days + 1))
    records = journal.history(days)
    catalog, levels = journal.catalog, journal.levels()  # once: a year of days reads them
    plans = {day: frozen_plan(record, catalog, levels) for day, record in records.items()
             if record.held and day != today}
    view = journal.view()
    plans[today] = view.plan
    if today in records or since is not None:
        records[today] = view.record
    return Period(first, today, since, days, records, plans)


def day_label(day: date, today: date) -> str:
    """"Sat 21 Nov (today)": the year is the title's."""
    return f"{day:%a %-d %b}" + (" (today)" if day == today else "")


def today_line(journal: Journal, days: Period) -> Item | None:
    """Today, still open, as far as it has gone (None once it is complete:
    then the counts hold it)."""
    record = days.records.get(days.today)
    if record is None or record.complete:
        return None
    label = f"Today, {report_day(days.today)}"
    if record.kind is DayKind.REST:
        extra = f", with {count(len(record.ticks), 'exercise')} done as extra" if record.ticks else ""
        return Item(f"a rest day{extra}; rest days are not counted.", label)
    said = [f"{_done(record)} done so far"]
    on_plan = record.plan or ()
    pain_skips = sum(1 for i in on_plan if i in record.pain_skips)
    others = sum(1 for i in on_plan if i in record.skips and i not in record.pain_skips)
    if pain_skips:
        said.append(f"{pain_skips} skipped for pain")
    if others:
        said.append(f"{others} skipped for other reasons")
    if record.stop is not None:
        return Item(", ".join(said) + ", and the session was stopped for pain. It is shown below; a day stopped "
                    "for pain is not counted.", label)
    return Item(", ".join(said) + ". The day is still open: it is shown below as it stands, and counted once "
                "it is complete or over.", label)


def leg_line(days: Period) -> Item:
    mornings = [(d, r.leg) for d, r in sorted(days.records.items()) if r.leg is not None]
    with_legs = [f"{d:%a %-d %b} ({LEG_WORDS[leg]})" for d, leg in mornings if leg is not Leg.NONE]
    label = "Leg symptoms (pain, tingling or numbness in a leg)"
    if not mornings:
        return Item("not asked: no morning check-in in this period", label)
    if not with_legs:
        return Item(f"none, on {count(len(mornings), 'morning')} checked in", label)
    return Item(f"{count(len(with_legs), 'morning')} of {len(mornings)} checked in: " + ", ".join(with_legs), label)


def day_by_day(journal: Journal, days: Period) -> list[Block]:
    if days.since is None:
        return section("Day by day", Para("Nothing recorded yet."))
    rows = []
    for day in days.days:
        record = days.records.get(day)
        if record is None:
            rows.append((day_label(day, days.today), "-", "-", "-", "-", "-", "nothing recorded"))
            continue
        rows.append((day_label(day, days.today), _kind(record), _score(record.pain_24h),
                     "-" if record.leg is None else LEG_WORDS[record.leg], _score(record.pain_before),
                     _score(record.pain_after), _done_cell(record, day == days.today)))
    return section(
        "Day by day",
        Para("Pain from 0 to 10: the back over the last 24 hours (the morning check-in), then just before and "
             "just after the session. Legs: pain, tingling or numbness in a leg that morning. Done: exercises "
             "ticked of those planned (a skip for pain is not counted as done here)."),
        table(("Day", "Kind", "Back, 24 h", "Legs", "Before", "After", "Done"), rows, right=(2, 4, 5)),
    )


def _kind(record: DayRecord) -> str:
    kind = {DayKind.NORMAL: "usual", DayKind.REST: "rest", DayKind.FLARE: "flare"}[record.kind]
    return kind + (", lighter" if record.volume is Volume.REDUCED and record.kind is DayKind.NORMAL else "")


def _score(value: int | None) -> str:
    return "-" if value is None else str(value)


def _done(record: DayRecord) -> str:
    plan = record.plan or ()
    return f"{sum(1 for i in plan if i in record.ticks)} of {len(plan)}"


def _done_cell(record: DayRecord, today: bool) -> str:
    if record.kind is DayKind.REST:
        return "rest day" + (f", {count(len(record.ticks), 'extra')}" if record.ticks else "")
    if not record.plan:
        return "nothing planned"
    return _done(record) + (" so far" if today and not record.complete else "") + (
        ", stopped" if record.stop is not None else "")


def happenings(journal: Journal, days: Period) -> list[Block]:
    found = [item for day in days.days for item in _events(journal, days, day)]
    return section(
        "Stops, skips, partial holds and pain during exercises",
        bullets(found) if found else Para("None in this period."),
    )


def _events(journal: Journal, days: Period, day: date) -> list[Item]:
    record = days.records.get(day)
    if record is None:
        return []
    label, plan = day_label(day, days.today), days.plans.get(day)
    found = [Item("a fall or injury reported at the morning check-in", label)] if record.fall else []
    noted = {*record.skips, *record.pain_during, *record.held}  # what can have a word said of it
    on_plan = record.plan or ()
    ordered = [*(i for i in on_plan if i in noted), *sorted(noted - set(on_plan))]
    for exercise_id in ordered:
        mark = record.mark(exercise_id)
        said = []
        if mark.skipped is not None:
            said.append(skip_words(mark.skipped, mark.pain_skip, mark.pain_during))
        elif mark.pain_during is not None:
            said.append(f"pain {mark.pain_during}/10 during it")
        item = plan.item(exercise_id) if plan is not None else None
        part = in_part(item, mark.held) if item is not None and mark.ticked else ""
        if part:
            said.append(f"done in part: {part}")
        if said:
            found.append(Item(f"{name_of(journal, exercise_id)}: {'; '.join(said)}", label))
    if record.stop is not None:
        during = f" during {name_of(journal, record.stop.exercise)}" if record.stop.exercise else ""
        found.append(Item(f"session stopped{during}, for {STOP_WHY}", label))
    return found
