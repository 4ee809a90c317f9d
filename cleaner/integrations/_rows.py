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
from ..engine.reading import looks_like_page
from ..model import Cleaned


def article_text(text: str, url: object = None) -> str:
    """`text`, or the article text of a whole HTML page (a crawl's `html` column: see
    `cleaner.engine.reading.looks_like_page`), which is what is learned from and cleaned."""
    if not looks_like_page(text):
        return text
    from ..html import html_to_text  # (only for a page: trafilatura loads on first use)

    return html_to_text(text, url if isinstance(url, str) and url else None)


def removals_json(result: Cleaned) -> str:
    """The removal log of one document as JSON text (non-ASCII kept as is: it is Indonesian)."""
    return json.dumps([r.to_dict() for r in result.removals], ensure_ascii=False)


def _is_none(value: object) -> bool:
    return value is None


def site_of_row(site: object, url: object, default: str | None = None) -> str | None:
    """The site a row's learned pack is chosen by, the same in both stages of a learning run:
    its own site name, else its URL's registered domain, else `default` (lower-cased).

    >>> site_of_row(None, "https://www.kompas.com/x"), site_of_row("Warta A", "https://x.id/")
    ('kompas.com', 'warta a')
    >>> site_of_row(float("nan"), None, "batch")
    'batch'
    """
    if isinstance(site, str) and site.strip():
        return site.strip().lower()
    if isinstance(url, str) and url:
        from ..learn import site_of  # only in a learning run

        if found := site_of(url):
            return found
    return default


def paired(name: str, values: Iterable[object] | None, count: int) -> list[object]:
    """`values` as a list of `count` (None each if not given); ValueError if they do not pair."""
    found = [None] * count if values is None else list(values)
    if len(found) != count:
        raise ValueError(f"{len(found)} {name} for {count} texts: they must pair up")
    return found


def clean_rows(
    cleaner: Cleaner | None,
    texts: Iterable[object],
    urls: Iterable[object] | None = None,
    *,
    removals: bool = False,
    is_null: Callable[[object], bool] = _is_none,
    sites: Iterable[str | None] | None = None,
) -> tuple[list[object], list[str | None] | None]:
    """Clean each text (a null comes back as the very same null object), in order.

    Returns the clean texts and, with `removals=True`, the removal logs (None for a null row).
    A row that holds a whole HTML page gets its article's clean text (its log refers to it).
    `sites` names each row's site (the learned pack it gets: `Cleaner.clean(site=...)`).
    """
    cleaner = default_cleaner() if cleaner is None else cleaner
    texts = list(texts)
    url_list = paired("urls", urls, len(texts))
    site_list = paired("sites", sites, len(texts))
    out: list[object] = []
    logs: list[str | None] | None = [] if removals else None
    for position, (text, url, site) in enumerate(zip(texts, url_list, site_list, strict=True)):
        if is_null(text):
            out.append(text)
            if logs is not None:
                logs.append(None)
            continue
        if not isinstance(text, str):
            raise TypeError(
                f"row at position {position}: expected text or null, got {type(text).__name__}"
            )
        url = None if is_null(url) else str(url)
        result = cleaner.clean(article_text(text, url), url=url, site=site)
        out.append(result.text)
        if logs is not None:
            logs.append(removals_json(result))
    return out, logs
