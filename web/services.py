"""The one place the web app calls rancang's stages (ingest, corpus, check, diff, model).

Pages never import a stage themselves: when a stage's API changes, this module (and :mod:`rancang.web.drafting`
for generate) changes, the pages do not. Every function returns plain data (dicts, lists, the core dataclasses)
and raises :class:`rancang.errors.RancangError` with the CLI's Indonesian sentence for bad input.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rancang import ingest
from rancang.corpus import diff, report
from rancang.corpus import search as fts
from rancang.corpus import standing as standing_of
from rancang.corpus.consolidate import consolidate
from rancang.corpus.provenance import provenance
from rancang.corpus.store import Store
from rancang.errors import InputError, RancangError
from rancang.generate import check
from rancang.ingest.readers.ocr import reader as ocr_reader
from rancang.model import build, citation, picture
from rancang.model.shapes import SistemKerja
from rancang.parts import Meta
from rancang.topics import labels as topic_labels
from rancang.tree import Regulation
from rancang.web import consolidated as consolidated_view

SEVERITY = {"error": "galat", "warning": "peringatan", "info": "info"}


@contextmanager
def store(db: str | None) -> Iterator[Any]:
    """An open corpus store (filled with the bundled regulations the first time), closed afterwards; read-only
    where it cannot be written, and an SQLite error inside turned into one sentence (:meth:`Store.__exit__`)."""
    with Store(db, seed=True, read_only_ok=True) as s:
        yield s


def title(meta: Meta) -> str:
    """'Peraturan Bupati Jepara Nomor 17 Tahun 2024' from a tree's meta (its tentang left out)."""
    return citation(Meta(jenis=meta.jenis, daerah=meta.daerah, nomor=meta.nomor, tahun=meta.tahun)) or "Peraturan"


def regulations(db: str | None) -> list[dict[str, Any]]:
    """The corpus as rows for lists and selects: id, daerah, title, tentang, clauses, bundled."""
    with store(db) as s:
        rows = [dict(r) for r in s.entries()]
    for r in rows:
        named = title(Meta(jenis=r.get("jenis"), daerah=r.get("daerah"), nomor=r.get("nomor"), tahun=r.get("tahun")))
        r["title"] = (named if r.get("nomor") else f"{named} (belum bernomor)") if r.get("jenis") else (
            r.get("file") or r["id"])
        r["label"] = r.get("daerah") or r["id"]
    return rows


def acts(db: str | None) -> dict[tuple[str, str, str], str]:
    """The corpus acts a reference may link to: {(jenis, nomor, tahun) lower case: id} (see
    :func:`rancang.web.reader.act_key`); an act stored twice keeps its first id."""
    out: dict[tuple[str, str, str], str] = {}
    for r in regulations(db):
        if r.get("nomor") and r.get("tahun"):
            key = (str(r.get("jenis") or "").strip().lower(), str(r["nomor"]).strip().lower(), str(r["tahun"]))
            out.setdefault(key, r["id"])
    return out


#: OCR mode and page progress are process-wide settings of the reader: one PDF is read at a time
_READ_LOCK = threading.Lock()
OCR_MODES = {"auto": "otomatis (hanya PDF tanpa lapisan teks)", "always": "selalu", "never": "jangan"}


def read(data: bytes, name: str, job: Any = None, ocr: str = "auto") -> Regulation:
    """Ingest an uploaded file's bytes (PDF, DOCX, TXT, MD) into a validated tree.

    ``ocr`` is the reader's OCR mode for a PDF ("auto", "always", "never"); the pages an OCR reads are reported to
    ``job`` as progress. Raises :class:`InputError` with the reader's sentence (kosong, bukan teks peraturan, PDF
    terkunci, ...)."""
    if ocr not in OCR_MODES:
        raise InputError(f"mode OCR '{ocr}' tidak dikenal (pilihan: {', '.join(OCR_MODES)}).")
    if job is not None:
        job.progress(f"Membaca {name} ({max(1, len(data) // 1024)} KB)…")  # how far: unknown until OCR counts pages

    def pages(done: int, total: int) -> None:
        if job is not None:
            job.progress(f"OCR halaman {done} dari {total}…", 0.1 + 0.7 * done / max(total, 1))

    with _READ_LOCK:
        previous = ocr_reader.mode()
        ocr_reader.set_mode(ocr)
        ocr_reader.set_progress(pages)
        try:
            reg = ingest.ingest_bytes(data, name)
        except RancangError as exc:
            said = for_staff(exc.format_message())
            if said == exc.format_message():
                raise
            raise InputError(said) from exc
        finally:
            ocr_reader.set_progress(None)
            ocr_reader.set_mode(previous)
    if job is not None:
        job.progress("Memeriksa kaidah penyusunan…", 0.85)
    return reg


#: what the reader's OCR sentences say for the command line, and what the web page says instead (staff do not
#: install packages nor type options; the page's OCR choice is the switch)
STAFF_WORDING = {ocr_reader.ENGINE_MISSING: "untuk membacanya diperlukan OCR, yang belum terpasang di komputer ini; "
                 "mintalah pengelola aplikasi memasang OCR (Tesseract bahasa Indonesia), atau unggah berkas "
                 "yang memiliki lapisan teks.",
                 ocr_reader.OCR_OFF: "OCR sedang dimatikan; pilih OCR 'otomatis' lalu baca berkasnya lagi."}


def for_staff(message: str) -> str:
    """A reader's sentence as the web page says it: install steps and CLI options replaced (:data:`STAFF_WORDING`)."""
    for cli, page in STAFF_WORDING.items():
        message = message.replace(cli, page)
    return message


def stored(db: str | None, rid: str) -> tuple[str, Regulation]:
    """(canonical id, tree) of a corpus regulation; raises :class:`InputError` for an unknown id."""
    with store(db) as s:
        row = s.get_row(rid)
        return row["id"], s.regulation(row["id"])


def _with_titles(s: Any, about: dict[str, Any]) -> dict[str, Any]:
    """``about`` (:func:`rancang.corpus.standing.standing`) with ``titles``: {linked id: "Peraturan Bupati ...
    Nomor 3 Tahun 2024"} for the links the page shows."""
    titles = {}
    for rid in {r for ids in about["links"].values() for r in ids}:
        row = s.get_row(rid)
        titles[rid] = title(Meta(jenis=row["jenis"], daerah=row["daerah"], nomor=row["nomor"], tahun=row["tahun"])) \
            if row["nomor"] else rid
    return about | {"titles": titles}


def standing(db: str | None, rid: str) -> dict[str, Any]:
    """The standing of stored act ``rid`` (a stored id) for the reader: status, keadaan, links, asal
    (:func:`rancang.corpus.standing.standing`) and the linked acts' titles."""
    with store(db) as s:
        return _with_titles(s, standing_of.standing(s, rid))


def consolidated(db: str | None, rid: str) -> dict[str, Any]:
    """The consolidated reading of stored act ``rid`` (issue 30 item 3): {id, title, tentang, standing (as
    :func:`standing`), amendments: [{id, title, asal}] in the order applied, rows
    (:func:`rancang.web.consolidated.rows`), counts, unapplied: [instruction text]}. Raises :class:`InputError`
    for an unknown id."""
    with store(db) as s:
        rid = s.get_row(rid)["id"]
        about = _with_titles(s, standing_of.standing(s, rid))
        base = s.regulation(rid)
        amending = [(a, s.regulation(a)) for a in about["links"]["diubah_dengan"]]
    done = consolidate(base, amending)
    reading = consolidated_view.rows(done, about["titles"])
    return {"id": rid, "title": title(base.meta), "tentang": base.meta.tentang, "standing": about,
            "amendments": [{"id": a, "title": about["titles"].get(a) or a, "asal": provenance(t)} for a, t in amending],
            "rows": reading, "counts": consolidated_view.summary(reading), "unapplied": done.unapplied}


def origin(reg: Regulation) -> dict[str, Any]:
    """The standing of a reading not (yet) stored: only where its text comes from, ``{"asal": ...}``."""
    return {"asal": provenance(reg)}


def removal(db: str | None, rid: str) -> dict[str, Any]:
    """What removing stored act ``rid`` takes away, for the confirm page: {id, title, clauses, standing};
    raises :class:`InputError` unless ``rid`` is a stored id exactly (a region name never removes an act)."""
    with store(db) as s:
        row = s.get_row(rid)
        if row["id"] != rid:
            raise InputError(f"'{rid}' tidak ada dalam korpus; hapus hanya dengan id peraturan yang tersimpan.")
        name = title(Meta(jenis=row["jenis"], daerah=row["daerah"], nomor=row["nomor"], tahun=row["tahun"])) \
            if row["nomor"] else (row["file"] or rid)
        return {"id": rid, "title": name, "clauses": row["clauses"], "bundled": bool(row["bundled"]),
                "standing": _with_titles(s, standing_of.standing(s, rid))}


def remove(db: str | None, rid: str) -> str:
    """Remove stored act ``rid`` (exactly that id) with its clauses and declared links, nothing else
    (:meth:`rancang.corpus.store.Store.remove`); returns the id. Raises :class:`InputError` for an unknown id."""
    removal(db, rid)
    with store(db) as s:
        s.remove(rid)
    return rid


def save(db: str | None, reg: Regulation) -> tuple[str, bool]:
    """Add ``reg`` to the corpus: (id, True if new; False if the same file was already there)."""
    with store(db) as s:
        return s.add(reg)


def findings(reg: Regulation) -> list[dict[str, Any]]:
    """``rancang check`` findings [{severity, code, message, cite, label}], errors first."""
    out: list[dict[str, Any]] = [dict(f) for f in check.check(reg)]
    order = list(SEVERITY)
    out.sort(key=lambda f: order.index(f["severity"]) if f["severity"] in order else len(order))
    for f in out:
        f["label"] = SEVERITY.get(f["severity"], f["severity"])
    return out


def topics() -> list[tuple[str, str]]:
    """(key, Indonesian label) of the model topics, in report order."""
    return list(topic_labels().items())


def search(db: str | None, query: str, daerah: str | None, topic: str | None, limit: int = 30,
           offset: int = 0, corrected: dict[str, str] | None = None) -> list[dict]:
    """Ranked hits [{reg, daerah, cite, node, parts, standing}] where ``parts`` is [(text, matched)] for highlighting
    and ``standing`` the act's status, links and provenance (:func:`standing`);
    ``offset`` hits skipped (the order is stable: :func:`rancang.corpus.search.search`). ``corrected`` (when
    given) receives the typed words the search replaced: {typed: used}."""
    with store(db) as s:
        q = fts.parse(s, query)
        hits = fts.search(s, q, daerah=daerah or None, topic=topic or None, limit=limit, offset=offset)
        about = {r: _with_titles(s, a) for r, a in standing_of.standings(s, (h.reg for h in hits)).items()}
    if corrected is not None:
        corrected.update(q.corrections)
    out = []
    for h in hits:
        marked = fts.plain(h.snippet, fts.OPEN, fts.CLOSE)
        parts: list[tuple[str, bool]] = []
        for i, piece in enumerate(marked.replace(fts.CLOSE, fts.OPEN).split(fts.OPEN)):
            if piece:
                parts.append((piece, i % 2 == 1))
        out.append({"reg": h.reg, "daerah": h.daerah, "cite": h.cite, "node": h.node, "parts": parts,
                    "standing": about[h.reg]})
    return out


def compare(db: str | None, a: str, b: str, job: Any = None) -> dict[str, Any]:
    """The diff report of corpus regulations ``a`` and ``b`` (the dict of ``rancang.corpus.diff.compare``),
    with the report files (HTML, DOCX, JSON) offered by ``job`` when given."""
    if a == b:
        raise InputError("pilih dua peraturan yang berbeda untuk dibandingkan.")
    with store(db) as s:
        sides = []
        for i, key in enumerate((a, b)):
            rid = s.get_row(key)["id"]
            if job is not None:
                job.progress(f"Mencari topik {rid}…", 0.1 + 0.35 * i)
            sides.append((s.regulation(rid), s.topics(rid), rid))
    if job is not None:
        job.progress("Memasangkan klausul…", 0.8)
    (ra, ta, ia), (rb, tb, ib) = sides
    rep = diff.compare(ra, rb, ta, tb, ia, ib)
    with store(db) as s:
        diff.mark_status(rep, s.db, ia, ib)  # in force, amended or repealed, as `rancang diff ID ID` says
    if job is not None:
        job.outdir.mkdir(parents=True, exist_ok=True)
        for ext in ("html", "docx", "json"):
            report.write(rep, job.outdir / f"perbandingan-{ia}-{ib}.{ext}")
    return rep


def model(reg: Regulation) -> SistemKerja:
    """The sistem-kerja model of ``reg`` (roles, procedures, documents, topics), as ``rancang model`` builds it."""
    return build(reg)


def pictures(model_data: SistemKerja) -> dict[str, str]:
    """SVG pictures of a model, {title: svg markup}: the reporting lines, then each procedure as swimlanes, as
    ``rancang model --format svg`` draws them; {} when Graphviz is missing (the page then shows the tables)."""
    out: dict[str, str] = {}
    try:
        out["Garis pelaporan"] = _inline_svg(picture.reporting_graph(model_data).pipe(format="svg"))
        for proc in model_data.get("procedures") or []:
            out[proc["name"]] = _inline_svg(picture.render(model_data, "svg", proc["id"]))
    except Exception:  # noqa: BLE001 - Graphviz missing or failing: the tables still show everything
        return out
    return out


def _inline_svg(data: bytes) -> str:
    """An SVG document as markup to place inside a page (without its XML prolog and doctype)."""
    text = data.decode("utf-8")
    return text[text.find("<svg"):]
