"""`cleaner clean --learn`: learn a pack per site from the batch itself, then clean with it.

Two passes over the same inputs. The first reads every document once and counts it for its
site (`sites.Sites`: `--site`, `--site-field`, the URL's domain, the folder), in the learner's
bounded table; nothing of a document is kept. Then each site's pack is finished (and written
with `--save-learned DIR`), and the second pass is a plain `cleaner clean` whose cleaner also
has every learned pack, each applied to its own site's documents only. Problems are reported
by the second pass alone, so each is said once.

Stdin cannot be read twice: it is spooled to a temporary file first (disk, not memory; the
file is deleted at the end).
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path

from ..engine import Cleaner
from .batch import Reporter
from .events import Doc, Record, events
from .inputs import Missing, Source
from .jsonl import JsonlOptions
from .sites import Sites


def spool_stdin(found: list[Source | Missing], folder: Path) -> list[Source | Missing]:
    """`found` with stdin copied to a file in `folder` (in chunks), so it can be read twice."""
    out: list[Source | Missing] = []
    for item in found:
        if isinstance(item, Source) and item.path is None:
            copy = folder / item.rel.name
            with copy.open("wb") as handle:
                shutil.copyfileobj(sys.stdin.buffer, handle, 1 << 20)
            item = replace(item, path=copy, size=copy.stat().st_size)
        out.append(item)
    return out


def learn_pass(
    cleaner: Cleaner,
    found: list[Source | Missing],
    jsonl: JsonlOptions,
    url: str | None,
    sites: Sites,
    options,
    reporter: Reporter,
    save: Path | None = None,
) -> Cleaner:
    """Learn every site's pack from `found`, and return `cleaner` with those packs."""
    from ..learn import Batch, finish_sites, known_of, run_packs

    batch = Batch(options)
    inputs: dict[str, list[str]] = {}
    siteless = 0
    for event, task in events(found, jsonl, url, lambda source: None, False, None):
        if task is None or not isinstance(event, Doc | Record):
            continue  # a problem: the cleaning pass reports it
        if isinstance(event, Record):  # a dump's records: not by the dump's folder
            site = sites.of(task.url, event.record)
        else:
            site = sites.of_file(task.url, event.source)
        text = _text(task)
        if text is None:
            continue
        if site is None:
            siteless += 1
            continue
        batch.add(site, text)
        seen = inputs.setdefault(site, [])
        if event.source.name not in seen[-1:]:
            seen.append(event.source.name)
    if siteless:
        how = f"no URL in field '{jsonl.url_field}'" if jsonl.url_field else "no site"
        reporter.warning(f"{siteless} documents with {how}: cleaned without a learned pack")
    learned = finish_sites(batch, known_of(cleaner))
    packs, left_out = run_packs(learned)
    for site in left_out:
        reporter.warning(f"{site}: its learned pack clashes with another site's: not used")
    rules = sum(len(pack.rules) for pack in packs)
    reporter.warning(
        f"learned {rules} rules for {len(packs)} of {len(learned)} sites "
        f"from {sum(r.documents for r in learned)} documents"
    )
    if save is not None:
        from .learn import write_packs

        write_packs([r for r in learned if r.rules], save, inputs, reporter)
    return cleaner.with_packs(packs)


def _text(task) -> str | None:
    """The text a task cleans (an HTML page's article text), or None if it has none."""
    if not task.html:
        return task.document
    from ..html import HtmlError, html_to_text

    try:
        return html_to_text(task.document, task.url)
    except HtmlError:
        return None  # the cleaning pass reports it
