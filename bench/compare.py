"""Per-article cost of this tree against an earlier commit, on the same articles, in one run.

    python bench/compare.py 5a471de            # 4 MB per layout, best of 3, alternating
    python bench/compare.py v0.1.0 --mb 10
    python bench/compare.py 5a471de --bulk ../shared/corpus/bulk   # and on real batches

Rules are added all the time; the cost of cleaning an article must not grow with them. This
exports the other commit's `cleaner/` and `rules/` (git archive) into a temporary folder,
builds the corpus of `bench/run.py` (seeds and the development corpus, one paragraph a line and
glued into one line), and cleans it with each tree in turn, in fresh processes, after a warm-up
pass (plans for site packs are built on first use). It prints the CPU seconds of each tree, the
cost per article, and the ratio: this tree / the other. CPU time, best of `--repeat` runs taken
alternately, so that a slow spell of a shared machine falls on both sides. `--bulk DIR` also
times the real batches in DIR: texts the built corpus does not have (a text that opens with
blanks, Markdown, tags) showed a cost there that the corpus hid.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from run import build  # noqa: E402

CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from cleaner import Cleaner
texts = json.load(open(sys.argv[2], encoding="utf-8"))
cleaner = Cleaner()
for text in texts[:200]:
    cleaner.clean(text)
began = time.process_time()
for text in texts:
    cleaner.clean(text)
print(time.process_time() - began)
"""


def export(ref: str, into: Path) -> Path:
    """The other commit's package and rules, as files (`git archive`)."""
    archive = subprocess.run(
        ["git", "archive", ref, "cleaner", "rules"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    into.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into)  # our own repository's files
    return into


def measure(tree: Path, corpus: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(tree), str(corpus)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return float(out.stdout.strip())


def bulk_texts(folder: Path) -> list[str]:
    """Every text of the batches in `folder` (OUTLET.jsonl.gz, field `text`)."""
    texts = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            texts += [t for line in fh if isinstance(t := json.loads(line).get("text"), str) and t]
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ref", help="the commit to compare with (anything git rev-parse takes)")
    parser.add_argument("--mb", type=float, default=4.0, help="MB per layout (default 4)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--bulk", type=Path, metavar="DIR", help="also the real batches in DIR (OUTLET.jsonl.gz)"
    )
    args = parser.parse_args(argv)
    corpora = {
        f"{args.mb:g} MB per layout": build(args.mb, glued=False) + build(args.mb, glued=True)
    }
    if args.bulk:
        corpora[f"the batches of {args.bulk}"] = bulk_texts(args.bulk)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        other = export(args.ref, tmp / "other")
        for k, (name, texts) in enumerate(corpora.items()):
            corpus = tmp / f"corpus{k}.json"
            corpus.write_text(json.dumps(texts), encoding="utf-8")
            times: dict[str, list[float]] = {"this": [], "other": []}
            for _ in range(args.repeat):
                times["other"].append(measure(other, corpus))
                times["this"].append(measure(ROOT, corpus))
            n = len(texts)
            mine, theirs = min(times["this"]), min(times["other"])
            print(f"{n} articles, {name}; CPU seconds, best of {args.repeat}")
            print(f"{args.ref:<12} {theirs:6.2f} s  {theirs / n * 1e6:6.0f} µs/article")
            print(f"{'this tree':<12} {mine:6.2f} s  {mine / n * 1e6:6.0f} µs/article")
            print(f"ratio        {mine / theirs:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
