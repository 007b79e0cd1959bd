"""Enrich stage, chronology: order transcripts in time, link neighbours, choose related ones.

Order: dated transcripts by date, then by id; undated transcripts after them, by id.
Previous/next link dated transcripts to their neighbours in that order (undated ones link to
their neighbours among the undated).
Related: other transcripts scored by ``RELATED_TOPIC_WEIGHT`` per shared topic plus
``RELATED_SPEAKER_WEIGHT`` per shared named speaker; ties go to the nearer in time, then by id.
To stay linear, a feature shared by more than ``WINDOW * 2`` transcripts only counts the
``WINDOW`` nearest transcripts on each side in time.
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter
from dataclasses import dataclass
from typing import Optional

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


def related(ordered: list[Item]) -> dict[str, tuple[str, ...]]:
    """id -> up to RELATED_MAX related ids, best first."""
    postings: dict[tuple[str, str], list[int]] = {}
    for k, it in enumerate(ordered):
        for t in it.topics:
            postings.setdefault(("t", t), []).append(k)
        for s in it.speakers:
            postings.setdefault(("s", s), []).append(k)
    out: dict[str, tuple[str, ...]] = {}
    for k, it in enumerate(ordered):
        scores: Counter[int] = Counter()
        features = [(("t", t), RELATED_TOPIC_WEIGHT) for t in it.topics]
        features += [(("s", s), RELATED_SPEAKER_WEIGHT) for s in it.speakers]
        for feature, weight in features:
            plist = postings[feature]
            if len(plist) > 2 * WINDOW:
                at = bisect.bisect_left(plist, k)
                plist = plist[max(0, at - WINDOW): at + WINDOW + 1]
            for _ in range(weight):
                scores.update(plist)  # counted in C
        scores.pop(k, None)
        if len(scores) > RELATED_MAX:
            # Only scores reaching the RELATED_MAX-th best can place; sort just those.
            floor = heapq.nlargest(RELATED_MAX, scores.values())[-1]
            candidates = [kv for kv in scores.items() if kv[1] >= floor]
        else:
            candidates = list(scores.items())
        best = sorted(candidates, key=lambda kv: (-kv[1], abs(kv[0] - k), ordered[kv[0]].id))
        out[it.id] = tuple(ordered[j].id for j, _ in best[:RELATED_MAX])
    return out


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
