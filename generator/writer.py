"""Write edge: put generated pages into a docs dir, touching only files whose content changed.

The set of generated paths is recorded in ``.generated.json`` inside the docs dir (MkDocs skips
dot-files), so pages of transcripts that were removed are deleted on the next run and pages
written by hand are never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from .pagecache import Kept
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
    missing: tuple[str, ...] = ()
    """``Kept`` pages that are not on disk as they were written (someone ran ``clean``): the
    caller must make them again."""


_GENERATED_FILES = frozenset(root for root in GENERATED_ROOTS if not root.endswith("/"))
_GENERATED_DIRS = tuple(root for root in GENERATED_ROOTS if root.endswith("/"))


def is_generated(path: str) -> bool:
    return path in _GENERATED_FILES or path.startswith(_GENERATED_DIRS)


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)


def _has_size(target: str, size: int) -> bool:
    """A cheap check that a page the caller knows is on disk is still there, whole."""
    try:
        return os.stat(target).st_size == size
    except OSError:
        return False


def _write_if_changed(docs_dir: Path, page: Page, data: Optional[bytes] = None) -> bool:
    """Write ``page`` (its text as ``data``, if the caller encoded it already) unless the docs dir
    already holds exactly its bytes; True if written."""
    target = docs_dir / page.path
    data = page.text.encode("utf-8") if data is None else data
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass
    _atomic_write(target, data)
    return True


def write_changed(docs_dir: Path, pages: Iterable[Page]) -> list[str]:
    """Write the pages whose bytes differ, and nothing else (no manifest, no deletions): the watch
    loop's first, quick pass over the pages of the transcripts that changed."""
    written = []
    for page in pages:
        if not is_generated(page.path):
            raise ValueError(f"refusing to write {page.path}: not a generated path")
        if _write_if_changed(docs_dir, page):
            written.append(page.path)
    return written


def digest(data: bytes) -> bytes:
    """A short fingerprint of a page's bytes, for remembering what was written without keeping it."""
    return hashlib.blake2b(data, digest_size=16).digest()


def sync(
    docs_dir: Path, pages: Iterable[Page | Kept], known: Optional[Callable[[str, bytes], bool]] = None
) -> WriteReport:
    """Make the generated part of ``docs_dir`` equal to ``pages``; write only what differs.

    ``pages`` may be a stream: each page is written or skipped as it comes. ``known(path, data)``
    is True for a page (its path and UTF-8 bytes) the caller knows to be on disk as it is (the watch loop wrote it last time
    and has not changed it since): it is not read back to compare, only checked to be there with
    the right size (someone may have run ``clean`` meanwhile). A ``Kept`` marker (the watch
    loop's cache) stands for a page on disk as it was written: it is only checked the same way,
    and reported ``missing`` if it is not there."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    root = os.fspath(docs_dir)
    previous = _generated_in(docs_dir)
    written, unchanged, current, missing = [], 0, [], []
    seen: dict[str, int] = {}
    for page in pages:
        if page.path in seen:
            raise ValueError(f"two pages would be written to {page.path}")
        seen[page.path] = 1
        if not is_generated(page.path):
            raise ValueError(f"refusing to write {page.path}: not a generated path")
        current.append(page.path)
        if isinstance(page, Kept):
            if _has_size(os.path.join(root, page.path), page.size):
                unchanged += 1
            else:
                missing.append(page.path)
            continue
        data = page.text.encode("utf-8")
        if (known is not None and known(page.path, data) and _has_size(os.path.join(root, page.path), len(data))) \
                or not _write_if_changed(docs_dir, page, data):
            unchanged += 1
        else:
            written.append(page.path)
    deleted = sorted(previous - set(current))
    _retire(docs_dir, deleted, current)
    return WriteReport(tuple(written), tuple(deleted), unchanged, tuple(missing))


def _retire(docs_dir: Path, deleted: Iterable[str], current: Iterable[str]) -> None:
    """Delete the generated pages in ``deleted``, prune the folders left empty, and record
    ``current`` as the docs dir's generated pages (the end of ``sync`` and ``publish``)."""
    for path in deleted:
        if is_generated(path):
            try:
                (docs_dir / path).unlink()
            except FileNotFoundError:
                pass
    _prune_empty_dirs(docs_dir)
    _atomic_write(docs_dir / MANIFEST, (json.dumps(sorted(current), indent=0) + "\n").encode("utf-8"))


def write_tree(root: Path, files: Iterable[tuple[str, str]]) -> None:
    """Write ``(relative path, text)`` files into a new folder ``root`` (scratch copies, no manifest)."""
    made: set[Path] = set()
    for path, text in files:
        target = root / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Staged:
    """A staging dir filled by ``stage``: every generated path, and which differ from the docs dir."""

    paths: tuple[str, ...]
    changed: tuple[str, ...]


def _generated_in(docs_dir: Path) -> set[str]:
    try:
        return set(json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()


_PIECE = 1 << 20
"""Characters encoded at a time: a 150 MB page (``archive.json`` at 10,000 transcripts) is never
held twice."""


def _encoded(text: str) -> Iterator[bytes]:
    """The UTF-8 bytes of ``text``, a piece at a time."""
    for start in range(0, len(text), _PIECE):
        yield text[start:start + _PIECE].encode("utf-8")


def _holds(path: Path, text: str) -> bool:
    """Whether the file at ``path`` holds exactly ``text`` in UTF-8 (read and compared by pieces)."""
    with open(path, "rb") as fh:
        for piece in _encoded(text):
            if fh.read(len(piece)) != piece:
                return False
        return fh.read(1) == b""


@dataclass(frozen=True)
class Receipt:
    """What ``Stager.add`` staged: the pages' paths, and those that differ from the docs dir. A
    forked worker that staged its own pages hands this back instead of their text."""

    paths: tuple[str, ...]
    changed: tuple[str, ...]


class Stager:
    """Fills the new folder ``staging`` with pages, comparing each with ``docs_dir`` on the way.

    A page whose bytes equal the docs dir's copy is hard-linked from it instead of written (a copy
    if the two folders are on different file systems); ``publish`` later moves only the changed
    pages into the docs dir, so an unchanged page is neither written twice nor read back. Pages
    may come in batches (``add``), so that a caller need not hold them all. ``add`` works in a
    forked worker too, on its copy of the stager: the ``Receipt`` it returns is what ``record``
    counts, in the process that finishes. Two pages for one path are refused in any process: each
    file is created only if it does not exist.
    """

    def __init__(self, staging: Path, docs_dir: Path):
        self.staging, self.docs_dir = staging, docs_dir
        self.previous = _generated_in(docs_dir)
        self.paths: list[str] = []
        self.changed: list[str] = []
        self._made: set[Path] = set()

    def add(self, pages: Iterable[Page]) -> Receipt:
        paths, changed = [], []
        for page in pages:
            if not is_generated(page.path):
                raise ValueError(f"refusing to write {page.path}: not a generated path")
            paths.append(page.path)
            target = self.staging / page.path
            if target.parent not in self._made:
                target.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(target.parent)
            if page.path in self.previous:
                current = self.docs_dir / page.path
                try:
                    same = _holds(current, page.text)
                except OSError:
                    same = False
                if same:
                    try:
                        os.link(current, target)
                        continue
                    except OSError:
                        pass
                else:
                    changed.append(page.path)
            else:
                changed.append(page.path)
            with open(target, "xb") as fh:  # "x": two pages for one path are refused
                for piece in _encoded(page.text):
                    fh.write(piece)
        return Receipt(tuple(paths), tuple(changed))

    def record(self, receipt: Receipt) -> None:
        """Count pages staged by ``add``, here or in a forked worker."""
        self.paths.extend(receipt.paths)
        self.changed.extend(receipt.changed)

    def finish(self) -> Staged:
        (self.staging / MANIFEST).write_text(json.dumps(sorted(self.paths), indent=0) + "\n", encoding="utf-8")
        return Staged(tuple(self.paths), tuple(self.changed))


def stage(staging: Path, docs_dir: Path, pages: Iterable[Page]) -> Staged:
    """Stage all ``pages`` at once (see ``Stager``)."""
    stager = Stager(staging, docs_dir)
    stager.record(stager.add(pages))
    return stager.finish()


def publish(docs_dir: Path, staging: Path, staged: Staged) -> WriteReport:
    """Make the generated part of ``docs_dir`` equal to ``staging``: move the changed pages in,
    delete the pages no longer generated, then record the new set of generated paths."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    previous = _generated_in(docs_dir)
    for path in staged.changed:
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        source = staging / path
        os.chmod(source, 0o644)
        try:
            os.replace(source, target)
        except OSError:  # another file system: copy, still atomically
            _atomic_write(target, source.read_bytes())
    current = set(staged.paths)
    deleted = sorted(p for p in previous - current if is_generated(p))
    _retire(docs_dir, deleted, current)
    return WriteReport(staged.changed, tuple(deleted), len(current) - len(staged.changed))


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
    """Copy every hand-written file of ``docs_dir`` into ``staging`` (generated folders are not walked)."""
    for dirpath, dirnames, filenames in os.walk(docs_dir):
        base = Path(dirpath)
        rel_dir = base.relative_to(docs_dir).as_posix()
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        dirnames[:] = sorted(d for d in dirnames if not is_generated(f"{rel_dir}{d}/"))
        for name in sorted(filenames):
            rel = rel_dir + name
            if rel == MANIFEST or is_generated(rel):
                continue
            dest = staging / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(base / name, dest)


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
