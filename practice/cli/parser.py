"""Command-line syntax for ``backtui``.

Parsing is two-stage: the top level picks the command, then only that
command's parser is built. argparse does a gettext lookup for every parser it
builds, which made building all of them cost more than ``backtui status``'s
own work. :func:`full_parser` builds the whole tree from the same pieces, for
the completion scripts and the man page.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

from practice import __version__
from practice.status import cache as summary
from practice.cli import commands
from practice.cli.numbers import whole_number

if TYPE_CHECKING:
    from _typeshed import SupportsWrite


class _Parser(argparse.ArgumentParser):
    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """As argparse prints help and the version, but a failed write is
        not passed over: ``main`` says so in one line (exit 1)."""
        if message:
            (file or sys.stderr).write(message)

    def error(self, message: str) -> NoReturn:
        """One line, exit 2."""
        print(f"{self.prog}: {message} (see '{self.prog} --help')", file=sys.stderr)
        raise SystemExit(2)


def _date_option(parser: argparse.ArgumentParser) -> None:
    # Kept as text: the command resolves it, as "today" follows the clock
    # and the day-start hour.
    parser.add_argument("--date", metavar="DAY",
                        help="YYYY-MM-DD, today, yesterday or -N for N days ago (default: today)")


def _output_file(text: str) -> str:
    if not text:
        raise argparse.ArgumentTypeError("the file name is empty")
    if os.path.isdir(text):
        raise argparse.ArgumentTypeError(f"{text} is a directory; give a file name")
    return text


def _output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=_output_file, metavar="FILE", help="default: standard output")


def _id_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="an exercise id, as backtui routine --all lists them")


def _status(p: argparse.ArgumentParser) -> None:
    from practice.cli.status import status

    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="machine-readable output")
    output.add_argument("--format", type=_template, metavar="TEXT",
                        help="one line: TEXT with each {field} filled in, for a prompt; the fields: "
                        + ", ".join(summary.FIELDS))
    p.set_defaults(run=status)


def _template(text: str) -> str:
    try:
        return summary.template(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _remind(p: argparse.ArgumentParser) -> None:
    from practice.cli.remind import remind

    p.add_argument("--notify", action="store_true",
                   help="also send a desktop notification (notify-send or osascript)")
    p.set_defaults(run=remind)


def _completion(p: argparse.ArgumentParser) -> None:
    from practice.cli.completion import SHELLS, completion

    p.add_argument("shell", choices=SHELLS, metavar="SHELL", help=f"one of {', '.join(SHELLS)}")
    p.set_defaults(run=completion, full_parser=full_parser)


def _sync(p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=commands.sync)


def _merge(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a backtui database (a copy, a backup) or a JSON export")
    p.set_defaults(run=commands.merge)


def _routine(p: argparse.ArgumentParser) -> None:
    from practice.cli.routine_args import add_routine_commands

    _date_option(p)
    p.add_argument("--all", action="store_true", help="list every exercise, on or off")
    _json_option(p)
    p.set_defaults(run=commands.routine)
    add_routine_commands(p, _Parser, _id_argument, _json_option, _output_option)


def _json_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output")


def _kit(p: argparse.ArgumentParser) -> None:
    from practice.cli.routine_args import kit_arguments

    kit_arguments(p)
    _json_option(p)


def _tick(on: bool) -> Callable[[argparse.ArgumentParser], None]:
    def configure(p: argparse.ArgumentParser) -> None:
        _id_argument(p)
        _date_option(p)
        p.set_defaults(run=commands.tick, on=on)

    return configure


def _switch(on: bool) -> Callable[[argparse.ArgumentParser], None]:
    def configure(p: argparse.ArgumentParser) -> None:
        _id_argument(p)
        p.set_defaults(run=commands.switch, on=on)

    return configure


def _export(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("json", "csv"), default="json",
                   help="json: everything, and it imports back (the default); csv: a row a day")
    _output_option(p)
    p.set_defaults(run=commands.export)


def _import(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a JSON export, or a file in its minimal form")
    p.set_defaults(run=commands.import_file)


def _weeks(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 520:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of weeks from 1 to 520")
    return int(text)


def _report(p: argparse.ArgumentParser) -> None:
    from practice.interchange.report import DEFAULT_WEEKS, FORMATS

    p.add_argument("--weeks", type=_weeks, default=DEFAULT_WEEKS, metavar="N",
                   help=f"how many weeks back, today's included (default: {DEFAULT_WEEKS})")
    p.add_argument("--format", choices=FORMATS, default=FORMATS[0],
                   help="markdown: plain text that reads as it is (the default); html: one page that prints on A4")
    _output_option(p)
    p.set_defaults(run=commands.report)


def _progress(p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=commands.run_tui, screen="progress")


def _go(p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=commands.run_tui, screen="go")


def _settings(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rest-days", type=whole_number, metavar="N",
                   help="allow at most N rest days in any 7 days (default 1)")
    p.add_argument("--day-start", type=whole_number, metavar="H",
                   help="start each day at H o'clock, 0 to 12; before then it is still the day before (default 4)")
    p.add_argument("--get-ready", type=whole_number, metavar="S",
                   help="seconds to get into position before each exercise of a guided session, 0 to 30 (default 10)")
    p.add_argument("--pace", choices=("on", "off"), help="guided repetitions at a set pace (on), or counted by hand")
    p.add_argument("--sound", choices=("sounds", "bell", "quiet"), help="cues in a guided session (default sounds)")
    p.add_argument("--speech", choices=("on", "off"), help="speak exercise names and sides (default off)")
    p.add_argument("--figures", choices=("on", "off"), help="draw the movement beside the timer (default on)")
    p.add_argument("--retest-days", type=whole_number, metavar="N",
                   help="a self-assessment is due N days after the last, 7 to 14 (default 14)")
    p.add_argument("--hamstring-test", choices=("sit-and-reach", "straight-leg-raise"),
                   help="the hamstring self-test you keep to (your first result picks it)")
    start = p.add_argument_group("your start", "the answers that fit your first two weeks and your walking; "
                                               "give all four the first time")
    start.add_argument("--episode", choices=("under-6-weeks", "6-12-weeks", "longer"),
                       help="how long this bout of back pain has lasted")
    start.add_argument("--leg-pain", choices=("yes", "no"), help="whether the pain goes into a leg")
    start.add_argument("--flares", choices=("rarely", "sometimes", "easily"), help="how easily your back flares up")
    start.add_argument("--walk-now", type=whole_number, metavar="MIN",
                       help="the minutes you walk on most days now (walking starts from it)")
    p.set_defaults(run=commands.settings)


def _where(p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=commands.where)


def _checkin(p: argparse.ArgumentParser) -> None:
    p.add_argument("pain", type=whole_number, metavar="PAIN",
                   help="your low back over the last 24 hours, on average: 0 (none) to 10 (worst imaginable)")
    p.add_argument("--leg", choices=("none", "one", "both"), default="none",
                   help="pain, tingling or numbness in a leg today (default: none)")
    p.add_argument("--fall", action="store_true", help="you had a fall, knock or injury since the last check-in")
    p.set_defaults(run=commands.checkin)


def _rate(p: argparse.ArgumentParser) -> None:
    _id_argument(p)
    p.add_argument("rating", choices=("easy", "just-right", "hard", "painful"), metavar="RATING",
                   help="how it went: easy, just-right, hard or painful")
    _date_option(p)
    p.set_defaults(run=commands.rate)


def _screening(p: argparse.ArgumentParser) -> None:
    from practice.cli.screening import configure

    configure(p)


def _assess(p: argparse.ArgumentParser) -> None:
    from practice.cli.assess import configure

    configure(p)


def _figures(p: argparse.ArgumentParser) -> None:
    from practice.cli.figures import figures

    p.add_argument("id", nargs="?", metavar="ID", help="an exercise id (default: every exercise)")
    p.add_argument("--level", type=whole_number, metavar="N", help="only this level, from 1 (easiest)")
    p.set_defaults(run=figures)


def _level(p: argparse.ArgumentParser) -> None:
    _id_argument(p)
    p.add_argument("level", type=whole_number, metavar="N", help="the level, from 1 (easiest)")
    p.add_argument("--reset-dose", action="store_true",
                   help="use the new level's dose where your own dose does not fit it")
    p.set_defaults(run=commands.level)


def _step(p: argparse.ArgumentParser) -> None:
    from practice.cli.step_commands import configure_step

    configure_step(p)


def _load(p: argparse.ArgumentParser) -> None:
    from practice.cli.step_commands import configure_load

    configure_load(p)


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "status": ("today's progress and streaks", _status),
    "routine": ("the plan for a day, by phase; change the routine, or export and import it as a file", _routine),
    "kit": ("show or say what kit you have: foam-roller, ball, step, kettlebell, gym (or none)", _kit),
    "tick": ("mark an exercise done", _tick(True)),
    "untick": ("take a tick back", _tick(False)),
    "rate": ("say how an exercise went: easy, just-right, hard or painful", _rate),
    "enable": ("add an exercise to the routine", _switch(True)),
    "disable": ("take an exercise out of the routine", _switch(False)),
    "go": ("start the app straight into the guided session", _go),
    "progress": ("open the app on the progress screen", _progress),
    "report": ("a report for a physiotherapist, as Markdown or an HTML page", _report),
    "export": ("write the whole history as JSON or CSV", _export),
    "import": ("merge days from a JSON export", _import),
    "merge": ("merge another backtui database or export, keeping both sides", _merge),
    "sync": ("merge the sync tool's conflict copies beside the database now", _sync),
    "checkin": ("the morning check-in: pain over the last 24 hours, the legs, and any fall", _checkin),
    "screening": ("the safety questions, answered in the terminal", _screening),
    "level": ("set an exercise's level by hand", _level),
    "figures": ("the figures of an exercise's levels as text: how each is set up and done", _figures),
    "step": ("say yes (or --no) to today's suggestion for an exercise: a level, a dose or a load", _step),
    "load": ("show or record the weight used at a level that uses one (kg or lb)", _load),
    "assess": ("the self-tests, their results and the next re-test; 'assess record' keeps one", _assess),
    "settings": ("show or change settings", _settings),
    "where": ("show the paths in use", _where),
    "remind": ("one line and exit 1 while today's routine is not done, for cron", _remind),
    "completion": ("print a shell completion script: bash, zsh or fish", _completion),
}


DESCRIPTION = "A daily lower-back routine in the terminal. Run without a command to start it."


def _top_parser(epilog: str | None = None,
                formatter_class: type[argparse.HelpFormatter] = argparse.HelpFormatter) -> argparse.ArgumentParser:
    """The top level: ``--version``, ``--data-dir``; the caller adds the commands."""
    parser = _Parser(prog="backtui", description=DESCRIPTION, epilog=epilog, formatter_class=formatter_class)
    parser.add_argument("--version", action="version", version=f"backtui {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR",
        help="where to keep data (default: $BACKTUI_DATA_DIR, then the platform's user data dir)",
    )
    return parser


def _picking_parser() -> argparse.ArgumentParser:
    """The first stage: the top level, and the command's name."""
    listing = "\n".join(f"  {name:<10} {text}" for name, (text, _) in COMMANDS.items())
    parser = _top_parser(epilog=f"commands:\n{listing}\n\n'backtui COMMAND --help' tells more.",
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "command", nargs="?", choices=COMMANDS, metavar="COMMAND",
        help="one of the commands below; without one, the app starts",
    )
    parser.add_argument("args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def full_parser() -> argparse.ArgumentParser:
    """Every command's parser under the top level, each built as the second
    stage builds it: what completion scripts and the man page are made from."""
    parser = _top_parser()
    commands_ = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name, (text, configure) in COMMANDS.items():
        configure(commands_.add_parser(name, help=text, description=text))
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    args = _picking_parser().parse_args(argv)
    if args.command is None:
        args.run, args.screen = commands.run_tui, None
        return args
    text, configure = COMMANDS[args.command]
    parser = _Parser(prog=f"backtui {args.command}", description=text)
    configure(parser)
    return parser.parse_args(args.args, namespace=args)
