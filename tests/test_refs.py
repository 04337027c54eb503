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
    assert ref.citation.jenis == "Peraturan Bupati Malang" and ref.citation.nomor == "27"


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
    assert item.refs[0].citation.jenis.startswith("Peraturan Bupati Jepara")


# --- the fast readings equal the plain ones ------------------------------------------------------------------------

#: pieces of reference lists, other acts' names and prose, to build clauses that stress the fast paths
_PIECES = ["Pasal 5", "ayat (2)", "huruf a", "huruf aa", "huruf ii", "angka 3", "Pasal 7A", "pasal 9", "ayat(3)",
           ", ", " dan ", " atau ", " sampai dengan ", " dan/atau ", " serta ", ", dan ", " yang ", "; ", " II ",
           " Peraturan Bupati Jepara Nomor 67 Tahun 2021", " Undang-Undang Nomor 5 Tahun 2014", " Lampiran I",
           " (1)", " ayat (2a)", "(Pasal 3)", " nomor 1, 2 dan 3", "berasal", "xPasal 4", " tentang Desa"]


def _clauses(n: int, seed: int) -> list[str]:
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(n)]


def test_tokens_found_at_keywords_equal_a_full_scan():
    from rancang.ingest.refs import grammar as g

    for text in _clauses(3000, 1):
        full = [m.span() for m in g.TOKEN.finditer(text) if g.word_start(text, m.start())]
        assert [m.span() for m in g.keyword_tokens(text)] == full, text


def test_reference_lists_read_right_to_left_equal_each_stretch_read_whole():
    from rancang.ingest.refs import acts as refs
    from rancang.ingest.refs.grammar import chains as read_chains

    def whole(text, chains):
        out = []
        for _start, end, _ in chains:
            if refs.EXTERNAL.match(text[end:end + 80]):
                out.append(end)
                continue
            clause_end = text.find(";", end)
            window = text[end:clause_end if clause_end >= 0 else len(text)]
            m = refs.search_word(refs.ACT_CITATION, window) if "Nomor" in window else None
            out.append(end + m.start() if m and refs.REFERENCE_FILLER.match(window[:m.start()]) else None)
        return out

    for text in _clauses(3000, 2):
        chains = list(read_chains(text))
        assert refs.external_chains(text, chains) == whole(text, chains), text
        for start, end, items in chains:
            assert refs.chain_fills(items) == refs.is_filler(text[start:end]), text[start:end]


def test_citations_tried_at_act_names_equal_a_full_scan():
    from rancang.ingest import konsiderans

    texts = _clauses(2000, 3) + ["Undang-Undang Dasar Negara Republik Indonesia Tahun 1945; PERATURAN BUPATI MALANG "
                                 "NOMOR 5 TAHUN 2020 TENTANG X, Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015"]
    for text in texts:
        full = [(m.span(), m.groupdict()) for m in konsiderans._CITATION.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in konsiderans._citations(text)] == full, text
