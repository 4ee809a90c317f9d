"""Tail rules: a block of related links, comments or tags takes the rest of the page, but
never a story paragraph after it (a block in the middle of a story is not the page's end)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

STORY = [
    "Harga beras di pasar induk naik lagi sejak awal pekan ini, kata pedagang setempat.",
    "Pedagang menyebut pasokan dari sentra produksi di Jawa Tengah berkurang drastis.",
    "Pemerintah daerah berjanji menggelar operasi pasar dalam waktu dekat untuk warga.",
    "Operasi pasar itu akan digelar di sepuluh kecamatan mulai Senin depan, ujarnya.",
    "Warga diminta tidak membeli beras secara berlebihan selama pasokan belum pulih.",
    "Dinas Perdagangan juga akan memantau harga di pasar tradisional setiap hari.",
]
AFTER = [
    "Kepala dinas mengatakan stok beras di gudang Bulog masih cukup untuk tiga bulan.",
    "Ia berharap harga kembali normal sebelum bulan puasa tiba, kata dia kepada wartawan.",
]
CLEANER = Cleaner()
HEADLINES = ["Harga Cabai Rawit Tembus Rp 90.000 per Kilogram", "Rupiah Melemah di Awal Pekan"]
# (heading, rule id): the tail rules that may fire in the middle of a story
HEADINGS = [
    ("Berita Terkait", "rekomendasi-tail"),
    ("Rekomendasi untuk Anda", "rekomendasi-tail"),
    ("BERITA TERKAIT", "rekomendasi-tail"),
    ("Artikel Selanjutnya", "rekomendasi-tail"),
    ("Video Pilihan", "rekomendasi-tail"),
    ("Komentar (0)", "comment-tail"),
    ("Tinggalkan Balasan", "comment-tail"),
]


@pytest.mark.parametrize(("heading", "rule_id"), HEADINGS)
def test_block_in_the_story_leaves_the_paragraphs_after_it(heading, rule_id):
    text = "\n".join([*STORY, heading, *HEADLINES, *AFTER])
    result = Cleaner().clean(text)
    assert result.text == "\n".join([*STORY, *AFTER])
    assert [r.rule_id for r in result.removals] == [rule_id]
    assert result.removals[0].text.split("\n")[:3] == [heading, *HEADLINES]


@pytest.mark.parametrize(("heading", "rule_id"), HEADINGS)
def test_block_at_the_end_takes_the_rest(heading, rule_id):
    teaser = "Pedagang Pasar Induk Mengeluh"  # a headline, not a sentence: no story
    text = "\n".join([*STORY, heading, *HEADLINES, teaser])
    result = Cleaner().clean(text)
    assert result.text == "\n".join(STORY)
    assert [r.rule_id for r in result.removals] == [rule_id]


def test_a_sentence_another_rule_removes_does_not_end_the_tail():
    promo = (
        "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. "
        'Mari bergabung di Grup Telegram "Kompas.com News Update", caranya klik link '
        "https://t.me/kompascomupdate, kemudian join."
    )
    text = "\n".join([*STORY, "Berita Terkait", *HEADLINES, promo, HEADLINES[0] + " Lagi"])
    result = Cleaner().clean(text)
    assert result.text == "\n".join(STORY)
    assert [r.rule_id for r in result.removals] == ["rekomendasi-tail"]
    assert promo in result.removals[0].text


def test_a_story_paragraph_with_a_glued_link_still_ends_the_tail():
    glued = (
        "Kepala dinas mengatakan stok masih cukup. Baca juga: Harga Cabai Naik Lagi "
        "Ia berharap harga segera normal kembali, kata dia."
    )
    text = "\n".join([*STORY, "Berita Terkait", *HEADLINES, glued, AFTER[1]])
    result = Cleaner().clean(text)
    assert result.text.startswith("\n".join(STORY) + "\nKepala dinas mengatakan stok")
    assert result.text.endswith(AFTER[1])
    assert "Berita Terkait" not in result.text and HEADLINES[1] not in result.text


SHORT = [
    "Jalan itu kini ditutup total.",
    '"Silakan cek sendiri di lapangan!" tegasnya.',
    "Warga diminta tetap waspada!",
    "Mengapa harga beras terus naik?",
]
TAIL_HEADINGS = [h for h in HEADINGS if h[0] != "Berita Terkait"] + [("Tag", "tags-tail")]


@pytest.mark.parametrize("short", SHORT)
@pytest.mark.parametrize(("heading", "rule_id"), TAIL_HEADINGS)
def test_a_short_story_paragraph_after_the_block_ends_it(heading, rule_id, short):
    """A linked headline ends with no full stop, and capitalises its words when it ends
    with a question or an exclamation mark: a short paragraph after the block that does
    neither is the story's, whatever follows it (an adversarial fuzz found the block taking
    such a paragraph, when it was the last, or before a paragraph the tail may take)."""
    text = "\n".join([*STORY, heading, *HEADLINES, short])
    result = Cleaner().clean(text)
    assert result.text == "\n".join([*STORY, short])
    assert [r.rule_id for r in result.removals] == [rule_id]


@pytest.mark.parametrize(
    "debris",
    ["(mer) Kumpulan Artikel Buleleng", "(pur/aff) Berita Terkait", "(Foto: Antara) Tag: beras"],
)
def test_a_code_glued_before_more_debris_after_the_last_sentence_goes_with_it(debris):
    # paragraphs joined into one line: the code and what follows it were lines of their own
    story = " ".join(STORY[:2])
    result = CLEANER.clean(f"{story} {debris}")
    assert result.text == story, [(r.rule_id, r.text) for r in result.removals]


def test_an_aside_the_last_sentence_goes_on_after_is_story():
    text = (
        f"{STORY[0]} Ia lulus dengan predikat cum laude, mendapatkan gelar S.H. Int. (Sarjana"
        " Hukum Internasional) antara 1990 dan 1992."
    )
    assert CLEANER.clean(text).text == text
