"""Shared fixtures: curated data, parsed seeds, and built sites (hosted and offline editions)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT))

from generator import curation  # noqa: E402
from generator.parser import parse  # noqa: E402
from generator.reader import read_folder  # noqa: E402
from generator.writer import copy_hand_written  # noqa: E402


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from current output")


@pytest.fixture(scope="session")
def update_goldens(request) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(scope="session")
def curated():
    return curation.load()


@pytest.fixture(scope="session")
def shapes(curated):
    return curated.shapes


@pytest.fixture(scope="session")
def seed_docs():
    docs, problems = read_folder(SEEDS)
    assert not [p for p in problems if p.severity == "error"]
    return {d.stem: d for d in docs}


@pytest.fixture(scope="session")
def seed_transcripts(seed_docs, shapes):
    return {stem: parse(doc, shapes)[0] for stem, doc in seed_docs.items()}


def run_cli(*args: str, cwd: Path = ROOT, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run ``python -m generator`` in a subprocess, as a user would."""
    full_env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    full_env.pop("SITE_URL", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout,
    )


def build_into(
    tmp: Path, input_dir: Path = SEEDS, *, offline: bool = False, env: dict | None = None, extra_args: list[str] | None = None
) -> tuple[Path, Path]:
    """Build ``input_dir`` into ``tmp``/site with a docs dir copied from site_src; return (site, docs)."""
    docs = tmp / "docs"
    if not docs.exists():
        docs.mkdir(parents=True)
        copy_hand_written(ROOT / "site_src", docs)
    site = tmp / ("site-offline" if offline else "site")
    args = ["build", "--input", str(input_dir), "--docs-dir", str(docs), "--site-dir", str(site)]
    if offline:
        args.append("--offline")
    args += extra_args or []
    result = run_cli(*args, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, docs


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The seeds built as the hosted site (directory URLs)."""
    site, _ = build_into(tmp_path_factory.mktemp("hosted"))
    return site


@pytest.fixture(scope="session")
def built_docs(built_site) -> Path:
    return built_site.parent / "docs"


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The seeds built as the offline edition (file:// URLs, local search)."""
    site, _ = build_into(tmp_path_factory.mktemp("offline"), offline=True)
    return site
