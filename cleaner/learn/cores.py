"""From runs of repeated tokens to candidates: each run trimmed to its core, the same cores
merged.

Where a run starts and ends depends on the documents that came before it (the story word
next to a banner may have been next to it once before), so the runs of one piece of
boilerplate differ at their fringes. Once the batch is counted, a run's *core* is the
longest stretch of it whose every n-gram is in at least `threshold` documents: the maximal
repeat at the learning threshold. Its fringe of punctuation (the stop of the sentence before
it) is trimmed, and the runs with the same core become one candidate.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

from .normalising import normalise
from .pieces import segments
from .repeats import gram_hashes, spaced, token_start, tokens, trim
from .sightings import CONTEXT, Info, Occurrence, at_seams, dash_follows


def core(
    raw: str, n: int, count: Callable[[int], int], threshold: int
) -> list[tuple[int, int, int]]:
    """(start, end, documents) of each piece of the core of `raw`: its longest stretch whose
    n-grams each have `count` >= `threshold`, cut where a sentence ends or text is glued
    (`segments`: a sentence the stories of a week share may run into a banner after it, and
    each is judged on its own); `documents` is the smallest count of a piece's n-grams.

    >>> counts = {}
    >>> raw = "dia. Scroll untuk lanjut membaca ya sekarang"
    >>> for i, h in enumerate(gram_hashes(tokens(raw)[0], 3)):
    ...     counts[h] = 9 if i in (1, 2, 3, 4) else 1
    >>> [(raw[start:end], docs) for start, end, docs in core(raw, 3, counts.get, 5)]
    [('Scroll untuk lanjut membaca ya', 9)]
    """
    words, ends = tokens(raw)
    counts = [count(h) or 0 for h in gram_hashes(words, n)]
    best, first = (0, 0, 0), None
    for i, c in enumerate([*counts, -1]):
        if c >= threshold:
            first = i if first is None else first
        elif first is not None:
            best = max(best, (i - first, first, i))
            first = None
    size, lo, hi = best
    if not size:
        return []
    out = []
    start, end = token_start(raw, words, ends, lo), ends[hi - 2 + n]
    for s, e in segments(raw, start, end):
        a, b = trim(words, bisect_right(ends, s), bisect_left(ends, e) + 1)
        if a >= b:
            continue
        inside = counts[max(a, lo) : min(b - n + 1, hi)]  # its own n-grams, or those it is in
        inside = inside or counts[max(a - n + 1, lo) : min(b, hi)]
        out.append((token_start(raw, words, ends, a), ends[b - 1], min(inside)))
    return out


def cores(
    pieces: Iterable[Info],
    n: int,
    count: Callable[[int], int],
    threshold: int,
    max_examples: int,
) -> list[tuple[int, Info]]:
    """(documents, info) of each piece of the cores of the runs in `pieces`, with the runs
    of the same piece merged (spelled with or without blanks between its tokens): their
    sightings summed, their examples trimmed to the piece. Whether a piece sits between
    sentences is judged again on its examples: a run's fringe may have run into a sentence."""
    found: dict[str, tuple[int, Info]] = {}
    for info in pieces:
        parts: dict[str, tuple[int, list[tuple[str, str, str]]]] = {}
        for before, raw, after in info.examples:
            for start, end, seen in core(raw, n, count, threshold):
                key = normalise(spaced(raw[start:end]))
                docs, examples = parts.get(key, (0, []))
                context = ((before + raw[:start])[-CONTEXT:], raw[start:end])
                examples.append((*context, (raw[end:] + after)[:CONTEXT]))
                parts[key] = (max(docs, seen), examples)
        for key, (docs, examples) in parts.items():
            part = _part(info, examples)
            if key in found:
                old_docs, merged = found[key]
                merged.merge(part, max_examples)
                found[key] = (max(old_docs, docs), merged)
            else:
                merged = Info()
                merged.merge(part, max_examples)
                found[key] = (docs, merged)
    return list(found.values())


def peak(info: Info, n: int, count: Callable[[int], int]) -> int:
    """The highest document count of an n-gram of the examples of `info`."""
    return max((count(h) for _, raw, _ in info.examples for h in gram_hashes(tokens(raw)[0], n)),
               default=0)  # fmt: skip


def _part(info: Info, examples: list[tuple[str, str, str]]) -> Info:
    """`info`'s sightings with `examples` (trimmed to one piece of its core), and whether
    that piece sits between sentences and before a dateline's dash, judged on them."""
    part = Info()
    part.merge(info, 0)
    part.examples = examples
    share = info.seen / len(examples)
    part.seams = round(share * sum(at_seams(*e) for e in examples))
    part.dash_after = round(share * sum(dash_follows(e[2]) for e in examples))
    return part


def as_info(occ: Occurrence, max_examples: int) -> Info:
    """A piece seen once so far, as the `Info` of a piece that recurs."""
    info = Info()
    info.record(occ, max_examples)
    return info
