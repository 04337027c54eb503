"""The reader at scale: read every text of the national collection (``/work/shared/national``: 1,535 UU and
4,336 PP) with rancang's own reader and report what it refused, its internal errors (goal: none) and how often
its Pasal count agrees with an independent count of "Pasal N" headings in sequence
(:func:`rancang.kb.observe.independent_pasal_count`), overall and for the UU that BPK lists.

    nice .venv/bin/python benchmarks/reader_scale.py /work/shared/national --jobs 2 --out /tmp/scale.jsonl.gz

Writes one observation per file (gzip JSONL: the reader's Pasal count, last number, the independent counts) and
prints the figures as JSON, with why counts differ (:func:`kind_of`).
``--figures-only`` recomputes the figures from an existing observations file.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from rancang.corpus.workers import worker_map
from rancang.errors import InputError
from rancang.ingest import ingest_bytes
from rancang.kb.build import collection_files, pasal_plausibility, read_observations
from rancang.kb.observe import clean_numbers, independent_pasal_count

_HEADING = re.compile(r"(?:^|\n|\s)Pasal\s+(\d+)\b")
_PENJELASAN = re.compile(r"\bPENJELASAN\s+ATAS\b")


def with_gaps(body: str, gap: int = 3) -> int:
    """The last number of the "Pasal N" sequence 1, 2, 3 ... of ``body``, a heading lost now and then (OCR, page
    joins): the next number may come up to ``gap`` after the expected one."""
    last = 0
    for m in _HEADING.finditer(body):
        n = int(m.group(1))
        if last < n <= last + gap or (n == 1 and last == 0):
            last = n
    return last


def measure(item: tuple[str, str]) -> dict[str, Any]:
    """Worker: the reader's Pasal (count, last number, Roman or not) beside the independent counts of one file;
    a refusal's sentence or an internal error's name instead."""
    path, name = item
    out: dict[str, Any] = {"file": name}
    try:
        data = Path(path).read_bytes()
        text = clean_numbers(data.decode("utf-8", errors="replace"))
        m = _PENJELASAN.search(text)
        body = text[:m.start()] if m else text
        out["pasal_seq"] = independent_pasal_count(body)
        out["pasal_gaps"] = with_gaps(body)
        reg = ingest_bytes(data, path, validate=False)
        nums = [p.number or "" for p in reg.pasals()]
        out["pasal"] = len(nums)
        out["roman"] = bool(nums) and not nums[0][:1].isdigit()
        digits = [int(n.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) for n in nums if n[:1].isdigit()]
        out["last"] = max(digits) if digits else 0
    except InputError as exc:
        out["refused"] = exc.format_message()
    except Exception as exc:  # noqa: BLE001 - an internal error of the reader (goal: none)
        out["error"] = f"{type(exc).__name__}: {exc}"
    return out


def kind_of(o: dict[str, Any]) -> str:
    """Why the reader's count and the independent count differ (or "equal")."""
    if o["pasal"] == o["pasal_seq"]:
        return "equal"
    if o["roman"]:
        return "act numbers its Pasal I, II (the independent count reads amended Pasal quoted inside)"
    if o["last"] == o["pasal_gaps"] and o["pasal"] <= o["last"]:
        return "headings missing from the text (the reader reaches the same last Pasal)"
    if o["pasal"] < o["pasal_seq"]:
        return "reader found fewer"
    return "reader found more"


def _decade(name: str) -> str:
    m = re.match(r"^(\w+)/(\d{3})\d/", name)
    return f"{m[1]} {m[2]}0s" if m else "other"


def _bpk_name(name: str) -> str:
    m = re.match(r"^uu/(\d{4})/(\w+)\.md$", name)
    return f"uu-{m[1]}-{m[2]}" if m else ""


def figures(obs: list[dict[str, Any]], bpk: Path) -> dict[str, Any]:
    """Refused files (by sentence and decade), internal errors, Pasal-count agreement (all read texts; BPK UU)."""
    refused = [o for o in obs if "refused" in o]
    read = [o for o in obs if "pasal" in o and o.get("pasal") is not None]
    kinds = Counter(kind_of(o) for o in read) if read and "roman" in read[0] else None
    listed = {p.stem for p in bpk.glob("uu-*.json")} if bpk.is_dir() else set()
    equal = sum(o["pasal"] == o["pasal_seq"] for o in read)
    near = sum(abs(o["pasal"] - o["pasal_seq"]) <= max(1, round(0.1 * o["pasal_seq"])) for o in read)
    return {
        "files": len(obs),
        "refused": len(refused),
        "refused_by_sentence": Counter(re.sub(r"^[^:]*: ", "", o["refused"]) for o in refused).most_common(5),
        "refused_by_decade": dict(sorted(Counter(_decade(o["file"]) for o in refused).items())),
        "errors": sum("error" in o for o in obs),
        "read": len(read),
        "pasal_equal_all": equal,
        "pasal_within_10_percent_all": near,
        "bpk_uu": pasal_plausibility(obs, bpk),
        **({"kinds_all": dict(kinds.most_common()), "kinds_bpk_uu": dict(Counter(
            kind_of(o) for o in read if _bpk_name(o["file"]) in listed).most_common())} if kinds else {}),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=Path("/tmp/reader-scale.jsonl.gz"))
    ap.add_argument("--figures-only", action="store_true")
    args = ap.parse_args()
    if not args.figures_only:
        import gzip

        items = collection_files(args.root)
        tmp = args.out.with_name(args.out.name + ".part")
        with gzip.open(tmp, "wt", encoding="utf-8") as fh:
            for obs in worker_map(measure, items, len(items), args.jobs):
                fh.write(json.dumps(obs, ensure_ascii=False) + "\n")
        tmp.replace(args.out)
    obs = list(read_observations(args.out))
    print(json.dumps(figures(obs, args.root / "bpk-uu-metadata"), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
