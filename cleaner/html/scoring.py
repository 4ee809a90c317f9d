"""Score article text against a page's labels: body sentences kept, boilerplate removed.

A label (`tests/cases/html/labels/NAME.json`, the format of the shared corpus) lists `with`
strings (body sentences the text must contain) and `without` strings (boilerplate it must not),
compared after collapsing white space. Figures are counted over all strings of a set.

>>> s = score_text("Isi  berita.\\nBaca juga", {"with": ["Isi berita."], "without": ["Baca juga"]})
>>> (s.kept, s.body, s.removed, s.boiler)
(1, 1, 0, 1)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class PageScore:
    kept: int = 0  # body sentences found in the text
    body: int = 0  # body sentences labelled
    removed: int = 0  # boilerplate strings not in the text
    boiler: int = 0  # boilerplate strings labelled

    def __add__(self, other: PageScore) -> PageScore:
        return PageScore(*(a + b for a, b in zip(self._tuple(), other._tuple(), strict=True)))

    def _tuple(self) -> tuple[int, int, int, int]:
        return (self.kept, self.body, self.removed, self.boiler)

    @property
    def body_kept(self) -> float:
        return self.kept / self.body if self.body else 1.0

    @property
    def boiler_removed(self) -> float:
        return self.removed / self.boiler if self.boiler else 1.0


def score_text(text: str, label: dict) -> PageScore:
    flat = " ".join(text.split())
    found = [" ".join(s.split()) in flat for s in label["with"]]
    left = [" ".join(s.split()) in flat for s in label["without"]]
    return PageScore(sum(found), len(found), len(left) - sum(left), len(left))


def load_pages(folder: Path, labels: Path | None = None) -> list[tuple[str, bytes, dict]]:
    """(name, page bytes, label) of every labelled page: `NAME.html` in `folder`, its label
    `NAME.json` in `labels` (default: `folder/labels`)."""
    labels = labels or folder / "labels"
    return [
        (lab.stem, (folder / f"{lab.stem}.html").read_bytes(), json.loads(lab.read_text("utf-8")))
        for lab in sorted(labels.glob("*.json"))
    ]
