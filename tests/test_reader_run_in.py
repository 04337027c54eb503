"""Headings run into one line, as the converted texts of old national acts print them (1946-1969 acts of
``mblonyox/data-peraturan``): every Pasal and BAB is found by the numbering sequence, references are never split,
and no character is lost. The texts under ``tests/data/run_in`` were written for these layouts (README there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rancang import schema
from rancang.ingest import ingest_path
from rancang.ingest.headings.run_in import split_run_in

DATA = Path(__file__).parent / "data" / "run_in"


def _read(name: str):
    reg = ingest_path(DATA / name)
    assert schema.errors("regulation", reg.to_dict()) == []
    assert reg.stats.unplaced == []
    return reg


def test_pasal_run_into_the_diktum_line_and_into_the_previous_pasal_are_each_a_pasal():
    reg = _read("pp-runin-plain.txt")
    assert [p.number for p in reg.pasals()] == ["1", "2", "3", "4"]
    assert reg.pasals()[0].text.startswith("Dalam Peraturan Pemerintah ini")
    # "Pasal 2 1. Kepada pegawai ...": the Pasal opens with its first numbered paragraph
    assert reg.pasals()[1].children[0].text.startswith("Kepada pegawai")
    assert reg.pasals()[3].text == "Peraturan ini mulai berlaku pada hari diundangkan."


def test_pasal_headings_printed_with_a_dot_are_headings_and_lowercase_citations_are_not():
    reg = _read("pp-runin-dotted.txt")
    assert [p.number for p in reg.pasals()] == ["1", "2", "3", "4"]
    assert reg.pasals()[1].text.startswith("Sumpah tersebut dalam pasal 1 diucapkan")
    assert reg.pasals()[2].text.startswith("dalam hal Ketua berhalangan")


def test_an_act_numbering_its_pasal_roman_keeps_the_quoted_arabic_pasal_inside_pasal_i():
    reg = _read("uu-runin-roman.txt")
    assert [p.label for p in reg.pasals()] == ["PASAL I.", "PASAL II."]
    assert "Pasal 7. Tahun dinas" in reg.pasals()[0].text


def test_bab_headings_run_into_a_line_are_bab_with_their_titles():
    reg = _read("uu-runin-bab.txt")
    assert [(b.number, b.heading) for b in reg.body] == [
        ("I", "KETENTUAN UMUM"), ("II", "KETENTUAN PIDANA"), ("III", "KETENTUAN PENUTUP")]
    assert [p.number for p in reg.pasals()] == ["1", "2", "3", "4", "5"]
    assert [len(p.child_list("ayat")) for p in reg.pasals()] == [0, 2, 0, 0, 0]
    # "Pasal 4 Pasal 2 ayat (2) Undang-undang ... dicabut.": the citation is Pasal 4's text
    assert reg.pasals()[3].text.startswith("Pasal 2 ayat (2) Undang-undang No. 5 tahun 1950 dicabut")


@pytest.mark.parametrize("line", [
    "Kepada penjabat tersebut dalam Pasal 1 diberi ongkos.",              # no sentence ended before it
    "Hal itu diatur lebih lanjut. Pasal 1 ayat (2) tetap berlaku.",       # a reference: "ayat" follows
    "Yang dicabut ialah: Pasal 1 Undang-undang No. 3 tahun 1950.",         # a citation of another act
    "Dengan demikian, BAB I tetap berlaku.",                             # a BAB named inside a sentence
])
def test_references_run_into_a_line_are_never_split(line):
    assert split_run_in(["MEMUTUSKAN:", line]) == ["MEMUTUSKAN:", line]


def test_only_the_next_number_of_the_sequence_splits_and_no_character_is_lost():
    lines = ["MEMUTUSKAN:", "Menetapkan: PERATURAN. Pasal 2 Tidak berlaku. Pasal 1 Ini berlaku. Pasal 2 Dan ini."]
    out = split_run_in(lines)
    assert out == ["MEMUTUSKAN:", "Menetapkan: PERATURAN. Pasal 2 Tidak berlaku.", "Pasal 1", "Ini berlaku.",
                   "Pasal 2", "Dan ini."]
    assert "".join(out).replace(" ", "") == "".join(lines).replace(" ", "")


def test_the_penjelasan_is_left_as_printed():
    lines = ["MEMUTUSKAN:", "Pasal 1", "Cukup jelas.", "PENJELASAN ATAS", "Umum. Pasal 2 Cukup jelas."]
    assert split_run_in(lines) == lines


def test_a_bagian_and_its_title_run_in_before_a_pasal_get_their_own_line():
    # layout of UU 8/1981 (KUHAP) as converted: "... Bagian Kedua Memutus Sengketa mengenai Wewenang Mengadili
    # Pasal 147 Setelah ..."
    out = split_run_in(["MEMUTUSKAN:", "Pasal 6", "Sidang dimulai. Bagian Kedua Memutus Sengketa mengenai Wewenang "
                        "Mengadili Pasal 7 Setelah pengadilan negeri menerima surat pelimpahan perkara."])
    assert out[2:] == ["Sidang dimulai.", "Bagian Kedua Memutus Sengketa mengenai Wewenang Mengadili", "Pasal 7",
                       "Setelah pengadilan negeri menerima surat pelimpahan perkara."]


def test_one_heading_lost_by_the_conversion_does_not_stop_the_sequence_two_do():
    one = split_run_in(["MEMUTUSKAN:", "Pasal 6", "Isi. Pasal 8 (1) Dalam hal ketua berpendapat."])
    assert one[2:] == ["Isi.", "Pasal 8", "(1) Dalam hal ketua berpendapat."]
    two = ["MEMUTUSKAN:", "Pasal 6", "Isi. Pasal 9 (1) Dalam hal ketua berpendapat."]
    assert split_run_in(two) == two


def test_a_heading_left_alone_at_a_lines_end_counts_in_the_sequence():
    # "... BAB I PENDIRIAN. Pasal 1." ends its line; Pasal 2 follows on the next
    out = split_run_in(["MEMUTUSKAN:", "Menetapkan: PERATURAN. BAB I PENDIRIAN. Pasal 1.",
                        "(1) Didirikan suatu Perusahaan. Pasal 2. Dalam hal ini yang dimaksud."])
    assert out[1:] == ["Menetapkan: PERATURAN.", "BAB I PENDIRIAN.", "Pasal 1.", "(1) Didirikan suatu Perusahaan.",
                       "Pasal 2.", "Dalam hal ini yang dimaksud."]


def test_a_pages_catchword_is_no_heading():
    # the converted UU 4/2009 and UU 1/2009 keep the next page's first heading at a page's foot:
    # "... daerah. Pasal 130..." and "a. memiliki... Pasal 39. . . Bagian Kedua..."
    lines = ["MEMUTUSKAN:", "Pasal 1", "(1) Pemegang izin wajib membayar pendapatan negara. Pasal 3...",
             "a. memiliki... Pasal 2. . . Bagian Kedua...", "Pasal 2", "Cukup."]
    assert split_run_in(lines) == lines


def test_the_penjelasan_run_into_the_last_line_of_the_body_is_never_split():
    out = split_run_in(["MEMUTUSKAN:", "Pasal 9", "Mulai berlaku. PENJELASAN ATAS PERATURAN PEMERINTAH. I. UMUM. "
                        "II. PASAL DEMI PASAL Pasal 10 Cukup jelas."])
    # (the body's part of the line is read: old acts print body and Penjelasan on one line)
    out = split_run_in(["MEMUTUSKAN:", "Pasal 9", "Mulai berlaku. Pasal 10 Cukup. PENJELASAN ATAS PERATURAN "
                        "PEMERINTAH. I. UMUM. II. PASAL DEMI PASAL Pasal 11 Cukup jelas."])
    assert out == ["MEMUTUSKAN:", "Pasal 9", "Mulai berlaku.", "Pasal 10", "Cukup. PENJELASAN ATAS PERATURAN "
                   "PEMERINTAH. I. UMUM. II. PASAL DEMI PASAL Pasal 11 Cukup jelas."]


def test_a_second_act_in_the_same_text_numbers_its_pasal_from_one_again():
    # PP 9/1956 carries a second regulation after its own: "Menetapkan: PERATURAN TENTANG ... Pasal 1. (1) ..."
    out = split_run_in(["MEMUTUSKAN:", "Menetapkan: PERATURAN. Pasal 1. Isi. Pasal 2. Isi.",
                        "Menetapkan: PERATURAN TENTANG BIAYA Pasal 1. (1) Untuk penginapan."])
    assert out[-2:] == ["Pasal 1.", "(1) Untuk penginapan."]
