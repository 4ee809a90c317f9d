"""The pieces of a document that are counted: its lines (a sentence the scraper split at its
links joined back) and the sentence-like segments of a glued paragraph."""

from __future__ import annotations

import re

from ..engine.layout import RUNS_ON, Unit

# Where a glued unit splits into sentence-like segments: at a sentence end (".", "!", "?", "…"
# and closing quotes) followed by a blank and a capital, by a comma glued to the next paragraph
# (".,Reporter"), or directly by a capital ("dia.Baca"; but "REPUBLIKA.CO.ID" is a name); and
# where a lower-case word is glued to a capitalised one ("Baca JugaTertimbun"), the typical
# glue of scraped dumps. Plain `re` scans: this runs on every line of every document.
# (the capital is looked for, then the letters around it: capitals are rarer than lower case)
_GLUE = re.compile(r"[A-Z](?<=[a-z]{2}[A-Z])(?=[a-z])")  # the seam is where it starts
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


def _continues(before: str, after: str) -> bool:
    """`after` continues the sentence of `before`: the scraper broke a line at a link."""
    if SENTENCE_END.search(before):
        return False
    return after[0].islower() or after[0] in RUNS_ON or before[-1] in _FRAGMENT_OPENERS


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
    seps = []
    for m in _SEPARATOR_AFTER_STOP.finditer(text, start, end):
        if m.lastgroup == "blank":
            seps.append(m.span("blank"))
        elif m.lastgroup == "comma":
            seps.append(m.span("comma"))
        else:  # a capital glued to the stop: a seam if a lower-case letter is on either side
            at = m.end()
            k = at + 1 if text[at] in _OPENING else at
            if text[m.start() - 1 : m.start()].islower() or (k + 1 < end and text[k + 1].islower()):
                seps.append((at, at))
    in_order = len(seps)  # (the separators after stops come in order; the others are added)
    if text.find(".co", start, end) >= 0 or text.find(".CO", start, end) >= 0:
        seps += [(at, at) for at in _brands(text, start, end)]
    for m in _GLUE.finditer(text, start + 1, end):
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
    if len(seps) > in_order:
        seps.sort()
    seps.append((end, end))
    out = []
    pos = start
    for s, e in seps:
        a, b = pos, s
        while a < b and text[a] in _TRIMMED:
            a += 1
        while b > a and text[b - 1] in _TRIMMED:
            b -= 1
        if b > a:
            out.append((a, b))
        if e > pos:
            pos = e
    return out


#: What a segment is trimmed of at both ends: white space, commas and semicolons.
_TRIMMED = frozenset(",;" + "".join(filter(str.isspace, map(chr, range(0x10000)))))


def _chars(test) -> str:
    """The characters of the Basic Multilingual Plane `test` says yes to (`str.isupper` ...),
    for a character class. (All of Unicode would cost 0.1 s at import; the other planes'
    capitals and digits, mathematical letters and old scripts, do not open a segment.)"""
    return re.escape("".join(filter(test, map(chr, range(0x10000)))))


_UPPER = _chars(str.isupper)
# The separator after a sentence end, where a new segment starts: the blanks before a
# capital or a digit (maybe after an opening mark), a comma glued to what follows
# (".,Reporter"), or nothing before a capital glued to the stop ("dia.Baca"; a seam only
# with a lower-case letter on one side, checked by `segments`).
_SEPARATOR_AFTER_STOP = re.compile(
    r"[.!?…][\"”’)\]]*+"
    rf"(?:(?P<blank>\s+)(?=[{re.escape(_OPENING)}]?[{_UPPER}{_chars(str.isdigit)}])"
    r"|(?P<comma>,)(?=\S)"
    rf"|(?P<glued>)(?=[{re.escape(_OPENING)}]?[{_UPPER}]))"
)


# A marker: related cue words, with or without a separator (`Baca juga:`, `BERITA TERKAIT -`,
# `Baca Juga Harga Naik`, `baca juga: ...`): the spellings of `headlines.MARKER`, lower case,
# and `Editor's Picks`. (Other words and a colon, `Artikel Pilihan:`, were learned too, from
# the headlines after them; a label before recurring values, `Lokasi: <venue>`, looked the
# same, and no evidence in a batch told them apart safely.)
_CUE_WORDS = (
    r"(?:(?:Baca|BACA|Lihat|LIHAT|Simak|SIMAK|baca|lihat|simak)[ \t\u00a0]*(?:[Jj]uga|JUGA)"
    r"|(?:Berita|Artikel|BERITA|ARTIKEL|berita|artikel)[ \t\u00a0]+"
    r"(?:[Tt]erkait|TERKAIT|[Ll]ainnya|LAINNYA)"
    r"|Jangan[ \t\u00a0]+[Ll]ewatkan|JANGAN[ \t\u00a0]+LEWATKAN"
    r"|Pilihan[ \t\u00a0]+(?:Editor|Redaksi)|PILIHAN[ \t\u00a0]+(?:EDITOR|REDAKSI)"
    r"|Editor's[ \t\u00a0]+[Pp]icks?|EDITOR'S[ \t\u00a0]+PICKS?)"
)
_CUE_MARKER = re.compile(_CUE_WORDS + r"(?![\w])(?:[ \t\u00a0]*[:|\-–—])?")
_CUE_END = re.compile(_CUE_WORDS + r"[ \t\u00a0]*[:|\-–—]?[ \t\u00a0]*\Z")
_SEPARATOR = ":|-–— \t\u00a0"


def cue_words(marker: str) -> str:
    """A marker's cue words, without its separator: `Baca juga :` -> `Baca juga`."""
    return marker.rstrip(_SEPARATOR)


def _separated(marker: str) -> bool:
    """The marker ends with a separator (`Baca juga:`, `BERITA TERKAIT -`)."""
    return cue_words(marker) != marker.rstrip()


_STOPS = '.!?,;)]”"’'


def ends_with_cue(raw: str) -> bool:
    """A piece whose last words are related cue words (`Continue reading Editor's Picks`)."""
    # (most pieces do not end with a cue's second word: told without the pattern's scan)
    if not raw.rstrip(_SEPARATOR)[-8:].lower().endswith(_CUE_LAST):
        return False
    return _CUE_END.search(raw, max(0, len(raw) - 48)) is not None


def opens_sentence(raw: str, examples: list[tuple[str, str, str]]) -> bool:
    """A piece that starts with related cue words and no separator (`Lihat juga Pasal 4`),
    after a stop and a blank inside a paragraph in most of its `examples`: where `markers`
    does not count cue words, because a sentence of the story may open with them."""
    m = _CUE_MARKER.match(raw)
    if m is None or _separated(m.group()):
        return False
    inside = sum(
        1 for before, _, _ in examples
        if before[-1:] in " \t\u00a0" and not _unit_start(before + raw, len(before))
    )  # fmt: skip
    return inside * 2 > len(examples)


def marker_key(raw: str) -> str:
    """What a marker is counted under: its cue words in any case, with any separator or none.

    >>> marker_key("BACA JUGA :"), marker_key("Baca juga"), marker_key("baca juga -")
    ('baca juga', 'baca juga', 'baca juga')
    """
    return " ".join(cue_words(raw).split()).casefold()


def markers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each marker in `text`: related cue words where they open a link.

    - With a separator (`Baca juga:`, `BERITA TERKAIT -`, `baca juga:` in lower case): where
      no letter, digit or opening quotation mark (maybe and blanks) comes right before them,
      or glued to a lower-case word when capitalised (`siniBaca juga:`).
    - Without one (`Baca Juga Harga Naik`), capitalised: at the start of a line or unit, or
      glued to the word or stop before them, the seam of glued text (`kata dia.Baca Juga
      Harga Naik`); not after a stop and a blank, a bracket or a dash, where a sentence of
      the story may open with the words (`Lihat juga Pasal 4 ...`).

    A headline must follow: a capital or a digit, or the end of the line.

    >>> text = "Isi.\\nBaca juga: Naik\\nIa membaca juga Buku. Lihat juga Pasal 4.\\nX.Simak Juga X"
    >>> [text[s:e] for s, e in markers(text)]
    ['Baca juga:', 'Simak Juga']
    >>> text = "BERITA TERKAIT -\\n“ Baca juga: Pasal 12B ,” kata dia.\\nbaca juga Buku itu."
    >>> [text[s:e] for s, e in markers(text)]
    ['BERITA TERKAIT -']
    >>> text = "Isi.\\nJangan      Lewatkan   : Harga Naik"
    >>> [text[s:e] for s, e in markers(text)]
    ['Jangan      Lewatkan   :']
    """
    found = []
    for m in _cue_markers(text):
        start, end = m.span()
        separator = _separated(m.group())
        before = text[start - 1] if start else ""
        if separator:
            if before.isalnum() or before == "_":
                if not (before.islower() and text[start].isupper()):
                    continue  # inside a word (`membaca juga:`)
            else:
                at = start - 1
                while at >= 0 and text[at] in " \t\u00a0":
                    at -= 1
                if at >= 0 and text[at] in "“\"‘'":
                    continue  # in a quotation
        elif not text[start].isupper():
            continue  # `baca juga` in lower case is a link only with its separator
        elif not _unit_start(text, start) and not (before.islower() or before in _STOPS):
            continue  # after a blank (or a bracket, a dash) in a paragraph: maybe the story
        at = end
        while at < len(text) and text[at] in " \t\u00a0":
            at += 1
        nxt = text[at + 1 : at + 2] if text[at : at + 1] in "\"“‘'" else text[at : at + 1]
        if nxt in ("", "\n", "\r") or nxt.isupper() or nxt.isdigit():  # a headline follows
            found.append((start, end))
    return found


def _unit_start(text: str, start: int) -> bool:
    """`start` opens a line, or a unit after a run of two or more blanks."""
    at = start - 1
    while at >= 0 and text[at] in " \t\u00a0":
        at -= 1
    return at < 0 or text[at] in "\n\r" or start - at > 2


#: The second word of each related cue, lower-cased, and the first words it may follow:
#: found with `str.find`, then the cue read around it where a first word comes right before
#: (a scan with the pattern costs ten times more: its first letters are common ones; and
#: `juga` is a common word). `Editor's Picks` is found at `pick`.
_CUE_SECOND = {
    "juga": ("baca", "lihat", "simak"),
    "terkait": ("berita", "artikel"),
    "lainnya": ("berita", "artikel"),
    "lewatkan": ("jangan",),
    "editor": ("pilihan",),
    "redaksi": ("pilihan",),
    "pick": ("editor's",),
}
_CUE_REACH = 40  # characters around the second word where the rest of the cue may be
#: The last word of every related cue, lower-cased (`ends_with_cue`).
_CUE_LAST = (*_CUE_SECOND, "picks")


def _cue_markers(text: str) -> list[re.Match]:
    """The matches of `_CUE_MARKER` in `text`, in order."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: offsets would shift
        return list(_CUE_MARKER.finditer(text))
    found: dict[int, re.Match] = {}
    for word, firsts in _CUE_SECOND.items():
        at = low.find(word)
        while at >= 0:
            before = at
            while before > 0 and low[before - 1] in " \t\u00a0":
                before -= 1
            if not low.endswith(firsts, max(0, before - 8), before):
                at = low.find(word, at + len(word))
                continue
            lo, hi = max(0, at - _CUE_REACH), at + len(word) + _CUE_REACH
            for m in _CUE_MARKER.finditer(text, lo, hi):
                if m.start() <= at < m.end():
                    found[m.start()] = m
                    break
            at = low.find(word, at + len(word))
    return [found[start] for start in sorted(found)]
