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

from ..learnbatch import FOOTERS, STORIES, site_docs
from .rows import expected, rows, write_jsonl

for module in ("pyspark", "pandas", "pyarrow"):
    pytest.importorskip(module, reason=f"{module} is not installed: pip install 'cleaner[spark]'")

from cleaner.integrations import spark_job  # noqa: E402
from cleaner.integrations._rows import removals_json  # noqa: E402
from cleaner.integrations.pool import clean_many  # noqa: E402
from cleaner.integrations.spark import clean_dataframe, executor_cleaner, learn_packs  # noqa: E402
from cleaner.learn import run_packs  # noqa: E402

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


def learning_rows() -> list[tuple[int, str, str | None, str | None]]:
    """(id, text, outlet, url): two made-up sites told by a column, one by URL, and a row
    of warta-b that carries warta-a's footer (its own site's pack only)."""
    rows = [(i, t, "warta-a", None) for i, t in enumerate(site_docs("warta-a"))]
    rows += [(6 + i, t, "Warta-B", None) for i, t in enumerate(site_docs("warta-b", offset=6))]
    rows += [(12 + i, t, None, f"https://m.warta-c.id/{i}")
             for i, t in enumerate(site_docs("warta-a", offset=3))]  # fmt: skip
    rows.append((18, f"{STORIES[0]}\n{FOOTERS['warta-a']}", "warta-b", None))
    rows.append((19, None, "warta-a", None))
    return rows


@pytest.fixture(scope="module")
def learning(spark):
    import pandas as pd

    data = pd.DataFrame(learning_rows(), columns=["id", "text", "outlet", "url"])
    schema = "id int, text string, outlet string, url string"
    return spark.createDataFrame(data.astype(object), schema).repartition(3)


def test_two_stages_learn_per_site_then_clean_like_the_library(learning):
    learned = learn_packs(learning, "text", site_column="outlet", url_column="url")
    assert sorted(learned) == ["warta-a", "warta-b", "warta-c.id"]
    assert all(r.rejected == () and r.rules for r in learned.values())
    packs, left_out = run_packs(learned.values())
    assert left_out == []
    out = clean_dataframe(
        learning, "text", url_column="url", removals_column="log", packs=packs,
        site_column="outlet",
    )  # fmt: skip
    got = sorted(out.collect(), key=lambda r: r.id)
    rows = learning_rows()
    texts, sites, urls = [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows]
    library = clean_many(texts, urls=urls, sites=sites, learn=True, jobs=1)
    assert [r.text for r in got] == [None if c is None else c.text for c in library]
    assert [r.log for r in got][:-1] == [removals_json(c) for c in library[:-1]]
    assert all(FOOTERS["warta-a"] not in r.text for r in got[:6] + got[12:18])
    assert all(FOOTERS["warta-b"] not in r.text for r in got[6:12])
    assert FOOTERS["warta-a"] in got[18].text  # not its site's pack
    assert got[19].text is None and got[19].log is None


def test_spark_job_learns_then_cleans_and_saves_the_packs(spark, learning, tmp_path):
    source = tmp_path / "in.parquet"
    learning.write.parquet(str(source))
    args = [str(source), str(tmp_path / "out"), "--field", "text", "--url-field", "url", "--learn",
            "--site-field", "outlet", "--save-learned", str(tmp_path / "packs")]  # fmt: skip
    spark_job.run(spark, spark_job.parse_args(args))
    got = sorted(spark.read.parquet(str(tmp_path / "out")).collect(), key=lambda r: r.id)
    assert [FOOTERS["warta-a"] in (r.text or "") for r in got[:6]] == [False] * 6
    saved = sorted(p.name for p in (tmp_path / "packs").iterdir())
    assert saved == ["warta-a.toml", "warta-b.toml", "warta-c.id.toml"]
    with pytest.raises(SystemExit):
        spark_job.parse_args(["a", "b", "--field", "text", "--site", "x"])  # not without --learn
