"""Debris removed from a page's tree before its text is taken, by signals that hold on any site.

- **Names.** An element whose class or id names a kind of debris (`share-bar`, `baca-juga`,
  `related`, `tags`, `comments`, `img-caption` ...) goes, unless it holds a large part of the
  page's prose (then the name is a wrapper's: `has-sidebar`, `content-with-share`).
- **Links.** A list or box whose text is nearly all link text (a related-article list, a tag
  box, a menu) goes.
- **Hidden text.** An element hidden with `display:none` or `hidden` that holds prose is the
  rest of the article, hidden until the reader pages on: it is shown (kept). Hidden elements
  without prose (menus, pop-ups) go.

>>> from lxml import html
>>> page = html.fromstring(
...     "<div><p>" + "Isi berita yang panjang. " * 30 + "</p><div class='share-bar'>Share</div>"
...     "<ul><li><a>Judul satu</a></li><li><a>Judul dua</a></li></ul></div>")
>>> remove_debris(page)
>>> [e.tag for e in page], page.text_content().count("Isi berita")
(['p'], 30)
"""

from __future__ import annotations

import re

#: Debris whatever the element holds (short of most of the page): a class or id containing
#: one of these, anywhere ("socialShare", "article-related", "disqus_thread").
STRONG = re.compile(
    r"share|social|sosmed|related|terkait|recommend|rekomendasi|comment|komentar|disqus"
    r"|breadcrumb|sidebar|populer|popular|trending|newsletter|subscribe|pagination|advert"
    r"|iklan|sponsor|copyright|caption|baca-?juga|bacajuga|lihat-?juga|read-?also|read-?too"
    r"|page-?number|load-?more"
)
#: Debris when the element holds little text of its own: whole words of a class or id.
WEAK = frozenset(
    [
        "tag",
        "tags",
        "tagging",
        "topik",
        "topic",
        "topics",
        "keyword",
        "keywords",
        "category",
        "categories",
        "kategori",
        "author",
        "authors",
        "byline",
        "penulis",
        "reporter",
        "editor",
        "date",
        "time",
        "timestamp",
        "tanggal",
        "waktu",
        "meta",
        "info",
        "postmeta",
        "postinfo",
        "thumbs",
        "like",
        "likes",
        "dislike",
        "entry-meta",
        "credit",
        "credits",
        "photo",
        "foto",
        "img",
        "image",
        "gallery",
        "galeri",
        "pic",
        "thumb",
        "rating",
        "vote",
        "reaction",
        "reactions",
        "mood",
        "emoji",
        "print",
        "font",
        "zoom",
        "nav",
        "navbar",
        "menu",
        "footer",
        "widget",
        "widgets",
        "ads",
        "ad",
        "adv",
        "banner",
        "promo",
        "login",
        "modal",
        "popup",
        "overlay",
        "cookie",
        "consent",
        "aside",
        "related-box",
    ]
)
#: Page chrome by its tag: a menu, a sidebar, a footer (unless it holds real text).
CHROME = frozenset({"nav", "aside", "footer"})
WORD = re.compile(r"[a-z0-9]+")
HASHTAGS = re.compile(r"\s*(?:#\w+\s*)+")
HEADINGS = frozenset(["h2", "h3", "h4", "h5", "h6"])
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: Inline elements: in running text their names are styling ("inner-link-tag"), not debris.
INLINE = frozenset(
    [
        "a",
        "b",
        "strong",
        "em",
        "i",
        "u",
        "span",
        "small",
        "sup",
        "sub",
        "abbr",
        "code",
        "mark",
        "font",
    ]
)
RUNNING_TEXT = frozenset(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td"])
LIST_LIKE = frozenset({"ul", "ol", "div", "section", "table", "nav", "aside", "p", "dl"})
#: Text of its own (not in links) an element with a weak name may hold and still be debris.
WEAK_TEXT = 400
#: Share of the page's text (not in links) an element with a strong name may hold.
STRONG_SHARE = 0.4
#: Prose an element hidden by style must hold to count as the rest of the article.
HIDDEN_PROSE = 200


def remove_debris(root, keep=None, *, show_hidden: bool = False) -> None:
    """Remove debris elements from the tree `root` in place; `keep` (an element) and its
    ancestors are never removed. `show_hidden`: every hidden element is the article's (inside
    a profile's body container, which the profile says is all article)."""
    protected = set(keep.iterancestors()) | {keep} if keep is not None else set()
    protected |= {root, *root.iterancestors()}
    page_text = max(own_text(root), 1)
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el in protected or el.tag in ("html", "body", "head"):
            continue
        if _hidden(el):
            if show_hidden or own_text(el) >= HIDDEN_PROSE:
                _show(el)
            else:
                doomed.append(el)
        elif _named_debris(el, page_text) or _link_box(el) or _hashtags(el) or _media_title(el):
            doomed.append(el)
    gone = set(doomed)
    for el in doomed:
        if not gone.intersection(el.iterancestors()):  # else it goes with its ancestor
            drop(el)


def own_text(el) -> int:
    """Characters of text in `el` outside links (white space not counted)."""
    total = len("".join(el.itertext()).split())  # cheap word count first
    if not total:
        return 0
    text = sum(len(t) for t in el.itertext() if t.strip())
    links = sum(len(t) for a in el.iter("a") for t in a.itertext() if t.strip())
    return max(text - links, 0)


def _words(el) -> list[str]:
    return WORD.findall(f"{el.get('class', '')} {el.get('id', '')}".lower())


def _named_debris(el, page_text: int) -> bool:
    if el.tag in CHROME and own_text(el) < WEAK_TEXT:
        return True
    name = f"{el.get('class', '')} {el.get('id', '')}".lower()
    if not name.strip() or (el.tag in INLINE and _in_running_text(el)):
        return False
    if STRONG.search(name):
        return own_text(el) < STRONG_SHARE * page_text
    return any(w in WEAK for w in _words(el)) and own_text(el) < WEAK_TEXT


def _in_running_text(el) -> bool:
    return el.tag == "a" or any(a.tag in RUNNING_TEXT for a in el.iterancestors())


def _link_box(el) -> bool:
    """A block of two or more links with next to no other text: a list of headlines, tags,
    a menu."""
    if el.tag not in LIST_LIKE:
        return False
    links = el.findall(".//a")
    if len(links) < 2:
        return False
    text = sum(len(t.strip()) for t in el.itertext())
    linked = sum(len(t.strip()) for a in links for t in a.itertext())
    return text > 0 and linked / text >= 0.7 and text - linked < 100


def _hashtags(el) -> bool:
    """A paragraph of hashtags only (`#Changemaker`): a campaign tag, not a sentence."""
    return el.tag == "p" and bool(HASHTAGS.fullmatch(el.text_content()))


def _media_title(el) -> bool:
    """A heading over an embedded video and nothing else ("Cek Video di Bawah Ini")."""
    if el.tag not in HEADINGS:
        return False
    after = next((e for e in el.itersiblings() if isinstance(e.tag, str)), None)
    return (
        after is not None
        and not "".join(after.itertext()).strip()
        and any(e.tag in ("iframe", "video") for e in after.iter())
    )


def _hidden(el) -> bool:
    return el.get("hidden") is not None or bool(HIDDEN.search(el.get("style", "")))


def _show(el) -> None:
    """Make a hidden element visible for the extractor too (trafilatura drops hidden ones)."""
    el.attrib.pop("hidden", None)
    el.set("style", _XML_UNSAFE.sub("", HIDDEN.sub("", el.get("style", ""))))
    words = [w for w in el.get("class", "").split() if w not in ("hidden", "hide", "d-none")]
    el.set("class", _XML_UNSAFE.sub("", " ".join(words)))


# What lxml will not set in an attribute (a page's own class names may hold control bytes)
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def drop(el) -> None:
    """Remove an element but keep its tail text (the text after it belongs to the parent)."""
    parent = el.getparent()
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)
