"""Every example of every rule, as data: `pytest -k baca-juga` runs one rule's cases.

`remove` examples must lose exactly their [[marked]] part, `keep` examples must survive.
`todo_*` examples are known gaps: strict xfail, so fixing one makes the suite say so.
"""

from __future__ import annotations

import pytest

from cleaner.engine import Cleaner
from cleaner.engine.examples import check, examples

CLEANER = Cleaner(drop={"dateline"})  # every rule, including those off by default
CASES = [
    pytest.param(
        ex,
        id=f"{ex.name}-{i}",
        marks=[pytest.mark.xfail(reason="known gap", strict=True)]
        if ex.kind.startswith("todo")
        else [],
    )
    for rule in CLEANER.all_rules.values()
    for i, ex in enumerate(examples(rule))
]


@pytest.mark.parametrize("example", CASES)
def test_rule_example(example):
    problem = check(example)
    assert problem is None, problem


def test_every_rule_has_both_kinds_of_example():
    for rule in CLEANER.all_rules.values():
        assert rule.remove and rule.keep, rule.id


def test_keep_examples_survive_the_whole_default_cleaner():
    """A rule's keep example must survive every other rule too, not only its own."""
    default = Cleaner()
    for rule in CLEANER.all_rules.values():
        for text in rule.keep:
            assert default.clean(text).text == text, (rule.id, text)


def test_no_keep_example_holds_the_markers_of_a_remove_example():
    """`[[...]]` marks what a remove example loses; in a keep example it is taken literally,
    so a remove example filed under `keep` would pass without testing anything."""
    misfiled = [
        (rule.id, text)
        for rule in CLEANER.all_rules.values()
        for text in (*rule.keep, *rule.todo_keep)
        if "[[" in text
    ]
    assert not misfiled
