"""Version 3: values that older backtuis let in are made safe, once.

Before version 3 an import could store values that later broke commands: days
far outside any plausible range, text holding lone surrogates or control
characters, tick times that do not convert to a local time, negative seconds
held. The step from version 2 repairs them in place, keeping everything that
can be kept, and says what it did:

* text: a lone surrogate becomes U+FFFD, a control character a space; text
  over its length limit is cut;
* a tick time out of range becomes "time not known"; a stop time out of range
  becomes noon (UTC) of its day; seconds held out of range are dropped;
* days before 1970 or from the year 9000 on are removed, and so are days that
  hold nothing at all (an edit that left a day empty kept it before).
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time, timezone
from typing import Any

from practice import validate
from practice.words import count

_NOT_EMPTY = ("ticks", "skips", "held", "pain_before", "pain_after", "note", "stop", "kind")


def clean_text(value: str, limit: int) -> str:
    chars = []
    for c in value:
        if "\ud800" <= c <= "\udfff":
            chars.append("\ufffd")
        elif unicodedata.category(c) == "Cc":
            chars.append(" ")
        else:
            chars.append(c)
    return "".join(chars)[:limit]


def _moment(value: Any) -> bool:
    return type(value) is int and validate.MIN_MOMENT <= value < validate.MAX_MOMENT


def _repair_day(day: date, doc: dict[str, Any]) -> int:
    """Repair one day document in place; returns how many values changed."""
    fixes = 0
    ticks = doc.get("ticks")
    if isinstance(ticks, dict):
        for key, at in ticks.items():
            if at is not None and not _moment(at):
                ticks[key], fixes = None, fixes + 1
    if isinstance(doc.get("note"), str):
        note = clean_text(doc["note"], validate.NOTE_LIMIT)
        fixes += note != doc["note"]
        doc["note"] = note
    skips = doc.get("skips")
    if isinstance(skips, dict):
        for key, why in skips.items():
            if isinstance(why, str):
                cleaned = clean_text(why, validate.REASON_LIMIT)
                fixes += cleaned != why
                skips[key] = cleaned
    held = doc.get("held")
    if isinstance(held, dict):
        bad = [k for k, s in held.items() if type(s) is int and not 0 <= s <= validate.MAX_HELD]
        for key in bad:
            del held[key]
        fixes += len(bad)
    stop = doc.get("stop")
    if isinstance(stop, dict) and type(stop.get("at")) is int and not _moment(stop["at"]):
        stop["at"] = int(datetime.combine(day, time(12), tzinfo=timezone.utc).timestamp())
        fixes += 1
    return fixes


def _empty(doc: dict[str, Any]) -> bool:
    return not any(doc.get(field) for field in _NOT_EMPTY if field != "kind") and doc.get(
        "kind", "normal"
    ) == "normal"


def v2_to_v3(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    days = data.get("days")
    if not isinstance(days, dict):
        return data  # the shape check will say what is wrong
    low, high = validate.MIN_DAY.toordinal(), validate.MAX_DAY.toordinal()
    fixes, outside, empty = 0, [], []
    for key, doc in days.items():
        number = int(key) if key.isascii() and key.isdigit() and len(key) < 10 else None
        if number is None or not isinstance(doc, dict):
            continue
        if not low <= number < high:
            outside.append(key)
            continue
        fixes += _repair_day(date.fromordinal(number), doc)
        if _empty(doc):
            empty.append(key)
    for key in (*outside, *empty):
        del days[key]
    settings = data.get("settings", {}).get("1")
    if isinstance(settings, dict) and isinstance(settings.get("theme"), str):
        settings["theme"] = clean_text(settings["theme"], 100)
    done = []
    if fixes:
        done.append(f"repaired {count(fixes, 'value')} an older backtui let in")
    if outside:
        done.append(f"removed {count(len(outside), 'day')} dated before 1970 or after 9000")
    if empty:
        done.append(f"removed {count(len(empty), 'empty day')}")
    if done:
        notes.append("upgraded the database for this backtui: " + "; ".join(done) + " (the old file is the newest backup)")
    return data
