"""Indonesian search as a drafter uses it (issue 30 item 1), over two small acts written for it: a Perbup
Kertawangi 17/2024 on penugasan pegawai and a Perwali Sumberjati 17/2024 on tugas dan fungsi (same number and
year, different kinds).

The word families are Indonesian morphology: meN- + tugas -> "menugaskan", peN- + tugas + -an -> "penugasan",
di- + tugas + -kan -> "ditugaskan" (the t is assimilated, so no prefix of "tugas" finds the first two)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from rancang.cli import cli
from rancang.corpus import dbfile
from rancang.corpus.search import parse, search, words
from rancang.corpus.stem import stem
from rancang.corpus.store import Store
from rancang.ingest import ingest_path

DATA = Path(__file__).parent / "data" / "search"
OLD_SCHEMA = Path(__file__).parent / "cases" / "abuse" / "db_old_schema.db"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = Store(tmp_path_factory.mktemp("families") / "corpus.sqlite", seed=False)
    s.without_bundled()  # the CLI opening it later must not add the bundled seeds
    s.add_files(sorted(DATA.glob("*.txt")), jobs=1)
    yield s
    s.close()


def cites(hits, reg: str = "kertawangi") -> set[str]:
    return {h.cite for h in hits if h.reg == reg}


def test_tugas_finds_menugaskan_penugasan_and_ditugaskan(store: Store) -> None:
    hits = search(store, "tugas", limit=50)
    assert {"Pasal 2 ayat (1)", "Pasal 2 ayat (2)", "Pasal 3 ayat (1)", "Pasal 4"} <= cites(hits)
    found = {w for h in hits for w in words(h.text)}
    assert {"menugaskan", "penugasan", "ditugaskan"} <= found
    # the clause with the word as typed comes first; the family after it
    assert (hits[0].reg, hits[0].cite, hits[0].exact) == ("sumberjati", "Pasal 1", True)
    assert not any(h.exact for h in hits[1:] if h.reg == "kertawangi")


def test_penugasan_pegawai_finds_the_clauses_with_both_words_the_exact_one_first(store: Store) -> None:
    hits = search(store, "penugasan pegawai", limit=50)
    assert (hits[0].cite, hits[0].exact) == ("Pasal 4", True)  # "penugasan ... atasan Pegawai"
    assert {"Pasal 2 ayat (1)", "Pasal 3 ayat (1)", "Pasal 4"} <= cites(hits)  # menugaskan/ditugaskan Pegawai
    for h in hits:  # every hit holds both: a word of the tugas family and one of the pegawai family
        ws = words(h.text)
        assert {"tugas", "pegawai"} <= {stem(w) for w in ws}, h.text
    assert "Pasal 3 ayat (2)" not in cites(hits)  # neither word


def test_a_typo_not_in_the_index_finds_the_word_and_says_so(store: Store) -> None:
    assert parse(store, "sistim kerja").corrections == {"sistim": "sistem"}
    hits = search(store, "sistim", limit=50)
    assert cites(hits) >= {"Pasal 5"} and cites(hits, "sumberjati") >= {"Pasal 2", "Pasal 3"}
    assert parse(store, "sistem").corrections == {}  # a word in the index is never "corrected"
    assert parse(store, "kinerja").corrections == {}
    out = CliRunner().invoke(cli, ["search", "--db", str(store.path), "sistim", "kerja"]).output
    assert "'sistim' tidak ada dalam korpus; dicari 'sistem'." in out


def test_an_exact_phrase_in_quotes_stays_exact(store: Store) -> None:
    loose = search(store, "sistem kerja", limit=50)
    exact = search(store, '"sistem kerja"', limit=50)
    assert "Pasal 2" in cites(loose, "sumberjati")  # "kerja dalam sistem": both words, not the phrase
    assert cites(exact, "sumberjati") == {"Pasal 3"} and cites(exact) == {"Pasal 5"}
    # a quoted word is not stemmed: "penugasan" in quotes does not find "menugaskan" / "ditugaskan"
    quoted = search(store, '"penugasan"', limit=50)
    assert {"Pasal 2 ayat (2)", "Pasal 4"} <= cites(quoted)
    assert not {"Pasal 2 ayat (1)", "Pasal 3 ayat (1)"} & cites(quoted)
    assert all("penugasan" in words(h.text) for h in quoted)


@pytest.mark.parametrize("query", ["perbup 17 2024", "Perbup 17/2024", "PERBUP NO. 17 TAHUN 2024",
                                   "peraturan bupati nomor 17 tahun 2024"])
def test_an_act_is_found_by_jenis_nomor_tahun(store: Store, query: str) -> None:
    hits = search(store, query)
    assert [(h.reg, h.cite, h.node) for h in hits] == [
        ("kertawangi", "Peraturan Bupati Nomor 17 Tahun 2024", "")]
    assert hits[0].snippet == "PENUGASAN PEGAWAI DALAM SISTEM KERJA"


def test_the_kind_tells_two_acts_of_the_same_number_apart(store: Store) -> None:
    assert [h.reg for h in search(store, "Perwali 17/2024")] == ["sumberjati"]
    assert [h.reg for h in search(store, "nomor 17 tahun 2024")] == ["kertawangi", "sumberjati"]
    assert search(store, "perbup 18 2024") == []
    # with other words the act limits the search to its clauses
    assert {h.reg for h in search(store, "perbup 17/2024 sistem kerja")} == {"kertawangi"}


@pytest.mark.parametrize(("query", "regs"), [
    ("Perwal 17/24", ["sumberjati"]),  # "Perwal": the short form drafters type for a Peraturan Wali Kota
    ("perwal 17 2024", ["sumberjati"]),
    ("Perwal No. 17 Tahun 2024", ["sumberjati"]),
    ("perwali nomor 17 tahun 24", ["sumberjati"]),  # a two-digit year after "tahun"
    ("Perbup 17/24", ["kertawangi"]),  # a two-digit year after the slash
    ("Perbup No.17/2024", ["kertawangi"]),  # "No." written against the number keeps the kind
    ("17/24", ["kertawangi", "sumberjati"]),  # number over year, no jenis: every act so numbered
    ("Pergub 17/24", []),  # a Peraturan Gubernur of that number is not stored
    ("perbup 17/23", []),  # nor a Perbup of 2023
])
def test_an_act_is_found_by_its_short_kind_and_a_two_digit_year(store: Store, query: str, regs: list[str]) -> None:
    assert [h.reg for h in search(store, query)] == regs


def test_a_two_digit_year_is_the_latest_such_year_not_in_the_future() -> None:
    from datetime import date

    from rancang.corpus.query import full_year, parse_text

    assert full_year("23", date(2026, 6, 1)) == "2023" and full_year("98", date(2026, 6, 1)) == "1998"
    assert full_year("26", date(2026, 6, 1)) == "2026" and full_year("27", date(2026, 6, 1)) == "1927"
    act = parse_text("Pergub no 3/22 tim kerja").act
    assert act is not None and (act.kind, act.nomor, act.tahun) == ("pergub", "3", 2022)
    assert parse_text("kinerja 3/4").act is None  # a fraction is no act: the year has two or four digits
    assert parse_text("17 2024").act is None  # two numbers with no jenis, no "nomor" and no slash are words


def test_invisible_characters_are_folded_in_the_index_and_in_the_query(tmp_path: Path) -> None:
    reg = ingest_path(DATA / "perbup_kerta_17_2024.txt")
    node = reg.index()["pasal-6"]
    node.text = "Ketua tim ker\u200bja memantau penu\u00adgasan anggota tim."  # as copied from a web page
    with Store(tmp_path / "c.sqlite", seed=False) as s:
        s.add(reg)
        assert "Pasal 6" in cites(search(s, "penugasan", limit=50))
        assert "Pasal 6" in cites(search(s, '"tim kerja memantau"', limit=50))
        assert "Pasal 5" in cites(search(s, "sis\u00adtem"))


def test_paging_follows_the_ranking_and_json_is_stable(store: Store) -> None:
    whole = [(h.reg, h.cite) for h in search(store, "pegawai", limit=6)]
    pages = [(h.reg, h.cite) for o in (0, 2, 4) for h in search(store, "pegawai", limit=2, offset=o)]
    assert pages == whole and len(whole) == 6
    run = CliRunner().invoke
    args = ["search", "--db", str(store.path), "pegawai", "--limit", "2", "--offset", "2", "--json"]
    first, again = run(cli, args), run(cli, args)
    assert first.exit_code == 0 and first.output == again.output
    assert [(h["reg"], h["cite"]) for h in json.loads(first.output)] == whole[2:4]
    assert set(json.loads(first.output)[0]) == {"reg", "daerah", "cite", "node", "snippet", "text", "score", "exact",
                                                  "status", "asal", "links"}  # the act's standing (issue 30)
    beyond = run(cli, ["search", "--db", str(store.path), "pegawai", "--offset", "500"])
    assert "Tidak ada hasil lagi setelah 500 hasil pertama." in beyond.output


def test_an_old_corpus_is_migrated_and_finds_word_families(tmp_path: Path) -> None:
    copy = tmp_path / "lama.db"
    shutil.copyfile(OLD_SCHEMA, copy)
    with Store(copy) as s:
        assert any("melapor" in words(h.text) for h in search(s, "lapor"))
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA user_version").fetchone()[0] == dbfile.SCHEMA_VERSION == 3
    assert con.execute("SELECT count(*) FROM clause_words").fetchone()[0] == \
        con.execute("SELECT count(*) FROM clauses").fetchone()[0]


def test_a_corpus_whose_stems_were_built_by_another_stemmer_is_refilled(tmp_path: Path) -> None:
    with Store(tmp_path / "c.sqlite", seed=False) as s:
        s.add_files([DATA / "perbup_kerta_17_2024.txt"], jobs=1)
        s.db.execute("UPDATE clause_words SET stems = words")  # stems of another stemmer (here: none at all)
        s.db.execute("UPDATE info SET value='sastrawi 0.0' WHERE key='stemmer'")
        assert "Pasal 2 ayat (1)" not in cites(search(s, "tugas"))
    with Store(tmp_path / "c.sqlite", seed=False) as s:
        assert "Pasal 2 ayat (1)" in cites(search(s, "tugas"))


def test_a_word_kept_whole_is_not_joined_to_a_root_of_another_meaning(store: Store) -> None:
    # "kinerja" (performance) is not "kerja" (work): "tim kerja" clauses are no hit for "kinerja"
    assert stem("kinerja") == "kinerja" and stem("pekerjaan") == "kerja"
    assert cites(search(store, "kinerja", limit=50)) == {"Pasal 5", "Pasal 6"}
    assert "Pasal 4" in cites(search(store, "kerja", limit=50), "sumberjati")  # "pekerjaan" is of the family


def test_a_real_word_missing_from_the_corpus_is_not_corrected_into_another(store: Store) -> None:
    # "kewenangan" (authority) is in no clause here; "keterangan" would be a different word, not a correction
    assert parse(store, "kewenangan").corrections == {}
    assert search(store, "kewenangan") == []


def test_a_snippet_opens_at_the_start_of_its_sentence_not_mid_sentence() -> None:
    from rancang.corpus.query import Query
    from rancang.corpus.search import plain, snippet

    text = ("Pejabat Fungsional dan Pejabat Pelaksana dapat diberikan tugas lainnya. Rincian penugasan sebagaimana "
            "dimaksud pada ayat (1) dilaksanakan oleh Pimpinan Unit Organisasi melalui aplikasi kinerja.")
    q = Query(words=["aplikasi"], phrases=[])
    assert plain(snippet(text, q)).startswith("…Rincian penugasan sebagaimana dimaksud")
    items = "Penugasan terdiri atas: a. penunjukan; dan b. pengajuan sukarela oleh Pejabat Fungsional."
    assert plain(snippet(items, Query(words=["sukarela"], phrases=[]))).startswith("…b. pengajuan sukarela")


@pytest.mark.parametrize(("query", "expected"), [
    ("pasal 2 perbup kertawangi", [("kertawangi", "Pasal 2")]),
    ("Pasal 2 ayat (2) Perbup 17/2024", [("kertawangi", "Pasal 2 ayat (2)")]),
    ("pasal 3 peraturan wali kota sumberjati", [("sumberjati", "Pasal 3")]),
    ("pasal 3 sumberjati", [("sumberjati", "Pasal 3")]),  # the region alone names its act
    ("pasal 3 perwali kertawangi", []),  # Kertawangi has a Perbup, no Perwali
    # the number names two acts (Perbup Kertawangi and Perwali Sumberjati 17/2024); the region or kind picks one
    ("pasal 3 nomor 17 tahun 2024 sumberjati", [("sumberjati", "Pasal 3")]),
    ("pasal 3 peraturan bupati nomor 17 tahun 2024", [("kertawangi", "Pasal 3")]),
    ("pasal 3 nomor 17 tahun 2024", [("kertawangi", "Pasal 3"), ("sumberjati", "Pasal 3")]),
])
def test_a_pasal_named_with_its_act_returns_that_pasal_whole(store: Store, query: str, expected) -> None:
    hits = search(store, query)
    assert [(h.reg, h.cite) for h in hits] == expected
    if expected == [("kertawangi", "Pasal 2")]:  # whole, as `corpus show ID --cite` shows it
        assert hits[0].text.startswith("(1) Kepala Perangkat Daerah menugaskan") and "(2) Penugasan" in hits[0].text


def test_a_pasal_named_without_an_act_is_searched_as_words(store: Store) -> None:
    q = parse(store, "pasal 8 permen")
    assert q.cite == "Pasal 8" and q.kind == "permen"
    q = parse(store, "ketentuan pasal 8")
    assert q.cite is None and q.words == ["pasal", "8", "ketentuan"]
    assert all("pasal" in words(h.text) for h in search(store, q))  # a cross-reference, not a Pasal of an act


def test_the_cli_says_which_act_lacks_the_pasal(store: Store) -> None:
    out = CliRunner().invoke(cli, ["search", "--db", str(store.path), "pasal", "9", "perbup", "kertawangi"])
    assert out.exit_code == 0 and "Pasal 9 tidak ditemukan dalam kertawangi." in out.output
