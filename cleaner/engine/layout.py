"""Split scraped text into units: the paragraphs a scraper kept apart.

Scrapers separate paragraphs with line breaks, with runs of spaces (`"kata dia.   Baca juga"`),
or not at all. A unit is a maximal stretch between separators: a newline, or two or more
spaces/tabs. Line-scope rules must match a whole unit; span-scope rules search inside units.

>>> text = "Judul\\n\\nBadan kalimat.   Baca juga: X"
>>> [text[u.start : u.end] for u in units(text)]
['Judul', 'Badan kalimat.', 'Baca juga: X']
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Two or more blanks inside a line also separate units ("kata dia.   Baca juga: ...").
_BLANKS = re.compile(r"[ \t\u00a0\u3000]{2,}")
_BREAK = re.compile(r"\r\n?|\n")
#: What separates two units, with the blanks around it: for splitting a stretch of text
#: (an example's context) the way `units` parts a document.
UNIT_BREAK = re.compile(rf"[ \t\u00a0\u3000]*(?:{_BREAK.pattern})\s*|{_BLANKS.pattern}")
_QUOTES = "\"'”’"
_CLOSERS = _QUOTES + ")]"  # may follow a sentence's full stop
# Eight words or more, read from the start only: linear even on a 10 MB unit without a blank.
_EIGHT_WORDS = re.compile(r"\s*(?:\S+\s+){7}\S")


class Zones(NamedTuple):
    """Where the story starts (`head`: the head zone is before it) and where the tail zone
    starts (`tail`), as offsets into one text."""

    head: int
    tail: int

    def allows(self, zone: str, start: int) -> bool:
        """Whether a rule of this zone may remove something that starts at `start`."""
        return zone in zones_at(start < self.head, start >= self.tail)


def zones_at(in_head: bool, in_tail: bool) -> frozenset[str]:
    """The zones whose rules may remove what starts in the head zone (`in_head`), in the tail
    zone (`in_tail`), in both or in neither (the story's middle: rules of any zone only)."""
    return _ZONES_AT[in_head, in_tail]


_ZONES_AT = {
    (in_head, in_tail): frozenset(
        ["any", *(("head", "edge") if in_head else ()), *(("tail", "edge") if in_tail else ())]
    )
    for in_head in (False, True)
    for in_tail in (False, True)
}


class Unit(NamedTuple):
    """A unit's text is `text[start:end]`; it never starts or ends with white space."""

    start: int
    end: int


def units(text: str) -> list[Unit]:
    """The non-blank units of `text`, in order, without their surrounding white space."""
    # Plain string operations: this runs on every document, and a regex scan for separators
    # costs ten times more than splitting on line breaks and looking for blanks per line.
    found: list[Unit] = []
    append = found.append
    # Whole-text checks first: most texts have no tabs or wide blanks, many no double space.
    wide = "\t" in text or "\u00a0" in text or "\u3000" in text
    double = "  " in text
    for pos, end in _lines(text):
        line = text[pos:end]
        if wide and ("\t" in line or "\u00a0" in line or "\u3000" in line):
            start = pos
            for sep in _BLANKS.finditer(text, pos, end):
                _add(text, start, sep.start(), append)
                start = sep.end()
            _add(text, start, end, append)
        elif double and "  " in line:  # runs of plain spaces only: str.find beats a regex scan
            start, at = 0, line.find("  ")
            while at >= 0:
                _add(text, pos + start, pos + at, append)
                start = at + 2
                while start < len(line) and line[start] == " ":
                    start += 1
                at = line.find("  ", start)
            _add(text, pos + start, end, append)
        else:  # the common case, inlined: one unit per line
            stripped = line.strip()
            if stripped:
                start = pos + len(line) - len(line.lstrip())
                append(Unit(start, start + len(stripped)))
    return found


def _lines(text: str):
    """(start, end) of each line; a line break is \\n, \\r\\n or a lone \\r."""
    if "\r" in text:  # rare: old Mac line ends or stray carriage returns
        pos = 0
        for m in _BREAK.finditer(text):
            yield pos, m.start()
            pos = m.end()
        yield pos, len(text)
        return
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def _add(text: str, start: int, end: int, append) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        append(Unit(start, start + len(stripped)))


def glued_tail(text: str, parts: list[Unit], at: int) -> list[Unit]:
    """What is glued after the story's last sentence inside its unit, from `at` (where the
    tail zone starts) to the unit's end (`... kata dia. Advertisement`), for the line rules
    to read as they would a line of its own: the whole of it, then what follows each of its
    own sentence ends (`Hotel Best Western di Kuta. (FOTO: ANTARA)`, `(FOTO: ANTARA)`), at
    most GLUED_PIECES of them, then the bracket that opens it if more follows (`(mer)` of
    `(mer) Kumpulan Artikel Buleleng`). Nothing when the tail zone starts at a unit's start
    (or not at all), or when it reads as prose (eight words or more, half of them in lower
    case: the story's last sentence without its stop).

    >>> text = "Harga naik lagi pada Senin, kata dia. Hotel di Kuta. (ant/xyz)\\nBerita lain"
    >>> [text[u.start : u.end] for u in glued_tail(text, units(text), 37)]
    ['Hotel di Kuta. (ant/xyz)', '(ant/xyz)']
    >>> last = "Stok beras di gudang masih cukup sampai Lebaran, ujarnya"
    >>> text = "Harga naik lagi pada Senin, kata dia. " + last
    >>> glued_tail(text, units(text), 37)
    []
    """
    for u in reversed(parts):  # (the tail zone is at the end: a unit or two from it)
        if u.end <= at:
            break
        if u.start < at:
            words = text[at : u.end].split()
            if len(words) >= 8 and sum(w[0].islower() for w in words) * 2 >= len(words):
                return []
            pieces: list[Unit] = []
            _add(text, at, u.end, pieces.append)
            for mark in _MARK.finditer(text, pieces[0].start if pieces else u.end, u.end):
                if len(pieces) >= GLUED_PIECES:
                    break
                if (end := _sentence_end(text, mark.start())) is not None:
                    _add(text, end, u.end, pieces.append)
            if pieces and text[pieces[0].start] in "([":
                # a bracket that opens it and what else is glued after it, each on its own:
                # `(mer) Kumpulan Artikel Buleleng`, `(pur/aff) jepang vs indonesia ...`
                close = _CLOSE.search(text, pieces[0].start, pieces[0].end)
                if close is not None and not _goes_on(text[close.end() : pieces[0].end]):
                    _add(text, pieces[0].start, close.end(), pieces.append)
            return pieces
    return []


#: A bracket's close followed by a blank (what is glued after it is something else).
_CLOSE = re.compile(r"[)\]](?=\s)")


def _goes_on(rest: str) -> bool:
    """`rest`, after a bracket, is the rest of the sentence the bracket is an aside in: it
    goes on in lower case to a full stop (`gelar S.H. Int. (Sarjana Hukum Internasional)
    antara 1990 dan 1992.`; not `(pur/aff) jepang vs indonesia live streaming`)."""
    rest = rest.strip()
    i = _last_mark(rest)
    return rest[:1].islower() and i >= 0 and rest[i] in ".!?"


def glued_head(text: str, parts: list[Unit], head: int) -> Unit | None:
    """What is glued before the dateline that opens the story's first paragraph (`Ahmad Faiz
    - detikNews | Senin, 12 Feb 2024 10:00 WIB JAKARTA, KOMPAS.com - ...`), for the line rules
    to read as they would a line of its own above the story. None if the paragraph opens
    with its dateline, or has none in its first DATELINE_REACH characters, or if a site's
    name without a city comes after a word in lower case (named in the middle of a sentence:
    `... menurut data Traveloka.com - "Kenaikan ...`).

    >>> text = "Editor: Ani Rahma JAKARTA, KOMPAS.com - Harga beras naik lagi pekan ini."
    >>> piece = glued_head(text, units(text), 0)
    >>> text[piece.start : piece.end]
    'Editor: Ani Rahma'
    """
    for u in parts:
        if u.start >= head:
            m = find_dateline(text, u.start, min(u.end, u.start + DATELINE_REACH))
            if m is None or m.start() == u.start:
                return None
            found: list[Unit] = []
            _add(text, u.start, m.start(), found.append)
            if not found:
                return None
            named = "," in m.group() or (m.group()[:1].isalpha() and "(" in m.group())
            if not named and text[found[0].start : found[0].end].split()[-1][:1].islower():
                return None  # mid-sentence: `... menurut data Traveloka.com - "Kenaikan ...`
            return found[0]
    return None


#: A dateline: a site's brand or an agency, with or without the city, and a dash (`JAKARTA,
#: KOMPAS.com -`, `TRIBUNNEWS.COM, JAKARTA -`, `Jakarta (ANTARA) -`, `Jakarta, CNN Indonesia
#: --`), after a blank or glued (below). Looked for in the first DATELINE_REACH characters
#: of the story. A city before the brand is in capitals or one word: a name glued before it
#: is the credit's (`Editor: Ani Rahma Jakarta, CNN Indonesia --`).
DATELINE = re.compile(
    # after a blank, or glued to what ends a credit, a tag or a link (`Nurmulia Rekso
    # PurnomoTRIBUNNEWS.COM`, `Editor: AdminSurabaya (ANTARA) -`, `Suara.comLiputan6.com,`,
    # `Baca Juga:BANDUNG, KOMPAS.com -`, `10:00 WIBJakarta (ANTARA) -`; not a desk's capitals:
    # `kumparanNEWS JAKARTA, KOMPAS.com -`)
    r"(?:(?<=[ \t\u200b\ufeff])"
    r"|(?<=[a-z0-9.:;,)\]\"”’*!?])(?=[A-Z][a-z]|[A-Z]{2,}[\w-]*\.|[A-Z]{2,},)"
    r"|(?<=[A-Z]{2})(?=[A-Z][a-z]))"
    r"(?:(?!(?:WIB|WITA|WIT|GMT|AM|PM)\b)"  # (a time's zone is no city)
    r"(?:[A-Z]{2,}(?:[ \t][A-Z]{2,}){0,2}|[A-Z][a-z]+)[ \t]?,[ \t]*)?"
    r"(?:(?![\w-]*[a-z][A-Z][\w-]*\.)[A-Za-z][\w-]*\.(?:com|COM|co\.id|CO\.ID|id|ID|co|CO)(?![\w.])"
    r"|(?:(?:[A-Z]{2,}(?:[ \t][A-Z]{2,}){0,2}|[A-Z][a-z]+)[ \t]*)?"
    r"\((?:ANTARA|Antara|AFP|Reuters|AP)\)"
    r"|CNN Indonesia)"
    r"(?:[ \t]*,[ \t]*[A-Z][A-Za-z .]{1,30}?)?[ \t]*[-–—]{1,2}[ \t]*(?=[A-Z\"“])"
)
DATELINE_REACH = 300
#: What every dateline holds: looked for first (a literal), the dateline only around it.
_BRAND = re.compile(r"\.(?:com|COM|co|CO|id|ID)(?![\w.])|\((?:ANTARA|Antara|AFP|Reuters|AP)\)|CNN")


def find_dateline(text: str, start: int, end: int) -> re.Match | None:
    """The first dateline (DATELINE) in text[start:end], or None."""
    for brand in _BRAND.finditer(text, start, end):
        m = DATELINE.search(text, max(start, brand.start() - 60), min(end, brand.end() + 60))
        if m is not None:
            return m
    return None


#: Of what is glued after the story's last sentence, this many pieces are offered to the
#: line rules at most (the whole, then what follows each sentence end in it).
GLUED_PIECES = 3


def _last_mark(text: str) -> int:
    """Where `text`'s last character but the closing quotes and brackets after it is (-1:
    none): a sentence's stop, if it ends with one."""
    i = len(text) - 1
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    return i


def is_body_like(text: str) -> bool:
    """A unit that reads as a paragraph of the story: a full sentence of eight words or more."""
    i = _last_mark(text)
    return i >= 0 and text[i] in ".!?" and _EIGHT_WORDS.match(text) is not None


_THREE_WORDS = re.compile(r"\s*(?:\S+\s+){2}\S")


def is_short_sentence(text: str) -> bool:
    """A unit that reads as a short paragraph of the story: three words or more, opening as a
    sentence does and ending with a full stop (a headline or a heading has none at its end),
    or with a question or exclamation mark in sentence case (a headline capitalises its
    words: `Mengapa Harga Beras Terus Naik?`).

    >>> is_short_sentence("Jalan itu kini ditutup total."), is_short_sentence("Harga Emas Naik")
    (True, False)
    >>> is_short_sentence("Warga diminta tetap waspada!"), is_short_sentence("Awas, Banjir Lagi!")
    (True, False)
    """
    i = _last_mark(text)
    if not (
        i > 0
        and text[i] in ".?!"
        and text[i - 1] != "."
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in _QUOTES)
        and _THREE_WORDS.match(text) is not None
    ):
        return False
    if text[i] == ".":
        return True
    words = [w for w in text[:i].split()[1:] if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 2 and sum(w[:1].islower() for w in words) * 2 >= len(words)


#: What a unit ends with that no sentence runs on from (a bracket: a code, a placeholder, an
#: aside), and what opens a unit that goes on with the sentence before it (the learner's
#: `logical_lines` joins such units back too).
_SENTENCE_STOPS = frozenset(".!?…:;)]")
RUNS_ON = frozenset(",.;:)]%")


def inside_sentence(text: str, parts: list[Unit], i: int, j: int | None = None) -> bool:
    """Units i to j (i alone by default) are a piece of a sentence the scraper broke at its
    links (`Menurut` / `Kebijakan Privasi` / `yang diperbarui itu, ...`): the unit before
    them ends with no stop and the unit after them goes on in lower case or with a comma. A
    rule does not remove them whole, whatever they read like on their own.

    >>> text = "Menurut\\nKebijakan Privasi\\nyang baru, data itu aman."
    >>> inside_sentence(text, units(text), 1)
    True
    >>> text = "Harga naik.\\nKebijakan Privasi\\nyang baru, data itu aman."
    >>> inside_sentence(text, units(text), 1)
    False
    """
    j = i if j is None else j
    if i == 0 or j + 1 >= len(parts) or text[parts[i].start] in "([":
        return False  # (a unit in brackets is an aside, a code or a placeholder: no link)
    before, after = parts[i - 1], parts[j + 1]
    k = before.end - 1
    while k > before.start and text[k] in _QUOTES:
        k -= 1
    if text[k] in _SENTENCE_STOPS:
        return False
    first = text[after.start]
    return first.islower() or first in RUNS_ON


def head_end(text: str, parts: list[Unit]) -> int:
    """Offset where the head zone ends: the start of the first body-like unit."""
    for u in parts:
        if is_body_like(text[u.start : u.end]):
            return u.start
    return len(text)  # no story paragraph at all: every unit is above the story


#: The tail zone is looked for in this many characters at the end of a text at most.
TAIL_REACH = 20_000


def tail_start(text: str, parts: list[Unit]) -> int:
    """Offset where the tail zone starts: after the last sentence of eight words or more (the
    first sentence of a unit counts from the unit's start). Credits, codes, tags and
    copyright lines sit there; the same text in the middle of a story is story text. No such
    sentence: no tail zone. In a text glued into one line, a short sentence or a stop inside
    debris after the story (`Foto: Dok. Istimewa`) does not end the story.

    >>> text = "Harga emas naik lagi pada perdagangan Senin pagi ini, kata dia.(ant/xyz)\\nemas"
    >>> text[tail_start(text, units(text)):]
    '(ant/xyz)\\nemas'
    >>> text = "Harga emas naik lagi pada perdagangan Senin pagi ini, kata dia. Foto: Dok. Istimewa"
    >>> text[tail_start(text, units(text)):]
    ' Foto: Dok. Istimewa'
    """
    for u in reversed(parts):
        if u.end < len(text) - TAIL_REACH:
            break  # boilerplate at the end of an article is not this long
        # sentence ends from the unit's end backwards: the last one usually wins (where each
        # mark was last seen: a mark absent from the unit is looked for once)
        marks = [text.rfind(c, u.start, u.end) for c in _MARKS]
        seen = False
        later = None  # the sentence end after the one looked at (its sentence: the words between)
        while (i := max(marks)) >= 0:
            k = marks.index(i)
            marks[k] = text.rfind(_MARKS[k], u.start, i)
            end = _sentence_end(text, i)
            if end is None:
                continue
            seen = True
            if later is not None:
                if _EIGHT_WORDS.match(text, end, later[0]):
                    return later[1]
                if not _EIGHT_WORDS.match(text, u.start, i):
                    break  # fewer than eight words before: no sentence of eight in the unit
            later = (i, end)
        if later is not None and _EIGHT_WORDS.match(text, u.start, later[0]):
            return later[1]
        if seen and u.end - u.start > 400:
            break  # a long unit with sentences but none after eight words: not worth going on
    return len(text)


_MARKS = ".!?…"


def two_long_sentences(text: str, start: int, end: int) -> bool:
    """text[start:end] holds two sentences of eight words or more: a story's paragraph (or a
    short one-line story), not a caption with its credit.

    >>> s = "Harga beras naik lagi pada pekan ini di pasar induk. "
    >>> two_long_sentences(s + "(Foto)", 0, len(s) + 6), two_long_sentences(s * 2, 0, 2 * len(s))
    (False, True)
    """
    count, prev = 0, start
    for mark in _MARK.finditer(text, start, end):
        stop = _sentence_end(text, mark.start())
        if stop is None:
            continue
        if _EIGHT_WORDS.match(text, prev, mark.start()):
            count += 1
            if count == 2:
                return True
        prev = stop
    return False


_MARK = re.compile(f"[{_MARKS}]")


def _sentence_end(text: str, i: int) -> int | None:
    """The end of the sentence whose final mark is text[i] (its closing quotes and brackets
    included), or None if the mark ends no sentence: a full stop in a number or after an
    initial, or a mark followed by more of the same word."""
    if text[i] == ".":
        if i < 2 or not text[i - 2 : i].isalpha():
            return None
    elif i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "%)]\"”’'"):
        return None
    end = i + 1
    while end < len(text) and text[end] in "\"”’')]":
        end += 1
    if end == len(text) or text[end].isspace() or text[end].isupper() or text[end] in "([":
        return end
    return None
