"""Search engine choice: Material's lunr search or Pagefind, by setting or by archive size.

The setting is ``extra.search_engine`` in ``mkdocs.yml`` (``auto``, ``lunr`` or ``pagefind``),
overridden by ``build --search``. With ``auto``:

* the hosted site uses Pagefind from ``PAGEFIND_FROM`` transcripts on (Material's one-file lunr
  index grows to tens of MB and a GB of browser memory at 10,000 transcripts), and lunr below;
* the offline edition always uses lunr, because Pagefind cannot load from ``file://``. From
  ``OFFLINE_FULL_TEXT_UNTIL`` transcripts on, its index holds titles, speakers and summaries only,
  and the pages say so.
"""

from __future__ import annotations

import math
import os
import re
import subprocess
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

if TYPE_CHECKING:
    from .render import Page

PAGEFIND_FROM = 500
"""Material's lunr index holds every word in one file: measured 21.1 MB at 1,000 transcripts, so
it passes the 10 MB at which browsers start to stall (FACTS.md) at about 500."""
OFFLINE_FULL_TEXT_UNTIL = 1000
ENGINES = ("auto", "lunr", "pagefind")
PAGEFIND_PART = 2_000
"""Transcripts per Pagefind index part. Pagefind holds a whole index in memory while it builds it
(measured: about 0.55 MB per transcript, 5.0 GB for 10,000 in one index, 1.0–1.3 GB per part of
2,000; part 0 also holds the speaker, topic and chronology pages).
Beyond this many, the archive is indexed in parts, one after another, and the search page merges
them through ``site_src/assets/pagefind-parts/pagefind.js``. Pagefind answers several words with
the pages that hold all of them, but it drops a word its index has never seen, so a part where one
of the words never occurs would answer with the pages holding the others (measured at 10,000 in
parts of 2,000 with Pagefind's own ``mergeIndex``: "nuclear icebreaker" gave 8,303 results
instead of 1). That module therefore lets a part answer only if it holds every word of the query,
and counts a word as held only where Pagefind finds the word itself, not the longest beginning of
it that is a word of the index (which it searches for where it has no word beginning like it)."""
PAGEFIND_JOBS = 1
"""Pagefind parts indexed at the same time. Each uses one core, and MkDocs runs beside them: on two
cores, one at a time was faster at 10,000 (whole build 107 s, MkDocs 29 s, Pagefind 35 s) than two
(114 s: MkDocs slowed to 40 s), and holds one part's memory instead of two."""
PAGEFIND_NICE = 10
"""How much lower Pagefind's CPU priority is than the build's. Pagefind starts as soon as the pages
it indexes are staged, while the generator still makes the figure pages and downloads on both
cores; at this priority it takes what they leave idle instead of slowing them."""
INDEXED = ("index.md", "transcripts/", "speakers/", "topics/", "chronology/")
"""Docs-dir paths of the pages Pagefind indexes; the others carry no ``data-pagefind-body``."""


@dataclass(frozen=True)
class SearchPlan:
    """Which engine a build uses, and how much of each transcript the index holds."""

    engine: str
    """``lunr`` (Material's search plugin) or ``pagefind``."""
    full_text: bool
    """False when the index holds only titles, speakers and summaries (large offline copies)."""
    reason: str
    parts: int = 1
    """Pagefind index parts: the first is ``pagefind/``, part k is ``pagefind/part-k/``."""


def bundle(part: int) -> str:
    """Site path of a Pagefind index part (no "pagefind" after the first segment: Pagefind derives
    the site's base URL from the part before it)."""
    return "pagefind/" if part == 0 else f"pagefind/part-{part}/"


def choose(setting: str, transcripts: int, *, offline: bool, part_size: int = PAGEFIND_PART) -> SearchPlan:
    """Resolve the setting for an archive of ``transcripts`` transcripts."""
    if setting not in ENGINES:
        raise ValueError(f"search engine '{setting}' is not one of: {', '.join(ENGINES)}")
    if offline:
        full = transcripts < OFFLINE_FULL_TEXT_UNTIL
        why = "offline copies use Material's search (Pagefind cannot load from file://)"
        if not full:
            why += f"; from {OFFLINE_FULL_TEXT_UNTIL} transcripts on it indexes titles, speakers and summaries"
        return SearchPlan("lunr", full, why)
    if part_size < 1:
        raise ValueError("a Pagefind part holds at least one transcript")
    parts = max(1, math.ceil(transcripts / part_size))
    if setting == "auto":
        if transcripts >= PAGEFIND_FROM:
            return SearchPlan("pagefind", True, f"auto: {transcripts} transcripts >= {PAGEFIND_FROM}", parts)
        return SearchPlan("lunr", True, f"auto: {transcripts} transcripts < {PAGEFIND_FROM}")
    return SearchPlan(setting, True, f"set to {setting}", parts if setting == "pagefind" else 1)


_PARAGRAPH_ID = re.compile(r'<p id="[^"]*" class="')
# The permalink and cite controls exactly as the templates write them (literal prefixes keep the
# regexes fast; text never holds a raw "<", so they cannot match inside a transcript's words).
_IGNORED_CONTROLS = (
    re.compile(r' <a class="ta-pilcrow" href="#[^"]*" aria-label="Link to this paragraph"'
               r' data-search-exclude data-pagefind-ignore>¶</a>'),
    re.compile(r' <a class="ta-anchor" href="#[^"]*" aria-label="Link to this turn" data-search-exclude'
               r' data-pagefind-ignore>#</a> <button type="button" class="ta-cite-button" data-anchor="[^"]*"'
               r' aria-label="Cite this turn: copies a citation with its link" data-search-exclude'
               r' data-pagefind-ignore>cite</button>'),
)


def search_document(page: "Page", language: str = "en") -> Optional[tuple[str, str]]:
    """What Pagefind indexes of one generated page, built from the page instead of MkDocs' output.

    Returns ``(site path of the page's HTML file, a minimal HTML document)`` for a page Pagefind
    indexes, None for any other. The document's body is the page's body: exactly the HTML MkDocs
    puts in the page (see ``mkdocs_hooks.py``), where ``data-pagefind-body`` marks what is indexed,
    so the theme around it does not matter and Pagefind can index while MkDocs builds. Left out of
    this copy: paragraph ids (Pagefind makes sub-results from headings only, and recording every
    paragraph anchor cost 40% of its time) and the permalink and cite controls, which carry
    ``data-pagefind-ignore`` anyway.
    """
    if not page.path.endswith(".md") or not any(
        page.path == root or (root.endswith("/") and page.path.startswith(root)) for root in INDEXED
    ):
        return None
    stem = page.path[:-3]
    html_path = (stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/") + "index.html"
    body = page.text[page.text.index("\n---\n") + 5:] if page.text.startswith("---\n") else page.text
    body = _PARAGRAPH_ID.sub('<p class="', body)
    for control in _IGNORED_CONTROLS:
        body = control.sub("", body)
    return html_path, f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8"></head><body>\n{body}</body></html>\n'


def assign_parts(transcripts: Iterable[str], parts: int) -> dict[str, int]:
    """Which Pagefind part indexes each transcript page (docs-dir paths): consecutive runs of the
    sorted paths, as even as possible. Every other page goes to part 0."""
    ordered = sorted(transcripts)
    size = max(1, math.ceil(len(ordered) / max(1, parts)))
    return {path: k // size for k, path in enumerate(ordered)}


def search_documents(pages: Iterable["Page"], parts: int) -> list[list[tuple[str, str]]]:
    """``search_document`` for every page, grouped by part (each part in path order)."""
    pages = list(pages)
    part_of = assign_parts((p.path for p in pages if p.path.startswith("transcripts/")), parts)
    out: list[list[tuple[str, str]]] = [[] for _ in range(max(1, parts))]
    for page in pages:
        doc = search_document(page)
        if doc is not None:
            out[part_of.get(page.path, 0)].append(doc)
    return [sorted(part) for part in out]


def configured_engine(config_file: Path) -> str:
    """``extra.search_engine`` from the MkDocs config (``auto`` when absent)."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as fh:
        data = yaml_load(fh) or {}
    return str((data.get("extra") or {}).get("search_engine", "auto"))


def _lower_priority(pid: int, nice: int) -> None:
    """Raise process ``pid``'s niceness by ``nice`` (``python -m pagefind`` execs the binary in the
    same process, so the binary keeps it). Where that is not possible, nothing changes."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, os.getpriority(os.PRIO_PROCESS, pid) + nice)
    except (AttributeError, OSError):
        pass


def run_pagefind(
    part_dirs: list[Path], out_dir: Path, jobs: int = 1, stop: Optional[threading.Event] = None, *, nice: int = 0
) -> None:
    """Index each part's documents with Pagefind (pinned PyPI ``pagefind[bin]``) into ``out_dir``,
    laid out like the site (``pagefind/``, ``pagefind/part-1/``, ...), ``jobs`` parts at a time.
    Each Pagefind run uses one core and about 0.55 MB per transcript of its part. Setting ``stop``
    ends the runs (the build failed elsewhere). ``nice`` lowers their CPU priority (Unix
    niceness), so that they take the cores only when the build's other processes leave them idle."""
    stop = stop or threading.Event()

    def index(k: int) -> None:
        if stop.is_set():
            return
        with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "pagefind", "--site", str(part_dirs[k]), "--silent",
                 "--output-path", str(out_dir / bundle(k))],
                stdout=log, stderr=subprocess.STDOUT, text=True,
            )
            if nice:
                _lower_priority(proc.pid, nice)
            while proc.poll() is None:
                if stop.wait(0.2):
                    proc.kill()
                    proc.wait()
                    return
            log.seek(0)
            output = log.read().strip()
        if proc.returncode != 0:
            stop.set()
            raise RuntimeError(f"Pagefind failed on part {k}: {output}")

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for done in [pool.submit(index, k) for k in range(len(part_dirs))]:
            done.result()
