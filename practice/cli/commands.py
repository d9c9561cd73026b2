"""What each ``backtui`` command does."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from datetime import date
from pathlib import Path

from practice.cli.context import Context
from practice.clock import Clock
from practice.errors import StoreError, UsageError
from practice.printable import visible
from practice.status.cache import PROMPT_NAME
from practice.words import count


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def _chosen_day(text: str | None, ctx: Context) -> date | None:
    """``--date`` as a day: YYYY-MM-DD, today, yesterday or -N (N days ago),
    "today" by the clock and the day-start hour. A change checks that its
    day is not after today; a plan can be read ahead."""
    from practice.validate import day_from_text

    return None if text is None else day_from_text(text, ctx.journal.today(), field="--date")


def run_tui(args: Namespace, ctx: Context) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("the app needs a terminal; 'backtui status' prints a summary")
    from practice.app import run

    ctx.merge_copies = False  # the app merges them once its first frame is drawn
    if args.screen == "go":
        from practice.cli.screening import owed_line

        owed_line(ctx)

    return run(ctx.journal, ctx.data_dir, args.screen, ctx.keeper)


def report(args: Namespace, ctx: Context) -> int:
    from practice.interchange.report import build_report

    _write(build_report(ctx.journal, args.weeks, args.format), args.output, f"Wrote a {args.weeks}-week report", ctx)
    return 0


def routine(args: Namespace, ctx: Context) -> int:
    from practice.cli import views as render

    journal = ctx.journal
    if args.all:
        from practice.journal.step_apply import loads

        routine, levels = journal.db.settings().routine, journal.levels()
        exercises = routine.ordered(journal.catalog.exercises)
        if args.json:
            _print_json(render.catalog_json(exercises, levels, routine))
        else:
            print(render.catalog_text(exercises, levels, routine, loads(journal)))
        _owed(ctx)
        return 0
    view = journal.view(_chosen_day(args.date, ctx))
    if args.json:
        _print_json(render.routine_json(view))
    else:
        print(render.routine_text(view))
    _owed(ctx)
    return 0


def _owed(ctx: Context) -> None:
    from practice.cli.screening import owed_line

    owed_line(ctx)


def tick(args: Namespace, ctx: Context) -> int:
    from practice.cli import views as render

    day = _chosen_day(args.date, ctx)
    result = ctx.journal.tick(args.id, day) if args.on else ctx.journal.untick(args.id, day)
    print(render.tick_text(result, args.on))
    _owed(ctx)
    return 0


def switch(args: Namespace, ctx: Context) -> int:
    from practice.journal.coach import Coach
    from practice.day.kit import needs

    exercise, changed = Coach(ctx.journal).switch(args.id, args.on)
    if changed:
        state = "now in" if args.on else "no longer in"
    else:
        state = "already in" if args.on else "already out of"
    level = exercise.level(ctx.journal.levels()[exercise.id])
    kit = ctx.journal.db.settings().routine.has_kit(exercise, level)
    extra = "" if kit or not args.on else f"; it stays out of your plan until you have {needs(exercise, level)} ('backtui kit')"
    print(f"{exercise.name} ({exercise.id}) is {state} your routine{extra}.")
    return 0


def export(args: Namespace, ctx: Context) -> int:
    from practice.interchange import export_csv, export_json

    records = ctx.journal.records()
    if args.format == "csv":
        from practice.day.plan import frozen_plan

        catalog, levels = ctx.journal.catalog, ctx.journal.levels()
        text = export_csv(records, {day: frozen_plan(record, catalog, levels) for day, record in records.items()
                                    if record.held})  # the plans say the seconds planned of each hold
    else:
        from practice.interchange.routine_file import document

        journal = ctx.journal
        log, levels = journal.db.programme(), journal.levels()
        routine = document(journal.catalog, journal.db.settings().routine, levels)
        text = export_json(records, journal.clock.now(), log, levels,
                           journal.db.assessments(), journal.db.own_docs(), routine)
    _write(text, args.output, f"Exported {count(len(records), 'day')}", ctx)
    return 0


def _write(text: str, output: str | None, done: str, ctx: Context) -> None:
    """To standard output, or atomically to a file, saying so. backtui's own
    files (the database, its backups and lock) are never the target."""
    if output is None:
        sys.stdout.write(text)
        return
    from practice.store.atomic import replace_atomically

    target, named = Path(output), visible(output)  # a file's name is said on one line, whatever it holds
    database = ctx.journal.db.storage.path.resolve()
    if target.resolve().parent == database.parent and target.name.startswith(database.name):
        raise UsageError(f"{named} is one of backtui's own files; choose another name")
    try:
        replace_atomically(target, text.encode("utf-8"), lambda _: None)
    except OSError as exc:
        raise StoreError(f"could not write {named}: {exc.strerror or exc}") from None
    print(f"{done} to {named}.")


def import_file(args: Namespace, ctx: Context) -> int:
    from practice.interchange import parse_import, read_limited

    source, named = Path(args.file), visible(args.file)
    raw = read_limited(source)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{named} is not UTF-8 text (at byte {exc.start}); nothing was imported") from None
    try:
        imported = parse_import(text, ctx.journal.today())
    except UsageError as exc:
        raise UsageError(f"{named}: {exc}; nothing was imported") from None
    summary = ctx.journal.import_(imported)
    extra = f", {count(summary.new_entries, 'programme record')}" if summary.new_entries else ""
    print(
        f"Imported {count(summary.days, 'day')} from {named}: {summary.changed_days} changed, "
        f"{count(summary.new_ticks, 'new tick')}{extra}."
    )
    if summary.old_ids:
        from practice.store.known import listed

        print(f"Kept {count(len(summary.old_ids), 'exercise id')} this backtui does not know "
              f"({listed(list(summary.old_ids))}): their days keep them, and they count for nothing else.")
    if imported.routine is not None:
        print(_import_routine(ctx, imported.routine))
    return 0


def _import_routine(ctx: Context, routine: dict) -> str:
    """An export's routine is loaded only over a routine never changed here."""
    import json

    from practice.interchange import routine_apply, routine_file
    from practice.day.plan import RoutineSettings

    journal = ctx.journal
    if journal.db.settings().routine != RoutineSettings():
        return "Your routine here was kept (the export's is in it: 'backtui routine import' can load it)."
    parsed, problems = routine_file.parse(json.dumps(routine), journal.catalog, journal.levels())
    if parsed is None or routine_apply.gate_problems(journal, parsed):
        said = "; ".join(problems or ["a gated exercise is not offered yet"])
        return f"The export's routine was not loaded: {visible(said)}"
    routine_apply.apply(journal, parsed)
    return "Loaded the export's routine too (this one was never changed)."


def merge(args: Namespace, ctx: Context) -> int:
    from practice.interchange import sync

    source = Path(args.file)
    [merged] = sync.merge(ctx.journal, sync.read(source, ctx.journal))
    print(f"Merged {visible(args.file)}: {merged.words()}.")
    return 0


def sync(args: Namespace, ctx: Context) -> int:
    from practice.interchange.sync import merge_copies

    ctx.merge_copies = False
    report = merge_copies(ctx.journal)
    lines = report.lines()
    for line in lines:
        print(visible(line[0].upper() + line[1:]) + ".")
    if not lines:
        print(f"No sync conflict copies beside {ctx.journal.db.storage.path}.")
    return 0 if report.ok else 1


def settings(args: Namespace, ctx: Context) -> int:
    from practice import validate
    from practice.cli import views as render

    journal = ctx.journal
    if args.rest_days is not None:
        journal.set_rest_days(args.rest_days)
    if args.day_start is not None:
        journal.set_day_start(args.day_start)
    switches = {"on": True, "off": False, None: None}
    if any(v is not None for v in (args.get_ready, args.pace, args.sound, args.speech, args.figures)):
        journal.set_guide(args.get_ready, switches[args.pace], args.sound, switches[args.speech],
                          switches[args.figures])
    if args.retest_days is not None:
        journal.update_settings(retest_days=validate.retest_days(args.retest_days))
    if args.hamstring_test is not None:
        journal.update_settings(hamstring_test=validate.hamstring_test(args.hamstring_test))
    _fit_start(args, ctx)
    print(render.settings_text(journal.db.settings(), journal.today()))
    return 0


def _fit_start(args: Namespace, ctx: Context) -> None:
    """The start's answers: all four the first time, any of them later."""
    from practice.journal.coach import Coach
    from practice.day.triage import Episode, Flares

    given = {"episode": args.episode, "leg": args.leg_pain, "flares": args.flares, "walk": args.walk_now}
    if all(value is None for value in given.values()):
        return
    kept = ctx.journal.db.settings().triage
    if kept is None and any(value is None for value in given.values()):
        raise UsageError("the first time, give all four of --episode, --leg-pain, --flares and --walk-now")
    Coach(ctx.journal).fit_start(
        Episode(args.episode) if args.episode or kept is None else kept.episode,  # none kept: all four given
        args.leg_pain == "yes" if args.leg_pain or kept is None else kept.leg,
        Flares(args.flares) if args.flares or kept is None else kept.flares,
        args.walk_now if args.walk_now is not None or kept is None else kept.walk,
    )


def where(args: Namespace, ctx: Context) -> int:
    from practice.locations import database_path
    from practice.store.backups import Backups

    link = database_path(ctx.data_dir)
    db = link.resolve() if link.is_symlink() else link
    backups = Backups(db).existing()
    print(f"data dir  {ctx.data_dir}")
    target = f" -> {db}" if db != link else ""
    print(f"database  {link}{target}{'' if db.exists() else ' (not created yet)'}")
    print(f"lock      {db.with_name(db.name + '.lock')}")
    print(f"backups   {len(backups)}" + (f", newest {backups[0]}" if backups else ""))
    print(f"prompt    {ctx.data_dir / PROMPT_NAME}")
    return 0


def rate(args: Namespace, ctx: Context) -> int:
    from practice.daylog import Rating

    edit = ctx.journal.rate(args.id, Rating(args.rating), _chosen_day(args.date, ctx))
    exercise = ctx.journal.exercise(args.id)
    day = edit.view.record.day
    print(f"Rated {exercise.name} ({exercise.id}) {args.rating.replace('-', ' ')} on {day:%a %-d %b}.")
    return 0


def checkin(args: Namespace, ctx: Context) -> int:
    from practice.journal.coach import Coach
    from practice.daylog import Leg

    result = Coach(ctx.journal).morning(args.pain, Leg(args.leg), fall=args.fall)
    print(result.words())
    if result.point:
        print(result.point)
    _owed(ctx)
    return 0


def level(args: Namespace, ctx: Context) -> int:
    from practice.journal.coach import Coach

    change = Coach(ctx.journal).set_level(args.id, args.level, reset_dose=args.reset_dose)
    exercise = ctx.journal.exercise(change.exercise)
    if change.before == change.after:
        print(f"{exercise.name} ({exercise.id}) is already at level {change.after}.")
    else:
        chosen = exercise.level(change.after)
        dose = ctx.journal.db.settings().routine.dose(exercise, chosen)
        yours = " (your own dose, kept)" if dose != chosen.dose else ""
        print(f"{exercise.name} ({exercise.id}) is now at level {chosen.number} of {exercise.top}: {chosen.name}, "
              f"{dose.describe()}{yours} (was level {change.before}).")
    return 0
