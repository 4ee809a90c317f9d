"""Clean a text field of a JSON Lines or Parquet dataset with Spark, from the command line.

    python -m cleaner.integrations.spark_job articles.jsonl out/ --field text
    JOB=$(python -c 'import cleaner.integrations.spark_job as j; print(j.__file__)')
    spark-submit --master yarn "$JOB" s3://bucket/articles/ s3://bucket/clean/ --field text

The input format follows the path (`*.parquet` or `--input-format parquet`, else JSON Lines);
the output is Parquet unless `--output-format json`. Every other field is kept as it is.
`cleaner` must be installed on the executors (see `cleaner.integrations.spark`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# absolute, not relative: spark-submit runs this file as a script, outside its package
from cleaner.integrations.spark import clean_dataframe


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
    return parser.parse_args(argv)


def run(spark, args: argparse.Namespace) -> None:
    """Read, clean and write with an existing SparkSession."""
    fmt = args.input_format or ("parquet" if args.input.endswith(".parquet") else "json")
    df = spark.read.format(fmt).load(args.input)
    cleaned = clean_dataframe(
        df,
        args.field,
        url_column=args.url_field,
        output_column=args.output_field,
        removals_column=args.removals,
        keep=args.keep,
        drop=args.drop,
        rules=args.rules,
    )
    cleaned.write.mode("overwrite").format(args.output_format).save(args.output)


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
