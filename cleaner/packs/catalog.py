"""What the CLI tells users about rules: every rule of a set of packs, the builtin one included.

The duplicate-line rule lives in the engine, not in a pack, so it has no `Rule` object; this
module gives it the same shape as the others for listings and legends. It takes the packs
(`Cleaner.packs`, or `load_packs(...)`), not a Cleaner: listing rules needs no engine.

>>> from cleaner.packs import default_rules_dir, load_packs
>>> entry(load_packs(default_rules_dir()), "duplicate-line").pack
'builtin'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import DUPLICATE_DESCRIPTION, DUPLICATE_RULE
from .loader import Pack, Rule


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    category: str
    pack: str
    description: str
    rule: Rule | None = None  # None for the builtin duplicate-line rule
    pack_file: str = ""


def entries(packs: Iterable[Pack]) -> list[Entry]:
    """Every rule in pack order, then the builtin duplicate-line rule."""
    found = [_entry(rule, pack) for pack in packs for rule in pack.rules]
    return [*found, Entry(DUPLICATE_RULE, "duplicate", "builtin", DUPLICATE_DESCRIPTION)]


def entry(packs: Iterable[Pack], name: str) -> Entry | None:
    """The rule called `name` (an id or an alias), or None."""
    for e in entries(packs):
        if e.id == name or (e.rule is not None and name in e.rule.aliases):
            return e
    return None


def _entry(rule: Rule, pack: Pack) -> Entry:
    return Entry(rule.id, rule.category, rule.pack, rule.description, rule, pack.path)
