"""The Word diff report says what the text report says (issue 30 item 2): each act's line with where its text
comes from and, for a stored act, its status; identical pairs folded into a count, only the pairs whose wording
differs in the table. And a bundled example says what act it is, not its file's hashed name (item 3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from rancang.cli import cli
from rancang.corpus import report
from rancang.corpus.diff import compare
from rancang.corpus.provenance import provenance
from rancang.corpus.store import Store
from rancang.ingest import ingest_path

LINKS = Path(__file__).parent / "data" / "links"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = Store(tmp_path_factory.mktemp("docx") / "c.sqlite")
    for n in ("base", "ubah1"):
        s.add(ingest_path(LINKS / f"{n}.txt"), id=n)
    yield s
    s.close()


def _docx(rep: dict, path: Path) -> Document:
    return Document(str(report.write(rep, path)))


def test_the_word_report_folds_identical_pairs_into_a_count(store: Store, tmp_path: Path) -> None:
    rep = compare(store.regulation("jepara"), store.regulation("pasaman-barat"), store.topics("jepara"),
                  store.topics("pasaman-barat"), "jepara", "pasaman-barat")
    same, differ = report.fold_same(rep)
    assert same and differ
    doc = _docx(rep, tmp_path / "r.docx")
    texts = [p.text for p in doc.paragraphs]
    assert report.counts(rep) in texts and report.counts(rep) in report.text(rep)
    assert f"{len(rep['pairs'])} pasangan klausul ({len(same)} sama bunyinya)" in report.counts(rep)
    pairs_table = doc.tables[1]
    assert len(pairs_table.rows) == 1 + len(differ)  # the head row, then only the pairs whose wording differs
    cites = {row.cells[0].text.split(":")[0] for row in pairs_table.rows[1:]}
    assert not cites & {p["a"] for p in same}
    listed = next(t for t in texts if t.startswith("Sama bunyinya"))
    assert all(f"Jepara {p['a']} / Pasaman Barat {p['b']}" in listed for p in same)


def test_each_act_heads_the_word_report_with_its_provenance_and_status(store: Store, tmp_path: Path) -> None:
    rep = compare(store.regulation("base"), store.regulation("ubah1"), None, None, "base", "ubah1")
    rep["a"]["status"] = "berlaku, diubah dengan ubah1"
    doc = _docx(rep, tmp_path / "r.docx")
    head = doc.paragraphs[1].text.splitlines()
    assert head == [report.side_line(rep, "a"), report.side_line(rep, "b")]
    assert head[0].endswith("[berkas base.txt (txt)] — status: berlaku, diubah dengan ubah1")
    assert report.text(rep).splitlines()[:2] == head  # the text report heads its sides the same way


def test_the_cli_diff_of_stored_acts_gives_their_status(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    res = CliRunner().invoke(cli, ["diff", "base", "ubah1", "--no-topics", "--db", str(store.path), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "hanya di A" not in res.output and "pasangan klausul" in res.output
    head = Document(str(out)).paragraphs[1].text
    assert "status: berlaku, diubah dengan ubah1" in head


def test_a_bundled_example_says_which_act_it_is_not_its_hashed_file_name(store: Store) -> None:
    words = provenance(store.regulation("bogor"))
    assert words.startswith("contoh bawaan rancang: Peraturan Wali Kota Bogor Nomor 93 Tahun 2022")
    assert "000_" not in words and ".txt" not in words
    shown = CliRunner().invoke(cli, ["corpus", "show", "jepara", "--db", str(store.path)]).output
    assert "contoh bawaan rancang: Peraturan Bupati Jepara Nomor 17 Tahun 2024" in shown and "001_" not in shown


def test_the_example_is_known_by_its_bytes_not_its_name(tmp_path: Path) -> None:
    from rancang import corpus

    seed = corpus.seeds_dir() / corpus.entry("malang")["file"]
    copy = tmp_path / "perbup-malang.txt"
    shutil.copy(seed, copy)
    assert provenance(ingest_path(copy)).startswith("contoh bawaan rancang: Peraturan Bupati Malang Nomor 132")
    impostor = tmp_path / seed.name
    impostor.write_text(seed.read_text(encoding="utf-8").replace("Pasal 1\n", "Pasal 1 \n", 1), encoding="utf-8")
    assert provenance(ingest_path(impostor)) == f"berkas {seed.name} (txt)"


def test_the_topic_table_prints_names_as_written_never_folded(store: Store, tmp_path: Path) -> None:
    rep = compare(store.regulation("jepara"), store.regulation("pasaman-barat"), store.topics("jepara"),
                  store.topics("pasaman-barat"), "jepara", "pasaman-barat")
    text = report.text(rep)
    assert "Jepara saja: Pegawai ASN" in text and "pegawai asn" not in text
    topics = [c.text for row in _docx(rep, tmp_path / "r.docx").tables[0].rows for c in row.cells]
    assert any("Jepara saja: Pegawai ASN" in c for c in topics) and not any("pegawai asn" in c for c in topics)


def test_required_contents_compare_folded_and_print_in_the_acts_words() -> None:
    from rancang.corpus.summary import _compare, contents
    from rancang.ingest import ingest_text

    act = ("PERATURAN BUPATI CONTOH\nNOMOR 1 TAHUN 2025\nTENTANG\nSISTEM KERJA\nBUPATI CONTOH,\nMEMUTUSKAN:\n"
           "Menetapkan : PERATURAN BUPATI TENTANG SISTEM KERJA.\nPasal 1\nLaporan Ketua Tim memuat:\n"
           "a. Capaian Kinerja Tim;\nb. Kendala Pelaksanaan Tugas; dan\nc. tindak lanjut.\n")
    got = contents(ingest_text(act, "a.txt").pasals()[0])
    assert list(got.values()) == ["Capaian Kinerja Tim", "Kendala Pelaksanaan Tugas", "tindak lanjut"]
    other = {"capaian kinerja tim": "capaian kinerja tim"}
    assert _compare(got, other)["only_a"] == ["Kendala Pelaksanaan Tugas", "tindak lanjut"]


def test_mark_status_gives_a_stored_side_its_status_and_a_file_none(store: Store) -> None:
    from rancang.corpus.diff import mark_status

    rep = mark_status(compare(store.regulation("base"), store.regulation("ubah1"), None, None, "base", "ubah1"),
                      store.db, "base", None)
    assert rep["a"]["status"] == "berlaku, diubah dengan ubah1" and "status" not in rep["b"]
