"""The PDF reader against the text reader on national acts it has not been tuned on: a random sample of the
national collection (``/work/shared/national``, UU and PP of ``--since`` onwards), each printed to PDF two ways
(``tests/fixtures.build_pdf``: a regional bureau's layout, enumerators in a hanging column, running header, page
numbers, catchwords, hyphenation; ``tests/wordlike_pdf.build_wordlike_pdf``: Word's export, spaces as shifts,
some enumerators glued to their text) and read back; the tree of each PDF is compared with the tree of the text
it was printed from (:func:`printed`: the text reader's tree, one heading or clause a line): Pasal numbers, BAB,
Menimbang and Mengingat entries, and the ayat of each Pasal.

    nice .venv/bin/python benchmarks/reader_pdf_sample.py /work/shared/national --sample 20 --seed 26

Prints one line per file that differs and the totals as JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fixtures import build_pdf  # noqa: E402
from wordlike_pdf import build_wordlike_pdf  # noqa: E402

from rancang.errors import InputError  # noqa: E402
from rancang.ingest import ingest_bytes  # noqa: E402
from rancang.ingest.writers.markdown import render  # noqa: E402
from rancang.kb.build import collection_files  # noqa: E402


def printed(reg: Any) -> str:
    """The act as a bureau prints it, from the text reader's tree: each heading, entry and clause on its own line
    (the national texts are conversions whose headings run into lines; a printed PDF never has that). It is the
    canonical text without its Markdown marks, escapes and indentation."""
    out = []
    for line in render(reg).splitlines():
        line = line.strip()
        if not line or line.startswith("<!--"):
            continue
        line = line.lstrip("#").strip()
        out.append(line[1:] if line.startswith("\\") else line)
    return "\n".join(out) + "\n"


def shape(reg: Any) -> dict[str, Any]:
    """What an exact reading must give: Pasal numbers, BAB count, Menimbang / Mengingat counts, ayat per Pasal."""
    return {"pasal": [p.number for p in reg.pasals()],
            "bab": sum(1 for n in reg.body if n.type == "bab"),
            "menimbang": len(reg.menimbang), "mengingat": len(reg.mengingat),
            "ayat": {p.number: sum(1 for c in p.children if c.type == "ayat") for p in reg.pasals()}}


def differences(want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    out = [f"{k} {want[k]} -> {got[k]}" for k in ("bab", "menimbang", "mengingat") if want[k] != got[k]]
    if want["pasal"] != got["pasal"]:
        out.append(f"Pasal {len(want['pasal'])} -> {len(got['pasal'])} "
                   f"(lost {sorted(set(want['pasal']) - set(got['pasal']))[:5]})")
    ayat = [k for k, v in want["ayat"].items() if got["ayat"].get(k, v) != v]
    if ayat:
        out.append(f"ayat differ in {len(ayat)} Pasal ({', '.join(ayat[:5])})")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=26)
    ap.add_argument("--since", type=int, default=2004)
    ap.add_argument("--max-bytes", type=int, default=150_000)
    args = ap.parse_args()
    items = [(p, n) for p, n in collection_files(args.root)
             if int(n.split("/")[1]) >= args.since and Path(p).stat().st_size <= args.max_bytes]
    items = random.Random(args.seed).sample(items, min(args.sample, len(items)))
    totals = {"files": 0, "text_refused": 0, "exact": {"layout": 0, "wordlike": 0}, "pdf_refused": 0}
    for path, name in items:
        try:
            text = printed(ingest_bytes(Path(path).read_bytes(), name, validate=False))
            want = shape(ingest_bytes(text.encode("utf-8"), name, validate=False))
        except InputError:
            totals["text_refused"] += 1
            continue
        totals["files"] += 1
        for kind, build in (("layout", lambda t: build_pdf(t, header="Salinan")), ("wordlike", build_wordlike_pdf)):
            try:
                got = shape(ingest_bytes(build(text), name + ".pdf", validate=False))
            except InputError as exc:
                totals["pdf_refused"] += 1
                print(f"{name} {kind}: refused: {exc.format_message()}")
                continue
            diff = differences(want, got)
            if diff:
                print(f"{name} {kind}: " + "; ".join(diff))
            else:
                totals["exact"][kind] += 1
    print(json.dumps(totals))


if __name__ == "__main__":
    main()
