"""rules/ lives at the repository root but must ship inside the wheel: build one and use it."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT, SEEDS

PROBE = """
import json, sys
import cleaner
from cleaner.packs import default_rules_dir
from cleaner import Cleaner
c = Cleaner()
print(json.dumps({
    "module": cleaner.__file__,
    "rules": str(default_rules_dir()),
    "packs": sorted(p.name for p in c.packs),
    "text": c.clean(open(sys.argv[1], encoding="utf-8").read()).text,
}))
"""


@pytest.mark.slow
def test_wheel_ships_the_rules_and_cleans_like_the_source_tree(tmp_path):
    # --no-build-isolation: the build backend comes from the test environment (no network)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(tmp_path / "dist"), str(ROOT)],
        check=True,
    )  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("cleaner-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "cleaner/_rules/id-generic.toml" in names
    assert any(n.startswith("cleaner/_rules/sites/") for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)

    seed = SEEDS[1]
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(seed)],
        env={"PYTHONPATH": str(site)}, cwd=tmp_path, capture_output=True, text=True, check=True,
    )  # fmt: skip
    probe = json.loads(out.stdout)
    assert probe["module"].startswith(str(site))  # imported from the wheel, not the checkout
    assert probe["rules"] == str(site / "cleaner" / "_rules")
    from cleaner import Cleaner

    source = Cleaner()
    assert probe["packs"] == sorted(p.name for p in source.packs)
    assert probe["text"] == source.clean(seed.read_text(encoding="utf-8")).text
