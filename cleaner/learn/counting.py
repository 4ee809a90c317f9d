"""Counting in bounded memory: the `Learner` of one site and the cap its batch shares.

Nothing of a document is kept but the counts of its normalised pieces (8-byte hashes in a
table with a hard cap, pruned Misra-Gries style) and a few examples of the pieces that recur.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from hashlib import blake2b

from ..engine import Cleaner
from ..engine.layout import is_body_like, units
from .guards import guess_category
from .normalising import normalise
from .packfile import Learned
from .pieces import logical_lines, segments
from .results import LearnOptions
from .rulemaking import Finisher

_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]", re.S)


@dataclass(slots=True)
class Info:
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


class Budget:
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
        self.budget = budget or Budget(self.options.max_keys)
        self.budget.members.append(self)
        self.documents = 0
        self.duplicates = 0
        self.count_error = 0
        self._counts: dict[int, int] = {}
        self._info: dict[int, Info] = {}
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
            info = self._info[h] = Info()
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
        return Finisher(self, known, url).run()
