"""PySpark in local mode (a real JVM, two cores): clean_dataframe gives what the library gives.

One SparkSession for the module. Deselect locally with `-m "not spark"`; CI runs it (it needs
Java 17+ on the machine and `pip install 'cleaner[spark]'`).
"""

from __future__ import annotations

import os
import shutil
import sys

import pytest

from cleaner import Cleaner

from .rows import expected, rows, write_jsonl

for module in ("pyspark", "pandas", "pyarrow"):
    pytest.importorskip(module, reason=f"{module} is not installed: pip install 'cleaner[spark]'")

from cleaner.integrations import spark_job  # noqa: E402
from cleaner.integrations.spark import clean_dataframe, executor_cleaner  # noqa: E402

pytestmark = [
    pytest.mark.spark,
    # PySpark's own notice about pandas 3; the tests below are what says this path works
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]
ROWS = rows(60)
DEFAULT = Cleaner()
SCHEMA = "id int, text string, url string"


@pytest.fixture(scope="module")
def spark():
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.fail("Spark needs Java 17+ (no java on PATH, no JAVA_HOME); or -m 'not spark'")
    from pyspark.sql import SparkSession

    with pytest.MonkeyPatch.context() as env:
        # the Python workers must be this interpreter (the one with cleaner and pandas installed)
        env.setenv("PYSPARK_PYTHON", sys.executable)
        env.setenv("SPARK_LOCAL_IP", "127.0.0.1")  # no network lookups, no warning about it
        session = (
            SparkSession.builder.master("local[2]")
            .appName("cleaner-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        yield session
        session.stop()


@pytest.fixture(scope="module")
def articles(spark):
    # four partitions on two cores: each worker process serves several partitions
    import pandas as pd

    # from pandas through Arrow: no Python worker is needed just to build the input
    data = pd.DataFrame(
        {"id": range(len(ROWS)), "text": [t for t, _ in ROWS], "url": [u for _, u in ROWS]}
    )
    return spark.createDataFrame(data.astype({"text": object, "url": object}), SCHEMA).repartition(
        4
    )


def test_clean_dataframe_matches_the_library(articles):
    out = clean_dataframe(
        articles, "text", url_column="url", output_column="clean", removals_column="removals"
    )
    assert out.columns == ["id", "text", "url", "clean", "removals"]
    got = sorted(out.collect(), key=lambda r: r.id)
    assert [(r.text, r.url) for r in got] == ROWS
    assert [(r.clean, r.removals) for r in got] == [expected(DEFAULT, t, u) for t, u in ROWS]


def test_replaces_the_column_by_default_and_takes_keep_and_drop(articles):
    out = clean_dataframe(articles, "text", keep=["related"], drop=["dateline"])
    assert out.columns == ["id", "text", "url"]
    cleaner = Cleaner(keep={"related"}, drop={"dateline"})
    assert [r.text for r in sorted(out.collect(), key=lambda r: r.id)] == [
        expected(cleaner, t, None)[0] for t, _ in ROWS
    ]


def test_a_bad_configuration_fails_on_the_driver(articles):
    with pytest.raises(ValueError, match="unknown category or rule id 'adverts'"):
        clean_dataframe(articles, "text", drop=["adverts"])
    with pytest.raises(TypeError, match="column 'id' is int, not string"):
        clean_dataframe(articles, "id")


JOB_ARGS = ["--field", "text", "--url-field", "url", "--removals", "log", "--drop", "dateline"]


def test_spark_job_reads_cleans_and_writes(spark, tmp_path):
    source = write_jsonl(tmp_path / "articles.jsonl", ROWS)
    spark_job.run(spark, spark_job.parse_args([str(source), str(tmp_path / "out"), *JOB_ARGS]))
    got = sorted(spark.read.parquet(str(tmp_path / "out")).collect(), key=lambda r: r.id)
    cleaner = Cleaner(drop={"dateline"})
    assert [(r.text, r.log) for r in got] == [expected(cleaner, t, u) for t, u in ROWS]


def test_one_cleaner_per_configuration_per_process():
    first = executor_cleaner(("byline",), (), ())
    assert executor_cleaner(("byline",), (), ()) is first
    assert executor_cleaner((), ("dateline",), ()) is not first
