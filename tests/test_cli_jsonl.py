"""JSON Lines dumps: only the named field changes; every other field passes through."""

from __future__ import annotations

import json

import pytest

from cleaner import Cleaner
from cleaner.cli import events, outputs
from cleaner.html import clean_html

from .clitools import ARTICLE, CLEAN_ARTICLE, errors, jsonl, read_jsonl, run, write
from .conftest import ROOT

RECORD = {
    "id": 17,
    "title": "Judul “berita” — é",
    "score": 0.25,
    "big": 12345678901234567890,
    "tags": ["a", {"b": None}],
    "ok": True,
    "none": None,
    "text": ARTICLE,
}


def test_round_trip_only_the_field_changes(tmp_path):
    dump = jsonl(tmp_path / "d.jsonl", [RECORD, {**RECORD, "id": 18}])
    result = run("clean", dump)
    assert result.exit_code == 0, result.stderr
    out = read_jsonl(result.stdout)
    assert out == [{**RECORD, "text": CLEAN_ARTICLE}, {**RECORD, "id": 18, "text": CLEAN_ARTICLE}]
    assert list(out[0]) == list(RECORD)  # key order kept too
    assert "“berita”" in result.stdout  # non-ASCII written as is, not as \\u escapes


def test_dotted_field_and_output_field(tmp_path):
    record = {"id": 1, "article": {"body": ARTICLE, "lang": "id"}, "url": "https://x.id/a"}
    dump = jsonl(tmp_path / "d.jsonl", [record])
    replaced = read_jsonl(run("clean", dump, "--field", "article.body").stdout)[0]
    assert replaced == {**record, "article": {"body": CLEAN_ARTICLE, "lang": "id"}}
    beside = read_jsonl(
        run("clean", dump, "--field", "article.body", "--output-field", "clean.text").stdout
    )[0]
    assert beside == {**record, "clean": {"text": CLEAN_ARTICLE}}  # the original is untouched


def test_removals_adds_the_log_that_replays(tmp_path):
    dump = jsonl(tmp_path / "d.jsonl", [{"id": 1, "text": ARTICLE}])
    record = read_jsonl(run("clean", dump, "--removals").stdout)[0]
    assert [r["rule_id"] for r in record["removals"]] == ["ad-banner", "baca-juga-inline"]
    assert all(ARTICLE[r["start"] : r["end"]] == r["text"] for r in record["removals"])
    assert set(record) == {"id", "text", "removals"}


def test_removals_never_overwrites_a_field_of_the_record(tmp_path):
    dump = jsonl(tmp_path / "d.jsonl", [{"text": ARTICLE, "removals": 3}, {"text": ARTICLE}])
    result = run("clean", dump, "--removals")
    assert result.exit_code == 1
    assert errors(result) == [f"cleaner: {dump}: line 1: the record already has a 'removals' field"]
    first, second = read_jsonl(result.stdout)
    assert first == {"text": ARTICLE, "removals": 3}  # passed through untouched, not left out
    assert second["text"] == CLEAN_ARTICLE


def test_output_field_through_a_non_object_is_a_record_error(tmp_path):
    dump = jsonl(tmp_path / "d.jsonl", [{"text": ARTICLE, "clean": "x"}])
    result = run("clean", dump, "--output-field", "clean.text")
    assert result.exit_code == 1
    assert errors(result) == [f"cleaner: {dump}: line 1: cannot write 'clean.text': "
                              "'clean' is not an object"]  # fmt: skip
    assert read_jsonl(result.stdout) == [{"text": ARTICLE, "clean": "x"}]


def test_url_field_selects_site_rules_per_record(tmp_path):
    text = "Damai di Palestina = Damai di Dunia\n" + ARTICLE
    dump = jsonl(
        tmp_path / "d.jsonl",
        [{"meta": {"url": "https://minanews.net/a"}, "text": text}, {"meta": {}, "text": text}],
    )
    first, second = read_jsonl(run("clean", dump, "--url-field", "meta.url").stdout)
    assert "Damai" not in first["text"]  # MINA site pack chosen by the record's URL
    assert "Damai" in second["text"]  # no URL: no MINA signature in the text either


def test_a_record_url_that_cannot_be_read_is_cleaned_by_the_text_and_said(tmp_path):
    # `http://[bad` (an unclosed IPv6 bracket) has no host: the record is still cleaned (site
    # packs by signature, as without a URL); it was an internal error, the record passed through
    dump = jsonl(tmp_path / "d.jsonl", [{"url": "http://[bad", "text": ARTICLE}])
    result = run("clean", dump, "--url-field", "url")
    assert result.exit_code == 0
    assert read_jsonl(result.stdout)[0]["text"] == CLEAN_ARTICLE
    assert errors(result) == [
        f"cleaner: {dump}: line 1: warning: the URL cannot be read (Invalid IPv6 URL): site "
        "packs chosen by the text"
    ]


def test_jsonl_on_stdin_and_jsonl_format_for_text_files(tmp_path):
    line = json.dumps({"text": ARTICLE}) + "\n"
    result = run("clean", "--jsonl", input=line)
    assert read_jsonl(result.stdout) == [{"text": CLEAN_ARTICLE}]
    path = write(tmp_path / "a.txt", ARTICLE)
    dump = jsonl(tmp_path / "d.jsonl", [{"text": ARTICLE}])
    both = run("clean", path, dump, "--format", "jsonl")
    assert [set(r) for r in read_jsonl(both.stdout)] == [
        {"file", "text", "removals", "warnings"},  # a document: the result with its log
        {"text"},  # a dump: its own records
    ]


def test_stdin_and_files_without_a_known_extension_go_by_their_first_bytes(tmp_path):
    # `zcat dump.jsonl.gz | cleaner clean --field text` used to clean the dump as one text
    dump = "\ufeff" + json.dumps(RECORD, ensure_ascii=False) + "\n" + json.dumps({"text": "x"})
    result = run("clean", "--field", "text", input=dump.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert read_jsonl(result.stdout)[0] == {**RECORD, "text": CLEAN_ARTICLE}
    page = "<!DOCTYPE html><html><body><article><p>" + ARTICLE + "</p></article></body></html>"
    assert run("clean", input=page).stdout.startswith(CLEAN_ARTICLE.split("\n")[0])
    # a file named with another extension (or none) too; a known extension decides alone
    ndjson = jsonl(tmp_path / "d.ndjson", [RECORD])
    assert read_jsonl(run("clean", ndjson).stdout) == [{**RECORD, "text": CLEAN_ARTICLE}]
    assert "<p>" not in run("clean", write(tmp_path / "saved_page", page)).stdout
    as_text = write(tmp_path / "d.txt", json.dumps(RECORD))
    assert run("clean", as_text).stdout.startswith('{"id": 17')
    # a JSON document over several lines is no dump, even with its first key on line one
    document = write(tmp_path / "x.json", '{"text": "Isi berita.",\n "url": "x"\n}\n')
    assert run("clean", document).stdout == '{"text": "Isi berita.",\n "url": "x"\n}\n'
    # text that opens with a brace or a tag of its own is text
    for text in ("{Catatan redaksi} " + ARTICLE, "<b>Jakarta</b> " + ARTICLE):
        result = run("clean", input=text)
        assert result.exit_code == 0 and result.stdout.startswith(text[:10]), result.stdout


def test_text_that_reads_like_a_dump_or_a_page_is_cleaned_as_text_with_the_text_flag(tmp_path):
    # a text whose first line is a JSON object (a note quoted in full), or that opens with a tag
    note = json.dumps({"catatan": "redaksi"}) + "\n" + ARTICLE
    sniffed = run("clean", input=note)
    assert sniffed.exit_code == 1 and "line 2: not valid JSON" in sniffed.stderr  # taken for a dump
    forced = run("clean", "--text", input=note)
    assert forced.exit_code == 0, forced.stderr
    assert forced.stdout == note.split("\n")[0] + "\n" + run("clean", input=ARTICLE).stdout
    page = write(tmp_path / "page", "<html>" + ARTICLE)
    assert run("clean", "--text", page).stdout.startswith("<html>")
    # a named file of another extension too, and in `learn` and `explain` (one file)
    named = write(tmp_path / "note.json", note)
    assert run("clean", "--text", named).stdout == forced.stdout
    refused = run("explain", named)
    assert refused.exit_code == 2 and "not a JSONL dump (or give --text)" in refused.stderr
    explained = run("explain", "--text", named)
    assert explained.exit_code == 0 and explained.stdout.startswith('{"catatan"')
    learned = run("learn", "--text", "--site", "contoh.id", input=note)
    assert learned.exit_code == 0, learned.stderr
    # a file found in a folder still goes by its extension
    folder = tmp_path / "dumps"
    jsonl(folder / "d.jsonl", [RECORD])
    assert read_jsonl(run("clean", "--text", folder).stdout) == [{**RECORD, "text": CLEAN_ARTICLE}]


def test_the_kind_is_told_from_what_a_slow_pipe_gives_and_a_terminal_is_not_read(monkeypatch):
    import io
    import sys

    from cleaner.cli import inputs

    # a pipe may give its first bytes one at a time: they are read until there are enough
    # (and to the end of a first line that opens like a JSON object), then given again
    dump = (json.dumps(RECORD) + "\n") * 3
    page = "<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html>" + "<p>Isi</p>" * 500
    for content, kind in ((dump, "jsonl"), (page, "html"), (ARTICLE, "text")):
        data = content.encode("utf-8")
        trickle = io.BytesIO(data)
        head = inputs.read_head(lambda n, s=trickle: s.read(1))
        assert inputs.sniff(head) == kind
        stream = io.BufferedReader(inputs._Replay(head, trickle))  # type: ignore[arg-type]
        assert stream.read() == data

    # a terminal: nothing is read (a person would have to type before a usage error)
    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

        def read(self, *args):
            raise AssertionError("read from a terminal")

        read1 = read

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(Terminal()))
    assert inputs._sniff_stdin() == "text"


def test_json_array_cannot_hold_dumps(tmp_path):
    dump = jsonl(tmp_path / "d.jsonl", [{"text": ARTICLE}])
    path = write(tmp_path / "a.txt", ARTICLE)
    result = run("clean", path, dump, "--format", "json")
    assert result.exit_code == 2
    assert "--format json cannot hold JSONL records" in result.stderr


def test_records_stream_in_bounded_blocks(tmp_path, monkeypatch):
    """Records are written a block at a time, each block before the next one is cleaned:
    constant memory on any size."""
    count = 3 * events.BLOCK_RECORDS + 5
    dump = jsonl(tmp_path / "d.jsonl", [{"n": i, "text": f"Berita {i}."} for i in range(count)])
    seen: list[tuple[str, list[int]]] = []
    real_clean, real_write = Cleaner.clean, outputs.FileOutput.write

    def clean(self, text, **kw):
        seen.append(("clean", [int(text.split()[1].rstrip("."))]))
        return real_clean(self, text, **kw)

    def write_(self, data):
        seen.append(("write", [json.loads(line)["n"] for line in data.splitlines()]))
        real_write(self, data)

    monkeypatch.setattr(Cleaner, "clean", clean)
    monkeypatch.setattr(outputs.FileOutput, "write", write_)
    assert run("clean", dump, "-o", tmp_path / "out").exit_code == 0
    blocks = [ns for what, ns in seen if what == "write"]
    assert [len(b) for b in blocks] == [events.BLOCK_RECORDS] * 3 + [5]
    assert [n for b in blocks for n in b] == list(range(count))
    for block in blocks:  # every record of a block is cleaned before it is written, no later one
        at = seen.index(("write", block))
        assert [ns[0] for what, ns in seen[:at] if what == "clean"] == list(range(block[-1] + 1))


def test_stdin_dump_to_output_folder_and_url_fallback(tmp_path):
    text = "Damai di Palestina = Damai di Dunia\n" + ARTICLE
    line = json.dumps({"text": text}) + "\n"
    result = run("clean", "--jsonl", "--url", "https://minanews.net/", "-o", tmp_path, input=line)
    assert result.exit_code == 0, result.stderr
    # --url applies to records without a --url-field value: the MINA pack removes the tagline
    assert read_jsonl((tmp_path / "stdin.jsonl").read_text(encoding="utf-8")) == [
        {"text": CLEAN_ARTICLE}
    ]
    assert run("clean", "-o", tmp_path, input=ARTICLE).exit_code == 0
    assert (tmp_path / "stdin.txt").read_text(encoding="utf-8") == CLEAN_ARTICLE


def test_error_field_puts_the_error_in_the_record_that_passes_through(tmp_path):
    lines = [
        json.dumps({"id": 1, "text": ARTICLE}),
        json.dumps({"id": 2, "body": "no text here"}),
        '{"id": 3, "text": "unterminated',
        json.dumps({"id": 4, "text": None, "error": "theirs"}),
        json.dumps([1, 2]),
    ]
    dump = write(tmp_path / "d.jsonl", "\n".join(lines) + "\n")
    for jobs in ("1", "2"):
        result = run("clean", dump, "--error-field", "error", "--jobs", jobs)
        assert result.exit_code == 1
        assert len(errors(result)) == 4
        out = result.stdout.splitlines()
        assert len(out) == 5
        assert json.loads(out[0]) == {"id": 1, "text": CLEAN_ARTICLE}  # no error: no field
        assert json.loads(out[1]) == {
            "id": 2, "body": "no text here", "error": "no field 'text' in this record"
        }  # fmt: skip
        assert out[2] == lines[2]  # not JSON: unchanged, its error only on stderr
        assert out[3] == lines[3]  # its own "error" field is not ours to overwrite
        assert out[4] == lines[4]  # not an object: nowhere to put the error


def test_error_field_may_not_be_a_field_the_output_uses(tmp_path):
    dump = jsonl(tmp_path / "d.jsonl", [{"text": ARTICLE}])
    for args in (("--error-field", "text"), ("--removals", "--error-field", "removals")):
        result = run("clean", dump, *args)
        assert result.exit_code == 2
        assert "--error-field" in result.stderr


# ---------------------------------------------------------------- a page in a field

PAGE = (ROOT / "tests/cases/html/detik__001.html").read_text(encoding="utf-8", errors="replace")
PAGE_URL = "https://inet.detik.com/read/2015/11/05/google-umbar-kelemahan-galaxy-s6-edge"


@pytest.mark.parametrize("flags", [(), ("--jobs", "2"), ("--learn", "--site", "crawl")])
def test_a_field_that_holds_a_whole_page_gets_its_articles_clean_text(tmp_path, flags):
    # a crawl's `html` field: extracted as a page file is, then cleaned; an article's inner
    # HTML is no page (cleaned as text, its tags kept); a page with no article: a warning
    records = [
        {"id": 1, "url": PAGE_URL, "html": PAGE},
        {"id": 2, "html": "<p>Isi berita hari ini.</p><p>Baca juga: Harga Emas Naik Lagi</p>"},
        {"id": 3, "html": "<!DOCTYPE html><html><body></body></html>"},
    ]
    dump = jsonl(tmp_path / "crawl.jsonl", records)
    result = run("clean", dump, "--field", "html", "--output-field", "text", "--url-field", "url",
                 "--removals", *flags)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    out = read_jsonl(result.stdout)
    page = clean_html(PAGE, url=PAGE_URL)
    assert [r["id"] for r in out] == [1, 2, 3]
    assert out[0]["text"] == page.text and out[0]["html"] == PAGE
    assert out[0]["removals"] == [r.to_dict() for r in page.removals]  # offsets: the article's
    assert out[1]["text"] == "<p>Isi berita hari ini.</p>"
    assert out[2]["text"] == ""
    assert any("line 3: warning: no article text found in the page" in e for e in errors(result))
