"""Categories and guards: what a repeated piece is, by its cue words, and whether it reads as
story text (a sentence) rather than boilerplate."""

from __future__ import annotations

import re

from ..engine.plan import trie
from ..engine.prefilter import starts
from .pieces import SENTENCE_END

#: Cue words that say what a repeated piece is (checked in this order; navigation otherwise).
CUES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (category, re.compile(pattern))
    for category, pattern in (
        ("related", r"Baca [Jj]uga|BACA JUGA|Lihat [Jj]uga|LIHAT JUGA|Simak [Jj]uga"
         r"|Berita [Tt]erkait|BERITA TERKAIT|Artikel [Tt]erkait|Baca [Ss]elengkapnya|Baca [Ll]agi"
         r"|Rekomendasi|Terpopuler|Pilihan (?:Editor|Redaksi)|PILIHAN (?:EDITOR|REDAKSI)"
         r"|Editor'?s'? [Pp]icks?|EDITOR'?S'? PICKS?|Read [Mm]ore|READ MORE"),
        ("byline", r"\b(?:Editor|Penulis|Pewarta|Reporter|Redaktur|Penyunting|Kontributor|Wartawan"
         r"|Jurnalis|Sumber|Source)\s*:|Laporan [Ww]artawan|\b(?:Views?|VIEWS?|Dibaca|Pembaca"
         r"|kali dibaca|Shares?|Dilihat)\b"),
        ("caption", r"\b(?:Foto|FOTO|Ilustrasi|ILUSTRASI|Gambar)\s*:|\bDok\.|\bDokumentasi\b"
         r"|\((?:ANTARA|Antara)(?: FOTO)?/|\b(?:Istimewa|ISTIMEWA)\b"),
        ("ad", r"ADVERTISEMENT|Advertisement|ADVERTISING|\b[Ii]klan\b|IKLAN|SCROLL TO|Sponsored"
         r"|Gulir untuk|Scroll untuk|[Cc]ontinue [Rr]eading|CONTINUE READING"
         r"|[Ll]anjutkan [Mm]embaca|LANJUTKAN MEMBACA|[Ll]oading|LOADING"),
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


def _starts() -> re.Pattern | None:
    """Where a cue can start: the first characters of every match of every cue (derived
    from the patterns, so it cannot fall behind them), as one trie. A text without any has
    no cue (most story sentences), which this tells at a fraction of `_ANY_CUE`'s cost; in
    the others `_ANY_CUE` is tried only where they are (one search of it tries every
    alternative at every place: ten times slower)."""
    found: set[str] = set()
    for _, cue in CUES:
        literals = starts(cue.pattern)
        if literals is None:  # (a cue that may start with anything: no shortcut)
            return None
        found.update(literals)
    # a trie (a plain alternation costs 2.5x as much), looked for ahead: every place a cue
    # may start, overlapping ones too
    return re.compile(f"(?={trie(found)})")


_CUE_START = _starts()


def guess_category(text: str) -> tuple[str, str | None]:
    """(category, cue) for a piece of boilerplate: the earliest cue in it decides.

    >>> guess_category("Baca juga: Harga Emas Naik")
    ('related', 'Baca juga')
    >>> guess_category("Damai di Palestina = Damai di Dunia")
    ('navigation', None)
    """
    if _CUE_START is None:
        m = _ANY_CUE.search(text)
    else:  # the full pattern is tried only where a cue may start: the first that matches
        tries = (_ANY_CUE.match(text, at.start()) for at in _CUE_START.finditer(text))
        m = next(filter(None, tries), None)
    return ("navigation", None) if m is None else (m.lastgroup or "navigation", m.group())


def reads_as_sentence(text: str, words: list[str]) -> bool:
    lower = sum(w[0].islower() for w in words)
    return bool(SENTENCE_END.search(text)) and len(words) >= 5 and lower * 2 >= len(words)


def letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


#: Shapes of boilerplate that needs no cue word: (category, what, pattern), checked in order.
SHAPES: tuple[tuple[str, str, re.Pattern], ...] = tuple(
    (category, what, re.compile(pattern))
    for category, what, pattern in (
        ("byline", "an editor's code",
         r"\(\s*[a-z]{2,8}(?:\s*/\s*[a-z]{2,8}){0,3}\s*\)|\(\s*\*+\s*\)"),
        ("byline", "a credit", r"\(\s*[A-Za-z][\w.\- ]*/\s*[A-Za-z][\w.\- ]*\)"),
        ("navigation", "a URL", r"(?i:https?://|www\.)\S|\w\.(?:com|co\.id|id|net|org|tv)\b"),
        ("embed", "a bracketed tag", r"\A\[[^\[\]]+\]\Z"),
        ("ad", "a placeholder", r"\A\w+\s*(?:\.\s*){3,}\Z|\A\w+\s*…\Z"),
        ("navigation", "a menu", r"(?:\s[|•»]\s.*){2}"),
        ("promo", "a prompt", r"\A(?:Klik|KLIK|Click|CLICK|Kunjungi|Gabung|Bergabung|Dapatkan|Unduh"
         r"|Subscribe|SUBSCRIBE|Tonton|Saksikan|Scroll|SCROLL|Gulir|Continue|CONTINUE|Lanjutkan"
         r"|Yuk|Ayo|Jangan [Ll]ewatkan|Pastikan)\b"),
    )
)  # fmt: skip
_CAPS_WORDS = re.compile(r"[^\W\d_]{2,}")


def shape_of(text: str) -> tuple[str, str] | None:
    """(category, what) when a piece has the shape of boilerplate: a code, a credit, a URL, a
    bracketed tag, a placeholder, a menu, a prompt, or a marker in capitals.

    >>> shape_of("(ant/xyz)"), shape_of("loading . . ."), shape_of("Presiden Amerika Serikat")
    (('byline', "an editor's code"), ('ad', 'a placeholder'), None)
    """
    for category, what, pattern in SHAPES:
        if pattern.search(text):
            return category, what
    words = _CAPS_WORDS.findall(text)
    if len(words) >= 2 and all(w.isupper() for w in words) and max(map(len, words)) > 3:
        return "navigation", "a marker in capitals"
    return None


_QUOTES = re.compile(r"[\"“”]|(?<!\w)['‘]|['’](?!\w)")


def repeat_reason(text: str, info, category: str) -> tuple[str | None, str, str | None]:
    """Why a repeated token sequence is story text (None: it may become a rule), its
    category, and the shape that vouched for it (None: a cue word did).

    Sentences of the same week's articles repeat (quotes, names, dates); what vouches for
    boilerplate is where it sits *and* what it says: at the head or tail of articles, or
    between sentences (at the same place), with a cue word or the shape of boilerplate
    (`shape_of`)."""
    if _QUOTES.search(text):
        return "a quotation: story text reprinted across articles", category, None
    edges = info.head + info.tail
    if edges * 2 < info.seen and info.seams * 2 < info.seen:
        return "sits inside sentences in the middle of articles: story text", category, None
    if category not in ("navigation", "dateline"):
        return None, category, None
    shape = shape_of(text)
    if shape is None:
        return _NO_EVIDENCE, category, None
    return None, shape[0] if category == "navigation" else category, shape[1]


_NO_EVIDENCE = (
    "no cue word and no shape of boilerplate (a credit, code, marker, URL or prompt): story text"
)
