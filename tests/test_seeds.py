"""The five sample articles: labelled boilerplate must go, everything else must stay.

Two independent checks per seed: the labels in tests/cases/seed_labels.toml (the contract,
written by hand), and a reviewed plain-text snapshot of the clean text and removal log.
"""

from __future__ import annotations

import tomllib

import pytest

from cleaner import Cleaner, apply_removals, restore
from cleaner.cli.report import snapshot_report

from .conftest import ROOT, SEEDS

LABELS = {
    s["file"]: s["spans"]
    for s in tomllib.loads((ROOT / "tests/cases/seed_labels.toml").read_text("utf-8"))["seed"]
}
DEFAULT = Cleaner()
WITH_DATELINE = Cleaner(drop={"dateline"})


def loose(text: str) -> str:
    return " ".join(text.split())


def without(text: str, spans: list[str]) -> str:
    """`text` minus each span, in reading order (the spans must occur in that order)."""
    out, pos = [], 0
    for span in spans:
        at = text.index(span, pos)
        out.append(text[pos:at])
        pos = at + len(span)
    out.append(text[pos:])
    return " ".join(out)


def test_every_seed_is_labelled():
    assert sorted(LABELS) == [p.name for p in SEEDS]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
@pytest.mark.parametrize("cleaner", [DEFAULT, WITH_DATELINE], ids=["default", "drop-dateline"])
def test_seed_matches_its_labels(path, cleaner):
    text = path.read_text(encoding="utf-8")
    dropping = cleaner is WITH_DATELINE
    labels = [(cat, span) for cat, span in LABELS[path.name] if cat != "dateline" or dropping]
    result = cleaner.clean(text)
    # exactly the labelled spans are removed, each under its category ...
    assert [(r.category, r.text.strip()) for r in result.removals] == [
        (cat, span.strip()) for cat, span in labels
    ]
    # ... so the output is the article: nothing else lost, nothing else left
    assert loose(result.text) == loose(without(text, [span for _, span in labels]))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_snapshot(path, text_snapshot):
    result = DEFAULT.clean(path.read_text(encoding="utf-8"))
    assert snapshot_report(result) == text_snapshot


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_removals_replay_and_restore(path):
    text = path.read_text(encoding="utf-8")
    result = DEFAULT.clean(text)
    assert apply_removals(text, result.removals) == result.text
    assert restore(result.text, result.removals) == text


def test_seed_001_contract_from_the_issue():
    """The issue's own words for seed 001, checked literally."""
    text = (ROOT / "seeds/001_10a3550d25231c17.txt").read_text(encoding="utf-8")
    out = DEFAULT.clean(text).text
    gone_words = ["ADVERTISEMENT", "SCROLL TO CONTINUE", "Image for large screens", "Editor :"]
    gone_words += ["22 Views", "(iranintl)", "Baca Juga", "Mi’raj News Agency", "Rekomendasi"]
    for gone in gone_words:
        assert gone not in out, gone
    assert out.count("Rusia dan Iran Tandatangani Kerja Sama Strategis") == 1
    assert "Moskow juga terbuka untuk mengambil lebih banyak proyek nuklir Iran." in out
    assert out.rstrip().endswith(
        "“Kesepakatan merupakan stimulus lain dalam hal penciptaan dunia multipolar.”"
    )
