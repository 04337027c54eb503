"""Whole regulations laid out as other regions and national acts print them, each read to its facts.

Every input here is written for this test (no shared file): one base act of each jenis, and for each layout kind
the parts that kind prints differently (kop lines, judul, pembukaan, Persetujuan Bersama, penutup, gazette,
Salinan block, Penjelasan). The facts checked are the ones the gold scorer measures (``tests/vendor/goldcheck.py``):
meta, Menimbang and Mengingat counts, BAB titles and their Pasal, ayat per Pasal, Lampiran.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rancang.ingest import ingest_text

sys.path.insert(0, str(Path(__file__).parent / "vendor"))
from goldcheck import facts_tree  # noqa: E402

# --- one Peraturan Bupati / Daerah / Gubernur / Wali Kota, part by part -----------------------------------------

PARTS = {
    "kop": "SALINAN\n\nBUPATI KARANGSARI\nPROVINSI JAWA TENGAH\n",
    "judul": "PERATURAN BUPATI KARANGSARI\nNOMOR 21 TAHUN 2019\n\nTENTANG\n\nTATA KELOLA ARSIP DINAMIS\n"
             "DI LINGKUNGAN PEMERINTAH DAERAH\n",
    "rahmat": "\nDENGAN RAHMAT TUHAN YANG MAHA ESA\n",
    "pejabat": "\nBUPATI KARANGSARI,\n",
    "menimbang": "\nMenimbang : a. bahwa arsip dinamis perlu dikelola secara tertib;\n"
                 "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
                 "Peraturan Bupati tentang Tata Kelola Arsip Dinamis;\n",
    "mengingat": "\nMengingat : 1. Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan (Lembaran Negara Republik "
                 "Indonesia Tahun 2009 Nomor 152, Tambahan Lembaran Negara Republik Indonesia Nomor 5071);\n"
                 "2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik "
                 "Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587);\n"
                 "3. Peraturan Daerah Kabupaten Karangsari Nomor 4 Tahun 2016 tentang Perangkat Daerah (Lembaran "
                 "Daerah Kabupaten Karangsari Tahun 2016 Nomor 4);\n",
    "persetujuan": "",
    "diktum": "\nMEMUTUSKAN:\n\nMenetapkan : PERATURAN BUPATI TENTANG TATA KELOLA ARSIP DINAMIS DI LINGKUNGAN "
              "PEMERINTAH DAERAH.\n",
    "body": "\nBAB I\nKETENTUAN UMUM\n\nPasal 1\n\nDalam Peraturan Bupati ini yang dimaksud dengan:\n"
            "1. Daerah adalah Kabupaten Karangsari.\n2. Bupati adalah Bupati Karangsari.\n"
            "3. Arsip Dinamis adalah arsip yang digunakan secara langsung.\n"
            "\nBAB II\nPENGELOLAAN\n\nPasal 2\n\n(1) Perangkat Daerah mengelola Arsip Dinamis.\n"
            "(2) Pengelolaan sebagaimana dimaksud pada ayat (1) meliputi:\na. penciptaan;\nb. penggunaan; dan\n"
            "c. pemeliharaan.\n\nPasal 3\n\nPengelolaan dilaksanakan sesuai pedoman.\n"
            "\nBAB III\nKETENTUAN PENUTUP\n\nPasal 4\n\nPeraturan Bupati ini mulai berlaku pada tanggal "
            "diundangkan.\n\nAgar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini "
            "dengan penempatannya dalam Berita Daerah Kabupaten Karangsari.\n",
    "penutup": "\nDitetapkan di Karangsari\npada tanggal 3 Juni 2019\n\nBUPATI KARANGSARI,\n\nttd\n\nSUGIYANTO\n"
               "\nDiundangkan di Karangsari\npada tanggal 4 Juni 2019\n\nSEKRETARIS DAERAH KABUPATEN KARANGSARI,\n"
               "\nttd\n\nRUSDIANTO\n",
    "gazette": "\nBERITA DAERAH KABUPATEN KARANGSARI TAHUN 2019 NOMOR 21\n",
    "tail": "",
}
ORDER = ("kop", "judul", "rahmat", "pejabat", "menimbang", "mengingat", "persetujuan", "diktum", "body", "penutup",
         "gazette", "tail")

#: the facts of the base act
BASE = {"meta.jenis": "peraturan bupati", "meta.daerah": "kabupaten karangsari", "meta.daerah_jenis": "kabupaten",
        "meta.provinsi": "jawa tengah", "meta.nomor": "21", "meta.tahun": "2019",
        "meta.tentang": "tata kelola arsip dinamis di lingkungan pemerintah daerah",
        "meta.pejabat": "bupati karangsari",
        "meta.ditetapkan_di": "karangsari", "meta.tanggal_ditetapkan": "2019-06-03",
        "meta.tanggal_diundangkan": "2019-06-04", "meta.berita_daerah.tahun": "2019", "meta.berita_daerah.nomor": "21",
        "menimbang": 2, "mengingat": 3, "pasal_count": 4, "bab.II.judul": "pengelolaan", "bab.II.pasal": ["2", "3"],
        "pasal.2.ayat": 2, "ayat_items.2.2": 3, "definitions": 3, "lampiran": False}


def layout(**parts: str) -> str:
    """The base act with some of its parts printed differently."""
    return "".join(parts.get(k, PARTS[k]) for k in ORDER)


def facts(text: str) -> dict:
    return facts_tree(ingest_text(text).to_dict())


def check(text: str, **expected) -> None:
    """Every fact of the base act holds, with the ``expected`` ones (goldcheck keys, "." written "__") changed."""
    want = dict(BASE)
    want.update({k.replace("__", "."): v for k, v in expected.items()})
    got = facts(text)
    wrong = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
    assert not wrong, wrong


def test_the_base_act_reads_exactly():
    check(layout())


# --- the kop and the judul ---------------------------------------------------------------------------------------

def test_a_gazette_printed_above_the_judul_is_not_the_acts_number():
    """NTB and Banjarnegara print "BERITA DAERAH ... / NOMOR 22 TAHUN 2019" before the judul: the act is Nomor 21,
    and with no gazette line in the penutup the one above the judul is the gazette."""
    kop = "BERITA DAERAH KABUPATEN KARANGSARI\nNOMOR 22 TAHUN 2019\n\n"
    check(layout(kop=kop + "BUPATI KARANGSARI\nPROVINSI JAWA TENGAH\n"), meta__berita_daerah__nomor="21")
    check(layout(kop=kop + "PROVINSI JAWA TENGAH\n", gazette=""), meta__berita_daerah__nomor="22")
    check(layout(kop="LEMBARAN DAERAH KABUPATEN KARANGSARI\nTAHUN 2019 NOMOR 22\n\n", gazette=""),
          meta__berita_daerah__nomor="22", meta__provinsi="")


@pytest.mark.parametrize("stamp", ["SALINAN", "Salinan", "S A L I N A N"])
def test_a_copy_stamp_above_the_judul_is_set_aside_not_read_as_the_pembukaan(stamp):
    """A JDIH copy prints "SALINAN" above the judul: the same tree as the original, the stamp in stats.removed."""
    reg = ingest_text(layout(kop=f"{stamp}\n\nBUPATI KARANGSARI\nPROVINSI JAWA TENGAH\n"))
    assert reg.preamble[0] == "BUPATI KARANGSARI"
    # (a letter-spaced stamp is read after its spacing is undone, as every letter-spaced line is)
    assert [r["text"] for r in reg.stats.removed if r["kind"] == "stempel"] == [stamp.replace(" ", "")]
    check(layout(kop=f"{stamp}\n\nBUPATI KARANGSARI\nPROVINSI JAWA TENGAH\n"))


def test_the_title_ends_at_the_officials_line_when_dengan_rahmat_is_not_printed():
    check(layout(rahmat=""))
    check(layout(rahmat="", judul=PARTS["judul"].replace("\nTENTANG\n", "\nT E N T A N G\n")))


@pytest.mark.parametrize("kop, provinsi", [
    ("BUPATI KARANGSARI\nPROPINSI JAWA TENGAH\n", "jawa tengah"),             # the spelling before 2000s reforms
    ("BUPATI KARANGSARI\nDAERAH ISTIMEWA YOGYAKARTA\n", "daerah istimewa yogyakarta"),
    ("PEMERINTAH KABUPATEN KARANGSARI\nPROVINSI JAWA TENGAH\n", "jawa tengah"),
    ("B U P A T I  K A R A N G S A R I\nP R O V I N S I  J A W A  T E N G A H\n", "jawa tengah"),
])
def test_kop_lines_name_the_province_as_printed(kop, provinsi):
    check(layout(kop=kop), meta__provinsi=provinsi)


@pytest.mark.parametrize("pejabat, penutup_head, printed", [
    ("Pj. BUPATI KARANGSARI,", "Pj. BUPATI KARANGSARI,", "Pj. Bupati Karangsari"),
    ("PENJABAT BUPATI KARANGSARI,", "PENJABAT BUPATI KARANGSARI,", "Pj. Bupati Karangsari"),
    ("Plt. BUPATI KARANGSARI,", "Plt. BUPATI KARANGSARI,", "Plt. Bupati Karangsari"),
    ("Plh. BUPATI KARANGSARI,", "Plh. BUPATI KARANGSARI,", "Plh. Bupati Karangsari"),
])
def test_an_acting_head_keeps_the_printed_prefix(pejabat, penutup_head, printed):
    text = layout(pejabat=f"\n{pejabat}\n", penutup=PARTS["penutup"].replace("BUPATI KARANGSARI,", penutup_head))
    check(text)
    assert ingest_text(text).meta.pejabat == printed


JUDUL = PARTS["judul"]


@pytest.mark.parametrize("judul", [
    # web pages and converted documents set the judul on one line, or two
    "PERATURAN BUPATI KARANGSARI NOMOR 21 TAHUN 2019\nTENTANG\nTATA KELOLA ARSIP DINAMIS DI LINGKUNGAN PEMERINTAH "
    "DAERAH\n",
    "PERATURAN BUPATI KARANGSARI NOMOR 21 TAHUN 2019 TENTANG TATA KELOLA ARSIP DINAMIS DI LINGKUNGAN PEMERINTAH "
    "DAERAH\n",
    JUDUL.replace("NOMOR 21 TAHUN 2019", "NOMOR 21\nTAHUN 2019"),
    JUDUL.replace("NOMOR 21 TAHUN 2019", "NOMOR : 21 TAHUN : 2019"),
    JUDUL.replace("PERATURAN BUPATI KARANGSARI", "PERATURAN BUPATI\nKARANGSARI"),
])
def test_the_judul_set_on_fewer_or_more_lines(judul):
    check(layout(judul=judul))


def test_a_long_region_name_wrapped_in_the_judul():
    judul = JUDUL.replace("PERATURAN BUPATI KARANGSARI", "PERATURAN BUPATI HULU SUNGAI\nSELATAN")
    check(layout(kop="", judul=judul, pejabat="\nBUPATI HULU SUNGAI SELATAN,\n"),
          meta__daerah="kabupaten hulu sungai selatan", meta__pejabat="bupati hulu sungai selatan", meta__provinsi="")


def test_the_official_on_the_line_of_dengan_rahmat():
    text = layout(rahmat="\nDENGAN RAHMAT TUHAN YANG MAHA ESA Plt. BUPATI KARANGSARI,\n", pejabat="")
    check(text)
    assert ingest_text(text).meta.pejabat == "Plt. Bupati Karangsari"


# --- Peraturan Daerah, Pergub, Perwali ---------------------------------------------------------------------------

PERDA = dict(
    judul="PERATURAN DAERAH KABUPATEN KARANGSARI\nNOMOR 21 TAHUN 2019\n\nTENTANG\n\nTATA KELOLA ARSIP DINAMIS\n"
          "DI LINGKUNGAN PEMERINTAH DAERAH\n",
    persetujuan="\nDengan Persetujuan Bersama\n\nDEWAN PERWAKILAN RAKYAT DAERAH KABUPATEN KARANGSARI\n\ndan\n\n"
                "BUPATI KARANGSARI\n",
    gazette="\nLEMBARAN DAERAH KABUPATEN KARANGSARI TAHUN 2019 NOMOR 21\n\nNOREG PERATURAN DAERAH KABUPATEN "
            "KARANGSARI, PROVINSI JAWA TENGAH: (21-97/2019)\n",
    tail="\nSalinan sesuai dengan aslinya\nKEPALA BAGIAN HUKUM\nSEKRETARIAT DAERAH KABUPATEN KARANGSARI,\n\nttd\n\n"
         "BAMBANG SUTRISNO, S.H.\nNIP. 19700101 199003 1 011\n"
         "\nPENJELASAN\nATAS\nPERATURAN DAERAH KABUPATEN KARANGSARI\nNOMOR 21 TAHUN 2019\nTENTANG\n"
         "TATA KELOLA ARSIP DINAMIS DI LINGKUNGAN PEMERINTAH DAERAH\n\nI. UMUM\n\nArsip merupakan memori "
         "kolektif Daerah.\n\nII. PASAL DEMI PASAL\n\nPasal 1\nCukup jelas.\nPasal 2\nAyat (1)\nCukup jelas.\n"
         "Ayat (2)\nCukup jelas.\nPasal 3\nCukup jelas.\nPasal 4\nCukup jelas.\n\n"
         "TAMBAHAN LEMBARAN DAERAH KABUPATEN KARANGSARI NOMOR 97\n",
)


def test_a_perda_with_persetujuan_bersama_noreg_salinan_and_penjelasan():
    text = layout(**PERDA)
    check(text, meta__jenis="peraturan daerah")
    reg = ingest_text(text)
    explained = [(b.get("pasal"), b["text"]) for b in reg.to_dict()["penjelasan"] if b["type"] == "paragraph"]
    assert explained[0] == (None, "Arsip merupakan memori kolektif Daerah.")
    assert explained[1:3] == [("pasal-1", "Cukup jelas."), ("pasal-2/ayat-1", "Cukup jelas.")]
    # the Tambahan Lembaran Daerah under the Penjelasan explains no Pasal
    assert not any("TAMBAHAN" in b["text"] for b in reg.to_dict()["penjelasan"] if b.get("pasal"))


@pytest.mark.parametrize("umum, pasal_demi_pasal", [
    ("I. PENJELASAN UMUM", "II. PENJELASAN PASAL DEMI PASAL"), ("A. UMUM", "B. PASAL DEMI PASAL"),
    ("I. UMUM.", "II. PASAL DEMI PASAL."), ("I. Umum", "II. Pasal Demi Pasal")])
def test_the_penjelasan_parts_headed_as_bureaus_head_them(umum, pasal_demi_pasal):
    tail = PERDA["tail"].replace("I. UMUM", umum).replace("II. PASAL DEMI PASAL", pasal_demi_pasal).replace(
        "Pasal 3\nCukup", "Pasal 3 : Cukup")
    blocks = ingest_text(layout(**{**PERDA, "tail": tail})).to_dict()["penjelasan"]
    explained = [(b.get("pasal"), b["part"], b["text"]) for b in blocks if b["type"] == "paragraph"]
    assert explained[:2] == [(None, "umum", "Arsip merupakan memori kolektif Daerah."),
                             ("pasal-1", "pasal", "Cukup jelas.")]
    assert ("pasal-3", "pasal", "Cukup jelas.") in explained


def test_a_perda_whose_judul_does_not_name_the_region_takes_it_from_the_official():
    """Banyumas prints "PERATURAN DAERAH" / "NOMOR 6 TAHUN 2023": the region is the enacting Bupati's."""
    judul = PERDA["judul"].replace("PERATURAN DAERAH KABUPATEN KARANGSARI", "PERATURAN DAERAH")
    check(layout(**{**PERDA, "judul": judul}), meta__jenis="peraturan daerah")
    check(layout(**{**PERDA, "judul": judul, "rahmat": ""}), meta__jenis="peraturan daerah")


def test_a_perda_before_2004_says_dengan_persetujuan_without_bersama():
    """Acts before the UUD's amendment print "Dengan persetujuan DEWAN PERWAKILAN RAKYAT DAERAH ...": it is no
    Mengingat entry, and the older gazette order "NOMOR 5 TAHUN 2003" reads too."""
    text = layout(**{**PERDA, "persetujuan": "\nDengan persetujuan\nDEWAN PERWAKILAN RAKYAT DAERAH KABUPATEN "
                                             "KARANGSARI\n",
                     "gazette": "\nLEMBARAN DAERAH KABUPATEN KARANGSARI NOMOR 21 TAHUN 2019 SERI E\n"})
    check(text, meta__jenis="peraturan daerah")


PERGUB = dict(
    kop="GUBERNUR SULAWESI TENGGARA\n",
    judul="PERATURAN GUBERNUR SULAWESI TENGGARA\nNOMOR 21 TAHUN 2019\n\nTENTANG\n\nTATA KELOLA ARSIP DINAMIS\n"
          "DI LINGKUNGAN PEMERINTAH DAERAH\n",
    pejabat="\nGUBERNUR SULAWESI TENGGARA,\n",
    penutup=PARTS["penutup"].replace("BUPATI KARANGSARI,", "GUBERNUR SULAWESI TENGGARA,").replace(
        "SEKRETARIS DAERAH KABUPATEN KARANGSARI", "SEKRETARIS DAERAH PROVINSI SULAWESI TENGGARA"),
    gazette="\nBERITA DAERAH PROVINSI SULAWESI TENGGARA TAHUN 2019 NOMOR 21\n",
)
PROVINCE = dict(meta__jenis="peraturan gubernur", meta__daerah="provinsi sulawesi tenggara",
                meta__daerah_jenis="provinsi", meta__provinsi="sulawesi tenggara",
                meta__pejabat="gubernur sulawesi tenggara")


def test_a_pergub_is_the_act_of_a_province():
    check(layout(**PERGUB), **PROVINCE)
    # "PERATURAN GUBERNUR PROVINSI ..." names the province once, and "PEMERINTAH PROVINSI ..." is a kop
    judul = PERGUB["judul"].replace("GUBERNUR SULAWESI", "GUBERNUR PROVINSI SULAWESI")
    check(layout(**{**PERGUB, "judul": judul, "kop": "PEMERINTAH PROVINSI SULAWESI TENGGARA\n"}), **PROVINCE)


def test_a_perda_of_a_province():
    text = layout(**{**PERGUB, **{k: PERDA[k] for k in ("persetujuan", "tail")}, "judul": PERGUB["judul"].replace(
        "PERATURAN GUBERNUR SULAWESI TENGGARA", "PERATURAN DAERAH PROVINSI SULAWESI TENGGARA")})
    check(text, **{**PROVINCE, "meta__jenis": "peraturan daerah"})


def test_a_perwali_spelled_walikota_keeps_the_printed_office():
    parts = {k: v.replace("BUPATI KARANGSARI", "WALIKOTA KARANGSARI").replace("KABUPATEN", "KOTA")
             for k, v in PARTS.items()}
    parts["rahmat"] = ""  # older Perwali print no "DENGAN RAHMAT ..." line
    check(layout(**parts), meta__jenis="peraturan wali kota", meta__daerah="kota karangsari",
          meta__daerah_jenis="kota", meta__pejabat="walikota karangsari")


@pytest.mark.parametrize("head", ["Lampiran : Peraturan Bupati Karangsari", "LAMPIRAN I\nPERATURAN BUPATI KARANGSARI",
                                  "Lampiran II Peraturan Bupati Karangsari"])
def test_a_lampiran_headed_in_title_case_or_numbered(head):
    lampiran = (f"\n{head}\nNomor : 21 Tahun 2019\nTanggal : 3 Juni 2019\n\nPEDOMAN TATA KELOLA ARSIP\n\n"
                "No | Jenis Arsip | Keterangan\n1 | Surat Keputusan | aktif\n2 | Laporan | inaktif\n")
    check(layout(tail=lampiran), lampiran=True)


def test_a_gazette_number_with_a_point_is_kept_whole():
    check(layout(judul=PARTS["judul"].replace("NOMOR 21", "NOMOR 21.1"),
                 gazette="\nBERITA DAERAH KABUPATEN KARANGSARI TAHUN 2019 NOMOR 21.1\n"),
          meta__nomor="21.1", meta__berita_daerah__nomor="21.1")


# --- the batang tubuh --------------------------------------------------------------------------------------------

def test_a_pasal_heading_with_its_first_sentence_on_the_same_line():
    """Text copied from a web page prints "Pasal 1 Dalam ...": heading and text, by the sequence."""
    body = PARTS["body"]
    for n in (1, 2, 3, 4):
        body = body.replace(f"Pasal {n}\n\n", f"Pasal {n} ")
    check(layout(body=body))
    # a reference at a line's start after a wrapped line is never a heading
    body = PARTS["body"].replace("Pengelolaan dilaksanakan sesuai pedoman.", "Pengelolaan dilaksanakan sesuai\n"
                                 "Pasal 4 Peraturan Daerah Kabupaten Karangsari Nomor 4 Tahun 2016.")
    check(layout(body=body))


def test_an_act_without_bab_whose_first_pasal_runs_on():
    body = ("\nPasal 1 Dalam Peraturan Bupati ini yang dimaksud dengan:\n1. Daerah adalah Kabupaten Karangsari.\n"
            "2. Bupati adalah Bupati Karangsari.\n3. Arsip adalah rekaman kegiatan.\n"
            "Pasal 2 Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n")
    got = facts(layout(body=body))
    assert (got["pasal_count"], got["definitions"], got["pasal.2.ayat"]) == (2, 3, 0)


# --- text copied from a paged PDF: running headers, page numbers and catchwords ----------------------------------

def paginate(text: str, every: int, header: list[str], number: str = "- {n} -") -> str:
    """``text`` as a PDF's text layer saved as TXT: pages of ``every`` lines, each after the first headed by the
    ``header`` lines and the page ``number``, each but the last ending with a catchword (the next page's first
    two words and ". . .")."""
    lines = text.split("\n")
    out: list[str] = []
    for n, start in enumerate(range(0, len(lines), every), start=1):
        if n > 1:
            out += header + ["", number.format(n=n), ""]
        out += lines[start:start + every]
        nxt = next((ln for ln in lines[start + every:] if ln.strip()), "")
        if nxt:
            out += ["", " ".join(nxt.split()[:2]) + " . . ."]
    return "\n".join(out)


def _pp(n_pasal: int) -> tuple[str, dict[str, int]]:
    """A Peraturan Pemerintah of ``n_pasal`` Pasal (ayat counts cycle 0, 2, 3), with its Penjelasan."""
    ayat = {str(p): (0, 2, 3)[p % 3] for p in range(1, n_pasal + 1)}
    body = []
    for p in range(1, n_pasal + 1):
        if p % 25 == 1:
            body += [f"BAB {'I II III IV V VI VII VIII'.split()[p // 25]}", f"KETENTUAN KELOMPOK {p // 25 + 1}", ""]
        body += [f"Pasal {p}", ""]
        body += [f"({a}) Pengelola arsip melaksanakan tugas sesuai dengan pedoman yang ditetapkan oleh Kepala Arsip "
                 f"Nasional." for a in range(1, ayat[str(p)] + 1)] or ["Arsip dikelola oleh pencipta arsip."]
        body.append("")
    text = "\n".join([
        "PRESIDEN", "REPUBLIK INDONESIA", "", "PERATURAN PEMERINTAH REPUBLIK INDONESIA", "NOMOR 30 TAHUN 2021",
        "TENTANG", "PENGELOLAAN ARSIP NASIONAL", "", "DENGAN RAHMAT TUHAN YANG MAHA ESA", "",
        "PRESIDEN REPUBLIK INDONESIA,", "",
        "Menimbang : bahwa untuk melaksanakan ketentuan Pasal 9 Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan, "
        "perlu menetapkan Peraturan Pemerintah tentang Pengelolaan Arsip Nasional;",
        "Mengingat : 1. Pasal 5 ayat (2) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;",
        "2. Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan (Lembaran Negara Republik Indonesia Tahun 2009 "
        "Nomor 152, Tambahan Lembaran Negara Republik Indonesia Nomor 5071);", "", "MEMUTUSKAN:", "",
        "Menetapkan : PERATURAN PEMERINTAH TENTANG PENGELOLAAN ARSIP NASIONAL.", "", *body,
        "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Pemerintah ini dengan penempatannya "
        "dalam Lembaran Negara Republik Indonesia.", "", "Ditetapkan di Jakarta", "pada tanggal 2 Februari 2021", "",
        "PRESIDEN REPUBLIK INDONESIA,", "ttd.", "JOKO WIDODO", "", "Diundangkan di Jakarta",
        "pada tanggal 2 Februari 2021", "MENTERI HUKUM DAN HAK ASASI MANUSIA", "REPUBLIK INDONESIA,", "ttd.",
        "YASONNA H. LAOLY", "", "LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2021 NOMOR 37", "",
        "PENJELASAN", "ATAS", "PERATURAN PEMERINTAH REPUBLIK INDONESIA", "NOMOR 30 TAHUN 2021", "TENTANG",
        "PENGELOLAAN ARSIP NASIONAL", "", "I. UMUM", "Arsip adalah memori bangsa.", "", "II. PASAL DEMI PASAL", "",
        *[f"Pasal {p}\nCukup jelas.\n" for p in range(1, n_pasal + 1)],
        "TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 6641", ""])
    return text, ayat


@pytest.mark.parametrize("number", ["- {n} -", "Halaman {n} dari 40", "{n} / 40"])
def test_a_national_act_copied_from_its_pdf_keeps_every_pasal_and_ayat(number):
    """The text layer of a peraturan.go.id PDF: "PRESIDEN" / "REPUBLIK INDONESIA" and the page number head every
    page, and a catchword ("(3) Pengelola arsip . . .", "Pasal 41 . . .") ends it. 120 Pasal, each with its ayat."""
    text, ayat = _pp(120)
    reg = ingest_text(paginate(text, 37, ["PRESIDEN", "REPUBLIK INDONESIA"], number))
    got = facts_tree(reg.to_dict())
    assert got["pasal_count"] == 120
    assert {p: got[f"pasal.{p}.ayat"] for p in ayat} == ayat
    assert (got["menimbang"], got["mengingat"], got["meta.pejabat"]) == (1, 2, "presiden republik indonesia")
    assert not reg.stats.unplaced
    kinds = reg.stats.artefacts
    assert kinds["catchword"] >= 10 and kinds["running_header"] >= 20
    # the header's words inside the act stay: the official's line and nothing of the body is taken
    assert all("PRESIDEN" not in p.text for p in reg.pasals())
    assert len(reg.to_dict()["penjelasan"]) > 240


def test_a_regional_act_copied_from_its_pdf_reads_like_the_plain_text():
    """A Perbup's text layer with the JDIH address and the page number on every page, catchwords at the foot."""
    text = layout(body=PARTS["body"] * 1)
    for header in (["jdih.karangsarikab.go.id"], ["BUPATI KARANGSARI"]):
        check(paginate(text, 11, header))
    # a line that only ends with an ellipsis, with no page break after it, is text
    body = PARTS["body"].replace("Pengelolaan dilaksanakan sesuai pedoman.", "Pengelolaan dilaksanakan sesuai . . .\n"
                                 "Pengelolaan dilaksanakan sesuai pedoman.")
    assert "sesuai . . ." in ingest_text(layout(body=body)).pasals()[2].text


def test_an_act_amending_with_arabic_pasal_and_unquoted_new_text():
    """Some amending Perbup number their own Pasal 1, 2 (not I, II) and print the new text without quotes: the
    amended act's "Pasal 6" / "Pasal 7" are no Pasal of this act, its own "Pasal 2" after them is."""
    body = ("\nPasal 1\n\nBeberapa ketentuan dalam Peraturan Bupati Karangsari Nomor 4 Tahun 2016 tentang Arsip "
            "diubah sebagai berikut:\n1. Ketentuan Pasal 6 diubah sehingga berbunyi sebagai berikut:\nPasal 6\n"
            "(1) Arsip dikelola oleh Perangkat Daerah.\n(2) Pengelolaan dilaksanakan secara elektronik.\n"
            "2. Di antara Pasal 7 dan Pasal 8 disisipkan 1 (satu) Pasal, yakni Pasal 7A sehingga berbunyi sebagai "
            "berikut:\nPasal 7A\nArsip vital disimpan di ruang khusus.\n3. Pasal 9 dihapus.\n\nPasal 2\n\n"
            "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n")
    got = facts(layout(body=body))
    assert (got["pasal_count"], got["pasal.1.ayat"], got["pasal.2.ayat"]) == (2, 0, 0)


def test_mengingat_enumerators_printed_as_a_column_label_the_texts_in_order():
    """A two-column PDF gives "1." / "2." / "3." first, then the three citations: three entries, labelled 1 to 3."""
    texts = [ln.split(". ", 1)[1] for ln in PARTS["mengingat"].replace("Mengingat : ", "").split("\n") if ln.strip()]
    reg = ingest_text(layout(mengingat="\nMengingat :\n1.\n2.\n3.\n" + "\n".join(texts) + "\n"))
    assert [(m.label, m.text) for m in reg.mengingat] == [("1.", texts[0]), ("2.", texts[1]), ("3.", texts[2])]
