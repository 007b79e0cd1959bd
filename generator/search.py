"""Search engine choice: Material's lunr search or Pagefind, by setting or by archive size.

The setting is ``extra.search_engine`` in ``mkdocs.yml`` (``auto``, ``lunr`` or ``pagefind``),
overridden by ``build --search``. With ``auto``:

* the hosted site uses Pagefind from ``PAGEFIND_FROM`` transcripts on (Material's one-file lunr
  index grows to tens of MB and a GB of browser memory at 10,000 transcripts), and lunr below;
* the offline edition always uses lunr, because Pagefind cannot load from ``file://``. From
  ``OFFLINE_FULL_TEXT_UNTIL`` transcripts on, its index holds titles, speakers and summaries only,
  and the pages say so.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PAGEFIND_FROM = 1500
OFFLINE_FULL_TEXT_UNTIL = 1000
ENGINES = ("auto", "lunr", "pagefind")


@dataclass(frozen=True)
class SearchPlan:
    """Which engine a build uses, and how much of each transcript the index holds."""

    engine: str
    """``lunr`` (Material's search plugin) or ``pagefind``."""
    full_text: bool
    """False when the index holds only titles, speakers and summaries (large offline copies)."""
    reason: str


def choose(setting: str, transcripts: int, *, offline: bool) -> SearchPlan:
    """Resolve the setting for an archive of ``transcripts`` transcripts."""
    if setting not in ENGINES:
        raise ValueError(f"search engine '{setting}' is not one of: {', '.join(ENGINES)}")
    if offline:
        full = transcripts < OFFLINE_FULL_TEXT_UNTIL
        why = "offline copies use Material's search (Pagefind cannot load from file://)"
        if not full:
            why += f"; from {OFFLINE_FULL_TEXT_UNTIL} transcripts on it indexes titles, speakers and summaries"
        return SearchPlan("lunr", full, why)
    if setting == "auto":
        if transcripts >= PAGEFIND_FROM:
            return SearchPlan("pagefind", True, f"auto: {transcripts} transcripts >= {PAGEFIND_FROM}")
        return SearchPlan("lunr", True, f"auto: {transcripts} transcripts < {PAGEFIND_FROM}")
    return SearchPlan(setting, True, f"set to {setting}")


def configured_engine(config_file: Path) -> str:
    """``extra.search_engine`` from the MkDocs config (``auto`` when absent)."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as fh:
        data = yaml_load(fh) or {}
    return str((data.get("extra") or {}).get("search_engine", "auto"))


def run_pagefind(site_dir: Path) -> None:
    """Index a built site with Pagefind (from the pinned PyPI package ``pagefind[bin]``)."""
    result = subprocess.run(
        # Only the pages that carry data-pagefind-body: parsing figures and downloads costs time and memory.
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent",
         "--glob", "{index.html,transcripts/**/*.html,speakers/**/*.html,topics/**/*.html,chronology/**/*.html}"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed: {result.stderr.strip() or result.stdout.strip()}")
