"""Sightings: where a counted piece sits in one document (`Occurrence`), and what is known of
a piece that recurs (`Info`): its positions, how it is glued in, and a few examples."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEAD, MIDDLE, TAIL = 0, 1, 2
EDGE = 0.1  # the first and last tenth of a glued document count as its head and tail
CONTEXT = 200  # characters of context kept on each side of an example
LEADS = 64  # distinct names that open a piece kept per piece (`Info.leads`)
#: A piece that starts after one of these (or a unit start) starts where a sentence may.
_OPENS_AFTER = frozenset('.!?:;|•»"”’)]-–—')
#: ... and one that ends before one of these (or a unit end) ends where a sentence may.
_CLOSES_BEFORE = frozenset('"“‘([•|-–—')


@dataclass(slots=True)
class Occurrence:
    """One document's sighting of a piece (its first, if the piece is in the document twice)."""

    raw: str
    start: int
    end: int
    kinds: set[str]
    again: bool = False  # earlier documents had all its n-grams: it came before, uncounted
    where: int = 0
    dash_after: bool = False
    seams: bool = False  # between sentences or units on both sides, not inside a sentence
    share: float = 0.0
    before: str = ""
    after: str = ""
    headline_after: bool = False  # a marker: a headline follows it (on its line or the next)
    ends_line: bool = False  # a marker: nothing follows it on its line
    checked: bool = False  # whether a headline follows was looked at (the two above)
    key: int = 0  # the piece it is a sighting of (its counting key)
    lead: str | None = None  # the name that opens it, a placeholder in its key (`lead_of`)


@dataclass(slots=True)
class Info:
    """What is known of a piece that recurs: how it sits in its documents, a few examples."""

    examples: list[tuple[str, str, str]] = field(default_factory=list)  # (before, piece, after)
    lines: int = 0  # documents where it is a whole unit
    blocks: int = 0  # ... a whole line of several units (a sentence split at links)
    spans: int = 0  # ... glued into a longer unit
    repeats: int = 0  # ... a run of recurring tokens inside a unit
    markers: int = 0  # ... a marker that opens what follows it (`Baca juga:`)
    headlines_after: int = 0  # ... a marker with a headline after it
    ends_line: int = 0  # ... a marker alone at the end of its line
    checked: int = 0  # ... sightings where what follows was looked at (the two above)
    head: int = 0
    middle: int = 0
    tail: int = 0
    dash_after: int = 0  # followed by a lone dash: a dateline ("Jakarta\n-\nIsi ...")
    seams: int = 0  # between sentences or units, on both sides
    share: float = 0.0  # sum over documents of the share of the text it takes
    seen: int = 0  # documents recorded here
    #: The names that open it (a placeholder in its key), with their counts: at most LEADS
    #: of them, and "" for the sightings of any other (a reporter's name comes again across a
    #: batch, a headline's words do not).
    #: None until it has one (most pieces never do: no dict for each of them).
    leads: dict[str, int] | None = None

    def record(self, occ: Occurrence, max_examples: int) -> None:
        self.seen += 1
        self.lines += "line" in occ.kinds
        self.blocks += "block" in occ.kinds
        self.spans += "span" in occ.kinds
        self.repeats += "repeat" in occ.kinds
        self.markers += "marker" in occ.kinds
        self.headlines_after += occ.headline_after
        self.ends_line += occ.ends_line
        self.checked += occ.checked
        if occ.where == HEAD:
            self.head += 1
        elif occ.where == TAIL:
            self.tail += 1
        else:
            self.middle += 1
        self.dash_after += occ.dash_after
        self.seams += occ.seams
        self.share += occ.share
        if occ.lead is not None:
            self._add_lead(occ.lead, 1)
        if len(self.examples) < max_examples:
            # another spelling is another example; a marker's is what follows it
            after = occ.after if "marker" in occ.kinds else None
            if all(occ.raw != e[1] or (after is not None and after != e[2]) for e in self.examples):
                self.examples.append((occ.before, occ.raw, occ.after))

    def _add_lead(self, lead: str, count: int) -> None:
        if self.leads is None:
            self.leads = {}
        if lead not in self.leads and len(self.leads) >= LEADS:
            lead = ""  # the sightings of names past the cap, counted as names seen once
        self.leads[lead] = self.leads.get(lead, 0) + count

    def merge(self, other: Info, max_examples: int) -> None:
        """Add the sightings of `other` (the same piece, found another way)."""
        for name in ("lines", "blocks", "spans", "repeats", "markers", "headlines_after",
                     "ends_line", "checked", "head", "middle", "tail"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.dash_after += other.dash_after
        self.seams += other.seams
        self.share += other.share
        self.seen += other.seen
        for lead, count in (other.leads or {}).items():
            self._add_lead(lead, count)
        for example in other.examples:
            if len(self.examples) < max_examples and all(example[1] != e[1] for e in self.examples):
                self.examples.append(example)


def place(occ: Occurrence, text: str, region: tuple[int, int], solid: int) -> Occurrence:
    """Where a sighting sits (above the story, inside it, below it), and its context.

    `region` is where the story runs (from its first to its last paragraph), `solid` the
    number of non-blank characters of the document.
    """
    body_start, body_end = region
    n = len(text)
    if occ.end <= body_start or occ.start < EDGE * n:
        occ.where = HEAD
    elif occ.start >= body_end or occ.end > (1 - EDGE) * n:
        occ.where = TAIL
    else:
        occ.where = MIDDLE
    occ.dash_after = dash_follows(text[occ.end : occ.end + 40])
    occ.seams = _opens(text, occ.start, occ.raw) and _closes(text, occ.end, occ.raw)
    occ.share = len("".join(occ.raw.split())) / solid
    # context runs across line breaks: whether the loaded rules already remove a piece
    # is judged with the lines around it (a promo the scraper split over several lines);
    # remove examples show the piece's own line only
    occ.before = text[max(0, occ.start - CONTEXT) : occ.start]
    occ.after = text[occ.end : min(n, occ.end + CONTEXT)]
    return occ


# a lone dash right after, or after a comma and a place ("REPUBLIKA.CO.ID, JAKARTA --")
_DASH = re.compile(r"\s*(?:,\s*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2}\s*)?[-–—]")


def dash_follows(after: str) -> bool:
    """A dateline's dash follows: `Jakarta` then `-`, or `BRAND.COM, KOTA -`."""
    return _DASH.match(after) is not None


def at_seams(before: str, raw: str, after: str) -> bool:
    """An example (with its context) sits between sentences or units on both sides."""
    text = before + raw + after
    return _opens(text, len(before), raw) and _closes(text, len(before) + len(raw), raw)


def _opens(text: str, start: int, raw: str) -> bool:
    """A piece at `start` opens where a sentence or unit may: after a stop, a break, a
    bracket, or glued to a lower-case word (`siniPewarta`: the seam of glued text); or it
    opens a bracket of its own."""
    if raw[0] in "([":
        return True
    at = start - 1
    if at < 0 or text[at] == "\n":
        return True
    if text[at].isalpha():  # glued without a blank
        return text[at].islower() and text[start].isupper()
    if text[at] == "," and text[start].isupper():  # paragraphs joined by commas: ".,Baca"
        return True
    while at >= 0 and text[at] in " \t\u00a0":
        at -= 1
    return at < 0 or text[at] == "\n" or text[at] in _OPENS_AFTER or start - at > 2


def _closes(text: str, end: int, raw: str) -> bool:
    """A piece ending at `end` ends where a sentence or unit may: at a break, before a capital,
    a digit or an opening mark, or with a stop of its own."""
    if raw[-1] in ".!?:)]":
        return True
    at = end
    if at >= len(text) or text[at] == "\n":
        return True
    if text[at].isalpha():  # glued without a blank
        return text[at].isupper() and raw[-1].islower()
    if text[at] == "," and text[at + 1 : at + 2].isupper():  # ",Presiden": joined by commas
        return True
    while at < len(text) and text[at] in " \t\u00a0":
        at += 1
    if at >= len(text) or text[at] == "\n" or at - end > 1:
        return True
    return text[at].isupper() or text[at].isdigit() or text[at] in _CLOSES_BEFORE
