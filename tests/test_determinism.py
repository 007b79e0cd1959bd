"""Determinism: with SOURCE_DATE_EPOCH set, building the same input twice gives byte-identical
output, the whole site tree (data/archive.json, search/search_index.json, sitemap.xml.gz
included) and the docs dir, whatever the hash seed and the order files were written in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.register_assert_rewrite("tests.fidelity")

from . import fidelity as fx  # noqa: E402

MUST_EXIST = ("data/archive.json", "search/search_index.json", "sitemap.xml", "sitemap.xml.gz", "index.html")


def _assert_identical(a_site: Path, b_site: Path, a_docs: Path, b_docs: Path) -> None:
    for rel in MUST_EXIST:
        assert (a_site / rel).is_file(), rel
    a, b = fx.hash_tree(a_site), fx.hash_tree(b_site)
    assert a == b, "site trees differ: " + fx.tree_diff(a, b)
    a, b = fx.hash_tree(a_docs), fx.hash_tree(b_docs)
    assert a == b, "docs dirs differ: " + fx.tree_diff(a, b)


def test_seeds_build_twice_identically(built_site, built_docs, tmp_path):
    """``built_site`` ran with Python's random hash seed; this one with a fixed, different one."""
    site, docs, result = fx.build(fx.ROOT / "seeds", tmp_path, env={"PYTHONHASHSEED": "12345"})
    assert result.returncode == 0, result.stdout + result.stderr
    _assert_identical(built_site, site, built_docs, docs)


def test_corpus_builds_twice_identically(tmp_path_factory, tmp_path):
    """The bad-input corpus (Russian, re-encoded, hostile input), built again from the same folder,
    with its files created in the reverse order."""
    inp, site, docs = fx.corpus_build(tmp_path_factory)
    # Same bytes at the same paths (the path is not what this test is about), written anew in
    # the reverse order so that directory order and timestamps differ.
    files = sorted((p for p in inp.rglob("*") if p.is_file()), reverse=True)
    contents = {p: p.read_bytes() for p in files}
    for p in files:
        p.unlink()
    for p in files:
        p.write_bytes(contents[p])
    site2, docs2, result = fx.build(inp, tmp_path, env={"PYTHONHASHSEED": "7"})
    assert result.returncode == 0, result.stdout + result.stderr
    _assert_identical(site, site2, docs, docs2)


def test_sitemap_dates_follow_source_date_epoch(built_site):
    import gzip
    import time

    text = gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()).decode()
    assert time.strftime("%Y-%m-%d", time.gmtime(1700000000)) in text or "<lastmod>" not in text


def test_site_does_not_depend_on_where_the_input_is(tmp_path):
    a_in = tmp_path / "one" / "seeds"
    b_in = tmp_path / "another-place" / "transcripts"
    shutil.copytree(fx.ROOT / "seeds", a_in)
    shutil.copytree(fx.ROOT / "seeds", b_in)
    a_site, a_docs, ra = fx.build(a_in, tmp_path / "a")
    b_site, b_docs, rb = fx.build(b_in, tmp_path / "b")
    assert ra.returncode == 0 and rb.returncode == 0, ra.stderr + rb.stderr
    _assert_identical(a_site, b_site, a_docs, b_docs)
