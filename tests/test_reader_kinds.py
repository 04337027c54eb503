"""Each kind of real layout the reader must read exactly, on inputs built here (not the peers' files).

Kinds (issue 11): headings where real layouts put them, numbers that are not enumerators, wrapped lines, the judul
of an amending act, amending acts, reference forms, the Penjelasan per Pasal, PDF glyphs and page direction,
DOCX tracked changes.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from rancang.ingest import ingest_bytes, ingest_text
from rancang.ingest.headings.read import UNPLACED

HEAD = """PERATURAN WALI KOTA SUKAMAJU
NOMOR 12 TAHUN 2026
TENTANG
{tentang}

DENGAN RAHMAT TUHAN YANG MAHA ESA

WALI KOTA SUKAMAJU,

Menimbang : a. bahwa pelayanan perlu diatur;
b. bahwa perlu menetapkan Peraturan Wali Kota;

Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
2. Peraturan Daerah Kota Sukamaju Nomor 1 Tahun 2020 tentang Organisasi;

MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG {tentang}.

"""
TAIL = """
Ditetapkan di Sukamaju
pada tanggal 5 Maret 2026
WALI KOTA SUKAMAJU,
"""


def act(body: str, tentang: str = "PELAYANAN ADMINISTRASI", head: str = HEAD):
    return ingest_text(head.format(tentang=tentang) + body + TAIL, "kind.txt")


def numbers(reg) -> list[str]:
    return [p.number for p in reg.pasals()]


# --- 1. headings where real layouts put them -----------------------------------------------------------------


def test_a_pasal_heading_glued_after_a_sentence_or_a_title_is_a_heading():
    reg = act("BAB I KETENTUAN UMUM Pasal 1\nPelayanan diberikan setiap hari kerja.\n"
              "Pelayanan diberikan oleh petugas yang berhak. Pasal 2\nPetugas memakai seragam.\n"
              "BAB II\nPELAPORAN\nBagian Kesatu\nTahapan Pelaporan Pasal 3\nLaporan dibuat bulanan.\n"
              "Laporan memuat hasil sebagaimana dimaksud dalam Pasal 2\nayat (1) dan disampaikan tepat waktu.\n")
    assert numbers(reg) == ["1", "2", "3"]
    assert reg.body[0].heading == "KETENTUAN UMUM"
    assert reg.pasals()[1].text == "Petugas memakai seragam."
    bagian = reg.body[1].children[0]
    assert (bagian.number, bagian.heading) == ("Kesatu", "Tahapan Pelaporan")
    # a reference at a line end never opens a Pasal
    assert "dimaksud dalam Pasal 2 ayat (1)" in reg.pasals()[2].children[0].text


#: a running header as a bureau's PDF prints it over every page after the first; the other side of the book
ACT_HEADER, SIDE_HEADER = "PERATURAN WALI KOTA SUKAMAJU NOMOR 12 TAHUN 2026", "SALINAN RESMI PEMERINTAH KOTA SUKAMAJU"


#: what each Pasal of a paged input is about: pages differ in text and length, as real pages do
_DUTIES = ["penerimaan berkas permohonan", "verifikasi kelengkapan dokumen", "penyusunan jadwal layanan",
           "penanganan pengaduan masyarakat", "pengarsipan surat keluar", "pemutakhiran data pegawai",
           "penyampaian laporan kinerja"]


def _pasal(n: int) -> list[str]:
    duty = _DUTIES[(n - 1) % len(_DUTIES)]
    lines = [f"Pasal {n}", f"(1) Petugas melaksanakan {duty} sesuai dengan standar",
             "pelayanan yang ditetapkan oleh Wali Kota."]
    return lines + [f"({k}) Pelaksanaan {duty} pada tahap {k} dicatat." for k in range(2, 2 + n % 3 + 1)]


def _paged_pdf(pages: list[list[str]], headers: list[str]) -> bytes:
    """A PDF of ``pages`` (lines each), every page after the first under a running header centred on the page
    (``headers`` taken in turn: two make a book's alternate headers) and a BAB at the top of pages 2 and on."""
    from fpdf import FPDF

    doc = FPDF(unit="mm", format="A4")
    doc.set_auto_page_break(False)
    doc.set_font("Helvetica", size=11)
    for n, lines in enumerate(pages):
        doc.add_page()
        if n:
            doc.set_xy(0, 12)
            doc.cell(w=210, text=headers[n % len(headers)], align="C")
        for i, line in enumerate(lines):
            doc.text(25, 22 + 5.5 * i, line)
    return bytes(doc.output())


def _babs(reg) -> list[tuple[str, str, list[str]]]:
    return [(b.number, b.heading, [p.number for p in b.children if p.type == "pasal"]) for b in reg.body]


@pytest.mark.parametrize("headers, pages", [([ACT_HEADER], 2), ([ACT_HEADER], 5), ([ACT_HEADER, SIDE_HEADER], 7)])
def test_a_bab_at_the_top_of_a_page_just_under_the_running_header_is_a_bab(headers, pages):
    head = HEAD.format(tentang="PELAYANAN").splitlines()
    bodies = [["BAB I", "KETENTUAN UMUM", *_pasal(1)]]
    bodies += [[f"BAB {roman}", f"TUGAS BAGIAN {roman}", *_pasal(k + 2)]
               for k, roman in enumerate(["II", "III", "IV", "V", "VI", "VII"][:pages - 1])]
    bodies[0] = head + bodies[0]
    bodies[-1] += TAIL.splitlines()
    reg = ingest_bytes(_paged_pdf(bodies, headers), "paged.pdf")
    assert _babs(reg)[0] == ("I", "KETENTUAN UMUM", ["1"])
    assert _babs(reg)[1:] == [(r, f"TUGAS BAGIAN {r}", [str(k + 2)])
                              for k, r in enumerate(["II", "III", "IV", "V", "VI", "VII"][:pages - 1])]
    texts = " ".join(n.text or "" for n in reg.walk())
    removed = [r["text"] for r in reg.stats.removed if r["kind"] == "running_header"]
    if pages > 2:  # repeated, the header is page furniture, removed and recorded
        assert ACT_HEADER not in texts and ACT_HEADER in removed
        assert SIDE_HEADER not in texts and (SIDE_HEADER in removed) == (len(headers) == 2)
    else:  # printed once, nothing proves it a header: it stays in the tree, never glued to the BAB
        assert texts.count(ACT_HEADER) == 1 and "BAB II" not in texts


def test_a_bab_after_a_repeated_header_line_in_text_is_a_bab():
    body = "\n".join(["BAB I", "KETENTUAN UMUM", *_pasal(1), ACT_HEADER, "BAB II", "PELAPORAN", *_pasal(2),
                      ACT_HEADER, "BAB III", "PENUTUP", *_pasal(3)])
    reg = act(body + "\n")
    assert _babs(reg) == [("I", "KETENTUAN UMUM", ["1"]), ("II", "PELAPORAN", ["2"]), ("III", "PENUTUP", ["3"])]


def test_paragraf_with_an_ordinal_word_is_a_paragraf():
    reg = act("BAB I\nPELAYANAN\nBagian Kedua\nJenis\nParagraf Ketiga\nPelayanan Daring\nPasal 1\n"
              "Pelayanan daring tersedia.\nParagraf Keempat\nPelayanan Luring\nPasal 2\nPelayanan luring tersedia.\n")
    paragraf = [n for n in reg.walk() if n.type == "paragraf"]
    assert [(p.number, p.heading) for p in paragraf] == [("3", "Pelayanan Daring"), ("4", "Pelayanan Luring")]
    assert [[c.number for c in p.children] for p in paragraf] == [["1"], ["2"]]


def test_letter_spaced_headings_read_as_words():
    reg = act("B A B  I\nKETENTUAN UMUM\nPasal 1\nPelayanan diberikan.\nB A B  I I\nPENUTUP\nPasal 2\n"
              "Peraturan ini berlaku.\n", head=HEAD.replace("MEMUTUSKAN:", "M E M U T U S K A N :"))
    assert [(b.number, b.heading) for b in reg.body] == [("I", "KETENTUAN UMUM"), ("II", "PENUTUP")]
    assert reg.diktum[0] == "MEMUTUSKAN:"


def test_ocr_damaged_pasal_headings_are_corrected_only_in_sequence():
    reg = act("Pasal 1\nSatu.\nPasa1 2\nDua.\nPasar 3\nTiga.\nPASAI 4\nEmpat.\nPasal5\nLima.\n"
              "Pasal 9l\nBukan heading: nomornya di luar urutan.\n")
    assert numbers(reg) == ["1", "2", "3", "4", "5"]
    assert [c["to"] for c in reg.stats.corrections] == ["Pasal 2", "Pasal 3", "Pasal 4", "Pasal 5"]
    # out of sequence: stays text of Pasal 5, never removed
    assert "Pasal 9l" in reg.pasals()[4].children[0].text or "Pasal 9l" in reg.pasals()[4].text
    assert not any(r["kind"] == "orphan" for r in reg.stats.removed)


def test_an_ordinary_act_whose_first_pasal_is_printed_roman_reads_pasal_1():
    reg = act("Pasal I\nPelayanan diberikan.\nPasal 2\nPetugas melayani.\n")
    assert numbers(reg) == ["1", "2"]
    assert reg.pasals()[0].label == "Pasal I"
    assert reg.stats.corrections == [{"line": reg.stats.corrections[0]["line"], "from": "Pasal I",
                                        "to": "Pasal 1"}]


def test_text_that_no_pasal_holds_stays_in_the_tree_flagged():
    reg = act("BAB I\nUMUM\nPasa 1 yang rusak sekali\nPelayanan diberikan.\nPasal 2\nPetugas melayani.\n")
    flagged = [n for n in reg.walk() if n.label == UNPLACED]
    assert flagged and "Pelayanan diberikan." in flagged[0].text
    assert not any(r["kind"] == "orphan" for r in reg.stats.removed)
    assert [u["text"] for u in reg.stats.unplaced][:1] == ["Pasa 1 yang rusak sekali"]


def test_ocr_ayat_l_is_ayat_1_only_when_ayat_2_follows():
    reg = act("Pasal 1\n(l) Pelayanan diberikan.\n(2) Pelayanan sebagaimana dimaksud pada ayat (l) gratis.\n"
              "Pasal 2\n(l) tanpa ayat berikutnya tetap teks.\n")
    first, second = reg.pasals()
    assert [a.number for a in first.child_list("ayat")] == ["1", "2"]
    assert first.child_list("ayat")[1].refs[0].target == ["pasal-1/ayat-1"]
    assert second.child_list("ayat") == [] and second.text.startswith("(l)")


# --- 2. numbers that are not enumerators ---------------------------------------------------------------------


def test_numbers_continuing_a_sentence_and_inside_mengingat_are_text():
    head = HEAD.replace(
        "2. Peraturan Daerah Kota Sukamaju Nomor 1 Tahun 2020 tentang Organisasi;",
        "2. Undang-Undang Nomor 6 Tahun 2014 tentang Desa (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 7;\n"
        "Tambahan Lembaran Negara Republik Indonesia Nomor 5495);\n"
        "3. Peraturan Pemerintah Nomor 18 Tahun 2016 sebagaimana dimaksud dalam Pasal 18 ayat\n"
        "(6)\nUndang-Undang Dasar Negara Republik Indonesia Tahun 1945;\n"
        "D:\\Hukum\\Rancangan\\Perwal 12 2026.docx")
    reg = act("Pasal 1\n(1) Pelayanan diberikan gratis.\n(2) Ketentuan pada ayat (1),\n(3) dan (4) pasal ini berlaku.\n"
              "(3) Petugas melayani.\n(4) Petugas melapor.\n", head=head)
    assert [a.number for a in reg.pasals()[0].child_list("ayat")] == ["1", "2", "3", "4"]
    assert reg.pasals()[0].child_list("ayat")[1].text.endswith("(3) dan (4) pasal ini berlaku.")
    assert [m.label for m in reg.mengingat] == ["1.", "2.", "3."]
    assert reg.mengingat[1].citation.nomor == "6"
    assert [r["kind"] for r in reg.stats.removed if r["kind"] == "file_path"] == ["file_path"]


# --- 3. wrapped lines ----------------------------------------------------------------------------------------


def test_a_break_after_an_abbreviation_or_a_currency_sign_goes_on():
    reg = act("Pasal 1\n(1) Retribusi ditetapkan sebesar Rp.\n250.000,00 (dua ratus lima puluh ribu rupiah).\n"
              "(2) Pembayaran melalui Bank Jl.\nMerdeka Nomor 1.\n")
    first, second = reg.pasals()[0].child_list("ayat")
    assert first.text.endswith("sebesar Rp. 250.000,00 (dua ratus lima puluh ribu rupiah).")
    assert second.text == "Pembayaran melalui Bank Jl. Merdeka Nomor 1."
    assert [c.type for c in reg.pasals()[0].children] == ["ayat", "ayat"]


def test_an_item_ending_dan_atau_at_the_right_margin_of_a_pdf_line_is_not_joined():
    from rancang.ingest.readers.pdf.reader import Line, join_wrapped

    full = [(Line("a. penugasan langsung oleh atasan langsung atau pejabat; dan/atau", 70, 540, 100, 110), False),
            (Line("b. pengajuan sukarela.", 70, 200, 114, 124), False),
            (Line("dilaksanakan melalui penugasan langsung oleh atasan yang", 70, 541, 128, 138), False),
            (Line("(3) dan (4) pasal ini.", 70, 200, 142, 152), False)]
    out = [ln.text for ln, _ in join_wrapped(full)]
    assert out[:2] == ["a. penugasan langsung oleh atasan langsung atau pejabat; dan/atau", "b. pengajuan sukarela."]
    assert out[2].endswith("atasan yang (3) dan (4) pasal ini.")


# --- 4. judul and 5. amending acts ---------------------------------------------------------------------------

AMENDING = """Pasal I
Beberapa ketentuan dalam Peraturan Wali Kota Nomor 4 Tahun 2021 tentang Pelayanan diubah sebagai berikut:
1. Ketentuan Pasal 4 diubah sehingga berbunyi sebagai berikut:
"Pasal 4
(1) Petugas mengucapkan janji sebagai berikut:
"Saya berjanji akan melayani dengan jujur."
(2) Janji sebagaimana dimaksud pada ayat (1) disaksikan atasan."
2. Di antara BAB III dan BAB IV disisipkan 1 (satu) BAB, yakni BAB IIIA sehingga berbunyi sebagai berikut:
"BAB IIIA
PENGADUAN
Pasal 9A
Pengaduan disampaikan secara tertulis."
3. Ketentuan huruf c ayat (2) Pasal 10 dihapus.
Pasal II
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""


def test_an_amending_acts_judul_keeps_the_amended_acts_tentang():
    reg = act(AMENDING, tentang="PERUBAHAN ATAS PERATURAN WALI KOTA NOMOR 4 TAHUN 2021\nTENTANG PELAYANAN")
    assert reg.meta.tentang == "PERUBAHAN ATAS PERATURAN WALI KOTA NOMOR 4 TAHUN 2021 TENTANG PELAYANAN"


def test_an_amending_act_quoted_with_straight_quotes_and_a_nested_oath():
    reg = act(AMENDING, tentang="PERUBAHAN ATAS PERATURAN WALI KOTA NOMOR 4 TAHUN 2021 TENTANG PELAYANAN")
    assert numbers(reg) == ["I", "II"]
    one, two, three = reg.pasals()[0].child_list("angka")
    new_4 = one.child_list("perubahan")[0].children[0]
    assert (new_4.number, [a.number for a in new_4.child_list("ayat")]) == ("4", ["1", "2"])
    bab = two.child_list("perubahan")[0].children[0]
    assert (bab.type, bab.number, bab.heading, [p.number for p in bab.children]) == (
        "bab", "IIIA", "PENGADUAN", ["9A"])
    assert [p.heading for p in three.child_list("perubahan")] == ["dihapus"]
    assert three.refs[0].kind == "amendment" and three.refs[0].target == ["pasal-10/ayat-2/huruf-c"]
    assert three.refs[0].citation.nomor == "4"


def test_an_amending_perbup_printed_without_quotes_or_instruction_numbers():
    body = ("Pasal I\nBeberapa ketentuan dalam Peraturan Wali Kota Nomor 4 Tahun 2021 tentang Pelayanan diubah "
            "sebagai berikut:\nKetentuan Pasal 2 diubah sehingga berbunyi sebagai berikut:\nPasal 2\n"
            "(1) Pelayanan bagi “ASN” diberikan.\n(2) Pelayanan dicatat.\n(3) Catatan diarsipkan.\n"
            "Pasal 3 dihapus.\nPasal II\nPeraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.\n")
    reg = act(body)
    pasal_i = reg.pasals()[0]
    assert pasal_i.child_list("ayat") == []
    new = [c for n in pasal_i.walk() if n.type == "perubahan" for c in n.children]
    assert [(n.number, len(n.child_list("ayat"))) for n in new] == [("2", 3)]
    assert any(n.heading == "dihapus" for n in pasal_i.walk() if n.type == "perubahan")


# --- 6. reference forms --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, target", [
    ("Pasal 1 s.d. Pasal 3", ["pasal-1", "pasal-2", "pasal-3"]),
    ("Pasal 1 s/d Pasal 2", ["pasal-1", "pasal-2"]),
    ("huruf b ayat (1) Pasal 2", ["pasal-2/ayat-1/huruf-b"]),
    ("ayat (2) Pasal 2", ["pasal-2/ayat-2"]),
])
def test_reference_forms_resolve_and_ranges_expand(text, target):
    reg = act("Pasal 1\nSatu.\nPasal 2\n(1) Dua:\na. satu;\nb. dua.\n(2) Tiga.\nPasal 3\n"
              f"Ketentuan sebagaimana dimaksud dalam {text} berlaku.\n")
    ref = reg.pasals()[2].refs[0]
    assert (ref.kind, ref.target, ref.resolved) == ("internal", target, True)


#: an act to cite into: Pasal 2 has four ayat, ayat (2) and ayat (4) have huruf; references stand in Pasal 3 ayat (1)
CITED = ("Pasal 1\nSatu.\nPasal 2\n(1) Dua.\n(2) Tiga:\na. satu;\nb. dua; dan\nc. tiga.\n(3) Empat.\n"
         "(4) Lima:\na. satu; dan\nb. dua.\nPasal 3\n(1) Ketentuan sebagaimana dimaksud dalam {text} berlaku.\n"
         "(2) Enam.\nPasal 4\nTujuh.\nPasal 5\nDelapan.\n")


@pytest.mark.parametrize("text, target", [
    # lists of bare values after the first token, with and without the Pasal, before or after it
    ("Pasal 2 ayat (1), (3) dan (4)", ["pasal-2/ayat-1", "pasal-2/ayat-3", "pasal-2/ayat-4"]),
    ("ayat (1), (3), dan (4) Pasal 2", ["pasal-2/ayat-1", "pasal-2/ayat-3", "pasal-2/ayat-4"]),
    ("ayat (1) dan (2)", ["pasal-3/ayat-1", "pasal-3/ayat-2"]),
    ("Pasal 1, 2, dan 4", ["pasal-1", "pasal-2", "pasal-4"]),
    ("Pasal 2 ayat (4) huruf a dan/atau b", ["pasal-2/ayat-4/huruf-a", "pasal-2/ayat-4/huruf-b"]),
    # huruf first: every huruf of the list belongs to the ayat (and Pasal) written after it
    ("huruf a dan huruf b ayat (2) Pasal 2", ["pasal-2/ayat-2/huruf-a", "pasal-2/ayat-2/huruf-b"]),
    ("huruf a, b, atau c ayat (2) Pasal 2", [f"pasal-2/ayat-2/huruf-{x}" for x in "abc"]),
    ("huruf a dan/atau huruf b ayat (4) Pasal 2", ["pasal-2/ayat-4/huruf-a", "pasal-2/ayat-4/huruf-b"]),
    # ranges in every printed form, of any level, inside out too
    ("huruf a sampai dengan huruf c ayat (2) Pasal 2", [f"pasal-2/ayat-2/huruf-{x}" for x in "abc"]),
    ("Pasal 2 ayat (2) huruf a s.d. huruf c", [f"pasal-2/ayat-2/huruf-{x}" for x in "abc"]),
    ("Pasal 2 ayat (1) s/d ayat (3)", ["pasal-2/ayat-1", "pasal-2/ayat-2", "pasal-2/ayat-3"]),
    ("ayat (1) sampai dengan (3) Pasal 2", ["pasal-2/ayat-1", "pasal-2/ayat-2", "pasal-2/ayat-3"]),
    ("Pasal 1 sampai dengan 4", ["pasal-1", "pasal-2", "pasal-3", "pasal-4"]),
    ("Pasal 1 dan/atau Pasal 4 sampai dengan Pasal 5", ["pasal-1", "pasal-4", "pasal-5"]),
])
def test_every_target_of_a_list_or_range_is_expanded(text, target):
    reg = act(CITED.format(text=text))
    ref = reg.find("Pasal 3 ayat (1)").refs[0]
    assert (ref.text, ref.kind, ref.target, ref.resolved) == (text, "internal", target, True)


def test_a_spelled_out_number_after_a_pasal_is_no_bare_pasal():
    reg = act(CITED.format(text="Pasal 1 dan 2 (dua) hari kerja sebelumnya, Pasal 2 dan 1.000 berkas"))
    assert [r.target for r in reg.find("Pasal 3 ayat (1)").refs] == [["pasal-1"], ["pasal-2"]]


def test_expansion_is_bounded_per_chain():
    from rancang.limits import limit

    reg = act(CITED.format(text="Pasal 1 sampai dengan Pasal 900 dan Pasal 901 sampai dengan Pasal 1900"))
    ref = reg.find("Pasal 3 ayat (1)").refs[0]
    # the first range fits the bound and is expanded; the second would pass it: only its ends are kept, unresolved
    assert not ref.resolved and len(ref.target) <= limit("reference_range") + 4
    assert ref.target[:2] == ["pasal-1", "pasal-2"] and ref.target[-2:] == ["pasal-901", "pasal-1900"]


# --- 7. Penjelasan per Pasal ---------------------------------------------------------------------------------


def test_the_penjelasan_pasal_demi_pasal_is_linked_to_each_pasal():
    reg = ingest_text(HEAD.format(tentang="PELAYANAN") + "Pasal 1\n(1) Satu.\n(2) Dua.\nPasal 2\nDua.\n" + TAIL
                      + "\nP E N J E L A S A N\nATAS\nPERATURAN WALI KOTA SUKAMAJU\nI. UMUM\n"
                      "Pelayanan perlu diatur.\nII. PASAL DEMI PASAL\nPasal 1\nAyat (1)\n"
                      "Yang dimaksud dengan pelayanan\nadalah jasa.\nAyat (2)\nCukup jelas.\nPasal 2\n"
                      "Cukup jelas sebagaimana Pasal 1.\n", "penjelasan.txt")
    from rancang.ingest.penjelasan import for_node

    explained = [(b.pasal, b.text) for b in for_node(reg.penjelasan, "pasal-1") if b.type == "paragraph"]
    assert explained == [("pasal-1/ayat-1", "Yang dimaksud dengan pelayanan adalah jasa."),
                         ("pasal-1/ayat-2", "Cukup jelas.")]
    assert [b.text for b in for_node(reg.penjelasan, "pasal-2")][-1] == "Cukup jelas sebagaimana Pasal 1."
    assert [b.text for b in reg.penjelasan if b.part == "umum" and b.type == "paragraph"] == [
        "Pelayanan perlu diatur."]


# --- 8. PDF and 9. DOCX ---------------------------------------------------------------------------------------

PDF_LINES = ["PERATURAN WALI KOTA SUKAMAJU", "NOMOR 12 TAHUN 2026", "TENTANG", "PELAYANAN",
             "DENGAN RAHMAT TUHAN YANG MAHA ESA", "WALI KOTA SUKAMAJU,", "Menimbang : bahwa pelayanan perlu diatur;",
             "Mengingat : Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;", "MEMUTUSKAN:",
             "Menetapkan : PERATURAN WALI KOTA TENTANG PELAYANAN.", "BAB I", "KETENTUAN UMUM", "Pasal 1",
             "Pelayanan diberikan setiap hari kerja.", "Pasal 2", "Petugas melayani dengan ramah.",
             "Ditetapkan di Sukamaju", "pada tanggal 5 Maret 2026", "WALI KOTA SUKAMAJU,"]
LAMPIRAN_LINES = ["LAMPIRAN", "PERATURAN WALI KOTA SUKAMAJU", "JADWAL PELAYANAN", "Senin sampai Jumat pukul 08.00"]


def _pdf(bold: bool = False, lampiran: str = "") -> bytes:
    from fpdf import FPDF

    doc = FPDF(unit="mm", format="A4")
    doc.set_font("Times", size=12)
    doc.add_page()
    for i, line in enumerate(PDF_LINES):
        doc.text(25, 20 + 6 * i, line)
        if bold and line.isupper():
            doc.text(25.12, 20 + 6 * i, line)  # drawn twice, 0.35 pt apart: a fake bold
    if lampiran:
        doc.add_page()
        if lampiran == "sideways":
            with doc.rotation(90, x=105, y=148):
                for i, line in enumerate(LAMPIRAN_LINES):
                    doc.text(-20, 100 + 8 * i, line)
        else:
            for i, line in enumerate(LAMPIRAN_LINES):
                doc.text(25, 20 + 8 * i, line)
    data = bytes(doc.output())
    if lampiran == "rotate":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        pdf[1].set_rotation(90)
        out = io.BytesIO()
        pdf.save(out)
        data = out.getvalue()
    return data


def test_a_fake_bold_pdf_reads_like_the_plain_one():
    plain, bold = ingest_bytes(_pdf(), "a.pdf"), ingest_bytes(_pdf(bold=True), "b.pdf")
    assert numbers(bold) == ["1", "2"] and bold.meta.tentang == "PELAYANAN"
    assert [n.text for n in bold.walk()] == [n.text for n in plain.walk()]


@pytest.mark.parametrize("how", ["sideways", "rotate"])
def test_a_lampiran_page_set_sideways_reads_in_its_own_direction(how):
    want = [b.text for b in ingest_bytes(_pdf(lampiran="plain"), "p.pdf").lampiran]
    reg = ingest_bytes(_pdf(lampiran=how), "s.pdf")
    assert [b.text for b in reg.lampiran] == want
    assert "JADWAL PELAYANAN" in " ".join(want)
    assert reg.penutup.lines[-1] == "WALI KOTA SUKAMAJU,"


def _docx_with_changes() -> bytes:
    from docx import Document

    doc = Document()
    for line in (HEAD.format(tentang="PELAYANAN") + "Pasal 1\nPelayanan diberikan OLD.\nPasal 2\nPetugas melayani."
                 + TAIL).split("\n"):
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    tracked = ('<w:r><w:t xml:space="preserve">Pelayanan diberikan </w:t></w:r>'
               '<w:del w:id="1" w:author="a"><w:r><w:delText>setiap minggu</w:delText></w:r></w:del>'
               '<w:ins w:id="2" w:author="a"><w:r><w:t xml:space="preserve">setiap hari</w:t></w:r></w:ins>'
               '<w:moveFrom w:id="3" w:author="a"><w:r><w:t xml:space="preserve"> kerja kerja</w:t></w:r></w:moveFrom>'
               '<w:moveTo w:id="4" w:author="a"><w:r><w:t xml:space="preserve"> kerja</w:t></w:r></w:moveTo>'
               '<w:r><w:t>.</w:t></w:r>')
    assert w in xml
    xml = xml.replace("<w:r><w:t>Pelayanan diberikan OLD.</w:t></w:r>", tracked)
    assert "moveFrom" in xml
    parts["word/document.xml"] = xml.encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_docx_tracked_changes_read_as_accepted():
    reg = ingest_bytes(_docx_with_changes(), "draf.docx")
    assert reg.pasals()[0].text == "Pelayanan diberikan setiap hari kerja."
