"""One source for each contract (issue 24 item 3): every enum of the JSON Schemas that names a catalogue's entries
is held to that catalogue, and a topic, a letter type or a check rule is added by editing data only.

The schemas are the published contract between the stages, so they keep their lists written out; the catalogues
(``rancang/data/topics.json``, ``generate/naskah/data/letters.yaml``, the node types of :mod:`rancang.tree`) are where a
new entry is made. The tests below compare the two, never a count: a topic added to both passes, a topic added to
one fails here, naming the file to edit (docs/extending.md walks through each addition).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from rancang import kinds, schema, topics, tree
from rancang.errors import InputError
from rancang.generate import check as checks
from rancang.generate import naskah
from rancang.generate.check import base
from rancang.generate.naskah import catalogue
from rancang.generate.naskah.letter_data import LetterData
from rancang.generate.shared import profile_data
from rancang.ingest import ingest_text
from rancang.model import shapes


def _at(data: Any, pointer: str) -> Any:
    for part in pointer.strip("/").split("/"):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


#: (schema, JSON pointer to the list, the catalogue it must equal, whether order counts)
CONTRACTS: list[tuple[str, str, Callable[[], list[str]], bool]] = [
    ("sistemkerja", "/properties/topics/required", topics.keys, True),
    ("sistemkerja", "/properties/topics/properties", topics.keys, True),
    ("letter", "/properties/jenis/enum", lambda: list(naskah.types()), True),
    ("regulation", "/$defs/node/properties/type/enum", lambda: list(tree.NODE_TYPES), False),
    # a tree's region kind: a kind of region of data/kinds.json, "nasional" for a national act, or unknown
    ("regulation", "/$defs/meta/properties/daerah_jenis/enum", lambda: [*kinds.regions(), "nasional", None], False),
]


@pytest.mark.parametrize(("name", "pointer", "source", "ordered"), CONTRACTS,
                         ids=[f"{n}{p}" for n, p, _, _ in CONTRACTS])
def test_the_schema_names_what_the_catalogue_names(name, pointer, source, ordered):
    listed = list(_at(schema.load(name), pointer))
    want = source()
    if not ordered:
        listed, want = sorted(listed, key=repr), sorted(want, key=repr)
    extra, lacking = sorted(set(listed) - set(want), key=repr), sorted(set(want) - set(listed), key=repr)
    assert listed == want, (f"schema/{name}.schema.json {pointer} differs from its catalogue: only in the schema "
                            f"{extra}, only in the catalogue {lacking} (or the order differs)")


@pytest.fixture
def patched_schema(monkeypatch):
    """Edit a loaded schema as its file would be edited: ``patched_schema(name)`` returns a copy to change, and the
    cached validators are rebuilt from it (and again from the file afterwards)."""
    original = schema.load
    copies: dict[str, dict[str, Any]] = {}

    def edit(name: str) -> dict[str, Any]:
        copies[name] = copy.deepcopy(original(name))
        return copies[name]

    monkeypatch.setattr(schema, "load", lambda name: copies.get(name) or original(name))
    schema.fast_check.cache_clear()
    yield edit
    schema.fast_check.cache_clear()


def test_a_letter_type_added_to_the_catalogue_and_the_schema_renders(monkeypatch, patched_schema):
    """A new naskah type: a row of letters.yaml (here: a copy of a surat dinas under a new name and title) and its
    name in the schema's ``jenis`` enum. No module changes; it renders from the example data."""
    base_name = next(n for n, t in naskah.types().items() if t["layout"] == "surat")
    cat = copy.deepcopy(catalogue.catalogue())
    cat["types"]["undangan-rapat-koordinasi"] = {**cat["types"][base_name], "judul": "Undangan Rapat Koordinasi"}
    monkeypatch.setattr(catalogue, "catalogue", lambda: cat)
    patched_schema("letter")["properties"]["jenis"]["enum"].append("undangan-rapat-koordinasi")
    data = naskah.example_data(base_name)
    assert naskah.render("undangan-rapat-koordinasi", data)[:2] == b"PK"  # a DOCX (zip) package


def test_a_letter_type_missing_from_the_schema_is_refused(monkeypatch):
    base_name = next(iter(naskah.types()))
    cat = copy.deepcopy(catalogue.catalogue())
    cat["types"]["tidak-di-skema"] = cat["types"][base_name]
    monkeypatch.setattr(catalogue, "catalogue", lambda: cat)
    with pytest.raises(InputError, match="jenis: nilai 'tidak-di-skema' tidak diizinkan"):
        naskah.render("tidak-di-skema", naskah.example_data(base_name))


PERBUP = ("BUPATI CONTOH\n\nPERATURAN BUPATI CONTOH\nNOMOR 1 TAHUN 2024\n\nTENTANG\n\nSISTEM KERJA\n\n"
          "Pasal 1\n\nSistem kerja dilaksanakan oleh Perangkat Daerah.\n")


def test_a_check_rule_is_a_row_of_the_rule_table_and_one_function(monkeypatch):
    """A new check rule: its row in data/rules.yaml (source, severity, message) and one function in the module of
    its family, listed in that module's CHECKS. Here the row and the function are added at run time."""
    table = {**base._table(), "Z9": {"family": "contoh", "source": "UU 12/2011 Lampiran II (contoh)",
                                    "severity": "warning", "message": "Pasal {n} diperiksa."}}
    monkeypatch.setattr(base, "_table", lambda: table)  # data/rules.yaml as read, with the new row

    def every_pasal(reg):
        for node in reg.walk():
            if node.type == "pasal":
                yield base.finding("Z9", node.cite, n=node.number)

    monkeypatch.setattr(checks, "CHECKS", [*checks.CHECKS, every_pasal])
    found = [f for f in checks.check(ingest_text(PERBUP, "contoh.txt")) if f["rule"] == "Z9"]
    assert found == [{"severity": "warning", "code": "Z9", "rule": "Z9", "source": "UU 12/2011 Lampiran II (contoh)",
                      "message": "Pasal 1 diperiksa.", "cite": "Pasal 1"}]


#: the typed shapes of schema objects, profiles and the sistem-kerja model (TypedDict, schema, JSON pointer of the
#: object; "" for the whole document)
SHAPES = [(profile_data.RegionData, "region", ""), (profile_data.Daerah, "region", "/properties/daerah"),
          (profile_data.KepalaDaerah, "region", "/properties/kepala_daerah"),
          (profile_data.SekretarisDaerah, "region", "/properties/sekretaris_daerah"),
          (profile_data.BeritaDaerah, "region", "/properties/berita_daerah"),
          (profile_data.Opsi, "region", "/properties/opsi"), (profile_data.Citation, "region", "/$defs/citation"),
          (profile_data.Dasar, "region", "/$defs/dasar"),
          (shapes.SistemKerja, "sistemkerja", ""), (shapes.RegulationRef, "sistemkerja", "/properties/regulation"),
          (shapes.Stage, "sistemkerja", "/properties/stages/items"),
          (shapes.Role, "sistemkerja", "/properties/roles/items"),
          (shapes.ReportingLine, "sistemkerja", "/properties/reporting_lines/items"),
          (shapes.KedudukanLine, "sistemkerja", "/$defs/kedudukan_line"),
          (shapes.Position, "sistemkerja", "/properties/positions/items"),
          (shapes.Hop, "sistemkerja", "/properties/procedures/items/properties/steps/items/properties/hops/items"),
          (shapes.Procedure, "sistemkerja", "/properties/procedures/items"),
          (shapes.Step, "sistemkerja", "/properties/procedures/items/properties/steps/items"),
          (shapes.Document, "sistemkerja", "/properties/documents/items"),
          (shapes.CitedText, "sistemkerja", "/$defs/cited_text"), (shapes.RoleRef, "sistemkerja", "/$defs/role_ref"),
          (shapes.TopicLocation, "sistemkerja", "/$defs/topic_location/oneOf/1")]
#: keys a typed shape has that its schema object has not: set by rancang itself after validation
DERIVED = {"cetak"}


@pytest.mark.parametrize(("shape", "name", "pointer"), SHAPES, ids=[s.__name__ for s, _, _ in SHAPES])
def test_every_typed_key_is_a_schema_property_required_alike(shape, name, pointer):
    node = _at(schema.load(name), pointer) if pointer else schema.load(name)
    required, known = set(node.get("required", [])), set(node["properties"])
    assert set(shape.__required_keys__) == required, shape.__name__
    assert set(shape.__optional_keys__) - DERIVED == known - required, shape.__name__


def test_the_letter_data_type_names_every_key_of_the_letter_schema():
    """Every key a letter may have, all optional in the type: which ones a letter needs depends on its type (and
    ``jenis``, which the schema requires, is the letter type's name, added when the data is validated)."""
    assert set(LetterData.__optional_keys__) == set(schema.load("letter")["properties"])
    assert not LetterData.__required_keys__
