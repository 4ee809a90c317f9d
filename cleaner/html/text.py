"""An element -> article text: one paragraph a line, list items one a line, no breaks inside.

Works on a page's own HTML (a profile's body container) and on trafilatura's output tree
(`p`, `head`, `list`/`item`, `quote`, `table`/`row`/`cell`, `lb`) alike. Entities are already
decoded by the parser; runs of white space (no-break spaces too) become one space, so a
paragraph never breaks in the middle ("Piala\\nDunia" comes out "Piala Dunia").

>>> from lxml import html
>>> page = html.fromstring("<div><p>Satu &amp;\\n dua.</p><ul><li>Piala <b>Dunia</b></li>"
...                        "<li>Liga</li></ul>Tiga<br><br>empat.<script>x()</script></div>")
>>> to_lines(page)
['Satu & dua.', 'Piala Dunia', 'Liga', 'Tiga', 'empat.']
>>> to_lines(html.fromstring("<div><b>Jakarta</b> - <p>Presiden tiba.</p></div>"))
['Jakarta - Presiden tiba.']
"""

from __future__ import annotations

import re

from lxml import etree

#: Elements that start and end a line (HTML and trafilatura's own tree).
BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "caption",
        "hr",
        "address",
        "center",
        "details",
        "summary",
        "figure",
        "form",
        "body",
        "head",
        "item",
        "list",
        "quote",
        "row",
    ]
)
#: Elements whose text is never article text (code, media, form controls, captions).
SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "canvas",
        "video",
        "audio",
        "button",
        "select",
        "option",
        "textarea",
        "input",
        "figcaption",
        "title",
        "meta",
        "link",
        "graphic",
    ]
)
BREAKS = frozenset({"br", "lb"})
CELLS = frozenset({"td", "th", "cell"})
SPACE = re.compile(r"\s+")
#: A dateline left alone before the lead's own <p> ("<strong>Jakarta</strong> - <p>..."): it
#: belongs to the lead, the way the page reads and scrapers store it.
DATELINE = re.compile(r".{2,40}\s[-–—:]")


def to_lines(element) -> list[str]:
    """The text of `element` as lines: one paragraph, list item, heading or table row each."""
    lines: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        line = SPACE.sub(" ", "".join(parts)).strip()
        if line:
            if lines and DATELINE.fullmatch(lines[-1]) and len(lines) <= 3:
                line = f"{lines.pop()} {line}"
            lines.append(line)
        parts.clear()

    # iterwalk, not recursion: a page nested thousands deep must not overflow the stack
    walk = etree.iterwalk(element, events=("start", "end"))
    for event, node in walk:
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in SKIPPED or not tag:  # comments and processing instructions: no str tag
                walk.skip_subtree()
            elif tag in BLOCKS or tag in BREAKS:
                flush()
            elif tag in CELLS and "".join(parts).strip():
                parts.append(" | ")  # a content table's row stays one line, its cells apart
            if tag and tag not in SKIPPED and node.text:
                parts.append(node.text)
            continue
        if tag in BLOCKS:
            flush()
        if node.tail and node is not element:
            parts.append(node.tail)
    flush()
    return lines
