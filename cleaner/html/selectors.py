"""CSS selectors for profiles, translated to XPath (lxml has XPath; `cssselect` is not a
dependency of ours). The subset that site profiles need, and nothing that could surprise:

- a tag or `*`, `#id`, `.class`, `[attr]`, `[attr=v]`, `[attr~=v]`, `[attr^=v]`, `[attr$=v]`,
  `[attr*=v]`, combined (`div.detail__body-text[itemprop=articleBody]`);
- descendant (space) and child (`>`) combinators; several selectors apart with commas;
- or plain XPath, when the selector starts with `/`, `./` or `(`.

Anything else raises `ValueError` with what was not understood.

>>> print(to_xpath("div.read__content > p, #contentx").replace(" | ", "\\n"))
.//div[contains(concat(' ', normalize-space(@class), ' '), ' read__content ')]/p
.//*[@id='contentx']
"""

from __future__ import annotations

import re

from lxml import etree

TOKEN = re.compile(
    r"""\s*(?P<comb>>)\s*|(?P<space>\s+)|(?P<tag>\*|[a-zA-Z][\w-]*)|\#(?P<id>[\w-]+)"""
    r"""|\.(?P<cls>[\w-]+)|\[\s*(?P<attr>[\w:-]+)\s*(?:(?P<op>[~^$*]?=)\s*"""
    r"""(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[\w-]+))\s*)?\]"""
)
OPS = {
    "=": "@{a}={v}",
    "~=": "contains(concat(' ', normalize-space(@{a}), ' '), concat(' ', {v}, ' '))",
    "^=": "starts-with(@{a}, {v})",
    "$=": "substring(@{a}, string-length(@{a}) - string-length({v}) + 1)={v}",
    "*=": "contains(@{a}, {v})",
}


def compile_selector(selector: str) -> etree.XPath:
    """An XPath object for a CSS selector (or XPath); ValueError when it is not valid."""
    xpath = to_xpath(selector)
    try:
        return etree.XPath(xpath)
    except etree.XPathSyntaxError as exc:
        raise ValueError(f"invalid selector {selector!r}: {exc}") from None


def to_xpath(selector: str) -> str:
    selector = selector.strip()
    if not selector:
        raise ValueError("empty selector")
    if selector.startswith(("/", "./", "(")):
        return selector
    return " | ".join(_one(part.strip(), selector) for part in selector.split(","))


def _one(part: str, whole: str) -> str:
    if not part:
        raise ValueError(f"empty selector in {whole!r}")
    steps, axis, tag, tests, pos = [], ".//", None, [], 0
    while pos < len(part):
        m = TOKEN.match(part, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot read selector {whole!r} at {part[pos:]!r}")
        pos = m.end()
        if m["comb"] or m["space"]:
            if tag is None and not tests:
                raise ValueError(f"a combinator without an element before it in {whole!r}")
            steps.append(_step(axis, tag, tests))
            axis, tag, tests = ("/" if m["comb"] else "//"), None, []
        elif m["tag"]:
            if tag is not None or tests:
                raise ValueError(f"the tag must come first in {part!r}")
            tag = m["tag"].lower()
        elif m["id"]:
            tests.append(f"@id={_quote(m['id'])}")
        elif m["cls"]:
            tests.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {m['cls']} ')")
        else:
            value = (
                m["dq"] if m["dq"] is not None else m["sq"] if m["sq"] is not None else m["bare"]
            )
            op = m["op"]
            tests.append(
                f"@{m['attr']}" if op is None else OPS[op].format(a=m["attr"], v=_quote(value))
            )
    if tag is None and not tests:
        raise ValueError(f"a combinator without an element after it in {whole!r}")
    steps.append(_step(axis, tag, tests))
    return "".join(steps)


def _step(axis: str, tag: str | None, tests: list[str]) -> str:
    return axis + (tag or "*") + "".join(f"[{t}]" for t in tests)


def _quote(value: str) -> str:
    return f"'{value}'" if "'" not in value else f'"{value}"'
