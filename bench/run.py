"""Benchmark: the cleaner against the cost of merely reading the text, in one run.

    python bench/run.py                  # 50 MB per layout + scaling + CLI (about 10 minutes)
    python bench/run.py --mb 5 --jsonl-mb 20     # quicker, same report

Builds a corpus deterministically from seeds/ and the test corpus (tests/cases/corpus/raw/):
articles in the one-paragraph-per-line layout, and the same articles glued into one line.
Every measurement runs in a fresh process, so its peak memory is its own, and `--repeat` times
(best run counts: a shared VM is noisy). One-process times are CPU seconds (immune to other
tenants' load), the command line's are wall seconds (they measure parallelism). Prints:

1. per layout: the floor (Python reading the data and splitting it into lines), the library's
   MB/s and articles/s on one core, the ratio cleaner/floor, peak memory; then the command line
   on the same articles as JSONL with `--jobs 1` and `--jobs 2`, and the speed-up;
2. scaling: half the input against all of it (linear: 2.0x), the default rules against ten
   times as many (learned-style site rules, see `many_rules`), and one glued line of half
   `--line-mb` against one of `--line-mb` (5 and 10 MB; linear: 2.0x); each pair is measured
   alternately, best of 3, so that a slow spell of a shared VM falls on both sides of a ratio;
3. the command line: start-up of `cleaner --help` and of `cleaner clean` on one small file
   (best of 5), and a large JSONL dump streamed through `cleaner clean` with its peak memory.
Ratios are what to compare across machines, not seconds.
"""

from __future__ import annotations

import argparse
import json
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
        (ROOT / "tests" / "cases" / "corpus" / "raw").glob("*.txt")
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


# ------------------------------------------------------------------ ten times the rules

_NAMES = ["Warta", "Suara", "Kabar", "Harian", "Detak", "Jurnal", "Gema", "Lensa"]
_PLACES = ["Bandung", "Medan", "Surabaya", "Makassar", "Palembang", "Semarang", "Lombok"]
_BODY = "Pemerintah daerah menyiapkan anggaran baru untuk perbaikan jalan desa tahun depan."
# (scope, pattern, a text it must remove); {s} is a site name, {c} its short code
_TEMPLATES = [
    ("line", r"Baca berita {s} lainnya di Google News", "Baca berita {s} lainnya di Google News"),
    ("line", r"Ikuti {s} di (?:WhatsApp|Telegram)(?: Channel)?", "Ikuti {s} di WhatsApp Channel"),
    ("span", r"(?<![\w])Baca [Jj]uga di {s}:[^\n.]{{1,120}}", "Baca juga di {s}: Banjir surut"),
    (
        "line",
        r"Copyright © \d{{4}} {s}(?:\. All [Rr]ights [Rr]eserved\.?)?",
        "Copyright © 2025 {s}",
    ),
    ("span", r"\({c}/[a-z]{{2,6}}\)", "({c}/abc)"),
    ("line", r"\d[\d.]* (?:Views|kali dibaca) di {s}", "22 Views di {s}"),
    ("line", r"{s} - Berita Terkini(?:, Terpercaya)?", "{s} - Berita Terkini"),
    ("tail", r"{{unit_start}}Berita {s} Lainnya{{unit_end}}", _BODY + "\n[[Berita {s} Lainnya]]"),
    ("span", r"(?<![\w])Dapatkan update berita {s}[^\n]{{0,200}}", "Dapatkan update berita {s}"),
]


def many_rules(count: int) -> str:
    """A TOML pack of `count` rules in the style `cleaner learn` writes for many sites:
    literal site lines and spans, a few generalised. Their cue words ("Baca", "(", digits)
    also occur in the corpus, so they cost real matching, not just a failed lookup."""
    lines = [
        "[pack]",
        'name = "bench-many"',
        'description = "Synthetic site rules for the rule-scaling benchmark"',
        "[macros]",
        r"""unit_start = '(?<=^[ \t\u00a0]*|[ \t\u00a0]{2})'""",
        r"""unit_end = '(?=[ \t\u00a0]{2,}|[ \t\u00a0]*(?:\r?\n|\Z))'""",
    ]
    sites = [f"{n} {p}" for p in _PLACES for n in _NAMES]
    for i in range(count):
        scope, pattern, example = _TEMPLATES[i % len(_TEMPLATES)]
        j = i // len(_TEMPLATES)  # one site per round of templates
        site = sites[j % len(sites)] + (f" {j // len(sites)}" if j >= len(sites) else "")
        code = "".join(w[:3] for w in site.split()).lower()
        lines += [
            "[[rule]]",
            f'id = "bench-{i}"',
            'category = "navigation"',
            f'scope = "{scope}"',
            'description = "synthetic"',
            f"pattern = '''{pattern.format(s=site.replace(' ', '[ ]'), c=code)}'''",
            f"remove = [{json.dumps(example.format(s=site, c=code), ensure_ascii=False)}]",
            f'keep = ["{_BODY}"]',
        ]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ measurements (children)


def floor(path: Path) -> float:
    start = time.process_time()
    with path.open(encoding="utf-8") as handle:
        for record in handle.read().split("\0"):
            record.splitlines()
    return time.process_time() - start


def measure(path: Path, rules: str | None) -> float:
    from cleaner import Cleaner

    texts = path.read_text(encoding="utf-8").split("\0")
    cleaner = Cleaner(rules=[rules] if rules else ())
    for text in dict.fromkeys(texts[:1000]):  # warm up: the plans of every site pack, caches
        cleaner.clean(text)
    start = time.process_time()
    for t in texts:
        cleaner.clean(t)
    return time.process_time() - start


def peak_mb() -> float:
    """This process's peak resident memory in MB.

    VmHWM from /proc where there is one: getrusage's ru_maxrss survives exec on Linux, so a
    child started by this (large) benchmark process would report the parent's peak.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(path: str, what: str, rules: str) -> None:
    seconds = floor(Path(path)) if what == "floor" else measure(Path(path), rules or None)
    print(f"{seconds} {peak_mb()}")


REPEAT = 2  # each measurement runs this many times; the best run counts (--repeat)


def run(path: Path, what: str, rules: Path | None = None, repeat: int = 0) -> tuple[float, float]:
    """CPU seconds (best of `repeat`, default REPEAT, fresh processes) and peak memory."""
    best = (float("inf"), 0.0)
    for _ in range(repeat or REPEAT):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(path), what, str(rules or "")],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        seconds, peak = map(float, out.stdout.split())
        best = min(best, (seconds, peak))
    return best


def paired(a: Path, b: Path, what: str, repeat: int = 0, rules=(None, None)):
    """CPU seconds of two measurements (best of `repeat` each), taken alternately."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat or REPEAT):
        for i, path in enumerate((a, b)):
            best[i] = min(best[i], run(path, what, rules[i], repeat=1)[0])
    return best[0], best[1]


# Runs the command line in this interpreter and reports its peak memory on exit (see peak_mb).
_CLI = """
import atexit, sys
sys.path.insert(0, {bench!r})
from run import peak_mb
atexit.register(lambda: sys.stderr.write(f"\\nPEAK {{peak_mb()}}\\n"))
sys.argv = ["cleaner", *sys.argv[1:]]
from cleaner.cli import main
main()
"""


def cli(args: list[str], stdout=subprocess.DEVNULL, report: bool = False) -> tuple:
    """Wall seconds and peak RSS (MB) of one `cleaner` run (its main process), and with
    `report` its messages on stderr too."""
    code = _CLI.format(bench=str(Path(__file__).resolve().parent))
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], stdout=stdout, stderr=subprocess.PIPE, text=True
    )
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"cleaner {' '.join(args)} exited with {proc.returncode}: {proc.stderr}")
    peak = [line for line in proc.stderr.splitlines() if line.startswith("PEAK ")]
    found = (seconds, float(peak[-1].split()[1]) if peak else float("nan"))
    return (*found, proc.stderr) if report else found


def write_jsonl(path: Path, texts) -> float:
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
    return path.stat().st_size / 1e6


# ------------------------------------------------------------------ report


def main() -> None:
    global REPEAT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="MB per layout (default 50)")
    parser.add_argument("--jsonl-mb", type=float, default=200.0, help="JSONL dump size (200)")
    parser.add_argument(
        "--line-mb", type=float, default=10.0, help="the longer single glued line, MB (10)"
    )
    parser.add_argument("--repeat", type=int, default=REPEAT, help="runs per measurement (2)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(*args.child)
    REPEAT = max(1, args.repeat)
    tmp = Path(tempfile.mkdtemp(prefix="cleaner-bench-"))
    corpus = tmp / "corpus.txt"

    print("1. Throughput, one core (library, CPU s) and the command line (wall s) with 2 jobs")
    print(f"{'layout':<7} {'MB':>5} {'floor s':>8} {'clean s':>8} {'MB/s':>6} {'art/s':>6} "
          f"{'ratio':>6} {'peak MB':>8} {'cli j1 s':>9} {'cli j2 s':>9} {'speedup':>8}"
    )  # fmt: skip
    for glued in (False, True):
        texts = build(args.mb, glued)
        corpus.write_text("\0".join(texts), encoding="utf-8")
        mb = corpus.stat().st_size / 1e6
        floor_s, _ = run(corpus, "floor")
        clean_s, peak = run(corpus, "clean")
        dump = tmp / "corpus.jsonl"
        write_jsonl(dump, texts)
        j1 = min(
            cli(["clean", str(dump), "--field", "text", "--jobs", "1"])[0] for _ in range(REPEAT)
        )
        j2 = min(
            cli(["clean", str(dump), "--field", "text", "--jobs", "2"])[0] for _ in range(REPEAT)
        )
        print(f"{'glued' if glued else 'lines':<7} {mb:5.1f} {floor_s:8.3f} {clean_s:8.2f} "
              f"{mb / clean_s:6.2f} {len(texts) / clean_s:6.0f} {clean_s / floor_s:5.0f}x "
              f"{peak:8.0f} {j1:9.2f} {j2:9.2f} {j1 / j2:7.2f}x")  # fmt: skip

    print("\n2. Scaling (time ratios; linear = 2.00x, sub-linear in rules = at most 2x)")
    # Each pair is measured alternately (small, large, small, ...): a slow spell of the VM
    # then falls on both sides of the ratio, not on one.
    half, whole = tmp / "half.txt", tmp / "whole.txt"
    half.write_text("\0".join(build(args.mb / 2, False)), encoding="utf-8")
    whole.write_text("\0".join(build(args.mb, False)), encoding="utf-8")
    half_s, full_s = paired(half, whole, "clean", repeat=max(REPEAT, 3))
    print(f"input  {args.mb / 2:g} MB -> {args.mb:g} MB (lines): {half_s:.2f} s -> "
          f"{full_s:.2f} s = {full_s / half_s:.2f}x")  # fmt: skip
    whole.unlink()
    from cleaner import Cleaner

    base = len(Cleaner().all_rules)
    pack = tmp / "many.toml"
    pack.write_text(many_rules(9 * base), encoding="utf-8")
    corpus.write_text("\0".join(build(args.mb / 5, False)), encoding="utf-8")
    one_s, ten_s = paired(corpus, corpus, "clean", rules=(None, pack))
    print(f"rules  {base} -> {10 * base} ({args.mb / 5:g} MB, lines): {one_s:.2f} s -> "
          f"{ten_s:.2f} s = {ten_s / one_s:.2f}x")  # fmt: skip
    short, long = args.line_mb / 2, args.line_mb
    for mb, path in ((short, half), (long, corpus)):
        path.write_text("".join(build(mb, True))[: int(mb * 1_000_000)], encoding="utf-8")
    short_s, long_s = paired(half, corpus, "clean", repeat=max(REPEAT, 3))  # cheap: more runs
    print(f"one glued line {short:g} MB -> {long:g} MB: {short_s:.2f} s -> "
          f"{long_s:.2f} s = {long_s / short_s:.2f}x ({long / long_s:.2f} MB/s)")  # fmt: skip

    print("\n3. Command line")
    small = tmp / "one.txt"
    small.write_text(articles()[0], encoding="utf-8")
    for label, argv in (
        ("cleaner --help", ["--help"]),
        ("cleaner clean 1 file", ["clean", str(small)]),
    ):
        best = min(cli(argv)[0] for _ in range(5))
        print(f"start-up  {label:<24} {best:.2f} s (best of 5)")
    dump = tmp / "big.jsonl"
    size = write_jsonl(dump, _stream(args.jsonl_mb))
    with (tmp / "big.out.jsonl").open("w") as out:
        seconds, peak = cli(["clean", str(dump), "--field", "text", "--jobs", "1"], stdout=out)
    print(f"stream    {size:.0f} MB JSONL, --jobs 1: {seconds:.0f} s, {size / seconds:.2f} MB/s, "
          f"peak RSS {peak:.0f} MB")  # fmt: skip
    for path in tmp.iterdir():
        path.unlink()
    tmp.rmdir()


def _stream(mb: float):
    """Articles (lines layout) for a dump of about `mb` MB, generated lazily."""
    rnd, pool, size = random.Random(11), articles(), 0
    while size < mb * 1e6:
        text = rnd.choice(pool)
        size += len(text.encode("utf-8")) + 30
        yield text


if __name__ == "__main__":
    main()
