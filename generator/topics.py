"""Enrich stage, topics: find the taxonomy's phrases in each paragraph and weigh them into tags.

Thresholds (documented in the README and held by tests):

* A topic is *mentioned* in a paragraph when one of its phrases occurs there as whole words,
  ignoring case and the difference between straight and curly apostrophes.
* A transcript is *tagged* with a topic when the topic is mentioned in its title or a heading, or
  in at least ``MIN_PARAGRAPHS`` paragraphs that make up at least ``MIN_SHARE`` of its paragraphs,
  or in at least ``ALWAYS_PARAGRAPHS`` paragraphs whatever the share.
* Tags are ranked by weight: paragraphs mentioning the topic, plus ``TITLE_BONUS`` for a mention
  in the title or a heading, divided by the transcript's paragraph count when comparing shares.
  At most ``MAX_TAGS`` tags are kept.
"""

from __future__ import annotations

import re
from itertools import compress
from dataclasses import dataclass
from typing import Iterable

from .model import TaggedTopic, Topic, TopicHit

MIN_PARAGRAPHS = 2
MIN_SHARE = 0.05
ALWAYS_PARAGRAPHS = 5
TITLE_BONUS = 3
MAX_TAGS = 8
SHORT_TEXT_PARAGRAPHS = 6
"""In a text this short, one mentioning paragraph is enough."""


_TOKEN = re.compile(r"\w+(?:'\w+)*")


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(_fold(text).lower()))


@dataclass(frozen=True)
class Matcher:
    """The taxonomy's phrases as word sequences, looked up word by word (linear in the text)."""

    topics: tuple[Topic, ...]
    phrases: dict[tuple[str, ...], tuple[str, ...]]
    """Word sequence -> ids of the topics it signals."""
    lengths: dict[str, tuple[int, ...]]
    """First word of a phrase -> the word counts of the phrases starting with it, longest first."""
    patterns: tuple[re.Pattern[str], ...]
    """One expression per topic, for short texts such as titles."""

    @classmethod
    def build(cls, topics: Iterable[Topic]) -> "Matcher":
        topics = tuple(topics)
        phrases: dict[tuple[str, ...], list[str]] = {}
        patterns = []
        for topic in topics:
            for phrase in topic.phrases:
                key = tuple(m.group() for m in _tokens(phrase))
                if key and topic.id not in phrases.setdefault(key, []):
                    phrases[key].append(topic.id)
            alternatives = sorted(
                (r"\s+".join(re.escape(_fold(word)) for word in phrase.split()) for phrase in topic.phrases),
                key=lambda p: (-len(p), p),
            )
            patterns.append(re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE))
        lengths: dict[str, set[int]] = {}
        for key in phrases:
            lengths.setdefault(key[0], set()).add(len(key))
        return cls(
            topics, {k: tuple(v) for k, v in phrases.items()},
            {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}, tuple(patterns),
        )

    def first_matches(self, text: str) -> dict[str, tuple[int, int]]:
        """Topic id -> (start, end) of its first phrase in ``text``, longest phrase first at a position."""
        found: dict[str, tuple[int, int]] = {}
        folded = _fold(text).lower()
        values = _TOKEN.findall(folded)
        words: list[re.Match[str]] = []
        lengths = self.lengths
        if lengths.keys().isdisjoint(values):
            return found
        # Only the words that start some phrase are looked at (selected at C speed).
        phrases = self.phrases
        count = len(values)
        for i in compress(range(count), map(lengths.__contains__, values)):
            for n in lengths[values[i]]:  # only the word counts some phrase has, longest first
                if n > count - i:
                    continue
                topic_ids = phrases.get(tuple(values[i:i + n]))
                if topic_ids:
                    if not words:
                        words = list(_TOKEN.finditer(folded))
                    for tid in topic_ids:
                        if tid not in found:
                            found[tid] = (words[i].start(), words[i + n - 1].end())
        return found


def _fold(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


@dataclass(frozen=True)
class Located:
    """A paragraph to search: its anchor, speaker and text."""

    anchor: str
    speaker: str
    text: str


def find_hits(matcher: Matcher, transcript_id: str, paragraphs: Iterable[Located]) -> list[TopicHit]:
    """Every (topic, paragraph) pair where a phrase occurs, with the first match's position."""
    hits: list[TopicHit] = []
    order = {t.id: k for k, t in enumerate(matcher.topics)}
    for para in paragraphs:
        found = matcher.first_matches(para.text)
        for tid in sorted(found, key=order.__getitem__):
            start, end = found[tid]
            hits.append(TopicHit(tid, transcript_id, para.anchor, para.speaker, para.text, para.text[start:end], start))
    return hits


def weigh(
    matcher: Matcher, hits: list[TopicHit], paragraph_count: int, titles: Iterable[str]
) -> tuple[TaggedTopic, ...]:
    """Turn hits into ranked tags using the documented thresholds."""
    title_text = _fold(" ".join(titles))
    per_topic: dict[str, list[TopicHit]] = {}
    for hit in hits:
        per_topic.setdefault(hit.topic, []).append(hit)
    tagged: list[TaggedTopic] = []
    total = max(paragraph_count, 1)
    for topic, pattern in zip(matcher.topics, matcher.patterns):
        topic_hits = per_topic.get(topic.id, [])
        in_title = bool(pattern.search(title_text))
        paragraphs = len({h.anchor for h in topic_hits})
        share = paragraphs / total
        keep = (
            (in_title and paragraphs >= 1)
            or (paragraphs >= MIN_PARAGRAPHS and share >= MIN_SHARE)
            or paragraphs >= ALWAYS_PARAGRAPHS
            or (paragraph_count <= SHORT_TEXT_PARAGRAPHS and paragraphs >= 1)
        )
        if keep:
            weight = round((paragraphs + (TITLE_BONUS if in_title else 0)) / total, 4)
            tagged.append(TaggedTopic(topic.id, len(topic_hits), paragraphs, weight))
    tagged.sort(key=lambda t: (-t.weight, -t.paragraphs, t.topic))
    return tuple(tagged[:MAX_TAGS])
