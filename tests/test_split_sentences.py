"""A sentence the scraper broke at its links (the link text on a line of its own) keeps every
piece, however much the link text reads like debris on its own."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

BEFORE = "Harga beras di pasar induk naik lagi sejak awal pekan ini, kata pedagang setempat."
AFTER = "Pemerintah daerah berjanji menggelar operasi pasar dalam waktu dekat, kata dia."
LAST = "Operasi pasar itu akan digelar di sepuluh kecamatan mulai Senin depan, ujarnya."
# link texts that a line or tail rule removes where they stand alone
LINKS = [
    "Lanjutkan Membaca",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Iklan",
    "Komentar",
    "Berita Terkait",
    "Terpopuler",
    "Komentar (0)",
    "Bagikan",
]


@pytest.mark.parametrize("link", LINKS)
def test_a_link_inside_a_sentence_stays(link):
    text = f"{BEFORE}\nMenurut laporan\n{link}\nyang terbit pekan lalu, harga naik tajam.\n{AFTER}"
    result = Cleaner().clean(text)
    assert result.text == text, [(r.rule_id, r.text) for r in result.removals]


@pytest.mark.parametrize("link", LINKS)
def test_a_link_followed_by_a_comma_stays(link):
    text = f"{BEFORE}\nMenurut laporan\n{link}\n, harga naik tajam pada pekan lalu.\n{AFTER}"
    assert Cleaner().clean(text).text == text


@pytest.mark.parametrize("link", LINKS)
def test_the_same_words_between_sentences_go(link):
    # (a tail heading goes where what follows is at most half the story)
    text = f"{BEFORE}\n{AFTER}\n{link}\n{LAST}"
    assert Cleaner().clean(text).text == f"{BEFORE}\n{AFTER}\n{LAST}"


def test_a_code_between_a_heading_and_tag_lines_still_goes():
    # a bracket ends the unit before: `(fbr/wes)` is no piece of a sentence
    text = f"{BEFORE}\n{AFTER}\n(fbr/wes)\nluna maya\nfilm horor"
    assert Cleaner().clean(text).text == f"{BEFORE}\n{AFTER}"
