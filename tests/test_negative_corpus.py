"""Body sentences that look suspicious must come through every rule untouched."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

from .conftest import ROOT

CASES = [
    line.strip()
    for line in (ROOT / "tests/cases/keep.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
BEFORE = "Pemerintah menyatakan kebijakan itu berlaku mulai bulan depan di seluruh provinsi."
AFTER = "Kebijakan tersebut akan dievaluasi setiap tiga bulan oleh kementerian terkait."
CLEANERS = [Cleaner(), Cleaner(drop={"dateline"})]


def test_corpus_is_not_empty():
    assert len(CASES) >= 40


@pytest.mark.parametrize("sentence", CASES)
@pytest.mark.parametrize(
    "layout",
    [
        "{s}",
        "{b}\n{s}\n{a}",
        "{b}\n\n{s}\n\n{a}",
        "{b} {s} {a}",
        "{b}   {s}   {a}",
        "{b}{s}{a}",
        # the last line of the story, and glued after its last sentence (the tail zone)
        "{b}\n{s}",
        "{b} {s}",
        # glued before the dateline that opens the story (a headline there)
        "{s} JAKARTA, KOMPAS.com - {a}",
    ],
    ids=[
        "alone",
        "line",
        "paragraph",
        "glued-space",
        "glued-blanks",
        "glued",
        "last-line",
        "glued-last",
        "before-dateline",
    ],
)
def test_sentence_survives(sentence, layout):
    text = layout.format(s=sentence, b=BEFORE, a=AFTER)
    for cleaner in CLEANERS:
        result = cleaner.clean(text)
        assert result.removals == (), [(r.rule_id, r.text) for r in result.removals]
