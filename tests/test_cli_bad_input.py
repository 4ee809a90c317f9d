"""Every kind of bad input: one `cleaner: FILE: line N: ...` line, the rest of the batch still
written, exit 1 (0 for a mere warning). Nothing already written is lost or truncated."""

from __future__ import annotations

import pytest

from cleaner.cli import outputs

from .clitools import ARTICLE, CLEAN_ARTICLE, errors, jsonl, read_jsonl, run, write

NUL = "binary data, not text (NUL byte at column {})"
BAD_FILES = {
    # name: (content, expected message after "cleaner: <path>: ")
    "latin1.txt": (
        b"Judul\nKata caf\xe9 di sini.\n",
        "line 2: not UTF-8 text (byte 0xe9 at column 9)",
    ),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "line 3: " + NUL.format(1)),
    "utf16.txt": ("Judul berita".encode("utf-16"), "line 1: " + NUL.format(4)),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_is_reported_and_the_others_are_written(tmp_path, name):
    content, problem = BAD_FILES[name]
    good1 = write(tmp_path / "in/a_good.txt", ARTICLE)
    bad = write(tmp_path / "in" / name, content)
    good2 = write(tmp_path / "in/z_good.txt", ARTICLE)
    out = tmp_path / "out"
    result = run("clean", good1, bad, good2, "-o", out)
    assert result.exit_code == 1
    assert errors(result) == [f"cleaner: {bad}: {problem}"]
    assert (out / "a_good.txt").read_text(encoding="utf-8") == CLEAN_ARTICLE
    assert (out / "z_good.txt").read_text(encoding="utf-8") == CLEAN_ARTICLE
    assert not (out / name).exists()
    # to stdout too: the good ones are printed, under their headers
    printed = run("clean", good1, bad, good2)
    assert printed.exit_code == 1
    assert printed.stdout == f"==> {good1} <==\n{CLEAN_ARTICLE}\n==> {good2} <==\n{CLEAN_ARTICLE}"


def test_empty_file_warns_and_still_gets_an_empty_output(tmp_path):
    empty = write(tmp_path / "in/empty.txt", "")
    blank = write(tmp_path / "in/blank.txt", "\n  \n")
    write(tmp_path / "in/good.txt", ARTICLE)
    result = run("clean", tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == 0  # a warning, not a failure
    assert errors(result) == [
        f"cleaner: {blank}: warning: empty file; its output is empty too",
        f"cleaner: {empty}: warning: empty file; its output is empty too",
    ]
    assert (tmp_path / "out/empty.txt").read_bytes() == b""
    assert (tmp_path / "out/blank.txt").read_bytes() == b""
    assert (tmp_path / "out/good.txt").read_text(encoding="utf-8") == CLEAN_ARTICLE


def test_missing_path_is_reported_and_the_others_are_written(tmp_path):
    good = write(tmp_path / "good.txt", ARTICLE)
    missing = tmp_path / "nope.txt"
    result = run("clean", missing, good, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert errors(result) == [f"cleaner: {missing}: no such file or folder"]
    assert (tmp_path / "out/good.txt").read_text(encoding="utf-8") == CLEAN_ARTICLE


def test_folder_without_inputs_is_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("clean", tmp_path / "empty")
    assert result.exit_code == 1
    assert errors(result) == [
        f"cleaner: {tmp_path / 'empty'}: no *.txt, *.html, *.jsonl files in this folder"
    ]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"id": 2, "text": "unterminated', "not valid JSON at column 19: Unterminated string "
                                            "starting at"),
        ("[1, 2]", "a record must be a JSON object, not a list"),
        ('{"id": 2, "body": "wrong field"}', "no field 'text' in this record"),
        ('{"id": 2, "text": null}', "field 'text' is null, not a string"),
        ('{"id": 2, "text": ["a", "b"]}', "field 'text' is a list, not a string"),
        ('{"id": 2, "text": 42}', "field 'text' is a number, not a string"),
        (b'{"id": 2, "text": "caf\xe9"}', "not UTF-8 text (byte 0xe9 at column 23)"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("jobs", ["1", "2"])  # with 2, the workers parse the records
def test_bad_jsonl_record_is_reported_and_the_others_are_written(tmp_path, line, problem, jobs):
    good = '{"id": 1, "text": "ADVERTISEMENT\\nIsi berita pertama."}'
    later = '{"id": 3, "text": "Isi berita ketiga."}'
    raw = line if isinstance(line, bytes) else line.encode()
    dump = write(
        tmp_path / "in/dump.jsonl", b"\n".join([good.encode(), raw, later.encode()]) + b"\n"
    )
    after = write(tmp_path / "in/z.txt", ARTICLE)  # an input after the dump is still processed
    result = run("clean", dump, after, "-o", tmp_path / "out", "--jobs", jobs)
    assert result.exit_code == 1
    assert errors(result) == [f"cleaner: {dump}: line 2: {problem}"]
    first, passed, third = (tmp_path / "out/dump.jsonl").read_bytes().split(b"\n")[:-1]
    assert passed == raw  # nothing is lost: the bad record passes through, byte for byte
    assert read_jsonl((first + b"\n" + third).decode()) == [
        {"id": 1, "text": "Isi berita pertama."},
        {"id": 3, "text": "Isi berita ketiga."},
    ]
    assert (tmp_path / "out/z.txt").read_text(encoding="utf-8") == CLEAN_ARTICLE


def test_binary_jsonl_file_is_one_line_not_one_per_garbage_line(tmp_path):
    dump = write(tmp_path / "in/dump.jsonl", b"\x00\x01\x02\n\x00\n\x00\n")
    good = write(tmp_path / "in/good.txt", ARTICLE)
    result = run("clean", dump, good, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert errors(result) == [
        f"cleaner: {dump}: binary data, not JSON Lines (NUL byte in the first 8 KiB)"
    ]
    assert not (tmp_path / "out/dump.jsonl").exists()
    assert (tmp_path / "out/good.txt").exists()


def test_jsonl_blank_lines_keep_their_place_and_numbering_follows_the_file(tmp_path):
    dump = jsonl(tmp_path / "d.jsonl", [{"text": "ADVERTISEMENT\nIsi."}, "", "   ", "oops"])
    result = run("clean", dump)
    assert errors(result) == [
        f"cleaner: {dump}: line 4: not valid JSON at column 1: Expecting value"
    ]
    assert result.stdout == '{"text": "Isi."}\n\n   \noops\n'  # line N out is line N in


@pytest.mark.parametrize(
    ("pack", "problem"),
    [
        ("missing.toml", "no such rule file or folder"),
        (
            "bad.toml",
            "invalid TOML: Expected ']]' at the end of an array declaration (at line 1, column 7)",
        ),
    ],
)
def test_bad_rule_file_names_the_file_and_exits_1(tmp_path, pack, problem):
    path = tmp_path / pack
    if pack == "bad.toml":
        write(path, "[[rule\nid = 'x'\n")
    good = write(tmp_path / "good.txt", ARTICLE)
    for command in (
        ["clean", good],
        ["explain", good],
        ["rules", "list"],
        ["rules", "show", "ad-banner"],
    ):
        result = run(*command, "--rules", path)
        assert result.exit_code == 1, command
        assert errors(result) == [f"cleaner: {path}: {problem}"], command
        assert result.stdout == ""


def test_invalid_rule_names_the_rule(tmp_path):
    path = write(
        tmp_path / "p.toml",
        '[[rule]]\nid = "x-y"\ncategory = "banner"\ndescription = "d"\npattern = "X"\n'
        'remove = ["X"]\nkeep = ["Y"]\n',
    )
    result = run("clean", "--rules", path, input=ARTICLE)
    assert result.exit_code == 1
    known = "ad, related, promo, comment, disclaimer, byline, caption, navigation, embed, duplicate"
    assert errors(result) == [
        f"cleaner: {path}: rule x-y: unknown category 'banner' (known: {known}, dateline)"
    ]


def test_nothing_written_is_lost_when_a_later_output_fails(tmp_path, monkeypatch):
    """A write failure half-way through one output leaves the earlier outputs whole, the
    failed one absent (no half file, no temp file) and an old file of that name untouched."""
    write(tmp_path / "in/a.txt", ARTICLE)
    write(tmp_path / "in/b.jsonl", "\n".join(['{"text": "Isi satu."}', '{"text": "Isi dua."}']))
    write(tmp_path / "in/c.txt", ARTICLE)
    out = tmp_path / "out"
    write(out / "b.jsonl", "old output\n")
    real_write = outputs.FileOutput.write

    def failing_write(self, text):
        if self.target.name == "b.jsonl" and b"dua" in text:  # JSONL lines go out as bytes
            raise OSError(28, "No space left on device")
        real_write(self, text)

    monkeypatch.setattr(outputs.FileOutput, "write", failing_write)
    result = run("clean", tmp_path / "in", "-o", out)
    assert result.exit_code == 1
    source = tmp_path / "in/b.jsonl"
    assert errors(result) == [
        f"cleaner: {source}: cannot write {out / 'b.jsonl'}: No space left on device"
    ]
    assert (out / "a.txt").read_text(encoding="utf-8") == CLEAN_ARTICLE
    assert (out / "c.txt").read_text(encoding="utf-8") == CLEAN_ARTICLE
    assert (out / "b.jsonl").read_text(encoding="utf-8") == "old output\n"
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.jsonl", "c.txt"]  # no temp files


def test_two_inputs_with_one_output_name_are_not_overwritten(tmp_path):
    a = write(tmp_path / "x/a.txt", ARTICLE)
    b = write(tmp_path / "y/a.txt", ARTICLE.replace("Jumat", "Sabtu"))
    result = run("clean", a, b, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert errors(result) == [f"cleaner: {b}: its output {tmp_path / 'out/a.txt'} would "
                              f"overwrite the output of {a}; skipped"]  # fmt: skip
    assert "Jumat" in (tmp_path / "out/a.txt").read_text(encoding="utf-8")


def test_output_that_is_a_file_is_a_usage_error(tmp_path):
    target = write(tmp_path / "out", "a file")
    result = run("clean", "-o", target, input=ARTICLE)
    assert result.exit_code == 2
    assert errors(result) == [f"cleaner: -o {target}: not a folder"]


def test_unreadable_file_is_reported_and_the_others_are_written(tmp_path, monkeypatch):
    # chmod 000 does not stop root (CI may run as root), so refuse the open itself.
    good = write(tmp_path / "good.txt", ARTICLE)
    locked = write(tmp_path / "locked.txt", ARTICLE)
    real_open = type(locked).open

    def open_(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(type(locked), "open", open_)
    result = run("clean", locked, good, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert errors(result) == [f"cleaner: {locked}: cannot read: Permission denied"]
    assert (tmp_path / "out/good.txt").read_text(encoding="utf-8") == CLEAN_ARTICLE
