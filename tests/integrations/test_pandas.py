"""pandas: a few hundred real rows through clean_series and clean_frame, as the library does."""

from __future__ import annotations

import json

import pytest

from cleaner import Cleaner, Removal, restore
from cleaner.html import html_to_text

from .rows import PAGE, expected, rows

pd = pytest.importorskip("pandas", reason="pandas is not installed: pip install 'cleaner[pandas]'")
from cleaner.integrations.pandas import clean_frame, clean_series  # noqa: E402

ROWS = rows(300)
DEFAULT = Cleaner()


def series(dtype=object) -> pd.Series:
    # labels that are neither 0..n-1 nor sorted, so a positional slip would show
    index = [f"doc-{(i * 37) % 1000:03d}" for i in range(len(ROWS))]
    return pd.Series([t for t, _ in ROWS], index=index, name="body", dtype=dtype)


def test_clean_series_matches_the_library_row_by_row():
    s = series()
    out = clean_series(s)
    assert out.index.equals(s.index) and out.name == "body" and out.dtype == object
    for (text, _), got in zip(ROWS, out.tolist(), strict=True):
        assert got == expected(DEFAULT, text, None)[0]
    assert out[s.isna()].map(lambda v: v is None).all()  # the very same null, not NaN


@pytest.mark.parametrize("dtype", ["string", "str"])
def test_string_dtypes_keep_their_dtype_and_null_marker(dtype):
    try:
        s = series(dtype)
    except TypeError:
        pytest.skip(f"this pandas has no '{dtype}' dtype")
    out = clean_series(s)
    assert out.dtype == s.dtype
    assert out.isna().equals(s.isna())
    assert out[s.notna()].tolist() == [expected(DEFAULT, t, None)[0] for t in s[s.notna()]]


def test_nan_in_an_object_column_stays_nan():
    s = pd.Series(["ADVERTISEMENT\nIsi berita.", float("nan"), None], dtype=object)
    out = clean_series(s)
    assert out[0] == "Isi berita." and out[1] != out[1] and out[2] is None


def test_urls_align_on_the_index_and_select_site_packs():
    s = series()
    urls = pd.Series([u for _, u in ROWS], index=s.index, dtype=object)
    out = clean_series(s, urls=urls.iloc[::-1])  # reversed order: matched by label anyway
    assert out.tolist() == [expected(DEFAULT, t, u)[0] for t, u in ROWS]
    assert clean_series(s, urls=urls.tolist()).tolist() == out.tolist()


def test_removals_are_json_logs_that_restore_the_input():
    s = series()
    out = clean_series(s, removals=True)
    assert list(out.columns) == ["text", "removals"] and out.index.equals(s.index)
    for (text, _), clean, log in zip(ROWS, out["text"], out["removals"], strict=True):
        assert (clean, log) == expected(DEFAULT, text, None)
        if text is not None:  # (a whole page's log restores its article's text)
            source = html_to_text(text) if text is PAGE else text
            assert restore(clean, [Removal(**r) for r in json.loads(log)]) == source


def test_clean_frame_adds_columns_and_leaves_the_input_alone():
    df = pd.DataFrame({"id": range(len(ROWS)), "body": [t for t, _ in ROWS]}, dtype=object)
    df["url"] = pd.Series([u for _, u in ROWS], dtype=object)
    before = df.copy()
    cleaner = Cleaner(drop={"dateline"})
    out = clean_frame(
        df, "body", url_column="url", output_column="clean", removals_column="log", cleaner=cleaner
    )
    assert df.equals(before)
    assert list(out.columns) == ["id", "body", "url", "clean", "log"]
    assert list(zip(out["clean"], out["log"], strict=True)) == [
        expected(cleaner, t, u) for t, u in ROWS
    ]
    replaced = clean_frame(df, "body")
    assert list(replaced.columns) == ["id", "body", "url"]
    assert replaced["body"].tolist() == [expected(DEFAULT, t, None)[0] for t, _ in ROWS]


def test_a_value_that_is_not_text_is_an_error():
    with pytest.raises(TypeError, match="position 1: expected text or null, got int"):
        clean_series(pd.Series(["Isi berita.", 3], dtype=object))
    with pytest.raises(TypeError, match="position 0: expected text or null, got list"):
        clean_series(pd.Series([["Isi berita."]], dtype=object))
