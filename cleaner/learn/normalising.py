"""Normalising: the key a piece is counted under, and the pattern it is written as.

Numbers, dates, day names, the names after byline cues (`Editor:`, `Reporter:` ...) and a
name that opens a piece before a separator and an author's role (`Ahmad Faiz | Jurnalis
Contoh`: an author line with no colon) become placeholders, so `22 Views` and `105 Views`
are one piece; in a pattern they become the learned pack's macros (`MACROS`), so its rule
matches `7 Views` too.
"""

from __future__ import annotations

import re
import unicodedata

import regex

_DAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum['’]at|Sabtu|Minggu|Ahad)"
_MONTH = (
    r"(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|"
    r"Desember|Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Ags|Sep|Sept|Okt|Nov|Des)"
)
#: The words of dates (day and month names, `Jum` of `Jum'at`): story text, never boilerplate.
DATE_WORDS = frozenset(re.findall(r"[A-Z][a-z]+", _DAY + _MONTH))
# A word of a name; not the brand of a dateline glued after it ("Editor: Ani KONTAN.CO.ID -",
# "Penulis: Ani Jakarta, KOMPAS.com -"): that is kept, the name's rule must stop before it.
_NAME_WORD = (
    r"(?>\p{Lu}(?:\p{Lu}+|[\p{Ll}\d’'-]*)(?:\.(?:com|co\.id|id|net|org|tv))?\.?"
    r"|\p{Ll}[\w-]*\.(?:com|co\.id|id|net|org|tv))"
    r"(?!\.?(?:CO\.ID|COM|co\.id)\b|,[ \t]*\p{Lu}\w*\.(?:com|co\.id|CO\.ID|COM)\b)"
)
#: The macros a learned pack defines; its patterns use them as {name}.
MACROS = {
    "unit_start": r"(?<=^[ \t\u00a0]*|[ \t\u00a0]{2})",
    "unit_end": r"(?=[ \t\u00a0]{2,}|[ \t\u00a0]*(?:\r?\n|\Z))",
    "num": r"\d+(?:[.,:/]\d+)*",
    "day": rf"(?<!\w){_DAY}(?!\w)",
    "date": (
        rf"(?<!\w)(?:{_DAY},?\s*)?(?:\d{{1,2}}\s+)?{_MONTH}\.?\s+\d{{4}}"
        r"(?:\s*[-|,]?\s*(?:[Pp]ukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
        r"(?:\s*(?:WIB|WITA|WIT|GMT[+\d]*))?)?(?!\w)"
    ),
    # A person or source after a byline cue: up to six capitalised words (or a domain).
    "name": rf"{_NAME_WORD}(?:[ \t\u00a0]+{_NAME_WORD}){{0,5}}",
}
_NAME_CUES = (
    r"(?:Penulis|Editor|Pewarta|Reporter|Redaktur|Penyunting|Kontributor|Jurnalis|Wartawan|"
    r"Fotografer|Sumber|Foto|Oleh|Ditulis oleh|Dilaporkan oleh|Author|Writer|Source)"
)
#: What follows the name that opens an author line: a bar, a dot, a dash with blanks around it.
_LEAD_SEPARATOR = r"[ \t\u00a0]*(?:[|·•–—]|-[ \t\u00a0])"
#: ... and a word that says the name is an author's, soon after it: without one, the same
#: shape is a headline before the site's name, a row of a table (`Pertamax - Rp 15.950 per
#: liter`, `Persib Bandung - Dewa United`) or a series' sub-heading (`Klasemen | Piala AFF`).
_LEAD_CUE = (
    r"(?:Jurnalis|JURNALIS|Wartawan|WARTAWAN|Wartawati|Reporter|REPORTER|Penulis|PENULIS|"
    r"Editor|EDITOR|Kontributor|KONTRIBUTOR|Koresponden|Redaktur|Pewarta|PEWARTA|Fotografer)"
)
_LEAD_REST = rf"{_LEAD_SEPARATOR}[^\n]{{0,40}}?(?<![\w]){_LEAD_CUE}(?![\w])"
# One scan finds every generalised token (each starts with a digit or a capital); the text
# between tokens is literal, split at white space. A URL stays literal, digits and all.
_TOKEN = regex.compile(
    r"(?=[\d\p{Lu}hw])(?:"
    r"(?P<url>(?<!\S)(?:https?://|www\.)\S+)"
    rf"|(?P<date>{MACROS['date']})"
    # a cue may be glued to the name before it ("PutriEditor:"); the name may be empty, as in
    # a scraped "Sumber: ," whose link text was lost
    rf"|(?P<cue>(?:(?<!\w)|(?<=\p{{Ll}}))(?P<word>{_NAME_CUES})\s*:\s*)"
    rf"(?P<name>(?:{MACROS['name']})?)"
    # a name of two words or more that opens the piece, before a separator other than a comma
    # and a word that says it is an author's (`Ahmad Faiz | Jurnalis Contoh`): an author line
    # with no colon
    rf"|(?P<lead>\A{_NAME_WORD}(?:[ \t\u00a0]+{_NAME_WORD}){{1,5}}(?={_LEAD_REST}))"
    rf"|(?P<day>{MACROS['day']})"
    rf"|(?P<num>{MACROS['num']}))"
)
_BLANKS = re.compile(r"(\s+)")
_UPPER, _LOWER = "A-Z\u00c0-\u00d6\u00d8-\u00de", "a-z\u00df-\u00f6\u00f8-\u00ff"


def _plain(pattern: str) -> str:
    """`pattern` for the standard `re` module: \\p{Lu} and \\p{Ll} as Latin letter ranges."""
    out, depth = [], 0
    for part in re.split(r"(\\p\{L[ul]\}|\\.|\[|\])", pattern):
        if part in ("\\p{Lu}", "\\p{Ll}"):
            letters = _UPPER if part == "\\p{Lu}" else _LOWER
            part = letters if depth else f"[{letters}]"
        elif part == "[":
            depth += 1
        elif part == "]" and depth:
            depth -= 1
        out.append(part)
    return "".join(out)


# Counting keys are made for every line and segment of every document: the standard `re`
# module finds the same tokens (in Latin script) three times faster, and a piece without a
# digit, a colon or a day name has none to find.
_KEY = re.compile(_plain(_TOKEN.pattern))
_MAY_HAVE_TOKENS = re.compile(rf"[\d:]|{_DAY[3:-1]}|Jum")
# ... nor a piece that does not open with capitalised words and a separator (matched at its
# start: it fails at the first lower-case word)
_LEAD_WORD = r"[A-Z][^\s|·•–—-]*"
_MAY_LEAD = re.compile(rf"{_LEAD_WORD}(?:[ \t\u00a0]+{_LEAD_WORD}){{1,5}}{_LEAD_REST}")


def may_lead(text: str) -> bool:
    """Whether `text` may open with a name before a separator (a placeholder in its key): like
    a name after a colon, it varies, so the line is counted though it is partly new.

    >>> may_lead("Ahmad Faiz | Jurnalis Contoh"), may_lead("Harga beras naik | kata dia")
    (True, False)
    >>> may_lead("Pertamax Turbo - Rp 15.950 per liter"), may_lead("Harga Emas Naik - Warta")
    (False, False)
    """
    return _MAY_LEAD.match(text) is not None


def lead_of(text: str) -> str | None:
    """The name that opens `text` before a separator, if its key has one (see `may_lead`).

    >>> lead_of("Ahmad Faiz | Jurnalis Contoh"), lead_of("Editor: Ahmad Faiz | Jurnalis")
    ('Ahmad Faiz', None)
    """
    if not may_lead(text):
        return None
    m = _KEY.match(text)
    return m.group() if m is not None and m.lastgroup == "lead" else None


def tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) pieces of `text`: lit, ws, num, day, date, lead (a name that opens it), or
    cue (its text is the cue word)."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            _literal(text[pos : m.start()], out)
        kind = m.lastgroup if m.lastgroup != "name" else "cue" if m.group("name") else "cue0"
        if kind == "url":
            kind = "lit"
        out.append((kind, m.group("word") if kind.startswith("cue") else m.group()))
        pos = m.end()
    if pos < len(text):
        _literal(text[pos:], out)
    return out


def _literal(text: str, out: list[tuple[str, str]]) -> None:
    for i, piece in enumerate(_BLANKS.split(text)):
        if piece:
            out.append(("ws" if i % 2 else "lit", piece))


def normalise(text: str) -> str:
    """The counting key of a line or span: what stays the same across its repeats.

    >>> normalise("Ali Tsani Editor : Arif R - Jumat, 17 Januari 2025 - 23:43 WIB")
    'Ali Tsani Editor:<name> - <date>'
    >>> normalise("105 Views") == normalise("22   Views")
    True
    >>> normalise("Ahmad Faiz | Jurnalis Contoh") == normalise("Siti Rahma  | Jurnalis Contoh")
    True
    """
    if _MAY_HAVE_TOKENS.search(text) is None and _MAY_LEAD.match(text) is None:
        return " ".join(text.split())
    return " ".join(_KEY.sub(_placeholder, text).split())


#: The placeholder of a name that opens a piece, as its key writes it.
LEAD = "<lead>"


def _placeholder(m: re.Match) -> str:
    kind = m.lastgroup
    if kind == "url":
        return m.group()
    return f"{m.group('word')}:<name>" if kind == "name" else f"<{kind}>"


def generalise(text: str, *others: str) -> str:
    """The pattern of a piece: literal text escaped, the generalised parts as {macros}.

    `others` are more examples of the same piece: a name that is empty in one of them is
    optional in the pattern, and a name that opens the piece is a placeholder only if the
    examples differ in it (a site's own name before its tagline is the same in every one).

    >>> generalise("Reporter: Tira Santia,Sumber: ,", "Reporter: Pipit Ika,Sumber: Liputan6.com")
    'Reporter\\\\s*:\\\\s*{name},Sumber\\\\s*:\\\\s*(?:{name})?,'
    >>> varied = generalise("Ani Rahma | Jurnalis", "Budi Santoso | Jurnalis")
    >>> varied, generalise("Alpha Daily | Berita")
    ('{name}\\\\s+\\\\|\\\\s+Jurnalis', 'Alpha\\\\s+Daily\\\\s+\\\\|\\\\s+Berita')
    """
    parts = []
    examples = [tokens(t) for t in (text, *others)]
    leads = {next((tok for k, tok in found if k == "lead"), None) for found in examples}
    slots = [[k for k, _ in found if k.startswith("cue")] for found in examples]
    slot = 0
    for kind, tok in examples[0]:
        if kind == "lit":
            parts.append(regex.escape(tok, special_only=True, literal_spaces=True))
        elif kind == "ws":
            parts.append(r"\s+")
        elif kind == "lead" and len(leads) > 1:
            parts.append("{name}")
        elif kind == "lead":  # the same in every example: literal, its words as they are
            parts.append(r"\s+".join(regex.escape(w, special_only=True) for w in tok.split()))
        elif kind.startswith("cue"):
            parts.append(regex.escape(tok, special_only=True).replace(r"\ ", r"\s+"))
            empty = any(len(s) > slot and s[slot] == "cue0" for s in slots)
            parts.append(r"\s*:\s*(?:{name})?" if empty else r"\s*:\s*{name}")
            slot += 1
        else:
            parts.append("{" + kind + "}")
    return "".join(parts)


def ascii_fold(text: str) -> str:
    """`text` in ASCII, accents dropped (for rule ids and pack names): 'Café' -> 'Cafe'."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
