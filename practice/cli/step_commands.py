"""``backtui step ID`` answers today's suggestion for an exercise (yes, or
``--no``), whether it moves a level, a dose within one or a load; ``backtui
load ID [VALUE]`` shows or records the load used at a level that uses a
weight."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace
from typing import TYPE_CHECKING

from practice.errors import UsageError

if TYPE_CHECKING:
    from practice.cli.context import Context


def configure_step(p: ArgumentParser) -> None:
    p.add_argument("id", metavar="ID", help="an exercise id, as backtui status lists its suggestion")
    p.add_argument("--no", action="store_true", help="say no: it is suggested again once it is earned again")
    p.set_defaults(run=step)


def configure_load(p: ArgumentParser) -> None:
    p.add_argument("id", metavar="ID", help="an exercise id, as backtui routine --all lists them")
    p.add_argument("value", nargs="?", metavar="VALUE", help="the weight you use now, such as 12 or 12.5")
    p.add_argument("--unit", type=str.lower, choices=("kg", "lb"),
                   help="kg or lb (default: the unit you used last, else kg)")
    p.set_defaults(run=load)


def step(args: Namespace, ctx: Context) -> int:
    from practice.journal.coach import Coach
    from practice.programme.rules import declined_words

    journal = ctx.journal
    coach = Coach(journal)
    exercise = journal.exercise(args.id)
    found = next((s for s in coach.suggestions() if s.exercise == exercise.id), None)
    offer = next((o for o in coach.offers() if o.exercise == exercise.id), None)
    if found is None:
        extra = f" (it is offered: 'backtui enable {exercise.id}' adds it)" if offer is not None else ""
        raise UsageError(f"nothing is suggested for {exercise.name} ({exercise.id}) today{extra}")
    if args.no:
        coach.decline(exercise.id, found.to, found)
        print(f"{exercise.name}: {declined_words(found)}")
        return 0
    from practice.journal.step_apply import in_its_place

    coach.accept(found)
    extra = in_its_place(journal, exercise.id) if found.to == 0 else ""
    print(f"{exercise.name}: {found.target(exercise)}, from today on.{extra}")
    return 0


def load(args: Namespace, ctx: Context) -> int:
    from practice.journal.coach import Coach
    from practice.journal.step_apply import current_load

    journal = ctx.journal
    exercise = journal.exercise(args.id)
    level = exercise.level(journal.levels()[exercise.id])
    if args.value is not None:
        Coach(journal).set_load(exercise.id, args.value, args.unit)
    elif args.unit is not None:
        raise UsageError("--unit goes with a VALUE: backtui load ID 12.5 --unit kg")
    now = current_load(journal, exercise.id)
    if now is None:
        print(f"{exercise.name}: no load recorded yet ('backtui load {exercise.id} 8' records 8 kg).")
    else:
        used = "" if level.loaded else f" (level {level.number}, {level.name}, uses no added weight)"
        print(f"{exercise.name}: {now.describe()}{used}.")
    return 0
