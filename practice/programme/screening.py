"""Red-flag screening as yes/no questions (progression-facts section 10).

The questions are written afresh; they follow the NHS cauda equina cards and
the NHS "when to get help" lists without copying them. backtui screens, it
does not diagnose, and it never reassures.

* **Every answer is kept as it is given**, so no way of leaving loses one,
  and a question answered is not asked again when the person comes back
  half-way.
* **An emergency "yes" acts at once**: the stop screen shows at that moment;
  the questions still to answer wait until a clinician has seen the person
  (or the "yes" is taken back as a mistake, confirmed twice, which asks that
  question again).
* **A see-a-GP "yes"**: see-a-GP mode (progress paused, flare-safe levels
  only, walking), until the person says they have been seen; from 7 days
  after the "yes" the start screen asks whether they have been.
* **First use**: every question. **Every 30 days**: every question again,
  except the lifelong facts (a past cancer, long steroid use, osteoporosis)
  once they are recorded: a "yes" to one of those is kept, and once a
  clinician knows, it never sends the person back to see-a-GP mode.
* **Asked again for something new** (:func:`findings`): a morning or a pain
  score of 7 or more, pain of 6 or more during an exercise, a session
  stopped for sharp or spreading pain, a self-test stopped for pain, leg
  symptoms that are new or spreading, a fall or injury reported at a
  check-in, a worsening trend (once). The emergency set is asked at most
  once a practice day; a finding later that day asks only the questions it
  concerns (the leg questions after a stop, say).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

from practice.daylog import DayRecord, Leg
from practice.programme import pain
from practice.programme.log import Answers, Clearance, QuestionSet

EMERGENCY_QUESTIONS = {
    "E1": "Since this back pain began, has any skin between your legs (inner thighs, genitals, around the "
          "back passage, buttocks) become numb, tingly or different, for example when you wipe after the toilet?",
    "E2": "Since this back pain began, has peeing become hard to start, stop or control, can you no longer "
          "tell when your bladder is full, or have you started to leak? (A small leak when you cough or "
          "laugh that you have had for a long time does not count.)",
    "E3": "Since this back pain began, have you lost control of your bowels, or lost feeling when you open them?",
    "E4": "Since this back pain began, is there a new change in erections or ejaculation, or less feeling "
          "in your genitals during sex?",
    "E5": "Is there new pain, numbness, tingling or weakness in both legs since this back pain began, are "
          "your legs getting weaker, or has walking newly become hard? (Aches in both legs that you have "
          "had for a long time do not count.)",
    "E6": "Did this back pain begin, or get clearly worse, after a serious accident or fall, such as a car "
          "crash, a fall from a height or down stairs, or a hard blow to your back?",
    "E7": "Do you have chest pain as well as your back pain?",
}
GP_QUESTIONS = {
    "G1": "Have you had a fever, or felt hot and shivery, along with the back pain?",
    "G2": "Have you lost weight lately without trying to?",
    "G3": "Is there a new lump or swelling on your back, or has its shape changed?",
    "G4": "Is the pain there all the time, day and night, and does it stay the same however you lie or "
          "move? (Pain at night that eases when you change position does not count.)",
    "G5": "Have you ever had cancer?",
    "G6": "Is the pain mostly high up between your shoulder blades, or like a band around your body?",
    "G8": "Do you take steroid tablets long term, have a weakened immune system, or inject drugs?",
    "G9": "Do you have osteoporosis (thin, fragile bones), or are you over 60 and this is your first ever "
          "back pain?",
    "G10": "Is one leg weak or numb (your foot catching or slapping down, say), or is pain down one leg "
           "spreading or getting worse?",
    "G11": "Did this back pain begin, or get clearly worse, after a minor fall or bump?",
}
QUESTIONS = {**EMERGENCY_QUESTIONS, **GP_QUESTIONS}
"""In the order they are asked."""
RETIRED = {"G7": "Does coughing, sneezing or opening your bowels make the pain worse?"}
"""Asked by an older backtui and no longer: pain worse on coughing or sneezing
is common in ordinary back pain and not a flag on its own. A "yes" kept then
still counts until it is cleared."""
WORDING = {**QUESTIONS, **RETIRED}
"""Every question an answer may name, in its words."""
ORDER = {question: n for n, question in enumerate(QUESTIONS)}
FULL_SET = tuple(QUESTIONS)
EMERGENCY_SET = (*EMERGENCY_QUESTIONS, "G4", "G10")
LEG_SET = ("E1", "E2", "E3", "E4", "E5", "G10")
"""What a stop for sharp or spreading pain concerns, once the emergency set
was answered earlier the same day."""
SETS = {QuestionSet.FULL: FULL_SET, QuestionSet.EMERGENCY: EMERGENCY_SET}
LIFELONG = frozenset({"G5", "G8", "G9"})
"""Facts about a life rather than this back pain: kept once answered yes."""
FULL_EVERY_DAYS = 30
SEEN_ASK_DAYS = 7
"""Days after a see-a-GP "yes" when the start screen asks whether the person has been seen."""


class Emergency(NamedTuple):
    title: str
    lines: tuple[str, ...]


NO_EXERCISE = ("No exercises today. backtui shows this each time it starts until you tell it a clinician "
               "has seen you; the questions still to answer wait until then.")
CAUDA_EQUINA = Emergency("Get emergency care now", (
    "What you answered can be a sign that the nerves at the bottom of the spine are being squeezed "
    "(cauda equina syndrome). It is rare, and it needs checking today.",
    "Go to an emergency department now, or call your emergency number (999 in the UK, 112 across "
    "Europe, 911 in North America, 000 in Australia). Say you have back pain with these symptoms.",
    "Do not wait to see whether it settles: treatment within the first 48 hours gives the best results.",
    NO_EXERCISE,
))
INJURY = Emergency("Get checked today", (
    "Back pain that began or got worse after a serious accident, fall or blow needs checking for an "
    "injury to the spine before any exercise.",
    "Go to an emergency department today, or call your emergency number if you cannot move safely, "
    "your legs feel weak or numb, or the pain is severe. Do not drive yourself.",
    NO_EXERCISE,
))
CHEST = Emergency("Call for help now", (
    "Chest pain together with back pain can come from the heart or a large blood vessel, and it needs a "
    "doctor now.",
    "Call your emergency number now (999 in the UK, 112 across Europe, 911 in North America, 000 in "
    "Australia). Do not drive yourself, and do not wait to see whether it passes.",
    NO_EXERCISE,
))


def emergency_for(yes: Iterable[str]) -> Emergency:
    """The stop screen for the emergency answers given: chest pain first, then
    an injury, else the nerve emergency."""
    said = set(yes)
    return CHEST if "E7" in said else INJURY if said == {"E6"} else CAUDA_EQUINA


SEE_GP = (
    "What you answered needs a doctor's view soon: book an urgent GP appointment, or call NHS 111 "
    "(or your local out-of-hours service), within a day.",
    "Until you have been seen, backtui pauses every step up, keeps to the gentlest (flare-safe) "
    "levels, and those only if you choose to; short, easy walks are fine.",
    "backtui reminds you each time it starts until you tell it you have been seen.",
)


class Mode(str, Enum):
    NORMAL = "normal"
    FLARE = "flare"
    SEE_GP = "see-gp"
    EMERGENCY = "emergency"


def is_emergency(question: str) -> bool:
    return question in EMERGENCY_QUESTIONS


def _wanted(mode: Mode) -> Callable[[str], bool]:
    return is_emergency if mode is Mode.EMERGENCY else (lambda q: not is_emergency(q))


def _open(answers: Iterable[Answers], clearances: Iterable[Clearance], mode: Mode, until: int | None) -> Answers | None:
    """The latest answer with a "yes" for ``mode`` that no clearance since
    has closed (up to the moment ``until``, if given)."""
    cleared = max((c.at for c in clearances if c.mode == mode.value and (until is None or c.at <= until)), default=None)
    wanted = _wanted(mode)
    return next((a for a in sorted(answers, key=lambda a: a.at, reverse=True)
                 if (until is None or a.at <= until) and any(map(wanted, a.yes))
                 and (cleared is None or a.at > cleared)), None)


def screening_mode(answers: Iterable[Answers], clearances: Iterable[Clearance]) -> Mode:
    """The mode the answers put the programme in now (flare mode is the pain
    model's; emergency outranks see-a-GP). Only a clearance the person gave
    ends one: a later "no" never does."""
    answers, clearances = list(answers), list(clearances)
    if _open(answers, clearances, Mode.EMERGENCY, None):
        return Mode.EMERGENCY
    if _open(answers, clearances, Mode.SEE_GP, None):
        return Mode.SEE_GP
    return Mode.NORMAL


def open_emergency(answers: Iterable[Answers], clearances: Iterable[Clearance]) -> Emergency | None:
    """The stop screen an open emergency "yes" calls for, or None."""
    answers, clearances = list(answers), list(clearances)
    found = _open(answers, clearances, Mode.EMERGENCY, None)
    if found is None:
        return None
    cleared = max((c.at for c in clearances if c.mode == Mode.EMERGENCY.value), default=None)
    yes = {q for a in answers if cleared is None or a.at > cleared for q in a.yes if is_emergency(q)}
    return emergency_for(yes)


def ask_if_seen(answers: Iterable[Answers], clearances: Iterable[Clearance], today: date) -> bool:
    """See-a-GP mode has held for :data:`SEE_GP_ASK_DAYS` days or more: the
    start screen asks whether the person has been seen (10b)."""
    found = _open(answers, clearances, Mode.SEE_GP, None)
    return found is not None and (today - found.day).days >= SEEN_ASK_DAYS


def protected_days(answers: Iterable[Answers], clearances: Iterable[Clearance], today: date) -> set[date]:
    """Days on which emergency or see-a-GP mode held: a streak never pays for
    them (they are free days unless their plan was done)."""
    return set().union(*mode_days(answers, clearances, today).values())


def mode_days(answers: Iterable[Answers], clearances: Iterable[Clearance], today: date) -> dict[Mode, set[date]]:
    """The days on which emergency mode held, and those on which see-a-GP
    mode did: from the day of a "yes" to the day a clearance ended it."""
    answers, clearances = sorted(answers, key=lambda a: a.at), list(clearances)
    found: dict[Mode, set[date]] = {}
    for mode in (Mode.EMERGENCY, Mode.SEE_GP):
        wanted, days = _wanted(mode), found.setdefault(mode, set())
        for start in (a for a in answers if any(map(wanted, a.yes))):
            end = min((c.day for c in clearances if c.mode == mode.value and c.at >= start.at), default=today)
            days.update(start.day + timedelta(days=n) for n in range((end - start.day).days + 1))
    return found


# What has been answered ------------------------------------------------------------


class Given(NamedTuple):
    """One answer to one question."""

    at: int
    day: date
    yes: bool


def given(answers: Iterable[Answers], clearances: Iterable[Clearance]) -> dict[str, list[Given]]:
    """Every answer that stands, by question, oldest first. A "yes" the person
    took back as a mistake does not stand: its question is asked again."""
    mistakes = sorted((c for c in clearances if c.how == "mistake"), key=lambda c: c.at)
    found: dict[str, list[Given]] = {}
    for answer in sorted(answers, key=lambda a: a.at):
        for question in answer.asked:
            yes = question in answer.yes
            if yes and _taken_back(answer, question, mistakes, clearances):
                continue
            found.setdefault(question, []).append(Given(answer.at, answer.day, yes))
    return found


def _taken_back(answer: Answers, question: str, mistakes: list[Clearance], clearances: Iterable[Clearance]) -> bool:
    """A "mistake" clearance of the question's mode came after the answer,
    before any other clearance of that mode."""
    mode = Mode.EMERGENCY.value if is_emergency(question) else Mode.SEE_GP.value
    first = min((c for c in clearances if c.mode == mode and c.at >= answer.at), key=lambda c: c.at, default=None)
    return first is not None and first.how == "mistake"


def _known(question: str, answered: list[Given], clearances: Iterable[Clearance]) -> Given | None:
    """The standing "yes" to ``question`` that a clinician has seen since, if
    its last answer is one."""
    if not answered or not answered[-1].yes:
        return None
    mode = Mode.EMERGENCY.value if is_emergency(question) else Mode.SEE_GP.value
    last = answered[-1]
    seen = any(c.mode == mode and c.how == "seen" and c.at >= last.at for c in clearances)
    return last if seen else None


# Why to ask again ---------------------------------------------------------------------


class Finding(NamedTuple):
    """Something that calls for the safety questions again."""

    day: date
    why: str
    at: int | None = None
    """When, for a finding within a day (a stop); None for a morning's."""
    subset: tuple[str, ...] = ()
    """What it asks when the emergency set was answered earlier that day."""
    extra: tuple[str, ...] = ()
    """Asked beside the emergency set (a fall: the minor-fall question)."""


WHY_HIGH = "Your pain was 7 or more: the emergency questions again, to be safe."
WHY_RED = "Pain reached 6 or more during an exercise: the emergency questions again, to be safe."
WHY_STOPPED = "The session was stopped for sharp or spreading pain: the questions about your legs and nerves."
WHY_LEG = "Your leg symptoms are new or have spread: the emergency questions again, to be safe."
WHY_FALL = "You told backtui about a fall or injury: the questions about it."
WHY_WORSE = "Your mornings have been getting worse: the emergency questions again, to be safe."
WHY_TEST = "A self-test was stopped for pain or leg symptoms: the questions about your legs and nerves."
WHY_FIRST = "Before your first session, a few safety questions."
WHY_NEW = "Safety questions you have not answered yet."
WHY_AGAIN = "You took back a yes as a mistake: that question again, and any still to answer."
WHY_MONTH = "It has been 30 days: the safety questions again."
WHY_ALL = "Every safety question, as you asked."


def leg_news(records: Mapping[date, DayRecord], day: date) -> bool:
    """The morning of ``day`` reported leg symptoms that are new or spreading
    against the last check-in before it: none to one leg, one leg to both.
    The same symptoms continuing are not news."""
    now = records[day].leg if day in records else None
    if now in (None, Leg.NONE):
        return False
    before = next((records[d].leg for d in sorted(records, reverse=True) if d < day and records[d].leg is not None),
                  Leg.NONE)
    return before is Leg.NONE or (now is Leg.BOTH and before is Leg.ONE)


def findings(records: Mapping[date, DayRecord], mornings: pain.Scores, today: date,
             flare_days: pain.Days = (), test_stops: Iterable[tuple[int, date]] = ()) -> list[Finding]:
    """Everything in the last 30 days that calls for questions, oldest first."""
    since = today - timedelta(days=FULL_EVERY_DAYS)
    found = []
    high_before = False
    for day in sorted(d for d in records if d <= today):
        record = records[day]
        scores = [s for s in (record.pain_24h, record.pain_before, record.pain_after) if s is not None]
        high = bool(scores) and max(scores) >= pain.HIGH
        new_high, high_before = high and not high_before, high if scores else high_before
        if day < since:
            continue
        if new_high:
            found.append(Finding(day, WHY_HIGH))
        if any(score >= pain.RED for score in record.pain_during.values()):
            found.append(Finding(day, WHY_RED))
        if leg_news(records, day):
            found.append(Finding(day, WHY_LEG))
        if record.fall:
            found.append(Finding(day, WHY_FALL, extra=("G11",)))
        if record.stop is not None:
            found.append(Finding(day, WHY_STOPPED, record.stop.at, LEG_SET))
    found += [Finding(day, WHY_TEST, at, LEG_SET) for at, day in test_stops if since <= day <= today]
    start = pain.trend_start(mornings, today, flare_days)
    if start is not None:
        found.append(Finding(start, WHY_WORSE))
    return sorted(found, key=lambda f: (f.day, f.at or 0))


# What to ask ------------------------------------------------------------------------


class Due(NamedTuple):
    questions: tuple[str, ...]
    """In the order they are asked."""
    why: str
    notes: Mapping[str, str] = {}
    """A line shown with a question ("you said yes on ... and have been seen since")."""

    @property
    def kind(self) -> QuestionSet:
        """How the answers are filed: the whole set, or the emergency set."""
        return QuestionSet.FULL if self.why in (WHY_FIRST, WHY_AGAIN, WHY_NEW, WHY_MONTH, WHY_ALL) \
            else QuestionSet.EMERGENCY


def due(
    answers: Iterable[Answers],
    clearances: Iterable[Clearance],
    found: Iterable[Finding],
    today: date,
) -> Due | None:
    """Which questions to ask now, and why; None when none are. Nothing is
    asked while an emergency "yes" is open: it needs a clinician first."""
    answers, clearances, found = list(answers), list(clearances), list(found)
    if screening_mode(answers, clearances) is Mode.EMERGENCY:
        return None
    standing = given(answers, clearances)
    wanted: dict[str, str] = {}

    def want(questions: Iterable[str], why: str) -> None:
        for question in questions:
            wanted.setdefault(question, why)

    ever = {q for a in answers for q in a.asked}
    never = [q for q in FULL_SET if q not in standing]
    want((q for q in never if q in ever), WHY_AGAIN)
    want(never, WHY_FIRST if not ever else WHY_NEW)
    for finding in found:
        want(_still_asked(finding, standing), finding.why)
    month = today - timedelta(days=FULL_EVERY_DAYS)
    want((q for q in FULL_SET if q in standing and standing[q][-1].day <= month
          and not (q in LIFELONG and standing[q][-1].yes)), WHY_MONTH)
    if not wanted:
        return None
    questions = tuple(sorted(wanted, key=ORDER.__getitem__))
    why = next(w for w in (WHY_FIRST, WHY_AGAIN, *(f.why for f in reversed(found)), WHY_NEW, WHY_MONTH)
               if w in wanted.values())
    return Due(questions, why, _notes(questions, standing, clearances))


def everything(answers: Iterable[Answers], clearances: Iterable[Clearance]) -> Due:
    """Every question, asked because the person chose to answer them now
    (the lifelong facts already kept are not asked again)."""
    clearances = list(clearances)
    standing = given(answers, clearances)
    questions = tuple(q for q in FULL_SET if not (q in LIFELONG and q in standing and standing[q][-1].yes))
    return Due(questions, WHY_ALL, _notes(questions, standing, clearances))


def _notes(questions: Iterable[str], standing: Mapping[str, list[Given]],
           clearances: list[Clearance]) -> dict[str, str]:
    """A line for each question whose "yes" a clinician has seen since."""
    notes = {}
    for question in questions:
        seen = _known(question, standing.get(question, []), clearances)
        if seen is not None:
            notes[question] = (f"You said yes to this on {seen.day:%a %-d %b} and a clinician has seen you "
                               "since: say yes only if it is new or worse.")
    return notes


def _still_asked(finding: Finding, standing: Mapping[str, list[Given]]) -> list[str]:
    """The questions a finding still asks: the emergency set (and its extra),
    unless each was answered on or after the finding's day; once the set was
    answered earlier that day, only its own questions (answered after it)."""

    def on_or_after(question: str, day: date) -> bool:
        return any(g.day >= day for g in standing.get(question, ()))

    def after(question: str, at: int) -> bool:
        return any(g.at >= at for g in standing.get(question, ()))

    if not all(on_or_after(q, finding.day) for q in EMERGENCY_SET):
        return [q for q in (*EMERGENCY_SET, *finding.extra) if not on_or_after(q, finding.day)]
    if finding.at is None:
        return [q for q in finding.extra if not on_or_after(q, finding.day)]
    return [q for q in (*finding.subset, *finding.extra) if not after(q, finding.at)]
