"""The man page, backtui(1), made from the full parser.

    python -m practice.cli.manpage man/backtui.1

rewrites the page the wheel ships (in ``share/man/man1``); a test fails
while the file in the repository differs from what this makes. The page is
laid out here rather than by argparse's help formatter, whose wrapping
follows the terminal and whose wording changes between Python versions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from practice import __version__
from practice.cli.parser import DESCRIPTION, full_parser
from practice.locations import DB_NAME, ENV_VAR
from practice.status.cache import NAME as SUMMARY_NAME
from practice.status.cache import PROMPT_NAME

HOMEPAGE = "https://github.com/backtui/backtui"

FILES = (
    (DB_NAME, "the log: every day, the levels, the safety answers, the settings"),
    (f"{DB_NAME}.lock", "taken while a change is saved"),
    (f"{DB_NAME}.bak.1 to .bak.5", "the states the last saves replaced"),
    (SUMMARY_NAME, "today's status, kept for status, remind and prompts; a cache"),
    (PROMPT_NAME, "today's status as one line for a shell prompt"),
    ("merged/", "sync conflict copies once merged, and damaged ones"),
    ("backtui.routine-TIME.json", "your routine as it was before a routine file was loaded (the 10 newest)"),
)
EXIT = (("0", "done"), ("1", "a runtime failure, or for remind: today's routine is not done yet"),
        ("2", "bad usage or bad input"))


def text(value: str) -> str:
    """Roff text: backslashes and hyphens escaped, no line taken for a request."""
    value = value.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + value if value.startswith((".", "'")) else value


def invocation(action: argparse.Action) -> str:
    if not action.option_strings:
        name = action.metavar or action.dest
        return f"[{name}]" if action.nargs == "?" else str(name)
    names = ", ".join(action.option_strings)
    if action.nargs == 0:
        return names
    value = action.metavar or ("{" + ",".join(map(str, action.choices)) + "}" if action.choices else action.dest.upper())
    return f"{names} {value}"


def usage(parser: argparse.ArgumentParser) -> str:
    grouped = {id(a): group for group in parser._mutually_exclusive_groups for a in group._group_actions}
    parts, seen = [parser.prog], set()
    for action in _shown(parser):
        group = grouped.get(id(action))
        if group is not None:
            if id(group) not in seen:
                seen.add(id(group))
                parts.append("[" + " | ".join(_short(a) for a in group._group_actions) + "]")
        elif action.option_strings:
            parts.append(f"[{_short(action)}]")
        else:
            parts.append(invocation(action))
    return " ".join(parts)


def _short(action: argparse.Action) -> str:
    return invocation(action).split(", ")[-1]


def _shown(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if a.help is not argparse.SUPPRESS and not isinstance(
        a, (argparse._HelpAction, argparse._SubParsersAction))]


def _arguments(parser: argparse.ArgumentParser) -> list[str]:
    lines = []
    for action in _shown(parser):
        lines += [".TP", f".B {text(invocation(action))}", text(action.help or "")]
    return lines


def _commands(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """The commands, each followed by its own actions (``routine set``...)."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                found += [command, *_commands(command)]
    return found


def render() -> str:
    parser = full_parser()
    lines = [
        f'.TH BACKTUI 1 "" "backtui {__version__}" "User Commands"',
        ".SH NAME", "backtui \\- a calm daily companion for lower back pain, in the terminal",
        ".SH SYNOPSIS", f".B backtui\n{text('[--data-dir DIR] [COMMAND [ARGUMENTS]]')}",
        ".SH DESCRIPTION", text(DESCRIPTION),
        "backtui is not medical advice and not rehabilitation.",
        ".SH OPTIONS", *_arguments(parser),
        ".SH COMMANDS",
    ]
    for command in _commands(parser):
        lines += [f'.SS "{text(usage(command))}"', text(command.description or ""), *_arguments(command)]
    lines += [".SH ENVIRONMENT", ".TP", f".B {ENV_VAR}", "the data dir, unless --data-dir gives one".replace("-", "\\-"),
              ".SH FILES", "In the data dir (backtui where shows it):"]
    for name, what in FILES:
        lines += [".TP", f".B {text(name)}", text(what)]
    lines += [".SH EXIT STATUS"]
    for code, what in EXIT:
        lines += [".TP", f".B {code}", text(what)]
    lines += [".SH SEE ALSO", f".UR {HOMEPAGE}", ".UE"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    page = render()
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(page, encoding="utf-8")
    else:
        sys.stdout.write(page)
