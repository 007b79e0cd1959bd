"""Downloads: turns CSV, plain text, Markdown, BibTeX and CSL-JSON of every transcript."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import markdown
import pytest
from mkdocs.structure.files import File

from generator import downloads as D
from generator.enrich import enrich
from generator.model import Archive, Turn

EXTENSIONS = ["toc", "attr_list"]  # as in mkdocs.yml


@pytest.fixture(scope="module")
def archive(seed_transcripts, curated) -> Archive:
    return enrich(list(seed_transcripts.values()), curated)


@pytest.fixture(scope="module")
def pages(archive) -> dict[str, str]:
    out = {}
    for p in D.download_pages(archive):
        assert p.path not in out
        out[p.path] = p.text
    return out


def paragraphs(t):
    out = list(t.summary)
    for s in t.sections:
        for b in s.blocks:
            out.extend(b.paragraphs if isinstance(b, Turn) else [b])
    return out


# ------------------------------------------------------------------------------ paths
def test_paths_and_static_files(archive, pages, tmp_path):
    expected = {"data/turns.csv"}
    for e in archive.entries:
        expected |= set(D.download_paths(e.transcript.id).values())
    assert set(pages) == expected
    for path in pages:
        # MkDocs copies these as they are; a .md file would be taken for a page and rendered
        f = File(path, str(tmp_path), str(tmp_path / "site"), True)
        assert not f.is_documentation_page(), path


def test_deterministic(archive, pages):
    assert {p.path: p.text for p in D.download_pages(archive)} == pages


# ------------------------------------------------------------------------------ CSV
def test_turns_csv(archive, pages):
    text = pages["data/turns.csv"]
    assert text.startswith(",".join(D.TURN_COLUMNS) + "\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == D.TURN_COLUMNS == (
        "transcript_id", "date", "speaker_id", "label", "anchor", "word_count", "text")
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    turns = [(e, t) for e in archive.entries for t in e.transcript.turns()]
    assert len(body) == len(turns) == 41
    for row, (e, turn) in zip(body, turns):
        assert row["transcript_id"] == e.transcript.id
        assert row["date"] == (e.transcript.date.value or "")
        assert (row["speaker_id"], row["label"], row["anchor"]) == (turn.speaker, turn.label, turn.anchor)
        assert row["text"] == "\n\n".join(p.text for p in turn.paragraphs)
        assert int(row["word_count"]) == sum(len(p.text.split()) for p in turn.paragraphs)
    per_seed = {}
    for row in body:
        per_seed[row["transcript_id"][:3]] = per_seed.get(row["transcript_id"][:3], 0) + 1
    assert per_seed == {"000": 2, "001": 8, "002": 5, "003": 25, "004": 1}


# ------------------------------------------------------------------------------ plain text
def test_txt_holds_every_word(archive, pages):
    for e in archive.entries:
        t = e.transcript
        text = pages[D.download_paths(t.id)["txt"]]
        assert text.startswith((t.title.value or t.id) + "\n\nDate: ")
        for p in paragraphs(t):
            assert p.text in text
        for h in t.headings():
            assert "\n\n" + h.text + "\n\n" in text or text.endswith("\n\n" + h.text + "\n")
        for turn in t.turns():
            first = turn.paragraphs[0].text if turn.paragraphs else ""
            assert f"{turn.label}: {first}" in text
        if t.source.value:
            assert f"Source: {t.source.value}\n" in text
        if t.place.value:
            assert f"Place: {t.place.value}\n" in text
    assert "Date: June 8, 2016 (2016-06-08)\n" in pages["downloads/000_e1b8126810e250a3.txt"]
    assert "Date: Undated\n" in pages["downloads/004_70defebb133c6857.txt"]


# ------------------------------------------------------------------------------ Markdown
def rendered_text(md_text: str) -> str:
    out = markdown.markdown(md_text, extensions=EXTENSIONS)
    return html.unescape(re.sub(r"<[^>]+>", "", out))


@pytest.mark.parametrize(
    "text",
    [
        "*x* _y_ **z** __w__",
        "[a](b) ![img](c) <http://example.org>",
        "<script>alert(1)</script> &lt; &amp; & <b>",
        "# not a heading",
        "## Not a heading either",
        "1. not a list",
        "2) not a list",
        "- not a list",
        "+ not a list",
        "* not a list",
        "> not a quote",
        "`code` and ``more``",
        "back\\slash \\* and {: .class #id}",
        "US$38.5 billion, about $3 billion",
        "---",
        "    four spaces",
        "a | b | c",
    ],
)
def test_md_escape_round_trips(text):
    out = markdown.markdown(D.md_escape(text), extensions=EXTENSIONS)
    assert out.startswith("<p>") and out.endswith("</p>")
    inner = out[3:-4]
    assert "<" not in inner.replace("&lt;", "")  # no element came from the text
    assert html.unescape(inner) == text.lstrip()


def test_markdown_download(archive, pages):
    for e in archive.entries:
        t = e.transcript
        md_text = pages[D.download_paths(t.id)["md"]]
        assert md_text.startswith("# ")
        out = markdown.markdown(md_text, extensions=EXTENSIONS)
        assert out.count("<h1") == 1 and out.count("<h2") == len(t.headings())
        assert "<script" not in out and "<em>" not in out
        plain = rendered_text(md_text)
        for p in paragraphs(t):
            assert p.text in plain, p.text[:60]
        for turn in t.turns():
            assert f"<strong>{html.escape(turn.label, quote=False)}:</strong>" in out


# ------------------------------------------------------------------------------ BibTeX
def parse_bibtex(text: str) -> tuple[str, str, dict[str, str]]:
    """A small BibTeX reader: entry type, key and braced or bare field values (braces balanced)."""
    body = "\n".join(line for line in text.splitlines() if not line.startswith("%"))
    m = re.match(r"\s*@(\w+)\{([^,\s]+),\n", body)
    assert m, body[:80]
    fields, pos = {}, m.end()
    while True:
        f = re.compile(r"\s*(\w+) = ").match(body, pos)
        if not f:
            break
        pos = f.end()
        if body[pos] == "{":
            depth, start = 0, pos
            while True:
                ch = body[pos]
                if ch == "\\":
                    pos += 2
                    continue
                depth += ch == "{"
                depth -= ch == "}"
                pos += 1
                if depth == 0:
                    break
            value = body[start + 1:pos - 1]
        else:
            bare = re.compile(r"\w+").match(body, pos)
            value, pos = bare.group(), bare.end()
        fields[f.group(1)] = value
        if body[pos] == ",":
            pos += 1
    assert body[pos:].strip() == "}", body[pos:]
    return m.group(1), m.group(2), fields


def bib_unescape(value: str) -> str:
    value = value.replace(r"\textbackslash{}", "\\").replace(r"\^{}", "^").replace(r"\~{}", "~")
    return re.sub(r"\\([{}%&$#_])", r"\1", value)


def test_bibtex(archive, pages):
    keys = set()
    for e in archive.entries:
        t = e.transcript
        kind, key, fields = parse_bibtex(pages[D.download_paths(t.id)["bib"]])
        assert kind == "misc" and key not in keys
        keys.add(key)
        assert bib_unescape(fields["title"]) == "{" + (t.title.value or t.id) + "}"
        assert fields["url"] == e.page
        if t.date.value:
            assert fields["date"] == t.date.value and fields["year"] == t.date.value[:4]
        else:
            assert "date" not in fields and "year" not in fields
        if t.source.value:
            assert bib_unescape(fields["howpublished"]) == t.source.value
        if t.place.value:
            assert bib_unescape(fields["note"]).startswith(t.place.value + ". ")
    _, _, fields = parse_bibtex(pages["downloads/000_e1b8126810e250a3.bib"])
    assert fields["month"] == "jun"


def test_bib_escape_balances_braces():
    text = "100% {odd} $5 #1 a_b ^ ~ \\ & }{"
    escaped = D.bib_escape(text)
    assert bib_unescape(escaped) == text
    depth = 0
    for ch in re.sub(r"\\.", "", escaped.replace(r"\textbackslash{}", "").replace(r"\^{}", "").replace(r"\~{}", "")):
        depth += (ch == "{") - (ch == "}")
        assert depth >= 0
    assert depth == 0


# ------------------------------------------------------------------------------ CSL-JSON
def test_csl_json(archive, pages):
    for e in archive.entries:
        t = e.transcript
        items = json.loads(pages[D.download_paths(t.id)["csl"]])
        assert isinstance(items, list) and len(items) == 1
        item = items[0]
        assert item["id"] == t.id and item["title"] == (t.title.value or t.id)
        assert item["type"] in {"speech", "interview", "article"}
        assert item["URL"] == e.page
        if t.date.value:
            assert item["issued"] == {"date-parts": [[int(x) for x in t.date.value.split("-")]]}
        else:
            assert "issued" not in item
        assert item.get("container-title") == t.source.value
        assert item.get("publisher-place") == t.place.value
    by_id = {e.transcript.id[:3]: json.loads(pages[D.download_paths(e.transcript.id)["csl"]])[0] for e in archive.entries}
    assert by_id["000"]["type"] == "speech" and by_id["004"]["type"] == "article"
    assert by_id["000"]["issued"] == {"date-parts": [[2016, 6, 8]]}


def test_base_url(archive):
    e = archive.entries[0]
    assert json.loads(D.csl_json(e, archive, base_url="https://example.org/archive/"))[0]["URL"] == (
        "https://example.org/archive/" + e.page)
    assert "url = {https://example.org/archive/" + e.page + "}" in D.bibtex(e, archive, base_url="https://example.org/archive")


def test_tei_is_among_the_downloads(archive, pages):
    for e in archive.entries:
        text = pages[D.download_paths(e.transcript.id)["tei"]]
        assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"')
