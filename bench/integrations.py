"""Benchmark: rows per second through each integration, against the plain library loop.

    python bench/integrations.py                    # 10,000 rows x 3, every engine installed
    python bench/integrations.py --rows 2000 --repeat 1 --engines library pandas polars

Rows are built deterministically from seeds/: each seed as is and glued into one line (the
scraper layout with no separator), drawn with a fixed seed. Every engine cleans the same rows
with the default rules; the rules are compiled and warmed up before any clock starts. Spark runs
in local mode on all cores; its JVM start and the first job (Python workers importing pandas and
building their Cleaner) are timed apart, as "startup", before the timed runs.
Each engine runs `--repeat` times, in rounds (library, pool, pandas, polars, then again; Spark
after them); the table gives the best and the median run (a shared VM is noisy: the best run
is the engine's cost, the median says how much to trust it).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from cleaner.engine import default_cleaner  # noqa: E402

ENGINES = ("library", "pool", "pandas", "polars", "spark")


def build(n: int, seed: int = 7) -> list[str]:
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    articles += ["".join(line.strip() for line in a.splitlines()) for a in articles]
    rnd = random.Random(seed)
    return [rnd.choice(articles) for _ in range(n)]


def library(texts: list[str]) -> Callable[[], object]:
    cleaner = default_cleaner()
    return lambda: [cleaner.clean(t).text for t in texts]


def pool(texts: list[str]) -> Callable[[], object]:
    from cleaner.integrations.pool import clean_many

    return lambda: clean_many(texts, jobs=os.cpu_count())


def pandas(texts: list[str]) -> Callable[[], object]:
    import pandas as pd

    from cleaner.integrations.pandas import clean_series

    series = pd.Series(texts, dtype=object)
    return lambda: clean_series(series)


def polars(texts: list[str]) -> Callable[[], object]:
    import polars as pl

    from cleaner.integrations.polars import clean_column

    frame = pl.LazyFrame({"text": texts})
    return lambda: frame.with_columns(clean_column("text")).collect()


def spark(texts: list[str]) -> Callable[[], object]:
    import pandas as pd
    from pyspark.sql import SparkSession

    from cleaner.integrations.spark import clean_dataframe

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers: this interpreter
    session = (
        SparkSession.builder.master(f"local[{os.cpu_count()}]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    df = session.createDataFrame(pd.DataFrame({"text": texts}, dtype=object), "text string")
    df = df.repartition(os.cpu_count() or 1).cache()
    df.count()  # materialise the input: only the cleaning is timed
    # the noop sink runs the whole plan and writes nothing
    return lambda: clean_dataframe(df, "text").write.format("noop").mode("overwrite").save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000, help="rows to clean (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per engine (default 3)")
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    args = parser.parse_args()
    texts = build(args.rows)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for text in set(texts):  # compile the rules and build every plan before any clock starts
        default_cleaner().clean(text)
    print(f"{args.rows} rows, {mb:.1f} MB, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(f"{'engine':<8} {'startup s':>9} {'best s':>7} {'rows/s':>7} {'median s':>8} "
          f"{'rows/s':>7} {'best vs library':>15}")  # fmt: skip
    # Set every engine up first, then time them in rounds (one run of each per round): a noisy
    # VM's slow spells then fall on all engines alike. Spark runs last, on its own: its JVM
    # would otherwise share the cores with the others' runs.
    runs: dict[str, Callable[[], object]] = {}
    startups: dict[str, float] = {}
    local = [n for n in args.engines if n != "spark"]
    for name in local:
        runs[name], startups[name] = _setup(name, texts)
    times: dict[str, list[float]] = {name: [] for name in args.engines}
    for _ in range(args.repeat):
        for name in local:
            if runs.get(name):
                times[name].append(_timed(runs[name]))
    if "spark" in args.engines:
        runs["spark"], startups["spark"] = _setup("spark", texts)
        for _ in range(args.repeat):
            if runs["spark"]:
                times["spark"].append(_timed(runs["spark"]))
    baseline = min(times["library"]) if times.get("library") else None
    for name in args.engines:
        if not times[name]:
            continue
        best, median = min(times[name]), statistics.median(times[name])
        ratio = f"{baseline / best:14.2f}x" if baseline else ""
        print(f"{name:<8} {startups[name]:9.2f} {best:7.2f} {args.rows / best:7.0f} {median:8.2f} "
              f"{args.rows / median:7.0f} {ratio}")  # fmt: skip


def _setup(name: str, texts: list[str]) -> tuple[Callable[[], object] | None, float]:
    start = time.perf_counter()
    try:
        run = globals()[name](texts)
    except ImportError as exc:
        print(f"{name:<8} skipped: {exc}")
        return None, 0.0
    if name == "spark":
        run()  # the first job starts the Python workers: startup, not cleaning
    return run, time.perf_counter() - start


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
