"""`rancang draft --contoh-profil BERKAS` (issue 23): the profile a bureau starts its own region's draft from.

The template names every key of schema/region.schema.json with an Indonesian note, types no fact about any region
(every value a clerk must supply is null), is refused field by field until filled in, and drafts once filled."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from rancang.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schema" / "region.schema.json").read_text(encoding="utf-8"))


def schema_keys(node: dict[str, Any], prefix: str = "") -> set[str]:
    """Dotted key paths of a schema node ("daerah.nama", "dasar_hukum_daerah.tahun")."""
    if "$ref" in node:
        target: Any = SCHEMA
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return schema_keys(target, prefix)
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        return schema_keys(node["items"], prefix)
    out = set()
    for key, sub in (node.get("properties") or {}).items():
        out.add(prefix + key)
        out |= schema_keys(sub, f"{prefix}{key}.")
    return out


def data_keys(value: Any, prefix: str = "") -> set[str]:
    if isinstance(value, list):
        return set().union(*(data_keys(v, prefix) for v in value)) if value else set()
    if not isinstance(value, dict):
        return set()
    return {prefix + k for k in value} | set().union(*(data_keys(v, f"{prefix}{k}.") for k, v in value.items()))


def write_template(tmp_path: Path) -> Path:
    path = tmp_path / "profil.yaml"
    result = CliRunner().invoke(cli, ["draft", "--contoh-profil", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"ditulis: {path}"
    return path


def test_the_template_names_every_key_of_the_region_schema(tmp_path):
    text = write_template(tmp_path).read_text(encoding="utf-8")
    written = data_keys(yaml.safe_load(text))
    # perubahan (an amendment list) is explained in a note rather than written as an empty item
    assert schema_keys(SCHEMA) - written == {f"dasar_hukum_daerah.perubahan.{k}" for k in
                                             ("jenis", "nomor", "tahun", "tentang", "lembaran")} | {
        "dasar_hukum_daerah.perubahan"}
    assert "perubahan" in text
    assert sum(line.count("#") for line in text.splitlines()) >= len(SCHEMA["properties"])  # annotated


def test_the_template_types_no_fact_about_any_region(tmp_path):
    data = yaml.safe_load(write_template(tmp_path).read_text(encoding="utf-8"))
    fixed = {"Undang-Undang", "Peraturan Daerah", "Sekretaris Daerah"}  # the kinds of act a region's basis has

    def leaves(v: Any) -> list[Any]:
        if isinstance(v, dict):
            return [x for sub in v.values() for x in leaves(sub)]
        if isinstance(v, list):
            return [x for sub in v for x in leaves(sub)] if v else [v]
        return [v]

    assert all(v is None or v is False or v == [] or v in fixed for v in leaves(data)), leaves(data)


def test_an_unfilled_template_is_refused_naming_each_field_to_fill(tmp_path):
    path = write_template(tmp_path)
    result = CliRunner().invoke(cli, ["draft", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    message = result.stderr.strip()
    assert message.startswith("Galat: profil.yaml: profil tidak sah: ") and "\n" not in message
    for key in ("daerah.nama", "daerah.jenis", "provinsi", "ibu_kota", "kepala_daerah.nama", "tahun",
                "dasar_hukum_daerah butir ke-1: nomor", "dasar_hukum_daerah butir ke-2: tahun"):
        assert f"{key}: belum diisi" in message, key
    assert not (tmp_path / "out").exists()


def test_a_filled_in_template_drafts(tmp_path):
    path = write_template(tmp_path)
    text = path.read_text(encoding="utf-8")
    filled = {"  nama: null              # nama daerah": "  nama: Wonosobo  # nama daerah",
              "  jenis: null": "  jenis: kabupaten",
              "provinsi: null": "provinsi: Jawa Tengah",
              "ibu_kota: null": "ibu_kota: Wonosobo",
              "  nama: null              # nama penandatangan": "  nama: Dewi Anggraini  #",
              "  jabatan: null": "  jabatan: Bupati",
              "  nama: null              # penandatangan pengundangan": "  nama: Agus Salim  #",
              "tahun: null               # tahun peraturan": "tahun: 2026  #"}
    for old, new in filled.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    basis = [("Undang-Undang", '"13"', "1950", "Pembentukan Daerah-daerah Kabupaten dalam Lingkungan Propinsi "
              "Djawa Tengah"), ("Peraturan Daerah", '"7"', "2016", "Pembentukan dan Susunan Perangkat Daerah")]
    for jenis, nomor, tahun, tentang in basis:
        at = text.index(f"  - jenis: {jenis}")
        head, tail = text[:at], text[at:]
        tail = (tail.replace("nomor: null", f"nomor: {nomor}", 1).replace("tahun: null", f"tahun: {tahun}", 1)
                .replace("tentang: null", f"tentang: {tentang}", 1))
        text = head + tail
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["draft", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Peraturan Bupati Wonosobo:" in result.output
    md = (tmp_path / "out" / "draft.md").read_text(encoding="utf-8")
    assert "BUPATI WONOSOBO" in md and "Pembentukan Daerah-daerah Kabupaten dalam Lingkungan Propinsi" in md


def test_a_profile_already_there_is_never_overwritten(tmp_path):
    path = tmp_path / "profil.yaml"
    path.write_text("daerah: {nama: Sleman}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["draft", "--contoh-profil", str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Galat: {path}: berkas sudah ada; pilih nama lain agar profil yang ada tidak " \
                                    "tertimpa."
    assert path.read_text(encoding="utf-8") == "daerah: {nama: Sleman}\n"


def test_the_template_goes_alone(tmp_path):
    result = CliRunner().invoke(cli, ["draft", "--contoh-profil", str(tmp_path / "p.yaml"), "--contoh", "sleman"])
    assert result.exit_code == 1 and "--contoh-profil hanya menulis profil kosong" in result.stderr
    result = CliRunner().invoke(cli, ["draft", "--contoh", "sleman"])
    assert result.exit_code == 2 and "Opsi wajib belum diisi '-o' / '--out'" in result.stderr


def test_letter_help_tells_what_happens_without_peraturan():
    """The help of --peraturan says what the scenario does without it (the region's own draft.json or corpus
    regulation, else no clause), and the scenario does exactly that."""
    from rancang.generate.naskah import scenario

    help_text = " ".join(CliRunner().invoke(cli, ["letter", "--help"]).output.split())
    own = help_text.split("--peraturan")[1].split("-o,")[0]
    assert "Tanpa opsi ini: draft.json daerah itu" in own and "bila tidak ada, tidak ada pasal yang dikutip" in own
    for name in scenario.scenarios():
        built = scenario.build(name, yaml.safe_load(scenario.scenario_example_yaml(name)), None, None)
        assert [s.cite for s in built.steps] == [""] * len(built.steps), name
