"""`cleaner clean` on files, folders and stdin: outputs, formats, flags, --jobs, progress."""

from __future__ import annotations

import io
import json
import sys

import pytest

from cleaner import Cleaner, __version__
from cleaner.cli import batch, events, parallel
from cleaner.cli.batch import CleanOptions, Reporter, run_clean, wants_progress
from cleaner.cli.inputs import find_sources

from .clitools import ARTICLE, CLEAN_ARTICLE, SEED, errors, jsonl, read_jsonl, run, write
from .conftest import ROOT, SEEDS


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"cleaner {__version__}"


def test_help_of_every_command_has_examples():
    for command in (["--help"], ["clean", "--help"], ["explain", "--help"], ["rules", "--help"]):
        result = run(*command)
        assert result.exit_code == 0, command
        assert "Examples:" in result.stdout, command


def test_one_file_to_stdout(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    result = run("clean", path)
    assert result.exit_code == 0
    assert result.stdout == CLEAN_ARTICLE
    assert result.stderr == ""


def test_stdin_when_no_path_or_dash():
    for args in (["clean"], ["clean", "-"]):
        result = run(*args, input=ARTICLE)
        assert result.exit_code == 0
        assert result.stdout == CLEAN_ARTICLE


def test_seeds_folder_keeps_the_demo_layout():
    """`python3 tasks.py demo` runs `cleaner clean seeds`: a `==> name <==` header per file."""
    result = run("clean", ROOT / "seeds")
    assert result.exit_code == 0
    headers = [line for line in result.stdout.splitlines() if line.startswith("==> ")]
    assert headers == [f"==> {p} <==" for p in SEEDS]
    first = Cleaner().clean(SEEDS[0].read_text(encoding="utf-8")).text.strip("\n")
    assert result.stdout.startswith(f"==> {SEEDS[0]} <==\n{first}\n\n==> {SEEDS[1]} <==\n")


def test_output_folder_mirrors_the_tree(tmp_path):
    src = tmp_path / "in"
    write(src / "a.txt", ARTICLE)
    write(src / "deep/er/b.txt", ARTICLE.replace("Jumat", "Sabtu"))
    jsonl(src / "deep/dump.jsonl", [{"id": 1, "text": ARTICLE}])
    write(src / "notes.md", "not an input")  # only *.txt, *.html, *.jsonl are picked up
    write(src / ".hidden/c.txt", ARTICLE)  # nor hidden folders (.git and the like)
    out = tmp_path / "out"
    result = run("clean", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert files == ["a.txt", "deep/dump.jsonl", "deep/er/b.txt"]
    assert (out / "a.txt").read_text(encoding="utf-8") == CLEAN_ARTICLE
    assert "Sabtu" in (out / "deep/er/b.txt").read_text(encoding="utf-8")
    assert read_jsonl((out / "deep/dump.jsonl").read_text(encoding="utf-8"))[0]["id"] == 1
    assert result.stdout == ""


def test_output_folder_inside_the_input_is_not_read_back(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    assert run("clean", tmp_path, "-o", tmp_path / "out").exit_code == 0
    again = run("clean", tmp_path, "-o", tmp_path / "out")  # out/a.txt must not become an input
    assert again.exit_code == 0, again.stderr
    assert sorted(p.name for p in (tmp_path / "out").rglob("*")) == ["a.txt"]


def test_output_over_the_input_is_refused(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    result = run("clean", path, "-o", tmp_path)
    assert result.exit_code == 1
    assert errors(result) == [f"cleaner: {path}: its output would overwrite the input "
                              "(choose another -o folder); skipped"]  # fmt: skip
    assert path.read_text(encoding="utf-8") == ARTICLE


def test_format_json_and_jsonl_carry_the_removal_log(tmp_path):
    a = write(tmp_path / "a.txt", ARTICLE)
    b = write(tmp_path / "b.txt", "Judul\nIsi berita yang bersih sekali tanpa iklan apa pun.\n")
    one = json.loads(run("clean", a, "--format", "json").stdout)
    assert one["file"] == str(a)
    assert one["text"] == CLEAN_ARTICLE  # exact: what the removals replay to
    assert [r["rule_id"] for r in one["removals"]] == ["ad-banner", "baca-juga-inline"]
    assert one["removals"][0] == {
        "rule_id": "ad-banner", "category": "ad", "start": 0, "end": 14, "text": "ADVERTISEMENT\n",
    }  # fmt: skip
    many = json.loads(run("clean", a, b, "--format", "json").stdout)  # several: one JSON array
    assert [d["file"] for d in many] == [str(a), str(b)]
    lines = read_jsonl(run("clean", a, b, "--format", "jsonl").stdout)
    assert [(d["file"], len(d["removals"])) for d in lines] == [(str(a), 2), (str(b), 0)]


def test_format_json_with_output_folder_writes_json_files(tmp_path):
    write(tmp_path / "in/a.txt", ARTICLE)
    assert run("clean", tmp_path / "in", "-o", tmp_path / "out", "-f", "json").exit_code == 0
    data = json.loads((tmp_path / "out/a.json").read_text(encoding="utf-8"))
    assert data["text"] == CLEAN_ARTICLE


def test_keep_and_drop_accept_repeats_and_commas(tmp_path):
    path = write(tmp_path / "a.txt", "JAKARTA, KOMPAS.com - " + ARTICLE)
    kept = run("clean", path, "--keep", "ad,related").stdout
    assert "ADVERTISEMENT" in kept and "Baca juga" in kept
    assert run("clean", path, "-k", "ad", "-k", "related").stdout == kept
    assert "KOMPAS.com" in run("clean", path).stdout  # dateline is kept by default ...
    assert "KOMPAS.com" not in run("clean", path, "--drop", "dateline").stdout  # ... unless dropped


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--keep", "banner"], "unknown category or rule id 'banner'"),
        (["--drop", "ad,nope"], "unknown category or rule id 'nope'"),
        (["--keep", "ad", "--drop", "ad"], "'ad' is given to both keep and drop"),
        (["--format", "xml"], "xml"),
        (["--html", "--jsonl"], "--html and --jsonl cannot be used together"),
        (["--text", "--jsonl"], "--jsonl and --text cannot be used together"),
        (["--html", "--jsonl", "--text"], "--html, --jsonl and --text cannot be used together"),
        (["--field", "a..b"], "not a field name"),
        (["--jobs", "-1"], "--jobs"),
        (["--url", "http://[bad"], "'http://[bad' is not a URL (Invalid IPv6 URL)"),
    ],
)
def test_usage_errors_exit_2(tmp_path, args, message):
    path = write(tmp_path / "a.txt", ARTICLE)
    result = run("clean", path, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_extra_rules_and_no_default_rules(tmp_path):
    mine = write(
        tmp_path / "mine.toml",
        '[[rule]]\nid = "test-iklan"\ncategory = "ad"\ndescription = "Test rule"\n'
        "pattern = 'IKLAN ANDA'\nremove = ['IKLAN ANDA']\nkeep = ['Iklan itu dilarang.']\n",
    )
    path = write(tmp_path / "a.txt", "IKLAN ANDA\n" + ARTICLE)
    with_mine = run("clean", path, "--rules", mine)
    assert with_mine.exit_code == 0, with_mine.stderr
    assert with_mine.stdout == CLEAN_ARTICLE
    only_mine = run("clean", path, "--rules", mine, "--no-default-rules")
    assert "IKLAN ANDA" not in only_mine.stdout
    assert "ADVERTISEMENT" in only_mine.stdout  # the shipped ad-banner rule is not loaded


def test_url_selects_site_rules(tmp_path):
    # The MINA tagline rule is in the minanews site pack: only used for that site.
    path = write(tmp_path / "a.txt", "Damai di Palestina = Damai di Dunia\n" + ARTICLE)
    assert "Damai" in run("clean", path).stdout
    assert "Damai" not in run("clean", path, "--url", "https://minanews.net/x").stdout


def test_jobs_2_gives_the_same_output_in_the_same_order(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "BATCH_DOCS", 3)  # many small batches, several in flight
    monkeypatch.setattr(events, "BLOCK_RECORDS", 5)  # a dump's records go in many blocks
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    records = [{"n": i, "text": seeds[i % len(seeds)]} for i in range(40)]
    for at in (7, 20, 21, 35):  # bad lines in several blocks, two in a row
        records.insert(at, "not json" if at != 21 else {"n": "no text"})
    jsonl(tmp_path / "in/dump.jsonl", records)
    for i, text in enumerate(seeds):
        write(tmp_path / f"in/doc{i}.txt", text)
    outputs = {}
    dump = tmp_path / "in/dump.jsonl"
    for jobs in ("1", "2"):
        result = run("clean", tmp_path / "in", "--format", "jsonl", "--jobs", jobs)
        assert result.exit_code == 1  # the bad lines
        assert errors(result) == [
            f"cleaner: {dump}: line 8: not valid JSON at column 1: Expecting value",
            f"cleaner: {dump}: line 21: not valid JSON at column 1: Expecting value",
            f"cleaner: {dump}: line 22: no field 'text' in this record",
            f"cleaner: {dump}: line 36: not valid JSON at column 1: Expecting value",
        ]
        outputs[jobs] = result.stdout
    assert outputs["1"] == outputs["2"]
    lines = [line for line in outputs["2"].splitlines() if not line.startswith('{"file"')]
    assert len(lines) == 44  # one output line per input line
    assert [i for i, line in enumerate(lines) if line == "not json"] == [7, 20, 35]
    assert json.loads(lines[21]) == {"n": "no text"}  # the bad lines pass through, in place
    numbers = [json.loads(line)["n"] for i, line in enumerate(lines) if i not in (7, 20, 21, 35)]
    assert numbers == list(range(40))


def test_ordered_map_in_workers_keeps_order_and_contexts(monkeypatch):
    monkeypatch.setattr(parallel, "BATCH_DOCS", 2)
    items = [(i, parallel.Task(f"ADVERTISEMENT\nBerita nomor {i}.") if i % 3 else None)
             for i in range(20)]  # fmt: skip
    got = list(parallel.ordered_map(Cleaner(), items, jobs=2))
    assert [ctx for ctx, _ in got] == list(range(20))
    assert [r.text if r else None for _, r in got] == [
        f"Berita nomor {i}." if i % 3 else None for i in range(20)
    ]


def test_progress_only_on_a_terminal_and_for_large_input():
    assert wants_progress(batch.LARGE_INPUT, stderr_is_terminal=True)
    assert not wants_progress(batch.LARGE_INPUT, stderr_is_terminal=False)
    assert not wants_progress(batch.LARGE_INPUT - 1, stderr_is_terminal=True)


def test_progress_bar_drawn_on_a_terminal_stderr(tmp_path, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    path = write(tmp_path / "a.txt", ARTICLE)
    monkeypatch.setattr(batch, "LARGE_INPUT", 1)
    for stderr, expect_bar in ((Terminal(), True), (io.StringIO(), False)):
        monkeypatch.setattr(sys, "stderr", stderr)
        opts = CleanOptions(out_dir=tmp_path / "out")
        run_clean(Cleaner(), find_sources([str(path)]), opts, Reporter())
        assert ("cleaning" in stderr.getvalue()) is expect_bar
    assert (tmp_path / "out/a.txt").read_text(encoding="utf-8") == CLEAN_ARTICLE


def test_explicit_file_with_any_extension_is_text(tmp_path):
    path = write(tmp_path / "article.md", ARTICLE)
    assert run("clean", path).stdout == CLEAN_ARTICLE


def test_seed_file_named_directly(tmp_path):
    result = run("clean", SEED, "-o", tmp_path)
    assert result.exit_code == 0
    out = (tmp_path / SEED.name).read_text(encoding="utf-8")
    assert out == Cleaner().clean(SEED.read_text(encoding="utf-8")).text.strip("\n") + "\n"
