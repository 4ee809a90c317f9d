"""Draw the articles to label from the shared bulk batches: reproducible, not hand-picked.

    python3 tests/cases/labelled/sample.py ../shared/corpus/bulk tests/cases/labelled

For each outlet, records of 300 to 12,000 characters are shuffled with a fixed seed and the
first PER_OUTLET are written as `SET/raw/OUTLET__bNNN.txt` (the `text` field byte for byte),
with a line each in `SET/MANIFEST.tsv`: the bulk file and line number, the record's `source`
(`owner/repo:path#record`, see the bulk's SOURCES.tsv for commit and licence) and its URL.
HOLDOUT outlets go to `holdout/`, the others to `dev/`: the hold-out articles are not read
while rules are written, so their figures estimate how the rules do on unseen sites.
Existing files are never overwritten (labels are made against these exact texts).
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

SEED = 20261126
PER_OUTLET = 12
MIN_CHARS, MAX_CHARS = 300, 12_000
HOLDOUT = {"okezone", "sindonews", "tempo"}
HEADER = "file\toutlet\tbulk\tline\tsource\turl\n"


def main(bulk: Path, out: Path) -> None:
    for path in sorted(bulk.glob("*.jsonl.gz")):
        outlet = path.name.split(".")[0]
        records = []
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                rec = json.loads(line)
                text = rec.get("text") or ""
                if MIN_CHARS <= len(text) <= MAX_CHARS:
                    records.append((number, rec))
        random.Random(f"{SEED}:{outlet}").shuffle(records)
        folder = out / ("holdout" if outlet in HOLDOUT else "dev")
        (folder / "raw").mkdir(parents=True, exist_ok=True)
        manifest = folder / "MANIFEST.tsv"
        if not manifest.exists():
            manifest.write_text(HEADER, encoding="utf-8")
        seen = set()
        k = 0
        for number, rec in records:
            if k == PER_OUTLET:
                break
            if rec["text"] in seen:
                continue
            seen.add(rec["text"])
            k += 1
            name = f"{outlet}__b{k:03d}"
            target = folder / "raw" / f"{name}.txt"
            if target.exists():
                continue
            target.write_bytes(rec["text"].encode("utf-8"))
            with manifest.open("a", encoding="utf-8") as fh:
                url = rec.get("url") or ""
                fh.write(
                    f"raw/{name}.txt\t{outlet}\tbulk/{path.name}\t{number}\t{rec['source']}\t{url}\n"
                )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
