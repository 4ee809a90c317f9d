"""The row loop every engine shares: one Cleaner, nulls passed through, the log as JSON text.

>>> texts, logs = clean_rows(None, ["ADVERTISEMENT\\nIsi berita.", None], removals=True)
>>> texts
['Isi berita.', None]
>>> logs[0]
'[{"rule_id": "ad-banner", "category": "ad", "start": 0, "end": 14, "text": "ADVERTISEMENT\\\\n"}]'
>>> logs[1] is None
True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from ..engine import Cleaner, default_cleaner
from ..model import Cleaned


def removals_json(result: Cleaned) -> str:
    """The removal log of one document as JSON text (non-ASCII kept as is: it is Indonesian)."""
    return json.dumps([r.to_dict() for r in result.removals], ensure_ascii=False)


def _is_none(value: object) -> bool:
    return value is None


def clean_rows(
    cleaner: Cleaner | None,
    texts: Iterable[object],
    urls: Iterable[object] | None = None,
    *,
    removals: bool = False,
    is_null: Callable[[object], bool] = _is_none,
) -> tuple[list[object], list[str | None] | None]:
    """Clean each text (a null comes back as the very same null object), in order.

    Returns the clean texts and, with `removals=True`, the removal logs (None for a null row).
    """
    cleaner = default_cleaner() if cleaner is None else cleaner
    texts = list(texts)
    url_list = [None] * len(texts) if urls is None else list(urls)
    if len(url_list) != len(texts):
        raise ValueError(f"{len(url_list)} urls for {len(texts)} texts: they must pair up")
    out: list[object] = []
    logs: list[str | None] | None = [] if removals else None
    for position, (text, url) in enumerate(zip(texts, url_list, strict=True)):
        if is_null(text):
            out.append(text)
            if logs is not None:
                logs.append(None)
            continue
        if not isinstance(text, str):
            raise TypeError(
                f"row at position {position}: expected text or null, got {type(text).__name__}"
            )
        result = cleaner.clean(text, url=None if is_null(url) else str(url))
        out.append(result.text)
        if logs is not None:
            logs.append(removals_json(result))
    return out, logs
