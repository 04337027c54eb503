"""Publication numbers run in date order (kb.sequence): a number only the act's own text gives that sits out of
that order is not verified. Facts of the shipped knowledge base (built from /work/shared/national)."""

from __future__ import annotations

from rancang.kb import store
from rancang.kb.sequence import check_order


def _rec(key: str, day: str, ln: int, sources: list[str]) -> dict:
    fact = {"value": [int(day[:4]), ln], "status": "verified", "agree": len(sources), "disagree": 0,
            "metadata": False, "sources": sources, "others": []}
    return {"key": key, "facts": {"ln": fact, "tanggal": {"value": day}}}


def test_a_lone_own_text_ln_out_of_date_order_is_unverified_and_one_in_order_stays_verified():
    records = {k: _rec(k, d, n, s) for k, d, n, s in [
        ("pp-2016-1", "2016-03-01", 40, ["pp-2017-1", "pp-2017-2"]),
        ("pp-2016-2", "2016-04-01", 60, ["pp-2017-1", "pp-2017-2"]),
        ("pp-2016-3", "2016-12-01", 300, ["pp-2017-1", "pp-2017-2"]),
        ("pp-2016-4", "2016-12-05", 310, ["pp-2017-3", "pp-2017-4"]),
        ("pp-2016-69", "2016-12-29", 3, ["naskah:pp-2016-69"]),      # its text's "3": an OCR cut
        ("pp-2016-10", "2016-05-02", 75, ["naskah:pp-2016-10"]),     # in order: stays verified
        ("pp-2016-11", "2016-06-02", 4162, ["naskah:pp-2016-11"]),   # a TLN read as the LN
    ]}
    assert sorted(check_order(records)) == ["pp-2016-11:ln", "pp-2016-69:ln"]
    assert records["pp-2016-69"]["facts"]["ln"]["status"] == "unverified"
    assert records["pp-2016-10"]["facts"]["ln"]["status"] == "verified"
    # a number two sources give is never doubted so (it is what the order is made of)
    assert records["pp-2016-1"]["facts"]["ln"]["status"] == "verified"


def test_the_shipped_base_doubts_pp_83_2001s_ln_and_keeps_pp_30_2019s_tln():
    base = store.load()
    assert base.fact("pp-2001-83", "ln")["status"] == "unverified"   # "NOMOR 4162" under its signature
    assert base.fact("pp-2016-69", "ln")["status"] == "unverified"
    for key, name in (("pp-2019-30", "tln"), ("pp-2018-49", "tln"), ("pp-2019-72", "ln"), ("pp-2017-38", "ln")):
        assert base.fact(key, name)["status"] == "verified", key
