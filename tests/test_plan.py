"""The fast candidate search must find exactly what a plain scan finds.

`Plan` skips most of a text without running a regex (first characters, prefixes, required
literals, one literal scan; later passes only around seams). Each shortcut is checked here
against the obvious slow way, on every rule and on real text in several layouts.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.engine import passes
from cleaner.engine import plan as plan_module
from cleaner.engine.examples import expected_output
from cleaner.engine.layout import UNIT_BREAK, Zones, head_end, is_body_like, tail_start, units
from cleaner.engine.plan import Literals, Occurrences, Plan, stretches
from cleaner.engine.prefilter import last_chars, prefixes, required, starts, widths

ROOT = Path(__file__).resolve().parent.parent
CLEANER = Cleaner()
RULES = list(CLEANER.all_rules.values())


def _texts() -> list[tuple[str, str]]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "cases" / "corpus" / "raw").glob("*.txt")
    )
    out = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        out.append((path.name, text))
        out.append((path.name + ":glued", "".join(line.strip() for line in text.splitlines())))
        out.append((path.name + ":spaced", "   ".join(text.splitlines())))
    return out


TEXTS = _texts()


def _zones(text: str, parts) -> Zones:
    return Zones(head_end(text, parts), tail_start(text, parts))


def _naive_lines(plan: Plan, text: str):
    parts = units(text)
    zones = _zones(text, parts)
    for u in parts:
        for rule in plan.line_rules:
            if not zones.allows(rule.zone, u.start):
                continue
            if rule.compiled.fullmatch(text, u.start, u.end):
                yield u.start, u.end, rule.id
                break


def _naive_spans(rule, text: str):
    parts = units(text)
    for begin, limit, keep_from in stretches(rule.zone, _zones(text, parts), len(text)):
        for m in rule.compiled.finditer(text, begin, limit):
            if m.end() > m.start() and m.start() >= keep_from:
                yield m.start(), m.end()


@pytest.fixture(scope="module")
def plan() -> Plan:
    return Plan(RULES)


def test_the_corpus_is_there():
    assert len(TEXTS) >= 3 * 50


@pytest.mark.parametrize("name,text", TEXTS, ids=[n for n, _ in TEXTS])
def test_line_rules_match_the_units_a_plain_scan_matches(plan, name, text):
    parts = units(text)
    found = plan.line_matches(text, parts, _zones(text, parts), 5.0, [])
    assert [(s, e, r.id) for s, e, r in found] == list(_naive_lines(plan, text))


@pytest.mark.parametrize("name,text", TEXTS, ids=[n for n, _ in TEXTS])
def test_span_rules_find_what_finditer_finds(plan, name, text):
    parts = units(text)
    zones = _zones(text, parts)
    found, at_starts = plan.occurrences(text), plan.anchored_starts(text, parts)
    for rule in plan.others:
        fast = list(plan.matches(rule, text, parts, zones, found, at_starts, 5.0))
        assert fast == list(_naive_spans(rule, text)), rule.id


def _example_matches(rule):
    """(text, start, end) of every match of the rule in its own remove examples."""
    for example in rule.remove:
        text, _ = expected_output(example)
        for m in rule.compiled.finditer(text):
            if m.end() > m.start():
                yield text, m.start(), m.end()


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_what_the_prefilter_derives_holds_for_real_matches(rule):
    pre, start, last, needs = (
        prefixes(rule.pattern),
        starts(rule.pattern),
        last_chars(rule.pattern),
        required(rule.pattern),
    )
    matches = list(_example_matches(rule))
    assert matches, "a rule's remove examples must contain a match"
    for text, a, b in matches:
        piece = text[a:b]
        if pre is not None:
            assert piece.startswith(pre)
        if start is not None:
            assert piece.startswith(start)
        if last is not None:
            assert piece[-1] in last
        if needs is not None:
            assert any(n in piece for n in needs)
        shortest, longest = widths(rule.pattern)
        assert shortest <= len(piece) <= (longest if longest is not None else len(piece))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["(", "(Bac", "Baca", "aca", "[ik", "ab", "b"]), min_size=1),
    st.text(alphabet="(Bac[ikb x", max_size=60),
)
def test_the_literal_scan_finds_every_occurrence_even_overlapping_ones(literals, text):
    scan = Literals(set(literals)).scan(text)
    for lit in set(literals):
        expected = [i for i in range(len(text)) if text.startswith(lit, i)]
        assert scan.get(lit, []) == expected, lit  # in order, no repeats: `matches` relies on it


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["(", "(Bac", "Baca", "aca", "[ik", "ab", "b", "a b"]), min_size=1),
    st.text(alphabet="(Bac[ikb x", max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 6)), max_size=5),
)
def test_occurrences_carried_over_cuts_are_those_a_new_scan_finds(literals, text, raw_cuts):
    cuts, pos = [], 0  # sorted, disjoint, inside the text
    for start, length in sorted(raw_cuts):
        start = max(start, pos)
        if start + length > len(text):
            break
        cuts.append((start, start + length))
        pos = start + length
    cleaned = "".join(
        text[a:b]
        for a, b in zip([0] + [e for _, e in cuts], [s for s, _ in cuts] + [len(text)], strict=True)
    )
    lits = Literals(set(literals))
    carried = Occurrences(lits, text).after(cuts, cleaned).present()
    assert carried == lits.scan(cleaned)


def test_occurrences_within_ranges_are_those_that_start_inside():
    lits = Literals({"Baca", "aca", "juga"})
    text = "Baca juga. Baca lagi juga"
    near = Occurrences(lits, text).within([(0, 3), (11, 16)])
    assert near.present() == {"Baca": [0, 11], "aca": [1, 12]}


def test_later_passes_looking_only_near_seams_change_nothing(monkeypatch):
    fast = [CLEANER.clean(text) for _, text in TEXTS]
    # the slow way: every later pass looks at every unit again
    monkeypatch.setattr(passes, "_focus", lambda parts, zones, seams: range(len(parts)))
    slow = [CLEANER.clean(text) for _, text in TEXTS]
    assert fast == slow


@pytest.mark.parametrize("name,text", TEXTS, ids=[n for n, _ in TEXTS])
def test_site_packs_by_signature_are_those_a_plain_search_finds(name, text):
    from cleaner.packs import compile_pattern

    naive = [
        pack.name
        for pack, _ in CLEANER._sites
        if any(compile_pattern(sig).search(text) for sig in pack.signatures)
    ]
    assert CLEANER.site_packs(text) == naive


def test_reusing_the_site_choice_scan_for_cleaning_changes_nothing():
    # Without a URL, the scan that chooses the site packs also serves the cleaning; the slow
    # way scans again with the plan that cleans.
    for _, text in TEXTS:
        key = tuple(CLEANER.site_packs(text))
        plan = CLEANER._plans.get(key) or Plan(
            [*CLEANER._generic, *(r for p, rs in CLEANER._sites if p.name in key for r in rs)]
        )
        slow = passes.run_rules(text, plan, timeout=CLEANER.timeout, dedupe=True)
        assert CLEANER.clean(text) == slow


def test_a_full_stop_or_comma_is_no_required_literal():
    # in every paragraph: a signature "required" to hold "." would be searched in every text
    assert required(r"^[A-Z]+\.[a-z]+,[A-Z]") is None
    assert required(r"(?:Editor|Penulis)\s*:") == (":",)  # rarer in a paragraph: kept


_OLD_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\Z")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\u00a0ab.!?\"')]”’\n", max_size=40))
def test_body_like_without_a_word_list_is_the_plain_definition(text):
    # a full sentence of eight words or more, read the slow way
    plain = bool(_OLD_SENTENCE_END.search(text)) and len(text.split()) >= 8
    assert is_body_like(text) == plain


def test_body_like_on_the_corpus_units_is_the_plain_definition():
    for _, text in TEXTS:
        for u in units(text):
            piece = text[u.start : u.end]
            plain = bool(_OLD_SENTENCE_END.search(piece)) and len(piece.split()) >= 8
            assert is_body_like(piece) == plain, piece[:80]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .\t\u00a0\u3000\r\n", max_size=40))
def test_the_unit_break_pattern_parts_text_as_units_does(text):
    # the learner splits an example's context with it (the rest of a unit, the next unit)
    assert [p.strip() for p in UNIT_BREAK.split(text) if p.strip()] == [
        text[u.start : u.end] for u in units(text)
    ]


def test_the_unit_break_pattern_on_the_corpus():
    for _, text in TEXTS:
        parts = [p.strip() for p in UNIT_BREAK.split(text) if p.strip()]
        assert parts == [text[u.start : u.end] for u in units(text)]


def test_no_removal_is_blanks_alone():
    # a later pass's removal that wraps an earlier one leaves blanks on its sides: they go
    # with the earlier removal, not into a removal of blanks under the later rule's name
    for name, text in TEXTS:
        result = CLEANER.clean(text)
        assert all(r.text.strip() for r in result.removals), name


def test_rules_that_never_apply_cost_no_work_per_text(monkeypatch, tmp_path):
    """Ten times the rules (learned-style, `bench/run.py`'s scaling pack) add no regex call and
    almost no literal look-up on texts where they cannot match: the per-article cost must not
    grow with the rule count. Counted, not timed, so that the test does not depend on the VM."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from run import many_rules
    finally:
        sys.path.remove(str(ROOT / "bench"))
    pack = tmp_path / "many.toml"
    pack.write_text(many_rules(9 * len(RULES)), encoding="utf-8")
    counts = {"lookups": 0, "searches": 0, "fullmatches": 0}
    contains, matches = plan_module._contains, plan_module.Plan._matches

    def counted_contains(*args):
        counts["lookups"] += 1
        return contains(*args)

    def counted_matches(self, *args, **kwargs):
        counts["searches"] += 1
        yield from matches(self, *args, **kwargs)

    class Counted:
        def __init__(self, compiled):
            self.compiled = compiled

        def fullmatch(self, *args, **kwargs):
            counts["fullmatches"] += 1
            return self.compiled.fullmatch(*args, **kwargs)

    monkeypatch.setattr(plan_module, "_contains", counted_contains)
    monkeypatch.setattr(plan_module.Plan, "_matches", counted_matches)

    def work(cleaner: Cleaner) -> dict[str, int]:
        for line in cleaner._generic_plan._lines:
            line.compiled = Counted(line.compiled)
        for key in counts:
            counts[key] = 0
        for _, text in TEXTS:
            cleaner.clean(text)
        return dict(counts)

    few, many = work(Cleaner()), work(Cleaner(rules=[pack]))
    assert len(Cleaner(rules=[pack]).all_rules) >= 10 * len(RULES)
    assert many["searches"] == few["searches"] and many["fullmatches"] == few["fullmatches"]
    assert many["lookups"] <= 1.2 * few["lookups"], (few, many)


def test_a_site_pack_of_headlines_alone_shares_the_generic_plan_and_ends_links_exactly():
    # a learned pack without rules: its site's plan is the generic rules with its headlines,
    # built from the generic plan's structures (one scan of the text serves both), not anew
    from cleaner.packs import parse_pack

    headline = "Warren Buffett Raup Cuan Besar di Tengah Badai Tarif Trump yang Guncang Pasar"
    pack = parse_pack(f'[pack]\nname = "x"\nsites = ["x.id"]\nheadlines = ["{headline}"]\n')
    cleaner = Cleaner(packs=[pack])
    story = "Pengumuman Trump segera memicu gejolak di pasar global."
    text = f"Harga naik, kata dia. Baca Juga: {headline} {story}"
    plain = Cleaner().clean(text).text
    out = cleaner.clean(text, site="x.id").text
    assert out == f"Harga naik, kata dia. {story}"
    assert plain != out  # without the headline the engine reads on into the story
    [site_plan] = [p for key, p in cleaner._plans.items() if key]
    assert site_plan is not cleaner._generic_plan
    assert site_plan.literals is cleaner._generic_plan.literals
    assert site_plan.headlines is not cleaner._generic_plan.headlines


def _prefilters(plan: Plan) -> dict[str, list[str]]:
    """The shortcuts each rule of a plan has: a line rule's opening literals, required
    literals, last characters and longest match; a span or tail rule's search prefixes,
    required literals, and whether it is anchored at unit starts."""
    found: dict[str, list[str]] = {}
    for lr in plan._lines:
        have = {
            "opening": lr.prefix is not None,
            "literal": lr.needs is not None,
            "last": lr.last is not None,
            "width": lr.longest != float("inf"),
        }
        found[lr.rule.id] = [name for name, ok in have.items() if ok]
    for rule in plan.others:
        have = {
            "prefix": plan.prefixes[rule.id] is not None,
            "literal": plan.needs[rule.id] is not None,
            "anchored": rule.anchored,
        }
        found[rule.id] = [name for name, ok in have.items() if ok]
    return found


def test_no_shipped_rule_loses_a_prefilter():
    """A rule edit can silently cost every article: one more spelling can push a rule's
    openings past what the prefilter keeps, or leave its last character or width open, and
    the rule then runs on every unit or the whole text. Each generic rule's shortcuts are
    pinned in tests/cases/prefilters.json; losing one fails here (a new rule, or a rule that
    gains one, updates the file: run `python -c "import tests.test_plan as t;
    t.write_prefilters()"`)."""
    pinned = json.loads((ROOT / "tests/cases/prefilters.json").read_text(encoding="utf-8"))
    now = _prefilters(CLEANER._generic_plan)
    lost = {
        rule_id: sorted(set(pinned[rule_id]) - set(have))
        for rule_id, have in now.items()
        if rule_id in pinned and set(pinned[rule_id]) - set(have)
    }
    assert not lost, f"rules lost their prefilters (see the test's docstring): {lost}"
    assert not set(now) - set(pinned), "new rules: pin their prefilters (see the docstring)"


def write_prefilters() -> None:
    """Pin the generic rules' prefilters as they are now (after a deliberate change)."""
    now = _prefilters(CLEANER._generic_plan)
    lines = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(now.items()))
    (ROOT / "tests/cases/prefilters.json").write_text("{\n" + lines + "\n}\n", encoding="utf-8")
