"""Post-build link check over a whole built site: every internal ``href``/``src`` and its anchor.

MkDocs' ``validation:`` settings check Markdown links, but not links written as raw ``<a href>``,
and not what the theme or plugins add. This reads the built HTML instead::

    python -m generator.linkcheck site/
    python -m generator.linkcheck --file-urls site-offline/
    python -m generator.linkcheck --base-path https://owner.github.io/repo/ site/   # a project site

For every ``.html`` file it collects the ids of its elements (and ``name`` of ``<a>``) and every
``href``, ``src``, ``xlink:href`` and ``srcset`` URL. An internal URL must resolve to a file inside
the site (``dir/`` means ``dir/index.html``), and its ``#fragment`` must be an id on that page.
Query strings are ignored; percent-encoding is decoded. External URLs (any ``scheme:`` such as
``https:``, ``mailto:``, ``data:``, and ``//host``) are skipped, except ``javascript:``, which is a
problem: the archive has no reason to put script in a link (FACTS.md, "Escaping").

With ``file_urls=True`` (the offline edition, opened from disk) a link to a directory is a problem
too, since a browser shows a directory listing there instead of ``index.html``, and so is a link
that starts with ``/``. ``404.html`` is skipped in that mode: without a server nothing shows it.
Not checked: ``<form action>`` and ``<meta http-equiv="refresh">`` targets.

The work is linear in the size of the site: each page is parsed once (on several processes when
there are many), file lookups go through one set, and fragment checks through one set per page.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import posixpath
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Optional
from urllib.parse import unquote, urlsplit

URL_ATTRS = frozenset({"href", "src", "xlink:href"})
"""Attributes holding one URL, on any element (``<a>``, ``<link>``, ``<script>``, ``<img>``, SVG...)."""

THEME_JAVASCRIPT = frozenset({("javascript:void(0)", "search-share")})
"""``javascript:`` hrefs the theme itself writes, as (href, ``data-md-component``). Material's
``search.share`` button is an ``<a href="javascript:void(0)">`` whose click is handled by the
theme's script; it runs nothing from the URL. Any other ``javascript:`` URL is a problem."""

PARALLEL_FROM = 400
"""Parse on several processes from this many pages on (below it, start-up costs more than it saves)."""


@dataclass(frozen=True, order=True)
class LinkProblem:
    """One broken link: the page it is on (site-relative path), the URL as written, and why."""

    page: str
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.href}: {self.reason}"


class _PageParser(HTMLParser):
    """Collects the ids of one page and the URLs it links to, with the tag and attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str, str]] = []  # (tag, attribute, url, data-md-component)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        component = ""
        for name, value in attrs:
            if name == "data-md-component" and value:
                component = value
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in URL_ATTRS:
                self.links.append((tag, name, value, component))
            elif name == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ", 1)[0]
                    if url:
                        self.links.append((tag, name, url, component))


@dataclass(frozen=True)
class _Options:
    files: frozenset[str]
    dirs: frozenset[str]
    file_urls: bool
    base_path: str


_OPTIONS: Optional[_Options] = None
_RESOLVED: dict[tuple[str, str], tuple[Optional[str], str, Optional[str]]] = {}
"""Resolutions by (page directory, URL): the navigation repeats the same links on every page."""
_RESOLVED_MAX = 200_000
SELF = ""
"""Resolved target meaning "the page the link is on"."""


def _init_worker(options: Optional[_Options]) -> None:
    global _OPTIONS
    _OPTIONS = options
    _RESOLVED.clear()


def _has_fragment(ids: set[str] | frozenset[str], fragment: str) -> bool:
    """True when a browser would find ``fragment`` on a page with these ids."""
    if fragment in ids or unquote(fragment) in ids:
        return True
    # HTML: "#top" scrolls to the top without any element; ":~:" starts a text fragment.
    return fragment.lower() == "top" or fragment.startswith(":~:")


def _resolve(page_dir: str, url: str, opts: _Options) -> tuple[Optional[str], str, Optional[str]]:
    """Resolve ``url`` written on a page in ``page_dir``: (target file, ``SELF`` for the same page,
    or None when not checked; fragment; problem)."""
    if not url or url == "#":
        return None, "", None
    parts = urlsplit(url)
    if parts.scheme:
        if parts.scheme.lower() == "javascript":
            return None, "", "javascript: URL"
        return None, "", None  # external: https:, mailto:, data:, tel:, ...
    if parts.netloc:
        return None, "", None  # protocol-relative //host/path
    fragment = parts.fragment
    path = unquote(parts.path)
    if not path:
        return SELF, fragment, None  # "?q#frag" on the same page
    if path.startswith("/"):
        if opts.file_urls:
            return None, "", "starts with '/': from file:// that is the root of the disk, not of the site"
        base = opts.base_path
        if not (path + "/").startswith(base):
            return None, "", f"outside the site root {base}"
        rel = path[len(base):]
        joined = posixpath.normpath(rel) if rel else "."
    else:
        joined = posixpath.normpath(posixpath.join(page_dir, path))
    if joined == ".." or joined.startswith("../"):
        return None, "", "points outside the site root"
    is_dir_link = path.endswith("/") or joined == "." or joined in opts.dirs
    if is_dir_link:
        if opts.file_urls:
            return None, "", "links to a directory: from file:// that shows a listing, not index.html"
        target = "index.html" if joined == "." else joined + "/index.html"
    else:
        target = joined
    if target not in opts.files:
        return None, "", f"no such file: {target}"
    return target, fragment, None


def _check_page(args: tuple[str, str]) -> tuple[str, frozenset[str], list[LinkProblem], list[tuple[str, str, str]]]:
    """Parse one page; return its ids, problems found without other pages, and fragments to check elsewhere."""
    page, path = args
    opts = _OPTIONS
    assert opts is not None
    parser = _PageParser()
    with open(path, encoding="utf-8", errors="replace") as fh:
        parser.feed(fh.read())
    parser.close()
    ids = parser.ids
    page_dir = posixpath.dirname(page)
    problems: list[LinkProblem] = []
    elsewhere: list[tuple[str, str, str]] = []
    for tag, attr, url, component in parser.links:
        stripped = url.strip()
        if stripped.startswith("#"):  # most links: permalinks on the same page
            target, fragment, problem = SELF, stripped[1:], None
        elif stripped[:11].lower() == "javascript:" and (stripped, component) in THEME_JAVASCRIPT:
            continue
        else:
            key = (page_dir, stripped)
            resolved = _RESOLVED.get(key)
            if resolved is None:
                if len(_RESOLVED) >= _RESOLVED_MAX:
                    _RESOLVED.clear()
                resolved = _RESOLVED[key] = _resolve(page_dir, stripped, opts)
            target, fragment, problem = resolved
        if problem:
            problems.append(LinkProblem(page, url, problem))
        elif target is None or not fragment:
            continue
        elif target == SELF or target == page:
            if not _has_fragment(ids, fragment):
                problems.append(LinkProblem(page, url, f"no element with id '{unquote(fragment)}' on this page"))
        elif target.endswith(".html"):
            elsewhere.append((target, fragment, url))
    return page, frozenset(ids), problems, elsewhere


def _walk(site: Path) -> tuple[list[str], set[str], set[str]]:
    pages: list[str] = []
    files: set[str] = set()
    dirs: set[str] = set()
    root = str(site)
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        prefix = "" if rel_dir == "." else rel_dir + "/"
        dirnames.sort()
        for d in dirnames:
            dirs.add(prefix + d)
        for name in sorted(filenames):
            rel = prefix + name
            files.add(rel)
            if name.endswith(".html"):
                pages.append(rel)
    return pages, files, dirs


def check_site(
    site_dir: Path | str,
    *,
    file_urls: bool = False,
    base_path: str = "/",
    jobs: int = 0,
) -> list[LinkProblem]:
    """Check every internal link of the built site in ``site_dir``; return the problems, sorted.

    ``file_urls``: the site is opened from disk (the offline edition). ``base_path``: the URL path
    the site is served under, for links that start with ``/`` (``/<repo>/`` on a GitHub project
    site, where MkDocs writes ``404.html`` with such links); the ``site_url`` itself works too.
    ``jobs``: processes to parse with (0: one per core, for large sites only).
    """
    site = Path(site_dir)
    if not site.is_dir():
        raise FileNotFoundError(f"{site} is not a directory")
    if "://" in base_path:  # the site_url itself, e.g. https://owner.github.io/repo/
        base_path = urlsplit(base_path).path
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    pages, files, dirs = _walk(site)
    if file_urls:
        pages = [p for p in pages if p != "404.html"]
    options = _Options(frozenset(files), frozenset(dirs), file_urls, base)
    work = [(p, os.path.join(site, p)) for p in pages]
    jobs = jobs or (os.cpu_count() or 1)
    ids: dict[str, frozenset[str]] = {}
    problems: list[LinkProblem] = []
    pending: list[tuple[str, str, str, str]] = []  # (source page, target page, fragment, url)

    def collect(results: Iterable[tuple[str, frozenset[str], list[LinkProblem], list[tuple[str, str, str]]]]) -> None:
        for page, page_ids, page_problems, elsewhere in results:
            ids[page] = page_ids
            problems.extend(page_problems)
            pending.extend((page, target, fragment, url) for target, fragment, url in elsewhere)

    if jobs > 1 and len(work) >= PARALLEL_FROM:
        # spawn, not fork: the caller may have threads (a test server, a browser driver)
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                                 initargs=(options,)) as pool:
            collect(pool.map(_check_page, work, chunksize=64))
    else:
        saved = _OPTIONS
        _init_worker(options)
        try:
            collect(map(_check_page, work))
        finally:
            _init_worker(saved)
    for source, target, fragment, url in pending:
        target_ids = ids.get(target)
        if target_ids is None:  # an .html file that is not checked (404.html offline): parse it now
            _, target_ids, _, _ = _check_with(options, target, site)
            ids[target] = target_ids
        if not _has_fragment(target_ids, fragment):
            problems.append(LinkProblem(source, url, f"no element with id '{unquote(fragment)}' on {target}"))
    return sorted(problems)


def _check_with(options: _Options, page: str, site: Path):
    saved = _OPTIONS
    _init_worker(options)
    try:
        return _check_page((page, os.path.join(site, page)))
    finally:
        _init_worker(saved)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.linkcheck",
        description="Check every internal link and anchor of a built site. Exit 1 when any is broken.",
    )
    parser.add_argument("site_dir", type=Path, help="the built site (for example site/ or site-offline/)")
    parser.add_argument("--file-urls", action="store_true",
                        help="the site is opened from disk (offline edition): "
                             "links to directories and to '/' are broken")
    parser.add_argument("--base-path", default="/",
                        help="URL path (or the site_url) the site is served under, e.g. /repo/ (default: /)")
    parser.add_argument("--jobs", type=int, default=0, help="processes to parse with (default: one per core)")
    args = parser.parse_args(argv)
    try:
        problems = check_site(args.site_dir, file_urls=args.file_urls, base_path=args.base_path, jobs=args.jobs)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} broken link(s).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
