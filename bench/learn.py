"""Learning throughput: MB of text a second on one core, in one run with its references.

    python bench/learn.py --bulk ../shared/corpus/bulk      # the development outlets' batches
    python bench/learn.py                                   # the small batches in the repository

For each outlet's batch, in one process and the best of `--repeat` runs (CPU time), it
measures learning a pack (`Learner.add` for every document, then `finish` against the
shipped rules: what `cleaner learn` does), and as references on the same texts the floor
(splitting every text into words) and cleaning every text with the shipped rules. The
hold-out outlets (okezone, sindonews, tempo) are left out unless named.

    python bench/learn.py --memory      # peak memory in the worst case for the example store

`--memory` learns, in a fresh process and nothing else, 40,000 synthetic documents made of
100,000 distinct sentences, each in four documents in a row (every one of them is counted,
placed and given examples), and prints the peak resident memory and the table's peak size.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402
from cleaner.learn import Learner, known_cleaner  # noqa: E402

HOLDOUT = {"okezone", "sindonews", "tempo"}
FIXTURES = ROOT / "tests/cases/learn/bulk"


def batches(bulk: Path | None, outlets: list[str]) -> dict[str, list[str]]:
    """outlet -> its texts, from DIR/OUTLET.jsonl.gz or the repository's OUTLET.jsonl."""
    paths = sorted(bulk.glob("*.jsonl.gz")) if bulk else sorted(FIXTURES.glob("*.jsonl"))
    found = {}
    for path in paths:
        outlet = path.name.split(".")[0]
        if (outlets and outlet not in outlets) or (not outlets and outlet in HOLDOUT):
            continue
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            found[outlet] = [t for line in fh if (t := json.loads(line).get("text"))]
    return found


def best(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return min(times)


def memory(documents: int = 40_000, sentences: int = 100_000) -> None:
    import itertools
    import random
    import resource
    import string

    rng = random.Random(7)
    words = ["".join(t) for t in itertools.product(string.ascii_lowercase, repeat=3)]
    pool = [" ".join(rng.choices(words, k=12)).capitalize() + "." for _ in range(sentences)]
    learner = Learner("site")
    for d in range(documents):
        lines = (pool[((d // 4) * 10 + k) % sentences] for k in range(10))
        learner.add("\n".join(lines) + f"\nNomor {d}")
    learner.finish(None)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{documents} documents of {sentences} distinct sentences, each in 4 documents: "
          f"peak memory {peak:.0f} MB, {learner.budget.peak} table entries at most "
          f"(cap {learner.options.max_keys})")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bulk", type=Path, help="folder of OUTLET.jsonl.gz batches")
    parser.add_argument("outlets", nargs="*", help="only these outlets")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory", action="store_true", help="the worst case for memory")
    args = parser.parse_args(argv)
    if args.memory:
        memory()
        return 0
    data = batches(args.bulk, args.outlets)
    known = known_cleaner()
    cleaner = Cleaner()

    def learn_all(finish: bool = True):
        for site, texts in data.items():
            learner = Learner(site)
            for text in texts:
                learner.add(text)
            if finish:
                learner.finish(known)

    def clean_all():
        for texts in data.values():
            for text in texts:
                cleaner.clean(text)

    def floor():
        for texts in data.values():
            for text in texts:
                text.split()

    mb = sum(len(t.encode("utf-8")) for texts in data.values() for t in texts) / 1e6
    docs = sum(len(texts) for texts in data.values())
    learn_all()  # warm up: the shipped rules compile, caches fill
    timings = {
        "floor (split into words)": best(args.repeat, floor),
        "learning: counting only": best(args.repeat, lambda: learn_all(finish=False)),
        "learning a pack (count + finish)": best(args.repeat, learn_all),
        "cleaning (shipped rules)": best(args.repeat, clean_all),
    }
    learn_s = timings["learning a pack (count + finish)"]
    print(f"{len(data)} batches ({', '.join(data)}): {docs} documents, {mb:.2f} MB; "
          f"best of {args.repeat} runs, CPU time of one core")  # fmt: skip
    for name, seconds in timings.items():
        ratio = seconds / learn_s
        print(f"{name:34s} {seconds:7.2f} s  {mb / seconds:7.2f} MB/s  {ratio:5.2f}x learning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
