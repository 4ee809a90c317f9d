"""The engine: compile rule packs once, then clean any number of texts (pure, no I/O).

>>> Cleaner().clean("ADVERTISEMENT\\nPutin tiba di Moskow pada Jumat pagi untuk pembicaraan.").text
'Putin tiba di Moskow pada Jumat pagi untuk pembicaraan.'
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

import regex

from .layout import Unit, head_end, units
from .model import CATEGORIES, Cleaned, Removal
from .rules import Pack, Rule, RuleError, compile_pattern, default_rules_dir, load_packs
from .whitespace import absorb

#: Seconds one rule may spend on one document before it is skipped for that document.
DEFAULT_TIMEOUT = 0.25
#: A tail rule may take at most this share of the document (it is boilerplate *near the end*).
TAIL_MAX_SHARE = 0.5
#: A line repeated verbatim is a duplicate only if it has at least this many words.
DUPLICATE_MIN_WORDS = 4
DUPLICATE_RULE = "duplicate-line"
#: Passes over a text at most (a pass that removes nothing ends the loop early).
MAX_PASSES = 4

_WORDS = regex.compile(r"\S+")
_SCOPE_ORDER = {"line": 0, "span": 1, "tail": 2}


class Cleaner:
    """A compiled set of rule packs and category switches: reusable, thread-safe, picklable.

    `keep` names categories or rule ids to leave in the text; `drop` names categories or rule
    ids to remove even though they are off by default (`drop={"dateline"}`).

    >>> Cleaner(keep={"ad"}).clean("ADVERTISEMENT").text
    'ADVERTISEMENT'
    """

    def __init__(
        self,
        *,
        keep: Iterable[str] = (),
        drop: Iterable[str] = (),
        rules: Iterable[str | Path] = (),
        default_rules: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self._args = dict(
            keep=tuple(sorted(keep)),
            drop=tuple(sorted(drop)),
            rules=tuple(str(p) for p in rules),
            default_rules=default_rules,
            timeout=timeout,
        )
        roots = ([default_rules_dir()] if default_rules else []) + [Path(p) for p in rules]
        self.packs: tuple[Pack, ...] = tuple(load_packs(*roots))
        self.timeout = timeout
        self.all_rules: dict[str, Rule] = {}
        aliases: dict[str, str] = {}
        for pack in self.packs:
            for rule in pack.rules:
                self.all_rules[rule.id] = rule
                aliases.update({a: rule.id for a in rule.aliases})
        keep_set, drop_set = set(keep), set(drop)
        known_names = {*CATEGORIES, *self.all_rules, *aliases, DUPLICATE_RULE}
        for name in keep_set | drop_set:
            if name not in known_names:
                known = ", ".join(CATEGORIES)
                raise ValueError(
                    f"unknown category or rule id '{name}' (categories: {known}; "
                    "`cleaner rules list` shows the rule ids)"
                )
        if both := keep_set & drop_set:
            raise ValueError(f"'{sorted(both)[0]}' is given to both keep and drop")
        keep_ids = {aliases.get(n, n) for n in keep_set}
        drop_ids = {aliases.get(n, n) for n in drop_set}

        def active(rule_id: str, category: str) -> bool:
            if rule_id in keep_ids:
                return False
            if rule_id in drop_ids:
                return True
            if category in keep_ids:
                return False
            return CATEGORIES[category] or category in drop_ids

        self._generic: tuple[Rule, ...] = ()
        self._sites: tuple[tuple[Pack, tuple[Rule, ...]], ...] = ()
        generic: list[Rule] = []
        sites: list[tuple[Pack, tuple[Rule, ...]]] = []
        for pack in self.packs:
            chosen = tuple(r for r in pack.rules if active(r.id, r.category))
            if pack.is_site:
                sites.append((pack, chosen))
            else:
                generic.extend(chosen)
        self._generic, self._sites = tuple(generic), tuple(sites)
        self._dedupe = active(DUPLICATE_RULE, "duplicate")

    def __reduce__(self):
        # Compiled patterns are rebuilt in the receiving process (Spark executors, pools).
        return (_rebuild, (self._args,))

    def site_packs(self, text: str, url: str | None = None) -> list[str]:
        """Names of the site packs that apply to this document (by URL host, else by signature)."""
        return [pack.name for pack, _ in self._site_rules(text, url)]

    def _site_rules(self, text: str, url: str | None):
        if url:
            host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
            return [
                (p, rules)
                for p, rules in self._sites
                if any(host == s or host.endswith("." + s) for s in p.sites)
            ]
        found = []
        for pack, rules in self._sites:
            for sig in pack.signatures:
                try:
                    if compile_pattern(sig).search(text, timeout=self.timeout):
                        found.append((pack, rules))
                        break
                except TimeoutError:
                    continue
        return found

    def clean(self, text: str, *, url: str | None = None) -> Cleaned:
        """Clean one document. `url`, when known, selects the site packs for that host."""
        rules = list(self._generic)
        for _, site_rules in self._site_rules(text, url):
            rules.extend(site_rules)
        return run_rules(text, rules, timeout=self.timeout, dedupe=self._dedupe)


def run_rules(
    text: str, rules: Iterable[Rule], *, timeout: float = DEFAULT_TIMEOUT, dedupe: bool = False
) -> Cleaned:
    """Apply `rules` to one text until nothing more comes off, and return the exact result.

    Removing one piece can expose another (a headline that ended at a banner, a line that
    repeats once its banner is gone), so the rules run again on the output until a pass
    removes nothing: cleaning the result again is then a no-op. One extra pass is the norm.
    """
    rules = sorted(rules, key=lambda r: _SCOPE_ORDER[r.scope])  # stable: pack order within
    result = _one_pass(text, rules, timeout, dedupe)
    removals, warnings = list(result.removals), list(result.warnings)
    for _ in range(MAX_PASSES - 1):
        if not result.removals:
            break
        result = _one_pass(result.text, rules, timeout, dedupe)
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
                    merged.append(
                        Removal(r.rule_id, r.category, piece, e.start, original[piece : e.start])
                    )
                piece = e.end
        if piece < end:
            merged.append(Removal(r.rule_id, r.category, piece, end, original[piece:end]))
    merged.sort(key=lambda r: r.start)
    return merged


def _one_pass(text: str, rules: list[Rule], timeout: float, dedupe: bool) -> Cleaned:
    """Line rules, then span rules, then tail rules, then duplicates, over one text.

    A candidate that overlaps an earlier removal, or whose removal would glue two words
    together, is dropped. A tail is judged on what the other rules leave.
    """
    parts = units(text)
    head = head_end(text, parts)
    taken: list[tuple[int, int, Rule | None]] = []
    warnings: list[str] = []
    for rule in rules:
        try:
            # Collect first: a rule that times out half-way contributes nothing.
            found = list(_matches(rule, text, parts, head, timeout))
        except TimeoutError:
            warnings.append(f"rule {rule.id} timed out after {timeout}s and was skipped")
            continue
        if rule.scope == "tail":
            _take_tail(text, rule, found, taken)
            continue
        for start, end in found:
            if not _overlaps(taken, start, end) and not _fuses_words(text, start, end):
                taken.append((start, end, rule))
    if dedupe:
        for start, end in list(_duplicates(text, parts, taken)):
            taken.append((start, end, None))
    return _result(text, taken, warnings)


def _matches(rule: Rule, text: str, parts: list[Unit], head: int, timeout: float):
    pattern = rule.compiled
    if rule.scope == "line":
        for u in parts:
            if rule.zone == "head" and u.start >= head:
                break
            if pattern.fullmatch(text, u.start, u.end, timeout=timeout):
                yield u.start, u.end
    else:  # span, or the marker of a tail
        limit = head if rule.zone == "head" else len(text)
        for m in pattern.finditer(text, 0, limit, timeout=timeout):
            if m.end() > m.start():
                yield m.start(), m.end()


def _kept_chars(text: str, start: int, taken: list[tuple[int, int, Rule | None]]) -> int:
    """Non-blank characters from `start` to the end that no removal has taken."""
    count = len(text) - start - sum(ch.isspace() for ch in text[start:])
    for s, e, _ in taken:
        s, e = max(s, start), max(e, start)
        count -= (e - s) - sum(ch.isspace() for ch in text[s:e])
    return count


def _take_tail(text: str, rule: Rule, found, taken: list[tuple[int, int, Rule | None]]) -> None:
    """Take everything from the first marker whose tail is at most TAIL_MAX_SHARE of the
    text the other rules keep; removals inside the tail are folded into it."""
    total = None
    for start, _ in found:
        if any(s < start < e for s, e, _ in taken):
            continue  # the marker sits inside another removal
        total = _kept_chars(text, 0, taken) if total is None else total
        if _kept_chars(text, start, taken) <= TAIL_MAX_SHARE * total:
            taken[:] = [t for t in taken if t[0] < start]
            taken.append((start, len(text), rule))
            return


def _overlaps(taken: list[tuple[int, int, Rule | None]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e, _ in taken)


def _fuses_words(text: str, start: int, end: int) -> bool:
    """Removing text[start:end] would glue two words into one: never do that."""
    return start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()


def _duplicates(text: str, parts: list[Unit], taken: list[tuple[int, int, Rule | None]]):
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
        words = [w for a, b in pieces for w in _WORDS.findall(text, a, b)]
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


def _result(text: str, taken: list[tuple[int, int, Rule | None]], warnings: list[str]) -> Cleaned:
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


def _rebuild(args: dict) -> Cleaner:
    return Cleaner(**args)


_default: Cleaner | None = None


def default_cleaner() -> Cleaner:
    global _default
    if _default is None:
        _default = Cleaner()
    return _default


def clean(
    text: str, *, url: str | None = None, keep: Iterable[str] = (), drop: Iterable[str] = ()
) -> Cleaned:
    """Clean one document with the shipped rules (compiled once and cached).

    >>> clean("Baca juga: Harga Emas Naik Lagi\\nHarga emas naik pada Senin pagi, kata dia.").text
    'Harga emas naik pada Senin pagi, kata dia.'
    """
    keep, drop = tuple(keep), tuple(drop)
    if keep or drop:
        return _configured(keep, drop).clean(text, url=url)
    return default_cleaner().clean(text, url=url)


_configured_cache: dict[tuple, Cleaner] = {}


def _configured(keep: tuple[str, ...], drop: tuple[str, ...]) -> Cleaner:
    key = (tuple(sorted(keep)), tuple(sorted(drop)))
    if key not in _configured_cache:
        _configured_cache[key] = Cleaner(keep=keep, drop=drop)
    return _configured_cache[key]


__all__ = ["Cleaner", "RuleError", "clean", "default_cleaner"]
