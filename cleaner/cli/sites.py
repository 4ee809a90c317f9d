"""Whose document is it? The site of each document in a `cleaner clean --learn` run.

Both passes ask the same `Sites`, so a document is cleaned with the pack learned from the
documents it was counted with. In order: `--site NAME` (the whole input), the record's
`--site-field`, the registered domain of its URL (`--url-field`, else `--url`), the folder a
file is in. Names are lower-cased (a pack's `sites` are).

>>> Sites(field="outlet").of("https://www.kompas.com/a", {"outlet": "Kompas Cetak"})
'kompas cetak'
>>> Sites(field="outlet").of("https://otomotif.kompas.com/a", {"id": 1})
'kompas.com'
>>> Sites(name="Dump").of("https://www.kompas.com/a"), Sites().of(None) is None
('dump', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .inputs import STDIN_NAME, Source
from .jsonl import get_path


@dataclass(frozen=True, slots=True)
class Sites:
    name: str | None = None  # --site: every document is this site's
    field: str | None = None  # --site-field: a record names its own site

    def of(
        self, url: str | None, record: dict | None = None, path: Path | None = None
    ) -> str | None:
        """The site of one document (None: it has none, and gets no learned pack)."""
        if self.name:
            return self.name.strip().lower()
        if self.field and record is not None:
            try:
                value = get_path(record, self.field)
            except KeyError:
                value = None
            if isinstance(value, str) and value.strip():
                return value.strip().lower()
        if url:
            from ..learn import site_of  # only in a --learn run: not paid on every start-up

            if found := site_of(url):
                return found
        if path is not None:
            return path.resolve().parent.name.lower() or None
        return None

    def of_file(self, url: str | None, source: Source) -> str | None:
        """The site of a text or HTML file (stdin, even spooled to a file, has no folder)."""
        return self.of(url, path=None if source.name == STDIN_NAME else source.path)
