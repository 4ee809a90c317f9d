"""JSON Lines dumps: only the named field changes; every other field passes through."""

from __future__ import annotations

import json

from cleaner import Cleaner
from cleaner.cli import outputs

from .clitools import ARTICLE, CLEAN_ARTICLE, errors, jsonl, read_jsonl, run, write

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
    assert len(read_jsonl(result.stdout)) == 1


def test_output_field_through_a_non_object_is_a_record_error(tmp_path):
    dump = jsonl(tmp_path / "d.jsonl", [{"text": ARTICLE, "clean": "x"}])
    result = run("clean", dump, "--output-field", "clean.text")
    assert result.exit_code == 1
    assert errors(result) == [f"cleaner: {dump}: line 1: cannot write 'clean.text': "
                              "'clean' is not an object"]  # fmt: skip


def test_url_field_selects_site_rules_per_record(tmp_path):
    text = "Damai di Palestina = Damai di Dunia\n" + ARTICLE
    dump = jsonl(
        tmp_path / "d.jsonl",
        [{"meta": {"url": "https://minanews.net/a"}, "text": text}, {"meta": {}, "text": text}],
    )
    first, second = read_jsonl(run("clean", dump, "--url-field", "meta.url").stdout)
    assert "Damai" not in first["text"]  # MINA site pack chosen by the record's URL
    assert "Damai" in second["text"]  # no URL: no MINA signature in the text either


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


def test_json_array_cannot_hold_dumps(tmp_path):
    dump = jsonl(tmp_path / "d.jsonl", [{"text": ARTICLE}])
    path = write(tmp_path / "a.txt", ARTICLE)
    result = run("clean", path, dump, "--format", "json")
    assert result.exit_code == 2
    assert "--format json cannot hold JSONL records" in result.stderr


def test_records_stream_one_at_a_time(tmp_path, monkeypatch):
    """Each record is written before the next one is cleaned: constant memory on any size."""
    dump = jsonl(tmp_path / "d.jsonl", [{"n": i, "text": f"Berita nomor {i}."} for i in range(4)])
    events: list[str] = []
    real_clean, real_write = Cleaner.clean, outputs.FileOutput.write

    def clean(self, text, **kw):
        events.append(f"clean {text[-2]}")
        return real_clean(self, text, **kw)

    def write_(self, text):
        events.append(f"write {json.loads(text)['n']}")
        real_write(self, text)

    monkeypatch.setattr(Cleaner, "clean", clean)
    monkeypatch.setattr(outputs.FileOutput, "write", write_)
    assert run("clean", dump, "-o", tmp_path / "out").exit_code == 0
    assert events == [f"{what} {i}" for i in range(4) for what in ("clean", "write")]


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
