"""Every internal link and anchor of the built sites resolves (generator/linkcheck.py).

The checker reads the built HTML, so it also sees raw ``<a href>`` in templates and what the
theme and plugins add, which MkDocs' own ``validation:`` does not check.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator import linkcheck
from generator.linkcheck import LinkProblem, check_site


def _fmt(problems: list[LinkProblem]) -> str:
    return "\n".join(str(p) for p in problems[:50]) + (f"\n... {len(problems) - 50} more" if len(problems) > 50 else "")


# ---------------------------------------------------------------------------------------- the real sites


def test_hosted_site_has_no_broken_links(built_site):
    problems = check_site(built_site)
    assert not problems, f"{len(problems)} broken link(s) in the hosted site:\n{_fmt(problems)}"


def test_offline_site_has_no_broken_links(offline_site):
    problems = check_site(offline_site, file_urls=True)
    assert not problems, f"{len(problems)} broken link(s) in the offline site:\n{_fmt(problems)}"


def test_every_transcript_turn_is_linked_and_checked(built_site):
    """The check is not vacuous: the site really links turns across pages (speaker pages)."""
    speaker_pages = list((built_site / "speakers").glob("*/index.html"))
    assert speaker_pages
    text = "".join(p.read_text(encoding="utf-8") for p in speaker_pages)
    assert text.count("/transcripts/") > 10 and "#" in text


# ---------------------------------------------------------------------------------------- a hand-made site


PAGE = """<!doctype html><html><head><title>{title}</title>
<link rel="stylesheet" href="{root}assets/site.css"><script src="{root}assets/site.js"></script></head>
<body>{body}</body></html>"""


def _site(tmp_path: Path, pages: dict[str, str], assets: bool = True) -> Path:
    """Write ``pages`` (path -> body HTML) into a site dir, each with a stylesheet and a script."""
    site = tmp_path / "site"
    for rel, body in pages.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        depth = rel.count("/")
        path.write_text(PAGE.format(title=rel, root="../" * depth, body=body), encoding="utf-8")
    if assets:
        (site / "assets").mkdir(parents=True, exist_ok=True)
        (site / "assets" / "site.css").write_text("body{}", encoding="utf-8")
        (site / "assets" / "site.js").write_text("", encoding="utf-8")
    return site


def _reasons(problems: list[LinkProblem]) -> dict[tuple[str, str], str]:
    return {(p.page, p.href): p.reason for p in problems}


def test_clean_hand_made_site_passes(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<h1 id="top-title">Home</h1><a href="a/">A</a> <a href="a/#t1">turn</a>'
                      ' <a href="#top-title">up</a>'
                      ' <a href="a/?h=x#t1">with query</a> <a href="./">self</a> <a href="#">nothing</a>'
                      ' <a href="https://example.org/x#y">out</a> <a href="mailto:a@b.c">mail</a>'
                      ' <img src="data:image/png;base64,AAAA" alt=""> <a href="//cdn.example/x">proto</a>'
                      ' <a href="caf%C3%A9/">percent</a> <a href="a/index.html#t%C3%A9">encoded anchor</a>'
                      ' <a href="a/#top">top</a> <a href="a">dir without slash</a>',
        "a/index.html": '<h2 id="t1">Turn</h2><p id="té">x</p><a name="old-style"></a><a href="../#top-title">home</a>'
                        ' <a href="../index.html">home file</a> <a href="#old-style">named</a>'
                        ' <svg><a href="../a/#t1"><rect/></a><a xlink:href="#t1"><rect/></a></svg>'
                        ' <img srcset="../assets/site.css 1x, ../assets/site.js 2x" alt="">',
        "café/index.html": "<p>accented directory</p>",
    })
    assert check_site(site) == []


def test_catches_missing_file_missing_anchor_raw_html_and_javascript(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<a href="gone/">missing page</a>'
                      ' <a href="a/#nope">missing anchor</a>'
                      ' <a href="#also-nope">missing anchor here</a>'
                      ' <div class="raw"><p>Raw HTML in Markdown: <a href="a/b/c.html">raw</a></p></div>'
                      ' <a href="javascript:alert(1)">script</a>'
                      ' <a href=" JavaScript:void(0)">script, spaced</a>'
                      ' <img src="missing.png" alt="">'
                      ' <a href="../../etc/passwd">outside</a>',
        "a/index.html": '<h2 id="t1">x</h2><a href="../../">above the root</a>'
                        ' <svg><a href="../a/#t2"><rect/></a></svg>',
    })
    found = _reasons(check_site(site))
    assert found == {
        ("index.html", "gone/"): "no such file: gone/index.html",
        ("index.html", "a/#nope"): "no element with id 'nope' on a/index.html",
        ("index.html", "#also-nope"): "no element with id 'also-nope' on this page",
        ("index.html", "a/b/c.html"): "no such file: a/b/c.html",
        ("index.html", "javascript:alert(1)"): "javascript: URL",
        ("index.html", " JavaScript:void(0)"): "javascript: URL",
        ("index.html", "missing.png"): "no such file: missing.png",
        ("index.html", "../../etc/passwd"): "points outside the site root",
        ("a/index.html", "../../"): "points outside the site root",
        ("a/index.html", "../a/#t2"): "no element with id 't2' on this page",
    }


def test_missing_stylesheet_and_script_are_caught(tmp_path):
    site = _site(tmp_path, {"index.html": "<p>x</p>", "a/index.html": "<p>y</p>"}, assets=False)
    found = _reasons(check_site(site))
    assert found[("a/index.html", "../assets/site.css")] == "no such file: assets/site.css"
    assert found[("index.html", "assets/site.js")] == "no such file: assets/site.js"


def test_only_materials_own_share_button_may_use_javascript_void(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<a href="javascript:void(0)" data-md-component="search-share">share</a>'
                      ' <a href="javascript:void(0)">not the theme</a>'
                      ' <a href="javascript:alert(1)" data-md-component="search-share">theme, other script</a>',
    })
    assert sorted(p.href for p in check_site(site)) == ["javascript:alert(1)", "javascript:void(0)"]


def test_file_urls_mode_flags_directory_links_and_root_paths(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<a href="a/">dir</a> <a href="a/index.html#t">file</a> <a href="/a/index.html">root</a>',
        "a/index.html": '<h2 id="t">x</h2><a href="../">up</a> <a href="..">up, no slash</a>',
        "404.html": '<a href="/a/">a 404 page is served by a server only</a>',
    })
    assert check_site(site) == []  # served over HTTP, all of these work
    found = _reasons(check_site(site, file_urls=True))
    assert set(found) == {("index.html", "a/"), ("index.html", "/a/index.html"), ("a/index.html", "../"),
                          ("a/index.html", "..")}
    assert found[("index.html", "a/")].startswith("links to a directory")


def test_root_relative_links_resolve_under_the_base_path(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<a href="/archive/a/#t">project site path</a> <a href="/other/">another site</a>',
        "a/index.html": '<h2 id="t">x</h2>',
    })
    found = _reasons(check_site(site, base_path="/archive/"))
    assert set(found) == {("index.html", "/other/")}
    assert "outside the site root /archive/" in found[("index.html", "/other/")]


def test_raw_html_link_passes_mkdocs_strict_build_but_not_the_checker(tmp_path):
    """The gap this checker closes: MkDocs validates Markdown links, not raw <a href>."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# Home\n\n[Other](other.md#section)\n\n"
        '<p class="raw"><a href="nowhere/">raw link</a> and <a href="other/#no-such-anchor">raw anchor</a></p>\n',
        encoding="utf-8",
    )
    (docs / "other.md").write_text("# Other\n\n## Section\n\nText.\n", encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        "site_name: T\ntheme:\n  name: material\n  font: false\nplugins: []\n"
        "validation:\n  links:\n    not_found: warn\n    anchors: warn\n    unrecognized_links: warn\n",
        encoding="utf-8",
    )
    config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(tmp_path / "site"), strict=True)
    build(config)  # strict: would raise on a broken Markdown link; the raw ones go through
    found = _reasons(check_site(tmp_path / "site"))
    assert found == {
        ("index.html", "nowhere/"): "no such file: nowhere/index.html",
        ("index.html", "other/#no-such-anchor"): "no element with id 'no-such-anchor' on other/index.html",
    }


# ---------------------------------------------------------------------------------------- command line, scale


def test_command_line_prints_problems_and_exits_1(tmp_path, capsys):
    site = _site(tmp_path, {"index.html": '<a href="gone/">x</a>'})
    assert linkcheck.main([str(site)]) == 1
    out = capsys.readouterr()
    assert out.out.strip() == "index.html: gone/: no such file: gone/index.html"
    assert "1 broken link" in out.err
    (site / "gone").mkdir()
    (site / "gone" / "index.html").write_text("<p>here</p>", encoding="utf-8")
    assert linkcheck.main([str(site)]) == 0
    assert linkcheck.main([str(tmp_path / "no-such-site")]) == 2


def test_large_site_is_checked_in_linear_time_and_in_parallel(tmp_path):
    """3,000 pages, each linking the next page's anchor: serial and parallel agree, and are quick."""
    n = 3000
    site = tmp_path / "site"
    (site / "t").mkdir(parents=True)
    for k in range(n):
        nxt = (k + 1) % n
        ids = "".join(f'<p id="p{j}">paragraph {j}</p><a href="#p{j}">¶</a>' for j in range(30))
        anchor = "p7" if k != 1234 else "p99"  # one broken anchor
        (site / "t" / f"{k}.html").write_text(
            f'<h1 id="top-{k}">{k}</h1>{ids}<a href="{nxt}.html#{anchor}">next</a><a href="../t/{nxt}.html">n</a>',
            encoding="utf-8",
        )
    start = time.perf_counter()
    serial = check_site(site, jobs=1)
    elapsed = time.perf_counter() - start
    parallel = check_site(site, jobs=2)
    broken = LinkProblem("t/1234.html", "1235.html#p99", "no element with id 'p99' on t/1235.html")
    assert serial == parallel == [broken]
    assert elapsed < 20, f"{n} pages took {elapsed:.1f}s"


@pytest.mark.parametrize("href", ["#", "", "   ", "?q=1", "https://x.example/#frag", "tel:+123", "data:text/plain,x"])
def test_links_that_are_not_checked(tmp_path, href):
    site = _site(tmp_path, {"index.html": f'<a href="{href}">x</a>'})
    assert check_site(site) == []


def test_project_site_under_a_repo_path(tmp_path):
    """GitHub Pages project site: SITE_URL puts /<repo>/ in 404.html's links; they resolve under it."""
    from .conftest import build_into

    site, _ = build_into(tmp_path, env={"SITE_URL": "https://owner.github.io/archive/"})
    assert check_site(site, base_path="https://owner.github.io/archive/") == []
    assert check_site(site, base_path="/archive/") == []
    served_at_root = check_site(site)  # the same files served at / would break the 404 page
    assert served_at_root and {p.page for p in served_at_root} == {"404.html"}
