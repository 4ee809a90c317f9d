"""The `cleaner` app: its verbs, and `main()`, which turns every failure into one line.

`clean` and `explain` live here, `rules ...` in `cli.rules`, `learn` in `cli.learn`; reading,
writing and the batch loop in `inputs`, `outputs` and `batch`. Exit codes: 0 all went well,
1 some input failed (each reported on one `cleaner: ...` line on stderr), 2 usage error.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from ..packs.catalog import entries
from .batch import CleanOptions, Reporter, run_clean
from .inputs import InputError, Source, find_sources, read_document
from .jsonl import REMOVALS_KEY, JsonlOptions
from .learn import LEARN_EPILOG, learn_command
from .options import (
    PANEL,
    CueShare,
    Drop,
    Html,
    Jsonl,
    Keep,
    MaxHeadlines,
    MaxKeys,
    MinDocs,
    MinShare,
    Ngram,
    NoDefaultRules,
    RulePaths,
    Text,
    Url,
    UrlField,
    build_cleaner,
    dotted_field,
    fail,
    forced_kind,
)
from .outputs import StdoutClosed
from .rules import rules_app
from .sites import Sites

app = typer.Typer(
    help="Strip boilerplate from scraped Indonesian news articles, and say what went and why.",
    epilog="Examples:\n\ncleaner clean seeds/\n\ncleaner explain seeds/001_10a3550d25231c17.txt"
    "\n\ncleaner rules list",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # main() turns any exception into one line, never a trace
)
app.add_typer(rules_app, name="rules")


class Format(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Strip boilerplate from scraped Indonesian news articles, and say what went and why."""


CLEAN_EPILOG = """Examples:

cleaner clean article.txt page.html     (or: cat article.txt | cleaner clean)

cleaner clean in/ -o out/     (mirrors the tree: one output file per input)

cleaner clean seeds/ --keep byline --drop dateline --format jsonl

cleaner clean dump.jsonl --field article.body --url-field url --removals

cleaner clean big.jsonl -o out/ --jobs 4 --output-field clean_text"""


@app.command(epilog=CLEAN_EPILOG)
def clean(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files or folders (of *.txt, *.html, *.jsonl, also .gz); '-' or none: stdin."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="DIR", help="Write one file per input under DIR."),
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="text, or json/jsonl with the removal log."),
    ] = Format.text,
    html: Html = False,
    jsonl: Jsonl = False,
    text: Text = False,
    field: Annotated[
        str,
        typer.Option(
            callback=dotted_field, rich_help_panel="JSONL", help="Field to clean (dotted)."
        ),
    ] = "text",
    url_field: UrlField = None,
    output_field: Annotated[
        str | None,
        typer.Option(
            callback=dotted_field,
            rich_help_panel="JSONL",
            help="Put the clean text here instead of replacing --field.",
        ),
    ] = None,
    removals: Annotated[
        bool,
        typer.Option(
            "--removals", rich_help_panel="JSONL", help="Add the removal log to each record."
        ),
    ] = False,
    error_field: Annotated[
        str | None,
        typer.Option(
            callback=dotted_field,
            rich_help_panel="JSONL",
            help="A record that cannot be cleaned passes through with its error in this field.",
        ),
    ] = None,
    url: Url = None,
    keep: Keep = None,
    drop: Drop = None,
    rules: RulePaths = None,
    no_default_rules: NoDefaultRules = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: one per CPU).")
    ] = 1,
    learn: Annotated[
        bool,
        typer.Option(
            "--learn",
            rich_help_panel=PANEL,
            help="Learn each site's boilerplate from these inputs first, then clean every "
            "document with the shipped rules plus its site's learned pack (two passes).",
        ),
    ] = False,
    site: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            rich_help_panel=PANEL,
            help="--learn: every document is this site's. Default: the record's --site-field, "
            "else its URL's domain, else the folder a file is in.",
        ),
    ] = None,
    site_field: Annotated[
        str | None,
        typer.Option(
            callback=dotted_field,
            rich_help_panel=PANEL,
            help="--learn: the record field that names its site.",
        ),
    ] = None,
    save_learned: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            rich_help_panel=PANEL,
            help="--learn: also write each site's pack to DIR/SITE.toml, to review and reuse.",
        ),
    ] = None,
    min_docs: MinDocs = 3,
    min_share: MinShare = 0.2,
    cue_share: CueShare = 0.05,
    max_keys: MaxKeys = 200_000,
    ngram: Ngram = 6,
    max_headlines: MaxHeadlines = 500,
) -> None:
    """Clean text, HTML and JSONL files (or stdin); print the clean text or write it to -o DIR.

    Bad inputs are reported on stderr, one line each, and skipped; the rest is still written.
    A JSONL record that cannot be cleaned (bad JSON, no such field) is reported and passes
    through unchanged: the output has one line per input line.
    """
    force = forced_kind(html, jsonl, text)
    taken = {field, output_field} | ({REMOVALS_KEY} if removals else set())
    if error_field is not None and error_field in taken:
        raise fail(f"--error-field {error_field}: that field holds the text or the removals", 2)
    if output is not None and output.exists() and not output.is_dir():
        raise fail(f"-o {output}: not a folder", 2)
    learn_only = {"--site": site, "--site-field": site_field, "--save-learned": save_learned}
    given = [flag for flag, value in learn_only.items() if value is not None]
    if given and not learn:
        raise fail(f"{given[0]} is for --learn runs: add --learn", 2)
    if save_learned is not None and (save_learned.suffix == ".toml" or save_learned.is_file()):
        raise fail(f"--save-learned {save_learned}: give a folder (one SITE.toml per site)", 2)
    cleaner = build_cleaner(keep, drop, rules, no_default_rules)
    found = find_sources(paths or [], force=force, skip=output)
    dumps = any(isinstance(s, Source) and s.kind == "jsonl" for s in found)
    if output is None and fmt is Format.json and len(found) > 1 and dumps:
        raise fail("--format json cannot hold JSONL records on stdout: use --format jsonl or -o", 2)
    opts = CleanOptions(
        fmt=fmt.value,
        out_dir=output,
        url=url,
        force=force,
        jsonl=JsonlOptions(field, url_field, output_field, removals, error_field),
        jobs=jobs or os.cpu_count() or 1,
        sites=Sites(site, site_field) if learn else None,
    )
    reporter = Reporter()
    if not learn:
        run_clean(cleaner, found, opts, reporter)
        raise typer.Exit(1 if reporter.failed else 0)
    from ..learn import LearnOptions
    from .clean_learn import PageSpool, learn_pass, spool_streams

    try:
        options = LearnOptions(
            min_docs,
            min_share,
            max_keys=max_keys,
            ngram=ngram,
            max_headlines=max_headlines,
            cue_share=cue_share,
        )
    except ValueError as exc:
        raise fail(str(exc), 2) from None
    with tempfile.TemporaryDirectory(prefix="cleaner-learn-") as spool:
        found = spool_streams(found, Path(spool))
        assert opts.sites is not None
        pages = PageSpool(Path(spool) / "pages", reporter.warning)  # extracted once, for both
        try:
            learned = learn_pass(
                cleaner, found, opts.jsonl, url, opts.sites, options, reporter, save_learned,
                opts.jobs, pages,
            )  # fmt: skip
            run_clean(learned, found, dataclasses.replace(opts, pages=pages), reporter)
        finally:
            pages.close()
    raise typer.Exit(1 if reporter.failed else 0)


def _use_color(choice: bool | None) -> bool:
    if choice is not None:
        return choice
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


EXPLAIN_EPILOG = """Examples:

cleaner explain seeds/001_10a3550d25231c17.txt

cleaner explain page.html --url https://www.tribunnews.com/...

cleaner explain article.txt --color | less -R"""


@app.command(epilog=EXPLAIN_EPILOG)
def explain(
    file: Annotated[str, typer.Argument(metavar="FILE", help="Text or HTML file; '-': stdin.")],
    url: Url = None,
    html: Annotated[bool, typer.Option("--html", help="The input is HTML.")] = False,
    text: Annotated[bool, typer.Option("--text", help="The input is plain text.")] = False,
    color: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Colour the marks (default: on a terminal)."),
    ] = None,
    keep: Keep = None,
    drop: Drop = None,
    rules: RulePaths = None,
    no_default_rules: NoDefaultRules = False,
) -> None:
    """Show the text with every removal marked, then which rule removed what and why."""
    from .explain import explain as render_explanation

    force = forced_kind(html, False, text)
    cleaner = build_cleaner(keep, drop, rules, no_default_rules)
    if Path(file).is_dir():
        raise fail(f"{file}: explain takes one text or HTML file", 2)
    source = find_sources([file], force=force)[0]
    if not isinstance(source, Source):
        raise fail(f"{source.name}: {source.problem}", 1)
    if source.kind == "jsonl":
        raise fail(
            f"{file}: explain takes one text or HTML file, not a JSONL dump (or give --text)", 2
        )
    try:
        document = read_document(source)
        if source.kind == "html":
            from ..html import HtmlError, extract_page

            try:
                page = extract_page(document, url)
            except HtmlError as exc:
                raise InputError(f"{source.name}: {exc}") from None
            for warning in page.warnings:
                typer.echo(f"cleaner: {source.name}: warning: {warning}", err=True)
            document = page.text
    except InputError as exc:
        raise fail(str(exc), 1) from None
    assert isinstance(document, str)
    if not document.strip():
        typer.echo(f"cleaner: {source.name}: warning: empty file; nothing to explain", err=True)
    result = cleaner.clean(document, url=url)
    for warning in result.warnings:
        typer.echo(f"cleaner: {source.name}: warning: {warning}", err=True)
    describe = {e.id: e for e in entries(cleaner.packs)}
    text = render_explanation(document, result, describe, color=_use_color(color))
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


app.command("learn", epilog=LEARN_EPILOG)(learn_command)


def main() -> None:
    """Entry point: one line on stderr for every way the command can fail, never a traceback."""
    try:
        code = app(prog_name="cleaner", standalone_mode=False)
    except typer.TyperException as exc:  # usage errors (exit 2): bad flags, unknown command
        ctx, message = getattr(exc, "ctx", None), exc.format_message()
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        if message:  # empty when the help was shown instead (a bare `cleaner`)
            typer.echo(f"cleaner: {message}{hint}", err=True)
        code = exc.exit_code
    except typer.Abort:  # EOF or Ctrl-C inside click's own prompts
        typer.echo("cleaner: interrupted", err=True)
        code = 130
    except KeyboardInterrupt:
        typer.echo("cleaner: interrupted", err=True)
        code = 130
    except (BrokenPipeError, StdoutClosed):
        # The reader went away (`cleaner clean big/ | head`): nothing to say, nowhere to say it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    except Exception as exc:
        typer.echo(f"cleaner: internal error: {type(exc).__name__}: {exc}", err=True)
        code = 1
    sys.exit(code if isinstance(code, int) else 0)
