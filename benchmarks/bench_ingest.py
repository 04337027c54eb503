"""Ingest speed and memory, side by side with bluebell-akn in the same run.

    python benchmarks/bench_ingest.py [--repeat N] [--quick] [--text] [--national N]
                                      [--pasal-id PATH [--pasal-id-texts N]]

(``--text``: the text figures only; ``--national N``: national UU texts added to the CLI batch, default 40;
``--pasal-id PATH``: also time Pasal.id's splitter, a copy of ilhamfp/pasal ``scripts/parser/parse_law.py`` at PATH,
on N raw national UU texts, default 220 -- see :func:`pasal_id_splitter`.)

Measures (issue 3 targets in brackets):

1. text -> validated tree, MB/s over the four seeds, after import           [>= 10x bluebell-akn; 4 seeds < 30 ms]
   and the same without schema validation;
   and ``rancang ingest FOLDER`` as a CLI batch (seeds and national UU) against bluebell-akn's batch in one process;
2. bluebell-akn parsing the same seeds with their structure already marked up in its plain-text grammar
   (CHAPTER/PART/SEC/SUBSEC/PARA: an easier job, the structure is given), MB/s of the seed text;
3. PDF pages/s: ``rancang ingest x.pdf`` (PDFium word boxes, the default) vs pdfplumber's own bare
   ``extract_text`` on the same pages, side by side with the reader on its pdfplumber engine, and the reader with
   pages over 2 processes                                        [full ingest >= 4x faster than extract_text]
4. peak memory reading a 100-page PDF, in a fresh process (VmHWM)            [< 300 MB]
5. ``rancang --help`` start time, fresh process                                  [< 300 ms]

Text figures are medians (with ranges) of CPU and wall time over equal interleaved rounds, with the load printed;
processes are measured alone (/usr/bin/time, VmHWM). PDF figures are best-of-N wall times; all are timed in rounds
so that both see the same machine (a shared virtual CPU drifts in speed). Nothing here asserts.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
sys.path.insert(0, str(ROOT / "tests"))

#: bluebell keywords that would be read as markup at the start of a line; such lines are escaped with "\"
BLUEBELL_KEYWORDS = {
    "ALINEA", "ARTICLE", "BOOK", "CHAPTER", "CLAUSE", "DIVISION", "INDENT", "LEVEL", "LIST", "PARAGRAPH", "PART",
    "POINT", "PROVISO", "RULE", "SECTION", "SUBCHAPTER", "SUBCLAUSE", "SUBDIVISION", "SUBLIST", "SUBPARAGRAPH",
    "SUBPART", "SUBRULE", "SUBSECTION", "SUBTITLE", "TITLE", "TOME", "TRANSITIONAL", "ART", "CHAP", "PARA", "SEC",
    "SUBCHAP", "SUBPARA", "SUBSEC", "BODY", "PREAMBLE", "PREFACE", "CONCLUSIONS", "ATTACHMENT", "APPENDIX",
    "SCHEDULE", "ANNEXURE", "BLOCKLIST", "ITEM", "TABLE", "QUOTE", "FOOTNOTE", "CROSSHEADING", "SUBHEADING",
    "LONGTITLE", "P", "TR", "TH", "TC", "BLOCKQUOTE",
}
#: our node types -> bluebell hierarchical element names
BLUEBELL_NAMES = {"bab": "CHAPTER", "bagian": "PART", "paragraf": "SUBPART", "pasal": "SEC", "ayat": "SUBSEC",
                  "huruf": "PARA", "angka": "PARA", "item": "SUBPARA", "perubahan": "SUBPARA"}


def best(fn, repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``fn()``, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


# ------------------------------------------------------------------------------------------ bluebell


def _escape(line: str) -> str:
    line = " ".join(line.split())
    first = line.split(" ", 1)[0] if line else ""
    if first.rstrip(".:") in BLUEBELL_KEYWORDS or line.startswith(("{{", "\\", "**", "//", "__", "[[")):
        return "\\" + line
    return line


def _node_markup(node, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    if node.type == "text":
        out.append(pad + _escape(node.text))
        return
    name = BLUEBELL_NAMES.get(node.type, "SUBPARA")
    num = node.label or node.number or ""
    head = f"{name} {_escape(num)}".rstrip()
    if node.heading:
        head += f" - {_escape(node.heading)}"
    out.append(pad + head)
    if node.text:
        out.append(pad + "  " + _escape(node.text))
    for child in node.children:
        _node_markup(child, depth + 1, out)


def bluebell_markup(reg) -> str:
    """Our tree in bluebell's plain-text grammar: PREFACE, PREAMBLE, BODY with CHAPTER/PART/SEC/SUBSEC/PARA,
    CONCLUSIONS (penutup) and an ATTACHMENT (Lampiran)."""
    out = ["PREFACE"] + ["  " + _escape(ln) for ln in reg.preamble if ln.strip()]
    out.append("PREAMBLE")
    for item in reg.menimbang + reg.mengingat:
        out.append("  " + _escape(f"{item.label or ''} {item.text}"))
    out += ["  " + _escape(ln) for ln in reg.diktum if ln.strip()]
    out.append("BODY")
    for node in reg.body:
        _node_markup(node, 0, out)
    lines = [ln for ln in (reg.penutup.lines) if str(ln).strip()]
    if lines:
        out.append("CONCLUSIONS")
        out += ["  " + _escape(str(ln)) for ln in lines]
    if reg.lampiran:
        out.append("ATTACHMENT - LAMPIRAN")
        for block in reg.lampiran:
            text = " ".join(filter(None, [block.label, block.text]))
            if block.rows:
                text = " ".join(" | ".join(map(str, row)) for row in block.rows)
            if text.strip():
                out.append("  " + _escape(text))
    return "\n".join(out) + "\n"


def bluebell_parser():
    """bluebell-akn's parser and its version, or an error message when it is not installed."""
    try:
        from bluebell.parser import AkomaNtosoParser
        from cobalt import FrbrUri
    except ImportError:
        return None, "bluebell-akn tidak terpasang (pip install 'rancang[bench]')"
    import importlib.metadata as md

    return AkomaNtosoParser(FrbrUri.parse("/akn/id/act/perbup/2024/1")), md.version("bluebell-akn")


# ------------------------------------------------------------------------------------------ text


def timed(fn) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds) of one run of ``fn()``."""
    c0, w0 = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - c0, time.perf_counter() - w0


def spread(values: list[float]) -> dict:
    """The median of ``values`` with their range: ``{"median", "min", "max", "n"}``."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def load() -> str:
    """The machine's load averages (1, 5, 15 minutes), printed with every figure: only ratios count under load."""
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def bench_text_and_bluebell(rounds: int) -> tuple[dict, dict]:
    """rancang text -> tree (validated and not) and bluebell-akn on the same seeds, in interleaved rounds.

    This machine's speed drifts by up to half over seconds (a shared virtual CPU), so the sides are timed round by
    round, side by side, each ONE pass over the seeds per round (equal rounds: issue 33 found the best of 40
    rancang passes set against the best of 8 bluebell passes), CPU and wall time both; medians and ranges."""
    from rancang.ingest import ingest_bytes

    datas = [(p.read_bytes(), p.name) for p in SEEDS]
    trees = [ingest_bytes(d, n) for d, n in datas]  # warm-up: imports, compiled patterns, schema
    text: dict = {"bytes": sum(len(d) for d, _ in datas), "trees": trees, "pasal": [len(t.pasals()) for t in trees]}
    parser, version = bluebell_parser()
    blue: dict = {"error": version} if parser is None else {"version": version}
    marked: list[str] = []
    if parser is not None:
        marked = [bluebell_markup(reg) for reg in trees]
        # warm-up, and a check that the markup parses into the structure we gave it
        blue["sections"] = [len(parser.parse_to_xml(t, "act").findall(".//{*}section")) for t in marked]
        blue["markup_bytes"] = sum(len(t.encode()) for t in marked)
    runs: dict[str, list[tuple[float, float]]] = {"validated": [], "unvalidated": [], "bluebell": []}
    for _ in range(rounds):
        runs["validated"].append(timed(lambda: [ingest_bytes(d, n) for d, n in datas]))
        runs["unvalidated"].append(timed(lambda: [ingest_bytes(d, n, validate=False) for d, n in datas]))
        if parser is not None:
            runs["bluebell"].append(timed(lambda: [parser.parse_to_xml(t, "act") for t in marked]))
    for key in ("validated", "unvalidated"):
        text[key] = {"cpu": spread([c for c, _ in runs[key]]), "wall": spread([w for _, w in runs[key]])}
    if parser is not None:
        blue["cpu"] = spread([c for c, _ in runs["bluebell"]])
        blue["wall"] = spread([w for _, w in runs["bluebell"]])
    text["load"] = load()
    return text, blue


def bench_json_writer(trees: list, rounds: int) -> dict:
    """CPU time writing the trees' JSON: the standard library's ``indent=1`` (pure Python), the CLI's writer
    (compact C dump + msgspec's C layout, the same bytes) and, for reference, orjson's 2-space indent (other
    bytes), in interleaved equal rounds."""
    import orjson

    from rancang.ingest.cli import indent_json

    dicts = [t.to_dict() for t in trees]
    ways = {"stdlib indent=1": lambda: [json.dumps(d, ensure_ascii=False, indent=1) for d in dicts],
            "compact dump (kept for the size bound)": lambda: [json.dumps(d, ensure_ascii=False) for d in dicts],
            "compact dump + msgspec layout (the CLI)":
                lambda: [indent_json(json.dumps(d, ensure_ascii=False)) for d in dicts],
            "orjson OPT_INDENT_2 (other bytes)": lambda: [orjson.dumps(d, option=orjson.OPT_INDENT_2) for d in dicts]}
    cpu: dict[str, list[float]] = {k: [] for k in ways}
    for _ in range(rounds):
        for k, fn in ways.items():
            cpu[k].append(timed(fn)[0])
    return {k: spread(v) for k, v in cpu.items()}


BLUEBELL_BATCH = r"""
import sys
from pathlib import Path
from bluebell.parser import AkomaNtosoParser
from cobalt import FrbrUri
from lxml import etree
src, out = Path(sys.argv[1]), Path(sys.argv[2])
for p in sorted(src.glob("*.txt")):
    parser = AkomaNtosoParser(FrbrUri.parse("/akn/id/act/perbup/2024/1"))
    xml = parser.parse_to_xml(p.read_text(encoding="utf-8"), "act")
    (out / (p.stem + ".xml")).write_bytes(etree.tostring(xml, encoding="utf-8"))
"""


def compile_bytecode() -> str:
    """Write the ``.pyc`` of every rancang module (``compileall``, as ``pip install`` of the wheel does) before the
    CLI rounds, and say so. An editable checkout run with ``PYTHONDONTWRITEBYTECODE=1`` (this machine's sessions)
    compiles every module from source in every process -- 0.06-0.08 s of a CLI batch -- which no installed rancang
    does and which bluebell-akn, installed from its wheel, never pays either (issue 33: equal terms)."""
    import compileall
    import importlib.util
    import re

    dirs = sorted({Path(origin).parent for name in ("rancang", "rancang.ingest", "rancang.schema", "rancang.model",
                                                   "rancang.generate", "rancang.corpus", "rancang.kb", "rancang.web")
                   if (spec := importlib.util.find_spec(name)) is not None and (origin := spec.origin)})
    skip = re.compile(r"[/\\](?:\.venv|tests|benchmarks|\.git)[/\\]")
    ok = all(compileall.compile_dir(d, quiet=1, rx=skip) for d in dirs)
    return f"bytecode compiled for {len(dirs)} package folders{'' if ok else ' (some failed)'}"


def _child(cmd: list[str]) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak RSS in MB) of one fresh process running ``cmd``, as ``/usr/bin/time``
    reports them for that process alone (``ru_maxrss`` read in a child spawned from this process would carry this
    process's own peak: issue 33, 107 MB reported where the child used 45)."""
    w0 = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", *cmd], capture_output=True, text=True, timeout=1800)
    wall = time.perf_counter() - w0
    if proc.returncode:
        raise RuntimeError(proc.stderr.strip()[-400:])
    user, system, rss_kb = proc.stderr.strip().splitlines()[-1].split()
    return float(user) + float(system), wall, int(rss_kb) / 1024


def batch_texts(limit_national: int) -> list[Path]:
    """The seeds and the first ``limit_national`` national UU (``/work/shared/national``) that read as a tree."""
    from rancang.errors import RancangError
    from rancang.ingest import ingest_path

    files = list(SEEDS)
    national = Path("/work/shared/national/data-peraturan/uu")
    for p in sorted(national.rglob("*.md"))[::7]:
        if len(files) >= len(SEEDS) + limit_national:
            break
        try:
            ingest_path(p)
        except RancangError:
            continue
        files.append(p)
    return files


def bench_cli_batch(rounds: int, limit_national: int) -> dict:
    """``rancang ingest FOLDER -o OUT`` (JSON trees, one process) against bluebell-akn parsing the same texts
    marked up in its grammar and writing AKN XML (one process, the same texts), interleaved equal rounds; each
    process's CPU time, wall time and peak memory."""
    import shutil
    import tempfile

    from rancang.ingest import ingest_path

    parser, version = bluebell_parser()
    files = batch_texts(limit_national)
    bytecode = compile_bytecode()
    tmp = Path(tempfile.mkdtemp(prefix="bench_ingest_"))
    try:
        src, marked, out_r, out_b = (tmp / n for n in ("src", "marked", "out_r", "out_b"))
        for d in (src, marked, out_r, out_b):
            d.mkdir()
        for n, p in enumerate(files):
            shutil.copy(p, src / f"{n:03d}_{p.stem}.txt")
            if parser is not None:
                (marked / f"{n:03d}.txt").write_text(bluebell_markup(ingest_path(p)), encoding="utf-8")
        size = sum(p.stat().st_size for p in src.iterdir())
        ours: list[tuple[float, float, float]] = []
        theirs: list[tuple[float, float, float]] = []
        for _ in range(rounds):
            ours.append(_child([sys.executable, "-m", "rancang.cli", "ingest", str(src), "-o", str(out_r)]))
            if parser is not None:
                theirs.append(_child([sys.executable, "-c", BLUEBELL_BATCH, str(marked), str(out_b)]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def side(runs: list[tuple[float, float, float]]) -> dict:
        return {"cpu": spread([r[0] for r in runs]), "wall": spread([r[1] for r in runs]),
                "rss_mb": spread([r[2] for r in runs])}

    result = {"files": len(files), "bytes": size, "rancang": side(ours), "load": f"{load()}; {bytecode}"}
    result["bluebell"] = side(theirs) if theirs else {"error": version}
    return result


# ------------------------------------------------------------------------------------------ Pasal.id


def pasal_id_splitter(path: str):
    """Pasal.id's structure splitter (``parse_into_nodes`` of ilhamfp/pasal ``scripts/parser/parse_law.py``, which
    builds BAB/Bagian/Paragraf/Pasal/ayat and the Penjelasan per Pasal by regex over lines), loaded from a copy at
    ``path``: it is no package on any registry (PyPI's ``pasal`` is a client of Pasal.id's web API, no splitter), and
    its code is not part of this repository."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("pasal_id_parse_law", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: not a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_pasal_id(path: str, rounds: int, limit: int) -> dict:
    """rancang text -> tree (validated, and not) against Pasal.id's splitter on the same raw national UU texts
    (every 7th of ``/work/shared/national``, the first ``limit`` that both read as holding a Pasal), bytes in,
    tree out (Pasal.id is charged the UTF-8 decoding rancang's reader does), in interleaved equal rounds."""
    from rancang.errors import RancangError
    from rancang.ingest import ingest_bytes

    splitter = pasal_id_splitter(path)
    datas: list[tuple[bytes, str]] = []
    pasal = [0, 0]
    for p in sorted(Path("/work/shared/national/data-peraturan/uu").rglob("*.md"))[::7]:
        if len(datas) >= limit:
            break
        data = p.read_bytes()
        try:
            ours = len(ingest_bytes(data, p.name).pasals())
        except RancangError:
            continue
        theirs = splitter.count_pasals(splitter.parse_into_nodes(data.decode("utf-8")))
        if theirs:
            datas.append((data, p.name))
            pasal[0] += ours
            pasal[1] += theirs
    runs: dict[str, list[tuple[float, float]]] = {"validated": [], "unvalidated": [], "pasal_id": []}
    for _ in range(rounds):
        runs["validated"].append(timed(lambda: [ingest_bytes(d, n) for d, n in datas]))
        runs["unvalidated"].append(timed(lambda: [ingest_bytes(d, n, validate=False) for d, n in datas]))
        runs["pasal_id"].append(timed(lambda: [splitter.parse_into_nodes(d.decode("utf-8")) for d, _ in datas]))
    out: dict = {"texts": len(datas), "bytes": sum(len(d) for d, _ in datas), "pasal": pasal, "load": load()}
    for key, values in runs.items():
        out[key] = {"cpu": spread([c for c, _ in values]), "wall": spread([w for _, w in values])}
    return out


# ------------------------------------------------------------------------------------------ PDF


def _extract_text(data: bytes) -> int:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def bench_pdf(repeat: int, quick: bool) -> dict:
    from fixtures import build_pdf

    from rancang.ingest import ingest_bytes
    from rancang.ingest.readers.pdf import pages as pdf_pages
    from rancang.ingest.readers.pdf import reader as pdf

    files = [build_pdf(p.read_text(encoding="utf-8"), header="Salinan Peraturan Kepala Daerah") for p in SEEDS]
    if quick:
        files = files[:1]
    pages = sum(_extract_text(d) for d in files)
    plumber = reader = full = on_plumber = float("inf")
    for _ in range(repeat):  # interleaved, so all see the same load on a shared machine
        plumber = min(plumber, best(lambda: [_extract_text(d) for d in files], 1))
        reader = min(reader, best(lambda: [pdf.read(d, "x.pdf") for d in files], 1))
        full = min(full, best(lambda: [ingest_bytes(d, "x.pdf") for d in files], 1))
        pdf_pages.ENGINE = "pdfplumber"
        try:
            on_plumber = min(on_plumber, best(lambda: [ingest_bytes(d, "x.pdf") for d in files], 1))
        finally:
            pdf_pages.ENGINE = "pdfium"
    two = best(lambda: [pdf.extract_pages(d, "x.pdf", jobs=2) for d in files], max(1, repeat - 1))
    return {"pages": pages, "extract_text": plumber, "reader": reader, "ingest": full, "reader_j2": two,
            "ingest_pdfplumber": on_plumber}


MEMORY_CHILD = r"""
import sys, time
def hwm():  # this process's own peak (ru_maxrss would carry the parent's peak across the spawn: issue 33)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
data = open(sys.argv[1], "rb").read()
from rancang.ingest.readers.pdf import reader as pdf
import pdfplumber  # imported before the baseline: the libraries are not the PDF's memory
base = hwm()
t0 = time.perf_counter()
doc = pdf.read(data, "100.pdf")
elapsed = time.perf_counter() - t0
rss = hwm()
print(doc.extra["pages"], base, rss, elapsed)
"""


def bench_memory() -> dict:
    import tempfile

    from fixtures import build_pdf

    text = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS) * 2
    data = build_pdf(text, header="Salinan Peraturan Kepala Daerah", max_pages=100)
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as fh:
        fh.write(data)
    try:
        proc = subprocess.run([sys.executable, "-c", MEMORY_CHILD, fh.name],
                              capture_output=True, text=True, timeout=600)
    finally:
        Path(fh.name).unlink()
    if proc.returncode:
        return {"error": proc.stderr.strip().splitlines()[-1:]}
    pages, base, rss, elapsed = proc.stdout.split()
    return {"pages": int(pages), "rss_mb": int(rss) / 1024, "base_mb": int(base) / 1024,
            "seconds": float(elapsed)}


def bench_help(repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "rancang.cli", "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


# ------------------------------------------------------------------------------------------ report


def _print(rows: list[tuple[str, str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'time':>9}  result")
    print("-" * (width + 60))
    for name, t, result in rows:
        print(f"{name:<{width}}  {t:>9}  {result}")


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    quick = "--quick" in argv
    text, blue = bench_text_and_bluebell(max(repeat, 8))
    mb = text["bytes"] / 1e6
    rows = [("seeds (4 texts)", f"{text['bytes'] / 1024:.0f} KiB", f"Pasal {text['pasal']}; {text['load']}")]

    def fig(d: dict) -> str:  # median and range, in ms
        return f"{d['median'] * 1000:.0f} ms ({d['min'] * 1000:.0f}-{d['max'] * 1000:.0f}, n={d['n']})"

    for key, name in (("validated", "rancang text -> validated tree"),
                      ("unvalidated", "rancang text -> tree (no schema check)")):
        rows.append((name, f"{text[key]['cpu']['median'] * 1000:.0f} ms",
                     f"CPU {fig(text[key]['cpu'])}, wall {fig(text[key]['wall'])}; "
                     f"{mb / text[key]['cpu']['median']:.2f} MB/s CPU"))
    if "error" in blue:
        rows.append(("bluebell-akn", "-", blue["error"]))
    else:
        rows.append((f"bluebell-akn {blue['version']} (structure marked up)", f"{blue['cpu']['median'] * 1000:.0f} ms",
                     f"CPU {fig(blue['cpu'])}, wall {fig(blue['wall'])} ({blue['markup_bytes'] / 1024:.0f} KiB "
                     f"markup; sections {blue['sections']})"))
        rows.append(("ratio rancang/bluebell in-process (validated, unvalidated)", "",
                     f"CPU medians {blue['cpu']['median'] / text['validated']['cpu']['median']:.2f}x, "
                     f"{blue['cpu']['median'] / text['unvalidated']['cpu']['median']:.2f}x; wall medians "
                     f"{blue['wall']['median'] / text['validated']['wall']['median']:.2f}x  (target >= 10x)"))
    for name, d in bench_json_writer(text["trees"], max(repeat, 8)).items():
        rows.append((f"JSON of the seed trees: {name}", f"{d['median'] * 1000:.1f} ms", f"CPU {fig(d)}"))
    batch = bench_cli_batch(max(repeat, 3), int(argv[argv.index("--national") + 1]) if "--national" in argv else 40)
    ours = batch["rancang"]
    rows.append((f"CLI batch, {batch['files']} texts ({batch['bytes'] / 1024:.0f} KiB)", "", batch["load"]))
    rows.append(("rancang ingest FOLDER -o OUT (JSON)", f"{ours['cpu']['median']:.2f} s",
                 f"CPU {fig(ours['cpu'])}, wall {fig(ours['wall'])}, peak RSS {ours['rss_mb']['median']:.0f} MB"))
    theirs = batch["bluebell"]
    if "error" in theirs:
        rows.append(("bluebell-akn batch", "-", theirs["error"]))
    else:
        rows.append(("bluebell-akn batch, one process (AKN XML)", f"{theirs['cpu']['median']:.2f} s",
                     f"CPU {fig(theirs['cpu'])}, wall {fig(theirs['wall'])}, "
                     f"peak RSS {theirs['rss_mb']['median']:.0f} MB"))
        rows.append(("ratio rancang/bluebell, CLI batch", "",
                     f"CPU medians {theirs['cpu']['median'] / ours['cpu']['median']:.2f}x, wall medians "
                     f"{theirs['wall']['median'] / ours['wall']['median']:.2f}x  (target >= 10x)"))
    if "--pasal-id" in argv:
        pid = bench_pasal_id(argv[argv.index("--pasal-id") + 1], max(repeat, 5),
                             int(argv[argv.index("--pasal-id-texts") + 1]) if "--pasal-id-texts" in argv else 220)
        rows.append((f"raw national UU, {pid['texts']} texts ({pid['bytes'] / 1024:.0f} KiB)", "",
                     f"Pasal found: rancang {pid['pasal'][0]}, Pasal.id {pid['pasal'][1]}; {pid['load']}"))
        for key, name in (("validated", "rancang text -> validated tree"),
                          ("unvalidated", "rancang text -> tree (no schema check)"),
                          ("pasal_id", "Pasal.id splitter (parse_into_nodes)")):
            rows.append((name, f"{pid[key]['cpu']['median'] * 1000:.0f} ms",
                         f"CPU {fig(pid[key]['cpu'])}, wall {fig(pid[key]['wall'])}"))
        rows.append(("ratio rancang/Pasal.id (validated, unvalidated)", "",
                     f"CPU medians {pid['pasal_id']['cpu']['median'] / pid['validated']['cpu']['median']:.2f}x, "
                     f"{pid['pasal_id']['cpu']['median'] / pid['unvalidated']['cpu']['median']:.2f}x  "
                     "(target >= 0.5x)"))
    if "--text" in argv:
        _print(rows)
        return 0
    pdf = bench_pdf(repeat, quick)
    n = pdf["pages"]
    rows.append((f"pdfplumber extract_text ({n} pages)", f"{pdf['extract_text']:.2f} s",
                 f"{n / pdf['extract_text']:.1f} pages/s"))
    rows.append(("rancang PDF reader (PDFium words)", f"{pdf['reader']:.2f} s", f"{n / pdf['reader']:.1f} pages/s"))
    rows.append(("rancang PDF reader, pages over 2 processes", f"{pdf['reader_j2']:.2f} s",
                 f"{n / pdf['reader_j2']:.1f} pages/s"))
    rows.append(("rancang ingest x.pdf -> validated tree", f"{pdf['ingest']:.2f} s",
                 f"{n / pdf['ingest']:.1f} pages/s = {pdf['extract_text'] / pdf['ingest']:.1f}x faster than "
                 "extract_text (target >= 4x)"))
    rows.append(("rancang ingest x.pdf, pdfplumber engine", f"{pdf['ingest_pdfplumber']:.2f} s",
                 f"{n / pdf['ingest_pdfplumber']:.1f} pages/s = "
                 f"{pdf['extract_text'] / pdf['ingest_pdfplumber']:.2f}x extract_text"))
    mem = bench_memory()
    if "error" in mem:
        rows.append(("100-page PDF memory", "-", f"gagal: {mem['error']}"))
    else:
        rows.append((f"{mem['pages']}-page PDF, reader peak memory", f"{mem['seconds']:.2f} s",
                     f"peak RSS {mem['rss_mb']:.0f} MB of the whole process (after imports "
                     f"{mem['base_mb']:.0f} MB; target < 300 MB)"))
    start = bench_help(max(repeat, 3))
    rows.append(("rancang --help", f"{start * 1000:.0f} ms", "median, fresh process (target < 300 ms)"))
    _print(rows)
    if "--json" in argv:
        print(json.dumps({"text": {k: v for k, v in text.items() if k != "trees"}, "bluebell": blue,
                          "pdf": pdf, "memory": mem, "help_s": start}, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
