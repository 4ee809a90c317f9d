"""What a page says about itself: headline, author, date, site, canonical URL, language.

Read from the page's own `<meta>` tags, `<link rel=canonical>`, `<html lang>` and `<h1>`
before anything is removed from it (bylines and dates are debris in the text, data here).

>>> from lxml import html
>>> tree = html.fromstring('<html lang="id"><head><title>Judul Berita - Kompas.com</title>'
...     '<meta property="og:site_name" content="KOMPAS.com">'
...     '<link rel="canonical" href="https://www.kompas.com/read/1"></head>'
...     '<body><h1>Kompas</h1><h1> Judul  Berita </h1></body></html>')
>>> m = read_meta(tree, None)
>>> m.title, m.site, m.canonical, m.language, m.host
('Judul Berita', 'KOMPAS.com', 'https://www.kompas.com/read/1', 'id', 'www.kompas.com')
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from ..engine.cleaner import readable_host

SUFFIX = re.compile(r"\s+[-|–—:]\s+[^-|–—:]{2,40}$")  # " - Kompas.com", " | Republika Online"
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "content_author", "twitter:creator")
DATE_KEYS = (
    "article:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "content_publisheddate",
    "og:updated_time",
)


@dataclass(frozen=True, slots=True)
class Meta:
    """A page's metadata; `path` says how its text was found (`profile:NAME`, `generic:...`)."""

    title: str = ""
    author: str = ""
    date: str = ""
    site: str = ""
    canonical: str = ""
    language: str = ""
    path: str = ""

    @property
    def host(self) -> str:
        return readable_host(self.canonical)

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def read_meta(tree, url: str | None) -> Meta:
    """The metadata of a parsed page; `url` (where it came from) is the canonical URL when
    the page names none."""
    metas = _meta_tags(tree)
    canonical = _first(tree, "//link[@rel='canonical']/@href") or metas.get("og:url") or url or ""
    return Meta(
        title=headline(tree, metas),
        author=_author(tree, metas),
        date=_first_key(metas, DATE_KEYS)
        or _first(tree, "//*[@itemprop='datePublished']/@content|//time/@datetime"),
        site=metas.get("og:site_name") or metas.get("application-name") or _title_site(tree),
        canonical=canonical.strip(),
        language=(_first(tree, "/html/@lang") or metas.get("content-language", "")).strip(),
    )


def headline(tree, metas: dict[str, str] | None = None) -> str:
    """The article's headline: the `<h1>` that the page's title names, else the og:title or
    `<title>` without the site name after it, else the first `<h1>`."""
    metas = _meta_tags(tree) if metas is None else metas
    titles = [_clean(t) for t in (metas.get("og:title"), tree.findtext(".//title")) if t]
    h1s = [_clean("".join(h.itertext())) for h in tree.iter("h1")]
    h1s = [h for h in h1s if h]
    for h in h1s:
        if any(h.lower() in t.lower() for t in titles) and len(h) > 10:
            return h
    for t in titles:
        return SUFFIX.sub("", t) if SUFFIX.sub("", t) else t
    return h1s[0] if h1s else ""


def _title_site(tree) -> str:
    """The site name after the headline in `<title>` ("... - ANTARA News"), else ""."""
    match = SUFFIX.search(_clean(tree.findtext(".//title") or ""))
    return match.group().strip(" -|–—:") if match else ""


def _meta_tags(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("http-equiv") or "").lower().strip()
        value = _clean(m.get("content") or "")
        if key and value and key not in found:
            found[key] = value
    return found


def _author(tree, metas: dict[str, str]) -> str:
    value = _first_key(metas, AUTHOR_KEYS)
    if value and not value.startswith(("http", "@")):
        return value
    node = _first(tree, "//*[@itemprop='author']//*[@itemprop='name']|//*[@itemprop='author']")
    return node or ""


def _first_key(metas: dict[str, str], keys) -> str:
    return next((metas[k] for k in keys if metas.get(k)), "")


def _first(tree, xpath: str) -> str:
    for hit in tree.xpath(xpath):
        text = _clean(hit if isinstance(hit, str) else "".join(hit.itertext()))
        if text:
            return text
    return ""


def _clean(text: str) -> str:
    return " ".join(text.split())
