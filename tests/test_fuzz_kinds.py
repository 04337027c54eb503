"""The kinds of failure ``benchmarks/fuzz.py`` found (issue 19), one small input each: the canonical text
(``--format md``) reads back to the same tree, and every character of the source is kept.

Each input is the shape of a mutated seed the campaign reported, cut down to the lines that matter."""

from __future__ import annotations

import pytest

from rancang.ingest import ingest_bytes, ingest_text
from rancang.ingest.canonical import escape, needs_escape, prepare, unescape
from rancang.ingest.conservation import difference
from rancang.ingest.readers.text import decode
from rancang.ingest.writers.markdown import render
from rancang.numbering import huruf


def projection(reg) -> dict:
    """What the campaign compares: the preamble, Menimbang/Mengingat texts, the body and the Lampiran."""
    def node(n):
        return (n.type, n.number, n.heading, n.text, n.id, [node(c) for c in n.children])

    return {"preamble": reg.preamble, "menimbang": [m.text for m in reg.menimbang],
            "mengingat": [m.text for m in reg.mengingat], "body": [node(n) for n in reg.body],
            "lampiran": [(b.type, b.text) for b in reg.lampiran]}


def round_trip(text: str):
    reg = ingest_text(text, "kasus.txt")
    assert difference(text, reg) == ({}, {})
    again = ingest_text(render(reg), "kasus.md")
    assert projection(again) == projection(reg)
    return reg


def test_text_continuing_an_ayat_stays_under_that_ayat():
    # a stray "7" and a repeated heading: the flow rule keeps "Pasal 9 (1) ..." as text under ayat (2); the
    # canonical text indents it, and the indentation places it back there (not beside the ayat)
    reg = round_trip("MEMUTUSKAN:\nPasal 9\n(2) Pegawai wajib pulang.\n\n(1) Pegawai wajib hadir;\n7\nPasal 9\n"
                     "(1) Pegawai wajib hadir;\n7\n")
    ayat = reg.body[0].children[1]
    assert ayat.type == "ayat" and [c.type for c in ayat.children] == ["text"]


def test_text_that_reads_as_an_enumerator_stays_text():
    # "(2) a. Mekanisme ..." is text of ayat 2 (its "(2)" was taken by "Pasal 2"): written escaped, never read
    # back as ayat (2) holding huruf a
    reg = round_trip("MEMUTUSKAN:\nPasal 2\n(1) Pemerintah Daerah melaksanakan penyesuaian.\n7\nPasal 2\n"
                     "(2) a. Mekanisme Kerja; dan\nb. Proses Bisnis.\n")
    text = reg.body[0].children[1].children[0]
    assert text.type == "text" and text.text.startswith("(2) a.")
    assert "\\(2) a. Mekanisme" in render(reg)


def test_text_after_an_untitled_bagian_is_not_its_title():
    # "PASAL 3 Kedudukan" out of sequence is text of a Bagian printed without title: in the canonical text only a
    # line with heading marks can be a title
    reg = round_trip("MEMUTUSKAN:\nBAB II\nMEKANISME KERJA\n\nPasal 4\n\nMekanisme Kerja terdiri atas kedudukan.\n\n"
                     "Bagian Kedua\n\nPASAL 3\nKedudukan\n\nPasal 5\n\nPejabat Fungsional berkedudukan di bawah.\n")
    bagian = reg.body[0].children[1]
    assert bagian.heading is None and bagian.children[0].text == "PASAL 3 Kedudukan"


def test_a_tab_inside_a_clause_reads_back_the_same():
    round_trip("MEMUTUSKAN:\nPasal 9\n(1) Pegawai\t wajib hadir;\n7\n(2) Pegawai wajib pulang.\n")


def test_a_list_past_zz_goes_on_with_aaa():
    items = "\n".join(f"{huruf(i)}. butir ke-{i};" for i in range(1, 56))
    reg = round_trip(f"MEMUTUSKAN:\nPasal 1\nKegiatan terdiri atas:\n{items}\n")
    assert [c.number for c in reg.body[0].children][-3:] == ["aaa", "bbb", "ccc"]


def test_the_canonical_reader_strips_only_the_spaces_it_writes():
    # a line separator or a no-break space at a line's end is text the tree holds: reading the canonical text
    # back takes off only the indentation it writes (and tabs), never other white space
    lines, layout = prepare(["    \u2028a. teks\u00a0", "## BAB I"], [])
    assert lines == ["\u2028a. teks\u00a0", "BAB I"] and layout.depth == {1: 2} and layout.marked == {2}


def test_the_only_ayat_label_of_a_pasal_is_kept():
    # conservation: a Pasal read by the flow rule as one sentence kept "(1)" nowhere
    reg = round_trip("MEMUTUSKAN:\nPasal 3\n(1) Penugasan dilakukan melalui penunjukan\n7\nPasal 3\n"
                     "(2) Penunjukan merupakan penugasan langsung.\n")
    assert reg.body[0].text.startswith("(1) Penugasan")


@pytest.mark.parametrize("text", ["(4) Penugasan.", "b. Proses", "Pasal 7", "PASAL 3", "BAB II", "Bagian Kesatu",
                                  "Menimbang : bahwa", "Ditetapkan di Sleman", "LAMPIRAN", "MEMUTUSKAN:",
                                  "\u201cPasal 5", "\\ garis miring", "# Judul", "<!-- x -->", "aaa. x"])
def test_structure_looking_text_is_escaped_and_read_back(text):
    assert needs_escape(text) and unescape(escape(text)) == text


@pytest.mark.parametrize("text", ["Pegawai wajib hadir.", "sebagaimana dimaksud dalam Pasal 7", "dan/atau", ""])
def test_plain_text_is_written_as_it_is(text):
    assert not needs_escape(text) and escape(text) == text


def test_a_body_that_begins_with_text_begins_there_again():
    # "Pasal 7" followed by "huruf a ..." is a wrapped reference, no heading: the body begins with text no Pasal
    # holds; the canonical text marks where the body begins, so that text does not become preamble
    reg = round_trip("MEMUTUSKAN:\nPasal 7\nhuruf a sampai dengan huruf c berlaku.\nPasal 8\nPegawai wajib hadir.\n")
    assert reg.body[0].type == "text" and "<!-- batang tubuh -->" in render(reg)


def test_a_part_keyword_inside_another_part_stays_text():
    # PENJELASAN printed before the penutup holds a "LAMPIRAN" line; the canonical text writes the penutup first,
    # so that line is escaped and read back inside the Penjelasan, not as a Lampiran
    reg = round_trip("MEMUTUSKAN:\nPasal 1\nPegawai wajib hadir.\nPENJELASAN\nUmum.\nLAMPIRAN\nDaftar nama.\n"
                     "Ditetapkan di Bogor\npada tanggal 2 Januari 2024\n")
    assert reg.lampiran == [] and any("LAMPIRAN" in b.text for b in reg.penjelasan)


def kept(data: bytes):
    """Ingest ``data``; every character of its text is in the tree or in ``stats.removed``."""
    reg = ingest_bytes(data, "kasus.txt")
    bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
    assert difference(bom + decode(data), reg) == ({}, {})
    return reg


def test_a_zero_width_no_break_space_after_the_bom_is_text():
    # the UTF-8 BOM is recorded as removed; a second U+FEFF right after it is a character of the text
    kept(b"\xef\xbb\xbf" + "\ufeff\u200bPasal 1\nPegawai wajib hadir.\n\nPasal 2\nPegawai wajib melapor.\n".encode())


def test_menimbang_labels_whose_text_was_lost_are_kept():
    reg = kept(b"Menimbang :\na.\nb.\nc. bahwa perlu menetapkan Peraturan Bupati;\nMEMUTUSKAN:\nPasal 1\n"
               b"Pegawai wajib hadir.\n")
    assert [m.label for m in reg.menimbang] == ["a.", "b.", "c."]


def test_quoted_new_text_in_a_pasal_read_by_the_flow_rule_is_kept():
    # eight bare enumerators make the whole body read by the flow rule; the quoted new text of Pasal 1 and the
    # enumerators inside it are kept (as a perubahan node and in stats.removed)
    reg = kept("MEMUTUSKAN:\nPasal 1\nKetentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:\n\u201c\n1.\n2\n"
               "3.\n4\nDaerah adalah Kabupaten Malang.\nPasal 2\n(1)\n(2)\n(3)\n(4)\nPegawai wajib hadir.\n".encode())
    assert any(c.type == "perubahan" for c in reg.body[0].children)


def test_a_colon_repeated_inside_mengingat_is_text():
    kept(b"Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;\n: 2. Undang-Undang "
         b"Nomor 12 Tahun 2011 tentang Pembentukan Peraturan Perundang-undangan;\nMEMUTUSKAN:\nPasal 1\n"
         b"Pegawai wajib hadir.\n")


def test_a_lone_menimbang_entry_without_text_reads_back():
    # "Menimbang :" followed only by a stray "7": one entry, its label and no text; written with a label so that
    # the entry is still there when read back
    reg = round_trip("Pasal 1\nLihat Pasal 1 sampai dengan Pasal 9.\nMenimbang :\n7\n")
    assert [(m.label, m.text) for m in reg.menimbang] == [("7", "")]


def test_the_pipes_of_a_table_in_the_penjelasan_are_counted_once():
    # the Penjelasan keeps a text table's pipes in its paragraphs: they are not also recorded as removed
    reg = kept(b"MEMUTUSKAN:\nPasal 1\nPegawai wajib hadir.\nPENJELASAN\nUmum.\n| No | Nama |\n|---|---|\n")
    assert not [r for r in reg.stats.removed if r["kind"] == "table_rule"]
