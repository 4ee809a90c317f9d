"""The `cleaner` command: a thin layer over the library (flags -> Cleaner, files -> results).

The top layer: it may import every other package (`cleaner.learn`, `cleaner.html`,
`cleaner.engine`, `cleaner.packs`, `cleaner.model`); nothing imports it but `__main__` and
`cleaner.integrations.pool`, which uses its process pool (`parallel`).

- `app`: the typer app and its `clean` and `explain` verbs; `main()`, the entry point;
- `rules`: the `rules list | show | check` verbs; `learn`: the `learn` verb;
- `options`: the flags the verbs share, and the one way they report a usage error;
- the `clean` verb's plumbing: `inputs` (finding and reading files), `jsonl` (records),
  `events` (inputs as a stream of documents and records), `parallel` (`--jobs N`, in input
  order), `batch` (the loop, progress and exit status), `outputs` (stdout, files, formats);
- `explain`: the text with every removal marked; `report`: the removal log a reviewer reads.
"""


def main() -> None:
    """Entry point of the `cleaner` command (pyproject) and of `python -m cleaner`.

    The app is imported here, not above, so that `cleaner.integrations.pool` can use
    `cleaner.cli.parallel` without loading typer and every verb.
    """
    from .app import main as run

    run()
