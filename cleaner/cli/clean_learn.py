"""`cleaner clean --learn`: learn a pack per site from the batch itself, then clean with it.

Two passes over the same inputs. The first reads every document once and counts it for its
site (`sites.Sites`: `--site`, `--site-field`, the URL's domain, the folder), in the learner's
bounded table; nothing of a document is kept. Then each site's pack is finished (and written
with `--save-learned DIR`), and the second pass is a plain `cleaner clean` whose cleaner also
has every learned pack, each applied to its own site's documents only. Problems are reported
by the second pass alone, so each is said once.

With `--jobs` N > 1 the first pass counts in N worker processes too: each site goes to one
of them (by a hash of its name), and each has a Batch with 1/N of the table's cap, so memory
stays what one process would use. The packs are the same as with one process unless a table
had to be pruned.

An HTML page is extracted once: the first pass extracts it (in N worker processes with
`--jobs` N, as the cleaning pass would) and keeps its text, metadata and warnings in a
temporary file (`PageSpool`), which the second pass cleans instead of reading the page again.

Stdin and pipes (`<(zcat dump.jsonl.gz)`) cannot be read twice: they are spooled to a
temporary file first (disk, not memory; the file is deleted at the end).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import queue
import shutil
import signal
import threading
import zlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..engine import Cleaner
from .batch import Reporter
from .events import Doc, Record, events
from .inputs import Missing, Source, read_once, stdin_bytes
from .jsonl import JsonlOptions
from .parallel import Extracted, ExtractTask, ordered_map
from .sites import Sites

if TYPE_CHECKING:  # the learner is imported when a --learn run starts
    from ..learn import Learned, LearnOptions


def spool_streams(found: list[Source | Missing], folder: Path) -> list[Source | Missing]:
    """`found` with every input that cannot be read twice copied to a file in `folder` (in
    chunks): stdin, and a pipe named as a file (`<(zcat dump.jsonl.gz)`), which the cleaning
    pass would otherwise find empty. Messages and outputs keep the input's own name."""
    out: list[Source | Missing] = []
    for i, item in enumerate(found):
        if isinstance(item, Source) and read_once(item):
            # (its own name: a pipe named `x.jsonl.gz` holds gzip data)
            copy = folder / "inputs" / f"{i}-{item.path.name if item.path else item.rel.name}"
            copy.parent.mkdir(parents=True, exist_ok=True)
            try:
                with copy.open("wb") as handle:
                    if item.path is None:
                        shutil.copyfileobj(stdin_bytes(), handle, 1 << 20)
                    else:
                        with item.path.open("rb") as stream:
                            shutil.copyfileobj(stream, handle, 1 << 20)
            except OSError as exc:
                out.append(Missing(item.name, f"cannot be read: {exc.strerror or exc}"))
                continue
            item = replace(item, path=copy, size=copy.stat().st_size)
        out.append(item)
    return out


def learn_pass(
    cleaner: Cleaner,
    found: list[Source | Missing],
    jsonl: JsonlOptions,
    url: str | None,
    sites: Sites,
    options: LearnOptions,
    reporter: Reporter,
    save: Path | None = None,
    jobs: int = 1,
    pages: PageSpool | None = None,
) -> Cleaner:
    """Learn every site's pack from `found`, and return `cleaner` with those packs. The HTML
    pages extracted for it go to `pages`, for the cleaning pass."""
    from ..learn import known_of, run_packs

    inputs: dict[str, list[str]] = {}
    counter = counter_for(options, known_of(cleaner), jobs)
    try:
        siteless = _read(found, jsonl, url, sites, counter, inputs, pages, jobs)
        learned = counter.finish()
    finally:
        counter.close()
    if siteless:
        how = f"no URL in field '{jsonl.url_field}'" if jsonl.url_field else "no site"
        reporter.warning(f"{siteless} documents with {how}: cleaned without a learned pack")
    packs, left_out = run_packs(learned)
    for site in left_out:
        reporter.warning(f"{site}: its learned pack clashes with another site's: not used")
    rules = sum(len(pack.rules) for pack in packs)
    headlines = sum(len(pack.headlines) for pack in packs)
    reporter.warning(
        f"learned {rules} rules and {headlines} related headlines for {len(packs)} of "
        f"{len(learned)} sites from {sum(r.documents for r in learned)} documents"
    )
    if save is not None:
        from .learn import write_packs

        write_packs([r for r in learned if not r.empty], save, inputs, reporter)
    return cleaner.with_packs(packs)


def _read(found, jsonl: JsonlOptions, url, sites: Sites, counter, inputs, pages, jobs) -> int:
    """Every document into `counter` under its site; returns how many had no site. HTML
    pages are extracted as the cleaning pass would (by `jobs` workers) and kept in `pages`
    for it."""
    siteless = 0
    for event, task, page in texts(found, jsonl, url, jobs):
        if task is None or not isinstance(event, Doc | Record):
            continue  # a problem: the cleaning pass reports it
        if isinstance(event, Record):  # a dump's records: not by the dump's folder
            site = sites.of(task.url, event.record)
        else:
            site = sites.of_file(task.url, event.source)
        if task.html:
            if not isinstance(page, Extracted):
                continue  # not a page: the cleaning pass reports it
            if pages is not None and isinstance(event, Doc):  # (a record's: extracted again)
                pages.put(event.source, page)
            text = page.text
        else:
            text = task.document
        if site is None:
            siteless += 1
            continue
        counter.add(site, text)
        seen = inputs.setdefault(site, [])
        if event.source.name not in seen[-1:]:
            seen.append(event.source.name)
    return siteless


def texts(found, jsonl: JsonlOptions, url, jobs: int):
    """(event, task, the extracted page of an HTML task or None) for every input: an
    `Extracted` page, or a `Failed` one with its reason; pages are extracted by `jobs`
    worker processes."""
    stream = events(found, jsonl, url, lambda source: None, False, None)
    if not any(isinstance(s, Source) and s.kind in ("html", "jsonl") for s in found):
        yield from ((event, task, None) for event, task in stream)
        return
    extract = (
        ((event, task), ExtractTask(task.document, task.url) if task and task.html else None)
        for event, task in stream
    )
    for (event, task), page in ordered_map(Cleaner(default_rules=False), extract, jobs):
        yield event, task, page


class PageSpool:
    """The HTML pages the learning pass extracted (text, metadata, warnings), kept in a file
    in the temporary folder for the cleaning pass (about 2% of the pages' size): a page is
    extracted once, and memory holds an offset per page. Without room for the file (a full
    or capped temporary folder), the pages it does not hold are extracted again by the
    cleaning pass, as before, and `warn` says so once."""

    def __init__(self, path: Path, warn: Callable[[str], None] | None = None) -> None:
        self.path, self.warn = path, warn
        self._at: dict[Path, int] = {}
        self._writer: BinaryIO | None = None
        self._reader: BinaryIO | None = None
        self._failed = False

    def put(self, source: Source, page: Extracted) -> None:
        if source.path is None or self._failed:  # (stdin is spooled to a file before)
            return
        try:
            if self._writer is None:
                self._writer = self.path.open("wb")
            at = self._writer.tell()
            entry = (page.text, page.meta, page.warnings)
            pickle.dump(entry, self._writer, pickle.HIGHEST_PROTOCOL)
        except OSError as exc:
            self._fail(exc)
            return
        self._at[source.path] = at

    def get(self, source: Source) -> Extracted | None:
        at = self._at.get(source.path) if source.path is not None else None
        if at is None:
            return None
        try:
            if self._reader is None:
                if self._writer is not None:
                    self._writer.close()  # (flushes: a full disk may show only here)
                    self._writer = None
                self._reader = self.path.open("rb")
            self._reader.seek(at)
            return Extracted(*pickle.load(self._reader))
        except (OSError, EOFError, pickle.UnpicklingError) as exc:
            self._fail(exc)
            return None

    def _fail(self, exc: BaseException) -> None:
        self._failed = True
        self._at.clear()
        self.close()
        if self.warn is not None:
            self.warn(
                f"no room to keep the extracted pages in the temporary folder ({exc}): "
                "they are extracted again"
            )

    def close(self) -> None:
        for handle in (self._writer, self._reader):
            if handle is not None:
                with contextlib.suppress(OSError):  # (a full disk: extracted again)
                    handle.close()
        self._writer = self._reader = None


def counter_for(options: LearnOptions, known: Cleaner, jobs: int) -> _Local | _Shards:
    """Where a batch is counted (`add(site, text)`, then `finish()` and `close()`): in this
    process, or with `jobs` > 1 in that many worker processes."""
    return _Shards(options, known, jobs) if jobs > 1 else _Local(options, known)


class _Local:
    """Counting in this process: one Batch."""

    def __init__(self, options: LearnOptions, known: Cleaner) -> None:
        from ..learn import Batch

        self.batch, self.known = Batch(options), known

    def add(self, site: str, text: str) -> None:
        self.batch.add(site, text)

    def finish(self) -> list[Learned]:
        from ..learn import finish_sites

        return finish_sites(self.batch, self.known)

    def close(self) -> None:
        pass


#: Documents go to a counting worker in chunks of about this many characters.
CHUNK_CHARS = 256 * 1024


class _Shards:
    """Counting in `jobs` worker processes, each site in one of them (`--jobs` N > 1)."""

    def __init__(self, options: LearnOptions, known: Cleaner, jobs: int) -> None:
        context = multiprocessing.get_context()
        share = replace(options, max_keys=max(16, options.max_keys // jobs))
        self.results = context.Queue()
        self.inboxes = [context.Queue(maxsize=4) for _ in range(jobs)]  # bounded in flight
        self.workers = [
            context.Process(target=_count_shard, args=(inbox, self.results, share, known))
            for inbox in self.inboxes
        ]
        for worker in self.workers:
            worker.start()
        self.chunks: list[list[tuple[str, str]]] = [[] for _ in range(jobs)]
        self.sizes = [0] * jobs

    def add(self, site: str, text: str) -> None:
        i = zlib.crc32(site.encode("utf-8")) % len(self.inboxes)  # the same in every run
        self.chunks[i].append((site, text))
        self.sizes[i] += len(text)
        if self.sizes[i] >= CHUNK_CHARS:
            self._send(i)

    def _send(self, i: int) -> None:
        while True:  # (a worker that died never takes its chunk: do not wait for it forever)
            try:
                self.inboxes[i].put(self.chunks[i], timeout=1)
                break
            except queue.Full:
                self._check()
        self.chunks[i], self.sizes[i] = [], 0

    def _check(self) -> None:
        if any(w.exitcode not in (None, 0) for w in self.workers):
            raise RuntimeError("a learning worker process died")

    def finish(self) -> list[Learned]:
        for i, inbox in enumerate(self.inboxes):
            if self.chunks[i]:
                self._send(i)
            inbox.put(None)
        learned: list[Learned] = []
        for _ in self.workers:
            while True:
                try:
                    learned.extend(self.results.get(timeout=1))
                    break
                except queue.Empty:
                    self._check()
        return sorted(learned, key=lambda r: r.site)

    def close(self) -> None:
        for worker in self.workers:  # only ours, and only those still running (interrupted)
            if worker.is_alive():
                worker.terminate()
            worker.join()
        # a chunk still on its way to a worker that is gone must not hold up the exit (the
        # queue's feeder thread would wait for the pipe forever): it is dropped
        for inbox in (*self.inboxes, self.results):
            inbox.cancel_join_thread()
            inbox.close()


def _count_shard(inbox, outbox, options: LearnOptions, known: Cleaner) -> None:
    from ..learn import Batch, finish_sites

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    parent = multiprocessing.parent_process()
    if parent is not None:  # a parent that was killed sends nothing more, maybe half a chunk
        threading.Thread(target=_exit_after, args=(parent,), daemon=True).start()
    batch = Batch(options)
    while (chunk := inbox.get()) is not None:
        for site, text in chunk:
            batch.add(site, text)
    outbox.put(finish_sites(batch, known))


def _exit_after(parent) -> None:
    """End this worker when its parent process has ended (killed: it never says so)."""
    parent.join()
    os._exit(1)
