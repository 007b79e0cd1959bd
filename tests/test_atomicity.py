"""Nothing half-built: a refused input, a failing MkDocs build or a build killed midway leaves the
previous ``site/`` and docs dir byte for byte as they were.

The previous state is a build of the seeds. Trees are compared by the SHA-256 of every file (and
the list of directories). The site's parent folder may afterwards hold nothing but what we can
explain: the site, the docs dir and, after a SIGKILL, the killed build's own ``.build-*``
workspace (a killed process cannot clean up after itself).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.register_assert_rewrite("tests.fidelity")

from . import fidelity as fx  # noqa: E402


def _snapshot(work: Path) -> dict:
    return {
        "site": fx.hash_tree(work / "site"),
        "docs": fx.hash_tree(work / "docs"),
        "parent": sorted(p.name for p in work.iterdir() if p.name not in ("input", "next")),
    }


def _assert_unchanged(before: dict, after: dict, allow_parent: tuple[str, ...] = ()) -> None:
    assert after["site"] == before["site"], "site/ changed: " + fx.tree_diff(before["site"], after["site"])
    assert after["docs"] == before["docs"], "docs dir changed: " + fx.tree_diff(before["docs"], after["docs"])
    extra = [n for n in after["parent"] if n not in before["parent"] and not n.startswith(allow_parent)]
    missing = [n for n in before["parent"] if n not in after["parent"]]
    assert not extra and not missing, f"next to the site: unexplained {extra}, missing {missing}"


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("seedbuild")
    site, docs, result = fx.build(fx.ROOT / "seeds", work)
    assert result.returncode == 0, result.stdout + result.stderr
    return work


@pytest.fixture()
def previous(seed_build, tmp_path) -> tuple[Path, dict]:
    """A work folder holding site/ and docs/ built from the seeds (a copy), and their snapshot."""
    for name in ("site", "docs"):
        shutil.copytree(seed_build / name, tmp_path / name, symlinks=True)
    return tmp_path, _snapshot(tmp_path)


def _build(work: Path, input_dir: Path, **kwargs) -> subprocess.CompletedProcess:
    return fx.run_generator(
        "build", "--input", str(input_dir), "--docs-dir", str(work / "docs"), "--site-dir", str(work / "site"), **kwargs
    )


# ------------------------------------------------------------------------------ refusals


def test_refused_input_leaves_site_and_docs_untouched(previous):
    work, before = previous
    inp = work / "input"
    shutil.copytree(fx.ROOT / "seeds", inp)
    fx.materialise("impossible_date", inp)
    fx.materialise("binary_nul", inp)
    result = _build(work, inp)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "impossible_date.txt:3: error:" in result.stderr and "binary_nul.txt:2: error:" in result.stderr
    _assert_unchanged(before, _snapshot(work))


def test_failing_mkdocs_build_leaves_site_and_docs_untouched(previous):
    """A hand-written page with a broken link: MkDocs (strict) refuses after our stages passed."""
    work, _ = previous
    (work / "docs" / "broken.md").write_text("# Broken\n\nSee [the missing page](missing.md).\n", encoding="utf-8")
    before = _snapshot(work)
    inp = work / "input"
    shutil.copytree(fx.ROOT / "seeds", inp)
    fx.materialise("russian_utf8", inp)  # a different input: the docs dir would change if written
    result = _build(work, inp)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "left as they were" in result.stderr, result.stderr
    _assert_unchanged(before, _snapshot(work))


def test_failing_mkdocs_build_beside_pagefind_is_the_error_reported(previous):
    """Pagefind runs beside MkDocs: when MkDocs refuses, Pagefind is stopped and MkDocs' error shown."""
    work, _ = previous
    (work / "docs" / "broken.md").write_text("# Broken\n\nSee [the missing page](missing.md).\n", encoding="utf-8")
    before = _snapshot(work)
    result = fx.run_generator(
        "build", "--input", str(fx.ROOT / "seeds"), "--docs-dir", str(work / "docs"), "--site-dir", str(work / "site"),
        "--search", "pagefind",
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "missing.md" in result.stderr and "Pagefind" not in result.stderr, result.stderr
    assert "left as they were" in result.stderr, result.stderr
    _assert_unchanged(before, _snapshot(work))


# ------------------------------------------------------------------------------ a build killed midway


def _kill_when(work: Path, input_dir: Path, ready, timeout: float = 120.0) -> tuple[str, float]:
    """Start a build, SIGKILL its whole process group as soon as ``ready(work)`` holds."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    env.pop("SITE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--input", str(input_dir),
         "--docs-dir", str(work / "docs"), "--site-dir", str(work / "site")],
        cwd=fx.ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    start = time.monotonic()
    why = ""
    try:
        while time.monotonic() - start < timeout:
            if proc.poll() is not None:
                out = proc.stdout.read().decode(errors="replace")
                pytest.fail(f"the build finished (exit {proc.returncode}) before it could be killed:\n{out}")
            why = ready(work)
            if why:
                break
            time.sleep(0.005)
        else:
            pytest.fail("the build never reached the point where it should be killed")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
    # Worker processes of the same session die with it; give the kernel a moment to reap them.
    time.sleep(0.2)
    return why, time.monotonic() - start


def _workspaces(work: Path) -> list[Path]:
    return sorted(work.glob(".build-*"))


def _mkdocs_started(work: Path) -> str:
    for ws in _workspaces(work):
        if (ws / "site").exists():
            return f"MkDocs started writing {ws.name}/site"
    return ""


def _mkdocs_midway(work: Path) -> str:
    for ws in _workspaces(work):
        pages = ws / "site" / "transcripts"
        if pages.is_dir():
            n = sum(1 for _ in pages.glob("*/index.html"))
            if n >= 40:
                return f"MkDocs had written {n} transcript pages into {ws.name}/site"
    return ""


def _staging(work: Path) -> str:
    for ws in _workspaces(work):
        if (ws / "docs").exists():
            return f"the generator started staging {ws.name}/docs"
    return ""


@pytest.fixture(scope="module")
def bulk_input(tmp_path_factory) -> Path:
    """400 generated transcripts: a build long enough to be killed in the middle."""
    return fx.many_transcripts(tmp_path_factory.mktemp("bulk") / "input", 400)


@pytest.mark.slow
@pytest.mark.parametrize("moment", [_staging, _mkdocs_started, _mkdocs_midway], ids=["staging", "mkdocs-started", "mkdocs-midway"])
def test_killed_build_leaves_site_and_docs_untouched(previous, bulk_input, moment):
    work, before = previous
    why, elapsed = _kill_when(work, bulk_input, moment)
    after = _snapshot(work)
    _assert_unchanged(before, after, allow_parent=(".build-",))
    assert len(_workspaces(work)) <= 1, f"{why}: more than one workspace left: {_workspaces(work)}"


@pytest.mark.slow
def test_next_build_clears_a_killed_builds_workspace(previous, bulk_input):
    work, _ = previous
    _kill_when(work, bulk_input, _mkdocs_started)
    assert _workspaces(work), "the kill left no workspace to clear (nothing to test)"
    result = _build(work, fx.ROOT / "seeds")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not _workspaces(work), f"stale workspaces after a successful build: {[p.name for p in _workspaces(work)]}"


# ------------------------------------------------------------------------------ the swap itself


def test_failure_between_the_two_renames_keeps_a_site(tmp_path, monkeypatch):
    from generator import site as site_mod

    old_site = tmp_path / "site"
    (old_site / "sub").mkdir(parents=True)
    (old_site / "index.html").write_text("old", encoding="utf-8")
    new_site = tmp_path / "new"
    new_site.mkdir()
    (new_site / "index.html").write_text("new", encoding="utf-8")
    before = fx.hash_tree(old_site)
    real_replace = os.replace
    calls = []

    def flaky_replace(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:
            raise OSError("simulated failure (disk full, EXDEV, kill) between the two renames")
        return real_replace(src, dst)

    monkeypatch.setattr(site_mod.os, "replace", flaky_replace)
    with pytest.raises(OSError):
        site_mod.swap_in(new_site, old_site)
    monkeypatch.undo()
    assert fx.hash_tree(old_site) == before, "site/ is gone or changed after a failed swap"
