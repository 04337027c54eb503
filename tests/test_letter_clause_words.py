"""Each letter of a set takes its form from the words of the step it cites (issue 28): Permendagri 1/2023 tells a
surat tugas, a surat perintah and a keputusan apart, and the region's regulation says which one each step issues
("Pimpinan Unit Organisasi selaku pemilik kinerja menerbitkan surat keputusan atau surat tugas", "Pimpinan Unit
Kerja pemohon mengusulkan ... agar ... dapat ditetapkan dalam surat keputusan", "menerima surat penugasan"). A
proposal's label says what the letter is and who sends it, and skenario.md reads as the reader sees it.

The regulation is the Sleman example's own draft (conftest ``sleman_draft``), and variants of it that word a step
otherwise, so that no rule is the example's."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest

from rancang.generate.naskah import scenario as sc
from rancang.generate.naskah.catalogue import get_type

sys.path.insert(0, str(Path(__file__).parent))
from letter_helpers import docx_lines, docx_text, itemized_sleman, peraturan_of  # noqa: E402


@pytest.fixture(scope="module")
def sleman_draft(tmp_path_factory, draft_sources):
    """The Sleman draft whose Lampiran details the penunjukan mechanisms item by item (letter_helpers.ITEMIZED_BASE)."""
    return itemized_sleman(tmp_path_factory, draft_sources)

ASSIGN = {"SURAT TUGAS": "MENUGASKAN:", "SURAT PERINTAH": "MEMERINTAHKAN:"}
#: the words of a step that name each form
NAMES = {"SURAT TUGAS": ("surat tugas", "surat penugasan"), "SURAT PERINTAH": ("surat perintah",)}


def _built(name: str, regulation: Path | None):
    return sc.build(name, sc.scenario_example(name), peraturan=peraturan_of(str(regulation)) if regulation else None)


def _variant(sleman_draft, tmp_path: Path, old: str, new: str) -> Path:
    text = (sleman_draft[1] / "draft.md").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "perbup.md"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _assignment(built):
    return [(s, s.letter) for s in built.steps if s.letter and get_type(s.letter.jenis)["layout"] == "perintah"]


@pytest.mark.parametrize("name", list(sc.scenarios()))
@pytest.mark.parametrize("with_regulation", [True, False])
def test_an_assignment_letter_is_the_form_its_step_names(sleman_draft, name, with_regulation):
    """The surat tugas a step names ("menerbitkan surat keputusan atau surat tugas", "memberikan surat penugasan",
    or "menerima surat penugasan" in the step after one that only says "menugaskan") is printed SURAT TUGAS /
    MENUGASKAN, and a later letter cites it as a Surat Tugas; without a regulation the scenario's own words rule."""
    built = _built(name, sleman_draft[1] / "draft.json" if with_regulation else None)
    files = dict(sc.render_all(built))
    for step, letter in _assignment(built):
        lines = docx_lines(files[letter.filename])
        words = step.teks.lower()
        named = [title for title, cues in NAMES.items() if any(c in words for c in cues)]
        if named:
            title = min(named, key=lambda t: min(words.index(c) for c in NAMES[t] if c in words))
            assert title in lines and ASSIGN[title] in lines, (letter.filename, step.teks)
        else:  # the step only says "menugaskan": the form the procedure's next step names (a surat penugasan)
            assert "SURAT TUGAS" in lines, (letter.filename, step.teks)
        kind = "Surat Tugas" if "SURAT TUGAS" in lines else "Surat Perintah"
        for other, content in files.items():
            if letter.data["nomor"] in docx_text(content) and other != letter.filename:
                body = docx_text(content)
                assert f"{kind} " in body, other
                assert ("Surat Perintah" if kind == "Surat Tugas" else "Surat Tugas") not in body, other


def test_a_regulation_that_says_surat_perintah_gets_a_surat_perintah(sleman_draft, tmp_path):
    path = _variant(sleman_draft, tmp_path, "selaku pemilik kinerja menerbitkan surat keputusan atau surat tugas untuk",
                    "selaku pemilik kinerja menerbitkan surat perintah untuk")
    built = _built("penunjukan-dalam-unit", path)
    files = dict(sc.render_all(built))
    ((step, order),) = _assignment(built)
    assert "menerbitkan surat perintah" in step.teks
    lines = docx_lines(files[order.filename])
    assert "SURAT PERINTAH" in lines and "MEMERINTAHKAN:" in lines and "SURAT TUGAS" not in lines
    # the proposal (its clause names no form) asks for the letter that rests on it; the report cites it as it is
    proposal = docx_text(files[built.letters[0].filename])
    assert "mohon Pejabat Fungsional/Pelaksana dimaksud ditetapkan dalam surat perintah." in proposal
    report = docx_text(files[built.letters[-1].filename])
    assert f"berdasarkan Surat Perintah Kepala Dinas Komunikasi dan Informatika Nomor {order.data['nomor']}" in report


def test_a_proposal_asks_for_the_instrument_its_clause_names(sleman_draft):
    """Lintas unit kerja, huruf c: "Pimpinan Unit Kerja pemohon mengusulkan kepada pimpinan unit organisasi agar
    Pejabat Fungsional atau Pelaksana dimaksud dapat ditetapkan dalam surat keputusan": the proposal asks for a surat
    keputusan; the surat tugas that follows (huruf e allows "surat keputusan atau surat tugas") is listed in
    skenario.md to be changed if the Pimpinan Unit Organisasi sets it by surat keputusan."""
    built = _built("penunjukan-lintas-unit", sleman_draft[1] / "draft.json")
    files = dict(sc.render_all(built))
    (proposal,) = [s for s in built.steps if s.letter and s.letter.jenis == "usulan-pejabat-penilai-kinerja"]
    assert "dapat ditetapkan dalam surat keputusan" in proposal.teks
    body = docx_text(files[proposal.letter.filename])
    assert "mohon Pejabat Fungsional/Pelaksana dimaksud ditetapkan dalam surat keputusan." in body
    ((_, order),) = _assignment(built)
    note = [b for b in built.blanks if b.startswith(proposal.letter.filename)]
    assert note and order.filename in note[0] and "surat keputusan" in note[0] and note[0] in sc.skenario_md(built)


def test_a_proposal_without_a_regulation_asks_for_the_letter_that_follows():
    for name in ("penunjukan-dalam-unit", "penunjukan-lintas-unit", "tim-kerja-dalam-unit"):
        built = _built(name, None)
        files = dict(sc.render_all(built))
        proposals = [x for x in built.letters if x.jenis == "usulan-pejabat-penilai-kinerja"]
        ((_, order),) = _assignment(built)
        title = next(x for x in docx_lines(files[order.filename]) if x in ASSIGN)
        for proposal in proposals:  # one per unit kerja of the team's members
            assert f"ditetapkan dalam {title.lower()}." in docx_text(files[proposal.filename]), name
            # nothing parts from its words (the kode klasifikasi of every number is the data's, listed apart)
            assert not [b for b in built.blanks if proposal.filename in b and not b.startswith("kode klasifikasi")]


@pytest.mark.parametrize("with_regulation", [True, False])
def test_the_proposal_s_label_is_what_its_content_is(sleman_draft, with_regulation):
    """The proposal across units is the requesting Pimpinan Unit Kerja's ("Pimpinan Unit Kerja pemohon
    mengusulkan ..."), not the employee's Pejabat Penilai Kinerja's (her own Pimpinan Unit Kerja): the label in
    skenario.md and the letter's Hal both say what it is, a proposal to assign, from the Pimpinan Unit Kerja."""
    built = _built("penunjukan-lintas-unit", sleman_draft[1] / "draft.json" if with_regulation else None)
    files = dict(sc.render_all(built))
    (letter,) = [x for x in built.letters if x.jenis == "usulan-pejabat-penilai-kinerja"]
    lines = docx_lines(files[letter.filename])
    hal = next(x for x in lines if x.startswith("Hal"))
    label = next(x for x in sc.skenario_md(built).splitlines() if letter.filename in x).split("|")[3]
    assert "Usulan Penugasan" in hal and "usulan penugasan" in label.lower()
    assert "Pejabat Penilai Kinerja" not in label
    assert "Pimpinan Unit Kerja" in label and letter.dari.jabatan == "Kepala Bidang Aplikasi Informatika"
    employee = letter.data["pegawai"][0]
    assert employee["unit"] != "Bidang Aplikasi Informatika"  # the sender is not her own unit's head


def test_skenario_md_escapes_a_bar_only_inside_the_table():
    """"ID|BERKAS" in a paragraph is printed as written; "\\|" only keeps a cell of the table whole."""
    built = _built("penunjukan-dalam-unit", None)
    md = sc.skenario_md(built)
    assert "--peraturan ID|BERKAS" in md
    for line in md.splitlines():
        if not line.startswith("|"):
            assert "\\|" not in line, line
    built.steps[0].teks = "langkah a|b"
    row = next(x for x in sc.skenario_md(built).splitlines() if x.startswith("| 1 |"))
    assert "a\\|b" in row and len(re.findall(r"(?<!\\)\|", row)) == 8  # seven cells, none split


def test_a_dasar_cites_an_employee_s_letter_by_name_with_a_capital():
    """A Dasar item opens with a capital ("Surat ..."), and an employee's own letter (a surat pribadi, no number) is
    cited by its author's name and date ("Saudara ..." addresses a person; it does not name an author): the
    approval of the Pejabat Penilai Kinerja cites it so; the consistency check reads that citation too."""
    from rancang.errors import InputError
    from rancang.generate import naskah
    from rancang.generate.naskah import consistency

    built = _built("pengajuan-sukarela-lintas-unit", None)
    files = dict(sc.render_all(built))
    ((_, order),) = _assignment(built)
    dasar = order.data["dasar"]
    assert all(x[:1].isupper() for x in dasar) and not any("Saudara" in x for x in dasar)
    (approval,) = [x for x in built.letters if x.jenis == "persetujuan-pejabat-penilai-kinerja"]
    cited = approval.data["rujukan"]
    assert cited["dari"].startswith("Rudi Hartanto, S.T., Pranata Komputer Ahli Muda") and "nomor" not in cited
    # the employee's letter cited with a date it does not bear (a day before it was written): refused, naming both
    earlier = dt.date.fromisoformat(cited["tanggal"]) - dt.timedelta(days=1)
    approval.data["rujukan"] = {**cited, "tanggal": earlier.isoformat()}
    files[approval.filename] = naskah.render(approval.jenis, approval.data, approval.layout)
    with pytest.raises(InputError, match=approval.filename):
        consistency.check_set(list(files.items()))
