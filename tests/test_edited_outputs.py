"""A clerk's edit of a written draft or letter is never overwritten without a word: running the same command
again refuses, naming the edited file and ``--timpa``; with ``--timpa`` the new set replaces it knowingly."""

from __future__ import annotations

from pathlib import Path

from rancang.cli import main
from rancang.manifest import MANIFEST, changed


def test_an_edited_draft_is_kept_until_timpa(tmp_path: Path, capsys) -> None:
    out = tmp_path / "k2"
    assert main(["draft", "--contoh", "sleman", "-o", str(out)]) == 0
    assert main(["draft", "--contoh", "sleman", "-o", str(out)]) == 0  # unedited: written again without a word
    edited = (out / "draft.md").read_text(encoding="utf-8") + "\nCatatan rapat: Pasal 5 diperbaiki.\n"
    (out / "draft.md").write_text(edited, encoding="utf-8")
    assert changed(out, ["draft.md", "draft.docx"]) == ["draft.md"]
    capsys.readouterr()
    assert main(["draft", "--contoh", "sleman", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{out / 'draft.md'} telah diubah sejak rancang menulisnya" in err and "--timpa" in err
    assert len(err.strip().splitlines()) == 1
    assert (out / "draft.md").read_text(encoding="utf-8") == edited
    assert main(["draft", "--contoh", "sleman", "-o", str(out), "--timpa"]) == 0
    assert "Catatan rapat" not in (out / "draft.md").read_text(encoding="utf-8")
    assert (out / MANIFEST).is_file()


def test_an_edited_letter_of_a_scenario_is_kept_until_timpa(tmp_path: Path, capsys) -> None:
    data = tmp_path / "d.yaml"
    assert main(["letter", "--scenario", "penunjukan-dalam-unit", "--example", "-o", str(data)]) == 0
    out = tmp_path / "surat"
    args = ["letter", "--scenario", "penunjukan-dalam-unit", str(data), "-o", str(out)]
    assert main(args) == 0
    summary = out / "skenario.md"
    summary.write_text(summary.read_text(encoding="utf-8") + "\nsudah diparaf\n", encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 1
    assert f"{summary} telah diubah" in capsys.readouterr().err
    assert "sudah diparaf" in summary.read_text(encoding="utf-8")
    assert main([*args, "--timpa"]) == 0 and "sudah diparaf" not in summary.read_text(encoding="utf-8")


def test_a_draft_folder_without_rancang_s_record_is_not_overwritten_silently(tmp_path: Path, capsys) -> None:
    """A folder written by a rancang older than the record (or a draft.md saved there by hand) may hold edits
    nobody can tell apart: it is refused with a sentence naming the file and --timpa, and kept."""
    out = tmp_path / "lama"
    out.mkdir()
    (out / "draft.md").write_text("Rancangan lama yang telah disunting.\n", encoding="utf-8")
    assert main(["draft", "--contoh", "sleman", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{out / 'draft.md'} sudah ada, tetapi tidak tercatat sebagai tulisan rancang" in err and "--timpa" in err
    assert len(err.strip().splitlines()) == 1
    assert (out / "draft.md").read_text(encoding="utf-8") == "Rancangan lama yang telah disunting.\n"
    assert not (out / MANIFEST).exists()
    assert main(["draft", "--contoh", "sleman", "-o", str(out), "--timpa"]) == 0
    assert "Rancangan lama" not in (out / "draft.md").read_text(encoding="utf-8")
    assert main(["draft", "--contoh", "sleman", "-o", str(out)]) == 0  # recorded now: written again without a word
