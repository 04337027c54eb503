"""National acts read by the same reader: UU 12/2011, UU 14/2008 (both with Penjelasan) and the amending act
UU 15/2019, raw from an online database (running headers, page counters, merged lines)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rancang import schema
from rancang.ingest import ingest_path

EXTRA = Path(__file__).parent / "extra"
FACTS = {f["file"]: f for f in json.loads((EXTRA / "facts.json").read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def acts():
    return {name: ingest_path(EXTRA / name) for name in FACTS}


@pytest.mark.parametrize("name", sorted(FACTS))
def test_pasal_count_bab_count_and_ayat_per_pasal_are_exact(name, acts):
    reg, facts = acts[name], FACTS[name]
    assert len(reg.pasals()) == facts["pasal_count"]
    assert len([n for n in reg.body if n.type == "bab"]) == facts["bab_count"]
    got = {p.number: len(p.child_list("ayat")) for p in reg.pasals()}
    assert got == facts["ayat_per_pasal"]
    assert schema.errors("regulation", reg.to_dict()) == []


def test_the_penjelasan_is_kept_apart_and_never_counted_as_body_pasal(acts):
    reg = acts["uu-2011-12.txt"]
    assert reg.penjelasan and reg.penjelasan[0].text.startswith("PENJELASAN")
    assert any(b.text.startswith("Pasal 104") for b in reg.penjelasan)
    assert len(reg.pasals()) == 104


def test_the_amending_act_keeps_its_quoted_text_as_perubahan(acts):
    reg = acts["uu-2019-15.txt"]
    pasal_i = reg.pasals()[0]
    assert pasal_i.number == "I" and pasal_i.child_list("ayat") == []
    instructions = pasal_i.child_list("angka")
    assert len(instructions) == 18
    first = instructions[0]
    assert first.text.startswith("Ketentuan Pasal 1 diubah sehingga berbunyi sebagai berikut")
    quoted = first.child_list("perubahan")[0]
    new_pasal = quoted.children[0]
    assert (new_pasal.type, new_pasal.number) == ("pasal", "1")
    assert len(new_pasal.child_list("angka")) == 17
    assert new_pasal.id == "pasal-I/angka-1/perubahan/pasal-1"
    # Pasal 20 as amended has six ayat, all inside the quote
    assert len(instructions[1].child_list("perubahan")[0].children[0].child_list("ayat")) == 6


def test_a_quote_left_open_is_closed_by_the_next_instruction(acts):
    instructions = acts["uu-2019-15.txt"].pasals()[0].child_list("angka")
    assert [n.number for n in instructions] == [str(i) for i in range(1, 19)]


def test_meta_of_a_national_act(acts):
    meta = acts["uu-2011-12.txt"].meta
    assert (meta.jenis, meta.nomor, meta.tahun) == ("Undang-Undang", "12", 2011)
    assert meta.tentang == "PEMBENTUKAN PERATURAN PERUNDANG-UNDANGAN"
    assert meta.daerah_jenis == "nasional" and meta.pejabat == "Presiden Republik Indonesia"


def test_running_headers_and_page_counters_are_removed_and_counted(acts):
    art = acts["uu-2008-14.txt"].stats.artefacts
    assert art["running_header"] >= 30 and art["page_number"] >= 30


@pytest.mark.parametrize("name, totals", [("uu-2008-14.txt", [38]), ("uu-2011-12.txt", [27, 19]),
                                          ("uu-2019-15.txt", [11])])
def test_every_page_counter_is_removed_even_at_the_end_of_a_line_of_text(name, acts, totals):
    # UU 12/2011 prints its Penjelasan as a second document of 19 pages, after 27 pages of the act
    reg = acts[name]
    counters = [r["text"] for r in reg.stats.removed if r["kind"] == "page_number"]
    assert counters == [f"{k} / {total}" for total in totals for k in range(1, total + 1)]
    assert not any(f" / {total}" in (n.text or "") for n in reg.walk() for total in totals)


def test_every_amendment_instruction_carries_its_new_text(acts):
    # instruction 4 ended in a page counter ("... sebagai berikut: 3 / 11"); its quote must still be found
    instructions = acts["uu-2019-15.txt"].pasals()[0].child_list("angka")
    quoted = [n.number for n in instructions if n.child_list("perubahan")]
    assert "4" in quoted
    assert instructions[3].child_list("perubahan")[0].children[0].number == "23"


def test_a_fraction_in_a_clause_is_never_a_page_counter():
    from rancang.ingest.clean import trailing_counters

    shares = ["ahli waris mendapat 1 / 2", "anak mendapat 1 / 2", "Pasal 5", "cucu mendapat 1 / 2", "sisa 1 / 6"]
    assert trailing_counters(shares) == {}
    paged = ["teks 1 / 4", "lanjut 2 / 4", "3 / 4", "akhir 4 / 4"]
    assert trailing_counters(paged) == {0: "1 / 4", 1: "2 / 4", 3: "4 / 4"}


@pytest.mark.parametrize("width", [35, 55, 80, 100])
@pytest.mark.parametrize("name", sorted(FACTS))
def test_the_facts_hold_when_the_text_is_wrapped_as_a_pdf_would_wrap_it(name, width):
    # wrapping puts the number of a reference at the start of a line ("... dimaksud pada ayat" / "(1) huruf b")
    # and a huruf on a line of its own ("... huruf" / "j."); neither is an enumerator. Clauses that ran together
    # in the source ("... terbatas. (2) Informasi ...") leave an enumerator at the end of a line: it is moved on
    import textwrap

    from rancang.ingest import ingest_text

    raw = (EXTRA / name).read_text(encoding="utf-8-sig")
    wrapped = "\n".join(w for line in raw.split("\n") for w in (textwrap.wrap(line, width) or [""]))
    reg, facts = ingest_text(wrapped, name), FACTS[name]
    assert len(reg.pasals()) == facts["pasal_count"]
    assert {p.number: len(p.child_list("ayat")) for p in reg.pasals()} == facts["ayat_per_pasal"]


@pytest.mark.parametrize("quotes", [('"', '"'), ("", "")], ids=["straight", "none"])
def test_an_amending_act_quoted_otherwise_reads_the_same(acts, quotes):
    # straight quotes open where a word starts; without any quote mark, an instruction's new text runs to the
    # next instruction, and an arabic "Pasal 5" inside Pasal I is never a Pasal of the amending act
    from rancang.ingest import ingest_text

    raw = (EXTRA / "uu-2019-15.txt").read_text(encoding="utf-8-sig")
    other = ingest_text(raw.replace("\u201c", quotes[0]).replace("\u201d", quotes[1]), "uu-2019-15.txt")
    curly = acts["uu-2019-15.txt"]
    assert [p.number for p in other.pasals()] == ["I", "II"]

    def shape(reg):
        return [(n.number, [(c.children[0].number, len(c.children[0].child_list("ayat"))) if c.children else None
                            for c in n.child_list("perubahan")])
                for n in reg.pasals()[0].child_list("angka")]

    assert shape(other) == shape(curly)
    assert other.pasals()[0].child_list("ayat") == []


AMENDING_WITHOUT_QUOTES = """UNDANG-UNDANG REPUBLIK INDONESIA
NOMOR 1 TAHUN 2030
TENTANG
PERUBAHAN ATAS UNDANG-UNDANG NOMOR 9 TAHUN 2020 TENTANG CONTOH
DENGAN RAHMAT TUHAN YANG MAHA ESA
PRESIDEN REPUBLIK INDONESIA,
Menimbang: bahwa Undang-Undang Nomor 9 Tahun 2020 tentang Contoh perlu diubah;
Mengingat: Pasal 20 Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;
Dengan Persetujuan Bersama
DEWAN PERWAKILAN RAKYAT REPUBLIK INDONESIA
dan
PRESIDEN REPUBLIK INDONESIA
MEMUTUSKAN:
Menetapkan: UNDANG-UNDANG TENTANG PERUBAHAN ATAS UNDANG-UNDANG NOMOR 9 TAHUN 2020 TENTANG CONTOH.
Pasal I
Beberapa ketentuan dalam Undang-Undang Nomor 9 Tahun 2020 tentang Contoh diubah sebagai berikut:
1. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:
Pasal 5
(1) Setiap orang berhak atas informasi.
(2) Ketentuan lebih lanjut diatur dengan Peraturan Pemerintah.
2. Di antara BAB II dan BAB III disisipkan 1 (satu) bab, yakni BAB IIA sehingga berbunyi sebagai berikut:
BAB IIA
KETENTUAN BARU
Pasal 7A
Ketentuan baru berlaku bagi setiap orang.
3. Pasal 8 dihapus.
Pasal II
Undang-Undang ini mulai berlaku pada tanggal diundangkan.
Disahkan di Jakarta
pada tanggal 2 Januari 2030
"""


def test_the_new_text_of_an_amendment_printed_without_quotes_is_never_the_acts_own():
    # "Pasal 5" and "BAB IIA" inside Pasal I are the amended act's, not headings of this act
    from rancang.ingest import ingest_text

    reg = ingest_text(AMENDING_WITHOUT_QUOTES, "uu-2030-1.txt")
    assert [p.number for p in reg.pasals()] == ["I", "II"]
    assert [n.type for n in reg.body] == ["pasal", "pasal"]
    pasal_i = reg.pasals()[0]
    assert pasal_i.child_list("ayat") == []
    first, second, third = pasal_i.child_list("angka")
    new_pasal_5 = first.child_list("perubahan")[0].children[0]
    assert (new_pasal_5.type, new_pasal_5.number, len(new_pasal_5.child_list("ayat"))) == ("pasal", "5", 2)
    assert second.child_list("perubahan")[0].children[0].type == "bab"
    # "3. Pasal 8 dihapus.": the deletion is recorded as an empty perubahan, never as new text
    deleted = third.child_list("perubahan")
    assert [(p.heading, p.children) for p in deleted] == [("dihapus", [])]
