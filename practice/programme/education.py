"""Short points about backs (progression-facts section 11), in plain words,
for the "About your back" page, and the one that fits a moment."""

from __future__ import annotations

from typing import NamedTuple


class Point(NamedTuple):
    title: str
    text: str


POINTS = (
    Point("Hurting is not the same as harm",
          "Pain during or after exercise usually means a sensitive back, not a damaged one. Backs are "
          "strong, and they get stronger when the load grows a little at a time."),
    Point("Most back pain is not serious",
          "Even when it hurts a lot, a new bout of back pain often starts to ease within about two weeks "
          "and settles within about six. Pain that has lasted longer can still get better, more slowly."),
    Point("Keep moving",
          "Carry on with your usual day as far as you can: change how you do things rather than stopping them."),
    Point("Bed rest does not help",
          "People told to stay active do a little better than people told to rest in bed."),
    Point("Exercise is the main treatment",
          "Stretching, strengthening, walking and yoga all count. The best choice is the one you will keep doing."),
    Point("Walking counts",
          "In one trial, building up to about 30 minutes of walking five times a week, with some teaching "
          "about backs, kept people free of a limiting bout of back pain for longer (a median of 208 days, "
          "against 112)."),
    Point("Have a plan for flare-ups",
          "Flares are common and usually settle. Switch to the gentlest levels, move a little and often, use "
          "heat if it helps, and ask a pharmacist about pain relief (paracetamol alone is no longer advised "
          "for back pain in the UK)."),
    Point("Pace yourself",
          "Avoid doing a lot on good days and paying for it afterwards. Start a little below what sets you "
          "off, keep to it, and build up in small planned steps."),
    Point("Sleep and stress play a part",
          "A bad night is often followed by a more painful day, and long-term poor sleep almost doubles the "
          "risk of disabling back pain. Stress and low mood can turn pain up as well."),
    Point("Scans rarely help",
          "Imaging is needed only when a serious cause is suspected, and what a scan shows does not predict "
          "how you will do."),
    Point("What not to buy",
          "UK guidance does not recommend back belts or corsets, shoe insoles, rocker-sole shoes, traction, "
          "TENS and similar devices, ultrasound, or acupuncture for low back pain."),
    Point("When to get help",
          "The emergency signs in the safety questions mean emergency care now. Pain that is not getting "
          "better after a few weeks, is getting worse, or is hard to cope with means booking your GP or a "
          "physiotherapist."),
)

FLARE, FIRST_WEEK = 6, 2
"""Which point fits: a flare day, and the first week."""


def point(index: int) -> str:
    """One point as one line: its title, then its text."""
    chosen = POINTS[index]
    return f"{chosen.title}: {chosen.text}"


def page() -> str:
    """Every point, for the "About your back" page."""
    return "\n\n".join(f"[b]{n}. {p.title}[/b]\n{p.text}" for n, p in enumerate(POINTS, start=1))
