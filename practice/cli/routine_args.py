"""The syntax of ``backtui routine ACTION`` and ``backtui kit``. Plain
``backtui routine`` (``--date``, ``--all``) still prints a day's plan."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial

from practice.catalog.model import BASE_POSES, NO_POSE, WORKING_LIMBS
from practice.cli.numbers import ladder, whole_number

Configure = Callable[[argparse.ArgumentParser], None]
KIT_WORDS = {"stairs": "step", "steps": "step", "roller": "foam-roller", "dumbbell": "kettlebell",
             "dumbbells": "kettlebell", "nothing": "none"}
"""Other words for kit, as people say them."""


def _kit_word(text: str) -> str:
    word = text.strip().lower()
    return KIT_WORDS.get(word, word)


def _dose_options(p: argparse.ArgumentParser, pyramid: bool) -> None:
    dose = p.add_argument_group("dose (each within the level's safe bounds)")
    dose.add_argument("--hold", type=whole_number, metavar="S", help="seconds to hold (a pyramid: each hold)")
    if pyramid:
        dose.add_argument("--pyramid", type=whole_number, metavar="S",
                          help="short holds of S seconds in a pyramid (with --ladder)")
    dose.add_argument("--reps", type=whole_number, metavar="N", help="repetitions (of a hold: how many holds)")
    dose.add_argument("--sets", type=whole_number, metavar="N", help="sets of repetitions")
    dose.add_argument("--rest", type=whole_number, metavar="S", help="seconds of rest between sets or holds")
    dose.add_argument("--ladder", type=ladder, metavar="L", help="the steps of a pyramid, such as 5-3-1")


def _days_option(p: argparse.ArgumentParser, required: bool = False) -> None:
    p.add_argument("--days", metavar="DAYS", required=required,
                   help="daily, Nx/week (3x/week) or weekdays (mon,wed,fri)")


def _own_options(p: argparse.ArgumentParser, adding: bool) -> None:
    p.add_argument("--phase", required=adding, metavar="PHASE",
                   help="release, stretch, glutes or back, or 1 to 4 (the four phases keep their order)")
    p.add_argument("--kit", type=_kit_word, default="none" if adding else None, metavar="KIT",
                   help="the one piece of kit it needs: none, foam-roller, ball, step, kettlebell or gym")
    p.add_argument("--cue", action="append", metavar="TEXT", required=adding,
                   help="how to do it, a line at a time (repeat for more)")
    p.add_argument("--caution", required=adding, metavar="TEXT",
                   help="when to stop or leave it out, in your (or your physiotherapist's) words")
    p.add_argument("--flare-safe", choices=("yes", "no"), default="no" if adding else None,
                   help="may be done on a flare day (default no)")


def _figure_options(p: argparse.ArgumentParser) -> None:
    figure = p.add_argument_group("its figure (drawn on the exercise screens)")
    figure.add_argument("--pose", choices=(*BASE_POSES, NO_POSE), metavar="POSE",
                        help=f"the base pose: {', '.join(BASE_POSES)}, or {NO_POSE} (no figure)")
    figure.add_argument("--works", choices=(*WORKING_LIMBS, NO_POSE), metavar="LIMB",
                        help=f"what the figure shows working: {' or '.join(WORKING_LIMBS)} (one side's), "
                             f"or {NO_POSE}")


def _where(p: argparse.ArgumentParser) -> None:
    p.add_argument("where", metavar="WHERE", help="up, down, or a number of places (-2 is two up)")


def _name(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="NAME", help="what to call it")


def _new_name(p: argparse.ArgumentParser) -> None:
    p.add_argument("--name", metavar="NAME", help="a new name")


def _routine_file(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a routine file (backtui routine export writes one)")
    p.add_argument("--dry-run", action="store_true", help="show what would change, and change nothing")
    p.add_argument("--yes", action="store_true",
                   help="load doses a physiotherapist set beyond backtui's bounds without asking")


def add_routine_commands(p: argparse.ArgumentParser, parser_class: type, id_argument: Configure,
                         json_option: Configure, output_option: Configure) -> None:
    from practice.cli import routine_cmds as run

    actions: argparse._SubParsersAction[argparse.ArgumentParser]
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=parser_class,
                               title="actions (without one: the plan for a day)")

    def action(name: str, text: str, runner: Callable, *parts: Configure) -> None:
        command = actions.add_parser(name, help=text, description=text, prog=f"backtui routine {name}")
        for part in parts:
            part(command)
        command.set_defaults(run=runner)

    action("set", "set an exercise's dose or days (from today on; past days keep theirs)", run.set_,
           id_argument, partial(_dose_options, pyramid=False), _days_option, json_option)
    action("reset", "give an exercise back its level's dose and days", run.reset, id_argument)
    action("move", "move an exercise up or down within its phase", run.move, id_argument, _where)
    action("add", "add an exercise of your own", run.add, _name, partial(_own_options, adding=True),
           partial(_dose_options, pyramid=True), partial(_days_option, required=True), _figure_options, json_option)
    action("edit", "change an exercise of your own (its dose: routine set)", run.edit,
           id_argument, _new_name, partial(_own_options, adding=False), _days_option, _figure_options, json_option)
    action("remove", "delete an exercise of your own (the days it was done keep it)", run.remove, id_argument)
    action("export", "write the whole routine as a file (kit, exercises, levels, doses, days, your own)",
           run.export, output_option)
    action("import", "load a routine file: every problem listed, else all of it applied, the old one kept",
           run.import_, _routine_file, json_option)


def kit_arguments(p: argparse.ArgumentParser) -> None:
    from practice.cli import routine_cmds as run

    p.add_argument("kit", nargs="*", type=_kit_word, metavar="KIT",
                   help="everything you have (none for no kit); without any, shows your kit")
    p.set_defaults(run=run.kit)
