"""Acceptance of the knowledge base in `check` (issue 25), per act a sistem-kerja Perbup cites, measured only on
texts the knowledge base was NOT built from.

Every citation of a listed act that prints a publication is checked (L3, ``check_numbers``) twice: as printed (a
number that agrees with the knowledge base must give no finding) and with each printed number changed by one (it
must give L3 naming the sources: an error on a verified fact, an INFO on a disputed or unverified one). Four ways
of holding texts out, each compiling the knowledge base again from the observations of a full build:

* ``kfold`` - the national texts in five folds (by a hash of their path): each fold checked against the knowledge
  base compiled from the other four, the BPK metadata, the supplement and the bundled regional texts;
* ``citing_out`` - per act, EVERY text that cites it (national or regional) is left out of the build and each is
  checked: the knowledge base then knows the act only from its own text, the BPK metadata and the supplement
  (the hardest case: what is left when no other citation exists);
* ``regional_loo`` - each bundled regional text against the knowledge base compiled without it;
* ``outside`` - texts no build reads: /work/shared/cases/real (PDF), the UU texts of /work/shared/extra (their
  own act's votes left out), the regulation texts of /work/shared/cases (peers, abuse) that cite a listed act.

Usage: python benchmarks/kb_acceptance.py /work/shared/national [OBSERVATIONS] > result.json
(observations: a build's reading, default the user cache of `rancang kb build`)
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from rancang.errors import InputError
from rancang.generate.check import legal_bases
from rancang.generate.check.base import norm
from rancang.ingest import ingest_path
from rancang.kb import store
from rancang.kb.build import bundled_files, observations_path, read_observations, supplement
from rancang.kb.compile import compile_acts
from rancang.kb.observe import cited_acts

#: the acts a sistem-kerja Perbup cites (issue 25 acceptance), with the amendments of UU 23/2014 and UU 12/2011
ACTS = ["uu-2014-23", "perppu-2014-2", "uu-2015-2", "uu-2015-9", "uu-2020-11", "perppu-2022-2", "uu-2023-6",
        "uu-2014-5", "uu-2023-20", "uu-2011-12", "uu-2019-15", "uu-2022-13", "uu-2014-30", "pp-2017-11",
        "pp-2020-17", "pp-2016-18", "pp-2019-72", "pp-2019-30", "pp-2018-49", "perpres-2018-95",
        "permenpanrb-2022-7"]
SHARED = Path("/work/shared")
EXTRA_KEYS = {"uu-2011-12", "uu-2019-15", "uu-2008-14"}
FOLDS = 5


def fold(name: str) -> int:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % FOLDS


def kb_of(observations: list[dict], bpk: Path) -> store.KnowledgeBase:
    return store.KnowledgeBase(acts={r["key"]: r for r in compile_acts(observations, bpk, supplement())})


def cites(obs: dict) -> set[str]:
    """The listed acts an observation cites (with or without a publication)."""
    return {c["act"]["key"] for e in obs.get("cites") or [] for c in e} & set(ACTS)


def _only(reg, item):
    """The regulation with only one Mengingat entry (the one measured)."""
    clone = type(reg).__new__(type(reg))
    clone.__dict__.update(reg.__dict__)
    clone.mengingat = [item]
    return clone


def _mutate(text: str, old: int) -> tuple[str, str] | None:
    """``text`` with the first "Nomor OLD" inside the publication (after the first bracket) changed by one."""
    at = text.find("(")
    if at < 0:
        return None
    m = re.search(rf"Nomor\s+\^?{old}\b", text[at:])
    if not m:
        return None
    wrong = str(old + 1)
    return text[:at] + text[at:].replace(m.group(0), f"Nomor {wrong}", 1), wrong


def measure(reg, base: store.KnowledgeBase, tally: dict, label: str, cases: list) -> None:
    """Check every citation of a listed act in ``reg``'s Mengingat against ``base``; add to ``tally[act]``."""
    store.load = lambda: base  # type: ignore[assignment] - the checks read the knowledge base through load()
    for item in reg.mengingat:
        for cited in cited_acts(norm(item.text)):
            key, pub = cited["act"]["key"], cited["pub"]
            if key not in ACTS or pub is None:
                continue
            t = tally[key]
            t["citations"] += 1
            if base.get(key) is None:
                t["act_unknown_to_kb"] += 1
                continue
            found = [f for f in legal_bases.check_numbers(_only(reg, item))
                     if f["rule"].startswith("L3") and base.name(key) in f["message"]]
            facts = {"ln" if pub["kind"] == "Lembaran Negara" else "bn": [pub["tahun"], pub["nomor"]],
                     "tln": pub["tln"]}
            known = {f: base.fact(key, f) for f, v in facts.items() if v and base.fact(key, f)}
            if not known:
                t["no_fact_to_check"] += 1
                continue
            if all(known[f]["value"] == facts[f] for f in known):
                t["agree"] += 1
                t["agree_silent"] += not found
                if found:
                    cases.append({"scheme": label, "act": key, "text": item.text[:300], "false": found[0]["message"]})
            else:
                t["printed_differs"] += 1
                t["differs_reported_error"] += any(f["severity"] == "error" for f in found)
                t["differs_reported_info"] += bool(found) and not any(f["severity"] == "error" for f in found)
                cases.append({"scheme": label, "act": key, "text": item.text[:300],
                              "finding": found[0]["message"] if found else None})
            for name, old in (("number", pub["nomor"]), ("tln", pub["tln"])):
                if not old or not str(old).isdigit() or name not in ("number", "tln") or \
                        (name == "number" and not any(f in known for f in ("ln", "bn"))) or \
                        (name == "tln" and "tln" not in known):
                    continue
                mutated = _mutate(item.text, int(old))
                if mutated is None:
                    continue
                t["mutated"] += 1
                item_text, item.text = item.text, mutated[0]
                hits = [f for f in legal_bases.check_numbers(_only(reg, item))
                        if f["rule"].startswith("L3") and f"Nomor {mutated[1]}" in f["message"]]
                item.text = item_text
                error = any(f["severity"] == "error" for f in hits)
                t["mutated_error"] += error
                t["mutated_info"] += bool(hits) and not error
                t["mutated_missed"] += not hits
                t["mutated_names_sources"] += any("menurut" in f["message"] for f in hits)
                if hits and error:
                    t.setdefault("example_error", hits[0]["message"])
                elif hits:
                    t.setdefault("example_info", hits[0]["message"])


def read(path: Path, tally_skip: dict) -> Any:
    try:
        return ingest_path(path, validate=False)
    except (InputError, OSError) as exc:
        tally_skip[str(path)] = str(exc)[:120]
        return None


def national(root: Path, o: dict) -> Any:
    reg = ingest_path(root / "data-peraturan" / o["file"], validate=False)
    if o.get("self"):  # the act as the collection's path names it (the reader may lose the judul of a scan)
        reg.meta.jenis, reg.meta.nomor, reg.meta.tahun = o["self"]["jenis"], o["self"]["nomor"], o["self"]["tahun"]
        reg.meta.daerah_jenis = "nasional"
    return reg


def main() -> None:
    root = Path(sys.argv[1])
    obs = list(read_observations(Path(sys.argv[2]) if len(sys.argv) > 2 else observations_path()))
    bpk = root / "bpk-uu-metadata"
    seeds = dict((name, Path(path)) for path, name in bundled_files())
    out: dict[str, Any] = {}
    cases: list[dict] = []
    skipped: dict[str, str] = {}
    # (a text the reader refuses cannot be checked; its Mengingat still votes in the builds that hold it)
    citing = [o for o in obs if "error" not in o and "refused" not in o and cites(o)]

    tally: dict = defaultdict(lambda: defaultdict(int))
    for f in range(FOLDS):
        base = kb_of([o for o in obs if o["file"].startswith("seed/") or fold(o["file"]) != f], bpk)
        for o in citing:
            if not o["file"].startswith("seed/") and fold(o["file"]) == f:
                measure(national(root, o), base, tally, "kfold", cases)
    out["kfold"] = tally

    tally = defaultdict(lambda: defaultdict(int))
    for act in ACTS:
        held = [o for o in citing if act in cites(o)]
        base = kb_of([o for o in obs if o not in held], bpk)
        for o in held:
            reg = ingest_path(seeds[o["file"]], validate=False) if o["file"].startswith("seed/") else \
                national(root, o)
            one: dict = defaultdict(lambda: defaultdict(int))
            measure(reg, base, one, f"citing_out:{act}", cases)
            for k, v in one.get(act, {}).items():  # only the act whose citing texts were left out
                if isinstance(v, int):
                    tally[act][k] += v
                else:
                    tally[act].setdefault(k, v)
    out["citing_out"] = tally

    tally = defaultdict(lambda: defaultdict(int))
    for name, path in seeds.items():
        measure(ingest_path(path, validate=False), kb_of([o for o in obs if o["file"] != name], bpk), tally,
                f"regional_loo:{name}", cases)
    out["regional_loo"] = tally

    tally = defaultdict(lambda: defaultdict(int))
    full = kb_of([o for o in obs if (o.get("self") or {}).get("key") not in EXTRA_KEYS], bpk)
    outside = sorted((SHARED / "cases" / "real").glob("*.pdf")) + sorted((SHARED / "extra").glob("uu-*.txt"))
    pattern = re.compile("|".join(rf"Nomor\s+{k.split('-')[-1]}\s+Tahun\s+{k.split('-')[-2]}" for k in ACTS))
    for p in sorted((SHARED / "cases").rglob("*.txt")):
        if p.parent.name != "real" and pattern.search(p.read_text(encoding="utf-8", errors="replace")):
            outside.append(p)
    texts = 0
    for p in outside:
        reg = read(p, skipped)
        if reg is not None:
            texts += 1
            measure(reg, full, tally, f"outside:{p.relative_to(SHARED)}", cases)
    out["outside"] = tally
    json.dump({"schemes": {k: {a: dict(v) for a, v in sorted(t.items())} for k, t in out.items()},
               "outside_texts": texts, "outside_unreadable": skipped, "cases": cases}, sys.stdout, indent=1,
              ensure_ascii=False)


if __name__ == "__main__":
    main()
