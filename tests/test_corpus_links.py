"""Acts linked by amendment and repeal, and the consolidated reading of an amended act (issue 30 item 3).

The acts in tests/data/links/ were written for these tests: Perbup Kerta 1/2024 (the base), 3/2024 (Perubahan:
Pasal 2 replaced, Pasal 3A inserted), 2/2025 (Perubahan Kedua: Pasal 2 ayat (2) replaced, Pasal 4 dihapus) and
9/2026 (a new act that repeals 1/2024)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from rancang.cli import cli
from rancang.corpus import dbfile, links
from rancang.corpus.consolidate import consolidate
from rancang.corpus.store import Store
from rancang.ingest import ingest_path

DATA = Path(__file__).parent / "data" / "links"


def _store(tmp_path: Path, *names: str) -> Store:
    s = Store(tmp_path / "c.sqlite", seed=False)
    for n in names:
        s.add(ingest_path(DATA / f"{n}.txt"), id=n)
    return s


def test_an_amending_act_added_after_its_base_links_both_ways(tmp_path: Path) -> None:
    with _store(tmp_path, "base", "ubah1") as s:
        assert links.links(s.db, "base")["diubah_dengan"] == ["ubah1"]
        assert links.links(s.db, "ubah1")["mengubah"] == ["base"]


def test_the_link_holds_whichever_act_was_added_first(tmp_path: Path) -> None:
    with _store(tmp_path, "ubah2", "ubah1", "base") as s:
        assert links.links(s.db, "base")["diubah_dengan"] == ["ubah1", "ubah2"]  # in the order enacted


def test_a_repeal_makes_the_act_dicabut_and_removing_the_repealing_act_restores_it(tmp_path: Path) -> None:
    from rancang.corpus.links import status

    with _store(tmp_path, "base", "ubah1", "cabut") as s:
        assert status(links.links(s.db, "base")) == "dicabut dengan cabut"
        assert links.links(s.db, "cabut")["mencabut"] == ["base"]
        s.remove("cabut")
        assert status(links.links(s.db, "base")) == "berlaku, diubah dengan ubah1"
        assert s.db.execute("SELECT count(*) FROM acts_cited WHERE reg='cabut'").fetchone()[0] == 0


def test_an_act_of_another_region_with_the_same_number_is_not_linked(tmp_path: Path) -> None:
    other = (DATA / "base.txt").read_text(encoding="utf-8").replace("KERTA", "LAIN").replace("Kerta", "Lain")
    (tmp_path / "lain.txt").write_text(other, encoding="utf-8")
    with _store(tmp_path, "ubah1") as s:
        s.add(ingest_path(tmp_path / "lain.txt"), id="lain")
        assert links.links(s.db, "lain")["diubah_dengan"] == []


def test_the_consolidated_reading_applies_both_amendments_in_order() -> None:
    base, first, second = (ingest_path(DATA / f"{n}.txt") for n in ("base", "ubah1", "ubah2"))
    done = {e.cite: e for e in consolidate(base, [("ubah1", first), ("ubah2", second)]).entries}
    assert list(done) == ["Pasal 1", "Pasal 2", "Pasal 3", "Pasal 3A", "Pasal 4", "Pasal 5"]
    # Pasal 2 as the first amendment worded it (Sekretaris Daerah), then its ayat (2) as the second did
    assert done["Pasal 2"].text == "(1) Ketua tim kerja ditunjuk oleh Sekretaris Daerah. (2) Ketua tim kerja " \
                                   "melapor setiap minggu."
    assert done["Pasal 2"].changes == [("ubah1", "diubah"), ("ubah2", "diubah")]
    assert done["Pasal 3A"].changes == [("ubah1", "disisipkan")]
    assert done["Pasal 4"].text == "Dihapus." and done["Pasal 4"].changes == [("ubah2", "dihapus")]
    assert done["Pasal 1"].changes == [] and "Dihapus" not in done["Pasal 5"].text


def test_the_order_matters_applied_the_other_way_the_first_amendment_wins() -> None:
    base, first, second = (ingest_path(DATA / f"{n}.txt") for n in ("base", "ubah1", "ubah2"))
    done = {e.cite: e for e in consolidate(base, [("ubah2", second), ("ubah1", first)]).entries}
    assert "setiap bulan" in done["Pasal 2"].text  # ubah1's whole Pasal 2 replaced ubah2's ayat


def test_corpus_show_gives_status_and_the_consolidated_view(tmp_path: Path) -> None:
    _store(tmp_path, "base", "ubah1", "ubah2").close()
    db = str(tmp_path / "c.sqlite")
    run = CliRunner().invoke
    shown = run(cli, ["corpus", "show", "base", "--db", db])
    assert shown.exit_code == 0 and "status: berlaku, diubah dengan ubah1, ubah2" in shown.output
    view = run(cli, ["corpus", "show", "base", "--db", db, "--konsolidasi"])
    assert "Pasal 4    Dihapus.  [dihapus dengan ubah2]" in view.output
    data = json.loads(run(cli, ["corpus", "show", "base", "--db", db, "--konsolidasi", "--json"]).output)
    assert [c["by"] for c in data["pasal"][1]["changes"]] == ["ubah1", "ubah2"] and data["unapplied"] == []


def test_a_corpus_of_schema_2_is_migrated_and_its_acts_linked(tmp_path: Path) -> None:
    with _store(tmp_path, "base", "ubah1"):
        pass
    old = tmp_path / "old.sqlite"
    shutil.copyfile(tmp_path / "c.sqlite", old)
    con = sqlite3.connect(old)
    con.execute("DROP TABLE acts_cited")
    con.execute("PRAGMA user_version=2")
    con.commit()
    con.close()
    with Store(old, seed=False) as s:
        assert links.links(s.db, "base")["diubah_dengan"] == ["ubah1"]
    assert sqlite3.connect(old).execute("PRAGMA user_version").fetchone()[0] == dbfile.SCHEMA_VERSION == 3


def test_every_view_says_where_the_text_comes_from_and_a_draft_is_not_an_enacted_act(tmp_path: Path) -> None:
    from rancang.corpus import report
    from rancang.corpus.diff import compare
    from rancang.corpus.provenance import provenance

    base, draft = ingest_path(DATA / "base.txt"), ingest_path(DATA / "ubah1.txt")
    draft.source.format = "generated"
    assert provenance(base) == "berkas base.txt (txt)"
    assert provenance(draft).startswith("rancangan buatan rancang")
    scanned = ingest_path(DATA / "base.txt")
    scanned.stats.ocr = {"engine": "tesseract"}
    assert provenance(scanned).startswith("hasil OCR dari base.txt")
    rep = compare(base, draft)
    assert rep["b"]["provenance"].startswith("rancangan")
    assert "[rancangan buatan rancang" in report.text(rep) and "(asal: rancangan buatan rancang" in report.html(rep)
    _store(tmp_path, "base").close()
    shown = CliRunner().invoke(cli, ["corpus", "show", "base", "--db", str(tmp_path / "c.sqlite")])
    assert "asal: berkas base.txt (txt)" in shown.output


def test_a_search_hit_in_an_amended_or_repealed_act_says_so(tmp_path: Path) -> None:
    _store(tmp_path, "base", "ubah1", "cabut").close()
    out = CliRunner().invoke(cli, ["search", "--db", str(tmp_path / "c.sqlite"), "triwulan"]).output
    assert "base             Pasal 4  [dicabut dengan cabut]" in out
    out = CliRunner().invoke(cli, ["search", "--db", str(tmp_path / "c.sqlite"), "Sekretaris Daerah"]).output
    assert "ubah1" in out and "[" not in out.split("ubah1")[1].splitlines()[0]  # the amending act is in force


def test_corpus_remove_takes_one_act_whole_and_loses_nothing_else(tmp_path: Path) -> None:
    _store(tmp_path, "base", "ubah1", "ubah2").close()
    db = tmp_path / "c.sqlite"

    def counts() -> dict[str, tuple[int, ...]]:
        con = sqlite3.connect(db)
        out = {r: tuple(con.execute(f"SELECT count(*) FROM {t} WHERE {c}=?", (r,)).fetchone()[0]
                        for t, c in (("clauses", "reg"), ("acts_cited", "reg")))
               for r in ("base", "ubah1", "ubah2")}
        out["index"] = (con.execute("SELECT count(*) FROM clause_words").fetchone()[0],
                        con.execute("SELECT count(*) FROM clauses").fetchone()[0])
        con.close()
        return out

    CliRunner().invoke(cli, ["corpus", "list", "--db", str(db)])  # the CLI's store takes the bundled acts first
    before = counts()
    result = CliRunner().invoke(cli, ["corpus", "remove", "ubah1", "--db", str(db)])
    assert result.exit_code == 0 and "dihapus: ubah1" in result.output
    after = counts()
    assert after["ubah1"] == (0, 0) and after["base"] == before["base"] and after["ubah2"] == before["ubah2"]
    assert after["index"][0] == after["index"][1] == before["index"][1] - before["ubah1"][0]
    with Store(db, seed=False) as s:
        assert links.links(s.db, "base")["diubah_dengan"] == ["ubah2"]
    gone = CliRunner().invoke(cli, ["corpus", "remove", "ubah1", "--db", str(db)])
    assert gone.exit_code != 0 and "tidak ada dalam korpus" in gone.output


def test_search_json_hits_carry_the_acts_status_links_and_provenance(tmp_path: Path) -> None:
    _store(tmp_path, "base", "ubah1", "cabut").close()
    out = CliRunner().invoke(cli, ["search", "--db", str(tmp_path / "c.sqlite"), "--json", "tim kerja"])
    assert out.exit_code == 0
    hits = json.loads(out.output)
    by_act = {h["reg"]: h for h in hits}
    assert {"base", "ubah1"} <= set(by_act)
    assert by_act["base"]["status"] == "dicabut dengan cabut" and by_act["base"]["links"]["dicabut_dengan"] == ["cabut"]
    assert by_act["base"]["asal"] == "berkas base.txt (txt)"
    assert by_act["ubah1"]["status"] == "berlaku" and by_act["ubah1"]["links"]["mengubah"] == ["base"]
    assert {"cite", "node", "snippet", "score"} <= set(by_act["ubah1"])  # the hit's own keys stay
