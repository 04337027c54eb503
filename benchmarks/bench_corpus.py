"""Corpus reading speed: files per second serial vs a Dask LocalCluster on this machine, and a projection to a
national corpus.

The batch is the four seeds and variants of them (each seed's text for other regions), as text and as PDF.
Measured here: files/s serial (one process), files/s on a LocalCluster of ``--workers`` processes (cluster start
excluded and reported apart), and the cost of one PDF page read by its text layer. With the OCR cost per page
(``--ocr-seconds``, from ``benchmarks/bench_ocr.py``) the script projects how many workers read a whole national
corpus in one day. Run: ``python benchmarks/bench_corpus.py [--copies 6] [--workers 2]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fixtures import build_pdf  # noqa: E402

from rancang.corpus import cluster  # noqa: E402
from rancang.corpus.store import Store  # noqa: E402

SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
REGIONS = ["Kudus", "Blitar", "Sukabumi", "Pati", "Demak", "Kendal", "Bantul", "Sragen"]
#: size of the national corpus projected (assumptions, stated in the README with the result)
KABKOTA_AND_PROVINCES = 514 + 38
REGULATIONS_PER_REGION = 300
PAGES_PER_REGULATION = 15
SCANNED_SHARE = 0.3


def batch(folder: Path, copies: int) -> list[Path]:
    """``copies`` variants of every seed, as .txt and as .pdf (a neighbour's copy with the region renamed)."""
    files = []
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        for i in range(copies):
            variant = text + f"\n\nCatatan salinan {i}.\n" if i else text
            variant = variant.replace("Jepara", REGIONS[i % len(REGIONS)]) if i else variant
            stem = f"{seed.stem}-{i}"
            (folder / f"{stem}.txt").write_text(variant, encoding="utf-8")
            (folder / f"{stem}.pdf").write_bytes(build_pdf(variant, header="BERITA DAERAH"))
            files += [folder / f"{stem}.txt", folder / f"{stem}.pdf"]
    return files


def pages_of(files: list[Path]) -> int:
    import pypdfium2

    return sum(len(pypdfium2.PdfDocument(f.read_bytes())) for f in files if f.suffix == ".pdf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ocr-seconds", type=float, default=2.0, help="OCR seconds per page on one core")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = batch(folder, args.copies)
        pdfs = [f for f in files if f.suffix == ".pdf"]
        pages = pages_of(files)
        start = time.perf_counter()
        with Store(folder / "serial.db", seed=False) as store:
            store.add_files(files, jobs=1)
        serial = time.perf_counter() - start
        start = time.perf_counter()
        with Store(folder / "pdf.db", seed=False) as store:
            store.add_files(pdfs, jobs=1)
        per_page = (time.perf_counter() - start) / pages
        start = time.perf_counter()
        with cluster.client(args.workers) as c:
            started = time.perf_counter() - start
            start = time.perf_counter()
            with Store(folder / "dask.db", seed=False) as store:
                store.add_files(files, cluster=c)
            distributed = time.perf_counter() - start
    n = len(files)
    print(f"{n} files ({len(pdfs)} PDF, {pages} pages)")
    print(f"serial:        {n / serial:.1f} files/s ({serial:.1f} s)")
    print(f"LocalCluster:  {n / distributed:.1f} files/s ({distributed:.1f} s, {args.workers} workers; "
          f"cluster start {started:.1f} s) -> {serial / distributed:.2f}x")
    print(f"PDF text layer: {per_page * 1000:.0f} ms/page; OCR: {args.ocr_seconds:.1f} s/page (given)")
    total_pages = KABKOTA_AND_PROVINCES * REGULATIONS_PER_REGION * PAGES_PER_REGULATION
    cpu_seconds = total_pages * (SCANNED_SHARE * args.ocr_seconds + (1 - SCANNED_SHARE) * per_page)
    print(f"national corpus: {KABKOTA_AND_PROVINCES} regions x {REGULATIONS_PER_REGION} regulations x "
          f"{PAGES_PER_REGULATION} pages = {total_pages:,} pages, {SCANNED_SHARE:.0%} scanned")
    print(f"  {cpu_seconds / 3600:,.0f} core-hours -> {cpu_seconds / 86400:,.0f} single-core workers for one day")


if __name__ == "__main__":
    main()
