"""Where can a rule's match start, and how can it end? Cheap tests the engine runs before a regex.

Trying a pattern costs microseconds; looking at one character or finding a literal costs a
fraction of that. This module reads a pattern (parsed with the standard library's parser) and
derives, soundly, what every match must look like:

- `prefixes`: literal strings one of which starts every match. A span rule is then tried only
  where one of them occurs (found with `str.find`), which gives exactly the matches a full scan
  would: overlaps are resolved the same way afterwards.
- `required`: literals one of which every match contains (anywhere), cheapest to test.
- `first_chars` / `last_chars`: the characters a match can start or end with. A line rule must
  match a whole unit, so a unit that starts or ends with any other character is skipped.

Each function returns None when it cannot say (a pattern it cannot parse, a class too wide, a
match that could start with anything): the engine then simply tries the pattern.

>>> prefixes(r"(?<![\\w])(?:Baca [Jj]uga|BACA JUGA)\\s*:")
('BACA', 'Baca')
>>> prefixes(r"(?:(?<![\\w])|(?<=[a-z])(?=Baca))(?:Baca|Lihat) [Jj]uga")
('Baca', 'Liha')
>>> prefixes(r"\\d+ Views") is None
True
>>> first_chars(r"\\(?(?:Editor|Penulis)\\s*:")
('(', 'E', 'P')
>>> first_chars(r"(?>[A-F][a-z]*)\\s+-"), last_chars(r"x(?>[ab]+)")
(('A', 'B', 'C', 'D', 'E', 'F'), ('a', 'b'))
>>> last_chars(r"[^\\n]{8,300}?\\s\\((?:Foto|Dok)[^()\\n]{0,60}\\)")
(')',)
>>> required(r"\\(?(?:[A-Z]\\w* )?(?:Penulis|Editor)\\s*:\\s*[A-Z][^\\n]*")
(':',)
>>> required(r"[^\\n]{0,80}All [Rr]ights [Rr]eserved")
('eserved',)
"""

from __future__ import annotations

import re
import re._constants as C
import re._parser as sre_parse
from functools import cache

#: Prefixes are cut to this many characters: fewer distinct strings to look for, and a short
#: common prefix ("Baca") stands for all its spellings ("Baca juga", "Baca Juga").
PREFIX_LEN = 4
#: Give up (say nothing) rather than track more alternatives than this.
MAX_PREFIXES = 48
#: A character class is expanded into its characters only if it has at most this many.
MAX_CLASS = 64
_ZERO_WIDTH = {C.ASSERT, C.ASSERT_NOT, C.AT}
_DIGITS = frozenset("0123456789")


def prefixes(pattern: str, length: int = PREFIX_LEN) -> tuple[str, ...] | None:
    """Literals of up to `length` characters one of which starts every match, selective
    enough to look for; or None.

    Selective means three characters or more, or punctuation (`[`, `(`, `©`), which is rare in
    prose: looking for a single letter would cost as much as scanning with the pattern.
    """
    found = _starts(pattern, length)
    if found is None:
        return None
    if any(len(p) < 3 and (p[0].isalnum() or p[0].isspace()) for p in found):
        return None
    return found


def first_chars(pattern: str) -> tuple[str, ...] | None:
    """The characters every match can start with (None: could be anything)."""
    return _starts(pattern, 1)


def starts(pattern: str, length: int = PREFIX_LEN) -> tuple[str, ...] | None:
    """Strings of up to `length` chars one of which starts every match, however short.

    For testing a known position (`str.startswith` at a unit's start), where even a one-digit
    prefix is cheap; `prefixes` is for searching a whole text.
    """
    return _starts(pattern, length)


@cache
def last_chars(pattern: str) -> tuple[str, ...] | None:
    """The characters every match can end with (None: could be anything)."""
    items = _parse(pattern)
    if items is None:
        return None
    found = _walk(_reverse(list(items)), 1)
    if found is None or "" in found:
        return None
    return tuple(sorted(found))


@cache
def widths(pattern: str) -> tuple[int, int | None]:
    """The shortest and longest match (None: no limit), in characters.

    >>> widths(r"(?:Foto|Gambar): [A-Z]{2,5}"), widths(r"Editor: .+")
    ((8, 13), (9, None))
    """
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # the regex module's own syntax: say nothing
        return 0, None
    low, high = parsed.getwidth()
    return low, (high if high < C.MAXREPEAT else None)


@cache  # every Plan asks again (a run with a site pack each builds a Plan per site)
def _starts(pattern: str, length: int) -> tuple[str, ...] | None:
    items = _parse(pattern)
    if items is None:
        return None
    found = _walk(list(items), length)
    if found is None or "" in found:
        return None
    return tuple(sorted({p[:length] for p in found}))


@cache
def _parse(pattern: str) -> tuple | None:
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # the regex module's own syntax: say nothing
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    return tuple(parsed)


def _walk(items: list, need: int) -> set[str] | None:
    """Strings (cut at `need` chars) that every match of the item sequence starts with.

    "" in the result means "a match may start with anything"; None means too many to track.
    """
    if need <= 0 or not items:
        return {""}
    (op, av), rest = items[0], items[1:]
    if op in _ZERO_WIDTH:
        return _walk(rest, need)
    if op is C.SUBPATTERN:
        if av[1] & re.IGNORECASE:  # (?i:...): its letters may come in either case
            return {""}
        return _walk(list(av[-1]) + rest, need)
    if op is C.ATOMIC_GROUP:  # (?>...): it starts as what it holds does
        return _walk(list(av) + rest, need)
    if op is C.BRANCH:
        return _union(_walk(list(branch) + rest, need) for branch in av[1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _, inner = av
        inner = list(inner)
        first = _walk(inner, 1)
        if first is None or "" in first:
            return {""}  # the repeated part may match nothing or anything: no constraint
        once = _walk(inner, need)
        if low == 0:
            return _union([once, _walk(rest, need)])
        return once  # it repeats: what follows its first copy is not tracked
    chars = _chars(op, av)
    if chars is None:
        return {""}
    tails = _walk(rest, need - 1)
    if tails is None:
        return None
    out = {c + t for c in chars for t in tails}
    return out if len(out) <= MAX_PREFIXES else None


def _union(parts) -> set[str] | None:
    out: set[str] = set()
    for part in parts:
        if part is None:
            return None
        out |= part
        if len(out) > MAX_PREFIXES:
            return None
    return out


def _chars(op, av) -> set[str] | None:
    """The characters one item matches, or None if it is not a small set of characters."""
    if op is C.LITERAL:
        return {chr(av)}
    if op is not C.IN:
        return None
    out: set[str] = set()
    for kind, value in av:
        if kind is C.LITERAL:
            out.add(chr(value))
        elif kind is C.RANGE and value[1] - value[0] < MAX_CLASS:
            out.update(chr(v) for v in range(value[0], value[1] + 1))
        elif kind is C.CATEGORY and value is C.CATEGORY_DIGIT:
            out |= _DIGITS
        else:
            return None  # a negated or wide class
        if len(out) > MAX_CLASS:
            return None
    return out


#: A required set with more literals than this costs more to test than the pattern itself.
MAX_REQUIRED = 6


@cache
def required(pattern: str, most: int = MAX_REQUIRED) -> tuple[str, ...] | None:
    """A few literals (`most` at most) one of which every match contains: the cheapest such
    set, or None."""
    items = _parse(pattern)
    if items is None:
        return None
    sets = [s for s in _conjuncts(list(items)) if len(s) <= most and _useful(s)]
    if not sets:
        return None
    return tuple(sorted(min(sets, key=_cheapest)))


def _cheapest(literals: frozenset[str]) -> tuple[int, int]:
    """Which of two literal sets is cheaper to test: fewer literals, then longer ones (a long
    literal is in fewer texts)."""
    return len(literals), -min(map(len, literals))


def _useful(literals: frozenset[str]) -> bool:
    """False if a literal is a single letter, blank, full stop or comma: every paragraph
    holds one."""
    return not any(len(x) == 1 and (x.isalnum() or x.isspace() or x in ".,") for x in literals)


def _conjuncts(items: list) -> list[frozenset[str]]:
    """Sets of literals, each of which a match of the sequence must contain one of."""
    out: list[frozenset[str]] = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            out.append(frozenset([run]))
            run = ""
        if op is C.SUBPATTERN and not av[1] & re.IGNORECASE:
            out.extend(_conjuncts(list(av[-1])))
        elif op is C.ATOMIC_GROUP:
            out.extend(_conjuncts(list(av)))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            out.extend(_conjuncts(list(av[2])))
        elif op is C.BRANCH:
            # each branch must offer a set; the union of one set per branch is required
            union: set[str] = set()
            for branch in av[1]:
                options = [o for o in _conjuncts(list(branch)) if _useful(o)]
                if not options:
                    union = set()
                    break
                union |= min(options, key=_cheapest)
            if union:
                out.append(frozenset(union))
        elif op is C.IN:
            chars = _chars(op, av)
            if chars and len(chars) <= MAX_REQUIRED:
                out.append(frozenset(chars))
    return out


def _reverse(items: list) -> list:
    """The item sequence read from its end, sub-sequences reversed too (for last_chars)."""
    out = []
    for op, av in reversed(items):
        if op is C.SUBPATTERN:
            out.append((op, (*av[:-1], _reverse(list(av[-1])))))
        elif op is C.ATOMIC_GROUP:
            out.append((op, _reverse(list(av))))
        elif op is C.BRANCH:
            out.append((op, (av[0], [_reverse(list(b)) for b in av[1]])))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            out.append((op, (av[0], av[1], _reverse(list(av[2])))))
        else:
            out.append((op, av))
    return out
