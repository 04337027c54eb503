"""The tool's own draft, printed to PDF by LibreOffice, reads back to the draft's tree (issue 11, kind 8).

One LibreOffice conversion per test session (``sleman_draft_pdf`` in conftest). What the PDF prints is the draft:
metadata, Menimbang, Mengingat, every BAB, Pasal, ayat, huruf and angka with its text and references, and the
penutup are equal to the draft's own tree; the judul, the diktum and the Lampiran hold the same words in the same
order (where a printed line wraps is the page's layout, not the draft's)."""

from __future__ import annotations

import re

from test_lossless import _projection

from rancang.ingest import ingest_path


def _words(lines: list[str]) -> list[str]:
    return " ".join(lines).split()


def test_the_drafts_pdf_reads_back_to_the_drafts_tree(sleman_draft, sleman_draft_pdf):
    d, _ = sleman_draft
    want = d.reg.to_dict()
    got = ingest_path(sleman_draft_pdf).to_dict()
    assert got["meta"] == want["meta"]
    assert [m["text"] for m in got["menimbang"]] == [m["text"] for m in want["menimbang"]]
    assert [m["text"] for m in got["mengingat"]] == [m["text"] for m in want["mengingat"]]
    assert _projection(got)["body"] == _projection(want)["body"]
    assert got["penutup"] == want["penutup"]
    for part in ("preamble", "diktum"):
        assert _words(got[part]) == _words(want[part]), part


def test_the_drafts_lampiran_keeps_every_word_in_order(sleman_draft, sleman_draft_pdf):
    d, _ = sleman_draft
    def words(blocks):
        return _words([" ".join(filter(None, [b.get("label"), b["text"]])) for b in blocks])

    assert words(ingest_path(sleman_draft_pdf).to_dict()["lampiran"]) == words(d.reg.to_dict()["lampiran"])


def _last_lines(pdf) -> list[str]:
    """The last printed line of each page (page numbers "- 2 -" left out), by poppler's pdftotext."""
    import shutil
    import subprocess

    import pytest

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler) tidak terpasang")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    out = []
    for page in text.split("\f"):
        lines = [" ".join(x.split()) for x in page.splitlines()
                 if x.strip() and not re.fullmatch(r"\s*-\s*\d+\s*-\s*", x)]
        if lines:
            out.append(lines[-1])
    return out


def test_no_page_of_the_printed_draft_ends_with_a_heading(sleman_draft, sleman_draft_pdf):
    """Lampiran II / Permendagri 80/2015: a heading stands with its text -- no page ends with a BAB, Bagian or Pasal
    heading, nor with a Lampiran heading item ("2) Tahapan Pelaksanaan"), read on LibreOffice's print."""
    d, _ = sleman_draft
    headings = {" ".join(filter(None, [n.label, n.heading])) for n in d.reg.walk() if n.type in
                ("bab", "bagian", "paragraf")} | {n.label for n in d.reg.walk() if n.type in ("bab", "bagian", "pasal")}
    headings |= {n.heading for n in d.reg.walk() if n.heading}
    headings |= {f"{b.label} {b.text}" for b in d.reg.lampiran if b.type == "item" and b.label
                 and re.fullmatch(r"[^.;:,]+:?", b.text) and len(b.text.split()) <= 10}  # ("1) Tahapan Perencanaan:")
    headings |= {b.text for b in d.reg.lampiran if b.type == "heading"}
    ends = _last_lines(sleman_draft_pdf)
    # (19 pages since the Lampiran carries no other region's units and lists)
    assert len(ends) > 15 and any(re.match(r"\d+[.)] \S", h) for h in headings)  # Lampiran heading items too
    assert [e for e in ends if e in headings] == []


def test_each_signature_block_is_printed_on_one_page(sleman_draft, sleman_draft_pdf):
    """"Ditetapkan di ..." with its date, office and name on one page, and so "Diundangkan di ..." (LibreOffice's
    print read by pdftotext): a name never stands alone on a page, away from its place and date."""
    d, _ = sleman_draft
    pages = _pdf_pages(sleman_draft_pdf)
    lines = d.reg.penutup.lines
    split = next(i for i, x in enumerate(lines) if x.startswith("Diundangkan"))
    for block in (lines[:split], [x for x in lines[split:] if not x.startswith("BERITA DAERAH")]):
        first, name = " ".join(block[0].split()), " ".join(block[-1].split())
        where = [i for i, p in enumerate(pages) if first in p]
        assert where and name in pages[where[0]], (first, name)


def test_the_signature_shares_its_page_with_the_closing_text(sleman_draft, sleman_draft_pdf):
    """The page that prints "Ditetapkan di ..." also prints the closing sentence above it ("Agar setiap orang
    mengetahuinya ..."): a signature block is never alone on a page."""
    d, _ = sleman_draft
    pages = _pdf_pages(sleman_draft_pdf)
    first = " ".join(d.reg.penutup.lines[0].split())
    page = next(p for p in pages if first in p)
    assert "Agar setiap orang mengetahuinya" in page.split(first)[0]


def _pdf_pages(pdf) -> list[str]:  # noqa: ANN001 - the session's PDF path
    """The text of each page of ``pdf`` (pdftotext -layout), its spaces folded; skipped without poppler."""
    import shutil
    import subprocess

    import pytest

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler) tidak terpasang")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(p.split()) for p in text.split("\f")]
