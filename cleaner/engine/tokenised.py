"""Word-tokenised text read as it was written.

Some scrapers and data sets hand over text split into tokens with a blank between each two
(`Jakarta , CNN Indonesia -- Presiden ... ( Surpres ) , Rabu ( 11 / 9 ) . Surpres ...`).
Rules and the layout are written for text as it is published: a sentence ends with `dia.`,
not `dia .`; a credit is `(Foto: Antara/Budi)`, a code `(ant/dil)`, a date `Senin, 12 Mei`.
So a text that is tokenised throughout is cleaned on a *view* of it without the blanks that
tokenising put beside punctuation; each removal found there is mapped back onto the text,
which comes out as it came in, tokens and all, only without its debris.

>>> view = tokenised_view('Kata dia , " Harga naik . " ( ant / dil ) Suara . com , 10 : 00 .')
>>> view.text
'Kata dia, "Harga naik." (ant/dil) Suara.com, 10:00.'
>>> tokenised_view("Kata dia, harga naik. (ant/dil)") is None  # written text: no view
True
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A text is tokenised when most of its commas and full stops before a blank or a line's end
# have a blank before them too (` , `, ` . `), and there are a few of them: written text has almost
# none (a stray ` ,` in a scraped list), a tokenised one has all (the bulk batches: 0 to 40%
# in 4,600 written articles, 90 to 100% in the tokenised ones).
MIN_SPACED = 3
MIN_SHARE = 0.6

# The blanks tokenising adds, each matched as the one blank it is (look-arounds only): before
# a mark that closes or ends something; after one that opens something; around a slash
# between two words (`ant / dil`, `11 / 9`) and in a URL's `https : / /`; between the same
# marks in a row (`* * *`, `- -`, `> >`); around a hyphen between digits (`2024 - 02 - 12`);
# inside a time (`10 : 00`), a number (`1 . 234`), a host name (`Suara . com`) and an
# English possessive (`Editor ’ s`); after `@` and `#` (`@ detikcom`). Not around a hyphen
# between words: ` - ` is also the dash of written text (`Jakarta - Presiden ...`).
_DROP = re.compile(
    r" (?=[,.;:?!%)\]}”’…])"
    r"|(?<=[(\[{“‘]) "
    r"|(?<=[@#]) (?=\w)"
    r"|(?<=\w) (?=/ [\w@])|(?<=\w /) (?=[\w@])"
    r"|(?<=http :) (?=/)|(?<=https :) (?=/)|(?<=/) (?=/)|(?<=/ /) (?=\w)"
    r"|(?<=-) (?=-)|(?<=\*) (?=\*)|(?<=>) (?=>)|(?<=<) (?=<)|(?<==) (?==)"
    r"|(?<=\d) (?=- \d)|(?<=\d -) (?=\d)"
    r"|(?<=\d :) (?=\d)|(?<=\d \.) (?=\d{3}(?!\w))"
    r"|(?<=\w \.) (?=(?:\w+ \. )*(?:com|co|id|net|org|tv|go|ac|or|my|COM|CO|ID)(?!\w))"
    r"|(?<=\w ’) (?=s(?!\w))|(?<=\w ') (?=s(?!\w))"
)


class TokenisedView(NamedTuple):
    """`text` without tokenising's blanks; `at[i]` is where its character i is in the text."""

    text: str
    at: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The text's span of the view's characters start..end-1 (the blanks dropped between
        them included)."""
        return self.at[start], self.at[end - 1] + 1


def looks_tokenised(text: str) -> bool:
    """Whether `text` reads as word-tokenised: a blank before most of its commas and stops."""
    spaced = text.count(" , ") + text.count(" . ") + text.count(" .\n") + text.endswith(" .")
    if spaced < MIN_SPACED:
        return False
    return spaced >= MIN_SHARE * (text.count(", ") + text.count(". ") + text.count(".\n") + 1)


def tokenised_view(text: str) -> TokenisedView | None:
    """The view of a word-tokenised text (None: the text is not tokenised)."""
    if not looks_tokenised(text):
        return None
    drop = {m.start() for m in _DROP.finditer(text)}
    drop.update(_quote_blanks(text))
    if not drop:
        return None
    at = [i for i in range(len(text)) if i not in drop]
    return TokenisedView("".join(text[i] for i in at), at)


def _quote_blanks(text: str):
    """The blank inside each pair of straight double quotes (`" Harga naik . "`): on each
    line the first quote opens, the next closes, and so on."""
    start = 0
    for line in text.split("\n"):
        opening = True
        pos = line.find('"')
        while pos >= 0:
            if opening and line[pos + 1 : pos + 2] == " ":
                yield start + pos + 1
            elif not opening and pos > 0 and line[pos - 1] == " ":
                yield start + pos - 1
            opening = not opening
            pos = line.find('"', pos + 1)
        start += len(line) + 1
