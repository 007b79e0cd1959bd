"""What Pagefind is given to index: the generated page bodies, minus what it would ignore, in parts."""

from __future__ import annotations

import re
from collections import Counter

from generator.render import Page
from generator.search import PAGEFIND_PART, bundle, choose, search_documents

_TAG = re.compile(r"<[^>]+>")
_HEADING_ID = re.compile(r'<h[1-6] id="([^"]*)"')


def _pages(docs) -> list[Page]:
    return [Page(p.relative_to(docs).as_posix(), p.read_text(encoding="utf-8")) for p in sorted(docs.rglob("*.md"))]


def _words(html: str) -> Counter:
    return Counter(_TAG.sub(" ", html).split())


def test_index_copy_keeps_every_word_and_heading_anchor(built_docs):
    pages = {p.path: p for p in _pages(built_docs)}
    (docs,) = search_documents(pages.values(), 1)
    paths = [path for path, _ in docs]
    assert "index.html" in paths and "transcripts/000_e1b8126810e250a3/index.html" in paths
    assert not any(p.startswith(("figures/", "downloads/", "tags/", "search/", "about/")) for p in paths)
    for path, doc in docs:
        src = "index.md" if path == "index.html" else path[: -len("/index.html")] + ".md"
        if src not in pages:
            src = src[:-3] + "/index.md"
        body = pages[src].text.split("\n---\n", 1)[1]
        assert _HEADING_ID.findall(doc) == _HEADING_ID.findall(body), path
        assert '<p id="' not in doc and "ta-pilcrow" not in doc and "ta-cite-button" not in doc, path
        # only the ignored controls' own text is gone
        lost = _words(body) - _words(doc)
        assert set(lost) <= {"¶", "#", "cite"}, (path, lost)
        assert doc.startswith('<!DOCTYPE html>\n<html lang="en">')


def test_transcripts_are_split_into_balanced_parts(built_docs):
    pages = _pages(built_docs)
    parts = search_documents(pages, 2)
    assert len(parts) == 2
    transcripts = [p for part in parts for p, _ in part if p.startswith("transcripts/")]
    assert sorted(transcripts) == transcripts and len(set(transcripts)) == len(transcripts) == 5
    assert [sum(p.startswith("transcripts/") for p, _ in part) for part in parts] == [3, 2]
    assert all(p.startswith("transcripts/") for p, _ in parts[1])  # the other pages go with part 0


def test_part_count_follows_the_archive_size():
    assert choose("pagefind", 10, offline=False).parts == 1
    assert choose("pagefind", PAGEFIND_PART, offline=False).parts == 1
    assert choose("pagefind", PAGEFIND_PART + 1, offline=False).parts == 2
    assert choose("auto", 10_000, offline=False, part_size=2000).parts == 5
    assert choose("lunr", 10_000, offline=False).parts == 1
    assert [bundle(k) for k in range(3)] == ["pagefind/", "pagefind/part-1/", "pagefind/part-2/"]

