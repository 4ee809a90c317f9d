"""polars: a few hundred real rows through clean_series and clean_column, as the library does."""

from __future__ import annotations

import json

import pytest

from cleaner import Cleaner

from .rows import expected, rows

pl = pytest.importorskip("polars", reason="polars is not installed: pip install 'cleaner[polars]'")
from cleaner.integrations.polars import clean_column, clean_series  # noqa: E402

ROWS = rows(300)
DEFAULT = Cleaner()
TEXTS = [t for t, _ in ROWS]
URLS = [u for _, u in ROWS]


def test_clean_series_matches_the_library_row_by_row():
    out = clean_series(pl.Series("body", TEXTS))
    assert out.name == "body" and out.dtype == pl.String and len(out) == len(ROWS)
    assert out.to_list() == [expected(DEFAULT, t, None)[0] for t in TEXTS]
    assert out.is_null().to_list() == [t is None for t in TEXTS]


def test_removals_make_a_struct_and_a_null_row_a_null_struct():
    out = clean_series(pl.Series("body", TEXTS), urls=pl.Series(URLS), removals=True)
    assert out.dtype == pl.Struct({"text": pl.String, "removals": pl.String})
    assert out.is_null().to_list() == [t is None for t in TEXTS]
    got = [None if row is None else (row["text"], row["removals"]) for row in out.to_list()]
    assert got == [None if t is None else expected(DEFAULT, t, u) for t, u in ROWS]
    assert all(isinstance(json.loads(row[1]), list) for row in got if row)


@pytest.mark.parametrize("engine", ["in-memory", "streaming"])
def test_clean_column_with_urls_in_a_lazy_query(engine):
    cleaner = Cleaner(drop={"dateline"})
    lf = pl.LazyFrame({"id": range(len(ROWS)), "body": TEXTS, "url": URLS})
    query = lf.with_columns(
        clean_column("body", url="url", cleaner=cleaner).alias("clean"),
        clean_column(pl.col("body"), cleaner=cleaner, removals=True).alias("both"),
    )
    df = query.collect(engine=engine).sort("id")
    assert df.columns == ["id", "body", "url", "clean", "both"]
    assert df["body"].to_list() == TEXTS
    assert df["clean"].to_list() == [expected(cleaner, t, u)[0] for t, u in ROWS]
    assert df["both"].struct.field("text").to_list() == [
        expected(cleaner, t, None)[0] for t in TEXTS
    ]


def test_clean_column_keeps_the_column_name():
    df = pl.DataFrame({"body": TEXTS[:20], "url": URLS[:20]})
    out = df.with_columns(clean_column("body", url="url"))
    assert out.columns == ["body", "url"]
    assert out["body"].to_list() == [expected(DEFAULT, t, u)[0] for t, u in ROWS[:20]]
