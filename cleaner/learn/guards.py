"""Categories and guards: what a repeated piece is, by its cue words, and whether it reads as
story text (a sentence) rather than boilerplate."""

from __future__ import annotations

import re

from .pieces import SENTENCE_END

#: Cue words that say what a repeated piece is (checked in this order; navigation otherwise).
CUES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (category, re.compile(pattern))
    for category, pattern in (
        ("related", r"Baca [Jj]uga|BACA JUGA|Lihat [Jj]uga|LIHAT JUGA|Simak [Jj]uga"
         r"|Berita [Tt]erkait|BERITA TERKAIT|Artikel [Tt]erkait|Baca [Ss]elengkapnya|Baca [Ll]agi"
         r"|Rekomendasi|Terpopuler"),
        ("byline", r"\b(?:Editor|Penulis|Pewarta|Reporter|Redaktur|Penyunting|Kontributor|Wartawan"
         r"|Jurnalis|Sumber|Source)\s*:|Laporan [Ww]artawan|\b(?:Views?|VIEWS?|Dibaca|Pembaca"
         r"|kali dibaca|Shares?|Dilihat)\b"),
        ("caption", r"\b(?:Foto|FOTO|Ilustrasi|ILUSTRASI|Gambar)\s*:|\bDok\.|\bDokumentasi\b"
         r"|\((?:ANTARA|Antara)(?: FOTO)?/|\b(?:Istimewa|ISTIMEWA)\b"),
        ("ad", r"ADVERTISEMENT|Advertisement|ADVERTISING|\b[Ii]klan\b|IKLAN|SCROLL TO|Sponsored"
         r"|Gulir untuk|Scroll untuk"),
        ("promo", r"WhatsApp|Whatsapp|Telegram|Google News|[Dd]ownload|[Uu]nduh|[Aa]plikasi"
         r"|Ikuti|Follow|Instagram|TikTok|YouTube|Facebook|Twitter|[Bb]erlangganan|[Ll]angganan"
         r"|[Kk]lik di ?sini|App Store|Play Store|Simak [Bb]erita|[Nn]ewsletter"),
        ("disclaimer", r"Copyright|COPYRIGHT|©|Hak [Cc]ipta|Disclaimer|DISCLAIMER|telah tayang"
         r"|pihak ketiga|[Dd]isediakan oleh|Konten ini"),
        ("comment", r"[Kk]omentar|KOMENTAR|Balasan|Alamat email"),
        ("embed", r"\[Gambas|Lihat Foto|Lihat Video|Play Video|Video Pilihan"),
        ("navigation", r"\b(?:Tags?|TAGS?|Topik|Kategori)\s*:|Halaman|Selanjutnya|Sebelumnya"
         r"|Beranda|Home\b|Terkini"),
    )
)  # fmt: skip


# all cues in one pattern: the leftmost cue wins, and at one place the first category listed
_ANY_CUE = re.compile("|".join(f"(?P<{category}>{cue.pattern})" for category, cue in CUES))
# a text without any of these (lower-cased) has no cue: most story sentences, checked fast
_CUE_HINTS = (
    "baca", "lihat", "simak", "berita", "artikel", "rekomendasi", "terpopuler", "editor",
    "penulis", "pewarta", "reporter", "redaktur", "penyunting", "kontributor", "wartawan",
    "jurnalis", "sumber", "source", "view", "dibaca", "pembaca", "share", "dilihat", "foto",
    "ilustrasi", "gambar", "dok", "antara", "istimewa", "advertis", "iklan", "scroll",
    "sponsored", "gulir", "whatsapp", "telegram", "google", "download", "unduh", "aplikasi",
    "ikuti", "follow", "instagram", "tiktok", "youtube", "facebook", "twitter", "langganan",
    "klik", "store", "newsletter", "copyright", "©", "hak cipta", "disclaimer", "tayang",
    "pihak ketiga", "disediakan", "konten ini", "komentar", "balasan", "alamat email",
    "[gambas", "video", "tag", "topik", "kategori", "halaman", "selanjutnya", "sebelumnya",
    "beranda", "home", "terkini",
)  # fmt: skip


def guess_category(text: str) -> tuple[str, str | None]:
    """(category, cue) for a piece of boilerplate: the earliest cue in it decides.

    >>> guess_category("Baca juga: Harga Emas Naik")
    ('related', 'Baca juga')
    >>> guess_category("Damai di Palestina = Damai di Dunia")
    ('navigation', None)
    """
    lower = text.lower()
    if not any(hint in lower for hint in _CUE_HINTS):
        return "navigation", None
    m = _ANY_CUE.search(text)
    return ("navigation", None) if m is None else (m.lastgroup or "navigation", m.group())


def reads_as_sentence(text: str, words: list[str]) -> bool:
    lower = sum(w[0].islower() for w in words)
    return bool(SENTENCE_END.search(text)) and len(words) >= 5 and lower * 2 >= len(words)


def letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)
