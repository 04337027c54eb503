"""Titles of acts in the knowledge base, and a profile's own citation beside it (issue 25, W1), and currency of old
formation laws (L2).

UU 16/1950 forms the kota besar of Djawa Timur, Djawa Tengah, Djawa Barat and Jogjakarta; PP of one province cite
it shortened to theirs ("... dalam Lingkungan Propinsi Jawa Timur"). Its own judul is its title; a Kota Magelang
profile that cites the judul keeps it. UU 9/1965 forms Kabupaten Batang "dengan mengubah" UU 13/1950 and leaves it
in force for the other kabupaten (its Pasal 4): a Perbup of another kabupaten need not cite it.
"""

from __future__ import annotations

from pathlib import Path

from rancang.cli import main
from rancang.generate.check import check
from rancang.generate.draft import mengingat
from rancang.generate.draft.notes import Notes
from rancang.generate.naskah.isian import formation_laws
from rancang.generate.shared import givencite
from rancang.generate.shared.profile import example_path
from rancang.generate.shared.profile import load as load_profile
from rancang.ingest import ingest_text
from rancang.kb import store
from rancang.kb.compile import compile_acts
from rancang.kb.observe import observe
from rancang.kb.titles import agree, judge_title, own_title, shortens

OWN = ("PEMBENTUKAN DAERAH-DAERAH KOTA BESAR DALAM LINGKUNGAN PROPINSI DJAWA TIMUR, DJAWA TENGAH, DJAWA BARAT DAN "
       "DALAM DAERAH ISTIMEWA JOGJAKARTA")
SHORT = "Pembentukan Daerah-daerah Kota Besar Dalam Lingkungan Propinsi Jawa Timur"
PROFILE_TITLE = ("Pembentukan Daerah-daerah Kota Besar dalam Lingkungan Propinsi Djawa Timur, Djawa Tengah, "
                 "Djawa Barat dan Daerah Istimewa Jogjakarta")
DATA = Path(__file__).parent / "data"


def test_a_judul_whose_number_the_reader_lost_is_still_the_acts_own_title(tmp_path):
    """"UNDANG-UNDANG No. 16 TAHUN 1950 ... TENTANG ...": the reader reads the title but not the number ("No."); the
    collection's path names the act, the head prints its number and year: the title is the act's own."""
    f = tmp_path / "16.md"
    f.write_text(f" UNDANG-UNDANG No. 16 TAHUN 1950 UNDANG-UNDANG No. 16 TAHUN 1950 TENTANG {OWN}.\nMenimbang:\n bahwa "
                 "telah tiba saatnja untuk membentuk daerah-daerah Kota Besar;\nMengingat :\n pasal 5 ajat (1) "
                 "Undang-undang Dasar; M E M U T U S K A N : BAB I. Pasal 1. Kota Besar dibentuk.\nPasal 2. Undang-"
                 "undang ini mulai berlaku pada hari diumumkan.\n", encoding="utf-8")
    obs = observe(str(f), "uu/1950/16.md")
    assert obs["self"]["key"] == "uu-1950-16" and agree(obs["self"]["tentang"], OWN)
    other = observe(str(f), "uu/1950/17.md")  # the head names 16/1950: not the title of UU 17/1950
    assert other["self"]["key"] == "uu-1950-17" and other["self"]["tentang"] is None


def test_spelling_and_function_words_aside_titles_agree_and_a_region_cut_off_is_a_shortening():
    assert agree(OWN, PROFILE_TITLE)  # "Djawa"/"Jawa", "dan dalam"/"dan"
    assert not agree(OWN, SHORT)
    assert shortens(SHORT, OWN) and shortens("Pembentukan Daerah- daerah Kota Besar Dalam Lingkungan Propinsi Jawa "
                                             "Timur/Tengah/Barat dan Daerah Istimewa Yogyakarta", OWN)
    assert not shortens("Pembentukan Daerah-daerah Kota Besar di Sumatera", OWN)
    assert own_title("PEMBENTUKAN DAERAH OTONOM KOTA-KECIL *) PRESIDEN REPUBLIK INDONESIA.,") == \
        "PEMBENTUKAN DAERAH OTONOM KOTA-KECIL"


def test_the_own_judul_leads_over_citations_that_shorten_it():
    fact = judge_title([{"value": SHORT, "sources": ["pp-1982-45", "pp-1982-47", "pp-1982-48", "pp-1982-49"]},
                        {"value": OWN, "sources": ["naskah:uu-1950-16"]}], "naskah:uu-1950-16")
    assert agree(fact["value"], OWN) and fact["status"] == "unverified" and fact["disagree"] == 0
    assert fact["value"].startswith("Pembentukan Daerah-Daerah Kota Besar dalam")  # printed as citations write it
    assert fact["others"][0]["singkatan"] is True
    agreed = judge_title([{"value": SHORT, "sources": ["pp-1982-45"]},
                          {"value": OWN, "sources": ["naskah:uu-1950-16", "pp-2008-18"]}], "naskah:uu-1950-16")
    assert agreed["status"] == "verified"
    # an OCR slip in the own judul ("PROPISI") outvoted by citations that are not a shortening of it
    slip = judge_title([{"value": "PEMBENTUKAN KOTA BESAR DALAM PROPISI SUMATERA TENGAH",
                         "sources": ["naskah:uu-1956-9"]},
                        {"value": "Pembentukan Kota Besar dalam Propinsi Sumatera Tengah",
                         "sources": ["pp-1980-1", "pp-1981-2"]}], "naskah:uu-1956-9")
    assert "Propinsi" in slip["value"] and slip["status"] == "disputed"


def test_compiled_the_knowledge_base_takes_the_title_from_the_acts_own_text():
    """Five PP of Jawa Timur cite UU 16/1950 shortened to their province; its own text gives the whole judul."""
    own = {"file": "uu/1950/16.md", "self": {"key": "uu-1950-16", "jenis": "Undang-Undang", "nomor": "16",
                                             "tahun": 1950, "tentang": OWN}, "pub": {"bn": [1950, 45]}}
    citers = [{"file": f"pp/1982/{n}.md", "self": {"key": f"pp-1982-{n}", "jenis": "Peraturan Pemerintah",
                                                  "nomor": str(n), "tahun": 1982, "tentang": "Perluasan Kota"},
               "cites": [[{"role": "base", "pub": None, "act": {"key": "uu-1950-16", "jenis": "Undang-Undang",
                                                                "nomor": "16", "tahun": 1950, "tentang": SHORT}}]]}
              for n in (45, 47, 48, 49, 50)]
    rec = next(r for r in compile_acts([own, *citers], None) if r["key"] == "uu-1950-16")
    assert agree(rec["facts"]["tentang"]["value"], OWN)


def test_the_shipped_knowledge_base_holds_uu_16_1950_by_its_own_judul():
    fact = store.load().fact("uu-1950-16", "tentang")
    assert agree(fact["value"], OWN) and fact["status"] != "verified"


def test_a_profile_citing_the_acts_own_judul_keeps_it_and_an_unverified_fact_never_replaces_the_profiles():
    base = store.load()
    title, notes = givencite.title(base, "uu-1950-16", PROFILE_TITLE, "Undang-Undang Nomor 16 Tahun 1950")
    assert title == PROFILE_TITLE and notes == []
    # a title the knowledge base does not hold verified: the profile's is printed, the disagreement reported
    title, notes = givencite.title(base, "uu-1950-16", SHORT, "Undang-Undang Nomor 16 Tahun 1950")
    assert title == SHORT and len(notes) == 1 and "belum terverifikasi" in notes[0]
    # a verified title (UU 10/1950, Pembentukan Propinsi Djawa Tengah) replaces a profile's that contradicts it
    assert base.fact("uu-1950-10", "tentang")["status"] == "verified"
    title, notes = givencite.title(base, "uu-1950-10", "Pembentukan Propinsi Djawa Timur", "UU 10/1950")
    assert agree(title, "Pembentukan Propinsi Jawa Tengah") and "profil menulis" in notes[0]
    assert givencite.title(base, "uu-1950-10", "Pembentukan Propinsi Djawa Tengah", "UU 10/1950")[1] == []


def test_a_publication_the_profile_gives_is_kept_unless_a_verified_fact_contradicts_it():
    base = store.load()
    text, notes = givencite.publication(base, "uu-1950-16", "Berita Negara Republik Indonesia Tahun 1950 Nomor 45",
                                        "UU 16/1950")
    assert text == "(Berita Negara Republik Indonesia Tahun 1950 Nomor 45)" and "belum terverifikasi" in notes[0]
    text, notes = givencite.publication(base, "uu-1954-13", "Lembaran Negara Republik Indonesia Tahun 1954 Nomor 41",
                                        "UU 13/1954")  # LN 1954/40, TLN 551: verified
    assert "Tahun 1954 Nomor 40" in text and "Nomor 551" in text and "profil menulis" in notes[-1]


def test_the_kota_magelang_keputusan_cites_uu_16_1950_as_its_profile_does_and_says_what_is_unverified():
    profile = load_profile(example_path("kota-magelang"))
    notes: list[str] = []
    [law] = formation_laws(profile, notes)
    assert law.startswith(f"Undang-Undang Nomor 16 Tahun 1950 tentang {PROFILE_TITLE} (Berita Negara Republik "
                          "Indonesia Tahun 1950 Nomor 45) sebagaimana telah diubah dengan Undang-Undang Nomor 13 Tahun "
                          "1954 tentang Pengubahan")
    assert "Jawa Timur (" not in law and "Nomor ....)" not in law
    assert any("Nomor 16 Tahun 1950 (Berita Negara" in n and "belum terverifikasi" in n for n in notes)
    # the draft's Mengingat: the profile's title kept, no title note (it agrees with the act's own judul)
    listed = Notes()
    entries = mengingat.entries(profile, listed)
    assert any(PROFILE_TITLE in e.text for e in entries)
    assert not any("judul Undang-Undang Nomor 16 Tahun 1950" in n.why for n in listed.items)


CLEAN = (DATA / "check_clean.md").read_text(encoding="utf-8")
CHAIN = (" sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 1965 tentang Pembentukan Daerah Tingkat II "
         "Batang dengan mengubah Undang-Undang Nomor 13 Tahun 1950 tentang Pembentukan Daerah-daerah Kabupaten dalam "
         "Lingkungan Propinsi Jawa Tengah (Lembaran Negara Republik Indonesia Tahun 1965 Nomor 52, Tambahan Lembaran "
         "Negara Republik Indonesia Nomor 2757)")


def _l2(text: str) -> list[tuple[str, str]]:
    return [(f["rule"], f["severity"]) for f in check(ingest_text(text, "uji.md")) if f["rule"].startswith("L2")]


def test_uu_13_1950_without_the_act_forming_batang_is_an_info_for_another_kabupaten_a_warning_for_batang():
    assert CHAIN in CLEAN
    assert _l2(CLEAN) == []
    assert _l2(CLEAN.replace(CHAIN, "")) == [("L2_info", "info")]
    batang = CLEAN.replace("SUKAMAJU", "BATANG").replace("Sukamaju", "Batang")
    assert _l2(batang.replace(CHAIN, "")) == [("L2", "warning")]


def test_kb_show_and_cari_say_what_is_not_verified(capsys):
    assert main(["kb", "show", "UU 16/1950"]) == 0
    shown = capsys.readouterr().out
    assert "Belum terverifikasi: Judul (tentang), Berita Negara" in shown and "disingkat: " in shown
    assert main(["kb", "cari", "pembentukan", "kota", "besar", "djawa"]) == 0
    found = capsys.readouterr().out
    assert "UU 16/1950" in found and "[judul belum terverifikasi]" in found


def test_a_keputusan_of_another_kabupaten_cites_uu_13_1950_without_the_act_forming_batang():
    """The profile gives UU 13/1950 and no amendment: the chain comes from the knowledge base, without UU 9/1965
    (it forms Batang) for Kabupaten Magelang, with it for Kabupaten Batang."""
    profile = load_profile(example_path("kota-magelang"))
    profile.data["daerah"] = {"nama": "Magelang", "jenis": "kabupaten"}
    profile.data["dasar_hukum_daerah"] = [{"jenis": "Undang-Undang", "nomor": "13", "tahun": 1950, "tentang":
                                           "Pembentukan Daerah-daerah Kabupaten dalam Lingkungan Propinsi Djawa "
                                           "Tengah"}]
    [law] = formation_laws(profile, [])
    assert "Nomor 9 Tahun 1965" not in law
    profile.data["daerah"] = {"nama": "Batang", "jenis": "kabupaten"}
    [law] = formation_laws(profile, [])
    assert "sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 1965" in law


def test_a_profiles_number_the_knowledge_base_records_otherwise_unverified_is_kept_and_the_conflict_reported():
    """UU 16/1950's Berita Negara: 45 by its own text only (unverified). A profile writing 44 keeps its 44 (an
    unverified fact never replaces the user's) and the note names the other record."""
    base = store.load()
    text, notes = givencite.publication(base, "uu-1950-16", "Berita Negara Republik Indonesia Tahun 1950 Nomor 44",
                                        "UU 16/1950")
    assert text == "(Berita Negara Republik Indonesia Tahun 1950 Nomor 44)"
    assert any("mencatat Nomor 45 Tahun 1950" in n and "naskah UU 16/1950 sendiri" in n for n in notes), notes
    assert givencite.conflicts(base, "uu-1950-16", "Berita Negara Republik Indonesia Tahun 1950 Nomor 45", "x") == []


def test_uu_12_1950_without_the_act_moving_surabayas_boundary_is_an_info_for_another_region():
    """UU 2/1965 "Perubahan Batas Wilayah Kotapraja Surabaya ... dengan mengubah UU No. 12 Tahun 1950": it changes
    the formation law of the kabupaten of Jawa Timur for Surabaya only."""
    start = CLEAN.index("2. Undang-Undang Nomor 13 Tahun 1950")
    end = CLEAN.index("\n\n", start)
    text = CLEAN[:start] + ("2. Undang-Undang Nomor 12 Tahun 1950 tentang Pembentukan Daerah-daerah Kabupaten dalam "
                            "Lingkungan Propinsi Djawa Timur;") + CLEAN[end:]
    assert _l2(text) == [("L2_info", "info")]
    surabaya = text.replace("SUKAMAJU", "SURABAYA").replace("Sukamaju", "Surabaya")
    assert _l2(surabaya) == [("L2", "warning")]
