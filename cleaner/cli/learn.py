"""`cleaner learn`: mine a batch of articles for each site's boilerplate and write rule packs.

Reading is `cleaner clean`'s (files, folders, JSONL with --field and --url-field, HTML), with
its one-line messages and exit codes: 0 all went well, 1 some input failed, 2 usage error. The
mining is `cleaner.learn`; this module only groups documents by site and writes the packs.
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..packs import RuleError, load_pack
from .batch import Reporter
from .events import Doc, Problem, Record
from .inputs import Source, find_sources
from .jsonl import JsonlOptions
from .options import (
    PANEL,
    CueShare,
    Html,
    Jsonl,
    MaxHeadlines,
    MaxKeys,
    MinDocs,
    MinShare,
    Ngram,
    NoDefaultRules,
    RulePaths,
    Text,
    UrlField,
    dotted_field,
    fail,
    forced_kind,
)
from .parallel import Extracted
from .sites import Sites

if TYPE_CHECKING:  # the miner is imported when `learn` runs: `cleaner --help` starts faster
    from ..learn import Learned

LEARN_EPILOG = """Examples:

cleaner learn dump/ --out rules/learned/     (one SITE.toml per site found)

cleaner learn articles/kompas/ --site kompas.com --out rules/learned/kompas.com.toml

cleaner learn dump.jsonl --field article.body --url-field url --out rules/learned/ -v

cleaner clean new/ --rules rules/learned/     (then use the packs; review them first)"""

VERBOSE_LIMIT = 100  # rejected candidates listed per site with --verbose


class GroupBy(StrEnum):
    domain = "domain"
    host = "host"


def learn_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files or folders (of *.txt, *.html, *.jsonl, also .gz); '-' or none: stdin."
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="PATH",
            help="Where the pack goes: a .toml file (one site) or a folder (one SITE.toml per "
            "site). Default: stdout (one site).",
        ),
    ] = None,
    site: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Learn one pack from every document, for site NAME (a domain like kompas.com "
            "lets URLs select the pack). Default: each document's URL domain, else its folder.",
        ),
    ] = None,
    site_field: Annotated[
        str | None,
        typer.Option(
            metavar="FIELD",
            callback=dotted_field,
            help="JSONL: the record field (dotted) that names its site, as `clean --learn` "
            "reads it. A record without it goes by its URL's domain.",
        ),
    ] = None,
    group_by: Annotated[
        GroupBy,
        typer.Option(help="Group URLs by registered domain or by full host name."),
    ] = GroupBy.domain,
    min_docs: MinDocs = 3,
    min_share: MinShare = 0.2,
    cue_share: CueShare = 0.05,
    max_examples: Annotated[
        int,
        typer.Option(min=1, rich_help_panel=PANEL, help="Remove examples written per rule."),
    ] = 3,
    max_keys: MaxKeys = 200_000,
    ngram: Ngram = 6,
    max_headlines: MaxHeadlines = 500,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            rich_help_panel=PANEL,
            help="List every rule learned and every repeated piece rejected, with the reason.",
        ),
    ] = False,
    html: Html = False,
    jsonl: Jsonl = False,
    text: Text = False,
    field: Annotated[
        str,
        typer.Option(callback=dotted_field, rich_help_panel="JSONL", help="Text field (dotted)."),
    ] = "text",
    url_field: UrlField = None,
    rules: RulePaths = None,
    no_default_rules: NoDefaultRules = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Worker processes (0: one per CPU): HTML pages are extracted in them, and "
            "sites counted (each site in one, with its share of --max-keys).",
        ),
    ] = 1,
) -> None:
    """Learn each site's boilerplate from a batch of its articles and write rule packs.

    Lines and glued spans that recur across a site's documents become rules.
    Numbers, dates and byline names are generalised; story text that repeats is not learned.
    What the shipped rules (and --rules) already remove is not learned again.
    Review a pack, `cleaner rules check PACK`, then use it: `cleaner clean --rules PACK`.
    """
    force = forced_kind(html, jsonl, text)
    found = find_sources(paths or [], force=force)
    sources = [s for s in found if isinstance(s, Source)]
    if site is None:
        if any(s.path is None and s.kind != "jsonl" for s in sources):
            raise fail("reading a document from stdin: give --site NAME to say whose it is", 2)
        if url_field is None and site_field is None and any(s.kind == "jsonl" for s in sources):
            raise fail(
                "JSONL records need --url-field FIELD, --site-field FIELD or --site NAME "
                "to tell their site",
                2,
            )
    try:
        from ..learn import LearnOptions, known_cleaner

        options = LearnOptions(
            min_docs,
            min_share,
            max_examples,
            max_keys,
            ngram=ngram,
            max_headlines=max_headlines,
            cue_share=cue_share,
        )
    except ValueError as exc:
        raise fail(str(exc), 2) from None
    try:
        known = known_cleaner(rules or (), default_rules=not no_default_rules)
    except RuleError as exc:
        raise fail(str(exc), 1) from None
    from .clean_learn import counter_for

    reporter = Reporter()
    jobs = jobs or os.cpu_count() or 1
    counter = counter_for(options, known, jobs)
    try:
        inputs = _read(
            found, JsonlOptions(field, url_field), site, site_field, group_by, counter, jobs,
            reporter,
        )  # fmt: skip
        results = counter.finish()
    finally:
        counter.close()
    learned = []
    for result in results:
        if verbose:
            _explain(result)
        if result.documents < min_docs:
            reporter.warning(
                f"{result.site}: {result.documents} documents, fewer than --min-docs "
                f"{min_docs}: nothing learned"
            )
        elif result.empty:
            reporter.warning(f"{result.site}: nothing repeats often enough: no pack written")
        else:
            learned.append(result)
    write_packs(learned, out, inputs, reporter)
    raise typer.Exit(1 if reporter.failed else 0)


def _read(found, opts: JsonlOptions, site, site_field, group_by, counter, jobs, reporter):
    """Every document into its site's learner in `counter` (HTML pages extracted by `jobs`
    workers); returns each site's inputs."""
    from ..learn import site_of
    from .clean_learn import texts

    named = Sites(field=site_field)  # as `clean --learn` reads a record's --site-field

    inputs: dict[str, list[str]] = {}
    for event, task, page in texts(found, opts, None, jobs):
        if isinstance(event, Problem):
            (reporter.error if event.fatal else reporter.warning)(event.message)
            continue
        if task is None:
            continue  # the start or end of a dump
        where = event.source.name
        if isinstance(event, Record):
            where = f"{where}: line {event.number}"
        name = site or (named.of(None, event.record) if isinstance(event, Record) else None)
        name = name or (site_of(task.url, group_by.value) if task.url else None)
        if name is None and isinstance(event, Doc) and event.source.path is not None:
            name = event.source.path.resolve().parent.name
        if not name:
            fields = (("site", site_field), ("URL", opts.url_field))
            lacks = [f"no {what} in field '{f}'" for what, f in fields if f]
            reporter.error(f"{where}: {' and '.join(lacks)} to tell its site")
            continue
        if task.html:
            if not isinstance(page, Extracted):
                reporter.error(f"{where}: {page.message}")
                continue
            text = page.text
        else:
            text = task.document
        assert isinstance(text, str)
        counter.add(name, text)
        seen = inputs.setdefault(name, [])
        if event.source.name not in seen[-1:]:
            seen.append(event.source.name)
    return inputs


def _show(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return '"' + (flat if len(flat) <= width else flat[: width - 1] + "…") + '"'


def _explain(result: Learned) -> None:
    """--verbose: what was learned, and what recurred but was rejected, and why."""
    say = result.site
    for r in result.rules:
        typer.echo(f"cleaner: {say}: learned {r.id} ({r.category}, {r.scope}): {r.description}",
                   err=True)  # fmt: skip
    for r in result.rejected[:VERBOSE_LIMIT]:
        typer.echo(f"cleaner: {say}: rejected {_show(r.text)} ({r.docs} documents): {r.reason}",
                   err=True)  # fmt: skip
    if len(result.rejected) > VERBOSE_LIMIT:
        more = len(result.rejected) - VERBOSE_LIMIT
        typer.echo(f"cleaner: {say}: ... and {more} more rejected pieces", err=True)
    if result.duplicates:
        typer.echo(f"cleaner: {say}: {result.duplicates} duplicate documents skipped", err=True)


def write_packs(learned: list[Learned], out: Path | None, inputs, reporter: Reporter) -> None:
    """Write each pack (checked to load first) to `out` (a .toml file or a folder), or stdout."""
    if not learned:
        return
    today = datetime.date.today().isoformat()
    names = ", ".join(r.site for r in learned)
    if out is None or out.suffix == ".toml" or out.is_file():
        if len(learned) > 1:
            where = "--out FILE" if out is not None else "stdout"
            raise fail(f"{len(learned)} sites found ({names}): {where} holds one pack; give "
                       "--out DIR for one SITE.toml per site", 2)  # fmt: skip
        targets = [out]
    else:
        from ..learn import pack_file_name

        targets = [out / pack_file_name(r.site) for r in learned]
    for result, target in zip(learned, targets, strict=True):
        text = result.to_toml(generated=today, inputs=inputs.get(result.site, []))
        try:
            _check_loads(text)
        except RuleError as exc:  # a bug in the learner: say so, write nothing broken
            reporter.error(f"internal error: the pack learned for {result.site} fails: {exc}")
            continue
        summary = f"{result.site}: {_counts(result)} learned from {result.documents} documents"
        if target is None:
            sys.stdout.write(text)
            sys.stdout.flush()
            reporter.warning(summary)
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(target, text)
        except OSError as exc:
            reporter.error(f"{target}: cannot write: {exc.strerror or exc}")
            continue
        reporter.warning(f"{summary}: {target}")


def _counts(result: Learned) -> str:
    """`2 rules`, `1 rule and 14 related headlines`, `no rule and 3 related headlines`."""
    rules = len(result.rules)
    count = f"{rules or 'no'} rule{'s' if rules > 1 else ''}"
    if result.headlines:
        count += f" and {len(result.headlines)} related headline"
        count += "s" if len(result.headlines) > 1 else ""
    return count


def _check_loads(text: str) -> None:
    """Load the pack as `cleaner rules check` would (macros, patterns, examples' presence)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "learned.toml"
        path.write_text(text, encoding="utf-8")
        load_pack(path)


def _atomic_write(target: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
