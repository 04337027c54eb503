"""Whose bracket is whose in a Mengingat entry that cites an act ratifying a Perppu or an Undang-Undang Darurat
(UU 12/2011 Lampiran II angka 38: the ratified act's publication is part of the title). Entries copied from the
collection (/work/shared/national/data-peraturan)."""

from __future__ import annotations

from rancang.kb import store
from rancang.kb.observe import cited_acts


def _read(entry: str) -> list[tuple[str, str, tuple[int, int, int | None] | None]]:
    return [(c["act"]["key"], c["role"], c["pub"] and (c["pub"]["tahun"], c["pub"]["nomor"], c["pub"]["tln"]))
            for c in cited_acts(entry)]


def test_the_bracket_before_menjadi_undang_undang_is_the_perppus_and_the_one_after_the_uus():
    """UU 22/2000 and others cite UU 13/1964 so: LN 1964 Nomor 7 is Perppu 2/1964's, Nomor 94 the UU's."""
    entry = ("Undang-undang Nomor 13 Tahun 1964 tentang Penetapan Peraturan Pemerintah Pengganti Undang-undang Nomor 2 "
             "Tahun 1964 tentang Pembentukan Daerah Tingkat I Sulawesi Tengah dan Daerah Tingkat I Sulawesi Tenggara "
             "dengan mengubah Undang-undang Nomor 47 Prp. Tahun 1960 tentang Pembentukan Daerah Tingkat I Sulawesi "
             "Utara-Tengah dan Daerah Tingkat I Sulawesi Selatan-Tenggara (Lembaran Negara Tahun 1964 Nomor 7) menjadi "
             "Undang-undang (Lembaran Negara Tahun 1964 Nomor 94, Tambahan Lembaran Negara Nomor 2687);")
    assert _read(entry) == [("uu-1964-13", "base", (1964, 94, 2687)), ("perppu-1964-2", "title", (1964, 7, None))]


def test_a_ratified_perppus_bracket_and_a_later_amendment_keep_their_own_numbers():
    entry = ("Undang-Undang Nomor 1 Tahun 2015 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 "
             "Tahun 2014 tentang Pemilihan Gubernur, Bupati, dan Walikota (Lembaran Negara Republik Indonesia Tahun "
             "2014 Nomor 245, Tambahan Lembaran Negara Republik Indonesia Nomor 5588) menjadi Undang-Undang (Lembaran "
             "Negara Republik Indonesia Tahun 2015 Nomor 23, Tambahan Lembaran Negara Republik Indonesia Nomor 5656) "
             "sebagaimana telah diubah terakhir dengan Undang-Undang Nomor 10 Tahun 2016 (Lembaran Negara Republik "
             "Indonesia Tahun 2016 Nomor 130)")
    assert _read(entry) == [("uu-2015-1", "base", (2015, 23, 5656)), ("perppu-2014-1", "title", (2014, 245, 5588)),
                            ("uu-2016-10", "amendment", (2016, 130, None))]


def test_no_bracket_inside_the_title_leaves_the_first_bracket_the_acts():
    """UU 2/2015 is cited without Perppu 2/2014's publication: its one bracket is its own; a Perppu cited in its own
    right ("... sebagaimana telah ditetapkan menjadi Undang-Undang dengan ...") keeps its bracket."""
    assert _read("Undang-Undang Nomor 2 Tahun 2015 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang "
                 "Nomor 2 Tahun 2014 tentang Perubahan Atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan "
                 "Daerah menjadi Undang-Undang (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 24, Tambahan "
                 "Lembaran Negara Republik Indonesia Nomor 5657)") == [("uu-2015-2", "base", (2015, 24, 5657))]
    assert _read("Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2020 tentang Kebijakan Keuangan Negara "
                 "(Lembaran Negara Republik Indonesia Tahun 2020 Nomor 87, Tambahan Lembaran Negara Republik Indonesia "
                 "Nomor 6485) sebagaimana telah ditetapkan menjadi Undang-Undang dengan Undang-Undang Nomor 2 Tahun "
                 "2020")[0] == ("perppu-2020-1", "base", (2020, 87, 6485))


def test_sebagai_undang_undang_without_the_acts_own_bracket_gives_it_none():
    """PP 32/2003 cites UU 70/1958 "tentang Penetapan Undang-undang Darurat No. 2 Tahun 1958 ... (Lembaran Negara ...
    Tahun 1958 Nomor 41), sebagai Undang-undang": Nomor 41 is not UU 70/1958's (its own is 1958 Nomor 124)."""
    found = _read("Undang-Undang Nomor 70 Tahun 1958 tentang Penetapan Undang-undang Darurat No. 2 Tahun 1958 "
                  "tentang Tanda-tanda Penghargaan untuk Anggota Angkatan Perang (Lembaran Negara Republik Indonesia "
                  "Tahun 1958 Nomor 41), sebagai Undang-undang")
    assert found[0] == ("uu-1958-70", "base", None)


def test_the_shipped_knowledge_base_files_each_number_under_its_act():
    base = store.load()
    assert base.fact("uu-1964-13", "ln")["value"] == [1964, 94]
    assert base.fact("perppu-1964-2", "ln")["value"] == [1964, 7]
    assert base.fact("uu-1969-9", "tln")["value"] == 2904 and base.fact("perppu-1969-1", "tln")["value"] == 2890
