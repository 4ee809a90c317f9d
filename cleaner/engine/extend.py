"""Matches that grow past their pattern: a marker's regex finds `Baca juga:`, code decides how
far the linked headline runs (`headline`), which lines under a marker are its headlines
(`headline-lines`), and which lines under `Daftar Isi` are a table of contents (`repeats`).

Where the pattern can say it, it should; these are the decisions a regex makes badly.

>>> from cleaner.engine.layout import units
>>> text = "Daftar Isi\\nSatu\\nDua\\nIsi berita ini ditulis dengan rapi sekali.\\nSatu\\nDua"
>>> end = repeated_lines_end(text, units(text), len("Daftar Isi"))
>>> text[:end]
'Daftar Isi\\nSatu\\nDua'
"""

from __future__ import annotations

from collections.abc import Sequence

from .headline import NO_HEADLINES, NOT_A_HEADLINE, Known, headline_end, headline_lines_end
from .layout import Unit

#: A table of contents lists at most this many sub-headings.
TOC_MAX = 30


def extended_end(
    how: str, text: str, start: int, end: int, parts: Sequence[Unit], known: Known = NO_HEADLINES
) -> int | None:
    """Where a match of a rule that extends (`Rule.extend`) really ends: `end` itself when
    nothing reads as the extension (the marker alone goes), None when the words after the
    marker show it is no marker at all (`Tonton: begitu tulisan di layar ...`)."""
    if how == "headline":
        found, why = headline_end(text, _skip_blanks(text, end), marker=start, known=known)
        if why == NOT_A_HEADLINE:
            return None
    elif how == "headline-lines":
        found = headline_lines_end(text, parts, end, known)
    else:
        found = repeated_lines_end(text, parts, end)
    return end if found is None or found < end else found


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
