"""OCR where it pays: what per-page reading costs and saves, on three kinds of PDF built here.

1. **phone**: N pages of the Bogor seed photographed (``tests/phone_scan.py``: uneven light, low contrast, grey
   ground, 2 degrees askew, JPEG at 150 dpi): Pasal read, mean page confidence, seconds a page.
2. **mixed**: the Jepara seed as a text PDF of N pages with one page replaced by its picture (a scanned
   signature page): only that page is OCR'd; compared with reading the same PDF with ``--ocr`` (every page).
3. **layer**: the phone scan with a Tesseract text layer made from the raw photos (a scanner's poor OCR layer):
   the share of its words in the word list, and whether it is kept (reading a kept layer costs no OCR).

4. **full** (``--full REGION``): the whole seed photographed, read with ``-j 2``, compared with its gold file
   (Pasal in order, ayat per Pasal).

Wall and CPU seconds (this process and its children), the machine's load average printed with each figure; the
machine is shared, so only ratios within one run count.
Run: ``python benchmarks/bench_ocr_pages.py [--pages 3] [--full bogor]``.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import GOLD, SEED_IDS, SEEDS  # noqa: E402
from fixtures import build_pdf  # noqa: E402
from phone_scan import phone_scan  # noqa: E402

from rancang.ingest import ingest_bytes  # noqa: E402
from rancang.ingest.readers.ocr import reader as ocr  # noqa: E402
from rancang.ingest.readers.pdf.pages import extract_pages  # noqa: E402
from rancang.ingest.readers.text_quality import hit_rate, page_verdict  # noqa: E402


def cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn):
    load = os.getloadavg()[0]
    w, c = time.perf_counter(), cpu()
    out = fn()
    return out, time.perf_counter() - w, cpu() - c, load


def seed_pdf(region: str, pages: int) -> bytes:
    text = (SEEDS / f"{SEED_IDS[region]}.txt").read_text(encoding="utf-8")
    return build_pdf(text, header="BERITA DAERAH", max_pages=pages)


def with_picture_page(pdf: bytes, index: int) -> bytes:
    """``pdf`` with page ``index`` replaced by a 150 dpi picture of itself (no text on that page)."""
    import pypdfium2
    from fpdf import FPDF

    doc = pypdfium2.PdfDocument(pdf)
    out = pypdfium2.PdfDocument.new()
    for i in range(len(doc)):
        if i != index:
            out.import_pages(doc, [i])
            continue
        picture = FPDF(format="A4", unit="mm")
        picture.add_page()
        buf = io.BytesIO()
        doc[i].render(scale=150 / 72, grayscale=True).to_pil().save(buf, format="PNG")
        picture.image(buf, x=0, y=0, w=210, h=297)
        out.import_pages(pypdfium2.PdfDocument(bytes(picture.output())), [0])
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def tesseract_layer(scan: bytes) -> bytes:
    """The scan's raw photos (no preprocessing) through ``tesseract ... pdf``: a scanner-made OCR text layer."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(scan)
    parts = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(len(doc)):
            png = Path(tmp) / f"p{i}.png"
            doc[i].render(scale=150 / 72, grayscale=True).to_pil().save(png)
            subprocess.run(["tesseract", str(png), str(Path(tmp) / f"p{i}"), "-l", "ind", "--dpi", "150", "pdf"],
                           check=True, capture_output=True)
            parts.append((Path(tmp) / f"p{i}.pdf").read_bytes())
    out = pypdfium2.PdfDocument.new()
    for part in parts:
        out.import_pages(pypdfium2.PdfDocument(part))
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def full(region: str) -> None:
    """The whole seed of ``region`` photographed and read with two processes, against its gold file."""
    import json

    gold = json.loads((GOLD / f"{SEED_IDS[region]}.json").read_text(encoding="utf-8"))
    scan = phone_scan(seed_pdf(region, 1000), dpi=150)
    ocr.set_jobs(2)
    reg, wall, cpus, load = timed(lambda: ingest_bytes(scan, "foto.pdf"))
    ocr.set_jobs(1)
    numbers = [p.number for p in reg.pasals()]
    ayat = {p.number: sum(c.type == "ayat" for c in p.children) for p in reg.pasals()}
    want = {str(k): v["ayat"] for k, v in gold["pasal"].items()}
    wrong = {k: (ayat.get(k), v) for k, v in want.items() if ayat.get(k) != v}
    pages = reg.stats.ocr["pages"]
    print(f"full    {region}: {len(pages)} pages, {len(numbers)}/{gold['pasal_count']} Pasal, in order "
          f"{numbers == [str(i) for i in range(1, len(numbers) + 1)]}, ayat as gold in "
          f"{len(want) - len(wrong)}/{len(want)} Pasal (read, gold: {wrong}), lowest page confidence "
          f"{min(p['confidence'] for p in pages)}; {cpus:.1f} s CPU, {wall:.1f} s wall (load {load:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--full", help="also read this seed whole as a phone scan (bogor, jepara, ...)")
    args = parser.parse_args()
    if not ocr.engine_available():
        sys.exit("Tesseract with Indonesian data is not installed (tesseract-ocr, tesseract-ocr-ind).")
    os.environ[ocr.MODE_ENV] = "auto"
    if args.full:
        full(args.full)

    scan = phone_scan(seed_pdf("bogor", args.pages), dpi=150)
    reg, wall, cpus, load = timed(lambda: ingest_bytes(scan, "foto.pdf"))
    confs = [p["confidence"] for p in reg.stats.ocr["pages"]]
    print(f"phone   {len(confs)} pages: Pasal {[p.number for p in reg.pasals()]}, page confidence "
          f"{min(confs):.1f}-{max(confs):.1f}, {wall / len(confs):.2f} s/page wall, {cpus / len(confs):.2f} s/page "
          f"CPU (load {load:.1f})")

    text = seed_pdf("jepara", max(args.pages * 3, 6))
    mixed = with_picture_page(text, 1)
    reg, wall, cpus, load = timed(lambda: ingest_bytes(mixed, "campuran.pdf"))
    used = [p["source"] for p in reg.stats.ocr["pages"]]
    print(f"mixed   {len(used)} pages, OCR'd {used.count('ocr')}: {wall:.2f} s wall, {cpus:.2f} s CPU, "
          f"{len(reg.pasals())} Pasal (load {load:.1f})")
    os.environ[ocr.MODE_ENV] = "always"
    reg2, wall2, cpus2, load2 = timed(lambda: ingest_bytes(mixed, "campuran.pdf"))
    os.environ[ocr.MODE_ENV] = "auto"
    print(f"  --ocr every page: {wall2:.2f} s wall, {cpus2:.2f} s CPU, {len(reg2.pasals())} Pasal (load {load2:.1f});"
          f" per-page reading {cpus2 / max(cpus, 1e-6):.1f}x less CPU")
    _, wall3, cpus3, load3 = timed(lambda: ingest_bytes(text, "teks.pdf"))
    print(f"  the text PDF alone: {wall3:.2f} s wall, {cpus3:.2f} s CPU (load {load3:.1f})")

    layered = tesseract_layer(scan)
    pages = extract_pages(layered)
    rates = [hit_rate("\n".join(ln.text for ln in p.lines)) for p in pages]
    verdicts = [page_verdict(p) for p in pages]
    reg, wall, cpus, load = timed(lambda: ingest_bytes(layered, "lapisan.pdf"))
    ocrd = sum(p.get("source") == "ocr" for p in (reg.stats.ocr or {}).get("pages", []))
    print(f"layer   raw-photo Tesseract layer: word-list hit rate {[round(h / max(n, 1), 2) for h, n in rates]}, "
          f"verdicts {verdicts}, pages OCR'd again {ocrd}, {wall:.2f} s wall, Pasal {[p.number for p in reg.pasals()]}")


if __name__ == "__main__":
    main()
