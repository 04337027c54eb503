"""Build ``generate/draft/data/restated.json``: the provisions of repealed national acts that the regional
sistem-kerja acts restate (issue 27: "Jabatan ASN terdiri atas: a. Jabatan Pimpinan Tinggi; b. Jabatan
Administrasi; dan c. Jabatan Fungsional" is UU 5/2014 Pasal 13, repealed by UU 20/2023).

Every clause of the model Perbup's batang tubuh (its wordings, variants and options) is compared with every Pasal
of every act the knowledge base records as repealed, in the national texts (/work/shared/national, read here only:
rancang ships the provisions found, with their source, never the collection). A Pasal whose folded text is at least
:data:`SAME` alike (token-sort ratio) to a clause is written with its act, the acts that repealed it, and the file
it was read from. ``draft`` then removes such a clause from a draft and asks the drafter (``restated.py``).

    python benchmarks/build_restated.py [NATIONAL_DIR]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from rapidfuzz import fuzz, process

from rancang.fold import fold
from rancang.generate.draft import model_perbup
from rancang.kb import store

OUT = Path(__file__).resolve().parent.parent / "generate" / "draft" / "data" / "restated.json"
NATIONAL = Path("/work/shared/national/data-peraturan")
#: least token-sort similarity (0-100) of a clause and a Pasal of a repealed act that restates it
SAME = 90
_PASAL = re.compile(r"^Pasal\s+(\d+[A-Z]?)\s*$", re.M)


def pasal_texts(path: Path) -> list[tuple[str, str]]:
    """(Pasal number, its text on one line) of the batang tubuh of a national text (up to its PENJELASAN)."""
    text = path.read_text(encoding="utf-8", errors="replace").split("PENJELASAN", 1)[0]
    marks = list(_PASAL.finditer(text))
    out = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=False):
        body = text[m.end():nxt.start() if nxt else len(text)]
        body = re.split(r"^(?:BAB|Bagian|Paragraf)\b", body, flags=re.M)[0]
        out.append((m.group(1), " ".join(body.split())))
    return out


def _clauses(model: dict) -> list[str]:
    texts = []
    for p in model["ketentuan"]:
        if p["bagian"] == "batang tubuh":
            texts += [p["rumusan"], *(v["rumusan"] for v in p["varian"])]
    texts += [o["rumusan"] for o in model["opsi"] if o["bagian"] == "batang tubuh"]
    return list(dict.fromkeys(texts))


def main(national: Path = NATIONAL) -> None:
    kb = store.load()
    clauses = _clauses(model_perbup.load())
    folded = [fold(c).lower() for c in clauses]
    found: dict[tuple[str, str], dict] = {}
    for key, rec in sorted(kb.acts.items()):
        repealers = sorted({r["act"] for r in rec.get("repealed_by") or [] if r.get("status") == "verified"})
        m = re.match(r"^(uu|pp)-(\d{4})-(\d+)$", key)
        if not repealers or m is None:
            continue
        path = national / m.group(1) / m.group(2) / f"{m.group(3)}.md"
        if not path.exists():
            continue
        for number, text in pasal_texts(path):
            if len(text.split()) < 6:
                continue
            hit = process.extractOne(fold(text).lower(), folded, scorer=fuzz.token_sort_ratio, score_cutoff=SAME)
            if hit is not None:
                found[(key, number)] = {"akta": key, "nama": kb.short(key), "pasal": f"Pasal {number}", "teks": text,
                                        "dicabut_oleh": repealers, "sumber": str(path.relative_to(national.parent)),
                                        "kemiripan": round(hit[1] / 100, 3), "klausul": clauses[hit[2]]}
    data = {"keterangan": "Pasal peraturan nasional yang telah dicabut dan dirumuskan ulang oleh peraturan daerah "
                          "tentang sistem kerja dalam korpus bawaan. Dibangun oleh benchmarks/build_restated.py dari "
                          "naskah peraturan nasional; jangan disunting dengan tangan.",
            "ambang": SAME / 100, "ketentuan": list(found.values())}
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(found)} provisions of repealed acts restated: "
          + ", ".join(f"{v['nama']} {v['pasal']}" for v in found.values()))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else NATIONAL)
