"""Measure what a reader's first searches cost on a built site with Pagefind, in real Chromium.

    python -m generator.searchprobe SITE [--query WORDS ...]

Serves SITE over HTTP on 127.0.0.1, opens its search page and loads the engine as the page's
PagefindUI does when its search box gets focus: the module its bundlePath names (which merges the
index parts, if any), its options, then the filters. Then, through that module, it runs each query
and loads its first five results. Prints JSON: for the load and for each query, the milliseconds
the engine took and the bytes and files the browser fetched (the load includes Pagefind's script,
WebAssembly, each part's entry, metadata and filters; bytes are as served, so an upper bound for a
host that compresses), and each query's number of results. Needs Playwright and Chromium (the test dependencies);
``CHROMIUM`` names the browser (default /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

_LOAD = """async () => {
    // what the page's PagefindUI does when its box gets focus: load the module its bundlePath names
    // (the parts' merging module, or Pagefind's own), set the options, and ask for the filters
    const module = window.taPagefindParts ? "../assets/pagefind-parts/pagefind.js" : "../pagefind/pagefind.js";
    const t0 = performance.now();
    window.__pf = await import(new URL(module, document.baseURI).href);
    await window.__pf.options({excerptLength: 12});
    await window.__pf.filters();
    return performance.now() - t0;
}"""

_SEARCH = """async (query) => {
    const t0 = performance.now();
    const search = await window.__pf.search(query);
    const first = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
    return {ms: performance.now() - t0, results: search.results.length, first: first.length ? first[0].url : null};
}"""


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
]
"""Debian's Chromium as root on a closed network (see FACTS.md); the browser tests use them too."""


def chromium_path() -> str:
    return os.environ.get("CHROMIUM") or "/usr/bin/chromium"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


class _PrefixHandler(_QuietHandler):
    """Serves the directory under a path prefix, as GitHub Pages serves a project site under
    ``/<repository>/``; any other path is not found."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return os.path.join(self.directory, "\0-not-under-the-prefix")
        return super().translate_path("/" + path[len(self.prefix):])


class SiteServer:
    """``http.server`` serving one directory on 127.0.0.1, on a free port, in a daemon thread;
    under ``prefix`` (such as ``/archive/``) if given, like a GitHub Pages project site."""

    def __init__(self, directory: Path, prefix: str = "/"):
        prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        handler_class = type("Handler", (_PrefixHandler,), {"prefix": prefix}) if prefix != "/" else _QuietHandler
        handler = functools.partial(handler_class, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def probe(site: Path, queries: list[str], browser=None) -> dict:
    """Time the engine's load as the search page's PagefindUI does it on focus, then each query in
    Pagefind's own API (search, then the first five results' data) through the module it loads
    (which merges the index parts, if any), and count the bytes the browser fetched for each.
    ``browser`` is a Playwright Chromium browser; by default one is launched."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            launched = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                return probe(site, queries, launched)
            finally:
                launched.close()
    parts = sorted((p for p in (site / "pagefind").glob("part-*") if p.is_dir()), key=lambda p: int(p.name[5:]))
    fetched: list[tuple[str, int]] = []
    results = []
    with SiteServer(site) as server:
        context = browser.new_context()
        try:
            context.on("requestfinished", lambda r: fetched.append((r.url, r.sizes()["responseBodySize"])))
            page = context.new_page()
            page.goto(server.base + "search/")
            page.wait_for_load_state("networkidle")
            fetched.clear()  # the page itself and the UI's assets are not the search's cost
            load_ms = page.evaluate(_LOAD)
            page.wait_for_timeout(200)
            loaded = [(u, n) for u, n in fetched if "/pagefind" in u]
            load = {
                "engine_ms": round(load_ms, 1), "bytes_fetched": sum(n for _, n in loaded),
                "files_fetched": len(loaded), "urls": sorted(u.split("/", 3)[3] for u, _ in loaded),
            }
            for q in queries:
                start = len(fetched)
                answer = page.evaluate(_SEARCH, q)
                page.wait_for_timeout(200)  # late responses of this query
                new = [(u, n) for u, n in fetched[start:] if "/pagefind/" in u]
                results.append({
                    "query": q, "engine_ms": round(answer["ms"], 1), "results": answer["results"],
                    "first_result": answer["first"], "bytes_fetched": sum(n for _, n in new),
                    "files_fetched": len(new),
                })
        finally:
            context.close()
    return {"site": str(site), "index_parts": 1 + len(parts), "load": load, "queries": results}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.searchprobe", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", action="append", default=None)
    args = parser.parse_args(argv)
    print(json.dumps(probe(args.site, args.query or ["sanctions", "grain harvest", "Lukashenko"]), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
