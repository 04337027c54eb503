"""Kill ``rancang draft`` at random moments while it writes over an older draft of another region, and check the
folder each time (issue 32: "a kill during draft -o over an older draft leaves a mixed set").

    python benchmarks/kill_draft.py [--n 40] [--seed 32] [--signal KILL|TERM|both]

Each trial writes the Sleman or the Kota Magelang example (alternating) into a folder that holds the other one's
complete draft, sends the signal after a random delay (up to the time one draft takes), and then checks that the
four files form one set (after :func:`rancang.atomic.settle`, which the next command writing into the folder runs
first: a SIGKILL inside the renames leaves the set's journal): draft.json's ``source.sha256`` is the sha256 of
draft.md, and the region of draft.json is the one named in catatan.md's title and in draft.docx. Hidden temporary
files may remain after SIGKILL. Prints the count of trials per outcome (killed before the commit: old set; after:
new set; mixed: a defect).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from rancang import atomic

RANCANG = [sys.executable, "-m", "rancang.cli"]
REGIONS = {"sleman": "SLEMAN", "kota-magelang": "MAGELANG"}


def region_of(folder: Path) -> str | None:
    """The one region the folder's four files agree on, or None when they do not (a mixed or broken set)."""
    files = {n: (folder / n).read_bytes() for n in ("draft.docx", "draft.md", "draft.json", "catatan.md")
             if (folder / n).exists()}
    if len(files) != 4:
        return None
    try:
        meta = json.loads(files["draft.json"])
        docx = zipfile.ZipFile(io.BytesIO(files["draft.docx"])).read("word/document.xml").decode("utf-8").upper()
    except (ValueError, zipfile.BadZipFile, KeyError):
        return None
    if hashlib.sha256(files["draft.md"]).hexdigest() != meta["source"]["sha256"]:
        return None
    name = meta["meta"]["daerah"].split()[-1].upper()
    title = files["catatan.md"].decode("utf-8").split("\n", 1)[0].upper()
    return name if name in title and name in docx else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=32)
    ap.add_argument("--signal", choices=["KILL", "TERM", "both"], default="both")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="kill-draft-"))
    env = {**os.environ, "RANCANG_DB": str(work / "korpus.sqlite")}
    subprocess.run([*RANCANG, "draft", "--contoh", "sleman", "-o", str(work / "pemanasan")], env=env, check=False,
                   capture_output=True)  # the first draft seeds the corpus: not timed
    sets = {}
    for contoh in REGIONS:  # one complete draft of each region, and the time one takes
        t0 = time.perf_counter()
        subprocess.run([*RANCANG, "draft", "--contoh", contoh, "-o", str(work / contoh)], env=env, check=False,
                       capture_output=True)
        sets[contoh] = time.perf_counter() - t0
    span = max(sets.values())
    outcomes = {"old": 0, "new": 0, "mixed": 0}
    for k in range(args.n):
        new, old = list(REGIONS)[k % 2], list(REGIONS)[1 - k % 2]
        folder = work / f"t{k}"
        shutil.copytree(work / old, folder)
        sig = {"KILL": signal.SIGKILL, "TERM": signal.SIGTERM}.get(args.signal) or rng.choice(
            [signal.SIGKILL, signal.SIGTERM])
        proc = subprocess.Popen([*RANCANG, "draft", "--contoh", new, "-o", str(folder)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2 * span, 1.05 * span))
        proc.send_signal(sig)
        proc.wait()
        atomic.settle(folder)  # what the next command writing into the folder does first
        got = region_of(folder)
        outcomes["old" if got == REGIONS[old] else "new" if got == REGIONS[new] else "mixed"] += 1
        if got is None:
            print(f"  trial {k}: mixed set after {sig.name}: {sorted(p.name for p in folder.iterdir())}")
    print(f"kill draft: {args.n} trials (draft takes {span:.1f} s here, load {os.getloadavg()[0]:.1f}): "
          f"{outcomes['old']} old set, {outcomes['new']} new set, {outcomes['mixed']} mixed")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if outcomes["mixed"] else 0


if __name__ == "__main__":
    sys.exit(main())
