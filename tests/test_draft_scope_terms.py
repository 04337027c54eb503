"""The batang tubuh against its Lampiran and Pasal 1 (issue 27 item 3), on the written output of ``draft`` for the
example profile and a kota under a Pj. Wali Kota: every scope the Lampiran regulates is one the body lists (as at
least two regions of the model word their lists) or a decision; `check` on draft.docx stays clean."""

from __future__ import annotations

import re

import pytest
from regions import example, moved

from rancang.generate.check import check
from rancang.generate.draft import build as draft
from rancang.generate.shared import profile
from rancang.ingest import ingest_path

PROFILES = {
    "sleman": example("sleman"),
    "kota-pj": moved(example("kota-magelang"), "Tomohon", "Sulawesi Utara",
                     perangkat_daerah=["Sekretariat Daerah", "Inspektorat", "Dinas Kesehatan"],
                     kepala_daerah={"nama": "Yohanis Mandagi", "jabatan": "Pj. Wali Kota"}),
}
KEYS = list(PROFILES)
#: the scopes of pelaksanaan tugas the model's acts name (PermenPAN-RB 7/2022's units and Instansi Pemerintah)
SCOPES = ("unit kerja", "unit organisasi", "perangkat daerah", "instansi pemerintah")


@pytest.fixture(scope="module")
def written(tmp_path_factory, draft_sources) -> dict:
    """key -> (the draft read back from its DOCX, catatan.md, the check report of draft.docx)."""
    out = {}
    for key, data in PROFILES.items():
        d = draft.build(profile.from_dict(data), sources=draft_sources)
        folder = tmp_path_factory.mktemp(key)
        draft.write(d, folder)
        back = ingest_path(folder / "draft.docx")
        out[key] = (back, (folder / "catatan.md").read_text("utf-8"), check(back))
    return out


def _body(reg) -> str:
    return " ".join(n.text for top in reg.body for n in top.walk() if n.text)


@pytest.mark.parametrize("key", KEYS)
def test_every_scope_the_lampiran_regulates_is_in_the_body_or_a_decision(written, key):
    back, notes, _ = written[key]
    body = " ".join(_body(back).split()).lower()
    lampiran = " ".join(" ".join(b.text.split()) for b in back.lampiran if b.text).lower()
    only = {s for s in SCOPES if f"lintas {s}" in lampiran and f"lintas {s}" not in body}
    listed = {s.lower() for s in re.findall(r"\[lingkup-lampiran\]: Lampiran mengatur pelaksanaan tugas lintas "
                                             r"([\w ]+?),", notes)}
    assert only <= listed


@pytest.mark.parametrize("key", KEYS)
def test_the_body_lists_lintas_instansi_pemerintah_as_two_regions_of_the_model_do(written, key):
    """The model's Lampiran sets out penunjukan lintas instansi; Jepara (Pasal 12 ayat (7)) and Pasaman Barat
    (Pasal 9 ayat (2), Pasal 12) list "lintas Instansi Pemerintah" among the scopes of their batang tubuh, so the
    draft's Pasal on pelaksanaan tugas does too, in its place after lintas Unit Organisasi, with the list's own
    conjunction, and catatan.md says where from."""
    back, notes, _ = written[key]
    body = " ".join(_body(back).split())
    assert "dalam Unit Organisasi, lintas Unit Organisasi, dan lintas Instansi Pemerintah" in body
    assert "lintas Unit Organisasi, dan/atau lintas Instansi Pemerintah" in body
    line = next(x for x in notes.splitlines() if "[lingkup-batang-tubuh]" in x)
    assert "Jepara" in line and "Pasaman Barat" in line
    assert "[lingkup-lampiran]: Lampiran mengatur pelaksanaan tugas lintas Instansi Pemerintah" not in notes


@pytest.mark.parametrize("key", KEYS)
def test_check_on_the_docx_is_clean(written, key):
    *_, report = written[key]
    assert [f["code"] + " " + f["cite"] for f in report if f["severity"] in ("error", "warning")] == []
