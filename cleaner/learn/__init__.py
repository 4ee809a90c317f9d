"""Learn a site's boilerplate from a batch of its articles: lines and spans that repeat.

Within one site, boilerplate repeats across articles while story text does not. A `Learner`
reads the documents of one site one at a time and counts, once per document, every line and
every glued sentence-like segment, normalised first: white space collapsed, and numbers, dates,
day names and the names after byline cues (`Editor:`, `Reporter:` ...) replaced by
placeholders, so `22 Views` and `105 Views` are one line. It also counts every run of 6
tokens, so that boilerplate glued where no line or sentence end marks it is found too, every
marker of related links (`Baca juga:`, `BERITA TERKAIT`: cue words, learned with the headline
after them, which varies from article to article), and collects the related headlines the
batch shows whole (`Learned.headlines`). The counts live
in tables with a hard cap (hashes, pruned Misra-Gries style), so a batch of any size is read
in one pass in bounded memory. `finish()` keeps what recurs in enough documents and passes
the guards against learning story text, and returns a `Learned`: rules in the format of
`rules/` (`to_toml()`), and every candidate it rejected with the reason.

>>> stories = [
...     "Harga beras di pasar induk naik lagi sejak awal pekan ini, kata pedagang.",
...     "Banjir merendam dua desa di hulu sungai setelah hujan turun semalaman.",
...     "Tim nasional berlatih di Bali menjelang laga persahabatan bulan depan.",
... ]
>>> docs = [f"{story}\\n{n} Pembaca" for story, n in zip(stories, (12, 7, 1050))]
>>> learned = learn(docs, site="contoh.id", known=None)
>>> [(r.id, r.category, r.scope, r.pattern) for r in learned.rules]
[('learned-contoh-id-pembaca', 'byline', 'line', '{num}\\\\s+Pembaca')]
>>> learned.rules[0].description
"Repeated line at the end of articles: seen in 3 of 3 documents (100%); cue 'Pembaca'"

Above the engine, beside `cleaner.html`: it imports `cleaner.engine` (to check a rule against
its examples and the known rules), `cleaner.packs` (rules are built with `make_rule` and
`expand_macros`, as the loader builds them) and `cleaner.model`. By stage:

- `normalising`: a piece's counting key (`normalise`) and its pattern (`generalise`, `MACROS`);
- `pieces`: the lines, glued segments and markers of a document that are counted;
- `repeats`: tokens, the counting table of their n-grams (`Grams`), a document's runs of
  repeated tokens, and whether a line is fresh (no earlier document had any of its n-grams);
- `sightings`: where a piece sits in a document (`Occurrence`, `place`), what is known of one
  that recurs (`Info`);
- `guards`: categories by cue words (`CUES`, `guess_category`), what reads as story text, the
  shapes of boilerplate (`shape_of`) and what a repeated token sequence must show;
- `headlines`: the related headlines a batch shows whole (`Headlines`);
- `counting`: the `Learner`, counting in bounded memory;
- `cores`: from runs of repeated tokens to candidates (each run trimmed to its core);
- `rulemaking`: from candidates to rules (the guards applied, patterns, ids, descriptions);
- `results`: `LearnOptions`, `LearnedRule`, `Rejected`;
- `packfile`: `Learned`, one site's result (its rules and headlines), and its TOML pack;
- `batch`: `site_of`, `Batch` (one learner per site), `learn()`, `known_cleaner()`;
- `same_run`: learning and cleaning in one run: `finish_sites`, `run_packs`, `known_of`,
  `pack_file_name`.
"""

from .batch import Batch, known_cleaner, learn, site_of
from .counting import Learner
from .guards import CUES, guess_category
from .normalising import MACROS, generalise, normalise
from .packfile import Learned
from .pieces import logical_lines, segments
from .results import LearnedRule, LearnOptions, Rejected
from .same_run import finish_sites, known_of, pack_file_name, run_packs

__all__ = [
    "CUES",
    "MACROS",
    "Batch",
    "LearnOptions",
    "Learned",
    "LearnedRule",
    "Learner",
    "Rejected",
    "finish_sites",
    "generalise",
    "guess_category",
    "known_cleaner",
    "known_of",
    "learn",
    "logical_lines",
    "normalise",
    "pack_file_name",
    "run_packs",
    "segments",
    "site_of",
]
