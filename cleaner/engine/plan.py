"""A rule set compiled for speed: how each rule finds its candidates in a text.

Most of a news article is story text that no rule matches, so the plan's job is to reject it
without running a regex. What every match must look like is read off the pattern once
(`prefilter`); each document then pays for a few character tests and `str.find` calls:

- A line rule must match a whole unit. Rules are dispatched on the unit's first four
  characters: a unit that starts with `Ad` is tried only with the rules whose matches can
  start with `Ad` (and end with the unit's last character, and contain one of the rule's
  required literals: `Editor:` lines all contain a colon).
  The first rule in pack order that matches the unit wins.
- A span or tail rule whose pattern starts with `{unit_start}` is tried only at unit starts
  with a character its matches can start with.
- A rule whose every match begins with one of a few literals is tried only where those
  literals occur, and not at all on a text without them. The literals of all rules are
  found by one scan per text, so a rule whose literals are absent costs nothing.
- Any other rule scans the whole text.
Each way yields exactly the matches a left-to-right scan would; only the cost differs.
"""

from __future__ import annotations

import copy
import re
import time
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from ..packs import Rule
from .headline import Known
from .layout import Unit, Zones, zones_at
from .prefilter import PREFIX_LEN, first_chars, last_chars, prefixes, required, starts, widths
from .whitespace import DECORATION

_SCOPE_ORDER = {"line": 0, "span": 1, "tail": 2}
#: A rule's timeout covers this many characters of text; a longer text gets proportionally
#: more (a 10 MB scrape must not lose its cleaning to a timeout that suits one article).
TIMEOUT_CHARS = 100_000


def budget(timeout: float, text: str) -> float:
    """Seconds one rule may spend on `text`: `timeout` per TIMEOUT_CHARS characters.

    >>> budget(0.25, "kata " * 20), budget(0.25, "x" * 1_000_000)
    (0.25, 2.5)
    """
    return timeout * max(1.0, len(text) / TIMEOUT_CHARS)


#: Literals looked for are up to this long: one scan finds any number of them, and the longer
#: they are, the fewer texts wake up a rule (`Berita Warta` rather than `Beri`).
SEARCH_LEN = 12


def _longest(find, pattern: str) -> tuple[str, ...] | None:
    """`find(pattern, length)` for the longest length that gives an answer: a long literal
    wakes a rule up less often, but has more spellings (too many: no answer)."""
    for length in (SEARCH_LEN, 8, PREFIX_LEN):
        found = find(pattern, length)
        if found:
            return found
    return None


def _search_prefixes(pattern: str) -> tuple[str, ...] | None:
    """The literals to look for to find the starts of a rule's matches (None: scan for it).
    One that starts with another of them adds no start: it is dropped (`Ikuti ` by `Ikuti`)."""
    found = _longest(prefixes, pattern)
    if found is None:
        return None
    return tuple(p for p in found if not any(q != p and p.startswith(q) for q in found))


class _LineRule:
    """A line rule with the tests that let a unit skip it."""

    __slots__ = (
        "compiled", "cue", "last", "longest", "needs", "prefix", "rule", "shortest", "zone"
    )  # fmt: skip

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.compiled = rule.compiled
        self.prefix = starts(rule.pattern)
        # whether every match opens with a word of three letters or more it names (`Laporan`,
        # `Foto`) or a mark or digit: not with a name's or a caption's capitalised words
        self.cue = self.prefix is not None and all(
            len(p) >= 3 or not p[:1].isalpha() for p in self.prefix
        )
        last = last_chars(rule.pattern)
        self.last = frozenset(last) if last is not None else None
        self.zone = rule.zone
        self.needs = required(rule.pattern)  # one of these must be in the unit
        # the unit's length must be one the pattern can match (a story paragraph is long)
        self.shortest, longest = widths(rule.pattern)
        self.longest = longest if longest is not None else float("inf")


class Plan:
    """The rules of one document's rule set (generic + its site packs), ready to run."""

    def __init__(
        self, rules: list[Rule], also_find: Iterable[str] = (), headlines: Iterable[str] = ()
    ) -> None:
        """`also_find`: literals the scan reports too, for the caller (site-pack signatures),
        so that one scan of a text serves both. `headlines`: related headlines known whole
        (from site packs), which end a glued headline exactly (longest first)."""
        self.headlines = Known(headlines)
        ordered = sorted(rules, key=lambda r: _SCOPE_ORDER[r.scope])  # stable: pack order
        self.line_rules = [r for r in ordered if r.scope == "line"]
        self._lines = [_LineRule(r) for r in self.line_rules]
        self._line_first = [first_chars(r.pattern) for r in self.line_rules]
        self._by_key: dict[tuple[str, bool, bool], tuple[_LineRule, ...]] = {}
        self.others = [r for r in ordered if r.scope != "line"]
        self.tails = [r for r in self.others if r.scope == "tail"]
        self.prefixes = {r.id: _search_prefixes(r.pattern) for r in self.others}
        # literals one of which every match holds: a rule with no place to look (no prefix,
        # no anchored start) skips a stretch without any. Looked for once per stretch, not
        # per candidate, so a longer list (up to TEXT_REQUIRED) pays: a closing code needs '('
        self.needs = {r.id: required(r.pattern, TEXT_REQUIRED) for r in self.others}
        # A rule located by its prefixes runs only on texts where one of them occurs (at a
        # unit start, for an anchored rule); the others run on every text.
        self._always: list[int] = []
        self._spans_by_literal: dict[str, list[int]] = {}
        self._tails_by_literal: dict[str, list[int]] = {}
        self._anchored: list[tuple[int, tuple[str, ...]]] = []
        self._anchored_by_key: dict[str, tuple[tuple[int, tuple[str, ...]], ...]] = {}
        for i, r in enumerate(self.others):
            pre = self.prefixes[r.id]
            if r.anchored:
                opening = _longest(starts, r.pattern)
                if opening is not None:
                    self._anchored.append((i, opening))
                else:
                    self._always.append(i)
            elif pre is not None:
                index = self._tails_by_literal if r.scope == "tail" else self._spans_by_literal
                for lit in pre:
                    index.setdefault(lit, []).append(i)
            else:
                self._always.append(i)
        self.literals = Literals({*self._spans_by_literal, *self._tails_by_literal, *also_find})
        self._unlocated = {self.others[i].id for i in self._always}

    def with_headlines(self, headlines: Iterable[str]) -> Plan:
        """The same rules with other known headlines (a site pack of headlines alone): its
        rule structures, and the caches they fill, are shared, not built again."""
        other = copy.copy(self)
        other.headlines = Known(headlines)
        return other

    def tails_at(self, text: str, unit: Unit) -> list[Rule]:
        """The tail rules whose match may start at `unit`'s start (its opening fits), to be
        tried on it as on a line of its own: not every tail rule of a large pack."""
        fits = self.anchored_starts(text, [unit])
        return [
            r
            for r in self.tails
            if r.id in fits
            or r.id in self._unlocated
            or (
                not r.anchored
                and any(text.startswith(p, unit.start) for p in self.prefixes[r.id] or ())
            )
        ]

    def occurrences(self, text: str) -> Occurrences:
        return Occurrences(self.literals, text)

    def anchored_starts(self, text: str, parts: list[Unit]) -> dict[str, list[int]]:
        """For each anchored rule (by id), the unit starts that open with one of its prefixes."""
        out: dict[str, list[int]] = {}
        if not self._anchored:
            return out
        cache = self._anchored_by_key
        for u in parts:
            key = text[u.start : u.start + 4]
            cands = cache.get(key)
            if cands is None:
                cands = tuple(
                    (i, opening)
                    for i, opening in self._anchored
                    if any(key.startswith(p[:4]) for p in opening)
                )
                if len(cache) >= 16384:  # bounded: a stream of odd texts cannot grow it
                    cache.clear()
                cache[key] = cands
            for i, opening in cands:
                if text.startswith(opening, u.start):
                    out.setdefault(self.others[i].id, []).append(u.start)
        return out

    def span_rules(self, found: Occurrences, found_all: Occurrences, near_starts, all_starts):
        """The span and tail rules (in order) that can match, given where their prefixes are:
        `found`/`near_starts` for span rules (near the seams, in a later pass), and
        `found_all`/`all_starts` (the whole text) for tails."""
        chosen = set(self._always)
        spans = self._spans_by_literal
        for lit in found.present():
            chosen.update(spans.get(lit, ()))
        if self._tails_by_literal:
            for lit in found_all.present():
                chosen.update(self._tails_by_literal.get(lit, ()))
        for i, _ in self._anchored:
            rule = self.others[i]
            if rule.id in (all_starts if rule.scope == "tail" else near_starts):
                chosen.add(i)
        return [self.others[i] for i in sorted(chosen)]

    def _candidates(self, key: str, in_head: bool, in_tail: bool) -> tuple[_LineRule, ...]:
        """The line rules (in pack order) whose matches can start with `key`, the first four
        characters of a unit (fewer if it is shorter), and whose zone the unit is in: the
        head zone (`in_head`), the tail zone (`in_tail`), or neither (only rules of any
        zone)."""
        cache_key = (key, in_head, in_tail)
        found = self._by_key.get(cache_key)
        if found is None:
            zones = zones_at(in_head, in_tail)
            found = tuple(
                lr
                for lr, chars in zip(self._lines, self._line_first, strict=True)
                if lr.zone in zones
                and (chars is None or key[0] in chars)
                and (lr.prefix is None or key.startswith(lr.prefix))
            )
            if len(self._by_key) >= 16384:  # bounded: a stream of odd texts cannot grow it
                self._by_key.clear()
            self._by_key[cache_key] = found
        return found

    def line_matches(
        self,
        text: str,
        parts: list[Unit],
        zones: Zones,
        timeout: float,
        warnings: list[str],
        skip: frozenset[str] = frozenset(),
        cue_only: bool = False,
    ) -> list[tuple[int, int, Rule]]:
        """(start, end, rule) for each unit that a line rule (not of a category in `skip`;
        with `cue_only`, one whose matches open with a word it names) matches whole.

        Each rule has `budget(timeout, text)` seconds for the text; a rule that runs out is skipped
        for the rest of it and named in `warnings`, and the other rules still apply.
        """
        found: list[tuple[int, int, Rule]] = []
        allowed = budget(timeout, text)
        left_for: dict[str, float] = {}
        skipped: set[str] = set()
        # which of a rule's literals are anywhere in the text: looked up once, the first time
        # the rule is a candidate (not for every rule: a thousand learned rules cost nothing
        # on a text where their first characters open no unit); a unit is searched for those
        # only (most texts hold none of a caption's `[` or `Foto:`)
        in_text: dict[_LineRule, tuple[str, ...]] = {}
        head, tail = zones
        for k, u in enumerate(parts):
            start, end = u.start, u.end
            if not text[start].isascii() and (mark := DECORATION.match(text, start, end)):
                # `📌 Baca juga`, `➡️ Ikuti kami`: read from the words on; not a list's bullet
                # (the line before or after opens with the same mark: `● Iklan` in a menu)
                bullet = text[start : mark.end()].strip()
                if not any(
                    text.startswith(bullet, parts[j].start)
                    for j in (k - 1, k + 1)
                    if 0 <= j < len(parts)
                ):
                    start = mark.end()
                    if start >= end:
                        continue
            last, width = text[end - 1], end - start
            # a unit of the story's middle (most of them) is offered no rule of a zone
            for lr in self._candidates(text[start : start + 4], u.start < head, start >= tail):
                # cheapest test first: most units are sentences, longer than any line rule
                if not lr.shortest <= width <= lr.longest:
                    continue
                if lr.last is not None and last not in lr.last:
                    continue
                if lr.needs is not None:
                    present = in_text.get(lr)
                    if present is None:
                        present = in_text[lr] = tuple(filter(text.__contains__, lr.needs))
                    if not present or not _contains(text, present, start, end):
                        continue
                rule = lr.rule
                if rule.id in skipped or rule.category in skip or (cue_only and not lr.cue):
                    continue
                left = left_for.get(rule.id, allowed)
                began = time.monotonic()
                try:
                    m = lr.compiled.fullmatch(text, start, end, timeout=left)
                    spent = time.monotonic() - began
                    if spent >= left:
                        raise TimeoutError
                except TimeoutError:
                    skipped.add(rule.id)
                    warnings.append(
                        f"rule {rule.id} timed out after {budget(timeout, text):g}s and was skipped"
                    )
                    found = [f for f in found if f[2].id != rule.id]
                    continue
                left_for[rule.id] = left - spent
                if m:
                    found.append((u.start, end, rule))
                    break
        return found

    def matches(self, rule: Rule, text: str, parts, zones: Zones, found, at_starts, timeout: float):
        """(start, end) of the matches of a span or tail rule, left to right, not overlapping.

        `found` gives where literals occur, `at_starts` (from `anchored_starts`) the unit
        starts where an anchored rule may match. A head-zone match must end before the story
        starts, a tail-zone match start after its last sentence; an edge rule may do either.
        """
        for begin, limit, keep_from in stretches(rule.zone, zones, len(text)):
            if keep_from < limit:  # an empty zone (no tail: no sentence end) costs nothing
                for start, end in self._matches(
                    rule, text, parts, begin, limit, found, at_starts, timeout
                ):
                    if start >= keep_from:
                        yield start, end

    def _matches(self, rule: Rule, text: str, parts, begin: int, limit: int, found, at_starts,
                 timeout: float):  # fmt: skip
        """The matches that start at or after `begin` and end by `limit`."""
        pre = self.prefixes[rule.id]
        located = pre is not None or rule.id in at_starts
        if not located:  # searched everywhere: first look for a literal that every match holds
            needs = self.needs[rule.id]
            if needs is not None and not _contains(text, needs, begin, limit):
                return
        pattern, deadline = rule.compiled, time.monotonic() + budget(timeout, text)
        candidates: Iterator[int] | None
        if rule.anchored and rule.id in at_starts:
            candidates = (i for i in at_starts[rule.id] if begin <= i < limit)
        elif rule.anchored:  # no prefix known: every unit start
            candidates = (u.start for u in parts if begin <= u.start < limit)
        elif pre is not None:
            present = found.present()  # a few literals: looping over them beats a call per prefix
            at = [present[p] for p in pre if p in present]
            if len(at) == 1:  # already in order, no repeats
                candidates = (i for i in at[0] if begin <= i < limit)
            else:
                candidates = iter(
                    sorted({i for found_at in at for i in found_at if begin <= i < limit})
                )
        else:
            candidates = None
        if candidates is None:
            for m in pattern.finditer(text, begin, limit, timeout=_left(deadline)):
                if m.end() > m.start():
                    yield m.start(), m.end()
            return
        end = 0
        for start in candidates:
            if start < end:
                continue  # a left-to-right scan would have skipped past the last match
            m = pattern.match(text, start, limit, timeout=_left(deadline))
            if m and m.end() > start:
                end = m.end()
                yield start, end


#: A span rule is skipped for a stretch that holds none of up to this many literals, one of
#: which every match holds (checked once per stretch, not per unit: more literals pay).
TEXT_REQUIRED = 24
#: A tail-zone search starts this many characters before the zone: a pattern may consume
#: the sentence end that precedes its match and drop it with \\K (a leading look-behind is
#: tried at every position, and costs five times more).
TAIL_LOOKBACK = 12


def stretches(zone: str, zones: Zones, length: int) -> tuple[tuple[int, int, int], ...]:
    """(begin, limit, keep_from) of the searches for a rule of `zone`: matches are searched in
    text[begin:limit] and kept if they start at or after keep_from."""
    tail_begin = max(zones.tail - TAIL_LOOKBACK, 0)
    if zone == "any":
        return ((0, length, 0),)
    if zone == "head":
        return ((0, zones.head, 0),)
    if zone == "tail":
        return ((tail_begin, length, zones.tail),)
    tail = max(zones.tail, zones.head)  # edge: the head, and the tail where it does not overlap
    return ((0, zones.head, 0), (max(tail_begin, zones.head), length, tail))


def _contains(text: str, literals: tuple[str, ...], start: int, end: int) -> bool:
    # a plain loop: any() over a generator costs more on this path
    for literal in literals:  # noqa: SIM110
        if text.find(literal, start, end) >= 0:
            return True
    return False


def _left(deadline: float) -> float:
    """Seconds left before the rule's deadline (a rule's timeout covers all its calls)."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


def trie(literals: set[str]) -> str:
    r"""One regex for a set of literals, shaped like a trie; it matches the longest one.

    >>> print(trie({"Baca", "Baca juga", "Baca lagi", "(", "Lihat"}))
    (?:\(|Baca(?:\ (?:juga|lagi))?|Lihat)
    """
    root: dict = {}
    for lit in literals:
        node = root
        for ch in lit:
            node = node.setdefault(ch, {})
        node[""] = {}  # a literal ends here

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:  # the longer literals first (greedy), else the one that ends here
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    return build(root)


class Occurrences:
    """Where the plan's literals occur in one text: found by one scan, shared by all rules.

    The scan is one regex for all the literals (see `Literals`), run by the standard `re`
    module, which looks for the literals' first characters in C: one pass over the text
    however many rules there are. It runs on the first lookup only. Each literal's offsets
    are in order, without repeats. A later pass does not scan again: `after` carries the
    occurrences over the removals, and `within` keeps those near the seams.
    """

    def __init__(self, literals: Literals, text: str, hits=None) -> None:
        self._literals, self._text = literals, text
        self._hits: dict[str, list[int]] | None = hits

    def __call__(self, literal: str) -> list[int]:
        return self.present().get(literal, [])

    def present(self) -> dict[str, list[int]]:
        """Each literal that occurs, with its offsets."""
        if self._hits is None:
            self._hits = self._literals.scan(self._text)
        return self._hits

    def within(self, ranges: list[tuple[int, int]]) -> Occurrences:
        """Only the occurrences that start inside `ranges` (sorted, disjoint (start, end))."""
        starts = [s for s, _ in ranges]
        out: dict[str, list[int]] = {}
        for lit, at in self.present().items():
            kept = [p for p in at if (k := bisect_right(starts, p) - 1) >= 0 and p < ranges[k][1]]
            if kept:
                out[lit] = kept
        return Occurrences(self._literals, self._text, out)

    def after(self, cuts: list[tuple[int, int]], cleaned: str) -> Occurrences:
        """The occurrences in `cleaned`: this text with `cuts` (sorted, disjoint (start, end))
        taken out. An occurrence clear of the cuts moves left by what was cut before it; one
        that a cut touches is gone; the new ones, across a seam, are found by scanning a few
        characters on either side of it. Exactly what a scan of `cleaned` would find.

        >>> lits = Literals({"Baca", "juga"})
        >>> text = "Baca XXjuga. Bacjuga"
        >>> Occurrences(lits, text).after([(5, 7), (16, 18)], "Baca juga. Baca")("Baca")
        [0, 11]
        """
        if not cuts:
            return Occurrences(self._literals, cleaned, self.present())
        ends, gone, total = [e for _, e in cuts], [], 0
        for s, e in cuts:
            gone.append(total)  # characters cut before cut k
            total += e - s
        gone.append(total)
        out: dict[str, set[int]] = {}
        for lit, at in self.present().items():
            n = len(lit)
            for p in at:
                k = bisect_right(ends, p)  # the first cut that ends after p
                if k < len(cuts) and cuts[k][0] < p + n:
                    continue  # the occurrence loses characters to the cut
                out.setdefault(lit, set()).add(p - gone[k])
        longest = self._literals.longest
        for k, (s, _) in enumerate(cuts):
            seam = s - gone[k]  # where cut k closed up the cleaned text
            lo, hi = max(0, seam - longest + 1), min(len(cleaned), seam + longest - 1)
            for lit, at in self._literals.scan(cleaned, [(lo, hi)]).items():
                for p in at:
                    if p < seam < p + len(lit):  # runs across the seam: new
                        out.setdefault(lit, set()).add(p)
        return Occurrences(self._literals, cleaned, {k: sorted(v) for k, v in out.items()})


class Literals:
    """The literal prefixes of a rule set, compiled into one scan.

    The literals become one regex shaped like a trie (`Baca(?: (?:berita|[Jj]uga))?`), so
    the scan costs about the same for 40 literals or 4,000: at each position it follows one
    path instead of trying every literal in turn. It reports the longest literal at each
    position; the shorter ones there are its prefixes, and a literal that starts inside a
    reported one ("(" inside "X(") is checked for explicitly.
    """

    def __init__(self, literals: set[str]) -> None:
        self._rx = re.compile(trie(literals)) if literals else None
        self.longest = max(map(len, literals), default=0)
        self._at: dict[str, tuple[str, ...]] = {
            lit: tuple(lit[:j] for j in range(1, len(lit) + 1) if lit[:j] in literals)
            for lit in literals
        }
        # prefix -> the literals that start with it, to find those that start inside another
        starting: dict[str, list[str]] = {}
        for lit in literals:
            for j in range(1, len(lit) + 1):
                starting.setdefault(lit[:j], []).append(lit)
        self._inside: dict[str, tuple[tuple[int, str], ...]] = {}
        for lit in literals:
            inner: set[tuple[int, str]] = set()
            for k in range(1, len(lit)):
                rest = lit[k:]
                inner.update(
                    (k, lit[k:j]) for j in range(k + 1, len(lit) + 1) if lit[k:j] in literals
                )
                inner.update((k, o) for o in starting.get(rest, ()))  # runs on past its end
            self._inside[lit] = tuple(sorted(inner))

    def scan(self, text: str, ranges=None) -> dict[str, list[int]]:
        hits: dict[str, list[int]] = {}
        if self._rx is None:
            return hits
        finditer, at, inside = self._rx.finditer, self._at, self._inside
        for start, end in ranges if ranges is not None else ((0, len(text)),):
            # a literal that starts inside the range may end past it
            for m in finditer(text, start, min(len(text), end + self.longest)):
                pos, found = m.start(), m.group()
                for lit in at[found]:
                    hits.setdefault(lit, []).append(pos)
                for k, other in inside[found]:
                    if text.startswith(other, pos + k):
                        hits.setdefault(other, []).append(pos + k)
        return hits
