"""OCR speed: seconds per page of a scanned regulation, with one and with two processes.

The scan is made as the OCR tests make it: a seed printed to PDF, each page turned into a 200 dpi image and kept
without a text layer. Reports seconds per page (wall clock) for ``-j 1`` and ``-j 2`` and the peak memory of
the reading process. Run: ``python benchmarks/bench_ocr.py [--pages N]``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fixtures import build_pdf  # noqa: E402
from test_ocr import scan  # noqa: E402

from rancang.ingest import ingest_bytes  # noqa: E402
from rancang.ingest.readers.ocr import reader as ocr  # noqa: E402

SEED = ROOT / "corpus" / "seeds" / "001_ced7971a61a5e85a.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=12, help="pages of the Jepara seed to read (default 12)")
    args = parser.parse_args()
    if not ocr.engine_available():
        sys.exit("Tesseract with Indonesian data is not installed (tesseract-ocr, tesseract-ocr-ind).")
    data = scan(build_pdf(SEED.read_text(encoding="utf-8"), header="BERITA DAERAH", max_pages=args.pages))
    for jobs in (1, 2):
        ocr.set_jobs(jobs)
        start = time.perf_counter()
        reg = ingest_bytes(data, "jepara-pindaian.pdf")
        seconds = time.perf_counter() - start
        pages = len(reg.stats.ocr["pages"])
        print(f"-j {jobs}: {pages} pages in {seconds:.1f} s = {seconds / pages:.2f} s/page "
              f"({len(reg.pasals())} Pasal read)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the reading process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
