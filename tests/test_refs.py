"""Cross-references are found, resolved to node ids, and kept (unresolved) where they point nowhere."""

from __future__ import annotations


def refs_of(reg, cite):
    node = reg.find(cite)
    assert node is not None, cite
    return node.refs


def test_bogor_pasal_24_ayat_1_cites_an_ayat_3_that_does_not_exist(seed_trees):
    refs = refs_of(seed_trees["bogor"], "Pasal 24 ayat (1)")
    broken = [r for r in refs if not r.resolved]
    assert [(r.text, r.target) for r in broken] == [("ayat (3)", ["pasal-24/ayat-3"])]


def test_reference_to_a_huruf_of_another_pasal_resolves(seed_trees):
    refs = refs_of(seed_trees["bogor"], "Pasal 6")
    assert any(r.target == ["pasal-5/huruf-a"] and r.resolved for r in refs)


def test_same_pasal_reference_pada_ayat(seed_trees):
    refs = refs_of(seed_trees["bogor"], "Pasal 2 ayat (2)")
    assert refs[0].text == "ayat (1) huruf c"
    assert refs[0].target == ["pasal-2/ayat-1/huruf-c"] and refs[0].resolved


def test_a_range_of_pasal_expands(seed_trees):
    refs = refs_of(seed_trees["malang"], "Pasal 13 ayat (2)")
    rng = next(r for r in refs if "sampai dengan" in r.text)
    assert rng.target == [f"pasal-{n}" for n in range(3, 13)]
    assert rng.resolved


def test_pasal_of_another_act_is_external_with_its_citation(seed_trees):
    items = seed_trees["malang"].find("Pasal 16").child_list("huruf")
    ref = items[0].refs[0]
    assert ref.kind == "external" and ref.target == []
    assert ref.citation["jenis"] == "Peraturan Bupati Malang" and ref.citation["nomor"] == "27"


def test_every_internal_reference_of_the_clean_seeds_resolves_except_known_defects(seed_trees):
    unresolved = {
        region: sorted({n.cite for n in reg.walk() for r in n.refs if r.kind == "internal" and not r.resolved})
        for region, reg in seed_trees.items()
    }
    assert unresolved == {"bogor": ["Pasal 24 ayat (1)"], "jepara": [], "pasaman_barat": [], "malang": []}


def test_a_list_of_references_to_another_perbup_is_external_throughout(seed_trees):
    # Jepara Pasal 21 huruf v: "Pasal 14 ayat (2), ..., Huruf B nomor 1 dan 2, ... Peraturan Bupati Jepara Nomor ..."
    item = seed_trees["jepara"].find("Pasal 21 huruf v")
    assert item.refs and {r.kind for r in item.refs} == {"external"}
    assert item.refs[0].citation["jenis"].startswith("Peraturan Bupati Jepara")
