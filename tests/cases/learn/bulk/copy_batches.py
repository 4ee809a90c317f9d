"""Copy the small real batches the learner's tests use from the shared bulk batches.

    python3 tests/cases/learn/bulk/copy_batches.py ../shared/corpus/bulk tests/cases/learn/bulk

For each outlet in RANGES, the records on the given lines of `OUTLET.jsonl.gz` (a stretch of
the file as it is, not hand-picked; kontan's stretch holds a related link that five records
in a row glue into their text) are written to `OUTLET.jsonl` unchanged (`text`, `url`,
`source`), and a line each to `MANIFEST.tsv`: the bulk file, its line number and the
record's `source` (`owner/repo:path#record`; the bulk's SOURCES.tsv has each source's commit
and licence). Records that are a labelled article of the repository (tests/cases/labelled,
tests/cases/corpus) are left out: the tests clean those with what was learned here.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

#: outlet -> (first line, last line) of its bulk batch, 1-based, inclusive.
RANGES = {"antaranews": (1, 40), "cnnindonesia": (1, 40), "kontan": (50, 99)}
ROOT = Path(__file__).resolve().parents[4]


def labelled_texts() -> set[str]:
    texts = set()
    for folder in ("tests/cases/corpus/raw", "tests/cases/labelled/dev/raw"):
        texts |= {p.read_bytes().decode("utf-8") for p in (ROOT / folder).glob("*.txt")}
    return texts


def main(bulk: Path, out: Path) -> None:
    skip = labelled_texts()
    manifest = ["outlet\tbulk\tline\tsource\n"]
    for outlet, (first, last) in sorted(RANGES.items()):
        kept = []
        with gzip.open(bulk / f"{outlet}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                record = json.loads(line)
                if first <= number <= last and record["text"] not in skip:
                    kept.append(json.dumps(record, ensure_ascii=False) + "\n")
                    manifest.append(
                        f"{outlet}\tbulk/{outlet}.jsonl.gz\t{number}\t{record['source']}\n"
                    )
        (out / f"{outlet}.jsonl").write_text("".join(kept), encoding="utf-8")
    (out / "MANIFEST.tsv").write_text("".join(manifest), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
