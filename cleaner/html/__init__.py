"""The HTML adapter: a saved article page -> plain text (trafilatura) -> the engine.

Offers `html_to_text`, `clean_html` and `HtmlError`. Above the engine, beside `cleaner.learn`:
it imports `cleaner.engine` and `cleaner.model` only (site HTML profiles will join it here).
trafilatura is imported on first use only, so `cleaner clean` on plain text starts fast.
Nothing here touches the network: the page is given, and `url` is only a hint (site rules,
trafilatura's metadata).

>>> page = ("<html><head><title>Judul Berita</title></head><body><article>"
...         "<p>ADVERTISEMENT</p><p>Presiden tiba di Moskow pada Jumat pagi untuk "
...         "pembicaraan dua hari.</p></article></body></html>")
>>> print(clean_html(page).text)
Judul Berita
Presiden tiba di Moskow pada Jumat pagi untuk pembicaraan dua hari.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine is imported by the caller; keep this module import-light
    from ..engine import Cleaner
    from ..model import Cleaned


class HtmlError(RuntimeError):
    """The page could not be turned into text (trafilatura missing or failing on it)."""


def html_to_text(html: str | bytes, url: str | None = None, *, title: bool = True) -> str:
    """The article text of a page: the headline (if `title`) then one paragraph per line.

    `html` may be bytes: trafilatura then finds the encoding from the page itself, which is
    how pages in windows-1252 or latin-1 come out right. Returns "" when no article is found.
    """
    try:
        import trafilatura
    except ImportError as exc:  # e.g. lxml without its html_clean extra
        raise HtmlError(f"HTML input needs trafilatura, which cannot be imported: {exc}") from None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=title,
            include_comments=False,  # reader comments are boilerplate by the contract
            include_images=False,
            deduplicate=False,  # repeated lines are the engine's call (duplicate-line), logged
            fast=False,
        )
    except Exception as exc:  # trafilatura raises assorted lxml/value errors on odd pages
        raise HtmlError(f"could not extract text from the HTML: {exc}") from None
    if doc is None:
        return ""
    lines = [line.strip() for line in (doc.text or "").splitlines()]
    body = [line for line in lines if line]
    headline = (doc.title or "").strip() if title else ""
    # The headline is part of the article (DESIGN.md: "kept always"); trafilatura leaves it out
    # of the body text, so put it back on top the way scrapers store it.
    if headline and body and body[0] != headline:
        body.insert(0, headline)
    return "\n".join(body)


def clean_html(
    html: str | bytes, *, url: str | None = None, cleaner: Cleaner | None = None
) -> Cleaned:
    """Extract the article text of a page and clean it. Offsets refer to the extracted text."""
    from ..engine import default_cleaner

    return (cleaner or default_cleaner()).clean(html_to_text(html, url), url=url)
