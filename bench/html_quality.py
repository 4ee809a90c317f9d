"""HTML pages: body sentences kept and boilerplate strings removed, per tool, and speed.

    python bench/html_quality.py                      # the 28 development pages
    python bench/html_quality.py --details            # which strings each tool gets wrong
    python bench/html_quality.py --candidates         # the generic path's candidates
    python bench/html_quality.py --pages DIR --labels DIR   # another labelled set

Tools, side by side on the same pages: `clean_html` (profiles, then the text rules), the same
with profiles off (the generic path alone: what a site without a profile gets), trafilatura
alone (`extract`, default settings), trafilatura with `favor_precision`, jusText with its
Indonesian stop list, and trafilatura's Markdown (links, images, emphasis: what a crawler that
hands pages over as Markdown gives) alone and cleaned by the text rules, scored on its words.
Speed: `clean_html` and trafilatura's `extract` on the same pages in one run (best of 3
rounds, CPU time), and their ratio. Labels: `cleaner/html/scoring.py`.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402
from cleaner.html import clean_html, extract_page  # noqa: E402
from cleaner.html.scoring import PageScore, load_pages, score_text  # noqa: E402

DEV = ROOT / "tests/cases/html"


def tools(cleaner: Cleaner) -> dict[str, Callable[[bytes], str]]:
    import justext
    import trafilatura

    stoplist = justext.get_stoplist("Indonesian")

    def jus(page: bytes) -> str:
        paragraphs = justext.justext(page, stoplist)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return {
        "clean_html": lambda p: clean_html(p, cleaner=cleaner).text,
        "clean_html, profiles off (generic path)": lambda p: (
            cleaner.clean(extract_page(p, profiles=False).text).text
        ),
        "trafilatura alone": lambda p: trafilatura.extract(p) or "",
        "trafilatura, favor_precision": lambda p: (
            trafilatura.extract(p, favor_precision=True) or ""
        ),
        "jusText, Indonesian stop list": jus,
        # a crawler that hands pages over as Markdown (trafilatura's, with links, images and
        # emphasis): its text cleaned by the rules; scored on the words, markup read away
        "trafilatura Markdown, then the text rules": lambda p: markdown_words(
            cleaner.clean(trafilatura.extract(p, **MARKDOWN) or "").text
        ),
        "trafilatura Markdown alone": lambda p: markdown_words(
            trafilatura.extract(p, **MARKDOWN) or ""
        ),
    }


MARKDOWN = dict(output_format="markdown", include_links=True, include_images=True,
                include_formatting=True)  # fmt: skip


def markdown_words(text: str) -> str:
    """The words of a Markdown text, for the scorer: images out, links as their words,
    emphasis, headings' and list items' marks and escapes away (a plain reading, not the
    engine's)."""
    text = re.sub(r"!\[[^\]\n]*\]\([^)\n]*\)", "", text)
    text = re.sub(r"\[([^\]\n]*)\]\([^)\n]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"^[ \t]*(?:#{1,6}|[-*+]|>)[ \t]+", "", text, flags=re.M)
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def candidates() -> dict[str, Callable[[bytes], str]]:
    """The generic path's candidates, each after the generic debris removal (bench only)."""
    import trafilatura

    from cleaner.html.debris import remove_debris
    from cleaner.html.extract import generic_lines, largest_block
    from cleaner.html.meta import read_meta
    from cleaner.html.parse import parse
    from cleaner.html.text import to_lines

    def run(page: bytes, pick) -> str:
        tree = parse(page).tree
        meta = read_meta(tree, None)
        remove_debris(tree)
        return "\n".join([meta.title, *pick(tree, meta)])

    def traf(**settings):
        def pick(tree, meta):
            doc = trafilatura.bare_extraction(
                tree, include_comments=False, deduplicate=False, **settings
            )
            return to_lines(doc.body) if doc is not None else []

        return lambda p: run(p, pick)

    return {
        "trafilatura": traf(),
        "trafilatura, favor_precision": traf(favor_precision=True),
        "trafilatura, favor_recall": traf(favor_recall=True),
        "largest block alone": lambda p: run(p, lambda t, m: to_lines(largest_block(t))),
        "trafilatura, checked (shipped)": lambda p: run(
            p, lambda t, m: generic_lines(t, None, m.title)[0]
        ),
    }


def measure(pages, run: Callable[[bytes], str], cleaner: Cleaner | None, details: bool):
    total, misses = PageScore(), []
    for name, page, label in pages:
        text = run(page)
        if cleaner is not None:
            text = cleaner.clean(text).text
        got = score_text(text, label)
        total += got
        if details and (got.kept < got.body or got.removed < got.boiler):
            flat = " ".join(text.split())
            lost = [s for s in label["with"] if " ".join(s.split()) not in flat]
            left = [s for s in label["without"] if " ".join(s.split()) in flat]
            misses += [f"    {name}: lost {s[:70]!r}" for s in lost]
            misses += [f"    {name}: kept {s[:70]!r}" for s in left]
    return total, misses


def speed(pages, cleaner: Cleaner) -> dict[str, float]:
    import trafilatura

    runs = {
        "clean_html": lambda p: clean_html(p, cleaner=cleaner),
        "clean_html, profiles off": lambda p: cleaner.clean(extract_page(p, profiles=False).text),
        "trafilatura extract": trafilatura.extract,
    }
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(3):  # interleaved rounds: all see the same machine load
        for name, fn in runs.items():
            start = time.process_time()
            for _, page, _ in pages:
                fn(page)
            best[name] = min(best[name], time.process_time() - start)
    return best


def main() -> int:
    import logging

    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # "discarding data" per page
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=DEV, help="folder of NAME.html")
    ap.add_argument("--labels", type=Path, help="folder of NAME.json (default: PAGES/labels)")
    ap.add_argument("--details", action="store_true", help="list every string a tool gets wrong")
    ap.add_argument("--candidates", action="store_true", help="the generic path's candidates")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    pages = load_pages(args.pages, args.labels)
    cleaner = Cleaner()
    body = sum(len(label["with"]) for _, _, label in pages)
    boiler = sum(len(label["without"]) for _, _, label in pages)
    print(f"{len(pages)} pages, {body} body sentences, {boiler} boilerplate strings\n")
    print("| tool | body sentences kept | boilerplate strings removed |")
    print("|---|---|---|")
    runs = candidates() if args.candidates else tools(cleaner)
    notes = []
    for name, run in runs.items():
        # the candidates are scored as the generic path uses them: text rules after
        total, misses = measure(pages, run, cleaner if args.candidates else None, args.details)
        print(f"| {name} | {total.body_kept:.3f} | {total.boiler_removed:.3f} |")
        notes += [f"  {name}:", *misses] if misses else []
    if notes:
        print("\n" + "\n".join(notes))
    if not args.no_speed and not args.candidates:
        best = speed(pages, cleaner)
        base = best["trafilatura extract"]
        print("\n| speed on these pages (CPU, best of 3 rounds) | seconds | vs trafilatura |")
        print("|---|---|---|")
        for name, seconds in best.items():
            print(f"| {name} | {seconds:.2f} | {seconds / base:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
