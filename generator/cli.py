"""Command line: ``python -m generator build|check|topics|clean|pack|watch|bench``.

Exit status: 0 when clean, 1 for problems in the input (or a failed site build), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from . import build as pipeline
from .pagecache import Kept, Made
from .search import PAGEFIND_PART

ROOT = pipeline.ROOT
EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _progress(message: str) -> None:
    """Progress for people at a terminal; silent in CI and when output is piped."""
    if sys.stderr.isatty() and not os.environ.get("CI"):
        print(f"… {message}", file=sys.stderr, flush=True)


def _input_dir(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"input folder '{value}' does not exist")
    return path


def cmd_build(args: argparse.Namespace) -> int:
    timings = pipeline.Timings()
    _progress(f"reading and parsing {args.input}")
    config = args.config or (ROOT / ("mkdocs.offline.yml" if args.offline else "mkdocs.yml"))
    from .search import configured_engine

    engine = args.search or configured_engine(ROOT / "mkdocs.yml")
    prepared = pipeline.prepare(
        args.input, timings=timings, offline=args.offline, search=engine, pagefind_part=args.pagefind_part,
    )
    pipeline.report(prepared.problems)
    if not prepared.ok:
        errors = sum(1 for p in prepared.problems if p.severity == "error")
        print(f"Refused: {errors} problem(s) in the input; nothing was written.", file=sys.stderr)
        return EXIT_INPUT
    site_dir = args.site_dir or (ROOT / ("site-offline" if args.offline else "site"))
    _progress(f"building the site with MkDocs into {site_dir}")
    archive, plan = prepared.archive, prepared.search
    n, transcripts = len(archive.entries), [e.src_uri for e in archive.entries]
    sink = pipeline.Sink()  # workers write the pages they make (build_site sets it)
    batches = pipeline.produce(
        archive, plan, directory_urls=not args.offline, offline=args.offline, timings=timings, sink=sink)
    del prepared, archive  # only `batches` keeps the archive, until the last page is made
    try:
        pipeline.build_site(
            batches, plan, docs_dir=args.docs_dir, site_dir=site_dir, config_file=config, timings=timings,
            transcripts=transcripts, sync_docs=not args.offline, sink=sink,
        )
    except pipeline.SiteBuildError as exc:
        print(f"error: {exc}\nThe previous site and docs dir were left as they were.", file=sys.stderr)
        return EXIT_INPUT
    stages = ", ".join(f"{k} {v:.2f}s" for k, v in timings.stages.items())
    print(f"Built {n} transcripts into {site_dir} ({stages}); search: {plan.engine} ({plan.reason}).")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    generated = pipeline.generate(args.input)
    pipeline.report(generated.problems)
    errors = sum(1 for p in generated.problems if p.severity == "error")
    warnings = len(generated.problems) - errors
    if generated.archive is not None and not errors:
        turns = sum(len(e.transcript.turns()) for e in generated.archive.entries)
        print(f"OK: {len(generated.archive.entries)} transcripts, {turns} turns, {warnings} warning(s).")
        return EXIT_OK
    print(f"{errors} error(s), {warnings} warning(s).", file=sys.stderr)
    return EXIT_INPUT


def cmd_topics(args: argparse.Namespace) -> int:
    from .curation import load
    from .enrich import combine
    from .suggest import suggest
    from .topics import Matcher

    if not args.suggest:
        print("error: say what to do, e.g. `topics --suggest`", file=sys.stderr)
        return EXIT_USAGE
    curated = load()
    documents, problems = pipeline.read_folder(args.input)
    enriched, _ = pipeline.process_all(documents, curated)
    archive = combine(enriched, curated)
    rows = suggest(archive, Matcher.build(curated.topics), limit=args.limit)
    print("Phrases no topic covers yet (transcripts, occurrences, examples):")
    for s in rows:
        print(f"{s.transcripts:5d} {s.count:6d}  {s.phrase}  ({', '.join(s.examples)})")
    if not rows:
        print("  none: every frequent phrase is covered.")
    return EXIT_OK


def cmd_clean(args: argparse.Namespace) -> int:
    from .writer import clean

    removed = clean(args.docs_dir)
    print(f"Removed {len(removed)} generated file(s) from {args.docs_dir}.")
    return EXIT_OK


def cmd_pack(args: argparse.Namespace) -> int:
    from .pack import pack

    if not (args.site_dir / "index.html").exists():
        print(f"error: {args.site_dir} holds no built site; run `python -m generator build --offline` first", file=sys.stderr)
        return EXIT_INPUT
    count = pack(args.site_dir, args.out)
    print(f"Packed {count} files into {args.out}.")
    return EXIT_OK


@dataclass(frozen=True)
class StepReport:
    """What one step of the watch loop did, and how long it took."""

    changed: int
    first_written: int
    first_s: Optional[float]
    written: int
    removed: int
    total_s: float


def step(input_dir: Path, docs_dir: Path, memo: "pipeline.Memo", last: dict[str, bytes]) -> Optional[StepReport]:
    """One step of the watch loop; None if the input was refused (the docs dir is left as it was).

    Only new or changed files are read and parsed (``memo``). Then, first, the pages and downloads
    of the changed transcripts are written, so the page being edited shows up at once; then every
    other page whose inputs changed is made again (``memo.pages``, the render cache), and those
    that differ from ``last`` (the fingerprint of each page the previous step wrote,
    ``writer.digest``) are rewritten; pages that are no longer generated are removed."""
    gc.freeze()  # what the memo kept is not traversed by the collector again and again in this step
    try:
        return _step(input_dir, docs_dir, memo, last)
    finally:
        gc.unfreeze()


def _step(input_dir: Path, docs_dir: Path, memo: "pipeline.Memo", last: dict[str, bytes]) -> Optional[StepReport]:
    from .render import templates_state
    from .writer import digest, sync, write_changed

    start = time.perf_counter()
    prepared = pipeline.prepare(input_dir, memo=memo)
    pipeline.report(prepared.problems)
    if not prepared.ok:
        return None
    archive, plan = prepared.archive, prepared.search
    first: set[str] = set()
    first_s = None
    if last and memo.fresh:
        pages = pipeline.transcript_pages(archive, plan, memo.fresh)
        first_written = len(write_changed(docs_dir, pages))
        first = {p.path for p in pages}
        first_s = time.perf_counter() - start
    else:
        first_written = 0
    now: dict[str, bytes] = {}

    def on_disk(path: str, data: bytes) -> bool:
        """Written with these bytes by the previous step, or by the first pass just now."""
        now[path] = fingerprint = digest(data)
        return path in first or last.get(path) == fingerprint

    def pages() -> Iterator[Made]:
        templates = templates_state()
        if memo.templates != templates:  # a template was edited: every page is made again
            memo.pages.clear()
            memo.templates = templates
        memo.pages.round()
        for batch in pipeline.produce(archive, plan, cache=memo.pages):
            for page in batch:
                if isinstance(page, Kept) and page.path in last:
                    now[page.path] = last[page.path]
                yield page

    result = sync(docs_dir, pages(), known=on_disk)
    written = len(result.written)
    if result.missing:  # pages the cache kept were deleted meanwhile: make every page again
        memo.pages.clear()
        result = sync(docs_dir, pages(), known=on_disk)
        written += len(result.written)
    last.clear()
    last.update(now)
    return StepReport(len(memo.fresh), first_written, first_s, written + first_written,
                      len(result.deleted), time.perf_counter() - start)


def cmd_watch(args: argparse.Namespace) -> int:
    """Regenerate the Markdown whenever a transcript changes, while `mkdocs serve` shows the result."""
    import subprocess

    from .reader import input_state as snapshot

    memo = pipeline.Memo()  # files read and parsed last time: only changed ones are redone
    last: dict[str, bytes] = {}  # the fingerprint of every page as written last time

    def regenerate() -> None:
        report = step(args.input, args.docs_dir, memo, last)
        if report is None:
            print("Input refused; the docs dir was left as it was.", file=sys.stderr)
            return
        if report.first_s is not None:
            print(f"Updated {report.first_written} page(s) of the {report.changed} changed transcript(s) "
                  f"in {report.first_s:.2f}s; the rest follows.")
        print(f"Rewrote {report.written} page(s), removed {report.removed} in {report.total_s:.2f}s.")

    regenerate()
    server = None
    if not args.no_serve:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(ROOT / "mkdocs.yml"), "-a", args.addr])
    seen = snapshot(args.input)
    try:
        while True:
            time.sleep(args.interval)
            now = snapshot(args.input)
            if now != seen:
                seen = now
                regenerate()
    except KeyboardInterrupt:
        return EXIT_OK
    finally:
        if server is not None:
            server.terminate()


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import run

    return run(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Transcript archive generator.")
    parser.add_argument("-v", "--verbose", action="store_true", help="show MkDocs' own log messages")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="parse transcripts, write Markdown pages and build the site with MkDocs")
    b.add_argument("--input", type=_input_dir, default=ROOT / "seeds", help="folder of transcripts (default: seeds/)")
    b.add_argument("--site-dir", type=Path, default=None, help="where to build the site (default: site/)")
    b.add_argument("--docs-dir", type=Path, default=ROOT / "site_src", help="MkDocs docs dir (default: site_src/)")
    b.add_argument("--config", type=Path, default=None, help="MkDocs config (default: mkdocs.yml)")
    b.add_argument("--offline", action="store_true", help="build the file:// edition (default site dir: site-offline/)")
    b.add_argument("--search", choices=("auto", "lunr", "pagefind"), default=None,
                   help="search engine (default: extra.search_engine in mkdocs.yml, 'auto')")
    b.add_argument("--pagefind-part", type=_positive, default=PAGEFIND_PART, metavar="N",
                   help=f"transcripts per Pagefind index (default: {PAGEFIND_PART}); a larger archive is "
                        f"indexed in parts, one after another, which bounds Pagefind's memory (see README)")
    b.set_defaults(func=cmd_build)

    c = sub.add_parser("check", help="read and parse without building; print every problem as file:line: message")
    c.add_argument("--input", type=_input_dir, default=ROOT / "seeds", help="folder of transcripts (default: seeds/)")
    c.set_defaults(func=cmd_check)

    tp = sub.add_parser("topics", help="help curate the topic taxonomy")
    tp.add_argument("--suggest", action="store_true", help="print frequent phrases that no topic covers yet")
    tp.add_argument("--input", type=_input_dir, default=ROOT / "seeds", help="folder of transcripts (default: seeds/)")
    tp.add_argument("--limit", type=int, default=30, help="how many phrases to print (default: 30)")
    tp.set_defaults(func=cmd_topics)

    p = sub.add_parser("pack", help="zip a built offline site for download")
    p.add_argument("--site-dir", type=Path, default=ROOT / "site-offline", help="built offline site (default: site-offline/)")
    p.add_argument("--out", type=Path, default=ROOT / "archive-offline.zip", help="zip file to write")
    p.set_defaults(func=cmd_pack)

    w = sub.add_parser("watch", help="regenerate pages when transcripts change, and run `mkdocs serve`")
    w.add_argument("--input", type=_input_dir, default=ROOT / "seeds", help="folder of transcripts (default: seeds/)")
    w.add_argument("--docs-dir", type=Path, default=ROOT / "site_src", help="MkDocs docs dir (default: site_src/)")
    w.add_argument("--interval", type=float, default=1.0, help="seconds between checks for changes")
    w.add_argument("--addr", default="127.0.0.1:8000", help="address for mkdocs serve")
    w.add_argument("--no-serve", action="store_true", help="only regenerate; do not start mkdocs serve")
    w.set_defaults(func=cmd_watch)

    be = sub.add_parser("bench", help="benchmark the build against a plain MkDocs baseline on a synthetic corpus")
    be.add_argument("--n", type=int, action="append", required=True, help="corpus size; repeat for several sizes")
    be.add_argument("--json", type=Path, default=None, help="also write the results as JSON")
    be.add_argument("--keep", type=Path, default=None, help="keep the synthetic corpus and sites in this folder")
    be.set_defaults(func=cmd_bench)

    cl = sub.add_parser("clean", help="remove generated pages from the docs dir")
    cl.add_argument("--docs-dir", type=Path, default=ROOT / "site_src", help="MkDocs docs dir (default: site_src/)")
    cl.set_defaults(func=cmd_clean)
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    logging.basicConfig(format="%(levelname)s: %(name)s: %(message)s")
    level = logging.INFO if args.verbose else logging.WARNING
    logging.getLogger("mkdocs").setLevel(level)
    return args.func(args)
