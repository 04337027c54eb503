"""Mutation kinds of the fuzzing campaign beyond plain text (issue 32): DOCX XML, PDF bytes, draft profiles and
letter data, each with the checks its kind allows. Used by ``benchmarks/fuzz.py --kind KIND``.

- **docx**: a DOCX built from a window of a seed (python-docx), its ``word/document.xml`` mutated: elements
  deleted, duplicated or moved; hostile WordprocessingML wrapped around runs or paragraphs (``w:customXml``,
  ``w:sdt``, ``w:smartTag``, hidden ``w:vanish``, ``w:sym``, ``w:ins``/``w:del``/``w:moveFrom``, fields,
  ``mc:AlternateContent``, a list starting at 10^10); bytes flipped; the ZIP cut short. Checked: no internal error,
  within the time limit, and **conservation against the package**
  (:func:`rancang.ingest.conservation.difference_docx`): every character of every ``w:t``, ``w:sym``, note,
  comment, header and imported chunk of the package is in the tree or in ``stats.removed`` (the text Word does not
  show -- deleted, moved-from, hidden, the other alternate branch -- recorded there by kind), and the tree holds
  no character the package does not, besides Word's list labels.
- **pdf**: a PDF built from a window of a seed (fpdf2, ``tests/fixtures.build_pdf``), its bytes mutated: flipped,
  deleted, duplicated, digit runs and "N 0 obj" runs inserted, a page listed many times in ``/Kids``, the file cut
  short or padded after ``%%EOF``. Checked: no internal error, within the time limit.
- **profile**: a bundled example profile (``corpus/examples``) mutated as YAML data: keys deleted, values of the
  wrong type, hostile strings (lone surrogates, U+FFFE, 100,000 characters, control characters), deep nesting;
  then ``draft`` into a folder that holds an older draft, with a write failure injected in a third of the runs.
  Checked: no internal error, within the time limit, and **no partial output**: the folder holds the complete old
  set or the complete new set (every file of ``draft.FILES``, draft.json parses, each DOCX is a ZIP), and no
  temporary file.
- **letter**: the example data of every naskah dinas type mutated the same way, rendered and written over an older
  letter (a failure injected in a third of the runs). Checked as for profiles; the new DOCX must be a ZIP whose
  document part is XML.
"""

from __future__ import annotations

import copy
import errno
import io
import os
import random
import re
import resource
import sys
import tempfile
import time
import traceback
import zipfile
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"



def cpu() -> float:
    """CPU seconds of this process and its finished children (pdftotext, LibreOffice): the clock of the time limit.
    The campaign runs under ``nice`` on a shared machine, where a draft of 0.4 s CPU can take 13 s of wall time; a
    hung input (no CPU used) is caught by the campaign's wall-clock alarm instead."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


# ---------------------------------------------------------------------------------------------------- DOCX


def _seed_lines(k: int) -> list[str]:
    """The lines of the seed of input ``k`` (read once per seed: a cache keyed by ``k`` itself kept a copy of a
    seed for every input, ~0.1 MB each, and was what grew the campaign's memory)."""
    return _seed_text(k % len(SEEDS))


@cache
def _seed_text(i: int) -> list[str]:
    return SEEDS[i].read_text(encoding="utf-8").split("\n")


def _start(lines: list[str], rng: random.Random) -> int:
    """Where a window starts: at a Pasal heading four times in five (a window without one is refused as "bukan
    teks peraturan", which tests little), else anywhere."""
    headings = [i for i, ln in enumerate(lines) if ln.startswith("Pasal ")]
    return rng.choice(headings) if headings and rng.random() < 0.8 else rng.randrange(len(lines))


def _docx_of(lines: list[str]) -> dict[str, bytes]:
    """The parts of the DOCX python-docx writes for ``lines`` (one paragraph each, ``Document().add_paragraph``):
    its default template's parts, read once, and a ``word/document.xml`` whose paragraphs are written here as
    python-docx writes them (``w:t``, ``xml:space="preserve"`` where a piece starts or ends with a space, ``w:tab``
    for a tab, ``w:br`` for a line break, ``<w:p/>`` for an empty line). Building and zipping the document with
    python-docx took half the time of an input; :func:`_same_as_python_docx` checks the two agree."""
    parts = dict(_template())
    head, tail = _template_body()
    parts["word/document.xml"] = (head + "".join(_paragraph(line) for line in lines) + tail).encode("utf-8")
    return parts


@cache
def _template() -> tuple[tuple[str, bytes], ...]:
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    with zipfile.ZipFile(buf) as z:
        return tuple((n, z.read(n)) for n in z.namelist())


@cache
def _template_body() -> tuple[str, str]:
    """The template's document.xml before and after its (empty) paragraphs: up to ``<w:body>``, from ``<w:sectPr``."""
    xml = dict(_template())["word/document.xml"].decode("utf-8")
    body = xml.index("<w:body>") + len("<w:body>")
    return xml[:body], xml[xml.index("<w:sectPr", body):]


def _paragraph(line: str) -> str:
    if not line:
        return "<w:p/>"
    pieces = []
    for piece in re.split(r"(\t|\r\n|\n|\r)", line):
        if piece == "\t":
            pieces.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n"):
            pieces.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if piece != piece.strip() else ""
            pieces.append(f"<w:t{space}>{xml_escape(piece)}</w:t>")
    return f"<w:p><w:r>{''.join(pieces)}</w:r></w:p>"


def _same_as_python_docx(lines: list[str]) -> bool:
    """Does :func:`_docx_of` give the document.xml python-docx itself writes for ``lines``?"""
    import docx

    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    with zipfile.ZipFile(buf) as z:
        return z.read("word/document.xml") == _docx_of(lines)["word/document.xml"]


#: hostile wrappers: (opening, closing) put around a run ("r") or a paragraph ("p")
WRAPS = [
    ("p", '<w:customXml w:element="pasal">', "</w:customXml>"),
    ("p", "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
    ("r", "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
    ("r", '<w:smartTag w:element="place">', "</w:smartTag>"),
    ("r", '<w:ins w:id="91" w:author="x">', "</w:ins>"),
    ("r", '<w:hyperlink w:anchor="x">', "</w:hyperlink>"),
    ("p", '<w:moveTo w:id="92" w:author="x">', "</w:moveTo>"),
]
#: hostile elements inserted inside a paragraph (before a run)
INSERTS = [
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>CATATAN TERSEMBUNYI</w:t></w:r>',
    '<w:r><w:sym w:font="Symbol" w:char="F0A3"/></w:r>',
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    '<w:del w:id="93" w:author="x"><w:r><w:delText>dihapus</w:delText></w:r></w:del>',
    '<w:r><w:t xml:space="preserve">Pasal 1 sampai dengan Pasal 9999999999 </w:t></w:r>',
    '<w:r><w:tab/><w:t>(1)</w:t></w:r>', '<w:r><w:br/></w:r>', '<w:r><w:t>\u00ad\u200b</w:t></w:r>',
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice '
    'Requires="wps"><w:r><w:t>KOTAK</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>KOTAK</w:t></w:r></mc:Fallback>'
    '</mc:AlternateContent>',
    '<w:r><w:footnoteReference w:id="1"/></w:r>', '<w:bookmarkStart w:id="5" w:name="a"/><w:bookmarkEnd w:id="5"/>',
]
_PARA = re.compile(r"<w:p[ >].*?</w:p>", re.S)
_RUN = re.compile(r"<w:r>.*?</w:r>", re.S)


def mutate_docx(k: int, seed: int) -> tuple[bytes, list[str]]:
    """DOCX input number ``k`` of campaign ``seed`` and its recipe."""
    rng = random.Random(seed * 1_000_003 + k)
    lines = _seed_lines(k)
    start = _start(lines, rng)
    window = lines[start:start + rng.randint(5, 200)]
    recipe = [SEEDS[k % len(SEEDS)].name, f"window {start}+{len(window)}"]
    parts = _docx_of(window)
    xml = parts["word/document.xml"].decode("utf-8")
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(["wrap", "wrap", "insert", "insert", "delete", "duplicate", "move", "flip", "numbering"])
        recipe.append(op)
        xml = _docx_op(op, xml, rng, recipe)
    parts["word/document.xml"] = xml.encode("utf-8", "surrogatepass")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:  # deflated as Word does, fast
        for name, data in parts.items():
            z.writestr(name, data)
    data = buf.getvalue()
    if rng.random() < 0.05:
        recipe.append("cut")
        data = data[:rng.randrange(len(data))]
    return data, recipe


def _docx_op(op: str, xml: str, rng: random.Random, recipe: list[str]) -> str:
    paras = list(_PARA.finditer(xml))
    if not paras:
        return xml
    m = rng.choice(paras)
    if op == "wrap":
        level, opening, closing = rng.choice(WRAPS)
        recipe[-1] += f" {opening[:24]}"
        if level == "p":
            return xml[:m.start()] + opening + m.group(0) + closing + xml[m.end():]
        runs = list(_RUN.finditer(xml, m.start(), m.end()))
        if not runs:
            return xml
        r = rng.choice(runs)
        return xml[:r.start()] + opening + r.group(0) + closing + xml[r.end():]
    if op == "insert":
        token = rng.choice(INSERTS)
        recipe[-1] += f" {token[:30]}"
        at = xml.find("<w:r>", m.start(), m.end())
        at = at if at >= 0 else m.end() - len("</w:p>")
        return xml[:at] + token + xml[at:]
    if op == "delete":
        return xml[:m.start()] + xml[m.end():]
    if op == "duplicate":
        return xml[:m.end()] + m.group(0) + xml[m.end():]
    if op == "move":
        other = rng.choice(paras)
        without = xml[:m.start()] + xml[m.end():]
        at = other.start() if other.start() < m.start() else other.start() - len(m.group(0))
        return without[:at] + m.group(0) + without[at:]
    if op == "flip":
        pos = rng.randrange(len(xml))
        return xml[:pos] + chr(rng.randrange(32, 0x250)) + xml[pos + 1:]
    # numbering: a paragraph made a list item of a list that does not exist, level 9
    return xml[:m.start()] + m.group(0).replace("<w:pPr>", '<w:pPr><w:numPr><w:ilvl w:val="9"/><w:numId w:val="77"/>'
                                                "</w:numPr>", 1) + xml[m.end():]


def check_docx(data: bytes, limit: float) -> tuple[str, str]:
    from rancang.errors import RancangError
    from rancang.ingest import ingest_bytes
    from rancang.ingest.conservation import difference_docx

    t0 = cpu()
    try:
        reg = ingest_bytes(data, "fuzz.docx")
    except RancangError:
        return _timed("refused", t0, limit)
    except Exception as exc:  # noqa: BLE001
        return "internal", _trace(exc)
    if cpu() - t0 > limit:
        return "slow", f"{cpu() - t0:.1f} s"
    missing, invented = difference_docx(data, reg)  # against the package: every w:t, w:sym, note and chunk
    if missing or invented:
        return "lost", f"lost {dict(missing.most_common(5))} invented {dict(invented.most_common(5))}"
    return "ok", ""


# ---------------------------------------------------------------------------------------------------- PDF


@lru_cache(maxsize=64)  # bounded: one PDF per window start would grow by ~0.1 MB an input (2.7 GB at 22,000)
def _pdf_of(k: int, start: int, n: int) -> bytes:
    sys.path.insert(0, str(ROOT / "tests"))
    from fixtures import build_pdf

    return build_pdf("\n".join(_seed_lines(k)[start:start + n]), max_pages=3)


PDF_TOKENS = [b"7" * 20000, b"1 0 obj " * 3000, b"/Kids [" + b"3 0 R " * 30000 + b"]", b"stream\n" * 500,
              b"/Length 99999999999999", b"/Filter [/FlateDecode /FlateDecode]", b"%%EOF\n", b"endobj\n" * 100,
              b"<< /Type /Page /Contents [" + b"4 0 R " * 5000 + b"] >>", b"\x00" * 5000, b"(" * 3000]


def mutate_pdf(k: int, seed: int) -> tuple[bytes, list[str]]:
    rng = random.Random(seed * 1_000_003 + k)
    lines = _seed_lines(k)
    start = _start(lines, rng)
    recipe = [SEEDS[k % len(SEEDS)].name, f"window {start}+60"]
    data = bytearray(_pdf_of(k % len(SEEDS), start, 60))
    for _ in range(rng.randint(1, 3)):
        op = rng.choice(["flip", "flip", "delete", "duplicate", "insert", "insert", "cut", "pad"])
        recipe.append(op)
        i = rng.randrange(len(data))
        if op == "flip":
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif op == "delete":
            del data[i:i + rng.randint(1, 2000)]
        elif op == "duplicate":
            data[i:i] = data[i:i + rng.randint(1, 5000)]
        elif op == "insert":
            token = rng.choice(PDF_TOKENS)
            recipe[-1] += f" {token[:16]!r}"
            data[i:i] = token
        elif op == "cut":
            del data[i:]
        else:
            data += b"\x00" * rng.randint(1, 100_000)
        if not data:
            data = bytearray(b"%PDF-1.4\n")
    return bytes(data), recipe


def check_pdf(data: bytes, limit: float) -> tuple[str, str]:
    from rancang.errors import RancangError
    from rancang.ingest import ingest_bytes
    from rancang.ingest.readers.ocr import reader as ocr

    ocr.set_mode("never")
    t0 = cpu()
    try:
        ingest_bytes(data, "fuzz.pdf")
    except RancangError:
        return _timed("refused", t0, limit)
    except Exception as exc:  # noqa: BLE001
        return "internal", _trace(exc)
    return _timed("ok", t0, limit)


# ------------------------------------------------------------------------------------- profiles and letters

HOSTILE_VALUES: list[Any] = ["\ud800", "\ufffe", "x" * 100_000, "\x00\x01\x0b", "", " ", 0, -1, 10**30, 3.5, True,
                             None, [], {}, ["a"] * 1000, {"a": {"b": {"c": {"d": {"e": "f"}}}}}, "2024-02-30",
                             "Pasal 1 sampai dengan Pasal 9999999999", "‮tfel-ot-thgir", "${jndi}", "{{ x }}",
                             "<w:t>", "&amp;", "Bupati\nSleman"]


#: values a user may well type: long, accented, punctuated, other scripts
BENIGN = ["Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia " * 6, "Dr. Ir. Hj. Siti Ñurhayati, M.Si.",
          "Jl. Jend. Sudirman No. 1, RT 01/RW 02", "800/123/BKPSDM/2024", "ٱلْعَرَبِيَّة", "中文", "😀", "a & b < c",
          "“kutip” ‘tunggal’", "Sleman\u00a0Sembada", "  spasi  ", "1 Januari 2024"]


def mutate_data(data: Any, rng: random.Random, recipe: list[str]) -> Any:
    """``data`` (a YAML mapping) with 1-4 mutations: a key deleted, a value replaced by a hostile one or one of
    another type, a list emptied or multiplied."""
    data = copy.deepcopy(data)
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        path = _random_path(data, rng)
        if not path:
            continue
        holder = data
        for key in path[:-1]:
            holder = holder[key]
        key = path[-1]
        text = isinstance(holder[key], str)
        op = rng.choices(["benign", "hostile", "delete", "swap_type", "multiply"],
                         [45, 35, 10, 10, 0] if text else [0, 40, 20, 20, 20])[0]
        recipe.append(f"{op} {'.'.join(map(str, path))}")
        if op == "delete" and isinstance(holder, dict):
            del holder[key]
        elif op == "multiply" and isinstance(holder[key], list):
            holder[key] = holder[key] * rng.choice([0, 50])
        elif op == "benign":
            holder[key] = rng.choice(BENIGN)
        elif op == "swap_type":
            holder[key] = [holder[key]] if not isinstance(holder[key], list) else {"x": holder[key]}
        else:
            pool = [v for v in HOSTILE_VALUES if isinstance(v, str)] if text else HOSTILE_VALUES
            holder[key] = copy.deepcopy(rng.choice(pool))
    return data


def _random_path(data: Any, rng: random.Random) -> list[Any]:
    path: list[Any] = []
    node = data
    while isinstance(node, dict | list) and node and (not path or rng.random() < 0.6):
        key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
        path.append(key)
        node = node[key]
    return path


class Faults:
    """Fail the ``n``-th fsync of the atomic writer with ENOSPC (None: no fault)."""

    def __init__(self, n: int | None) -> None:
        self.n, self.calls, self.real = n, 0, os.fsync

    def __enter__(self) -> Faults:
        def fsync(fd: int) -> None:
            self.calls += 1
            if self.n is not None and self.calls - 1 == self.n:
                raise OSError(errno.ENOSPC, "No space left on device")
            self.real(fd)

        os.fsync = fsync
        return self

    def __exit__(self, *exc: object) -> None:
        os.fsync = self.real


def _old_set(folder: Path, names: list[str]) -> dict[str, bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"versi lama " + name.encode())
    return _snapshot(folder)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@cache
def _sources() -> Any:
    """One corpus store per worker process, seeded and warmed by one draft before any input is timed."""
    from rancang.generate.draft import build as draft
    from rancang.generate.draft.sources import Sources
    from rancang.generate.shared import profile

    src = Sources(Path(tempfile.mkdtemp(prefix="fuzz-korpus-")) / "k.sqlite")
    draft.build(profile.load(ROOT / "corpus" / "examples" / "sleman.yaml"), sources=src)
    return src


def _dump(data: Any) -> str:
    """``data`` as YAML: libyaml's emitter where PyYAML has it (the same text, 40 times faster), the pure-Python one
    for what libyaml cannot encode (a lone surrogate, which the Python emitter writes as ``"\\uD800"``)."""
    try:
        return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True)
    except UnicodeEncodeError:
        return yaml.safe_dump(data, allow_unicode=True)


@cache
def _examples() -> dict[str, Any]:
    """The bundled example profiles, parsed once per process: file name -> data."""
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((ROOT / "corpus" / "examples").glob("*.yaml"))}


@cache
def _letter_example(name: str) -> Any:
    from rancang.generate import naskah

    return yaml.safe_load(naskah.example(name))


def case_profile(k: int, seed: int) -> tuple[Any, list[str], int | None]:
    rng = random.Random(seed * 1_000_003 + k)
    examples = _examples()
    name = sorted(examples)[k % len(examples)]
    recipe = [name]
    data = mutate_data(examples[name], rng, recipe)  # mutate_data works on a deep copy
    fault = rng.randrange(4) if rng.random() < 0.33 else None
    if fault is not None:
        recipe.append(f"ENOSPC at write {fault}")
    return data, recipe, fault


def check_profile(data: Any, fault: int | None, limit: float) -> tuple[str, str]:
    from rancang.errors import RancangError
    from rancang.generate.draft import build as draft
    from rancang.generate.shared import profile

    sources = _sources()
    with tempfile.TemporaryDirectory(prefix="fuzz-draft-") as work:
        folder = Path(work) / "keluaran"
        old = _old_set(folder, list(draft.FILES))
        t0 = cpu()
        try:
            path = Path(work) / "profil.yaml"
            text = _dump(data)
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            d = draft.build(profile.load(path), sources=sources)
            with Faults(fault):
                draft.write(d, folder)
            verdict = "ok"
        except RancangError:
            verdict = "refused"
        except Exception as exc:  # noqa: BLE001
            return "internal", _trace(exc)
        took = cpu() - t0
        now = _snapshot(folder)
        if now != old and not _complete_draft(now):
            return "partial", f"{sorted(now)} after {verdict}"
        if verdict == "refused" and now != old:
            return "partial", "refused but the old draft changed"
    return ("slow", f"{took:.1f} s") if took > limit else (verdict, "")


def _complete_draft(files: dict[str, bytes]) -> bool:
    """Are ``files`` one whole draft: every member of ``draft.FILES`` (the draft, its notes and, since session 6,
    the harmonisation matrix) and, since session 8, the record of what was written (``manifest.MANIFEST``) naming
    each member with its SHA-256; each DOCX a ZIP that tests whole, draft.json JSON, draft.md not empty?"""
    import json

    from rancang import manifest
    from rancang.generate.draft import build as draft

    if sorted(files) != sorted((*draft.FILES, manifest.MANIFEST)):
        return False
    try:
        record = json.loads(files[manifest.MANIFEST]).get("files", {})
        if any(record.get(name) != manifest.digest(files[name]) for name in draft.FILES):
            return False
        json.loads(files["draft.json"])
        docx_whole = all(zipfile.ZipFile(io.BytesIO(data)).testzip() is None
                         for name, data in files.items() if name.endswith(".docx"))
        return docx_whole and bool(files["draft.md"])
    except (ValueError, zipfile.BadZipFile):
        return False


def case_letter(k: int, seed: int) -> tuple[Any, list[str], int | None]:
    from rancang.generate import naskah

    rng = random.Random(seed * 1_000_003 + k)
    types = sorted(naskah.types())
    name = types[k % len(types)]
    recipe = [name]
    data = mutate_data(_letter_example(name), rng, recipe)  # a deep copy is mutated
    fault = 0 if rng.random() < 0.33 else None
    if fault is not None:
        recipe.append("ENOSPC at the write")
    return (name, data), recipe, fault


def check_letter(item: Any, fault: int | None, limit: float) -> tuple[str, str]:
    from lxml import etree

    from rancang import atomic
    from rancang.errors import RancangError
    from rancang.generate import naskah

    name, data = item
    with tempfile.TemporaryDirectory(prefix="fuzz-surat-") as work:
        folder = Path(work)
        old = _old_set(folder, ["surat.docx"])
        t0 = cpu()
        try:
            content = naskah.render(name, data)
            with Faults(fault):
                atomic.write_bytes(folder / "surat.docx", content)
            verdict = "ok"
        except RancangError:
            verdict = "refused"
        except Exception as exc:  # noqa: BLE001
            return "internal", _trace(exc)
        took = cpu() - t0
        now = _snapshot(folder)
        if now != old:
            if verdict != "ok" or sorted(now) != ["surat.docx"]:
                return "partial", f"{sorted(now)} after {verdict}"
            try:
                with zipfile.ZipFile(io.BytesIO(now["surat.docx"])) as z:
                    etree.fromstring(z.read("word/document.xml"))
            except Exception as exc:  # noqa: BLE001
                return "partial", f"the new letter is no whole DOCX: {type(exc).__name__}"
    return ("slow", f"{took:.1f} s") if took > limit else (verdict, "")


def _timed(verdict: str, t0: float, limit: float) -> tuple[str, str]:
    took = cpu() - t0
    return ("slow", f"{took:.1f} s") if took > limit else (verdict, "")


def _trace(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:200] + " @ " + traceback.format_exc().splitlines()[-3].strip()


def one(kind: str, k: int, seed: int, limit: float) -> tuple[str, str, list[str]]:
    """(verdict, detail, recipe) of input ``k`` of kind ``kind``."""
    if kind == "docx":
        data, recipe = mutate_docx(k, seed)
        return (*check_docx(data, limit), recipe)
    if kind == "pdf":
        data, recipe = mutate_pdf(k, seed)
        return (*check_pdf(data, limit), recipe)
    if kind == "profile":
        item, recipe, fault = case_profile(k, seed)
        return (*check_profile(item, fault, limit), recipe)
    item, recipe, fault = case_letter(k, seed)
    return (*check_letter(item, fault, limit), recipe)
