"""The self-tests as data (progression-facts section 12).

Five tests in a fixed order, flexibility before the tiring holds: the
24-hour pain (read off the morning check-ins), one hamstring test the person
picks and keeps (sit-and-reach alone, or the straight-leg raise with a
partner), the Thomas test (a rough side-to-side check), the bridge hold
(both legs until a two-leg hold reaches 60 s, then one leg per side) and the
side bridge (optional; skipped when it hurts).

Numbers here are the facts file's: the bridge caps (120 s on two legs, 60 s
on one), the sit-and-reach noise band (changes under 3 cm), the leg-raise
bands and its 80 degree mark. The side bridge has no cap in the facts; it is
capped at 60 s here (the clinic goal), the more cautious choice: no mapping
looks above 30 s. The words are written afresh.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

LEFT, RIGHT = "left", "right"
SIDES = (LEFT, RIGHT)


class Kind(str, Enum):
    """What a test's result is."""

    PAIN = "pain"
    """The 24-hour pain: the morning check-ins' 7-day average (not entered here)."""
    SECONDS = "seconds"
    CM = "cm"
    DEGREES = "degrees"
    PASS_FAIL = "pass-fail"


class Stop(str, Enum):
    """Why a test was stopped before it gave a result."""

    PAIN = "pain"
    """Pain above 5/10, 2 or more points above the pain before the test, or
    pain where the test names it (hip, groin, shoulder)."""
    LEG = "leg"
    """Pain, tingling or numbness running into a leg, or below the knee."""
    CRAMP = "cramp"
    """A hamstring cramp in the bridge: recorded, then the form cue."""
    DIZZY = "dizzy"
    """Dizziness on lying back (the Thomas test)."""

    @property
    def screens(self) -> bool:
        """A stop for pain or leg symptoms asks the safety questions again."""
        return self in (Stop.PAIN, Stop.LEG)

    @property
    def ends_run(self) -> bool:
        """No more tests today after it (a cramp only moves on)."""
        return self is not Stop.CRAMP


SCREENING_STOPS = frozenset(stop.value for stop in Stop if stop.screens)
STOP_WORDS = {
    Stop.PAIN: "pain",
    Stop.LEG: "leg symptoms",
    Stop.CRAMP: "a hamstring cramp",
    Stop.DIZZY: "dizziness",
}


class Version(NamedTuple):
    id: str
    name: str
    sides: bool
    cap: int
    """The most seconds a hold may run (the timer stops there)."""


class Test(NamedTuple):
    id: str
    name: str
    kind: Kind
    sides: bool
    setup: tuple[str, ...]
    """How to do it at home, step by step."""
    stop_if: str
    reference: str
    """What the numbers can be held against, and how far to trust them."""
    versions: tuple[Version, ...] = ()
    low: int = 0
    high: int = 0
    """Bounds of a number in cm or degrees."""
    stops: tuple[Stop, ...] = (Stop.PAIN, Stop.LEG)
    optional: bool = False
    short: str = ""
    """A name for a narrow tab."""

    def version(self, version_id: str | None) -> Version | None:
        return next((v for v in self.versions if v.id == version_id), None)


PAIN_RULES = ("pain above 5 out of 10, pain 2 or more points above how it was before the tests, or pain, "
              "tingling or numbness spreading into a leg")

PAIN_24H = Test(
    "pain-24h", "24-hour pain", Kind.PAIN, False,
    ("Nothing to do: this is your morning check-in, your low back over the last 24 hours from 0 to 10, "
     "and whether a leg has pain, tingling or numbness.",),
    "",
    "A change of about 2 points, or 30%, counts as a real one; how much depends on where you start.",
    short="Pain",
)
SIT_AND_REACH = Test(
    "sit-and-reach", "Sit-and-reach", Kind.CM, False,
    ("Sit on the floor, legs straight, soles flat against a box or a step; a ruler on top, with 0 where "
     "your toes are.",
     "Stack your hands and slide them slowly along the ruler as far as you can; hold 2 seconds. No bouncing.",
     "Do it 3 times and keep the best. Short of your toes is a minus number (-8); past them, plus (+5)."),
    f"Stop at once for {PAIN_RULES}, or if a leg tingles.",
    "It measures the hamstrings and the low back together. A change under 3 cm is measurement noise; "
    "no meaningful change is known for it, so read it as your own trend.",
    low=-50, high=50,
    short="Reach",
)
STRAIGHT_LEG_RAISE = Test(
    "straight-leg-raise", "Straight-leg raise", Kind.DEGREES, True,
    ("Lie on your back. Your partner holds your other thigh down and lifts the tested leg by the heel, "
     "knee straight, slowly.",
     "They stop at the first strong stretch, or when your pelvis lifts or the knee bends.",
     "Read the angle between the leg and the floor, or pick the nearest band. Twice each leg; note the "
     "average."),
    "Stop at once if pain, tingling or numbness runs below the knee or into the back: that points to a "
    f"sensitive nerve rather than a tight hamstring. Stop too for {PAIN_RULES}.",
    "In one study 80 degrees or more counted as normal and under 80 as limited. No meaningful change is "
    "known for it: read it as your own trend. Phone angle apps are not checked for this.",
    low=0, high=120,
    short="Leg raise",
)
THOMAS = Test(
    "thomas", "Thomas test", Kind.PASS_FAIL, True,
    ("Sit on the very end of a firm, steady table or bed, with someone close by.",
     "Hug both knees and roll onto your back; keep one knee hugged only until your low back lies flat, "
     "and let the other leg hang.",
     "Your helper (or a photo from the side) checks the hanging leg: does the back of the thigh rest on "
     "the surface, and does the knee bend to about a right angle? Then swap legs."),
    f"Stop if your hip or groin hurts, if you feel dizzy lying back, or for {PAIN_RULES}.",
    "A pass is the thigh resting down with the knee bent to about 90 degrees. A thigh up with the knee "
    "bent hints at the hip flexor; a straighter knee hints at the front of the thigh. Hugging the knee "
    "too far fails it wrongly. The test is poor at home: only a rough left-to-right check.",
    stops=(Stop.PAIN, Stop.LEG, Stop.DIZZY),
    short="Thomas",
)
BRIDGE = Test(
    "bridge-hold", "Bridge hold", Kind.SECONDS, False,
    ("On your back, knees bent, arms crossed on your chest. Lift your hips until knees, hips and "
     "shoulders make a line.",
     "One-leg version: straighten one knee so both thighs stay level; the foot on the floor is the side "
     "tested.",
     "Hold. Stop the timer the moment your hips drop, your pelvis tips, or your arms start to push. "
     "Rest a minute between legs."),
    f"Stop for {PAIN_RULES}. A hamstring cramp: stop, note it, then feet closer and squeeze the glutes "
    "first.",
    "One leg: a clinic page calls 30 s usual and 60 s a goal; studies found about 65 s in young adults and "
    "23 s in an older group. Compare with yourself, not with others.",
    versions=(Version("double", "both legs", False, 120), Version("single", "one leg", True, 60)),
    stops=(Stop.PAIN, Stop.LEG, Stop.CRAMP),
    short="Bridge",
)
SIDE_BRIDGE = Test(
    "side-bridge", "Side bridge", Kind.SECONDS, True,
    ("On your side, elbow under the shoulder, free arm across the chest; knees bent (or legs straight "
     "with the top foot in front).",
     "Lift your hips until your body makes a straight line. The side you lie on is the side tested.",
     "Stop the timer when the hips drop, the body rolls or the shoulder sags. Rest 5 minutes, then the "
     "other side."),
    "Skip it if a side plank hurts: many people with back pain do not tolerate it. Stop for shoulder "
    f"pain, or for {PAIN_RULES}.",
    "A clinic page gives 30 s as usual and 60 s as a goal, and the two sides should be about even. "
    "No meaningful change is known: read it as your own trend.",
    versions=(Version("knees", "knees bent", True, 60), Version("full", "legs straight", True, 60)),
    optional=True,
    short="Side bridge",
)

TESTS = {test.id: test for test in (PAIN_24H, SIT_AND_REACH, STRAIGHT_LEG_RAISE, THOMAS, BRIDGE, SIDE_BRIDGE)}
HAMSTRING_TESTS = (SIT_AND_REACH.id, STRAIGHT_LEG_RAISE.id)
ALIASES = {"slr": STRAIGHT_LEG_RAISE.id, "toe-touch": SIT_AND_REACH.id}

SLR_BANDS = {"under-45": "under 45 degrees", "45-70": "45 to 70 degrees", "70-80": "70 to 80 degrees",
             "80-plus": "80 degrees or more"}
"""A leg-raise band instead of an angle (app default bands)."""
SLR_NORMAL = 80
SLR_BELOW_NORMAL = ("under-45", "45-70", "70-80")

PASS, FAIL = "pass", "fail"
THIGH_UP, KNEE_STRAIGHTER = "thigh-up", "knee-straighter"
THOMAS_NOTES = {THIGH_UP: "thigh up", KNEE_STRAIGHTER: "knee straighter"}

SINGLE_BRIDGE_FROM = 60
"""A two-leg bridge hold this long moves the test to one leg."""
NOISE_CM = 3
"""Sit-and-reach changes under this are noise (app default)."""

READY_SECONDS = 10
BRIDGE_REST = 60
SIDE_BRIDGE_REST = 5 * 60
WALK_SECONDS = 5 * 60
"""An easy walk before the tests (app default)."""


def side_words(test: Test, side: str | None) -> str:
    """What a side means for this test, in words."""
    if side is None:
        return ""
    return {
        BRIDGE.id: f"{side} foot on the floor",
        SIDE_BRIDGE.id: f"lying on your {side} side",
        THOMAS.id: f"{side} leg hanging",
        STRAIGHT_LEG_RAISE.id: f"{side} leg lifted",
    }.get(test.id, side)
