"""Shared helpers for the hostile-input tests.

* A tiny HTML tree (stdlib ``html.parser``) and the visible text of built pages.
* Word sequences: "every word of the input appears on the page, in order".
* The bad-input corpus in ``tests/bad_inputs/``: committed folders plus cases generated at run time
  (binary, re-encoded and large files), described by ``tests/bad_inputs/EXPECTED.yaml``.
* One shared build of every corpus case that is expected to build (reused by several modules).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import yaml

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
BAD_INPUTS = TESTS / "bad_inputs"
EXPECTED_FILE = BAD_INPUTS / "EXPECTED.yaml"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator import curation  # noqa: E402
from generator.model import RawDocument, Transcript, Turn  # noqa: E402
from generator.parser import parse, parse_date_line  # noqa: E402
from generator.reader import INVISIBLE, read_folder  # noqa: E402
from generator.writer import copy_hand_written  # noqa: E402

from .conftest import run_cli  # noqa: E402

# ============================================================================================
# Words

WORD_RE = re.compile(r"[^\W_]+")
_INVISIBLE_RE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")


def words(text: str) -> list[str]:
    """The words of ``text``: runs of letters and digits, after NFC and without invisible marks."""
    return WORD_RE.findall(unicodedata.normalize("NFC", _INVISIBLE_RE.sub("", text)))


def first_missing(expected: list[str], actual: list[str]) -> Optional[int]:
    """Index of the first word of ``expected`` that is not found in ``actual`` as an ordered
    subsequence (greedy, which is optimal for subsequences), or None when all are found."""
    j = 0
    n = len(actual)
    for i, w in enumerate(expected):
        while j < n and actual[j] != w:
            j += 1
        if j >= n:
            return i
        j += 1
    return None


def subsequence_report(expected: list[str], actual: list[str], what: str) -> Optional[str]:
    """None when ``expected`` is an ordered subsequence of ``actual``, else a readable message."""
    i = first_missing(expected, actual)
    if i is None:
        return None
    before = " ".join(expected[max(0, i - 8):i])
    after = " ".join(expected[i + 1:i + 8])
    return f"{what}: word {i + 1} of {len(expected)} '{expected[i]}' is missing or out of order (… {before} [{expected[i]}] {after} …)"


# ============================================================================================
# HTML tree

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
HIDDEN_TAGS = {"script", "style", "template", "noscript"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list = field(default_factory=list)  # Node or str
    parent: Optional["Node"] = None
    raw_attrs: list[tuple[str, Optional[str]]] = field(default_factory=list)

    def iter(self) -> Iterator["Node"]:
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find_all(self, pred: Callable[["Node"], bool]) -> list["Node"]:
        return [n for n in self.iter() if pred(n)]

    def find(self, pred: Callable[["Node"], bool]) -> Optional["Node"]:
        return next((n for n in self.iter() if pred(n)), None)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self, skip: Callable[["Node"], bool] = lambda n: False) -> str:
        """Text content (entities decoded), leaving out script/style and nodes for which ``skip`` holds."""
        out: list[str] = []

        def walk(node: "Node") -> None:
            for c in node.children:
                if isinstance(c, str):
                    out.append(c)
                elif c.tag not in HIDDEN_TAGS and not skip(c):
                    if c.tag in ("p", "div", "section", "li", "h1", "h2", "h3", "h4", "dt", "dd", "br", "tr", "td", "th"):
                        out.append(" ")
                    walk(c)
                    out.append(" " if c.tag in ("p", "div", "section", "li", "dt", "dd", "td", "th") or c.tag[:1] == "h" else "")

        walk(self)
        return "".join(out)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v or "") for k, v in attrs}, [], self.stack[-1], list(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, {k: (v or "") for k, v in attrs}, [], self.stack[-1], list(attrs))
        self.stack[-1].children.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def parse_html(text: str) -> tuple[Node, list[str]]:
    """(document tree, HTML comments) of an HTML page."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root, builder.comments


def norm_space(text: str) -> str:
    return " ".join(text.split())


def search_excluded(node: Node) -> bool:
    return "data-search-exclude" in node.attrs


def article(root: Node) -> Node:
    node = root.find(lambda n: n.tag == "article" and "ta-transcript" in n.classes())
    assert node is not None, "no <article class='ta-transcript'> on the page"
    return node


@dataclass(frozen=True)
class PageText:
    """The visible text of a built transcript page, by region."""

    header: str
    """Title and metadata, including the origin notes (which show what a sidecar overrode)."""
    body: str
    """Summary and body, without the page's own furniture (pilcrows, '#' links, registry roles)."""
    whole: str
    """Everything in the article."""


def page_text(html: str) -> PageText:
    root, _ = parse_html(html)
    art = article(root)
    head = art.find(lambda n: n.tag == "header" and "ta-head" in n.classes())
    parts = []
    for n in art.children:
        if isinstance(n, Node) and (("ta-summary" in n.classes()) or ("ta-body" in n.classes())):
            parts.append(n.text(skip=search_excluded))
    return PageText(head.text() if head else "", " ".join(parts), art.text())


# ============================================================================================
# Fidelity of one transcript page


def metadata_lines(doc: RawDocument, t: Transcript) -> set[int]:
    """Line numbers of the title and date lines: non-boilerplate lines outside the body."""
    boiler = {ln.number for ln in t.boilerplate}
    body_lines = [p.line for p in t.summary]
    for s in t.sections:
        if s.heading is not None:
            body_lines.append(s.heading.line)
        if s.separator_line:
            body_lines.append(s.separator_line)
        for b in s.blocks:
            body_lines.append(b.line)
            if isinstance(b, Turn):
                body_lines.extend(p.line for p in b.paragraphs)
    first = min(body_lines) if body_lines else 10**9
    last = max(body_lines) if body_lines else 0
    meta = {ln.number for ln in doc.lines if ln.text.strip() and ln.number < first and ln.number not in boiler}
    # a date line below a lead (title, lead, date): it and the time and place lines under it are
    # metadata, although body lines come before them
    starts = set(body_lines)
    filled = [ln for ln in doc.lines if ln.text.strip() and ln.number not in boiler]
    for k, ln in enumerate(filled):
        if first < ln.number < last and ln.number not in starts and parse_date_line(ln.text) is not None:
            meta.add(ln.number)
            for nxt in filled[k + 1:k + 3]:
                if nxt.number in starts or len(nxt.text.split()) > 6:
                    break
                meta.add(nxt.number)
            break
    content_after = [ln for ln in doc.lines if ln.number > last and ln.text.strip() and ln.number not in boiler]
    if content_after and parse_date_line(content_after[-1].text) is not None:
        meta.add(content_after[-1].number)  # a date line at the end of the text
    return meta


def fidelity_problems(doc: RawDocument, t: Transcript, html: str) -> list[str]:
    """Every word of the input (minus boilerplate) on the built page: metadata lines in the header,
    body lines in order in the body."""
    text = page_text(html)
    problems = []
    boiler = {ln.number for ln in t.boilerplate}
    meta = metadata_lines(doc, t)
    header_words = words(text.header)
    for ln in doc.lines:
        if ln.number in meta:
            msg = subsequence_report(words(ln.text), header_words, f"{doc.file}:{ln.number} (metadata line) in the page header")
            if msg:
                problems.append(msg)
    body_expected = [w for ln in doc.lines if ln.number not in meta and ln.number not in boiler for w in words(ln.text)]
    msg = subsequence_report(body_expected, words(text.body), f"{doc.file} body")
    if msg:
        problems.append(msg)
    return problems


def content_anchors(html: str) -> list[str]:
    """The ids of the summary and body of a transcript page, in page order: the anchors citations
    use (turns, paragraphs, headings), without the page's own sections (participants, topics …)."""
    root, _ = parse_html(html)
    out = []
    for n in article(root).children:
        if isinstance(n, Node) and (("ta-summary" in n.classes()) or ("ta-body" in n.classes())):
            out += [e.attrs["id"] for e in n.iter() if "id" in e.attrs]
    return out


def turn_sections(html: str) -> list[dict]:
    """The speaker turns of a built page: anchor, speaker id (from the link), label text, paragraphs."""
    root, _ = parse_html(html)
    out = []
    for sec in article(root).find_all(lambda n: n.tag == "section" and "ta-turn" in n.classes()):
        label = sec.find(lambda n: n.tag in ("h2", "h3") and "ta-turn__label" in n.classes())
        link = label.find(lambda n: n.tag == "a" and "ta-speaker" in n.classes())
        href = link.attrs["href"].rstrip("/")
        paras = [
            norm_space(p.text(skip=search_excluded))
            for p in sec.find_all(lambda n: n.tag == "p" and "ta-p" in n.classes())
        ]
        out.append(dict(anchor=label.attrs["id"], speaker=href.rsplit("/", 1)[-1], paragraphs=paras, label=norm_space(label.text(skip=search_excluded))))
    return out


def attribution_problems(doc: RawDocument, record: dict, html: str) -> list[str]:
    """Each turn in ``data/archive.json`` is said by the speaker whose label opens it in the source,
    its paragraphs come from the source lines under that label, and the page shows them under a
    heading that links to that speaker."""
    problems = []
    lines = {ln.number: ln.text for ln in doc.lines}
    turns = record["turns"]
    page_turns = turn_sections(html)
    if [(t["anchor"], t["speaker"]) for t in turns] != [(t["anchor"], t["speaker"]) for t in page_turns]:
        problems.append(
            f"{doc.file}: turns on the page {[(t['anchor'], t['speaker']) for t in page_turns]} "
            f"differ from archive.json {[(t['anchor'], t['speaker']) for t in turns]}"
        )
        return problems
    numbers = sorted(lines)
    for k, turn in enumerate(turns):
        src = lines.get(turn["line"], "")
        if turn.get("carried"):
            pass  # no label in the source: the speaker before a '* * *' goes on
        elif not src.strip().startswith(turn["label"]) or not src.strip()[len(turn["label"]):].lstrip().startswith(":"):
            problems.append(f"{doc.file}:{turn['line']}: turn {turn['anchor']} has label '{turn['label']}' but the line reads '{src[:80]}'")
            continue
        end = turns[k + 1]["line"] if k + 1 < len(turns) else numbers[-1] + 1
        said = [w for n in numbers if turn["line"] <= n < end for w in words(lines[n])]
        spoken = [w for p in turn["paragraphs"] for w in words(p)]
        msg = subsequence_report(spoken, said, f"{doc.file}: turn {turn['anchor']} ({turn['speaker']}) against source lines {turn['line']}-{end - 1}")
        if msg:
            problems.append(msg)
        if page_turns[k]["paragraphs"] != [norm_space(p) for p in turn["paragraphs"]] and turn["paragraphs"]:
            problems.append(f"{doc.file}: turn {turn['anchor']} shows other paragraphs on the page than in archive.json")
    return problems


# ============================================================================================
# Built sites


def transcript_page(site: Path, record: dict) -> Path:
    return site / record["page"] / "index.html"


def load_archive(site: Path) -> dict:
    return json.loads((site / "data" / "archive.json").read_text(encoding="utf-8"))


def read_docs(folder: Path) -> dict[str, RawDocument]:
    """Decoded documents of an input folder by transcript id (via the generator's own reader)."""
    from generator.parser import transcript_id

    docs, _ = read_folder(folder)
    return {transcript_id(d.stem): d for d in docs}


_SHAPES = None


def parse_doc(doc: RawDocument) -> Transcript:
    global _SHAPES
    if _SHAPES is None:
        _SHAPES = curation.load().shapes
    return parse(doc, _SHAPES)[0]


def hash_tree(root: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file (and '<dir>' for directories, '-> target' for links)."""
    out: dict[str, str] = {}
    if not root.exists():
        return out
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            out[(Path(dirpath) / d).relative_to(root).as_posix() + "/"] = "<dir>"
        for f in filenames:
            p = Path(dirpath) / f
            rel = p.relative_to(root).as_posix()
            if p.is_symlink():
                out[rel] = "-> " + os.readlink(p)
            else:
                out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def tree_diff(before: dict[str, str], after: dict[str, str], limit: int = 12) -> str:
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
    parts = []
    for name, items in (("added", added), ("removed", removed), ("changed", changed)):
        if items:
            parts.append(f"{len(items)} {name}: {items[:limit]}")
    return "; ".join(parts) or "identical"


def run_generator(*args: str, env: Optional[dict] = None, timeout: int = 600) -> subprocess.CompletedProcess:
    return run_cli(*args, env=env, timeout=timeout)


def fresh_docs_dir(dest: Path) -> Path:
    """A docs dir holding only the hand-written part of site_src/ (as tests/conftest.py's build_into)."""
    if not dest.exists():
        dest.mkdir(parents=True)
        copy_hand_written(ROOT / "site_src", dest)
    return dest


def build(input_dir: Path, work: Path, *, env: Optional[dict] = None) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """Build ``input_dir`` into ``work``/site with ``work``/docs; return (site, docs, result)."""
    docs = fresh_docs_dir(work / "docs")
    site = work / "site"
    result = run_generator("build", "--input", str(input_dir), "--docs-dir", str(docs), "--site-dir", str(site), env=env)
    return site, docs, result


# ============================================================================================
# The bad-input corpus

BASE_EN = """Russian-Belarusian talks

February 18, 2022, The Kremlin, Moscow

Vladimir Putin held talks with President of Belarus Alexander Lukashenko at the Kremlin.

President of Russia Vladimir Putin: Mr President, friends, welcome to Moscow.

We have a great deal to discuss today: trade, energy and security.

President of Belarus Alexander Lukashenko: Thank you, Mr Putin.

Vladimir Putin: Let us begin.
"""

INVISIBLE_TEXT = (
    "Russian-Bela\u00adrusian talks\u200b\n\n"
    "February 18, 2022, The Kremlin, Moscow\n\n"
    "Vladi\u00admir Pu\u200btin: Good after\u00adnoon, Mr Pres\u200bident.\n\n"
    "\u200fAlexander Lukashenko\u200e: Thank you, \u202bMr Putin\u202c.\n\n"
    "\u2067Vladimir Putin\u2069: Let us begin\u2060.\n"
)


def _russian_text() -> str:
    return (BAD_INPUTS / "russian_utf8" / "russian_utf8.txt").read_text(encoding="utf-8")


def _label_no_text() -> str:
    return (BAD_INPUTS / "label_no_text" / "label_no_text.txt").read_text(encoding="utf-8")


def _mixed_endings(text: str) -> bytes:
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines[:-1]):
        out.append(line + ("\r\n" if i % 2 == 0 else "\n"))
    out.append(lines[-1])
    return "".join(out).encode("utf-8")


def huge_transcript(target_bytes: int = 5 * 1024 * 1024) -> str:
    """A realistic-looking transcript of about ``target_bytes``: alternating turns of varied text."""
    header = "Marathon session of the Supreme State Council\n\nDecember 3, 2021, Minsk\n\n"
    vocab = (
        "trade energy security cooperation integration programmes budget industry agriculture transport "
        "logistics migration education healthcare science technology investment customs tariffs gas oil "
        "roads railways pipelines regions citizens market prices wages pensions inflation exports imports"
    ).split()
    parts = [header]
    size = len(header.encode())
    n = 0
    speakers = ["Vladimir Putin", "Alexander Lukashenko", "Mikhail Mishustin", "Roman Golovchenko"]
    while size < target_bytes:
        who = speakers[n % len(speakers)]
        sentences = []
        for k in range(6):
            ws = [vocab[(n * 7 + k * 13 + j * 5) % len(vocab)] for j in range(12 + (n + k) % 9)]
            sentences.append(ws[0].capitalize() + " " + " ".join(ws[1:]) + f" number{n}x{k}.")
        para = f"{who}: " + " ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:]) + "\n\n"
        parts.append(para)
        size += len(para.encode())
        n += 1
    return "".join(parts)


def single_line(target_bytes: int = 1024 * 1024) -> str:
    """One line of about ``target_bytes``, opening with a speaker label; no newline at all."""
    chunk = "The negotiations continued late into the night without a break, "
    body = []
    size = 0
    k = 0
    while size < target_bytes:
        piece = f"{chunk}w{k} "
        body.append(piece)
        size += len(piece)
        k += 1
    return "Vladimir Putin: " + "".join(body).strip() + "."


def _generated() -> dict[str, Callable[[], dict[str, bytes]]]:
    ru = _russian_text
    return {
        "binary_nul": lambda: {"binary_nul.txt": b"Vladimir Putin: Hello.\n" + bytes(range(256)) * 8},
        "utf16le_bom": lambda: {"utf16le_bom.txt": "\ufeff".encode("utf-16-le") + BASE_EN.encode("utf-16-le")},
        "utf16le_nobom": lambda: {"utf16le_nobom.txt": BASE_EN.encode("utf-16-le")},
        "utf16le_nobom_ru": lambda: {"utf16le_nobom_ru.txt": ru().encode("utf-16-le")},
        "utf16be_bom_ru": lambda: {"utf16be_bom_ru.txt": "\ufeff".encode("utf-16-be") + ru().encode("utf-16-be")},
        "cp1251_ru": lambda: {"cp1251_ru.txt": ru().encode("cp1251")},
        "koi8r_ru": lambda: {"koi8r_ru.txt": ru().encode("koi8_r")},
        "cp1251_short": lambda: {"cp1251_short.txt": "В.Путин: Добрый день.".encode("cp1251")},
        "koi8r_short": lambda: {"koi8r_short.txt": "В.Путин: Добрый день.".encode("koi8_r")},
        "koi8r_short_lukashenko": lambda: {"koi8r_short_lukashenko.txt": "А.Лукашенко: Спасибо.\n".encode("koi8_r")},
        "koi8r_caps": lambda: {"koi8r_caps.txt": "ПУТИН: ДА.\n".encode("koi8_r")},
        "koi8r_caps_long": lambda: {"koi8r_caps_long.txt": ru().upper().encode("koi8_r")},
        "cp1251_caps_ambiguous": lambda: {"cp1251_caps_ambiguous.txt": "НЕТ.\n".encode("cp1251")},
        "cp1252_latin": lambda: {"cp1252_latin.txt": "Vladimir Putin: Caf\u00e9 na\u00efve r\u00e9sum\u00e9.\n".encode("cp1252")},
        "mixed_encoding": lambda: {"mixed_encoding.txt": ru().encode("utf-8") + "Ещё одна строка.\n".encode("cp1251")},
        "control_char": lambda: {"control_char.txt": BASE_EN.replace("Let us begin.", "Let us\x07 begin.").encode("utf-8")},
        "line_endings_mixed": lambda: {"line_endings_mixed.txt": _mixed_endings(BASE_EN)},
        "line_endings_cr": lambda: {"line_endings_cr.txt": _label_no_text().replace("\n", "\r").encode("utf-8")},
        "line_endings_crlf_ru": lambda: {"line_endings_crlf_ru.txt": ru().replace("\n", "\r\n").encode("cp1251")},
        "invisible_chars": lambda: {"invisible_chars.txt": INVISIBLE_TEXT.encode("utf-8")},
        "only_invisible": lambda: {"only_invisible.txt": "\u200b\u200f\n\u00ad\n".encode("utf-8")},
        "huge_5mb": lambda: {"huge_5mb.txt": huge_transcript().encode("utf-8")},
        "single_line_1mb": lambda: {"single_line_1mb.txt": single_line().encode("utf-8")},
        "cyrillic_filename": lambda: {
            "Путин_интервью.txt": "Interview\n\nJune 8, 2016, Minsk\n\nVladimir Putin: Good afternoon.\n".encode("utf-8")
        },
        "nbsp_labels_caps_date": lambda: {
            "nbsp_labels_caps_date.txt": (
                "Переговоры\n\n18 ФЕВРАЛЯ 2022 ГОДА, МОСКВА\n\n"
                "Vladimir\u00a0Putin: Good afternoon.\n\nА.\u00a0Лукашенко: Добрый день.\n"
            ).encode("utf-8")
        },
        "injection_filename": lambda: {
            "inject_<img src=x onerror=window.__pwned=16>&amp;.txt": (
                "File name injection\n\nJune 8, 2016, Minsk\n\nVladimir Putin: The file name is hostile.\n"
            ).encode("utf-8")
        },
    }


def load_expected() -> dict[str, dict]:
    data = yaml.safe_load(EXPECTED_FILE.read_text(encoding="utf-8"))
    return data["cases"]


def materialise(case: str, dest: Path) -> Path:
    """Write the input files of ``case`` into ``dest`` (created); return ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    gen = _generated()
    if case in gen:
        for name, data in gen[case]().items():
            (dest / name).write_bytes(data)
    else:
        src = BAD_INPUTS / case
        assert src.is_dir(), f"corpus case {case} has neither a folder nor a generator"
        shutil.copytree(src, dest, dirs_exist_ok=True)
    return dest


def generated_cases() -> set[str]:
    return set(_generated())


def cases(outcome: Optional[str] = None, *, exclude: Iterable[str] = ()) -> list[str]:
    exp = load_expected()
    return [c for c, e in exp.items() if (outcome is None or e["expect"] == outcome) and c not in set(exclude)]


def xfail_reason(case: str, test: str) -> Optional[str]:
    """The reason EXPECTED.yaml gives for ``case`` failing ``test`` (check, build, fidelity), if any."""
    return (load_expected()[case].get("xfail") or {}).get(test)


def corpus_cases() -> list[str]:
    """The cases in the shared corpus build: those that build, but not the large ones and not those
    whose check is known to fail (they would refuse the whole corpus)."""
    return [c for c in cases("builds", exclude=SEPARATE_BUILD) if not xfail_reason(c, "check")]


SEPARATE_BUILD = {"huge_5mb", "single_line_1mb"}
"""Large cases: built on their own so the shared corpus build stays quick."""

_CORPUS_BUILD: dict[str, tuple[Path, Path, Path]] = {}


def corpus_build(tmp_path_factory) -> tuple[Path, Path, Path]:
    """(input dir, site, docs) of one build of every case that is expected to build, each case in
    its own sub-folder of the input (ids come from file names, which are unique across cases).
    Built once per test session and shared by every module that asks."""
    if "corpus" not in _CORPUS_BUILD:
        work = tmp_path_factory.mktemp("badcorpus")
        inp = work / "input"
        for case in corpus_cases():
            materialise(case, inp / case)
        site, docs, result = build(inp, work)
        assert result.returncode == 0, result.stdout + result.stderr
        _CORPUS_BUILD["corpus"] = (inp, site, docs)
    return _CORPUS_BUILD["corpus"]


def many_transcripts(dest: Path, n: int, *, prefix: str = "bulk") -> Path:
    """``n`` small, valid, varied transcripts in ``dest`` (for builds that must take a while)."""
    dest.mkdir(parents=True, exist_ok=True)
    people = ["Vladimir Putin", "Alexander Lukashenko", "Sergei Lavrov", "Dmitry Medvedev", "Mikhail Mishustin"]
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    topics = ["trade", "energy", "gas prices", "the Union State", "security", "the budget", "agriculture", "migration"]
    for i in range(n):
        year = 2000 + i % 23
        lines = [f"Meeting number {i} on {topics[i % len(topics)]}", "", f"{months[i % 12]} {1 + i % 28}, {year}, Moscow", ""]
        for k in range(6):
            who = people[(i + k) % len(people)]
            lines.append(f"{who}: Colleagues, today we discuss {topics[(i + k) % len(topics)]} for the {k + 1} time in {year}.")
            lines.append("")
            lines.append(f"The figures for item {i}-{k} show growth, and we will continue this work together.")
            lines.append("")
        (dest / f"{prefix}_{i:04d}.txt").write_text("\n".join(lines), encoding="utf-8")
    return dest
