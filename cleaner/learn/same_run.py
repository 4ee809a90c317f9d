"""Learn and clean in the same run (`cleaner clean --learn`, `clean_many(learn=True)`, the
Spark job): finish every site of a `Batch`, and turn each site's `Learned` into the pack its
own documents are cleaned with.

In a run, a document gets the pack of its own site and no other: a learned pack is selected
by its site's name (`Cleaner.clean(text, site=...)`) and, when the name is a domain, by the
URL, never by signature (another site's document may hold a signature by chance).

>>> from cleaner.engine import Cleaner
>>> stories = ["Harga beras naik lagi pekan ini.", "Banjir merendam dua desa di hulu.",
...            "Tim nasional berlatih di Bali."]
>>> batch = Batch()
>>> for n, story in enumerate(stories):
...     batch.add("dump-a", f"{story}\\nPantau terus kabar Dump A tiap pagi\\n{n} Pembaca")
>>> learned = finish_sites(batch, known_of(Cleaner()))
>>> packs, left_out = run_packs(learned)
>>> cleaner = Cleaner().with_packs(packs)
>>> cleaner.clean("Isi.\\nPantau terus kabar Dump A tiap pagi", site="dump-a").text
'Isi.'
>>> cleaner.clean("Isi.\\nPantau terus kabar Dump A tiap pagi", site="dump-b").text
'Isi.\\nPantau terus kabar Dump A tiap pagi'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..engine import Cleaner
from ..model import CATEGORIES
from ..packs import Pack, RuleError, parse_pack
from .batch import Batch
from .packfile import Learned


def known_of(cleaner: Cleaner) -> Cleaner:
    """The rules of `cleaner` with every category on: what is not learned again (as
    `known_cleaner`, for a cleaner already built)."""
    off = [name for name, on in CATEGORIES.items() if not on]
    return Cleaner(drop=off, default_rules=False, packs=cleaner.packs)


def finish_sites(batch: Batch, known: Cleaner | None) -> list[Learned]:
    """Every site's result, in site order; each learner is dropped once finished (its
    counting table is the learner's memory)."""
    results = []
    for site in sorted(batch.learners):
        learner = batch.learners.pop(site)
        results.append(learner.finish(known, f"https://{site}/" if "." in site else None))
    return results


def run_packs(learned: Iterable[Learned]) -> tuple[list[Pack], list[str]]:
    """The packs to clean each site's documents with in this run (sites that learned neither
    rules nor headlines have none), and the sites left out because their rule ids would
    clash with another site's (`a.b` and `a-b` make the same ids)."""
    packs: list[Pack] = []
    clashes: list[str] = []
    ids: set[str] = set()
    for result in learned:
        if result.empty:  # (a pack of headlines alone still ends glued links exactly)
            continue
        mine = {r.id for r in result.rules}
        if mine & ids:
            clashes.append(result.site)
            continue
        named = replace(result, sites=(result.site,), signatures=())
        try:
            packs.append(parse_pack(named.to_toml(), f"<pack learned for {result.site}>"))
        except RuleError:  # the learner made a pack that does not load: clean without it
            clashes.append(result.site)
            continue
        ids |= mine
    return packs, clashes


def pack_file_name(site: str) -> str:
    """The file a site's pack is written to: `SITE.toml`, the name made safe for a path.

    >>> pack_file_name("kompas.com"), pack_file_name("../Warta A/")
    ('kompas.com.toml', 'Warta-A.toml')
    """
    safe = "".join(ch if ch.isalnum() or ch in ".-_" else "-" for ch in site).strip(".-")
    return f"{safe or 'site'}.toml"
