"""Where a related-article headline ends: the cleaner's hardest decision, as a small component.

A related link is a marker (`Baca juga:`, `Lihat juga`, `Tonton:` ...) and the linked article's
headline. Scrapers glue it into the story: `kata dia.Baca Juga: Harga Emas Naik Lagi Hari
IniPresiden mengatakan ...`. `headline_end(text, start)` reads from `start` (just after the
marker) and returns where the headline ends, with the evidence it used, or None when it cannot
tell (the caller then removes the marker alone: a headline left in costs less than a lost
sentence). The evidence, strongest first:

- a headline the batch knows whole (`known`): it ends exactly where that headline ends;
- another marker or a glued credit (`Pewarta:`, `Baca juga`, `[Gambas`, `COPYRIGHT` ...); in
  a list of sentence-case links glued in a row, each headline but the last runs to the next
  marker when what is between reads as a headline, over a Title Case reading's words in
  lower case;
- the marker opens a short unit of its own: the headline is the rest of that unit;
- Title Case: a headline capitalises its words but for a few joining words (`di`, `untuk`,
  `yang` ...); the story resumes where lower-case words start, with the subject before them
  (`... Tarif Lebih Tinggi Kanada memasok ...`: the story starts at `Kanada`). A subject runs
  back over a title (`Menteri Keuangan Sri Mulyani mengatakan`) and over the names the article
  itself uses elsewhere;
- a sentence opener (`Namun,`, `Sayangnya`, `Menurut X,`, `Melansir X,`, `Sementara itu`), an
  opening quote (it goes with the story, as a bullet does), a lower-case speech verb
  (`... Izin Lahan ucap Rudi`), a day and date, a numbered list, a question;
- text glued without a blank (`...CirebonBahkan, pada ...`) may start the story or the next
  headline of a list: the words after the seam decide.

When two readings remain, the earlier end wins.

>>> text = "Baca Juga: Trump Umumkan Tarif 10% untuk Semua Impor Kanada memasok 4 juta barel."
>>> end, why = headline_end(text, text.index("Trump"))
>>> text[text.index("Trump"):end], why
('Trump Umumkan Tarif 10% untuk Semua Impor', 'sentence starts')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from .headline_words import (
    ABBREVIATIONS,
    ADVERBIAL,
    ATTRIBUTIONS,
    BRANDS,
    CODE_TAIL,
    CREDIT_CUES,
    CUE,
    DAY_DATE,
    DAYS,
    DOMAIN,
    FUNCTION,
    GLUED_STOP,
    HEADLINE_TURNS,
    INSTITUTIONS,
    NOMINAL,
    OPENERS,
    QUESTION,
    RELATED_CUES,
    SENTENCE_ADVERBS,
    SENTENCE_CASE_OPENERS,
    SENTENCE_INSIDE,
    SEPARATOR,
    SPEECH,
    SPLIT,
    TITLES,
    TOKEN,
    WEAK,
)
from .layout import find_dateline

#: The reason given when the text after a marker is no headline at all (it starts in lower
#: case: `Tonton: begitu tulisan di layar ...`): then the marker is no link either.
NOT_A_HEADLINE = "no headline: the text after the marker starts in lower case"
#: Names the sentence after a headline uses are looked for this far around it.
NAME_REACH = 20_000
#: A single headline is at most this long (a list of glued headlines: each of them).
MAX_LEN = 200


class Known:
    """Related headlines known whole, looked up by their first characters.

    >>> Known(["Harga Emas Naik", "Harga Emas Naik Lagi"]).end("xHarga Emas Naik Lagi!", 1)
    21
    """

    KEY = 12

    def __init__(self, headlines: Iterable[str] = ()) -> None:
        self._by_key: dict[str, list[str]] = {}
        for h in sorted(
            {h.strip() for h in headlines if len(h.strip()) >= self.KEY}, key=len, reverse=True
        ):
            self._by_key.setdefault(h[: self.KEY], []).append(h)

    def __bool__(self) -> bool:
        return bool(self._by_key)

    def end(self, text: str, start: int) -> int | None:
        """The end of the longest known headline that starts at `start`, if any."""
        for h in self._by_key.get(text[start : start + self.KEY], ()):
            if text.startswith(h, start):
                return start + len(h)
        return None


NO_HEADLINES = Known()


class Word(NamedTuple):
    start: int
    end: int
    text: str
    glued: bool  # no blank before it: a seam where a scraper dropped a break


def headline_end(
    text: str,
    start: int,
    *,
    marker: int | None = None,
    known: Known = NO_HEADLINES,
    single: bool = False,
) -> tuple[int | None, str]:
    """Where the headline that starts at `start` ends (None: cannot tell), and why.

    `marker` is where the marker starts (default: `start`); `known` are headlines known whole
    (for example from the batch being cleaned); `single`: one title, never a list of them, so
    a seam glued into it ends it (`... dengan judul Harga Beras NaikGubernur Jawa Tengah ...`).
    Reads a few hundred characters around the link, whatever the length of the text.
    """
    marker = start if marker is None else marker
    if known and (end := known.end(text, start)) is not None:
        return end, "a known headline"
    far = min(len(text), start + 4 * MAX_LEN)  # no headline, nor a list of them, is longer
    found = SEPARATOR.search(text, start, far)
    unit_end = found.start() if found else far
    if unit_end > start and text[unit_end - 1] == "\r":
        unit_end -= 1
    hard = _cue(text, start, unit_end)
    own_line, last = _opens_unit(text, marker)
    if (
        own_line
        and hard - start <= MAX_LEN + 50
        and not SENTENCE_INSIDE.search(text, start, hard)
        and not text[start:hard].rstrip().endswith(".")
    ):
        return _trim(text, start, _no_code(text, start, hard)), (
            "the marker's own line" if hard == unit_end else "another piece of boilerplate"
        )
    # the link cut a sentence in two: the text before it ends in a word, not a sentence end
    interrupted = last.isalnum()
    # Read a headline's length and a little more first: most links end there. Only a list
    # of glued headlines needs the longer reach.
    for reach in (MAX_LEN - 40, MAX_LEN + 80, 4 * MAX_LEN):
        limit = min(hard, start + reach)
        words = _words(text, start, limit)
        if not words:
            return None, "nothing after the marker"
        first = words[0].text
        if not (first[:1].isupper() or first[:1].isdigit() or first in "\"“‘'"):
            return None, NOT_A_HEADLINE
        if _title_case(words):
            end, why = _title_end(text, start, words, interrupted)
        else:
            end, why = _sentence_case_end(text, start, words)
        if end is not None or limit == min(hard, start + 4 * MAX_LEN):
            break
        if why != "no end found":
            break
    if why in _LIST_MAY_OVERRULE and not single and _in_a_list(text, marker, start, hard):
        # a list of sentence-case links glued in a row (`Baca juga: Pasangan Jepang WO,
        # Pramudya/Yeremia melaju Baca juga: ...`, as a text in one line holds them): each
        # headline but the last runs to the next marker, as on a line of its own; over a Title
        # Case reading's lower-case words (a sentence-case headline with names in it reads as
        # Title Case), not over what shows the story: an opener, a quotation, a sentence-case
        # headline's sentence start
        return _trim(text, start, hard), "the next link of a list"
    if (
        end is None
        and hard - start <= MAX_LEN
        and not _story_marks(text, start, hard)
        and not text[start:hard].rstrip().endswith((".", ":"))
    ):
        end = _no_code(text, start, hard)
        why = "the end of the unit" if hard == unit_end else "another piece of boilerplate"
        if found and hard == unit_end and text[found.end() : found.end() + 1].islower():
            # the sentence runs on across the blanks (`... Banyuwangi Sebelumnya\u00a0 pada
            # tahun 2016 ...`): a word that opens sentences before them is the story's
            words = _words(text, start, end)
            if len(words) >= 3 and (words[-1].text in OPENERS or words[-1].text in ATTRIBUTIONS):
                end, why = words[-1].start, "a sentence opener runs on past the blanks"
    if end is None:
        return None, why
    if single:
        for w, prev in zip(words[2:], words[1:], strict=False):
            if w.start >= end:
                break
            if w.glued and w.text[:1].isupper() and prev.text[-1:].islower():
                end, why = w.start, "a seam glued into the one title"
                break
    end = _trim(text, start, end)
    if _a_sentence(text[start:end]):
        return None, "a sentence, not a headline"
    return end, why


_NEXT_LINK = re.compile("|".join(RELATED_CUES))
#: What follows a marker before its headline: blanks, a separator, an opening quote.
_AFTER_MARKER = re.compile(r"[ \t\u00a0]*[:|»>–—-]?[ \t\u00a0]*[\"“‘']?")
#: A credit's label, glued to the last word of a headline.
_LABEL = re.compile("|".join(CREDIT_CUES))
#: A sentence's stop or a colon (maybe a closing quote or bracket, or an editor's code, after
#: it) at the end of a stretch.
_STOP_END = re.compile(r"[.!?:][\"”’')\]]*\s*(?:\([^()\n]{0,30}\)\s*)*\Z")
#: A full stop after a bracket, a quote, a digit, a percent sign or a blank, anywhere (`...
#: Kamis (12/9). BMKG`, `5%. BI`, word-tokenised ` . `): `_a_sentence` reads only a stop after
#: letters. Not an ellipsis (`Pecah Lurr . . . PKB`).
_STOP_AFTER = re.compile(r"(?:[)\]\"”’%\d]|(?<!\.)\s)\.(?!\s?\.)(?=\s|\Z)")
#: A value after a colon at the end of a stretch: a line of data (`Harga emas 2 gram:
#: Rp2.200.000`, `Cicilan per bulan: Rp 4.443.000`), not a headline's figure (`Survei
#: Indikator: 73 Persen Pemilih ...`).
_VALUE = re.compile(r":\s*(?:Rp\s?)?\d[\d.,]*(?:\s+[a-z%]\S*)*\s*\Z")
#: A list the story opens with a colon (`... hari ini: - Harga emas 0,5 gram: Rp615.000 - ...`).
_LIST_OPENS = re.compile(r":\s*(?:[-•*]|\d{1,2}[.)])\s")


#: The readings a list of links overrules: no end found, or a Title Case reading's end where
#: lower-case words start.
_LIST_MAY_OVERRULE = frozenset(
    {"sentence starts", "no end found", "no end within a headline's length"}
)


def _in_a_list(text: str, marker: int, start: int, hard: int) -> bool:
    """The link at `marker` (its headline from `start`) is one of a list of links glued in a
    row, and its headline runs to `hard`: another marker comes there, and what is between
    reads as a headline (see `_a_headline`); and the link before it reads so up to `marker`,
    or the next one up to the marker or the credit glued to its last word after it. A single
    link followed by the story and another link is no list: its story may have lost its stop
    (a bullet, a sub-heading). The last link of a list is read as any other: what follows it
    may be the story's without a stop (a schedule before a glued credit, a text cut short).
    The list is one of sentence-case headlines (antaranews's: the other link's reads so),
    whose names make a Title Case reading end them too soon; in a list of Title Case
    headlines that reading is to be trusted (`Harga Beras Turun Pedagang berharap ...`, a
    price or a schedule between two links: `... di Awal Pekan Harga emas 2 gram: Rp2.200.000`)."""
    nxt = _NEXT_LINK.match(text, hard)
    if nxt is None or not _a_headline(text, start, hard):
        return False
    other = None  # the stretch of the link before or after it
    for m in _NEXT_LINK.finditer(text, max(0, marker - MAX_LEN - 20), marker):
        other = (_AFTER_MARKER.match(text, m.end()).end(), marker)
    if other is None or not (other[0] < marker and _a_headline(text, *other)):
        head = _AFTER_MARKER.match(text, nxt.end()).end()
        after = _cue(text, head, min(len(text), head + MAX_LEN + 1))
        other = (head, after)
        if not (
            after < len(text)
            and (
                _NEXT_LINK.match(text, after)
                or (text[after - 1].isalnum() and _LABEL.match(text, after))
            )
            and _a_headline(text, head, after)
        ):
            return False
    return not _title_case(_words(text, *other))


def _a_headline(text: str, start: int, end: int) -> bool:
    """text[start:end] reads as one headline between two pieces of boilerplate: at most a
    headline's length, no sentence in it or at its end (nor a colon that opens a list:
    `..., sebagai berikut:`) or a list or a value after one, and not a Title Case headline
    with the story's words after it (see `_one_title`)."""
    return (
        0 < end - start <= MAX_LEN
        and not _story_marks(text, start, end)
        and not _STOP_END.search(text, start, end)
        and not _a_sentence(text[start:end])
        and _one_title(_words(text, start, end))
    )


def _story_marks(text: str, start: int, end: int) -> bool:
    """text[start:end] shows a mark of the story's that no headline has: a sentence inside
    it, a full stop after a bracket, a digit or a blank (`_STOP_AFTER`), a list or a value
    after a colon."""
    return bool(
        SENTENCE_INSIDE.search(text, start, end)
        or _STOP_AFTER.search(text, start, end)
        or _LIST_OPENS.search(text, start, end)
        or _VALUE.search(text, start, end)
    )


def _one_title(words: list[Word]) -> bool:
    """The words read as one headline: not a Title Case headline (six capitalised words or
    more before the first in lower case) with a sentence of the story after it (four words
    in lower case or more: `... Lewat HP Tiket PRJ Jakarta Fair 2025 tersedia dalam berbagai
    jenis dengan harga ...`). A sentence-case headline has its words in lower case early
    (`Pasangan Jepang WO, Pramudya/Yeremia otomatis melaju ke babak kedua`), a Title Case
    one few (`... ke Pasar angso Duo Jambi`, `..., Kick off 01.45 WIB`)."""
    content = [w.text for w in words if w.text[:1].isalpha() and w.text.lower() not in FUNCTION]
    lower = [i for i, w in enumerate(content) if _lower_content(w)]
    return len(lower) <= 3 or lower[0] <= 5


def _a_sentence(piece: str) -> bool:
    """`piece` holds a sentence of the story: a stretch that ends with a full stop after a word
    or a number (`... bantuan PIP.`), with a word in lower case that a headline capitalises (`Pada
    2024, jumlah wisatawan ... mencapai 13,9 juta orang.`, `Semua selamat.`, `3. Peserta yang
    lolos ... panitia. Ikuti ...`). No headline ends so (`Harga Emas Naik.` glued to a stop is
    one; so is tempo's `... Buat Budi Arie. Sekuat Apa Buktinya?`, in Title Case)."""
    begin = 0  # (each sentence on its own: the next starts after the stop)
    for m in _SENTENCE_STOP.finditer(piece):
        if any(_lower_content(w) for w in piece[begin : m.end()].split()[1:]):
            return True
        begin = m.end()
    return False


#: A full stop after a word or a number, at the end or before the next word (after a blank,
#: or glued to its capital: `... momen itu.Moo Deng, yang ...`).
_SENTENCE_STOP = re.compile(r"(?<=[A-Za-z0-9]{2})\.[\"”’']*(?:\s+|\s*$|(?=[A-Z]))")


def _cue(text: str, start: int, end: int) -> int:
    """Where the next piece of boilerplate or the story's dateline starts before `end` (else
    `end`). Every alternative of CUE opens with a literal, so the regex module skips to their
    first letters itself."""
    found = CUE.search(text, start + 2, end)
    end = found.start() if found else end
    dateline = find_dateline(text, start, end)  # (`Baca juga: ... JAKARTA, KOMPAS.com -`)
    return dateline.start() if dateline else end


def _opens_unit(text: str, marker: int) -> tuple[bool, str]:
    """Whether the marker opens its unit (after a line break, two blanks, the text's start or
    a bullet), and the last character before it (blanks skipped)."""
    k = marker
    while k > 0 and text[k - 1] in " \t\u00a0\u202f":
        k -= 1
    if marker - k >= 2 or k == 0 or text[k - 1] in "\r\n":
        return True, text[k - 1 : k]
    bullet = k - 1
    if text[bullet] in "•*-–" and (bullet == 0 or text[bullet - 1] in "\r\n"):
        return True, text[bullet]
    return False, text[k - 1]


def _no_code(text: str, start: int, end: int) -> int:
    code = CODE_TAIL.search(text, start, end)
    return code.start() if code else end


def _trim(text: str, start: int, end: int) -> int:
    # An opening quote or a bullet opens what follows (`... Donald Trump "Namun, ...`); a
    # straight quote opens when the headline's quotes (with one just before it) are odd.
    quoted = start > 0 and text[start - 1] == '"'
    while end > start and (
        text[end - 1] in " \t\u00a0\u202f,;:-–—(“‘•"
        or (text[end - 1] == '"' and (text.count('"', start, end) + quoted) % 2)
    ):
        end -= 1
    # an unbalanced closing bracket belongs to the marker: `(Baca: Judul)`
    if text[start:end].count(")") > text[start:end].count("("):
        end = text.rindex(")", start, end)
        return _trim(text, start, end)
    return end


def _words(text: str, start: int, limit: int) -> list[Word]:
    out: list[Word] = []
    append, new = out.append, tuple.__new__  # a plain tuple's constructor: this loop is hot
    prev = start  # where the previous token ended: a token that starts there is glued to it
    for m in TOKEN.finditer(text, start, limit):
        s, e = m.span()
        w = text[s:e]
        glued = s > start and s == prev
        prev = e
        if "." in w and (stop := GLUED_STOP.search(w)) and not DOMAIN.search(w):
            # a stop glued to the next sentence (`... Hasil KPU.Lanjut nya`): two words and
            # the stop between them, the second glued (not `Kompas.com`, `Rp1.000`, `S.Pd`)
            cut = stop.start()
            out.extend(_words(text, s, s + cut))
            append(Word(s + cut, s + cut + 1, ".", False))
            rest = _words(text, s + cut + 1, e)
            if rest:
                rest[0] = rest[0]._replace(glued=True)
            out.extend(rest)
            continue
        if len(w) < 6 or w[1:].islower() or w.isupper() or w in BRANDS or text[s - 1] == "#":
            # (no seam inside a hashtag either: `#SaveHutan`; a handle is in lower case, so
            # a capital in it is a seam: `@ivan_gunawanLebih dari itu`)
            append(new(Word, (s, e, w, glued)))  # no seam inside: the common case
            continue
        pos = 0
        if "." not in w or not DOMAIN.search(w):  # `CNNIndonesia.com` is a name, not a seam
            for seam in SPLIT.finditer(w):
                if seam.start() - pos >= 3 and len(w) - seam.start() >= 3:
                    append(Word(s + pos, s + seam.start(), w[pos : seam.start()], glued or pos > 0))
                    pos = seam.start()
        append(Word(s + pos, e, w[pos:], glued or pos > 0))
    return out


def _lower_content(w: str) -> bool:
    """A lower-case word that a Title Case headline would have capitalised (not `iPhone`)."""
    return w[:1].islower() and len(w) >= 2 and w.lower() not in FUNCTION and w[1:].islower()


def _title_case(words: list[Word]) -> bool:
    """The headline capitalises its words (most outlets) rather than only its first."""
    content = [w.text for w in words[:8] if w.text[:1].isalpha() and w.text.lower() not in FUNCTION]
    content = content[:5]
    return not content or sum(w[:1].isupper() for w in content) / len(content) >= 0.8


def _title_end(text: str, start: int, words: list[Word], interrupted: bool):
    n = len(words)
    head = 0  # the first word of the current headline (a list glues several)
    for i in range(1, n):
        w, t = words[i], words[i].text
        if w.end - words[head].start > MAX_LEN:
            return None, "no end within a headline's length"
        prev, nxt = words[i - 1].text, (words[i + 1].text if i + 1 < n else "")
        if i >= 2 and t in DAYS and DAY_DATE.match(text, w.start):
            return w.start, "a day and date"
        if (
            t in '“"‘'
            and nxt[:1].isupper()
            and any(_lower_content(x.text) for x in words[i + 2 : i + 5])
            and not any(x.text in '”"’' for x in words[i + 1 : i + 4])
        ):  # (not a title the headline quotes: `... Film "Budi Pekerti" kayak sekolah ...`)
            return w.start, "an opening quote"
        if i >= 2 and t in OPENERS and nxt[:1].islower() and (t not in WEAK or _lower_content(nxt)):
            return w.start, "a sentence opener"
        if i >= 2 and t.endswith("nya") and t[:-3] in ADVERBIAL and nxt == ",":
            return w.start, "a sentence opener"
        if (
            i >= 2
            and t[:1].isupper()
            and nxt in ("ini", "itu", "tersebut")
            and i + 2 < n
            and words[i + 2].text
            in (",", "juga", "pun", "akan", "telah", "sudah", "merupakan", "menjadi")
        ):
            return words[
                _subject(text, words, i, start, head)
            ].start, "a sentence about something named before"
        if i >= 2 and t in ADVERBIAL and _comma_phrase(words, i):
            return w.start, "a sentence opener and its phrase"
        if i >= 2 and t in QUESTION and prev != "," and not w.glued and _question(words, i):
            return w.start, "a question (a sub-heading)"
        numbered = (
            i >= 2 and nxt in (".", ")") and len(t) <= 2 and t.isascii() and t.isdigit()
        ) and prev != ","
        if numbered and i + 2 < n and words[i + 2].text[:1].isupper():
            return w.start, "a numbered list"
        if ((i >= 2 and t[:1].islower()) or nxt == "nya") and SPEECH.fullmatch(t):
            return w.start, "a speech verb goes on with the interrupted sentence"
        if _lower_content(t):
            if head > 0 and i - head <= 6:
                return words[head].start, "the story is glued to the headline"
            j = i - 1
            while j > head and (
                words[j].text == ","
                or (words[j].text.lower() in FUNCTION and words[j].text[:1].islower())
            ):
                j -= 1
            if j <= head:
                if j == 0:
                    continue  # the headline itself has a lower-case word early on
                return words[head].start, "the story is glued to the headline"
            k = _subject(text, words, _before_asides(words, j, head), start, head)
            if words[k].text in '”"' and k + 1 < n:
                k += 1  # no sentence opens with a closing quote: the quoted title is the headline's
            if k <= head + 1:
                if head > 0:
                    return words[head].start, "the story is glued to the headline"
                return None, "too short a headline before the story"
            return words[k].start, "sentence starts"
        if (
            w.glued
            and t[:1].isupper()
            and (prev[-1:].islower() or prev[-1:].isdigit())
            and i - head >= 3
        ):
            head = i  # a seam: the next headline of a list, or the story (the words decide)
    return None, "no end found"


def _comma_phrase(words: list[Word], i: int) -> bool:
    """`Menurut Trump, langkah ...`: a short capitalised phrase, a comma, then a sentence."""
    for k in range(i + 1, min(i + 5, len(words))):
        t = words[k].text
        if t.lower() in FUNCTION and k > i + 1:
            continue
        if t == ",":
            # `Namun, ...`; `Menurut Trump, langkah ...`; not `Selama 90 Hari, Ini Alasannya`
            if k == i + 1:
                return True
            after = [x.text for x in words[k + 1 : k + 7]]
            if not after or after[0] in HEADLINE_TURNS:
                return False
            for x in after:
                if x in (":", "?", "!", "."):
                    return False
                if _lower_content(x):
                    return True
            return False
        if t in OPENERS or not (t[:1].isupper() or t[:1].isdigit()):
            return False
    return False


def _full_stop(words: list[Word], i: int) -> bool:
    """words[i] is a stop that ends a sentence: not an abbreviation's (`Dr.`, `H.`, `Jl.`) nor
    a number's (`1.`), with a capitalised word after it."""
    before = words[i - 1].text if i > 0 else ""
    after = words[i + 1].text if i + 1 < len(words) else ""
    return (
        after[:1].isupper()
        and len(before) >= 2
        and not before[:1].isdigit()
        and before not in ABBREVIATIONS
    )


def _question(words: list[Word], i: int) -> bool:
    for k in range(i + 3, min(i + 10, len(words))):
        if words[k].text == "?":
            return k + 1 >= len(words) or not words[k + 1].text[:1].islower()
    return False


def _before_asides(words: list[Word], j: int, head: int) -> int:
    """Index of the subject's last word when words[j] ends an aside between the subject and
    its verb: a bracket (`Badan ... Bencana (BNPB) mencatat`), a day and its date (`... pada
    Minggu (15/9) mencatat`, `..., Senin (12/5), mengatakan`). j itself if none does (or if
    the asides reach back to the headline's start)."""
    i = j
    while i > head + 1:
        t = words[i].text
        if t == ")":
            k = next((k for k in range(i - 1, max(head, i - 8), -1) if words[k].text == "("), 0)
            if k <= head + 1:
                break
            i = k - 1
        elif t in DAYS and words[i - 1].text in ("pada", ","):
            i -= 2
        else:
            return i
    return j


def _subject(text: str, words: list[Word], j: int, start: int, head: int) -> int:
    """Index of the first word of the sentence subject that ends at words[j]."""
    k = j
    # (the word at a seam may open the subject: `... Ekonomi IndonesiaPresiden Prancis itu`)
    first = head if head > 0 and words[head].glued else head + 1
    for back in range(1, 9):  # a title a few words back: `Menteri Keuangan Sri Mulyani`
        i = j - back
        if i < first or words[i].text in ("!", "?", ".", "“", '"', "‘", ":"):
            break
        if words[i].text in SENTENCE_ADVERBS and back <= 3:
            k = i  # `... Sebelumnya Trump mengungkapkan`
            break
        if words[i].text in TITLES or (back <= 3 and words[i].text in INSTITUTIONS):
            k = i
    # `... dari Gaza Jamieson Greer, penasihat ... Trump, membantah`: a name that a title in
    # apposition follows after a comma is a full name (were the word before it the headline's
    # last, a word of debris stays: that costs less than a word of the story)
    if (
        k == j
        and j + 2 < len(words)
        and words[j + 1].text == ","
        and words[j + 2].text[:1].islower()
        and words[j + 2].text[:1].upper() + words[j + 2].text[1:] in TITLES
        and not words[j].text.endswith("nya")
        and words[j].text not in OPENERS
        and k - 1 > head + 1
        and words[k - 1].text.isalpha()
        and words[k - 1].text[:1].isupper()
        and words[k - 1].text.lower() not in FUNCTION
    ):
        k -= 1
    # the article around this headline (not the headline itself), a few paragraphs each way
    rest = (
        text[max(0, start - NAME_REACH) : start]
        + " "
        + text[words[j].end : words[j].end + NAME_REACH]
    )
    grown = 0
    while k > head + 1 and grown < 2:  # names used elsewhere: `Sri Mulyani`, `Johnson & Johnson`
        grown += 1
        a, b = words[k - 1], words[k]
        if a.text == "&" and k - 2 > head and text[words[k - 2].start : b.end] in rest:
            k -= 2
        elif (
            a.text[:1].isupper()
            and a.text.lower() not in FUNCTION
            and text[a.start : b.end] in rest
        ):
            k -= 1
        else:
            break
    # `... Ketidakpastian Ekonomi Pernyataan Obama yang menyita ...`: a noun made of a verb
    # (pe-an, ke-an: a statement, a decision, a visit) right before a name that a relative
    # clause follows heads the subject: "the statement of Obama that ...". (Were it the
    # headline's last word, a word of debris stays: that costs less than a word of the story.)
    if (
        k - 1 > head + 1
        and j + 1 < len(words)
        and words[j + 1].text == "yang"
        and NOMINAL.fullmatch(words[k - 1].text)
    ):
        k -= 1
    # `Rekomendasi dari Komisi ...`: a noun and a joining word belong to the subject too
    if (
        k - 2 > head + 1
        and words[k - 1].text in ("dari", "di", "untuk", "pada", "atas")
        and words[k - 2].text[:1].isupper()
    ):
        k -= 2
    while k - 2 > head and words[k - 1].text in ("&", "dan", "-", "/"):
        k -= 2  # a headline never ends in a joining word
    # A question or exclamation mark, or a full stop, a few names back ended the headline: the
    # sentence runs from there (`... Kandungan Lokal? Organisasi Perdagangan Dunia (WTO) pada
    # Rabu memperkirakan`, `... Bertabur Bintang. Dewi Mulya Sari selaku ...`), if nothing
    # between reads as more headline (a lower-case word).
    for i in range(k - 1, max(head, k - 9), -1):
        t = words[i].text
        if (t in ("?", "!") or (t == "." and _full_stop(words, i))) and i - head >= 3:
            after = words[i + 2] if words[i + 1].text in '“"‘' and i + 2 < len(words) else None
            if words[i + 1].text[:1].isupper() or (after and after.text[:1].isupper()):
                k = i + 1  # (with the quote that opens the sentence: `... IBF? “Federasi`)
            break
        if not (t[:1].isupper() or t[:1].isdigit() or t in '()“"‘' or t.lower() in FUNCTION):
            break
    # `... ke Pemerintah Menurut Ariawan yang juga Wakil Ketua ..., kebijakan ini`: the
    # sentence opens with `Menurut` (according to) before the name and its apposition; not
    # when the subject repeats that name (`... Minerba Menurut MIND ID MIND ID juga akan`:
    # the headline ends with whom it quotes)
    for i in range(k - 1, max(head + 1, k - 9), -1):
        t = words[i].text
        if t in ATTRIBUTIONS:
            named = [w.text for w in words[i + 1 : k]]
            if not named or named != [w.text for w in words[k : k + len(named)]]:
                k = i
            break
        if not (t[:1].isupper() or t.lower() in FUNCTION):
            break
    if k - 1 > head + 1 and words[k - 1].text in SENTENCE_ADVERBS:
        k -= 1  # `... terkait Karhutla Sebelumnya Badan ... mencatat`: it opens the sentence
    if k > 0 and words[k - 1].text in ("#", "@"):
        k -= 1  # a hashtag's or a handle's mark goes with it (`#SaveHutan menjadi ...`)
    if k > 0 and words[k - 1].text in '“"‘':
        k -= 1
    return k


def _sentence_case_end(text: str, start: int, words: list[Word]):
    """A sentence-case headline (`Gregoria sebut cedera bukan alasan kekalahan`): only a
    capitalised word after lower case, then two lower-case words, starts the story."""
    n = len(words)
    for i in range(3, n):
        w = words[i]
        if w.end - start > MAX_LEN:
            return None, "no end within a headline's length"
        prev, nxt = words[i - 1].text, (words[i + 1].text if i + 1 < n else "")
        if prev not in ":,;" and not w.glued and not _open_quote(text, start, w.start):
            # a capitalised opener or joining word, which a sentence-case headline writes in
            # lower case (`... selama Nataru Akan tetapi pada pukul ...`, `... Borobudur
            # Sehingga, ...`), or a quotation's opening mark (`... Natal-Tahun Baru "PT KAI
            # ...`) starts the story
            # (the adverbs that open a story's sentence only right after a headline's word:
            # after a question mark, `... kecil? Misalnya, ...`, what came before was no headline)
            more = w.text in SENTENCE_ADVERBS or w.text in SENTENCE_CASE_OPENERS
            opener = (
                (w.text in OPENERS or (more and prev[:1].isalnum())) and w.text not in WEAK
            ) or (w.text[:1].isupper() and w.text[1:].islower() and w.text.lower() in FUNCTION)
            if opener and (nxt[:1].islower() or nxt == ","):
                return w.start, "a sentence opener after a sentence-case headline"
            if (
                w.text in '“"'
                and nxt[:1].isupper()
                and any(_lower_content(x.text) for x in words[i + 2 : i + 7])
                and not any(x.text in '”"' for x in words[i + 1 : i + 4])
            ):  # (a statement, not a nickname: `Jekson “Kkajhe” Karmela`)
                return w.start, "an opening quote after a sentence-case headline"
        starts = (
            w.text[:1].isupper()
            and i + 2 < n
            and _lower_content(words[i + 1].text)
            and _lower_content(words[i + 2].text)
        )
        if starts and (words[i - 1].text[:1].islower() or w.glued):
            if _open_quote(text, start, w.start):
                # (`Baca Juga "Tersangka memanfaatkan akun ...NakalComunityuntuk ...," ujar
                # dia`: a quotation of the story, its seam no headline's end)
                return None, "inside a quotation"
            return w.start, "a sentence starts after a sentence-case headline"
    return None, "no end found"


def _open_quote(text: str, start: int, end: int) -> bool:
    """text[start:end] opens with a quotation mark that it does not close."""
    first = text[start : start + 1]
    if first == '"':
        return text.count('"', start, end) % 2 == 1
    return first in "“‘" and text.find("”" if first == "“" else "’", start, end) < 0
