"""The watch loop's render cache: after each kind of edit, the docs dir is byte for byte what a
fresh build writes, while only the pages whose inputs changed are made again."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import build, cli, figures, render
from generator.pagecache import Kept, PageCache
from generator.synthetic import make_corpus

from .conftest import SEEDS
from .test_incremental import _age


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _replace_line(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    edited, n = re.subn(pattern, new, text, count=1, flags=re.M)
    assert n == 1, (path.name, pattern)
    path.write_text(edited, encoding="utf-8")


def _dated(corpus: Path, k: int) -> Path:
    """The k-th transcript (in file order) that has a date line such as 'May 8, 2021, Moscow'."""
    dated = [p for p in sorted(corpus.glob("*.txt"))
             if re.search(r"^[A-Z][a-z]+ \d{1,2}, (19|20)\d\d\b", p.read_text(encoding="utf-8"), flags=re.M)]
    return dated[k]


def _edit_paragraph(corpus: Path) -> None:
    victim = sorted(corpus.glob("*.txt"))[7]
    victim.write_text(victim.read_text(encoding="utf-8").replace(" the ", " the very ", 1), encoding="utf-8")


def _append(corpus: Path, k: int, paragraph: str) -> None:
    victim = sorted(corpus.glob("*.txt"))[k]
    text = victim.read_text(encoding="utf-8").rstrip("\n")
    victim.write_text(f"{text}\n\n{paragraph}\n", encoding="utf-8")


def _add_numbers(corpus: Path) -> None:
    """A figure and a topic phrase: the figure and topic pages change."""
    _append(corpus, 11, "Trade grew by 17 percent to $4.5 billion, and sanctions were discussed.")


def _move_year(corpus: Path) -> None:
    """A new date: the transcript changes year, month and neighbours."""
    _replace_line(_dated(corpus, 3), r"^([A-Z][a-z]+ \d{1,2}, )(19|20)\d\d", r"\g<1>1994")


def _retitle(corpus: Path) -> None:
    """A new title: shown on its neighbours' and related transcripts' pages, and in lists."""
    crumb = re.compile(r"^\w+ +/$", flags=re.M)  # a breadcrumb such as 'Events   /', then the title
    victim = [p for p in sorted(corpus.glob("*.txt")) if crumb.search(p.read_text(encoding="utf-8"))][5]
    lines = victim.read_text(encoding="utf-8").split("\n")
    at = next(k for k, line in enumerate(lines) if crumb.match(line))
    title = next(k for k in range(at + 1, len(lines)) if lines[k].strip())
    lines[title] = "A title nobody wrote before"
    victim.write_text("\n".join(lines), encoding="utf-8")


def _new_speaker(corpus: Path) -> None:
    """A speaker the archive has not heard: a new speaker page, new companions and index rows."""
    _append(corpus, 13, "Governor of Tver Region Ivan Pokrovsky: Thank you, we will report on the harvest.")


def _add_and_remove(corpus: Path) -> None:
    shutil.copy(SEEDS / "002_69eb490c4cffbb28.txt", corpus / "zz_new.txt")
    sorted(corpus.glob("*.txt"))[2].unlink()


def _sidecar(corpus: Path) -> None:
    victim = sorted(corpus.glob("*.txt"))[17]
    victim.with_suffix(".meta.yaml").write_text('title: "Talks, as titled by a curator"\ndate: "2003-02-01"\n',
                                                encoding="utf-8")


EDITS = [_edit_paragraph, _add_numbers, _move_year, _retitle, _new_speaker, _add_and_remove, _sidecar]


@pytest.fixture(scope="module")
def corpus_template(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    make_corpus(SEEDS, corpus, 60)
    return corpus


def _watched(corpus_template: Path, tmp_path: Path) -> tuple[Path, Path, build.Memo, dict]:
    """A copy of the corpus, and the watch loop's first step on it: (corpus, docs, memo, last)."""
    corpus, docs = tmp_path / "in", tmp_path / "docs"
    shutil.copytree(corpus_template, corpus)
    _age(corpus)
    memo, last = build.Memo(), {}
    assert cli.step(corpus, docs, memo, last) is not None
    return corpus, docs, memo, last


@pytest.mark.parametrize("edit", EDITS, ids=[e.__name__.strip("_") for e in EDITS])
def test_each_kind_of_edit_ends_like_a_fresh_build(edit, corpus_template, tmp_path, monkeypatch):
    # Small limits, so that speakers, topics and figures have year pages even in 60 transcripts.
    monkeypatch.setattr(render, "SPLIT_LIMIT", 6)
    monkeypatch.setattr(figures, "SPLIT_LIMIT", 6)
    corpus, docs, memo, last = _watched(corpus_template, tmp_path)
    generated = len(memo.pages._next_pages)
    assert generated > 500  # every page and download went through the cache

    edit(corpus)
    report = cli.step(corpus, docs, memo, last)
    assert report is not None and report.changed >= 1
    fresh = tmp_path / "fresh"
    assert cli.step(corpus, fresh, build.Memo(), {}) is not None
    assert _tree(docs) == _tree(fresh)
    # Only a small part of the archive was made again.
    assert 0 < memo.pages.made < generated // 3, (memo.pages.made, generated)
    assert memo.pages.kept > generated // 2


def test_an_unchanged_archive_makes_nothing_again(corpus_template, tmp_path):
    corpus, docs, memo, last = _watched(corpus_template, tmp_path)
    before = _tree(docs)
    report = cli.step(corpus, docs, memo, last)
    assert report is not None and report.written == 0 and report.removed == 0
    # Every cached page is kept; the few pages not cached (home, search, tags) come out the same.
    assert memo.pages.made == 0
    assert _tree(docs) == before


def test_pages_the_cache_kept_but_someone_deleted_are_made_again(corpus_template, tmp_path):
    corpus, docs, memo, last = _watched(corpus_template, tmp_path)
    before = _tree(docs)
    shutil.rmtree(docs / "speakers")
    report = cli.step(corpus, docs, memo, last)
    assert report is not None and report.written == sum(p.startswith("speakers/") for p in before)
    assert _tree(docs) == before


def test_an_edited_template_makes_every_page_again(corpus_template, tmp_path, monkeypatch):
    corpus, docs, memo, last = _watched(corpus_template, tmp_path)
    made = memo.pages.made
    state = render.templates_state()
    monkeypatch.setattr(render, "templates_state", lambda: state + (("new.md.j2", 1, 1),))
    cli.step(corpus, docs, memo, last)
    assert memo.pages.made == made and memo.pages.kept == 0


def test_a_key_that_differs_makes_the_page_again():
    cache = PageCache()
    page = render.Page("a.md", "text é")
    assert cache.page("a.md", ("k", 1), lambda: page) is page
    cache.round()
    assert cache.page("a.md", ("k", 1), lambda: pytest.fail("made again")) == Kept("a.md", len("text é".encode()))
    cache.round()
    other = render.Page("a.md", "other")
    assert cache.page("a.md", ("k", 2), lambda: other) is other
    cache.round()
    cache.round()  # a round that did not ask for the page forgets it
    assert cache.page("a.md", ("k", 2), lambda: page) is page


def test_rows_are_kept_with_their_page_while_it_is_kept():
    """A year page's rows live as long as the page: kept across rounds that keep the page, made
    again only where their key changed, forgotten with a page no round asks for."""
    cache = PageCache()
    page = render.Page("y.md", "rows")
    rows = [("t1", 1, lambda: "one"), ("t2", 2, lambda: "two")]
    assert cache.pieces("y.md", rows) == ["one", "two"]
    cache.page("y.md", "k", lambda: page)
    cache.round()
    assert cache.page("y.md", "k", lambda: pytest.fail("made again")) == Kept("y.md", 4)  # rows not asked for
    cache.round()
    again = cache.pieces("y.md", [("t1", 1, lambda: pytest.fail("made again")), ("t2", 3, lambda: "TWO")])
    assert again == ["one", "TWO"]
    cache.page("y.md", "k2", lambda: page)
    cache.round()
    cache.round()  # a round without the page
    assert cache.pieces("y.md", [("t1", 1, lambda: "new")]) == ["new"]


def test_two_edits_in_turn_end_like_a_fresh_build(corpus_template, tmp_path, monkeypatch):
    """The second edit remakes year pages kept through the first step, from the rows kept with
    them."""
    monkeypatch.setattr(render, "SPLIT_LIMIT", 6)
    monkeypatch.setattr(figures, "SPLIT_LIMIT", 6)
    corpus, docs, memo, last = _watched(corpus_template, tmp_path)
    for edit in (_retitle, _edit_paragraph, _move_year):
        edit(corpus)
        assert cli.step(corpus, docs, memo, last) is not None
    fresh = tmp_path / "fresh"
    assert cli.step(corpus, fresh, build.Memo(), {}) is not None
    assert _tree(docs) == _tree(fresh)
