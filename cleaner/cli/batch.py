"""`cleaner clean` as a batch: sources in, one event stream through the cleaner, outputs out.

Reading turns every input into events in input order: a document to clean, the start and end
of a JSONL dump with blocks of its lines in between, or a problem to report.
`parallel.ordered_map` cleans the documents (here or in worker processes) and hands every event
back in order, and `_Run` writes each result where it belongs. One bad input is reported on one
line and skipped; a bad record is reported and passes through unchanged (one output line per
input line); everything else is still processed and written.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..engine import Cleaner
from ..model import Cleaned
from .events import Begin, Doc, End, Pages, Problem, Records, events
from .inputs import Missing, Source
from .jsonl import JsonlOptions
from .outputs import Destination, Output, render
from .parallel import Failed, PageCleaned, RecordsDone, ordered_map
from .sites import Sites

#: Show a progress bar (on a terminal only) from this many bytes of input on.
LARGE_INPUT = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class CleanOptions:
    fmt: str = "text"
    out_dir: Path | None = None
    url: str | None = None
    force: str | None = None  # "html" or "jsonl": the kind of stdin and of files named explicitly
    jsonl: JsonlOptions = field(default_factory=JsonlOptions)
    jobs: int = 1
    sites: Sites | None = None  # `--learn`: how each document's site is told
    pages: Pages | None = None  # `--learn`: the HTML pages its first pass extracted


class Reporter:
    """Prints the one-line messages (`cleaner: ...`) and remembers whether anything failed."""

    def __init__(self) -> None:
        self.failed = False
        self.bar = None

    def error(self, message: str) -> None:
        self.failed = True
        self._say(message)

    def warning(self, message: str) -> None:
        self._say(message)

    def _say(self, message: str) -> None:
        clear = "\r\x1b[K" if self.bar is not None else ""  # do not print into the bar's line
        print(f"{clear}cleaner: {message}", file=sys.stderr, flush=True)


def wants_progress(total_bytes: int, stderr_is_terminal: bool) -> bool:
    return stderr_is_terminal and total_bytes >= LARGE_INPUT


def run_clean(
    cleaner: Cleaner, found: list[Source | Missing], opts: CleanOptions, reporter: Reporter
) -> None:
    """Clean every source (see `inputs.find_sources`) and write the results."""
    sources = [s for s in found if isinstance(s, Source)]
    dest = Destination(opts.out_dir, opts.fmt, many=len(found) > 1)
    run = _Run(dest, opts, reporter)
    total = sum(s.size for s in sources)
    bar = None
    if wants_progress(total, sys.stderr.isatty()):
        import typer  # already loaded by the CLI; only the bar itself is extra

        bar = reporter.bar = typer.progressbar(length=total, label="cleaning", file=sys.stderr)
        bar.__enter__()
    try:
        # JSONL records are parsed and written back in blocks, by the workers if any
        stream = events(found, opts.jsonl, opts.url, run.clash, True, opts.sites, opts.pages)
        for ctx, result in ordered_map(cleaner, stream, opts.jobs):
            run.handle(ctx, result)
            if bar is not None:
                bar.update(getattr(ctx, "size", 0))
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
            reporter.bar = None
        for output in run.outputs.values():  # interrupted: no half-written file is left behind
            output.abort()
        dest.close()


class _Run:
    """Writes results as they come back, in input order, and reports every problem."""

    def __init__(self, dest: Destination, opts: CleanOptions, reporter: Reporter) -> None:
        self.dest, self.opts, self.reporter = dest, opts, reporter
        self.outputs: dict[Source, Output] = {}  # JSONL dumps being written
        self.broken: set[Source] = set()  # dumps whose output could not be opened
        self.claimed: dict[Path, str] = {}

    def clash(self, source: Source) -> str | None:
        """Why `source` cannot be written under -o (its output is taken or is the input)."""
        target = self.dest.target(source)
        if target is None:
            return None
        key = target.resolve()
        if source.path is not None and key == source.path.resolve():
            return "its output would overwrite the input (choose another -o folder)"
        if key in self.claimed:
            return f"its output {target} would overwrite the output of {self.claimed[key]}"
        self.claimed[key] = source.name
        return None

    def handle(self, ctx: object, result: Cleaned | RecordsDone | Failed | None) -> None:
        if isinstance(ctx, Problem):
            (self.reporter.error if ctx.fatal else self.reporter.warning)(ctx.message)
        elif isinstance(ctx, Doc):
            self._document(ctx.source, result)
        elif isinstance(ctx, Begin):
            try:
                self.outputs[ctx.source] = self.dest.open(ctx.source)
            except OSError as exc:
                self.broken.add(ctx.source)
                self._cannot_write(ctx.source, exc)
        elif isinstance(ctx, Records):
            self._records(ctx, result)
        elif isinstance(ctx, End):
            output = self.outputs.pop(ctx.source, None)
            if output is not None:
                self._finish(ctx.source, output, ctx.ok)

    def _document(self, source: Source, result: Cleaned | PageCleaned | Failed | None) -> None:
        if isinstance(result, Failed):
            self.reporter.error(f"{source.name}: {result.message}")
            return
        assert result is not None
        meta = None
        if isinstance(result, PageCleaned):
            result, meta = result.cleaned, result.meta
        for warning in result.warnings:
            self.reporter.warning(f"{source.name}: warning: {warning}")
        try:
            output = self.dest.open(source)
        except OSError as exc:
            self._cannot_write(source, exc)
            return
        try:
            output.write(render(source.name, result, self.opts.fmt, meta))
        except OSError as exc:
            output.abort()
            self._cannot_write(source, exc)
            return
        self._finish(source, output, True)

    def _records(self, ctx: Records, result: RecordsDone | Failed | None) -> None:
        output = self.outputs.get(ctx.source)
        if output is None:
            return  # the dump's output could not be opened: already reported
        if isinstance(result, Failed):  # not a record's fault: the block could not be cleaned
            where = f"{ctx.source.name}: lines {ctx.first}-{ctx.last}"
            self.reporter.error(f"{where}: {result.message}")
            return
        assert isinstance(result, RecordsDone)
        for is_error, message in result.messages:
            (self.reporter.error if is_error else self.reporter.warning)(message)
        try:
            output.write(result.data)
        except OSError as exc:
            self.outputs.pop(ctx.source).abort()
            self._cannot_write(ctx.source, exc)

    def _finish(self, source: Source, output: Output, ok: bool) -> None:
        try:
            output.commit() if ok else output.abort()
        except OSError as exc:
            output.abort()
            self._cannot_write(source, exc)

    def _cannot_write(self, source: Source, exc: OSError) -> None:
        target = self.dest.target(source) or "stdout"
        self.reporter.error(f"{source.name}: cannot write {target}: {exc.strerror or exc}")
