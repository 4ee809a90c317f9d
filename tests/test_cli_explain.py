"""`cleaner explain`: every removal marked in place, then a legend saying which rule and why."""

from __future__ import annotations

import re

from cleaner import Cleaner
from cleaner.model import DUPLICATE_DESCRIPTION

from .clitools import ARTICLE, SEED, errors, run, write
from .conftest import ROOT

HTML_CASE = ROOT / "tests/cases/html/antaranews__001.html"


def test_explain_seed_snapshot(text_snapshot):
    """Reviewed: each marker wraps exactly one removal of the seed's labels, layout kept."""
    result = run("explain", SEED, "--no-color")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == text_snapshot


def test_marks_replay_to_the_input_and_the_legend_describes_each_removal():
    text = SEED.read_text(encoding="utf-8")
    cleaner = Cleaner()
    removals = cleaner.clean(text).removals
    out = run("explain", SEED).stdout  # not a terminal: plain markers, no colour
    assert "\x1b[" not in out
    marked, legend = out.rsplit("\n\n--- ", 1)
    # unwrapping every marker gives the input back (white space aside: it is kept outside)
    unwrapped = re.sub(r"\[-[a-z0-9-]+: (.*?)-\]", r"\1", marked, flags=re.S)
    assert " ".join(unwrapped.split()) == " ".join(text.split())
    rows = legend.splitlines()
    assert rows[0] == f"{len(removals)} removals ---"
    for row, removal in zip(rows[1:], removals, strict=True):
        _, rule_id, category, description = row.split(maxsplit=3)
        assert (rule_id, category) == (removal.rule_id, removal.category)
        assert description == cleaner.all_rules[rule_id].description


def test_duplicate_line_rule_is_described_too(tmp_path):
    line = "Rusia dan Iran Tandatangani Kerja Sama Strategis"
    path = write(tmp_path / "a.txt", f"{line}\n{line}\nIsi berita yang cukup panjang di sini.\n")
    out = run("explain", path).stdout
    assert f"[-duplicate-line: {line}-]" in out
    assert out.rstrip().endswith(f"duplicate-line  duplicate  {DUPLICATE_DESCRIPTION}")


def test_colour_mode_and_nothing_removed(tmp_path):
    coloured = run("explain", "-", "--color", input=ARTICLE).stdout
    assert "\x1b[9;31mADVERTISEMENT\x1b[0m" in coloured
    assert "[-" not in coloured
    path = write(tmp_path / "a.txt", "Isi berita yang bersih.\n")
    assert run("explain", path).stdout == "Isi berita yang bersih.\n\n--- nothing removed ---\n"


def test_explain_html_marks_the_extracted_text(tmp_path):
    out = run("explain", HTML_CASE).stdout
    assert out.startswith("29 penerbangan Bandara Internasional Lombok dibatalkan\n")
    assert "[-byline-label: Editor: Ade Marboen-]" in out


def test_explain_bad_inputs(tmp_path):
    missing = tmp_path / "nope.txt"
    result = run("explain", missing)
    assert result.exit_code == 1
    assert errors(result) == [f"cleaner: {missing}: no such file or folder"]
    bad = write(tmp_path / "bad.txt", b"ok\n\xff")
    result = run("explain", bad)
    assert (result.exit_code, errors(result)) == (
        1, [f"cleaner: {bad}: line 2: not UTF-8 text (byte 0xff at column 1)"],
    )  # fmt: skip
    result = run("explain", tmp_path)
    assert result.exit_code == 2
    assert errors(result) == [f"cleaner: {tmp_path}: explain takes one text or HTML file"]
    empty = write(tmp_path / "empty.txt", "")
    result = run("explain", empty)
    assert result.exit_code == 0
    assert errors(result) == [f"cleaner: {empty}: warning: empty file; nothing to explain"]
