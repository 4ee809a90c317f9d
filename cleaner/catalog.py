"""What the CLI tells users about rules: every rule of a Cleaner, the builtin one included.

The duplicate-line rule lives in the engine, not in a pack, so it has no `Rule` object; this
module gives it the same shape as the others for listings and legends.

>>> from cleaner.engine import Cleaner
>>> entry(Cleaner(), "duplicate-line").pack
'builtin'
"""

from __future__ import annotations

from dataclasses import dataclass

from .engine import DUPLICATE_RULE, Cleaner
from .rules import Pack, Rule

BUILTIN_DESCRIPTION = "A line repeated verbatim (the first stays)"


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    category: str
    pack: str
    description: str
    rule: Rule | None = None  # None for the builtin duplicate-line rule
    pack_file: str = ""


def entries(cleaner: Cleaner) -> list[Entry]:
    """Every rule in pack order, then the builtin duplicate-line rule."""
    found = [_entry(rule, pack) for pack in cleaner.packs for rule in pack.rules]
    return [*found, Entry(DUPLICATE_RULE, "duplicate", "builtin", BUILTIN_DESCRIPTION)]


def entry(cleaner: Cleaner, name: str) -> Entry | None:
    """The rule called `name` (an id or an alias), or None."""
    for e in entries(cleaner):
        if e.id == name or (e.rule is not None and name in e.rule.aliases):
            return e
    return None


def _entry(rule: Rule, pack: Pack) -> Entry:
    return Entry(rule.id, rule.category, rule.pack, rule.description, rule, pack.path)
