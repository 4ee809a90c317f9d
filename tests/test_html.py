"""The HTML adapter: a saved page -> article text (trafilatura) -> the engine.

The page is a real ANTARA News article page with its site chrome; provenance in
tests/cases/html/SOURCES.md (anpandu/indonesian-news-scraper, MIT, via shared/corpus).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from cleaner.html import clean_html, html_to_text

from .clitools import errors, run, write
from .conftest import ROOT

PAGE = ROOT / "tests/cases/html/antaranews__001.html"
HEADLINE = "29 penerbangan Bandara Internasional Lombok dibatalkan"
LEAD = "Mataram, NTB (ANTARA News) - Sebanyak 29 penerbangan baik domestik dan internasional"
LAST = 'harus tertunda dan menjadwal ulang keberangkatannya di BIL," katanya.'


def test_html_to_text_gives_headline_then_paragraphs():
    text = html_to_text(PAGE.read_bytes())
    lines = text.splitlines()
    assert lines[0] == HEADLINE
    assert lines[1].startswith(LEAD)
    assert "Editor: Ade Marboen" in lines  # trafilatura keeps the credit lines ...
    for chrome in ("Baca juga", "Komentar", "Terpopuler", "<script", "Share"):
        assert chrome not in text  # ... and drops the page chrome
    assert html_to_text(PAGE.read_text(encoding="utf-8")) == text  # str or bytes alike


def test_clean_html_removes_what_the_extractor_left():
    result = clean_html(PAGE.read_bytes(), url="https://www.antaranews.com/berita/x")
    # the copyright line sits in a p.date: gone with the page's debris before the rules run
    assert [(r.rule_id, r.text.strip()) for r in result.removals] == [
        ("byline-label", "Editor: Ade Marboen"),
    ]
    assert "COPYRIGHT" not in result.text
    assert result.text.startswith(HEADLINE + "\n" + LEAD)
    assert result.text.rstrip().endswith(LAST)


def test_empty_or_non_article_html():
    assert html_to_text("") == ""
    assert html_to_text("<html><body></body></html>") == ""
    assert clean_html("<html></html>").text == ""


def test_cli_cleans_html_files_and_stdin(tmp_path):
    from_file = run("clean", PAGE)
    assert from_file.exit_code == 0
    assert from_file.stdout.startswith(HEADLINE + "\n")
    assert "COPYRIGHT" not in from_file.stdout
    from_stdin = run("clean", "--html", input=PAGE.read_bytes())
    assert from_stdin.stdout == from_file.stdout
    out = tmp_path / "out"
    assert run("clean", PAGE, "-o", out).exit_code == 0
    assert (out / "antaranews__001.txt").read_text(encoding="utf-8") == from_file.stdout


def test_cli_html_page_without_article_warns(tmp_path):
    page = write(tmp_path / "empty.html", "<html><body><script>var x = 1;</script></body></html>")
    result = run("clean", page)
    assert result.exit_code == 0
    assert errors(result) == [f"cleaner: {page}: warning: no article text found in the page"]


def test_binary_html_is_refused(tmp_path):
    page = write(tmp_path / "x.html", b"<html>\x00\x01</html>")
    result = run("clean", page)
    assert result.exit_code == 1
    assert errors(result) == [
        f"cleaner: {page}: line 1: binary data, not text (NUL byte at column 7)"
    ]


@pytest.mark.slow
def test_trafilatura_is_not_imported_for_text():
    """Start-up stays fast: trafilatura (and lxml) load only when HTML is actually given."""
    code = (
        "import sys, cleaner.cli.app, cleaner.cli.batch, cleaner.cli.parallel, cleaner.html; "
        "print('trafilatura' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
