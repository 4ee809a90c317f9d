"""Developer tasks that work on a fresh machine with nothing but Python 3.11+.

    python3 tasks.py demo     # clean the sample articles in seeds/ and print the result
    python3 tasks.py test     # the whole test suite (what CI runs)
    python3 tasks.py lint     # ruff

Each task creates `.venv/` on first use and installs the project into it (editable, with the
test extras); later runs reuse it and reinstall only when pyproject.toml has changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed"


def ensure_env() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py may be started by an older python3
        sys.exit(f"cleaner needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == want:
        return
    if not (BIN / "python").exists():
        print("creating .venv ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("installing cleaner and its test tools into .venv ...", file=sys.stderr)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(want)


def run(*cmd: str) -> int:
    return subprocess.run(cmd, cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    task, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if task not in ("demo", "test", "lint"):
        print(__doc__)
        return 0 if task == "help" else 2
    ensure_env()
    if task == "demo":
        return run(str(BIN / "cleaner"), "clean", "seeds", *rest)
    if task == "lint":
        return run(str(BIN / "ruff"), "check", "cleaner", "tests", "tasks.py", *rest)
    return run(str(BIN / "python"), "-m", "pytest", *rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
