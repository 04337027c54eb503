"""Letters cite the regulation of their own region, or none: never another region's Pasal under this region's name.

A new region (Kabupaten Bantul, a profile written here) gets its letters without any regulation: the steps are the
scenario's own, no clause is cited, and the Dasar is the national regulation (or the region's act when the profile
names it by number). With its own draft (``draft.json`` of ``rancang draft``) as ``--peraturan``, the steps and
clauses are that draft's; another region's regulation is refused.
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

import pytest
import yaml

from rancang import corpus
from rancang.cli import main
from rancang.errors import InputError
from rancang.generate.draft import build as drafting
from rancang.generate.naskah import scenario as sc
from rancang.generate.naskah import steps
from rancang.generate.shared import profile as profiles

sys.path.insert(0, str(Path(__file__).parent))
from letter_helpers import docx_text, peraturan_of  # noqa: E402

BANTUL = {
    "daerah": {"nama": "Bantul", "jenis": "kabupaten"}, "provinsi": "Daerah Istimewa Yogyakarta",
    "ibu_kota": "Bantul", "kepala_daerah": {"nama": "Wahyu Pratiwi", "jabatan": "Bupati"},
    "sekretaris_daerah": {"nama": "Hendra Kusuma"}, "nomor": None, "tahun": 2026,
    "tanggal_ditetapkan": None, "tanggal_diundangkan": None, "berita_daerah": {"nomor": None},
    "dasar_hukum_daerah": [{"jenis": "Undang-Undang", "nomor": "15", "tahun": 1950,
                            "tentang": "Pembentukan Daerah-daerah Kabupaten dalam Lingkungan Daerah Istimewa "
                                       "Jogjakarta", "lembaran": "Berita Negara Republik Indonesia Tahun 1950 "
                                                                 "Nomor 44"}],
    "perangkat_daerah": ["Sekretariat Daerah", "Dinas Komunikasi dan Informatika", "Dinas Kesehatan"],
    "opsi": {"pppk_dapat_menjadi_ketua_tim": False, "mulai_berlaku": None},
}
#: cites of a regulation ("Pasal 16 ayat (1)", "Lampiran BAB II huruf B ...")
CITE = re.compile(r"\bPasal \d+|\bLampiran (?:BAB|huruf)\b")
OTHERS = [e["daerah"].split(" ", 1)[1] for e in corpus.bundled()] + ["Sleman"]


def _data(name: str, **profile: object) -> dict:
    data = copy.deepcopy(sc.scenario_example(name))
    data["profil"] = {**copy.deepcopy(BANTUL), **profile}
    return data


@pytest.mark.parametrize("name", list(sc.scenarios()))
def test_without_a_regulation_no_clause_and_no_other_region_is_cited(name):
    built = sc.build(name, _data(name))
    assert all(s.cite == "" for s in built.steps)
    assert "tidak diberikan" in built.peraturan and "--peraturan" in built.peraturan
    md = sc.skenario_md(built)
    rows = [line for line in md.splitlines() if line.startswith("| ") and not line.startswith("| No")]
    assert rows and all(line.rstrip().endswith("| - |") for line in rows)
    for filename, content in sc.render_all(built):
        text = docx_text(content)
        assert not CITE.search(text), (filename, CITE.search(text))
        assert "Peraturan Bupati Bantul" not in text  # an act the profile does not name is never cited
        assert not any(other in text for other in OTHERS if other != "Yogyakarta"), filename
    for x in built.letters:
        if x.layout == "perintah" and x.dari.gov is not None and x.dari.gov.key == "":
            assert x.data["dasar"][0].startswith("Peraturan Menteri Pendayagunaan Aparatur Negara")


def test_an_act_the_profile_names_is_the_dasar():
    built = sc.build("penunjukan-dalam-unit", _data("penunjukan-dalam-unit", nomor="12",
                                                    tentang="Sistem Kerja Pegawai Aparatur Sipil Negara"))
    perintah = next(x for x in built.letters if x.layout == "perintah")
    assert perintah.data["dasar"][0] == ("Peraturan Bupati Bantul Nomor 12 Tahun 2026 tentang Sistem Kerja Pegawai "
                                         "Aparatur Sipil Negara")
    assert all(s.cite == "" for s in built.steps)  # the act is named, its clauses are not known


def test_the_keputusan_mengingat_has_no_unknown_regional_act():
    built = sc.build("tim-kerja-lintas-pd", _data("tim-kerja-lintas-pd"))
    kep = next(x for x in built.letters if x.layout == "keputusan")
    assert kep.data["mengingat"] and not any("Peraturan Bupati" in m for m in kep.data["mengingat"])


@pytest.fixture(scope="module")
def bantul_draft(tmp_path_factory, draft_sources) -> Path:
    d = drafting.build(profiles.from_dict(copy.deepcopy(BANTUL)), sources=draft_sources)
    return drafting.write(d, tmp_path_factory.mktemp("bantul"))[2]


def test_the_regions_own_draft_gives_steps_and_clauses(bantul_draft, tmp_path, capsys):
    name = "pengajuan-sukarela-lintas-unit"
    data = _data(name)
    built = sc.build(name, data, peraturan=peraturan_of(str(bantul_draft)))
    assert built.peraturan.startswith("Peraturan Bupati Bantul")
    cites = [s.cite for s in built.steps]
    # every step on a clause of the draft; one clause tells both the approval and its passing on (angka 2)
    assert all(CITE.search(c) for c in cites) and len(set(cites)) == len(cites) - 1
    assert not any(steps.UNDETAILED in s.teks for s in built.steps)
    reg = corpus_tree(bantul_draft)
    for c in cites:
        assert c.startswith("Lampiran") or reg.find(c) is not None, c
    perintah = next(x for x in built.letters if x.layout == "perintah")
    assert perintah.data["dasar"][0] == built.peraturan
    f = tmp_path / "data.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["letter", "--scenario", name, str(f), "--peraturan", str(bantul_draft),
                 "-o", str(tmp_path / "surat")]) == 0
    md = (tmp_path / "surat" / "skenario.md").read_text(encoding="utf-8")
    assert all(c in md for c in cites) and "Jepara" not in md


def test_a_request_between_unit_kerja_never_cites_the_clause_of_a_pimpinan_unit_organisasi(bantul_draft):
    """The draft's model Perbup has no lintas-unit-kerja mechanism: its lintas-unit-organisasi clause has the
    Pimpinan Unit Organisasi send the request, so a Kepala Bidang's nota dinas to another Kepala Bidang of the same
    Dinas is not that clause's letter (it is a penunjukan within the unit organisasi, not detailed there)."""
    built = sc.build("penunjukan-lintas-unit", _data("penunjukan-lintas-unit"),
                     peraturan=peraturan_of(str(bantul_draft)))
    assert "lintas unit organisasi" not in built.prosedur.lower()
    first = built.steps[0]
    assert first.letter.dari.role == "asal.unit" and steps.UNDETAILED in first.teks


def corpus_tree(path: Path):
    from rancang.ingest import ingest_path

    return ingest_path(path)


def test_another_regions_regulation_is_refused(tmp_path, capsys):
    with pytest.raises(InputError, match=r"Kota Bogor, bukan Kabupaten Bantul"):
        sc.build("penunjukan-lintas-instansi", _data("penunjukan-lintas-instansi"), peraturan=peraturan_of("bogor"))
    f = tmp_path / "data.yaml"
    f.write_text(yaml.safe_dump(_data("penunjukan-dalam-unit"), allow_unicode=True), encoding="utf-8")
    assert main(["letter", "--scenario", "penunjukan-dalam-unit", str(f), "--peraturan", "jepara",
                 "-o", str(tmp_path / "surat")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Galat: ") and "\n" not in err and "Kabupaten Jepara" in err
    assert not (tmp_path / "surat").exists()


def test_scenario_data_names_its_region(tmp_path):
    data = sc.scenario_example("penunjukan-dalam-unit")
    del data["profil"]
    with pytest.raises(InputError, match="profil"):
        sc.build("penunjukan-dalam-unit", data)


def test_example_task_names_no_region():
    for name in sc.scenarios():
        task = sc.scenario_example(name)["penugasan"]
        assert not any(other in yaml.safe_dump(task) for other in OTHERS), name
