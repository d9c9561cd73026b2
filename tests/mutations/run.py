"""Deliberate breakages of the rules, one at a time: does a test fail?

    .venv/bin/python tests/mutations/run.py            # every mutation
    .venv/bin/python tests/mutations/run.py 3 17       # some, by number
    .venv/bin/python tests/mutations/run.py --list     # what each one does

Each mutation replaces one exact piece of a rule module's source (a piece
that occurs exactly once), runs the fast tests of the rules with ``-x`` and a
timeout, and puts the file back, whatever happens. A mutation that no test
catches is a survivor: a gap in the tests, unless it is marked equivalent
(the rules behave the same with it). Hypothesis keeps its examples in a
fresh directory for each run, so no mutation is caught by another's example.
Not part of the suite: run it by hand after changing the rules or their tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 300
TESTS = ["tests/programme", "tests/day", "tests/catalog", "tests/journal"]
"""The fast tests of the rules: the programme, the day, the catalog and the
journal's services over them (about 8 s in all)."""


class Mutation(NamedTuple):
    path: str
    old: str
    new: str
    equivalent: str = ""
    """Why the rules behave the same with it, if they do."""


P, RU, LV, ST, SD, GA, SC = (f"practice/programme/{name}.py" for name in
                             ("pain", "rules", "levels", "steps", "step_down", "gates", "screening"))
BO, FI, PL, STA = "practice/catalog/bounds.py", "practice/catalog/fit.py", "practice/day/plan.py", "practice/day/stats.py"

MUTATIONS = [
    # the pain model
    Mutation(P, "Band.GREEN if pain <= 3", "Band.GREEN if pain < 3"),
    Mutation(P, "Band.AMBER if pain < RED", "Band.AMBER if pain <= RED"),
    Mutation(P, "HIGH = 7\n", "HIGH = 8\n"),
    Mutation(P, "STEP = 2\n", "STEP = 3\n"),
    Mutation(P, "MIN_USUAL_MORNINGS = 3\n", "MIN_USUAL_MORNINGS = 4\n"),
    Mutation(P, "Fraction(before[middle - 1] + before[middle], 2)", "Fraction(before[middle] + before[middle], 2)"),
    Mutation(P, "Morning.UP if mornings[day] >= usual(", "Morning.UP if mornings[day] > usual("),
    Mutation(P, "mornings[d] >= _usual(mornings, calm, d) + STEP", "mornings[d] > _usual(mornings, calm, d) + STEP"),
    Mutation(P, "(mornings[day] >= HIGH or morning(", "(mornings[day] >= HIGH and morning("),
    Mutation(P, "and n_before >= MIN_SCORES and recent - before >= WORSE_POINTS",
             "and n_before >= MIN_SCORES and recent - before > WORSE_POINTS"),
    Mutation(P, "and n_recent >= MIN_SCORES and recent >= early", "and n_recent >= MIN_SCORES and recent > early"),
    Mutation(P, "mornings[d] <= before + STEP - 1)", "mornings[d] < before + STEP - 1)"),
    Mutation(P, "return settled < EXIT_MORNINGS", "return settled <= EXIT_MORNINGS"),
    Mutation(P, "FLARE_LOOKBACK = 14\n", "FLARE_LOOKBACK = 13\n"),
    Mutation(P, "change >= BETTER_POINTS and change >= BETTER_SHARE", "change >= BETTER_POINTS or change >= BETTER_SHARE"),
    Mutation(P, "and change >= BETTER_SHARE * baseline", "and change > BETTER_SHARE * baseline"),
    Mutation(P, "min(counts) < MIN_SCORES", "min(counts) <= MIN_SCORES"),
    # steps up and their limits
    Mutation(RU, "MAX_UPS_A_DAY = 2\n", "MAX_UPS_A_DAY = 3\n"),
    Mutation(RU, "inputs.flare or yesterday in inputs.flare_days or", "inputs.flare or"),
    Mutation(RU, "if len(last_two) < 2 or", "if len(last_two) < 1 or"),
    Mutation(RU, "night is not pain.Morning.SETTLED", "night is pain.Morning.UP"),
    Mutation(RU, "    if sore:\n        return None\n", ""),
    Mutation(RU, "min(exercise.top, inputs.caps.get(exercise.id, exercise.top))", "exercise.top"),
    Mutation(RU, "if s.qualifies(state.level, state.dose)) < 2", "if s.qualifies(state.level, state.dose)) < 1"),
    Mutation(RU, "s.at is not None and s.at > last.at", "s.at is not None and s.at >= last.at"),
    Mutation(RU, "ups.sort(key=lambda s: not s.easy)", "ups.sort(key=lambda s: s.easy)"),
    Mutation(LV, "return (self.done and self.full and self.ordinary", "return (self.done and self.ordinary"),
    Mutation(LV, "return (self.done and self.full and self.ordinary", "return (self.done and self.full"),
    Mutation(LV, "self.rating not in (Rating.HARD, Rating.PAINFUL)", "self.rating not in (Rating.PAINFUL,)"),
    Mutation(LV, "since = today - timedelta(days=days - 1)", "since = today - timedelta(days=days)"),
    Mutation(LV, "return needed is None or held >= needed", "return needed is None or held > needed"),
    # steps within a level, and loads
    Mutation(ST, "MAX_RISE = Fraction(3, 2)", "MAX_RISE = Fraction(8, 5)"),
    Mutation(ST, "        candidate = changed(dose, field, v)\n        if candidate.work() > limit:",
             "        candidate = changed(dose, field, v)\n        if candidate.work() >= limit:"),
    Mutation(ST, "PYRAMID_GAP = 2\n", "PYRAMID_GAP = 1\n"),
    Mutation(ST, "DOWN_SHARE = Fraction(1, 5)", "DOWN_SHARE = Fraction(1, 4)"),
    Mutation(ST, "if new > amount * (1 + LOAD_MOST):", "if new >= amount * (1 + LOAD_MOST):"),
    Mutation(ST, "LOAD_LEAST, LOAD_MOST = Fraction(1, 50)", "LOAD_LEAST, LOAD_MOST = Fraction(1, 100)",
             "one kit step is 2% or more up to 50 steps, and beyond that 5% rounded to a step is more than 2%"),
    # steps down
    Mutation(SD, "BREAK_DAYS = 14\n", "BREAK_DAYS = 15\n"),
    Mutation(SD, "session.pain is not None and session.pain >= pain.RED", "session.pain is not None and session.pain > pain.RED"),
    Mutation(SD, "all(s.rating is Rating.HARD", "any(s.rating is Rating.HARD"),
    Mutation(SD, "changed <= done[-1].day", "changed < done[-1].day"),
    Mutation(SD, "<= c.day < day:", "<= c.day <= day:"),
    # gates
    Mutation(GA, "return len(week) >= 3 and max(week) <= 1", "return len(week) > 3 and max(week) <= 1"),
    Mutation(GA, "return len(week) >= 3 and max(week) <= 1", "return len(week) >= 3 and max(week) <= 2"),
    Mutation(GA, "return low >= 5 and not flare", "return low >= 4 and not flare"),
    Mutation(GA, "SORE = 5\n", "SORE = 6\n"),
    Mutation(GA, "for n in range(WEEK, (inputs.today - sore).days + 1)]", "for n in range(WEEK + 1, (inputs.today - sore).days + 1)]"),
    Mutation(GA, 'lambda i: _went_well_at(i, "hamstring-dynamic-stiff-leg-deadlift", 2) >= 2',
             'lambda i: _went_well_at(i, "hamstring-dynamic-stiff-leg-deadlift", 2) >= 1'),
    # screening
    Mutation(SC, "FULL_EVERY_DAYS = 30\n", "FULL_EVERY_DAYS = 31\n"),
    Mutation(SC, "SEEN_ASK_DAYS = 7\n", "SEEN_ASK_DAYS = 8\n"),
    Mutation(SC, "and (cleared is None or a.at > cleared)), None)", "and (cleared is None or a.at >= cleared)), None)"),
    Mutation(SC, "return before is Leg.NONE or (now", "return before is Leg.NONE and (now"),
    Mutation(SC, "high = bool(scores) and max(scores) >= pain.HIGH", "high = bool(scores) and max(scores) > pain.HIGH"),
    Mutation(SC, "if any(score >= pain.RED for", "if any(score > pain.RED for"),
    # the catalog's bounds and what a level takes
    Mutation(BO, "if any(not low <= v <= high for v in values):", "if any(not low < v <= high for v in values):"),
    Mutation(BO, "MAX_STEPS = 3\n", "MAX_STEPS = 4\n"),
    Mutation(BO, "list(dose.ladder) != sorted(dose.ladder, reverse=True)", "list(dose.ladder) != sorted(dose.ladder)"),
    Mutation(BO, "else (rest, max(rest, MAX_REST))", "else (0, max(rest, MAX_REST))"),
    Mutation(BO, "if not low <= total <= high:", "if not total <= high:"),
    Mutation(FI, "MOST_DAYS_FOR_STRENGTH = 3\n", "MOST_DAYS_FOR_STRENGTH = 4\n",
             "4 days of a week always have two in a row (Sunday then Monday counts), which is refused anyway"),
    Mutation(FI, "if schedule.per_week > MOST_DAYS_FOR_STRENGTH or schedule.back_to_back:",
             "if schedule.per_week > MOST_DAYS_FOR_STRENGTH:"),
    Mutation(FI, "key=lambda lv: (abs(lv.number - level.number), lv.number))",
             "key=lambda lv: (abs(lv.number - level.number), -lv.number))"),
    # the day's plan and the streaks
    Mutation(PL, "elif start and volume is Volume.FULL:", "elif start:",
             "the only volumes a start meets are full and reduced, and reduced stays reduced"),
    Mutation(PL, "Volume.REDUCED: 2 / 3,", "Volume.REDUCED: 3 / 4,"),
    Mutation(PL, "elif level.number > rule.level:", "elif level.number >= rule.level:"),
    Mutation(PL, "gate is None and not eased", "gate is None"),
    Mutation(STA, "best = max(best, run)", "best = max(best, run - 1)"),
    Mutation(STA, "DAILY_MULTIPLIER = 0.5 ** (math.sqrt(1.0) / 13.0)", "DAILY_MULTIPLIER = 0.5 ** (math.sqrt(1.0) / 12.0)"),
    Mutation(STA, "WINDOWS = (7, 30)", "WINDOWS = (7, 31)"),
]


def run(number: int, mutation: Mutation) -> tuple[bool, float]:
    """Apply one mutation, run the tests, put the file back: (caught, seconds)."""
    path = ROOT / mutation.path
    source = path.read_text()
    if source.count(mutation.old) != 1:
        raise SystemExit(f"mutation {number}: {mutation.old!r} is not in {mutation.path} exactly once")
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as examples:
        env = {**os.environ, "HYPOTHESIS_STORAGE_DIRECTORY": examples}
        try:
            path.write_text(source.replace(mutation.old, mutation.new))
            done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *TESTS],
                                  cwd=ROOT, env=env, capture_output=True, timeout=TIMEOUT)
            caught = done.returncode != 0
        except subprocess.TimeoutExpired:
            caught = True  # a rule that no longer ends is caught too
        finally:
            path.write_text(source)
    return caught, time.monotonic() - started


def main(argv: list[str]) -> int:
    if "--list" in argv:
        for n, m in enumerate(MUTATIONS, 1):
            print(f"{n:3} {m.path}: {m.old.strip()!r} -> {m.new.strip()!r}")
        return 0
    if not all(a.isdigit() and 1 <= int(a) <= len(MUTATIONS) for a in argv):
        print(f"usage: run.py [--list | N ...] (N from 1 to {len(MUTATIONS)})", file=sys.stderr)
        return 2
    chosen = [int(a) for a in argv] or range(1, len(MUTATIONS) + 1)
    survivors = []
    for n in chosen:
        mutation = MUTATIONS[n - 1]
        caught, seconds = run(n, mutation)
        verdict = "caught" if caught else "EQUIVALENT" if mutation.equivalent else "SURVIVED"
        print(f"{n:3} {verdict:10} {seconds:5.1f} s  {mutation.path}: {mutation.old.strip()!r} -> {mutation.new.strip()!r}",
              flush=True)
        if not caught and not mutation.equivalent:
            survivors.append(n)
    print(f"{len(chosen)} mutations, {len(chosen) - len(survivors)} caught or equivalent, survivors: {survivors or 'none'}")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
