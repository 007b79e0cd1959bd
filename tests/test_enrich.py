"""Enrich stage on a synthetic corpus of hundreds of transcripts: order, undated, tags, related, speakers."""

from __future__ import annotations

import random

import pytest

from generator import chronology, topics
from generator.enrich import enrich
from generator.model import RawDocument, SourceLine
from generator.parser import parse

TRADE = "Bilateral trade and turnover grew, and exports rose."
SANCTIONS = "The sanctions imposed by the West are illegitimate."
FILLER = "We discussed many questions of mutual interest today."


def make(stem: str, *, date: str | None, paragraphs: list[str], speakers=("Vladimir Putin", "Alexander Lukashenko")) -> RawDocument:
    lines = []
    if date:
        lines += [f"Talks {stem}", "", date, ""]
    first = True
    for k, text in enumerate(paragraphs):
        who = speakers[k % len(speakers)]
        lines += [f"{who}: {text}" if first or k % 3 == 0 else text, ""]
        first = False
    return RawDocument(f"{stem}.txt", stem, tuple(SourceLine(i, l) for i, l in enumerate(lines, 1)), "utf-8")


@pytest.fixture(scope="module")
def corpus(curated):
    rng = random.Random(7)
    docs = []
    for i in range(300):
        undated = i % 10 == 0
        year = 1995 + (i * 7919) % 30
        date = None if undated else f"{['January', 'March', 'June', 'October'][i % 4]} {1 + i % 27}, {year}, Minsk"
        paras = [FILLER] * 20
        if i % 3 == 0:
            for k in rng.sample(range(20), 6):
                paras[k] = TRADE
        if i % 5 == 0:
            paras[4] = SANCTIONS  # a passing mention: one paragraph of twenty
        docs.append(make(f"t{i:03d}", date=date, paragraphs=paras))
    transcripts = [parse(d, curated.shapes)[0] for d in docs]
    return enrich(transcripts, curated)


def test_order_dated_then_undated(corpus):
    dates = [e.transcript.date.value for e in corpus.entries]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    first_undated = dates.index(None)
    assert all(d is None for d in dates[first_undated:])
    assert len(dates) - first_undated == 30
    undated_ids = [e.transcript.id for e in corpus.entries[first_undated:]]
    assert undated_ids == sorted(undated_ids)


def test_previous_next_follow_time(corpus):
    dated = [e for e in corpus.entries if e.transcript.date.value]
    for a, b in zip(dated, dated[1:]):
        assert a.next == b.transcript.id and b.previous == a.transcript.id
    assert dated[0].previous is None and dated[-1].next is None


def test_tag_weighting_ignores_passing_mentions(corpus):
    by_id = {e.transcript.id: e for e in corpus.entries}
    tagged = {e.transcript.id for e in corpus.entries if any(t.topic == "trade" for t in e.topics)}
    assert tagged == {f"t{i:03d}" for i in range(300) if i % 3 == 0}
    # one paragraph of twenty mentions sanctions: below MIN_PARAGRAPHS, so no tag
    assert not any(t.topic == "sanctions" for t in by_id["t005"].topics)
    assert all(len(e.topics) <= topics.MAX_TAGS for e in corpus.entries)


def test_weigh_thresholds(curated):
    matcher = topics.Matcher.build(curated.topics)

    def tags(paragraphs, title=""):
        located = [topics.Located(f"p{k}", "", text) for k, text in enumerate(paragraphs)]
        hits = topics.find_hits(matcher, "x", located)
        return {t.topic for t in topics.weigh(matcher, hits, len(paragraphs), [title])}

    assert "sanctions" not in tags([SANCTIONS] + [FILLER] * 39)
    assert "sanctions" in tags([SANCTIONS] * 2 + [FILLER] * 38)            # 2 of 40 = 5%
    assert "sanctions" not in tags([SANCTIONS] * 2 + [FILLER] * 48)        # 2 of 50 = 4%
    assert "sanctions" in tags([SANCTIONS] * 5 + [FILLER] * 200)           # 5 paragraphs, whatever the share
    assert "sanctions" in tags([SANCTIONS] + [FILLER] * 4)                 # short text: one is enough
    assert "sanctions" in tags([SANCTIONS] + [FILLER] * 39, title="On sanctions")


def test_related_prefers_shared_topics(corpus):
    by_id = {e.transcript.id: e for e in corpus.entries}
    trade = by_id["t003"]
    assert trade.related, "a trade transcript has related transcripts"
    assert all(any(t.topic == "trade" for t in by_id[r].topics) for r in trade.related)
    assert trade.transcript.id not in trade.related


def test_related_is_linear_for_common_features():
    items = [chronology.Item(f"x{i:05d}", f"2000-01-{1 + i % 28:02d}", ("a",), ("p",)) for i in range(2000)]
    related = chronology.related(chronology.order(items)).related
    assert all(len(v) == chronology.RELATED_MAX for v in related.values())


def _random_item(rng: random.Random, tid: str) -> chronology.Item:
    date = None if rng.random() < 0.1 else f"{rng.randint(2000, 2003)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return chronology.Item(tid, date, tuple(sorted(rng.sample("abcdef", rng.randint(0, 2)))),
                           tuple(sorted(rng.sample("pqrstuvw", rng.randint(0, 3)))))


@pytest.mark.parametrize("seed", range(12))
def test_related_updated_after_an_edit_equals_chosen_afresh(monkeypatch, seed):
    """The watch loop's update of related transcripts (only where an edit can matter) gives what
    choosing them for every transcript gives, after additions, removals, new topics, speakers and
    dates, with windows small enough to cut the common features' lists."""
    monkeypatch.setattr(chronology, "WINDOW", 3)
    rng = random.Random(seed)
    items = {f"x{i:03d}": _random_item(rng, f"x{i:03d}") for i in range(120)}
    relations = chronology.related(chronology.order(list(items.values())))
    for _ in range(6):
        for _ in range(rng.randint(1, 3)):
            edit = rng.random()
            if edit < 0.3:
                tid = f"y{rng.randint(0, 999):03d}"
                items[tid] = _random_item(rng, tid)
            elif edit < 0.5 and items:
                del items[rng.choice(sorted(items))]
            else:
                tid = rng.choice(sorted(items))
                items[tid] = _random_item(rng, tid)
        ordered = chronology.order(list(items.values()))
        relations = chronology.related(ordered, relations)
        assert relations.related == chronology.related(ordered).related


def test_speakers_resolved_once(corpus):
    ids = {p for e in corpus.entries for p in e.speakers}
    assert ids == {"vladimir-putin", "alexander-lukashenko"}
