"""The HTML adapter: a saved article page -> article text -> the engine.

Offers `extract_page` (text and metadata), `html_to_text`, `clean_html` and `HtmlError`.
Above the engine, beside `cleaner.learn`: it imports `cleaner.engine`, `cleaner.packs` and
`cleaner.model` only. lxml and trafilatura are imported on first use only, so `cleaner clean`
on plain text starts fast. Nothing here touches the network: the page is given, and `url` is
only a hint (the site's profile and rules).

A page goes one of two ways: a site profile (`rules/html/*.toml`) names its article container
and the debris inside it; any other page takes the generic path (`extract.py`). Both first
lose the debris any site has (`debris.py`) and turn the article into one paragraph a line
(`text.py`), the headline once on top.

>>> page = ("<html><head><title>Judul Berita</title></head><body><article>"
...         "<p>ADVERTISEMENT</p><p>Presiden tiba di Moskow pada Jumat pagi untuk "
...         "pembicaraan dua hari.</p></article></body></html>")
>>> print(clean_html(page).text)
Judul Berita
Presiden tiba di Moskow pada Jumat pagi untuk pembicaraan dua hari.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import HtmlError

if TYPE_CHECKING:  # the engine is imported by the caller; keep this module import-light
    from ..engine import Cleaner
    from ..model import Cleaned
    from .meta import Meta

__all__ = ["HtmlError", "Page", "clean_html", "extract_page", "html_to_text"]


@dataclass(frozen=True, slots=True)
class Page:
    """A page's article text (headline on top, one paragraph a line), its metadata, and
    what was odd about the page (one line each: a wrong charset, a truncated download)."""

    text: str
    meta: Meta
    warnings: tuple[str, ...] = ()


def extract_page(
    html: str | bytes, url: str | None = None, *, title: bool = True, profiles: bool = True
) -> Page:
    """The article of a page and its metadata. Raises HtmlError for what is not a page.

    `profiles=False` takes the generic path on every page (to measure it alone).
    """
    from .pipeline import extract

    return extract(html, url, title=title, profiles=profiles)


def html_to_text(html: str | bytes, url: str | None = None, *, title: bool = True) -> str:
    """The article text of a page: the headline (if `title`) then one paragraph per line.

    `html` may be bytes: the page's own charset declaration is used, unless the bytes are
    UTF-8 (then the declaration is wrong). Returns "" when no article is found.
    """
    return extract_page(html, url, title=title).text


def clean_html(
    html: str | bytes, *, url: str | None = None, cleaner: Cleaner | None = None
) -> Cleaned:
    """Extract the article text of a page and clean it. Offsets refer to the extracted text."""
    from ..engine import default_cleaner

    return (cleaner or default_cleaner()).clean(html_to_text(html, url), url=url)
