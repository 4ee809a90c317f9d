"""From candidates to rules: the guards applied to what recurs, the pattern and examples of
each rule, its id, description and category, and the signatures of the site's pages."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from ..engine import Cleaner
from ..engine.examples import Example, check
from ..engine.headline import MAX_LEN
from ..engine.layout import UNIT_BREAK
from ..engine.passes import run_rules
from ..model import CATEGORIES
from ..packs import Rule, expand_macros, make_rule
from .cores import as_info, cores, peak
from .guards import (
    CUES,
    guess_category,
    letters,
    reads_as_sentence,
    repeat_reason,
    shape_of,
)
from .headlines import MARKER, Headlines
from .normalising import MACROS, ascii_fold, generalise, normalise, tokens
from .packfile import Learned
from .pieces import cue_words, ends_with_cue, opens_sentence
from .repeats import spaced
from .results import LearnedRule, Rejected
from .sightings import Info

if TYPE_CHECKING:  # the learner calls the finisher: only its type is needed here
    from .counting import Learner

_WORD = re.compile(r"\S+")


@dataclass(slots=True)
class _Candidate:
    docs: int
    info: Info
    text: str  # the first example
    scope: str = "line"
    pattern: str = ""
    expanded: str = ""
    category: str = "navigation"
    cue: str | None = None
    examples: tuple[str, ...] = ()
    repeat: bool = False  # a run of repeated tokens, trimmed to its core
    shape: str | None = None  # the shape that vouched for it, when no cue word did
    marker: bool = False  # a marker that opens a related link (`Baca juga:`)
    extend: str = ""  # how its match grows past the pattern (a marker: over the headline)


#: Of the context kept with an example (counting.CONTEXT), a remove example shows at most this.
SHOWN_CONTEXT = 60
STOCK_KEEP = "Pemerintah menyatakan akan meninjau kembali aturan itu dalam rapat pekan depan."
COVERED_SHARE = 0.8  # a candidate the known rules remove this much of is already covered
NEAR_TOTAL = 0.6  # a candidate that makes up this much of its documents is the article itself
#: This many learned lines that differ only in their first words, with numbers, are a table.
TABLE_ROWS = 3
#: The words a table's row opens with (a team's, a bank's, a region's name).
_ROW_HEAD = re.compile(r"[^\W\d_][\w.&’'-]*(?:[ \t]+[^\W\d_][\w.&’'-]*)*")
#: Below --min-share (see `LearnOptions.cue_share`), a piece needs this many documents at
#: least: in a small batch, three articles share a title or a sentence by chance.
FEW_MIN_DOCS = 5


class Finisher:
    def __init__(self, learner: Learner, known: Cleaner | None, url: str | None) -> None:
        self.l, self.known, self.url = learner, known, url
        self.o = learner.options
        self.rejected: list[Rejected] = []
        self.accepted: list[_Candidate] = []
        self.accepted_rules: list[_Candidate] = []
        self._runs: list[Info] = []

    def run(self) -> Learned:
        n = self.l.documents
        found = [
            _Candidate(self.l._counts[h], info, info.examples[0][1], marker=info.markers > 0)
            for h, info in self.l._info.items()
            if self.l._counts.get(h, 0) >= 2 and info.examples and not info.repeats
        ]
        found += self._repeats(n)
        # (a marker before a line of the same text: its rule takes the headline too)
        found.sort(key=lambda c: (-c.docs, not c.marker, -len(c.text), c.text))
        for cand in found:
            reason = self._reason(cand, n)
            if reason is None:
                self.accepted.append(cand)
            else:
                self.rejected.append(Rejected(cand.text, cand.docs, reason))
        self._tables()
        self.accepted = [c if c.marker else self._link(c) for c in self.accepted]
        rules = self._rules(n)
        sigs = _signatures(rules, n)
        site = self.l.site
        return Learned(
            site=site,
            documents=n,
            rules=tuple(rules),
            rejected=tuple(self.rejected),
            options=self.o,
            duplicates=self.l.duplicates,
            count_error=max(self.l.count_error, self.l.grams.count_error),
            sites=(site.lower(),) if "." in site else (),
            signatures=sigs,
            headlines=self._headlines(),
        )

    def _repeats(self, n: int) -> list[_Candidate]:
        """The cores of the runs of repeated tokens, at the learning threshold; and at the
        lower threshold of pieces that show what they are (`cue_share`), the cores that are
        below the learning threshold all through (a core at the lower threshold may run on
        from boilerplate into story words that its share of the articles repeat)."""
        o, learner = self.o, self.l
        threshold = max(o.min_docs, math.ceil(o.min_share * n))
        runs = [info for info in learner._info.values() if info.repeats]
        runs += [as_info(occ, o.max_examples) for occ in learner._first.values()
                 if "repeat" in occ.kinds]  # fmt: skip
        self._runs = runs
        count = learner.grams.count
        found = cores(runs, o.ngram, count, threshold, o.max_examples)
        low = max(o.min_docs, FEW_MIN_DOCS, math.ceil(o.cue_share * n))
        if low < threshold:
            # (only a run with a tag, placeholder or label in it can give what passes there)
            shown = [info for info in runs if any(_MAY_SHOW.search(e[1]) for e in info.examples)]
            found += [
                (docs, info)
                for docs, info in cores(shown, o.ngram, count, low, o.max_examples)
                if docs < threshold and peak(info, o.ngram, count) < threshold
            ]
        return [_Candidate(docs, info, info.examples[0][1], repeat=True) for docs, info in found]

    def _headlines(self) -> tuple[str, ...]:
        """The related headlines the batch showed whole, glued ones included: a link that
        recurs glued the same way ends where its documents part."""
        o, learner = self.o, self.l
        found = Headlines(learner.headlines.cap)
        found.counts = dict(learner.headlines.counts)
        links = [
            info for info in self._runs if any(MARKER.search(raw) for _, raw, _ in info.examples)
        ]
        for docs, info in cores(links, o.ngram, learner.grams.count, o.min_docs, o.max_examples):
            found.add_glued(info.examples, docs)
        return tuple(found.top(o.max_headlines))

    def _reason(self, c: _Candidate, n: int) -> str | None:
        """Why a candidate is not learned (None: it is)."""
        o = self.o
        seen = f"seen in {c.docs} of {n} documents"
        if c.docs < o.min_docs:
            return f"{seen}, fewer than --min-docs {o.min_docs}"
        share = f"{seen} ({c.docs / n:.0%}), less than --min-share {o.min_share:g}"
        few = c.docs < o.min_share * n  # then it must show what it is (`cue_share`)
        if few and (c.docs < o.cue_share * n or c.docs < FEW_MIN_DOCS):
            return share
        if few and c.repeat and (learned := self._runs_on(c)) is not None:
            return f"{share}, and it runs on from a piece learned above it ({_slug(learned)!r})"
        reason = self._guards(c)
        if reason is None and few and not _shows_itself(c):
            return f"{share}, and not a tag, placeholder or credit label (--cue-share)"
        return reason

    def _tables(self) -> None:
        """Unlearn the rows of a table: TABLE_ROWS accepted lines or more, with numbers and
        no cue word, that differ only in the words they open with (`Persib Bandung - 42
        poin`, `Persija Jakarta - 40 poin`; `Bank BCA | Beli Rp ...`). A sports or markets
        desk ends a fifth of its articles with the same table; boilerplate that varies in
        its first words is a name's (a credit), with a cue word."""
        rows: dict[str, list[_Candidate]] = {}
        for c in self.accepted:
            if c.cue is None and not c.marker and (head := _ROW_HEAD.match(c.text)):
                rest = c.text[head.end() :]
                if any(k == "num" for k, _ in tokens(rest)):
                    rows.setdefault(normalise(rest), []).append(c)
        table = {id(c): rest for rest, cs in rows.items() if len(cs) >= TABLE_ROWS for c in cs}
        for c in self.accepted:
            if id(c) in table:
                reason = f"a row of a table ({TABLE_ROWS} or more lines end {table[id(c)]!r})"
                self.rejected.append(Rejected(c.text, c.docs, reason))
        self.accepted = [c for c in self.accepted if id(c) not in table]

    def _runs_on(self, c: _Candidate) -> str | None:
        """The text of a piece learned at --min-share that the repeated token sequence `c`
        holds: a core at the lower threshold may run on from boilerplate into what a few
        articles put after it (a line or segment ends where its text does)."""
        mine = normalise(spaced(c.text))
        for a in self.accepted:
            if normalise(spaced(a.text)) in mine:
                return a.text
        return None

    def _guards(self, c: _Candidate) -> str | None:
        o, info = self.o, c.info
        covered = self._covered(c)
        if covered:
            return covered
        if c.marker:
            return self._marker(c)
        self._shape(c)
        if not c.examples:
            return "its generalised pattern does not remove its own examples"
        for a in self.accepted:
            if c.docs <= a.docs and _inside(c, a):
                return f"part of a longer repeated piece (learned as {_slug(a.text)!r})"
            if _inside(a, c, raw=True):
                return f"removed by a piece learned before (learned as {_slug(a.text)!r})"
        literal = "".join(t for k, t in tokens(c.text) if k in ("lit", "ws", "cue"))
        words = _WORD.findall(c.text)
        if letters(literal) < 3 or (len(words) == 1 and words[0][0].islower()):
            return "too short to remove safely (a lone common word)"
        if info.leads and not _names_recur(info.leads):
            # `{name} - Kompas.com`: a reporter's name comes again across a batch, the Title
            # Case words of headlines before the site's name do not (but a daily series')
            return "opens with other capitalised words in most documents: headlines, no names"
        share = info.share / max(1, info.seen)
        if share >= NEAR_TOTAL:
            return f"makes up {share:.0%} of its documents: the article itself, not boilerplate"
        c.category, c.cue = guess_category(c.text)
        if c.category == "navigation":
            if _is_dateline(c, words):
                c.category = "dateline"
            elif _after_related_cue(c):
                c.category, c.cue = "related", "after a 'Baca juga' cue"
        # A cue of a category says "boilerplate" ("Editor:", "WhatsApp"); navigation words
        # ("Selanjutnya", "Halaman") open story sentences too, so they never vouch for one.
        if c.text[0] in "\"“‘'" or c.text.startswith(('("', "(“")):
            return "a quotation: story text reprinted across articles"
        if opens_sentence(c.text, c.info.examples):  # (a repeat or a sentence-like segment)
            return "related cue words that open a sentence of the story, no link"
        if c.repeat:
            reason, c.category, c.shape = repeat_reason(c.text, info, c.category)
            return reason
        if c.cue is not None and c.category not in ("navigation", "dateline"):
            return None
        kinds = {k for k, _ in tokens(c.text)}
        if c.cue is None and "num" in kinds and info.middle * 2 >= info.seen:
            # `Bank BCA | Beli Rp 16.375 | Jual Rp 16.577`, `Persib Bandung - 42 poin`: the
            # rows of a table that a fifth of a week's articles print
            return "numbers without a cue word in the middle of articles: a table's row"
        lower = sum(w[0].islower() for w in words)
        if (len(words) > o.prose_words or len(c.text) > o.prose_chars) and lower * 2 >= len(words):
            return f"long and reads as prose ({len(words)} words): story text"
        if reads_as_sentence(c.text, words):
            if kinds & {"num", "day", "date"}:
                return "a sentence with numbers or dates in it: story text from a template"
            if info.middle * 2 >= info.seen:
                return "reads as a sentence and sits in the middle of articles: story text"
        return None

    def _covered(self, c: _Candidate) -> str | None:
        if self.known is None:
            return None
        hits: dict[str, int] = {}
        covered = 0
        for before, raw, after in c.info.examples:
            # judged in its context: a byline glued into a paragraph is not removed by a rule
            # that would remove it on a line of its own
            result = self.known.clean(before + raw + after, url=self.url)
            a, b = len(before), len(before) + len(raw)
            overlap: dict[str, int] = {}  # a rule may remove several spans of the context
            for r in result.removals:
                size = max(0, min(b, r.end) - max(a, r.start))
                overlap[r.rule_id] = overlap.get(r.rule_id, 0) + size
            if sum(overlap.values()) >= COVERED_SHARE * len(raw):
                covered += 1
                for rule_id, size in overlap.items():
                    hits[rule_id] = hits.get(rule_id, 0) + size
        if covered * 2 <= len(c.info.examples):
            return None
        rule_id = max(hits, key=lambda k: hits[k])
        rule = self.known.all_rules.get(rule_id)
        category = rule.category if rule else "duplicate"
        note = "" if CATEGORIES[category] else f", kept unless --drop {category}"
        return f"already removed by rule {rule_id} ({category}{note})"

    def _marker(self, c: _Candidate) -> str | None:
        """Related cue words (`Baca juga:`, counted in any case and with any separator or
        none) learned with the headline after them, which the engine's headline extension
        ends, when half of their sightings have a headline after them."""
        info = c.info
        c.category, c.cue = "related", cue_words(c.text)
        if info.headlines_after * 2 < info.checked or not info.checked:
            return "a related marker, but what follows it is mostly no headline"
        c.pattern = _cue_pattern(c.cue.split())
        c.expanded = expand_macros(c.pattern, MACROS, "<learned>")
        c.scope = "span"
        c.extend = "headline-lines" if info.ends_line * 2 > info.checked else "headline"
        if not self._links(c):
            return "a related marker whose rule does not remove its own links"
        return None

    def _link(self, c: _Candidate) -> _Candidate:
        """A learned piece that ends with a related cue (`... Editor's Picks`, `Berita
        Terkait` on a line of its own) and has headlines after it in two of three sightings:
        its rule takes them too, as a marker's does (unless its own links then fail). Returns
        the candidate to learn: `c` itself, or its copy that takes the headlines."""
        info = c.info
        if not info.checked or info.headlines_after * 3 < info.checked * 2:
            return c
        if not ends_with_cue(c.text):
            return c
        lines = info.ends_line * 2 > info.checked
        pattern = "{unit_start}" + c.pattern if c.scope == "line" else c.pattern
        pattern += "{unit_end}" if lines else ""
        link = replace(
            c,
            scope="span",
            extend="headline-lines" if lines else "headline",
            pattern=pattern,
            expanded=expand_macros(pattern, MACROS, "<learned>"),
        )
        return link if self._links(link) else c

    def _links(self, c: _Candidate) -> bool:
        """Remove examples for a rule that takes the headline after its piece: the piece
        with the headline line under it, or with the rest of its line (the link marked when
        the story goes on after it). False if none holds."""
        rule = _probe_rule(c)
        kept = []
        for _, raw, after in c.info.examples:
            lines = UNIT_BREAK.split(after, 2)  # the rest of its unit, the next unit
            if c.extend == "headline-lines":
                link = f"{raw}\n{lines[1]}" if len(lines) > 1 else ""
            else:
                link = _glued_link(rule, raw, lines[0])
            if link and "[[" not in raw + after and check(Example(rule, "remove", link)) is None:
                kept.append(link)
        c.examples = tuple(kept)
        return bool(kept)

    def _shape(self, c: _Candidate) -> None:
        """Choose the scope, build the pattern, and keep the examples it really removes."""
        info = c.info
        if c.repeat:  # token by token, so that it matches with or without blanks between
            body = generalise(spaced(c.text), *(spaced(raw) for _, raw, _ in info.examples))
            body = body.replace(r"\s+", r"\s*")
        else:
            body = generalise(c.text, *(raw for _, raw, _ in info.examples))
        if c.repeat or info.spans * 2 >= info.seen:
            c.scope = "span"
            first, last = c.text[0], c.text[-1]
            lead = (
                r"(?<![\p{Lu}\p{N}])" if first.isupper() else r"(?<!\w)" if first.isalnum() else ""
            )
            trail = r"(?![\p{Ll}\p{N}])" if last.isalnum() else ""
            c.pattern = f"{lead}{body}{trail}"
        elif info.blocks > info.lines:
            c.scope = "span"
            c.pattern = "{unit_start}" + body + "{unit_end}"
        else:
            c.scope = "line"
            c.pattern = body
        c.expanded = expand_macros(c.pattern, MACROS, "<learned>")
        rule = _probe_rule(c)
        kept: list[str] = []
        for before, raw, after in info.examples:
            if "[[" in raw or "]]" in raw:
                continue  # would read as the [[...]] marker of a remove example
            before = before[before.rfind("\n") + 1 :]  # the piece's own line
            after = after.split("\n", 1)[0]
            choices = [raw]
            context = before + after
            if (
                c.scope == "span"
                and context.strip()
                and "[[" not in context
                and "]]" not in context
            ):
                # real context shows the rule cuts the piece out of a paragraph cleanly
                if len(before) > SHOWN_CONTEXT:
                    before = before[-SHOWN_CONTEXT:]
                    before = before[before.find(" ") + 1 :] if " " in before else before
                if len(after) > SHOWN_CONTEXT:
                    after = after[:SHOWN_CONTEXT]
                    after = after[: after.rfind(" ")] if " " in after else after
                choices.insert(0, f"{before.lstrip()}[[{raw}]]{after.rstrip()}")
            for example in choices:
                if check(Example(rule, "remove", example)) is None:
                    kept.append(example)
                    break
        c.examples = tuple(kept)

    def _rules(self, n: int) -> list[LearnedRule]:
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(self.l.site).lower()).strip("-") or "site"
        used: set[str] = set()
        rules = []
        for c in self.accepted:
            base = f"learned-{slug}-{_slug(c.text)}"
            rule_id, k = base, 2
            while rule_id in used:
                rule_id, k = f"{base}-{k}", k + 1
            used.add(rule_id)
            keep, stock = self._keep(c)
            rules.append(
                LearnedRule(
                    id=rule_id,
                    category=c.category,
                    scope=c.scope,
                    pattern=c.pattern,
                    expanded=c.expanded,
                    description=_describe(c, n),
                    docs=c.docs,
                    remove=c.examples,
                    keep=(keep,),
                    keep_is_stock=stock,
                    extend=c.extend,
                )
            )
        return rules

    def _keep(self, c: _Candidate) -> tuple[str, bool]:
        """A real story sentence of the batch that the rule leaves alone (checked)."""
        rule = _probe_rule(c)
        pool = self.l._bodies
        turn = len(self.accepted_rules) % max(1, len(pool))  # vary the examples a little
        self.accepted_rules.append(c)
        for line in [*pool[turn:], *pool[:turn], STOCK_KEEP]:
            if check(Example(rule, "keep", line)) is None:
                return line, line is STOCK_KEEP
        raise AssertionError("a learned rule removes the stock keep sentence")  # pragma: no cover


def _cue_pattern(words: list[str]) -> str:
    r"""The pattern of a marker of related cue words, as `pieces.markers` counts them: with a
    separator, capitalised or in lower case, not inside a word nor a quotation (but glued to
    a lower-case word when capitalised); without one, capitalised, at a line or unit start or
    glued to the word or stop before it, before a headline in capitals.

    >>> import regex
    >>> rx = regex.compile(_cue_pattern(["Baca", "juga"]), regex.MULTILINE)
    >>> [bool(rx.search(t)) for t in ("kata dia.Baca juga: X", "BACA JUGA - X", "baca juga: x",
    ...     "membaca juga X", "baca juga X", "“Baca juga: Pasal 12”", "Ia. Baca Juga Pasal 4",
    ...     "Ia.\nBaca Juga Harga Naik", "kata dia.Baca Juga Harga Naik", "Baca juga: buku")]
    [True, True, False, False, False, False, False, True, True, False]
    """
    gap = r"[ \t\u00a0]*"
    low = [regex.escape(w.lower()) for w in words]
    title = [f"[{w[0].upper()}{w[0]}]{w[1:]}" if w[:1].isalpha() else w for w in low[1:]]
    capital = gap.join([low[0][:1].upper() + low[0][1:], *title])
    upper = gap.join(w.upper() for w in low)
    separated = r"""(?:(?<![\w“"‘'])(?<![“"‘'][ \t\u00a0]+)|(?<=\p{Ll})(?=\p{Lu}))"""
    opening = r"""(?:(?<=^[ \t\u00a0]*)|(?<=[ \t\u00a0]{2})|(?<=[\p{Ll}.!?,;)\]”"’]))"""
    sep = r"[ \t\u00a0]*[:|\-–—]"
    headline = r"""(?=\s*["“‘']?[\p{Lu}\p{N}]|[ \t\u00a0]*$)"""  # or the end of the line
    return (
        f"(?:{separated}(?:{capital}|{upper}|{gap.join(low)}){sep}{headline}"
        f"|{opening}(?:{capital}|{upper}){headline})"
    )


def _glued_link(rule: Rule, marker: str, rest: str) -> str:
    """A remove example of a marker rule from a marker and the rest of its unit: the whole
    of it when the rule takes it all (a link on its own line), else the link marked with
    [[...]] and the story that goes on after it (a link glued into a paragraph); none when
    the rule takes the marker alone (where the headline ends was not clear)."""
    text = marker + rest
    if len(text) > MAX_LEN + SHOWN_CONTEXT:
        text = text[: MAX_LEN + SHOWN_CONTEXT]
        text = text[: text.rfind(" ")] if " " in text else text
    removals = run_rules(text, [rule]).removals
    if (
        len(removals) != 1
        or removals[0].start != 0
        or not text[len(marker) : removals[0].end].strip()
    ):
        return ""
    end = removals[0].end
    if not text[end:].strip():
        return text
    return f"[[{text[:end].rstrip()}]] {text[end:].lstrip()}"


def _probe_rule(c: _Candidate) -> Rule:
    entry = {
        "id": "learned-probe",
        "category": c.category,
        "description": "a candidate under test",
        "scope": c.scope,
        "pattern": c.pattern,
    }
    if c.extend:
        entry["extend"] = c.extend
    return make_rule(entry, pack="learned", macros=MACROS, path="<learned>", examples=False)


def _shows_itself(c: _Candidate) -> bool:
    """What a piece below --min-share must show. A pair of same-week articles shares a
    subheading, a background sentence or the word after a banner by chance more often than
    a fifth of a batch does, and neither a cue word nor a shape is proof: `Komentar`,
    `Aplikasi` and `Iklan` open subheadings, which come in capitals, with a gloss in brackets
    (`(pinjol)`) or as a prompt (`Ayo Daftar ...`), and a sentence may end in an editor's
    code. So it needs all of:

    - a cue word of its category; no sentence and no prose, also before a closing code or
      colon; no related marker (markers and their links need --min-share);
    - a run of repeated tokens: a place between sentences or units (a run glued inside a
      sentence may end on a story word);
    - the whole piece a bracketed tag or a placeholder (`[Gambas:Video 20detik]`, `Loading
      ...`), anywhere; or a credit label of a person or photo that opens it (`Pewarta:`,
      `Editor:`, `Foto:`; not `Sumber:`, which also credits a table) at the head or tail of
      most of its articles.
    """
    # (a marker, and a piece after a `Baca juga` cue, are related; navigation has no cue)
    if c.cue is None or c.category in ("related", "navigation", "dateline"):
        return False
    if MARKER.search(c.text) or _prose(c.text):
        return False
    info = c.info
    if c.repeat and info.seams * 2 < info.seen:
        return False
    shape = shape_of(c.text)
    if shape is not None and shape[1] in ("a bracketed tag", "a placeholder"):
        return True
    label = c.cue.rstrip().endswith(":") and c.text.lstrip("([ ").startswith(c.cue)
    if not label or c.cue.split()[0].rstrip(":") in ("Sumber", "Source"):
        return False
    return (info.head + info.tail) * 2 > info.seen


# what a piece below --min-share must hold to pass `_shows_itself`: a bracketed tag's bracket,
# a placeholder's dots, a label's colon
_MAY_SHOW = re.compile(r"\[|:|…|\.\s*\.\s*\.")
# a closing editor's code, credit or asterisk: `... komentar. (mdk/rhm)`, `... DKI.(*)`
_CLOSING_CODES = re.compile(r"(?:\s*\([^()\n]{0,40}\))+\s*\Z")


def _prose(text: str) -> bool:
    """Reads as a sentence or as prose (five words or more, most of them lower-case), once a
    closing code and a colon are off: `Hingga berita ini diturunkan, ... komentar. (mdk/rhm)`,
    `Unduh dan instal aplikasi PLN Mobile di ponsel`."""
    core = _CLOSING_CODES.sub("", text).rstrip(" :")
    if reads_as_sentence(core, core.split()):
        return True
    words = [w for w in core.split() if w[0].isalpha() and "://" not in w and "www." not in w]
    return len(words) >= 5 and sum(w[0].islower() for w in words) * 2 > len(words)


def _inside(part: _Candidate, whole: _Candidate, raw: bool = False) -> bool:
    """`part` occurs inside every example of `whole` (so a rule for `whole` removes it);
    with `raw`, `part`'s rule removes the whole of every example of `whole`."""
    rx = regex.compile(part.expanded, regex.VERSION0 | regex.MULTILINE)
    if raw:
        return all(rx.fullmatch(text.strip()) for _, text, _ in whole.info.examples)
    return all(rx.search(text) for _, text, _ in whole.info.examples)


_RELATED = dict(CUES)["related"]
_RELATED_RUN = regex.compile(r"[^.!?\n]{0,160}\Z")


def _after_related_cue(c: _Candidate) -> bool:
    """Glued after 'Baca juga' (maybe after other linked headlines): a related headline."""
    for before, _, _ in c.info.examples:
        cues = list(_RELATED.finditer(before))
        if not cues or not _RELATED_RUN.match(before, cues[-1].end()):
            return False
    return True


def _is_dateline(c: _Candidate, words: list[str]) -> bool:
    """A place name on its own above the lead ("Jakarta" then "-"), or a "CITY -" prefix."""
    short = len(words) <= 4 and all(w[0].isupper() for w in words if w[0].isalpha())
    dashed = (
        c.info.dash_after * 2 >= c.info.seen
        or c.text.rstrip().endswith(("-", "–", "—"))
        or any(w in ("-", "–", "—") for w in words)  # "KONTAN.CO.ID - JAKARTA."
    )
    return short and dashed and c.info.head * 2 >= c.info.seen


def _describe(c: _Candidate, n: int) -> str:
    info = c.info
    where = max(
        (info.head, "at the top of articles"),
        (info.tail, "at the end of articles"),
        (info.middle, "inside articles"),
    )[1]
    what = {"line": "Repeated line", "span": "Repeated text"}[c.scope]
    if c.extend:
        marker = "Related-link marker" if c.category == "related" else "Marker"
        what = (marker if c.marker else "Repeated text ending in a related cue") + (
            ", with the headline lines under it," if c.extend == "headline-lines"
            else ", with the headline after it,"
        )  # fmt: skip
    elif c.scope == "span" and c.pattern.startswith("{unit_start}"):
        what = "Repeated line (split at links)"
    elif c.scope == "span" and (c.repeat or info.spans * 2 >= info.seen):
        what = "Repeated " + ("token sequence" if c.repeat else "text") + " glued into paragraphs"
        where = where.replace("at the", "near the").replace("inside articles", "in articles")
    cue = f"; cue {c.cue!r}" if c.cue else f"; shape: {c.shape}" if c.shape else ""
    return f"{what} {where}: seen in {c.docs} of {n} documents ({c.docs / n:.0%}){cue}"


def _names_recur(leads: dict[str, int]) -> bool:
    """Whether the names that open a piece are a staff's: most of its sightings have a name
    that comes more than once (a reporter writes several articles of a batch; headlines are
    written once, a daily series' title, `Harga Emas Hari Ini`, being the exception).

    >>> _names_recur({"Ani Rahma": 3, "Budi Santoso": 2, "Siti": 1})
    True
    >>> _names_recur({"Harga Emas Hari Ini": 60, "": 140})  # names past the cap: seen once
    False
    >>> _names_recur({"Harga Emas Hari Ini": 3, "Banjir Rendam Bekasi": 1, "Jokowi Resmikan Tol": 1,
    ...               "Kurs Rupiah Melemah": 1, "Timnas Menang Lagi": 1})
    False
    """
    again = sum(c for lead, c in leads.items() if c >= 2 and lead)  # ("": names past the cap)
    return 2 * again >= sum(leads.values()) + 1


def _slug(text: str, words: int = 4) -> str:
    """Kebab-case from the first literal words of a piece: 'Baca juga: X' -> 'baca-juga-x'."""
    literal = "".join(t if k in ("lit", "cue") else " " for k, t in tokens(text))
    found = re.findall(r"[a-z0-9]+", ascii_fold(literal).lower())[:words]
    return "-".join(found)[:40].strip("-") or "line"


_MARKED = re.compile(r"^.*\[\[|\]\].*$", re.S)


def _signatures(rules: list[LearnedRule], n: int) -> tuple[str, ...]:
    """Patterns that identify the site's pages when no URL is given: its most common rules."""
    picked = [
        r.expanded
        for r in sorted(rules, key=lambda r: -r.docs)
        if r.docs >= 0.25 * n
        and letters(_MARKED.sub("", r.remove[0])) >= 10
        and r.category != "dateline"
    ]
    return tuple(picked[:3])
