"""Grow removal spans over the white space around them, so the text closes up cleanly.

Removal is deletion only, so the white space that framed a removed line or span must go with
it, or the output fills with blank lines and double spaces. Removals separated only by white
space are treated as one block (the white space between them goes with them). Then, per block:
- at the start of the text it takes the white space on both sides, at the end the white space
  before it and the blanks after it (the text's last line break stays): none is left at an
  edge of the output;
- a block with white space on both sides takes the white space after it (`a X b` -> `a b`,
  a whole line takes the blanks that indent it, its line break and following blank lines),
  except when only the side after it holds a line break: then it takes the blanks before it
  (`a X\\nb` -> `a\\nb`);
- a block glued to a neighbour on either side (`kata.Baca juga: ...`) takes nothing, so no
  two words are ever joined and no separator is lost.

>>> absorb("A\\n\\nX\\n\\nB", [(3, 4)])
[(3, 6)]
>>> absorb("A\\n  X\\nB", [(4, 5)])
[(2, 6)]
>>> absorb("a X b", [(2, 3)])
[(2, 4)]
>>> absorb("a X\\nb", [(2, 3)])
[(1, 3)]
"""

from __future__ import annotations

import re

#: Characters that show as a blank: no-break, narrow, thin, figure and ideographic spaces.
_SPACE_LIKE = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_AS_BLANK = re.compile(f"[{_SPACE_LIKE}]")  # (a substitution: str.translate reads every char)
#: Characters that show as nothing (a zero-width space, a byte-order mark, a word joiner):
#: read as a blank where no blank is beside them (`Baca\u200bJuga`, a line's end), else left.
_ZW = "[\u200b\ufeff\u2060]"
_ODD_CHARS = _SPACE_LIKE + "\u200b\ufeff\u2060"  # (`in` per char beats a class search)
_ZERO_WIDTH = re.compile(rf"(?<![ \t\n]){_ZW}(?![ \t\r\n])|(?<=\n){_ZW}|{_ZW}(?=\r?\n|\Z)|\A{_ZW}")


#: Marks that sites put before a line of furniture (`📌 Baca Juga`, `➡️ Ikuti kami`, `🔥
#: Terpopuler`): emoji, arrows, shapes, with the blanks after them. Not a list's `-` or `•`.
_MARK_CHARS = (
    "[\u2190-\u21ff\u2300-\u23ff\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff"
    "\U0001f000-\U0001faff\ufe0f\u200d]"
)
DECORATION = re.compile(f"{_MARK_CHARS}+[ \t\u00a0]*")
_MARK = re.compile(_MARK_CHARS)
_LINE_MARK = re.compile(f"^[ \t\u00a0]*({_MARK_CHARS}+)", re.M)


def blank_view(text: str) -> str:
    r"""`text` with the characters that show as a blank (or as nothing, between two words or at
    a line's edge) read as one, character for character: rules written with plain blanks
    match `Baca\u00a0Juga:` and a line that ends in a zero-width space, and offsets into the
    view are offsets into the text. A mark before a line's words reads as blanks too (see
    `_blank_marks`). The text itself if it has none.

    >>> blank_view("Baca\u00a0Juga:\u200bX\u200b\n\ufeffY. \u200bZ\n📌 Terkait")
    'Baca Juga: X \n Y. \u200bZ\n  Terkait'
    """
    if text.isascii():  # (most texts: no odd blank, no mark)
        return text
    odd = any(ch in text for ch in _ODD_CHARS)
    if not odd and not _a_line_opens_with_a_mark(text):
        return text
    view = _AS_BLANK.sub(" ", text) if odd else text
    if odd and has_zero_width(view):
        view = _ZERO_WIDTH.sub(" ", view)
    if not odd or _a_line_opens_with_a_mark(view):  # (checked already when not odd)
        view = _blank_marks(view)
    return text if view == text else view  # (a zero-width space beside a blank stays)


def _a_line_opens_with_a_mark(text: str) -> bool:
    """Whether a line opens with a mark (a look at each line's first character, many times
    cheaper than a class search of the whole text)."""
    match = _MARK.match
    return any(match(line.lstrip(" \t\u00a0")) for line in text.split("\n"))


def _blank_marks(text: str) -> str:
    """`text` with the mark that opens a line (`📌 Berita Terkait`) read as blanks, so that a
    rule read at a line's start reads its words; not a list's bullet: a mark that the line
    before or after it (blank lines skipped) opens with too (`● Iklan` / `● Langganan`)."""
    found = list(_LINE_MARK.finditer(text))
    if not found:
        return text
    opens = {m.start(): m.group(1) for m in found}  # line start -> its mark
    pieces, pos = [], 0
    for m in found:
        mark = m.group(1)
        if _neighbour_mark(text, m.start(), -1, opens) == mark:
            continue
        if _neighbour_mark(text, m.start(), 1, opens) == mark:
            continue
        pieces += [text[pos : m.start(1)], " " * len(mark)]
        pos = m.end(1)
    return "".join([*pieces, text[pos:]]) if pieces else text


def _neighbour_mark(text: str, line: int, step: int, opens: dict[int, str]) -> str | None:
    """The mark that opens the nearest line with words before (`step` -1) or after (1) the
    line that starts at `line`, if it opens with one."""
    while True:
        if step < 0:
            if line == 0:
                return None
            line = text.rfind("\n", 0, line - 1) + 1
        else:
            at = text.find("\n", line)
            if at < 0:
                return None
            line = at + 1
        end = text.find("\n", line)
        if text[line : end if end >= 0 else len(text)].strip():
            return opens.get(line)


def has_zero_width(text: str) -> bool:
    """Whether `text` holds a character that shows as nothing (see blank_view)."""
    return not text.isascii() and ("\u200b" in text or "\ufeff" in text or "\u2060" in text)


def _groups(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = []
    for start, end in spans:
        gap = text[groups[-1][-1][1] : start] if groups else "x"
        if not gap or gap.isspace():
            groups[-1].append((start, end))
        else:
            groups.append([(start, end)])
    return groups


#: What a removal leaves of its line that goes with it: a few marks, no letter or digit
#: (`📌 ` before `Baca Juga: ...`, the `- ` of a list item that was a link, a closing `»`).
RESIDUE_MAX = 8


def _marks_only(piece: str) -> bool:
    """`piece` is blank, or a few marks with no letter or digit (RESIDUE_MAX at most)."""
    return len(piece.strip()) <= RESIDUE_MAX and not any(ch.isalnum() for ch in piece)


#: How far a removal looks for its line's edges (a short residue, a few blanks around it).
_RESIDUE_REACH = 4 * RESIDUE_MAX


def _line_residue(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) grown over the marks the removal would leave alone on its line. (Only
    RESIDUE_REACH characters on each side are read: a long line is no residue, and a glued
    text of megabytes is not scanned once per removal.)"""
    low, high = max(0, start - _RESIDUE_REACH), min(len(text), end + _RESIDUE_REACH)
    line_start = text.rfind("\n", low, start) + 1
    if line_start == 0 and low > 0:
        return start, end
    line_end = text.find("\n", end, high)
    if line_end < 0:
        if high < len(text):
            return start, end
        line_end = high
    if text[line_end - 1 : line_end] == "\r" and line_end > end:
        line_end -= 1
    before, after = text[line_start:start], text[end:line_end]
    if _marks_only(before) and _marks_only(after):
        if before.strip():
            start = line_start + len(before) - len(before.lstrip())
        if after.strip():
            end = line_end - (len(after) - len(after.rstrip()))
    return start, end


def _bracket_residue(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) grown over the brackets around it when it is all they hold: a removal
    leaves no empty `()` (`ujar dia. (Reporter: Ani | Editor: Budi) Harga ...`).

    >>> text = "kata dia. ( Editor: Budi ) Harga"
    >>> text[slice(*_bracket_residue(text, 12, 24))]
    '( Editor: Budi )'
    """
    if start == 0 or text[start - 1] not in " \t([":
        return start, end  # (most removals: no bracket right before)
    left, right = start, end
    while left > 0 and text[left - 1] in " \t":
        left -= 1
    while right < len(text) and text[right] in " \t":
        right += 1
    if left > 0 and right < len(text) and text[left - 1] + text[right] in ("()", "[]"):
        return left - 1, right + 1
    return start, end


def absorb(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return `spans` (sorted, disjoint) grown over the white space they leave behind, and
    over a few marks they would leave alone on their line (`📌 ` of `📌 Baca Juga: ...`)."""
    n = len(text)
    grown: list[tuple[int, int]] = []
    for start, end in spans:  # (grown before grouping: the groups stay disjoint)
        start, end = _line_residue(text, *_bracket_residue(text, start, end))
        grown.append((max(start, grown[-1][1]) if grown else start, end))
    out: list[tuple[int, int]] = []
    for group in _groups(text, grown):
        start, end = group[0][0], group[-1][1]
        left, right = start, end
        while left > 0 and text[left - 1].isspace():
            left -= 1
        while right < n and text[right].isspace():
            right += 1
        before, after = text[left:start], text[end:right]
        if left == 0 and right == n:
            start, end = left, right
        elif right == n:  # the blanks after it too, up to the text's own last line break
            start = left
            cut = after.find("\n") if "\n" in after else len(after)
            end += cut - 1 if cut > 0 and after[cut - 1] == "\r" else cut
        elif left == 0:
            start, end = left, right
        elif before and after:
            if "\n" in after and "\n" not in before:
                start = left
            else:
                end = right
                if "\n" in before and "\n" in after:  # a whole line: its indent goes too
                    start = left + before.rfind("\n") + 1  # (a mark read as blanks: `📌 `)
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
