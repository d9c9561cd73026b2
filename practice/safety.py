"""What backtui says about safety, in one place: the first-run notice, the
red flags, and what to do when a session is stopped for pain.

Checked against section 3 of ``shared/content/exercise-facts.md``: the red
flags are its list 3a (same-day emergency care), the "see a doctor soon" list
is a short form of 3b, and the notice covers the points of 3c.
"""

from __future__ import annotations

DISCLAIMER = (
    "backtui is a practice log and timer, not medical advice and not a treatment plan.",
    "It cannot tell whether these exercises suit you. Check with a doctor or "
    "physiotherapist before you start, and follow their advice where it differs.",
    "Exercise is the main treatment for most back pain, disc problems included. "
    "What needs a clinician first: a new injury (a fall, an accident), severe pain "
    "that is new or getting worse, or any of the warning signs below.",
    "Good form matters more than doing more. Rolling should feel like firm "
    "pressure, never sharp pain.",
)

RED_FLAGS_TITLE = (
    "Stop and get emergency care today (an emergency department, or your "
    "emergency number) if you have:"
)

RED_FLAGS = (
    "numbness, tingling or changed feeling around the genitals, buttocks, inner "
    "thighs or back passage, including feeling less when you wipe",
    "new trouble starting, stopping or controlling your pee, less feeling when "
    "you pee, leaking, or not knowing whether your bladder is full",
    "losing control of your bowels, or less feeling when you open them",
    "a new change in sexual function or genital feeling",
    "pain, weakness or numbness in both legs, legs getting weaker fast or not "
    "doing what you want, or new trouble walking",
    "back pain after a bad fall or accident, or back pain with chest pain",
)

SOON_TITLE = "See a doctor soon, rather than carrying on with the routine, if you have:"

SEE_A_DOCTOR_SOON = (
    "fever with back pain, or weight loss you cannot explain",
    "pain that rest does not ease and that is worse at night",
    "a history of cancer, a lump on your back, or pain in the middle of the back",
    "pain that keeps getting worse, or is very different from your usual pain",
)

STOP_RULE = (
    "Pain during an exercise: press x. Sharp pain, or pain, tingling or numbness "
    "spreading into a leg, means stop for today (x, then s)."
)

STOPPED = (
    "Stop here for today: no more exercises. Rest in whatever position eases "
    "the pain, and move gently when you get up.",
    "Call your GP or NHS 111 (or your local urgent care line) today if the pain "
    "is severe and rest does not ease it, or if tingling, numbness or weakness "
    "in a leg spreads or does not settle within a few hours.",
)
STOPPED_LATER = (
    "If it all settles, try again tomorrow, gently: the exercise that caused it "
    "will offer the level below (or leaving it out). If it keeps happening, ask "
    "a physiotherapist."
)


def bullets(lines: tuple[str, ...]) -> str:
    return "\n".join(f"• {line[0].upper()}{line[1:]}" for line in lines)
