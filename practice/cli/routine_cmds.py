"""What ``backtui routine ACTION`` and ``backtui kit`` do."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path
from typing import Any

from practice.cli.commands import _print_json, _write
from practice.cli.context import Context
from practice.errors import UsageError
from practice.printable import visible


def _confirm_physio(source: Path, beyond: list[str]) -> None:
    """Doses beyond backtui's bounds load only with a yes (asked once), or
    ``--yes`` from a script."""
    import sys

    said = "\n".join(f"  {line}" for line in beyond)
    text = (f"{source} sets {len(beyond)} dose{'s' if len(beyond) > 1 else ''} beyond backtui's usual bounds, "
            f"within its hard limits:\n{said}\nLoad only what your physiotherapist set for you.")
    if not sys.stdin.isatty():
        raise UsageError(f"{text}\nTo load it from a script, add --yes; nothing was changed")
    print(text)
    if input("Load these doses as set by your physiotherapist? [y/N] ").strip().lower() not in ("y", "yes"):
        raise UsageError("nothing was changed")


def _editor(ctx: Context):
    from practice.journal.editor import RoutineEditor

    return RoutineEditor(ctx.journal)


def _dose_changes(args: Namespace) -> dict[str, Any]:
    return {"seconds": args.hold, "reps": args.reps, "sets": args.sets, "rest": args.rest, "ladder": args.ladder}


def _show(ctx: Context, exercise_id: str, args: Namespace, said: str) -> None:
    from practice.cli.views import routine_entry_json, routine_entry_text

    journal = ctx.journal
    exercise = journal.exercise(exercise_id)
    routine = journal.db.settings().routine
    level = exercise.level(journal.levels()[exercise.id])
    if args.json:
        _print_json(routine_entry_json(exercise, level, routine))
    else:
        print(f"{said} {routine_entry_text(exercise, level, routine)}")


def set_(args: Namespace, ctx: Context) -> int:
    editor = _editor(ctx)
    changes = _dose_changes(args)
    if all(v is None for v in changes.values()) and args.days is None:
        raise UsageError("say what to set: --hold, --reps, --sets, --rest, --ladder or --days")
    if any(v is not None for v in changes.values()):
        editor.set_dose(args.id, **changes)
    if args.days is not None:
        editor.set_days(args.id, args.days)
    _show(ctx, args.id, args, "From today on:")
    return 0


def reset(args: Namespace, ctx: Context) -> int:
    changed = _editor(ctx).reset(args.id)
    _show(ctx, args.id, Namespace(json=False), "Back to its level's dose and days:" if changed else "Already as its level has it:")
    return 0


def move(args: Namespace, ctx: Context) -> int:
    words = {"up": -1, "down": 1}
    where = args.where.strip().lower()
    try:
        delta = words[where] if where in words else int(where)
    except ValueError:
        raise UsageError(f"where: {args.where!r} is not up, down or a number of places") from None
    moved = _editor(ctx).move(args.id, delta)
    if moved.why_not:
        print(moved.why_not)
    exercise = ctx.journal.exercise(args.id)
    routine = ctx.journal.db.settings().routine
    phase = [e for e in routine.ordered(ctx.journal.catalog.exercises) if e.phase == exercise.phase]
    print(f"Phase {exercise.phase.value} ({exercise.phase.title}) in order: "
          + ", ".join(f"{e.name}{'' if routine.is_on(e) else ' (off)'}" for e in phase) + ".")
    return 0


def add(args: Namespace, ctx: Context) -> int:
    from practice.catalog import HoldDose, PyramidDose, RepsDose
    from practice.journal.editor import changed_dose

    if args.pyramid is not None:
        base: Any = PyramidDose(args.pyramid, args.ladder or (5, 3, 1))
    elif args.hold is not None:
        base = HoldDose(args.hold)
    elif args.reps is not None:
        base = RepsDose(args.reps)
    else:
        raise UsageError("give a dose: --hold S (a hold), --reps N (repetitions) or --pyramid S (short holds)")
    changes = {**_dose_changes(args), "seconds": None}
    if isinstance(base, RepsDose):
        changes["reps"] = None
    if isinstance(base, PyramidDose):
        changes["ladder"] = None
    dose = changed_dose(base, changes)
    exercise = _editor(ctx).add_own(args.name, args.phase, dose, args.days, args.kit, args.cue, args.caution,
                                    args.flare_safe == "yes", args.pose or "none", args.works or "none")
    _show(ctx, exercise.id, args, "Added, your own:")
    return 0


def edit(args: Namespace, ctx: Context) -> int:
    flare = {"yes": True, "no": False, None: None}[args.flare_safe]
    exercise = _editor(ctx).edit_own(args.id, name=args.name, phase=args.phase, days=args.days, kit=args.kit,
                                     cues=tuple(args.cue) if args.cue else None, caution=args.caution, flare_safe=flare,
                                     pose=args.pose, works=args.works)
    _show(ctx, exercise.id, args, "Changed, your own:")
    return 0


def remove(args: Namespace, ctx: Context) -> int:
    exercise = _editor(ctx).delete_own(args.id)
    print(f"Deleted {exercise.name} ({exercise.id}); the days you did it keep it.")
    return 0


def kit(args: Namespace, ctx: Context) -> int:
    from practice.cli.views import kit_json, kit_text

    editor = _editor(ctx)
    change = editor.set_kit(args.kit) if args.kit else editor.kit_change()
    said = ctx.journal.db.settings().routine.kit is not None
    if args.json:
        _print_json(kit_json(change, said))
    else:
        print(kit_text(change, said))
    return 0


def export(args: Namespace, ctx: Context) -> int:
    from practice.interchange import routine_file

    journal = ctx.journal
    doc = routine_file.document(journal.catalog, journal.db.settings().routine, journal.levels())
    _write(routine_file.text(doc), args.output, f"Wrote your routine ({len(doc['exercises'])} exercises)", ctx)
    return 0


def import_(args: Namespace, ctx: Context) -> int:
    from practice.interchange import read_limited, routine_apply, routine_file

    journal = ctx.journal
    source, named = Path(args.file), visible(args.file)  # each problem stays one line
    try:
        raw = read_limited(source).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{named} is not UTF-8 text (at byte {exc.start}); nothing was changed") from None
    parsed, problems = routine_file.parse(raw, journal.catalog, journal.levels())
    if parsed is not None:
        problems = routine_apply.gate_problems(journal, parsed)
    if problems or parsed is None:
        raise UsageError("\n".join(f"{named}: {visible(line)}" for line in problems)
                         + f"\n{named}: nothing was changed")
    lines = routine_apply.changes(journal, parsed)
    beyond = routine_apply.physio_lines(parsed)
    if beyond and lines and not args.dry_run and not args.yes:
        _confirm_physio(source, beyond)
    backup = None if args.dry_run or not lines else routine_apply.apply(journal, parsed)
    if args.json:
        _print_json({"changes": lines, "applied": backup is not None, "backup": str(backup) if backup else None})
        return 0
    if not lines:
        print(f"{named} holds your routine as it is: nothing to change.")
        return 0
    print("\n".join(f"  {line}" for line in lines))
    if backup is None:
        print(f"That is what {named} would change (--dry-run: nothing was changed).")
    else:
        print(f"Loaded {named}: {len(lines)} change{'s' if len(lines) > 1 else ''}, from today on. "
              f"The routine as it was is in {backup} (backtui routine import it to go back).")
    return 0
