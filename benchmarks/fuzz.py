"""Fuzzing campaign for ingest (issue 19): mutate the seed texts and check what every input must satisfy.

    python benchmarks/fuzz.py [--kind text|docx|pdf|profile|letter] [--n 25000] [--seed 19] [--jobs 2]
                              [--limit 10] [--show 5] [--start 0] [--log FILE]
    python benchmarks/fuzz.py --summary FILE...

With ``--log FILE`` the inputs ``--start`` .. ``--start + --n - 1`` run in this one process (no pool: the same
checks, without a fork per input), one JSON line per input is appended to FILE (input number, verdict, seconds,
detail and recipe of a failure) and inputs FILE already holds are skipped, so a campaign stopped at any point goes
on where it stopped; ``--summary`` prints the counts, seconds per input and peak memory of such logs.

``--kind text`` (the default) is described here; the other kinds (DOCX XML, PDF bytes, draft profiles and letter
data, with their checks: conservation against the DOCX package, no partial output after an injected write
failure) are in ``benchmarks/fuzz_kinds.py``.

Each input is a window of a bundled seed (or of a ``tests/cases/abuse`` text), mutated one to four times: spans
deleted, duplicated or moved, lines swapped, hostile tokens inserted ("Pasal 1 sampai dengan Pasal 9999999999",
500 nested "a.", a 5,000-digit year, control characters, lone page numbers, pipes, quote marks), bytes flipped or
the text re-encoded (UTF-16/UTF-32, with and without BOM, cut to an odd length). For each input:

- **errors**: ingest ends in a tree or a :class:`rancang.errors.RancangError` (one Indonesian sentence), never
  another exception ("galat internal");
- **time**: it ends within ``--limit`` CPU seconds (10; :func:`fuzz_kinds.cpu`: the campaign runs under ``nice``
  on a shared machine, where wall time measures the other users);
- **conservation**: every non-blank character of the decoded source is in the tree or in ``stats.removed``, and
  the tree invents none (:func:`rancang.ingest.conservation.difference`);
- **round trip**: ``--format md`` of the tree ingests back to the same tree (the projection of
  ``tests/test_lossless.py``).

Prints the four counts and the first ``--show`` failures of each kind (with the mutation recipe, so a failure can
be reproduced from ``--seed``). Exit status 1 when any count is not 0.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import resource
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzz_kinds  # noqa: E402


def _utf8(p: Path) -> bool:
    try:
        p.read_bytes().decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


SOURCES = sorted((ROOT / "corpus" / "seeds").glob("*.txt")) + sorted(
    p for p in (ROOT / "tests" / "cases" / "abuse").glob("*.txt") if _utf8(p))

HOSTILE = [
    "Pasal 1 sampai dengan Pasal 9999999999", "huruf a sampai dengan huruf zz", "ayat (1) sampai dengan ayat (99999)",
    "a. x;\n" * 60, "(1) ayat;\n7\n(2) ayat.", "BAB I.", "BAB II - KETENTUAN", "Pasal 1", "Pasal 1.", "PASAL 3",
    "| No | Nama |\n|---|---|\n| 1 | A |", "“", "”", "\"", "TAHUN " + "9" * 5000, "Pasal " + "7" * 5000,
    "\x00", "\x01", "\x0b", "\ufffe", "\uffff", "\u00a0", "\t", "- 3 -", "Halaman 2 dari 9", "7", "(l)", "Menimbang :",
    "Mengingat :", "MEMUTUSKAN:", "Ditetapkan di Sleman", "LAMPIRAN", "PENJELASAN", "**", "<b>", "# ", "<!-- x -->",
    "Paragraf Kesatu", "Bagian Kedua", "a.", "1.", "(1)", "a)", "1)", "dan/atau", "s.d.", "\r", "\r\n",
]


def mutate(text: str, rng: random.Random) -> tuple[bytes, list[str]]:
    """One mutated input (bytes) and the recipe that made it."""
    lines = text.split("\n")
    start = rng.randrange(len(lines))
    lines = lines[start:start + rng.randint(5, 400)]
    recipe = [f"window {start}+{len(lines)}"]
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(["delete", "duplicate", "move", "swap", "insert", "insert", "insert", "chars", "join"])
        recipe.append(op)
        i, j = sorted(rng.randrange(len(lines) + 1) for _ in range(2))
        if op == "delete" and j > i:
            del lines[i:j]
        elif op == "duplicate":
            lines[i:i] = lines[i:j][:50]
        elif op == "move" and j > i:
            chunk, lines[i:j] = lines[i:j], []
            k = rng.randrange(len(lines) + 1)
            lines[k:k] = chunk
        elif op == "swap" and i < len(lines) and j < len(lines):
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            token = rng.choice(HOSTILE)
            recipe[-1] += f" {token[:20]!r}"
            if rng.random() < 0.5 or not lines:
                lines.insert(i, token)
            else:
                k = min(i, len(lines) - 1)
                pos = rng.randrange(len(lines[k]) + 1)
                lines[k] = lines[k][:pos] + token + lines[k][pos:]
        elif op == "chars" and lines:
            k = min(i, len(lines) - 1)
            pos = rng.randrange(len(lines[k]) + 1)
            lines[k] = lines[k][:pos] + "".join(chr(rng.choice([rng.randrange(32, 0x250), rng.randrange(0, 32),
                                                                   0xFEFF, 0x2028, 0x00AD, 0x200B]))
                                                for _ in range(rng.randint(1, 5))) + lines[k][pos:]
        elif op == "join" and j > i:
            lines[i:j] = [" ".join(lines[i:j])]
    return encode("\n".join(lines), rng, recipe), recipe


def encode(text: str, rng: random.Random, recipe: list[str]) -> bytes:
    r = rng.random()
    if r < 0.85:
        return text.encode("utf-8", "surrogatepass")
    enc = rng.choice(["utf-16", "utf-16-le", "utf-32", "utf-8-sig", "cp1252"])
    recipe.append(f"encode {enc}")
    data = text.encode(enc, "replace")
    if rng.random() < 0.3:
        recipe.append("cut")
        data = data[: max(1, len(data) - rng.randint(1, 3))]
    return data


def _projection(d: dict[str, Any]) -> dict[str, Any]:
    def node(n: dict[str, Any]) -> dict[str, Any]:
        return {"type": n["type"], "number": n["number"], "heading": n["heading"], "text": n["text"],
                "id": n["id"], "children": [node(c) for c in n["children"]]}

    return {"preamble": d["preamble"], "menimbang": [m["text"] for m in d["menimbang"]],
            "mengingat": [m["text"] for m in d["mengingat"]], "body": [node(n) for n in d["body"]],
            "lampiran": [(b["type"], b["text"]) for b in d["lampiran"]]}


def check(data: bytes, limit: float) -> tuple[str, str]:
    """("ok" | "refused" | "internal" | "slow" | "conservation" | "roundtrip", detail) for one input."""
    from rancang.errors import RancangError
    from rancang.ingest import ingest_bytes, ingest_text
    from rancang.ingest.conservation import difference
    from rancang.ingest.readers.text import decode
    from rancang.ingest.writers.markdown import render

    t0 = fuzz_kinds.cpu()
    try:
        reg = ingest_bytes(data, "fuzz.txt")
    except RancangError:
        return ("slow", f"{fuzz_kinds.cpu() - t0:.1f} s") if fuzz_kinds.cpu() - t0 > limit else ("refused", "")
    except Exception as exc:  # noqa: BLE001 - the point of the campaign
        return "internal", f"{type(exc).__name__}: {exc}"[:200] + " @ " + traceback.format_exc().splitlines()[-3]
    took = fuzz_kinds.cpu() - t0
    if took > limit:
        return "slow", f"{took:.1f} s"
    # the reference text: the decoded characters, plus the UTF-8 BOM the reader records in stats.removed
    reference = ("\ufeff" if data.startswith(b"\xef\xbb\xbf") else "") + decode(data).replace("\r", "")
    missing, invented = difference(reference, reg)
    if missing or invented:
        return "conservation", f"lost {dict(missing.most_common(5))} invented {dict(invented.most_common(5))}"
    try:
        again = ingest_text(render(reg), "fuzz.md")
    except Exception as exc:  # noqa: BLE001
        return "roundtrip", f"canonical text not read back: {type(exc).__name__}: {exc}"[:200]
    if _projection(again.to_dict()) != _projection(reg.to_dict()):
        return "roundtrip", "canonical text reads back to another tree"
    return "ok", ""


def case(k: int, seed: int) -> tuple[bytes, list[str]]:
    """Input number ``k`` of the campaign ``seed`` and its recipe (to reproduce a failure)."""
    rng = random.Random(seed * 1_000_003 + k)
    source = SOURCES[k % len(SOURCES)]
    data, recipe = mutate(source.read_text(encoding="utf-8"), rng)
    return data, [source.name, *recipe]


def _one(args: tuple[str, int, int, float]) -> tuple[int, str, str, list[str]]:
    kind, k, seed, limit = args
    if kind != "text":
        verdict, detail, recipe = fuzz_kinds.one(kind, k, seed, limit)
        return k, verdict, detail, recipe
    data, recipe = case(k, seed)
    verdict, detail = check(data, limit)
    return k, verdict, detail, recipe


class _Hang(BaseException):
    """Raised in a logged (in-process) campaign when one input runs past three times the limit in CPU time, or past
    ``_WALL`` seconds on the clock (a wait that uses no CPU). A BaseException, so the code under test's own
    ``except Exception`` (which turns a failure into "internal") does not take it."""


#: the wall-clock backstop of one input: a shared machine under load stretches a one-second input to tens of seconds
#: of wall time, so the clock only catches an input that waits (a lock, a sleep); CPU time decides "slow"
_WALL = 600


def _alarm(signum: int, frame: object) -> None:
    raise _Hang


def _logged(args: argparse.Namespace) -> int:
    """Inputs ``args.start`` .. ``args.start + args.n - 1`` in this process, appended to ``args.log`` (resumable)."""
    log = Path(args.log)
    done: set[int] = set()
    if log.exists():
        for line in log.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue  # a line cut by a kill
            if row.get("kind") == args.kind and row.get("seed") == args.seed and "k" in row:
                done.add(row["k"])
    signal.signal(signal.SIGALRM, _alarm)
    signal.signal(signal.SIGPROF, _alarm)
    if args.kind == "profile":
        fuzz_kinds._sources()  # the corpus store seeded once, before the first input is timed
    with log.open("a", encoding="utf-8") as out:
        for k in range(args.start, args.start + args.n):
            if k in done:
                continue
            t0, c0 = time.perf_counter(), fuzz_kinds.cpu()
            # backstops: a hung input is a failure, not a hung campaign
            signal.setitimer(signal.ITIMER_PROF, args.limit * 3 + 1)
            signal.alarm(_WALL)
            try:
                _, verdict, detail, recipe = _one((args.kind, k, args.seed, args.limit))
            except _Hang:
                verdict, detail, recipe = "slow", f"still running after {args.limit * 3:.0f} s of CPU or {_WALL} s", []
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
                signal.alarm(0)
            row = {"kind": args.kind, "seed": args.seed, "k": k, "v": verdict,
                   "s": round(time.perf_counter() - t0, 4), "cpu": round(fuzz_kinds.cpu() - c0, 4),
                   "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}
            if verdict not in ("ok", "refused"):
                row.update(detail=detail, recipe=recipe)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
    return 0


def summary(paths: list[str]) -> int:
    """Counts per kind and seed of logged campaigns; exit status 1 when any input failed."""
    rows: dict[tuple[str, int, int], dict[str, Any]] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
                rows[(row["kind"], row["seed"], row["k"])] = row  # a re-run input counts once, its last verdict
            except (ValueError, KeyError):
                continue
    bad = 0
    for kind, seed in sorted({(kd, sd) for kd, sd, _ in rows}):
        mine = sorted((r for (kd, sd, _), r in rows.items() if (kd, sd) == (kind, seed)), key=lambda r: r["k"])
        counts: dict[str, int] = {}
        for r in mine:
            counts[r["v"]] = counts.get(r["v"], 0) + 1
        secs = sorted(r["s"] for r in mine)
        peak = max(r["rss_mb"] for r in mine)
        failures = [r for r in mine if r["v"] not in ("ok", "refused")]
        bad += len(failures)
        print(f"{kind} seed {seed}: {len(mine)} inputs (#{mine[0]['k']}..#{mine[-1]['k']}): "
              + ", ".join(f"{n} {v}" for v, n in sorted(counts.items()))
              + f"; s/input mean {sum(secs) / len(secs):.3f}, median {secs[len(secs) // 2]:.3f}, "
              f"p99 {secs[int(len(secs) * 0.99)]:.3f}, max {secs[-1]:.2f}; peak RSS {peak} MB")
        for r in failures[:10]:
            print(f"  #{r['k']} {r['v']}: {' / '.join(r.get('recipe', []))}: {r.get('detail', '')}")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kind", choices=["text", "docx", "pdf", "profile", "letter"], default="text")
    ap.add_argument("--n", type=int, default=25000)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=float, default=10.0)
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--log", help="run in this process, append one JSON line per input here, skip those it holds")
    ap.add_argument("--summary", nargs="+", metavar="LOG", help="print the counts of logged campaigns and exit")
    args = ap.parse_args(argv)
    if args.summary:
        return summary(args.summary)
    if args.log:
        return _logged(args)
    counts = {"ok": 0, "refused": 0, "internal": 0, "slow": 0, "conservation": 0, "roundtrip": 0, "lost": 0,
              "partial": 0}
    shown: dict[str, list[str]] = {}
    t0 = time.perf_counter()
    work = [(args.kind, k, args.seed, args.limit) for k in range(args.start, args.start + args.n)]
    with mp.get_context("fork").Pool(args.jobs, maxtasksperchild=500) as pool:
        for k, verdict, detail, recipe in pool.imap_unordered(_one, work, chunksize=20):
            counts[verdict] += 1
            if verdict not in ("ok", "refused") and len(shown.setdefault(verdict, [])) < args.show:
                shown[verdict].append(f"  #{k} {' / '.join(recipe)}: {detail}")
    took = time.perf_counter() - t0
    print(f"fuzz {args.kind}: {args.n} inputs (seed {args.seed}) in {took:.0f} s: {counts['ok']} ok, "
          f"{counts['refused']} refused with a sentence; {counts['internal']} internal errors, {counts['slow']} over "
          f"{args.limit:.0f} s, {counts['conservation']} conservation violations, {counts['roundtrip']} round-trip "
          f"differences, {counts['lost']} DOCX inputs losing characters of the package, {counts['partial']} partial "
          "outputs", flush=True)
    for verdict, lines in shown.items():
        print(f"{verdict}:")
        print("\n".join(lines))
    bad = sum(counts[k] for k in ("internal", "slow", "conservation", "roundtrip", "lost", "partial"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
