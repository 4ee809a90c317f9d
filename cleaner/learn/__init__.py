"""Learn a site's boilerplate from a batch of its articles: lines and spans that repeat.

Within one site, boilerplate repeats across articles while story text does not. A `Learner`
reads the documents of one site one at a time and counts, once per document, every line and
every glued sentence-like segment, normalised first: white space collapsed, and numbers, dates,
day names and the names after byline cues (`Editor:`, `Reporter:` ...) replaced by
placeholders, so `22 Views` and `105 Views` are one line. The counts live in a table with a
hard cap (8-byte hashes, pruned Misra-Gries style), so a batch of any size is read in one pass
in bounded memory. `finish()` keeps what recurs in enough documents and passes the guards
against learning story text, and returns a `Learned`: rules in the format of `rules/`
(`to_toml()`), and every candidate it rejected with the reason.

>>> stories = [
...     "Harga beras di pasar induk naik lagi sejak awal pekan ini, kata pedagang.",
...     "Banjir merendam dua desa di hulu sungai setelah hujan turun semalaman.",
...     "Tim nasional berlatih di Bali menjelang laga persahabatan bulan depan.",
... ]
>>> docs = [f"{story}\\n{n} Pembaca" for story, n in zip(stories, (12, 7, 1050))]
>>> learned = learn(docs, site="contoh.id", known=None)
>>> [(r.id, r.category, r.scope, r.pattern) for r in learned.rules]
[('learned-contoh-id-pembaca', 'byline', 'line', '{num}\\\\s+Pembaca')]
>>> learned.rules[0].description
"Repeated line at the end of articles: seen in 3 of 3 documents (100%); cue 'Pembaca'"
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path

import regex

from ..engine import Cleaner
from ..engine.examples import Example, check
from ..engine.layout import Unit, is_body_like, units
from ..model import CATEGORIES
from ..packs import Rule, expand_macros, make_rule

# ---------------------------------------------------------------- normalising

_DAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum['’]at|Sabtu|Minggu|Ahad)"
_MONTH = (
    r"(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|"
    r"Desember|Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Ags|Sep|Sept|Okt|Nov|Des)"
)
_NAME_WORD = (
    r"(?:\p{Lu}(?:\p{Lu}+|[\p{Ll}\d’'-]*)(?:\.(?:com|co\.id|id|net|org|tv))?\.?"
    r"|\p{Ll}[\w-]*\.(?:com|co\.id|id|net|org|tv))"
)
#: The macros a learned pack defines; its patterns use them as {name}.
MACROS = {
    "unit_start": r"(?<=^[ \t\u00a0]*|[ \t\u00a0]{2})",
    "unit_end": r"(?=[ \t\u00a0]{2,}|[ \t\u00a0]*(?:\r?\n|\Z))",
    "num": r"\d+(?:[.,:/]\d+)*",
    "day": rf"(?<!\w){_DAY}(?!\w)",
    "date": (
        rf"(?<!\w)(?:{_DAY},?\s*)?(?:\d{{1,2}}\s+)?{_MONTH}\.?\s+\d{{4}}"
        r"(?:\s*[-|,]?\s*(?:[Pp]ukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
        r"(?:\s*(?:WIB|WITA|WIT|GMT[+\d]*))?)?(?!\w)"
    ),
    # A person or source after a byline cue: up to six capitalised words (or a domain).
    "name": rf"{_NAME_WORD}(?:[ \t\u00a0]+{_NAME_WORD}){{0,5}}",
}
_NAME_CUES = (
    r"(?:Penulis|Editor|Pewarta|Reporter|Redaktur|Penyunting|Kontributor|Jurnalis|Wartawan|"
    r"Fotografer|Sumber|Foto|Oleh|Ditulis oleh|Dilaporkan oleh|Author|Writer|Source)"
)
# One scan finds every generalised token (each starts with a digit or a capital); the text
# between tokens is literal, split at white space. A URL stays literal, digits and all.
_TOKEN = regex.compile(
    r"(?=[\d\p{Lu}hw])(?:"
    r"(?P<url>(?<!\S)(?:https?://|www\.)\S+)"
    rf"|(?P<date>{MACROS['date']})"
    # a cue may be glued to the name before it ("PutriEditor:"); the name may be empty, as in
    # a scraped "Sumber: ," whose link text was lost
    rf"|(?P<cue>(?:(?<!\w)|(?<=\p{{Ll}}))(?P<word>{_NAME_CUES})\s*:\s*)"
    rf"(?P<name>(?:{MACROS['name']})?)"
    rf"|(?P<day>{MACROS['day']})"
    rf"|(?P<num>{MACROS['num']}))"
)
_BLANKS = re.compile(r"(\s+)")


def _tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) pieces of `text`: lit, ws, num, day, date, or cue (its text is the cue word)."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            _literal(text[pos : m.start()], out)
        kind = m.lastgroup if m.lastgroup != "name" else "cue" if m.group("name") else "cue0"
        if kind == "url":
            kind = "lit"
        out.append((kind, m.group("word") if kind.startswith("cue") else m.group()))
        pos = m.end()
    if pos < len(text):
        _literal(text[pos:], out)
    return out


def _literal(text: str, out: list[tuple[str, str]]) -> None:
    for i, piece in enumerate(_BLANKS.split(text)):
        if piece:
            out.append(("ws" if i % 2 else "lit", piece))


def normalise(text: str) -> str:
    """The counting key of a line or span: what stays the same across its repeats.

    >>> normalise("Ali Tsani Editor : Arif R - Jumat, 17 Januari 2025 - 23:43 WIB")
    'Ali Tsani Editor:<name> - <date>'
    >>> normalise("105 Views") == normalise("22   Views")
    True
    """
    return " ".join(_TOKEN.sub(_placeholder, text).split())


def _placeholder(m: regex.Match) -> str:
    kind = m.lastgroup
    if kind == "url":
        return m.group()
    return f"{m.group('word')}:<name>" if kind == "name" else f"<{kind}>"


def generalise(text: str, *others: str) -> str:
    """The pattern of a piece: literal text escaped, the generalised parts as {macros}.

    `others` are more examples of the same piece: a name that is empty in one of them is
    optional in the pattern.

    >>> generalise("Reporter: Tira Santia,Sumber: ,", "Reporter: Pipit Ika,Sumber: Liputan6.com")
    'Reporter\\\\s*:\\\\s*{name},Sumber\\\\s*:\\\\s*(?:{name})?,'
    """
    parts = []
    slots = [[k for k, _ in _tokens(t) if k.startswith("cue")] for t in (text, *others)]
    slot = 0
    for kind, tok in _tokens(text):
        if kind == "lit":
            parts.append(regex.escape(tok, special_only=True, literal_spaces=True))
        elif kind == "ws":
            parts.append(r"\s+")
        elif kind.startswith("cue"):
            parts.append(regex.escape(tok, special_only=True).replace(r"\ ", r"\s+"))
            empty = any(len(s) > slot and s[slot] == "cue0" for s in slots)
            parts.append(r"\s*:\s*(?:{name})?" if empty else r"\s*:\s*{name}")
            slot += 1
        else:
            parts.append("{" + kind + "}")
    return "".join(parts)


# ---------------------------------------------------------------- pieces of a document

# Where a glued unit splits into sentence-like segments: at a sentence end (".", "!", "?", "…"
# and closing quotes) followed by a blank and a capital, by a comma glued to the next paragraph
# (".,Reporter"), or directly by a capital ("dia.Baca"; but "REPUBLIKA.CO.ID" is a name); and
# where a lower-case word is glued to a capitalised one ("Baca JugaTertimbun"), the typical
# glue of scraped dumps. Plain `re` scans: this runs on every line of every document.
_STOP = re.compile(r"[.!?…][\"”’)\]]*")
_GLUE = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
_OPENING = '"“‘(['


#: Brand names written in CamelCase are words, not glue.
_CAMEL = {
    "WhatsApp", "YouTube", "TikTok", "LinkedIn", "PlayStation", "PowerPoint", "JavaScript",
    "OpenAI", "ChatGPT", "DeepSeek", "BlackRock", "GoPay", "GoJek", "GoFood", "ShopeePay",
    "LinkAja", "SeaPRwire", "AirAsia", "PayPal", "FedEx", "SmackDown", "MotoGP", "WordPress",
    "TransJakarta", "KompasTV", "BeritaSatu", "DetikNews", "LiveScore", "GameStop", "SpaceX",
}  # fmt: skip
_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]", re.S)
_NOT_GLUE = re.compile(r"[/@=#\d]|\.[a-z]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\Z")
_FRAGMENT_OPENERS = '([“"‘,'
_FRAGMENT_STARTS = ",.;:)]%"
_WORD = re.compile(r"\S+")


def _continues(before: str, after: str) -> bool:
    """`after` continues the sentence of `before`: the scraper broke a line at a link."""
    if _SENTENCE_END.search(before):
        return False
    return after[0].islower() or after[0] in _FRAGMENT_STARTS or before[-1] in _FRAGMENT_OPENERS


def logical_lines(text: str, parts: list[Unit]) -> list[tuple[int, int, int]]:
    """(start, end, units) of each line, with the units of a sentence split at links joined.

    >>> text = "Simak\\nbreaking news\\ndan\\nberita pilihan kami.\\nJudul Lain"
    >>> [(text[s:e], n) for s, e, n in logical_lines(text, units(text))]
    [('Simak\\nbreaking news\\ndan\\nberita pilihan kami.', 4), ('Judul Lain', 1)]
    """
    out: list[tuple[int, int, int]] = []
    for u in parts:
        if out and _continues(text[out[-1][0] : out[-1][1]], text[u.start : u.end]):
            start, _, count = out[-1]
            out[-1] = (start, u.end, count + 1)
        else:
            out.append((u.start, u.end, 1))
    return out


def segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the sentence-like segments of text[start:end], trimmed.

    >>> text = "kata dia.Baca JugaTertimbun Longsor.,Reporter: Tira Santia,Sumber: , "
    >>> [text[s:e] for s, e in segments(text, 0, len(text))]
    ['kata dia.', 'Baca Juga', 'Tertimbun Longsor.', 'Reporter: Tira Santia,Sumber:']
    """
    seps = [sep for m in _STOP.finditer(text, start, end) if (sep := _after_stop(text, m, end))]
    for m in _GLUE.finditer(text, start, end):
        at = m.start()
        w0, w1 = at, at
        while w0 > start and text[w0 - 1].isalpha():
            w0 -= 1
        while w1 < end and text[w1].isalpha():
            w1 += 1
        t0, t1 = w0, w1
        while t0 > start and not text[t0 - 1].isspace():
            t0 -= 1
        while t1 < end and not text[t1].isspace():
            t1 += 1
        if text[w0:w1] not in _CAMEL and not _NOT_GLUE.search(text, t0, t1):
            seps.append((at, at))  # not a brand name, a URL, a handle or code
    out = []
    pos = start
    for s, e in [*sorted(seps), (end, end)]:
        a, b = pos, s
        while a < b and (text[a].isspace() or text[a] in ",;"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
            b -= 1
        if b > a:
            out.append((a, b))
        pos = max(pos, e)
    return out


def _after_stop(text: str, stop: re.Match, end: int) -> tuple[int, int] | None:
    """The separator after a sentence end, if a new segment starts there."""
    at = stop.end()
    if at >= end:
        return None
    nxt = text[at]
    if nxt.isspace():
        j = at + 1
        while j < end and text[j].isspace():
            j += 1
        k = j + 1 if j < end and text[j] in _OPENING else j
        if k < end and (text[k].isupper() or text[k].isdigit()):
            return (at, j)
        return None
    if nxt == ",":
        return (at, at + 1) if at + 1 < end and not text[at + 1].isspace() else None
    k = at + 1 if nxt in _OPENING else at
    if k < end and text[k].isupper():
        before = text[stop.start() - 1] if stop.start() > 0 else ""
        if before.islower() or (k + 1 < end and text[k + 1].islower()):
            return (at, at)
    return None


# ---------------------------------------------------------------- categories and guards

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


def _reads_as_sentence(text: str, words: list[str]) -> bool:
    lower = sum(w[0].islower() for w in words)
    return bool(_SENTENCE_END.search(text)) and len(words) >= 5 and lower * 2 >= len(words)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


# ---------------------------------------------------------------- options and results


@dataclass(frozen=True, slots=True)
class LearnOptions:
    """What counts as recurring, and how much the learner may hold.

    A piece is learned when it is in at least `min_docs` documents *and* at least `min_share`
    of the site's documents. `max_keys` caps the counting table (about 200 bytes an entry,
    first sightings included), `max_examples` the examples kept per candidate (and written as
    `remove` examples).
    """

    min_docs: int = 3
    min_share: float = 0.2
    max_examples: int = 3
    max_keys: int = 200_000
    #: Longer lines or segments are never counted: boilerplate is short.
    max_chars: int = 400
    #: Longer candidates that read as prose are story text unless a cue says otherwise.
    prose_words: int = 25
    prose_chars: int = 200

    def __post_init__(self) -> None:
        if self.min_docs < 2:
            raise ValueError("min_docs must be at least 2: one document cannot show a repeat")
        if not 0 <= self.min_share <= 1:
            raise ValueError("min_share must be between 0 and 1")
        if self.max_examples < 1:
            raise ValueError("max_examples must be at least 1")
        if self.max_keys < 16:
            raise ValueError("max_keys must be at least 16")


@dataclass(frozen=True, slots=True)
class LearnedRule:
    """One learned rule. `pattern` uses the pack's macros; `expanded` is ready to compile."""

    id: str
    category: str
    scope: str
    pattern: str
    expanded: str
    description: str
    docs: int
    remove: tuple[str, ...]
    keep: tuple[str, ...]
    keep_is_stock: bool = False  # no body line of the batch fit: a stock sentence is used

    def rule(self, pack: str = "learned") -> Rule:
        """The rule as the engine runs it (for checks, or a `Plan` of your own), built and
        checked exactly as the loader builds the written pack's rule."""
        entry = {
            "id": self.id,
            "category": self.category,
            "description": self.description,
            "scope": self.scope,
            "pattern": self.pattern,
            "remove": list(self.remove),
            "keep": list(self.keep),
        }
        return make_rule(entry, pack=pack, macros=MACROS, path="<learned>")


@dataclass(frozen=True, slots=True)
class Rejected:
    """A piece that recurred but was not learned, and why."""

    text: str
    docs: int
    reason: str


@dataclass(frozen=True, slots=True)
class Learned:
    """What `Learner.finish()` found for one site."""

    site: str
    documents: int
    rules: tuple[LearnedRule, ...]
    rejected: tuple[Rejected, ...]
    options: LearnOptions
    duplicates: int = 0  # documents skipped because the same text was seen before
    #: Counts are lower bounds: a piece's true document count is at most this much higher
    #: (0 unless the table had to be pruned).
    count_error: int = 0
    sites: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()

    def to_toml(self, *, generated: str = "", inputs: Sequence[str] = ()) -> str:
        """The rule pack as TOML, in the format of `rules/` (`cleaner rules check` passes)."""
        return _render(self, generated, inputs)


# ---------------------------------------------------------------- counting


@dataclass(slots=True)
class _Info:
    """What is known of a piece that recurs: how it sits in its documents, a few examples."""

    examples: list[tuple[str, str, str]] = field(default_factory=list)  # (before, piece, after)
    lines: int = 0  # documents where it is a whole unit
    blocks: int = 0  # ... a whole line of several units (a sentence split at links)
    spans: int = 0  # ... glued into a longer unit
    head: int = 0
    middle: int = 0
    tail: int = 0
    dash_after: int = 0  # followed by a lone dash: a dateline ("Jakarta\n-\nIsi ...")
    share: float = 0.0  # sum over documents of the share of the text it takes
    seen: int = 0  # documents recorded here

    def record(self, occ: _Occurrence, max_examples: int) -> None:
        self.seen += 1
        self.lines += "line" in occ.kinds
        self.blocks += "block" in occ.kinds
        self.spans += "span" in occ.kinds
        if occ.where == _HEAD:
            self.head += 1
        elif occ.where == _TAIL:
            self.tail += 1
        else:
            self.middle += 1
        self.dash_after += occ.dash_after
        self.share += occ.share
        if len(self.examples) < max_examples and all(occ.raw != e[1] for e in self.examples):
            self.examples.append((occ.before, occ.raw, occ.after))


@dataclass(slots=True)
class _Occurrence:
    """One document's sighting of a piece (its first, if the piece is in the document twice)."""

    raw: str
    start: int
    end: int
    kinds: set[str]
    where: int = 0
    dash_after: bool = False
    share: float = 0.0
    before: str = ""
    after: str = ""


class _Budget:
    """The hard cap on table entries, shared by the learners of a batch (one per site)."""

    def __init__(self, cap: int) -> None:
        self.cap, self.total, self.peak = cap, 0, 0
        self.members: list[Learner] = []

    def grow(self) -> None:
        if self.total >= self.cap:
            max(self.members, key=len).prune()
        self.total += 1
        self.peak = max(self.peak, self.total)


_HEAD, _MIDDLE, _TAIL = 0, 1, 2
EDGE = 0.1  # the first and last tenth of a glued document count as its head and tail
CONTEXT = 200  # characters of context kept on each side of an example (same line only)
SHOWN_CONTEXT = 60  # ... of which a remove example shows at most this much
KEEP_POOL = 24
DOC_MEMORY = 100_000  # documents remembered for spotting exact duplicates (then forgotten)


def _hash(key: str) -> int:
    return int.from_bytes(blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


class Learner:
    """Counts the repeated pieces of one site's documents; `finish()` turns them into rules.

    Feed documents with `add(text)`, one at a time: nothing of a document is kept but the
    counts of its normalised pieces and a few examples of the pieces that recur. The table of
    counts holds at most `options.max_keys` entries; when it is full, the median count is
    subtracted from every entry (at least half go), so counts become lower bounds, off by at
    most `count_error`. A piece seen once keeps its sighting in a side table of an eighth of
    that size, so the examples and positions of a piece that recurs include its first one.
    """

    def __init__(
        self, site: str = "site", options: LearnOptions | None = None, *, budget=None
    ) -> None:
        self.site = site
        self.options = options or LearnOptions()
        self.budget = budget or _Budget(self.options.max_keys)
        self.budget.members.append(self)
        self.documents = 0
        self.duplicates = 0
        self.count_error = 0
        self._counts: dict[int, int] = {}
        self._info: dict[int, _Info] = {}
        self._first: dict[int, _Occurrence] = {}
        self._seen_docs: set[int] = set()
        self._bodies: list[str] = []
        self._seen_bodies = 0
        self._random = random.Random(0)  # reservoir sampling, reproducible

    def __len__(self) -> int:
        return len(self._counts)

    def add(self, text: str) -> None:
        """Count the pieces of one document (blank documents and exact repeats are skipped)."""
        if not text.strip():
            return
        digest = _hash(" ".join(text.split()))
        if digest in self._seen_docs:
            self.duplicates += 1
            return
        if len(self._seen_docs) >= DOC_MEMORY:
            self._seen_docs.clear()
        self._seen_docs.add(digest)
        self.documents += 1
        lines = logical_lines(text, units(text))
        pieces: dict[int, _Occurrence] = {}
        story: list[tuple[int, int]] = []  # lines that read as story paragraphs
        sentences: list[str] = []  # story sentences: candidates for `keep` examples
        for start, end, count in lines:
            self._piece(pieces, text, start, end, "line" if count == 1 else "block")
            cuts = segments(text, start, end)
            if len(cuts) > 1:
                for s, e in cuts:
                    self._piece(pieces, text, s, e, "span")
            line = text[start:end]
            if is_body_like(line):
                story.append((start, end))
            if count == 1 and len(line) <= 300:
                sentences.append(line)
            elif len(line) > 300:  # a glued paragraph: its sentences that open after a stop
                sentences.extend(
                    text[s:e] for s, e in cuts if s == start or text[s - 1] in ' .!?"”’'
                )
        # a promo that reads like a sentence ("Pastikan ... aplikasi WhatsApp ya.") is not
        # where the story starts or ends: trim paragraphs with a cue word off both ends
        while story and guess_category(text[story[0][0] : story[0][1]])[0] != "navigation":
            story.pop(0)
        while story and guess_category(text[story[-1][0] : story[-1][1]])[0] != "navigation":
            story.pop()
        n = len(text)
        # the story runs from the first to the last paragraph that reads as one; a glued
        # document (one paragraph) is judged by offsets alone
        region = (story[0][0], story[-1][1]) if len(story) > 1 else (0, n)
        doc = (text, region, max(1, len("".join(text.split()))))
        for h, occ in pieces.items():
            self._count(h, occ, doc)
        self._sample_bodies(sentences)

    def _piece(self, pieces: dict[int, _Occurrence], text: str, start: int, end: int, kind: str):
        if end - start > self.options.max_chars:
            return
        raw = text[start:end]
        if not _TWO_LETTERS.search(raw):
            return
        h = _hash(normalise(raw))
        found = pieces.get(h)
        if found is None:
            pieces[h] = _Occurrence(raw, start, end, {kind})
        else:
            found.kinds.add(kind)

    @staticmethod
    def _place(occ: _Occurrence, doc) -> _Occurrence:
        """Where a sighting sits (above the story, inside it, below it), and its context."""
        text, (body_start, body_end), solid = doc
        n = len(text)
        if occ.end <= body_start or occ.start < EDGE * n:
            occ.where = _HEAD
        elif occ.start >= body_end or occ.end > (1 - EDGE) * n:
            occ.where = _TAIL
        else:
            occ.where = _MIDDLE
        occ.dash_after = text[occ.end : occ.end + 4].strip()[:1] in ("-", "–", "—")
        occ.share = len("".join(occ.raw.split())) / solid
        # context runs across line breaks: whether the loaded rules already remove a piece
        # is judged with the lines around it (a promo the scraper split over several lines);
        # remove examples show the piece's own line only (see _shape)
        occ.before = text[max(0, occ.start - CONTEXT) : occ.start]
        occ.after = text[occ.end : min(n, occ.end + CONTEXT)]
        return occ

    def _count(self, h: int, occ: _Occurrence, doc) -> None:
        count = self._counts.get(h)
        if count is None:
            self.budget.grow()
            self._counts[h] = 1
            if len(self._first) < self.options.max_keys // 8:
                self._first[h] = self._place(occ, doc)
            return
        self._counts[h] = count + 1
        info = self._info.get(h)
        if info is None:
            info = self._info[h] = _Info()
            first = self._first.pop(h, None)
            if first is not None:
                info.record(first, self.options.max_examples)
        info.record(self._place(occ, doc), self.options.max_examples)

    def prune(self) -> None:
        """Free at least half of the table: subtract the median count from every entry."""
        counts = sorted(self._counts.values())
        cut = counts[len(counts) // 2]
        before = len(self._counts)
        self._counts = {h: c - cut for h, c in self._counts.items() if c > cut}
        self._info = {h: i for h, i in self._info.items() if h in self._counts}
        self._first = {h: o for h, o in self._first.items() if h in self._counts}
        self.count_error += cut
        self.budget.total -= before - len(self._counts)

    def _sample_bodies(self, sentences: list[str]) -> None:
        """Keep a small random sample of story sentences: the `keep` examples of the rules."""
        for line in sentences:
            if len(line) > 300 or "\n" in line or line[0] in "\"“‘'(.,":
                continue
            if not is_body_like(line):
                continue
            self._seen_bodies += 1
            at = len(self._bodies)
            if at >= KEEP_POOL:
                at = self._random.randrange(self._seen_bodies)
                if at >= KEEP_POOL:
                    continue
            if guess_category(line)[0] == "navigation":  # no cue word: story text
                self._bodies[at : at + 1] = [line]

    def finish(self, known: Cleaner | None = None, url: str | None = None) -> Learned:
        """The rules learned so far, and the rejected candidates with their reasons.

        `known`: a Cleaner whose rules already remove some boilerplate; what it removes is not
        learned again ("already removed by rule X"). `url` selects its site packs.
        """
        return _Finisher(self, known, url).run()


# ---------------------------------------------------------------- from candidates to rules


@dataclass(slots=True)
class _Candidate:
    docs: int
    info: _Info
    text: str  # the first example
    scope: str = "line"
    pattern: str = ""
    expanded: str = ""
    category: str = "navigation"
    cue: str | None = None
    examples: tuple[str, ...] = ()


STOCK_KEEP = "Pemerintah menyatakan akan meninjau kembali aturan itu dalam rapat pekan depan."
COVERED_SHARE = 0.8  # a candidate the known rules remove this much of is already covered
NEAR_TOTAL = 0.6  # a candidate that makes up this much of its documents is the article itself


class _Finisher:
    def __init__(self, learner: Learner, known: Cleaner | None, url: str | None) -> None:
        self.l, self.known, self.url = learner, known, url
        self.o = learner.options
        self.rejected: list[Rejected] = []
        self.accepted: list[_Candidate] = []
        self.accepted_rules: list[_Candidate] = []

    def run(self) -> Learned:
        n = self.l.documents
        found = [
            _Candidate(self.l._counts[h], info, info.examples[0][1])
            for h, info in self.l._info.items()
            if self.l._counts.get(h, 0) >= 2 and info.examples
        ]
        found.sort(key=lambda c: (-c.docs, -len(c.text), c.text))
        for cand in found:
            reason = self._reason(cand, n)
            if reason is None:
                self.accepted.append(cand)
            else:
                self.rejected.append(Rejected(cand.text, cand.docs, reason))
        rules = self._rules(n)
        sigs = _signatures(rules, n)
        site = self.l.site
        return Learned(
            site=site,
            documents=n,
            rules=tuple(rules),
            rejected=tuple(self.rejected),
            options=self.o,
            duplicates=self.l.duplicates,
            count_error=self.l.count_error,
            sites=(site.lower(),) if "." in site else (),
            signatures=sigs,
        )

    def _reason(self, c: _Candidate, n: int) -> str | None:
        o, info = self.o, c.info
        seen = f"seen in {c.docs} of {n} documents"
        if c.docs < o.min_docs:
            return f"{seen}, fewer than --min-docs {o.min_docs}"
        if c.docs < o.min_share * n:
            return f"{seen} ({c.docs / n:.0%}), less than --min-share {o.min_share:g}"
        covered = self._covered(c)
        if covered:
            return covered
        self._shape(c)
        if not c.examples:
            return "its generalised pattern does not remove its own examples"
        for a in self.accepted:
            if c.docs <= a.docs and _inside(c, a):
                return f"part of a longer repeated piece (learned as {_slug(a.text)!r})"
        literal = "".join(t for k, t in _tokens(c.text) if k in ("lit", "ws", "cue"))
        words = _WORD.findall(c.text)
        if _letters(literal) < 3 or (len(words) == 1 and words[0][0].islower()):
            return "too short to remove safely (a lone common word)"
        share = info.share / max(1, info.seen)
        if share >= NEAR_TOTAL:
            return f"makes up {share:.0%} of its documents: the article itself, not boilerplate"
        c.category, c.cue = guess_category(c.text)
        if c.category == "navigation":
            if _is_dateline(c, words):
                c.category = "dateline"
            elif _after_related_cue(c):
                c.category, c.cue = "related", "after a 'Baca juga' cue"
        # A cue of a category says "boilerplate" ("Editor:", "WhatsApp"); navigation words
        # ("Selanjutnya", "Halaman") open story sentences too, so they never vouch for one.
        if c.text[0] in "\"“‘'" or c.text.startswith(('("', "(“")):
            return "a quotation: story text reprinted across articles"
        if c.cue is not None and c.category not in ("navigation", "dateline"):
            return None
        lower = sum(w[0].islower() for w in words)
        if (len(words) > o.prose_words or len(c.text) > o.prose_chars) and lower * 2 >= len(words):
            return f"long and reads as prose ({len(words)} words): story text"
        if _reads_as_sentence(c.text, words):
            if any(k in ("num", "day", "date") for k, _ in _tokens(c.text)):
                return "a sentence with numbers or dates in it: story text from a template"
            if info.middle * 2 >= info.seen:
                return "reads as a sentence and sits in the middle of articles: story text"
        return None

    def _covered(self, c: _Candidate) -> str | None:
        if self.known is None:
            return None
        hits: dict[str, int] = {}
        covered = 0
        for before, raw, after in c.info.examples:
            # judged in its context: a byline glued into a paragraph is not removed by a rule
            # that would remove it on a line of its own
            result = self.known.clean(before + raw + after, url=self.url)
            a, b = len(before), len(before) + len(raw)
            overlap = {r.rule_id: max(0, min(b, r.end) - max(a, r.start)) for r in result.removals}
            if sum(overlap.values()) >= COVERED_SHARE * len(raw):
                covered += 1
                for rule_id, size in overlap.items():
                    hits[rule_id] = hits.get(rule_id, 0) + size
        if covered * 2 <= len(c.info.examples):
            return None
        rule_id = max(hits, key=lambda k: hits[k])
        rule = self.known.all_rules.get(rule_id)
        category = rule.category if rule else "duplicate"
        note = "" if CATEGORIES[category] else f", kept unless --drop {category}"
        return f"already removed by rule {rule_id} ({category}{note})"

    def _shape(self, c: _Candidate) -> None:
        """Choose the scope, build the pattern, and keep the examples it really removes."""
        info = c.info
        body = generalise(c.text, *(raw for _, raw, _ in info.examples))
        if info.spans * 2 >= info.seen:
            c.scope = "span"
            first, last = c.text[0], c.text[-1]
            lead = (
                r"(?<![\p{Lu}\p{N}])" if first.isupper() else r"(?<!\w)" if first.isalnum() else ""
            )
            trail = r"(?![\p{Ll}\p{N}])" if last.isalnum() else ""
            c.pattern = f"{lead}{body}{trail}"
        elif info.blocks > info.lines:
            c.scope = "span"
            c.pattern = "{unit_start}" + body + "{unit_end}"
        else:
            c.scope = "line"
            c.pattern = body
        c.expanded = expand_macros(c.pattern, MACROS, "<learned>")
        rule = _probe_rule(c)
        kept: list[str] = []
        for before, raw, after in info.examples:
            if "[[" in raw or "]]" in raw:
                continue  # would read as the [[...]] marker of a remove example
            before = before[before.rfind("\n") + 1 :]  # the piece's own line
            after = after.split("\n", 1)[0]
            choices = [raw]
            context = before + after
            if (
                c.scope == "span"
                and context.strip()
                and "[[" not in context
                and "]]" not in context
            ):
                # real context shows the rule cuts the piece out of a paragraph cleanly
                if len(before) > SHOWN_CONTEXT:
                    before = before[-SHOWN_CONTEXT:]
                    before = before[before.find(" ") + 1 :] if " " in before else before
                if len(after) > SHOWN_CONTEXT:
                    after = after[:SHOWN_CONTEXT]
                    after = after[: after.rfind(" ")] if " " in after else after
                choices.insert(0, f"{before.lstrip()}[[{raw}]]{after.rstrip()}")
            for example in choices:
                if check(Example(rule, "remove", example)) is None:
                    kept.append(example)
                    break
        c.examples = tuple(kept)

    def _rules(self, n: int) -> list[LearnedRule]:
        slug = re.sub(r"[^a-z0-9]+", "-", _ascii(self.l.site).lower()).strip("-") or "site"
        used: set[str] = set()
        rules = []
        for c in self.accepted:
            base = f"learned-{slug}-{_slug(c.text)}"
            rule_id, k = base, 2
            while rule_id in used:
                rule_id, k = f"{base}-{k}", k + 1
            used.add(rule_id)
            keep, stock = self._keep(c)
            rules.append(
                LearnedRule(
                    id=rule_id,
                    category=c.category,
                    scope=c.scope,
                    pattern=c.pattern,
                    expanded=c.expanded,
                    description=_describe(c, n),
                    docs=c.docs,
                    remove=c.examples,
                    keep=(keep,),
                    keep_is_stock=stock,
                )
            )
        return rules

    def _keep(self, c: _Candidate) -> tuple[str, bool]:
        """A real story sentence of the batch that the rule leaves alone (checked)."""
        rule = _probe_rule(c)
        pool = self.l._bodies
        turn = len(self.accepted_rules) % max(1, len(pool))  # vary the examples a little
        self.accepted_rules.append(c)
        for line in [*pool[turn:], *pool[:turn], STOCK_KEEP]:
            if check(Example(rule, "keep", line)) is None:
                return line, line is STOCK_KEEP
        raise AssertionError("a learned rule removes the stock keep sentence")  # pragma: no cover


def _probe_rule(c: _Candidate) -> Rule:
    entry = {
        "id": "learned-probe",
        "category": c.category,
        "description": "a candidate under test",
        "scope": c.scope,
        "pattern": c.pattern,
    }
    return make_rule(entry, pack="learned", macros=MACROS, path="<learned>", examples=False)


def _inside(part: _Candidate, whole: _Candidate) -> bool:
    """`part` occurs inside every example of `whole` (so a rule for `whole` removes it)."""
    rx = regex.compile(part.expanded, regex.VERSION0 | regex.MULTILINE)
    return all(rx.search(raw) for _, raw, _ in whole.info.examples)


_RELATED = dict(CUES)["related"]
_RELATED_RUN = regex.compile(r"[^.!?\n]{0,160}\Z")


def _after_related_cue(c: _Candidate) -> bool:
    """Glued after 'Baca juga' (maybe after other linked headlines): a related headline."""
    for before, _, _ in c.info.examples:
        cues = list(_RELATED.finditer(before))
        if not cues or not _RELATED_RUN.match(before, cues[-1].end()):
            return False
    return True


def _is_dateline(c: _Candidate, words: list[str]) -> bool:
    """A place name on its own above the lead ("Jakarta" then "-"), or a "CITY -" prefix."""
    short = len(words) <= 4 and all(w[0].isupper() for w in words if w[0].isalpha())
    dashed = c.info.dash_after * 2 >= c.info.seen or c.text.rstrip().endswith(("-", "–", "—"))
    return short and dashed and c.info.head * 2 >= c.info.seen


def _describe(c: _Candidate, n: int) -> str:
    info = c.info
    where = max(
        (info.head, "at the top of articles"),
        (info.tail, "at the end of articles"),
        (info.middle, "inside articles"),
    )[1]
    what = {"line": "Repeated line", "span": "Repeated text"}[c.scope]
    if c.scope == "span" and c.pattern.startswith("{unit_start}"):
        what = "Repeated line (split at links)"
    elif c.scope == "span" and info.spans * 2 >= info.seen:
        what = "Repeated text glued into paragraphs"
        where = where.replace("at the", "near the").replace("inside articles", "in articles")
    cue = f"; cue {c.cue!r}" if c.cue else ""
    return f"{what} {where}: seen in {c.docs} of {n} documents ({c.docs / n:.0%}){cue}"


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _slug(text: str, words: int = 4) -> str:
    """Kebab-case from the first literal words of a piece: 'Baca juga: X' -> 'baca-juga-x'."""
    literal = "".join(t if k in ("lit", "cue") else " " for k, t in _tokens(text))
    found = re.findall(r"[a-z0-9]+", _ascii(literal).lower())[:words]
    return "-".join(found)[:40].strip("-") or "line"


_MARKED = re.compile(r"^.*\[\[|\]\].*$", re.S)


def _signatures(rules: list[LearnedRule], n: int) -> tuple[str, ...]:
    """Patterns that identify the site's pages when no URL is given: its most common rules."""
    picked = [
        r.expanded
        for r in sorted(rules, key=lambda r: -r.docs)
        if r.docs >= 0.25 * n
        and _letters(_MARKED.sub("", r.remove[0])) >= 10
        and r.category != "dateline"
    ]
    return tuple(picked[:3])


# ---------------------------------------------------------------- batches and TOML


def site_of(url: str, by: str = "domain") -> str | None:
    """The site a URL belongs to: its registered domain, or (by="host") its host name.

    >>> site_of("https://www.merdeka.com/uang/x.html"), site_of("m.detik.com/news")
    ('merdeka.com', 'detik.com')
    >>> site_of("https://otomotif.kompas.com/read/1"), site_of("https://news.republika.co.id/b")
    ('kompas.com', 'republika.co.id')
    >>> site_of("https://otomotif.kompas.com/read/1", by="host")
    'otomotif.kompas.com'
    """
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().rstrip(".")
    except ValueError:  # a malformed URL (bad port, brackets)
        return None
    if not _HOST.fullmatch(host):
        return None
    labels = host.split(".")
    while len(labels) > 2 and labels[0] in ("www", "m", "amp", "mobile"):
        labels = labels[1:]
    if by == "host" or len(labels) <= 2 or all(p.isdigit() for p in labels):
        return ".".join(labels)
    keep = 3 if labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*")
_SECOND_LEVEL = {"co", "com", "net", "org", "or", "ac", "go", "web", "my", "sch", "gov", "edu"}


class Batch:
    """The learners of a batch, one per site, sharing one hard cap on table entries.

    >>> batch = Batch(LearnOptions(max_keys=100))
    >>> batch.add("a.id", "Isi berita.\\nIkuti kami di kanal resmi")
    >>> sorted(batch.learners), batch.budget.peak <= 100
    (['a.id'], True)
    """

    def __init__(self, options: LearnOptions | None = None) -> None:
        self.options = options or LearnOptions()
        self.budget = _Budget(self.options.max_keys)
        self.learners: dict[str, Learner] = {}

    def add(self, site: str, text: str) -> None:
        learner = self.learners.get(site)
        if learner is None:
            learner = self.learners[site] = Learner(site, self.options, budget=self.budget)
        learner.add(text)


def learn(
    documents: Iterable[str],
    site: str = "site",
    options: LearnOptions | None = None,
    *,
    known: Cleaner | bool | None = True,
    url: str | None = None,
) -> Learned:
    """Learn one site's boilerplate from its documents (any iterable: read once, not kept).

    `known=True` skips what the shipped rules already remove (with every category on, the
    kept-by-default `dateline` too); pass a `Cleaner` to compare with other rules, or None.
    """
    learner = Learner(site, options)
    for text in documents:
        learner.add(text)
    return learner.finish(known_cleaner() if known is True else known or None, url)


def known_cleaner(rules: Iterable[str | Path] = (), default_rules: bool = True) -> Cleaner:
    """The rules a learned pack is used with, every category switched on."""
    off = [name for name, on in CATEGORIES.items() if not on]
    return Cleaner(drop=off, rules=rules, default_rules=default_rules)


def _toml_str(value: str) -> str:
    """A TOML string: a literal '''...''' when that can hold it, else an escaped basic string."""
    if "'''" not in value and not value.endswith("'") and value.isprintable():
        return f"'''{value}'''"
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif not ch.isprintable() or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_list(values: Sequence[str], indent: str = "  ") -> str:
    if len(values) == 1 and len(values[0]) < 70:
        return f"[{_toml_str(values[0])}]"
    return "[\n" + "".join(f"{indent}{_toml_str(v)},\n" for v in values) + "]"


def _render(learned: Learned, generated: str, inputs: Sequence[str]) -> str:
    o = learned.options
    shown = list(inputs[:5]) + ([f"and {len(inputs) - 5} more"] if len(inputs) > 5 else [])
    lines = [
        f"# Rule pack learned for {learned.site} by `cleaner learn`"
        + (f" on {generated}." if generated else "."),
        f"# Inputs: {', '.join(shown) if shown else '(documents passed in Python)'}",
        f"# {learned.documents} documents of this site"
        + (f" ({learned.duplicates} exact duplicates skipped)." if learned.duplicates else "."),
        f"# Parameters: --min-docs {o.min_docs} --min-share {o.min_share:g} "
        f"--max-examples {o.max_examples} --max-keys {o.max_keys}",
    ]
    if learned.count_error:
        lines.append(
            f"# The counting table was pruned: document counts may be low by up to "
            f"{learned.count_error}."
        )
    lines += [
        "#",
        "# REVIEW BEFORE USE: every rule was mined from text that repeats across the batch.",
        "# Delete or narrow any rule that would remove story text, and add real keep examples.",
        "# `remove` examples are real text from the batch ([[...]] marks what goes when there",
        "# is context); each `keep` example is a story sentence from the same batch that the",
        "# rule was checked to leave alone. Check with: cleaner rules check THIS_FILE",
    ]
    if learned.sites:
        lines.append(f"# Applies to pages of {learned.sites[0]} (by URL), else by its signatures.")
    elif learned.signatures:
        lines.append("# Applies to documents where one of its signatures matches.")
    else:
        lines.append("# No URL host and no signature: applies to every document it is given.")
    lines += ["", "[pack]", f"name = {_toml_str('learned-' + _ascii(learned.site).lower())}"]
    lines.append(
        f"description = {_toml_str(f'Boilerplate learned from {learned.documents} documents')}"
    )
    if learned.sites:
        lines.append(f"sites = {_toml_list(learned.sites)}")
    if learned.signatures:
        lines.append(f"signatures = {_toml_list(learned.signatures)}")
    lines += ["", "[macros]"]
    lines += [f"{name} = {_toml_str(value)}" for name, value in MACROS.items()]
    for r in learned.rules:
        lines += [
            "",
            "[[rule]]",
            f"id = {_toml_str(r.id)}",
            f"category = {_toml_str(r.category)}",
            f"scope = {_toml_str(r.scope)}",
            f"description = {_toml_str(r.description)}",
            f"pattern = {_toml_str(r.pattern)}",
            f"remove = {_toml_list(r.remove)}",
            "# keep: " + (
                "no story sentence of the batch fit; a stock sentence"
                if r.keep_is_stock
                else "a story sentence from the same batch, checked to stay untouched"
            ),
            f"keep = {_toml_list(r.keep)}",
        ]  # fmt: skip
    return "\n".join(lines) + "\n"
