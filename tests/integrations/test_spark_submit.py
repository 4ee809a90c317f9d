"""`spark-submit` runs the job file end to end: a second JVM, so it is `slow` as well as `spark`.

spark-submit runs the job as a file, with its folder first on sys.path, where the pandas.py and
polars.py next to it would shadow the real pandas and polars: this is the test that catches it.
It has its own module so that test_spark.py's session is gone before this JVM starts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import Cleaner

from .rows import expected, rows, write_jsonl

for module in ("pyspark", "pyarrow"):
    pytest.importorskip(module, reason=f"{module} is not installed: pip install 'cleaner[spark]'")
pd = pytest.importorskip("pandas", reason="pandas is not installed: pip install 'cleaner[spark]'")
pytestmark = [pytest.mark.spark, pytest.mark.slow]
ROWS = rows(60)
JOB_ARGS = ["--field", "text", "--url-field", "url", "--removals", "log", "--drop", "dateline"]


def test_spark_submit_runs_the_job_file(tmp_path):
    import pyspark

    from cleaner.integrations import spark_job

    submit = Path(pyspark.__file__).parent / "bin" / "spark-submit"
    source = write_jsonl(tmp_path / "articles.jsonl", ROWS)
    command = [str(submit), "--master", "local[2]", "--conf", "spark.ui.enabled=false",
               spark_job.__file__, str(source), str(tmp_path / "out"), *JOB_ARGS]  # fmt: skip
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1"}
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    got = pd.read_parquet(tmp_path / "out").sort_values("id").astype(object)
    got = got.where(got.notna(), None)  # whatever null marker this pandas reads back: None
    cleaner = Cleaner(drop={"dateline"})
    assert list(zip(got["text"], got["log"], strict=True)) == [
        expected(cleaner, t, u) for t, u in ROWS
    ]
