"""Quality of cleaning on hand-labelled articles: precision, recall and body loss, per set.

    python bench/quality.py                    # every labelled set, shipped rules
    python bench/quality.py dev --details      # one set, with its worst documents and losses
    python bench/quality.py --learn-loo        # the learn folders, with packs learned leave-one-out

The sets (`cleaner.quality` says how they are scored, token by token, by the removals' own
offsets; `dateline` spans count as story text, since they are kept by default):

- corpus:  the 49 development articles of tests/cases/corpus (the rules were tuned on them);
- dev:     tests/cases/labelled/dev, 108 articles of 9 outlets drawn at random from the bulk
           batches and labelled for this project (README there says how);
- holdout: tests/cases/labelled/holdout, 36 articles of 3 more outlets, labelled the same way
           and never read while rules were written: an estimate for sites the rules were not
           written for. Its details are not printed (`--details` lists counts only) so that it
           stays unread.

`--learn-loo` keeps the learner's own figure: for each article of tests/cases/learn/OUTLET,
a pack learned from the *other* articles of its outlet (--min-docs 2: 2-4 training
documents), on top of the shipped rules and alone.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaned, Cleaner  # noqa: E402
from cleaner.learn import LearnOptions, learn, site_of  # noqa: E402
from cleaner.quality import (  # noqa: E402
    Article,
    Score,
    details,
    load_set,
    percent,
    score,
    table,
)

SETS = {
    "corpus": ROOT / "tests/cases/corpus",
    "dev": ROOT / "tests/cases/labelled/dev",
    "holdout": ROOT / "tests/cases/labelled/holdout",
}
#: Sets whose texts are not printed: they estimate quality on sites the rules never saw.
BLIND = {"holdout"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", help=f"set names ({', '.join(SETS)}) or folders")
    parser.add_argument("--details", action="store_true", help="worst documents, losses, misses")
    parser.add_argument("--no-urls", action="store_true", help="clean without the article URLs")
    parser.add_argument("--learn-loo", action="store_true", help="the leave-one-out learn rows")
    parser.add_argument("--min-docs", type=int, default=2)
    parser.add_argument("--min-share", type=float, default=0.2)
    parser.add_argument("--in-sample", action="store_true", help="(--learn-loo) learn from all too")
    args = parser.parse_args(argv)
    if args.learn_loo:
        return learn_loo(args)
    cleaner = Cleaner()
    for name in args.sets or list(SETS):
        folder = SETS.get(name, Path(name))
        articles = load_set(folder)
        report = score(articles, cleaner, use_urls=not args.no_urls)
        urls = "without URLs" if args.no_urls else "URLs from the manifest"
        print(table(report, title=f"== {name}: {len(articles)} articles, shipped rules, {urls}"))
        if args.details:
            if name in BLIND:
                print(
                    f"(blind set: {len(report.losses)} stretches of story text removed, "
                    f"{len(report.misses)} label spans left in; texts not shown)"
                )
            else:
                print(details(report))
        print()
    return 0


# ---------------------------------------------------------------- learned, leave-one-out


def _site_for(article: Article, outlet: str) -> str:
    return (site_of(article.url) if article.url else None) or outlet


def _learned_cleaner(train, site: str, options: LearnOptions, tmp: Path, shipped: bool = True):
    """The shipped rules plus a pack learned from `train` (None when nothing was learned);
    with `shipped=False`, a pack learned and used without the shipped rules."""
    result = learn((a.text for a in train), site=site, options=options, known=shipped or None)
    if not result.rules:
        return None, 0
    path = tmp / f"{site}-{len(list(tmp.iterdir()))}.toml"
    path.write_text(result.to_toml(), encoding="utf-8")
    return Cleaner(rules=[path], default_rules=shipped), len(result.rules)


def _one(article: Article, cleaned: Cleaned) -> Score:
    return score([article], lambda _: cleaned).total


def learn_loo(args) -> int:
    folders = sorted({p.parent.parent for p in ROOT.glob("tests/cases/learn/*/labels/*.json")})
    options = LearnOptions(min_docs=args.min_docs, min_share=args.min_share)
    default = Cleaner()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            outlet = folder.name
            articles = load_set(folder)
            before, after, alone, inside = Score(), Score(), Score(), Score()
            learned_rules, alone_rules = [], []
            for i, article in enumerate(articles):
                before.add(_one(article, default.clean(article.text, url=article.url)))
                train = articles[:i] + articles[i + 1 :]
                site = _site_for(article, outlet)
                cleaner, count = _learned_cleaner(train, site, options, Path(tmp))
                learned_rules.append(count)
                after.add(_one(article, (cleaner or default).clean(article.text, url=article.url)))
                cleaner, count = _learned_cleaner(train, site, options, Path(tmp), shipped=False)
                alone_rules.append(count)
                output = cleaner.clean(article.text, url=article.url) if cleaner else None
                alone.add(_one(article, output or Cleaned(article.text)))
            n = len(articles)
            rows.append((outlet, n, "shipped rules", before))
            rows.append(
                (outlet, n, f"+ learned, leave-one-out ({_counts(learned_rules)} rules)", after)
            )
            rows.append(
                (outlet, n, f"learned alone, leave-one-out ({_counts(alone_rules)})", alone)
            )
            if args.in_sample:
                cleaner, count = _learned_cleaner(
                    articles, _site_for(articles[0], outlet), options, Path(tmp)
                )
                for article in articles:
                    output = (cleaner or default).clean(article.text, url=article.url)
                    inside.add(_one(article, output))
                rows.append((outlet, n, f"+ learned from all (in-sample, {count} rules)", inside))
    header = ("outlet", "docs", "rules", "precision", "recall", "body loss")
    cells = [header] + [
        (o, str(n), label, percent(s.precision), percent(s.recall), percent(s.body_loss, 2))
        for o, n, label, s in rows
    ]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    print(
        f"--min-docs {args.min_docs} --min-share {args.min_share:g}; tokens (offsets); "
        "dateline spans not scored"
    )
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return 0


def _counts(values: list[int]) -> str:
    return "/".join(str(n) for n in values)


if __name__ == "__main__":
    sys.exit(main())
