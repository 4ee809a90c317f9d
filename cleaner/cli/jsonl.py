"""JSON Lines dumps: one article per line; clean one field, pass every other field through.

A record is parsed, its text field read (a dotted path reaches into nested objects), the text
cleaned elsewhere, then the record written back with the clean text in place of the field, or
in `output_field`. Faults are `InputError`s that name the file and the line; the record then
passes through unchanged (`passed_through`), so the output has one line per input line.

>>> opts = JsonlOptions(field="article.body", output_field="clean")
>>> record, text, url = parse_record(b'{"id": 7, "article": {"body": "Isi"}}', "d.jsonl", 1, opts)
>>> text
'Isi'
>>> from cleaner.model import Cleaned
>>> finish_record(record, Cleaned("Isi."), opts)
'{"id": 7, "article": {"body": "Isi"}, "clean": "Isi."}'
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..model import Cleaned
from .inputs import InputError, decode_text

REMOVALS_KEY = "removals"


@dataclass(frozen=True, slots=True)
class JsonlOptions:
    field: str = "text"
    url_field: str | None = None
    output_field: str | None = None
    removals: bool = False  # add the removal log under REMOVALS_KEY
    error_field: str | None = None  # a record that cannot be cleaned gets its error here


def get_path(record: dict, dotted: str) -> object:
    """The value at `a.b.c`; KeyError naming the first missing part."""
    value: object = record
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(part)
        value = value[part]
    return value


def _blocked(record: dict, dotted: str) -> str | None:
    """The first part of `a.b.c` that exists but is not an object (so cannot hold the rest)."""
    value: dict = record
    for part in dotted.split(".")[:-1]:
        if part not in value:
            return None  # set_path creates it
        if not isinstance(value[part], dict):
            return part
        value = value[part]
    return None


def set_path(record: dict, dotted: str, value: object) -> None:
    """Set `a.b.c`, creating the objects on the way (check `_blocked` first)."""
    *parents, last = dotted.split(".")
    target = record
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


def _type_name(value: object) -> str:
    names = {dict: "an object", list: "a list", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def parse_record(line: bytes, name: str, number: int, opts: JsonlOptions):
    """(record, text, url) of one JSONL line, or InputError naming `name` and the line."""
    where = f"line {number}: "
    raw = decode_text(line, name, where)
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        problem = f"not valid JSON at column {exc.colno}: {exc.msg}"
        raise InputError(f"{name}: {where}{problem}") from None
    except (ValueError, RecursionError) as exc:  # a 5000-digit number, nesting 10000 deep
        raise InputError(f"{name}: {where}not usable JSON ({exc})") from None
    if not isinstance(record, dict):
        raise InputError(f"{name}: {where}a record must be a JSON object, not {_type_name(record)}")
    try:
        text = get_path(record, opts.field)
    except KeyError:
        raise InputError(f"{name}: {where}no field '{opts.field}' in this record") from None
    if not isinstance(text, str):
        raise InputError(f"{name}: {where}field '{opts.field}' is {_type_name(text)}, not a string")
    if opts.removals and REMOVALS_KEY in record:
        # Overwriting it would break the promise that other fields pass through unchanged.
        raise InputError(f"{name}: {where}the record already has a '{REMOVALS_KEY}' field")
    target = opts.output_field or opts.field
    if blocked := _blocked(record, target):
        raise InputError(f"{name}: {where}cannot write '{target}': '{blocked}' is not an object")
    url = None
    if opts.url_field:
        try:
            found = get_path(record, opts.url_field)
        except KeyError:
            found = None  # no URL: the site packs are then chosen by their signatures
        url = found if isinstance(found, str) and found else None
    return record, text, url


def finish_record(record: dict, result: Cleaned, opts: JsonlOptions) -> str:
    """The output line (no newline): the record with the clean text (and removal log) put in."""
    set_path(record, opts.output_field or opts.field, result.text)
    if opts.removals:
        record[REMOVALS_KEY] = [r.to_dict() for r in result.removals]
    return json.dumps(record, ensure_ascii=False)


def passed_through(line: bytes, problem: str, opts: JsonlOptions) -> bytes:
    """A record that could not be cleaned, as it goes out: unchanged, or with `problem` in
    `opts.error_field` when the line is a JSON object that has no such field yet (a line that
    is not JSON at all stays as it is: its error is only on stderr).

    >>> opts = JsonlOptions(error_field="error")
    >>> passed_through(b'{"id": 2, "body": "x"}', "no field text", opts)
    b'{"id": 2, "body": "x", "error": "no field text"}'
    >>> passed_through(b'{"id": 2, "text', "not valid JSON", opts)
    b'{"id": 2, "text'
    """
    if not opts.error_field:
        return line
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, too deep
        return line
    if not isinstance(record, dict) or _blocked(record, opts.error_field):
        return line
    try:
        get_path(record, opts.error_field)
        return line  # the record has the field already: it is not ours to overwrite
    except KeyError:
        set_path(record, opts.error_field, problem)
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def iter_lines(stream, *, blank: bool = False):
    """(line number, line without its line break) for each non-blank line (every line, with
    `blank`), streamed."""
    for number, line in enumerate(stream, 1):
        line = line.rstrip(b"\r\n")
        if blank or line.strip():
            yield number, line
