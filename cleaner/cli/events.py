"""Reading for `cleaner clean`: every input becomes events, in input order.

An event is a document to clean (`Doc`), the start and end of a JSONL dump (`Begin`, `End`)
with its records (`Record`) in between, or a problem to report (`Problem`). Each comes paired
with the `Task` to clean (or None), ready for `parallel.ordered_map`. Reading is lazy: a dump
is read line by line as the cleaner asks for more, so memory stays constant.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from ..engine.reading import looks_like_page
from .inputs import (
    READ_ERRORS,
    InputError,
    Missing,
    Source,
    cannot_read,
    gzip_hint,
    is_regular,
    open_binary,
    read_document,
)
from .jsonl import JsonlOptions, iter_lines, parse_record
from .parallel import Extracted, RecordsTask, Task
from .sites import Sites

EMPTY = "warning: empty file; its output is empty too"


class Pages(Protocol):
    """HTML pages extracted already, by source (`clean --learn`: see `clean_learn.PageSpool`)."""

    def get(self, source: Source) -> Extracted | None: ...


#: `cleaner clean` cleans a dump's records in blocks of this many characters or records (a
#: block is one task: with workers, the parent's work per record is then next to nothing).
BLOCK_CHARS = 64 * 1024
BLOCK_RECORDS = 64


# Events: what reading produces, in input order. Each knows its size for the progress bar.
@dataclass(frozen=True, slots=True)
class Problem:
    message: str
    fatal: bool = True  # False: a warning, the input is still processed
    size: int = 0


@dataclass(frozen=True, slots=True)
class Doc:
    source: Source
    size: int = 0


@dataclass(frozen=True, slots=True)
class Begin:
    source: Source


@dataclass(frozen=True, slots=True)
class Record:
    source: Source
    number: int
    record: dict
    size: int = 0


@dataclass(frozen=True, slots=True)
class Records:
    """Consecutive lines of a dump, cleaned together (by a worker with `--jobs` N > 1)."""

    source: Source
    first: int  # line numbers
    last: int
    size: int = 0


@dataclass(frozen=True, slots=True)
class End:
    source: Source
    ok: bool = True


def events(
    found: list[Source | Missing],
    jsonl: JsonlOptions,
    url: str | None,
    clash: Callable[[Source], str | None],
    raw_records: bool = False,
    sites: Sites | None = None,
    pages: Pages | None = None,
) -> Iterator[tuple]:
    """(event, task or None) for every input; `clash` says why a source cannot be written.

    With `raw_records` (`cleaner clean`), JSONL records are not parsed here: they go in
    blocks (`Records`, with a `RecordsTask`, blank lines too) that are parsed, cleaned and
    turned back into lines where they are cleaned (in a worker with `--jobs` N > 1). Without
    it (`cleaner learn`), each record is an event of its own and a bad one a `Problem`.
    `sites` tells each document's site (`clean --learn`), and `pages` holds the HTML pages
    extracted already (`clean --learn`'s first pass): their tasks carry the text, the file is
    not read again.
    """
    for item in found:
        if isinstance(item, Missing):
            yield Problem(f"{item.name}: {item.problem}"), None
        elif (why := clash(item)) is not None:
            yield Problem(f"{item.name}: {why}; skipped"), None
        elif item.kind == "jsonl":
            yield from _dump_events(item, jsonl, url, raw_records, sites)
        else:
            yield from _doc_events(item, url, sites, pages)


def _doc_events(source: Source, url: str | None, sites: Sites | None, pages) -> Iterator[tuple]:
    site = sites.of_file(url, source) if sites is not None else None
    page = pages.get(source) if pages is not None and source.kind == "html" else None
    if page is not None:
        task = Task(page.text, url, site=site, page=(page.meta, page.warnings))
        yield Doc(source, source.size), task
        return
    try:
        document = read_document(source)
    except InputError as exc:
        yield Problem(str(exc), size=source.size), None
        return
    if not document.strip():
        yield Problem(f"{source.name}: {EMPTY}", False), None
        yield Doc(source, source.size), Task("")
        return
    yield Doc(source, source.size), Task(document, url, html=source.kind == "html", site=site)


def _dump_events(source: Source, opts: JsonlOptions, url, raw: bool, sites) -> Iterator[tuple]:
    try:
        stream = open_binary(source)
    except InputError as exc:
        yield Problem(str(exc), size=source.size), None
        return
    yield Begin(source), None
    try:
        problem = yield from _record_events(stream, source, opts, url, raw, sites)
    finally:
        if source.path is not None:
            stream.close()
    if problem:
        yield Problem(problem), None
    yield End(source, ok=problem is None), None


def _record_events(stream, source: Source, opts: JsonlOptions, default_url, raw, sites):
    """Yield one event per record; return a message if the dump as a whole is unreadable.

    A record's URL comes from --url-field, else from --url (one site's dump)."""
    try:
        # stdin and pipes cannot be rewound: their bad lines are caught one by one
        if source.path is not None and is_regular(source.path):
            if b"\0" in (head := stream.read(8192)):
                return (
                    f"{source.name}: binary data, not JSON Lines (NUL byte in the first 8 KiB)"
                    + gzip_hint(head, source.name)
                )
            stream.seek(0)
        records = 0
        block: list[bytes] = []
        numbers: list[int] = []
        size = 0
        for number, line in iter_lines(stream, blank=raw):
            records += bool(line.strip())
            if raw:
                block.append(line)
                numbers.append(number)
                size += len(line) + 1
                if size >= BLOCK_CHARS or len(block) >= BLOCK_RECORDS:
                    yield _block(source, block, numbers, size, opts, default_url, sites)
                    block, numbers, size = [], [], 0
                continue
            try:
                record, text, url = parse_record(line, source.name, number, opts)
            except InputError as exc:
                yield Problem(str(exc), size=len(line) + 1), None
                continue
            task = Task(text, url or default_url, html=looks_like_page(text))  # (a crawl's page)
            yield Record(source, number, record, len(line) + 1), task
        if block:
            yield _block(source, block, numbers, size, opts, default_url, sites)
    except READ_ERRORS as exc:
        return cannot_read(source.name, exc)
    if not records:
        yield Problem(f"{source.name}: {EMPTY}", False), None
    return None


def _block(source, lines, numbers, size, opts, url, sites) -> tuple[Records, RecordsTask]:
    task = RecordsTask(tuple(lines), tuple(numbers), source.name, opts, url, size, sites)
    return Records(source, numbers[0], numbers[-1], size), task
