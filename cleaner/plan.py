"""A rule set compiled for speed: how each rule finds its candidates in a text.

- All line rules become one alternation of named groups, tried once per unit with
  `fullmatch` (the first rule in pack order that matches the unit wins, as before).
- A span or tail rule whose pattern starts with `{unit_start}` is tried only at unit starts.
- A rule whose every match begins with one of a few literals (see `prefilter`) is tried only
  where those literals occur.
- Any other rule scans the whole text.
Each way yields exactly the matches a left-to-right scan would; only the cost differs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import regex

from .layout import Unit
from .prefilter import prefixes
from .rules import FLAGS, Rule

_SCOPE_ORDER = {"line": 0, "span": 1, "tail": 2}


def _combine(rules: list[Rule]) -> regex.Pattern | None:
    if not rules:
        return None
    return regex.compile("|".join(f"(?P<_r{i}>{r.pattern})" for i, r in enumerate(rules)), FLAGS)


class Plan:
    """The rules of one document's rule set (generic + its site packs), ready to run."""

    def __init__(self, rules: list[Rule]) -> None:
        ordered = sorted(rules, key=lambda r: _SCOPE_ORDER[r.scope])  # stable: pack order
        lines = [r for r in ordered if r.scope == "line"]
        self.line_rules = lines
        self.line_any = [r for r in lines if r.zone == "any"]
        self._line_all_rx = _combine(lines)  # units in the head zone: every line rule applies
        self._line_any_rx = _combine(self.line_any)  # units below it: zone = "any" only
        self.others = [r for r in ordered if r.scope != "line"]
        self.prefixes = {r.id: prefixes(r.pattern) for r in self.others}

    def line_matches(self, text: str, parts: list[Unit], head: int, deadline: float):
        """(start, end, rule) for each unit that a line rule matches whole."""
        for u in parts:
            in_head = u.start < head
            rx = self._line_all_rx if in_head else self._line_any_rx
            if rx is None:
                continue
            m = rx.fullmatch(text, u.start, u.end, timeout=_left(deadline))
            if m:
                rules = self.line_rules if in_head else self.line_any
                yield u.start, u.end, rules[int(m.lastgroup[2:])]

    def matches(self, rule: Rule, text: str, parts: list[Unit], head: int, found, timeout: float):
        """(start, end) of the matches of a span or tail rule, left to right, not overlapping."""
        limit = head if rule.zone == "head" else len(text)
        pattern, deadline = rule.compiled, time.monotonic() + timeout
        pre = self.prefixes[rule.id]
        if rule.anchored:
            # unit starts only, and of those only the ones that open with a possible prefix
            first = pre or ("",)
            starts: Iterator[int] | None = (
                u.start for u in parts if u.start < limit and text.startswith(first, u.start)
            )
        elif pre is not None:
            starts = iter(sorted({i for p in pre for i in found(p) if i < limit}))
        else:
            starts = None
        if starts is None:
            for m in pattern.finditer(text, 0, limit, timeout=_left(deadline)):
                if m.end() > m.start():
                    yield m.start(), m.end()
            return
        end = 0
        for start in starts:
            if start < end:
                continue  # a left-to-right scan would have skipped past the last match
            m = pattern.match(text, start, limit, timeout=_left(deadline))
            if m and m.end() > start:
                end = m.end()
                yield start, end


def _left(deadline: float) -> float:
    """Seconds left before the rule's deadline (a rule's timeout covers all its calls)."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


class Occurrences:
    """Offsets of literal strings in one text, each looked up once and shared by all rules."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: dict[str, list[int]] = {}

    def __call__(self, literal: str) -> list[int]:
        hits = self._seen.get(literal)
        if hits is None:
            hits, find, at = [], self.text.find, self.text.find(literal)
            while at >= 0:
                hits.append(at)
                at = find(literal, at + 1)
            self._seen[literal] = hits
        return hits
