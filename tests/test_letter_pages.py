"""The letters as printed: LibreOffice turns one scenario's set into PDF (one soffice run); each letter keeps to its
page count and its signature block (office line, name, NIP) stays on one page. Skipped only without LibreOffice."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from rancang.generate import naskah
from rancang.generate.naskah import scenario as sc

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice/poppler tidak terpasang")
#: most pages a letter of each layout may take with the example data (a Keputusan adds its Lampiran). Measured with
#: TeX Gyre Bonum, the metric twin of the Bookman Old Style the templates name (Debian's fonts-texgyre), so the
#: count is the one Word prints: a surat perintah's tembusan may run onto a second page, a request listing ten
#: staff onto a third; what never happens is a signature block split or left alone (asserted below)
MAX_PAGES = {"surat": 3, "nota": 1, "perintah": 2, "laporan": 2, "disposisi": 1, "keputusan": 3}


def _pages(pdf) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


@pytest.mark.parametrize("name", ["tim-kerja-lintas-pd", "penunjukan-lintas-instansi"])
def test_pages_and_unsplit_signature(name, tmp_path):
    data = sc.scenario_example(name)
    if name == "tim-kerja-lintas-pd":  # a long team pushes the Keputusan's signature towards a page end
        extra = [{**data["pegawai"][1], "nama": f"Anggota Tambahan {i}", "nip": f"19900101201501100{i}"}
                 for i in range(1, 9)]
        data["pegawai"] = data["pegawai"] + extra
    built = sc.build(name, data)
    sc.write(built, tmp_path)
    env_home = tmp_path / "home"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{env_home}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path)] + [str(tmp_path / x.filename) for x in built.letters],
                   check=True, capture_output=True, timeout=300)
    for x in built.letters:
        pages = _pages(tmp_path / x.filename.replace(".docx", ".pdf"))
        assert 1 <= len(pages) <= MAX_PAGES[x.layout], (x.filename, len(pages))
        sign = naskah.context(x.jenis, x.data, x.layout)["ttd"]
        first = sign["jabatan"][0][:14]
        blocks = 0
        for page in pages:
            lines = [line.strip() for line in page.splitlines()]
            for j, line in enumerate(lines):
                if line != sign["nama"]:
                    continue
                blocks += 1  # the name alone on its line: the signature block; its office line is on this page
                assert any(w.startswith(first) for w in lines[max(0, j - 12):j]), (x.filename, lines[max(0, j - 12):j])
                if sign["nip"]:
                    assert f"NIP. {sign['nip']}" in lines[j + 1:j + 3], x.filename
        assert blocks == (2 if x.layout == "keputusan" else 1), (x.filename, blocks)
