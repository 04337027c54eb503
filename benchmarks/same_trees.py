"""Render the trees of a fixed set of texts with whichever rancang this Python imports, to compare two versions of
the reader byte for byte (issue 33: speed never at the cost of a tree).

    OLD/.venv/bin/python benchmarks/same_trees.py OUT_OLD
    NEW/.venv/bin/python benchmarks/same_trees.py OUT_NEW
    diff -r OUT_OLD OUT_NEW        # empty: the same trees

The set (docs/benchmarks.md, "Text ingest"): the seeds, every text of ``tests/data``, the texts of the shared cases
and extras, and every 29th file of the national UU/PP texts. Each text gives ``NNN_name.json`` (the JSON the CLI
writes) and ``NNN_name.md`` (the canonical Markdown); a text the reader refuses gives its one sentence instead.
The list of texts is read from this checkout, so both runs must use the same script and the same shared folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rancang.errors import RancangError
from rancang.ingest.cli import render

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path("/work/shared")


def texts() -> list[Path]:
    """The texts of the set, in a fixed order."""
    files = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
    files += sorted(p for p in (ROOT / "tests" / "data").rglob("*") if p.suffix in (".txt", ".md"))
    files += sorted(p for d in ("cases", "extra") for p in (SHARED / d).rglob("*")
                    if p.suffix in (".txt", ".md") and p.name not in ("README.md", "expected.md"))
    national = sorted(p for p in (SHARED / "national" / "data-peraturan").rglob("*") if p.is_file())
    return files + national[::29]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    files = texts()
    for n, path in enumerate(files):
        for fmt in ("json", "md"):
            try:
                text = render(path, fmt)
            except RancangError as exc:
                text = f"REFUSED {exc}"
            (out / f"{n:03d}_{path.stem}.{fmt}").write_text(text, encoding="utf-8")
    print(f"{len(files)} texts -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
