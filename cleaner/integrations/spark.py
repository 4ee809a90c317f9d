"""Clean a Spark DataFrame column with `mapInPandas`: one compiled Cleaner per Python worker.

The function shipped to the executors carries only the configuration (keep, drop, rule paths);
each Python worker process builds its `Cleaner` on first use and keeps it in a module-level
cache for the tasks that follow (Spark reuses Python workers), never one per row. So `cleaner`
must be importable on every node: `pip install cleaner` there, or ship a packed virtualenv with
`spark-submit --archives` (its dependency `regex` is compiled, so `--py-files` cannot carry it).

Example (a running SparkSession `spark`)::

    from cleaner.integrations.spark import clean_dataframe
    df = spark.read.json("articles.jsonl")
    clean_dataframe(df, "text", url_column="url", removals_column="removals").write.parquet("out")

Learning from the dump itself (`cleaner clean --learn` on a cluster) is two stages: a pack per
site is learned on the executors (`learn_packs`: rows are shuffled so that each site's rows
meet in one partition, counted there in the learner's capped table, and only the finished
packs come back to the driver), then the packs are broadcast and every row is cleaned with
its own site's pack (`clean_dataframe(..., packs=...)`)::

    from cleaner.integrations.spark import clean_dataframe, learn_packs
    learned = learn_packs(df, "text", url_column="url")          # stage 1: {site: Learned}
    packs = run_packs(learned.values())[0]                       # from cleaner.learn
    out = clean_dataframe(df, "text", url_column="url", packs=packs)  # stage 2
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine import Cleaner
from ..packs import Pack
from ._rows import article_text, site_of_row

if TYPE_CHECKING:  # pyspark and pandas are optional: only the type checker needs them here
    import pandas as pd
    from pyspark.sql import DataFrame

    from ..learn import Learned, LearnOptions

#: (keep, drop, rules[, packs token]) -> Cleaner, per Python worker process
_cleaners: dict[tuple, Cleaner] = {}


def executor_cleaner(
    keep: tuple[str, ...], drop: tuple[str, ...], rules: tuple[str, ...], packs=None
) -> Cleaner:
    """The worker's Cleaner for this configuration, built once per process. `packs`: a
    (token, broadcast) pair of learned packs, added to it (parsed once per process too)."""
    key = (keep, drop, rules) + ((packs[0],) if packs is not None else ())
    if key not in _cleaners:
        cleaner = Cleaner(keep=keep, drop=drop, rules=rules)
        _cleaners[key] = cleaner if packs is None else cleaner.with_packs(packs[1].value)
    return _cleaners[key]


def _site_text(row, *, column: str, site_column, url_column, site) -> tuple[str, str] | None:
    text = row[column]
    name = site_of_row(
        row[site_column] if site_column else None, row[url_column] if url_column else None, site
    )
    return None if text is None or name is None else (name, article_text(text))


def _learn_partition(pairs, *, config, options) -> Iterator[tuple[str, Learned]]:
    from ..learn import Batch, finish_sites, known_of

    batch = Batch(options)  # every site of the partition under one capped table
    for name, text in pairs:
        batch.add(name, text)
    for learned in finish_sites(batch, known_of(executor_cleaner(*config))):
        if learned.rules:  # the rejected candidates stay here: only rules go to the driver
            yield learned.site, replace(learned, rejected=())


def learn_packs(
    df: DataFrame,
    column: str,
    *,
    site_column: str | None = None,
    url_column: str | None = None,
    site: str | None = None,
    options: LearnOptions | None = None,
    keep: Iterable[str] = (),
    drop: Iterable[str] = (),
    rules: Iterable[str | Path] = (),
    partitions: int | None = None,
) -> dict[str, Learned]:
    """Stage 1: learn a pack per site on the executors; returns {site: Learned} (sites with
    rules only) on the driver. A row's site: `site_column`, else the registered domain of
    `url_column`, else `site` (lower-cased; a row with none is not learned from). What the
    rules (`keep`/`drop`/`rules`, as in `clean_dataframe`) already remove is not learned.

    The rows are shuffled by site into `partitions` (default: the default parallelism), so
    every row of a site is counted in one place; memory per task is the learner's cap.
    """
    config = (tuple(sorted(keep)), tuple(sorted(drop)), tuple(str(p) for p in rules))
    Cleaner(keep=config[0], drop=config[1], rules=config[2])  # fail fast, on the driver
    wanted = [c for c in (column, site_column, url_column) if c]
    tell = partial(
        _site_text, column=column, site_column=site_column, url_column=url_column, site=site
    )
    pairs = df.select(*dict.fromkeys(wanted)).rdd.map(tell)
    count = partitions or df.sparkSession.sparkContext.defaultParallelism
    by_site = pairs.filter(lambda pair: pair is not None).partitionBy(count)
    learned = by_site.mapPartitions(partial(_learn_partition, config=config, options=options))
    return dict(learned.collect())


def _clean_batches(
    batches: Iterator[pd.DataFrame],
    *,
    config: tuple[tuple[str, ...], ...],
    column: str,
    url_column: str | None,
    output_column: str,
    removals_column: str | None,
    names: list[str],
    packs=None,
    site_column: str | None = None,
    site: str | None = None,
) -> Iterator[pd.DataFrame]:
    from .pandas import clean_series

    cleaner = executor_cleaner(*config, packs)  # once per process, from its cache
    logged = removals_column is not None
    for batch in batches:
        # object dtype whatever Arrow produced; a null (None or NaN) passes through, back to null
        texts = batch[column].astype(object)
        urls = None if url_column is None else batch[url_column].astype(object)
        sites = None
        if packs is not None:  # each row's site, as stage 1 told it
            own = batch[site_column] if site_column else [None] * len(batch)
            found = urls if urls is not None else [None] * len(batch)
            sites = [site_of_row(s, u, site) for s, u in zip(own, found, strict=True)]
        result = clean_series(texts, urls=urls, cleaner=cleaner, removals=logged, sites=sites)
        out = batch.copy(deep=False)
        if logged:
            out[output_column] = result["text"]
            out[removals_column] = result["removals"]
        else:
            out[output_column] = result
        yield out[names]  # in the order of the declared schema


def clean_dataframe(
    df: DataFrame,
    column: str,
    *,
    url_column: str | None = None,
    output_column: str | None = None,
    removals_column: str | None = None,
    keep: Iterable[str] = (),
    drop: Iterable[str] = (),
    rules: Iterable[str | Path] = (),
    packs: Sequence[Pack] | None = None,
    site_column: str | None = None,
    site: str | None = None,
) -> DataFrame:
    """`df` with `column` cleaned into `output_column` (default: replace `column` in place).

    `removals_column`, if given, is added as a string column with the removal log as JSON.
    `keep`/`drop`/`rules` are the `Cleaner` arguments; rule paths must exist on the driver
    and on every executor.
    Stage 2 of a learning run: `packs` (`run_packs` of `learn_packs`'s result) are broadcast
    and each row gets its own site's pack, its site told as in `learn_packs` (`site_column`,
    the URL's domain, `site`).
    Nothing runs until an action; a bad configuration fails here, on the driver.
    See the module docstring for an example.
    """
    from pyspark.sql.types import StringType, StructField, StructType

    config = (tuple(sorted(keep)), tuple(sorted(drop)), tuple(str(p) for p in rules))
    base = Cleaner(keep=config[0], drop=config[1], rules=config[2])  # fail fast, before any task
    shared = None
    if packs is not None:
        base.with_packs(packs)  # the packs load together (no clashing ids), on the driver
        # one token per broadcast: an executor's cache never mixes two runs' packs
        shared = (uuid.uuid4().hex, df.sparkSession.sparkContext.broadcast(tuple(packs)))
    for name in (column, url_column, site_column):
        kind = None if name is None else df.schema[name].dataType
        if kind is not None and not isinstance(kind, StringType):
            raise TypeError(f"column '{name}' is {kind.simpleString()}, not string")
    output_column = output_column or column
    if output_column == removals_column:
        raise ValueError(f"'{output_column}' cannot hold both the text and the removals")
    fields = list(df.schema.fields)
    for name in (output_column, removals_column):
        if name is None:
            continue
        added = StructField(name, StringType(), nullable=True)
        existing = [i for i, f in enumerate(fields) if f.name == name]
        if existing:
            fields[existing[0]] = added
        else:
            fields.append(added)
    schema = StructType(fields)
    run = partial(
        _clean_batches,
        config=config,
        column=column,
        url_column=url_column,
        output_column=output_column,
        removals_column=removals_column,
        names=schema.names,
        packs=shared,
        site_column=site_column,
        site=site,
    )
    return df.mapInPandas(run, schema)
