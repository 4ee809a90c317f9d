"""The pieces of a document that are counted: its lines (a sentence the scraper split at its
links joined back) and the sentence-like segments of a glued paragraph."""

from __future__ import annotations

import re

from ..engine.layout import Unit

# Where a glued unit splits into sentence-like segments: at a sentence end (".", "!", "?", "…"
# and closing quotes) followed by a blank and a capital, by a comma glued to the next paragraph
# (".,Reporter"), or directly by a capital ("dia.Baca"; but "REPUBLIKA.CO.ID" is a name); and
# where a lower-case word is glued to a capitalised one ("Baca JugaTertimbun"), the typical
# glue of scraped dumps. Plain `re` scans: this runs on every line of every document.
_STOP = re.compile(r"[.!?…][\"”’)\]]*")
_GLUE = re.compile(r"[a-z](?=[A-Z][a-z])(?<=[a-z]{2})")  # the seam is where it ends
_OPENING = '"“‘(['
# ... and before the brand of a dateline after a blank or glued to a word (`Editor: Ani
# KONTAN.CO.ID - JAKARTA.`, `JAKARTA, KOMPAS.com -`): the dateline opens the story.
_BRAND = re.compile(
    r"(?<=[\sa-z])(?<!,[ \t])(?=(?:[A-Z]{3,}(?:[ \t][A-Z]{3,}){0,2},[ \t]*)?"
    r"(?:[A-Z][A-Z0-9-]+|[A-Z][a-z0-9-]+)\.(?:COM|CO\.ID|com|co\.id)"
    r"[ \t]*(?:,[ \t]*[A-Z][\w .]{1,30}?)?[ \t]*[-–—])"
)


_DOMAIN = re.compile(r"\.(?:COM|CO\.ID|com|co\.id)")
#: A dateline's brand starts at most this far before its domain, and its dash follows within
#: this much after it (a scan around each domain, not a look-ahead at every position).
_BRAND_BEFORE, _BRAND_AFTER = 80, 80


def _brands(text: str, start: int, end: int) -> list[int]:
    """Where each dateline brand in text[start:end] starts (see `_BRAND`)."""
    found: list[int] = []
    last = start
    for dot in _DOMAIN.finditer(text, start, end):
        lo = max(last, dot.start() - _BRAND_BEFORE)
        for m in _BRAND.finditer(text, lo, min(end, dot.end() + _BRAND_AFTER)):
            if not found or m.start() > found[-1]:
                found.append(m.start())
        last = max(last, dot.start() - 1)  # (a brand ends at the domain: none starts after it)
    return found


#: Brand names written in CamelCase are words, not glue.
_CAMEL = {
    "WhatsApp", "YouTube", "TikTok", "LinkedIn", "PlayStation", "PowerPoint", "JavaScript",
    "OpenAI", "ChatGPT", "DeepSeek", "BlackRock", "GoPay", "GoJek", "GoFood", "ShopeePay",
    "LinkAja", "SeaPRwire", "AirAsia", "PayPal", "FedEx", "SmackDown", "MotoGP", "WordPress",
    "TransJakarta", "KompasTV", "BeritaSatu", "DetikNews", "LiveScore", "GameStop", "SpaceX",
}  # fmt: skip
_NOT_GLUE = re.compile(r"[/@=#\d]|\.[a-z]")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\Z")
_FRAGMENT_OPENERS = '([“"‘,'
_FRAGMENT_STARTS = ",.;:)]%"


def _continues(before: str, after: str) -> bool:
    """`after` continues the sentence of `before`: the scraper broke a line at a link."""
    if SENTENCE_END.search(before):
        return False
    return after[0].islower() or after[0] in _FRAGMENT_STARTS or before[-1] in _FRAGMENT_OPENERS


def logical_lines(text: str, parts: list[Unit]) -> list[tuple[int, int, int]]:
    """(start, end, units) of each line, with the units of a sentence split at links joined.

    >>> from cleaner.engine.layout import units
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
    if text.find(".co", start, end) >= 0 or text.find(".CO", start, end) >= 0:
        seps += [(at, at) for at in _brands(text, start, end)]
    for m in _GLUE.finditer(text, start, end):
        at = m.end()
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


# A marker: one to four words, the first capitalised, and a colon (`Baca juga:`, `Artikel
# Pilihan:`, `BACA JUGA :`); no digits (`Pukul 10:30`). Colons are few: each is looked for
# with `str.find`, and the words before it read with a pattern anchored at it.
_MARKER = re.compile(
    r"[A-Z][^\W\d_]*(?:[’'][^\W\d_]+)?(?:[ \t\u00a0]+[^\W\d_][\w’'&]*){0,3}[ \t\u00a0]*:\Z"
)
_MARKER_CHARS = 40  # characters a marker may take at most


# A marker by its related cue words, with or without a colon (`Baca Juga Harga Naik`, `BERITA
# TERKAIT - ...`, `baca juga: ...`): the spellings of `headlines.MARKER`, and lower case.
_CUE_WORDS = (
    r"(?:(?:Baca|BACA|Lihat|LIHAT|Simak|SIMAK|baca|lihat|simak)[ \t\u00a0]*(?:[Jj]uga|JUGA)"
    r"|(?:Berita|Artikel|BERITA|ARTIKEL|berita|artikel)[ \t\u00a0]+"
    r"(?:[Tt]erkait|TERKAIT|[Ll]ainnya|LAINNYA)"
    r"|Jangan [Ll]ewatkan|JANGAN LEWATKAN|Pilihan (?:Editor|Redaksi)|PILIHAN (?:EDITOR|REDAKSI))"
)
_CUE_MARKER = re.compile(_CUE_WORDS + r"(?![\w])(?:[ \t\u00a0]*[:|\-–—])?")
_CUE_ONLY = re.compile(_CUE_WORDS)
_SEPARATOR = ":|-–— \t\u00a0"


def related_cue(raw: str) -> bool:
    """A marker made of related cue words only (`Baca juga:`, `BERITA TERKAIT -`)."""
    return _CUE_ONLY.fullmatch(raw.rstrip(_SEPARATOR)) is not None


def marker_key(raw: str) -> str:
    """What a marker is counted under: a marker of related cue words in any case and with
    any separator (`Baca juga:`, `BACA JUGA -`, `Baca Juga` are one), any other as written.

    >>> marker_key("BACA JUGA :"), marker_key("Baca juga"), marker_key("Artikel Pilihan:")
    ('baca juga', 'baca juga', 'Artikel Pilihan:')
    """
    if related_cue(raw):
        return " ".join(raw.rstrip(_SEPARATOR).split()).casefold()
    return " ".join(raw.split())


def markers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each marker in `text`: a few words and a colon, or related cue words.

    - Related cue words alone (`Baca juga:`, `BERITA TERKAIT -`, `Baca Juga` before a capital,
      `baca juga:` with its separator) open a link where no letter, digit or quotation mark
      comes right before them, or glued to a lower-case word if they start with a capital
      (`kata dia.Baca juga:`, `siniBaca Juga`): not inside a word (`membaca juga`) nor in
      a quotation.
    - Any other words and a colon (`Artikel Pilihan:`, `Foto:`) count at the start of a line
      or unit only: after a sentence end they are as often the speaker of a quote.

    >>> text = "Isi.\\nBaca juga: Naik\\nkata Ketua KPK: tidak. Foto: X\\nEmas.Simak Juga: X"
    >>> [text[s:e] for s, e in markers(text)]
    ['Baca juga:', 'Simak Juga:']
    >>> text = "Isi.\\nBaca Juga Harga\\nBERITA TERKAIT -\\nIa membaca juga Buku.\\nFoto: X"
    >>> [text[s:e] for s, e in markers(text)]
    ['Baca Juga', 'BERITA TERKAIT -', 'Foto:']
    """
    found = []
    colon = text.find(":")
    while colon >= 0:
        end = colon + 1
        m = _MARKER.search(text, max(0, end - _MARKER_CHARS), end)
        colon = text.find(":", end)
        if m is None or text[end : end + 1].isdigit() or related_cue(m.group()):
            continue  # (cue words are read below, with or without their colon)
        if _unit_start(text, m.start()):
            found.append((m.start(), end))
    for m in _cue_markers(text):
        start, end = m.span()
        before = text[start - 1] if start else ""
        seam = before.islower() and text[start].isupper()
        if before and (before.isalnum() or before in "_“\"‘'") and not seam:
            continue  # inside a word or a quotation
        if text[start].islower() and text[start:end].rstrip()[-1] not in ":|-–—":
            continue  # `baca juga` in lower case is a link only with its separator
        at = end
        while at < len(text) and text[at] in " \t\u00a0":
            at += 1
        nxt = text[at + 1 : at + 2] if text[at : at + 1] in "\"“‘'" else text[at : at + 1]
        if nxt in ("", "\n", "\r") or nxt.isupper() or nxt.isdigit():  # a headline follows
            found.append((start, end))
    return sorted(found)


def _unit_start(text: str, start: int) -> bool:
    """`start` opens a line, or a unit after a run of two or more blanks."""
    at = start - 1
    while at >= 0 and text[at] in " \t\u00a0":
        at -= 1
    return at < 0 or text[at] in "\n\r" or start - at > 2


#: The second word of each related cue, lower-cased: found with `str.find`, then the cue
#: read around it (a scan with the pattern costs ten times more: its first letters are
#: common ones).
_CUE_SECOND = ("juga", "terkait", "lainnya", "lewatkan", "editor", "redaksi")


def _cue_markers(text: str) -> list[re.Match]:
    """The matches of `_CUE_MARKER` in `text`, in order."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: offsets would shift
        return list(_CUE_MARKER.finditer(text))
    found: dict[int, re.Match] = {}
    for word in _CUE_SECOND:
        at = low.find(word)
        while at >= 0:
            m = _CUE_MARKER.search(text, max(0, at - 12), at + len(word) + 8)
            if m is not None and m.start() <= at < m.end():
                found[m.start()] = m
            at = low.find(word, at + len(word))
    return [found[start] for start in sorted(found)]
