"""Counting in bounded memory: the `Learner` of one site and the cap its batch shares.

Nothing of a document is kept but the counts of its normalised pieces (8-byte hashes in a
table with a hard cap, pruned Misra-Gries style) and a few examples of the pieces that recur.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_right

from ..engine import Cleaner
from ..engine.headline import headline_end
from ..engine.layout import is_body_like, units
from ..engine.reading import reading_view
from ..engine.whitespace import blank_view
from .guards import guess_category
from .headlines import Headlines, headline_like
from .normalising import LEAD, lead_of, may_lead, normalise
from .packfile import Learned
from .pieces import ends_with_cue, logical_lines, marker_key, markers, segments
from .repeats import MAX_GRAMS, DocGrams, Grams
from .results import LearnOptions
from .rulemaking import Finisher
from .sightings import Info, Occurrence, place

_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]", re.S)


class Budget:
    """The hard cap on table entries, shared by the tables of a batch's learners (one per
    site: its pieces and its n-grams). A table is anything with `len()` and `prune()`, which
    frees at least half of it and says how many entries went."""

    def __init__(self, cap: int) -> None:
        self.cap, self.total, self.peak = cap, 0, 0
        self.members: list = []

    def reserve(self, k: int) -> None:
        """Make room for `k` more entries: prune the largest tables until they fit."""
        while self.total and self.total + k > self.cap:
            self.total -= max(self.members, key=len).prune()

    def added(self, k: int) -> None:
        self.total += k
        self.peak = max(self.peak, self.total)

    def grow(self) -> None:
        self.reserve(1)
        self.added(1)


KEEP_POOL = 24
BODY_DOCS = 100  # keep examples are drawn from every document up to here, then every 8th
DOC_MEMORY = 100_000  # documents remembered for spotting exact duplicates (then forgotten)
#: Sightings of a marker looked at for a headline after it (then its share is settled).
EVIDENCE = 60
#: Story paragraphs longer than this are never a promo that reads like a sentence.
PROMO_CHARS = 300


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
        self.grams = Grams()
        self.headlines = Headlines(cap=4 * self.options.max_headlines or 1)
        self.budget.members += [self, self.grams]
        self.documents = 0
        self.duplicates = 0
        self.count_error = 0
        self._counts: dict[int, int] = {}
        self._info: dict[int, Info] = {}
        self._first: dict[int, Occurrence] = {}
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
        text = blank_view(text)  # read as the cleaner reads it: a no-break space as a blank,
        if (view := reading_view(text)) is not None:  # ... a reference as its character,
            text = view.text  # `dia .` as `dia.` (see blank_view, reading)
        flat = " ".join(text.split())
        digest = hash(flat)
        if digest in self._seen_docs:
            self.duplicates += 1
            return
        if len(self._seen_docs) >= DOC_MEMORY:
            self._seen_docs.clear()
        self._seen_docs.add(digest)
        self.documents += 1
        parts = units(text)
        self.headlines.add_document(text, parts)
        grams = self._grams(text)
        pieces: dict[int, Occurrence] = {}
        story: list[tuple[int, int]] = []  # lines that read as story paragraphs
        # story sentences, candidates for `keep` examples: from a sample of the documents
        sample = self.documents <= BODY_DOCS or self.documents % 8 == 0
        sentences: list[str] = []
        for start, end, count in logical_lines(text, parts):
            line = text[start:end]
            if is_body_like(line):
                story.append((start, end))
            if sample and count == 1 and len(line) <= 300:
                sentences.append(line)
            # A line none of whose n-grams an earlier document had repeats nothing seen so
            # far, nor does any part of it: most story text costs no more than this look-up.
            # When it comes again, its second sighting counts for both (see `_count`).
            fresh, partly_new = grams.novelty(start, end)
            # a colon: a name after a cue, which varies; so does a name opening an author line
            varies = ":" in line or may_lead(line)
            if fresh and not varies:
                continue
            # only a whole repeat is counted as a line (or one whose name varies)
            if not partly_new or varies:
                self._piece(pieces, text, start, end, "line" if count == 1 else "block", grams)
            cuts = segments(text, start, end)
            if len(cuts) > 1:
                for s, e in cuts:
                    if ":" in text[s:e] or not grams.novelty(s, e)[1]:
                        self._piece(pieces, text, s, e, "span", grams)
            if sample and len(line) > 300:  # a glued paragraph: sentences after a stop
                sentences.extend(
                    text[s:e] for s, e in cuts if s == start or text[s - 1] in ' .!?"”’'
                )
        # a promo that reads like a sentence ("Pastikan ... aplikasi WhatsApp ya.") is not
        # where the story starts or ends: trim paragraphs with a cue word off both ends
        while story and _promo(text[story[0][0] : story[0][1]]):
            story.pop(0)
        while story and _promo(text[story[-1][0] : story[-1][1]]):
            story.pop()
        n = len(text)
        # the story runs from the first to the last paragraph that reads as one; a glued
        # document (one paragraph) is judged by offsets alone
        region = (story[0][0], story[-1][1]) if len(story) > 1 else (0, n)
        starts = [u.start for u in parts]
        for s, e in markers(text):  # `Baca juga:` and the like, whatever follows them
            occ = self._piece(pieces, text, s, e, "marker", grams)
            if occ is not None:
                self._look_after(occ, text, parts, starts)
        known = {(o.start, o.end) for o in pieces.values()}
        for s, e in grams.runs(text, starts[1:]):
            if (s, e) not in known:  # a run that is a line or segment is counted as one
                self._piece(pieces, text, s, e, "repeat", grams)
        for occ in pieces.values():  # a piece that ends with related cue words: what follows?
            if "marker" not in occ.kinds and ends_with_cue(occ.raw):
                self._look_after(occ, text, parts, starts)
        doc = (text, region, max(1, len(flat) - flat.count(" ")))
        for h, occ in pieces.items():
            self._count(h, occ, doc)
        if sample:
            self._sample_bodies(sentences)

    def _grams(self, text: str) -> DocGrams:
        """Count the document's n-grams, in the room the shared cap leaves."""
        limit = max(1, min(MAX_GRAMS, self.budget.cap // 4))
        self.budget.reserve(limit)  # the most one document can add
        before = len(self.grams)
        found = self.grams.read(text, self.options.ngram, limit)
        self.budget.added(len(self.grams) - before)
        return found

    def _piece(
        self,
        pieces: dict[int, Occurrence],
        text: str,
        start: int,
        end: int,
        kind: str,
        grams: DocGrams,
    ) -> Occurrence | None:
        if end - start > self.options.max_chars:
            return None
        raw = text[start:end]
        if not _TWO_LETTERS.search(raw):
            return None
        led = False  # its key opens with a name's placeholder (an author line: see `lead_of`)
        if kind == "marker":  # its cue words in any case, with any separator or none
            h = hash((kind, marker_key(raw)))
        elif kind == "repeat":  # apart from the lines and segments: its extent depends on
            h = hash((kind, normalise(raw)))  # the documents before, settled by `finish`
        else:
            key = normalise(raw)
            h, led = hash(key), key.startswith(LEAD)
        found = pieces.get(h)
        if found is None:
            again = kind != "repeat" and grams.known(start, end)
            found = pieces[h] = Occurrence(raw, start, end, {kind}, again=again, key=h)
            if led:
                found.lead = lead_of(raw)
        else:
            found.kinds.add(kind)
        return found

    def _look_after(self, occ: Occurrence, text: str, parts, starts) -> None:
        """Whether a headline follows a marker's sighting (see `_headline_after`), until its
        piece has that many sightings looked at: a share of one in two is settled by then."""
        if occ.checked:  # (a document's second sighting of the piece: its first counts)
            return
        info = self._info.get(occ.key)
        if info is not None and info.checked >= EVIDENCE:
            return
        at = bisect_right(starts, occ.end - 1) - 1  # the unit its end is in
        occ.headline_after, occ.ends_line = _headline_after(text, occ.start, occ.end, parts, at)
        occ.checked = True

    def _count(self, h: int, occ: Occurrence, doc) -> None:
        count = self._counts.get(h)
        if count is None:
            self.budget.grow()
            if occ.again:
                # earlier documents had all its n-grams, but it was never counted: it was
                # fresh where it came first (see `add`), so this sighting counts for both
                self._counts[h] = 2
                info = self._info[h] = Info()
                info.record(place(occ, *doc), self.options.max_examples)
                return
            self._counts[h] = 1
            if len(self._first) < self.options.max_keys // 8:
                self._first[h] = place(occ, *doc)
            return
        self._counts[h] = count + 1
        info = self._info.get(h)
        if info is None:
            info = self._info[h] = Info()
            first = self._first.pop(h, None)
            if first is not None:
                info.record(first, self.options.max_examples)
        info.record(place(occ, *doc), self.options.max_examples)

    def prune(self) -> int:
        """Free at least half of the table: subtract the median count from every entry.
        Returns how many entries went."""
        counts = sorted(self._counts.values())
        cut = counts[len(counts) // 2]
        before = len(self._counts)
        self._counts = {h: c - cut for h, c in self._counts.items() if c > cut}
        self._info = {h: i for h, i in self._info.items() if h in self._counts}
        self._first = {h: o for h, o in self._first.items() if h in self._counts}
        self.count_error += cut
        return before - len(self._counts)

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


def _promo(paragraph: str) -> bool:
    """A short paragraph with a cue word: a promo that reads like a sentence."""
    return len(paragraph) <= PROMO_CHARS and guess_category(paragraph)[0] != "navigation"


def _headline_after(text: str, start: int, end: int, parts: list, at: int) -> tuple[bool, bool]:
    """(a headline follows the marker text[start:end] of unit parts[at], the marker ends its
    unit): the rest of its unit, or the next unit if the marker ends its own, reads as a
    linked headline; or a headline glued into the paragraph after it ends where the
    headline component says."""
    stop = parts[at].end if at >= 0 else len(text)
    rest = text[end:stop].strip()
    if not rest:
        nxt = parts[at + 1] if at + 1 < len(parts) else None
        return nxt is not None and headline_like(text[nxt.start : nxt.end]), True
    if headline_like(rest):
        return True, False
    while end < stop and text[end] in " \t\u00a0":
        end += 1
    return headline_end(text, end, marker=start)[0] is not None, False
