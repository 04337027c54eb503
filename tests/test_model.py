"""The sistem-kerja model of the four bundled seeds, measured against the hand-checked gold files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rancang import schema

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
SEEDS = {"bogor": "000_ee7a6eaa64626c22", "jepara": "001_ced7971a61a5e85a",
         "pasaman-barat": "002_a9b194b47a12baf0", "malang": "003_b7684ddf9c3f1cea"}

sys.path.insert(0, str(ROOT / "tests" / "vendor"))
import goldcheck  # noqa: E402


@pytest.fixture(scope="session")
def regs():
    import rancang.corpus as corpus

    return {k: corpus.load(k) for k in SEEDS}


@pytest.fixture(scope="session")
def models(regs):
    from rancang.model import build

    return {k: build(r) for k, r in regs.items()}


def gold(key: str) -> dict:
    return json.loads((GOLD / f"{SEEDS[key]}.json").read_text(encoding="utf-8"))


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


@pytest.mark.parametrize("key", SEEDS)
def test_model_validates_against_schema(models, key):
    assert schema.errors("sistemkerja", models[key]) == []


@pytest.mark.parametrize("key", SEEDS)
def test_topics_equal_gold(models, key):
    got = goldcheck.facts_model(models[key])
    want = goldcheck.facts_gold_model(gold(key))
    for topic in gold(key)["topics"]:
        g, w = got[f"topic.{topic}"], want[f"topic.{topic}"]
        assert goldcheck.same_topic(g, w), f"{topic}: {g!r} != gold {w!r}"


@pytest.mark.parametrize("key", SEEDS)
@pytest.mark.parametrize("field", ["principles", "mechanism_components", "assignment_forms", "task_scopes"])
def test_lists_equal_gold(models, key, field):
    assert [norm(x["text"]) for x in models[key][field]] == [norm(x) for x in gold(key)[field]]


@pytest.mark.parametrize("key", SEEDS)
def test_gold_roles_found(models, key):
    names = {norm(n) for r in models[key]["roles"] for n in [r["name"], *r["aliases"]]}
    wanted = [norm(r) for r in gold(key)["roles"]]
    found = [r for r in wanted if r in names or any(r in h or h in r for h in names)]
    assert len(found) / len(wanted) >= 0.9, sorted(set(wanted) - set(found))


@pytest.mark.parametrize("key", SEEDS)
def test_goldcheck_scores_every_fact(models, key, tmp_path):
    out = tmp_path / "m.json"
    out.write_text(json.dumps(models[key], ensure_ascii=False), encoding="utf-8")
    res = subprocess.run([sys.executable, str(ROOT / "tests" / "vendor" / "goldcheck.py"), "model", str(out),
                          str(GOLD / f"{SEEDS[key]}.json")], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout


@pytest.mark.parametrize("key", SEEDS)
def test_every_cite_resolves_to_a_tree_id(models, regs, key):
    m, reg = models[key], regs[key]
    ids = reg.ids()
    cite_of = {n.id: n.cite for n in reg.walk()} | {b.id: b.cite for b in reg.lampiran}
    cited = []
    for r in m["roles"]:
        cited.append((r["node"], r["cite"]))
        cited += [(x["id"], x["cite"]) for x in r["duties"] + r["reports_to"] + r["appointed_by"]]
    for p in m["procedures"]:
        cited.append((p["node"], p["cite"]))
        cited += [(s["id"], s["cite"]) for s in p["steps"]]
    for d in m["documents"]:
        cited.append((d["node"], d["cite"]))
        cited += [(c["id"], c["cite"]) for c in d["contents"]]
    for t in m["topics"].values():
        if t:
            cited.append((t["id"], t["cite"]))
    assert cited
    for node_id, cite in cited:
        assert node_id in ids
        assert cite_of[node_id] == cite


def test_jepara_pasal_16_draws_the_reporting_lines(models):
    roles = {r["id"]: r for r in models["jepara"]["roles"]}
    assert {"role": "ketua_tim", "cite": "Pasal 16 ayat (3)", "id": "pasal-16/ayat-3"} in \
        roles["anggota_tim"]["reports_to"]
    assert any(x["role"] == "pimpinan_unit_kerja" and x["cite"] == "Pasal 16 ayat (2)"
               for x in roles["ketua_tim"]["reports_to"])


def test_jepara_lampiran_gives_the_ketua_tim_six_duties(models):
    ketua = next(r for r in models["jepara"]["roles"] if r["id"] == "ketua_tim")
    lampiran = [d for d in ketua["duties"] if d["id"].startswith("lampiran-")]
    assert len(lampiran) == 6
    assert lampiran[0]["text"].startswith("Menyusun rincian pelaksanaan kegiatan")


def test_jepara_surat_permohonan_pelibatan_must_carry_four_things(models):
    doc = next(d for d in models["jepara"]["documents"] if d["id"] == "surat_permohonan_pelibatan")
    texts = [norm(c["text"]) for c in doc["contents"]]
    assert len(texts) == 4
    assert texts[0].startswith("maksud dan tujuan") and texts[3].startswith("durasi pelibatan")


def test_jepara_cross_agency_penunjukan_starts_with_a_letter_to_the_authorised_official(models):
    proc = next(p for p in models["jepara"]["procedures"]
                if p["form"] == "penunjukan" and p["scope"] == "lintas_instansi")
    first = proc["steps"][0]
    assert first["actor"] == "pimpinan_unit_organisasi"
    assert first["document"] == "surat_permohonan_pelibatan"
    assert first["to"] == ["pejabat_yang_berwenang"]
    assert [s["n"] for s in proc["steps"]] == list(range(1, len(proc["steps"]) + 1))


def test_bogor_cross_unit_pengajuan_sukarela_has_tembusan(models):
    proc = next(p for p in models["bogor"]["procedures"]
                if p["form"] == "pengajuan_sukarela" and p["scope"] == "lintas_unit_organisasi")
    assert "pejabat_penilai_kinerja" in proc["steps"][0]["cc"]


def test_bogor_names_the_pelaksana_as_the_act_does(models):
    pel = next(r for r in models["bogor"]["roles"] if r["id"] == "pejabat_pelaksana")
    assert {"pelaksana", "pejabat pelaksana"} <= {a.lower() for a in pel["aliases"]}
    assert pel["definition"]["cite"].startswith("Pasal 1 angka")


def test_peraturan_bupati_is_not_a_mention_of_the_bupati(models):
    # "Peraturan Bupati ini ..." must not count; Jepara names the Bupati only in definitions and the Lampiran
    bupati = next(r for r in models["jepara"]["roles"] if r["id"] == "kepala_daerah")
    assert bupati["mentions"] < 10


MERMAID_LINE = re.compile(
    r'^(flowchart (TD|BT|LR)'
    r'|  subgraph [A-Za-z0-9_]+\["[^"]*"\]'
    r'|    direction (TB|BT|LR)'
    r'|  end'
    r'|    [A-Za-z0-9_]+\["[^"]*"\]'
    r'|    [A-Za-z0-9_]+ -->(\|"[^"]*"\|)? [A-Za-z0-9_]+)$')


@pytest.mark.parametrize("key", SEEDS)
def test_mermaid_is_structurally_valid(models, key):
    from rancang.model.render import to_mermaid

    text = to_mermaid(models[key])
    lines = text.rstrip("\n").split("\n")
    assert lines[0] == "flowchart TD"
    bad = [ln for ln in lines if not MERMAID_LINE.match(ln)]
    assert bad == []
    assert sum(ln.strip().startswith("subgraph") for ln in lines) == sum(ln.strip() == "end" for ln in lines)
    declared = {m.group(1) for m in re.finditer(r"^\s+([A-Za-z0-9_]+)\[", text, re.M)}
    for m in re.finditer(r"^\s+([A-Za-z0-9_]+) -->(?:\|\"[^\"]*\"\|)? ([A-Za-z0-9_]+)$", text, re.M):
        assert m.group(1) in declared and m.group(2) in declared
    assert "-->" in text


def test_mermaid_escapes_quotes_in_labels():
    from rancang.model.render import label

    assert label('surat "A" [x] | y') == '"surat #quot;A#quot; #91;x#93; #124; y"'


def test_markdown_is_an_indonesian_memo(models):
    from rancang.model.render import to_markdown

    md = to_markdown(models["jepara"])
    assert md.startswith("# Model sistem kerja: Peraturan Bupati Jepara Nomor 17 Tahun 2024")
    for heading in ("## Letak pengaturan", "## Peran", "## Prosedur", "## Dokumen yang diperlukan"):
        assert heading in md
    assert "| Pemanfaatan TIK/SPBE | Pasal 18 |" in md


def test_cli_writes_json_and_md(tmp_path):
    from click.testing import CliRunner

    from rancang.model.cli import model

    src = ROOT / "corpus" / "seeds" / f"{SEEDS['pasaman-barat']}.txt"
    out = tmp_path / "m.json"
    res = CliRunner().invoke(model, [str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["topics"]["mulai_berlaku"] == {"cite": "Pasal 19", "id": "pasal-19"}
    res = CliRunner().invoke(model, [str(src), "--format", "md"])
    assert res.exit_code == 0 and "## Letak pengaturan" in res.output


def test_cli_accepts_an_ingested_json_tree(regs, tmp_path):
    from click.testing import CliRunner

    from rancang.model.cli import model

    tree = tmp_path / "tree.json"
    tree.write_text(json.dumps(regs["malang"].to_dict(), ensure_ascii=False), encoding="utf-8")
    res = CliRunner().invoke(model, [str(tree), "--format", "mermaid"])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("flowchart TD")


def test_cli_missing_file_is_one_indonesian_sentence():
    res = subprocess.run([sys.executable, "-m", "rancang.cli", "model", "/tidak/ada.txt"],
                         capture_output=True, text=True)
    assert res.returncode == 1
    assert "berkas tidak ditemukan" in res.stderr and "Traceback" not in res.stderr
