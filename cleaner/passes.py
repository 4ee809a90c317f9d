"""Running a compiled rule set over one text: the passes, overlaps, tails and duplicates.

Pure functions of (text, plan): no I/O, no state between calls, so a `Cleaner` is thread-safe.
"""

from __future__ import annotations

import time

from .layout import Unit, head_end, units
from .model import Cleaned, Removal
from .plan import Occurrences, Plan
from .rules import Rule
from .whitespace import absorb

#: Seconds one rule may spend on one document before it is skipped for that document.
DEFAULT_TIMEOUT = 0.25
#: A tail may hold at most this share of what the other rules keep (it is boilerplate *near
#: the end*: a marker in the middle of a story must not take the second half with it).
TAIL_MAX_SHARE = 0.5
#: A line repeated verbatim is a duplicate only if it has at least this many words.
DUPLICATE_MIN_WORDS = 4
DUPLICATE_RULE = "duplicate-line"
#: Passes over a text at most (a pass that removes nothing ends the loop early).
MAX_PASSES = 4

Taken = list[tuple[int, int, Rule | None]]


def run_rules(
    text: str,
    rules: list[Rule] | Plan,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    dedupe: bool = False,
) -> Cleaned:
    """Apply the rules to one text until nothing more comes off, and return the exact result.

    Removing one piece can expose another (a headline that ended at a banner, a line that
    repeats once its banner is gone), so the rules run again on the output until a pass
    removes nothing: cleaning the result again is then a no-op. One extra pass is the norm.
    """
    plan = rules if isinstance(rules, Plan) else Plan(list(rules))
    result = _one_pass(text, plan, timeout, dedupe)
    removals, warnings = list(result.removals), list(result.warnings)
    for _ in range(MAX_PASSES - 1):
        if not result.removals:
            break
        result = _one_pass(result.text, plan, timeout, dedupe)
        removals = _merge(text, removals, result.removals)
        warnings.extend(w for w in result.warnings if w not in warnings)
    return Cleaned(result.text, tuple(removals), tuple(warnings))


def _merge(original: str, earlier: list[Removal], later: tuple[Removal, ...]) -> list[Removal]:
    """Map removals made on the cleaned text back onto `original`, around the earlier ones."""
    # kept[i] = offset in `original` of character i of the cleaned text
    kept: list[int] = []
    pos = 0
    for r in earlier:
        kept.extend(range(pos, r.start))
        pos = r.end
    kept.extend(range(pos, len(original)))
    merged = list(earlier)
    for r in later:
        start, end = kept[r.start], kept[r.end - 1] + 1
        piece = start
        for e in earlier:  # split around earlier removals that fall inside
            if start <= e.start < end:
                if e.start > piece:
                    merged.append(_removal(r.rule_id, r.category, original, piece, e.start))
                piece = e.end
        if piece < end:
            merged.append(_removal(r.rule_id, r.category, original, piece, end))
    merged.sort(key=lambda r: r.start)
    return merged


def _removal(rule_id: str, category: str, text: str, start: int, end: int) -> Removal:
    return Removal(rule_id, category, start, end, text[start:end])


def _one_pass(text: str, plan: Plan, timeout: float, dedupe: bool) -> Cleaned:
    """Line rules, then span rules, then tail rules, then duplicates, over one text.

    A candidate that overlaps an earlier removal, or whose removal would glue two words
    together, is dropped. A tail is judged on what the other rules leave.
    """
    parts = units(text)
    head = head_end(text, parts)
    taken: Taken = []
    warnings: list[str] = []
    _line_rules(text, plan, parts, head, timeout, taken, warnings)
    found = Occurrences(text)
    for rule in plan.others:
        try:
            # Collect first: a rule that times out half-way contributes nothing.
            hits = list(plan.matches(rule, text, parts, head, found, timeout))
        except TimeoutError:
            warnings.append(f"rule {rule.id} timed out after {timeout}s and was skipped")
            continue
        if rule.scope == "tail":
            _take_tail(text, rule, hits, taken)
            continue
        for start, end in hits:
            if not _overlaps(taken, start, end) and not _fuses_words(text, start, end):
                taken.append((start, end, rule))
    if dedupe:
        taken.extend((start, end, None) for start, end in list(_duplicates(text, parts, taken)))
    return _result(text, taken, warnings)


def _line_rules(text, plan: Plan, parts, head, timeout, taken: Taken, warnings) -> None:
    try:
        deadline = time.monotonic() + timeout
        taken.extend(plan.line_matches(text, parts, head, deadline))
        return
    except TimeoutError:
        pass
    # The combined pattern ran out of time: run the line rules one by one, each with its own
    # timeout, so the slow one can be named and the others still apply.
    taken.clear()
    for rule in plan.line_rules:
        single = Plan([rule])
        try:
            hits = list(single.line_matches(text, parts, head, time.monotonic() + timeout))
        except TimeoutError:
            warnings.append(f"rule {rule.id} timed out after {timeout}s and was skipped")
            continue
        taken.extend(h for h in hits if not _overlaps(taken, h[0], h[1]))


def _overlaps(taken: Taken, start: int, end: int) -> bool:
    return any(start < e and s < end for s, e, _ in taken)


def _fuses_words(text: str, start: int, end: int) -> bool:
    """Removing text[start:end] would glue two words into one: never do that."""
    return start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()


def _kept_chars(text: str, start: int, taken: Taken) -> int:
    """Non-blank characters from `start` to the end that no removal has taken."""
    count = len(text) - start - sum(ch.isspace() for ch in text[start:])
    for s, e, _ in taken:
        s, e = max(s, start), max(e, start)
        count -= (e - s) - sum(ch.isspace() for ch in text[s:e])
    return count


def _take_tail(text: str, rule: Rule, hits, taken: Taken) -> None:
    """Take everything from the first marker whose tail is at most TAIL_MAX_SHARE of the
    text the other rules keep; removals inside the tail are folded into it."""
    total = None
    for start, _ in hits:
        if any(s < start < e for s, e, _ in taken):
            continue  # the marker sits inside another removal
        total = _kept_chars(text, 0, taken) if total is None else total
        if _kept_chars(text, start, taken) <= TAIL_MAX_SHARE * total:
            taken[:] = [t for t in taken if t[0] < start]
            taken.append((start, len(text), rule))
            return


def _duplicates(text: str, parts: list[Unit], taken: Taken):
    """Units whose remaining words (after the other removals) repeat an earlier unit's.

    Judging what remains, not the raw unit, keeps cleaning idempotent: `Judul ADVERTISEMENT`
    after `Judul` is a duplicate once the banner is gone, so it goes in the first pass.
    """
    spans = sorted((s, e) for s, e, _ in taken)
    seen: set[str] = set()
    for u in parts:
        pieces, pos = [], u.start
        for s, e in spans:
            if e <= pos or s >= u.end:
                continue
            if s > pos:
                pieces.append((pos, s))
            pos = max(pos, e)
        if pos < u.end:
            pieces.append((pos, u.end))
        words = [w for a, b in pieces for w in text[a:b].split()]
        if len(words) < DUPLICATE_MIN_WORDS:
            continue
        key = " ".join(words)
        if key in seen:
            for a, b in pieces:
                # trim the white space at the piece's edges: absorb() decides what goes with it
                a += len(text[a:b]) - len(text[a:b].lstrip())
                b -= len(text[a:b]) - len(text[a:b].rstrip())
                if a < b:
                    yield a, b
        seen.add(key)


def _result(text: str, taken: Taken, warnings: list[str]) -> Cleaned:
    taken.sort(key=lambda t: t[0])
    spans = absorb(text, [(s, e) for s, e, _ in taken])
    removals = []
    for (start, end), (_, _, rule) in zip(spans, taken, strict=True):
        rule_id, category = (rule.id, rule.category) if rule else (DUPLICATE_RULE, "duplicate")
        removals.append(Removal(rule_id, category, start, end, text[start:end]))
    pieces, pos = [], 0
    for r in removals:
        pieces.append(text[pos : r.start])
        pos = r.end
    pieces.append(text[pos:])
    return Cleaned("".join(pieces), tuple(removals), tuple(warnings))
