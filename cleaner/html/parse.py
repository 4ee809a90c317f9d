"""Bytes or str -> a parsed page, or one clear `HtmlError` for what is no page at all.

Pages come from scrapers: the declared charset may be wrong, the download cut short, the markup
20 MB of inline scripts. Each of these gives a warning (kept in `Parsed.warnings`) and the text
that can be had; only input that is not HTML at all is refused.

>>> p = parse("<html><head><meta charset='windows-1252'></head><body><p>Caf\\u00e9</p>"
...           "</body></html>".encode())
>>> p.tree.findtext(".//p"), p.warnings
('Café', ('the page declares windows-1252 but is UTF-8: read as UTF-8',))
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from lxml import html as lxml_html

from .errors import HtmlError

#: Past this many characters the markup is not read further (the article is near the top).
MAX_CHARS = 4_000_000
#: Large pages are mostly inline scripts, styles and comments: cut them out before parsing.
_SCRIPTS = r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->"
SCRIPTS = re.compile(_SCRIPTS.encode(), re.S | re.I)
SCRIPTS_STR = re.compile(_SCRIPTS, re.S | re.I)
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
MARKUP = re.compile(r"<\s*(?:html|head|body|div|p|article|title|meta|!doctype)\b", re.I)
UTF8 = {"utf-8", "utf8", "utf_8"}


@dataclass(frozen=True, slots=True)
class Parsed:
    """The page's tree and what was odd about it (one line each)."""

    tree: object  # lxml.html.HtmlElement
    warnings: tuple[str, ...] = ()


def parse(page: str | bytes) -> Parsed:
    """Parse a page; raise HtmlError when it is not HTML at all."""
    warnings: list[str] = []
    if isinstance(page, bytes):
        if len(page) > MAX_CHARS:
            page = SCRIPTS.sub(b"", page)
        text, warning = decode(page)
        warnings += [warning] if warning else []
    else:
        text = page
        if len(text) > MAX_CHARS:
            text = SCRIPTS_STR.sub("", text)
    if not text.strip():  # an empty page has no article, but it is no error either
        return Parsed(lxml_html.document_fromstring("<html></html>"))
    if "\0" in text[:65536]:
        raise HtmlError("binary data, not an HTML page")
    if not MARKUP.search(text[:65536]):
        raise HtmlError("not an HTML page (no <html>, <body> or <p> markup found)")
    if len(text) > MAX_CHARS:
        warnings.append(
            f"the page is {len(text) / 1e6:.0f} MB of markup: only the first "
            f"{MAX_CHARS // 1_000_000} MB were read"
        )
        text = text[:MAX_CHARS]
    elif not re.search(r"</(?:body|html)\s*>", text[-4096:], re.I):
        warnings.append("the page looks truncated (no closing </body> or </html>)")
    try:
        tree = lxml_html.document_fromstring(XML_DECL.sub("", text, count=1) or "<html></html>")
    except Exception as exc:  # lxml's ParserError and friends: the markup is unusable
        raise HtmlError(f"the page cannot be parsed as HTML: {exc}") from None
    return Parsed(tree, tuple(warnings))


def decode(data: bytes) -> tuple[str, str | None]:
    """The text, and a warning when the declared charset was wrong or missing.

    UTF-8 when the bytes are UTF-8, whatever the page declares (the most common lie); else the
    declared charset; else windows-1252, which decodes any byte."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), None
    match = CHARSET.search(data[:8192])
    declared = match.group(1).decode("ascii", "replace").lower() if match else None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if declared and declared not in UTF8 and not text.isascii():
            return text, f"the page declares {declared} but is UTF-8: read as UTF-8"
        return text, None
    if declared and declared not in UTF8:
        try:
            return data.decode(declared, "replace"), None
        except LookupError:
            why = f"the page declares an unknown charset {declared!r}"
    elif declared:
        why = f"the page declares {declared} but is not UTF-8"
    else:
        why = "the page is not UTF-8 and declares no charset"
    return data.decode("cp1252", "replace"), why + ": read as windows-1252"
