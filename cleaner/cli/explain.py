"""`cleaner explain`: the input with every removal marked in place, then a legend.

Plain mode marks a removal as `[-rule-id: removed text-]`; colour mode (for terminals) shows
the rule id in yellow and the removed text struck through in red. White space a removal took
with it stays outside the marker, so the marked text keeps the input's line layout.

>>> from cleaner.model import Removal
>>> r = Removal("ad-banner", "ad", 0, 14, "ADVERTISEMENT\\n")
>>> print(mark("ADVERTISEMENT\\nIsi berita.", [r]))
[-ad-banner: ADVERTISEMENT-]
Isi berita.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Cleaned, Removal
from ..packs.catalog import Entry

_TAG, _GONE, _DIM, _RESET = "\x1b[33m", "\x1b[9;31m", "\x1b[2m", "\x1b[0m"


def mark(original: str, removals: Iterable[Removal], *, color: bool = False) -> str:
    """`original` with each removal wrapped in a marker that names its rule."""
    out: list[str] = []
    pos = 0
    for r in sorted(removals, key=lambda r: r.start):
        out.append(original[pos : r.start])
        core = r.text.strip()
        lead = r.text[: len(r.text) - len(r.text.lstrip())]
        trail = r.text[len(lead) + len(core) :]
        out.append(lead + _marker(r.rule_id, core, color) + trail)
        pos = r.end
    out.append(original[pos:])
    return "".join(out)


def _marker(rule_id: str, core: str, color: bool) -> str:
    if not color:
        return f"[-{rule_id}: {core}-]"
    # Colour per line: a pager or terminal that resets attributes at a line break still
    # shows every removed line as removed.
    gone = "\n".join(f"{_GONE}{line}{_RESET}" for line in core.split("\n"))
    return f"{_TAG}[{rule_id}]{_RESET}{gone}"


def legend(result: Cleaned, describe: dict[str, Entry], *, color: bool = False) -> str:
    """One row per removal, in reading order: number, rule id, category, description."""
    if not result.removals:
        return "--- nothing removed ---"
    rows = []
    for i, r in enumerate(result.removals, 1):
        known = describe.get(r.rule_id)
        description = known.description if known else "(rule not found in the loaded packs)"
        rows.append((str(i), r.rule_id, r.category, description))
    widths = [max(len(row[k]) for row in rows) for k in range(3)]
    count = len(rows)
    title = f"--- {count} removal{'s' if count != 1 else ''} ---"
    lines = [f"{_DIM}{title}{_RESET}" if color else title]
    for n, rule_id, category, description in rows:
        rule_col = f"{rule_id:<{widths[1]}}"
        if color:
            rule_col = f"{_TAG}{rule_col}{_RESET}"
        lines.append(f"{n:>{widths[0]}}  {rule_col}  {category:<{widths[2]}}  {description}")
    return "\n".join(lines)


def explain(original: str, result: Cleaned, describe: dict[str, Entry], *, color=False) -> str:
    """The whole report: marked text, a blank line, the legend (ends with a line break)."""
    marked = mark(original, result.removals, color=color).rstrip("\n")
    return f"{marked}\n\n{legend(result, describe, color=color)}\n"
