"""Where `cleaner clean` writes: stdout, or one file per input under `-o DIR`.

Files are written atomically (a temporary file in the same folder, renamed into place when
the input is done), so an output file is either complete or not there, and a failure half-way
through a later input never truncates what is already written.

>>> from cleaner.model import Cleaned
>>> render("a.txt", Cleaned("Isi berita.\\n\\n"), "text")
'Isi berita.\\n'
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

from ..model import Cleaned
from .inputs import GZIP, Source

FORMATS = ("text", "json", "jsonl")
SUFFIXES = {"text": ".txt", "json": ".json", "jsonl": ".jsonl"}


class StdoutClosed(Exception):
    """The reader of stdout went away (`cleaner clean big/ | head`): stop quietly.

    Not an OSError on purpose: write failures of output files are reported per input and the
    batch goes on, but with stdout gone there is nowhere left to write to.
    """


def _send(stream: BinaryIO, data: bytes, *, flush: bool = False) -> None:
    try:
        stream.write(data)
        if flush:
            stream.flush()
    except BrokenPipeError:
        raise StdoutClosed from None


def render(name: str, result: Cleaned, fmt: str, meta: dict[str, str] | None = None) -> str:
    """One document's output: the clean text, or a JSON object with the removal log (and an
    HTML page's metadata)."""
    if fmt == "text":
        text = result.text.strip("\n")
        return text + "\n" if text else ""
    record = {"file": name, **result.to_dict()}
    if meta is not None:
        record["meta"] = meta
    if fmt == "json":
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(record, ensure_ascii=False) + "\n"


class Output:
    """The output of one input: write pieces, then `commit` (or `abort` on failure)."""

    def write(self, text: str | bytes) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError


class StreamOutput(Output):
    # What went to stdout stays there: a later failure cannot take it back, nor needs to.
    def __init__(self, stream: BinaryIO, *, in_array: bool = False) -> None:
        self.stream, self.in_array = stream, in_array

    def write(self, text: str | bytes) -> None:
        data = text.encode("utf-8") if isinstance(text, str) else text  # JSONL lines: bytes
        if self.in_array:  # the separator or the closing bracket brings the line break
            data = data.rstrip(b"\n")
        _send(self.stream, data)

    def commit(self) -> None:
        _send(self.stream, b"", flush=True)

    abort = commit


#: gzip level of compressed outputs: 1 compresses clean JSONL about 2.5 times at 100 MB/s,
#: where zlib's default 6 gives 3 times at 20 MB/s: the one process that writes the outputs
#: of every worker would slow a run down (cleaning runs at 7 MB/s a core).
COMPRESSION = 1


class FileOutput(Output):
    """An output file, written to a temporary name and renamed into place; gzip-compressed if
    its name ends in `.gz` (with no time stamp, so the same input gives the same bytes)."""

    def __init__(self, target: Path) -> None:
        self.target = target
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        self.tmp = Path(tmp)
        self.raw = self.file = os.fdopen(fd, "wb")
        if target.suffix == GZIP:
            self.file = gzip.GzipFile(  # type: ignore[assignment]
                target.stem, "wb", COMPRESSION, self.raw, mtime=0
            )

    def write(self, text: str | bytes) -> None:
        self.file.write(text.encode("utf-8") if isinstance(text, str) else text)

    def _close(self) -> None:
        try:
            self.file.close()  # (a GzipFile writes its trailer, and leaves `raw` open)
        finally:
            self.raw.close()

    def commit(self) -> None:
        self._close()
        os.chmod(self.tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        # never raises: after a write that failed (a full disk), closing fails too (a gzip
        # trailer, a buffer's flush), and the batch must go on to the next input
        with contextlib.suppress(OSError):
            self._close()
        with contextlib.suppress(OSError):
            self.tmp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class Destination:
    """Opens one Output per input and frames them: `==> name <==` headers for several text
    outputs on stdout, a JSON array for several JSON outputs on stdout."""

    def __init__(self, out_dir: Path | None, fmt: str, many: bool) -> None:
        self.out_dir, self.fmt, self.many = out_dir, fmt, many
        self.opened = 0

    def target(self, source: Source) -> Path | None:
        """The output file of `source` under -o (None for stdout): a dump stays a dump,
        whatever --format says, and a `.gz` input gives a `.gz` output."""
        if self.out_dir is None:
            return None
        rel = source.rel if source.kind == "jsonl" else source.rel.with_suffix(SUFFIXES[self.fmt])
        return self.out_dir / (rel.with_name(rel.name + GZIP) if source.compressed else rel)

    def open(self, source: Source) -> Output:
        target = self.target(source)
        if target is not None:
            return FileOutput(target)
        stream = sys.stdout.buffer
        if self.many and self.fmt == "text":
            _send(stream, f"{chr(10) if self.opened else ''}==> {source.name} <==\n".encode())
        elif self.many and self.fmt == "json":
            _send(stream, b",\n" if self.opened else b"[\n")
        self.opened += 1
        return StreamOutput(stream, in_array=self.many and self.fmt == "json")

    def close(self) -> None:
        if self.out_dir is None and self.many and self.fmt == "json":
            _send(sys.stdout.buffer, b"\n]\n" if self.opened else b"[]\n")
        _send(sys.stdout.buffer, b"", flush=True)
