"""The result types: what was removed, by which rule, and how to replay or undo it.

A `Cleaned` is exact: its text is the input with every `Removal` span deleted, nothing more.
So `apply_removals(original, removals) == cleaned.text` and
`restore(cleaned.text, removals) == original` hold for every document.

>>> r = Removal("ad-banner", "ad", 0, 14, "ADVERTISEMENT\\n")
>>> apply_removals("ADVERTISEMENT\\nBody.", [r])
'Body.'
>>> restore("Body.", [r])
'ADVERTISEMENT\\nBody.'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

#: Every category of the cleaning contract (DESIGN.md section 1): is it removed by default?
CATEGORIES: dict[str, bool] = {
    "ad": True,
    "related": True,
    "promo": True,
    "comment": True,
    "disclaimer": True,
    "byline": True,
    "caption": True,
    "navigation": True,
    "embed": True,
    "duplicate": True,
    "dateline": False,
}

#: The one rule that is not in a pack: the engine's own duplicate search (category
#: `duplicate`). Its id and description live here so listings need no engine.
DUPLICATE_RULE = "duplicate-line"
DUPLICATE_DESCRIPTION = "A line repeated verbatim (the first stays)"


@dataclass(frozen=True, slots=True)
class Removal:
    """One deleted span: `text == original[start:end]` (absorbed white space included)."""

    rule_id: str
    category: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, object]:
        return {
            "rule_id": self.rule_id,
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The clean text, the removals that produced it (in input order), and any warnings.

    Warnings name rules that were skipped for this document (for example a regex timeout);
    the other rules still ran.
    """

    text: str
    removals: tuple[Removal, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "removals": [r.to_dict() for r in self.removals],
            "warnings": list(self.warnings),
        }


def apply_removals(original: str, removals: Iterable[Removal]) -> str:
    """Delete every removal span from `original` (spans must not overlap)."""
    parts: list[str] = []
    pos = 0
    for r in sorted(removals, key=lambda r: r.start):
        if r.start < pos or original[r.start : r.end] != r.text:
            raise ValueError(f"removal {r.rule_id}@{r.start} does not fit the original text")
        parts.append(original[pos : r.start])
        pos = r.end
    parts.append(original[pos:])
    return "".join(parts)


def restore(cleaned: str, removals: Iterable[Removal]) -> str:
    """Put every removed span back: the inverse of `apply_removals`."""
    parts: list[str] = []
    pos = 0  # position in `cleaned`
    shift = 0  # characters removed before the current removal
    for r in sorted(removals, key=lambda r: r.start):
        at = r.start - shift
        parts.append(cleaned[pos:at])
        parts.append(r.text)
        pos = at
        shift += r.end - r.start
    parts.append(cleaned[pos:])
    return "".join(parts)
