"""The write edge: staging compares with the docs dir, and publishing touches only changed pages."""

from __future__ import annotations

import os

import pytest

from generator.render import Page
from generator.writer import MANIFEST, copy_hand_written, publish, stage


def _state(folder):
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns, p.read_text(encoding="utf-8"))
            for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST}


def _build(docs, work, pages):
    staging = work / "docs"
    staging.mkdir(parents=True)
    copy_hand_written(docs, staging)
    staged = stage(staging, docs, pages)
    return staged, publish(docs, staging, staged)


def test_only_changed_pages_are_written_and_removed_ones_deleted(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("by hand", encoding="utf-8")
    first = [Page("index.md", "home"), Page("transcripts/a.md", "A"), Page("transcripts/b.md", "B"),
             Page("downloads/a.txt", "a")]
    staged, report = _build(docs, tmp_path / "w1", first)
    assert sorted(staged.changed) == sorted(p.path for p in first) and report.unchanged == 0
    before = _state(docs)
    assert before["about.md"][2] == "by hand"

    second = [Page("index.md", "home 2"), Page("transcripts/a.md", "A"), Page("transcripts/c.md", "C"),
              Page("downloads/a.txt", "a")]
    staged, report = _build(docs, tmp_path / "w2", second)
    assert sorted(staged.changed) == ["index.md", "transcripts/c.md"]
    assert report.deleted == ("transcripts/b.md",) and report.unchanged == 2
    after = _state(docs)
    assert set(after) == {"about.md", "index.md", "transcripts/a.md", "transcripts/c.md", "downloads/a.txt"}
    for same in ("about.md", "transcripts/a.md", "downloads/a.txt"):
        assert after[same] == before[same], same  # same inode, same mtime: not rewritten
    assert after["index.md"][2] == "home 2" and after["transcripts/c.md"][2] == "C"
    assert all(oct(os.stat(docs / p).st_mode)[-3:] == "644" for p in after)


def test_the_staging_copy_of_an_unchanged_page_is_a_link_not_a_write(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _build(docs, tmp_path / "w1", [Page("transcripts/a.md", "A")])
    staging = tmp_path / "w2"
    staging.mkdir()
    stage(staging, docs, [Page("transcripts/a.md", "A")])
    assert (staging / "transcripts/a.md").stat().st_ino == (docs / "transcripts/a.md").stat().st_ino


def test_two_pages_for_one_path_and_foreign_paths_are_refused(tmp_path):
    with pytest.raises(FileExistsError):
        stage(tmp_path / "s1", tmp_path / "docs", [Page("index.md", "x"), Page("index.md", "y")])
    with pytest.raises(ValueError):
        stage(tmp_path / "s2", tmp_path / "docs", [Page("about.md", "x")])


def test_large_pages_are_written_and_compared_in_pieces(tmp_path, monkeypatch):
    """A page larger than one piece (archive.json is 150 MB at 10,000 transcripts) is encoded a
    piece at a time, with multi-byte characters on the pieces' edges, and compares exactly."""
    from generator import writer

    monkeypatch.setattr(writer, "_PIECE", 7)
    text = "Лукашенко: «да» — 1,5 млрд € " * 5
    path = tmp_path / "big.json"
    path.write_bytes(b"".join(writer._encoded(text)))
    assert path.read_text(encoding="utf-8") == text
    assert writer._holds(path, text)
    assert not writer._holds(path, text + " ")
    assert not writer._holds(path, text[:-1])
    assert not writer._holds(path, text.replace("да", "не"))


def test_a_receipt_counts_pages_another_stager_wrote(tmp_path):
    """A forked worker stages pages on its copy of the stager; the parent records its receipt and
    finishes with every path and every changed path."""
    from generator.writer import Stager

    docs = tmp_path / "docs"
    _build(docs, tmp_path / "w1", [Page("transcripts/a.md", "A")])
    staging = tmp_path / "w2"
    staging.mkdir()
    parent, worker = Stager(staging, docs), Stager(staging, docs)
    receipt = worker.add([Page("transcripts/a.md", "A"), Page("transcripts/b.md", "B")])
    assert receipt.paths == ("transcripts/a.md", "transcripts/b.md") and receipt.changed == ("transcripts/b.md",)
    assert parent.paths == []  # add alone counts nothing: the receipt is recorded where the stage ends
    parent.record(receipt)
    parent.record(parent.add([Page("index.md", "home")]))
    staged = parent.finish()
    assert staged.paths == ("transcripts/a.md", "transcripts/b.md", "index.md")
    assert staged.changed == ("transcripts/b.md", "index.md")
    with pytest.raises(FileExistsError):  # the other stager's file is there: a second page for it is refused
        parent.add([Page("transcripts/b.md", "B again")])
