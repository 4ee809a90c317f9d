"""`cleaner rules list | show | check`: the rule author's tools."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.model import DUPLICATE_DESCRIPTION

from .clitools import errors, run, write

PACK = """
[[rule]]
id = "{id}"
category = "ad"
description = "A test rule"
pattern = '''IKLAN'''
remove = {remove}
keep = ["Iklan itu dilarang tayang di televisi."]
todo_remove = {todo}
"""


def pack(tmp_path, *, id="test-iklan", remove='["IKLAN"]', todo="[]"):
    return write(tmp_path / "pack.toml", PACK.format(id=id, remove=remove, todo=todo))


def test_list_shows_every_rule_and_the_builtin_one():
    result = run("rules", "list")
    assert result.exit_code == 0
    rows = [line.split(maxsplit=3) for line in result.stdout.splitlines()]
    cleaner = Cleaner()
    assert [r[0] for r in rows] == [*cleaner.all_rules, "duplicate-line"]
    rule = cleaner.all_rules["ad-banner"]
    assert ["ad-banner", "ad", rule.pack, rule.description] in rows
    assert rows[-1] == ["duplicate-line", "duplicate", "builtin", DUPLICATE_DESCRIPTION]


def test_list_with_extra_pack_only(tmp_path):
    result = run("rules", "list", "--rules", pack(tmp_path), "--no-default-rules")
    assert result.stdout.splitlines()[0].split(maxsplit=3) == [
        "test-iklan",
        "ad",
        "pack",
        "A test rule",
    ]


def test_show_a_rule_with_its_examples():
    rule = Cleaner().all_rules["ad-banner"]
    result = run("rules", "show", "ad-banner")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("ad-banner\n")
    for expected in (rule.description, f"scope        {rule.scope}", f"zone         {rule.zone}",
                     "id-generic.toml", f"pattern      {rule.pattern}",
                     "category     ad (removed unless --keep ad)"):  # fmt: skip
        assert expected in out
    assert "remove (must remove" in out and "keep (must keep)" in out
    for example in rule.remove + rule.keep:
        assert f"  - {example}" in out


def test_show_builtin_and_unknown():
    assert DUPLICATE_DESCRIPTION in run("rules", "show", "duplicate-line").stdout
    result = run("rules", "show", "no-such-rule")
    assert result.exit_code == 2
    assert errors(result) == [
        "cleaner: unknown rule id 'no-such-rule' (`cleaner rules list` shows them all)"
    ]


def test_check_the_shipped_packs_passes():
    result = run("rules", "check")
    assert result.exit_code == 0, result.stdout
    assert "FAIL" not in result.stdout
    assert " 0 fail, " in result.stdout.splitlines()[-1]


def test_check_reports_a_failing_example(tmp_path):
    path = pack(tmp_path, remove='["IKLAN", "REKLAME"]')
    result = run("rules", "check", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (f"FAIL  {path}: rule test-iklan: remove example 'REKLAME' gave 'REKLAME', "
                        "expected ''")  # fmt: skip
    assert lines[-1] == "1 rules in 1 packs: 2 examples pass, 1 fail, 0 known gaps (todo)"


def test_check_reports_a_fixed_todo_as_failure(tmp_path):
    path = pack(tmp_path, todo='["[[IKLAN]]\\nBerita ini.", "REKLAME"]')  # the first passes
    result = run("rules", "check", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    example = "'[[IKLAN]]\\nBerita ini.'"
    assert lines[0] == (
        f"FIXED {path}: rule test-iklan: todo_remove example {example} passes now: "
        "fixed, move it to remove"
    )
    assert lines[-1].endswith("1 known gaps (todo), 1 todo fixed")


def test_check_a_good_pack_and_clashing_ids(tmp_path):
    good = pack(tmp_path)
    assert run("rules", "check", good).exit_code == 0
    clash = pack(tmp_path, id="ad-banner")
    result = run("rules", "check", clash)
    assert result.exit_code == 1
    assert errors(result)[0].startswith(
        f"cleaner: {clash}: rule ad-banner: id 'ad-banner' is already used"
    )
    assert run("rules", "check", clash, "--no-default-rules").exit_code == 0


def test_check_an_invalid_pack(tmp_path):
    path = write(tmp_path / "bad.toml", '[[rule]]\nid = "x"\n')
    result = run("rules", "check", path)
    assert result.exit_code == 1
    assert errors(result) == [
        f"cleaner: {path}: rule x: 'category' is required and must be a non-empty string"
    ]
