"""Both cores, same output: the forked workers (``generator/parallel.py``) give exactly what one
process gives, and the streamed batches hold every page once."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build, downloads, export, figures, parallel, render, synthetic
from generator.parallel import fork_chunks, fork_stream, slices

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_stream_hands_over_every_slice_once():
    got = list(fork_stream(lambda a, b: list(range(a, b)), 100, 2, also=lambda: [["whole"]], parallel_from=0))
    keys = [k for k, _ in got]
    assert sorted(keys) == [-1] + list(range(len(slices(100, 16))))
    assert dict(got)[-1] == ["whole"]
    assert sorted(x for k, part in got if k >= 0 for x in part) == list(range(100))


def test_first_jobs_run_once_on_a_worker_ahead_of_the_slices():
    """A job of ``first`` is queued before the slices: with a worker to take it, it runs there
    (this process starts from the last slice), once, and its result comes as ``(-1, result)``."""
    import os
    import time

    def part(a: int, b: int) -> list[tuple[int, int]]:
        time.sleep(0.02)  # the worker has long taken the job when this process reaches it
        return [(a, os.getpid())]

    here = os.getpid()
    got = list(fork_stream(part, 100, 2, first=[lambda: ["job", os.getpid()]],
                           also=lambda: [["whole"]], parallel_from=0))
    jobs = [r for k, r in got if k < 0 and r[0] == "job"]
    assert len(jobs) == 1 and jobs[0][1] != here
    assert [r for k, r in got if k < 0 and r[0] != "job"] == [["whole"]]
    assert sorted(part[0][0] for k, part in got if k >= 0) == [a for a, _ in slices(100, 16)]
    alone = list(fork_stream(lambda a, b: list(range(a, b)), 10, 1, first=[lambda: ["job"]], also=lambda: [["whole"]]))
    assert alone == [(-1, ["whole"]), (-1, ["job"]), (0, list(range(10)))]


def test_chunks_keep_slice_order_forked_or_not():
    def square(a: int, b: int) -> list[int]:
        return [x * x for x in range(a, b)]

    forked = fork_chunks(square, 50, 2, also=lambda: "also", parallel_from=0)
    alone = fork_chunks(square, 50, 1, also=lambda: "also")
    assert [x for part in forked[0] for x in part] == [x for part in alone[0] for x in part] == [x * x for x in range(50)]
    assert forked[1] == alone[1] == "also"


def test_an_abandoned_stream_stops_its_workers():
    stream = fork_stream(lambda a, b: [a], 100, 2, parallel_from=0)
    next(stream)
    stream.close()  # the pool shuts down, the rest is cancelled; nothing hangs
    assert list(fork_stream(lambda a, b: [a], 3, 2, parallel_from=0))  # and the next stream works


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("parallel")
    synthetic.make_corpus(SEEDS, out, 40, seed=3)
    return out


def _pages(corpus: Path) -> dict[str, str]:
    generated = build.generate(corpus)
    assert generated.ok, generated.problems
    paths = [p.path for p in generated.pages]
    assert len(paths) == len(set(paths))  # every page once, whichever process made it
    return {p.path: p.text for p in generated.pages}


def test_forked_build_equals_a_single_process_build(corpus, monkeypatch):
    alone = _pages(corpus)
    for module in (build, downloads, export, figures, render):
        monkeypatch.setattr(module, "PARALLEL_FROM", 0)  # fork even for 40 transcripts
    monkeypatch.setattr(build.os, "cpu_count", lambda: 2)
    pools = []

    class CountedPool(parallel.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs.get("mp_context"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", CountedPool)
    forked = _pages(corpus)
    assert len(pools) >= 5  # parse, render, export, figures (twice), downloads
    assert forked.keys() == alone.keys()
    assert [p for p in alone if forked[p] != alone[p]] == []


def test_finish_runs_where_each_result_was_made():
    """``finish`` turns each result into what comes out, in the process that made it: a worker
    writes what it made and sends back only a note of it."""
    import os

    parent = os.getpid()
    got = list(fork_stream(lambda a, b: list(range(a, b)), 100, 2, also=lambda: [["whole"]], parallel_from=0,
                           finish=lambda result: (os.getpid(), len(result))))
    assert sum(n for k, (_, n) in got if k >= 0) == 100 and dict(got)[-1] == (parent, 1)
    assert {pid for _, (pid, _) in got} - {parent}, "no worker made (and finished) a slice"
    alone = list(fork_stream(lambda a, b: list(range(a, b)), 100, 1, also=lambda: [["whole"]],
                             finish=lambda result: (os.getpid(), len(result))))
    assert {pid for _, (pid, _) in alone} == {parent}


def test_workers_that_stage_their_own_pages_stage_every_page_once(corpus, monkeypatch, tmp_path):
    """``produce`` with a ``Sink`` that stages each batch where it is made (as ``build_site``
    sets it): forked workers write their pages and send back receipts; the staging dir then
    holds exactly the pages one process makes, and the receipts name each of them once."""
    from generator.writer import Receipt, Stager

    alone = _pages(corpus)
    for module in (build, downloads, export, figures, render):
        monkeypatch.setattr(module, "PARALLEL_FROM", 0)
    monkeypatch.setattr(build.os, "cpu_count", lambda: 2)
    prepared = build.prepare(corpus)
    staging, docs = tmp_path / "staging", tmp_path / "docs"
    staging.mkdir()
    stager = Stager(staging, docs)
    sink = build.Sink()
    sink.write = stager.add
    stream = list(build.produce(prepared.archive, prepared.search, sink=sink))
    receipts = [item for item in stream if isinstance(item, Receipt)]
    assert len(receipts) + 1 == len(stream)  # and one SearchReady marker
    for receipt in receipts:
        stager.record(receipt)
    staged = stager.finish()
    assert sorted(staged.paths) == sorted(alone) and sorted(staged.changed) == sorted(alone)
    on_disk = {p.relative_to(staging).as_posix(): p.read_bytes()
               for p in staging.rglob("*") if p.is_file() and p.name != ".generated.json"}
    assert on_disk == {path: text.encode("utf-8") for path, text in alone.items()}


def test_every_page_the_search_index_reads_comes_before_the_marker(corpus):
    """Pagefind starts at ``SearchReady``: no page it indexes may come after it."""
    from generator.search import search_document

    prepared = build.prepare(corpus)
    stream = list(build.produce(prepared.archive, prepared.search))
    marks = [k for k, batch in enumerate(stream) if isinstance(batch, build.SearchReady)]
    assert len(marks) == 1 and stream[marks[0]] == []
    indexed_before = [p.path for batch in stream[:marks[0]] for p in batch if search_document(p) is not None]
    indexed_after = [p.path for batch in stream[marks[0]:] for p in batch if search_document(p) is not None]
    assert indexed_before and indexed_after == []
    assert any(p.startswith("figures/") for batch in stream[marks[0]:] for p in (q.path for q in batch))
