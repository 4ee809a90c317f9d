"""`cleaner clean --learn`: each site's pack learned from the batch itself, then every document
cleaned with the shipped rules plus its own site's pack, by every way of telling sites apart.

The batches are `tests/learnbatch.py`'s: real story texts with a closing line that no shipped
rule knows, one per made-up site: what only learning removes.
"""

from __future__ import annotations

import html
import json
import os
import threading
from pathlib import Path

import pytest

from .clitools import errors, read_jsonl, run, write
from .conftest import ROOT
from .learnbatch import FOOTERS, STORIES, site_docs


def dump(tmp_path, records: list[dict], name: str = "dump.jsonl"):
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return write(tmp_path / name, lines)


def site_records() -> list[dict]:
    a, b = site_docs("warta-a"), site_docs("warta-b", offset=6)
    return [{"id": i, "outlet": site, "text": text}
            for i, (site, text) in enumerate([("warta-a", t) for t in a] +
                                             [("warta-b", t) for t in b])]  # fmt: skip


def test_the_shipped_rules_alone_leave_the_footers_in(tmp_path):
    # the premise of every test below: only learning takes these lines out
    records = site_records()
    out = read_jsonl(run("clean", dump(tmp_path, records)).stdout)
    assert all(FOOTERS[r["outlet"]] in o["text"] for r, o in zip(records, out, strict=True))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_site_field_learns_per_site_and_logs_the_learned_rules(tmp_path, jobs):
    records = site_records()
    # a warta-b record that carries warta-a's footer: not its site's pack, so it stays
    stray = {"id": 99, "outlet": "warta-b", "text": f"{STORIES[0]}\n{FOOTERS['warta-a']}"}
    path = dump(tmp_path, [*records, stray])
    result = run("clean", path, "--learn", "--site-field", "outlet", "--removals", "-j", jobs)
    assert result.exit_code == 0, result.stderr
    assert errors(result) == [
        "cleaner: learned 2 rules and 0 related headlines for 2 of 2 sites from 13 documents"
    ]
    out = read_jsonl(result.stdout)
    assert len(out) == len(records) + 1
    for record, cleaned in zip(records, out, strict=False):
        assert cleaned["text"] == record["text"].removesuffix(FOOTERS[record["outlet"]]).strip()
        learned = [r for r in cleaned["removals"] if r["rule_id"].startswith("learned-")]
        assert [r["text"].strip() for r in learned] == [FOOTERS[record["outlet"]]]
        assert learned[0]["rule_id"].startswith(f"learned-{record['outlet']}-")
    assert FOOTERS["warta-a"] in out[-1]["text"]


def test_folders_are_sites_and_save_learned_writes_packs_that_check(tmp_path):
    for site in FOOTERS:
        for i, text in enumerate(site_docs(site)):
            write(tmp_path / "in" / site / f"{i}.txt", text)
    saved = tmp_path / "packs"
    result = run("clean", tmp_path / "in", "-o", tmp_path / "out", "--learn",
                 "--save-learned", saved)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in saved.iterdir()) == ["warta-a.toml", "warta-b.toml"]
    for site, footer in FOOTERS.items():
        for i in range(6):
            text = (tmp_path / "out" / site / f"{i}.txt").read_text(encoding="utf-8")
            assert footer not in text and STORIES[i % len(STORIES)][:200] in text
        assert run("rules", "check", saved / f"{site}.toml").exit_code == 0


def _page(text: str) -> str:
    """A saved article page: a menu, then the article with its title and paragraphs."""
    lines = [line for line in text.splitlines() if line.strip()]
    title = html.escape(" ".join(lines[0].split()[:8]))
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Beranda</a></nav>"
        f"<article><h1>{title}</h1>{body}</article></body></html>"
    )


def _pages(tmp_path) -> None:
    for site in FOOTERS:
        for i, text in enumerate(site_docs(site)):
            write(tmp_path / "in" / site / f"{i}.html", _page(text))
    write(tmp_path / "in" / "warta-a" / "broken.html", "Halaman ini bukan HTML")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_html_pages_are_learned_from_and_cleaned_in_one_run(tmp_path, jobs):
    _pages(tmp_path)
    result = run("clean", tmp_path / "in", "-o", tmp_path / "out", "--learn", "-j", jobs)
    assert result.exit_code == 1  # the broken page, reported once; the rest is cleaned
    assert errors(result) == [
        "cleaner: learned 2 rules and 12 related headlines for 2 of 2 sites from 12 documents",
        f"cleaner: {tmp_path / 'in' / 'warta-a' / 'broken.html'}: not an HTML page (no <html>, "
        "<body> or <p> markup found)",
    ]
    for site, footer in FOOTERS.items():
        for i in range(6):
            text = (tmp_path / "out" / site / f"{i}.txt").read_text(encoding="utf-8")
            story = STORIES[i % len(STORIES)]
            assert footer not in text and text.startswith(" ".join(story.split()[:8]))
    plain = run("clean", tmp_path / "in", "-o", tmp_path / "plain", "-j", jobs)
    assert all(
        FOOTERS[site] in (tmp_path / "plain" / site / f"{i}.txt").read_text(encoding="utf-8")
        for site in FOOTERS
        for i in range(6)
    )
    assert plain.stderr.splitlines()[-1] == errors(result)[-1]


def test_cleaner_learn_extracts_and_counts_in_workers_with_the_same_packs(tmp_path):
    # `cleaner learn --jobs N`: pages are extracted (and sites counted) in N processes, as in
    # `clean --learn`; a page that cannot be extracted is one error, the rest is learned
    _pages(tmp_path)
    packs = {}
    for jobs in ("1", "2"):
        result = run("learn", tmp_path / "in", "-o", tmp_path / jobs, "-j", jobs)
        assert result.exit_code == 1
        assert errors(result)[0] == (
            f"cleaner: {tmp_path / 'in' / 'warta-a' / 'broken.html'}: not an HTML page (no "
            "<html>, <body> or <p> markup found)"
        )
        packs[jobs] = {
            path.name: [line for line in path.read_text("utf-8").splitlines() if "# " not in line]
            for path in sorted((tmp_path / jobs).glob("*.toml"))
        }
    assert sorted(packs["1"]) == ["warta-a.toml", "warta-b.toml"]
    assert packs["1"] == packs["2"]
    assert all(any(FOOTERS[name[:-5]][:20] in line for line in lines)
               for name, lines in packs["1"].items())  # fmt: skip


def test_a_counting_worker_that_dies_is_an_error_not_a_hang():
    # (killed by the OOM killer, say): the parent used to wait forever to hand it a chunk
    import os
    import signal
    import threading

    from cleaner.cli.clean_learn import counter_for
    from cleaner.learn import LearnOptions

    counter = counter_for(LearnOptions(), None, 2)
    raised: list[Exception] = []

    def feed() -> None:
        try:
            for _ in range(40):
                counter.add("warta.id", "Isi berita. " * 10_000)
        except RuntimeError as exc:
            raised.append(exc)

    try:
        for worker in counter.workers:
            os.kill(worker.pid, signal.SIGKILL)
            worker.join(5)
        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        feeder.join(20)  # (a thread: a regression fails here instead of hanging the suite)
        assert not feeder.is_alive(), "the parent still waits to hand a dead worker a chunk"
        assert [str(exc) for exc in raised] == ["a learning worker process died"]
    finally:
        counter.close()


def test_html_pages_are_extracted_once_in_a_learn_run(tmp_path, monkeypatch):
    from cleaner.html import pipeline

    _pages(tmp_path)
    calls = []
    extract = pipeline.extract

    def counted(page, url, **kwargs):
        calls.append(page)
        return extract(page, url, **kwargs)

    monkeypatch.setattr(pipeline, "extract", counted)
    run("clean", tmp_path / "in", "-o", tmp_path / "out", "--learn", "-j", "1")
    assert len(calls) == 14  # twelve pages once, and the broken one once in each pass
    assert sum("bukan HTML" in str(page) for page in calls) == 2


def test_without_room_for_the_extracted_pages_they_are_extracted_again(tmp_path, monkeypatch):
    # a full or capped temporary folder: the run goes on as before the spool, and says why
    from cleaner.cli import clean_learn

    _pages(tmp_path)
    run("clean", tmp_path / "in", "-o", tmp_path / "spooled", "--learn")
    dump = clean_learn.pickle.dump
    written = []

    def full(entry, handle, protocol):
        if len(written) == 3:
            raise OSError(27, "File too large")
        written.append(entry)
        dump(entry, handle, protocol)

    monkeypatch.setattr(clean_learn.pickle, "dump", full)
    result = run("clean", tmp_path / "in", "-o", tmp_path / "out", "--learn")
    assert result.exit_code == 1  # (the broken page only)
    message = (
        "cleaner: no room to keep the extracted pages in the temporary folder ([Errno 27] File "
        "too large): they are extracted again"
    )
    assert errors(result).count(message) == 1 and len(errors(result)) == 3
    outputs = sorted(p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*.txt"))
    assert len(outputs) == 12
    for name in outputs:
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "spooled" / name).read_bytes()


def _piped(fifo, content: str, *args):
    """`cleaner clean --learn ARGS FIFO`, with `content` written into the named pipe FIFO
    (read once: a second read waits for a writer that is gone)."""
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_text, args=(content,), daemon=True)
    writer.start()
    result = run("clean", "--learn", *args, fifo)
    writer.join(5)
    return result


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_of_html_is_read_once_and_cleaned_from_the_first_pass(tmp_path):
    # `clean --learn --html <(cat page.html)`: a pipe cannot be read twice; the cleaning pass
    # cleans the page the first pass extracted (it found the pipe empty before)
    page = _page(site_docs("warta-a")[0])
    result = _piped(tmp_path / "page.html", page, "--html", "--site", "warta-a")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Jakarta (ANTARA) - Bagaimana bila seorang penulis naskah")
    assert "empty file" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_of_records_is_read_once_and_every_record_comes_out(tmp_path):
    # `clean --learn --jsonl <(zcat dump.jsonl.gz)`: the cleaning pass found the pipe empty
    # and wrote nothing; a pipe is spooled like stdin now
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in site_records())
    result = _piped(tmp_path / "dump", lines, "--jsonl", "--site-field", "outlet")
    assert result.exit_code == 0, result.stderr
    out = read_jsonl(result.stdout)
    assert [r["id"] for r in out] == [r["id"] for r in site_records()]
    assert all(FOOTERS[r["outlet"]] not in r["text"] for r in out)


def test_an_input_that_cannot_be_spooled_is_reported_not_a_traceback(tmp_path):
    from cleaner.cli.clean_learn import spool_streams
    from cleaner.cli.inputs import Missing, Source

    (tmp_path / "odd").mkdir()  # not a regular file, and not readable as one
    regular = write(tmp_path / "a.txt", "Isi.")
    found = [Source("odd", tmp_path / "odd", Path("odd"), "text"),
             Source("a.txt", regular, Path("a.txt"), "text")]  # fmt: skip
    spooled = spool_streams(found, tmp_path / "spool")
    assert spooled[0] == Missing("odd", "cannot be read: Is a directory")
    assert spooled[1] == found[1]  # a regular file is read where it is


def test_a_spool_that_cannot_be_read_back_gives_no_page(tmp_path):
    from cleaner.cli.clean_learn import PageSpool
    from cleaner.cli.inputs import Source
    from cleaner.cli.parallel import Extracted

    said = []
    spool = PageSpool(tmp_path / "pages", said.append)
    sources = [
        Source(f"{i}.html", tmp_path / f"{i}.html", Path(f"{i}.html"), "html") for i in range(2)
    ]
    spool.put(sources[0], Extracted("Isi satu.", {"title": "Satu"}))
    spool.put(sources[1], Extracted("Isi dua.", {"title": "Dua"}))
    assert spool.get(sources[1]) == Extracted("Isi dua.", {"title": "Dua"})
    spool.close()
    (tmp_path / "pages").write_bytes(b"")  # (truncated)
    spool = PageSpool(tmp_path / "pages", said.append)
    spool._at = {sources[0].path: 0}
    assert spool.get(sources[0]) is None and len(said) == 1
    assert spool.get(sources[0]) is None and len(said) == 1  # said once


def test_stdin_is_spooled_and_read_twice(tmp_path):
    lines = "".join(json.dumps({"text": t}) + "\n" for t in site_docs("warta-a"))
    result = run("clean", "--jsonl", "--learn", "--site", "warta-a", input=lines)
    assert result.exit_code == 0, result.stderr
    out = read_jsonl(result.stdout)
    assert len(out) == 6
    assert all(FOOTERS["warta-a"] not in r["text"] for r in out)
    from_file = run("clean", write(tmp_path / "d.jsonl", lines), "--learn", "--site", "warta-a")
    assert from_file.stdout == result.stdout


def test_url_domains_are_sites_and_a_saved_pack_reused_cleans_the_same(tmp_path):
    records = [{"url": f"https://m.warta-a.co.id/read/{i}", "text": t}
               for i, t in enumerate(site_docs("warta-a"))]  # fmt: skip
    records.append({"url": "https://lain.id/1", "text": f"{STORIES[3]}\n{FOOTERS['warta-a']}"})
    records.append({"text": STORIES[4]})  # no URL: no site, the shipped rules alone
    path, saved = dump(tmp_path, records), tmp_path / "packs"
    learned = run("clean", path, "--learn", "--url-field", "url", "--save-learned", saved)
    assert learned.exit_code == 0, learned.stderr
    assert "1 documents with no URL in field 'url'" in learned.stderr
    out = read_jsonl(learned.stdout)
    assert [FOOTERS["warta-a"] in r["text"] for r in out] == [False] * 6 + [True, False]
    assert sorted(p.name for p in saved.iterdir()) == ["warta-a.co.id.toml"]
    reused = run("clean", path, "--url-field", "url", "--rules", saved)
    assert reused.stdout == learned.stdout  # the saved pack is the pack the run used


def test_a_site_too_small_to_learn_from_is_cleaned_with_the_shipped_rules(tmp_path):
    records = [{"outlet": "warta-a", "text": t} for t in site_docs("warta-a", count=2)]
    result = run("clean", dump(tmp_path, records), "--learn", "--site-field", "outlet")
    assert result.exit_code == 0
    assert errors(result) == [
        "cleaner: learned 0 rules and 0 related headlines for 0 of 1 sites from 2 documents"
    ]
    assert all(FOOTERS["warta-a"] in r["text"] for r in read_jsonl(result.stdout))


def test_bad_records_are_reported_once_and_pass_through(tmp_path):
    records = [json.dumps({"outlet": "warta-a", "text": t}) for t in site_docs("warta-a")]
    records.insert(2, "{oops")
    path = write(tmp_path / "d.jsonl", "\n".join(records) + "\n")
    result = run("clean", path, "--learn", "--site-field", "outlet")
    assert result.exit_code == 1
    assert errors(result) == [
        "cleaner: learned 1 rules and 0 related headlines for 1 of 1 sites from 6 documents",
        f"cleaner: {path}: line 3: not valid JSON at column 2: Expecting property name "
        "enclosed in double quotes",
    ]
    assert result.stdout.splitlines()[2] == "{oops"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--site", "x"], "--site is for --learn runs: add --learn"),
        (["--site-field", "outlet"], "--site-field is for --learn runs: add --learn"),
        (["--learn", "--save-learned", "p.toml"], "--save-learned p.toml: give a folder"),
    ],
)
def test_learn_flags_without_learn_are_usage_errors(tmp_path, args, message):
    result = run("clean", dump(tmp_path, site_records()), *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_pack_of_headlines_alone_ends_glued_links_in_the_same_run(tmp_path):
    # kontan's batch glues the same related link into five articles, before a sentence of
    # their own (the engine alone used to read on into two). With --min-share 1 nothing is
    # learned as a rule: the batch's headlines alone make the pack, and it is used.
    source = ROOT / "tests/cases/learn/bulk/kontan.jsonl"
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    link = ("Baca Juga: Trump Ancam Investigasi Keamanan Nasional atas Chip China, "
            "Isyaratkan Tarif Baru")  # fmt: skip
    path = dump(tmp_path, records)
    plain = read_jsonl(run("clean", path, "--url-field", "url").stdout)
    saved = tmp_path / "packs"
    result = run("clean", path, "--url-field", "url", "--learn", "--min-share", "1",
                 "--save-learned", saved)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "learned 0 rules and " in result.stderr and "for 1 of 1 sites" in result.stderr
    assert [p.name for p in saved.iterdir()] == ["kontan.co.id.toml"]
    pack = (saved / "kontan.co.id.toml").read_text(encoding="utf-8")
    assert link.removeprefix("Baca Juga: ") in pack  # the headline the batch shows whole
    learned = read_jsonl(result.stdout)
    cut_short = 0
    for record, before, after in zip(records, plain, learned, strict=True):
        if link not in record["text"]:
            continue
        at = record["text"].index(link) + len(link)
        story = record["text"][at : at + 40].strip()  # the sentence after the link
        assert story[:30] in after["text"]
        cut_short += story[:30] not in before["text"]
    assert cut_short == 0
