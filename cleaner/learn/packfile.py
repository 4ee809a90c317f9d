"""What learning a site gives (`Learned`), and the rule pack file it is written as (TOML in
the format of `rules/`, with a header that says how it was made and to review it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .normalising import MACROS, ascii_fold
from .results import LearnedRule, LearnOptions, Rejected


@dataclass(frozen=True, slots=True)
class Learned:
    """What `Learner.finish()` found for one site."""

    site: str
    documents: int
    rules: tuple[LearnedRule, ...]
    rejected: tuple[Rejected, ...]
    options: LearnOptions
    duplicates: int = 0  # documents skipped because the same text was seen before
    #: Counts are lower bounds: a piece's true document count is at most this much higher
    #: (0 unless the table had to be pruned).
    count_error: int = 0
    sites: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()
    #: Related headlines the batch showed whole (`[pack] headlines`): a glued link to one of
    #: them ends exactly where it ends. The most frequent first.
    headlines: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """Nothing to write: no rule and no headline."""
        return not self.rules and not self.headlines

    def to_toml(self, *, generated: str = "", inputs: Sequence[str] = ()) -> str:
        """The rule pack as TOML, in the format of `rules/` (`cleaner rules check` passes)."""
        return _render(self, generated, inputs)


def _toml_str(value: str) -> str:
    """A TOML string: a literal '''...''' when that can hold it, else an escaped basic string."""
    if "'''" not in value and not value.endswith("'") and value.isprintable():
        return f"'''{value}'''"
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif not ch.isprintable() or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_list(values: Sequence[str], indent: str = "  ") -> str:
    if len(values) == 1 and len(values[0]) < 70:
        return f"[{_toml_str(values[0])}]"
    return "[\n" + "".join(f"{indent}{_toml_str(v)},\n" for v in values) + "]"


def _render(learned: Learned, generated: str, inputs: Sequence[str]) -> str:
    o = learned.options
    shown = list(inputs[:5]) + ([f"and {len(inputs) - 5} more"] if len(inputs) > 5 else [])
    lines = [
        f"# Rule pack learned for {learned.site} by `cleaner learn`"
        + (f" on {generated}." if generated else "."),
        f"# Inputs: {', '.join(shown) if shown else '(documents passed in Python)'}",
        f"# {learned.documents} documents of this site"
        + (f" ({learned.duplicates} exact duplicates skipped)." if learned.duplicates else "."),
        f"# Parameters: --min-docs {o.min_docs} --min-share {o.min_share:g} "
        f"--cue-share {o.cue_share:g} --max-examples {o.max_examples} --max-keys {o.max_keys}",
    ]
    if learned.count_error:
        lines.append(
            f"# The counting table was pruned: document counts may be low by up to "
            f"{learned.count_error}."
        )
    lines += [
        "#",
        "# REVIEW BEFORE USE: every rule was mined from text that repeats across the batch.",
        "# Delete or narrow any rule that would remove story text, and add real keep examples.",
        "# `remove` examples are real text from the batch ([[...]] marks what goes when there",
        "# is context); each `keep` example is a story sentence from the same batch that the",
        "# rule was checked to leave alone. Check with: cleaner rules check THIS_FILE",
    ]
    if learned.sites:
        lines.append(f"# Applies to pages of {learned.sites[0]} (by URL), else by its signatures.")
    elif learned.signatures:
        lines.append("# Applies to documents where one of its signatures matches.")
    else:
        lines.append("# No URL host and no signature: applies to every document it is given.")
    lines += ["", "[pack]", f"name = {_toml_str('learned-' + ascii_fold(learned.site).lower())}"]
    lines.append(
        f"description = {_toml_str(f'Boilerplate learned from {learned.documents} documents')}"
    )
    if learned.sites:
        lines.append(f"sites = {_toml_list(learned.sites)}")
    if learned.signatures:
        lines.append(f"signatures = {_toml_list(learned.signatures)}")
    if learned.headlines:
        lines.append(
            "# related headlines the batch showed whole: a glued link to one ends where it does"
        )
        lines.append(f"headlines = {_toml_list(learned.headlines)}")
    lines += ["", "[macros]"]
    lines += [f"{name} = {_toml_str(value)}" for name, value in MACROS.items()]
    for r in learned.rules:
        lines += [
            "",
            "[[rule]]",
            f"id = {_toml_str(r.id)}",
            f"category = {_toml_str(r.category)}",
            f"scope = {_toml_str(r.scope)}",
            *([f"extend = {_toml_str(r.extend)}"] if r.extend else []),
            f"description = {_toml_str(r.description)}",
            f"pattern = {_toml_str(r.pattern)}",
            f"remove = {_toml_list(r.remove)}",
            "# keep: " + (
                "no story sentence of the batch fit; a stock sentence"
                if r.keep_is_stock
                else "a story sentence from the same batch, checked to stay untouched"
            ),
            f"keep = {_toml_list(r.keep)}",
        ]  # fmt: skip
    return "\n".join(lines) + "\n"
