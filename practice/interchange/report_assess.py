"""The report's self-assessment section: per test and side, the baseline,
the latest result and the change, the tests stopped, and the extras the
results added to the routine."""

from __future__ import annotations

from fractions import Fraction

from practice.assess.calls import Point, shown
from practice.assess.protocol import NOISE_CM, STOP_WORDS, Kind, Stop, Test
from practice.journal.assessor import Assessor
from practice.journal.journal import Journal
from practice.programme import pain
from practice.interchange.report_doc import Block, Para, section, table
from practice.interchange.report_programme import name_of
from practice.words import report_day


def assessment_section(journal: Journal) -> list[Block]:
    overview = Assessor(journal).overview()
    about = Para("Home tests the person took by themselves (a sit-and-reach or leg raise, the Thomas test, bridge "
                 "and side-bridge holds), each compared with its first result. Rough measures, not clinical tests; "
                 "for most no meaningful change is known.", aside=True)
    found = [(test, line) for test, lines in overview.lines for line in lines if line.points]
    if not found:
        return section("Self-assessments", about, Para("None taken."))
    rows = []
    for test, line in found:
        first, latest = line.points[0], line.points[-1]
        where = line.label if line.label != test.name else "-"
        change = _change(test, first, latest) if len(line.points) > 1 else "-"
        rows.append((test.name, where, _at(test, first), _at(test, latest), change))
    blocks: list[Block] = [about, table(("Test", "Version / side", "Baseline", "Latest", "Change"), rows)]
    stops = [(test, r) for test, lines in overview.lines for line in lines for r in line.stops]
    if stops:
        blocks.append(Para("Stopped: " + "; ".join(
            f"{test.name}{f' ({r.side})' if r.side else ''} on {report_day(r.day)} for {STOP_WORDS[Stop(r.stopped)]}"
            for test, r in stops if r.stopped)))
    if overview.extras:
        blocks.append(Para("Extras added to the routine after the results (each one accepted by the person): "
                           + "; ".join(f"{name_of(journal, c.exercise)}, one more {c.kind}"
                                       + (f" on the {c.side}" if c.side else "") + f" (from {report_day(c.day)})"
                                       for c in overview.extras)))
    return section("Self-assessments", *blocks)


def _at(test: Test, point: Point) -> str:
    return f"{shown(test, point.value, point.notes)} ({point.day:%-d %b %Y})"


def _change(test: Test, first: Point, latest: Point) -> str:
    a, b = first.value, latest.value
    if test.kind is Kind.PAIN:
        verdict = pain.call(Fraction(a), Fraction(b))
        return f"{float(Fraction(b) - Fraction(a)):+.1f} ({verdict.value})"
    if isinstance(a, int) and isinstance(b, int):
        unit = {Kind.SECONDS: " s", Kind.CM: " cm", Kind.DEGREES: " degrees"}[test.kind]
        noise = " (under 3 cm: noise)" if test.kind is Kind.CM and abs(b - a) < NOISE_CM else ""
        return f"{b - a:+d}{unit}{noise}"
    before, after = shown(test, a, first.notes), shown(test, b, latest.notes)
    return "no change" if before == after else f"{before} to {after}"
