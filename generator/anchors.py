"""Enrich stage, anchors: stable, human-readable, ASCII ids for turns, paragraphs and headings.

* A turn is ``<person-id>-<n>``: the n-th turn of that person in the transcript
  (``vladimir-putin-3``).
* A paragraph of a turn is ``<turn anchor>-p<k>`` (``vladimir-putin-3-p2``).
* Summary paragraphs are ``s<k>``, narration paragraphs ``n<k>``, headings ``h-<slug>``.

Anchors depend only on the transcript's own structure and speakers, never on other transcripts
or on run time, so adding a transcript or fixing a typo inside a paragraph changes none of them.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Paragraph, Section, Transcript, Turn
from .slugs import slugify, unique


def assign(transcript: Transcript, speakers: tuple[str, ...]) -> Transcript:
    """Return ``transcript`` with every turn's speaker id and every anchor filled in."""
    taken: set[str] = set()
    per_person: dict[str, int] = {}
    narration = 0
    turn_index = 0
    summary = []
    for k, para in enumerate(transcript.summary, start=1):
        summary.append(replace(para, anchor=unique(f"s{k}", taken)))
    sections = []
    for section in transcript.sections:
        heading = section.heading
        if heading is not None:
            slug = slugify(heading.text, fallback="section")[:60].rstrip("-")
            heading = replace(heading, anchor=unique(f"h-{slug}", taken))
        blocks = []
        for block in section.blocks:
            if isinstance(block, Turn):
                pid = speakers[turn_index]
                turn_index += 1
                per_person[pid] = per_person.get(pid, 0) + 1
                anchor = unique(f"{pid}-{per_person[pid]}", taken)
                paragraphs = tuple(
                    replace(p, anchor=unique(f"{anchor}-p{k}", taken)) for k, p in enumerate(block.paragraphs, start=1)
                )
                blocks.append(replace(block, speaker=pid, anchor=anchor, paragraphs=paragraphs))
            else:
                narration += 1
                blocks.append(replace(block, anchor=unique(f"n{narration}", taken)))
        sections.append(Section(heading, tuple(blocks), section.separator_line))
    return replace(transcript, summary=tuple(summary), sections=tuple(sections))


def all_anchors(transcript: Transcript) -> list[str]:
    """Every anchor of a transcript in page order."""
    out = [p.anchor for p in transcript.summary]
    for section in transcript.sections:
        if section.heading is not None:
            out.append(section.heading.anchor)
        for block in section.blocks:
            out.append(block.anchor)
            if isinstance(block, Turn):
                out.extend(p.anchor for p in block.paragraphs)
    return out


def paragraphs_with_speakers(transcript: Transcript) -> list[tuple[Paragraph, str]]:
    """Every paragraph in page order with the person id speaking it ('' for narration)."""
    out: list[tuple[Paragraph, str]] = [(p, "") for p in transcript.summary]
    for section in transcript.sections:
        for block in section.blocks:
            if isinstance(block, Turn):
                out.extend((p, block.speaker) for p in block.paragraphs)
            else:
                out.append((block, ""))
    return out


__all__ = ["assign", "all_anchors", "paragraphs_with_speakers"]
