"""Write edge: put generated pages into a docs dir, touching only files whose content changed.

The set of generated paths is recorded in ``.generated.json`` inside the docs dir (MkDocs skips
dot-files), so pages of transcripts that were removed are deleted on the next run and pages
written by hand are never touched.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .render import Page

MANIFEST = ".generated.json"
GENERATED_ROOTS = (
    "index.md", "search.md", "tags.md", "transcripts/", "speakers/", "topics/", "chronology/", "figures/", "downloads/",
    "data/", "assets/vendor/",
)
"""Paths under the docs dir that belong to the generator; everything else is written by hand."""


@dataclass(frozen=True)
class WriteReport:
    """What a sync changed."""

    written: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int


def is_generated(path: str) -> bool:
    return any(path == root or (root.endswith("/") and path.startswith(root)) for root in GENERATED_ROOTS)


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)


def sync(docs_dir: Path, pages: Iterable[Page]) -> WriteReport:
    """Make the generated part of ``docs_dir`` equal to ``pages``; write only what differs."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = docs_dir / MANIFEST
    try:
        previous = set(json.loads(manifest_path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        previous = set()
    written, unchanged, current = [], 0, []
    seen: dict[str, int] = {}
    for page in pages:
        if page.path in seen:
            raise ValueError(f"two pages would be written to {page.path}")
        seen[page.path] = 1
        if not is_generated(page.path):
            raise ValueError(f"refusing to write {page.path}: not a generated path")
        current.append(page.path)
        target = docs_dir / page.path
        data = page.text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                unchanged += 1
                continue
        except OSError:
            pass
        _atomic_write(target, data)
        written.append(page.path)
    deleted = sorted(previous - set(current))
    for path in deleted:
        if is_generated(path):
            try:
                (docs_dir / path).unlink()
            except FileNotFoundError:
                pass
    _prune_empty_dirs(docs_dir)
    _atomic_write(manifest_path, (json.dumps(sorted(current), indent=0) + "\n").encode("utf-8"))
    return WriteReport(tuple(written), tuple(deleted), unchanged)


def write_tree(root: Path, files: Iterable[tuple[str, str]]) -> None:
    """Write ``(relative path, text)`` files into a new folder ``root`` (scratch copies, no manifest)."""
    made: set[Path] = set()
    for path, text in files:
        target = root / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_text(text, encoding="utf-8")


def sync_from(docs_dir: Path, staging: Path) -> WriteReport:
    """Make the generated part of ``docs_dir`` equal to that of ``staging`` (written by ``sync``)."""
    paths = json.loads((staging / MANIFEST).read_text(encoding="utf-8"))
    return sync(docs_dir, (_StagedPage(path, staging / path) for path in paths))


@dataclass(frozen=True)
class _StagedPage:
    """A page whose text is read from the staging dir only when it is compared or written."""

    path: str
    source: Path

    @property
    def text(self) -> str:
        return self.source.read_bytes().decode("utf-8")


def _prune_empty_dirs(docs_dir: Path) -> None:
    for root in GENERATED_ROOTS:
        if not root.endswith("/"):
            continue
        base = docs_dir / root
        if not base.is_dir():
            continue
        for dirpath, dirnames, filenames in sorted(os.walk(base, topdown=False), reverse=False):
            if not dirnames and not filenames and Path(dirpath) != base:
                try:
                    os.rmdir(dirpath)
                except OSError:
                    pass


def copy_hand_written(docs_dir: Path, staging: Path) -> None:
    """Copy (hard-link where possible) every hand-written file of ``docs_dir`` into ``staging``."""
    for path in sorted(docs_dir.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(docs_dir).as_posix()
        if rel == MANIFEST or is_generated(rel):
            continue
        dest = staging / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)


def clean(docs_dir: Path) -> list[str]:
    """Remove every generated file from ``docs_dir``; return what was removed."""
    removed = []
    for path in sorted(docs_dir.rglob("*")) if docs_dir.exists() else []:
        rel = path.relative_to(docs_dir).as_posix()
        if path.is_file() and (is_generated(rel) or rel == MANIFEST):
            path.unlink()
            removed.append(rel)
    _prune_empty_dirs(docs_dir)
    for root in GENERATED_ROOTS:
        p = docs_dir / root
        if root.endswith("/") and p.is_dir() and not any(p.iterdir()):
            p.rmdir()
    return removed
