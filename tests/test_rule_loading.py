"""A bad rule pack fails at load time with one RuleError naming the file and the rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner, RuleError
from cleaner.packs import default_rules_dir, load_pack, load_packs, make_rule

GOOD = """
[[rule]]
id = "{id}"
category = "{category}"
scope = "{scope}"
description = "A test rule"
pattern = '''{pattern}'''
remove = {remove}
keep = {keep}
"""


def write(tmp_path: Path, name: str = "pack.toml", **fields) -> Path:
    values = dict(
        id="test-rule", category="ad", scope="line", pattern="IKLAN", remove='["IKLAN"]',
        keep='["Iklan itu dilarang tayang di televisi."]',
    )  # fmt: skip
    values.update(fields)
    path = tmp_path / name
    path.write_text(GOOD.format(**values), encoding="utf-8")
    return path


def test_a_good_pack_loads(tmp_path):
    pack = load_pack(write(tmp_path))
    assert [r.id for r in pack.rules] == ["test-rule"]
    assert pack.name == "pack"


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"category": "banner"}, "unknown category 'banner'"),
        ({"scope": "page"}, "scope must be one of line, span, tail"),
        ({"pattern": "(unclosed"}, "pattern does not compile"),
        ({"pattern": "x*"}, "pattern matches the empty string"),
        ({"remove": "[]"}, "needs at least one 'remove' and one 'keep' example"),
        ({"keep": "[]"}, "needs at least one 'remove' and one 'keep' example"),
        ({"pattern": "{nothing}"}, "unknown macro {nothing}"),
        ({"id": "Not_Kebab"}, "id must be kebab-case"),
        ({"keep": "[1, 2]"}, "'keep' must be a list of strings"),
    ],
)
def test_bad_rule_names_file_and_rule(tmp_path, fields, problem):
    path = write(tmp_path, **fields)
    with pytest.raises(RuleError) as info:
        load_pack(path)
    message = str(info.value)
    assert message.startswith(f"{path}: rule {fields.get('id', 'test-rule')}: "), message
    assert problem in message


def test_unknown_key_is_an_error(tmp_path):
    path = write(tmp_path)
    path.write_text(path.read_text() + 'colour = "red"\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"rule test-rule: unknown key\(s\): colour"):
        load_pack(path)


def test_duplicate_ids_across_packs(tmp_path):
    write(tmp_path, "a.toml")
    write(tmp_path, "b.toml")
    with pytest.raises(
        RuleError, match=r"b\.toml: rule test-rule: id 'test-rule' is already used in .*a\.toml"
    ):
        load_packs(tmp_path)


def test_invalid_toml_names_the_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("[[rule]\nid = ", encoding="utf-8")
    with pytest.raises(RuleError, match=r"broken\.toml: invalid TOML"):
        load_pack(path)


def test_non_utf8_rule_file(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes("id = 'caf\xe9'".encode("latin-1"))
    with pytest.raises(RuleError, match=r"latin1\.toml: rule file is not UTF-8"):
        load_pack(path)


def test_missing_rule_path():
    with pytest.raises(RuleError, match="no such rule file or folder"):
        Cleaner(rules=["/nonexistent/rules.toml"])


def test_extra_pack_is_used_and_can_replace_defaults(tmp_path):
    path = write(tmp_path, pattern="PASANG IKLAN DI SINI", remove='["PASANG IKLAN DI SINI"]')
    text = "PASANG IKLAN DI SINI\nHarga cabai naik tajam di pasar induk pada Senin pagi."
    only = Cleaner(rules=[path], default_rules=False)
    assert [r.rule_id for r in only.clean(text).removals] == ["test-rule"]
    assert [p.name for p in only.packs] == ["pack"]
    assert "PASANG" not in Cleaner(rules=[path]).clean(text).text


def test_shipped_packs_load_and_cover_every_category():
    packs = load_packs(default_rules_dir())
    names = {p.name for p in packs}
    assert {"id-generic", "en-generic", "minanews", "seaprwire", "tribunnews"} <= names
    generic = next(p for p in packs if p.name == "id-generic")
    from cleaner import CATEGORIES

    # every category of the contract has a generic rule (duplicates are a built-in rule)
    assert {r.category for r in generic.rules} | {"duplicate"} == set(CATEGORIES)


def test_learned_packs_under_rules_load_only_when_named(tmp_path, monkeypatch):
    import shutil

    import cleaner.engine.cleaner
    import cleaner.packs.loader

    shipped = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), shipped)
    (shipped / "learned").mkdir(exist_ok=True)
    learned = write(shipped / "learned", "kompas.com.toml", id="learned-kompas-promo")
    for module in (cleaner.packs.loader, cleaner.engine.cleaner):
        monkeypatch.setattr(module, "default_rules_dir", lambda: shipped)
    assert "learned-kompas-promo" not in Cleaner().all_rules
    assert "id-generic" in [p.name for p in Cleaner().packs]
    assert "learned-kompas-promo" in Cleaner(rules=[learned]).all_rules


def test_a_rule_built_in_code_is_checked_like_a_loaded_one(tmp_path):
    # cleaner learn builds its rules through make_rule: same checks, same fields as the loader
    entry = {
        "id": "promo-x",
        "category": "promo",
        "description": "d",
        "scope": "span",
        "pattern": "{unit_start}Ikuti kami{unit_end}",
        "remove": ["Ikuti kami"],
        "keep": ["Kami ikuti aturan."],
    }
    macros = {"unit_start": r"(?<=^|  )", "unit_end": r"(?=\n|\Z)"}
    built = make_rule(entry, pack="mine", macros=macros)
    path = tmp_path / "mine.toml"
    path.write_text(
        "[macros]\nunit_start = '(?<=^|  )'\nunit_end = '(?=\\n|\\Z)'\n"
        "[[rule]]\nid = 'promo-x'\ncategory = 'promo'\ndescription = 'd'\nscope = 'span'\n"
        "pattern = '{unit_start}Ikuti kami{unit_end}'\nremove = ['Ikuti kami']\n"
        "keep = ['Kami ikuti aturan.']\n",
        encoding="utf-8",
    )
    assert built == load_pack(path).rules[0]
    assert built.anchored
    with pytest.raises(RuleError, match=r"promo-x.*remove"):
        make_rule({**entry, "remove": []}, pack="mine", macros=macros)
    assert make_rule({**entry, "remove": []}, pack="mine", macros=macros, examples=False)
    with pytest.raises(RuleError, match=r"promo-x.*unknown macro"):
        make_rule(entry, pack="mine")
