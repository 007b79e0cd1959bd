"""The offline edition (``build --offline``) opened from disk over ``file://`` with no network.

The browser context aborts and records every request that is not ``file://``; each test fails
if one was attempted. Search runs on Material's ``search/search_index.js`` through the local
iframe-worker shim (``extra.polyfills``), and every link must open an ``.html`` file (a
directory link shows a listing from ``file://``).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

# See test_browser.py: the helpers are also the session's browser plugin.
pytest.register_assert_rewrite("tests.browser_helpers")

from .browser_helpers import (  # noqa: E402
    first_turn_of,
    normalise,
    open_search,
    screenshot,
    search_links,
    turn_with_phrase,
    url_fragment,
    url_path,
    wait_for_hash,
    wait_for_in_view,
)

pytest_plugins = ["tests.browser_helpers"]


def offline_path(page: str) -> str:
    """The offline file of a transcript's ``page`` in archive.json: ``transcripts/x/`` -> ``transcripts/x.html``."""
    return page if page.endswith(".html") else page.rstrip("/") + ".html"


@pytest.fixture(scope="module")
def archive_data(offline_site) -> dict:
    """The offline edition's own ``data/archive.json`` (the hosted site is not built for these tests)."""
    return json.loads((offline_site / "data" / "archive.json").read_text(encoding="utf-8"))


def site_relative(url: str, base: str) -> str:
    """``file:///.../site-offline/a/b.html?h=x#y`` -> ``a/b.html``."""
    path, root = url_path(url), url_path(base)
    assert path.startswith(root), f"{url} is outside the offline site {base}"
    return path[len(root):]


# ---------------------------------------------------------------------------------------- no network, statically

# <link rel> values that do not make the browser fetch anything
NOT_LOADED_RELS = {"canonical", "alternate", "author", "license", "help", "next", "prev", "me", "bookmark",
                   "external", "nofollow", "noopener", "noreferrer", "search", "tag"}
SRC_TAGS = {"script", "img", "iframe", "frame", "embed", "audio", "video", "source", "track", "input"}
REMOTE = re.compile(r"^\s*(?:https?:)?//", re.I)
CSS_REMOTE = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])\s*(?:https?:)?//""", re.I)
JS_REMOTE = re.compile(
    r"""(?:\bsrc\s*[=:]\s*\\?["'`]|importScripts\(\s*["'`]|new\s+(?:Shared)?Worker\(\s*["'`]|fetch\(\s*["'`]"""
    r"""|\bimport\(\s*["'`]|\bfrom\s*["'`])\s*https?://""",
    re.I,
)


class _LoadedRefs(HTMLParser):
    """URLs an HTML page makes the browser load (not plain links), with the tag that loads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        urls = []
        if tag in SRC_TAGS and "src" in a:
            urls.append(a["src"])
        for key in ("srcset", "imagesrcset"):
            if key in a:
                urls += [c.strip().split(" ")[0] for c in a[key].split(",") if c.strip()]
        if tag == "video" and "poster" in a:
            urls.append(a["poster"])
        if tag == "object" and "data" in a:
            urls.append(a["data"])
        if tag == "link" and "href" in a and not set(a.get("rel", "").lower().split()) <= NOT_LOADED_RELS:
            urls.append(a["href"])
        if tag in ("image", "use", "feimage"):
            urls += [a[k] for k in ("href", "xlink:href") if k in a]
        for url in urls:
            if REMOTE.match(url):
                self.refs.append(f"<{tag}> {url}")
        if CSS_REMOTE.search(a.get("style", "")):
            self.refs.append(f"<{tag} style> {a['style'][:120]}")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style and CSS_REMOTE.search(data):
            self.refs.append(f"<style> {CSS_REMOTE.search(data).group(0)}")


def outside_references(site: Path) -> list[str]:
    problems = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            parser = _LoadedRefs()
            parser.feed(path.read_text(encoding="utf-8"))
            problems += [f"{rel}: {r}" for r in parser.refs]
        elif path.suffix == ".css":
            problems += [f"{rel}: {m.group(0)}" for m in CSS_REMOTE.finditer(path.read_text(encoding="utf-8"))]
        elif path.suffix in (".js", ".mjs"):
            text = path.read_text(encoding="utf-8", errors="replace")
            problems += [f"{rel}: {m.group(0)}" for m in JS_REMOTE.finditer(text)]
    return problems


def test_offline_files_load_nothing_from_outside(offline_site):
    assert (offline_site / "search" / "search_index.js").is_file(), "no offline search index"
    problems = outside_references(offline_site)
    assert not problems, "the offline edition would load from the network:\n  " + "\n  ".join(problems)


def test_outside_reference_scan_catches_scripts_styles_and_fonts(tmp_path):
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://cdn.example/x.css"><link rel="canonical" href="https://example.org/">'
        '<script src="//unpkg.com/iframe-worker/shim"></script><a href="https://example.org/">fine</a>'
        '<img srcset="a.png 1x, https://img.example/b.png 2x"><div style="background:url(https://x.example/i.png)">'
        "<style>@import 'https://fonts.googleapis.com/css';</style>",
        encoding="utf-8",
    )
    (tmp_path / "a.css").write_text("@font-face { src: url(https://fonts.gstatic.com/f.woff2) }", encoding="utf-8")
    (tmp_path / "a.js").write_text('s.src="https://cdn.example/x.js"; var t = "see https://example.org";',
                                   encoding="utf-8")
    found = outside_references(tmp_path)
    assert len(found) == 7, found
    assert not any("canonical" in f or "example.org" in f for f in found), found


# ---------------------------------------------------------------------------------------- in the browser


@pytest.mark.browser
def test_offline_search_finds_a_speaker_and_a_phrase(offline, archive_data, offline_site):
    page, watch, base = offline
    person, ref = first_turn_of(archive_data, "Kolesnikov")
    page.goto(base + "index.html")
    open_search(page, "Kolesnikov")
    links = search_links(page)
    target = offline_path(ref.page)
    hits = [l for l in links if site_relative(l["href"], base) == target and url_fragment(l["href"]) == ref.anchor]
    assert hits, f"no result opens {target}#{ref.anchor}: {[l['href'] for l in links]}"
    assert person["name"] in hits[0]["heading"]
    page.locator(f'.md-search-result__link[href*="#{ref.anchor}"]').first.click()
    wait_for_hash(page, ref.anchor)
    assert site_relative(page.url, base) == target
    state = wait_for_in_view(page, ref.anchor)
    assert state and state["target"] and state["inView"], state

    phrase = turn_with_phrase(archive_data, "potassium fertiliser transit")
    page.goto(base + "index.html")
    open_search(page, '"potassium fertiliser transit"')
    sections = [l for l in search_links(page)
                if site_relative(l["href"], base) == offline_path(phrase.page) and url_fragment(l["href"])]
    assert sections and url_fragment(sections[0]["href"]) == phrase.anchor, [l["href"] for l in sections]
    screenshot(page, "offline-search-results", full_page=False)

    # the search page's form and links use ?q=, which Material reads on load
    if (offline_site / "search.html").exists():
        page.goto(base + "search.html?q=Kolesnikov")
        page.wait_for_selector(".md-search-result__item", timeout=20_000)
        assert any(site_relative(l["href"], base) == f"speakers/{person['id']}.html" for l in search_links(page))
    watch.assert_clean()


@pytest.mark.browser
def test_offline_navigation_home_chronology_year_transcript_anchors(offline, archive_data):
    page, watch, base = offline
    page.goto(base + "index.html")
    screenshot(page, "offline-home")
    page.locator(".md-tabs__link", has_text="Chronology").click()
    page.wait_for_url(re.compile(r"/chronology/index\.html$"))

    year = max(t["date"] for t in archive_data["transcripts"] if t["date"])[:4]
    page.locator(f'.ta-timeline svg a[aria-label^="{year}:"]').click()
    page.wait_for_url(re.compile(rf"/chronology/{year}\.html$"))
    assert page.locator("h1").first.inner_text().strip() == year

    by_file = {offline_path(t["page"]): t for t in archive_data["transcripts"]}
    page.locator(".ta-rows .ta-row > a").first.click()
    page.wait_for_url(re.compile(r"/transcripts/[^/]+\.html$"))
    transcript = by_file[site_relative(page.url, base)]
    assert page.locator("h1").first.inner_text().strip() == transcript["title"]

    # a participant's turn count links to their first turn on the same page
    first = transcript["turns"][0]
    page.locator(f'.ta-participants a[href="#{first["anchor"]}"]').click()
    wait_for_hash(page, first["anchor"])
    state = wait_for_in_view(page, first["anchor"])
    assert state and state["target"] and state["inView"], state

    # speaker page, then its link to this speaker's last turn here
    page.locator(f'[id="{first["anchor"]}"] a.ta-speaker').click()
    page.wait_for_url(re.compile(rf"/speakers/{re.escape(first['speaker'])}\.html$"))
    last = [t["anchor"] for t in transcript["turns"] if t["speaker"] == first["speaker"]][-1]
    page.locator(f'.ta-turnlinks a[href="../{offline_path(transcript["page"])}#{last}"]').first.click()
    wait_for_hash(page, last)
    assert site_relative(page.url, base) == offline_path(transcript["page"])
    state = wait_for_in_view(page, last)
    assert state and state["target"] and state["inView"], state
    screenshot(page, "offline-transcript")
    watch.assert_clean()


@pytest.mark.browser
def test_offline_paragraph_permalink(offline, archive_data):
    page, watch, base = offline
    transcript = next(t for t in archive_data["transcripts"] if any(len(x["paragraphs"]) >= 2 for x in t["turns"]))
    turn = next(x for x in transcript["turns"] if len(x["paragraphs"]) >= 2)
    anchor = f"{turn['anchor']}-p2"
    page.goto(f"{base}{offline_path(transcript['page'])}#{anchor}")
    state = wait_for_in_view(page, anchor)
    assert state and state["target"] and state["visible"] and state["inView"], state
    assert normalise(turn["paragraphs"][1]) in normalise(page.locator(f'[id="{anchor}"]').inner_text())
    page.locator(f'[id="{anchor}"] a.ta-pilcrow').click()
    copied = page.evaluate("() => window.__archiveLastCopied")
    assert copied and copied.startswith("file://") and copied.endswith(f"{offline_path(transcript['page'])}#{anchor}")
    watch.assert_clean()
