"""Benchmark: the cleaner against the cost of merely reading the text, in one run.

    python bench/run.py              # ~50 MB corpus, both layouts (a few minutes on 2 cores)
    python bench/run.py --mb 5       # quicker

Builds a corpus deterministically from seeds/ (and tests/cases/corpus/ if present): articles
in the one-paragraph-per-line layout, and the same articles glued into one line. Prints, per
layout: the floor (Python reading the data and splitting it into lines), the cleaner's MB/s
and articles/s on one core, the ratio cleaner/floor, peak memory of the measuring process, and
the same with 2 worker processes. Ratios are what to compare across machines, not seconds.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def articles() -> list[str]:
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "cases").rglob("corpus/*.txt")
    )
    return [p.read_text(encoding="utf-8") for p in sources]


def build(mb: float, glued: bool, seed: int = 7) -> list[str]:
    """Articles drawn (with a fixed seed) until the corpus holds `mb` megabytes."""
    rnd, pool, out, size = random.Random(seed), articles(), [], 0
    while size < mb * 1e6:
        text = rnd.choice(pool)
        if glued:  # the scraper layout with no separator between paragraphs
            text = "".join(line.strip() for line in text.splitlines())
        out.append(text)
        size += len(text.encode("utf-8"))
    return out


def floor(path: Path) -> float:
    start = time.perf_counter()
    with path.open(encoding="utf-8") as handle:
        for record in handle.read().split("\0"):
            record.splitlines()
    return time.perf_counter() - start


def _work(chunk: list[str]) -> int:
    return sum(len(_CLEANER.clean(t).text) for t in chunk)


def _init() -> None:
    global _CLEANER
    from cleaner import Cleaner

    _CLEANER = Cleaner()


def measure(path: Path, jobs: int) -> float:
    texts = path.read_text(encoding="utf-8").split("\0")
    if jobs == 1:
        _init()
        start = time.perf_counter()
        for t in texts:
            _CLEANER.clean(t)
        return time.perf_counter() - start
    chunks = [texts[i : i + 64] for i in range(0, len(texts), 64)]
    with mp.get_context("fork").Pool(jobs, initializer=_init) as pool:
        pool.map(_work, chunks[:jobs])  # warm up: compile the rules in every worker
        start = time.perf_counter()
        pool.map(_work, chunks)
        return time.perf_counter() - start


def child(path: str, what: str, jobs: int) -> None:
    seconds = floor(Path(path)) if what == "floor" else measure(Path(path), jobs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds} {peak}")


def run(path: Path, what: str, jobs: int = 1) -> tuple[float, float]:
    # each measurement in a fresh process, so peak memory is its own
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path), what, str(jobs)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    seconds, peak = out.stdout.split()
    return float(seconds), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=25.0, help="MB per layout (default 25)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], args.child[1], int(args.child[2]))
    print(f"{'layout':<8} {'MB':>6} {'floor s':>8} {'clean s':>8} {'MB/s':>7} {'art/s':>7} "
          f"{'ratio':>6} {'peak MB':>8} {'2 jobs s':>9} {'speedup':>8}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for glued in (False, True):
            texts = build(args.mb, glued)
            path = Path(tmp) / "corpus.txt"
            path.write_text("\0".join(texts), encoding="utf-8")
            mb = path.stat().st_size / 1e6
            floor_s, _ = run(path, "floor")
            clean_s, peak = run(path, "clean", 1)
            jobs_s, _ = run(path, "clean", 2)
            print(f"{'glued' if glued else 'lines':<8} {mb:6.1f} {floor_s:8.3f} {clean_s:8.2f} "
                  f"{mb / clean_s:7.2f} {len(texts) / clean_s:7.0f} {clean_s / floor_s:6.0f}x "
                  f"{peak:8.0f} {jobs_s:9.2f} {clean_s / jobs_s:7.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
