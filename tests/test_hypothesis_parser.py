"""Property tests with hypothesis: generated transcripts lose no word, anchors do not move, and
the decoder never guesses wrong.

* Parser: every word of every input line that is not recognised boilerplate is in the parsed
  model (title, date line, place, summary, headings, labels, paragraphs), exactly once, in order.
* Builds (few examples, each a full build): every word reaches the built page, each turn under
  the speaker whose label opens it (the same checks as test_fidelity.py).
* Anchors: a typo inside one paragraph changes no anchor.
* Reader: Russian text saved as cp1251, KOI8-R or BOM-less UTF-16 decodes to exactly the text, or is
  refused; never to other letters. Any mix of line endings gives the same lines.

Examples are derandomised (the same every run, so CI does not flake); run with
``HYPOTHESIS_PROFILE=explore`` to search further.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

pytest.register_assert_rewrite("tests.fidelity")

from . import fidelity as fx  # noqa: E402
from generator import curation as curation_mod  # noqa: E402
from generator.build import generate  # noqa: E402
from generator.model import RawDocument, SourceLine, Turn  # noqa: E402
from generator.reader import DecodeError, decode_bytes, normalise, to_document  # noqa: E402

settings.register_profile("ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("explore", derandomize=False, deadline=None, max_examples=2000,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
EXPLORE = os.environ.get("HYPOTHESIS_PROFILE") == "explore"
SCALE = 20 if EXPLORE else 1
"""Explore runs twenty times as many examples of every property."""

# ------------------------------------------------------------------------------ strategies

WORDS_EN = (
    "the of and to in we our will trade energy security cooperation budget gas oil prices "
    "agreement Belarus Russia Moscow Minsk union state programme question answer today year "
    "president minister government colleagues friends thank you very much indeed important"
).split()
WORDS_RU = (
    "и в не на мы это что как торговля энергетика безопасность сотрудничество бюджет газ "
    "нефть цены соглашение Беларусь Россия Москва Минск союзное государство программа вопрос "
    "ответ сегодня год президент министр правительство коллеги друзья спасибо большое Ёмко ещё"
).split()
ODD = [
    "<b>", "</b>", "<script>x()</script>", "&amp;", "&lt;", "*", "**", "_", "#", "[a](b)", "`code`",
    "{{", "}}", "{%", "%}", "|", "---", "1.", "—", "–", "…", "«", "»", "“", "”", "'", '"', "(", ")",
    "2022", "US$43", "50%", "9:30", "e-mail", "O'Neil", "№5", "ё",
]
NAMES = [
    ("Vladimir Putin", "vladimir-putin"), ("Alexander Lukashenko", "alexander-lukashenko"),
    ("Sergei Lavrov", "sergei-lavrov"), ("Ivan Petrovsky", "ivan-petrovsky"), ("Anna Smirnova", "anna-smirnova"),
    ("В.Путин", "vladimir-putin"), ("А.Лукашенко", "alexander-lukashenko"),
]
ROLES = ["", "", "President of Russia ", "Governor of the Tver Region ", "Minister of Culture "]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
             "октября", "ноября", "декабря"]

word = st.one_of(st.sampled_from(WORDS_EN), st.sampled_from(WORDS_RU), st.sampled_from(ODD))


@st.composite
def sentence(draw, min_words: int = 1, max_words: int = 25) -> str:
    ws = draw(st.lists(word, min_size=min_words, max_size=max_words))
    text = " ".join(ws)
    if draw(st.booleans()):
        text = text[:1].upper() + text[1:]
    return text + draw(st.sampled_from([".", ".", "?", "!", "", "…", ":"]))


@st.composite
def date_line(draw) -> str:
    d = draw(st.dates(min_value=dt.date(1991, 1, 1), max_value=dt.date(2030, 12, 31)))
    form = draw(st.integers(0, 2))
    if form == 0:
        text = f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    elif form == 1:
        text = f"{d.day} {MONTHS_RU[d.month - 1]} {d.year} года"
    else:
        text = d.isoformat()
    place = draw(st.sampled_from(["", "Minsk", "The Kremlin, Moscow", "Москва, Кремль", "Novo-Ogaryovo"]))
    return text + (f", {place}" if place else "")


@st.composite
def transcript_text(draw) -> str:
    """A raw transcript: optional site furniture, title and date line, then turns (with and
    without roles, English and Russian labels), narration, separators and headings, with or
    without blank lines between paragraphs; words include markup, entities and Jinja."""
    lines: list[str] = []
    if draw(st.booleans()):
        lines += draw(st.lists(st.sampled_from(["View settings", "Font size:", "Official website of the President of Russia", "News   /"]), max_size=3, unique=True))
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["Russian-Belarusian talks", "Meeting with Government members", "Заявление для прессы", "Talks & <b>news</b> {{ x }}"])))
        lines.append(draw(date_line()))
    elif draw(st.booleans()):
        lines.append(draw(date_line()))
    blocks = draw(st.lists(st.integers(0, 9), min_size=1, max_size=12))
    for kind in blocks:
        if kind <= 5:
            name, _ = draw(st.sampled_from(NAMES))
            role = draw(st.sampled_from(ROLES)) if not name[1] == "." else ""
            first = draw(sentence())
            first = first[:1].upper() + first[1:] if first[:1].isalpha() else first
            lines.append(f"{role}{name}: {first}")
            lines += draw(st.lists(sentence(3), max_size=3))
        elif kind <= 7:
            lines.append(draw(sentence(3)))
        elif kind == 8:
            lines.append("* * *")
        else:
            lines.append(draw(st.sampled_from(["Beginning of the meeting", "Ответы на вопросы", "Statements for the press"])))
    blank = draw(st.booleans())
    return ("\n\n" if blank else "\n").join(lines) + draw(st.sampled_from(["", "\n", "\n\n"]))


# ------------------------------------------------------------------------------ parser level


def _doc(text: str, name: str = "h.txt") -> RawDocument:
    lines = tuple(SourceLine(n, raw.rstrip()) for n, raw in enumerate(normalise(text).split("\n"), start=1))
    return RawDocument(name, name[:-4], lines, "utf-8")


def model_words(t) -> list[str]:
    """The words of a parsed transcript, in the order of the source lines they came from."""
    items: list[tuple[int, int, str]] = []
    if t.title.origin == "text":
        items.append((t.title.line, 0, t.title.written or t.title.value))
    if t.date.origin == "text":
        items.append((t.date.line, 1, t.date.written))
    if t.place.origin == "text":
        items.append((t.place.line, 2, t.place.written or t.place.value))
    for p in t.summary:
        items.append((p.line, 3, p.text))
    for s in t.sections:
        if s.heading is not None:
            items.append((s.heading.line, 3, s.heading.text))
        for b in s.blocks:
            if isinstance(b, Turn):
                if not b.carried:  # a carried speaker's name is no word of the source
                    items.append((b.line, 3, b.label))
                if b.affiliation and b.affiliation not in b.label:
                    items.append((b.line, 4, b.affiliation))
                items += [(p.line, 5, p.text) for p in b.paragraphs]
            else:
                items.append((b.line, 3, b.text))
    items.sort(key=lambda i: (i[0], i[1]))
    return [w for _, _, text in items for w in fx.words(text)]


def input_words(doc: RawDocument, t) -> list[str]:
    boiler = {ln.number for ln in t.boilerplate}
    return [w for ln in doc.lines if ln.number not in boiler for w in fx.words(ln.text)]


@settings(max_examples=300 * SCALE)
@given(transcript_text())
def test_parser_keeps_every_word_in_order(text):
    doc = _doc(text)
    t, problems = _parse(doc)
    assert not [p for p in problems if p.severity == "error"], problems
    assert model_words(t) == input_words(doc, t)


_SHAPES = None
_load_curation_once = functools.lru_cache(maxsize=1)(curation_mod.load)


def _parse(doc):
    global _SHAPES
    if _SHAPES is None:
        _SHAPES = fx.curation.load().shapes
    return fx.parse(doc, _SHAPES)


def test_a_lone_breadcrumb_line_is_not_both_boilerplate_and_text():
    doc = _doc("Talks on trade and/or energy /\n")
    t, _ = _parse(doc)
    assert model_words(t) == input_words(doc, t)


@settings(max_examples=300 * SCALE)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80), min_size=1, max_size=12))
def test_parser_keeps_every_word_of_arbitrary_text(lines):
    doc = _doc("\n".join(lines))
    assume(any(ln.text.strip() for ln in doc.lines))
    t, problems = _parse(doc)
    if any(p.severity == "error" for p in problems):
        # Only an impossible date may refuse a text, and it names its line.
        assert all("impossible date" in p.message and p.line > 0 for p in problems if p.severity == "error"), problems
        return
    assert model_words(t) == input_words(doc, t)


@settings(max_examples=100 * SCALE)
@given(st.dates(min_value=dt.date(1991, 1, 1), max_value=dt.date(2030, 12, 31)), st.integers(29, 31), st.sampled_from(MONTHS))
def test_impossible_dates_are_refused_with_their_line(d, day, month):
    try:
        dt.date(2022, MONTHS.index(month) + 1, day)
        return  # a real date
    except ValueError:
        pass
    doc = _doc(f"Talks\n\n{month} {day}, 2022, Moscow\n\nVladimir Putin: Good afternoon.\n")
    _, problems = _parse(doc)
    errors = [p for p in problems if p.severity == "error"]
    assert [(p.line, "impossible date" in p.message) for p in errors] == [(3, True)]


HOSTILE_CHARS = list("0123456789 .,:;!?-–—…/()[]{}<>&#*_`'\"%$€ºµ\u00a0\u200b\t абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
                     "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ")
hostile_line = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Co", "Cn")), max_size=60),
    st.text(alphabet=st.sampled_from(HOSTILE_CHARS), max_size=80),
)


@settings(max_examples=60 * SCALE, deadline=None)
@given(st.lists(hostile_line, min_size=1, max_size=8), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_no_text_crashes_the_generator(lines, sep):
    """Whatever the text, the generator stages (read, parse, enrich, render, exports) answer with
    pages or with problems; they never raise."""
    text = sep.join(lines)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "x.txt").write_bytes(text.encode("utf-8", errors="surrogatepass"))
        with mock.patch.object(curation_mod, "load", _load_curation_once):
            g = generate(Path(tmp))
    if not g.ok:
        assert g.problems and all(p.line >= 0 and p.message for p in g.problems)


# ------------------------------------------------------------------------------ anchors


def _anchor_list(folder: Path) -> list[str]:
    """Anchors of the summary and body of the one transcript in ``folder`` (generator stages only;
    the curated data is read once for all examples)."""
    with mock.patch.object(curation_mod, "load", _load_curation_once):
        g = generate(folder)
    assert g.ok, [str(p) for p in g.problems]
    [page] = [p for p in g.pages if p.path.startswith("transcripts/")]
    return fx.content_anchors(page.text)


@settings(max_examples=25 * SCALE, deadline=None)
@given(transcript_text(), st.data())
def test_typo_in_a_paragraph_moves_no_anchor(text, data):
    doc = _doc(text)
    t, problems = _parse(doc)
    assume(not any(p.severity == "error" for p in problems))
    paras = list(t.summary) + [p for s in t.sections for b in s.blocks for p in (b.paragraphs if isinstance(b, Turn) else [b])]
    lines = {ln.number: ln.text for ln in doc.lines}
    candidates = []
    for p in paras:
        line = lines[p.line]
        start = line.find(p.text[:40])
        for m in re.finditer(r"[^\W\d_]{5,}", line[start:] if start >= 0 else ""):
            candidates.append((p.line, start + m.start(), m.group()))
    assume(candidates)
    line_no, at, w = data.draw(st.sampled_from(candidates))
    i = len(w) // 2
    typo = data.draw(st.sampled_from([w[: i - 1] + w[i] + w[i - 1] + w[i + 1:], w[:i] + w[i] + w[i:], w[:i] + w[i + 1:]]))
    assume(typo != w)
    src = normalise(text).split("\n")
    fixed = list(src)
    fixed[line_no - 1] = src[line_no - 1][:at] + typo + src[line_no - 1][at + len(w):]
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "a", Path(tmp) / "b"
        a.mkdir(), b.mkdir()
        (a / "h.txt").write_text("\n".join(src), encoding="utf-8")
        (b / "h.txt").write_text("\n".join(fixed), encoding="utf-8")
        assert _anchor_list(b) == _anchor_list(a)


# ------------------------------------------------------------------------------ full builds


@settings(max_examples=6 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(transcript_text(), min_size=1, max_size=3))
def test_built_pages_keep_every_word_under_its_speaker(transcripts):
    work = Path(tempfile.mkdtemp(prefix="hyp-build-"))
    try:
        inp = work / "input"
        inp.mkdir()
        for k, text in enumerate(transcripts):
            (inp / f"h{k}.txt").write_text(text, encoding="utf-8")
        check = generate(inp)
        assume(check.ok)  # (generated text cannot hold impossible dates; this guards the build)
        site, _, result = fx.build(inp, work)
        assert result.returncode == 0, result.stdout + result.stderr
        records = {r["id"]: r for r in fx.load_archive(site)["transcripts"]}
        docs = fx.read_docs(inp)
        problems = []
        for tid, doc in docs.items():
            html = fx.transcript_page(site, records[tid]).read_text(encoding="utf-8")
            problems += fx.fidelity_problems(doc, fx.parse_doc(doc), html)
            problems += fx.attribution_problems(doc, records[tid], html)
        assert not problems, "\n".join(problems)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ------------------------------------------------------------------------------ reader

RU_WORDS = (
    "переговоры прошли в деловой и конструктивной атмосфере мы обсудили торговлю энергетику "
    "безопасность союзное государство президент правительство министр спасибо уважаемый "
    "коллеги друзья добрый день вопрос ответ ещё ёмко объём съезд щедрость шёпот эхо фьорд"
).split()


@st.composite
def russian_text(draw) -> str:
    ws = draw(st.lists(st.sampled_from(RU_WORDS), min_size=1, max_size=40))
    out = []
    for w in ws:
        case = draw(st.sampled_from(["lower", "lower", "title", "upper"]))
        out.append(w.upper() if case == "upper" else w.capitalize() if case == "title" else w)
        out.append(draw(st.sampled_from([" ", " ", ", ", ". ", "\n", ": ", " — ", " «", "» "])))
    return "".join(out).strip()


def _readable(text: str) -> bool:
    """Enough text to tell the code page: three different words of 3+ letters, one of them
    capitalised (the case of letters is what the other code page turns upside down)."""
    ws = re.findall(r"[А-Яа-яЁё]{3,}", text)
    titled = any(w[0].isupper() and w[1:].islower() for w in ws)
    return len({w.casefold() for w in ws}) >= 3 and titled


@settings(max_examples=400 * SCALE)
@given(russian_text(), st.sampled_from(["cp1251", "koi8_r"]))
def test_single_byte_russian_decodes_exactly_or_is_refused(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.replace("—", "-").replace("«", '"').replace("»", '"').encode(encoding)
        text = data.decode(encoding)
    try:
        data.decode("utf-8")
        assume(False)  # a few bytes can be valid UTF-8 too ("В»" in cp1251 is "»"): UTF-8 wins, by design
    except UnicodeDecodeError:
        pass
    try:
        got, enc = decode_bytes(data)
    except DecodeError:
        assert not _readable(text), f"refused although it reads clearly: {text!r}"
        return
    assert got == text, f"decoded as {enc}: {got!r} instead of {text!r}"


@settings(max_examples=200 * SCALE)
@given(st.one_of(russian_text(), st.lists(st.sampled_from(WORDS_EN + WORDS_RU), min_size=2, max_size=30).map(" ".join)),
       st.sampled_from(["utf-16-le", "utf-16-be"]), st.booleans())
def test_utf16_decodes_exactly(text, encoding, bom):
    data = (b"\xff\xfe" if encoding == "utf-16-le" else b"\xfe\xff") if bom else b""
    data += text.encode(encoding)
    got, _ = decode_bytes(data)
    assert got.lstrip("\ufeff") == text


@settings(max_examples=200 * SCALE)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30), min_size=1, max_size=10),
       st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1, max_size=10))
def test_any_line_endings_give_the_same_lines(lines, endings):
    text = "".join(line + endings[i % len(endings)] for i, line in enumerate(lines))
    result = to_document("x.txt", text.encode("utf-8"))
    assume(result.document is not None)
    got = [ln.text for ln in result.document.lines]
    # The specification, independently: CRLF, CR and LF each end a line; NFC; tabs become spaces;
    # invisible marks go; trailing spaces go.
    want = [
        fx._INVISIBLE_RE.sub("", unicodedata.normalize("NFC", line.replace("\t", " ").replace("\x0b", " ").replace("\x0c", " "))).rstrip()
        for line in re.split(r"\r\n|\r|\n", text)
    ]
    assert got == want
