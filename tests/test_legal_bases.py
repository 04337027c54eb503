"""The legal-bases record (generate/data/legal_bases.yaml): consistent, sourced, and the one source of both
`rancang check` (L1-L3, M3, M4) and the Mengingat of drafts."""

from __future__ import annotations

import re

from rancang import corpus
from rancang.generate import citations, mengingat
from rancang.generate.checks import rules
from rancang.generate.checks.base import norm

SOURCES = {"seed-bogor", "seed-jepara", "seed-pasbar", "seed-malang", "uu-2011-12", "uu-2019-15", "uu-2008-14"}


def test_every_act_is_sourced_or_marked_unverified_and_links_resolve():
    acts = citations.knowledge()
    for key, act in acts.items():
        parts = key.split("-")
        assert str(act["tahun"]) == parts[1] and str(act["nomor"] or "") == "".join(parts[2:]), key
        assert set(act.get("sources") or []) <= SOURCES, key
        assert act.get("sources") or act.get("verified") is False, key  # a number is read somewhere, or flagged
        if act.get("verified") is False:
            assert not act.get("ln") and not act.get("bn"), key  # no guessed numbers
        for other in [act.get("amends")] + list(act.get("replaces") or []):
            assert other is None or other in acts, (key, other)
    for group in rules()["M4_base"]["required"]:
        assert set(group) <= set(acts)


def test_numbers_agree_with_every_seed_that_cites_them():
    """Each LN/TLN/BN a seed's Mengingat prints for a recorded act equals the record (the record was read from
    them; this keeps the two from drifting)."""
    acts = citations.knowledge()
    seen = 0
    for key in ("bogor", "jepara", "pasaman-barat", "malang"):
        for item in corpus.load(key).mengingat:
            for cited in citations.parse(norm(item.text)):
                act, pub = acts.get(cited["key"]), cited["pub"]
                if act is None or pub is None:
                    continue
                rec = act.get("ln") or act.get("bn")
                assert (pub["tahun"], pub["nomor"]) == (rec["tahun"], rec["nomor"]), cited["key"]
                assert pub["tln"] in (None, act.get("tln")), cited["key"]
                seen += 1
    assert seen >= 20


def test_amendment_chain_and_replacement_are_derived():
    acts = citations.knowledge()
    assert acts["uu-2014-23"]["amended_by"] == ["uu-2015-2", "uu-2015-9", "uu-2020-11", "uu-2022-1", "uu-2023-6"]
    assert acts["uu-2014-5"]["replaced_by"] == "uu-2023-20"
    assert acts["uu-2020-11"]["replaced_by"] == "uu-2023-6"
    assert acts["uu-2011-12"]["amended_by"] == ["uu-2019-15", "uu-2022-13"]


def test_draft_mengingat_is_printed_from_the_record():
    bases = {b["nomor"]: b for b in mengingat.data()["bases"] if b["nomor"]}
    uu23 = bases["23"]["text"]
    assert uu23.startswith("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik "
                           "Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587)")
    # the latest amendment in force, the replaced UU 11/2020 skipped
    assert re.search(r"beberapa kali diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023 .*Nomor 6856\)$", uu23)
    assert bases["11"]["text"].endswith("sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020 "
                                        "tentang Perubahan atas Peraturan Pemerintah Nomor 11 Tahun 2017 tentang "
                                        "Manajemen Pegawai Negeri Sipil (Lembaran Negara Republik Indonesia Tahun "
                                        "2020 Nomor 68, Tambahan Lembaran Negara Republik Indonesia Nomor 6477)")
    assert "Berita Negara Republik Indonesia Tahun 2022 Nomor 181" in bases["7"]["text"]
