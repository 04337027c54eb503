"""The knowledge base of acts (rancang.kb), built from a small sample of the national collection copied into
tests/data/kb (PP 18/2016 excerpt, PP 72/2019, UU 9/2015, PP 28/2016, BPK metadata of UU 23/2014 and UU 9/2015)
and the bundled regional texts: facts with their sources, conflicts kept, and `check` naming the evidence."""

from __future__ import annotations

import json
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from rancang import corpus
from rancang.cli import cli
from rancang.generate.check import check
from rancang.ingest import ingest_text
from rancang.kb import build as build_module
from rancang.kb import store
from rancang.kb.build import build
from rancang.web import reader

SAMPLE = Path(__file__).parent / "data" / "kb" / "national"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[store.KnowledgeBase, dict]:
    out = tmp_path_factory.mktemp("kb")
    record = build(SAMPLE, out / "acts.jsonl.gz", out / "build.json", out / "obs.jsonl.gz", jobs=1)
    return store.read(out / "acts.jsonl.gz", out / "build.json"), record


@pytest.fixture()
def sample_kb(built, monkeypatch) -> store.KnowledgeBase:
    base, _ = built
    monkeypatch.setattr(store, "load", lambda: base)
    return base


def test_pp_18_2016_tln_is_5887_from_its_own_text_and_a_citing_act_the_seed_typo_kept_as_dissent(built):
    base, _ = built
    tln = base.fact("pp-2016-18", "tln")
    assert (tln["value"], tln["status"]) == (5887, "verified")
    assert set(tln["sources"]) == {"naskah:pp-2016-18", "pp-2019-72"}
    assert tln["others"] == [{"value": 5888, "count": 1, "sources": ["peraturan-bupati-jepara-2024-17"]}]
    assert base.fact("pp-2016-18", "ln")["value"] == [2016, 114]


def test_metadata_and_citations_agree_on_uu_23_2014_and_its_amendment(built):
    base, _ = built
    ln = base.fact("uu-2014-23", "ln")
    assert ln["value"] == [2014, 244] and ln["metadata"] and ln["status"] == "verified"
    assert "bpk:uu-2014-23" in ln["sources"] and "pp-2019-72" in ln["sources"]
    amended = {r["act"]: r for r in base.get("uu-2014-23")["amended_by"]}
    assert amended["uu-2015-9"]["status"] == "verified"
    assert {"bpk:uu-2014-23", "naskah:uu-2015-9", "pp-2019-72"} <= set(amended["uu-2015-9"]["sources"])


def test_one_citation_is_a_claim_not_a_fact(built):
    """PermenPAN-RB 7/2022 is outside the national data: the bundled regional texts that cite it give its BN."""
    base, _ = built
    bn = base.fact("permenpanrb-2022-7", "bn")
    assert bn["value"] == [2022, 181] and bn["agree"] >= 2 and bn["status"] == "verified"
    pp72_ln = base.fact("pp-2019-72", "ln")
    assert pp72_ln["status"] in ("verified", "unverified")  # its own text, and the Jepara seed


def test_build_reports_refusals_with_their_sentence_no_internal_error_and_its_sources(built, tmp_path):
    _, record = built
    reading = record["reading"]
    assert reading["errors"] == []
    # PP 28/2016 prints its BAB and Pasal headings run into the lines of its text: read since the reader splits
    # them off by the numbering sequence (ingest/headings/run_in.py), so the sample refuses nothing
    assert reading["refused"] == []
    # a text of the collection that is not an act is refused with the reader's sentence, and the build goes on
    shutil.copytree(SAMPLE, tmp_path / "national")
    (tmp_path / "national" / "data-peraturan" / "pp" / "2016" / "99.md").write_text(
        "Daftar isi lampiran tanpa satu pun ketentuan.\n", encoding="utf-8")
    other = build(tmp_path / "national", tmp_path / "a.jsonl.gz", tmp_path / "b.json", tmp_path / "o.jsonl.gz", jobs=1)
    assert [r["file"] for r in other["reading"]["refused"]] == ["pp/2016/99.md"]
    assert "Pasal" in other["reading"]["refused"][0]["sentence"] and other["reading"]["errors"] == []
    repos = {s["repo"]: s["commit"] for s in record["sources"]}
    assert repos["mblonyox/data-peraturan"].startswith("c87e6167")
    assert record["pasal"]["uu_read"] == 1  # UU 9/2015, listed by BPK


TEXT = (Path(__file__).parent / "data" / "check_clean.md").read_text(encoding="utf-8")
PP18 = ("Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah (Lembaran Negara Republik Indonesia Tahun "
        "2016 Nomor 114, Tambahan Lembaran Negara Republik Indonesia Nomor {tln})")


def _with_pp18(tln: int) -> str:
    return TEXT.replace("6. Peraturan Menteri", "6. " + PP18.format(tln=tln) + ";\n\n7. Peraturan Menteri").replace(
        "7. Peraturan Daerah", "8. Peraturan Daerah")


def test_check_is_silent_on_the_right_number_and_names_the_sources_of_a_wrong_one(sample_kb):
    right = [f for f in check(ingest_text(_with_pp18(5887), "uji.md")) if f["rule"].startswith("L3")]
    assert right == []
    wrong = [f for f in check(ingest_text(_with_pp18(5888), "uji.md")) if f["rule"].startswith("L3")]
    assert [(f["rule"], f["severity"]) for f in wrong] == [("L3", "error")]
    assert "tertulis Nomor 5888" in wrong[0]["message"] and "seharusnya Nomor 5887" in wrong[0]["message"]
    assert "naskah PP 18/2016 sendiri" in wrong[0]["message"] and "PP 72/2019" in wrong[0]["message"]
    assert "Peraturan Bupati Jepara" in wrong[0]["message"]  # the one text that also writes 5888


def test_a_text_is_never_evidence_for_itself(sample_kb):
    """The Jepara seed is one of the sources; checked, its own 5888 is left out and the fact stays verified."""
    found = [f for f in check(corpus.load("jepara")) if f["rule"].startswith("L3")]
    assert [(f["rule"], f["cite"]) for f in found] == [("L3", "Mengingat angka 6")]


def test_a_wrong_year_and_number_of_a_verified_lembaran_negara_is_an_error(sample_kb):
    text = _with_pp18(5887).replace("Tahun 2016 Nomor 114", "Tahun 2016 Nomor 115")
    found = [f for f in check(ingest_text(text, "uji.md")) if f["rule"].startswith("L3")]
    assert [(f["rule"], f["severity"]) for f in found] == [("L3", "error")]
    assert "Tahun 2016 Nomor 114" in found[0]["message"]


UU5 = ("Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara (Lembaran Negara Republik Indonesia Tahun 2014 "
       "Nomor {ln}, Tambahan Lembaran Negara Republik Indonesia Nomor 5494)")


def test_a_fact_with_one_source_gives_at_most_an_info(sample_kb):
    """In the sample, UU 5/2014's LN (2014 Nomor 6) has one source, the Bogor seed: a different number is an
    INFO that names that one source, never an error."""
    uu20 = TEXT[TEXT.index("Undang-Undang Nomor 20 Tahun 2023"):TEXT.index("Nomor 6897)") + len("Nomor 6897)")]
    text = TEXT.replace(uu20, UU5.format(ln=7))
    found = [f for f in check(ingest_text(text, "uji.md")) if f["rule"].startswith("L3")]
    assert [(f["rule"], f["severity"]) for f in found] == [("L3_info", "info")]
    assert "Peraturan Wali Kota Bogor" in found[0]["message"]
    assert not [f for f in check(ingest_text(TEXT.replace(uu20, UU5.format(ln=6)), "uji.md"))
                if f["rule"].startswith("L3")]


def test_kb_show_and_cari(sample_kb):
    runner = CliRunner()
    shown = runner.invoke(cli, ["kb", "show", "PP 18/2016"])
    assert shown.exit_code == 0, shown.output
    assert "Tambahan Lembaran Negara: Nomor 5887" in shown.output and "5888" in shown.output
    as_json = json.loads(runner.invoke(cli, ["kb", "show", "pp-2016-18", "--json"]).output)
    assert as_json["facts"]["tln"]["value"] == 5887
    found = runner.invoke(cli, ["kb", "cari", "perangkat", "daerah", "--json"])
    assert "pp-2016-18" in [r["key"] for r in json.loads(found.output)]
    missing = runner.invoke(cli, ["kb", "show", "PP 999/2016"])
    assert missing.exit_code != 0 and "tidak ada dalam basis pengetahuan" in missing.output
    bad = runner.invoke(cli, ["kb", "show", "apa saja"])
    assert bad.exit_code != 0 and "Traceback" not in bad.output


def test_the_reader_shows_the_knowledge_base_beside_each_mengingat_entry(sample_kb):
    view = reader.view(corpus.load("jepara"))
    shown = [act for entry in view.dasar for act in entry]
    pp18 = next(a for a in shown if a["key"] == "pp-2016-18")
    assert "TLN 5887 (terverifikasi, 2 sumber, 1 berbeda)" in pp18["facts"]
    assert len(view.dasar) == len(view.reg.mengingat)


def test_build_over_a_process_pool_when_dask_is_absent(tmp_path, monkeypatch, built):
    """Without Dask (a plain install) the texts are read by worker processes; the knowledge base is the same."""
    @contextmanager
    def no_dask(jobs, scheduler):
        yield None

    monkeypatch.setattr(build_module, "_client", no_dask)
    seen: list[int] = []
    build(SAMPLE, tmp_path / "a.gz", tmp_path / "b.json", tmp_path / "o.gz", jobs=2, progress=seen.append)
    assert len(seen) == 8  # four national texts, four bundled regional texts: one tick each
    assert store.read(tmp_path / "a.gz").acts == built[0].acts


@pytest.mark.parametrize(("where", "n"), [(w, n) for w in ("create", "flush", "rename") for n in range(2)])
def test_a_knowledge_base_written_over_an_older_one_stays_whole_after_a_failure_at_any_write(tmp_path, monkeypatch,
                                                                                           where, n):
    """acts.jsonl.gz and build.json are one set written through rancang.atomic: a full disk at any write leaves
    the old pair byte for byte and no temporary file (issue 32 item 1)."""
    import errno
    import os
    import tempfile

    from rancang.errors import OutputError

    acts, built = tmp_path / "acts.jsonl.gz", tmp_path / "build.json"
    store.write([{"key": "pp-2016-18", "facts": {}}], {"acts": 1}, acts, built)
    old = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    owner, name = {"create": (tempfile, "mkstemp"), "flush": (os, "fsync"), "rename": (os, "replace")}[where]
    real, calls = getattr(owner, name), []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) - 1 == n:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, failing)
    with pytest.raises(OutputError, match=r"(acts\.jsonl\.gz|build\.json): tidak dapat ditulis \(ruang disk habis\)"):
        store.write([{"key": "pp-2019-72", "facts": {}}], {"acts": 2}, acts, built)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old


def test_the_observations_of_a_build_and_their_figures_are_one_set_written_whole(tmp_path, monkeypatch):
    """An error while reading (here: the reader's worker breaks) leaves the observations of the last build whole
    and no temporary file."""
    obs = tmp_path / "obs.jsonl.gz"
    figures = build_module.observe_all([], obs, jobs=1)
    assert figures["files"] == 0 and obs.exists() and build_module.figures_path(obs).exists()
    old = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(item):
        raise RuntimeError("putus")

    monkeypatch.setattr(build_module, "observe_item", broken)
    with pytest.raises(RuntimeError):
        build_module.observe_all([(str(SAMPLE / "data-peraturan" / "pp" / "2016" / "18.md"), "pp/2016/18.md")], obs,
                                 jobs=1)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old


def test_a_bpk_record_about_another_act_is_a_witness_not_a_record(built):
    """BPK files "Perhitungan Anggaran Negara Tahun Anggaran 1987/1988" (LN 41, TLN 3416) as UU 3/1991, whose own
    text is "Tambahan dan Perubahan atas APBN Tahun Anggaran 1990/1991": against PP 51/1991's LN 56, TLN 3449 the
    fact is disputed, and without PP 51/1991 (checking it) only an INFO, never a GALAT on another act's numbers."""
    from rancang.kb.compile import compile_acts
    from rancang.kb.judge import without

    obs = [{"file": "uu/1991/3.md", "self": {"key": "uu-1991-3", "jenis": "Undang-Undang", "nomor": "3", "tahun": 1991,
                                             "tentang": "TAMBAHAN DAN PERUBAHAN ATAS ANGGARAN PENDAPATAN DAN BELANJA "
                                                        "NEGARA TAHUN ANGGARAN 1990/1991"}},
           {"file": "pp/1991/51.md", "self": {"key": "pp-1991-51", "jenis": "Peraturan Pemerintah", "nomor": "51",
                                              "tahun": 1991},
            "cites": [[{"act": {"key": "uu-1991-3", "jenis": "Undang-Undang", "nomor": "3", "tahun": 1991},
                        "pub": {"kind": "Lembaran Negara", "nama": "Lembaran Negara", "tahun": 1991, "nomor": 56,
                                "tln": 3449}, "role": "base"}]]}]
    bpk = Path(__file__).parent / "data" / "kb" / "bpk-other"
    rec = {r["key"]: r for r in compile_acts(obs, bpk)}["uu-1991-3"]
    ln = rec["facts"]["ln"]
    assert ln["status"] == "disputed" and not ln["metadata"]
    assert without(ln, "pp-1991-51")["status"] == "unverified"
    assert "bpk-lain:uu-1991-3" in [s for v in [ln, *ln["others"]] for s in v["sources"]]
