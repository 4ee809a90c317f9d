"""Site profiles: where a site's article sits in its pages, and the debris inside it. Data.

A profile lives in `rules/html/*.toml`, beside the text rules, and is checked when it loads the
way rules are: known keys, at least one host or site name, selectors that compile, at least one
example. Any fault raises one `RuleError` naming the file and the profile.

```toml
[[profile]]
name = "kompas"
description = "kompas.com article pages"
hosts = ["kompas.com"]          # the host or any subdomain of it
sites = ["KOMPAS.com"]          # og:site_name, for a page given without its URL
body = ["div.read__content"]    # the first selector that finds text is the article
drop = ["div.kompasidRec"]      # debris inside it
[[profile.example]]             # a fragment and the exact text it must give
html = '<div class="read__content"><p>Isi.</p><div class="kompasidRec">Rekomendasi</div></div>'
text = "Isi."
```

>>> [p.name for p in load_profiles()][:2]
['antaranews', 'detik']
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..engine.cleaner import readable_host
from ..packs import RuleError, default_rules_dir
from .selectors import compile_selector

NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
KEYS = frozenset({"name", "description", "hosts", "sites", "body", "drop", "example"})


class ProfileError(RuleError):
    """A profile that cannot be used: the message names the file and the profile."""

    def __init__(self, path: str | Path, name: str | None, problem: str) -> None:
        super().__init__(path, None, f"profile {name}: {problem}" if name else problem)


@dataclass(frozen=True, slots=True)
class Example:
    html: str
    text: str


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    path: str
    description: str
    hosts: tuple[str, ...]
    sites: tuple[str, ...]
    body: tuple[str, ...]
    drop: tuple[str, ...]
    examples: tuple[Example, ...]
    compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def bodies(self, tree) -> list:
        """The article's elements in the page, by the first body selector that finds text;
        several when the site splits the article (pages of a listicle)."""
        for selector in self.body:
            found = [e for e in self.compiled[selector](tree) if "".join(e.itertext()).strip()]
            inner = set(found)
            found = [e for e in found if not inner.intersection(e.iterancestors())]
            if found:
                return found
        return []

    def debris(self, body) -> list:
        return [e for s in self.drop for e in self.compiled[s](body) if e is not body]

    def serves(self, host: str) -> bool:
        return any(host == h or host.endswith("." + h) for h in self.hosts)


def pick(profiles: list[Profile], url: str | None, canonical: str, site: str) -> Profile | None:
    """The profile of a page: by the host of its URL, else of its canonical URL, else by its
    og:site_name."""
    for where in (url, canonical):
        host = readable_host(where)
        found = next((p for p in profiles if host and p.serves(host)), None)
        if found:
            return found
    name = site.strip().lower()
    return next((p for p in profiles if name and name in (s.lower() for s in p.sites)), None)


@lru_cache(maxsize=8)
def load_profiles(root: str | Path | None = None) -> list[Profile]:
    """Every profile under `root` (default: the shipped `rules/html/`), sorted by file."""
    folder = Path(root) if root is not None else default_rules_dir() / "html"
    paths = [folder] if folder.is_file() else sorted(folder.glob("*.toml"))
    profiles = [p for path in paths for p in load_profile_file(path)]
    seen: dict[str, str] = {}
    for p in profiles:
        if p.name in seen:
            raise ProfileError(p.path, p.name, f"name already used in {seen[p.name]}")
        seen[p.name] = p.path
    return profiles


def load_profile_file(path: Path) -> list[Profile]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(path, None, f"cannot read profiles: {exc}") from None
    entries = data.get("profile")
    if not isinstance(entries, list) or not entries:
        raise ProfileError(path, None, "no [[profile]] in the file")
    return [_profile(path, entry) for entry in entries]


def _profile(path: Path, entry: dict) -> Profile:
    name = entry.get("name")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise ProfileError(path, None, f"a profile needs a kebab-case name, not {name!r}")
    if unknown := set(entry) - KEYS:
        raise ProfileError(path, name, f"unknown keys: {', '.join(sorted(unknown))}")
    lists = {key: _strings(path, name, entry, key) for key in ("hosts", "sites", "body", "drop")}
    if not lists["hosts"] and not lists["sites"]:
        raise ProfileError(path, name, "needs hosts or sites to be chosen by")
    if not lists["body"]:
        raise ProfileError(path, name, "needs at least one body selector")
    compiled = {}
    for selector in lists["body"] + lists["drop"]:
        try:
            compiled[selector] = compile_selector(selector)
        except ValueError as exc:
            raise ProfileError(path, name, f"bad selector: {exc}") from None
    examples = entry.get("example", [])
    if not isinstance(examples, list) or not examples:
        raise ProfileError(path, name, "needs at least one [[profile.example]] (html, text)")
    for ex in examples:
        if not (isinstance(ex, dict) and isinstance(ex.get("html"), str)):
            raise ProfileError(path, name, "an example needs html and text strings")
        if not isinstance(ex.get("text"), str) or set(ex) - {"html", "text"}:
            raise ProfileError(path, name, "an example needs html and text strings")
    return Profile(
        name,
        str(path),
        str(entry.get("description", "")),
        lists["hosts"],
        lists["sites"],
        lists["body"],
        lists["drop"],
        tuple(Example(ex["html"], ex["text"]) for ex in examples),
        compiled,
    )


def _strings(path: Path, name: str, entry: dict, key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ProfileError(path, name, f"{key} must be a list of non-empty strings")
    return tuple(v.strip().lower() if key == "hosts" else v for v in value)
