"""The synthetic benchmark corpus: deterministic, parseable, with the turns and dates it promises."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from generator import synthetic
from generator.build import Timings, generate

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
N = 50


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.txt"))}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    synthetic.make_corpus(SEEDS, out, N, seed=0)
    return out


@pytest.fixture(scope="module")
def generated(corpus):
    return generate(corpus, timings=Timings())


def test_writes_n_files_named_index_and_hash(corpus):
    names = sorted(p.name for p in corpus.glob("*.txt"))
    assert len(names) == N
    for k, name in enumerate(names):
        index, digest = name[: -len(".txt")].split("_")
        assert index == f"{k:05d}"
        assert len(digest) == 16 and all(c in "0123456789abcdef" for c in digest)


def test_same_seed_same_corpus(corpus, tmp_path):
    paths = synthetic.make_corpus(SEEDS, tmp_path, N, seed=0)
    assert [p.name for p in paths] == sorted(_contents(corpus))
    assert _contents(tmp_path) == _contents(corpus)


def test_other_seed_other_corpus(corpus, tmp_path):
    synthetic.make_corpus(SEEDS, tmp_path, N, seed=1)
    other = _contents(tmp_path)
    assert set(other) != set(_contents(corpus))
    assert sorted(other.values()) != sorted(_contents(corpus).values())


def test_smaller_corpus_is_a_prefix(corpus, tmp_path):
    synthetic.make_corpus(SEEDS, tmp_path, 10, seed=0)
    small = _contents(tmp_path)
    full = _contents(corpus)
    assert all(full[name] == data for name, data in small.items())


def test_add_document_is_the_next_file(corpus, tmp_path):
    synthetic.make_corpus(SEEDS, tmp_path, 10, seed=0)
    added = synthetic.add_document(SEEDS, tmp_path, 10, seed=0)
    assert added.read_bytes() == _contents(corpus)[added.name]
    assert added.name in synthetic.expected_turns(tmp_path)


def test_uses_every_raw_shape_of_the_seeds(corpus):
    shapes = Counter(f["shape"] for f in synthetic.read_manifest(corpus)["files"])
    assert set(shapes) == {"kremlin", "press", "headerless", "article"}
    texts = _contents(corpus)
    joined = b"\n".join(texts.values()).decode("utf-8")
    assert "Official website of the President of Russia" in joined
    assert "* * *" in joined
    assert "<…>" in joined
    assert " correspondent " in joined
    for name, data in texts.items():
        text = data.decode("utf-8")
        shape = next(f["shape"] for f in synthetic.read_manifest(corpus)["files"] if f["name"] == name)
        if shape == "headerless":
            assert "\n\n" not in text.strip() and text.rstrip().endswith("<…>")


def test_generator_parses_every_file_without_errors(generated):
    assert generated.ok, [str(p) for p in generated.problems]
    assert not [p for p in generated.problems if p.severity == "error"]
    assert len(generated.archive.entries) == N


def test_turn_counts_match_the_generator(corpus, generated):
    expected = synthetic.expected_turns(corpus)
    got = {e.transcript.file.rsplit("/", 1)[-1]: len(e.transcript.turns()) for e in generated.archive.entries}
    assert got == expected
    assert min(expected.values()) >= 2 and max(expected.values()) <= 60


def test_dates_spread_over_1992_to_2026_with_a_few_undated(corpus, generated):
    written = synthetic.expected_dates(corpus)
    parsed = {e.transcript.file.rsplit("/", 1)[-1]: e.transcript.date.value for e in generated.archive.entries}
    assert parsed == written
    dates = [dt.date.fromisoformat(d) for d in parsed.values() if d]
    assert all(dt.date(1992, 1, 1) <= d <= dt.date(2026, 12, 31) for d in dates)
    assert len(dates) >= N - 6  # about 3% undated: at most a handful of 50
    assert len({d.year for d in dates}) >= 15


def test_undated_share_is_about_three_percent():
    specs = synthetic.plan(SEEDS, 2000, seed=0)
    share = sum(1 for s in specs if s.date is None) / len(specs)
    assert 0.015 <= share <= 0.05
    years = Counter(int(s.date[:4]) for s in specs if s.date)
    assert min(years) == 1992 and max(years) == 2026
    assert len(years) == 35


def test_speakers_have_roles_on_first_mention_and_short_names_after(corpus, generated):
    shapes = {f["name"]: f["shape"] for f in synthetic.read_manifest(corpus)["files"]}
    by_speaker = Counter()
    for e in generated.archive.entries:
        if shapes[e.transcript.file.rsplit("/", 1)[-1]] == "article":
            continue  # articles write "Name, Role:" before every quotation, as the seed does
        seen = set()
        for turn in e.transcript.turns():
            if turn.speaker in seen:
                assert not turn.role, (e.transcript.file, turn.label)
            seen.add(turn.speaker)
            by_speaker[turn.speaker] += 1
    assert len(by_speaker) > 10
    journalists = [t for e in generated.archive.entries for t in e.transcript.turns() if t.affiliation]
    assert journalists, "no 'Name: Outlet.' or 'Name (Outlet):' journalist labels were recognised"
