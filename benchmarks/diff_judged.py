"""The diff's pairs against the judged pairs (issue 30: "the held-out comparison has no unrelated pair").

Aligns every judged set's acts as its tests do (the four seeds pairwise; each held-out act against each seed, model
topics given as the CLI gives them) and counts the pairs judged related and unrelated, and the pairs nobody has
judged yet (printed with both texts, to be read and judged). Run: ``python benchmarks/diff_judged.py [SET ...]
[--all] [--unjudged]``; SET is a file name of tests/data (diff_pairs_*.json), ``--all`` counts the pairs the model's
topics make too (by default only the text pass, as the judged files record)."""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from pathlib import Path

from rancang.corpus.align import align
from rancang.corpus.store import Store
from rancang.corpus.topics import topics_of
from rancang.ingest import ingest_path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SEEDS = ["bogor", "jepara", "pasaman-barat", "malang"]


def pairs_of(name: str, store: Store, with_topics: bool) -> dict[tuple[str, str, str, str], dict]:
    """The pairs the diff makes now for judged set ``name``, keyed as the judged file keys them."""
    judged = json.loads((DATA / name).read_text(encoding="utf-8"))["pairs"]
    out: dict[tuple[str, str, str, str], dict] = {}
    if name == "diff_pairs_judged.json":
        sides = [(a, store.regulation(a), store.topics(a), b) for a, b in itertools.combinations(SEEDS, 2)]
    else:
        sides = []
        for act in sorted({p["a_reg"] for p in judged}):
            reg = ingest_path(DATA / act)
            sides += [(act, reg, topics_of(reg), b) for b in SEEDS]
    for a, reg, top, b in sides:
        for p in align(reg, store.regulation(b), top, store.topics(b)).pairs:
            if p.topic is None or with_topics:
                out[(a, b, p.a.cite, p.b.cite)] = {"score": p.score, "topic": p.topic, "a_text": p.a.text,
                                                   "b_text": p.b.text, "lampiran": p.a.lampiran}
    return out


def main(argv: list[str]) -> None:
    names = [a for a in argv if a.startswith("diff_pairs_")] or sorted(p.name for p in DATA.glob("diff_pairs_*.json"))
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "c.sqlite") as store:
        for name in names:
            judged = json.loads((DATA / name).read_text(encoding="utf-8"))["pairs"]
            verdict = {(p["a_reg"], p["b_reg"], p["a"], p["b"]): p["related"] for p in judged}
            made = pairs_of(name, store, "--all" in argv)
            rel = sum(verdict.get(k) is True for k in made)
            unrel = sorted(k for k in made if verdict.get(k) is False)
            new = sorted(k for k in made if k not in verdict)
            jep = [k for k in made if k[1] == "jepara"]
            print(f"{name}: {len(made)} pairs, {rel} related, {len(unrel)} unrelated, {len(new)} unjudged; "
                  f"vs jepara {len(jep)} pairs, {sum(verdict.get(k) is False for k in jep)} unrelated, "
                  f"{sum(k not in verdict for k in jep)} unjudged")
            if "--save" in argv:  # the pairs made, to compare another version of the rules with (--against)
                saved = Path(argv[argv.index("--save") + 1])
                old = json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else {}
                old[name] = ["|".join(k) for k in made]
                saved.write_text(json.dumps(old), encoding="utf-8")
            if "--against" in argv:
                base = {tuple(k.split("|")) for k in json.loads(Path(argv[argv.index("--against") + 1]).read_text(
                    encoding="utf-8")).get(name, [])}
                for k in sorted(base - set(made)):
                    print("  LOST" if verdict.get(k) else "  gone", k)
                for k in sorted(set(made) - base):
                    print("  GAIN" if verdict.get(k) else ("  new?" if k not in verdict else "  bad+"), k)
            if "--unrelated" in argv:
                for k in unrel:
                    print("  UNREL", k, made[k]["score"], made[k]["topic"])
            if "--unjudged" in argv:
                for k in new:
                    m = made[k]
                    print(json.dumps({"a_reg": k[0], "b_reg": k[1], "a": k[2], "b": k[3], "score": m["score"],
                                      "topic": m["topic"], "a_text": m["a_text"][:400], "b_text": m["b_text"][:400]},
                                     ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
