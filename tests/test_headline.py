"""The headline component against hand-labelled boundaries: where a related link's headline
ends (tests/cases/headlines/README.md). It must never run into the story; stopping early
leaves a headline tail in, which costs less, so a few early stops are allowed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cleaner.engine.headline import Known, headline_end

CASES = Path(__file__).resolve().parent / "cases" / "headlines"
#: Cases where the component runs past the labelled end: known failures, kept visible (each is
#: run as a strict xfail, so that a fix is noticed and the entry removed).
KNOWN_LATE = {
    "kontan-v082": "a one-word sub-heading ('Meksiko') before a titled person",
    "kontan-v109": "'Tarif Trump ini ...': the subject's first word is a headline word too",
    "kontan-t004": "'Pengumuman Trump segera memicu': a pe-an noun heads the subject, no 'yang'",
    "kontan-t009": "a two-word sub-heading ('Uni Eropa') before a titled person",
    "kontan-g013": "a two-word name ('Said Iqbal menekankan') the short context never repeats",
    "kontan-g019": "a Title Case sub-heading, read as a second glued headline",
}
#: The share of exact ends each file must keep (what the component got when each was added,
#: or after the fixes it led to: README.md there).
EXACT = {"boundaries.jsonl": 0.95, "validation.jsonl": 0.93, "fresh.jsonl": 0.83}


def _cases(name: str):
    for line in (CASES / name).read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if not case["headline"]:
            continue
        text = case["before"] + case["marker"] + case["after"]
        marker_end = len(case["before"]) + len(case["marker"])
        start = text.index(case["headline"], marker_end)
        yield case["id"], text, len(case["before"]), start, start + len(case["headline"])


def _judge(text: str, marker: int, start: int, end: int) -> str:
    got, _ = headline_end(text, start, marker=marker)
    if got is None:
        return "none"
    return "exact" if got == end else ("early" if got < end else "late")


@pytest.mark.parametrize("name", sorted(EXACT))
def test_the_component_finds_most_ends_exactly_and_never_runs_into_the_story(name):
    verdicts = {cid: _judge(t, m, s, e) for cid, t, m, s, e in _cases(name)}
    late = {cid for cid, v in verdicts.items() if v == "late"}
    assert late <= set(KNOWN_LATE), sorted(late - set(KNOWN_LATE))
    exact = sum(v == "exact" for v in verdicts.values()) / len(verdicts)
    assert exact >= EXACT[name], exact


@pytest.mark.parametrize("cid", sorted(KNOWN_LATE))
@pytest.mark.xfail(strict=True, reason="a known case where the headline runs on")
def test_known_late_cases(cid):
    [(text, marker, start, end)] = [
        (t, m, s, e) for name in EXACT for c, t, m, s, e in _cases(name) if c == cid
    ]
    assert _judge(text, marker, start, end) != "late"


#: Scrapers glue the story to a link in more ways than the labelled articles show: with no
#: blank (`...Rela Kirim dari India ke ASTarif Trump ini`), with a stop and none
#: (`...Hasil KPU.Lanjutnya`), with a stop and a blank. Each labelled link that the story
#: follows is glued again so; the cases that run on are listed (the lower-case word glued
#: to a stop, `Doa.kata Azis`, is one token to any reader; a Title Case sub-heading or a name
#: after the stop-less seam reads as more headline). A stop is no end by itself: tempo's
#: headlines hold one (`Dugaan Suap Judi Online Buat Budi Arie. Sekuat Apa Buktinya?`).
GLUES = {
    "no blank": ("", {"cnnindonesia-041", "cnnindonesia-045", "cnnindonesia-049",
                      "kontan-g019", "kontan-h011", "kontan-v082", "kontan-v109",
                      "kontan-v111"}),
    "a stop": (".", {"cnnindonesia-041", "cnnindonesia-045", "cnnindonesia-049",
                     "kontan-f004", "kontan-g019", "kontan-h011", "kontan-v111",
                     "republika-149", "republika-154", "republika-t003"}),
    "a stop and a blank": (". ", {"kontan-g019", "republika-149", "republika-154",
                                  "republika-t003"}),
}  # fmt: skip


@pytest.mark.parametrize(("glue", "late"), GLUES.values(), ids=GLUES)
def test_a_headline_glued_to_the_story_otherwise_does_not_run_into_it(glue, late):
    ran_on = set()
    for name in sorted(EXACT):
        for line in (CASES / name).read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            if not case["headline"] or case["resumes"] != "story":
                continue
            after = case["after"]
            at = after.index(case["headline"]) + len(case["headline"])
            story = after[at:].lstrip()
            text = case["before"] + case["marker"] + after[:at] + glue + story
            end = len(text) - len(story) - len(glue)
            got, _ = headline_end(text, after.index(case["headline"]) + len(text) - len(after),
                                  marker=len(case["before"]))  # fmt: skip
            if got is not None and got > end + len(glue.rstrip()):
                ran_on.add(case["id"])
    assert ran_on <= late, sorted(ran_on - late)


def test_a_known_headline_ends_the_link_exactly():
    text = "dia.Baca Juga: Auto Nyesek! Kebijakan Tarif Trump Bikin Harga Mobil MelonjakLangkah itu"
    start = text.index("Auto")
    known = Known(["Auto Nyesek! Kebijakan Tarif Trump Bikin Harga Mobil Melonjak"])
    end, why = headline_end(text, start, known=known)
    assert text[start:end].endswith("Melonjak") and why == "a known headline"


@pytest.mark.parametrize(
    "after,headline",
    [
        ("Harga Emas Naik Lagi Namun, menurut dia, harga akan turun.", "Harga Emas Naik Lagi"),
        ("Harga Emas Naik Lagi “Kami optimistis,” kata dia.", "Harga Emas Naik Lagi"),
        (
            "Harga Emas Naik Lagi Menteri Keuangan Sri Mulyani mengatakan harga naik.",
            "Harga Emas Naik Lagi",
        ),
        (
            "Harga Emas Naik, Rupiah Melemah\nHarga naik pada Senin.",
            "Harga Emas Naik, Rupiah Melemah",
        ),
        ("Harga Emas Naik LagiPewarta: Budi", "Harga Emas Naik Lagi"),
        # a pe-an or ke-an noun before a name and a relative clause opens the story's subject
        # ("the statement of Obama that ..."; two kontan articles of the bulk batch lost it)
        (
            "Dunia Bersiap Hadapi Ketidakpastian Ekonomi Pernyataan Obama yang paling menyita"
            " perhatian adalah sindiran langsung.",
            "Dunia Bersiap Hadapi Ketidakpastian Ekonomi",
        ),
        (
            "Daftar Barang Akibat Kebijakan Tarif Trump Keputusan Trump yang menggema di media"
            " sosial mengundang kecaman.",
            "Daftar Barang Akibat Kebijakan Tarif Trump",
        ),
        # `Menurut` (according to) or `Mengutip` opens the story's sentence before a name
        (
            "Serukan 4 Poin Ini ke Pemerintah Menurut Ariawan yang juga Wakil Ketua Komite"
            " Tetap Kadin Indonesia, kebijakan ini sudah diprediksi.",
            "Serukan 4 Poin Ini ke Pemerintah",
        ),
        (
            "DPR Sahkan Firli Cs Pimpinan KPK di Paripurna 16 September Menurut Lucius rekam"
            " jejak yang buruk dapat dimanfaatkan. Lucius pun menegaskan hal itu.",
            "DPR Sahkan Firli Cs Pimpinan KPK di Paripurna 16 September",
        ),
        # ... unless the headline ends with whom it quotes, and the story opens with the name
        # (a name the article uses elsewhere)
        (
            "Begini Dampak Kenaikan Tarif Royalti Minerba Menurut MIND ID MIND ID juga akan"
            " melakukan optimalisasi produk hilir. Ekspor MIND ID naik.",
            "Begini Dampak Kenaikan Tarif Royalti Minerba Menurut MIND ID",
        ),
        # a hashtag is one word (no seam in `#SaveHutan`), and goes with the story it opens;
        # a capital inside a handle is a seam (`@ivan_gunawanLebih dari itu`: sindonews)
        (
            "Harga Emas Naik Lagi #SaveHutan menjadi trending di X sepanjang Minggu.",
            "Harga Emas Naik Lagi",
        ),
        (
            "Momen Ivan Gunawan Naik Haji Foto/Instagram @ivan_gunawanLebih dari itu, ia juga"
            " berdoa di sana.",
            "Momen Ivan Gunawan Naik Haji Foto/Instagram",
        ),
        # asides between the story's subject and its verb (a bracket, a day and its date) are
        # no place for the headline to end: it never ends inside a bracket (a tokenised
        # cnnindonesia article lost `Badan ... (BNPB) pada Minggu (15/9` to its link)
        (
            "Kapolri Bentuk Tim Awasi Penegakan Hukum terkait Karhutla Badan Nasional"
            " Penanggulangan Bencana (BNPB) pada Minggu (15/9) mencatat ada 2.862 titik api.",
            "Kapolri Bentuk Tim Awasi Penegakan Hukum terkait Karhutla",
        ),
        (
            "Harga Emas Antam Naik Lagi Hari Ini Kementerian Keuangan (Kemenkeu) mencatat harga"
            " emas naik.",
            "Harga Emas Antam Naik Lagi Hari Ini",
        ),
        (
            "Harga Emas Antam Naik Lagi Hari Ini Menteri Keuangan Sri Mulyani, Senin (12/5),"
            " mengatakan harga emas naik.",
            "Harga Emas Antam Naik Lagi Hari Ini",
        ),
        # a question mark a few names back ends the headline, the story's opening quote too
        (
            "Siapa Sanggup Hentikan Sang Juara Dunia? “Federasi Tinju Internasional (IBF)"
            " menerima pemberitahuan resmi pada Senin,” demikian bunyi pernyataan itu.",
            "Siapa Sanggup Hentikan Sang Juara Dunia?",
        ),
        # a title the headline quotes is no opening quote of the story, nor does the story
        # open with its closing quote (antaranews in one line kept `"Budi Pekerti" kayak ...`
        # as story; the headline's sentence-case rest stays still, which costs no story)
        (
            'Prilly Latuconsina: Film "Budi Pekerti" kayak sekolah akting lagi Menurut dia, film'
            " itu digarap serius.",
            'Prilly Latuconsina: Film "Budi Pekerti"',
        ),
        # ... and a sentence adverb right before the subject opens the sentence
        (
            "Kapolri Bentuk Tim Awasi Penegakan Hukum terkait Karhutla Sebelumnya Badan Nasional"
            " Penanggulangan Bencana (BNPB) pada Minggu (15/9) mencatat ada 2.862 titik api.",
            "Kapolri Bentuk Tim Awasi Penegakan Hukum terkait Karhutla",
        ),
        # ... but a headline that ends with such a noun keeps it: no relative clause follows
        (
            "Biden Umumkan Investasi untuk Infrastruktur Pelabuhan AS merupakan pendukung utama"
            " Taiwan.",
            "Biden Umumkan Investasi untuk Infrastruktur Pelabuhan",
        ),
    ],
)
def test_kinds_of_evidence(after, headline):
    text = "kata dia. Baca juga: " + after
    end, _ = headline_end(text, text.index(after))
    assert text[text.index(after) : end] == headline


@pytest.mark.parametrize(
    "after,headline",
    [
        # antaranews writes its headlines in sentence case; joined into one line, the story
        # opens with a word such a headline writes in lower case, or with a quotation
        (
            "Daop 3 siapkan langkah antisipasi selama Nataru Akan tetapi pada pukul 04.27 WIB,"
            " petugas melaporkan longsoran baru.",
            "Daop 3 siapkan langkah antisipasi selama Nataru",
        ),
        (
            "Perpaduan tiga tarian jadi ikon baru kawasan Borobudur Sehingga, kegiatan ini"
            " membuktikan hal itu.",
            "Perpaduan tiga tarian jadi ikon baru kawasan Borobudur",
        ),
        (
            'Daop 8 Surabaya tambah enam kereta api jelang Natal "PT KAI Daop 5 Purwokerto tetap'
            ' berkomitmen menjaga keselamatan," kata dia.',
            "Daop 8 Surabaya tambah enam kereta api jelang Natal",
        ),
        # ... with an adverb of the story's (`Secara rinci,`, `Menurutnya,`): the headline
        # took `Menurutnya, kuliner` from the story before
        (
            "Sensus Pertanian BPS catat usaha pertanian capai 29,4 juta unit Secara rinci,"
            " penambahan proporsi pengelola UTP adalah 3,19 persen.",
            "Sensus Pertanian BPS catat usaha pertanian capai 29,4 juta unit",
        ),
        (
            "Kemenparekraf: Kuliner Indonesia harus lebih dikenalkan ke luar negeri Menurutnya,"
            " kuliner Indonesia sangat beragam.",
            "Kemenparekraf: Kuliner Indonesia harus lebih dikenalkan ke luar negeri",
        ),
        (
            "Harga cabai di pasar induk turun tajam pekan ini Sayangnya, harga bawang justru naik"
            " lagi.",
            "Harga cabai di pasar induk turun tajam pekan ini",
        ),
        # ... not at a nickname in quotes (no statement follows it)
        (
            "Laga utama mempertemukan petarung asal Bandung, Jekson “Kkajhe” Karmela, kontra"
            " lawan lama Pelatihnya menyebut persiapan sudah matang.",
            "Laga utama mempertemukan petarung asal Bandung, Jekson “Kkajhe” Karmela, kontra"
            " lawan lama",
        ),
    ],
)
def test_a_sentence_case_headline_ends_where_the_story_opens(after, headline):
    text = "kata dia. Baca juga: " + after
    end, why = headline_end(text, text.index(after))
    assert text[text.index(after) : end] == headline, why


def test_an_adverb_after_a_question_mark_ends_no_headline():
    # liputan6 in one line, `Baca Juga` with no headline left: the story's question, then its
    # adverb; the adverbs that end a sentence-case headline do so only after its words
    text = (
        'Jika kamu junub, maka mandilah". Baca Juga Selain untuk menyucikan dari hadas besar,'
        " apakah mandi wajib sekaligus bisa membersihkan diri dari hadas kecil? Misalnya, apakah"
        " seseorang bisa langsung sholat tanpa berwudhu lagi? Berikut ulasan lengkapnya, dikutip"
        " dari laman NU Online pada Kamis (19/6/2025)."
    )
    marker = text.index("Baca Juga")
    assert headline_end(text, marker + len("Baca Juga "), marker=marker)[0] is None


def test_lower_case_after_the_marker_is_no_headline():
    text = "Tonton: begitu tulisan di layar sebelum film dimulai."
    assert headline_end(text, len("Tonton: "))[0] is None


@pytest.mark.parametrize(
    "after",
    [
        'Pada 2024, jumlah wisatawan mancanegara mencapai 13,9 juta orang. "Kami sudah'
        ' berkoordinasi," ujarnya.',
        "3. Peserta yang lolos akan diumumkan melalui situs resmi panitia. Ikuti aturan lalu"
        " lintas, pesan Kapolres kepada pengendara.",
        # the stop glued to the next sentence (liputan6's `Baca Juga` with no headline left,
        # its paragraphs joined into one line: the link took the story up to `pada`)
        "Warga telah lama menantikan jembatan itu.Jembatan Merah, yang dibangun pada Juli tahun"
        " lalu, kini ramai dikunjungi.",
        # a full stop after capitals ends a sentence too
        "Mulai tahun 2025, situs itu tidak lagi dipakai untuk mengecek status penerima PIP."
        " Sebagai gantinya, siswa memakai aplikasi baru.",
        # a quotation of the story: a seam inside it is no headline's end
        '"Pelaku memanfaatkan akun media sosial dengan nama pengguna@WargaBaikHatiKomunitasuntuk'
        ' menjual barang itu secara daring," ujar Kapolres di Bandung.',
    ],
)
def test_a_sentence_after_the_marker_is_no_headline(after):
    """A headline has no full stop after a word in lower case: a sentence of the story that
    follows a marker with no headline stays whole (an adversarial fuzz found the component
    ending such a `headline` at the next quote or sentence)."""
    text = "kata dia. Baca juga: " + after
    end, why = headline_end(text, text.index(after))
    assert end is None, (text[text.index(after) : end], why)


@pytest.mark.parametrize(
    "links",
    [
        # antaranews in one line: sentence-case headlines in a row, the last before the
        # credit glued to its last word; each ran to a comma or a quote before
        [
            "Baca juga: Pasangan Jepang WO, Pramudya/Yeremia otomatis melaju ke babak kedua",
            "Baca juga: Apriyani/Fadia melaju ke babak kedua usai Ana/Tiwi mundur",
            "Baca juga: Ferdi/Gloria bangkit dari gim pertama untuk ke 16 besar China Master",
        ],
        # (the middle one's, at the end of the text, shown by the link before it)
        [
            "Baca juga: Markaio ingin cari ilmu pada ajang endurance Aquabike di Karo",
            "Baca juga: Pemecahan rekor MURI Tari Cawan ramaikan agenda Aquabike di Dairi",
            "Baca juga: Samosir nantikan bibit atlet jetski lokal usai ajang Aquabike",
        ],
        [
            'Baca juga: Film "Hamka & Siti Raham" siap tayang perdana di 30 kota di Indonesia',
            "Baca juga: Kawa anak Andien ikut puasa untuk pertama kalinya",
        ],
    ],
)
@pytest.mark.parametrize("end", ["Pewarta: Zaro Ezza Editor: Eka Arifa", ""])
@pytest.mark.parametrize("joiner", [" ", ""])
def test_a_list_of_links_in_a_row_each_runs_to_the_next(links, end, joiner):
    """... but the last, which is read as a single link is (what follows it may be the
    story's without a stop); at the end of the text, the first of two links is no list's."""
    text = "kata dia dalam pertandingan itu. " + joiner.join(links) + end
    for link in links[:-1]:
        marker = text.index(link)
        start = text.index(":", marker) + 2
        got, why = headline_end(text, start, marker=marker)
        if end or len(links) > 2:
            assert text[marker:got] == link, why
        else:  # (the first of two at the end of the text: nothing after the second shows a list)
            assert why != "the next link of a list", text[marker:got]


@pytest.mark.parametrize(
    "between",
    [
        # the story's sentence that opens a list, its stop lost
        "Cara Beli Tiket Masuk PRJ Jakarta Fair 2025 Online Lewat HP Tiket PRJ Jakarta Fair"
        " 2025 tersedia dalam berbagai jenis dengan harga yang variatif, sebagai berikut:",
        # a sentence of the story, and a banner with no stop after it
        "Gaya fashion gamis selebritis terlihat unik dan bisa dijadikan referensi saat kita"
        " menghadiri acara spesial. Advertisement [bacajuga:",
        "Gaya fashion gamis selebritis terlihat unik dan bisa dijadikan referensi saat kita"
        " menghadiri acara spesial. Advertisement ",
        # the story's question; its sentence that opens a list
        "Harga Emas Naik Lagi Hari Ini Apa yang membuat harga emas terus naik sepekan ini?",
        "Harga emas naik lagi hari ini Harga tiket masuk tersedia dalam berbagai jenis, sebagai"
        " berikut:",
        # a Title Case headline and the story's sentence after it, its stop lost
        "Harga Emas Naik Lagi Hari Ini Warga mengeluhkan harga yang terus naik sejak pekan lalu",
        "Harga Emas Naik Lagi Hari Ini. Warga mengeluhkan harga",
        # a story sentence whose stop follows a bracket, then capitals
        "Harga emas naik lagi Gempa mengguncang Bali pada Kamis (12/9). BMKG mencatat tiga gempa"
        " susulan ",
        # a stop glued to a banner
        "Gaya fashion gamis selebritis terlihat unik dan stylish.Advertisement ",
        # a line of the story's that opens a list, in Title Case
        "Harga Emas Naik Lagi Berikut Daftar Harga Hari Ini: ",
        # ... in sentence case, a list after a colon, a stop glued to a banner
        "Harga emas naik lagi hari ini, ini daftar harganya: ",
        "Harga emas naik lagi hari ini: - emas 1 gram naik - emas 2 gram turun ",
        "Harga emas naik lagi hari ini.Advertisement ",
    ],
)
@pytest.mark.parametrize(
    "links",
    ["Baca juga: Harga Beras Turun", "Baca juga: Harga beras turun di pasar Baca juga: Cabai naik"],
)
def test_the_next_link_does_not_end_a_headline_with_the_story_after_it(between, links):
    """... alone or in a list of links."""
    text = "kata dia. Baca juga: " + between + links
    start = text.index(between)
    end, why = headline_end(text, start)
    assert end is None or end < start + len(between) - 10, (text[start:end], why)


def test_a_closing_code_after_the_last_link_stays_a_byline():
    # (word-tokenised, at the end of the text: cnnindonesia's bulk batch)
    text = (
        "kata dia . Lihat juga : TKN soal Kabar OTT Romi : Praduga Tak Bersalah Harus Dijaga"
        " ( sah / wis )"
    )
    start = text.index("TKN")
    end, _ = headline_end(text, start)
    assert text[start:end] == "TKN soal Kabar OTT Romi : Praduga Tak Bersalah Harus Dijaga"


#: Story text after a link that an adversarial review (a helper session) found taken as the
#: headline of a list of links by a first version: (text, where the story resumes). A story
#: sentence whose stop follows a bracket, a text cut short, a bullet or a sub-heading without
#: a stop, a quotation, `Baca juga` quoted in the story, a credit glued to the story.
STORY_AFTER_A_LINK = [
    (
        "kata dia, Selasa (10/9). Lihat juga: Habibie Wafat Habibie dimakamkan di TMP Kalibata,"
        " Kamis (12/9). (dhf/sur)",
        "Habibie dimakamkan",
    ),
    (
        "Upacara dipimpin Presiden . Lihat juga : Habibie Wafat BJ Habibie meninggal pada usia 83"
        " tahun di RSPAD Gatot Subroto . ( dhf / sur ) Baca juga : Harga Emas Naik",
        "BJ Habibie",
    ),
    (
        "Prabowo tiba pukul 09.00 WIB. Baca juga: Mayor Teddy Kembali Kawal Prabowo Selama di"
        " Aceh, Prabowo akan bertemu kader Gerindra.(*)",
        "Selama di Aceh",
    ),
    (
        "perpindahan kepemilikan. Baca juga: Shell Jual Seluruh SPBU di Indonesia, Ternyata Ini"
        ' Pembelinya "Kegiatan operasional SPBU Shell akan tetap',
        '"Kegiatan',
    ),
    (
        "meningkat. Baca Juga: Tarif Trump Picu Resesi Sementara itu, emas telah naik ke rekor"
        " tertinggi karena investor berbondong-bondong ke aset safe haven Baca Juga: Wall Street"
        " Anjlok Lagi Baca Juga: Harga Minyak Turun Pewarta: Ani",
        "Sementara itu",
    ),
    (
        "naik. Baca juga: Harga emas naik lagi Penyebab harga emas terus naik Baca juga: Harga"
        " beras turun di pasar induk. Harga cabai juga turun.",
        "Penyebab",
    ),
    (
        "naik. Baca juga: Harga cabai rawit tembus Rp100.000 “Sepi sekali pembeli sekarang,” keluh"
        " Siti, pedagang di Pasar Minggu",
        "“Sepi",
    ),
    (
        "Jemaah memadati masjid. Baca juga: UAS ceramah di Aceh Ia berpesan kepada jemaah “Baca"
        " juga Alquran setiap hari,” katanya.",
        "Ia berpesan",
    ),
    (
        "Dia ditangkap.Baca juga: Polisi tangkap pencuri motorTersangka kini ditahan di Polsek"
        " SetiabudiPewarta: Ahmad",
        "Tersangka",
    ),
    (
        "meningkat. Baca juga: Bambang Widjojanto Ragukan Komitmen Penguasa Soal Kisruh KPK"
        " Sejumlah poin yang ditolak oleh Jokowi antara lain soal",
        "Sejumlah poin",
    ),
]


#: ... and that a second review found taken by the next version: (text, the marker whose
#: headline is read, where the story resumes). The last link of a list before a text cut
#: short or before a credit glued to a stopless paragraph; a seam in glued text with a name,
#: a quoted title, a two-letter word or a number's comma after it.
STORY_AFTER_A_LINK_2 = [
    (
        "Penonton diminta menyimpan tiket. Baca juga: Morrissey akan rilis album baru tahun depan"
        ' Baca juga: Morrissey tunda tiga tur di Kanada karena "darurat medis" Dalam pengumuman,'
        " pihak promotor juga menjelaskan mekanisme pengembalian dana",
        "Baca juga: Morrissey tunda",
        "Dalam pengumuman",
    ),
    (
        "Harga naik, kata dia.Baca juga: Harga beras turun di pasar indukBaca juga: Harga cabai"
        " naik jelang NataruPedagang berharap harga segera stabil menjelang akhir tahunPewarta:"
        " Ahmad",
        "Baca juga: Harga cabai",
        "Pedagang",
    ),
    (
        "menampilkan hantu.Baca juga: Film horor “Ratu Sihir” angkat mitos Jawa Bahu"
        ' LaweyanSutradara"Malam Para Jahanam" membuat visualisasi dari dampak konflik yang'
        " diceritakan dalam film.",
        "Baca juga",
        "Sutradara",
    ),
    (
        "di sirkuit itu.Baca juga: Marquez kecewa akhiri musim bersama Honda tanpa podium"
        " ValenciaMarc Marquez bukan satu-satunya pembalap yang beradaptasi denganDucati untuk"
        " pertama kalinya.",
        "Baca juga",
        "Marc Marquez",
    ),
    (
        "kata dia.Baca juga: Ribuan barang pekerja migran tertahan di dua pelabuhanIa menambahkan"
        " jika barang milik pekerja migranIndonesia tertahan karena aturan terkait.",
        "Baca juga",
        "Ia menambahkan",
    ),
    (
        "kata dia.Baca juga: Hyungwon MONSTA X akan mulai wajib militer November 2023Di"
        " KoreaSelatan, semua pria wajib menjalani wajib militer.",
        "Baca juga",
        "Di Korea",
    ),
    (
        "kata dia.Baca juga: OJK cabut izin usaha PT Asuransi Purna ArtangurahaPer Oktober 2023,"
        " akumulasi premi asuransi jiwa meningkat menjadiRp146,52 triliun.",
        "Baca juga",
        "Per Oktober",
    ),
]


#: ... and a third found inside a list of links: the story's piece without a stop between two
#: links (a price list after a colon, a sentence-case headline's sentence start, a quotation,
#: a sub-heading, a stop after a percent sign).
STORY_INSIDE_A_LIST = [
    (
        "Penjualan kembali emas batangan dikenakan PPh 22. Baca juga: Harga emas Antam naik"
        " Rp15.000 per gram Berikut harga pecahan emas batangan hari ini: - Harga emas 0,5 gram:"
        " Rp615.000 - Harga emas 1 gram: Rp1.130.000 - Harga emas 2 gram: Rp2.200.000 Baca juga:"
        " Harga emas dunia menguat Baca juga: Rupiah melemah pada Senin pagi",
        "Baca juga: Harga emas Antam",
        "Berikut harga",
    ),
    (
        "Harga naik. Baca juga: Harga emas naik lagi hari ini Baca juga: Harga beras turun di"
        " pasar induk Pedagang berharap harga segera stabil Baca juga: Harga cabai naik jelang"
        " Nataru",
        "Baca juga: Harga beras",
        "Pedagang berharap",
    ),
    (
        "Harga naik. Baca juga: Harga emas naik lagi hari ini Baca juga: Harga beras turun di"
        " pasar induk “Kami berharap harga segera stabil” Baca juga: Harga cabai naik jelang"
        " Nataru",
        "Baca juga: Harga beras",
        "“Kami",
    ),
    (
        "Harga naik. Baca juga: Harga emas naik lagi hari ini Baca juga: Harga beras turun di"
        " pasar induk Daftar harga bahan pokok hari ini Baca juga: Harga cabai naik jelang"
        " Nataru",
        "Baca juga: Harga beras",
        "Daftar harga",
    ),
    (
        "Harga naik. Baca juga: Harga emas naik lagi hari ini Baca juga: Inflasi Juni tercatat"
        " 2,1 persen atau 5%. BI mencatat inflasi inti stabil Baca juga: Harga cabai naik",
        "Baca juga: Inflasi",
        "BI mencatat",
    ),
]


STORY_INSIDE_A_LIST += [  # (and a fourth review's: a line of data between Title Case links)
    (
        "Berikut harga emas Antam hari ini. Harga emas 1 gram: Rp1.130.000 Baca Juga: Harga Emas"
        " Antam Naik Lagi Hari Ini Baca Juga: Rupiah Melemah di Awal Pekan Harga emas 2 gram:"
        " Rp2.200.000 Baca Juga: IHSG Ditutup Menguat Harga emas 3 gram: Rp3.275.000",
        "Baca Juga: Rupiah",
        "Harga emas 2",
    ),
    (
        "Harga naik. Baca juga: Harga emas naik lagi Baca juga: Rupiah melemah di awal pekan"
        " Harga emas 2 gram: Rp2.200.000 Baca juga: IHSG ditutup menguat",
        "Baca juga: Rupiah",
        "Harga emas 2",
    ),
    (  # (a Title Case headline with the story's sentence after it, in a sentence-case list)
        "Harga naik. Baca juga: Harga emas naik lagi hari ini Baca juga: Menteri Keuangan Sri"
        " Mulyani Indrawati Pastikan APBN Aman Warga mengeluhkan harga yang terus naik Baca"
        " juga: Rupiah melemah di awal pekan",
        "Baca juga: Menteri",
        "Warga mengeluhkan",
    ),
]
STORY_INSIDE_A_LIST.append(
    (  # (the second in Title Case: a list of Title Case headlines)
        "Harga naik. Baca juga: Harga Emas Naik Lagi Hari Ini Baca juga: Harga Beras Turun"
        " Pedagang berharap harga segera stabil Baca juga: Harga Cabai Naik Jelang Nataru",
        "Baca juga: Harga Beras",
        "Pedagang berharap",
    )
)
STORY_INSIDE_A_LIST.append(
    (  # (a Title Case headline, then a list the story opens with a colon)
        "Harga naik. Baca juga: Harga Emas Naik Baca juga: Harga Emas Antam Hari Ini: - Emas 0,5"
        " Gram Rp615.000 - Emas 1 Gram Rp1.130.000 Baca juga: Harga Cabai Naik",
        "Baca juga: Harga Emas Antam",
        "- Emas 0,5",
    )
)


@pytest.mark.parametrize(("text", "marker", "story"), STORY_INSIDE_A_LIST)
def test_the_story_inside_a_list_of_links_stays(text, marker, story):
    at = text.index(marker)
    start = at + len("Baca juga: ")
    end, why = headline_end(text, start, marker=at)
    assert end is None or end <= text.index(story), (text[start:end], why)


@pytest.mark.parametrize(("text", "marker", "story"), STORY_AFTER_A_LINK_2)
def test_the_story_after_the_last_link_or_a_seam_stays(text, marker, story):
    at = text.index(marker)
    start = at + len("Baca juga")
    while text[start] in " :":
        start += 1
    end, why = headline_end(text, start, marker=at)
    assert end is None or end <= text.index(story), (text[start:end], why)


@pytest.mark.parametrize(
    "title,story",
    [("Harga Beras Naik", "Gubernur Jawa Tengah meninjau"), ("Harga Beras Naik Lagi ", "Warga")],
)
def test_one_title_is_never_read_as_a_list(title, story):
    # a syndication notice's title (`extend = "title"`), a link before it and after the story
    text = (
        "kata dia. Baca juga: Harga emas naik lagi hari ini Artikel ini telah tayang di Kompas.tv"
        f" dengan judul {title}{story} lokasi banjir Baca juga: Harga cabai naik"
    )
    start = text.index(title)
    end, why = headline_end(text, start, marker=text.index("Artikel"), single=True)
    assert text[start:end] == title.strip(), why


@pytest.mark.parametrize(("text", "story"), STORY_AFTER_A_LINK)
def test_the_story_after_a_single_link_is_no_list_of_links(text, story):
    marker = re.search(r"(?:Baca|Lihat) [Jj]uga", text).start()
    start = marker + len("Baca juga")
    while text[start] in " :":
        start += 1
    end, why = headline_end(text, start, marker=marker)
    assert "list" not in why, (text[start:end], why)
    # (the word-tokenised one: the subject's reading takes `BJ`, as it did before)
    assert end is None or end <= text.index(story) + 2 * (" . " in text), (text[start:end], why)


#: Known cases where the story goes with a headline, kept visible (each a strict xfail, so a
#: fix is noticed): a story sentence that lost its stop, read as one of a list's headlines (a
#: review of the list reading found it; it needs the story's stop missing, which no labelled
#: or bulk article in its layouts shows).
KNOWN_STORY_TAKEN = [
    (  # a sentence-case list, the story's sentence without its stop inside it
        "Ia tiba di Mekkah. Baca juga: Menperin: PP DHE SDA dukung kebijakan hilirisasi industri"
        " Prabowo lalu mengakhiri umrahnya dengan tahallul atau mencukur rambut Baca juga: Menkeu"
        " ajak JBIC tingkatkan peran dalam transisi energi Baca juga: BI: Ekonomi RI 2024"
        " tunjukkan ketahanan",
        "Prabowo lalu",
    ),
]


@pytest.mark.parametrize(("text", "story"), KNOWN_STORY_TAKEN)
@pytest.mark.xfail(strict=True, reason="known: a story sentence without its stop")
def test_known_story_taken_with_a_headline(text, story):
    marker = text.index("Baca juga")
    start = marker + len("Baca juga")
    while text[start] in " :":
        start += 1
    end, why = headline_end(text, start, marker=marker)
    assert end is None or end <= text.index(story), (text[start:end], why)
