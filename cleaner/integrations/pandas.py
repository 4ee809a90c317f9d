"""Clean a pandas column: text in, clean text out, same index and name, nulls untouched.

>>> import pandas as pd
>>> s = pd.Series(["ADVERTISEMENT\\nIsi berita.", None], index=[10, 11], name="body", dtype=object)
>>> clean_series(s)
10    Isi berita.
11           None
Name: body, dtype: object
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..engine import Cleaner
from ._rows import clean_rows

if TYPE_CHECKING:  # pandas is optional: only the type checker needs it here
    import pandas as pd


def _is_null(value: object) -> bool:
    import pandas as pd

    # pd.isna of a list is an array, not a bool: only a scalar can be a null
    return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def clean_series(
    series: pd.Series,
    *,
    urls: pd.Series | Sequence[str | None] | None = None,
    cleaner: Cleaner | None = None,
    removals: bool = False,
    sites: Sequence[str | None] | None = None,
) -> pd.Series | pd.DataFrame:
    """Clean every text of `series`; None/NaN/NA rows stay as they are.

    `urls` (a Series is aligned on the index, anything else must have the same length) selects
    site packs per row; `sites` (same length) names each row's site, whose learned pack it
    gets (`Cleaner.with_packs`). With `removals=True` the result is a DataFrame with columns
    `text` and `removals` (the removal log as a JSON string, None for a null row).

    >>> import pandas as pd
    >>> out = clean_series(pd.Series(["Baca juga: Emas Naik\\nHarga emas naik."]), removals=True)
    >>> out.loc[0, "text"], out.loc[0, "removals"][:31]
    ('Harga emas naik.', '[{"rule_id": "baca-juga-inline"')
    """
    import pandas as pd

    if isinstance(urls, pd.Series) and not urls.index.equals(series.index):
        urls = urls.reindex(series.index)  # pandas semantics: match rows by label, not position
    texts, logs = clean_rows(
        cleaner, series.tolist(), urls, removals=removals, is_null=_is_null, sites=sites
    )
    # Keep a string dtype (and its null marker) when the input has one; anything else -> object.
    dtype = series.dtype if isinstance(series.dtype, pd.StringDtype) else object
    text = pd.Series(texts, index=series.index, name=series.name, dtype=dtype)
    if logs is None:
        return text
    log = pd.Series(logs, index=series.index, dtype=dtype)
    return pd.DataFrame({"text": text, "removals": log}, index=series.index)


def clean_frame(
    df: pd.DataFrame,
    column: str,
    *,
    url_column: str | None = None,
    output_column: str | None = None,
    removals_column: str | None = None,
    cleaner: Cleaner | None = None,
) -> pd.DataFrame:
    """A copy of `df` with `column` cleaned into `output_column` (default: `column` itself).

    `removals_column`, if given, receives the removal log as JSON text. `df` is not modified.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"id": [1], "body": ["ADVERTISEMENT\\nIsi berita."]})
    >>> clean_frame(df, "body", output_column="clean").to_dict("records")
    [{'id': 1, 'body': 'ADVERTISEMENT\\nIsi berita.', 'clean': 'Isi berita.'}]
    """
    urls = None if url_column is None else df[url_column]
    logged = removals_column is not None
    result = clean_series(df[column], urls=urls, cleaner=cleaner, removals=logged)
    out = df.copy(deep=False)  # shallow: the other columns are shared with `df`, not duplicated
    out[output_column or column] = result["text"] if logged else result
    if logged:
        out[removals_column] = result["removals"]
    return out
