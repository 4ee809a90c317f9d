"""Options shared by the `cleaner` commands, and the one way they report a usage error.

>>> names(["ad,related", " byline "])
['ad', 'related', 'byline']
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..engine import Cleaner
from ..engine.cleaner import url_host
from ..packs import RuleError

RULES_PANEL = "Rules"
Keep = Annotated[
    list[str] | None,
    typer.Option(
        "--keep", "-k", metavar="NAME", rich_help_panel=RULES_PANEL,
        help="Leave this category or rule id in the text (repeatable, or comma-separated).",
    ),
]  # fmt: skip
Drop = Annotated[
    list[str] | None,
    typer.Option(
        "--drop", "-d", metavar="NAME", rich_help_panel=RULES_PANEL,
        help="Also remove this category or rule id (e.g. dateline, off by default).",
    ),
]  # fmt: skip
RulePaths = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules", metavar="PATH", rich_help_panel=RULES_PANEL,
        help="Extra rule pack: a .toml file or a folder of them (repeatable).",
    ),
]  # fmt: skip
NoDefaultRules = Annotated[
    bool,
    typer.Option(
        "--no-default-rules", rich_help_panel=RULES_PANEL,
        help="Do not load the rule packs that ship with cleaner.",
    ),
]  # fmt: skip


def checked_url(value: str | None) -> str | None:
    """Check a --url value once, up front: a malformed one (`http://[bad`) would otherwise
    fail every document of the run, one error each."""
    if value is not None:
        try:
            url_host(value)
        except ValueError as exc:
            raise typer.BadParameter(f"'{value}' is not a URL ({exc})") from None
    return value


Url = Annotated[
    str | None,
    typer.Option(
        metavar="URL", callback=checked_url, help="URL of the article: selects the site rules."
    ),
]


def dotted_field(value: str | None) -> str | None:
    """Check a --field / --url-field value: a name, or a dotted path like article.body."""
    if value is not None and not all(value.split(".")):
        raise typer.BadParameter(f"'{value}' is not a field name or dotted path like article.body")
    return value


Html = Annotated[bool, typer.Option("--html", help="stdin or named files are HTML.")]
Jsonl = Annotated[bool, typer.Option("--jsonl", help="stdin or named files are JSONL.")]
Text = Annotated[bool, typer.Option("--text", help="stdin or named files are plain text.")]
UrlField = Annotated[
    str | None,
    typer.Option(callback=dotted_field, rich_help_panel="JSONL", help="Field holding the URL."),
]


PANEL = "Learning"
MinDocs = Annotated[
    int,
    typer.Option(min=2, rich_help_panel=PANEL, help="Learn a piece seen in this many documents."),
]
MinShare = Annotated[
    float,
    typer.Option(
        min=0.0, max=1.0, rich_help_panel=PANEL,
        help="... and in at least this share of its site's documents.",
    ),
]  # fmt: skip
CueShare = Annotated[
    float,
    typer.Option(
        min=0.0, max=1.0, rich_help_panel=PANEL,
        help="A bracketed tag or placeholder with a cue word (`[Gambas:Video]`), or a credit "
        "label at the head or tail of articles (`Editor: <name>`), is learned from this share "
        "already (and 5 documents). At --min-share or above: never below --min-share.",
    ),
]  # fmt: skip
MaxKeys = Annotated[
    int,
    typer.Option(
        min=16, rich_help_panel=PANEL,
        help="Hard cap on the counting table (all sites together; ~200 bytes an entry).",
    ),
]  # fmt: skip

Ngram = Annotated[
    int,
    typer.Option(
        min=2, rich_help_panel=PANEL,
        help="Repeated token sequences are found from runs of this many tokens (words, numbers "
        "and marks); fewer finds shorter glued boilerplate, and more story phrases to reject.",
    ),
]  # fmt: skip
MaxHeadlines = Annotated[
    int,
    typer.Option(
        min=0, rich_help_panel=PANEL,
        help="Related headlines the batch shows whole written to each pack (the most frequent).",
    ),
]  # fmt: skip


def fail(message: str, code: int) -> typer.Exit:
    """Print `cleaner: message` on stderr; `raise fail(...)` exits with `code`."""
    typer.echo(f"cleaner: {message}", err=True)
    return typer.Exit(code)


def forced_kind(html: bool, jsonl: bool, text: bool = False) -> str | None:
    """The kind that --html, --jsonl or --text gives stdin and the files named (None: each
    goes by its extension or first bytes); two of them at once are a usage error."""
    given = [flag for flag, on in (("--html", html), ("--jsonl", jsonl), ("--text", text)) if on]
    if len(given) > 1:
        raise fail(f"{', '.join(given[:-1])} and {given[-1]} cannot be used together", 2)
    return given[0].removeprefix("--") if given else None


def names(values: list[str] | None) -> list[str]:
    """--keep/--drop values: repeatable, and each may hold a comma-separated list."""
    return [v.strip() for raw in values or [] for v in raw.split(",") if v.strip()]


def build_cleaner(keep, drop, rules, no_default_rules: bool) -> Cleaner:
    """The Cleaner the flags describe; a bad rule pack exits 1, a bad name exits 2."""
    keep, drop = names(keep), names(drop)
    try:
        return Cleaner(keep=keep, drop=drop, rules=rules or (), default_rules=not no_default_rules)
    except RuleError as exc:
        raise fail(str(exc), 1) from None
    except ValueError as exc:  # unknown category or rule id, or a name in both --keep and --drop
        raise fail(str(exc), 2) from None
