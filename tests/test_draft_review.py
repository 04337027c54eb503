"""What a Kepala Bagian Hukum reading the drafts of the example profiles found still wrong (issue 27, session 9),
one test per kind of defect, on the written output of ``draft`` from the model (draft.docx read back, draft.md,
catatan.md, harmonisasi.md) for the two example profiles and two profiles written here: a kabupaten under a Pj.
Bupati without perangkat daerah and a kota under a Pj. Wali Kota with them."""

from __future__ import annotations

import re

import pytest
from regions import example, moved, write_drafts

from rancang.generate.check import check
from rancang.ingest import ingest_path
from rancang.ingest.writers.markdown import render

PROFILES = {
    "sleman": example("sleman"),
    "kota-magelang": example("kota-magelang"),
    "kab-pj": moved(example("sleman"), "Lembah Hijau", "Jawa Tengah", ibu_kota="Sukamaju", perangkat_daerah=[],
                    kepala_daerah={"nama": "Andi Saputra", "jabatan": "Pj. Bupati"}),
    "kota-pj": moved(example("kota-magelang"), "Bitung", "Sulawesi Utara",
                     kepala_daerah={"nama": "Yohanis Mandagi", "jabatan": "Pj. Wali Kota"}),
}
KEYS = list(PROFILES)
#: a clause putting its matter in the Lampiran
DELEGATES = re.compile(r"\b(?:tercantum|diatur|dimuat)\s+dalam\s+Lampiran\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def written(tmp_path_factory, draft_sources) -> dict:
    """key -> (Draft, folder, the draft read back from its DOCX, draft.md, catatan.md, harmonisasi.md)."""
    drafts = write_drafts(PROFILES, tmp_path_factory, draft_sources)  # from the model Perbup
    return {key: (d, folder, ingest_path(folder / "draft.docx"), (folder / "draft.md").read_text("utf-8"),
                  (folder / "catatan.md").read_text("utf-8"), (folder / "harmonisasi.md").read_text("utf-8"))
            for key, (d, folder) in drafts.items()}


@pytest.mark.parametrize("key", KEYS)
def test_check_on_the_written_docx_reports_no_galat_and_no_peringatan(written, key):
    _, folder, _, _, _, _ = written[key]
    assert [f for f in check(ingest_path(folder / "draft.docx")) if f["severity"] != "info"] == []


@pytest.mark.parametrize("key", KEYS)
def test_each_matter_is_delegated_to_the_lampiran_once(written, key):
    """"Rincian kedudukan ... tercantum dalam Lampiran" in Pasal 7 and "Penjabaran kedudukan, penugasan ...
    sebagaimana dimaksud dalam Pasal 7 sampai dengan Pasal 12 tercantum dalam Lampiran" is Pasal 7's matter put in
    the Lampiran twice: each Pasal's matter is delegated by one clause (UU 12/2011 Lampiran II angka 192)."""
    _, _, back, _, _, _ = written[key]
    covered: dict[str, list[str]] = {}
    delegations = 0
    for pasal in back.pasals():
        for clause in pasal.child_list("ayat") or [pasal]:
            if not DELEGATES.search(clause.text):
                continue
            delegations += 1
            cited = {t.split("/", 1)[0] for r in clause.refs if r.kind == "internal" for t in r.target
                     if "/" not in t and t != pasal.id}
            for p in cited or {pasal.id}:
                covered.setdefault(p, []).append(clause.cite)
    assert delegations >= 1
    assert {p: c for p, c in covered.items() if len(c) > 1} == {}
    # a Pasal left with one ayat is written without "(1)"
    assert not [p.cite for p in back.pasals() if len(p.child_list("ayat")) == 1]


@pytest.mark.parametrize("key", KEYS)
def test_menimbang_is_the_single_delegation_consideration(written, key):
    """A Perkada carrying out PermenPAN-RB 7/2022's delegation has one consideration (DRAFTING.md K3), citing the
    Pasal two regions' Menimbang cite; catatan.md says where that Pasal comes from and to check it."""
    _, _, back, _, catatan, _ = written[key]
    assert len(back.menimbang) == 1
    text = back.menimbang[0].text
    assert text.startswith("bahwa untuk melaksanakan ketentuan Pasal 25 Peraturan Menteri Pendayagunaan Aparatur "
                           "Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja")
    title = back.preamble[back.preamble.index("TENTANG") + 1]
    assert text.lower().endswith(f"perlu menetapkan {back.meta.jenis.lower()} tentang {title.lower()};")
    assert "[konsiderans-delegasi]" in catatan and "Peraturan Bupati Jepara Nomor 17 Tahun 2024" in catatan


@pytest.mark.parametrize("key", KEYS)
def test_no_nonstandard_spelling_or_stray_capital_is_printed(written, key):
    """"sumberdaya", "dimana" and a common word capitalised mid-sentence ("target kinerja Bersama", "kepada Pejabat
    yang Berwenang") are carried slips (KBBI, PUEBI); none is printed."""
    _, _, back, _, _, _ = written[key]
    md = render(back)
    body = md.split("\nMenimbang", 1)[1]
    assert not re.search(r"\bsumberdaya\b", body, re.IGNORECASE)
    assert not re.search(r"\bdimana\b", body, re.IGNORECASE)
    assert not re.search(r"\b[a-z]+ (?:Bersama|Berwenang|Ekspektasi)\b", body)
    assert "Pejabat yang Berwenang" not in body


@pytest.mark.parametrize("key", KEYS)
def test_the_signers_office_is_printed_in_capitals(written, key):
    """The office above the signature is in capitals, its acting mark too: "PENJABAT WALI KOTA BITUNG," (DRAFTING.md
    P1), never "Pj. WALI KOTA BITUNG,"; read back, the enacting official is still the Pj."""
    _, _, back, md, _, _ = written[key]
    acting = PROFILES[key]["kepala_daerah"]["jabatan"].startswith("Pj.")
    offices = [line for line in [back.preamble[-1], back.penutup.lines[2]]]
    assert all(o == o.upper() and o.endswith(",") for o in offices), offices
    assert all(o.startswith("PENJABAT ") == acting for o in offices)
    assert "Pj. " not in md
    assert back.meta.pejabat.startswith("Pj. ") == acting
