"""Each step that brings an older database file forward a version."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from practice.store.known import v6_to_v7
from practice.store.repair import v2_to_v3
from practice.store.schema import Migration


def _v1_to_v2(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Version 2 adds optional fields (skips, held seconds, a stop, the safety
    acknowledgement and theme); version-1 files are valid as they are. The
    bump keeps an older backtui from rewriting days and dropping them."""
    return data


def _v3_to_v4(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Version 4 adds optional tables (self-test results and answers, own
    exercises) and settings (kit, own doses and days, the re-test interval,
    questions owed); version-3 files are valid as they are. The bump keeps an
    older backtui from opening a file whose new parts it would drop."""
    return data


def _v4_to_v5(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Version 5 adds an optional field (a fall reported at a morning
    check-in) and keeps safety answers one question at a time. The questions
    owed are worked out from what they follow (a check-in, a stop), so the
    settings no longer keep them. The bump keeps an older backtui from
    dropping a reported fall."""
    for doc in data.get("settings", {}).values():
        if isinstance(doc, dict):
            doc.pop("owed", None)
    return data


def _v5_to_v6(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Version 6 adds optional fields: steps within a level (a change of kind
    "dose" with the doses before and after) and loads (a change of kind
    "load", or one by hand with a load), a declined suggestion's moment, dose
    or load, a dose a physiotherapist set beyond a level's bounds, and longer
    own holds (a walk); version-5 files are valid as they are. The bump keeps
    an older backtui from calling such a file damaged."""
    return data


def _v7_to_v8(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Version 8 adds optional fields to an own exercise: the base pose its
    figure shows and the limb that works; one without them has no figure,
    so version-7 files are valid as they are. The bump keeps an older
    backtui from calling a file with a pose damaged."""
    return data


MIGRATIONS: Mapping[int, Migration] = {1: _v1_to_v2, 2: v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5, 5: _v5_to_v6,
                                       6: v6_to_v7, 7: _v7_to_v8}
"""``MIGRATIONS[n]`` turns a version-n file into a version n+1 file."""
