"""The knowledge base is read lazily (issue 33, cold starts: a first draft asks for a dozen of 6,000 acts): the
records are the ones a line-by-line ``json.loads`` gives, in the same order, and a damaged line still gives one
sentence, never a traceback."""

from __future__ import annotations

import gzip
import json

import pytest

from rancang.errors import InputError
from rancang.kb import store


def _write(path, lines: list[str]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("".join(line + "\n" for line in lines))


def test_the_shipped_knowledge_base_read_lazily_holds_every_record_as_parsing_every_line_does():
    path = store.package_file(store.ACTS_FILE)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        eager = {rec["key"]: rec for rec in map(json.loads, fh)}
    lazy = store.read(path).acts
    assert list(lazy) == list(eager)
    assert lazy.get("uu-2014-23") == eager["uu-2014-23"] and lazy.get("uu-9999-1") is None
    assert dict(lazy.items()) == eager


def test_a_later_line_of_the_same_act_wins_and_an_unusual_opening_is_read_whole(tmp_path):
    path = tmp_path / "acts.jsonl.gz"
    _write(path, [json.dumps({"key": "pp-2016-18", "nomor": "18"}, separators=(",", ":")),
                  json.dumps({"nomor": "23", "key": "uu-2014-23"}),
                  json.dumps({"key": "pp-2016-18", "nomor": "18", "tahun": 2016}, separators=(",", ":")),
                  json.dumps({"key": "perda-2020-1\u2028", "tentang": "garis\u2028baru"}, ensure_ascii=False,
                             separators=(",", ":"))])
    acts = store.read(path).acts
    assert acts["pp-2016-18"] == {"key": "pp-2016-18", "nomor": "18", "tahun": 2016}
    assert acts["uu-2014-23"]["nomor"] == "23"
    assert acts["perda-2020-1\u2028"]["tentang"] == "garis\u2028baru"  # U+2028 inside a record is no line break
    assert len(acts) == 3


def test_a_damaged_line_is_one_sentence_when_its_act_is_asked_for(tmp_path):
    path = tmp_path / "acts.jsonl.gz"
    _write(path, ['{"key":"pp-2016-18","nomor":"18"}', '{"key":"uu-2014-23","nomor":'])
    acts = store.read(path).acts
    assert acts["pp-2016-18"]["nomor"] == "18"
    with pytest.raises(InputError, match="basis pengetahuan tidak dapat dibaca"):
        acts["uu-2014-23"]
    _write(path, ['{"key":"pp-2016-18"}', "[1, 2]"])
    with pytest.raises(InputError, match="rekaman tanpa kunci"):
        store.read(path)
