"""Properties of the merge of two machines' days (practice.interchange.combine)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from practice import validate
from practice.daylog import DayKind, DayRecord, Leg, Rating, Stop
from practice.interchange.combine import combine
from practice.settings import Settings

DAY = date(2026, 11, 20)
IDS = st.sampled_from(["calf-foam-roll", "glute-bridge", "bird-dog", "step-up", "side-plank"])
TIMES = st.one_of(st.none(), st.integers(1_700_000_000, 1_700_000_100))
PAIN = st.one_of(st.none(), st.integers(0, 10))


@st.composite
def days(draw) -> DayRecord:
    ticks = draw(st.dictionaries(IDS, TIMES, max_size=4))
    skips = draw(st.dictionaries(IDS, st.sampled_from(["", "no time", "sore"]), max_size=3))
    skips = {i: why for i, why in skips.items() if i not in ticks}
    plan = draw(st.one_of(st.none(), st.lists(IDS, unique=True, max_size=4).map(tuple)))
    return DayRecord(
        day=DAY,
        ticks=ticks,
        plan=plan,
        kind=draw(st.sampled_from(DayKind)),
        pain_before=draw(PAIN),
        pain_after=draw(PAIN),
        note=draw(st.sampled_from(["", "knees fine", "stiff"])),
        skips=skips,
        held=draw(st.dictionaries(st.sampled_from(sorted(ticks) or ["bird-dog"]), st.integers(0, 90), max_size=2))
        if ticks else {},
        stop=draw(st.one_of(st.none(), st.builds(Stop, st.integers(1_700_000_000, 1_700_000_100),
                                                 st.one_of(st.none(), IDS)))),
        pain_24h=draw(PAIN),
        leg=draw(st.one_of(st.none(), st.sampled_from(Leg))),
        ratings=draw(st.dictionaries(IDS, st.sampled_from(Rating), max_size=2)),
        pain_during=draw(st.dictionaries(IDS, st.integers(0, 10), max_size=2)),
        pain_skips=frozenset(i for i in skips if draw(st.booleans())),
        levels={i: draw(st.integers(1, 5)) for i in plan or ()},
    )


@given(days(), days())
def test_commutative_on_ticks_and_never_drops_one(a, b):
    ab, _ = combine(a, b)
    ba, _ = combine(b, a)
    assert ab.ticks == ba.ticks
    assert ab.ticks.keys() == a.ticks.keys() | b.ticks.keys()
    for exercise_id, at in ab.ticks.items():
        times = [r.ticks.get(exercise_id) for r in (a, b)]
        assert at == min((t for t in times if t is not None), default=None)  # the earlier time


@given(days(), days())
def test_idempotent(a, b):
    merged, _ = combine(a, b)
    assert combine(merged, b)[0] == merged  # the same copy merged again
    assert combine(b, merged)[0] == merged  # ... now that the merged file is the later one
    assert combine(a, merged)[0] == merged
    assert combine(merged, merged) == (merged, [])


@given(days(), days())
def test_what_one_side_holds_is_kept_and_the_later_wins_a_difference(a, b):
    merged, differences = combine(a, b)
    for name, unset in (("pain_before", None), ("pain_24h", None), ("note", ""), ("leg", None), ("stop", None)):
        kept, earlier, later = (getattr(r, name) for r in (merged, a, b))
        assert kept == (later if later != unset else earlier)
        reported = any(d.where == f"{DAY} {name.replace('_', ' ')}" for d in differences)
        assert reported == (earlier != unset and later != unset and earlier != later)
    for exercise_id in a.skips.keys() | b.skips.keys():
        assert exercise_id in merged.skips or exercise_id in merged.ticks
    assert merged.pain_skips <= merged.skips.keys() and not merged.skips.keys() & merged.ticks.keys()
    validate.record(merged, DAY)


@given(days())
def test_one_side_alone_is_kept_as_it_is(a):
    assert combine(a, None) == (a, []) and combine(None, a) == (a, [])


def test_settings_take_the_later_side_and_the_earlier_acceptance():
    from practice.interchange.combine import settings

    earlier = Settings(day_start_hour=4, safety_ack=100, rest_days=1)
    later = Settings(day_start_hour=6, safety_ack=200, rest_days=1)
    kept, differences = settings(earlier, later)
    assert (kept.day_start_hour, kept.safety_ack) == (6, 100)
    assert [d.words() for d in differences] == ["settings: the day start 6 (other: 4)"]
