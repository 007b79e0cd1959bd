"""Curator aid: frequent phrases across the corpus that no topic of the taxonomy covers yet."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .anchors import paragraphs_with_speakers
from .model import Archive
from .topics import Matcher

STOPWORDS = frozenset(
    """a an the and or but if then than that this these those there here of to in on at by for from
    with without about into over under between through during before after above below up down out
    off again further once all any both each few more most other some such no nor not only own same
    so too very can will just should now is are was were be been being have has had having do does
    did doing would could might must shall may i me my we our ours us you your yours he him his she
    her hers it its they them their theirs what which who whom why how when where also as well
    mr ms mrs let like one two three many much first second last year years today yesterday
    tomorrow time way thing things said say says going know think want need make made get got
    course indeed already even still yet very really quite rather every another s t""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@dataclass(frozen=True)
class Suggestion:
    phrase: str
    count: int
    transcripts: int
    examples: tuple[str, ...]


def suggest(archive: Archive, matcher: Matcher, *, limit: int = 30, min_transcripts: int = 2) -> list[Suggestion]:
    """Two- and three-word phrases of content words, by how many transcripts use them.

    Phrases that contain a speaker's name are left out: names are not topics.
    """
    names = {w.lower() for p in archive.people for w in _WORD.findall(" ".join((p.name, *p.aliases)))}
    counts: Counter[str] = Counter()
    docs: dict[str, set[str]] = {}
    for entry in archive.entries:
        for para, _ in paragraphs_with_speakers(entry.transcript):
            words = [w.lower().replace("’", "'") for w in _WORD.findall(para.text)]
            for n in (2, 3):
                for i in range(len(words) - n + 1):
                    gram = words[i:i + n]
                    if names.intersection(gram):
                        continue
                    if gram[0] in STOPWORDS or gram[-1] in STOPWORDS or len(gram[0]) < 3 or len(gram[-1]) < 3:
                        continue
                    phrase = " ".join(gram)
                    counts[phrase] += 1
                    docs.setdefault(phrase, set()).add(entry.transcript.id)
    out = []
    for phrase, count in sorted(counts.items(), key=lambda kv: (-len(docs[kv[0]]), -kv[1], kv[0])):
        if len(docs[phrase]) < min_transcripts:
            continue
        if any(p.search(phrase) for p in matcher.patterns):
            continue
        out.append(Suggestion(phrase, count, len(docs[phrase]), tuple(sorted(docs[phrase])[:3])))
        if len(out) >= limit:
            break
    return out
