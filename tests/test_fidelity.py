"""Nothing lost: every word of the input reaches the built page, in order, under the right speaker.

Words are runs of letters and digits (``tests/fidelity.words``), so the check is about the text
and not about punctuation the page turns into layout (a label's colon, the comma of a date line).
Recognised boilerplate (``Transcript.boilerplate``) is left out; the title and date lines are
looked for in the page header, where they are shown as metadata.

Checked on the five seeds (one session build, ``built_site``), on every case of the bad-input
corpus that builds (one shared build), and on hypothesis-generated transcripts in
``test_hypothesis_parser.py``.
"""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("tests.fidelity")

from . import fidelity as fx  # noqa: E402

EXPECTED = fx.load_expected()
SEED_IDS = sorted(p.stem for p in (fx.ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_records(built_site) -> dict[str, dict]:
    return {t["id"]: t for t in fx.load_archive(built_site)["transcripts"]}


@pytest.fixture(scope="module")
def seed_docs() -> dict:
    return fx.read_docs(fx.ROOT / "seeds")


# ------------------------------------------------------------------------------ the helpers


def test_words_and_subsequence():
    assert fx.words("President of Russia Vladimir Putin: Mr\u00a0Lukashenko,") == [
        "President", "of", "Russia", "Vladimir", "Putin", "Mr", "Lukashenko"]
    assert fx.words("Pu\u200btin &lt;b&gt; В.Путин") == ["Putin", "lt", "b", "gt", "В", "Путин"]
    assert fx.first_missing(["a", "c"], ["a", "b", "c"]) is None
    assert fx.first_missing(["c", "a"], ["a", "b", "c"]) == 1
    assert fx.first_missing(["a", "a"], ["a"]) == 1


def test_page_text_reads_entities_and_skips_furniture():
    html = (
        '<article class="ta-transcript"><header class="ta-head"><h1>T &amp;lt;</h1></header>'
        '<div class="ta-body"><p class="ta-p">&lt;script&gt; x <a data-search-exclude>¶</a></p>'
        "<script>var hidden = 1;</script></div></article>"
    )
    text = fx.page_text(html)
    assert fx.norm_space(text.header) == "T &lt;"
    assert fx.norm_space(text.body) == "<script> x"


def test_a_dropped_word_is_caught(seed_docs, built_site, seed_records):
    """The checker itself: remove one word from a built page and the check must fail."""
    tid = SEED_IDS[1]
    rec = seed_records[tid]
    html = fx.transcript_page(built_site, rec).read_text(encoding="utf-8")
    para = rec["turns"][3]["paragraphs"][0]
    victim = para.split()[2]
    broken = html.replace(para, para.replace(" " + victim + " ", " ", 1), 1)
    assert broken != html
    doc = seed_docs[tid]
    assert fx.fidelity_problems(doc, fx.parse_doc(doc), broken)


def test_a_misattributed_turn_is_caught(seed_docs, built_site, seed_records):
    tid = SEED_IDS[3]
    rec = seed_records[tid]
    html = fx.transcript_page(built_site, rec).read_text(encoding="utf-8")
    turn = rec["turns"][1]
    other = next(t["speaker"] for t in rec["turns"] if t["speaker"] != turn["speaker"])
    moved = {**rec, "turns": [dict(t) for t in rec["turns"]]}
    moved["turns"][1]["speaker"] = other
    assert fx.attribution_problems(seed_docs[tid], moved, html)


# ------------------------------------------------------------------------------ the seeds


@pytest.mark.parametrize("tid", SEED_IDS)
def test_seed_every_word_on_the_page(tid, built_site, seed_records, seed_docs):
    rec = seed_records[tid]
    doc = seed_docs[tid]
    html = fx.transcript_page(built_site, rec).read_text(encoding="utf-8")
    problems = fx.fidelity_problems(doc, fx.parse_doc(doc), html)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("tid", SEED_IDS)
def test_seed_turns_attributed_to_their_speaker(tid, built_site, seed_records, seed_docs):
    rec = seed_records[tid]
    html = fx.transcript_page(built_site, rec).read_text(encoding="utf-8")
    problems = fx.attribution_problems(seed_docs[tid], rec, html)
    assert not problems, "\n".join(problems)


def test_seed_speaker_pages_link_back_to_every_turn(built_site, seed_records):
    """Each turn is listed on its speaker's page, linking to the turn's anchor."""
    missing = []
    for rec in seed_records.values():
        for turn in rec["turns"]:
            page = built_site / "speakers" / turn["speaker"] / "index.html"
            text = page.read_text(encoding="utf-8")
            if f'#{turn["anchor"]}"' not in text:
                missing.append(f"{turn['speaker']}: {rec['id']}#{turn['anchor']}")
    assert not missing, missing


# ------------------------------------------------------------------------------ the bad-input corpus


def _params():
    out = []
    for case in fx.cases("builds", exclude=fx.SEPARATE_BUILD):
        reason = fx.xfail_reason(case, "fidelity")
        out.append(pytest.param(case, id=case, marks=[pytest.mark.xfail(strict=True, reason=reason)] if reason else []))
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    inp, site, docs = fx.corpus_build(tmp_path_factory)
    records = {t["id"]: t for t in fx.load_archive(site)["transcripts"]}
    return inp, site, records


@pytest.mark.parametrize("case", _params())
def test_corpus_fidelity(case, corpus):
    inp, site, records = corpus
    assert case in fx.corpus_cases(), f"{case} is not in the corpus build (its check fails)"
    docs = fx.read_docs(inp / case)
    assert docs, f"{case}: nothing read"
    problems = []
    for tid, doc in docs.items():
        rec = records[tid]
        html = fx.transcript_page(site, rec).read_text(encoding="utf-8")
        problems += fx.fidelity_problems(doc, fx.parse_doc(doc), html)
        problems += fx.attribution_problems(doc, rec, html)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "case,original",
    [
        ("cp1251_ru", "russian_utf8"),
        ("koi8r_ru", "russian_utf8"),
        ("utf16le_nobom_ru", "russian_utf8"),
        ("utf16be_bom_ru", "russian_utf8"),
        ("line_endings_crlf_ru", "russian_utf8"),
        ("utf16le_bom", None),
        ("utf16le_nobom", None),
        ("line_endings_mixed", None),
        ("invisible_chars", None),
    ],
)
def test_decoded_text_is_the_original(case, original, corpus):
    """Re-encoded copies decode to exactly the original text (minus invisible marks)."""
    inp, _, _ = corpus
    [doc] = fx.read_docs(inp / case).values()
    if original:
        want = (fx.BAD_INPUTS / original / f"{original}.txt").read_text(encoding="utf-8")
    else:
        want = fx.BASE_EN if case != "invisible_chars" else fx._INVISIBLE_RE.sub("", fx.INVISIBLE_TEXT)
    got = "\n".join(ln.text for ln in doc.lines)
    assert got.rstrip("\n") == "\n".join(line.rstrip() for line in want.split("\n")).rstrip("\n")
