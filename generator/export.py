"""Render stage, data: Archive -> ``data/archive.json``, the corpus for researchers and our checks.

Schema (documented in the README)::

    {"transcripts": [{"id", "file", "title", "date", "place", "source", "kind", "page",
                      "speakers": [person ids], "topics": [topic ids],
                      "summary": [text],
                      "turns": [{"speaker", "label", "anchor", "paragraphs": [text]}],
                      "narration": [text], "headings": [text],
                      "metadata_origin": {"title", "date", "place", "source"}}],
     "speakers": [{"id", "name", "roles": [{"role", "from", "to"}], "aliases", "curated"}],
     "topics": [{"id", "label", "description", "phrases"}]}
"""

from __future__ import annotations

import json
from typing import Any, Optional

from .model import Archive, Entry, Paragraph, Turn
from .pagecache import PageCache, value
from .parallel import fork_chunks


def transcript_dict(e: Entry, *, directory_urls: bool = True) -> dict[str, Any]:
    """One transcript of ``archive.json``'s ``transcripts`` list."""
    t = e.transcript
    turns, narration = [], []
    for section in t.sections:
        for block in section.blocks:
            if isinstance(block, Turn):
                turns.append(
                    {
                        "speaker": block.speaker,
                        "label": block.label,
                        "role": block.role,
                        "affiliation": block.affiliation,
                        "anchor": block.anchor,
                        "line": block.line,
                        "paragraphs": [p.text for p in block.paragraphs],
                        **({"carried": True} if block.carried else {}),
                    }
                )
            elif isinstance(block, Paragraph):
                narration.append(block.text)
    return {
        "id": t.id,
        "file": t.file.rsplit("/", 1)[-1],
        "title": t.title.value,
        "date": t.date.value,
        "place": t.place.value,
        "source": t.source.value,
        "kind": t.kind,
        "page": e.page if directory_urls else e.src_uri[: -len(".md")] + ".html",
        "speakers": list(e.speakers),
        "topics": [tag.topic for tag in e.topics],
        "summary": [p.text for p in t.summary],
        "turns": turns,
        "narration": narration,
        "headings": [h.text for h in t.headings()],
        "elided": t.elided,
        "metadata_origin": {
            "title": t.title.origin,
            "date": t.date.origin,
            "place": t.place.origin,
            "source": t.source.origin,
        },
    }


def _speakers_and_topics(archive: Archive) -> dict[str, Any]:
    speaking = {pid for e in archive.entries for pid in e.speakers}
    speakers = [
        {
            "id": p.id,
            "name": p.name,
            "roles": [{"role": r.role, "from": r.start, "to": r.end} for r in p.roles],
            "aliases": list(p.aliases),
            "affiliation": p.affiliation,
            "curated": p.curated,
            "generic": p.generic,
        }
        for p in archive.people
        if p.id in speaking
    ]
    topics = [
        {"id": t.id, "label": t.label, "description": t.description, "phrases": list(t.phrases)}
        for t in archive.topics
    ]
    return {"speakers": speakers, "topics": topics}


def archive_dict(archive: Archive, *, directory_urls: bool = True) -> dict[str, Any]:
    """The corpus as plain data; ``page`` is the URL in the edition being built."""
    transcripts = [transcript_dict(e, directory_urls=directory_urls) for e in archive.entries]
    return {"transcripts": transcripts, **_speakers_and_topics(archive)}


PARALLEL_FROM = 1000
"""Below this many transcripts, forking workers costs more than it saves."""
_SLOT = "\x00transcripts\x00"
"""Stands in for the transcripts while the rest is encoded (no transcript text holds a NUL)."""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


def archive_json(
    archive: Archive, *, directory_urls: bool = True, workers: int = 1, cache: Optional[PageCache] = None
) -> str:
    """Deterministic JSON text (sorted input order, fixed separators, UTF-8).

    Exactly ``json.dumps(archive_dict(archive), ensure_ascii=False, indent=1) + "\n"``, but each
    transcript is encoded on its own (by forked workers when there are many; with a ``cache``,
    only those whose entry changed since last round) and set in place at its depth: two levels
    in, so every line of it is indented by two more spaces (JSON strings hold no raw newline)."""
    entries = archive.entries
    if not entries:
        return _dumps(archive_dict(archive, directory_urls=directory_urls)) + "\n"

    def encode(e: Entry) -> str:
        return _dumps(transcript_dict(e, directory_urls=directory_urls)).replace("\n", "\n  ")

    if cache is not None:
        parts = [[value(cache, ("archive.json", e.transcript.id), lambda: (e.own(), directory_urls), lambda: encode(e))
                  for e in entries]]
        rest = _dumps({"transcripts": [_SLOT], **_speakers_and_topics(archive)})
    else:
        parts, rest = fork_chunks(
            lambda a, b: [encode(e) for e in entries[a:b]],
            len(entries), workers, also=lambda: _dumps({"transcripts": [_SLOT], **_speakers_and_topics(archive)}),
            parallel_from=PARALLEL_FROM,
        )
    slot = json.dumps(_SLOT)
    if rest.count(slot) != 1:  # a NUL in a curated name or label: encode the whole in one piece
        return _dumps(archive_dict(archive, directory_urls=directory_urls)) + "\n"
    head, tail = rest.split(slot)
    pieces = [head]
    for part in parts:
        for text in part:
            pieces += (text, ",\n  ")
    pieces[-1] = tail + "\n"
    return "".join(pieces)  # one copy of the 150 MB (at 10,000 transcripts) besides the pieces


