"""Structural anomalies of the reader on a random sample of the national collection (``/work/shared/national``):
refusals, internal errors, fewer Pasal than an independent count of the "Pasal N" headings in sequence
(:func:`rancang.kb.observe.independent_pasal_count`; a quote that never closed swallows the Pasal after it), gaps in
the Pasal sequence, gaps in the ayat sequence of a Pasal, Pasal below a clause outside any quoted amendment, Bagian
headings left as text, lines no Pasal holds, the Penjelasan read as text of the body, and a penutup with no date
(neither "ditetapkan" nor "diundangkan": many converted texts print neither, so only the change between readers
counts).

    nice .venv/bin/python benchmarks/reader_anomalies.py /work/shared/national --sample 300 --seed 26

Run it with another checkout's interpreter (``python3`` imports /work/main) to compare two readers on the same
sample: the sample is drawn from the sorted file list with ``--seed``, so both read the same files. Prints the
figures as JSON; ``--list`` adds the files behind each anomaly.

An anomaly is counted, not judged: a gap can be the act's own (a Pasal repealed and left out of a consolidated
text) or the converted text's (a heading lost in the Markdown). Compare counts between readers, and read the
files a change adds or removes.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from rancang.corpus.workers import worker_map
from rancang.errors import InputError
from rancang.ingest import ingest_bytes
from rancang.kb.build import collection_files
from rancang.kb.observe import clean_numbers, independent_pasal_count

_BAGIAN_TEXT = re.compile(r"^Bagian\s+(?:Pertama|Ke[a-z]+)\b")
_PENJELASAN = re.compile(r"\bPENJELASAN\s+ATAS\b")


def _number(n: str | None) -> tuple[int, str] | None:
    """"12A" -> (12, "A"); None for a Roman or missing number."""
    m = re.fullmatch(r"(\d+)\s*([A-Za-z]?)", n or "")
    return (int(m[1]), m[2].lower()) if m else None


def gaps(numbers: list[str | None]) -> int:
    """How many times a sequence of printed numbers ("1", "2", "2A", "4") skips or goes back (inserted
    numbers "2A" follow their base; a Roman or unreadable number breaks nothing)."""
    count, last = 0, 0
    for raw in numbers:
        parsed = _number(raw)
        if parsed is None:
            continue
        value, suffix = parsed
        if suffix:
            if value != last:
                count += 1
            last = value
            continue
        if value != last + 1:
            count += 1
        last = value
    return count


def _swallowed(pasal: Any) -> int:
    """Pasal nodes below ``pasal`` outside an amendment's quoted text (``perubahan``)."""
    count, stack = 0, list(pasal.children)
    while stack:
        node = stack.pop()
        if node.type == "perubahan":
            continue
        count += node.type == "pasal"
        stack.extend(node.children)
    return count


def measure(item: tuple[str, str]) -> dict[str, Any]:
    """Worker: the anomalies of one file (or its refusal / internal error)."""
    path, name = item
    out: dict[str, Any] = {"file": name}
    try:
        data = Path(path).read_bytes()
        text = clean_numbers(data.decode("utf-8", errors="replace"))
        m = _PENJELASAN.search(text)
        independent = independent_pasal_count(text[:m.start()] if m else text)
        reg = ingest_bytes(data, path, validate=False)
    except InputError as exc:
        out["refused"] = exc.format_message()
        return out
    except Exception as exc:  # noqa: BLE001 - an internal error of the reader (goal: none)
        out["error"] = f"{type(exc).__name__}: {exc}"
        return out
    pasals = reg.pasals()
    arabic = [p.number for p in pasals if (p.number or "")[:1].isdigit()]
    out["pasal"] = len(pasals)
    # fewer Pasal than an independent count of the "Pasal N" headings in sequence (Arabic numbers only)
    out["fewer_pasal"] = int(len(arabic) == len(pasals) and len(pasals) < independent)
    out["pasal_gaps"] = gaps(arabic) if len(arabic) == len(pasals) else 0  # an amending act's Pasal I, II: none
    out["ayat_gaps"] = sum(1 for p in pasals if gaps([c.number for c in p.children if c.type == "ayat"]))
    # a Pasal below a clause that is no amendment's quoted text: swallowed by a quote that never closed
    out["swallowed"] = sum(_swallowed(p) for p in pasals)
    out["bagian_as_text"] = sum(1 for n in reg.walk() if n.type == "text" and _BAGIAN_TEXT.match(n.text or ""))
    out["unplaced"] = len(reg.stats.unplaced) if reg.stats else 0
    # the Penjelasan read as text of the body ("Pasal 1 Cukup jelas."), and a penutup without its date
    out["penjelasan_in_body"] = int(any("Cukup jelas" in (n.text or "") for n in reg.walk()))
    penutup = reg.penutup
    out["penutup_undated"] = int(penutup is None or not (penutup.tanggal_ditetapkan or penutup.tanggal_diundangkan))
    return out


def figures(obs: list[dict[str, Any]], listing: bool) -> dict[str, Any]:
    read = [o for o in obs if "pasal" in o]
    keys = ("fewer_pasal", "pasal_gaps", "ayat_gaps", "swallowed", "bagian_as_text", "unplaced", "penjelasan_in_body",
            "penutup_undated")
    out: dict[str, Any] = {
        "files": len(obs), "refused": sum("refused" in o for o in obs), "errors": sum("error" in o for o in obs),
        "read": len(read), "pasal": sum(o["pasal"] for o in read),
        "refused_by_sentence": Counter(re.sub(r"^[^:]*: ", "", o["refused"]) for o in obs
                                       if "refused" in o).most_common(5),
    }
    for key in keys:
        out[key] = {"files": sum(1 for o in read if o[key]), "count": sum(o[key] for o in read)}
        if listing:
            out[key]["list"] = sorted(o["file"] for o in read if o[key])
    if listing:
        out["refused_list"] = sorted(o["file"] for o in obs if "refused" in o)
        out["error_list"] = sorted(f"{o['file']}: {o['error']}" for o in obs if "error" in o)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--seed", type=int, default=26)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--out", type=Path, help="write the observations (JSON lines) here")
    args = ap.parse_args()
    items = collection_files(args.root)
    items = random.Random(args.seed).sample(items, min(args.sample, len(items)))
    obs = list(worker_map(measure, items, len(items), args.jobs))
    if args.out:
        args.out.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in obs), encoding="utf-8")
    print(json.dumps(figures(obs, args.list), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
