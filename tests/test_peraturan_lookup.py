"""``--peraturan ID`` names any act of the corpus as ``corpus list`` shows it, not only the bundled ones: a region's
own draft stored as "sleman" is the regulation its letters follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from rancang.cli import main
from rancang.corpus.regulations import model_of
from rancang.errors import InputError


def test_a_stored_draft_is_found_by_its_id(tmp_path: Path, capsys, monkeypatch) -> None:
    db = tmp_path / "c.sqlite"
    monkeypatch.setenv("RANCANG_DB", str(db))
    assert main(["draft", "--contoh", "sleman", "-o", str(tmp_path / "k2")]) == 0
    assert main(["corpus", "add", str(tmp_path / "k2" / "draft.docx")]) == 0
    assert "Sleman" in str(model_of("sleman", db)["regulation"])
    data = tmp_path / "data.yaml"
    capsys.readouterr()
    assert main(["letter", "--scenario", "penunjukan-dalam-unit", "--example"]) == 0
    data.write_text(capsys.readouterr().out, encoding="utf-8")
    out = tmp_path / "surat"
    assert main(["letter", "--scenario", "penunjukan-dalam-unit", str(data), "--peraturan", "sleman",
                 "-o", str(out)]) == 0
    assert "Dibaca dari: sleman (--peraturan)." in (out / "skenario.md").read_text(encoding="utf-8")


def test_an_unknown_id_names_every_stored_act(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        model_of("atlantis", tmp_path / "belum-ada.sqlite")
    assert "bukan berkas maupun peraturan korpus (pilihan: bogor" in str(caught.value)
    assert not (tmp_path / "belum-ada.sqlite").exists()  # a lookup never creates a corpus
