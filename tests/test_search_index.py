"""What Pagefind is given to index: the generated page bodies, minus what it would ignore, in parts."""

from __future__ import annotations

import re
from collections import Counter

from generator.render import Page
from generator.search import (
    PAGEFIND_PART, VOCABULARY_FILTER, VOCABULARY_PAGE, bundle, choose, document_words, normal_words, search_documents,
    vocabularies,
)

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


# Vocabulary pages: every part knows every word of the archive, so that several words keep
# meaning "the pages holding all of them" when the search page merges the parts.

def test_words_pagefind_may_skip_are_not_counted_as_indexed():
    doc = ('<article data-pagefind-body><h1>Grain harvest</h1>'
           '<dl data-pagefind-ignore><dd>Minsk <span data-pagefind-ignore>ignored</span></dd>'
           '<dl><dd>nested</dd></dl></dl><p>after <svg><text>chart</text><rect/></svg> end</p>'
           '<nav><nav>inner</nav>outer</nav><br/><p>AT&amp;T’s “tail”</p></article>')
    everything, indexed = document_words(doc)
    assert {"minsk", "ignored", "nested", "chart", "inner", "outer"} <= everything
    assert not {"minsk", "ignored", "nested", "chart", "inner", "outer"} & indexed
    assert {"grain", "harvest", "after", "end", "at&amp;t’s", "“tail”"} <= indexed
    assert normal_words(indexed) == {"grain", "harvest", "after", "end", "at&t’s", "tail"}


def test_an_unclosed_ignored_element_hides_the_rest():
    everything, indexed = document_words("<p>kept</p><section data-pagefind-ignore><p>lost")
    assert indexed == {"kept"} and everything == {"kept", "lost"}


def test_each_part_gets_the_words_it_lacks_and_only_those():
    parts = [
        document_words('<p>Nuclear icebreaker, "Arktika"</p><footer>Moscow</footer>'),
        document_words("<p>Nuclear power &amp; grain</p>"),
        document_words("<p>Grain harvest</p>"),
    ]
    pages = vocabularies(parts)
    assert [path for path, _ in pages] == [VOCABULARY_PAGE] * 3
    words = [re.search(r"<p>(.*)</p>", text).group(1).split() for _, text in pages]
    assert words[0] == ["grain", "harvest", "moscow", "power"]  # sorted; "moscow" only in a footer; "&" is no word
    assert words[1] == ["arktika", "harvest", "icebreaker", "moscow"]
    assert words[2] == ["arktika", "icebreaker", "moscow", "nuclear", "power"]
    for _, text in pages:
        assert f'data-pagefind-filter="{VOCABULARY_FILTER}:yes"' in text and "data-pagefind-body" in text
    assert vocabularies(parts) == pages  # deterministic


def test_vocabulary_text_never_becomes_markup():
    _, (_, hostile) = vocabularies([document_words("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;</p>"),
                                    document_words("<p>calm</p>")])
    assert "<script" not in hostile and "<b>" not in hostile and "<p>b script&gt;alert(1)&lt;/script</p>" in hostile
