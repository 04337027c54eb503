"""What a Kepala Bagian Hukum reading the Sleman draft found still wrong (issue 27, session 7), one test per kind of
defect, on the written output of ``draft`` (draft.md, draft.docx read back, catatan.md) for the example profile
and for a kota headed by a Pj. Wali Kota without perangkat daerah, written here."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from regions import example, moved, write_drafts

from rancang.fold import fold
from rancang.generate.check import check
from rancang.ingest import ingest_path

EXAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "examples"




PROFILES = {
    # a profile that takes the bar on PPPK as Ketua Tim Kerja (one region's rule) as its own policy
    "sleman": {**example("sleman"), "opsi": {"pppk_dapat_menjadi_ketua_tim": False, "mulai_berlaku": None}},
    "kota-pj": moved(example("kota-magelang"), "Bitung", "Sulawesi Utara", perangkat_daerah=[],
                     kepala_daerah={"nama": "Yohanis Mandagi", "jabatan": "Pj. Wali Kota"},
                     opsi={"pppk_dapat_menjadi_ketua_tim": True, "mulai_berlaku": None}),
}
KEYS = list(PROFILES)


@pytest.fixture(scope="module")
def written(tmp_path_factory, draft_sources) -> dict:
    """key -> (Draft, folder, the draft read back from its DOCX, draft.md, catatan.md)."""
    drafts = write_drafts(PROFILES, tmp_path_factory, draft_sources, "jepara")  # a neighbour's act as base
    return {key: (d, folder, ingest_path(folder / "draft.docx"), (folder / "draft.md").read_text("utf-8"),
                  (folder / "catatan.md").read_text("utf-8"))
            for key, (d, folder) in drafts.items()}


def _section(catatan: str, title: str) -> str:
    return catatan.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("key", KEYS)
def test_check_on_the_written_docx_reports_no_galat_and_no_peringatan(written, key):
    _, folder, _, _, _ = written[key]
    assert [f for f in check(ingest_path(folder / "draft.docx")) if f["severity"] != "info"] == []


@pytest.mark.parametrize("key", KEYS)
def test_draft_md_shows_the_lampiran_without_markdown_escapes_and_reads_back_the_same(written, key):
    """A drafter reads draft.md: "BAB I PENDAHULUAN" and "1. Tahapan Perencanaan", never "\\BAB I" or "\\1."."""
    d, folder, back, md, _ = written[key]
    lampiran = md.split("\nLAMPIRAN", 1)[1]
    assert [ln for ln in lampiran.splitlines() if ln.lstrip(" ").startswith("\\")] == []
    assert re.search(r"^BAB I\b", lampiran, re.M) and re.search(r"^ *1\. ", lampiran, re.M)  # (levels indented)
    again = ingest_path(folder / "draft.md")
    assert [(b.type, b.label, b.text) for b in again.lampiran] == [(b.type, b.label, b.text) for b in back.lampiran]


@pytest.mark.parametrize("key", KEYS)
def test_each_signature_block_is_kept_together_in_the_docx(written, key):
    """"Ditetapkan di ..." to the name and "Diundangkan di ..." to the name never break across pages: every line
    of a block but the name is kept with the next (the PDF pages are read in test_draft_pdf)."""
    _, folder, _, _, _ = written[key]
    paras = docx.Document(str(folder / "draft.docx")).paragraphs
    starts = [i for i, p in enumerate(paras) if p.text.startswith(("Ditetapkan di", "Diundangkan di"))]
    assert len(starts) == 2
    for i in starts:
        block = paras[i:i + 4]
        assert [p.paragraph_format.keep_with_next for p in block[:3]] == [True, True, True], block[0].text
        assert block[2].text.endswith(",") and block[3].text.isupper()


def _sentences(text: str) -> list[str]:
    return [fold(s).lower().rstrip(" .:;") for s in re.split(r"(?<=[.:?!])\s+(?=[A-Z0-9(])", " ".join(text.split()))
            if len(s.split()) >= 5]


@pytest.mark.parametrize("key", KEYS)
def test_no_lampiran_paragraph_says_again_what_its_heading_already_said(written, key):
    """No duplicated paragraph: under one heading or item, no paragraph is made of sentences already written
    above it (the base's Lampiran B.2.a carried "Penunjukan dapat dilakukan ... Namun demikian, ..." twice)."""
    _, _, back, _, catatan = written[key]
    said: set[str] = set()
    again = []
    for b in back.lampiran:
        if b.type != "paragraph":
            said = set()
            continue
        mine = _sentences(b.text)
        if mine and all(s in said for s in mine):
            again.append(b.text[:80])
        said |= set(mine)
    assert again == []
    assert "[paragraf-ganda]" in _section(catatan, "Perbaikan atas teks sumber")


@pytest.mark.parametrize("key", KEYS)
def test_an_item_of_a_list_of_headings_has_its_heading_apart(written, key):
    """Lampiran II: headings apart from their text. An item after items that are headings alone ("1. Kedudukan",
    "2. Penugasan") whose text names its own opening words again ("5. Transformasi Manajemen Pelaksanaan ... bentuk
    dari pelaksanaan transformasi manajemen") ran its heading into its text."""
    _, _, back, _, _ = written[key]
    items = [b for b in back.lampiran if b.type == "item"]
    runs = []
    for i, b in enumerate(items):
        before = [o for o in items[:i] if o.label and b.label and o.label[-1] == b.label[-1]
                  and o.label[:-1].isdigit() == b.label[:-1].isdigit()][-3:]
        if len(before) < 2 or any(len(o.text.split()) > 6 or o.text.rstrip()[-1:] in ".:;," for o in before):
            continue
        words = b.text.split()
        if len(words) > 6 and b.text.rstrip()[-1:] == "." and re.search(
                r"\b" + " ".join(words[:2]) + r"\b", " ".join(words[2:]), re.I):
            runs.append(b.text[:60])
    assert runs == []
    assert "Transformasi Manajemen" in [b.text for b in items]


_QUOTE = re.compile(r" — (?:kini: )?\u201c(?P<q>[^\u201d]*)\u201d")


@pytest.mark.parametrize("key", KEYS)
def test_a_decision_quotes_what_the_draft_now_says(written, key):
    """catatan.md: a decision on a clause quotes the clause as the draft has it; when a repair changed it after
    the decision was made, both wordings are shown, labelled "kini" and "semula" (before: a decision on Pasal 6
    ayat (2) quoted "sebagaimana dimaksud pada ayat (1) ... ; dan" which the draft no longer says)."""
    d, _, back, _, catatan = written[key]
    text = " ".join(" ".join([n.text for n in back.walk() if n.text] + [b.text for b in back.lampiran]).split())
    stale = []
    for line in _section(catatan, "Keputusan yang harus diambil penyusun").splitlines():
        m = _QUOTE.search(line)
        if m is None or "\u2192" in m.group("q") or "[model-ketentuan]" in line:
            continue  # (a change "a → b", or a provision of the model the draft lacks: quoted from the model)
        for part in m.group("q").split(" ... "):
            part = part.strip(". ").removeprefix("... ").removesuffix(" ...")
            if len(part.split()) >= 4 and part not in text:
                stale.append(line[:120])
    assert stale == []
    assert any(n.kind == "putusan" and n.now() not in (None, n.before) for n in d.notes.items)
    assert "kini: \u201c" in catatan and "(semula: \u201c" in catatan


def test_a_clause_the_profile_chose_is_no_decision_about_the_base_regions_policy(written):
    """A profile saying PPPK may not lead a Tim Kerja (opsi pppk_dapat_menjadi_ketua_tim: false): the bar in
    the draft is the region's own choice, not "kebijakan daerah asal" to decide; a kota that lets PPPK lead one
    has no such bar."""
    d, _, _, md, _ = written["sleman"]
    # (undefined in Pasal 1, the phrase is written in small letters: term_case)
    assert "pegawai pemerintah dengan perjanjian kerja tidak dapat ditugaskan sebagai ketua tim kerja." in md.lower()
    assert [n for n in d.notes.of("putusan") if n.rule == "kebijakan-lokal" and "Perjanjian Kerja" in n.text] == []
    assert "perjanjian kerja tidak dapat ditugaskan" not in written["kota-pj"][3].lower()


@pytest.mark.parametrize("key", KEYS)
def test_the_current_rpjmn_put_in_for_an_expired_one_is_a_decision(written, key):
    """The base cites the RPJMN 2020-2024 (Perpres 18/2020); the draft puts in Perpres 12/2025 and asks the
    drafter to confirm it: a decision, not a silent repair."""
    d, _, _, md, catatan = written[key]
    assert "Peraturan Presiden Nomor 12 Tahun 2025" in md and "Nomor 18 Tahun 2020" not in md
    assert "[rencana-kedaluwarsa]" in _section(catatan, "Keputusan yang harus diambil penyusun")
    assert "[rencana-kedaluwarsa]" not in _section(catatan, "Perbaikan atas teks sumber")


def _all_text(back) -> str:
    return " ".join(" ".join([n.text for n in back.walk() if n.text] + [b.text for b in back.lampiran]).split())


@pytest.mark.parametrize("key", KEYS)
def test_a_defined_term_is_written_one_way(written, key):
    """UU 12/2011 Lampiran II angka 108: "Pejabat Fungsional dan Pelaksana" where Pasal 1 defines "Pejabat
    Pelaksana" is written "Pejabat Fungsional dan Pejabat Pelaksana"; no defined term in mixed capitals ("unit
    Kerja", "Satuan Kerja/squad"); all small letters is ordinary words and stays."""
    _, _, back, _, catatan = written[key]
    text = _all_text(back)
    p1 = next(p for p in back.pasals() if p.number == "1")
    terms = [m.group(1) for c in p1.children if (m := re.match(r"([A-Z][^,;]{1,60}?)\s+(?:yang\s+selanjutnya|adalah)\b",
                                                                  c.text))]
    assert "Pejabat Pelaksana" in terms
    assert not re.search(r"Pejabat Fungsional,?\s+(?:dan/atau|dan|atau)\s+Pelaksana\b", text)
    mixed = []
    for term in terms:
        pat = r"\s*".join(re.escape(w) if w != "/" else "/" for w in term.split())
        for m in re.finditer(rf"(?<![\w-]){pat}(?![\w-])", text, re.I):
            found = m.group(0)
            tail = text[m.start():m.end() + 40]  # "instansi Pemerintah Daerah": the capitals are another term's
            if any(t != term and (o := re.match(rf"\S+\s+{re.escape(t)}(?![\w-])", tail)) and o.end() > len(found)
                   for t in terms):
                continue
            if found != term and not found.islower() and not found.isupper() and " ".join(found.split()) != term:
                mixed.append(found)
    assert mixed == []
    assert "[istilah-ringkas]" in catatan


def test_one_perangkat_daerah_has_one_name_the_profiles(written):
    """The profile lists "Sekretariat DPRD"; the base's Lampiran says "Sekretariat Dewan": the draft writes the
    profile's name (PP 18/2016 Pasal 5), and keeps the base's where the profile lists no perangkat daerah."""
    d, _, back, _, catatan = written["sleman"]
    assert "Sekretariat DPRD" in PROFILES["sleman"]["perangkat_daerah"]
    assert "Sekretariat Dewan" not in _all_text(back) and "[nama-perangkat]" in catatan
    assert "Sekretariat Dewan" in _all_text(written["kota-pj"][2]) and "[nama-perangkat]" not in written["kota-pj"][4]


@pytest.mark.parametrize("key", KEYS)
def test_a_reference_to_the_matter_of_a_bagian_cites_the_whole_bagian(written, key):
    """"Rincian kedudukan sebagaimana dimaksud dalam Pasal 7 dan Pasal 8 tercantum dalam Lampiran" in the Bagian
    "Kedudukan" that opens with Pasal 6 ("Kedudukan merupakan ..."): the reference cites the Bagian from Pasal 6,
    and the drafter is asked to confirm it."""
    d, _, back, _, catatan = written[key]
    for part in (n for n in back.walk() if n.type == "bagian" and (n.heading or "").lower() == "kedudukan"):
        pasals = [c for c in part.children if c.type == "pasal"]
        opener = pasals[0]
        assert opener.full_text().lower().startswith("kedudukan")
        refs = [p for p in pasals if re.search(r"Rincian kedudukan sebagaimana dimaksud dalam Pasal", p.full_text())]
        assert refs and f"dalam Pasal {opener.number} sampai dengan" in refs[0].full_text()
    assert "[rujukan-bagian]" in _section(catatan, "Keputusan yang harus diambil penyusun")


@pytest.mark.parametrize("key", KEYS)
def test_an_item_whose_text_gives_its_work_another_items_scope_is_a_decision(written, key):
    """Lampiran B angka 3: "b. Pelaksanaan tugas yang bersifat lintas Unit Kerja dalam satu Unit Organisasi" whose
    text says "Tim Kerja lintas unit organisasi" and "melaksanakan tugas lintas unit organisasi" (copied from c.),
    and d. (lintas Instansi Pemerintah) saying "Pelaksanaan tugas lintas unit organisasi": each item is listed."""
    d, _, _, _, catatan = written[key]
    decided = _section(catatan, "Keputusan yang harus diambil penyusun")
    blocks = d.reg.lampiran
    heads = [i for i, b in enumerate(blocks) if b.type == "item"
             and re.fullmatch(r"Pelaksanaan tugas yang bersifat lintas (Unit Kerja|Instansi Pemerintah)\b.*", b.text)]
    assert len(heads) == 2
    for i in heads:
        scope = re.search(r"lintas ((?:\w+ )?\w+)", blocks[i].text).group(1)
        under = []
        for b in blocks[i + 1:]:
            if b.type == "item" and b.label and b.label[-1] == "." and b.label[:-1].isalpha():
                break
            first = re.search(r"\b(?:tugas|Tim Kerja) lintas (unit kerja|unit organisasi|instansi pemerintah)",
                              b.text, re.I)
            if first and first.group(1).lower() != scope.lower():
                under.append(b)
        assert under and f"**{blocks[i].cite}** [lingkup-butir]" in decided, (key, blocks[i].cite)


@pytest.mark.parametrize("key", KEYS)
def test_the_base_regions_organisation_in_the_lampiran_is_a_decision(written, key):
    """The base's peta jabatan ("Unit Organisasi ... yang dipimpin oleh ...", RSUD, a DPMPTSP with its koordinator
    substansi) and its "Satuan Kerja / Squad" with a maximum per unit are that region's policy: the list and the
    squad part are decisions, and a Dinas the profile does not have is named."""
    d, _, _, md, catatan = written[key]
    decided = _section(catatan, "Keputusan yang harus diambil penyusun")
    kinds = [b for b in d.reg.lampiran if b.type == "item" and re.search(r"dipimpin oleh|sebagai Pimpinan Unit "
                                                                         r"Organisasi", b.text)]
    assert len(kinds) >= 2
    assert f"**{kinds[0].cite}** [peta-jabatan]" in decided
    if "Dinas Penanaman Modal" in md and PROFILES[key]["perangkat_daerah"]:
        assert "tidak ada dalam profil: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu" in decided
    squad = [b for b in d.reg.lampiran if b.type == "item" and re.fullmatch(r"Satuan Kerja\s*/\s*Squad", b.text)]
    assert squad and f"**{squad[0].cite}** [istilah-lokal]" in decided
