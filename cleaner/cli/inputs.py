"""Find the inputs of `cleaner clean` and read them, turning every fault into one message.

A `Source` is one input: a file, or stdin. Folders are expanded up front (sorted, so output
order is stable) into their `*.txt`, `*.html` and `*.jsonl` files, and the `.gz` ones of each.
Reading never raises for bad content: it raises `InputError`, whose message names the file
and, where it helps, the line.

>>> decode_text(b"Judul\\nisi", "a.txt")
'Judul\\nisi'
>>> decode_text(b"Judul\\n\\xff", "a.txt")
Traceback (most recent call last):
cleaner.cli.inputs.InputError: a.txt: line 2: not UTF-8 text (byte 0xff at column 1)
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..engine.reading import PAGE_START

#: File kinds by extension. Stdin, and a file named explicitly with another extension, go by
#: their first bytes (`sniff`), plain text unless they open as JSONL or as an HTML page.
KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
#: A gzip-compressed file (`dump.jsonl.gz`) is read through gzip; its kind, and the name of
#: its output, are those of its name without `.gz`.
GZIP = ".gz"
FOLDER_SUFFIXES = (".txt", ".html", ".jsonl")
_FOLDER_NAMES = (*FOLDER_SUFFIXES, *(suffix + GZIP for suffix in FOLDER_SUFFIXES))
#: What reading a file may raise: the file system's errors, and a damaged gzip stream's.
READ_ERRORS = (OSError, EOFError, zlib.error)
STDIN_NAME = "<stdin>"
NEWLINE = b"\n"


class InputError(Exception):
    """One bad input (or one bad record): the message is the whole line the user sees."""


@dataclass(frozen=True, slots=True)
class Source:
    """One input. `path` is None for stdin; `rel` is where its output goes under `-o DIR`
    (what a `.gz` file holds: `dump.jsonl` for `dump.jsonl.gz`)."""

    name: str
    path: Path | None
    rel: Path
    kind: str  # text | html | jsonl
    size: int = 0  # bytes, for the progress bar (0 when unknown)

    @property
    def compressed(self) -> bool:
        """A `.gz` file: read through gzip, and its output under `-o` compressed again."""
        return self.path is not None and gzipped(self.path)


@dataclass(frozen=True, slots=True)
class Missing:
    """A path on the command line that could not be used; `problem` says why."""

    name: str
    problem: str


def find_sources(paths: list[str], *, force: str | None = None, skip: Path | None = None):
    """Expand command-line paths into Sources (and Missing entries, in command-line order).

    `force` ("html", "jsonl" or "text") sets the kind of stdin and of every file named
    explicitly, whatever its extension. Files found in folders always go by extension; without
    `force`, so do files named with a known one, and stdin and other files go by their first
    bytes (`sniff`). Files under `skip` (the -o folder) are never inputs, nor are hidden
    files and folders (.git and the like).
    """
    found: list[Source | Missing] = []
    for raw in paths or ["-"]:
        if raw == "-":
            kind = force or _sniff_stdin()
            found.append(
                Source(
                    STDIN_NAME, None, Path(f"stdin.{'jsonl' if kind == 'jsonl' else 'txt'}"), kind
                )
            )
            continue
        path = Path(raw)
        if path.is_dir():
            files = list(_walk(path, skip))
            if not files:
                suffixes = ", ".join(f"*{s}" for s in FOLDER_SUFFIXES)
                found.append(Missing(raw, f"no {suffixes} files in this folder"))
            for file in files:
                rel = _plain(file.relative_to(path))
                found.append(Source(str(file), file, rel, KINDS[rel.suffix.lower()], _size(file)))
        elif path.exists():
            rel = _plain(Path(path.name))
            kind = force or KINDS.get(rel.suffix.lower()) or sniff(_head(path))
            found.append(Source(raw, path, rel, kind, _size(path)))
        else:
            found.append(Missing(raw, "no such file or folder"))
    return found


# An HTML page opens with its doctype or one of its first tags, maybe after comments and an
# XML prolog (`<!-- saved from url=... --><!DOCTYPE html>`: the engine's PAGE_START, which
# warns of a page handed over as text); a JSONL dump with a line that is a
# JSON object (a JSON document laid out on several lines opens with a lone `{`). Anything else
# is text: an article may open with a brace or a tag of its own, but hardly with these.
_HTML_START = re.compile(PAGE_START.pattern.encode(), re.I | re.S)
# ... and when its first line is longer than what was read: an object and its first key
_JSONL_START = re.compile(rb'\A\s*\{[ \t]*"(?:[^"\\\n]|\\.)*"[ \t]*:')
_BOM = b"\xef\xbb\xbf"  # (UTF-8's byte-order mark, before any of these)
#: Bytes read to tell an input's kind (more, up to FIRST_LINE_BYTES, to read a first line
#: that opens like a JSON object to its end).
SNIFF_BYTES = 4096
FIRST_LINE_BYTES = 1 << 20


def sniff(head: bytes) -> str:
    """The kind of an input by its first bytes (`read_head`): jsonl, html, or text.

    >>> sniff(b'{"text": "Isi"}\\n'), sniff(b"<!DOCTYPE html><html>"), sniff(b"{Catatan} Isi")
    ('jsonl', 'html', 'text')
    >>> sniff(b'{\\n  "text": "a JSON document, not JSON Lines"\\n}'), sniff(b'{"a": 1,\\n "b": 2}')
    ('text', 'text')
    >>> sniff(b"<!-- 50.245 --><!DOCTYPE html>"), sniff(b'<?xml version="1.0"?>\\n<html>')
    ('html', 'html')
    """
    head = head.removeprefix(_BOM)
    if _HTML_START.match(head):
        return "html"
    first, newline, _ = head.lstrip().partition(b"\n")
    if not first.startswith(b"{"):
        return "text"
    if not newline and len(head) >= FIRST_LINE_BYTES:  # (a first line longer than that)
        return "jsonl" if _JSONL_START.match(first) else "text"
    try:
        return "jsonl" if isinstance(json.loads(first), dict) else "text"
    except ValueError:  # not JSON, or not UTF-8
        return "text"


def read_head(read) -> bytes:
    """The first bytes of a stream, by `read(n)` (it may return fewer; b"" at its end): at
    least SNIFF_BYTES, and the rest of the first line if it opens like a JSON object, unless
    the stream ends before."""
    head = b""
    while True:
        want = SNIFF_BYTES - len(head)
        if want <= 0:
            opens = head.removeprefix(_BOM).lstrip()[:1] == b"{"
            if not opens or b"\n" in head or len(head) >= FIRST_LINE_BYTES:
                return head
            want = 65536
        chunk = read(want)
        if not chunk:
            return head
        head += chunk


class _Replay(io.RawIOBase):
    """A stream that gives `head` again, then the rest of `stream` (stdin, read to sniff)."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head, self._stream = memoryview(head), stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        return self._stream.readinto(buffer)


# (stdin's stream, and what gives its bytes again after `_sniff_stdin` read the first)
_stdin: tuple[object, BinaryIO] | None = None


def stdin_bytes() -> BinaryIO:
    """Stdin's bytes, from the first (some may have been read to tell its kind)."""
    stream = sys.stdin.buffer
    if _stdin is not None and _stdin[0] is stream:
        return _stdin[1]
    return stream


def _sniff_stdin() -> str:
    """Stdin's kind by its first bytes, which it gives again when read (`stdin_bytes`). A
    terminal is text: a person types it, and nothing is read before the usage checks."""
    global _stdin
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is None or stream.isatty():
            return "text"
        read = getattr(stream, "read1", stream.read)
        head = read_head(read)
    except (OSError, ValueError):  # closed, or not readable: reading it will say so
        return "text"
    _stdin = (stream, io.BufferedReader(_Replay(head, stream)))  # type: ignore[arg-type]
    return sniff(head)


def _head(path: Path) -> bytes:
    """The first bytes of a regular file (a pipe or a device would lose them: b"")."""
    try:
        if not is_regular(path):
            return b""
        with _open(path) as handle:
            return read_head(handle.read)
    except READ_ERRORS:  # reading it will say so
        return b""


def is_regular(path: Path) -> bool:
    """A regular file (it can be read again), not a pipe or a device; False when it cannot be
    looked at."""
    mode = _mode(path)
    return mode is not None and stat.S_ISREG(mode)


def read_once(source: Source) -> bool:
    """An input that can be read only once: stdin, a pipe or another file that is not a
    regular one; not a file that cannot be looked at (reading it will say why)."""
    if source.path is None:
        return True
    mode = _mode(source.path)
    return mode is not None and not stat.S_ISREG(mode)


def _mode(path: Path) -> int | None:
    """The file's type and permission bits (`os.stat`), or None when it cannot be looked at."""
    try:
        return path.stat().st_mode
    except OSError:
        return None


def _plain(rel: Path) -> Path:
    """A path without its `.gz`: what a compressed file holds, and where its output goes."""
    return rel.with_suffix("") if gzipped(rel) else rel


def gzipped(path: Path) -> bool:
    """A `.gz` name (in any case)."""
    return path.suffix.lower() == GZIP


def _open(path: Path) -> BinaryIO:
    """A file opened for reading; a `.gz` one decompressed as it is read."""
    if gzipped(path):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _walk(root: Path, skip: Path | None) -> Iterator[Path]:
    skip_dir = skip.resolve() if skip else None
    # os.walk without followlinks: a symlink loop cannot make us walk forever.
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if skip_dir and Path(folder).resolve() == skip_dir:
            dirs[:] = []
            continue
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(_FOLDER_NAMES):
                yield Path(folder) / name


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def open_binary(source: Source) -> BinaryIO:
    """The raw bytes of a source (stdin's buffer, or the file opened for reading)."""
    if source.path is None:
        return stdin_bytes()
    try:
        return _open(source.path)
    except OSError as exc:
        raise InputError(cannot_read(source.name, exc)) from None


def cannot_read(name: str, exc: BaseException) -> str:
    """The message for a read that failed (`READ_ERRORS`)."""
    if isinstance(exc, gzip.BadGzipFile) and str(exc).startswith("Not a gzipped file"):
        return f"{name}: cannot read: not gzip data, though named .gz"
    if isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile):
        return f"{name}: cannot read: damaged gzip data ({exc})"
    return f"{name}: cannot read: {getattr(exc, 'strerror', None) or exc}"


#: A document is told from binary data by this many bytes before the rest is read: a gzip
#: bomb named `.txt.gz` or a video named `.txt` is not read whole to find its first NUL byte.
BINARY_CHECK_BYTES = 64 * 1024


def read_bytes(source: Source) -> bytes:
    stream = open_binary(source)
    try:
        head = stream.read(BINARY_CHECK_BYTES)
        check_binary(head, source.name)
        return head + stream.read()
    except READ_ERRORS as exc:
        raise InputError(cannot_read(source.name, exc)) from None
    finally:
        if source.path is not None:
            stream.close()


def _line_of(data: bytes, offset: int) -> str:
    return f"line {data.count(NEWLINE, 0, offset) + 1}: "


def _column(data: bytes, offset: int) -> int:
    """1-based byte column of `offset` in its line (what an editor's status bar shows)."""
    return offset - (data.rfind(NEWLINE, 0, offset) + 1) + 1


def check_binary(data: bytes, name: str, where: str = "") -> None:
    """A NUL byte never occurs in text: the file is an image, an archive, UTF-16, ..."""
    at = data.find(b"\0")
    if at >= 0:
        line = where or _line_of(data, at)
        raise InputError(
            f"{name}: {line}binary data, not text (NUL byte at column {_column(data, at)})"
            + gzip_hint(data, name)
        )


def gzip_hint(data: bytes, name: str = "") -> str:
    """What to do with gzip data that came without a `.gz` name (or on stdin), or that was
    compressed twice."""
    if not data.startswith(b"\x1f\x8b"):
        return ""
    if name.lower().endswith(GZIP):
        return ": it is gzip data again (compressed twice?)"
    return ": it is gzip data; name the file *.gz, or decompress it (zcat FILE | cleaner clean)"


def decode_text(data: bytes, name: str, where: str = "") -> str:
    """UTF-8 text of a document (a leading byte-order mark is dropped), or InputError."""
    check_binary(data, name, where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = where or _line_of(data, exc.start)
        bad = data[exc.start]
        raise InputError(
            f"{name}: {line}not UTF-8 text (byte 0x{bad:02x} at column {_column(data, exc.start)})"
        ) from None


def read_document(source: Source) -> str | bytes:
    """A text document as str; an HTML page as bytes (the HTML adapter weighs the page's own
    charset declaration against its bytes)."""
    data = read_bytes(source)
    if source.kind == "html":
        check_binary(data, source.name)
        return data
    return decode_text(data, source.name)


def is_blank(document: str | bytes) -> bool:
    return not document.strip()
