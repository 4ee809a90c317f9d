"""Clean a stream of documents in this process or in N worker processes, in input order.

Items are `(context, task)` pairs; the context stays in this process and comes back with the
task's result, so callers can route results (which file, which record) without shipping
anything but the text. A task of None passes straight through (an error to report, the start
of a file): it keeps its place in the order, no worker sees it.

Each worker gets one `Cleaner` through the pool initializer (not one per document), and only
a bounded number of batches is in flight, so a multi-GB input streams in constant memory.

>>> from cleaner.engine import Cleaner
>>> items = [("a", Task("ADVERTISEMENT\\nIsi berita.")), ("b", None)]
>>> [(ctx, getattr(res, "text", res)) for ctx, res in ordered_map(Cleaner(), items)]
[('a', 'Isi berita.'), ('b', None)]
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from ..engine import Cleaner
from ..engine.reading import looks_like_page
from ..model import Cleaned
from .inputs import InputError
from .jsonl import JsonlOptions, finish_record, parse_record, passed_through
from .sites import Sites

C = TypeVar("C")

#: A batch is sent to a worker when it holds this many documents or this many characters.
BATCH_DOCS = 64
BATCH_CHARS = 256 * 1024
#: Batches in flight per worker: enough to keep workers busy, few enough to bound memory.
IN_FLIGHT_PER_JOB = 4


@dataclass(frozen=True, slots=True)
class Task:
    """One document to clean. An HTML page may be bytes (its own charset decides); `page`
    holds the metadata and warnings of a page whose text was extracted before (`document`
    is then that text: `clean --learn` extracts each page once, for both passes)."""

    document: str | bytes
    url: str | None = None
    html: bool = False
    site: str | None = None  # selects the pack learned for this site (`clean --learn`)
    page: tuple[dict[str, str], tuple[str, ...]] | None = None


@dataclass(frozen=True, slots=True)
class ExtractTask:
    """One HTML page whose article text is wanted, not cleaned (the learning pass)."""

    document: str | bytes
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Extracted:
    """A page's article text, metadata and warnings (see `ExtractTask`)."""

    text: str
    meta: dict[str, str]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RecordTask:
    """One JSONL line to parse, clean and put back together, in the worker (see RecordsTask)."""

    line: bytes
    name: str  # the dump's name, for messages
    number: int  # the line number, for messages
    opts: JsonlOptions
    url: str | None = None  # --url, when the record has none
    sites: Sites | None = None  # how to tell a record's site (`clean --learn`)

    @property
    def document(self) -> bytes:
        return self.line


@dataclass(frozen=True, slots=True)
class RecordsTask:
    """Consecutive JSONL lines of one dump, parsed, cleaned and put back together where the
    block is cleaned (in a worker with `--jobs` N > 1). The parent reads blocks of lines and
    writes blocks of lines: it does next to nothing per record, so it does not hold the
    workers up. Blank lines are in the block too: every line of the input has its output."""

    lines: tuple[bytes, ...]
    numbers: tuple[int, ...]  # each line's number, for messages
    name: str  # the dump's name, for messages
    opts: JsonlOptions
    url: str | None = None  # --url, when a record has none
    size: int = 0  # bytes read, line breaks included
    sites: Sites | None = None  # how to tell a record's site (`clean --learn`)


@dataclass(frozen=True, slots=True)
class RecordsDone:
    """A block of cleaned records: the output lines (UTF-8, each with its line break) and, in
    line order, the messages to report: (True, error) for a record that could not be cleaned
    (its line passes through), (False, warning)."""

    data: bytes
    messages: tuple[tuple[bool, str], ...] = ()


@dataclass(frozen=True, slots=True)
class RecordDone:
    """A cleaned JSONL record: the output line (no newline) and the cleaner's warnings."""

    line: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PageCleaned:
    """A cleaned HTML page and what the page says about itself (title, author, date, site,
    canonical URL, language, and the profile or path that found its text)."""

    cleaned: Cleaned
    meta: dict[str, str]

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.cleaned.warnings


@dataclass(frozen=True, slots=True)
class Failed:
    """A task that could not be cleaned; `message` is the reason, without the file name
    (unless `located`: then it already names the file and line)."""

    message: str
    located: bool = False


def run_task(
    cleaner: Cleaner, task: Task | ExtractTask | RecordTask | RecordsTask
) -> Cleaned | PageCleaned | Extracted | RecordDone | RecordsDone | Failed:
    if isinstance(task, RecordsTask):
        return _run_records(cleaner, task)
    if isinstance(task, RecordTask):
        return _run_record(cleaner, task)
    try:
        if isinstance(task, ExtractTask):
            return _extract(task.document, task.url)
        if task.page is not None:  # extracted before: its text, metadata and warnings
            assert isinstance(task.document, str)
            return _clean_page(cleaner, task, Extracted(task.document, *task.page))
        if not task.html:
            return cleaner.clean(task.document, url=task.url, site=task.site)
        page = _extract(task.document, task.url)
        return page if isinstance(page, Failed) else _clean_page(cleaner, task, page)
    except Exception as exc:  # one bad document must not take the batch down
        return Failed(f"internal error while cleaning: {type(exc).__name__}: {exc}")


def _extract(document: str | bytes, url: str | None) -> Extracted | Failed:
    from ..html import HtmlError, extract_page

    try:
        page = extract_page(document, url)
    except HtmlError as exc:
        return Failed(str(exc))
    return Extracted(page.text, page.meta.to_dict(), page.warnings)


def _clean_page(cleaner: Cleaner, task: Task, page: Extracted) -> PageCleaned:
    if not page.text.strip():
        warnings = (*page.warnings, "no article text found in the page")
        return PageCleaned(Cleaned("", (), warnings), page.meta)
    result = cleaner.clean(page.text, url=task.url, site=task.site)
    warnings = (*page.warnings, *result.warnings)
    return PageCleaned(Cleaned(result.text, result.removals, warnings), page.meta)


def _run_record(cleaner: Cleaner, task: RecordTask) -> RecordDone | Failed:
    try:
        record, text, url = parse_record(task.line, task.name, task.number, task.opts)
    except InputError as exc:
        return Failed(str(exc), located=True)
    url = url or task.url
    site = task.sites.of(url, record) if task.sites is not None else None
    # a field that holds a whole page (a crawl's `html`) is extracted, then cleaned: its
    # article's clean text goes into the record
    result = run_task(cleaner, Task(text, url, html=looks_like_page(text), site=site))
    if isinstance(result, Failed):
        return result
    if isinstance(result, PageCleaned):
        result = result.cleaned
    return RecordDone(finish_record(record, result, task.opts), result.warnings)


def _run_records(cleaner: Cleaner, task: RecordsTask) -> RecordsDone:
    out: list[bytes] = []
    messages: list[tuple[bool, str]] = []
    for line, number in zip(task.lines, task.numbers, strict=True):
        if not line.strip():
            out.append(line + b"\n")  # a blank line keeps its place: line N out is line N in
            continue
        record = RecordTask(line, task.name, number, task.opts, task.url, task.sites)
        result = _run_record(cleaner, record)
        where = f"{task.name}: line {number}: "
        if isinstance(result, Failed):
            # Nothing is lost: the record goes out as it came in, and the error is reported.
            problem = result.message.removeprefix(where) if result.located else result.message
            messages.append((True, where + problem))
            out.append(passed_through(line, problem, task.opts) + b"\n")
            continue
        messages.extend((False, f"{where}warning: {w}") for w in result.warnings)
        # a lone surrogate (a "\\ud800" escape in the input) goes back out as that escape
        out.append(result.line.encode("utf-8", "backslashreplace") + b"\n")
    return RecordsDone(b"".join(out), tuple(messages))


_worker_cleaner: Cleaner | None = None


def _init_worker(cleaner: Cleaner) -> None:
    global _worker_cleaner
    _worker_cleaner = cleaner
    # Ctrl-C is the parent's to handle (it stops the pool); workers dying noisily would
    # print one traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_batch(tasks: list[Task | RecordTask | None]) -> list[Cleaned | RecordDone | Failed | None]:
    assert _worker_cleaner is not None
    return [None if t is None else run_task(_worker_cleaner, t) for t in tasks]


def _batches(items: Iterable[tuple[C, Task | None]]) -> Iterator[list[tuple[C, Task | None]]]:
    batch: list[tuple[C, Task | None]] = []
    chars = 0
    for ctx, task in items:
        batch.append((ctx, task))
        chars += (task.size if isinstance(task, RecordsTask) else len(task.document)) if task else 0
        if len(batch) >= BATCH_DOCS or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def ordered_map(
    cleaner: Cleaner, items: Iterable[tuple[C, Task | None]], jobs: int = 1
) -> Iterator[tuple[C, Cleaned | Failed | None]]:
    """Clean every task, yielding `(context, result)` in the order the items came in."""
    if jobs <= 1:
        for ctx, task in items:
            yield ctx, None if task is None else run_task(cleaner, task)
        return
    import multiprocessing  # only with workers: not paid on every start-up

    with multiprocessing.get_context().Pool(jobs, _init_worker, (cleaner,)) as pool:
        pending: deque = deque()
        for batch in _batches(items):
            contexts = [ctx for ctx, _ in batch]
            pending.append((contexts, pool.apply_async(_run_batch, ([t for _, t in batch],))))
            while len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())


def _collect(contexts: list, waiting) -> Iterator[tuple]:
    yield from zip(contexts, waiting.get(), strict=True)
