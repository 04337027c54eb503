"""The tool's own draft, printed to PDF by LibreOffice, reads back to the draft's tree (issue 11, kind 8).

One LibreOffice conversion per test session (``sleman_draft_pdf`` in conftest). What the PDF prints is the draft:
metadata, Menimbang, Mengingat, every BAB, Pasal, ayat, huruf and angka with its text and references, and the
penutup are equal to the draft's own tree; the judul, the diktum and the Lampiran hold the same words in the same
order (where a printed line wraps is the page's layout, not the draft's)."""

from __future__ import annotations

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
