"""The end of a session says what changed today and what tomorrow holds,
and each exercise what was done of it (a hold ended early, as held/planned)."""

from __future__ import annotations

from practice.daylog import DayKind
from practice.journal.coach import Coach
from practice.day.said import in_part
from practice.session.review import lines, summary


def test_a_level_changed_today_is_said_with_its_reason(journal):
    Coach(journal).set_level("glute-bridge", 2, why="Rated easy twice in a row.")
    said = summary(journal, journal.view())
    assert "Changed today: Glute bridge, level 1 to 2. Rated easy twice in a row." in said


def test_tomorrow_is_previewed_as_long_as_it_will_take(journal):
    tomorrow = journal.plan(journal.today().replace(day=22), DayKind.NORMAL)  # a Sunday
    said = summary(journal, journal.view())
    assert said[-1] == f"Tomorrow, Sunday: {len(tomorrow.due)} exercises, {tomorrow.length().words()}."
    assert not any(line.startswith("Changed today") for line in said)


def test_a_hold_ended_early_shows_held_of_planned(journal):
    journal.tick("calf-foam-roll", held=6)
    journal.tick("hamstring-foam-roll", held=60)
    item = journal.view().plan.item("calf-foam-roll")
    assert in_part(item, 6) == "held 6 of 60 s" and in_part(item, 60) == ""
    done = {line.exercise_id: line.done for line in lines(journal.view())}
    assert done["calf-foam-roll"] == "done in part: held 6 of 60 s"
    assert done["hamstring-foam-roll"] == "done, held 60 s"


def test_what_was_done_on_a_day_made_a_rest_day_is_listed_as_extra(journal):
    journal.tick("glute-bridge")
    journal.set_kind(DayKind.REST)
    done = {line.exercise_id: line.done for line in lines(journal.view())}
    assert done == {"glute-bridge": "done, as extra"}


def test_a_skip_for_pain_says_what_the_report_says(journal):
    journal.skip("bird-dog", "pain 6/10", pain=True)
    journal.skip("glute-bridge", "no time")
    done = {line.exercise_id: line.done for line in lines(journal.view())}
    assert done["bird-dog"].startswith("skipped for pain") and done["glute-bridge"] == "skipped: no time"


def test_what_today_still_needs_to_count_follows_the_streak_rule(journal):
    from practice.session.review import uncounted

    due = journal.view().plan.due
    assert uncounted(journal.view()) == f"{len(due)} exercises still to do for today to count"
    for exercise_id in due[:-2]:
        journal.tick(exercise_id)
    journal.skip(due[-2], "pain", pain=True)  # a skip for pain counts, as it does for the streak
    assert uncounted(journal.view()) == f"still to do for today to count: {journal.view().plan.item(due[-1]).shown.name}"
    journal.skip(due[-1], "no time")  # a skip for another reason does not
    assert uncounted(journal.view()).endswith(journal.view().plan.item(due[-1]).shown.name)
    journal.tick(due[-1])
    assert journal.view().record.complete and uncounted(journal.view()) == ""
