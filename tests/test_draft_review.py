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
    assert "Ekspektasi Kinerja merupakan" not in body  # (a sentence's first word only: "Ekspektasi kinerja")
    assert "Pejabat yang Berwenang" not in body


@pytest.mark.parametrize("key", KEYS)
def test_the_signers_office_is_printed_in_capitals(written, key):
    """The office above the signature is in capitals, its acting mark as the abbreviation it is: "Pj. WALI KOTA
    BITUNG," (DRAFTING P1), never "PJ."; read back, the official is still the Pj."""
    _, _, back, md, _, _ = written[key]
    acting = PROFILES[key]["kepala_daerah"]["jabatan"].startswith("Pj.")
    offices = [line for line in [back.preamble[-1], back.penutup.lines[2]]]
    assert all(o.removeprefix("Pj. ") == o.removeprefix("Pj. ").upper() and o.endswith(",") for o in offices), offices
    assert all(o.startswith("Pj. ") == acting for o in offices)
    assert "PJ. " not in md
    assert back.meta.pejabat.startswith("Pj. ") == acting
    # the Lampiran closes with the same signature, read back as one ("Pj. BUPATI ..." was read as a paragraph)
    assert [(b.type, b.text) for b in back.lampiran[-2:]] == [("signature", offices[0]),
                                                               ("signature", back.penutup.lines[3])]


def _entries(catatan: str, rule: str) -> list[str]:
    return [ln for ln in catatan.splitlines() if f"[{rule}]" in ln]


@pytest.mark.parametrize("key", KEYS)
def test_the_heads_title_is_no_local_term(written, key):
    """"Wali Kota adalah Wali Kota Magelang" defines the head's title, which UU 23/2014 Pasal 59 ayat (2) gives every
    kota: never "istilah-lokal" (a concept only the base region has), though only one act of the corpus is a kota's."""
    _, _, _, _, catatan, _ = written[key]
    assert [e for e in _entries(catatan, "istilah-lokal") if re.search(r"Wali Kota|Bupati", e)] == []


@pytest.mark.parametrize("key", KEYS)
def test_a_definition_is_said_to_follow_a_repealed_act_only_if_it_keeps_its_words(written, key):
    """A "rumusan-dicabut" decision on Pasal 1 says the definition follows the repealed act's wording; a definition
    already worded otherwise ("diberikan penghasilan" where UU 5/2014 said "digaji") is no such decision."""
    from rancang.generate.draft import restated

    _, _, back, _, catatan, _ = written[key]
    pasal1 = back.find("Pasal 1")
    for entry in _entries(catatan, "rumusan-dicabut"):
        m = re.search(r"\*\*Pasal 1 angka (\d+)\*\*.*mengikuti (UU \d+/\d+) (Pasal 1 angka \d+)", entry)
        if not m:
            continue
        item = next(c for c in pasal1.children if c.number == m.group(1))
        repealed = next(e["teks"] for e in restated.load()["ketentuan"]
                        if e["nama"] == m.group(2) and e["pasal"] == m.group(3))
        said = set(item.text.lower().replace(",", " ").replace(".", " ").split())
        assert {w for w in re.findall(r"[a-z]{4,}", repealed.lower())} - said == set(), entry


@pytest.mark.parametrize("key", KEYS)
def test_an_acting_head_is_told_what_a_penjabat_may_not_do(written, key):
    """A Perkada signed by a Pj. is a decision quoting PP 6/2005 as amended by PP 49/2008 Pasal 132A (no mutasi
    pegawai, no policy against the predecessor's, unless the Minister of Home Affairs consents in writing)."""
    _, _, _, _, catatan, _ = written[key]
    acting = PROFILES[key]["kepala_daerah"]["jabatan"].startswith("Pj.")
    notes = _entries(catatan, "penjabat")
    assert bool(notes) == acting
    if acting:
        assert "Pasal 132A" in notes[0] and "mutasi pegawai" in notes[0] and "Menteri Dalam Negeri" in notes[0]


@pytest.mark.parametrize("key", KEYS)
def test_catatan_quotes_whole_words(written, key):
    """A quotation of catatan.md begins and ends on whole words ("... tur di atas" was a word cut in two)."""
    _, _, _, md, catatan, _ = written[key]
    words = set(re.findall(r"[\w/-]+", md))
    for entry in _entries(catatan, "unit-bernama"):
        for quote in re.findall(r"\u201c\.\.\. (\S+)", entry):
            assert quote.strip(",.;:()") in words or not quote[0].isalpha(), (quote, entry[:200])


@pytest.mark.parametrize("key", KEYS)
def test_each_harmonisasi_row_cites_its_basis_or_says_none_is_specific(written, key):
    """A reviewer at the Kanwil reads, for every provision, the Pasal of the higher act it rests on, or that no Pasal
    of it can be named (with the Pasal delegating the matter): never a blank "Pasal ....". """
    _, _, _, _, _, harmonisasi = written[key]
    rows = [ln.split(" | ") for ln in harmonisasi.splitlines() if re.match(r"\| \d+ \| ", ln)]
    assert len(rows) > 50
    assert "Pasal ...." not in harmonisasi
    cited = re.compile(r"\bPasal \d+|tidak ada (?:pasal|ketentuan)")
    vague = [r[1] for r in rows if not cited.search(r[3])]  # ("Instansi Pemerintah", put in from PP 11/2017, too)
    assert vague == []
    assert sum("Pasal 25" in r[3] for r in rows) > len(rows) / 2


@pytest.mark.parametrize("key", KEYS)
def test_the_signature_is_kept_with_two_lines_of_the_text_before_it(written, key):
    """The signature block never stands alone on a page: the paragraphs before "Ditetapkan di" (at least two printed
    lines) are kept with it and whole (the LibreOffice print is read in test_draft_pdf)."""
    import docx

    _, folder, _, _, _, _ = written[key]
    paras = docx.Document(str(folder / "draft.docx")).paragraphs
    at = next(i for i, p in enumerate(paras) if p.text.startswith("Ditetapkan di"))
    kept, chars = [], 0
    for p in reversed(paras[:at]):
        if not p.paragraph_format.keep_with_next:
            break
        if p.text.strip():
            assert p.paragraph_format.keep_together
            kept.append(p.text)
            chars += len(p.text)
    assert kept and chars >= 2 * 80, kept


@pytest.mark.parametrize("key", KEYS)
def test_a_comma_slip_of_one_region_is_not_carried(written, key):
    """The model took Pasal 11 ayat (1) from the act writing "b. pelaksanaan pemantauan, dan pembinaan kinerja";
    the other three regions, like PP 30/2019 Pasal 1 angka 1, write "pelaksanaan, pemantauan, dan pembinaan
    kinerja". The draft writes the majority's commas and keeps the serial comma ("keahlian, dan/atau ...")."""
    _, _, back, _, catatan, _ = written[key]
    items = [n.text for n in back.walk() if "pemantauan" in n.text and "pembinaan kinerja" in n.text]
    assert items and all("pelaksanaan, pemantauan, dan pembinaan" in t for t in items)
    assert "[koma-mayoritas]" in catatan


@pytest.mark.parametrize("key", KEYS)
def test_every_capitalised_term_is_defined_or_written_in_small_letters(written, key):
    """U4 (UU 12/2011 Lampiran II angka 107-109): no capitalised run of the body that Pasal 1 does not define; the
    Lampiran's generic ones ("Pimpinan UPT", "Pejabat Administrasi", "Kelompok Jabatan Fungsional") are written in
    small letters too, and a phrase is written one way wherever it stands ("Unit Kerja mandiri")."""
    from rancang.generate.draft import terms
    from rancang.generate.draft.notes import Notes
    from rancang.generate.shared import resources

    _, _, back, md, catatan, _ = written[key]
    known = resources.compose_rules()["terms_known"] + [back.meta.daerah, back.meta.pejabat.removeprefix("Pj. ")]
    assert terms.undefined(back.body, Notes(), known) == []
    assert "[istilah-tanpa-definisi]" not in catatan
    lampiran = md.split("\nLAMPIRAN", 1)[1]
    for phrase in ("Pimpinan UPT", "Pejabat Administrasi", "Kelompok Jabatan Fungsional", "Unit Kerja Mandiri",
                   "Pejabat yang Berwenang", "Pejabat Pimpinan Tinggi Pratama"):
        assert not re.search(r"[a-z,] " + phrase, md), phrase  # (a sentence's first word keeps its capital)
    forms = {m.group(0) for m in re.finditer(r"\bunit kerja mandiri\b", md, re.IGNORECASE)}
    assert len(forms) <= 1, forms
    assert lampiran


@pytest.mark.parametrize("key", KEYS)
def test_a_series_of_matters_is_joined_with_dan(written, key):
    """"Penjabaran kedudukan, penugasan, pelaksanaan tugas, pertanggungjawaban pelaksanaan tugas sebagaimana
    dimaksud ..." lists four matters with no "dan" before the last (UU 12/2011 Lampiran II): the draft joins them."""
    _, _, back, _, _, _ = written[key]
    series = [n.text for n in back.walk() if re.search(r"\bkedudukan, penugasan, pelaksanaan tugas,", n.text)]
    assert all("pelaksanaan tugas, dan pertanggungjawaban" in t for t in series)


@pytest.mark.parametrize("key", KEYS)
def test_each_bagians_scopes_are_regulated_by_the_lampirans_part_on_its_matter(written, key):
    """Pasal 10 (Bagian "Pelaksanaan Tugas") lists pelaksanaan tugas dalam Unit Organisasi, lintas Unit Organisasi
    and lintas Instansi Pemerintah: Lampiran "C. PELAKSANAAN TUGAS" regulates each (UU 12/2011 Lampiran II angka
    192). Without its lintas Instansi part (as the drafts were), the check names Pasal 10."""
    from rancang.generate.draft import scopes
    from rancang.generate.draft.notes import Notes

    _, _, back, _, _, _ = written[key]
    assert scopes.by_matter(back.body, back.lampiran, Notes()) == []
    blocks = back.lampiran
    at = next(i for i, b in enumerate(blocks) if b.type == "item"
              and (b.text or "").startswith("Pelaksanaan tugas yang bersifat lintas Instansi"))
    end = next((j for j in range(at + 1, len(blocks)) if blocks[j].type == "item"
                and (blocks[j].level or 0) <= (blocks[at].level or 0)), len(blocks))
    notes = Notes()
    found = scopes.by_matter(back.body, blocks[:at] + blocks[end:], notes)
    assert [scope for _, scope in found] == ["instansi pemerintah"] and notes.of("putusan")


@pytest.mark.parametrize("key", KEYS)
def test_the_decisions_name_only_clauses_the_draft_has(written, key):
    """A decision naming "Pasal 10 ayat (1)" where Pasal 10 lost its other ayat (and so its "(1)") points at nothing:
    every clause of the draft a decision or a repair names, in its heading or its words, is in the draft (but for
    the delegation removed as one, which names its old place)."""
    _, _, back, _, catatan, _ = written[key]
    cites = {n.cite for n in back.walk() if n.cite}
    sections = [catatan.split(f"## {s}", 1)[1].split("\n## ", 1)[0] for s in ("Keputusan", "Perbaikan")]
    lines = [ln for s in sections for ln in s.splitlines() if "[delegasi-ganda]" not in ln]  # (a removed clause)
    named = set(re.findall(r"(?<!Tahun \d{4} )\bPasal \d+ ayat \(\d+\)", "\n".join(lines)))
    assert named and named - cites == set()
