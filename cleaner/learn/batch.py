"""A batch of documents: the site each belongs to, one learner per site under a shared cap,
`learn()` for one site's documents, and the known rules a learned pack is used with."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..engine import Cleaner
from ..engine.cleaner import url_host
from ..model import CATEGORIES
from .counting import Budget, Learner
from .packfile import Learned
from .results import LearnOptions


def site_of(url: str, by: str = "domain") -> str | None:
    """The site a URL belongs to: its registered domain, or (by="host") its host name.

    >>> site_of("https://www.merdeka.com/uang/x.html"), site_of("m.detik.com/news")
    ('merdeka.com', 'detik.com')
    >>> site_of("https://otomotif.kompas.com/read/1"), site_of("https://news.republika.co.id/b")
    ('kompas.com', 'republika.co.id')
    >>> site_of("https://otomotif.kompas.com/read/1", by="host")
    'otomotif.kompas.com'
    """
    try:
        host = url_host(url).rstrip(".")
    except ValueError:  # a malformed URL (bad port, brackets)
        return None
    if not _HOST.fullmatch(host):
        return None
    labels = host.split(".")
    while len(labels) > 2 and labels[0] in ("www", "m", "amp", "mobile"):
        labels = labels[1:]
    if by == "host" or len(labels) <= 2 or all(p.isdigit() for p in labels):
        return ".".join(labels)
    keep = 3 if labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*")
_SECOND_LEVEL = {"co", "com", "net", "org", "or", "ac", "go", "web", "my", "sch", "gov", "edu"}


class Batch:
    """The learners of a batch, one per site, sharing one hard cap on table entries.

    >>> batch = Batch(LearnOptions(max_keys=100))
    >>> batch.add("a.id", "Isi berita.\\nIkuti kami di kanal resmi")
    >>> sorted(batch.learners), batch.budget.peak <= 100
    (['a.id'], True)
    """

    def __init__(self, options: LearnOptions | None = None) -> None:
        self.options = options or LearnOptions()
        self.budget = Budget(self.options.max_keys)
        self.learners: dict[str, Learner] = {}

    def add(self, site: str, text: str) -> None:
        learner = self.learners.get(site)
        if learner is None:
            learner = self.learners[site] = Learner(site, self.options, budget=self.budget)
        learner.add(text)


def learn(
    documents: Iterable[str],
    site: str = "site",
    options: LearnOptions | None = None,
    *,
    known: Cleaner | bool | None = True,
    url: str | None = None,
) -> Learned:
    """Learn one site's boilerplate from its documents (any iterable: read once, not kept).

    `known=True` skips what the shipped rules already remove (with every category on, the
    kept-by-default `dateline` too); pass a `Cleaner` to compare with other rules, or None.
    """
    learner = Learner(site, options)
    for text in documents:
        learner.add(text)
    return learner.finish(known_cleaner() if known is True else known or None, url)


def known_cleaner(rules: Iterable[str | Path] = (), default_rules: bool = True) -> Cleaner:
    """The rules a learned pack is used with, every category switched on."""
    off = [name for name, on in CATEGORIES.items() if not on]
    return Cleaner(drop=off, rules=rules, default_rules=default_rules)
