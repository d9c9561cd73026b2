"""``backtui screening``: the safety questions in a plain terminal, and the
line every command that records or plans exercise prints while some are
owed.

One question a line, answered y or n on standard input; each answer is kept
as it is given, and an emergency "yes" stops the questions at once with what
to do. From a script, ``--answers`` gives them all (one letter each, in
order). ``--seen`` and ``--mistake`` end an emergency or see-a-GP mode, as
the app's screens do.
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser, Namespace
from typing import TYPE_CHECKING

from practice.errors import UsageError
from practice.words import count

if TYPE_CHECKING:
    from practice.cli.context import Context
    from practice.journal.coach import Coach
    from practice.programme.screening import Mode

LETTERS = {"y": True, "yes": True, "n": False, "no": False}


def configure(p: ArgumentParser) -> None:
    p.add_argument("--answers", metavar="YN",
                   help="every answer at once, one letter each (y or n) in the order asked, e.g. nnnnnnnnnnnnnnnnn")
    p.add_argument("--all", action="store_true", help="ask every question now, even if none are due")
    cleared = p.add_mutually_exclusive_group()
    cleared.add_argument("--seen", action="store_true",
                         help="a clinician has seen you since a yes that called for emergency care or a GP")
    cleared.add_argument("--mistake", action="store_true", help="a yes was pressed by mistake (asks twice)")
    p.add_argument("--yes", action="store_true", help="with --seen or --mistake: confirm without asking")
    p.set_defaults(run=screening)


def screening(args: Namespace, ctx: Context) -> int:
    from practice.journal.coach import Coach
    from practice.programme.screening import QUESTIONS, Mode

    coach = Coach(ctx.journal)
    if args.seen or args.mistake:
        return _clear(coach, "seen" if args.seen else "mistake", args.yes)
    emergency = coach.emergency()
    if emergency is not None:
        _say_emergency(coach)
        return 1
    due = coach.screening_due()
    if due is None and args.all:
        due = coach.all_questions()
    if due is None:
        print("No safety questions are due. (--all asks every one now.)")
        return 0
    letters = _letters(args.answers, len(due.questions))
    if letters is None and not sys.stdin.isatty():
        raise UsageError(f"answering needs a terminal; from a script, give all {len(due.questions)} answers "
                         "with --answers (y or n each, in order)")
    print(f"{due.why} {count(len(due.questions), 'question')}, yes or no.")
    mode = None
    for number, question in enumerate(due.questions, start=1):
        note = due.notes.get(question)
        line = f"{number}/{len(due.questions)} {QUESTIONS[question]}" + (f" ({note})" if note else "")
        yes = letters[number - 1] if letters is not None else _ask(line)
        if letters is not None:
            print(f"{line} {'yes' if yes else 'no'}")
        if yes is None:
            left = len(due.questions) - number + 1
            print(f"Stopped: the answers given are kept; {count(left, 'question')} still to answer "
                  "('backtui screening' goes on).")
            return 1
        mode = coach.answer(due, question, yes)
        if mode is Mode.EMERGENCY:
            if letters is not None and number < len(letters):
                print(f"The other {count(len(letters) - number, 'answer')} were not kept: the questions wait "
                      "until a clinician has seen you.")
            _say_emergency(coach)
            return 1
    print("Answers kept.")
    if mode is Mode.SEE_GP:
        _say_see_gp()
    return 0


def _letters(text: str | None, needed: int) -> list[bool] | None:
    if text is None:
        return None
    letters = text.strip().lower()
    bad = next((c for c in letters if c not in "yn"), None)
    if bad is not None:
        raise UsageError(f"--answers: {bad!r} is not y or n")
    if len(letters) != needed:
        raise UsageError(f"--answers: {count(needed, 'question')} to answer now, {count(len(letters), 'letter')} given")
    return [c == "y" for c in letters]


def _ask(line: str) -> bool | None:
    """One answer from the terminal: y or n (yes or no); None at the end of input."""
    while True:
        try:
            said = input(f"{line} [y/n] ").strip().lower()
        except EOFError:
            print()
            return None
        if said in LETTERS:
            return LETTERS[said]
        print("Please answer y (yes) or n (no).")


def _say_emergency(coach: Coach) -> None:
    emergency = coach.emergency()
    if emergency is None:
        return
    print(f"\n{emergency.title.upper()}")
    for line in emergency.lines:
        print(f"  {line}")
    print("\nWhen a clinician has seen you: backtui screening --seen (if the yes was a mistake: --mistake).")


def _say_see_gp() -> None:
    from practice.programme.screening import SEE_GP

    print("\nSEE A GP SOON")
    for line in SEE_GP:
        print(f"  {line}")
    print("\nOnce you have been seen: backtui screening --seen.")


def _clear(coach: Coach, how: str, confirmed: bool) -> int:
    from practice.programme.screening import Mode

    mode = coach.mode()
    if mode not in (Mode.EMERGENCY, Mode.SEE_GP):
        print("Nothing to clear: no answer calls for emergency care or a GP.")
        return 0
    questions = (["Has a doctor or another clinician assessed you since you answered yes?"] if how == "seen" else
                 ["Was the yes a mistake: you have none of the signs you were asked about?",
                  "Are you sure? Only say yes if none of those signs is there."])
    if not confirmed:
        if not sys.stdin.isatty():
            raise UsageError("confirming needs a terminal; from a script, add --yes")
        for question in questions:
            if _ask(question) is not True:
                print("Nothing changed.")
                return 1
    coach.clear(mode, how)
    print({"seen": "Kept: a clinician has seen you.",
           "mistake": "Kept: the yes was a mistake; that question will be asked again."}[how])
    after = coach.screening_due()
    if coach.mode() is Mode.NORMAL and after is not None:
        print(f"{count(len(after.questions), 'safety question')} still to answer: backtui screening.")
    return 0


def owed_line(ctx: Context) -> None:
    """One line on standard error while safety questions are owed (or an
    emergency answer is open): for the commands that record or plan
    exercise."""
    from practice.journal.coach import Coach

    coach = Coach(ctx.journal)
    inputs = coach.inputs()
    due = coach.screening_due(inputs)
    line = owed_words(inputs.mode.value, 0 if due is None else len(due.questions), "" if due is None else due.why)
    if line:
        print(f"backtui: {line}", file=sys.stderr)


EMERGENCY_OWED = "your safety answers call for emergency care first: 'backtui screening' says what to do."


def owed_words(mode: str, owed: int, why: str) -> str:
    """What is owed, in a line ("" if nothing is): an emergency first."""
    if mode == "emergency":
        return EMERGENCY_OWED
    if owed:
        return (f"{count(owed, 'safety question')} waiting ({why.rstrip('.')}): answer with "
                "'backtui screening', or open backtui.")
    return ""

