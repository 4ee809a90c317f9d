"""A lead-in that the story repeats: a highlighted quote scraped before the dateline.

Some pages print a quote from the story above it, and scrapers glue that copy to the lead:
`Ada tren pekerja ... perhatian kita bersama.....Jakarta (ANTARA) - Plt. Kepala BPS ...`, with
the same quote, attributed, further down. The copy before the dateline is the duplicate: the
story keeps the attributed one. Only text before a dateline in the first unit, only when its
opening words come again later, so no sentence is lost.

>>> quote = "Ada tren pekerja di sektor pertanian cenderung menua dan ini perhatian kita."
>>> text = quote + "Jakarta (ANTARA) - Kepala BPS berkata, " + quote.lower() + " Itu katanya."
>>> start, end = repeated_lead_in(text, 0, len(text))
>>> text[start:end] == quote
True
"""

from __future__ import annotations

import re

#: A dateline glued after other text (`...bersama.Jakarta (ANTARA) - `, `...KOMPAS.com - `),
#: or after a stop or a comma and a blank (`...bersama..... Jakarta (ANTARA) - `).
_DATELINE = re.compile(
    r"(?=[A-Z])(?:(?<=[\w.,!?\"”’)])|(?<=[.,!?\"”’)][ \t]))"
    r"(?:[A-Z][a-z]+(?:,?[ \t][A-Z][a-z]+){0,2}[ \t]*\([A-Z][A-Za-z]+\)"
    r"|[A-Z][\w-]*\.(?:COM|CO\.ID|CO|com|co\.id|co)(?:[ \t]*,[ \t]*[A-Z][A-Za-z]+)?)"
    r"[ \t]*[-–—]{1,2}[ \t]"
)
#: The lead-in must have this many words, and its first this many must come again.
MIN_WORDS = 8
#: How far into the first unit the dateline may sit.
REACH = 600


def repeated_lead_in(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the lead-in before a dateline in text[start:end] (the first unit) when
    the story repeats its opening words later; else None."""
    m = _DATELINE.search(text, start + 20, min(end, start + REACH))
    if m is None:
        return None
    words = _words(text[start : m.start()])
    if len(words) < MIN_WORDS:
        return None
    later = " ".join(_words(text[m.end() :]))
    if " ".join(words[:MIN_WORDS]) not in later:
        return None
    return start, m.start()


def _words(piece: str) -> list[str]:
    return re.findall(r"\w+", piece.lower())
