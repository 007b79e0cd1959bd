"""Pages do not grow with the archive: every page stays bounded, and a transcript's page is the
same size whatever the number of transcripts around it."""

from __future__ import annotations

import pytest

from generator.build import generate
from generator.synthetic import make_corpus

from .conftest import SEEDS

pytestmark = pytest.mark.slow

PAGE_LIMIT = 600_000
"""Bytes of Markdown any generated page (not data file) may have at these sizes."""


@pytest.fixture(scope="module")
def sizes(tmp_path_factory):
    out = {}
    for n in (60, 600):
        folder = tmp_path_factory.mktemp(f"n{n}")
        make_corpus(SEEDS, folder, n, seed=3)
        generated = generate(folder)
        assert generated.ok, [str(p) for p in generated.problems if p.severity == "error"][:5]
        out[n] = {p.path: len(p.text.encode("utf-8")) for p in generated.pages}
    return out


def test_no_page_grows_without_bound(sizes):
    big = {path: size for path, size in sizes[600].items() if path.endswith(".md") and size > PAGE_LIMIT}
    assert not big, big


def test_a_transcript_page_does_not_depend_on_n(sizes):
    shared = [p for p in sizes[60] if p.startswith("transcripts/") and p in sizes[600]]
    assert shared
    for path in shared[:20]:
        small, large = sizes[60][path], sizes[600][path]
        # only the related/previous/next links may differ
        assert abs(large - small) <= 0.1 * small + 2000, (path, small, large)


def test_large_topics_are_split_by_year(sizes):
    assert any(p.startswith("topics/") and p.count("/") == 2 for p in sizes[600]) or all(
        size <= PAGE_LIMIT for p, size in sizes[600].items() if p.startswith("topics/")
    )
