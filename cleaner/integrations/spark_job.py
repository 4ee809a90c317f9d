"""Clean a text field of a JSON Lines or Parquet dataset with Spark, from the command line.

    python -m cleaner.integrations.spark_job articles.jsonl out/ --field text
    JOB=$(python -c 'import cleaner.integrations.spark_job as j; print(j.__file__)')
    spark-submit --master yarn "$JOB" s3://bucket/articles/ s3://bucket/clean/ --field text

The input format follows the path (`*.parquet` or `--input-format parquet`, else JSON Lines);
the output is Parquet unless `--output-format json`. Every other field is kept as it is.
`cleaner` must be installed on the executors (see `cleaner.integrations.spark`).

With `--learn` it is `cleaner clean --learn` on a cluster, in two stages: a pack is learned per
site on the executors (a row's site: `--site-field`, else its `--url-field` domain, else
`--site`), the packs come back to the driver (`--save-learned DIR` writes them there), and
they are broadcast to clean every row with its own site's pack. The input is read twice.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# absolute, not relative: spark-submit runs this file as a script, outside its package
from cleaner.integrations.spark import clean_dataframe, learn_packs


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m cleaner.integrations.spark_job", description=__doc__.splitlines()[0]
    )
    parser.add_argument("input", help="JSON Lines or Parquet file or folder")
    parser.add_argument("output", help="folder to write (replaced if it exists)")
    parser.add_argument("--field", required=True, help="the text field to clean")
    parser.add_argument("--url-field", help="a field with each article's URL (selects site packs)")
    parser.add_argument("--output-field", help="write the clean text here (default: --field)")
    parser.add_argument("--removals", metavar="FIELD", help="add the removal log (JSON) here")
    parser.add_argument("--keep", action="append", default=[], help="category or rule id to keep")
    parser.add_argument("--drop", action="append", default=[], help="category or rule id to drop")
    parser.add_argument("--rules", action="append", default=[], help="extra rule pack path")
    parser.add_argument(
        "--input-format", choices=["json", "parquet"], help="default: parquet for *.parquet"
    )
    parser.add_argument("--output-format", choices=["json", "parquet"], default="parquet")
    learning = parser.add_argument_group("learning from the input itself")
    learning.add_argument("--learn", action="store_true", help="learn a pack per site, then clean")
    learning.add_argument("--site-field", help="a field that names each row's site")
    learning.add_argument("--site", help="the site of rows with no other (all rows, alone)")
    learning.add_argument("--save-learned", metavar="DIR", help="write the packs here (driver)")
    learning.add_argument("--min-docs", type=int, default=3, help="in this many documents ...")
    learning.add_argument("--min-share", type=float, default=0.2, help="... and this share")
    learning.add_argument(
        "--cue-share", type=float, default=0.05, help="... or this share, if it shows itself"
    )
    args = parser.parse_args(argv)
    if not args.learn and (args.site_field or args.site or args.save_learned):
        parser.error("--site-field, --site and --save-learned are for --learn runs")
    return args


def run(spark, args: argparse.Namespace) -> None:
    """Read, clean and write with an existing SparkSession."""
    fmt = args.input_format or ("parquet" if args.input.endswith(".parquet") else "json")
    df = spark.read.format(fmt).load(args.input)
    config = dict(keep=args.keep, drop=args.drop, rules=args.rules)
    packs = None
    if args.learn:
        packs = _learn(df, args, config)
    cleaned = clean_dataframe(
        df,
        args.field,
        url_column=args.url_field,
        output_column=args.output_field,
        removals_column=args.removals,
        packs=packs,
        site_column=args.site_field,
        site=args.site,
        **config,
    )
    cleaned.write.mode("overwrite").format(args.output_format).save(args.output)


def _learn(df, args: argparse.Namespace, config: dict) -> list:
    """Stage 1: the packs learned per site, written to --save-learned on the driver."""
    from cleaner.learn import LearnOptions, pack_file_name, run_packs

    options = LearnOptions(args.min_docs, args.min_share, cue_share=args.cue_share)
    learned = learn_packs(
        df, args.field, site_column=args.site_field, url_column=args.url_field, site=args.site,
        options=options, **config,
    )  # fmt: skip
    packs, left_out = run_packs(learned[name] for name in sorted(learned))
    rules = sum(len(pack.rules) for pack in packs)
    headlines = sum(len(pack.headlines) for pack in packs)
    print(f"cleaner: learned {rules} rules and {headlines} related headlines for {len(packs)} "
          "sites", file=sys.stderr)  # fmt: skip
    for name in left_out:
        print(f"cleaner: {name}: its learned pack clashes with another site's", file=sys.stderr)
    if args.save_learned:
        folder = Path(args.save_learned)
        folder.mkdir(parents=True, exist_ok=True)
        for name, result in sorted(learned.items()):
            if result.empty:  # (a pack needs a rule or a headline to load)
                continue
            (folder / pack_file_name(name)).write_text(
                result.to_toml(inputs=[args.input]), encoding="utf-8"
            )
    return packs


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)  # before the JVM starts: --help and usage errors stay instant
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("cleaner").getOrCreate()
    try:
        run(spark, args)
    finally:
        spark.stop()


if __name__ == "__main__":
    if not __package__:
        # Run as a file (spark-submit needs one): Python put this folder first on sys.path, and
        # the pandas.py and polars.py next to it would shadow the real pandas and polars.
        here = Path(__file__).resolve().parent
        sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    main()
