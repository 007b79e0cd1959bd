"""The pipeline: read -> parse -> enrich -> render -> write -> site, with the I/O at its two ends.

Everything is read, parsed and checked before anything is written. A refused input or a failure
in any stage leaves the previous ``site_src/`` and ``site/`` exactly as they were.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import logging
import os
import shutil
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

from . import curation as curation_mod
from .enrich import Context, Enriched, combine, duplicate_pages, enrich_one
from .export import archive_json
from .model import Archive, Problem, RawDocument
from .pagecache import Made, PageCache, without_finish
from .parallel import fork_chunks
from .parser import parse, transcript_id
from .reader import read_folder
from .downloads import download_batches, transcript_downloads
from .figures import figure_batches
from .render import Links, Page, render_batches, render_transcripts
from .search import PAGEFIND_JOBS, PAGEFIND_NICE, PAGEFIND_PART, SearchPlan, assign_parts, choose, run_pagefind, search_document
from .site import SiteBuildError, make_readable, mkdocs_build_isolated, recover, swap_in, workspace
from .writer import Receipt, Stager, copy_hand_written, publish, write_tree

log = logging.getLogger("generator")
ROOT = Path(__file__).resolve().parent.parent
PARALLEL_FROM = 1000
"""Below this many transcripts, starting worker processes costs more than it saves."""
VENDOR = {
    # docs-dir path -> file in node_modules (installed by `make node` from package-lock.json)
    "assets/vendor/iframe-worker-shim.js": "iframe-worker/shim/index.js",
}


@dataclass
class Timings:
    """Seconds per stage, in pipeline order."""

    stages: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, seconds: float) -> None:
        self.stages[name] = self.stages.get(name, 0.0) + seconds

    def measure(self, name: str, fn: Callable, *args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start


@dataclass(frozen=True)
class Generated:
    """The outcome of the generator stages (everything before MkDocs)."""

    archive: Optional[Archive]
    pages: tuple[Page, ...]
    problems: tuple[Problem, ...]
    search: Optional[SearchPlan] = None

    @property
    def ok(self) -> bool:
        return self.archive is not None and not any(p.severity == "error" for p in self.problems)


_CONTEXT: Optional[Context] = None
_DOCUMENTS: list[RawDocument] = []


def _init_worker(curated: curation_mod.Curation) -> None:
    global _CONTEXT
    _CONTEXT = Context.build(curated)


def _process(doc: RawDocument) -> tuple[Optional[Enriched], list[Problem]]:
    """Parse and enrich one document (may run in a forked worker process)."""
    assert _CONTEXT is not None
    transcript, problems = parse(doc, _CONTEXT.curation.shapes)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return enrich_one(transcript, _CONTEXT), problems


def _process_slice(start: int, stop: int) -> list[tuple[Optional[Enriched], list[Problem]]]:
    return [_process(d) for d in _DOCUMENTS[start:stop]]


def process_all(
    documents: list[RawDocument], curated: curation_mod.Curation, workers: int = 0, cache: Optional[dict] = None
) -> tuple[list[Enriched], list[Problem]]:
    """Parse and enrich every document, on all cores when there are many.

    The context is built once here; forked workers inherit it and the documents, so only their
    results are pickled (``parallel.fork_chunks``). ``cache`` (the watch loop's, for one curation)
    keeps each document's result under the document object itself, which the read cache hands
    back unchanged for an unchanged file: only new or changed documents are parsed."""
    global _DOCUMENTS
    todo = documents if cache is None else [d for d in documents if cache.get(id(d), (None,))[0] is not d]
    _init_worker(curated)
    _DOCUMENTS = todo
    try:
        parts, _ = fork_chunks(_process_slice, len(todo), workers, parallel_from=PARALLEL_FROM)
    finally:
        _DOCUMENTS = []
    results = [r for part in parts for r in part]
    if cache is not None:
        fresh = {id(d): (d, r) for d, r in zip(todo, results)}
        results = [(fresh.get(id(d)) or cache[id(d)])[1] for d in documents]
        cache.clear()
        cache.update({id(d): (d, r) for d, r in zip(documents, results)})
    enriched, problems = [], []
    for e, probs in results:
        problems.extend(probs)
        if e is not None:
            enriched.append(e)
    return enriched, problems


@dataclass
class Memo:
    """What the watch loop keeps from one run to the next: the files it read (by modification
    time, size and inode), what parsing them gave, so that an unchanged file is neither read
    nor parsed again, and what each page was made from, so that a page whose inputs did not
    change is not made again. Cleared whenever the curated data changes."""

    curation: Optional[curation_mod.Curation] = None
    curation_files: tuple = ()
    """``curation.state()`` when ``curation`` was loaded: the files are read again only when it changes."""
    read: dict = field(default_factory=dict)
    parsed: dict = field(default_factory=dict)
    archive: Optional[Archive] = None
    """The last archive: the next one is combined from it (``enrich.combine``)."""
    pages: PageCache = field(default_factory=PageCache)
    templates: tuple = ()
    """``render.templates_state()`` when ``pages`` was filled: pages made with other templates are
    not kept."""
    fresh: frozenset[str] = frozenset()
    """Ids of the transcripts read and parsed by the last run (all of them on the first run)."""


@dataclass(frozen=True)
class Prepared:
    """The outcome of read, parse and enrich: the archive (None if the input was refused)."""

    archive: Optional[Archive]
    problems: tuple[Problem, ...]
    search: Optional[SearchPlan] = None

    @property
    def ok(self) -> bool:
        return self.archive is not None and not any(p.severity == "error" for p in self.problems)


def prepare(
    input_dir: Path,
    *,
    timings: Optional[Timings] = None,
    offline: bool = False,
    search: str = "auto",
    pagefind_part: int = PAGEFIND_PART,
    memo: Optional[Memo] = None,
) -> Prepared:
    """Read, parse and enrich a folder of transcripts, and check everything; nothing is written."""
    timings = timings or Timings()
    files = curation_mod.state()
    try:
        curated = memo.curation if memo is not None and memo.curation_files == files else curation_mod.load()
    except curation_mod.CurationError as exc:
        return Prepared(None, tuple(exc.problems))
    if memo is not None:
        memo.curation_files = files
    if memo is not None and memo.curation != curated:
        memo.curation, memo.read, memo.parsed, memo.archive = curated, {}, {}, None
        memo.pages.clear()
    elif memo is not None:
        curated = memo.curation  # the same topics and people as last time, as the same objects
    documents, problems = timings.measure("read", read_folder, input_dir, memo.read if memo else None)
    problems += duplicate_pages([(transcript_id(d.stem), d.file) for d in documents])
    if memo is not None:
        known = set(memo.parsed)  # ids of the document objects parsed before, all still alive
        memo.fresh = frozenset(transcript_id(d.stem) for d in documents if id(d) not in known)
    enriched, parse_problems = timings.measure(
        "parse+enrich", process_all, documents, curated, cache=memo.parsed if memo else None)
    del documents
    problems += parse_problems
    if any(p.severity == "error" for p in problems):
        return Prepared(None, tuple(problems))
    archive = timings.measure("combine", combine, enriched, curated, memo.archive if memo else None)
    if memo is not None:
        memo.archive = archive
    problems += list(archive.problems)
    if any(p.severity == "error" for p in problems):
        return Prepared(None, tuple(problems))
    plan = choose(search, len(archive.entries), offline=offline, part_size=pagefind_part)
    return Prepared(archive, tuple(problems), plan)


class SearchReady(list):
    """An empty batch in ``produce``'s stream: every page the search index reads (those of
    ``search.INDEXED``) came before it, so Pagefind may start. A caller that does not look for it
    sees an empty batch."""


class Sink:
    """What ``produce`` does with each batch in the process that made it, a forked worker or this
    one. Unset, a batch comes out as it is; ``build_site`` sets ``write`` to stage the pages, so
    that workers write their own pages in parallel and send back only a ``writer.Receipt``, which
    comes out instead. ``seconds`` is the time spent writing in this process."""

    def __init__(self) -> None:
        self.write: Optional[Callable[[list[Made]], Any]] = None
        self.seconds = 0.0

    def __call__(self, batch: list[Made]) -> Any:
        if self.write is None:
            return batch
        start = time.perf_counter()
        try:
            return self.write(batch)
        finally:
            self.seconds += time.perf_counter() - start


def produce(
    archive: Archive, plan: SearchPlan, *, directory_urls: bool = True, offline: bool = False,
    timings: Optional[Timings] = None, cache: Optional[PageCache] = None, sink: Optional[Sink] = None,
) -> Iterator[Any]:
    """Every generated page and data file, in batches (transcript pages and downloads in slices of
    a few hundred transcripts), so that a caller can write each batch and let it go before the
    next is made: at 10,000 transcripts the pages come to 1.4 GB of text.

    The rendered pages come first, then a ``SearchReady`` marker, then the data files, figure
    pages and downloads, none of which the search index reads.

    With a ``cache`` (the watch loop's), a page made last round from equal inputs comes as a
    ``Kept`` marker instead of being made again. With a ``sink`` (and no cache), each batch goes
    through it where it was made, and what it returns comes instead (``Sink``)."""
    without_finish(cache, sink, "a sink")
    timings = timings or Timings()
    finish = sink or (lambda batch: batch)
    workers = os.cpu_count() or 1
    yield from _timed(timings, "render", render_batches(
        archive, directory_urls=directory_urls, search=plan, workers=workers, cache=cache, finish=sink), sink)
    yield SearchReady()
    json_page = Page("data/archive.json", timings.measure(
        "export", archive_json, archive, directory_urls=directory_urls, workers=workers, cache=cache))
    yield finish([json_page])
    del json_page
    yield from _timed(timings, "figures", figure_batches(
        archive, Links(directory_urls), workers=workers, cache=cache, finish=sink), sink)
    yield from _timed(timings, "downloads", download_batches(archive, workers=workers, cache=cache, finish=sink), sink)
    if offline:
        yield finish(vendor_pages())


def _timed(timings: Timings, name: str, batches: Iterator[Any], sink: Optional[Sink] = None) -> Iterator[Any]:
    """The batches, with the time spent making them (not the caller's time between them, nor the
    time ``sink`` spent writing in this process) added to ``name``."""
    def writing() -> float:
        return sink.seconds if sink is not None else 0.0

    while True:
        start, written = time.perf_counter(), writing()
        batch = next(batches, None)
        timings.add(name, time.perf_counter() - start - (writing() - written))
        if batch is None:
            return
        yield batch


def transcript_pages(
    archive: Archive, plan: SearchPlan, ids: Iterable[str], *, directory_urls: bool = True
) -> list[Page]:
    """The page and the downloads of the transcripts ``ids``, as ``produce`` makes them."""
    wanted = set(ids)
    pages = render_transcripts(archive, wanted, directory_urls=directory_urls, search=plan)
    for entry in archive.entries:
        if entry.transcript.id in wanted:
            pages += transcript_downloads(entry, archive)
    return pages


def generate(
    input_dir: Path,
    *,
    directory_urls: bool = True,
    timings: Optional[Timings] = None,
    offline: bool = False,
    search: str = "auto",
    pagefind_part: int = PAGEFIND_PART,
    memo: Optional[Memo] = None,
) -> Generated:
    """Run read, parse, enrich and render on a folder of transcripts and keep every page in
    memory (for tests, ``check`` and the watch loop); nothing is written."""
    timings = timings or Timings()
    prepared = prepare(
        input_dir, timings=timings, offline=offline, search=search, pagefind_part=pagefind_part, memo=memo)
    if not prepared.ok:
        return Generated(None, (), prepared.problems)
    assert prepared.archive is not None and prepared.search is not None
    batches = produce(prepared.archive, prepared.search, directory_urls=directory_urls, offline=offline, timings=timings)
    pages = sorted((page for batch in batches for page in batch), key=lambda p: p.path)
    return Generated(prepared.archive, tuple(pages), prepared.problems, prepared.search)


def vendor_pages() -> list[Page]:
    """Third-party assets for the offline copy, taken from node_modules (never committed)."""
    out = []
    for dest, src in sorted(VENDOR.items()):
        path = ROOT / "node_modules" / src
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing: run `make node` (npm ci) to install the offline assets")
        out.append(Page(dest, path.read_text(encoding="utf-8")))
    return out


def build_site(
    batches: Iterable[Any],
    search: Optional[SearchPlan],
    *,
    docs_dir: Path,
    site_dir: Path,
    config_file: Path,
    transcripts: Sequence[str] = (),
    timings: Optional[Timings] = None,
    sync_docs: bool = True,
    sink: Optional[Sink] = None,
) -> None:
    """Stage the docs dir, build it with MkDocs, then swap in the new site and sync the docs dir.

    Each batch of pages is written to the staging dir (and, for Pagefind, to its index parts) and
    let go before the next is made. When ``batches`` is ``produce``'s stream with ``sink``, the
    sink is set to write each batch where it is made, so that forked workers write their own
    pages. ``transcripts`` lists the transcript pages' docs-dir paths, which decide the Pagefind
    parts. The offline edition passes ``sync_docs=False``: its pages link to ``.html`` files and
    stay in the staging dir, so ``site_src/`` always holds the hosted edition.
    """
    timings = timings or Timings()
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(site_dir)
    work = workspace(site_dir)
    try:
        staging = work / "docs"
        staging.mkdir()
        copy_hand_written(docs_dir, staging)
        stager = Stager(staging, docs_dir)
        lunr = search is None or search.engine == "lunr"
        parts = 1 if lunr else search.parts
        part_of = assign_parts(transcripts, parts)
        part_dirs = [work / f"search-{k}" for k in range(parts)]
        new_site = work / "site"
        index = work / "index"
        stop = threading.Event()
        indexing: Optional[Future] = None

        def stage(batch: list[Page]) -> Receipt:
            """Write one batch into the staging dir and, for Pagefind, its index parts (in the
            process that made the batch)."""
            receipt = stager.add(batch)
            if not lunr:
                for page in batch:
                    doc = search_document(page)
                    if doc is not None:
                        if indexing is not None:
                            raise ValueError(f"{page.path} came after the search index started")
                        write_tree(part_dirs[part_of.get(page.path, 0)], [doc])
            return receipt

        if sink is not None:
            sink.write = stage
        with ThreadPoolExecutor(max_workers=1) as pool:

            def start_indexing() -> None:
                """Pagefind indexes the staged copies from here on, at a lower priority than the
                generator and MkDocs, so that it takes only the time a core would idle: while the
                generator makes the figure pages and downloads, then beside MkDocs (parts, if any,
                one after another)."""
                nonlocal indexing
                for folder in part_dirs:
                    folder.mkdir(exist_ok=True)
                indexing = pool.submit(
                    timings.measure, "search index", run_pagefind, part_dirs, index, PAGEFIND_JOBS, stop,
                    nice=PAGEFIND_NICE)

            try:
                batch_iter = iter(batches)
                while (batch := next(batch_iter, None)) is not None:
                    if isinstance(batch, SearchReady) and not lunr and indexing is None:
                        start_indexing()
                    if isinstance(batch, Receipt):
                        stager.record(batch)
                    else:
                        start = time.perf_counter()
                        stager.record(stage(batch))
                        timings.add("stage", time.perf_counter() - start)
                    batch = None  # let the batch go before the next one is made
                    _return_freed_memory()
                staged = stager.finish()
                if sink is not None:
                    timings.add("stage", sink.seconds)
                    sink.write = None
                gc.collect()  # the archive is gone with the last batch: MkDocs and Pagefind get its memory
                _return_freed_memory()
                if not lunr and indexing is None:
                    start_indexing()
                timings.measure("mkdocs", mkdocs_build_isolated, config_file, staging, new_site, material_search=lunr)
            except BaseException:
                stop.set()  # the generator's or MkDocs' error (or Ctrl-C) is the one to report: stop Pagefind
                raise
            if indexing is not None:
                try:
                    indexing.result()
                except RuntimeError as exc:
                    raise SiteBuildError(str(exc)) from None
        if not lunr:
            os.replace(index / "pagefind", new_site / "pagefind")
        make_readable(new_site)
        swap_in(new_site, site_dir)
        if sync_docs:
            timings.measure("write", publish, docs_dir, staging, staged)
    finally:
        shutil.rmtree(work, ignore_errors=True)


@functools.lru_cache(maxsize=None)
def _malloc_trim() -> Optional[Callable[[int], int]]:
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def _return_freed_memory() -> None:
    """Give the heap pages freed by Python back to the system (glibc's ``malloc_trim``; nothing
    elsewhere). Without it, the pages of a written batch stay in this process's resident size."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def report(problems: tuple[Problem, ...] | list[Problem], stream=sys.stderr) -> None:
    for p in sorted(problems, key=lambda p: (p.file, p.line, p.message)):
        print(str(p), file=stream)


__all__ = ["read_folder", "process_all", "prepare", "produce", "SearchReady", "Sink", "generate", "build_site", "Timings", "SiteBuildError", "report"]
