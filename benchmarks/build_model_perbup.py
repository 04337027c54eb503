"""Build ``generate/draft/data/model-perbup.json``: the model Perbup on sistem kerja measured over the bundled
corpus (issue 27 item 1; :mod:`rancang.generate.draft.model_build`).

Run after a change to the bundled regulations, the reader, the alignment or the topic catalogue
(``tests/test_model_perbup.py`` fails until then); where the national texts are at hand it also rebuilds the data
keyed by the model's wordings (``build_national_bases.py``, ``build_restated.py``)::

    python benchmarks/build_model_perbup.py
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import build_national_bases  # (benchmarks/ is the script's folder: on sys.path)
import build_restated

from rancang.generate.draft import model_perbup
from rancang.generate.draft.sources import Sources

OUT = Path(__file__).resolve().parent.parent / "generate" / model_perbup.FILE


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Sources(Path(tmp) / "bundled.sqlite")
        try:
            data = model_perbup.build_bundled(src)
        finally:
            src.close()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    body = sum(p["bagian"] == "batang tubuh" for p in data["ketentuan"])
    print(f"{OUT}: {len(data['ketentuan'])} provisions ({body} batang tubuh), {len(data['opsi'])} options, "
          f"spine {data['tulang']}")
    # the data keyed by the model's wordings, read from the national texts where this machine has them
    if build_national_bases.NATIONAL.exists():
        model_perbup.load.cache_clear()
        build_national_bases.main()
        build_restated.main()


if __name__ == "__main__":
    main()
