"""How a text is read: views of it without what a scraper or a tokeniser added.

Rules and the layout are written for text as it is published. Common hand-overs add
characters that change nothing of the text but defeat them:

- **HTML character references left in** by a scraper that took a page's source as text
  (`Baca&nbsp;Juga:`, `&quot;Harga naik,&quot; kata dia`, `Jum&#039;at`): each is read as
  the character it stands for (a no-break space as a blank, as everywhere: see blank_view).
- **HTML tags** of an article's inner HTML (`<p><b>Baca juga:</b> <a href=...>...</a></p>`):
  a run of them that breaks the line is read as a line break, the others as nothing.
- **Markdown** from a converter or a crawler (`**Baca juga:** [Harga Naik](https://...)`):
  a link is read as its words, an image as nothing, the marks of emphasis, headings, lists
  and escapes away.
- **Word-tokenised text**, a blank between each two tokens (`Jakarta , CNN Indonesia --
  Presiden ... ( Surpres ) , Rabu ( 11 / 9 ) . Surpres ...`): a sentence ends with `dia.`,
  not `dia .`; a credit is `(Foto: Antara/Budi)`, a code `(ant/dil)`, a date `Senin, 12 Mei`.
- **Paragraphs kept apart by blank lines** (`"\\n\\n".join(paragraphs)`): a notice's title
  or a caption's credit on the line under it is on the next line, not two lines down.
- **Line breaks written out as escapes** (backslash and `n`, a dump escaped twice): a line
  rule reads no line at all.

A text that holds any of these (tokenised throughout, two escaped line breaks or more) is
cleaned on a *view* without those characters (a reference or an escape read as the character
it stands for); each removal found there is mapped back onto the text, which comes out as it
came in, references, markup, tokens and blank lines and all, only without its debris (and
with the markup that opens and closes what it removes: see View.lead).

>>> view = reading_view('Kata dia , " Harga naik . " ( ant / dil ) Suara . com , 10 : 00 .')
>>> view.text
'Kata dia, "Harga naik." (ant/dil) Suara.com, 10:00.'
>>> reading_view("Kata dia, harga naik. (ant/dil)") is None  # written text: no view
True
>>> reading_view("Baca juga:\\n\\nHarga Naik\\n\\nKata dia, harga naik.").text
'Baca juga:\\nHarga Naik\\nKata dia, harga naik.'
>>> reading_view("Baca&nbsp;Juga: &quot;Harga&quot; Jum&#039;at &amp;amp; AT&T;").text
'Baca Juga: "Harga" Jum\\'at & AT&T;'
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from html import unescape
from typing import NamedTuple

from .whitespace import blank_view

# A text is tokenised when most of its commas and full stops before a blank or a line's end
# have a blank before them too (` , `, ` . `), and there are a few of them: written text has almost
# none (a stray ` ,` in a scraped list), a tokenised one has all (the bulk batches: 0 to 40%
# in 4,600 written articles, 90 to 100% in the tokenised ones).
MIN_SPACED = 3
MIN_SHARE = 0.6
#: So many characters at a text's start are read to tell.
SAMPLE = 1500

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


class View(NamedTuple):
    """The text read without some of its characters; `at[i]` is where the view's character i
    is in the text, and `size` is the text's length. `lead[i]`, where given, is where the
    text of character i starts with the markup that opens it (`**` before `Baca`, `[` before
    a link's words; without it, at `at[i]`), and `lead[len(at)]` where the markup that closes
    the text starts (a page's last `</p>`; without it, at `size`)."""

    text: str
    at: list[int]
    size: int
    lead: list[int] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The text's span of the view's characters start..end-1, with the markup that opens
        the first, and what was dropped between them and after them up to the markup that
        opens the next (a removal of a paragraph takes its blank lines, one of a token the
        blank before the next, one of a link its `](url)`).

        >>> view = reading_view("Satu dua.\\n\\nBaca juga: X\\n\\nTiga empat.")
        >>> view.text
        'Satu dua.\\nBaca juga: X\\nTiga empat.'
        >>> start = view.text.index("Baca")
        >>> view.span(start, start + len("Baca juga: X\\n"))
        (11, 25)
        """
        if self.lead is not None:
            return self.lead[start], self.lead[end]
        return self.at[start], self.at[end] if end < len(self.at) else self.size

    def leads(self) -> list[int]:
        """`lead`, or what it would be: where each character's text starts, then `size`."""
        return self.lead if self.lead is not None else [*self.at, self.size]

    def then(self, inner: View | None) -> View:
        """This view read through `inner`, a view of this view's text."""
        if inner is None:
            return self
        outer_at = self.at
        at = [outer_at[i] for i in inner.at]
        lead = None
        if self.lead is not None or inner.lead is not None:
            outer_lead = self.leads()
            lead = [outer_lead[i] for i in inner.leads()]
        return View(inner.text, at, self.size, lead)


def looks_tokenised(text: str) -> bool:
    """Whether `text` reads as word-tokenised: a blank before most of its commas and stops."""
    text = text[:SAMPLE]  # (tokenised throughout: its start tells)
    if " , " not in text and " . " not in text:
        return False  # (written text: a look, nothing more)
    spaced = text.count(" , ") + text.count(" . ") + text.count(" .\n") + text.endswith(" .")
    if spaced < MIN_SPACED:
        return False
    return spaced >= MIN_SHARE * (text.count(", ") + text.count(". ") + text.count(".\n") + 1)


def reading_view(text: str) -> View | None:
    """The view of a text that holds character references, is written in Markdown, is
    tokenised, keeps its paragraphs apart with blank lines, or holds its line breaks escaped
    (None: none of these, the common case). The references are read first, so that `&nbsp;`
    on a line of its own is a blank line and `&quot;` a quotation mark of a tokenised text;
    then the Markdown, whose paragraphs are kept apart by blank lines."""
    view = None
    for read in (_references, _tags, _markdown, _layout_view):  # (each a look, when not needed)
        found = read(text if view is None else view.text)
        if found is not None:
            view = found if view is None else view.then(found)
    return view


#: A character reference: named (`&nbsp;`), decimal (`&#039;`) or hexadecimal (`&#x27;`),
#: with its semicolon; also escaped once more (`&amp;quot;`, a page's source escaped twice).
REFERENCE = re.compile(r"&(?:amp;)?(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: ... and as a word tokeniser hands it over (`& nbsp ;`, `& # 039 ;`): read so only in a
#: text that is tokenised (`Q & A ;` may be written).
SPACED_REFERENCE = re.compile(
    r"& ?(?:amp ?; ?)?(# ?[0-9]{1,7}|# ?[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31}) ?;"
)


def character(reference: re.Match) -> str:
    """The character a match of REFERENCE or SPACED_REFERENCE stands for (more than one
    character, or the reference itself, for a name that is no reference: `AT&T;`)."""
    return unescape(f"&{reference.group(1).replace(' ', '')};")


def _references(text: str) -> View | None:
    """The view of `text` with each character reference read as its character (one that
    stands for white space as a blank, see blank_view); None if it holds none. A name that
    is no reference (`AT&T;`) stays as it is."""
    if "&" not in text:
        return None  # (most texts: a look)
    drop: set[int] = set()
    read_as: dict[int, str] = {}
    pattern = SPACED_REFERENCE if looks_tokenised(text) else REFERENCE
    for m in pattern.finditer(text):
        char = character(m)
        if len(char) != 1:  # (not a reference; a few names stand for two characters)
            continue
        read_as[m.start()] = char
        drop.update(range(m.start() + 1, m.end()))
    if not read_as:
        return None
    view = _without(text, drop, read_as)
    return View(blank_view(view.text), view.at, view.size)


# ---------------------------------------------------------------- HTML tags

#: Elements that break a line (`<p>`, `<br>`, `<li>` ...), that stay in one (`<strong>`,
#: `<a>`, `<img>` ...), and whose content is no text (`<script>`, `<style>`, `<iframe>` ...).
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})  # fmt: skip
INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i",
    "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var", "wbr",
})  # fmt: skip
_KNOWN_TAGS = BLOCK_TAGS | INLINE_TAGS
_OPAQUE_TAGS = ("script", "style", "iframe", "noscript", "svg", "template", "object")
#: A tag (its attributes' quoted values may hold `>`, on one line, a thousand characters at
#: most: a stray quote does not take the text after it). Only the tags named above are read
#: as tags: `<iklan_2>` or `a < b` is text.
TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9]*)(?=[\s/>])(?:[^<>\"']|\"[^\"\n]{0,1000}\"|'[^'\n]{0,1000}')*>"
)
#: Where an element whose content is no text opens, or a comment.
_OPAQUE = re.compile(rf"<({'|'.join(_OPAQUE_TAGS)})\b|<!--", re.I)


def markup(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each tag of `text` read as one (see TAG), in order: a comment
    (name "!--") and an element whose content is no text (`<script>...</script>`) whole. One
    left open takes nothing: it is text (and once one is found open, the others of its name
    are not looked for: no scan of the rest of the text for each)."""
    pos, low, unclosed = 0, None, set()
    while (found := _OPAQUE.search(text, pos)) is not None:
        name = (found.group(1) or "!--").lower()
        if name in unclosed:
            pos = found.end()
            continue
        yield from _tags_in(text, pos, found.start())
        if name == "!--":
            end = text.find("-->", found.end())
            end = end + 3 if end >= 0 else -1
        else:
            low = text.lower() if low is None else low
            end = low.find(f"</{name}", found.end())
            end = text.find(">", end) + 1 if end >= 0 else -1
        if end <= 0:
            unclosed.add(name)
            yield from _tags_in(text, found.start(), found.end())
            pos = found.end()
            continue
        yield found.start(), end, name
        pos = end
    yield from _tags_in(text, pos, len(text))


def _tags_in(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    for m in TAG.finditer(text, start, end):
        if is_tag(m.group(2)):
            yield m.start(), m.end(), m.group(1) + m.group(2).lower()


#: How a whole HTML page opens: its doctype or one of its first tags, maybe after comments and
#: an XML prolog (`<!-- saved from url=... --><!DOCTYPE html>`). An article's inner HTML does
#: not open so; the CLI tells a page file by it too. (One blank at a time: `\s+` inside the
#: `(...)*` made a text that opens with thirty blanks and is no page take minutes to tell.)
PAGE_START = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.I | re.S,
)
#: So many characters at a text's start are read to tell a page (the CLI reads as many bytes).
PAGE_HEAD = 4096


def looks_like_page(text: str) -> bool:
    """Whether `text` opens as a whole HTML page does (see PAGE_START)."""
    if text[:1] not in "<\ufeff \t\r\n":
        return False
    return PAGE_START.match(text[:PAGE_HEAD].lstrip("\ufeff")) is not None


def is_tag(name: str) -> bool:
    """Whether `name` is read as an HTML tag's (see TAG)."""
    return name.lower() in _KNOWN_TAGS


def _tags(text: str) -> View | None:
    """The view of a text that holds HTML tags (an article's inner HTML, a CMS export), read
    as the page shows it: a run of tags that holds a block element's (`</p><p>`, `<br>`) as
    one line break, the others as nothing. A removal takes whole tags, never part of one: the
    ones that open and close what it removes (`<p><strong>Baca juga:</strong> <a ...>Harga
    Naik</a></p>` goes whole, the paragraphs around it stay closed). None if it holds no tag.

    >>> view = reading_view("<p>Isi.</p>\\n<p><b>Baca juga:</b> <a href='/x'>Harga</a></p>")
    >>> view.text
    'Isi.\\nBaca juga: Harga'
    >>> text = "<p>Isi.</p>\\n<p><b>Baca juga:</b> <a href='/x'>Harga</a></p>"
    >>> start, end = view.span(view.text.index("Baca") - 1, len(view.text))  # (its line break)
    >>> text[start:end], text[:start] + text[end:]
    ("</p>\\n<p><b>Baca juga:</b> <a href='/x'>Harga</a>", '<p>Isi.</p>')
    """
    if "<" not in text:
        return None  # (most texts: a look)
    found: list[tuple[int, int, bool, bool]] = []  # (start, end, opens, breaks the line)
    for start, end, name in markup(text):
        if name == "!--" or name in _OPAQUE_TAGS:  # a comment, a script: it closes
            found.append((start, end, False, name != "!--"))
        else:
            opens = not name.startswith("/") and name not in ("br", "hr", "img", "wbr")
            found.append((start, end, opens, name.lstrip("/") in BLOCK_TAGS))
    if not found:
        return None
    drop: set[int] = set()
    opening: set[int] = set()
    read_as: dict[int, str] = {}
    closing = None
    k = 0
    while k < len(found):  # a run: tags with nothing but white space between them
        j = k
        while j + 1 < len(found) and not text[found[j][1] : found[j + 1][0]].strip():
            j += 1
        run = found[k : j + 1]
        k = j + 1
        start, end = run[0][0], run[-1][1]
        drop.update(range(start, end))
        # what opens the next words (`<p><strong>`), after what closes the last (`</a></p>`)
        split = len(run)
        while split > 0 and run[split - 1][2]:
            split -= 1
        opens_at = run[split][0] if split < len(run) else end
        blocks = [t for t in run if t[3]]
        if blocks:  # a line break, all its block tags with it: none opens the words after it
            opens_at = max(opens_at, blocks[-1][1])
            if not text[end:].strip():  # after the last words: from its first block tag on,
                closing = blocks[0][0]  # it closes the text (a removal to the end leaves it)
            elif text[:start].strip():  # (none before the first words)
                read_as[blocks[0][0]] = "\n"
                drop.discard(blocks[0][0])
        elif not text[:start].strip():  # before the first words: it opens them
            opens_at = start
        else:  # in a line: the blank between two words stays
            tags = [range(a, b) for a, b, *_ in run]
            blank = next(
                (
                    i
                    for i in range(start, end)
                    if text[i].isspace() and not any(i in t for t in tags)
                ),
                None,
            )
            if blank is not None:
                drop.discard(blank)
                opens_at = max(opens_at, blank + 1)
        opening.update(range(opens_at, end))
    return _without(text, drop, read_as, opening, closing)


# ---------------------------------------------------------------- Markdown

_HEADING = re.compile(r"^#{1,6}[ \t]", re.M)


def _looks_markdown(text: str) -> bool:
    """Whether `text` holds what only Markdown writes: a link or an image (`[words](url)`),
    strong emphasis (`**words**`, `__words__`), an escaped mark (`\\_`, `\\*`, `\\[`), a
    heading's `#`, a list's `*`. (A look for each rare character first, then its pattern: a
    pattern search of every text would cost more than the rest of the check; a `***` line or
    `[Video](ant/dil)` makes no Markdown.)"""
    if "*" in text and (text.startswith(("* ", "*\t")) or "\n* " in text or "\n*\t" in text):
        return True  # (a list's `*`)
    if "]" in text and "](" in text and _LINK.search(text):
        return True
    if (("*" in text and "**" in text) or ("_" in text and "__" in text)) and _STRONG.search(text):
        return True
    if "\\" in text and _ESCAPE.search(text):
        return True
    return "#" in text and (text[:1] == "#" or "\n#" in text) and _HEADING.search(text) is not None


#: Where a link or an image points: a URL with a scheme, a path from the site's root, an
#: anchor, a query (`?page=2`) or a host; not a closing code glued after a bracket
#: (`[Video](ant/dil)`). One level of brackets inside it (Wikipedia's), then maybe a title.
_TARGET = (
    r"\((?:[A-Za-z][A-Za-z0-9+.-]*:|/|#|\?|\.\.?/|www\.)[^()\s]*(?:\([^()\s]*\)[^()\s]*)*"
    r"(?:[ \t]+\"[^\"\n]*\")?\)"
)
#: What a link's words or an image's description are: anything but brackets and line breaks
#: (an escaped bracket, or one pair inside, too).
_WORDS = r"(?:\\.|[^\[\]\\\n]|\[[^\[\]\n]*\])*"
#: An image, `![alt](src "title")`: read as nothing, with the white space after it the markup
#: that opens what follows it (a caption after it goes with it; a removal before it ends
#: before it).
_IMAGE = re.compile(rf"!\[{_WORDS}\]{_TARGET}")
#: A link, `[words](url "title")`: read as its words.
_LINK = re.compile(rf"\[({_WORDS})\]{_TARGET}")
#: Emphasis: `**words**` (also glued to the words around it, as converters write it after
#: a paragraph they join: `kata dia.**Baca juga:**`), `__words__`, `*words*`, `_words_` (not
#: inside a word: `kompas_com`). The words hold no mark of their own kind but an escaped one:
#: a mark that closes nothing stops the search there (no scan of the rest of the line).
_STRONG = re.compile(
    r"(?<![*\\])(\*\*\*?)(?=[^\s*])((?:\\.|[^*\\\n]|\*(?!\*))+?)(?:(?<=[^\s\\*])|(?<=\\[*_]))\1(?!\*)"
    r"|(?<![\w\\])(___?)(?=[^\s_])((?:\\.|[^_\\\n]|_(?!_))+?)(?<=[^\s\\_])\3(?!\w)"
)
_EMPHASIS = re.compile(
    # (a word may follow the closing `*`, not the closing `_`)
    r"(?<![\w*\\])(?:(\*)(?=[^\s*_])((?:\\.|[^*\\\n])+?)(?<=[^\s\\*_])\*(?!\*)"
    r"|(_)(?=[^\s*_])((?:\\.|[^_\\\n])+?)(?<=[^\s\\*_])_(?![\w*]))"
)
#: What opens a line: a heading's `#`s, a quotation's `>`s, a list item's bullet (read as `-`,
#: also where a converter put the item's words on the next line: `-\n    Harga Naik`).
_LINE_MARKUP = re.compile(
    r"^(?:[ \t]*>[ \t]?)*[ \t]*(?:(#{1,6})[ \t]+|([*+-])([ \t]*\n[ \t]*|[ \t]+)(?=[^\s*_-]))?",
    re.M,
)
#: An escaped mark: the backslash goes (`\_`, `\*`, `\[`).
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def _markdown(text: str) -> View | None:
    """The view of a text written in Markdown, read as the text it stands for: a link as its
    words, an image as nothing, emphasis without its marks, a heading or a quotation without
    what opens its line, a list's bullet as `-`, an escaped mark without its backslash. None
    if it holds none of these, or is no Markdown (see _looks_markdown)."""
    if not _looks_markdown(text):
        return None
    drop: set[int] = set()
    opening: set[int] = set()
    read_as: dict[int, str] = {}
    taken: list[tuple[int, int]] = []  # images and the markup of links: no emphasis inside

    def mark(start: int, end: int, opens: bool) -> None:
        drop.update(range(start, end))
        if opens:
            opening.update(range(start, end))

    for m in _IMAGE.finditer(text):
        end = m.end()
        while end < len(text) and text[end].isspace():  # (the white space after it: its own)
            end += 1
        mark(m.start(), end, True)
        taken.append((m.start(), end))
    for m in _LINK.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        mark(m.start(), m.start() + 1, True)  # `[`
        mark(m.end(1), m.end(), False)  # `](url)`
        taken.append((m.end(1), m.end()))
    for pattern in (_STRONG, _EMPHASIS):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken) or m.start() in drop:
                continue
            words = 2 if m.group(2) is not None else 4  # (the words between the marks)
            mark(m.start(), m.start(words), True)
            mark(m.end(words), m.end(), False)
    for m in _LINE_MARKUP.finditer(text):
        if m.start() == m.end() or m.start() in drop:
            continue
        if m.group(2):  # a list item: its bullet read as `-`, one blank after it
            read_as[m.start(2)] = "-"
            read_as[m.start(3)] = " "
            mark(m.start(), m.start(2), True)
            mark(m.start(3) + 1, m.end(3), True)
        else:
            mark(m.start(), m.end(), True)
    for m in _ESCAPE.finditer(text):
        if m.start() not in drop:
            mark(m.start(), m.start() + 1, True)
    if not drop and not read_as:
        return None
    return _without(text, drop, read_as, opening)


def _layout_view(text: str) -> View | None:
    """The view of a text that is tokenised, keeps its paragraphs apart with blank lines, or
    holds its line breaks escaped (None: none of these)."""
    breaks = _escaped_breaks(text)
    drop = _tokenising_blanks(text) | _blank_lines(text) | {i + 1 for i in breaks}
    return _without(text, drop, dict.fromkeys(breaks, "\n")) if drop else None


#: A line break written out as its escape, backslash and `n` (a dump escaped twice).
ESCAPED_BREAK = "\\n"
#: A text holds its line breaks escaped when it has this many such escapes at least.
MIN_ESCAPED = 2


def _escaped_breaks(text: str) -> list[int]:
    """Where each backslash of an escaped line break is (`... kata dia.\\nBaca juga: ...`),
    if the text has MIN_ESCAPED of them or more; a backslash before it escapes it (`\\\\n`)."""
    if text.count(ESCAPED_BREAK) < MIN_ESCAPED:
        return []  # (most texts: a count)
    found, i = [], text.find(ESCAPED_BREAK)
    while i >= 0:
        if i == 0 or text[i - 1] != "\\":
            found.append(i)
        i = text.find(ESCAPED_BREAK, i + 2)
    return found if len(found) >= MIN_ESCAPED else []


def _without(
    text: str,
    drop: set[int],
    read_as: dict[int, str] | None = None,
    opening: set[int] = frozenset(),
    closing: int | None = None,
) -> View:
    """The view of `text` without the characters at `drop` (the stretches between them), the
    character at each position of `read_as` read as the one given there; the dropped ones at
    `opening` open the character kept after them, and those from `closing` on close the text
    (see View.lead)."""
    kept, pos = [], 0
    for i in sorted(drop):
        if i > pos:
            kept.append(range(pos, i))
        pos = i + 1
    kept.append(range(pos, len(text)))
    at: list[int] = []
    for stretch in kept:
        at.extend(stretch)
    view = "".join(text[r.start : r.stop] for r in kept)
    if read_as:
        chars = list(view)
        for i, ch in read_as.items():
            chars[bisect_left(at, i)] = ch  # (`at` ascends: where text[i] is in the view)
        view = "".join(chars)
    lead = None
    if opening or closing is not None:
        lead = [*at, len(text) if closing is None else closing]
        for k, i in enumerate(at):
            while i - 1 in opening:
                i -= 1
            lead[k] = i
    return View(view, at, len(text), lead)


def _tokenising_blanks(text: str) -> set[int]:
    """Where the blanks that tokenising added are (none if the text is not tokenised)."""
    if not looks_tokenised(text):
        return set()
    drop = {m.start() for m in _DROP.finditer(text)}
    drop.update(_quote_blanks(text))
    return drop


#: A line break, the white space after it, and the blank lines after that: a paragraph's
#: separator. Every separator's blank lines are read away, also in a text that mixes single
#: line breaks and blank lines: were they kept there, a removal that leaves only blank lines
#: would change how the rest is read, and cleaning the output again would remove more.
_SEPARATOR = re.compile(r"\n[ \t\r\u00a0]*(?:\n[ \t\r\u00a0]*)*")
_BLANK_LINE = re.compile(r"\n[ \t\r\u00a0]*\n")


def _blank_lines(text: str) -> set[int]:
    """Where the blank lines between paragraphs are: of each separator that holds one, all
    but its first line break and the next line's indent."""
    if not _BLANK_LINE.search(text, len(text) - len(text.lstrip())):
        return set()  # (most texts: no blank line)
    drop: set[int] = set()
    for m in _SEPARATOR.finditer(text):
        if m.start() > 0 and m.end() < len(text) and m.group().count("\n") > 1:
            drop.update(range(m.start() + 1, m.start() + m.group().rindex("\n") + 1))
    return drop


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
