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
from dataclasses import dataclass

# A separator: a line break with the blanks around it, or two or more horizontal blanks.
_SEPARATOR = re.compile(r"[ \t\u00a0\u3000]*(?:\r?\n|\r)[\s\u00a0]*|[ \t\u00a0\u3000]{2,}")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\Z")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Unit:
    start: int
    end: int


def units(text: str) -> list[Unit]:
    """The non-blank units of `text`, in order, without their surrounding white space."""
    found: list[Unit] = []
    pos = 0
    for sep in _SEPARATOR.finditer(text):
        _add(text, pos, sep.start(), found)
        pos = sep.end()
    _add(text, pos, len(text), found)
    return found


def _add(text: str, start: int, end: int, found: list[Unit]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        found.append(Unit(start, end))


def is_body_like(text: str) -> bool:
    """A unit that reads as a paragraph of the story: a full sentence of eight words or more."""
    return bool(_SENTENCE_END.search(text)) and len(_WORD.findall(text)) >= 8


def head_end(text: str, parts: list[Unit]) -> int:
    """Offset where the head zone ends: the start of the first body-like unit."""
    for u in parts:
        if is_body_like(text[u.start : u.end]):
            return u.start
    return len(text)  # no story paragraph at all: every unit is above the story
