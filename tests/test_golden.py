"""Golden files: the generated Markdown of every seed, and the speaker, topic, chronology and home pages.

Regenerate with ``python -m pytest tests/test_golden.py --update-goldens`` and review the diff.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from generator.build import generate

from .conftest import SEEDS

GOLDEN = Path(__file__).parent / "golden" / "site_src"


@pytest.fixture(scope="module")
def pages():
    generated = generate(SEEDS)
    assert generated.ok, generated.problems
    return {p.path: p.text for p in generated.pages}


def test_golden_tree(pages, update_goldens):
    if update_goldens:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, text in pages.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
    expected = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert expected == set(pages), "pages added or removed; rerun with --update-goldens and review"
    diffs = []
    for path in sorted(pages):
        want = (GOLDEN / path).read_bytes().decode("utf-8")
        if want != pages[path]:
            diffs.append("".join(difflib.unified_diff(
                want.splitlines(True), pages[path].splitlines(True), f"golden/{path}", f"generated/{path}", n=1
            ))[:3000])
    assert not diffs, "\n".join(diffs)


def test_every_seed_has_a_golden_page():
    for seed in sorted(SEEDS.glob("*.txt")):
        assert (GOLDEN / "transcripts" / f"{seed.stem}.md").exists()
