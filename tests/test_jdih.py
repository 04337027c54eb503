"""JDIH feeds: a recorded JDIHN feed served on loopback is imported with its documents; the store exports its
metadata as the same kind of feed."""

from __future__ import annotations

import json
import shutil
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from conftest import SEED_IDS, SEEDS  # noqa: E402

from rancang.cli import cli  # noqa: E402
from rancang.corpus.jdih import FIELDS, read_feed  # noqa: E402
from rancang.corpus.store import Store  # noqa: E402
from rancang.errors import InputError  # noqa: E402

#: two records as a kabupaten's JDIH publishes them (values as such portals fill them), and one whose document
#: is missing on the server
FEED = [
    {"idData": "1021", "tahun_pengundangan": "2024", "tanggal_penetapan": "2024-08-26",
     "tanggal_pengundangan": "2024-08-26", "jenis": "Peraturan Bupati", "noPeraturan": "17",
     "judul": "Peraturan Bupati Jepara Nomor 17 Tahun 2024 tentang Sistem Kerja", "singkatanJenis": "Perbup",
     "tempatTerbit": "Jepara", "sumber": "BD Kab. Jepara 2024 (17)", "status": "Berlaku", "bahasa": "Indonesia",
     "bidangHukum": "Hukum Administrasi Negara", "fileDownload": "perbup-17-2024.txt",
     "urlDownload": "dokumen/perbup-17-2024.txt", "operasi": "4", "display": "1"},
    {"idData": "1022", "tahun_pengundangan": "2022", "jenis": "Peraturan Wali Kota", "noPeraturan": "93",
     "judul": "Peraturan Wali Kota Bogor Nomor 93 Tahun 2022", "singkatanJenis": "Perwali",
     "urlDownload": "dokumen/perwali-93-2022.txt", "status": "Berlaku"},
    {"idData": "1023", "tahun_pengundangan": "2023", "jenis": "Peraturan Bupati", "noPeraturan": "5",
     "judul": "Peraturan Bupati Contoh Nomor 5 Tahun 2023", "urlDownload": "dokumen/hilang.pdf"},
]


@pytest.fixture
def portal(tmp_path):
    """A JDIH portal on 127.0.0.1: /feed.json and the documents it lists (one missing)."""
    root = tmp_path / "portal"
    (root / "dokumen").mkdir(parents=True)
    shutil.copy(SEEDS / f"{SEED_IDS['jepara']}.txt", root / "dokumen" / "perbup-17-2024.txt")
    shutil.copy(SEEDS / f"{SEED_IDS['bogor']}.txt", root / "dokumen" / "perwali-93-2022.txt")
    (root / "feed.json").write_text(json.dumps(FEED), encoding="utf-8")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):  # noqa: D102 - keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_feed_served_on_loopback_is_imported_with_its_records(portal, tmp_path):
    with Store(tmp_path / "c.db", seed=False) as store:
        result = store.add_feed(f"{portal}/feed.json")
        assert len(result.added) == 2 and len(result.failed) == 1
        assert "hilang.pdf" in result.failed[0][0]
        jepara = store.regulation(result.added[0])
        assert jepara.meta.daerah == "Kabupaten Jepara" and len(jepara.pasals()) > 20
        assert jepara.source.jdih["idData"] == "1021" and jepara.source.jdih["singkatanJenis"] == "Perbup"
        again = store.add_feed(f"{portal}/feed.json")
        assert not again.added and len(again.skipped) == 2


def test_the_store_exports_a_jdihn_feed_that_keeps_imported_records(portal, tmp_path):
    db = tmp_path / "c.db"
    with Store(db, seed=False) as store:
        store.add_feed(f"{portal}/feed.json")
    out = tmp_path / "umpan.json"
    result = CliRunner().invoke(cli, ["corpus", "export", "--jdih", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = json.loads(out.read_text(encoding="utf-8"))
    assert len(records) >= 2 and all(list(r) == list(FIELDS) for r in records)  # plus the bundled regulations
    jepara = next(r for r in records if r["noPeraturan"] == "17")
    assert jepara["judul"] == FEED[0]["judul"] and jepara["tanggal_penetapan"] == "2024-08-26"
    bogor = next(r for r in records if r["noPeraturan"] == "93")
    assert bogor["tempatTerbit"] == "Bogor" and bogor["sumber"].startswith("Berita Daerah Kota Bogor")
    assert bogor["judul"].startswith("Peraturan Wali Kota Bogor Nomor 93")  # never "Wali Kota Kota Bogor"
    assert read_feed(str(out))[0]["idData"]


def test_the_cli_imports_a_feed_and_names_what_failed(portal, tmp_path):
    result = CliRunner().invoke(cli, ["corpus", "add", "--jdih", f"{portal}/feed.json", "--db",
                                      str(tmp_path / "c.db"), "--no-seed"])
    assert result.exit_code == 1
    assert "2 ditambahkan" in result.stdout and "hilang.pdf" in result.stderr


def test_a_feed_that_is_not_json_gets_one_sentence(tmp_path):
    bad = tmp_path / "feed.json"
    bad.write_text("<html>bukan umpan</html>", encoding="utf-8")
    with pytest.raises(InputError, match="umpan JDIH bukan JSON"):
        read_feed(str(bad))
    with pytest.raises(InputError, match="hanya alamat http"):
        read_feed("ftp://contoh/feed.json")
