"""Issue 25 acceptance, per act a sistem-kerja Perbup cites: `check` is silent on the publication a text prints right
and reports L3 naming the sources when a number is wrong - measured on texts whose votes the shipped knowledge base
does not count.

Texts: each bundled regional text checked against the shipped knowledge base leaves its own votes out (``check``
never counts the checked act as evidence for itself: leave-one-out), and so are national acts' entries copied from
the collection (PP 48/2016, UU 9/2015, PP 102/2014, UU 13/2022, checked as those acts); ``tests/data/kb/heldout``
also holds a Perbup no build reads (a peers case of /work/shared/cases). Where no text of the collection, the
regional texts or the cases cites an act readably (PP 30/2019, PP 49/2018, Perpres 95/2018; UU 30/2014's TLN), the
entry is written here in the form every Mengingat uses, with the numbers the sources named in the assertion give.
The outcome follows the evidence left: an error where the fact is verified without the checked text (the BPK
metadata and the act's own text, or two citing acts), an INFO naming the one source where only one is left (UU
20/2023 and UU 6/2023, cited by two regional texts only; PP 72/2019 and PP 30/2019, known from their own text
alone), never an error on one source. `benchmarks/kb_acceptance.py` measures the same on every citing text, by
k-fold and leave-citing-out builds (figures in docs/knowledge-base.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rancang import corpus
from rancang.generate.check import legal_bases
from rancang.generate.check.base import norm
from rancang.ingest import ingest_text
from rancang.kb import store
from rancang.kb.observe import cited_acts

HELDOUT = Path(__file__).parent / "data" / "kb" / "heldout" / "peraturan-bupati-contoh.txt"
LN = "Lembaran Negara Republik Indonesia"
TLN = "Tambahan Lembaran Negara Republik Indonesia"


@pytest.fixture(scope="module")
def regional() -> dict:
    return {name: corpus.load(name) for name in ("bogor", "jepara", "pasaman-barat", "malang")}


def _only(reg, item):
    clone = type(reg).__new__(type(reg))
    clone.__dict__.update(reg.__dict__)
    clone.mengingat = [item]
    return clone


def _entry(reg, key: str):
    """The Mengingat entry of ``reg`` that cites act ``key`` with a publication."""
    return next(item for item in reg.mengingat for c in cited_acts(norm(item.text))
                if c["act"]["key"] == key and c["pub"])


def l3(reg, item, key: str, text: str | None = None) -> list[dict]:
    """The L3 findings about act ``key`` when ``reg``'s entry ``item`` reads ``text`` (default: as printed)."""
    old = item.text
    item.text = text if text is not None else old
    try:
        name = store.load().name(key)
        return [f for f in legal_bases.check_numbers(_only(reg, item)) if f["rule"].startswith("L3")
                and name in f["message"]]
    finally:
        item.text = old


def wrong(text: str, what: str, number: int) -> str:
    """``text`` with the number of ``what`` ("Tahun 2014 Nomor", "Tambahan ... Nomor") one higher."""
    changed, n = re.subn(rf"({what}\s+){number}\b", lambda m: f"{m.group(1)}{number + 1}", text, count=1)
    assert n == 1, (what, number, text)
    return changed


def constructed(entry: str):
    """The held-out Perbup with its Mengingat replaced by one ``entry``."""
    text = HELDOUT.read_text(encoding="utf-8")
    start, end = text.index("Mengingat :"), text.index("MEMUTUSKAN:")
    reg = ingest_text(text[:start] + f"Mengingat : 1. {entry};\n\n" + text[end:], "peraturan-bupati-contoh.txt")
    return reg, reg.mengingat[0]


#: act, regional text citing it, (gazette year, number), TLN, what the knowledge base has left without that text:
#: "error" (verified) or "info" (one source), and a source the finding names
REGIONAL = [
    ("uu-2014-23", "jepara", (2014, 244), 5587, "error", "metadata BPK (uu-2014-23)"),
    ("uu-2015-9", "malang", (2015, 58), 5679, "error", "metadata BPK (uu-2015-9)"),
    ("uu-2023-6", "jepara", (2023, 41), 6856, "info", "Peraturan Bupati Pasaman Barat Nomor 17 Tahun 2024"),
    ("uu-2014-5", "bogor", (2014, 6), 5494, "error", "metadata BPK (uu-2014-5)"),
    ("uu-2023-20", "jepara", (2023, 141), 6897, "info", "Peraturan Bupati Malang Nomor 132 Tahun 2023"),
    ("uu-2011-12", "malang", (2011, 82), 5234, "error", "metadata BPK (uu-2011-12)"),
    ("pp-2017-11", "bogor", (2017, 63), 6037, "error", "Peraturan Bupati Pasaman Barat Nomor 17 Tahun 2024"),
    ("pp-2020-17", "bogor", (2020, 68), 6477, "error", "Peraturan Bupati Malang Nomor 132 Tahun 2023"),
    # (its own text alone left: an act of 2000 or later, whose own publication lines verify its numbers)
    ("pp-2019-72", "jepara", (2019, 187), 6402, "error", "naskah PP 72/2019 sendiri"),
    ("permenpanrb-2022-7", "bogor", (2022, 181), None, "error", "Peraturan Bupati Jepara Nomor 17 Tahun 2024"),
]


@pytest.mark.parametrize(("key", "region", "gazette", "tln", "severity", "source"), REGIONAL,
                         ids=[r[0] for r in REGIONAL])
def test_a_regional_text_citing_the_act_right_is_silent_and_a_wrong_number_is_reported_with_its_sources(
        regional, key, region, gazette, tln, severity, source):
    reg = regional[region]
    item = _entry(reg, key)
    assert l3(reg, item, key) == []
    year, number = gazette
    mutations = [wrong(item.text, rf"Tahun\s+{year}\s*,?\s*Nomor", number)]
    if tln:
        mutations.append(wrong(item.text, r"Tambahan\s+Lembaran\s+Negara\s+Republik\s+Indonesia\s+Nomor", tln))
    for text in mutations:
        found = l3(reg, item, key, text)
        assert [(f["rule"], f["severity"]) for f in found] == [("L3" if severity == "error" else "L3_info",
                                                                  severity)], text
        assert source in found[0]["message"]
        assert ("seharusnya" if severity == "error" else "belum pasti") in found[0]["message"]


def test_pp_18_2016_printed_5888_by_one_regional_text_is_an_error_naming_its_own_text_and_pp_72_2019(regional):
    reg = regional["jepara"]
    item = _entry(reg, "pp-2016-18")
    found = l3(reg, item, "pp-2016-18")
    assert [(f["rule"], f["severity"]) for f in found] == [("L3", "error")]
    assert "tertulis Nomor 5888; seharusnya Nomor 5887 menurut naskah PP 18/2016 sendiri dan 1 peraturan yang " \
           "mengutipnya (PP 72/2019)" in found[0]["message"]
    right = item.text.replace("Nomor 5888", "Nomor 5887")
    assert l3(reg, item, "pp-2016-18", right) == []
    found = l3(reg, item, "pp-2016-18", wrong(right, r"Tahun\s+2016\s+Nomor", 114))
    assert [(f["rule"], f["severity"]) for f in found] == [("L3", "error")] and "Nomor 114" in found[0]["message"]


def test_a_perbup_no_build_reads_checks_uu_20_2023_and_permenpan_rb_7_2022_against_both_regional_sources():
    """The peers case Perbup (not in any build) cites PermenPAN-RB 7/2022 in Berita Negara 2022 Nomor 357: wrong,
    it is Nomor 181 by three regional texts; its UU 20/2023 (LN 2023/141, TLN 6897) is right."""
    reg = ingest_text(HELDOUT.read_text(encoding="utf-8"), HELDOUT.name)
    permen = _entry(reg, "permenpanrb-2022-7")
    found = l3(reg, permen, "permenpanrb-2022-7")
    assert [(f["rule"], f["severity"]) for f in found] == [("L3", "error")]
    assert "tertulis Tahun 2022 Nomor 357; seharusnya Tahun 2022 Nomor 181 menurut 3 peraturan" in found[0]["message"]
    assert l3(reg, permen, "permenpanrb-2022-7", permen.text.replace("Nomor 357", "Nomor 181")) == []
    uu20 = _entry(reg, "uu-2023-20")
    assert l3(reg, uu20, "uu-2023-20") == []
    for text in (wrong(uu20.text, r"Tahun\s+2023\s+Nomor", 141), wrong(uu20.text, rf"{TLN}\s+Nomor", 6897)):
        found = l3(reg, uu20, "uu-2023-20", text)
        assert [(f["rule"], f["severity"]) for f in found] == [("L3", "error")]
        assert "Peraturan Bupati Jepara Nomor 17 Tahun 2024" in found[0]["message"]
        assert "Peraturan Bupati Malang Nomor 132 Tahun 2023" in found[0]["message"]


def test_uu_30_2014_as_pp_48_2016_prints_it_is_checked_against_its_metadata_and_its_own_text():
    """PP 48/2016 (the opening of the converted text, copied) runs three Mengingat entries into one and prints UU
    30/2014 OCR-damaged: "Tahun 2OL4 Nomor 292, Ta.mtrahan Lembaran Negara ... Nomor 560 1". Its LN is read and
    checked (the TLN is not); PP 48/2016's own votes left out, UU 30/2014 is verified by BPK and its own text."""
    reg = ingest_text((HELDOUT.parent / "pp-2016-48-awal.md").read_text(encoding="utf-8"), "48.md")
    reg.meta.jenis, reg.meta.nomor, reg.meta.tahun, reg.meta.daerah_jenis = "Peraturan Pemerintah", "48", 2016, \
        "nasional"  # (the reader loses this scan's judul: the act as the collection files it)
    item = _entry(reg, "uu-2014-30")
    assert l3(reg, item, "uu-2014-30") == []
    found = l3(reg, item, "uu-2014-30", wrong(item.text, r"Tahun\s+2OL4\s+Nomor", 292))
    assert [(f["rule"], f["severity"]) for f in found] == [("L3", "error")]
    assert "seharusnya Tahun 2014 Nomor 292 menurut metadata BPK (uu-2014-30) dan naskah UU 30/2014 sendiri." in \
        found[0]["message"]


#: acts no held text cites readably: the entry as every Mengingat writes it; (LN, TLN, severity of a wrong
#: number, a source the finding names)
WRITTEN = [
    # (its TLN, which PP 48/2016 prints unreadably: "Ta.mtrahan ... Nomor 560 1")
    ("uu-2014-30", "Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan", (2014, 292), 5601,
     "error", "metadata BPK (uu-2014-30), naskah UU 30/2014 sendiri dan 1 peraturan yang mengutipnya (PP 48/2016)"),
    # the knowledge base knows its LN from PP 41/2020 only and its TLN from its own text only
    ("pp-2018-49", "Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen Pegawai Pemerintah dengan "
     "Perjanjian Kerja", (2018, 224), 6264, "info", "PP 41/2020"),
    # its only citing text in the collection is PMK 133/2022 (no Perpres text is held)
    ("perpres-2018-95", "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
     (2018, 182), None, "info", "permenkeu/2022/133.md"),
]


@pytest.mark.parametrize(("key", "title", "gazette", "tln", "severity", "source"), WRITTEN, ids=[w[0] for w in WRITTEN])
def test_an_act_no_held_text_cites_is_checked_against_what_the_knowledge_base_holds(key, title, gazette, tln,
                                                                                      severity, source):
    year, number = gazette
    entry = f"{title} ({LN} Tahun {year} Nomor {number}" + (f", {TLN} Nomor {tln})" if tln else ")")
    reg, item = constructed(entry)
    assert l3(reg, item, key) == []
    found = l3(reg, item, key, wrong(item.text, rf"Tahun\s+{year}\s+Nomor", number))
    assert [(f["rule"], f["severity"]) for f in found] == [("L3" if severity == "error" else "L3_info", severity)]
    assert source in found[0]["message"]


def test_pp_30_2019_is_known_from_its_own_text_alone_a_wrong_tln_is_an_error_and_its_ln_cannot_be_checked():
    """No held text cites PP 30/2019; its converted text prints its TLN (6340, at the end of its Penjelasan) but not
    its LN line (the penutup ends "... YASONNA H. LAOLY ttd. ttd. I PENJELASAN"). The own text of an act of 2000 or
    later verifies its publication (kb.compile.OWN_TEXT_FROM): a wrong TLN is an error naming it; an LN cannot be
    checked (the knowledge base holds none, so nothing is said about it)."""
    base = store.load()
    assert "ln" not in base.get("pp-2019-30")["facts"]
    tln = base.fact("pp-2019-30", "tln")
    assert (tln["value"], tln["status"], tln["sources"]) == (6340, "verified", ["naskah:pp-2019-30"])
    reg, item = constructed(f"Peraturan Pemerintah Nomor 30 Tahun 2019 tentang Penilaian Kinerja Pegawai Negeri Sipil "
                            f"({LN} Tahun 2019 Nomor 77, {TLN} Nomor 6340)")
    assert l3(reg, item, "pp-2019-30") == []
    found = l3(reg, item, "pp-2019-30", wrong(item.text, rf"{TLN}\s+Nomor", 6340))
    assert [(f["rule"], f["severity"]) for f in found] == [("L3", "error")]
    assert "seharusnya Nomor 6340 menurut naskah PP 30/2019 sendiri" in found[0]["message"]
    assert l3(reg, item, "pp-2019-30", wrong(item.text, r"Tahun\s+2019\s+Nomor", 77)) == []


def test_pp_49_2018_tln_from_its_own_text_is_verified_and_pp_41_2020s_ocr_fragment_set_aside():
    """PP 49/2018's own text prints "TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 6264"; PP 41/2020 prints it as
    "626" (an OCR cut, far outside the TLNs of 2018: set aside, shown). A wrong TLN is an error naming the own text;
    its LN (2018/224) rests on PP 41/2020 alone: a wrong LN is an INFO."""
    tln = store.load().fact("pp-2018-49", "tln")
    assert (tln["value"], tln["status"]) == (6264, "verified")
    assert [o["value"] for o in tln["implausible"]] == [626]
    reg, item = constructed("Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen Pegawai Pemerintah dengan "
                            f"Perjanjian Kerja ({LN} Tahun 2018 Nomor 224, {TLN} Nomor 6264)")
    assert l3(reg, item, "pp-2018-49") == []
    found = l3(reg, item, "pp-2018-49", wrong(item.text, rf"{TLN}\s+Nomor", 6264))
    assert [(f["rule"], f["severity"]) for f in found] == [("L3", "error")]
    assert "naskah PP 49/2018 sendiri" in found[0]["message"]


#: amendments of UU 23/2014 and UU 12/2011 as a national act's Mengingat prints them (copied from the collection,
#: OCR damage kept), checked as that act: its own votes left out. (citing act, entry, act, gazette, TLN or None
#: when the entry's TLN is unreadable, a source the finding names)
AMENDMENTS = [
    (("Undang-Undang", "9", 2015), "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara "
     "Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana "
     "telah diubah dengan Undang-Undang Nomor 2 Tahun 2015 tentang Penetapan Peraturan Pemerintah Pengganti "
     "Undang-Undang Nomor 2 Tahun 2014 tentang Perubahan atas Undang- Undang Nomor 23 Tahun 2014 tentang Pemerintahan "
     "Daerah Menjadi Undang-Undang (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 24, Tambahan Lembaran Negara "
     "Republik Indonesia Nomor 5657)", "uu-2015-2", (2015, 24), 5657, "metadata BPK (uu-2015-2)"),
    (("Peraturan Pemerintah", "102", 2014), "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran "
     "Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) "
     "sebagaimana telah diubah dengan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2014 tentang "
     "Perubahan atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik "
     "Indonesia Tahun 2014 Nomor 246, Tambahan Lembaran Negara Republik Indonesia Nomor 5589)", "perppu-2014-2",
     (2014, 246), 5589, "2 peraturan yang mengutipnya (PP 78/2014, PP 3/2015)"),
    (("Undang-Undang", "13", 2022), "Undang-Undang Nomor 12 Tahun 20ll tentang Pembentukan Peraturan "
     "Perundang-undangan (Lembaran Negara Republik Indonesia Tahun 2011 Nomor 82, Tambahan lrembaran Negara Republik "
     "Indonesia Nomor 5234) sebagaimana telah diubah dengan Undang-Undang Nomor 15 Tahun 2019 tentang Perubahan atas "
     "Undang-Undang Nomor 12 Tahun 201 I tentang Pembentukan Peraturan Perundang-undangan (lembaran Negara Republik "
     "Indonesia Tahun 2Ol9 Nomor 183, Tambahan l,embaran Negara Republik Indonesia Nomor 6398)", "uu-2019-15",
     (2019, 183), None, "metadata BPK (uu-2019-15) dan naskah UU 15/2019 sendiri"),
]


@pytest.mark.parametrize(("citing", "entry", "key", "gazette", "tln", "source"), AMENDMENTS,
                         ids=[a[2] for a in AMENDMENTS])
def test_an_amendment_as_a_national_act_cites_it_is_checked_without_that_acts_votes(citing, entry, key, gazette, tln,
                                                                                   source):
    reg, item = constructed(entry)
    reg.meta.jenis, reg.meta.nomor, reg.meta.tahun = citing
    reg.meta.daerah_jenis = "nasional"
    assert l3(reg, item, key) == []
    year, number = gazette
    mutations = [wrong(item.text, rf"Tahun\s+{year if year != 2019 else '2Ol9'}\s+Nomor", number)]
    if tln:
        mutations.append(wrong(item.text, rf"{TLN}\s+Nomor", tln))
    for text in mutations:
        found = l3(reg, item, key, text)
        assert [(f["rule"], f["severity"]) for f in found] == [("L3", "error")], text
        assert source in found[0]["message"]


def test_uu_13_2022_cited_by_one_regional_text_only_cannot_be_checked_without_it(regional):
    """The Malang Perbup is the only text that cites UU 13/2022 with its publication: left out, the knowledge base
    holds nothing to check a wrong number against (no finding, not a guess)."""
    reg = regional["malang"]
    item = _entry(reg, "uu-2022-13")
    assert l3(reg, item, "uu-2022-13") == []
    assert l3(reg, item, "uu-2022-13", wrong(item.text, rf"{TLN}\s+Nomor", 6801)) == []
