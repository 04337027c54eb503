"""What a Kepala Bagian Hukum reading a draft end to end would send back (issue 27), tested on the draft as
written (read back from its DOCX) for the example profiles and for other regions: kabupaten and kota, Bupati and
Pj. Wali Kota, with and without perangkat daerah in the profile. One test per kind of defect."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from regions import moved

from rancang.generate import draft, profile
from rancang.ingest import ingest_path

EXAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "examples"


def _data(name: str) -> dict:
    return yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


PROFILES = {
    "sleman": _data("sleman"),
    "kota-magelang": _data("kota-magelang"),
    "lumajang": moved(_data("sleman"), "Lumajang", "Jawa Timur", perangkat_daerah=[]),
    "kendari": moved(_data("kota-magelang"), "Kendari", "Sulawesi Tenggara",
                     kepala_daerah={"nama": "Rahmat Hidayat", "jabatan": "Pj. Wali Kota"}),
}


@pytest.fixture(scope="module")
def written(tmp_path_factory, draft_sources) -> dict:
    """key -> (Draft, folder, the draft read back from its DOCX, catatan.md)."""
    out = {}
    for key, data in PROFILES.items():
        d = draft.build(profile.from_dict(data), sources=draft_sources)
        folder = tmp_path_factory.mktemp(key)
        draft.write(d, folder)
        out[key] = (d, folder, ingest_path(folder / "draft.docx"), (folder / "catatan.md").read_text("utf-8"))
    return out


KEYS = list(PROFILES)

#: a list label of the Lampiran: "A.", "1.", "a.", "1)", "a)", "(1)", "(a)" (Lampiran II angka 64-65)
_LABEL = re.compile(r"^(?:[A-Z]\.|\d+\.|[a-z]\.|\d+\)|[a-z]\)|\(\d+\)|\([a-z]\))$")


@pytest.mark.parametrize("key", KEYS)
def test_lampiran_headings_stand_apart_from_their_text(written, key):
    """A list whose other items are headings alone ("1) Tahapan Perencanaan", "2) Tahapan Pelaksanaan") never has
    an item that runs its heading into a sentence ("3) Tahapan Evaluasi Pejabat Administrator meninjau ...")."""
    _, _, back, _ = written[key]
    items = [b for b in back.lampiran if b.type == "item" and b.label and _LABEL.match(b.label)]
    assert items
    runs = []
    for b in items:
        first = b.text.split()[0].lower() if b.text else ""
        same = [o for o in items if o is not b and o.label[-1] == b.label[-1] and o.text.split()[:1]
                and o.text.split()[0].lower() == first]
        headings = [o for o in same if len(o.text.split()) <= 3 and o.text.rstrip()[-1:] not in ".:;,"]
        if len(headings) >= 2 and len(b.text.split()) > 6 and b.text.rstrip()[-1:] == ".":
            runs.append(b.text[:60])
    assert not runs, runs
    evaluasi = [b.text for b in items if b.text.startswith("Tahapan Evaluasi")]
    assert evaluasi and set(evaluasi) == {"Tahapan Evaluasi"}
