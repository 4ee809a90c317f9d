"""Mining by repeated token sequences (cleaner/learn/repeats.py, cores.py): boilerplate glued
where no line or sentence end marks it, in glued, comma-joined and word-tokenised text; the
guards that keep the same week's story text out; bounded memory; and the related headlines a
batch shows whole (cleaner/learn/headlines.py), which end glued links exactly."""

from __future__ import annotations

import random

import pytest
import regex

from cleaner import Cleaner
from cleaner.learn import Learner, LearnOptions, learn
from cleaner.learn.cores import core
from cleaner.learn.headlines import Headlines, headline_like
from cleaner.learn.repeats import EDGE_CHARS, Grams, gram_hashes, tokens
from cleaner.packs import FLAGS, load_pack

from .clitools import write
from .test_learn import rejected

AD = "Lanjutkan membaca artikel di bawah iklan berikut ini"
_WORDS = (  # noqa: SIM905 (a list literal of 67 words would be far longer)
    "warga petani harga beras pasar jalan desa kota banjir hujan sekolah guru murid rumah "
    "sakit dokter pasien polisi saksi sidang hakim jaksa kapal nelayan ikan laut pantai "
    "gunung hutan kebun kopi teh gula garam minyak listrik air tanah sawah panen pupuk "
    "bibit modal pinjaman bunga bank kantor pegawai gaji upah buruh pabrik mesin truk bus "
    "kereta stasiun bandara pesawat tiket wisata hotel kamar makanan minuman obat vaksin "
).split()


def prose(i: int, k: int) -> str:
    """A story sentence of its own: `k` words drawn for sentence `i` (none repeats another)."""
    rng = random.Random(i)
    words = [rng.choice(_WORDS) for _ in range(k)]
    return " ".join([words[0].capitalize(), *words[1:]]) + "."


def glued(i: int, insert: str, layout: str) -> str:
    """An article of three story sentences with `insert` between the first two, laid out
    as scrapers do: glued with no blank, comma-joined, or word-tokenised."""
    one, two, three = prose(i, 14), prose(i + 1000, 12), prose(i + 2000, 15)
    if layout == "glued":
        return f"{one}{insert}{two}{three}"
    if layout == "comma-joined":
        return f"{one},{insert},{two},{three}"
    words = regex.sub(r"(?<=\w)([.,])", r" \1", f"{one} {insert} {two} {three}")
    return words  # "kata dia . Lanjutkan membaca ..."


def matches(rule, text: str) -> bool:
    return regex.compile(rule.expanded, FLAGS).search(text) is not None


# ---------------------------------------------------------------- candidates


@pytest.mark.parametrize("layout", ["glued", "comma-joined", "word-tokenised"])
def test_a_glued_prompt_is_learned_in_every_layout(layout, tmp_path):
    docs = [glued(i, AD, layout) for i in range(8)]
    result = learn(docs, site="contoh.id", known=None)
    rule = next(r for r in result.rules if "Lanjutkan" in r.pattern)
    assert (rule.category, rule.scope) == ("ad", "span")
    # cleaned from an article it was not learned from, with the sentences around it kept
    pack = write(tmp_path / "p.toml", result.to_toml())
    fresh = glued(30, AD, layout)
    out = Cleaner(rules=[pack], default_rules=False).clean(fresh, url="https://contoh.id/x")
    assert "Lanjutkan" not in out.text
    assert out.text.replace(" ", "").replace(",", "") == fresh.replace(AD, "").replace(
        " ", ""
    ).replace(",", "")  # nothing else went


def test_word_tokenised_text_needs_the_token_sequences():
    # with " . " between sentences no segment isolates the prompt: only a run of tokens can
    docs = [glued(i, AD, "word-tokenised") for i in range(8)]
    [rule] = learn(docs, site="contoh.id", known=None).rules
    assert rule.description.startswith("Repeated token sequence glued into paragraphs")
    assert matches(rule, f"dia . {AD} Warga desa") and matches(rule, f"dia.{AD}Warga")


def test_runs_are_trimmed_to_their_core_where_the_documents_part():
    # the story word before the prompt repeats in a few documents: not part of the rule
    docs = [glued(i, AD, "word-tokenised").replace(" . " + AD, f" ini . {AD}", i % 3 == 0)
            for i in range(12)]  # fmt: skip
    [rule] = learn(docs, site="contoh.id", known=None).rules
    assert rule.remove[0].count("[[") == 1 and f"[[{AD}]]" in rule.remove[0]


def test_core_is_the_longest_stretch_of_frequent_ngrams():
    raw = "kata dia . Lanjutkan membaca artikel di bawah iklan berikut ini Warga desa"
    words, _ = tokens(raw)
    hashes = gram_hashes(words, 4)
    counts = {h: (9 if 3 <= i <= 7 else 2) for i, h in enumerate(hashes)}
    [(start, end, docs)] = core(raw, 4, counts.get, 5)
    assert raw[start:end] == AD and docs == 9
    assert core(raw, 4, counts.get, 10) == []


# ---------------------------------------------------------------- guards against story text


def test_dates_names_quotes_and_phrases_of_the_same_weeks_stories_are_not_learned():
    lead = "Presiden Amerika Serikat ( AS ) Donald Trump mengatakan"
    date = "ujar dia , Senin ( 30 / 10 ) ."
    quote = "“ Kami tidak akan mundur sampai tuntutan kami dipenuhi semua , ” ujarnya ."
    phrase = "yang digelar di gedung parlemen di pusat kota pada pekan ini"
    docs = []
    for i in range(10):
        one, two, three = (prose(i + k, 12)[:-1] for k in (0, 1000, 2000))
        docs.append(
            f"{lead} {one.lower()} , {date} {two} {phrase} {three.lower()} . {quote} "
            f"{prose(i + 3000, 14)}"
        )
    result = learn(docs, site="contoh.id", known=None)
    assert not result.rules
    story = ("no cue word and no shape of boilerplate", "sits inside sentences", "a quotation")
    for fragment, reason in [
        ("Presiden Amerika Serikat", story[0]),
        ("Senin (30/10)", story[1]),  # (word-tokenised text is read as written)
        ("Kami tidak akan mundur", story[2]),
        ("digelar di gedung parlemen", story[1]),
    ]:
        assert rejected(result, fragment).startswith(reason), fragment


def test_a_shape_vouches_for_a_piece_without_cue_words():
    # an editor's code glued to every last sentence: no cue word, but the shape of one
    docs = [f"{prose(i, 12)} {prose(i + 1000, 14)}(dra/ant) Daftar sekarang di loket utama ini"
            for i in range(10)]  # fmt: skip
    rule = next(r for r in learn(docs, site="contoh.id", known=None).rules if "dra" in r.pattern)
    assert rule.category == "byline" and rule.description.endswith("shape: an editor's code")


# ---------------------------------------------------------------- bounded memory


def test_the_ngram_table_shares_the_hard_cap_and_the_repeat_is_still_found():
    options = LearnOptions(max_keys=400, min_docs=3)
    learner = Learner("contoh.id", options)
    sizes = []
    for i in range(3000):
        promo = AD if i % 3 == 0 else "Simak"
        learner.add(glued(i, promo, "word-tokenised") + f" {i * 7919}")
        sizes.append(len(learner) + len(learner.grams))
    assert max(sizes) <= 400 and learner.budget.peak <= 400
    assert learner.grams.count_error > 0  # the n-gram table really was pruned
    [rule] = learner.finish(None).rules
    assert "Lanjutkan" in rule.pattern


def test_grams_count_documents_once_and_prune_at_least_half():
    grams = Grams()
    doc = set(gram_hashes(["a", "b", "c", "d", "e", "f", "g", "a", "b", "c", "d", "e", "f"], 3))
    assert grams.add(doc) == (set(), set())
    assert grams.add(doc) == (doc, set())  # an earlier document had them
    assert grams.add(doc) == (doc, doc)  # two earlier documents had them
    assert {grams.count(h) for h in doc} == {3}
    before = len(grams)
    assert grams.prune() * 2 >= before


def test_runs_are_cut_at_unit_breaks_and_fresh_text_is_told_apart():
    grams = Grams()
    text = "satu dua tiga empat\nlima enam tujuh delapan"
    for _ in range(3):
        found = grams.read(text, 3)
    assert [text[s:e] for s, e in found.runs(text, [text.index("lima")])] == [
        "satu dua tiga empat",
        "lima enam tujuh delapan",
    ]
    other = "Kalimat yang sama sekali baru di sini\nsatu dua tiga empat"
    found = grams.read(other, 3)
    assert found.novelty(0, other.index("\n"))[0] and not found.novelty(0, len(other))[0]
    assert found.known(other.index("satu"), len(other))


# ---------------------------------------------------------------- related headlines


def test_headlines_the_batch_shows_whole_are_written_to_the_pack(tmp_path):
    docs = [
        "Harga Emas Naik Lagi Pekan Ini\n"  # a title above the story
        f"{prose(1, 12)}\nBaca juga: Rupiah Melemah Terhadap Dolar AS\n{prose(2, 12)}",
        f"{prose(3, 12)}\nBaca juga:\nBansos Cair Pekan Depan di Semua Daerah\n"
        f"Pasar Murah Digelar di Kota Lama\n{prose(4, 12)}",
        f"{prose(5, 12)}\n{prose(6, 12)}",
    ]
    result = learn(docs, site="contoh.id", known=None)
    assert set(result.headlines) == {
        "Harga Emas Naik Lagi Pekan Ini",
        "Rupiah Melemah Terhadap Dolar AS",
        "Bansos Cair Pekan Depan di Semua Daerah",
        "Pasar Murah Digelar di Kota Lama",
    }
    assert not result.rules and not result.empty
    pack = load_pack(write(tmp_path / "h.toml", result.to_toml()))  # headlines alone load
    assert not pack.rules and set(pack.headlines) == set(result.headlines)


def test_a_known_headline_ends_a_glued_link_where_it_ends(tmp_path):
    known = "Auto Nyesek! Kebijakan Tarif Trump Bikin Harga Mobil di AS Melonjak"
    docs = [f"Baca juga: {known}\n{prose(1, 12)}", f"{prose(2, 12)}\n{prose(3, 12)}"]
    pack = write(tmp_path / "h.toml", learn(docs, site="contoh", known=None).to_toml())
    text = f"kata dia.Baca Juga: {known}Langkah itu diambil pekan lalu."
    link = f"Baca Juga: {known}"
    # a pack without sites or signatures applies to every text: its headlines too
    [removal] = Cleaner(rules=[pack]).clean(text).removals
    assert removal.text == link


def test_glued_links_that_only_start_alike_teach_no_headline():
    # five documents link to different headlines that start alike: where they part is no
    # headline's end, and the engine reads each of them further
    ends = ["Bikin Harga Mobil Melonjak", "Ancam Ekspor Tekstil Nasional", "Tekan Harga Sawit",
            "Picu Gejolak Pasar Saham Asia", "Bebani Industri Alas Kaki"]  # fmt: skip
    docs = [f"{prose(i, 12)} Baca Juga: Kebijakan Tarif Trump {end} {prose(i + 1000, 12)}"
            for i, end in enumerate(ends)]  # fmt: skip
    result = learn(docs, site="contoh.id", known=None)
    assert not any(h.startswith("Kebijakan Tarif Trump") for h in result.headlines)


def test_headlines_are_bounded_and_the_most_frequent_kept():
    seen = Headlines(cap=4)
    for i in range(10):
        seen.add(f"Judul Berita Nomor {i} Hari Ini", count=1 if i else 5)
    assert len(seen.counts) <= 4 and seen.top(1) == ["Judul Berita Nomor 0 Hari Ini"]
    assert not headline_like("Harga emas naik, kata dia pada Senin.")
    assert not headline_like("Wall Street: Dow, S&P 500 dan")  # ends in a joining word


def test_of_a_huge_document_only_its_ends_are_read_as_tokens():
    middle = " ".join(prose(i, 12) for i in range(40_000))  # about 3 MB of story
    text = f"{prose(1, 12)} {AD} {middle} {AD} {prose(2, 12)}"
    grams = Grams()
    for _ in range(3):
        found = grams.read(text, 6)
    assert len(found.words) < 2 * EDGE_CHARS / 3  # tokens of the two ends only
    assert sorted(found.ends) == found.ends and found.ends[-1] == len(text.rstrip())
    runs = [text[s:e] for s, e in found.runs(text, [])]
    assert AD in runs[0] and AD in runs[-1]  # the ends' repeats are still found
