"""Build ``generate/draft/data/dasar-nasional.json``: for each provision of the model Perbup's batang tubuh, the
provision of a national act (UU or PP) cited in the regional acts' Mengingat that it restates (issue 27 item 5:
the harmonisation matrix names the Pasal of the higher act, never a guess).

The national acts are those the bundled regional sistem-kerja acts cite in their Mengingat and that the national
collection holds (/work/shared/national, read here only). Each is split into its Pasal, and Pasal 1 into
its definitions (angka); a model wording is matched to the national provision whose folded text is most alike
(token-sort ratio, at least :data:`SAME`, the region's words as they are). rancang ships the match, its act, its
provision, its similarity, the acts that repealed that act (knowledge base) and the file read -- keyed by the model
wording itself, so a rebuilt model whose wording changed simply finds no basis (a stated blank).

    python benchmarks/build_national_bases.py [NATIONAL_DIR]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

from rancang.fold import fold
from rancang.generate.draft import model_perbup
from rancang.generate.draft.sources import Sources
from rancang.kb import store

OUT = Path(__file__).resolve().parent.parent / "generate" / "draft" / "data" / "dasar-nasional.json"
NATIONAL = Path("/work/shared/national/data-peraturan")
#: least token-sort similarity (0-100) of a model wording and the national provision it restates
SAME = 80
_ACT = re.compile(r"(?<!Pengganti )\b(Undang-Undang|Peraturan\s+Pemerintah)\s+Nomor\s+(\d+)\s+Tahun\s+(\d{4})\b")
_PASAL = re.compile(r"^Pasal\s+(\d+[A-Z]?)\s*$", re.M)
_ANGKA = re.compile(r"(?:^|\s)(\d{1,3})\.\s+(?=[A-Z])")
_AYAT = re.compile(r"(?:^|\s)\((\d{1,2})\)\s+")


def _term(folded: str) -> str | None:
    """The term a (folded) definition defines, or None for a text that defines nothing."""
    m = re.match(r"^(.{2,80}?)\s+(?:yang selanjutnya\b.*?)?adalah\b", folded)
    return m.group(1) if m else None


def key_of(text: str) -> str:
    """The model wording as the data keys it (folded, lower case, single spaces)."""
    return " ".join(fold(text).lower().split())


def provisions(path: Path) -> list[tuple[str, str]]:
    """(cite, text) of each Pasal of a national text's batang tubuh, Pasal 1 by angka and a Pasal with ayat by ayat."""
    text = path.read_text(encoding="utf-8", errors="replace").split("PENJELASAN", 1)[0]
    marks = list(_PASAL.finditer(text))
    out = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=False):
        body = " ".join(re.split(r"^(?:BAB|Bagian|Paragraf)\b", text[m.end():nxt.start() if nxt else len(text)],
                                 flags=re.M)[0].split())
        cut = _ANGKA if m.group(1) == "1" else _AYAT
        parts = list(cut.finditer(body))
        if len(parts) >= 2:
            for p, q in zip(parts, [*parts[1:], None], strict=False):
                word = "angka" if cut is _ANGKA else "ayat"
                num = p.group(1) if word == "angka" else f"({p.group(1)})"
                out.append((f"Pasal {m.group(1)} {word} {num}", body[p.end():q.start() if q else len(body)].strip()))
        else:
            out.append((f"Pasal {m.group(1)}", body))
    return out


#: a definition as the national text writes it: a capitalised term of two words or more, "adalah", a sentence
_DEFINITION = re.compile(r"^(?P<term>[A-Z][a-z]+(?: [A-Z][A-Za-z]+)+)(?: yang selanjutnya [^.]*?)? adalah "
                         r"(?P<meaning>[a-z][a-z ,/()-]+)\.$")


def national_definitions(national: Path, acts: list[str], kb: store.KnowledgeBase,
                         model: dict) -> dict[str, list[dict]]:
    """Term -> the definitions (verbatim) Pasal 1 of the cited national acts give for a capitalised term the model's
    wordings use, an act in force first: {teks, akta, nama, pasal, sumber, dicabut_oleh}. Only a clean sentence
    (:data:`_DEFINITION`: small letters after "adalah", no digits or stray marks) is taken: a scan's damaged line
    ("Pejabat Yang Berwenang yang selanjutnya disingkat g,B") never becomes a definition."""
    words = " ".join(p["rumusan"] + " " + " ".join(v["rumusan"] for v in p.get("varian", []))
                     for p in model["ketentuan"]) + " " + " ".join(o["rumusan"] for o in model["opsi"])
    out: dict[str, list[dict]] = {}
    for act in acts:
        kind, year, number = act.split("-")
        path = national / kind / year / f"{number}.md"
        if not path.exists():
            continue
        rec = kb.get(act) or {}
        repealed = sorted(r["act"] for r in rec.get("repealed_by") or [] if r.get("status") == "verified")
        for cite, text in provisions(path):
            m = _DEFINITION.match(text) if cite.startswith("Pasal 1 angka") else None
            if m is None or not re.search(rf"(?<![\w-]){re.escape(m.group('term'))}(?![\w-])", words):
                continue
            out.setdefault(m.group("term"), []).append(
                {"teks": text, "akta": act, "nama": kb.short(act), "pasal": cite,
                 "sumber": str(path.relative_to(national.parent)), "dicabut_oleh": repealed})
    return {t: sorted(v, key=lambda d: (bool(d["dicabut_oleh"]), d["akta"])) for t, v in sorted(out.items())}


def main(national: Path = NATIONAL) -> None:
    kb = store.load()
    model = model_perbup.load()
    src = Sources(Path("/tmp") / "build_national_bases.sqlite")
    try:
        cited: Counter[str] = Counter()
        for k in model["korpus"]:
            acts = {f"{'uu' if m.group(1).startswith('U') else 'pp'}-{m.group(3)}-{m.group(2)}"
                    for entry in src.regulation(k["daerah"]).mengingat for m in _ACT.finditer(entry.text)}
            cited.update(acts)
    finally:
        src.close()
    texts: list[tuple[str, str, str, str]] = []  # (act key, cite, folded text, file)
    for act in sorted(cited):
        kind, year, number = act.split("-")
        path = national / kind / year / f"{number}.md"
        if path.exists():
            texts += [(act, cite, key_of(t), str(path.relative_to(national.parent))) for cite, t in provisions(path)
                      if len(t.split()) >= 5]
    found: dict[str, list[dict]] = {}
    for p in model["ketentuan"]:
        if p["bagian"] != "batang tubuh":
            continue
        mine = key_of(p["rumusan"])
        term = _term(mine)
        scored = sorted(((fuzz.token_sort_ratio(mine, t), act, cite, path) for act, cite, t, path in texts
                         if _term(t) == term), reverse=True)  # a definition restates one of the same term
        # an act in force first (PP 11/2017 before the repealed UU 5/2014 for the same definition), then likeness
        best = sorted((s for s in scored if s[0] >= SAME),
                      key=lambda s: (not (kb.get(s[1]) or {}).get("repealed_by"), s[0]), reverse=True)[:1]
        if best:
            score, act, cite, path = best[0]
            rec = kb.get(act) or {}
            found[mine] = [{"akta": act, "nama": kb.short(act), "pasal": cite, "kemiripan": round(score / 100, 3),
                            "sumber": path, "dicabut_oleh": sorted(r["act"] for r in rec.get("repealed_by") or []
                                                                   if r.get("status") == "verified")}]
    data = {"keterangan": "Ketentuan peraturan nasional (UU, PP yang dikutip dalam Mengingat peraturan daerah "
                          "bawaan) yang dirumuskan ulang oleh ketentuan model. Dibangun oleh "
                          "benchmarks/build_national_bases.py dari naskah peraturan nasional; jangan disunting "
                          "dengan tangan.",
            "ambang": SAME / 100, "dikutip": sorted(cited), "ketentuan": found,
            "definisi": national_definitions(national, sorted(cited), kb, model)}
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(found)} of {sum(p['bagian'] == 'batang tubuh' for p in model['ketentuan'])} body provisions "
          f"matched in {len(data['dikutip'])} acts")
    for k, v in found.items():
        print(f"  {v[0]['nama']} {v[0]['pasal']} ({v[0]['kemiripan']}): {k[:90]}")
    for term, defs in data["definisi"].items():
        print(f"  definisi {term}: " + "; ".join(f"{d['nama']} {d['pasal']}" for d in defs))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else NATIONAL)
