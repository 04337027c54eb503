"""Lossless: every character of a seed is in its tree or counted as a removed artefact; the canonical text
(--format md) ingests back to the same tree; every tree satisfies the regulation schema."""

from __future__ import annotations

import pytest
from conftest import SEED_IDS, SEEDS

from rancang import schema
from rancang.ingest import ingest_text
from rancang.ingest.conservation import difference
from rancang.ingest.writers.markdown import CANONICAL_MARK, render

REGIONS = list(SEED_IDS)


@pytest.mark.parametrize("region", REGIONS)
def test_every_character_of_the_source_is_accounted_for(region, seed_trees):
    source = (SEEDS / f"{SEED_IDS[region]}.txt").read_text(encoding="utf-8")
    missing, invented = difference(source, seed_trees[region])
    assert not missing, f"lost: {dict(missing.most_common(10))}"
    assert not invented, f"invented: {dict(invented.most_common(10))}"


def test_removed_artefacts_are_counted_by_kind(seed_trees):
    stats = seed_trees["pasaman_barat"].stats
    assert stats.artefacts["bullet"] > 50 and stats.artefacts["markup"] > 5
    assert all({"kind", "line", "text"} <= set(r) for r in stats.removed)


def _projection(d: dict) -> dict:
    def node(n):
        return {"type": n["type"], "number": n["number"], "heading": n["heading"], "text": n["text"],
                "id": n["id"], "cite": n["cite"], "children": [node(c) for c in n["children"]],
                "refs": [(r["kind"], r["target"], r["resolved"]) for r in n["refs"]]}

    return {"meta": d["meta"], "preamble": d["preamble"], "diktum": d["diktum"],
            "menimbang": [m["text"] for m in d["menimbang"]],
            "mengingat": [(m["text"], m["citation"], m["amendments"]) for m in d["mengingat"]],
            "body": [node(n) for n in d["body"]], "penutup": d["penutup"],
            "lampiran": [(b["type"], b["label"], b["text"], b.get("rows")) for b in d["lampiran"]]}


@pytest.mark.parametrize("region", REGIONS)
def test_canonical_text_round_trips_to_the_same_tree(region, seed_trees):
    md = render(seed_trees[region])
    assert md.startswith(CANONICAL_MARK)
    again = ingest_text(md, f"{region}.md")
    assert _projection(again.to_dict()) == _projection(seed_trees[region].to_dict())


def test_canonical_text_has_no_artefacts(seed_trees):
    md = render(seed_trees["pasaman_barat"])
    assert "**" not in md and "\n- " not in md


@pytest.mark.parametrize("region", REGIONS)
def test_tree_satisfies_the_regulation_schema(region, seed_trees):
    assert schema.errors("regulation", seed_trees[region].to_dict()) == []


def test_schema_rejects_a_pasal_without_number(seed_trees):
    d = seed_trees["jepara"].to_dict()
    d["body"][0]["children"][0]["number"] = None
    assert any("number" in e or "None" in e for e in schema.errors("regulation", d))


def test_fast_and_reference_validators_agree(seed_trees):
    good = seed_trees["bogor"].to_dict()
    bad = seed_trees["bogor"].to_dict()
    bad["meta"]["tahun"] = "dua ribu"
    for data in (good, bad):
        assert schema.is_valid("regulation", data) == (schema.errors("regulation", data) == [])


def test_memperhatikan_is_no_legal_basis_and_loses_nothing(gold):
    # "Memperhatikan :" after Mengingat names what the act took into account, not a legal basis: Mengingat keeps
    # its 8 entries, the clause stays in the diktum part, and the canonical text reads back the same
    source = (SEEDS / f"{SEED_IDS['jepara']}.txt").read_text(encoding="utf-8")
    at = source.index("MEMUTUSKAN")
    clause = ("Memperhatikan : Surat Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor "
              "B/123/M.SM.02/2024 tentang Penyesuaian Sistem Kerja;\n\n")
    reg = ingest_text(source[:at] + clause + source[at:], "jepara.txt")
    assert len(reg.mengingat) == gold["jepara"]["mengingat"] == 8
    assert reg.diktum[0].startswith("Memperhatikan") and len(reg.pasals()) == 22
    assert difference(source[:at] + clause + source[at:], reg) == ({}, {})
    again = ingest_text(render(reg), "jepara.md")
    assert _projection(again.to_dict()) == _projection(reg.to_dict())
