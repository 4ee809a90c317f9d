"""Rule packs: the TOML files of `rules/`, loaded, checked and listed (no cleaning here).

Below the engine, above `cleaner.model`: a pack module imports only `cleaner.model`.

- `loader`: `load_pack`, `parse_pack` (the same from TOML text), `load_packs` (a folder or
  file, ids checked unique across packs), `make_rule` and `expand_macros` (the one way to
  build a `Rule`, for the loader and for code that writes rules, like `cleaner learn`),
  `compile_pattern`, `default_rules_dir` (the
  shipped packs: `cleaner/_rules` in a wheel, `rules/` in a checkout) and `RuleError`.
- `catalog`: `entries(packs)` / `entry(packs, name)`: every rule, the engine's builtin
  duplicate-line rule included, as the `cleaner rules` and `cleaner explain` listings show it.

Running a rule's own examples needs the engine, so that is `cleaner.engine.examples`.
"""

from .loader import (
    EXTENDS,
    FLAGS,
    LOCAL_FOLDERS,
    SCOPES,
    ZONES,
    Pack,
    Rule,
    RuleError,
    check_unique,
    compile_pattern,
    default_rules_dir,
    expand_macros,
    load_pack,
    load_packs,
    make_rule,
    pack_paths,
    parse_pack,
)

__all__ = [
    "EXTENDS",
    "FLAGS",
    "LOCAL_FOLDERS",
    "SCOPES",
    "ZONES",
    "Pack",
    "Rule",
    "RuleError",
    "check_unique",
    "compile_pattern",
    "default_rules_dir",
    "expand_macros",
    "load_pack",
    "load_packs",
    "make_rule",
    "pack_paths",
    "parse_pack",
]
