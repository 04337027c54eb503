"""The tree JSON keeps its contract's layout (``json.dumps(tree, ensure_ascii=False, indent=1)``) byte for byte
while a C formatter writes it (issue 33): every string and number token as Python writes it, only whitespace
laid out again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rancang.ingest import cli
from rancang.ingest.cli import indent_json, render

SEEDS = sorted((Path(__file__).resolve().parent.parent / "corpus" / "seeds").glob("*.txt"))

AWKWARD = [
    {"pasal": "Pasal 1", "children": [], "attrs": {}, "n": [1, 2.5, 1e16, -0.0, 1.0000000000000002, 10**30]},
    {"text": "huruf \u00e9, \u2028 garis, \x01 kendali, \"kutip\", \\ garis miring, \ttab\n"},
    {"lone": "\ud800 pengganti tunggal", "nan": float("nan"), "inf": [float("inf"), float("-inf")]},
    [[[[{}]]]], [], {}, "teks", 0, None, True,
]


@pytest.mark.parametrize("value", AWKWARD)
def test_indent_gives_the_bytes_of_the_standard_library(value):
    assert indent_json(json.dumps(value, ensure_ascii=False)) == json.dumps(value, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("value", AWKWARD)
def test_without_the_fast_formatter_the_bytes_are_the_same(value, monkeypatch):
    monkeypatch.setattr(cli, "msgspec", None)
    assert indent_json(json.dumps(value, ensure_ascii=False)) == json.dumps(value, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_a_seed_tree_is_written_in_the_contract_layout(seed):
    tree = json.loads(render(seed, "json"))
    assert render(seed, "json") == json.dumps(tree, ensure_ascii=False, indent=1) + "\n"
