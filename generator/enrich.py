"""Enrich stage: parsed transcripts + curation -> Archive (speakers, anchors, topics, chronology)."""

from __future__ import annotations

from dataclasses import replace

from . import anchors, chronology
from .curation import Curation
from .model import Archive, Entry, Problem, Transcript
from .speakers import Registry, finalise_people, resolve_transcript
from .topics import Located, Matcher, find_hits, weigh


def page_of(transcript_id: str) -> tuple[str, str]:
    """(URL relative to the site root, Markdown path in the docs dir) of a transcript page."""
    return f"transcripts/{transcript_id}/", f"transcripts/{transcript_id}.md"


def enrich(transcripts: list[Transcript], curation: Curation) -> Archive:
    """Resolve speakers, assign anchors, tag topics and place every transcript in time."""
    problems: list[Problem] = []
    by_id: dict[str, Transcript] = {}
    for t in sorted(transcripts, key=lambda t: (t.id, t.file)):
        if t.id in by_id:
            problems.append(
                Problem(
                    t.file,
                    0,
                    f"maps to the same page 'transcripts/{t.id}/' as {by_id[t.id].file}; rename one of the files",
                )
            )
            continue
        by_id[t.id] = t
    registry = Registry.build(curation.people, curation.shapes.generic_labels)
    matcher = Matcher.build(curation.topics)
    roles_seen: dict[str, dict[str, list[str]]] = {}
    staged = []
    for tid in sorted(by_id):
        t = by_id[tid]
        resolution = resolve_transcript(t, registry)
        problems.extend(resolution.problems)
        t = anchors.assign(t, resolution.speakers)
        for turn in t.turns():
            if turn.role:
                roles_seen.setdefault(turn.speaker, {}).setdefault(turn.role, []).append(t.date.value or "")
        paragraphs = [(p, spk) for p, spk in anchors.paragraphs_with_speakers(t) if p.kind != "editorial"]
        hits = find_hits(matcher, t.id, (Located(p.anchor, spk, p.text) for p, spk in paragraphs))
        titles = [t.title.value or ""] + [h.text for h in t.headings()]
        tags = weigh(matcher, hits, len(paragraphs), titles)
        tagged = {tag.topic for tag in tags}
        speakers = tuple(dict.fromkeys(resolution.speakers))
        staged.append((t, speakers, tags, tuple(h for h in hits if h.topic in tagged)))
    people = finalise_people(registry, roles_seen)
    generic = {p.id for p in people if p.generic}
    items = [
        chronology.Item(t.id, t.date.value, tuple(tag.topic for tag in tags), tuple(s for s in spk if s not in generic))
        for t, spk, tags, _ in staged
    ]
    ordered = chronology.order(items)
    links = chronology.neighbours(ordered)
    related = chronology.related(ordered)
    staged_by_id = {t.id: (t, spk, tags, hits) for t, spk, tags, hits in staged}
    entries = []
    for item in ordered:
        t, spk, tags, hits = staged_by_id[item.id]
        page, src = page_of(t.id)
        prev, nxt = links[item.id]
        entries.append(Entry(t, page, src, spk, tags, hits, prev, nxt, related[item.id]))
    return Archive(tuple(entries), people, curation.topics, tuple(problems))


__all__ = ["enrich", "page_of", "replace"]
