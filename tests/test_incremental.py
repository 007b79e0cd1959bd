"""The watch loop's memory: an unchanged file is neither read nor parsed again, and the pages are
exactly those of a fresh run."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from generator import build
from generator.synthetic import make_corpus

from .conftest import SEEDS


def _age(folder: Path) -> None:
    """Files written a while ago: the memo does not trust files modified in the last 2 s."""
    old = time.time() - 3600
    for path in folder.iterdir():
        os.utime(path, (old, old))


def _pages(generated):
    return {p.path: p.text for p in generated.pages}


def test_memo_redoes_only_changed_files_and_matches_a_fresh_run(tmp_path, monkeypatch):
    corpus = tmp_path / "in"
    make_corpus(SEEDS, corpus, 30)
    shutil.copy(SEEDS / "000_e1b8126810e250a3.txt", corpus / "zz_seed.txt")
    _age(corpus)
    memo = build.Memo()
    first = build.generate(corpus, memo=memo)
    assert first.ok and _pages(first) == _pages(build.generate(corpus))

    parsed: list[str] = []
    real = build._process
    monkeypatch.setattr(build, "_process", lambda doc: parsed.append(doc.file) or real(doc))
    read: list[str] = []
    real_read = build.read_folder.__globals__["_read_one"]
    monkeypatch.setitem(build.read_folder.__globals__, "_read_one", lambda p, s: read.append(p.name) or real_read(p, s))

    # one file edited, one added, one removed, one sidecar added
    victim = sorted(corpus.glob("0001*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8").replace(" the ", " THE ", 1), encoding="utf-8")
    shutil.copy(SEEDS / "002_69eb490c4cffbb28.txt", corpus / "zz_new.txt")
    gone = sorted(corpus.glob("0002*.txt"))[0]
    gone.unlink()
    (corpus / "zz_seed.meta.yaml").write_text('title: "Talks, as titled by a curator"\n', encoding="utf-8")

    second = build.generate(corpus, memo=memo)
    assert sorted(read) == sorted([victim.name, "zz_new.txt", "zz_seed.txt"])
    assert sorted(Path(f).name for f in parsed) == sorted(read)
    parsed.clear()
    fresh = build.generate(corpus)  # without the memo: every file read and parsed
    assert len(parsed) == 30 + 1
    assert _pages(second) == _pages(fresh)
    assert [str(p) for p in second.problems] == [str(p) for p in fresh.problems]
    assert any("Talks, as titled by a curator" in text for text in _pages(second).values())


def test_memo_is_dropped_when_the_curation_changes(tmp_path, monkeypatch):
    corpus = tmp_path / "in"
    make_corpus(SEEDS, corpus, 5)
    _age(corpus)
    memo = build.Memo()
    build.generate(corpus, memo=memo)
    assert len(memo.parsed) == 5
    parsed: list[str] = []
    real = build._process
    monkeypatch.setattr(build, "_process", lambda doc: parsed.append(doc.file) or real(doc))
    build.generate(corpus, memo=memo)
    assert parsed == []  # unchanged files and curated data: nothing parsed again
    curated = memo.curation
    # The curated files change on disk (their state), and load gives other data.
    monkeypatch.setattr(build.curation_mod, "state", lambda: (("speakers.yaml", 1, 1, 1),))
    monkeypatch.setattr(build.curation_mod, "load", lambda: curated.__class__(curated.shapes, curated.people[1:], curated.topics))
    build.generate(corpus, memo=memo)
    assert len(parsed) == 5


def test_watch_step_writes_the_changed_transcripts_first_and_ends_like_a_fresh_build(tmp_path, monkeypatch):
    from generator import cli, writer

    corpus, docs = tmp_path / "in", tmp_path / "docs"
    make_corpus(SEEDS, corpus, 25)
    _age(corpus)
    memo, last = build.Memo(), {}
    first = cli.step(corpus, docs, memo, last)
    assert first is not None and first.first_s is None  # the first step writes everything at once

    victim = sorted(corpus.glob("0001*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8").replace(" the ", " THE ", 1), encoding="utf-8")
    shutil.copy(SEEDS / "002_69eb490c4cffbb28.txt", corpus / "zz_new.txt")
    early: list[list[str]] = []
    real = writer.write_changed
    monkeypatch.setattr(writer, "write_changed", lambda d, pages: early.append(sorted(p.path for p in pages)) or real(d, pages))
    second = cli.step(corpus, docs, memo, last)
    assert second is not None and second.changed == 2 and second.first_s is not None
    (paths,) = early
    ids = {build.transcript_id(victim.stem), "zz_new"}
    assert {p.split("/")[1].split(".")[0] for p in paths} == ids
    assert sum(p.startswith("transcripts/") for p in paths) == 2 and sum(p.startswith("downloads/") for p in paths) == 10

    fresh_docs = tmp_path / "fresh"
    cli.step(corpus, fresh_docs, build.Memo(), {})
    ours = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    theirs = {p.relative_to(fresh_docs).as_posix(): p.read_bytes() for p in fresh_docs.rglob("*") if p.is_file()}
    assert ours == theirs


def test_a_file_changed_within_the_clock_tick_is_read_again(tmp_path):
    """Same size, same mtime after an edit: a file modified in the last 2 s is never trusted."""
    corpus = tmp_path / "in"
    make_corpus(SEEDS, corpus, 3)
    memo = build.Memo()
    build.prepare(corpus, memo=memo)  # files just written: nothing remembered
    assert memo.read == {}
    victim = sorted(corpus.glob("*.txt"))[0]
    stat = victim.stat()
    lines = victim.read_text(encoding="utf-8").split("\n")
    k = max(range(len(lines)), key=lambda i: len(lines[i]))  # the longest paragraph
    shouted = "".join(c.upper() if c.isascii() else c for c in lines[k])
    assert shouted != lines[k]
    lines[k] = shouted
    victim.write_text("\n".join(lines), encoding="utf-8")
    assert victim.stat().st_size == stat.st_size
    os.utime(victim, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    prepared = build.prepare(corpus, memo=memo)
    tid = build.transcript_id(victim.stem)
    assert tid in memo.fresh
    (page,) = [p for p in build.transcript_pages(prepared.archive, prepared.search, [tid]) if p.path == f"downloads/{tid}.txt"]
    assert shouted.split(": ", 1)[-1][:40] in page.text


def test_watch_step_restores_a_page_removed_behind_its_back(tmp_path):
    from generator import cli

    corpus, docs = tmp_path / "in", tmp_path / "docs"
    make_corpus(SEEDS, corpus, 4)
    _age(corpus)
    memo, last = build.Memo(), {}
    cli.step(corpus, docs, memo, last)
    page = sorted((docs / "transcripts").glob("*.md"))[0]
    text = page.read_text(encoding="utf-8")
    page.unlink()
    report = cli.step(corpus, docs, memo, last)
    assert report is not None and report.written == 1 and page.read_text(encoding="utf-8") == text


def test_watch_looks_only_at_what_the_reader_reads(tmp_path):
    """The watch loop runs again when a transcript or sidecar changes, even when an edit keeps its
    size and modification time, and not for an editor's hidden swap file or another file type."""
    from generator.reader import input_state

    corpus = tmp_path / "in"
    make_corpus(SEEDS, corpus, 3)
    before = input_state(corpus)
    assert sorted(Path(p).name for p in before) == sorted(p.name for p in corpus.glob("*.txt"))
    (corpus / ".draft.txt.swp").write_text("swap", encoding="utf-8")
    (corpus / "notes.md").write_text("notes", encoding="utf-8")
    (corpus / ".hidden").mkdir()
    (corpus / ".hidden" / "x.txt").write_text("Hidden: yes.", encoding="utf-8")
    assert input_state(corpus) == before
    victim = sorted(corpus.glob("*.txt"))[0]
    stat = victim.stat()
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text.replace("a", "A", 1), encoding="utf-8")
    os.utime(victim, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    assert victim.stat().st_size == stat.st_size
    assert input_state(corpus) != before
    before = input_state(corpus)
    (corpus / (victim.stem + ".meta.yaml")).write_text("place: Sochi\n", encoding="utf-8")
    assert input_state(corpus) != before


def test_an_old_file_edited_with_its_size_and_mtime_kept_is_read_again(tmp_path):
    """The read cache keys a file by its change time too: an edit that restores the modification
    time (a tool, a checkout) is read and parsed again, not served from the memo."""
    corpus = tmp_path / "in"
    make_corpus(SEEDS, corpus, 3)
    _age(corpus)
    memo = build.Memo()
    build.prepare(corpus, memo=memo)
    assert len(memo.read) == 3  # all remembered
    time.sleep(0.01)
    victim = sorted(corpus.glob("*.txt"))[1]
    stat = victim.stat()
    lines = victim.read_text(encoding="utf-8").split("\n")
    k = max(range(len(lines)), key=lambda i: len(lines[i]))  # the longest paragraph
    shouted = "".join(c.upper() if c.isascii() else c for c in lines[k])
    lines[k] = shouted
    victim.write_text("\n".join(lines), encoding="utf-8")
    os.utime(victim, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert victim.stat().st_size == stat.st_size and victim.stat().st_mtime_ns == stat.st_mtime_ns
    prepared = build.prepare(corpus, memo=memo)
    tid = build.transcript_id(victim.stem)
    assert memo.fresh == {tid}
    (page,) = [p for p in build.transcript_pages(prepared.archive, prepared.search, [tid]) if p.path == f"downloads/{tid}.txt"]
    assert shouted.split(": ", 1)[-1][:40] in page.text
