"""Command-line syntax for ``backtui``."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from practice import __version__
from practice.cli import commands
from practice.clock import parse_day


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line, exit 2."""
        print(f"{self.prog}: {message} (see '{self.prog} --help')", file=sys.stderr)
        raise SystemExit(2)


def _day(text: str):
    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="backtui",
        description="A daily lower-back routine in the terminal. Run without a command to start it.",
    )
    parser.add_argument("--version", action="version", version=f"backtui {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="where to keep data (default: $BACKTUI_DATA_DIR, "
        "then the platform's user data dir)"
    )
    parser.set_defaults(run=commands.run_tui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    status = sub.add_parser("status", help="today's progress and streaks")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(run=commands.status)

    routine = sub.add_parser("routine", help="the plan for a day, by phase")
    routine.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="default: today")
    routine.add_argument("--all", action="store_true", help="list every exercise, on or off")
    routine.add_argument("--json", action="store_true", help="machine-readable output")
    routine.set_defaults(run=commands.routine)

    for name, verb in (("tick", "mark an exercise done"), ("untick", "take a tick back")):
        cmd = sub.add_parser(name, help=verb)
        cmd.add_argument("id", metavar="ID", help="exercise id (see 'backtui routine --all')")
        cmd.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="default: today")
        cmd.set_defaults(run=commands.tick, on=name == "tick")

    for name, verb in (("enable", "add an exercise to the routine"),
                       ("disable", "take an exercise out of the routine")):
        cmd = sub.add_parser(name, help=verb)
        cmd.add_argument("id", metavar="ID", help="exercise id (see 'backtui routine --all')")
        cmd.set_defaults(run=commands.switch, on=name == "enable")

    export = sub.add_parser("export", help="write the whole history as JSON or CSV")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    export.set_defaults(run=commands.export)

    imp = sub.add_parser("import", help="merge days from a JSON export")
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(run=commands.import_file)

    where = sub.add_parser("where", help="show the paths in use")
    where.set_defaults(run=commands.where)
    return parser
