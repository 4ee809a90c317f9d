"""The `cleaner` command: a thin layer over the library (flags -> Cleaner, files -> results)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .engine import DUPLICATE_RULE, Cleaner
from .model import CATEGORIES
from .rules import RuleError

app = typer.Typer(
    help="Strip boilerplate from scraped Indonesian news articles.\n\n"
    "Example: cleaner clean seeds/",
    no_args_is_help=True,
    add_completion=False,
)
rules_app = typer.Typer(help="List and inspect the rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


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
    """Strip boilerplate from scraped Indonesian news articles."""


def _error(message: str) -> None:
    typer.echo(f"cleaner: {message}", err=True)


def _inputs(paths: list[str]) -> list[Path | None]:
    found: list[Path | None] = []
    for raw in paths or ["-"]:
        if raw == "-":
            found.append(None)
            continue
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        else:
            found.append(path)
    return found


@app.command()
def clean(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders; '-' or none for stdin.")] = None,
    keep: Annotated[list[str] | None, typer.Option(help="Category or rule id to keep (repeatable).")] = None,
    drop: Annotated[list[str] | None, typer.Option(help="Category or rule id to also remove.")] = None,
    url: Annotated[str | None, typer.Option(help="URL of the article, to pick site rules.")] = None,
) -> None:
    """Clean text files (or stdin) and print the clean text."""
    try:
        cleaner = Cleaner(keep=keep or (), drop=drop or ())
    except (RuleError, ValueError) as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    inputs = _inputs(paths or [])
    failed = False
    for i, path in enumerate(inputs):
        name = "<stdin>" if path is None else str(path)
        try:
            text = sys.stdin.read() if path is None else path.read_text(encoding="utf-8")
        except FileNotFoundError:
            _error(f"{name}: no such file or folder")
            failed = True
            continue
        except UnicodeDecodeError as exc:
            _error(f"{name}: not UTF-8 text (byte {exc.start})")
            failed = True
            continue
        except OSError as exc:
            _error(f"{name}: cannot read: {exc.strerror}")
            failed = True
            continue
        result = cleaner.clean(text, url=url)
        for warning in result.warnings:
            _error(f"{name}: {warning}")
        if len(inputs) > 1:
            typer.echo(f"{'' if i == 0 else chr(10)}==> {name} <==")
        typer.echo(result.text.strip("\n"))
    if failed:
        raise typer.Exit(1)


@rules_app.command("list")
def rules_list() -> None:
    """List every rule: id, category, pack and description."""
    cleaner = Cleaner(drop=[c for c, on in CATEGORIES.items() if not on])
    rows = [(r.id, r.category, r.pack, r.description) for r in cleaner.all_rules.values()]
    rows.append((DUPLICATE_RULE, "duplicate", "builtin", "A line repeated verbatim (the first stays)"))
    width = max(len(r[0]) for r in rows)
    for rule_id, category, pack, description in rows:
        typer.echo(f"{rule_id:<{width}}  {category:<10}  {pack:<12}  {description}")


def main() -> None:
    app(prog_name="cleaner")
