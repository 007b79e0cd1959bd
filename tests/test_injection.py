"""Nothing injected: hostile text in any field reaches the page as text, never as markup.

The injection cases of ``tests/bad_inputs/`` (``injection/`` and the generated
``injection_filename``) put ``<script>``, ``<img onerror>``, ``<iframe>``, ``javascript:`` and
``data:`` links, HTML comments, entities, Markdown, YAML-breaking quotes, Jinja and
``<!-- material/tags -->`` into the title, the place, speaker labels and roles, the body, the file
name and a sidecar's title, place, source and kind.

Static checks parse every built page (stdlib ``html.parser``) and compare with a clean build of
the seeds (``built_site``): the same scripts, no event-handler attributes, no frames, no
``javascript:``/``data:`` URLs, no outside URLs the seeds do not have, only elements and attributes
that the seeds' pages or our templates contain, and the injected strings visible as text. They run
on the injection site and on the build of the whole bad-input corpus.

The browser check opens every page of the injection site in Chromium: no dialog, no
``window.__pwned`` (every payload sets it), no request leaving 127.0.0.1, also after a search.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

pytest.register_assert_rewrite("tests.fidelity", "tests.browser_helpers")

from . import fidelity as fx  # noqa: E402

pytest_plugins = ["tests.browser_helpers"]

INJECTION_CASES = ("injection", "injection_filename")
URL_ATTRS = ("href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcset", "background", "cite", "ping")
FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "fencedframe"}
BAD_SCHEME = re.compile(r"^(?:javascript|data|vbscript|blob|file):", re.I)
SITE_NAME = "Transcript Archive"


# ------------------------------------------------------------------------------ sites


@pytest.fixture(scope="module")
def injection_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("injection")
    for case in INJECTION_CASES:
        fx.materialise(case, work / "input" / case)
    site, docs, result = fx.build(work / "input", work)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    return fx.corpus_build(tmp_path_factory)[1]


@pytest.fixture(params=["injection", "corpus"])
def hostile_site(request) -> Path:
    return request.getfixturevalue(f"{request.param}_site")


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# ------------------------------------------------------------------------------ what a clean site holds


def _rel_url(site: Path, page: Path, url: str) -> str:
    """A URL written on ``page`` as a path from the site root (outside URLs unchanged)."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.I):
        return url
    base = "http://site/" + page.relative_to(site).as_posix()
    return urlsplit(urljoin(base, url)).path


def _normal_script(text: str) -> str:
    """Inline script text without the page's depth (``../..`` and ``.`` bases differ per page)."""
    text = re.sub(r"(?:\.\./)+", "", text)
    return re.sub(r'"\.\.?"', '"BASE"', text).strip()


def inventory(site: Path) -> dict[str, set]:
    """Scripts, styles, outside URLs, tags and attribute names of every page of ``site``."""
    inv: dict[str, set] = {k: set() for k in ("script_src", "script_inline", "style", "external", "tags", "attrs", "http_equiv", "comments")}
    for page in html_pages(site):
        root, comments = fx.parse_html(page.read_text(encoding="utf-8"))
        inv["comments"].update(c.strip() for c in comments)
        for node in root.iter():
            if node.tag == "#document":
                continue
            inv["tags"].add(node.tag)
            inv["attrs"].update(name for name, _ in node.raw_attrs)
            if node.tag == "script":
                if "src" in node.attrs:
                    inv["script_src"].add(_rel_url(site, page, node.attrs["src"]))
                else:
                    inv["script_inline"].add(_normal_script("".join(c for c in node.children if isinstance(c, str))))
            if node.tag == "style":
                inv["style"].add("".join(c for c in node.children if isinstance(c, str)).strip())
            if node.tag == "meta" and "http-equiv" in node.attrs:
                inv["http_equiv"].add(node.attrs["http-equiv"].lower())
            for attr in URL_ATTRS:
                if attr in node.attrs and re.match(r"^\s*(?:https?:)?//", node.attrs[attr], re.I):
                    inv["external"].add(node.attrs[attr].strip())
    return inv


def template_vocabulary() -> tuple[set[str], set[str]]:
    """Tags and attribute names that our templates write (Jinja stripped, then parsed as HTML)."""
    tags, attrs = set(), set()
    for path in sorted((fx.ROOT / "templates").glob("*.j2")):
        text = re.sub(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", "x", path.read_text(encoding="utf-8"), flags=re.S)
        root, _ = fx.parse_html(text)
        for node in root.iter():
            if node.tag != "#document":
                tags.add(node.tag)
                attrs.update(name for name, _ in node.raw_attrs)
    return tags, attrs


@pytest.fixture(scope="module")
def clean(built_site) -> dict[str, set]:
    inv = inventory(built_site)
    tags, attrs = template_vocabulary()
    inv["tags"] |= tags
    inv["attrs"] |= attrs
    return inv


def test_the_clean_site_has_no_event_handlers_or_frames(clean):
    assert not [a for a in clean["attrs"] if a.startswith("on")]
    assert not clean["tags"] & FORBIDDEN_TAGS


# ------------------------------------------------------------------------------ static checks


def test_no_event_handler_attributes(hostile_site):
    found = []
    for page in html_pages(hostile_site):
        root, _ = fx.parse_html(page.read_text(encoding="utf-8"))
        for node in root.iter():
            for name, value in node.raw_attrs:
                if name.lower().startswith("on"):
                    found.append(f"{page.relative_to(hostile_site)}: <{node.tag} {name}={value!r}>")
    assert not found, found


def test_no_frames_objects_or_base(hostile_site):
    found = []
    for page in html_pages(hostile_site):
        root, _ = fx.parse_html(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(hostile_site)}: <{n.tag}>" for n in root.iter() if n.tag in FORBIDDEN_TAGS]
    assert not found, found


def script_urls(root: fx.Node) -> list[tuple[str, str, str]]:
    """(tag, attribute, value) of every javascript:, data:, vbscript:, blob: or file: URL."""
    out = []
    for node in root.iter():
        for attr in URL_ATTRS:
            value = node.attrs.get(attr)
            if value is not None and BAD_SCHEME.match(re.sub(r"[\x00-\x20]", "", value)):
                out.append((node.tag, attr, value))
    return out


def test_no_javascript_or_data_urls(hostile_site, built_site):
    """Only the ones a clean build has (Material's search share button: javascript:void(0))."""
    allowed = {u for page in html_pages(built_site) for u in script_urls(fx.parse_html(page.read_text(encoding="utf-8"))[0])}
    assert allowed <= {("a", "href", "javascript:void(0)")}, allowed
    found = []
    for page in html_pages(hostile_site):
        root, _ = fx.parse_html(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(hostile_site)}: {u}" for u in script_urls(root) if u not in allowed]
    assert not found, found


def test_same_scripts_styles_and_outside_urls_as_a_clean_build(hostile_site, clean):
    inv = inventory(hostile_site)
    assert inv["script_src"] <= clean["script_src"], inv["script_src"] - clean["script_src"]
    assert inv["script_inline"] <= clean["script_inline"], [s[:200] for s in inv["script_inline"] - clean["script_inline"]]
    assert inv["style"] <= clean["style"], inv["style"] - clean["style"]
    assert inv["external"] <= clean["external"], inv["external"] - clean["external"]
    assert inv["http_equiv"] <= clean["http_equiv"], inv["http_equiv"] - clean["http_equiv"]


def test_only_elements_and_attributes_we_write(hostile_site, clean):
    inv = inventory(hostile_site)
    assert inv["tags"] <= clean["tags"], inv["tags"] - clean["tags"]
    assert inv["attrs"] <= clean["attrs"], inv["attrs"] - clean["attrs"]


def test_no_injected_html_comments(hostile_site, clean):
    inv = inventory(hostile_site)
    assert inv["comments"] <= clean["comments"], inv["comments"] - clean["comments"]


def test_search_index_holds_text_not_markup(hostile_site):
    """Material's search shows titles and text from the index as HTML: they must be escaped."""
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    harmless = {"p", "ul", "ol", "li", "code", "pre", "strong", "em", "b", "i", "table", "thead", "tbody", "tr",
                "th", "td", "sup", "sub", "mark", "kbd", "br", "hr", "dl", "dt", "dd", "blockquote", "h1", "h2",
                "h3", "h4", "h5", "h6", "span", "small", "abbr", "cite", "q", "s", "u", "del", "ins"}
    found = []
    for doc in index["docs"]:
        for key in ("title", "text"):
            root, comments = fx.parse_html(doc.get(key) or "")
            for node in root.iter():
                if node.tag == "#document":
                    continue
                if node.tag not in harmless or node.raw_attrs:
                    found.append(f"{doc['location']} {key}: <{node.tag} {node.raw_attrs}>")
            if comments:
                found.append(f"{doc['location']} {key}: comments {comments}")
    assert not found, found[:10]


def test_sitemap_and_front_matter_survive(injection_site):
    import gzip
    import xml.etree.ElementTree as ET

    ET.fromstring((injection_site / "sitemap.xml").read_bytes())
    ET.fromstring(gzip.decompress((injection_site / "sitemap.xml.gz").read_bytes()))
    docs = injection_site.parent / "docs"
    import yaml

    for md in sorted((docs / "transcripts").glob("*.md")):
        text = md.read_text(encoding="utf-8")
        assert text.startswith("---\n")
        meta = yaml.safe_load(text.split("---\n", 2)[1])
        assert isinstance(meta, dict) and isinstance(meta.get("title"), str) and meta["title"].strip(), md.name
        # Nothing of the input escaped the front matter: the Markdown after it opens with our HTML.
        assert text.split("---\n", 2)[2].lstrip().startswith("<"), md.name


# ------------------------------------------------------------------------------ the strings stay visible


def _record(site: Path, tid: str) -> dict:
    return next(t for t in fx.load_archive(site)["transcripts"] if t["id"] == tid)


def _page(site: Path, tid: str) -> tuple[fx.Node, str]:
    html = fx.transcript_page(site, _record(site, tid)).read_text(encoding="utf-8")
    root, _ = fx.parse_html(html)
    return root, fx.norm_space(fx.article(root).text())


def _payload_lines(case_file: Path, skip: int = 0) -> list[str]:
    out = []
    for line in case_file.read_text(encoding="utf-8").splitlines()[skip:]:
        s = line.strip()
        if not s or re.fullmatch(r"(?:[-*_]\s*){3,}", s):
            continue  # blank lines, and separators (which become <hr>)
        out.append(s)
    return out


def test_body_payloads_are_visible_verbatim(injection_site):
    _, text = _page(injection_site, "inject_body")
    missing = []
    for line in _payload_lines(fx.BAD_INPUTS / "injection" / "inject_body.txt", skip=4):
        m = re.match(r"^(Vladimir Putin|Alexander Lukashenko): (.*)$", line)
        want = m.group(2) if m else line
        if fx.norm_space(want) not in text:
            missing.append(want)
    assert not missing, missing
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp; &copy; &#60;script&#62; &#x3C;" in text
    assert "{{ 7*7 }}" in text and "49" not in text


def test_title_and_place_payloads_are_visible(injection_site):
    rec = _record(injection_site, "inject_title")
    root, text = _page(injection_site, "inject_title")
    title = rec["title"]
    assert title.startswith("<script>") and title in text
    assert "Minsk <script>window.__pwned=2</script>" in text
    [h1] = fx.article(root).find_all(lambda n: n.tag == "h1")
    assert fx.norm_space(h1.text()) == title
    page_title = root.find(lambda n: n.tag == "title")
    assert fx.norm_space(page_title.text()) == f"{title} - {SITE_NAME}"
    _, place_text = _page(injection_site, "inject_place")
    assert "June 8, 2016, <script>window.__pwned=3;alert(3)</script>" in place_text


def test_label_and_role_payloads_are_visible(injection_site):
    _, text = _page(injection_site, "inject_label")
    assert "Vladimir <img src=x onerror=window.__pwned=4;alert(4)> Putin: Hello from a label that is not a label." in text
    assert "Chair of &quot;Q&amp;A&quot; Ivan Petrovsky:" in text
    assert "Chair of \"Q&A\" `raw` _Board_ & R&D ~ $ % ^ \\ Ivan O'Petrov-Smith" in text
    assert "(Channel & \"News\" 'TV' `x` _y_ %)" in text
    speaker = (injection_site / "speakers" / "ivan-o-petrov-smith" / "index.html").read_text(encoding="utf-8")
    root, _ = fx.parse_html(speaker)
    assert "Chair of \"Q&A\" `raw` _Board_ & R&D ~ $ % ^ \\" in fx.norm_space(root.text())
    assert fx.norm_space(root.find(lambda n: n.tag == "title").text()) == f"Ivan O'Petrov-Smith - {SITE_NAME}"


def test_sidecar_payloads_are_visible(injection_site):
    import yaml

    side = yaml.safe_load((fx.BAD_INPUTS / "injection" / "inject_sidecar.meta.yaml").read_text(encoding="utf-8"))
    root, text = _page(injection_site, "inject_sidecar")
    for key in ("title", "place", "source", "kind"):
        assert fx.norm_space(side[key]) in text, key
    assert fx.norm_space(root.find(lambda n: n.tag == "title").text()) == f"{side['title']} - {SITE_NAME}"
    chronology = fx.parse_html((injection_site / "chronology" / "2016" / "index.html").read_text(encoding="utf-8"))[0]
    assert side["title"] in fx.norm_space(chronology.text())


def test_file_name_payload_is_visible(injection_site):
    _, text = _page(injection_site, "inject_-img-src-x-onerror-window-__pwned-16-amp")
    assert "inject_<img src=x onerror=window.__pwned=16>&amp;.txt" in text


def test_tags_marker_in_text_does_not_make_a_tag_listing(injection_site):
    root, text = _page(injection_site, "inject_body")
    assert "<!-- material/tags -->" in text
    assert not fx.article(root).find(lambda n: "md-tags" in " ".join(n.classes()))


# ------------------------------------------------------------------------------ in a browser

PWNED_PROBE = """() => ({
    pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
    handlers: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
        .filter(a => a.name.toLowerCase().startsWith('on')).map(a => el.tagName + ' ' + a.name)),
    frames: document.querySelectorAll('iframe, object, embed, frame, base').length,
    bad_urls: [...document.querySelectorAll('[href], [src], [action]')].map(el =>
        el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action'))
        .filter(u => /^\\s*(javascript|data|vbscript):/i.test(u) && u !== 'javascript:void(0)'),
})"""


@pytest.mark.browser
def test_no_payload_runs_in_chromium(browser, injection_site):
    from .browser_helpers import SiteServer, new_watched_context

    pages = [p.relative_to(injection_site).as_posix() for p in html_pages(injection_site)]
    pages = [p for p in pages if p.endswith("index.html") or p == "404.html"]
    assert len(pages) >= 10
    with SiteServer(injection_site) as server:
        context, watch = new_watched_context(browser, lambda url: url.startswith(server.base))
        dialogs: list[str] = []
        try:
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message} on {page.url}"), d.dismiss()))
            problems = []
            for rel in pages:
                url = server.base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
                page.goto(url, wait_until="load")
                page.wait_for_timeout(50)
                state = page.evaluate(PWNED_PROBE)
                if state["pwned"] is not None or state["handlers"] or state["frames"] or state["bad_urls"]:
                    problems.append(f"{rel}: {state}")
            # Search for pages whose titles and text carry payloads: Material renders results from
            # the index as HTML.
            results = 0
            for query in ("Sidecar", "markup", "quotes"):
                page.goto(server.base + "transcripts/inject_body/", wait_until="load")
                page.locator("input.md-search__input").click()
                page.keyboard.type(query)
                page.keyboard.press("End")
                page.wait_for_selector(".md-search-result__item", timeout=20_000)
                page.wait_for_timeout(300)
                results += page.locator(".md-search-result__item").count()
                state = page.evaluate(PWNED_PROBE)
                if state["pwned"] is not None or state["handlers"] or state["frames"] or state["bad_urls"]:
                    problems.append(f"search results for {query!r}: {state}")
        finally:
            context.close()
    assert not dialogs, dialogs
    assert not watch.outside, f"requests left the site: {watch.outside}"
    assert not problems, problems
    assert results >= 1
    assert not watch.page_errors, watch.page_errors


# ------------------------------------------------------------------------------ downloads


def test_downloads_hold_text_not_markup(hostile_site):
    """TEI XML parses and has only TEI elements (an XHTML <script> in an .xml file opened in a
    browser would run); JSON parses; the payloads survive as text in the TEI body."""
    import xml.etree.ElementTree as ET

    downloads = sorted((hostile_site / "downloads").glob("*")) if (hostile_site / "downloads").is_dir() else []
    xml_files = [p for p in downloads if p.suffix == ".xml"]
    if not xml_files:
        pytest.skip("this build writes no XML downloads")
    foreign = []
    for path in xml_files:
        root = ET.parse(path).getroot()
        for el in root.iter():
            ns = el.tag.split("}")[0].lstrip("{") if el.tag.startswith("{") else ""
            if ns not in ("http://www.tei-c.org/ns/1.0", "http://www.w3.org/XML/1998/namespace"):
                foreign.append(f"{path.name}: <{el.tag}>")
    assert not foreign, foreign[:10]
    for path in downloads:
        if path.name.endswith(".json"):
            json.loads(path.read_text(encoding="utf-8"))
    body = hostile_site / "downloads" / "inject_body.xml"
    if body.exists():
        text = fx.norm_space(" ".join(ET.parse(body).getroot().itertext()))
        for line in ("<script>window.__pwned=5;alert(5)</script>", "<!-- material/tags -->", "{{ 7*7 }} {% raw %}"):
            assert line in text, line
