"""Pictures of the model: each seed's procedures as SVG swimlanes (skipped only without Graphviz)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {"bogor": "000_ee7a6eaa64626c22", "jepara": "001_ced7971a61a5e85a",
         "pasaman-barat": "002_a9b194b47a12baf0", "malang": "003_b7684ddf9c3f1cea"}

graphviz = pytest.importorskip("graphviz")
pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) tidak terpasang")

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def models():
    import rancang.corpus as corpus
    from rancang.model import build

    return {k: build(corpus.load(k)) for k in SEEDS}


def texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return [t.text or "" for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("key", SEEDS)
def test_one_procedure_per_seed_is_drawn_as_swimlanes(models, key):
    from rancang.model.picture import render

    m = models[key]
    proc = next(p for p in m["procedures"] if p["scope"] and p["scope"].startswith("lintas"))
    words = texts(render(m, "svg", proc["id"]))
    names = {r["id"]: r["name"] for r in m["roles"]}
    for actor in {s["actor"] for s in proc["steps"] if s["actor"]}:
        assert names[actor] in words  # a lane per party, labelled with its name
    assert "Unit asal (pemohon)" in words and "Unit tujuan (yang dituju)" in words
    starts = [w for w in words if w[:1].isdigit() and ". " in w[:4]]
    assert sorted(int(w.split(".")[0]) for w in starts) == [s["n"] for s in proc["steps"]]


def test_reporting_lines_and_all_procedures_in_one_picture(models):
    from rancang.model.picture import render

    m = models["jepara"]
    words = " ".join(texts(render(m, "svg")))
    names = {r["id"]: r["name"] for r in m["roles"]}
    assert "Garis pelaporan" in words
    assert all(names[ln["from"]].replace(" ", "") in words.replace(" ", "") for ln in m["reporting_lines"])
    assert words.count("Unit tujuan (yang dituju)") == sum(
        any(s["side"] == "tujuan" for s in p["steps"]) for p in m["procedures"])
    assert render(m, "png", m["procedures"][0]["id"]).startswith(b"\x89PNG")


def test_cli_writes_svg_and_refuses_an_unknown_procedure(tmp_path):
    src = ROOT / "corpus" / "seeds" / f"{SEEDS['malang']}.txt"
    out = tmp_path / "m.svg"
    res = subprocess.run([sys.executable, "-m", "rancang.cli", "model", str(src), "--format", "svg", "-o", str(out)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert ET.fromstring(out.read_bytes()).tag == f"{SVG}svg"
    res = subprocess.run([sys.executable, "-m", "rancang.cli", "model", str(src), "--format", "svg",
                          "--procedure", "tidak_ada"], capture_output=True, text=True)
    assert res.returncode == 1 and "prosedur 'tidak_ada' tidak ada dalam model" in res.stderr
    assert "Traceback" not in res.stderr
