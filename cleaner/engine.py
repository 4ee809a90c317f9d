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

_WORDS = regex.compile(r"\S+")
_SCOPE_ORDER = {"tail": 0, "line": 1, "span": 2}


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
        for name in keep_set | drop_set:
            if name not in CATEGORIES and name not in self.all_rules and name not in aliases:
                if name != DUPLICATE_RULE:
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
    """Apply `rules` to one text: tail rules first, then line rules, then span rules.

    A candidate that overlaps an earlier removal, or whose removal would glue two words
    together, is dropped. Returns the exact result (see `cleaner.model`).
    """
    ordered = sorted(rules, key=lambda r: _SCOPE_ORDER[r.scope])  # stable: pack order within
    parts = units(text)
    head = head_end(text, parts)
    taken: list[tuple[int, int, Rule | None]] = []
    warnings: list[str] = []
    for rule in ordered:
        try:
            # Collect first: a rule that times out half-way contributes nothing.
            found = list(_matches(rule, text, parts, head, timeout))
        except TimeoutError:
            warnings.append(f"rule {rule.id} timed out after {timeout}s and was skipped")
            continue
        for start, end in found:
            if not _overlaps(taken, start, end) and not _fuses_words(text, start, end):
                taken.append((start, end, rule))
    if dedupe:
        for start, end in _duplicates(text, parts):
            if not _overlaps(taken, start, end):
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
    elif rule.scope == "span":
        limit = head if rule.zone == "head" else len(text)
        for m in pattern.finditer(text, 0, limit, timeout=timeout):
            if m.end() > m.start():
                yield m.start(), m.end()
    else:  # tail: from the marker to the end, if the marker is near the end
        for m in pattern.finditer(text, timeout=timeout):
            if len(text) - m.start() <= TAIL_MAX_SHARE * len(text):
                yield m.start(), len(text)
                return


def _overlaps(taken: list[tuple[int, int, Rule | None]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e, _ in taken)


def _fuses_words(text: str, start: int, end: int) -> bool:
    """Removing text[start:end] would glue two words into one: never do that."""
    return 0 < start and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()


def _duplicates(text: str, parts: list[Unit]):
    seen: set[str] = set()
    for u in parts:
        words = _WORDS.findall(text, u.start, u.end)
        if len(words) < DUPLICATE_MIN_WORDS:
            continue
        key = " ".join(words)
        if key in seen:
            yield u.start, u.end
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

    >>> clean("Baca juga: Harga Emas Naik Lagi\\nHarga emas naik pada Senin pagi di Jakarta, kata dia.").text
    'Harga emas naik pada Senin pagi di Jakarta, kata dia.'
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
