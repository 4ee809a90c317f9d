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

`--layout NAME` scores the sets in another layout, labels moved along
(`cleaner.quality.LAYOUTS`): word-tokenised (`tokenised`: ` , ` and ` . ` between tokens, as
some scrapers and data sets hand text over), their paragraphs joined into one line with a blank
or with none (`one-line`, `glued`: as many scraped dumps hold them) or kept apart by blank
lines (`blank-lines`), with HTML character references left in (`references`: `&quot;`,
`&nbsp;`, as a scraper that takes a page's source as text hands it over), as Markdown
(`markdown`: as HTML-to-Markdown converters and LLM crawlers hand pages over), or as a page's
inner HTML (`html`: a CMS export, a scraper that keeps the markup).

`--learn-loo` keeps the learner's own figure: for each article of tests/cases/learn/OUTLET,
a pack learned from the *other* articles of its outlet (--min-docs 2: 2-4 training
documents), on top of the shipped rules and alone.

`--bulk DIR` learns a pack per outlet from its unlabelled batch (DIR/OUTLET.jsonl.gz, the
shared bulk batches, or DIR/OUTLET.jsonl; a record that is a labelled article is left out) with the
default parameters (or `--min-docs`, `--min-share`, `--cue-share`), and scores the outlet's
labelled articles of every set three ways: the shipped rules, the shipped rules plus the learned
pack, and the learned pack alone (as on a site the rules do not know). The pack is applied to
every article of its outlet, as `cleaner clean --learn` applies a site's pack to that site's
documents. Hold-out outlets are scored like the others, their figures printed and their texts
never.

    python bench/quality.py --bulk ../shared/corpus/bulk
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaned, Cleaner  # noqa: E402
from cleaner.learn import LearnOptions, learn, site_of  # noqa: E402
from cleaner.quality import (  # noqa: E402
    LAYOUTS,
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
    parser.add_argument("--min-docs", type=int, help="(learning) default: 2 leave-one-out, 3 bulk")
    parser.add_argument("--min-share", type=float, default=LearnOptions().min_share)
    parser.add_argument("--cue-share", type=float, default=LearnOptions().cue_share)
    parser.add_argument("--in-sample", action="store_true", help="(--learn-loo) learn from all too")
    parser.add_argument("--bulk", type=Path, metavar="DIR", help="learn per outlet from DIR")
    parser.add_argument("--layout", choices=sorted(LAYOUTS), help="the sets in another layout")
    args = parser.parse_args(argv)
    if args.learn_loo:
        return learn_loo(args)
    if args.bulk:
        options = LearnOptions(
            min_docs=args.min_docs or LearnOptions().min_docs, min_share=args.min_share
        )
        return learn_bulk(args.bulk, args.sets or list(SETS), options)
    cleaner = Cleaner()
    for name in args.sets or list(SETS):
        folder = SETS.get(name, Path(name))
        articles = load_set(folder)
        if args.layout:
            articles = [LAYOUTS[args.layout](a) for a in articles]
        report = score(articles, cleaner, use_urls=not args.no_urls)
        urls = "without URLs" if args.no_urls else "URLs from the manifest"
        form = f", layout {args.layout}" if args.layout else ""
        print(
            table(report, title=f"== {name}{form}: {len(articles)} articles, shipped rules, {urls}")
        )
        if args.details:
            if name in BLIND:  # which rules to look at, without a word of the texts
                by_rule = Counter()
                for loss in report.losses:
                    by_rule[loss.rule_id] += len(loss.text.split())
                rules = ", ".join(f"{rule} {n} words" for rule, n in sorted(by_rule.items()))
                print(
                    f"(blind set: {len(report.losses)} stretches of story text removed"
                    f"{f' ({rules})' if rules else ''}, "
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
    options = LearnOptions(
        min_docs=args.min_docs or 2, min_share=args.min_share, cue_share=args.cue_share
    )
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
    title = (
        f"--min-docs {options.min_docs} --min-share {options.min_share:g} --cue-share "
        f"{options.cue_share:g}; tokens (offsets); "
    )
    _print_table(title + "dateline spans not scored", cells)
    return 0


def _print_table(title: str, cells: list[tuple[str, ...]]) -> None:
    """A title line, then the cells in columns (the first row is the header)."""
    widths = [max(len(r[i]) for r in cells) for i in range(len(cells[0]))]
    print(title)
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


# ---------------------------------------------------------------- learned from the bulk batch


def learn_bulk(bulk: Path, sets: list[str], options: LearnOptions | None = None) -> int:
    options = options or LearnOptions()
    articles = [a for name in sets for a in load_set(SETS.get(name, Path(name)))]
    labelled = {a.text for a in articles}
    batches = {p.name.split(".")[0]: p for p in [*bulk.glob("*.jsonl"), *bulk.glob("*.jsonl.gz")]}
    outlets = sorted({a.outlet for a in articles} & set(batches))
    blind = {a.outlet for name in sets if name in BLIND for a in load_set(SETS[name])}
    shipped = Cleaner()
    rows, totals = [], {}
    mb_total = cpu = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for outlet in outlets:
            mine = [a for a in articles if a.outlet == outlet]
            texts, site, mb = _batch(batches[outlet], labelled)
            started = time.process_time()
            on_top = learn(texts, site=site, options=options)
            alone = learn(texts, site=site, options=options, known=None)
            seconds = time.process_time() - started
            group = "hold-out outlets" if outlet in blind else "dev outlets"
            n = f"{len(mine)} ({len(texts)})"
            for label, result, with_shipped in (
                ("shipped rules", None, True),
                ("+ learned from its bulk batch", on_top, True),
                ("learned alone", alone, False),
            ):
                cleaner = _pack_cleaner(result, with_shipped, Path(tmp)) if result else shipped
                report = score(mine, cleaner) if cleaner else None
                total = report.total if report else Score(boiler=_boiler(mine, shipped))
                learned = f"{len(result.rules)}/{len(result.headlines)}" if result else "-"
                rows.append((outlet, n, label, learned, total))
                totals.setdefault((group, label), Score()).add(total)
            mb_total, cpu = mb_total + mb, cpu + seconds
    for (group, label), total in totals.items():
        rows.append((f"all {group}", "", label, "", total))
    header = ("outlet", "articles (batch)", "pack", "learned (rules/headlines)", "precision",
              "recall", "body loss", "boilerplate tokens")  # fmt: skip
    cells = [header]
    for o, n, label, learned, s in rows:
        figures = (percent(s.precision), percent(s.recall), percent(s.body_loss, 2), str(s.boiler))
        cells.append((o, n, label, learned, *figures))
    _print_table(
        f"sets: {', '.join(sets)}; tokens (offsets); dateline spans not scored; packs learned "
        f"with --min-docs {options.min_docs} --min-share {options.min_share:g} --cue-share "
        f"{options.cue_share:g} from each outlet's bulk batch, labelled articles left out",
        cells,
    )
    print(f"learning: {mb_total:.2f} MB twice (on top, alone) in {cpu:.1f} s of CPU: "
          f"{2 * mb_total / cpu:.2f} MB/s")  # fmt: skip
    return 0


def _batch(path: Path, labelled: set[str]) -> tuple[list[str], str, float]:
    """The texts of a bulk batch (labelled articles left out), its site, its size in MB."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    texts = [r["text"] for r in records if r.get("text") and r["text"] not in labelled]
    sites = Counter(site_of(r["url"]) for r in records if r.get("url"))
    sites.pop(None, None)
    site = sites.most_common(1)[0][0] if sites else path.name.split(".")[0]
    return texts, site, sum(len(t.encode("utf-8")) for t in texts) / 1e6


def _pack_cleaner(result, shipped: bool, tmp: Path) -> Cleaner | None:
    """A Cleaner with the learned pack applied to every text (no sites, no signatures: the
    bench gives it its outlet's articles only). None: nothing learned, nothing removed."""
    if result.empty:
        return Cleaner() if shipped else None
    path = tmp / f"{result.site}-{shipped}.toml"
    path.write_text(dataclasses.replace(result, sites=(), signatures=()).to_toml(), "utf-8")
    return Cleaner(rules=[path], default_rules=shipped)


def _boiler(articles: list[Article], cleaner: Cleaner) -> int:
    return score(articles, cleaner).total.boiler


def _counts(values: list[int]) -> str:
    return "/".join(str(n) for n in values)


if __name__ == "__main__":
    sys.exit(main())
