"""Acceptance of the knowledge base in `check` (issue 25), measured on texts the knowledge base was NOT built from.

A fifth of the national texts (by a hash of their path) is held out, the knowledge base is compiled from the rest
(plus the BPK metadata and the bundled regional texts), and every held-out text that cites one of the acts a
sistem-kerja Perbup cites is checked (L3, ``rancang.generate.check.legal_bases.check_numbers``) twice: as printed
(a number that agrees with the knowledge base must give no finding) and with each printed number changed by one (it
must give L3: an error on a verified fact, an INFO otherwise). The bundled regional texts are measured leave-one-out
(the knowledge base compiled without that text), and the real national acts of /work/shared/cases/real (PDF) and the
UU texts of /work/shared/extra are held out of the build by their keys.

Usage: python benchmarks/kb_acceptance.py /work/shared/national [OBSERVATIONS]   (observations: a build's
reading, default the user cache of `rancang kb build`)
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

from rancang.generate.check import legal_bases
from rancang.generate.check.base import norm
from rancang.ingest import ingest_path
from rancang.kb import store
from rancang.kb.build import bundled_files, observations_path, read_observations, supplement
from rancang.kb.compile import compile_acts
from rancang.kb.observe import cited_acts

ACTS = ["uu-2014-23", "perppu-2014-2", "uu-2015-2", "uu-2015-9", "uu-2020-11", "uu-2023-6", "uu-2014-5",
        "uu-2023-20", "uu-2011-12", "uu-2019-15", "uu-2022-13", "uu-2014-30", "pp-2017-11", "pp-2020-17",
        "pp-2016-18", "pp-2019-72", "pp-2019-30", "pp-2018-49", "perpres-2018-95", "permenpanrb-2022-7"]
EXTRA = [Path("/work/shared/cases/real/pp-96-2012.pdf"), Path("/work/shared/cases/real/permenkominfo-8-2019.pdf"),
         *sorted(Path("/work/shared/extra").glob("uu-*.txt"))]


def held_out(name: str) -> bool:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % 5 == 0


def kb_of(records: list[dict]) -> store.KnowledgeBase:
    return store.KnowledgeBase(acts={r["key"]: r for r in records})


def measure(reg, base: store.KnowledgeBase, tally: dict) -> None:
    store.load = lambda: base  # type: ignore[assignment] - the checks read the knowledge base through load()
    for item in reg.mengingat:
        for cited in cited_acts(norm(item.text)):
            key, pub = cited["act"]["key"], cited["pub"]
            if key not in ACTS or pub is None or base.get(key) is None:
                continue
            t = tally[key]
            t["cites"] += 1
            found = [f for f in legal_bases.check_numbers(_only(reg, item)) if f["rule"].startswith("L3")]
            facts = {"ln" if pub["kind"] == "Lembaran Negara" else "bn": [pub["tahun"], pub["nomor"]],
                     "tln": pub["tln"]}
            agree = all(base.fact(key, f) is None or base.fact(key, f)["value"] == v for f, v in facts.items() if v)
            if agree:
                t["agree"] += 1
                t["silent_on_agree"] += not [f for f in found if base.name(key) in f["message"]]
            else:
                t["printed_differs"] += 1
                t["reported_differs"] += bool([f for f in found if base.name(key) in f["message"]])
            for old in [str(pub["nomor"])] + ([str(pub["tln"])] if pub["tln"] else []):
                wrong = str(int(old) + 1)
                mutated = item.text.replace(f"Nomor {old}", f"Nomor {wrong}", 1)
                if mutated == item.text:
                    continue
                t["mutated"] += 1
                item_text, item.text = item.text, mutated
                hits = [f for f in legal_bases.check_numbers(_only(reg, item))
                        if f["rule"].startswith("L3") and f"Nomor {wrong}" in f["message"]]
                item.text = item_text
                t["mutated_caught_error"] += any(f["severity"] == "error" for f in hits)
                t["mutated_caught_info"] += bool(hits) and not any(f["severity"] == "error" for f in hits)
                t["mutated_named_sources"] += any("menurut" in f["message"] for f in hits)


def _only(reg, item):
    """The regulation with only one Mengingat entry (the one measured)."""
    clone = type(reg).__new__(type(reg))
    for slot in ("source", "meta", "preamble", "menimbang", "diktum", "body", "penutup", "lampiran", "penjelasan",
                 "stats"):
        if hasattr(reg, slot):
            setattr(clone, slot, getattr(reg, slot))
    clone.mengingat = [item]
    return clone


def main() -> None:
    root = Path(sys.argv[1])
    obs_path = Path(sys.argv[2]) if len(sys.argv) > 2 else observations_path()
    obs = list(read_observations(obs_path))
    extra_keys = {"pp-2012-96", "uu-2011-12", "uu-2019-15", "uu-2008-14"}
    bpk = root / "bpk-uu-metadata"
    train = [o for o in obs if not held_out(o["file"]) and (o.get("self") or {}).get("key") not in extra_keys]
    base = kb_of(compile_acts(train, bpk, supplement()))
    tally: dict = defaultdict(lambda: defaultdict(int))
    texts = 0
    for o in obs:
        if not held_out(o["file"]) or o["file"].startswith("seed/") or "refused" in o or not o.get("cites"):
            continue
        if not any(c["act"]["key"] in ACTS for e in o["cites"] for c in e):
            continue
        texts += 1
        measure(ingest_path(root / "data-peraturan" / o["file"], validate=False), base, tally)
    for path in EXTRA:
        texts += 1
        measure(ingest_path(path, validate=False), base, tally)
    for path, name in bundled_files():  # leave-one-out
        own = [o for o in obs if o["file"] == name]
        rest = [o for o in obs if o["file"] != name and (o.get("self") or {}).get("key") not in extra_keys]
        texts += 1
        measure(ingest_path(path, validate=False), kb_of(compile_acts(rest, bpk, supplement())), tally)
        del own
    print(json.dumps({"held_out": {"texts_checked": texts, "acts": {k: dict(v) for k, v in sorted(tally.items())}}},
                     indent=1))
    # every national text that cites one of the acts, leave-one-out: the full knowledge base without that text's
    # own votes (check leaves out the votes of the act it checks; the act is named from the collection's path
    # where the reader lost the judul)
    full = store.read(store.package_file(store.ACTS_FILE))
    loo: dict = defaultdict(lambda: defaultdict(int))
    n = 0
    for o in obs:
        if o["file"].startswith("seed/") or "refused" in o or not o.get("self"):
            continue
        if not any(c["act"]["key"] in ACTS for e in o.get("cites") or [] for c in e):
            continue
        reg = ingest_path(root / "data-peraturan" / o["file"], validate=False)
        reg.meta.jenis, reg.meta.nomor, reg.meta.tahun = o["self"]["jenis"], o["self"]["nomor"], o["self"]["tahun"]
        reg.meta.daerah_jenis = "nasional"
        n += 1
        measure(reg, full, loo)
    print(json.dumps({"leave_one_out": {"texts_checked": n, "acts": {k: dict(v) for k, v in sorted(loo.items())}}},
                     indent=1))


if __name__ == "__main__":
    main()
