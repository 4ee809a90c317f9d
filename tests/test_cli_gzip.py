"""Gzip-compressed inputs (`dump.jsonl.gz`, `a.txt.gz`): read as what they hold, written as it."""

from __future__ import annotations

import gzip
import json
import os
import threading

import pytest

from .clitools import ARTICLE, CLEAN_ARTICLE, errors, read_jsonl, run, write

PAGE = (
    "<html><body><article><p>" + ARTICLE.replace("\n", "</p><p>") + "</p></article></body></html>"
)


def _gz(path, content: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(content.encode("utf-8")))
    return path


def test_a_compressed_dump_is_cleaned_record_by_record(tmp_path):
    records = [{"id": i, "text": ARTICLE} for i in range(3)]
    dump = _gz(tmp_path / "dump.jsonl.gz", "".join(json.dumps(r) + "\n" for r in records))
    result = run("clean", dump)
    assert result.exit_code == 0, result.stderr
    assert read_jsonl(result.stdout) == [{**r, "text": CLEAN_ARTICLE} for r in records]
    # under -o its output is compressed again, the same bytes in every run: dump.jsonl.gz
    outputs = []
    for jobs in ("1", "2"):
        assert run("clean", dump, "-o", tmp_path / jobs, "-j", jobs).exit_code == 0
        assert [p.name for p in (tmp_path / jobs).iterdir()] == ["dump.jsonl.gz"]
        outputs.append((tmp_path / jobs / "dump.jsonl.gz").read_bytes())
    assert outputs[0] == outputs[1]
    out = gzip.decompress(outputs[0]).decode("utf-8")
    assert read_jsonl(out) == [{**r, "text": CLEAN_ARTICLE} for r in records]
    assert outputs[0][3] & 8 and outputs[0][10:21] == b"dump.jsonl\0"  # the name it holds


def test_a_folder_of_compressed_files_goes_by_the_names_inside(tmp_path):
    src = tmp_path / "in"
    _gz(src / "a.txt.gz", ARTICLE)
    _gz(src / "web" / "b.html.gz", PAGE)
    _gz(src / "c.jsonl.gz", json.dumps({"text": ARTICLE}) + "\n")
    _gz(src / "d.csv.gz", "a,b\n")  # not a kind of input: left alone in a folder
    result = run("clean", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "out"
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.*")) == [
        "a.txt.gz",
        "c.jsonl.gz",
        "web/b.txt.gz",
    ]

    def unpacked(name):
        return gzip.decompress((out / name).read_bytes()).decode("utf-8")

    assert unpacked("a.txt.gz") == CLEAN_ARTICLE
    assert unpacked("web/b.txt.gz") == CLEAN_ARTICLE
    assert read_jsonl(unpacked("c.jsonl.gz")) == [{"text": CLEAN_ARTICLE}]
    # --format json: the same, as b.json.gz
    assert run("clean", src / "web", "-o", tmp_path / "js", "-f", "json").exit_code == 0
    record = json.loads(gzip.decompress((tmp_path / "js" / "b.json.gz").read_bytes()))
    assert record["text"] == CLEAN_ARTICLE.rstrip("\n")


def test_damaged_gzip_is_one_error_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    whole = gzip.compress(("\n".join(json.dumps({"text": ARTICLE}) for _ in range(50))).encode())
    write(src / "cut.jsonl.gz", whole[: len(whole) // 2])
    write(src / "fake.txt.gz", "plain text, not gzip")
    _gz(src / "good.txt.gz", ARTICLE)
    result = run("clean", src, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert errors(result) == [
        f"cleaner: {src / 'cut.jsonl.gz'}: cannot read: damaged gzip data (Compressed file "
        "ended before the end-of-stream marker was reached)",
        f"cleaner: {src / 'fake.txt.gz'}: cannot read: not gzip data, though named .gz",
    ]
    # no output is left for the files that failed (not even a partial one), the rest is there
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.txt.gz"]
    assert (
        gzip.decompress((tmp_path / "out" / "good.txt.gz").read_bytes()) == CLEAN_ARTICLE.encode()
    )


def test_a_compressed_input_and_its_uncompressed_twin_have_outputs_of_their_own(tmp_path):
    src = tmp_path / "in"
    _gz(src / "same.txt.gz", ARTICLE)
    write(src / "same.txt", ARTICLE)
    result = run("clean", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["same.txt", "same.txt.gz"]
    # an output that would overwrite its own input is refused, compressed or not
    clash = run("clean", src / "same.txt.gz", "-o", src)
    assert clash.exit_code == 1
    assert "its output would overwrite the input" in clash.stderr
    assert gzip.decompress((src / "same.txt.gz").read_bytes()) == ARTICLE.encode()


def test_cleaner_learn_reads_a_compressed_dump(tmp_path):
    footer = "Ikuti kanal WhatsApp Warta Contoh untuk berita terbaru setiap hari"
    stories = [
        f"Cerita nomor {i} tentang harga beras di pasar kota ini naik lagi." for i in range(6)
    ]
    records = [
        {"url": f"https://warta.id/{i}", "text": f"{s}\n{footer}"} for i, s in enumerate(stories)
    ]
    dump = _gz(tmp_path / "d.jsonl.gz", "".join(json.dumps(r) + "\n" for r in records))
    result = run("learn", dump, "--url-field", "url", "--no-default-rules", "-o", tmp_path / "p")
    assert result.exit_code == 0, result.stderr
    assert "Ikuti" in (tmp_path / "p" / "warta.id.toml").read_text(encoding="utf-8")


def test_gzip_data_without_a_gz_name_says_what_to_do(tmp_path):
    hint = ": it is gzip data; name the file *.gz, or decompress it (zcat FILE | cleaner clean)"
    packed = gzip.compress(json.dumps({"text": ARTICLE}).encode())
    dump = write(tmp_path / "d.jsonl", packed)
    text = write(tmp_path / "a.txt", packed)
    result = run("clean", dump, text)
    assert result.exit_code == 1
    column = packed.index(b"\0") + 1
    assert errors(result) == [
        f"cleaner: {dump}: binary data, not JSON Lines (NUL byte in the first 8 KiB){hint}",
        f"cleaner: {text}: line 1: binary data, not text (NUL byte at column {column}){hint}",
    ]
    twice = write(tmp_path / "t.jsonl.gz", gzip.compress(packed))
    assert errors(run("clean", twice)) == [
        f"cleaner: {twice}: binary data, not JSON Lines (NUL byte in the first 8 KiB): it is "
        "gzip data again (compressed twice?)"
    ]
    piped = run("clean", input=packed)
    assert errors(piped) == [
        f"cleaner: <stdin>: line 1: binary data, not text (NUL byte at column {column}){hint}"
    ]


def test_a_compressed_text_is_told_from_binary_data_before_it_is_read_whole(tmp_path, monkeypatch):
    # a gzip bomb named .txt.gz (300 MB of zeros in 300 KB) used to be decompressed whole
    # before its first NUL byte was looked for; so was a video named .txt
    import io

    from cleaner.cli import inputs

    class Zeros(io.RawIOBase):  # 64 MB of NUL bytes, counting what is read
        given = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            n = min(len(buffer), 64_000_000 - Zeros.given)
            buffer[:n] = bytes(n)
            Zeros.given += n
            return n

    bomb = write(tmp_path / "bomb.txt.gz", b"")
    opened = inputs._open
    monkeypatch.setattr(
        inputs, "_open", lambda p: io.BufferedReader(Zeros()) if p == bomb else opened(p)
    )
    result = run("clean", bomb, write(tmp_path / "a.txt", ARTICLE))
    assert result.exit_code == 1
    assert errors(result) == [
        f"cleaner: {bomb}: line 1: binary data, not text (NUL byte at column 1)"
    ]
    assert result.stdout.endswith(CLEAN_ARTICLE)  # the batch goes on
    assert Zeros.given <= 2 * inputs.BINARY_CHECK_BYTES


@pytest.mark.parametrize("name", ["big.txt.gz", "big.jsonl.gz", "big.txt"])
def test_a_full_disk_is_one_error_and_the_next_input_is_still_written(tmp_path, monkeypatch, name):
    # after a write failed, closing a compressed output failed again (its gzip trailer) and
    # the error escaped: an internal error, and the inputs after it were never written
    import errno
    import random

    from cleaner.cli import outputs

    class Full:  # a file on a disk with 2 KB left
        def __init__(self, file):
            self.file, self.left = file, 2000

        def write(self, data):
            if len(data) > self.left:
                raise OSError(errno.ENOSPC, "No space left on device")
            self.left -= len(data)
            return self.file.write(data)

        def __getattr__(self, attr):
            return getattr(self.file, attr)

    rng = random.Random(5)
    words = ["harga", "beras", "naik", "pasar", "kota", "warga", "kata", "pedagang", "Senin"]
    story = "\n".join(" ".join(rng.choices(words, k=12)) + "." for _ in range(4000))
    src = tmp_path / "in"
    if name.startswith("big.jsonl"):
        _gz(src / name, "".join(json.dumps({"text": line}) + "\n" for line in story.split("\n")))
    elif name.endswith(".gz"):
        _gz(src / name, story)
    else:
        write(src / name, story)
    _gz(src / "small.txt.gz", ARTICLE)
    opened, made, big = outputs.os.fdopen, outputs.tempfile.mkstemp, set()

    def mkstemp(**kwargs):
        fd, path = made(**kwargs)
        if ".big." in path:
            big.add(fd)
        return fd, path

    def fdopen(fd, mode):
        return Full(opened(fd, mode)) if fd in big else opened(fd, mode)

    monkeypatch.setattr(outputs.tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(outputs.os, "fdopen", fdopen)
    out = tmp_path / "out"
    result = run("clean", src, "-o", out)
    assert result.exit_code == 1
    target = out / (name if name.endswith(".gz") else "big.txt")
    assert errors(result) == [
        f"cleaner: {src / name}: cannot write {target}: No space left on device"
    ]
    assert sorted(p.name for p in out.iterdir()) == ["small.txt.gz"]  # no temporary file left
    assert gzip.decompress((out / "small.txt.gz").read_bytes()) == CLEAN_ARTICLE.encode()


def _through_pipe(fifo, content: bytes, *args):
    """`cleaner ARGS FIFO` with `content` written into the named pipe FIFO (read once)."""
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_bytes, args=(content,), daemon=True)
    writer.start()
    result = run(*args, fifo)
    writer.join(5)
    return result


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("learn", [(), ("--learn", "--site", "warta.id")])
def test_pipes_of_records_plain_and_compressed(tmp_path, learn):
    # `cleaner clean --jsonl <(zcat dump.jsonl.gz)` failed: "cannot read: File or stream is
    # not seekable" (the check for binary data read the start and rewound); and a pipe named
    # `x.jsonl.gz` was spooled by `--learn` under the name `x.jsonl`, its gzip data unread
    lines = "".join(json.dumps({"id": i, "text": ARTICLE}) + "\n" for i in range(3)).encode()
    for name, content, kind in (("plain", lines, ("--jsonl",)),
                                ("d.jsonl.gz", gzip.compress(lines), ())):  # fmt: skip
        result = _through_pipe(tmp_path / name, content, "clean", *kind, *learn)
        assert result.exit_code == 0, result.stderr
        assert [r["text"] for r in read_jsonl(result.stdout)] == [CLEAN_ARTICLE] * 3
