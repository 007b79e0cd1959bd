"""The escaping helper and the front-matter writer: values read back exactly, and stay inert."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.escape import front_matter, html, yaml_string
from generator.render import Links, _relative

import posixpath


@given(st.text())
@settings(max_examples=500)
def test_yaml_string_round_trips(value):
    assert yaml.safe_load("k: " + yaml_string(value))["k"] == value


@given(st.dictionaries(st.sampled_from(["title", "description"]), st.text(), min_size=1), st.lists(st.text(), max_size=4))
@settings(max_examples=200)
def test_front_matter_reads_back_html_escaped(meta, tags):
    text = front_matter({**meta, "tags": tags, "search": {"boost": 2}})
    assert text.startswith("---\n") and text.endswith("---\n")
    data = yaml.safe_load(text[4:-4])
    for key, value in meta.items():
        assert data[key] == str(html(value))
    assert data["tags"] == [str(html(t)) for t in tags]
    assert "<" not in text and ">" not in text.replace("---\n", "")


def test_html_escapes_markup_and_entities():
    assert str(html('<script>alert("x")</script> &lt; *x* [a](b)')) == (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp;lt; *x* [a](b)"
    )


@given(st.lists(st.sampled_from(["a", "b", "cc"]), max_size=4), st.lists(st.sampled_from(["a", "b", "cc"]), max_size=4))
def test_relative_paths_match_posixpath(target, base):
    t, b = "/".join(target), "/".join(base)
    assert _relative(t, b) == posixpath.relpath(t or ".", b or ".")


def test_links_for_both_editions():
    hosted, offline = Links(True), Links(False)
    assert hosted.href("transcripts/a.md", "speakers/b.md", "x") == "../../speakers/b/#x"
    assert offline.href("transcripts/a.md", "speakers/b.md", "x") == "../speakers/b.html#x"
    assert hosted.href("transcripts/a.md", "index.md") == "../../"
    assert offline.href("transcripts/a.md", "index.md") == "../index.html"
