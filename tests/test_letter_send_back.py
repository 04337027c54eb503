"""What a Kepala Bagian Hukum sent back after reading every set of session 8 (issue 28, M1-M8 and the cosmetic
ones): forms of address by rank, the kop of the Sekretariat Daerah, the formation law with its amendment, the chain
of the lintas-PD request through the lending Pimpinan Unit Organisasi, the proposer of a team, one story between
the Keputusan and the reports, the approval of the Pejabat Penilai Kinerja in a pengajuan sukarela, and the parts of
a Keputusan. Each rule is checked on the generated DOCX text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from rancang.generate.naskah import scenario as sc
from rancang.generate.naskah.parties import honorific
from rancang.generate.shared import profile as profiles

sys.path.insert(0, str(Path(__file__).parent))
from letter_helpers import docx_text, scenario_sets  # noqa: E402


@pytest.fixture(scope="module")
def model_draft(sleman_draft) -> Path:
    """The Sleman example's own draft on the default base (the model Perbup), written once (conftest): its folder."""
    return sleman_draft[1]


def _render(built: sc.Built) -> dict[str, str]:
    return {f: " ".join(docx_text(c).split()) for f, c in sc.render_all(built)}


@pytest.fixture(scope="module")
def base_sets():
    """Every scenario's example data without a regulation (the bundled base chain): name -> (Built, {file: text})."""
    out = {}
    for name in sc.scenarios():
        built = sc.build(name, sc.scenario_example(name))
        out[name] = built, _render(built)
    return out


@pytest.fixture(scope="module")
def model_sets(model_draft):
    """Every scenario's example data under the Sleman model draft: name -> (Built, {file: text})."""
    return scenario_sets(model_draft, _render)


def _letter(built: sc.Built, jenis: str, k: int = 0) -> sc.Letter:
    return [x for x in built.letters if x.jenis == jenis][k]


# --- M1: forms of address by rank (Permendagri 1/2023: "Yth." and the addressee's jabatan) ------------------------

def test_a_bupati_addresses_a_gubernur_as_a_superior_and_the_gubernur_answers_saudara(base_sets):
    """The Bupati's request (a.n. by the Sekretaris Daerah) to the Gubernur of another region: "Yth. Gubernur ...",
    and "Bapak" in its sentences (the Gubernur is above a bupati); the Gubernur's answer to the Bupati cites "surat
    Saudara" (a Gubernur writes to a bupati as to one below), never "surat Bapak/Ibu"."""
    built, texts = base_sets["penunjukan-lintas-instansi"]
    up = _letter(built, "permohonan-pelibatan-lintas-instansi")
    body = texts[up.filename]
    assert "Yth. Gubernur Daerah Istimewa Yogyakarta" in body
    assert "pada instansi Bapak" in body and "kerja sama Bapak," in body and "Saudara" not in body
    down = _letter(built, "jawaban-persetujuan")
    body = texts[down.filename]
    assert "Yth. Bupati Sleman" in body
    assert "Menindaklanjuti surat Saudara Nomor" in body and "Bapak" not in body and "Ibu" not in body


def test_a_named_official_is_bapak_or_ibu_by_the_data_or_the_nip_and_an_unknown_one_is_listed(base_sets):
    """A superior is "Bapak" or "Ibu", not "Bapak/Ibu": the data's or the profile's ``sapaan``, else the 15th digit
    of the NIP (1 pria, 2 wanita); a kepala daerah without either stays "Bapak/Ibu", listed in skenario.md."""
    assert honorific({"nip": "19820304 200801 1 004"}) == "Bapak"
    assert honorific({"nip": "197801012005012001"}) == "Ibu"
    assert honorific({"nama": "Ratri Wulandari"}) is None
    assert honorific({"nama": "Ratri Wulandari", "sapaan": "Ibu"}) == "Ibu"
    built, texts = base_sets["tim-kerja-lintas-pd"]
    ask = _letter(built, "permohonan-penetapan-keputusan")
    assert "mohon Ibu berkenan" in texts[ask.filename] and "Bapak/Ibu" not in texts[ask.filename]
    data = sc.scenario_example("tim-kerja-lintas-pd")
    own = yaml.safe_load(profiles.example_path("sleman").read_text(encoding="utf-8"))
    assert own["kepala_daerah"].pop("sapaan") == "Ibu"  # the profile says it, not the scenario's data
    data["profil"] = own
    unknown = sc.build("tim-kerja-lintas-pd", data)
    ask = _letter(unknown, "permohonan-penetapan-keputusan")
    assert "mohon Bapak/Ibu berkenan" in _render(unknown)[ask.filename]
    assert any("sapaan \"Bapak/Ibu\"" in b and ask.filename in b for b in unknown.blanks)


def test_within_a_region_the_head_of_a_unit_kerja_addresses_his_kepala_dinas_as_a_superior(base_sets):
    """A nota dinas of a Kepala Bidang to his Kepala Dinas says "Ibu" (her NIP's 15th digit is 2), a nota dinas
    between two Kepala Bidang "Saudara"."""
    built, texts = base_sets["penunjukan-lintas-unit"]
    usul = _letter(built, "usulan-pejabat-penilai-kinerja")
    assert "Apabila Ibu berkenan" in texts[usul.filename]
    peer = _letter(built, "nota-dinas-permohonan-pelibatan")
    assert "unit kerja Saudara" in texts[peer.filename] and "Bapak" not in texts[peer.filename]


# --- M6: the kop of the Sekretariat Daerah has its address ----------------------------------------------------------

def test_the_kop_of_the_sekretariat_daerah_has_its_address_or_a_listed_blank(base_sets):
    """Every letter under the kop of a Sekretariat Daerah prints its address under "SEKRETARIAT DAERAH"; data
    without ``alamat_setda`` gets a blank of dots, listed in skenario.md."""
    built, texts = base_sets["penunjukan-lintas-instansi"]
    setda = [x for x in built.letters if (x.data.get("instansi") or {}).get("nama") == "Sekretariat Daerah"]
    assert len(setda) >= 2
    for x in setda:
        assert x.data["instansi"].get("alamat"), x.filename
        assert f"SEKRETARIAT DAERAH {x.data['instansi']['alamat']}" in texts[x.filename]
    data = sc.scenario_example("penunjukan-lintas-instansi")
    del data["alamat_setda"]
    bare = sc.build("penunjukan-lintas-instansi", data)
    own = [x for x in bare.letters if x.dari.gov is not None and x.data.get("instansi", {}).get("alamat", "")
           .startswith("Alamat ....")]
    assert own and any("alamat Sekretariat Daerah" in b and own[0].filename in b for b in bare.blanks)


# --- M8: the formation law with its amendment ------------------------------------------------------------------------

def test_the_keputusan_cites_the_formation_law_with_its_amendment(base_sets):
    """UU 15/1950 (the kabupaten of the Daerah Istimewa Yogyakarta, Sleman among them) was amended by UU 18/1951
    (its Pasal 1 rewrites Pasal 1 and 2 of UU 15/1950; promulgated "LN 1951/101", data-peraturan uu/1951/18.md): the
    Mengingat cites both, "sebagaimana telah diubah dengan"."""
    built, texts = base_sets["tim-kerja-lintas-pd"]
    body = texts[_letter(built, "keputusan-tim-lintas-pd").filename]
    assert ("Undang-Undang Nomor 15 Tahun 1950 tentang Pembentukan Daerah-daerah Kabupaten dalam Lingkungan Daerah "
            "Istimewa Jogjakarta (Berita Negara Republik Indonesia Tahun 1950 Nomor 44) sebagaimana telah diubah "
            "dengan Undang-Undang Nomor 18 Tahun 1951 tentang Perubahan Undang-Undang Nomor 15 Tahun 1950") in body
    assert "(Lembaran Negara Republik Indonesia Tahun 1951 Nomor 101)" in body



# --- M3: each employee is proposed by his own Pejabat Penilai Kinerja --------------------------------------------

@pytest.mark.parametrize("which", ["base_sets", "model_sets"])
def test_a_team_of_two_unit_kerja_is_proposed_by_the_head_of_each_for_his_own_staff(which, request):
    """A team within one unit organisasi whose members are of two unit kerja: the head of each (their Pejabat Penilai
    Kinerja) proposes his own staff, never another unit's; the surat tugas cites both proposals in its Dasar and is
    copied to both heads."""
    built, texts = request.getfixturevalue(which)["tim-kerja-dalam-unit"]
    proposals = [x for x in built.letters if x.jenis == "usulan-pejabat-penilai-kinerja"]
    assert len(proposals) == 2
    for x in proposals:
        listed = [p["nama"] for p in x.data["pegawai"]]
        units = {p["unit"] for p in x.data["pegawai"]}
        assert len(units) == 1 and next(iter(units)).startswith(x.data["dari"].removeprefix("Kepala ")), x.filename
        assert listed and all(n in texts[x.filename] for n in listed)
    order = _letter(built, "surat-tugas-tim")
    body = texts[order.filename]
    for x in proposals:
        assert f"Nota Dinas {x.data['dari']} Nomor {x.data['nomor']}" in body
    assert "Tembusan: 1. Kepala Bidang Aplikasi Informatika 2. Kepala Bidang Statistik" in body


# --- M4: one story between the Keputusan / surat tugas and the team's reports ---------------------------------------

@pytest.mark.parametrize("name, order_type", [("tim-kerja-lintas-pd", "keputusan-tim-lintas-pd"),
                                              ("tim-kerja-dalam-unit", "surat-tugas-tim")])
def test_a_team_reports_the_tasks_it_was_given_and_no_assessment_the_data_does_not_make(base_sets, name, order_type):
    """The activities a team's reports account for are the tasks of its Keputusan or surat tugas, item for item; a
    member's result is the one the data records for him (``pegawai[].hasil``), else a blank listed in skenario.md,
    never an invented line ("Tugas sesuai pembagian peran dilaksanakan")."""
    built, texts = base_sets[name]
    tasks = [t[:1].upper() + t[1:] for t in built.letters[0].data.get("tugas_tim") or []]
    order = _letter(built, order_type)
    assert tasks and all(t.lower() in texts[order.filename].lower() for t in tasks)
    for report in (x for x in built.letters if x.jenis.startswith("laporan-")):
        body = texts[report.filename]
        kegiatan = body[body.index("Kegiatan yang Dilaksanakan"):body.index("Hasil yang Dicapai")]
        assert [t for t in tasks if t in kegiatan] == tasks, report.filename
        assert "Tugas sesuai pembagian peran" not in body
    data = sc.scenario_example(name)
    for p in data["pegawai"]:
        p.pop("hasil", None)
    bare = sc.build(name, data)
    leader = _letter(bare, "laporan-ketua-tim")
    assert all(p["hasil"] == "...." for p in leader.data["anggota"])
    assert any("hasil kerja anggota tim" in b and leader.filename in b for b in bare.blanks)


# --- M5: the Pejabat Penilai Kinerja approves a pengajuan sukarela in writing ---------------------------------------

@pytest.mark.parametrize("which", ["base_sets", "model_sets"])
def test_a_pengajuan_sukarela_across_units_carries_the_approval_of_the_pejabat_penilai_kinerja(which, request):
    """PermenPAN-RB 7/2022 Lampiran (pengajuan sukarela lintas unit organisasi, angka 2-3): the employee sends the
    approval of the Pimpinan Unit Organisasi dituju to his Pejabat Penilai Kinerja (tembusan his Pimpinan Unit
    Organisasi); the Pejabat Penilai Kinerja approves and drafts the surat penugasan. The set has his approval, a
    nota dinas to the Pimpinan Unit Organisasi citing the employee's letter with the draft attached, and the
    surat tugas rests on it."""
    built, texts = request.getfixturevalue(which)["pengajuan-sukarela-lintas-unit"]
    sent = _letter(built, "penyampaian-persetujuan-sukarela")
    assert "Yth. Kepala Bidang Aplikasi Informatika" in texts[sent.filename]
    assert "Tembusan: 1. Kepala Dinas Komunikasi dan Informatika" in texts[sent.filename]
    approval = _letter(built, "persetujuan-pejabat-penilai-kinerja")
    body = texts[approval.filename]
    assert "Dari : Kepala Bidang Aplikasi Informatika" in body and "Kepada : Yth. Kepala Dinas Komunikasi" in body
    assert "selaku Pejabat Penilai Kinerja menyetujui pelibatan" in body and "Lampiran : 1 (satu) berkas" in body
    assert f"tanggal {sent.data['tanggal'][8:].lstrip('0')}" in body and sent.date < approval.date
    order = _letter(built, "surat-perintah-tugas")
    assert f"Nomor {approval.data['nomor']}" in texts[order.filename] and approval.date < order.date


# --- M7: the parts of a Keputusan -----------------------------------------------------------------------------------

def test_the_keputusan_cites_the_perbup_with_its_berita_daerah_and_copies_the_team(model_sets):
    """UU 12/2011 Lampiran II: an act in Mengingat names where it is promulgated: the region's Perbup with "(Berita
    Daerah Kabupaten Sleman Tahun 2026 Nomor ....)", the blank listed in skenario.md; the Salinan go to the team
    it appoints too; Diktum KEDUA lists no duty to report, which Diktum KEEMPAT states."""
    built, texts = model_sets["tim-kerja-lintas-pd"]
    k = _letter(built, "keputusan-tim-lintas-pd")
    body = texts[k.filename]
    assert ("Peraturan Bupati Sleman Nomor .... Tahun 2026 tentang Sistem Kerja di Lingkungan Pemerintah Kabupaten "
            "Sleman (Berita Daerah Kabupaten Sleman Tahun 2026 Nomor ....);") in body
    assert any(b.startswith("nomor Berita Daerah Kabupaten Sleman") for b in built.blanks)
    salinan = body[body.index("Salinan Keputusan ini disampaikan kepada Yth.:"):]
    assert "Ketua dan anggota Tim Kerja Layanan Kesehatan Terpadu" in salinan
    kedua = body[body.index("KEDUA"):body.index("KETIGA")]
    assert "melaporkan" not in kedua.lower() and "melaporkan pelaksanaan tugas" in body[body.index("KEEMPAT"):]


def test_a_reporting_task_in_the_data_is_not_repeated_in_diktum_kedua(base_sets):
    """A team task that is the duty to report ("melaporkan hasil pelaksanaan tugas secara berkala") is stated by
    the Keputusan's own reporting diktum: Diktum KEDUA does not repeat it, and the reports list the other tasks."""
    data = sc.scenario_example("tim-kerja-lintas-pd")
    data["penugasan"]["tugas_tim"].append("melaporkan hasil pelaksanaan tugas secara berkala")
    built = sc.build("tim-kerja-lintas-pd", data)
    texts = _render(built)
    body = texts[_letter(built, "keputusan-tim-lintas-pd").filename]
    kedua = body[body.index("KEDUA"):body.index("KETIGA")]
    assert "melaporkan" not in kedua and kedua.count(";") == 2


# --- M2: the lending Pimpinan Unit Organisasi receives the request he answers for, and recommends -------------------

def test_the_lending_pimpinan_unit_organisasi_receives_the_request_and_recommends_before_the_answer(model_sets,
                                                                                                     base_sets):
    """Where the regulation sends the lintas-PD request to the Pejabat Penilai Kinerja dituju and has him approve
    "dengan rekomendasi dari Pimpinan Unit Organisasi" (PermenPAN-RB 7/2022 Lampiran, penunjukan lintas unit
    organisasi angka 1-3): he sends the request on to his Kepala Dinas (a nota dinas, the request attached), who
    recommends in writing; his answer, signed a.n. that Kepala Dinas, cites the rekomendasi. Without such a chain
    (the request goes to the Kepala Dinas himself) no rekomendasi letter is made."""
    built, texts = model_sets["tim-kerja-lintas-pd"]
    request = built.letters[0]
    assert request.kepada.role == "tujuan.unit"
    ask = _letter(built, "permohonan-rekomendasi")
    body = texts[ask.filename]
    assert "Kepada : Yth. Kepala Dinas Komunikasi dan Informatika" in body and "Lampiran : 1 (satu) berkas" in body
    assert f"Nomor {request.data['nomor']}" in body
    rec = _letter(built, "rekomendasi-pelibatan")
    body = texts[rec.filename]
    assert "Dari : Kepala Dinas Komunikasi dan Informatika" in body and "kami merekomendasikan pelibatan" in body
    answer = _letter(built, "jawaban-persetujuan")
    body = texts[answer.filename]
    assert request.date < ask.date < rec.date < answer.date
    assert f"dengan rekomendasi Pimpinan Unit Organisasi sebagaimana Nota Dinas Kepala Dinas Komunikasi dan " \
           f"Informatika Nomor {rec.data['nomor']}" in body
    assert "a.n. Kepala Dinas Komunikasi dan Informatika" in body
    base, _ = base_sets["tim-kerja-lintas-pd"]
    assert not [x for x in base.letters if x.jenis in ("permohonan-rekomendasi", "rekomendasi-pelibatan")]
    assert any("(tidak diperlukan: surat langkah 1 ditujukan kepada Kepala Dinas" in s.teks for s in base.steps)


# --- the cosmetic ones ----------------------------------------------------------------------------------------------

def test_the_kode_klasifikasi_is_the_region_s_own_or_a_listed_blank(base_sets):
    """No source this project holds lists the kode klasifikasi arsip (Permendagri 83/2022): a number opens with
    "...." and skenario.md lists the letters, unless the data gives the region's own codes."""
    built, texts = base_sets["penunjukan-lintas-unit"]
    numbered = [x for x in built.letters if x.data.get("nomor")]
    assert numbered and all(x.data["nomor"].startswith("..../") for x in numbered)
    assert "800.1" not in " ".join(texts.values())
    assert any(b.startswith("kode klasifikasi arsip") for b in built.blanks)
    assert not [b for b in built.blanks if "register Keputusan" in b]  # no Keputusan in this set
    data = sc.scenario_example("penunjukan-lintas-unit")
    data["klasifikasi"] = {"penugasan": "800.1.3", "kinerja": "800.1.6", "tim": "800.1.3"}
    own = sc.build("penunjukan-lintas-unit", data)
    assert all(x.data["nomor"].startswith("800.1.3/") for x in own.letters if x.data.get("nomor"))
    assert not any(b.startswith("kode klasifikasi arsip") for b in own.blanks)


def test_a_disposisi_leaves_its_agenda_number_to_fill_and_a_proposal_opens_once(base_sets):
    """The Nomor Agenda of a lembar disposisi is the receiving office's register number, written when the letter is
    received: a blank listed in skenario.md, never "-"; a proposal that follows up a letter opens with one sentence
    ("Menindaklanjuti ..., dalam rangka ... kami mengusulkan ..."), not two."""
    built, texts = base_sets["tim-kerja-lintas-pd"]
    d = _letter(built, "lembar-disposisi")
    assert "Nomor Agenda : ...." in texts[d.filename] and "Nomor Agenda : -" not in texts[d.filename]
    assert any(b.startswith("Nomor Agenda lembar disposisi") and d.filename in b for b in built.blanks)
    built, texts = base_sets["penunjukan-lintas-unit"]
    usul = texts[_letter(built, "usulan-pejabat-penilai-kinerja").filename]
    assert "dalam rangka pencapaian target kinerja" in usul and "Dalam rangka" not in usul
    assert "hal sebagai berikut" not in usul


def test_the_tembusan_keep_with_the_signature():
    """A signature block followed by the tembusan: every paragraph of the signature and of the list but the last
    keeps with the next one, and no row of the signature splits, so the tembusan never stand alone on a page."""
    import docx

    from rancang.generate import naskah

    data = sc.build("penunjukan-lintas-unit", sc.scenario_example("penunjukan-lintas-unit"))
    order = _letter(data, "surat-perintah-tugas")
    doc = docx.Document(__import__("io").BytesIO(naskah.render(order.jenis, order.data, order.layout)))
    body = doc.element.body
    sign = next(t for t in body.iterchildren("{*}tbl") if t.xpath(".//w:pStyle[@w:val='NTtd']"))
    after = [p for p in sign.itersiblings() if p.tag.endswith("}p") and "".join(p.itertext()).strip()]
    assert "".join(after[0].itertext()).startswith("Tembusan")
    copies = [p for p in after if "".join(p.itertext()).strip()][:1 + len(order.data["tembusan"])]
    keeps = [bool(p.xpath("./w:pPr/w:keepNext")) for p in copies]
    assert keeps == [True] * (len(copies) - 1) + [False]
    assert all(p.xpath("./w:pPr/w:keepNext") for p in sign.iter("{*}p"))
    assert all(r.xpath("./w:trPr/w:cantSplit") for r in sign.iter("{*}tr"))
