"""Rows for the engine integration tests: the seeds and five corpus articles, in varied shapes.

The corpus articles are copies under tests/cases/integrations/ (provenance in its README.md and
MANIFEST.tsv); their URLs come from the manifest notes, so site selection by URL is exercised.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from cleaner import Cleaner
from cleaner.html import clean_html

from ..conftest import ROOT, SEEDS

CORPUS = ROOT / "tests" / "cases" / "integrations"
PAGE = (ROOT / "tests/cases/html/detik__001.html").read_text(encoding="utf-8", errors="replace")
PAGE_URL = "https://inet.detik.com/read/2015/11/05/google-umbar-kelemahan-galaxy-s6-edge"
Row = tuple[str | None, str | None]  # (text, url)


@cache
def articles() -> tuple[Row, ...]:
    """(text, url) per article: seeds without a URL, corpus rows with their manifest URL."""
    urls = {}
    for line in (CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        path, *_, notes = line.split("\t")
        found = re.search(r"\burl=([^;\s]+)", notes)
        urls[path.rsplit("/", 1)[-1]] = found.group(1) if found else None
    seeds = [(p.read_text(encoding="utf-8"), None) for p in SEEDS]
    corpus = [(p.read_text(encoding="utf-8"), urls[p.name]) for p in sorted(CORPUS.glob("*.txt"))]
    return tuple(seeds + corpus)


def rows(n: int) -> list[Row]:
    """`n` rows, deterministic: every article as is, glued into one line, and inside extra
    boilerplate; a URL, none, or a host with no site pack; and nulls, empty texts and whole
    HTML pages between."""
    pool, out = articles(), []
    for i in range(n):
        if i % 11 == 5:
            out.append((None, None))
            continue
        if i % 47 == 8:
            out.append(("", None))
            continue
        if i % 53 == 13:  # a crawl's row: the whole page (its article is what gets cleaned)
            out.append((PAGE, PAGE_URL))
            continue
        text, url = pool[i % len(pool)]
        shape = (i // len(pool)) % 3
        if shape == 1:  # the scraper layout with no separator between paragraphs
            text, url = "".join(line.strip() for line in text.splitlines()), None
        elif shape == 2:
            text = f"ADVERTISEMENT\n{text}\nBaca juga: Harga Emas Naik Lagi Hari Ini"
            url = url and "https://example.org/berita/1"
        out.append((text, url))
    return out


@cache  # rows repeat, and several tests compare against the same rows
def expected(cleaner: Cleaner, text: str | None, url: str | None) -> tuple[str | None, str | None]:
    """What the library gives for one row: the clean text and the removal log as JSON."""
    if text is None:
        return None, None
    if text.lstrip().startswith(("<!DOCTYPE", "<html")):
        result = clean_html(text, url=url, cleaner=cleaner)
    else:
        result = cleaner.clean(text, url=url)
    return result.text, json.dumps([r.to_dict() for r in result.removals], ensure_ascii=False)


def write_jsonl(path: Path, rows: list[Row]) -> Path:
    """The rows as JSON Lines records `{"id", "text", "url"}` (the input of the Spark job)."""
    with path.open("w", encoding="utf-8") as handle:
        for i, (text, url) in enumerate(rows):
            handle.write(json.dumps({"id": i, "text": text, "url": url}) + "\n")
    return path
