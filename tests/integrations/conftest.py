from __future__ import annotations

SPARK_MARKER = "spark: starts a local Spark session on a JVM (deselect with -m 'not spark')"


def pytest_configure(config):
    # --strict-markers: register `spark` here too, so these tests run whether or not
    # pyproject.toml's markers list has it yet
    if not any(line.startswith("spark:") for line in config.getini("markers")):
        config.addinivalue_line("markers", SPARK_MARKER)
