"""One page through the adapter: parse, metadata, profile or generic path, text.

>>> page = extract("<html><body><h1>Judul</h1><div><p>Isi berita.</p></div></body></html>", None)
>>> page.text, page.meta.path
('Judul\\nIsi berita.', 'generic:largest-block')
"""

from __future__ import annotations

from dataclasses import replace

from . import Page
from .debris import drop, remove_debris
from .extract import generic_lines
from .meta import read_meta
from .parse import parse
from .profiles import Profile, load_profiles, pick
from .text import to_lines


def extract(html: str | bytes, url: str | None, *, title: bool = True, profiles: bool = True):
    parsed = parse(html)
    tree = parsed.tree
    meta = read_meta(tree, url)
    profile = pick(load_profiles(), url, meta.canonical, meta.site) if profiles else None
    lines = profile_lines(profile, tree) if profile else None
    if lines:
        path = f"profile:{profile.name}"
    else:
        remove_debris(tree)
        lines, path = generic_lines(tree, url, meta.title)
        if profile:  # say why the site's profile was not used: its layout may have changed
            path += f" (profile {profile.name}: no article container found)"
    if title and meta.title and lines:
        lines = _headline_on_top(lines, meta.title)
    return Page("\n".join(lines), replace(meta, path=path), parsed.warnings)


def profile_lines(profile: Profile, tree) -> list[str]:
    """The article lines the profile finds in the page ([] when its body is not there)."""
    lines = []
    for body in profile.bodies(tree):
        for element in profile.debris(body):
            if element.getparent() is not None:
                drop(element)
        remove_debris(body, keep=body, show_hidden=True)
        lines += to_lines(body)
    return lines


def _headline_on_top(lines: list[str], headline: str) -> list[str]:
    """The headline once, on top. When the text has it among its first lines it stays there:
    what stands above it is a section label or a date, which the text rules remove (and
    record) as such."""
    if headline in lines[:5]:
        first = lines.index(headline)
        return lines[: first + 1] + [line for line in lines[first + 1 :] if line != headline]
    return [headline, *lines]
