"""Both search engines in Chromium on a synthetic corpus: a query finds the right transcript and
lands on the turn; Pagefind's filters narrow the results."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.search import PAGEFIND_FROM, choose
from generator.searchprobe import CHROMIUM_ARGS, SiteServer, chromium_path

from .conftest import build_into

pytestmark = pytest.mark.browser

SPEAKERS = [("Governor of Tula Region", "Alexei Dyumin"), ("Minister of Finance", "Anton Siluanov"),
            ("Chairman of the Board", "Herman Gref"), ("President of Russia", "Vladimir Putin")]
WORDS = ["grain harvest", "railway bridge", "nuclear icebreaker", "satellite launch", "forest fires", "school meals"]


def write_corpus(folder: Path, n: int = 24) -> dict[str, str]:
    """n transcripts; transcript k has a unique marker word and two speakers. Returns marker -> id."""
    folder.mkdir(parents=True, exist_ok=True)
    markers = {}
    for k in range(n):
        role_a, a = SPEAKERS[k % 4]
        role_b, b = SPEAKERS[(k + 1) % 4]
        marker = f"zebrafinch{k:02d}"
        year = 2000 + k % 6
        text = "\n\n".join([
            f"Meeting number {k} on {WORDS[k % len(WORDS)]}",
            f"March {1 + k}, {year}, Moscow",
            f"{role_a} {a}: Good afternoon. We will talk about the {WORDS[k % len(WORDS)]} today.",
            f"{role_b} {b}: Thank you. The figures on {marker} look good this year.",
            f"{a}: Let us continue with the {WORDS[(k + 2) % len(WORDS)]}.",
        ])
        stem = f"s{k:03d}"
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        markers[marker] = stem
    return markers


def turn_of(k: int) -> str:
    """Anchor of the turn holding transcript k's marker: the second speaker's first turn."""
    name = SPEAKERS[(k + 1) % 4][1]
    return name.lower().replace(" ", "-") + "-1"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("engines")
    markers = write_corpus(root / "in")
    return root, markers


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


def test_auto_choice_by_size():
    assert choose("auto", PAGEFIND_FROM - 1, offline=False).engine == "lunr"
    assert choose("auto", PAGEFIND_FROM, offline=False).engine == "pagefind"
    assert choose("pagefind", 10, offline=True).engine == "lunr"
    assert not choose("auto", 20_000, offline=True).full_text


def test_pagefind_query_and_filter(corpus, browser):
    root, markers = corpus
    # 24 transcripts in parts of 8: the search page merges three indexes
    site, _ = build_into(root / "pf", root / "in", extra_args=["--search", "pagefind", "--pagefind-part", "8"])
    assert (site / "pagefind" / "pagefind.js").exists()
    for k in (1, 2):
        assert (site / "pagefind" / f"part-{k}" / "pagefind-entry.json").exists()
    assert not (site / "pagefind" / "part-3").exists()
    assert not (site / "search" / "search_index.json").exists()
    with SiteServer(site) as server:
        page = browser.new_page()
        base = server.base
        for k in (7, 20):  # in the first part and in the last
            page.goto(base + f"search/?q=zebrafinch{k:02d}")
            page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
            links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")
            assert any(f"transcripts/{markers[f'zebrafinch{k:02d}']}/" in h for h in links), links
            # a sub-result lands on the turn that holds the word: speaker b of transcript k
            assert any(h.endswith(f"transcripts/{markers[f'zebrafinch{k:02d}']}/#{turn_of(k)}") for h in links), links
        # a broad query, then a speaker filter narrows it
        page.goto(base + "search/?q=afternoon")
        page.wait_for_selector(".pagefind-ui__result", timeout=15000)
        page.wait_for_function("document.querySelector('.pagefind-ui__message') && /\\d+ result/.test(document.querySelector('.pagefind-ui__message').textContent)")
        before = int(page.text_content(".pagefind-ui__message").split()[0])
        page.click("#ta-pagefind summary:has-text('Speaker')")
        page.check("#ta-pagefind input[name='speaker'][value='Herman Gref']", timeout=5000)
        page.wait_for_function(f"(() => {{ const m = document.querySelector('.pagefind-ui__message'); return m && parseInt(m.textContent) < {before}; }})()", timeout=10000)
        after = int(page.text_content(".pagefind-ui__message").split()[0])
        assert 0 < after < before
        assert before >= 24  # every transcript says "afternoon": all three parts answered


def result_count(page) -> int:
    """The number in PagefindUI's message ("3 results for ..."), 0 for "No results"."""
    page.wait_for_function("document.querySelector('.pagefind-ui__message') && /result/i.test(document.querySelector('.pagefind-ui__message').textContent)", timeout=15000)
    message = page.text_content(".pagefind-ui__message")
    return 0 if message.lower().startswith("no results") else int(message.split()[0])


def test_pagefind_parts_keep_several_words_exact(corpus, browser):
    """Several words mean "the pages holding all of them" in every part: a part lacking one of
    the words answers nothing, although Pagefind alone would drop that word there; a word that no
    part holds gives no results."""
    root, markers = corpus
    site = root / "pf" / "site"  # built by test_pagefind_query_and_filter
    if not site.exists():
        site, _ = build_into(root / "pf", root / "in", extra_args=["--search", "pagefind", "--pagefind-part", "8"])
    with SiteServer(site) as server:
        page = browser.new_page()
        for query, expected in [
            ("zebrafinch07 afternoon", [7]),  # part 0 only; the other parts lack the marker
            ("afternoon zebrafinch20", [20]),  # part 2 only
            ('"zebrafinch20" afternoon', [20]),
            ("zebrafinch03", [3]),
            ("zebrafinch07 zebrafinch20", []),  # no transcript holds both
            ("zebrafinch07 quetzalcoatlus", []),  # a word no transcript holds
            ("zebrafinch2", [20, 21, 22, 23]),  # the words it begins, in part 2 only
            ("zebrafinch07x", []),  # Pagefind alone finds the longest beginning that is a word: zebrafinch07
            ("theocracy afternoon", []),  # Pagefind alone: "the afternoon", every page
        ]:
            page.goto(server.base + "search/?q=" + query.replace(" ", "+"))
            assert result_count(page) == len(expected), query
            links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")
            for k in expected:
                assert any(f"transcripts/{markers[f'zebrafinch{k:02d}']}/" in h for h in links), (query, links)
        # the filters offered are merged from every part
        page.goto(server.base + "search/?q=afternoon")
        assert result_count(page) >= 24
        groups = page.eval_on_selector_all("#ta-pagefind summary", "els => els.map(e => e.textContent.toLowerCase())")
        assert any("speaker" in g for g in groups) and any("year" in g for g in groups), groups
        # one page, several searches: which parts hold a word is remembered from earlier searches
        # (one word, or several), and the answers stay exact. A quoted word matches only itself,
        # where an unquoted one also takes longer words it begins ("zebrafinch0" finds
        # zebrafinch00-09, in parts 0 and 1): its answer must not stand for the unquoted word.
        counts = page.evaluate("""async () => {
            const m = await import(new URL("../assets/pagefind-parts/pagefind.js", document.baseURI).href);
            const out = [];
            for (const q of ["zebrafinch20", "afternoon", "afternoon zebrafinch20", "zebrafinch07 afternoon",
                             "zebrafinch07 zebrafinch20", "zebrafinch20 afternoon", "ZEBRAFINCH07 afternoon",
                             '"zebrafinch0"', "zebrafinch0 afternoon"]) {
                out.push((await m.search(q)).results.length);
            }
            return out;
        }""")
        assert counts[0] == 1 and counts[1] >= 24 and counts[2:] == [1, 1, 0, 1, 1, 0, 10], counts


def test_pagefind_finds_no_beginning_of_a_missing_word(corpus, browser):
    """Where no page holds a word, Pagefind alone searches for the longest beginning of it that is
    a word of its index ("theocracy" finds every page with "the", "zebrafinch07x" finds
    zebrafinch07). The search page answers with no results, for an index of one part too, while
    a real beginning of words ("zebrafinch1") finds the words it begins, and a word finds the words
    of its stem ("icebreakers")."""
    root, markers = corpus
    site, _ = build_into(root / "pf1", root / "in", extra_args=["--search", "pagefind"])
    assert not (site / "pagefind" / "part-1").exists()
    with SiteServer(site) as server:
        page = browser.new_page()
        page.goto(server.base)
        alone = page.evaluate("""async () => {
            const pf = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
            const out = [];
            for (const q of ["theocracy", "zebrafinch07x"]) out.push((await pf.search(q)).results.length);
            return out;
        }""")
        assert alone[0] >= 24 and alone[1] == 1, alone
        icebreaker = sum(1 for k in range(24) if "icebreaker" in WORDS[k % 6] + WORDS[(k + 2) % 6])
        for query, fewest, most in [("theocracy", 0, 0), ("zebrafinch07x", 0, 0), ("theocracy afternoon", 0, 0),
                                    ("quetzalcoatlus", 0, 0), ("zebrafinch1", 10, 10), ("zebrafinch07", 1, 1),
                                    ("Afternoons", 24, 99), ("icebreakers", icebreaker, 99)]:
            page.goto(server.base + "search/?q=" + query.replace(" ", "+"))
            assert fewest <= result_count(page) <= most, query


def test_search_probe_measures_a_query(corpus, browser):
    """The benchmark's probe (first result time and bytes downloaded) works on a Pagefind site."""
    from generator.searchprobe import probe

    root, markers = corpus
    site = root / "pf" / "site"  # built by test_pagefind_query_and_filter
    if not site.exists():
        site, _ = build_into(root / "pf", root / "in", extra_args=["--search", "pagefind", "--pagefind-part", "8"])
    report = probe(site, ["zebrafinch07", "afternoon"], browser)
    assert report["index_parts"] == 3
    first, second = report["queries"]
    assert first["results"] >= 1 and f"transcripts/{markers['zebrafinch07']}/" in first["first_result"]
    assert second["results"] >= 24  # every transcript, from all three parts
    load = report["load"]  # Pagefind's script and WebAssembly, and each part's entry, metadata and filters
    assert any(".pagefind" in u for u in load["urls"]) and any("pagefind.js" in u for u in load["urls"])
    assert sum("pagefind-entry.json" in u for u in load["urls"]) == 3
    assert load["bytes_fetched"] > first["bytes_fetched"] > 0 and first["files_fetched"] > 0
    assert load["engine_ms"] > 0 and first["engine_ms"] > 0


def test_lunr_query_lands_on_turn(corpus, browser):
    root, markers = corpus
    site, _ = build_into(root / "lunr", root / "in", extra_args=["--search", "lunr"])
    assert (site / "search" / "search_index.json").exists()
    with SiteServer(site) as server:
        page = browser.new_page()
        base = server.base
        page.goto(base + "?q=zebrafinch11")
        page.wait_for_selector(".md-search-result__item a", timeout=15000)
        hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))")
        assert any(h.endswith(f"transcripts/{markers['zebrafinch11']}/?h=zebrafinch11#{turn_of(11)}") for h in hrefs), hrefs


@pytest.mark.parametrize("engine", ["pagefind", "lunr"])
def test_search_under_a_project_site_path(corpus, browser, engine):
    """GitHub Pages serves a project site under /<repository>/: the search finds a transcript of
    the first index part and one of the last there, and each result opens its page under the same
    path."""
    root, markers = corpus
    if engine == "pagefind":
        site = root / "pf" / "site"  # built by test_pagefind_query_and_filter
        if not site.exists():
            site, _ = build_into(root / "pf", root / "in", extra_args=["--search", "pagefind", "--pagefind-part", "8"])
        search, result = "search/?q=", ".pagefind-ui__result-link"
    else:
        site = root / "lunr" / "site"  # built by test_lunr_query_lands_on_turn
        if not site.exists():
            site, _ = build_into(root / "lunr", root / "in", extra_args=["--search", "lunr"])
        search, result = "?q=", ".md-search-result__item a"
    with SiteServer(site, prefix="/archive/") as server:
        assert server.base.endswith("/archive/")
        page = browser.new_page()
        failed = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        for marker in ("zebrafinch07", "zebrafinch20"):
            page.goto(server.base + search + marker)
            page.wait_for_selector(result, timeout=15000)
            hrefs = page.eval_on_selector_all(result, "els => els.map(e => e.href)")
            target = f"/archive/transcripts/{markers[marker]}/"
            assert hrefs and all("/archive/" in h for h in hrefs), hrefs
            page.goto(next(h for h in hrefs if target in h))
            assert marker in page.content()
        assert not failed, failed


def test_pagefind_runs_at_a_lower_priority():
    """Pagefind starts while the generator still works on both cores: ``run_pagefind(nice=...)``
    lowers its priority (``_lower_priority``), here checked on a stand-in process."""
    import os
    import subprocess
    import sys

    from generator.search import _lower_priority

    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        before = os.getpriority(os.PRIO_PROCESS, proc.pid)
        _lower_priority(proc.pid, 10)
        assert os.getpriority(os.PRIO_PROCESS, proc.pid) == min(19, before + 10)
    finally:
        proc.kill()
        proc.wait()
    _lower_priority(proc.pid, 10)  # a process already gone: nothing happens, nothing is raised
