"""The `Cleaner`: compile rule packs once, then clean any number of texts (pure, no I/O).

>>> Cleaner().clean("ADVERTISEMENT\\nPutin tiba di Moskow pada Jumat pagi untuk pembicaraan.").text
'Putin tiba di Moskow pada Jumat pagi untuk pembicaraan.'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from ..model import CATEGORIES, DUPLICATE_RULE, Cleaned
from ..packs import Pack, Rule, check_unique, compile_pattern, default_rules_dir, load_packs
from .passes import DEFAULT_TIMEOUT, on_text, run_on_view
from .plan import Occurrences, Plan
from .prefilter import required
from .reading import looks_like_page, reading_view
from .whitespace import blank_view


class Cleaner:
    """A compiled set of rule packs and category switches: reusable, thread-safe, picklable.

    `keep` names categories or rule ids to leave in the text; `drop` names categories or rule
    ids to remove even though they are off by default (`drop={"dateline"}`). `rules` are
    extra pack files or folders; `packs` extra packs already loaded (`parse_pack`: a pack
    learned in this run, or broadcast to Spark executors as TOML text).

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
        packs: Iterable[Pack] = (),
    ) -> None:
        self._args = dict(
            keep=tuple(sorted(keep)),
            drop=tuple(sorted(drop)),
            rules=tuple(str(p) for p in rules),
            default_rules=default_rules,
            timeout=timeout,
            packs=tuple(packs),
        )
        roots = ([default_rules_dir()] if default_rules else []) + [Path(p) for p in rules]
        loaded = load_packs(*roots) + list(self._args["packs"])
        check_unique(loaded)
        self.packs: tuple[Pack, ...] = tuple(loaded)
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
        self._by_site: dict[str, list[int]] = {}  # a site's name -> the site packs listing it
        for i, (pack, _) in enumerate(self._sites):
            for name in pack.sites:
                self._by_site.setdefault(name, []).append(i)
        # a pack's known headlines apply where its rules do: a generic pack's everywhere
        self._headlines = tuple(h for p in self.packs if not p.is_site for h in p.headlines)
        # Without a URL, a site pack is chosen by its signatures. A pack is tried only on texts
        # that hold one of its signatures' required literals, all found by one scan: a
        # thousand learned site packs must not mean a thousand regex searches per document.
        self._sig_always: list[int] = []
        self._sig_by_literal: dict[str, set[int]] = {}
        for i, (pack, _) in enumerate(self._sites):
            needs = [required(sig) for sig in pack.signatures]
            if any(n is None for n in needs):
                self._sig_always.append(i)
                continue
            for lit in (lit for n in needs for lit in n or ()):
                self._sig_by_literal.setdefault(_rarer_start(lit), set()).add(i)
        # Plans are derived, immutable once built; a race builds one twice, which is harmless.
        # The generic plan's scan also finds the signatures' literals: without a URL, one
        # scan of the text chooses the site packs and, when none applies, serves the cleaning.
        self._generic_plan = Plan(
            list(self._generic), also_find=self._sig_by_literal, headlines=self._headlines
        )
        self._plans: dict[tuple[int, ...], Plan] = {(): self._generic_plan}
        self._dedupe = active(DUPLICATE_RULE, "duplicate")

    def __reduce__(self):
        # Compiled patterns are rebuilt in the receiving process (Spark executors, pools).
        return (_rebuild, (self._args,))

    def with_packs(self, packs: Iterable[Pack]) -> Cleaner:
        """This cleaner's configuration with more packs (loaded, e.g. by `parse_pack`)."""
        return Cleaner(**{**self._args, "packs": self._args["packs"] + tuple(packs)})

    def site_packs(self, text: str, url: str | None = None) -> list[str]:
        """Names of the site packs that apply to this document (by URL host, else by signature)."""
        return [pack.name for pack, _ in self._site_rules(text, _host(url)[0])]

    def _site_rules(self, text: str, host: str | None, found: Occurrences | None = None):
        """The site packs of a document whose URL has `host`; with none, by signature."""
        if host is not None:
            return [
                (p, rules)
                for p, rules in self._sites
                if any(host == s or host.endswith("." + s) for s in p.sites)
            ]
        chosen = set(self._sig_always)
        if self._sig_by_literal:
            found = found or self._generic_plan.occurrences(text)
            for lit in found.present():
                chosen.update(self._sig_by_literal.get(lit, ()))
        found = []
        for i in sorted(chosen):
            pack, rules = self._sites[i]
            for sig in pack.signatures:
                try:
                    if compile_pattern(sig).search(text, timeout=self.timeout):
                        found.append((pack, rules))
                        break
                except TimeoutError:
                    continue
        return found

    def clean(self, text: str, *, url: str | None = None, site: str | None = None) -> Cleaned:
        """Clean one document. `url`, when known, selects the site packs for that host;
        `site`, the name of the document's site, also the site packs that list that name
        (`sites = ["my-dump"]`: a pack learned from a batch grouped by a name, not a URL)."""
        original, text = text, blank_view(text)  # (rules read a no-break space as a blank)
        view = reading_view(text)  # (`dia .` of a tokenised text read as `dia.`: see reading)
        if view is not None:
            text = view.text
        host, bad_url = _host(url)  # (a URL with no host to read: by signature, as without)
        found = None if host is not None else self._generic_plan.occurrences(text)
        chosen = self._site_rules(text, host, found)
        if site and (named := self._by_site.get(site.lower())):
            have = {id(pack) for pack, _ in chosen}
            chosen += [self._sites[i] for i in named if id(self._sites[i][0]) not in have]
        key = tuple(id(pack) for pack, _ in chosen)  # names may repeat; the packs are ours
        plan = self._plans.get(key)
        if plan is None:  # one plan per combination of site packs, built on first use
            headlines = [*self._headlines, *(h for pack, _ in chosen for h in pack.headlines)]
            if any(site_rules for _, site_rules in chosen):
                rules = list(self._generic)
                for _, site_rules in chosen:
                    rules.extend(site_rules)
                plan = Plan(rules, headlines=headlines)
            else:  # packs of headlines alone: the generic rules, with their headlines
                plan = self._generic_plan.with_headlines(headlines)
            self._plans[key] = plan
        if plan.literals is not self._generic_plan.literals:
            found = None  # a site pack's plan looks for more literals: its own scan
        result = run_on_view(text, plan, timeout=self.timeout, dedupe=self._dedupe, found=found)
        if text is not original:
            result = on_text(original, result, view)
        if bad_url:
            warning = f"the URL cannot be read ({bad_url}): site packs chosen by the text"
            result = replace(result, warnings=(*result.warnings, warning))
        if looks_like_page(original):
            result = replace(result, warnings=(*result.warnings, PAGE_WARNING))
        return result


#: A whole page is no article's text: its head, menus and footer are read as words.
PAGE_WARNING = (
    "the text is a whole HTML page, cleaned as text (its menus and footer stay): clean_html "
    "extracts its article first (the cleaner command does so for a page file or field)"
)


def url_host(url: str) -> str:
    """The host name of `url`, lower-cased ("" if it has none); a URL without a scheme
    (`kompas.com/read/1`) is read as starting with its host. Raises ValueError for a URL with
    no host to read (`http://[bad`: an unclosed IPv6 bracket).

    >>> url_host("https://News.Kompas.com/read/1"), url_host("m.detik.com/x"), url_host("/a")
    ('news.kompas.com', 'm.detik.com', '')
    """
    return (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()


def readable_host(url: str | None) -> str:
    """The host of `url` as `url_host` reads it, or "" if it has none or cannot be read (a
    page's own canonical link may be anything).

    >>> readable_host("kompas.com/read/1"), readable_host("http://[bad"), readable_host(None)
    ('kompas.com', '', '')
    """
    return _host(url)[0] or ""


def _host(url: str | None) -> tuple[str | None, str | None]:
    """(host of a URL, or None; why it cannot be read, or None)."""
    if not url:
        return None, None
    try:
        return url_host(url), None
    except ValueError as exc:
        return None, str(exc)


def _rarer_start(literal: str) -> str:
    """The literal from its first capital letter on, if that leaves four characters or more:
    a text holding the literal holds that part too, and the scan for literals tries a match
    at every character that can start one (`raj News`: every r; `News`: every N).

    >>> _rarer_start(", MINA "), _rarer_start("raj News Agency (MINA)"), _rarer_start("(x)")
    ('MINA ', 'News Agency (MINA)', '(x)')
    """
    for i, ch in enumerate(literal):
        if ch.isupper():
            return literal[i:] if len(literal) - i >= 4 else literal
    return literal


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


__all__ = ["Cleaner", "clean", "default_cleaner"]
