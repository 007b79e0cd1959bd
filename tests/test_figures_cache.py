"""Figures with the watch loop's render cache: only what changed is found and made again, and the
pages (kept ones read as last round's text) are byte for byte those of a build without the cache."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from generator import build
from generator import figures as F
from generator.pagecache import Kept, PageCache
from generator.render import Links
from generator.synthetic import make_corpus

from .conftest import SEEDS

LINKS = Links(True)
SPLIT = 12
"""A small ``SPLIT_LIMIT``: most topics are split by year and the no-topic page is cut short."""


@pytest.fixture(scope="module")
def seed_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("figures-cache") / "in"
    make_corpus(SEEDS, folder, 80)
    old = time.time() - 3600  # the memo does not trust files modified in the last 2 s
    for path in folder.iterdir():
        os.utime(path, (old, old))
    return folder


@pytest.fixture
def corpus(seed_corpus, tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(F, "SPLIT_LIMIT", SPLIT)
    return Path(shutil.copytree(seed_corpus, tmp_path / "in"))  # copies keep their old mtimes


@pytest.fixture
def found(monkeypatch) -> list[str]:
    """Ids of the transcripts whose figures were found (not kept from the last round)."""
    ids: list[str] = []
    real = F._entry_figures
    monkeypatch.setattr(F, "_entry_figures", lambda entry, *a: ids.append(entry.transcript.id) or real(entry, *a))
    return ids


class Watch:
    """The watch loop's side of the cache: the memo, the cache and last round's texts."""

    def __init__(self, corpus: Path) -> None:
        self.corpus, self.memo, self.cache = corpus, build.Memo(), PageCache()
        self.texts: dict[str, str] = {}
        self.archive = self.prepare()
        made, kept = self.round(self.archive)
        assert not kept and made == set(self.texts)

    def prepare(self):
        prepared = build.prepare(self.corpus, memo=self.memo)
        assert prepared.ok
        return prepared.archive

    def round(self, archive, links: Links = LINKS) -> tuple[set[str], set[str]]:
        """(paths made, paths kept) by a round of ``figure_batches`` with the cache."""
        self.cache.round()
        made, kept, texts = set(), set(), {}
        for batch in F.figure_batches(archive, links, cache=self.cache):
            for page in batch:
                if isinstance(page, Kept):
                    texts[page.path] = self.texts[page.path]
                    assert page.size == len(texts[page.path].encode("utf-8"))
                    kept.add(page.path)
                else:
                    texts[page.path] = page.text
                    made.add(page.path)
        self.texts = texts
        return made, kept


def fresh(archive, links: Links = LINKS) -> dict[str, str]:
    """The pages of a build without the cache."""
    return {p.path: p.text for p in F.figure_pages(archive, links)}


def pages_of(archive, texts: dict[str, str], figures) -> set[str]:
    """The figure pages linking to the paragraph of any of ``figures`` (in a row or a chart point)."""
    url = {e.transcript.id: e.page for e in archive.entries}
    links = {f'{url[f.transcript]}#{f.anchor}"' for f in figures}
    return {path for path, text in texts.items() if any(link in text for link in links)}


def victim(archive):
    """A dated transcript with a titled page, and a percentage stated by a speaker in it."""
    by_id = {e.transcript.id: e for e in archive.entries}
    for f in F.extract(archive):
        t = by_id[f.transcript].transcript
        if (f.kind == "percent" and f.speaker and f.date and re.fullmatch(r"\d+ percent", f.text)
                and t.title.origin == "text" and t.date.written):
            return by_id[f.transcript], f
    raise AssertionError("no transcript to edit")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_corpus_has_every_kind_of_page(corpus):
    texts = fresh(build.prepare(corpus).archive)
    assert any(re.fullmatch(r"figures/[\w-]+/\d{4}\.md", p) for p in texts)  # split topics' years
    assert any(re.fullmatch(r"figures/[\w-]+\.md", p) and "<tbody>" in t for p, t in texts.items())  # unsplit
    assert "the first 12 are listed here" in texts["figures/no-topic.md"]


def test_unchanged_archive_keeps_every_page(corpus, found):
    watch = Watch(corpus)
    assert len(found) == len(watch.archive.entries)
    found.clear()
    made, kept = watch.round(watch.prepare())
    assert made == set() and kept == set(watch.texts) and watch.cache.made == 0
    assert found == []


def test_csv_joined_from_transcripts_is_figures_csv(corpus):
    watch = Watch(corpus)
    assert watch.texts["data/figures.csv"] == F.figures_csv(F.extract(watch.archive))


def _figure(corpus, entry, figure):
    number = int(figure.text.split()[0])
    edit(corpus / entry.transcript.file, figure.sentence, figure.sentence.replace(figure.text, f"{number + 3} percent", 1))


def _date(corpus, entry, figure):
    written = entry.transcript.date.written
    year = re.search(r"\d{4}", written).group()
    edit(corpus / entry.transcript.file, written, written.replace(year, str(int(year) - 7)))


def _title(corpus, entry, figure):
    title = entry.transcript.title.value
    edit(corpus / entry.transcript.file, title, title + " and the Union State budget")


def _speaker(corpus, entry, figure):
    """The figure's turn given to another speaker: Sergei Rumas, or Anton Siluanov if it is his."""
    turn = next(t for t in entry.transcript.turns() if any(p.anchor == figure.anchor for p in t.paragraphs))
    other = "Minister of Finance Anton Siluanov" if turn.speaker == "sergei-rumas" else "Prime Minister of Belarus Sergei Rumas"
    edit(corpus / entry.transcript.file, turn.label + ":", other + ":")


@pytest.mark.parametrize("change", [_figure, _date, _title, _speaker], ids=["figure", "date", "title", "speaker"])
def test_one_transcript_edited(corpus, found, change):
    watch = Watch(corpus)
    entry, figure = victim(watch.archive)
    before = [f for f in F.extract(watch.archive) if f.transcript == entry.transcript.id]
    listed_before = pages_of(watch.archive, watch.texts, before)
    change(corpus, entry, figure)
    archive = watch.prepare()
    after = [f for f in F.extract(archive) if f.transcript == entry.transcript.id]
    found.clear()

    made, kept = watch.round(archive)
    assert found == [entry.transcript.id]
    assert watch.texts == fresh(archive)
    topics = {f"figures/{t}.md" for f in before + after for t in f.topics}  # a split topic's list of years
    listed = listed_before | pages_of(archive, watch.texts, after)
    assert made and made <= listed | topics | {"figures/index.md", "data/figures.csv"}
    assert len(kept) > 3 * len(made)
    if change is _title:
        assert after == before and "data/figures.csv" in kept
    else:
        assert after != before and "data/figures.csv" in made
    if change is _date:
        new = next(e for e in archive.entries if e.transcript.id == entry.transcript.id).transcript.date.value
        years = {f"figures/{t}/{y}.md" for t in figure.topics for y in (figure.date[:4], new[:4])}
        assert years & set(watch.texts) <= made  # the old year's page is gone if it listed this transcript alone
        assert {f"figures/{t}/{new[:4]}.md" for t in figure.topics} <= made


def test_a_person_renamed_elsewhere_remakes_the_pages_of_their_figures(corpus, found):
    watch = Watch(corpus)
    entry, figure = victim(watch.archive)
    person = watch.archive.people_by_id[figure.speaker]
    people = tuple(dataclasses.replace(p, name="Renamed Person") if p is person else p for p in watch.archive.people)
    archive = dataclasses.replace(watch.archive, people=people)
    figures = F.extract(archive)
    theirs = pages_of(archive, watch.texts, [f for f in figures if f.speaker == person.id])
    # A page is keyed on the names of every speaker of each transcript it lists a figure of.
    transcripts = {f.transcript for f in figures if f.speaker == person.id}
    near = pages_of(archive, watch.texts, [f for f in figures if f.transcript in transcripts])
    found.clear()

    made, kept = watch.round(archive)
    assert theirs and found == [] and theirs <= made <= near and "data/figures.csv" in kept
    assert watch.texts == fresh(archive)


def test_a_topic_relabelled_finds_every_figure_again(corpus, found):
    watch = Watch(corpus)
    topics = tuple(dataclasses.replace(t, label=t.label + " (relabelled)") if t.id == "trade" else t
                   for t in watch.archive.topics)
    archive = dataclasses.replace(watch.archive, topics=topics)
    found.clear()

    made, _ = watch.round(archive)
    assert len(found) == len(archive.entries)
    assert watch.texts == fresh(archive)
    assert {"figures/trade.md", "figures/index.md"} <= made


def test_other_links_make_every_page(corpus):
    watch = Watch(corpus)
    offline = Links(False)
    _, kept = watch.round(watch.archive, offline)
    assert kept == set() and watch.texts == fresh(watch.archive, offline)


def test_a_transcript_saved_again_and_again(corpus, found, monkeypatch):
    """Its pages are made at every save, from the rows of the other transcripts kept from the last
    save; a change to what those rows show (a speaker's name) still makes them again."""
    watch = Watch(corpus)
    entry, figure = victim(watch.archive)
    rendered: list[str] = []
    real = F.excerpt_around
    monkeypatch.setattr(F, "excerpt_around", lambda f, *a: rendered.append(f.transcript) or real(f, *a))
    text = (corpus / entry.transcript.file).read_text(encoding="utf-8")
    number = int(figure.text.split()[0])
    for k in range(1, 4):
        new = text.replace(figure.sentence, figure.sentence.replace(figure.text, f"{number + k} percent", 1), 1)
        (corpus / entry.transcript.file).write_text(new, encoding="utf-8")
        archive = watch.prepare()
        found.clear()
        rendered.clear()
        made, _ = watch.round(archive)
        assert found == [entry.transcript.id] and "figures/index.md" not in made
        if k > 1:  # the rows of the other transcripts on its pages are kept from the last save
            assert set(rendered) == {entry.transcript.id}
        assert watch.texts == fresh(archive)

    person = archive.people_by_id[figure.speaker]
    others = {f.transcript for f in F.extract(archive) if f.speaker == person.id} - {entry.transcript.id}
    assert others
    people = tuple(dataclasses.replace(p, name="Renamed Person") if p is person else p for p in archive.people)
    archive = dataclasses.replace(archive, people=people)
    rendered.clear()
    watch.round(archive)
    assert others <= set(rendered)
    assert watch.texts == fresh(archive)
