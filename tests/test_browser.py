"""The hosted edition in a real browser: home, search, navigation, permalinks, accessibility.

Drives Debian's Chromium through Playwright against the seeds built as the hosted site
(``built_site``) and served over HTTP on 127.0.0.1. Expected values come from the built
``data/archive.json``, never from the HTML under test. Every context aborts requests that leave
the local server, and the tests fail when one was attempted.

Run alone with ``python -m pytest -m browser``; screenshots land in ``tests/screenshots/``.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

# The helpers are also this module's pytest plugin (one Chromium per session, shared with
# test_offline.py); let pytest rewrite their asserts before the import below loads them.
pytest.register_assert_rewrite("tests.browser_helpers")

from .browser_helpers import (  # noqa: E402
    blocking,
    first_turn_of,
    format_violations,
    normalise,
    open_search,
    run_axe,
    screenshot,
    search_links,
    speaker_name,
    turn_with_phrase,
    url_fragment,
    url_path,
    wait_for_hash,
    wait_for_in_view,
)

pytest_plugins = ["tests.browser_helpers"]
pytestmark = pytest.mark.browser

SITE_NAME = "Transcript Archive"

# Axe findings that come from markup outside this test's reach and are reported for a fix:
# rule id -> (regex on the node's CSS selector, the page kind where it shows). Each has a
# strict-xfail test below that starts failing (XPASS) once the markup is fixed: then delete the
# entry here.
KNOWN_AXE: dict[str, tuple[str, str]] = {
    # rule id -> (target pattern, page kind) of violations in markup we cannot change; none today.
}


def _words(texts) -> int:
    return sum(len(t.split()) for t in texts)


def _format_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def _open_result(page, href_page: str, anchor: str) -> None:
    """Click the search result link to ``/href_page#anchor`` (opening a collapsed group first)."""
    links = page.locator(".md-search-result__link")
    for k in range(links.count()):
        link = links.nth(k)
        href = link.get_attribute("href") or ""
        if url_path(href) == "/" + href_page and url_fragment(href) == anchor:
            link.evaluate("a => { const d = a.closest('details'); if (d) d.open = true; }")
            link.click()
            return
    raise AssertionError(f"no result link to /{href_page}#{anchor}")


def _pick_pages(archive: dict) -> dict[str, str]:
    """One page of each kind, chosen from the archive: the longest transcript, its first speaker..."""
    longest = max(archive["transcripts"], key=lambda t: len(t["turns"]))
    speaker = longest["speakers"][0]
    topic = longest["topics"][0]
    year = max(t["date"] for t in archive["transcripts"] if t["date"])[:4]
    return {
        "home": "",
        "transcript": longest["page"],
        "speaker": f"speakers/{speaker}/",
        "topic": f"topics/{topic}/",
        "chronology": "chronology/",
        "year": f"chronology/{year}/",
        "tags": "tags/",
        "about": "about/",
    }


# ---------------------------------------------------------------------------------------- home


def test_home_page_title_counts_and_no_console_errors(hosted, archive_data):
    page, watch, base = hosted
    page.goto(base)
    assert SITE_NAME in page.title()
    assert page.locator("h1").first.inner_text().strip() == SITE_NAME

    transcripts = archive_data["transcripts"]
    turns = sum(len(t["turns"]) for t in transcripts)
    words = sum(_words(t["summary"]) + sum(_words(turn["paragraphs"]) for turn in t["turns"]) for t in transcripts)
    speaking = {turn["speaker"] for t in transcripts for turn in t["turns"]}
    speakers = sum(1 for s in archive_data["speakers"] if not s["generic"] and s["id"] in speaking)
    dates = sorted(t["date"] for t in transcripts if t["date"])
    # numbers may be written with thousands separators: 6,760 / 6 760
    figures = [re.sub(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)", "", " ".join(x.split()))
               for x in page.locator(".ta-figures li").all_inner_texts()]
    assert f"{len(transcripts)} transcripts" in figures
    assert f"{turns} speaker turns" in figures
    assert f"{speakers} speakers" in figures
    assert f"{words} words" in figures
    assert any(f"{_format_date(dates[0])} to {_format_date(dates[-1])}" in f for f in figures), figures
    undated = len(transcripts) - len(dates)
    if undated:
        assert any(f"and {undated} undated" in f for f in figures), figures

    latest = page.locator(".ta-rows .ta-row > a").all_inner_texts()
    assert latest, "the home page lists no transcripts"
    assert set(latest) <= {t["title"] for t in transcripts}
    watch.assert_clean()


# ---------------------------------------------------------------------------------------- search


def test_search_speaker_surname_lands_on_their_turn(hosted, archive_data):
    page, watch, base = hosted
    person, ref = first_turn_of(archive_data, "Kolesnikov")
    page.goto(base)
    open_search(page, "Kolesnikov")
    links = search_links(page)
    to_turn = [l for l in links if url_path(l["href"]) == "/" + ref.page and url_fragment(l["href"]) == ref.anchor]
    assert to_turn, f"no result opens {ref.page}#{ref.anchor}: {[l['href'] for l in links]}"
    assert person["name"] in to_turn[0]["heading"], f"the result does not name the speaker: {to_turn[0]['heading']!r}"
    assert any(url_path(l["href"]) == f"/speakers/{person['id']}/" for l in links), "the speaker page is not found"

    _open_result(page, ref.page, ref.anchor)
    wait_for_hash(page, ref.anchor)
    assert url_path(page.url) == "/" + ref.page
    state = wait_for_in_view(page, ref.anchor)
    assert state and state["target"] and state["visible"] and state["inView"], state
    assert person["name"] in page.locator(f'[id="{ref.anchor}"]').inner_text()
    watch.assert_clean()


@pytest.mark.parametrize("quoted", [False, True], ids=["words", "quoted"])
@pytest.mark.parametrize("phrase", ["potassium fertiliser transit", "NATO Founding Act"])
def test_search_phrase_lands_on_the_turn_that_contains_it(hosted, archive_data, phrase, quoted):
    page, watch, base = hosted
    ref = turn_with_phrase(archive_data, phrase)
    page.goto(base)
    open_search(page, f'"{phrase}"' if quoted else phrase)
    links = search_links(page)
    sections = [l for l in links if url_path(l["href"]) == "/" + ref.page and url_fragment(l["href"])]
    assert sections, f"{ref.page} is not among the results: {[l['href'] for l in links]}"
    best = sections[0]
    assert url_fragment(best["href"]) == ref.anchor, (
        f"the best result in {ref.page} opens #{url_fragment(best['href'])}, not the turn holding "
        f"{phrase!r} (#{ref.anchor}); results: {[l['href'] for l in links]}"
    )
    highlighted = re.search(r"[?&]h=([^&#]*)", best["href"])
    assert highlighted and set(normalise(phrase).replace("-", " ").split()) <= set(
        highlighted.group(1).replace("+", " ").lower().split()
    ), f"the result did not match every word: {best['href']}"
    assert speaker_name(archive_data, ref.turn["speaker"]) in best["heading"], best["heading"]
    if quoted:
        # a quoted phrase: the first transcript section in the whole list is that turn
        in_transcripts = [l for l in links if url_path(l["href"]).startswith("/transcripts/") and url_fragment(l["href"])]
        assert in_transcripts and url_fragment(in_transcripts[0]["href"]) == ref.anchor, [l["href"] for l in links]

    _open_result(page, ref.page, ref.anchor)
    wait_for_hash(page, ref.anchor)
    assert url_path(page.url) == "/" + ref.page
    state = wait_for_in_view(page, ref.anchor)
    assert state and state["target"] and state["inView"], state
    paragraph = page.locator(f'[id="{ref.anchor}-p{ref.paragraph}"]')
    assert normalise(phrase) in normalise(paragraph.inner_text())
    watch.assert_clean()


def test_search_page_form_opens_the_results(hosted, archive_data):
    page, watch, base = hosted
    person, _ = first_turn_of(archive_data, "Kolesnikov")
    page.goto(base + "search/")
    form_input = page.locator("main input[name=q]")
    if not form_input.count():
        pytest.skip("this build's search page has no form (Pagefind)")
    form_input.fill("Kolesnikov")
    form_input.press("Enter")
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    assert "q=Kolesnikov" in page.url
    assert any(url_path(l["href"]) == f"/speakers/{person['id']}/" for l in search_links(page))
    watch.assert_clean()


# ---------------------------------------------------------------------------------------- navigation


def test_topic_tag_and_topic_link_from_a_transcript(hosted, archive_data):
    page, watch, base = hosted
    transcript = next(t for t in archive_data["transcripts"] if t["topics"])
    topics = {t["id"]: t for t in archive_data["topics"]}
    page.goto(base + transcript["page"])

    tag = page.locator("a.md-tag").first
    label = tag.inner_text().strip()
    assert label in {topics[t]["label"] for t in transcript["topics"]}
    tag.click()
    page.wait_for_url(re.compile(r"/tags/#"))
    anchor = url_fragment(page.url)
    assert anchor.startswith("tag:"), page.url
    state = wait_for_in_view(page, anchor)
    assert state and state["visible"], f"the tag index has no visible #{anchor}"
    listed = page.locator(f'[id="{anchor}"]').locator("xpath=following-sibling::*[1]").inner_text()
    assert transcript["title"] in listed, f"the tag index does not list {transcript['title']!r} under {label}"

    page.goto(base + transcript["page"])
    first_topic = topics[transcript["topics"][0]]
    page.locator(".ta-topics a", has_text=first_topic["label"]).first.click()
    page.wait_for_url(re.compile(rf"/topics/{re.escape(first_topic['id'])}/$"))
    assert page.locator("h1").first.inner_text().strip() == first_topic["label"]
    back = [url_path(h) for h in page.eval_on_selector_all(".ta-topic-item > a", "as => as.map(a => a.href)")]
    assert "/" + transcript["page"] in back, "the topic page does not list the transcript tagged with it"
    watch.assert_clean()


def test_speaker_link_then_turn_link_back_to_an_anchor(hosted, archive_data):
    page, watch, base = hosted
    transcript = max(archive_data["transcripts"], key=lambda t: len(t["turns"]))
    page.goto(base + transcript["page"])
    first = transcript["turns"][0]
    page.locator(f'[id="{first["anchor"]}"] a.ta-speaker').click()
    page.wait_for_url(re.compile(rf"/speakers/{re.escape(first['speaker'])}/$"))
    assert page.locator("h1").first.inner_text().strip() == speaker_name(archive_data, first["speaker"])

    # the speaker page links every turn; follow the last one listed for this transcript
    turn_links = page.eval_on_selector_all(".ta-turnlinks a", "as => as.map(a => a.href)")
    mine = [h for h in turn_links if url_path(h) == "/" + transcript["page"]]
    expected = [t["anchor"] for t in transcript["turns"] if t["speaker"] == first["speaker"]]
    assert [url_fragment(h) for h in mine] == expected
    target = expected[-1]
    page.locator(f'.ta-turnlinks a[href$="#{target}"]').first.click()
    wait_for_hash(page, target)
    assert url_path(page.url) == "/" + transcript["page"]
    state = wait_for_in_view(page, target)
    assert state and state["target"] and state["inView"], state
    watch.assert_clean()


def test_chronology_timeline_year_then_transcript(hosted, archive_data):
    page, watch, base = hosted
    page.goto(base)
    page.locator(".md-tabs__link", has_text="Chronology").click()
    page.wait_for_url(re.compile(r"/chronology/$"))
    years = sorted({t["date"][:4] for t in archive_data["transcripts"] if t["date"]})
    year = years[-1]
    bar = page.locator(f'.ta-timeline svg a[aria-label^="{year}:"]')
    assert bar.count() == 1, f"no timeline bar for {year}"
    bar.click()
    page.wait_for_url(re.compile(rf"/chronology/{year}/$"))
    assert page.locator("h1").first.inner_text().strip() == year
    in_year = {t["page"]: t for t in archive_data["transcripts"] if (t["date"] or "").startswith(year)}
    rows = page.locator(".ta-rows .ta-row > a")
    assert rows.count() == len(in_year)
    rows.first.click()
    page.wait_for_url(re.compile(r"/transcripts/[^/]+/$"))
    transcript = in_year[url_path(page.url).lstrip("/")]
    assert page.locator("h1").first.inner_text().strip() == transcript["title"]
    watch.assert_clean()


# ---------------------------------------------------------------------------------------- permalinks


def _paragraph_anchor(archive: dict) -> tuple[dict, str]:
    """The second paragraph of the first turn that has one."""
    for t in archive["transcripts"]:
        for turn in t["turns"]:
            if len(turn["paragraphs"]) >= 2:
                return t, f"{turn['anchor']}-p2"
    raise AssertionError("no turn with two paragraphs")


def test_paragraph_permalink_opens_and_copies(hosted, archive_data):
    page, watch, base = hosted
    transcript, anchor = _paragraph_anchor(archive_data)
    page.goto(f"{base}{transcript['page']}#{anchor}")
    assert page.evaluate("() => document.querySelector(':target') && document.querySelector(':target').id") == anchor
    state = wait_for_in_view(page, anchor)
    assert state and state["visible"] and state["inView"], state

    page.locator(f'[id="{anchor}"] a.ta-pilcrow').click()
    copied = page.evaluate("() => window.__archiveLastCopied")
    assert copied == f"{base}{transcript['page']}#{anchor}"
    clipboard = page.evaluate("() => navigator.clipboard.readText()")
    assert clipboard == copied
    watch.assert_clean()


def test_cite_button_copies_citation_with_turn_permalink(hosted, archive_data):
    page, watch, base = hosted
    transcript = max(archive_data["transcripts"], key=lambda t: len(t["turns"]))
    turn = transcript["turns"][1]
    page.goto(base + transcript["page"])
    button = page.locator(f'[id="{turn["anchor"]}"] button.ta-cite-button')
    if not button.count():
        pytest.skip("this build has no cite buttons")
    button.click()
    copied = page.evaluate("() => window.__archiveLastCopied")
    assert copied.endswith(f"{base}{transcript['page']}#{turn['anchor']}"), copied
    assert speaker_name(archive_data, turn["speaker"]) in copied
    assert transcript["title"] in copied
    watch.assert_clean()


# ---------------------------------------------------------------------------------------- accessibility


@pytest.mark.parametrize("kind", ["home", "transcript", "speaker", "topic", "chronology", "search-results"])
def test_accessibility_axe(hosted, archive_data, kind):
    page, watch, base = hosted
    pages = _pick_pages(archive_data)
    if kind == "search-results":
        page.goto(base)
        open_search(page, "Kolesnikov")
    else:
        page.goto(base + pages[kind])
    found = blocking(run_axe(page), {rule: pattern for rule, (pattern, _) in KNOWN_AXE.items()})
    assert not found, format_violations(found, f"{kind} ({page.url})")


# ---------------------------------------------------------------------------------------- screenshots


def test_screenshots_of_each_page_type(hosted, archive_data):
    page, watch, base = hosted
    shots = []
    for kind, path in _pick_pages(archive_data).items():
        page.goto(base + path)
        shots.append(screenshot(page, f"hosted-{kind}"))
    page.goto(base)
    open_search(page, "Kolesnikov")
    shots.append(screenshot(page, "hosted-search-results", full_page=False))
    for shot in shots:
        assert shot.stat().st_size > 5_000, f"{shot} looks empty"
    watch.assert_clean()
