"""`cleaner learn`: mining a batch for a site's boilerplate, the guards that keep story text out,
bounded memory, the packs it writes, and the command line around it."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
import regex

from cleaner import Cleaner
from cleaner.engine.examples import Example, check
from cleaner.engine.layout import units
from cleaner.learn import Batch, Learner, LearnOptions, learn, normalise, segments, site_of
from cleaner.packs import FLAGS, load_pack

from .clitools import errors, jsonl, run, write
from .conftest import ROOT

CASES = ROOT / "tests/cases/learn"

# Story sentences built from parts, so every document of a fixture has text of its own (the
# parts' counts are coprime: sentence i never repeats a combination within 1000).
_WHO = ["Pemerintah daerah", "Warga desa", "Kepolisian setempat", "Dinas pendidikan",
        "Para pedagang pasar", "Tim penyelamat", "Pengurus koperasi"]  # fmt: skip
_DID = ["meninjau ulang", "membahas", "menolak", "menyetujui", "mempertanyakan",
        "mendukung", "menunda", "mengkaji", "mengawasi", "mengumumkan", "mengkritik"]  # fmt: skip
_WHAT = ["rencana pembangunan jembatan", "kenaikan tarif air bersih", "jadwal sekolah baru",
         "penataan kawasan pasar", "perbaikan jalan desa", "program bantuan pangan",
         "izin pendirian menara", "pengerukan sungai kota", "relokasi pedagang kaki lima",
         "pembangunan taman kota", "pengadaan bus sekolah", "penertiban parkir liar",
         "perluasan rumah sakit"]  # fmt: skip


# A site's own promo line: no shipped rule knows it.
PROMO = "Langganan Warta Contoh Premium cukup Rp 10 ribu sebulan"


def story(i: int) -> str:
    return (
        f"{_WHO[i % 7]} {_DID[i % 11]} {_WHAT[i % 13]} dalam pertemuan yang berlangsung "
        f"cukup panjang, kata seorang pejabat kepada wartawan."
    )


def headline(i: int) -> str:
    return f"{_WHO[i % 7]} {_DID[i % 11].capitalize()} {_WHAT[i % 13].title()}"


def article(i: int, *, top: list[str] = (), middle: list[str] = (), end: list[str] = ()) -> str:
    """A line-per-paragraph article: headline, boilerplate on top, five story paragraphs
    (with `middle` after the second), boilerplate at the end."""
    body = [story(i * 5 + k) for k in range(5)]
    lines = [headline(i), *top, *body[:2], *middle, *body[2:], *end]
    return "\n".join(lines) + "\n"


def rejected(learned, fragment: str) -> str:
    """The reason a piece containing `fragment` was rejected (fails if it was not)."""
    exact = [r.reason for r in learned.rejected if r.text == fragment]
    reasons = exact or [r.reason for r in learned.rejected if fragment in r.text]
    assert reasons, f"{fragment!r} not among {[r.text for r in learned.rejected]}"
    return reasons[0]


def compiled(rule) -> regex.Pattern:
    return regex.compile(rule.expanded, FLAGS)


def removed_by(pack: Path, text: str, url: str | None = None, shipped: bool = True) -> list[str]:
    result = Cleaner(rules=[pack], default_rules=shipped).clean(text, url=url)
    return [r.text.strip() for r in result.removals if r.rule_id.startswith("learned-")]


# ---------------------------------------------------------------- normalising and generalising


def test_numbers_become_one_rule_that_matches_unseen_numbers():
    docs = [article(i, end=[f"{n} Views"]) for i, n in enumerate((22, 105, 3, 1250))]
    learned = learn(docs, site="contoh.id", known=None)
    [rule] = learned.rules
    assert (rule.scope, rule.category, rule.docs) == ("line", "byline", 4)
    for seen in ("22 Views", "105 Views", "1250 Views", "7 Views", "1.234 Views"):
        assert compiled(rule).fullmatch(seen), seen
    assert not compiled(rule).fullmatch("Views")
    assert "4 of 4 documents (100%)" in rule.description


def test_dates_and_times_become_one_rule():
    stamps = ["Jumat, 17 Januari 2025 - 23:43 WIB", "Senin, 3 Maret 2025 - 08:05 WIB",
              "Rabu, 30 April 2025 - 14:10 WIB"]  # fmt: skip
    docs = [article(i, top=[f"Diperbarui {s}"]) for i, s in enumerate(stamps)]
    [rule] = learn(docs, site="contoh.id", known=None).rules
    assert "{date}" in rule.pattern
    assert compiled(rule).fullmatch("Diperbarui Sabtu, 21 Juni 2025 - 10:20 WIB")
    assert not compiled(rule).fullmatch("Diperbarui kemarin sore")


def test_names_after_byline_cues_are_generalised():
    names = ["Arif R", "Tri Sulistiowati", "Maria Rosari Dwi Putri"]
    docs = [article(i, end=[f"Editor: {name}"]) for i, name in enumerate(names)]
    [rule] = learn(docs, site="contoh.id", known=None).rules
    assert compiled(rule).fullmatch("Editor: Yudho Winarto")
    assert not compiled(rule).fullmatch("Editor: kata ini berasal dari bahasa Latin.")
    assert normalise("Editor : Arif R") == normalise("Editor: Tri Sulistiowati")


def test_a_name_opening_an_author_line_is_generalised_when_it_varies():
    # an author line with no colon: the name varies (a batch has each reporter more than
    # once), the rest is the site's and says what the name is
    names = ["Arif Rahman", "Tri Sulistiowati", "Maria Rosari Dwi Putri", "Budi Santoso"] * 2
    docs = [article(i, top=[f"{name} | Jurnalis Warta Contoh"]) for i, name in enumerate(names)]
    [rule] = learn(docs, site="contoh.id", known=None).rules
    assert rule.pattern.startswith("{name}")
    assert compiled(rule).fullmatch("Yudho Winarto | Jurnalis Warta Contoh")
    assert not compiled(rule).fullmatch("Harga beras naik | Jurnalis Warta Contoh")
    # Title Case words before an author's role in every document, none of them twice (a
    # column's headlines): no names
    titles = [f"{_WHAT[i].title()} Dibahas - Catatan Jurnalis Warga" for i in range(8)]
    docs = [article(i, top=[title]) for i, title in enumerate(titles)]
    learned = learn(docs, site="contoh.id", known=None)
    assert not learned.rules
    assert "headlines, no names" in rejected(learned, "Catatan Jurnalis Warga")
    # ... also when a daily series repeats its title (`Harga Emas Hari Ini`)
    titles[::3] = ["Harga Emas Hari Ini - Catatan Jurnalis Warga"] * len(titles[::3])
    docs = [article(i, top=[title]) for i, title in enumerate(titles)]
    assert not learn(docs, site="contoh.id", known=None).rules
    # without a word of an author's role, the shape is a headline before the site's name, a
    # table's row or a series' sub-heading: its words stay literal in the key
    for line in ("Harga Emas Naik - Warta Contoh", "Pertamax Turbo - Rp 15.950 per liter",
                 "Persib Bandung - Dewa United", "Klasemen Grup B | Piala AFF 2024"):  # fmt: skip
        assert normalise(line).startswith(line.split()[0]), line
    # a site's name before its tagline is the same in every document: it stays literal
    docs = [article(i, top=["Warta Contoh - Berita Tanpa Batas"]) for i in range(4)]
    [rule] = learn(docs, site="contoh.id", known=None).rules
    assert rule.pattern.startswith("Warta")


def test_glued_pieces_split_at_sentence_ends_and_glue_points():
    text = "kata dia.Baca JugaTertimbun Longsor, Dua Tewas.,Reporter: Ani,Sumber: , "
    pieces = [text[s:e] for s, e in segments(text, 0, len(text))]
    assert pieces == [
        "kata dia.",
        "Baca Juga",
        "Tertimbun Longsor, Dua Tewas.",
        "Reporter: Ani,Sumber:",
    ]
    brand = "Ikuti kanal WhatsApp kami di https://wa.me/channel/0029VaFPbedBPzjZrk13"
    assert [brand[s:e] for s, e in segments(brand, 0, len(brand))] == [brand]


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        # a stop, blanks and a capital or a digit (maybe after an opening mark) splits ...
        ("Naik 3.5 persen. 12 orang. (Foto: Ani)", 0,
         ["Naik 3.5 persen.", "12 orang.", "(Foto: Ani)"]),
        # ... a lower-case word after it does not, nor do the dots of a name or an ellipsis
        ("kata dia. lalu REPUBLIKA.CO.ID menulis... Ya", 0,
         ["kata dia. lalu REPUBLIKA.CO.ID menulis...", "Ya"]),
        # a capital glued to a stop (closing marks and all) splits next to a lower-case letter
        ('kata dia."Baca Juga: X. "ABC."DEF', 0, ['kata dia."', "Baca Juga: X.", '"ABC."DEF']),
        # a glued capital at the start of the range is not a seam with the text before it
        ("xxAbc siniPewarta: Ani", 2, ["Abc sini", "Pewarta: Ani"]),
        # brand names in CamelCase and handles are words, not glue
        ("Ikuti WhatsApp dan @detikNews", 0, ["Ikuti WhatsApp dan @detikNews"]),
    ],
)  # fmt: skip
def test_segments_split_where_a_sentence_or_glued_piece_starts(text, start, expected):
    assert [text[s:e] for s, e in segments(text, start, len(text))] == expected


# ---------------------------------------------------------------- what gets learned, and how


def test_glued_promo_becomes_a_span_rule_that_keeps_the_sentences_around_it(tmp_path):
    promo = "Langganan buletin Warta Contoh gratis setiap pagi lewat surel kami."
    docs = [
        f"{story(i)} {story(i + 50)}{promo}{story(i + 100)}".replace("wartawan. ", "wartawan.")
        for i in range(4)
    ]
    learned = learn(docs, site="warta.id")
    [rule] = learned.rules
    assert (rule.scope, rule.category) == ("span", "promo")
    assert any("[[" + promo + "]]" in r for r in rule.remove)  # shown in its real context
    pack = write(tmp_path / "warta.toml", learned.to_toml())
    fresh = f"{story(7)}{promo}{story(8)}"
    out = Cleaner(rules=[pack]).clean(fresh).text
    assert out == f"{story(7)}{story(8)}"


def test_a_block_split_at_links_is_learned_whole_with_its_parts_rejected():
    block = ["Simak", "breaking news", "dan", "berita pilihan",
             "kami langsung di ponselmu. Pilih saluran kami di WhatsApp Channel :",
             "https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D",
             ". Pastikan kamu sudah install aplikasi WhatsApp ya."]  # fmt: skip
    docs = [article(i, end=block) for i in range(3)]
    learned = learn(docs, site="contoh.id")
    [rule] = learned.rules
    assert rule.pattern.startswith("{unit_start}Simak") and rule.category == "promo"
    assert rule.remove == ("\n".join(block),)
    assert "channel/0029VaFPbedBPzjZrk13HO3D" in rule.pattern  # a URL stays literal
    assert "part of a longer repeated piece" in rejected(learned, "Pastikan kamu sudah install")


def test_each_rule_keeps_a_real_story_sentence_of_the_batch():
    docs = [article(i, end=[PROMO]) for i in range(4)]
    [rule] = learn(docs, site="contoh.id").rules
    [keep] = rule.keep
    assert any(keep in doc for doc in docs) and not compiled(rule).search(keep)
    assert check(Example(rule.rule(), "keep", keep)) is None
    assert all(check(Example(rule.rule(), "remove", r)) is None for r in rule.remove)


def test_the_dateline_is_left_to_the_shipped_rule_that_keeps_it_by_default():
    docs = [article(i).replace("\n", "\nJAKARTA, KOMPAS.com -\n", 1) for i in range(4)]
    learned = learn(docs, site="kompas.com")
    assert not learned.rules
    reason = rejected(learned, "KOMPAS.com")
    assert "dateline-brand (dateline, kept unless --drop dateline)" in reason


def test_what_the_shipped_rules_remove_is_not_learned_again():
    docs = [article(i, top=["ADVERTISEMENT"], end=["Baca juga:"]) for i in range(4)]
    learned = learn(docs, site="contoh.id")
    assert not learned.rules
    assert rejected(learned, "ADVERTISEMENT") == "already removed by rule ad-banner (ad)"
    assert "baca-juga-line" in rejected(learned, "Baca juga:")
    assert len(learn(docs, site="contoh.id", known=None).rules) == 2  # without them: learned


def test_exact_duplicate_documents_are_counted_once():
    docs = [article(1, end=[PROMO])] * 4
    learned = learn(docs, site="contoh.id")
    assert (learned.documents, learned.duplicates, learned.rules) == (1, 3, ())


def test_the_same_batch_gives_the_same_pack():
    docs = [article(i, end=[f"{i * 7} Pembaca", PROMO]) for i in range(6)]
    first = learn(iter(docs), site="contoh.id").to_toml(generated="2025-01-01")
    assert first == learn(docs, site="contoh.id").to_toml(generated="2025-01-01")


# ---------------------------------------------------------------- guards against story text


def test_a_quote_reprinted_across_a_story_series_is_not_learned():
    quote = (
        "“Kami tidak akan mundur sampai tuntutan kami dipenuhi,” kata Ketua Serikat Budi Santoso."
    )
    warning = "“Jangan percaya pesan berantai di WhatsApp,” kata Kapolres."  # a cue word inside
    docs = [article(i, middle=[warning], end=[quote]) for i in range(5)]
    learned = learn(docs, site="contoh.id")
    assert not learned.rules
    for fragment in ("Kami tidak akan mundur", "Jangan percaya"):
        assert rejected(learned, fragment) == "a quotation: story text reprinted across articles"


def test_a_standard_sentence_inside_articles_is_not_learned():
    legal = (
        "Setiap orang dianggap tidak bersalah sampai ada putusan pengadilan yang berkekuatan "
        "hukum tetap."
    )
    # "Selanjutnya" also opens page links, but a navigation word does not vouch for a sentence
    next_step = "Selanjutnya, polisi akan memeriksa saksi lain untuk melengkapi berkas perkara."
    docs = [article(i, middle=[legal, next_step]) for i in range(5)]
    learned = learn(docs, site="contoh.id")
    assert not learned.rules
    for fragment in ("dianggap tidak bersalah", "Selanjutnya, polisi"):
        assert rejected(learned, fragment) == (
            "reads as a sentence and sits in the middle of articles: story text"
        )


def test_long_repeated_prose_and_templated_sentences_are_not_learned():
    prose = (
        "Kasus ini bermula ketika warga melaporkan adanya aktivitas mencurigakan di sekitar "
        "gudang tua di pinggir kota yang sudah lama tidak dipakai oleh pemiliknya sejak banjir "
        "besar melanda kawasan itu beberapa tahun yang lalu."
    )
    index = "Indeks saham ditutup menguat {}.{} persen ke level 7.{}07 hari ini."
    docs = [article(i, top=[index.format(i, i + 3, i)], end=[prose]) for i in range(1, 5)]
    learned = learn(docs, site="contoh.id")
    assert not learned.rules
    assert rejected(learned, "Kasus ini bermula").startswith("long and reads as prose (")
    assert rejected(learned, "Indeks saham") == (
        "a sentence with numbers or dates in it: story text from a template"
    )


_TEAMS = ["Persib Bandung", "Persija Jakarta", "Arema FC", "Bali United", "Borneo FC",
          "PSM Makassar", "Dewa United"]  # fmt: skip


def _standings(i: int) -> list[str]:
    return [f"{team} - {(i * 7 + k * 5) % 60} poin" for k, team in enumerate(_TEAMS)]


def test_a_table_a_share_of_the_batch_prints_is_not_learned_row_by_row():
    # a sports desk's standings in a third of its articles: each row recurs with its own
    # team's name and varying points, like a credit with its label
    for where in ("middle", "end"):
        docs = [article(i, **{where: _standings(i) if i % 3 == 0 else []}) for i in range(30)]
        learned = learn(docs, site="contoh.id", known=None)
        assert not learned.rules, [r.pattern for r in learned.rules]
        reason = rejected(learned, "Persib Bandung - ")
        assert reason == (
            "numbers without a cue word in the middle of articles: a table's row"
            if where == "middle"
            else "a row of a table (3 or more lines end '- <num> poin')"
        )
    # a line with numbers at the end of every article, alone, is the site's: learned
    docs = [article(i, end=[f"{i * 37 % 900 + 10} Views"]) for i in range(12)]
    [rule] = learn(docs, site="contoh.id", known=None).rules
    assert compiled(rule).fullmatch("1234 Views")


def test_lone_common_words_and_near_total_lines_are_not_learned():
    docs = [article(i, middle=["dan"]) for i in range(4)]
    docs += [
        f"Pengumuman kantor tutup selama libur nasional\n{w}"
        for w in ("Terima kasih", "Salam redaksi", "Hormat kami")
    ]
    learned = learn(docs, site="contoh.id", options=LearnOptions(min_docs=3, min_share=0.3))
    assert not learned.rules
    assert rejected(learned, "dan") == "too short to remove safely (a lone common word)"
    assert rejected(learned, "Pengumuman kantor") == (
        "makes up 78% of its documents: the article itself, not boilerplate"
    )


def test_below_min_docs_or_min_share_is_reported_with_the_numbers():
    docs = [article(i, end=[PROMO] if i < 2 else []) for i in range(10)]
    learned = learn(docs, site="contoh.id", options=LearnOptions(min_docs=3))
    assert rejected(learned, "Warta Contoh") == "seen in 2 of 10 documents, fewer than --min-docs 3"
    options = LearnOptions(min_docs=2, min_share=0.25, cue_share=0.25)
    learned = learn(docs, site="contoh.id", options=options)
    assert rejected(learned, "Warta Contoh") == (
        "seen in 2 of 10 documents (20%), less than --min-share 0.25"
    )


# Boilerplate on one article in ten, and story lines as often: `--cue-share` (0.05) lets the
# first in, as it shows what it is; a cue word, a shape or a place alone does not (the cases
# an adversarial review of real batches found learned by a first version).
_FEW = {
    0: {"end": ["Pewarta: Budi Santoso | Editor: Ani Rahma"]},  # a credit label at the tail
    1: {"middle": ["[Gambas:Video Warta]"]},  # a bracketed tag, in the middle
    2: {"top": ["Komentar Warga Soal Jembatan Baru"]},  # a subheading with a cue word
    3: {"middle": ["KOMENTAR PENGAMAT POLITIK"]},  # ... in capitals
    4: {"top": ["Aplikasi Pinjaman Online (pinjol) Ilegal"]},  # ... with a gloss like a code
    5: {
        "end": [
            "Hingga berita ini diturunkan, pihak kepolisian belum memberikan komentar. (mdk/rhm)"
        ]
    },
    6: {"middle": ["Pendaftaran lewat aplikasi di sscasn.bkn.go.id"]},  # a URL in the story
    7: {"top": ["Ayo Daftar Lewat Aplikasi Mobile JKN"]},  # a prompt-like subheading
    8: {"end": ["Sumber: Badan Pusat Statistik (diolah)"]},  # a table's source
    9: {"end": ["Terima kasih sudah mampir ke lapak Warta Contoh"]},  # no cue word at all
}


def _few_docs() -> list[str]:
    return [article(i, **_FEW.get(i % 10, {})) for i in range(60)]


def test_below_min_share_a_tag_or_credit_label_is_learned_other_shapes_are_not(tmp_path):
    learned = learn(_few_docs(), site="contoh.id", known=None)
    assert sorted((r.category, r.docs) for r in learned.rules) == [("byline", 6), ("embed", 6)]
    pack = write(tmp_path / "p.toml", learned.to_toml())
    # the label generalises its names
    text = article(99, middle=["[Gambas:Video Warta]"], end=["Pewarta: Sri | Editor: Joko"])
    assert removed_by(pack, text, url="https://contoh.id/a", shipped=False) == [
        "[Gambas:Video Warta]",
        "Pewarta: Sri | Editor: Joko",
    ]
    share = "seen in 6 of 60 documents (10%), less than --min-share 0.2"
    for line in ("Komentar Warga", "KOMENTAR", "(pinjol)", "(mdk/rhm)", "Pendaftaran", "Ayo",
                 "Sumber:", "Terima kasih"):  # fmt: skip
        assert rejected(learned, line).startswith(share), line
    # at --min-share or above, --cue-share lets nothing in below it
    off = learn(_few_docs(), site="contoh.id", known=None, options=LearnOptions(cue_share=0.2))
    assert not off.rules and rejected(off, "Pewarta") == share
    # below --cue-share, nothing at all; nor in fewer than five documents
    docs = _few_docs()[:40] + [article(i) for i in range(100, 180)]
    assert not learn(docs, site="contoh.id", known=None).rules
    assert not learn(_few_docs()[:40], site="contoh.id", known=None).rules


def test_below_min_share_a_related_marker_is_not_learned():
    # a marker's rule takes what follows it: that needs the evidence of --min-share
    docs = [_links("Lihat Juga:", i, glued=False) if i % 10 == 0 else article(i) for i in range(60)]
    learned = learn(docs, site="warta.id", known=None)
    assert not learned.rules
    assert "less than --min-share" in rejected(learned, "Lihat Juga")


def test_the_cue_shortcut_finds_what_the_full_cue_search_finds():
    # `guess_category` tries its big pattern only where a cue can start (the starts are
    # derived from the cue patterns); on every line of the corpus and the bulk fixtures,
    # and on each cue's own spellings, it says what the full search says
    from cleaner.learn import guards

    assert guards._CUE_START is not None
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "tests/cases/corpus/raw").glob("*")]
    for path in (CASES / "bulk").glob("*.jsonl"):
        texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]
    lines = [t[u.start : u.end] for t in texts for u in units(t)]
    lines += ["Editor's Picks", "(ANTARA FOTO/Ali)", "© 2025", "TAGS: banjir", "Dok. Istimewa"]
    cued = 0
    for line in lines:
        m = guards._ANY_CUE.search(line)
        full = ("navigation", None) if m is None else (m.lastgroup, m.group())
        assert guards.guess_category(line) == full, line
        cued += m is not None
    assert 100 < cued < len(lines) // 2  # (both kinds of line were tried)


def test_the_marker_scan_finds_what_the_marker_pattern_finds():
    # `_cue_markers` looks for each cue's second word and reads the cue around it only where
    # a first word comes right before; it must find every match of the pattern itself
    from cleaner.learn import pieces

    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "tests/cases/corpus/raw").glob("*")]
    for path in (CASES / "bulk").glob("*.jsonl"):
        texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]
    texts += [
        "kata dia.Baca JugaHarga naik. BACA\u00a0\u00a0JUGA: X\nbacajuga: Y",
        "Editor's Picks: A | Editor's pick B | PILIHAN EDITOR - C | Pilihan Redaksi D",
        "Berita   Terkait: A\nARTIKEL LAINNYA B\nJangan Lewatkan: C juga juga terkait",
    ]
    found = 0
    for text in texts:
        spans = [m.span() for m in pieces._CUE_MARKER.finditer(text)]
        assert [m.span() for m in pieces._cue_markers(text)] == spans, text[:200]
        found += len(spans)
    assert found > 50  # (markers were there to find)


@pytest.mark.parametrize(
    ("piece", "expected"),
    [
        ("Continue reading Editor's Picks", True),
        ("Iklan BACA JUGA :", True),
        ("Simak Berita Lainnya -", True),
        ("Ikuti kami. Jangan\u00a0lewatkan", True),
        ("Pilihan Redaksi|", True),
        ("kata dia juga", False),  # `juga` without the word before it that makes a cue
        ("Baca juga: Harga naik", False),  # the cue opens it, a headline ends it
        ("Baca juga ::", False),  # one separator at most
    ],
)
def test_a_piece_ends_with_cue_words(piece, expected):
    from cleaner.learn import pieces

    assert pieces.ends_with_cue(piece) is expected


# ---------------------------------------------------------------- bounded memory


def test_the_table_never_exceeds_its_cap_and_the_recurring_line_is_still_found():
    options = LearnOptions(max_keys=400, min_docs=3)
    learner = Learner("contoh.id", options)
    sizes = []
    for i in range(20_000):
        promo = "\nIkuti kanal Warta Contoh di WhatsApp" if i % 4 == 0 else ""
        # (a line with a colon is always counted: its name after a cue may vary)
        learner.add(f"Kabar: {i} {_WHAT[i % 13]} {_WHO[i % 7]} {_DID[i % 11]} {i * 7919}{promo}")
        sizes.append(len(learner))
    assert max(sizes) <= 400 and learner.budget.peak <= 400
    assert learner.count_error > 0  # the table really was pruned
    result = learner.finish(None)
    [rule] = result.rules
    assert rule.pattern == r"Ikuti\s+kanal\s+Warta\s+Contoh\s+di\s+WhatsApp"
    assert 5000 - result.count_error <= rule.docs <= 5000  # a lower bound, off by at most that


def test_sites_of_a_batch_share_one_cap():
    batch = Batch(LearnOptions(max_keys=64))
    for i in range(600):
        batch.add(f"site{i % 3}.id", f"Baris unik {i} {_WHAT[i % 13]}\nIkuti kanal kami")
    assert sum(len(learner) for learner in batch.learners.values()) <= 64
    assert batch.budget.peak <= 64
    assert all(learner.finish(None).rules for learner in batch.learners.values())


# ---------------------------------------------------------------- markers of related links


def _links(marker: str, i: int, glued: bool, titled: bool = False) -> str:
    """An article with a related link under `marker` (to article i + 3 of the batch: its
    headline another each time): on a line of its own, or glued into a paragraph; with its
    own title on top if `titled`."""
    link = f"{marker} {headline(i + 3).title()}"
    title = f"{headline(i).title()}\n" if titled else ""
    if glued:
        return f"{title}{story(i)} {story(i + 1)}{link} {story(i + 2)}\n{story(i + 4)}\n"
    return f"{title}{story(i)}\n{link}\n{story(i + 2)}\n{story(i + 4)}\n"


def test_a_marker_with_a_related_cue_takes_the_headline_after_it_glued_or_not(tmp_path):
    # each link under `Berita Lainnya:` has another headline, so no line repeats: the marker
    # does, with a headline after it, on its line or glued
    marker = "Berita Lainnya:"
    docs = [_links(marker, i, glued=i % 2 == 1) for i in range(12)]
    learned = learn(docs, site="warta.id", known=None)
    [rule] = learned.rules
    assert (rule.category, rule.scope, rule.extend) == ("related", "span", "headline")
    assert rule.description.startswith("Related-link marker, with the headline after it")
    assert any(r.startswith(f"[[{marker} ") and "]] " in r for r in rule.remove)
    assert all(check(Example(rule.rule(), "remove", r)) is None for r in rule.remove)
    text = learned.to_toml()
    assert tomllib.loads(text)["rule"][0]["extend"] == "headline"
    pack = write(tmp_path / "warta.toml", text)
    fresh = _links(marker, 40, glued=True)
    out = Cleaner(rules=[pack], default_rules=False).clean(fresh).text
    assert out == f"{story(40)} {story(41)} {story(42)}\n{story(44)}\n"
    # a story sentence that holds the words without a separator or a capital after them stays
    told = f"{story(50)}\nKata dia, berita lainnya menyebut {headline(51)} ditulis kemarin."
    assert Cleaner(rules=[pack], default_rules=False).clean(told).text == told


def test_a_related_marker_is_one_in_any_case_and_with_any_separator(tmp_path):
    # a site writes its marker three ways, none in 20% of its articles alone; counted as one
    # marker, its rule takes all three, and one after a word whose stop the scraper lost
    spellings = ["Lihat Juga:", "LIHAT JUGA -", "lihat juga:"]
    docs = [_links(spellings[i % 3], i, glued=False) for i in range(12)]
    learned = learn(docs, site="warta.id", known=None, options=LearnOptions(min_share=0.5))
    [rule] = learned.rules
    assert rule.category == "related" and rule.docs == 12
    cleaner = Cleaner(rules=[write(tmp_path / "w.toml", learned.to_toml())], default_rules=False)
    for marker in [*spellings, "Lihat juga"]:
        assert cleaner.clean(_links(marker, 40, glued=False)).text == (
            f"{story(40)}\n{story(42)}\n{story(44)}\n"
        ), marker
    lost = f"{story(45)} kata dia Lihat Juga: {headline(46).title()}\n{story(47)}\n"
    assert cleaner.clean(lost).text == f"{story(45)} kata dia\n{story(47)}\n"
    # the words in a sentence, before a lower-case word, stay
    told = f"{story(48)}\nLihat juga bagaimana warga bergotong royong di kampung itu.\n"
    assert cleaner.clean(told).text == told


def test_a_marker_without_cue_words_is_not_learned_even_before_links(tmp_path):
    # `Artikel Pilihan:` before links to the batch's own articles: nothing in a batch tells
    # such a marker apart from a label before recurring values (`Lokasi: <venue>`), so the
    # learner leaves it; the shipped rules and cue words cover the usual spellings
    docs = [_links("Artikel Pilihan:", i, glued=i % 3 == 2, titled=True) for i in range(12)]
    learned = learn(docs, site="warta.id", known=None)
    assert not [r.pattern for r in learned.rules if r.extend]


def test_a_marker_on_a_line_of_its_own_takes_the_headline_lines_under_it(tmp_path):
    docs = [
        f"{headline(i).title()}\n{story(i)}\nBERITA TERKAIT\n{headline(i + 1).title()}\n"
        f"{headline(i + 20).title()}\n{story(i + 3)}\n"
        for i in range(10)
    ]
    learned = learn(docs, site="warta.id", known=None)
    [rule] = learned.rules
    assert (rule.category, rule.extend) == ("related", "headline-lines")
    pack = write(tmp_path / "warta.toml", learned.to_toml())
    links = f"{headline(31).title()}\n{headline(32).title()}"
    fresh = f"{story(30)}\nBerita Terkait\n{links}\n{story(33)}\n"
    out = Cleaner(rules=[pack], default_rules=False).clean(fresh).text
    assert out == f"{story(30)}\n{story(33)}\n"
    # the words opening a story sentence in a paragraph, or in lower case, stay
    for told in (f"{story(34)} Berita Terkait Kasus Itu Beredar Sejak Pagi, kata polisi.\n",
                 f"{story(35)}\nberita terkait kasus itu beredar sejak pagi.\n"):  # fmt: skip
        assert Cleaner(rules=[pack], default_rules=False).clean(told).text == told


def test_a_repeated_prompt_ending_in_a_related_cue_takes_the_headline_after_it(tmp_path):
    # an ad prompt glued to an editor's-picks marker, then another article's title each time:
    # the prompt is learned as a repeat, and its rule takes the title after it too
    prompt = "Continue reading below Editor's Picks"
    docs = [f"{story(i)}\n{prompt} {headline(i + 1).title()} {story(i + 2)}\n{story(i + 3)}\n"
            for i in range(12)]  # fmt: skip
    learned = learn(docs, site="warta.id", known=None)
    [rule] = learned.rules
    assert (rule.scope, rule.extend) == ("span", "headline")
    assert rule.description.startswith("Repeated text ending in a related cue, with the headline")
    pack = write(tmp_path / "warta.toml", learned.to_toml())
    fresh = f"{story(40)}\n{prompt} {headline(41).title()} {story(42)}\n"
    assert Cleaner(rules=[pack], default_rules=False).clean(fresh).text == (
        f"{story(40)}\n{story(42)}\n"
    )


def test_a_repeated_line_ends_with_cue_words_only_to_take_what_follows(tmp_path):
    # `Rekomendasi:` and `Destinasi Wisata Terpopuler` end with words that say related, but
    # no related cue words: their lines may be learned, never with the line under them
    docs = [f"{story(i)}\nRekomendasi:\n{headline(i + 1).title()}\nDestinasi Wisata Terpopuler\n"
            f"{headline(i + 30).title()}\n{story(i + 3)}\n" for i in range(12)]  # fmt: skip
    learned = learn(docs, site="warta.id", known=None)
    assert not [r.pattern for r in learned.rules if r.extend]


def test_cue_words_inside_words_quotations_or_sentences_are_left_alone(tmp_path):
    # a site's `Baca juga:` links teach a rule for them; the words in story text stay
    docs = [_links("Baca juga:", i, glued=False) for i in range(8)]
    docs += [f"{story(i)}\nIa gemar membaca juga {headline(i).title()} setiap malam.\n"
             for i in range(20, 24)]  # fmt: skip
    [rule] = learn(docs, site="warta.id", known=None).rules
    cleaner = Cleaner(rules=[write(tmp_path / "w.toml", learn(docs, site="warta.id", known=None)
                                   .to_toml())], default_rules=False)  # fmt: skip
    for told in (
        "Ia gemar membaca juga Harry Potter Dan Lord Of The Rings. Buku itu dibelinya di Jakarta.",
        "Para hadirin menyimak juga Pidato Kenegaraan Presiden. Sidang berlangsung dua jam.",
        "“Baca juga Pasal 12B UU Tipikor,” kata Ketua KPK. Ia menegaskan hal itu di Jakarta.",
        "Ia berkata, baca juga Undang-Undang Cipta Kerja sebelum sidang dimulai.",
    ):
        assert cleaner.clean(told).text == told, rule.pattern
    assert cleaner.clean(f"{story(1)}\nbaca juga: {headline(2)}\n").text == f"{story(1)}\n"


def test_labels_questions_and_quotes_after_a_colon_are_no_link_markers(tmp_path):
    # an interview's questions, a speaker's quotes, a field label before values that recur
    # across articles and a label that holds a cue word (`Rekomendasi Ombudsman:`) start
    # lines in every article with capitals after them: no link rule takes what follows
    venues = ["Gelora Bung Karno", "Stadion Patriot", "Jakarta International Stadium",
              "Stadion Si Jalak Harupat", "Stadion Manahan", "Stadion Kanjuruhan"]  # fmt: skip
    docs = [
        f"{headline(i).title()}\n{story(i)}\nTanya: Apa Kabar {headline(i + 3).title()}?\n"
        f"Budi Santoso: “{headline(i + 5).title()}!”\nLokasi: {venues[i % 6]}\n"
        f"Rekomendasi Ombudsman: {headline(i + 1).title()}\n{story(i + 2)}\n"
        for i in range(12)
    ]
    learned = learn(docs, site="warta.id", known=None)
    assert not [r.pattern for r in learned.rules if r.extend]
    if learned.rules:  # whatever else it learned leaves the lines after the labels alone
        pack = write(tmp_path / "w.toml", learned.to_toml())
        out = Cleaner(rules=[pack], default_rules=False).clean(docs[0]).text
        assert all(value in out for value in ("Apa Kabar", "Budi Santoso", venues[0]))


def test_cue_words_opening_story_sentences_are_no_link_even_when_they_repeat():
    # a series of articles cites laws the same way, after a sentence end in a paragraph:
    # `Lihat juga Pasal N Undang Undang ...` repeats as a token sequence, with a cue word
    laws = ["Undang Undang Cipta Kerja", "Undang Undang Pers", "Undang Undang Pemilu",
            "Undang Undang Desa", "Undang Undang Perlindungan Konsumen"]  # fmt: skip
    docs = [f"{story(i)} Lihat juga Pasal {i + 3} {laws[i % 5]} soal {_WHAT[i % 13]}. "
            f"{story(i + 40)}" for i in range(12)]  # fmt: skip
    learned = learn(docs, site="warta.id")
    assert learned.rules == ()
    assert "open a sentence of the story" in rejected(learned, "Lihat juga Pasal")
    # ... nor the whole sentence, the same in every article (a sentence-like segment)
    docs = [f"{story(i)} Lihat juga Pasal {i + 3} Undang Undang Pers soal hak jawab. "
            f"{story(i + 40)}" for i in range(12)]  # fmt: skip
    assert learn(docs, site="warta.id").rules == ()


def test_a_marker_the_shipped_rules_remove_twice_in_its_context_is_not_learned_again():
    # two links on one line: the shipped rule removes both, the one the marker is in first
    docs = [f"{story(i)}\nBaca juga: {headline(i + 1).title()}  Baca juga: "
            f"{headline(i + 2).title()}\n{story(i + 3)}\n" for i in range(12)]  # fmt: skip
    learned = learn(docs, site="warta.id")
    assert learned.rules == ()
    assert rejected(learned, "Baca juga:").startswith("already removed by rule baca-juga-inline")


def test_a_colon_before_story_text_is_no_marker():
    # a dateline with a colon, and the questions and answers of an interview, recur at the
    # start of lines in every article: no related cue words, no link rule
    docs = [f"Jakarta: {story(i)} {story(i + 1)}\nTanya: {story(i + 2)}\nJawab: {story(i + 3)}"
            for i in range(12)]  # fmt: skip
    learned = learn(docs, site="warta.id", known=None)
    assert not [r.pattern for r in learned.rules if r.extend]


def test_a_byline_cue_is_learned_with_its_name_not_as_a_marker():
    # `Pewarta:` at the start of a line is no related marker; its rule is the line's, name
    # and all
    names = ["Ani Lestari", "Budi Santoso", "Citra Dewi", "Dodi Hartono"]
    docs = [article(i, end=[f"Pewarta: {names[i % 4]}"]) for i in range(8)]
    learned = learn(docs, site="warta.id", known=None)
    assert [(r.pattern, r.extend) for r in learned.rules] == [(r"Pewarta\s*:\s*{name}", "")]


# ---------------------------------------------------------------- the pack


def test_the_pack_round_trips_through_toml_and_loads(tmp_path):
    odd = "Tekan “OK” \\ lalu 'Lanjut' sekarang: C:\\path '''"
    docs = [article(i, end=[odd]) for i in range(3)]
    learned = learn(docs, site="contoh.id", known=None)
    text = learned.to_toml(generated="2025-06-18", inputs=["a/", "b.jsonl"])
    data = tomllib.loads(text)
    assert data["rule"][0]["remove"] == [odd]
    assert data["pack"]["sites"] == ["contoh.id"]
    assert text.startswith("# Rule pack learned for contoh.id by `cleaner learn` on 2025-06-18.")
    assert "REVIEW BEFORE USE" in text and "--min-docs 3 --min-share 0.2" in text
    pack = load_pack(write(tmp_path / "p.toml", text))
    assert [r.id for r in pack.rules] == ["learned-contoh-id-tekan-ok-lalu-lanjut"]


def test_a_no_break_space_is_learned_as_the_cleaner_reads_it(tmp_path):
    # the learner reads a document as the cleaner does (a no-break space as a blank, a
    # character reference as its character): its example shows a blank, and the pack
    # removes the line however its blanks and references are written
    promo = "Ikuti\u00a0kanal WhatsApp Warta untuk kabar terbaru hari ini"
    docs = [article(i, end=[promo]) for i in range(3)]
    learned = learn(docs, site="warta.id", known=None)
    assert [r.remove for r in learned.rules] == [(promo.replace("\u00a0", " "),)]
    pack = write(tmp_path / "p.toml", learned.to_toml(generated="2025-06-18"))
    cleaner = Cleaner(rules=[pack], default_rules=False)
    for spelling in (promo, promo.replace("\u00a0", "&nbsp;"), promo.replace("\u00a0", " ")):
        result = cleaner.clean(article(7, end=[spelling]), site="warta.id")
        assert [r.text.strip() for r in result.removals] == [spelling]


def test_site_of_groups_subdomains_under_their_domain():
    assert site_of("https://otomotif.kompas.com/read/1") == "kompas.com"
    assert site_of("https://www.republika.co.id/berita/x") == "republika.co.id"
    assert site_of("https://news.detik.com/x", by="host") == "news.detik.com"
    assert site_of("not a url") is None


# ---------------------------------------------------------------- real articles of one outlet


def labelled(folder: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Label spans of each article as offsets (white space in a span matches any or none)."""
    spans = {}
    for path in sorted(folder.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        data = json.loads((folder / "labels" / f"{path.stem}.json").read_text(encoding="utf-8"))
        found, pos = [], 0
        for span in data["spans"]:
            rx = r"\s*".join(regex.escape(w) for w in span["text"].split())
            m = regex.compile(rx).search(raw, pos)
            assert m, (path.name, span["text"])
            found.append((m.start(), m.end(), span["category"]))
            pos = m.end()
        spans[path.name] = found
    return spans


def test_learning_merdeka_removes_its_byline_and_nothing_of_the_story(tmp_path):
    # The learner alone, as on a site whose credit line the shipped rules do not know (they
    # know merdeka's since closing-source-credit: see the test after this one).
    folder = CASES / "merdeka"
    pack = tmp_path / "merdeka.toml"
    result = run("learn", folder, "--no-default-rules", "--out", pack)
    assert result.exit_code == 0, result.stderr
    assert run("rules", "check", pack).exit_code == 0
    for name, spans in labelled(folder).items():
        raw = (folder / name).read_text(encoding="utf-8")
        res = Cleaner(rules=[pack], default_rules=False).clean(raw)
        learned = [r for r in res.removals if r.rule_id.startswith("learned-")]
        assert learned, name
        for r in learned:  # every learned removal lies inside a labelled boilerplate span
            text = r.text.strip()
            start = r.start + r.text.index(text)
            assert any(s <= start and start + len(text) <= e for s, e, _ in spans), (name, text)
        byline = [raw[s:e] for s, e, c in spans if c == "byline"]
        assert byline and all(b not in res.text for b in byline), name


def test_on_top_of_the_shipped_rules_merdeka_has_nothing_left_to_learn(tmp_path):
    folder = CASES / "merdeka"
    pack = tmp_path / "merdeka.toml"
    result = run("learn", folder, "--min-docs", "2", "--out", pack, "-v")
    assert result.exit_code == 0, result.stderr
    lines = errors(result)
    assert any("already removed by rule closing-source-credit" in line for line in lines), lines
    assert lines[-1].endswith("nothing repeats often enough: no pack written")
    assert not pack.exists()
    for name, spans in labelled(folder).items():  # the shipped rules take exactly the credit
        raw = (folder / name).read_text(encoding="utf-8")
        gone = [r.text.strip() for r in Cleaner().clean(raw).removals]
        assert gone == [raw[s:e] for s, e, _ in spans], name


def test_merdeka_leave_one_out_generalises_the_byline_names(tmp_path):
    folder = CASES / "merdeka"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    learned = learn(texts[1:], site="merdeka", options=LearnOptions(min_docs=2), known=None)
    [rule] = learned.rules  # learned from "Reporter: Tira Santia,Sumber: ," twice
    assert rule.category == "byline" and rule.scope == "span"
    pack = write(tmp_path / "m.toml", learned.to_toml())
    credit = "Reporter: Pipit Ika Ramadhani,Sumber: Liputan6.com"
    assert removed_by(pack, texts[0], shipped=False) == [credit]


def test_learning_kompas_removes_the_split_whatsapp_promo_and_nothing_of_the_story(tmp_path):
    folder = CASES / "kompas"
    spans = labelled(folder)
    # The learner alone (as on a site the shipped rules do not know) finds the promo that the
    # scraper split at its links, and its rule removes exactly that.
    pack = tmp_path / "kompas.toml"
    result = run(
        "learn", folder, "--site", "kompas.com", "--min-docs", "2", "--no-default-rules",
        "--out", pack, "-v",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert run("rules", "check", pack).exit_code == 0
    [promo] = [r for r in load_pack(pack).rules if r.category == "promo"]
    for name in sorted(spans):
        raw = (folder / name).read_text(encoding="utf-8")
        got = Cleaner(rules=[pack], default_rules=False).clean(raw, url="https://kompas.com/x")
        gone = [r.text.strip() for r in got.removals if r.rule_id == promo.id]
        labels = [raw[s:e] for s, e, c in spans[name] if c == "promo"]
        assert gone == labels, name  # kompas__004 and __005 have the promo, the others not
    # On top of the shipped rules, which now know this promo (over its eight lines too: a
    # piece is judged with the lines around it), learning says so and learns nothing.
    pack = tmp_path / "kompas-on-top.toml"
    result = run("learn", folder, "--site", "kompas.com", "--min-docs", "2", "--out", pack, "-v")
    assert result.exit_code == 0, result.stderr
    lines = errors(result)
    assert any('rejected "Baca juga:"' in line and "baca-juga-line" in line for line in lines)
    for piece in ("Simak breaking news", "Pilih saluran andalanmu", "Pastikan kamu sudah"):
        assert any(
            f'rejected "{piece}' in line
            and "already removed by rule whatsapp-breaking-news" in line
            for line in lines
        ), piece
    # no rule, but the related headlines of its own-line links, for the engine to end glued
    # links with: a pack of headlines alone
    assert lines[-1] == (
        f"cleaner: kompas.com: no rule and 9 related headlines learned from 5 documents: {pack}"
    )
    assert not load_pack(pack).rules
    assert (
        "Menaker: Kenaikan Klaim JKP Tak Selalu Cerminkan Lonjakan PHK" in load_pack(pack).headlines
    )
    # and the shipped rules remove nothing of the labelled story
    for name in sorted(spans):
        raw = (folder / name).read_text(encoding="utf-8")
        for r in Cleaner().clean(raw, url="https://kompas.com/x").removals:
            core = r.text.strip()
            at = raw.index(core, r.start)
            assert any(s <= at and at + len(core) <= e for s, e, _ in spans[name]), (name, core)


# ---------------------------------------------------------------- the command line


def test_cli_learn_check_clean_end_to_end(tmp_path):
    folder = tmp_path / "warta"
    for i in range(4):
        write(folder / f"a{i}.txt", article(i, top=["Warta Contoh - Kabar Terpercaya"],
                                            end=[f"{i * 13 + 2} Pembaca"]))  # fmt: skip
    pack = tmp_path / "rules/learned/warta.toml"
    result = run("learn", folder, "--out", pack)
    assert result.exit_code == 0, result.stderr
    assert errors(result) == [
        f"cleaner: warta: 2 rules and 4 related headlines learned from 4 documents: {pack}"
    ]  # the headlines: the articles' titles, above their stories
    assert [r.category for r in load_pack(pack).rules] == ["navigation", "byline"]
    check_result = run("rules", "check", pack)
    assert check_result.exit_code == 0, check_result.stdout
    new = write(tmp_path / "new.txt", article(9, top=["Warta Contoh - Kabar Terpercaya"],
                                              end=["7 Pembaca"]))  # fmt: skip
    cleaned = run("clean", "--rules", pack, new)
    assert cleaned.exit_code == 0, cleaned.stderr
    assert "Pembaca" not in cleaned.stdout
    assert story(45) in cleaned.stdout and headline(9) in cleaned.stdout


def test_cli_one_site_goes_to_stdout(tmp_path):
    folder = tmp_path / "warta"
    for i in range(3):
        write(folder / f"a{i}.txt", article(i, end=[PROMO]))
    result = run("learn", folder)
    assert result.exit_code == 0, result.stderr
    assert tomllib.loads(result.stdout)["rule"][0]["category"] == "promo"


def test_cli_jsonl_groups_records_by_site_and_writes_one_pack_each(tmp_path):
    records = []
    for i in range(8):
        site, tail = (
            ("www.alpha.co.id", "Alpha Plus - Berita Tanpa Batas")
            if i % 2
            else ("m.beta.com", "Dukung Beta dengan berlangganan sekarang")
        )
        records.append({"id": i, "meta": {"url": f"https://{site}/berita/{i}"},
                        "body": {"text": article(i, end=[tail])}})  # fmt: skip
    dump = jsonl(tmp_path / "dump.jsonl", records)
    out = tmp_path / "learned"
    result = run("learn", dump, "--field", "body.text", "--url-field", "meta.url", "--out", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["alpha.co.id.toml", "beta.com.toml"]
    alpha = load_pack(out / "alpha.co.id.toml")
    assert alpha.sites == ("alpha.co.id",) and alpha.rules[0].category == "navigation"
    cleaned = run("clean", dump, "--field", "body.text", "--url-field", "meta.url",
                  "--rules", out)  # fmt: skip
    texts = [json.loads(line)["body"]["text"] for line in cleaned.stdout.splitlines()]
    assert len(texts) == 8
    assert not any("Alpha Plus" in t or "Dukung Beta" in t for t in texts)
    # a site's pack applies to its own pages only
    other = Cleaner(rules=[out]).clean(article(1, end=["Alpha Plus - Berita Tanpa Batas"]),
                                       url="https://beta.com/x")  # fmt: skip
    assert "Alpha Plus" in other.text


def test_cli_site_field_names_each_records_site_as_clean_learn_reads_it(tmp_path):
    tails = {"Alpha": "Alpha Plus - Berita Tanpa Batas", "beta": "Dukung Beta sekarang juga"}
    records = [{"outlet": name, "text": article(i, end=[tails[name]])}
               for i in range(8) for name in ["Alpha" if i % 2 else "beta"]]  # fmt: skip
    records.append({"text": article(9)})  # no site and no URL: said, and the rest learned
    dump = jsonl(tmp_path / "dump.jsonl", records)
    out = tmp_path / "learned"
    result = run("learn", dump, "--site-field", "outlet", "--out", out)
    assert result.exit_code == 1
    assert (
        errors(result)[0] == f"cleaner: {dump}: line 9: no site in field 'outlet' to tell its site"
    )
    assert sorted(p.name for p in out.iterdir()) == ["alpha.toml", "beta.toml"]
    assert load_pack(out / "alpha.toml").rules[0].pattern.startswith("Alpha")
    usage = run("learn", dump)
    assert usage.exit_code == 2 and "--site-field FIELD" in usage.stderr


def test_cli_ngram_finds_shorter_glued_boilerplate_and_max_headlines_caps_the_list(tmp_path):
    # five words glued into the middle of a sentence of real articles: a run of 6 tokens
    # takes a story word with it each time; runs of 4 find it
    glued = []
    for line in (CASES / "bulk/cnnindonesia.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        first = next((u for u in units(text) if len(text[u.start : u.end].split()) > 20), None)
        if first is not None:
            words = text[first.start : first.end].split(" ")
            paragraph = " ".join([*words[:12], "iklan sponsor warta contoh ya", *words[12:]])
            text = text[: first.start] + paragraph + text[first.end :]
        glued.append({"url": "https://cnnindonesia.com/x", "text": text})
    dump = jsonl(tmp_path / "dump.jsonl", glued)
    found = {}
    for n in ("6", "4"):
        out = tmp_path / f"n{n}.toml"
        result = run("learn", dump, "--url-field", "url", "--no-default-rules", "--ngram", n,
                     "--max-headlines", "0", "--out", out)  # fmt: skip
        assert result.exit_code == 0, result.stderr
        found[n] = tomllib.loads(out.read_text(encoding="utf-8"))

    def patterns(pack):
        return [r["pattern"] for r in pack["rule"] if "iklan" in r["pattern"]]

    assert patterns(found["6"]) == []
    assert patterns(found["4"]) == [
        r"(?<!\w)iklan\s*sponsor\s*warta\s*contoh\s*ya(?![\p{Ll}\p{N}])"
    ]
    # antaranews' batch shows related headlines whole, and on top of the shipped rules that
    # is all it teaches: a pack of headlines, or with none allowed, no pack at all
    antara = CASES / "bulk/antaranews.jsonl"
    out = tmp_path / "antara.toml"
    run("learn", antara, "--site", "antaranews.com", "--out", out)
    assert tomllib.loads(out.read_text(encoding="utf-8"))["pack"]["headlines"]
    out.unlink()
    capped = run("learn", antara, "--site", "antaranews.com", "--max-headlines", "0", "--out", out)
    assert "nothing repeats often enough" in capped.stderr and not out.exists()
    cleaned = run("clean", dump, "--url-field", "url", "--learn", "--ngram", "4")
    assert cleaned.exit_code == 0 and "iklan sponsor" not in cleaned.stdout


def test_cli_verbose_lists_rejected_candidates_with_reasons(tmp_path):
    quote = (
        "“Kami tidak akan mundur sampai tuntutan kami dipenuhi,” kata Ketua Serikat Budi Santoso."
    )
    folder = tmp_path / "seri"
    for i in range(4):
        write(folder / f"a{i}.txt", article(i, end=[quote, "ADVERTISEMENT", PROMO]))
    result = run("learn", folder, "--out", tmp_path / "seri.toml", "--verbose")
    assert result.exit_code == 0, result.stderr
    lines = errors(result)
    learned = "cleaner: seri: learned learned-seri-langganan-warta-contoh-premium (promo, line): "
    assert any(line.startswith(learned) for line in lines)
    assert any(
        line.startswith('cleaner: seri: rejected "“Kami tidak akan mundur sampai')
        and line.endswith('…" (4 documents): a quotation: story text reprinted across articles')
        for line in lines
    )
    banner = "already removed by rule ad-banner (ad)"
    assert f'cleaner: seri: rejected "ADVERTISEMENT" (4 documents): {banner}' in lines


def test_cli_bad_inputs_are_one_line_each_and_the_rest_is_learned(tmp_path):
    records = [{"url": f"https://warta.id/{i}", "text": article(i, end=[PROMO])}
               for i in range(4)]  # fmt: skip
    lines = [json.dumps(r) for r in records]
    lines.insert(1, '{"url": "https://warta.id/x", "text": ')
    lines.append(json.dumps({"text": "Tanpa alamat."}))
    dump = write(tmp_path / "d.jsonl", "\n".join(lines) + "\n")
    result = run(
        "learn", dump, tmp_path / "nope.txt", "--url-field", "url", "--out", tmp_path / "o"
    )
    assert result.exit_code == 1
    messages = errors(result)
    assert messages[0].startswith(f"cleaner: {dump}: line 2: not valid JSON at column")
    assert messages[1] == f"cleaner: {dump}: line 6: no URL in field 'url' to tell its site"
    assert messages[2] == f"cleaner: {tmp_path / 'nope.txt'}: no such file or folder"
    assert messages[3].startswith("cleaner: warta.id: 1 rule and 4 related headlines learned")
    assert (tmp_path / "o/warta.id.toml").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "--url-field", "url"], "reading a document from stdin: give --site NAME"),
        (["{dump}"], "JSONL records need --url-field FIELD, --site-field FIELD or --site NAME"),
        (["{dump}", "--url-field", "url", "--out", "{tmp}/x.toml"], "2 sites found (a.id, b.id)"),
        (["{dump}", "--url-field", "url", "--min-docs", "1"], "Invalid value for '--min-docs'"),
    ],
)
def test_cli_usage_errors_exit_2(tmp_path, args, message):
    records = [{"url": f"https://{s}/{i}", "text": article(i, end=[f"Langganan {s} Premium"])}
               for i in range(6) for s in ("a.id", "b.id")]  # fmt: skip
    dump = jsonl(tmp_path / "d.jsonl", records)
    args = [a.format(dump=dump, tmp=tmp_path) for a in args]
    result = run("learn", *args, input="Isi berita.\n")
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert message in result.stderr
    assert not (tmp_path / "x.toml").exists()


def test_cli_reports_sites_with_too_few_documents(tmp_path):
    folder = tmp_path / "kecil"
    for i in range(2):
        write(folder / f"a{i}.txt", article(i, end=[PROMO]))
    result = run("learn", folder, "--out", tmp_path / "o.toml")
    assert result.exit_code == 0
    assert errors(result) == [
        "cleaner: kecil: 2 documents, fewer than --min-docs 3: nothing learned"
    ]
    assert not (tmp_path / "o.toml").exists()
