"""The quality gate: precision, recall and body loss of the shipped rules on every labelled
set must stay at or above the floors pinned in tests/quality_floors.toml (as trafilatura
gates its own evaluation). A rule that starts eating story text fails here, by name."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from cleaner import Cleaned, Cleaner, Removal
from cleaner.quality import LAYOUTS, LabelError, details, load_set, locate, score

ROOT = Path(__file__).resolve().parent.parent
FLOORS = tomllib.loads((ROOT / "tests/quality_floors.toml").read_text(encoding="utf-8"))
SETS = {
    "corpus": ROOT / "tests/cases/corpus",
    "dev": ROOT / "tests/cases/labelled/dev",
    "holdout": ROOT / "tests/cases/labelled/holdout",
}


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_shipped_rules_stay_above_the_floors(cleaner, name):
    floor = FLOORS[name]
    base, _, layout = name.partition("-")
    articles = load_set(SETS[base])
    if layout:  # the same articles in another layout (word-tokenised, joined into one line)
        articles = [LAYOUTS[layout](a) for a in articles]
    report = score(articles, cleaner)
    total = report.total
    shown = "" if name.startswith("holdout") else details(report)  # the hold-out stays unread
    assert total.precision >= floor["precision"], shown
    assert total.recall >= floor["recall"], shown
    assert total.body_loss <= floor["body_loss"], shown


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_labelled_set_is_complete(name):
    folder = SETS[name]
    raws = sorted(p.stem for p in (folder / "raw").glob("*.txt"))
    labels = sorted(p.stem for p in (folder / "labels").glob("*.json"))
    assert raws and raws == labels
    assert len(load_set(folder)) == len(raws)  # every span is found in its text


def test_the_score_counts_tokens_by_the_removals_offsets():
    from cleaner.quality import Article

    text = "Judul Berita\nBaca juga: Harga Naik\nIsi berita yang panjang."
    spans = tuple(locate(text, [{"category": "related", "text": "Baca juga: Harga Naik"}]))
    article = Article("x__001", text, None, spans)
    start = text.index("Baca")
    exact = Cleaned("", (Removal("r", "related", start, start + 21, text[start : start + 21]),))
    too_far = Cleaned("", (Removal("r", "related", start, len(text), text[start:]),))
    good = score([article], lambda _: exact).total
    bad = score([article], lambda _: too_far).total
    assert (good.precision, good.recall, good.body_loss) == (1.0, 1.0, 0.0)
    assert bad.recall == 1.0 and bad.removed_body == 5 and bad.precision == 0.5


def test_a_label_that_does_not_fit_its_text_is_an_error(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "labels").mkdir()
    (tmp_path / "raw" / "x__001.txt").write_text("Isi berita.", encoding="utf-8")
    label = {"spans": [{"category": "ad", "text": "ADVERTISEMENT"}], "notes": ""}
    (tmp_path / "labels" / "x__001.json").write_text(json.dumps(label), encoding="utf-8")
    with pytest.raises(LabelError, match="x__001: label span not found"):
        load_set(tmp_path)
