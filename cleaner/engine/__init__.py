"""The engine: compile rule packs once into a `Cleaner`, then clean any number of texts.

Pure: no I/O but reading the packs, no environment, no HTML. It imports `cleaner.packs` and
`cleaner.model`, never the layers above it (html, learn, cli, integrations).

- `cleaner`: `Cleaner` (packs and switches compiled once: thread-safe, picklable), `clean()`
  and `default_cleaner()` (the shipped rules, compiled once per process);
- `layout`: a text's units (the stretches between separators) and where its story starts;
- `prefilter`: what every match of a pattern must look like, read off the pattern;
- `plan`: a rule set compiled for one scan of literals per text, and the candidates it finds;
- `passes`: `run_rules`, the passes over one text (overlaps, tails, duplicates, fixpoint);
- `whitespace`: which blanks a removal takes with it;
- `examples`: running a rule's own remove/keep examples (`cleaner rules check`, the tests).
"""

from ..model import DUPLICATE_RULE
from ..packs import RuleError
from .cleaner import Cleaner, clean, default_cleaner
from .passes import DEFAULT_TIMEOUT, run_rules

__all__ = [
    "DEFAULT_TIMEOUT",
    "DUPLICATE_RULE",
    "Cleaner",
    "RuleError",
    "clean",
    "default_cleaner",
    "run_rules",
]
