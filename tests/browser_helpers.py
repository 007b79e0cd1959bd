"""Browser checks through Playwright and Debian's Chromium: fixtures and helpers.

Loaded as a pytest plugin by ``tests/test_browser.py`` and ``tests/test_offline.py``
(``pytest_plugins``). Each test gets a fresh browser context; the browser is shared per module.

* Chromium is ``/usr/bin/chromium`` (override with the ``CHROMIUM`` environment variable); the
  browser tests are skipped when it or Playwright is missing. Playwright never downloads browsers.
* The hosted site is served by ``http.server`` on 127.0.0.1 (a free port) in a background thread.
* Every context aborts and records requests that leave the site (anything but the local server
  or ``file://``): the archive must work with no network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Optional
from urllib.parse import unquote, urlsplit

import pytest

# The local server and Chromium's settings are the search probe's (one copy for tool and tests).
from generator.searchprobe import CHROMIUM_ARGS, SiteServer, chromium_path  # noqa: F401 - used by the tests

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
TIMEOUT_MS = 15_000
SEARCH_TIMEOUT_MS = 20_000
VIEWPORT = {"width": 1280, "height": 800}


# ---------------------------------------------------------------------------------------- watch


@dataclass
class Watch:
    """What a browser context did that a test should know about."""

    allowed: Callable[[str], bool]
    outside: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", lambda m: self.console_errors.append(f"{m.text} ({m.location.get('url', '')})")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    def problems(self) -> list[str]:
        out = [f"outside request: {u}" for u in self.outside]
        out += [f"console error: {m}" for m in self.console_errors]
        out += [f"page error: {m}" for m in self.page_errors]
        out += [f"failed request: {m}" for m in self.failed]
        return out

    def assert_clean(self) -> None:
        problems = self.problems()
        assert not problems, "the browser reported:\n  " + "\n  ".join(problems)


def _local(url: str) -> bool:
    return url.startswith(("data:", "blob:", "about:"))


def new_watched_context(browser, allowed: Callable[[str], bool], **kwargs: Any):
    """A context that aborts and records every request ``allowed`` refuses; returns (context, watch)."""
    watch = Watch(allowed)
    context = browser.new_context(viewport=VIEWPORT, **kwargs)
    context.set_default_timeout(TIMEOUT_MS)

    def route(route) -> None:
        url = route.request.url
        if allowed(url) or _local(url):
            route.continue_()
        else:
            watch.outside.append(url)
            route.abort()

    context.route("**/*", route)

    def on_request(request) -> None:  # requests the router never sees (file://) are still listed
        url = request.url
        if not (allowed(url) or _local(url)) and url not in watch.outside:
            watch.outside.append(url)

    def on_response(response) -> None:
        if response.status >= 400:
            watch.failed.append(f"{response.status} {response.url}")

    def on_failed(request) -> None:
        # ERR_ABORTED: a load cut short by the next navigation (the test clicked on), not a failure
        if allowed(request.url) and "ERR_ABORTED" not in (request.failure or ""):
            watch.failed.append(f"{request.failure} {request.url}")

    context.on("request", on_request)
    context.on("response", on_response)
    context.on("requestfailed", on_failed)
    context.on("page", watch.attach)
    return context, watch


# ---------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module (about 0.3 s to start).

    Module, not session: Playwright's sync API allows one live instance per thread, and other
    test modules (tests/test_search_engines.py) start their own with ``sync_playwright()``; a
    session-wide instance would still be running when they do.
    """
    path = chromium_path()
    if not (os.path.exists(path) or shutil.which(path)):
        pytest.skip(f"no Chromium at {path} (set CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api")
    pw = sync_api.sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
    except Exception as exc:  # pragma: no cover - depends on the machine
        pw.stop()
        pytest.skip(f"Chromium did not start: {exc}")
    yield b
    b.close()
    pw.stop()


@pytest.fixture(scope="session")
def site_server(built_site) -> Iterator[SiteServer]:
    """The hosted edition served over HTTP on 127.0.0.1."""
    with SiteServer(built_site) as server:
        yield server


@pytest.fixture(scope="session")
def archive_data(built_site) -> dict:
    """The built ``data/archive.json``: the ground truth the browser checks compare against."""
    return json.loads((built_site / "data" / "archive.json").read_text(encoding="utf-8"))


@pytest.fixture()
def hosted(browser, site_server):
    """(page, watch, base URL) in a fresh context where only the local server may be reached."""
    base = site_server.base
    context, watch = new_watched_context(browser, lambda url: url.startswith(base))
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page = context.new_page()
    yield page, watch, base
    context.close()
    assert not watch.outside, f"requests left the site: {watch.outside}"


@pytest.fixture()
def offline(browser, offline_site):
    """(page, watch, base file:// URL) in a fresh context where only file:// may be loaded."""
    base = offline_site.resolve().as_uri() + "/"
    context, watch = new_watched_context(browser, lambda url: url.startswith("file://"))
    page = context.new_page()
    yield page, watch, base
    context.close()
    assert not watch.outside, f"requests left the disk: {watch.outside}"


# ---------------------------------------------------------------------------------------- archive


def normalise(text: str) -> str:
    """Collapse every kind of whitespace (the transcripts use no-break spaces) and casefold."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


@dataclass(frozen=True)
class TurnRef:
    transcript: dict
    turn: dict
    paragraph: int  # 1-based index of the paragraph holding the phrase, 0 when none

    @property
    def page(self) -> str:
        return self.transcript["page"]

    @property
    def anchor(self) -> str:
        return self.turn["anchor"]


def turn_with_phrase(archive: dict, phrase: str) -> TurnRef:
    """The one turn whose paragraphs contain ``phrase`` (whitespace- and case-insensitive)."""
    want = normalise(phrase)
    found = []
    for t in archive["transcripts"]:
        for turn in t["turns"]:
            for k, para in enumerate(turn["paragraphs"], start=1):
                if want in normalise(para):
                    found.append(TurnRef(t, turn, k))
    where = [(f.page, f.anchor) for f in found]
    assert len(found) == 1, f"expected exactly one turn containing {phrase!r}, found {where}"
    return found[0]


def first_turn_of(archive: dict, surname: str) -> tuple[dict, TurnRef]:
    """(speaker, their first turn in archive order) for the one speaker whose name holds ``surname``."""
    people = [s for s in archive["speakers"] if surname.casefold() in s["name"].casefold()]
    assert len(people) == 1, f"expected one speaker named {surname!r}, found {people}"
    person = people[0]
    for t in archive["transcripts"]:
        for turn in t["turns"]:
            if turn["speaker"] == person["id"]:
                return person, TurnRef(t, turn, 0)
    raise AssertionError(f"{person['id']} has no turn")


def speaker_name(archive: dict, speaker_id: str) -> str:
    return next(s["name"] for s in archive["speakers"] if s["id"] == speaker_id)


# ---------------------------------------------------------------------------------------- page helpers


def url_path(url: str) -> str:
    """Path of a URL, percent-decoded (``/transcripts/x/`` or ``/tmp/.../x.html``)."""
    return unquote(urlsplit(url).path)


def url_fragment(url: str) -> str:
    return unquote(urlsplit(url).fragment)


def open_search(page, query: str) -> None:
    """Type ``query`` into Material's search box the way a reader does, and wait for results."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():  # narrow screens: the header's search icon opens the dialog
        page.locator('label.md-header__button[for="__search"]').click()
    box.click()
    page.keyboard.type(query)
    # Characters outside the US layout are typed as text input, with no keyup; Material reads
    # the query on keyup, so finish with a key that has one.
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=SEARCH_TIMEOUT_MS)


def search_links(page) -> list[dict[str, str]]:
    """Every search result link in order: href, heading text, full text."""
    return page.eval_on_selector_all(
        ".md-search-result__link",
        """links => links.map(a => ({
            href: a.href,
            heading: (a.querySelector('h1, h2') || {textContent: ''}).textContent.trim(),
            text: a.textContent,
        }))""",
    )


def element_state(page, element_id: str) -> Optional[dict[str, Any]]:
    """Whether the element with this id exists, is rendered, is in the viewport and is :target."""
    return page.evaluate(
        """id => {
            const el = document.getElementById(id);
            if (!el) return null;
            const r = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            const header = document.querySelector('.md-header');
            const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
            return {
                visible: r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none',
                // in the viewport, and its top not hidden under Material's sticky header
                inView: r.top >= headerBottom - 1 && r.top < window.innerHeight
                        && r.right > 0 && r.left < window.innerWidth,
                top: r.top,
                headerBottom: headerBottom,
                target: el.matches(':target'),
                tag: el.tagName.toLowerCase(),
            };
        }""",
        element_id,
    )


def wait_for_hash(page, anchor: str) -> None:
    page.wait_for_function("a => decodeURIComponent(location.hash) === '#' + a", arg=anchor)


def wait_for_in_view(page, element_id: str) -> dict[str, Any]:
    """Wait until the element is in the viewport (the browser scrolls after load); return its state."""
    try:
        page.wait_for_function(
            """id => { const el = document.getElementById(id); if (!el) return false;
                       const h = document.querySelector('.md-header');
                       const top = el.getBoundingClientRect().top;
                       return top >= (h ? h.getBoundingClientRect().bottom : 0) - 1 && top < innerHeight; }""",
            arg=element_id, timeout=5_000,
        )
    except Exception:
        pass  # the assertion on the returned state says what is wrong
    return element_state(page, element_id)


# ---------------------------------------------------------------------------------------- axe


BLOCKING_IMPACTS = ("serious", "critical")


def run_axe(page) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now; return its violations (id, impact, help, nodes)."""
    if not AXE_JS.exists():
        pytest.skip(f"{AXE_JS} is missing: run `make node` (npm ci)")
    # Let Material's fades and slides finish: axe measures colours mid-transition otherwise.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                      summary: n.failureSummary}))
        })))"""
    )


def blocking(violations: list[dict[str, Any]], known: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Serious and critical violations, without nodes listed in ``known`` (rule id -> CSS selector regex)."""
    known = known or {}
    out = []
    for v in violations:
        if v["impact"] not in BLOCKING_IMPACTS:
            continue
        pattern = known.get(v["id"])
        nodes = [n for n in v["nodes"] if not (pattern and re.search(pattern, n["target"]))]
        if nodes:
            out.append({**v, "nodes": nodes})
    return out


def format_violations(violations: list[dict[str, Any]], where: str = "") -> str:
    lines = [f"{len(violations)} accessibility violation(s){' on ' + where if where else ''}:"]
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for n in v["nodes"][:8]:
            summary = " ".join((n["summary"] or "").split())
            html = " ".join(n["html"].split())
            lines.append(f"    {n['target']}\n      {html}\n      {summary[:300]}")
        if len(v["nodes"]) > 8:
            lines.append(f"    ... and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


def screenshot(page, name: str, *, full_page: bool = True) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    return path
