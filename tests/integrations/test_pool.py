"""The process pool helper, and the promise that no integration drags its engine into the core."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cleaner import Cleaner
from cleaner.integrations.pool import clean_many

from ..learnbatch import FOOTERS, STORIES, site_docs
from .rows import expected, rows

ROWS = rows(200)


@pytest.mark.parametrize("jobs", [1, 2])
def test_clean_many_keeps_order_and_nulls(jobs):
    cleaner = Cleaner(drop={"dateline"})
    results = clean_many(
        [t for t, _ in ROWS], urls=[u for _, u in ROWS], cleaner=cleaner, jobs=jobs
    )
    got = [None if r is None else r.text for r in results]
    assert got == [expected(cleaner, t, u)[0] for t, u in ROWS]


def test_clean_many_rejects_what_is_not_text():
    with pytest.raises(TypeError, match="position 1: expected str or None, got bytes"):
        clean_many(["Isi.", b"Isi."], jobs=1)
    with pytest.raises(ValueError, match="1 urls for 2 texts"):
        clean_many(["Isi.", "Isi."], urls=["https://example.org"], jobs=1)


def test_importing_the_integrations_imports_no_engine():
    probe = (
        "import sys, cleaner\n"
        "import cleaner.integrations.pandas, cleaner.integrations.polars\n"
        "import cleaner.integrations.spark, cleaner.integrations.spark_job\n"
        "import cleaner.integrations.pool\n"
        "print(sorted({'pandas', 'polars', 'pyspark', 'pyarrow'} & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("jobs", [1, 2])
def test_clean_many_learns_per_site_like_the_command(jobs):
    a, b = site_docs("warta-a"), site_docs("warta-b", offset=6)
    stray = f"{STORIES[0]}\n{FOOTERS['warta-a']}"  # warta-a's footer on a warta-b page
    texts = [*a, *b, stray, None]
    sites = ["warta-a"] * 6 + ["Warta-B"] * 6 + ["warta-b", None]
    results = clean_many(texts, learn=True, sites=sites, jobs=jobs)
    for text, site, result in zip(texts[:12], sites, results, strict=False):
        footer = FOOTERS[site.lower()]
        assert result.text == text.removesuffix(footer).strip()
        assert [r.rule_id.startswith(f"learned-{site.lower()}-") for r in result.removals] == [True]
    assert results[12].text == stray  # its own site's pack only
    assert results[13] is None
    plain = clean_many(texts[:12], jobs=1)
    assert all(r.text == t for r, t in zip(plain, texts, strict=False))  # the premise


def test_clean_many_learns_by_url_domain_else_one_batch():
    by_url = clean_many(
        site_docs("warta-a"), learn=True, urls=[f"https://m.warta-a.id/{i}" for i in range(6)]
    )
    assert all(FOOTERS["warta-a"] not in r.text for r in by_url)
    one_batch = clean_many(site_docs("warta-b"), learn=True, jobs=1)
    assert all(FOOTERS["warta-b"] not in r.text for r in one_batch)
    with pytest.raises(ValueError, match="pass learn=True"):
        clean_many(["Isi."], sites=["x"])
    with pytest.raises(ValueError, match="1 sites for 2 texts"):
        clean_many(["Isi.", "Isi."], sites=["x"], learn=True)
