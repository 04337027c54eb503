"""``rancang kb``: build the knowledge base of acts, show an act with its facts and sources, find acts by title."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from rancang.errors import InputError
from rancang.kb import store
from rancang.kb.build import build as build_kb
from rancang.kb.build import observations_path

_STATUS = {"verified": "terverifikasi", "disputed": "diperselisihkan", "unverified": "belum terverifikasi"}
_FACTS = [("tentang", "Judul (tentang)"), ("ln", "Lembaran Negara"), ("bn", "Berita Negara"),
          ("tln", "Tambahan Lembaran Negara"), ("ld", "Lembaran Daerah"), ("ld_nama", "Nama Lembaran Daerah"),
          ("tanggal", "Tanggal diundangkan")]
_RELATIONS = [("amended_by", "Diubah dengan"), ("repealed_by", "Dicabut dengan"), ("amends", "Mengubah"),
              ("repeals", "Mencabut")]


@click.group("kb")
def kb() -> None:
    """Basis pengetahuan peraturan: nomor pengundangan, perubahan dan pencabutan, masing-masing dengan sumbernya.

    \b
    Contoh:
      rancang kb show "PP 18/2016"
      rancang kb cari pemerintahan daerah
    """


@kb.command("build")
@click.argument("root", type=click.Path(file_okay=False, exists=True))
@click.option("-o", "--out", type=click.Path(file_okay=False), help="Folder keluaran (bawaan: data paket rancang).")
@click.option("--jobs", "-j", type=click.IntRange(1), help="Jumlah proses pembaca (bawaan: semua inti).")
@click.option("--scheduler", help="Alamat penjadwal Dask (tcp://...); bawaan: klaster lokal.")
@click.option("--reuse", is_flag=True, help="Pakai ulang hasil baca sebelumnya (tersimpan di cache pengguna).")
def build(root: str, out: str | None, jobs: int | None, scheduler: str | None, reuse: bool) -> None:
    """Bangun basis pengetahuan dari koleksi ROOT (data-peraturan/ dan bpk-uu-metadata/)."""
    out_dir = Path(out) if out else store.package_file("data")
    bar: Any = None

    def started(n: int) -> None:
        nonlocal bar
        bar = click.progressbar(length=n, label="Membaca peraturan", show_pos=True, file=sys.stderr)
        bar.__enter__()

    try:
        record = build_kb(Path(root), out_dir / "acts.jsonl.gz", out_dir / "build.json",
                          observations_path(), jobs=jobs, scheduler=scheduler,
                          progress=lambda k: bar.update(k), reuse=reuse, on_items=started)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    reading = record["reading"]
    click.echo(f"{record['acts']} peraturan dalam basis pengetahuan ({out_dir / 'acts.jsonl.gz'}).")
    if "seconds" in reading and not reading.get("reused"):
        click.echo(f"{reading['files']} berkas dibaca dalam {reading['seconds']} detik "
                   f"({reading['files_per_second']} berkas/detik); {len(reading['refused'])} ditolak, "
                   f"{len(reading['errors'])} galat internal.")
        for err in reading["errors"]:
            click.echo(f"galat internal: {err['file']}: {err['error']}", err=True)


@kb.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
def show(name: str, as_json: bool) -> None:
    """Tampilkan peraturan NAME ("PP 18/2016") dengan fakta dan sumbernya."""
    base = store.load()
    rec = base.find(name)
    if rec is None:
        raise InputError(f"{name}: tidak ada dalam basis pengetahuan.")
    if as_json:
        click.echo(json.dumps(rec, ensure_ascii=False, indent=2))
        return
    click.echo(base.name(rec["key"]))
    unsure = [label for fact_name, label in _FACTS if fact_name in rec["facts"]
              and rec["facts"][fact_name]["status"] != "verified"]
    if unsure:
        click.echo(f"  Belum terverifikasi: {', '.join(unsure)}; periksa naskah resminya sebelum mengutipnya.")
    for fact_name, label in _FACTS:
        fact = rec["facts"].get(fact_name)
        if fact is None:
            continue
        click.echo(f"  {label}: {_value(fact_name, fact['value'])}  [{_STATUS[fact['status']]}; "
                   f"{fact['agree']} sumber setuju, {fact['disagree']} berbeda]")
        click.echo(f"      sumber: {_names(base, fact['sources'])}")
        for other in fact["others"]:
            said = "disingkat" if other.get("singkatan") else "tertulis lain"
            click.echo(f"      {said}: {_value(fact_name, other['value'])} menurut {other['count']} sumber "
                       f"({_names(base, other['sources'])})")
        for odd in fact.get("implausible") or []:
            click.echo(f"      diabaikan (di luar urutan nomor tahun itu): {_value(fact_name, odd['value'])} menurut "
                       f"{odd['count']} sumber ({_names(base, odd['sources'])})")
    for rel, label in _RELATIONS:
        for r in rec[rel]:
            click.echo(f"  {label}: {base.name(r['act'])}  [{_STATUS[r['status']]}; {r['count']} sumber: "
                       f"{_names(base, r['sources'])}]")
            if r.get("mk"):
                struck = r["act"] if rel == "repealed_by" else rec["key"]
                click.echo(f"      {base.short(struck)} diputus Mahkamah Konstitusi ({', '.join(r['mk'])}): "
                           f"pencabutan ini dapat tidak berlaku")
    for d in rec.get("mk") or []:
        click.echo(f"  Putusan Mahkamah Konstitusi: {d['putusan'] or 'nomor tidak disebut'} ({_SCOPE[d['lingkup']]})"
                   f"  [{_names(base, d['sources'])}]")
        click.echo(f"      bunyi: {d['bunyi']}")


#: the scope of a decision of the Mahkamah Konstitusi as ``kb show`` prints it (:mod:`rancang.kb.mk`)
_SCOPE = {"seluruh": "seluruh undang-undang", "sebagian": "sebagian ketentuan",
          "tidak disebut": "seluruhnya atau sebagian tidak disebut"}


#: sources named per fact by ``kb show`` (all of them with --json)
SHOWN = 10


def _names(base: store.KnowledgeBase, sources: list[str]) -> str:
    names = ", ".join(base.source_name(s) for s in sources[:SHOWN])
    return names + (f", dan {len(sources) - SHOWN} lainnya (--json)" if len(sources) > SHOWN else "")


@kb.command("cari")
@click.argument("words", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
def cari(words: tuple[str, ...], as_json: bool, limit: int) -> None:
    """Cari peraturan menurut kata dalam judulnya."""
    base = store.load()
    hits = base.search(" ".join(words), limit=limit)
    if as_json:
        click.echo(json.dumps([{"key": r["key"], "nama": base.name(r["key"]),
                                "tentang": (r["facts"].get("tentang") or {}).get("value"),
                                "status": (r["facts"].get("tentang") or {}).get("status")} for r in hits],
                              ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("Tidak ada peraturan yang judulnya memuat kata itu.")
        return
    for r in hits:
        title = r["facts"]["tentang"]
        mark = "" if title["status"] == "verified" else f"  [judul {_STATUS[title['status']]}]"
        click.echo(f"{base.short(r['key'])}\t{base.name(r['key'])} tentang {title['value']}{mark}")


def _value(name: str, value: Any) -> str:
    if name in ("ln", "bn", "ld") and isinstance(value, list):
        return f"Tahun {value[0]} Nomor {value[1]}"
    if name in ("tln",):
        return f"Nomor {value}"
    return str(value)
