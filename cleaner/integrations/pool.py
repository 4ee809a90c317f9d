"""Clean a list of texts on N processes, in input order: a thin front to `cleaner.cli.parallel`.

`cleaner.cli.parallel.ordered_map` (the CLI's `--jobs`) already gives each worker one
`Cleaner` through the pool initializer and bounds what is in flight; this only adapts it to
plain lists. The one import from the CLI package by another package: the integrations sit
beside the CLI at the top layer, and one pool runner serves both (`cleaner.cli` is light to
import: its app loads only when `main()` runs).

>>> [r.text for r in clean_many(["ADVERTISEMENT\\nIsi berita.", "Isi lain."], jobs=2)]
['Isi berita.', 'Isi lain.']

With `learn=True` it is `cleaner clean --learn` for a list: a pack is learned per site from
the texts themselves (first pass, in this process), then every text is cleaned with the
shipped rules plus its own site's pack (second pass, on `jobs` processes).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..cli.parallel import Failed, PageCleaned, Task, ordered_map
from ..engine import Cleaner, default_cleaner
from ..engine.reading import looks_like_page
from ..model import Cleaned
from ._rows import article_text, paired, site_of_row

if TYPE_CHECKING:  # the learner is imported only by a learning run
    from ..learn import LearnOptions

#: The site of every text in a learning run given neither sites nor URLs: one batch, one site.
ONE_SITE = "batch"


def clean_many(
    texts: Iterable[str | None],
    *,
    urls: Iterable[str | None] | None = None,
    cleaner: Cleaner | None = None,
    jobs: int | None = None,
    learn: bool = False,
    sites: Iterable[str | None] | None = None,
    learn_options: LearnOptions | None = None,
) -> list[Cleaned | None]:
    """One `Cleaned` per text, in order (None for a None text), using `jobs` processes.

    `jobs` defaults to the number of CPUs; `jobs=1` cleans in this process. A document that
    fails to clean raises `RuntimeError` naming its position.

    `learn=True` learns a pack per site from `texts` first (`learn_options`: thresholds and
    the table's cap) and cleans each text with its own site's pack too. A text's site: its
    entry in `sites`, else its URL's registered domain, else (no `sites`, no `urls`) one site
    for all the texts; a text with none is cleaned with the rules alone.

    >>> clean_many(["Baca juga: Emas Naik\\nHarga emas naik.", None], jobs=1)[1] is None
    True
    """
    cleaner = default_cleaner() if cleaner is None else cleaner
    texts = list(texts)
    url_list = paired("urls", urls, len(texts))
    for position, text in enumerate(texts):
        if text is not None and not isinstance(text, str):
            kind = type(text).__name__
            raise TypeError(f"text at position {position}: expected str or None, got {kind}")
    site_list: list[str | None] = [None] * len(texts)
    if learn:
        default = ONE_SITE if sites is None and urls is None else None
        given = paired("sites", sites, len(texts))
        site_list = [site_of_row(s, u, default) for s, u in zip(given, url_list, strict=True)]
        cleaner = _learned(cleaner, texts, site_list, learn_options)
    elif sites is not None:
        raise ValueError("sites name the learned pack of each text: pass learn=True too")
    items = (
        (i, None if text is None else Task(text, url, html=looks_like_page(text), site=site))
        for i, (text, url, site) in enumerate(zip(texts, url_list, site_list, strict=True))
    )
    results: list[Cleaned | None] = []
    for position, result in ordered_map(cleaner, items, jobs or os.cpu_count() or 1):
        if isinstance(result, Failed):
            raise RuntimeError(f"text at position {position}: {result.message}")
        results.append(result.cleaned if isinstance(result, PageCleaned) else result)
    return results


def _learned(cleaner: Cleaner, texts, sites, options: LearnOptions | None) -> Cleaner:
    """`cleaner` with a pack learned per site from `texts` (the first pass)."""
    from ..learn import Batch, finish_sites, known_of, run_packs

    batch = Batch(options)
    for text, site in zip(texts, sites, strict=True):
        if text is not None and site is not None:
            batch.add(site, article_text(text))
    packs, _ = run_packs(finish_sites(batch, known_of(cleaner)))
    return cleaner.with_packs(packs)
