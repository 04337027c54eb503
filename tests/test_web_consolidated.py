"""The consolidated reading of an amended act in the web app (issue 30 item 3): on the act's page a way to it, and at
``/baca/<id>/konsolidasi`` the base with every stored amendment applied in the order enacted, each changed Pasal
marked with the act that changed it (linked), with the act's status and where each text comes from.

The acts are tests/data/links/ (written for the corpus link tests): Perbup Kerta 1/2024 (the base), its Perubahan
3/2024 (Pasal 2 replaced: "Sekretaris Daerah"; Pasal 3A inserted) and Perubahan Kedua 2/2025 (Pasal 2 ayat (2)
replaced: "setiap minggu"; Pasal 4 dihapus). They are added out of order: the order applied is the order enacted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from test_web_standing import _client, _text  # noqa: E402

FIRST, SECOND = "Peraturan Bupati Kerta Nomor 3 Tahun 2024", "Peraturan Bupati Kerta Nomor 2 Tahun 2025"


def _pasal(html: str) -> dict[str, str]:
    """Cite -> the text of each Pasal article of the consolidated page (its change marks included)."""
    article = r'<article class="pasal k-pasal[^"]*" id="([^"]+)">\s*<h4>(.*?)</h4>(.*?)</article>'
    return {_text(m.group(2)): _text(m.group(3)) for m in re.finditer(article, html, re.S)}


def test_the_act_amended_twice_reads_with_both_amendments_applied_in_order(tmp_path: Path) -> None:
    client = _client(tmp_path, "base", "ubah2", "ubah1")
    act = client.get("/baca/base").text
    assert 'href="/baca/base/konsolidasi">Bacaan konsolidasi (dengan 2 perubahan)</a>' in act
    assert 'href="/baca/base/konsolidasi">bacaan konsolidasi</a>' in client.get("/baca/ubah1").text  # and back
    page = client.get("/baca/base/konsolidasi")
    assert page.status_code == 200
    html = page.text
    text = _text(html)
    assert "Bacaan konsolidasi: Peraturan Bupati Kerta Nomor 1 Tahun 2024" in text
    assert f"Status berlaku, diubah dengan {FIRST} (ubah1), {SECOND} (ubah2)" in text
    assert "Asal naskah berkas base.txt (txt)" in text and "bukan naskah konsolidasi resmi" in text
    applied = re.search(r'<ol class="amendments">(.*?)</ol>', html, re.S).group(1)
    assert re.findall(r'href="/baca/([^"]+)"', applied) == ["ubah1", "ubah2"]  # the order enacted
    assert "Asal naskah: berkas ubah1.txt (txt)" in _text(applied)
    pasal = _pasal(html)
    assert list(pasal) == ["Pasal 1", "Pasal 2", "Pasal 3", "Pasal 3A", "Pasal 4", "Pasal 5"]
    assert pasal["Pasal 1"] == "Pegawai melaksanakan tugas secara individu atau dalam tim kerja."  # unchanged, no mark
    # the first amendment's Pasal 2, then the second's ayat (2) in it; both acts named, in that order
    assert pasal["Pasal 2"].startswith(f"diubah dengan {FIRST} diubah dengan {SECOND} (1) Ketua tim kerja ditunjuk "
                                       "oleh Sekretaris Daerah.")
    assert "(2) Ketua tim kerja melapor setiap minggu." in pasal["Pasal 2"] and "setiap bulan" not in pasal["Pasal 2"]
    assert pasal["Pasal 3A"] == f"disisipkan dengan {FIRST} Anggota tim kerja melapor kepada ketua tim kerja."
    assert pasal["Pasal 4"] == f"dihapus dengan {SECOND} Dihapus." and "Tunjangan tim kerja" not in text
    assert "1 diubah, 1 disisipkan, 1 dihapus" in text


def test_every_anchor_of_the_consolidated_page_is_unique_and_every_link_in_it_lands(tmp_path: Path) -> None:
    client = _client(tmp_path, "base", "ubah1", "ubah2")
    html = client.get("/baca/base/konsolidasi").text
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert {"n-pasal-2_ayat-1", "n-pasal-2_ayat-2", "n-pasal-3A"} <= set(ids)  # the amendments' text as the act's own
    assert all(h in ids for h in re.findall(r'href="#([^"]+)"', html))
    for rid in set(re.findall(r'href="/baca/([^"#/]+)"', html)):
        assert client.get(f"/baca/{rid}").status_code == 200


def test_an_act_never_amended_says_so_and_its_page_offers_no_consolidation(tmp_path: Path) -> None:
    client = _client(tmp_path, "base", "ubah1")
    assert "/baca/ubah1/konsolidasi" not in client.get("/baca/ubah1").text
    text = _text(client.get("/baca/ubah1/konsolidasi").text)
    assert "Peraturan ini belum diubah oleh peraturan lain di korpus" in text
    missing = client.get("/baca/tidak-ada-sama-sekali/konsolidasi")
    assert missing.status_code in (400, 404) and '<html lang="id">' in missing.text and "Traceback" not in missing.text
