"""The four seed regulations come out exactly as their hand-checked gold files say."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "vendor"))
import goldcheck  # noqa: E402
from conftest import SEED_IDS  # noqa: E402

REGIONS = list(SEED_IDS)


def pasal(reg, number):
    return next(p for p in reg.pasals() if p.number == str(number))


@pytest.mark.parametrize("region", REGIONS)
def test_every_gold_fact_holds(region, seed_trees, gold):
    got = goldcheck.facts_tree(seed_trees[region].to_dict())
    want = goldcheck.facts_gold_tree(gold[region])
    wrong = {k: (got.get(k), w) for k, w in want.items() if got.get(k) != w}
    extra = sorted(k for k in got if k.startswith("pasal.") and k not in want)
    assert not wrong, wrong
    assert not extra, f"Pasal the gold does not know: {extra}"


def test_pasal_14_of_the_jepara_text_has_5_ayat(seed_trees):
    assert len(pasal(seed_trees["jepara"], 14).child_list("ayat")) == 5


def test_pasal_1_of_the_jepara_text_defines_32_terms(seed_trees):
    items = pasal(seed_trees["jepara"], 1).child_list("angka")
    assert len(items) == 32
    assert items[0].text == "Daerah adalah Kabupaten Jepara."
    assert items[0].cite == "Pasal 1 angka 1" and items[0].id == "pasal-1/angka-1"


def test_bogor_pasal_2_ayat_1_lists_three_stages(seed_trees):
    ayat = pasal(seed_trees["bogor"], 2).child_list("ayat")[0]
    assert [h.number for h in ayat.child_list("huruf")] == ["a", "b", "c"]
    assert ayat.child_list("huruf")[2].cite == "Pasal 2 ayat (1) huruf c"


def test_malang_pasal_16_repeals_36_provisions_despite_lost_enumerators(seed_trees):
    items = pasal(seed_trees["malang"], 16).child_list("huruf")
    assert len(items) == 36
    assert items[-1].number == "jj"
    assert items[0].text.startswith("Pasal 27 Peraturan Bupati Malang Nomor 27 Tahun 2022")
    # the sentence closes after the list: "dicabut dan dinyatakan tidak berlaku."
    assert pasal(seed_trees["malang"], 16).children[-1].type == "text"


def test_malang_pasal_6_ayat_are_recovered_from_sentence_flow(seed_trees):
    ayat = pasal(seed_trees["malang"], 6).child_list("ayat")
    assert [a.number for a in ayat] == ["1", "2", "3"]
    assert ayat[1].text.startswith("Penugasan secara individu dan/atau dalam tim kerja sebagaimana dimaksud")


def test_references_to_pasal_of_other_acts_are_not_headings(seed_trees):
    # Malang Pasal 16 cites "Pasal 54 Peraturan Bupati Malang ..." - Pasal 54 must not exist in the body
    assert {p.number for p in seed_trees["malang"].pasals()} == {str(n) for n in range(1, 18)}


def test_the_lampiran_bab_are_not_body_bab(seed_trees):
    assert [b.number for b in seed_trees["malang"].body] == ["I", "II", "III", "IV", "V"]


def test_meta_of_an_act_signed_in_another_town(seed_trees):
    meta = seed_trees["pasaman_barat"].meta
    assert meta.ditetapkan_di == "Simpang Empat"
    assert meta.berita_daerah.to_dict() == {"nama": "Berita Daerah Kabupaten Pasaman Barat", "tahun": 2024,
                                            "nomor": None}


WRAPPED = """PERATURAN BUPATI CONTOH
NOMOR 1 TAHUN 2025
TENTANG
UJI

BAB I
KETENTUAN UMUM

Pasal 1

Penugasan dilaksanakan sebagaimana dimaksud dalam
Pasal 2
ayat (1) oleh Pejabat Penilai Kinerja.

Pasal 2

(1) Pejabat Fungsional melaporkan pelaksanaan tugas.
(2) Laporan sebagaimana dimaksud pada ayat (1) disampaikan setiap bulan.
"""


def test_a_reference_wrapped_onto_its_own_line_is_not_a_pasal_heading():
    from rancang.ingest import ingest_text

    reg = ingest_text(WRAPPED)
    assert [p.number for p in reg.pasals()] == ["1", "2"]
    assert reg.pasals()[0].text.endswith("Pasal 2 ayat (1) oleh Pejabat Penilai Kinerja.")
    assert reg.pasals()[0].refs[0].target == ["pasal-2/ayat-1"] and reg.pasals()[0].refs[0].resolved


def _detach_enumerators(text: str) -> str:
    """Simulate a two-column PDF: every enumerator of the body on a line of its own, apart from its text."""
    import re

    marker = re.compile(r"^(\s*-?\s*)(\(\d+\)|[a-z]\.|\d{1,2}\.)\s+(\S.*)$")
    out, body = [], False
    for line in text.split("\n"):
        body = body or bool(re.match(r"^\s*(?:\*\*)?BAB I\b", line))
        m = marker.match(line) if body else None
        out += [m.group(2), "", m.group(3)] if m else [line]
    return "\n".join(out)


@pytest.mark.parametrize("region", ["bogor", "jepara", "pasaman_barat"])
def test_flow_rule_rebuilds_a_whole_act_whose_enumerators_were_detached(region, gold):
    """A seed with every enumerator moved onto its own line reads back to the same gold facts. Bogor's
    definitions 1 and 4 and Jepara's Pasal 19 ayat (4) huruf e lost their closing punctuation: the detached
    enumerator printed between two clauses still parts them."""
    from rancang.ingest import ingest_text

    stem = SEED_IDS[region]
    text = (Path(__file__).parent.parent / "corpus" / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
    reg = ingest_text(_detach_enumerators(text), f"{stem}.txt")
    assert reg.stats.flow_layout
    got = goldcheck.facts_tree(reg.to_dict())
    want = goldcheck.facts_gold_tree(gold[region])
    assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize("width", [40, 55, 70])
@pytest.mark.parametrize("region", REGIONS)
def test_every_gold_fact_holds_when_the_lines_are_wrapped_narrower(region, width, gold):
    # narrower lines put reference numbers at line starts ("pada ayat" / "(1) ..."), split a "Nomor" from its
    # number, and wrap Bagian titles ("Bagian Kesatu Prinsip, Mekanisme" / "dan Tahapan"): none may change a fact
    import textwrap

    from conftest import SEEDS

    from rancang.ingest import ingest_text

    raw = (SEEDS / f"{SEED_IDS[region]}.txt").read_text(encoding="utf-8")
    wrapped = "\n".join(w for line in raw.split("\n")
                        for w in (textwrap.wrap(line, width, break_on_hyphens=False) or [""]))
    got = goldcheck.facts_tree(ingest_text(wrapped, f"{SEED_IDS[region]}.txt").to_dict())
    want = goldcheck.facts_gold_tree(gold[region])
    assert {k: (got.get(k), w) for k, w in want.items() if got.get(k) != w} == {}


def test_a_pasal_left_alone_on_a_mengingat_line_is_not_the_first_heading(gold):
    # "1. Pasal 18 ayat (6) Undang-Undang Dasar ..." wrapped as "1." / "Pasal 18" / "ayat (6) ...": the batang
    # tubuh still starts after MEMUTUSKAN
    from conftest import SEEDS

    from rancang.ingest import ingest_text

    raw = (SEEDS / f"{SEED_IDS['jepara']}.txt").read_text(encoding="utf-8")
    split = raw.replace("1. Pasal 18 ayat (6) Undang-Undang Dasar", "1.\nPasal 18\nayat (6) Undang-Undang Dasar", 1)
    assert split != raw
    got = goldcheck.facts_tree(ingest_text(split, f"{SEED_IDS['jepara']}.txt").to_dict())
    want = goldcheck.facts_gold_tree(gold["jepara"])
    assert {k: (got.get(k), w) for k, w in want.items() if got.get(k) != w} == {}


@pytest.mark.parametrize("style", ["capitals", "stops"])
@pytest.mark.parametrize("region", REGIONS)
def test_headings_printed_otherwise_read_the_same(region, style, gold):
    # some drafts print "PASAL 7" and "BAGIAN KEDUA" instead of "Pasal 7" and "Bagian Kedua"; others "Pasal 7."
    # and "BAB I."
    import re

    from conftest import SEEDS

    from rancang.ingest import ingest_text

    raw = (SEEDS / f"{SEED_IDS[region]}.txt").read_text(encoding="utf-8")
    if style == "capitals":
        text = re.sub(r"(?m)^(\s*)Pasal(\s+\d+\s*)$", r"\1PASAL\2", raw)
        text = re.sub(r"(?m)^(\s*)Bagian (Ke\w+)", lambda m: f"{m.group(1)}BAGIAN {m.group(2).upper()}", text)
    else:
        text = re.sub(r"(?m)^(\s*)(Pasal\s+\d+|BAB\s+[IVXLC]+)\s*$", r"\1\2.", raw)
    assert text != raw
    got = goldcheck.facts_tree(ingest_text(text, f"{SEED_IDS[region]}.txt").to_dict())
    want = goldcheck.facts_gold_tree(gold[region])
    assert {k: (got.get(k), w) for k, w in want.items() if got.get(k) != w} == {}


@pytest.mark.parametrize("region", REGIONS)
def test_page_numbers_printed_alone_change_no_fact(region, gold):
    # a PDF's page number often comes out as a line holding only "7"; it must not count as an enumerator
    from conftest import SEEDS

    from rancang.ingest import ingest_text

    lines = (SEEDS / f"{SEED_IDS[region]}.txt").read_text(encoding="utf-8").split("\n")
    paged: list[str] = []
    for i, line in enumerate(lines):
        paged += [line, "", str(i // 23 + 2), ""] if i and i % 23 == 0 else [line]
    reg = ingest_text("\n".join(paged), f"{SEED_IDS[region]}.txt")
    got, want = goldcheck.facts_tree(reg.to_dict()), goldcheck.facts_gold_tree(gold[region])
    assert {k: (got.get(k), w) for k, w in want.items() if got.get(k) != w} == {}
    assert reg.stats.artefacts["page_number"] >= len(lines) // 23 - 1
