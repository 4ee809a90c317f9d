"""The packages of cleaner/ import down only: cli, integrations -> learn, html -> engine -> packs
-> model (the README's map). Every import counts, also one inside a function or under
TYPE_CHECKING: a lazy import of a higher layer is still a tangle.

Two packages of one layer do not import each other either (learn does not use html), except
the one documented case: `cleaner.integrations.pool` runs its texts through the CLI's process
pool, `cleaner.cli.parallel`, beside the CLI at the top layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "cleaner"
#: A module may import its own package and the packages of lower layers.
LAYERS = {
    "model": 0,
    "packs": 1,
    "engine": 2,
    "": 2.5,  # cleaner/__init__.py, the public API: re-exports the engine, packs and model
    "html": 3,
    "learn": 3,
    "quality": 3,  # scoring a cleaner on labelled articles: uses the engine, like learn
    "cli": 4,
    "integrations": 4,
    "__main__": 5,  # `python -m cleaner`: runs the CLI
}
EXCEPTIONS = {("cleaner.integrations.pool", "cleaner.cli.parallel")}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in p.parts}


def layer_of(module: str) -> str:
    """The package a module of cleaner belongs to ('' for cleaner/__init__.py itself)."""
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else ""
    if name not in LAYERS:
        raise AssertionError(f"{module}: package {name!r} has no layer: add it to LAYERS")
    return name


def imports(module: str, source: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, module) of every import of a cleaner module, anywhere in the source."""
    found = []
    here = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join([*here[: len(here) - node.level + 1], node.module or ""])
            else:
                base = node.module or ""
            base = base.rstrip(".")
            for alias in node.names:
                # `from . import engine` imports the module cleaner.engine, not cleaner
                sub = f"{base}.{alias.name}"
                found.append((node.lineno, sub if sub in MODULES else base))
    return [(line, target) for line, target in found if target.split(".")[0] == "cleaner"]


def violations(module: str, source: str, is_package: bool = False) -> list[str]:
    mine = layer_of(module)
    bad = []
    for line, target in imports(module, source, is_package):
        theirs = layer_of(target)
        if theirs == mine or LAYERS[theirs] < LAYERS[mine]:
            continue
        if any(module == a and (target == b or target.startswith(b + ".")) for a, b in EXCEPTIONS):
            continue
        bad.append(f"{module}:{line} imports {target} ({mine or 'cleaner'} may not use {theirs})")
    return bad


def test_every_import_points_down():
    bad = []
    for module, path in MODULES.items():
        bad += violations(module, path.read_text(encoding="utf-8"), path.name == "__init__.py")
    assert not bad, "imports that point up:\n" + "\n".join(bad)


def test_every_package_has_a_layer():
    assert {layer_of(m) for m in MODULES} == set(LAYERS)


@pytest.mark.parametrize(
    ("module", "source", "wrong"),
    [
        ("cleaner.packs.loader", "def f():\n    from ..engine import Cleaner\n", "cleaner.engine"),
        ("cleaner.engine.plan", "import cleaner.cli.app\n", "cleaner.cli.app"),
        ("cleaner.model", "from . import engine\n", "cleaner.engine"),
        ("cleaner.engine.passes", "from cleaner import Cleaner\n", "cleaner"),
        ("cleaner.learn.counting", "from ..html import html_to_text\n", "cleaner.html"),
        ("cleaner.integrations.spark", "from ..cli.parallel import Task\n", "cleaner.cli.parallel"),
        ("cleaner.integrations.pool", "from ..cli.app import main\n", "cleaner.cli.app"),
        ("cleaner.html", "from .. import learn\n", "cleaner.learn"),
    ],
)
def test_an_import_of_a_higher_layer_is_caught(module, source, wrong):
    is_package = MODULES[module].name == "__init__.py"
    assert [v.split(" ")[2] for v in violations(module, source, is_package)] == [wrong]


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("cleaner.integrations.pool", "from ..cli.parallel import Failed, Task\n"),
        ("cleaner.cli.learn", "def f():\n    from ..learn import Batch\n"),
        ("cleaner.html", "from ..engine import default_cleaner\n"),
        ("cleaner.learn.rulemaking", "from .counting import Learner\n"),
        ("cleaner.packs.catalog", "from ..model import DUPLICATE_RULE\n"),
    ],
)
def test_an_import_of_the_same_or_a_lower_layer_passes(module, source):
    assert violations(module, source, MODULES[module].name == "__init__.py") == []
