"""`python -m generator bench` end to end at a tiny size: every field is there, numbers are sane.

Nothing here asserts a speed: timings on a shared 2-core machine are not a test.
"""

from __future__ import annotations

import argparse
import json
import numbers
from pathlib import Path

import pytest

from generator import bench

N = 20


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("bench")
    out = tmp / "bench.json"
    args = argparse.Namespace(n=[N], json=out, keep=tmp / "keep")
    assert bench.run(args) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def _positive(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and value > 0


def test_machine_info(report):
    machine = report["machine"]
    for key in ("cpu_count", "cpu", "memory_gb", "platform", "python", "mkdocs", "mkdocs_material"):
        assert machine.get(key), key
    assert machine["cpu_count"] >= 1


def test_every_field_is_present(report):
    (result,) = report["results"]
    assert result["n"] == N
    for key in (
        "corpus", "fixed_transcript", "ours", "baseline", "ratio_total_time", "ours_ms_per_transcript",
        "baseline_ms_per_transcript", "generator_transcripts_per_s", "incremental", "one_year", "pages_limit",
    ):
        assert key in result, key
    ours, base = result["ours"], result["baseline"]
    for side in (ours, base):
        for key in (
            "wall_s", "cpu_s", "peak_rss_mb", "peak_tree_pss_mb", "site_mb", "site_du_mb", "site_files", "html_pages",
            "largest_page_bytes", "largest_page", "transcript_page_bytes", "search_index_mb", "search_engine",
        ):
            assert key in side, key
        assert side["transcripts"] == N
    for stage in ("read", "render", "mkdocs"):
        assert stage in ours["stages_s"], stage
    assert any("parse" in stage for stage in ours["stages_s"])
    for key in ("generator_s", "mkdocs_s", "search_index_s", "startup_and_other_s", "docs_md_files"):
        assert key in ours, key
    inc = result["incremental"]
    for key in ("md_files", "md_rewritten", "files_rewritten", "rewritten_by_dir", "generator_s", "docs_update_s", "wall_s"):
        assert key in inc, key
    for key in ("year", "years", "transcripts", "wall_s", "generator_s", "mkdocs_s", "site_mb"):
        assert key in result["one_year"], key


def test_numbers_are_positive_and_consistent(report):
    (result,) = report["results"]
    ours, base = result["ours"], result["baseline"]
    assert _positive(result["ratio_total_time"])
    assert result["ratio_total_time"] == pytest.approx(ours["wall_s"] / base["wall_s"], rel=0.01)
    assert _positive(result["generator_transcripts_per_s"])
    for side in (ours, base):
        assert _positive(side["wall_s"]) and _positive(side["peak_rss_mb"])
        assert _positive(side["site_mb"]) and _positive(side["largest_page_bytes"])
        assert _positive(side["transcript_page_bytes"])
        assert side["search_engine"] in ("lunr", "pagefind")
        assert _positive(side["search_index_mb"])
    assert ours["html_pages"] > N and base["html_pages"] == N + 2  # + home and 404
    assert ours["largest_page_bytes"] >= ours["transcript_page_bytes"]
    assert 0 < result["pages_limit"]["transcripts_at_1gb"]


def test_incremental_rewrites_only_some_files(report):
    (result,) = report["results"]
    inc = result["incremental"]
    assert inc["md_files"] >= result["ours"]["docs_md_files"] + 1  # at least the added transcript's page
    assert 2 <= inc["md_rewritten"] < inc["md_files"]
    assert inc["rewritten_by_dir"].get("transcripts", 0) >= 2  # the new page and the edited one
    assert f"transcripts/{Path(inc['added_transcript']).stem}.md" in inc["md_rewritten_paths"]
    assert inc["rewritten_same_content"] == 0  # nothing is rewritten with the bytes it already had
    watch = inc["watch"]
    assert 2 <= watch["step"]["rewritten"] < inc["md_files"]
    assert watch["step"]["changed_transcripts"] >= 2  # the added and the edited one (and files too new to trust)
    assert 2 <= watch["step"]["changed_pages_first"] <= watch["step"]["rewritten"]


def test_build_line_parser():
    line = (
        "Built 3 transcripts into /tmp/s (read 0.01s, parse 1.20s, enrich 0.30s, render 2.00s, export 0.10s, "
        "stage 0.40s, mkdocs 9.00s, search index 4.50s, write 0.20s); search: pagefind (auto: 3 transcripts >= 1).\n"
    )
    n, stages, engine = bench.parse_build_line(line)
    assert n == 3 and engine == "pagefind"
    assert list(stages) == ["read", "parse", "enrich", "render", "export", "stage", "mkdocs", "search index", "write"]
    assert bench.generator_seconds(stages) == pytest.approx(4.01)
    n, stages, engine = bench.parse_build_line(
        "Built 39 transcripts into /tmp/a (b)/site (read 0.02s, parse+enrich 0.11s, combine 0.00s, mkdocs 2.47s).\n"
    )
    assert (n, engine) == (39, "lunr")
    assert stages == {"read": 0.02, "parse+enrich": 0.11, "combine": 0.0, "mkdocs": 2.47}


def test_stage_times_count_every_page_the_generator_makes():
    """The developer tool ``python -m generator.bench --stages`` times the stages as ``build`` runs
    them: it sees every page ``generate`` makes, and names each stage."""
    from generator import build
    from generator.bench import stage_times

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    row = stage_times(seeds, rounds=1)[0]
    assert row["pages"] == len(build.generate(seeds).pages)
    assert {"read", "parse+enrich", "render", "figures", "downloads"} <= set(row)
