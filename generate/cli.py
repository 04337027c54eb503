"""Click commands of the generate stage: ``rancang draft``, ``rancang check``, ``rancang letter``.

Heavy libraries (docxtpl, the parser, the model) are imported inside the commands so ``rancang --help`` stays fast.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from rancang import atomic
from rancang.corpus import regulations
from rancang.errors import InputError, RancangError
from rancang.generate import check as checker
from rancang.generate import naskah
from rancang.generate.check import fix
from rancang.generate.check.base import Finding
from rancang.generate.check.coverage import coverage, is_sistem_kerja
from rancang.generate.check.fix import Change, format_changes
from rancang.generate.draft import build as drafting
from rancang.generate.draft import consensus
from rancang.generate.draft.sources import Sources
from rancang.generate.naskah import letterset, steps
from rancang.generate.naskah import scenario as scenarios
from rancang.generate.shared import profile as profiles
from rancang.generate.shared.profile import read_data
from rancang.ingest import ingest_path


def _parse_take(values: tuple[str, ...]) -> list[tuple[str, str]]:
    out = []
    for v in values:
        topic, sep, region = v.partition("=")
        if not sep or not topic.strip() or not region.strip():
            raise InputError(f"--take '{v}' harus berbentuk TOPIK=DAERAH, mis. pengelolaan_kinerja=bogor.")
        out.append((topic.strip(), region.strip()))
    return out


@click.command("draft")
@click.argument("profile", metavar="[PROFIL]", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--contoh", metavar="NAMA", help="Pakai profil contoh bawaan sebagai PROFILE (sleman, kota-magelang).")
@click.option("--base", default=None, metavar="DAERAH|model|consensus",
              help="Dasar rancangan: 'model' (bawaan: model Perbup, setiap ketentuan dengan rumusan yang dimuat "
                   "sebagian besar peraturan daerah di korpus), atau peraturan satu daerah dalam korpus (setiap "
                   "ketentuannya yang menyimpang dari model dicatat sebagai keputusan); 'consensus' memilih peraturan "
                   "yang ketentuannya paling sejalan dengan peraturan lain di korpus.")
@click.option("--take", "takes", multiple=True, metavar="TOPIK=DAERAH",
              help="Ambil klausul satu topik dari peraturan lain dalam korpus; boleh diulang.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Basis data korpus (bawaan: $RANCANG_DB atau folder data pengguna).")
@click.option("-o", "--out", "outdir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder keluaran: draft.docx, draft.md, draft.json, catatan.md, harmonisasi.docx, "
                   "harmonisasi.md.")
@click.option("--timpa", "overwrite", is_flag=True,
              help="Timpa berkas keluaran yang telah diubah sejak rancang menulisnya (tanpa opsi ini rancang menolak "
                   "dan menyebut berkasnya).")
@click.option("--contoh-profil", "template", metavar="BERKAS", type=click.Path(dir_okay=False, path_type=Path),
              help="Tulis profil kosong berketerangan ke BERKAS untuk diisi (lalu: rancang draft BERKAS -o FOLDER).")
def draft(profile: Path | None, contoh: str | None, base: str | None, takes: tuple[str, ...], db: Path | None,
          outdir: Path | None, overwrite: bool, template: Path | None) -> None:
    """Susun rancangan Pergub/Perbup/Perwali sistem kerja untuk daerah dalam PROFILE (YAML/JSON) atau --contoh NAMA.

    Profil daerah sendiri dimulai dari --contoh-profil profil.yaml. Setiap temuan pemeriksaan rancangan dicetak;
    status keluar 1 bila ada galat.

    \b
    Contoh:
      rancang draft --contoh sleman -o keluaran/sleman
      rancang draft --contoh-profil profil.yaml        # profil kosong untuk daerah sendiri
      rancang draft profil.yaml -o keluaran/daerah     # ulangi dengan --timpa bila berkasnya telah diubah"""
    if template is not None:
        if profile is not None or contoh is not None or outdir is not None:
            raise InputError("--contoh-profil hanya menulis profil kosong; jalankan tanpa PROFILE, --contoh dan -o.")
        profiles.write_template(template)
        click.echo(f"ditulis: {template}\nisi nilai yang masih null, lalu: rancang draft {template} -o keluaran")
        return
    if outdir is None:  # required unless --contoh-profil: click's own usage error, as when it was required
        ctx = click.get_current_context()
        raise click.MissingParameter(ctx=ctx, param=next(p for p in ctx.command.params if p.name == "outdir"))
    if (profile is None) == (contoh is None):
        raise InputError("sebutkan PROFILE (berkas YAML/JSON) atau --contoh NAMA, salah satu saja.")
    prof = profiles.load(profile if profile is not None else profiles.example_path(contoh or ""))
    src = Sources(db)
    try:
        if base == "consensus":
            base = consensus.base_region(src)
            click.echo(f"dasar konsensus: {base} (paling sejalan dengan peraturan lain di korpus)")
        d = drafting.build(prof, base, _parse_take(takes), sources=src)
    finally:
        src.close()
    paths = drafting.write(d, outdir, overwrite)
    findings = d.findings  # the check of the finished tree that build made for the matrix (issue 33: not twice)
    matrix = [p for p in paths if p.name.startswith("harmonisasi.")]
    for p in paths:
        if p not in matrix:
            click.echo(f"ditulis: {p}")
    n = d.notes.counts()
    click.echo(f"{prof.jenis_peraturan} {prof.nama}: {len(d.reg.pasals())} pasal, "
               f"{sum(1 for n in d.reg.body if n.type == 'bab')} BAB, {len(d.reg.mengingat)} dasar hukum; "
               f"catatan.md: {n['putusan']} keputusan, {n['isian']} isian, {n['opsi']} opsi dari daerah lain, "
               f"{n['perbaikan']} perbaikan, {n['dihapus']} ketentuan tidak dibawa.")
    click.echo(f"matriks harmonisasi ditulis: {', '.join(str(p) for p in matrix)}")
    click.echo(checker.format_text(findings, "pemeriksaan"))
    errors = sum(f["severity"] == "error" for f in findings)
    if errors:
        raise RancangError(f"rancangan memuat {errors} galat kaidah penyusunan (lihat di atas).")


@click.command("check")
@click.argument("file", metavar="BERKAS", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text untuk dibaca, json untuk mesin.")
@click.option("--fix", "do_fix", is_flag=True,
              help="Terapkan perbaikan mekanis (rumusan rujukan, huruf kapital istilah, tanda baca akhir, "
                   "penomoran) lalu tulis hasilnya ke -o; isi ketentuan tidak diubah.")
@click.option("--fix-ocr", "fix_ocr", is_flag=True,
              help="Bersama --fix: perbaiki juga teks hasil OCR (bawaan: teks hasil OCR tidak diubah).")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas hasil --fix (DOCX untuk masukan DOCX, selain itu teks).")
def check(file: Path, fmt: str, do_fix: bool, fix_ocr: bool, out: Path | None) -> None:
    """Periksa BERKAS (TXT/MD/PDF/DOCX/JSON) terhadap kaidah penyusunan; keluar non-nol bila ada galat.

    \b
    Contoh:
      rancang check keluaran/sleman/draft.docx
      rancang check perbup.pdf --format json
      rancang check perbup.docx --fix -o perbup-diperbaiki.docx"""
    if out is not None and not do_fix:
        raise InputError("-o hanya dipakai bersama --fix.")
    if fix_ocr and not do_fix:
        raise InputError("--fix-ocr hanya dipakai bersama --fix.")
    if do_fix:
        if out is None:
            raise InputError("--fix memerlukan -o BERKAS untuk hasil perbaikan.")
        findings, changes = _fix(file, out, fix_ocr)
    else:
        reg = ingest_path(file)
        findings, changes = checker.check(reg), None
    if fmt == "json":
        data: dict[str, Any] = {"findings": findings} if changes is None else {"findings": findings, "changes": changes,
                                                                "output": str(out)}
        if changes is None:
            if is_sistem_kerja(reg):
                data["coverage"] = coverage(reg)  # S1: where each sistem-kerja topic is regulated
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        if changes is not None:
            click.echo(f"ditulis: {out} ({sum(c['applied'] for c in changes)} perbaikan)")
            if changes:
                click.echo(format_changes(changes))
            click.echo("sisa temuan:")
        click.echo(checker.format_text(findings, file.name))
    errors = sum(f["severity"] == "error" for f in findings)
    if errors:  # an error (not click's Exit) so that the status survives rancang.cli.main's standalone_mode=False
        raise RancangError(f"{file.name}: {errors} galat kaidah penyusunan.")


def _fix(file: Path, out: Path, fix_ocr: bool = False) -> tuple[list[Finding], list[Change]]:
    """Apply the mechanical fixes of FILE's findings and write the result to ``out``: (remaining findings,
    changes). OCR'd text is fixed only with ``fix_ocr``."""
    return fix.fix_file(file, out, fix_ocr=fix_ocr)


@click.command("letter")
@click.argument("type_", metavar="[JENIS]", required=False)
@click.argument("data", metavar="[DATA]", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--list", "list_", is_flag=True, help="Tampilkan jenis surat dan skenario yang tersedia.")
@click.option("--example", is_flag=True, help="Cetak contoh data YAML yang dapat diisi untuk JENIS atau --scenario.")
@click.option("--scenario", metavar="NAMA", help="Seluruh naskah satu prosedur, berurutan: DATA -> FOLDER (-o).")
@click.option("--peraturan", metavar="ID|BERKAS",
              help="Dengan --scenario: ambil langkah dan pasal prosedur dari model peraturan daerah ini (id korpus "
                   "atau berkas, mis. draft.json). Tanpa opsi ini: draft.json daerah itu di folder keluaran atau "
                   "folder data, atau peraturan daerah itu dalam korpus; bila tidak ada, tidak ada pasal yang "
                   "dikutip: langkahnya langkah baku skenario.")
@click.option("-o", "--out", type=click.Path(path_type=Path),
              help="Berkas DOCX keluaran (satu surat), atau folder atau berkas .zip keluaran (--scenario); dengan "
                   "--example: berkas data contoh yang ditulis (berkas yang sudah ada tidak ditimpa).")
@click.option("--timpa", "overwrite", is_flag=True,
              help="Timpa berkas keluaran yang telah diubah sejak rancang menulisnya (tanpa opsi ini rancang menolak "
                   "dan menyebut berkasnya).")
@click.option("--check", "check_dir", type=click.Path(path_type=Path), metavar="FOLDER|ZIP",
              help="Periksa kesesuaian naskah satu set dalam FOLDER atau arsip ZIP yang ditulis rancang (tanggal, "
                   "nomor rujukan, masa, kegiatan).")
def letter(type_: str | None, data: Path | None, list_: bool, example: bool, scenario: str | None,
           peraturan: str | None, out: Path | None, overwrite: bool, check_dir: Path | None) -> None:
    """Buat naskah dinas JENIS dari DATA (YAML/JSON) sebagai DOCX, atau seluruh naskah satu --scenario (tanpa JENIS).

    \b
    Contoh:
      rancang letter --list
      rancang letter surat-perintah-tugas --example -o data.yaml
      rancang letter surat-perintah-tugas data.yaml -o surat.docx
      rancang letter --scenario penunjukan-dalam-unit --example -o skenario.yaml
      rancang letter --scenario penunjukan-dalam-unit skenario.yaml -o surat/
      rancang letter --check surat/                    # atau arsip ZIP yang ditulis rancang"""
    if check_dir is not None:
        n = letterset.check_path(check_dir)
        click.echo(f"konsisten: {n} naskah dalam {check_dir} saling sesuai.")
        return
    if list_:
        for name, t in naskah.types().items():
            click.echo(f"{name:<36} {t['judul']}")
        click.echo("\nskenario (--scenario):")
        for name, s in scenarios.scenarios().items():
            click.echo(f"{name:<36} {s['judul']}")
        return
    if scenario:
        _letter_scenario(scenario, type_, data, example, peraturan, out, overwrite)
        return
    if not type_:
        raise InputError("sebutkan JENIS surat atau --scenario NAMA (lihat: rancang letter --list).")
    naskah.get_type(type_)
    if example:
        _example(naskah.example(type_), out)
        return
    data, out = _needs(data, out, "BERKAS.docx", f"rancang letter {type_} --example -o data.yaml")
    content = naskah.render(type_, read_data(data, "data surat"))
    atomic.write_bytes(out, content)
    click.echo(f"ditulis: {out}")


def _example(text: str, out: Path | None) -> None:
    """Sample data printed, or written to ``out`` (never over an existing file: it may be the clerk's filled-in
    data)."""
    if out is None:
        click.echo(text, nl=False)
        return
    if out.exists():
        raise InputError(f"{out} sudah ada; contoh data tidak menimpa berkas yang ada: pilih nama lain dengan -o.")
    atomic.write_text(out, text)
    click.echo(f"ditulis: {out}")


def _needs(data: Path | None, out: Path | None, target: str, sample: str) -> tuple[Path, Path]:
    """(DATA, ``-o TARGET``) both given; else InputError saying only what is missing of them."""
    if data is None and out is None:
        raise InputError(f"perlu DATA dan -o {target} (contoh data: {sample}).")
    if data is None:
        raise InputError(f"perlu berkas DATA (YAML/JSON) sebelum -o (contoh data: {sample}).")
    if out is None:
        raise InputError(f"perlu -o {target}: tempat menulis hasilnya.")
    return data, out


def _peraturan(name: str, values: Any, base: Path, peraturan: str | None,
               folders: tuple[Path, ...]) -> steps.Peraturan | None:
    """The regulation scenario ``name``'s letters follow, resolved here once: the one named by ``--peraturan``, else
    the region's own draft in ``folders`` or its bundled regulation; None when there is none (no clause cited)."""
    found = regulations.default_for(scenarios.region(name, values, base), folders) if peraturan is None else None
    named = peraturan or found
    return steps.Peraturan(named, regulations.model_of(named), found is not None) if named else None


def _letter_scenario(name: str, first: str | None, data: Path | None, example: bool, peraturan: str | None,
                     out: Path | None, overwrite: bool = False) -> None:
    """``rancang letter --scenario NAME [--example | DATA -o DIR]`` (DATA may stand in the JENIS position)."""
    scenarios.get_scenario(name)
    if example:
        _example(scenarios.scenario_example_yaml(name), out)
        return
    source = data or (Path(first) if first else None)
    source, out = _needs(source, out, "FOLDER", f"rancang letter --scenario {name} --example -o data.yaml")
    # the output folder, the folder above it (README: `draft -o DIR` then `letter ... -o DIR/surat`), the data's
    outdir = out if out.suffix.lower() != ".zip" else out.parent
    folders = (outdir, outdir.resolve().parent, source.resolve().parent)
    values, base = read_data(source, "data skenario"), source.resolve().parent
    built = scenarios.build(name, values, base, _peraturan(name, values, base, peraturan, folders))
    if built.sumber:
        click.echo(f"peraturan daerah: {built.sumber} (ditemukan otomatis; pilih yang lain dengan --peraturan)")
    if out.suffix.lower() == ".zip":
        atomic.write_bytes(out, scenarios.to_zip(built))
        click.echo(f"ditulis: {out}")
        return
    for path in scenarios.write(built, out, overwrite):
        click.echo(f"ditulis: {path}")
