"""Grow removal spans over the white space around them, so the text closes up cleanly.

Removal is deletion only, so the white space that framed a removed line or span must go with
it, or the output fills with blank lines and double spaces. Removals separated only by white
space are treated as one block (the white space between them goes with them). Then, per block:
- at the start of the text it takes the white space after it, at the end the white space before;
- a block with white space on both sides takes the white space after it (`a X b` -> `a b`,
  a whole line takes its line break and following blank lines), except when only the side
  after it holds a line break: then it takes the blanks before it (`a X\\nb` -> `a\\nb`);
- a block glued to a neighbour on either side (`kata.Baca juga: ...`) takes nothing, so no
  two words are ever joined and no separator is lost.

>>> absorb("A\\n\\nX\\n\\nB", [(3, 4)])
[(3, 6)]
>>> absorb("a X b", [(2, 3)])
[(2, 4)]
>>> absorb("a X\\nb", [(2, 3)])
[(1, 3)]
"""

from __future__ import annotations


def _groups(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = []
    for start, end in spans:
        gap = text[groups[-1][-1][1] : start] if groups else "x"
        if not gap or gap.isspace():
            groups[-1].append((start, end))
        else:
            groups.append([(start, end)])
    return groups


def absorb(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return `spans` (sorted, disjoint) grown over the white space they leave behind."""
    n = len(text)
    out: list[tuple[int, int]] = []
    for group in _groups(text, spans):
        start, end = group[0][0], group[-1][1]
        left, right = start, end
        while left > 0 and text[left - 1].isspace():
            left -= 1
        while right < n and text[right].isspace():
            right += 1
        before, after = text[left:start], text[end:right]
        if left == 0 and right == n:
            start, end = left, right
        elif right == n:
            start = left
        elif left == 0:
            end = right
        elif before and after:
            if "\n" in after and "\n" not in before:
                start = left
            else:
                end = right
        if not before and not after and left > 0 and right < n:
            # glued on both sides: the white space between the spans is all that keeps the
            # neighbours apart ("IranADVERTISEMENT [x]\nPresiden"), so it stays
            out.extend(group)
            continue
        # Inside the group each span reaches to the next one, so no gap is left behind.
        bounds = [s for s, _ in group[1:]] + [end]
        firsts = [start] + [s for s, _ in group[1:]]
        out.extend(zip(firsts, bounds, strict=True))
    return out
