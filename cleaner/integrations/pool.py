"""Clean a list of texts on N processes, in input order: a thin front to `cleaner.cli.parallel`.

`cleaner.cli.parallel.ordered_map` (the CLI's `--jobs`) already gives each worker one
`Cleaner` through the pool initializer and bounds what is in flight; this only adapts it to
plain lists. The one import from the CLI package by another package: the integrations sit
beside the CLI at the top layer, and one pool runner serves both (`cleaner.cli` is light to
import: its app loads only when `main()` runs).

>>> [r.text for r in clean_many(["ADVERTISEMENT\\nIsi berita.", "Isi lain."], jobs=2)]
['Isi berita.', 'Isi lain.']
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from ..cli.parallel import Failed, Task, ordered_map
from ..engine import Cleaner, default_cleaner
from ..model import Cleaned


def clean_many(
    texts: Iterable[str | None],
    *,
    urls: Iterable[str | None] | None = None,
    cleaner: Cleaner | None = None,
    jobs: int | None = None,
) -> list[Cleaned | None]:
    """One `Cleaned` per text, in order (None for a None text), using `jobs` processes.

    `jobs` defaults to the number of CPUs; `jobs=1` cleans in this process. A document that
    fails to clean raises `RuntimeError` naming its position.

    >>> clean_many(["Baca juga: Emas Naik\\nHarga emas naik.", None], jobs=1)[1] is None
    True
    """
    cleaner = default_cleaner() if cleaner is None else cleaner
    texts = list(texts)
    url_list = [None] * len(texts) if urls is None else list(urls)
    if len(url_list) != len(texts):
        raise ValueError(f"{len(url_list)} urls for {len(texts)} texts: they must pair up")
    for position, text in enumerate(texts):
        if text is not None and not isinstance(text, str):
            kind = type(text).__name__
            raise TypeError(f"text at position {position}: expected str or None, got {kind}")
    items = (
        (i, None if text is None else Task(text, url))
        for i, (text, url) in enumerate(zip(texts, url_list, strict=True))
    )
    results: list[Cleaned | None] = []
    for position, result in ordered_map(cleaner, items, jobs or os.cpu_count() or 1):
        if isinstance(result, Failed):
            raise RuntimeError(f"text at position {position}: {result.message}")
        results.append(result)
    return results
