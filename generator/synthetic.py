"""A synthetic corpus for benchmarks: N realistic raw transcripts recombined from the seeds.

Everything is harvested from the seed files (read and parsed with our own reader and parser):
real paragraphs and sentences, speaker labels with their roles, journalists and their outlets,
titles, places, section headings, the Kremlin page furniture and breadcrumbs. The curated speaker
registry adds the other officials, so the archive has more than the five seed speakers.

The generated files use the same raw shapes as the seeds:

* ``kremlin``: a full page dump (boilerplate, breadcrumb, title, "Month D, YYYY, Place", summary,
  ``* * *``, section headings, turns, the date line repeated at the end);
* ``press``: the same page for a news conference, with journalists' labels in the forms
  "Outlet correspondent Name:", "Name: Outlet." and "Name (Outlet):";
* ``headerless``: a transcript without a header and without blank lines, ending in ``<…>``;
* ``article``: a news article with headline pull-quotes ("S. Lavrov: We see …") and standalone
  "Name, Role:" lines followed by quoted paragraphs.

Output is deterministic for a given ``seed``; document ``i`` does not depend on ``n``, so a smaller
corpus is a prefix of a larger one (the same transcript page can be compared at every size).
A manifest (``.synthetic.json``, ignored by the reader) records each file's shape, date and the
number of turns the parser must find.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import random
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from . import curation as curation_mod
from .parser import (
    QUOTES,
    TERMINAL,
    Shapes,
    greets,
    heading_shaped,
    is_breadcrumb,
    is_elision,
    is_outlet,
    is_separator,
    parse,
    parse_date_line,
    parse_label,
)
from .reader import read_folder
from .speakers import role_at

MANIFEST = ".synthetic.json"
FIRST_DAY = _dt.date(1992, 1, 1)
LAST_DAY = _dt.date(2026, 12, 31)
UNDATED_SHARE = 0.03
SHAPES = (("kremlin", 0.45), ("press", 0.20), ("headerless", 0.20), ("article", 0.15))
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

# Outlets for journalists' labels. Each must read as an outlet to the parser (checked on load).
_OUTLETS = (
    "TASS news agency", "RIA Novosti", "Interfax", "BelTA news agency", "Rossiya TV Channel",
    "ONT Channel", "CTV Channel", "Izvestia newspaper", "Vedomosti newspaper", "Channel One",
    "Reuters news agency", "Bloomberg news agency", "CNN", "BBC", "NHK", "Xinhua news agency",
    "RT TV Channel", "Sputnik Belarus", "Belarus 1 TV Channel", "Zvezda TV Channel",
)
# Section headings and title templates in the seeds' style; placeholders come from the seeds.
_HEADINGS = (
    "Beginning of {adj} talks in expanded format",
    "Beginning of {adj} talks in restricted format",
    "Statements for the press",
    "Answers to journalists’ questions",
    "Beginning of meeting with {role} {name}",
    "Joint news conference",
)
_TITLES = {
    "kremlin": (
        "{adj} talks",
        "Meeting with {role} {name}",
        "Telephone conversation with {role} {name}",
        "Working meeting with {role} {name}",
        "Meeting of the Supreme State Council of the Union State",
        "Forum of Regions of Russia and Belarus",
        "Informal meeting of {adj} leaders",
    ),
    "press": (
        "News conference following {adj} talks",
        "Joint news conference with {role} {name}",
        "Press statements and answers to journalists’ questions",
        "Statements for the press following {adj} talks",
    ),
}
_SUMMARIES = (
    "{a} held talks with {role} {b} in {place}.",
    "{a} and {role} {b} met in {place} to discuss the further development of strategic partnership.",
    "{a} had a meeting with {role} {b}. The discussion focused on trade, economic cooperation and the Union State.",
    "{a} and {role} {b} made statements for the press and answered journalists’ questions.",
)
_EXTRA_PLACES = ("Sochi", "St Petersburg", "Moscow", "Novo-Ogaryovo, Moscow Region", "Minsk Region", "Brest")
_BREADCRUMBS_EXTRA = ("Transcripts   /", "Events   /")
_SENTENCE_RE = re.compile(r"(?<=[.!?…])\s+(?=[A-Z“\"«])")


@dataclass(frozen=True)
class Speaker:
    """A person who can speak: the name as written and their roles (label prefixes)."""

    name: str
    roles: tuple[str, ...]
    person: Optional[object] = None
    weight: float = 1.0


@dataclass
class Pools:
    """Everything harvested from the seeds and the registry, filtered to shapes the parser reads back."""

    shapes: Shapes
    header: list[str]
    breadcrumbs: list[str]
    speech: list[str]
    sentences: list[str]
    questions: list[str]
    summaries: list[str]
    narration: list[str]
    headings: list[str]
    headlines: list[str]
    titles: list[str]
    adjectives: list[str]
    places: list[str]
    principals: list[Speaker]
    first_names: list[str]
    surnames: list[str]
    outlets: list[str]
    journalist_roles: list[str]
    reserved_names: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()


@dataclass
class Spec:
    """One generated transcript before it is written."""

    index: int
    shape: str
    date: Optional[str]
    turns: int
    text: str
    title: str = ""
    name: str = ""


# ------------------------------------------------------------------------------------------------
# Harvest


def _ok_text(text: str, pools_names: frozenset[str], shapes: Shapes) -> bool:
    """A paragraph that reads back as plain text wherever it is placed (never a label, heading, date)."""
    t = text.strip()
    if len(t) < 2 or t != text or not t.endswith(TERMINAL) or t.endswith((":", ",", ";", "-", "–", "—")):
        return False
    if t[0].isalpha() and t[0].islower():
        return False
    if parse_label(t, shapes, pools_names) is not None or heading_shaped(t) or is_outlet(t, shapes):
        return False
    if is_separator(t) or is_elision(t) or parse_date_line(t) is not None or is_breadcrumb(t):
        return False
    if " ".join(t.split()).casefold() in shapes.boilerplate:
        return False
    return True


@lru_cache(maxsize=4)
def _harvest_cached(seeds_dir: str) -> Pools:
    return harvest(Path(seeds_dir))


def harvest(seeds_dir: Path) -> Pools:
    """Read and parse the seeds; collect the raw material of the synthetic corpus."""
    curated = curation_mod.load()
    shapes = curated.shapes
    documents, _ = read_folder(seeds_dir)
    if not documents:
        raise ValueError(f"no seed transcripts in {seeds_dir}")
    parsed = [(doc, parse(doc, shapes)[0]) for doc in documents]

    # Names: every token of every speaker name, so filters are at least as strict as the parser.
    all_names = {p.name for p in curated.people}
    for _, t in parsed:
        all_names.update(turn.name for turn in t.turns())
    name_tokens = set(shapes.known_names)
    for n in all_names:
        name_tokens.update(tok.rstrip(".").casefold() for tok in n.split())
    names = frozenset(name_tokens)

    header: list[str] = []
    breadcrumbs: list[str] = []
    speech, summaries, narration, headings, headlines, titles, places = [], [], [], [], [], [], []
    questions: list[str] = []
    principals: dict[str, list[str]] = {}
    journalist_roles: list[str] = []
    outlets: list[str] = []
    for doc, t in parsed:
        lines = [ln.text for ln in doc.lines]
        if t.title.origin == "text" and t.title.line > 1:
            pre = lines[: t.title.line - 1]
            crumb = next((i for i in range(len(pre) - 1, -1, -1) if is_breadcrumb(pre[i])), None)
            if crumb is not None:
                if not header:
                    header = pre[:crumb]
                breadcrumbs.append(pre[crumb])
            titles.append(t.title.value)
        if t.place.value:
            places.append(t.place.value)
        summaries.extend(p.text for p in t.summary)
        for section in t.sections:
            if section.heading is not None:
                label = parse_label(section.heading.text, shapes, names)
                (headlines if label is not None else headings).append(section.heading.text)
            for block in section.blocks:
                if hasattr(block, "paragraphs"):
                    if block.role and not block.affiliation and "correspondent" not in block.role.lower():
                        principals.setdefault(block.name, []).append(block.role)
                    if block.role and "correspondent" in block.role.lower():
                        journalist_roles.append(block.role)
                    if block.affiliation:
                        outlets.append(block.affiliation)
                    journalist = "correspondent" in block.role.lower() or bool(block.affiliation)
                    for p in block.paragraphs:
                        if p.kind == "editorial":
                            continue
                        text = p.text.strip('"“”')
                        speech.append(text)
                        if journalist:
                            questions.append(text)
                elif block.kind == "narration":
                    narration.append(block.text)

    ok = lambda s: _ok_text(s, names, shapes)  # noqa: E731
    speech = sorted(set(filter(ok, speech)))
    summaries = sorted(set(filter(ok, summaries)))
    narration = sorted(set(s for s in narration + speech if ok(s) and not s.startswith(QUOTES)))
    sentences = sorted({s for p in speech for s in _SENTENCE_RE.split(p) if ok(s)})
    questions = sorted(set(filter(ok, questions)) | {s for s in sentences if s.endswith("?")})

    # Speakers: principals from the seeds' first-mention labels, plus the registry's officials.
    by_name = {p.name: p for p in curated.people}
    speakers: list[Speaker] = []
    for name, roles in sorted(principals.items()):
        speakers.append(Speaker(name, tuple(sorted(set(roles))), by_name.get(name), weight=8.0))
    seen = {s.name for s in speakers}
    for person in curated.people:
        if person.name in seen or person.affiliation or not person.roles:
            continue
        roles = tuple(r.role for r in person.roles if "," not in r.role)
        if roles:
            speakers.append(Speaker(person.name, roles, person, weight=1.0))
    checked = []
    for s in speakers:
        roles = tuple(r for r in s.roles if _label_ok(f"{r} {s.name}", s.name, shapes) and _label_ok(f"{s.name}, {r}", s.name, shapes))
        if roles:
            checked.append(Speaker(s.name, roles, s.person, s.weight))
    speakers = checked

    # Titles, headings and places in the seeds' style.
    adjectives = sorted({m.group(0) for t in titles for m in re.finditer(r"\b[A-Z]\w+-[A-Z]\w+\b", t)}) or ["Bilateral"]
    places = sorted({p for p in places + list(_EXTRA_PLACES) if parse_date_line(f"June 8, 2016, {p}") is not None})
    outlets = sorted({o for o in outlets + list(_OUTLETS) if is_outlet(o + ".", shapes)})
    first_names = sorted({n.split()[0] for n in all_names if len(n.split()) == 2})
    principal_surnames = {s.name.split()[-1] for s in speakers if s.weight > 1}
    surnames = sorted({n.split()[-1] for n in all_names if len(n.split()) == 2} - principal_surnames)
    reserved = frozenset(n.casefold() for p in curated.people for n in (p.name, *p.aliases))
    if not journalist_roles:
        journalist_roles = ["Kommersant newspaper correspondent"]
    breadcrumbs = sorted(set(breadcrumbs) | {b for b in _BREADCRUMBS_EXTRA if is_breadcrumb(b)})
    headlines = [h for h in headlines if _headline_ok(h, shapes)]
    for s in sentences:
        words = s.split()
        if 4 <= len(words) <= 14 and s[-1] in ".!":
            for person in speakers[:3]:
                initial, surname = person.name.split()[0][0], person.name.split()[-1]
                h = f"{initial}. {surname}: {s[:-1]}"
                if _headline_ok(h, shapes):
                    headlines.append(h)
    return Pools(
        shapes=shapes,
        header=header or ["Official website of the President of Russia", ""],
        breadcrumbs=breadcrumbs,
        speech=speech,
        sentences=sentences,
        questions=questions,
        summaries=summaries,
        narration=narration,
        headings=sorted(h for h in set(headings) if _heading_ok(h, shapes)),
        headlines=sorted(set(headlines)),
        titles=sorted(set(titles)),
        adjectives=adjectives,
        places=places,
        principals=speakers,
        first_names=first_names,
        surnames=surnames,
        outlets=outlets,
        journalist_roles=sorted(set(journalist_roles)),
        reserved_names=reserved,
        names=names,
    )


def _label_ok(label: str, name: str, shapes: Shapes) -> bool:
    parsed = parse_label(label + ": Thank you.", shapes)
    return parsed is not None and parsed.name == name


def _heading_ok(text: str, shapes: Shapes) -> bool:
    return heading_shaped(text) and parse_label(text, shapes) is None and parse_date_line(text) is None


def _headline_ok(text: str, shapes: Shapes) -> bool:
    label = parse_label(text, shapes)
    return bool(label and label.rest and not label.rest.endswith(TERMINAL) and len(label.rest.split()) >= 3
                and not greets(label.rest))


# ------------------------------------------------------------------------------------------------
# Generation


def _date_for(rng: random.Random) -> Optional[_dt.date]:
    if rng.random() < UNDATED_SHARE:
        return None
    return FIRST_DAY + _dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def _date_text(d: _dt.date, rng: random.Random, style: str = "us") -> str:
    month = MONTH_NAMES[d.month - 1]
    if style == "eu":
        return f"{d.day} {month} {d.year}"
    return f"{month} {d.day}, {d.year}"


def _turn_count(rng: random.Random, low: int = 2, high: int = 60) -> int:
    r = rng.random()
    if r < 0.3:
        return rng.randint(low, min(high, 6))
    if r < 0.8:
        return rng.randint(max(low, 7), min(high, 20))
    return rng.randint(max(low, 21), high)


class _Writer:
    """Produces the text of one document from the pools with one Random."""

    def __init__(self, pools: Pools, rng: random.Random, date: Optional[_dt.date]):
        self.p = pools
        self.rng = rng
        self.date = date
        self.iso = date.isoformat() if date else None

    # -- text pieces
    def paragraph(self) -> str:
        rng = self.rng
        if rng.random() < 0.55 or len(self.p.sentences) < 3:
            return rng.choice(self.p.speech)
        for _ in range(5):
            text = " ".join(rng.sample(self.p.sentences, rng.randint(2, 5)))
            if _ok_text(text, self.p.names, self.p.shapes):
                return text
        return rng.choice(self.p.speech)

    def long_paragraph(self) -> str:
        for _ in range(20):
            text = self.paragraph()
            if len(text) > 110:
                return text
        return max(self.p.speech, key=len)

    def paragraphs(self, low: int, high: int) -> list[str]:
        return [self.paragraph() for _ in range(self.rng.randint(low, high))]

    def question(self) -> list[str]:
        rng = self.rng
        out = [self.paragraph() for _ in range(rng.randint(0, 2))]
        out.append(rng.choice(self.p.questions))
        return out

    def principals(self, k: int) -> list[Speaker]:
        pool = list(self.p.principals)
        chosen: list[Speaker] = []
        while pool and len(chosen) < k:
            pick = self.rng.choices(pool, weights=[s.weight for s in pool])[0]
            pool.remove(pick)
            chosen.append(pick)
        return chosen

    def role(self, speaker: Speaker) -> str:
        if speaker.person is not None and self.iso:
            at = role_at(speaker.person, self.iso)  # type: ignore[arg-type]
            if at and at in speaker.roles:
                return at
        return self.rng.choice(speaker.roles)

    def journalist(self, taken: set[str]) -> tuple[str, str]:
        """(full name, outlet) of a journalist who has not spoken in this document yet."""
        for _ in range(50):
            name = f"{self.rng.choice(self.p.first_names)} {self.rng.choice(self.p.surnames)}"
            if name.casefold() not in self.p.reserved_names and name not in taken:
                taken.add(name)
                return name, self.rng.choice(self.p.outlets)
        raise RuntimeError("could not pick a journalist name")

    def fill(self, template: str, people: list[Speaker]) -> str:
        a = people[0]
        b = people[1] if len(people) > 1 else people[0]
        return template.format(
            adj=self.rng.choice(self.p.adjectives), role=self.role(b), name=b.name, a=a.name, b=b.name,
            place=self.rng.choice(self.p.places),
        )

    def summary(self, people: list[Speaker], k: int) -> list[str]:
        out = []
        for _ in range(k):
            if self.rng.random() < 0.5 or len(people) < 2:
                out.append(self.rng.choice(self.p.summaries))
            else:
                out.append(self.fill(self.rng.choice(_SUMMARIES), people))
        return out

    def heading(self, people: list[Speaker]) -> str:
        if self.p.headings and self.rng.random() < 0.3:
            return self.rng.choice(self.p.headings)
        for _ in range(20):
            text = self.fill(self.rng.choice(_HEADINGS), people)
            if _heading_ok(text, self.p.shapes):
                return text
        return "Statements for the press"

    def narration(self, low: int, high: int) -> list[str]:
        out = []
        for _ in range(self.rng.randint(low, high)):
            text = self.paragraph()
            out.append(text if not text.startswith(QUOTES) else self.rng.choice(self.p.narration))
        return out

    # -- turns: list of (label line, paragraphs); the first mention carries the role
    def dialogue(self, people: list[Speaker], n: int, long_first: bool) -> list[tuple[str, list[str]]]:
        turns = []
        mentioned: set[str] = set()
        for k in range(n):
            spk = people[k % len(people)] if k < len(people) or self.rng.random() < 0.7 else self.rng.choice(people)
            if turns and turns[-1][0].endswith(spk.name):
                spk = people[(people.index(spk) + 1) % len(people)]
            label = spk.name if spk.name in mentioned else f"{self.role(spk)} {spk.name}"
            mentioned.add(spk.name)
            if long_first and k < len(people):
                paras = self.paragraphs(2, 10)
            else:
                paras = self.paragraphs(1, 2) if self.rng.random() < 0.85 else self.paragraphs(3, 6)
            turns.append((label, paras))
        return turns


def _render_turns(turns: list[tuple[str, list[str]]]) -> list[str]:
    out = []
    for label, paras in turns:
        out.append(f"{label}: {paras[0]}")
        out.extend(paras[1:])
    return out


def _title(w: _Writer, shape: str, people: list[Speaker]) -> str:
    if w.p.titles and w.rng.random() < 0.25:
        candidates = [t for t in w.p.titles if ("news conference" in t.lower()) == (shape == "press")]
        if candidates:
            return w.rng.choice(candidates)
    return w.fill(w.rng.choice(_TITLES[shape]), people)


def _kremlin(w: _Writer, shape: str) -> tuple[str, int, str]:
    rng = w.rng
    people = w.principals(2 if rng.random() < 0.85 else 3)
    title = _title(w, shape, people)
    lines = list(w.p.header) + [rng.choice(w.p.breadcrumbs), "", title, ""]
    date_line = ""
    if w.date:
        date_line = f"{_date_text(w.date, rng)}, {rng.choice(w.p.places)}"
        lines += [date_line, ""]
    for s in w.summary(people, rng.randint(1, 3)):
        lines += [s, ""]
    if rng.random() < 0.7:
        lines += ["* * *", ""]
        if rng.random() < 0.3:
            lines += [w.heading(people), ""]
    if shape == "kremlin":
        turns = w.dialogue(people, _turn_count(rng), long_first=rng.random() < 0.6)
    else:
        turns = _press_turns(w, people)
    count = 0
    for label, paras in turns:
        if count and rng.random() < 0.04:
            lines += [w.heading(people), ""]
        lines += [f"{label}: {paras[0]}", ""]
        for p in paras[1:]:
            lines += [p, ""]
        count += 1
    if date_line:
        lines += ["", date_line]
    return "\n".join(lines), count, title


def _press_turns(w: _Writer, people: list[Speaker]) -> list[tuple[str, list[str]]]:
    rng = w.rng
    n = _turn_count(rng, low=6)
    turns = w.dialogue(people, len(people), long_first=True)
    taken: set[str] = {p.name for p in people}
    while len(turns) < n:
        name, outlet = w.journalist(taken)
        form = rng.random()
        question = w.question()
        if form < 0.4:
            turns.append((f"{name}", [f"{outlet}."] + question))
        elif form < 0.7:
            turns.append((f"{rng.choice(w.p.journalist_roles + [outlet + ' correspondent'])} {name}", question))
        else:
            turns.append((f"{name} ({outlet})", question))
        for spk in rng.sample(people, rng.randint(1, len(people))):
            if len(turns) >= n:
                break
            turns.append((spk.name, w.paragraphs(1, 4)))
    return turns


def _headerless(w: _Writer) -> tuple[str, int, str]:
    rng = w.rng
    people = w.principals(2)
    lines = []
    if w.date:
        lines.append(f"{_date_text(w.date, rng, rng.choice(['us', 'eu']))}, {rng.choice(w.p.places)}")
    lines.append(w.long_paragraph() if rng.random() < 0.5 else w.fill(_SUMMARIES[2], people) + " " + w.long_paragraph())
    if rng.random() < 0.7:
        lines.append("* * *")
    turns = w.dialogue(people, _turn_count(rng), long_first=False)
    lines += _render_turns(turns)
    lines.append("<…>")
    return "\n".join(lines), len(turns), ""


def _article(w: _Writer) -> tuple[str, int, str]:
    rng = w.rng
    people = w.principals(2)
    lines: list[str] = []
    if w.date:
        lines += [_date_text(w.date, rng), ""]
    lines += [w.long_paragraph(), "", "", "", "", ""]
    blocks = rng.randint(2, 10)
    title = ""
    for k in range(blocks):
        r = rng.random()
        if (k == 0 or r < 0.3) and w.p.headlines:
            headline = rng.choice(w.p.headlines)
            title = title or headline
            lines += [headline, ""]
        elif r < 0.5:
            lines += [w.heading(people), ""]
        for p in w.narration(0 if k else 1, 2):
            lines += [p, ""]
        spk = rng.choice(people)
        lines += [f"{spk.name}, {w.role(spk)}:", ""]
        for p in w.paragraphs(1, 2):
            lines += [f"\u201c{p}\u201d" if rng.random() < 0.5 else f'"{p}"', ""]
        lines += [""] * rng.randint(0, 2)
    if rng.random() < 0.5:
        lines += ["", w.heading(people)]
    return "\n".join(lines), blocks, title


def _document(pools: Pools, index: int, doc_seed: int) -> Spec:
    rng = random.Random(doc_seed)
    shape = rng.choices([s for s, _ in SHAPES], weights=[w for _, w in SHAPES])[0]
    date = _date_for(rng)
    w = _Writer(pools, rng, date)
    if shape in ("kremlin", "press"):
        text, turns, title = _kremlin(w, shape)
    elif shape == "headerless":
        text, turns, title = _headerless(w)
    else:
        text, turns, title = _article(w)
    text = text.rstrip("\n") + ("\n" if rng.random() < 0.8 else "")
    digest = hashlib.sha256(f"{index}\n{text}".encode("utf-8")).hexdigest()[:16]
    return Spec(index, shape, date.isoformat() if date else None, turns, text, title, f"{index:05d}_{digest}.txt")


def _doc_seeds(seed: int, count: int) -> list[int]:
    master = random.Random(seed)
    return [master.getrandbits(64) for _ in range(count)]


def plan(seeds_dir: Path, n: int, seed: int = 0, start: int = 0) -> list[Spec]:
    """The documents ``start`` .. ``n - 1`` of the corpus for ``seed``, without writing them."""
    pools = _harvest_cached(str(Path(seeds_dir).resolve()))
    seeds = _doc_seeds(seed, n)
    return [_document(pools, i, seeds[i]) for i in range(start, n)]


def make_corpus(seeds_dir: Path, out_dir: Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic raw transcripts into ``out_dir`` (plus the manifest); return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    specs = plan(seeds_dir, n, seed)
    paths = []
    for spec in specs:
        path = out_dir / spec.name
        path.write_text(spec.text, encoding="utf-8")
        paths.append(path)
    _write_manifest(out_dir, seed, specs)
    return paths


def add_document(seeds_dir: Path, out_dir: Path, index: int, seed: int = 0) -> Path:
    """Write document ``index`` of the corpus for ``seed`` (the one make_corpus(n=index + 1) would add)."""
    spec = plan(seeds_dir, index + 1, seed, start=index)[0]
    path = Path(out_dir) / spec.name
    path.write_text(spec.text, encoding="utf-8")
    manifest = read_manifest(out_dir)
    files = [f for f in manifest.get("files", []) if f["name"] != spec.name] + [_entry(spec)]
    (Path(out_dir) / MANIFEST).write_text(
        json.dumps({**manifest, "files": files}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return path


def _entry(spec: Spec) -> dict:
    d = asdict(spec)
    d.pop("text")
    return d


def _write_manifest(out_dir: Path, seed: int, specs: list[Spec]) -> None:
    data = {"seed": seed, "n": len(specs), "files": [_entry(s) for s in specs]}
    (out_dir / MANIFEST).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def read_manifest(out_dir: Path) -> dict:
    path = Path(out_dir) / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"files": []}


def expected_turns(out_dir: Path) -> dict[str, int]:
    """File name -> the number of speaker turns the parser must find in it."""
    return {f["name"]: f["turns"] for f in read_manifest(out_dir)["files"]}


def expected_dates(out_dir: Path) -> dict[str, Optional[str]]:
    """File name -> ISO date written into it, or None for an undated file."""
    return {f["name"]: f["date"] for f in read_manifest(out_dir)["files"]}


__all__ = ["make_corpus", "add_document", "plan", "expected_turns", "expected_dates", "read_manifest", "harvest"]
