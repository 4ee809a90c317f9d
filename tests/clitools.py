"""Helpers for the CLI tests: run the command in-process, write small inputs."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cleaner.cli.app import app

from .conftest import ROOT

SEED = ROOT / "seeds/001_10a3550d25231c17.txt"
# A short article with one banner and one related-article link, so outputs are easy to check.
ARTICLE = (
    "ADVERTISEMENT\n"
    "Presiden tiba di Moskow pada Jumat pagi untuk pembicaraan dua hari dengan mitranya.\n"
    "Baca juga: Harga Emas Naik Lagi\n"
    "Kedua pemimpin menandatangani perjanjian kerja sama di bidang energi dan pertahanan.\n"
)
CLEAN_ARTICLE = (
    "Presiden tiba di Moskow pada Jumat pagi untuk pembicaraan dua hari dengan mitranya.\n"
    "Kedua pemimpin menandatangani perjanjian kerja sama di bidang energi dan pertahanan.\n"
)


def run(*args: object, input: str | bytes | None = None):
    """Invoke `cleaner ARGS` in-process; the result has .exit_code, .stdout, .stderr."""
    return CliRunner().invoke(app, [str(a) for a in args], input=input)


def errors(result) -> list[str]:
    """The stderr lines (each must be a one-line `cleaner: ...` message)."""
    lines = result.stderr.splitlines()
    assert all(line.startswith("cleaner: ") for line in lines), result.stderr
    assert "Traceback" not in result.stderr
    return lines


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(path: Path, records: list[object]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return write(path, "\n".join(lines) + "\n")


def read_jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
