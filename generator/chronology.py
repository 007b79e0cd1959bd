"""Enrich stage, chronology: order transcripts in time, link neighbours, choose related ones.

Order: dated transcripts by date, then by id; undated transcripts after them, by id.
Previous/next link dated transcripts to their neighbours in that order (undated ones link to
their neighbours among the undated).
Related: other transcripts scored by ``RELATED_TOPIC_WEIGHT`` per shared topic plus
``RELATED_SPEAKER_WEIGHT`` per shared named speaker; ties go to the nearer in time (in days), then
by id.
To stay linear, a feature shared by more than ``WINDOW * 2`` transcripts only counts the
``WINDOW`` nearest transcripts on each side in time.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import heapq
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

RELATED_TOPIC_WEIGHT = 2
RELATED_SPEAKER_WEIGHT = 1
RELATED_MAX = 5
WINDOW = 40


@dataclass(frozen=True)
class Item:
    """What chronology needs to know of one transcript."""

    id: str
    date: Optional[str]
    topics: tuple[str, ...]
    speakers: tuple[str, ...]


def order(items: list[Item]) -> list[Item]:
    """Chronological order: dated first by (date, id), then undated by id."""
    return sorted(items, key=lambda it: (it.date is None, it.date or "", it.id))


def neighbours(ordered: list[Item]) -> dict[str, tuple[Optional[str], Optional[str]]]:
    """id -> (previous id, next id), within the dated run and within the undated run."""
    out: dict[str, tuple[Optional[str], Optional[str]]] = {}
    for group in ([it for it in ordered if it.date], [it for it in ordered if not it.date]):
        for k, it in enumerate(group):
            prev = group[k - 1].id if k > 0 else None
            nxt = group[k + 1].id if k + 1 < len(group) else None
            out[it.id] = (prev, nxt)
    return out


@dataclass(frozen=True)
class Relations:
    """Each item's related ids, with the items and the feature lists they were chosen from: what
    ``related`` needs to choose again only for the items an edit can affect."""

    items: dict[str, Item]
    related: dict[str, tuple[str, ...]]
    lists: dict[tuple[str, str], list[str]]
    """Each topic's or speaker's items (ids), in order."""


def related(ordered: list[Item], before: Optional[Relations] = None) -> Relations:
    """id -> up to RELATED_MAX related ids, best first.

    An item's choice depends only on the items sharing one of its topics or speakers (only the
    ``WINDOW`` nearest on each side, for a common one) and on their order among themselves; ties
    go to the nearer in days, then the smaller id, never to a position in the whole archive. So,
    given the relations ``before`` an edit, only the items that changed and those near an item
    added, removed or changed (before or after the change) in a list they share are chosen again
    (``_affected``); the others keep their related ids, exactly as choosing afresh would give."""
    postings: dict[tuple[str, str], list[int]] = {}
    for k, it in enumerate(ordered):
        for feature in _features(it):
            postings.setdefault(feature, []).append(k)
    items = {it.id: it for it in ordered}
    lists = {feature: [ordered[k].id for k in ks] for feature, ks in postings.items()}
    if before is None:
        todo: Iterable[int] = range(len(ordered))
        out: dict[str, tuple[str, ...]] = {}
    else:
        affected = _affected(before, items, lists)
        todo = [k for k, it in enumerate(ordered) if it.id in affected or it.id not in before.related]
        out = {tid: ids for tid, ids in before.related.items() if tid in items}
    days = [_day(it.date) for it in ordered]
    for k in todo:
        it = ordered[k]
        scores: Counter[int] = Counter()
        for feature in _features(it):
            plist = postings[feature]
            if len(plist) > 2 * WINDOW:
                at = bisect.bisect_left(plist, k)
                plist = plist[max(0, at - WINDOW): at + WINDOW + 1]
            for _ in range(RELATED_TOPIC_WEIGHT if feature[0] == "t" else RELATED_SPEAKER_WEIGHT):
                scores.update(plist)  # counted in C
        scores.pop(k, None)
        if len(scores) > RELATED_MAX:
            # Only scores reaching the RELATED_MAX-th best can place; sort just those.
            floor = heapq.nlargest(RELATED_MAX, scores.values())[-1]
            candidates = [kv for kv in scores.items() if kv[1] >= floor]
        else:
            candidates = list(scores.items())
        best = sorted(candidates, key=lambda kv: (-kv[1], _apart(days[k], days[kv[0]]), ordered[kv[0]].id))
        out[it.id] = tuple(ordered[j].id for j, _ in best[:RELATED_MAX])
    return Relations(items, {it.id: out[it.id] for it in ordered}, lists)


def _affected(
    before: Relations, items: dict[str, Item], lists: dict[tuple[str, str], list[str]]
) -> set[str]:
    """Ids whose related ids may differ from ``before``: the changed items, and for each topic or
    speaker of a changed item (as it was and as it is), every item of its list if the list is short
    enough to count whole (before or now), else the items within ``WINDOW`` of the changed one's
    place (before and now): only there can a window gain or lose an item."""
    changed_now = [it for it in items.values() if before.items.get(it.id) != it]
    changed_before = [it for tid, it in before.items.items() if items.get(tid) != it]
    affected = {it.id for it in changed_now}
    for side, changed in ((lists, changed_now), (before.lists, changed_before)):
        for it in changed:
            for feature in _features(it):
                old, new = before.lists.get(feature, []), lists.get(feature, [])
                if len(old) <= 2 * WINDOW or len(new) <= 2 * WINDOW:
                    affected.update(old)
                    affected.update(new)
                else:
                    plist = side[feature]
                    at = plist.index(it.id)
                    affected.update(plist[max(0, at - WINDOW - 1): at + WINDOW + 2])
    return affected


def _features(it: Item) -> list[tuple[str, str]]:
    return [("t", t) for t in it.topics] + [("s", s) for s in it.speakers]


_UNDATED = 10**7
"""Days between a dated and an undated transcript: farther than any two dates."""


def _day(date: Optional[str]) -> Optional[int]:
    try:
        return _dt.date.fromisoformat(date).toordinal() if date else None
    except ValueError:
        return None


def _apart(a: Optional[int], b: Optional[int]) -> int:
    """Days between two transcripts; two undated ones are 0 apart, a dated and an undated one far."""
    if a is None or b is None:
        return 0 if a is None and b is None else _UNDATED
    return abs(a - b)


@dataclass(frozen=True)
class Period:
    """One bar of the timeline: a year (or month) and its transcript count."""

    key: str
    label: str
    count: int
    url: str


def years(ordered: list[Item]) -> list[tuple[str, list[Item]]]:
    """Dated items grouped by year, oldest first."""
    groups: dict[str, list[Item]] = {}
    for it in ordered:
        if it.date:
            groups.setdefault(it.date[:4], []).append(it)
    return sorted(groups.items())


def months(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """Items of one year grouped by month ('2022-02'), oldest first."""
    groups: dict[str, list[Item]] = {}
    for it in items:
        groups.setdefault(it.date[:7] if it.date else "", []).append(it)
    return sorted(groups.items())
