"""The benchmark scripts still run and report every figure (tiny sizes: this checks the
scripts, not the speed; the figures in the README come from full runs)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> str:
    out = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def test_the_speed_benchmark_reports_every_figure_the_issue_asks_for():
    report = _run(
        "bench/run.py", "--mb", "0.4", "--jsonl-mb", "0.4", "--line-mb", "0.2", "--repeat", "1"
    )
    number = r"\d+(?:\.\d+)?"
    for layout in ("lines", "glued"):  # floor, clean, MB/s, art/s, ratio, peak, jobs 1/2
        row = rf"^{layout}\s+{number}\s+{number}\s+{number}\s+{number}\s+{number}\s+{number}x"
        assert re.search(rf"{row}\s+{number}\s+{number}\s+{number}\s+{number}x$", report, re.M)
    assert re.search(rf"^input .* = {number}x$", report, re.M)
    assert re.search(rf"^rules\s+\d+ -> \d+ .* = {number}x$", report, re.M)
    assert re.search(rf"^one glued line .* = {number}x \({number} MB/s\)$", report, re.M)
    assert re.search(rf"start-up\s+cleaner --help\s+{number} s", report)
    assert re.search(rf"start-up\s+cleaner clean 1 file\s+{number} s", report)
    assert re.search(rf"^stream .* peak RSS {number} MB$", report, re.M)


def test_the_integrations_benchmark_runs_each_local_engine():
    report = _run(
        "bench/integrations.py", "--rows", "30", "--repeat", "1",
        "--engines", "library", "pool", "pandas", "polars",
    )  # fmt: skip
    for engine in ("library", "pool", "pandas", "polars"):
        assert re.search(rf"^{engine}\s+\d+\.\d+\s+\d+\.\d+\s+\d+", report, re.M), report


def test_the_quality_benchmark_reports_every_labelled_set_by_outlet_and_category():
    report = _run("bench/quality.py", "--details")
    for name in ("corpus", "dev", "holdout"):
        assert re.search(rf"^== {name}: \d+ articles", report, re.M), report
    assert len(re.findall(r"^all\s+\d+\s+\d+\.\d%\s+\d+\.\d%\s+\d+\.\d\d%", report, re.M)) == 3
    assert len(re.findall(r"^recall by category: ad ", report, re.M)) >= 2
    assert "worst 5 documents by recall:" in report and "story text removed (" in report
    assert "(blind set:" in report  # the hold-out's texts are never printed: rule ids only
    by_rule = r"[\w-]+ \d+ words"
    blind = (
        rf"\(blind set: \d+ stretches of story text removed(?: \({by_rule}(?:, {by_rule})*\))?,"
        r" \d+ label spans left in; texts not shown\)"
    )
    assert re.search(blind, report), report


def test_the_quality_benchmark_scores_every_labelled_outlet_without_body_loss():
    report = _run("bench/quality.py", "--learn-loo")
    rows = re.findall(
        r"^(\w+)\s+\d+\s+(shipped rules|\+ learned.*?|learned alone.*?)\s{2,}.*?(\d+\.\d\d)%$",
        report,
        re.M,
    )
    outlets = {outlet for outlet, _, _ in rows}
    assert outlets >= {"kompas", "merdeka"} and len(rows) == 3 * len(outlets), report
    assert all(loss == "0.00" for _, _, loss in rows), report  # never a story sentence


def test_the_learn_benchmark_reports_the_ratio_and_memory():
    report = _run("bench/learn_run.py", "--mb", "0.3", "--repeat", "1", "--jobs", "1")
    number = r"\d+(?:\.\d+)?"
    row = rf"^1\s+{number}\s+{number}\s+{number}x\s+{number}\s+{number}\s+'learned \d+ rules"
    assert re.search(row, report, re.M), report
    records = re.search(r"dump: \d+ MB, (\d+) records of 9 sites", report)
    assert records and f"output: {records.group(1)} lines for {records.group(1)} records" in report
    assert re.search(rf"cleaner learn alone: {number} s, {number} MB/s", report)


def test_the_learn_benchmark_runs_on_real_batches():
    report = _run(
        "bench/learn_run.py", "--bulk", "tests/cases/learn/bulk", "--repeat", "1", "--jobs", "1"
    )
    records = re.search(r"dump: [\d.]+ MB, (\d+) records of real batches", report)
    assert records and int(records.group(1)) == 129, report  # 40 + 40 + 49 in the fixtures
    assert re.search(r"^1\s+[\d.]+\s+[\d.]+\s+[\d.]+x\s", report, re.M), report
    assert f"output: {records.group(1)} lines for {records.group(1)} records" in report


def test_the_learning_benchmarks_run_on_the_repository_batches():
    # the figures in the README come from the shared bulk batches (--bulk); these are the
    # small batches copied into the repository
    report = _run("bench/learn.py", "--repeat", "1")
    number = r"\d+(?:\.\d+)?"
    for row in ("floor", "learning: counting only", "learning a pack", "cleaning"):
        assert re.search(rf"^{row}.* {number} s +{number} MB/s +{number}x learning$", report, re.M)
    report = _run("bench/quality.py", "--bulk", "tests/cases/learn/bulk", "dev")
    for outlet in ("antaranews", "cnnindonesia", "kontan"):
        for pack in ("shipped rules", "+ learned from its bulk batch", "learned alone"):
            assert re.search(rf"^{outlet} .* {re.escape(pack)} ", report, re.M), (outlet, pack)
    assert re.search(rf"^learning: .* {number} MB/s$", report, re.M)


def test_the_comparison_with_an_earlier_commit_reports_the_ratio():
    # against HEAD itself: the script exports the commit's package and rules with git archive
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True).returncode:
        pytest.skip("not a git checkout: there is no earlier commit to compare with")
    report = _run("bench/compare.py", "HEAD", "--mb", "0.1", "--repeat", "1")
    assert re.search(r"^HEAD +\d+\.\d\d s +\d+ µs/article$", report, re.M), report
    assert re.search(r"^this tree +\d+\.\d\d s +\d+ µs/article$", report, re.M), report
    assert re.search(r"^ratio +\d+\.\d\dx$", report, re.M), report
