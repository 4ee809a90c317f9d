"""Rule packs: TOML files in `rules/`, loaded and checked before any text is cleaned.

A pack is one file: a `[pack]` table (name, description, and for site packs the `sites` it
applies to and `signatures` that identify its pages), optional `[macros]` (named regex
fragments a pattern can use as `{name}`), and `[[rule]]` entries. Every problem is reported as
one `RuleError` that starts with the file and the rule id:

>>> pack = load_pack(default_rules_dir() / "id-generic.toml")
>>> pack.rules[0].id, pack.rules[0].category
('ad-banner', 'ad')
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import regex

from ..model import CATEGORIES

SCOPES = ("line", "span", "tail")
ZONES = ("any", "head", "tail", "edge")
#: How a span rule's match may grow past the pattern (code, not regex: see `cleaner.engine`):
#: `headline` to the end of the linked headline after a marker, `headline-lines` over the
#: headline lines under a marker on its own line, `repeats` over the lines after a marker
#: that the document repeats further down (a table of contents).
EXTENDS = ("headline", "title", "headline-lines", "repeats")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_MACRO = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_GROUP_NAMES = re.compile(r"\(\?P?<[A-Za-z_]|\(\?P=|\\[1-9]|\\g<")
_RULE_KEYS = {
    "id", "category", "description", "scope", "pattern", "zone", "remove", "keep",
    "todo_remove", "todo_keep", "aliases", "extend",
}  # fmt: skip
_PACK_KEYS = {"name", "description", "language", "sites", "signatures", "headlines"}
FLAGS = regex.VERSION0 | regex.MULTILINE


class RuleError(ValueError):
    """A rule pack that cannot be used. The message names the file and, where known, the rule."""

    def __init__(self, path: str | Path, rule_id: str | None, problem: str) -> None:
        self.path, self.rule_id, self.problem = str(path), rule_id, problem
        where = f"{path}: rule {rule_id}" if rule_id else str(path)
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule. `pattern` is the source after macro expansion; `compiled` is ready to run."""

    id: str
    category: str
    description: str
    scope: str
    pattern: str
    zone: str
    pack: str
    remove: tuple[str, ...]
    keep: tuple[str, ...]
    todo_remove: tuple[str, ...] = ()
    todo_keep: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    #: The pattern starts with {unit_start}: the engine tries it only where a unit starts.
    anchored: bool = False
    #: How the match grows past the pattern (one of EXTENDS), or "" (it does not).
    extend: str = ""

    @property
    def compiled(self) -> regex.Pattern:
        return compile_pattern(self.pattern)


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    path: str
    description: str
    rules: tuple[Rule, ...]
    sites: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()
    #: Related-article headlines known whole (a learned pack's batch saw them): a glued
    #: headline after a marker ends exactly where one of these ends.
    headlines: tuple[str, ...] = ()

    @property
    def is_site(self) -> bool:
        return bool(self.sites or self.signatures)


_cache: dict[str, regex.Pattern] = {}


def compile_pattern(pattern: str) -> regex.Pattern:
    # Patterns are shared by many rules and cleaners; compile each source once per process.
    compiled = _cache.get(pattern)
    if compiled is None:
        compiled = _cache[pattern] = regex.compile(pattern, FLAGS)
    return compiled


def _strings(path: Path, rule_id: str | None, entry: dict, key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(path, rule_id, f"'{key}' must be a list of strings")
    return tuple(value)


def _expand(path: Path, rule_id: str, pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    """Replace every `{name}` by its macro (macros may use other macros, up to 8 deep)."""
    if depth > 8:
        raise RuleError(path, rule_id, "macros nest too deep (a macro that uses itself?)")

    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name not in macros:
            raise RuleError(path, rule_id, f"pattern uses unknown macro {{{name}}}")
        return f"(?:{_expand(path, rule_id, macros[name], macros, depth + 1)})"

    return _MACRO.sub(sub, pattern)


def expand_macros(pattern: str, macros: dict[str, str], path: str | Path = "<memory>") -> str:
    """`pattern` with every `{name}` replaced by its macro, as a pack's rules are.

    >>> expand_macros("{word}+", {"word": "[a-z]"})
    '(?:[a-z])+'
    """
    return _expand(Path(path), "", pattern, macros)


def make_rule(
    entry: dict,
    *,
    pack: str,
    macros: dict[str, str] | None = None,
    path: str | Path = "<memory>",
    examples: bool = True,
) -> Rule:
    """A rule from a `[[rule]]` table (a dict with the same keys), checked exactly as a pack's
    rules are: code that writes rules (`cleaner learn`) builds them the same way the loader
    does. `examples=False` lets a rule without remove/keep examples through (a probe).

    >>> make_rule({"id": "x", "category": "ad", "description": "d", "pattern": "IKLAN",
    ...            "remove": ["IKLAN"], "keep": ["Iklan itu."]}, pack="mine").scope
    'line'
    """
    return _rule(Path(path), pack, entry, macros or {}, examples=examples)


def _rule(
    path: Path, pack: str, entry: object, macros: dict[str, str], examples: bool = True
) -> Rule:
    if not isinstance(entry, dict):
        raise RuleError(path, None, "every [[rule]] must be a table")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise RuleError(path, str(rule_id) if rule_id else None, "id must be kebab-case")
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise RuleError(path, rule_id, f"unknown key(s): {', '.join(sorted(unknown))}")
    for key in ("category", "description", "pattern"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise RuleError(path, rule_id, f"'{key}' is required and must be a non-empty string")
    category, scope = entry["category"], entry.get("scope", "line")
    zone = entry.get("zone", "any")
    if category not in CATEGORIES:
        known = ", ".join(CATEGORIES)
        raise RuleError(path, rule_id, f"unknown category '{category}' (known: {known})")
    if scope not in SCOPES:
        raise RuleError(path, rule_id, f"scope must be one of {', '.join(SCOPES)}, not '{scope}'")
    if zone not in ZONES:
        raise RuleError(path, rule_id, f"zone must be one of {', '.join(ZONES)}, not '{zone}'")
    extend = entry.get("extend", "")
    if extend and extend not in EXTENDS:
        raise RuleError(
            path, rule_id, f"extend must be one of {', '.join(EXTENDS)}, not '{extend}'"
        )
    if extend and scope != "span":
        raise RuleError(path, rule_id, "only a span rule can extend its match")
    if "\n" in entry["description"].strip():
        raise RuleError(path, rule_id, "description must be one line")
    pattern = _expand(path, rule_id, entry["pattern"], macros)
    try:
        compiled = compile_pattern(pattern)
    except regex.error as exc:
        raise RuleError(path, rule_id, f"pattern does not compile: {exc}") from None
    if compiled.fullmatch(""):
        raise RuleError(path, rule_id, "pattern matches the empty string")
    if _GROUP_NAMES.search(pattern):
        # the engine combines patterns into one alternation of named groups
        raise RuleError(path, rule_id, "patterns may not use named groups or backreferences")
    remove, keep = (_strings(path, rule_id, entry, k) for k in ("remove", "keep"))
    if examples and (not remove or not keep):
        raise RuleError(path, rule_id, "needs at least one 'remove' and one 'keep' example")
    return Rule(
        id=rule_id,
        category=category,
        description=entry["description"].strip(),
        scope=scope,
        pattern=pattern,
        zone=zone,
        pack=pack,
        remove=remove,
        keep=keep,
        todo_remove=_strings(path, rule_id, entry, "todo_remove"),
        todo_keep=_strings(path, rule_id, entry, "todo_keep"),
        aliases=_strings(path, rule_id, entry, "aliases"),
        anchored=scope != "line" and entry["pattern"].lstrip().startswith("{unit_start}"),
        extend=extend,
    )


def load_pack(path: str | Path) -> Pack:
    """Read and check one TOML rule pack; any fault raises `RuleError` naming file and rule."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(path, None, f"cannot read rule file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise RuleError(path, None, "rule file is not UTF-8") from None
    return parse_pack(text, path)


def parse_pack(text: str, path: str | Path = "<memory>") -> Pack:
    """Check one pack given as TOML text (a pack learned in this run, or broadcast to Spark
    executors: no file needed); `path` names it in messages. Same checks as `load_pack`.

    >>> text = (default_rules_dir() / "en-generic.toml").read_text(encoding="utf-8")
    >>> parse_pack(text, "en-generic.toml").name
    'en-generic'
    """
    path = Path(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(path, None, f"invalid TOML: {exc}") from None
    meta = data.get("pack", {})
    if not isinstance(meta, dict) or set(meta) - _PACK_KEYS:
        raise RuleError(path, None, f"[pack] may only hold {', '.join(sorted(_PACK_KEYS))}")
    name = meta.get("name", path.stem)
    macros = data.get("macros", {})
    if not isinstance(macros, dict) or not all(isinstance(v, str) for v in macros.values()):
        raise RuleError(path, None, "[macros] must map names to pattern strings")
    entries = data.get("rule", [])
    headlines = tuple(h.strip() for h in _strings(path, None, meta, "headlines") if h.strip())
    if not isinstance(entries, list) or not (entries or headlines):
        # a learned pack may hold related headlines alone: they are data for the engine
        raise RuleError(path, None, "a pack needs at least one [[rule]] (or [pack] headlines)")
    rules = tuple(_rule(path, name, e, macros) for e in entries)
    signatures = _strings(path, None, meta, "signatures")
    for sig in signatures:
        try:
            compile_pattern(sig)
        except regex.error as exc:
            raise RuleError(path, None, f"signature {sig!r} does not compile: {exc}") from None
    return Pack(
        name=name,
        path=str(path),
        description=str(meta.get("description", "")),
        rules=rules,
        sites=tuple(s.lower() for s in _strings(path, None, meta, "sites")),
        signatures=signatures,
        headlines=headlines,
    )


def check_unique(packs: list[Pack]) -> None:
    """Rule ids and aliases are global: two rules may never answer to the same name."""
    seen: dict[str, str] = {}
    for pack in packs:
        for rule in pack.rules:
            for name in (rule.id, *rule.aliases):
                if name in CATEGORIES:
                    raise RuleError(pack.path, rule.id, f"'{name}' is a category name")
                if name in seen:
                    raise RuleError(
                        pack.path, rule.id, f"id '{name}' is already used in {seen[name]}"
                    )
                seen[name] = pack.path


def default_rules_dir() -> Path:
    """The packs that ship with cleaner: inside the wheel, or `rules/` in a source checkout."""
    package = Path(__file__).resolve().parent.parent  # cleaner/ (this file is cleaner/packs/)
    shipped = package / "_rules"  # the wheel puts rules/ there (pyproject: force-include)
    if shipped.is_dir():
        return shipped
    return package.parent / "rules"  # the repository root of a checkout


#: Folders of rules/ for packs a user generated (`cleaner learn --out rules/learned/SITE.toml`):
#: not shipped rules, so never loaded by default, only when named with `--rules`.
LOCAL_FOLDERS = frozenset({"learned"})


#: Folders of rules/ that hold no text rules: HTML site profiles (`cleaner.html.profiles`).
OTHER_DATA = frozenset({"html"})


def pack_paths(root: str | Path) -> list[Path]:
    """Every `*.toml` under a folder (sorted, so rule order is stable), or the file itself.

    Under the shipped rules folder, the LOCAL_FOLDERS (learned packs) are left out; under any
    folder, the OTHER_DATA folders (HTML profiles) are.
    """
    root = Path(root)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise RuleError(root, None, "no such rule file or folder")
    paths = [
        p
        for p in sorted(root.rglob("*.toml"))
        if not OTHER_DATA & set(p.relative_to(root).parts[:-1])
    ]
    if root.resolve() == default_rules_dir().resolve():
        paths = [p for p in paths if not LOCAL_FOLDERS & set(p.relative_to(root).parts[:-1])]
    return paths


def load_packs(*roots: str | Path) -> list[Pack]:
    packs = [load_pack(p) for root in roots for p in pack_paths(root)]
    check_unique(packs)
    return packs
