"""``python -m generator bench``: our build against a plain MkDocs + Material build, on a synthetic corpus.

For each ``--n`` the same run measures, each in a subprocess of its own (so its memory can be read):

* **ours**: ``python -m generator build`` of the corpus into a scratch docs dir and site dir; the
  per-stage seconds come from the build's own "Built N transcripts (read …s, …)" line;
* **baseline**: every raw transcript copied as-is to ``docs/<name>.md`` of a fresh MkDocs project
  with the same Material theme, a one-page nav (everything else ``not_in_nav``) and only the
  search plugin, built with ``mkdocs build``;
* **incremental**: one transcript added and one paragraph changed, then our build again; it
  reports which Markdown files of the docs dir were rewritten;
* **one year**: our build of one year's transcripts alone, the unit a split build would run.

Memory: ``peak_rss_mb`` is the largest resident set of any one process of the build (the kernel's
``ru_maxrss`` from ``wait4``, children included); ``peak_tree_pss_mb`` is the largest sum of PSS over
the whole process tree (the build, its parse workers, Pagefind), sampled every 0.1 s.

No result is ever asserted: the numbers are printed, and written as JSON with ``--json``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata as md
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from . import synthetic
from .parser import transcript_id
from .writer import copy_hand_written

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SOURCE_DATE_EPOCH = "1700000000"
CORPUS_SEED = 0
GITHUB_PAGES_LIMIT_MB = 1024
EXTRA_TEXT = " This sentence was added by the incremental benchmark."


# ------------------------------------------------------------------------------------------------
# Measuring a subprocess


def _ppid_map() -> dict[int, int]:
    out = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        # the command name may hold spaces or parentheses: the fields after the last ')' are fixed
        rest = data[data.rfind(b")") + 2:].split()
        if len(rest) > 1:
            out[int(entry)] = int(rest[1])
    return out


def _proc_field(path: str, key: bytes) -> Optional[int]:
    """The number after ``key`` in a /proc file of "Key: value kB" lines, None if absent."""
    try:
        with open(path, "rb") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def _pss_kb(pid: int) -> int:
    """Proportional set size of a process (its resident size where the kernel has no PSS)."""
    for path, key in ((f"/proc/{pid}/smaps_rollup", b"Pss:"), (f"/proc/{pid}/status", b"VmRSS:")):
        value = _proc_field(path, key)
        if value is not None:
            return value
    return 0


class TreeSampler(threading.Thread):
    """Samples the summed PSS of a process and all its descendants until stopped."""

    def __init__(self, pid: int, interval: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_kb = 0
        self.peak_processes = 0
        self.samples = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        if not os.path.exists("/proc/self/stat"):
            return
        while not self._stop_event.is_set():
            parents = _ppid_map()
            tree, frontier = {self.pid}, [self.pid]
            while frontier:
                parent = frontier.pop()
                for child, ppid in parents.items():
                    if ppid == parent and child not in tree:
                        tree.add(child)
                        frontier.append(child)
            total = sum(_pss_kb(p) for p in tree)
            self.samples += 1
            if total > self.peak_kb:
                self.peak_kb, self.peak_processes = total, len(tree)
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


@dataclass
class Run:
    """One measured subprocess."""

    command: list[str]
    returncode: int
    wall_s: float
    user_s: float
    sys_s: float
    peak_rss_mb: float
    peak_tree_pss_mb: float
    load_before: float = 0.0
    load_after: float = 0.0
    stdout: str = field(repr=False, default="")
    stderr: str = field(repr=False, default="")


def measure(cmd: list[str], *, cwd: Path, env: Optional[dict] = None, log_dir: Optional[Path] = None) -> Run:
    """Run ``cmd``; return its wall time, CPU time, peak RSS and sampled peak PSS of its process tree."""
    full_env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **(env or {})}
    full_env.pop("SITE_URL", None)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=full_env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            sampler.stop()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^a-z0-9]+", "-", " ".join(Path(c).name for c in cmd[1:4]).lower()).strip("-")
        (log_dir / f"{name}.log").write_text(f"$ {' '.join(cmd)}\n{stdout}\n--- stderr ---\n{stderr}", encoding="utf-8")
    return Run(
        [str(c) for c in cmd], proc.returncode, round(wall, 3), round(usage.ru_utime, 3), round(usage.ru_stime, 3),
        round(usage.ru_maxrss / 1024, 1), round(sampler.peak_kb / 1024, 1),
        round(load_before, 2), round(os.getloadavg()[0], 2), stdout, stderr,
    )


# ------------------------------------------------------------------------------------------------
# Reading the results

_BUILT_RE = re.compile(r"^Built (\d+) transcripts into .*?\(((?:[^,()]+? \d+(?:\.\d+)?s(?:, )?)+)\)", re.M)
_STAGE_RE = re.compile(r"([^,()]+?) (\d+(?:\.\d+)?)s(?:, |$)")
_ENGINE_RE = re.compile(r"search: (\w+)")


def parse_build_line(stdout: str) -> tuple[int, dict[str, float], str]:
    """(transcripts, {stage: seconds} in pipeline order, search engine) from our build's summary line."""
    m = _BUILT_RE.search(stdout)
    if not m:
        raise ValueError(f"no 'Built N transcripts (...)' line in the build output:\n{stdout[-2000:]}")
    stages = {name.strip(): float(sec) for name, sec in _STAGE_RE.findall(m.group(2))}
    engine = _ENGINE_RE.search(stdout[m.start():])
    return int(m.group(1)), stages, engine.group(1) if engine else "lunr"


def generator_seconds(stages: dict[str, float]) -> float:
    """Seconds of the generator's own stages (read, parse, enrich, render, export, stage …): all but
    MkDocs, the search index (which runs beside them) and the final write."""
    return round(sum(sec for name, sec in stages.items() if name not in ("mkdocs", "search index", "write")), 3)


def _walk_files(root: Path):
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            yield Path(dirpath) / name


def tree_size(root: Path) -> dict[str, float]:
    """Apparent bytes, disk usage (like ``du``) and file count of a folder."""
    apparent = blocks = files = 0
    for path in _walk_files(root):
        st = path.lstat()
        apparent += st.st_size
        blocks += st.st_blocks * 512
        files += 1
    return {"mb": round(apparent / 2**20, 2), "du_mb": round(blocks / 2**20, 2), "files": files}


def find_page(site: Path, tid: str) -> Optional[Path]:
    for candidate in (site / "transcripts" / tid / "index.html", site / "transcripts" / f"{tid}.html", site / f"{tid}" / "index.html"):
        if candidate.exists():
            return candidate
    hits = sorted(site.rglob(f"*{tid}*/index.html")) or sorted(site.rglob(f"{tid}.html"))
    return hits[0] if hits else None


def site_metrics(site: Path, tid: str) -> dict:
    """Sizes that matter for hosting: the whole site, the largest page, one transcript page, the search index."""
    size = tree_size(site)
    html = [(p.stat().st_size, p) for p in _walk_files(site) if p.suffix == ".html"]
    largest = max(html) if html else (0, site)
    page = find_page(site, tid)
    lunr = site / "search" / "search_index.json"
    pagefind = site / "pagefind"
    if lunr.exists():
        search = {"engine": "lunr", "mb": round(lunr.stat().st_size / 2**20, 2), "files": 1}
    elif pagefind.is_dir():
        pf = tree_size(pagefind)
        search = {"engine": "pagefind", "mb": pf["mb"], "files": pf["files"]}
    else:
        search = {"engine": "none", "mb": 0.0, "files": 0}
    return {
        "site_mb": size["mb"],
        "site_du_mb": size["du_mb"],
        "site_files": size["files"],
        "html_pages": len(html),
        "largest_page_bytes": largest[0],
        "largest_page": largest[1].relative_to(site).as_posix() if html else "",
        "transcript_page_bytes": page.stat().st_size if page else None,
        "transcript_page": page.relative_to(site).as_posix() if page else None,
        "search_index_mb": search["mb"],
        "search_index_files": search["files"],
        "search_engine": search["engine"],
    }


def snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Relative path -> (inode, mtime_ns, sha1) of every file."""
    out = {}
    for path in _walk_files(folder):
        st = path.stat()
        out[path.relative_to(folder).as_posix()] = (st.st_ino, st.st_mtime_ns, hashlib.sha1(path.read_bytes()).hexdigest())
    return out


def compare(before: dict, after: dict) -> dict:
    """Which files a rebuild wrote (new inode or mtime), changed (content), added and removed."""
    rewritten = sorted(p for p in after if p in before and after[p][:2] != before[p][:2])
    changed = sorted(p for p in after if p in before and after[p][2] != before[p][2])
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    md_rewritten = [p for p in rewritten + added if p.endswith(".md")]
    by_dir: dict[str, int] = {}
    for p in md_rewritten:
        top = p.split("/", 1)[0] if "/" in p else p
        by_dir[top] = by_dir.get(top, 0) + 1
    return {
        "md_files": sum(1 for p in after if p.endswith(".md")),
        "md_rewritten": len(md_rewritten),
        "files_rewritten": len(rewritten) + len(added),
        "rewritten_same_content": len(set(rewritten) - set(changed)),
        "added": added[:50],
        "removed": removed[:50],
        "rewritten_by_dir": dict(sorted(by_dir.items())),
        "md_rewritten_paths": md_rewritten[:200],
    }


def machine_info() -> dict:
    def version(pkg: str) -> Optional[str]:
        try:
            return md.version(pkg)
        except md.PackageNotFoundError:
            return None

    mem_gb = None
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    mem_gb = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
    except OSError:
        commit, dirty = "", ""
    return {
        "commit": commit + ("+uncommitted changes" if dirty else ""),
        "cpu_count": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": mem_gb,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs_material": version("mkdocs-material"),
        "markdown": version("Markdown"),
        "jinja2": version("Jinja2"),
        "pymdown_extensions": version("pymdown-extensions"),
        "pagefind": version("pagefind"),
    }


# ------------------------------------------------------------------------------------------------
# The three builds


def scratch_docs(dest: Path) -> Path:
    """A docs dir holding only the hand-written files of site_src/ (no generated pages)."""
    dest.mkdir(parents=True, exist_ok=True)
    copy_hand_written(ROOT / "site_src", dest)
    return dest


def our_build(corpus: Path, docs: Path, site: Path, logs: Path, label: str) -> dict:
    cmd = [sys.executable, "-m", "generator", "build", "--input", str(corpus), "--docs-dir", str(docs), "--site-dir", str(site)]
    run = measure(cmd, cwd=ROOT, log_dir=logs / label)
    if run.returncode != 0:
        raise RuntimeError(f"our build failed ({run.returncode}):\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    n, stages, engine = parse_build_line(run.stdout)
    gen = generator_seconds(stages)
    return {
        "transcripts": n,
        "wall_s": run.wall_s,
        "cpu_s": round(run.user_s + run.sys_s, 2),
        "peak_rss_mb": run.peak_rss_mb,
        "peak_tree_pss_mb": run.peak_tree_pss_mb,
        "load_avg_before_after": [run.load_before, run.load_after],
        "stages_s": stages,
        "generator_s": gen,
        "mkdocs_s": stages.get("mkdocs"),
        "search_index_s": stages.get("search index", 0.0),
        "startup_and_other_s": round(run.wall_s - sum(v for k, v in stages.items() if k != "search index"), 2),
        "search_engine": engine,
    }


def baseline_config() -> str:
    """mkdocs.yml of the baseline: our theme settings, the home page in the nav, search only."""
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as fh:
        ours = yaml_load(fh) or {}
    theme = ours.get("theme", {"name": "material"})
    config = {
        "site_name": "Baseline archive",
        "use_directory_urls": True,
        "theme": theme,
        "nav": [{"Home": "index.md"}],
        "not_in_nav": "/*.md\n",
        "plugins": ["search"],
    }
    return json.dumps(config, indent=1, ensure_ascii=False) + "\n"  # JSON is YAML


def baseline_build(corpus: Path, project: Path, logs: Path) -> dict:
    docs = project / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(corpus.glob("*.txt")):
        shutil.copyfile(path, docs / (path.stem + ".md"))
        count += 1
    (docs / "index.md").write_text(
        f"# Baseline archive\n\n{count} transcripts, each dropped in as one plain Markdown page.\n", encoding="utf-8"
    )
    (project / "mkdocs.yml").write_text(baseline_config(), encoding="utf-8")
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
    run = measure(cmd, cwd=project, log_dir=logs / "baseline")
    if run.returncode != 0:
        raise RuntimeError(f"baseline build failed ({run.returncode}):\n{run.stderr[-3000:]}")
    m = re.search(r"Documentation built in ([\d.]+) seconds", run.stderr + run.stdout)
    return {
        "transcripts": count,
        "wall_s": run.wall_s,
        "cpu_s": round(run.user_s + run.sys_s, 2),
        "peak_rss_mb": run.peak_rss_mb,
        "peak_tree_pss_mb": run.peak_tree_pss_mb,
        "load_avg_before_after": [run.load_before, run.load_after],
        "mkdocs_s": float(m.group(1)) if m else None,
    }


def fixed_transcript(corpus: Path) -> str:
    """The id of the first dated Kremlin-page transcript: the same file at every N (a corpus is a prefix)."""
    files = synthetic.read_manifest(corpus)["files"]
    pick = next((f for f in files if f["shape"] == "kremlin" and f["date"]), files[0])
    return transcript_id(pick["name"][: -len(".txt")])


def edit_paragraph(path: Path) -> str:
    """Append a sentence to the longest line of ``path`` (a paragraph); return the line's start."""
    lines = path.read_text(encoding="utf-8").split("\n")
    k = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[k] = lines[k] + EXTRA_TEXT
    path.write_text("\n".join(lines), encoding="utf-8")
    return lines[k][:60]


def incremental(corpus: Path, docs: Path, site: Path, logs: Path, n: int, fixed: str) -> dict:
    before = snapshot(docs)
    new = synthetic.add_document(SEEDS, corpus, n, seed=CORPUS_SEED)
    names = sorted(p.name for p in corpus.glob("*.txt"))
    victim = next(name for name in names[n // 2:] + names if transcript_id(name[:-4]) != fixed and name != new.name)
    edit_paragraph(corpus / victim)
    time.sleep(0.01)  # distinct mtimes even on coarse clocks
    result = our_build(corpus, docs, site, logs, "incremental")
    diff = compare(before, snapshot(docs))
    stages = result["stages_s"]
    update = sum(v for k, v in stages.items() if k not in ("stage", "mkdocs", "search index"))
    return {
        "added_transcript": new.name,
        "edited_transcript": victim,
        **{k: diff[k] for k in ("md_files", "md_rewritten", "files_rewritten", "rewritten_same_content", "rewritten_by_dir")},
        "md_rewritten_paths": diff["md_rewritten_paths"],
        "generator_s": result["generator_s"],
        "docs_update_s": round(update, 3),
        "write_s": stages.get("write"),
        "wall_s": result["wall_s"],
        "stages_s": stages,
    }


def watch_step(corpus: str, docs: str, index: int) -> None:
    """The watch loop's step, measured in its own process: a warm-up step fills the memo, then one
    transcript is added and one paragraph changed, and the next step is timed. Prints JSON."""
    from . import build
    from .cli import step

    memo, last = build.Memo(), {}
    warm = step(Path(corpus), Path(docs), memo, last)
    new = synthetic.add_document(SEEDS, Path(corpus), index, seed=CORPUS_SEED)
    names = sorted(p.name for p in Path(corpus).glob("*.txt"))
    victim = names[len(names) // 3]
    edit_paragraph(Path(corpus) / victim)
    second = step(Path(corpus), Path(docs), memo, last)
    assert warm is not None and second is not None
    print(json.dumps({
        "warm_up": {"seconds": round(warm.total_s, 3)},
        "step": {"seconds": round(second.total_s, 3), "rewritten": second.written, "changed_transcripts": second.changed,
                 "changed_pages_first_s": round(second.first_s or 0.0, 3), "changed_pages_first": second.first_written},
        "added": new.name, "edited": victim,
    }))


def watch_measure(corpus: Path, docs: Path, logs: Path, n: int) -> dict:
    code = f"from generator.bench import watch_step; watch_step({str(corpus)!r}, {str(docs)!r}, {n + 1})"
    run = measure([sys.executable, "-c", code], cwd=ROOT, log_dir=logs)
    if run.returncode != 0:
        raise RuntimeError(f"watch step failed:\n{run.stderr[-3000:]}")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    result["peak_rss_mb"] = run.peak_rss_mb
    return result


def one_year(corpus: Path, base: Path, logs: Path) -> dict:
    """Build the transcripts of the busiest year alone: one independent part of a split build."""
    files = synthetic.read_manifest(corpus)["files"]
    years: dict[str, list[str]] = {}
    for f in files:
        if f["date"] and (corpus / f["name"]).exists():
            years.setdefault(f["date"][:4], []).append(f["name"])
    year, names = max(years.items(), key=lambda kv: (len(kv[1]), kv[0]))
    part = base / f"year-{year}"
    for name in names:
        part.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(corpus / name, part / name)
    docs = scratch_docs(base / f"year-{year}-docs")
    site = base / f"year-{year}-site"
    result = our_build(part, docs, site, logs, f"year-{year}")
    sizes = site_metrics(site, "")
    return {
        "year": year,
        "years": len(years),
        "transcripts": len(names),
        "wall_s": result["wall_s"],
        "generator_s": result["generator_s"],
        "mkdocs_s": result["mkdocs_s"],
        "peak_tree_pss_mb": result["peak_tree_pss_mb"],
        "site_mb": sizes["site_mb"],
    }


def bench_one(n: int, base: Path) -> dict:
    logs = base / "logs"
    corpus = base / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    _say(f"N={n}: writing the synthetic corpus")
    start = time.perf_counter()
    synthetic.make_corpus(SEEDS, corpus, n, seed=CORPUS_SEED)
    corpus_s = time.perf_counter() - start
    raw = tree_size(corpus)
    fixed = fixed_transcript(corpus)
    for leftover in ["docs", "site", "baseline", *(p.name for p in base.glob("year-*"))]:
        shutil.rmtree(base / leftover, ignore_errors=True)

    _say(f"N={n}: our build")
    docs = scratch_docs(base / "docs")
    ours = our_build(corpus, docs, base / "site", logs, "ours")
    ours.update(site_metrics(base / "site", fixed))
    ours["docs_md_files"] = sum(1 for p in _walk_files(docs) if p.suffix == ".md")
    _say(f"N={n}: ours {ours['wall_s']:.1f}s; baseline build")
    baseline = baseline_build(corpus, base / "baseline", logs)
    baseline.update(site_metrics(base / "baseline" / "site", fixed))
    _say(f"N={n}: baseline {baseline['wall_s']:.1f}s; one year alone")
    year = one_year(corpus, base, logs)
    _say(f"N={n}: incremental rebuild")
    inc = incremental(corpus, docs, base / "site", logs, n, fixed)
    _say(f"N={n}: the watch loop's step")
    inc["watch"] = watch_measure(corpus, docs, logs, n)
    ratio = round(ours["wall_s"] / baseline["wall_s"], 3) if baseline["wall_s"] else None
    per_1000 = ours["site_mb"] / n * 1000
    return {
        "n": n,
        "corpus": {"seed": CORPUS_SEED, "mb": raw["mb"], "files": raw["files"] - 1, "seconds_to_write": round(corpus_s, 2)},
        "fixed_transcript": fixed,
        "ours": ours,
        "baseline": baseline,
        "ratio_total_time": ratio,
        "ratio_cpu_time": round(ours["cpu_s"] / baseline["cpu_s"], 3) if baseline["cpu_s"] else None,
        "ours_ms_per_transcript": round(ours["wall_s"] / n * 1000, 2),
        "baseline_ms_per_transcript": round(baseline["wall_s"] / n * 1000, 2),
        "generator_transcripts_per_s": round(n / ours["generator_s"], 1) if ours["generator_s"] else None,
        "incremental": inc,
        "one_year": year,
        "pages_limit": {
            "site_mb_per_1000": round(per_1000, 1),
            "transcripts_at_1gb": int(GITHUB_PAGES_LIMIT_MB / per_1000 * 1000) if per_1000 else None,
        },
    }


# ------------------------------------------------------------------------------------------------
# Output


def _say(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


def _fmt(v, unit: str = "") -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.2f}{unit}"
    if isinstance(v, int):
        return f"{v:,}{unit}"
    return f"{v}{unit}"


def table(result: dict) -> str:
    o, b, inc, yr = result["ours"], result["baseline"], result["incremental"], result["one_year"]
    rows = [("total wall time (s)", o["wall_s"], b["wall_s"])]
    for name, sec in o["stages_s"].items():
        rows.append((f"  {name} (s)", sec, b["mkdocs_s"] if name == "mkdocs" else None))
    rows += [
        ("  startup, swap, other (s; the search index runs beside the last stages and MkDocs)", o["startup_and_other_s"], None),
        ("generator stages before MkDocs (s)", o["generator_s"], None),
        ("ms per transcript", result["ours_ms_per_transcript"], result["baseline_ms_per_transcript"]),
        ("CPU time, all processes (s)", o["cpu_s"], b["cpu_s"]),
        ("peak RSS, largest process (MB)", o["peak_rss_mb"], b["peak_rss_mb"]),
        ("peak PSS, process tree (MB)", o["peak_tree_pss_mb"], b["peak_tree_pss_mb"]),
        ("site size (MB)", o["site_mb"], b["site_mb"]),
        ("site files", o["site_files"], b["site_files"]),
        ("HTML pages", o["html_pages"], b["html_pages"]),
        ("largest page (bytes)", o["largest_page_bytes"], b["largest_page_bytes"]),
        (f"transcript {result['fixed_transcript'][:12]}… page (bytes)", o["transcript_page_bytes"], b["transcript_page_bytes"]),
        (f"search index (MB, {o['search_engine']} / {b['search_engine']})", o["search_index_mb"], b["search_index_mb"]),
    ]
    width = max(len(r[0]) for r in rows) + 2
    lines = [f"N = {result['n']:,} transcripts (synthetic corpus {result['corpus']['mb']} MB)", ""]
    lines.append(f"{'':{width}}{'ours':>14}{'baseline':>14}")
    for label, ours, base in rows:
        lines.append(f"{label:{width}}{_fmt(ours):>14}{_fmt(base):>14}")
    lines += [
        "",
        f"ratio of total time, ours / baseline: {result['ratio_total_time']} (CPU time: {result['ratio_cpu_time']}; "
        f"1-min load average before/after: ours {o['load_avg_before_after']}, baseline {b['load_avg_before_after']})",
        f"generator throughput (stages before MkDocs): {result['generator_transcripts_per_s']} transcripts/s",
        f"largest page: {o['largest_page']}",
        f"incremental (1 added, 1 paragraph changed): {inc['md_rewritten']} of {inc['md_files']} Markdown files "
        f"rewritten {inc['rewritten_by_dir']}; generator stages {inc['generator_s']}s, docs update "
        f"{inc['docs_update_s']}s, whole rebuild {inc['wall_s']}s",
        f"watch loop step (memo warm; 1 added, 1 paragraph changed): the changed transcripts' "
        f"{inc['watch']['step']['changed_pages_first']} pages in {inc['watch']['step']['changed_pages_first_s']}s, "
        f"all {inc['watch']['step']['rewritten']} changed pages in {inc['watch']['step']['seconds']}s; "
        f"peak RSS {inc['watch']['peak_rss_mb']} MB",
        f"one year alone ({yr['year']}, {yr['transcripts']} transcripts of {yr['years']} years): {yr['wall_s']}s "
        f"(generator {yr['generator_s']}s, mkdocs {yr['mkdocs_s']}s), {yr['site_mb']} MB",
        f"site per 1,000 transcripts: {result['pages_limit']['site_mb_per_1000']} MB; "
        f"1 GB (GitHub Pages) at about {_fmt(result['pages_limit']['transcripts_at_1gb'])} transcripts",
    ]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    sizes = [n for n in args.n]
    if any(n < 5 for n in sizes):
        print("error: --n must be at least 5", file=sys.stderr)
        return 2
    results = []
    machine = machine_info()
    for n in sizes:
        if args.keep:
            base = Path(args.keep).resolve() / f"n{n}"
            base.mkdir(parents=True, exist_ok=True)
            cleanup = False
        else:
            base = Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
            cleanup = True
        try:
            result = bench_one(n, base)
        except RuntimeError as exc:
            print(f"error: N={n}: {exc}", file=sys.stderr)
            return 1
        finally:
            if cleanup:
                shutil.rmtree(base, ignore_errors=True)
        results.append(result)
        print(table(result), flush=True)
        print(flush=True)
    if len(results) > 1:
        first, last = results[0], results[-1]
        growth = last["ours_ms_per_transcript"] / first["ours_ms_per_transcript"]
        print(f"time per transcript at N={last['n']:,} vs N={first['n']:,}: {growth:.2f}×")
    if args.json:
        data = {"machine": machine, "command": " ".join(sys.argv), "results": results}
        Path(args.json).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


# ------------------------------------------------------------------------------------------------
# Developer tools (not part of `bench`): python -m generator.bench --profile CORPUS [--out DIR] [--top 40]
# and python -m generator.bench --stages CORPUS [--make-corpus N] [--rounds 3]


def profile(corpus: Path, out_dir: Path, top: int = 40, search: bool = True, mkdocs: bool = True) -> None:
    """cProfile the generator stages, then MkDocs on the pages they wrote, each in this one process.

    ``os.cpu_count`` is made to answer 1 so that per-transcript work runs here rather than in worker
    processes, where cProfile cannot see it. Writes ``generator.prof`` and ``mkdocs.prof``.
    """
    import cProfile
    import pstats

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from . import build as pipeline
    from .writer import sync

    os.cpu_count = lambda: 1  # type: ignore[assignment]
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = scratch_docs(out_dir / "docs")
    timings = pipeline.Timings()
    prof = cProfile.Profile()
    prof.enable()
    generated = pipeline.generate(corpus, timings=timings)
    prof.disable()
    sync(docs, generated.pages)
    prof.dump_stats(str(out_dir / "generator.prof"))
    print("generator stages:", {k: round(v, 2) for k, v in timings.stages.items()})
    stats = pstats.Stats(prof)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    del generated
    if not mkdocs:
        return

    overrides = {} if search else {"plugins": ["tags"]}
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(out_dir / "site"), **overrides)
    config.plugins.on_startup(command="build", dirty=False)
    prof = cProfile.Profile()
    start = time.perf_counter()
    prof.enable()
    mkdocs_build(config)
    prof.disable()
    config.plugins.on_shutdown()
    print(f"mkdocs: {time.perf_counter() - start:.2f}s (profiled)")
    prof.dump_stats(str(out_dir / "mkdocs.prof"))
    stats = pstats.Stats(prof)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def stage_times(corpus: Path, rounds: int = 3) -> list[dict[str, float]]:
    """Time the generator stages as ``build`` runs them (both cores, forked workers handing each
    batch to a sink), ``rounds`` times in this process, without writing the pages or running MkDocs:
    for comparing two commits' generators on one corpus, run alternately from exports of each."""
    from . import build as pipeline

    results = []
    for _ in range(rounds):
        timings = pipeline.Timings()
        start = time.perf_counter()
        prepared = pipeline.prepare(corpus, timings=timings)
        sink = pipeline.Sink()
        sink.write = len  # a worker hands back how many pages it made, as a writer hands back a receipt
        pages = sum(b if isinstance(b, int) else len(b) for b in pipeline.produce(
            prepared.archive, prepared.search, timings=timings, sink=sink))
        row = {"wall": round(time.perf_counter() - start, 2), "pages": pages,
               **{k: round(v, 2) for k, v in timings.stages.items()}}
        print(" ".join(f"{k}={v}" for k, v in row.items()), flush=True)
        results.append(row)
    return results


if __name__ == "__main__":  # pragma: no cover - developer tool
    ap = argparse.ArgumentParser(prog="python -m generator.bench")
    ap.add_argument("--stages", type=Path, help="a corpus folder: time the generator stages on it (see stage_times)")
    ap.add_argument("--make-corpus", type=int, metavar="N", help="with --stages: first write the bench's corpus of N there")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", type=Path, help="a corpus folder to profile a whole build on")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "bench-profile", help="docs, site and *.prof go here")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--no-search", action="store_true", help="profile MkDocs without Material's search plugin (as with Pagefind)")
    ap.add_argument("--generator-only", action="store_true", help="profile the generator stages only")
    ns = ap.parse_args()
    if ns.stages:
        if ns.make_corpus:
            synthetic.make_corpus(SEEDS, ns.stages, ns.make_corpus, seed=CORPUS_SEED)
        stage_times(ns.stages, ns.rounds)
    elif ns.profile:
        profile(ns.profile, ns.out, ns.top, search=not ns.no_search, mkdocs=not ns.generator_only)
    else:
        ap.error("give --stages or --profile")
