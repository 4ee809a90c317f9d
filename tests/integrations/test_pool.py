"""The process pool helper, and the promise that no integration drags its engine into the core."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cleaner import Cleaner
from cleaner.integrations.pool import clean_many

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
