"""The real command in a real process: pipes, exit codes, and never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from cleaner import __version__, cli
from cleaner.cli import app as cli_app

from .clitools import ARTICLE, CLEAN_ARTICLE, write
from .conftest import SEEDS


def cleaner(*args: object, input: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "LC_ALL": "C", "NO_COLOR": "1"}  # output is UTF-8 whatever the locale
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *map(str, args)],
        input=input, capture_output=True, env=env, cwd=cwd, timeout=60,
    )  # fmt: skip


def lines(stderr: bytes) -> list[str]:
    text = stderr.decode("utf-8")
    assert "Traceback" not in text
    found = text.splitlines()
    assert all(line.startswith("cleaner: ") for line in found), text
    return found


@pytest.mark.slow
def test_stdin_to_stdout_pipe():
    done = cleaner("clean", input=ARTICLE.encode("utf-8"))
    assert (done.returncode, done.stdout.decode("utf-8"), done.stderr) == (0, CLEAN_ARTICLE, b"")
    record = {"id": 1, "title": "“Kutipan”", "text": ARTICLE}
    done = cleaner("clean", "--jsonl", "-", input=(json.dumps(record) + "\n").encode())
    assert done.returncode == 0
    assert (
        done.stdout.decode("utf-8")
        == json.dumps({**record, "text": CLEAN_ARTICLE}, ensure_ascii=False) + "\n"
    )


@pytest.mark.slow
def test_every_bad_input_in_one_batch_one_line_each_no_traceback(tmp_path):
    good = write(tmp_path / "good.txt", ARTICLE)
    bad = [
        write(tmp_path / "latin1.txt", b"caf\xe9\n"),
        write(tmp_path / "binary.txt", b"\x00\x01"),
        tmp_path / "missing.txt",
        write(tmp_path / "dump.jsonl", b'{"text": "Isi."}\n{oops\n{"body": 1}\n{"text": 2}\n'),
    ]
    empty = write(tmp_path / "empty.txt", "")
    done = cleaner("clean", *bad, good, empty, "-o", tmp_path / "out")
    assert done.returncode == 1
    found = lines(done.stderr)  # 3 files + 3 records, and the empty file's warning
    assert [line.split(": ")[1] for line in found] == [*map(str, bad[:3]), *[str(bad[3])] * 3,
                                                        str(empty)]  # fmt: skip
    assert [line.split(": ")[2] for line in found[3:6]] == ["line 2", "line 3", "line 4"]
    assert (tmp_path / "out/good.txt").read_text(encoding="utf-8") == CLEAN_ARTICLE
    assert (tmp_path / "out/dump.jsonl").read_text(encoding="utf-8") == (
        '{"text": "Isi."}\n{oops\n{"body": 1}\n{"text": 2}\n'  # bad records pass through
    )
    assert (tmp_path / "out/empty.txt").read_bytes() == b""


@pytest.mark.slow
def test_usage_and_rule_errors_are_one_line_with_their_exit_code(tmp_path):
    rules = write(tmp_path / "bad.toml", "[[rule]\n")
    for args, code in [
        (["clean", "--bogus"], 2),
        (["clean", "--keep", "nope", "-"], 2),
        (["frobnicate"], 2),
        (["clean", "--rules", rules, "-"], 1),
        (["rules", "check", rules], 1),
    ]:
        done = cleaner(*args, input=b"")
        assert done.returncode == code, args
        assert len(lines(done.stderr)) == 1, args


@pytest.mark.slow
def test_reader_closing_the_pipe_early_is_not_an_error_message(tmp_path):
    for i in range(40):
        write(tmp_path / f"in/{i:02}.txt", SEEDS[1].read_text(encoding="utf-8"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "clean", tmp_path / "in"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()  # like `| head`
    stderr = proc.stderr.read()
    proc.wait(timeout=60)
    assert stderr == b""


@pytest.mark.slow
def test_version_and_module_entry_point():
    done = cleaner("--version")
    assert done.stdout.decode().strip() == f"cleaner {__version__}"


def test_main_turns_an_unexpected_exception_into_one_line(monkeypatch, capsys):
    def boom(*args, **kwargs):
        raise RuntimeError("something broke")

    monkeypatch.setattr(cli_app, "run_clean", boom)
    monkeypatch.setattr(sys, "argv", ["cleaner", "clean", "-"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err == "cleaner: internal error: RuntimeError: something broke\n"


def test_main_usage_error_is_one_line_exit_2(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["cleaner", "clean", "--bogus"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.startswith("cleaner: No such option: --bogus")
