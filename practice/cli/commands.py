"""What each ``backtui`` command does."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

from practice.cli import render
from practice.clock import Clock
from practice.errors import StoreError, UsageError
from practice.locations import data_dir


class Context:
    """What commands share: the data dir and, made on first use, the journal."""

    def __init__(self, data_dir_override: str | None, clock: Clock | None) -> None:
        self.data_dir = data_dir(data_dir_override)
        self.clock = clock
        self._journal = None

    @property
    def journal(self):
        if self._journal is None:
            from practice.journal import Journal

            self._journal = Journal(self.data_dir, self.clock)
        return self._journal

    def flush_notices(self) -> None:
        if self._journal is not None:
            for notice in self._journal.notices:
                print(f"backtui: {notice}", file=sys.stderr)
            self._journal.notices.clear()


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def run_tui(args: Namespace, ctx: Context) -> int:
    from practice.app import run

    return run(ctx.journal, args.screen)


def report(args: Namespace, ctx: Context) -> int:
    from practice.report import build_report

    _write(build_report(ctx.journal, args.weeks), args.output, f"Wrote a {args.weeks}-week report")
    return 0


def status(args: Namespace, ctx: Context) -> int:
    journal = ctx.journal
    view, stats = journal.view(), journal.stats()
    if args.json:
        _print_json(render.status_json(view, stats))
    else:
        print(render.status_text(view, stats))
    return 0


def routine(args: Namespace, ctx: Context) -> int:
    journal = ctx.journal
    if args.all:
        settings = journal.db.settings()
        rows = [(e, settings.routine.is_on(e)) for e in journal.catalog.exercises]
        if args.json:
            _print_json(render.catalog_json(rows))
        else:
            print(render.catalog_text(rows))
        return 0
    view = journal.view(args.date)
    if args.json:
        _print_json(render.routine_json(view))
    else:
        print(render.routine_text(view))
    return 0


def tick(args: Namespace, ctx: Context) -> int:
    result = ctx.journal.tick(args.id, args.date) if args.on else ctx.journal.untick(args.id, args.date)
    print(render.tick_text(result, args.on))
    return 0


def switch(args: Namespace, ctx: Context) -> int:
    exercise = ctx.journal.switch(args.id, args.on)
    state = "now in" if args.on else "no longer in"
    print(f"{exercise.name} ({exercise.id}) is {state} your routine.")
    return 0


def export(args: Namespace, ctx: Context) -> int:
    from practice.interchange import export_csv, export_json

    records = ctx.journal.records()
    if args.format == "csv":
        text = export_csv(records)
    else:
        text = export_json(records, ctx.journal.clock.now())
    _write(text, args.output, f"Exported {len(records)} days")
    return 0


def _write(text: str, output: str | None, done: str) -> None:
    """To standard output, or atomically to a file, saying so."""
    if output is None:
        sys.stdout.write(text)
        return
    from practice.store.atomic import replace_atomically

    target = Path(output)
    try:
        replace_atomically(target, text.encode("utf-8"), lambda _: None)
    except OSError as exc:
        raise StoreError(f"could not write {target}: {exc.strerror or exc}") from None
    print(f"{done} to {target}.")


def import_file(args: Namespace, ctx: Context) -> int:
    from practice.interchange import parse_import

    source = Path(args.file)
    try:
        text = source.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(f"cannot read {source}: {reason}") from None
    try:
        days = parse_import(text)
    except UsageError as exc:
        raise UsageError(f"{source}: {exc}; nothing was imported") from None
    summary = ctx.journal.import_days(days)
    print(
        f"Imported {summary.days} days from {source}: {summary.changed_days} changed, "
        f"{summary.new_ticks} new ticks."
    )
    return 0


def settings(args: Namespace, ctx: Context) -> int:
    journal = ctx.journal
    if args.rest_days is not None:
        journal.set_rest_days(args.rest_days)
    print(render.settings_text(journal.db.settings()))
    return 0


def where(args: Namespace, ctx: Context) -> int:
    from practice.locations import database_path
    from practice.store.backups import Backups

    db = database_path(ctx.data_dir)
    backups = Backups(db).existing()
    print(f"data dir  {ctx.data_dir}")
    print(f"database  {db}{'' if db.exists() else ' (not created yet)'}")
    print(f"lock      {db.with_name(db.name + '.lock')}")
    print(f"backups   {len(backups)}" + (f", newest {backups[0]}" if backups else ""))
    return 0
