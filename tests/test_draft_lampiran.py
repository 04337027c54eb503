"""The Lampiran of a draft composed from the model Perbup (issue 27 items 1, 3 and 4), one test per kind of defect,
on the written output of ``draft`` (draft.md, draft.docx and what the DOCX reads back as, catatan.md) for the example
profile and for profiles written here for other regions: a kota headed by a Pj. Wali Kota with perangkat daerah of
its own, and a kabupaten whose profile lists none.

A region's structure (its Dinas, Badan, UPTD and which of them have which levels) is a fact about that region: the
draft takes it from the profile or leaves a blank listed in catatan.md, never from the act it was composed from."""

from __future__ import annotations

import re

import docx
import pytest
from regions import example, moved

from rancang.fold import fold
from rancang.generate.check import check
from rancang.generate.draft import build as draft
from rancang.generate.draft import lampiran
from rancang.generate.draft.lampiran import style_rank
from rancang.generate.shared import profile
from rancang.ingest import ingest_path

PROFILES = {
    "sleman": example("sleman"),
    "kota-pj": moved(example("kota-magelang"), "Tomohon", "Sulawesi Utara",
                     perangkat_daerah=["Sekretariat Daerah", "Inspektorat", "Dinas Pendidikan dan Kebudayaan",
                                       "Dinas Kesehatan", "Badan Keuangan Daerah"],
                     kepala_daerah={"nama": "Yohanis Mandagi", "jabatan": "Pj. Wali Kota"}),
    "kabupaten-tanpa-pd": moved(example("sleman"), "Banjarnegara", "Jawa Tengah", perangkat_daerah=[]),
}
KEYS = list(PROFILES)


@pytest.fixture(scope="module")
def written(tmp_path_factory, draft_sources) -> dict:
    """key -> (profile data, Draft, folder, the Lampiran read back from the DOCX, the Lampiran of draft.md,
    catatan.md)."""
    out = {}
    for key, data in PROFILES.items():
        d = draft.build(profile.from_dict(data), sources=draft_sources)
        folder = tmp_path_factory.mktemp(key)
        draft.write(d, folder)
        md = (folder / "draft.md").read_text("utf-8")
        out[key] = (data, d, folder, ingest_path(folder / "draft.docx").lampiran, md[md.index("LAMPIRAN :"):],
                    (folder / "catatan.md").read_text("utf-8"))
    return out


#: a proper name of a unit: Dinas, Badan or UPTD and the capitalised words of its name
_UNIT = re.compile(r"\b(?:Dinas|Badan|UPTD|UPT)(?:[ ](?:dan[ ])?[A-Z][a-z]+,?)+")
#: words after "Dinas"/"Badan" that name no one region's unit ("Dinas Daerah", "Badan dan Kecamatan")
_GENERIC = {"Daerah", "Dinas", "Badan", "Kecamatan", "Kelurahan", "Sekretariat", "Inspektorat"}


@pytest.mark.parametrize("key", KEYS)
def test_the_lampiran_names_no_unit_the_profile_does_not_list(written, key):
    """No Dinas, Badan or UPTD of the act the draft was composed from: the profile's or none."""
    data, *_, lampiran_md, _ = written[key]
    listed = {fold(n) for n in data.get("perangkat_daerah") or []}
    foreign = set()
    for m in _UNIT.finditer(lampiran_md):
        name = m.group(0).rstrip(",")
        if set(name.split()[1:]) - _GENERIC - {"dan"} and fold(name) not in listed:
            foreign.add(name)
    assert foreign == set()


@pytest.mark.parametrize("key", KEYS)
def test_no_sentence_points_at_a_chart_the_draft_lacks(written, key):
    """"Pada struktur di atas", "Struktur organisasi di atas merupakan penggambaran bagi ..." point at the source's
    organisation charts, which a draft does not carry."""
    *_, lampiran_md, _ = written[key]
    assert re.findall(r"\b(?:struktur|bagan|gambar|skema)\b[^.]{0,40}\bdi\s*atas\b", lampiran_md, re.I) == []


@pytest.mark.parametrize("key", KEYS)
def test_a_list_announced_is_a_list_that_follows(written, key):
    """"... sebagai berikut:" is followed by the items it announces, never by nothing or by the next part."""
    *_, back, _, _ = written[key]
    bare = [b.text[-80:] for b, nxt in zip(back, back[1:], strict=False)
            if re.search(r"(?:sebagai\s+berikut|yaitu|meliputi|terdiri\s+atas|adalah)\s*:$", b.text or "")
            and nxt.type != "item"]
    assert bare == []


@pytest.mark.parametrize("key", KEYS)
def test_every_list_is_numbered_in_sequence_and_in_the_order_of_levels(written, key):
    """Read back from the DOCX: within each list the items run 1, 2, 3 (a, b, c) with no gap, and a list under an
    item takes the style one below its parent's (A. -> 1. -> a. -> 1) -> a) -> (1) -> (a)): no "a." under "1)"."""
    *_, back, _, _ = written[key]
    wrong = []
    open_: dict[int, tuple[int, int]] = {}  # level -> (style rank, count)
    for b in back:
        if b.type == "heading":
            open_ = {}
        if b.type != "item" or style_rank(b.label) is None:
            continue
        rank = style_rank(b.label)
        open_ = {lv: v for lv, v in open_.items() if lv <= b.level}
        parent = max((lv for lv in open_ if lv < b.level), default=None)
        if parent is not None and rank != min(open_[parent][0] + 1, 6):
            wrong.append(f"{b.label} under {open_[parent][0]}: {b.text[:40]}")
        count = open_[b.level][1] + 1 if b.level in open_ and open_[b.level][0] == rank else 1
        number = re.sub(r"[().]", "", b.label)
        value = int(number) if number.isdigit() else ord(number.lower()) - 96
        if value not in (count, 1):
            wrong.append(f"{b.label} after {count - 1}: {b.text[:40]}")
        open_[b.level] = (rank, value)
    assert wrong == []


@pytest.mark.parametrize("key", KEYS)
def test_each_list_level_has_its_own_indentation_in_the_docx(written, key):
    """Every level of the Lampiran's lists is printed further in than the one above it: the paragraph style of an
    item at level n (R Daftar n) is indented more than that of level n - 1, and every level the text has is used."""
    _, _, folder, back, _, _ = written[key]
    doc = docx.Document(str(folder / "draft.docx"))
    indent = {}
    for p in doc.paragraphs:
        name = p.style.name if p.style is not None else ""
        if name.startswith("R Daftar ") and "\t" in p.text:
            indent[int(name.split()[-1])] = p.style.paragraph_format.left_indent
    levels = sorted(indent)
    assert levels == list(range(1, max(b.level for b in back if b.type == "item") + 1))
    assert all(indent[a] < indent[b] for a, b in zip(levels, levels[1:], strict=False))


def test_a_heading_item_is_kept_with_its_text_and_printed_bold(written):
    """A Lampiran sub-heading ("1) Tahapan Perencanaan:") never ends a page and is printed bold."""
    folder = written["sleman"][2]
    doc = docx.Document(str(folder / "draft.docx"))
    heads = [p for p in doc.paragraphs if p.style is not None and p.style.name.startswith("R Daftar ")
             and p.text.split("\t")[-1] in ("Tahapan Perencanaan:", "KEDUDUKAN", "PENUGASAN")]
    assert heads
    assert all(p.paragraph_format.keep_with_next and all(r.bold for r in p.runs if r.text.strip()) for p in heads)


@pytest.mark.parametrize("key", KEYS)
def test_check_on_the_written_docx_finds_nothing(written, key):
    """`rancang check draft.docx`: 0 errors and 0 warnings."""
    folder = written[key][2]
    found = [f["code"] + " " + f["cite"] for f in check(ingest_path(folder / "draft.docx"))
             if f["severity"] in ("error", "warning")]
    assert found == []


@pytest.mark.parametrize("key", KEYS)
def test_the_regions_lists_of_units_are_blanks_listed_in_catatan(written, key):
    """The source's list of units with a level (its own Dinas, its UPTD) is a blank, each listed among what must
    be filled, naming the profile's perangkat daerah when it has them."""
    data, *_, catatan = written[key]
    section = catatan.split("## Yang masih harus diisi", 1)[1].split("\n## ", 1)[0]
    lines = [ln for ln in section.splitlines() if "[struktur-daerah]" in ln]
    assert lines
    for name in data.get("perangkat_daerah") or []:
        assert name in lines[0]
    if not data.get("perangkat_daerah"):
        assert "Profil tidak memuat perangkat daerah" in lines[0]


def test_options_are_one_decision_per_part_not_per_item(written):
    """A part of the Lampiran only one region has is one decision, not one per list item: no two model-opsi
    decisions on the Lampiran quote the same region's same part."""
    catatan = written["sleman"][-1]
    parts = re.findall(r"\[model-opsi\]: bagian Lampiran (Peraturan [^(]+) \((Lampiran[^,)]*)", catatan)
    assert parts and len(parts) == len(set(parts))


@pytest.mark.parametrize("key", KEYS)
def test_no_heading_runs_into_its_text(written, key):
    """An item that is a heading stands apart from its text (Lampiran II): none of the signs of a heading run into
    a sentence is left in the draft read back -- the heading repeated ("Kedudukan Kedudukan merupakan ..."), the
    sentence restating it ("Mekanisme penunjukan yang bersifat lintas unit organisasi penunjukan ... yang bersifat
    lintas unit organisasi dilakukan ..."), the list's items all running the same words after their headings
    ("Penunjukan Cara penugasan ...", "Pengajuan sukarela (voluntary) Cara penugasan ...")."""
    *_, back, _, _ = written[key]
    run_in = []
    for i, b in enumerate(back):
        if b.type != "item" or not b.text:
            continue
        others = [s.text for s in lampiran.siblings(back, i) if not lampiran._is_heading(s.text)]
        if lampiran.split_heading(b.text) or lampiran.split_by_restated(b.text) \
                or lampiran.split_by_common(b.text, others):
            run_in.append(f"{b.label} {b.text[:60]}")
    assert run_in == []


def test_a_provinsi_has_no_kecamatan_in_its_lampiran(draft_sources):
    """A provinsi's perangkat daerah have no kecamatan (PP 18/2016 Pasal 5 ayat (1)) and so no kelurahan (perangkat
    kecamatan, PP 17/2018 Pasal 1 angka 2): the source's parts on them are not carried into a Pergub."""
    data = example("sleman")
    data["daerah"] = {"nama": "Jawa Tengah", "jenis": "provinsi"}
    data.pop("provinsi", None)
    data["ibu_kota"] = "Semarang"
    data["kepala_daerah"] = {"nama": "Sri Lestari", "jabatan": "Gubernur"}
    data["perangkat_daerah"] = []
    data["dasar_hukum_daerah"] = [{"jenis": "Peraturan Daerah Provinsi Jawa Tengah", "nomor": "9", "tahun": 2016,
                                   "tentang": "Pembentukan dan Susunan Perangkat Daerah", "lembaran": None}]
    d = draft.build(profile.from_dict(data), sources=draft_sources)
    text = " ".join(b.text for b in d.reg.lampiran)
    assert re.findall(r"\b(?:Kecamatan|Kelurahan)\b", text) == []
    assert any(b.type == "item" and b.text == "...." for b in d.reg.lampiran)  # the kinds left blank, listed


@pytest.mark.parametrize("base", ["jepara", "malang", "pasaman-barat"])
def test_a_neighbours_lampiran_carries_none_of_its_units(draft_sources, base):
    """From a neighbour's act (``--base``), too, the Lampiran names no Dinas, Badan or UPTD of that region and
    points at none of its charts: its structure is a blank for a region whose profile lists no perangkat daerah."""
    data = PROFILES["kabupaten-tanpa-pd"]
    d = draft.build(profile.from_dict(data), base, sources=draft_sources)
    text = "\n".join(b.text for b in d.reg.lampiran)
    foreign = {m.group(0).rstrip(",") for m in _UNIT.finditer(text)
               if set(m.group(0).rstrip(",").split()[1:]) - _GENERIC - {"dan"}}
    assert foreign == set()
    assert re.findall(r"\b(?:struktur|bagan|gambar|skema)\b[^.]{0,40}\bdi\s*atas\b", text, re.I) == []


@pytest.mark.parametrize("key", KEYS)
def test_draft_md_indents_each_level_and_reads_back_the_same(written, key):
    """draft.md prints the Lampiran as the DOCX does: an item two spaces a level below the first, a paragraph as
    the text of the item before it; reading draft.md back gives the draft's Lampiran, block for block."""
    _, d, folder, _, lampiran_md, _ = written[key]
    items = {f"{b.label} {b.text}": b.level for b in d.reg.lampiran if b.label}
    lines = [ln for ln in lampiran_md.split("\n\n") if ln.strip() in items]
    assert lines and all(len(ln) - len(ln.lstrip(" ")) == 2 * (items[ln.strip()] - 1) for ln in lines)
    assert max(items.values()) >= 5
    back = ingest_path(folder / "draft.md").lampiran
    assert [(b.type, b.label, b.level, b.text) for b in back] == \
        [(b.type, b.label, b.level, b.text) for b in d.reg.lampiran]
