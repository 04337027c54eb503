"""Audit of the knowledge base's titles against each act's own judul (issue 25, W1).

For every act of the knowledge base whose own text is in the collection (``uu/YYYY/N.md``, ``pp/YYYY/N.md``), the
judul is read again here, independently of rancang's reader: the words after the first "TENTANG" in the head of the
file, up to "Menimbang" / "DENGAN RAHMAT" / "PRESIDEN" / "bahwa". The knowledge base's title is *wrong* when it does
not agree with that judul (:func:`rancang.kb.titles.agree`: one spelling, function words aside). Printed: the counts
over all acts, over the formation laws of 1945-1959 (title "Pembentukan ...", the laws a kabupaten/kota cites as its
own base), and each formation law with both titles.

    .venv/bin/python benchmarks/kb_titles.py /work/shared/national [--kb PATH] [--json OUT]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path
from typing import Any

from rancang.kb.titles import agree

_JUDUL = re.compile(r"\bTENTANG\s+(?P<t>.+?)\s*[.;:]?\s*"
                    r"(?:Menimbang|DENGAN\s+RAHMAT|PRESIDEN|Presiden|bahwa|Mengingat)", re.S)


def own_judul(path: Path) -> str | None:
    """The judul in the head of an act's text (first 1,500 characters), None when the head has none."""
    head = path.read_text(encoding="utf-8", errors="replace")[:1500]
    m = _JUDUL.search(head)
    return " ".join(m["t"].split()) if m and len(m["t"]) < 600 else None


def load(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def audit(root: Path, records: list[dict[str, Any]]) -> dict[str, Any]:
    """{all: {compared, wrong, no_title}, formation: {...}, rows: [formation law rows], wrong: [all wrong rows]}."""
    out: dict[str, Any] = {"all": {"compared": 0, "wrong": 0, "no_title": 0},
                           "formation": {"compared": 0, "wrong": 0, "no_title": 0}, "rows": [], "wrong": []}
    for rec in records:
        kind = rec["key"].split("-")[0]
        if kind not in ("uu", "pp"):
            continue
        f = root / "data-peraturan" / kind / str(rec["tahun"]) / f"{rec['nomor']}.md"
        if not f.exists():
            continue
        judul = own_judul(f)
        if judul is None:
            continue
        fact = rec["facts"].get("tentang")
        formation = kind == "uu" and 1945 <= rec["tahun"] <= 1959 and judul.upper().startswith("PEMBENTUKAN")
        groups = [out["all"]] + ([out["formation"]] if formation else [])
        row = {"key": rec["key"], "own": judul, "kb": fact["value"] if fact else None,
               "status": fact["status"] if fact else None}
        for g in groups:
            if fact is None:
                g["no_title"] += 1
                continue
            g["compared"] += 1
            g["wrong"] += not agree(fact["value"], judul)
        if fact is not None and not agree(fact["value"], judul):
            out["wrong"].append(row)
        if formation:
            out["rows"].append(dict(row, ok=fact is not None and agree(fact["value"], judul)))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("root", type=Path)
    p.add_argument("--kb", type=Path, default=Path(__file__).resolve().parent.parent / "kb" / "data" / "acts.jsonl.gz")
    p.add_argument("--json", type=Path)
    a = p.parse_args(argv)
    result = audit(a.root, load(a.kb))
    for name in ("all", "formation"):
        g = result[name]
        print(f"{name}: {g['compared']} titles compared with the own judul, {g['wrong']} do not agree, "
              f"{g['no_title']} acts with a judul but no title in the knowledge base")
    for row in result["rows"]:
        print(f"  {'ok   ' if row['ok'] else 'WRONG'} {row['key']} [{row['status']}]\n      own: {row['own']}\n"
              f"      kb:  {row['kb']}")
    if a.json:
        a.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
