"""Benchmark: `cleaner clean --learn` against a plain `cleaner clean` of the same dump, in one run.

    python bench/learn_run.py                      # a 200 MB dump, --jobs 1 and 2 (~15 minutes)
    python bench/learn_run.py --mb 1000 --jobs 1 --repeat 1   # 1 GB: peak memory stays flat
    python bench/learn_run.py --mb 5               # a quick look
    python bench/learn_run.py --bulk ../shared/corpus/bulk   # real batches, as they come

The dump is generated deterministically from the 108 development articles in
`tests/cases/labelled/dev/raw/` (nine outlets, real scraped text with its boilerplate): each
record is one of its outlet's articles with one word of every long sentence swapped for
another word of the outlet (so story sentences hardly repeat, as in a real dump, while the
boilerplate lines do), and a URL on the outlet's domain (`--url-field url`: nine sites).

For each `--jobs` value the two commands run alternately, `--repeat` times each, best run
counting (a shared VM is noisy, and alternating puts a slow spell on both sides of the ratio).
Wall seconds, the ratio learn/plain (the target is at most 2.5x), and the peak resident memory
of the command's main process (with `--jobs 1`, the only process). Then `cleaner learn` alone
on the same dump: what the first pass costs, in MB/s.

The generated dump is a worst case for the learner: its articles differ by one word a
sentence, so their story text repeats in runs of six words or more, which the n-gram miner
counts, places and rejects. `--bulk DIR` uses real batches instead (`DIR/OUTLET.jsonl[.gz]`,
the development outlets; sites by `--site-field site`): real story text hardly repeats.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import cli

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "cases" / "labelled" / "dev" / "raw"
DOMAINS = {
    "antaranews": "www.antaranews.com", "cnnindonesia": "www.cnnindonesia.com",
    "detik": "news.detik.com", "kompas": "nasional.kompas.com", "kontan": "nasional.kontan.co.id",
    "liputan6": "www.liputan6.com", "merdeka": "www.merdeka.com",
    "republika": "news.republika.co.id", "tribunnews": "www.tribunnews.com",
}  # fmt: skip
LONG = 12  # a sentence of this many words is story text: one of its words is swapped
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def outlets() -> dict[str, list[list[list[list[str]]]]]:
    """outlet -> articles -> lines -> sentences -> words."""
    found: dict[str, list] = {}
    for path in sorted(DEV.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        article = [[s.split(" ") for s in _SENTENCE.split(line)] for line in lines]
        found.setdefault(path.name.split("__")[0], []).append(article)
    return found


def write_dump(path: Path, mb: float, seed: int = 13) -> tuple[float, int]:
    """A JSONL dump of about `mb` MB (fields id, url, text); returns its MB and records."""
    rnd, pool = random.Random(seed), outlets()
    names = sorted(pool)
    words = {o: sorted({w for a in pool[o] for ln in a for s in ln for w in s if w}) for o in names}
    size = count = 0
    with path.open("w", encoding="utf-8") as out:
        while size < mb * 1e6:
            outlet = names[count % len(names)]
            vocab = words[outlet]
            lines = []
            for line in rnd.choice(pool[outlet]):
                sentences = []
                for sentence in line:
                    if len(sentence) >= LONG:
                        sentence = list(sentence)
                        sentence[rnd.randrange(1, len(sentence) - 1)] = rnd.choice(vocab)
                    sentences.append(" ".join(sentence))
                lines.append(" ".join(sentences))
            url = f"https://{DOMAINS[outlet]}/read/{count}"
            record = {"id": count, "url": url, "text": "\n".join(lines)}
            data = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(data)
            size += len(data.encode("utf-8"))
            count += 1
    return size / 1e6, count


HOLDOUT = {"okezone", "sindonews", "tempo"}  # never read while writing rules


def write_bulk_dump(path: Path, bulk: Path) -> tuple[float, int]:
    """The development outlets' real batches as one JSONL dump (fields id, site, url, text)."""
    size = count = 0
    with path.open("w", encoding="utf-8") as out:
        for batch in sorted([*bulk.glob("*.jsonl.gz"), *bulk.glob("*.jsonl")]):
            outlet = batch.name.split(".")[0]
            if outlet in HOLDOUT:
                continue
            opener = gzip.open if batch.suffix == ".gz" else open
            with opener(batch, "rt", encoding="utf-8") as records:
                for line in records:
                    record = json.loads(line)
                    url = record.get("url") or f"https://{DOMAINS[outlet]}/read/{count}"
                    data = json.dumps(
                        {"id": count, "site": outlet, "url": url,
                         "text": record["text"]},
                        ensure_ascii=False,
                    ) + "\n"  # fmt: skip
                    out.write(data)
                    size += len(data.encode("utf-8"))
                    count += 1
    return size / 1e6, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200, help="dump size (default 200)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each command (best counts)")
    parser.add_argument("--bulk", type=Path, help="real batches (DIR/OUTLET.jsonl.gz) as the dump")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cleaner-learn-bench-") as tmp:
        dump = Path(tmp) / "dump.jsonl"
        if args.bulk:
            mb, records = write_bulk_dump(dump, args.bulk)
            sites = ["--site-field", "site"]  # learning only: a plain clean has no sites
            print(f"dump: {mb:.1f} MB, {records} records of real batches (--site-field site)")
        else:
            mb, records = write_dump(dump, args.mb)
            sites = []
            print(f"dump: {mb:.0f} MB, {records} records of {len(DOMAINS)} sites (--url-field url)")
        print("jobs  plain s  learn s  learn/plain  peak MB plain  peak MB learn  learned")
        base = ["clean", str(dump), "--url-field", "url", "-o", str(Path(tmp) / "out")]
        for jobs in args.jobs:
            plain = learn = (float("inf"), 0.0)
            said = ""
            for _ in range(args.repeat):
                plain = min(plain, cli([*base, "--jobs", str(jobs)]))
                timed = cli([*base, "--jobs", str(jobs), "--learn", *sites], report=True)
                learn = min(learn, timed[:2])
                said = timed[2]
            summary = re.search(
                r"learned \d+ rules and \d+ related headlines for \d+ of \d+ sites", said
            )
            print(f"{jobs:<4}  {plain[0]:7.1f}  {learn[0]:7.1f}  {learn[0] / plain[0]:10.2f}x  "
                  f"{plain[1]:13.0f}  {learn[1]:13.0f}  "
                  f"{summary.group(0) if summary else said.strip()!r}")  # fmt: skip
        # (`cleaner learn` tells sites apart by URL only: real URLs may split an outlet in two)
        seconds, peak = cli(["learn", str(dump), "--url-field", "url", "-o", str(Path(tmp) / "p")])
        print(f"cleaner learn alone: {seconds:.1f} s, {mb / seconds:.2f} MB/s, peak {peak:.0f} MB")
        out = Path(tmp) / "out" / "dump.jsonl"
        with out.open("rb") as handle:
            lines = sum(1 for _ in handle)
        print(f"output: {lines} lines for {records} records")


if __name__ == "__main__":
    main()
