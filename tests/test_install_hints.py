"""Every "install this optional part" sentence names the local folder, never a package index: rancang is not on
PyPI, and ``pip install 'rancang[ocr]'`` would install a stranger's package of that name (README: ``pip install
'.[ocr]'`` from the rancang folder)."""

from __future__ import annotations

import re
from pathlib import Path

from rancang.errors import install_extra

ROOT = Path(__file__).resolve().parent.parent
EXTRAS = ("web", "ocr", "picture", "cluster", "akn")


def test_the_hint_installs_from_the_rancang_folder() -> None:
    for extra in EXTRAS:
        assert install_extra(extra) == f"jalankan pip install '.[{extra}]' dari folder rancang"


def test_no_user_sentence_names_the_package_index_spelling() -> None:
    wrong = re.compile(r"pip install '?rancang\[")
    found = [str(p.relative_to(ROOT)) for folder in ("rancang", "ingest", "model", "generate", "corpus", "web")
             for p in (ROOT / folder).rglob("*.py") if wrong.search(p.read_text(encoding="utf-8"))]
    assert not found
