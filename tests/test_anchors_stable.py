"""Anchors are permanent: citations link to them.

* Adding transcripts to the archive changes no anchor in any other transcript (compared on the
  built pages and in ``data/archive.json``).
* Fixing a typo inside one paragraph changes no anchor of the transcript (the paragraph keeps its
  own anchor too), whatever the paragraph and whatever the typo (a swapped, added or removed letter).
"""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path
from unittest import mock

import pytest

pytest.register_assert_rewrite("tests.fidelity")

from . import fidelity as fx  # noqa: E402
from generator import curation as curation_mod  # noqa: E402
from generator.build import generate  # noqa: E402
from generator.model import Turn  # noqa: E402

_load_curation_once = functools.lru_cache(maxsize=1)(curation_mod.load)

ADDED = {
    # Sorts before every seed, dated between them, with the seed speakers, a new speaker who shares
    # a surname with a curated one, a generic label, a heading and a summary.
    "000_aaa_added.txt": """Russian-Belarusian talks

February 18, 2019, Sochi

Vladimir Putin and Alexander Lukashenko met in Sochi.

* * *

Beginning of the meeting

Vladimir Putin: Good afternoon, Mr Lukashenko.

Alexander Lukashenko: Good afternoon.

Sergei Kolesnikov: A question from the press, if I may.

Question: And another one?

Vladimir Putin: Later, please.
""",
    # Same title and date as a seed, speakers in reverse order.
    "zzz_added.txt": """News conference following Russian-Belarusian talks

February 18, 2022, The Kremlin, Moscow

President of the Republic of Belarus Alexander Lukashenko: We have agreed on everything.

President of Russia Vladimir Putin: Yes, on everything.
""",
}


def page_anchors(html: str) -> list[str]:
    """The ids of the summary and body (turns, paragraphs, headings), in page order."""
    return fx.content_anchors(html)


def site_anchors(site: Path) -> dict[str, dict]:
    out = {}
    for rec in fx.load_archive(site)["transcripts"]:
        out[rec["id"]] = {
            "page": page_anchors(fx.transcript_page(site, rec).read_text(encoding="utf-8")),
            "turns": [(t["anchor"], t["speaker"]) for t in rec["turns"]],
        }
    return out


def test_adding_transcripts_changes_no_other_anchor(built_site, tmp_path):
    inp = tmp_path / "input"
    shutil.copytree(fx.ROOT / "seeds", inp)
    for name, text in ADDED.items():
        (inp / name).write_text(text, encoding="utf-8")
    site, _, result = fx.build(inp, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    before, after = site_anchors(built_site), site_anchors(site)
    assert set(after) == set(before) | {"000_aaa_added", "zzz_added"}
    for tid, anchors in before.items():
        assert anchors["page"], tid
        assert after[tid] == anchors, f"{tid}: anchors changed when other transcripts were added"
    assert [a for a, _ in after["000_aaa_added"]["turns"]] == [
        "vladimir-putin-1", "alexander-lukashenko-1", "sergei-kolesnikov-1", "question-1", "vladimir-putin-2"]


# ------------------------------------------------------------------------------ typo fixes


def _anchors_of(folder: Path) -> list[str]:
    with mock.patch.object(curation_mod, "load", _load_curation_once):
        generated = generate(folder)
    assert generated.ok, [str(p) for p in generated.problems]
    [page] = [p for p in generated.pages if p.path.startswith("transcripts/")]
    return page_anchors(page.text)


def _typos(word: str) -> list[str]:
    """A swapped, a doubled and a dropped interior letter of ``word`` (which has >= 4 letters)."""
    i = len(word) // 2
    return [
        word[: i - 1] + word[i] + word[i - 1] + word[i + 1:],
        word[:i] + word[i] + word[i:],
        word[:i] + word[i + 1:],
    ]


def _paragraph_edits(doc, t) -> list[tuple[int, int, str]]:
    """(source line, offset of the paragraph on it, a long word of the paragraph) for the first,
    middle and last paragraphs and the first summary paragraph. The word is taken from the
    paragraph's own text, never from a speaker label on the same line."""
    paras = list(t.summary)
    for s in t.sections:
        for b in s.blocks:
            paras.extend(b.paragraphs if isinstance(b, Turn) else [b])
    if not paras:
        return []
    picks = [paras[0], paras[len(paras) // 2], paras[-1], *t.summary[:1]]
    lines = {ln.number: ln.text for ln in doc.lines}
    out = []
    for para in {p.line: p for p in picks}.values():
        line = lines[para.line]
        start = line.find(para.text[:40])
        assert start >= 0, (para.line, para.text[:40], line[:80])
        words = re.findall(r"[^\W\d_]{5,}", line[start:])
        if words:
            out.append((para.line, start, max(words, key=len)))
    return sorted(out)


@pytest.mark.parametrize("seed", sorted(p.name for p in (fx.ROOT / "seeds").glob("*.txt")))
def test_typo_fix_changes_no_anchor(seed, tmp_path):
    original = (fx.ROOT / "seeds" / seed).read_bytes().decode("utf-8")
    base = tmp_path / "base"
    base.mkdir()
    (base / seed).write_text(original, encoding="utf-8")
    reference = _anchors_of(base)
    [doc] = fx.read_docs(base).values()
    t = fx.parse_doc(doc)
    picks = _paragraph_edits(doc, t)
    assert picks, "no paragraph to edit"
    changed = []
    src_lines = original.split("\n")
    for k, (line_no, start, word) in enumerate(picks):
        for j, typo in enumerate(_typos(word)):
            lines = list(src_lines)
            line = lines[line_no - 1]
            lines[line_no - 1] = line[:start] + line[start:].replace(word, typo, 1)
            variant = tmp_path / f"v{k}-{j}"
            variant.mkdir()
            (variant / seed).write_text("\n".join(lines), encoding="utf-8")
            got = _anchors_of(variant)
            if got != reference:
                diff = [(a, b) for a, b in zip(reference, got) if a != b][:5]
                changed.append(f"line {line_no}: {word!r} -> {typo!r}: {diff or (len(reference), len(got))}")
    assert not changed, "\n".join(changed)


HARD_WRAPPED = """Hard-wrapped talks

June 8, 2016, Minsk

Vladimir Putin: Good afternoon, colleagues. We have gathered today to discuss the
situation in the economy and the budget of the goverment for the next year, which is truly important
for all of us, and for the regions in particular, as they depend on transfers.

Alexander Lukashenko: Thank you, Mr Putin. I fully agree with what you have said about
the economy and the budget, and I would like to add a few words about our trade and
the joint programmes of the Union State, which we are carrying out together now.
"""


def test_typo_fix_in_hard_wrapped_text_changes_no_other_anchor(tmp_path):
    base = tmp_path / "base"
    base.mkdir()
    (base / "wrapped.txt").write_text(HARD_WRAPPED, encoding="utf-8")
    reference = _anchors_of(base)
    assert "alexander-lukashenko-1-p1" in reference and "alexander-lukashenko-1-p2" not in reference
    # A typo fix in Putin's paragraph: "goverment" -> "government" makes that line 101 characters.
    assert max(len(line) for line in HARD_WRAPPED.splitlines()) == 100
    fixed = HARD_WRAPPED.replace("goverment", "government")
    assert max(len(line) for line in fixed.splitlines()) == 101
    variant = tmp_path / "variant"
    variant.mkdir()
    (variant / "wrapped.txt").write_text(fixed, encoding="utf-8")
    got = _anchors_of(variant)
    others = [a for a in reference if not a.startswith("vladimir-putin-1")]
    assert [a for a in got if not a.startswith("vladimir-putin-1")] == others
