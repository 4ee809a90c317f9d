"""Score a cleaner on hand-labelled articles: precision, recall and body loss, token by token.

A labelled set is a folder of raw articles (`raw/NAME.txt`, or `NAME.txt` in the folder itself)
with a label per article (`labels/NAME.json`: `{"spans": [{"category", "text", "nth"?}],
"notes"}`, the boilerplate in reading order; everything else is story text) and, optionally,
`MANIFEST.tsv` (a `url` column, or `url=...;` in its last column) so that site packs are chosen
as they would be in use. Tokens are words and punctuation marks; a token is removed when a
`Removal` covers its first character (removals are exact offsets, so repeated text is judged
exactly). precision = boilerplate tokens removed / tokens removed; recall = boilerplate tokens
removed / boilerplate tokens; body loss = story tokens removed / story tokens. Spans of a
category the cleaner keeps by default (`dateline`) count as story text.

>>> s = Score(removed_boiler=9, removed_body=1, boiler=10, body=100)
>>> s.precision, s.recall, s.body_loss
(0.9, 0.9, 0.01)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import regex

from .engine import Cleaner
from .engine.layout import UNIT_BREAK
from .engine.reading import REFERENCE, SPACED_REFERENCE, character, markup
from .model import CATEGORIES, Cleaned

#: A token of the scores: a character reference left in (`&quot;`, see reading), a word, a mark.
TOKEN = re.compile(rf"{REFERENCE.pattern}|\w+|[^\w\s]")
#: Categories that are labelled but kept by default: their tokens are story text here.
KEPT = frozenset(c for c, removed in CATEGORIES.items() if not removed)


class LabelError(ValueError):
    """A label file that does not fit its raw text (a span that cannot be found)."""


@dataclass(frozen=True, slots=True)
class Article:
    name: str  # the file stem, OUTLET__NNN
    text: str
    url: str | None
    spans: tuple[tuple[int, int, str], ...]  # (start, end, category), in the raw text

    @property
    def outlet(self) -> str:
        return self.name.split("__")[0]


@dataclass(slots=True)
class Score:
    removed_boiler: int = 0
    removed_body: int = 0
    boiler: int = 0
    body: int = 0

    def add(self, other: Score) -> None:
        self.removed_boiler += other.removed_boiler
        self.removed_body += other.removed_body
        self.boiler += other.boiler
        self.body += other.body

    @property
    def precision(self) -> float | None:
        removed = self.removed_boiler + self.removed_body
        return self.removed_boiler / removed if removed else None

    @property
    def recall(self) -> float | None:
        return self.removed_boiler / self.boiler if self.boiler else None

    @property
    def body_loss(self) -> float | None:
        return self.removed_body / self.body if self.body else None


@dataclass(frozen=True, slots=True)
class Loss:
    """A stretch of story text that a rule removed."""

    article: str
    rule_id: str
    text: str
    context: str


@dataclass(slots=True)
class Report:
    total: Score = field(default_factory=Score)
    outlets: dict[str, Score] = field(default_factory=dict)
    categories: dict[str, Score] = field(default_factory=dict)
    articles: dict[str, Score] = field(default_factory=dict)
    losses: list[Loss] = field(default_factory=list)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # article, category, text


def locate(raw: str, spans: Iterable[dict], name: str = "") -> list[tuple[int, int, str]]:
    """Offsets of the label spans, searched in reading order: white space in a span matches
    any run of white space or none; `nth` picks the k-th occurrence in the whole text."""
    found, pos = [], 0
    for span in spans:
        chunks = span["text"].split()
        if not chunks:
            raise LabelError(f"{name}: empty label span")
        pattern = regex.compile(r"\s*".join(regex.escape(c) for c in chunks))
        if "nth" in span:
            hits = list(pattern.finditer(raw))
            m = hits[span["nth"] - 1] if len(hits) >= span["nth"] else None
        else:
            m = pattern.search(raw, pos) or pattern.search(raw)
        if m is None:
            raise LabelError(f"{name}: label span not found: {span['text'][:60]!r}")
        found.append((m.start(), m.end(), span["category"]))
        pos = m.end()
    return sorted(found)


#: A word tokeniser's tokens (NLTK's kind, as in the word-tokenised data sets): a number whole
#: (`1.234`, `10:00`), a word with its inner dots, hyphens and apostrophes (`Kompas.com`,
#: `Undang-Undang`), or one mark.
_WORD_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*(?!\w|[.,:]\w)|\w+(?:[.'’-]\w+)*|[^\w\s]")


def tokenise(article: Article) -> Article:
    r"""The article as a word tokeniser hands it over, its labels moved along: one blank
    between each two tokens of a paragraph; line breaks, and the runs of blanks that keep
    paragraphs apart on a line, as they were.

    >>> a = Article("x__1", "Kata dia, (ant/dil)\nBaca juga:  Harga", None, ((10, 19, "byline"),))
    >>> t = tokenise(a)
    >>> t.text, [t.text[s:e] for s, e, _ in t.spans]
    ('Kata dia , ( ant / dil )\nBaca juga :  Harga', ['( ant / dil )'])
    """
    raw, pieces, pos = article.text, [], 0
    for m in _WORD_TOKEN.finditer(raw):
        gap = raw[pos : m.start()]
        # one blank between two tokens; a line break, a paragraph's run of blanks and what
        # opens the text as they are
        kept = "\n" in gap or (len(gap) > 1 and gap.isspace()) or not pos
        pieces += [(pos, m.start(), None if kept else " "), (m.start(), m.end(), None)]
        pos = m.end()
    pieces.append((pos, len(raw), None))
    return _rebuilt(article, pieces)


def one_line(article: Article, joiner: str = " ") -> Article:
    r"""The article with its paragraphs (units: see `cleaner.engine.layout`) joined into one
    line by `joiner`, as many scraped dumps hold them, its labels moved along.

    >>> a = Article("x__1", "Kata dia.\n\nBaca juga: Harga   Naik", None, ((11, 34, "related"),))
    >>> t = one_line(a)
    >>> t.text, [t.text[s:e] for s, e, _ in t.spans]
    ('Kata dia. Baca juga: Harga Naik', ['Baca juga: Harga Naik'])
    """
    return _substituted(article, UNIT_BREAK, lambda _: joiner)


def _substituted(article: Article, pattern: re.Pattern, new: Callable[[re.Match], str]) -> Article:
    """The article with each match of `pattern` written as `new(match)`, its labels moved
    along (see `_rebuilt`)."""
    raw, pieces, pos = article.text, [], 0
    for m in pattern.finditer(raw):
        pieces += [(pos, m.start(), None), (m.start(), m.end(), new(m))]
        pos = m.end()
    pieces.append((pos, len(raw), None))
    return _rebuilt(article, pieces)


def _rebuilt(article: Article, pieces: list[tuple[int, int, str | None]]) -> Article:
    """The article rebuilt from `pieces`, which cover its text in order: text[start:end] as
    it is (None) or replaced by a string; its labels moved along (a label that starts or
    ends in a replaced stretch takes the whole of its replacement)."""
    raw = article.text
    at = [0] * (len(raw) + 1)
    ends = [0] * (len(raw) + 1)  # where the replacement of each character ends
    out: list[str] = []
    size = 0
    for start, end, new in pieces:
        if new is None:
            at[start:end] = range(size, size + end - start)
            ends[start:end] = range(size + 1, size + end - start + 1)
            new = raw[start:end]
        else:
            at[start:end] = [size] * (end - start)
            ends[start:end] = [size + len(new)] * (end - start)
        out.append(new)
        size += len(new)
    at[len(raw)] = size
    spans = tuple((at[s], ends[e - 1], category) for s, e, category in article.spans)
    return Article(article.name, "".join(out), article.url, spans)


#: How a scraper that takes a page's source as text hands characters over: as HTML
#: character references (PHP's `htmlentities`, a CMS's typographic quotes).
_REFERENCES = {"&": "&amp;", '"': "&quot;", "'": "&#039;", "<": "&lt;", ">": "&gt;",
               "\u00a0": "&nbsp;", "“": "&ldquo;", "”": "&rdquo;", "‘": "&lsquo;",
               "’": "&rsquo;", "–": "&ndash;", "—": "&mdash;", "…": "&hellip;"}  # fmt: skip
_REFERENCED = re.compile("[" + "".join(_REFERENCES) + "]")
_BLANK_AFTER_COMMA = re.compile(r"(?<=,) (?=\S)")


def with_references(article: Article, nbsp: bool = True) -> Article:
    r"""The article with its quotes, dashes and ampersands written as HTML character
    references, and (`nbsp`) the blank after each comma as `&nbsp;`, as a scraper that
    takes a page's source as text hands it over; its labels moved along.

    >>> a = Article("x__1", 'Kata dia, "naik".\nBaca juga: A & B', None, ((18, 34, "related"),))
    >>> t = with_references(a)
    >>> t.text, [t.text[s:e] for s, e, _ in t.spans]
    ('Kata dia,&nbsp;&quot;naik&quot;.\nBaca juga: A &amp; B', ['Baca juga: A &amp; B'])
    """
    article = _substituted(article, _REFERENCED, lambda m: _REFERENCES[m.group()])
    return _substituted(article, _BLANK_AFTER_COMMA, lambda _: "&nbsp;") if nbsp else article


#: A label's first words that Markdown converters set in bold: a related cue, a credit's label.
_MARKDOWN_LEAD = re.compile(
    r"(?i)((?:baca|lihat|simak|berita|artikel)(?: juga| terkait| lainnya)?|jangan lewatkan"
    r"|pilihan editor|editor|reporter|penulis|pewarta|sumber|foto)[ \t]*:?"
)


def _markdown_label(text: str, category: str, k: int) -> str:
    """A labelled span as a Markdown converter writes it: a related link's cue in bold and its
    headline as a link, a credit's label in bold, a caption in italics, a banner in bold."""
    lines = []
    for n, line in enumerate(text.split("\n")):
        words = _markdown_escaped(line)
        lead = _MARKDOWN_LEAD.match(line)
        rest = line[lead.end() :].strip() if lead else line
        if category == "related" and ((n == 0 and lead) or n > 0) and rest:
            cue = f"**{_markdown_escaped(lead.group().strip())}** " if lead and n == 0 else ""
            words = f"{cue}[{_markdown_escaped(rest)}](/read/{k}-{n})"
        elif category in ("related", "byline") and lead and rest:
            words = f"**{_markdown_escaped(lead.group().strip())}** {_markdown_escaped(rest)}"
        elif line.strip() and category in ("caption", "ad", "related", "byline"):
            emphasis = "*" if category == "caption" else "**"
            words = f"{emphasis}{_markdown_escaped(line.strip())}{emphasis}"
        lines.append(words)
    return "\n".join(lines)


def _marked_up(
    article: Article,
    special: str,
    escaped: Callable[[str], str],
    label: Callable[[str, str, int], str],
) -> Article:
    """The article with each labelled span written by `label` (its text, category and number)
    and each character of `special` elsewhere by `escaped`, its labels moved along (a label
    covers what it is written as)."""
    raw, pieces, pos = article.text, [], 0

    def plain(start: int, end: int) -> None:
        at = start
        for m in re.finditer(f"[{re.escape(special)}]", raw[start:end]):
            found = start + m.start()
            pieces.extend([(at, found, None), (found, found + 1, escaped(m.group()))])
            at = found + 1
        pieces.append((at, end, None))

    for k, (start, end, category) in enumerate(sorted(article.spans)):
        if start < pos:  # (overlapping labels: the first one's rendering holds it)
            continue
        plain(pos, start)
        pieces.append((start, end, label(raw[start:end], category, k)))
        pos = end
    plain(pos, len(raw))
    return _rebuilt(article, [p for p in pieces if p[0] < p[1]])


def _markdown_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")


def markdown(article: Article) -> Article:
    r"""The article as an HTML-to-Markdown converter hands it over, its labels moved along:
    paragraphs kept apart by blank lines, `*` and `_` escaped, a related link's cue in bold and
    its headline a link, a credit's label in bold, a caption in italics, a banner in bold.

    >>> text = "Kata dia.\nBaca juga: Harga Naik\nIa_pergi."
    >>> t = markdown(Article("x__1", text, None, ((10, 31, "related"),)))
    >>> t.text
    'Kata dia.\n\n**Baca juga:** [Harga Naik](/read/0-0)\n\nIa\\_pergi.'
    >>> [t.text[s:e] for s, e, _ in t.spans]
    ['**Baca juga:** [Harga Naik](/read/0-0)']
    """
    return one_line(_marked_up(article, "*_\\", lambda char: "\\" + char, _markdown_label), "\n\n")


def _html_label(text: str, category: str, k: int) -> str:
    """A labelled span as a page's inner HTML holds it: a related link's cue in bold and its
    headline a link, a credit's label in bold, a caption in italics, a banner in bold."""
    lines = []
    for n, line in enumerate(text.split("\n")):
        lead = _MARKDOWN_LEAD.match(line)
        rest = escape(line[lead.end() :].strip() if lead else line, quote=False)
        cue = escape(lead.group().strip(), quote=False) if lead else ""
        if category == "related" and ((n == 0 and lead) or n > 0) and rest:
            bold = f"<strong>{cue}</strong> " if lead and n == 0 else ""
            lines.append(f'{bold}<a href="/read/{k}-{n}">{rest}</a>')
        elif category == "byline" and lead and rest:
            lines.append(f"<b>{cue}</b> {rest}")
        elif line.strip() and category in ("caption", "ad", "related", "byline"):
            tag = "em" if category == "caption" else "strong"
            lines.append(f"<{tag}>{escape(line.strip(), quote=False)}</{tag}>")
        else:
            lines.append(escape(line, quote=False))
    return "\n".join(lines)


def html(article: Article) -> Article:
    r"""The article as a page's inner HTML (a CMS export, a scraper that keeps the markup):
    each paragraph a `<p>` on one line, `&` and `<` escaped, a related link's cue in bold and
    its headline a link, a credit's label in bold, a caption in italics, a banner in bold.

    >>> text = "Kata dia.\nBaca juga: Harga Naik\nA & B."
    >>> t = html(Article("x__1", text, None, ((10, 31, "related"),)))
    >>> print(t.text.replace("</p>", "</p>\n"))
    <p>Kata dia.</p>
    <p><strong>Baca juga:</strong> <a href="/read/0-0">Harga Naik</a></p>
    <p>A &amp; B.</p>
    <BLANKLINE>
    >>> [t.text[s:e] for s, e, _ in t.spans]
    ['<strong>Baca juga:</strong> <a href="/read/0-0">Harga Naik</a>']
    """
    joined = one_line(_marked_up(article, "&<>", escape, _html_label), "</p><p>")
    return _rebuilt(
        joined,
        [(0, 0, "<p>"), (0, len(joined.text), None), (len(joined.text), len(joined.text), "</p>")],
    )


#: Other layouts of a labelled set (`bench/quality.py --layout`, the quality gate): the same
#: articles word-tokenised, joined into one line with a blank or with none, with a blank
#: line between each two paragraphs, with HTML character references left in, as Markdown, and
#: as a page's inner HTML.
LAYOUTS: dict[str, Callable[[Article], Article]] = {
    "tokenised": tokenise,
    "one-line": one_line,
    "glued": lambda article: one_line(article, ""),
    "blank-lines": lambda article: one_line(article, "\n\n"),
    "references": with_references,
    "markdown": markdown,
    "html": html,
}


def _urls(folder: Path) -> dict[str, str | None]:
    manifest = folder / "MANIFEST.tsv"
    if not manifest.exists():
        return {}
    lines = manifest.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    urls: dict[str, str | None] = {}
    for line in lines[1:]:
        cells = line.split("\t")
        name = Path(cells[0]).stem
        if "url" in header:
            urls[name] = cells[header.index("url")] or None
        else:
            found = re.search(r"url=(\S+?);", cells[-1])
            urls[name] = found.group(1) if found else None
    return urls


def load_set(folder: str | Path) -> list[Article]:
    """The labelled articles of a folder, in name order."""
    folder = Path(folder)
    raw_dir = folder / "raw" if (folder / "raw").is_dir() else folder
    urls = _urls(folder)
    articles = []
    for label in sorted((folder / "labels").glob("*.json")):
        raw_path = raw_dir / f"{label.stem}.txt"
        if not raw_path.exists():
            continue
        raw = raw_path.read_bytes().decode("utf-8")
        spans = json.loads(label.read_text(encoding="utf-8"))["spans"]
        located = locate(raw, spans, label.stem)
        articles.append(Article(label.stem, raw, urls.get(label.stem), tuple(located)))
    return articles


def score(
    articles: Iterable[Article],
    clean: Callable[[Article], Cleaned] | Cleaner,
    *,
    use_urls: bool = True,
) -> Report:
    """Clean every article and score the removals against its labels."""
    if isinstance(clean, Cleaner):
        cleaner = clean

        def clean(a: Article) -> Cleaned:
            return cleaner.clean(a.text, url=a.url if use_urls else None)

    report = Report()
    for article in articles:
        result = clean(article)
        _score_one(article, result, report)
    return report


def _white(raw: str) -> list[bool]:
    """Which characters of `raw` are white space: blanks and line breaks, the characters of
    each reference that stands for one (`&nbsp;` is a blank, not a token of the story), and
    HTML tags."""
    white = [ch.isspace() for ch in raw]
    if "&" in raw:
        for m in SPACED_REFERENCE.finditer(raw):
            if character(m).isspace():
                white[m.start() : m.end()] = [True] * (m.end() - m.start())
    if "<" in raw:  # an HTML tag is markup, not a word (see reading)
        for start, end, _ in markup(raw):
            white[start:end] = [True] * (end - start)
    return white


def _score_one(article: Article, result: Cleaned, report: Report) -> None:
    raw = article.text
    white = _white(raw)
    removed_by: list[str | None] = [None] * len(raw)
    for r in result.removals:
        removed_by[r.start : r.end] = [r.rule_id] * (r.end - r.start)
    category: list[str | None] = [None] * len(raw)
    for start, end, cat in article.spans:
        if cat not in KEPT:
            category[start:end] = [cat] * (end - start)
    mine = report.articles.setdefault(article.name, Score())
    outlet = report.outlets.setdefault(article.outlet, Score())
    for m in TOKEN.finditer(raw):
        if white[m.start()]:
            continue
        cat, rule = category[m.start()], removed_by[m.start()]
        one = Score()
        if cat is None:
            one.body, one.removed_body = 1, int(rule is not None)
        else:
            one.boiler, one.removed_boiler = 1, int(rule is not None)
            report.categories.setdefault(cat, Score()).add(one)
        for s in (report.total, mine, outlet):
            s.add(one)
    # story text removed, stretch by stretch, with the rule that removed it
    i = 0
    while i < len(raw):
        if removed_by[i] is not None and category[i] is None and not white[i]:
            j = i
            while j < len(raw) and removed_by[j] == removed_by[i] and category[j] is None:
                j += 1
            if any(not white[i + m.start()] for m in TOKEN.finditer(raw[i:j])):
                context = raw[max(0, i - 40) : i] + "[[" + raw[i:j] + "]]" + raw[j : j + 40]
                report.losses.append(Loss(article.name, removed_by[i], raw[i:j], context))
            i = j
        else:
            i += 1
    for start, end, cat in article.spans:
        if cat in KEPT:
            continue
        left = [k for k in range(start, end) if removed_by[k] is None and not white[k]]
        if left:
            report.misses.append((article.name, cat, raw[start:end]))


def percent(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}%}"


def table(report: Report, *, title: str = "") -> str:
    """The report as text: a row per outlet and the total, then recall per category.

    >>> print(table(Report(total=Score(9, 0, 10, 100), outlets={"x": Score(9, 0, 10, 100)})))
    outlet  docs  precision  recall  body loss  boilerplate tokens
    x       -     100.0%     90.0%   0.00%      10
    all     -     100.0%     90.0%   0.00%      10
    """
    docs: dict[str, int] = {}
    for name in report.articles:
        outlet = name.split("__")[0]
        docs[outlet] = docs.get(outlet, 0) + 1
    rows = [("outlet", "docs", "precision", "recall", "body loss", "boilerplate tokens")]
    for outlet, s in sorted(report.outlets.items()):
        rows.append(_row(outlet, docs.get(outlet), s))
    rows.append(_row("all", sum(docs.values()) or None, report.total))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [title] if title else []
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    if report.categories:
        cats = ", ".join(
            f"{c} {percent(s.recall)} ({s.boiler})" for c, s in sorted(report.categories.items())
        )
        lines.append(f"recall by category: {cats}")
    return "\n".join(lines)


def _row(name: str, docs: int | None, s: Score) -> tuple[str, ...]:
    return (
        name,
        str(docs) if docs else "-",
        percent(s.precision),
        percent(s.recall),
        percent(s.body_loss, 2),
        str(s.boiler),
    )


def details(report: Report, worst: int = 5) -> str:
    """The worst documents by recall, every stretch of story text removed (with its rule),
    and every label span left in."""
    lines = []
    ranked = sorted(
        ((s.recall, name, s) for name, s in report.articles.items() if s.boiler), key=lambda t: t[0]
    )
    lines.append(f"worst {min(worst, len(ranked))} documents by recall:")
    for recall, name, s in ranked[:worst]:
        lines.append(f"  {name}: recall {percent(recall)} of {s.boiler} tokens")
    lines.append(f"story text removed ({len(report.losses)}):")
    for loss in report.losses:
        lines.append(f"  {loss.article} [{loss.rule_id}]: {loss.context!r}")
    lines.append(f"boilerplate left in ({len(report.misses)}):")
    for name, category, text in report.misses:
        lines.append(f"  {name} {category}: {text[:120]!r}")
    return "\n".join(lines)
