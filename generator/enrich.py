"""Enrich stage: parsed transcripts + curation -> Archive (speakers, anchors, topics, chronology).

Two steps: ``enrich_one`` does everything that depends on one transcript alone (speaker
resolution, anchors, topic hits and tags) and can run on any core; ``combine`` joins the results
into the archive (people across transcripts, chronology, related transcripts).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, TypeVar

from . import anchors, chronology
from .curation import Curation
from .model import Archive, Entry, Person, Problem, TaggedTopic, TopicHit, Transcript
from .speakers import Registry, finalise_people, resolve_transcript
from .topics import Located, Matcher, find_hits, weigh

T = TypeVar("T")


def page_of(transcript_id: str) -> tuple[str, str]:
    """(URL relative to the site root, Markdown path in the docs dir) of a transcript page."""
    return f"transcripts/{transcript_id}/", f"transcripts/{transcript_id}.md"


@dataclass(frozen=True)
class Context:
    """What enriching one transcript needs, built once per process."""

    curation: Curation
    registry: Registry
    matcher: Matcher

    @classmethod
    def build(cls, curation: Curation) -> "Context":
        return cls(
            curation,
            Registry.build(curation.people, curation.shapes.generic_labels),
            Matcher.build(curation.topics),
        )


@dataclass(frozen=True)
class Enriched:
    """One transcript after the per-transcript part of enrichment."""

    transcript: Transcript
    speakers: tuple[str, ...]
    tags: tuple[TaggedTopic, ...]
    hits: tuple[TopicHit, ...]
    discovered: tuple[Person, ...]
    """People this transcript introduced who are not in the registry."""
    names: tuple[tuple[str, str], ...]
    """(person id, name as written) for discovered people, to choose display names."""
    roles: tuple[tuple[str, str], ...]
    """(person id, role as written in a label)."""
    affiliations: tuple[tuple[str, str], ...]
    """(person id, outlet or organisation given with a label, e.g. 'STV Channel')."""
    problems: tuple[Problem, ...]


def enrich_one(t: Transcript, ctx: Context) -> Enriched:
    """Resolve speakers, assign anchors and tag topics for one transcript (a pure function)."""
    base = ctx.registry
    registry = Registry(dict(base.people), dict(base.by_key), base.by_surname, {}, base.generic)
    resolution = resolve_transcript(t, registry)
    t = anchors.assign(t, resolution.speakers)
    roles = tuple(dict.fromkeys((turn.speaker, turn.role) for turn in t.turns() if turn.role))
    affiliations = tuple(dict.fromkeys((turn.speaker, turn.affiliation) for turn in t.turns() if turn.affiliation))
    paragraphs = [(p, spk) for p, spk in anchors.paragraphs_with_speakers(t) if p.kind != "editorial"]
    hits = find_hits(ctx.matcher, t.id, (Located(p.anchor, spk, p.text) for p, spk in paragraphs))
    titles = [t.title.value or ""] + [h.text for h in t.headings()]
    tags = weigh(ctx.matcher, hits, len(paragraphs), titles)
    tagged = {tag.topic for tag in tags}
    discovered = tuple(registry.people[pid] for pid in sorted(registry.people) if pid not in base.people)
    names = tuple((pid, name) for pid in sorted(registry.discovered_names) for name in registry.discovered_names[pid])
    return Enriched(
        t,
        tuple(dict.fromkeys(resolution.speakers)),
        tags,
        tuple(h for h in hits if h.topic in tagged),
        discovered,
        names,
        roles,
        affiliations,
        resolution.problems,
    )


def duplicate_pages(files: list[tuple[str, str]]) -> list[Problem]:
    """Refuse two input files that map to one page; ``files`` holds (transcript id, file) pairs."""
    problems = []
    first: dict[str, str] = {}
    for tid, file in sorted(files):
        if tid in first:
            problems.append(
                Problem(file, 0, f"maps to the same page 'transcripts/{tid}/' as {first[tid]}; rename one of the files")
            )
        else:
            first[tid] = file
    return problems


def combine(
    enriched: list[Enriched], curation: Curation, before: Optional[Archive] = None
) -> Archive:
    """Join per-transcript results: people across transcripts, chronology, related transcripts.

    ``before``: the previous archive (the watch loop's). Related transcripts are updated from its
    ``relations`` rather than chosen again for every transcript, and its entries and people are
    kept where they come out equal: the same objects, so that the watch loop's cache keys, full of
    them, compare by identity instead of field by field."""
    problems: list[Problem] = duplicate_pages([(e.transcript.id, e.transcript.file) for e in enriched])
    by_id: dict[str, Enriched] = {}
    for e in sorted(enriched, key=lambda e: (e.transcript.id, e.transcript.file)):
        by_id.setdefault(e.transcript.id, e)
    registry = Registry.build(curation.people, curation.shapes.generic_labels)
    roles_seen: dict[str, dict[str, list[str]]] = {}
    affiliation: dict[str, str] = {}
    for tid in sorted(by_id):
        e = by_id[tid]
        problems.extend(e.problems)
        for person in e.discovered:
            registry.people.setdefault(person.id, person)
        for pid, name in e.names:
            registry.discovered_names.setdefault(pid, []).append(name)
        for pid, role in e.roles:
            roles_seen.setdefault(pid, {}).setdefault(role, []).append(e.transcript.date.value or "")
        for pid, outlet in e.affiliations:
            affiliation.setdefault(pid, outlet)
    old_people = before.people_by_id if before is not None else {}
    people = tuple(
        _same(old_people.get(p.id), replace(p, affiliation=affiliation[p.id]) if not p.affiliation and p.id in affiliation else p)
        for p in finalise_people(registry, roles_seen)
    )
    generic = {p.id for p in people if p.generic}
    items = [
        chronology.Item(
            tid, e.transcript.date.value, tuple(tag.topic for tag in e.tags),
            tuple(s for s in e.speakers if s not in generic),
        )
        for tid, e in sorted(by_id.items())
    ]
    ordered = chronology.order(items)
    links = chronology.neighbours(ordered)
    relations = chronology.related(ordered, before.relations if before is not None else None)
    related = relations.related
    old_entries = {e.transcript.id: e for e in before.entries} if before is not None else {}
    entries = []
    for item in ordered:
        e = by_id[item.id]
        page, src = page_of(item.id)
        prev, nxt = links[item.id]
        entries.append(_same(old_entries.get(item.id), Entry(
            e.transcript, page, src, e.speakers, e.tags, e.hits, prev, nxt, related[item.id])))
    return Archive(tuple(entries), people, curation.topics, tuple(problems), relations)


def _same(old: Optional[T], new: T) -> T:
    """``old`` if it equals ``new``: the object the previous archive held."""
    return old if old is not None and old == new else new


def enrich(transcripts: list[Transcript], curation: Curation) -> Archive:
    """Enrich every transcript in this process (``build.generate`` spreads ``enrich_one`` over cores)."""
    ctx = Context.build(curation)
    return combine([enrich_one(t, ctx) for t in transcripts], curation)
