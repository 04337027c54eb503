"""Legal bases from the knowledge base of acts (rancang.kb, shipped as kb/data/acts.jsonl.gz): the acts drafts and
letters cite are known with sources, agree with the seeds that cite them (the one typo kept as a dissent), and are
printed from the knowledge base, never from numbers typed into data."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from rancang import corpus
from rancang.generate.check import rules
from rancang.generate.check.base import norm
from rancang.generate.draft import mengingat
from rancang.generate.draft.notes import Notes
from rancang.generate.naskah.catalogue import examples, scenarios_data
from rancang.generate.naskah.isian import mengingat as keputusan_mengingat
from rancang.generate.shared import kbcite
from rancang.generate.shared.profile import example_names, example_path
from rancang.generate.shared.profile import load as load_profile
from rancang.kb import store
from rancang.kb.acts import key as act_key
from rancang.kb.observe import cited_acts

ROOT = Path(__file__).resolve().parent.parent


def test_every_act_a_draft_or_letter_cites_is_known_with_verified_publication():
    base = store.load()
    keys = [b["act"] for b in mengingat.resources.read_yaml("shared/data/mengingat.yaml")["bases"]]
    keys += [k for k in scenarios_data()["mengingat"] if "{" not in k] + [scenarios_data()["dasar_nasional"]]
    for k in keys:
        rec = base.get(k)
        assert rec is not None, k
        if k != "uud-1945":
            assert any(rec["facts"].get(f, {}).get("status") == "verified" for f in ("ln", "bn")), k
    for group in rules()["M4_base"]["required"]:
        assert all(base.get(k) for k in group), group


def test_numbers_agree_with_every_seed_that_cites_them_or_keep_the_seed_as_a_dissent():
    """Each LN/BN/TLN a seed prints is the knowledge base's value, or is kept as that seed's dissent (the Jepara
    seed's TLN 5888 for PP 18/2016: its own text and PP 72/2019 say 5887)."""
    base = store.load()
    dissent, seen = [], 0
    for key in ("bogor", "jepara", "pasaman-barat", "malang"):
        for item in corpus.load(key).mengingat:
            for cited in cited_acts(norm(item.text)):
                pub, k = cited["pub"], cited["act"]["key"]
                if pub is None or base.get(k) is None or pub["kind"] not in ("Lembaran Negara", "Berita Negara"):
                    continue
                gazette = "ln" if pub["kind"] == "Lembaran Negara" else "bn"
                for name, value in ((gazette, [pub["tahun"], pub["nomor"]]), ("tln", pub["tln"])):
                    fact = base.fact(k, name)
                    if value is None or fact is None:
                        continue
                    seen += 1
                    if fact["value"] != value:
                        assert any(value == o["value"] for o in fact["others"]), (key, k, name)
                        dissent.append((k, name, value))
    assert seen >= 20
    assert dissent == [("pp-2016-18", "tln", 5888)]


def test_amendment_chain_and_repeal_are_derived_with_sources():
    base = store.load()
    amended = {r["act"]: r for r in base.get("uu-2014-23")["amended_by"]}
    assert {"uu-2015-2", "uu-2015-9", "uu-2020-11", "uu-2023-6"} <= {k for k, r in amended.items()
                                                                      if r["status"] == "verified"}
    assert "bpk:uu-2014-23" in amended["uu-2015-9"]["sources"]
    assert [r["act"] for r in base.get("uu-2014-5")["repealed_by"]] == ["uu-2023-20"]
    assert "uu-2023-6" in [r["act"] for r in base.get("uu-2020-11")["repealed_by"]]
    assert {r["act"] for r in base.get("uu-2011-12")["amended_by"] if r["status"] == "verified"} >= {"uu-2019-15"}


def test_draft_mengingat_is_printed_from_the_knowledge_base():
    bases = {b["nomor"]: b for b in mengingat.data(2026)["bases"] if b["nomor"]}
    uu23 = bases["23"]["text"]
    assert uu23.startswith("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik "
                           "Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587)")
    # the latest amendment made by 2026, UU 11/2020 (repealed by UU 6/2023) skipped
    assert re.search(r"beberapa kali diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023 .*Nomor 6856\)$", uu23)
    assert bases["11"]["text"].endswith("Nomor 6477)") and "Peraturan Pemerintah Nomor 17 Tahun 2020" in \
        bases["11"]["text"]
    assert "Berita Negara Republik Indonesia Tahun 2022 Nomor 181" in bases["7"]["text"]
    assert all(not b["blanks"] for b in bases.values())


def test_a_fact_the_knowledge_base_lacks_is_a_visible_blank():
    base = store.load()
    pub, blanks = kbcite.publication(base, "uu-1950-16")  # only one citing act prints its Berita Negara
    assert "Nomor ....)" in pub and blanks


def test_letters_cite_permenpan_rb_7_2022_with_berita_negara_2022_nomor_181():
    texts = keputusan_mengingat(None, 2026)
    assert any("Nomor 7 Tahun 2022" in t and "Berita Negara Republik Indonesia Tahun 2022 Nomor 181" in t
               for t in texts)
    assert any("Tahun 2023 Nomor 141" in t for t in examples()["mengingat"])


_TYPED = re.compile(r"(?:Lembaran|Berita)\s+Negara[^()\n]{0,60}?Nomor\s+\d+|Tambahan\s+Lembaran\s+Negara[^()\n]{0,40}?"
                    r"Nomor\s+\d+")


def test_no_publication_number_is_typed_into_a_template_or_data_file():
    """Numbers the knowledge base gives are never typed into a template or a data file (generate/, the writers'
    ingest/writers/, model/patterns, rancang/data; a .docx template read as its XML); the example profiles' own
    acts are the user's data and stay theirs (next test)."""
    typed = []
    for folder in ("generate", "ingest/writers", "model/patterns", "rancang/data"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".yaml", ".json", ".jsonl", ".txt", ".md", ".html"):
                texts = [path.read_text(encoding="utf-8")]
            elif path.suffix == ".docx":
                with zipfile.ZipFile(path) as z:
                    texts = [re.sub(r"<[^>]+>", "", z.read(n).decode("utf-8")) for n in z.namelist()
                             if n.endswith(".xml")]
            else:
                continue
            typed += [f"{path.relative_to(ROOT)}: {m.group(0)}" for t in texts for m in _TYPED.finditer(t)]
    assert typed == []


def _profile_acts(profile: dict) -> list[dict]:
    return [a for base in profile["dasar_hukum_daerah"] for a in [base, *(base.get("perubahan") or [])]]


def test_an_example_profile_types_no_publication_the_knowledge_base_holds_verified():
    """UU 13/1954 (LN 1954/40, TLN 551: verified) is cited by the Kota Magelang example without a typed number;
    what a profile still types (UU 15/1950 in Berita Negara 1950 Nomor 44: one source at most) is the user's."""
    base = store.load()
    for name in example_names():
        profile = load_profile(example_path(name))
        region = f"{profile.data['daerah']['jenis'].title()} {profile.data['daerah']['nama']}"
        for act in _profile_acts(profile.data):
            if act.get("lembaran"):
                jenis = act["jenis"] if act["jenis"] != "Peraturan Daerah" else f"Peraturan Daerah {region}"
                key = act_key(jenis, str(act["nomor"]), int(act["tahun"]))
                assert not mengingat.profile_publication_verified(base, key, act["lembaran"]), (name, key)
    assert mengingat.profile_publication_verified(
        base, "uu-1954-13", "Lembaran Negara Republik Indonesia Tahun 1954 Nomor 40, Tambahan Lembaran Negara "
        "Republik Indonesia Nomor 551")
    assert not mengingat.profile_publication_verified(
        base, "uu-1954-13", "Lembaran Negara Republik Indonesia Tahun 1954 Nomor 40, Tambahan Lembaran Negara "
        "Republik Indonesia Nomor 552")


def test_a_publication_the_profile_gives_and_the_knowledge_base_does_not_verify_is_listed_in_catatan():
    notes = Notes()
    entries = mengingat.entries(load_profile(example_path("sleman")), notes)
    uu15 = next(i for i, e in enumerate(entries, 1) if "Nomor 15 Tahun 1950" in e.text)
    assert "(Berita Negara Republik Indonesia Tahun 1950 Nomor 44)" in entries[uu15 - 1].text  # printed as given
    listed = [n for n in notes.items if n.kind == "isian" and "dari profil, belum terverifikasi" in n.why]
    assert [n.cite for n in listed if "Undang-Undang Nomor 15 Tahun 1950" in n.why] == [f"Mengingat angka {uu15}"]
    assert any("Lembaran Daerah Kabupaten Sleman Tahun 2016 Nomor 12" in n.why for n in listed)
    # a national base printed from the knowledge base (verified) is never listed
    assert not any("Nomor 23 Tahun 2014" in n.why for n in listed)
    magelang = Notes()
    mengingat.entries(load_profile(example_path("kota-magelang")), magelang)
    # (its publication, verified, is not listed; its title is the profile's, agreeing with PP 52/2010's)
    assert not any("Nomor 13 Tahun 1954" in n.why and "pengundangan" in n.why for n in magelang.items)
