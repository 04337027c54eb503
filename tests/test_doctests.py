"""The examples in the modules' docstrings are true: the grammar, enumerators, references, search and diff."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["rancang.numbering", "rancang.address", "rancang.errors", "rancang.fold", "rancang.topics",
           "rancang.vocab", "rancang.ingest.grammar", "rancang.ingest.units", "rancang.ingest.heading_lines",
           "rancang.ingest.refs", "rancang.ingest.ref_grammar", "rancang.ingest.ref_targets",
           "rancang.ingest.ref_acts", "rancang.corpus.diff", "rancang.corpus.search", "rancang.corpus.summary",
           "rancang.generate.naskah.fill", "rancang.generate.naskah.scenario"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
