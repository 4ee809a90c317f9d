"""Running a compiled rule set over one text: the passes, overlaps, tails and duplicates.

Pure functions of (text, plan): no I/O, no state between calls, so a `Cleaner` is thread-safe.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..model import CATEGORIES, DUPLICATE_RULE, Cleaned, Removal, apply_removals
from ..packs import Rule
from .extend import extended_end
from .layout import (
    DATELINE_REACH,
    Unit,
    Zones,
    glued_head,
    glued_tail,
    head_end,
    inside_sentence,
    is_body_like,
    is_short_sentence,
    tail_start,
    two_long_sentences,
    units,
)
from .leadin import repeated_lead_in
from .plan import Occurrences, Plan, budget
from .reading import View
from .whitespace import absorb, blank_view, has_zero_width

#: Seconds one rule may spend on one document (per 100,000 characters, for longer ones:
#: see `plan.budget`) before it is skipped for that document.
DEFAULT_TIMEOUT = 0.25
#: A tail may hold at most this share of what the other rules keep (it is boilerplate *near
#: the end*: a marker in the middle of a story must not take the second half with it).
TAIL_MAX_SHARE = 0.5
#: A line repeated verbatim is a duplicate only if it has at least this many words.
DUPLICATE_MIN_WORDS = 4
#: A unit whose words all occur, in order and verbatim, inside an earlier unit is a duplicate
#: too (scrapers that collect nested page elements repeat each paragraph after the whole
#: article) if it has at least this many words: a short sentence may be repeated on purpose.
CONTAINED_MIN_WORDS = 8
#: The search for contained repeats reads at most this many characters per character of the
#: document, so a huge document cannot make it quadratic; an article never comes near it.
CONTAINED_SEARCH_BUDGET = 64
#: A list item (`1.`, `a)`, `-`, `•`): repeating one is content, not a scraper's doubling.
_LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[a-eA-E][.)]|[-•*–])[ \t]")
#: Passes over a text at most; a pass that removes nothing ends the loop, so an article takes
#: two. Each piece of debris that only a removal after it exposes (`(hal/ara)   22 Views
#: ADVERTISEMENT`: the code is at the line's end once the counter is gone, which is at the
#: end once the banner is) costs a pass: a chain of more than this many stays for another
#: run. (A later pass reads only the units around what the last one removed.)
MAX_PASSES = 32


class Taken:
    """The removals chosen so far in one pass: disjoint (start, end, rule) spans, kept sorted
    so that an overlap test is a binary search (a 10 MB text has tens of thousands)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.items: list[tuple[int, int, Rule | None]] = []

    def add(self, start: int, end: int, rule: Rule | None) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.items.insert(i, (start, end, rule))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # items[:i] start before `end`
        return i > 0 and self.items[i - 1][1] > start

    def inside(self, pos: int) -> bool:
        """Whether `pos` lies strictly inside a removal."""
        i = bisect_left(self.starts, pos)
        return i > 0 and self.items[i - 1][1] > pos

    def around(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) grown over the removals that touch it: what the text closes up over
        once they all go (two placeholders side by side must not glue the words around
        them, though each alone has a bracket beside it)."""
        i = bisect_left(self.starts, start)
        while i > 0 and self.items[i - 1][1] == start:
            i -= 1
            start = self.items[i][0]
        j = bisect_left(self.starts, end)
        while j < len(self.items) and self.items[j][0] == end:
            end = self.items[j][1]
            j += 1
        return start, end

    def clip(self, start: int, end: int) -> int:
        """`end`, or the start of the first removal in (start, end) if there is one."""
        i = bisect_left(self.starts, start + 1)
        if i < len(self.starts) and self.starts[i] < end:
            return self.starts[i]
        return end

    def cut(self, start: int, end: int) -> None:
        """Drop the removals that start in [start, end) (a tail takes them over)."""
        i, j = bisect_left(self.starts, start), bisect_left(self.starts, end)
        del self.starts[i:j], self.items[i:j]

    def gaps(self, start: int, end: int) -> list[tuple[int, int]]:
        """The stretches of [start, end) no removal covers (maybe empty ones), in order."""
        i = bisect_left(self.starts, end)
        k = i
        while k > 0 and self.items[k - 1][1] > start:
            k -= 1
        if k == i:
            return [(start, end)]
        found, pos = [], start
        for s, e, _ in self.items[k:i]:
            found.append((pos, max(pos, s)))
            pos = max(pos, e)
        found.append((min(pos, end), end))
        return found

    def kept(self, text: str, start: int, end: int) -> str:
        """text[start:end] without the removals in it."""
        return " ".join(text[a:b] for a, b in self.gaps(start, end))


def run_rules(
    text: str,
    rules: list[Rule] | Plan,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    dedupe: bool = False,
    found: Occurrences | None = None,
) -> Cleaned:
    """Apply the rules to one text until nothing more comes off, and return the exact result.

    Removing one piece can expose another (a headline that ended at a banner, a line that
    repeats once its banner is gone), so the rules run again on the output until a pass
    removes nothing: cleaning the result again is then a no-op. One extra pass is the norm.
    `found`: the plan's scan of `text`, if the caller has made it already.
    """
    view = blank_view(text)  # rules read no-break and zero-width spaces as blanks
    if view is not text:
        return on_text(text, run_on_view(view, rules, timeout=timeout, dedupe=dedupe))
    return run_on_view(text, rules, timeout=timeout, dedupe=dedupe, found=found)


def run_on_view(text: str, rules: list[Rule] | Plan, *, timeout: float, dedupe: bool,
                found: Occurrences | None = None) -> Cleaned:  # fmt: skip
    """`run_rules` on a text that is its own blank view already (`blank_view(text)`, as
    `Cleaner.clean` makes it for its site packs too): not made again. The result is on
    that view; `on_text` puts it on the original."""
    plan = rules if isinstance(rules, Plan) else Plan(list(rules))
    found = found or plan.occurrences(text)
    result = _one_pass(text, plan, timeout, dedupe, found_all=found)
    removals, warnings = list(result.removals), list(result.warnings)
    viewed = False  # whether a later pass read a zero-width space as a blank
    zero_width = has_zero_width(text)  # (else no pass's output can hold one)
    for _ in range(MAX_PASSES - 1):
        if not result.removals:
            break
        # the literals' places in the cleaned text follow from the last pass's (no new scan),
        # unless a zero-width space a removal left at a line's edge now reads as a blank
        following = blank_view(result.text) if zero_width else result.text
        if following is result.text:
            found = found.after([(r.start, r.end) for r in result.removals], result.text)
        else:
            found, viewed = plan.occurrences(following), True
        seams = _seams(result.removals)
        result = _one_pass(following, plan, timeout, dedupe, seams, found)
        removals = _merge(text, removals, result.removals)
        warnings.extend(w for w in result.warnings if w not in warnings)
    done = Cleaned(result.text, tuple(removals), tuple(warnings))
    return on_text(text, done) if viewed else done


def _seams(removals: tuple[Removal, ...]) -> list[int]:
    """Where the removals closed up the text: offsets in the cleaned text."""
    gone, seams = 0, []
    for r in removals:
        seams.append(r.start - gone)
        gone += r.end - r.start
    return seams


def _focus(parts: list[Unit], zones: Zones, seams: list[int]) -> list[int]:
    """Indexes of the units a later pass must look at again: two units on either side of
    each seam (a pattern may span a marker line and the headline under it), and the head
    and tail zones, whose rules now apply to units that may not have been in them before."""
    keep: set[int] = set()
    ends = [u.end for u in parts]
    for q in seams:
        i = bisect_left(ends, q)  # the first unit that ends at or after the seam
        keep.update(range(max(0, i - 2), min(len(parts), i + 2)))
    keep.update(i for i, u in enumerate(parts) if u.start < zones.head or u.end > zones.tail)
    return sorted(keep)


def on_text(text: str, result: Cleaned, view: View | None = None) -> Cleaned:
    """`result`, made on a view of `text` with the same offsets (see blank_view), or on a
    reading view (`view`, see reading: its offsets are mapped back), as made on `text`
    itself: each removal's text and the output are `text`'s own characters."""
    removals = tuple(
        Removal(r.rule_id, r.category, start, end, text[start:end])
        for r in result.removals
        for start, end in [view.span(r.start, r.end) if view else (r.start, r.end)]
    )
    return Cleaned(apply_removals(text, removals), removals, result.warnings)


def _merge(original: str, earlier: list[Removal], later: tuple[Removal, ...]) -> list[Removal]:
    """Map removals made on the cleaned text back onto `original`, around the earlier ones."""
    # The cleaned text is the original's kept segments laid end to end: segment k starts at
    # seg_orig[k] in the original and at seg_clean[k] in the cleaned text.
    seg_orig, seg_clean, pos, at = [], [], 0, 0
    for r in earlier:
        seg_orig.append(pos)
        seg_clean.append(at)
        at += r.start - pos
        pos = r.end
    seg_orig.append(pos)
    seg_clean.append(at)

    def to_original(x: int) -> int:  # x: offset of a character of the cleaned text
        k = bisect_right(seg_clean, x) - 1  # the last segment starting at or before x
        return seg_orig[k] + x - seg_clean[k]

    earlier_starts = [e.start for e in earlier]
    merged = list(earlier)  # merged[j] is earlier[j], maybe grown over blanks (see below)
    for r in later:
        start, end = to_original(r.start), to_original(r.end - 1) + 1
        piece = start
        j = bisect_left(earlier_starts, start)
        inside = False  # whether an earlier removal lies inside this one
        while j < len(earlier) and earlier[j].start < end:  # split around earlier removals
            e = earlier[j]
            if e.start > piece:
                if original[piece : e.start].isspace():
                    # only blanks before an earlier removal: they go with it (a removal
                    # of blanks alone, under this rule's name, would only puzzle a reader)
                    merged[j] = _removal(e.rule_id, e.category, original, piece, merged[j].end)
                else:
                    merged.append(_removal(r.rule_id, r.category, original, piece, e.start))
            piece, inside = e.end, True
            j += 1
        if piece < end:
            if inside and original[piece:end].isspace():  # blanks after one: the same
                k = j - 1
                merged[k] = _removal(earlier[k].rule_id, earlier[k].category, original,
                                     merged[k].start, end)  # fmt: skip
            else:
                merged.append(_removal(r.rule_id, r.category, original, piece, end))
    merged.sort(key=lambda r: r.start)
    return merged


def _removal(rule_id: str, category: str, text: str, start: int, end: int) -> Removal:
    return Removal(rule_id, category, start, end, text[start:end])


def _one_pass(
    text: str,
    plan: Plan,
    timeout: float,
    dedupe: bool,
    seams: list[int] | None = None,
    found_all: Occurrences | None = None,
) -> Cleaned:
    """Line rules, then span rules, then tail rules, then duplicates, over one text.

    A candidate that overlaps an earlier removal, or whose removal would glue two words
    together, is dropped. A tail is judged on what the other rules leave.

    With `seams` (a later pass), line and span rules look only at the units around the seams
    and the head zone: everywhere else the text is what the previous pass saw, and found
    nothing more in. Tails and duplicates depend on the whole text and are judged again.
    """
    parts = units(text)
    zones = Zones(head_end(text, parts), tail_start(text, parts))
    taken = Taken()
    warnings: list[str] = []
    if found_all is None:
        found_all = plan.occurrences(text)
    near, found = parts, found_all
    all_starts = near_starts = plan.anchored_starts(text, parts)
    if seams is not None:
        near = [parts[i] for i in _focus(parts, zones, seams)]
        found = found_all.within(_ranges(near))
        near_set = {u.start for u in near}
        near_starts = {
            rule_id: kept
            for rule_id, at in all_starts.items()
            if (kept := [i for i in at if i in near_set])
        }
    starts = [u.start for u in parts]  # (where each unit starts: which unit a removal is in)
    lines = plan.line_matches(text, near, zones, timeout, warnings)
    rests: list[Unit] = []
    if seams is None or any(s <= zones.head + DATELINE_REACH or s >= zones.tail - EDGE_REACH
                            for s in seams):  # fmt: skip
        # (a later pass: only where what the first one removed may have made a new edge)
        lines, rests = _edges(text, plan, near, zones, lines, timeout, warnings)
    for start, end, rule in lines:
        if rule.category == "caption" and _the_story(text, parts, start, end):
            continue  # a caption's pattern that ran over a short one-line story: `... (Foto)`
        if not _whole_units_inside_sentence(text, parts, starts, start, end):
            taken.add(start, end, rule)
    for rule in plan.span_rules(found, found_all, near_starts, all_starts):
        tail = rule.scope == "tail"
        try:
            # Collect first: a rule that times out half-way contributes nothing.
            hits = list(
                plan.matches(
                    rule, text, parts if tail else near, zones, found_all if tail else found,
                    all_starts if tail else near_starts, timeout,
                )
            )  # fmt: skip
        except TimeoutError:
            warnings.append(
                f"rule {rule.id} timed out after {budget(timeout, text):g}s and was skipped"
            )
            continue
        if tail:
            _take_tail(
                text, rule, _outside_sentences(text, parts, starts, hits), taken, parts, starts
            )
            continue
        for start, end in hits:
            if rule.extend:
                marker_end = end
                end = extended_end(rule.extend, text, start, end, parts, plan.headlines)
                if end is None:
                    continue
                # an extension stops short of what another rule took already (a promo line
                # under the headlines): the marker and the headlines before it still go (but
                # not the quote the marker's colon took, when the story's quote follows it)
                end = max(min(marker_end, end), taken.clip(start, end))
            if taken.overlaps(start, end) or _fuses_words(text, *taken.around(start, end)):
                continue
            if not _whole_units_inside_sentence(text, parts, starts, start, end):
                taken.add(start, end, rule)
    # a tail's heading glued after the last sentence (`... kata dia. Berita Terkait`): what
    # the tail rules take on a line of its own, read as one (the whole of it only: after a
    # sentence end in it, a heading's word may be the story's)
    whole = rests[0] if rests and not taken.inside(rests[0].start) else None
    for rule in plan.tails_at(text, whole) if whole is not None else ():
        if rule.compiled.fullmatch(text[whole.start : whole.end]):
            _take_tail(text, rule, [(whole.start, whole.end)], taken, parts, starts)
            break
    if dedupe:
        # a lead-in is found in the first pass or never: later passes only close seams
        first = seams is None and parts
        lead_in = repeated_lead_in(text, parts[0].start, parts[0].end) if first else None
        if lead_in and not taken.overlaps(*lead_in) and not _fuses_words(text, *lead_in):
            taken.add(*lead_in, None)
        for start, end in list(_duplicates(text, parts, taken, zones.head)):
            taken.add(start, end, None)
        for start, end in list(_repeated_sentences(text, parts, taken)):
            taken.add(start, end, None)
    return _result(text, taken, warnings)


def _edges(
    text: str, plan: Plan, near: list[Unit], zones: Zones, lines: list, timeout: float,
    warnings: list[str],
) -> tuple[list, list[Unit]]:  # fmt: skip
    """`lines` (the line rules' matches on whole units) and theirs at the story's edges
    inside a unit, where a text glued into one line has them: what is glued after its last
    sentence, and what is glued before its dateline. Returns the matches, and what is glued
    after the last sentence if no line rule took it (for the tail rules)."""
    # what is glued after the story's last sentence is read as a line of its own (unless its
    # whole unit went already)
    rests = glued_tail(text, near, zones.tail) if zones.tail < len(text) else []
    if rests and any(s <= rests[0].start < e for s, e, _ in lines):
        rests = []
    if rests and (hit := _glued_tail_lines(text, plan, rests, zones, timeout, warnings)):
        lines += hit
        rests = []
    # what is glued before the dateline that opens the story is read as a line above it; a
    # line rule's match of its whole unit would run past the dateline into the story (a
    # short one-line text: `Sumber foto: Istimewa JAKARTA, KOMPAS.com - ...`)
    lead = glued_head(text, near, zones.head)
    if lead is not None:
        lines = [m for m in lines if not m[0] <= lead.start < lead.end < m[1]]
        lines += _glued_head_lines(text, plan, lead, zones, timeout, warnings)
    return lines, rests


def _the_story(text: str, parts: list[Unit], start: int, end: int) -> bool:
    """text[start:end] holds two sentences of eight words or more, and no other unit does:
    removing it would remove the story (a long caption of two sentences beside a story
    goes; a short one-line story that ends in `(Foto)` stays)."""
    return two_long_sentences(text, start, end) and not any(
        two_long_sentences(text, u.start, u.end) for u in parts if not start <= u.start < end
    )


def _glued_head_lines(text: str, plan: Plan, lead: Unit, zones: Zones, timeout: float,
                      warnings: list[str]) -> list[tuple[int, int, Rule]]:  # fmt: skip
    """The line rule that matches what is glued before the story's dateline (`lead`, see
    `glued_head`), as a line above the story: the whole of it, else what follows it from a
    label in it on (`Editor: Ani Rahma`, `(Foto: Dok. Istimewa)`). A scraper glues the
    article's title there too: when the whole does not open with a label and has four
    capitalised words in a row, only a rule whose matches open with a word it names may
    take it (`Laporan Wartawan ...`), not one that reads a name's or a caption's words
    before its cue (`Harga Beras Naik Lagi Editor: Ani Rahma` keeps its title). A label
    counts only after a title's words (three or more, one in lower case at most), not after
    a sentence. After a caption's sentence (eight words or more: `... Selasa (26/12/2023).
    Laporan Indra Wijaya | Banda Aceh SERAMBINEWS.COM, ...`), a credit, a caption's label or
    an ad may take what follows it, by a rule whose matches open with a word it names; the
    sentence stays."""
    above = Zones(lead.end, zones.tail)
    piece = text[lead.start : lead.end]
    titled = not _LABEL.match(piece) and _TITLE_RUN.search(piece) is not None
    skip = _no_caption(piece)
    hit = plan.line_matches(text, [lead], above, timeout, warnings, skip, cue_only=titled)
    if hit:
        return hit
    for label in _LABEL.finditer(text, lead.start + 1, lead.end):
        before = text[lead.start : label.start()].split()
        if (
            text[label.start() - 1] in " \t"
            and len(before) >= 3
            and sum(w[:1].islower() for w in before) <= 1
        ):
            # (after a title's words: not after a sentence, `Pemenang diumumkan malam ini.`,
            # nor the first word of a label's two, `Pilihan Editor:`)
            rest = Unit(label.start(), lead.end)
            skip = _no_caption(text[rest.start : rest.end])
            if hit := plan.line_matches(text, [rest], above, timeout, warnings, skip):
                return hit
    ends = list(_SENTENCE_BEFORE.finditer(text, lead.start, lead.end))
    if ends and ends[-1].end() < lead.end:
        # (after a caption's sentence, eight words or more: `Pemenang diumumkan malam ini.
        # Kategori: Pelajar` may be the story's own)
        opens = ends[-2].end() if len(ends) > 1 else lead.start
        if len(text[opens : ends[-1].start()].split()) >= 8:
            rest = Unit(ends[-1].end(), lead.end)
            skip = GLUED_AFTER_STOP_SKIP | _no_caption(text[rest.start : rest.end])
            return plan.line_matches(text, [rest], above, timeout, warnings, skip, cue_only=True)
    return []


#: A sentence's end before what follows it in a piece glued before the dateline: its stop and
#: closing marks, blanks, and a capital.
_SENTENCE_BEFORE = re.compile(r"[.!?][\"”’)\]]*[ \t]+(?=[A-Z])")


#: A label: a capitalised word (and a word in lower case: `Sumber foto:`) and a colon or a
#: bar, or a bracket that opens with a label's word (`(Foto:`, `(Dok.`).
_LABEL = re.compile(r"\([A-Za-z]+[.:]|[A-Z][\w.]*(?:[ \t][a-z][\w.]*)?[ \t]*[:|]")
#: Four capitalised words in a row, none ending in a comma: a title's (a name has two or
#: three words, and a comma after it: `Rina Anggraeni, Jurnalis ...`).
_TITLE_RUN = re.compile(r"(?:(?<![\w.])[A-Z][\w.’'-]*[ \t]+){3}[A-Z]")


def _glued_tail_lines(text: str, plan: Plan, rests: list[Unit], zones: Zones, timeout: float,
                      warnings: list[str]) -> list[tuple[int, int, Rule]]:  # fmt: skip
    """The line rule that matches what is glued after the story's last sentence (`rests`,
    see `glued_tail`): the whole of it, else what follows a sentence end in it. None of it is
    above the story. A caption only where it opens with a credit (a bracket, a label, a
    slash) and has one word in lower case at most (a short last sentence or a table's row
    ends in brackets too: `Skor akhir 1-1 (imbang)`, `Padi Jawa Barat (ton/ha)`);
    after a sentence end in it, only a credit, a caption or an ad (`Ia belum berkomentar.
    Editor: Ani Rahma`, `Hotel di Kuta. (FOTO: ANTARA)`): a word of a page's controls or a
    prompt there may be the story's (`Rakyat sudah bicara. Dengarkan`)."""
    below = Zones(min(zones.head, rests[0].start), zones.tail)
    for k, rest in enumerate(rests):
        skip = GLUED_AFTER_STOP_SKIP if k else frozenset()
        skip |= _no_caption(text[rest.start : rest.end])
        hit = plan.line_matches(text, [rest], below, timeout, warnings, skip=skip)
        if hit:
            return hit
    return []


#: How a photo credit opens: a bracket, or a label or a slash in its first two words, not
#: in brackets (`(FOTO: ANTARA)`, `Foto: Dok. Istimewa`, `Sumber foto: ...`, `KOMPAS.com/BUDI
#: SANTOSO`, `ANTARA FOTO/Name`; not `Ganjar-Mahfud (PDIP/PPP)`).
_CREDIT_OPENS = re.compile(r"\(|\S*[:/]|\S+\s+[^\s(]*[:/]")


def _no_caption(piece: str) -> frozenset[str]:
    """{"caption"} unless a piece glued at the story's edge opens with a credit (a bracket, a
    label, a slash) and has one word in lower case at most: a title or a short sentence ends
    in brackets too (`Inflasi Mei Capai 2,5 Persen (yoy)`, `Skor akhir 1-1 (imbang)`)."""
    lower = sum(w.lstrip("(\"“‘'[")[:1].islower() for w in piece.split())
    return _CAPTION if lower > 1 or not _CREDIT_OPENS.match(piece) else frozenset()


_CAPTION = frozenset({"caption"})
#: How far before the tail zone a removal may make a new edge of the story (what is glued
#: after its last sentence).
EDGE_REACH = 600

#: The categories of line rules not tried on what follows a sentence end inside what is
#: glued at the story's edges: after its last sentence, or before its dateline after a
#: caption's sentence.
GLUED_AFTER_STOP_SKIP = frozenset(CATEGORIES) - {"byline", "caption", "ad"}


def _ranges(parts: list[Unit]) -> list[tuple[int, int]]:
    """The (start, end) stretches of text that the units cover, adjacent units joined."""
    out: list[tuple[int, int]] = []
    for u in parts:
        if out and u.start - out[-1][1] <= 2:
            out[-1] = (out[-1][0], u.end)
        else:
            out.append((u.start, u.end))
    return out


def _fuses_words(text: str, start: int, end: int) -> bool:
    """Removing text[start:end] would glue two words into one: never do that. Unless the
    scraper glued them already: a removal that starts and ends at a capital letter glued to
    the word before it (`PelatihBaca Juga: ...MotoGPMarquez`) cuts no word in two, if the
    seam it leaves still shows (`PelatihMarquez`; not `ADVERTISEMENTADVERTISEMENT`)."""
    if start == 0 or end >= len(text) or not (text[start - 1].isalnum() and text[end].isalnum()):
        return False
    if not (text[start].isupper() and text[end].isupper()):
        return True
    shows = not text[start - 1].isupper() or text[end + 1 : end + 2].islower()
    return not shows


def _kept_chars(text: str, start: int, taken: Taken) -> int:
    """Non-blank characters from `start` to the end that no removal has taken."""
    count = _nonblank(text[start:])
    for s, e, _ in taken.items:
        if e > start:
            count -= _nonblank(text[max(s, start) : e])
    return count


def _nonblank(piece: str) -> int:
    return len("".join(piece.split()))  # split() drops exactly the str.isspace() characters


def _take_tail(
    text: str, rule: Rule, hits, taken: Taken, parts: list[Unit], starts: list[int]
) -> None:
    """Take everything from the first marker whose tail is at most TAIL_MAX_SHARE of the
    text the other rules keep, up to the end or to the first story paragraph after it (see
    `_tail_end`); removals inside the tail are folded into it."""
    total = None
    for start, _ in hits:
        if taken.inside(start):
            continue  # the marker sits inside another removal
        total = _kept_chars(text, 0, taken) if total is None else total
        if _kept_chars(text, start, taken) <= TAIL_MAX_SHARE * total:
            end = _tail_end(text, parts, starts, start, taken)
            taken.cut(start, end)
            taken.add(start, end, rule)
            return


def _whole_units_inside_sentence(text, parts: list[Unit], starts: list[int], start, end) -> bool:
    """text[start:end] takes whole units, and they are a piece of a sentence broken at its
    links (see `inside_sentence`)."""
    i = bisect_right(starts, start) - 1
    if i < 0 or parts[i].end <= start:  # in the blanks after a unit: the next one
        i += 1
    j = bisect_left(starts, end) - 1  # the last unit that starts before `end`
    if i >= len(parts) or j < i or start > parts[i].start or end < parts[j].end:
        return False
    return inside_sentence(text, parts, i, j)


def _outside_sentences(text: str, parts: list[Unit], starts: list[int], hits: list) -> list:
    """The hits that do not sit in a unit inside a sentence broken at its links (see
    `inside_sentence`): `Terkait` / `PT Gag Nikel` / `, Akbar juga ...` is no heading."""
    return [
        (start, end)
        for start, end in hits
        if not inside_sentence(text, parts, bisect_right(starts, start) - 1)
    ]


def _tail_end(text: str, parts: list[Unit], starts: list[int], start: int, taken: Taken) -> int:
    """Where a tail from `start` ends: at the end of the text, or where the first unit after
    the marker's that reads as a story paragraph starts (what the other rules keep of it: a
    promo sentence they take is no story), a short one too (`Jalan itu kini ditutup total.`:
    a linked headline ends with no full stop). A block of related links in the middle of a
    story (`Berita Terkait` and its headlines, then the story again) is not the end of the
    page: the block goes, the paragraphs after it stay."""
    i = bisect_right(starts, start)  # the units after the marker's
    for u in parts[i:]:
        kept = taken.kept(text, u.start, u.end).strip()
        if is_body_like(kept) or is_short_sentence(kept):
            return u.start
    return len(text)


def _duplicates(text: str, parts: list[Unit], taken: Taken, head: int = 0):
    """Units whose remaining words (after the other removals) repeat an earlier unit's, or
    occur verbatim inside an earlier unit (CONTAINED_MIN_WORDS words or more). The first
    copy is kept: the words of a removed unit are all still in the text.

    A short repeat (fewer than CONTAINED_MIN_WORDS words) is a duplicate only when its first
    copy sits above the story (a headline repeated): inside the story, short lines repeat on
    purpose (a quiz's answer options, a list's items, a refrain), and list items never count.

    Judging what remains, not the raw unit, keeps cleaning idempotent: `Judul ADVERTISEMENT`
    after `Judul` is a duplicate once the banner is gone, so it goes in the first pass.
    """
    if len(parts) < 2:
        return  # nothing to repeat (a glued article is often one unit)
    spans = [(s, e) for s, e, _ in taken.items]
    seen: dict[str, int] = {}  # a unit's key -> where its first copy starts
    earlier = ""  # the kept units of CONTAINED_MIN_WORDS words or more, one per line
    budget = CONTAINED_SEARCH_BUDGET * len(text)
    k = 0  # spans before spans[k] end before the current unit (units and spans are sorted)
    for u in parts:
        while k < len(spans) and spans[k][1] <= u.start:
            k += 1
        if k == len(spans) or spans[k][0] >= u.end:  # the common case: no removal inside
            pieces = [(u.start, u.end)]
            key = text[u.start : u.end]
            if key.isprintable():  # no blank but single spaces: already normalised
                words = key.count(" ") + 1
                if words < DUPLICATE_MIN_WORDS:
                    continue
            else:
                words = len(key.split())
                if words < DUPLICATE_MIN_WORDS:
                    continue
                key = " ".join(key.split())
        else:
            pieces, pos, j = [], u.start, k
            while j < len(spans) and spans[j][0] < u.end:
                s, e = spans[j]
                if s > pos:
                    pieces.append((pos, s))
                pos = max(pos, e)
                j += 1
            if pos < u.end:
                pieces.append((pos, u.end))
            split = " ".join(text[a:b] for a, b in pieces).split()
            words = len(split)
            if words < DUPLICATE_MIN_WORDS:
                continue
            key = " ".join(split)
        first = seen.get(key)
        repeated = first is not None and (words >= CONTAINED_MIN_WORDS or first < head)
        if repeated and _LIST_ITEM.match(text, u.start):
            repeated = False
        if not repeated and words >= CONTAINED_MIN_WORDS and len(earlier) <= budget:
            if earlier:
                budget -= len(earlier)
                repeated = key in earlier
            if not repeated:
                earlier += key
                earlier += "\n"
        if repeated:
            for a, b in pieces:
                if (trimmed := _stripped(text, a, b)) is not None:
                    yield trimmed
        seen.setdefault(key, u.start)


#: A unit this long or longer holds several paragraphs joined (a paragraph rarely is): only
#: there are a copy's sentences looked for one by one.
REPEATED_UNIT_CHARS = 1200
#: A sentence's end inside a unit: its stop and closing quotes, and the blanks after it or a
#: capital or an opening quote glued on (`... (18/6/2025).Kapolres ...`), or the unit's end.
_SENTENCE_SPLIT = re.compile(r"[.!?…][\"”’)\]]*(?:\s+|(?=[A-Z“\"])|$)")


def _repeated_sentences(text: str, parts: list[Unit], taken: Taken):
    """Sentences that repeat earlier ones verbatim, CONTAINED_MIN_WORDS words or more each,
    in runs of two or more in a row inside one unit: the copy of the article a scraper that
    collects nested page elements appends, when the paragraphs are joined into one line (the
    units' own repeats are `_duplicates`'). A sentence the story repeats on purpose (a quote
    in the lead and again below) comes alone, not in a run. The first copies stay.

    A sentence is judged by what the other removals leave of it, as `_duplicates` judges a
    unit: a promo glued before a copy's sentence (`... paparnya.Ikuti Whatsapp Channel X
    Kapolres ...`) does not make it new, nor does a removed one end the run."""
    seen: set[str] = set()
    for u in parts:
        if u.end - u.start < REPEATED_UNIT_CHARS:
            continue  # (a paragraph: its repeats are whole units)
        unit = text[u.start : u.end]
        # no sentence repeats (most texts: a split and a set), judged by what stays of it
        kept = taken.kept(text, u.start, u.end) if taken.overlaps(u.start, u.end) else unit
        pieces = _SENTENCE_SPLIT.split(kept)
        if len(set(pieces)) == len(pieces) and seen.isdisjoint(pieces):
            seen.update(pieces)
            continue
        run: list[tuple[list[tuple[int, int]], bool]] = []  # (what stays of each, it counts)
        shorts: list[list[tuple[int, int]]] = []  # short repeats since the run's last long one
        fresh: tuple[str, int, int] | None = None  # the last new long sentence (after its removals)
        cut_off = False  # the piece before ended at an abbreviation's dot (`... Jl`, `... No`)
        pos = 0
        for m in [*_SENTENCE_SPLIT.finditer(unit), None]:
            stop, after = (m.start(), m.end()) if m else (len(unit), len(unit))
            start, end, pos = u.start + pos, u.start + after, after
            stop += u.start  # (a key ends at its sentence's stop: what follows it is blanks)
            if taken.overlaps(start, end):
                left = [(a, b) for a, b in taken.gaps(start, end) if a < b]
                key = " ".join(text[a : min(b, stop)] for a, b in left if a < stop).strip()
            else:
                left, key = [(start, end)], text[start:stop]
            if not key:
                continue  # (removed whole: it neither ends the run nor adds to it)
            # a long piece after an abbreviation's dot is the same sentence's, no second one:
            # a sentence the story repeats on purpose stays however its dots cut it (`Bantuan
            # sebesar Rp. 2,5 juta ... di Kantor Pos Jl. Raya Pajajaran No. 1 Bogor ...`)
            tail = max(0, len(key) - 12)  # (an abbreviation is short: read the key's end)
            counts, cut_off = not cut_off, _ABBREVIATION_END.search(key, tail) is not None
            if key.count(" ") + 1 < CONTAINED_MIN_WORDS:
                # a short sentence between two long repeats is the copy's when it repeats too
                # (`(Berarti illegal?)` in a quote); a new one ends the run
                if key in seen and run:
                    shorts.append(left)
                else:
                    yield from _a_run(text, run, taken)
                    run, shorts = [], []
                    seen.add(key)
                fresh = None
            elif key in seen:
                if not run and fresh is not None:  # the copy's first sentence, with debris
                    run += _seen_end(*fresh, seen)  # glued before it (`Ikuti ... Kapolres`)
                run += [(s, False) for s in shorts]
                run.append((left, counts))
                shorts, fresh = [], None
            else:
                yield from _a_run(text, run, taken)
                run, shorts = [], []
                seen.add(key)
                a, b = left[-1]  # (what stays of it after the last removal in it)
                fresh = (text[a : min(b, stop)], a, b) if b == end else None
        yield from _a_run(text, run, taken)


#: The end of a sentence that may repeat a seen one is looked for in this many characters
#: at most (a sentence of a copy is no longer; a run-on text with no stop is not read twice).
SEEN_END_CHARS = 1000


#: What ends a piece that an abbreviation's dot cut off a sentence (`... Jl`, `... No`, `... H`,
#: `... S.Kep`): a capitalised word of three letters at most, or a word with an inner dot.
_ABBREVIATION_END = re.compile(r"(?:(?<![\w.])[A-Z][a-z]{0,2}|\w\.\w+)\Z")


def _seen_end(key: str, start: int, end: int, seen: set[str]):
    """The end of the sentence text[start:end] (its `key` up to its stop) that repeats a seen
    sentence of CONTAINED_MIN_WORDS words or more, from a word's start on: [] or [(its
    stretch, True)]. Only its last SEEN_END_CHARS characters are read. Not after words that
    lead into it as the story's own (`Sebagai informasi,`, `Pukul 14.00 WIB:`, `... ia kembali
    menegaskan, "...`): a restatement the story makes on purpose, its lead-in left dangling
    without it; debris glued before it ends in a word (`Ikuti Whatsapp Channel Republika`)."""
    at = key.find(" ", max(0, len(key) - SEEN_END_CHARS - 1))
    while at >= 0:
        rest = key[at + 1 :]
        if rest.count(" ") + 1 < CONTAINED_MIN_WORDS:
            break
        if rest in seen:
            if key[:at].rstrip()[-1:] in _LEAD_IN_ENDS:
                return []
            return [([(start + at + 1, end)], True)]
        at = key.find(" ", at + 1)
    return []


#: The marks a story's own lead-in to a restated sentence ends with.
_LEAD_IN_ENDS = frozenset(",:;-–—\"“‘'(")


def _a_run(text: str, run: list[tuple[list[tuple[int, int]], bool]], taken: Taken):
    """The run's sentences (what the other removals leave of each), their edges' white space
    trimmed, if two or more of them count (long ones, not cut off by an abbreviation's dot from
    the one before) and no other removal touches them."""
    if sum(counts for _, counts in run) < 2:
        return
    for stretches, _ in run:
        for start, end in stretches:
            trimmed = _stripped(text, start, end)
            if trimmed is not None and not taken.overlaps(*trimmed):
                yield trimmed


def _stripped(text: str, start: int, end: int) -> tuple[int, int] | None:
    """text[start:end] without the white space at its edges (absorb() decides what goes with
    a removal), or None if nothing else is there."""
    start += len(text[start:end]) - len(text[start:end].lstrip())
    end -= len(text[start:end]) - len(text[start:end].rstrip())
    return (start, end) if start < end else None


def _result(text: str, taken: Taken, warnings: list[str]) -> Cleaned:
    spans = absorb(text, [(s, e) for s, e, _ in taken.items])
    removals = []
    for (start, end), (_, _, rule) in zip(spans, taken.items, strict=True):
        rule_id, category = (rule.id, rule.category) if rule else (DUPLICATE_RULE, "duplicate")
        removals.append(Removal(rule_id, category, start, end, text[start:end]))
    pieces, pos = [], 0
    for r in removals:
        pieces.append(text[pos : r.start])
        pos = r.end
    pieces.append(text[pos:])
    return Cleaned("".join(pieces), tuple(removals), tuple(warnings))
