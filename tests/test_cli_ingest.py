"""``rancang ingest``: one file to stdout or a path, folders and file lists to one output per file."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from conftest import SEED_IDS, SEEDS  # noqa: E402
from fixtures import build_docx  # noqa: E402


def run(*args: str):
    from rancang.cli import cli

    return CliRunner().invoke(cli, ["ingest", *args])


def seed(region: str) -> Path:
    return SEEDS / f"{SEED_IDS[region]}.txt"


def test_one_file_goes_to_stdout_as_a_valid_tree():
    from rancang import schema

    result = run(str(seed("jepara")))
    assert result.exit_code == 0, result.stderr
    tree = json.loads(result.stdout)
    schema.validate("regulation", tree)
    assert tree["meta"]["pejabat"] == "Bupati Jepara"
    assert len([n for n in tree["body"] if n["type"] == "bab"]) >= 1
    assert "\\u" not in result.stdout  # Indonesian text stays readable (ensure_ascii=False)


def test_one_file_with_o_path_writes_that_file(tmp_path):
    target = tmp_path / "jepara.json"
    result = run(str(seed("jepara")), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["meta"]["nomor"] == "17"
    assert f"ditulis: {target}" in result.stderr


def test_a_docx_file_is_ingested_like_its_text(tmp_path):
    path = tmp_path / "pasaman.docx"
    path.write_bytes(build_docx(seed("pasaman_barat").read_text(encoding="utf-8")))
    result = run(str(path))
    assert result.exit_code == 0, result.stderr
    tree = json.loads(result.stdout)
    assert tree["source"]["format"] == "docx"
    assert tree["meta"]["daerah"] == "Kabupaten Pasaman Barat"


def test_a_folder_gives_one_json_per_regulation_over_two_processes(tmp_path):
    src = tmp_path / "unduhan"
    src.mkdir()
    for region in ("bogor", "malang"):
        shutil.copy(seed(region), src / f"{region}.txt")
    # not a regulation extension: skipped
    (src / "catatan.csv").write_text("bukan peraturan", encoding="utf-8")
    out = tmp_path / "pohon"
    result = run(str(src), "-o", str(out), "-j", "2")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["bogor.json", "malang.json"]
    assert json.loads((out / "malang.json").read_text(encoding="utf-8"))["meta"]["nomor"] == "132"
    assert "Selesai: 2 dari 2 berkas" in result.stderr


def test_several_files_without_o_are_refused_with_a_clear_sentence():
    result = run(str(seed("bogor")), str(seed("jepara")))
    assert result.exit_code != 0
    assert "-o FOLDER" in result.stderr
    assert "Traceback" not in result.output


def test_md_format_writes_the_canonical_text(tmp_path):
    result = run(str(seed("jepara")), "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "Pasal 14" in result.stdout and not result.stdout.lstrip().startswith("{")


def test_help_is_indonesian_and_documents_every_option():
    result = run("--help")
    assert result.exit_code == 0
    for words in ("-o, --output", "--format [json|md|akn]", "-j, --jobs", "--ocr / --no-ocr", "Baca peraturan"):
        assert words in result.output


def test_output_names_keep_files_with_the_same_stem_apart():
    from rancang.ingest.cli import output_names

    names = output_names([Path("a/perbup.pdf"), Path("b/perbup.docx"), Path("c/lain.txt")], ".json")
    assert list(names.values()) == ["perbup.pdf.json", "perbup.docx.json", "lain.json"]


def test_files_of_the_same_name_in_two_folders_never_overwrite_each_other(tmp_path):
    from rancang.ingest.cli import output_names

    names = output_names([Path("01-ocr/input.txt"), Path("06-paragraf/input.txt"), Path("x/input.txt"),
                          Path("y/x/input.txt")], ".json")
    assert len(set(names.values())) == 4
    assert names[Path("01-ocr/input.txt")] == "01-ocr-input.txt.json"
