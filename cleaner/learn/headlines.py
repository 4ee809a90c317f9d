"""A batch's related headlines: the linked headlines it shows whole.

Where a glued related link (`kata dia.Baca Juga: Harga Emas Naik LagiPresiden ...`) ends is
the cleaner's hardest call (`cleaner.engine.headline`); a headline the batch shows whole
settles it, as the learned pack's `[pack] headlines`. A batch shows a headline whole

- as an own-line link: `Baca juga: Harga Emas Naik Lagi` on a line of its own;
- in a line of headlines under a marker on a line of its own (`Baca juga:` then a headline
  a line), as the engine reads them (`headline_lines_end`);
- as another article's title: the first line of a document, above its story;
- glued after a marker the same way in several documents: where those documents part is
  where the headline ends (found by `cleaner.learn.cores`, from the runs of repeated tokens).

`Headlines` counts them in bounded memory; the most frequent are written.

>>> seen = Headlines(cap=10)
>>> seen.add_document("Judul Berita Ini\\nIsi berita. Isi lagi.\\nBaca juga: Harga Emas Naik Lagi")
>>> seen.top(5)
['Judul Berita Ini', 'Harga Emas Naik Lagi']
"""

from __future__ import annotations

import re

from ..engine.extend import headline_lines_end
from ..engine.headline import MAX_LEN, headline_end
from ..engine.headline_words import CUE, FUNCTION
from ..engine.layout import Unit, is_body_like, units

#: Markers of a related link, in the spellings of Indonesian outlets.
MARKER = re.compile(
    r"(?:Baca|BACA|Lihat|LIHAT|Simak|SIMAK)[ \t\u00a0]*(?:[Jj]uga|JUGA)"
    r"|(?:Berita|Artikel|BERITA|ARTIKEL)[ \t\u00a0]+(?:[Tt]erkait|TERKAIT|[Ll]ainnya|LAINNYA)"
    r"|Jangan [Ll]ewatkan|JANGAN LEWATKAN|Pilihan (?:Editor|Redaksi)|(?:Baca|BACA)(?=[ \t]*:)"
)
_LINK = re.compile(rf"(?:{MARKER.pattern})[ \t\u00a0]*[:\-–|]?[ \t\u00a0]*")
_MARKER_LINE = re.compile(rf"(?:{MARKER.pattern})[ \t\u00a0]*:?[ \t\u00a0]*\Z")
# a sentence ends and a sentence-case one starts (`Auto Nyesek! Kebijakan Tarif` is a headline)
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’)]*\s+[\"“]?[A-Z][a-z]+\s+[a-z]")
#: Headlines shorter than this are not looked up (`cleaner.engine.headline.Known`).
MIN_CHARS = 12


def headline_like(text: str) -> bool:
    """A linked headline: 2 to 25 words, at most MAX_LEN characters, opening with a capital,
    a digit or a quote, not ending in a joining word, not a sentence (no full stop at its end
    or inside) and no marker.

    >>> headline_like("Harga Emas Naik Lagi"), headline_like("Harga emas naik lagi, kata dia.")
    (True, False)
    """
    words = text.split()
    return (
        2 <= len(words) <= 25
        and MIN_CHARS <= len(text) <= MAX_LEN
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'")
        and not text.rstrip("\"”’'").endswith((".", ":", ",", ";", "-", "–", "—"))
        and words[-1] not in FUNCTION
        and _SENTENCE_INSIDE.search(text) is None
        and CUE.search(text) is None
    )


class Headlines:
    """Counts of headlines seen whole, at most `cap` of them (the least seen go first)."""

    def __init__(self, cap: int = 1000) -> None:
        self.cap = cap
        self.counts: dict[str, int] = {}

    def add(self, headline: str, count: int = 1) -> None:
        headline = headline.strip()
        if not headline_like(headline):
            return
        if headline not in self.counts and len(self.counts) >= self.cap:
            self._prune()
        self.counts[headline] = self.counts.get(headline, 0) + count

    def _prune(self) -> None:
        """Keep the more frequent half (the first seen, among equals)."""
        ranked = sorted(self.counts.items(), key=lambda kv: -kv[1])[: self.cap // 2]
        keep = {h for h, _ in ranked}
        self.counts = {h: c for h, c in self.counts.items() if h in keep}

    def add_document(self, text: str, parts: list[Unit] | None = None) -> None:
        """The headlines one document shows whole: its title, own-line links, lines of
        headlines under a marker line."""
        parts = units(text) if parts is None else parts
        if len(parts) >= 2 and not is_body_like(text[parts[0].start : parts[0].end]):
            self.add(text[parts[0].start : parts[0].end])  # its title, above the story
        for k, u in enumerate(parts):
            line = text[u.start : u.end]
            if not MARKER.match(line):
                continue
            if _MARKER_LINE.match(line):
                end = headline_lines_end(text, parts, u.end)
                for v in parts[k + 1 :]:
                    if end is None or v.end > end:
                        break
                    self.add(text[v.start : v.end])
            elif link := _LINK.match(line):
                self.add(line[link.end() :])

    def add_glued(self, examples: list[tuple[str, str, str]], docs: int) -> None:
        """A related link that recurs glued the same way in `docs` documents: its examples
        are (before, link, after), the link the repeated text (`Baca Juga: Headline`).

        Where such documents part need not be where the headline ends: links to different
        headlines that start alike part inside them (`Negosiasi Tarif ...`). So the link is
        taken only where the engine's own reading of each example ends the headline there
        or before it (a `!` inside it, say); never where it reads on."""
        link = _LINK.search(examples[0][1])
        if link is None or not headline_like(examples[0][1][link.end() :].strip()):
            return
        for before, raw, after in examples:
            found = _LINK.search(raw)
            if found is None:
                return
            text = before + raw + after
            start = len(before) + found.end()
            end, _ = headline_end(text, start, marker=len(before) + found.start())
            if end is not None and end > len(before) + len(raw.rstrip()):
                return
        self.add(examples[0][1][link.end() :], docs)

    def top(self, k: int) -> list[str]:
        """The `k` most frequent (the first seen, among equals)."""
        ranked = sorted(self.counts.items(), key=lambda kv: -kv[1])
        return [h for h, _ in ranked[:k]]
