"""Commands ``rancang corpus add|list|show|remove``, ``rancang search`` and ``rancang diff``.

Heavy libraries (rapidfuzz, python-docx, the model) are imported inside the commands that need them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from rancang import atomic
from rancang.corpus import cluster, links, report
from rancang.corpus import diff as diffing
from rancang.corpus import matrix as mx
from rancang.corpus.align import full_text
from rancang.corpus.consolidate import consolidate
from rancang.corpus.dbfile import damaged
from rancang.corpus.jdih import export_feed
from rancang.corpus.provenance import provenance
from rancang.corpus.repair import fts_whole
from rancang.corpus.repair import repair as repair_store
from rancang.corpus.rows import expand_folders
from rancang.corpus.search import parse, plain
from rancang.corpus.search import search as run
from rancang.corpus.standing import standings
from rancang.corpus.store import Store
from rancang.corpus.topics import topics_of
from rancang.errors import InputError
from rancang.ingest import ingest_path
from rancang.ingest.cli import set_ocr
from rancang.ingest.penjelasan import for_node as penjelasan_for

DB_HELP = "Berkas basis data korpus (bawaan: folder data pengguna, atau $RANCANG_DB)."


@contextmanager
def _cluster(jobs: int | None, scheduler: str | None) -> Iterator[Any]:
    """A Dask client of the named (or $RANCANG_SCHEDULER) scheduler; None without one, and the files are then
    read by ``jobs`` local processes (a process pool of the standard library: a plain install needs no Dask).
    See docs/architecture.md, "Reading many files"."""
    address = cluster.scheduler_address(scheduler)
    if address is None:
        yield None
        return
    with cluster.client(jobs or 1, address) as c:
        yield c


def _store(db: str | None, seed: bool = True) -> Any:
    """The corpus; one that cannot be written opens read-only (a write then ends in one sentence)."""
    return Store(db, seed=seed, read_only_ok=True)


@click.group()
def corpus() -> None:
    """Kelola korpus peraturan: tambah, daftar, lihat, hapus.

    Korpus bawaan (peraturan contoh) tersedia tanpa persiapan.

    \b
    Contoh:
      rancang corpus list
      rancang corpus add peraturan/perbup-17-2024.pdf
      rancang corpus show jepara
    """


@corpus.command("add")
@click.argument("paths", metavar="[BERKAS|FOLDER]...", nargs=-1, type=click.Path(exists=True))
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="Jumlah proses pembaca paralel (bawaan: jumlah inti CPU).")
@click.option("--jdih", "feed", metavar="UMPAN",
              help="Impor dokumen yang didaftar umpan metadata JDIH (format JDIHN; berkas atau URL).")
@click.option("--seed/--no-seed", "seed", default=None,
              help="--no-seed: basis data baru ini tetap tanpa korpus bawaan (juga pada perintah berikutnya); "
                   "--seed: isi korpus bawaan sekarang ke basis data yang dibuat dengan --no-seed.")
@click.option("--scheduler", metavar="ALAMAT", default=None,
              help="Penjadwal Dask yang sudah berjalan (misalnya tcp://10.0.0.5:8786; bawaan: $RANCANG_SCHEDULER). "
                   "Tanpa ini, berkas dibaca oleh -j proses di komputer ini (tanpa Dask).")
@click.option("--ocr/--no-ocr", "ocr", default=None,
              help="--ocr: selalu baca PDF dengan OCR; --no-ocr: jangan pernah. Bawaan: OCR per halaman, hanya "
                   "pada halaman yang tidak memiliki lapisan teks yang dapat dibaca.")
def add(paths: tuple[str, ...], db: str | None, jobs: int | None, feed: str | None, seed: bool | None,
        scheduler: str | None, ocr: bool | None) -> None:
    """Tambahkan berkas atau folder peraturan (TXT/MD/PDF/DOCX/JSON) ke korpus.

    Berkas yang sudah ada (sha256 sama) dilewati; setiap peraturan ditulis utuh dalam satu transaksi. Berkas
    dibaca oleh -j proses di komputer ini, atau sebagai tugas Dask pada penjadwal --scheduler; hanya proses ini
    yang menulis korpus, sehingga pekerja yang mati tidak menghilangkan apa pun dan menjalankan ulang
    menyelesaikan sisanya.
    """
    set_ocr(ocr)
    if bool(paths) == bool(feed) and not (seed and not paths and not feed):
        raise InputError("sebutkan berkas/folder peraturan atau --jdih UMPAN (salah satu).")
    with _store(db, seed=seed is not False) as store:
        if seed is False and not store.without_bundled():
            click.echo("catatan: korpus bawaan sudah ada di basis data ini; --no-seed hanya berlaku untuk basis "
                       "data baru (hapus dengan: rancang corpus remove ID).", err=True)
        if seed and store.info("seeded") is None:
            store.seed()
            click.echo("korpus bawaan ditambahkan.")
        if not paths and not feed:
            return
        if feed:
            result = store.add_feed(feed)
        else:
            files, passed = expand_folders(paths)
            for path in passed:
                click.echo(f"dilewati: {path} (bukan peraturan)", err=True)
            with _cluster(jobs, scheduler) as c, click.progressbar(
                    length=len(files), label="Membaca peraturan", show_pos=True, file=sys.stderr) as bar:
                result = store.add_files(files, jobs=jobs, progress=bar.update, cluster=c)
    for rid in result.added:
        click.echo(f"ditambahkan: {rid}")
    for path, rid in result.skipped:
        click.echo(f"sudah ada: {path} ({rid})")
    for path, msg in result.failed:
        click.echo(f"gagal: {path}: {_without_name(msg, path)}", err=True)
    click.echo(f"{len(result.added)} ditambahkan, {len(result.skipped)} sudah ada, "
               f"{len(result.failed)} gagal.")
    if result.failed:
        raise InputError(f"{len(result.failed)} berkas gagal dibaca; lihat pesan di atas.")


def _without_name(msg: str, path: str) -> str:
    """A reader's message without the file name it already opens with ("surat.docx: bukan teks ..." -> "bukan
    teks ..."), so a failure line names the file once."""
    for name in (str(path), Path(path).name):
        if msg.startswith(name + ": "):
            return msg[len(name) + 2:]
    return msg


@corpus.command("list")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
def list_(db: str | None, as_json: bool) -> None:
    """Daftar peraturan dalam korpus."""
    with _store(db) as store:
        rows = [dict(r) for r in store.entries()]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("Korpus kosong.")
        return
    w = max(len(r["id"]) for r in rows)
    for r in rows:
        act = (f"{r['jenis']} Nomor {r['nomor']} Tahun {r['tahun']}" if r["nomor"] else
               f"{r['jenis']} Tahun {r['tahun']} (belum bernomor)") if r["jenis"] else (r["file"] or "")
        click.echo(f"{r['id']:<{w}}  {r['daerah'] or '-':<26} {act.strip():<40} {r['clauses']:>4} klausul"
                   + ("  [bawaan]" if r["bundled"] else ""))


@corpus.command("show")
@click.argument("id")
@click.option("--cite", help='Tampilkan satu klausul beserta isinya, misalnya "Pasal 4 ayat (2)".')
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON (klausul dengan id, sebutan dan bunyi).")
@click.option("--konsolidasi", is_flag=True, help="Bacaan konsolidasi: pasal dengan semua perubahannya diterapkan.")
def show(id: str, cite: str | None, db: str | None, as_json: bool, konsolidasi: bool) -> None:
    """Tampilkan satu peraturan dari korpus (atau satu klausulnya dengan --cite)."""
    with _store(db) as store:
        row = store.get_row(id)
        linked = links.links(store.db, row["id"])
        if konsolidasi:
            _consolidated(store, row["id"], linked, as_json)
            return
        if cite:
            reg = store.regulation(row["id"])
            node = reg.find(cite.strip())
            if node is None:
                raise InputError(f"'{cite}' tidak ditemukan dalam {row['id']}.")
            rows = [{"cite": n.cite, "id": n.id, "text": n.text} for n in node.walk() if n.text or n.heading]
            # the Penjelasan of this clause ("Pasal 5  Cukup jelas."), as printed in the act's Penjelasan
            explained = [{"cite": b.cite, "id": b.id, "text": b.text}
                         for b in penjelasan_for(reg.penjelasan, node.id) if b.type == "paragraph"]
            if as_json:
                doc = {"id": row["id"], "cite": node.cite, "clauses": rows, "penjelasan": explained}
                click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
            else:
                click.echo(f"{row['id']} {node.cite}")
                click.echo(full_text(node))
                if explained:
                    click.echo("\nPenjelasan:")
                    for b in explained:
                        click.echo(f"  {b['cite']}: {b['text']}")
            return
        rows = [dict(r) for r in store.clause_rows(row["id"])]
        origin = provenance(store.regulation(row["id"]))
    if as_json:
        click.echo(json.dumps({"id": row["id"], "daerah": row["daerah"], "asal": origin, "status": links.status(linked),
                               "links": linked, "clauses": rows}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{row['id']}: {row['jenis'] or ''} {row['daerah'] or ''} "
               f"Nomor {row['nomor']} Tahun {row['tahun']}")
    if row["tentang"]:
        click.echo(f"tentang {row['tentang']}")
    click.echo(f"status: {links.status(linked)}")
    click.echo(f"asal: {origin}")
    for key in ("mengubah", "mencabut"):
        if linked[key]:
            click.echo(f"{key}: {', '.join(linked[key])}")
    for r in rows:
        click.echo(f"  {r['cite']:<28} {r['text'][:100]}")


def _consolidated(store: Any, rid: str, linked: dict[str, list[str]], as_json: bool) -> None:
    """Print the consolidated reading of ``rid``: its Pasal with every stored amendment applied in order."""
    done = consolidate(store.regulation(rid), [(a, store.regulation(a)) for a in linked["diubah_dengan"]])
    if as_json:
        click.echo(json.dumps({"id": rid, "status": links.status(linked), **done.to_dict()}, ensure_ascii=False,
                              indent=2))
        return
    click.echo(f"{rid} (konsolidasi; status: {links.status(linked)})")
    for e in done.entries:
        marks = "; ".join(f"{how} dengan {by}" for by, how in e.changes)
        click.echo(f"  {e.cite:<10} {e.text}" + (f"  [{marks}]" if marks else ""))
    for u in done.unapplied:
        click.echo(f"  perubahan tidak dapat diterapkan: {u}")


@corpus.command("remove")
@click.argument("id")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
def remove(id: str, db: str | None) -> None:
    """Hapus satu peraturan (dan semua klausulnya) dari korpus."""
    with _store(db) as store:
        rid = store.get_row(id)["id"]
        store.remove(rid)
    click.echo(f"dihapus: {rid}")


@click.command()
@click.argument("query", metavar="KATA...", nargs=-1, required=True)
@click.option("--daerah", metavar="DAERAH", help="Batasi pada daerah (id korpus atau nama daerah, misalnya 'jepara').")
@click.option("--topic", metavar="TOPIK", help="Batasi pada klausul satu topik model, misalnya 'bentuk_penugasan'.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True,
              help="Jumlah hasil paling banyak.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True,
              help="Lewati sekian hasil pertama (halaman berikutnya: --offset sama dengan --limit).")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
def search(query: tuple[str, ...], daerah: str | None, topic: str | None, limit: int, offset: int,
           db: str | None, as_json: bool) -> None:
    """Cari klausul di seluruh korpus: satu keluarga kata ("tugas" menemukan "penugasan", "ditugaskan"),
    "frasa dalam tanda kutip" persis, salah ketik dibetulkan, "perbup 17 2024" menemukan peraturannya.

    \b
    Contoh:
      rancang search tugas pegawai
      rancang search '"ketua tim kerja"' --daerah jepara
      rancang search perbup 17 2024"""
    with _store(db) as store:
        q = parse(store, " ".join(query))
        hits = run(store, q, daerah=daerah, topic=topic, limit=limit, offset=offset)
        if not hits and not fts_whole(store.db):  # no hit from a damaged index is no answer
            raise InputError(damaged(store.path, "indeks pencarian tidak sesuai dengan isi korpus"))
        about = standings(store, (h.reg for h in hits))
    states = {r: a["status"] for r, a in about.items()}
    if as_json:  # each hit with its act's status, links and provenance (as ``corpus show --json`` names them)
        click.echo(json.dumps([h.to_dict() | {k: about[h.reg][k] for k in ("status", "asal", "links")}
                               for h in hits], ensure_ascii=False, indent=2))
        return
    for typed, used in q.corrections.items():
        click.echo(f"'{typed}' tidak ada dalam korpus; dicari '{used}'.")
    if not hits and q.cite and q.regs is not None and not offset:  # a Pasal asked of acts that lack it
        click.echo(f"{q.cite} tidak ditemukan dalam {', '.join(q.regs)}." if q.regs
                   else "Peraturan yang disebut tidak ada dalam korpus.")
        return
    if not hits:
        click.echo("Tidak ada hasil." if not offset else f"Tidak ada hasil lagi setelah {offset} hasil pertama.")
        return
    on, off = "\x1b[1;33m", "\x1b[0m"
    for h in hits:
        state = "" if states[h.reg] == "berlaku" else f"  [{states[h.reg]}]"  # an act not in force says so
        click.echo(f"{h.reg:<16} {h.cite}{state}")
        click.echo("    " + plain(h.snippet, on, off))


@click.command()
@click.argument("sides", metavar="PERATURAN_A PERATURAN_B", nargs=-1)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Tulis laporan: .html, .json atau .docx (matriks: .html atau .csv).")
@click.option("--matrix", is_flag=True, help="Matriks topik x daerah untuk id yang disebut (atau --all).")
@click.option("--all", "all_", is_flag=True, help="Dengan --matrix: seluruh korpus.")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--no-topics", is_flag=True, help="Pasangkan menurut kemiripan teks saja, tanpa topik model.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None, help="Proses paralel untuk --matrix.")
@click.option("--scheduler", metavar="ALAMAT", default=None,
              help="Dengan --matrix: penjadwal Dask yang sudah berjalan (bawaan: $RANCANG_SCHEDULER).")
def diff(sides: tuple[str, ...], output: str | None, matrix: bool, all_: bool, db: str | None,
         no_topics: bool, jobs: int | None, scheduler: str | None) -> None:
    """Bandingkan dua peraturan A dan B menurut makna (berkas, pohon JSON atau id korpus).

    Tanpa -o: ringkasan per topik di layar. Dengan --matrix: tabel topik x daerah.

    \b
    Contoh:
      rancang diff bogor jepara
      rancang diff bogor jepara -o perbandingan.html
      rancang diff --matrix bogor jepara malang -o matriks.csv
    """
    if matrix:
        _matrix(sides, output, all_, db, jobs, scheduler)
        return
    if len(sides) != 2:
        raise InputError(
            "sebutkan tepat dua peraturan: rancang diff A B (berkas, pohon JSON atau id korpus).")
    loaded = [_side(s, db, not no_topics) for s in sides]
    (ra, ta, ia, sa), (rb, tb, ib, sb) = loaded
    rep = diffing.compare(ra, rb, ta, tb, ia, ib)
    if sa or sb:  # a stored act's status (berlaku / diubah / dicabut) heads its side
        with _store(db) as store:
            diffing.mark_status(rep, store.db, ia if sa else None, ib if sb else None)
    if output:
        path = report.write(rep, output)
        click.echo(f"laporan ditulis: {path} ({report.counts(rep)[:-1]})")
    else:
        click.echo(report.text(rep))


def _side(key: str, db: str | None, topics: bool) -> tuple[Any, dict[str, Any] | None, str, bool]:
    """A diff side, its model topics, its name and whether it is a stored act: a file (text or JSON tree) if the
    path exists, else a corpus id."""
    p = Path(key)
    if p.exists():
        reg = ingest_path(p)
        return reg, (topics_of(reg) if topics else None), p.name, False
    with _store(db) as store:
        rid = store.get_row(key)["id"]
        return store.regulation(rid), (store.topics(rid) if topics else None), rid, True


def _matrix(ids: tuple[str, ...], output: str | None, all_: bool, db: str | None, jobs: int | None,
            scheduler: str | None = None) -> None:
    if bool(ids) == all_:
        raise InputError("untuk --matrix sebutkan id peraturan atau --all (salah satu saja).")
    address = cluster.scheduler_address(scheduler)
    with _store(db) as store:
        if address:
            with cluster.client(jobs or 1, address) as c:
                m = mx.matrix(store, list(ids) or None, jobs=jobs, cluster=c)
        else:
            m = mx.matrix(store, list(ids) or None, jobs=jobs)
    if output:
        path = mx.write(m, output)
        click.echo(f"matriks ditulis: {path} ({len(m['topics'])} topik x {len(m['regions'])} daerah)")
    else:
        click.echo(mx.to_csv(m), nl=False)


@corpus.command("export")
@click.option("--jdih", "jdih", is_flag=True, required=True,
              help="Tulis metadata seluruh korpus sebagai umpan JDIH (format JDIHN, JSON).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Berkas keluaran (bawaan: layar).")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
def export(jdih: bool, output: str | None, db: str | None) -> None:
    """Ekspor metadata korpus sebagai umpan JDIH yang dapat diambil portal JDIHN."""
    with _store(db) as store:
        text = json.dumps(export_feed(store), ensure_ascii=False, indent=1) + "\n"
    if output:
        atomic.write_text(output, text)
        click.echo(f"umpan JDIH ditulis: {output}")
    else:
        click.echo(text, nl=False)


@corpus.command("repair")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
def repair_(db: str | None) -> None:
    """Periksa berkas korpus dan perbaiki yang dapat diperbaiki (indeks pencarian, baris klausul, data topik).

    Peraturan yang pohonnya rusak dan bukan bawaan dihapus dan disebutkan, agar berkasnya dapat ditambahkan lagi."""
    with Store(db, seed=False) as store:
        done = repair_store(store.db, str(store.path))
    for line in done:
        click.echo(f"diperbaiki: {line}")
    click.echo(f"{len(done)} perbaikan; korpus utuh." if done else "korpus utuh; tidak ada yang perlu diperbaiki.")

