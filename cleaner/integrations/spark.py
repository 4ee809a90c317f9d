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
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine import Cleaner

if TYPE_CHECKING:  # pyspark and pandas are optional: only the type checker needs them here
    import pandas as pd
    from pyspark.sql import DataFrame

#: (keep, drop, rules) -> Cleaner, per Python worker process
_cleaners: dict[tuple[tuple[str, ...], ...], Cleaner] = {}


def executor_cleaner(
    keep: tuple[str, ...], drop: tuple[str, ...], rules: tuple[str, ...]
) -> Cleaner:
    """The worker's Cleaner for this configuration, built once per process."""
    key = (keep, drop, rules)
    if key not in _cleaners:
        _cleaners[key] = Cleaner(keep=keep, drop=drop, rules=rules)
    return _cleaners[key]


def _clean_batches(
    batches: Iterator[pd.DataFrame],
    *,
    config: tuple[tuple[str, ...], ...],
    column: str,
    url_column: str | None,
    output_column: str,
    removals_column: str | None,
    names: list[str],
) -> Iterator[pd.DataFrame]:
    from .pandas import clean_series

    cleaner = executor_cleaner(*config)  # once per partition, from the process-wide cache
    logged = removals_column is not None
    for batch in batches:
        # object dtype whatever Arrow produced; a null (None or NaN) passes through, back to null
        texts = batch[column].astype(object)
        urls = None if url_column is None else batch[url_column].astype(object)
        result = clean_series(texts, urls=urls, cleaner=cleaner, removals=logged)
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
) -> DataFrame:
    """`df` with `column` cleaned into `output_column` (default: replace `column` in place).

    `removals_column`, if given, is added as a string column with the removal log as JSON.
    `keep`/`drop`/`rules` are the `Cleaner` arguments; rule paths must exist on the driver
    and on every executor.
    Nothing runs until an action; a bad configuration fails here, on the driver.
    See the module docstring for an example.
    """
    from pyspark.sql.types import StringType, StructField, StructType

    config = (tuple(sorted(keep)), tuple(sorted(drop)), tuple(str(p) for p in rules))
    Cleaner(keep=config[0], drop=config[1], rules=config[2])  # fail fast, before any task
    for name in (column, url_column):
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
    )
    return df.mapInPandas(run, schema)
