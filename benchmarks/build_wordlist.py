"""Build ``ingest/readers/words_ind.txt``: the Indonesian words of regulations, from texts held as data.

The OCR reader judges a PDF page's text layer by the share of its words found in this list
(:mod:`rancang.ingest.readers.text_quality`). The list is made from the national acts of
``/work/shared/national/data-peraturan`` (full texts of UU and PP, public domain under UU 28/2014 Pasal 42) and the
bundled seeds, never downloaded: a word is kept when it is made of letters, 2-30 long, and appears in at least
``--min-acts`` different acts of ``--since`` or later (old acts carry OCR damage; a misreading seldom repeats across
independent acts, a real word does) and is not a misreading: a word that one OCR confusion (:data:`CONFUSIONS`: c/e,
l/i, n/u, h/b ...) turns into a word found in :data:`RARER` times as many acts is dropped ("olch" beside "oleh",
"kcrja" beside "kerja": the old acts' OCR repeats its errors across acts). Run::

    python benchmarks/build_wordlist.py [--national DIR] [--since 1990] [--min-acts 3]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ingest" / "readers" / "words_ind.txt"
WORD = re.compile(r"[a-z]{2,30}")
#: letters OCR reads for one another (both ways)
CONFUSIONS = {"c": "eo", "e": "co", "l": "it", "i": "lj", "n": "um", "u": "nv", "h": "bn", "b": "h", "v": "yu",
              "y": "v", "a": "o", "o": "ac", "t": "fl", "f": "t", "r": "n", "m": "n", "s": "a", "g": "q", "q": "g"}
RARER = 20


def misreading(word: str, df: Counter[str]) -> bool:
    """Whether ``word`` is one OCR confusion away from a word found in :data:`RARER` times as many acts."""
    n = df[word]
    for i, ch in enumerate(word):
        for other in CONFUSIONS.get(ch, ""):
            if df.get(word[:i] + other + word[i + 1:], 0) >= RARER * n:
                return True
    return False


def acts(national: Path, since: int) -> list[Path]:
    """The UU and PP texts of year ``since`` or later."""
    out = []
    for kind in ("uu", "pp"):
        for year in sorted((national / kind).iterdir()):
            if year.name.isdigit() and int(year.name) >= since:
                out.extend(sorted(year.glob("*.md")))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--national", type=Path, default=Path("/work/shared/national/data-peraturan"))
    parser.add_argument("--since", type=int, default=1990)
    parser.add_argument("--min-acts", type=int, default=3)
    args = parser.parse_args()
    df: Counter[str] = Counter()
    files = acts(args.national, args.since) + sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace").lower()
        df.update(set(WORD.findall(text)))
    words = sorted(w for w, n in df.items() if n >= args.min_acts and not misreading(w, df))
    header = (f"# Indonesian words of regulations: {len(words)} words found in >= {args.min_acts} of {len(files)} "
              f"acts (UU and PP since {args.since}, data-peraturan; and the bundled seeds). "
              "Made by benchmarks/build_wordlist.py.\n")
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words from {len(files)} texts -> {OUT}")


if __name__ == "__main__":
    main()
