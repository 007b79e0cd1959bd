"""Figures: extraction of money, percentages and counts; the figures index and per-topic pages."""

from __future__ import annotations

import csv
import io
import re

import markdown
import pytest

from generator import figures as F
from generator.enrich import enrich
from generator.model import Archive, Entry, Field, Paragraph, Person, Section, Topic, Transcript, Turn
from generator.render import Links, Renderer


def found(text: str) -> list[tuple[str, float, str, bool, str]]:
    """(text as written, value, unit, approximate, qualifier) of every figure in ``text``."""
    out = []
    for r in F.find_figures(text):
        out.append((text[r.start:r.end], r.value, r.unit, bool(r.qualifier) or r.high is not None, r.qualifier))
    return out


# ------------------------------------------------------------------------------ line shapes (seeds)
@pytest.mark.parametrize(
    "sentence, expected",
    [
        # money
        ("trade increased by more than a third in 2021, or 34.4 percent, and amounted to a significant amount of US$38.5 billion.",
         [("34.4 percent", 34.4, "percent", False, ""), ("US$38.5 billion", 38.5e9, "USD", False, "")]),
        ("Bilateral trade in January to April of this year totalled $7.6 billion, which is 12 percent less than in the same period of last year.",
         [("$7.6 billion", 7.6e9, "USD", False, ""), ("12 percent", 12, "percent", False, "")]),
        ("Exports from Belarus were about $3 billion, a decrease of 6 percent over January-April.",
         [("about $3 billion", 3e9, "USD", True, "about"), ("6 percent", 6, "percent", False, "")]),
        ("Imports from Russia exceeded $4.5 billion, but that’s still a 15 percent decline.",
         [("exceeded $4.5 billion", 4.5e9, "USD", True, "exceeded"), ("15 percent", 15, "percent", False, "")]),
        ("But countries remember the times when mutual trade reached more than 40 billion dollars a year.",
         [("more than 40 billion dollars", 40e9, "USD", True, "more than")]),
        ("bilateral trade is on the rise and reached a record level of over US$43 billion last year.",
         [("over US$43 billion", 43e9, "USD", True, "over")]),
        ("your companies had ordered over US$300 million worth of products from our IT specialists",
         [("over US$300 million", 300e6, "USD", True, "over")]),
        # percentages
        ("We are not getting about 20% to the level of last year.", [("about 20%", 20, "percent", True, "about")]),
        ("Russian investment accounts for about 30 percent of total foreign investment in Belarus.",
         [("about 30 percent", 30, "percent", True, "about")]),
        ("we have accomplished more than 90 percent of the tasks we set for ourselves.",
         [("more than 90 percent", 90, "percent", True, "more than")]),
        ("the Belarusian side fulfilled last year’s plans one hundred percent.",
         [("one hundred percent", 100, "percent", False, "")]),
        # a list of percentages continues with bare numbers; the money after it is its own figure
        ("we have quite a growth: over 30 percent, 35 or even over 38, and almost US$35 billion worth of trade.",
         [("over 30 percent", 30, "percent", True, "over"), ("35", 35, "percent", False, ""),
          ("over 38", 38, "percent", True, "over"), ("almost US$35 billion", 35e9, "USD", True, "almost")]),
        # counts
        ("they are almost 1,500 km long.", [("almost 1,500 km", 1500, "km", True, "almost")]),
        ("We have already produced about 2.5 million doses in Belarus using Russian technology.",
         [("about 2.5 million doses", 2.5e6, "doses", True, "about")]),
        ("We also discussed efforts to implement the 28 sectoral programmes of the Union.",
         [("28 sectoral programmes", 28, "programmes", False, "")]),
        ("our colleagues worked closely on this and prepared 28 good programmes.",
         [("28 good programmes", 28, "programmes", False, "")]),
        ("It approved the main directions as well as the 28 Union State programmes.",
         [("28 Union State programmes", 28, "programmes", False, "")]),
        ("Let me remind you that our prime ministers held eight meetings last year.",
         [("eight meetings", 8, "meetings", False, "")]),
        ("they are making up to a thousand component parts.", [("up to a thousand component parts", 1000, "parts", True, "up to")]),
        # a range is approximate; "over" before a time span means "during"
        ("We will tranship millions of tonnes of cargo over 12 to 18 months", [("12 to 18 months", 12, "months", True, "")]),
    ],
)
def test_line_shapes(sentence, expected):
    assert found(sentence) == expected


def test_bare_billions_take_the_currency_of_the_paragraph():
    text = ("Despite the pandemic, we increased our trade to almost 40 billion. And then exports and imports "
            "between people – this is billions of dollars too.")
    [raw] = F.find_figures(text)
    assert text[raw.start:raw.end] == "almost 40 billion"
    assert (raw.value, raw.unit, raw.kind, raw.currency, raw.currency_inferred) == (40e9, "USD", "money", "USD", True)
    [alone] = F.find_figures("We increased our trade to almost 40 billion.")
    assert (alone.kind, alone.unit, alone.currency) == ("amount", "", "")


def test_range_upper_bound_and_scale():
    [raw] = F.find_figures("It will cost $2–3 billion.")
    assert (raw.value, raw.high, raw.unit) == (2e9, 3e9, "USD")
    [raw] = F.find_figures("Prices rose 40bn roubles, or 5-7%.")[1:]
    assert (raw.value, raw.high, raw.unit) == (5, 7, "percent")


def test_other_currencies_and_glued_scales():
    assert found("a loan of 1.5 billion Russian roubles") == [("1.5 billion Russian roubles", 1.5e9, "RUB", False, "")]
    assert found("some €600 million") == [("some €600 million", 600e6, "EUR", True, "some")]
    assert found("worth $40bn in total") == [("$40bn", 40e9, "USD", False, "")]
    assert found("over €5m") == [("over €5m", 5e6, "EUR", True, "over")]
    assert found("$ 5 billion and USD 2 billion") == [("$ 5 billion", 5e9, "USD", False, ""), ("USD 2 billion", 2e9, "USD", False, "")]


def test_changes_and_between_ranges():
    # "from X to Y": two figures, the first taking the unit and scale of the second
    assert found("trade increased from 30 to 35 percent") == [("30", 30, "percent", False, ""), ("35 percent", 35, "percent", False, "")]
    [first, second] = F.find_figures("from 3 to 5 billion dollars")
    assert (first.value, first.unit, first.currency_inferred) == (3e9, "USD", True)
    assert (second.value, second.currency_inferred) == (5e9, False)
    assert found("between 10 and 15 percent") == [("10 and 15 percent", 10, "percent", True, "")]
    assert found("from 2016 to 2024 trade grew") == []


@pytest.mark.parametrize(
    "text",
    [
        "it increased by more than a third in 2021.",
        "In January-April 2014, bilateral trade fell.",
        "the upcoming nationwide referendum of the new version of the Belarusian Constitution on February 27.",
        "the strategic decisions approved at the November 4, 2021, meeting of the Supreme State Council.",
        "Vladimir Putin: Superjet 100.",
        "the Superjet 100 aircraft",
        "we praised the Allied Resolve 2022 military exercises, the active phase of which will run until February 20 in Belarus.",
        "As for the 2022 exercises that are nearing completion",
        "the provisions of the Treaty for 2021–2023 as well",
        "the state of 1997 when the Russia-NATO Founding Act was signed",
        "they are ready to start manufacturing the Su-25 aircraft and parts for the MC-21.",
        "the 3rd meeting and the 21st century",
        "the events of August 2020 will be repeated.",
        "on 27 February the vote takes place",
        "2020 turned out to be difficult.",
        "We have a lot to discuss with our two states and the two countries.",
        "discuss our relations one-on-one; they are preparing for round two.",
        "this is billions of dollars too, several billion dollars.",
        "the G20 summit and 5G networks",
        "from February 3 to 5 May",
        "At 10:30 we met under Article 5 of the treaty, a 30-year contract in 2019 prices, since the 1990s.",
        "COVID-19 cases, 24/7 service and a growth of 1.5 times",
    ],
)
def test_not_figures(text):
    assert found(text) == []


def test_sentences_split_at_full_stops_not_at_initials():
    text = "A. Lukashenko met S. Lavrov. Trade grew 12 percent! Did it? Yes, Mr. Putin said so."
    parts = [text[a:b] for a, b in F.sentences(text)]
    assert parts == ["A. Lukashenko met S. Lavrov.", "Trade grew 12 percent!", "Did it?", "Yes, Mr. Putin said so."]


# ------------------------------------------------------------------------------ the seeds
@pytest.fixture(scope="module")
def archive(seed_transcripts, curated) -> Archive:
    return enrich(list(seed_transcripts.values()), curated)


@pytest.fixture(scope="module")
def extracted(archive):
    return F.extract(archive)


SEED_FIGURES = {
    "000": ["20 years", "$7.6 billion", "12 percent", "about $3 billion", "6 percent", "exceeded $4.5 billion",
            "15 percent", "30 percent", "about 12 percent"],
    "001": ["34.4 percent", "US$38.5 billion", "about 30 percent", "28 sectoral programmes", "28 programmes",
            "eight meetings", "almost 1,500 km", "28 Union State programmes", "about 30 percent", "almost 40 billion",
            "eight years", "more than 90 percent", "12 to\xa018 months", "30 percent", "90 percent", "10 percent",
            "about 2.5 million doses"],
    "002": ["28 good programmes", "28 programmes", "over 30 percent", "35", "over 38", "almost US$35 billion"],
    "003": ["over US$43 billion", "28 joint programmes", "US$50 billion", "about US$44 billion", "over US$300 million",
            "more than US$300 million", "US$300 million", "three months", "one hundred percent",
            "up to a thousand component parts", "three plants", "28 programmes", "about 80 percent"],
    "004": ["about 20%", "more than 40 billion dollars"],
}


def test_every_seed_figure(extracted):
    got: dict[str, list[str]] = {}
    for f in extracted:
        got.setdefault(f.transcript[:3], []).append(f.text)
    assert got == SEED_FIGURES


def test_figure_fields_hold_their_invariants(archive, extracted):
    entries = {e.transcript.id: e for e in archive.entries}
    topic_ids = {t.id for t in archive.topics}
    for f in extracted:
        e = entries[f.transcript]
        assert f.sentence[f.start:f.end] == f.text
        assert f.date == e.transcript.date.value
        assert f.approximate == (bool(f.qualifier) or f.high is not None)
        assert set(f.topics) <= topic_ids
        paragraphs = {p.anchor: (p, spk) for p, spk in F._paragraphs(e)}
        para, speaker = paragraphs[f.anchor]
        assert f.sentence in para.text and f.speaker == speaker
        if f.kind == "money":
            assert f.unit == f.currency != ""
    for word in ("Superjet 100", "2021", "2022", "February 27", "1997", "2014"):
        assert not any(f.text == word or f.text.endswith(" " + word) for f in extracted), word


def test_seed_values_and_speakers(extracted):
    by_text = {(f.transcript[:3], f.text): f for f in extracted}
    f = by_text[("001", "US$38.5 billion")]
    assert (f.value, f.unit, f.speaker, f.date, f.anchor) == (38.5e9, "USD", "vladimir-putin", "2022-02-18", "vladimir-putin-1-p6")
    assert "trade" in f.topics
    f = by_text[("004", "more than 40 billion dollars")]
    assert (f.speaker, f.date, f.paragraph_kind, f.anchor) == ("", None, "narration", "n3")
    f = by_text[("002", "almost US$35 billion")]
    assert f.approximate and f.qualifier == "almost" and "trade" in f.topics
    f = by_text[("001", "almost 40 billion")]
    assert f.currency_inferred and f.unit == "USD"


def test_trade_figures_in_time(extracted):
    trade_usd = [(f.date, f.text) for f in extracted if "trade" in f.topics and f.unit == "USD"]
    assert trade_usd[:6] == [
        ("2016-06-08", "$7.6 billion"), ("2016-06-08", "about $3 billion"), ("2016-06-08", "exceeded $4.5 billion"),
        ("2022-02-18", "US$38.5 billion"), ("2022-02-18", "almost 40 billion"), ("2022-02-18", "almost US$35 billion"),
    ]
    assert all(d is None for d, _ in trade_usd[6:])


def test_extract_is_deterministic(archive, extracted):
    assert F.extract(archive) == extracted


# ------------------------------------------------------------------------------ pages
SITE_EXTENSIONS = [["toc", "attr_list"], ["toc", "attr_list", "md_in_html"]]
"""mkdocs.yml's Markdown extensions, and the same with md_in_html (which the site used before)."""
INLINE = ("a", "span", "code", "mark", "time", "abbr", "strong", "em", "q", "b", "i", "small", "sup", "sub")


def body_of(text: str) -> str:
    assert text.startswith("---\n")
    return text.split("---\n", 2)[2]


def check_markdown_safe(text: str) -> None:
    """Every non-empty line starts with a block-level tag (or a template comment-free SVG line)."""
    for line in body_of(text).splitlines():
        if not line.strip():
            continue
        m = re.match(r"<(/?)([a-zA-Z][\w-]*)", line)
        assert m, f"line does not start with a tag: {line[:80]!r}"
        assert m.group(2).lower() not in INLINE, f"line starts with an inline tag: {line[:80]!r}"


@pytest.fixture(scope="module", params=[True, False], ids=["hosted", "offline"])
def pages(request, archive, extracted):
    return {p.path: p.text for p in F.figure_pages(archive, Links(request.param), extracted)}


def test_page_paths(pages, extracted):
    topics_with = sorted({t for f in extracted for t in f.topics})
    expected = {"figures/index.md", "data/figures.csv"} | {f"figures/{t}.md" for t in topics_with}
    if any(not f.topics for f in extracted):
        expected.add("figures/no-topic.md")
    assert set(pages) == expected


def test_pages_are_markdown_safe_and_scriptless(pages):
    for path, text in pages.items():
        if path.endswith(".md"):
            check_markdown_safe(text)
            assert "<script" not in text.lower()


def test_index_counts_and_links(pages, extracted):
    index = pages["figures/index.md"]
    assert f"{len(extracted)} figures stated in 5 transcripts" in index
    assert re.search(r'<a href="(trade/|trade\.html)">Trade</a></td><td>(\d+)</td>', index)
    trade = sum(1 for f in extracted if "trade" in f.topics)
    assert re.search(r'>Trade</a></td><td>%d</td>' % trade, index)
    assert "data/figures.csv" in index


def test_trade_page_table_and_chart(pages, extracted):
    page = pages["figures/trade.md"]
    trade = [f for f in extracted if "trade" in f.topics]
    assert page.count("<tr><td>") == len(trade)
    dated_usd = [f for f in trade if f.unit == "USD" and f.date]
    assert page.count("<circle ") == len(dated_usd) == 6
    assert page.count("ta-chart__point--approximate") == sum(1 for f in dated_usd if f.approximate) == 4
    assert page.index("<figure") < page.index("<svg") < page.index("</svg>") < page.index("</figure>")
    # table rows by date, undated last
    dates = re.findall(r'<tr><td>(?:<time datetime="([\d-]+)">|(Undated))', page)
    keys = [d or "9999" for d, _ in dates]
    assert keys == sorted(keys)
    assert "#vladimir-putin-1-p6" in page and "<mark>US$38.5 billion</mark>" in page
    assert "2016" in page and "2022" in page
    # through Python-Markdown with the site's extensions, the raw HTML survives intact
    for extensions in SITE_EXTENSIONS:
        html = markdown.markdown(body_of(page), extensions=extensions)
        assert html.count("<circle ") == 6 and "<p><a" not in html and "<p><g" not in html
        assert html.count("<tr><td>") == len(trade)


def test_figures_csv(pages, extracted):
    rows = list(csv.DictReader(io.StringIO(pages["data/figures.csv"], newline="")))
    assert len(rows) == len(extracted)
    assert rows[1]["text"] == extracted[1].text and float(rows[1]["value"]) == extracted[1].value
    assert pages["data/figures.csv"].count("\r\n") >= len(rows) + 1


def test_renderer_is_accepted(archive, extracted):
    by_renderer = F.figure_pages(archive, Renderer(archive), extracted)
    by_links = F.figure_pages(archive, Links(True), extracted)
    assert by_renderer == by_links


# ------------------------------------------------------------------------------ hostile input
def _one_paragraph_archive(text: str, label: str = "Speaker <b>X</b>") -> Archive:
    para = Paragraph(text, 3, "speech", "x-1-p1")
    turn = Turn(label, "X", "", "", 2, (para,), speaker="x", anchor="x-1")
    t = Transcript(
        id="t1", file="t1.txt", title=Field("Title *t* <i>", "text"), date=Field("2020-05-01", "text"),
        place=Field(None, "none"), source=Field(None, "none"), kind="talks", summary=(),
        sections=(Section(None, (turn,)),),
    )
    topic = Topic("trade", "Trade <&>", "d", ("trade",))
    entry = Entry(t, "transcripts/t1/", "transcripts/t1.md", ("x",), (), ())
    return Archive((entry,), (Person("x", "X <script>"),), (topic,))


def test_hostile_text_is_escaped():
    text = "<script>alert(1)</script> *x* [a](b) trade of $5 billion & `code` {: .y}"
    a = _one_paragraph_archive(text)
    pages = {p.path: p.text for p in F.figure_pages(a, Links(True))}
    page = pages["figures/trade.md"]
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "X &lt;script&gt;" in page and "Trade &lt;&amp;&gt;" in page
    check_markdown_safe(page)
    for extensions in SITE_EXTENSIONS:
        html = markdown.markdown(body_of(page), extensions=extensions)
        assert "<em>" not in html and "<script>" not in html and "<code>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; *x* [a](b)" in html
    assert 'title: "Figures: Trade &lt;&amp;&gt;"' in page
