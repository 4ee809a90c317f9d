"""Doctests of an engine's module run only where that engine is installed (CI installs them).

Without this, `pytest` on a core-only install would fail on `>>> import pandas as pd`.
"""

from importlib.util import find_spec

collect_ignore = [f"{module}.py" for module in ("pandas", "polars") if find_spec(module) is None]
