"""Repeated token sequences: boilerplate glued where no line or sentence end marks it.

A document is read as tokens (words, numbers as one placeholder, punctuation marks; a word
glued to a capitalised one is two: `siniPewarta` is `sini`, `Pewarta`), so glued,
comma-joined and word-tokenised text look alike. Every run of `n` tokens (an n-gram) is
counted once per document in a table of hashes with a hard cap. Where a document's n-grams
were seen in an earlier document, they form *runs*: stretches of tokens whose every n-gram
recurs, cut at unit breaks. A run is a candidate piece; `finish` trims it to its *core*, the
longest stretch whose n-grams are each in enough documents (a maximal repeat at the
learning threshold), so the story words that happened to sit next to it fall away.

>>> grams = Grams()
>>> docs = ["Ya. Satu dua tiga empat lima enam tujuh", "Nol. Satu dua tiga empat lima enam",
...         "Nah, satu dua tiga empat lima enam tujuh", "Oh. Satu dua tiga empat lima enam tujuh"]
>>> for doc in docs:
...     found = text_runs(doc, 6, grams)
>>> [doc[s:e] for s, e in found]
['Satu dua tiga empat lima enam tujuh']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress

from .normalising import DATE_WORDS

# A token: a word (split where a lower-case letter meets a capital, the seam of glued text),
# a number, or a punctuation mark. Plain `re`: this scans every character of every document.
_WORD = r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[^\W\d_]+|\d+|[^\w\s]|_"
_TOKEN = re.compile(_WORD)
_SPACED_TOKEN = re.compile(rf"\s*(?:{_WORD})")  # with the white space before it: offsets
# Numbers count as one token "0", the day and month names of dates as one token "Qq": a
# word in any text (a lower-case letter after the capital keeps it one token wherever it
# is glued), so the tokens of a text and of its placeholder copy are the same in number.
DATE = "Qq"
NUMBER = "0"
_DATE_TOKENS = dict.fromkeys(DATE_WORDS, DATE)
#: Tokens a run does not start with (they end the sentence before it) ...
LEADING = frozenset(".,;:)]}”’\"'!?|/»•-–—")
#: ... or end with (they open what follows it).
TRAILING = frozenset("([{“‘\"'|/,;«•-–—")
#: A document's n-grams beyond this many are not counted (the middle of a huge document):
#: boilerplate sits at its edges, and one document may not fill the table.
MAX_GRAMS = 20_000
#: Of a longer text only this many characters at each end are read as tokens at all.
EDGE_CHARS = 100_000


def tokens(text: str) -> tuple[list[str], list[int]]:
    """The tokens of `text` (numbers as "0", date words as "Qq") and where each ends.

    >>> tokens("kata dia.Baca JugaBerita Senin 2025")
    (['kata', 'dia', '.', 'Baca', 'Juga', 'Berita', 'Qq', '0'], [4, 8, 9, 13, 18, 24, 30, 35])
    >>> tokens("Desa, Jum'at 5 Mei")[0]  # (`Des` of Desember is a date word, `Desa` is not)
    ['Desa', ',', 'Qq', "'", 'at', '0', 'Qq']
    """
    parts = _SPACED_TOKEN.findall(text)
    ends = list(accumulate(map(len, parts)))
    # a number is a token of its own (its digits are no other token's), so is a date word
    return [
        NUMBER if w.isdecimal() else _DATE_TOKENS.get(w, w) for w in map(str.lstrip, parts)
    ], ends


def spaced(text: str) -> str:
    """The tokens of `text` (numbers as they are) with one blank between each two.

    >>> spaced("[Gambas:Video CNN]"), spaced("siniPewarta: 12")
    ('[ Gambas : Video CNN ]', 'sini Pewarta : 12')
    """
    return " ".join(_TOKEN.findall(text))


def gram_hashes(words: list[str], n: int) -> list[int]:
    """The hash of every run of `n` tokens, in order (valid within one process)."""
    return list(map(hash, zip(*(words[i:] for i in range(n)), strict=False)))


class Grams:
    """Document counts of n-gram hashes in bounded memory.

    Hashes seen in one document are kept in a set, the others in a dict of counts; `add`
    returns what a document shares with earlier ones. `prune()` drops the hashes seen once
    (or, if most are counted, subtracts the median count, Misra-Gries style), so a count is a
    lower bound, low by at most `count_error`.
    """

    def __init__(self) -> None:
        self.once: set[int] = set()
        self.counts: dict[int, int] = {}
        self.count_error = 0

    def __len__(self) -> int:
        return len(self.once) + len(self.counts)

    def count(self, h: int) -> int:
        return self.counts.get(h) or (1 if h in self.once else 0)

    def add(self, hashes: list[int]) -> tuple[set[int], set[int]]:
        """Count one document's n-grams (each once, however often it comes; 0 is the gap in
        a huge document, never counted); returns the ones an earlier document had, and the
        ones two earlier documents had (a pair of articles shares phrases by chance far
        more often than three do)."""
        once, counts = self.once, self.counts
        again = once.intersection(hashes)
        more = counts.keys() & hashes
        # once - again + (hashes - again - more), without a set of the document's own
        # (`more` is never in `once`)
        once.update(hashes)
        once -= again
        once -= more
        once.discard(0)
        counts.update(dict.fromkeys(again, 2))
        counts.update(zip(more, map((1).__add__, map(counts.__getitem__, more)), strict=True))
        return again | more, more

    def read(self, text: str, n: int, limit: int = MAX_GRAMS) -> DocGrams:
        """Tokenise and count one document. Of a document with more than `limit` n-grams,
        only the first and last `limit // 2` are counted (boilerplate sits at the edges), and
        only EDGE_CHARS characters at each end of it are read as tokens."""
        if len(text) <= 2 * EDGE_CHARS:
            words, ends = tokens(text)
            hashes = gram_hashes(words, n)
        else:  # a huge document: its two ends, no n-gram across the gap (memory stays small)
            words, ends = tokens(text[:EDGE_CHARS])
            cut = len(text) - EDGE_CHARS
            tail, tail_ends = tokens(text[cut:])
            hashes = [*gram_hashes(words, n), *[0] * (n - 1), *gram_hashes(tail, n)]
            words += tail
            ends += [cut + end for end in tail_ends]
        if len(hashes) > limit:
            half = limit // 2
            hashes = hashes[:half] + [0] * (len(hashes) - 2 * half) + hashes[-half:]
        seen, more = self.add(hashes)
        return DocGrams(words, ends, hashes, seen, more, n)

    def prune(self) -> int:
        """Free at least half of the table; returns how many entries went."""
        before = len(self)
        if len(self.once) * 2 >= before:
            self.once.clear()
            self.count_error += 1
        else:
            values = sorted(self.counts.values())
            cut = values[len(values) // 2]
            self.counts = {h: c - cut for h, c in self.counts.items() if c > cut}
            self.once.clear()
            self.count_error += cut
        return before - len(self)


@dataclass(slots=True)
class DocGrams:
    """One document's tokens (`ends`: where each ends), its n-grams, and which of them one
    (`seen`) or two (`more`) earlier documents had."""

    words: list[str]
    ends: list[int]
    hashes: list[int]
    seen: set[int]
    more: set[int]
    n: int

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """The tokens of text[start:end], as a range of token indices."""
        return bisect_right(self.ends, start), bisect_left(self.ends, end) + 1

    def novelty(self, start: int, end: int) -> tuple[bool, bool]:
        """(fresh, partly new) of text[start:end], in one look-up: it has n tokens or more and
        no earlier document had any of its n-grams (no repeat of anything seen: most story
        sentences); it has n tokens or more and some of its n-grams no earlier document had
        (no repeat of a whole piece). (False, False) if it is too short to tell."""
        a, b = self.tokens(start, end)
        if b - a < self.n:
            return False, False
        grams = self.hashes[a : b - self.n + 1]
        if self.seen.isdisjoint(grams):
            return True, True
        return False, not self.seen.issuperset(grams)

    def known(self, start: int, end: int) -> bool:
        """text[start:end] has n tokens or more and earlier documents had all its n-grams."""
        a, b = self.tokens(start, end)
        return b - a >= self.n and self.seen.issuperset(self.hashes[a : b - self.n + 1])

    def runs(self, text: str, breaks: list[int]) -> list[tuple[int, int]]:
        """(start, end) of each run of tokens whose n-grams two earlier documents had, cut
        at `breaks` (offsets of unit separators, ascending)."""
        hashes, more, n = self.hashes, self.more, self.n
        found: list[tuple[int, int]] = []
        if not more:
            return found
        first = last = -2
        for i in compress(range(len(hashes)), map(more.__contains__, hashes)):
            if i != last + 1:
                if first >= 0:
                    found += _cut(text, self.words, self.ends, first, last + n, breaks)
                first = i
            last = i
        found += _cut(text, self.words, self.ends, first, last + n, breaks)
        return found


def trim(words: list[str], a: int, b: int) -> tuple[int, int]:
    """Tokens a..b-1 without their fringe: a piece starts with a word (or a bracket that
    opens one), not with the stop of the sentence before it, a number or a date (numbers
    and date words are one placeholder, so a date in brackets recurs like boilerplate); and
    it does not end with a mark that opens what follows.

    >>> words = "( 0 / 0 ) . Baca juga : (".split()
    >>> words[slice(*trim(words, 0, len(words)))]
    ['Baca', 'juga', ':']
    """
    while a < b and (
        words[a] in LEADING
        or words[a] in (NUMBER, DATE)
        or (words[a] in "([" and (a + 1 == b or words[a + 1] in (NUMBER, DATE)))
    ):
        a += 1
    while b > a and words[b - 1] in TRAILING:
        b -= 1
    return a, b


def _cut(text, words, ends, a: int, b: int, breaks: list[int]) -> list[tuple[int, int]]:
    """Tokens a..b-1 as (start, end) stretches of text, one per unit they touch."""
    a, b = trim(words, a, b)
    if a >= b:
        return []
    start, end = token_start(text, words, ends, a), ends[b - 1]
    out, pos = [], start
    for at in breaks:
        if pos < at < end:
            if text[pos:at].strip():
                out.append(_trim(text, pos, at))
            pos = at
    if text[pos:end].strip():
        out.append(_trim(text, pos, end))
    return out


def token_start(text: str, words: list[str], ends: list[int], i: int) -> int:
    """Where token i starts (a number's placeholder is shorter than the number)."""
    start = ends[i] - len(words[i])
    if words[i] == NUMBER:
        while start > 0 and text[start - 1].isdigit():
            start -= 1
    return start


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def text_runs(text: str, n: int, grams: Grams) -> list[tuple[int, int]]:
    """The runs of a text with no unit breaks, counting into `grams` (for examples)."""
    return grams.read(text, n).runs(text, [])
