"""Red-flag screening as yes/no questions (progression-facts section 10).

The questions are written afresh; they follow the NHS cauda equina cards and
the NHS "when to get help" lists without copying them. backtui screens, it
does not diagnose, and it never reassures.

* **First use**: every question, before any exercise is shown.
* **Any emergency "yes"**: a stop screen (emergency care now), no session,
  shown again at each start until the person says a clinician has seen them
  (or that the "yes" was a mistake, confirmed twice).
* **Any see-a-GP "yes"**: see-a-GP mode: progressions paused, flare-safe
  levels only, walking; repeated at each start until they have been seen.
* **Asked again**: the emergency set after a morning of 7 or more, a session
  stopped for pain (or an exercise stopped for pain), a worsening trend, or a
  new leg-symptom answer; every question every 30 days.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

from practice.daylog import DayRecord, Leg
from practice.programme import pain
from practice.programme.records import Answers, Clearance, QuestionSet

EMERGENCY_QUESTIONS = {
    "E1": "Is anywhere between your legs (inner thighs, genitals, around the back passage, buttocks) numb, "
          "tingling or feeling different, for example when you wipe after the toilet?",
    "E2": "Has peeing newly become hard to start, stop or control, have you started to leak, or can you no "
          "longer tell whether your bladder is full?",
    "E3": "Have you newly lost control of your bowels, or lost feeling when you open them?",
    "E4": "Is there a new change in erections or ejaculation, or less feeling in your genitals during sex?",
    "E5": "Do you have pain, numbness, tingling or weakness in both legs, or are your legs getting weaker, "
          "or has walking newly become hard?",
    "E6": "Did this back pain begin after a serious accident or fall, such as a car crash or a fall from a height?",
    "E7": "Do you have chest pain together with your back pain?",
}
GP_QUESTIONS = {
    "G1": "Have you had a fever, or felt hot and shivery, along with the back pain?",
    "G2": "Have you lost weight lately without trying to?",
    "G3": "Is there a new lump or swelling on your back, or has its shape changed?",
    "G4": "Does the pain stay the same or get worse when you rest or lie down, or is it much worse at night "
          "or waking you up?",
    "G5": "Have you ever had cancer?",
    "G6": "Is the pain mostly high up between your shoulder blades, or like a band around your body?",
    "G7": "Does coughing, sneezing or opening your bowels make the pain worse?",
    "G8": "Do you take steroid tablets long term, have a weakened immune system, or inject drugs?",
    "G9": "Do you have osteoporosis, or are you over 60 with your first ever back pain, or did it start "
          "after a minor fall or bump?",
    "G10": "Is one leg weak or numb (your foot catching or slapping down, say), or is pain down one leg "
           "spreading or getting worse?",
}
QUESTIONS = {**EMERGENCY_QUESTIONS, **GP_QUESTIONS}
SETS = {
    QuestionSet.FULL: tuple(QUESTIONS),
    QuestionSet.EMERGENCY: (*EMERGENCY_QUESTIONS, "G4", "G10"),
}
FULL_EVERY_DAYS = 30

EMERGENCY_STOP = (
    "What you answered can be a sign of a rare nerve emergency (cauda equina syndrome) or another "
    "serious problem. It needs checking today, not tomorrow.",
    "Go to an emergency department now, or call your emergency number (999 in the UK, 112 across "
    "Europe, 911 in North America, 000 in Australia).",
    "Do not wait to see whether it settles: treatment within the first 48 hours gives the best results.",
    "No exercises today. backtui will show this again each time it starts, until you tell it a "
    "clinician has seen you.",
)
SEE_GP = (
    "What you answered needs a doctor's view soon: book an urgent GP appointment, or call NHS 111 "
    "(or your local out-of-hours service), within a day.",
    "Until you have been seen, backtui pauses every step up, keeps to the gentlest (flare-safe) "
    "levels, and those only if you choose to; short, easy walks are fine.",
    "backtui will remind you each time it starts until you tell it you have been seen.",
)


class Mode(str, Enum):
    NORMAL = "normal"
    FLARE = "flare"
    SEE_GP = "see-gp"
    EMERGENCY = "emergency"


def is_emergency(question: str) -> bool:
    return question in EMERGENCY_QUESTIONS


def _open(answers: Iterable[Answers], clearances: Iterable[Clearance], mode: Mode, until: int | None) -> Answers | None:
    """The latest answer set with a "yes" for ``mode`` that no clearance since
    has closed (up to the moment ``until``, if given)."""
    cleared = max((c.at for c in clearances if c.mode == mode.value and (until is None or c.at <= until)), default=None)
    wanted = is_emergency if mode is Mode.EMERGENCY else (lambda q: not is_emergency(q))
    return next((a for a in sorted(answers, key=lambda a: a.at, reverse=True)
                 if (until is None or a.at <= until) and any(map(wanted, a.yes))
                 and (cleared is None or a.at > cleared)), None)


def screening_mode(answers: Iterable[Answers], clearances: Iterable[Clearance]) -> Mode:
    """The mode the answers put the programme in now (flare mode is the pain
    model's; emergency outranks see-a-GP)."""
    answers, clearances = list(answers), list(clearances)
    if _open(answers, clearances, Mode.EMERGENCY, None):
        return Mode.EMERGENCY
    if _open(answers, clearances, Mode.SEE_GP, None):
        return Mode.SEE_GP
    return Mode.NORMAL


def protected_days(answers: Iterable[Answers], clearances: Iterable[Clearance], today: date) -> set[date]:
    """Days on which emergency or see-a-GP mode held: a streak never pays for
    them (they are free days unless their plan was done)."""
    answers, clearances = sorted(answers, key=lambda a: a.at), list(clearances)
    days: set[date] = set()
    for mode in (Mode.EMERGENCY, Mode.SEE_GP):
        wanted = is_emergency if mode is Mode.EMERGENCY else (lambda q: not is_emergency(q))
        for start in (a for a in answers if any(map(wanted, a.yes))):
            end = min((c.day for c in clearances if c.mode == mode.value and c.at >= start.at), default=today)
            days.update(start.day + timedelta(days=n) for n in range((end - start.day).days + 1))
    return days


WHY_STOPPED = "A session was stopped for pain: the emergency questions again, to be safe."
WHY_HIGH = "Your pain was 7 or more: the emergency questions again, to be safe."
WHY_PAIN_SKIP = "An exercise was stopped for pain: the emergency questions again, to be safe."
WHY_LEG = "New leg symptoms: the emergency questions again, to be safe."
WHY_WORSE = "Your mornings have been getting worse: the emergency questions again, to be safe."
"""Why the emergency questions are asked again."""


class Due(NamedTuple):
    questions: QuestionSet
    why: str


def due(
    answers: Iterable[Answers],
    records: Mapping[date, DayRecord],
    mornings: pain.Scores,
    today: date,
    stops: Iterable[int] = (),
    owed: str = "",
) -> Due | None:
    """Which questions to ask now, and why; None when none are due.
    ``records`` holds the recent days (at least those since the last answers);
    ``stops`` the moments self-tests were stopped for pain or leg symptoms;
    ``owed`` is why the emergency questions were called for and not yet
    answered ("" if they were not)."""
    answers = sorted(answers, key=lambda a: a.at)
    if not answers:
        return Due(QuestionSet.FULL, "Before your first session, a few safety questions.")
    last_full = max((a.day for a in answers if a.questions is QuestionSet.FULL), default=None)
    if last_full is None or (today - last_full).days >= FULL_EVERY_DAYS:
        return Due(QuestionSet.FULL, "It has been 30 days: the safety questions again, all of them.")
    why = owed or _trigger(records, mornings, answers[-1], today)
    if why is None and any(at > answers[-1].at for at in stops):
        why = "A self-test was stopped for pain or leg symptoms: the emergency questions again, to be safe."
    return None if why is None else Due(QuestionSet.EMERGENCY, why)


def _trigger(records: Mapping[date, DayRecord], mornings: pain.Scores, last: Answers, today: date) -> str | None:
    """Why the emergency questions should be asked again: something since the
    last answers (a check-in on the same day as them counts as before them;
    the app asks at once after one)."""
    since = last.day
    for day in sorted((d for d in records if since <= d <= today), reverse=True):
        record = records[day]
        if record.stop is not None and record.stop.at > last.at:
            return WHY_STOPPED
        if day == since:
            continue
        if (record.pain_24h or 0) >= pain.HIGH or (record.pain_before or 0) >= pain.HIGH:
            return WHY_HIGH
        if record.pain_skips:
            return WHY_PAIN_SKIP
        if record.leg not in (None, Leg.NONE):
            before = records.get(day - timedelta(days=1))
            if before is None or before.leg in (None, Leg.NONE) or (record.leg is Leg.BOTH and before.leg is not Leg.BOTH):
                return WHY_LEG
    if today > since and pain.worsening(mornings, today):
        return WHY_WORSE
    return None
