"""The MkDocs hook that passes generated HTML bodies through changes nothing but the build time."""

from __future__ import annotations

import filecmp
from pathlib import Path

import markdown
import pytest
from mkdocs.structure.pages import _RawHTMLPreprocessor
from mkdocs.utils import meta as mkdocs_meta

from generator import mkdocs_hooks
from generator.site import mkdocs_build
from generator.synthetic import make_corpus

from .conftest import ROOT, SEEDS, build_into


@pytest.fixture(scope="module")
def docs_dirs(built_docs, tmp_path_factory) -> list[Path]:
    """The seeds' docs dir and a small synthetic archive's (split pages, figures, journalists)."""
    tmp = tmp_path_factory.mktemp("hooks")
    corpus = tmp / "corpus"
    make_corpus(SEEDS, corpus, 40)
    _, docs = build_into(tmp, corpus)
    return [built_docs, docs]


def _generated(docs: Path) -> list[Path]:
    return sorted(p for p in docs.rglob("*.md") if (p.relative_to(docs).as_posix() != "about.md"))


def test_every_generated_page_but_a_tag_listing_is_marked(docs_dirs):
    for docs in docs_dirs:
        for path in _generated(docs):
            body, meta = mkdocs_meta.get_data(path.read_text(encoding="utf-8"))
            listing = "<!-- material/tags -->" in body
            assert meta.get("html_body") is (None if listing else True), path


def test_marked_bodies_are_what_markdown_would_make_of_them(docs_dirs):
    """Markdown passes the raw HTML blocks through unchanged, and collects the same anchors."""
    checked = 0
    for docs in docs_dirs:
        for path in _generated(docs):
            body, meta = mkdocs_meta.get_data(path.read_text(encoding="utf-8"))
            if not meta.get("html_body"):
                continue
            md = markdown.Markdown(extensions=["toc", "attr_list"])
            collector = _RawHTMLPreprocessor()
            collector._register(md)
            assert md.convert(body) == body.strip("\n"), path
            assert mkdocs_hooks.anchor_ids(body) == collector.present_anchor_ids, path
            checked += 1
    assert checked > 100


def test_the_built_site_is_byte_identical_with_and_without_the_hook(docs_dirs, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.delenv("SITE_URL", raising=False)
    plain = tmp_path / "mkdocs-no-hooks.yml"
    plain.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\nhooks: []\n", encoding="utf-8")
    from mkdocs.config import load_config

    assert load_config(str(plain), docs_dir=str(docs_dirs[0]))["hooks"] == {}
    assert list(load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs_dirs[0]))["hooks"]) == ["generator/mkdocs_hooks.py"]
    for k, docs in enumerate(docs_dirs):
        with_hook, without = tmp_path / f"hook{k}", tmp_path / f"plain{k}"
        mkdocs_build(ROOT / "mkdocs.yml", docs, with_hook)
        mkdocs_build(plain, docs, without)
        files = sorted(p.relative_to(with_hook) for p in with_hook.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(without) for p in without.rglob("*") if p.is_file())
        assert any(f.suffix == ".html" for f in files)
        _, mismatch, errors = filecmp.cmpfiles(with_hook, without, [str(f) for f in files], shallow=False)
        assert not mismatch and not errors, (mismatch, errors)


def test_markdown_links_to_downloads_still_resolve(built_docs, tmp_path, monkeypatch):
    """Hand-written pages may link to generated files with Markdown links; strict mode checks them."""
    import shutil

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    docs = tmp_path / "docs"
    shutil.copytree(built_docs, docs)
    bib = sorted((docs / "downloads").glob("*.bib"))[0].name
    (docs / "notes.md").write_text(f"# Notes\n\nSee [the BibTeX entry](downloads/{bib}).\n", encoding="utf-8")
    mkdocs_build(ROOT / "mkdocs.yml", docs, tmp_path / "site")
    assert (tmp_path / "site" / "downloads" / bib).exists()
    assert f'href="../downloads/{bib}"' in (tmp_path / "site" / "notes" / "index.html").read_text(encoding="utf-8")


def test_a_page_changed_after_mkdocs_read_it_is_read_again_whole(tmp_path):
    """`mkdocs serve` may rebuild while the watch loop rewrites a page: the body is re-parsed."""
    path = tmp_path / "p.md"
    path.write_text('---\ntitle: "A"\nhtml_body: true\n---\n\n<p id="x">old</p>\n', encoding="utf-8")
    page = type("P", (), {})()
    page.file = type("F", (), {"abs_src_path": str(path)})()
    page.markdown = '\n<p id="x">old</p>\n'
    mkdocs_hooks._render_verbatim(page, None, None)
    path.write_text('---\ntitle: "A longer title"\nhtml_body: true\n---\n\n<p id="y">new text</p>\n', encoding="utf-8")
    mkdocs_hooks.on_page_context({}, page, None, None)
    assert page.content == '<p id="y">new text</p>' and page.present_anchor_ids == {"y"}


def test_downloads_are_hard_links_to_the_docs_dir_files(built_docs, tmp_path, monkeypatch):
    """The site's downloads and data exports are the docs dir's files linked, not copied; every other
    file is a copy."""
    import os

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = tmp_path / "site"
    mkdocs_build(ROOT / "mkdocs.yml", built_docs, site)
    downloads = sorted((built_docs / "downloads").iterdir())
    assert len(downloads) >= 25  # five per seed transcript
    data = sorted((built_docs / "data").iterdir())
    assert {p.name for p in data} >= {"archive.json", "turns.csv", "figures.csv"}
    for source in downloads + data:
        assert os.path.samefile(source, site / source.parent.name / source.name), source.name
    css = built_docs / "assets" / "archive.css"
    assert not os.path.samefile(css, site / "assets" / "archive.css")
    assert (site / "assets" / "archive.css").read_bytes() == css.read_bytes()


def test_a_link_replaces_an_old_file_or_falls_back_to_a_copy(tmp_path, monkeypatch):
    import os

    source, dest = tmp_path / "a.txt", tmp_path / "b.txt"
    source.write_text("new", encoding="utf-8")
    dest.write_text("old", encoding="utf-8")
    mkdocs_hooks._link(str(source), str(dest))  # a dirty build: the old file is replaced
    assert os.path.samefile(source, dest)

    dest.unlink()

    def no_links(src, dst):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    mkdocs_hooks._link(str(source), str(dest))
    assert dest.read_text(encoding="utf-8") == "new" and not os.path.samefile(source, dest)
