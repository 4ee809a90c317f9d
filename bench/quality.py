"""Quality of cleaning on hand-labelled articles: the shipped rules alone, and with a learned pack.

    python bench/quality.py                       # every outlet under tests/cases/learn/
    python bench/quality.py tests/cases/learn/merdeka --min-docs 2 --in-sample

An outlet folder holds the raw articles (`OUTLET__NNN.txt`), `MANIFEST.tsv` (the corpus
manifest lines: the URL, when known, is in the notes as `url=...`) and `labels/OUTLET__NNN.json`
in the corpus format (`{"spans": [{"category", "text"}], "notes"}`; everything not in a span is
story text). Scoring follows the corpus README, token by token (words and punctuation marks):
a raw token is removed when the cleaner's removals cover it (`Cleaned.removals` are exact
offsets; `--align difflib` aligns the output text with the raw tokens instead, as one would for
a cleaner that only returns text: difflib's matches are ambiguous where punctuation repeats,
e.g. the commas around a removed ",Reporter: X,Sumber: ,"). precision = boilerplate removed /
all removed, recall = boilerplate removed / all boilerplate, body loss = story tokens removed /
story tokens. `dateline` spans are kept by
default, so their tokens count as neither.

The learned pack is learned leave-one-out: for each article, from the *other* articles of its
outlet, so no article is scored with rules mined from itself. With 3-5 articles per outlet that
is 2-4 training documents: hence --min-docs 2 here (the command's default is 3).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaned, Cleaner  # noqa: E402
from cleaner.learn import LearnOptions, learn, site_of  # noqa: E402

TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass
class Article:
    name: str
    text: str
    url: str | None
    spans: list[tuple[int, int, str]]  # (start, end, category) in the raw text


@dataclass
class Score:
    removed_boiler: int = 0
    removed_body: int = 0
    boiler: int = 0
    body: int = 0

    def add(self, other: Score) -> None:
        self.removed_boiler += other.removed_boiler
        self.removed_body += other.removed_body
        self.boiler += other.boiler
        self.body += other.body

    def row(self) -> tuple[str, str, str]:
        removed = self.removed_boiler + self.removed_body
        precision = f"{self.removed_boiler / removed:.1%}" if removed else "-"
        recall = f"{self.removed_boiler / self.boiler:.1%}" if self.boiler else "-"
        loss = f"{self.removed_body / self.body:.2%}" if self.body else "-"
        return precision, recall, loss


def locate(raw: str, spans: list[dict], name: str) -> list[tuple[int, int, str]]:
    """Offsets of the label spans, in reading order; white space in a span matches any run of
    white space or none, and `nth` picks the k-th occurrence."""
    found, pos = [], 0
    for span in spans:
        pattern = r"\s*".join(regex.escape(chunk) for chunk in span["text"].split())
        matches = list(regex.finditer(pattern, raw, pos=pos))
        nth = span.get("nth", 1)
        if len(matches) < nth:
            raise SystemExit(f"{name}: label span not found: {span['text'][:60]!r}")
        m = matches[nth - 1]
        found.append((m.start(), m.end(), span["category"]))
        pos = m.end()
    return found


def load(folder: Path) -> list[Article]:
    urls = {}
    manifest = folder / "MANIFEST.tsv"
    if manifest.exists():
        for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            found = re.search(r"url=(\S+?);", cells[-1])
            urls[Path(cells[0]).name] = found.group(1) if found else None
    articles = []
    for path in sorted(folder.glob("*.txt")):
        label = folder / "labels" / f"{path.stem}.json"
        if not label.exists():
            continue
        raw = path.read_text(encoding="utf-8")
        spans = json.loads(label.read_text(encoding="utf-8"))["spans"]
        articles.append(Article(path.name, raw, urls.get(path.name), locate(raw, spans, path.name)))
    return articles


def kept_by_alignment(tokens: list[tuple[int, int]], raw: str, output: str) -> list[bool]:
    """Which raw tokens the output kept, by aligning the two token sequences (difflib)."""
    kept = [False] * len(tokens)
    words = [raw[s:e] for s, e in tokens]
    matcher = difflib.SequenceMatcher(None, words, TOKEN.findall(output), autojunk=False)
    for block in matcher.get_matching_blocks():
        for i in range(block.a, block.a + block.size):
            kept[i] = True
    return kept


def kept_by_removals(tokens: list[tuple[int, int]], removals) -> list[bool]:
    """Which raw tokens survive, from the removals' exact offsets (a token partly cut counts
    as removed)."""
    spans = sorted((r.start, r.end) for r in removals)
    return [not any(s < e2 and s2 < e for s2, e2 in spans) for s, e in tokens]


def score(article: Article, cleaned, align: str = "offsets") -> Score:
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(article.text)]
    if align == "difflib":
        kept = kept_by_alignment(tokens, article.text, cleaned.text)
    else:
        kept = kept_by_removals(tokens, cleaned.removals)
    result = Score()
    for (start, end), was_kept in zip(tokens, kept, strict=True):
        category = next((c for s, e, c in article.spans if s <= start and end <= e), None)
        if category == "dateline":
            continue
        if category is None:
            result.body += 1
            result.removed_body += not was_kept
        else:
            result.boiler += 1
            result.removed_boiler += not was_kept
    return result


def site_for(article: Article, outlet: str) -> str:
    return (site_of(article.url) if article.url else None) or outlet


def learned_cleaner(
    train: list[Article], site: str, options: LearnOptions, tmp: Path, shipped: bool = True
):
    """The shipped rules plus a pack learned from `train` (None when nothing was learned);
    with `shipped=False`, a pack learned and used without the shipped rules, as on a site
    they know nothing of."""
    result = learn((a.text for a in train), site=site, options=options, known=shipped or None)
    if not result.rules:
        return None, 0
    path = tmp / f"{site}-{len(list(tmp.iterdir()))}.toml"
    path.write_text(result.to_toml(), encoding="utf-8")
    return Cleaner(rules=[path], default_rules=shipped), len(result.rules)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--min-docs", type=int, default=2)
    parser.add_argument("--min-share", type=float, default=0.2)
    parser.add_argument("--in-sample", action="store_true", help="also learn from all articles")
    parser.add_argument("--align", choices=("offsets", "difflib"), default="offsets")
    args = parser.parse_args(argv)
    folders = args.folders or sorted(
        p.parent.parent for p in ROOT.glob("tests/cases/learn/*/labels/*.json")
    )
    folders = list(dict.fromkeys(folders))
    options = LearnOptions(min_docs=args.min_docs, min_share=args.min_share)
    default = Cleaner()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            outlet = folder.name
            articles = load(folder)
            before, after, alone, inside = Score(), Score(), Score(), Score()
            learned_rules, alone_rules = [], []
            for i, article in enumerate(articles):
                before.add(score(article, default.clean(article.text, url=article.url), args.align))
                train = articles[:i] + articles[i + 1 :]
                site = site_for(article, outlet)
                cleaner, count = learned_cleaner(train, site, options, Path(tmp))
                learned_rules.append(count)
                output = (cleaner or default).clean(article.text, url=article.url)
                after.add(score(article, output, args.align))
                cleaner, count = learned_cleaner(train, site, options, Path(tmp), shipped=False)
                alone_rules.append(count)
                output = cleaner.clean(article.text, url=article.url) if cleaner else None
                alone.add(score(article, output or Cleaned(article.text), args.align))
            rows.append((outlet, len(articles), "shipped rules", *before.row()))
            rules = "/".join(str(n) for n in learned_rules)
            rows.append(
                (outlet, len(articles), f"+ learned, leave-one-out ({rules} rules)", *after.row())
            )
            rules = "/".join(str(n) for n in alone_rules)
            rows.append(
                (outlet, len(articles), f"learned alone, leave-one-out ({rules})", *alone.row())
            )
            if args.in_sample:
                cleaner, count = learned_cleaner(
                    articles, site_for(articles[0], outlet), options, Path(tmp)
                )
                for article in articles:
                    output = (cleaner or default).clean(article.text, url=article.url)
                    inside.add(score(article, output, args.align))
                rows.append(
                    (
                        outlet,
                        len(articles),
                        f"+ learned from all (in-sample, {count} rules)",
                        *inside.row(),
                    )
                )
    header = ("outlet", "docs", "rules", "precision", "recall", "body loss")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(
        f"--min-docs {args.min_docs} --min-share {args.min_share:g}; tokens ({args.align}); "
        "dateline spans not scored"
    )
    for row in [header, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
