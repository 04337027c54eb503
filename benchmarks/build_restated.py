"""Build ``generate/draft/data/restated.json``: the provisions of repealed national acts that the regional
sistem-kerja acts restate (issue 27: "Jabatan ASN terdiri atas: a. Jabatan Pimpinan Tinggi; b. Jabatan
Administrasi; dan c. Jabatan Fungsional" is UU 5/2014 Pasal 13, repealed by UU 20/2023).

Every clause of the model Perbup's batang tubuh (its wordings, variants and options) is compared with every Pasal
(Pasal 1 by definition, a Pasal with ayat by ayat) of every act the knowledge base records as repealed, in the
national texts (/work/shared/national, read here only: rancang ships the provisions found, with their source,
never the collection). A Pasal whose folded text is at least
:data:`SAME` alike (token-sort ratio) to a clause is written with its act, the acts that repealed it, and the file
it was read from, unless a cited act in force says it alike (UU 23/2014's definitions, which the repealed UU
11/2020 repeated). ``draft`` then removes such a clause from a draft, or for a definition asks the drafter to
word it after the act in force (``restated.py``).

    python benchmarks/build_restated.py [NATIONAL_DIR]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from build_national_bases import SAME as ALIKE  # (benchmarks/ is the script's folder: on sys.path)
from build_national_bases import _term, provisions
from rapidfuzz import fuzz, process

from rancang.fold import fold
from rancang.generate.draft import model_perbup
from rancang.kb import store

OUT = Path(__file__).resolve().parent.parent / "generate" / "draft" / "data" / "restated.json"
NATIONAL = Path("/work/shared/national/data-peraturan")
#: least token-sort similarity (0-100) of a clause and a Pasal of a repealed act that restates it
SAME = 90


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
        for cite, text in provisions(path):  # a Pasal, or Pasal 1's definitions and a Pasal's ayat one by one
            if len(text.split()) < 6:
                continue
            hit = process.extractOne(fold(text).lower(), folded, scorer=fuzz.token_sort_ratio, score_cutoff=SAME)
            if hit is not None:
                found[(key, cite)] = {"akta": key, "nama": kb.short(key), "pasal": cite, "teks": text,
                                        "dicabut_oleh": repealers, "sumber": str(path.relative_to(national.parent)),
                                        "kemiripan": round(hit[1] / 100, 3), "klausul": clauses[hit[2]]}
    # a provision an act in force says alike (UU 23/2014 Pasal 1 angka 3 and the laws UU 11/2020 amended) is law
    # still: only what no cited act in force says is restated repealed law
    cited = json.loads((OUT.parent / "dasar-nasional.json").read_text(encoding="utf-8"))["dikutip"]
    in_force = []
    for key in cited:
        rec = kb.get(key) or {}
        kind, year, number = key.split("-")
        path = national / kind / year / f"{number}.md"
        if not rec.get("repealed_by") and path.exists():
            in_force += [" ".join(fold(t).lower().split()) for _, t in provisions(path)]

    def said_in_force(text: str) -> bool:  # (a definition: by an act in force defining the same term)
        mine = " ".join(fold(text).lower().split())
        same = [t for t in in_force if _term(t) == _term(mine)]
        return process.extractOne(mine, same, scorer=fuzz.token_sort_ratio, score_cutoff=ALIKE) is not None

    found = {k: v for k, v in found.items() if not said_in_force(v["teks"])}
    data = {"keterangan": "Pasal peraturan nasional yang telah dicabut dan dirumuskan ulang oleh peraturan daerah "
                          "tentang sistem kerja dalam korpus bawaan. Dibangun oleh benchmarks/build_restated.py dari "
                          "naskah peraturan nasional; jangan disunting dengan tangan.",
            "ambang": SAME / 100, "ketentuan": list(found.values())}
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(found)} provisions of repealed acts restated: "
          + ", ".join(f"{v['nama']} {v['pasal']}" for v in found.values()))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else NATIONAL)
