"""Options and results: what counts as recurring, and the rules and rejections it gives."""

from __future__ import annotations

from dataclasses import dataclass

from ..packs import Rule, make_rule
from .normalising import MACROS


@dataclass(frozen=True, slots=True)
class LearnOptions:
    """What counts as recurring, and how much the learner may hold.

    A piece is learned when it is in at least `min_docs` documents *and* at least `min_share`
    of the site's documents. `max_keys` caps the counting table (about 200 bytes an entry,
    first sightings included), `max_examples` the examples kept per candidate (and written as
    `remove` examples).
    """

    min_docs: int = 3
    min_share: float = 0.2
    max_examples: int = 3
    max_keys: int = 200_000
    #: Longer lines or segments are never counted: boilerplate is short.
    max_chars: int = 400
    #: Longer candidates that read as prose are story text unless a cue says otherwise.
    prose_words: int = 25
    prose_chars: int = 200
    #: Repeated token sequences are found from runs of this many tokens.
    ngram: int = 6
    #: Related headlines the batch shows whole, written to the pack (the most frequent).
    max_headlines: int = 500
    #: A piece that shows what it is is learned from this share of the documents already
    #: (and five documents): a bracketed tag or placeholder with a cue word, or a credit
    #: label at the head or tail of articles (see `rulemaking._shows_itself`); boilerplate
    #: only some articles carry (a video embed, the byline of some writers). At `min_share`
    #: or above, nothing is learned below that.
    cue_share: float = 0.05

    def __post_init__(self) -> None:
        if self.min_docs < 2:
            raise ValueError("min_docs must be at least 2: one document cannot show a repeat")
        if not 0 <= self.min_share <= 1:
            raise ValueError("min_share must be between 0 and 1")
        if not 0 <= self.cue_share <= 1:
            raise ValueError("cue_share must be between 0 and 1")
        if self.max_examples < 1:
            raise ValueError("max_examples must be at least 1")
        if self.max_keys < 16:
            raise ValueError("max_keys must be at least 16")
        if self.ngram < 2:
            raise ValueError("ngram must be at least 2")
        if self.max_headlines < 0:
            raise ValueError("max_headlines must not be negative")


@dataclass(frozen=True, slots=True)
class LearnedRule:
    """One learned rule. `pattern` uses the pack's macros; `expanded` is ready to compile."""

    id: str
    category: str
    scope: str
    pattern: str
    expanded: str
    description: str
    docs: int
    remove: tuple[str, ...]
    keep: tuple[str, ...]
    keep_is_stock: bool = False  # no body line of the batch fit: a stock sentence is used
    extend: str = ""  # how a match grows past the pattern (a related marker: its headline)

    def rule(self, pack: str = "learned") -> Rule:
        """The rule as the engine runs it (for checks, or a `Plan` of your own), built and
        checked exactly as the loader builds the written pack's rule."""
        entry = {
            "id": self.id,
            "category": self.category,
            "description": self.description,
            "scope": self.scope,
            "pattern": self.pattern,
            "remove": list(self.remove),
            "keep": list(self.keep),
        }
        if self.extend:
            entry["extend"] = self.extend
        return make_rule(entry, pack=pack, macros=MACROS, path="<learned>")


@dataclass(frozen=True, slots=True)
class Rejected:
    """A piece that recurred but was not learned, and why."""

    text: str
    docs: int
    reason: str
