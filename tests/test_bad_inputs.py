"""Hostile and messy input: every case of ``tests/bad_inputs/`` has the outcome EXPECTED.yaml gives.

* ``python -m generator check`` on each case alone: exit 0 with the expected warnings, or exit 1
  with ``file:line: error: message`` for each expected problem.
* The cases that build are built together once (one folder each inside one input) and the built
  ``data/archive.json`` and pages are compared with the expected turns, speakers, title, date, place.
* ``check`` on all refused cases at once reports every problem of every file in one run.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

pytest.register_assert_rewrite("tests.fidelity")

from . import fidelity as fx  # noqa: E402

EXPECTED = fx.load_expected()
LINE_RE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<severity>error|warning): (?P<message>.+)$")


def _params(names, test: str) -> list:
    out = []
    for c in names:
        reason = fx.xfail_reason(c, test)
        out.append(pytest.param(c, id=c, marks=[pytest.mark.xfail(strict=True, reason=reason)] if reason else []))
    return out


def _problem_lines(output: str) -> list[dict]:
    """Every ``file:line: severity: message`` line of the output, parsed."""
    out = []
    for line in output.splitlines():
        m = LINE_RE.match(line)
        if m:
            out.append({**m.groupdict(), "line": int(m.group("line")), "name": Path(m.group("file")).name})
    return out


def _find(reported: list[dict], want: dict, severity: str) -> bool:
    return any(
        r["severity"] == severity and r["name"] == want["file"] and r["line"] == want["line"] and want["message"] in r["message"]
        for r in reported
    )


# ------------------------------------------------------------------------------ the corpus itself


def test_every_case_is_described_and_present():
    folders = {p.name for p in fx.BAD_INPUTS.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}
    generated = fx.generated_cases()
    assert folders - set(EXPECTED) == set(), "case folders missing from EXPECTED.yaml"
    for case, exp in EXPECTED.items():
        assert exp["expect"] in ("builds", "refused"), case
        assert bool(exp.get("generated")) == (case in generated), f"{case}: 'generated' disagrees with fidelity._generated()"
        assert (case in generated) != (case in folders), f"{case}: needs exactly one of a folder or a generator"
        if exp["expect"] == "refused":
            assert exp.get("problems"), f"{case}: a refused case lists its problems"
        else:
            assert exp.get("transcripts"), f"{case}: a case that builds lists its transcripts"


def test_generated_inputs_are_what_they_claim(tmp_path):
    sizes = {}
    for case in ("huge_5mb", "single_line_1mb", "binary_nul", "utf16le_nobom_ru", "koi8r_short"):
        folder = fx.materialise(case, tmp_path / case)
        [f] = list(folder.iterdir())
        sizes[case] = f.read_bytes()
    assert len(sizes["huge_5mb"]) >= 5 * 1024 * 1024
    assert len(sizes["single_line_1mb"]) >= 1024 * 1024 and b"\n" not in sizes["single_line_1mb"]
    assert b"\x00" in sizes["binary_nul"]
    assert not sizes["utf16le_nobom_ru"].startswith((b"\xff\xfe", b"\xfe\xff"))
    assert sizes["koi8r_short"] == "В.Путин: Добрый день.".encode("koi8_r")


# ------------------------------------------------------------------------------ check, case by case


@pytest.fixture(scope="module")
def checks(tmp_path_factory) -> dict:
    """``python -m generator check`` on every case alone, a few at a time (each is a process)."""
    from concurrent.futures import ThreadPoolExecutor

    base = tmp_path_factory.mktemp("checks")
    folders = {case: fx.materialise(case, base / case) for case in EXPECTED}
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        futures = {case: pool.submit(fx.run_generator, "check", "--input", str(folder)) for case, folder in folders.items()}
        return {case: f.result() for case, f in futures.items()}


@pytest.mark.parametrize("case", _params(EXPECTED, "check"))
def test_check(case, checks):
    exp = EXPECTED[case]
    result = checks[case]
    output = result.stdout + result.stderr
    reported = _problem_lines(output)
    assert "Traceback" not in output, output
    if exp["expect"] == "refused":
        assert result.returncode == 1, f"expected a refusal (exit 1), got {result.returncode}:\n{output}"
        for want in exp["problems"]:
            assert _find(reported, want, "error"), f"missing '{want['file']}:{want['line']}: error: …{want['message']}…' in:\n{output}"
        for r in reported:
            if r["severity"] == "error":
                # A refusal says what is wrong in a sentence, not just a code.
                assert len(r["message"]) >= 25, f"unhelpfully short message: {r}"
                assert Path(r["file"]).exists(), f"the message names a file that does not exist: {r['file']}"
    else:
        assert result.returncode == 0, f"expected OK (exit 0), got {result.returncode}:\n{output}"
        assert not [r for r in reported if r["severity"] == "error"], output
        n = len(exp["transcripts"])
        assert f"OK: {n} transcripts" in result.stdout, output
        for want in exp.get("warnings", []):
            assert _find(reported, want, "warning"), f"missing '{want['file']}:{want['line']}: warning: …{want['message']}…' in:\n{output}"


# ------------------------------------------------------------------------------ the cases that build


def _records(site: Path) -> dict[str, dict]:
    return {t["id"]: t for t in fx.load_archive(site)["transcripts"]}


def _check_transcripts(case: str, site: Path, records: dict[str, dict]) -> None:
    exp = EXPECTED[case]
    for want in exp["transcripts"]:
        tid = want["id"]
        assert tid in records, f"{case}: no transcript {tid} in archive.json (have {sorted(records)[:20]} …)"
        got = records[tid]
        if "turns" in want:
            assert len(got["turns"]) == want["turns"], f"{tid}: turns {[(t['speaker'], t['label']) for t in got['turns']]}"
        if "speakers" in want:
            assert got["speakers"] == want["speakers"], f"{tid}: speakers"
        for key in ("title", "date", "place"):
            if key in want:
                assert got[key] == want[key], f"{tid}: {key}"
        page = fx.transcript_page(site, got)
        assert page.exists(), f"{tid}: no page at {page}"
    first = records[exp["transcripts"][0]["id"]]
    whole = fx.norm_space(fx.page_text(fx.transcript_page(site, first).read_text(encoding="utf-8")).whole)
    for text in exp.get("page_contains", []):
        assert text in whole, f"{case}: {text!r} is not visible on {first['page']}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return fx.corpus_build(tmp_path_factory)


@pytest.mark.parametrize("case", _params(fx.cases("builds", exclude=fx.SEPARATE_BUILD), "build"))
def test_build(case, corpus):
    _, site, _ = corpus
    _check_transcripts(case, site, _records(site))


def test_same_title_and_date_build_distinct_pages(corpus):
    _, site, _ = corpus
    records = _records(site)
    a, b = records["meeting_a"], records["meeting_b"]
    assert a["page"] != b["page"]
    pa = fx.transcript_page(site, a).read_text(encoding="utf-8")
    pb = fx.transcript_page(site, b).read_text(encoding="utf-8")
    assert "heating season" in pa and "healthcare" in pb


def test_sidecar_wins_and_the_page_says_so(corpus):
    _, site, _ = corpus
    rec = _records(site)["sidecar_disagrees"]
    assert rec["date"] == "2022-02-19" and rec["metadata_origin"]["date"] == "sidecar"
    text = fx.page_text(fx.transcript_page(site, rec).read_text(encoding="utf-8"))
    header = fx.norm_space(text.header)
    assert "February 19, 2022" in header and "February 18, 2022" in header and "line 3" in header, header


def test_speaker_with_five_label_forms_has_one_page(corpus):
    _, site, _ = corpus
    data = fx.load_archive(site)
    rec = next(t for t in data["transcripts"] if t["id"] == "five_label_forms")
    assert {t["speaker"] for t in rec["turns"]} == {"vladimir-putin"}
    assert [t["label"] for t in rec["turns"]] == [
        "President of Russia Vladimir Putin", "Vladimir Putin", "V. Putin", "Putin", "PUTIN",
    ]
    assert (site / "speakers" / "vladimir-putin" / "index.html").exists()
    assert not any((site / "speakers").glob("putin*")), "a second page for a short form of the name"


@pytest.mark.slow
@pytest.mark.parametrize("case", _params(sorted(fx.SEPARATE_BUILD), "build"))
def test_build_large(case, tmp_path):
    inp = fx.materialise(case, tmp_path / "input")
    site, docs, result = fx.build(inp, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    _check_transcripts(case, site, _records(site))
    rec = _records(site)[EXPECTED[case]["transcripts"][0]["id"]]
    doc = fx.read_docs(inp)[rec["id"]]
    html = fx.transcript_page(site, rec).read_text(encoding="utf-8")
    problems = fx.fidelity_problems(doc, fx.parse_doc(doc), html)
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------------------ all problems at once


def _refused_corpus(tmp_path: Path, names: list[str]) -> Path:
    inp = tmp_path / "refused"
    for case in names:
        fx.materialise(case, inp / case)
    return inp


def _assert_all_reported(inp: Path, names: list[str]) -> None:
    result = fx.run_generator("check", "--input", str(inp))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    reported = _problem_lines(output)
    missing = [
        f"{case}: {want['file']}:{want['line']}: {want['message']}"
        for case in names
        for want in EXPECTED[case]["problems"]
        if not _find(reported, want, "error")
    ]
    assert not missing, "not reported in the same run:\n  " + "\n  ".join(missing) + "\n--- output:\n" + output


ALL_REFUSALS = fx.cases("refused")


def test_check_reports_every_problem_in_one_run(tmp_path):
    """Many bad files (bytes, encodings, dates, sidecars, duplicate pages): every one is reported."""
    _assert_all_reported(_refused_corpus(tmp_path, ALL_REFUSALS), ALL_REFUSALS)


def test_check_reports_two_bad_files(tmp_path):
    names = ["impossible_date", "binary_nul"]
    _assert_all_reported(_refused_corpus(tmp_path, names), names)


def test_check_reports_duplicate_ids_alongside_other_problems(tmp_path):
    """A problem found across files (two files, one page) is reported with the per-file ones."""
    names = ["impossible_date", "duplicate_ids"]
    _assert_all_reported(_refused_corpus(tmp_path, names), names)


def test_refused_build_says_nothing_was_written(tmp_path):
    inp = tmp_path / "input"
    shutil.copytree(fx.ROOT / "seeds", inp)
    fx.materialise("impossible_date", inp)
    site, docs, result = fx.build(inp, tmp_path)
    assert result.returncode == 1
    assert re.search(r"impossible_date\.txt:3: error: impossible date 'February 30, 2022'", result.stderr), result.stderr
    assert "nothing was written" in result.stderr
    assert not site.exists()


def test_usage_error_exits_2(tmp_path):
    result = fx.run_generator("check", "--input", str(tmp_path / "no-such-folder"))
    assert result.returncode == 2, result.stdout + result.stderr


def test_hidden_files_and_folders_are_not_transcripts(tmp_path, monkeypatch):
    """Editors' and tools' files (``.git/``, ``.#draft.txt``) are skipped, wherever the input
    folder is given from, including the current folder."""
    from generator.reader import read_folder

    text = "Meeting on grain\n\nMarch 3, 2001, Moscow\n\nVladimir Putin: Good afternoon.\n"
    for rel in ("a.txt", "sub/b.txt", ".git/c.txt", "sub/.cache/d.txt", ".#e.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    documents, _ = read_folder(tmp_path)
    assert sorted(d.file.replace(str(tmp_path), "") for d in documents) == ["/a.txt", "/sub/b.txt"]
    monkeypatch.chdir(tmp_path)
    documents, _ = read_folder(Path("."))
    assert sorted(d.file for d in documents) == ["a.txt", "sub/b.txt"]


def test_a_note_in_the_label_is_shown_once():
    """'Question (Anna Petrova, Kommersant):' shows Kommersant once, as written in the label; an
    outlet written after the label ('Alyona Syrova: STV Channel.', in the seeds) is still shown,
    beside it."""
    from generator import build

    generated = build.generate(fx.BAD_INPUTS / "label_variety")
    (page,) = [p for p in generated.pages if p.path == "transcripts/label_variety.md"]
    headings = [line for line in page.text.split("\n") if 'class="ta-turn__label"' in line]
    petrova = next(h for h in headings if "Anna Petrova" in h and "Question" in h)
    assert petrova.count("Kommersant") == 1, petrova
    retranslated = next(h for h in headings if "Question" in h and "retranslated" in h)
    assert retranslated.count("retranslated") == 1, retranslated
    seeds = build.generate(fx.ROOT / "seeds")
    (seed,) = [p for p in seeds.pages if p.path == "transcripts/001_32ef437e4656f63d.md"]
    syrova = next(line for line in seed.text.split("\n") if 'class="ta-turn__label"' in line and "Alyona Syrova" in line)
    assert '<span class="ta-affiliation">STV Channel</span>' in syrova
