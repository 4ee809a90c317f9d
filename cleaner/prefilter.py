"""Where can a rule's match start? Literal prefixes, so the engine tries a pattern only there.

Scanning a 1 MB text with a pattern that opens with a look-behind and an alternation costs tens
of milliseconds; finding a literal costs a fraction of one. If every match of a pattern must
begin with one of a few literal strings, the engine finds those strings with `str.find` and
tries the pattern only at those offsets (`pattern.match`), which gives exactly the matches a
full scan would (overlaps are resolved the same way afterwards).

>>> prefixes(r"(?<![\\w])(?:Baca [Jj]uga|BACA JUGA)\\s*:")
('BACA', 'Baca')
>>> prefixes(r"\\d+ Views") is None
True
"""

from __future__ import annotations

import re
import re._constants as C
import re._parser as sre_parse

#: Prefixes are cut to this many characters: fewer distinct strings to look for, and a short
#: common prefix ("Baca") stands for all its spellings ("Baca juga", "Baca Juga").
PREFIX_LEN = 4
#: Give up (scan the whole text) rather than look for more strings than this.
MAX_PREFIXES = 24
_ZERO_WIDTH = {C.ASSERT, C.ASSERT_NOT, C.AT}


def prefixes(pattern: str) -> tuple[str, ...] | None:
    """Literal strings of at most PREFIX_LEN chars, one of which starts every match; or None."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # the regex module's own syntax: fall back to a full scan
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found = _seq(list(parsed))
    if not found or any(len(p) < 3 for p in found):
        return None  # too short to be selective: scanning for them would cost as much
    return tuple(sorted({p[:PREFIX_LEN] for p in found}))


def _seq(items: list) -> set[str] | None:
    """Prefix strings of a sequence of parsed items (None: no literal prefix is guaranteed)."""
    results = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        step = _item(op, av)
        if step is None:
            break
        nxt = {r + s for r in results for s in step[0]}
        if len(nxt) > MAX_PREFIXES * 4:
            break
        results = nxt
        if not step[1] or all(len(r) >= PREFIX_LEN for r in results):
            break
    if any(r == "" for r in results):
        return None
    return results


def _item(op, av) -> tuple[set[str], bool] | None:
    """(strings this item can start with, whether it is fully literal so the sequence goes on)."""
    if op is C.LITERAL:
        return {chr(av)}, True
    if op is C.IN:
        chars = [chr(v) for kind, v in av if kind is C.LITERAL]
        if len(chars) != len(av) or len(chars) > 4:
            return None
        return set(chars), True
    if op is C.SUBPATTERN:
        sub = av[-1]
        inner = _seq(list(sub))
        return (inner, _fully_literal(sub)) if inner else None
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            inner = _seq(list(branch))
            if not inner:
                return None
            out |= inner
        return out, False
    return None


def _fully_literal(sub) -> bool:
    return all(op is C.LITERAL for op, _ in sub)
