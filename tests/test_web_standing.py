"""The web reader and web search say what the corpus knows of an act (issue 30 items 3-4): its status (berlaku,
diubah dengan ..., dicabut dengan ...) linked to the act that changed it, the acts it changes, where its text comes
from, and "Hapus dari korpus" behind a confirm step that removes that act and nothing else.

The acts are tests/data/links/ (Perbup Kerta 1/2024, its Perubahan 3/2024 and Perubahan Kedua 2/2025, and 9/2026
that repeals 1/2024), written for the corpus link tests."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from webapp import make_client  # noqa: E402

from rancang.corpus.store import Store  # noqa: E402
from rancang.ingest import ingest_path  # noqa: E402

DATA = Path(__file__).parent / "data" / "links"


def _client(tmp: Path, *names: str):
    client = make_client(tmp)
    client.get("/baca")  # the app's store takes the bundled acts first, as it does for staff
    with Store(tmp / "corpus.sqlite", seed=False) as s:
        for n in names:
            s.add(ingest_path(DATA / f"{n}.txt"), id=n)
    return client


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_reader_of_an_amended_act_links_to_each_amending_act_in_the_order_enacted(tmp_path: Path) -> None:
    client = _client(tmp_path, "base", "ubah2", "ubah1")
    html = client.get("/baca/base").text
    status = re.search(r'<span class="status diubah">(.*?)</span>', html).group(1)
    assert re.findall(r'href="/baca/([^"]+)"', status) == ["ubah1", "ubah2"]
    assert "berlaku, diubah dengan Peraturan Bupati Kerta Nomor 3 Tahun 2024 (ubah1)" in _text(status)
    assert "Asal naskah berkas base.txt (txt)" in _text(html)
    amending = _text(client.get("/baca/ubah1").text)
    assert "Status berlaku Mengubah Peraturan Bupati Kerta Nomor 1 Tahun 2024 (base; bacaan konsolidasi" in amending


def test_a_repealed_act_says_dicabut_and_names_the_repealing_act(tmp_path: Path) -> None:
    client = _client(tmp_path, "base", "ubah1", "cabut")
    html = client.get("/baca/base").text
    assert 'class="status dicabut">dicabut dengan <a href="/baca/cabut">' in html
    assert "Mencabut Peraturan Bupati Kerta Nomor 1 Tahun 2024 (base)" in _text(client.get("/baca/cabut").text)


def test_an_uploaded_reading_says_where_it_comes_from_and_that_it_is_not_stored(tmp_path: Path) -> None:
    from webapp import wait_job

    client = make_client(tmp_path)
    r = client.post("/baca/unggah", files={"berkas": ("base.txt", (DATA / "base.txt").read_bytes(), "text/plain")},
                    headers={"HX-Request": "true"})
    page = _text(wait_job(client, r.text))
    assert "Status belum disimpan di korpus Asal naskah berkas base.txt (txt)" in page
    assert "Hapus dari korpus" not in page


def test_search_hits_show_each_acts_status_and_provenance(tmp_path: Path) -> None:
    client = _client(tmp_path, "base", "ubah1", "cabut")
    html = client.get("/cari/hasil", params={"q": "tim kerja", "daerah": "base"}).text
    hits = re.findall(r"<li>(.*?)</li>", html, re.S)
    assert hits and all("/baca/base#" in h for h in hits)
    for h in hits:
        assert 'class="status dicabut">dicabut dengan <a href="/baca/cabut">' in h
        assert "asal: berkas base.txt (txt)" in _text(h)
    amending = client.get("/cari", params={"q": "Sekretaris Daerah", "daerah": "ubah1"}).text
    assert 'Status: <span class="status berlaku">berlaku</span> · asal: berkas ubah1.txt (txt)' in amending


def test_removing_an_act_asks_first_then_takes_that_act_alone(tmp_path: Path) -> None:
    client = _client(tmp_path, "base", "ubah1", "ubah2")
    db = tmp_path / "corpus.sqlite"

    def rows() -> dict[str, int]:
        con = sqlite3.connect(db)
        out = dict(con.execute("SELECT reg, count(*) FROM clauses GROUP BY reg").fetchall())
        con.close()
        return out

    before = rows()
    assert 'href="/baca/ubah1/hapus"' in client.get("/baca/ubah1").text
    ask = client.get("/baca/ubah1/hapus")
    assert ask.status_code == 200 and '<form class="inline-form" action="/baca/ubah1/hapus" method="post">' in ask.text
    assert rows() == before  # the confirm page removes nothing
    done = client.post("/baca/ubah1/hapus", headers={"Origin": "http://127.0.0.1"})
    assert done.status_code == 200 and "sudah dihapus dari korpus" in done.text
    after = rows()
    assert "ubah1" not in after and after == {k: v for k, v in before.items() if k != "ubah1"}
    gone = client.get("/baca/ubah1")
    assert gone.status_code == 400 and "tidak ada dalam korpus" in gone.text
    base = client.get("/baca/base").text  # the base now names only the amendment that is left
    assert re.findall(r'href="/baca/(ubah\d)"', re.search(r'class="status diubah">(.*?)</span>', base).group(1)) \
        == ["ubah2"]


def test_a_remove_from_another_site_or_by_region_name_removes_nothing(tmp_path: Path) -> None:
    client = _client(tmp_path, "base", "ubah1")
    forged = client.post("/baca/ubah1/hapus", headers={"Origin": "http://evil.example"})
    assert forged.status_code == 403
    by_name = client.post("/baca/Kabupaten Kerta/hapus", headers={"Origin": "http://127.0.0.1"})
    assert by_name.status_code == 400 and "hapus hanya dengan id" in by_name.text
    with Store(tmp_path / "corpus.sqlite", seed=False) as s:
        assert {"base", "ubah1"} <= set(s.ids())


def test_the_search_page_says_how_it_finds_and_finds_a_word_family(tmp_path: Path) -> None:
    client = _client(tmp_path, "base")
    page = client.get("/cari").text
    assert "&#34;tugas&#34; menemukan &#34;penugasan&#34;" in page or '"tugas" menemukan "penugasan"' in page
    hits = client.get("/cari/hasil", params={"q": "tugas", "daerah": "base"}).text
    assert "<mark>tugas</mark>" in hits  # Pasal 1: "Pegawai melaksanakan tugas ..."
    family = client.get("/cari/hasil", params={"q": "penugasan", "daerah": "base"}).text
    assert "<mark>tugas</mark>" in family  # the family, not a prefix: "penugasan" finds "tugas"
