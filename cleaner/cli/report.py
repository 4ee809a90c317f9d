"""Human-readable renderings of a result: the removal log a reviewer reads.

>>> from cleaner.model import Cleaned, Removal
>>> print(removal_log(Cleaned("Body.", (Removal("ad-banner", "ad", 0, 14, "ADVERTISEMENT\\n"),))))
ad-banner  ad  0-14  ADVERTISEMENT
"""

from __future__ import annotations

from ..model import Cleaned


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ⏎ ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def removal_log(result: Cleaned, *, limit: int = 160) -> str:
    """One line per removal: rule id, category, offsets, the removed text (line breaks as ⏎)."""
    if not result.removals:
        return "(nothing removed)"
    rows = [
        (r.rule_id, r.category, f"{r.start}-{r.end}", _one_line(r.text, limit))
        for r in result.removals
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c:<{widths[2]}}  {d}" for a, b, c, d in rows
    )


def snapshot_report(result: Cleaned) -> str:
    """The reviewable record of one cleaned document: clean text, then every removal in full."""
    return (
        "=== clean text ===\n"
        f"{result.text.strip()}\n\n"
        f"=== removed ({len(result.removals)}) ===\n"
        f"{removal_log(result, limit=10_000)}\n"
    )
