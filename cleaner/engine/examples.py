"""Run a rule's own examples: `remove` examples must lose exactly the marked part, `keep`
examples must come out untouched. Used by the test suite and by `cleaner rules check`.

In a `remove` example, `[[...]]` marks the part the rule must remove; without markers the
whole example must go. White space is compared loosely (runs of blanks count as one).

>>> expected_output("kata dia. [[Baca juga: X]] Dia pergi.")
('kata dia. Baca juga: X Dia pergi.', 'kata dia.  Dia pergi.')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..packs import Rule
from .passes import run_rules

# `]]` followed by another `]` closes later: "[[[iklan_2]]]" marks "[iklan_2]".
_MARKED = re.compile(r"\[\[(.*?)\]\](?!\])", re.S)


@dataclass(frozen=True, slots=True)
class Example:
    rule: Rule
    kind: str  # remove | keep | todo_remove | todo_keep
    text: str

    @property
    def name(self) -> str:
        return f"{self.rule.id}-{self.kind}"


def examples(rule: Rule) -> list[Example]:
    return [
        Example(rule, kind, text)
        for kind in ("remove", "keep", "todo_remove", "todo_keep")
        for text in getattr(rule, kind)
    ]


def expected_output(example: str) -> tuple[str, str]:
    """(input, expected output) of a `remove` example."""
    if "[[" not in example:
        return example, ""
    return _MARKED.sub(r"\1", example), _MARKED.sub("", example)


def _loose(text: str) -> str:
    return " ".join(text.split())


def check(example: Example) -> str | None:
    """None when the example holds; else a one-line explanation of what went wrong."""
    rule = example.rule
    if example.kind in ("remove", "todo_remove"):
        source, want = expected_output(example.text)
    else:
        source, want = example.text, example.text
    got = run_rules(source, [rule]).text
    if _loose(got) == _loose(want):
        return None
    return f"rule {rule.id}: {example.kind} example {source!r} gave {got!r}, expected {want!r}"
