"""Decisions of the Mahkamah Konstitusi in the knowledge base (rancang.kb.mk) and in `check`: an act the Court struck
is not "dicabut", and a repeal made by an act the Court struck whole is void (UU 24/2003 Pasal 56-57). The BPK
records in tests/data/kb/mk are copied unchanged from /work/shared/national/bpk-uu-metadata (JohnAmadeo/indolaw,
commit 25d2a221a26315d086a82bc7a2cca9621d84f668):

* UU 17/2012 (Perkoperasian): "Mencabut UU - UU NO. 25/1992", "bertentangan dengan UUD 1945 Putusan Mahkamah
  Konstitusi - Nomor 28/PUU-XI/2013" (the decision struck it whole; UU 25/1992 applies again);
* UU 25/1992: "Dicabut UU - UU No.17/2012";
* UU 7/2004 (Sumber Daya Air): "Dibatalkan Putusan Mahkamah Konstitusi - Undang-Undang Nomor 7 Tahun 2004 ... tidak
  memiliki kekuatan hukum mengikat dan Undang-Undang Nomor 11 Tahun 1974 tentang Pengairan berlaku kembali ...";
* UU 11/1974; UU 5/1986 (Peradilan Tata Usaha Negara): "Dicabut Putusan Mahkamah Konstitusi - No. 17/PUU-IX/2011
  untuk Pasal 109 ayat (3) ..." (one ayat struck: the act stays in force).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rancang.cli import cli
from rancang.generate.check import check
from rancang.ingest import ingest_text
from rancang.kb import store
from rancang.kb.compile import compile_acts
from rancang.parts import Dasar
from rancang.web.kbfacts import facts_of

MK = Path(__file__).parent / "data" / "kb" / "mk"
CLEAN = (Path(__file__).parent / "data" / "check_clean.md").read_text(encoding="utf-8")
UU20 = ("Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara (Lembaran Negara Republik Indonesia Tahun "
        "2023 Nomor 141, Tambahan Lembaran Negara Republik Indonesia Nomor 6897)")
#: UU 25/1992 as UU 4/2023 (Pengembangan dan Penguatan Sektor Keuangan) cites it, ten years after UU 17/2012
UU25 = ("Undang-Undang Nomor 25 Tahun 1992 tentang Perkoperasian (Lembaran Negara Republik Indonesia Tahun 1992 "
        "Nomor 116, Tambahan Lembaran Negara Republik Indonesia Nomor 3502)")
UU17 = ("Undang-Undang Nomor 17 Tahun 2012 tentang Perkoperasian (Lembaran Negara Republik Indonesia Tahun 2012 Nomor "
        "212, Tambahan Lembaran Negara Republik Indonesia Nomor 5355)")


#: what UU 17/2012's own text says (data-peraturan uu/2012/17.md: "Diundangkan di Jakarta pada tanggal 30 Oktober
#: 2012"; Pasal 125: UU 25/1992 "dicabut dan dinyatakan tidak berlaku")
UU17_TEXT = {"file": "uu/2012/17.md", "self": {"key": "uu-2012-17", "jenis": "Undang-Undang", "nomor": "17",
                                               "tahun": 2012, "tentang": "Perkoperasian"},
             "date": "2012-10-30", "repeals": [{"key": "uu-1992-25", "jenis": "Undang-Undang", "nomor": "25",
                                                "tahun": 1992}]}


@pytest.fixture(scope="module")
def mk_base() -> store.KnowledgeBase:
    return store.KnowledgeBase(acts={r["key"]: r for r in compile_acts([UU17_TEXT], MK)})


@pytest.fixture()
def with_mk(mk_base, monkeypatch) -> store.KnowledgeBase:
    monkeypatch.setattr(store, "load", lambda: mk_base)
    return mk_base


def _l_findings(text: str) -> list[tuple[str, str, str]]:
    return [(f["rule"], f["severity"], f["message"]) for f in check(ingest_text(text, "uji.md"))
            if f["rule"].startswith("L")]


def test_the_courts_decisions_are_kept_apart_from_repeals_with_their_scope(mk_base):
    uu17 = mk_base.get("uu-2012-17")
    assert [(d["putusan"], d["lingkup"], d["sources"]) for d in uu17["mk"]] == [
        ("28/PUU-XI/2013", "tidak disebut", ["bpk:uu-2012-17"])]
    uu7 = mk_base.get("uu-2004-7")
    assert [(d["putusan"], d["lingkup"], d["revives"]) for d in uu7["mk"]] == [("85/PUU-XI/2013", "seluruh",
                                                                             [["11", 1974]])]
    assert [d["lingkup"] for d in mk_base.get("uu-1986-5")["mk"]] == ["sebagian"]
    # the repeal stays a fact (UU 17/2012's own words), marked with the decision that may void it
    rel = mk_base.get("uu-1992-25")["repealed_by"]
    assert [(r["act"], r["status"], r["mk"]) for r in rel] == [("uu-2012-17", "verified", ["28/PUU-XI/2013"])]
    # a decision on part of an act is no repeal of anything
    assert not any(r.get("mk") for r in mk_base.get("uu-1986-5")["repealed_by"])


def test_citing_uu_25_1992_after_the_court_struck_uu_17_2012_is_no_galat_but_an_info_naming_the_decision(with_mk):
    found = _l_findings(CLEAN.replace(UU20, UU25))
    assert [(r, s) for r, s, _m in found] == [("L1_mk", "info")]
    message = found[0][2]
    assert "Putusan Mahkamah Konstitusi Nomor 28/PUU-XI/2013" in message
    assert "Undang-Undang Nomor 25 Tahun 1992 dicabut dengan Undang-Undang Nomor 17 Tahun 2012" in message
    assert "UU 25/1992 berlaku kembali" in message


def test_a_repeal_the_court_voided_in_words_says_the_old_act_applies_again(with_mk):
    """UU 7/2004's record says UU 11/1974 "berlaku kembali": the message says so without a condition."""
    uu11 = ("Undang-Undang Nomor 11 Tahun 1974 tentang Pengairan (Lembaran Negara Republik Indonesia Tahun 1974 Nomor "
            "65, Tambahan Lembaran Negara Republik Indonesia Nomor 3046)")
    found = _l_findings(CLEAN.replace(UU20, uu11))
    assert [(r, s) for r, s, _m in found] == [("L1_mk", "info")]
    assert "dinyatakan tidak mempunyai kekuatan hukum mengikat oleh Putusan Mahkamah Konstitusi Nomor " \
           "85/PUU-XI/2013" in found[0][2] and "; UU 11/1974 berlaku kembali." in found[0][2]


def test_before_the_decision_the_repeal_stood(with_mk):
    """A draft of 2012 citing UU 25/1992 after UU 17/2012 (promulgated 30 October 2012; the decision registered in
    2013): the repeal stood then, and a verified repeal before a draft is an error."""
    text = CLEAN.replace(UU20, UU25).replace("TAHUN 2024", "TAHUN 2012").replace("2 Januari 2024",
                                                                                  "3 Desember 2012")
    found = _l_findings(text)
    assert ("L1", "error") in [(r, s) for r, s, _m in found] or ("L1", "warning") in [(r, s) for r, s, _m in found]
    assert "L1_mk" not in [r for r, _s, _m in found]


def test_citing_the_struck_act_itself_is_an_info_naming_the_decision(with_mk):
    found = _l_findings(CLEAN.replace(UU20, UU17))
    assert [(r, s) for r, s, _m in found] == [("L1_mk_act", "info")]
    assert "Undang-Undang Nomor 17 Tahun 2012 diputus bertentangan dengan UUD 1945" in found[0][2]
    assert "Nomor 28/PUU-XI/2013" in found[0][2]


def test_an_act_with_one_ayat_struck_is_a_valid_base_without_a_finding(with_mk):
    uu5 = ("Undang-Undang Nomor 5 Tahun 1986 tentang Peradilan Tata Usaha Negara (Lembaran Negara Republik Indonesia "
           "Tahun 1986 Nomor 77, Tambahan Lembaran Negara Republik Indonesia Nomor 3344)")
    assert _l_findings(CLEAN.replace(UU20, uu5)) == []


def test_the_shipped_knowledge_base_gives_no_galat_on_uu_25_1992():
    """With the knowledge base built from the whole collection (UU 17/2012's own text also says it repeals UU
    25/1992): a draft of 2024 citing UU 25/1992 as UU 4/2023 does gets no error."""
    found = _l_findings(CLEAN.replace(UU20, UU25))
    assert [f for f in found if f[1] == "error"] == []
    assert ("L1_mk", "info") in [(r, s) for r, s, _m in found]


def test_kb_show_lists_the_decisions(with_mk):
    out = CliRunner().invoke(cli, ["kb", "show", "UU 17/2012"]).output
    assert "Putusan Mahkamah Konstitusi: 28/PUU-XI/2013 (seluruhnya atau sebagian tidak disebut)" in out
    out = CliRunner().invoke(cli, ["kb", "show", "UU 25/1992"]).output
    assert "UU 17/2012 diputus Mahkamah Konstitusi (28/PUU-XI/2013): pencabutan ini dapat tidak berlaku" in out
    data = json.loads(CliRunner().invoke(cli, ["kb", "show", "UU 7/2004", "--json"]).output)
    assert data["mk"][0]["lingkup"] == "seluruh"


def test_the_reader_shows_the_decision_beside_the_mengingat_entry(with_mk):
    shown = facts_of(Dasar(label="1.", text=UU25))
    assert shown[0]["key"] == "uu-1992-25"
    assert "dicabut dengan UU 17/2012 (terverifikasi); UU 17/2012 diputus Mahkamah Konstitusi" in shown[0]["relations"]
    shown = facts_of(Dasar(label="1.", text=UU17))
    assert "Putusan Mahkamah Konstitusi 28/PUU-XI/2013 (tidak disebut)" in shown[0]["relations"]
