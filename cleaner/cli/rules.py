"""`cleaner rules list | show ID | check [PATH]`: the rule author's tools.

Everything shown comes from the rule files themselves (ids, descriptions, examples), so the
listing is the documentation and `rules check` is the test a rule author runs while editing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..engine.examples import check, examples
from ..model import CATEGORIES
from ..packs import Pack, RuleError, check_unique, default_rules_dir, load_packs
from ..packs.catalog import entries, entry
from .options import NoDefaultRules, RulePaths, build_cleaner, fail

rules_app = typer.Typer(
    help="List, show and check the rules.",
    epilog="Examples:\n\ncleaner rules list\n\ncleaner rules show baca-juga-inline"
    "\n\ncleaner rules check my-pack.toml",
    no_args_is_help=True,
)


def _shown_path(path: str) -> str:
    """A pack path relative to the working folder when it is inside it (shorter to read)."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return path


@rules_app.command("list", epilog="Example:  cleaner rules list --rules my-pack.toml")
def list_rules(rules: RulePaths = None, no_default_rules: NoDefaultRules = False) -> None:
    """List every rule: id, category, pack and description."""
    found = entries(build_cleaner(None, None, rules, no_default_rules).packs)
    rows = [(e.id, e.category, e.pack, e.description) for e in found]
    w = [max(len(row[i]) for row in rows) for i in range(3)]
    for rule_id, category, pack, description in rows:
        typer.echo(f"{rule_id:<{w[0]}}  {category:<{w[1]}}  {pack:<{w[2]}}  {description}")


@rules_app.command("show", epilog="Example:  cleaner rules show ad-banner")
def show_rule(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="A rule id (or alias).")],
    rules: RulePaths = None,
    no_default_rules: NoDefaultRules = False,
) -> None:
    """Show one rule: what it removes, where, its pattern and its examples."""
    found = entry(build_cleaner(None, None, rules, no_default_rules).packs, rule_id)
    if found is None:
        raise fail(f"unknown rule id '{rule_id}' (`cleaner rules list` shows them all)", 2)
    cat = found.category
    default = f"removed unless --keep {cat}" if CATEGORIES[cat] else f"kept unless --drop {cat}"
    lines = [found.id, f"  description  {found.description}", f"  category     {cat} ({default})"]
    rule = found.rule
    if rule is None:
        lines.append("  pack         builtin (part of the engine: no pattern, no examples)")
        typer.echo("\n".join(lines))
        return
    lines += [
        f"  scope        {rule.scope}",
        f"  zone         {rule.zone}",
        f"  pack         {rule.pack} ({_shown_path(found.pack_file)})",
    ]
    if rule.aliases:
        lines.append(f"  aliases      {', '.join(rule.aliases)}")
    lines.append(f"  pattern      {rule.pattern}")
    titles = {
        "remove": "must remove ([[...]] marks the part that goes)",
        "keep": "must keep",
        "todo_remove": "known gaps: should remove, does not yet",
        "todo_keep": "known gaps: should keep, does not yet",
    }
    for kind, title in titles.items():
        values = getattr(rule, kind)
        if values:
            lines.append(f"{kind} ({title}):")
            lines.extend(f"  - {value}" for value in values)
    typer.echo("\n".join(lines))


@rules_app.command(
    "check", epilog="Examples:\n\ncleaner rules check\n\ncleaner rules check my-pack.toml"
)
def check_rules(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[PATH]...", help="Packs or folders [default: the shipped ones]."),
    ] = None,
    no_default_rules: NoDefaultRules = False,
) -> None:
    """Load and validate rule packs, then run every rule's own examples.

    Exit 1 on any failure, including a todo_* example that now passes (move it to
    remove/keep, so the gain is kept). New packs are also checked against the shipped ones
    for clashing ids, unless --no-default-rules.
    """
    try:
        packs = load_packs(*(paths or [default_rules_dir()]))
        if paths and not no_default_rules:
            _check_clashes(packs)
    except RuleError as exc:
        raise fail(str(exc), 1) from None
    failed = fixed = gaps = passed = 0
    for pack in packs:
        where = _shown_path(pack.path)
        for rule in pack.rules:
            for example in examples(rule):
                try:
                    problem = check(example)
                except Exception as exc:  # a broken rule must not hide the other results
                    problem = f"rule {rule.id}: {example.kind} example raised {exc!r}"
                todo = example.kind.startswith("todo_")
                if todo and problem is None:
                    fixed += 1
                    typer.echo(
                        f"FIXED {where}: rule {rule.id}: {example.kind} example "
                        f"{example.text!r} passes now: fixed, move it to {example.kind[5:]}"
                    )
                elif todo:
                    gaps += 1
                elif problem is not None:
                    failed += 1
                    typer.echo(f"FAIL  {where}: {problem}")
                else:
                    passed += 1
    rules_count = sum(len(p.rules) for p in packs)
    summary = (
        f"{rules_count} rules in {len(packs)} packs: {passed} examples pass, {failed} fail, "
        f"{gaps} known gaps (todo)"
    )
    typer.echo(summary + (f", {fixed} todo fixed" if fixed else ""))
    raise typer.Exit(1 if failed or fixed else 0)


def _check_clashes(packs: list[Pack]) -> None:
    """Ids must stay unique next to the shipped packs (the packs are used together)."""
    shipped = load_packs(default_rules_dir())
    seen = {Path(p.path).resolve() for p in shipped}
    check_unique(shipped + [p for p in packs if Path(p.path).resolve() not in seen])
