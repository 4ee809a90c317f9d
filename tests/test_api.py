"""The library surface: clean(), Cleaner, switches, site selection, pickling, threads, timeouts."""

from __future__ import annotations

import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from cleaner import CATEGORIES, Cleaned, Cleaner, Removal, RuleError, clean
from cleaner.engine.cleaner import PAGE_WARNING

from .conftest import SEEDS
from .test_tails import AFTER, STORY

SEED_001 = next(p for p in SEEDS if p.name.startswith("001")).read_text(encoding="utf-8")
TRIBUN = next(p for p in SEEDS if p.name.startswith("002")).read_text(encoding="utf-8")
BODY = "Presiden tiba di Moskow pada Jumat pagi untuk pembicaraan selama dua hari."


def test_public_names():
    import cleaner

    for name in ("clean", "Cleaner", "Cleaned", "Removal", "RuleError"):
        assert hasattr(cleaner, name)
    assert cleaner.__version__


def test_clean_returns_text_and_removals():
    result = clean(f"ADVERTISEMENT\n{BODY}")
    assert isinstance(result, Cleaned)
    assert result.text == BODY
    assert result.removals == (Removal("ad-banner", "ad", 0, 14, "ADVERTISEMENT\n"),)


def test_a_url_without_a_readable_host_cleans_by_the_text_with_a_warning():
    result = clean(f"ADVERTISEMENT\n{BODY}", url="http://[bad")
    assert result.text == BODY
    assert result.warnings == (
        "the URL cannot be read (Invalid IPv6 URL): site packs chosen by the text",
    )


def test_keep_a_category():
    result = clean(SEED_001, keep={"byline"})
    assert "22 Views" in result.text
    assert "ADVERTISEMENT" not in result.text
    assert all(r.category != "byline" for r in result.removals)


def test_keep_a_rule_id_and_an_alias():
    assert "Baca Juga" in clean(SEED_001, keep={"baca-juga-inline"}).text
    assert "Baca Juga" in clean(SEED_001, keep={"baca-juga"}).text  # alias of baca-juga-inline


def test_dateline_is_kept_by_default_and_dropped_on_request():
    assert not CATEGORIES["dateline"]
    assert clean(TRIBUN).text.startswith("TRIBUNNEWS.COM - Rusia")
    dropped = clean(TRIBUN, drop={"dateline"})
    assert dropped.text.startswith("Rusia dan Iran akan segera")
    assert dropped.removals[0].category == "dateline"


def test_keep_duplicate_builtin():
    text = f"{BODY}\n{BODY}"
    assert clean(text).text == BODY
    assert clean(text, keep={"duplicate"}).text == text
    assert clean(text, keep={"duplicate-line"}).text == text


# A scraper that collects nested page elements: the whole article glued, then each paragraph.
P1 = "Polisi memastikan tambang di Kedung Jumbleng tidak berizin, kata Kapolres pada Rabu."
P2 = "Tebing galian itu longsor dan menewaskan dua penambang yang sedang bekerja di sana."


def test_a_paragraph_repeated_inside_an_earlier_unit_is_a_duplicate():
    text = f"{P1}{P2}\n{P1}\n{P2}"  # glued without a blank, as the scraper left it
    result = clean(text)
    assert result.text == f"{P1}{P2}"  # the first copy, whole: no sentence is lost
    assert [r.rule_id for r in result.removals] == ["duplicate-line", "duplicate-line"]
    assert clean(text, keep={"duplicate"}).text == text


def test_a_repeat_is_only_removed_after_its_first_copy_and_only_if_long_enough():
    # the longer unit comes second: it holds words of its own, so both stay
    assert clean(f"{P1}\n{P1} {P2}").text == f"{P1}\n{P1} {P2}"
    # a short sentence repeated inside a later paragraph, or after it, may be on purpose
    short = "Korban jiwa tidak ada."
    assert clean(f"{P1} {short}\n{short}").text == f"{P1} {short}\n{short}"


def test_short_repeats_inside_the_story_are_content_but_a_repeated_headline_is_not():
    quiz = "\n".join(
        [P1, "1. Apa tugas utama polisi di lokasi tambang?", "Menjaga keamanan warga sekitar",
         "Menutup tambang tanpa izin", "2. Siapa yang menutup tambang itu?",
         "Menjaga keamanan warga sekitar", "Menutup tambang tanpa izin", P2]
    )  # fmt: skip
    assert clean(quiz).text == quiz  # an answer option repeated across questions stays
    items = f"{P1}\n- Menutup tambang tanpa izin resmi\n{P2}\n- Menutup tambang tanpa izin resmi"
    assert clean(items).text == items  # so does a list item
    headline = "Tambang Ilegal di Kedung Jumbleng Ditutup Polisi"
    assert clean(f"{headline}\n{P1}\n{headline}\n{P2}").text == f"{headline}\n{P1}\n{P2}"


def test_a_highlighted_quote_glued_before_the_dateline_is_a_duplicate_of_its_later_copy():
    quote = "Ada tren pekerja di sektor pertanian cenderung menua dan ini perhatian kita bersama"
    lead = "Jakarta (ANTARA) - Kepala BPS Amalia mengatakan tren usia petani menjadi tantangan."
    later = f"“{quote},” kata Amalia di Jakarta pada Senin."
    text = f"{quote}.....{lead}   {later}"
    result = clean(text)
    assert result.text == f"{lead}   {later}"
    assert [(r.rule_id, r.text) for r in result.removals] == [("duplicate-line", quote + ".....")]
    # after a blank, a comma, or before a city with its country, the same (antaranews has all
    # three: `... menjadi kendalaPraya, Lombok Tengah (ANTARA) - `); the city stays
    for glue, city in [(".... ", "Jakarta"), (", ", "Jakarta"), ("", "Praya, Lombok Tengah")]:
        text = f"{quote}{glue}{lead.replace('Jakarta', city)}   {later}"
        assert clean(text).text == f"{lead.replace('Jakarta', city)}   {later}", glue
    # a lead-in the story does not repeat is story text (a caption, a teaser): it stays
    other = "Warga berkumpul di alun-alun sejak pagi untuk menyaksikan upacara adat tahunan itu"
    assert clean(f"{other}.{lead}   {later}").text == f"{other}.{lead}   {later}"


def test_a_closing_code_goes_alone_not_with_the_quote_it_ends():
    quote = "“Karena rakyat merasa lebih terjamin dan terlindungi secara psikologi,” tegasnya."
    result = clean(f"{P1}\n{quote}\u00a0(boy/jpnn)\u00a0\n")
    assert result.text.rstrip() == f"{P1}\n{quote}"
    # (glued after the last sentence, the code is read as a line of its own)
    assert [(r.rule_id, r.text.strip()) for r in result.removals] == [
        ("closing-credit", "(boy/jpnn)")
    ]
    quote = '"Tim masih menyelidiki penyebab kecelakaan," tambahnya.'
    result = clean(f"{P1}\n{quote} (TribunPadang.com/Muhammad Iqbal)")
    assert result.text.rstrip() == f"{P1}\n{quote}"  # the credit goes, not the quote


@pytest.mark.parametrize("ending", ["(Foto)", "(Foto terlampir)", "ANTARA FOTO/Budi Santoso"])
def test_a_caption_pattern_never_takes_a_short_one_line_story(ending):
    # a caption's pattern (a line ending in a credit) once matched the whole of a short story
    # glued into one line: the story is two sentences of eight words, a caption one at most
    story = f"{P1} {P2}"
    result = clean(f"{story} {ending}")
    assert result.text.startswith(story), result.removals


def test_the_search_for_repeats_inside_units_is_bounded(monkeypatch):
    from cleaner.engine import passes

    text = f"{P1}{P2}\n{P1}\n{P2}\n{P1}"
    monkeypatch.setattr(passes, "CONTAINED_SEARCH_BUDGET", 0)  # spent: no search inside units
    assert clean(text).text == f"{P1}{P2}\n{P1}\n{P2}"  # verbatim repeats still go


@pytest.mark.parametrize("bad", ["banner", "baca-juga-typo"])
def test_unknown_category_or_rule_is_a_clear_error(bad):
    with pytest.raises(ValueError, match=f"unknown category or rule id '{bad}'"):
        clean(BODY, keep={bad})
    with pytest.raises(ValueError, match=f"unknown category or rule id '{bad}'"):
        Cleaner(drop={bad})


def test_keep_and_drop_the_same_name():
    with pytest.raises(ValueError, match="both keep and drop"):
        Cleaner(keep={"ad"}, drop={"ad"})


def test_site_pack_by_url_and_by_signature():
    text = f"Damai di Palestina = Damai di Dunia\n{BODY}"
    cleaner = Cleaner()
    # no URL, no signature: the MINA tagline is not known
    assert cleaner.site_packs(text) == []
    assert cleaner.clean(text).text == text
    # the URL selects the pack (subdomains too) ...
    assert cleaner.site_packs(text, url="https://www.minanews.net/x") == ["minanews"]
    assert cleaner.clean(text, url="https://minanews.net/x").text == BODY
    # ... and so does the agency's sign-off in the text
    signed = text + "\nMi’raj News Agency (MINA)"
    assert cleaner.site_packs(signed) == ["minanews"]
    assert cleaner.clean(signed).text == BODY
    # a URL of another site wins over the signature
    assert cleaner.site_packs(signed, url="https://example.com/a") == []


def test_cleaner_is_picklable_and_equivalent():
    cleaner = Cleaner(keep={"byline"})
    clone = pickle.loads(pickle.dumps(cleaner))
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        assert clone.clean(text) == cleaner.clean(text)


def test_cleaner_is_thread_safe():
    cleaner = Cleaner()
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] * 20
    expected = [cleaner.clean(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(cleaner.clean, texts)) == expected


def test_empty_and_blank_input():
    assert clean("") == Cleaned("", ())
    assert clean("   \n\n").removals == ()


SLOW_RULE = """
[[rule]]
id = "catastrophic"
category = "ad"
scope = "span"
description = "A deliberately exponential pattern"
pattern = '''(?:a|aa)+b'''
remove = ["aab"]
keep = ["ccc"]
"""


@pytest.mark.parametrize(
    "scope,pattern,body",
    [
        ("span", "(?:a|aa)+b", "a" * 40 + "c"),
        ("tail", "(?:a|aa)+b", "a" * 40 + "c"),
        # a line rule is tried only on units that can end like its matches: end in a digit
        ("line", r"(?:a|aa)+(?:b|\w{0,2}\d)", "a" * 40 + "c5x5"),
    ],
)
def test_a_slow_rule_is_stopped_and_reported_and_the_rest_still_runs(
    tmp_path, scope, pattern, body
):
    path = tmp_path / "slow.toml"
    rule = SLOW_RULE.replace('"span"', f'"{scope}"').replace("(?:a|aa)+b", pattern)
    path.write_text(rule.replace('remove = ["aab"]', 'remove = ["aab", "aa5"]'), encoding="utf-8")
    cleaner = Cleaner(rules=[path], timeout=0.05)
    text = "ADVERTISEMENT\n" + body
    result = cleaner.clean(text)
    assert any("rule catastrophic timed out" in w for w in result.warnings)
    assert result.text == body  # the other rules still ran
    assert [r.rule_id for r in result.removals] == ["ad-banner"]


def test_rule_error_is_a_value_error_with_fields(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(SLOW_RULE.replace('category = "ad"', 'category = "nope"'), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        Cleaner(rules=[path])
    assert (info.value.path, info.value.rule_id) == (str(path), "catastrophic")
    assert isinstance(info.value, ValueError)


PACK_TOML = """
[pack]
name = "learned-my-dump"
sites = ["My-Dump"]

[[rule]]
id = "my-dump-follow"
category = "promo"
scope = "line"
description = "The dump's own follow prompt"
pattern = '''Pantau terus kabar Dump A tiap pagi'''
remove = ["Pantau terus kabar Dump A tiap pagi"]
keep = ["Harga beras naik lagi pekan ini."]
"""
FOLLOW = "Harga beras naik lagi pekan ini.\nPantau terus kabar Dump A tiap pagi"


def test_a_pack_in_memory_applies_to_the_site_named_only():
    from cleaner.packs import parse_pack

    cleaner = Cleaner().with_packs([parse_pack(PACK_TOML, "<test>")])
    assert cleaner.clean(FOLLOW, site="my-dump").text == "Harga beras naik lagi pekan ini."
    assert cleaner.clean(FOLLOW, site="MY-DUMP").removals[0].rule_id == "my-dump-follow"
    assert cleaner.clean(FOLLOW).text == FOLLOW  # no site, no URL of it: not its pack
    assert cleaner.clean(FOLLOW, site="other").text == FOLLOW
    # the category switches apply to it like to any rule, and it survives pickling
    kept = Cleaner(keep={"promo"}).with_packs([parse_pack(PACK_TOML)])
    assert kept.clean(FOLLOW, site="my-dump").text == FOLLOW
    again = pickle.loads(pickle.dumps(cleaner))
    assert again.clean(FOLLOW, site="my-dump").text == "Harga beras naik lagi pekan ini."


def test_packs_with_one_name_get_their_own_plans():
    from cleaner.packs import parse_pack

    other = PACK_TOML.replace("My-Dump", "other").replace("my-dump-follow", "other-follow")
    other = other.replace("Dump A", "Dump B")
    cleaner = Cleaner(packs=[parse_pack(PACK_TOML), parse_pack(other)])  # both "learned-my-dump"
    assert cleaner.clean(FOLLOW, site="my-dump").text == "Harga beras naik lagi pekan ini."
    assert cleaner.clean(FOLLOW, site="other").text == FOLLOW  # not the first pack's plan


def test_an_article_repeated_after_itself_in_one_line_goes_once():
    # a scraper that collects nested page elements appends each paragraph again; joined into
    # one line, the copy is a run of sentences that come again in the same order
    story = STORY + AFTER  # (eight sentences: a unit long enough to be looked at)
    for glue in (" ", ""):
        text = glue.join(story + story[1:])
        result = clean(text)
        assert result.text.rstrip() == glue.join(story), glue
        assert {r.rule_id for r in result.removals} == {"duplicate-line"}
    # one sentence said twice (a quote in the lead and again below) is the story's
    quote = "“Kami akan menggelar operasi pasar di sepuluh kecamatan mulai Senin depan,” kata dia."
    text = " ".join([quote, *story, quote, "Warga menyambut baik rencana itu, kata lurah."])
    assert clean(text).text == text


def test_a_copy_in_one_line_is_judged_by_what_the_other_removals_leave():
    # the copy's first sentence has the site's promo glued before it, with no stop between
    # (`... paparnya.Ikuti Whatsapp Channel Republika Kapolres ...`): it is still the copy's
    story = STORY + AFTER
    for promo in ("Ikuti Whatsapp Channel Republika", "Ikuti Whatsapp Channel Republika Kapolres"):
        text = " ".join(story) + promo + " " + " ".join(story)
        result = clean(text)
        assert " ".join(result.text.split()).startswith(" ".join(story)), promo
        for sentence in story:  # each sentence once
            assert result.text.count(sentence) == 1, (promo, sentence)
    # a source's credit glued before a copy's sentence, after a promo that goes (`Ikuti
    # Whatsapp Channel Republikasumber : Antara Industri hijau ...`) the same
    promo = " Ikuti Whatsapp Channel Republikasumber : Antara "
    text = " ".join(story) + promo + " ".join(story[1:])
    result = clean(text)
    for sentence in story:
        assert result.text.count(sentence) == 1, sentence
    # a short sentence the copy repeats, between two long ones, is the copy's too; a short
    # one it does not repeat ends the run (and stays)
    short = "(Berarti ilegal?) ilegal, kata Eko."
    first = [*story[:3], short, *story[3:]]
    text = " ".join([*first, *first[1:]])
    assert clean(text).text.rstrip() == " ".join(first)
    other = "Ia diam saja."
    text = " ".join([*first, *story[1:3], other, *story[3:]])
    assert other in clean(text).text


#: Seven sentences of a story, to make a one-line text long enough to be read sentence by
#: sentence (an adversarial review's padding).
FLOOD = [
    "Pemerintah Kabupaten Bogor menggelar rapat koordinasi penanganan banjir di kantor bupati.",
    "Rapat itu dihadiri oleh kepala dinas, camat, dan perwakilan warga dari sejumlah desa.",
    "Bupati meminta seluruh jajaran bergerak cepat membantu warga yang rumahnya terendam air.",
    "Menurut data BPBD, sedikitnya 1.200 rumah di lima kecamatan terendam hingga satu meter.",
    "Petugas gabungan dari TNI, Polri, dan relawan dikerahkan untuk mengevakuasi warga lansia.",
    "Sejumlah dapur umum juga didirikan di balai desa untuk memenuhi kebutuhan para pengungsi.",
    "Hingga Senin sore, hujan masih mengguyur sebagian wilayah Bogor sehingga warga waspada.",
    "Warga di bantaran sungai diminta mengungsi ke tempat yang lebih tinggi sebelum malam.",
    "Dinas Kesehatan menyiagakan tenaga medis di setiap posko pengungsian selama sepekan.",
    "Kepala desa mendata rumah warga yang rusak agar bantuan bisa segera disalurkan.",
]
C = "Bendungan Ciawi dan Sukamahi dibangun untuk mengurangi risiko banjir di Jakarta dan Bogor."
D = "Kedua bendungan itu mampu menampung air hingga 8 juta meter kubik saat musim hujan tiba."


@pytest.mark.parametrize(
    "lead_in",
    ["Sebagai informasi, ", "Pukul 14.00 WIB: ", 'Di akhir pidatonya, ia kembali menegaskan, "'],
)
def test_a_restatement_the_story_leads_into_stays(lead_in):
    # two sentences said again on purpose, after the story's own words that lead into them: a
    # copy's run would take them and leave the lead-in dangling (an adversarial review)
    text = " ".join(["Presiden meresmikan dua bendungan kering di Bogor, Senin.", C, D, *FLOOD])
    text += f" {lead_in}{C} {D} Proyek ini menelan anggaran Rp 1,4 triliun."
    assert clean(text).text == text


def test_a_sentence_its_abbreviations_cut_is_one_sentence_however_it_repeats():
    # `Rp.`, `Jl.`, `No.` cut one sentence into pieces; said twice on purpose, it stays
    said = (
        "Bantuan sebesar Rp. 2,5 juta per keluarga dapat diambil di Kantor Pos Jl. Raya"
        " Pajajaran No. 1 Bogor mulai Senin depan hingga akhir bulan ini."
    )
    text = " ".join(["Pemkab Bogor menyalurkan bantuan tunai.", said, *FLOOD, said, "Warga lega."])
    assert clean(text).text == text


def test_a_copy_whose_first_copy_went_stays():
    # the lead-in before the dateline is the duplicate of the lead after it: it goes, and
    # the lead after the dateline is then no repeat of anything (both went before)
    lead = [
        "Inilah hasil survei capres terbaru dari lembaga itu yang mengungkap elektabilitas "
        "tertinggi di Jawa.",
        "Hasil survei itu menempatkan elektabilitas pasangan nomor dua sebagai yang tertinggi "
        "di Pulau Jawa.",
        "Hasil survei itu dirilis pada Selasa dan menunjukkan elektabilitas setelah debat "
        "calon presiden.",
    ]
    rest = STORY + AFTER
    text = " ".join(lead) + " BANGKAPOS.COM - " + " ".join(lead + rest)
    result = clean(text)
    for sentence in lead + rest:
        assert sentence in result.text, sentence


def test_a_removal_that_empties_its_brackets_takes_them():
    # kompas's `(Baca: <headline>)` links left `()` in the story before
    text = f"{P1} (Baca: Harga Emas Antam Naik Lagi Hari Ini) {P2}"
    result = clean(text)
    assert result.text == f"{P1} {P2}"
    assert [r.text.strip() for r in result.removals] == [
        "(Baca: Harga Emas Antam Naik Lagi Hari Ini)"
    ]
    # brackets that hold more than the removal keep it all
    text = f"{P1} (Foto: Antara, kata dia) {P2}"
    assert "(" in clean(text).text


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html><html><head><title>Judul</title></head><body><p>Isi.</p></body></html>",
        "\ufeff<!-- saved from url=(0042)https://x.id/ -->\n<html lang='id'><body>Isi.</body>",
    ],
)
def test_a_whole_html_page_handed_over_as_text_is_cleaned_as_text_with_a_warning(page):
    # its head, menus and footer would be read as words: the warning says what to do instead
    assert clean(page).warnings == (PAGE_WARNING,)


def test_an_articles_inner_html_is_no_page():
    assert clean(f"<p>{BODY}</p><p>Baca juga: Harga Naik</p>").warnings == ()


def test_a_text_that_opens_with_a_long_run_of_blanks_is_told_from_a_page_at_once():
    # found by the learning benchmark: the page test nested `\s+` inside `(...)*`, so a text
    # that opens with thirty blanks or more and is no page took minutes to tell (the CLI's
    # first-bytes test too); in a process of its own, so that a relapse fails, not hangs
    code = (
        "from cleaner.cli.inputs import sniff\n"
        "from cleaner.engine.reading import looks_like_page\n"
        "assert not looks_like_page(' ' * 5000 + 'Harga beras naik.')\n"
        "assert looks_like_page('\\n' * 3000 + '<!DOCTYPE html><html>')\n"
        "assert sniff(b' ' * 4000 + b'Harga beras naik.') == 'text'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
