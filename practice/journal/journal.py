"""The day log as a person uses it: today's plan, ticks, and the numbers.

The CLI and the TUI both go through a :class:`Journal`; it joins the clock, the
catalog, the routine rules and the store, and imports no UI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from copy import copy
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from practice import validate
from practice.catalog import Catalog, Exercise, FlareGate, Phase, load_catalog
from practice.clock import Clock, Shifted, SystemClock, practice_day
from practice.day.triage import gentle_on
from practice.daylog import DayKind, DayRecord, Leg, Rating, Stop, Volume
from practice.errors import DayChanged, UsageError
from practice.journal.own_catalog import OwnCatalog
from practice.locations import database_path
from practice.programme import pain as pain_model
from practice.programme.levels import current_levels
from practice.programme.log import ProgrammeLog

if TYPE_CHECKING:
    from practice.interchange import Imported
from practice.day.plan import Limit, Plan, PlanItem, RoutineSettings, frozen_plan, item_for, plan_for
from practice.day.settings import Settings
from practice.day.stats import Carry, Stats, carry, carry_until, compute, recent_days
from practice.day.view import DayView, Edit, Switched, TickResult
from practice.programme.screening import Mode, protected_days, screening_mode
from practice.store.database import Database
from practice.store.recent import Recent, take
from practice.words import count


RECENT_WINDOW = 150
"""How many days back the recent part the status cache keeps reaches
(:meth:`Journal.recent_part`): past all a day's rules read (120 days,
:data:`practice.journal.coach.HISTORY_DAYS`) and the adherence windows."""


class Journal:
    def __init__(
        self, data_dir: Path, clock: Clock | None = None, catalog: Catalog | None = None
    ) -> None:
        self.clock = clock or SystemClock()
        self.db = Database(database_path(data_dir), now=self.clock.now)
        self.own = OwnCatalog(catalog or load_catalog(), self.db)
        self._stats: tuple[tuple[object, date], Stats] | None = None
        self._carry: tuple[object, Carry] | None = None
        """The figures of the days before the adherence windows, and the
        file they were counted from: a new day adds a day to them."""

    def later(self, days: int) -> Journal:
        """This journal as it will be ``days`` later if nothing changes: the
        same store and catalog, its clock that much later (what the status
        cache works tomorrow's status out with)."""
        other = copy(self)
        other.clock = Shifted(self.clock, timedelta(days=days))
        return other

    @property
    def catalog(self) -> Catalog:
        """backtui's exercises and the person's own."""
        return self.own.catalog()

    @property
    def notices(self) -> list[str]:
        return self.db.storage.notices

    def today(self, settings: Settings | None = None) -> date:
        hour = (settings or self.db.settings()).day_start_hour
        return practice_day(self.clock.now(), hour)

    def exercise(self, exercise_id: str) -> Exercise:
        exercise = self.catalog.get(exercise_id)
        if exercise is None:
            from difflib import get_close_matches  # start-up: difflib only for an id not known

            typed = exercise_id[: validate.SLUG_LIMIT]
            folded = self.catalog.get(typed.strip().lower())
            if folded is not None:
                return folded
            near = get_close_matches(typed.lower(), [e.id for e in self.catalog.exercises], n=2)
            guess = f"did you mean {' or '.join(near)}? " if near else ""
            raise UsageError(
                f"unknown exercise id {typed!r}; {guess}'backtui routine --all' lists the ids"
            )
        return exercise

    def plan(
        self,
        day: date,
        kind: DayKind,
        settings: Settings | None = None,
        levels: Mapping[str, int] | None = None,
        volume: Volume = Volume.FULL,
        leg: bool = False,
    ) -> Plan:
        """The plan for ``day``: the routine at the levels given (by default
        the current ones), with the screening's limit, the extras of
        accepted self-test suggestions from today on, and what leg symptoms
        (``leg``) leave out or ease."""
        settings = settings or self.db.settings()
        log = self.db.programme()
        live = day >= self.today(settings)
        limit = self.limit(log) if live else Limit.NONE
        if levels is None:
            levels = current_levels(self.catalog, log.changes)
        extras = None
        choices = self.db.assessments().choices if live else ()
        if choices:  # (the self-assessment rules are imported only by those who took one)
            from practice.assess.extras import routine_extras

            extras = routine_extras(self.catalog, choices, levels)
        start = live and gentle_on(settings.triage, day)
        held = self._held(day, settings, log) if live else None
        return plan_for(day, self.catalog, settings.routine, kind, levels, volume, limit, extras, leg, start, held)

    def _held(self, day: date, settings: Settings, log: ProgrammeLog) -> dict[str, FlareGate] | None:
        """Gated exercises that are on and left out on ``day`` while the back
        is sore (worked out only for those who have one on)."""
        from practice.programme import gates  # start-up: gates only for those with a gated exercise on

        on = [i for i in gates.GATES if i in self.catalog and settings.routine.is_on(self.catalog[i])]
        if not on:
            return None
        days = [day - timedelta(days=n) for n in range(gates.HOLD_LOOKBACK + gates.WEEK)]
        mornings = self.db.scores("pain_24h", days)
        flare = {d: DayRecord(d, kind=DayKind.FLARE) for d in self.db.flare_days(days)}  # all the check reads of a day
        inputs = gates.GateInputs(self.catalog, flare, mornings, log.changes, day)
        return {i: FlareGate(why) for i in on if (why := gates.held(inputs, i)) is not None}

    def past_plan(self, record: DayRecord) -> Plan:
        """A past day's plan, as the day kept it."""
        return frozen_plan(record, self.catalog, self.levels())

    def item(self, exercise_id: str) -> PlanItem:
        """Today's plan item for an exercise; for one not in today's plan (a
        flare day's alternative, say), the item it would be today."""
        plan = self.view().plan
        found = plan.item(exercise_id)
        if found is not None and found.gate is None:
            return found
        exercise = self.exercise(exercise_id)
        gentle = plan.kind is DayKind.FLARE or plan.volume is Volume.HALF
        return item_for(exercise, self.levels()[exercise.id], gentle, plan.volume,
                        settings=self.db.settings().routine)

    def levels(self) -> dict[str, int]:
        """Every exercise's level now."""
        return current_levels(self.catalog, self.db.programme().changes)

    def limit(self, log: ProgrammeLog | None = None) -> Limit:
        """What the safety screening allows now."""
        log = log or self.db.programme()
        mode = screening_mode(log.answers, log.clearances)
        return {Mode.EMERGENCY: Limit.STOPPED, Mode.SEE_GP: Limit.GENTLE}.get(mode, Limit.NONE)

    def mornings(self) -> dict[date, int]:
        """Every morning check-in (pain over the last 24 hours) up to today."""
        today = self.today()
        return {d: v for d, v in self.db.scores("pain_24h").items() if d <= today}

    def in_flare(self, day: date) -> bool:
        """Flare mode going into ``day`` (before its own check-in)."""
        since = day - timedelta(days=pain_model.FLARE_LOOKBACK)
        kinds = self.db.records([since + timedelta(days=n) for n in range(pain_model.FLARE_LOOKBACK)])
        flare_days = [d for d, r in kinds.items() if r.kind is DayKind.FLARE]
        return bool(flare_days) and pain_model.in_flare(day, flare_days, self.mornings())

    def view(self, day: date | None = None) -> DayView:
        settings = self.db.settings()
        today = self.today(settings)
        day = day or today
        return self._current(self.db.record(day), day, today, settings)

    def _current(
        self, stored: DayRecord | None, day: date, today: date, settings: Settings
    ) -> DayView:
        """The day's plan and its stored record, the record given the live plan
        (and its levels and volume) if the day is not past yet. A day not yet
        recorded in flare mode starts as a flare day."""
        if stored is None:
            stored_kind = DayKind.FLARE if day == today and self.in_flare(day) else DayKind.NORMAL
            record = DayRecord(day, kind=stored_kind)
        else:
            record = stored
        reduced = Volume.REDUCED if record.volume is Volume.REDUCED else Volume.FULL
        if record.plan is None or day >= today:
            plan = self.plan(day, record.kind, settings, volume=reduced, leg=record.leg in (Leg.ONE, Leg.BOTH))
            record = record._replace(plan=plan.due, levels=plan.levels, volume=plan.volume, doses=plan.doses)
        else:
            plan = self.past_plan(record)
        return DayView(self._with_unplanned(plan, record), record, settings.get_ready)

    def _with_unplanned(self, plan: Plan, record: DayRecord) -> Plan:
        """``plan`` with what was ticked that day though it does not hold it,
        each as it would be today (worked out only when there is some)."""
        done = [self.catalog[i] for i in record.ticks if plan.item(i) is None and i in self.catalog]
        if not done:
            return plan
        levels, routine = self.levels(), self.db.settings().routine
        return plan._replace(unplanned=tuple(
            item_for(e, levels.get(e.id, e.start), False, Volume.FULL, settings=routine) for e in routine.ordered(done)))

    def _stored_with_live_today(
        self, days: Iterable[date] | None, today: date, settings: Settings
    ) -> dict[date, DayRecord]:
        """Stored records (all, or of ``days``), today's with its live plan."""
        records = self.db.records(days)
        if today in records:
            records[today] = self._current(records[today], today, today, settings).record
        return records

    # Changes ---------------------------------------------------------------

    def edit(
        self, change: Callable[[DayRecord], DayRecord], day: date | None = None, expect: date | None = None
    ) -> Edit:
        """Apply ``change`` to a day's record (today's by default) and save it,
        all under the store's lock: the change sees what is on disk.

        ``expect`` is the day a screen shows as today: a change is dated by the
        practice day at the moment it is made, so if a new day has begun since
        (a laptop woken days later), :class:`DayChanged` is raised and nothing
        is saved. A day after today can only be corrected (ticks taken away),
        never added to: a clock set back may have left one."""
        with self.db.transaction():
            settings = self.db.settings()
            today = self.today(settings)
            if expect is not None and expect != today:
                raise DayChanged(today)
            day = day or today
            stored = self.db.record(day)
            if day > today and stored is None:
                validate.day(day, today)
            current = self._current(stored, day, today, settings)
            # the live plan follows the change (a new kind, say); a past day keeps its own
            view = self._current(change(current.record), day, today, settings)
            after = view.record
            if after != stored:
                future = day > today and stored is not None and after.ticks.keys() <= stored.ticks.keys()
                validate.record(after, day if future else today)
                self.db.put(after, at=self.moment())
        return Edit(view, current.record)

    def tick(self, exercise_id: str, day: date | None = None, held: int | None = None) -> TickResult:
        """Tick an exercise; ``held`` is the seconds a timer ran it for."""
        exercise = self.exercise(exercise_id)
        if (day is None or day >= self.today()) and self.limit() is Limit.STOPPED:
            raise UsageError("no exercises today: your answers to the safety questions need emergency care "
                             "first (run backtui to see what to do)")
        at = self.moment()
        done = self.edit(lambda record: record.with_tick(exercise.id, at, held), day)
        return TickResult(exercise, done.view, changed=done.changed_ticks)

    def rating(self, exercise_id: str, rating: Rating) -> Callable[[DayRecord], DayRecord]:
        """The change that rates an exercise done that day (only a done one
        can be rated: the rules read a rating as how a session went)."""
        exercise = self.exercise(exercise_id)

        def change(record: DayRecord) -> DayRecord:
            if exercise.id not in record.ticks:
                raise UsageError(f"{exercise.name} was not done on {record.day:%a %-d %b}: tick it first, then rate it")
            return record.with_rating(exercise.id, rating)

        return change

    def rate(self, exercise_id: str, rating: Rating, day: date | None = None) -> Edit:
        """Rate an exercise done on ``day`` (today by default)."""
        return self.edit(self.rating(exercise_id, rating), day)

    def untick(self, exercise_id: str, day: date | None = None) -> TickResult:
        exercise = self.exercise(exercise_id)
        done = self.edit(lambda record: record.without_tick(exercise.id), day)
        return TickResult(exercise, done.view, changed=done.changed_ticks)

    def set_done(self, done: Iterable[str], day: date | None = None) -> Edit:
        """Tick exactly ``done`` among the day's plan (a past day's edit); ticks
        kept keep their times."""
        done = {self.exercise(i).id for i in done}
        at = self.moment()

        def change(record: DayRecord) -> DayRecord:
            for exercise_id in record.plan or ():
                record = (record.with_tick(exercise_id, at) if exercise_id in done
                          else record.without_tick(exercise_id))
            return record

        return self.edit(change, day)

    def skip(self, exercise_id: str, reason: str, day: date | None = None, pain: bool = False,
             expect: date | None = None) -> Edit:
        """Skip an exercise; ``pain``: because of pain (it counts as done for
        the day and the streak, and steps it down next time)."""
        exercise = self.exercise(exercise_id)
        reason = validate.text(reason.strip(), f"skip reason of {exercise.id}", validate.REASON_LIMIT)
        return self.edit(lambda record: record.with_skip(exercise.id, reason, pain), day, expect)

    def stop(self, exercise_id: str | None = None, expect: date | None = None) -> Edit:
        """End today's session for pain, recording when and during what."""
        stop = Stop(self.moment(), exercise_id and self.exercise(exercise_id).id)
        return self.edit(lambda record: record._replace(stop=stop), expect=expect)

    def set_kind(self, kind: DayKind, day: date | None = None, expect: date | None = None) -> Edit:
        """Make a day a normal, rest or flare day. Its plan follows the kind;
        a rest day must keep within the rest-day limit."""

        def change(record: DayRecord) -> DayRecord:
            settings = self.db.settings()
            if kind is DayKind.REST:
                self._check_rest_limit(record.day, settings.rest_days)
            return record._replace(kind=kind, plan=self.plan(record.day, kind, settings).due)

        return self.edit(change, day, expect)

    def _check_rest_limit(self, day: date, limit: int) -> None:
        """Any 7 days in a row hold at most ``limit`` rest days, this one included."""
        near = [day + timedelta(days=n) for n in range(-6, 7) if n]
        rests = {d for d, r in self.db.records(near).items() if r.kind is DayKind.REST}
        for start in (day - timedelta(days=n) for n in range(7)):
            window = [start + timedelta(days=n) for n in range(7)]
            if 1 + sum(d in rests for d in window) > limit:
                others = ", ".join(f"{d:%a %-d %b}" for d in sorted(rests & set(window)))
                raise UsageError(
                    f"at most {count(limit, 'rest day')} in any 7 days" + (f"; already resting on {others}" if others else "")
                )

    def check_in(
        self, pain: int | None, after: bool = False, day: date | None = None, expect: date | None = None
    ) -> Edit:
        """Record pain from 0 to 10 before (or ``after``) the session; None clears it."""
        validate.pain(pain, "pain_after" if after else "pain_before")
        if after:
            return self.edit(lambda record: record._replace(pain_after=pain), day, expect)
        return self.edit(lambda record: record._replace(pain_before=pain), day, expect)

    def set_note(self, note: str, day: date | None = None, expect: date | None = None) -> Edit:
        note = validate.text(note.strip(), "note", validate.NOTE_LIMIT)
        return self.edit(lambda record: record._replace(note=note), day, expect)

    def moment(self) -> int:
        """Now, in whole Unix seconds."""
        return int(self.clock.now().timestamp())

    def switch(self, exercise_id: str, on: bool) -> Switched:
        """Turn an exercise on or off in the routine; today's plan follows.
        If it already was so, nothing is written."""
        exercise = self.exercise(exercise_id)
        changed = self.change_routine(lambda routine: routine.switched(exercise, on))
        return Switched(exercise, changed)

    def change_routine(self, change: Callable[[RoutineSettings], RoutineSettings]) -> bool:
        """Change the routine (``change`` sees it as stored, under the lock);
        today's plan follows, past days keep theirs. False if nothing changed."""
        with self.db.transaction():
            settings = self.db.settings()
            routine = change(settings.routine)
            if routine == settings.routine:
                return False
            settings = settings._replace(routine=routine)
            self.db.put_settings(settings)
            self.replan_today(settings)
        return True

    def replan_today(self, settings: Settings | None = None) -> None:
        """Inside a transaction: today's stored record takes the plan as the
        routine now makes it."""
        settings = settings or self.db.settings()
        today = self.today(settings)
        stored = self.db.record(today)
        if stored is not None:
            self.db.put(self._current(stored, today, today, settings).record, at=self.moment())

    def update_settings(self, **changes: Any) -> Settings:
        """Change settings other than the routine (the safety acknowledgement,
        the theme), each given by its field's name in :class:`Settings`."""
        with self.db.transaction():
            settings = self.db.settings()._replace(**changes)
            self.db.put_settings(settings)
        return settings

    def set_rest_days(self, limit: int) -> Settings:
        """Allow at most ``limit`` rest days in any 7 days from now on; rest
        days already taken stay."""
        return self.update_settings(rest_days=validate.rest_days(limit))

    def set_day_start(self, hour: int) -> Settings:
        """Start each day at ``hour`` o'clock from now on: before then it is
        still the day before. Days already recorded keep their dates."""
        return self.update_settings(day_start_hour=validate.day_start(hour))

    def set_guide(self, get_ready: int | None = None, paced: bool | None = None, sound: str | None = None,
                  speech: bool | None = None, figures: bool | None = None) -> Settings:
        """The guided session's settings: the get-ready countdown, paced
        repetitions, sound cues, speech and the figures beside the timer
        (None leaves one as it is)."""
        changes: dict[str, object] = {}
        if get_ready is not None:
            changes["get_ready"] = validate.get_ready(get_ready)
        if sound is not None:
            changes["sound"] = validate.sound(sound)
        changes.update({k: v for k, v in (("paced", paced), ("speech", speech), ("figures", figures)) if v is not None})
        return self.update_settings(**changes)

    def acknowledge_safety(self) -> Settings:
        return self.update_settings(safety_ack=self.moment())

    # Numbers ---------------------------------------------------------------

    def stats(self) -> Stats:
        """The numbers; worked out again only when the log or the day changed."""
        settings = self.db.settings()
        today = self.today(settings)
        key = (self.db.stamp, today)
        if key[0] is not None and self._stats is not None and self._stats[0] == key:
            return self._stats[1]
        stats = self._compute_stats(settings, today)
        self._stats = (key, stats)
        return stats

    def _compute_stats(self, settings: Settings, today: date) -> Stats:
        log = self.db.programme()
        free = {d.toordinal() for d in protected_days(log.answers, log.clearances, today)}
        before = self._carried(today, free)
        days = self.db.facts(since=before.until)
        recent = self._stored_with_live_today(recent_days(today), today, settings)
        if today in recent:
            days[today.toordinal()] = recent[today].facts
        levels = current_levels(self.catalog, log.changes)
        return compute(
            days,
            recent,
            today,
            phase_of=self.phase_of,
            plan_if_missing=lambda day: plan_for(day, self.catalog, settings.routine, DayKind.NORMAL, levels).due,
            free=free,
            before=before,
        )

    def _carried(self, today: date, free: set[int]) -> Carry:
        """The figures of the days before today's adherence windows: those
        counted from this file before (or kept with its recent part), or
        counted now from the whole log and kept."""
        stamp = self.db.stamp
        kept = self._carry
        if kept is not None and stamp is not None and kept[0] == stamp and kept[1].until <= carry_until(today):
            return kept[1]
        counted = carry(self.db.facts(), carry_until(today), free)
        self._carry = None if stamp is None else (stamp, counted)
        return counted

    def use(self, recent: Recent, before: Carry) -> None:
        """Answer from the database's recent part and the figures of the days
        before it, both kept from this very file (practice.status.cache),
        until the whole log is read."""
        self.db.use_recent(recent)
        self._carry = (recent.stamp, before)

    def recent_part(self) -> tuple[Recent, Carry] | None:
        """The database's recent part and the figures of the days before it,
        for the status cache to keep (None: no database yet)."""
        today = self.today()
        stamp = self.db.stamp
        if self.db.recent is not None and self._carry is not None and self._carry[0] == stamp:
            return self.db.recent, self._carry[1]  # what was kept still holds
        self.db.load()
        stamp = self.db.stamp
        if stamp is None:
            return None
        log = self.db.programme()
        before = self._carried(today, {d.toordinal() for d in protected_days(log.answers, log.clearances, today)})
        return take(self.db.tables(), stamp, today.toordinal() - RECENT_WINDOW), before

    def pain(self) -> tuple[dict[date, int], dict[date, int]]:
        """Every pain check-in up to today: (before the session, after it), by day."""
        today = self.today()
        before, after = (
            {d: v for d, v in self.db.scores(field).items() if d <= today} for field in ("pain_before", "pain_after")
        )
        return before, after

    def first_day(self) -> date | None:
        """The first recorded day, from which every figure counts."""
        return self.db.first_day(self.today())

    def history(self, days: Iterable[date]) -> dict[date, DayRecord]:
        """The stored records of ``days``, today's with its live plan."""
        settings = self.db.settings()
        return self._stored_with_live_today(days, self.today(settings), settings)

    def phase_of(self, exercise_id: str) -> Phase | None:
        """The exercise's phase; None for an id the catalog no longer has."""
        exercise = self.catalog.get(exercise_id)
        return exercise.phase if exercise else None

    def name_of(self, exercise_id: str) -> str:
        """The exercise's name, or its id if the catalog no longer has it."""
        exercise = self.catalog.get(exercise_id)
        return exercise.name if exercise else exercise_id

    # Import and export -----------------------------------------------------

    def records(self) -> dict[date, DayRecord]:
        """Every stored day, with today's live plan."""
        settings = self.db.settings()
        return self._stored_with_live_today(None, self.today(settings), settings)

    def import_(self, imported: Imported) -> ImportSummary:
        """Merge days, programme records and own exercises missing here in
        one save: all of it, or none if the save fails. What is stored wins;
        the import fills gaps. Exercise ids this backtui does not know are
        kept as old ones (their days keep them)."""
        from practice.interchange import merge, new_entries  # start-up: the merge rules only for an import

        with self.db.transaction():
            stored_settings = self.db.settings()
            today = self.today(stored_settings)
            own = {doc["id"] for doc in imported.own}
            old = self.db.keep_old_ids(i for i in _named(imported) if i not in own)
            stored = self.db.records()
            changed, new_ticks = [], 0
            for incoming in imported.days:
                before = stored.get(incoming.day)
                after = merge(before, incoming)
                if after.plan is None:
                    after = after._replace(plan=self.plan(after.day, after.kind, stored_settings).due)
                if after != before:
                    # A copy from a machine whose day is ahead keeps its days
                    # after today; they count once their date comes.
                    changed.append(validate.record(after, max(today, after.day)))
                    new_ticks += len(after.ticks.keys() - (before.ticks.keys() if before else set()))
            self.db.put(*changed, at=self.moment())
            entries = [*new_entries(self.db.programme(), imported.log),
                       *new_entries(self.db.assessments(), imported.assess)]
            for entry in entries:
                self.db.add(entry)
            known = {doc["id"] for doc in self.db.own_docs()}
            for doc in imported.own:  # own exercises fill gaps: the days that did them need them
                if doc["id"] not in known:
                    self.db.put_own(doc)
        return ImportSummary(len(imported.days), len(changed), new_ticks, len(entries), tuple(old))


def _named(imported: Imported) -> Iterator[str]:
    """Every exercise id an import names."""
    for record in imported.days:
        yield from (*record.ticks, *record.skips, *record.held, *record.ratings, *record.pain_during,
                    *(record.plan or ()), *record.levels, *record.doses)
        if record.stop is not None and record.stop.exercise is not None:
            yield record.stop.exercise
    for entries in (imported.log.changes, imported.log.declines, imported.assess.choices):
        yield from (entry.exercise for entry in entries)


class ImportSummary(NamedTuple):
    days: int
    changed_days: int
    new_ticks: int
    new_entries: int
    """Level changes, declines, screening answers, clearances, self-test
    results and answers to their suggestions added."""
    old_ids: tuple[str, ...] = ()
    """Exercise ids this backtui does not know, kept as old ones."""
