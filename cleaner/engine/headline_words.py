"""The vocabulary of the headline component: the words and marks that tell a related
headline from the story sentence glued after it (`cleaner.engine.headline` weighs them).

Indonesian headlines capitalise their words but for a few joining words (FUNCTION); a story
sentence resumes with an opener (OPENERS), a person and a title (TITLES), a speech verb
(SPEECH) or lower-case words; other boilerplate (CUE) ends a headline wherever it is.

>>> "untuk" in FUNCTION and "Namun" in OPENERS and "Menteri" in TITLES
True
"""

from __future__ import annotations

import re


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: The words a Title Case headline leaves in lower case (and the enclitic `nya`).
FUNCTION = _wordset(
    """
di ke dari dan yang untuk pada dengan atau oleh per vs vs. hingga sampai dalam bagi jadi soal
usai jelang saat kala demi via ala bak pun se si sang para tak tapi serta agar bila jika kalau
lewat karena terhadap tentang akan juga ini itu nya pd dgn utk yg adalah ialah merupakan
sebagai s.d s/d atas tanpa antara antar kontra lawan melalui menuju seusai sejak selama sebelum
setelah sesudah menjelang terkait akibat imbas berkat sebab meski walau ketika
"""
)
#: Capitalised words that open a story sentence.
OPENERS = _wordset(
    """
Namun Sementara Sedangkan Selain Menurut Sebelumnya Kemudian Adapun Bahkan Padahal Meski
Meskipun Diketahui Dikatakan Dijelaskan Disebutkan Ditambahkan Sebab Karena Oleh Akibatnya
Selanjutnya Apalagi Walaupun Walau Sehingga Tetapi Tapi Lalu Kini Saat Ketika Setelah Sebelum
Sejak Jika Apabila Berdasarkan Terkait Mengenai Seperti Sebagai Dengan Dalam Pada Untuk Hal Ia
Dia Mereka Kami Saya Kita Anda Beliau Ini Itu Tak Tidak Bagi Usai Sesuai Selama Hingga Sampai
Atas Dari Di Ke Yang Para Sekarang Lebih Per
"""
)
#: More words (beside SENTENCE_ADVERBS) that open a story's sentence and that a sentence-case
#: headline writes in lower case (`... Pertanian capai 29,4 juta unit Secara rinci, ...`,
#: `... ke luar negeri Menurutnya, ...`): capitalised after its lower-case words, the story
#: starts there.
SENTENCE_CASE_OPENERS = _wordset(
    """
Menurutnya Secara Jadi Maka Intinya Selain Kendati
"""
)
#: Openers that take a phrase and a comma (`Menurut Trump, ...`, `Di Wall Street, ...`).
ADVERBIAL = _wordset(
    """
Namun Sementara Selain Menurut Sebelumnya Kemudian Adapun Bahkan Padahal Diketahui Selanjutnya
Akibatnya Apalagi Sehingga Tetapi Lalu Kini Dengan Dalam Pada Di Untuk Terkait Berdasarkan
Sejak Setelah Saat Ketika Meski Meskipun Walaupun Oleh Sedangkan Karena Sebab Usai Selama
Sekarang Per
"""
)
#: Openers that only ever start a sentence (not prepositions, which headlines use too).
SENTENCE_ADVERBS = _wordset(
    """
Namun Sementara Sebelumnya Kemudian Selanjutnya Bahkan Padahal Kini Sekarang Lalu Adapun
Diketahui Akibatnya Apalagi Sedangkan Sayangnya Untungnya Rupanya Ternyata Tampaknya Nyatanya
Sebaliknya Terpisah Alhasil Misalnya
"""
)
#: Words that open a sentence with whom it quotes or cites (`Menurut Ariawan yang juga ..., ...`,
#: `Melansir Investor's Business Daily, ...`).
ATTRIBUTIONS = _wordset("Menurut Mengutip Melansir Dilansir Dikutip Merujuk Mengacu Berdasarkan")
#: Words that head an institution's name, as a title heads a person's (`Gedung Putih`,
#: `Kementerian Keuangan`): the subject runs back over them too. Not those that often end
#: a headline (`... Usulkan Ini ke Pemerintah`, `... ke Pengadilan`, `... Bursa`).
INSTITUTIONS = _wordset(
    """
Gedung Kementerian Badan Komisi Dewan Mahkamah Kejaksaan Kepolisian Lembaga Otoritas Pemkot
Pemkab Pemprov
"""
)
#: Words that turn a name into a person with a title (`Menteri Keuangan Sri Mulyani`).
TITLES = _wordset(
    """
Menteri Menko Menkeu Mendag Presiden Wakil Wapres Ketua Direktur Dirut Kepala Gubernur Wagub
Bupati Wali Walikota Kapolda Kapolres Kapolri Kapolsek Kasat Kanit Kabid Kasi Kadis Jenderal
Brigjen Irjen Komjen Kombes AKBP AKP Kompol Iptu Ipda Aiptu Sekretaris Sekjen Juru Jubir
Pengamat Ekonom Analis Anggota Pelatih Kapten Manajer CEO Chief Founder Pendiri Dosen Guru
Profesor Prof Dr Ustaz Kiai Pakar Peneliti Kuasa Hakim Jaksa Kajari Kajati Camat Lurah Kades
Senator Dubes Duta Panglima Kasad Kasal Kasau Danrem Dandim Pangdam Komandan Kabag Plt Pj Pjs
Sekda Investment Research Senior Head Analyst Director President Vice Managing Executive
Economist Chairman Spokesperson Perdana Kanselir Raja Ratu Pangeran Sultan Paus Expert
Strategist Financial Associate Advisor Penasihat Pemilik Mantan
"""
)
#: Openers that are also common inside headlines (`..., Ini Alasannya`): only before a
#: lower-case word that is not a joining word.
WEAK = _wordset(
    """
Ini Itu Hal Yang Para Di Ke Dari
"""
)
#: Words after a comma that turn a headline (`..., Ini Alasannya`), not a story sentence.
HEADLINE_TURNS = _wordset(
    """
Ini Itu Begini Begitu Apa Siapa Kenapa Mengapa Bagaimana Simak Cek Jika
"""
)
#: Names written in camel case: not a seam where a scraper glued two pieces of text.
BRANDS = _wordset(
    """
YouTube TikTok WhatsApp PlayStation LinkedIn PayPal MasterCard GoPay GoJek GoFood
"""
)
QUESTION = _wordset(
    """
Mengapa Kenapa Bagaimana Apa Apakah Siapa Kapan Berapa Dimana
"""
)
#: The marker of another related link (`Baca juga`, `LIHAT JUGA` ...).
RELATED_CUES = (
    r"Baca\s*(?:[Jj]uga|JUGA)", r"BACA\s*(?:[Jj]uga|JUGA)", r"Lihat\s*(?:[Jj]uga|JUGA)",
    r"LIHAT\s*(?:[Jj]uga|JUGA)", r"Simak\s*(?:[Jj]uga|JUGA)", r"SIMAK\s*(?:[Jj]uga|JUGA)",
)  # fmt: skip
#: A person's credit label (not `Sumber:`, which also credits a table or a quotation).
CREDIT_CUES = (
    r"Pewarta\s*:", r"Editor\s*:", r"Penulis\s*:", r"Reporter\s*:", r"Penerjemah\s*:",
    r"Fotografer\s*:", r"Kontributor\s*:", r"Redaktur\s*:", r"Penyunting\s*:",
)  # fmt: skip
#: Another piece of boilerplate: a headline never runs past it. Each alternative opens with
#: a literal: a search skips to their first letters.
CUE_ALTERNATIVES = (
    *RELATED_CUES, *CREDIT_CUES, r"Sumber\s*:",
    r"Artikel ini", r"COPYRIGHT", r"Copyright", r"\[\s*(?:Gambas|GAMBAS)",
    r"ADVERTISEMENT", r"SCROLL TO", r"Cek [Bb]erita", r"Simak [Bb]erita", r"Baca [Bb]erita",
    r"Tonton(?: [Jj]uga)?\s*:", r"Saksikan", r"Ikuti (?:kami|[Ww]hats|[Tt]ele|[Ii]nsta)",
    r"Simak(?: [Jj]uga)? [Vv]ideo", r"Tonton(?: [Jj]uga)? [Vv]ideo", r"Lihat(?: [Jj]uga)? [Vv]ideo",
    r"Video\s*:",
)  # fmt: skip
CUE = re.compile("|".join(CUE_ALTERNATIVES))
SPEECH = re.compile(
    r"(?:ucap|kata|ujar|tutur|jelas|imbuh|tambah|ungkap|sebut|terang|lanjut|papar|tegas|pungkas"
    r"|tandas|kilah|beber|bilang|sambung|urai)(?:nya)?",
    re.I,
)
DAYS = frozenset(["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"])
DAY_DATE = re.compile(
    r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu),?\s+"
    r"(?:\d|\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)\s+(?:lalu|kemarin|ini|pagi|siang|sore|malam)\b)"
)  # `Kamis, 3 April`, `Rabu (9/4) lalu, ...`; not `Kamis (3/4), Usai ...` in a headline
#: A closing editor's code after a headline at the end of its unit: `... Judul (dra)`.
CODE_TAIL = re.compile(r"\s*\([a-z]{2,8}(?:/[a-z]{2,8}){0,3}\)\s*\Z")
TOKEN = re.compile(r"[^\W_](?:[\w’'&./%-]*[\w%])?|[^\w\s]")
SPLIT = re.compile(r"(?<=[a-z0-9%)])(?=[A-Z][a-z])|(?<=[A-Z]{2})(?=[A-Z][a-z]{2,})")
DOMAIN = re.compile(r"\.(?:com|co\.id|id|net)\b", re.I)
#: A stop glued to the capitalised word after it inside one token (`KPU.Lanjut`).
GLUED_STOP = re.compile(r"(?<=[a-z]{2}|[A-Z]{2}|[0-9]{2})\.(?=[A-Z][a-z])")
#: Words a stop after which ends no sentence: titles, abbreviations (`Dr. Tirta`, `Jl. Sudirman`).
ABBREVIATIONS = _wordset(
    """
Dr dr Drs Ir Jl Jln No Nomor Prof St Tbk Hj KH Kol Brigjen Mayjen Letjen Kompol AKBP AKP Ipda
Iptu Sdr Bpk Ny Nn Tn vs Vs dkk Mr Mrs Ms Jr Sr Inc Co Corp Ltd
"""
)
#: A capitalised noun made of a verb with pe-an or ke-an: `Pernyataan`, `Kebijakan`.
NOMINAL = re.compile(r"(?:Pe|Ke)[a-z]{3,}an")
#: What ends a unit: a line break or two blanks (a "\r" before the break is stepped back over
#: by the caller: an optional first character would make the search try every position).
SEPARATOR = re.compile(r"\n|[ \t\u00a0\u202f]{2,}")
SENTENCE_INSIDE = re.compile(r"[.!?][\"”’)]*\s+[\"“]?[A-Z][a-z]+\s+[a-z]")
