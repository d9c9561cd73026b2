"""``backtui assess``: the self-tests, their last results and when the next
re-test is due; ``backtui assess record TEST VALUE`` keeps a result."""

from __future__ import annotations

import argparse
from argparse import Namespace
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from practice.assess.protocol import SIDES, STOP_WORDS, TESTS, THOMAS_NOTES, Stop, Test
from practice.cli.commands import _print_json
from practice.errors import UsageError

if TYPE_CHECKING:
    from practice.journal.assessor import Assessor, Overview
    from practice.cli.context import Context

STOPPED = "stopped"
VERSIONS = sorted({v.id for t in TESTS.values() for v in t.versions})


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output")
    actions = p.add_subparsers(dest="action", metavar="ACTION", title="actions")
    record = actions.add_parser(
        "record", help="keep a result from the shell", description="Keep one self-test result.")
    record.add_argument("test", metavar="TEST", help=f"one of {', '.join(t for t in TESTS if t != 'pain-24h')}")
    record.add_argument("value", metavar="VALUE",
                        help="seconds, cm (negative: short of the toes) or degrees as a whole number; a leg-raise "
                             "band; pass or fail; or 'stopped' with --reason")
    record.add_argument("--side", choices=SIDES, help="the side tested, where the test has sides")
    record.add_argument("--note", action="append", choices=tuple(THOMAS_NOTES), default=[],
                        help="what a failed Thomas test showed (may be given twice)")
    record.add_argument("--version", choices=VERSIONS,
                        help="bridge-hold: double or single (default: single with --side); side-bridge: knees or full")
    record.add_argument("--reason", choices=[s.value for s in Stop], help="why a test was stopped")
    record.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    p.set_defaults(run=run)


def run(args: Namespace, ctx: Context) -> int:
    from practice.journal.assessor import Assessor

    assessor = Assessor(ctx.journal)
    if args.action == "record":
        return _record(args, assessor)
    overview = assessor.overview()
    if args.json:
        _print_json(_overview_json(overview))
    else:
        print(_overview_text(overview, ctx.journal.name_of))
    return 0


def _record(args: Namespace, assessor: Assessor) -> int:
    from practice import validate
    from practice.assess.calls import call, series

    test = validate.test_id(args.test)
    stopped = args.value.strip().lower() == STOPPED
    if stopped != (args.reason is not None):
        raise UsageError("a stopped test takes --reason (pain, leg, cramp or dizzy), and only a stopped one does")
    value = None if stopped else validate.assessment_value_from_text(test, args.value, test.id)
    result = assessor.record(test.id, value, args.side, args.version, args.note, args.reason)
    line = next(s for s in series(assessor.log().results, test)
                if s.version == result.version and s.side == result.side)
    said = call(line)
    if getattr(args, "json", False):
        from practice.assess.records import AssessLog
        from practice.interchange.export import assess_json

        _print_json({**assess_json(AssessLog((result,)))["assessments"][0], "call": said})
    else:
        where = " · ".join(part for part in (_version(test, result.version), result.side) if part)
        print(f"Recorded {test.name}" + (f" ({where})" if where else "") + f". {said}")
    if result.stopped is not None and Stop(result.stopped).screens:
        print("Stopped for " + STOP_WORDS[Stop(result.stopped)]
              + ": please answer the safety questions again (run backtui), and no more tests today.")
    return 0


def _version(test: Test, version: str | None) -> str:
    found = test.version(version)
    return found.name if found else ""


def _overview_text(overview: Overview, name_of: Callable[[str], str]) -> str:
    from practice.assess.calls import call, labelled

    lines = [overview.due.words()]
    if overview.blocked:
        lines.append(f"Not today: {overview.blocked}")
    for test, found in overview.lines:
        lines.append(f"\n{test.name} ({test.id})")
        if test.id == "pain-24h":
            lines.append("  from your morning check-ins (backtui checkin), the 7-day average at each assessment")
        lines += [f"  {labelled(line, call(line))}" for line in found] or ["  no result yet"]
    if overview.suggestions:
        lines.append("\nSuggestions (answer them in the app: t on Today, then the results):")
        lines += [f"  - {s.reason} {s.offer} {s.warning}" for s in overview.suggestions]
    if overview.extras:
        lines.append("\nExtras in your routine from self-tests:")
        lines += [f"  - {name_of(c.exercise)} ({c.exercise}): " + ("the form cue" if c.kind == "cue" else
                  f"one more {c.kind}" + (f" on the {c.side}" if c.side else "")) for c in overview.extras]
    if overview.notes:
        lines.append("")
        lines += [f"  {note}" for note in overview.notes]
    return "\n".join(lines)


def _overview_json(overview: Overview) -> dict[str, Any]:
    from practice.assess.calls import call

    due = overview.due
    return {
        "due": {"state": due.state.value, "last": due.last and due.last.isoformat(),
                "next": due.next and due.next.isoformat()},
        "blocked": overview.blocked,
        "tests": [{
            "id": test.id, "name": test.name, "kind": test.kind.value,
            "series": [{"version": line.version, "side": line.side, "call": call(line),
                        "results": [{"date": p.day.isoformat(),
                                     "value": p.value if isinstance(p.value, (int, str)) else float(p.value),
                                     **({"notes": list(p.notes)} if p.notes else {})} for p in line.points],
                        "stops": [{"date": r.day.isoformat(), "reason": r.stopped} for r in line.stops]}
                       for line in found],
        } for test, found in overview.lines],
        "suggestions": [{"test": s.test, "exercise": s.exercise, "side": s.side, "kind": s.kind,
                         "basis": s.basis.isoformat(), "reason": s.reason, "offer": s.offer, "warning": s.warning}
                        for s in overview.suggestions],
        "extras": [{"test": c.test, "exercise": c.exercise, "side": c.side, "kind": c.kind,
                    "since": c.day.isoformat()} for c in overview.extras],
        "notes": overview.notes,
    }
