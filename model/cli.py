"""``rancang model``: the sistem-kerja model of one regulation, as JSON, a Markdown memo, a Mermaid diagram, or
pictures (SVG / PNG, drawn by Graphviz) of its reporting lines and procedures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from rancang import atomic, schema
from rancang.ingest import ingest_path
from rancang.model import build, picture
from rancang.model.render import to_markdown, to_mermaid


@click.command("model")
@click.argument("source", metavar="BERKAS", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas keluaran; tanpa opsi ini hasil ditulis ke layar.")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "mermaid", "svg", "png"]), default="json",
              show_default=True,
              help="json: model lengkap (skema sistemkerja); md: ringkasan untuk memo; mermaid: diagram teks; "
                   "svg/png: gambar garis pelaporan dan alur tiap prosedur per pihak (Graphviz).")
@click.option("--procedure", "procedure", default=None, metavar="ID",
              help="Hanya untuk svg/png: gambar satu prosedur saja (id prosedur dari model JSON).")
def model(source: Path, out: Path | None, fmt: str, procedure: str | None) -> None:
    """Susun model sistem kerja dari SOURCE (berkas peraturan atau pohon JSON hasil `rancang ingest`).

    Model memuat letak pengaturan tiap materi, prinsip, komponen, bentuk penugasan, lingkup pelaksanaan tugas,
    peran beserta tugas dan garis pelaporannya, prosedur penugasan langkah demi langkah, dan surat yang
    diperlukan; setiap butir disertai rujukan pasal atau Lampiran.
    """
    reg = ingest_path(source)
    data = build(reg)
    schema.validate("sistemkerja", data)
    if fmt in ("svg", "png"):
        payload = picture.render(data, fmt, procedure)
    elif fmt == "json":
        payload = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    elif fmt == "md":
        payload = to_markdown(data).encode("utf-8")
    else:
        payload = to_mermaid(data).encode("utf-8")
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        return
    atomic.not_a_source(out, [source])
    atomic.write_bytes(out, payload)
    click.echo(f"Model ditulis ke {out} ({len(data['roles'])} peran, {len(data['procedures'])} prosedur, "
               f"{len(data['documents'])} dokumen).", err=True)
