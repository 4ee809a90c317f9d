"""The generic path: the article of a page no profile knows, chosen by measurement.

trafilatura (imported here, on first use, default settings) reads the page after `debris` has
taken out what any site's share bars, related lists and tag boxes look like. Its choice is
checked against the page's largest block of paragraphs: when its text leaves out most of that
block, or shares no word with the headline, it took the wrong block (a sidebar list, a teaser)
and the largest block is the article. Measured on the 28 development pages without profiles
(`bench/html_quality.py --candidates`): trafilatura alone 0.983 of body sentences kept,
`favor_precision` 0.975, `favor_recall` 0.979, the largest block alone 0.801, trafilatura
with this check 0.992 (and the most boilerplate removed but for the largest block alone).

>>> from lxml import html
>>> page = html.fromstring("<html><body><div><p>" + "Kalimat berita. " * 20 + "</p><p>"
...     + "Kalimat kedua. " * 20 + "</p></div><ul><li><a>A</a></li><li><a>B</a></li></ul>"
...     "</body></html>")
>>> largest_block(page).tag
'div'
"""

from __future__ import annotations

import re

from .errors import HtmlError
from .text import to_lines

#: trafilatura's text holding less than this share of the page's largest block: it missed.
COVERED = 0.5
#: Elements past which trafilatura is not asked: its jusText rescue takes quadratic time on
#: huge trees (a 6 MB page of boxes: minutes). The development pages have at most ~500 left
#: after the debris is gone; past this the page's largest block is the article.
TRAFILATURA_MAX = 8000
TOPIC_WORD = re.compile(r"\w{4,}")
PARAGRAPHS = ("p", "br")


def generic_lines(tree, url: str | None, headline: str) -> tuple[list[str], str]:
    """The article lines of `tree` (already rid of debris) and the path that gave them."""
    block = largest_block(tree)
    if sum(1 for _ in tree.iter()) > TRAFILATURA_MAX:
        return (to_lines(block) if block is not None else []), "generic:largest-block (huge page)"
    lines = trafilatura_lines(tree, url)
    if block is not None:
        block_lines = to_lines(block)
        if _wrong(lines, block_lines, headline):
            return block_lines, "generic:largest-block"
    return lines, "generic:trafilatura"


def trafilatura_lines(tree, url: str | None) -> list[str]:
    try:
        import trafilatura
    except ImportError as exc:  # e.g. lxml without its html_clean extra
        raise HtmlError(f"HTML input needs trafilatura, which cannot be imported: {exc}") from None
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,  # reader comments are boilerplate by the contract
            include_images=False,
            include_tables=True,  # a content table is text; link tables went with the debris
            deduplicate=False,  # repeated lines are the engine's call (duplicate-line), logged
        )
    except Exception as exc:  # trafilatura raises assorted lxml/value errors on odd pages
        raise HtmlError(f"could not extract text from the HTML: {exc}") from None
    if doc is None or doc.body is None:
        return []
    return to_lines(doc.body)


def largest_block(tree):
    """The element whose own paragraphs (`p` children, or text between `br`s) hold the most
    text outside links: where the article is, on nearly every news page."""
    best, best_size = None, 0
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("p", "script", "style"):
            continue
        size = sum(_text_of(child) for child in el if child.tag == "p")
        size += len((el.text or "").strip()) + sum(len((c.tail or "").strip()) for c in el)
        if size > best_size:
            best, best_size = el, size
    return best


def _text_of(p) -> int:
    text = sum(len(t.strip()) for t in p.itertext())
    linked = sum(len(t.strip()) for a in p.iter("a") for t in a.itertext())
    return text - linked


def _wrong(lines: list[str], block: list[str], headline: str) -> bool:
    """trafilatura's lines leave out most of the largest block, or miss the headline's topic
    that the block has."""
    size = sum(len(line) for line in block)
    if not size:
        return False
    kept = set(lines)
    if sum(len(line) for line in block if line in kept) < COVERED * size:
        return True
    topic = {w.lower() for w in TOPIC_WORD.findall(headline)}
    text, text_block = " ".join(lines).lower(), " ".join(block).lower()
    return any(w in text_block for w in topic) and not any(w in text for w in topic)
