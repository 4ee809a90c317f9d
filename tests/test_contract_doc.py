"""docs/contract.md stays in step with the shipped rules: every category has its section, with
its default, every shipped rule is named under its category, and every rule id the page names
exists (so a renamed or deleted rule cannot linger in the docs)."""

from __future__ import annotations

import re

from cleaner.model import CATEGORIES, DUPLICATE_RULE
from cleaner.packs import default_rules_dir, load_packs

from .conftest import ROOT

DOC = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
PACKS = load_packs(default_rules_dir())
HEADING = re.compile(r"^### `([a-z]+)`: (removed|kept) by default$", re.M)
#: A rule id in backticks; in running text only one with a hyphen is taken for one.
RULE_ID = re.compile(r"`([a-z0-9]+(?:-[a-z0-9]+)*)`")
KEBAB = re.compile(r"`([a-z0-9]+(?:-[a-z0-9]+)+)`")


def sections() -> dict[str, tuple[str, str]]:
    """{category: (removed|kept, the section's text)}."""
    found = list(HEADING.finditer(DOC))
    ends = [m.start() for m in found[1:]] + [DOC.find("\n## ", found[-1].end())]
    return {m[1]: (m[2], DOC[m.end() : end]) for m, end in zip(found, ends, strict=True)}


def named_rules(section: str) -> set[str]:
    """The ids in the section's `Rules:` paragraph."""
    paragraphs = [p for p in section.split("\n\n") if p.strip().startswith("Rules:")]
    assert len(paragraphs) == 1, f"one 'Rules:' paragraph per category, found {len(paragraphs)}"
    return set(RULE_ID.findall(paragraphs[0]))


def test_every_category_has_a_section_with_its_default():
    found = {category: default for category, (default, _) in sections().items()}
    assert found == {c: "removed" if on else "kept" for c, on in CATEGORIES.items()}


def test_every_shipped_rule_is_named_under_its_category():
    shipped: dict[str, set[str]] = {category: set() for category in CATEGORIES}
    for pack in PACKS:
        for rule in pack.rules:
            shipped[rule.category].add(rule.id)
    shipped["duplicate"].add(DUPLICATE_RULE)
    named = {category: named_rules(text) for category, (_, text) in sections().items()}
    missing = {c: sorted(shipped[c] - named.get(c, set())) for c in shipped}
    unknown = {c: sorted(named[c] - shipped.get(c, set())) for c in named}
    assert {c: ids for c, ids in missing.items() if ids} == {}, "not named in docs/contract.md"
    assert {c: ids for c, ids in unknown.items() if ids} == {}, "no such rule in this category"


def test_every_rule_id_the_page_names_exists():
    known = {DUPLICATE_RULE} | {p.name for p in PACKS}  # pack names are kebab-case too
    known |= {name for p in PACKS for r in p.rules for name in (r.id, *r.aliases)}
    assert sorted(set(KEBAB.findall(DOC)) - known) == []
