"""Clean whole columns and datasets: one small module per engine, each imported on demand.

- `cleaner.integrations.pandas`: `clean_series`, `clean_frame` (extra `cleaner[pandas]`)
- `cleaner.integrations.polars`: `clean_series`, `clean_column` (extra `cleaner[polars]`)
- `cleaner.integrations.spark`: `clean_dataframe` via `mapInPandas` (extra `cleaner[spark]`)
- `cleaner.integrations.spark_job`: `python -m cleaner.integrations.spark_job IN OUT --field text`
- `cleaner.integrations.pool`: `clean_many` over N worker processes (no extra needed)

Every module imports its engine inside its functions, so `import cleaner` (and importing these
modules) never needs pandas, polars or pyspark. Where a removal log is asked for it is a JSON
string per row, the list of `Removal.to_dict()` in input order: the same text in every engine,
and a plain string column that any file format can store.

The top layer, beside the CLI: these modules import `cleaner.engine` and `cleaner.model`;
`pool` also runs the CLI's process pool (`cleaner.cli.parallel`), the one import across.
"""
