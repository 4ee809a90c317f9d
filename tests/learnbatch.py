"""A batch to learn from in tests: real story texts (the gold articles of four development
outlets, `tests/cases/corpus/gold/`), each closed by a line that no shipped rule knows, one
line per made-up site. Learning is what removes those lines; the stories must come out whole.
"""

from __future__ import annotations

from .conftest import ROOT

GOLD = ROOT / "tests/cases/corpus/gold"
STORIES = [
    p.read_text(encoding="utf-8").strip()
    for outlet in ("antaranews", "cnnindonesia", "kontan", "liputan6")
    for p in sorted(GOLD.glob(f"{outlet}__*.txt"))
]
FOOTERS = {
    "warta-a": "Pantau terus kabar Warta Sepekan tiap pagi di kanal kami",
    "warta-b": "Tulisan ini tayang pertama di Lembar Warta Minggu",
}


def site_docs(site: str, count: int = 6, offset: int = 0) -> list[str]:
    return [f"{STORIES[(offset + i) % len(STORIES)]}\n{FOOTERS[site]}" for i in range(count)]
