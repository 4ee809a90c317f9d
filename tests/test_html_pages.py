"""HTML pages end to end: the quality gate on the development pages, site profiles (their
examples, checks and selection), the text's shape, and the metadata.

The pages are real saved pages of Indonesian outlets (tests/cases/html/SOURCES.md)."""

from __future__ import annotations

import json
import tomllib

import pytest
from lxml import html as lxml_html

from cleaner import Cleaner, RuleError
from cleaner.html import extract_page, html_to_text
from cleaner.html.pipeline import profile_lines
from cleaner.html.profiles import load_profile_file, load_profiles, pick
from cleaner.html.scoring import PageScore, load_pages, score_text

from .clitools import run
from .conftest import ROOT

PAGES = ROOT / "tests/cases/html"
FLOORS = tomllib.loads((ROOT / "tests/html_quality_floors.toml").read_text(encoding="utf-8"))
PROFILE_EXAMPLES = [
    pytest.param(p, ex, id=f"profile-{p.name}-{i}")
    for p in load_profiles()
    for i, ex in enumerate(p.examples)
]


@pytest.fixture(scope="module")
def pages():
    return load_pages(PAGES)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_pages_stay_above_the_floors(pages, name):
    cleaner, total, misses = Cleaner(), PageScore(), []
    for stem, page, label in pages:
        text = cleaner.clean(extract_page(page, profiles=name == "dev").text).text
        got = score_text(text, label)
        total += got
        if got.kept < got.body or got.removed < got.boiler:
            misses.append(f"{stem}: {got}")
    assert len(pages) == 28
    assert total.body_kept >= FLOORS[name]["body_kept"], misses
    assert total.boiler_removed >= FLOORS[name]["boiler_removed"], misses


def test_every_page_has_its_label_and_provenance():
    stems = sorted(p.stem for p in PAGES.glob("*.html"))
    assert stems == sorted(p.stem for p in (PAGES / "labels").glob("*.json"))
    sources = (PAGES / "SOURCES.md").read_text(encoding="utf-8")
    assert all(f"{stem}.html" in sources for stem in stems)


@pytest.mark.parametrize(("profile", "example"), PROFILE_EXAMPLES)
def test_profile_example(profile, example):
    tree = lxml_html.document_fromstring(f"<html><body>{example.html}</body></html>")
    assert "\n".join(profile_lines(profile, tree)) == example.text


def test_every_development_page_is_read_by_its_outlets_profile(pages):
    for stem, page, _ in pages:
        assert extract_page(page).meta.path == f"profile:{stem.split('__')[0]}", stem


def write_profile(tmp_path, body: str):
    path = tmp_path / "site.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = """[[profile]]
name = "contoh"
hosts = ["contoh.id"]
body = ["div.isi"]
drop = [".iklan"]
[[profile.example]]
html = '<div class="isi"><p>Isi.</p><p class="iklan">Iklan</p></div>'
text = "Isi."
"""


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('body = ["div.isi"]', 'body = ["div:first-child"]'), "bad selector: cannot read"),
        (('drop = [".iklan"]', 'drop = ["//div["]'), "bad selector: invalid selector"),
        (("[[profile.example]]\n", "[[profile.oops]]\n"), "unknown keys: oops"),
        (('hosts = ["contoh.id"]', "hosts = []"), "needs hosts or sites"),
        (('body = ["div.isi"]', "body = []"), "needs at least one body selector"),
    ],
)
def test_a_bad_profile_is_refused_naming_file_and_profile(tmp_path, change, problem):
    path = write_profile(tmp_path, GOOD.replace(*change))
    with pytest.raises(RuleError, match=f"{path}: profile contoh: {problem}"):
        load_profile_file(path)


def test_a_profile_without_examples_is_refused(tmp_path):
    path = write_profile(tmp_path, GOOD.split("[[profile.example]]")[0])
    with pytest.raises(RuleError, match="profile contoh: needs at least one"):
        load_profile_file(path)


def test_two_profiles_of_one_name_are_refused(tmp_path):
    write_profile(tmp_path, GOOD)
    (tmp_path / "again.toml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleError, match="profile contoh: name already used"):
        load_profiles(tmp_path)


def test_profiles_are_chosen_by_host_then_canonical_then_site_name():
    profiles = load_profiles()
    by_name = {p.name: p for p in profiles}
    assert pick(profiles, "https://news.detik.com/x", "", "") is by_name["detik"]
    assert pick(profiles, None, "https://money.kompas.com/read/1", "") is by_name["kompas"]
    assert pick(profiles, None, "", "Tribunnews.com") is by_name["tribunnews"]
    archived = "https://web.archive.org/web/2022/https://www.jpnn.com/news/x"
    assert pick(profiles, None, archived, "www.jpnn.com") is by_name["jpnn"]
    assert pick(profiles, "https://www.example.org/x", "", "Example") is None
    assert pick(profiles, "https://notdetik.com/x", "", "") is None  # a host, not a suffix
    # a URL without a scheme starts with its host, as the engine reads it; one that cannot be
    # read (an unclosed IPv6 bracket) is passed over, whether given or the page's own link
    assert pick(profiles, "m.detik.com/x", "", "") is by_name["detik"]
    assert pick(profiles, "http://[bad", "https://money.kompas.com/1", "") is by_name["kompas"]
    assert pick(profiles, None, "http://[bad", "Tribunnews.com") is by_name["tribunnews"]


def test_a_profile_whose_container_is_missing_falls_back_to_the_generic_path():
    page = (
        "<html><head><title>Judul Berita Ini</title></head><body><h1>Judul Berita Ini</h1>"
        "<div class='baru'><p>" + "Kalimat berita yang cukup panjang. " * 10 + "</p></div>"
        "</body></html>"
    )
    got = extract_page(page, "https://news.detik.com/berita/d-1/x")
    assert got.meta.path.startswith("generic:")
    assert "profile detik: no article container found" in got.meta.path
    assert "Kalimat berita" in got.text


def test_text_is_one_paragraph_a_line_lists_tables_and_headline():
    page = (
        """<html><head><title>Piala Dunia Dimulai - Contoh</title></head><body>
      <h1>Piala Dunia Dimulai</h1><article>
      <p>Turnamen &amp; pesta   dimulai
         hari ini di Qatar, kata panitia kepada wartawan.</p>
      <ul><li>Piala
        Dunia</li><li>Liga Champions</li></ul>
      <table><tr><th>Tim</th><th>Poin</th></tr><tr><td>Maroko</td><td>7</td></tr></table>
      <table class="live-score"><tr><td><a href="/live">Live Streaming Maroko vs Portugal</a>
        </td><td><a href="/jadwal">Jadwal</a></td></tr></table>
      <div style="display:none"><p>"""
        + "Lanjutan berita di halaman berikutnya. " * 8
        + """</p></div>
      </article></body></html>"""
    )
    lines = html_to_text(page).splitlines()
    assert lines[0] == "Piala Dunia Dimulai"
    assert lines.count("Piala Dunia Dimulai") == 1
    assert "Turnamen & pesta dimulai hari ini di Qatar, kata panitia kepada wartawan." in lines
    assert "Piala Dunia" in lines and "Liga Champions" in lines
    assert "Tim | Poin" in lines and "Maroko | 7" in lines
    assert not any("Live Streaming" in line for line in lines)
    assert any(line.startswith("Lanjutan berita") for line in lines)  # hidden: still body


def test_json_output_carries_the_pages_metadata():
    result = run("clean", "--format", "json", PAGES / "detik__101.html")
    assert result.exit_code == 0
    meta = json.loads(result.stdout)["meta"]
    assert meta == {
        "title": "Curhat Wanita Kena Stroke di Umur 26, Ketahuan saat Terkapar di Kamar Mandi",
        "author": "Vidya Pinandhita",
        "date": "2023-11-02T20-59-53Z",
        "site": "detikHealth",
        "canonical": "https://health.detik.com/true-story/d-7016153/curhat-wanita-kena-stroke-"
        "di-umur-26-ketahuan-saat-terkapar-di-kamar-mandi",
        "language": "id-ID",
        "path": "profile:detik",
    }
    generic = extract_page((PAGES / "detik__101.html").read_bytes(), profiles=False)
    assert generic.meta.path == "generic:trafilatura"
