"""`rancang draft` composes from the model Perbup by default (issue 27 item 2), read on the output for kabupaten and
kota, Bupati and Pj. Wali Kota, with and without perangkat daerah: check gives 0 errors and 0 warnings, every
clause of the batang tubuh is a provision of the model (held by at least two regions) or one the drafter is told
about, each option of one region is a decision naming its act, and the harmonisation matrix cites the model's
bases."""

from __future__ import annotations

import re

import pytest
from regions import example, moved, write_drafts

from rancang.generate.check import check
from rancang.generate.draft import model_perbup
from rancang.generate.draft.provenance import origin
from rancang.ingest import ingest_path

PROFILES = {
    "sleman": example("sleman"),
    "kota-magelang": example("kota-magelang"),
    "pesisir-tanpa-pd": moved(example("sleman"), "Pesisir Selatan", "Sumatera Barat", perangkat_daerah=[]),
    "pj-wali-kota": moved(example("kota-magelang"), "Ternate", "Maluku Utara",
                          kepala_daerah={"nama": "Rizal Marsaoly", "jabatan": "Pj. Wali Kota"}),
}


@pytest.fixture(scope="module")
def written(tmp_path_factory, draft_sources) -> dict:
    return write_drafts(PROFILES, tmp_path_factory, draft_sources)


@pytest.mark.parametrize("key", list(PROFILES))
def test_check_on_the_model_draft_docx_reports_no_galat_and_no_peringatan(written, key):
    _, folder = written[key]
    assert [f for f in check(ingest_path(folder / "draft.docx")) if f["severity"] != "info"] == []


def test_the_default_draft_is_the_models(written):
    model = model_perbup.load()
    members = model_perbup.provision_of(model)
    for key, (d, _) in written.items():
        carried = [origin(n) for p in d.reg.pasals() for n in p.walk() if origin(n)[0]]
        regions = {k["daerah"] for k in model["korpus"]}
        assert carried and {r for r, _ in carried} <= regions, key
        assert len({r for r, _ in carried}) >= 2, key  # the model's wordings come from more than one act
        # every unit of the body the spine had only by itself is gone (a decision naming its act, not a clause)
        options = {k for k in model_perbup.options_of(model) if k[0] == model["tulang"]}
        leads = {k for k in options if "/" not in k[1]}
        assert not [k for k in carried if k in options and k not in leads], key
        assert sum(k in members for k in carried) > len(carried) / 2, key


def test_each_clause_of_one_region_is_a_decision_naming_its_act(written, draft_sources):
    for key, (d, folder) in written.items():
        notes = (folder / "catatan.md").read_text(encoding="utf-8")
        options = [n for n in d.notes.of("putusan") if n.rule == "model-opsi"]
        assert options and all(re.search(r"Peraturan (?:Bupati|Wali Kota) \w+.* Nomor \d+ Tahun \d{4}", n.why)
                               for n in options), key
        assert "[model-opsi]" in notes and "tidak termasuk model" in notes


def test_no_region_of_the_corpus_is_named_in_the_draft(written, draft_sources):
    names = ["Bogor", "Jepara", "Malang", "Pasaman"]
    for key, (d, _) in written.items():
        assert not [n for n in names if re.search(rf"\b{n}\b", d.markdown)], key


def test_the_harmonisation_matrix_cites_the_models_bases(written):
    for key, (d, _) in written.items():
        assert "ketentuan model k0" in d.harmonisasi, key
        assert "Pasal ...." not in d.harmonisasi  # no blank: a Pasal cited, or said that none is specific
        assert "tidak ada pasal tertentu yang dapat ditunjuk" in d.harmonisasi and "Pasal 25" in d.harmonisasi
        assert "Undang-Undang Nomor 12 Tahun 2011" in d.harmonisasi  # the entry into force


def test_a_kota_draft_is_a_peraturan_wali_kota_throughout(written):
    d, _ = written["pj-wali-kota"]
    assert d.reg.meta.jenis == "Peraturan Wali Kota"
    assert not re.search(r"\bbupati\b", d.markdown, re.IGNORECASE)
    assert "Wali Kota adalah Wali Kota Ternate." in d.markdown


def test_no_pasal_is_left_empty_and_each_menimbang_has_one_bahwa(written):
    for key, (d, _) in written.items():
        assert all(p.text or p.children for p in d.reg.pasals()), key
        assert all(k.text.count("bahwa") == 1 for k in d.reg.menimbang), key
