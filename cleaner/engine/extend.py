"""Matches that grow past their pattern: a marker's regex finds `Baca juga:`, code decides how
far the linked headline runs (`headline`; `title`: one, never a list, as a syndication
notice's), which lines under a marker are its headlines (`headline-lines`), and which lines
under `Daftar Isi` are a table of contents (`repeats`).

Where the pattern can say it, it should; these are the decisions a regex makes badly.

>>> from cleaner.engine.layout import units
>>> text = "Daftar Isi\\nSatu\\nDua\\nIsi berita ini ditulis dengan rapi sekali.\\nSatu\\nDua"
>>> end = repeated_lines_end(text, units(text), len("Daftar Isi"))
>>> text[:end]
'Daftar Isi\\nSatu\\nDua'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .headline import MAX_LEN, NO_HEADLINES, NOT_A_HEADLINE, Known, headline_end
from .headline_words import CUE, FUNCTION, SENTENCE_ADVERBS, SENTENCE_INSIDE
from .layout import Unit

#: A full stop inside a line: a headline has none (a story paragraph does).
_FULL_STOP_INSIDE = re.compile(r"[^\W\d_]{2}\.[\"”’)]*\s+\S")
#: The opening of a story sentence: a word that only ever starts one, or a linking phrase,
#: then a comma (`Namun, ...`, `Sementara itu, ...`, `Selain itu, ...`); no headline opens so.
_SENTENCE_OPENING = re.compile(
    rf"(?:(?:{'|'.join(sorted(SENTENCE_ADVERBS))})(?:\s+(?:itu|ini))?"
    r"|Selain itu|Oleh karena itu|Oleh sebab itu|Meski(?:pun)? (?:begitu|demikian)"
    r"|Dengan demikian|Di sisi lain|Untuk itu|Karena itu),"
)
#: What opens an item of a list: a bullet and a blank.
_BULLETS = ("- ", "• ", "* ", "– ", "-\t", "•\t", "*\t")
#: A table of contents lists at most this many sub-headings.
TOC_MAX = 30


def extended_end(
    how: str, text: str, start: int, end: int, parts: Sequence[Unit], known: Known = NO_HEADLINES
) -> int | None:
    """Where a match of a rule that extends (`Rule.extend`) really ends: `end` itself when
    nothing reads as the extension (the marker alone goes), None when the words after the
    marker show it is no marker at all (`Tonton: begitu tulisan di layar ...`)."""
    if how in ("headline", "title"):  # (a title: one, never a list of them)
        found, why = headline_end(
            text, _skip_blanks(text, end), marker=start, known=known, single=how == "title"
        )
        if why == NOT_A_HEADLINE:
            return None
    elif how == "headline-lines":
        found = headline_lines_end(text, parts, end, known)
    else:
        found = repeated_lines_end(text, parts, end)
    if found is None or found < end:  # the marker alone: not the quote that opens the story
        while end > start + 1 and text[end - 1] in _OPENING:  # (`Lihat juga: "Kami ...`)
            end -= 1
        return end
    return found


#: What a marker's pattern may take after its colon that opens what follows it: quotes, and
#: the blanks between them.
_OPENING = "\"“‘'\u201e \t\u00a0"


def _skip_blanks(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0\u202f":
        pos += 1
    return pos


def repeated_lines_end(text: str, parts: Sequence[Unit], after: int) -> int | None:
    """The end of the run of short lines after `after` that each come again further down, as
    a table of contents lists the sub-headings that follow it; None if the first does not."""
    following = [u for u in parts if u.start >= after]
    later: dict[str, int] = {}  # a line's text -> how many times it occurs from here on
    for u in following:
        key = " ".join(text[u.start : u.end].split())
        later[key] = later.get(key, 0) + 1
    taken = None
    for u in following[:TOC_MAX]:
        key = " ".join(text[u.start : u.end].split())
        if len(key) > 160 or later.get(key, 0) < 2:
            break
        later[key] -= 1
        taken = u.end
    return taken


def headline_lines_end(
    text: str, parts: list[tuple[int, int]], after: int, known: Known = NO_HEADLINES
) -> int | None:
    """A marker on a line of its own (`Baca juga:`), then the headlines on the lines under it:
    the end of the last of them, or None when the next line is no headline.

    The first line goes if it reads as a headline; a further one too, unless it is the last
    before the story and reads more like the story's own sub-heading (fewer than five words,
    or a question): when in doubt it stays.

    >>> text = "Baca juga:\\nHarga Emas Naik\\nRupiah Melemah Lagi\\nHarga emas naik, kata dia."
    >>> from cleaner.engine.layout import units
    >>> end = headline_lines_end(text, units(text), text.index(":") + 1)
    >>> text[:end]
    'Baca juga:\\nHarga Emas Naik'
    """
    following = [(s, e) for s, e in parts if s >= after]
    taken = None
    for k, (s, e) in enumerate(following[:6]):
        line = text[s:e]
        if not _headline_like(line, known, first=k == 0):
            break
        nxt = following[k + 1] if k + 1 < len(following) else None
        last = nxt is not None and not _headline_like(text[nxt[0] : nxt[1]], known, first=False)
        # the last one before the story, after another: a headline, or the story's
        # sub-heading? Sub-headings are short, or questions; a headline is a few words longer.
        # An item of a list is none (`- Harga Naik`, `• Harga Naik`, `* Harga Naik`).
        subheading = not line.startswith(_BULLETS) and (len(line.split()) < 5 or line.endswith("?"))
        if k > 0 and last and known.end(line, 0) is None and subheading:
            break
        taken = e
    return taken


def _headline_like(line: str, known: Known, first: bool = True) -> bool:
    """A line that reads as a related headline: short, no sentence inside or at its end, not
    opening as a story sentence does (`Namun, ...`); after the first line under a marker, in
    Title Case too (a story paragraph that the scraper broke at a link reads like a headline
    otherwise)."""
    if known and (end := known.end(line, 0)) is not None and len(line) - end < 3:
        return True
    words = line.split()
    if not (
        2 <= len(words) <= 25
        and len(line) <= MAX_LEN
        and not line.rstrip("\"”’'").endswith((".", ":", ","))
        and (line[:1].isupper() or line[:1].isdigit() or line[:1] in "\"“‘'•-–*")
        and not CUE.match(line)
        and not _SENTENCE_OPENING.match(line)
        and not SENTENCE_INSIDE.search(line)
        and not _FULL_STOP_INSIDE.search(line)
    ):
        return False
    if first:
        return True
    content = [w for w in words if w[:1].isalpha() and w.lower() not in FUNCTION]
    return bool(content) and sum(w[:1].isupper() for w in content) / len(content) >= 0.6
